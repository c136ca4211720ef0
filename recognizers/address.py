"""Address lines: "Flat 2, 14 Acacia Avenue", and the town/county/postcode lines that
follow, also when a letter splits the address over several lines."""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import EntityRecognizer, RecognizerResult
from recognizers.base import result

from pipeline.codes import EntityType
from recognizers.uk_postcode import POSTCODE_REGEX
from recognizers.bank_details import ocr_corrected

STREET_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Grove|Gardens|Gdns|"
    "Terrace|Terr|Walk|Row|Hill|Square|Sq|Park|Mews|View|Rise|Green|Parade|Vale|Wharf|Yard|Mount|Meadows?|Fields?|"
    "Gate|Bank|Chase|Croft|End|Heights|Boulevard|Embankment|Quay|Brow|Wynd|Circus|Approach|Broadway|Promenade|Crossway|Nook|Garth|"
    "Range|Fold|Ridge|Orchard|Paddocks|Spinney|Glade|Dene|Pathway"
)
W = r"[A-Z][a-zA-Z'’\-]+"
# the same in capitals, as a legacy system or an OCR'd payslip prints an address ("22 CLAREMONT ROAD, MOSS SIDE",
# "FLAT 3 71 WHITMORE REANS RD"): capital words before a street word in capitals
WU = r"[A-Z][A-Z'’\-]+"
STREET_TYPES_UPPER = STREET_TYPES.upper()


def street_name(lo: int, hi: int) -> str:
    """1-3 (or ``lo``-``hi``) words and a street word, in title case or all in capitals."""
    return (r"(?:(?:" + W + r"[ \u00a0]+){%d,%d}(?:" % (lo, hi) + STREET_TYPES + r")|(?:" + WU + r"[ \u00a0]+){%d,%d}(?:" % (lo, hi)
            + STREET_TYPES_UPPER + r"))\b\.?")


STREET = (
    r"(?:(?:Flat|Apartment|Apt|Unit|Room|FLAT|APARTMENT|APT|UNIT|ROOM|flat)[ \u00a0]+(?:[A-Z]?\d+[A-Za-z]?|[A-Z](?![\w])),?[ \u00a0\n]+)?"
    # (not the minutes of a time or the pence of an amount: "at 10:00, Court 3", "£4.50 Lane"; not a house number
    # starting with a nought: the end of a phone number, "0121 496 0001, Ladypool Road")
    r"(?:(?<![\d:.£$€])(?!0)\d{1,4}[A-Za-z]?(?:[\-–]\d{1,4})?,?[ \u00a0]+)"
    # (not a statement's date: "31 Oct   End balance", "02 Sep Bank Giro")
    r"(?!(?i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)"
    + street_name(0, 3)
)
# a year closing a date before the "house number": "Date: 18 August 2026    Court 7"
_DATE_YEAR_BEFORE = re.compile(r"(?i)(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\d[/.\-])[ \u00a0]*$")
# a number that ends a longer run of digit groups (a phone number's last group): "0121 496 0001"; or a number
# that a word before it makes something else: a card's last digits on a statement ("CARD 5214 SHELL BRADFORD RD"),
# a form's part ("PART 4  BANK OR BUILDING SOCIETY"), a page or section
_DIGITS_BEFORE = re.compile(r"\d[ \u00a0]$|(?i:\b(?:card|ending|part|section|page|pt|item|question|chq|cheque))\.?[ \u00a0]+$")
STREET_RE = re.compile(STREET)
# a house number and street that a paragraph's line wrap splits ("Mrs Harleen Bains of 4 Oxley\n   Moor Road,
# Wolverhampton"): only where the line before the break is a paragraph's full line, not a short line of a block
WRAPPED_STREET_RE = re.compile(
    r"(?<![\w:.£$€/])(?!0)\d{1,4}[A-Za-z]?,?[ \u00a0]+(?!(?i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)"
    r"(?:" + W + r"[ \u00a0]+){0,2}" + W + r"[ \t]*\n[ \t]*(?:" + W + r"[ \u00a0]+){0,2}(?:" + STREET_TYPES + r")\b\.?")
