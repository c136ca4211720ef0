"""The faster paths give exactly the answers of the plain ones (sarpack bench work)."""
from __future__ import annotations

import os
import random
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from pipeline.bundle import BundleItem, assemble
from pipeline.extract import extract_pages
from pipeline.redact import Box, redact_pdf
from pipeline.verify import value_matcher, value_pattern, xray_check
from tests.pdfs import text_pdf

VALUES = {"Mark", "Dean Okafor", "Ann", "Anna", "Mark S", "07700 900123", "dean.okafor@example.com", "ÉMILE",
          "Straße", "LS2 7AB", "Ms Okafor"}


def _noisy_texts(values: set[str], n: int = 200, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    vals = sorted(values)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(40):
            v = rng.choice(vals)
            c = rng.random()
            if c < 0.15:
                v = v.upper()
            elif c < 0.3:
                v = v.lower()
            elif c < 0.4:
                v = v.replace(" ", "\n  ")
            elif c < 0.5:
                v += rng.choice(["s", "-x", "'s", "_", "é"])
            elif c < 0.6:
                v = rng.choice(["x", "_", "é"]) + v
            elif c < 0.7:
                v = v[: rng.randint(1, len(v))]
            parts += [v, rng.choice([" ", ", ", ".\n", "\t", "", "-"])]
        out.append("".join(parts))
    return out + ["Mark Smithson", "Mark S", "ANN anna Anna's", "mark", "MARK", ""]


CASE_VALUES = {"14 Mill Lane", "14 MILL LANE, Leeds", "ab-CD", "AB-cd ef", "Flat 2/1", "flat 2/1 Pollok",
               "Straße 9", "STRASSE 9 Köln", "İlker Şahin", "ilker şahin 2", "Mark", "Mark Smith"}


@pytest.mark.parametrize("values", [VALUES, {"Ann"}, {"07700 900123", "Dean Okafor"}, CASE_VALUES,
                                    CASE_VALUES - {"Straße 9", "İlker Şahin"}])
def test_value_matcher_finds_exactly_what_the_plain_pattern_finds(values):
    pat, fast = value_pattern(values), value_matcher(values)
    for text in _noisy_texts(values):
        assert [(m.span(), m.group()) for m in fast.finditer(text)] == [(m.span(), m.group()) for m in pat.finditer(text)]
        assert (fast.search(text) is None) == (pat.search(text) is None)
        assert fast.findall(text) == pat.findall(text)
    assert value_matcher(set()) is None
    assert value_matcher(values) is value_matcher(set(values))  # compiled once


def _occluded_reference(x0, y0, x1, y1, seqno, color, rects, threshold):
    """verify._occluded as first written (min/max over every box)."""
    best = 0.0
    for rx0, ry0, rx1, ry1, rseq, rcol in rects:
        w = min(x1, rx1) - max(x0, rx0)
        h = min(y1, ry1) - max(y0, ry0)
        if w <= 0 or h <= 0:
            continue
        if rseq > seqno or rcol == color:
            best = max(best, w * h)
    if best <= 0:
        return False
    area = abs((x1 - x0) * (y1 - y0))
    return area > 0 and best / area > threshold


def test_occlusion_test_agrees_with_the_reference():
    from pipeline.verify import _occluded

    rng = random.Random(3)
    for _ in range(50_000):
        def r():
            return rng.choice([rng.uniform(0, 20), float(rng.randint(0, 20))])

        box = (r(), r(), r(), r())
        rects = [(r(), r(), r(), r(), rng.randint(0, 3), rng.choice([0, 1])) for _ in range(rng.randint(0, 4))]
        assert _occluded(*box, 1, 0, rects, 0.8) == _occluded_reference(*box, 1, 0, rects, 0.8)


def _covered_pdf(pages: int = 6) -> bytes:
    """Text with black boxes drawn over some words (not redacted): x-ray must find them."""
    doc = pymupdf.open(stream=text_pdf([f"Line {i} about Dean Okafor and Mark" for i in range(30)]))
    for _ in range(pages - 1):
        doc.insert_pdf(pymupdf.open(stream=doc.tobytes()), from_page=0, to_page=0)
    for page in doc:
        for k, w in enumerate(page.get_text("words")):
            if k % 5 == 0 and page.number % 2 == 0:
                r = pymupdf.Rect(w[:4])
                if k % 10 == 0:
                    r.x1 = r.x0 + r.width * 0.5  # half covered: x-ray's filters decide
                page.draw_rect(r, color=None, fill=(0, 0, 0))
    return doc.tobytes()


def test_xray_check_in_parts_is_the_whole_check():
    pdf = _covered_pdf()
    whole = xray_check(pdf, label="b")
    assert whole and all(p.startswith("b page ") for p in whole)
    assert xray_check(pdf, label="b", pages=range(0, 3)) + xray_check(pdf, label="b", pages=range(3, 6)) == whole


def test_verify_bundle_reports_text_under_boxes_from_worker_processes(monkeypatch):
    from pipeline.finalise import verify_bundle

    pdf = _covered_pdf()
    problems, pages = verify_bundle(pdf, {"Dean Okafor"})
    assert pages == 6
    assert any("still in the text" in p for p in problems)  # the values were never removed
    assert [p for p in problems if "box(es)" in p] == xray_check(pdf, label="bundle")
    monkeypatch.setenv("SARPACK_ISOLATE", "0")
    assert verify_bundle(pdf, {"Dean Okafor"}) == (problems, pages)


def test_labels_are_written_on_every_redacted_page_with_one_embedded_font():
    pdf = text_pdf(["Dean Okafor wrote to Mark"])
    doc = pymupdf.open(stream=pdf)
    for _ in range(3):
        doc.insert_pdf(pymupdf.open(stream=pdf))
    pdf = doc.tobytes()
    boxes = []
    for pt in extract_pages(pdf):
        i = pt.text.index("Dean Okafor")
        boxes += [Box(pt.page, r, "TP") for r in pt.span_rects(i, i + 11)]
    out = redact_pdf(pdf, boxes)
    with pymupdf.open(stream=out) as d:
        xrefs = set()
        for page in d:
            assert "Okafor" not in page.get_text() and "TP" in page.get_text()
            fonts = [f for f in page.get_fonts() if f[4] == "sarpacklabel"]
            assert len(fonts) == 1
            xrefs.add(fonts[0][0])
    assert len(xrefs) == 1


def test_every_bundle_page_is_stamped_with_the_same_font():
    pdf = text_pdf(["A short note."])
    items = [BundleItem(doc_id=f"d{i}", title=f"Note {i}", pdf=pdf, original_format="pdf",
                        date=date(2025, 1, 1 + i), parent=None, redactions=0) for i in range(3)]
    out = assemble("CASE-1", items)
    with pymupdf.open(stream=out.pdf) as d:
        for n, page in enumerate(d, start=1):
            assert f"CASE-1-{n:04d}" in page.get_text()
        assert len({f[0] for page in d for f in page.get_fonts() if "DejaVu" in f[3]}) == 1


def test_sweep_with_a_shared_index_is_the_sweep_without_one():
    from pipeline.decide import sweep_index, sweep_occurrences
    from pipeline.detect import suggestions_from_findings
    from pipeline.models import Finding
    from pipeline.codes import EntityType, PartyKind

    pdf = text_pdf(["Dean Okafor called.", "Later DEAN OKAFOR and Dean wrote; Okafor too."])
    pages = extract_pages(pdf)
    text = pages[0].text
    i = text.index("Dean Okafor")
    found = [[Finding(i, i + 11, EntityType.PERSON, "x", 0.9, PartyKind.UNKNOWN, text=text[i:i + 11])]]
    accepted = suggestions_from_findings("d1", pages, found)
    plain = sweep_occurrences("d1", pages, accepted, accepted, set())
    shared = sweep_occurrences("d1", pages, accepted, accepted, set(), sweep_index(accepted, set()))
    assert [(s.page, s.start, s.end, s.text) for s in plain] == [(s.page, s.start, s.end, s.text) for s in shared]
    assert any(s.text == "DEAN OKAFOR" for s in plain)


def test_known_titles_answer_from_the_documents_and_fall_back_to_the_analyzer():
    from pipeline.finalise import KnownTitles
    from pipeline.process import ProcessedDocument

    class P:  # the only field KnownTitles reads
        def __init__(self, titles):
            self.title_findings = titles

    made = []

    class Fake:
        def analyze_many(self, texts, extra_names=()):
            return [["fallback"] for _ in texts]

    kt = KnownTitles([P({"Letter": ["known"]})], lambda: made.append(1) or Fake())
    assert kt.analyze_many(["Letter"]) == [["known"]] and not made
    assert kt.analyze_many(["Other"]) == [["fallback"]] and made == [1]
    assert ProcessedDocument.__dataclass_fields__["title_findings"].repr is False


def test_detection_in_a_worker_gives_the_suggestions_of_detection_here():
    from pipeline.models import CaseRecord, Party, SourceDocument
    from pipeline.process import ProcessedDocument, detect_document, detect_document_in_worker
    from recognizers import build_analyzer

    case = CaseRecord(case_id="C-1", requester=Party(name="Claire Bennett"), received=date(2026, 1, 20),
                      third_parties=[Party(name="Dean Okafor", role="third party")], root=Path("."))
    pdf = text_pdf(["Dean Okafor lives at 12 Mill Lane, Leeds LS2 7AB.", "Call Maria Pearce on 07700 900123."])

    def fresh():
        src = SourceDocument(doc_id="d1", source="a.pdf", path=None, sha256="0", size=len(pdf))
        return ProcessedDocument(source=src, pdf=pdf, pages=extract_pages(pdf))

    here = detect_document(fresh(), build_analyzer(case))
    there = detect_document_in_worker(fresh(), case)
    assert there.error is None and here.suggestions
    assert [s.__dict__ for s in there.suggestions] == [s.__dict__ for s in here.suggestions]


def test_document_tasks_retry_with_backoff():
    from flows.sar import process, redact

    for t in (process, redact):
        assert t.retries == 2 and t.retry_delay_seconds == [1, 4]



def test_label_font_looked_up_once_per_page_gives_the_same_bytes(monkeypatch):
    from pipeline import redact

    pdf = text_pdf([f"Dean Okafor wrote to Mark about Ann, line {i}" for i in range(20)])
    doc = pymupdf.open(stream=pdf)
    for _ in range(2):
        doc.insert_pdf(pymupdf.open(stream=pdf))
    doc[1].set_rotation(90)
    pdf = doc.tobytes()
    boxes = []
    for pt in extract_pages(pdf):
        for name, label in (("Dean Okafor", "TP"), ("Mark", "TP"), ("Ann", "SR")):
            i = pt.text.find(name)
            while i >= 0:
                boxes += [Box(pt.page, r, label) for r in pt.span_rects(i, i + len(name))]
                i = pt.text.find(name, i + 1)
    fast = redact_pdf(pdf, boxes)
    monkeypatch.setattr(redact, "_insert_font_once", lambda page: None)
    assert redact_pdf(pdf, boxes) == fast


def test_the_flow_process_does_not_import_the_detector():
    """Detection runs in workers: the flow's own process never imports spaCy/Presidio (~1.4 s)."""
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from pipeline.extract import extract_pages\n"
        "from pipeline.models import CaseRecord, Party, SourceDocument\n"
        "from pipeline.process import ProcessedDocument, detect_document_in_worker\n"
        "from tests.pdfs import text_pdf\n"
        "import flows.sar, pipeline.finalise\n"
        "case = CaseRecord(case_id='C-1', requester=Party(name='Claire Bennett'), received=date(2026, 1, 20),"
        " third_parties=[], root=Path('.'))\n"
        "pdf = text_pdf(['Call Maria Pearce on 07700 900123.'])\n"
        "src = SourceDocument(doc_id='d1', source='a.pdf', path=None, sha256='0', size=len(pdf))\n"
        "r = detect_document_in_worker(ProcessedDocument(source=src, pdf=pdf, pages=extract_pages(pdf)), case)\n"
        "assert r.error is None and r.suggestions, r.error\n"
        "assert not {'spacy', 'presidio_analyzer', 'recognizers'} & set(sys.modules), 'detector imported'\n"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, timeout=120)


