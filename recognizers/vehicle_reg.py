"""UK vehicle registrations (current AB12 CDE; prefix A123 BCD; suffix ABC 123D with context)."""
from presidio_analyzer import Pattern

from pipeline.codes import EntityType
import re

from recognizers.base import UkPatternRecognizer, result, squash

CURRENT = r"\b[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[1-7]\d)[ \u00a0]?[A-HJ-PR-Z]{3}\b"
# the shape alone, in any case and with letters or ages not issued ("kx19 plm" typed in a message,
# "ZQ19 ABC"): only with a vehicle word near it
SHAPE = r"(?i)\b[A-Z]{2}\d{2}[ \u00a0]?[A-Z]{3}\b"
PREFIX = r"\b[A-HJ-NPR-TV-Y]\d{1,3}[ \u00a0]?[A-HJ-PR-Y]{3}\b"
SUFFIX = r"\b[A-HJ-PR-Y]{3}[ \u00a0]?\d{1,3}[A-HJ-NPR-TV-Y]\b"


# a prefix or suffix registration in any case ("p123 abc", "abc123d") written straight after a
# registration label ("reg:", "registration no.", "vehicle reg", "VRM", "number plate"): in lower case
# these shapes are too like other words and codes to take with a vehicle word anywhere near
OLD_ANY_CASE = re.compile(r"(?i)(?<![\w])(?:[A-HJ-NPR-TV-Y]\d{1,3}[ \u00a0]?[A-HJ-PR-Y]{3}|[A-HJ-PR-Y]{3}[ \u00a0]?\d{1,3}[A-HJ-NPR-TV-Y])(?![\w])")
# a dateless or Northern Irish registration ("ABZ 1234", "LIZ 1234", "1 ABC", "A 1"), in capitals, straight
# after a registration label
DATELESS = re.compile(r"(?<![\w])(?:(?P<l>[A-Z]{1,3})[ \u00a0]?\d{1,4}|\d{1,4}[ \u00a0]?(?P<l2>[A-Z]{1,3}))(?![\w])")
_NOT_PLATE_LETTERS = {"NO", "NUM", "REF", "NR", "ID", "PT", "P", "PG", "PP", "PAGE", "AGE", "AM", "PM", "YR", "YRS"}
REG_LABEL_BEFORE = re.compile(r"(?i)\b(?:reg(?:istration)?|vrm|(?:number|licence|license)[ \t]+plate|plate)\.?"
                              r"(?:[ \t]+(?:no\.?|number|mark))?[ \t]*(?:[:\-][ \t]*|(?:is|was)[ \t]+)?$")


# "reg" of something else before the value: "VAT Reg GB 318 ...", "Company reg 09231874", "charity reg."
_OTHER_REG = re.compile(r"(?i)\b(?:vat|company|companies|charity|charities|tax|business|trade(?:[ \t]+mark)?|gmc|nmc|hcpc|ico|fca|"
                        r"ofsted|land|patent|design|domain|student|pupil|voter|electoral)[ \t]*$")


def _reg_label_before(text: str, s: int) -> bool:
    lm = REG_LABEL_BEFORE.search(text, max(0, s - 30), s)
    return lm is not None and _OTHER_REG.search(text, max(0, lm.start() - 20), lm.start()) is None


class UkVehicleRegRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.UK_VEHICLE_REG.value
    PATTERNS = [Pattern("current", CURRENT, 0.5), Pattern("shape", SHAPE, 0.2), Pattern("prefix", PREFIX, 0.2), Pattern("suffix", SUFFIX, 0.2)]
    CONTEXT = ["registration", "reg", "vehicle", "car", "van", "number plate", "plate", "drives", "driving", "vrm"]

    def validate_result(self, pattern_text: str):
        s = squash(pattern_text)
        if len(s) == 7 and s[2:4].isdigit():
            age = int(s[2:4])
            if not (2 <= age <= 29 or 51 <= age <= 79):
                return False
        return None

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        out = super().analyze(text, entities, nlp_artifacts, regex_flags) or []
        for m in OLD_ANY_CASE.finditer(text):
            s, e = m.span()
            if any(r.start < e and s < r.end for r in out if r.score >= 0.4):
                continue
            if _reg_label_before(text, s):
                out.append(result(self, self.ENTITY, s, e, 0.6, "an older registration straight after a registration label"))
        for m in DATELESS.finditer(text):
            s, e = m.span()
            if (m.group("l") or m.group("l2")) in _NOT_PLATE_LETTERS or any(r.start < e and s < r.end for r in out if r.score >= 0.4):
                continue
            if _reg_label_before(text, s):
                out.append(result(self, self.ENTITY, s, e, 0.6, "a dateless registration straight after a registration label"))
        return out

