"""Organisation names: a run of capitalised words ending in a company or body word
("Harbour Fresh Foods Ltd", "Lotus Garden\\nRestaurants Ltd", "Lloyd-Jones Family Law",
"Aire Valley Medical Practice", "Leeds City Council"). Such a name is never a PERSON,
even when it holds a surname; a listed third party's own name inside it is still found by
the party matcher.
"""
from __future__ import annotations

import functools
import re

SUFFIX = (
    r"Ltd|LTD|Limited|LIMITED|PLC|plc|Plc|LLP|LLC|Inc|CIC|"
    r"(?:&|and)[ \u00a0]+(?:Co|Sons|Partners)\b\.?|Co\.|Council|Trust|Practice|Surgery|Solicitors|Law|Chambers|"
    r"Partnership|Associates|Group|Foundation|Association|Society|Academy|School|College|University|Hospital|"
    r"Clinic|Centre|Center|Pharmacy|Agency|Insurance|Assurance|Nursery|Playgroup|Pre-?school|Childcare|Housing|Homes|Restaurants?|Services|Logistics|Foods|Motors|Garage|Bank|Tribunal|"
    r"Lettings|Estate[ \u00a0]+Agents|Properties|Hub|Union|Foodbank|Food[ \u00a0]+Bank|Accountancy|Accountants|Network|"
    # "Wales" in Welsh after a name is a body's name, never a person's ("Advicelink Cymru", "Shelter Cymru")
    r"Cymru"
)
# the same words in capitals, as a letterhead writes them ("ADEYEMI & COLE SOLICITORS")
_CAPS = "|".join(w.upper() for w in (
    "Solicitors Council Trust Practice Surgery Law Chambers Partnership Associates Group Foundation Association "
    "Society Academy School College University Hospital Clinic Centre Center Pharmacy Agency Housing Restaurants "
    "Restaurant Services Logistics Foods Motors Garage Bank Homes Tribunal Nursery Playgroup Preschool Childcare Insurance Assurance "
    "Lettings Properties Union Accountancy Accountants Network").split()) + "|LLP|LTD|LIMITED|PLC|CIC"
