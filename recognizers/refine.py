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
   - a label says so ("Venue:", "Constituency office:", "switchboard", "helpline");
   - it is a role mailbox (enquiries@, casework.x@, payroll@), or a public body's mailbox
     whose local part is not a person's name.
   A person's direct line ("Direct dial", "Mobile") is never the organisation's.
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

import re
from typing import Sequence

from pipeline.codes import EntityType, PartyKind
from pipeline.models import Finding
from recognizers.attribution import DocParties, Mention, owner_of
from recognizers.gazetteer import is_first_name, is_name_like, zipf

# ---------------------------------------------------------------------- organisations
ORG_WORDS = (
    r"Ltd|Limited|PLC|LLP|LLC|Inc|CIC|Co|Council|Court|Courts|Tribunals?|Services?|Surgery|Practice|School|Academy|"
    r"College|University|Police|Constabulary|Trust|Office|Centre|Center|Agency|Department|Mediation|Solicitors|"
    r"Chambers|Partnership|Associates|Group|Foundation|Association|Society|Hospital|Clinic|Pharmacy|Housing|Aid|"
    r"Unit|Team|Appeals|Bank|Building Society|Staffing|Recovery|Enforcement|Bailiffs|Parliament|Commons|Jobcentre|"
    r"Plus|Restaurants?|Logistics|Engineering|Maintenance|Garage|Motors|Beauty|Salon|Nails"
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
    r"(?:[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z][\w'’\-]*|upon|on|le|de|&))*[ \t]*(?:,[ \t]*|$|(?=[ \t]*$))){0,4}"
    r"(?:(?i:t|tel|telephone|phone|ph|e|email|e-mail|address|at|office)[ \t]*[:.]?[\s,;:|()\-–]*)?$"
)
EMAIL_IN_TEXT = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
PERSONAL_LINE = re.compile(r"(?i)(?:direct[ \t]+(?:dial|line)|ddi|mobile|mob|personal|home)\b[^\n]{0,25}$")
ORG_LABEL = re.compile(
    r"(?im)^[ \t]*(?:venue|hearing[ \t]+(?:venue|centre)|constituency[ \t]+office|(?:head|registered|main|branch)[ \t]+"
    r"office|office|court|tribunal|surgery|practice|school|branch|premises[ \t]+of)[ \t]*:[^\n]*$"
)
ORG_PHONE_LABEL = re.compile(
    r"(?i)(?:switchboard|helpline|help[ \t]+line|reception|main[ \t]+(?:office|line|number)|general[ \t]+enquiries|"
    r"enquiries|office[ \t]+line)\b[^\n]{0,30}$"
)
ROLE_MAILBOX = {
    "enquiries", "enquiry", "info", "hr", "payroll", "office", "admin", "noreply", "no-reply", "casework",
    "caseworker", "reception", "contact", "team", "accounts", "complaints", "support", "help", "helpdesk", "post",
    "mail", "sar", "dpo", "correspondence", "admissions", "finance", "billing", "customerservices", "recruitment",
    "careers", "sales", "legal", "housing", "appeals", "referrals", "duty", "mp", "constituency", "surgery",
    "services", "customer", "dataprotection", "protection", "cms", "cmsenquiries", "payments", "sharedcare",
}
PUBLIC_DOMAIN = re.compile(r"(?i)@(?:[\w\-]+\.)*(?:gov\.uk|nhs\.uk|nhs\.net|police\.uk|gov\.scot|gov\.wales|sch\.uk|"
                           r"mod\.uk|parliament\.uk)$")
CONTACT_TYPES = {EntityType.ADDRESS, EntityType.UK_POSTCODE, EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS}


def is_org_mailbox(value: str) -> bool:
    """A role mailbox ("enquiries@", "casework.x@", "hr-team@"), or a public body's mailbox
    whose local part is not a person's name."""
    local, _, domain = value.partition("@")
    parts = [p for p in re.split(r"[._\-+]", local.lower()) if p]
    if any(p in ROLE_MAILBOX for p in parts):
        return True
    if PUBLIC_DOMAIN.search(value):
        return not _name_local_part(parts)
    return False


def _name_local_part(parts: list[str]) -> bool:
    """"lorna.fitzgerald", "l.fitzgerald", "fitzgeraldl": a person's mailbox."""
    if len(parts) >= 2:
        return any(is_name_like(p) for p in parts if len(p) > 1)
    return bool(parts) and is_name_like(parts[0])


