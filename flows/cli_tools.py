"""Developer and operator tools: ``sarpack eval``, ``sarpack train-ner``, ``sarpack bench``.

Each passes its remaining arguments to the module that does the work, so the
module's own ``--help`` is the reference.
"""
from __future__ import annotations

import argparse
import importlib

TOOLS = {
    "eval": ("pipeline.evaluate", "precision/recall/F1 of detection over a labelled corpus"),
    "train-ner": ("recognizers.ner.train", "train the shipped spaCy NER model from ../shared/data/ner"),
    "bench": ("pipeline.bench", "speed benchmark: pages/s end to end, per-stage timings, peak RSS"),
}


def _run(args: argparse.Namespace) -> int:
    module, _ = TOOLS[args.command]
    return importlib.import_module(module).main(args.tool_args)


def dispatch(argv: list[str]) -> int | None:
    """Run a tool directly when it is the first word, so options such as ``--help`` reach it."""
    if argv and argv[0] in TOOLS:
        return importlib.import_module(TOOLS[argv[0]][0]).main(argv[1:])
    return None


def add_subparsers(sub) -> None:
    for name, (_, help_text) in TOOLS.items():
        p = sub.add_parser(name, help=help_text, add_help=False)
        p.add_argument("tool_args", nargs=argparse.REMAINDER)
        p.set_defaults(func=_run)
