"""Build the thirty-first blind labelled test corpus (eval_blind31) from its marked-up sources.

    python sample_docs/eval_blind31/_build.py

A copy of ``sample_docs/eval_blind5/_build.py`` (same markup, output format and checks,
including CMS references written with hyphens, spaces or neither); only the paths and this
docstring differ. This corpus is a blind test set: it was written
by an independent author without reading the detection code or the other corpora's
documents, is never read by the detection engineers and must never be used to tune detection.

Markup, output and checks: see ``sample_docs/_build/corpus.py``. This corpus must reach at least
24 documents, 250 third_party + unknown items and 100 requester items.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_build"))
from corpus import CASE_REF_ANY_SEPARATOR_RE as CASE_REF_RE, build  # noqa: E402  (the shared builder: sample_docs/_build/corpus.py)


if __name__ == "__main__":
    sys.exit(build(Path(__file__).resolve().parent, case_ref_re=CASE_REF_RE, min_docs=24, min_redactable=250, min_requester=100))