# only as a whole line (a letterhead): in a statement line in capitals "... REF GARAGE" is no organisation
ORG_CAPS_LINE_RE = re.compile(
    # (a firm of partners lists them with commas: "GRAHAM, O'HARE & KAUR LLP")
    r"(?m)^[ \t]*(?P<name>(?:[A-Z][A-Z'’\-]*|&)(?:(?:[ \t]+|,[ \t]+)(?:[A-Z][A-Z'’\-]*|&|[-–|]|\d+)){0,9}[ \t]+(?:" + _CAPS
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


def org_name_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every organisation name in ``text`` (plus ``offset``: ``text`` is a slice)."""
    if offset:
        return [(a + offset, b + offset) for a, b in _org_name_spans(text)]
    if len(text) > 400:
        # (a whole page: the analyzer and refine.refine_findings both ask, once each)
        return list(_page_org_name_spans(text))
    return _org_name_spans(text)


@functools.lru_cache(maxsize=4)
def _page_org_name_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_org_name_spans(text))


def _org_name_spans(text: str) -> list[tuple[int, int]]:
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
    if "(" in text:
        # a name followed by its own registration in brackets: "Little Acorns (registered charity 1122334)",
        # "Brightside Care (Company No. 09231874)": a charity's or company's name
        out += [m.span("name") for m in _NAME_REG_RE.finditer(text)]
    return out


# ---------------------------------------------------------------- organisations' contact details
# An organisation's address, postcode or phone written in prose or over several lines, where no
# letterhead or label on the same line says so. A careful DPO leaves these in: they are the
# organisation's, not a person's.

# one part of an address as a letter writes it: "Westgate Point", "6 Westgate", "Unit 9", "PO Box 88",
# "Leeds LS1 2AX", "Newcastle upon Tyne"
_COMP = (r"(?:(?i:c/o[ \t]+)?(?:(?i:unit|suite|floor|room|block|building|p\.?[ \t]?o\.?[ \t]*box)[ \t]+\d{1,6}[A-Za-z]?"
         r"|(?:\d{1,4}[A-Za-z]?[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z][\w'’\-]*|upon|on|le|de|the|of|in|by|&))*))")
# an organisation's own registration written after its name: "(Company No. 09231874, VAT Reg GB 318 4421 07)",
# ", company no. 11482903,", "Registered charity 1098765"
_REG_NO = (r"(?i:(?:company|co\.?|registered|reg\.?|charity|vat|registration)(?:[ \t]+(?:no\.?|number|reg(?:istration)?\.?|"
           r"charity|in[ \t]+england(?:[ \t]+(?:and|&)[ \t]+wales)?))*[ \t]*[.:]?[ \t]*(?:gb[ \t]*)?\d[\d \t]{4,14}\d)")
_REG_BRACKET = r"\((?:[ \t]*" + _REG_NO + r"[ \t]*[,;]?)+[ \t]*\)"
_NAME_REG_RE = re.compile(r"(?<![\w'’\-])(?P<name>[A-Z][A-Za-z'’\-]+(?:[ \u00a0]+(?:[A-Z][A-Za-z'’\-]+|&|and|of)){0,4}?"
                          r"(?:[ \u00a0]+[A-Z][A-Za-z'’\-]+)?)[ \u00a0]*" + _REG_BRACKET)
# "Ms X, c/o The Old Bakery, ...", "Mr X (care of ...)": a person's own care-of address, even where a firm's or a
# business-like name ("The Old Bakery") follows the "c/o"; never an organisation's contact detail
_CARE_OF_BEFORE = re.compile(r"(?i)(?<![\w])(?:c/o|care[ \t]+of)[ \t]+$")
_CARE_OF = re.compile(r"(?i)(?<![\w])(?:c/o|care[ \t]+of)(?![\w])")


def care_of_person(text: str, s: int, people) -> bool:
    """Is ``s`` in an address given as a named person's "c/o" address, with no sentence or blank line between?"""
    lo = max(0, s - 160)
    last = None
    for last in _CARE_OF.finditer(text, lo, s):
        pass
    if last is None or "\n\n" in text[last.end():s] or re.search(r"[.;!?][ \t]+[A-Z]", text[last.end():s]):
        return False
    return any(b <= last.start() and re.fullmatch(r"[ \t,(]*", text[b:last.start()]) for a, b in people)


# the address parts between a cue (or an organisation's name) and the value: at most five, two line breaks
# (its registration numbers may stand among them, and "of" / "at" / "based at" before the address)
_RUN = re.compile(r"[ \t]*[:,(]?[ \t]*(?:\n[ \t|]*)?(?:(?:" + _COMP + r"|\([^()\n]{1,40}\)|" + _REG_BRACKET + r"|" + _REG_NO
                  # its department, and the unit word of the address that follows ("..., payroll c/o Unit 4, ...")
                  + r"|(?i:payroll|accounts|wages|finance|personnel|hr|c/o|unit|suite)(?![\w])"
                  + r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}|(?i:(?:based[ \t]+)?(?:of|at)|trading[ \t]+from))[ \t]*[,|(]?[ \t]*(?:\n[ \t|]*)?){0,6}")
# (an address among them: its postcode or a numbered street; an organisation named with a department and a
# number alone, "Castle Precision Ltd payroll (0161 ...)", may be the line of the person spoken to)
_ADDRESS_IN_RUN = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b|\b\d{1,4}[A-Za-z]?,?[ \t]+[A-Z][a-z]")
# after an organisation's name and its address parts, a line of the organisation: "..., tel 01733 960 220",
# "..., payroll 0115 496 0321", "Ward 7 (tel 01274 364 707)"
_ORG_LINE_WORD = re.compile(
    # (whole words: not the "t" that ends "Direct:" or "Tel" inside another word)
    r"(?i)(?<![\w])(?:(?:payroll|accounts|hr|switchboard|reception|office|main|general|enquiries|admin|head[ \t]+office)[ \t]*"
    r"(?:tel(?:ephone)?\.?|phone|line|number|no\.?)?|tel(?:ephone)?\.?|phone|t\.?)[ \t]*[:.]?[ \t]*(?:on[ \t]+)?$")
