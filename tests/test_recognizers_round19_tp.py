"""Detection round 19T: listed third parties' data in forms case.json does not give, identifiers in other
layouts, and organisations' contact details kept (a person's own line or mailbox at an organisation stays
personal data).

Each test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind, ReasonCode
from pipeline.models import CaseRecord, Finding, Party
from recognizers.parties import PartyMatcher
from recognizers.organisations import org_contact_cue, org_name_spans
from recognizers.refine import is_org_contact, org_spans
from tests.detect_fixtures import blank_model_analyzer

PHONE, ADDRESS, EMAIL = EntityType.PHONE_NUMBER, EntityType.ADDRESS, EntityType.EMAIL_ADDRESS


def _case() -> CaseRecord:
    return CaseRecord(case_id="T-R19", received=date(2026, 11, 23),
                      requester=Party(name="Arta Lleshi", role="paying parent", addresses=("Flat 2, 41 Rowan Parade, Ely CB7 4AA",)),
                      third_parties=[Party(name="Dean Croft", role="receiving parent")], root=Path("."))


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _f(text: str, value: str, et=PHONE) -> Finding:
    s = text.index(value)
    return Finding(s, s + len(value), et, "R", 0.6, PartyKind.UNKNOWN, ReasonCode.TP, False, value)


def _span(text: str, value: str) -> tuple[int, int]:
    s = text.index(value)
    return (s, s + len(value))


def _org(text: str, value: str, et=PHONE, people=()) -> bool:
    """refine.is_org_contact as refine_findings calls it (organisations' names from org_spans)."""
    people = [_span(text, p) for p in people]
    return is_org_contact(text, _f(text, value, et), org_spans(text, []), people, [])


# ---------------------------------------------------------------- a person's own line at an organisation
SIGNATURE = ("Regards\nTomasz Wrona | Wages Clerk\nPellow Joinery Ltd, Unit 9, Kiln Lane, Bolton BL2 6QT\n"
             "Direct: 01204 960 318  Switchboard: 01204 960 300\n")


def test_direct_label_in_a_signature_is_the_persons_line():
    # organisations._ORG_LINE_WORD no longer takes the "t" ending "Direct:" for a "t:" label, and
    # "Direct:" is a personal label (organisations._PERSONAL_NUMBER, refine.PERSONAL_LINE)
    people = [_span(SIGNATURE, "Tomasz Wrona")]
    s = SIGNATURE.index("01204 960 318")
    assert not org_contact_cue(SIGNATURE, s, "phone", [], people)
    assert not _org(SIGNATURE, "01204 960 318", people=["Tomasz Wrona"])
    assert _org(SIGNATURE, "01204 960 300", people=["Tomasz Wrona"])


def test_my_direct_line_with_hours_is_the_persons_line():
    text = "Dear Ms Kaur\n\nIf anything changes, ring me on my direct line\n0161 496 0457 (Tue-Thu).\n"
    assert not _org(text, "0161 496 0457")
    # (opening hours alone still make a line the organisation's)
    assert _org("Call 0161 496 0400 (Mon-Fri 9-5) for a repair.", "0161 496 0400")


def test_our_direct_line_on_the_next_line_is_the_organisations():
    text = "Dear Sir\n\nPlease send his new payslips to us. Our direct line is\n01792 960 221, or write to the address above.\n"
    assert _org(text, "01792 960 221")


# ---------------------------------------------------------------- organisations' lines
def test_org_cue_over_a_wrapped_line():
    text = ("Dear Ms Tait\n\nYour neighbour asked about repairs. Please ask him to ring the\n"
            "   housing options team directly on 01904 960 880.\n")
    assert _org(text, "01904 960 880")


def test_org_cue_on_the_line_before_not_past_another_number():
    text = "Call freephone 0808 496 0800\nG. Nuttall 01904 960 123\n"
    assert not _org(text, "01904 960 123")


def test_reach_the_org_cue():
    text = "If you need to reach the surgery please use 0114 496 0321 in the mornings."
    assert _org(text, "0114 496 0321")


def test_role_mailbox_on_the_line_makes_the_number_the_offices():
    text = "Form checked by Ayo Bello, Wages Officer\nTel 01480 960 552   wages@fenbuild.example.co.uk\n"
    assert _org(text, "01480 960 552", people=["Ayo Bello"])


def test_service_line_named_by_what_it_takes():
    text = "She has been referred to the counselling service (self-referral line 0113 496 0123)."
    assert _org(text, "0113 496 0123")


def test_mid_line_office_label():
    text = "Key: AB = Ann Brack. Office: Lowmoor HA, 12 Mill Street, Bury BL9 0AA, 0161 496 0900.\n"
    assert _org(text, "0161 496 0900", people=["Ann Brack"])


# ---------------------------------------------------------------- organisations' names
def test_caps_firm_name_with_commas_is_one_organisation():
    text = "PARFITT, OYELARAN & DUNNE LLP\nSolicitors\nSuite 2, 14 Quay Street\n"
    assert (0, len("PARFITT, OYELARAN & DUNNE LLP")) in org_name_spans(text)


def test_accountancy_and_network_are_organisation_words():
    text = "Books kept by an agent: Ravi Chahal, Chahal Accountancy, 0121 496 0777.\n"
    assert _org(text, "0121 496 0777", people=["Ravi Chahal"])
    text2 = "Form filled with help from Amal Yusuf, Northside Migrant Support Network, 0191 496 0345\n"
    assert _org(text2, "0191 496 0345", people=["Amal Yusuf"])


def test_a_flats_block_name_is_no_organisation():
    text = "HR told us: new address is Flat 4,\n  Harrow Court, 15 Lime Road, Bury BL9 0AA.\n"
    assert not any(text[a:b] == "Harrow Court" for a, b in org_spans(text, [_span(text, "Harrow Court")]))
    assert not _org(text, "15 Lime Road, Bury BL9 0AA", ADDRESS)


# ---------------------------------------------------------------- address blocks headed by a body
def test_attention_line_in_a_bodys_address_block():
    text = ("Kestrel Lettings & Property Management\nFor the attention of Mr Owen Price, Negotiator\n"
            "22 Dock Street\nNewport\nNP20 1AB\n\nDear Mr Price\n")
    assert _org(text, "22 Dock Street\nNewport", ADDRESS, people=["Owen Price"])
    # (a person heading the block is not whom a letter is for at a body)
    text2 = "Kestrel Lettings Ltd\nMr Owen Price\n22 Dock Street\nNewport\n"
    assert not _org(text2, "22 Dock Street\nNewport", ADDRESS, people=["Owen Price"])


def test_role_line_over_a_bodys_name_heads_its_address_block():
    text = "Date: 3 March 2026\n\nThe Wages Manager\nGlenside Quarries Ltd\nPit Lane, Ammanford\nCarmarthenshire\nSA18 3XY\n"
    assert _org(text, "SA18 3XY", EntityType.UK_POSTCODE)


def test_team_display_name_makes_the_mailbox_the_teams():
    text = "Date: 3 March 2026\nTo: Family Services Team Chester <fs.chester@agency.example.org>\nSubject: deductions\n"
    assert _org(text, "fs.chester@agency.example.org", EMAIL)
    # (a person's own mailbox under the body's name stays his)
    text2 = "From: Acme Services Ltd <daniel.hughes@acme.example.com>\n"
    assert not _org(text2, "daniel.hughes@acme.example.com", EMAIL)


def test_direct_label_in_a_letterhead_naming_nobody_is_the_bodys():
    # refine.PERSONAL_DIRECT: "Direct:" is a person's line only with a person named in its block
    text = ("NORTHSHIRE TRADING STANDARDS\nCounty Buildings, Mill Road, Darton DN4 7QA\n"
            "Enquiries: 01302 960 100    Direct: 01302 960 144    advice@northshire.example.gov.uk\n\nDear Mr Lowe\n")
    assert _org(text, "01302 960 144")


def test_contact_line_under_a_role_signature_is_the_bodys():
    text = "Yours sincerely\n\nSenior Review Officer (staff no. 55120)\nDirect line 0117 496 0777\n"
    assert _org(text, "0117 496 0777")
    text2 = "Yours sincerely\n\nGwen Rees\nSenior Review Officer\nDirect line 0117 496 0777\n"
    assert not _org(text2, "0117 496 0777", people=["Gwen Rees"])


def test_wrapped_organisation_name_anchors_its_number(analyzer):
    # refine.refine_findings takes the analyzer's organisation names, which may wrap a line
    text = ("PART F - DECLARATION\n  Signed: A Person   Date: 01/02/2026\n"
            "  Helped with this form by: Mr Idris Kone, Eastgate Refugee Support\n  Network, 0113 496 0911\n")
    assert "0113 496 0911" not in [f.text for f in analyzer.analyze(text)]


def test_department_and_care_of_unit_between_a_body_and_its_address():
    text = "Employer: Ribble Freight Services Ltd,\npayroll c/o Unit 6, Dockside Business Park, Preston PR2 2ZZ.\n"
    s = text.index("6, Dockside")
    assert org_contact_cue(text, s, "address", [], [])


# ---------------------------------------------------------------- addresses in other forms
from recognizers.address import AddressRecognizer  # noqa: E402
from recognizers.date_of_birth import DateOfBirthRecognizer  # noqa: E402


def _addresses(text: str) -> list[str]:
    return [text[r.start:r.end] for r in AddressRecognizer().analyze(text, ["ADDRESS"])]


def test_street_named_as_somebodys_place():
    assert "Poplar Street" in " ".join(_addresses("sis said they've got a place on Poplar Street. dont say i told u"))
    assert _addresses("ring the advice place on Poplar Street, they helped me") == []


def test_street_after_living_with_someone():
    assert "Poplar St" in _addresses("he is living with a new partner now, Jo Bell, on\n  Poplar St in Ludlow. ok")


def test_numbered_street_without_street_word_after_address_cue():
    assert "7 Highfield" in _addresses("stop sending post to my old address, 7 Highfield, thats my mams")


def test_flat_letter_before_a_street():
    assert any(a.startswith("Flat C, 9 Alder Grove") for a in _addresses("Witness address: Flat C, 9 Alder Grove, Ripon\n"))


def test_form_label_after_an_address_is_not_a_town():
    assert "9 Alder Grove, Ripon" in _addresses("Address: 9 Alder Grove, Ripon\nPhone: 07700 900123\n")


def test_unnumbered_street_line_over_towns_and_postcode():
    text = "The Wages Manager\nGlenside Quarries Ltd\nPit Lane, Ammanford\nCarmarthenshire\nSA18 3XY\n"
    assert "Pit Lane, Ammanford\nCarmarthenshire\nSA18 3XY" in _addresses(text)
    assert _addresses("Church Lane\nwas closed all week\n") == []


# ---------------------------------------------------------------- dates of birth said aloud
def test_two_figure_spoken_birth_year():
    t = "my national insurance is on file. date of birth twenty-second of May ninety one. ring me back"
    assert [t[r.start:r.end] for r in DateOfBirthRecognizer().analyze(t, [])] == ["twenty-second of May ninety one"]


# ---------------------------------------------------------------- a listed party's home, not a neighbour's flat
def test_another_flat_at_the_listed_address_is_not_the_partys():
    pm = PartyMatcher(_case())
    text = "Witness: Sam Hale\nAddress: Flat 3, 41 Rowan Parade, Ely\nHis own flat: Flat 2, 41 Rowan Parade, Ely\n"
    got = [s.start for s in pm.match(text) if s.entity_type == ADDRESS]
    assert got and all(g > text.index("His own") for g in got)


# ---------------------------------------------------------------- a listed first name in lower case
def _names(text: str) -> list[str]:
    return [text[s.start:s.end] for s in PartyMatcher(_case()).match(text) if s.entity_type == EntityType.PERSON]


def test_lower_case_possessive_before_what_is_theirs():
    assert "dean" in _names("you have me down earning 600 a week, that was deans business not mine")


def test_lower_case_possessive_as_their_home():
    assert "dean" in _names("he says hes living at deans now, in the west end")


def test_our_before_a_lower_case_first_name():
    assert "dean" in _names("i need to talk to you about our dean and this cms business")


# ---------------------------------------------------------------- a field label, not a sentence about an account
def test_sentence_about_an_account_is_no_field_label():
    from recognizers.refine import _field_label

    def lab(line: str, value: str) -> bool:
        return _field_label(line, 0, line.index(value))

    assert not lab("The old joint account at Halifax (11-22-33 / 12345678) is now in his sole name", "11-22-33")
    assert lab("  Account no: 12345678", "12345678")
    assert lab("  NHS number (optional, to help us find your records): 943 476 5919", "943")


def test_a_filled_birth_field_does_not_label_the_next_date():
    t = "Patient ref: 443 221 9087\nDate of birth: 02/11/1988\n\n9 January 2026\n\nTo whom it may concern"
    assert [t[r.start:r.end] for r in DateOfBirthRecognizer().analyze(t, [])] == ["02/11/1988"]
    # (an empty cue line still labels the date under it)
    t2 = "Date of birth:\n02/11/1988\n"
    assert [t2[r.start:r.end] for r in DateOfBirthRecognizer().analyze(t2, [])] == ["02/11/1988"]


def test_minutes_of_a_time_are_no_house_number():
    assert _addresses("Listed for 14 May 2026 at 10:30, Court 2, before the magistrates.") == []
    assert _addresses("He lives at 30, Court Lane, Hove.") != []


def test_the_flat_at_the_listed_address_is_still_the_partys():
    text = "He has been seen outside the flat at 41 Rowan Parade twice."
    assert [s for s in PartyMatcher(_case()).match(text) if s.entity_type == ADDRESS]


def test_bracketed_landline_in_a_sentence_whose_subject_is_a_body():
    text = ("Dear Sir\n\nWe suggest you take advice. The Law Society of Wessex can give you\n"
            "the names of solicitors (01632 496 228) and more.\n")
    assert _org(text, "(01632 496 228")
    text2 = "Dear Sir\n\nThe Law Society wrote to Mr Ray Bell about it (01632 496 228).\n"
    assert not _org(text2, "(01632 496 228", people=["Ray Bell"])


def test_a_households_our_home_number_is_not_an_organisations():
    text = "Dear Sir\n\nWe have moved in together. Our home number is\n01792 960 555 if you need us.\n"
    assert not _org(text, "01792 960 555")


def test_a_statement_date_is_no_house_number():
    assert _addresses("31 Oct   End balance                 423.23\n") == []
    assert _addresses("He lives at 31 Octavia Road, Hove.") != []
