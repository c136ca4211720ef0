"""Build the held-out labelled evaluation corpus from its marked-up sources.

    python sample_docs/eval_holdout/_build.py

Like ``sample_docs/eval/_build.py`` (same markup, output format and checks; the
paths and the minimum totals differ, and a CMS reference may be written without hyphens). This corpus is held out: it was written without
reading the detection code and must never be used to tune it.

Markup, output and checks: see ``sample_docs/_build/corpus.py``. This corpus must reach at least
20 documents and 200 third_party + unknown items.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_build"))
from corpus import CASE_REF_ANY_SEPARATOR_RE as CASE_REF_RE, build  # noqa: E402  (the shared builder: sample_docs/_build/corpus.py)


if __name__ == "__main__":
    sys.exit(build(Path(__file__).resolve().parent, case_ref_re=CASE_REF_RE, min_docs=20, min_redactable=200))
