"""UK National Insurance numbers (HMRC rules)."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer, squash

# First letter not D F I Q U V; second not D F I O Q U V; BG GB KN NK NT TN ZZ never issued;
# suffix A-D. Spaced (QQ 12 34 56 C) or not, any case.
# (two spaces too: "AB  12 34 56  C", typed into a form's gaps; or a line break at a gap, "NI no. WK 48 20
# 63\nD", a wrapped column: that form only with an NI word near it, see validate_result; the six digits
# grouped any way: "AB 123 456 C")
_SP = r"(?:[ \u00a0]{0,2}|[ \t\u00a0]*\r?\n[ \t\u00a0]*)"
NINO_REGEX = (
    r"(?i)\b(?!(?:BG|GB|KN|NK|NT|TN|ZZ))[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    + _SP + r"\d(?:" + _SP + r"\d){5}" + _SP + r"[A-D]\b"
)
# ... written one character a box: "a b 1 2 3 4 5 6 c", "A|B|1|2|3|4|5|6|C" (the HMRC rules checked after)
NINO_BOXES_REGEX = r"(?i)(?<![\w|])[A-Z](?:(?:[ \u00a0]?\|[ \u00a0]?|[ \u00a0])[A-Z0-9]){8}(?![\w|])"
_INVALID_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def is_valid_nino(value: str) -> bool:
    s = squash(value)
    if len(s) != 9 or not s[2:8].isdigit() or s[8] not in "ABCD":
        return False
    a, b = s[0], s[1]
    return a not in "DFIQUV" and b not in "DFIOQUV" and s[:2] not in _INVALID_PREFIX and a.isalpha() and b.isalpha()


class UkNinoRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_NINO.value
    # (a low score: validation raises a NINO on one line to the maximum, and leaves one over a line break
    # to its context)
    PATTERNS = [Pattern("NINO", NINO_REGEX, 0.1), Pattern("NINO in boxes", NINO_BOXES_REGEX, 0.6)]
    CONTEXT = ["national insurance", "ni number", "ni no", "nino", "insurance number", "n.i."]

    def validate_result(self, pattern_text: str):
        if not is_valid_nino(pattern_text):
            return False
        # (over a line break the score stays low: only an NI word near it makes it one)
        return None if "\n" in pattern_text else True
