"""Small dataclasses that flow through the pipeline.

Anything that holds document or finding text keeps it out of ``repr`` so that an
accidental log line or exception message carries ids, types and counts only.
"""
from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.codes import (
    DecidedBy,
    DecisionState,
    DocStatus,
    EntityType,
    PartyKind,
    ReasonCode,
)

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points (unrotated page space)


@dataclass(frozen=True)
class Party:
    """A person named in case.json: the requester or a listed third party."""

    name: str = field(repr=False)
    role: str = ""
    aliases: tuple[str, ...] = field(default=(), repr=False)
    date_of_birth: str | None = field(default=None, repr=False)
    ni_number: str | None = field(default=None, repr=False)
    case_references: tuple[str, ...] = field(default=(), repr=False)
    addresses: tuple[str, ...] = field(default=(), repr=False)
    phones: tuple[str, ...] = field(default=(), repr=False)
    emails: tuple[str, ...] = field(default=(), repr=False)
    # other identifiers the agency holds for the person, as (entity type, value): bank sort code and
    # account, card, IBAN, NHS, passport, driving licence, vehicle ("identifiers" in case.json)
    identifiers: tuple[tuple[str, str], ...] = field(default=(), repr=False)


@dataclass
class CaseOptions:
    """Per-case settings read from optional keys of case.json."""

    auto_approve: bool = False
    extended_due: date | None = None
    allow_list: tuple[str, ...] = field(default=(), repr=False)
    deny_list: tuple[str, ...] = field(default=(), repr=False)


@dataclass
class CaseRecord:
    case_id: str
    received: date
    requester: Party
    third_parties: list[Party]
    root: Path = field(repr=False)
    options: CaseOptions = field(default_factory=CaseOptions)

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"


def doc_id_for(source: str) -> str:
    """A stable id for a source path that does not reveal the (possibly personal) file name."""
    return "d" + hashlib.blake2b(source.encode("utf-8"), digest_size=5).hexdigest()


@dataclass
class SourceDocument:
    """One file found under documents/, or an attachment pulled out of an email."""

    doc_id: str
    source: str = field(repr=False)  # path relative to documents/ ("mail.eml#2/report.pdf" for attachments)
    path: Path | None = field(repr=False)
    sha256: str
    size: int
    parent: str | None = None  # doc_id of the email this was attached to
    data: bytes | None = field(default=None, repr=False)  # attachment bytes (no file on disk)
    error: str | None = None  # set when gathering already refused the file

    @property
    def extension(self) -> str:
        name = self.source.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()


@dataclass
class Attachment:
    name: str = field(repr=False)
    data: bytes = field(repr=False)


@dataclass
class ForcedRegion:
    """An area that must be redacted whatever detection finds (e.g. a box drawn over text in the source)."""

    page: int
    rect: Rect
    reason: ReasonCode = ReasonCode.SR
    entity_type: EntityType = EntityType.SOURCE_REDACTION


@dataclass
class NormalisedDocument:
    """A source rendered to PDF pages the redactor can work on."""

    doc_id: str
    pdf: bytes = field(repr=False)
    original_format: str  # "pdf", "docx", "eml", "txt", "csv", "xlsx", "jpg", ...
    title: str | None = field(default=None, repr=False)
    date: date | None = None
    attachments: list[Attachment] = field(default_factory=list, repr=False)
    ocr_pages: list[int] = field(default_factory=list)
    forced_regions: list[ForcedRegion] = field(default_factory=list)
    # Names that must be treated as people wherever they occur (e.g. DOCX comment authors).
    extra_names: list[str] = field(default_factory=list, repr=False)


@dataclass
class PageText:
    """The text of one PDF page, with one rectangle per character.

    ``boxes`` is a flat float array, 4 numbers per character of ``text`` (a newline or
    inserted space has a zero-area box). Coordinates are unrotated page space, i.e. the
    space ``Page.add_redact_annot`` expects.
    """

    page: int  # 0-based
    text: str = field(repr=False)
    boxes: array = field(repr=False)

    def char_rect(self, i: int) -> Rect:
        b = self.boxes
        return (b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3])

    def span_rects(self, start: int, end: int) -> list[Rect]:
        """Rectangles covering characters [start, end), merged per line."""
        rects: list[list[float]] = []
        for i in range(start, end):
            x0, y0, x1, y1 = self.char_rect(i)
            if x1 <= x0 or y1 <= y0:
                continue
            if rects:
                r = rects[-1]
                same_line = abs(r[1] - y0) < 0.5 * (y1 - y0) and x0 >= r[0] - 1
                if same_line:
                    r[0] = min(r[0], x0)
                    r[1] = min(r[1], y0)
                    r[2] = max(r[2], x1)
                    r[3] = max(r[3], y1)
                    continue
            rects.append([x0, y0, x1, y1])
        return [tuple(r) for r in rects]  # type: ignore[misc]


@dataclass
class Finding:
    """A detector's raw answer over a page's text (no geometry yet)."""

    start: int
    end: int
    entity_type: EntityType
    recognizer: str
    score: float
    party: PartyKind
    reason: ReasonCode = ReasonCode.TP
    needs_review: bool = False
    text: str = field(default="", repr=False)


@dataclass
class Suggestion:
    """A proposed redaction on one page of one document."""

    id: str
    doc_id: str
    page: int
    rects: list[Rect]
    entity_type: EntityType
    recognizer: str
    score: float
    party: PartyKind
    reason: ReasonCode
    needs_review: bool = False
    start: int = -1
    end: int = -1
    text: str = field(default="", repr=False)  # the value; never logged, never persisted outside the case data

    @staticmethod
    def make_id(doc_id: str, page: int, start: int, end: int, entity_type: str, text: str) -> str:
        h = hashlib.blake2b(
            f"{doc_id}|{page}|{start}|{end}|{entity_type}|{text}".encode("utf-8"), digest_size=8
        )
        return "s" + h.hexdigest()


@dataclass
class Decision:
    suggestion_id: str
    state: DecisionState
    reason: ReasonCode
    decided_by: DecidedBy
    reviewer: str | None = None


@dataclass
class DocumentResult:
    """What happened to one source document; becomes a manifest row."""

    doc_id: str
    source: str
    sha256: str
    status: DocStatus
    original_format: str = ""
    title: str | None = field(default=None, repr=False)
    date: date | None = None
    parent: str | None = None
    bundle_pages: list[int] = field(default_factory=list)  # [first, last], 1-based, in the bundle
    redactions: int = 0
    redactions_by_reason: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    duplicate_of: str | None = None
    pages: int = 0
