"""Whose is an identifier? Attributing a found value to the requester, a listed third
party or an unknown person, from the words around it.

Only the requester's own data is left alone, so every rule here errs the same way:
when the evidence is not clear the value is *not* the requester's and is suggested.

Rules, in order:
0. Ownership stated right after the value: "FG18 KLM, is our client's own car",
   "... belongs to / is registered to / is in X's sole name / which X now holds".
1. A possessive right before the value (the last one: "my account RO77 ...", "into his
   account: sort code ...", "the account you gave us (sort code ...)", "mine is ...") with
   no other person mentioned between the possessive and the value:
   - "my" is, in turn: the speaker of a chat line ("Tomek: send it to my account ..."),
     the writer of the message it sits in within an email chain ("On ..., X wrote:",
     a second "From:"), the addressee when it is written under the letter's sign-off
     (a reply on the back of a letter), else the document's author: the party named in
     the ``From:`` line, the name alone on the first line of a letter, "STATEMENT OF X" /
     "I, X, of ...", or the name under the sign-off ("Yours faithfully", "Regards",
     "Signed:"); all author signals found must agree;
   - "your"/"you gave us" is the addressee: the ``To:`` line, the "Dear ..." line, or
     the person named first under a form's "Your details" / "About you" heading;
   - "his"/"her"/"their" is the nearest person mentioned before it in the same record
     (a run of lines without a blank line, at most a few lines back) whose gender agrees,
     passing over listed parties of the other gender; an unknown person or a possessive
     mention in the way means someone else.
2. A named possessive before the value ("our client's own\naccount, sort code ...").
3. Otherwise the nearest person mentioned before the value in its sentence on the same
   line ("Mr Popescu paid from RO77 ...", "IN PP from 07700 ..."); a sentence naming nobody
   but written in the first person is the author's ("I now drive a Kia, CU19 HKE"); one
   starting "He has / She drives ..." is the nearest person of that gender before it.
Also (round 10): ownership after the value in more shapes ("... seen at X belongs to our client",
"(registered keeper: X)", "(the RP's car)", "which is Mrs X's,"); a relative's possessive ("my
brother's account") is someone else's; "the claimant's vehicle" unbound by a label is the
document's subject (a "SUBJECT OF REFERRAL / Name: X" heading); when nothing else applies, "you now
drive ..." in a letter is the addressee's, "she still drives / in her own name" in a (wrapped)
sentence naming nobody else is the nearest person of that gender in the record, and a form row is
the person its block's name rows name ("Name:", "Employee:", "Account holder:", "Surname:" /
"Forename(s):"), unless its label says it is someone else's.
Also (round 13, the requester's own identifiers case.json does not list): a payment schedule's
"Receiving account:" / "Paying account:" row, or a value under a table's "Paid to" / "Collected from"
column, is the holder of that parent role in case.json (DocParties.roles); "your" in a two-person chat
is the other speaker; "your GP (NHS number ...)" is the patient's; "the card you paid with"; a
numbered "SECTION 1: ABOUT YOU" gives a form's "you"; rows under a line said to the reader ("Your
wages will continue to be paid to:"), account rows in a bank's letter to its customer, and a "Vehicle
registration:" row in a letter saying "you are the registered keeper" are the addressee's, unless the
line names someone else, a role or a relative, or says the money is collected / comes "from:" / went
to a payee; "KY18 WKP is now registered to you"; a value in brackets right after a listed party's name
("to Mrs Hussain (sort code ...)") is that party's. (A DVLA licence number's encoded surname, initial
and date of birth are matched in analyzer.CaseAnalyzer._licence_owner.)
Also (round 15, when nothing next to a value says whose it is): a personal reference a letter's heading
(above "Dear") or a form gives without naming anyone is its addressee's, or with no addressee its
subject's, unless the letter is about someone else, the form's section is ("ABOUT THE OTHER PARENT"), or
the value's sentence speaks of anyone else; a record's header row above every name is its subject's
("Registration mark:" over "Keeper: / Name: X", the heading perhaps on the next page); a record block
"Tenant(s): / Landlord: / Previous keeper: / Name: X" and "our client Mr X" bind their labels; rows under
"the Tenant's account:" are the tenant's, under a line about someone else naming no listed party ("the
Landlord's account:", "Bank details of the other parent", "His bank details:" on a woman requester's form)
someone else's; "LD19 XKT that you drive" is the reader's. (In the analyzer: an address row in the
requester's own block is hers; a value case.json lists for her but said in its own words to be a third
party's, ``stated_owner``, is redacted; in refine, a value equal to one of hers is not taken for hers when
its own words give it to an unknown person, ``stated_for_someone_else``.)
Also (round 20, the author's and the record's point of view): "his/her previous flat at" is the nearest person of
that gender ("my old address c/o my mam's at" the writer's); a "From:" line with only a listed party's own email names
the writer; a prose sentence wrapped onto the value's line names its owner as on one line; rows of a form one party
filled in about themselves, in a section naming nobody, are theirs; a card in a bank statement or its notes is the
account holder's; "exp 09/27, cardholder X" after a card; a payment table's "paid by card ..." / "from a/c ..." note is
the row's payer's; a value alone on an indented line under a row naming one person is that person's; a row of the
subject's own heading block ("Re: Ms X / NHS no: ...") is the subject's.
Also (round 24R, by step rather than cue): a value left without an owner in a transcript of the agency's call or chat
with one customer is the customer's when its turn and the two before it speak of nobody else
(``conversation_customer``); the line rule no longer gives a value to a person named only in an earlier sentence of
its line when the value's own sentence speaks of someone else (a relative, a landlord, someone's).
A mention is a listed party's name, a role written in the text ("PP", "receiving
parent") when case.json says who holds it, a role label bound by the document
("Appellant: <name>", "<NAME> (Defendant)", "Our client: <name>" make "the appellant",
"the Defendant's", "our client's" mentions of that party), or an unknown person's name.
A possessive mention ("the PP's partner", "Mr Popescu's brother") belongs to someone else
and so counts as an unknown person, unless an identifier word follows it directly
("Mr Popescu's account", "the RP's car").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.codes import PartyKind
from recognizers.context import _cells

ID_NOUN = (
    r"(?:a/c|acct|account|bank|card|phone|mobile|landline|telephone|tel|number|no\.?|e-?mail|address|car|van|vehicle|iban|details|"
    r"sort\s+code|nhs|passport|licence|payroll|reg(?:istration)?|ref(?:erence)?|dob|date\s+of\s+birth|national\s+insurance|ni)"
)
# the possessive, then at most three plain words (no other possessive), then an identifier word,
# then at most one line break before the value
POSSESSIVE_CUE = re.compile(
    r"(?i)\b(?P<pro>my|your|his|her|their)\s+(?:own\s+)?(?:[a-z\-]+\s+){0,3}?" + ID_NOUN + r"(?:['’]?s)?\b[^\n]{0,50}(?:\n[^\n]{0,50})?$"
)
YOU_CUE = re.compile(
    r"(?i)\b" + ID_NOUN + r"\s+(?:that\s+|which\s+)?you\s+(?:gave|provided|told|sent|gave\s+us|supplied|asked|chose|nominated|"
    r"(?:now\s+|still\s+)?(?:use|used|hold|held|own|owned|drive|drove|registered|opened|set\s+up|confirmed|pa(?:y|id)\s+(?:with|from|by)))\b[^\n]{0,50}(?:\n[^\n]{0,50})?$"
)
POSSESSIVE_AFTER = re.compile(r"['’]s\b")
KIN = (r"(?:ex[- ]?|former[ \t]+|new[ \t]+|late[ \t]+|step-?)?(?:mother|father|mum|mam|dad|brother|sister|partner|wife|husband|"
       r"boyfriend|girlfriend|fianc[eé]e?|son|daughter|cousin|aunt|auntie|uncle|friend|mate|landlord|landlady|employer|boss|"
       r"neighbour|nan|nana|gran|granny|grandmother|grandfather|grandad|in-laws?|mother-in-law|father-in-law)")
# "my brother's account (30561122)", "her mum's number": a relative's, not the possessive's owner's
KIN_POSSESSIVE_CUE = re.compile(
    r"(?i)(?:\b(?:my|your|his|her|their|our|the)[ \t]+" + KIN + r"(?:['’]s?|s)?"
    # (round 24T) a note's possessive with no determiner, after a word of the sentence: "Gave girlfriend's no. 07700 ...",
    # "PP's partner's mob": still the relative's (not a form's "Mother's phone:" label at a line's start)
    r"|(?<=[A-Za-z'’][ \t])(?!(?:employer|boss|landlord|landlady)['’])" + KIN + r"['’]s)[ \t]+(?:own[ \t]+)?(?:[a-z\-]+[ \t]+){0,2}?" + ID_NOUN
    + r"\b[^\n]{0,50}(?:\n[^\n]{0,50})?$"
)
# a relative reached on the number that follows: "contacting his wife directly on", "ring her mum on"
_REACH_KIN_ON = re.compile(r"(?i)\b(?:contact(?:s|ing|ed)?|call(?:s|ing|ed)?|ring(?:s|ing)?|rang|text(?:s|ing|ed)?|phon(?:e|es|ing|ed)|"
                           r"reach(?:es|ing|ed)?)[ \t]+(?:my|your|his|her|their|our)[ \t]+" + KIN
                           + r"[ \t]+(?:direct(?:ly)?[ \t]+)?(?:on|at)[ \t]*:?[ \t]*$")
_KIN_OF_PRONOUN = re.compile(r"(?i)\b(?:his|her|their)[ \t]+(?:[a-z]+[ \t]+)?" + KIN + r"\b")
SENTENCE_END = re.compile(r"[.!?][\"'’”)]?[ \t]+(?=[A-Z])")
SUBJECT_PRONOUN = re.compile(r"(?i)\b(he|she)[ \t]+(?:has|had|drives|drove|owns|owned|uses|used|bought|got|now[ \t]+has|"
                             r"has[ \t]+got|is[ \t]+driving|keeps|pays|paid|banks)\b")
# a reporting verb and the pronoun that opens what was reported: "RP says he ...", "she told us that he ..."
_REPORTED_PRONOUN = re.compile(r"(?i)[ \t]*(?:says|said|states|stated|reports|reported|advises|advised|told[ \t]+(?:us|me|cms)|"
                               r"claims|claimed|confirms|confirmed|believes|thinks)[ \t,]+(?:that[ \t]+)?(he|she)\b[^.!?\n]*$")
# (round 23T) a person named as the SOURCE of what follows, not its holder: "Vehicle as told by RP: silver Prius
# PK67 HWS", "REG GIVEN BY RP SV19 KXD", "mobile (per the RP) 07700 ...", "according to Mr X, ...", "he was contacted
# by Mr X on 07700 ...": the agent of a verb of telling or contacting; the value is somebody else's
_SOURCE_BEFORE = re.compile(
    r"(?i)(?:\b(?:given|told|supplied|provided|reported|confirmed|passed[ \t]+on|relayed|disclosed|notified|contacted|"
    r"called|rung|phoned|texted|messaged|emailed)[ \t]+by|\bper|\baccording[ \t]+to)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?\Z")


def _source_mention(text: str, x) -> bool:
    return _SOURCE_BEFORE.search(text, max(0, x.start - 40), x.start) is not None


FIRST_PERSON_WORD = re.compile(r"\b(?:I|my|My|me|mine|Mine)\b")
MINE_CUE = re.compile(r"(?i)\b(?P<pro>mine)\s+(?:now\s+|still\s+)?(?:is|are|was|were)\b[^\n]{0,50}$")
# "it's hers now, the DN19 XWL one": the value is the nearest person's of that gender
# "the fit note from your GP (NHS number 444 ...)": an NHS number is the patient's, whose doctor or hospital it is
NHS_PATIENT_CUE = re.compile(
    r"(?i)\b(?P<pro>my|your|his|her|their)[ \t]+(?:own[ \t]+)?(?:GP|doctor|surgery|practice|hospital|consultant|clinic|"
    r"health[ \t]+visitor|midwife|nurse|dentist|medical[ \t]+records?|fit[ \t]+note|sick[ \t]+note|patient[ \t]+record)\b"
    r"[^\n.;]{0,20}?[ \t(,]*NHS[ \t]+(?:number|no\.?)[ \t]*(?:is[ \t]+)?[:\-]?[ \t]*$"
)
# "His salary is paid monthly into account 60318427", "her refund will be sent to the account ending ...": pay
# goes into the account of whoever is paid (not maintenance, which one parent pays to the other)
_PAY_WORDS = (r"(?:(?:net|gross|monthly|weekly)[ \t]+)?(?:pay|salary|wages?|earnings|benefits?|pension|universal[ \t]+credit|"
              r"child[ \t]+benefit|tax[ \t]+credits?|refund)")
_PAID_INTO = (r"[ \t]+(?:is[ \t]+|are[ \t]+|will[ \t]+be[ \t]+|has[ \t]+been[ \t]+|was[ \t]+|were[ \t]+)?(?:still[ \t]+)?"
              r"(?:paid|sent|credited|transferred|going|goes)[ \t]+(?:(?:monthly|weekly|fortnightly|directly)[ \t]+)?(?:in)?to[ \t]+"
              r"(?:the[ \t]+|an?[ \t]+)?(?:[a-z\-]+[ \t]+){0,2}?" + ID_NOUN + r"\b[^\n]{0,50}(?:\n[^\n]{0,50})?$")
PAY_CUE = re.compile(r"(?i)\b(?P<pro>my|your|his|her|their)[ \t]+" + _PAY_WORDS + _PAID_INTO)
NAMED_PAY_CUE = re.compile(r"(?i)['’]s[ \t]+" + _PAY_WORDS + _PAID_INTO)
# "sort code 30-12-80 and account number 15526094": the account number goes with the sort code before it
_PAIRED_AFTER_SORT_CODE = re.compile(
    r"(?i)\bsort[ \t]+code[ \t]*:?[ \t]*(?P<sc>\d{2}[- ]?\d{2}[- ]?\d{2})[ \t]*[,;/]?[ \t]*(?:and[ \t]+)?"
    r"(?:(?:a/c|acct|account)(?:[ \t]+(?:number|no\.?))?[ \t]*:?[ \t]*)?(?:\n[ \t]*)?\Z")
# a line ending with a comma (a list running on), and what a list of one person's details does not hold: a
# clause (four plain words in a row, "who collects the children there"), a semicolon, a full stop, a pronoun
_WRAPPED_LIST = re.compile(r",[ \t]*\n\Z")
_NOT_A_LIST = re.compile(r"[;!?]|\.[ \t]|(?i:\b(?:[a-z]+[ \t]+){3}[a-z]+\b)|(?i:\b(?:he|she|his|her|their|they|my|your)\b)")
# a name written right before an account word, with no possessive, names the bank or the card, not its holder
_BRAND_BEFORE_ACCOUNT = re.compile(r"(?i)[ \t]+(?:(?:bank|current|savings|business|debit|credit)[ \t]+)?(?:acct|account|a/c|card)\b")
# a card a payment is made with is the payer's: "I pay her by card 5249 ...", "I paid the nursery with my debit card:"
# (a card is paid with, not paid into; the person paid, "her", is not its holder)
PAYER_CARD_CUE = re.compile(
    r"\b(?P<pro>I)[ \t]+(?:(?:have|had|always|also|usually|still|then|now|just)[ \t]+)*(?:pay|paid|pays)\b[^.!?\n]{0,40}?"
    r"\b(?:by|with|using|on)[ \t]+(?:my[ \t]+)?(?:own[ \t]+)?(?:(?:debit|credit|bank|visa|mastercard)[ \t]+)?card\b"
    r"[ \t]*(?:(?:number|no\.?|ending(?:[ \t]+in)?)[ \t]*)?[:\-]?[ \t]*$")
# "acct 82-19-33 / 50473318": a sort code written with its hyphens, then the account number after a slash
_PAIRED_AFTER_SLASH = re.compile(r"(?<![\d\-])(?P<sc>\d{2}-\d{2}-\d{2})[ \t]*/[ \t]*(?:\n[ \t]*)?\Z")
HERS_CUE = re.compile(r"(?i)\b(?:it['’]?s|is|was|are|were)[ \t]+(?:now[ \t]+|still[ \t]+|all[ \t]+)?(?P<pro>hers|his|theirs)\b[^\n]{0,30}$")
NAMED_POSSESSIVE_CUE = re.compile(
    r"(?i)['’]s\s+(?:own\s+)?(?:[a-z\-]+\s+){0,3}?" + ID_NOUN + r"\b[^\n]{0,50}(?:\n[^\n]{0,50})?$"
    r"|['’]s[ \t]+own\b[ \t)\]:,\-]*$"  # "Payer a/c (PP's own) 30-94-57 ..."
)
POSSESSIVE_ID_AFTER = re.compile(r"(?i)['’]s\s+(?:own\s+)?(?:[a-z]+\s+)?" + ID_NOUN + r"\b|['’]s[ \t]+own\b(?![ \t]+[a-z])")
FROM_RE = re.compile(r"(?im)^[ \t>]*From:[ \t]*(?:\n[ \t]*)?(?P<who>[^\n]*)")
TO_RE = re.compile(r"(?im)^[ \t>]*To:[ \t]*(?:\n[ \t]*)?(?P<who>[^\n]*)")
DEAR_RE = re.compile(r"(?im)^[ \t]*Dear[ \t]+(?P<who>[^\n,]*)")
SIGNOFF_RE = re.compile(
    r"(?im)^[ \t]*(?:yours[ \t]+(?:sincerely|faithfully|truly)|(?:kind|best|warm|many)?[ \t]*(?:regards|thanks)|"
    r"best[ \t]+wishes|thank[ \t]+you)[ \t,.!]*$"
)
SIGNED_RE = re.compile(r"(?im)^[ \t]*(?:Signed|Signature):?[ \t]*(?P<who>[^\n]*)")
RECORD_LINES = 4


@dataclass(frozen=True)
class Mention:
    """Someone mentioned in the text: a listed party (pos 0 = requester), or pos None."""

    start: int
    end: int
    pos: int | None
    possessive: bool = False


@dataclass(frozen=True)
class DocParties:
    """The party positions who wrote the document and whom it is addressed to (None: unknown)."""

    author: int | None = None
    addressee: int | None = None
    subject: int | None = None   # whom the letter is about: "Re: Mr X", "Employee: X", "Our client: X"
    device: int | None = None    # whose phone a chat was exported from: its "Me"
    speakers: tuple = ()         # (label, party) for chat labels ("you", "customer") a party's own details identify
    roles: tuple = ()            # (("paying", party), ("receiving", party)) from case.json's parent roles


def _agreeing(values: list[int | None]) -> int | None:
    vals = set(values)
    return vals.pop() if len(vals) == 1 else None


def _named_in(region: tuple[int, int], mentions: list[Mention]) -> list[int | None]:
    a, b = region
    return [m.pos for m in mentions if a <= m.start and m.end <= b]


def document_parties(texts: list[str], mentions: list[list[Mention]],
                     emails: list[tuple[int, int, int]] | None = None) -> DocParties:
    """Author and addressee of a document given as its pages' texts. ``emails``: the listed parties' own
    email addresses found on the first page, (start, end, party position)."""
    authors: list[int | None] = []
    addressees: list[int | None] = []
    if not texts:
        return DocParties()
    first, first_m = texts[0], mentions[0]
    m = FROM_RE.search(first)
    if m:
        named = _named_in(m.span("who"), first_m)
        if not named and emails:
            # (round 20) "From: owen.l@example.co.uk" with no name: the party whose own address it is
            a, b = m.span("who")
            named = [pos for x, y, pos in emails if a <= x and y <= b]
        if named:
            authors.append(named[0])
        elif m.group("who").strip():
            authors.append(None)  # someone not listed wrote it
    else:
        # a letter starting with its writer's name alone on the first line
        lm = re.match(r"\s*(?P<line>[^\n]+)", first)
        if lm:
            named = [x for x in first_m if x.start >= lm.start("line") and x.end <= lm.end("line")]
            line = lm.group("line").strip()
            if len(named) == 1 and named[0].pos is not None and (named[0].end - named[0].start) >= len(line) - 4:
                authors.append(named[0].pos)
    for am in AUTHOR_CUE_RE.finditer(first, 0, min(len(first), 1500)):
        named = [x.pos for x in first_m if am.end() <= x.start <= am.end() + 2 and not x.possessive]
        if named:
            authors.append(named[0])
    for text, ms in zip(texts, mentions):
        for sm in SIGNED_RE.finditer(text):
            named = _named_in(sm.span("who"), ms)
            if named:
                authors.append(named[0])
    last, last_m = texts[-1], mentions[-1]
    tail = last.rstrip()
    ll = tail.rfind("\n") + 1
    named = [x for x in last_m if x.start >= ll and x.end <= len(tail) and not x.possessive]
    if len(named) == 1 and named[0].pos is not None and len(tail[ll:].strip(" \t.,-")) <= named[0].end - named[0].start + 3 \
            and "\n\n" in last[max(0, ll - 3):ll + 1]:
        authors.append(named[0].pos)  # a note ending with its writer's name alone on the last line
    sign = list(SIGNOFF_RE.finditer(last))
    if sign:
        after = sign[-1].end()
        lines = last[after:].lstrip("\n").split("\n")[:2]
        end = after + len(last[after:]) - len(last[after:].lstrip("\n")) + sum(len(l) + 1 for l in lines)
        named = _named_in((after, end), last_m)
        if named:
            authors.append(named[0])
    m = TO_RE.search(first)
    if m:
        named = _named_in(m.span("who"), first_m)
        if not named and emails:
            a, b = m.span("who")
            named = [pos for x, y, pos in emails if a <= x and y <= b]
        if named:
            addressees.append(named[0])
    for text, ms in zip(texts, mentions):
        dm = DEAR_RE.search(text)
        if dm:
            named = _named_in(dm.span("who"), ms)
            if named:
                addressees.append(named[0])
            break
    if not addressees:
        # a form filled in by "you": the person named first under its "Your details" heading
        for text, ms in zip(texts, mentions):
            ym = YOUR_DETAILS_RE.search(text)
            if ym:
                end = ym.end()
                for _ in range(4):
                    nxt = text.find("\n", end + 1)
                    end = len(text) if nxt < 0 else nxt
                named = [x.pos for x in ms if ym.end() <= x.start and x.end <= end and not x.possessive]
                if named:
                    addressees.append(named[0])
                break
    block_addressee = None
    if not addressees and not DEAR_RE.search(first) and not FROM_RE.search(first) and not TO_RE.search(first):
        # a statement or letter with no "Dear": the name over the postal address at its top
        # ("Ms K Nowak\n27 Cowley Road\nOxford OX4 1HP") is whom its "you" means
        for am in _ADDRESS_BLOCK_NAME.finditer(first, 0, min(len(first), 800)):
            named = [x for x in first_m if x.start == am.start("name") and x.end == am.end("name") and not x.possessive]
            if named and named[0].pos is not None:
                block_addressee = named[0].pos
                addressees.append(block_addressee)
                break
    subjects: list[int | None] = []
    for sm in SUBJECT_LINE_RE.finditer(first, 0, min(len(first), 2000)):
        le = first.find("\n", sm.end())
        le = len(first) if le < 0 else le
        named = [x for x in first_m if sm.end() <= x.start and x.end <= le and not x.possessive]
        if sm.group("label") is not None:
            if named:
                subjects.append(named[0].pos)
        elif named and not first[named[-1].end:le].strip(" \t.,:;()"):
            subjects.append(named[-1].pos)  # a heading ending with the name: "Deduction from earnings order - Mr X"
    for hm in SUBJECT_HEADING_RE.finditer(first, 0, min(len(first), 2000)):
        named = [x for x in first_m if x.start == hm.end() and not x.possessive]
        if named:
            subjects.append(named[0].pos)  # "SUBJECT OF REFERRAL / Name: X", "CLAIMANT DETAILS / Name X"
    if not subjects:
        # a record whose first page ends before its subject's block: "Keeper: / Name: X" at the top of page 2
        for text, ms in list(zip(texts, mentions))[1:2]:
            for hm in SUBJECT_HEADING_RE.finditer(text, 0, min(len(text), 600)):
                named = [x for x in ms if x.start == hm.end() and not x.possessive]
                if named:
                    subjects.append(named[0].pos)
    device = None
    head_end = min(len(first), 400)
    for x in first_m:
        if x.start < head_end and x.pos is not None and (
                (x.possessive and DEVICE_AFTER.match(first, x.end)) or
                (not x.possessive and DEVICE_BY.search(first, max(0, x.start - 40), x.start))):
            device = x.pos
            break
    author, addressee = _agreeing(authors), _agreeing(addressees)
    if block_addressee is not None and addressee == author:
        addressee = None  # (a name and address heading the writer's own letter)
    return DocParties(author, addressee, _agreeing(subjects), device)


# a name alone on a line (perhaps with a title), the postal address on the next: "Ms K Nowak\n27 Cowley Road"
_ADDRESS_BLOCK_NAME = re.compile(
    r"(?m)^[ \t]*(?:(?i:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?(?P<name>[A-Z][^\n]{1,40}?)[ \t]*\n[ \t]*"
    r"(?=(?:[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,3}[ \t]*\n[ \t]*)?"  # (round 20) a house's name first: "TY GWYN"
    r"(?:(?i:c/o)[ \t]+)?"  # (round 21) an address given care of someone: "Ms G Kaur\nc/o 9 Mill Lane"
    r"(?:\d+(?:/\d+)?[A-Za-z]?,?[ \t]+(?:\d+[A-Za-z]?,?[ \t]+)?[A-Z]|(?i:flat|apartment|unit|house)[ \t]+\w))")  # "2/1 14 ..."


def addressee_block_owner(text: str, s: int, mentions: list[Mention], doc: DocParties) -> int | None:
    """(round 21) The postal address under the addressee's name at the top of a letter or statement ("Ms R Hale /
    Flat 6, 21 Deiniol Road / Bangor / LL57 2UR" over "Dear Ms Hale"): the addressee's, wherever they have moved
    to. The block runs from the line after the name to the first blank line (at most six lines) and names
    nobody else. None when the value is not in such a block."""
    if doc.addressee is None or s > 1200:
        return None
    for am in _ADDRESS_BLOCK_NAME.finditer(text, 0, min(len(text), 900)):
        if am.start() > s:
            break
        named = [x for x in mentions if x.start == am.start("name") and x.end == am.end("name") and not x.possessive]
        if not named or named[0].pos != doc.addressee:
            continue
        start = text.find("\n", am.end("name")) + 1
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if text.count("\n", start, end) > 5 or not start <= s < end:
            continue
        if any(start <= x.start < end and x.pos != doc.addressee for x in mentions):
            return None
        return doc.addressee
    return None


# a line saying whom a letter or record is about
SUBJECT_LINE_RE = re.compile(
    r"(?im)^[ \t]*(?:(?P<label>re|subject|employee(?:[ \t]+name)?|our[ \t]+client|client|customer|tenant|patient|member|"
    r"debtor|claimant|appellant)[ \t]*:|[^\n:]{3,60}?[ \t][-–][ \t])[ \t]*(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?"
)
# a form's section heading for the person it is about, its first row the name: "SUBJECT OF REFERRAL\nName: X",
# "SUBJECT (CMS client)\nName   X", "CLAIMANT DETAILS\nFull name: X"
SUBJECT_HEADING_RE = re.compile(
    r"(?im)^[ \t]*(?:subject|claimant|customer|client|employee|applicant|tenant|(?:registered[ \t]+|current[ \t]+)?keeper)(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?"
    r"(?:referral|request|notification|report|investigation)|details))?[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*:?[ \t]*\n"
    r"[ \t|]*(?:(?:full[ \t]+)?name[ \t]*[:|]?[ \t]+)?(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?"
)
# "the claimant's declared vehicle (...)" where no "Claimant: <name>" label binds the word: the person the
# document is about (its subject heading, "Re:" line)
UNBOUND_ROLE_POSSESSIVE_CUE = re.compile(
    r"(?im)(?:\bthe[ \t]+|^[ \t|]*)(?:claimant|customer|client|subject|applicant|employee|tenant|service[ \t]+user)['’]s[ \t]+(?:own[ \t]+)?"
    r"(?:[a-z\-]+[ \t]+){0,3}?" + ID_NOUN + r"\b[^\n]{0,50}(?:\n[^\n]{0,50})?\Z"
)
# "exported from the paying parent's phone", "screenshots supplied by Mr X"
DEVICE_AFTER = re.compile(r"(?i)['’]s[ \t]+(?:own[ \t]+)?(?:phone|mobile|handset|device|whatsapp|messenger|account)\b")
DEVICE_BY = re.compile(r"(?i)\b(?:exported|supplied|provided|sent|screenshots?)[ \t]+(?:by|from)[ \t]+(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?$")
# a chat line written by the exporting phone's owner: "Me 18:10: ...", "[04/03/2026 09:01] Me: ..."
ME_SPEAKER = re.compile(r"(?i)me\b[ \t]*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|\[[^\]\n]{1,40}\]|\([^)\n]{1,40}\))?[ \t]*:")
# a chat line whose speaker is a label, not a name: "19:42 You: ...", "Customer: ..."
LABEL_SPEAKER = re.compile(
    r"(?i)(?P<label>me|you|customer|caller|client|visitor|user|guest|parent)\b[ \t]*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|"
    r"\[[^\]\n]{1,40}\]|\([^)\n]{1,40}\))?[ \t]*:")


# (round 22) a speaker label's line in which the speaker says who they are: "CALLER: Yeah it's X.", "CUSTOMER (via
# interpreter): My name is X." (the name then ends the clause)
_SELF_INTRO = re.compile(r"(?i)[:.,!?][ \t]*(?:(?:yes|yeah|hello|hi)[ \t,]*)?(?:my[ \t]+name[ \t]+is|my[ \t]+name['’]s|this[ \t]+is|"
                         r"it['’]s|it[ \t]+is|i[ \t]+am|i['’]m)[ \t]+(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?\Z")
_INTRO_END = re.compile(r"[ \t]*(?:[.,;!?(]|[-–][ \t]|$)", re.M)


def label_speakers(text: str, id_spans: list[tuple[int, int, int]], names: list[tuple[int, int, int]] = ()) -> tuple:
    """(label, party) for each chat speaker label whose lines hold the listed identifiers (case
    reference, postcode, date of birth...) of one party only: "You: case CMS-2026-051177" makes
    "You" that party in the whole transcript. ``id_spans``: (start, end, party position).
    (Round 22) A label whose speaker names themselves ("CALLER: Yeah it's X.", ``names``: the listed parties'
    name spans) is that party, even when its lines also give someone else's identifiers (the other parent's car,
    asked for); never when its lines name two parties that way, or its identifiers are one other party's only."""
    if not (id_spans or names) or ":" not in text:
        return ()
    seen: dict[str, set] = {}
    intro: dict[str, set] = {}
    for m in _LABEL_LINE.finditer(text):
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        label = m.group("label").lower()
        for a, b, pos in id_spans:
            if m.end() <= a and b <= le:
                seen.setdefault(label, set()).add(pos)
        for a, b, pos in names:
            if m.end() <= a and b <= le and _SELF_INTRO.search(text, m.end() - 1, a) and _INTRO_END.match(text, b):
                intro.setdefault(label, set()).add(pos)
    out = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    for k, v in intro.items():
        if len(v) == 1:
            who = next(iter(v))
            if k in out and out[k] != who:
                del out[k]  # the label's identifiers and its self-introduction disagree: nobody
            elif k not in out and len(seen.get(k, ())) != 1:
                out[k] = who
        else:
            out.pop(k, None)
    return tuple(out.items())


