"""Personal reference numbers that an organisation gives a person: payroll, employee,
works, staff, personnel, customer, client, account, membership, tenancy, policy,
pension, patient, student numbers ("Employee payroll number: NBL-30417",
"Works no: 00417", "Our employee no. FF-7713"). Bank account numbers are BANK_DETAILS.

The label must be there: a bare code is not personal data we can recognise. The value
may follow the label on the same line, or sit below it in a table column ("Payroll no"
in the header row, the number in the row under it), as long as no other code comes
between them. Reported as CASE_REFERENCE (a reference that identifies a person's record);
the analyzer attributes it to whoever is named on the same line, so the requester's own
payroll number stays.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import EntityRecognizer, RecognizerResult
from recognizers.base import result

from pipeline.codes import EntityType

LABEL = re.compile(
    r"(?i)\b(?:(?:payroll|employee|employment|works|staff|personnel|clock|customer|client|membership|member|"
    r"tenancy|tenant|policy|pension|patient|student|pupil)(?:[ \t]+(?:payroll|account|reference))?"
    r"[ \t]*(?:number|no\b\.?|num\b\.?|ref(?:erence)?\b\.?|id\b|#)"
    # a person's tax reference: "UTR: 12345 67890" (a self-employed parent's, in a variation or FIU file)
    r"|utr\b|unique[ \t]+tax(?:payer)?[ \t]+ref(?:erence)?\b|self[ \t\-]+assessment[ \t]+(?:number|ref(?:erence)?)\b)"
)
# a reference of digit groups with spaces between ("12345 67890", "4417 2291 08"): at least 8 digits
SPACED_DIGITS = re.compile(r"(?<![\w\-/.])\d{2,6}(?:[ \u00a0]\d{2,6}){1,3}(?![\w\-/]|[.,]\d)")
# a code: letters/digits with at least 3 digits, optionally split by - / . ; not a date, not a money amount
CODE = re.compile(r"(?i)(?<![\w\-/.])(?=[A-Z0-9\-/]*\d[A-Z0-9\-/]*\d[A-Z0-9\-/]*\d)[A-Z0-9]{1,6}(?:[\-/.]?[A-Z0-9]{1,10}){0,3}(?![\w\-/])")
DATE_LIKE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")
MAX_GAP = 90  # characters from the label to the value (a table header row to the row below)


def _res(rec, s, e, score, why):
    return result(rec, EntityType.CASE_REFERENCE.value, s, e, score, why)


def _is_code(value: str) -> bool:
    if DATE_LIKE.match(value):
        return False
    return sum(c.isdigit() for c in value) >= 3


class PersonalReferenceRecognizer(EntityRecognizer):
    def __init__(self):
        super().__init__(
            supported_entities=[EntityType.CASE_REFERENCE.value], name="PersonalReferenceRecognizer",
            supported_language="en",
        )

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: List[str], nlp_artifacts=None) -> List[RecognizerResult]:
        out: list[RecognizerResult] = []
        for lm in LABEL.finditer(text):
            window_end = min(len(text), lm.end() + MAX_GAP)
            for cm in CODE.finditer(text, lm.end(), window_end):
                sm = SPACED_DIGITS.match(text, cm.start())
                if sm is not None and sum(c.isdigit() for c in sm.group(0)) >= 8:
                    cm = sm  # (the whole reference, not its first group)
                value = cm.group(0)
                if not _is_code(value):
                    # a date or amount between label and value: stop at the first real code only
                    if DATE_LIKE.match(value):
                        break
                    continue
                gap = text[lm.end(): cm.start()]
                same_line = "\n" not in gap
                if same_line and len(gap.strip(" \t:.-#")) > 12:
                    break  # the label is about something else on this line
                score = 0.75 if same_line else 0.6
                out.append(_res(self, cm.start(), cm.end(), score,
                                "labelled reference number" if same_line else "reference number under its column label"))
                break
        return out
