"""UK postcodes."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

POSTCODE_REGEX = (
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)[ \u00a0]?\d[ABD-HJLNP-UW-Z]{2})\b"
)

POSTCODE_ANY_CASE = r"(?i)(?!(?-i:[A-Z0-9]+[ \u00a0]?[A-Z0-9]+)\b)" + POSTCODE_REGEX

# the general shape, letters the Royal Mail does not use included ("QA1 4CK"): a postcode as written,
# weaker than a well-formed one
POSTCODE_SHAPE = r"\b[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]?\d[A-Z]{2}\b"


class UkPostcodeRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_POSTCODE.value
    # in lower or mixed case ("mk40 3sj" in a message) only with an address word near it
    PATTERNS = [Pattern("postcode", POSTCODE_REGEX, 0.6), Pattern("postcode_any_case", POSTCODE_ANY_CASE, 0.2),
                Pattern("postcode_shape", POSTCODE_SHAPE, 0.45)]
    CONTEXT = ["postcode", "address", "post code", "lives", "living", "moved"]