def _label_speaker_owner(text: str, ls: int, doc: "DocParties"):
    p = SPEAKER_PREFIX.match(text, ls).end()
    m = LABEL_SPEAKER.match(text, p)
    if m is None:
        return _NO_HEADER
    label = m.group("label").lower()
    for k, pos in doc.speakers:
        if k == label:
            return pos
    if label == "me" and doc.device is not None:
        return doc.device
    return _NO_HEADER


# ownership said after the value in the first person: "a car LB68 WXN thats mine not his"
NOT_MINE_AFTER = re.compile(
    r"(?i)[ \t]*[.,;)]?[ \t]*(?:(?:it|that|which)['’]?s[ \t]+|(?:it|that|which)[ \t]+is[ \t]+|is[ \t]+)?(?:not|no[ \t]+longer|isn['’]?t|nt)[ \t]+mine\b")
MINE_AFTER = re.compile(r"(?i)[ \t]*[,)]?[ \t]*(?:(?:that|it|which)['’]?s|(?:that|it|which)[ \t]+is|is)[ \t]+(?:all[ \t]+)?mine\b")


# "WITNESS STATEMENT OF <name>", "Statement by <name>", "I, <name>, of ...": written by that person
AUTHOR_CUE_RE = re.compile(
    r"(?im)^[ \t]*(?:(?:witness[ \t]+|personal[ \t]+|supporting[ \t]+)?statement[ \t]+(?:of|by|from)[ \t]+|"
    r"letter[ \t]+from[ \t]+|I,[ \t]*|(?:note|letter|statement|message|email)[ \t]+(?:written|sent|typed|handed[ \t]+in|submitted)[ \t]+by[ \t]+(?:the[ \t]+)?)"
    r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?"
)
YOUR_DETAILS_RE = re.compile(r"(?im)^[ \t]*(?:(?:section|part|step)[ \t]+\w{1,3}[ \t]*[:.\-–]?[ \t]*|\w{1,2}[.)][ \t]+)?(?:your[ \t]+(?:personal[ \t]+|own[ \t]+|contact[ \t]+)?details|about[ \t]+you)\b[^\n]{0,40}$")
# a chat or transcript line's speaker: "[03/05/2025, 18:16] Tomek: ...", "18:16 - Tomek: ...", "Tomek: ..."
SPEAKER_PREFIX = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?|"
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?)?"
)


# the date-and-time line under a Messenger-style export's sender name ("12 Mar 2026, 19:02")
MESSENGER_TIME_LINE = (
    r"[ \t]*(?:\d{1,2}[ \t]+[A-Za-z]{3,9}[ \t]+\d{4}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|[A-Za-z]{3,9}[ \t]+\d{1,2},?[ \t]+\d{4})"
    r",?[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}[^\n]*\n"
)
_TIME_LINE = re.compile(MESSENGER_TIME_LINE)