_WRAP_MIN_LINE = 50
# a Scottish tenement flat before the street: "9/2, 14 Dalmeny Street", "Flat 3/1, 22 Garturk Street"
TENEMENT_BEFORE = re.compile(r"(?:(?:Flat|Apartment|Apt)[ \u00a0]+)?\d{1,3}/\d{1,3},?[ \u00a0\n]+$")
NAMED_HOUSE_RE = re.compile(r"(?m)^[ \t]*(?:" + W + r"[ \u00a0]+){1,3}(?:House|Cottage|Farm|Lodge|Barn|Manor|Villa)[ \t]*,?[ \t]*$")
POSTCODE_RE = re.compile(POSTCODE_REGEX)
# a PO box and the town and postcode after it ("PO Box 238, Peterlee, SR8 9DD"): an organisation's
# mailbox, found so that its town is known for a place (not a name) and the box is left in as an
# organisation's contact (recognizers/refine.py PO_BOX)
PO_BOX_RE = re.compile(r"(?i)(?<![\w])(?:P\.?[ \t]?O\.?[ \t]*Box)[ \t]+\d{1,6}(?![\w])")
# a flat in a named block, with no house number: "Flat 11, Rowan House"
_BLOCK_WORDS = "House|Court|Lodge|Mansions|Tower|Towers|Buildings|Point|Heights|Block|Hall|Place"
FLAT_IN_BLOCK_RE = re.compile(
    r"(?<![\w])(?:(?:Flat|Apartment|Apt\.?)[ \u00a0]+[A-Z]?\d{1,4}[A-Za-z]?,?[ \u00a0]+(?:" + W + r"[ \u00a0]+){1,3}"
    r"(?:" + _BLOCK_WORDS + r")|(?:FLAT|APARTMENT|APT\.?)[ \u00a0]+[A-Z]?\d{1,4}[A-Z]?,?[ \u00a0]+(?:" + WU + r"[ \u00a0]+){1,3}"
    r"(?:" + _BLOCK_WORDS.upper() + r"))\b")
# (round 24T) a whole address typed in lower case in a message, its postcode too: "18 quenby rise tollmarsh. tm3 8pw"
LOWER_ADDRESS_RE = re.compile(
    r"(?<![\w/])\d{1,4}[a-z]?,?[ \u00a0]+(?:[a-z][a-z'’\-]+[ \u00a0]+){1,3}(?:" + STREET_TYPES.lower() + r")\b"
    r"(?:,?[ \u00a0]+[a-z][a-z\-]+){0,2}[,.]?[ \u00a0]+[a-z]{1,2}\d[a-z\d]?[ \u00a0]?\d[abd-hjlnp-uw-z]{2}(?![\w])")
# (round 24T) a business unit in a named mill, works or estate, with no house number: "Unit 5 Beckside Mills, Beck Lane,
# Tollmarsh TM4 2QR", "Suite 2, Parkside Works, ..." (then the town and postcode after it)
UNIT_IN_PREMISES_RE = re.compile(
    r"(?<![\w])(?:Unit|Units|Suite|UNIT|SUITE)[ \u00a0]+[A-Z]?\d{1,4}[A-Za-z]?,?[ \u00a0]+(?:" + W + r"[ \u00a0]+){1,3}"
    r"(?:Mills?|Works|Centre|Center|Estate|Park|Buildings|Yard|Wharf|Studios|Arcade|Precinct|Enterprise[ \u00a0]+Park)\b")
