"""[hardening] Fuzzing the extract -> detect -> redact path (bounded: well under a minute).

* Random text with personal data mixed in, rendered to a PDF, goes through the real
  per-document path, auto-approval, the consistency sweep and redaction: verification of
  the output never finds a detected value.
* Mutated PDFs (bytes flipped, cut short, inserted) give a clean per-document result,
  read or failed with a reason, never an exception.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.decide import auto_approve
from pipeline.finalise import add_consistency, redact_one
from pipeline.models import CaseRecord, Party, SourceDocument, doc_id_for
from pipeline.process import process_document
from pipeline.verify import value_pattern, values_to_check, verify_pdf

PII = [
    "Maria Okonkwo", "Kelly Marsh", "07700 900123", "0113 496 0571", "NP 61 83 24 B", "LS6 2RB",
    "27 Mill Lane, Leeds", "dean.okafor@example.net", "Mr Patel", "Dean Okafor", "Tanya Rhodes",
]
WORDS = ["the", "payment", "was", "made", "on", "time", "case", "review", "letter", "we", "phoned", "about",
         "arrears", "income", "and", "to", "from", "Leeds", "Harrogate", "Monday", "Child", "Maintenance"]

FUZZ = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

_line = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(PII),
              st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F,
                                             blacklist_categories=("Cs", "Cc")), max_size=12)),
    min_size=1, max_size=14,
).map(" ".join)


@pytest.fixture(scope="module")
def case():
    return CaseRecord(
        "SAR-FUZZ-1", date(2026, 1, 1), Party("Claire Bennett", phones=("07700 900417",)),
        [Party("Dean Okafor", phones=("07700 900123",)), Party("Tanya Rhodes")], Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(case):
    from recognizers import build_analyzer

    return build_analyzer(case)


def _pdf(lines: list[str], fontsize: float) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    y = 60.0
    for line in lines:
        if y > page.rect.height - 40:
            page, y = doc.new_page(), 60.0
        page.insert_text((50, y), line, fontsize=fontsize)
        y += fontsize * 1.6
    data = doc.tobytes()
    doc.close()
    return data


def _doc(name: str, data: bytes) -> SourceDocument:
    return SourceDocument(doc_id=doc_id_for(name), source=name, path=None, sha256="", size=len(data), data=data)


@FUZZ
@given(lines=st.lists(_line, min_size=1, max_size=30), fontsize=st.sampled_from([7.0, 9.5, 11.0, 14.0]))
def test_redaction_never_leaves_a_detected_value(analyzer, lines, fontsize):
    p = process_document(_doc("fuzz.pdf", _pdf(lines, fontsize)), analyzer)
    assert p.ok, p.error
    decisions = auto_approve(p.suggestions)
    add_consistency([p], decisions)
    values = values_to_check(p.suggestions, decisions)
    out = redact_one(p, decisions)
    rep = verify_pdf(out.pdf, values, label="fuzz")
    assert rep.ok, rep.problems
    # and, directly: no accepted value is in the re-extracted text
    pat = value_pattern(values)
    if pat is not None:
        with pymupdf.open(stream=out.pdf, filetype="pdf") as doc:
            for page in doc:
                assert not pat.search(page.get_text("text", flags=pymupdf.TEXT_PRESERVE_WHITESPACE))


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    doc = pymupdf.open()
    for i in range(3):
        page = doc.new_page()
        page.insert_text((60, 80), f"Page {i + 1}: Maria Okonkwo phoned on 07700 900123.", fontsize=11)
        page.draw_rect(pymupdf.Rect(60, 100, 200, 120), fill=(0, 0, 0))
        page.add_text_annot((300, 300), "a note")
    doc.set_metadata({"title": "Letter", "author": "Kelly Marsh"})
    data = doc.tobytes(deflate=False)
    doc.close()
    return data


_mutation = st.one_of(
    st.tuples(st.just("flip"), st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), min_size=1, max_size=40)),
    st.tuples(st.just("cut"), st.integers(0, 10**6)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=200)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 400)),
)


def _mutate(data: bytes, m) -> bytes:
    b = bytearray(data)
    kind = m[0]
    if kind == "flip":
        for pos, x in m[1]:
            b[pos % len(b)] ^= x
    elif kind == "cut":
        b = b[: m[1] % len(b)]
    elif kind == "insert":
        pos = m[1] % len(b)
        b[pos:pos] = m[2]
    else:
        pos = m[1] % len(b)
        del b[pos:pos + m[2]]
    return bytes(b)


@FUZZ
@given(mutations=st.lists(_mutation, min_size=1, max_size=3))
def test_mutated_pdf_gives_a_clean_result(analyzer, seed_pdf, mutations):
    data = seed_pdf
    for m in mutations:
        data = _mutate(data, m)
    p = process_document(_doc("mutant.pdf", data), analyzer)  # must not raise
    if p.ok:
        assert p.pdf and p.pages is not None
    else:
        assert isinstance(p.error, str) and p.error.strip()
        assert "Maria" not in p.error and "07700" not in p.error
        assert p.pdf is None and p.suggestions == []


# characters the re module's case-insensitive matching folds onto ASCII letters ("ſ" ~ s, Kelvin sign ~ k,
# "İ" ~ i): a name found once ("I spoke to Susanna Okafor") and written again with one of them
_FOLDS = [("s", "\u017f"), ("k", "\u212a"), ("K", "\u212a"), ("i", "\u0130"), ("S", "\u017f")]
_FIRST = ["Susanna", "Kelly", "Isla", "Kasia", "Nkiru", "Sven", "Iskra", "Mikkel"]
_WORDS2 = ["Dear", "Mrs", "Mr", "will", "Hope", "@bill", "bill:", "Name:", "Surname:", "Your ref:", "c/o", "and",
           "\n", "rang", "said", "the", "\u0131", "\u00df", "\ufb01", "\u01c5", "\u03c2"]


@st.composite
def _folded_mentions(draw) -> str:
    name = draw(st.sampled_from(_FIRST))
    a, b = draw(st.sampled_from([f for f in _FOLDS if f[0] in name] or [("x", "x")]))
    folded = name.replace(a, b, 1)
    if draw(st.booleans()):
        folded = folded.lower()
    filler = draw(st.lists(st.one_of(st.sampled_from(_WORDS2), st.sampled_from(PII)), max_size=12))
    cut = draw(st.integers(0, len(filler)))
    return " ".join([f"I spoke to {name} Okafor."] + filler[:cut] + [folded] + filler[cut:])


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(pages=st.lists(_folded_mentions(), min_size=1, max_size=3))
def test_detection_never_raises_on_case_folding_characters(analyzer, pages):
    analyzer.analyze_many(pages)  # must not raise
