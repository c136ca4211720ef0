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
                  addresses=("2 Comiston Drive, Edinburgh, EH10 5QR", "Flat 4, 9 St John's Road, Leith")),
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


# ---------------------------------------------------------------------- bank details
@pytest.mark.parametrize("text,values", [
    ("Bank account for payments:\n  Sort code   77 - 14 - 90\n  Account     6611 0473\n", ["77 - 14 - 90", "6611 0473"]),
    ("Her account for receiving payments is now 771490-66110473 (Nationwide).", ["771490", "66110473"]),
    ("His bank details for refunds: s/c 207164 a/c 53018822.", ["207164", "53018822"]),
    ("Payee details given as 80 22 60 / 39904417 by phone.", ["80 22 60", "39904417"]),
    ("TFR TO K PRICE 20-32-58 7123 4560", ["20-32-58", "7123 4560"]),
])
def test_bank_layouts(analyzer, text, values):
    got = " | ".join(found(analyzer, text, EntityType.BANK_DETAILS))
    for v in values:
        assert v in got, (v, got)


def test_legacy_reference_is_not_an_account(analyzer):
    text = "Her old CSA number was 1207 3345 9990 on the letters."
    assert not found(analyzer, text, EntityType.BANK_DETAILS)


def test_split_account_needs_a_sort_code_or_label(analyzer):
    assert not found(analyzer, "Meeting room 1207 4410 is booked.", EntityType.BANK_DETAILS)


# ---------------------------------------------------------------------- dates of birth
@pytest.mark.parametrize("text,value", [
    ("About the other parent\n  Date of birth ................. 04/09/1977\n", "04/09/1977"),
    ("Date of birth ________ 21/08/1985", "21/08/1985"),
    ("D.O.B. 12/03/1985", "12/03/1985"),
    ("Her date of birth: 04 / 09 / 1977", "04 / 09 / 1977"),
])
def test_dob_forms(analyzer, text, value):
    assert value in found(analyzer, text, EntityType.DATE_OF_BIRTH)


def test_dotted_leader_without_birth_cue_is_not_a_dob(analyzer):
    assert not found(analyzer, "Date received ................. 04/09/2025", EntityType.DATE_OF_BIRTH)


@pytest.mark.parametrize("text,value", [
    ("Postcode given by the RP: EH105QR.", "EH105QR"),           # a postcode listed on a line of its own
    ("His other flat is at 9 St Johns Rd, Leith.", "9 St Johns Rd"),  # without the apostrophe, abbreviated
    ("Try St John’s Road as well.", "St John’s Road"),
])
def test_listed_address_more_forms(analyzer, text, value):
    got = " | ".join(_tp(analyzer, text, EntityType.ADDRESS) + _tp(analyzer, text, EntityType.UK_POSTCODE))
    assert value in got, got


# ---------------------------------------------------------------------- case references of others
def _tp_refs(analyzer, text):
    return [f.text for f in analyzer.analyze(text)
            if f.entity_type == EntityType.CASE_REFERENCE and f.party == PartyKind.THIRD_PARTY]


@pytest.mark.parametrize("text,value", [
    ("For the avoidance of doubt my client's CMS reference is CMS-2025-300129.", "CMS-2025-300129"),
    ("Payment reference CMS2025300129 on the statement.", "CMS2025300129"),
    ("Case ref: CMS - 2025 - 300129", "CMS - 2025 - 300129"),
    ("You have got his case as 441022876649 on the letter you sent me.", "441022876649"),
    ("Her old CSA case number 4410-2287-6649 is closed.", "4410-2287-6649"),
])
def test_unlisted_reference_is_the_other_parents(analyzer, text, value):
    assert value in _tp_refs(analyzer, text)


def test_requesters_own_reference_stays(analyzer):
    text = "Your reference: CMS-2025-300111 (CMS 2025 300111)."
    assert not [f for f in analyzer.analyze(text) if f.entity_type == EntityType.CASE_REFERENCE]


@pytest.mark.parametrize("text", [
    "Magistrates' Court claim no. 4410 2287 6649 was listed.",
    "Invoice 441022876649 is overdue.",
])
def test_other_twelve_digit_numbers_are_not_the_other_parents(analyzer, text):
    assert not [f for f in analyzer.analyze(text) if f.recognizer == "PartyOtherReferenceRecognizer"]


