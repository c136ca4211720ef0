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
from tests.detect_fixtures import blank_model_analyzer, found

REF, ADDRESS, POSTCODE, DOB, BANK, CAR, EMAIL, PHONE = (
    EntityType.CASE_REFERENCE, EntityType.ADDRESS, EntityType.UK_POSTCODE, EntityType.DATE_OF_BIRTH,
    EntityType.BANK_DETAILS, EntityType.UK_VEHICLE_REG, EntityType.EMAIL_ADDRESS, EntityType.PHONE_NUMBER)


def _case() -> CaseRecord:
    return CaseRecord(case_id="T-R21", received=date(2026, 11, 23),
                      requester=Party(name="Orla Brennagh", role="receiving parent",
                                      addresses=("23 Pellow Street, Hexley, Dunmoor DN11 7QA",)),
                      third_parties=[Party(name="Casimir Vantongeren", role="paying parent",
                                           date_of_birth="1984-06-17",
                                           addresses=("Flat 4, 61 Quenby Rise, Tollmarsh TM3 8PW",))],
                      root=Path("."))


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ---------------------------------------------------------------- an employer's staff numbers are not labelled

@pytest.mark.parametrize("line", [
    "Works/payroll number: 00733",
    "Employee no:   KLT-0931",
    "Staff number: QX-55102",
    "(NI number given, employee no. 771204)",
])
def test_employers_staff_numbers_are_not_personal_references(analyzer, line):
    # personal_reference.LABEL: payroll/employee/works/staff numbers are the employer's own (conventions: unlabelled)
    text = "Employee: Casimir Vantongeren\n" + line + "\n"
    assert found(analyzer, text, REF) == []


def test_a_policy_number_is_still_a_personal_reference(analyzer):
    text = "Policyholder: Casimir Vantongeren\nPolicy number: DHM-448120\n"
    assert found(analyzer, text, REF) == ["DHM-448120"]
