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
    EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS, EntityType.ADDRESS,
})

_STRIP = re.compile(r"[^0-9A-Za-z@]")
_UK_INTL = re.compile(r"^(?:0044|44)(?=[1-9]\d{8,9}$)")
MIN_LEN = 6  # shorter values (an account's last four digits, "Flat 2") say too little to carry across documents


def normalise(value: str) -> str | None:
    """The value as compared across documents, whatever its type ("30-96-11" == "30 96 11",
    "+44 7700 900123" == "07700 900123", case and spacing ignored); None when too short to carry."""
    v = _UK_INTL.sub("0", _STRIP.sub("", value).upper())
    return v if len(v) >= MIN_LEN else None


@dataclass(frozen=True)
class Settled:
    """The normalised values one document settled: the requester's, and anyone else's."""

    requester: frozenset = field(default=frozenset(), repr=False)
    others: frozenset = field(default=frozenset(), repr=False)

    def __bool__(self) -> bool:
        return bool(self.requester or self.others)

    def __repr__(self) -> str:  # counts only: never the values
        return f"Settled(requester={len(self.requester)}, others={len(self.others)})"


EMPTY = Settled()


@dataclass(frozen=True)
class CaseSettlement:
    """What the case's documents settled, taken together."""

    requester: frozenset = field(default=frozenset(), repr=False)   # the requester's and nobody else's
    conflicts: frozenset = field(default=frozenset(), repr=False)   # said to be the requester's and someone else's

    def __bool__(self) -> bool:
        return bool(self.requester or self.conflicts)


def combine(settled: Sequence[Settled]) -> CaseSettlement:
    req = frozenset().union(*(s.requester for s in settled)) if settled else frozenset()
    oth = frozenset().union(*(s.others for s in settled)) if settled else frozenset()
    return CaseSettlement(req - oth, req & oth)


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
    v = normalise(item.text)
    if v is None:
        return None
    if v in case.conflicts:
        return "review"
    if v in case.requester:
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