def org_spans(text: str, extra: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out = [m.span() for m in ORG_NAME.finditer(text) if _org_name_ok(m.group(0))]
    return sorted(set(out) | set(extra))


def _org_name_ok(name: str) -> bool:
    toks = name.split()
    # "Unit 7", "Court" alone, "the Office": a lone word needs a name before it
    return len(toks) >= 2 and toks[0][:1].isupper()


def _block_start(text: str, s: int, max_lines: int = 5) -> int:
    start = text.rfind("\n", 0, s) + 1
    for _ in range(max_lines):
        if start == 0:
            break
        prev = text.rfind("\n", 0, start - 1) + 1
        if not text[prev:start - 1].strip():
            break
        start = prev
    return start


def _anchor_is_org(text: str, s: int, orgs: list[tuple[int, int]], people: list[tuple[int, int]],
                   org_contacts: list[tuple[int, int]], address: bool = False) -> bool:
    """Does an organisation's name (or one of its contact details) come directly before ``s``?"""
    best_end, best_org, by_name = -1, False, False
    for a, b in orgs:
        if b <= s and b > best_end:
            best_end, best_org, by_name = b, True, True
    for a, b in org_contacts:
        if b <= s and b > best_end:
            best_end, best_org, by_name = b, True, False
    for a, b in people:
        if b <= s and b >= best_end:
            best_end, best_org = b, False
    if not best_org or s - best_end > 60:
        return False
    gap = text[best_end:s]
    if gap.count("\n") > 1 or SEPARATOR_GAP.match(gap) is None:
        return False
    if by_name and not address and "\n" in gap:
        # "Joyce Pennicott / Payroll Officer, X Ltd / Tel ...": in a person's signature block the
        # line under the employer's name is the person's own number
        start = _block_start(text, s)
        return not any(start <= a and b <= s for a, b in people)
    return True


def _block_headed_by_org(text: str, s: int, people: list[tuple[int, int]]) -> bool:
    start = _block_start(text, s)
    first_line = text[start: text.find("\n", start) if text.find("\n", start) >= 0 else len(text)]
    head = first_line.strip()
    m = ORG_NAME.search(head)
    # the block's first line is the organisation's name (a letterhead), not a sentence naming one
    if start >= s or not m or m.start() > 0 or len(head) - m.end() > 3:
        return False
    return not any(start <= a and b <= s for a, b in people)


def is_org_contact(text: str, f: Finding, orgs, people, org_contacts) -> bool:
    s = f.start
    line_start = text.rfind("\n", 0, s) + 1
    before = text[line_start:s]
    if PERSONAL_LINE.search(before):
        return False
    if f.entity_type == EntityType.EMAIL_ADDRESS and is_org_mailbox(f.text):
        return True
    if ORG_LABEL.match(text, line_start, text.find("\n", s) if text.find("\n", s) >= 0 else len(text)):
        return True
    if f.entity_type == EntityType.PHONE_NUMBER and ORG_PHONE_LABEL.search(before):
        return True
    if _anchor_is_org(text, s, orgs, people, org_contacts,
                      address=f.entity_type in (EntityType.ADDRESS, EntityType.UK_POSTCODE)):
        return True
    return _block_headed_by_org(text, s, people)


# ---------------------------------------------------------------------- requester's own values
FIELD_LINE = re.compile(
    r"(?im)^[ \t]*(?:[\w ]{0,30}?[ \t:]{1,4})?(?:sort[ \t]*code|account|acc(?:ount)?[ \t]*(?:no|number)|a/c|iban|bic|"
    r"card|vehicle|reg(?:istration)?|car|nhs|passport|licence|driving)\b"
)
HOLDER_LINES = 7


def normal_value(v: str) -> str:
    return re.sub(r"[\s\-./()]", "", v).upper()


def _field_owned_by_requester(text: str, f: Finding, mentions: list[Mention]) -> bool:
    """A form/statement field whose nearest person above, within a few lines, is the requester
    named at the start of a line ("Account holder: <requester>", "MR <REQUESTER>")."""
    line_start = text.rfind("\n", 0, f.start) + 1
    if not FIELD_LINE.match(text, line_start, f.start + 1) and text[line_start:f.start].strip():
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
    return not lead.strip() or re.fullmatch(r"(?i)[ \t]*(?:[\w ]{0,30}:[ \t]*|(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)", lead) is not None


# ---------------------------------------------------------------------- NER words
PLACE_WORDS = {
    "house", "court", "park", "centre", "center", "circus", "queensway", "central", "constituency", "building",
    "buildings", "chambers", "tower", "hall", "square", "station", "street", "road", "lane", "way", "place",
    "estate", "mews", "gardens", "terrace", "avenue", "close", "drive", "crescent", "row", "walk", "yard", "quay",
    "wharf", "plaza", "arcade", "market", "office", "unit", "suite", "floor",
}
DAY_MONTH_ABBR = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar",
                  "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


KINSHIP = re.compile(r"(?i)(?:auntie|aunty|aunt|uncle|nan|nana|nanna|grandma|grandad|granny|grandpa|cousin|"
                     r"mummy|mum|mam|daddy|dad|brother|sister|bro|sis)[ \t\u00a0]+(?=\S)")


def _trim_kinship(text: str, f: Finding) -> Finding:
    """"Auntie Efua" from the NER model: the family term is not part of the name."""
    m = KINSHIP.match(text, f.start, f.end)
    if f.recognizer != "SpacyRecognizer" or not m or m.end() >= f.end:
        return f
    from dataclasses import replace
    return replace(f, start=m.end(), text=text[m.end():f.end])


def ner_person_is_word(text: str, f: Finding) -> bool:
    """True when a PERSON from the NER model (or a weak context guess) is not a name."""
    span = f.text
    toks = [t.strip(".,:;()\"'’") for t in span.split()]
    toks = [t for t in toks if t]
    if not toks:
        return True
    if toks[0].lower() in DAY_MONTH_ABBR and len(toks) == 1:
        return True
    if f.recognizer != "SpacyRecognizer":
        return False
    if f.start > 0 and text[f.start - 1] == "-":
        return True  # "Weston-super-Mare"
    if span[:1].islower() and not is_first_name(toks[0]):
        return True  # "recd", "calc", "yuh deh"
    if any(t.lower() in PLACE_WORDS for t in toks[1:]):
        return True  # "Centenary House", "Bristol Central"
    words = [t for t in toks if len(t.rstrip(".")) > 1]  # initials are not words
    if len(toks) == 1:
        return not _name_word(toks[0]) and zipf(toks[0]) >= 2.5  # "Headteacher", "Footer", "Claimant"
    return any(not _name_word(t) and zipf(t) >= 3.0 for t in words)  # "Fenland Staffing", "Toyota Yaris"


def _name_word(tok: str) -> bool:
    parts = [p for p in re.split(r"[\-'’]", tok) if p]
    return is_name_like(tok) or (len(parts) > 1 and all(is_name_like(p) or zipf(p) < 3.0 for p in parts))


# ---------------------------------------------------------------------- the pass
def refine_findings(text: str, findings: list[Finding], *, mentions: list[Mention], doc_parties: DocParties,
                    genders: list[str | None], requester_spans: Sequence[tuple[int, int]],
                    ner_orgs: Sequence[tuple[int, int]], allow: Sequence[tuple[int, int]]) -> list[Finding]:
    """The page's findings with organisation contact details, the requester's own values
    and NER non-names taken out."""
    not_names = {(f.start, f.end) for f in findings
                 if f.entity_type == EntityType.PERSON and f.party != PartyKind.THIRD_PARTY
                 and ner_person_is_word(text, _trim_kinship(text, f))}
    people = [(m.start, m.end) for m in mentions if (m.start, m.end) not in not_names]
    orgs = org_spans(text, list(ner_orgs) + list(allow))
    req_values = {normal_value(text[a:b]) for a, b in requester_spans}
    req_values = {v for v in req_values if sum(c.isdigit() for c in v) >= 4}
    out: list[Finding] = []
    # role and public-body mailboxes are left alone by the analyzer; they still anchor what follows
    org_contacts: list[tuple[int, int]] = [m.span() for m in EMAIL_IN_TEXT.finditer(text)
                                           if "@" in m.group(0) and is_org_mailbox(m.group(0))]
    for f in sorted(findings, key=lambda f: f.start):
        if f.party == PartyKind.THIRD_PARTY:
            out.append(f)
            continue
        if f.entity_type == EntityType.PERSON:
            f = _trim_kinship(text, f)
            if ner_person_is_word(text, f):
                continue
            out.append(f)
            continue
        if f.entity_type in CONTACT_TYPES and is_org_contact(text, f, orgs, people, org_contacts):
            org_contacts.append((f.start, f.end))
            continue
        if f.entity_type not in CONTACT_TYPES and f.entity_type != EntityType.DENY_LIST:
            if _field_owned_by_requester(text, f, mentions) and owner_of(
                    text, f.start, mentions, doc_parties, genders) in (0, "none"):
                req_values.add(normal_value(f.text))
                continue
        out.append(f)
    # the same value, or a bank account inside an IBAN, already known to be the requester's
    if req_values:
        kept = []
        for f in out:
            v = normal_value(f.text)
            if f.party != PartyKind.THIRD_PARTY and f.entity_type != EntityType.PERSON and len(v) >= 6 and any(
                    v == r or (len(v) >= 6 and v in r and len(r) > 14) or (len(r) >= 6 and r in v and len(v) > 14)
                    for r in req_values):
                continue
            kept.append(f)
        out = kept
    return out
