"""Second look at a page's findings, once everything is known about the page: who is
named where, which organisations, what the requester's own values are.

Three jobs, each cheap (regexes over short windows, no second NLP pass):

1. Organisation contact details stay. An address, postcode, phone or mailbox is the
   organisation's when
   - it follows an organisation's name directly ("Iqbal & Co, 0113 ...",
     "Fenland Staffing Ltd | Unit 3, ... PE1 5XB", "Health Centre, 0117 ..."), or follows
     another of the organisation's contact details directly (the phone after its address);
   - its block of lines is headed by an organisation's name, with no person named between
     ("PENNINE FAMILY MEDIATION / Suite 4, ... / 0113 ...");
   - a label says so ("Venue:", "Constituency office:", "switchboard", "helpline", "HR:",
     "HR department", "payment line", "call us", a label after the number in a row);
   - it is a PO Box address, a venue ("the hearing will take place at ..."), "<Org>
     address ... is ...", or a freephone / 03 / 084 / 087 number;
   - it is a role mailbox (enquiries@, casework.x@, payroll@), or a public body's mailbox
     whose local part is not a person's name.
   A person's direct line ("Direct dial", "Mobile") and a mailbox named after a person
   ("lorna.fitzgerald@council...") are never the organisation's.
2. The requester's own identifiers stay:
   - a form or statement field ("Sort code: ...", "IBAN ...") whose nearest person above
     it, within a few lines, is the requester named at the start of a line ("Account
     holder: <requester>", the name heading a statement's address block);
   - the same value (or a bank account inside an IBAN) already known to be the
     requester's elsewhere on the page.
3. The NER model's PERSON answers that are not names: role and label words
   ("Headteacher", "Footer"), abbreviations in lower case ("recd"), common words,
   buildings and places ("Centenary House", "Bristol Central"), a word inside a
   hyphenated place name.
"""
from __future__ import annotations

import functools
import re
from typing import Sequence

from pipeline.codes import EntityType, PartyKind
from pipeline.models import Finding
from recognizers.attribution import DocParties, Mention, block_start, owner_of
from recognizers.organisations import (SHARED_LINE_CUE, SOURCE_BEFORE, contact_line_only, helper_form_org_contact, on_commercial_estate,
                                       org_contact_cue, org_name_spans)
from recognizers.gazetteer import NAME_PARTICLES, is_first_name, is_inner_particle, is_name_like, is_surname, zipf

# ---------------------------------------------------------------------- organisations
ORG_WORDS = (
    r"Ltd|Limited|PLC|LLP|LLC|Inc|CIC|Co|Council|Court|Courts|Tribunals?|Services?|Surgery|Practice|School|Academy|"
    r"College|University|Police|Constabulary|Trust|Office|Centre|Center|Agency|Department|Mediation|Solicitors|"
    r"Chambers|Partnership|Associates|Group|Foundation|Association|Society|Hospital|Clinic|Pharmacy|Housing|Aid|"
    r"Unit|Team|Appeals|Bank|Homes|Insurance|Assurance|Nursery|Playgroup|Pre-?school|Childcare|Building Society|Staffing|Recovery|Enforcement|Bailiffs|Parliament|Commons|Jobcentre|"
    r"Plus|Restaurants?|Logistics|Engineering|Maintenance|Garage|Motors|Beauty|Salon|Nails|Law|Legal|Plastering|Plumbing|"
    r"Roofing|Joinery|Builders|Construction|Electrical|Electrics|Cleaning|Haulage|Transport|Decorating|Landscaping|"
    r"Carpentry|Scaffolding|Barbers|Hair|Tyres|Autos|Bodyshop|Catering|Bakery|Cafe|Takeaway|Lettings|Estates|Rights|Advice|"
    r"Accountancy|Accountants|Network|Management"
)
# a name ending in an organisation word, in any case ("PENNINE FAMILY MEDIATION")
ORG_NAME = re.compile(
    r"(?i)(?<![\w'’\-])(?:[A-Z][\w'’\-]*[ \u00a0]+|&[ \u00a0]+|of[ \u00a0]+|and[ \u00a0]+){0,5}(?:" + ORG_WORDS
    + r")\.?(?![\w\-])"
)
SEPARATOR_GAP = re.compile(
    r"^[\s,;:|()\[\]\-–—/•·]*"
    r"(?:(?i:unit|suite|floor|room|building|block)[ \t]+\d*[A-Za-z]?[ \t]*,?[ \t]*)?"
    # the organisation's building, street, town before a postcode: "Lloyd House, Colmore Circus, Birmingham "
    r"(?:(?:\d{1,4}[A-Za-z]{0,2}[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z][\w'’\-]*|upon|on|le|de|&))*[ \t]*(?:[,|][ \t]*|$|(?=[ \t]*$))){0,4}"
    # "Next Link, the local domestic abuse service, can help: 0117 ...", "..., can be reached on"
    r"(?:(?i:can[ \t]+help|(?:can|may)[ \t]+be[ \t]+(?:contacted|reached|called)|(?:is|are)[ \t]+available)[ \t]*(?:on|at)?[ \t]*[:,]?[ \t]*)?"
    r"(?:(?i:or|and)[ \t]+)?(?:(?i:t|tel|telephone|phone|ph|e|email|e-mail|address|at|office)[ \t]*[:.]?[\s,;:|()\-–]*)?$"
)
# an organisation named with what it is in apposition: "Next Link, the local domestic abuse service,"
ORG_APPOSITION = re.compile(
    r"(?<![\w'’\-])(?:[A-Z][\w'’\-]*[ \t]+){0,3}[A-Z][\w'’\-]*,[ \t]+(?:the|a|an|our|your)[ \t]+(?:[a-z\-]+[ \t]+){0,4}"
    r"(?:service|charity|helpline|organisation|agency|team|project|trust|centre|clinic|line)(?![\w\-])"
)
EMAIL_IN_TEXT = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
PERSONAL_LINE = re.compile(r"(?i)(?:mobile|mob|personal|home|(?:my|his|her)[ \t]+direct[ \t]+(?:dial|line))\b[^\n]{0,25}$")
# a direct line, "Direct line 0117 ...", "Direct: 0121 ...", "DD: ...": a person's only with a person named in its block
# (under a letterhead or a role that names nobody, "Complaints Manager / Direct line ...", it is the body's line)
PERSONAL_DIRECT = re.compile(r"(?i)(?:(?<!our[ \t])direct[ \t]+(?:dial|line)|ddi)\b[^\n]{0,25}$|(?<![\w])(?:direct|dd)[ \t]*[:.][ \t]*$"
                             # (round 24T) a signature's short labels in capitals, with no colon: "T 020 ... | DD 020 ...
                             # | M 07700 ...": the direct line and the mobile of the person signing
                             r"|(?<![\w])(?-i:DD|DDI|M|Mob|MOB)[ \t]*[:.]?[ \t]+$")
# (round 25T) ... or labelled so just after the number: "T: 0141 ... (direct) | 0141 ... (depot)"
DIRECT_AFTER = re.compile(r"[ \t]*\((?i:direct(?:[ \t]+(?:dial|line))?|ddi|dd)\)")
ORG_LABEL = re.compile(
    # (at a line's start, or after a sentence on it: "Key: MF = ...; FJ = .... Office: Firthside HA, 31 ...")
    r"(?im)(?:^|(?<=[.;][ \t])|(?<=[.;][ \t]{2}))[ \t>]*(?:venue|hearing(?:[ \t]+(?:venue|centre|location|place))?|(?:place|location)[ \t]+of[ \t]+hearing|constituency[ \t]+office|(?:head|registered|main|branch)[ \t]+"
    r"office|office|court|tribunal|surgery|practice|school|branch|premises[ \t]+of|"
    # (round 24T) a business's own line in its advert or card: "Salon: 0116 ...", "Shop: ...", "Garage: ..."
    r"salon|shop|store|restaurant|cafe|café|takeaway|garage|workshop|showroom|depot|warehouse)[ \t]*:[^\n]*$"
)
ORG_PHONE_LABEL = re.compile(
    r"(?i)(?:switchboard|helpline|help[ \t]+line|reception|duty[ \t]+(?:desk|line|team|social[ \t]+worker)|front[ \t]+desk|main[ \t]+(?:office|line|number)|general[ \t]+enquiries|"
    r"enquiries|office[ \t]+line|payments?[ \t]+line|(?:HR|human[ \t]+resources|payroll|personnel|accounts|finance|"
    r"complaints|collections|customer[ \t]+services)[ \t]+(?:department|dept|team|office|section|unit)|"
    r"(?<![\w'’])(?:HR|human[ \t]+resources|payroll|accounts|main[ \t]+office)(?=[ \t]*(?:tel|phone|telephone|no\.?|number)?[ \t]*:)|"
    # a field of an order's or letter's issuer block labelled with the team, not a person ("Team:   0161 ...")
    r"^[ \t]*(?:team|department|dept|section|unit)(?=[ \t]*(?:tel|phone|telephone|line|no\.?|number)?[ \t]*:)|advice[ \t]+line|hotline|call[ \t]+us|contact[ \t]+us|"
    # a service's line named by what it takes: "self-referral line", "bookings line", "appointments line"
    r"(?:referral|bookings?|appointments?|information|support|crisis|enquiry|customer)[ \t]+line|"
    r"our[ \t]+(?:[a-z]+[ \t]+){0,2}(?:line|number|helpline|team|department|office|desk)|"
    # a referrer writes from an agency: "Referrer tel:", "| Referrer phone |", "Referring agency tel"
    r"referr(?:er|ing[ \t]+(?:agency|organisation|worker))(?:['’]s)?[ \t]+(?:tel|telephone|phone|ph|contact|no|number)|"
    # "reach the GP surgery on", "ring the nursery on", "the council's benefits team:", "the bank (...) can be called on"
    r"(?<![\w'’])(?:the|our|your|their|its)[ \t]+(?:[\w'’\-]+[ \t]+){0,4}(?:surgery|nursery|practice|school|office|council|team|bank|"
    r"branch|clinic|hospital|helpline|desk|department|dept|jobcentre|pharmacy|garage|company|firm|employer|charity|agency|"
    r"service)(?:['’]s)?(?:[ \t]*\([^)\n]{0,40}\))?"
    # (its name in apposition: "the domestic abuse advice service, Fellside IDVA, on 01632 ...")
    r"(?:,[ \t]*[A-Z][\w'’&\-]*(?:[ \t]+[A-Z][\w'’&\-]*){0,3},)?[ \t]*(?:(?:can|may)[ \t]+be[ \t]+(?:called|contacted|reached)[ \t]+)?"
    r"(?:(?:on|at)(?=[ \t]*$)|(?=:[ \t]*$))|"
    r"(?<![\w'’])(?:collections|revenues|customer[ \t]+services)(?=[ \t]+(?:on|line|number)\b|[ \t]*:))\b[^\n]{0,30}$"
)
ROLE_MAILBOX = {
    "enquiries", "enquiry", "info", "hr", "payroll", "office", "admin", "noreply", "no-reply", "casework",
    "caseworker", "reception", "contact", "team", "accounts", "complaints", "support", "help", "helpdesk", "post",
    "mail", "sar", "dpo", "correspondence", "admissions", "finance", "billing", "customerservices", "recruitment",
    "careers", "sales", "legal", "housing", "appeals", "referrals", "duty", "mp", "constituency", "surgery",
    "services", "customer", "dataprotection", "protection", "cms", "cmsenquiries", "payments", "sharedcare",
    "lettings", "repairs", "rents", "revenues", "benefits", "wages", "advice", "tenancy", "ctax",
    "loans", "lending", "members", "membership", "credit", "arrears", "collections", "bookings", "people",
}
PUBLIC_DOMAIN = re.compile(r"(?i)@(?:[\w\-]+\.)*(?:gov\.uk|nhs\.uk|nhs\.net|police\.uk|gov\.scot|gov\.wales|sch\.uk|"
                           r"mod\.uk|parliament\.uk)$")
VENUE_CUE = re.compile(
    r"(?i)\b(?:hearing|tribunal|appointment|interview|meeting|session|mediation|court)\b[^\n.]{0,40}?\b(?:take[s]?[ \t]+place|"
    r"(?:will[ \t]+)?be[ \t]+held|is[ \t]+held|listed)[ \t]+at[ \t]+[^\n]{0,50}$"
    # (round 24T) an order's court: "Before District Judge X sitting on 4 March 2025 at 31 Bridewell Street, ..."
    r"|\b(?:judge|magistrates?|justices?|sheriff|tribunal|court|recorder|bench)\b[^\n.]{0,50}?\bsitting\b[^\n.]{0,40}?[ \t]at[ \t]+"
    r"(?:the[ \t]+[^\n,]{0,40},?[ \t]*)?$"
)
HOME_WORDS = re.compile(r"(?i)\b(?:home|house|flat|his|her|their|my|your)\b|['’]s\b")
PO_BOX = re.compile(r"(?i)\b(?:P\.?[ \t]?O\.?[ \t]*Box|Freepost)\b")
ORG_ADDRESS_CUE = re.compile(r"(?i)(?:['’]s?[ \t]+|[ \t]+)(?:postal[ \t]+)?address\b[^\n.;]{0,60}$")
_CUE_KIND = {EntityType.ADDRESS: "address", EntityType.UK_POSTCODE: "address", EntityType.PHONE_NUMBER: "phone"}
_PARTY_RECS = {"PartyIdentifierRecognizer", "PartyNameRecognizer", "PartyRecognizer"}
CONTACT_TYPES = {EntityType.ADDRESS, EntityType.UK_POSTCODE, EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS}


def is_org_mailbox(value: str) -> bool:
    """A role mailbox ("enquiries@", "casework.x@", "hr-team@"), or a public body's mailbox
    whose local part is not a person's name."""
    local, _, domain = value.partition("@")
    parts = [p for p in re.split(r"[._\-+]", local.lower()) if p]
    if any(p in ROLE_MAILBOX for p in parts):
        return True
    if len(parts) == 1 and _words_mailbox(parts[0]) and not _CONSUMER_DOMAIN.search(domain):
        return True  # "rentincome@<body>": a team's mailbox named by two ordinary words, no name in it
    if len(parts) >= 2 and _team_words_local(tuple(parts)) and not _CONSUMER_DOMAIN.search(domain):
        return True  # "enforcement.east@<body>": a team named by a function and a region, no name in it
    if PUBLIC_DOMAIN.search(value):
        return not _name_local_part(parts)
    return False