def test_bundle_layout_worked_out_beforehand_gives_the_same_bundle():
    from pipeline.bundle import pages_fit_unscaled

    doc = pymupdf.open(stream=text_pdf(["Dean Okafor wrote.", "A second page."]))
    low = doc.new_page(width=595, height=842)
    low.insert_text((50, 835), "text in the foot band")  # must be scaled
    doc.new_page(width=842, height=595).insert_text((50, 50), "landscape")
    pdf = doc.tobytes()
    fits = pages_fit_unscaled(pdf)
    assert True in fits and False in fits

    def items(with_fits):
        return [BundleItem(doc_id=f"d{i}", title=f"Note {i}", pdf=pdf, original_format="pdf",
                           date=date(2025, 1, 1 + i), fits=fits if with_fits else None) for i in range(2)]

    assert assemble("CASE-1", items(True)).pdf == assemble("CASE-1", items(False)).pdf


def _parent_pid() -> int:
    import os

    return os.getppid()


def test_detection_workers_fork_from_a_server_that_already_loaded_the_model():
    """One model load per run, shared by the detection workers (copy-on-write), and a fork
    server separate from the reading workers' (which never import spaCy)."""
    from pipeline import isolate

    if not isolate.enabled():
        pytest.skip("isolation is off")
    det = isolate.detect_pool()
    assert isinstance(det.ctx, isolate._DetectContext)
    secs = det.run(isolate.load_detector)["detect (model load)"]
    assert secs < 0.05  # already in memory: nothing left to load
    det_parent = det.run(_parent_pid)
    read_parent = isolate.pool().run(_parent_pid)
    assert det_parent != read_parent
    assert "spacy" not in isolate.pool().run(_modules_loaded) and "spacy" in det.run(_modules_loaded)


