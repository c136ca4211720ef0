"""Build the labelled evaluation corpus from its marked-up sources.

    python sample_docs/eval/_build.py

Markup, output and checks: see ``sample_docs/_build/corpus.py``. This corpus must reach at least
30 documents and 300 third_party + unknown items.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_build"))
from corpus import build  # noqa: E402  (the shared builder: sample_docs/_build/corpus.py)

CASE_REF_RE = re.compile(r"^(CMS-\d{4}-\d{6}|\d{4} ?\d{4} ?\d{4})$")

if __name__ == "__main__":
    sys.exit(build(Path(__file__).resolve().parent, case_ref_re=CASE_REF_RE, min_docs=30, min_redactable=300))
