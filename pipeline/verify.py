"""Verify: before a bundle is released, prove that nothing redacted survived.

Messages name the document/page and the kind of problem, never the value.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pymupdf

from pipeline.codes import DecisionState
from pipeline.models import Decision, Suggestion

MIN_VALUE_CHARS = 3


def normalise_text(s: str) -> str:
    """Whitespace-folded value, case kept (see ``value_pattern`` for how case is matched)."""
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class VerificationReport:
    problems: list[str] = field(default_factory=list)
    values_checked: int = 0
    pages_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def values_to_check(suggestions: list[Suggestion], decisions: dict[str, Decision]) -> set[str]:
    """The normalised values of accepted redactions that must not appear anywhere.

    A value a reviewer rejected somewhere is allowed to stay there, so it is not checked.
    """
    accepted: set[str] = set()
    rejected: set[str] = set()
    for s in suggestions:
        d = decisions.get(s.id)
        v = normalise_text(s.text)
        if len(v) < MIN_VALUE_CHARS:
            continue
        if d is not None and d.state is DecisionState.ACCEPTED:
            accepted.add(v)
        elif d is not None and d.state is DecisionState.REJECTED:
            rejected.add(v)
    return accepted - rejected


def _variants(value: str) -> list[str]:
    """Spellings of a value that count as the same value.

    A single alphabetic word ("Mark", "Dean") matches as written, Title-cased or
    upper-cased but not lower-cased, so an ordinary word ("mark") is not taken for a
    redacted name. Anything else (phrases, numbers, emails) matches in any case.
    """
    if value.isalpha():
        return sorted({value, value.title(), value.upper()})
    return [value]


def value_pattern(values: set[str]) -> re.Pattern[str] | None:
    """One regex matching any value as a whole word/phrase, whitespace-flexible.

    Used both by the consistency sweep and by verification, so the two agree.
    """
    if not values:
        return None
    exact: list[str] = []
    anycase: list[str] = []
    for v in values:
        if v.isalpha():
            exact += [re.escape(x) for x in _variants(v)]
        else:
            anycase.append(re.escape(v).replace(r"\ ", r"\s+"))
    alts = sorted(exact, key=len, reverse=True)
    if anycase:
        alts.insert(0, "(?i:" + "|".join(sorted(anycase, key=len, reverse=True)) + ")")
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")


_WS = object()  # a run of whitespace, in a value's token sequence


def _trie_regex(seqs, ws: str = r"\s+") -> str:
    """One regex matching exactly the token sequences ``seqs`` (chars, or ``_WS`` for ``ws``,
    default ``\\s+``), factored as a trie: the same set of strings as their plain
    alternation, but tried a character at a time instead of one alternative after another."""
    root: dict = {}
    for seq in seqs:
        node = root
        for tok in seq:
            node = node.setdefault(tok, {})
        node[None] = {}

    def emit(node: dict) -> str:
        end = None in node
        alts = [(ws if tok is _WS else re.escape(tok)) + emit(child) for tok, child in node.items() if tok is not None]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?" if len(alts) == 1 else body + "?"
        return body

    return emit(root)


def _fold(c: str) -> str | None:
    """``c`` as one key for every spelling ``(?i:...)`` takes for the same character, or
    None when lower-casing does not give a single character that stands for both cases."""
    low = c.lower()
    if len(low) != 1 or c.upper().lower() != low or low.upper().lower() != low:
        return None
    return low


class ValueMatcher:
    """:func:`value_pattern`'s matches, found faster.

    A trie-shaped regex (the same strings, the same word boundaries) is tried a character
    at a time instead of one alternative after another. Its case-insensitive part is keyed
    by lower-cased characters, so at any position only one branch of the trie can match and
    greedy backtracking finds the longest value that fits, which is the one the plain
    pattern (longest alternative first) chooses: ``search``/``finditer`` give exactly the
    plain pattern's matches (tests/test_perf_paths.py checks it on noisy text). A value
    with a character whose case does not fold to one character falls back to confirming
    each match with the plain pattern.
    """

    def __init__(self, values: frozenset[str]):
        self.values = values
        self._pattern: re.Pattern[str] | None = None
        exact: set[tuple] = set()
        anycase: set[tuple] = set()
        self._confirm = False
        for v in values:
            if v.isalpha():
                exact.update(tuple(x) for x in _variants(v))
            else:
                seq = []
                for c in v:
                    if c == " ":
                        seq.append(_WS)
                        continue
                    f = _fold(c)
                    if f is None:
                        self._confirm = True
                        f = c
                    seq.append(f)
                anycase.add(tuple(seq))
        alts = []
        if anycase:
            alts.append("(?i:" + _trie_regex(anycase) + ")")
        if exact:
            alts.append(_trie_regex(exact))
        self._starts = re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")

    @property
    def pattern(self) -> re.Pattern[str]:
        """The plain pattern (compiled on first need: usually never)."""
        if self._pattern is None:
            self._pattern = value_pattern(set(self.values))
        return self._pattern

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        m = self._starts.search(text, pos)
        if m is None or not self._confirm:
            return m
        return self.pattern.match(text, m.start()) or self.pattern.search(text, pos)  # (never needed)

    def finditer(self, text: str):
        pos = 0
        while True:
            m = self.search(text, pos)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def findall(self, text: str) -> list[str]:
        return [m.group() for m in self.finditer(text)]


@functools.lru_cache(maxsize=16)
def _matcher(values: frozenset[str]) -> ValueMatcher | None:
    return ValueMatcher(values) if values else None


def value_matcher(values: set[str] | frozenset[str]) -> ValueMatcher | None:
    """A (cached) :class:`ValueMatcher` for ``values``, or None when there are none."""
    return _matcher(frozenset(values))


def find_values(text: str, values: set[str]) -> int:
    """How many times any of ``values`` occurs in ``text`` as a whole word or phrase."""
    pat = value_matcher(values)
    return 0 if pat is None else len(pat.findall(text))


def verify_pdf(pdf: bytes, values: set[str], *, label: str, structure: bool = True) -> VerificationReport:
    """Re-extract every page, the outline and the metadata; look for surviving values
    and for hidden parts. ``label`` names the output in messages (e.g. "bundle")."""
    rep = VerificationReport(values_checked=len(values))
    pat = value_matcher(values)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            rep.pages_checked += 1
            text = page.get_text("text", flags=pymupdf.TEXT_PRESERVE_WHITESPACE)
            if pat is not None and pat.search(text):
                rep.problems.append(f"{label} page {page.number + 1}: a redacted value is still in the text")
            if structure:
                if page.first_annot is not None:
                    rep.problems.append(f"{label} page {page.number + 1}: has annotations")
                if page.get_links():
                    rep.problems.append(f"{label} page {page.number + 1}: has links")
                if page.first_widget is not None:
                    rep.problems.append(f"{label} page {page.number + 1}: has form fields")
        if pat is not None:
            for level, title, pno, *_ in doc.get_toc(simple=False):
                if pat.search(title or ""):
                    rep.problems.append(f"{label}: a bookmark (page {pno}) contains a redacted value")
        if structure:
            meta = {k: v for k, v in (doc.metadata or {}).items() if v and k not in ("format", "encryption")}
            if meta:
                rep.problems.append(f"{label}: metadata is not empty ({', '.join(sorted(meta))})")
            if doc.get_xml_metadata():
                rep.problems.append(f"{label}: has XMP metadata")
            if doc.embfile_count():
                rep.problems.append(f"{label}: has embedded files")
    return rep


def _good_rectangles(page: pymupdf.Page) -> list[tuple[float, float, float, float, int, tuple]]:
    """Opaque, non-white filled rectangles big enough to be redaction boxes (as x-ray's
    ``get_good_rectangles``): (x0, y0, x1, y1, seqno, fill colour)."""
    out = []
    for d in page.get_drawings():
        if d.get("fill_opacity") != 1 or d.get("fill") in (None, (1.0, 1.0, 1.0)):
            continue
        for item in d["items"]:
            if item[0] != "re":
                continue
            r = pymupdf.Rect(item[1])
            if r.y1 <= 43 or not (r.height > 4 and r.width > 4):
                continue
            if r.is_infinite:
                r.normalize()
            out.append((r.x0, r.y0, r.x1, r.y1, d["seqno"], d["fill"]))
    return out


def _occluded(x0, y0, x1, y1, seqno, color, rects, threshold: float) -> bool:
    """x-ray's ``intersects``: the largest overlap with a box drawn later (or of the same colour)
    covers more than ``threshold`` of the text box."""
    best = 0.0
    for rx0, ry0, rx1, ry1, rseq, rcol in rects:
        if x1 <= rx0 or x0 >= rx1 or y1 <= ry0 or y0 >= ry1:
            continue  # no overlap (the same as w <= 0 or h <= 0 below, without the calls)
        w = (x1 if x1 < rx1 else rx1) - (x0 if x0 > rx0 else rx0)  # min(x1, rx1) - max(x0, rx0)
        h = (y1 if y1 < ry1 else ry1) - (y0 if y0 > ry0 else ry0)
        if w <= 0 or h <= 0:
            continue
        if rseq > seqno or rcol == color:
            best = max(best, w * h)
    if best <= 0:
        return False
    area = abs((x1 - x0) * (y1 - y0))
    return area > 0 and best / area > threshold


def xray_check(pdf: bytes, *, label: str, pages: range | None = None) -> list[str]:
    """Text still sitting under a black box: Free Law Project's x-ray algorithm (opaque boxes
    drawn over text that is still there, chars at least 80% covered, grouped per box, then
    x-ray's own filters), reimplemented over plain numbers because the library's per-char
    object checks took ~0.4 s a page. ``pages`` (0-based) limits the check to those pages, so
    that parts of a long bundle can be checked side by side."""
    import sys

    # x-ray imports PyMuPDF under its old name ``fitz``, which prints a deprecation notice in
    # every process; the modern module provides the same names.
    sys.modules.setdefault("fitz", pymupdf)
    from xray.pdf_utils import filter_redactions

    problems = []
    try:
        with pymupdf.open(stream=pdf, filetype="pdf") as doc:
            for pno in pages if pages is not None else range(len(doc)):
                page = doc[pno]
                rects = _good_rectangles(page)
                if not rects:
                    continue
                chars = []
                for span in page.get_texttrace():
                    sx0, sy0, sx1, sy1 = span["bbox"]
                    seq, col = span["seqno"], span["color"]
                    # only boxes drawn later (or of the same colour) that touch the span matter
                    near = [r for r in rects if (r[4] > seq or r[5] == col)
                            and min(sx1, r[2]) > max(sx0, r[0]) and min(sy1, r[3]) > max(sy0, r[1])]
                    if not near:
                        continue
                    # the bounds of those boxes: a char wholly outside them overlaps none of them
                    # (so _occluded would say no), and most chars of a line are
                    lo, hi = min(r[0] for r in near), max(r[2] for r in near)
                    top, bot = min(r[1] for r in near), max(r[3] for r in near)
                    for ch in span["chars"]:
                        cx0, cy0, cx1, cy1 = ch[3]
                        if cx1 <= lo or cx0 >= hi or cy1 <= top or cy0 >= bot:
                            continue
                        if _occluded(cx0, cy0, cx1, cy1, seq, col, near, 0.8):
                            chars.append((cx0, cy0, cx1, cy1, chr(ch[0])))
                if not chars:
                    continue
                found = []
                for rx0, ry0, rx1, ry1, _, _ in rects:
                    text = "".join(
                        c for cx0, cy0, cx1, cy1, c in chars
                        if min(cx1, rx1) > max(cx0, rx0) and min(cy1, ry1) > max(cy0, ry0)
                    )
                    found.append({"bbox": (rx0, ry0, rx1, ry1), "text": text})
                bad = filter_redactions(found)
                if bad:
                    problems.append(f"{label} page {page.number + 1}: {len(bad)} box(es) with text still under them")
    except Exception as exc:  # noqa: BLE001 - report, never leak text
        return [f"{label}: the x-ray check could not run ({type(exc).__name__})"]
    return problems