def _block_speaker(text: str, before: int, mentions: list[Mention]) -> Mention | None:
    """The speaker of a Messenger-style block: a name alone on a line, the time on the next, then
    the message holding ``before``."""
    start = block_start(text, before, 8)
    le = text.find("\n", start)
    if le < 0 or le >= before or not _TIME_LINE.match(text, le + 1):
        return None
    for x in mentions:
        if start <= x.start and x.end <= le and not text[start:x.start].strip() and not text[x.end:le].strip():
            return x
    return None


def _sender_slot(text: str, s: int, e: int) -> bool:
    """Is the value at ``s``..``e`` a chat line's sender, after the line's date and time ("[14/03/2025, 21:30] +44 7700
    900 123: ...", "21:30 - 07700 900123: ...")? An export shows an unsaved contact by number: the number is the
    sender's, whatever the earlier messages said."""
    ls = text.rfind("\n", 0, s) + 1
    return s > ls and SPEAKER_PREFIX.match(text, ls).end() == s and any(c.isdigit() for c in text[ls:s]) \
        and _SENDER_COLON.match(text, e) is not None


_SENDER_COLON = re.compile(r"[ \t]*:")


def _speaker(text: str, line_start: int, before: int, mentions: list[Mention]) -> Mention | None:
    """The mention that opens a chat line as its speaker ("Tomek: send it to my account")."""
    p = SPEAKER_PREFIX.match(text, line_start).end()
    for x in mentions:
        if x.start == p and x.end <= before:
            # "Tomek: ...", also with the time (and date) after the name: "Jess 18:02: ...",
            # "Sophie Turnbull 02/11/2026 21:18: ..."
            if _SPEAKER_TAIL.match(text, x.end):
                return x
            # (round 25R) a label of several words the party matcher found apart, as a chat system shows the name a
            # customer typed ("jo smith:", "jo s.:"): more of the same party's name words, or one initial, then the tail
            end = x.end
            ini = _SPEAKER_INITIAL.match(text, end)
            if ini is not None:
                end = ini.end()
            else:
                gm = _SPEAKER_GAP.match(text, end)
                nxt = next((y for y in mentions if y.start == gm.end() and y.pos == x.pos and y.pos is not None
                            and not y.possessive and y.end <= before), None) if gm is not None else None
                if nxt is None:
                    return None
                end = nxt.end
            return x if end <= before and _SPEAKER_TAIL.match(text, end) else None
    return None


_SPEAKER_GAP = re.compile(r"[ \t]{1,2}")
_SPEAKER_INITIAL = re.compile(r"[ \t]{1,2}[^\W\d_]\.?(?=[ \t]*:)")


_SPEAKER_TAIL = re.compile(
    r"[ \t]*(?:(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|\[[^\]\n]{1,40}\]|"
    r"\([^)\n]{1,40}\))?[ \t]*:")


# a whole chat line opened by a speaker label, found in one pass
_LABEL_LINE = re.compile(r"(?m)^" + SPEAKER_PREFIX.pattern + LABEL_SPEAKER.pattern.replace("(?i)", "(?i:", 1) + ")")
MESSAGE_HEADER_RE = re.compile(
    r"(?im)^[ \t>]*(?:From:[ \t]*[^\n]*|On[ \t][^\n]{0,120}?wrote:|[^\n]{0,80}<[^\n@>]+@[^\n>]+>[ \t]+wrote:)[ \t]*$"
)
_NO_HEADER = object()


def _message_author(text: str, pos: int, mentions: list[Mention]):
    """The writer named in the nearest message header ("From: ...", "On ..., X wrote:") before
    ``pos`` when the text holds more than one message; ``_NO_HEADER`` when that does not apply."""
    heads = list(MESSAGE_HEADER_RE.finditer(text, 0, pos))
    if len(heads) < 2 and not (heads and heads[-1].start() > 0 and "wrote:" in heads[-1].group(0)):
        return _NO_HEADER  # one message: the document's author rules apply
    h = heads[-1]
    named = [x for x in mentions if h.start() <= x.start and x.end <= h.end()]
    if not named:
        return _NO_HEADER
    return min(named, key=lambda x: x.start).pos


# a message log's header line: "3 March 2026  11:02   You wrote:", "... Case manager wrote:"
_WROTE_LINE = re.compile(r"(?im)^[^\n]{0,80}?(?P<you>\byou[ \t]+)?(?:wrote|said|posted|replied)[ \t]*:[ \t]*$")


def _you_wrote_owner(text: str, pos: int, doc: "DocParties"):
    """In a message log (an online journal or portal printed from one person's account), the message
    holding ``pos`` under a "You wrote:" header is the account holder's: the person the document is addressed
    to, or else the one it is about (its "Claimant: X"). ``_NO_HEADER`` when that does not apply."""
    if "wrote:" not in text and "said:" not in text:
        return _NO_HEADER
    last = None
    for m in _WROTE_LINE.finditer(text, max(0, pos - 3000), pos):
        last = m
    if last is None or last.group("you") is None:
        return _NO_HEADER
    who = doc.addressee if doc.addressee is not None else doc.subject
    return _NO_HEADER if who is None else who


def _after_signoff(text: str, pos: int) -> bool:
    """Is ``pos`` well after a letter's sign-off (a reply or note written on it by its recipient)?"""
    last = None
    for m in SIGNOFF_RE.finditer(text, 0, pos):
        last = m
    return last is not None and text.count("\n", last.end(), pos) >= 4


def _lines_above(text: str, ls: int, limit: int):
    """The lines above the one that starts at ``ls``, nearest first, at most ``limit`` of them and none before the
    text's start: (the line's start, the line without its newline). The walks up a table's or a form's rows use it,
    each with its own stop rules."""
    start = ls
    for _ in range(limit):
        if start == 0:
            return
        prev = text.rfind("\n", 0, start - 1) + 1
        yield prev, text[prev:start - 1]
        start = prev


def block_start(text: str, s: int, max_lines: int = RECORD_LINES - 1) -> int:
    """Start of the run of lines (no blank line) holding ``s``, going at most ``max_lines``
    lines back (by default a record of RECORD_LINES lines)."""
    start = text.rfind("\n", 0, s) + 1
    for _ in range(max_lines):
        if start == 0:
            break
        prev = text.rfind("\n", 0, start - 1) + 1
        if not text[prev:start - 1].strip():
            break
        start = prev
    return start