# a cue that an address which follows is an organisation's: its office or premises, where to write
# to or visit it, a civic building ("County Hall", "Civic Centre")
ORG_ADDRESS_CUE = re.compile(
    r"(?i)\b(?:(?:please[ \t]+)?reply[ \t]+to(?:[ \t]+us)?(?:[ \t]+at)?|write[ \t]+to[ \t]+(?:us|them)[ \t]+at|"
    r"visit[ \t]+(?:us|them)[ \t]+at|(?:registered|head|main|branch|regional|area)[ \t]+office|"
    # an employer named with its address: "I work at Tesco Extra, Wetherby Road, ...", "employed by X, ..."
    # (round 24T) with when he works between: "works nights at Kestrel Fold (44 Harrow Road, ...)"
    r"(?:works?|working)(?:[ \t]+(?:days|nights|evenings|weekends|shifts|mornings|afternoons|part[ \t\-]time|full[ \t\-]time))?"
    r"[ \t]+(?:at|for)|employed[ \t]+(?:at|by)|"
    # a form's or extract's label for an employer's address: "Employer address:", "Employer's address"
    r"(?:employer|employers|employer['’]s|company['’]?s?|business)[ \t]+(?:postal[ \t]+|registered[ \t]+)?address\b[ \t]*:?|"
    # "its address is ..." (not "our new address": a couple writes that about their home)
    r"its[ \t]+(?:new[ \t]+)?(?:postal[ \t]+)?address(?:[ \t]+is)?|"
    # (a business's premises: "the premises at ..." of a tenancy agreement is the tenant's home)
    r"offices?[ \t]+(?:is|are)(?:[ \t]+(?:at|in|on))?|(?:business|shop|takeaway|restaurant|salon|garage|commercial|office|"
    r"trading|company|works|factory|retail)\s+premises[ \t]+(?:(?:is|are)[ \t]+)?(?:at|in|on)|"
    # "the nursery is at 12 Kings Road", "their branch is based on ..."
    r"(?:the|our|their|its)[ \t]+(?:nursery|school|surgery|practice|centre|clinic|hospital|council|court|tribunal|branch|"
    r"bank|jobcentre|library|hub|academy|college|pharmacy|depot|headquarters|hq)[ \t]+(?:is|are)[ \t]+(?:based[ \t]+)?(?:at|on|in)|"
    # (round 24T) a body's premises where the reader goes or collects something: "collect the vehicle from the pound at
    # Kirk Street, ...", "report to the station at ...", "the office at 4 Mill Row"
    r"\b(?:from|to|at|visit|attend)[ \t]+the[ \t]+(?:pound|depot|police[ \t]+station|station|office|offices|branch|"
    r"centre|clinic|surgery|hospital|jobcentre|court|library|reception|desk)[ \t]+(?:at|on|in)|"
    r"(?-i:County[ \t]+Hall|Civic[ \t]+Cent(?:re|er)|Town[ \t]+Hall|Council[ \t]+(?:Offices|House)|Guildhall|"
    r"Justice[ \t]+Centre|Law[ \t]+Courts|Combined[ \t]+Court|County[ \t]+Court|Crown[ \t]+Court|"
    r"Magistrates['’]?[ \t]+Court|Jobcentre(?:[ \t]+Plus)?))(?![\w])")