def _modules_loaded() -> set[str]:
    import sys

    return {m.split(".")[0] for m in sys.modules}


def test_term_list_grouped_by_first_letter_matches_like_the_plain_alternation():
    import re
    from pathlib import Path

    from recognizers.lists import DEFAULT_ALLOW, compile_terms, read_terms, term_regex

    corpus = Path(__file__).resolve().parents[1] / "sample_docs" / "eval"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("documents/*.txt"))]
    texts.append("child maintenance service, PO Box 249\\nMitcheldean GL17 1AJ; jobcentre plus; HMRC. (Ltd) Ümit")
    for terms in (read_terms(DEFAULT_ALLOW), ("Child Maintenance", "Child Maintenance Service", "(Ltd)", "ümit", "Ümit x")):
        plain = re.compile("(?i:" + "|".join(sorted({term_regex(t) for t in terms}, key=len, reverse=True)) + ")")
        fast = compile_terms(tuple(terms))
        assert texts and all(fast.spans(t) == [m.span() for m in plain.finditer(t)] for t in texts)


def test_sync_flow_runs_do_not_wait_for_the_heartbeat_threads_next_step():
    import types

    import prefect.flow_engine as fe

    import flows.sar  # noqa: F401 - patches Prefect on import
    from flows import settings

    assert getattr(fe._send_heartbeats, "_sarpack", False)
    calls = []
    stub = types.SimpleNamespace(_send_heartbeats=lambda eng, join_on_exit=True: calls.append((eng, join_on_exit)))
    settings.patch_prefect(stub)
    stub._send_heartbeats("engine")  # as FlowRunEngine.run_context calls it
    settings.patch_prefect(stub)  # idempotent
    stub._send_heartbeats("engine", join_on_exit=True)
    assert calls == [("engine", False), ("engine", False)]


