"""Child-maintenance case references: CMS-YYYY-NNNNNN and the legacy 12-digit form."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

# the two formats without their edges (parties.OTHER_REF_RE puts other edges round the same bodies)
CMS_REF_BODY = r"CMS(?:[ \u00a0]?[\-/–][ \u00a0]?|[ \u00a0])?(?:19|20)\d{2}(?:[ \u00a0]?[\-/–][ \u00a0]?|[ \u00a0])?\d{6}"
# the legacy 12-digit number, in fours with one kind of separator ("1234 5678 9012", "1234-5678-9012")
LEGACY_REF_BODY = r"\d{4}(?P<sep>[ \u00a0\-]?)\d{4}(?P=sep)\d{4}"
DEFAULT_CASE_REF_PATTERNS: tuple[str, ...] = (
    r"(?i)\b" + CMS_REF_BODY + r"\b",
    r"(?<![\d\-])" + LEGACY_REF_BODY + r"(?![\d\-])",
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
