"""UK phone numbers: mobiles and landlines, national or +44, any spacing."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer, digits, result

# (a national number sometimes has a space after its leading 0: "0 7700 900 846"; the country code
# may stand in brackets: "(+44) 7700 900123")
PHONE_REGEX = (
    r"(?<![\w+])(?:(?:\((?:\+|00)44\)|(?:\+|00)44)[ \-]?(?:\(0\)[ \-]?)?|\(?0(?: (?=[1-37]\d{3}))?)\d(?:[ \-]?\)?[ \-]?\d){8,9}(?![\w])"
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


# A phone number in another country's format ("123-456-7890", "+1 212 555 0100") is only
# taken when a phone word stands right before it: without one a run of digits is not a phone.
import re  # noqa: E402
from typing import List  # noqa: E402

from presidio_analyzer import EntityRecognizer, RecognizerResult  # noqa: E402

from recognizers.context import header_cell_above  # noqa: E402

CUED_PHONE = re.compile(
    r"(?i)\b(?:phone|tel|telephone|mobile|mob|cell|fax|call(?:\s+me)?|text|whatsapp|"
    r"(?:his|her|my|their|your)[ \t]+(?:new[ \t]+|polish[ \t]+|irish[ \t]+|foreign[ \t]+|other[ \t]+)?number)\b\.?[^\d\n]{0,20}?"
    r"(?P<num>(?<![\w+])\+?\(?\d[\d\-. ()]{7,16}\d)(?![\w])"
)


# a number in the international format of another country, with its "+" ("+353 87 123 4567",
# "+48 512-345-678"): a phone wherever it is written
INTL_PLUS = re.compile(r"(?<![\w+])\+(?!44)[1-9]\d{0,2}[ \-]?(?:\(0\)[ \-]?)?\(?\d(?:(?:[ \-]|\)[ \-]?)?\d){6,12}(?![\w])")


INTL_00 = re.compile(r"(?<![\w+])00(?!44)[1-9]\d{0,2}(?:[ \-]?\(?\d+\)?){2,6}(?![\w])")
PHONE_HEADER = re.compile(r"(?i)\b(?:tel|telephone|phone|mobile|mob|cell|contact[ \t]+(?:no|number)|whatsapp)\b")


class CuedPhoneRecognizer(EntityRecognizer):
    def __init__(self):
        super().__init__(supported_entities=[EntityType.PHONE_NUMBER.value], name="CuedPhoneRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: List[str], nlp_artifacts=None) -> List[RecognizerResult]:
        out = []
        for m in CUED_PHONE.finditer(text):
            value = m.group("num")
            n = len(digits(value))
            lead = value.lstrip("( ")
            # (up to 15 digits after "00": "00353 86 555 0147" is a 9-digit Irish number)
            if not 10 <= n <= (15 if lead.startswith("00") else 13) or lead.startswith(("+44", "0044")) or (lead.startswith("0") and not lead.startswith("00")):
                continue  # UK numbers are the pattern recognizer's ("0048 512 ...", another country's, is not)
            s, e = m.span("num")
            out.append(result(self, EntityType.PHONE_NUMBER.value, s, e, 0.6, "number after a phone word"))
        taken = [(r.start, r.end) for r in out]
        # another country's number dialled with 00, in a table column headed "Telephone" / "Mobile"
        for m in INTL_00.finditer(text):
            if 10 <= len(digits(m.group(0))) <= 15 and not any(a < m.end() and m.start() < b for a, b in taken):
                head = header_cell_above(text, m.start(), m.end())
                if head and PHONE_HEADER.search(head):
                    out.append(result(self, EntityType.PHONE_NUMBER.value, m.start(), m.end(), 0.6,
                                      "another country's number under a phone column header"))
        taken = [(r.start, r.end) for r in out]
        for m in INTL_PLUS.finditer(text):
            if 10 <= len(digits(m.group(0))) <= 13 and not any(a < m.end() and m.start() < b for a, b in taken):
                out.append(result(self, EntityType.PHONE_NUMBER.value, m.start(), m.end(), 0.6,
                                  "a number in another country's international format"))
        out += spoken_phones(self, text)
        if "O" in text:
            for m in OCR_O_PHONE.finditer(text):
                v = m.group(0)
                if "O" in v and sum(c.isdigit() for c in v) >= 7 and is_valid_uk_phone(v.replace("O", "0")):
                    out.append(result(self, EntityType.PHONE_NUMBER.value, m.start(), m.end(), 0.6,
                                      "a UK number with a scan's letter O for a nought"))
        return out


# a UK number as a scan reads it, a capital O for a nought ("O117 496 O233", "O77OO 900 412"): the letter only where
# the digits around it make a phone number (at least seven real digits)
OCR_O_PHONE = re.compile(r"(?<![\w+])[0O](?:[ \-]?[\dO]){9,10}(?![\w])")


def spoken_phones(rec, text: str) -> list:
    """A UK number read out in words, as a call or voicemail transcript writes it ("oh one two one four nine six oh
    two nine three", "zero seven seven double oh ..."): a run of digit words opening with a zero that reads as a UK
    landline or mobile. (A listed party's is found by the party matcher with its owner.)"""
    from recognizers.parties import _SPOKEN_DIGIT, _SPOKEN_RUN, _spoken_digits
    if _SPOKEN_DIGIT.search(text) is None:
        return []
    out = []
    for m in _SPOKEN_RUN.finditer(text):
        if _SPOKEN_ZERO_FIRST.match(m.group(0)) is None:
            continue
        d = _spoken_digits(m.group(0))
        if d is not None and len(d) in (10, 11) and d[1] in "1237" and is_valid_uk_phone(d):
            out.append(result(rec, EntityType.PHONE_NUMBER.value, m.start(), m.end(), 0.6, "a UK number read out in words"))
    return out


_SPOKEN_ZERO_FIRST = re.compile(r"(?i)(?:oh|zero|nought|0)\b")