# streets named in Welsh, the street word first ("12 Heol y Nant", "3 Ffordd Las", "7 Maes yr Haf")
UW = r"[A-ZÀ-ÖØ-Þ\u0100-\u017f\u0174\u0176][^\W\d_]*(?:['’\-][^\W\d_]+)*"
WELSH_STREET_RE = re.compile(
    r"(?<![\w])\d{1,4}[A-Za-z]?,?[ \u00a0]+(?:Heol|Ffordd|Stryd|Lôn|Lon|Maes|Clos|Cilgant|Teras|Rhodfa|Llwyn|Parc|Cae|Rhes|"
    r"Sgwâr|Plas|Gerddi|Cwrt|Bro|Tir|Erw|Pant|Cwm|Bryn|Penrhyn|Ystad)[ \u00a0]+(?:(?:y|yr|'r|’r)[ \u00a0]+)?" + UW
    + r"(?:[ \u00a0]+(?:(?:y|yr|'r|’r)[ \u00a0]+)?" + UW + r"){0,2}(?![\w\-])"
)
# any other street: a house number and capitalised words, then a town and a postcode on the same line
# ("9 Dalmeny Wynd, Leith EH6 8PG", "22 Lôn Glan Môr, Bangor LL57 1AB")
NUMBERED_LINE_RE = re.compile(
    r"(?<![\w/])\d{1,4}[A-Za-z]?,?[ \u00a0]+(?:" + UW + r"[ \u00a0]+|(?:y|yr|de|la|le|du|of|the|on|upon|in)[ \u00a0]+){0,4}"
    + UW + r",[ \t]*(?:" + UW + r"[ \t]*){1,3},?[ \t]*(?=" + POSTCODE_REGEX + r")"
)
# an Irish Eircode closing an address abroad ("Salthill, Galway, H91 X2Y4", "Dublin D6W XY12")
EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \u00a0]?[0-9AC-FHKNPRTV-Y]{4}(?![\w])"
# ... after a numbered line and its towns: "14 Ard Na Mara, Salthill, Galway, H91 X2Y4"
IRISH_LINE_RE = re.compile(
    r"(?<![\w/])\d{1,4}[A-Za-z]?,?[ \u00a0]+(?:" + UW + r"[ \u00a0]+|(?:na|an|a|de|of|the|upon)[ \u00a0]+){0,4}" + UW
    + r"(?:,[ \t]*(?:" + UW + r"[ \t]*){1,3}){1,3},?[ \t]*" + EIRCODE
)
# a street abroad written street word first and house number after: "ul. Polna 12" (Polish),
# "Str. Mihai Eminescu nr. 7" (Romanian), "Calle Mayor 5", "Rua Augusta 27", "Rue Victor Hugo 4"
FOREIGN_STREET_RE = re.compile(
    r"(?<![\w.])(?:(?i:ul\.|ulica|al\.|aleja|os\.|osiedle)|Str\.|Strada|Bd\.|Bulevardul|Calea|Calle|Avenida|Avda\.|Rua|Rue)"
    r"[ \u00a0]+(?:" + UW + r"[ \u00a0]+){0,3}" + UW + r",?[ \u00a0]+(?:nr\.?[ \u00a0]*)?\d{1,4}[A-Za-z]?(?:/\d{1,4})?(?![\w/])"
)
# the people whose home is named by the possessive alone ("at my mum's", "her nan's"): family and friends
_KIN = (r"(?i:mum|mam|mom|mother|mummy|dad|father|daddy|nan|nana|nanna|gran|granny|grandma|grandad|grandmother|grandfather|"
        r"sister|brother|auntie|aunty|aunt|uncle|cousin|niece|nephew|partner|boyfriend|girlfriend|fiance|fiancee|"
        r"friend|mate|pal|parent|in-law|in-laws|inlaws)")
