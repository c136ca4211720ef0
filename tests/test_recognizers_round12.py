"""Detection round 12: a listed third party's addresses, phones, bank details and dates of birth in
forms other than case.json's (a town on the next line or table row, "No. 27", a foreign number as
"0048 ...", "the account ends 8812" next to a sort code, "03-Mar-1985"); organisations' contact
details in new shapes that stay (an address after an organisation's name or "the nursery is at"
through several lines, a PO box line, "out of hours:", "the cab number is", a firm's own client
account).

Blank spaCy pipeline (no NER). Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers.organisations import org_contact_cue, org_name_spans
from tests.detect_fixtures import blank_model_analyzer, found


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R12", received=date(2026, 11, 20),
        requester=Party(name="Helen Brook", role="receiving parent", phones=("07700 900777",),
                        addresses=("8 Station Road, Knaresborough HG5 9AA",)),
        third_parties=[
            Party(name="Gary Nolan", role="paying parent", phones=("07700 900555",),
                  addresses=("Flat 2, 15 Beech Grove, Headingley, Leeds LS6 3PX",), date_of_birth="1985-03-03"),
            Party(name="Tomasz Wieczorek", role="paying parent's partner", phones=("+48 512 345 678",),
                  addresses=("Flat 6, Mercer House, Kings Road, Accrington BB5 1PD",)),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _tp(analyzer, text, et=None) -> list[str]:
    return [f.text for f in analyzer.analyze(text)
            if f.party == PartyKind.THIRD_PARTY and (et is None or f.entity_type == et)]


ADDRESS, PHONE, BANK = EntityType.ADDRESS, EntityType.PHONE_NUMBER, EntityType.BANK_DETAILS


# ---------------------------------------------------------------- a listed party's identifiers

def test_town_on_the_next_table_row_of_a_split_address(analyzer):
    text = ("| Home address | Flat 2          |\n"
            "|              | 15 Beech Grove  |\n"
            "|              | Headingley      |\n"
            "|              | LEEDS           |\n")
    got = _tp(analyzer, text, ADDRESS)
    assert "Headingley" in got and "LEEDS" in got


def test_town_after_in_and_after_a_comma_and_a_full_stop(analyzer):
    assert "Accrington" in _tp(analyzer, "His brother is at Mercer House in Accrington, flat six.", ADDRESS)
    assert any("Accrington" in t for t in _tp(analyzer, "Uncle's address Mercer Hse,\n  Kings Road, Accrington. Tel held.", ADDRESS))


def test_a_town_alone_is_not_a_listed_address(analyzer):
    assert _tp(analyzer, "He has moved to Leeds for work.", ADDRESS) == []


def test_house_number_alone_near_the_same_party_street(analyzer):
    text = "hes at 15 beech grove now. yeah No. 15. the one near the chippy"
    assert "No. 15" in _tp(analyzer, text, ADDRESS)


def test_house_number_alone_without_the_street_near_is_left(analyzer):
    text = "A neighbour complained about the man at number 15 and his dog.\n" + "Noted. " * 60
    assert not any("15" in t for t in _tp(analyzer, text, ADDRESS))


def test_listed_street_after_another_house_number_is_another_building(analyzer):
    text = "The surgery at 3 Beech Grove confirmed the appointment."
    assert _tp(analyzer, text, ADDRESS) == []
    assert _tp(analyzer, "The school at 40 Kings Road sent a letter.", ADDRESS) == []
    assert [t.rstrip(".") for t in _tp(analyzer, "He still lives on Beech Grove.", ADDRESS)] == ["Beech Grove"]


@pytest.mark.parametrize("written", ["0048 512-345-678", "+48 512 345 678", "+48512345678", "512 345 678"])
def test_listed_foreign_number_in_other_forms(analyzer, written):
    assert _tp(analyzer, f"Mr Wieczorek's mobile is {written} when abroad.", PHONE) == [written]


def test_listed_number_without_its_leading_zero(analyzer):
    assert _tp(analyzer, "his number is 7700 900555", PHONE) == ["7700 900555"]


def test_foreign_number_after_a_phone_word_for_an_unlisted_person(analyzer):
    assert "0033 6 12 34 56 78" in found(analyzer, "Her cousin's mobile: 0033 6 12 34 56 78", PHONE)


def test_listed_date_of_birth_with_a_month_word_and_hyphens(analyzer):
    assert _tp(analyzer, "Gary Nolan, born 03-Mar-1985, works nights.", EntityType.DATE_OF_BIRTH) == ["03-Mar-1985"]


# ---------------------------------------------------------------- bank details in prose

def test_account_ending_next_to_a_sort_code(analyzer):
    text = "PP said his sort code is 20 32 53 and the account ends\n    8812. Told him we need the full number."
    got = found(analyzer, text, BANK)
    assert "20 32 53" in got and "8812" in got


def test_sort_code_with_account_number_ending_in(analyzer):
    got = found(analyzer, "Santander, 09-01-29, account number ending in 6604.", BANK)
    assert "09-01-29" in got and "6604" in got


def test_account_ending_alone_is_left(analyzer):
    assert found(analyzer, "The premium is collected from account ending 3377 each month.", BANK) == []


def test_an_organisations_own_client_account_stays(analyzer):
    text = ("We act for Mr Wieczorek. Refunds should be paid to our client's account: sort code 30-96-26, account "
            "number 17423390. Please do not pay into our client account (Lloyds Bank, sort code 30-00-02, account "
            "00448812) unless we ask you to.")
    got = found(analyzer, text, BANK)
    assert "30-96-26" in got and "17423390" in got  # (the client's)
    assert "30-00-02" not in got and "00448812" not in got

# ---------------------------------------------------------------- organisations' contact details

def test_org_address_after_its_name_over_two_lines(analyzer):
    text = ("Referred RP to Leeds Citizens Advice, Westgate Point, 6 Westgate,\n"
            "                  Leeds LS1 2AX, for debt advice.")
    assert found(analyzer, text, EntityType.UK_POSTCODE) == []


def test_org_office_in_prose(analyzer):
    text = "Employer confirms his address; the employer's own office is Unit 9, Kirkstall Forge, LS5 3BF."
    assert found(analyzer, text, EntityType.UK_POSTCODE) == []


def test_visit_us_at_county_hall_over_lines(analyzer):
    text = "If you have any questions please visit us at County Hall,\nAykley Heads, Durham DH1 5UL."
    assert found(analyzer, text) == []


def test_the_nursery_is_at(analyzer):
    assert found(analyzer, "The nursery is at 12 Queens Road, Harrogate HG1 5JX and will confirm attendance.") == []


def test_po_box_line_is_an_address_left_in(analyzer):
    assert found(analyzer, "Revenues and Benefits\nPO Box 238, Peterlee, SR8 9DD\n") == []
    assert found(analyzer, "PO Box 238, Peterlee, SR8 9DD") == []


def test_out_of_hours_line(analyzer):
    text = "Call the office on 01254 960 400. For urgent maintenance out of hours: 01254 960 499."
    assert found(analyzer, text, PHONE) == []


def test_advice_place_number_in_a_chat(analyzer):
    text = "Jo 02/11/2026 21:13: ring the advice place on Fawcett Street they helped our kel with hers. 0191 498 0470"
    assert found(analyzer, text, PHONE) == []
    assert found(analyzer, "the cab number is 01423 960 400 if u need it", PHONE) == []


def test_a_persons_number_after_an_org_cue_is_still_redacted(analyzer):
    text = "ring the council and give them his mum's number 01632 960 777"
    assert found(analyzer, text, PHONE) == ["01632 960 777"]


def test_org_contact_cue_address_and_phone():
    t = "Harrogate Family Hub, 2 Victoria Avenue, Harrogate HG1 1EL"
    assert org_contact_cue(t, t.index("2 Victoria"), "address")
    t2 = "He lives at 2 Victoria Avenue, Harrogate HG1 1EL"
    assert not org_contact_cue(t2, t2.index("2 Victoria"), "address")
    t3 = "Out of hours: 07700 900 111"
    assert not org_contact_cue(t3, t3.index("07700"), "phone")  # a mobile is a person's


def test_lettings_and_hub_are_organisation_names():
    t = "From: Pennine Lettings <lettings@example.co.uk>; Harrogate Family Hub"
    spans = [t[a:b] for a, b in org_name_spans(t)]
    assert "Pennine Lettings" in spans and "Harrogate Family Hub" in spans


# ---------------------------------------------------------------- more written forms, more org lines

def _case2() -> CaseRecord:
    return CaseRecord(
        case_id="T-R12b", received=date(2026, 11, 20),
        requester=Party(name="Helen Brook", role="receiving parent", phones=("07700 900777",)),
        third_parties=[
            Party(name="Gary Nolan", role="paying parent", phones=("07700 900555",), emails=("gary.n@example.net",),
                  addresses=("Rose Cottage, Mill Lane, Pannal, Harrogate HG3 1JP",)),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer2(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case2())


@pytest.mark.parametrize("written", ["gary.n [at] example [dot] net", "gary.n at example.net", "gary.n (at) example.net"])
def test_listed_email_written_out(analyzer2, written):
    assert _tp(analyzer2, f"email him at {written} if you like", EntityType.EMAIL_ADDRESS) == [written]


def test_listed_phone_with_a_slash(analyzer2):
    assert _tp(analyzer2, "his mobile 07700/900555", PHONE) == ["07700/900555"]


def test_listed_house_name_shortened(analyzer2):
    assert "Rose Cott." in _tp(analyzer2, "Correspondence: c/o Rose Cott., Mill Lane, Pannal", ADDRESS)


@pytest.mark.parametrize("text", [
    "the council's number is 0191 498 0555 if u need them",
    "call the dentist on 01423 960 321 to rebook",
    "Tel: 01423 960 500 (Mon-Fri 9-5)",
    "Leeds Women's Refuge 0113 496 0401 (24 hours)",
])
def test_organisation_lines_in_prose(analyzer2, text):
    assert found(analyzer2, text, PHONE) == []


def test_a_persons_line_with_hours_is_still_redacted(analyzer2):
    assert found(analyzer2, "his work mobile 07700 900 432 (Mon-Fri 9-5)", PHONE) == ["07700 900 432"]
    assert found(analyzer2, "his mum's number 01632 960 888 (Mon-Fri 9-5)", PHONE) == ["01632 960 888"]


@pytest.mark.parametrize("text, want", [
    ("his account is 41 88 77 12 sort code 20 32 53", "41 88 77 12"),
    ("sort code 20-32-53 account 418 877 12", "418 877 12"),
    ("Sort code: 20 - 32 - 53\nAccount: 4188-7712", "4188-7712"),
    ("Account No. 041887712", "041887712"),
    ("sort code 20/32/53", "20/32/53"),
    ("sort code 20-32-53, account ending in ...8812", "8812"),
])
def test_bank_details_written_otherwise(analyzer2, text, want):
    assert want in found(analyzer2, text, BANK)


def test_grouped_digits_without_a_sort_code_or_label_are_not_an_account(analyzer2):
    assert found(analyzer2, "Meeting 12 03 26 14 at the office; 4188-7712 was the ticket.", BANK) == []


def test_more_street_words_for_an_unlisted_address(analyzer2):
    assert "14 Moor Fold" in " ".join(found(analyzer2, "His friend lives at 14 Moor Fold, next to the pub.", ADDRESS))
    assert "3 Beck Ridge" in " ".join(found(analyzer2, "Her sister is at 3 Beck Ridge now.", ADDRESS))


def test_listed_range_street_shortened():
    case = CaseRecord(case_id="T-R12c", received=date(2026, 11, 20),
                      requester=Party(name="Farah Qureshi", role="receiving parent"),
                      third_parties=[Party(name="Daniel Okafor", role="paying parent",
                                           addresses=("42A Whalley Range, Blackburn BB1 6EB",))],
                      root=Path("."))
    from recognizers.parties import PartyMatcher
    got = [text[s.start:s.end] for text in ["caller gave PP address 42A Whalley Rng, BB16EB"]
           for s in PartyMatcher(case).match(text) if s.entity_type == ADDRESS]
    assert any(g.startswith("42A Whalley Rng") for g in got)


def test_org_address_anchor_not_across_a_person():
    t = "Thorp Haulage Ltd, Gary Nolan, 15 Beech Grove, Harrogate HG1 4QR"
    person = (t.index("Gary"), t.index("Gary") + len("Gary Nolan"))
    assert org_contact_cue(t, t.index("15 Beech"), "address")
    assert not org_contact_cue(t, t.index("15 Beech"), "address", people=[person])


def test_credit_union_letterhead(analyzer2):
    text = ("Harrogate & District Credit Union\nUnit 5, The Ginnel, Harrogate HG1 2RB\n\n"
            "Dear member,\nPlease call us if you cannot pay.\n")
    assert found(analyzer2, text) == []


def test_town_part_must_end_its_line_or_segment(analyzer):
    text = "Address held: 15 Beech Grove\nLeeds City Council confirmed it on 3 May."
    assert not any(t == "Leeds" for t in _tp(analyzer, text, ADDRESS))


@pytest.mark.parametrize("text, want", [
    ("Her number is +353 87 123 4567.", "+353 87 123 4567"),
    ("Contact: +1 (212) 555-0100", "+1 (212) 555-0100"),
    ("his polish number 0048 601 234 567", "0048 601 234 567"),
    ("She's on whatsapp 0033 6 12 34 56 78", "0033 6 12 34 56 78"),
])
def test_another_countrys_number(analyzer2, text, want):
    assert want in found(analyzer2, text, PHONE)


@pytest.mark.parametrize("written", ["03031985", "03 03 1985", "19850303"])
def test_listed_date_of_birth_without_separators(analyzer, written):
    assert _tp(analyzer, f"Date of birth (DDMMYYYY): {written}", EntityType.DATE_OF_BIRTH) == [written]


@pytest.mark.parametrize("written", ["L S 6 3 P X", "L|S|6| |3|P|X", "ls6 3px", "LS63PX", "LS6\n3PX"])
def test_listed_postcode_in_boxes_and_cases(analyzer, written):
    assert _tp(analyzer, f"Postcode: {written}\n", EntityType.UK_POSTCODE) == [written]


def test_listed_postcode_read_with_a_letter_o_for_zero():
    case = CaseRecord(case_id="T-R12d", received=date(2026, 11, 20),
                      requester=Party(name="Ann Lee", role="receiving parent"),
                      third_parties=[Party(name="Bob Rae", role="paying parent", addresses=("3 Hill Road, Southampton SO14 0AB",))],
                      root=Path("."))
    from recognizers.parties import PartyMatcher
    text = "post code SO14 OAB (scanned)"
    got = [text[s.start:s.end] for s in PartyMatcher(case).match(text) if s.entity_type == EntityType.UK_POSTCODE]
    assert got == ["SO14 OAB"]


@pytest.mark.parametrize("text", [
    "I work at Tesco Extra, Wetherby Road, Harrogate HG2 7SP on nights.",
    "Harrogate Foodbank, c/o St Mark's Church, Leeds Road, Harrogate HG2 8AB",
    "St Mary's Primary School\nChurch Lane, Knaresborough HG5 9AB\nHeadteacher: Mrs A. Patel\n"
    "Tel: 01423 960 770  Email: office@stmarys.example.sch.uk\n",
])
def test_more_organisation_contacts(analyzer2, text):
    assert [f.text for f in analyzer2.analyze(text) if f.entity_type != EntityType.PERSON] == []


def test_a_persons_number_next_to_an_office_mailbox_with_a_personal_label(analyzer2):
    text = "Mobile: 07700 900 913  Email: office@example.org"
    assert found(analyzer2, text, PHONE) == ["07700 900 913"]


def test_his_work_number_with_days_is_his(analyzer2):
    assert found(analyzer2, "his work number 01423 960 444 (Mon-Fri)", PHONE) == ["01423 960 444"]


@pytest.mark.parametrize("text", [
    "He's on Beech Grove now, in the flat above the shop at 15.",
    "Beech Grove - he's living at 15 with her.",
])
def test_house_number_after_shop_at_or_living_at(analyzer, text):
    assert "15" in _tp(analyzer, text, ADDRESS)


def test_a_couples_own_account_is_not_an_organisations():
    from recognizers.bank_details import ORG_ACCOUNT
    assert ORG_ACCOUNT.search("please do not pay into our client account (Lloyds)")
    for t in ("Please pay the refund to us: our bank details are", "our account", "our joint account",
              "our client's account"):
        assert ORG_ACCOUNT.search(t) is None


@pytest.mark.parametrize("text", [
    "Please note our new address: 4 Moor Lane, Pannal, Harrogate HG3 1AA.",
    "The Landlord lets the premises at 4 Moor Lane, Pannal, Harrogate HG3 1AA to the Tenant.",
])
def test_a_home_address_in_org_like_phrasing_is_redacted(analyzer2, text):
    assert any("HG3 1AA" in t for t in found(analyzer2, text))


def test_their_place_is_a_home_not_an_organisation(analyzer2):
    assert found(analyzer2, "if he's not in try their place on 01632 960 777", PHONE) == ["01632 960 777"]


def test_house_number_after_no_only_the_listed_one(analyzer):
    assert not any("7" in t for t in _tp(analyzer, "Gary's mum lives on Beech Grove too, at No. 7.", ADDRESS))  # (another house)
    assert "No. 15" in _tp(analyzer, "he's on beech grove, No. 15.", ADDRESS)


def test_no_before_other_things_is_not_a_house(analyzer):
    text = "Beech Grove is on the route. Take bus no. 15 from the station."
    assert not any("15" in t for t in _tp(analyzer, text, ADDRESS))


@pytest.mark.parametrize("written", ["gb29nwbk60161331926819", "GB29-NWBK-6016-1331-9268-19"])
def test_iban_in_lower_case_or_with_hyphens(analyzer2, written):
    assert written in found(analyzer2, f"his iban is {written} for transfers")


def test_iban_like_string_with_wrong_check_digits_is_left(analyzer2):
    assert found(analyzer2, "ref gb30nwbk60161331926819 on the form", BANK) == []


@pytest.mark.parametrize("written", [
    "oh seven seven oh oh, nine oh oh, five five five",
    "oh seven seven double oh nine double oh triple five",
    "07700 nine oh oh five five five",
])
def test_listed_phone_read_out_in_words(analyzer, written):
    assert _tp(analyzer, f"Caller: his mobile is {written}.", PHONE) == [written]


def test_other_number_words_are_left(analyzer):
    assert _tp(analyzer, "Caller: I've got two kids, one is nine and one is five, oh and six cats.", PHONE) == []


@pytest.mark.parametrize("text, want", [
    ("PP's UTR: 12345 67890", "12345 67890"),
    ("His unique taxpayer reference is 1234567890.", "1234567890"),
    ("Customer number: 4417 2291 08", "4417 2291 08"),
])
def test_tax_reference_and_spaced_references(analyzer2, text, want):
    assert want in found(analyzer2, text)


def test_account_number_in_brackets_after_account(analyzer2):
    assert "30561122" in found(analyzer2, "Please stop paying into my brother's account (30561122).", BANK)


def test_chat_name_after_text(analyzer2):
    chat = ("[14/10/2026, 20:16] Nic: do u want his new number he text dawn off it\n"
            "[14/10/2026, 20:17] Helen: text me when ur there\n"
            "[14/10/2026, 20:18] Nic: ill text him back, text message from the school too\n")
    got = found(analyzer2, chat, EntityType.PERSON)
    assert "dawn" in got
    assert not any(w in got for w in ("me", "him", "message", "back"))


def test_case_json_entries_as_typed():
    from recognizers.parties import PartyMatcher
    case = CaseRecord(case_id="T-R12e", received=date(2026, 11, 20),
                      requester=Party(name="Ann Lee", role="receiving parent"),
                      third_parties=[Party(name="Bob Rae", role="paying parent",
                                           phones=("07700 900682 / 01632 960418 ext 22", "(mobile) 07700 900999"),
                                           addresses=("c/o 5 Church Walk, Kempston, Bedford MK42 8AP",))],
                      root=Path("."))
    text = "He rang from 01632 960418 and then 07700 900682, then 07700 900999. Post to 5 Church Walk."
    m = PartyMatcher(case)
    got = {text[s.start:s.end] for s in m.match(text) if s.entity_type in (PHONE, ADDRESS)}
    assert {"01632 960418", "07700 900682", "07700 900999"} <= got
    assert any(g.startswith("5 Church Walk") for g in got)


@pytest.mark.parametrize("text", ["council number is 0191 498 0222 ring them", "the councils number 0191 498 0223"])
def test_org_number_named_without_the_or_apostrophe(analyzer2, text):
    assert found(analyzer2, text, PHONE) == []
