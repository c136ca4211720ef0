"""Front and back matter of the bundle: cover letter, index and schedule.

The wording lives in editable Jinja2 templates in ``pipeline/templates`` (HTML, laid out
by :mod:`pipeline.render` with embedded DejaVu fonts). Every value is escaped; titles
reaching here have already been made safe (third-party data redacted).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from pipeline.codes import REASONS, ReasonCode
from pipeline.render import esc, html_to_pdf

TEMPLATE_DIR = Path(__file__).parent / "templates"

ORGANISATION = {
    "name": "Child Maintenance Service",
    "address": ["PO Box 249", "Mitcheldean", "GL17 1AJ"],
    "signature": "Subject Access Team, Child Maintenance Service",
}

EXTRA_CSS = """
.sender { text-align: right; font-size: 9pt; margin-bottom: 18pt; }
.addr { margin: 0 0 14pt 0; }
table.meta td { padding: 0 8pt 1pt 0; }
table.index td, table.index th, table.schedule td, table.schedule th { font-size: 9pt; }
table.legend td, table.legend th { font-size: 9pt; }
ul { margin: 0 0 6pt 0; }
li { margin: 0 0 2pt 0; }
"""


def long_date(d: date | None) -> str:
    """``12 January 2026`` (no leading zero, locale-independent)."""
    if d is None:
        return "undated"
    return f"{d.day} {('January February March April May June July August September October November December').split()[d.month - 1]} {d.year}"


def short_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else "undated"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=jinja2.select_autoescape(["html", "j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    # ``esc`` also breaks very long words so they wrap; the result is already escaped.
    env.finalize = lambda v: Markup(esc(v)) if isinstance(v, str) and not isinstance(v, Markup) else v
    return env


def render_template(name: str, **context) -> str:
    return _env().get_template(name).render(**context)


def _markdown_env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=False,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )


def render_markdown(name: str, **context) -> str:
    return _markdown_env().get_template(name).render(**context)


@dataclass
class IndexRow:
    number: str
    title: str = field(repr=False)
    date: date | None
    format: str
    first: int = 0  # stamped page numbers (the N of "Page N of M")
    last: int = 0
    redactions: int = 0
    level: int = 1

    @property
    def pages(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}\u2013{self.last}"


@dataclass
class ScheduleRow:
    ref: str
    doc_id: str
    source: str = field(repr=False)
    title: str = field(repr=False)
    date: date | None
    format: str
    status: str
    why: str


@dataclass
class CoverInfo:
    case_id: str
    requester_name: str = field(repr=False)
    address_lines: list[str] = field(repr=False)
    received: date
    bundle_date: date
    documents: int = 0
    redactions: int = 0
    reasons_used: list[ReasonCode] = field(default_factory=list)
    withheld: int = 0
    duplicates: int = 0
    failed: int = 0


def address_lines(address: str) -> list[str]:
    """``"14 Larch Close, Harrogate HG2 7QP"`` -> one line per comma-separated part."""
    return [p.strip() for p in address.replace("\n", ",").split(",") if p.strip()]


def cover_pdf(info: CoverInfo, *, index_page: int, schedule_page: int, stamped_pages: int) -> bytes:
    html = render_template(
        "cover_letter.html.j2",
        case_id=info.case_id,
        requester_name=info.requester_name,
        address_lines=info.address_lines,
        letter_date=long_date(info.bundle_date),
        received=long_date(info.received),
        documents=info.documents,
        stamped_pages=stamped_pages,
        index_page=index_page,
        schedule_page=schedule_page,
        withheld=info.withheld,
        duplicates=info.duplicates,
        failed=info.failed,
        redactions=info.redactions,
        reasons=[REASONS[c] for c in info.reasons_used],
        organisation=ORGANISATION,
    )
    return html_to_pdf(html, extra_css=EXTRA_CSS)


def index_pdf(case_id: str, rows: list[IndexRow], *, schedule_page: int) -> bytes:
    ctx_rows = [
        {"number": r.number, "level": r.level, "title": r.title, "date": short_date(r.date),
         "format": r.format.upper(), "pages": r.pages, "redactions": r.redactions}
        for r in rows
    ]
    html = render_template("index.html.j2", case_id=case_id, rows=ctx_rows, schedule_page=schedule_page)
    return html_to_pdf(html, extra_css=EXTRA_CSS)


def schedule_pdf(case_id: str, rows: list[ScheduleRow]) -> bytes:
    ctx_rows = [
        {"ref": r.ref, "title": r.title, "date": short_date(r.date), "format": r.format.upper(), "why": r.why}
        for r in rows
    ]
    html = render_template("schedule.html.j2", case_id=case_id, rows=ctx_rows)
    return html_to_pdf(html, extra_css=EXTRA_CSS)
