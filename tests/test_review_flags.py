"""[detect] A value nobody is said to own is redacted and flagged for the reviewer ("check whose this
is"): it may be the requester's own. A value stated as a listed third party's, or as an unknown
person's, is redacted without the flag. The flag never changes what is redacted."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-FLAG", received=date(2026, 11, 23),
        requester=Party(name="Marisol Penhaligon", role="receiving parent"),
        third_parties=[Party(name="Corwin Ashdale", role="paying parent")],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _by_value(analyzer, text, value):
    fs = [f for f in analyzer.analyze_many([text])[0] if f.start <= text.index(value) < f.end]
    assert fs, "not redacted"
    return fs[0]


def test_a_value_with_no_owner_is_flagged(analyzer):
    text = "Payments schedule\n\nPayments were made to sort code 20-45-77, account 63019824 until March.\n"
    f = _by_value(analyzer, text, "63019824")
    assert f.entity_type == EntityType.BANK_DETAILS and f.party == PartyKind.UNKNOWN
    assert f.needs_review


def test_a_listed_third_partys_value_is_not_flagged(analyzer):
    text = "Note of call\n\nMr Ashdale said his account is sort code 20-45-77, account 63019824.\n"
    f = _by_value(analyzer, text, "63019824")
    assert f.party == PartyKind.THIRD_PARTY and not f.needs_review


def test_an_unknown_persons_stated_value_is_not_flagged(analyzer):
    text = "Note of call\n\nThe caller, Mr Tobias Quenell, gave his mobile, 07700 900812, for call backs.\n"
    f = _by_value(analyzer, text, "07700 900812")
    assert f.party == PartyKind.UNKNOWN and not f.needs_review


def test_an_address_with_no_owner_is_flagged_and_a_stated_one_is_not(analyzer):
    text = ("Enforcement referral\n\nAn enquiry traced the following address: 41 Pelham Crescent, Leighton Buzzard "
            "LU7 2QT.\n\nMr Ashdale said his new address is 9 Wendover Close, Aylesbury HP21 9LP.\n")
    f = _by_value(analyzer, text, "41 Pelham Crescent")
    assert f.entity_type == EntityType.ADDRESS and f.party == PartyKind.UNKNOWN and f.needs_review
    g = _by_value(analyzer, text, "9 Wendover Close")
    assert not g.needs_review