# ownership stated after the value: "a Ford Fiesta FG18 KLM, is our client's own car",
# "KX19 LMN, which is registered to Mr Nowak"
AFTER_OWNER = re.compile(
    r"[ \t]*[,)]?[ \t]*(?:which[ \t]+|that[ \t]+|it[ \t]+)?(?:(?:is|are|was|were)[ \t]+(?:now[ \t]+|still[ \t]+)?"
    r"(?:(?:registered|owned|used|held|kept)[ \t]+(?P<by>to|by)[ \t]+|(?P<in>in|under)[ \t]+(?:the[ \t]+name[ \t]+of[ \t]+)?)?|"
    r"(?P<belongs>belongs|belonged)[ \t]+to[ \t]+)"
    r"(?:the[ \t]+|our[ \t]+|my[ \t]+|your[ \t]+)?(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?",
    re.I,  # ("registered to Mrs Grace Okafor": the title in capitals)
)
# "(sort code ..., account ...), which Mr Pugh now holds alone"
AFTER_HOLDER = re.compile(r"[ \t]*[,)]*[ \t]*,?[ \t]*(?:which|that)[ \t]+(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?", re.I)
# "LR68 KVA (the RP's car)", "30561122 (Mr Wong's account)"
AFTER_PAREN_OWNER = re.compile(r"[ \t]*\([ \t]*(?:the[ \t]+|our[ \t]+)?(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?", re.I)
# "LR68 KVA (registered keeper: Grace OKAFOR)", "BV67 OTH, registered keeper Shanice BROWN"
# (round 20) and a card's holder after its expiry: "Visa debit 4312 ... exp 09/27, cardholder LORRAINE A SMITH"
AFTER_KEEPER = re.compile(
    r"(?:[ \t]+(?:exp(?:iry|ires)?|valid[ \t]+to)\.?[ \t]*:?[ \t]*\d{2}[ \t]*/[ \t]*\d{2}(?:\d{2})?)?"
    r"[ \t]*[,(][ \t]*(?:registered[ \t]+keeper|keeper|registered[ \t]+owner|owner|account[ \t]+holder|card[ \t]?holder|"
    r"name[ \t]+on[ \t]+(?:the[ \t]+)?card|(?-i:RK))[ \t]*[:\-]?[ \t]*"
    r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?", re.I)
# "LR68 KVA, which is Mrs Grace Okafor's, and ...": the possessive ends the clause
_POSSESSIVE_CLAUSE_END = re.compile(r"['’]s\b[ \t]*(?:[,.;:)]|$|and\b|not\b)", re.I | re.M)
HOLDER_VERB = re.compile(r"[ \t]+(?:now[ \t]+|still[ \t]+)?(?:holds|owns|uses|has|drives|runs|kept|keeps|took|has[ \t]+kept)\b")
NAME_AFTER = re.compile(r"['’]s[ \t]+(?:sole[ \t]+|own[ \t]+)?name\b")


# the same said after a short phrase about where the value was seen: "the Honda Jazz MX66 FBO seen at
# the restaurant belongs to our client", "LK67 RZT, parked outside, is registered to Mr X"
AFTER_OWNER_GAP = re.compile(
    r"[ \t]*,?[ \t]*(?:seen|parked|used|kept|photographed|left|found|noted|spotted|driven|mentioned|listed|shown|recorded)\b"
    r"[^,.;:()\n]{0,40}?[ \t]*,?[ \t]+(?:which[ \t]+|that[ \t]+|it[ \t]+)?(?:(?:is|was)[ \t]+(?:registered|owned)[ \t]+(?:to|by)|"
    r"belongs[ \t]+to|belonged[ \t]+to)[ \t]+(?:the[ \t]+|our[ \t]+|my[ \t]+|your[ \t]+)?(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?",
    re.I,
)


def owner_after(text: str, e: int, mentions: list[Mention]) -> Mention | None:
    """The mention that ownership stated right after a value names ("..., is now in Mrs X's name")."""
    return _owner_after(text, e, mentions)


# between a named possessive and the value: a sentence's end, another number, another person's word ("Kemi's own
# mobile is 07700 900519. My number's still 07700 900402": the second is not Kemi's)
_OTHER_BETWEEN = re.compile(r"[.!?;][ \t\n]|\d{3}|(?i:\b(?:my|mine|your|yours|his|her|their|our|I)\b)")


def stated_owner(text: str, s: int, e: int, mentions: list[Mention]) -> Mention | None:
    """The mention the value's own words name as its owner, and nothing weaker: ownership stated right
    after it ("..., is now in Mrs X's name"), a named possessive right before it with nobody named between
    ("Mrs Subramaniam's landline, 0116 ..."), or the name it is in brackets after ("to Mrs X (sort code ...)")."""
    after = _owner_after(text, e, mentions)
    if after is not None:
        return after
    base = max(0, s - 110)
    near = None
    for x in mentions:
        if x.possessive and base <= x.start and x.end <= s and (near is None or x.end > near.end):
            near = x
    if near is not None and (NAMED_POSSESSIVE_CUE.match(text, near.end, s) or NAMED_PAY_CUE.match(text, near.end, s)) \
            and not any(near.end <= x.start and x.end <= s for x in mentions) and not KIN_POSSESSIVE_CUE.search(text, near.start, s) \
            and not _OTHER_BETWEEN.search(text, near.end, s):
        return near
    pb = _PAREN_AFTER_NAME.search(text, max(0, s - 60), s)
    if pb is not None:
        for x in mentions:
            if x.end == pb.start() and not x.possessive:
                return x
    return None


def _owner_after(text: str, e: int, mentions: list[Mention]) -> Mention | None:
    g = AFTER_OWNER_GAP.match(text, e)
    if g is not None:
        for x in mentions:
            if x.start == g.end() and not x.possessive:
                return x
    m = AFTER_OWNER.match(text, e)
    if m is not None:
        for x in mentions:
            if x.start == m.end():
                if m.group("by") or m.group("belongs") or (x.possessive and (
                        POSSESSIVE_ID_AFTER.match(text, x.end) or (m.group("in") and NAME_AFTER.match(text, x.end)))):
                    return x
                if m.group("in") and not x.possessive and text[m.start("in") - 1:m.end()].lower().rstrip().endswith("of"):
                    return x  # "in the name of Mr Pugh"
                if x.possessive and not m.group("in") and re.search(r"(?i)\b(?:is|was)\b", text[m.start():m.end()]) \
                        and _POSSESSIVE_CLAUSE_END.match(text, x.end):
                    return x  # "LR68 KVA, which is Mrs Grace Okafor's, and ..."
    km = AFTER_KEEPER.match(text, e)
    if km is not None:
        for x in mentions:
            if x.start == km.end() and not x.possessive:
                return x
    pm = AFTER_PAREN_OWNER.match(text, e)
    if pm is not None:
        for x in mentions:
            if x.start == pm.end() and x.possessive and POSSESSIVE_ID_AFTER.match(text, x.end):
                return x  # "LR68 KVA (the RP's car)"
    h = AFTER_HOLDER.match(text, e)
    if h is not None:
        for x in mentions:
            if x.start == h.end() and not x.possessive and HOLDER_VERB.match(text, x.end):
                return x
    return None


# "KY18 WKP is now registered to you", "(sort code ...), which is in your sole name": the addressee's
AFTER_YOU = re.compile(
    r"(?i)[ \t]*[,)]?[ \t]*(?:which[ \t]+|that[ \t]+|it[ \t]+)?(?:(?:is|are|was|were)[ \t]+(?:now[ \t]+|still[ \t]+)?"
    r"(?:(?:registered|owned|held)[ \t]+(?:to|by)[ \t]+you|in[ \t]+your[ \t]+(?:sole[ \t]+|own[ \t]+)?name|yours)|"
    r"belongs[ \t]+to[ \t]+you)\b"
    # "The Ford Focus LD19 XKT that you drive remains registered to our client": the one the reader drives
    r"|(?i:[ \t]*,?[ \t]*(?:that|which)[ \t]+you[ \t]+(?:now[ \t]+|still[ \t]+|currently[ \t]+|usually[ \t]+)?"
    r"(?:drive|use|own|hold|keep)\b(?![ \t]+(?:to|for|with|on)\b))")


# (round 25T) a "he"/"she" said to have, drive or buy a vehicle (or to have a new phone) before a value on its line: "he also has a car now, a
# black Golf <reg>", "hes just bought a new van, its parked outside. <reg>", "she drives a white transit <reg>"
_THIRD_VEHICLE = re.compile(
    r"(?i)\b(?P<p>he|she)(?:['’]?s|[ \t]+(?:has|had|is|was))?[ \t]+(?:(?:also|just|now|still|recently|got|been)[ \t]+){0,2}"
    r"(?:has|had|have|got|drives|drove|driving|owns|owned|bought|buys|buying|uses|using|hired|leased|gave|given)\b[^.!?\n]{0,40}?"
    r"\b(?:car|van|vehicle|motorbike|motorcycle|lorry|truck|transit|pick-?up|taxi|4x4|suv|"
    # (and a phone he or she has: "and he has a new phone, 07700 ...", "he gave the office a new mobile, 07700 ...")
    r"(?:new|other|second|different|work)[ \t]+(?:phone|mobile|mob|number|no\.?))(?![\w])")
_FIRST_PERSON_AFTER = re.compile(r"\b(?:I|my|My|me|mine|Mine|you|your|Your)\b")


def owner_of(text: str, s: int, mentions: list[Mention], doc: DocParties, genders: list[str | None],
             e: int | None = None, why: list | None = None) -> int | None | str:
    """The party position owning the value at ``s`` (0 = requester), None for an unknown
    person, or ``"none"`` when nothing says whose it is. ``why`` (round 21), when given, receives "nearest" when
    the answer is only the person named nearest before the value on its line (weak evidence: the case-level step
    lets a labelled row or a stated owner elsewhere outweigh it)."""
    if e is not None and _sender_slot(text, s, e):
        return None  # "14/03/2025, 21:30 - +44 7700 ...: This is X": a chat's sender shown by number, not a cue's owner
    if e is not None:
        after = _owner_after(text, e, mentions)
        if after is not None:
            return after.pos
        if doc.addressee is not None and AFTER_YOU.match(text, e) and _speaker(text, text.rfind("\n", 0, s) + 1, s, mentions) is None:
            return doc.addressee
        if NOT_MINE_AFTER.match(text, e):
            return None  # "the CE19 KXA. not mine now": someone else's, not the writer's
        if MINE_AFTER.match(text, e):
            ls = text.rfind("\n", 0, s) + 1
            sp = _speaker(text, ls, s, mentions)
            if sp is not None:
                return sp.pos
            who = _label_speaker_owner(text, ls, doc)
            if who is not _NO_HEADER:
                return who
            hdr = _message_author(text, s, mentions)
            if hdr is not _NO_HEADER:
                return hdr
            if doc.author is not None:
                return doc.author
    window = text[max(0, s - 110): s]
    base = s - len(window)
    vm = _THIRD_VEHICLE.search(text, max(text.rfind("\n", 0, s) + 1, s - 110), s)
    if vm is not None and not _FIRST_PERSON_AFTER.search(text, vm.end("p"), s) and not any(
            vm.start() <= x.start and x.end <= s for x in mentions):
        # (round 25T) "I think he also has a car now, a black Golf <reg>", "mandy: hes just bought a van ... <reg>":
        # the vehicle of the "he"/"she" who has it, not the writer's or the chat line's speaker's
        want = "M" if vm.group("p").lower() == "he" else "F"
        spk = _speaker(text, text.rfind("\n", 0, s) + 1, s, mentions)
        for near in sorted((x for x in mentions if max(0, vm.start() - 400) <= x.start and x.end <= vm.start()
                            and x is not spk), key=lambda x: -x.end):
            if near.possessive or near.pos is None:
                break
            g = genders[near.pos]
            if g == want:
                return near.pos
            if g is None:
                break
        return "none"  # (nobody of that gender named before: redacted, and the reviewer checks whose it is)
    cue = None
    role = _role_row_owner(text, s, mentions, doc)
    if role is _NO_HEADER:
        role = _role_column_owner(text, s, mentions, doc)
    if role is _NO_HEADER:
        role = _csv_column_owner(text, s, mentions, doc)
    if role is _NO_HEADER:
        role = _payment_cell_owner(text, s, mentions)
    if role is not _NO_HEADER:
        return role
    pb = _PAREN_AFTER_NAME.search(text, max(0, s - 60), s)
    if pb is not None:
        for x in mentions:
            if x.end == pb.start() and not x.possessive and x.pos is not None:
                return x.pos  # "Standing orders you set up to Mrs Hussain (sort code 40-11-62, ...)": hers
    pair = _PAIRED_AFTER_SORT_CODE.search(text, max(0, s - 70), s) or _PAIRED_AFTER_SLASH.search(text, max(0, s - 40), s)
    if pair is not None and not any(pair.start() <= x.start < s for x in mentions):
        got = owner_of(text, pair.start("sc"), mentions, doc, genders, pair.end("sc"), why)
        if got != "none":
            return got
    payer = PAYER_CARD_CUE.search(window)
    if payer is not None and not any(base + payer.start() <= x.start and x.end <= s for x in mentions):
        cue = payer  # "I pay her by card 5249 ...": the payer's card, not hers
    for rx in (() if cue is not None else (POSSESSIVE_CUE, YOU_CUE, MINE_CUE, HERS_CUE, NHS_PATIENT_CUE, PAY_CUE)):
        m = rx.search(window)
        while m is not None:  # the last cue before the value, not the first ("my card ... Liban. My mobile")
            nxt = rx.search(window, m.start() + 1)
            if nxt is None:
                break
            m = nxt
        if m and (cue is None or m.start() > cue.start()):
            cue = m
    kin = KIN_POSSESSIVE_CUE.search(window)
    if kin is not None and (cue is None or kin.start() >= cue.start()) and not any(
            base + kin.start() <= x.start and x.end <= s for x in mentions):
        return None  # "please stop paying into my brother's account (30561122)": the brother's
    if _REACH_KIN_ON.search(window) is not None:
        return None  # "stops contacting his wife directly on 07700 ...": the number of the relative reached on it
    if cue is not None:
        cue_start = base + cue.start()
        between = [x for x in mentions if cue_start <= x.start and x.end <= s]
        if not between:
            pro = (cue.groupdict().get("pro") or "your").lower()
            if pro in ("my", "mine", "i"):
                ls = text.rfind("\n", 0, cue_start) + 1
                sp = _speaker(text, ls, cue_start, mentions) or _block_speaker(text, cue_start, mentions)
                if sp is not None:
                    return sp.pos  # the chat line's speaker
                who = _label_speaker_owner(text, ls, doc)
                if who is not _NO_HEADER:
                    return who  # "Me: send it to my account": the exporting phone's owner; "You:" identified
                hdr = _message_author(text, cue_start, mentions)
                if hdr is not _NO_HEADER:
                    return hdr  # in an email chain: the writer of the message the cue is in
                hdr = _you_wrote_owner(text, cue_start, doc)
                if hdr is not _NO_HEADER:
                    return hdr  # "You wrote:" in a journal printed from the holder's account: the holder
                if doc.author != 0 and doc.addressee is not None and _after_signoff(text, cue_start):
                    return doc.addressee  # the recipient's reply written under the letter
                return doc.author
            if pro == "your":
                ls = text.rfind("\n", 0, cue_start) + 1
                sp = _speaker(text, ls, cue_start, mentions) or _block_speaker(text, cue_start, mentions)
                if sp is not None:
                    other = _chat_partner(text, sp, mentions)
                    if other is not _NO_HEADER:
                        return other  # "Nadia: your car was outside my house": the other one of a two-person chat
                return doc.addressee
            return _third_pronoun_owner(text, cue_start, pro, mentions, doc, genders)
        # someone else is mentioned after the possessive: fall through to the line rule
    if doc.subject is not None:
        um = UNBOUND_ROLE_POSSESSIVE_CUE.search(window)
        if um is not None and not any(base + um.start() <= x.start and x.end <= s for x in mentions):
            return doc.subject
    # a named possessive: "our client's own\naccount, sort code ...", "Mr Nowak's bank details: ..."
    near = None
    for x in mentions:
        if x.possessive and base <= x.start and x.end <= s and (near is None or x.end > near.end):
            near = x
    if near is not None and (NAMED_POSSESSIVE_CUE.match(text, near.end, s) or NAMED_PAY_CUE.match(text, near.end, s)) and not any(
            near.end <= x.start and x.end <= s for x in mentions):
        return near.pos
    line_start = text.rfind("\n", 0, s) + 1
    # (not a bank's or card brand's name taken for an unknown person: "paying by DD from Clydesdale acct ...")
    on_line = [x for x in mentions if line_start <= x.start and x.end <= s
               and not (x.pos is None and _BRAND_BEFORE_ACCOUNT.match(text, x.end))]
    sent = line_start
    for m in SENTENCE_END.finditer(text, line_start, s):
        sent = m.end()
    if not on_line and sent == line_start and _WRAPPED_LIST.search(text, max(0, line_start - 3), line_start):
        # a list of one person's details that runs on from the line before: "Her details as held: Ann Roe,
        # date of birth 14/02/1989,\nNI ..., mobile ..., car AF21 PLU." (the name, a comma, then short items only)
        pls = text.rfind("\n", 0, line_start - 1) + 1
        for x in mentions:
            if pls <= x.start and x.end < line_start and x.pos is not None and not x.possessive \
                    and text.startswith(",", x.end) and not _NOT_A_LIST.search(text, x.end, s):
                on_line, sent, line_start = [x], x.start, x.start
    if not on_line and sent == line_start and line_start > 0:
        # (round 20) a sentence of prose wrapped onto the value's line: the nearest person before the value in
        # it, as on one line ("The appellant travels by car\n(registration BN68 TXR) to collect ...")
        ws = _wrapped_sentence_start(text, s)
        if ws < line_start and not _COLON_ROW.match(text, line_start) and _prose_lines(text, ws, line_start):
            prior = [x for x in mentions if ws <= x.start and x.end <= line_start
                     and not (x.pos is None and _BRAND_BEFORE_ACCOUNT.match(text, x.end))]
            near = max(prior, key=lambda x: x.end) if prior else None
            if near is not None and not _WRAP_OTHER.search(text, near.end, s) and not _WRAP_OTHER_AFTER.match(text, e or s):
                # (not when anyone else is spoken of between the person and the value, "my mum's ... +63 ...", nor when
                # the value's own words go on to say whose it is: "MA70 TZR - this is the receiving parent's car")
                on_line, sent, line_start = prior, ws, ws
    ind = _INDENT.match(text, line_start) if not on_line and e is not None and sent == line_start and line_start > 0 else None
    if ind is not None and ind.end() == s and not text[e:(text.find("\n", e) + 1 or len(text) + 1) - 1].strip():
        # (round 20) a value alone on an indented line under a row naming one person: the row's second line (a
        # statement's "TRANSFER TO R NOWAK" over the payee's account number) is that person's
        pls = text.rfind("\n", 0, line_start - 1) + 1
        above = [x for x in mentions if pls <= x.start and x.end < line_start]
        if len(above) == 1 and not above[0].possessive and text[pls:line_start - 1].strip() \
                and not _ROW_SENTENCE_STOP.search(text, above[0].end, line_start - 1):
            return above[0].pos
    if not any(sent <= x.start for x in on_line):
        # nobody named in the value's own sentence: "Gethin took the car. I now drive a Kia, CU19 HKE."
        if _sentence_starts_at(text, sent, line_start) and FIRST_PERSON_WORD.search(text, sent, s):
            # (round 24T) in a chain of messages the "I" is the writer of the message it is in (a witness's email
            # forwarded by the requester: "I can be contacted on 07700 ..." is the witness's), as for "my" above
            hdr = _message_author(text, s, mentions)
            if hdr is not _NO_HEADER:
                return hdr
            return doc.author if doc.author is not None else "none"
        ym = _YOU_SUBJECT.search(text, sent, s)
        if ym is not None and doc.addressee is not None and not _OTHER_PERSON_IN_SENTENCE.search(text, sent, s):
            return doc.addressee  # "You told us you now drive a Ford Focus, LR68 KVA" in a letter to X: X's
        pm = SUBJECT_PRONOUN.search(text, sent, s)
        if pm is not None:
            # "He has a new van (LK67 RZT)": the nearest person before the sentence of that gender
            want = "M" if pm.group(1).lower() == "he" else "F"
            rs = max(0, sent - 400)  # (the pronoun may refer back across a paragraph break)
            for near in sorted((x for x in mentions if rs <= x.start and x.end <= sent), key=lambda x: -x.end):
                if near.possessive or near.pos is None:
                    break
                g = genders[near.pos]
                if g == want:
                    return near.pos
                if g is None:
                    break
    if sent > line_start and any(sent <= x.start for x in on_line):
        on_line = [x for x in on_line if x.start >= sent]
    elif sent > line_start and on_line and _OTHER_IN_SENTENCE.search(
            _CONTRACTION.sub("", text[sent:_sentence_end(text, e if e is not None else s)])):
        # (round 24R) the value's own sentence names nobody but speaks of someone else (a relative, a landlord, a
        # lodger, someone's; before the value or after it: "07700 900274 - friend's mobile"): a person named only in an
        # earlier sentence of the line is not its owner by being named nearest ("Spoke PP on 07700 900588. Gave
        # lodger's no. 07700 900631 as alt contact", "Call from X. Alt contact: landlord, mob ..."). Only a chat line's speaker still is, as before; and a "sentence end" inside
        # the person's name is an initial ("Re: Tendai R. Moyo ...")
        sp = _speaker(text, line_start, s, mentions)
        brk = max(text.rfind(".", line_start, sent), text.rfind("!", line_start, sent), text.rfind("?", line_start, sent))
        on_line = [x for x in on_line if (sp is not None and x.start == sp.start) or x.end > brk]
    if on_line:
        on_line = [x for x in on_line if not _source_mention(text, x)]
    if on_line:
        near = max(on_line, key=lambda x: x.end)
        if near.possessive and not POSSESSIVE_ID_AFTER.match(text, near.end):
            return None
        rm = _REPORTED_PRONOUN.match(text, near.end, s) if near.pos is not None else None
        if rm is not None and genders[near.pos] is not None and genders[near.pos] != (
                "M" if rm.group(1).lower() == "he" else "F"):
            # (round 22) "RP says he drives for a courier firm, van reg YD19 KHV": the reporter is not the "he"; the
            # nearest person of his gender before the sentence is
            want = "M" if rm.group(1).lower() == "he" else "F"
            for x in sorted((x for x in mentions if max(0, sent - 400) <= x.start and x.end <= near.start),
                            key=lambda x: -x.end):
                if x.pos is not None and not x.possessive and genders[x.pos] == want:
                    return x.pos
        if _I_SUBJECT.search(text, near.end, s):
            sp = _speaker(text, text.rfind("\n", 0, s) + 1, s, mentions)
            if sp is not None and sp.start == near.start and not near.possessive:
                return near.pos  # (round 22) "rui carvalho: ... I uploaded passport 548...": the chat line's speaker
            return "none"  # (round 21) "I told Lewis ... that I had moved to sort code ...": not the person named
        if why is not None:
            why.append("nearest")
        return near.pos
    who = _pronoun_owner(text, s, mentions, genders)
    if who is not _NO_HEADER:
        return who
    who = _form_row_owner(text, s, mentions)
    if who is not _NO_HEADER:
        return who
    who = _named_block_owner(text, s, mentions, genders)
    if who is not _NO_HEADER:
        return who
    if doc.addressee is not None:
        who = _your_block_owner(text, s, mentions, doc)
        if who is not _NO_HEADER:
            return who
    return "none"


# (round 24R) someone other than a person named in the sentence: a relative or contact, a role, a possessive
_OTHER_IN_SENTENCE = re.compile(r"(?i)\b(?:" + KIN + r"|lodger|tenant|colleague|manager|carer|solicitor)s?\b|\w['’]s\b")


def _sentence_end(text: str, s: int) -> int:
    """Where the sentence holding ``s`` ends on its line (the next sentence end, else the line's end)."""
    le = text.find("\n", s)
    le = len(text) if le < 0 else le
    m = SENTENCE_END.search(text, s, le)
    return m.start() + 1 if m is not None else le


_KIN_WORD = re.compile(r"(?i)\b" + KIN + r"\b")
# the writer as the subject of a clause ("that I had moved to", "I've since switched to")
_I_SUBJECT = re.compile(r"\bI\b")


_INDENT = re.compile(r"[ \t]{2,}")
_WRAP_OTHER = re.compile(r"[:;]|(?i:\b(?:I|me|my|mine|you|your|he|his|him|she|her|they|their|them)\b)|['’]s\b|(?i:\b" + KIN + r"s?\b)")
_WRAP_OTHER_AFTER = re.compile(r"[^.!?\n]{0,60}?(?:['’]s\b|(?i:\b(?:belongs?|registered|owned|his|hers?|theirs?|mine|yours)\b))")
_PROSE_WORDS = re.compile(r"(?:[A-Za-z'’\-]+[ \t]+){5}")


def _prose_lines(text: str, a: int, b: int) -> bool:
    """Are the lines from ``a`` up to ``b`` wrapped prose, not a form's or a table's rows ("Name: X", cells two
    spaces apart): each holds five words in a row and no row label at its start?"""
    for line in text[text.rfind("\n", 0, a) + 1:b].split("\n"):
        if not line.strip():
            continue
        if _COLON_ROW.match(line) or "\t" in line or "   " in line.strip() or not _PROSE_WORDS.search(line):
            return False
    return True


# (round 21) a possessive of a thing, not of a person ("The appellant's gross weekly income was ... His later change
# of bank account"): the possessor is the person a later "his"/"her" may mean; not a relative, partner or anyone else
# the possessive names ("his mother's", "Mr X's solicitor", "her friend's")
_PERSON_NOUN = (KIN + r"|solicitor|lawyer|barrister|representative|adviser|advisor|advocate|agent|colleague|client|carer|"
                r"supporter|witness|child|children|kids?|baby|family|household|employee|staff|manager|officer|worker|tenant|"
                r"lodger|guest|visitor|people|person|someone|parent|relatives?|ex")
_POSSESSIVE_THING = re.compile(r"(?i)['’]s?[ \t]+(?!(?:[a-z\-]+[ \t]+){0,2}?(?:" + _PERSON_NOUN + r")s?\b)[a-z]")


def _third_pronoun_owner(text: str, cue_start: int, pro: str, mentions: list[Mention], doc: DocParties,
                         genders: list[str | None], subject_fallback: bool = False) -> int | None:
    """Whom "his"/"her"/"their" at ``cue_start`` means: the nearest person before the possessive, within the record."""
    rs = block_start(text, cue_start)
    # (never the chat line's own speaker, who says "my": "mandy: ... his car is ..." is not hers)
    spk = _speaker(text, text.rfind("\n", 0, cue_start) + 1, cue_start, mentions)
    before = [x for x in mentions if rs <= x.start and x.end <= cue_start and x is not spk]
    want = {"his": "M", "her": "F", "hers": "F"}.get(pro)  # "their", "theirs": either
    if not before and doc.subject is not None and (want is None or genders[doc.subject] == want):
        return doc.subject  # no one named in the paragraph: the person the letter is about
    # the nearest person before it whose gender agrees, passing over listed parties of the
    # other gender ("Mr Pugh now holds it. She confirmed her car is ..."); an unknown person
    # or a possessive ("his mother's") in the way means someone else
    for near in sorted(before, key=lambda x: -x.end):
        # (but "Our client's details. ... His vehicle is ...": a possessive of the person's own details
        # or things is that person, not a relative of theirs)
        if near.pos is None or (near.possessive and not POSSESSIVE_ID_AFTER.match(text, near.end)
                                and not _POSSESSIVE_THING.match(text, near.end)):
            return None
        g = genders[near.pos]
        if g == want or want is None:
            return near.pos
        if g is None:
            return None
    if subject_fallback and want is not None and doc.subject is not None and genders[doc.subject] == want \
            and not _KIN_WORD.search(text, rs, cue_start):
        # (round 20) only listed parties of the other gender named in the paragraph ("the receiving parent,
        # Ms Owusu, ... his previous flat" in a letter about Mr Asante): the person the letter is about, unless a
        # relative or partner no name is given for is spoken of ("she lives with a new partner and his flat ...")
        return doc.subject
    return None


# a block of rows introduced by a line said to the reader: "Your wages will continue to be paid to:",
# "We will pay your Child Benefit into the account you told us about:", "Your bank details"
_YOU_WORD = re.compile(r"(?i)\byou(?:r|rs)?\b")
# ... as the rows' owner: "your", or "you" with an own thing named ("the account you told us about:"), not
# only the reader as informant ("Please check the details you gave us:" may be about the other parent)
_YOUR_OWN = re.compile(r"(?i)\byours?\b|\byou\b(?=.*\b(?:account|a/c|bank|card|car|vehicle|van|passport|licence|nhs|iban)\b)"
                       r"|\b(?:account|a/c|bank|card|car|vehicle|van|passport|licence|nhs|iban)\b.*\byou\b")
# a letter's "Your ref: ..." line with its value is one of the heading's rows ("Your ref / Our ref / Direct
# line / Email"), not a line introducing the rows below it as the reader's
_YOUR_REF_ROW = re.compile(r"(?i)[ \t|]*your[ \t]+(?:case[ \t]+)?ref(?:erence)?\.?(?:[ \t]+(?:no|number)\.?)?(?:[ \t]*[:|][ \t]*|[ \t]+)[^\s:|]")
# ... nor says money is taken from the account ("We will collect your maintenance from:" in a letter to
# the receiving parent is the paying parent's account)
_HEADER_OTHER = re.compile(r"(?i)['’]s\b|\b(?:his|her|their|him|them|other|collect(?:s|ed|ing)?|take[ns]?|taking|deduct(?:s|ed|ing)?|"
                           r"recover(?:s|ed|ing)?|debit(?:s|ed|ing)?|charge[sd]?)\b|\bfrom[ \t]*:?[ \t]*$")
# the letter says the reader keeps the vehicle: a "Vehicle registration:" row in it is the reader's
_VEHICLE_YOURS = re.compile(
    r"(?i)\byou[ \t]+(?:are[ \t]+(?:now[ \t]+|still[ \t]+)?|as[ \t]+)(?:the[ \t]+|its[ \t]+)?(?:registered[ \t]+)?(?:keeper|owner)\b|"
    r"\b(?:registered|belongs)[ \t]+to[ \t]+you\b|\byour[ \t]+(?:own[ \t]+)?(?:vehicle|car|van|motorcycle)\b")
_VEHICLE_ROW = re.compile(r"(?i)[ \t|]*(?:vehicle|car|van|motorcycle|registration|reg(?:\.|istration)?[ \t]+(?:no|number|mark)|vrm)\b")


_COLON_ROW = re.compile(r"[ \t|]*[A-Za-z][A-Za-z /()'’\-]{0,30}?[ \t]*:[ \t]+\S")


def _block_header(text: str, s: int, mentions: list[Mention], is_row, past_blank: bool):
    """Walk up from the form row holding ``s`` over the rows of its block (``is_row(text, prev, start,
    line)`` says a line is one), at most 8 lines, to the line introducing them. None when ``s`` is not
    on a form row or the rows run up to the text's start; else (ls, start, prev, line): ``ls`` the start
    of s's line, ``start`` of the block's top row, and its header ``line`` from ``prev``, or line None
    when the block has no header (a blank line, a sentence above it, or 8 rows). With ``past_blank``, a
    blank line under a line ending with a colon is looked past: "... is in your sole name:\n\n  Sort code: ..."."""
    ls = text.rfind("\n", 0, s) + 1
    if not _is_form_row(text, ls, s, mentions):
        return None
    start = ls
    for _ in range(8):
        if start == 0:
            return None
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev:start - 1]
        if not line.strip():
            if not past_blank or prev == 0:
                break
            p2 = text.rfind("\n", 0, prev - 1) + 1
            if not text[p2:prev - 1].rstrip().endswith(":"):
                break
            prev, line = p2, text[p2:prev - 1]
        elif is_row(text, prev, start, line):
            start = prev
            continue
        head = line.strip()
        if not (head.endswith(":") or (len(head) <= 60 and head[-1] not in ".!?,;")):
            break  # a sentence, not a line introducing rows
        return ls, start, prev, line
    return ls, start, -1, None


