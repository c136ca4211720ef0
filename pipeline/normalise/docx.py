"""Word (.docx) -> PDF, rendered from the XML itself so that nothing hidden is missed.

Walked with defusedxml (no DTDs, no entity expansion) inside a size-checked zip:

* body paragraphs (bold/italic runs, headings by style, list items), tables (nested too),
  content controls (``w:sdt``), hyperlinks, smart tags, custom XML, fields' results;
* tracked changes: insertions (``w:ins``, ``w:moveTo``) accepted, deletions (``w:del``,
  ``w:delText``, ``w:moveFrom``) dropped;
* text boxes (DrawingML ``wps:txbx`` and VML ``v:textbox``; for ``mc:AlternateContent``
  only the first choice, so a box is not shown twice), shown after their paragraph;
* every header and footer part (all sections; default, first and even);
* footnotes, endnotes, and comments (each with its author, under a "Comments" heading;
  authors are returned in ``extra_names``).

Document properties (author, last modified by, ...) are not carried into the PDF, whose
metadata is empty. Known gaps: pictures inside the document are not OCR'd, field codes
(e.g. a hyperlink's target) and embedded objects are not shown.
"""
from __future__ import annotations

import logging
import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from pipeline.errors import DocumentError
from pipeline.limits import Limits
from pipeline.models import NormalisedDocument, SourceDocument
from pipeline.normalise._common import find_date
from pipeline.normalise._zip import SafeZip
from pipeline.render import esc, html_to_pdf

log = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DC = "{http://purl.org/dc/elements/1.1/}"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

INVALID = "not a valid Word document"
UNSAFE = "the Word document contains unsafe XML"
_OFF = ("0", "false", "off", "none")


def parse_xml(data: bytes) -> Element:
    try:
        return DET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise DocumentError(UNSAFE) from None
    except (ParseError, ValueError, SyntaxError):
        raise DocumentError(INVALID) from None


def _on(el: Element | None) -> bool:
    if el is None:
        return False
    return el.get(W + "val", "true").lower() not in _OFF


