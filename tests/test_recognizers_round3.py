"""Detection round 3: ownership of financial/ID values by document shape, officials'
staff numbers, organisations' pay-to accounts, and more unknown-name shapes.

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
        case_id="T-R3", received=date(2026, 1, 10),
        requester=Party(name="Quentin Harrowgate", role="paying parent"),
        third_parties=[Party(name="Ysolde Marchbank", role="receiving parent")],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ---------------------------------------------------------------- requester's own values
def test_requester_letter_first_person_bank_details_stay(analyzer):
    text = ("Quentin Harrowgate\n\nDear Sir\n\nPlease refund the overpayment. I bank with Northmoor.\n"
            "Sort code 40-11-62, account 31415926.\n\nYours faithfully\nQuentin Harrowgate\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []


def test_requester_letter_third_party_account_still_found(analyzer):
    text = ("Quentin Harrowgate\n\nDear Sir\n\nShe asked me to pay into her account instead.\n"
            "Her sort code 40-11-63, account 27182818.\n\nYours faithfully\nQuentin Harrowgate\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS)


def test_your_details_block_addressed_to_requester(analyzer):
    text = ("Dear Mr Harrowgate\n\nYour bank details\nSort code: 40-11-64\nAccount number: 16180339\n\n"
            "Yours sincerely\nPayments Team\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []


def test_requester_statement_header_values_stay_payees_go(analyzer):
    text = ("Northmoor Bank - Current account statement\nMR QUENTIN HARROWGATE\n1 Example Row\n"
            "Sort code 40-11-65  Account 14142135\n\n"
            "Date  Description  Paid out  Paid in\n"
            "03/02/2025 FPO J OKONKWO-BRAY 402716 55511122  40.00\n")
    found_bank = found(analyzer, text, EntityType.BANK_DETAILS)
    assert "40-11-65" not in " ".join(found_bank) and "14142135" not in " ".join(found_bank)
    assert "55511122" in " ".join(found_bank)


# ---------------------------------------------------------------- organisations
def test_organisation_pay_to_account_is_not_personal(analyzer):
    text = ("Grimsdyke Recovery Ltd\n\nPlease pay the balance by bank transfer to our client account:\n"
            "Sort code 40-11-66  Account 17320508\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []


def test_officials_staff_number_is_not_a_finding(analyzer):
    text = "Caseworker: Team 4, officer number 55012345 (Child Maintenance Service)\n"
    assert found(analyzer, text, EntityType.CASE_REFERENCE) == []
    text2 = "Spoke to the agent, Staff no. 77881234, Enforcement team\n"
    assert found(analyzer, text2, EntityType.CASE_REFERENCE) == []


def test_third_party_payroll_number_stays_personal(analyzer):
    text = "Re: Ysolde Marchbank   Payroll no: PX-40917\n"
    assert "PX-40917" in found(analyzer, text, EntityType.CASE_REFERENCE)


# ---------------------------------------------------------------- unknown people
def test_quoted_nickname_inside_a_name(analyzer):
    assert "Harriet 'Hattie' Quinlivan" in found(analyzer, "Witness: the neighbour Harriet 'Hattie' Quinlivan said so.",
                                                 EntityType.PERSON)


def test_lower_case_hyphenated_first_name_after_cue(analyzer):
    people = found(analyzer, "i spoke to anne-marie about the kids", EntityType.PERSON)
    assert any(p.startswith("anne-marie") for p in people)


def test_chat_speaker_and_addressed_first_name(analyzer):
    text = "[09:14] Tabitha: running late\nTabitha, can you call back?\n"
    assert found(analyzer, text, EntityType.PERSON).count("Tabitha") == 2


def test_caps_payee_after_payment_to(analyzer):
    text = "05/02/2025 PAYMENT TO K ABERNETHY-ROSS  25.00\n"
    assert "K ABERNETHY-ROSS" in found(analyzer, text, EntityType.PERSON)


def test_ethiopian_eritrean_names_in_gazetteer():
    from recognizers.gazetteer import is_first_name
    assert is_first_name("Tesfaye")


def test_requester_letter_far_from_signature_without_possessive(analyzer):
    body = "".join(f"Paragraph {i} about the assessment and the dates involved.\n" for i in range(9))
    text = ("Quentin Harrowgate\n\nDear Sir\n\n" + body +
            "\nI would like the refund paid to:\nSort code 40-11-67\nAccount 12312399\n\nYours faithfully\nQuentin Harrowgate\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []


def test_payment_details_for_you_heading(analyzer):
    body = "".join(f"Line {i} of the explanation of the calculation.\n" for i in range(9))
    text = ("Dear Mr Harrowgate\n\n" + body + "\nPayment details for you\nSort code: 40-11-68\n"
            "Account number: 98798799\n\nPayments Team\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []
