"""Shared helpers for the recognizer test modules."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import spacy

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers import build_analyzer
from recognizers.analyzer import DetectSettings


def blank_model_analyzer(tmp_path_factory, case):
    """The case's analyzer over a blank spaCy pipeline (no NER): the rules on their own."""
    path = tmp_path_factory.mktemp("model") / "blank"
    spacy.blank("en").to_disk(path)
    return build_analyzer(case, DetectSettings(spacy_model=str(path)))


def found(analyzer, text, et=None) -> list[str]:
    """The texts of the findings in ``text`` (of type ``et`` when given)."""
    return [f.text for f in analyzer.analyze(text) if et is None or f.entity_type == et]


def parents_case(case_id: str, requester: str, paying: str, requester_addresses: tuple[str, ...] = (),
                 **paying_details) -> CaseRecord:
    """A case of the detection rounds' tests: the receiving parent asks, the paying parent is the one listed third
    party (with ``paying_details``: date_of_birth, addresses, ...)."""
    return CaseRecord(case_id=case_id, received=date(2026, 11, 23),
                      requester=Party(name=requester, role="receiving parent", addresses=requester_addresses),
                      third_parties=[Party(name=paying, role="paying parent", **paying_details)], root=Path("."))


def people(analyzer, text, party=PartyKind.UNKNOWN) -> list[str]:
    """The names in ``text`` found as ``party``'s (by default, unknown people's)."""
    return [f.text for f in analyzer.analyze(text) if f.entity_type == EntityType.PERSON and f.party == party]
