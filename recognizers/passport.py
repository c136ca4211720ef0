"""Passport numbers: 9 digits (UK) or 2 letters + 7 digits, only with a passport cue nearby."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

# (also in threes, as a form or a caller writes it: "533 870 214")
PASSPORT_REGEX = r"(?<![\w\-])(?:\d{9}|\d{3}[ \u00a0]\d{3}[ \u00a0]\d{3}|[A-Z]{2}\d{7})(?![\w\-]|[ \u00a0]\d)"


class UkPassportRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_PASSPORT.value
    # 0.05 alone (below the threshold); the context "passport" lifts it over.
    PATTERNS = [Pattern("passport", PASSPORT_REGEX, 0.05)]
    CONTEXT = ["passport", "passport number", "passport no"]