@functools.lru_cache(maxsize=512)
def _team_words_local(parts: tuple[str, ...]) -> bool:
    """Is the local part words only ("enforcement.east", "income.recovery"), one of them an ordinary word that is no
    name, and none a first name or an initial? A function's mailbox; "jane.hill", "j.smith", "patel.k" are people's."""
    if len(parts) > 4 or not all(p.isalpha() and len(p) > 1 for p in parts) or any(is_first_name(p) for p in parts):
        return False
    return any(zipf(p) >= 4.0 and not is_name_like(p) for p in parts)


# the public mail services people have their own mailboxes with (a word-made local part there is a person's choice)
_CONSUMER_DOMAIN = re.compile(r"(?i)(?:^|\.)(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|aol|icloud|me|mac|"
                              r"btinternet|btopenworld|sky|talktalk|virginmedia|virgin|ntlworld|blueyonder|plusnet|tiscali|orange|"
                              r"wanadoo|freeserve|o2|ee|aim|rocketmail|lycos|fastmail|tutanota|tuta|hushmail|pm|yandex|"
                              r"protonmail|proton|gmx|web|mail|zoho)\.")


@functools.lru_cache(maxsize=512)
def _words_mailbox(local: str) -> bool:
    """Is the local part two ordinary words run together ("rentincome", "housingoptions"), neither a name?"""
    if not (8 <= len(local) <= 30) or not local.isalpha():
        return False
    for i in range(3, len(local) - 2):
        a, b = local[:i], local[i:]
        if zipf(a) >= 4.0 and zipf(b) >= 4.0 and not is_name_like(a) and not is_name_like(b):
            return True
    return False


_SENTENCE_BREAK = re.compile(r"[.!?;][ \t\n]|\n[ \t]*\n")


def _mailbox_of_person_before(text: str, f: Finding, people) -> bool:
    """Is the mailbox's local part made of the name of the person named just before it in the same sentence
    ("Yusuf Patel of Patel & Co, yusuf@patelco...", "Ms Dana Reeve (dreeve@...)")? Hers, even after her firm's name."""
    local = f.text.partition("@")[0].lower()
    parts = [p for p in re.split(r"[._\-+]", local) if p]
    if not parts or not all(p.isalpha() for p in parts):
        return False
    for a, b in people:
        if b <= f.start and f.start - b <= 100 and _SENTENCE_BREAK.search(text, b, f.start) is None:
            toks = [t.lower() for t in re.findall(r"[^\W\d_]+", text[a:b])]
            if len(toks) < 2:
                continue
            joined = "".join(parts)
            forms = {toks[0], toks[-1], toks[0] + toks[-1], toks[0][0] + toks[-1], toks[-1] + toks[0][0]}
            if joined in forms and len(joined) >= 3:
                return True
    return False


def is_person_mailbox(value: str) -> bool:
    """A mailbox named after a person ("lorna.fitzgerald@council...", "d.fenwick@firm..."): that
    person's own contact detail even in an organisation's block, unless it is a role mailbox."""
    local = value.partition("@")[0]
    parts = [p for p in re.split(r"[._\-+]", local.lower()) if p]
    return len(parts) >= 2 and not any(p in ROLE_MAILBOX for p in parts) and _name_local_part(parts)


def _name_local_part(parts: list[str]) -> bool:
    """"lorna.fitzgerald", "l.fitzgerald", "fitzgeraldl": a person's mailbox."""
    if len(parts) >= 2:
        # a first name, or an initial with a surname ("d.fenwick"); not a team and a place ("sscs_birmingham")
        return any(is_first_name(p) for p in parts if len(p) > 1) or (
            any(len(p) == 1 for p in parts) and any(is_name_like(p) for p in parts if len(p) > 1))
    return bool(parts) and is_name_like(parts[0])


def _org_word_tokens() -> frozenset[str]:
    """ORG_WORDS as the lower-case words they match ("Tribunals?" -> tribunal, tribunals; "Building Society"
    -> society: the word that ends it)."""
    out = set()
    for alt in ORG_WORDS.split("|"):
        word = alt.split()[-1].lower()
        forms = [word]
        if word.endswith("s?"):
            forms = [word[:-2], word[:-1]]
        elif "-?" in word:
            forms = [word.replace("-?", "-"), word.replace("-?", "")]
        assert all(re.fullmatch(r"[a-z\-]+", f) for f in forms), alt
        out.update(forms)
    return frozenset(out)


ORG_WORD_TOKENS = _org_word_tokens()
_TOKEN = re.compile(r"[a-z0-9_\-]+")


@functools.lru_cache(maxsize=8)
def org_name_matches(text: str) -> tuple[tuple[int, int], ...]:
    """ORG_NAME's matches in a page's text, found once per text: person_context.document_mentions and
    org_spans both need them, and the scan is one of detection's costliest. A match lies on one line and
    ends in an organisation word that is a whole word there, so in an ASCII text only the lines holding one
    of those words are scanned (the same matches: tests/test_perf_paths.py)."""
    if not text.isascii():
        return tuple(m.span() for m in ORG_NAME.finditer(text))
    low = text.lower()
    out: list[tuple[int, int]] = []
    a = 0
    n = len(text)
    while a <= n:
        b = text.find("\n", a)
        if b < 0:
            b = n
        if not ORG_WORD_TOKENS.isdisjoint(_TOKEN.findall(low, a, b)):
            out.extend(m.span() for m in ORG_NAME.finditer(text, a, b))
        a = b + 1
    return tuple(out)


