"""Other identifiers the agency holds for a person, listed in case.json under "identifiers"
(bank details, card, IBAN, NHS, passport, driving licence, vehicle): the requester's are never
redacted, whatever their formatting and whatever is written next to them; a listed third party's are
redacted as theirs, in any formatting."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.case_store import load_case
from pipeline.codes import EntityType, PartyKind
from pipeline.errors import CaseError
from pipeline.models import CaseRecord, Party
from recognizers import build_analyzer


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-IDS", received=date(2026, 11, 23),
        requester=Party(name="Marisol Penhaligon", role="receiving parent",
                        identifiers=(("BANK_DETAILS", "20-45-77"), ("BANK_DETAILS", "63019824"),
                                     ("UK_VEHICLE_REG", "YK21 WPD"), ("UK_NHS", "943 476 5919"))),
        third_parties=[Party(name="Corwin Ashdale", role="paying parent",
                             identifiers=(("UK_VEHICLE_REG", "LR68 HMZ"), ("IBAN_CODE", "GB33 BUKB 2020 1555 5555 55")))],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer():
    return build_analyzer(_case())


def _found(analyzer, text):
    return {(text[f.start:f.end], f.entity_type, f.party) for f in analyzer.analyze_many([text])[0]}


def test_the_requesters_listed_identifiers_stay_with_nothing_beside_them(analyzer):
    text = ("Payments to be made to sort code 204577, account 6301 9824.\n"
            "Vehicle: yk21wpd seen at the address.\nNHS no 9434765919.\n")
    found = _found(analyzer, text)
    for value in ("204577", "6301 9824", "yk21wpd", "9434765919"):
        assert not any(v == value or value in v for v, _, _ in found), value


def test_a_listed_third_partys_identifiers_are_redacted_as_theirs_in_any_formatting(analyzer):
    text = "The car (LR68HMZ) was sold. Refund sent to IBAN gb33bukb20201555555555 last week.\n"
    found = _found(analyzer, text)
    assert ("LR68HMZ", EntityType.UK_VEHICLE_REG, PartyKind.THIRD_PARTY) in found
    assert any(v == "gb33bukb20201555555555" and p == PartyKind.THIRD_PARTY for v, _, p in found)


def _write(tmp_path, requester):
    root = tmp_path / "C-1"
    (root / "documents").mkdir(parents=True)
    (root / "case.json").write_text(json.dumps({"case_id": "C-1", "received": "2026-11-23",
                                                "requester": requester, "third_parties": []}), encoding="utf-8")
    return tmp_path


def test_case_json_reads_identifiers_and_names_a_wrong_kind(tmp_path):
    store = _write(tmp_path, {"name": "A B", "identifiers": {"UK_VEHICLE_REG": ["YK21 WPD"], "BANK_DETAILS": "20-45-77"}})
    case = load_case(store, "C-1")
    assert case.requester.identifiers == (("UK_VEHICLE_REG", "YK21 WPD"), ("BANK_DETAILS", "20-45-77"))
    assert "YK21" not in repr(case.requester)
    store = _write(tmp_path / "x", {"name": "A B", "identifiers": {"SHOE_SIZE": ["9"]}})
    with pytest.raises(CaseError, match="unknown kind 'SHOE_SIZE'"):
        load_case(store, "C-1")
    store = _write(tmp_path / "v", {"name": "A B", "identifiers": {"YK21 WPD": ["x"]}})
    with pytest.raises(CaseError, match="unknown kind [(]") as err:  # a value typed as a key is not echoed
        load_case(store, "C-1")
    assert "YK21" not in str(err.value)
    store = _write(tmp_path / "y", {"name": "A B", "identifiers": ["YK21 WPD"]})
    with pytest.raises(CaseError, match="identifiers' must be an object"):
        load_case(store, "C-1")
