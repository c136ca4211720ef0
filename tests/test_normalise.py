"""Normalisation: every format becomes PDF pages whose extracted text holds all the content."""
from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pymupdf
import pytest

from pipeline.errors import DocumentError, UnsupportedType
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.models import SourceDocument, doc_id_for
from pipeline.normalise import attachment_sources, normalise

SHARED = Path("/work/shared/data")
XRAY = SHARED / "pdf_fixtures" / "xray"
EXAMPLES = SHARED / "external_docs" / "doc_redaction_examples"


def src(name: str, data: bytes) -> SourceDocument:
    return SourceDocument(
        doc_id=doc_id_for(name), source=name, path=None,
        sha256=hashlib.sha256(data).hexdigest(), size=len(data), data=data,
    )


def file_src(path: Path) -> SourceDocument:
    return SourceDocument(doc_id=doc_id_for(path.name), source=path.name, path=path, sha256="", size=0)


def pdf_text(pdf: bytes) -> str:
    with pymupdf.open("pdf", pdf) as d:
        return "\n".join(p.get_text() for p in d)


def flat(text: str) -> str:
    return " ".join(text.split())


def make_pdf(build) -> bytes:
    d = pymupdf.open()
    build(d)
    return d.tobytes()


# ---------------------------------------------------------------- dispatcher / errors


def test_unsupported_type():
    with pytest.raises(UnsupportedType) as e:
        normalise(src("thing.exe", b"MZ"))
    assert str(e.value).startswith("unsupported type")


@pytest.mark.parametrize("name", ["a.pdf", "a.txt", "a.docx", "a.eml", "a.png", "a.csv", "a.xlsx"])
def test_empty_file(name):
    with pytest.raises(DocumentError, match="the file is empty"):
        normalise(src(name, b""))


def test_file_too_large():
    with pytest.raises(DocumentError, match="too large"):
        normalise(src("a.txt", b"hello world"), Limits(max_file_bytes=5))


def test_limits_from_env():
    lim = Limits.from_env({"SARPACK_MAX_PAGES": "7", "SARPACK_MAX_PAGE_SIDE_PT": "1000"})
    assert lim.max_pages == 7 and lim.max_page_side_pt == 1000
    assert DEFAULT_LIMITS.max_pages == 2000


# ---------------------------------------------------------------- PDF


def _text_pdf(d):
    p = d.new_page()
    p.insert_text((72, 100), "Letter dated 12 March 2026", fontsize=11)
    p.insert_text((72, 130), "Meeting with Jane Smith about the claim", fontsize=11)
    d.set_metadata({"title": "Claim letter", "author": "Alice Author"})


def test_pdf_text_layer_copied_and_metadata_dropped():
    nd = normalise(src("letter.pdf", make_pdf(_text_pdf)))
    assert "Meeting with Jane Smith" in pdf_text(nd.pdf)
    assert nd.title == "Claim letter"
    assert str(nd.date) == "2026-03-12"
    assert nd.original_format == "pdf"
    assert nd.ocr_pages == [] and nd.forced_regions == []
    with pymupdf.open("pdf", nd.pdf) as d:
        assert not d.metadata.get("author")


def test_pdf_keeps_rotation_and_cropbox():
    def build(d):
        p = d.new_page()
        p.insert_text((100, 200), "Rotated page text", fontsize=12)
        p.set_cropbox(pymupdf.Rect(20, 30, 500, 700))
        p.set_rotation(90)
    nd = normalise(src("r.pdf", make_pdf(build)))
    with pymupdf.open("pdf", nd.pdf) as d:
        assert d[0].rotation == 90
        assert tuple(d[0].cropbox) == (20, 30, 500, 700)
        assert "Rotated page text" in d[0].get_text()


def test_pdf_owner_password_only_is_opened_and_decrypted():
    d = pymupdf.open()
    _text_pdf(d)
    data = d.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw="",
                     permissions=pymupdf.PDF_PERM_ACCESSIBILITY)
    nd = normalise(src("perm.pdf", data))
    with pymupdf.open("pdf", nd.pdf) as out:
        assert not out.is_encrypted
        assert "Jane Smith" in out[0].get_text()


