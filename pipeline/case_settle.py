"""Case-level settlement of whose a value is, across the documents of one case.

Each document is detected on its own (in a detection worker). A value that nothing beside it
attributes (a sort code, a card, a registration with no "my"/"your"/name next to it) is
redacted there and flagged: a leak cannot be undone. But the same value may be settled as the
requester's in another document of the same case ("my account, sort code ..." in her own letter,
"Your vehicle ..." in a letter to her, her row of a form). A careful reader of the whole file then
knows the bare value is hers too. So, after all of a case's documents are detected:

- a value settled as the REQUESTER's in some document, and as nobody else's anywhere in the
  case, is kept wherever it appears with no owner stated (its unknown-party findings are dropped);
- a value settled as anyone else's anywhere in the case (a listed third party's, or one said to be
  someone else's) stays redacted everywhere;
- a value settled both ways is a conflict: it stays redacted and is marked ``needs_review``.

(Round 21) Values are compared by their keys (:func:`keys`): an address by its flat and street line and its
postcode, a sort code and account number written as one value (or a UK IBAN) also by its two parts, so that the
same value written another way in another document is found again. Evidence has two strengths: a value whose
owner is only the person named nearest before it on its line is settled weakly (``requester_weak``,
``others_weak``), and a strong statement elsewhere (a labelled holder row, "my account", a listed party's own
data) outweighs it (:func:`combine`).

The detection worker hands back, in memory only, the normalised values it settled
(:class:`Settled`, returned by ``pipeline.isolate.detect_texts``). They travel on the in-memory
``ProcessedDocument`` (``settled``, left out of its repr), like its suggestions, which hold the
document's text already: the document tasks' results are never persisted (``flows.sar._PRIVATE``),
and the values are never logged nor part of a Prefect parameter. This works the same under a Dask
runner, whose document tasks return their ``ProcessedDocument`` to the flow. The same :func:`settle_findings` runs in the pipeline (:func:`settle_processed`, at the end of
``flows.sar.process_all``) and in ``pipeline.evaluate``.

Plain module: no Prefect, no recognizers import.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from typing import Sequence, TypeVar

from pipeline.codes import EntityType, PartyKind

log = logging.getLogger("sarpack.case_settle")

# the kinds of value one person holds and that recur from document to document
CASE_TYPES = frozenset({
    EntityType.BANK_DETAILS, EntityType.CREDIT_CARD, EntityType.IBAN_CODE, EntityType.UK_NHS,
    EntityType.UK_PASSPORT, EntityType.UK_DRIVING_LICENCE, EntityType.UK_VEHICLE_REG,
    EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS, EntityType.ADDRESS, EntityType.UK_POSTCODE,
})

_STRIP = re.compile(r"[^0-9A-Za-z@]")
_UK_INTL = re.compile(r"^(?:0044|44)(?=[1-9]\d{8,9}$)")
MIN_LEN = 6  # shorter values (an account's last four digits, "Flat 2") say too little to carry across documents


def normalise(value: str) -> str | None:
    """The value as compared across documents, whatever its type ("30-96-11" == "30 96 11",
    "+44 7700 900123" == "07700 900123", case and spacing ignored); None when too short to carry."""
    v = _UK_INTL.sub("0", _STRIP.sub("", value).upper())
    if len(v) >= MIN_LEN:
        return v
    return v if _POSTCODE_ONLY.match(v) else None  # "S4 7LG": a full postcode says enough


# (round 21) the parts a value is made of, compared on their own: a sort code and account number written as one
# value ("60-83-71 / 48275519", "11-82-40 90316257"), the sort code and account number a UK IBAN holds, and an
# address's street line (with its flat, and without) and postcode. A value settled in one document is then found
# again in another written differently ("Flat 2, 37 Cavendish St, Keighley" / "... Cavendish Street, Keighley
# BD21 3RL"; "GB10BUKB20201573849102" / "sort code 20-20-15 account 73849102").
_POSTCODE_ONLY = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$")
_POSTCODE_IN = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b")
_SORT_ACCOUNT = re.compile(
    r"^[ \t]*(?P<sc>\d{2}[- ]?\d{2}[- ]?\d{2})[ \t]*(?:[/,;|][ \t]*)?(?:(?:a/c|acc(?:oun)?t)(?:[ \t]+(?:no\.?|number))?[ \t]*:?[ \t]*)?"
    r"(?P<acc>\d{8})[ \t]*$", re.I)
_UK_IBAN = re.compile(r"^GB\d\d[A-Z]{4}(?P<sc>\d{6})(?P<acc>\d{8})$")
_ABBREV = {"ST": "STREET", "RD": "ROAD", "AVE": "AVENUE", "AV": "AVENUE", "LN": "LANE", "DR": "DRIVE", "CT": "COURT",
           "CRES": "CRESCENT", "PL": "PLACE", "SQ": "SQUARE", "TER": "TERRACE", "TERR": "TERRACE", "GDNS": "GARDENS",
           "CL": "CLOSE", "GRN": "GREEN", "GR": "GROVE", "PK": "PARK", "HTS": "HEIGHTS"}
_WORD = re.compile(r"[A-Z0-9]+")
_STREET_SEGMENT = re.compile(r"^(?:\d+/\d+[ \t]+|(?P<flat>(?:FLAT|APARTMENT|APT|UNIT)[ \t]+\w+)[ \t]+)?\d+[A-Z]?[ \t]+[A-Z]")
_FLAT_SEGMENT = re.compile(r"^(?:FLAT|APARTMENT|APT|UNIT|ROOM)\b|^\d+/\d+$")


def _address_keys(value: str) -> tuple[str | None, set[str]]:
    """(the address's own key: its flat and street line, the key of the street line alone, its postcode)."""
    up = value.upper()
    pcs = {_STRIP.sub("", m.group(0)) for m in _POSTCODE_IN.finditer(up)}
    segs = [x.strip(" \t.") for x in re.split(r"[,\n;]", _POSTCODE_IN.sub(" ", up))]
    segs = [x for x in segs if x]
    for i, seg in enumerate(segs):
        m = _STREET_SEGMENT.match(seg)
        if m is None:
            continue
        sc = re.match(r"^(\d+/\d+)[ \t]+", seg)
        inner = m.group("flat")  # "FLAT 2 17 LINCOLN ROAD": the flat written on the street line
        rest = seg[len(inner):] if inner else seg[sc.end():] if sc else seg
        street = "".join(_ABBREV.get(w, w) for w in _WORD.findall(rest))
        flat = _STRIP.sub("", sc.group(1)) if sc else _STRIP.sub("", inner) if inner else (
            "".join(_WORD.findall(segs[i - 1])) if i and _FLAT_SEGMENT.match(segs[i - 1]) else "")
        own = "#A" + flat + "|" + street
        return own, {own, "#A|" + street} | pcs
    return None, pcs


def keys(value: str, et=None) -> tuple[str | None, set[str]]:
    """(the key identifying the value across documents, or None; every key it settles: that key and its parts).
    ``et``: the value's type when known (an address's parts are read only from an address)."""
    v = normalise(value)
    out = {v} if v is not None else set()
    if et in (EntityType.ADDRESS, EntityType.ADDRESS.value):
        own, parts = _address_keys(value)
        return (own or v), out | parts
    m = _SORT_ACCOUNT.match(value) or (_UK_IBAN.match(v) if v is not None else None)
    if m is not None:
        sc, acc = re.sub(r"\D", "", m.group("sc")), m.group("acc")
        out |= {sc, acc, sc + acc}
    return v, out


@dataclass(frozen=True)
class Settled:
    """The normalised values one document settled: the requester's, and anyone else's."""

    requester: frozenset = field(default=frozenset(), repr=False)
    others: frozenset = field(default=frozenset(), repr=False)
    # (round 21) settled only weakly: the value's owner is merely the person named nearest before it on its line
    requester_weak: frozenset = field(default=frozenset(), repr=False)
    others_weak: frozenset = field(default=frozenset(), repr=False)

    def __bool__(self) -> bool:
        return bool(self.requester or self.others or self.requester_weak or self.others_weak)

    def __repr__(self) -> str:  # counts only: never the values
        return (f"Settled(requester={len(self.requester)}, others={len(self.others)}, "
                f"requester_weak={len(self.requester_weak)}, others_weak={len(self.others_weak)})")


EMPTY = Settled()


@dataclass(frozen=True)
class CaseSettlement:
    """What the case's documents settled, taken together."""

    requester: frozenset = field(default=frozenset(), repr=False)   # the requester's and nobody else's
    conflicts: frozenset = field(default=frozenset(), repr=False)   # said to be the requester's and someone else's
    others: frozenset = field(default=frozenset(), repr=False)      # said to be someone else's (conflicts included)

    def __bool__(self) -> bool:
        return bool(self.requester or self.conflicts)


def combine(settled: Sequence[Settled]) -> CaseSettlement:
    """The case's settlement. Evidence has two strengths: strong (a labelled row, a listed party's own data, an
    owner stated in the value's own words, "my"/"your") and weak (only the person named nearest before the value
    on its line: "I told Lewis ... that I had moved to sort code ..." is not Lewis's account). Strong beats weak:
    a value strongly the requester's and only weakly anyone else's is hers; one strongly someone else's is never
    kept; the requester's and someone else's at the same strength (or hers only weakly) is a conflict."""
    def union(attr):
        return frozenset().union(*(getattr(s, attr) for s in settled)) if settled else frozenset()
    req, oth = union("requester"), union("others")
    req_w, oth_w = union("requester_weak") - req, union("others_weak") - oth
    requester = (req - oth) | (req_w - oth - oth_w)
    conflicts = (req & oth) | (req_w & (oth | oth_w))
    others = oth | (oth_w - req)
    return CaseSettlement(requester, conflicts, others)


T = TypeVar("T")


def _decide(item, case: CaseSettlement) -> str | None:
    """"keep" (the requester's: not redacted), "review" (a conflict), or None (as detected)."""
    if item.party != PartyKind.UNKNOWN:
        return None  # a listed third party's value: theirs, whatever any other document says
    try:
        et = EntityType(item.entity_type)
    except ValueError:
        return None
    if et not in CASE_TYPES:
        return None
    own, ks = keys(item.text, et)
    if own is None:
        return None
    # the keys that say whose the value is: its own, and for a sort code and account number written as one
    # value (or a UK IBAN) both of its parts together; an address's street line without its flat and its postcode
    # are shared with neighbours, and only hold it back
    whole = {own}
    pair = [k for k in ks if k != own and k.isdigit() and len(k) in (6, 8)]
    if len(pair) == 2:
        whole.add("".join(sorted(pair, key=len)))
    mine = bool(whole & case.requester) or (len(pair) == 2 and all(k in case.requester for k in pair))
    if whole & case.conflicts or (ks & case.others and (mine or whole & case.conflicts)):
        return "review"
    if ks & case.others:
        return None
    if mine:
        return "keep"
    return None


def settle_findings(per_doc: Sequence[Sequence[T]], settled: Sequence[Settled]) -> tuple[list[list[T]], dict[str, int]]:
    """The findings (or suggestions) of each of a case's documents with the case-level settlement
    applied; ``settled`` gives each document's :class:`Settled` (same order). Items need
    ``entity_type``, ``party``, ``text`` and ``needs_review``. Returns the new lists and counts."""
    case = combine(list(settled))
    counts = {"kept": 0, "review": 0}
    if not case:
        return [list(x) for x in per_doc], counts
    out: list[list[T]] = []
    for items in per_doc:
        new: list[T] = []
        for it in items:
            d = _decide(it, case)
            if d == "keep":
                counts["kept"] += 1
                continue
            if d == "review" and not it.needs_review:
                it = dataclasses.replace(it, needs_review=True)
                counts["review"] += 1
            new.append(it)
        out.append(new)
    return out, counts


def settle_processed(docs: list) -> list:
    """:func:`settle_findings` over a case's processed documents (``pipeline.process.ProcessedDocument``:
    their ``suggestions`` and what their detection ``settled``), in place; returns ``docs``. Failed
    documents are left out. The source boxes (reason SR) are never touched: they are not of a case
    type."""
    live = [p for p in docs if p.error is None]
    new, counts = settle_findings([p.suggestions for p in live], [p.settled for p in live])
    for p, s in zip(live, new):
        p.suggestions = s
    if counts["kept"] or counts["review"]:
        log.info("case settlement: %d suggestion(s) kept as the requester's, %d flagged as conflicting",
                 counts["kept"], counts["review"])
    return docs
