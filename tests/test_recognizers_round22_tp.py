"""Detection round 22T: organisations' contact details kept (letterheads with a building's name, an issuer's team
line, a hearing's venue, a function's mailbox) and a relative's phone written without the apostrophe.

Each test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from recognizers.refine import _document_letterhead, is_org_mailbox
from tests.detect_fixtures import blank_model_analyzer, parents_case, found

ADDRESS, EMAIL, PHONE = EntityType.ADDRESS, EntityType.EMAIL_ADDRESS, EntityType.PHONE_NUMBER


def _case() -> CaseRecord:
    return parents_case("T-R22", "Orla Brennagh", "Casimir Vantongeren",
                        requester_addresses=("23 Pellow Street, Hexley, Dunmoor DN11 7QA",), date_of_birth="1984-06-17",
                        addresses=("Flat 4, 61 Quenby Rise, Tollmarsh TM3 8PW",))


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ---------------------------------------------------------------- a letterhead's building name taken for a person
@pytest.mark.parametrize("head", [
    "Bellwether Tenancy Trust\nLettings Office, Harcourt House, 9 Tanner Row, Dunmoor DN2 5QT\n",
    "QUILLFORD & MERROW\nSolicitors\nAshgrove Chambers, 41 Mint Street, Tollmarsh TM1 4RR\n",
])
def test_letterhead_building_name_is_no_person(head):
    text = head + "Tel 01632 960111\n\nDear Ms Brennagh\n"
    word = "Harcourt House" if "Harcourt" in head else "Ashgrove Chambers"
    a = text.index(word)
    s = text.index(word) + len(word) + 2  # the house number after the building's name
    assert _document_letterhead(text, s, [(a, a + len(word))], [])


def test_letterhead_person_still_blocks():
    # a letter headed by a person's name: her own address, not a letterhead
    text = "Bellwether Tenancy Trust\nMs Ada Quenby, 9 Tanner Row, Dunmoor DN2 5QT\n\nDear Sir\n"
    a = text.index("Ada Quenby")
    assert not _document_letterhead(text, text.index("9 Tanner"), [(a, a + len("Ada Quenby"))], [])


# ---------------------------------------------------------------- an issuer block's team line; a hearing's venue
def test_team_line_is_the_bodys(analyzer):
    text = ("Issued by:  Priya Holloway, Compliance Officer, Debt Recovery Unit\n"
            "Team:       0113 496 0300\n")
    assert "0113 496 0300" not in found(analyzer, text, PHONE)


def test_hearing_label_gives_a_venue(analyzer):
    text = "Appeal reference: SC/144/26/00912\nHearing:        3 March 2026, Ravensworth House, 14 Mill Lane, Dunmoor DN4 2AB\n"
    assert not found(analyzer, text, ADDRESS)


# ---------------------------------------------------------------- a function's mailbox of ordinary words
@pytest.mark.parametrize("box", ["enforcement.east@cms.example.co.uk", "income.recovery@harbourhomes.example.org"])
def test_function_mailbox(box):
    assert is_org_mailbox(box)


@pytest.mark.parametrize("box", ["jane.hill@harbourhomes.example.org", "k.lund@cms.example.co.uk",
                                 "enforcement.east@gmail.com"])
def test_person_mailbox_not_function(box):
    assert not is_org_mailbox(box)


# ---------------------------------------------------------------- a relative's number, possessive without apostrophe
@pytest.mark.parametrize("line", [
    "19:21 orla brennagh: yes or my partner phone 07700 900550 (Ines)",
    "19:22 orla brennagh: try my mums number 07700 900551",
])
def test_kin_phone_without_apostrophe(analyzer, line):
    assert found(analyzer, line, PHONE)


# ---------------------------------------------------------------- a person's mailbox at her firm, named just before
@pytest.mark.parametrize("text", [
    "Payroll is done by the bookkeeper Idris Fennimore of Fennimore & Co, idris@fennimoreco.example.co.uk.",
    "Our accountant is Marta Kowalczyk at Kestrel Accounts Ltd, mkowalczyk@kestrelaccounts.example.co.uk.",
])
def test_person_mailbox_after_firm(analyzer, text):
    assert found(analyzer, text, EMAIL)


def test_firm_mailbox_after_person_still_kept(analyzer):
    text = "Our accountant is Marta Kowalczyk at Kestrel Accounts Ltd, enquiries@kestrelaccounts.example.co.uk."
    assert not found(analyzer, text, EMAIL)


# ---------------------------------------------------------------- a street split by a paragraph's line wrap
def test_wrapped_street(analyzer):
    text = ("4. The tribunal also read a written statement from the appellant's cousin, Mrs Tamsin Okoro of 12 Larch\n"
            "   Hollow Road, Dunmoor, who collects the children on some Saturdays.\n")
    assert any("Larch" in x and "Road" in x for x in found(analyzer, text, ADDRESS))


def test_wrap_in_short_block_lines_not_taken(analyzer):
    text = "Items: 4 Blue\nPark benches\n"
    assert not found(analyzer, text, ADDRESS)


# ---------------------------------------------------------------- ... and that building's name is no person either
def test_letterhead_building_name_dropped_as_person():
    from pipeline.codes import PartyKind
    from pipeline.models import Finding
    from recognizers.attribution import DocParties
    from recognizers.refine import refine_findings
    text = ("Harbourside Homes\nTenancy Services, Marlow House, 3 Tanner Row, Dunmoor DN2 5QT\n"
            "Tel 01632 960250  |  tenancy@harbourside.example.org\n\nDear Ms Brennagh\n")
    a, b = text.index("Marlow House"), text.index("Marlow House") + len("Marlow House")
    s, e = text.index("3 Tanner"), text.index(" DN2")
    fs = [Finding(a, b, EntityType.PERSON, "PersonContextRecognizer", 0.85, PartyKind.UNKNOWN, text=text[a:b]),
          Finding(s, e, ADDRESS, "AddressRecognizer", 0.8, PartyKind.UNKNOWN, text=text[s:e])]
    from recognizers.attribution import mention
    out = refine_findings(text, fs, mentions=[mention(a, b, None, text)], doc_parties=DocParties(), genders=[], requester_spans=[],
                          ner_orgs=[], allow=[])
    assert out == []


# ---------------------------------------------------------------- a line offered to anyone: "call <landline>"
@pytest.mark.parametrize("text", ["Lost or stolen cards call 0113 496 0250.",
                                  "If you disagree, ring us on 0113 496 0251 between 9 and 5."])
def test_bare_call_landline_is_the_bodys(analyzer, text):
    assert not found(analyzer, text, PHONE)


@pytest.mark.parametrize("text", ["Marta Kowalczyk, payroll, direct dial 0113 496 0252",
                                  "If you need me, call me on 0113 496 0253."])
def test_call_someone_still_personal(analyzer, text):
    assert found(analyzer, text, PHONE)


# ---------------------------------------------------------------- a service named in apposition before its line
def test_service_in_apposition_line(analyzer):
    text = "You may find it helpful to speak to the domestic abuse advice service, Fellside IDVA, on 01632 960661."
    assert not found(analyzer, text, PHONE)


def test_service_line_wrapped_after_the(analyzer):
    text = ("If you feel unsafe please call 999. You may find it helpful to speak to the\n"
            "Domestic Abuse Advice service, Fellside IDVA, on 01632 960662.\n")
    assert not found(analyzer, text, PHONE)


# ---------------------------------------------------------------- a scan's O for a nought in a phone number
@pytest.mark.parametrize("line", ["Mobile    O7700 900 4O9", "Phone     O1632 96O 233 (support worker, evenings)"])
def test_ocr_o_phone(analyzer, line):
    assert found(analyzer, "Name      Ada Quenby\n" + line + "\n", PHONE)


@pytest.mark.parametrize("line", ["Ref OOOO 1234 56", "Code O1AB 234 567"])
def test_ocr_o_needs_digits(analyzer, line):
    assert not found(analyzer, line + "\n", PHONE)


# ---------------------------------------------------------------- an address under a signature's team and body lines
@pytest.mark.parametrize("quote", ["", "> "])
def test_address_under_signature_team_lines(analyzer, quote):
    text = (f"{quote}Thanks again,\n{quote}\n{quote}Rhiannon Talbot-Wise\n{quote}Debt Recovery Team\n{quote}Harbourside Homes\n"
            f"{quote}Quay House, Dunmoor DN2 5QT\n")
    assert not found(analyzer, text, EntityType.UK_POSTCODE) and not found(analyzer, text, ADDRESS)


def test_address_under_name_alone_still_hers(analyzer):
    text = "Thanks again,\n\nRhiannon Talbot-Wise\n14 Tanner Row, Dunmoor DN2 5QT\n"
    assert found(analyzer, text, ADDRESS)


def test_listed_phone_with_ocr_o_is_the_partys(tmp_path_factory):
    from pipeline.codes import PartyKind
    case = _case()
    case.requester = Party(name="Orla Brennagh", role="receiving parent", phones=("07700 900861",),
                           addresses=("23 Pellow Street, Hexley, Dunmoor DN11 7QA",))
    an = blank_model_analyzer(tmp_path_factory, case)
    text = "1.7 Phone               0113 496 0743   mobile 07700 9OO861\n"
    assert "07700 9OO861" not in found(an, text, PHONE)
    case2 = _case()
    case2.third_parties = [Party(name="Casimir Vantongeren", role="paying parent", phones=("07700 900862",))]
    an2 = blank_model_analyzer(tmp_path_factory, case2)
    fs = [f for f in an2.analyze("His mobile 07700 9OO862\n") if f.entity_type == PHONE]
    assert fs and fs[0].party == PartyKind.THIRD_PARTY


# ---------------------------------------------------------------- reported speech: the reporter is not the "he"
def test_reported_pronoun_not_the_reporter(analyzer):
    from pipeline.codes import PartyKind
    text = ("02/03/2026 KT7 Call from Ms Brennagh. Mr Vantongeren left his job in February.\n"
            "17/03/2026 KT7 RP says he drives for a courier firm now, van reg YD19 KHV. Sent info req.\n")
    fs = [f for f in analyzer.analyze(text) if f.entity_type == EntityType.UK_VEHICLE_REG]
    assert fs and fs[0].party == PartyKind.THIRD_PARTY


def test_reported_pronoun_same_gender_is_the_reporter(analyzer):
    text = ("02/03/2026 KT7 Call from Ms Brennagh. Mr Vantongeren left his job in February.\n"
            "17/03/2026 KT7 RP says she drives a hire car now, reg YD19 KHW.\n")
    assert not found(analyzer, text, EntityType.UK_VEHICLE_REG)


# ---------------------------------------------------------------- a unit on a named park: premises
def test_unit_on_named_park(analyzer):
    text = "From May he is supplied by an agency; send any order to them at Unit 9, Larchfield Park, Tollmarsh TM3 7RA.\n"
    assert not found(analyzer, text, ADDRESS) and not found(analyzer, text, EntityType.UK_POSTCODE)


def test_unit_on_a_street_not_taken_as_premises(analyzer):
    assert found(analyzer, "Her friend now lives at 9 Larchfield Park, Tollmarsh TM3 7RA.\n", ADDRESS)
