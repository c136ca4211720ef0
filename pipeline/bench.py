"""``sarpack bench``: how fast is a whole case, and how far from the machine's floor?

::

    sarpack bench --pages 300 --json

1. Generates a synthetic case (``--pages`` text-layer PDF pages of about 400 words, with
   third parties' names, phones, addresses, NI numbers, emails and the requester's own
   details at a realistic density) in a temporary case store.
2. Starts Prefect's server (reported separately, excluded from the figures).
3. Runs the whole ``sar-submit`` flow with auto-approve: gather -> normalise -> extract ->
   detect -> decide -> redact -> bundle -> verify -> publish. That is the end-to-end time.
4. Measures the floor on the same pages in the same process: text extraction plus NER
   (the spaCy model alone) on one core, and prints the end-to-end / floor ratio.

Prints per-stage timings (summed over documents; stages run concurrently, so they can add
up to more than the wall clock) and the peak RSS of this process plus its children.
With ``--json`` the last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

FIRST = ["Maria", "Kelly", "Samir", "Joanne", "Priya", "Gareth", "Aisha", "Tomasz", "Hannah", "Oluwaseun",
         "Rebecca", "Imran", "Sinead", "Craig", "Yusuf", "Bethany"]
LAST = ["Okonkwo", "Marsh", "Patel", "Whitfield", "Kowalski", "Fraser", "Hughes", "Adeyemi", "Doyle", "Rahman",
        "Lindqvist", "Pearce", "McAllister", "Osei", "Brennan", "Thornton"]
STREETS = ["Mill Lane", "Church Street", "Victoria Road", "Park Avenue", "Station Road", "Elm Grove",
           "Queens Drive", "Castle View"]
TOWNS = [("Leeds", "LS2 7AB"), ("Bradford", "BD8 9QT"), ("Wakefield", "WF1 3JP"), ("York", "YO31 7EN"),
         ("Halifax", "HX1 5ER"), ("Harrogate", "HG1 4DL")]
FILLER = (
    "the payment schedule was reviewed against the calculation and the arrears were recalculated for the period "
    "we wrote to explain how the maintenance amount is worked out from the gross weekly income reported "
    "please tell us straight away if your circumstances change because it may affect the amount you pay "
    "the caseworker noted that the collection service will continue while the review is carried out "
    "an officer checked the records held by the agency and confirmed the details on the file were correct "
    "this letter sets out the decision and what you can do if you think it is wrong"
).split()

REQUESTER = {
    "name": "Claire Bennett",
    "aliases": ["Claire Louise Bennett"],
    "date_of_birth": "1988-03-14",
    "ni_number": "JT 48 29 71 C",
    "case_references": ["CMS-2026-004512"],
    "addresses": ["14 Larch Close, Harrogate HG2 7QP"],
    "phones": ["07700 900417"],
    "emails": ["claire.bennett@example.com"],
}

_NI_LETTERS = "ABCEHJKLMNPRSTWXYZ"


def _ni(rng: random.Random) -> str:
    a = rng.choice("ABCEGHJKLMNOPRSTWXYZ") + rng.choice(_NI_LETTERS)
    d = [f"{rng.randint(0, 99):02d}" for _ in range(3)]
    return f"{a} {' '.join(d)} {rng.choice('ABCD')}"


def _sentence(rng: random.Random, n: int) -> str:
    s = " ".join(rng.choice(FILLER) for _ in range(n))
    return s[:1].upper() + s[1:] + "."


def _pii_sentence(rng: random.Random, doc_no: int) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    town, pc = rng.choice(TOWNS)
    num = rng.randint(1, 120)
    street = rng.choice(STREETS)
    phone = f"07700 900{rng.randint(0, 999):03d}"
    return rng.choice([
        f"{first} {last} telephoned on {phone} about the payments.",
        f"Mr {last} lives at {num} {street}, {town} {pc} with his partner.",
        f"The employer confirmed that {first} {last} (National Insurance number {_ni(rng)}) is paid weekly.",
        f"A letter was sent to {first} {last} at {num} {street}, {town} {pc}.",
        f"Ms {last} can be reached by email at {first.lower()}.{last.lower()}@example.net or on {phone}.",
        f"The requester told us that {first} {last} had moved to {town}.",
        f"Our reference for Claire Bennett is CMS-2026-004512 and her phone number is 07700 900417.",
    ])


def page_text(rng: random.Random, doc_no: int, page_no: int) -> str:
    """About 400 words: plain sentences with personal data in roughly one line in four."""
    lines = [f"Child Maintenance Service - case notes, document {doc_no + 1}, page {page_no + 1}", ""]
    words = 10
    while words < 400:
        if rng.random() < 0.3:
            s = _pii_sentence(rng, doc_no)
        else:
            s = _sentence(rng, rng.randint(8, 16))
        lines.append(s)
        words += len(s.split())
    return "\n".join(lines)


def make_pdf(texts: list[str]) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for text in texts:
        page = doc.new_page(width=595, height=842)
        rc = page.insert_textbox(pymupdf.Rect(50, 50, 545, 800), text, fontsize=7.8, fontname="helv")
        if rc < 0:  # never silently lose text: shrink until it fits
            page.clean_contents()
            doc.delete_page(-1)
            page = doc.new_page(width=595, height=842)
            page.insert_textbox(pymupdf.Rect(30, 30, 565, 820), text, fontsize=6.5, fontname="helv")
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def make_case(store: Path, pages: int, pages_per_doc: int = 10, seed: int = 1, case_id: str = "BENCH-0001") -> Path:
    """A case folder with ``pages`` pages in PDFs of ``pages_per_doc`` pages each."""
    rng = random.Random(seed)
    root = store / case_id
    (root / "documents").mkdir(parents=True, exist_ok=True)
    third = []
    for i in range(4):
        town, pc = TOWNS[i]
        third.append({
            "name": f"{FIRST[i]} {LAST[i]}", "role": "third party",
            "addresses": [f"{10 + i} {STREETS[i]}, {town} {pc}"], "phones": [f"07700 900{100 + i:03d}"],
        })
    case = {"case_id": case_id, "received": "2026-01-20", "requester": REQUESTER, "third_parties": third}
    (root / "case.json").write_text(json.dumps(case, indent=2))
    done, doc_no = 0, 0
    while done < pages:
        n = min(pages_per_doc, pages - done)
        texts = [page_text(rng, doc_no, p) for p in range(n)]
        (root / "documents" / f"2026-01-{doc_no % 28 + 1:02d}_notes_{doc_no + 1:03d}.pdf").write_bytes(make_pdf(texts))
        done += n
        doc_no += 1
    return root


def _peak_rss_mb() -> float:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024.0


class _Sampler:
    """Samples the RSS of this process plus its live children (the sum) every 50 ms.

    The list of children is looked up again every ``REFRESH`` samples only: psutil finds a process's
    children by reading every process's status on the machine, which cost this process about 5 % of a
    core at one look-up per sample (measurement overhead inside the figure it measures). The pools'
    workers live for the whole run; a child that exits is dropped at its next sample."""

    REFRESH = 10

    def __init__(self):
        import threading

        import psutil

        self.peak = 0.0
        self._stop = threading.Event()
        self._me = psutil.Process()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        kids: list = []
        n = 0
        while not self._stop.is_set():
            try:
                if n % self.REFRESH == 0:
                    kids = self._me.children(recursive=True)
                n += 1
                total = self._me.memory_info().rss
                for c in kids:
                    try:
                        total += c.memory_info().rss
                    except Exception:  # noqa: BLE001 - a child may exit while we look
                        pass
                self.peak = max(self.peak, total / (1024 * 1024))
            except Exception:  # noqa: BLE001
                pass
            self._stop.wait(0.05)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()


def _wrap_timings(timings: dict[str, float]):
    """Time the stages that run in this process by wrapping the module attributes the flow calls."""
    import pipeline.finalise as fin
    import pipeline.publish as pub
    import flows.sar as sar
    from pipeline import case_store

    def wrap(mod, name, stage):
        orig = getattr(mod, name)

        def timed(*a, **k):
            t = time.perf_counter()
            try:
                return orig(*a, **k)
            finally:
                timings[stage] += time.perf_counter() - t

        setattr(mod, name, timed)

    wrap(case_store, "gather_documents", "gather")
    wrap(sar, "process_all", "read+detect all documents (wall)")
    wrap(fin, "add_consistency", "decide (consistency sweep)")
    wrap(sar, "redact_all", "redact+verify all documents (wall)")
    wrap(fin, "safe_title", "titles")
    wrap(fin, "assemble", "bundle")
    wrap(fin, "verify_pdf", "verify (text, structure; in this process)")
    wrap(fin, "xray_check", "verify (x-ray; in this process)")
    wrap(fin, "verify_bundle", "verify bundle (wall)")
    wrap(pub, "write_atomically", "publish")
    wrap(sar, "finalise_case", "finalise (redact+bundle+verify, wall)")


def floor_seconds(pdfs: list[bytes], case) -> tuple[float, float, float]:
    """Extraction plus NER alone on the same pages, one core: (total, extract, ner)."""
    from pipeline.extract import extract_pages
    from recognizers import build_analyzer

    analyzer = build_analyzer(case)
    nlp = analyzer.nlp
    list(nlp.pipe(["warm up the model with a sentence about Maria Okonkwo."]))
    t0 = time.perf_counter()
    texts = [pt.text for pdf in pdfs for pt in extract_pages(pdf)]
    t1 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    t2 = time.perf_counter()
    return t2 - t0, t1 - t0, t2 - t1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="sarpack bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=1000, help="pages in the synthetic case (default 1000)")
    ap.add_argument("--pages-per-doc", type=int, default=10, help="pages per PDF (default 10)")
    ap.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    ap.add_argument("--keep", type=Path, default=None, help="keep the case store and output in this folder")
    args = ap.parse_args(argv)

    from flows import settings

    settings.apply()
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("SARPACK_BUNDLE_DATE", "2026-02-01")
    import logging

    logging.basicConfig(level=logging.WARNING)

    work = Path(tempfile.mkdtemp(prefix="sarpack-bench-")) if args.keep is None else args.keep
    store, out = work / "store", work / "out"
    try:
        t = time.perf_counter()
        root = make_case(store, args.pages, args.pages_per_doc)
        gen_s = time.perf_counter() - t
        print(f"generated {args.pages} page(s) in {len(list((root / 'documents').iterdir()))} PDF(s) "
              f"in {gen_s:.1f} s ({work})")

        # Prefect's one-off server start, outside the figures.
        from prefect import flow

        @flow(name="sarpack-bench-warmup")
        def warmup() -> int:
            return 1

        t = time.perf_counter()
        warmup()
        prefect_start = time.perf_counter() - t

        import flows.sar as sar
        from pipeline import isolate

        timings: dict[str, float] = defaultdict(float)
        _wrap_timings(timings)
        isolate.STAGE_SECONDS.clear()
        with _Sampler() as sampler:
            t = time.perf_counter()
            result = sar.submit_flow(case_id=root.name, store=str(store), out=str(out), auto_approve=True)
            e2e = time.perf_counter() - t
            stage_seconds = dict(isolate.STAGE_SECONDS)
        if not result.get("released"):
            print(f"bench: the case was not released ({result.get('state')})", file=sys.stderr)
            return 1

        from pipeline.case_store import load_case

        pdfs = [p.read_bytes() for p in sorted((root / "documents").iterdir())]
        floor, fx, fn = floor_seconds(pdfs, load_case(store, root.name))
        peak = max(sampler.peak, _peak_rss_mb())

        pages = args.pages
        print(f"Prefect server start (excluded): {prefect_start:.2f} s")
        print(f"end to end: {e2e:.2f} s for {pages} pages = {pages / e2e:.1f} pages/s "
              f"({result['documents']} documents, bundle of {result['pages']} pages)")
        print("stages (summed over documents, in all processes):")
        for name, secs in sorted({**stage_seconds, **timings}.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<40} {secs:7.2f} s")
        print(f"floor (extraction {fx:.2f} s + NER {fn:.2f} s, one core): {floor:.2f} s = {pages / floor:.1f} pages/s")
        print(f"ratio end to end / floor: {e2e / floor:.2f}")
        print(f"peak RSS (this process + children): {peak:.0f} MB")
        try:
            print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")
        except OSError:
            pass
        if args.json:
            print(json.dumps({
                "pages": pages, "seconds": round(e2e, 3), "pages_per_s": round(pages / e2e, 2),
                "floor_seconds": round(floor, 3), "ratio": round(e2e / floor, 3), "peak_rss_mb": round(peak, 1),
            }))
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