# (round 24T) the writer hedging between a town and its street: "in Dunmoor i think Wrenfield Road", "in Tollmarsh I think,"
_HEDGE = r"(?:,?[ \t]+(?i:i[ \t]+think|i[ \t]+believe|i[ \t]+reckon|maybe|probably|somewhere)[ \t]*,?[ \t]+)"
_HEDGE_RE = re.compile(_HEDGE)
# a street named without a house number after an address cue: "she now lives on Mill Lane, Hitchin",
# "moved to Orchard Close", "address: Linden Grove, Luton"
CUED_STREET_RE = re.compile(
    r"(?i:\b(?:lives|living|live|moved|moving|move|staying|stays|stay|resides|residing|relocated|address(?:[ \t]+is)?|"
    r"lodging)[ \t]+(?:(?:at|on|in|to|into|round)[ \t]+)?(?:the[ \t]+)?|\baddress[ \t]*:[ \t]*|"
    # a home named by what it is: "they've got a place on Willow Street", "a flat in Mill Lane"
    # (somebody's home by a possessive or a verb of having it: not "the advice place on Fawcett Street")
    r"\b(?:(?:his|her|their|my|our|your)[ \t]+(?:new[ \t]+|own[ \t]+)?|(?:got|get|getting|have|has|had|rent|rents|renting|"
    r"bought|buying|found)[ \t]+(?:a|an|the)[ \t]+(?:new[ \t]+)?)(?:place|house|flat|home|bedsit|room)[ \t]+(?:on|in)[ \t]+|"
    # where someone lives said after who with: "living with his new partner, Jo Bell, on\n Mill Lane"
    # (round 24T) or in a town and then the street, the writer hedging ("staying with her mum\n> Jo in Tollmarsh I think,
    # Abbeymead Court", "living with him now, somewhere in Hexley, Corncrake Lane I think"), over a quoted line's break
    # (round 24T) a person said to be on or at a street: "I thought she was on Gorsey Rd", "he's still at Mill Lane"
    r"\b(?:he|she|they|he['’]s|she['’]s|they['’]re|hes|shes)[ \t]+(?:(?:is|was|are|were)[ \t]+)?(?:now[ \t]+|still[ \t]+)?"
    r"(?:on|at)[ \t]+|"
    r"\b(?:lives|living|live|staying|stays|moved|moving)\b(?:[^.!?\n]|\n[ \t>]*(?=[^\s>])){1,50}?[ \t,](?:on|at|in)(?:[ \t]+|[ \t]*\n[ \t]*)|"
    # a relative's or friend's home, said the British way by the possessive alone: "she is at her mother's in
    # Blakenhall, Dudley Road", "pick-ups from my mums on Mill Lane", "round his nan's on Fore Street"
    r"\b(?:his|her|their|my|our|your)[ \t]+(?:" + _KIN + r")(?:['’]s|s['’]?)[ \t]+(?:house[ \t]+|place[ \t]+|flat[ \t]+)?"
    r"(?:on|in|at|off)[ \t]+)"
    # (a district or town before the street: "his house in Gorleston, Lowestoft Road")
    r"(?:(?P<street>(?:" + W + r"(?:[ \u00a0]+" + W + r")?(?:,[ \t]+|" + _HEDGE + r"))?" + street_name(1, 3) + r")(?![ \u00a0]+[A-Z][a-z])"
    # in lower case, as typed in a message, only with a house number: "she lives at 4 mill lane now"
    r"|(?P<lower>\d{1,4}[a-z]?,?[ \u00a0]+(?:[a-z][a-z'’\-]+[ \u00a0]+){1,3}(?i:" + STREET_TYPES + r")\b))")
# (round 23T) a home named by whose or what it is, then its street, as typed in a message: in lower case ("kirstys
# mums on spring end", "that flat on bolton rd"), or after a comma ("at her brother's, Norfolk Street"); the cue is
# a relative's or friend's home by a possessive (a name's too), or a flat or house said to be somebody's
_HOME_CUE = (r"(?i:\b(?:(?:his|her|their|my|our|your|[a-z]+['’]?s)[ \t]+" + _KIN + r"(?:['’]s|s['’]?)"
             r"(?:[ \t]+(?:house|place|flat))?[ \t]*|\b(?:that|this|his|her|their|my|our|your)[ \t]+(?:new[ \t]+)?"
             r"(?:flat|house|bedsit)[ \t]+"
             # (round 24T) a home said to be got or rented, as typed in a message: "me n her got a place on pell park"
             r"|\b(?:got|get|getting|have|has|had|rent|rents|renting|rented|bought|buying|found)[ \t]+(?:a|an|the)[ \t]+"
             r"(?:new[ \t]+)?(?:place|house|flat|home|bedsit)[ \t]+))")
_NOT_STREET_WORD = r"(?!(?i:the|a|an|that|this|his|her|their|my|our|your|main|next|same|other|one|way|road|street|lane)\b)"
HOME_STREET_RE = re.compile(
    _HOME_CUE + r"(?:(?:on|in|at|off)[ \t]+(?P<lw>" + _NOT_STREET_WORD + r"[a-z][a-z'’\-]+(?:[ \t]+" + _NOT_STREET_WORD
    + r"[a-z][a-z'’\-]+)?[ \t]+(?:" + STREET_TYPES.lower() + r")\b(?![ \t]*[a-z'’\-]*[0-9]))|,[ \t]+(?P<tw>" + street_name(1, 3) + r")(?![ \u00a0]+[A-Z][a-z]))")