def test_file_name_title_values_found_in_one_pass_as_one_search_per_value_finds_them():
    import re

    from pipeline.finalise import _file_name_values, _merge

    plain = {"Dean Okafor", "Okafor Smith", "Ann", "Anna Lee", "07700 900123", "LS2 7AB", "Mark"}
    titles = ["2026-01-12_letter_from_dean_okafor_smith", "anna_lee-ann.notes", "call 07700_900123 re LS2-7AB",
              "marks_and_spencer receipt", "DEAN.OKAFOR", "annalee", "mark", "x_ann_x", "", "STRASSE_9 strasse 9"]
    for values in (plain, plain | {"Straße 9"}):  # (the second cannot use the case-folded trie)
        rx = _file_name_values(frozenset(values))
        for t in titles:
            old = []
            for v in values:
                pat = r"(?<![^\W_])" + re.escape(v).replace(r"\ ", r"[\s_.-]+") + r"(?![^\W_])"
                old += [m.span() for m in re.finditer(pat, t, re.IGNORECASE)]
            assert _merge([m.span(1) for m in rx.finditer(t)]) == _merge(old), t
    assert _file_name_values(frozenset({"ab"})) is None


def test_file_name_values_kept_for_a_case_find_in_its_titles_what_all_values_find():
    """values_in_file_names keeps, of thousands of values, only those that can be in the case's
    file-name titles: the titles' matches are the same as with every value."""
    import random

    from pipeline.finalise import _file_name_values, _merge, values_in_file_names

    rng = random.Random(3)
    values = {"Dean Okafor", "Okafor Smith", "Ann", "Anna Lee", "07700 900123", "LS2 7AB", "Mark", "d.o@x.uk",
              "Ímile Roux", "KELVIN", "sister"}
    values |= {f"{rng.randint(1, 120)} Mill Lane, Leeds LS{rng.randint(1, 29)} {rng.randint(1, 9)}AB"
               for _ in range(300)}
    values |= {f"07700 900{rng.randint(0, 999):03d}" for _ in range(300)}
    titles = ["2026-01-12_letter_from_dean_okafor_smith", "anna_lee-ann.notes", "call 07700_900123 re LS2-7AB",
              "marks_and_spencer receipt", "DEAN.OKAFOR", "annalee", "mark", "x_ann_x", "d.o@x.uk scan",
              "12_mill_lane_leeds_ls3_4ab", "ímile roux", "Kelvin ſister"]  # (Kelvin sign, long s)
    for group in (titles[:10], titles):  # ASCII titles only; then some that are not
        kept = values_in_file_names(values, group)
        if group == titles[:10]:
            assert len(kept) < 40
        small, full = _file_name_values(kept), _file_name_values(frozenset(values))
        for t in group:
            assert _merge([m.span(1) for m in small.finditer(t)]) == _merge([m.span(1) for m in full.finditer(t)]), t


def _page_contents(doc: pymupdf.Document, i: int) -> bytes:
    return b"".join(doc.xref_stream(x) for x in doc[i].get_contents())