def org_spans(text: str, extra: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out = [m.span() for m in ORG_APPOSITION.finditer(text)] if ", the " in text or ", a " in text else []
    for a, b in org_name_matches(text):
        lead = _LOWER_LEAD.match(text, a, b)
        if lead is not None:
            a = lead.end()  # "you can appeal to the Valuation Tribunal": the name starts at "Valuation"
        if _org_name_ok(text[a:b]) and not _HOME_BEFORE.search(text, max(0, a - 24), a):
            out.append((a, b))
    # (the NER model's ORG too: "Flat 6, Clarendon Court" is a block of flats, not a body)
    return sorted(set(out) | {x for x in extra if not _HOME_BEFORE.search(text, max(0, x[0] - 24), x[0])})


# a flat or house number (or a tenement flat) before a name: "Flat 6, Clarendon Court", "12 Kings Court": a home's
# building or street, not an organisation ending in "Court" or "House"
_HOME_BEFORE = re.compile(r"(?:(?<![\w])(?:Flat|Apartment|Apt\.?|Room)[ \t]+[A-Za-z0-9]{1,4}|(?<![\w/,.])(?<!\d[ \t])\d{1,4}[A-Za-z]?|"
                          r"(?<![\w/])\d{1,3}/\d{1,3}),?[ \t]*\n?[ \t]*$")


# lower-case words (and "the") before an organisation's name that ORG_NAME took in with it
_LOWER_LEAD = re.compile(r"(?:(?:[a-z][\w'’\-]*|The)[ \u00a0]+)+")


def _org_name_ok(name: str) -> bool:
    toks = name.split()
    # "Unit 7", "Court" alone, "the Office": a lone word needs a name before it
    return len(toks) >= 2 and toks[0][:1].isupper()


def _anchor_is_org(text: str, s: int, orgs: list[tuple[int, int]], people: list[tuple[int, int]],
                   org_contacts: list[tuple[int, int]], address: bool = False) -> bool:
    """Does an organisation's name (or one of its contact details) come directly before ``s``?"""
    best_end, best_org, by_name, best_start = -1, False, False, -1
    for a, b in orgs:
        if b <= s and b > best_end:
            best_end, best_org, by_name, best_start = b, True, True, a
    for a, b in org_contacts:
        if b <= s and b > best_end:
            best_end, best_org, by_name = b, True, False
    for a, b in people:
        if b <= s and b >= best_end:
            best_end, best_org = b, False
    if not best_org or s - best_end > 60:
        return False
    if by_name and SOURCE_BEFORE.search(text, max(0, best_start - 25), best_start):
        return False  # "NEW ADDR PER DVLA: Flat 3, ...", "address as held by HMRC: ...": the body is the source, not the owner
    gap = text[best_end:s]
    if gap.count("\n") > 1 or SEPARATOR_GAP.match(gap) is None:
        return False
    if by_name and not address and "\n" in gap:
        # "Joyce Pennicott / Payroll Officer, X Ltd / Tel ...": in a person's signature block the
        # line under the employer's name is the person's own number
        start = block_start(text, s, 5)
        return not any(start <= a and b <= s for a, b in people)
    return True


_THEIR_NUMBER = re.compile(r"(?i)\b(?:their|its)[ \t]+(?:phone[ \t]+|telephone[ \t]+|contact[ \t]+|direct[ \t]+|main[ \t]+)?"
                           r"(?:number|line|helpline|email|e-mail|address)[ \t]+(?:is[ \t]+)?[:,]?[ \t]*$")
_CONTACT_LABEL_ONLY = re.compile(
    r"(?i)[ \t]*(?:(?:t|tel|telephone|phone|ph|e|email|e-mail|f|fax|w|web|office|switchboard|reception|enquiries|"
    r"general[ \t]+enquiries|main[ \t]+line)[ \t]*[.:]?[ \t]*)?")


def _document_letterhead(text: str, s: int, people: list[tuple[int, int]], orgs=()) -> bool:
    """Is ``s`` (at a line's start, or after a contact label) in the block that opens the document
    under a first line naming no person, with no digits and no label ("Hunters Estate Agents & Lettings"
    over its address, phone and email)? A letterhead: the organisation's own contact details."""
    p0 = len(text) - len(text.lstrip())
    sm = _SCANNER_NOTE.match(text, p0)
    if sm is not None:
        p0 = sm.end()  # "[scanned document - text recognised by OCR, page 1 of 1]": a note over the page, not its head
    if s <= p0 or s - p0 > 600:
        return False
    l0 = text.find("\n", p0)
    if l0 < 0 or s <= l0:
        return False
    first = text[p0:l0].strip()
    if not first or len(first) > 80 or ":" in first or any(c.isdigit() for c in first) or not any(c.isalpha() for c in first):
        return False
    if "\n\n" in text[p0:s] or text[p0:s].count("\n") > 5:
        return False
    # (not the partners' names in a firm's name: "GRAHAM, O'HARE & KAUR LLP"; and under a first line that is an
    # organisation's name, not a lone word the model took for a name: its town "Treforest", its "Notaries")
    named_head = any(oa <= p0 + 1 and ob >= l0 - 1 - (len(text[p0:l0]) - len(text[p0:l0].rstrip())) for oa, ob in orgs)
    if any(p0 <= a and b <= s and not any(oa <= a and b <= ob for oa, ob in orgs)
           and not (named_head and a > l0 and not any(c.isspace() for c in text[a:b]))
           and not (a > l0 and _BUILDING_BEFORE_NUMBER.match(text, a, min(len(text), b + 8))) for a, b in people):
        return False
    ls = text.rfind("\n", 0, s) + 1
    # (or further along a line of the organisation's contacts: "14 Park Street, Walsall WS1 1LY  Tel 0121 ...")
    return _CONTACT_LABEL_ONLY.fullmatch(text, ls, s) is not None or contact_line_only(text[ls:s])


# a building's name that opens an address, the model's "person" ("Tenancy Services, Linden House, 3 Raddlebarn Road",
# "Wellington House, 22 Norton Road"): a name ending in a building word, then a comma and the house number
_BUILDING_BEFORE_NUMBER = re.compile(
    r"(?:[A-Z][\w'’\-]*[ \t]+){1,3}(?:House|Court|Lodge|Chambers|Buildings|Centre|Center|Hall|Mill|Works|Tower|Point|Place|"
    r"Exchange|Plaza|Yard|Quay|Wharf|Mews|Suite|Barn|Studios)[ \t]*,[ \t]*\d")


# lines in square brackets that open a page: a scanner's or a transcriber's note, then blank lines
_SCANNER_NOTE = re.compile(r"(?:[ \t]*\[[^\[\]\n]{1,120}\][ \t]*\n)+\s*")


def _block_headed_by_org(text: str, s: int, people: list[tuple[int, int]]) -> bool:
    start = block_start(text, s, 5)
    if start >= s:
        return False
    first_end = text.find("\n", start)
    first_end = len(text) if first_end < 0 else first_end
    head = text[start:first_end].strip()
    if _ROLE_LINE.fullmatch(head) and first_end < s:
        # "The Payroll Manager / Dyfed Aggregates Ltd / Quarry Road ...": an address block to a role at a body
        start = first_end + 1
        first_end = text.find("\n", start)
        first_end = len(text) if first_end < 0 else first_end
        head = text[start:first_end].strip()
    m = ORG_NAME.search(head)
    # the block's first line is the organisation's name (a letterhead), not a sentence naming one
    if not m or m.start() > 0 or len(head) - m.end() > 3:
        return False
    # (a person named on an attention line is whom the letter is for at the body: "For the attention of Ms X")
    return not any(start <= a and b <= s and not _ATTENTION_LINE.match(text, text.rfind("\n", 0, a) + 1) for a, b in people)


# a role heading an address block instead of a person: "The Payroll Manager", "HR Department"
_ROLE_LINE = re.compile(r"(?i)(?:the[ \t]+)?(?:[a-z&]+[ \t]+){0,3}(?:manager|officer|administrator|department|dept|team|director|"
                        r"secretary|clerk|controller|supervisor)")
_ATTENTION_LINE = re.compile(r"(?i)[ \t]*(?:f\.?a\.?o\.?|for[ \t]+the[ \t]+attention[ \t]+of|attn\.?|attention)\b")


NON_GEOGRAPHIC = re.compile(r"^(?:\+44[ \t]*(?:\(0\)[ \t]*)?|0)(?:800|808|3\d\d|84[345]|87[01])\b|^(?:\+44[ \t]*(?:\(0\)[ \t]*)?|0)(?:80[08]|3\d|84|87)")
ORG_PHONE_AFTER = re.compile(
    r"(?i)[^\n]{0,40}?\b(?:switchboard|helpline|help[ \t]+line|reception|main[ \t]+(?:office|line|number)|"
    r"general[ \t]+enquiries|enquiry[ \t]+line|customer[ \t]+services)\b"
    # "0121 496 0163 (transport office)", not "(direct line)" nor "(mobile)"
    r"|[ \t]*\((?!(?:direct|personal|private|home|mobile|own|his|her|my)\b)(?:[a-z&]+[ \t]+){0,2}(?:office|desk|team|department|dept|"
    r"switchboard|reception|enquiries)\)"
    # "... call 0161 496 0790. That's the garage number", not "that's the home number"
    r"|[.,;]?[ \t]*(?i:that['’]?s|this[ \t]+is|it['’]?s)[ \t]+(?i:the|their|its)[ \t]+"
    r"(?!(?i:home|mobile|personal|private|own|house|new|old)\b)[a-z]+[ \t]+(?i:number|line|landline)\b"
)
# "any queries can go to them direct on 0161 ...", "call them 0115 ...": "them" for a body, with a landline
_THEM_ON = re.compile(r"(?i)\b(?:call|ring|phone|contact|reach|go[ \t]+to|speak[ \t]+to)[ \t]+them\b(?:[ \t]+back)?(?:[ \t]+direct(?:ly)?)?"
                      r"[ \t]*(?:on|at)?[ \t]*:?[ \t]*$")
LANDLINE = re.compile(r"^(?:\+44[ \t]*(?:\(0\)[ \t]*)?|0)[12]")
# a label on the same line before an organisation's address: "Branch: 1 Balloon Street",
# "Our office is at Southway House, 2 Lapwing Lane", "write to us at ..."
ORG_ADDRESS_LABEL = re.compile(
    r"(?i)\b(?:branch|head[ \t]+office|registered[ \t]+office|main[ \t]+office|(?:our|its|their)[ \t]+(?:office|offices|branch|premises)"
    r"(?:[ \t]+(?:is|are))?(?:[ \t]+(?:at|in))?|write[ \t]+to[ \t]+(?:us|the[ \t]+(?:court|tribunal|council|office|service|team|"
    r"agency|school|surgery|practice|bank|company|centre))[ \t]+at|visit[ \t]+us[ \t]+at|(?:office|offices)[ \t]+(?:is|are)[ \t]+at)"
    r"[ \t]*[:,]?[ \t]*(?:(?-i:[A-Z])[\w'’\-]*(?:[ \t]+(?-i:[A-Z])[\w'’\-]*){0,3},[ \t]*)?(?:(?:unit|suite|floor|room|building|block)[ \t]*)?$"
)


# an email header's display name before "<mailbox>": "To: CMS Paying Parents Team London <...>"
_DISPLAY_NAME = re.compile(r"(?:^|:)[ \t]*\"?(?P<name>[^\n<>:\"]{2,80}?)\"?[ \t]*<$")


def _org_display_name(text: str, f: Finding, line_start: int, people) -> bool:
    """Is the mailbox shown under an organisation's or team's display name, naming no person ("CMS Paying Parents
    Team London <pp.london@...>"), and is its local part not a person's whole name ("jane.smith")?"""
    if f.start == 0 or text[f.start - 1] != "<":
        return False
    m = _DISPLAY_NAME.search(text, line_start, f.start)
    if m is None or any(m.start("name") <= b and a < m.end("name") for a, b in people):
        return False
    if ORG_WORD_TOKENS.isdisjoint(_TOKEN.findall(m.group("name").lower())):
        return False
    parts = [p for p in re.split(r"[._\-+]", f.text.partition("@")[0].lower()) if len(p) > 1]
    return not (len(parts) >= 2 and all(is_name_like(p) for p in parts))


def is_org_contact(text: str, f: Finding, orgs, people, org_contacts) -> bool:
    s = f.start
    line_start = text.rfind("\n", 0, s) + 1
    before = text[line_start:s]
    if PERSONAL_LINE.search(before):
        return False
    if PERSONAL_DIRECT.search(before) or (f.entity_type == EntityType.PHONE_NUMBER and DIRECT_AFTER.match(text, f.end)):
        bs = block_start(text, s, 5)
        if any(bs <= a and b <= s for a, b in people):
            return False
    from recognizers.organisations import care_of_person

    if f.entity_type in (EntityType.ADDRESS, EntityType.UK_POSTCODE) and care_of_person(text, s, people):
        return False  # "a letter addressed to Ms X, c/o The Old Bakery, ...": her address, whatever name follows "c/o"
    if f.entity_type == EntityType.EMAIL_ADDRESS:
        if is_org_mailbox(f.text):
            return True
        if _org_display_name(text, f, line_start, people):
            return True
        if is_person_mailbox(f.text):
            return False
        if _mailbox_of_person_before(text, f, people):
            return False  # "accountant Yusuf Patel of Patel & Co, yusuf@patelco...": his own mailbox at the firm
    lm = ORG_LABEL.search(text, line_start, text.find("\n", s) if text.find("\n", s) >= 0 else len(text))
    if lm is not None and lm.start() <= s and (lm.start() == line_start or not any(lm.start() <= a and b <= s for a, b in people)):
        return True
    if org_contact_cue(text, s, _CUE_KIND.get(f.entity_type, ""), orgs, people):
        return True  # (recognizers/organisations.py: an organisation's address or line in prose, over lines)
    if f.entity_type == EntityType.PHONE_NUMBER and NON_GEOGRAPHIC.match(f.text.lstrip("( \t")):
        return True  # freephone and 03/084/087 numbers are organisations' lines, not a person's phone ("(0808 ...")
    if f.entity_type in _CUE_KIND and helper_form_org_contact(text, s, "phone" if f.entity_type == EntityType.PHONE_NUMBER
                                                             else "address", orgs):
        return True  # "Organisation: X Advice / Phone: 01632 ...": a form's field for the helping organisation's line
    if f.entity_type in (EntityType.ADDRESS, EntityType.UK_POSTCODE) and on_commercial_estate(text, s, f.end):
        return True  # "Unit 12, Abbotsford Business Park, Falkirk": commercial premises, nobody's home
    if f.entity_type == EntityType.PHONE_NUMBER and LANDLINE.match(f.text.lstrip("(")) and SHARED_LINE_CUE.search(
            text, max(0, s - 60), s):
        return True  # "Either of us can be reached on 020 ...": a line several people answer is the office's
    if _contact_line_of_org(text, f, line_start, people, org_contacts):
        return True
    if f.entity_type == EntityType.PHONE_NUMBER and (ORG_PHONE_LABEL.search(before) or ORG_PHONE_AFTER.match(text, f.end)):
        return True  # (also a label after the number: "01633 960 014  Employer switchboard")
    if f.entity_type == EntityType.PHONE_NUMBER and line_start > 1:
        dm = _DET_AT_LINE_END.search(text, max(0, line_start - 12), line_start - 1)
        if dm is not None and ORG_PHONE_LABEL.search(dm.group(0).strip() + " " + before):
            return True  # "... speak to the\nDomestic Abuse Advice service, Fellside IDVA, on 01632 ...": wrapped after "the"
    if f.entity_type == EntityType.PHONE_NUMBER and LANDLINE.match(f.text) and _THEM_ON.search(text, max(0, s - 40), s):
        return True
    if f.entity_type == EntityType.PHONE_NUMBER and LANDLINE.match(f.text):
        cm = _CALL_BARE.search(text, max(0, s - 30), s)
        if cm is not None:
            from recognizers.organisations import _sentence_start
            ss = _sentence_start(text, cm.start(), 200)
            if not _PERSONAL_PRONOUN.search(text, ss, cm.start()) and not any(ss <= a and b <= s for a, b in people):
                return True  # "Lost or stolen cards call 0161 ...", "Pay online or call 0191 ...": a line offered to anyone
    if f.entity_type in (EntityType.ADDRESS, EntityType.UK_POSTCODE):
        if PO_BOX.search(before) or PO_BOX.match(text, s):
            return True  # "PO Box 12626, Harlow CM20 9QF": a mailbox is an organisation's
        if _signature_office_address(text, s, line_start, people) or _under_signature_org_lines(text, s, line_start, people):
            return True  # "Rhona Devlin / Senior Caseworker, Office of ... / 12 Causeyside Street, ...": where she works
        hm = _ORG_ADDRESS_HEADING.search(text, block_start(text, s, 5), line_start)
        if hm is not None and not any(hm.start() <= a and b <= s for a, b in people):
            return True  # "Name and full postal address of your bank or building society / ... / Postcode: B1 1AA"
        if _under_po_box_line(text, s, line_start, people):
            return True  # "PO Box 7741 / Mail Handling Site B / Wolverhampton / WV98 2ZX": the mailbox's town and postcode
        vm = VENUE_CUE.search(text, max(0, s - 90), s)
        if vm is not None and not HOME_WORDS.search(text, vm.end(), s) and not any(vm.end() <= a and b <= s for a, b in people):
            return True  # "The hearing will take place at Fox Court, 30 Brooke Street, ..."
        if ORG_ADDRESS_LABEL.search(before):
            return True
        am = ORG_ADDRESS_CUE.search(before)
        if am is not None:
            at = line_start + am.start()
            if any(line_start <= b <= at and at - b <= 40 for a, b in orgs) and not any(
                    line_start <= a and b <= s for a, b in people):
                return True  # "The Luton Magistrates' Court address for the hearing is ..."
    if _anchor_is_org(text, s, orgs, people, org_contacts,
                      address=f.entity_type in (EntityType.ADDRESS, EntityType.UK_POSTCODE)):
        return True
    if f.entity_type in (EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS) and _THEIR_NUMBER.search(text, max(0, s - 40), s):
        # "I have referred you to the Bristol Wellbeing Service ... their number is 0117 ...": "their" with an
        # organisation the nearest thing named before it in the paragraph
        ps = block_start(text, s, 6)
        before_orgs = [b for a, b in orgs if ps <= a and b <= s]
        if before_orgs and not any(max(before_orgs) <= a and b <= s for a, b in people):
            return True
    if f.entity_type in (EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS) and _signed_by_role(text, s, line_start, people):
        return True
    if f.entity_type == EntityType.PHONE_NUMBER and _bracketed_in_org_sentence(text, f, orgs, people):
        return True
    return _block_headed_by_org(text, s, people) or _document_letterhead(text, s, people, orgs)


# a signature's job-title line: a job title, a comma, then where ("Senior Caseworker, Office of ...", "Income Officer,
# Harbour Homes", "Paralegal, Ashby & Co")
_JOB_TITLE_LINE = re.compile(
    r"(?i)[ \t]*(?:[a-z\-]+[ \t]+){0,3}(?:manager|officer|administrator|director|secretary|clerk|controller|supervisor|"
    r"caseworker|case[ \t]+worker|adviser|advisor|assistant|co-?ordinator|solicitor|paralegal|executive|consultant|"
    r"worker|specialist|partner|practitioner|representative|analyst|agent)[ \t]*,[^\n]*")


# (not after someone spoken of in the sentence: "Our fitter says he lives at 4 Harrow Wharf, ring 01632 ...")
_PERSONAL_PRONOUN = re.compile(r"(?i)(?<![\w'’])(?:he|she|him|his|her|hers|they|them|their|i|me|my|mine)(?![\w'’])")
_DET_AT_LINE_END = re.compile(r"(?i)(?<![\w'’])(?:the|our|your|their|its)[ \t]*$")
# "call" / "ring" / "dial" straight before a landline, with no one to call named ("call 0161 ...", "ring us on 0113 ..."),
# not a person's "direct dial"
_CALL_BARE = re.compile(r"(?i)(?<![\w'’])(?<!direct[ \t])(?:call|ring|dial|(?<=by[ \t])(?:calling|ringing|phoning|dialling))"
                        r"[ \t]+(?:us[ \t]+)?(?:on[ \t]+)?[:]?[ \t]*$")  # (round 24T: "... by calling 0151 ...")


def _signature_office_address(text: str, s: int, line_start: int, people) -> bool:
    """Is the address at a line's start under a signature's job-title line ("Title, Organisation"), itself under a
    line naming a person? An e-mail or letter signature gives where the signer works, never their home."""
    if text[line_start:s].strip() or line_start < 2:
        return False
    l1 = text.rfind("\n", 0, line_start - 1) + 1
    if _JOB_TITLE_LINE.fullmatch(text, l1, line_start - 1) is None or l1 < 2:
        return False
    l0 = text.rfind("\n", 0, l1 - 1) + 1
    return any(l0 <= a and b <= l1 - 1 for a, b in people)


_QUOTE_LEAD = re.compile(r"[ \t>|]*")


def _plain_line(text: str, a: int, b: int) -> str:
    return text[_QUOTE_LEAD.match(text, a, b).end():b].strip()


def _under_signature_org_lines(text: str, s: int, line_start: int, people) -> bool:
    """Is the address (or its postcode, after the town on its line) under one to three lines of a signature that name
    a team, a job or a body ("Complaints Resolution Team", "Child Maintenance Service"; no digits), themselves under a
    line that is a person's name alone? An e-mail signature's address is the office's ("> Kwabena Asante-Boateng / >
    Complaints Resolution Team / > Child Maintenance Service / > Mail Handling Site A, Wolverhampton WV98 2BX")."""
    if line_start < 2 or not contact_line_only(_plain_line(text, line_start, s)):
        return False
    le = line_start - 1
    for _ in range(3):
        ls = text.rfind("\n", 0, le) + 1
        line = _plain_line(text, ls, le)
        if not line or len(line) > 70:
            return False
        a0 = ls + (len(text[ls:le]) - len(text[ls:le].lstrip(" \t>|")))
        if len(line) <= 40 and any(a == a0 and b <= le for a, b in people) and not any(c.isdigit() for c in line):
            return le < line_start - 1  # the signer's name line, with at least one team or body line under it
        if any(c.isdigit() for c in line) or not (_JOB_TITLE_LINE.fullmatch(line) or _ROLE_LINE.fullmatch(line) or (
                line[:1].isupper() and not ORG_WORD_TOKENS.isdisjoint(_TOKEN.findall(line.lower()))
                and contact_line_only(line))):
            return False
        if ls < 2:
            return False
        le = ls - 1
    return False


# a form's heading for a body's address, a few lines above it in the same block ("Name and full postal address of
# your bank or building society", "Address of the employer")
_ORG_ADDRESS_HEADING = re.compile(
    r"(?i)\baddress(?:es)?[ \t]+of[ \t]+(?:your|the|his|her|their|its)[ \t]+(?:(?:new|current|former|previous)[ \t]+)?"
    r"(?:bank|building[ \t]+society|employer|company|business|school|college|nursery|gp|surgery|practice|insurer|"
    r"council|solicitors?|firm|branch)\b")


# a line of an address block that starts with a PO box ("PO Box 7741", "P.O. Box 12", "Freepost RTKX-1234")
_PO_BOX_LINE = re.compile(r"(?im)^[ \t]*(?:P\.?[ \t]?O\.?[ \t]*Box|Freepost)\b[^\n]{0,40}$")


def _under_po_box_line(text: str, s: int, line_start: int, people) -> bool:
    """Is the address or postcode a later line of an address block whose earlier line is a PO box (up to four
    short lines above, no blank line, nobody named between)? A mailbox block is an organisation's postal address;
    its sorting-office line, town and (often non-geographic) postcode are too."""
    if line_start == 0:
        return False
    bs = block_start(text, s, 4)
    if bs >= line_start:
        return False
    m = None
    for m in _PO_BOX_LINE.finditer(text, bs, line_start - 1):
        pass
    if m is None:
        return False
    between = text[m.end():line_start]
    if any(len(ln) > 60 for ln in between.split("\n")):
        return False
    return not any(m.start() <= a and b <= s for a, b in people)


def _contact_line_of_org(text: str, f: Finding, line_start: int, people, org_contacts) -> bool:
    """Is the value on a line of contact details only (address parts, numbers, mailboxes, their labels) where
    another value is already the organisation's, or a label names an organisation's line ("Customer services:
    0191 ...   Northern House, Grainger St, ... NE1 5JE" in a statement's footer)? The line is one body's
    contacts; a person named on it, or a personal label, and it is not."""
    le = text.find("\n", f.end)
    le = len(text) if le < 0 else le
    # (not in a person's signature: "Jo Bell | Payroll Advisor | X Hospital / 530 London Road, ... | Direct 020 ...")
    if le - line_start > 200 or any(block_start(text, line_start, 5) <= b and a < le for a, b in people):
        return False
    if f.entity_type == EntityType.PHONE_NUMBER and not (LANDLINE.match(f.text) or NON_GEOGRAPHIC.match(f.text)):
        return False  # a mobile is a person's
    if _PERSONAL_WORD.search(text, max(line_start, f.start - 30), f.start) or not contact_line_only(text[line_start:f.start]) \
            or not contact_line_only(text[f.end:le]):
        return False
    if any(line_start <= a and b <= le and (a, b) != (f.start, f.end) for a, b in org_contacts):
        return True
    return _ORG_LINE_LABEL.search(text, line_start, le) is not None or _ROLE_MAILBOX_LINE.search(text, line_start, le) is not None


_PERSONAL_WORD = re.compile(r"(?i)(?<![\w])(?:mobile|mob|direct|dd|ddi|home|personal|private|own|my|his|her)(?![\w])")
# a label anywhere on a contact line that names the line as an organisation's
_ORG_LINE_LABEL = re.compile(r"(?i)(?<![\w])(?:customer[ \t]+(?:services?|care|support)|switchboard|helpline|reception|"
                             r"general[ \t]+enquiries|enquiries|collections[ \t]+(?:line|team)|main[ \t]+(?:office|line|number)|"
                             r"head[ \t]+office|registered[ \t]+office|freephone)(?![\w])")


_ROLE_MAILBOX_LINE = re.compile(r"(?i)(?<![\w.\-])(?:" + "|".join(sorted(ROLE_MAILBOX, key=len, reverse=True)).replace("-", r"\-")
                                + r")@[\w\-]+(?:\.[\w\-]+)+")


def _org_values_elsewhere(text: str, out: list[Finding], org_contacts) -> list[Finding]:
    """Without the phone numbers and mailboxes that the same page gives elsewhere as an organisation's (its letterhead's
    "Collections line 0113 ...", then "You can pay by debit card on 0113 ..." in the letter): the same line or mailbox
    is the organisation's wherever it is written. A listed third party's own value is never dropped."""
    if not org_contacts:
        return out
    vals = {normal_value(text[a:b]) for a, b in org_contacts if b - a >= 8}
    vals = {v for v in vals if "@" in v or sum(c.isdigit() for c in v) >= 9}
    if not vals:
        return out
    return [f for f in out if not (f.entity_type in (EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS)
                                   and f.party != PartyKind.THIRD_PARTY and f.recognizer not in _PARTY_RECS
                                   and normal_value(f.text) in vals)]


def _bracketed_in_org_sentence(text: str, f: Finding, orgs, people) -> bool:
    """A landline in brackets in a sentence whose subject is an organisation, with nobody named between: "The Law
    Society can give you the names of solicitors (0131 ...)", "Shelter Cymru will advise you (01792 ...)"."""
    s = f.start
    if not (f.text.startswith("(") or text[s - 1:s] == "(") or not LANDLINE.match(f.text.lstrip("(")):
        return False
    from recognizers.organisations import _sentence_start
    ss = _sentence_start(text, s, 200)
    lead = _SENTENCE_LEAD.match(text, ss)
    a0 = lead.end() if lead else ss
    return any(a == a0 and b < s for a, b in orgs) and not any(a0 <= a and b <= s for a, b in people) and not re.search(
        r"[.!?;]|\n[ \t]*\n", text[a0:s])


_SENTENCE_LEAD = re.compile(r"\s*(?:The[ \t]+)?")


_SIGNATURE_LABEL = re.compile(r"(?i)[ \t]*(?:(?:direct[ \t]+)?(?:line|dial|tel|telephone|phone|t|e|email|e-mail)|ddi|direct)?"
                              r"[ \t]*[:.]?[ \t]*")


def _signed_by_role(text: str, s: int, line_start: int, people) -> bool:
    """Is ``s`` a contact line under a signature that names a role and no person ("Complaints Resolution Manager
    (staff no. 61408) / Direct line 0117 ...")? The line is the body's: nobody identifiable answers it."""
    if _SIGNATURE_LABEL.fullmatch(text, line_start, s) is None or line_start == 0:
        return False
    bs = block_start(text, s, 3)
    if bs >= line_start or any(bs <= a and b <= s for a, b in people):
        return False
    head = text[bs:text.find("\n", bs)]
    head = re.sub(r"\([^()\n]*\)", "", head).strip(" \t,")
    return _ROLE_LINE.fullmatch(head) is not None


# ---------------------------------------------------------------------- requester's own values
FIELD_LINE = re.compile(
    r"(?im)^[ \t]*(?:[\w ]{0,30}?[ \t:]{1,4})?(?:sort[ \t]*code|account|acc(?:ount)?[ \t]*(?:no|number)|a/c|iban|bic|"
    r"card|vehicle|reg(?:istration)?|car|nhs|passport|licence|driving)\b"
)
HOLDER_LINES = 7
def _field_label(text: str, ls: int, s: int) -> bool:
    """Does the line before ``s`` label a field ("Sort code:", "Account no")? Not a sentence about an account:
    "The old joint account at Barclays (20-45-38 / ...) is now in his sole name"."""
    fm = FIELD_LINE.match(text, ls, s + 1)
    # (a label's own explanation in brackets is no sentence: "NHS number (optional, to help us find you): ...")
    return fm is not None and len(_PROSE_WORD.findall(_BRACKETED.sub(" ", text[fm.end():s]))) < 2


_BRACKETED = re.compile(r"\([^()\n]*\)")


# a word between a field's label and its value that is not part of the label
_PROSE_WORD = re.compile(r"(?i)\b(?!(?:number|numbers|num|no|code|codes|details|holder|name|is|type|ref|reference|digits|"
                         r"iban|bic|swift|sort|account|acc|of|the|card|reg|registration|vehicle)\b)[a-z]{2,}\b")


def normal_value(v: str) -> str:
    return re.sub(r"[\s\-./()]", "", v).upper()


def _field_owned_by_requester(text: str, f: Finding, mentions: list[Mention]) -> bool:
    """A form/statement field whose nearest person above, within a few lines, is the requester
    named at the start of a line ("Account holder: <requester>", "MR <REQUESTER>")."""
    line_start = text.rfind("\n", 0, f.start) + 1
    if not _field_label(text, line_start, f.start) and text[line_start:f.start].strip():
        return False
    top = line_start
    for _ in range(HOLDER_LINES):
        if top == 0:
            break
        top = text.rfind("\n", 0, top - 1) + 1
    before = [m for m in mentions if top <= m.start and m.end <= f.start]
    if not before:
        return False
    near = max(before, key=lambda m: m.end)
    if near.pos != 0 or near.possessive:
        return False
    ls = text.rfind("\n", 0, near.start) + 1
    lead = text[ls:near.start]
    return not lead.strip() or re.fullmatch(r"(?i)[ \t]*(?:[\w ]{0,30}:[ \t]*)?(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?", lead) is not None


# ---------------------------------------------------------------------- round 3: ownership by document shape
OWN_TYPES = {EntityType.BANK_DETAILS, EntityType.IBAN_CODE, EntityType.CREDIT_CARD, EntityType.UK_VEHICLE_REG,
             EntityType.UK_NHS, EntityType.UK_PASSPORT, EntityType.UK_DRIVING_LICENCE, EntityType.UK_NINO}
FINANCIAL = {EntityType.BANK_DETAILS, EntityType.IBAN_CODE, EntityType.CREDIT_CARD}
FIRST_PERSON = re.compile(r"(?i)\b(?:my|mine|i|i'm|i’m|me|our)\b")
THIRD_PERSON = re.compile(
    r"(?i)\b(?:he|his|him|she|her|hers|they|their|them|partner|ex|husband|wife|son|daughter|brother|sister|mother|"
    r"father|mum|dad|friend|landlord|employer|payee|beneficiary|recipient)\b|['’]s\b"
)
YOUR_HEADING = re.compile(
    r"(?im)^[ \t]*(?:your[ \t]+(?:own[ \t]+)?(?:bank[ \t]+|payment[ \t]+|account[ \t]+|personal[ \t]+|contact[ \t]+)?"
    r"(?:details|account|information|vehicle|car|card|passport|licence|identity|id|nhs[ \t]+number)|payment[ \t]+details[ \t]+for[ \t]+you|(?:we[ \t]+will[ \t]+)?pay(?:ing)?[ \t]+you[ \t]+"
    r"(?:into|to|by))\b[^\n]*$"
)
ORG_PAY_CUE = re.compile(
    r"(?im)(?:(?:pay|payments?)[ \t]+(?:should[ \t]+be[ \t]+)?(?:made[ \t]+)?to[ \t]*(?::|us\b|the[ \t]+following\b|our\b)|"
    r"^[ \t]*pay[ \t]+to\b|payable[ \t]+to|make[ \t]+"
    r"(?:your[ \t]+)?payments?[ \t]+to|remit(?:tance)?[ \t]+to|\bour[ \t]+(?:bank|account|client[ \t]+account|"
    r"payment)[ \t]*(?:details)?|(?:client|company|office)[ \t]+account|please[ \t]+pay|pay(?:ments?)?[ \t]+by[ \t]+(?:bank[ \t]+)?"
    r"transfer[ \t]+to|bank[ \t]+details[ \t]+for[ \t]+payment|"
    # "Payments should be made to Marston Holdings Ltd, ...", "Account name: Ridgeway Collections Ltd"
    r"(?:(?:pay|payments?)[ \t]+(?:should[ \t]+be[ \t]+|must[ \t]+be[ \t]+)?(?:made[ \t]+)?to|account[ \t]+name[ \t]*:?|payee[ \t]*:?|"
    r"(?:by[ \t]+)?(?:bank[ \t]+)?transfer[ \t]+to)"
    r"[ \t]+(?:the[ \t]+)?(?=[A-Z][^\n]{0,50}?\b(?:Ltd|LTD|Limited|PLC|plc|LLP|Council|Services?|Agency|Solicitors|Court|"
    r"Trust|Collections?|Enforcement|Recovery|Holdings|Group|HMRC|HMCTS)\b))"
)
STATEMENT_HEAD = re.compile(r"(?i)\bstatement\b|\baccount[ \t]+holder\b|\bstatement[ \t]+period\b")
TXN_LINE = re.compile(r"(?m)^[ \t]*\d{1,2}[/\-. ](?:\d{1,2}|[A-Za-z]{3})(?:[/\-. ]\d{2,4})?\b")
STAFF_LABEL = re.compile(
    r"(?i)\b(?:staff|employee|officer|caseworker|case[ \t]+worker|case[ \t]+manager|agent|adviser|advisor|badge|"
    r"collar|warrant|shoulder|user|operator|payroll|works|personnel)[ \t]*(?:id\b|no\b\.?|number|num\b\.?|#|ref\b|"
    r"reference|code)"
)
OFFICIAL_LABEL = re.compile(r"(?i)\b(?:staff|officer|caseworker|case[ \t]+worker|case[ \t]+manager|agent|adviser|advisor|badge|"
                            r"collar|warrant|shoulder|operator)\b")
OFFICIAL_ROLE = re.compile(
    r"(?i)\b(?:caseworker|case[ \t]+worker|case[ \t]+manager|officer|agent|adviser|advisor|team[ \t]+(?:leader|manager)|"
    r"decision[ \t]+maker|presenting[ \t]+officer|PC|DC|DS|DI|Sgt|Sergeant|Inspector|Constable|on[ \t]+behalf[ \t]+of|"
    r"child[ \t]+maintenance|CMS|DWP|HMRC|council|police|jobcentre|call[ \t]+handler|investigator|manager|"
    r"compliance|enforcement|staff)\b"
)


def _line_bounds(text: str, s: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", s)
    return a, (len(text) if b < 0 else b)


def _lines_up(text: str, s: int, n: int) -> int:
    top = text.rfind("\n", 0, s) + 1
    for _ in range(n):
        if top == 0:
            break
        top = text.rfind("\n", 0, top - 1) + 1
    return top


def _others_between(mentions: list[Mention], a: int, b: int) -> bool:
    return any(a <= m.start and m.end <= b and (m.pos != 0 or m.possessive) for m in mentions)


def requester_by_document(text: str, f: Finding, mentions: list[Mention], doc: DocParties) -> bool:
    """The requester's own financial/ID value, by the document's shape:
    - written by the requester, in the first person or as a bare field of the author's own
      details, with nobody else named or referred to on the way;
    - under a "Your details"/"Payment details for you" heading of a document addressed to him;
    - in the header of his own bank statement (account holder named at the top, before the
      transaction lines), not in a transaction line."""
    if f.entity_type not in OWN_TYPES:
        return False
    ls, le = _line_bounds(text, f.start)
    line_before = text[ls:f.start]
    if doc.author == 0:
        top = _lines_up(text, f.start, 2)
        window = text[max(top, f.start - 160):f.start]
        if not _others_between(mentions, max(top, f.start - 160), f.start) and not THIRD_PERSON.search(window):
            if FIRST_PERSON.search(window) or _field_label(text, ls, f.start) or not line_before.strip():
                return True
    if doc.addressee == 0:
        top = _lines_up(text, f.start, 6)
        for h in YOUR_HEADING.finditer(text, top, ls):
            if not _others_between(mentions, h.end(), f.start) and not THIRD_PERSON.search(text[h.end():f.start]):
                return True
    if f.entity_type in FINANCIAL and STATEMENT_HEAD.search(text, 0, min(len(text), 600)):
        first_txn = TXN_LINE.search(text)
        if first_txn is None or f.start < first_txn.start():
            head_top = _lines_up(text, min(len(text), 600), 0)
            ms = [m for m in mentions if m.end <= f.start]
            if ms and ms[0].pos == 0 and not ms[0].possessive and ms[0].start < head_top and not _others_between(
                    mentions, ms[0].end, f.start):
                return True
    return False


def org_payment_account(text: str, f: Finding, mentions: list[Mention]) -> bool:
    """An organisation's "pay to"/"our bank details"/"remit to" account (a debt collector's
    client account): not personal data, unless a person is named between the cue and the value."""
    if f.entity_type not in FINANCIAL:
        return False
    top = _lines_up(text, f.start, 4)
    cue = None
    for m in ORG_PAY_CUE.finditer(text, top, f.start):
        cue = m
    if cue is None:
        return False
    return not any(cue.end() <= m.start and m.end <= f.start and m.pos is not None for m in mentions) and not any(
        cue.end() <= m.start and m.end <= f.start for m in mentions if m.pos is None)


def official_staff_number(text: str, f: Finding, mentions: list[Mention], owner) -> bool:
    """A staff/officer/caseworker/badge number of an official: the organisation's, not a finding.
    A listed third party's payroll or works number stays personal."""
    if f.entity_type != EntityType.CASE_REFERENCE or (isinstance(owner, int) and owner > 0):
        return False
    ls, le = _line_bounds(text, f.start)
    lab = None
    for m in STAFF_LABEL.finditer(text, max(_lines_up(text, f.start, 1), f.start - 70), f.start):
        lab = m
    if lab is None:
        return False
    if OFFICIAL_LABEL.search(lab.group(0)):
        return True
    ctx = text[_lines_up(text, f.start, 2): le]
    if re.search(r"(?i)\b(?:payroll|works)\b", lab.group(0)):
        return False  # a payroll/works number belongs to the employee it is about
    return OFFICIAL_ROLE.search(ctx) is not None and not any(
        m.pos is not None and m.pos > 0 for m in mentions if _lines_up(text, f.start, 2) <= m.start < le)


COURT_LABEL = re.compile(
    r"(?i)\b(?:court|tribunal|claim|warrant|liability[ \t]+order|magistrates['’]?|hmcts|bailiffs?|enforcement|complaint|"
    r"summons|application|proceedings|hearing|appeal|"
    r"collection|agency|debt|invoice|order|policy|ticket|chat|transaction|receipt)\b[^\n]{0,30}$"
)


def court_or_agency_number(text: str, f: Finding) -> bool:
    """A number of the legacy CMS shape (12 digits) labelled as a court, tribunal, warrant,
    agency or order number ("Magistrates' Court case no. 021500412345"): not a CMS case reference.
    A "CMS-" reference is always one."""
    if f.entity_type != EntityType.CASE_REFERENCE or not f.text.replace(" ", "").isdigit():
        return False
    ls = text.rfind("\n", 0, f.start) + 1
    before = text[max(ls, f.start - 70):f.start]
    return COURT_LABEL.search(before) is not None and not re.search(r"(?i)\b(?:cms|csa|child[ \t]+maintenance)\b", before)


# ---------------------------------------------------------------------- NER words
PLACE_WORDS = {
    "house", "court", "park", "centre", "center", "circus", "queensway", "central", "constituency", "building",
    "buildings", "chambers", "tower", "hall", "square", "station", "street", "road", "lane", "way", "place",
    "estate", "mews", "gardens", "terrace", "avenue", "close", "drive", "crescent", "row", "walk", "yard", "quay",
    "wharf", "plaza", "arcade", "market", "office", "unit", "suite", "floor",
}
# the last word of a building's name ("Wellington House", "Carlton Chambers"); not "Hall" or "Court", common surnames
_BUILDING_WORDS = frozenset({"house", "chambers", "centre", "center", "building", "buildings", "tower", "lodge", "mews"})
_TITLE_BEFORE_BUILDING = re.compile(r"(?i)\b(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+$")
# vehicle makes: "a grey Skoda Octavia", "his Vauxhall Corsa" is a car, not a person
VEHICLE_MAKES = {
    "abarth", "alfa", "aston", "audi", "bentley", "bmw", "byd", "chevrolet", "chrysler", "citroen", "citroën", "cupra",
    "dacia", "daewoo", "daihatsu", "dodge", "ds", "ferrari", "fiat", "ford", "genesis", "honda", "hyundai", "infiniti",
    "isuzu", "iveco", "jaguar", "jeep", "kia", "lamborghini", "lexus", "lotus", "maserati", "mazda", "mercedes",
    "mercedes-benz", "mg", "mini", "mitsubishi", "nissan", "opel", "peugeot", "polestar", "porsche", "proton", "renault",
    "rover", "saab", "seat", "skoda", "škoda", "smart", "ssangyong", "subaru", "suzuki", "tesla", "toyota",
    "vauxhall", "volkswagen", "vw", "volvo",
}
_MAKE_BEFORE = re.compile(r"(?i)\b(?:" + "|".join(sorted((re.escape(m) for m in VEHICLE_MAKES), key=len, reverse=True))
                          + r")[ \t]+$")
_REG_BEFORE = re.compile(r"\b[A-Z]{2}\d{2}[ \t]?[A-Z]{3}[ \t]*\([ \t]*$")
# a model year after an article: "a 2014 Astra", "her old 2009 Polo" (a car, not a person)
_YEAR_BEFORE = re.compile(r"(?i)\b(?:a|an|the|his|her|my|their|your|old|new)[ \t]+(?:19[89]\d|20[0-3]\d)[ \t]+$")
_FORM_ROLE_WORDS = {"policyholder", "policy-holder", "householder", "leaseholder", "tenant", "occupier", "borrower",
                    "guarantor", "payee", "payer", "beneficiary", "employee", "employer", "customer", "patient"}
DAY_MONTH_ABBR = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar",
                  "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


KINSHIP = re.compile(r"(?i)(?:auntie|aunty|aunt|uncle|nan|nana|nanna|grandma|grandad|granny|grandpa|cousin|"
                     r"nonna|nonno|zio|zia|babcia|dziadek|ciocia|wujek|babushka|babusya|dedushka|tia|tio|tía|tío|"
                     r"abuela|abuelo|oma|opa|khala|khalu|chacha|chachi|nani|dadi|nana-ji|"
                     r"mummy|mum|mam|daddy|dad|brother|sister|bro|sis|"
                     # round 17: family terms of other languages written before a name ("Tonton Mukuna", "Abti
                     # Yusuf", "Eedo Khadra", "Mama Thérèse"); only those that are no given name themselves
                     r"mama|tonton|tantine|tatie|hooyo|aabo|ayeeyo|awoowe|abti|eedo|adeer|habaryar|walaal|"
                     r"kuya|ate|tita|ninang|ninong|mamu|phupho|phuppo|baji|bhaiya|didi|akka|thatha|paati|"
                     r"teyze|amca|dayı|dayi|yenge|abla|mjomba|shangazi|nne|nna|iya|egbon|aburo|ndeko|bunica|"
                     r"matusa|mătușa|unchiul|unchiu|avó|avô|avo|"
                     # and greetings before a name ("Salaam Abdirizak", "Merhaba Kerem")
                     r"salaam|salam|salaamu|merhaba|vanakkam|bonjour|bonsoir|habari|mbote|ekaaro|ndewo)[ \t\u00a0]+(?=\S)")


ROLE_WORDS = {"justice", "judge", "magistrate", "registrar", "clerk", "usher", "sheriff", "bailiff", "coroner", "recorder",
              "counsel", "solicitor", "barrister", "mediator", "interpreter", "defendant", "claimant", "complainant",
              "respondent", "appellant", "applicant", "caseworker", "headteacher", "chair", "chairman", "chairperson",
              "referrer", "adviser", "advisor", "supervisor", "keyworker", "requester", "requestor", "bench"}
# a speaker's hesitation in a transcript: "Er, I think so", "Erm. Not sure"
_FILLERS = frozenset({"er", "erm", "um", "umm", "uh", "uhm", "hmm", "hm", "mm", "mmm", "ah", "eh"})
KINSHIP_WORDS = {"nonna", "nonno", "zio", "zia", "babcia", "dziadek", "ciocia", "wujek", "babushka", "abuela", "abuelo",
                 "auntie", "aunty", "aunt", "uncle", "nan", "nana", "nanna", "grandma", "grandad", "granny", "grandpa",
                 "cousin", "mummy", "mum", "mam", "daddy", "dad", "brother", "sister", "bro", "sis", "nephew", "niece"}


# Round 17. Words of other languages that chats and translated statements in UK child-maintenance cases
# write with a capital and the NER model (or a chat rule) takes for a person: family terms, greetings, closings,
# religious and holiday words. Curated by hand from ordinary dictionaries of each language (French, Lingala,
# Swahili, Somali, Arabic, Urdu/Punjabi, Polish, Romanian, Portuguese, Tagalog, Tamil, Yoruba, Igbo, Turkish,
# Kurdish). NOT_NAME_WORDS holds only words no realistic given name or surname is spelt as (names-dataset lists
# some, e.g. "Maman", "Chez", "Eid", as rare names: they are dropped here all the same when alone); the words that
# are also common given names ("Lola", "Tita", "Anne", "Baba", "Nani") are in KIN_NAME_WORDS and are taken for
# the family term only in a kin frame ("her Lola and Tita").
NOT_NAME_WORDS = frozenset("""
maman tonton tantine tatie mémé pépé frère soeur sœur chez bisous merci bonjour bonsoir bonne nuit
mbote malamu sango nini mokolo nzambe azali ndeko nkoko mwasi
hooyo aabo aabe ayeeyo awoowe abti eedo walaal walaalo habaryar adeer wcs mahadsanid nabadgelyo habeen wanaagsan
salaam salam salaamu inshallah inshaallah insha'allah inshaallah wallahi walahi wallah alhamdulillah mashallah
masha'allah subhanallah bismillah habibi habibti yalla jazakallah eid ramadan ramzan jummah diwali navratri
vaisakhi hanukkah
ammi abbu abbaji chachi khalu mamu mamoo phupho phuppo baji bhai bhaiya didi beta jaan
babcia dziadek ciocia wujek siostra kochanie kochana kochany mamo tato czesc cześć dziekuje dziękuję buziaki
dobranoc pozdrawiam pozdrowienia jak
bunica bunicul matusa mătușa unchiul multumesc mulțumesc
mãe avó avô irmão irmã obrigado obrigada beijos boa noite
nanay tatay kuya anak salamat ingat ninang ninong
amma appa paati thatha akka thambi thangachi vanakkam nandri
egbon aburo iyawo ekaaro ekasan ekale
nne nna nnenne nnanna nwanne daalu dalu ndewo
teyze amca dayı dayi yenge babaanne anneanne merhaba görüşürüz tesekkurler teşekkürler
dayk bawk bavo xalo xwishk
shangazi mjomba habari asante karibu
al-fitr al-adha fitr adha easter christmas xmas
""".split()) | frozenset("""
sertraline fluoxetine citalopram escitalopram amitriptyline mirtazapine venlafaxine duloxetine omeprazole lansoprazole
metformin atorvastatin simvastatin amlodipine ramipril levothyroxine salbutamol ventolin seretide clenil paracetamol
ibuprofen calpol codeine co-codamol tramadol naproxen gabapentin pregabalin diazepam propranolol melatonin
methylphenidate ritalin concerta elvanse lisdexamfetamine insulin epipen risperidone quetiapine olanzapine aripiprazole
methadone buprenorphine morphine zopiclone
""".split())  # and medicines (the most prescribed in England, NHS prescription cost analysis; ADHD and asthma brands)
# the second word of a named day: "Boxing Day", "Easter Monday", "Christmas Eve", "Bonfire Night"
_HOLIDAY_FIRST = (r"(?:boxing|christmas|easter|good|bonfire|new[ \t]+year['’]?s|valentine['’]?s|mother['’]?s|"
                  r"father['’]?s|remembrance|pancake|shrove|ash|whit|palm|maundy|holy|armistice|st[ \t]+\w+['’]?s)")
_HOLIDAY_BEFORE = re.compile(r"(?i)\b" + _HOLIDAY_FIRST + r"[ \t]+$")
_HOLIDAY_WORD = frozenset({"day", "eve", "night", "monday", "tuesday", "wednesday", "thursday", "friday", "sunday",
                           "saturday"})
# a named day as a whole span: "Easter Sunday", "Boxing Day", "Maundy Thursday", "New Year's Eve"
_HOLIDAY_SPAN = re.compile(r"(?i)" + _HOLIDAY_FIRST + r"[ \t]+(?:day|eve|night|monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)$")
KIN_NAME_WORDS = frozenset("""
mama papa tata koko yaya lala mamie lola lolo tita tito tia tio ate anna anne abla abi hala nine dede baba bibi babu
dada nani dadi abba daya kak kaka iya mae kareem mubarak ameen amin
""".split())
_POSS_DET = re.compile(r"(?i)\b(?:my|his|her|their|your|our)[ \t]+$")
_POSS_KIN_AND = re.compile(r"(?i)\b(?:my|his|her|their|your|our)[ \t]+(?P<k>[\w\-]+)[ \t]+(?:and|&|or)[ \t]+$")
# eponymous conditions, written with the possessive (NHS conditions A-Z): "her Crohn's", "his Parkinson's disease"
EPONYM_CONDITIONS = frozenset({"crohn", "parkinson", "alzheimer", "asperger", "huntington", "hodgkin", "tourette",
                               "raynaud", "cushing", "addison", "meniere", "ménière", "perthes", "osgood", "sjogren",
                               "sjögren", "guillain", "kawasaki", "wilson", "paget", "bell", "down", "graves"})
_CONDITION_AFTER = re.compile(r"['’]s?(?![\w])(?:[ \t]+(?:disease|syndrome|palsy|lymphoma|chorea|phenomenon))?")
_CONDITION_CUE = re.compile(r"(?i)(?:\b(?:my|his|her|their|your|our|with|has|had|have|for|of|from|diagnosed|suffers?|"
                            r"living)[ \t]+(?:(?:early|late|young)[\- \t]onset[ \t]+)?$)")
# brands, apps and car models named as evidence of income or spending in child-maintenance cases (curated:
# UK fintech and buy-now-pay-later apps, selling and delivery apps, supermarkets and high-street chains, and the
# car models most often registered in the UK). A brand that is no name in the gazetteer is never a person alone;
# one that is also a name ("Alexa", "Astra", "Octavia") only after an article, possessive or colour.
BRAND_WORDS = frozenset("""
monzo revolut starling klarna clearpay laybuy paypal zopa vinted depop deliveroo uber bolt justeat gumtree
ebay etsy tiktok snapchat instagram insta whatsapp facebook alexa siri netflix spotify tesco asda lidl aldi
morrisons sainsbury sainsburys primark argos greggs currys halfords wilko biedronka
astra corsa fiesta octavia fabia sandero qashqai juke micra yaris prius auris corolla civic clio megane captur
picanto sportage tucson insignia mokka zafira passat tiguan vivaro
""".split())
_BRAND_DET = re.compile(r"(?i)\b(?:a|an|the|my|his|her|their|your|our|new|old|grey|gray|silver|black|white|red|blue|"
                        r"green|on|via|through|using)[ \t]+(?:(?:new|old|used|second-hand|grey|gray|silver|black|white|"
                        r"red|blue|green)[ \t]+)?$")


# a person's name at the head of a trading name ("his boss at Bogdan Builders", "runs Nur Brothers Cars"):
# the business, not the person; case-sensitive trade words only (not "Court", "Law", "Plus": also surnames)
# trades, crafts and services a small firm is named for
_TRADE_WORDS_MORE = frozenset({
    "tiling", "bathrooms", "kitchens", "groundworks", "flooring", "glazing", "fencing", "paving", "driveways",
    "carpentry", "interiors", "removals", "couriers", "maintenance", "gardening", "surfacing", "renovations",
    "developments", "valeting", "skips", "upholstery", "aggregates", "carpets", "brickwork", "demolition",
    "excavations", "installations", "refurbishments", "plant", "hire", "tarmac", "drainage", "insulation",
    # round 22: a restaurant's, a takeaway's or a shop's last word ("Spice Garden", "Golden Grill", "Raj Tandoori")
    "garden", "kitchen", "grill", "tandoori", "balti", "pizza", "pizzeria", "diner", "bistro", "brasserie", "kebabs",
    "kebab", "foods", "cuisine", "superstore", "supermarket", "stores", "seafoods", "butchers", "bakers",
    # round 24N: a beauty business's last word ("Glow Nails", "Luxe Nails", "Bella Lashes")
    "nails", "lashes", "brows", "beauty", "aesthetics", "hairdressing", "hairdressers", "tanning"})
_TRADE_NAMES = (r"Builders|Motors|Cars|Brothers|Bros|Garage|Logistics|"
                r"Solicitors|Transport|Haulage|Plumbing|Roofing|Construction|Electrical|Decorating|Landscaping|Scaffolding|"
                r"Barbers|Autos|Bodyshop|Catering|Bakery|Takeaway|Lettings|Estates|Ltd|Limited|LLP|PLC|Plastering|Joinery|"
                r"Cleaning|Tyres|Engineering|Staffing|Enforcement|Bailiffs|Salon|Restaurant|Cafe|Café|" + "|".join(
                    w.title() for w in sorted(_TRADE_WORDS_MORE)))
_TRADE_AFTER = re.compile(r"(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’\-]*){0,2}?[ \t]+(?:&[ \t]+)?(?:" + _TRADE_NAMES + r")(?![\w\-])")
# a firm's trade (or its legal form) as the last word of a name in title case: "Bella Tiling", "Mersey
# Groundworks", "Nur Brothers Cars" (a firm named after a person or a place, then what it does), unless a title
# says it is a person ("Mr Carpenter")
_TRADE_LAST = re.compile(r"[ \t]+(?:" + _TRADE_NAMES + r")$")
# round 24N: a span that opens with a trade word is the rest of a firm's name, its town after it ("[Glow] Nails Leicester")
_TRADE_FIRST = re.compile(r"(?:" + _TRADE_NAMES + r")[ \t]+[A-Z]")


_CAPS_NEXT = re.compile(r"[ \t]+(?P<w>[A-Z]{3,})(?![\w'’\-])")
_TRADE_WORD = re.compile(r"(?:" + _TRADE_NAMES + r")$")


def _caps_trade_next(text: str, e: int) -> bool:
    """The next word, in capitals too, is a firm's trade: "KERR ROOFING" (not "J KOWALSKI REF VAN HIRE")."""
    m = _CAPS_NEXT.match(text, e)
    return m is not None and _TRADE_WORD.match(m.group("w").title()) is not None


def _subdivisions() -> frozenset[str]:
    """Names of the world's regions, counties, boroughs and provinces (pycountry, ISO 3166-2), lower case."""
    global _SUBDIVISIONS
    if _SUBDIVISIONS is None:
        try:
            import pycountry
            from recognizers.gazetteer import _fold
            _SUBDIVISIONS = frozenset(_fold(x.name).lower() for x in pycountry.subdivisions) | frozenset(
                _fold(x.name).lower() for x in pycountry.countries)  # folded: "İzmir", "Şanlıurfa" as "izmir"
        except Exception:  # pragma: no cover - pycountry is declared in pyproject.toml; without it the rule is off
            _SUBDIVISIONS = frozenset()
    return _SUBDIVISIONS


_SUBDIVISIONS: frozenset[str] | None = None
# a place's preposition, or a place and a conjunction after one: "around Croydon and Sutton", "sends money to
# Kinshasa"; for a region that is also a given name only the unambiguous ones ("in Kerry", not "to Kerry")
_PLACE_PREP = re.compile(r"(?i)\b(?:in|into|to|from|around|near|outside|across|via|between|towards)\s+"
                         r"(?:(?-i:[A-Z])[\w'’\-]*(?:,|\s+and|\s+or)\s+)?$")
_PLACE_PREP_STRICT = re.compile(r"(?i)\b(?:in|around|near|outside|across)[ \t]+$")


_COORD_NEXT = re.compile(r"[ \t]+(?:and|&)[ \t]+(?P<w>[a-z]+)(?![\w'’\-])")
_COORD_PREV = re.compile(r"(?P<w>[A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+$")
# nouns for people, which a name is coordinated with ("Grace and family", "Tom and the kids")
_PEOPLE_NOUNS = frozenset({"family", "kids", "children", "friends", "friend", "co", "partner", "husband", "wife",
                           "boyfriend", "girlfriend", "mum", "dad", "baby", "son", "daughter", "sister", "brother",
                           "others", "all", "everyone", "me", "i", "you", "him", "her", "us", "them", "fam", "mates",
                           "kid", "grandkids", "team", "colleagues", "staff", "crew", "gang", "girls", "boys", "lads",
                           "hubby", "bf", "gf", "missus", "fiance", "fiancé", "bro", "sis", "cuz", "nan", "grandad",
                           "mam", "mom", "cousin", "cousins", "mother", "father", "parents", "neighbours", "co.",
                           "his", "her", "my", "their", "your", "our", "the", "a", "an", "that", "this", "then",
                           "also", "so", "not", "i'm", "im", "he", "she", "they", "we"})


def coordinated_with_word(text: str, s: int, e: int) -> bool:
    """A sentence that opens "<Capitalised common word> and <lower-case common word>" in a line that is not written
    in lower case ("Amen. Grace and mercy.", "Holly and ivy on the door", "Jack and wheel brace were stolen"; not
    with a noun for people or a pronoun: "Grace and family", "Tom and his wife"), or the lower-case word of a
    sentence that is only that ("mercy"): like is joined with like, both ordinary words, not a person."""
    from recognizers.person_context import _sentence_start

    word = text[s:e]
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    line = text[ls:len(text) if le < 0 else le]
    if line == line.lower():
        return False  # a chat in lower case writes names in lower case too
    if word[:1].isupper():
        m = _COORD_NEXT.match(text, e)  # "Holly and ivy on the door", "Jack and wheel brace were stolen"
        return (m is not None and _sentence_start(text, s) and m.group("w") not in _PEOPLE_NOUNS
                and zipf(m.group("w")) >= 3.0 and zipf(word) >= 3.5)
    m = _COORD_PREV.search(text, max(0, s - 30), s)
    if m is None or word in _PEOPLE_NOUNS or zipf(word) < 3.5 or zipf(m.group("w")) < 3.5 or not _sentence_start(
            text, m.start("w")):
        return False
    return re.match(r"[ \t]*(?:[.!?]|$|\n)", text[e:]) is not None  # "Grace and mercy."


def place_not_person(text: str, s: int, e: int) -> bool:
    """A lone capitalised word that names a region, county, borough or country (pycountry) after a place's
    preposition ("around Croydon and Sutton", "in Kinshasa"); one that is also a given name needs "in"/"near"."""
    word = text[s:e].strip(".,:;()")
    from recognizers.gazetteer import _fold
    if _fold(word).lower() not in _subdivisions():
        return False
    if " " in word:  # "coming from Hải Phòng": a province of two words, after a place's preposition
        return _PLACE_PREP.search(text, max(0, s - 40), s) is not None
    if is_first_name(word):
        return _PLACE_PREP_STRICT.search(text, max(0, s - 12), s) is not None
    return _PLACE_PREP.search(text, max(0, s - 40), s) is not None


_VIET_HONORIFICS = frozenset({"anh", "chị", "em", "bà", "ông", "cô", "chú", "bác", "dì", "cậu"})
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-ZÀ-ÝĐ]")
_CLAUSE_END = re.compile(r"[.!?\n()\[\]:;\"“”]")
_CLAUSE_START = re.compile(r"[.!?\n()\[\]:;\"“”][^.!?\n()\[\]:;\"“”]*$")
_CLAUSE_WORD = re.compile(r"[^\W\d_]{2,}")


def _foreign_clause_word(text: str, s: int, e: int, word: str) -> bool:
    """A word that opens a clause, or is in lower case, in a clause written in another language (most of its other
    lower-case words are no English words: "Cât timp stă băiatul la Mihai?", "annemin evine gel konuşalım"), which
    is no name unless the name lists hold it as it is spelt: in a language the model and the frames do not read, a
    capital at a clause's start and a lower-case word are no evidence of a name.
    Round 24N: a word in lower case there is no name even when the lists hold it (the lists hold many words of
    other languages as given names: "... que ele e ganhas", "com ela em"), and a span of several words one of
    which, after the first, is in lower case and no name particle ("Anh không gửi ...") is words of the clause."""
    parts = word.split()
    multi = len(parts) > 1
    if multi and not any(p[:1].islower() and p.lower() not in NAME_PARTICLES for p in parts[1:]):
        return False
    a = _CLAUSE_START.search(text, max(0, s - 200), s)
    a = a.start() + 1 if a is not None else max(0, s - 200)
    if not multi and not word[:1].islower() and _CLAUSE_WORD.search(text, a, s) is not None:
        return False  # a capitalised word inside a clause: a name as often as not ("la Mihai")
    if not multi and not word[:1].islower():
        key = word[:1].upper() + word[1:].lower()
        from recognizers.gazetteer import first_names, surnames
        if key in first_names() or key in surnames():
            return False
    b = _CLAUSE_END.search(text, e, e + 200)
    b = b.start() if b is not None else min(len(text), e + 200)
    words = [m.group(0) for m in _CLAUSE_WORD.finditer(text, a, b)
             if m.group(0)[:1].islower() and not (s <= m.start() < e)]
    if len(words) < 3:
        return False
    long_words = [w for w in words if len(w) >= 4]
    if len(long_words) >= 3:
        words = long_words  # round 24N: short words are shared by many languages ("com", "em", "da", "no")
    return sum(1 for w in words if not w.isascii() or zipf(w) < 2.7) >= _FOREIGN_SHARE * len(words)


# round 24N: the share of a clause's other lower-case words that must be no English words for it to be read as
# another language (0.6 missed a Portuguese clause with its short words shared with English: "que", "tu", "na")
_FOREIGN_SHARE = 0.5


# (round 24N: in capitals too, as a log writes a firm: "CHOUDHRY & PATEL")
_AMP_AFTER = re.compile(r"[ \t]*&[ \t]*(?P<w>[A-Z](?:[a-z][\w'’\-]*|[A-Z'’\-]{2,}(?![a-z])))")
_AMP_BEFORE = re.compile(r"(?<![\w'’\-])(?P<w>[A-Z](?:[a-z][\w'’\-]*|[A-Z'’\-]{2,}))[ \t]*&[ \t]*$")


def _firm_pair(text: str, s: int, e: int) -> bool:
    """A capitalised word joined by "&" to another ("Khan & Rowbotham", "Harlow & Beynon"), not both first names
    ("Kayleigh & Josh" are two people): a partnership's name."""
    m = _AMP_AFTER.match(text, e)
    other = m.group("w") if m else None
    if other is None:
        m = _AMP_BEFORE.search(text, max(0, s - 30), s)
        other = m.group("w") if m else None
    if other is None:
        return False
    word = text[s:e].strip(".,:;()")
    return not (is_first_name(word) and is_first_name(other)) and (is_surname(word) or is_surname(other))


_JI_AFTER = re.compile(r"[ \t]+ji\b")


def lower_given_surname(toks: list[str], listed_only: bool = False) -> bool:
    """A span the NER model tags as a person, in lower case, of exactly a listed given name and a listed surname that
    is no everyday word, or a word rare enough to be no word at all ("hannah doyle", "gary lindqvist"): a name
    written in lower case, as terse notes and chats do. A given name that is also a frequent word ("will", "mark") is no
    obstacle, because its surname must be rare as a word (zipf < 4.0: not "will brown", "mark down"); a surname
    with an Irish "o'" counts as listed."""
    if len(toks) != 2:
        return False
    first, last = (t.strip(".,:;()!?\"'’") for t in toks)
    if not (first.isalpha() and is_first_name(first)):
        return False
    core = last[2:] if last[:2] in ("o'", "o’") else last
    if not core.isalpha() or len(core) < 3:
        return False
    if listed_only:  # (in a clause that may be another language, every word is rare in English: "Em không")
        return is_surname(core) and zipf(last) < 4.0
    return (is_surname(core) or (last != core and len(core) >= 4) or zipf(core) < 2.0) and zipf(last) < 4.0


def foreign_non_name(text: str, s: int, e: int) -> bool:
    """A person finding that is only words of NOT_NAME_WORDS / KIN_NAME_WORDS with at least one of NOT_NAME_WORDS
    ("Inshallah", "Ayeeyo", "Czesc kochanie", "Ramadan Kareem", "Mokolo nini"), or a family term that is also a
    name in a kin frame ("her Lola and Tita"); an eponymous condition ("her Crohn's"); a brand or car model
    ("on Vinted", "a new Astra")."""
    span = text[s:e]
    toks = [t.strip(".,:;()\"'’!?").lower() for t in span.split()]
    toks = [t for t in toks if t]
    if not toks:
        return False
    if all(t in NOT_NAME_WORDS or t in KIN_NAME_WORDS for t in toks) and any(t in NOT_NAME_WORDS for t in toks):
        return True
    if (_TRADE_AFTER.match(text, e) or len(toks) >= 2 and (_TRADE_LAST.search(span) or _TRADE_FIRST.match(span))
            # (a firm in capitals, as a log or a letterhead writes it: "KERR ROOFING", "SPICE GARDEN")
            or span.isupper() and (len(toks) >= 2 and _TRADE_LAST.search(span.title())
                                   or _caps_trade_next(text, e))) and not re.search(
            r"(?i)\b(?:mr|mrs|ms|miss|dr)\.?[ \t]+$", text[max(0, s - 6):s]):
        return True  # "at Bogdan Builders", "Nur Brothers Cars", "Bella Tiling" (a title before it is a person:
        # "Mr Bakare of ...")
    if len(toks) == 1 and _firm_pair(text, s, e):
        return True  # "for Khan & Rowbotham", "Harlow & Beynon": two surnames joined by "&" name a firm
    if place_not_person(text, s, e):
        return True  # "around Croydon and Sutton"
    if len(toks) == 1 and coordinated_with_word(text, s, e):
        return True  # "Amen. Grace and mercy."
    if len(toks) != 1:
        # (not a given name and a listed surname in lower case: terse English notes, "webchat with hannah doyle re
        # change of circs", have as many rare words as a clause in another language)
        return not lower_given_surname(span.split(), listed_only=True) and _foreign_clause_word(
            text, s, e, span.strip(".,:;()\"'’!?"))  # round 24N: "Anh không gửi ..."
    if span[:1].islower() and toks[0] in _VIET_HONORIFICS and _CAPITAL_AFTER.match(text, e):
        return True  # "anh Minh", "chị Lan": a Vietnamese courtesy title before a name, not the name
    if _foreign_clause_word(text, s, e, span.strip(".,:;()\"'’!?")):
        return True  # "Original: Cât timp stă ...", "... gel konuşalım, Fatma teyze": words of another language
    w = toks[0]
    if w in KIN_NAME_WORDS or w in NOT_NAME_WORDS:
        if _JI_AFTER.match(text, e):
            return True  # "Papa ji", "Mama ji": a family term with the respectful "ji"
        if _POSS_DET.search(text, max(0, s - 8), s):
            return True  # "her Lola", "my Amma"
        m = _POSS_KIN_AND.search(text, max(0, s - 30), s)
        if m is not None and (m.group("k").lower() in KIN_NAME_WORDS or m.group("k").lower() in NOT_NAME_WORDS):
            return True  # "Her Lola and Tita"
    if w in _HOLIDAY_WORD and _HOLIDAY_BEFORE.search(text, max(0, s - 20), s):
        return True  # "Boxing Day", "Easter Monday"
    if w in EPONYM_CONDITIONS and not is_first_name(toks[0].capitalize()):
        m = _CONDITION_AFTER.match(text, e)
        if m is not None and m.end() > e and (_CONDITION_CUE.search(text, max(0, s - 40), s)
                                              or not is_name_like(span.strip(".,:;()"))):
            return True  # "for her Crohn's", "diagnosed with Parkinson's disease"
    if w in VEHICLE_MAKES and _BRAND_DET.search(text, max(0, s - 30), s):
        return True  # "a white Mercedes", "his old Vauxhall"
    if w in BRAND_WORDS:
        c = re.search(r"(?P<b>[\w\-]+)(?:[ \t]*,|[ \t]+(?:and|or|&))[ \t]+$", text[max(0, s - 30):s])
        if c is not None and (c.group("b").lower() in BRAND_WORDS or c.group("b").lower() in VEHICLE_MAKES):
            return True  # "drives for Uber and Bolt", "Monzo and Starling"
        if not is_name_like(span.strip(".,:;()")) and not re.match(r"[ \t]+[A-Z][a-z]", text[e:e + 3]):
            return True  # "Revolut every week", "sells on Vinted" (and not "Chase Moreno": a name before a surname)
        if _BRAND_DET.search(text, max(0, s - 30), s):
            return True  # "a new Astra", "an Alexa"
    return False


# a family term written after the name, as many families do ("Kamla Auntie", "Ayşe Teyze", "Tunde Uncle")
_KIN_AFTER = re.compile(r"[ \t\u00a0]+(?i:auntie|aunty|aunt|uncle|nan|nana|nanna|cousin|teyze|amca|dayı|dayi|abla|"
                        r"didi|bhaiya|baji|chacha|chachi|khala|khalu|mamu|phupho|phuppo|akka|ji)$")


# round 24N: a unit of premises and its number, before the building's or estate's name
_PREMISES_BEFORE = re.compile(r"(?i:\b(?:unit|units|suite|block|plot|bay))[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+$")


def _trim_kinship(text: str, f: Finding) -> Finding:
    """"Auntie Efua", "Kamla Auntie" from the NER model: the family term is not part of the name."""
    if f.recognizer != "SpacyRecognizer":
        return f
    from dataclasses import replace
    m = KINSHIP.match(text, f.start, f.end)
    if m and m.end() < f.end:
        return replace(f, start=m.end(), text=text[m.end():f.end])
    a = _KIN_AFTER.search(text, f.start, f.end)
    if a and a.start() > f.start and " " not in text[f.start:a.start()]:
        return replace(f, end=a.start(), text=text[f.start:a.start()])
    return f


# legal and safeguarding terms of family proceedings named after a person (the span is the eponym only)
_EPONYM_TERM = re.compile(
    r"(?:McKenzie|MacKenzie|Mackenzie)[ \t]+(?i:friends?)\b|(?:Clare|Sarah)['’]s[ \t]+(?i:law)\b|"
    r"Gillick[ \t]+(?i:compet)|Fraser[ \t]+(?i:guidelines|competen)|Calderbank[ \t]+(?i:offer|letter)|"
    r"(?:Hadkinson|Mesher|Martin)[ \t]+(?i:order)\b")


def _card_payee(text: str, s: int) -> bool:
    from recognizers.person_context import card_payee

    return card_payee(text, s)


# a label of a bilingual form or statement: the word(s) in the other language, a slash, the English (common words,
# no name), then the label's colon, a column gap or the line's end
_GLOSS_AFTER = re.compile(r"[ \t]*/[ \t]*(?P<g>[A-Za-z][a-z]+(?:[ \t][A-Za-z][a-z]+){0,2})[ \t]*(?::|[ \t]{2,}|\t|$)", re.M)


def _bilingual_label(text: str, s: int, e: int) -> bool:
    m = _GLOSS_AFTER.match(text, e)
    if m is None or is_first_name(text[s:e].split()[0]):
        return False
    ls = text.rfind("\n", 0, s) + 1
    if text[ls:s].strip() and not text[ls:s].rstrip().endswith((":", "/")):
        return False  # the span starts its line (or follows another label)
    return all(zipf(w) >= 3.5 and not is_name_like(w) for w in m.group("g").split())


def ner_person_is_word(text: str, f: Finding) -> bool:
    """True when a PERSON from the NER model (or a weak context guess) is not a name."""
    span = f.text
    toks = [t.strip(".,:;()\"'’") for t in span.split()]
    toks = [t for t in toks if t]
    if not toks:
        return True
    if toks[0].lower() in DAY_MONTH_ABBR and len(toks) == 1:
        return True
    if _EPONYM_TERM.match(text, f.start) and len(toks) <= 2:
        return True  # "a McKenzie friend", "Clare's Law", "Gillick competent": a legal term named after a person
    if len(toks) in (2, 3) and _HOLIDAY_SPAN.match(" ".join(toks)):
        return True  # "Easter Sunday", "Boxing Day": a named day, not a person
    if f.recognizer in ("SpacyRecognizer", "PersonContextRecognizer") and _card_payee(text, f.start):
        return True  # "CARD 4539 ALDI LEEDS": a shop and its town on a card payment's line
    if len(toks) == 1 and (toks[0].lower() in KINSHIP_WORDS or toks[0].lower() in ROLE_WORDS):
        return True  # "Cousin", "Nan", "Uncle", "Justice" (of the Peace), "Defendant" alone
    if len(toks) == 1 and (toks[0].lower() in _FILLERS or toks[0].lower().startswith("non-")):
        return True  # round 22: a speaker's hesitation ("CALLER: Er, 5102 ..."), "Non-dependant" in a table
    if len(toks) >= 2 and toks[0].lower() in VEHICLE_MAKES and f.recognizer in ("SpacyRecognizer", "PersonContextRecognizer"):
        return True  # "Skoda Octavia", "Vauxhall Corsa"
    if len(toks) == 1 and f.recognizer in ("SpacyRecognizer", "PersonContextRecognizer") and (
            _MAKE_BEFORE.search(text, max(0, f.start - 25), f.start) or _REG_BEFORE.search(text, max(0, f.start - 14), f.start)
            or _YEAR_BEFORE.search(text, max(0, f.start - 16), f.start)):
        return True  # "Vauxhall Astra 1.4" (the model after the make), "WR16 ZKP (Astra)"
    if len(toks) == 1 and toks[0].lower() in _FORM_ROLE_WORDS:
        return True  # "Main driver: Policyholder"
    if f.recognizer in ("SpacyRecognizer", "PersonContextRecognizer") and _bilingual_label(text, f.start, f.end):
        return True  # "Morada / Address:", "Extrato Integrado / Integrated Statement": a form's label, translated
    if f.recognizer in ("SpacyRecognizer", "PersonContextRecognizer", "NameListRecognizer") and foreign_non_name(
            text, f.start, f.end):
        return True  # round 17: "Inshallah", "Czesc kochanie", "her Lola and Tita", "her Crohn's", "on Vinted"
    if f.recognizer in ("SpacyRecognizer", "PersonContextRecognizer") and _PREMISES_BEFORE.search(
            text, max(0, f.start - 16), f.start):
        return True  # round 24N: "Unit 7 Dalton Mills", "Suite 4 Kingfisher House": a building on an estate, not a person
    if (f.recognizer == "PersonContextRecognizer" and len(toks) >= 2 and toks[-1].lower() in _BUILDING_WORDS
            and not _TITLE_BEFORE_BUILDING.search(text, max(0, f.start - 8), f.start)):
        return True  # round 22: "Wellington House, 22 Norton Road", "Linden House": a building's name, not a person
    if f.recognizer != "SpacyRecognizer":
        return False
    if f.start > 0 and text[f.start - 1] == "-":
        return True  # "Weston-super-Mare"
    if span[:1].islower() and not (is_first_name(toks[0]) or is_surname(toks[0]) and zipf(toks[0]) < 3.0):
        return True  # "recd", "calc", "yuh deh"
    if any(t.lower() in PLACE_WORDS for t in toks[1:]):
        return True  # "Centenary House", "Bristol Central"
    if len(toks) == 1:
        if toks[0].lower() in _MONTH_NAMES and (_MONTH_BEFORE.search(text, max(0, f.start - 12), f.start)
                                               or _MONTH_AFTER.match(text, f.end)):
            return True  # "Payments from May to June", "in April", "August 2026": a month
        if _name_word(toks[0]) and zipf(toks[0]) >= 4.3 and (_ordinary_at_sentence_start(text, f.start)
                                                              or _ordinary_in_document(text, f.start, toks[0])):
            return True  # "Will you be there", "Mark my words", "May be late": the word, capitalised as a sentence's first
        if zipf(toks[0]) >= 4.0 and _idiom_at_sentence_start(text, f.start, f.end, toks[0]):
            return True  # "Grace period ends on 30 November", "Pat on the back to the caseworker"
        if not _name_word(toks[0]) and _IN_PLACE_BEFORE.search(text, max(0, f.start - 12), f.start):
            return True  # "stays with a friend in Belgrave": a place the gazetteer does not know as a name
        if not _name_word(toks[0]) and _place_in_document(text, f.start, toks[0]):
            return True  # "the money for Asmara comes from ..." where the text says "in Asmara": one sense
        if not _name_word(toks[0]) and _closing_word(text, f.start, f.end, toks[0]):
            return True  # "Salamat,\nWeng", "Obrigado / thank you\n\nR. O. Santos": a closing in another language
        return not _name_word(toks[0]) and (zipf(toks[0]) >= 2.5 or _english_compound(toks[0]))
        # "Headteacher", "Footer", "Claimant"; "Payslip", "MoneyHelper": two English words run together
    if len(toks) >= 3 and toks[1].lower() in ("thi", "thị", "văn") and is_surname(toks[0]) and all(
            t[:1].isupper() and len(t) <= 8 for t in toks[2:]):
        return False  # a Vietnamese name, family name first: "Nguyen Thi Hoa" ("Hoa" is no gazetteer name)
    if (len(toks) >= 2 and toks[-1].endswith("s") and toks[-1][1:].islower() and not _name_word(toks[-1])
            and _english_compound(toks[-1])):
        return True  # "Breydon Seafoods", "Harbour Autoparts": a firm named for its trade, two words run together
    # (initials are not words; nor is a particle inside a name: "Inam Ul Haq", "Joao dos Reis")
    if span[:1].islower() and lower_given_surname(span.split()):
        return False  # "letter sent to michael o'brien": a given name and a surname in lower case
    return any(not _name_word(t) and zipf(t) >= 3.0 for i, t in enumerate(toks)
               if len(t.rstrip(".")) > 1 and not is_inner_particle(toks, i))  # "Fenland Staffing", "Toyota Yaris"


_MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"})
_MONTH_BEFORE = re.compile(r"(?i)\b(?:in|from|since|until|till|of|early|late|mid|end|last|next|this|during|before|"
                           r"after|\d{1,2}(?:st|nd|rd|th)?)[ \t]+$")
_MONTH_AFTER = re.compile(r"(?i)[ \t]*(?:\d|to[ \t]+(?:january|february|march|april|may|june|july|august|september|"
                          r"october|november|december)\b)")
_IN_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|near|around|outside|lives[ \t]+in|living[ \t]+in)[ \t]+$")


