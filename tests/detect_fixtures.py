"""Shared helpers for the recognizer test modules (rounds 2 to 5)."""
from __future__ import annotations

import spacy

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
