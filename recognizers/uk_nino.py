"""UK National Insurance numbers (HMRC rules)."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer, squash

# First letter not D F I Q U V; second not D F I O Q U V; BG GB KN NK NT TN ZZ never issued;
# suffix A-D. Spaced (QQ 12 34 56 C) or not, any case.
_SP = r"[ \u00a0]?"
NINO_REGEX = (
    r"(?i)\b(?!(?:BG|GB|KN|NK|NT|TN|ZZ))[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    + _SP + r"\d{2}" + _SP + r"\d{2}" + _SP + r"\d{2}" + _SP + r"[A-D]\b"
)
_INVALID_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def is_valid_nino(value: str) -> bool:
    s = squash(value)
    if len(s) != 9 or not s[2:8].isdigit() or s[8] not in "ABCD":
        return False
    a, b = s[0], s[1]
    return a not in "DFIQUV" and b not in "DFIOQUV" and s[:2] not in _INVALID_PREFIX and a.isalpha() and b.isalpha()


class UkNinoRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_NINO.value
    PATTERNS = [Pattern("NINO", NINO_REGEX, 0.6)]
    CONTEXT = ["national insurance", "ni number", "ni no", "nino", "insurance number", "n.i."]

    def validate_result(self, pattern_text: str):
        return True if is_valid_nino(pattern_text) else False