def _place_in_document(text: str, s: int, word: str) -> bool:
    """A capitalised word unknown to the gazetteer that the same text writes as a place elsewhere ("lives in
    Asmara") and never in a person's place (no "Asmara said")."""
    from recognizers.person_context import _frame_tokens, name_frame

    place = False
    for m in re.finditer(r"(?<![\w'’\-])" + re.escape(word) + r"(?![\w\-])", text):
        if m.start() == s:
            continue
        if _IN_PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            place = True
    if not place:
        return False
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    toks = _frame_tokens(text, ls, len(text) if le < 0 else le)
    i = next((k for k, t in enumerate(toks) if t[0] == s), None)
    return i is not None and name_frame(toks, i, [])[0] < 2


_CLOSING_LINE_REST = re.compile(r"[ \t]*(?:[,!.]|[ \t]*[/\-–][ \t]*(?:many[ \t]+)?thanks?(?:[ \t]+you)?[,!.]?)?[ \t]*\n")
_SIGNATURE_LINE = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[A-Z][\w'’\-]*\.?[ \t]+){0,3}[A-Z][\w'’\-]*[ \t]*(?:\n|$)")


def _closing_word(text: str, s: int, e: int, word: str) -> bool:
    """A word alone on its line (with a comma, or "/ thank you"), just above a short line of capitalised words
    (the sender's name): a closing such as "Salamat," or "Obrigado / thank you", not a person."""
    ls = text.rfind("\n", 0, s) + 1
    if text[ls:s].strip():
        return False
    m = _CLOSING_LINE_REST.match(text, e)
    if m is None:
        return False
    sig = _SIGNATURE_LINE.match(text, m.end() - 1)
    return sig is not None and word.lower() not in sig.group(0).lower()


