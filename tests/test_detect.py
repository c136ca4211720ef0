from datetime import date
from pathlib import Path

import pymupdf
import pytest
import spacy

from pipeline.codes import EntityType, PartyKind
from pipeline.detect import detect_pages
from pipeline.extract import page_text
from pipeline.models import CaseRecord, Party, Suggestion
from recognizers import DetectSettings, build_analyzer


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    path = tmp_path_factory.mktemp("m") / "blank"
    spacy.blank("en").to_disk(path)
    case = CaseRecord("T-2", date(2026, 1, 1), Party("Dean Okonkwo"), [Party("Maria Okonkwo", phones=("07700 900456",))], Path("."))
    return build_analyzer(case, DetectSettings(spacy_model=str(path)))


def test_detect_pages_rects_from_real_pdf_page(analyzer):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Dean Okonkwo wrote about Maria Okonkwo.", fontsize=11)
    page.insert_text((72, 90), "Her mobile is 07700 900456.", fontsize=11)
    pt = page_text(page)
    sugg = detect_pages(analyzer, "dabc", [pt])
    kinds = sorted((s.entity_type, s.text) for s in sugg)
    assert kinds == [(EntityType.PERSON, "Maria Okonkwo"), (EntityType.PHONE_NUMBER, "07700 900456")]
    for s in sugg:
        assert s.party == PartyKind.THIRD_PARTY and s.rects and s.page == 0
        assert s.id == Suggestion.make_id("dabc", 0, s.start, s.end, str(s.entity_type), s.text)
        x0, y0, x1, y1 = s.rects[0]
        hit = page.get_textbox(pymupdf.Rect(x0, y0, x1, y1))
        assert s.text.split()[0][:3] in hit


def test_detect_pages_extra_names(analyzer):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Reviewed by Xavi Thornbury.", fontsize=11)
    sugg = detect_pages(analyzer, "d1", [page_text(page)], extra_names=["Xavi Thornbury"])
    assert [s.text for s in sugg] == ["Xavi Thornbury"]
