"""Build the blind labelled test corpus from its marked-up sources.

    python sample_docs/eval_blind/_build.py

Like ``sample_docs/eval_holdout/_build.py`` (same markup, output format and checks,
including a CMS reference written without hyphens); only the paths, this docstring, one
extra total (at least 100 requester items) and a CMS reference written with spaces differ. This corpus is a blind test set: it was
written without reading the detection code, is never read by the detection engineers and
must never be used to tune detection.

Markup, output and checks: see ``sample_docs/_build/corpus.py``. This corpus must reach at least
20 documents, 200 third_party + unknown items and 100 requester items.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_build"))
from corpus import CASE_REF_ANY_SEPARATOR_RE as CASE_REF_RE, build  # noqa: E402  (the shared builder: sample_docs/_build/corpus.py)


if __name__ == "__main__":
    sys.exit(build(Path(__file__).resolve().parent, case_ref_re=CASE_REF_RE, min_docs=20, min_redactable=200, min_requester=100))
