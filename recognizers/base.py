"""Shared helpers for sarpack's pattern recognizers."""
from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult

# Case-sensitive by default: each pattern says (?i) where case does not matter.
FLAGS = re.MULTILINE


def result(rec, entity: str, start: int, end: int, score: float, why: str) -> RecognizerResult:
    """A RecognizerResult that names the recognizer ``rec`` and says why it matched."""
    return RecognizerResult(
        entity, start, end, score,
        AnalysisExplanation(recognizer=rec.name, original_score=score, textual_explanation=why),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: rec.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: rec.id,
        },
    )


class UkPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer with sarpack's defaults (English, case-sensitive unless the pattern says so)."""

    ENTITY: str = ""
    PATTERNS: List[Pattern] = []
    CONTEXT: List[str] = []

    def __init__(self, patterns: Optional[List[Pattern]] = None, context: Optional[List[str]] = None):
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context if context is not None else self.CONTEXT),
            supported_language="en",
            global_regex_flags=FLAGS,
        )


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def squash(s: str) -> str:
    """Upper-case with every non-alphanumeric removed: the form used to compare identifiers."""
    return "".join(c for c in s.upper() if c.isalnum())
