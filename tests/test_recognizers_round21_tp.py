"""Detection round 21T: third parties' and unknown people's identifiers in other layouts, and organisations'
own numbers and contact details kept.

Each test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, parents_case, found

REF, ADDRESS, POSTCODE, DOB, BANK, CAR, EMAIL, PHONE = (
    EntityType.CASE_REFERENCE, EntityType.ADDRESS, EntityType.UK_POSTCODE, EntityType.DATE_OF_BIRTH,
    EntityType.BANK_DETAILS, EntityType.UK_VEHICLE_REG, EntityType.EMAIL_ADDRESS, EntityType.PHONE_NUMBER)


def _case() -> CaseRecord:
    return parents_case("T-R21", "Orla Brennagh", "Casimir Vantongeren",
                        requester_addresses=("23 Pellow Street, Hexley, Dunmoor DN11 7QA",), date_of_birth="1984-06-17",
                        addresses=("Flat 4, 61 Quenby Rise, Tollmarsh TM3 8PW",))


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ---------------------------------------------------------------- an employer's staff numbers: a policy decision
# (21T proposed not redacting them, as the corpora leave them unlabelled; kept as the README's decision: a third
# party's own payroll or employee number identifies them to anyone with the employer's records, and is redacted)

@pytest.mark.parametrize("line", [
    "Works/payroll number: 00733",
    "Employee no:   KLT-0931",
    "Staff number: QX-55102",
])
def test_a_third_partys_staff_number_is_redacted(analyzer, line):
    text = "Employee: Casimir Vantongeren\n" + line + "\n"
    assert found(analyzer, text, REF) == [line.split(":")[1].strip()]


def test_a_policy_number_is_still_a_personal_reference(analyzer):
    text = "Policyholder: Casimir Vantongeren\nPolicy number: DHM-448120\n"
    assert found(analyzer, text, REF) == ["DHM-448120"]


# ---------------------------------------------------------------- a PO box block's later lines are the organisation's

def test_postcode_under_a_po_box_line_is_the_organisations(analyzer):
    # refine._under_po_box_line: "PO Box" on an earlier line of the same address block
    text = ("Return the completed form in the envelope, or post it to:\n\nPO Box 5512\nSorting Office 3\n"
            "Dunmoor\nDN99 4XT\n\nEmployee: Casimir Vantongeren\n")
    assert found(analyzer, text, POSTCODE) == []


def test_a_persons_postcode_after_a_po_box_block_still_goes(analyzer):
    text = ("Reply to: PO Box 5512, Dunmoor DN99 4XT\n\nThe paying parent now lives at\n14 Harl Crescent\nDunmoor\n"
            "DN6 2PL\n")
    assert any("DN6 2PL" in t for t in found(analyzer, text))


# ---------------------------------------------------------------- addresses in capitals, and what is no house number

@pytest.mark.parametrize("text, want", [
    ("14/03/2026 ADV - RP SAYS PP'S FRIEND LIVES AT 9 HALSTOW GROVE, ELM PARK.\n", "9 HALSTOW GROVE, ELM PARK"),
    ("Address: FLAT 2 58 PURLEY MEWS RD\nTOLLMARSH TM2 6QP\n", "FLAT 2 58 PURLEY MEWS RD\nTOLLMARSH TM2 6QP"),
])
def test_an_address_in_capitals(analyzer, text, want):
    # address.street_name: a street word in capitals after words in capitals
    assert want in found(analyzer, text, ADDRESS)


@pytest.mark.parametrize("text", [
    "Date: 4 November 2026    Court 2\nComplainant: Secretary of State\n",  # a date's year before "Court"
    "Hearing listed 12/03/2026 Court 3 at 10am.\n",
    "Our office line is 0161 496 0007, Harrow Road Hub.\n",  # the last group of a phone number
    "03 OCT  CARD 4471 TESCO STORES RD                 12.50\n",  # a card's last digits on a statement
    "PART 4  BANK OR BUILDING SOCIETY DETAILS\n",  # a form's part
])
def test_what_is_no_house_number(analyzer, text):
    # address._DIGITS_BEFORE / _DATE_YEAR_BEFORE and the house number never starting with a nought
    assert found(analyzer, text, ADDRESS) == []


# ---------------------------------------------------------------- a street named without a number by whose home it is

@pytest.mark.parametrize("text, want", [
    ("we split up and she is at her mothers in Harrowby, Quill Street. leave her out of it", "Harrowby, Quill Street"),
    ("Kids can be collected from my nan's on Pelham Grove after school", "Pelham Grove"),
    ("she's not at the old flat now, she is at his house in Ferrybridge, Marsh Lane\n", "Ferrybridge, Marsh Lane"),
])
def test_a_relatives_home_by_the_possessive_and_a_district(analyzer, text, want):
    # address.CUED_STREET_RE: "<his/her/my> <relative>'s on/in [district,] street"
    assert any(want in t for t in found(analyzer, text, ADDRESS))


def test_a_body_named_as_the_source_does_not_own_the_address(analyzer):
    # organisations.SOURCE_BEFORE: "per DVLA:" names where the address came from
    text = "PP NEW ADDR PER DVLA: FLAT 6, 22 OSWIN TERRACE, TOLLMARSH TM4 1QA.\n"
    assert any("OSWIN TERRACE" in t for t in found(analyzer, text, ADDRESS))


# ---------------------------------------------------------------- dates of birth

def test_a_second_date_of_birth_with_its_cue_left_out(analyzer):
    # date_of_birth._GAPPED_DOB
    text = "Recital: the first Respondent's date of birth is given as 3 May 1991 and the second Respondent's as\n9 July 1987.\n"
    assert found(analyzer, text, DOB) == ["3 May 1991", "9 July 1987"]


def test_a_spaced_date_of_birth_after_a_dotted_leader(analyzer):
    # date_of_birth: the leader taken out before the cue is looked for (spaced figures)
    text = "Relationship .......................... FRIEND\nDate of birth .......................... 11 08 1993\n"
    assert found(analyzer, text, DOB) == ["11 08 1993"]


# ---------------------------------------------------------------- a listed identifier as a scan reads it

def test_listed_account_number_with_a_letter_for_a_figure(tmp_path_factory):
    # parties._flex_ocr: a nought read as O, a one as l
    case = CaseRecord(case_id="T-R21B", received=date(2026, 11, 23), requester=Party(name="Orla Brennagh"),
                      third_parties=[Party(name="Casimir Vantongeren", role="paying parent",
                                           identifiers=(("BANK_DETAILS", "40-21-17"), ("BANK_DETAILS", "70158102")))],
                      root=Path("."))
    a = blank_model_analyzer(tmp_path_factory, case)
    assert found(a, "NET PAY   1,204.11\nPaid to: 40-2l-17  7O158lO2\n", BANK) == ["40-2l-17", "7O158lO2"]


# ---------------------------------------------------------------- organisations' contact details in an e-mail chain

def test_a_signatures_address_under_the_job_title_is_the_workplaces(analyzer):
    # refine._signature_office_address: name / "Title, Organisation" / address
    text = ("Kind regards\n\nMorwenna Tallis\nSenior Caseworker, Office of the Tollmarsh Member\n"
            "7 Quayside Row, Tollmarsh TM1 2AA\n")
    assert not any("Quayside Row" in t for t in found(analyzer, text, ADDRESS))


def test_a_persons_home_address_under_her_name_still_goes(analyzer):
    text = "Kind regards\n\nMorwenna Tallis\n7 Quayside Row, Tollmarsh TM1 2AA\n"
    assert any("Quayside Row" in t for t in found(analyzer, text, ADDRESS))


@pytest.mark.parametrize("mailbox, org", [
    ("housingoptions@tollmarshhomes.example.org", True),   # two ordinary words: a team's
    ("greeneyes@gmail.com", False),                          # a person's choice at a public mail service
    ("housingoptions@hotmail.co.uk", False),
    ("sunnydays@tiscali.co.uk", False),                      # UK internet providers' mail services too
    ("sunnydays@plusnet.com", False),
    ("sunnydays@blueyonder.co.uk", False),
    ("jonsmith@tollmarshhomes.example.org", False),          # a name
])
def test_a_mailbox_named_by_two_ordinary_words(mailbox, org):
    # refine._words_mailbox in is_org_mailbox
    from recognizers.refine import is_org_mailbox
    assert is_org_mailbox(mailbox) is org


def test_a_forms_heading_for_a_bodys_address(analyzer):
    # refine._ORG_ADDRESS_HEADING: "address of your bank" a few lines above, in the same block
    text = "Postal address of your employer:\n  Unit 4, Harl Way\n  Tollmarsh TM1 4BB\n"
    assert found(analyzer, text) == []


# ---------------------------------------------------------------- what is no bank account

@pytest.mark.parametrize("text", [
    "Employee: Casimir Vantongeren,\nNI KT 41 72 06 B, clock number 55120934.\n",   # NI figures are no sort code
    "I enclose the council's letter about his council tax (account 60241187).\n",   # a bill's account
    "Her rent account 41002215 is in arrears.\n",
])
def test_not_a_bank_account(analyzer, text):
    # bank_details._NINO_PREFIX/_NINO_SUFFIX and _NON_BANK_ACCOUNT
    assert found(analyzer, text, BANK) == []


def test_the_whole_account_not_its_last_digits_said_again(analyzer):
    # bank_details: next to a sort code, a whole account number before the "ending ..." tail
    text = "Casimir Vantongeren is paid to account 71203348, sort code 40-11-62 (account ending 3348 confirmed).\n"
    assert sorted(found(analyzer, text, BANK)) == ["40-11-62", "71203348"]


def test_a_flat_in_a_named_block_in_capitals(analyzer):
    # address.FLAT_IN_BLOCK_RE in capitals
    text = "PP NEW ADDR: FLAT 9, ROWAN HOUSE, TOLLMARSH TM1 2AB\n"
    assert any(t.startswith("FLAT 9, ROWAN HOUSE") for t in found(analyzer, text, ADDRESS))