# (title case only: a heading in capitals over an organisation's address, "BRISTOL MAGISTRATES' COURT", is no street)
# a street with no house number heading an address block that ends in a postcode ("Quarry Road, Ffairfach\n
# Llandeilo\nSA19 6SR", "Mill Lane\nHitchin SG4 9AB"): a line of its own, then towns, then the postcode
STREET_LINE_RE = re.compile(r"(?m)^[ \t]*(?P<a>(?:" + W + r"[ \u00a0]+){1,3}(?:" + STREET_TYPES + r")\b\.?)(?=[ \t]*[,\n])")
# (round 24T) where a person named just before lives, given by "of" or "at" (a witness's, an arrested man's, a relative's
# home in a police or court letter or a case note): "Mrs Ada Pim of Kestrel Road", "Ned Lusk, aged 19,
# of Marlpit Avenue, Brindle", "her mother, Mrs I Quarrel, at Tansy Lane, Oxhey"; a name (a title, or two or three
# capitalised words), then the street and its word, not a business after it ("of Park Road Motors")
_NAMED = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+(?:[A-Z]\.?[ \t]+)?" + W + r"|" + W + r"(?:[ \t]+" + W + r"){1,2})"
PERSON_OF_STREET_RE = re.compile(
    r"(?<![\w'’\-])" + _NAMED + r"(?:,[ \t]+aged[ \t]+\d{1,3},)?,?[ \t]+(?:of|at)[ \t]+(?P<street>" + street_name(1, 3)
    + r")(?![ \u00a0]*[A-Za-z]*[ \u00a0]*(?:[A-Z][a-z]|&))")
# a house number and a street with no street word ("3 Gillinggate", "12 Broadacre") straight after an address
# cue: "my old address, 3 Gillinggate, that's ...", "address: 7 Highfield"
CUED_NUMBERED_RE = re.compile(
    r"(?i:\baddress(?:[ \t]+(?:is|was))?)[ \t]*[:,\-]?[ \t]*(?P<a>\d{1,4}[A-Za-z]?,?[ \t]+" + UW + r"(?:[ \t]+" + UW
    + r"){0,2})(?=[ \t]*(?:[,.;\n]|$))")
# a care-of address with no house number: "c/o The Old Bakery, Church Lane, Llandaff, Cardiff CF5 2AA",
# "care of Ty Gwyn, Llanfair": the name after "c/o" and a street or the towns and postcode after it
CARE_OF_RE = re.compile(
    r"(?i:(?<![\w])(?:c/o|care[ \t]+of))[ \t]+(?P<addr>(?:The[ \u00a0]+)?(?:" + UW + r"[ \u00a0]+){0,3}" + UW
    + r"(?P<street>,[ \t]*(?:" + UW + r"[ \u00a0]+){0,3}(?:" + STREET_TYPES + r")\b\.?)?)"
)
# a US state and ZIP code closing an address: "TX 77008", "CA 94105-1234"
US_STATE_ZIP = re.compile(r"[ \t\u00a0]*(?:,[ \t\u00a0]*\n?|\n|,?[ \t\u00a0]+)[ \t\u00a0]*[A-Z]{2}[ \u00a0]+\d{5}(?:-\d{4})?(?![\w])")
# a following component: a line/segment of 1-3 capitalised words (town, county) or a postcode
NEXT_RE = re.compile(
    r"[ \t\u00a0]*(?:,[ \t\u00a0]*\n?|\n)[ \t\u00a0]*(?P<comp>(?:" + W + r"(?:[ \u00a0]+(?:" + W + r"|upon|on|in|under|le|de))*?)?(?:[ \u00a0,]*" + POSTCODE_REGEX + r")?)[ \t\u00a0]*(?:(?=[,\n.;:)]|$)|(?<=\d[A-Z]{2})(?=\s))"
)

# (round 25T) a street named alone, with no house number, where a person's home or things are placed on it: "that house
# on Mill Lane", "post goes missing at Throstle Mt", "saw his car outside Durham Rd", "she has moved from Caledonia
# Rd", "he goes to her old flat on Tower Street", "shes at brabyns ave" (typed in lower case in a message). Only the
# unambiguous street words (a Court, Park, Green, Hill, Bank, Gate or Way alone is as often a building or a business);
# not a business's name after it ("on Park Road Motors"); and only with a cue of a home, a move, post, a person's
# vehicle or a handover in the clause before it (not "the car wash on Mill Road", "the big one on Mill Road": a
# business's street), and no "I", "my", "you", "your", "we" close before it ("my old flat on ...", "I moved from ...",
# "we write to you at ...": the writer's or the reader's own street, left to the requester's side)
_BARE_STREET_WORDS = "Street|Road|Rd|Avenue|Ave|Lane|Ln|Close|Crescent|Cres|Grove|Drive|Terrace|Tce|Mount|Mt|Gardens|Gdns"
_BARE_LOWER_WORDS = "street|road|rd|avenue|ave|lane|close|crescent|grove|drive|terrace|gardens"
_WU_WORD = r"(?!(?:ON|AT|IN|TO|OF|THE|AND|FROM|NEAR|UNIT|FLAT)\b)" + WU
BARE_STREET_RE = re.compile(
    r"(?<![\w'’])(?P<prep>(?i:on|at|from|outside|off|near|in|opposite|behind))(?:[ \t]+|[ \t]*\n[ \t>]*)"
    r"(?:(?P<t>(?:" + W + r"[ \u00a0]+){1,3}(?:" + _BARE_STREET_WORDS + r")|(?:" + _WU_WORD + r"[ \u00a0]+){1,3}(?:"
    + _BARE_STREET_WORDS.upper() + r"))\b\.?(?![ \u00a0]*(?:[A-Z][a-z]|&))"
    r"|(?P<l>" + _NOT_STREET_WORD + r"[a-z][a-z'’\-]+(?:[ \t]+" + _NOT_STREET_WORD + r"[a-z][a-z'’\-]+)?[ \t]+(?:"
    + _BARE_LOWER_WORDS + r")\b)(?![ \t]*[a-z'’\-]*[0-9]))")