def test_pdf_user_password_refused():
    d = pymupdf.open()
    _text_pdf(d)
    data = d.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o", user_pw="secret")
    with pytest.raises(DocumentError, match="encrypted and needs a password"):
        normalise(src("locked.pdf", data))


def test_random_bytes_pdf():
    with pytest.raises(DocumentError, match="damaged and cannot be opened"):
        normalise(src("junk.pdf", bytes(range(256)) * 20))


def test_truncated_pdf():
    def build(d):
        for i in range(5):
            d.new_page().insert_text((72, 72), f"page {i}")
    data = make_pdf(build)
    try:
        nd = normalise(src("cut.pdf", data[: len(data) // 3]))
    except DocumentError as e:
        assert "PDF" in e.reason or "pages" in e.reason
    else:  # whatever MuPDF could recover must be a readable PDF
        assert pymupdf.open("pdf", nd.pdf).page_count >= 1


def test_pdf_page_too_large():
    def build(d):
        d.new_page(width=6000, height=800).insert_text((72, 72), "wide")
    with pytest.raises(DocumentError, match=r"the page is too large \(83 inches wide\)"):
        normalise(src("wide.pdf", make_pdf(build)))


def test_pdf_too_many_pages():
    def build(d):
        for _ in range(4):
            d.new_page()
    with pytest.raises(DocumentError, match="too many pages"):
        normalise(src("many.pdf", make_pdf(build)), Limits(max_pages=3))


def test_pdf_scanned_page_is_ocrd():
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1100, 300), 255)
    font = ImageFont.truetype(str(Path("pipeline/fonts/DejaVuSans.ttf").resolve()), 48)
    ImageDraw.Draw(img).text((40, 100), "Scanned Margaret Thompson", fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")

    def build(d):
        d.new_page(width=400, height=200)  # a normal text page first
        d[0].insert_text((20, 40), "Cover sheet with words enough to not be a scan at all here")
        p = d.new_page(width=400, height=110)
        p.insert_image(p.rect, stream=buf.getvalue())

    nd = normalise(src("scan.pdf", make_pdf(build)))
    assert nd.ocr_pages == [1]
    with pymupdf.open("pdf", nd.pdf) as d:
        assert d.page_count == 2
        assert "Margaret Thompson" in d[1].get_text()
        assert "Cover sheet" in d[0].get_text()


def test_pdf_pending_redaction_annotation_becomes_forced_region():
    def build(d):
        p = d.new_page()
        p.insert_text((72, 100), "Secret name here", fontsize=12)
        p.add_redact_annot(pymupdf.Rect(70, 85, 200, 105))
    nd = normalise(src("annot.pdf", make_pdf(build)))
    assert len(nd.forced_regions) == 1
    assert nd.forced_regions[0].page == 0


# ---------------------------------------------------------------- fake redactions


def test_fake_redactions_rectangles_yes():
    nd = normalise(file_src(XRAY / "rectangles_yes.pdf"))
    regions = [r for r in nd.forced_regions if r.page == 0]
    assert len(regions) == 3
    from pipeline.codes import ReasonCode
    assert all(r.reason is ReasonCode.SR for r in regions)


@pytest.mark.parametrize("name", ["rectangles_yes_2.pdf", "bad_cross_hatched_redactions.pdf"])
def test_fake_redactions_found(name):
    nd = normalise(file_src(XRAY / name))
    assert nd.forced_regions


@pytest.mark.parametrize("name", [
    "rectangles_no.pdf", "unfilled_rect.pdf", "whitespace_redactions.pdf", "multi_line_redaction_ok.pdf",
    "partial_intersections_ok.pdf", "no_bad_redactions.2.1.pdf", "no_bad_redactions.4.1.pdf",
    "no_bad_redactions.6.2.pdf",
])
def test_no_fake_redactions(name):
    nd = normalise(file_src(XRAY / name))
    assert nd.forced_regions == []


def test_fake_redaction_regions_remove_the_text_on_rotated_page():
    def build(d):
        p = d.new_page()
        p.insert_text((100, 100), "Hidden Person", fontsize=12)
        p.insert_text((100, 300), "Visible words", fontsize=12)
        p.draw_rect(pymupdf.Rect(98, 88, 200, 104), color=(0, 0, 0), fill=(0, 0, 0))
        p.set_rotation(90)
    nd = normalise(src("box.pdf", make_pdf(build)))
    assert len(nd.forced_regions) == 1
    with pymupdf.open("pdf", nd.pdf) as d:
        page = d[0]
        page.add_redact_annot(nd.forced_regions[0].rect)
        page.apply_redactions()
        text = page.get_text()
    assert "Hidden" not in text and "Visible words" in text


# ---------------------------------------------------------------- TXT


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1252", b""),
])
def test_txt_encodings(encoding, prefix):
    text = "12 March 2026\nDear Zoë Brontë,\nthe café owes £40 to Jane\nSmith.\n"
    nd = normalise(src("note.txt", prefix + text.encode(encoding)))
    out = pdf_text(nd.pdf)
    assert "Zoë Brontë" in out and "café owes £40" in out
    assert "Jane\nSmith" in out  # line breaks kept as written
    assert str(nd.date) == "2026-03-12"
    assert nd.original_format == "txt"


