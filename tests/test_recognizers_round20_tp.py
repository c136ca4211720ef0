"""Detection round 20T: organisations' contact details in letterheads, footers and form sections kept (a person's
own mobile or direct line stays personal data), and listed third parties' details in other layouts.

Each test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind, ReasonCode
from pipeline.models import CaseRecord, Finding, Party
from recognizers.organisations import org_name_spans
from recognizers.refine import is_org_contact, org_spans
from tests.detect_fixtures import blank_model_analyzer, parents_case

PHONE, ADDRESS, POSTCODE, EMAIL = (EntityType.PHONE_NUMBER, EntityType.ADDRESS, EntityType.UK_POSTCODE,
                                   EntityType.EMAIL_ADDRESS)


def _case() -> CaseRecord:
    return parents_case("T-R20", "Orla Brennagh", "Casimir Vantongeren",
                        requester_addresses=("23 Pellow Street, Hexley, Dunmoor DN11 7QA",))


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _f(text: str, value: str, et=PHONE) -> Finding:
    s = text.index(value)
    return Finding(s, s + len(value), et, "R", 0.6, PartyKind.UNKNOWN, ReasonCode.TP, False, value)


def _span(text: str, value: str) -> tuple[int, int]:
    s = text.index(value)
    return (s, s + len(value))


def _org(text: str, value: str, et=PHONE, people=(), org_contacts=()) -> bool:
    """refine.is_org_contact as refine_findings calls it (organisations' names from org_spans)."""
    people = [_span(text, p) for p in people]
    return is_org_contact(text, _f(text, value, et), org_spans(text, org_name_spans(text)), people,
                          [_span(text, v) for v in org_contacts])


# ---------------------------------------------------------------- a letterhead's contact line, past its first value
LETTERHEAD = ("[page scanned - OCR text, 1 of 2]\n\nQUAYSIDE TILE & STONE\n"
              "Bay 4 Harrow Wharf, Dunmoor DN4 2LL   Tel 01632 961 204\n\nTo whom it may concern\n")


def test_letterhead_contact_line_after_a_scanner_note():
    # refine._document_letterhead: the scanner's bracketed note is not the page's head; a value further along
    # the letterhead's contact line (organisations.contact_line_only) is the organisation's too
    assert _org(LETTERHEAD, "01632 961 204")
    assert _org(LETTERHEAD, "DN4 2LL", POSTCODE)


def test_letterhead_line_with_a_sentence_is_not_a_contact_line():
    text = "QUAYSIDE TILE & STONE\nOur fitter says he lives at 4 Harrow Wharf, ring 01632 961 204\n"
    assert not _org(text, "01632 961 204")


# ---------------------------------------------------------------- a footer line of an organisation's contacts
FOOTER = ("Closing balance 412.10\n\n"
          "Customer care: 0161 496 0733   Ashgrove House, Tanner Row, Dunmoor DN2 8PU\n")


def test_footer_contact_line_with_an_organisation_label():
    # refine._contact_line_of_org: a line of contacts only, labelled as an organisation's ("Customer care")
    assert _org(FOOTER, "DN2 8PU", POSTCODE)


def test_contact_line_in_a_persons_signature_or_a_mobile_stays_personal():
    from recognizers.refine import _contact_line_of_org
    text = ("Regards\nIlse Marchetti | Rota Clerk | Dunmoor Infirmary\n"
            "Switchboard 0161 496 0700 | Ashgrove House, Tanner Row, Dunmoor DN2 8PU\n")
    f = _f(text, "DN2 8PU", POSTCODE)
    ls = text.rfind("\n", 0, f.start) + 1
    assert not _contact_line_of_org(text, f, ls, [_span(text, "Ilse Marchetti")], [])
    assert _contact_line_of_org(text, f, ls, [], [])
    text = "Ashgrove House, Tanner Row, Dunmoor DN2 8PU   M: 07700 900 416\n"
    f = _f(text, "07700 900 416")
    assert not _contact_line_of_org(text, f, 0, [], [_span(text, "DN2 8PU")])


# ---------------------------------------------------------------- a form's section for the helping organisation
FORM = ("SECTION 6 - SOMEONE HELPING YOU\n"
        "Name:            Teodor Halvorsen\n"
        "Organisation:    Dunmoor Welfare Rights\n"
        "Address:         Bay 2, Mill Yard, Dunmoor   Postcode: DN3 4RT\n"
        "Phone:           01632 961 550\n\n")


def test_helper_form_section_landline_and_address_are_the_organisations():
    # organisations.helper_form_org_contact: the "Organisation" field makes the section's address and landline its own
    assert _org(FORM, "01632 961 550", people=["Teodor Halvorsen"])
    assert _org(FORM, "DN3 4RT", POSTCODE, people=["Teodor Halvorsen"])


def test_helper_heading_and_organisation_in_brackets():
    text = ("PART 4 - SOMEONE HELPING YOU\n"
            "Name        Wren Tallis (family support worker, Dunmoor Family Service)\n"
            "Phone       0161 496 0581\n")
    assert _org(text, "0161 496 0581", people=["Wren Tallis"])


def test_helper_form_mobile_or_direct_line_stays_personal():
    mob = FORM.replace("01632 961 550", "07700 900 551")
    assert not _org(mob, "07700 900 551", people=["Teodor Halvorsen"])
    direct = FORM.replace("Phone:    ", "Direct line:")
    assert not _org(direct, "01632 961 550", people=["Teodor Halvorsen"])


def test_helper_heading_without_an_organisation_is_a_relatives_phone():
    text = ("PART 4 - SOMEONE HELPING YOU\n"
            "Name        Wren Tallis (my aunt)\n"
            "Phone       0161 496 0581\n")
    assert not _org(text, "0161 496 0581", people=["Wren Tallis"])


# ---------------------------------------------------------------- commercial premises, shared lines, service numbers
def test_address_on_a_business_park_is_an_organisations():
    text = "He now works through Kestrel Crewing,\nUnit 8, Fallowmere Business Park, Dunmoor DN6 1AZ. Not called.\n"
    assert _org(text, "8, Fallowmere Business Park, Dunmoor DN6 1AZ", ADDRESS)
    text2 = "Depot: Heron Way Industrial Estate\nDunmoor DN6 1BB\n"
    assert _org(text2, "DN6 1BB", POSTCODE)


def test_home_address_is_not_on_an_estate():
    text = "He now lives at 8 Fallowmere Close, Dunmoor DN6 1AZ with his partner.\n"
    assert not _org(text, "8 Fallowmere Close, Dunmoor DN6 1AZ", ADDRESS)


def test_line_shared_by_two_people_is_the_offices():
    text = "My colleague Petra Voss prepared the return. Either of us can be reached on 020 7946 0388.\n"
    assert _org(text, "020 7946 0388", people=["Petra Voss"])
    assert not _org("Petra Voss can be reached on 020 7946 0388.\n", "020 7946 0388", people=["Petra Voss"])


def test_freephone_in_an_opening_bracket():
    text = "Your caseworker is Anouk Berrington (0808 196 0451).\n"
    f = _f(text, "(0808 196 0451")
    assert is_org_contact(text, f, org_spans(text, []), [_span(text, "Anouk Berrington")], [])


# ---------------------------------------------------------------- the same line elsewhere on the page
def test_organisations_line_repeated_in_the_letter_is_kept(analyzer):
    text = ("HALLAM ROAD RECOVERIES LIMITED\nHallam House, 4 Quarry Way, Dunmoor DN1 5QD\n"
            "Arrears line 0113 496 0612   post@hallamroad.example.co.uk\n\n"
            "Dear Ms Brennagh\n\nPlease ring us. You can pay by card on 0113 496 0612 or by bank transfer.\n")
    assert "0113 496 0612" not in [f.text for f in analyzer.analyze(text)]


# ---------------------------------------------------------------- a new address in the requester's own district
def test_address_sharing_the_requesters_town_and_district_digits(analyzer):
    # analyzer._other_number: the requester's postcode district ("DN11") gives no house number 11, so
    # "11 Harrow Gardens" in her town is another household's
    text = "Her mother, Mrs Ailbhe Dorran, of\n    11 Harrow Gardens, Hexley, Dunmoor DN11 6QX, collected her post.\n"
    got = [f.text for f in analyzer.analyze(text) if f.entity_type == ADDRESS]
    assert any("11 Harrow Gardens" in g for g in got)


# ---------------------------------------------------------------- chat exports: a sender by number, "his" in a message
@pytest.fixture(scope="module")
def chat_analyzer(tmp_path_factory):
    case = CaseRecord(case_id="T-R20C", received=date(2026, 11, 23),
                      requester=Party(name="Gareth Tamsett", role="paying parent", aliases=("Gaz",)),
                      third_parties=[Party(name="Leonie Prawle", role="receiving parent")], root=Path("."))
    return blank_model_analyzer(tmp_path_factory, case)


def test_chat_sender_shown_by_number_is_not_the_requesters(chat_analyzer):
    # attribution._sender_slot: "my number" in the requester's message before does not make the next sender's number his
    text = ("14/03/2025, 21:28 - Gaz: who gave u my number\n"
            "14/03/2025, 21:30 - +44 7700 900512: Doesn't matter. Leave Leonie alone\n")
    assert "+44 7700 900512" in [f.text for f in chat_analyzer.analyze(text) if f.entity_type == PHONE]
    assert not chat_analyzer.last_settled.requester


def test_his_in_a_chat_message_is_not_the_speaker(chat_analyzer):
    # attribution.owner_of: the chat line's own speaker says "my", so "his car" in his message is someone else's
    text = ("19:40 Gaz: she has a new fella now, they live over the chippy. his car is KX19 PLU a silver audi\n")
    assert "KX19 PLU" in [f.text for f in chat_analyzer.analyze(text) if f.entity_type == EntityType.UK_VEHICLE_REG]


# ---------------------------------------------------------------- a number read out in words
def test_unlisted_number_read_out_in_words(analyzer):
    # uk_phone.spoken_phones: a run of digit words opening with a zero that reads as a UK number
    text = "Voicemail 14:02. Left a number for the neighbour, Mr Tobin: oh one six three two, nine six one, two two four.\n"
    assert any("oh one six three two" in f.text for f in analyzer.analyze(text) if f.entity_type == PHONE)


def test_case_number_read_out_is_no_phone(analyzer):
    text = "Voicemail 14:05. My case number is two oh two five three one oh oh nine four, thanks.\n"
    assert not [f for f in analyzer.analyze(text) if f.entity_type == PHONE]


# ---------------------------------------------------------------- OCR's letters for figures in a date of birth
def test_listed_date_of_birth_with_ocr_letters():
    # parties._match_dobs reads "17/O5/1990" as 17/05/1990 (date_of_birth.ocr_figures)
    from recognizers.parties import PartyMatcher
    case = CaseRecord(case_id="T-R20D", received=date(2026, 11, 23), requester=Party(name="Orla Brennagh"),
                      third_parties=[Party(name="Casimir Vantongeren", date_of_birth="1990-05-17")], root=Path("."))
    text = "PART 2 - THE OTHER PARENT\n2.1 Surname  VANT0NGEREN\n2.3 Date of birth       17/O5/199O\n"
    got = [text[s.start:s.end] for s in PartyMatcher(case).match(text) if s.entity_type == EntityType.DATE_OF_BIRTH]
    assert got == ["17/O5/199O"]


def test_unlisted_date_of_birth_with_ocr_letters(analyzer):
    text = "[scanned form]\nLodger's date of birth:   O4/l1/1987\n"
    assert "O4/l1/1987" in [f.text for f in analyzer.analyze(text) if f.entity_type == EntityType.DATE_OF_BIRTH]


def test_number_of_a_relative_reached_on_it(analyzer):
    # attribution._REACH_KIN_ON: "contacting his wife directly on <number>": the wife's number, not the requester's
    # (the receiving parent named just before)
    text = ("Dear Sirs\n\nOur client Mr Vantongeren asks that the receiving parent stops contacting his wife directly on "
            "07700 900 627.\n")
    got = [f for f in analyzer.analyze(text) if f.entity_type == PHONE]
    assert [f.text for f in got] == ["07700 900 627"]


# ---------------------------------------------------------------- a street named again after its full address
def test_street_of_a_found_address_named_again(analyzer):
    # address._street_named_again: "the Tollcross Rd address", "seen on Tollcross Road" after "22 Tollcross Road, ..."
    text = ("1. SUMMARY\nSubject located at Flat 1/1, 22 Tollcross Road, Dunmoor DN9 3EE.\n"
            "2. SOURCES\nCredit file links his mobile to the Tollcross Rd address. A grey van was seen on Tollcross Road "
            "at 07:10.\n")
    got = [f.text for f in analyzer.analyze(text) if f.entity_type == ADDRESS]
    assert "Tollcross Rd" in got and "Tollcross Road" in got


def test_street_name_without_a_locating_word_is_not_taken(analyzer):
    text = "Subject located at 22 Tollcross Road, Dunmoor DN9 3EE.\nTollcross Road Surgery confirmed the registration.\n"
    got = [f.text for f in analyzer.analyze(text) if f.entity_type == ADDRESS]
    assert "Tollcross Road" not in got


def test_chat_timestamp_under_a_birthday_is_no_date_of_birth(analyzer):
    # date_of_birth._TIME_AFTER: a date opening a line with its time is a message's timestamp
    text = ("04/05/2025, 18:02 - Kit: can't this weekend, it's my nan's birthday\n"
            "04/05/2025, 18:03 - Kit: <Media omitted>\n")
    assert not [f for f in analyzer.analyze(text) if f.entity_type == EntityType.DATE_OF_BIRTH]


def test_letterhead_of_a_firm_named_after_its_partners():
    # refine._document_letterhead: the partners' surnames in the firm's name are not a person over the address
    text = ("TREVELYAN, ASHDOWN & PRIOR LLP\nFamily and Mediation Practitioners\nSuite 3, 88 Kirk Street\nDunmoor DN5 2AF\n"
            "Tel 01632 961 777\n\nDear Sir\n")
    assert _org(text, "01632 961 777", people=["TREVELYAN", "PRIOR"])


def test_letterhead_under_an_organisations_name_ignores_a_lone_word_taken_for_a_name():
    # refine._document_letterhead: under a first line that is an organisation's name, a one-word "person" in the block
    # (the model's reading of a town or a description) does not make the letterhead a person's
    text = ("Fellside Coach Hire Ltd\nThe Sheds, Quarry Lane, Brynmawr, Dunmoor DN7 1BA\nSwitchboard 01632 961 300\n\n"
            "Dear Sir or Madam\n")
    assert _org(text, "DN7 1BA", POSTCODE, people=["Brynmawr"])


def test_letterhead_of_a_person_still_blocks():
    text = "PRIVATE AND CONFIDENTIAL\nMs Tilda Okonedo\n14 Quarry Lane, Dunmoor DN7 1BA\n\nDear Sir\n"
    assert not _org(text, "14 Quarry Lane, Dunmoor DN7 1BA", ADDRESS, people=["Tilda Okonedo"])


# ---------------------------------------------------------------- a listed street named as where a business is
def _tp_streets(text: str) -> list[str]:
    from recognizers.parties import PartyMatcher
    case = CaseRecord(case_id="T-R20S", received=date(2026, 11, 23), requester=Party(name="Orla Brennagh"),
                      third_parties=[Party(name="Casimir Vantongeren", addresses=("41 Quarrel Road, Dunmoor DN8 2BB",))],
                      root=Path("."))
    return [text[s.start:s.end] for s in PartyMatcher(case).match(text) if s.entity_type == ADDRESS]


def test_listed_street_named_as_a_business_location_is_not_the_partys_home(analyzer):
    # parties._business_on_street: "works at a car\n wash on Quarrel Road" names where a business is
    text = "He has been seen working at a hand car\n   wash on Quarrel Road most days. She lives at 41 Quarrel Road.\n"
    assert _tp_streets(text) == ["41 Quarrel Road"]
    # (and the street of an address found on the page is not named again there: address._street_named_again)
    got = [f.text for f in analyzer.analyze(text) if f.entity_type == ADDRESS]
    assert "Quarrel Road" not in got


def test_listed_street_with_a_home_near_the_business_is_still_the_partys():
    text = "She has moved into the flat above the shop on Quarrel Road.\n"
    assert _tp_streets(text) == ["Quarrel Road"]


def test_a_note_in_capitals_is_no_contact_line():
    # organisations._PROSE_WORDS: a case note in capitals is prose, whatever its capitals
    from recognizers.organisations import contact_line_only
    assert contact_line_only("FORTH HOUSE, 12 KIRK STREET, DUNMOOR DN5 2AF  TEL ")
    assert not contact_line_only("PP SAYS HE MOVED TO 12 OAK ROAD, DUNMOOR DN5 2AF, EMPLOYER RECEPTION ")
