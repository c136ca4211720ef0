"""UK phone numbers: mobiles and landlines, national or +44, any spacing."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer, digits

PHONE_REGEX = (
    r"(?<![\w+])(?:(?:\+|00)44[ \-]?(?:\(0\)[ \-]?)?|\(?0)\d(?:[ \-]?\)?[ \-]?\d){8,9}(?![\w])"
)


def normalise_phone(value: str) -> str:
    d = digits(value)
    if d.startswith("0044"):
        d = d[4:]
    elif d.startswith("44") and not value.lstrip().startswith("0"):
        d = d[2:]
    if d.startswith("440") and len(d) == 13:
        d = d[2:]
    if not d.startswith("0"):
        d = "0" + d
    return d


def is_valid_uk_phone(value: str) -> bool:
    d = normalise_phone(value)
    return len(d) in (10, 11) and d[1] in "1235789"


class UkPhoneRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.PHONE_NUMBER.value
    PATTERNS = [Pattern("uk_phone", PHONE_REGEX, 0.6)]
    CONTEXT = ["tel", "telephone", "phone", "mobile", "mob", "call", "contact number", "number", "landline", "text"]

    def validate_result(self, pattern_text: str):
        if not is_valid_uk_phone(pattern_text):
            return False
        return None