_BARE_CLAUSE_START = re.compile(r"[.!?;][ \t]|\n")
_BARE_HOME_CUE = re.compile(
    r"(?i)\b(?:house|flat|home|bungalow|address|addr|post|letters?|lives|living|live|moved|moving|move|staying|stays|stopping|"
    r"pick(?:ed|s|ing)?|collect(?:ed|s|ing)?|drop(?:ped|s|ping)?)\b|\b(?:his|her|their)[ \t]+(?:new[ \t]+|old[ \t]+)?(?:car|van)\b|"
    r"\b(?:he|she)(?:['’]?s|[ \t]+(?:is|was))?[ \t]+(?:still[ \t]+|now[ \t]+)?(?:at|on)[ \t]*$|"
    r"\b(?:his|her|their|my|your|[a-z]+['’]?s)[ \t]+" + _KIN + r"(?:['’]s|s['’]?)\b")
_BARE_KIN_OF = re.compile(r"(?i)\b(?:my|your|our)[ \t]+" + _KIN + r"(?:['’]?s)?\b")
_BARE_FIRST_SECOND = re.compile(r"(?i)\b(?:I|me|my|mine|you|your|yours|we|our|us)\b")
_BARE_REACH = 35


def _bare_street_ok(text: str, p: int, q: int) -> bool:
    """Is the street named alone after the locating word at ``p``..``q`` cued as where someone lives or is?"""
    cs = max(0, p - 70)
    for m in _BARE_CLAUSE_START.finditer(text, cs, p):
        cs = m.end()
    if _BARE_HOME_CUE.search(text[cs:q]) is None:
        return False
    near = _BARE_KIN_OF.sub(" ", text[max(cs, p - _BARE_REACH):p])
    return _BARE_FIRST_SECOND.search(near) is None

def _res(rec, s, e, score, why):
    return result(rec, EntityType.ADDRESS.value, s, e, score, why)


def extend_address(text: str, end: int, max_parts: int = 4) -> int:
    """Extend an address over the town / county / postcode components that follow."""
    for _ in range(max_parts):
        m = NEXT_RE.match(text, end)
        if not m or not m.group("comp").strip():
            break
        comp = m.group("comp")
        if len(comp.split()) > 5:
            break
        if text.startswith(":", m.end("comp")) and not POSTCODE_RE.search(comp):
            break  # a form's next label ("Phone:", "Relationship:"), not a town
        end = m.end("comp")
        if POSTCODE_RE.search(comp):
            return end
    zip_line = US_STATE_ZIP.match(text, end)
    if zip_line:
        end = zip_line.end()
    return end