@pytest.mark.parametrize("case_id", ["SAR-2026-0001", "ÉTUDE/2026·7", "CASE→7"])
def test_stamps_written_directly_are_the_stamps_pymupdfs_shapes_write(case_id):
    """stamp_pages writes each page's stamp stream itself: the same content, fonts and text
    as Shape.insert_text + commit (the reference), on portrait, landscape, odd-sized and
    offset pages, and on pages whose own content leaves the graphics state unbalanced."""
    from pipeline.bundle import _stamp_pages_with_shapes, stamp_pages

    def make() -> pymupdf.Document:
        d = pymupdf.open()
        for i, (w, h) in enumerate([(595, 842), (842, 595), (300, 500), (595, 842), (612, 792)] * 3):
            p = d.new_page(width=w, height=h)
            p.insert_text((72, 72), f"page {i}")
            if i == 3:  # a 'q' left open by the page's own content
                d.update_stream(p.get_contents()[0], d.xref_stream(p.get_contents()[0]) + b"\nq 1 0 0 1 5 5 cm\n")
            if i == 4:
                p.set_mediabox(pymupdf.Rect(10, 20, 612, 792))
        return d

    a, b = make(), make()
    _stamp_pages_with_shapes(a, case_id, first=2)
    stamp_pages(b, case_id, first=2)
    assert len(a) == len(b)
    for i in range(len(a)):
        assert _page_contents(a, i) == _page_contents(b, i), i
        assert [f[3:5] for f in a[i].get_fonts()] == [f[3:5] for f in b[i].get_fonts()], i
        assert a[i].get_text() == b[i].get_text(), i
    assert f"{case_id} \u2014 Page 13 of 13" in b[len(b) - 1].get_text()
    # one embedded stamp font, whichever way
    assert sum(1 for x in range(1, b.xref_length()) if b.xref_get_key(x, "Length1")[0] != "null") == 1


def test_task_runs_are_all_recorded_by_a_batching_task_run_recorder(tmp_path):
    """The server sarpack starts records task runs in batches (flows/settings.DEFAULTS): every
    task run and its final state still reaches the server's database, within seconds."""
    import json
    import subprocess
    import sys

    from flows import settings

    script = r'''
import json, sys, time
from flows import settings
settings.apply()
from prefect import flow, task
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

@task
def double(i):
    return 2 * i

@flow
def many():
    return [f.result() for f in [double.submit(i) for i in range(12)]]

state = many(return_state=True)
fid = state.state_details.flow_run_id
t0 = time.time()
with get_client(sync_client=True) as c:
    while True:
        runs = c.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[fid])))
        done = [r for r in runs if r.state is not None and r.state.is_completed()]
        if len(done) == 12 or time.time() - t0 > 30:
            break
        time.sleep(0.25)
print(json.dumps({"recorded": len(runs), "completed": len(done), "seconds": round(time.time() - t0, 1)}))
'''
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120", PREFECT_LOGGING_LEVEL="WARNING",
               PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=240,
                         cwd=str(Path(__file__).resolve().parent.parent))
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["recorded"] == 12 and got["completed"] == 12, got
    assert settings.DEFAULTS["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE"] != "1"


def test_documents_read_ahead_are_the_documents_read_on_the_spot(tmp_path):
    """ReadAhead reads in the background what take_read then hands over: the same pages as
    reading on the spot; a bad file is the same per-document failure; a document taken once
    (a retried task) or never read ahead is read on the spot."""
    import hashlib

    from pipeline import process
    from pipeline.models import SourceDocument

    good, bad = tmp_path / "a.pdf", tmp_path / "b.pdf"
    good.write_bytes(text_pdf(["Dean Okafor lives at 12 Mill Lane.", "Page two."]))
    bad.write_bytes(b"%PDF-1.7 not really")

    def src(path: Path, doc_id: str) -> SourceDocument:
        data = path.read_bytes()
        return SourceDocument(doc_id=doc_id, source=path.name, path=path, sha256=hashlib.sha256(data).hexdigest(),
                              size=len(data))

    docs = [src(good, "d1"), src(bad, "d2")]
    plain = [process.read_document(d) for d in docs]
    reads: list = []
    real = process.read_document
    try:
        process.read_document = lambda d, limits=None: reads.append(d.doc_id) or real(d, limits)
        with process.ReadAhead(docs):
            ahead = [process.take_read(d) for d in docs]
            assert sorted(reads) == ["d1", "d2"]
            again = process.take_read(docs[0])  # taken already: read again
            assert reads.count("d1") == 2
        assert not process._READS
        after = process.take_read(docs[1])  # no read-ahead any more
        assert reads.count("d2") == 2
    finally:
        process.read_document = real
    for a, b in zip(plain, ahead):
        assert [p.text for p in a.pages] == [p.text for p in b.pages]
        assert a.error == b.error
    assert plain[1].error and after.error == plain[1].error
    assert [p.text for p in again.pages] == [p.text for p in plain[0].pages]


