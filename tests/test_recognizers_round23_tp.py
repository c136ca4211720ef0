"""Detection round 23T: listed third parties' and other people's identifiers that were kept as the requester's or
not found: a person named as the source of a value, a scan's O/0 confusion, the street of a home named by whose it
is, a date-of-birth column of a larger household.

Each test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord
from recognizers.bank_details import ocr_corrected
from tests.detect_fixtures import blank_model_analyzer, parents_case, found

ADDRESS, BANK, VEHICLE, PHONE, DOB = (EntityType.ADDRESS, EntityType.BANK_DETAILS, EntityType.UK_VEHICLE_REG,
                                      EntityType.PHONE_NUMBER, EntityType.DATE_OF_BIRTH)


def _case() -> CaseRecord:
    return parents_case("T-R23T", "Orla Brennagh", "Casimir Vantongeren",
                        requester_addresses=("23 Pellow Street, Hexley, Dunmoor DN11 7QA",),
                        addresses=("Flat 4, 61 Quenby Rise, Tollmarsh TM3 8PW",))


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ------------------------------------------------------- the person a value was heard from is not its holder
@pytest.mark.parametrize("text,value,et", [
    ("02/04/2026  K Dunmore\nRP rang in. Vehicle as told by RP: dark blue Vauxhall Astra LM21 KVT. Noted.\n",
     "LM21 KVT", VEHICLE),
    ("02/04/2026 10:12  OUTBOUND CALL\nRP ASKED ABOUT PP'S WORK. HIS VAN SEEN AT DEPOT, REG GIVEN BY RP WX70 BTP. NOTED.\n",
     "WX70 BTP", VEHICLE),
    ("We understand that he was contacted by Ms Brennagh on 07700 900614 twice in March.\n", "07700 900614", PHONE),
])
def test_source_of_a_value_is_not_its_holder(analyzer, text, value, et):
    assert value in found(analyzer, text, et)


def test_requester_own_value_still_kept(analyzer):
    # (control: the requester named before her own car, with no cue of telling, keeps it)
    assert "LM21 KVT" not in found(analyzer, "RP drives a dark blue Vauxhall Astra LM21 KVT.\n", VEHICLE)


# ------------------------------------------------------- a scan's letter O for a nought, nought for an O
def test_ocr_corrected_same_length_and_only_with_signs():
    t = "We c0nfirm the detai1s. S0rt c0de 4O-12-39  Acc N0 7O5512O8\n14 H0LLY R0AD\n"
    c = ocr_corrected(t)
    assert len(c) == len(t) and "40-12-39" in c and "70551208" in c and "HOLLY ROAD" in c
    clean = "Office 2 at 10 Oak Road, the O2 shop."
    assert ocr_corrected(clean) is clean


def test_ocr_bank_details_found(analyzer):
    t = ("[scanned letter]\nWe c0nfirm Mr Vantongeren is empl0yed by us.\n"
         "Pay details held:  S0rt c0de 4O-12-39   Acc 7O5512O8\n")
    got = " ".join(found(analyzer, t, BANK))
    assert "4O-12-39" in got and "7O5512O8" in got


def test_ocr_address_found(analyzer):
    t = ("[scanned statement]\nMR CASIMIR VANT0NGEREN\n14 H0LLY R0AD\nTOLLMARSH  TM3 8PW\n"
         "We c0nfirm the balance bel0w.\n")
    assert any("H0LLY R0AD" in v for v in found(analyzer, t, ADDRESS))


def test_ocr_requester_listed_address_kept(analyzer):
    t = ("[scanned form]\nWe c0nfirm y0ur details.\n1.6 Address             23 PELL0W STREET\n"
         "                        HEXLEY  DUNMOOR\n    Postcode            DN11 7QA\n")
    assert not any("PELL0W" in v for v in found(analyzer, t, ADDRESS))


def test_ocr_requester_listed_address_without_postcode_kept(analyzer):
    t = ("[scanned letter]\nWe c0nfirm that Mr Vantongeren called at 23 PELL0W STREET, HEXLEY on 3 May.\n"
         "N0 further acti0n.\n")
    assert not any("PELL0W" in v for v in found(analyzer, t, ADDRESS))


# ------------------------------------------------------- the street of a home named by whose it is
@pytest.mark.parametrize("text,street", [
    ("[12/06/2026, 20:14] Dee: my cousin saw his car outside jodies mums on fenwick grove\n", "fenwick grove"),
    ("[12/06/2026, 20:14] Dee: he stays at that flat on ardley rd with her most nights\n", "ardley rd"),
    ("[12/06/2026, 20:14] Dee: they are still at his sister's, Corran Terrace [translated]\n", "Corran Terrace"),
])
def test_home_street_in_a_message(analyzer, text, street):
    assert any(street in v for v in found(analyzer, text, ADDRESS))


def test_home_cue_without_a_street_is_nothing(analyzer):
    assert found(analyzer, "[12/06/2026, 20:14] Dee: he is at his mums on the main road tonight\n", ADDRESS) == []


# ------------------------------------------------------- a household table's date-of-birth column
def test_dob_column_of_a_larger_household(analyzer):
    rows = ["  Name                     Relationship      Date of birth",
            "  Orla Brennagh            Applicant         21/07/1985",
            "  Dependant child 1        Child             -",
            "  Dependant child 2        Child             -",
            "  Dependant child 3        Child             -",
            "  Dependant child 4        Child             -",
            "  Fennick Arlow            Non-dependant     14/10/2004"]
    t = "Household members taken into account\n" + "\n".join(rows) + "\n"
    assert "14/10/2004" in found(analyzer, t, DOB)


# (a CSV export's sort-code and account columns: 23T's rule was taken out after the clean scoring of round 23 showed
# it redacting 4 of the requester's own bank details on one unseen corpus, against 2 third-party items found on one
# development corpus; unattributed columns of a payment export are as often the requester's as anyone's)
