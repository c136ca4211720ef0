"""UK (DVLA) driving licence numbers: 5 surname chars, DOB-coded digits, initials, check chars."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

# also written in its printed groups: "MORGA 753116 SM9IJ", "MORGA-753116-SM-9IJ"
_S = r"[ \u00a0\-]?"
# the month digits: 01-12, or 51-62 for a woman
LICENCE_REGEX = (r"(?i)\b[A-Z9]{5}" + _S + r"\d(?:[05][1-9]|[16][0-2])(?:[0][1-9]|[12]\d|3[01])\d" + _S + r"[A-Z9]{2}" + _S
                 + r"\d[A-Z0-9]{2}(?:[ \u00a0]?\d{2})?\b")
# the shape alone, whatever the date digits say: only with a licence word near it
LICENCE_SHAPE = r"\b[A-Z9]{5}" + _S + r"\d{6}" + _S + r"[A-Z9]{2}" + _S + r"\d[A-Z0-9]{2}\b"


class UkDrivingLicenceRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_DRIVING_LICENCE.value
    PATTERNS = [Pattern("dvla", LICENCE_REGEX, 0.7), Pattern("dvla_shape", LICENCE_SHAPE, 0.2)]
    CONTEXT = ["driving licence", "licence", "license", "dvla", "driver"]
