"""UK postcodes."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

POSTCODE_REGEX = (
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)[ \u00a0]?\d[ABD-HJLNP-UW-Z]{2})\b"
)


class UkPostcodeRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_POSTCODE.value
    PATTERNS = [Pattern("postcode", POSTCODE_REGEX, 0.6)]
    CONTEXT = ["postcode", "address", "post code", "lives", "living", "moved"]
