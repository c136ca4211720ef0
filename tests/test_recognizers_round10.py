"""Detection round 10: the requester's own data kept. A surname the requester shares with third
parties settled from what the document says (a role beside the name, a woman's title kept through
the document, "the younger Mr X", "to you, Mr X,", "Mr X (me, ...)", "Mrs" / "Miss" against who has
the surname by birth or by marriage), and the requester's car and bank details in the shapes a
caseworker, a DWP officer, an employer or a solicitor writes them (a form's rows under a "Name:"
row, "she still drives ...", "in her own name", "... seen at X belongs to our client", "the
claimant's vehicle" under a subject heading), while a relative's ("my brother's account") is not.

Blank spaCy pipeline (no NER). Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, found

PERSON = EntityType.PERSON
CAR = EntityType.UK_VEHICLE_REG
BANK = EntityType.BANK_DETAILS


def _okafor() -> CaseRecord:
    # two women with the requester's surname: the requester has it by marriage, the sister from birth
    return CaseRecord(
        case_id="T-R10A", received=date(2026, 11, 20),
        requester=Party(name="Grace Okafor", role="receiving parent", aliases=("Grace Eze",)),
        third_parties=[
            Party(name="Chinedu Okafor", role="paying parent (ex-husband)"),
            Party(name="Ngozi Okafor", role="paying parent's sister"),
        ],
        root=Path("."),
    )


def _hussain() -> CaseRecord:
    # two men with the surname: the requester and his adult son
    return CaseRecord(
        case_id="T-R10B", received=date(2026, 11, 20),
        requester=Party(name="Imran Hussain", role="paying parent"),
        third_parties=[
            Party(name="Sadia Hussain", role="receiving parent (ex-wife)"),
            Party(name="Bilal Hussain", role="paying parent's adult son"),
        ],
        root=Path("."),
    )


def _murphy() -> CaseRecord:
    # two women with the surname, both married into it: the requester and her former mother-in-law
    return CaseRecord(
        case_id="T-R10C", received=date(2026, 11, 20),
        requester=Party(name="Siobhan Murphy", role="paying parent"),
        third_parties=[
            Party(name="Declan Murphy", role="receiving parent (ex-husband)"),
            Party(name="Bridget Murphy", role="receiving parent's mother"),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def okafor(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _okafor())


@pytest.fixture(scope="module")
def hussain(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _hussain())


@pytest.fixture(scope="module")
def murphy(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _murphy())


def _surnames(analyzer, text: str, surname: str) -> list[PartyKind]:
    """The party of each finding that is the bare surname, in order."""
    return [f.party for f in analyzer.analyze(text) if f.entity_type == PERSON and f.text == surname]


# ---------------------------------------------------------------- shared surnames (parties.py)

def test_role_apposition_settles_a_shared_surname(murphy):
    text = ("Bridget Murphy rang on Monday.\n"
            "Ms Murphy (paying parent) called back on Tuesday.\n")
    assert _surnames(murphy, text, "Murphy") == []  # the requester's, not the last-named Bridget's


def test_the_requester_named_as_such_beside_the_surname(murphy):
    assert _surnames(murphy, "Bridget Murphy rang. Later Ms Murphy (the requester) called back.", "Murphy") == []
    assert _surnames(murphy, "Bridget Murphy rang. The data subject, Ms Murphy, called back.", "Murphy") == []


def test_a_womans_title_is_kept_through_the_document(murphy):
    text = ("Ms Murphy says his mother, Mrs Bridget Murphy, looks after them.\n"
            "Ms Murphy supplied photographs of the handover.\n")
    # "Ms Murphy" is not the woman this document calls "Mrs Bridget Murphy"
    assert _surnames(murphy, text, "Murphy") == []


def test_title_kept_through_the_document_redacts_the_other_woman_too(murphy):
    text = ("The paying parent, Ms Murphy, called about the handover.\n"
            "The receiving parent's mother rang to complain about the paying parent. Mrs Murphy was told we could not help.\n")
    assert _surnames(murphy, text, "Murphy") == [PartyKind.THIRD_PARTY]


def test_the_younger_mr_x_is_the_son(hussain):
    text = "The car registered to Mr Imran Hussain is a company car; the younger Mr Hussain's car is not.\n"
    assert _surnames(hussain, text, "Hussain") == [PartyKind.THIRD_PARTY]


def test_x_senior_is_the_older_generation(murphy):
    text = "Siobhan Murphy collects the children. Murphy senior is understood to be a pensioner.\n"
    assert _surnames(murphy, text, "Murphy") == [PartyKind.THIRD_PARTY]


def test_a_titled_surname_said_to_the_reader_is_the_addressee(hussain):
    text = ("Mr Imran Hussain\n\nDear Mr Hussain\n\n"
            "Your son, Mr Bilal Hussain, is still a cardholder on your card.\n"
            "We will write to you, Mr Hussain, at the address above.\n")
    assert _surnames(hussain, text, "Hussain") == []


def test_surname_followed_by_me_is_the_writer(hussain):
    text = ("From: Imran Hussain <ih@example.com>\nTo: CMS\n\n"
            "My son Bilal Hussain got your letter by mistake.\n"
            "Mr Hussain (me, not my son) is the one on the case.\n")
    assert _surnames(hussain, text, "Hussain") == []


def test_mrs_is_the_woman_with_the_surname_by_marriage(okafor):
    text = ("The order was served at the address of Ngozi Okafor.\n"
            "The order forbids contact with Mrs Okafor except through a solicitor.\n")
    assert _surnames(okafor, text, "Okafor") == []


def test_miss_is_the_woman_with_the_surname_from_birth(okafor):
    text = "Grace Okafor called on Monday. Miss Okafor rang the office later that day.\n"
    assert _surnames(okafor, text, "Okafor") == [PartyKind.THIRD_PARTY]


# ---------------------------------------------------------------- whose identifier (attribution.py)

def test_a_relatives_possessive_is_someone_else(hussain):
    text = "From: Imran Hussain\nTo: CMS\n\nPlease stop paying into my brother's account 30561122 now.\n"
    assert "30561122" in found(hussain, text, BANK)


def test_she_in_a_wrapped_sentence_naming_nobody(murphy):
    text = ("07/11/2026 17:45  Inbound. Caller: Ms Murphy, the paying parent. She confirmed she still drives\n"
            "the Vauxhall Corsa, MA17 RZO. Updated.\n")
    assert found(murphy, text, CAR) == []


def test_in_her_own_name_in_a_wrapped_sentence(murphy):
    text = ("05/11/2026 08:55  Inbound. Caller: Ms Murphy (paying parent). Passed security. Card taken by phone and set up for the 15th of\n"
            "each month; the card is in her own name, bank details for refunds: sort code 09-01-29\n"
            "account 44812076 (Santander).\n")
    assert found(murphy, text, BANK) == []


def test_her_relatives_car_is_not_hers(murphy):
    text = ("Caller: Ms Murphy, the paying parent. She said her brother still drives\n"
            "the Vauxhall Corsa, MA17 RZO.\n")
    assert found(murphy, text, CAR) == ["MA17 RZO"]


def test_a_form_row_under_the_name_row(murphy):
    text = ("REFERRED BY / OTHER PARENT\n"
            "Name: Siobhan Murphy (paying parent)\n"
            "Vehicle: MA17 RZO\n\n"
            "SUBJECT OF REFERRAL\n"
            "Name: Declan Murphy\n"
            "Vehicle: PK20 LXE\n")
    assert found(murphy, text, CAR) == ["PK20 LXE"]


def test_a_form_row_under_an_employee_row(hussain):
    rows = "Payroll number: AVT-20417\nCompany car: BD70 XKM\n"
    assert found(hussain, "Employee: Mr Imran Hussain\n" + rows) == []  # his payroll number too
    assert found(hussain, "Employee: Mr Bilal Hussain\n" + rows) == ["Bilal Hussain", "AVT-20417", "BD70 XKM"]


def test_owner_said_after_a_seen_at_phrase(hussain):
    text = ("Our client: Mr Imran Hussain\n\n"
            "For the avoidance of doubt, the Honda Jazz MX66 FBO seen at the restaurant belongs to our client.\n")
    assert found(hussain, text, CAR) == []


def test_the_claimants_vehicle_under_a_subject_heading(hussain):
    text = ("SUBJECT (CMS client)\n"
            "Name            Imran Hussain\n\n"
            "CMS ACTION REQUIRED\n"
            "- Check the claimant's declared vehicle (VW Passat FN16 WUB) against the claim.\n")
    assert found(hussain, text, CAR) == []


def test_the_claimants_vehicle_when_the_subject_is_a_third_party(hussain):
    text = ("SUBJECT OF REFERRAL\n"
            "Name: Sadia Hussain\n\n"
            "- Check the claimant's declared vehicle (VW Passat FN16 WUB) against the claim.\n")
    assert found(hussain, text, CAR) == ["FN16 WUB"]


def test_surname_row_settled_by_the_forename_row(okafor):
    rows = "Vehicle registration: LR68 KVA\n"
    assert found(okafor, "APPLICATION FORM\nSurname: OKAFOR\nForename(s): Grace\n" + rows) == []
    assert found(okafor, "APPLICATION FORM\nSurname: OKAFOR\nForename(s): Ngozi\n" + rows) == ["OKAFOR", "Ngozi", "LR68 KVA"]


def test_the_callers_own_details_when_one_caller_is_named(okafor):
    text = "Caller: Mrs Grace Okafor. DPA passed.\nThe caller's own mobile is 07700 900615 and the caller's car is LR68 KVA.\n"
    assert found(okafor, text) == []
    text = "Caller: Ms Ngozi Okafor. Failed security.\nThe caller's own mobile is 07700 900615 and the caller's car is LR68 KVA.\n"
    assert found(okafor, text) == ["Ngozi Okafor", "07700 900615", "LR68 KVA"]


def test_a_bare_role_possessive_row_under_a_subject_heading(hussain):
    text = "SUBJECT (CMS client)\nName   Imran Hussain\n\nCustomer's vehicle: FN16 WUB\n"
    assert found(hussain, text, CAR) == []


LETTER_TO_SIOBHAN = "Siobhan Murphy\n3 Glenview Terrace\n\nDear Ms Murphy\n\n"


def test_third_person_title_in_a_you_sentence_of_a_letter_is_not_the_addressee(murphy):
    text = LETTER_TO_SIOBHAN + "We will not discuss your case with Mrs Murphy.\n"
    assert _surnames(murphy, text, "Murphy") == [PartyKind.THIRD_PARTY]


def test_a_title_set_off_by_commas_in_a_you_sentence_is_the_addressee(okafor):
    text = ("Grace Okafor\n44 Blackstock Road\n\nDear Mrs Okafor\n\nNgozi Okafor called us on Monday.\n"
            "As we discussed, Mrs Okafor, your payments will start in May.\n")
    assert _surnames(okafor, text, "Okafor") == []


def test_a_name_in_apposition_to_your_relative_is_not_the_addressee(hussain):
    text = ("Mr Imran Hussain\n17 Whetley Lane\n\nDear Mr Hussain\n\n"
            "We have written to your former wife, Mrs Hussain, at her address, and you may call us.\n")
    assert _surnames(hussain, text, "Hussain") == [PartyKind.THIRD_PARTY]


def test_a_name_written_surname_first_does_not_span_a_blank_line(okafor):
    from recognizers.parties import PartyMatcher
    text = "Dear Mrs Okafor\n\nNgozi Okafor called us on Monday.\n"
    spans = [text[p.start:p.end] for p in PartyMatcher(_okafor()).match(text)]
    assert spans == ["Okafor", "Ngozi Okafor"]  # not "Okafor\n\nNgozi"


def test_a_statement_row_with_labels_and_no_colons(hussain):
    # (a guard: a short block like this one was already kept by refine's block rule)
    rows = "Statement date: 1 Nov 2026\nSort code 30-94-12   Account number 58201746\n"
    assert found(hussain, "Account name: MR IMRAN HUSSAIN\n" + rows) == []
    assert found(hussain, "Account name: MR BILAL HUSSAIN\n" + rows) == ["BILAL HUSSAIN", "30-94-12", "58201746"]


def test_a_vehicle_row_with_the_make_and_model_before_the_registration(okafor):
    # (a guard, as above)
    rows = "Cover: Comprehensive\nVehicle: Ford Focus 1.0 LR68 KVA\n"
    assert found(okafor, "Policyholder: Mrs Grace Okafor\n" + rows) == []
    assert found(okafor, "Policyholder: Ms Ngozi Okafor\n" + rows) == ["Ngozi Okafor", "LR68 KVA"]


def test_a_long_about_you_section(okafor):
    # the rows further than a few lines below the name rows: the form-row rule looks up to 14 lines back
    text = ("SECTION 1 ABOUT YOU\nTitle: Mrs\nFirst name: Grace\nSurname: Okafor\nDate of birth: 09/04/1988\n"
            "Mobile: 07700 900614\nEmail: g@example.com\nBank: Lloyds\nSort code: 60-83-71\n"
            "Account number: 27715540\nVehicle registration: LR68 KVA\n")
    assert found(okafor, text) == []


def test_a_sentence_on_a_notes_row_is_not_a_form_row(okafor):
    assert found(okafor, "Name: Grace Okafor\nNotes: She said the PP drives LR68 KVA.\n", CAR) == ["LR68 KVA"]


def test_registered_to_a_titled_name_in_capitals(okafor):
    text = "Ngozi Okafor attended. The vehicle LR68 KVA is registered to Mrs Grace Okafor.\n"
    assert found(okafor, text, CAR) == []


def test_owner_in_brackets_after_the_value(okafor):
    text = "Officers noted LR68 KVA (the RP's car) and YE21 HFD (the PP's van) outside.\n"
    assert found(okafor, text, CAR) == ["YE21 HFD"]


def test_which_is_x_s_after_the_value(okafor):
    text = "Two cars were seen: LR68 KVA, which is Mrs Grace Okafor's, and YE21 HFD.\n"
    assert found(okafor, text, CAR) == ["YE21 HFD"]


def test_pronoun_rule_leaves_a_sentence_about_someone_else(okafor):
    text = "Caller: Mrs Grace Okafor. She said PP's sister keeps calling\nher from 07700 900695 most nights.\n"
    assert found(okafor, text) == ["07700 900695"]


def test_a_row_labelled_as_someone_elses_is_not_the_name_rows_person(okafor):
    text = "Name: Grace Okafor\nDOB: 09/04/1988\nEx-partner's vehicle: YE21 HFD\nEmergency contact: 07700 900111\n"
    assert found(okafor, text) == ["YE21 HFD", "07700 900111"]


def test_thank_you_mrs_x_without_a_comma_is_the_addressee(okafor):
    text = "Grace Okafor\n\nDear Mrs Okafor\n\nNgozi Okafor rang us.\nThank you Mrs Okafor for your call.\n"
    assert _surnames(okafor, text, "Okafor") == []


def test_dear_settled_by_the_readers_own_reference_in_the_letter(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R10D", received=date(2026, 11, 20),
        requester=Party(name="Siobhan Murphy", role="paying parent", case_references=("CMS-2026-451288",)),
        third_parties=[
            Party(name="Declan Murphy", role="receiving parent (ex-husband)", case_references=("CMS-2026-451296",)),
            Party(name="Bridget Murphy", role="receiving parent's mother"),
        ],
        root=Path("."),
    )
    an = blank_model_analyzer(tmp_path_factory, case)
    text = "Dear Ms Murphy\n\nThank you for your call. Your case reference is CMS-2026-451288. Mrs Murphy called us too.\n"
    assert _surnames(an, text, "Murphy") == [PartyKind.THIRD_PARTY]  # "Dear Ms Murphy" kept, "Mrs Murphy" redacted


def test_dear_settled_by_your_ex_husband_in_the_letter(okafor):
    # case.json's "paying parent (ex-husband)" is the requester's ex-husband, so the reader is the requester
    text = "Dear Mrs Okafor\n\nWe have written to your ex-husband about the arrears. Ms Okafor called.\n"
    assert _surnames(okafor, text, "Okafor") == [PartyKind.THIRD_PARTY]  # only the sister's "Ms Okafor"


def test_you_own_the_value_in_a_letter_to_you(okafor):
    head = "Mrs G Okafor\n\nDear Mrs Okafor\n\n"
    assert found(okafor, head + "You told us you now drive a Ford Focus, LR68 KVA.\n", CAR) == []
    assert found(okafor, head + "You told us your ex-husband now drives a van, YE21 HFD.\n", CAR) == ["YE21 HFD"]
    assert found(okafor, head + "You said you saw a Ford Focus, YE21 HFD, outside.\n", CAR) == ["YE21 HFD"]


def test_registered_keeper_after_the_value(okafor):
    text = "Ngozi Okafor was stopped in vehicle LR68 KVA (registered keeper: Grace OKAFOR) on 3 May.\n"
    assert found(okafor, text, CAR) == []
    text = "Grace Okafor reported a grey Ford Ranger YE21 HFD, registered keeper Ngozi OKAFOR, outside.\n"
    assert found(okafor, text, CAR) == ["YE21 HFD"]


def test_a_caller_who_passed_security_is_a_parent_on_the_case(okafor):
    text = ("14/10/2026 Inbound call. Ngozi Okafor's number was given.\n"
            "15/10/2026 Inbound call. Caller: Ms Okafor. Passed security (DOB and postcode). Asked about arrears.\n"
            "16/10/2026 Inbound call. Caller: Ms Okafor. Failed security, no information given.\n")
    got = [f for f in okafor.analyze(text) if f.entity_type == PERSON]
    assert [f.text for f in got] == ["Ngozi Okafor", "Okafor"]
    assert got[1].start > text.index("16/10/2026")  # the caller who failed security is still redacted


def test_x_s_relative_names_whose_relative_case_json_lists(hussain, murphy):
    # "paying parent's adult son" makes "Mr Hussain's son" the paying parent's
    assert _surnames(hussain, "Bilal Hussain attended. Mr Hussain's son works in the warehouse.\n", "Hussain") == []
    # "receiving parent (ex-husband)" is the requester's ex-husband
    assert _surnames(murphy, "Bridget Murphy rang. Ms Murphy's ex-husband has the children.\n", "Murphy") == []
    # "receiving parent's mother": "Mrs Murphy's son" is said of her
    assert _surnames(murphy, "Siobhan Murphy rang. Mrs Murphy's son has the children.\n", "Murphy") == [PartyKind.THIRD_PARTY]


def test_what_page_one_says_settles_a_surname_on_page_two(hussain):
    page1 = "Mr Imran Hussain\n17 Whetley Lane\n\nDear Mr Hussain\n\nYour son, Mr Bilal Hussain, is a cardholder.\n"
    page2 = "We will write to you, Mr Hussain, at the address above.\n"
    got = hussain.analyze_many([page1, page2])
    assert [f.text for f in got[1] if f.entity_type == PERSON] == []


def test_the_party_last_named_on_page_one_counts_on_page_two(hussain):
    page1 = "Bilal Hussain has moved out.\nOur client: Mr Imran Hussain\n"
    page2 = "Mr Hussain tells us that the payments stopped.\n"
    got = hussain.analyze_many([page1, page2])
    assert [f.text for f in got[1] if f.entity_type == PERSON] == []