def _party_matcher():
    from pipeline.models import CaseRecord, Party
    from recognizers.parties import PartyMatcher

    case = CaseRecord(
        case_id="T-PERF", received=date(2026, 11, 22),
        requester=Party(name="Ann Kaur", ni_number="KA 12 34 56 B", case_references=["CMS-2026-123456", "1234 5678 9012"],
                        phones=["07700 900123"], addresses=["12 Mill Lane, Leeds LS6 2AB"]),
        third_parties=[Party(name="Dev Kaur", role="paying parent", ni_number="JT482971C", phones=["0113 496 0123", "+48 512 345 678"],
                             addresses=["Flat 3, 27 Kingsley Road, Bradford BD3 9ND"])],
        root=Path("."))
    return PartyMatcher(case)


def test_party_identifiers_searched_only_where_their_characters_occur_are_all_found():
    # parties.PartyMatcher skips a listed phone, NI number or case reference whose digits (or letters and
    # digits) do not occur in a row in the text once separators are dropped; the skip must never lose a match
    pm = _party_matcher()
    shapes = ["07700 900123", "(0)7700-900 123", "+44 (0) 7700 900123", "0044 7700/900/123", "7700 900123",
              "0 7700 900 123", "0113 496 0123", "(0113) 496-0123", "+48 512 345 678", "0048 512-345-678",
              "KA 12 34 56 B", "ka123456b", "\u212aA 12 34 56 B", "JT-48-29-71-C", "jt 48 29 71 c",
              "CMS-2026-123456", "cms 2026 123456", "CMS/2026/123456", "CMS\u20132026\u2013123456", "1234 5678 9012",
              "123456789012", "CM\u017f-2026-123456", "07700 900124", "KA 12 34 56 C", "CMS-2026-123457"]
    rng = random.Random(3)
    texts = []
    for _ in range(60):
        words = [rng.choice(shapes) if rng.random() < 0.3 else rng.choice(["call", "ref", "NI", "on", "x", "12", "-"])
                 for _ in range(30)]
        texts.append(rng.choice([" ", "\n", ", "]).join(words))
    for t in texts:
        fast = [(s.start, s.end, s.entity_type, s.party) for s in pm.match(t)]
        saved, pm._rx_stream = pm._rx_stream, {}
        try:
            plain = [(s.start, s.end, s.entity_type, s.party) for s in pm.match(t)]
        finally:
            pm._rx_stream = saved
        assert fast == plain
    assert any(pm._rx_stream)  # (the skip is in use for this case)


def test_org_names_found_line_by_line_are_the_whole_texts_matches():
    # refine.org_name_matches scans only the lines of an ASCII text that hold an organisation word
    from recognizers.refine import ORG_NAME, org_name_matches

    words = ["Leeds", "City", "Council", "council", "COUNCIL", "of", "and", "&", "Pre-school", "preschool", "Tribunals",
             "tribunal", "Building", "Society", "O'Neill", "Solicitors'", "Ltd.", "ltd-x", "x-Ltd", "Co", "co-parent",
             "Mr", "Okafor", "said", "the", "Jobcentre", "Plus", "Services", "service_s", "2", "\u00a0", "Trust", "Bank",
             "Court", "St", "Mary's", "School", "\u017fociety", "Caf\u00e9", "Cafe", "\u212aent", "Law"]
    ascii_words = [w for w in words if w.isascii()]
    rng = random.Random(11)
    n_ascii = 0
    for i in range(600):
        pool, gaps = (ascii_words, [" ", " ", " ", "\n", ", ", "\t", "-", "'", "."]) if i % 3 else (
            words, [" ", "\n", ", ", "\u00a0", "'"])
        parts = []
        for _ in range(rng.randint(0, 40)):
            parts.append(rng.choice(pool))
            parts.append(rng.choice(gaps))
        text = "".join(parts)
        n_ascii += text.isascii()
        org_name_matches.cache_clear()
        assert org_name_matches(text) == tuple(m.span() for m in ORG_NAME.finditer(text)), repr(text)
    assert n_ascii >= 350


def test_street_after_reads_a_title_cased_window_like_the_whole_text():
    """person_context._street_after title-cases only a window after the name: the same answers as
    title-casing the whole text on ASCII text, and offsets that do not move when the text before the
    name holds a character whose title case is longer ("ﬁ" -> "Fi")."""
    import random

    from recognizers.person_context import STREET_AFTER, _street_after

    rnd = random.Random(19)
    words = ["ROAD", "road", "STREET", "St", "stone", "ESTATE", "Court", "HOUSES", "way", "WAYNE", "x", "\t"]
    for _ in range(2000):
        text = "NAME" + "".join(rnd.choice([" ", "  ", "\t"]) + rnd.choice(words) for _ in range(rnd.randint(1, 4)))
        for titled in (False, True):
            whole = STREET_AFTER.match(text.title() if titled else text, 4) is not None
            assert _street_after(text, 4, titled) == whole, (text, titled)
    text = "\ufb01le 12: JOHN SMITH ROAD"  # the ligature "ﬁ" title-cases to two letters, "Fi"
    pos = text.index(" ROAD")
    assert _street_after(text, pos, True)
    assert STREET_AFTER.match(text.title(), pos) is None  # the old whole-text way: "ﬁ" -> "Fi" moved the offset