def test_txt_binary_refused():
    with pytest.raises(DocumentError, match="not in a readable encoding"):
        normalise(src("bin.txt", b"\x00\x01\x02\x81\x8d\x00binary" * 50))


def test_txt_long_lines_wrap_and_nothing_is_lost():
    token = "x" * 300
    nd = normalise(src("long.txt", f"start {token} end\n".encode()))
    out = pdf_text(nd.pdf).replace("\u200b", "").replace("\n", "").replace(" ", "")
    assert "start" + token + "end" in out


# ---------------------------------------------------------------- EML

EML = b"""From: Alice Sender <alice@example.org>
To: Bob Receiver <bob@example.org>
Cc: Carol Copy <carol@example.org>
Subject: Complaint about Dave Neighbour
Date: Tue, 10 Mar 2026 09:15:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XYZ"

--XYZ
Content-Type: multipart/alternative; boundary="ALT"

--ALT
Content-Type: text/plain; charset=utf-8

Plain body mentions Dave Neighbour.
--ALT
Content-Type: text/html; charset=utf-8

<html><head><style>p{color:red}</style><script>var secretScript=1;</script></head>
<body><p>Plain body mentions <b>Dave Neighbour</b>.</p></body></html>
--ALT--
--XYZ
Content-Type: text/plain; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"
Content-Transfer-Encoding: base64

QXR0YWNoZWQgbm90ZXMgYWJvdXQgRXZlIEV4YW1wbGU=
--XYZ
Content-Type: message/rfc822

From: Inner <inner@example.org>
Subject: Inner mail
Content-Type: text/plain

Inner body text.
--XYZ--
"""


def test_eml_headers_body_and_attachments():
    parent = src("mail/complaint.eml", EML)
    nd = normalise(parent)
    out = flat(pdf_text(nd.pdf))
    for s in ["Alice Sender", "alice@example.org", "Bob Receiver", "Carol Copy",
              "Complaint about Dave Neighbour", "10 Mar 2026", "Plain body mentions Dave Neighbour",
              "notes.txt"]:
        assert s in out, s
    assert "secretScript" not in out
    assert nd.title == "Complaint about Dave Neighbour"
    assert str(nd.date) == "2026-03-10"
    names = [a.name for a in nd.attachments]
    assert names[0] == "notes.txt" and names[1].endswith(".eml")
    assert nd.attachments[0].data == b"Attached notes about Eve Example"

    kids = attachment_sources(parent, nd)
    assert kids[0].source == "mail/complaint.eml#1/notes.txt"
    assert kids[0].doc_id == doc_id_for(kids[0].source)
    assert kids[0].parent == parent.doc_id
    assert kids[0].sha256 == hashlib.sha256(b"Attached notes about Eve Example").hexdigest()
    assert kids[0].path is None and kids[0].read_bytes() == b"Attached notes about Eve Example"
    # the attached email is a document of its own, and normalises
    inner = normalise(kids[1])
    assert "Inner body text." in pdf_text(inner.pdf)
    assert "Attached notes about Eve Example" in pdf_text(normalise(kids[0]).pdf)