class _Renderer:
    def __init__(self, styles: dict[str, str]):
        self.styles = styles  # styleId -> style name (lower case)
        self.first_heading: str | None = None
        self.plain: list[str] = []  # plain text of body paragraphs, for the date

    # ---- block level -------------------------------------------------------------
    def blocks(self, parent: Element, out: list[str], record: bool = False) -> None:
        for el in parent:
            tag = el.tag
            if tag == W + "p":
                self.paragraph(el, out, record)
            elif tag == W + "tbl":
                self.table(el, out, record)
            elif tag == W + "sdt":
                content = el.find(W + "sdtContent")
                if content is not None:
                    self.blocks(content, out, record)
            elif tag in (W + "customXml", W + "ins", W + "moveTo", W + "smartTag", W + "txbxContent", W + "body"):
                self.blocks(el, out, record)
            elif tag == MC + "AlternateContent":
                chosen = self._choice(el)
                if chosen is not None:
                    self.blocks(chosen, out, record)
            # w:del / w:moveFrom at block level, sectPr, bookmarks...: nothing shown

    def _choice(self, alt: Element) -> Element | None:
        for c in alt:
            if c.tag == MC + "Choice":
                return c
        for c in alt:
            if c.tag == MC + "Fallback":
                return c
        return None

    def _heading_level(self, p: Element) -> int | None:
        ppr = p.find(W + "pPr")
        if ppr is None:
            return None
        ps = ppr.find(W + "pStyle")
        if ps is None:
            return None
        sid = ps.get(W + "val", "")
        name = self.styles.get(sid, sid.lower())
        if name in ("title",):
            return 1
        m = re.match(r"heading\s*(\d)", name) or re.match(r"heading(\d)", sid.lower())
        if m:
            return min(6, int(m.group(1)))
        return None

    def paragraph(self, p: Element, out: list[str], record: bool) -> None:
        boxes: list[Element] = []
        pieces: list[str] = []
        text: list[str] = []
        self.inline(p, pieces, text, boxes, False, False)
        html_inline = "".join(pieces)
        plain = "".join(text)
        level = self._heading_level(p)
        ppr = p.find(W + "pPr")
        is_list = ppr is not None and ppr.find(W + "numPr") is not None
        if level:
            out.append(f"<h{level}>{html_inline}</h{level}>")
            if record and self.first_heading is None and plain.strip():
                self.first_heading = " ".join(plain.split())
        elif plain.strip():
            out.append(f"<p>{'• ' if is_list else ''}{html_inline}</p>")
        else:
            out.append("<p>&#160;</p>" if not boxes else "")
        if record:
            self.plain.append(plain)
        for box in boxes:
            inner: list[str] = []
            self.blocks(box, inner, record)
            out.append('<div class="box">' + "".join(inner) + "</div>")

    def table(self, tbl: Element, out: list[str], record: bool) -> None:
        out.append('<table class="grid">')
        for tr in self._rows(tbl):
            out.append("<tr>")
            for tc in tr:
                cells = self._cells(tc)
                for cell in cells:
                    span = 1
                    tcpr = cell.find(W + "tcPr")
                    if tcpr is not None:
                        gs = tcpr.find(W + "gridSpan")
                        if gs is not None and (gs.get(W + "val") or "").isdigit():
                            span = max(1, min(60, int(gs.get(W + "val"))))
                    inner: list[str] = []
                    self.blocks(cell, inner, record)
                    colspan = f' colspan="{span}"' if span > 1 else ""
                    out.append(f"<td{colspan}>{''.join(inner)}</td>")
            out.append("</tr>")
        out.append("</table>")

    def _rows(self, tbl: Element):
        for el in tbl:
            if el.tag == W + "tr":
                yield el
            elif el.tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
                holder = el.find(W + "sdtContent") if el.tag == W + "sdt" else el
                if holder is not None:
                    yield from self._rows(holder)

    def _cells(self, el: Element) -> list[Element]:
        if el.tag == W + "tc":
            return [el]
        if el.tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
            holder = el.find(W + "sdtContent") if el.tag == W + "sdt" else el
            cells: list[Element] = []
            if holder is not None:
                for c in holder:
                    cells.extend(self._cells(c))
            return cells
        return []

    # ---- inline level ------------------------------------------------------------
    def inline(self, parent: Element, out: list[str], text: list[str], boxes: list[Element],
               bold: bool, italic: bool) -> None:
        for el in parent:
            tag = el.tag
            if tag == W + "r":
                self.run(el, out, text, boxes, bold, italic)
            elif tag in (W + "ins", W + "moveTo", W + "hyperlink", W + "smartTag", W + "customXml",
                         W + "fldSimple", W + "dir", W + "bdo"):
                self.inline(el, out, text, boxes, bold, italic)
            elif tag == W + "sdt":
                content = el.find(W + "sdtContent")
                if content is not None:
                    self.inline(content, out, text, boxes, bold, italic)
            elif tag == MC + "AlternateContent":
                chosen = self._choice(el)
                if chosen is not None:
                    self.inline(chosen, out, text, boxes, bold, italic)
            elif tag in (M + "oMath", M + "oMathPara"):
                t = "".join(x.text or "" for x in el.iter(M + "t"))
                out.append(esc(t))
                text.append(t)
            # w:del, w:moveFrom, w:pPr, bookmarks, proofing marks: nothing shown

    def run(self, r: Element, out: list[str], text: list[str], boxes: list[Element],
            bold: bool, italic: bool) -> None:
        rpr = r.find(W + "rPr")
        if rpr is not None:
            bold = bold or _on(rpr.find(W + "b"))
            italic = italic or _on(rpr.find(W + "i"))
        buf: list[str] = []

        def flush() -> None:
            if not buf:
                return
            s = "".join(buf)
            buf.clear()
            h = esc(s)
            if bold:
                h = f"<b>{h}</b>"
            if italic:
                h = f"<i>{h}</i>"
            out.append(h)
            text.append(s)

        for el in r:
            tag = el.tag
            if tag == W + "t":
                buf.append(el.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                buf.append("\t")
            elif tag in (W + "br", W + "cr"):
                flush()
                out.append("<br/>")
                text.append("\n")
            elif tag == W + "noBreakHyphen":
                buf.append("-")
            elif tag == W + "sym":
                try:
                    buf.append(chr(int(el.get(W + "char", ""), 16)))
                except (ValueError, OverflowError):
                    pass
            elif tag == W + "footnoteReference":
                buf.append(f"[{el.get(W + 'id', '')}]")
            elif tag == W + "endnoteReference":
                buf.append(f"[e{el.get(W + 'id', '')}]")
            elif tag in (W + "drawing", W + "pict", W + "object"):
                self._collect_boxes(el, boxes)
            elif tag == MC + "AlternateContent":
                chosen = self._choice(el)
                if chosen is not None:
                    self._collect_boxes(chosen, boxes)
            # w:delText (deleted), w:instrText (field code), w:rPr: nothing shown
        flush()

    def _collect_boxes(self, el: Element, boxes: list[Element]) -> None:
        found = False
        for sub in el.iter():
            if sub.tag == W + "txbxContent":
                if not any(sub in b.iter() for b in boxes):
                    boxes.append(sub)
                    found = True
            elif sub.tag == MC + "AlternateContent":
                break  # handled by iterating its chosen branch below
        if not found:
            # shapes with DrawingML text but no text box (a:t)
            ts = [x.text for x in el.iter(A + "t") if x.text]
            if ts:
                holder = Element(W + "txbxContent")
                p = Element(W + "p")
                r = Element(W + "r")
                t = Element(W + "t")
                t.text = " ".join(ts)
                r.append(t)
                p.append(r)
                holder.append(p)
                boxes.append(holder)


def _rels(z: SafeZip, name: str) -> list[tuple[str, str]]:
    if name not in z.names:
        return []
    root = parse_xml(z.read(name))
    return [(r.get("Type", ""), r.get("Target", "")) for r in root.iter(PR + "Relationship")]


def _main_part(z: SafeZip) -> str:
    for typ, target in _rels(z, "_rels/.rels"):
        if typ == OFFICE_DOC and target:
            name = target.lstrip("/")
            if name in z.names:
                return name
    if "word/document.xml" in z.names:
        return "word/document.xml"
    raise DocumentError(INVALID)


def _styles(z: SafeZip) -> dict[str, str]:
    if "word/styles.xml" not in z.names:
        return {}
    root = parse_xml(z.read("word/styles.xml"))
    out: dict[str, str] = {}
    for st in root.iter(W + "style"):
        sid = st.get(W + "styleId")
        name = st.find(W + "name")
        if sid and name is not None:
            out[sid] = (name.get(W + "val") or "").lower()
    return out


def _part_number(name: str) -> int:
    m = re.search(r"(\d+)\.xml$", name)
    return int(m.group(1)) if m else 0


def _notes(r: _Renderer, root: Element, tag: str, prefix: str) -> list[str]:
    out: list[str] = []
    for note in root.iter(W + tag):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        inner: list[str] = []
        r.blocks(note, inner)
        out.append(f'<div><b>[{prefix}{esc(note.get(W + "id", ""))}]</b>{"".join(inner)}</div>')
    return out


def render_docx(data: bytes, limits: Limits) -> tuple[str, str | None, str, list[str]]:
    """(html, title, body plain text, comment authors)."""
    z = SafeZip(data, limits, "DOCX", INVALID)
    main = _main_part(z)
    r = _Renderer(_styles(z))
    root = parse_xml(z.read(main))
    body = root.find(W + "body")
    if body is None:
        raise DocumentError(INVALID)
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""

    def part_html(kind: str) -> list[str]:
        seen: set[str] = set()
        out: list[str] = []
        names = sorted((n for n in z.names if re.fullmatch(re.escape(folder) + kind + r"\d*\.xml", n)), key=_part_number)
        for n in names:
            inner: list[str] = []
            r.blocks(parse_xml(z.read(n)), inner)
            h = "".join(inner)
            if re.sub(r"<[^>]+>|&#160;|\s", "", h) and h not in seen:
                seen.add(h)
                out.append(f'<div class="box">{h}</div>')
        return out

    html: list[str] = []
    headers = part_html("header")
    if headers:
        html.append('<h4 class="muted">Page headers</h4>' + "".join(headers) + "<hr/>")
    body_html: list[str] = []
    r.blocks(body, body_html, record=True)
    html.extend(body_html)
    footers = part_html("footer")
    if footers:
        html.append('<hr/><h4 class="muted">Page footers</h4>' + "".join(footers))
    for part, tag, title, prefix in (("footnotes.xml", "footnote", "Footnotes", ""),
                                     ("endnotes.xml", "endnote", "Endnotes", "e")):
        if folder + part in z.names:
            notes = _notes(r, parse_xml(z.read(folder + part)), tag, prefix)
            if notes:
                html.append(f"<hr/><h3>{title}</h3>" + "".join(notes))
    authors: list[str] = []
    if folder + "comments.xml" in z.names:
        croot = parse_xml(z.read(folder + "comments.xml"))
        items: list[str] = []
        for c in croot.iter(W + "comment"):
            author = " ".join((c.get(W + "author") or "").split())
            if author and author not in authors:
                authors.append(author)
            when = (c.get(W + "date") or "")[:10]
            inner: list[str] = []
            r.blocks(c, inner)
            items.append(
                f'<div class="box"><p><b>{esc(author or "Unknown author")}</b>'
                f'{" (" + esc(when) + ")" if when else ""}:</p>{"".join(inner)}</div>'
            )
        if items:
            html.append("<hr/><h2>Comments</h2>" + "".join(items))
    title = None
    if "docProps/core.xml" in z.names:
        try:
            core = parse_xml(z.read("docProps/core.xml"))
            t = core.find(DC + "title")
            if t is not None and t.text and t.text.strip():
                title = " ".join(t.text.split())[:200]
        except DocumentError as e:
            if e.reason == UNSAFE:
                raise
    title = title or r.first_heading
    return "".join(html), title, "\n".join(r.plain), authors


def normalise_docx(src: SourceDocument, data: bytes, limits: Limits) -> NormalisedDocument:
    html, title, plain, authors = render_docx(data, limits)
    if not html.strip():
        html = '<p class="note">(This Word document has no text.)</p>'
    pdf = html_to_pdf(html)
    return NormalisedDocument(
        doc_id=src.doc_id,
        pdf=pdf,
        original_format="docx",
        title=title,
        date=find_date(plain),
        extra_names=authors,
    )