def person_over_ner_org(text: str, s: int, e: int) -> bool:
    """A context rule's two- or three-word name that the NER model took for an organisation, where every word is
    a name or no English word and one is a first name rare in English ("Hagos Weldemichael", "KIM Seo-yeon";
    not "Morgan Stanley", "Harbour Fresh Foods")."""
    toks = [t.strip(".,:;()") for t in text[s:e].split()]
    if not 2 <= len(toks) <= 3 or ORG_NAME.search(text, s, min(len(text), e + 12)):
        return False
    if len({t.lower() for t in toks}) < len(toks) or any(len(t) < 3 for t in toks):
        return False  # a brand's syllables ("Indi Go Go"), not a name
    if not all(is_name_like(t) or zipf(t) < 2.0 for t in toks):
        return False
    return any(is_first_name(t) and zipf(t) < 3.0 and not t.isupper() for t in toks)


def _ordinary_at_sentence_start(text: str, s: int) -> bool:
    """A capitalised word at the start of a sentence or message whose neighbours make it the ordinary word
    (person_context.name_frame: a modal before its verb, a verb before its object)."""
    from recognizers.person_context import _frame_tokens, _sentence_start, name_frame

    if not _sentence_start(text, s):
        return False
    le = text.find("\n", s)
    toks = _frame_tokens(text, s, len(text) if le < 0 else le)
    return bool(toks) and name_frame([("", "", "")] + toks, 1, [])[1]


