"""[detect] A listed third party is also found under the usual other forms of a given name that case.json does not
list ("Dave" for David, "Peggy" for Margaret), alone and with the surname; a form that is also a common word ("Bill")
only with the surname. The requester's own given names and their other forms never become a third party's.
A listed name that OCR read with figures for letters ("5ANDHU", "0KAFOR") is found too. A double given name the name
lists do not hold whole ("Rosie-Anne") still gives its holder a gender, which settles a shared surname after "Mr"."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers.parties import nickname_forms
from tests.detect_fixtures import blank_model_analyzer


def _case() -> CaseRecord:
    return CaseRecord(case_id="T-NICK", received=date(2026, 11, 23),
                      requester=Party(name="Rebecca Thornbury", role="receiving parent"),
                      third_parties=[Party(name="David Okafor", role="paying parent"),
                                     Party(name="Margaret Okafor", role="paying parent's mother"),
                                     Party(name="William Hale", role="paying parent's employer"),
                                     Party(name="Becky Lyle", role="paying parent's partner")],
                      root=Path("."))


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    # a blank NER model: only the case's listed forms can find these names
    return blank_model_analyzer(tmp_path_factory, _case())


def _people(analyzer, text: str) -> dict[str, str]:
    return {f.text: f.party.value for f in analyzer.analyze_many([text])[0] if f.entity_type == EntityType.PERSON}


def test_the_table_is_read_both_ways():
    assert {"dave", "davey"} <= nickname_forms("David")
    assert "rebecca" in nickname_forms("becky")
    assert nickname_forms("Chinedu") == frozenset()


@pytest.mark.parametrize("text, name", [
    ("On Sunday Dave came round and shouted at the children.", "Dave"),
    ("She said that Peggy rang the school twice.", "Peggy"),
    ("Payments stopped when Dave Okafor changed jobs.", "Dave Okafor"),
    ("I have never met Peggy Okafor.", "Peggy Okafor"),
    ("The employer, Bill Hale, returned the form.", "Bill Hale"),
])
def test_a_listed_third_party_under_another_form_of_the_given_name(analyzer, text, name):
    assert _people(analyzer, text).get(name) == PartyKind.THIRD_PARTY.value


def test_a_form_that_is_a_common_word_needs_the_surname(analyzer):
    assert "Bill" not in _people(analyzer, "I paid the gas Bill on time and kept the receipt.")


def test_the_requesters_forms_are_never_a_third_partys(analyzer):
    # the listed third party Becky's canonical name "Rebecca" is the requester's own given name
    found = _people(analyzer, "Yesterday Rebecca phoned the office about the arrears.")
    assert found.get("Rebecca") != PartyKind.THIRD_PARTY.value


# ---------------------------------------------------------------- a listed name as OCR reads it

def _ocr_case() -> CaseRecord:
    return CaseRecord(case_id="T-OCR", received=date(2026, 11, 23),
                      requester=Party(name="Aoife Quinlan", role="receiving parent"),
                      third_parties=[Party(name="Harjit Sandhu", role="paying parent"),
                                     Party(name="Tobias Okafor", role="paying parent's partner")],
                      root=Path("."))


@pytest.fixture(scope="module")
def ocr_analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _ocr_case())


@pytest.mark.parametrize("text, name", [
    ("PAYSLIP  EMPLOYEE: 5ANDHU H S   TAX CODE 1257L\n", "5ANDHU"),
    ("Tenant: Mr T 0KAFOR, rent account in arrears\n", "0KAFOR"),
])
def test_a_listed_name_with_figures_for_letters_is_found(ocr_analyzer, text, name):
    assert _people(ocr_analyzer, text).get(name) == PartyKind.THIRD_PARTY.value


def test_a_code_of_letters_and_figures_is_no_name(ocr_analyzer):
    assert _people(ocr_analyzer, "Ref AB12CD and tax code 1257L, works no S4NDY9\n") == {}


# --- a shared surname settled by the title, where a party's given name is double ("Emma-Louise") -----------------

def _shared_case() -> CaseRecord:
    return CaseRecord(case_id="T-SHARED", received=date(2026, 11, 23),
                      requester=Party(name="Kemal Arslan", role="paying parent"),
                      third_parties=[Party(name="Rosie-Anne Pritchard", role="receiving parent",
                                           aliases=("Rosie Arslan",))],
                      root=Path("."))


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _shared_case())


def test_double_given_name_gives_the_party_a_gender():
    from recognizers.parties import name_gender

    assert name_gender(Party(name="Rosie-Anne Pritchard")) == "F"  # neither list holds "Rosie-anne" whole
    assert name_gender(Party(name="Kemal Arslan")) == "M"


def test_mr_with_the_shared_surname_is_the_requester(shared):
    text = ("Our client: Rosie-Anne PRITCHARD (DOB 25/08/1989)\nPaying parent: Kemal ARSLAN\n\nWe act for the "
            "above-named receiving parent. Her new address must not be disclosed to Mr Arslan. Our client believes "
            "that Mr Arslan works for cash.\n")
    found = _people(shared, text)
    assert "Arslan" not in found  # "Mr Arslan" is the man of the two who share the surname: the requester
    assert found.get("Rosie-Anne PRITCHARD") == "third_party"
