"""Detection round 7: a listed party's address written differently from case.json (street word
abbreviated, the street alone, the house number with the street's name only), bank details in
more layouts, dates of birth after dotted form leaders, case references and licences in more
layouts.

Blank spaCy pipeline (no NER). Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, found


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R7", received=date(2026, 8, 1),
        requester=Party(name="Quentin Harrowgate", role="paying parent",
                        case_references=("CMS-2025-300111",),
                        addresses=("Flat 1/2, 48 Dalkeith Road, Edinburgh EH16 5BS",)),
        third_parties=[
            Party(name="Ysolde Marchbank", role="receiving parent",
                  addresses=("33 Broadwater Crescent, Stevenage SG2 8EH",)),
            Party(name="Oriel Marchbank", role="receiving parent's father",
                  addresses=("2 Comiston Drive, Edinburgh EH10 5QR",)),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _tp(analyzer, text, et):
    return [f.text for f in analyzer.analyze(text) if f.entity_type == et and f.party != PartyKind.REQUESTER]


# ---------------------------------------------------------------------- addresses of listed parties
@pytest.mark.parametrize("text,value", [
    ("Please do not call at Broadwater Cres again.", "Broadwater Cres"),
    ("Her father lives in Comiston Dr. and will not answer.", "Comiston Dr"),
    ("He is not at 33 Broadwater anymore, the house is empty.", "33 Broadwater"),
    ("Last known: 33 Broadwater Cres, Stevenage.", "33 Broadwater Cres"),
])
def test_listed_address_other_forms(analyzer, text, value):
    assert any(value in v for v in _tp(analyzer, text, EntityType.ADDRESS)), analyzer.analyze(text)


def test_requester_address_abbreviated_stays(analyzer):
    text = "You say he has been watching the flat at 48 Dalkeith Rd. My client denies this."
    assert not [f for f in analyzer.analyze(text) if "Dalkeith" in f.text]


def test_house_number_form_needs_the_capitalised_name(analyzer):
    # the name-only form is case-sensitive: "33 broadwater" in running lower-case text is not matched by it
    assert not any(v == "33 broadwater" for v in found(analyzer, "we had 33 broadwater pipes fitted", EntityType.ADDRESS))