def _ordinary_in_document(text: str, s: int, word: str) -> bool:
    """A common word capitalised only where a sentence starts ("Bill is due on the 5th", "Grace period ends")
    in a text that writes it in lower case elsewhere ("the gas bill") and never capitalised inside a sentence:
    the ordinary word, one sense per document."""
    from recognizers.person_context import _frame_tokens, _sentence_start, name_frame

    if not _sentence_start(text, s):
        return False
    le = text.find("\n", s)
    toks = _frame_tokens(text, s, len(text) if le < 0 else le)
    if toks and name_frame([("", "", "")] + toks, 1, [])[0] >= 2:
        return False  # "Bill next door said ...": a person's place all the same
    lower = False
    for m in re.finditer(r"(?<![\w'’\-])" + re.escape(word) + r"(?![\w\-])", text, re.I):
        w = m.group(0)
        if w.islower():
            lower = True
        elif m.start() != s and not _sentence_start(text, m.start()):
            return False  # "... and Bill said": a name somewhere in the text
    return lower


# street types that are no one's surname; the others ("Chase", "Hill", "Green", "Lane", "Park") are surnames too
_PLAIN_STREET_TYPES = frozenset({
    "street", "st", "road", "rd", "avenue", "ave", "ln", "close", "cl", "drive", "dr", "way", "crescent", "cres",
    "ct", "place", "pl", "gardens", "gdns", "terrace", "terr", "square", "sq", "mews", "parade", "boulevard",
    "embankment", "promenade", "crossway", "approach", "broadway", "circus", "garth", "nook", "wynd", "quay",
})
_ADDRESS_BEFORE = re.compile(r"(?i)(?:\b\d{1,4}[a-z]?,?|\b(?:on|in|at|off|along|down|up|near|into|onto|via)|"
                             r"^)[ \t\u00a0]*$")


