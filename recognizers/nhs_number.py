"""NHS numbers (10 digits, 3-3-4, modulus 11 check digit)."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer, digits

NHS_REGEX = r"(?<![\d\-])\d{3}[ \-\u00a0]?\d{3}[ \-\u00a0]?\d{4}(?![\d\-])"


def nhs_checksum_ok(value: str) -> bool:
    d = digits(value)
    if len(d) != 10:
        return False
    total = sum(int(d[i]) * (10 - i) for i in range(9))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(d[9])


class NhsNumberRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_NHS.value
    PATTERNS = [Pattern("nhs", NHS_REGEX, 0.5)]
    CONTEXT = ["nhs", "nhs number", "nhs no", "health service", "gp", "patient"]

    def validate_result(self, pattern_text: str):
        return None if nhs_checksum_ok(pattern_text) else False