def _your_block_row(text: str, prev: int, start: int, line: str) -> bool:
    """A row of a block said to the reader: a short form row, or a labelled row with a long value ("Hours:
    reduced from 40 to 24 per week from ..."), not itself introducing rows nor speaking to the reader
    (but a letter's "Your ref: ..." row)."""
    return ((_is_form_row(text, prev, start - 1, []) and len(line.strip()) <= 60) or (
            _COLON_ROW.match(line) and not _ROW_SENTENCE_STOP.search(line)
            and not _THIRD_REF.search(line, _COLON_ROW.match(line).end() - 1))) \
        and not line.rstrip().endswith(":") and (not _YOU_WORD.search(line) or _YOUR_REF_ROW.match(line))


def _named_block_row(text: str, prev: int, start: int, line: str) -> bool:
    """A row of a block under a named owner: a short form row not ending with a colon."""
    head = line.strip()
    return not head.endswith(":") and _is_form_row(text, prev, start - 1, []) and len(head) <= 60


def _your_block_owner(text: str, s: int, mentions: list[Mention], doc: "DocParties"):
    """A form-like row with no name row above it, in a document addressed to someone: the
    addressee's when the line introducing its block of rows speaks to the reader and of nobody else
    (nor of a parent role or a relative), or, for a vehicle row, when the letter says the reader is
    its keeper ("you are the registered keeper of the vehicle above")."""
    block = _block_header(text, s, mentions, _your_block_row, past_blank=True)
    if block is None:
        return _NO_HEADER
    ls, start, prev, line = block
    if line is not None:
        if any(prev <= x.start < s for x in mentions) or _HEADER_OTHER.search(line) or _PAYOUT.search(line) \
                or _OTHER_PERSON_IN_SENTENCE.search(line) or _KIN_OF_PRONOUN.search(line):
            return _NO_HEADER
        if _YOUR_OWN.search(line) or (_bank_letter(text) and not _PAYEE.search(text, max(0, prev - 300), start)):
            return doc.addressee  # (a bank writes to its customer of the customer's own accounts)
        return _NO_HEADER
    # a block with no header line: a vehicle row in a letter saying the reader keeps the vehicle, a
    # bank's rows in its letter to its customer
    if not any(start <= x.start < s for x in mentions) and (
            (_VEHICLE_ROW.match(text, ls) and _VEHICLE_YOURS.search(text)) or
            (_BANK_ROW.match(text, ls) and _bank_letter(text) and not _PAYEE.search(text, max(0, start - 300), start))):
        return doc.addressee
    return _NO_HEADER


# a bank's or building society's letterhead in the first lines, a statement from it
_BANK_HEAD = re.compile(
    r"(?i)\b(?:bank|building[ \t]+society|credit[ \t]+union|monzo|starling|revolut|nationwide|santander|barclays|hsbc|"
    r"lloyds|natwest|halifax|tsb|first[ \t]+direct)\b")
_BANK_ROW = re.compile(r"(?i)[ \t|]*(?:sort[ \t]+code|account(?:[ \t]+(?:number|no\.?))?|a/c|iban|card(?:[ \t]+number)?|bic|swift)\b")
# a header saying the rows are where the reader's payment went: "a payment of GBP 50 sent to:"
_PAYOUT = re.compile(r"(?i)\b(?:you[ \t]+(?:sent|made|paid|transferred|want[ \t]+to[ \t]+(?:pay|send)|asked[ \t]+us[ \t]+to[ \t]+"
                     r"(?:send|pay|recall|transfer))|sent[ \t]+to|transferred[ \t]+to|payee|recipient|beneficiary)\b")
# ... unless the rows are where a payment went: "a payment you sent to:", "Payee details"
_PAYEE = re.compile(r"(?i)\b(?:payee|recipient|beneficiary|sent|paid|transferred|transfer[ \t]+to|payments?[ \t]+to|credited[ \t]+to)\b")


def _bank_letter(text: str) -> bool:
    head = text.lstrip()[:200].split("\n")[:2]
    return any(_BANK_HEAD.search(line) for line in head)


# a payment schedule's row for one parent's account: "Receiving account: Barclays 20-31-47 58120934",
# "Paying parent's account:", "Payer a/c"; its holder is the party case.json gives that parent role
_ROLE_ROW = re.compile(
    r"(?i)[ \t|]*(?:(?P<rec>receiving(?:[ \t]+parent(?:['’]s)?)?|payee|parent[ \t]+with[ \t]+care(?:['’]s)?)|"
    r"(?P<pay>paying(?:[ \t]+parent(?:['’]s)?)?|payer|non[- ]resident[ \t]+parent(?:['’]s)?))[ \t]+"
    r"(?:bank[ \t]+)?(?:account|a/c|acct|bank[ \t]+details|bank)\b[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*[:|\-]?")


def _role_row_owner(text: str, s: int, mentions: list[Mention], doc: "DocParties"):
    ls = text.rfind("\n", 0, s) + 1
    m = _ROLE_ROW.match(text, ls)
    if m is None or m.end() > s or not doc.roles:
        return _NO_HEADER
    pre = text[m.end():s]
    if len(pre) > 40 or re.search(r"[.!?;][ \t]", pre) or any(m.end() <= x.start < s for x in mentions):
        return _NO_HEADER  # ("Receiving account: as before. Mr X's new account 1234")
    want = "receiving" if m.group("rec") else "paying"
    for role, pos in doc.roles:
        if role == want:
            return pos
    return _NO_HEADER


_ANY_SPEAKER = re.compile(r"[^\n:]{1,30}:")


# a payment table's column header: "Due date     Collected from          Paid to"
_COLUMN_CELL = re.compile(r"\S+(?: \S+)*")
_COLUMN_REC = re.compile(r"(?i)^(?:(?:paid|pay|credited|sent)[ \t]+to|to[ \t]+account|receiving(?:[ \t]+(?:account|parent))?|payee|recipient)$")
_COLUMN_PAY = re.compile(r"(?i)^(?:(?:collected|paid|taken|debited)[ \t]+from|from[ \t]+account|paying(?:[ \t]+(?:account|parent))?|payer)$")


def _role_column_owner(text: str, s: int, mentions: list[Mention], doc: "DocParties"):
    """The value in a payment table's "Paid to" / "Collected from" (or "Receiving account" /
    "Paying account") column: the holder of that parent role in case.json. The header is the
    nearest line above in the same block with two or more cells (two spaces apart) and no digits."""
    if not doc.roles:
        return _NO_HEADER
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    le = len(text) if le < 0 else le
    if any(ls <= x.start < le for x in mentions):
        return _NO_HEADER  # someone named on the row
    col = s - ls
    for _, line in _lines_above(text, ls, 10):
        if not line.strip():
            return _NO_HEADER
        if re.search(r"\d", line):
            continue  # another row of the table
        cells = list(_COLUMN_CELL.finditer(line))  # (words one space apart make one cell)
        if len(cells) < 2:
            return _NO_HEADER
        at = [m for m in cells if m.start() <= col + 2]
        if not at:
            return _NO_HEADER
        label = at[-1].group(0).strip()
        want = "receiving" if _COLUMN_REC.match(label) else "paying" if _COLUMN_PAY.match(label) else None
        if want is None:
            return _NO_HEADER
        for role, pos in doc.roles:
            if role == want:
                return pos
        return _NO_HEADER
    return _NO_HEADER


# (round 22) a comma-separated export's column: "due_date,amount,method,payer_sort_code,payer_account,..." (the
# header the nearest line above with commas and no digits); a payer's / payee's account column is the holder of
# that parent role, named in the export's preamble ("Paying parent: ADEBAYO, O", "# paying_parent,\"DHILLON, G\"",
# "receiving_parent=MARSH, L") or else by case.json's roles; nobody named on the row itself
_CSV_QUOTED = re.compile(r'"[^"\n]*"')
_CSV_ROLE_PAY = re.compile(r"(?i)^(?:payer|paying|from|(?:paid|collected|debited)[ _]from|pp|nrp)(?:[ _]parent)?[ _]")
_CSV_ROLE_REC = re.compile(r"(?i)^(?:payee|receiving|recipient|beneficiary|paid[ _]to|rp|pwc)(?:[ _]parent)?[ _]")
_CSV_ID_WORD = re.compile(r"(?i)(?:^|[ _])(?:sort|sortcode|sort_code|account|acct|a/c|iban|card|bank)(?:[ _]|$)")
_CSV_PREAMBLE_ROLE = re.compile(
    r"(?i)(?<![a-z])(?:(?P<pay>paying[ _]parent|pp|nrp|payer)|(?P<rec>receiving[ _]parent|rp|pwc|payee))(?![a-z])"
    r"[ \t]*[:=,][ \t]*\"?")


def _csv_column_owner(text: str, s: int, mentions: list[Mention], doc: "DocParties"):
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    le = len(text) if le < 0 else le
    if text.count(",", ls, le) < 3 or any(ls <= x.start < le for x in mentions):
        return _NO_HEADER
    idx = _CSV_QUOTED.sub('""', text[ls:s]).count(",")
    header = None
    for start, line in _lines_above(text, ls, 80):
        if not line.strip():
            return _NO_HEADER
        if line.count(",") >= 2 and not re.search(r"\d", line):
            header = line
            break
        if line.count(",") < 2:
            return _NO_HEADER  # not a table row
    if header is None:
        return _NO_HEADER
    cells = header.split(",")
    if idx >= len(cells):
        return _NO_HEADER
    label = cells[idx].strip().strip('"') + " "
    if not _CSV_ID_WORD.search(label):
        return _NO_HEADER
    want = "paying" if _CSV_ROLE_PAY.match(label) else "receiving" if _CSV_ROLE_REC.match(label) else None
    if want is None:
        return _NO_HEADER
    # the preamble above the header (a few lines, one blank line allowed) binding a role to a name
    top = start
    for _ in range(8):
        if top == 0:
            break
        top = text.rfind("\n", 0, top - 1) + 1
    for m in _CSV_PREAMBLE_ROLE.finditer(text, top, start):
        if (m.group("pay") is not None) != (want == "paying"):
            continue
        for x in mentions:
            if m.end() <= x.start <= m.end() + 2 and not x.possessive:
                return x.pos
    for role, pos in doc.roles:
        if role == want:
            return pos
    return _NO_HEADER


# (round 20) a payment table's row naming its payer and payee ("payer  payee  ...  notes"): a card or account the
# row's note says the payment was made with or came from ("paid by phone, card ...", "from a/c ...") is the payer's,
# one it went to ("to a/c ...", "into ...") the payee's
_CELL_SPLIT = re.compile(r"\t|[ ]{2,}")
_CELL_PAYER = re.compile(r"(?i)^(?:payer|paid[ \t]+by|paying(?:[ \t]+parent)?|from|collected[ \t]+from|debtor)$")
_CELL_PAYEE = re.compile(r"(?i)^(?:payee|paid[ \t]+to|receiving(?:[ \t]+parent)?|to|recipient|beneficiary|creditor)$")
_CELL_FROM = re.compile(r"(?i)\b(?:from|by|with|using|paid[ \t]+by[^\t]{0,20}?)[ \t]+(?:(?:debit|credit|bank)[ \t]+)?(?:card|a/c|acct|account)\b[^\t]{0,20}$")
_CELL_TO = re.compile(r"(?i)\b(?:to|into)[ \t]+(?:(?:bank)[ \t]+)?(?:card|a/c|acct|account)\b[^\t]{0,20}$")


def _payment_cell_owner(text: str, s: int, mentions: list[Mention]):
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    if "\t" not in line and "  " not in line:
        return _NO_HEADER
    row = _cells(line, _CELL_SPLIT)
    at = [i for i, (a, b) in enumerate(row) if a <= s - ls < b]
    if not at:
        return _NO_HEADER
    a, _ = row[at[0]]
    before = text[ls + a:s]
    want = "pay" if _CELL_FROM.search(before) else "rec" if _CELL_TO.search(before) else None
    if want is None:
        return _NO_HEADER
    for _, head in _lines_above(text, ls, 40):
        if not head.strip():
            return _NO_HEADER
        if re.search(r"\d", head):
            continue
        cells = [head[x:y].strip().replace("_", " ") for x, y in _cells(head, _CELL_SPLIT)]
        if len(cells) != len(row) and not (len(cells) == len(row) + 1 and cells[-1]):
            return _NO_HEADER
        idx = [i for i, c in enumerate(cells) if (_CELL_PAYER if want == "pay" else _CELL_PAYEE).match(c)]
        if len(idx) != 1 or idx[0] >= len(row):
            return _NO_HEADER
        x, y = row[idx[0]]
        named = [m for m in mentions if ls + x <= m.start and m.end <= ls + y]
        return named[0].pos if len(named) == 1 and not named[0].possessive else _NO_HEADER
    return _NO_HEADER


def _chat_partner(text: str, speaker: Mention, mentions: list[Mention]):
    """The other party of a two-person chat (every line's speaker one of two listed parties): whom
    "your" in ``speaker``'s line means; ``_NO_HEADER`` in a group chat or when a speaker is unknown."""
    who: set = set()
    starts = {x.start: x for x in mentions}
    for lm in re.finditer(r"(?m)^", text):
        p = SPEAKER_PREFIX.match(text, lm.start()).end()
        if p == lm.start():
            continue  # no date or time: not a chat line (a heading, a wrapped message)
        x = starts.get(p)
        if x is not None and _SPEAKER_TAIL.match(text, x.end):
            who.add(x.pos)
        elif LABEL_SPEAKER.match(text, p) or _ANY_SPEAKER.match(text, p):
            return _NO_HEADER  # a speaker who is not a listed party's mention
    if None in who or speaker.pos not in who or len(who) != 2:
        return _NO_HEADER
    return next(x for x in who if x != speaker.pos)