def test_a_one_shot_submit_lets_the_task_run_recorder_flush_before_it_exits(monkeypatch):
    """flows.settings.let_task_run_records_flush: with the one-off server the command started itself,
    wait one flush interval and a little more before exiting (the server writes task-run states in
    batches; exiting at once cut its last write short, with a Prefect traceback); with a server of its
    own (PREFECT_API_URL), no wait. cmd_submit calls it on every way out of the flow."""
    import inspect

    from flows import cli, settings

    waited = []
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL", "1")
    assert settings.let_task_run_records_flush(sleep=waited.append) == 1.5 and waited == [1.5]
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert settings.let_task_run_records_flush(sleep=waited.append) == 0.0 and waited == [1.5]
    from flows import cli_review

    for fn in (cli.cmd_submit, cli_review.cmd_approve):
        src = inspect.getsource(fn)
        assert "finally:" in src and "let_task_run_records_flush()" in src.split("finally:", 1)[1], fn.__name__


# ---------------------------------------------------------------- detection fast paths (round 20)
_CTX_WORDS = ["national", "insurance", "number", "NI", "date", "of", "birth", "d.o.b.", "tel", "mobile", "email",
              "sort", "code", "account", "reg", "Mr", "Smith", "said", "(", ")", ":", "-", "/", ".", ",", "'s",
              "  ", "\n", "\t", "\n\n", "07700", "900123", "AB", "12", "34", "56", "C", "ÉMILE", "Straße", "—", "…"]