class AddressRecognizer(EntityRecognizer):
    def __init__(self):
        super().__init__(supported_entities=[EntityType.ADDRESS.value], name="AddressRecognizer", supported_language="en")
        self.context = ["address", "lives at", "living at", "moved to", "resides"]

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: List[str], nlp_artifacts=None) -> List[RecognizerResult]:
        out = []
        text = ocr_corrected(text)  # (round 23T) "3 WICKHAM R0AD", "19 N0rfolk Street" in a scan
        for m in STREET_RE.finditer(text):
            s, e = m.span()
            if text[s].isdigit() and (_DIGITS_BEFORE.search(text, max(0, s - 12), s) or (
                    text[s:s + 4].isdigit() and text[s:s + 2] in ("19", "20") and _DATE_YEAR_BEFORE.search(text, max(0, s - 14), s))):
                continue
            if "/" in text[max(0, s - 16):s]:
                tm = TENEMENT_BEFORE.search(text, max(0, s - 20), s)
                if tm is not None:
                    s = tm.start()
            e2 = extend_address(text, e)
            score = 0.8 if e2 > e else 0.65
            out.append(_res(self, s, e2, score, "house number and street"))
        if "\n" in text:
            for m in WRAPPED_STREET_RE.finditer(text):
                s, e = m.span()
                br = text.index("\n", s)
                if br - (text.rfind("\n", 0, s) + 1) < _WRAP_MIN_LINE or _DIGITS_BEFORE.search(text, max(0, s - 12), s):
                    continue
                e2 = extend_address(text, e)
                out.append(_res(self, s, e2, 0.8 if e2 > e else 0.65, "house number and street over a wrapped line"))
        for rx, why in ((WELSH_STREET_RE, "house number and a Welsh street"), (NUMBERED_LINE_RE, "house number, street, town and postcode"),
                        (IRISH_LINE_RE, "house number, street, towns and an Eircode"),
                        (FOREIGN_STREET_RE, "a street abroad, street word first, and its house number")):
            for m in rx.finditer(text):
                e = m.end()
                while e > m.start() and text[e - 1] in " \t,":
                    e -= 1
                e2 = extend_address(text, e)
                out.append(_res(self, m.start(), e2, 0.8 if e2 > e else 0.65, why))
        for m in CUED_STREET_RE.finditer(text):
            g = "street" if m.group("street") else "lower"
            e = m.end(g)
            e2 = extend_address(text, e)
            st = m.start(g)
            h = _HEDGE_RE.search(text, st, e) if g == "street" else None
            if h is not None:
                st = h.end()  # ("in Dunmoor i think Wrenfield Road": the street, not the town and the hedge)
            out.append(_res(self, st, e2, 0.7 if e2 > e else 0.6, "street after an address cue"))
        if " of " in text or " at " in text:
            for m in PERSON_OF_STREET_RE.finditer(text):
                e = m.end("street")
                out.append(_res(self, m.start("street"), extend_address(text, e), 0.6, "street where a person named before lives"))
        from recognizers.parties import _business_on_street
        for m in BARE_STREET_RE.finditer(text):
            g = "t" if m.group("t") else "l"
            if not _bare_street_ok(text, m.start("prep"), m.end("prep")) or _business_on_street(text, m.start(g), m.end(g)):
                continue  # "the car wash on Mill Road": where a business is
            out.append(_res(self, m.start(g), extend_address(text, m.end(g)), 0.6, "street named alone where someone or something is"))
        for m in HOME_STREET_RE.finditer(text):
            g = "lw" if m.group("lw") else "tw"
            out.append(_res(self, m.start(g), extend_address(text, m.end(g)), 0.6, "street of a home named by whose it is"))
        for m in STREET_LINE_RE.finditer(text):
            e2 = extend_address(text, m.end("a"))
            if e2 > m.end("a") and POSTCODE_RE.search(text, m.end("a"), e2):
                out.append(_res(self, m.start("a"), e2, 0.7, "street line with town and postcode"))
        for m in CUED_NUMBERED_RE.finditer(text):
            e2 = extend_address(text, m.end("a"))
            out.append(_res(self, m.start("a"), e2, 0.6 if e2 == m.end("a") else 0.7, "house number and street after an address cue"))
        for m in FLAT_IN_BLOCK_RE.finditer(text):
            e2 = extend_address(text, m.end())
            out.append(_res(self, m.start(), e2, 0.6 if e2 == m.end() else 0.75, "flat in a named block"))
        for m in LOWER_ADDRESS_RE.finditer(text):
            out.append(_res(self, m.start(), m.end(), 0.6, "an address typed in lower case with its postcode"))
        for m in UNIT_IN_PREMISES_RE.finditer(text):
            e2 = extend_address(text, m.end())
            if e2 > m.end():
                out.append(_res(self, m.start(), e2, 0.6, "business unit in named premises with its street or town"))
        for m in PO_BOX_RE.finditer(text):
            e2 = extend_address(text, m.end())
            if e2 > m.end():
                out.append(_res(self, m.start(), e2, 0.6, "PO box with town/postcode"))
        for m in CARE_OF_RE.finditer(text):
            e = m.end("addr")
            e2 = extend_address(text, e)
            # (a street, or a postcode closing the towns: not "c/o Harlow & Beynon" alone, not "c/o his mum")
            if m.group("street") or POSTCODE_RE.search(text, e, e2):
                out.append(_res(self, m.start("addr"), e2, 0.7, "care-of address"))
        out += _street_named_again(self, text, out)
        for m in NAMED_HOUSE_RE.finditer(text):
            s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            e = m.end() - (len(m.group(0)) - len(m.group(0).rstrip(" \t,")))
            e2 = extend_address(text, e)
            if e2 > e:
                out.append(_res(self, s, e2, 0.6, "house name with town/postcode"))
        return out


