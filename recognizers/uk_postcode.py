"""UK postcodes."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

POSTCODE_REGEX = (
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)[ \u00a0]?\d[ABD-HJLNP-UW-Z]{2})\b"
)

POSTCODE_ANY_CASE = r"(?i)(?!(?-i:[A-Z0-9]+[ \u00a0]?[A-Z0-9]+)\b)" + POSTCODE_REGEX


class UkPostcodeRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_POSTCODE.value
    # in lower or mixed case ("mk40 3sj" in a message) only with an address word near it
    PATTERNS = [Pattern("postcode", POSTCODE_REGEX, 0.6), Pattern("postcode_any_case", POSTCODE_ANY_CASE, 0.2)]
    CONTEXT = ["postcode", "address", "post code", "lives", "living", "moved"]
