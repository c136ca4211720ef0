"""Organisation names: a run of capitalised words ending in a company or body word
("Harbour Fresh Foods Ltd", "Lotus Garden\\nRestaurants Ltd", "Lloyd-Jones Family Law",
"Aire Valley Medical Practice", "Leeds City Council"). Such a name is never a PERSON,
even when it holds a surname; a listed third party's own name inside it is still found by
the party matcher.
"""
from __future__ import annotations

import re

SUFFIX = (
    r"Ltd|LTD|Limited|LIMITED|PLC|plc|Plc|LLP|LLC|Inc|CIC|"
    r"(?:&|and)[ \u00a0]+(?:Co|Sons|Partners)\b\.?|Co\.|Council|Trust|Practice|Surgery|Solicitors|Law|Chambers|"
    r"Partnership|Associates|Group|Foundation|Association|Society|Academy|School|College|University|Hospital|"
    r"Clinic|Centre|Center|Pharmacy|Agency|Insurance|Assurance|Nursery|Playgroup|Pre-?school|Childcare|Housing|Homes|Restaurants?|Services|Logistics|Foods|Motors|Garage|Bank|Tribunal"
)
# the same words in capitals, as a letterhead writes them ("ADEYEMI & COLE SOLICITORS")
_CAPS = "|".join(w.upper() for w in (
    "Solicitors Council Trust Practice Surgery Law Chambers Partnership Associates Group Foundation Association "
    "Society Academy School College University Hospital Clinic Centre Center Pharmacy Agency Housing Restaurants "
    "Restaurant Services Logistics Foods Motors Garage Bank Homes Tribunal Nursery Playgroup Preschool Childcare Insurance Assurance").split())
# only as a whole line (a letterhead): in a statement line in capitals "... REF GARAGE" is no organisation
ORG_CAPS_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<name>(?:[A-Z][A-Z'’\-]*|&)(?:[ \t]+(?:[A-Z][A-Z'’\-]*|&|[-–|]|\d+)){0,9}[ \t]+(?:" + _CAPS
    + r"|(?:&|AND)[ \t]+(?:CO|SONS|PARTNERS)\.?))[ \t]*$"
)
# (a whole word: without the look-ahead the engine retried the suffix after every shorter prefix of
# each capitalised word, which made this the slowest pattern of detection)
WORD = r"(?:[A-Z][A-Za-z'’\-]*(?![A-Za-z'’\-])|&)"
ORG_NAME_RE = re.compile(
    r"(?<![\w'’\-])(?:" + WORD + r"[ \u00a0]*\n?[ \u00a0]*){1,5}?(?:" + SUFFIX + r")(?![\w\-])"
)
# Words that start a sentence or a label rather than a name
_LEAD_STOP = re.compile(r"^(?:The|A|An|At|For|From|To|By|Of|In|On|Dear|Re|Employer|Your|Our|My|His|Her)[ \u00a0\n]+")


def org_name_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every organisation name in ``text``."""
    out = []
    for m in ORG_NAME_RE.finditer(text):
        s, e = m.span()
        lead = _LEAD_STOP.match(text, s, e)
        if lead:
            s = lead.end()
        nl = text.rfind("\n", s, e)
        if nl >= 0:
            line_start = text.rfind("\n", 0, s) + 1
            if not text[line_start:s].strip() or text[s:e].count("\n") > 1:
                # a name block ("Gareth Pryce\nNorthbridge Logistics Ltd"): the organisation is the last line
                s = nl + 1 + (len(text[nl + 1:e]) - len(text[nl + 1:e].lstrip()))
        out.append((s, e))
    if "\n" in text or text.isupper():
        out += [m.span("name") for m in ORG_CAPS_LINE_RE.finditer(text)]
    return out
