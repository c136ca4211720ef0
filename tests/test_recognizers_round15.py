"""Detection round 15: whose is a value when nothing next to it says so, from the document's
structure: a letter's own reference for the person it is written to, a record's block for one person
("Tenant(s): / Name: X", "Keeper: / Name: X") and the rows under "the Tenant's account:", "the car that
you drive" in a letter to the requester, a value case.json lists for the requester but said to be a third
party's now, and a third party's value equal to one of the requester's (two accounts at one branch share
a sort code). Each rule test fails without its rule; guards keep the third parties' versions redacted.

Blank spaCy pipeline (no NER). Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, found

BANK = EntityType.BANK_DETAILS
CAR = EntityType.UK_VEHICLE_REG
REF = EntityType.CASE_REFERENCE
ADDRESS = EntityType.ADDRESS
PHONE = EntityType.PHONE_NUMBER


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R15", received=date(2026, 11, 22),
        requester=Party(name="Ilona Kaczmarek", role="receiving parent", phones=["0116 496 0412"]),
        third_parties=[
            Party(name="Tomasz Kaczmarek", role="paying parent (ex-husband)"),
            Party(name="Renata Bielska", role="paying parent's partner"),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def rp(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


HEAD = "Ms Ilona Kaczmarek\n12 Mill Lane\nLeicester\n\n"


# ---------------------------------------------------------------- a letter's own reference for its addressee

def test_letters_reference_is_the_addressees(rp):
    text = HEAD + "Tenancy ref: WH/RC/0007\nDate: 4 November 2026\n\nDear Ms Kaczmarek\n\nYour rent account is up to date.\n"
    assert "WH/RC/0007" not in found(rp, text, REF)


def test_reference_said_of_someone_else_still_goes(rp):
    text = HEAD + "Dear Ms Kaczmarek\n\nYour former husband gave us his payroll number, NBL-30417, on the phone.\n"
    assert "NBL-30417" in found(rp, text, REF)


def test_reference_in_a_letter_about_someone_else_still_goes(rp):
    text = (HEAD + "Re: Mr Tomasz Kaczmarek\nPayroll number: NBL-30417\n\nDear Ms Kaczmarek\n\n"
            "We write about the paying parent's earnings.\n")
    assert "NBL-30417" in found(rp, text, REF)


# ---------------------------------------------------------------- a record's blocks for one person

TENANCY = ("ASSURED SHORTHOLD TENANCY AGREEMENT\n\n"
           "Landlord:\n  Name: Mr Nigel Ashworth\n  Telephone: 07700 900418\n\n"
           "Tenant(s):\n  Name: Ms Ilona Kaczmarek\n  Previous address: Flat 5, 3 Catherine Street, Leicester LE4 6AD\n\n"
           "Rent is to be paid by standing order to the Landlord's account:\n  Sort code: 60-02-14\n  Account number: 81130265\n\n"
           "Deposit to be returned to the Tenant's account:\n  Sort code: 09-01-28\n  Account number: 27731590\n")


def test_rows_under_the_tenants_account_are_the_tenants(rp):
    got = " ".join(found(rp, TENANCY, BANK))
    assert "27731590" not in got and "09-01-28" not in got
    assert "81130265" in got and "60-02-14" in got  # the landlord's account still goes (not the tenant named above it)


def test_address_row_in_the_requesters_block_is_hers(rp):
    got = " ".join(found(rp, TENANCY, ADDRESS))
    assert "Catherine Street" not in got


def test_address_row_in_someone_elses_block_still_goes(rp):
    text = ("Landlord:\n  Name: Mr Nigel Ashworth\n  Address: 8 Stoneygate Avenue, Leicester LE2 3HE\n\n"
            "Tenant(s):\n  Name: Ms Ilona Kaczmarek\n")
    assert any("Stoneygate" in x for x in found(rp, text, ADDRESS))


DVLA = ("DVLA - VEHICLE RECORD ENQUIRY\n\nRegistration mark: YF17 HMK\nMake/model: Volkswagen Passat\n\n"
        "Keeper:\n  Name: {keeper}\n  Keeper since: 22/06/2024\n\n"
        "Previous keeper:\n  Name: {previous}\n")


def test_record_header_vehicle_is_the_keepers(rp):
    text = DVLA.format(keeper="MS ILONA KACZMAREK", previous="MR TOMASZ KACZMAREK")
    assert "YF17 HMK" not in found(rp, text, CAR)


def test_record_header_vehicle_of_a_third_party_keeper_still_goes(rp):
    text = DVLA.format(keeper="MR TOMASZ KACZMAREK", previous="MS ILONA KACZMAREK")
    assert "YF17 HMK" in found(rp, text, CAR)


# ---------------------------------------------------------------- "that you drive"

def test_car_that_you_drive_is_the_readers(rp):
    text = HEAD + "Dear Ms Kaczmarek\n\nThe Ford Focus LD19 XKT that you drive remains registered to our client.\n"
    assert "LD19 XKT" not in found(rp, text, CAR)


def test_car_that_you_said_he_drives_still_goes(rp):
    text = HEAD + "Dear Ms Kaczmarek\n\nThe Ford Focus LD19 XKT that you told us about is his.\n"
    assert "LD19 XKT" in found(rp, text, CAR)


# ---------------------------------------------------------------- the requester's listed value, now someone else's

def test_listed_landline_now_in_a_third_partys_name_goes(rp):
    text = (HEAD + "Dear Ms Kaczmarek\n\nThe landline at your old address, 0116 496 0412, is now in Mr Kaczmarek's "
            "name, so please give us another number.\n")
    assert "0116 496 0412" in found(rp, text, PHONE)


def test_listed_landline_stays_hers(rp):
    text = HEAD + "Dear Ms Kaczmarek\n\nWe tried to call you on 0116 496 0412 but there was no answer.\n"
    assert "0116 496 0412" not in found(rp, text, PHONE)


# ---------------------------------------------------------------- equal to hers, but said to be someone else's

SAME_BRANCH = (HEAD + "Dear Ms Kaczmarek\n\nYour account: sort code 40-11-62, account 71203348.\n\n"
               "We have written to the paying parent.\n\nWe will tell you when the payments start.\n\n"
               "A neighbour rang us too and gave his sort code 40-11-62, account number 55091823.\n")


def test_value_equal_to_hers_but_stated_as_his_goes(rp):
    got = found(rp, SAME_BRANCH, BANK)
    assert "40-11-62" in got and "55091823" in got
    assert "71203348" not in got


def test_value_equal_to_hers_with_nothing_said_stays_hers(rp):
    text = (HEAD + "Dear Ms Kaczmarek\n\nYour account: sort code 40-11-62, account 71203348.\n\n"
            "Payments will go to sort code 40-11-62 from next month.\n")
    assert found(rp, text, BANK) == []


def test_reference_in_a_letters_body_under_someone_elses_details_still_goes(rp):
    text = (HEAD + "Dear Ms Kaczmarek\n\nThe paying parent's employer sent us these details:\n"
            "Employer: Sumner Freight Ltd\nPayroll number: NBL-30417\n")
    assert "NBL-30417" in found(rp, text, REF)


def test_reference_in_a_forms_section_about_the_other_parent_still_goes(rp):
    text = ("APPLICATION FORM\n\nSECTION 1: ABOUT YOU\n  Full name: Ilona Kaczmarek\n\n"
            "SECTION 4: ABOUT THE OTHER PARENT\n  Payroll number (if known): NBL-30417\n")
    assert "NBL-30417" in found(rp, text, REF)


# ---------------------------------------------------------------- rows under a line about someone else

@pytest.mark.parametrize("header", [
    "The other parent's bank account:",
    "Ex-partner's bank details:",
    "Bank details of the other parent",
    "His bank details:",  # the requester is a woman
])
def test_rows_under_a_header_about_someone_else_are_not_the_requesters(rp, header):
    text = ("CLAIM FORM\n\nFull name: Ilona Kaczmarek\nDate: 4 May 2026\n\n" + header +
            "\n  Sort code: 20-45-77\n  Account number: 66120458\n")
    got = found(rp, text, BANK)
    assert "20-45-77" in got and "66120458" in got



# ---------------------------------------------------------------- a letter written for the other side

def test_our_client_in_a_solicitors_heading_binds_the_client(rp):
    text = (HEAD + "Dear Ms Kaczmarek\n\nChild maintenance: our client Mr Tomasz Kaczmarek\n\n"
            "We act for your former husband. Our client's National Insurance number is SL 20 95 38 B.\n")
    got = [f for f in rp.analyze(text) if f.entity_type == EntityType.UK_NINO]
    assert [f.party.value for f in got] == ["third_party"]  # his, by "our client", not an unknown person's


def test_reference_said_after_it_to_be_the_other_parents_still_goes(rp):
    text = HEAD + "Payroll no. NBL-30417 (PP)\n\nDear Ms Kaczmarek\n\nWe have contacted the employer.\n"
    assert "NBL-30417" in found(rp, text, REF)


def test_record_header_vehicle_is_the_keepers_when_the_keeper_block_is_on_the_next_page(rp):
    text = DVLA.format(keeper="MS ILONA KACZMAREK", previous="MR TOMASZ KACZMAREK")
    cut = text.index("Keeper:")
    pages = rp.analyze_many([text[:cut], text[cut:]])
    assert "YF17 HMK" not in [f.text for f in pages[0] if f.entity_type == CAR]


def test_listed_landline_said_to_be_a_third_partys_before_it_goes(rp):
    text = HEAD + "Dear Ms Kaczmarek\n\nWe have called Mr Kaczmarek's landline, 0116 496 0412, twice this week.\n"
    assert "0116 496 0412" in found(rp, text, PHONE)


def test_listed_landline_after_a_relatives_possessive_stays_unsettled_by_this_rule(rp):
    # "Mr X's mother's landline": not Mr X's; this rule does not move it (his mother is not listed)
    text = HEAD + "Dear Ms Kaczmarek\n\nYou gave Mr Kaczmarek's mother's landline, 0116 496 0412, as your contact.\n"
    assert "0116 496 0412" not in found(rp, text, PHONE)


def test_listed_number_after_someone_elses_in_the_next_sentence_stays_hers(rp):
    text = "From: Ilona Kaczmarek\n\nMr Kaczmarek's own mobile is 07700 900519. My number's still 0116 496 0412.\n"
    assert "0116 496 0412" not in found(rp, text, PHONE)


# ---------------------------------------------------------------- "Your account" is not "our account"

def test_your_account_heading_is_not_an_organisations_pay_to_cue(rp):
    # refine.ORG_PAY_CUE's "our account|bank|payment" once matched inside "Your bank details", so the
    # values in the next lines were kept as an organisation's pay-to account; a form block that names
    # nobody is left to attribution (no owner here, so it is redacted)
    text = "Your bank details:\nSort code 20-32-53\nAccount 41887712\n"
    got = found(rp, text, BANK)
    assert any("41887712" in v for v in got) and any("20-32-53" in v for v in got)


def test_our_bank_details_still_an_organisations():
    from recognizers.refine import ORG_PAY_CUE
    assert ORG_PAY_CUE.search("Please pay into our bank details below")
    assert not ORG_PAY_CUE.search("Your account: 41887712")
    assert not ORG_PAY_CUE.search("Your bank details")


# ---------------------------------------------------------------- "Mr X" is not the "Ms X" of this document

def _dlamini_case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R15b", received=date(2026, 11, 22),
        requester=Party(name="Nomvula Dlamini", role="receiving parent", aliases=["Nomvula Precious Dlamini"]),
        third_parties=[Party(name="Sipho Dlamini", role="paying parent (ex-partner)")],
        root=Path("."),
    )


def test_mr_is_not_the_woman_this_document_calls_ms(tmp_path_factory):
    # neither given name says a gender (not in the name lists), so only the titles can: the letter calls
    # the requester "Ms N P Dlamini" / "Dear Ms Dlamini", so its "Mr Dlamini" is the paying parent
    an = blank_model_analyzer(tmp_path_factory, _dlamini_case())
    text = ("Ms N P Dlamini\n4 Acacia Close\nLeicester\n\nDear Ms Dlamini\n\n"
            "Thank you for your call. Mr Dlamini's salary is paid to sort code 40-11-62, account 33108452.\n")
    fs = [f for f in an.analyze(text) if f.text == "Dlamini"]
    mr = text.index("Mr Dlamini") + 3
    assert [f.party.value for f in fs if f.start == mr] == ["third_party"]
    assert all(f.start == mr for f in fs)  # the requester's own mentions stay
    assert {"40-11-62", "33108452"} <= set(found(an, text, BANK))
