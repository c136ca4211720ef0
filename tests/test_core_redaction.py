"""Extract -> redact -> verify on hand-made PDFs: the text under a box is gone from the file."""
from __future__ import annotations

import pymupdf
import pytest

from pipeline.extract import extract_pages
from pipeline.redact import Box, redact_pdf
from pipeline.sanitise import prepare
from pipeline.verify import value_pattern, verify_pdf, xray_check
from tests.pdfs import raw_bytes, text_pdf

SECRET = "Dean Okafor"


def _boxes_for(pdf: bytes, value: str, label: str = "TP") -> list[Box]:
    boxes = []
    for pt in extract_pages(pdf):
        start = 0
        while (i := pt.text.find(value, start)) >= 0:
            boxes += [Box(pt.page, r, label) for r in pt.span_rects(i, i + len(value))]
            start = i + 1
    return boxes


def test_char_boxes_match_pymupdf_search():
    pdf = text_pdf(["Letter about Dean Okafor and his arrears."])
    pt = extract_pages(pdf)[0]
    i = pt.text.index(SECRET)
    (r,) = pt.span_rects(i, i + len(SECRET))
    with pymupdf.open(stream=pdf) as doc:
        (hit,) = doc[0].search_for(SECRET)
    assert abs(r[0] - hit.x0) < 1 and abs(r[2] - hit.x1) < 1


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_redaction_removes_text_on_rotated_pages(rotation):
    pdf = text_pdf(["Paying parent: Dean Okafor", "Receiving parent: Sarah Whitfield"], rotation=rotation)
    out = redact_pdf(pdf, _boxes_for(pdf, SECRET))
    with pymupdf.open(stream=out) as doc:
        text = doc[0].get_text()
        assert doc[0].rotation == rotation
    assert SECRET not in text and "Okafor" not in text
    assert "Sarah Whitfield" in text and "Paying parent" in text
    assert b"Okafor" not in raw_bytes(out)
    assert "TP" in text  # the reason label is printed in the box


def test_redaction_on_offset_cropbox():
    pdf = text_pdf(["x", "x", "x", "Contact Dean Okafor on Tuesday"], cropbox=(30, 60, 500, 700))
    out = redact_pdf(pdf, _boxes_for(pdf, SECRET))
    with pymupdf.open(stream=out) as doc:
        text = doc[0].get_text()
    assert "Okafor" not in text and "Contact" in text and "Tuesday" in text


def test_image_pixels_and_vector_graphics_under_box_are_removed():
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 100, 40), False)
    pix.set_rect(pix.irect, (10, 10, 10))  # a dark image
    page.insert_image(pymupdf.Rect(100, 100, 300, 180), pixmap=pix)
    page.draw_rect(pymupdf.Rect(320, 100, 360, 140), color=(1, 0, 0), fill=(1, 0, 0))
    pdf = doc.tobytes()
    box = Box(0, (150, 110, 250, 170), "TP")
    vbox = Box(0, (315, 95, 365, 145), "TP")
    out = redact_pdf(pdf, [box, vbox])
    with pymupdf.open(stream=out) as d:
        pg = d[0]
        # The image is still there but the pixels under the box are blanked (not just covered).
        img_xref = pg.get_images()[0][0]
        ipix = pymupdf.Pixmap(d, img_xref)
        mid = ipix.pixel(ipix.width // 2, ipix.height // 2)
        assert mid != (10, 10, 10)
        assert not any(p["fill"] == (1.0, 0.0, 0.0) for p in pg.get_drawings())


def test_verify_finds_a_surviving_value_and_passes_after_redaction():
    pdf = text_pdf(["Call Dean Okafor", "Mr Okafor's phone is 07700 900123"])
    values = {SECRET, "07700 900123"}
    bad = verify_pdf(pdf, values, label="doc")
    assert not bad.ok and all("Okafor" not in p for p in bad.problems)
    out = redact_pdf(pdf, _boxes_for(pdf, SECRET) + _boxes_for(pdf, "07700 900123"))
    assert verify_pdf(out, values, label="doc").ok
    assert xray_check(out, label="doc") == []


def test_value_pattern_keeps_ordinary_words():
    pat = value_pattern({"Mark", "Dean Okafor"})
    assert pat.search("Mark called") and pat.search("MARK")
    assert not pat.search("please mark the form") and not pat.search("Markham")
    assert pat.search("DEAN\nOKAFOR")


def test_prepare_bakes_annotations_and_drops_hidden_parts():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Case note", fontsize=11)
    annot = page.add_freetext_annot(pymupdf.Rect(72, 100, 300, 130), "Note about Dean Okafor")
    annot.update()
    page.add_text_annot((72, 200), "Sticky note naming Priya Raman")
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 60, 150, 75), "uri": "https://example.org"})
    w = pymupdf.Widget()
    w.field_name, w.field_type, w.field_value = "who", pymupdf.PDF_WIDGET_TYPE_TEXT, "Mr Okafor"
    w.rect = pymupdf.Rect(72, 300, 300, 320)
    page.add_widget(w)
    doc.embfile_add("secret.txt", b"Okafor bank details")
    doc.set_metadata({"author": "Dean Okafor", "title": "Okafor file"})
    doc.set_xml_metadata("<x>Okafor</x>")
    prepared = prepare(doc.tobytes())
    text = extract_pages(prepared)[0].text
    assert "Dean Okafor" in text  # the visible annotation text is now page text, so it is detected
    out = redact_pdf(prepared, _boxes_for(prepared, "Dean Okafor") + _boxes_for(prepared, "Mr Okafor"))
    rep = verify_pdf(out, {"Okafor"}, label="doc")
    assert rep.ok, rep.problems
    assert b"Okafor" not in raw_bytes(out)
    assert b"Raman" not in raw_bytes(out)


