"""The ``sarpack`` command.

    sarpack submit <CASE_ID> --store <dir> --out <dir> [--auto-approve]
    sarpack status <CASE_ID> | approve <CASE_ID> --reviewer <name> | review | add-reviewer <name>

Exit codes: 0 a bundle was produced (some documents may have failed; they are listed);
2 nothing could be produced (bad case ID, unreadable case.json, ...);
3 a bundle was produced but failed verification and is marked not for release.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_CASE, EXIT_NOT_RELEASED = 0, 1, 2, 3


def _fail(msg: str, code: int = EXIT_CASE) -> int:
    print(f"sarpack: error: {msg}", file=sys.stderr)
    return code


def cmd_submit(args: argparse.Namespace) -> int:
    from pipeline.case_store import load_case
    from pipeline.errors import CaseError, SarpackError

    try:
        # Fail fast, before any Prefect start-up, on a bad case ID or case.json.
        load_case(Path(args.store), args.case_id)
    except CaseError as exc:
        return _fail(str(exc))

    from flows.sar import submit_flow

    try:
        result = submit_flow(
            case_id=args.case_id, store=str(args.store), out=str(args.out), auto_approve=args.auto_approve
        )
    except SarpackError as exc:
        return _fail(str(exc))
    finally:
        from flows.settings import let_task_run_records_flush

        let_task_run_records_flush()
    return report_submit(result, Path(args.out))


def report_submit(result: dict, out: Path) -> int:
    case_id = result["case_id"]
    folder = out / case_id
    if result["state"] == "awaiting_review":
        print(f"{case_id}: awaiting review ({result['documents']} document(s)); status in {folder / 'status.json'}")
        return EXIT_OK
    manifest = json.loads((folder / "manifest.json").read_text())
    for d in manifest["documents"]:
        if d["status"] == "failed":
            print(f"  failed: {d['source']}: {d['error']}")
    counts = manifest["counts"]["documents"]
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    if manifest["release"]:
        print(f"{case_id}: bundle of {manifest['bundle']['pages']} page(s) ({summary})")
        print(f"bundle: {folder / 'bundle.pdf'}")
        print(f"manifest: {folder / 'manifest.json'}")
        return EXIT_OK
    if manifest["bundle"]["file"] is None:
        return _fail(f"{case_id}: no document could be disclosed ({summary}); see {folder / 'manifest.json'}")
    for p in manifest["verification"]["problems"]:
        print(f"  verification: {p}", file=sys.stderr)
    return _fail(
        f"{case_id}: verification FAILED; the bundle is marked NOT FOR RELEASE "
        f"({folder / 'bundle.NOT-FOR-RELEASE.pdf'})",
        EXIT_NOT_RELEASED,
    )


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sarpack", description="Answer Subject Access Requests: redact for real, bundle.")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress (ids, types and counts only)")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("submit", help="run a case: gather, detect, (review), redact, bundle, verify")
    s.add_argument("case_id")
    s.add_argument("--store", type=Path, default=Path("sample_docs"), help="case store folder (default ./sample_docs)")
    s.add_argument("--out", type=Path, default=Path("out"), help="output folder (default ./out)")
    s.add_argument("--auto-approve", action="store_true", help="accept every redaction the policy suggests")
    s.set_defaults(func=cmd_submit)

    # Other subcommands live beside their flows: each module's ``add_subparsers(sub)`` adds
    # its parsers cheaply (heavy imports happen inside the handlers).
    import importlib

    for name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        mod.add_subparsers(sub)
    return p


COMMAND_MODULES = [
    "flows.cli_review",  # status, approve, review, add-reviewer
    "flows.cli_nightly",  # nightly, serve
    "flows.cli_tools",  # eval, train-ner, bench
]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from flows.cli_tools import dispatch

    if (rc := dispatch(argv)) is not None:
        return rc
    args = build_parser().parse_args(argv)
    level = logging.INFO if args.verbose else logging.WARNING
    # SARPACK_LOG_LEVEL (e.g. DEBUG) overrides; log lines carry ids, types and counts only.
    level = getattr(logging, os.environ.get("SARPACK_LOG_LEVEL", "").strip().upper(), level)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if args.verbose else "WARNING")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_ERROR)


if __name__ == "__main__":
    sys.exit(main())
