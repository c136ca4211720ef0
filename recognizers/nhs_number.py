"""NHS numbers (10 digits, 3-3-4, modulus 11 check digit)."""
import re

from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer, digits

NHS_REGEX = r"(?<![\d\-])\d{3}[ \-\u00a0]?\d{3}[ \-\u00a0]?\d{4}(?![\d\-])"
# as a scan reads it, with O for 0 and l or I for 1 ("943 476 59l9"): only with an NHS word near it (a
# lower score the context must raise), with at least seven real digits, and the check digit must hold
_OCR = r"[\dOolI]"
NHS_OCR_REGEX = (r"(?<![\w\-])(?=[\d \-\u00a0]{0,12}[OolI])(?=(?:[^\d\n]{0,3}\d){7})" + _OCR + r"{3}[ \-\u00a0]?" + _OCR
                 + r"{3}[ \-\u00a0]?" + _OCR + r"{4}(?![\w\-])")
_OCR_MAP = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def nhs_checksum_ok(value: str) -> bool:
    d = digits(value.translate(_OCR_MAP))
    if len(d) != 10:
        return False
    total = sum(int(d[i]) * (10 - i) for i in range(9))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(d[9])


# a ten-digit number labelled as something else ("Order no. 4857773007", "Invoice 9434765919", "Policy
# number: ..."): one in eleven such numbers passes the check digit by chance; not an NHS number unless
# an NHS word says so
OTHER_LABEL_BEFORE = re.compile(
    r"(?i)\b(?:order|invoice|account|acc|a/c|policy|claim|ref|reference|tracking|consignment|parcel|serial|transaction|"
    r"receipt|booking|membership|member|customer|contract|payroll|employee|staff|company|charity|vat|utr|cheque|"
    r"meter|mpan|mprn|licence|permit|ticket|voucher|barcode|isbn|imei|case|claimant|application)\b"
    r"(?:[ \t]+(?:no\.?|number|#|id|ref(?:erence)?))?[ \t]*[:.#]?[ \t]*$")
_NHS_WORD = re.compile(r"(?i)\bnhs\b|health[ \t]+service")


class NhsNumberRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_NHS.value
    PATTERNS = [Pattern("nhs", NHS_REGEX, 0.5), Pattern("nhs as scanned", NHS_OCR_REGEX, 0.1)]
    CONTEXT = ["nhs", "nhs number", "nhs no", "health service", "gp", "patient"]

    def validate_result(self, pattern_text: str):
        return None if nhs_checksum_ok(pattern_text) else False

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        out = super().analyze(text, entities, nlp_artifacts, regex_flags) or []
        keep = []
        for r in out:
            lo = max(0, r.start - 40)
            if OTHER_LABEL_BEFORE.search(text, lo, r.start) is not None and _NHS_WORD.search(text, lo, r.start) is None:
                continue
            keep.append(r)
        return keep

