"""Bank details: a sort code with an account number (adjacent or labelled), or a
labelled account number / sort code on its own."""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import EntityRecognizer, RecognizerResult
from recognizers.base import result

from pipeline.codes import EntityType

# a sort code: "20-71-64", "20 71 64", "77 - 14 - 90"; six digits straight after a sort-code label
_SEP = r"(?:[ \u00a0]?[\-–][ \u00a0]?|[ \u00a0])"
SORT_CODE = re.compile(r"(?<![\d\-–])(?<!\d[ \u00a0])\d{2}" + _SEP + r"\d{2}" + _SEP + r"\d{2}(?![\d\-–])(?![ \u00a0]\d{2}\b)")
SORT_LABELLED_6 = re.compile(r"(?i)(?:\bsort[\s\-]*code|\bs/c|\bs\.c\.|\bsc)[\s:.\-]*(?:is[\s:]*)?(?P<v>\d{6}|\d{2}\.\d{2}\.\d{2}|\d{2}/\d{2}/\d{2})(?![\d\-/])")
# an account number: eight digits, also written in two fours ("6611 0473"); not part of a longer number
ACCOUNT = re.compile(r"(?<![\d\-])(?:\d{8}(?![\d\-])|(?<!\d{4}[ \u00a0])\d{4}[ \u00a0]\d{4}(?![\d\-])(?![ \u00a0]?\d))")
# sort code and account written together: "203258 71234560", "771490-66110473", "301557/02938476"
# an account number grouped otherwise ("41 88 77 12", "418 877 12", "4188-7712"): only next to a sort code or
# after an account label, where it cannot be a date, a time or an amount
ACCOUNT_GROUPED = re.compile(
    r"(?<![\d\-/.,£$€])(?:\d{2}(?P<sp>[ \u00a0])\d{2}(?P=sp)\d{2}(?P=sp)\d{2}|\d{3}[ \u00a0]\d{3}[ \u00a0]\d{2}|\d{4}-\d{4})"
    r"(?![\d\-/]|[.,]\d|[ \u00a0]\d)")
# a longer or shorter account number (7, 9 or 10 digits: building societies, older accounts) after an account label
ACCOUNT_LABELLED_OTHER = re.compile(
    r"(?i)\b(?:account|acc(?:ount)?\.?|a/c)[ \t]*(?:number|no\.?|num)[ \t]*[:.\-]?[ \t]*(?:is[ \t]+)?(?P<v>\d{7}|\d{9,10})(?![\d\-/]|[.,]\d)")
BARE_PAIR = re.compile(r"(?<![\d\-.,/£$€])(?P<sort>\d{6})(?:[ \t]+|[ \t]*[\-/][ \t]*)(?P<acct>\d{8})(?![\d\-.,/])")
# the last digits of an account, said instead of the whole number: "the account ends 8812", "account
# number ending in 6604", "a/c finishing 0931". Next to a sort code it pins the account down and is
# redacted like a full number; alone it is what a bank or insurer prints to name an account without
# giving it away, and stays.
ACCOUNT_TAIL = re.compile(
    r"(?i)\b(?:account|acc(?:ount)?\.?|a/c)(?:[ \t]+(?:number|no\.?|num))?[ \t]+(?:that[ \t]+|which[ \t]+)?"
    r"(?:ends|ending|finishing|finishes|ended)(?:[ \t]+(?:in|with))?[ \t]*:?\s*(?:\.{2,}|…|[*xX#]{2,})?(?P<v>\d{3,4})(?![\d\-/.,]\d|[\d%])")
# an organisation's own account for payments to it: "our client account", "our office account": its bank
# details stay (not "our client's account", the client's; not "our bank details" or "pay it to us", which a
# couple writing about their own account says too)
ORG_ACCOUNT = re.compile(
    r"(?i)\bour[ \t]+(?:client|office|business|company|firm(?:['’]s)?|general|trust)[ \t]+(?:bank[ \t]+)?account\b(?!['’])")
# an organisation named with its own bank details: "Acme Widgets Ltd bank: sort code 40-11-62, account
# ...", "HMRC's bank: sort code 08 32 10", "CMS collection account: sort code ...": between the name and
# the value only bank words and the other half of the details
_PUBLIC_BODY = re.compile(r"(?:\b(?:HMRC|DWP|CMS|CSA|HMCTS|DVLA|Child[ \t]+Maintenance[ \t]+Service|Child[ \t]+Support[ \t]+Agency|"
                          r"HM[ \t]+Revenue[ \t]+(?:&|and)[ \t]+Customs|(?i:the[ \t]+(?:council|court|tribunal|agency|school|nursery)))\b)")
ORG_BANK_AFTER_NAME = re.compile(
    r"(?i)[ \t]*(?:['’]s?)?[ \t]*(?:own[ \t]+)?(?:bank(?:[ \t]+(?:account|details))?|collection[ \t]+account|client[ \t]+account|"
    r"(?:bank[ \t]+)?account(?:[ \t]+details)?)[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*[:,\-]?[ \t]*"
    r"(?:(?:sort[ \t]*code|account(?:[ \t]+(?:number|no\.?))?|acc(?:ount)?\.?[ \t]*no\.?|a/c(?:[ \t]+no\.?)?|and|is)[ \t]*[:.]?[ \t]*"
    r"|\d{2}[ \-–]?\d{2}[ \-–]?\d{2}[ \t]*,?[ \t]*)*$")