def person_with_street_surname(text: str, s: int, e: int) -> bool:
    """"Tom Chase", "Amy Hill", "Paul Lane": the model's person whose surname is also a street type - a known
    first name, then a surname, not where a street would be (after a house number or a preposition, at a
    line's start: "4 Hunters Chase", "on Victoria Road")."""
    toks = [t.strip(".,:;()") for t in text[s:e].split()]
    if not 2 <= len(toks) <= 3 or not all(t[:1].isupper() and t[1:].islower() for t in toks if t):
        return False
    last = toks[-1].lower()
    if last in _PLAIN_STREET_TYPES or not is_surname(toks[-1]) or not is_first_name(toks[0]) or zipf(toks[0]) >= 5.0:
        return False
    line_start = text.rfind("\n", 0, s) + 1
    return not _ADDRESS_BEFORE.search(text, max(line_start, s - 12), s)


# what follows a person's name as its sentence's subject without being a verb in -s or -ed: past tenses,
# modals, adverbs, linking words; and what follows a name in apposition or coordination
_AFTER_SUBJECT = frozenset({
    "made", "wrote", "spoke", "found", "drove", "ran", "met", "put", "let", "set", "felt", "heard", "held", "lost",
    "sold", "stood", "taught", "won", "became", "began", "brought", "bought", "caught", "chose", "fell", "forgot",
    "hid", "knew", "lent", "meant", "read", "rode", "sat", "slept", "swore", "threw", "understood", "woke", "wore",
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "also", "then", "never", "always",
    "still", "just", "too", "often", "later", "now", "already", "only", "even", "again", "once", "soon", "sometimes",
    "herself", "himself", "themselves", "myself", "usually", "recently", "first", "and", "or", "nor", "but", "n",
    "from", "at", "in", "of", "with", "next", "who", "whose", "whom", "who's", "whos", "herself", "says", "said",
    "am", "are", "be", "been", "being", "do", "does", "did", "have", "has", "had", "is", "was", "were", "not",
    "ok", "okay", "yes", "no", "please", "thanks", "here", "there",
})
_VOCATIVE_NEXT = frozenset({"what", "why", "how", "where", "when", "if", "for", "to", "so", "as", "like", "lol", "pls",
                            "plz", "thank", "thanks", "sorry", "mate", "love", "babe", "hun", "x", "xx"})
