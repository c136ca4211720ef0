"""Email addresses. Our own recognizer: Presidio's calls tldextract, which fetches the
public suffix list over the network.

Also an address written to dodge harvesters, for anyone ("t.nowak86 (at) example (dot) com",
"funmi_adeyemi AT example DOT co DOT uk", "m.arif [at] example [dot] org"): the "@" written as
"at" (bracketed, or a word between spaces) and the domain ending in a common top-level domain.
"""
import re

from presidio_analyzer import Pattern

from pipeline.codes import EntityType
from recognizers.base import UkPatternRecognizer

EMAIL_REGEX = r"(?i)\b[a-z0-9][a-z0-9._%+'\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}\b"

_BR_AT = r"[ \t]*[\[({<][ \t]*at[ \t]*[\])}>][ \t]*"
_BR_DOT = r"[ \t]*[\[({<][ \t]*dot[ \t]*[\])}>][ \t]*"
# (also "@" with spaces around it: "gary.platt @ example.com")
_OBF_AT = r"(?:" + _BR_AT + r"|[ \t]+at[ \t]+|[ \t]+@[ \t]*|[ \t]*@[ \t]+)"
_OBF_DOT = r"(?:\.|" + _BR_DOT + r"|[ \t]+dot[ \t]+)"
_LABEL = r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?"
# the last label must be a common top-level domain (so "at the shop dot" in prose is not an address;
# checked after the match, which keeps the pattern small)
TLDS = frozenset((
    "com org net info biz co uk ie eu gov edu ac nhs sch me io de fr es it nl be pt pl ro lt lv ee cz sk hu bg gr "
    "tr se no dk fi at ch in pk bd lk ng gh ke za jm us ca au nz ru ua cn hk sg my ph br mx ar").split())
OBFUSCATED_REGEX = (r"(?i)(?<![\w.@\-])[a-z0-9][a-z0-9._%+'\-]*[a-z0-9]" + _OBF_AT + _LABEL
                    + r"(?:" + _OBF_DOT + _LABEL + r")+(?![\w\-@])")
_LAST_LABEL = re.compile(r"(?i)([a-z0-9\-]+)\W*$")
_HAS_BR_AT = re.compile(r"(?i)" + _BR_AT)
_SPACED_AT = re.compile(r"[ \t]@|@[ \t]")
_WORD_AT = re.compile(r"(?i)[ \t]+at[ \t]+")


def obfuscated_email_ok(value: str) -> bool:
    """An address written with "at" for "@": bracketed "(at)", or the word "at" after a local part
    that could not be an ordinary word (it has a dot, underscore, hyphen or digit in it)."""
    last = _LAST_LABEL.search(value)
    if last is None or last.group(1).lower() not in TLDS:
        return False
    if "@" in value:
        return _SPACED_AT.search(value) is not None
    if _HAS_BR_AT.search(value):
        return True
    m = _WORD_AT.search(value)
    if not m:
        return False
    local = value[:m.start()]
    return any(c in "._-" or c.isdigit() for c in local)


def obfuscated_email_weak(value: str) -> bool:
    """The word "at" after a plain word ("pvance at example.com"): an address only with an email
    word near it (the pattern's low score, which the context must raise)."""
    last = _LAST_LABEL.search(value)
    return ("@" not in value and last is not None and last.group(1).lower() in TLDS and not obfuscated_email_ok(value)
            and _WORD_AT.search(value) is not None)


class EmailAddressRecognizer(UkPatternRecognizer):
    ENTITY = EntityType.EMAIL_ADDRESS.value
    PATTERNS = [Pattern("email", EMAIL_REGEX, 0.9), Pattern("email written out", OBFUSCATED_REGEX, 0.1)]
    CONTEXT = ["email", "e-mail", "mail"]

    def validate_result(self, pattern_text: str):
        if "@" in pattern_text and _SPACED_AT.search(pattern_text) is None:
            return None
        if obfuscated_email_ok(pattern_text):
            return True
        return None if obfuscated_email_weak(pattern_text) else False