def _ctx_texts(n: int = 120, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        out.append("".join(rng.choice(_CTX_WORDS) + rng.choice([" ", "", " ", "\n", ": "])
                           for _ in range(rng.randint(0, 60))))
    return out + ["", " ", "x", "Date of birth: 01/02/1980"]


def _core():
    from recognizers.analyzer import DetectSettings, _get_core

    return _get_core(DetectSettings())


def test_context_window_from_token_arrays_is_the_window_from_tokens():
    from recognizers.context import _window_tokens_plain, window_tokens

    core = _core()
    rng = random.Random(3)
    texts = _ctx_texts()
    checked = 0
    for text, doc in zip(texts, core.nlp.pipe(texts)):
        art = core.nlp_engine.artifacts(doc)
        assert art.window_table is not None
        for _ in range(15):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            before, after = rng.randint(0, 10), rng.randint(0, 4)
            idx = art.tokens_indices
            import bisect

            plain = _window_tokens_plain(art, bisect.bisect_left(idx, a), bisect.bisect_left(idx, b), before, after)
            assert window_tokens(art, a, b, before, after) == plain
            checked += 1
    assert checked > 1000


def test_context_step_in_one_pass_gives_presidios_results_in_presidios_order():
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult

    core = _core()
    engine = core.engine
    recs = engine.registry.recognizers
    texts = _ctx_texts(60, seed=5) + [
        "Mr Dean Okafor, NI number AB 12 34 56 C, tel 07700 900123, email dean.okafor@example.com, DOB 01/02/1980.",
        "Sort code 12-34-56 account 12345678. Reg: AB12 CDE. Postcode LS2 7AB. Case ref CMS-2026-004512.",
    ]
    for text, doc in zip(texts, core.nlp.pipe(texts)):
        raw = []
        art = core.nlp_engine.artifacts(doc)
        for r in recs:
            raw.extend(r.analyze(text=text, entities=core.entities, nlp_artifacts=art) or [])
        random.Random(len(text)).shuffle(raw)  # any order of the recognizers' results
        fast = engine._enhance_using_context(text, list(raw), core.nlp_engine.artifacts(doc), recs, None)
        plain = AnalyzerEngine._enhance_using_context(engine, text, list(raw), core.nlp_engine.artifacts(doc), recs, None)
        assert [(r.entity_type, r.start, r.end, r.score, r.recognition_metadata) for r in fast] == \
               [(r.entity_type, r.start, r.end, r.score, r.recognition_metadata) for r in plain]

    class Rescoring(EntityRecognizer):  # a recognizer with its own context step gets Presidio's
        def load(self):
            pass

        def analyze(self, text, entities, nlp_artifacts=None):
            return []

        def enhance_using_context(self, text, raw_recognizer_results, other_raw_recognizer_results, nlp_artifacts,
                                  context=None):
            return [RecognizerResult(r.entity_type, r.start, r.end, 0.99, recognition_metadata=r.recognition_metadata)
                    for r in raw_recognizer_results]

    extra = Rescoring(supported_entities=["PERSON"], name="Rescoring")
    res = RecognizerResult("PERSON", 0, 2, 0.5, recognition_metadata={
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: extra.id, RecognizerResult.RECOGNIZER_NAME_KEY: "Rescoring"})
    doc = core.nlp("Jo went home.")
    out = engine._enhance_using_context("Jo went home.", [res], core.nlp_engine.artifacts(doc), recs + [extra], None)
    assert [r.score for r in out] == [0.99]


def test_bench_memory_sampler_counts_a_child_started_while_it_runs():
    """The RSS sampler looks the children up again every few samples (not every sample): a child
    started while it runs is still counted."""
    import subprocess
    import sys
    import time

    import psutil

    from pipeline.bench import _Sampler

    own = psutil.Process().memory_info().rss / (1024 * 1024)
    with _Sampler() as s:
        time.sleep(0.1)
        child = subprocess.Popen([sys.executable, "-c", "import time; b = b\"x\" * (300 * 1024 * 1024); time.sleep(2)"])
        try:
            time.sleep(1.6)
        finally:
            child.kill()
            child.wait()
    assert s.peak >= own + 250


def test_blank_pages_are_not_given_to_the_ner_model_and_change_nothing(monkeypatch):
    from pipeline.case_store import load_case
    from recognizers import build_analyzer

    case = load_case(Path("sample_docs/eval"), sorted(p.name for p in Path("sample_docs/eval").iterdir()
                                                      if (p / "case.json").exists())[0])
    an = build_analyzer(case)
    pages = ["Mrs Dana Whitcombe rang on 07700 900481 about Kofi.", "", "  \n\t ", "Kofi Mensah lives at 4 Alder Way, Leeds LS6 2QT.",
             "\n", "Dana said Kofi had moved."]
    with_blanks = an.analyze_many(pages)
    given: list[str] = []
    real_pipe = an.core.nlp.pipe

    def spy(texts, **kw):
        texts = list(texts)
        given.extend(texts)
        return real_pipe(texts, **kw)

    monkeypatch.setattr(an.core.nlp, "pipe", spy)
    assert an.analyze_many(pages) == with_blanks
    assert given == [p for p in pages if p.strip()]
    assert with_blanks[1] == with_blanks[2] == with_blanks[4] == []


def test_presidio_gets_the_recognizers_in_the_order_they_were_registered():
    """Presidio gathers the recognizers in a set of objects (an order that followed their addresses, so
    changed from run to run); the order decides which of two equal results is kept."""
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    from recognizers.analyzer import _Registry

    core = _core()
    recs = core.engine.registry.recognizers
    for entities in (core.entities, ["PERSON"], list(reversed(core.entities))):
        got = core.engine.registry.get_recognizers(language="en", entities=entities, all_fields=False)
        assert got == [r for r in recs if set(r.supported_entities) & set(entities)]

    class Same(EntityRecognizer):  # two recognizers giving the same result: the first registered is kept
        def load(self):
            pass

        def analyze(self, text, entities, nlp_artifacts=None):
            return [RecognizerResult("PERSON", 0, 2, 0.85, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})]

    from presidio_analyzer import AnalyzerEngine

    for _ in range(20):
        many = [Same(supported_entities=["PERSON"], name=f"Same{i}") for i in range(8)]
        engine = AnalyzerEngine(registry=_Registry(recognizers=many, supported_languages=["en"]),
                                nlp_engine=core.nlp_engine, supported_languages=["en"])
        doc = core.nlp("Jo went home.")
        out = engine.analyze(text="Jo went home.", language="en", entities=["PERSON"],
                             nlp_artifacts=core.nlp_engine.artifacts(doc))
        assert [r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY] for r in out] == ["Same0"]


_ALLOC_CODE = r'''
import hashlib, resource, sys
import recognizers.analyzer as an
if sys.argv[1] == "default":
    an._keep_freed_memory = lambda: False
core = an._get_core(an.DetectSettings())
texts = [("Mrs Dana Whitcombe rang on 07700 900481 about Kofi Mensah of Leeds. " * 30),
         ("The employer, Harbour Fresh Foods Ltd, confirmed that Pawel Nowak is paid weekly. " * 40)] * 6
h = hashlib.sha256()
f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(3):
    for d in core.nlp.pipe(texts, batch_size=4):
        h.update(repr([(e.start_char, e.end_char, e.label_) for e in d.ents]).encode())
        h.update(d.tensor.tobytes())
print(h.hexdigest(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0)
'''


def test_allocator_keeping_freed_memory_changes_no_ner_result():
    """The detector's processes keep freed memory for reuse (fewer page faults per NER batch); the
    model's vectors and entities are the same to the byte."""
    import subprocess
    import sys

    out = {}
    for mode in ("default", "keep"):
        r = subprocess.run([sys.executable, "-c", _ALLOC_CODE, mode], capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr[-2000:]
        digest, faults = r.stdout.split()
        out[mode] = (digest, int(faults))
    assert out["keep"][0] == out["default"][0]
