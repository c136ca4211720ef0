"""Case-aware party matching: the requester and every listed third party, in every form.

Names: full name, first name alone, surname with or without a title, initials
("M. Okonkwo"), possessives ("Dean's" -> "Dean"), hyphenated and apostrophe names,
any case, split across line breaks, one-edit misspellings of names of 5+ letters.
Identifiers: listed NI numbers, phones, emails, case references, dates of birth and
address lines, whatever the spacing or case.

A form shared by the requester and a third party (a shared surname, "Mr Okonkwo") is
decided by title, then by the nearest preceding full-name mention; when that does not
settle it the span is suggested for review rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers.base import digits, squash
from recognizers.date_of_birth import DATE_REGEX, parse_date
from recognizers.gazetteer import first_names, is_name_like, zipf
from recognizers.uk_phone import normalise_phone

TITLES_M = ("mr", "master", "sir", "lord")
TITLES_F = ("mrs", "ms", "miss", "lady", "dame")
TITLES_N = ("dr", "mx", "prof", "rev")
ALL_TITLES = TITLES_M + TITLES_F + TITLES_N
TITLE_RE = r"(?:" + "|".join(ALL_TITLES) + r")\.?"
_ROLE_M = re.compile(r"(?i)\b(father|dad|husband|son|brother|grandfather|stepfather|uncle|boyfriend|male|he|him)\b")
_ROLE_F = re.compile(r"(?i)\b(mother|mum|wife|daughter|sister|grandmother|stepmother|aunt|girlfriend|female|she|her)\b")
WS = r"[\s\u00a0]+"
_B = r"(?<![\w'’\-.@])"
_E = r"(?![\w\-]|['’](?!s\b)\w)"  # allow a possessive 's after the name

# Specificity of each form: a longer, more specific form wins an overlap.
FULL, INITIALS, TITLED, SINGLE = 4, 3, 2, 1


@dataclass
class PartySpan:
    start: int
    end: int
    kind: PartyKind
    party: int                 # -1 requester, i >= 0 third_parties[i]
    entity_type: EntityType
    form: int = SINGLE
    needs_review: bool = False
    score: float = 0.95
    recognizer: str = "PartyRecognizer"
    candidates: tuple[int, ...] = field(default=())


def _name_part_regex(part: str) -> str:
    """A name word: hyphens may be broken across lines, apostrophes either kind."""
    out = []
    for ch in part:
        if ch == "-":
            out.append(r"\s*-\s*")
        elif ch in "'’":
            out.append(r"['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _tokens(name: str) -> list[str]:
    toks = [t.strip(".,") for t in re.split(r"\s+", name.strip()) if t.strip(".,")]
    return [t for t in toks if t.lower().rstrip(".") not in ALL_TITLES]


def _title_of(name: str) -> str | None:
    first = name.strip().split()[0].lower().rstrip(".") if name.strip() else ""
    return first if first in ALL_TITLES else None


def party_gender(p: Party) -> str | None:
    for n in (p.name, *p.aliases):
        t = _title_of(n)
        if t in TITLES_M:
            return "M"
        if t in TITLES_F:
            return "F"
    if p.role:
        m, f = _ROLE_M.search(p.role), _ROLE_F.search(p.role)
        if m and not f:
            return "M"
        if f and not m:
            return "F"
    return None


def _deletes(w: str) -> set[str]:
    return {w[:i] + w[i + 1:] for i in range(len(w))}


def _flex_chars(s: str, sep: str) -> str:
    return sep.join(re.escape(c) for c in s)


class PartyMatcher:
    """Built once per case (cheap: a few small regexes)."""

    def __init__(self, case: CaseRecord, extra_unknown: tuple[str, ...] = ()):
        self.case = case
        self.parties: list[Party] = [case.requester, *case.third_parties]
        self.index = [-1] + list(range(len(case.third_parties)))
        self.genders = [party_gender(p) for p in self.parties]
        # form text (lower) -> (form kind, set of party positions)
        forms: dict[str, tuple[int, set[int]]] = {}
        self.full_forms: dict[int, list[str]] = {}
        fuzzy: dict[str, set[int]] = {}
        self.surnames: dict[str, set[int]] = {}

        def add(form: str, kind: int, pos: int):
            key = form.lower()
            k, owners = forms.get(key, (kind, set()))
            owners.add(pos)
            forms[key] = (max(k, kind), owners)

        for pos, p in enumerate(self.parties):
            names = [p.name, *p.aliases]
            for n in names:
                toks = _tokens(n)
                if not toks:
                    continue
                if len(toks) >= 2:
                    given, sur = toks[:-1], toks[-1]
                    add(" ".join(toks), FULL, pos)
                    add(f"{given[0]} {sur}", FULL, pos)
                    self.full_forms.setdefault(pos, []).append(" ".join(toks).lower())
                    self.surnames.setdefault(sur.lower(), set()).add(pos)
                    for g in given:
                        if len(g.rstrip(".")) >= 2:
                            add(g, SINGLE, pos)
                    add(sur, SINGLE, pos)
                    # "Okonkwo-Smith" surname: each half alone is also the person
                    if "-" in sur:
                        for half in sur.split("-"):
                            if len(half) >= 3:
                                add(half, SINGLE, pos)
                    for t in (given[0], sur):
                        if len(t) >= 5:
                            for d in _deletes(t.lower()) | {t.lower()}:
                                fuzzy.setdefault(d, set()).add(pos)
                else:
                    add(toks[0], SINGLE, pos)
                    if len(toks[0]) >= 5:
                        for d in _deletes(toks[0].lower()) | {toks[0].lower()}:
                            fuzzy.setdefault(d, set()).add(pos)
        self.forms = forms
        self.fuzzy = fuzzy
        self.exact_words = {w for w in forms if " " not in w}
        alts = []
        for key, (kind, _) in sorted(forms.items(), key=lambda kv: -len(kv[0])):
            parts = key.split(" ")
            alts.append(WS.join(_name_part_regex(p) for p in parts))
        # names: optional title, optional initials before a surname
        self.name_re = re.compile(
            r"(?i)" + _B + r"(?:(?P<title>" + TITLE_RE + r")" + WS + r")?"
            r"(?P<init>(?-i:(?:[A-Z]\.?" + WS + r"|[A-Z]\.){1,2}))?"
            r"(?P<name>" + "|".join(alts) + r")" + _E
        ) if alts else None
        self.word_re = re.compile(r"(?<![\w'’])[A-Za-z][A-Za-z'’]{3,}(?![\w'’])")
        self._id_regexes = self._build_identifier_regexes()

    # ------------------------------------------------------------------ identifiers
    def _build_identifier_regexes(self) -> list[tuple[re.Pattern[str], int, EntityType]]:
        out: list[tuple[re.Pattern[str], int, EntityType]] = []
        for pos, p in enumerate(self.parties):
            if p.ni_number and len(squash(p.ni_number)) >= 8:
                out.append((re.compile(r"(?i)(?<![A-Za-z0-9])" + _flex_chars(squash(p.ni_number), r"[\s\-]*") + r"(?![A-Za-z0-9])"), pos, EntityType.UK_NINO))
            for ref in p.case_references:
                s = squash(ref)
                if len(s) >= 6:
                    out.append((re.compile(r"(?i)(?<![A-Za-z0-9])" + _flex_chars(s, r"[\s\-/]*") + r"(?![A-Za-z0-9])"), pos, EntityType.CASE_REFERENCE))
            for ph in p.phones:
                d = normalise_phone(ph)
                if len(d) >= 10:
                    rest = _flex_chars(d[1:], r"[\s\-().]*")
                    out.append((re.compile(r"(?<![\d+])(?:(?:\+|00)44[\s\-]*(?:\(0\)[\s\-]*)?|\(?0)" + rest + r"(?!\d)"), pos, EntityType.PHONE_NUMBER))
            for em in p.emails:
                if "@" in em:
                    out.append((re.compile(r"(?i)(?<![\w.\-])" + re.escape(em.strip()) + r"(?![\w\-])"), pos, EntityType.EMAIL_ADDRESS))
            for addr in p.addresses:
                comps = [c.strip() for c in re.split(r"[,\n]+", addr) if c.strip()]
                for c in comps:
                    words = c.split()
                    has_digit = any(ch.isdigit() for ch in c)
                    if not has_digit and len(words) < 2:
                        # a town alone is not this person's address; only next to another line
                        rx = re.compile(r"(?i)(?<=[,\n]|,\s|\n\s)" + WS.join(re.escape(w) for w in words) + r"\b(?=\s*[,\n]|\s+[A-Z]{1,2}\d)")
                    else:
                        rx = re.compile(r"(?i)(?<![\w])" + r"[\s,]+".join(re.escape(w.strip(",")) for w in words) + r"(?![\w])")
                    out.append((rx, pos, EntityType.ADDRESS))
        return out

    # ------------------------------------------------------------------ matching
    def _kind(self, pos: int) -> PartyKind:
        return PartyKind.REQUESTER if pos == 0 else PartyKind.THIRD_PARTY

    def match(self, text: str) -> list[PartySpan]:
        spans: list[PartySpan] = []
        for rx, pos, et in self._id_regexes:
            for m in rx.finditer(text):
                spans.append(PartySpan(m.start(), m.end(), self._kind(pos), self.index[pos], et, form=FULL, score=1.0, recognizer="PartyIdentifierRecognizer"))
        self._match_dobs(text, spans)
        req_ids = [(s.start, s.end) for s in spans if s.kind == PartyKind.REQUESTER]
        for n in self._match_names(text):
            # a name inside the requester's own email address or other identifier stays
            if n.kind == PartyKind.THIRD_PARTY and any(a < n.end and n.start < b for a, b in req_ids):
                continue
            spans.append(n)
        return spans

    def _match_dobs(self, text: str, spans: list[PartySpan]) -> None:
        dobs = {}
        for pos, p in enumerate(self.parties):
            if p.date_of_birth:
                d = parse_date(p.date_of_birth)
                if d:
                    dobs.setdefault(d, set()).add(pos)
        if not dobs:
            return
        for m in DATE_REGEX.finditer(text):
            d = parse_date(m.group(0))
            owners = dobs.get(d) if d else None
            if owners:
                pos = min(owners)
                spans.append(PartySpan(m.start(), m.end(), self._kind(pos), self.index[pos], EntityType.DATE_OF_BIRTH, form=FULL, score=0.9, recognizer="PartyIdentifierRecognizer"))

    def _match_names(self, text: str) -> list[PartySpan]:
        if self.name_re is None:
            return []
        raw: list[tuple[int, int, int, set[int], str | None, int]] = []  # start, end, form, owners, title, name_start
        for m in self.name_re.finditer(text):
            name = re.sub(r"[\s\u00a0]+", " ", m.group("name")).lower()
            name = re.sub(r"\s*-\s*", "-", name)
            kind, owners = self.forms.get(name, (SINGLE, set()))
            if not owners:
                continue
            title = (m.group("title") or "").lower().rstrip(".") or None
            init = m.group("init")
            form = kind
            if init and kind == SINGLE:
                # initials must agree with a given name of the owner
                first_letter = init.strip()[0].lower()
                agree = {o for o in owners if any(_tokens(n)[0][:1].lower() == first_letter for n in (self.parties[o].name, *self.parties[o].aliases) if _tokens(n))}
                if agree:
                    owners, form = agree, INITIALS
                else:
                    init = None
            if kind == SINGLE and not init and not title:
                w = m.group("name")
                # a bare name word in lower case that is also an ordinary word ("will", "rose") is not the person
                if w[:1].islower() and zipf(w) >= 3.0:
                    continue
            if title and form == SINGLE:
                form = TITLED
            start = m.start() if (title or init) else m.start("name")
            # keep the title visible: redact from initials/name
            start = m.start("init") if init else m.start("name")
            raw.append((start, m.end("name"), form, set(owners), title, m.start()))
        # fuzzy (one edit) on capitalised words not matched exactly
        if self.fuzzy:
            taken = [(r[0], r[1]) for r in raw]
            for m in self.word_re.finditer(text):
                w = m.group(0)
                lw = w.lower()
                if len(lw) < 4 or lw in self.exact_words or not w[0].isupper():
                    continue
                owners = set()
                for d in {lw} | _deletes(lw):
                    owners |= self.fuzzy.get(d, set())
                if not owners:
                    continue
                if any(s <= m.start() < e for s, e in taken):
                    continue
                # confirm one edit against an owner's name parts
                ok = set()
                for o in owners:
                    for n in (self.parties[o].name, *self.parties[o].aliases):
                        for t in _tokens(n):
                            if len(t) >= 5 and _one_edit(lw, t.lower()):
                                ok.add(o)
                if not ok or zipf(lw) >= 4.0:
                    continue
                review = w.title() in first_names() and all(w.lower() != t.lower() for o in ok for t in _tokens(self.parties[o].name))
                raw.append((m.start(), m.end(), SINGLE, ok, None, m.start()))
                if review:
                    raw[-1] = raw[-1] + ("review",)  # type: ignore[assignment]
        raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
        out: list[PartySpan] = []
        last_full: dict[int, int] = {}  # party position -> offset of its latest full-name mention
        last_end = -1
        for r in raw:
            start, end, form, owners, title, _ = r[:6]
            fuzzy_review = len(r) > 6
            if start < last_end:
                continue
            last_end = end
            review = fuzzy_review
            if len(owners) > 1:
                owners, review2 = self._resolve(owners, title, last_full)
                review = review or review2
            pos = min(owners)
            if form == FULL:
                last_full[pos] = start
            score = {FULL: 0.99, INITIALS: 0.95, TITLED: 0.95, SINGLE: 0.85}[form]
            if fuzzy_review:
                score = 0.6
            out.append(PartySpan(start, end, self._kind(pos), self.index[pos], EntityType.PERSON, form, review, score,
                                 "PartyNameRecognizer", tuple(sorted(owners))))
        return out

    def _resolve(self, owners: set[int], title: str | None, last_full: dict[int, int]) -> tuple[set[int], bool]:
        """Pick the owner of a form shared by several parties."""
        if title:
            g = "M" if title in TITLES_M else "F" if title in TITLES_F else None
            if g:
                same = {o for o in owners if self.genders[o] == g}
                unknown = {o for o in owners if self.genders[o] is None}
                if len(same) == 1 and not unknown:
                    return same, False
                if not same and len(unknown) == 1:
                    return unknown, False
            # the title written in case.json ("Mrs Jane Okonkwo") settles it directly
            exact = {o for o in owners if any(_title_of(n) == title for n in (self.parties[o].name, *self.parties[o].aliases))}
            if len(exact) == 1:
                return exact, False
        mentioned = [(last_full[o], o) for o in owners if o in last_full]
        if mentioned:
            return {max(mentioned)[1]}, False
        # unsure: prefer a third party so that it is suggested, but flag it for review
        tps = {o for o in owners if o != 0}
        return (tps or owners), True


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]