_BANK_NAME = re.compile(r"(?i)\b(?:bank|banking|building[ \t]+society|credit[ \t]+union|barclays|lloyds|hsbc|natwest|santander|"
                        r"halifax|monzo|starling|nationwide|revolut|metro|tsb|rbs|co-?operative|virgin[ \t]+money|first[ \t]+direct)\b")
_SENTENCE_START = re.compile(r"(?:[.!?][ \t]+(?=[A-Z(])|\n[ \t]*\n)")
SORT_LABEL = re.compile(r"(?i)(?:sort[\s\-]*code|\bs/c)[\s:.\-]*(?:is[\s:]*)?$")
ACCOUNT_LABEL = re.compile(r"(?i)(?:account|acc(?:ount)?\.?|a/c)[\s\-]*(?:number|no\.?|num)?[\s:.\-]*(?:is[\s:]*)?(?:\([ \t]*)?$")


# an IBAN written otherwise than the IBAN recognizer takes it: in lower case, with hyphens, grouped
# unevenly ("gb29nwbk60161331926819", "GB29-NWBK-6016-1331-9268-19"); taken when its check digits agree
IBAN_ANY = re.compile(r"(?i)(?<![\w\-])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?:[ \-][A-Z0-9]{4}){2,7}(?:[ \-][A-Z0-9]{1,4})?)(?![\w\-])")


# a sort code's shape inside a National Insurance number ("HT 29 84 51 A"): two letters before, a letter A-D after
_NINO_PREFIX = re.compile(r"(?<![\w])[A-Z]{2}[ \u00a0]?$")
_NINO_SUFFIX = re.compile(r"[ \u00a0]?[A-D](?![\w/])")
# an account that a word before its label makes a bill's or a service's, not a bank's: "council tax (account ...)",
# "rent account", "gas account no."
_NON_BANK_ACCOUNT = re.compile(
    r"(?i)\b(?:council[ \t]+tax|ctax|rent|rent[ \t]+arrears|gas|electric(?:ity)?|energy|water|utility|utilities|phone|mobile|"
    r"broadband|tv[ \t]+licen[cs]e|loyalty|store[ \t]*card|customer|tenancy|membership|pension|policy)['’]?s?[ \t]*\(?[ \t]*$")


# (round 23T) OCR'd text confuses the letter O and the figure 0 ("S0rt c0de 60-83-71  Acc 2O419837", "3 WICKHAM R0AD",
# "Sort Code 23-O5-80"): a scan shows it in its own words (a figure inside a word, a letter O among figures) at least
# twice; the recognizers of numbers and addresses then read a copy of the same length with each confusion undone
# (the offsets stay the document's)
_OCR_SIGN = re.compile(r"[A-Za-z]0[A-Za-z]|\b0[a-z]{2}|\d[O][\dO]|[\dO][O]\d")
_OCR_O_IN_FIGURES = re.compile(r"(?<=\d)[O](?=[\dO\-/ ]|\b)|(?<![A-NP-Za-z])[O](?=[\dO]*[ \-]?[\dO]*\d)")
_OCR_0_IN_WORD = re.compile(r"(?<=[A-Za-z])0(?=[A-Za-z])|\b0(?=[a-z]{2})|(?<=[A-Z])0(?=\b)(?![ \t]*\d)")


def _ocr_letter(m) -> str:
    t, i = m.string, m.start()
    prev = t[i - 1] if i > 0 else ""
    nxt = t[i + 1] if i + 1 < len(t) else ""
    return "O" if (prev.isupper() or (not prev.isalpha() and nxt.islower())) and not nxt.islower() or (
        not prev.isalpha() and nxt.islower()) else "o"


def ocr_corrected(text: str) -> str:
    """``text`` with the letter O among figures and the figure 0 inside words undone, when the text shows that
    confusion at least twice; ``text`` itself otherwise (same length, same offsets)."""
    first = _OCR_SIGN.search(text)
    if first is None or _OCR_SIGN.search(text, first.end()) is None:
        return text
    return _OCR_0_IN_WORD.sub(_ocr_letter, _OCR_O_IN_FIGURES.sub("0", text))


def _iban_ok(value: str) -> bool:
    v = re.sub(r"[ \-]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", v):
        return False
    return int("".join(str(int(c, 36)) for c in v[4:] + v[:4])) % 97 == 1


def _result(rec, s, e, score, why):
    return result(rec, EntityType.BANK_DETAILS.value, s, e, score, why)


