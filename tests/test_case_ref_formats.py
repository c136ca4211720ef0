"""A deployment's own case-reference formats (DetectSettings.case_ref_patterns) reach the search for
another party's case reference (parties.PartyMatcher), not only the CaseReferenceRecognizer."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers.parties import PartyMatcher

FORMATS = (r"\bCM\d{8}\b",)


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-REFS", received=date(2026, 11, 23),
        requester=Party(name="Lorna Pettifer", role="receiving parent", case_references=("CM12345678",)),
        third_parties=[Party(name="Dominic Haverly", role="paying parent")],
        root=Path("."),
    )


TEXT = "Her case is CM12345678. His own case, CM87654321, was closed in May."


def _refs(m: PartyMatcher):
    return [(TEXT[s.start:s.end], s.kind) for s in m.match(TEXT) if s.entity_type == EntityType.CASE_REFERENCE]


def test_the_deployments_format_finds_the_other_partys_reference_and_keeps_the_requesters():
    refs = _refs(PartyMatcher(_case(), ref_patterns=FORMATS))
    assert ("CM87654321", PartyKind.THIRD_PARTY) in refs
    assert all(party != PartyKind.THIRD_PARTY for text, party in refs if text == "CM12345678")


def test_the_default_formats_do_not_know_that_format():
    assert ("CM87654321", PartyKind.THIRD_PARTY) not in _refs(PartyMatcher(_case()))


def test_the_analyzer_passes_its_settings_formats_on():
    from recognizers.analyzer import DetectSettings, build_analyzer

    a = build_analyzer(_case(), DetectSettings(case_ref_patterns=FORMATS))
    found = a.analyze_many([TEXT])[0]
    hits = {(TEXT[f.start:f.end], f.party) for f in found if f.entity_type == EntityType.CASE_REFERENCE}
    assert ("CM87654321", PartyKind.THIRD_PARTY) in hits
    assert not any(t == "CM12345678" for t, _ in hits)