def test_eml_html_only():
    eml = (b"From: a@example.org\nSubject: Html only\nContent-Type: text/html\n\n"
           b"<html><body><script>hidden()</script><p>Visit from Fiona Green</p><br>Next line</body></html>")
    out = pdf_text(normalise(src("h.eml", eml)).pdf)
    assert "Visit from Fiona Green" in out and "Next line" in out and "hidden()" not in out


def test_eml_html_differs_from_plain_both_shown():
    eml = (b"From: a@example.org\nSubject: x\nContent-Type: multipart/alternative; boundary=B\n\n"
           b"--B\nContent-Type: text/plain\n\nShort plain.\n--B\nContent-Type: text/html\n\n"
           b"<p>Short plain.</p><p>Extra html paragraph naming Gregory Hill and Harriet Stone plus more words</p>\n--B--\n")
    out = flat(pdf_text(normalise(src("d.eml", eml)).pdf))
    assert "Short plain." in out and "Gregory Hill" in out


def test_eml_malformed_recovers_or_refuses_cleanly():
    broken = (b"From: a@example.org\nSubject: Broken\nContent-Type: multipart/mixed; boundary=NOPE\n\n"
              b"--WRONG\nContent-Type: text/plain\n\nRecoverable text about Ian Wood\n"
              b"--WRONG\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n!!!notbase64$$$\n")
    try:
        nd = normalise(src("broken.eml", broken))
    except DocumentError:
        return
    assert "Ian Wood" in pdf_text(nd.pdf)
    bad64 = (b"From: a@example.org\nSubject: b64\nContent-Type: multipart/mixed; boundary=B\n\n--B\n"
             b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGVsbG8gd29y!!bGQ=\n--B--\n")
    normalise(src("b64.eml", bad64))  # must not crash


# ---------------------------------------------------------------- DOCX

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


from tests.format_fixtures import _p, zip_parts as _docx  # noqa: E402 - one DOCX part builder


def docx_parts() -> dict[str, str]:
    body = (
        _p("Case Review", "Heading1")
        + _p("Dated 3 February 2026")
        + '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold Kevin Lane</w:t></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r>'
        '<w:ins w:id="1" w:author="Tracker"><w:r><w:t>Inserted Laura Moss</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="Tracker"><w:r><w:delText>Deleted Martin Noble</w:delText></w:r></w:del>'
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r>'
        '<w:commentRangeStart w:id="0"/><w:r><w:t>commented words</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell Nora Oakes</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '<w:sdt><w:sdtPr/><w:sdtContent>' + _p("Control Oliver Pike") + '</w:sdtContent></w:sdt>'
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>'
        + _p("Textbox Paula Quinn") + '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        + _p("Textbox Paula Quinn") + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r></w:p>'
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        + _p("Vml box Rachel Stone") + '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'
        '<w:sectPr/>'
    )
    return {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0"?><w:document {W_NS}><w:body>{body}</w:body></w:document>',
        "word/styles.xml": f'<w:styles {W_NS}><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>',
        "word/header1.xml": f"<w:hdr {W_NS}>{_p('Header Sam Turner')}</w:hdr>",
        "word/header2.xml": f"<w:hdr {W_NS}>{_p('First page header Tina Upton')}</w:hdr>",
        "word/footer1.xml": f"<w:ftr {W_NS}>{_p('Footer Uma Vance')}</w:ftr>",
        "word/footer3.xml": f"<w:ftr {W_NS}>{_p('Even footer Victor Wells')}</w:ftr>",
        "word/footnotes.xml": f'<w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                              f'<w:footnote w:id="1">{_p("Footnote Wendy Xu")}</w:footnote></w:footnotes>',
        "word/endnotes.xml": f'<w:endnotes {W_NS}><w:endnote w:id="1">{_p("Endnote Yusuf Zane")}</w:endnote></w:endnotes>',
        "word/comments.xml": f'<w:comments {W_NS}><w:comment w:id="0" w:author="Corinne Author" w:date="2026-01-01T00:00:00Z">'
                             f'{_p("Comment text about Zack Adams")}</w:comment></w:comments>',
        "docProps/core.xml": '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                             'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Propauthor Hidden</dc:creator>'
                             '<cp:lastModifiedBy>Lastmod Hidden</cp:lastModifiedBy></cp:coreProperties>',
    }


def test_docx_every_hidden_place():
    nd = normalise(src("review.docx", _docx(docx_parts())))
    out = flat(pdf_text(nd.pdf))
    for s in ["Case Review", "Bold Kevin Lane", "Inserted Laura Moss", "Cell Nora Oakes", "Control Oliver Pike",
              "Textbox Paula Quinn", "Vml box Rachel Stone", "Header Sam Turner", "First page header Tina Upton",
              "Footer Uma Vance", "Even footer Victor Wells", "Footnote Wendy Xu", "Endnote Yusuf Zane",
              "Comments", "Corinne Author", "Comment text about Zack Adams"]:
        assert s in out, s
    assert "Martin Noble" not in out
    assert out.count("Textbox Paula Quinn") == 1  # AlternateContent not shown twice
    assert nd.extra_names == ["Corinne Author"]
    assert nd.title == "Case Review"  # no core title: first heading
    assert str(nd.date) == "2026-02-03"
    assert b"Propauthor" not in nd.pdf and b"Lastmod" not in nd.pdf
    assert "Propauthor" not in out and "Lastmod" not in out
    with pymupdf.open("pdf", nd.pdf) as d:
        assert not any(v for k, v in d.metadata.items() if k not in ("format", "encryption"))
        fonts = {f[3].split("+")[-1] for p in d for f in p.get_fonts()}
        assert all("DejaVu" in f for f in fonts), fonts


def test_docx_core_title_preferred():
    parts = docx_parts()
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
        "<dc:creator>", "<dc:title>Official Title</dc:title><dc:creator>")
    assert normalise(src("t.docx", _docx(parts))).title == "Official Title"