_IDIOM_NEXT = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)(?P<w>[a-z]+)(?![\w'’\-])")
_PLURAL_VERB_AFTER = re.compile(r"[ \t]+(?:are|were|have|do|dont|don't|don’t)\b")


def _idiom_at_sentence_start(text: str, s: int, e: int, word: str) -> bool:
    """The NER model's person that is a common word opening a sentence, followed by a lower-case word that a
    subject's name is not followed by (no verb, adverb, modal or linking word: "Grace period ends", "Frank
    advice is", "Pat on the back"), where nothing around it is a person's frame and the text never writes the
    word capitalised inside a sentence (no "... and Grace said" elsewhere): an idiom or compound on the word."""
    from recognizers.person_context import _frame_tokens, _sentence_start, name_frame

    if not _sentence_start(text, s):
        return False
    m = _IDIOM_NEXT.match(text, e)
    if m is None:
        return False
    nxt = m.group("w")
    from recognizers.person_context import _F_DETS, _F_OBJ_AFTER, _F_SUBJ, _F_VERBS_AFTER
    if (nxt in _AFTER_SUBJECT or nxt in _F_VERBS_AFTER or nxt in _F_DETS and nxt != "on" or nxt in _F_SUBJ or nxt in _F_OBJ_AFTER
            or nxt in _VOCATIVE_NEXT or nxt.endswith(("ed", "ly", "ing")) or (
                nxt.endswith("s") and not nxt.endswith("ss") and not _PLURAL_VERB_AFTER.match(text, m.end()))):
        return False  # "Grace rang", "Frank phoned", "Pat says", "Bill always", "Harry got", "Grant, what if";
        # (a plural noun may be a verb's form too)
    if zipf(nxt) < 3.0 or is_name_like(nxt) or not re.match(r"(?:[ \t]+|[ \t]*\n[ \t]*)[a-z]", text[m.end():m.end() + 4]):
        return False  # the collocate is a common English word, not a name or slang ("Grace sibei"), and the
        # sentence goes on after it ("Grace period ends ...", not "Jesus christ, ...")
    le = text.find("\n", s)
    toks = _frame_tokens(text, s, len(text) if le < 0 else le)
    if toks and name_frame([("", "", "")] + toks, 1, [])[0] >= 1:
        return False
    for o in re.finditer(r"(?<![\w'’\-])" + re.escape(word) + r"(?![\w\-])", text):
        if o.start() != s and not _sentence_start(text, o.start()):
            return False  # "... and Grace said": a name somewhere in the text
    return True


def _english_compound(tok: str) -> bool:
    """Two English words run together, the first a common one: "Payslip", "Childminder", "MoneyHelper"."""
    low = tok.lower()
    if not low.isalpha() or len(low) < 7:
        return False
    return any(zipf(low[:i]) >= 4.0 and zipf(low[i:]) >= 2.4 for i in range(3, len(low) - 2))


def _name_word(tok: str) -> bool:
    m = re.match(r"(?:[OD]['’]|Mc|Mac)(?=[A-Z])", tok)
    if m is not None and is_name_like(tok[m.end():]):
        return True  # "O'Hara", "D'Souza", "McAteer": the prefix and a known name
    parts = [p for p in re.split(r"[\-'’]", tok) if p]
    return is_name_like(tok) or (len(parts) > 1 and all(is_name_like(p) or zipf(p) < 3.0 for p in parts))


# ---------------------------------------------------------------------- the pass
def refine_findings(text: str, findings: list[Finding], *, mentions: list[Mention], doc_parties: DocParties,
                    genders: list[str | None], requester_spans: Sequence[tuple[int, int]],
                    ner_orgs: Sequence[tuple[int, int]], allow: Sequence[tuple[int, int]],
                    requester_values_out: set | None = None) -> list[Finding]:
    """The page's findings with organisation contact details, the requester's own values
    and NER non-names taken out. ``requester_values_out`` (if given) receives the normalised values
    settled as the requester's (for pipeline.case_settle)."""
    not_names = {(f.start, f.end) for f in findings
                 if f.entity_type == EntityType.PERSON and f.party != PartyKind.THIRD_PARTY
                 and ner_person_is_word(text, _trim_kinship(text, f))}
    people = [(m.start, m.end) for m in mentions if (m.start, m.end) not in not_names]
    # (with the analyzer's organisation names, which may wrap a line: "Leeds Refugee Support\n  Network, 0113 ...")
    orgs = org_spans(text, list(ner_orgs) + list(allow) + org_name_spans(text))
    req_values = {normal_value(text[a:b]) for a, b in requester_spans}
    req_values = {v for v in req_values if sum(c.isdigit() for c in v) >= 4}
    out: list[Finding] = []
    # role and public-body mailboxes are left alone by the analyzer; they still anchor what follows
    org_contacts: list[tuple[int, int]] = [m.span() for m in EMAIL_IN_TEXT.finditer(text)
                                           if "@" in m.group(0) and is_org_mailbox(m.group(0))]
    for f in sorted(findings, key=lambda f: f.start):
        if f.party == PartyKind.THIRD_PARTY:
            if (f.entity_type in (EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS) and f.recognizer not in _PARTY_RECS
                    and is_org_contact(text, f, orgs, people, org_contacts)):
                # given to a third party only as the nearest person on the line ("... a Mrs X told them.
                # The bailiff firm is Y Enforcement, 0113 ..."): the organisation's contact detail
                org_contacts.append((f.start, f.end))
                continue
            out.append(f)
            continue
        if f.entity_type == EntityType.PERSON:
            f = _trim_kinship(text, f)
            if ner_person_is_word(text, f):
                continue
            if f.text.lower() in ROLE_MAILBOX and f.text[:1].isupper():
                continue  # "Cc: Lettings <lettings@...>", "To: Payroll": a team, not a person
            out.append(f)
            continue
        if f.entity_type in CONTACT_TYPES and is_org_contact(text, f, orgs, people, org_contacts):
            org_contacts.append((f.start, f.end))
            continue
        if f.entity_type not in CONTACT_TYPES and f.entity_type != EntityType.DENY_LIST:
            owner = owner_of(text, f.start, mentions, doc_parties, genders, f.end)
            if owner in (0, "none") and (_field_owned_by_requester(text, f, mentions)
                                         or requester_by_document(text, f, mentions, doc_parties)):
                req_values.add(normal_value(f.text))
                continue
            if org_payment_account(text, f, mentions) or official_staff_number(text, f, mentions, owner) or \
                    court_or_agency_number(text, f):
                continue
        out.append(f)
    out = _org_values_elsewhere(text, out, org_contacts)
    if org_contacts:
        # the building's name that opens an organisation's address ("Wellington House, 22 Norton Road, ..." under a
        # firm's letterhead), taken by the model for a person: part of that address, kept with it
        out = [f for f in out if not (f.entity_type == EntityType.PERSON and f.party != PartyKind.THIRD_PARTY
                                      and _BUILDING_BEFORE_NUMBER.match(text, f.start, min(len(text), f.end + 8))
                                      and any(f.end < a <= f.end + 8 for a, _ in org_contacts))]
    # the same value, or a bank account inside an IBAN, already known to be the requester's; not one said in
    # its own words to be someone else's ("his account, sort code 40-11-62" where hers is 40-11-62 too: the
    # same branch, not the same account)
    if req_values:
        from recognizers.attribution import stated_for_someone_else
        kept = []
        for f in out:
            v = normal_value(f.text)
            if f.party != PartyKind.THIRD_PARTY and f.entity_type != EntityType.PERSON and len(v) >= 6 and any(
                    v == r or (len(v) >= 6 and v in r and len(r) > 14) or (len(r) >= 6 and r in v and len(v) > 14)
                    for r in req_values) and not stated_for_someone_else(text, f.start, f.end, mentions, doc_parties,
                                                                         genders):
                continue
            kept.append(f)
        out = kept
    if requester_values_out is not None:
        requester_values_out.update(req_values)
    return out
