"""UK (DVLA) driving licence numbers: 5 surname chars, DOB-coded digits, initials, check chars."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer, squash

LICENCE_REGEX = r"(?i)\b[A-Z9]{5}\d[0156]\d(?:[0][1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}(?:[ \u00a0]?\d{2})?\b"


class UkDrivingLicenceRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_DRIVING_LICENCE.value
    PATTERNS = [Pattern("dvla", LICENCE_REGEX, 0.7)]
    CONTEXT = ["driving licence", "licence", "license", "dvla", "driver"]

    def validate_result(self, pattern_text: str):
        s = squash(pattern_text)[:16]
        month = int(s[6:8]) % 50
        return None if 1 <= month <= 12 else False