@pytest.mark.parametrize("rotation", [0, 90, 270])
def test_fast_apply_matches_pymupdfs_own_redaction(rotation):
    """``redact._apply`` (MuPDF's calls without PyMuPDF's per-annotation bookkeeping) removes
    exactly what ``add_redact_annot`` + ``apply_redactions`` removes, and leaves a black box."""
    from pipeline.redact import _apply

    doc = pymupdf.open()
    page = doc.new_page()
    for i in range(12):
        page.insert_text((40, 60 + 20 * i), f"Dean Okafor line {i} beside Mark Twain and Ann Lee", fontsize=11)
    page.draw_rect(pymupdf.Rect(300, 300, 340, 340), color=(0, 0, 1), fill=(0, 0, 1))
    page.set_rotation(rotation)
    pdf = doc.tobytes()
    boxes = []
    for pt in extract_pages(pdf):
        for name in ("Dean Okafor", "Ann Lee"):
            i = pt.text.find(name)
            while i >= 0:
                boxes += pt.span_rects(i, i + len(name))
                i = pt.text.find(name, i + 1)
    boxes.append((295, 295, 345, 345))  # covers the drawn square
    assert len(boxes) >= 24

    ours, theirs = pymupdf.open(stream=pdf), pymupdf.open(stream=pdf)
    _apply(ours[0], [pymupdf.Rect(r) for r in boxes])
    for r in boxes:
        theirs[0].add_redact_annot(pymupdf.Rect(r), fill=(0, 0, 0), cross_out=False)
    theirs[0].apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                               graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
                               text=pymupdf.PDF_REDACT_TEXT_REMOVE)
    text = ours[0].get_text()
    assert text == theirs[0].get_text()
    assert "Okafor" not in text and "Ann Lee" not in text and "Mark Twain" in text
    assert not list(ours[0].annots())
    assert not ours[0].get_drawings() or all(d["fill"] != (0.0, 0.0, 1.0) for d in ours[0].get_drawings())
    # every box is black in the rendering (unrotated space, as the boxes are given)
    ours[0].set_rotation(0)
    pix = ours[0].get_pixmap(dpi=72)
    for r in boxes:
        cx, cy = int((r[0] + r[2]) / 2), int((r[1] + r[3]) / 2)
        assert pix.pixel(cx, cy) == (0, 0, 0)


def test_label_outside_the_subset_font_uses_the_whole_font():
    from pipeline import redact

    assert not redact._needs_full_font({"TP", "SR"})
    assert redact._needs_full_font({"TP", "Tp"})
    pdf = text_pdf(["Dean Okafor wrote to Mark"])
    pt = extract_pages(pdf)[0]
    i = pt.text.find("Dean Okafor")
    for label in ("TP", "x9"):
        out = redact_pdf(pdf, [Box(0, r, label) for r in pt.span_rects(i, i + 11)])
        page = pymupdf.open(stream=out)[0]
        assert "Okafor" not in page.get_text() and label in page.get_text()