# the value in brackets right after a listed party's name: "to Mrs Hussain (sort code\n40-11-62, account ...)"
_PAREN_AFTER_NAME = re.compile(
    r"[ \t]*\([ \t]*(?!(?:your|my|our)\b)(?:(?:her|his|their)[ \t]+)?(?:[A-Za-z]+[ \t]+){0,2}?" + ID_NOUN + r"\.?[ \t]*[:\-]?[ \t]*\n?[ \t]*\Z")


# "you" owning the value, in a letter to its addressee: "you now drive a Kia", "you bank with Lloyds"
_YOU_SUBJECT = re.compile(
    r"(?i)\byou[ \t]+(?:(?:still|now|also|currently|usually|only)[ \t]+)?(?:have|had|drive|drove|own|owned|use|used|bought|"
    r"keep|kept|bank|banked|hold|held|pay[ \t]+from|paid[ \t]+from|have[ \t]+got|registered|opened)\b")


# he/she, his/her in the value's sentence, which names nobody: "She confirmed she still drives / the
# Vauxhall Corsa, MA17 RZO", "the card is in her own name, bank details for refunds: sort code ..."
_PRONOUN_OWN = re.compile(
    r"(?i)\b(?:(?P<own>his|her)[ \t]+own\b|in[ \t]+(?P<name>his|her)[ \t]+(?:own[ \t]+|sole[ \t]+)?name\b|"
    r"(?P<subj>he|she)[ \t]+(?:(?:still|now|also|currently|usually|always|only|then|later)[ \t]+)?(?:has|had|drives|drove|owns|"
    r"owned|uses|used|bought|got|keeps|kept|pays|paid|banks|runs|holds|held)\b)"
)
# someone else spoken of in the sentence: a parent role, a relative or contact ("the PP's sister", "a friend")
_OTHER_PERSON_IN_SENTENCE = re.compile(
    r"(?i)(?<![\w'’])(?:(?-i:PP|RP|NRP|PWC)|paying[ \t]+parent|receiving[ \t]+parent|other[ \t]+parent|" + KIN + r")(?![\w])")
# a row whose label says it is someone else's: "Ex-partner's vehicle:", "Emergency contact:", "Employer tel:"
_OTHER_ROW_LABEL = re.compile(
    r"(?i)['’]s\b|\b(?:ex|other|contact|kin|employer|landlord|landlady|emergency|partner|referee|reference|gp|doctor|school|"
    r"solicitor|agent|guarantor|spouse|husband|wife|mother|father|son|daughter|brother|sister|child|children)\b")
_THIRD_PRONOUN = re.compile(r"(?i)\b(?P<p>he|she|his|her|him|hers|himself|herself)\b")


def _wrapped_sentence_start(text: str, s: int, max_lines: int = 3) -> int:
    """Start of the sentence holding ``s`` when it may have begun on an earlier line of the same
    paragraph (a wrapped sentence): back over lines that do not end a sentence."""
    line_start = text.rfind("\n", 0, s) + 1
    sent = line_start
    for m in SENTENCE_END.finditer(text, line_start, s):
        sent = m.end()
    if sent > line_start:
        return sent
    for _ in range(max_lines):
        if line_start == 0:
            return 0
        prev_end = line_start - 1
        before = text[:prev_end].rstrip(" \t")
        if not before or before.endswith("\n") or before[-1] in ".!?:":
            return line_start
        prev = text.rfind("\n", 0, prev_end) + 1
        if not text[prev:prev_end].strip():
            return line_start
        last = prev
        for m in SENTENCE_END.finditer(text, prev, prev_end):
            last = m.end()
        if last > prev:
            return last
        line_start = prev
    return line_start


def _pronoun_owner(text: str, s: int, mentions: list[Mention], genders: list[str | None]):
    """The owner of a value whose sentence names nobody but says "she"/"her own"/"in his name":
    the nearest person mentioned before the sentence (within its paragraph) of that gender."""
    sent = _wrapped_sentence_start(text, s)
    if any(sent <= x.start and x.end <= s for x in mentions):
        return _NO_HEADER
    span = text[sent:s]
    pm = _PRONOUN_OWN.search(span)
    if pm is None or _KIN_OF_PRONOUN.search(span) or _OTHER_PERSON_IN_SENTENCE.search(span):
        return _NO_HEADER  # ("her brother's van, ...", "she has the PP's old car ..." are someone else's)
    want = "M" if (pm.group("own") or pm.group("name") or pm.group("subj")).lower() in ("his", "he") else "F"
    if any((p.group("p").lower() in ("he", "his", "him", "himself")) != (want == "M") for p in _THIRD_PRONOUN.finditer(span)):
        return _NO_HEADER  # "she said his car is ...": two people
    rs = block_start(text, sent, 8)
    for near in sorted((x for x in mentions if rs <= x.start and x.end <= sent), key=lambda x: -x.end):
        if near.possessive or near.pos is None:
            return _NO_HEADER
        g = genders[near.pos]
        if g == want:
            return near.pos
        if g is None:
            return _NO_HEADER
    return _NO_HEADER


# a form's row "Vehicle: MA17 RZO" in a block whose "Name:" row names the person the block is about
_ROW_LABEL = re.compile(r"[ \t|]*[A-Za-z][A-Za-z /()'’\-]{0,30}?(?:[ \t]*[:|][ \t]*|[ \t]{2,})")
_NAME_ROW = re.compile(
    r"(?im)^[ \t|]*(?:(?:full[ \t]+|customer[ \t]+|client[ \t]+|employee[ \t]+|claimant[ \t]+|applicant[ \t]+|tenant[ \t]+)?name|"
    r"surname|last[ \t]+name|family[ \t]+name|fore-?names?(?:[ \t]*\(s\))?|first[ \t]+names?(?:[ \t]*\(s\))?|given[ \t]+names?(?:[ \t]*\(s\))?|"
    r"account[ \t]+(?:holder|name)|name[ \t]+of[ \t]+account[ \t]+holder|employee|claimant|customer|applicant|tenant|"
    r"policy[ \t]?holder|card[ \t]?holder|registered[ \t]+keeper|payee|member|patient)[ \t]*[:|]?[ \t]+(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?")


# a row label of identifier words with no colon: "Sort code 30-94-12   Account 58201746"
_ROW_ID_LABEL = re.compile(r"(?i)[ \t|]*(?:[A-Za-z]+[ \t]+){0,2}" + ID_NOUN + r"\.?[ \t]*(?:[:|#][ \t]*)?")


# a full stop that ends a sentence, not the one of "no." ("Proof of identity: UK passport no. 548217093")
_ROW_SENTENCE_STOP = re.compile(r"(?<!\b[Nn][Oo])[.!?;][ \t]")


def _is_form_row(text: str, ls: int, s: int, mentions: list[Mention]) -> bool:
    """Is the value written on a form's row: a short label at the line's start, then (perhaps after a
    make and model, or the row's other values) the value, with no sentence and nobody named?"""
    lab = _ROW_LABEL.match(text, ls)
    idl = _ROW_ID_LABEL.match(text, ls)
    ends = [m.end() for m in (lab, idl) if m is not None]
    if not ends:
        return False
    pre = text[min(ends):s]
    if len(pre) > 40 or _ROW_SENTENCE_STOP.search(pre) or any(ls <= x.start < s for x in mentions):
        return False
    return not _OTHER_ROW_LABEL.search(text, ls, s)  # ("Ex-partner's vehicle:", "Emergency contact:")


def _form_row_owner(text: str, s: int, mentions: list[Mention]):
    ls = text.rfind("\n", 0, s) + 1
    if not _is_form_row(text, ls, s, mentions):
        return _NO_HEADER
    rs = block_start(text, ls, 14)
    rows = []
    for nm in _NAME_ROW.finditer(text, rs, ls):
        at = [x for x in mentions if x.start == nm.end() and not x.possessive]
        if not at:
            return _NO_HEADER
        rows.append(at[0])
    if not rows or len({x.pos for x in rows}) != 1 or rows[0].pos is None:
        return _NO_HEADER  # ("Surname: OKAFOR / Forename(s): Grace": both rows must name the same person)
    first = rows[0]
    if any(first.end <= x.start and x.end <= ls and x.pos != first.pos for x in mentions):
        return _NO_HEADER  # someone else named in the rows between
    return first.pos


def stated_for_someone_else(text: str, s: int, e: int, mentions: list[Mention], doc: DocParties,
                            genders: list[str | None]) -> bool:
    """Is a value that nothing gives to a listed party said in its own words to be someone else's: an
    unknown person's by a third-person or named possessive right before it ("his account, sort code
    40-11-62", "the landlord's account: ...", "my brother's account (...)") or by ownership stated after it?
    (refine then does not take it for the requester's because it equals one of hers: two accounts at one
    branch share a sort code.)"""
    if owner_of(text, s, mentions, doc, genders, e) is not None:
        return False  # the requester's, a listed third party's, or nobody's in particular
    if _owner_after(text, e, mentions) is not None:
        return True
    window = text[max(0, s - 110): s]
    base = s - len(window)
    if KIN_POSSESSIVE_CUE.search(window):
        return True
    for rx in (POSSESSIVE_CUE, PAY_CUE):
        for m in rx.finditer(window):
            if m.group("pro").lower() in ("his", "her", "their") and not any(
                    base + m.start() <= x.start and x.end <= s for x in mentions):
                return True
    return any(x.possessive and base <= x.start and x.end <= s and (
        NAMED_POSSESSIVE_CUE.match(text, x.end, s) or NAMED_PAY_CUE.match(text, x.end, s)) for x in mentions)


# "my old address at", "your former address:", "to my previous address\n": a first or second person's own address;
# (round 20) also a home ("her previous flat at", "his old house:"), one given care of someone ("my old address c/o
# my mam's at"), and a third person's ("her previous address at ...": the nearest person of that gender, as for
# "her account")
_OWN_ADDRESS_CUE = re.compile(
    r"(?i)\b(?P<pro>my|your|his|her|their)[ \t]+(?:own[ \t]+)?(?:old|former|previous|last|new|current|present|home|postal|own|usual)?"
    r"[ \t]*(?:home[ \t]+)?(?:address|flat|house|home|tenancy)"
    r"(?:[ \t]+c/o[ \t]+[^\n,.;:()]{1,30}?)?"
    r"(?:[ \t]+(?:held|given|(?:on|in)[ \t]+(?:our|the|your)[ \t]+(?:records?|system|file)))?"
    # (round 25R) "your previous address with us was ...", "my old address on <street>", "her previous tenancy at ..."
    r"(?:[ \t]+with[ \t]+(?:us|you))?"
    r"(?:[ \t]+(?:at|is|was|of|in|on))?[ \t]*[:\-–,]?[ \t]*(?:\n[ \t>]*)?[ \t~*_\"'(]*$")


# (round 21) where someone lives, said with a verb of living or moving: "RP moved to Flat 2, ...", "RP CURRENTLY
# LIVING WITH HER PARENTS AT 9 ...", "Mr X has since relocated to ..."; the person is the verb's subject, named at
# most three words before it, with no one else named between
_RESIDE_CUE = re.compile(
    r"(?i)\b(?:live[sd]?|living|mov(?:e|es|ed|ing)|stay(?:s|ed|ing)?|resid(?:e|es|ed|ing)|relocat(?:e|es|ed|ing)|rehoused|"
    r"(?:is|was|were|are|been)[ \t]+(?:our|a|an|the|their)[ \t]+(?:joint[ \t]+|sole[ \t]+|former[ \t]+)?(?:tenant|resident|occupier|occupant)s?)\b"
    r"[^.;:!?\n]{0,40}?\b(?:at|to|in|into|of|from)[ \t]*:?[ \t]*\Z")
# "Before that she was our tenant at ...": a "he"/"she" subject, at most three words before the verb
_PRONOUN_SUBJECT = re.compile(r"(?i)\b(?P<p>he|she)[ \t]+(?:[A-Za-z]+[ \t]+){0,3}\Z")
# (round 22) "Before this you lived at ...", "I moved from ... last year": the reader's / the writer's, as for "your
# / my old address" (the subject at most two words before the verb, nobody named between)
_FIRST_SECOND_SUBJECT = re.compile(r"(?:\b(?P<you>[Yy]ou)|(?<![\w'’])(?P<i>I))[ \t]+(?:[A-Za-z]+[ \t]+){0,2}\Z")
_SUBJECT_GAP = re.compile(r"[ \t]+(?:[A-Za-z]+[ \t]+){0,3}\Z")
_FROM_END = re.compile(r"(?i)\bfrom[ \t]*:?[ \t]*\Z")
_MOVE_VERB = re.compile(r"(?i)(?:mov|relocat)[a-z]*[ \t]+(?:[a-z]+[ \t]+){0,2}?from\b")
_NOT_SUBJECT_GAP = re.compile(r"(?i)\b(?:I|you|he|she|they|we|who|that|which|and|but|said|says|told|thinks?|believes?)\b")


def _resident_owner(text: str, s: int, mentions: list[Mention], doc: DocParties,
                    genders: list[str | None]) -> int | None | str:
    cue = _RESIDE_CUE.search(text, max(0, s - 70), s)
    if cue is None:
        return "none"
    if any(cue.start() <= x.start < s for x in mentions):
        return "none"
    ls = text.rfind("\n", 0, cue.start()) + 1
    if ls > 1 and not text[ls:cue.start()].strip() and text[ls - 2] not in ".!?:;\n":
        ls = text.rfind("\n", 0, ls - 1) + 1  # (round 25T) a prose sentence wrapped before its verb: "... and that Ms X\nmoved from ..."
    if _FROM_END.search(cue.group(0)) and not _MOVE_VERB.match(cue.group(0)):
        return "none"  # "lives two miles from ...": not where anyone lives
    fm = _FIRST_SECOND_SUBJECT.search(text, max(0, cue.start() - 30), cue.start())
    if fm is not None and not any(fm.start() <= x.start < cue.start() for x in mentions) and not _NOT_SUBJECT_GAP.search(
            text, fm.end("you") if fm.group("you") is not None else fm.end("i"), cue.start()):
        if fm.group("you") is not None:
            return doc.addressee if doc.addressee is not None else "none"
        return _first_person_owner(text, fm.start(), mentions, doc)
    pm = _PRONOUN_SUBJECT.search(text, max(0, cue.start() - 40), cue.start())
    if pm is not None and not any(pm.start() <= x.start < cue.start() for x in mentions) \
            and not _NOT_SUBJECT_GAP.search(text, pm.end("p"), cue.start()):
        return _third_pronoun_owner(text, pm.start(), "his" if pm.group("p").lower() == "he" else "her", mentions, doc,
                                    genders)
    before = [x for x in mentions if ls <= x.start and x.end <= cue.start()]
    if not before:
        return "none"
    near = max(before, key=lambda x: x.end)
    gap = text[near.end:cue.start()].replace("\n", " ")
    if near.possessive or not _SUBJECT_GAP.match(" " + gap) or _NOT_SUBJECT_GAP.search(gap):
        return "none"
    return near.pos


def _first_person_owner(text: str, c: int, mentions: list[Mention], doc: DocParties) -> int | None | str:
    """The "I"/"my" at ``c``: the chat line's or message's speaker, else the document's author."""
    ls = text.rfind("\n", 0, c) + 1
    sp = _speaker(text, ls, c, mentions) or _block_speaker(text, c, mentions)
    if sp is not None:
        return sp.pos
    hdr = _message_author(text, c, mentions)
    if hdr is not _NO_HEADER:
        return hdr
    return doc.author if doc.author is not None else "none"


_UNIT_BEFORE = re.compile(r"(?i)\b(?:flat|apartment|apt|unit|room|maisonette)\.?[ \t]+[0-9]{1,4}[a-z]?[ \t]*,?[ \t]*\Z")


def own_address_owner(text: str, s: int, e: int, mentions: list[Mention], doc: DocParties,
                      genders: list[str | None]) -> int | None | str:
    """Whose is an address right after "my old address at" / "your former address:": the writer's or the
    reader's, as for any other value of theirs (``owner_of``); after "her previous flat at" / "his old house:", the
    nearest person of that gender (``_third_pronoun_owner``); "none" without that cue."""
    cue = _OWN_ADDRESS_CUE.search(text, max(0, s - 80), s)
    # (round 25R) the address read from its street on, its flat left before it: "my old flat at Flat 3, 88 ...",
    # "MOVED ADDRESS FROM FLAT 3, 27 ...": the cue ends before the flat
    unit = _UNIT_BEFORE.search(text, max(0, s - 20), s)
    if cue is None and unit is not None:
        cue = _OWN_ADDRESS_CUE.search(text, max(0, unit.start() - 80), unit.start())
    if cue is None:
        who = _resident_owner(text, s, mentions, doc, genders)
        if who == "none" and unit is not None:
            who = _resident_owner(text, unit.start(), mentions, doc, genders)
        return who
    pro = cue.group("pro").lower()
    plain = "address" in cue.group(0).lower() and "c/o" not in cue.group(0).lower()
    if pro in ("my", "your") and plain:
        return owner_of(text, s, mentions, doc, genders, e)
    if any(cue.start() <= x.start and x.end <= s for x in mentions):
        return "none"  # someone named between: "her flat c/o Mr X at"
    if pro == "your":
        return doc.addressee if doc.addressee is not None else "none"
    if pro == "my":
        # (the person an address is given care of is not its holder: "my old address c/o my mam's at ...")
        return _first_person_owner(text, cue.start(), mentions, doc)
    return _third_pronoun_owner(text, cue.start(), pro, mentions, doc, genders, subject_fallback=True)


