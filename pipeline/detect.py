"""Detect: run the case's analyzer over a document's pages and turn findings into
Suggestions with rectangles on the page."""
from __future__ import annotations

import logging
from collections import Counter
from typing import Sequence

from pipeline.models import PageText, Suggestion

log = logging.getLogger("sarpack.detect")


def detect_pages(analyzer, doc_id: str, pages: Sequence[PageText], extra_names: Sequence[str] = ()) -> list[Suggestion]:
    """One Suggestion per finding (third-party or unknown person's data) on each page.

    ``extra_names`` are treated as unknown people everywhere in the document.
    A finding whose characters have no visible box (e.g. only whitespace) is kept with
    no rectangles and flagged for review rather than dropped.
    """
    texts = [p.text for p in pages]
    if extra_names:
        per_page = analyzer.analyze_many(texts, extra_names=list(extra_names))
    else:
        per_page = analyzer.analyze_many(texts)
    return suggestions_from_findings(doc_id, pages, per_page)


def suggestions_from_findings(doc_id: str, pages: Sequence[PageText], per_page) -> list[Suggestion]:
    """Findings per page (as ``analyzer.analyze_many`` gives them) -> Suggestions with rectangles."""
    out: list[Suggestion] = []
    counts: Counter[str] = Counter()
    for page, findings in zip(pages, per_page):
        for f in findings:
            rects = page.span_rects(f.start, f.end)
            out.append(
                Suggestion(
                    id=Suggestion.make_id(doc_id, page.page, f.start, f.end, str(f.entity_type), f.text),
                    doc_id=doc_id,
                    page=page.page,
                    rects=rects,
                    entity_type=f.entity_type,
                    recognizer=f.recognizer,
                    score=f.score,
                    party=f.party,
                    reason=f.reason,
                    needs_review=f.needs_review or not rects,
                    start=f.start,
                    end=f.end,
                    text=f.text,
                )
            )
            counts[str(f.entity_type)] += 1
    log.info("detect doc=%s pages=%d suggestions=%d by_type=%s", doc_id, len(pages), len(out), dict(counts))
    return out
