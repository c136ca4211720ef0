"""Build the second blind labelled test corpus (eval_blind2) from its marked-up sources.

    python sample_docs/eval_blind2/_build.py

A copy of ``sample_docs/eval_blind/_build.py`` (same markup, output format and checks,
including CMS references written with hyphens, spaces or neither); only the paths, this
docstring and the minimum totals differ. This corpus is a blind test set: it was written
by an independent author without reading the detection code or the other corpora's
documents, is never read by the detection engineers and must never be used to tune detection.

Reads ``_src/<CASE_ID>/<name>.txt`` where a labelled item is written
``[[visible text|ENTITY_TYPE|PARTY]]`` and writes, for each case:

    <CASE_ID>/documents/<name>.txt   the plain text (UTF-8), markup removed
    <CASE_ID>/gold/<name>.json       [{"start", "end", "text", "entity_type", "party"}, ...]

Offsets are character offsets (Python str indices) into the written .txt. ``case.json``
for each case is kept beside ``documents/`` and is not generated. Standard library only.

Checks (the build fails if any is broken): identifiers are well-formed (NI number format,
NHS mod-11, IBAN mod-97, card Luhn), a third-party PERSON matches a name listed in
case.json (allowing one-letter typos and initials), an unknown PERSON is not a listed
name, and totals are at least 25 documents, 260 third_party + unknown items and 120 requester items.
It also warns about unlabelled repeats of a labelled value in the same document.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_build"))
from corpus import build  # noqa: E402  (the shared builder: sample_docs/_build/corpus.py)

CASE_REF_RE = re.compile(r"^(CMS[- ]?\d{4}[- ]?\d{6}|\d{4} ?\d{4} ?\d{4})$")

if __name__ == "__main__":
    sys.exit(build(Path(__file__).resolve().parent, case_ref_re=CASE_REF_RE, min_docs=25, min_redactable=260, min_requester=120))