class BankDetailsRecognizer(EntityRecognizer):
    def __init__(self):
        super().__init__(supported_entities=[EntityType.BANK_DETAILS.value], name="BankDetailsRecognizer", supported_language="en")
        self.context = ["sort code", "account number", "bank"]

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: List[str], nlp_artifacts=None) -> List[RecognizerResult]:
        out = []
        text = ocr_corrected(text)
        # (not the figures of a National Insurance number: "NI HT 29 84 51 A")
        sorts = [m.span() for m in SORT_CODE.finditer(text)
                 if not (_NINO_PREFIX.search(text, max(0, m.start() - 3), m.start()) and _NINO_SUFFIX.match(text, m.end()))]
        sorts += [m.span("v") for m in SORT_LABELLED_6.finditer(text)]
        sorts.sort()
        accts = [m.span() for m in ACCOUNT.finditer(text)]
        tails = [m.span("v") for m in ACCOUNT_TAIL.finditer(text)]
        grouped = [m.span() for m in ACCOUNT_GROUPED.finditer(text) if not any(
            a <= m.start() < b or m.start() <= a < m.end() for a, b in accts)]
        grouped = [g for g in grouped if not any(g[0] < e0 and s0 < g[1] for s0, e0 in sorts)]
        accts = sorted(set(accts) | set(tails) | set(grouped))
        used_accts = set()
        for s, e in sorts:
            labelled = SORT_LABEL.search(text[max(0, s - 25): s]) is not None
            near = [a for a in accts if (0 <= a[0] - e <= 60) or (0 <= s - a[1] <= 60)]
            if len(near) > 1 and any(a not in tails for a in near):
                # "to account 41227805, sort code 20-45-77 (account ending 7805 confirmed)": the whole number, not
                # the last digits said again to confirm it
                near = [a for a in near if a not in tails]
            if near:
                a = min(near, key=lambda a: abs(a[0] - e))
                used_accts.add(a)
                gap = text[min(e, a[1]): max(s, a[0])]
                if len(gap) <= 3 and "\n" not in gap:
                    out.append(_result(self, min(s, a[0]), max(e, a[1]), 0.9, "sort code with account number"))
                else:
                    out.append(_result(self, s, e, 0.85, "sort code with account number"))
                    out.append(_result(self, a[0], a[1], 0.85, "account number with sort code"))
            elif labelled:
                out.append(_result(self, s, e, 0.7, "labelled sort code"))
        # a statement line's payee details as bare digits: "FPO A SMITH 203258 71234560"
        for m in BARE_PAIR.finditer(text):
            if any(s0 < m.end() and m.start() < e0 for s0, e0 in sorts):
                continue
            used_accts.add(m.span("acct"))
            out.append(_result(self, m.start("sort"), m.end("sort"), 0.6, "six and eight digits (sort code, account)"))
            out.append(_result(self, m.start("acct"), m.end("acct"), 0.6, "account number after a sort code"))
        for a in accts:
            if a in used_accts:
                continue
            if a in tails:
                continue  # (the last digits alone are what a bank or insurer prints to name an account without giving it)
            if a in grouped and not ACCOUNT_LABEL.search(text[max(0, a[0] - 30): a[0]]):
                continue  # (grouped digits are an account only next to a sort code or after its label)
            lo = max(0, a[0] - 30)
            lm = ACCOUNT_LABEL.search(text, lo, a[0])
            if lm is not None:
                if _NON_BANK_ACCOUNT.search(text, max(0, lm.start() - 30), lm.start()):
                    continue  # "council tax (account 30019287)", "rent account 41002215": not a bank account
                out.append(_result(self, a[0], a[1], 0.7, "labelled account number"))
        for m in IBAN_ANY.finditer(text):
            v = m.group(0)
            if (v.islower() or "-" in v or not v[:2].isupper()) and _iban_ok(v):
                out.append(_result(self, m.start(), m.end(), 0.8, "IBAN (check digits agree)"))
        for m in ACCOUNT_LABELLED_OTHER.finditer(text):
            if not any(r.start < m.end("v") and m.start("v") < r.end for r in out):
                out.append(_result(self, m.start("v"), m.end("v"), 0.6, "labelled account number (7, 9 or 10 digits)"))
        return [r for r in out if not _org_account(text, r.start)]


def _org_account(text: str, s: int) -> bool:
    """Is the value at ``s`` in a sentence that gives an organisation's own account ("our client account")?"""
    lo = max(0, s - 160)
    starts = [m.end() for m in _SENTENCE_START.finditer(text, lo, s)]
    if ORG_ACCOUNT.search(text, starts[-1] if starts else lo, s) is not None:
        return True
    # an organisation named with its own details on the same line ("Acme Widgets Ltd bank: sort code ...")
    from recognizers.organisations import org_name_spans
    ls = max(text.rfind("\n", 0, s) + 1, s - 120)
    # (not a bank's name: "Santander Bank account 12345678" is a customer's account at it)
    ends = [b for a, b in org_name_spans(text[ls:s], ls) if not _BANK_NAME.search(text, a, b)]
    ends += [m.end() for m in _PUBLIC_BODY.finditer(text, ls, s)]
    return any(ORG_BANK_AFTER_NAME.fullmatch(text, b, s) is not None for b in ends)