# (round 21) a postcode written on after an address, on its row: "Address: Flat 2, 17 Mill Lane, Ely   Postcode: CB7 4AB"
# (the town may stand between: "Flat 2, 17 Mill Lane, Ely   Postcode: ...", where the address found ends at the street)
_POSTCODE_GAP = re.compile(r"[ \t,]*(?:[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?[ \t,]*)?"
                           r"(?:(?i:post[ \t]?code)[ \t]*[:\-]?[ \t]*)?\Z")


def postcode_continues(text: str, s: int, addresses: list[tuple[int, int]]) -> bool:
    """Whether the postcode at ``s`` goes on from one of ``addresses`` (spans) on the same line, with at most
    a comma and a "Postcode:" label between: it is that address's postcode."""
    return any(b <= s and "\n" not in text[b:s] and _POSTCODE_GAP.match(text, b, s) for a, b in addresses)


# (round 21) an earlier address written on after a person's address in the same sentence: "RP at 14 Mill Lane, Ely
# since Jan, prev Flat 2, 37 Fore St", "now at 9 Quay Road (previously 41 Marsh Lane)": the same person's
_PREVIOUS_CUE = re.compile(
    r"(?i)\b(?:prev(?:ious(?:ly)?)?|formerly|before[ \t]+that|until[ \t]+then)\b[ \t.:,\-]*(?:(?:at|address|addr)\b[ \t.:\-]*)?\(?[ \t]*\Z")
_CLAUSE_STOP = re.compile(r"[.!?;][ \t\n]|\n")


# (round 22) the same on a record's rows: a row labelled as an earlier address ("Previous address (if under 3
# years): ...", "Previous address   ...", "OLD ADDR\n...") under a row holding the requester's address, at most a
# few short rows between ("Postcode", "Date you moved") and nobody named between: the record's subject's
_PREVIOUS_ROW = re.compile(
    r"(?i)(?:^|(?<=[.;][ \t]))[ \t|]*(?:prev(?:ious)?|former|old|prior|earlier|last)[ \t]+(?:home[ \t]+|postal[ \t]+|residential[ \t]+)?"
    r"(?:address|addr)\b\.?(?:[ \t]+(?:held|given|on[ \t]+(?:record|file)))?(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[:|\-]?[ \t]*\n?[ \t]*\Z",
    re.M)
_ROW_GAP_LINE = re.compile(r"[^\n]{0,60}")
_ROW_GAP_POSTCODE = re.compile(r"[ \t,]*(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2})?[ \t,.;]*\Z")


def _previous_row_of(text: str, s: int, addresses: list[tuple[int, int]], mentions: list[Mention]) -> bool:
    cue = _PREVIOUS_ROW.search(text, max(0, s - 60), s)
    if cue is None:
        return False
    c = cue.start()
    for a, b in addresses:
        if b > c or c - b > 200:
            continue
        gap = text[b:c]
        lines = gap.split("\n")
        if len(lines) > 4 or any(not ln.strip() for ln in lines[1:-1]) or any(
                not _ROW_GAP_LINE.fullmatch(ln) for ln in lines[1:]):
            continue  # a blank line or a long line between: another block
        if not _ROW_GAP_POSTCODE.match(lines[0]) and len(lines) == 1:
            continue  # on one line, only the address's postcode and a full stop between ("NEW ADDR ... LU3 2NL. OLD ADDR")
        if any(a <= x.start < s for x in mentions):
            continue
        if _block_named_other(text, a, mentions):
            continue  # the address row is in someone else's block ("Lodger: X / Address: (hers) / Previous address:")
        return True
    return False


_LABEL_NAME_ROW = re.compile(r"[ \t|]*[A-Za-z][A-Za-z '’()/\-]{0,30}:[ \t]*(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?", re.I)


def _block_named_other(text: str, a: int, mentions: list[Mention]) -> bool:
    """Whether the nearest "Label: Name" row above ``a`` in its block (a few rows, no blank line; ``a``'s own row
    included) names someone other than the requester."""
    ls = text.rfind("\n", 0, a) + 1
    for _ in range(6):
        m = _LABEL_NAME_ROW.match(text, ls)
        if m is not None and m.end() <= a:
            for x in mentions:
                if x.start == m.end():
                    return x.pos != 0
        if ls == 0:
            return False
        prev = text.rfind("\n", 0, ls - 1) + 1
        if not text[prev:ls - 1].strip():
            return False
        ls = prev
        a = text.find("\n", ls) + 1 or len(text)
    return False


def previous_address_of(text: str, s: int, addresses: list[tuple[int, int]], mentions: list[Mention]) -> bool:
    """Whether the address at ``s`` is given as an earlier address after one of ``addresses`` (spans), in the
    same sentence, with nobody named between; or (round 22) on a row labelled as an earlier address right under
    the row holding one of them."""
    if not addresses:
        return False
    cue = _PREVIOUS_CUE.search(text, max(0, s - 40), s)
    if cue is not None:
        for a, b in addresses:
            if b <= cue.start() and cue.start() - b <= 60 and not _CLAUSE_STOP.search(text, b, cue.start()) \
                    and not any(b <= x.start < s for x in mentions):
                return True
    return _previous_row_of(text, s, addresses, mentions)


def form_row_owner(text: str, s: int, mentions: list[Mention]) -> int | None | str:
    """The person a form row's block names ("Tenant(s): / Name: X / Previous address: ..."), or "none"."""
    who = _form_row_owner(text, s, mentions)
    return "none" if who is _NO_HEADER else who


_KIN_HEADER = re.compile(
    r"(?i)\b(?:my|your|his|her|their|our|the)[ \t]+" + KIN + r"(?:['’]s?|s)?[ \t]+(?:own[ \t]+)?(?:[a-z\-]+[ \t]+){0,2}?" + ID_NOUN + r"\b")


def _named_block_owner(text: str, s: int, mentions: list[Mention], genders: list[str | None] | None = None):
    """Rows under a line that names their owner with a possessive: "Deposit to be returned to the Tenant's
    account:" (the Tenant bound by a "Tenant(s): / Name: X" block); nobody named in the rows themselves.
    Under a line naming no listed party but someone other than the reader ("Rent is to be paid to the
    Landlord's account:", "Ex-partner's bank details:", "Bank details of the other parent", "His bank details:"
    where the requester is a woman): someone else's (None), never the requester's named further up."""
    block = _block_header(text, s, mentions, _named_block_row, past_blank=False)
    if block is None or block[3] is None:
        return _NO_HEADER
    _, start, prev, line = block
    head = line.strip()
    named = [x for x in mentions if prev <= x.start < start - 1]
    in_rows = any(start <= x.start < s for x in mentions)
    if len(named) == 1 and named[0].possessive and POSSESSIVE_ID_AFTER.match(text, named[0].end) and not in_rows \
            and not _KIN_OF_PRONOUN.search(line) and head.endswith(":"):
        return named[0].pos
    if not named and not in_rows:
        if _KIN_HEADER.search(line) or _OTHER_HEAD.search(line):
            return None
        pm = _PRONOUN_HEAD.search(line)
        if pm is not None and genders and genders[0] is not None and \
                genders[0] != ("M" if pm.group("pro").lower() == "his" else "F"):
            return None  # "His bank details:" on a form the requester, a woman, filled in
    return _NO_HEADER


_OTHER_HEAD = re.compile(
    r"(?i)\bother[ \t]+parent\b|(?<![\w'’])(?:ex[- ]?|former[ \t]+)(?:partner|wife|husband|boyfriend|girlfriend)\b")
_PRONOUN_HEAD = re.compile(r"(?i)\b(?P<pro>his|her)[ \t]+(?:own[ \t]+)?(?:[a-z\-]+[ \t]+){0,2}?" + ID_NOUN + r"\b")


# someone other than the reader or the record's subject spoken of before a value: a third-person word, a
# possessive, a parent role, a role in the case, a relative or contact
_THIRD_REF = re.compile(
    r"(?i)\b(?:he|his|him|she|her|hers|they|their|them)\b|['’]s\b|(?<![\w'’])(?:(?-i:PP|RP|NRP|PWC)|paying[ \t]+parent|"
    r"receiving[ \t]+parent|other[ \t]+parent|applicant|employee|client|" + KIN + r")(?![\w])")


# a form's section heading: "PART 3 - YOUR EMPLOYER", "SECTION 4: ABOUT THE OTHER PARENT", "Financial associates"
_SECTION_HEAD = re.compile(r"(?m)^[ \t]*(?:(?i:part|section|step)[ \t]+\w{1,3}\b[^\n]*|[A-Z][A-Z ,&'’/()\-]{5,60}[ \t]*:?[ \t]*)$")
_OTHER_SECTION = re.compile(
    r"(?i)\b(?:other[ \t]+parent|paying[ \t]+parent|receiving[ \t]+parent|partner|ex|former|his|her|their|he|she|associates?|"
    r"children|child|people|household|previous|landlord|guarantor|contact|referee)\b|['’]s\b")


# (round 24R) a transcript of a call or chat between the agency and one customer: its heading names the agency's
# side ("Agent: ...", "Caseworker: ...", "You are now chatting with ...") and the customer ("Customer: X", "Caller:
# PP"), or the customer's speaker label is known (``DocParties.speakers``: "CALLER: Yeah it's X.")
_CONVERSATION_HEAD = re.compile(r"(?i)\b(?:transcript|web[ \t\-]?chat|chat|call|conversation)\b")
_STAFF_HEAD = re.compile(
    r"(?im)^[ \t]*(?:agent|advis[eo]r|caseworker|case[ \t]+(?:worker|manager|officer)|operator|call[ \t]+handler|"
    r"staff(?:[ \t]+member)?)\b[^\n:]{0,20}:[ \t]*(?P<who>[^\n]*)|\bchatting[ \t]+with[ \t]+(?P<with>[^\n.]*)")
_STAFF_LABEL = re.compile(r"(?i)^(?:agent|advis[eo]r|caseworker|case[ \t]+worker|operator|call[ \t]+handler|staff|cms|system)$")
_CUSTOMER_HEAD = re.compile(r"(?im)\b(?:customer|caller|client)(?:[ \t]+name)?[ \t]*:[ \t]*(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?")
# a speaker's turn: a line opened by a short label and a colon ("AGENT:", "MY:", "Tomasz:", "14:02 Me:")
_TURN_LINE = re.compile(r"(?m)^" + SPEAKER_PREFIX.pattern + r"(?P<label>[A-Za-z][A-Za-z .'’\-]{0,24}?)[ \t]*"
                        r"(?:\([^)\n]{1,30}\))?[ \t]*:(?=[ \t])")
# a third person written without the apostrophe in a chat: "hes on 07700 ...", "shes got ..."
_THIRD_INFORMAL = re.compile(r"(?i)\b(?:hes|shes|theyre|theyve|theyll|theyd|hers|theirs)\b")
# "that's for the Corsa", "it's 0121 ...": a contraction, not a possessive
_CONTRACTION = re.compile(r"(?i)\b(?:that|it|what|there|here|let|who|where|how)['’]s\b")


def conversation_customer(text: str, s: int, mentions: list[Mention], doc: DocParties):
    """(round 24R) Whose is a value nothing names an owner for, in a transcript of the agency's call or chat with
    one customer? The customer's, as a careful reader takes it: the customer gives (or the agent reads back) the
    customer's own details there, and anything about someone else is said to be theirs. Only when the value's turn
    and the two turns before it (a read-back answers one, which may answer the other) speak of nobody but the customer
    and the agency's staff: no other person named, no third person ("he", "her", "the PP's", "hes"), relative or other
    parent. ``_NO_HEADER`` otherwise."""
    head = text[:600]
    if _CONVERSATION_HEAD.search(head) is None:
        return _NO_HEADER
    staff_heads = list(_STAFF_HEAD.finditer(head))
    turns = list(_TURN_LINE.finditer(text))
    if len(turns) < 4:
        return _NO_HEADER
    counts: dict[str, int] = {}
    for t in turns:
        k = t.group("label").strip().lower()
        counts[k] = counts.get(k, 0) + 1
    # the labels that speak (a heading's labels occur once; a chat system's own notices are no one's)
    speakers = {k for k, n in counts.items() if n >= 2 and k != "system"}
    if len(speakers) != 2:
        return _NO_HEADER  # a conversation of two: the agency and its customer
    if not staff_heads and not any(_STAFF_LABEL.match(k) for k in speakers):
        return _NO_HEADER
    # the customer: the party the heading's "Customer:" line or the speaker labels name (all agreeing)
    who = {pos for k, pos in doc.speakers if k in speakers}
    for cm in _CUSTOMER_HEAD.finditer(head):
        who |= {x.pos for x in mentions if cm.end() <= x.start <= cm.end() + 1 and not x.possessive}
    if len(who) != 1 or None in who:
        return _NO_HEADER
    customer = next(iter(who))
    # the agency's staff: the people the heading names as such, and the speaker labels that are unknown names
    staff = set()
    for sm in staff_heads:
        a, b = sm.span("who") if sm.group("who") is not None else sm.span("with")
        staff |= {text[x.start:x.end].split()[0].casefold() for x in mentions if a <= x.start and x.end <= b and x.pos is None}
    for t in turns:
        if t.group("label").strip().lower() in speakers:
            staff |= {text[x.start:x.end].split()[0].casefold() for x in mentions
                      if x.start == t.start("label") and x.pos is None}
    # the value's turn and the one before it
    idx = [i for i, t in enumerate(turns) if t.group("label").strip().lower() in speakers and t.start() <= s]
    if not idx:
        return _NO_HEADER
    i = idx[-1]
    if turns[i].end() > s:
        return _NO_HEADER  # (in the label itself)
    nxt = next((t.start() for t in turns[i + 1:] if t.group("label").strip().lower() in speakers), len(text))
    spans = [(turns[i].end(), nxt)]
    prev = idx[:-1][-2:]  # the two turns before: the question it answers, and what that question took up
    if prev:
        spans.append((turns[prev[0]].end(), turns[i].start()))
    for a, b in spans:
        for x in mentions:
            if a <= x.start and x.end <= b and x.pos != customer and not (
                    x.pos is None and not x.possessive and text[x.start:x.end].split()[0].casefold() in staff):
                return _NO_HEADER  # someone else is spoken of
        for m in _THIRD_REF.finditer(text, a, b):
            if any(x.start <= m.start() < x.end and x.pos == customer for x in mentions):
                continue  # "(PP)", "Mr X's": the customer himself
            if m.group(0)[-1:] in "sS" and m.group(0)[:1] in "'’" and _CONTRACTION.match(
                    text, max(a, text.rfind(" ", a, m.start()) + 1)) is not None:
                continue
            return _NO_HEADER
        if _THIRD_INFORMAL.search(text, a, b) is not None:
            return _NO_HEADER
    return customer


def holder_by_document(text: str, s: int, mentions: list[Mention], doc: DocParties, reference: bool,
                       e: int | None = None, card: bool = False, identity: bool = False) -> int | None | str:
    """Whose is a value that nothing local attributes ("none" from ``owner_of``), by the document's shape:
    - a personal reference number (a tenancy, policy, claim, customer or payroll number: ``reference``) that
      a letter or form gives without naming anyone: the reference of the person it is written to ("Tenancy
      ref: WH/RC/0007" over "Dear Ms X", "Works/payroll number:" on a form whose "ABOUT YOU" names X), or,
      with no addressee, of the person it is about ("Tenant(s): / Name: X"); not when the letter is about
      someone else ("Re: Mr Y"), nor when its sentence speaks of anyone else ("his", "the PP's", "the applicant");
    - a header row of a record about one person, above every name in it ("Registration mark: YF17 HMK" over
      a DVLA record's "Keeper: / Name: X"): the record's subject.
    - (round 21) a full card number (``card``) in a bank statement: its holder's (what follows it on the row is
      the shop or payee: "POS 4658 ... TESCO PAISLEY").
    Else "none"."""
    if card:
        own = _statement_card_holder(text, s, mentions, doc, card=True)
        if own is not None:
            return own
    who = conversation_customer(text, s, mentions, doc)
    if who is not _NO_HEADER:
        return who  # (round 24R) the customer's own details in the agency's call or chat with them
    if identity and e is not None:
        who = _identity_holder(text, s, e, mentions, doc)
        if who is not None:
            return who  # (round 25R) an identity document shown for the one person the document is by, to or about
    ls = text.rfind("\n", 0, s) + 1
    sent = ls
    for m in SENTENCE_END.finditer(text, ls, s):
        sent = m.end()
    if any(ls <= x.start < s for x in mentions) or _THIRD_REF.search(text, sent, s):
        return "none"
    if e is not None:
        le = text.find("\n", e)
        le = len(text) if le < 0 else le
        stop = SENTENCE_END.search(text, e, le)
        after = stop.start() if stop is not None else le
        if any(e <= x.start < after for x in mentions) or _THIRD_REF.search(text, e, after):
            return "none"  # "Payroll no. 77120 (PP).", "..., NBL-30417, his works number"
    if reference:
        dear = DEAR_RE.search(text)
        if dear is not None and dear.start() < s:
            return "none"  # in a letter, only its heading's references ("Tenancy ref:", "Policy number:" over "Dear")
        head = _SECTION_HEAD.search(text, 0, ls)
        last = None
        while head is not None:
            last = head
            head = _SECTION_HEAD.search(text, head.end(), ls)
        if last is not None and _OTHER_SECTION.search(last.group(0)):
            return "none"  # a form's section about someone else ("SECTION 4: ABOUT THE OTHER PARENT")
        if doc.addressee is not None:
            return doc.addressee if doc.subject in (None, doc.addressee) else "none"
        if doc.subject is not None:
            return doc.subject
        return "none"
    if doc.subject is not None and _is_form_row(text, ls, s, mentions):
        before = [x for x in mentions if x.start < s]
        if not before:
            return doc.subject
        # (round 20) a row of the subject's own heading block, under the line naming only them: "Re: Ms X Y /
        # DOB: ...  NHS no: ..." (everyone named before it is the subject, the nearest in the same block)
        near = max(before, key=lambda x: x.start)
        if all(x.pos == doc.subject and not x.possessive for x in before) and near.start >= block_start(text, ls, 6):
            return doc.subject
    own = _own_form_section_owner(text, ls, s, mentions, doc)
    if own is None:
        own = _statement_card_holder(text, s, mentions, doc)
    if own is not None:
        return own
    return "none"