# the street word and its short forms, for a street named again ("Kelvin Street" ... "the Kelvin St address")
_STREET_SHORT = {"mount": "mt", "street": "st", "road": "rd", "avenue": "ave", "lane": "ln", "close": "cl", "drive": "dr", "crescent": "cres",
                 "court": "ct", "place": "pl", "gardens": "gdns", "terrace": "terr", "square": "sq"}
_NUMBERED_STREET = re.compile(r"(?<![\w])\d{1,4}[A-Za-z]?,?[ \u00a0]+(?P<name>(?:" + W + r"[ \u00a0]+){1,3})(?P<type>" + STREET_TYPES
                              + r")\b\.?")
# (round 24T) a street found alone by a cue (no house number): its name and street word at the finding's start
_CUED_ALONE = re.compile(r"(?P<name>(?:" + W + r"[ \u00a0]+){1,3})(?P<type>" + STREET_TYPES + r")\b\.?")
_HOME_WHYS = frozenset({"street after an address cue", "street where a person named before lives",
                        "street of a home named by whose it is"})
_CAPITAL_AFTER = re.compile(r"[ \u00a0]+[A-Z][a-z]")
# where a street named alone locates someone or something: "on Kelvin Street", "the Kelvin St address", "to Kelvin St"
_LOCATING_BEFORE = re.compile(r"(?i)(?:\b(?:on|at|to|in|into|near|from|round|off|along|down|up)|\bthe)[ \t]+$")


def _street_named_again(rec, text: str, found: list) -> list:
    """The street of a numbered address found on the page, named again alone after a locating word ("Subject traced
    to Flat 3/2, 19 Kelvin Street, ..." then "seen parked on Kelvin Street", "the Kelvin St address"): the same place."""
    names = {}
    cued = set()
    for r in found:
        m = _NUMBERED_STREET.match(text, r.start) or _NUMBERED_STREET.search(text, r.start, r.end)
        if m is None:
            why = getattr(r.analysis_explanation, "textual_explanation", "") or ""
            m = _CUED_ALONE.match(text, r.start, r.end) if why in _HOME_WHYS else None
            if m is None:
                continue
            cued.add(re.sub(r"[ \u00a0]+", " ", m.group("name").strip()))
        name = re.sub(r"[ \u00a0]+", " ", m.group("name").strip())
        typ = m.group("type").lower().rstrip(".")
        forms = {typ, _STREET_SHORT.get(typ, typ)} | {k for k, v in _STREET_SHORT.items() if v == typ}
        names[name] = forms
    if not names:
        return []
    out = []
    taken = [(r.start, r.end) for r in found]
    for name, forms in names.items():
        if text.count(name.split()[0]) < 2:
            continue  # (named once: only in its own address)
        rx = re.compile(r"(?<![\w])" + re.escape(name).replace(r"\ ", r"[ \u00a0]+") + r"[ \u00a0]+(?i:"
                        + "|".join(sorted(forms, key=len, reverse=True)) + r")\b\.?")
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            # (round 24T) a street found without a house number where someone lives ("moved in with her in
            # Dunmoor, Wrenfield Road"), named again in the same words anywhere ("Did you say Wrenfield Road?"), not a
            # business after it
            if _LOCATING_BEFORE.search(text, max(0, m.start() - 12), m.start()) is None and not (
                    name in cued and not _CAPITAL_AFTER.match(text, m.end())):
                continue
            from recognizers.parties import _business_on_street
            if _business_on_street(text, m.start(), m.end()):
                continue  # "a hand car wash on Kelvin Street": where a business is
            out.append(_res(rec, m.start(), m.end(), 0.6, "the street of an address found on the page, named again"))
    return out