# ---------------------------------------------------------------------- generic identifier shapes
@pytest.mark.parametrize("text,et,value", [
    ("Her partner's own case is CMS/2024/551234.", EntityType.CASE_REFERENCE, "CMS/2024/551234"),
    ("Old CSA case number 5521-0087-3319 for her new partner.", EntityType.CASE_REFERENCE, "5521-0087-3319"),
    ("His driving licence number is MORGA 753116 SM9IJ.", EntityType.UK_DRIVING_LICENCE, "MORGA 753116 SM9IJ"),
    ("Licence: MORGA-753116-SM-9IJ", EntityType.UK_DRIVING_LICENCE, "MORGA-753116-SM-9IJ"),
    ("her boyfriend's car reg is kx19 plm i think", EntityType.UK_VEHICLE_REG, "kx19 plm"),
])
def test_generic_identifier_shapes(analyzer, text, et, value):
    assert value in found(analyzer, text, et), analyzer.analyze(text)


def test_lower_case_registration_needs_a_vehicle_word(analyzer):
    assert not found(analyzer, "see you at ab12 cde tomorrow", EntityType.UK_VEHICLE_REG)


def test_card_number_is_not_a_legacy_reference(analyzer):
    assert not found(analyzer, "Card 4929-1234-5678-9012 was used.", EntityType.CASE_REFERENCE)


