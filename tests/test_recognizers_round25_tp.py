"""Detection round 25T: third parties' and unknown people's identifiers missed on the six read corpora of round 25
(eval_blind22-27): a street named alone, with no house number, where someone's home or things are placed on it.

Each test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

import pytest

from pipeline.codes import EntityType
from recognizers.address import AddressRecognizer

ADDRESS = EntityType.ADDRESS


def _addresses(text: str) -> list[str]:
    return [text[r.start:r.end] for r in AddressRecognizer().analyze(text, [ADDRESS.value])]


# ---------------------------------------------------- (i) a street named alone, cued as where someone lives or is
@pytest.mark.parametrize("text, street", [
    ("Caller says the letters keep going to that house on Pembery Lane, it belongs to his aunt.", "Pembery Lane"),
    ("Post goes missing at Wrenholt Mt so he wants it sent elsewhere.", "Wrenholt Mt"),
    ("somebody saw his van outside Quillon Rd again last night", "Quillon Rd"),
    ("18/04 RP says she has moved from Harrowgate Crescent. Noted.", "Harrowgate Crescent"),
    ("my sister can have them, shes at tarnley ave till 6", "tarnley ave"),
    ("they moved, to Dunmoor, somewhere near the park on oakhurst road", "oakhurst road"),
    ("POST FOR PP RETURNED FROM FELSTONE RD. NOT KNOWN THERE", "FELSTONE RD"),
    ("pick them up from Brackley Grove on Sunday, they're at her nan's", "Brackley Grove"),
])
def test_street_alone_where_a_home_is(text, street):
    assert street in _addresses(text)


@pytest.mark.parametrize("text, street", [
    ("He works at the car wash on Pembery Lane most days.", "Pembery Lane"),           # a business's street
    ("it's the big one on Quillon Rd, by the roundabout", "Quillon Rd"),              # no home cue
    ("The letters went to my old flat on Harrowgate Crescent.", "Harrowgate Crescent"),  # the writer's own
    ("I moved from Tarnley Avenue in May.", "Tarnley Avenue"),                         # the writer's own
    ("We will write to you at Brackley Grove from now on, she said.", "Brackley Grove"),  # the reader's own
    ("his van is parked at Felstone Road Motors", "Felstone Road"),                    # a business's name
])
def test_street_alone_not_a_home_or_the_writers(text, street):
    assert not any(street in a for a in _addresses(text))


# ------------------------------------- (ii) a vehicle a "he"/"she" has, kept as the writer's or the chat speaker's
from pipeline.codes import PartyKind  # noqa: E402
from tests.detect_fixtures import blank_model_analyzer, parents_case  # noqa: E402

VEHICLE = EntityType.UK_VEHICLE_REG


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    case = parents_case("T-R25T", "Orla Brennagh", "Casimir Vantongeren",
                        requester_addresses=("23 Pellow Street, Hexley, Dunmoor DN11 7QA",))
    return blank_model_analyzer(tmp_path_factory, case)


def _vehicles(analyzer, text):
    return [(f.text, f.party) for f in analyzer.analyze(text) if f.entity_type == VEHICLE]


@pytest.mark.parametrize("text", [
    "Dear Sir\n\nMr Casimir Vantongeren has moved out. I think he also has a car now, a grey Corsa WP19 KTA, I saw it at "
    "the gate.\n\nYours faithfully\nOrla Brennagh",
    "Casimir Vantongeren left in May.\n19:02 Orla Brennagh: hes just bought a new van, its parked outside every day. WP19 KTA if that helps",
])
def test_vehicle_a_he_has_is_not_the_writers(analyzer, text):
    got = _vehicles(analyzer, text)
    assert got and all(p != PartyKind.REQUESTER for _, p in got), got


# ------------------------------ (iv) a member of staff's direct line in an organisation's block, dropped as its line
PHONE = EntityType.PHONE_NUMBER


@pytest.mark.parametrize("text, number", [
    ("Thanks\nTamsin\n\nTamsin Gorrell\nWages Officer\nBrindlecombe Haulage Ltd\nUnit 9, Slate Wharf, Dunmoor DN4 2QA\n"
     "T: 01632 960 417 (direct) | 01632 960 400 (depot)\n", "01632 960 417"),
    ("PART 3 - ABOUT YOU\nName:      Tamsin Gorrell\nPosition:  Wages Officer\nCompany:   Brindlecombe Haulage Ltd\n"
     "Address:   Unit 9, Slate Wharf\n           Dunmoor  DN4 2QA\nTel:       01632 960 400  (direct: 01632 960 417)\n",
     "01632 960 417"),
])
def test_staff_direct_line_in_an_org_block(analyzer, text, number):
    assert number in [f.text for f in analyzer.analyze(text) if f.entity_type == PHONE]


# ------------------------- (ii)/(iv) a new phone a "he"/"she" has, kept as the chat speaker's or as an office's line
@pytest.mark.parametrize("text, number", [
    ("Casimir Vantongeren left in May.\n19:14 Orla Brennagh: and he has a new phone, 07700 900417, I dont know if you have it",
     "07700 900417"),
    ("Dear Ms Brennagh\n\nMr Vantongeren's address on our system may be out of date; he gave the office a new mobile, "
     "07700 900417, in June.\n\nYours sincerely\nHead of Year", "07700 900417"),
])
def test_new_phone_a_he_has(analyzer, text, number):
    got = [(f.text, f.party) for f in analyzer.analyze(text) if f.entity_type == PHONE]
    assert any(t == number and p != PartyKind.REQUESTER for t, p in got), got


# ----------------------- the requester's own street named alone stays hers (the bare-street rule above must not leak)
@pytest.mark.parametrize("text, street", [
    ("Dear Sir\n\nMs Brennagh has been under our care since 2024. I understand from her that a relative had\n"
     "attended her previous flat on Harrowgate Crescent unannounced.\n\nYours faithfully\nDr A Pell", "Harrowgate Crescent"),
    ("Dear Sir\n\nWe would point out that our client's children are settled, and that Ms Orla Brennagh\n"
     "moved from Harrowgate Crescent to Pellow Street last year.\n\nYours faithfully\nPell & Co", "Harrowgate Crescent"),
])
def test_requesters_own_street_alone_kept(analyzer, text, street):
    assert street not in [f.text for f in analyzer.analyze(text) if f.entity_type == ADDRESS]