# (round 24T) a business by what it is: its number is the business's line ("salon no 0121 ...", "call employer 01632 ...")
_BUSINESS = r"(?:employers?|salon|shop|store|restaurant|cafe|café|takeaway|garage|firm|company|business|workplace|depot|hotel|pub)"
# a cue on the same line that a (landline or non-geographic) number which follows is an organisation's line
ORG_PHONE_CUE = re.compile(
    r"(?i)\b(?:out[ \t\-]+of[ \t\-]+hours|emergency[ \t]+(?:line|number|repairs)|repairs[ \t]+(?:line|number|team)|"
    r"textphone|text[ \t]*relay|relay[ \t]+uk|minicom|freephone|lines?[ \t]+(?:are[ \t]+)?open|fax|\bDX[ \t]+\d+|"
    # "the cab number is ...", "the school office number": an organisation's number named by what it is
    r"(?:the[ \t]+(?:[\w'’\-]+[ \t]+){0,2})?(?:advice|council|office|centre|helpline|surgery|school|nursery|housing|"
    r"jobcentre|cab|court|hub|clinic|practice|bank|shelter|charity|service|team|reception|dentists?|doctors|gp|hospital|"
    r"pharmacy|police|" + _BUSINESS + r")(?:['’]?s)?[ \t]+(?:number|no\.?|phone|tel|landline)\b|"
    # (round 24T) a business rung on the number: "OB call employer 01632 ...", "rang the salon on 0121 ..."
    r"\b(?:call(?:ed)?|ring|rang|phon(?:e|ed)|tel|contact(?:ed)?)[ \t]+(?:the[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+)?"
    r"(?:" + _BUSINESS + r")[ \t]*(?:on[ \t]+|:[ \t]*)?$|"
    # a hospital ward or a department with its line: "Ward 7 (tel 01274 ...)", "Ward 22: 0113 ..."
    r"\b(?-i:Ward)[ \t]+[A-Z0-9]{1,3}\b[ \t]*[(:,]?[ \t]*(?:tel(?:ephone)?\.?|phone|direct[ \t]+line)?[ \t]*:?[ \t]*$|"
    # (prose wraps: "please ask her to contact the\n   housing options team directly on ...")
    r"(?:ring|call|phone|contact|try|reach)(?:[ \t]+|[ \t]*\n[ \t]*)(?:the|their)(?:[ \t]+|[ \t]*\n[ \t]*)(?:[\w'’\-]+(?:[ \t]+|[ \t]*\n[ \t]*)){0,2}"
    # (not "their place" or "the line": somebody's home, or anybody's phone)
    r"(?:advice|council|office|centre|helpline|surgery|school|nursery|housing|jobcentre|shelter|charity|"
    r"court|service|team|hub|clinic|practice|bank|dentists?|doctors|gp|hospital|ward|pharmacy|chemist|police)\b)")
# opening hours after a number on its line: "01423 960 500 (Mon-Fri 9-5)", "... 9am to 5pm", "lines open ..."
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_HOUR = r"\d{1,2}(?:[.:]\d\d)?[ \t]*(?:am|pm)?"
ORG_HOURS_AFTER = re.compile(
    r"(?i)[\d \t\-()+]*[^\n\d]{0,30}?(?:\b" + _DAY + r"[ \t]*(?:-|–|to)[ \t]*" + _DAY + r"|\b" + _HOUR + r"[ \t]*(?:-|–|to)[ \t]*"
    + _HOUR + r"(?<=m)|\bopening[ \t]+hours|\blines?[ \t]+(?:are[ \t]+)?open|\boffice[ \t]+hours|\b24[ \t\-]*hours?|\b24/7)")
# a person's number between the cue and the value: "ring the council and give them his mum's number ..."
_PERSONAL_NUMBER = re.compile(r"(?i)\b(?:his|her|my|your|their|'?s)[ \t]+(?:(?:own|new|old|mobile|home|work|direct|personal|"
                              r"landline|contact|phone|fax)[ \t]+){0,2}"
                              r"(?:number|mobile|mob|landline|phone)\b|\b(?:mobile|mob|(?<!our[ \t])direct[ \t]+(?:dial|line|tel(?:ephone)?|no\.?|number)|ddi|home)\b")
