"""Detection round 23N: names by mechanism - a name that OCR read with figures for letters ("K. 0zturk-Baines",
"D0MINIK WR0BLEWSKI") is found by the same cues as a clean one; the requester's gender read from a third party's
role as the requester's husband or wife, before her first name's usual gender, so that "Mr <shared surname>" is
not given to her.

Blank spaCy pipeline (no NER): the rules on their own. Every name here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers.parties import requester_gender_from_roles
from recognizers.person_context import ocr_letters
from tests.detect_fixtures import blank_model_analyzer, people


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R23N", received=date(2026, 11, 23),
        requester=Party(name="Jamie Okonkwo-Reyes", role="receiving parent"),
        third_parties=[Party(name="Tobias Okonkwo-Reyes", role="paying parent (requester's ex-husband)"),
                       Party(name="Lionel Okonkwo-Reyes", role="paying parent's father")],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ---------------------------------------------------------------- OCR's figures inside a name

def test_ocr_letters_keeps_length_and_reads_noughts_and_ones():
    t = "K. 0zturk-Baines\nPayr0ll Administrat0r\nMr Ha1lam, D0MINIK"
    f = ocr_letters(t)
    assert len(f) == len(t)
    assert f == "K. Ozturk-Baines\nPayroll Administrator\nMr Hallam, DOMINIK"


def test_ocr_letters_leaves_codes_and_figures():
    t = "Postcode SW10 0AB, ref AB10XY, 1st visit at 10am, 01JAN26, 100mg, W1"
    assert ocr_letters(t) == t


def test_ocr_signature_over_office_is_found(analyzer):
    text = ("We c0nfirm the empl0yment dates set 0ut ab0ve.\n\nY0urs faithfully\n\n"
            "K. 0zturk-Baines\nPayr0ll Administrat0r\n")
    assert any("0zturk-Baines" in p for p in people(analyzer, text))


def test_ocr_capitals_name_in_prose_is_found(analyzer):
    text = ("Please n0te we als0 h0ld a rec0rd f0r an empl0yee with a similar name, D0MINIK WR0BLEWSKI, wh0 is n0t "
            "the pers0n y0u have asked ab0ut.\n")
    assert any("WR0BLEWSKI" in p for p in people(analyzer, text))


# ---------------------------------------------------------------- the requester's gender from a partner's role

def test_requester_gender_from_partner_role():
    assert requester_gender_from_roles(["paying parent (requester's ex-husband)"]) == "F"
    assert requester_gender_from_roles(["the requester's wife"]) == "M"
    assert requester_gender_from_roles(["paying parent's partner", "child"]) is None
    assert requester_gender_from_roles(["requester's husband", "requester's wife"]) is None  # they disagree


def test_titled_shared_surname_not_given_to_requester(analyzer):
    # the requester's first name is usually a man's in the gazetteer; her ex-husband's role says she is not a man
    text = ("From: Jamie Okonkwo-Reyes <jor@example.com>\nSubject: complaint\n\nName: Jamie Okonkwo-Reyes\n\n"
            "The letter you sent had my new address on it and was copied to Mr Okonkwo-Reyes. I am very worried.\n\n"
            "Jamie Okonkwo-Reyes\n")
    found = analyzer.analyze(text)
    hits = [f for f in found if f.entity_type == EntityType.PERSON and "Okonkwo-Reyes" in f.text]
    assert hits and all(f.party != PartyKind.REQUESTER for f in hits)


# ---------------------------------------------------------------- a title before a listed surname OCR misread

def _shared_surname_case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R23N-OCR", received=date(2026, 11, 23),
        requester=Party(name="Gregor Fairlie", role="paying parent"),
        third_parties=[Party(name="Isla Fairlie", role="receiving parent"),
                       Party(name="Hamish Dunbar", role="receiving parent's partner")],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _shared_surname_case())


def test_ocr_surname_with_title_is_settled_by_title(shared):
    text = ("0ur Client: Mrs Isla Fairlie\nPaying parent: Gregor Fairlie\n\n"
            "Mr Fairlie reduced his hours in January. We act on behalf of Mrs Fair1ie in this matter.\n")
    found = [f for f in shared.analyze(text) if f.entity_type == EntityType.PERSON and "Fair1ie" in f.text]
    assert found and all(f.party == PartyKind.THIRD_PARTY for f in found)


# ---------------------------------------------------------------- a statement's written-out faster payment, two initials

def test_statement_faster_payment_payee_with_two_initials(analyzer):
    text = ("Date      Description                          Money out   Money in   Balance\n"
            "04 Feb    FASTER PMT LOCKYER D M EXPENSES                   220.00     731.40\n"
            "09 Feb    FASTER PAYMENT K ABERNETHY REPAIRS      95.00                636.40\n"
            "12 Feb    FASTER PMT SUNNYDALE FARM SHOP          18.20                618.20\n")
    got = people(analyzer, text)
    assert "LOCKYER D M" in got and "K ABERNETHY" in got
    assert not any("SUNNYDALE" in p for p in got)