def test_docx_entity_expansion_refused():
    parts = docx_parts()
    parts["word/document.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        f'<w:document {W_NS}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    )
    with pytest.raises(DocumentError, match="unsafe XML"):
        normalise(src("bomb.docx", _docx(parts)))


def test_docx_zip_bomb_refused():
    parts = docx_parts()
    parts["word/media/big.bin"] = "\0" * (3 * 1024 * 1024)
    with pytest.raises(DocumentError, match=r"the DOCX expands to more than 2 MB"):
        normalise(src("bomb.docx", _docx(parts)), Limits(max_zip_member_bytes=2_000_000, max_zip_total_bytes=2_000_000))


@pytest.mark.parametrize("data", [b"not a zip at all", _docx({"foo.txt": "x"})])
def test_docx_invalid(data):
    with pytest.raises(DocumentError, match="not a valid Word document"):
        normalise(src("bad.docx", data))


def test_docx_real_example():
    nd = normalise(file_src(EXAMPLES / "Bold minimalist professional cover letter.docx"))
    out = flat(pdf_text(nd.pdf))
    assert "Dear Jozi Kos" in out and "someone@example.com" in out


def test_pdf_embedded_file_returned_as_attachment():
    def build(d):
        d.new_page().insert_text((72, 72), "Cover page")
        d.embfile_add("notes.txt", b"Embedded notes naming Quentin Reed", filename="notes.txt")
    parent = src("p.pdf", make_pdf(build))
    nd = normalise(parent)
    assert [a.name for a in nd.attachments] == ["notes.txt"]
    with pymupdf.open("pdf", nd.pdf) as d:
        assert d.embfile_count() == 0
    kid = attachment_sources(parent, nd)[0]
    assert kid.source == "p.pdf#1/notes.txt"
    assert "Quentin Reed" in pdf_text(normalise(kid).pdf)