# a role mailbox on the same line as a number: the number is the office's too
_ROLE_MAILBOX_ON_LINE = re.compile(
    r"(?i)(?<![\w.\-])(?:office|enquiries|enquiry|info|admin|reception|contact|hello|post|mail|general|schooloffice|"
    r"customerservices|help|support)@[\w\-]+(?:\.[\w\-]+)+")
_MAILBOX = re.compile(r"(?<![\w.\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# "Our direct line is\n0117 ...", "our enquiry number: ...": the organisation speaking of its own line, the number
# on the same or the next line
# (not a household's "our home number", "our mobile")
_OUR_LINE = re.compile(r"(?i)\bour[ \t]+(?:(?!(?:home|house|family|mobile|landline|own|personal|private)\b)[a-z\-]+[ \t]+){0,2}"
                       r"(?:line|number|phone|telephone|helpline|switchboard)"
                       r"(?:[ \t]+(?:is|on))?[ \t]*[:,]?[ \t]*\n?[ \t]*$")


def _role_mailbox_on_line(text: str, a: int, b: int) -> bool:
    """A role or public body's mailbox (refine.is_org_mailbox: "payroll@", "enquiries@") on the line."""
    if "@" not in text[a:b]:
        return False
    from recognizers.refine import is_org_mailbox, is_person_mailbox
    return any(is_org_mailbox(m.group(0)) and not is_person_mailbox(m.group(0)) for m in _MAILBOX.finditer(text, a, b))


def _sentence_start(text: str, s: int, width: int) -> int:
    """The start of the sentence (or paragraph) holding ``s``, at most ``width`` back."""
    lo = max(0, s - width)
    cut = max(text.rfind("\n\n", lo, s), max((text.rfind(p, lo, s) for p in (". ", "! ", "? ", ".\n")), default=-1))
    return cut + 1 if cut >= 0 else lo
_LANDLINE_OR_ORG_RANGE = re.compile(r"^(?:\+44[ \t]*(?:\(0\)[ \t]*)?|\(?0)(?:[1238]|\(?[1238])")


# a body named as where a value came from, not whose it is: "NEW ADDR PER DVLA: ...", "according to HMRC", "as held by
# the council"
SOURCE_BEFORE = re.compile(r"(?i)\b(?:per|according[ \t]+to|(?:as[ \t]+)?held[ \t]+by|confirmed[ \t]+by|traced[ \t]+(?:by|via)|"
                           r"supplied[ \t]+by|provided[ \t]+by|via"
                           # (round 24T) "ALT ADDR FOR PP FROM DVLA: ...", "new address from HMRC": where the address came from
                           r"|\b(?:addr(?:ess)?|address(?:es)?|details)\b[^\n:.]{0,25}?\bfrom)[ \t]+(?:the[ \t]+)?$")


def org_contact_cue(text: str, s: int, kind: str, orgs: list[tuple[int, int]] = (),
                    people: list[tuple[int, int]] = ()) -> bool:
    """Is the contact detail at ``s`` an organisation's by what comes before it? ``kind``: "address"
    (an address or postcode: after an address cue or an organisation's name, through the address
    parts between, "Leeds Citizens Advice, Westgate Point, 6 Westgate, Leeds LS1 2AX", "visit us at
    County Hall,\\nAykley Heads, Durham DH1 5UL"; not with a person named between) or "phone" (a landline
    or non-geographic number after a line cue on its line, "out of hours: 01254 ...", "ring the advice
    place ... 0191 ...", before opening hours, or on a line with a role mailbox; not after a personal
    number word)."""
    if kind == "address":
        if care_of_person(text, s, people):
            return False
        lo = max(0, s - 160)
        anchors = [m.end() for m in ORG_ADDRESS_CUE.finditer(text, lo, s)]
        anchors += [b for a, b in list(orgs) + org_name_spans(text[lo:s], lo) if lo <= b <= s
                    and SOURCE_BEFORE.search(text, max(0, a - 25), a) is None]
        # (an address found after its "c/o": the run ends before the "c/o", "Harrogate Foodbank, c/o St Mark's ...")
        co = _CARE_OF_BEFORE.search(text, max(0, s - 12), s)
        rs = co.start() if co is not None else s
        # (not with a person named in between: "Thorp Haulage Ltd, Gary Nolan, 15 Beech Grove" is his)
        return any(text.count("\n", b, s) <= 2 and b <= rs and _RUN.fullmatch(text, b, rs) is not None
                   and not any(b <= a0 and b0 <= s for a0, b0 in people) for b in anchors)
    if kind == "phone":
        if not _LANDLINE_OR_ORG_RANGE.match(text[s:s + 8]):
            return False  # a mobile is a person's
        lo = max(0, s - 200)
        w = _ORG_LINE_WORD.search(text, lo, s)
        if w is not None and _PERSONAL_NUMBER.search(text, w.start(), s) is None:
            # "Halloran Plastering Ltd (Company No. ...) of Unit 4, ..., tel 01733 ...": the organisation's line,
            # its name, registration and address parts only between (not with a person named in between)
            for a, b in list(orgs) + org_name_spans(text[lo:w.start()], lo):
                if lo <= b <= w.start() and text.count("\n", b, w.start()) <= 2 and _ADDRESS_IN_RUN.search(
                        text, b, w.start()) is not None and _RUN.fullmatch(
                        text, b, w.start()) is not None and not any(b <= a0 and b0 <= s for a0, b0 in people):
                    return True
        # (the person's own line may be named on the line before: "call me on my direct line\n020 ... (Mon-Wed)")
        if ORG_HOURS_AFTER.match(text, s) is not None and _PERSONAL_NUMBER.search(
                text, _sentence_start(text, s, 60), s) is None:
            return True  # a line with opening hours is an organisation's
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", s)
        if (_ROLE_MAILBOX_ON_LINE.search(text, ls, le if le >= 0 else len(text)) is not None or _role_mailbox_on_line(
                text, ls, le if le >= 0 else len(text))) and _PERSONAL_NUMBER.search(text, ls, s) is None:
            return True  # "Tel: 01423 ...  Email: office@...": the line of an organisation's contacts
        if _OUR_LINE.search(text, max(0, s - 60), s) is not None:
            return True
        # (the cue may stand on the line before when prose wraps)
        line_start = max(text.rfind("\n", 0, ls - 1) + 1 if ls and "\n\n" not in text[max(0, ls - 2):ls + 1] else ls, s - 120)
        cue = None
        for cue in ORG_PHONE_CUE.finditer(text, line_start, s):
            pass
        # (a cue on the line before only with no other number between: not "Reception: 0113 ...\n<his> 0113 ...")
        return cue is not None and _PERSONAL_NUMBER.search(text, cue.end(), s) is None and (
            cue.start() >= ls or not any(c.isdigit() for c in text[cue.end():s]))
    return False


# ---------------------------------------------------------------- round 20T: layouts of organisations' details
# The values a contact line is made of: a phone number, a mailbox, a postcode (taken out before the words are read)
_CONTACT_VALUES = re.compile(
    r"(?:\+44[ \t]*(?:\(0\)[ \t]*)?|\(?0)\d[\d \t()\-]{7,14}\d|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|"
    r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b|(?i:www\.)\S+")
_CONTACT_SPLIT = re.compile(r"[\s,|/•·:;()\[\]\-–—]+")
# lower-case words a contact line may hold: place-name links and the labels of its values
_CONTACT_LINE_WORDS = frozenset(
    "upon on le de the of in by and & at tel tel. telephone phone ph fax email e-mail mail web website line lines number no no. "
    "services service office desk team helpline switchboard reception enquiries enquiry t e f w dx ext ext. main general "
    "customer customers care support free freephone".split())


def contact_line_only(seg: str) -> bool:
    """Is ``seg`` (a part of one line) made only of contact details and their labels: address parts (capitalised
    words, house numbers), postcodes, numbers, mailboxes, "Tel", "Switchboard", "Collections line"? Never a
    sentence: one other lower-case word ("ring", "he", "lives") and it is prose."""
    for w in _CONTACT_SPLIT.split(_CONTACT_VALUES.sub(" ", seg)):
        if w and not (w[0].isupper() or w[0].isdigit() or w.lower() in _CONTACT_LINE_WORDS):
            return False
        if w[:1].isupper() and w.lower() in _PROSE_WORDS:
            return False  # a note in capitals ("PP SAYS HE MOVED TO 12 OAK ROAD"), or "He", "She" opening a sentence
    return True


# words of a sentence, never of an address or a contact label (read in any case)
_PROSE_WORDS = frozenset(
    "i me my we our you your he him his she her they them their who which that this these because but if when then "
    "is are was were be been has have had will would can could should please dear said says say told tells called "
    "calls rang rings phoned phones lives living lived moved moving works working worked drives stays staying "
    "pp rp mob confirmed gave given asked wants not".split())


# A form's section about someone who helps or represents the person (an adviser, a support worker): its
# "Organisation" field, or a helper's heading and an organisation named in the section
_FORM_ORG_FIELD = re.compile(
    r"(?im)^[ \t]*(?:name[ \t]+of[ \t]+)?(?:organi[sz]ation|agency|advice[ \t]+(?:agency|service|organi[sz]ation))(?:['’]s)?"
    r"(?:[ \t]+name)?[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?(?::|\.{2,}|[ \t]{2,})[ \t.]*\S")
_FORM_HELPER_HEADING = re.compile(
    r"(?i)\b(?:(?:someone|somebody|person|anyone)[ \t]+(?:who[ \t]+is[ \t]+)?help(?:ing|s)?[ \t]+you|representative|"
    r"(?:your[ \t]+)?(?:adviser|advisor|advocate|support[ \t]+worker|caseworker))\b")
# the field a value stands in: a label at the line's start, then a colon, dots or a wide gap
_FORM_FIELD_LABEL = re.compile(r"[ \t]*(?P<label>[A-Za-z][A-Za-z '’()/\-]{0,40}?)[ \t]*(?::|\.{2,}|[ \t]{2,})[ \t.]*")
_PLAIN_PHONE_LABEL = re.compile(r"(?i)(?:(?:contact|daytime|work|office)[ \t]+)?(?:tel(?:ephone)?|phone)(?:[ \t]+(?:number|no\.?))?"
                                r"(?:[ \t]*\([^()\n]{0,20}\))?")
_ADDRESS_LABEL = re.compile(r"(?i)(?:(?:office|postal)[ \t]+)?address|post[ \t]?code")
_PERSONAL_LABEL = re.compile(r"(?i)\b(?:mobile|mob|direct|home|personal|private|own)\b")


def helper_form_org_contact(text: str, s: int, kind: str, orgs=()) -> bool:
    """Is the value at ``s`` in a form's field for the contact details of an organisation that helps the person:
    "Name: X / Organisation: Y Advice / Address: ... / Phone: 01632 ..." (the phone a landline or a service
    number; its field not labelled mobile, direct or home), or, in a section headed "Someone helping you" that
    names an organisation, its plain "Phone" field with a landline? The adviser's own mobile or direct line
    stays theirs. ``kind``: "phone" or "address"."""
    ls = text.rfind("\n", 0, s) + 1
    lab = _FORM_FIELD_LABEL.match(text, ls, s)
    if lab is None or _PERSONAL_LABEL.search(lab.group("label")):
        return False
    label = lab.group("label").strip()
    if kind == "phone":
        if not _PLAIN_PHONE_LABEL.fullmatch(label) or lab.end() != s and not text[lab.end():s].strip(" \t(") == "":
            return False
        if not _LANDLINE_OR_ORG_RANGE.match(text[s:s + 8].lstrip("(")):
            return False
    elif not _ADDRESS_LABEL.fullmatch(label):
        return False
    # the section: the lines above with no blank line between, at most eight
    from recognizers.attribution import block_start
    bs = block_start(text, ls, 8)
    if bs >= ls:
        return False
    if _FORM_ORG_FIELD.search(text, bs, ls) is not None:
        return True
    if kind != "phone":
        return False
    head_end = text.find("\n", bs)
    head = _FORM_HELPER_HEADING.search(text, bs, head_end if 0 <= head_end < ls else ls)
    if head is None:
        # (the heading may stand over a blank line: "PART 5 - SOMEONE HELPING YOU\n\nName ...")
        pb = text.rfind("\n", 0, max(0, bs - 1))
        prev = text[pb + 1:bs].strip() if bs else ""
        if not prev and bs >= 2:
            pl = text.rfind("\n", 0, bs - 2) + 1
            prev = text[pl:bs - 1]
        head = _FORM_HELPER_HEADING.search(prev) if prev and len(prev) < 80 else None
    return head is not None and any(bs <= a and b <= ls for a, b in orgs)


# an address on commercial premises: a business park, an industrial or trading estate, an enterprise centre.
# Nobody lives there: the address is an organisation's, whoever's workplace it is.
COMMERCIAL_ESTATE = re.compile(
    r"(?<![\w])(?:Business|Industrial|Trading|Trade|Retail|Enterprise|Science|Technology|Commerce|Commercial|Office)[ \t]+"
    r"(?:Park|Estate|Cent(?:re|er)|Village|Quarter)(?![\w])")
# after the estate's name, its town parts up to the value: ", Falkirk ", "\nGlasgow "
_ESTATE_TAIL = re.compile(r"(?:[ \t]*,?[ \t]*\n?[ \t]*[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z][\w'’\-]*|upon|on|le|de))*){0,3}[ \t,]*")


def on_commercial_estate(text: str, s: int, e: int) -> bool:
    """Is the address (or postcode) at ``s``..``e`` on a business park or an industrial or trading estate?"""
    if COMMERCIAL_ESTATE.search(text, s, e) is not None:
        return True
    lo = max(0, s - 90)
    for m in COMMERCIAL_ESTATE.finditer(text, lo, s):
        if _ESTATE_TAIL.fullmatch(text, m.end(), s) is not None:
            return True
    for m in UNIT_ON_PARK.finditer(text, max(0, s - 12), min(len(text), e + 40)):
        if m.start() <= s < m.end():
            return True
    return False


# a unit on a named park or works, without "business" or "industrial" ("Unit 9, Beacon Park, Gorleston", "Unit 9,
# Kirkstall Forge"): a unit numbered on a park is premises, not a home (a "Unit 7, Cobden Street" is not taken)
UNIT_ON_PARK = re.compile(r"(?<![\w])(?i:unit)[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+(?:[A-Z][\w'’\-]*[ \t]+){1,3}"
                          r"(?:Park|Parkway|Estate|Works|Forge|Mills?)(?![\w])")


# a line shared by several people, or the organisation's own: "Either of us can be reached on 020 ...", "we can be
# contacted on ...": not one person's line
SHARED_LINE_CUE = re.compile(
    r"(?i)\b(?:(?:either|any|both|all|one)[ \t]+of[ \t]+us|we|the[ \t]+team)[ \t]+(?:can|may|could)[ \t]+(?:both[ \t]+|all[ \t]+)?"
    r"be[ \t]+(?:reached|contacted|called|rung|phoned)[ \t]+(?:on|at|via)[ \t]*:?[ \t]*\n?[ \t]*$")