# (round 25R) an identity document's number (a passport) is given to prove who someone is: in a document by, to and
# about one person only (its author, addressee and subject, those it has, all that person), a number whose clause names
# nobody else ("Right to work: UK passport ... seen", "[X] Passport copy, no. ...", "ID seen: UK passport ... (yourself);")
# is that person's. Not when anyone else is named (or "he", "her", a relative, "the PP's") on its line before it or in
# its clause after it, nor named in the lines of its block above, unless the block's writer says the passport is theirs
_CLAUSE_AFTER = re.compile(r"[^\n;]*?(?:[;]|[.!?](?=[ \t]|$)|$)", re.M)
_OWN_DOCUMENT_FIRST = re.compile(r"(?i)\b(?:my|I[ \t]+(?:have|had|got|enclose|attach)[ \t]+(?:a|an|my)?[ \t]*(?:new|renewed|current)?)[ \t]*"
                                 r"(?:new[ \t]+|renewed[ \t]+|current[ \t]+|uk[ \t]+|british[ \t]+)?passport\b")


def _identity_holder(text: str, s: int, e: int, mentions: list[Mention], doc: DocParties,
                     first_person: bool = True) -> int | None:
    who = {p for p in (doc.author, doc.addressee, doc.subject) if p is not None}
    if len(who) != 1:
        return None
    holder = next(iter(who))
    ls = text.rfind("\n", 0, s) + 1
    after = _CLAUSE_AFTER.match(text, e).end()
    if any(ls <= x.start < after and (x.pos != holder or x.possessive) for x in mentions) \
            or _THIRD_REF.search(text, ls, s) or _THIRD_REF.search(text, e, after) or _THIRD_INFORMAL.search(text, ls, after):
        return None
    head = None
    for head in _SECTION_HEAD.finditer(text, 0, ls):
        pass
    if head is not None and _OTHER_SECTION.search(head.group(0)):
        return None  # a form's or record's section about someone else ("SECTION 4: ABOUT THE OTHER PARENT")
    bs = block_start(text, ls)
    if bs < ls and any(bs <= x.start < ls and (x.pos != holder or x.possessive) for x in mentions):
        if not (first_person and doc.author == holder and _OWN_DOCUMENT_FIRST.search(text, bs, ls)):
            return None
    return holder


# (round 25R) the same for a home address a record or letter about one person gives as theirs on its own row or
# clause: "Home address:   Flat 6, ...", "- home address on our records is still Flat 4, ...", "Previous home
# address: ..." (a qualified address label, or an address "on our records / held / on file"), nobody else named
_HOME_ADDRESS_LABEL = re.compile(
    r"(?i)(?:^|(?<=[\-–*•(]))[ \t]*(?:(?:home|residential|postal|current|previous|former|old|last[ \t]+known)[ \t]+(?:home[ \t]+)?address"
    r"(?:[ \t]+(?:held|given|(?:on|in)[ \t]+(?:our|the|your)[ \t]+(?:records?|system|file)|on[ \t]+file))?"
    r"|address[ \t]+(?:held|(?:on|in)[ \t]+(?:our|the)[ \t]+(?:records?|system|file)|on[ \t]+file))"
    r"(?:[ \t]+(?:is|was)(?:[ \t]+still)?)?[ \t]*:?[ \t]*\Z", re.M)


def home_address_holder(text: str, s: int, e: int, mentions: list[Mention], doc: DocParties) -> int | None:
    """The one person a document is by, to and about, for an address on its "Home address:" row (see above)."""
    ls = text.rfind("\n", 0, s) + 1
    if _HOME_ADDRESS_LABEL.search(text, ls, s) is None:
        return None
    return _identity_holder(text, s, e, mentions, doc, first_person=False)


# (round 20) a card in a bank statement, or in the notes written on it, with no one else said to hold it: a card
# paying from the account is its holder's ("11 Apr  CARD 5487 ... CO-OP", "Card above is mine - 5487 ...",
# "Card for the debit is the same one - 4929 ..."); the holder is the statement's addressee (the name over its
# postal address) or the party its "Account name:" row names
_CARD_BEFORE = re.compile(r"(?i)\bcard\b[^\n]{0,40}\Z")
_STATEMENT_WORD = re.compile(r"(?i)\bstatement\b")
_HOLDER_ROW = re.compile(
    r"(?im)^[ \t|]*(?:[^\n:/]{1,30}/[ \t]*)?(?:account[ \t]+(?:name|holder)(?:\(s\))?|name[ \t]+of[ \t]+account[ \t]+holder)[ \t]*:?[ \t]*"
    r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?")


def _statement_card_holder(text: str, s: int, mentions: list[Mention], doc: DocParties, card: bool = False) -> int | None:
    """``card``: the value is a full card number (needs no "card" word before it), anywhere on a row that names
    nobody before it."""
    if card:
        ls = text.rfind("\n", 0, s) + 1
        if any(ls <= x.start < s for x in mentions) or _THIRD_REF.search(text, ls, s):
            return None
    elif _CARD_BEFORE.search(text, max(0, s - 45), s) is None:
        return None
    head = text[:700]
    if _STATEMENT_WORD.search(head) is None:
        return None
    holders = set()
    rows = False
    for m in _HOLDER_ROW.finditer(head):
        rows = True
        holders |= {x.pos for x in mentions if x.start == m.end() and not x.possessive}
    if not rows and _BANK_HEAD.search(head) is None:
        return None  # (a statement with an "Account holder:" row is a bank's, whatever the bank is called)
    if doc.addressee is not None:
        holders.add(doc.addressee)
    return holders.pop() if len(holders) == 1 and None not in holders else None


# a line of a form: a label and a colon then its answer ("IBAN (if paying from abroad - n/a, but given): GB18...",
# "I pay by: [x] Direct Debit"), or a label then a run of dots or spaces ("Reg ........ CU16 RFX")
_ANY_ROW = re.compile(r"[ \t|]*[^\n:]{1,50}:[ \t]*\S|[ \t|]*[A-Za-z][A-Za-z /()'’\-]{0,30}?(?:[ \t]*\.{3,}[ \t]*|[ \t]{2,})\S")


def _own_form_section_owner(text: str, ls: int, s: int, mentions: list[Mention], doc: DocParties) -> int | None:
    """(round 20) A row of a form that one party filled in about themselves (its writer is its "you": "YOUR
    DETAILS" and "Signed:" name the same party, or a letter's addressee returned it signed) in a section that
    names nobody: "PART 3 PAYMENTS / I pay by: ... / One-off card payment today: card no. ...", or rows running
    on from the form's own "Full name: X" row ("Employment: ... / Bank: Barclays  Sort code ..."). Not under a
    section about someone else ("ABOUT THE OTHER PARENT", "HOUSEHOLD"), nor a row whose label names anyone."""
    party = doc.addressee
    if party is None or doc.author != party:
        return None
    pair = _PAIRED_AFTER_SORT_CODE.search(text, max(ls, s - 70), s)
    if pair is not None:
        s = pair.start("sc")  # "Sort code 20-45-77  Account no 63019284": the account goes with its sort code's row
    if not _is_form_row(text, ls, s, mentions) or _THIRD_REF.search(text, ls, s):
        return None
    for prev, line in _lines_above(text, ls, 25):
        line_end = prev + len(line)
        if not line.strip():
            continue
        named = [x for x in mentions if prev <= x.start < line_end]
        if named:
            nm = _NAME_ROW.match(text, prev)
            if nm is not None and named[0].start == nm.end() and not named[0].possessive and named[0].pos == party \
                    and all(x.pos == party for x in named):
                return party  # the form's own name row
            return None
        if _SECTION_HEAD.fullmatch(line):
            return None if _OTHER_SECTION.search(line) else party
        if _THIRD_REF.search(line) or not _ANY_ROW.match(line):
            return None  # prose, or a row about someone else, between the section's start and the value
    return None


def _sentence_starts_at(text: str, sent: int, line_start: int) -> bool:
    """Does a sentence start at ``sent``? After a full stop on the line, yes; at the start of a
    line only when the line before ended one (or a blank line, a heading's colon, the text's
    start is there): a line that continues a wrapped sentence does not start one."""
    if sent > line_start:
        return True
    before = text[:max(0, line_start - 1)].rstrip(" \t")  # up to the end of the line before
    return not before.strip() or before.endswith("\n") or before[-1] in ".!?:"


def mention(start: int, end: int, pos: int | None, text: str) -> Mention:
    return Mention(start, end, pos, bool(POSSESSIVE_AFTER.match(text, end)))


def kind_of(pos: int | None) -> PartyKind:
    if pos == 0:
        return PartyKind.REQUESTER
    if pos is None:
        return PartyKind.UNKNOWN
    return PartyKind.THIRD_PARTY


# ---------------------------------------------------------------------- role labels
# a form or decision's label naming a party ("Appellant: <name>", "Account holder: <name>"); "the
# appellant" later in the same document is then a mention of that party
ROLE_LABEL_RE = re.compile(
    r"(?im)^[ \t|]*(?:(?:re|subject)[ \t]*:[ \t]*)?(?P<label>(?:first[ \t]+|second[ \t]+)?respondent|appellant|applicant|claimant|complainant|"
    r"customer|tenant|debtor|defendant|account[ \t]+holder|service[ \t]+user|caller|(?:our[ \t]+)?client)(?:[ \t]+name)?[ \t]*[:|]?[ \t]+"
    r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?"
)


def label_bindings(texts: list[str], mentions: list[list[Mention]]) -> dict[str, int | None]:
    """Role label (lower case, single spaces) -> the party it names in this document."""
    found: dict[str, set] = {}
    for text, ms in zip(texts, mentions):
        if not ms:
            continue
        starts = {m.start: m for m in ms}
        for lm in ROLE_LABEL_RE.finditer(text):
            m = starts.get(lm.end())
            if m is not None and not m.possessive:
                label = " ".join(lm.group("label").lower().split())
                found.setdefault(label.replace("our ", ""), set()).add(m.pos)
        for lm in HEADED_NAME_RE.finditer(text):
            m = starts.get(lm.end())
            if m is not None and not m.possessive:
                found.setdefault("client", set()).add(m.pos)  # "PERSON REFERRED / | Name | <name>"
        for lm in HEADER_BLOCK_RE.finditer(text):
            m = starts.get(lm.end())
            if m is not None and not m.possessive:
                found.setdefault(" ".join(lm.group("label").lower().split()), set()).add(m.pos)  # "Tenant(s):\n  Name: X"
        for lm in OUR_CLIENT_RE.finditer(text):
            m = starts.get(lm.end())
            if m is not None and not m.possessive:
                found.setdefault("client", set()).add(m.pos)  # "Child maintenance: our client Mr X", "my client, Mrs X,"
        for lm in ACT_FOR_RE.finditer(text):
            m = starts.get(lm.end())
            if m is not None and not m.possessive:
                found.setdefault("client", set()).add(m.pos)  # "We act for (the receiving parent,) Mrs X"
        for lm in ROLE_AFTER_RE.finditer(text):
            for m in ms:
                if m.end == lm.start() or (m.end < lm.start() and not text[m.end:lm.start()].strip(" \t)")):
                    if not m.possessive:
                        found.setdefault(lm.group("label").lower(), set()).add(m.pos)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


# a form's section about the client, its first row the name: "SECTION 2: PERSON REFERRED\n| Name | <name>",
# "Client details\nName: <name>"; "Client's ..." later in the form is that person's
HEADED_NAME_RE = re.compile(
    r"(?im)^[^\n]{0,40}\b(?:client|person[ \t]+referred|service[ \t]+user)(?:[ \t]+details)?[ \t:)]*\n[ \t|]*"
    r"(?:full[ \t]+)?name[ \t]*[:|]?[ \t]+(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?"
)
# a record's block for one person, its first row the name: "Tenant(s):\n  Name: Mr X", "Landlord:\n  Name: ...",
# "Previous keeper:\n  Name: MRS X"; "the Tenant's account" later in the document is that person's
HEADER_BLOCK_RE = re.compile(
    r"(?im)^[ \t|]*(?P<label>(?:previous[ \t]+|former[ \t]+|new[ \t]+|registered[ \t]+)?(?:tenant|landlord|landlady|keeper|"
    r"employee|guarantor|policyholder|borrower|lodger))(?:\(s\)|s)?[ \t]*(?:details)?[ \t]*:?[ \t]*\n[ \t|]*"
    r"(?:full[ \t]+)?name[ \t]*[:|]?[ \t]+(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?"
)
_BLOCK_ONLY_LABELS = {"landlord", "landlady", "keeper", "employee", "guarantor", "policyholder", "borrower", "lodger"}
# a solicitor's letter naming its client in its heading or text: "Child maintenance: our client Mr Emeka Bello",
# "my client, Mrs X, has asked me"; "our client's salary" later in the letter is that person's
OUR_CLIENT_RE = re.compile(r"(?i)\b(?:our|my)[ \t]+client[ \t]*[,:\-–]?[ \t]+(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?")
# a solicitor's letter naming its client: "We act for the receiving parent, Mrs Joanne Pryce"
ACT_FOR_RE = re.compile(
    r"(?i)\bwe[ \t]+(?:act|are[ \t]+instructed|are[ \t]+acting)[ \t]+(?:for|by|on[ \t]+behalf[ \t]+of)[ \t]+"
    r"(?:the[ \t]+(?:receiving|paying)[ \t]+parent,?[ \t]+|(?:the[ \t]+)?(?:applicant|respondent|appellant),?[ \t]+)?"
    r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+)?"
)
# the label written after the name: "MEHMET ARSLAN (Defendant)", "Ms X, the appellant,"
ROLE_AFTER_RE = re.compile(
    r"[ \t]*\([ \t]*(?P<label>defendant|complainant|appellant|applicant|claimant|respondent|tenant|debtor|customer)[ \t]*\)",
    re.I,
)


def label_mentions(text: str, bindings: dict[str, int | None], taken: list[Mention]) -> list[Mention]:
    """"the appellant", "the second respondent's" as mentions of the parties their labels name."""
    if not bindings:
        return []
    rx = _label_use_regex(tuple(sorted(bindings, key=len, reverse=True)))
    out = []
    for m in rx.finditer(text):
        g = "label" if m.group("label") else "bare"
        label = " ".join(m.group(g).lower().split())
        if label not in bindings:
            continue
        s, e = m.start(g), m.end(g)
        if any(x.start < e and s < x.end for x in taken):
            continue
        out.append(mention(s, e, bindings[label], text))
    return out


_label_rx_cache: dict[tuple, re.Pattern] = {}


def _label_use_regex(labels: tuple[str, ...]) -> re.Pattern:
    rx = _label_rx_cache.get(labels)
    if rx is None:
        alts = "|".join(r"[ \t]+".join(re.escape(w) for w in l.split()) for l in labels)
        # a capitalised one-word label with no article, as an adviser's log writes it: "Client's car is ...",
        # "Client pays from ..." (not "client" in lower case, which is any client)
        # (not a record block's label: "Keeper from 11/04/2019" is a row of the previous keeper's block)
        bare = "|".join(re.escape(l[0].upper() + l[1:]) for l in labels if " " not in l and l not in _BLOCK_ONLY_LABELS)
        # "the appellant", not "the second respondent" for "respondent"
        rx = re.compile(r"(?i)\b(?:the|this|that|our|your)[ \t]+(?P<label>" + alts + r")\b"
                        + (r"|(?<![\w'’\-])(?P<bare>(?-i:" + bare + r"))(?![\w\-]|[ \t]*:|[ \t]+(?-i:[A-Z]))" if bare else ""))
        _label_rx_cache[labels] = rx
    return rx