# ---------------------------------------------------------------------- more shapes
def _case2() -> CaseRecord:
    return CaseRecord(
        case_id="T-R7b", received=date(2026, 8, 1),
        requester=Party(name="Quentin Harrowgate", role="paying parent"),
        third_parties=[Party(name="Tamsin Quarrie", role="receiving parent",
                             addresses=("5 The Paddocks, Wixford, B49 6DR",))],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer2(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case2())


def test_street_without_street_word(analyzer2):
    assert "The Paddocks" in _tp(analyzer2, "She moved back to The Paddocks last year.", EntityType.ADDRESS)
    assert not _tp(analyzer2, "we walked past the paddocks", EntityType.ADDRESS)


@pytest.mark.parametrize("text,et,value", [
    ("she said her new address postcode is mk40 3sj", EntityType.UK_POSTCODE, "mk40 3sj"),
    ("Sort code: 20.71.64, account 53018822", EntityType.BANK_DETAILS, "20.71.64"),
    ("Date of birth: 15 March 87", EntityType.DATE_OF_BIRTH, "15 March 87"),
])
def test_more_generic_shapes(analyzer, text, et, value):
    assert value in found(analyzer, text, et), analyzer.analyze(text)


def test_lower_case_postcode_needs_an_address_word(analyzer):
    assert not found(analyzer, "ok so mk40 3sj it is", EntityType.UK_POSTCODE)


def test_two_digit_year_is_not_a_time(analyzer):
    assert not found(analyzer, "Date of birth check booked for 3 May 12:30", EntityType.DATE_OF_BIRTH)


@pytest.mark.parametrize("text,et,value", [
    ("Her new address is 4 Mill Lane, Wixford QA1 4CK.", EntityType.UK_POSTCODE, "QA1 4CK"),
    ("His driving licence: SMITH823456AB1CD", EntityType.UK_DRIVING_LICENCE, "SMITH823456AB1CD"),
    ("Her boyfriend's van, registration ZQ19 XBC, was outside.", EntityType.UK_VEHICLE_REG, "ZQ19 XBC"),
])
def test_shapes_outside_the_issued_ranges(analyzer, text, et, value):
    assert value in found(analyzer, text, et), analyzer.analyze(text)


def test_licence_shape_needs_a_licence_word(analyzer):
    assert not found(analyzer, "Order SMITH823456AB1CD shipped.", EntityType.UK_DRIVING_LICENCE)


# ---------------------------------------------------------------------- speed: word prefilter
def test_address_prefilter_changes_nothing():
    """A listed address pattern is skipped on a document with none of its key words: same spans as
    running every pattern, over the dev cases."""
    from pipeline.case_store import list_case_ids, load_case
    from recognizers.parties import PartyMatcher

    corpus = Path(__file__).resolve().parents[1] / "sample_docs" / "eval_holdout"
    checked = 0
    for case_id in list_case_ids(corpus):
        case = load_case(corpus, case_id)
        pm = PartyMatcher(case)
        full = PartyMatcher(case)
        full._rx_keys = {}
        for doc in sorted((case.root / "documents").glob("*.txt")):
            text = doc.read_text(encoding="utf-8")
            key = lambda s: (s.start, s.end, s.party, s.entity_type)  # noqa: E731
            assert sorted(map(key, pm.match(text))) == sorted(map(key, full.match(text))), doc
            checked += 1
    assert checked >= 8


def test_other_street_words(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R7c", received=date(2026, 8, 1),
        requester=Party(name="Quentin Harrowgate", role="paying parent"),
        third_parties=[Party(name="Tamsin Quarrie", role="receiving parent",
                             addresses=("12 Marlborough Heights, Hexham NE46 1AA",))],
        root=Path("."),
    )
    an = blank_model_analyzer(tmp_path_factory, case)
    assert "12 Marlborough" in _tp(an, "She is not at 12 Marlborough now.", EntityType.ADDRESS)
    assert any("Marlborough Hts" in v for v in _tp(an, "Post returned from Marlborough Hts.", EntityType.ADDRESS))


# ---------------------------------------------------------------------- unlisted streets after a cue
@pytest.mark.parametrize("text,value", [
    ("Her new partner has moved to Orchard Close last month.", "Orchard Close"),
    ("They are staying at Church Walk, Kempston.", "Church Walk, Kempston"),
    ("she lives at 4 mill lane now with him", "4 mill lane"),
])
def test_street_after_address_cue(analyzer, text, value):
    assert value in found(analyzer, text, EntityType.ADDRESS)


@pytest.mark.parametrize("text", [
    "The meeting is now at Victoria Park Road.",
    "He moved the Ford Focus to the car park.",
    "they live in 3 different houses on the road",
    "I still live at Dalkeith Road with the children.",   # the requester's own listed street
])
def test_no_cued_street(analyzer, text):
    assert not found(analyzer, text, EntityType.ADDRESS)


def test_dob_in_a_table_column(analyzer):
    text = ("Name              DOB           NI number\n"
            "Kevin Dorrell     04/09/1977    JT480217C\n"
            "Anna Pellow       12/11/1990    JT480218D\n")
    got = found(analyzer, text, EntityType.DATE_OF_BIRTH)
    assert "04/09/1977" in got and "12/11/1990" in got


def test_date_in_another_column_is_not_a_dob(analyzer):
    text = ("Name              DOB           Date received\n"
            "Kevin Dorrell     04/09/1977    12/05/2026\n")
    assert "12/05/2026" not in found(analyzer, text, EntityType.DATE_OF_BIRTH)


def test_requesters_reference_with_en_dashes_stays(analyzer):
    assert not found(analyzer, "Your ref CMS–2025–300111.", EntityType.CASE_REFERENCE)


@pytest.mark.parametrize("line", ["Payments: I pay from Monzo, sort 04-00-04 acc 5118 4402. Please\n",
                                  "I pay from Monzo, sort 04-00-04 acc 5118 4402. Please\n"])
def test_a_first_person_sentence_at_the_start_of_a_line_is_the_authors(analyzer, line):
    """A line of its own (after a blank line) saying 'I pay from ...' in the requester's signed
    form is the requester's account: a sentence starts there."""
    text = ("RECONSIDERATION REQUEST\n\nWhy do you think the decision is wrong?\nThe calculation uses my old "
            "wage. Ysolde Marchbank still lives in the old house.\n\n" + line
            + "do not use the old joint account, that is closed.\n\nSigned: Quentin Harrowgate\n")
    assert not found(analyzer, text, EntityType.BANK_DETAILS)
    assert found(analyzer, text, EntityType.PERSON) == ["Ysolde Marchbank"]


def test_a_wrapped_line_does_not_start_a_sentence():
    from recognizers.attribution import _sentence_starts_at

    text = "Ysolde said the account that\nI pay into is 04-00-04.\n\nI pay from 04-00-04.\nPayments: x"
    second = text.index("I pay into")
    assert not _sentence_starts_at(text, second, second)
    third = text.index("I pay from")
    assert _sentence_starts_at(text, third, third)
    assert _sentence_starts_at(text, text.index("Payments"), text.index("Payments"))
    assert _sentence_starts_at(text, 0, 0)
