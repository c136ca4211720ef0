"""UK (DVLA) driving licence numbers: 5 surname chars, DOB-coded digits, initials, check chars."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer, squash

# also written in its printed groups: "MORGA 753116 SM9IJ", "MORGA-753116-SM-9IJ"
_S = r"[ \u00a0\-]?"
LICENCE_REGEX = (r"(?i)\b[A-Z9]{5}" + _S + r"\d[0156]\d(?:[0][1-9]|[12]\d|3[01])\d" + _S + r"[A-Z9]{2}" + _S
                 + r"\d[A-Z0-9]{2}(?:[ \u00a0]?\d{2})?\b")


class UkDrivingLicenceRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_DRIVING_LICENCE.value
    PATTERNS = [Pattern("dvla", LICENCE_REGEX, 0.7)]
    CONTEXT = ["driving licence", "licence", "license", "dvla", "driver"]

    def validate_result(self, pattern_text: str):
        s = squash(pattern_text)[:16]
        month = int(s[6:8]) % 50
        return None if 1 <= month <= 12 else False
