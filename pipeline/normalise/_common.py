"""Helpers shared by the format modules (not part of the public API)."""
from __future__ import annotations

import re
from datetime import date

import pymupdf

from pipeline.errors import DocumentError
from pipeline.limits import Limits

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DMY_WORDS = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(\d{4})\b", re.I)
_MDY_WORDS = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
_DMY_NUM = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_BIRTH = re.compile(r"birth|\bdob\b|\bd\.o\.b", re.I)


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_date(text: str, max_lines: int = 15) -> date | None:
    """The first date on one of the first non-empty lines (UK day-first), skipping birth dates."""
    seen = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            break
        if _BIRTH.search(line):
            continue
        for rx, order in ((_DMY_WORDS, "dmy"), (_MDY_WORDS, "mdy"), (_ISO, "ymd"), (_DMY_NUM, "dmy#")):
            m = rx.search(line)
            if not m:
                continue
            a, b, c = m.groups()
            if order == "dmy":
                got = _mk(int(c), _MONTHS[b.lower()[:3]], int(a))
            elif order == "mdy":
                got = _mk(int(c), _MONTHS[a.lower()[:3]], int(b))
            elif order == "ymd":
                got = _mk(int(a), int(b), int(c))
            else:
                got = _mk(int(c), int(b), int(a))
            if got:
                return got
    return None


def first_line_title(text: str, max_len: int = 120) -> str | None:
    for line in text.splitlines():
        s = " ".join(line.split())
        if s:
            return s[:max_len]
    return None


def open_pdf(data: bytes, what: str = "PDF") -> pymupdf.Document:
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        raise DocumentError(f"the {what} is damaged and cannot be opened") from None
    return doc


def check_pages(doc: pymupdf.Document, limits: Limits) -> None:
    """Refuse documents with too many pages, no pages, or a page that is too large."""
    n = doc.page_count
    if n == 0:
        raise DocumentError("the document has no pages")
    if n > limits.max_pages:
        raise DocumentError(f"the document has too many pages ({n}; the limit is {limits.max_pages})")
    for i in range(n):
        try:
            r = doc[i].rect
        except Exception:
            raise DocumentError("the PDF is damaged and cannot be opened") from None
        side = max(r.width, r.height)
        if side > limits.max_page_side_pt:
            wide = "wide" if r.width >= r.height else "tall"
            raise DocumentError(f"the page is too large ({side / 72:.0f} inches {wide})")
        if r.width < 1 or r.height < 1:
            raise DocumentError("the PDF has a page with no size")


def finish_pdf(doc: pymupdf.Document) -> bytes:
    """Strip metadata and encryption and return the bytes."""
    doc.set_metadata({})
    try:
        doc.del_xml_metadata()
    except Exception:
        pass
    return doc.tobytes(garbage=3, deflate=True, encryption=pymupdf.PDF_ENCRYPT_NONE)
