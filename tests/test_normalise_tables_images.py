"""Normalisation of CSV/XLSX tables and images (OCR)."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pymupdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.errors import DocumentError
from pipeline.limits import Limits
from tests.test_normalise import EXAMPLES, file_src, flat, pdf_text, src

FONT = str((Path(__file__).resolve().parent.parent / "pipeline" / "fonts" / "DejaVuSans.ttf"))


# ---------------------------------------------------------------- CSV


def test_csv_table():
    data = "Name;Phone;Note\nAnna Bell;01632 960001;first\nCarl Dunn;01632 960002;\"two; parts\"\n".encode("cp1252")
    nd = normalise_ok("people.csv", data)
    out = flat(pdf_text(nd.pdf))
    for s in ["Name", "Anna Bell", "01632 960001", "Carl Dunn", "two; parts"]:
        assert s in out, s
    assert nd.original_format == "csv"


def test_csv_row_cap_noted():
    data = ("a,b\n" + "".join(f"row{i},x\n" for i in range(50))).encode()
    out = flat(pdf_text(normalise_ok("big.csv", data, Limits(max_table_rows=10)).pdf))
    assert "row8" in out and "row20" not in out
    assert "41 more rows are not shown" in out


def test_csv_combined_case_notes_example():
    nd = normalise_ok_file(EXAMPLES / "combined_case_notes.csv")
    out = flat(pdf_text(nd.pdf))
    assert "Social Worker" in out and "Met with Alex at school" in out
    assert "Jane" in out and "Smith" in out


# ---------------------------------------------------------------- XLSX


def make_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(["Name", "Born", "Amount"])
    ws.append(["Diana Ember", dt.date(1990, 5, 17), 12.5])
    ws["D5"] = "=1+2"
    hidden = wb.create_sheet("Secret sheet")
    hidden.append(["Hidden Felix Grant"])
    hidden.sheet_state = "hidden"
    wb.properties.creator = "Workbook Creator"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_all_sheets():
    nd = normalise_ok("book.xlsx", make_xlsx())
    out = flat(pdf_text(nd.pdf))
    for s in ["Sheet: Contacts", "Diana Ember", "17/05/1990", "12.5", "Sheet: Secret sheet (hidden sheet)",
              "Hidden Felix Grant"]:
        assert s in out, s
    assert "Workbook Creator" not in out
    assert nd.original_format == "xlsx"


def test_xlsx_invalid():
    with pytest.raises(DocumentError, match="not a valid Excel workbook"):
        normalise_ok("bad.xlsx", b"PK\x03\x04 garbage")


def test_xlsx_zip_bomb():
    with pytest.raises(DocumentError, match="the XLSX expands to more than"):
        normalise_ok("b.xlsx", make_xlsx(), Limits(max_zip_total_bytes=1000))


# ---------------------------------------------------------------- images


def text_image(lines: list[str], size=(900, 260)) -> Image.Image:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    for i, line in enumerate(lines):
        draw.text((30, 30 + 60 * i), line, fill="black", font=font)
    return img


@pytest.mark.parametrize("ext,fmt", [("png", "PNG"), ("jpg", "JPEG")])
def test_image_ocr(ext, fmt):
    buf = io.BytesIO()
    text_image(["Letter from Harold Baker", "Phone 01632 960123"]).save(buf, fmt, dpi=(200, 200))
    nd = normalise_ok(f"scan.{ext}", buf.getvalue())
    out = flat(pdf_text(nd.pdf))
    assert "Harold Baker" in out and "01632 960123" in out
    assert nd.ocr_pages == [0]
    assert nd.original_format == ext


def test_multipage_tiff():
    frames = [text_image(["Page one Irene Cole"], (800, 120)), text_image(["Page two Jack Doyle"], (800, 120))]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], dpi=(200, 200))
    nd = normalise_ok("multi.tiff", buf.getvalue())
    assert nd.ocr_pages == [0, 1]
    with pymupdf.open("pdf", nd.pdf) as d:
        assert d.page_count == 2
        assert "Irene Cole" in d[0].get_text() and "Jack Doyle" in d[1].get_text()


def png_header_claiming(w: int, h: int) -> bytes:
    import struct
    import zlib

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")


def test_image_bomb_refused_before_decoding():
    with pytest.raises(DocumentError, match=r"the image is too large \(\d+ million pixels\)|the image is too large"):
        normalise_ok("bomb.png", png_header_claiming(60000, 60000))


def test_image_over_custom_pixel_limit():
    buf = io.BytesIO()
    Image.new("L", (200, 200), 255).save(buf, "PNG")
    with pytest.raises(DocumentError, match=r"the image is too large \(0 million pixels\)"):
        normalise_ok("s.png", buf.getvalue(), Limits(max_image_pixels=30000))


def test_damaged_image():
    with pytest.raises(DocumentError, match="image is damaged"):
        normalise_ok("x.jpg", b"\xff\xd8\xff\xe0 this is not really a jpeg")


def test_complaint_letter_example_ocr():
    nd = normalise_ok_file(EXAMPLES / "example_complaint_letter.jpg")
    out = flat(pdf_text(nd.pdf))
    for s in ["Jane Doe", "Mark Smith", "123 Main Street", "123-456-7890"]:
        assert s in out, s


# ---------------------------------------------------------------- helpers


def normalise_ok(name: str, data: bytes, limits: Limits | None = None):
    from pipeline.normalise import normalise

    return normalise(src(name, data)) if limits is None else normalise(src(name, data), limits)


def normalise_ok_file(path: Path):
    from pipeline.normalise import normalise

    return normalise(file_src(path))
