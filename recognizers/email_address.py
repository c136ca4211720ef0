"""Email addresses. Our own recognizer: Presidio's calls tldextract, which fetches the
public suffix list over the network."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

EMAIL_REGEX = r"(?i)\b[a-z0-9][a-z0-9._%+'\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}\b"


class EmailAddressRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.EMAIL_ADDRESS.value
    PATTERNS = [Pattern("email", EMAIL_REGEX, 0.9)]
    CONTEXT = ["email", "e-mail", "mail"]
