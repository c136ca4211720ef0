"""Builders for source files that hide a known value in each hidden place of their format.

Every builder takes the values to hide (one per place) so that an end-to-end test can check
each place on its own: DOCX (header, footer, footnote, table, text box, comment and its
author, tracked insertion and deletion, core properties), PDF (annotations, metadata, form
field, invisible text, fake box over text, scanned page, rotated and offset-cropbox pages,
vector graphics under a name), EML (HTML part, attachments), TXT, CSV and XLSX.
All values are fictional.
"""
from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pymupdf

FONT = Path(__file__).resolve().parent.parent / "pipeline" / "fonts" / "DejaVuSans.ttf"

# ---------------------------------------------------------------- DOCX

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCX_PLACES = (
    "header", "footer", "footnote", "table", "textbox", "comment", "comment_author",
    "insertion", "deletion", "core_creator", "core_last_modified_by", "core_title",
)


def zip_parts(parts: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buf.getvalue()


def _p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx_with_hidden_places(v: dict[str, str], *, body_lines: list[str] = ()) -> bytes:
    """A DOCX with ``v[place]`` in each of :data:`DOCX_PLACES`; ``body_lines`` are ordinary
    paragraphs (controls that must stay)."""
    missing = set(DOCX_PLACES) - set(v)
    assert not missing, missing
    textbox = (
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>'
        + _p(f"Text box names {v['textbox']} here.")
        + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        + _p(f"Text box names {v['textbox']} here.")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    body = (
        _p("Case review notes", "Heading1")
        + "".join(_p(line) for line in body_lines)
        + '<w:p><w:r><w:t xml:space="preserve">The visit was arranged with </w:t></w:r>'
        f'<w:ins w:id="1" w:author="Editor"><w:r><w:t xml:space="preserve">{v["insertion"]} </w:t></w:r></w:ins>'
        f'<w:del w:id="2" w:author="Editor"><w:r><w:delText xml:space="preserve">{v["deletion"]} </w:delText></w:r></w:del>'
        '<w:r><w:t xml:space="preserve">on the agreed date.</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve"> Commented words.</w:t></w:r>'
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
        "<w:tbl><w:tr><w:tc>" + _p("Contact") + "</w:tc><w:tc>" + _p(f"Called {v['table']} back") + "</w:tc></w:tr></w:tbl>"
        + textbox
        + "<w:sectPr/>"
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0"?><w:document {W_NS}><w:body>{body}</w:body></w:document>',
        "word/styles.xml": f'<w:styles {W_NS}><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>',
        "word/header1.xml": f"<w:hdr {W_NS}>{_p('Header prepared by ' + v['header'])}</w:hdr>",
        "word/footer1.xml": f"<w:ftr {W_NS}>{_p('Footer checked by ' + v['footer'])}</w:ftr>",
        "word/footnotes.xml": f'<w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:id="1">{_p("Footnote: source was " + v["footnote"] + ".")}</w:footnote></w:footnotes>',
        "word/comments.xml": f'<w:comments {W_NS}><w:comment w:id="0" w:author="{v["comment_author"]}" '
        f'w:date="2026-01-01T00:00:00Z">{_p("Please check with " + v["comment"] + " first.")}</w:comment></w:comments>',
        "docProps/core.xml": '<?xml version="1.0"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title>Notes about {v["core_title"]}</dc:title><dc:creator>{v["core_creator"]}</dc:creator>'
        f'<cp:lastModifiedBy>{v["core_last_modified_by"]}</cp:lastModifiedBy></cp:coreProperties>',
    }
    return zip_parts(parts)


# ---------------------------------------------------------------- PDF

PDF_PLACES = (
    "freetext", "sticky_note", "meta_author", "meta_title", "meta_subject", "meta_keywords", "xmp",
    "form_field", "invisible_text", "fake_box", "scanned", "rotated", "cropbox", "vector",
)
RED = (1, 0, 0)


def text_image_png(lines: list[str], *, size: tuple[int, int] = (1654, 2339), font_px: int = 44) -> bytes:
    """An A4 page at 200 dpi with black text on white, as a scanner would make it (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), font_px)
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((160, 200 + i * int(font_px * 2)), line, fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def pdf_with_hidden_places(v: dict[str, str], *, control_sentence: str, scan_control: str) -> bytes:
    """A PDF with ``v[place]`` in each of :data:`PDF_PLACES`.

    Page 1: FreeText annotation, sticky note, form field, invisible text, a fake black box
    over live text, a red vector mark under a name, and ``control_sentence``.
    Page 2: a scan (an image of text only) naming ``v["scanned"]`` beside ``scan_control``.
    Page 3: rotated 90 degrees. Page 4: crop box offset from the media box.
    """
    missing = set(PDF_PLACES) - set(v)
    assert not missing, missing
    doc = pymupdf.open()
    p = doc.new_page()
    p.insert_text((72, 72), control_sentence, fontsize=11)
    # invisible text (render mode 3)
    p.insert_text((72, 110), f"Invisible note on {v['invisible_text']}", fontsize=11, render_mode=3)
    # a fake redaction: a black box drawn over live text
    p.insert_text((72, 150), f"Referred by {v['fake_box']} today", fontsize=11)
    hidden = p.search_for(v["fake_box"])[0]
    p.draw_rect(hidden + (-1, -1, 1, 1), color=(0, 0, 0), fill=(0, 0, 0))
    # a vector mark fully under a name that will be redacted
    p.insert_text((72, 190), f"Visited {v['vector']} at home", fontsize=11)
    r = p.search_for(v["vector"])[0]
    mark = pymupdf.Rect(r.x0 + 2, r.y0 + r.height * 0.35, r.x1 - 2, r.y0 + r.height * 0.65)
    p.draw_rect(mark, color=RED, fill=RED)
    # annotations
    ft = p.add_freetext_annot(pymupdf.Rect(72, 230, 400, 260), f"Reviewer note: {v['freetext']}", fontsize=11)
    ft.update()
    sticky = p.add_text_annot((420, 230), f"Sticky note about {v['sticky_note']}")
    sticky.set_info(title=v["sticky_note"])
    sticky.update()
    # a form field with a value
    w = pymupdf.Widget()
    w.field_name = "contact_name"
    w.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    w.field_value = v["form_field"]
    w.rect = pymupdf.Rect(72, 290, 400, 312)
    w.text_fontsize = 11
    p.add_widget(w)
    # page 2: a scanned page, no text layer
    png = text_image_png([f"Scanned letter from {v['scanned']}", f"{scan_control} delivery confirmed"])
    scan = doc.new_page()
    scan.insert_image(scan.rect, stream=png)
    # page 3: rotated
    rot = doc.new_page()
    rot.insert_text((72, 100), f"Rotated page mentions {v['rotated']} twice: {v['rotated']}.", fontsize=12)
    rot.set_rotation(90)
    # page 4: crop box offset from the media box
    crop = doc.new_page()
    crop.insert_text((150, 260), f"Cropped page mentions {v['cropbox']}.", fontsize=12)
    crop.set_cropbox(pymupdf.Rect(100, 200, 520, 700))
    doc.set_metadata({
        "author": v["meta_author"], "title": f"Report on {v['meta_title']}",
        "subject": v["meta_subject"], "keywords": v["meta_keywords"], "creator": v["meta_author"],
    })
    doc.set_xml_metadata(
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{v["xmp"]}</dc:creator></rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    return doc.tobytes()


def simple_pdf(lines: list[str]) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    for i, line in enumerate(lines):
        page.insert_text((72, 72 + 18 * i), line, fontsize=11)
    return doc.tobytes()


# ---------------------------------------------------------------- EML


def eml_with_html_and_attachments(*, plain: str, html_only_value: str, subject: str,
                                  attachments: list[tuple[str, str, bytes]]) -> bytes:
    """An email whose text/plain part is ``plain`` and whose HTML part also names
    ``html_only_value`` (with enough extra words to be shown); ``attachments`` are
    (filename, mime type, bytes)."""
    msg = EmailMessage()
    msg["From"] = "Case Officer <officer@example.org>"
    msg["To"] = "Records Team <records@example.org>"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 10 Mar 2026 09:15:00 +0000"
    msg.set_content(plain)
    msg.add_alternative(
        f"<html><body><p>{plain}</p><p>Additional HTML paragraph: the neighbour {html_only_value} "
        "reported noise complaints repeatedly during several evenings last winter season.</p></body></html>",
        subtype="html",
    )
    for name, mime, data in attachments:
        maintype, subtype = mime.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


# ---------------------------------------------------------------- XLSX


def xlsx_with_hidden_sheet(visible_rows: list[list[str]], hidden_rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Contacts"
    for row in visible_rows:
        ws.append(row)
    hidden = wb.create_sheet("Archive")
    hidden.sheet_state = "hidden"
    for row in hidden_rows:
        hidden.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def norm(s: str) -> str:
    """Whitespace-folded, lower-cased text; NFKC folds ligatures ("ﬁ" -> "fi") so that a
    value cannot hide behind one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip().lower()


def has_word(text: str, word: str) -> bool:
    """Is ``word`` in the (already normalised) ``text`` as a whole word or phrase?"""
    return re.search(r"(?<!\w)" + re.escape(norm(word)) + r"(?!\w)", text) is not None


def submit_and_read(case_id: str, store: Path, out: Path) -> dict:
    """Run the real flow with --auto-approve and read back its manifest, bundle, page texts
    (normalised) and bookmarks."""
    from flows.sar import submit_flow

    result = submit_flow(case_id, store=str(store), out=str(out), auto_approve=True)
    folder = out / case_id
    manifest = json.loads((folder / "manifest.json").read_text())
    bundle = (folder / "bundle.pdf").read_bytes()
    with pymupdf.open(stream=bundle, filetype="pdf") as doc:
        pages = [norm(p.get_text()) for p in doc]
        toc = norm(" ".join(t[1] for t in doc.get_toc()))
    return {"result": result, "folder": folder, "manifest": manifest, "bundle": bundle, "pages": pages, "toc": toc}
