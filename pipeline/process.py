"""Per-document work: normalise -> prepare -> extract -> detect.

Every failure becomes a ``failed`` result with a reason in words; nothing escapes
to stop the rest of the case, and nothing is silently dropped.
"""
from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass, field

from pipeline import case_settle
from pipeline.codes import DocStatus, EntityType, PartyKind, ReasonCode
from pipeline.errors import DocumentError
from pipeline.models import (
    ForcedRegion,
    NormalisedDocument,
    PageText,
    SourceDocument,
    Suggestion,
)

log = logging.getLogger("sarpack.process")


@dataclass
class ProcessedDocument:
    source: SourceDocument
    normalised: NormalisedDocument | None = None
    pdf: bytes | None = field(default=None, repr=False)  # prepared PDF the suggestions refer to
    pages: list[PageText] = field(default_factory=list, repr=False)
    suggestions: list[Suggestion] = field(default_factory=list)
    children: list[SourceDocument] = field(default_factory=list)
    error: str | None = None
    # the analyzer's findings in the document's title, when worked out with the document
    title_findings: dict[str, list] = field(default_factory=dict, repr=False)
    # the normalised values its detection settled as the requester's or someone else's, for the
    # case-level step (pipeline.case_settle); in memory only, like the suggestions' text
    settled: case_settle.Settled = field(default=case_settle.EMPTY, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None and self.pdf is not None

    @property
    def status(self) -> DocStatus:
        return DocStatus.DISCLOSED if self.ok else DocStatus.FAILED


def _text_in_rect(pt: PageText, rect: tuple[float, float, float, float]) -> str:
    x0, y0, x1, y1 = rect
    out = []
    for i, ch in enumerate(pt.text):
        a, b, c, d = pt.char_rect(i)
        if c <= a:
            continue
        cx, cy = (a + c) / 2, (b + d) / 2
        if x0 <= cx <= x1 and y0 <= cy <= y1:
            out.append(ch)
    return "".join(out)


def forced_suggestions(doc_id: str, regions: list[ForcedRegion], pages: list[PageText]) -> list[Suggestion]:
    """Boxes drawn over live text in the source become real redactions (reason SR)."""
    out = []
    for k, r in enumerate(regions):
        if not 0 <= r.page < len(pages):
            continue
        text = _text_in_rect(pages[r.page], r.rect)
        out.append(
            Suggestion(
                id=Suggestion.make_id(doc_id, r.page, -1 - k, -1, str(r.entity_type), repr(r.rect)),
                doc_id=doc_id,
                page=r.page,
                rects=[r.rect],
                entity_type=EntityType.SOURCE_REDACTION,
                recognizer="source_box",
                score=1.0,
                party=PartyKind.UNKNOWN,
                reason=ReasonCode.SR,
                text=text,
            )
        )
    return out


def read_document(doc: SourceDocument, limits=None) -> ProcessedDocument:
    """Normalise, prepare and extract one document under the per-document limits (in a
    child process: see :mod:`pipeline.isolate`). Never raises for a bad document."""
    from pipeline import isolate
    from pipeline.limits import DEFAULT_LIMITS

    result = ProcessedDocument(source=doc)
    if doc.error:
        result.error = doc.error
        log.warning("document %s refused: %s", doc.doc_id, doc.error)
        return result
    try:
        nd, children, pdf, pages, secs = isolate.run(
            isolate.prepare_document, doc, limits or DEFAULT_LIMITS, limits=limits, what=f"document {doc.doc_id}"
        )
        for stage, t in secs.items():
            isolate.add_time(stage, t)
        nd.pdf = pdf
        result.normalised, result.children, result.pdf, result.pages = nd, children, pdf, pages
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the case
        _fail(result, exc)
    return result


class ReadAhead:
    """Reads documents (:func:`read_document`) in the background, in order, ahead of the work
    that needs them: while the detection workers load their model at the start of a case,
    the reading workers would otherwise wait for the detection of the first documents.

    ``with ReadAhead(docs): ...`` then :func:`take_read` ``(doc)`` (from any thread) gives the
    document read, waiting for it if needed; a document not being read ahead, or whose read
    was already taken (a retried task), is read on the spot. Leaving the block cancels the
    reads that have not started."""

    def __init__(self, docs: list[SourceDocument], workers: int = 2):
        from concurrent.futures import ThreadPoolExecutor

        self._ex = ThreadPoolExecutor(max(1, workers), thread_name_prefix="sarpack-read-ahead")
        self._keys = []
        for d in docs:
            key = _read_key(d)
            if key not in _READS:
                _READS[key] = self._ex.submit(read_document, d)
                self._keys.append(key)

    def close(self) -> None:
        for key in self._keys:
            f = _READS.pop(key, None)
            if f is not None:
                f.cancel()
        self._ex.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> "ReadAhead":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_READS: dict[tuple, "Future[ProcessedDocument]"] = {}  # documents being read ahead


def _read_key(doc: SourceDocument) -> tuple:
    return (doc.doc_id, doc.source, doc.sha256, doc.parent)


def take_read(doc: SourceDocument) -> ProcessedDocument:
    """``doc`` read: by a :class:`ReadAhead`, or here and now (:func:`read_document`)."""
    future = _READS.pop(_read_key(doc), None)
    if future is not None and not future.cancelled():
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - read_document never raises; if it did, read again here
            pass
    return read_document(doc)


def detect_document(result: ProcessedDocument, analyzer) -> ProcessedDocument:
    """Find third parties' data in a document that was read. Never raises."""
    import time

    from pipeline import isolate
    from pipeline.detect import detect_pages

    if result.error or result.pdf is None:
        return result
    t = time.perf_counter()
    try:
        nd = result.normalised
        extra = nd.extra_names if nd is not None else ()
        result.suggestions = detect_pages(analyzer, result.source.doc_id, result.pages, extra_names=extra)
        result.settled = getattr(analyzer, "last_settled", case_settle.EMPTY)  # for the case-level step
        if nd is not None:
            result.suggestions += forced_suggestions(result.source.doc_id, nd.forced_regions, result.pages)
    except Exception as exc:  # noqa: BLE001
        _fail(result, exc)
    isolate.add_time("detect", time.perf_counter() - t)
    return result


def detect_document_in_worker(result: ProcessedDocument, case, settings=None) -> ProcessedDocument:
    """As :func:`detect_document`, with the case's analyzer run in a detection worker process
    (:func:`pipeline.isolate.detect`) so that documents are detected on every core. Never raises."""
    import time

    from pipeline import isolate
    from pipeline.detect import suggestions_from_findings

    if result.error or result.pdf is None:
        return result
    t = time.perf_counter()
    try:
        nd = result.normalised
        extra = tuple(nd.extra_names) if nd is not None else ()
        from pipeline.finalise import document_title

        title = document_title(result)
        per_page, title_found, secs, settled = isolate.detect(
            # settings None: the worker's defaults (this process never imports the recognizers,
            # spaCy and Presidio: ~1.4 s)
            case, settings, [pt.text for pt in result.pages], extra, title,
            what=f"document {result.source.doc_id}",
        )
        result.title_findings = {title: title_found}
        result.settled = settled  # for the case-level step (pipeline.case_settle)
        for stage, s in secs.items():
            isolate.add_time(stage + " (in workers)", s)
        result.suggestions = suggestions_from_findings(result.source.doc_id, result.pages, per_page)
        if nd is not None:
            result.suggestions += forced_suggestions(result.source.doc_id, nd.forced_regions, result.pages)
    except Exception as exc:  # noqa: BLE001
        _fail(result, exc)
    isolate.add_time("detect (wall, per document)", time.perf_counter() - t)
    return result


def _fail(result: ProcessedDocument, exc: BaseException) -> None:
    if isinstance(exc, DocumentError):
        result.error = exc.reason
    elif isinstance(exc, MemoryError):
        result.error = "the document needs more memory than the limit allows"
    else:
        # The type only: library messages can quote document content.
        result.error = f"the document could not be processed ({type(exc).__name__})"
    result.pdf = None
    result.suggestions = []
    result.settled = case_settle.EMPTY
    log.warning("document %s failed: %s", result.source.doc_id, result.error)


def process_document(doc: SourceDocument, analyzer, limits=None) -> ProcessedDocument:
    """Normalise, extract and detect one document. Never raises for a bad document."""
    result = detect_document(read_document(doc, limits), analyzer)
    if not result.error:
        log.info(
            "document %s: %d page(s), %d suggestion(s)", doc.doc_id, len(result.pages), len(result.suggestions)
        )
    return result
