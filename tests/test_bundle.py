"""[bundle] A disclosure bundle a caseworker can post: open it and read back every element.

Built on ``finalise_case`` with hand-made documents and suggestions (no detector needed):
cover letter, index (rows and page ranges), stamps and page labels, bookmarks, reason
labels, schedule (withheld / duplicate / failed), manifest, redaction log and summary.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from pipeline.bundle import SCHEDULE_BOOKMARK, STAMP_BAND, page_stamp, running_reference, stamp_rect
from pipeline.codes import DecidedBy, DecisionState, DocStatus, EntityType, PartyKind, ReasonCode
from pipeline.dedupe import EXACT, NEAR, find_duplicates
from pipeline.extract import extract_pages
from pipeline.finalise import BundlePolicy, finalise_case, order_documents, safe_title
from pipeline.models import CaseRecord, Decision, NormalisedDocument, Party, SourceDocument, Suggestion, doc_id_for
from pipeline.process import ProcessedDocument
from pipeline.publish import LOG_FIELDS, publish
from pipeline.render import esc, html_to_pdf
from pipeline.sanitise import prepare
from pipeline.verify import value_pattern

CASE = "SAR-TEST-0042"
BUNDLE_DATE = date(2026, 2, 14)
THIRD = "Dean Okafor"
THIRD_PHONE = "07700 900123"
REQUESTER = "Claire Bennett"


def _case(tmp_path: Path) -> CaseRecord:
    return CaseRecord(
        case_id=CASE,
        received=date(2026, 1, 20),
        requester=Party(REQUESTER, addresses=("14 Larch Close, Harrogate HG2 7QP",), case_references=("CMS-2026-004512",)),
        third_parties=[Party(THIRD, role="paying parent", phones=(THIRD_PHONE,))],
        root=tmp_path,
    )


def _pdf(paragraphs: list[str]) -> bytes:
    return html_to_pdf("".join(f"<p>{esc(p)}</p>" for p in paragraphs))


def _suggestions(doc_id: str, pages, value: str, entity: EntityType, *, needs_review=False) -> list[Suggestion]:
    out = []
    for pt in pages:
        start = 0
        while (i := pt.text.find(value, start)) >= 0:
            out.append(Suggestion(
                id=Suggestion.make_id(doc_id, pt.page, i, i + len(value), str(entity), value),
                doc_id=doc_id, page=pt.page, rects=pt.span_rects(i, i + len(value)), entity_type=entity,
                recognizer="test_recognizer", score=0.5 if needs_review else 0.95, party=PartyKind.THIRD_PARTY,
                reason=ReasonCode.TP, needs_review=needs_review, start=i, end=i + len(value), text=value,
            ))
            start = i + 1
    return out


def _doc(source: str, pdf: bytes | None, *, fmt="pdf", title=None, when=None, parent=None, error=None,
         needs_review=False) -> ProcessedDocument:
    data = pdf or b"broken"
    src = SourceDocument(doc_id_for(source), source, None, hashlib.sha256(data).hexdigest(), len(data),
                         parent=doc_id_for(parent) if parent else None, data=data)
    if pdf is None:
        return ProcessedDocument(source=src, error=error or "the file is damaged and cannot be opened")
    prepared = prepare(pdf)
    pages = extract_pages(prepared)
    sugg = _suggestions(src.doc_id, pages, THIRD, EntityType.PERSON)
    sugg += _suggestions(src.doc_id, pages, THIRD_PHONE, EntityType.PHONE_NUMBER, needs_review=needs_review)
    nd = NormalisedDocument(src.doc_id, pdf, fmt, title=title, date=when)
    return ProcessedDocument(source=src, normalised=nd, pdf=prepared, pages=pages, suggestions=sugg)


LETTER = [
    "Dear Ms Bennett,",
    f"We have written to {THIRD} about the arrears on your case CMS-2026-004512.",
    "The next payment is due on 12 February 2026. " * 3,
]
NOTES = [f"Case note {i}: {REQUESTER} called about the calculation and the review date in May." for i in range(12)]


def _tall_pdf() -> bytes:
    """An A4 page whose text runs into the foot band: it must be scaled, not overprinted."""
    doc = pymupdf.open()
    page = doc.new_page()
    font = pymupdf.Font(fontfile=str(Path("pipeline/fonts/DejaVuSans.ttf").resolve()))
    page.insert_font(fontname="dv", fontbuffer=font.buffer)
    page.insert_text((40, 60), f"Statement for {REQUESTER}", fontname="dv", fontsize=11)
    page.insert_text((40, 835), "Footer line printed at the very bottom of the page", fontname="dv", fontsize=9)
    return doc.tobytes()


def _landscape_pdf() -> bytes:
    return html_to_pdf(f"<p>Landscape schedule of payments for {esc(REQUESTER)}.</p>",
                       page_rect=pymupdf.Rect(0, 0, 842, 595))


def build_docs() -> list[ProcessedDocument]:
    email_pdf = _pdf([f"From: payroll@northbridge.example.com", f"To: {REQUESTER}",
                      f"Please find the payroll schedule for {REQUESTER}, reference CMS-2026-004512."])
    reply = _pdf(NOTES + ["Thank you, I will check the dates. Claire"])
    return [
        _doc("letters/2026-01-12_letter.pdf", _pdf(LETTER), title="Letter about arrears", when=date(2026, 1, 12),
             needs_review=False),
        _doc("mail/payroll.eml", email_pdf, fmt="eml", title="Payroll schedule", when=date(2026, 1, 5)),
        _doc("mail/payroll.eml#1/payroll_schedule_dean_okafor.pdf",
             _pdf([f"Payroll schedule for {REQUESTER}.", f"Contact {THIRD} on {THIRD_PHONE}."]),
             when=date(2026, 1, 30), parent="mail/payroll.eml", needs_review=True),
        _doc("notes/case_notes.txt", _pdf(NOTES), fmt="txt", when=date(2025, 12, 1)),
        _doc("letters/copy_of_letter.pdf", _pdf(LETTER), title="Letter about arrears (copy)", when=date(2026, 1, 13)),
        _doc("mail/reply.eml", reply, fmt="eml", title="Re: review date", when=date(2026, 2, 1)),
        _doc("third/okafor_statement.pdf", _pdf([f"Statement of {THIRD}.", f"{THIRD} lives in Leeds.",
                                                  f"Phone {THIRD_PHONE}."]), title="Statement", when=date(2026, 1, 8)),
        _doc("scans/damaged.pdf", None),
        _doc("misc/undated.pdf", _pdf([f"Undated note for {REQUESTER}."]), title="Undated note"),
        _doc("misc/statement.pdf", _tall_pdf(), title="Statement of account", when=date(2026, 1, 2)),
        _doc("misc/landscape.pdf", _landscape_pdf(), title="Payment table", when=date(2026, 1, 3)),
    ]


def _decide(processed) -> dict[str, Decision]:
    return {s.id: Decision(s.id, DecisionState.ACCEPTED, s.reason, DecidedBy.AUTO)
            for p in processed for s in p.suggestions}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bundle")
    case = _case(tmp)
    processed = build_docs()
    outcome = finalise_case(case, processed, _decide(processed), bundle_date=BUNDLE_DATE,
                            policy=BundlePolicy())
    folder = publish(tmp / "out", outcome)
    manifest = json.loads((folder / "manifest.json").read_text())
    return folder, outcome, manifest


@pytest.fixture(scope="module")
def bundle(published):
    folder, _, _ = published
    doc = pymupdf.open(folder / "bundle.pdf")
    yield doc
    doc.close()


def _by_source(manifest) -> dict[str, dict]:
    return {d["source"]: d for d in manifest["documents"]}


def _table_rows(page: pymupdf.Page) -> list[list[str]]:
    """Rows of the grid tables on a page (a table continued from the previous page has no
    header row; PyMuPDF then reports its first row as an external header)."""
    rows = []
    for t in page.find_tables().tables:
        got = t.extract()
        if t.header.external:
            got = [t.header.names] + got
        rows += [[" ".join((c or "").split()) for c in r] for r in got]
    return rows


def _index_rows(doc: pymupdf.Document, manifest) -> list[list[str]]:
    a, b = manifest["bundle"]["index_pages"]
    rows = [r for pno in range(a - 1, b) for r in _table_rows(doc[pno])]
    return [r for r in rows if r[0] != "Item"]


# ---------------------------------------------------------------- cover letter

def test_cover_letter_fields(bundle, published):
    _, outcome, manifest = published
    assert outcome.released, outcome.verification.problems
    cover = " ".join(bundle[0].get_text().split())
    assert REQUESTER in cover and "14 Larch Close" in cover and "Harrogate HG2 7QP" in cover
    assert f"Our reference: {CASE}" in cover
    assert "Date: 14 February 2026" in cover
    assert "Your request received: 20 January 2026" in cover
    assert "What is enclosed" in cover
    n_disclosed = sum(d["status"] == "disclosed" for d in manifest["documents"])
    assert f"{n_disclosed} documents" in cover
    assert f"numbered 1 to {manifest['bundle']['stamped_pages']}" in cover
    assert "Why some information is blacked out" in cover
    assert "TP Third-party personal data" in cover  # the legend
    assert "withheld" in cover and "could not be processed" in cover
    assert THIRD not in cover


# ---------------------------------------------------------------- numbering

def test_cover_is_unstamped_and_every_other_page_is_stamped_with_matching_labels(bundle, published):
    _, _, manifest = published
    cover_pages = manifest["bundle"]["cover_pages"]
    total = len(bundle) - cover_pages
    assert cover_pages == 1 and manifest["bundle"]["stamped_pages"] == total
    assert bundle[0].get_label() == "Cover"
    assert "Page" not in bundle[0].get_text() or f"{CASE} \u2014 Page" not in bundle[0].get_text()
    for page in bundle.pages(cover_pages):
        n = page.number - cover_pages + 1
        text = page.get_text()
        assert page_stamp(CASE, n, total) in text
        assert running_reference(CASE, n) in text
        assert page.get_label() == str(n)


# ---------------------------------------------------------------- index

def test_index_rows_match_the_documents_and_their_first_pages(bundle, published):
    _, outcome, manifest = published
    rows = _index_rows(bundle, manifest)
    disclosed = [d for d in manifest["documents"] if d["status"] == "disclosed"]
    assert [r[0] for r in rows] == [d["item"] for d in disclosed]
    labels = {page.get_label(): page.number for page in bundle}
    toc = {t[2]: t[1] for t in bundle.get_toc()}
    for row, d in zip(rows, disclosed):
        number, title, when, fmt, pages, redactions = row
        assert title.removeprefix("Attachment: ") == d["title"]
        assert when == (date.fromisoformat(d["date"]).strftime("%d/%m/%Y") if d["date"] else "undated")
        assert fmt == d["format"].upper()
        assert int(redactions) == d["redactions"]
        first, _, last = pages.partition("\u2013")
        last = last or first
        # the range printed in the index is the stamp number; the document starts on that page
        pno = labels[first]
        assert pno + 1 == d["bundle_pages"][0] and labels[last] + 1 == d["bundle_pages"][1]
        assert f"Page {first} of" in bundle[pno].get_text()
        assert toc[pno + 1] == f"{number}. {d['title']}"
    email = _by_source(manifest)["mail/payroll.eml"]["item"]
    assert [r[0] for r in rows if r[1].startswith("Attachment: ")] == [f"{email}.1"]


def test_index_and_titles_do_not_leak_third_party_names(bundle, published):
    _, _, manifest = published
    a, b = manifest["bundle"]["index_pages"]
    text = " ".join(bundle[p].get_text() for p in range(a - 1, b))
    assert "Okafor" not in text and "okafor" not in text.lower()
    att = _by_source(manifest)["mail/payroll.eml#1/payroll_schedule_dean_okafor.pdf"]
    assert att["title"] == "Payroll schedule [redacted]"


def test_titles_come_from_the_document_else_the_file_name():
    assert safe_title("letter_from_dean_okafor", None, value_pattern({THIRD}), from_file_name=True,
                      values={THIRD}) == "letter_from_[redacted]"
    assert safe_title("Meeting with Dean Okafor and Dean", None, value_pattern({THIRD, "Dean"})) == \
        "Meeting with [redacted] and [redacted]"


# ---------------------------------------------------------------- ordering

def test_order_is_chronological_stable_with_attachments_after_their_email(published):
    _, _, manifest = published
    disclosed = [d for d in manifest["documents"] if d["status"] == "disclosed"]
    sources = [d["source"] for d in disclosed]
    assert sources.index("mail/payroll.eml#1/payroll_schedule_dean_okafor.pdf") == sources.index("mail/payroll.eml") + 1
    tops = [d for d in disclosed if not d["parent"]]
    dated = [d["date"] for d in tops if d["date"]]
    assert dated == sorted(dated)
    assert tops[-1]["source"] == "misc/undated.pdf"  # undated last
    starts = [d["bundle_pages"][0] for d in disclosed]
    assert starts == sorted(starts)


def test_order_can_be_by_source():
    docs = build_docs()
    by_source = [p.source.source for p in order_documents(docs, "source")]
    roots = [s for s in by_source if "#" not in s]
    assert roots == sorted(roots)
    assert by_source.index("mail/payroll.eml#1/payroll_schedule_dean_okafor.pdf") == by_source.index("mail/payroll.eml") + 1


# ---------------------------------------------------------------- bookmarks and labels

def test_one_bookmark_per_document_with_attachments_nested(bundle, published):
    _, _, manifest = published
    toc = bundle.get_toc()
    docs = [t for t in toc if re.match(r"^\d+(\.\d+)*\. ", t[1])]
    disclosed = [d for d in manifest["documents"] if d["status"] == "disclosed"]
    assert len(docs) == len(disclosed)
    for t, d in zip(docs, disclosed):
        assert t[2] == d["bundle_pages"][0]
        assert t[0] == (2 if d["parent"] else 1)
    assert [t[1] for t in toc if t[0] == 1][:2] == ["Cover letter", "Index"]
    assert toc[-1][1] == SCHEDULE_BOOKMARK


def test_reason_labels_are_readable_in_the_boxes(bundle, published):
    _, _, manifest = published
    letter = _by_source(manifest)["letters/2026-01-12_letter.pdf"]
    page = bundle[letter["bundle_pages"][0] - 1]
    boxes = [pymupdf.Rect(d["rect"]) for d in page.get_drawings() if d.get("fill") == (0.0, 0.0, 0.0)]
    assert boxes
    labels = []
    for b in page.get_text("dict")["blocks"]:
        for line in b.get("lines", []):
            for span in line["spans"]:
                if span["text"].strip() == "TP":
                    labels.append(span)
    assert labels, "no TP label on the page"
    for span in labels:
        assert span["size"] >= 5.0  # readable
        assert span["color"] == 0xFFFFFF  # white on black
        assert any(pymupdf.Rect(span["bbox"]).intersects(b) for b in boxes)
    assert THIRD not in page.get_text()


# ---------------------------------------------------------------- schedule and statuses

def test_schedule_lists_withheld_duplicate_and_failed(bundle, published):
    _, outcome, manifest = published
    by = _by_source(manifest)
    assert by["third/okafor_statement.pdf"]["status"] == "withheld"
    assert by["scans/damaged.pdf"]["status"] == "failed"
    copy = by["letters/copy_of_letter.pdf"]
    assert copy["status"] == "duplicate" and copy["duplicate_of"] == by["letters/2026-01-12_letter.pdf"]["doc_id"]
    notes = by["notes/case_notes.txt"]
    assert notes["status"] == "duplicate" and notes["duplicate_of"] == by["mail/reply.eml"]["doc_id"]
    for d in manifest["documents"]:
        if d["status"] != "disclosed":
            assert d["bundle_pages"] == [] and d["redactions"] == 0

    a, b = manifest["bundle"]["schedule_pages"]
    assert b == len(bundle)
    rows = [r for p in range(a - 1, b) for r in _table_rows(bundle[p])]
    rows = {r[1]: r[4] for r in rows if r[0] != "Ref"}
    assert "withheld" in rows["Statement"].lower() and "another person" in rows["Statement"]
    assert rows["Damaged"] == "Held on file; will be provided separately (it could not be processed automatically)."
    assert rows["Letter about arrears (copy)"] == f"Duplicate: a copy of item {by['letters/2026-01-12_letter.pdf']['item']}, which is included."
    assert rows["Case notes"].startswith(f"Duplicate: contained in full in item {by['mail/reply.eml']['item']}")
    assert [s["status"] for s in manifest["schedule"]] == [
        by[s.source]["status"] for s in outcome.schedule
    ]


def test_manifest_accounts_for_every_source(published):
    folder, outcome, manifest = published
    assert manifest["case_id"] == CASE
    assert manifest["bundle"]["sha256"] == hashlib.sha256((folder / "bundle.pdf").read_bytes()).hexdigest()
    assert len(manifest["documents"]) == len(build_docs())
    for d in manifest["documents"]:
        assert set(d) >= {"source", "sha256", "status", "bundle_pages", "redactions", "error", "redactions_by_reason"}
        assert d["status"] in {str(s) for s in DocStatus}
        if d["status"] == "disclosed":
            a, b = d["bundle_pages"]
            assert d["bundle_refs"] == [running_reference(CASE, a - 1), running_reference(CASE, b - 1)]
    assert manifest["counts"]["documents"] == {"disclosed": 7, "withheld": 1, "duplicate": 2, "failed": 1}


# ---------------------------------------------------------------- redaction log and summary

def test_redaction_log_has_one_row_per_redaction_and_no_values(published, bundle):
    folder, outcome, manifest = published
    text = (folder / "redaction_log.csv").read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == LOG_FIELDS
    assert len(rows) == sum(d["redactions"] for d in manifest["documents"])
    assert THIRD not in text and "Okafor" not in text and THIRD_PHONE not in text
    by_id = {d["doc_id"]: d for d in manifest["documents"]}
    for r in rows:
        d = by_id[r["doc_id"]]
        assert d["status"] == "disclosed" and r["item"] == d["item"]
        assert r["reason"] == "TP" and r["entity_type"] in ("PERSON", "PHONE_NUMBER")
        assert r["decision"] == "auto" and r["recognizer"]
        bp = int(r["bundle_page"])
        assert d["bundle_pages"][0] <= bp <= d["bundle_pages"][1]
        assert r["bundle_ref"] in bundle[bp - 1].get_text()
    assert any(r["needs_review"] == "yes" for r in rows)


def test_summary_md(published):
    folder, _, manifest = published
    md = (folder / "summary.md").read_text()
    assert md.startswith(f"# Disclosure summary — {CASE}")
    assert "| TP | Third-party personal data |" in md
    assert "third/okafor_statement.pdf" in md and "scans/damaged.pdf" in md
    assert "low-confidence suggestion(s)" in md and "accepted automatically" in md
    assert "Passed:" in md
    assert THIRD not in md and THIRD_PHONE not in md


# ---------------------------------------------------------------- quality

def test_bundle_has_no_metadata_annotations_or_attachments_and_fonts_are_embedded(bundle):
    assert not {k: v for k, v in bundle.metadata.items() if v and k not in ("format", "encryption")}
    assert not bundle.get_xml_metadata() and bundle.embfile_count() == 0
    for page in bundle:
        assert page.first_annot is None and not page.get_links()
        for xref, ext, ftype, name, *_ in page.get_fonts(full=True):
            assert ext in ("ttf", "otf", "cff", "t1"), f"page {page.number + 1}: font {name} is not embedded"


def test_pdffonts_and_pdftoppm_are_clean(published, tmp_path):
    folder, _, _ = published
    pdf = folder / "bundle.pdf"
    if shutil.which("pdffonts"):
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert lines and all(l.split()[-5] == "yes" for l in lines), "a font is not embedded"
    if shutil.which("pdftoppm"):
        proc = subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], capture_output=True, text=True)
        assert proc.returncode == 0 and proc.stderr == ""


def test_no_stamp_overlaps_content(bundle, published):
    """Compare stamp and content bounding boxes, and check the rendered pixels of the foot
    band: nothing is drawn there except the stamp text."""
    _, _, manifest = published
    cover = manifest["bundle"]["cover_pages"]
    scaled_seen = False
    for page in bundle.pages(cover):
        n = page.number - cover + 1
        stamps = page.search_for(running_reference(CASE, n)) + page.search_for(page_stamp(CASE, n, len(bundle) - cover))
        assert len(stamps) >= 2
        band = stamp_rect(page.rect)
        for s in stamps:
            assert s in band + (-0.5, -0.5, 0.5, 0.5)
        content = [pymupdf.Rect(r) for _k, r in page.get_bboxlog()
                   if not any(pymupdf.Rect(r).intersects(s) and pymupdf.Rect(r) in s + (-2, -2, 2, 2) for s in stamps)]
        for r in content:
            assert not r.intersects(band), f"page {page.number + 1}: content reaches the stamp band"
        pix = page.get_pixmap(dpi=72, clip=band)
        scale = pix.width / band.width
        allowed = [pymupdf.Rect(s.x0 - band.x0, s.y0 - band.y0, s.x1 - band.x0, s.y1 - band.y0) * scale
                   + (-2, -2, 2, 2) for s in stamps]
        for y in range(pix.height):
            for x in range(0, pix.width):
                if pix.pixel(x, y) != (255, 255, 255):
                    assert any(pymupdf.Point(x, y) in a for a in allowed), f"page {page.number + 1}: ink under the stamp"
        if "Footer line printed" in page.get_text():
            scaled_seen = True
    assert scaled_seen  # the page whose text ran into the foot band was scaled in, not cut


def test_output_is_deterministic(tmp_path):
    def run():
        processed = build_docs()
        return finalise_case(_case(tmp_path), processed, _decide(processed), bundle_date=BUNDLE_DATE,
                             policy=BundlePolicy()).bundle.pdf

    assert run() == run()


# ---------------------------------------------------------------- policy and duplicates

def test_withholding_is_a_policy_setting(tmp_path, monkeypatch):
    processed = build_docs()
    monkeypatch.setenv("SARPACK_WITHHOLD_THIRD_PARTY_ONLY", "0")
    policy = BundlePolicy.from_env()
    assert not policy.withhold_third_party_only
    out = finalise_case(_case(tmp_path), processed, _decide(processed), bundle_date=BUNDLE_DATE, policy=policy)
    status = {r.source: r.status for r in out.results}
    assert status["third/okafor_statement.pdf"] is DocStatus.DISCLOSED
    assert out.released


def test_bundle_date_from_env(monkeypatch):
    from pipeline.finalise import resolve_bundle_date

    monkeypatch.setenv("SARPACK_BUNDLE_DATE", "2026-03-01")
    assert resolve_bundle_date() == date(2026, 3, 1)
    assert resolve_bundle_date(date(2020, 1, 1)) == date(2020, 1, 1)


BODY = " ".join(f"Sentence {i} about the maintenance calculation and the payments made in month {i}." for i in range(40))


def test_exact_and_near_duplicates():
    quoted = "Thanks, see below.\n" + "\n".join("> " + line for line in BODY.split(". "))
    half = BODY[: len(BODY) // 2]
    different = BODY.replace("payments", "arrears")
    docs = [
        ("a", BODY, "h1"),
        ("b", "  " + BODY.upper().replace(" ", "\n"), "h2"),  # same text after normalisation
        ("c", quoted, "h3"),  # a reply quoting it: contains all of it
        ("d", half + " and something else entirely new here", "h4"),
        ("e", different, "h5"),
        ("f", "Call received.", "h6"),
        ("g", "Call received today.", "h7"),
        ("h", "", "h8"),
        ("i", "", "h8"),  # no text: same file hash
    ]
    dups = find_duplicates(docs)
    assert dups["b"].duplicate_of == "c" or dups["b"].duplicate_of == "a"
    # the reply contains the original, so the reply is kept and the original is its duplicate
    assert dups["a"].duplicate_of == "c" and dups["a"].kind == NEAR and dups["a"].containment >= 0.95
    assert dups["b"].kind in (EXACT, NEAR) and dups["b"].duplicate_of in ("a", "c")
    assert dups["b"].duplicate_of not in dups  # never points at another duplicate
    assert "c" not in dups
    assert dups["d"].duplicate_of == "c"  # 95 % of d's shingles are in c
    assert "e" not in dups  # every sentence differs
    assert "f" not in dups and "g" not in dups  # short notes are not near-duplicates
    assert dups["i"].duplicate_of == "h" and dups["i"].kind == EXACT


def test_near_duplicate_threshold_is_containment_of_the_shorter_text():
    words = [f"w{i}" for i in range(400)]
    long = " ".join(words)
    mostly = " ".join(words[:390] + [f"x{i}" for i in range(10)])  # ~97 % of it is in long
    less = " ".join(words[:300] + [f"x{i}" for i in range(100)])  # 75 %
    dups = find_duplicates([("long", long, "1"), ("mostly", mostly, "2"), ("less", less, "3")])
    assert dups["mostly"].duplicate_of == "long" and dups["mostly"].kind == NEAR
    assert "less" not in dups and "long" not in dups


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf").is_file(),
                    reason="fonts-liberation is not installed")
def test_standard_fonts_of_source_pdfs_are_embedded_without_moving_text():
    from pipeline.bundle import BundleItem, assemble
    from tests.pdfs import text_pdf

    pdf = text_pdf(["Helvetica text from a source PDF", "Second line, caf\u00e9 \u00a3 12.50"])
    out = assemble("X-1", [BundleItem("d1", "t", pdf)]).pdf
    with pymupdf.open(stream=pdf) as a, pymupdf.open(stream=out) as b:
        assert a[0].get_fonts()[0][1] == "n/a"  # the source does not embed Helvetica
        assert all(f[1] == "ttf" for f in b[0].get_fonts())
        wa = [w[4] for w in a[0].get_text("words")]
        wb = [w[4] for w in b[0].get_text("words")]
        assert wb[: len(wa)] == wa
        xa = [round(w[2] - w[0], 1) for w in a[0].get_text("words")]
        xb = [round(w[2] - w[0], 1) for w in b[0].get_text("words")][: len(xa)]
        assert xa == xb  # same widths: laid out exactly as before


def test_a_long_index_still_points_at_the_right_pages(tmp_path):
    """60 documents: the index runs over more than one page, and every range still matches."""
    processed = [
        _doc(f"bulk/note_{i:02d}.pdf", _pdf([f"Note {i} for {REQUESTER}: unique line {i * 7919}."] * (1 + i % 3)),
             title=f"Note {i}", when=date(2025, 1 + i % 12, 1 + i % 28))
        for i in range(60)
    ]
    out = finalise_case(_case(tmp_path), processed, _decide(processed), bundle_date=BUNDLE_DATE,
                        policy=BundlePolicy(dedupe=False))
    b = out.bundle
    assert b.index_pages[1] > b.index_pages[0]
    with pymupdf.open(stream=b.pdf) as doc:
        labels = {page.get_label(): page.number for page in doc}
        rows = [r for pno in range(b.index_pages[0] - 1, b.index_pages[1]) for r in _table_rows(doc[pno])]
        rows = [r for r in rows if r[0] != "Item"]
        assert len(rows) == 60
        by_number = {n: d for d, n in out.numbers.items()}
        for number, title, _when, _fmt, pages, _red in rows:
            first = pages.split("\u2013")[0]
            pno = labels[first]
            assert pno + 1 == b.ranges[by_number[number]][0]
            assert f"unique line {int(title.split()[1]) * 7919}" in doc[pno].get_text()
