"""Dates of birth: a date with a birth cue before it ("born", "DOB", "date of birth",
"d.o.b.", "birthday"), or a date in brackets straight after a person's name. Other
dates (letter dates, payment dates) are left alone."""
from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import EntityRecognizer, RecognizerResult
from recognizers.base import result
from recognizers.context import _cells, header_cell_above

from pipeline.codes import EntityType

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
DATE_REGEX = re.compile(
    r"(?i)(?<![\w/.\-])(?:"
    r"(?P<d1>\d{1,2})(?:[/.\-]|[ \u00a0]/[ \u00a0]?|/[ \u00a0])(?P<m1>\d{1,2})(?:[/.\-]|[ \u00a0]/[ \u00a0]?|/[ \u00a0])(?P<y1>(?:19|20)?\d{2})"
    r"|(?P<y2>(?:19|20)\d{2})(?P<sep2>[\-/.])(?P<m2>\d{1,2})(?P=sep2)(?P<d2>\d{1,2})"
    # "3 March 1985", "3rd of March, 1985", and with hyphens, slashes or dots: "03-Mar-1985", "3/Mar/85"
    # (a line may break after "of" or the month: "born on the 3rd of\nMarch 1985")
    r"|(?P<d3>\d{1,2})(?:st|nd|rd|th)?(?:[ \u00a0]+(?:of(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*))?|[\-/.](?=[A-Za-z]))(?P<m3>" + _MON + r")(?:\.?,?(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*)|[\-/.])(?P<y3>(?:19|20)\d{2}|['’]?\d{2}(?![\d:.]\d))"
    r"|(?P<m4>" + _MON + r")\.?[ \u00a0]+(?P<d4>\d{1,2})(?:st|nd|rd|th)?,?[ \u00a0]+(?P<y4>(?:19|20)\d{2})"
    r")(?![\w/])"
)
# a date in words ("the third of March nineteen eighty-seven", "21st of June, two thousand and one",
# "March the 3rd 1985"): only straight after a birth cue
_ORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
        r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
        r"(?:twenty|thirty)[ \-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|\d{1,2}(?:st|nd|rd|th))")
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_YEAR_WORDS = (r"(?:(?:19|20)\d{2}|nineteen[ \-](?:" + _TENS + r"(?:[ \-]" + _UNIT + r")?|o[ \-]?" + _UNIT + r"|ten|eleven|twelve|"
               r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two[ \-]thousand(?:[ \-](?:and[ \-])?(?:"
               + _UNIT + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?|"
               # a year said in two figures, as people say it on the phone: "eighty seven", "ninety-two"
               + _TENS + r"(?:[ \-]" + _UNIT + r")?)")
WORD_DATE_REGEX = re.compile(
    r"(?i)(?<![\w])(?:" + _ORD + r"[ \t]+(?:of[ \t]+)?" + _MON + r"|" + _MON + r"[ \t]+(?:the[ \t]+)?" + _ORD
    + r")\.?,?[ \t\n]+(?:in[ \t]+)?" + _YEAR_WORDS + r"(?![\w\-])")
# the birth cue right before it, on its line: "was born on", "date of birth:", "DOB"
WORD_DATE_CUE = re.compile(r"(?i)(?:\bborn|\bd\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|\bbirthday(?:\s+is)?)[ \t:]*(?:(?:on|is|was)[ \t]+)?(?:the[ \t]+)?$")
# between a birth cue and a date, what makes it the date of something else: an action done on it
# ("DOB verified on 12/10/2026", "date of birth updated on 3 March 2026", "born in Leeds and moved on
# 04/05/2019") or a birthday's event ("birthday party is on 12/12/2026"); not a label ("DOB confirmed:
# 03/03/1985", "DOB (as provided on the form): ...")
EVENT_AFTER_CUE = re.compile(
    r"(?i)(?:\b(?:verified|checked|confirmed|updated|amended|changed|corrected|recorded|entered|added|noted|provided|"
    r"given|supplied|requested|received|sent|moved|married|arrived|left|registered|seen|called|rang|emailed|"
    r"discussed|asked)\b[^\n.;:\d]{0,15}?\b(?:on|at|dated|from)\b|\b(?:party|celebration|card|present|meal|treat|"
    r"cake|trip)\b)[^\n.;:\d()]{0,15}$")
# a date in figures with spaces or none ("born 03 03 1985", "DOB: 03031985"): only right after a birth cue
SPACED_DATE = re.compile(r"(?<![\d\-/.])(?P<d>\d{1,2})(?:[ \u00a0](?P<m>\d{1,2})[ \u00a0]|(?<=\d\d)(?P<m2>\d{2}))"
                         r"(?P<y>(?:19|20)\d{2})(?![\d\-/]|[.,]\d)")
_BIRTH_WORD = re.compile(r"(?i)\bborn\b|\bd\.?\s?o\.?\s?b\b|date\s+of\s+birth|\bbirthday")
DOB_CUE = re.compile(
    r"(?i)(?:\bborn\b|\bd\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|\bbirth\s*date|\bbirthday|\bdate\s+born)[^\n.;]{0,25}$"
)
# the same cue with the line breaks of a wrapped form label flattened: no digit in between
DOB_CUE_FLAT = re.compile(
    r"(?i)(?:\bborn\b|\bd\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|\bbirth\s*date|\bdate\s+born)[^.;\d]{0,20}$"
)
# between a date of birth and a second one whose cue is left out: "and the Applicant's as", "and his brother's",
# "and hers is" (a possessive, then at most "is/was recorded/given as")
_GAPPED_DOB = re.compile(
    r"(?i)[ \t]*,?[ \t\n]+and[ \t\n]+(?:(?:the|his|her|their|my|your|our)[ \t\n]+)?(?:[\w\-]+[ \t\n]+){0,2}?"
    r"(?:[\w\-]+['’]s|[\w\-]+s['’]|hers|his|theirs)[ \t\n]+(?:(?:is|was)[ \t\n]+)?(?:(?:recorded|given|stated|shown|listed|noted)[ \t\n]+)?"
    r"(?:as[ \t\n]+)?")
# a form's dotted or underlined leader between a label and its value ("Date of birth ....... 04/09/1977")
LEADER = re.compile(r"(?:[ \t]*(?:\.[ \t]*){2,}|…+|_{2,})")
# a column header naming the date of birth, for a table row below it
DOB_HEADER = re.compile(r"(?i)\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s*date|born)")
HEADER_LINES_UP = 10  # a table's rows under its header (round 23T: a household of five or more, 4 -> 10)


def _under_dob_header(text: str, s: int, e: int | None = None) -> bool:
    """Is the date at ``s`` in a table column headed "DOB" / "Date of birth" a few lines up?
    The header must start near the date's column and no line between may be blank; or the
    table's header cell over the date's column names it ("Driver DOB", "Date of birth (if known)")."""
    if e is not None:
        head = header_cell_above(text, s, e)
        if head and DOB_HEADER.search(head):
            return True
    ls = text.rfind("\n", 0, s) + 1
    col = s - ls
    end = ls - 1
    for _ in range(HEADER_LINES_UP):
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip():
            return False
        # (a table: the header or the date's row in cells; not a sentence that says "born" a line up)
        table = len(_cells(line)) >= 2 or len(_cells(text[ls: text.find("\n", s) if text.find("\n", s) >= 0 else len(text)])) >= 2
        for m in DOB_HEADER.finditer(line) if table else ():
            if abs(m.start() - col) <= 6 or m.start() <= col < m.end():
                # (a header names the field and holds no value: "Mr Vance, D.O.B. 03.03.1985" on the line
                # above is a date of birth stated, not a column over "Letter dated 3 March 2026")
                return DATE_REGEX.search(line) is None
        end = start - 1
    return False


# "Name (12/03/2015)" or "Name, 12/03/2015," — a date stated for a person
NAME_BEFORE = re.compile(r"(?:[A-Z][a-z'’\-]+)[ \u00a0]*[(,][ \u00a0]*$")


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        n += 2000 if n <= 30 else 1900
    return n


def parse_date(value: str) -> Optional[tuple[int, int, int]]:
    """(year, month, day) for a date written in any of the usual UK forms."""
    m = DATE_REGEX.search(value.strip())
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["d1"]:
            return _year(g["y1"]), int(g["m1"]), int(g["d1"])
        if g["y2"]:
            return int(g["y2"]), int(g["m2"]), int(g["d2"])
        if g["d3"]:
            return _year(g["y3"].lstrip("'’")), _MONTHS[g["m3"][:3].lower()], int(g["d3"])
        if g["m4"]:
            return int(g["y4"]), _MONTHS[g["m4"][:3].lower()], int(g["d4"])
    except (KeyError, ValueError):
        return None
    return None


def _cue_has_its_date(text: str, s: int) -> bool:
    """Has the nearest birth cue before ``s`` (within 40 characters) already its own date between it and ``s``?"""
    lo = max(0, s - 40)
    cue = None
    for cue in _BIRTH_WORD.finditer(text, lo, s):
        pass
    return cue is not None and DATE_REGEX.search(text, cue.end(), s) is not None


# A letter that OCR read for a figure inside a date: "17/O5/1990", "2O26", "O3/l1/1988" (an O for a zero, an l or I
# for a one, between figures or a date's separators). Replaced one for one, so offsets hold.
_OCR_FIGURE = re.compile(r"(?<=\d)[OolI](?=[\d/.\-])|(?<=[\d/.\-])[OolI](?=\d)|(?<=[/.\-]\d\d\d)[OolI](?![\w])|(?<![\w])[OolI](?=\d[/.\-][\dOolI])"
                         # (round 24T) the day of a date in words: "born 1O March 1990", "2O May 1988"
                         r"|(?<=[\s(,][123])O(?=[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d)")


_OCR_HINT = re.compile(r"\d[OolI]|[OolI]\d")  # (a cheap first look: a letter touching a figure)


def ocr_figures(text: str) -> str:
    """``text`` with OCR's letters for figures inside dates read as the figures (same length)."""
    if _OCR_HINT.search(text) is None or _OCR_FIGURE.search(text) is None:
        return text
    return _OCR_FIGURE.sub(lambda m: "0" if m.group(0) in "Oo" else "1", text)


# a time straight after a date: a message's or a log entry's timestamp ("02/02/2025, 10:49 - ", "[14/03/2025 21:30]")
_TIME_AFTER = re.compile(r",?[ \t]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?![\d])")


class DateOfBirthRecognizer(EntityRecognizer):
    ENTITY = EntityType.DATE_OF_BIRTH.value

    def __init__(self):
        super().__init__(supported_entities=[self.ENTITY], name="DateOfBirthRecognizer", supported_language="en")
        self.context = ["born", "date of birth", "dob", "d.o.b", "birthday"]

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: List[str], nlp_artifacts=None) -> List[RecognizerResult]:
        out = []
        scan = ocr_figures(text)  # ("Date of birth 17/O5/1990" in a scanned form)
        for m in DATE_REGEX.finditer(scan):
            s, e = m.span()
            before = text[max(0, s - 40): s]
            if "." in before or "…" in before or "_" in before:
                before = LEADER.sub(" ", text[max(0, s - 80): s])[-40:]
            # the cue may be on the line above ("Date of birth:\n12/03/1985"), or a form label
            # wrapped over lines ("date of birth (if\nknown)\n\n02/09/1985")
            flat = re.sub(r"\s+", " ", before)
            if DOB_CUE.search(before) or DOB_CUE.search(before.rstrip(" \t:\n") + " ") or DOB_CUE_FLAT.search(flat):
                if EVENT_AFTER_CUE.search(flat):
                    continue  # "DOB verified on 12/10/2026", "born in Leeds and moved on ...": the date of an event
                if _cue_has_its_date(text, s):
                    continue  # "Date of birth: 14/05/1990\n\n17 December 2025": the letter's date under a filled field
                score, why = 0.85, "birth cue before the date"
            elif _under_dob_header(text, s, e):
                score, why = 0.8, "date in a date-of-birth column"
            elif NAME_BEFORE.search(before):
                score, why = 0.45, "date stated for a person"
            else:
                continue
            if parse_date(m.group(0)) is None:
                continue
            if _TIME_AFTER.match(text, e) is not None and not text[text.rfind("\n", 0, s) + 1:s].strip(" \t["):
                continue  # "02/02/2025, 10:49 - Jo: ...": a chat message's date and time, under "... birthday"
            out.append(result(self, self.ENTITY, s, e, score, why))
        for m in SPACED_DATE.finditer(text):
            s, e = m.span()
            if any(r.start < e and s < r.end for r in out):
                continue
            d, mo = int(m.group("d")), int(m.group("m") or m.group("m2"))
            if not (1 <= d <= 31 and 1 <= mo <= 12) or (m.group("m2") and len(m.group("d")) != 2):
                continue
            before = text[max(0, s - 40): s]
            if DOB_CUE.search(before) is None and (".." in before or "…" in before or "__" in before):
                before = LEADER.sub(" ", text[max(0, s - 80): s])[-40:]  # "Date of birth ........ 02 03 1991"
            if DOB_CUE.search(before) and not EVENT_AFTER_CUE.search(before):
                out.append(result(self, self.ENTITY, s, e, 0.85, "date in spaced or run-together figures after a birth cue"))
        # a second date of birth given with the cue left out: "the Respondent's date of birth is 21 August 1990 and
        # the Applicant's as 14 March 1986", "born 3/4/1990 and his brother's 5/6/1992"
        for r in list(out):
            g = _GAPPED_DOB.match(scan, r.end)
            if g is None:
                continue
            m = DATE_REGEX.match(scan, g.end())
            if m is None or parse_date(m.group(0)) is None or any(x.start < m.end() and m.start() < x.end for x in out):
                continue
            out.append(result(self, self.ENTITY, m.start(), m.end(), 0.8, "a second date of birth, its cue left out"))
        # (only where a birth cue stands: the words pattern is tried just after each one)
        for c in _BIRTH_WORD.finditer(text):
            m = WORD_DATE_REGEX.search(scan, c.end(), min(len(text), c.end() + 90))  # (a scan's "1O March 1990")
            if m is None:
                continue
            s, e = m.span()
            if any(r.start <= s < r.end or s <= r.start < e for r in out):
                continue  # (already found as a date in figures)
            if WORD_DATE_CUE.search(text, max(0, s - 40), s) is not None:
                out.append(result(self, self.ENTITY, s, e, 0.85, "date in words after a birth cue"))
        return out
