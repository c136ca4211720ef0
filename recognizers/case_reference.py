"""Child-maintenance case references: CMS-YYYY-NNNNNN and the legacy 12-digit form."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

DEFAULT_CASE_REF_PATTERNS: tuple[str, ...] = (
    r"(?i)\bCMS(?:[ \u00a0]?[\-/–][ \u00a0]?|[ \u00a0])?(?:19|20)\d{2}(?:[ \u00a0]?[\-/–][ \u00a0]?|[ \u00a0])?\d{6}\b",
    # the legacy 12-digit number, in fours with one kind of separator ("1234 5678 9012", "1234-5678-9012")
    r"(?<![\d\-])\d{4}(?P<sep>[ \u00a0\-]?)\d{4}(?P=sep)\d{4}(?![\d\-])",
)
_SCORES = (0.85, 0.45)


class CaseReferenceRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.CASE_REFERENCE.value
    CONTEXT = ["case reference", "reference", "ref", "case number", "case no", "case", "scheme", "your reference", "our reference"]

    def __init__(self, patterns: tuple[str, ...] | None = None):
        regexes = patterns or DEFAULT_CASE_REF_PATTERNS
        pats = [
            Pattern(f"case_ref_{i}", rx, _SCORES[i] if i < len(_SCORES) and patterns is None else 0.6)
            for i, rx in enumerate(regexes)
        ]
        super().__init__(patterns=pats)
