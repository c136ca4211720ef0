"""Synthetic UK child-maintenance case text with PERSON / ORG / LOC annotations (version 2).

Version 2 of ``synthetic.py`` (``python -m recognizers.ner.train --synthetic-version 2``): the
same letters, notes, calls, forms and e-mails, plus the shapes the NER misses on unseen case
files: chat/SMS/WhatsApp exports with names and nicknames typed in lower case ("tell gaz i
said no"), case-note and call-log lines with SURNAMES IN CAPITALS and "SURNAME, First",
bank-statement payee lines, names with no cue word (lists, sentence subjects), and more
negatives (capitalised ordinary words, job titles, towns, banks, "Will"/"May"/"Mark" as words).
More name groups (Vietnamese, Ukrainian, Eritrean/Ethiopian, Welsh/Scottish/Irish, West
African, Greek/Cypriot, Albanian, Bulgarian...), some written family name first; adjacent
name slots ("{F} {S}") are one PERSON span. Version 1 (``synthetic.py``) is unchanged, so
the default training command still reproduces the model trained with it.

The code is version 1's: ``NamePools``, ``Person`` and ``Generator`` here subclass it and
add only what differs (``tests/test_synthetic_stable.py`` pins both versions' output).

Letters, case notes, call logs, forms and e-mails built from templates. Names come
from the ``names-dataset`` package (top first names and surnames per country) plus the
small built-in lists below; every value is invented, no real case data is used.

Titles (Mr, Mrs, Ms, Dr...) are *not* part of a PERSON span, matching the public
corpora. Some documents are lower-cased (terse case notes), some have only the
names lower-cased, some names are split over a line break.

Everything is driven by one ``random.Random(seed)``: same seed, same text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from recognizers.ner import synthetic as v1

# the templates, lists and helpers that are the same as the first generator's
from recognizers.ner.synthetic import (  # noqa: F401 - also this module's API
    FALLBACK,
    _NAME_OK,
    _NOT_NAMES,
    _is_latin,
    _common_word,
    _clean,
    STREETS,
    ORG_PATTERNS,
    MONTHS,
    DAYS,
    KIN,
    ROLES,
    LETTER_OPEN,
    LETTER_BODY,
    LETTER_CLOSE,
    NOTES,
    CALLS,
    FORMS,
    EMAILS,
    NEGATIVE,
    _SLOT,
    LITERAL_ORGS,
    _literal_org_spans,
    SyntheticDoc,
    _lower_people,
    _case_change,
)

# --------------------------------------------------------------------- name pools

#: names-dataset country code -> weight (share of synthetic people from there): version 1's,
#: with more Hungarian names and eight more countries.
COUNTRY_WEIGHTS: dict[str, float] = {
    **v1.COUNTRY_WEIGHTS, "HU": 2,
    "GR": 1, "CY": 1, "ET": 1, "AL": 1, "BG": 1, "BR": 1, "ES": 1, "PH": 1,
}

#: Built-in pools for groups the names dataset covers thinly: version 1's and these.
#: key -> (male, female, surnames)
BUILTIN: dict[str, tuple[list[str], list[str], list[str]]] = {
    **v1.BUILTIN,
    "vietnamese": (
        ["Tuan", "Nam", "Quang", "Thanh", "Long", "Huy", "Dung", "Khoa",
         "Phong"],
        ["Linh", "Huong", "Trang", "Ngoc", "Anh", "Hanh"],
        ["Le", "Phan", "Vu", "Bui",
         "Ngo", "Duong", "Ly", "Truong", "Dinh", "Lam"],
    ),
    "ukrainian": (
        ["Oleksandr", "Andriy", "Serhiy", "Taras", "Bohdan", "Dmytro", "Yuriy",
         "Vasyl", "Petro", "Ihor", "Volodymyr"],
        ["Olena", "Iryna", "Natalia", "Yulia", "Tetiana", "Halyna", "Svitlana",
         "Khrystyna", "Mariya", "Solomiya", "Viktoriya"],
        ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk",
         "Boyko", "Lysenko", "Savchenko", "Marchenko", "Rudenko"],
    ),
    "horn": (
        ["Yonas", "Berhane", "Mehari", "Filmon", "Kidane", "Samuel",
         "Habtom", "Tekle", "Yohannes", "Merhawi"],
        ["Senait", "Helen", "Saba", "Selam", "Luwam", "Mebrat", "Hiwet", "Rahel", "Tsega",
         "Yordanos", "Feven", "Winta"],
        ["Haile", "Tesfaye", "Ghebremedhin", "Berhe", "Kidane",
         "Woldemariam", "Asfaha", "Tekle", "Mebrahtu", "Gebremariam"],
    ),
    "celtic": (
        ["Dafydd", "Gareth", "Iwan", "Cian", "Oisin",
         "Ruairi", "Callum", "Hamish", "Eoin", "Cathal", "Aled", "Gethin"],
        ["Siobhan", "Aoife", "Catriona", "Morag",
         "Mairead", "Caoimhe", "Ffion", "Nia", "Cerys", "Bethan", "Roisin"],
        ["Llewellyn",
         "Gallagher", "Doherty", "MacLeod", "Fitzgerald", "O'Sullivan",
         "Cadwaladr", "MacDonald", "Kavanagh", "Vaughan", "Morgan", "Buchanan"],
    ),
    "westafrican": (
        ["Tunde", "Femi", "Kwame", "Kofi", "Yaw", "Emeka", "Chidi", "Ade", "Dapo",
         "Kwabena", "Ibrahim", "Mohamed", "Sorie"],
        ["Abena", "Ngozi", "Funmi", "Bisi", "Fatmata",
         "Chipo", "Yewande", "Efua", "Akua"],
        ["Mensah", "Boateng", "Kamara",
         "Asante", "Owusu", "Oyelaran", "Mutasa", "Conteh", "Koroma"],
    ),
}
BUILTIN_WEIGHTS = {**v1.BUILTIN_WEIGHTS,
                   "vietnamese": 2, "ukrainian": 2, "horn": 2, "celtic": 4, "westafrican": 3}

#: Groups whose names are often written family name first ("Tran Van Nam", "Kovacs Peter").
SURNAME_FIRST = {"vietnamese": 0.75, "chinese": 0.4, "HU": 0.4}

#: Everyday short forms and nicknames (chat logs, notes): the person slot {K}.
NICKS = [
    "Jo", "Tash", "Gaz", "Kez", "Mo", "Bex", "Dave", "Steve", "Chris", "Sam",
    "Jen", "Liz", "Kat", "Nat", "Becca", "Lou", "Baz", "Dazza", "Macca", "Shaz", "Tel", "Del",
    "Jim", "Rob", "Bob", "Pete", "Mick", "Tony", "Kev", "Tom", "Ben", "Dan", "Jay", "Kaz",
    "Jules", "Soph", "Gem", "Em", "Ellie", "Meg", "Gosia", "Tomek",
    "Ola", "Sid", "Raj", "Ade", "Tunde", "Femi", "Bisi", "Misha",
    "Sasha", "Vik", "Andy", "Mel", "Shell", "Trish", "Sal", "Tez", "Shaz", "Jonno", "Robbo",
    "Smithy", "Hutch", "Taz", "Bazza", "Deano", "Danny", "Stevie", "Moz", "Kirst", "Bri", "Cat",
    "Alex", "Charlie", "Frankie", "Jess", "Amy", "Lisa", "Stacey",
    "Pat", "Sue", "Jack", "Ray",
    "Dev", "Kam", "Az", "Saf", "Naz", "Rav"]
#: "Big Will", "Little Jo": a nickname with a word in front (the word is part of the name).
NICK_PREFIX = ["Big", "Little", "Big", "Young"]


class NamePools(v1.NamePools):
    """Version 1's pools from the lists above; people may write their family name first."""

    country_weights = COUNTRY_WEIGHTS
    builtin = BUILTIN
    builtin_weights = BUILTIN_WEIGHTS

    def _make_person(self, rng: random.Random, key: str, first: str, middle: str, surname: str,
                     gender: str) -> "Person":
        if " " in first:  # Vietnamese "Thi Lan": a middle name already
            middle = ""
        return Person(first, middle, surname, gender, rng.random() < SURNAME_FIRST.get(key, 0.0))


@dataclass
class Person(v1.Person):
    surname_first: bool = False
    nick: str = ""


# --------------------------------------------------------------------- other slot values

#: Version 1's lists with more places, organisations (banks, utilities) and job titles.
LOCS = v1.LOCS + [
    "Paris", "Florence", "Rome", "Barcelona", "Amsterdam",
    "Lisbon", "Madrid", "Vilnius", "Budapest", "Bucharest", "Kyiv", "Lviv", "Hanoi", "Asmara",
    "Addis Ababa", "Athens", "Sofia", "Tirana", "Moss Side", "Handsworth",
]
ORGS_FIXED = v1.ORGS_FIXED + [
    "Monzo", "Revolut", "Metro Bank",
    "First Direct", "TSB", "Virgin Money", "Klarna", "PayPal", "Octopus Energy", "British Gas",
    "Vodafone",
]
JOBS = v1.JOBS + [
    "Collections Officer", "Support Worker", "Family Support Worker", "Housing Officer",
    "Police Constable", "Health Visitor", "Debt Adviser", "Operations Manager", "Customer Relations",
    "Client Services Team", "Practice Manager", "Designated Safeguarding Lead", "Mediator",
    "Senior Associate", "Paralegal", "Office Manager", "Account Manager", "Complaints Team"]

# --------------------------------------------------------------------- templates
# Slots: {P} full name, {F} first name, {S} surname, {T} title + surname (title outside
# span), {TF} title + full name, {P2}/{F2}/{T2}: a second person, {F3} a third,
# {ORG}, {LOC}, {DATE}, {DAY}, {MONTH}, {TIME}, {AMT}, {JOB}, {KIN}, {ROLE}, {PHONE},
# {REF}, {EMAIL}, {ADDR}, {he}/{him}/{his} for the first person.


# Chat / SMS / WhatsApp exports: speakers and messages, mostly typed in lower case.
# {K} is a short form or nickname of a person.
CHAT_LINE = ["[{DATE}, {TIME}] {SPK}: {MSG}", "{DATE} {TIME} - {SPK}: {MSG}", "{SPK} ({TIME}): {MSG}",
             "{SPK}: {MSG}", "{DATE}, {TIME} - {SPK}: {MSG}", "{TIME} {SPK}: {MSG}"]
CHAT_NON_PERSON = ["Me", "You", "Mum", "Dad", "Nan", "Unknown", "+44 7{NUMA} {NUMB}", "07{NUMA} {NUMB}", "Work",
                   "School Office"]
CHAT_MSG = [
    "is {K2} picking the kids up or what", "tell {F2} i said no", "{F2} said hes not paying this month",
    "ok", "lol", "ask {K3} then", "{K2} can have them sat", "did u see what {F3} put on fb",
    "im at {F2}'s till 6", "{K2} and {K3} are coming round later", "cant talk now im with {K2}",
    "{F2} {S2} still owes me £{AMT}", "been to see {F3} today x", "no", "will do", "may be late, traffic",
    "mark it on the calendar", "hope ur ok", "what time", "omw", "thanks {K2} x", "hi {F2} its {K}",
    "{K2} u there?", "morning {K2}", "spoke to {F3}, she says its fine", "my mum will have them {DAY}",
    "cheers mate", "{F3} has got parents evening on {DAY}", "{K2}'s new bloke is a nightmare", "ring me",
    "send me the money by friday or im going to the csa", "dropped {F3} at school", "sorry {K2} cant make it",
    "{F2} and the kids are at her mums", "get {K3} to ring me", "has {F3} had her tea",
    "{K3} said u was out with {K2} last night", "who is {F2}??", "{F2} {S2} is her new fella",
    "is it ok if {K3} stays over", "yeah {K2} told me", "ok babe x", "where r u", "kids are fine",
    "can {F3} come to ours after school", "{K2} has the car this week", "not till {K3} gets paid",
    "u owe me £{AMT}", "{F2}'s brother {F3} can do it", "happy birthday {K2}!!", "love u x",
    "whatever {K2}", "{K2} is driving me mad", "just seen {F3} in town with {K2}",
]
# Case notes and call logs: SURNAMES IN CAPITALS, "Surname, First", bare surnames.
LOG = [
    "{DATE} {TIME} spoke to {SU} re arrears", "{DATE} Call from {SU} ({ROLE}) - wants update",
    "{SU} called, advised of balance of £{AMT}.", "T/C to {SU}, no answer. LVM.", "{SF} - DOB {DOB}",
    "Visit: {SU} not at home. Neighbour {F2} says moved to {LOC}.", "{SU} {F} - identity confirmed",
    "Spoke to {F} {SU} ({KIN} of RP).", "{SF} - {ROLE}", "Email from {SU} with payslips.",
    "{T} ({SU}) disputes calc.", "Advised {SU} that {SU2} must provide evidence.",
    "{SU} / {SU2} - shared care dispute.", "{S} v {S2}", "{SU} v {SU2} - listed {DATE}",
    "PC {SU2} attended at {TIME}.", "DC {P2} took a statement from {SU}.", "spoke to {S} re payment",
    "{S} rang again. Told {him} to put it in writing.", "Rang {S2} at {ORG}, {he2} will call back.",
    "{SU} to send bank statements by {DATE}.", "Case passed to {SU2} ({JOB}).",
    "{SF2} ({KIN}) present during call.", "{DATE}: {SU} in office, upset.", "Message left for {S2}.",
    "Met {SU} and {SU2} at {LOC} office.", "Allocated to: {SF2}", "Caller ID: {SU}",
    "{I} called re DEO", "Re: {SU} {F} - change of address", "NFA. {SU} informed.",
    "{TIME} {SU} called back, confirmed {he} now works for {ORG}.",
]
# Bank statement lines (capitals): payees who are people among merchants who are not.
BANK = [
    "{DATE} FASTER PAYMENT TO {PU} REF {REF6} {AMT}", "{DATE} TFR FROM {PU} {AMT}",
    "{DATE} BGC {PU} MAINTENANCE {AMT}", "{DATE} STO {PU} RENT {AMT}", "{DATE} FPI {PU} {REF6} {AMT}",
    "{DATE} FPO {PU} {AMT}", "{DATE} TRANSFER TO {PU} {AMT}",
    "{DATE} DD {ORGU} {AMT}", "{DATE} CARD PAYMENT TO {ORGU} {AMT}", "{DATE} POS {ORGU} {AMT}",
    "{DATE} DD COUNCIL TAX {AMT}", "{DATE} ATM WITHDRAWAL {AMT}", "{DATE} INTEREST PAID {AMT}",
    "BALANCE BROUGHT FORWARD {AMT}", "{DATE} DD {ORGU} {AMT}", "{DATE} BGC DWP UC {AMT}",
]
# Names with no cue word: lists, sentence subjects, next to other capitalised words.
NOCUE = [
    "{F} picked the kids up at 3.", "{F} and {F2} came round on {DAY}.", "{P}, {P2} and {P3} were there.",
    "Present: {P}, {P2}, {P3}", "Attendees: {P} ({JOB}), {P2} ({ROLE})", "Apologies: {P3}",
    "Children: {F2} ({N}), {F3} ({N2})", "{DAY} {F} dropped off the school uniform.",
    "{MONTH}: {F} moved in with {F2}.", "Last {DAY} {F} said {he} would pay.", "Headteacher {P}",
    "Social Worker {P2}", "Family Support Worker {P3} visited.", "{F} works at {ORG} now.",
    "{P} - {JOB}", "Re: {P}", "cc: {P2}; {P3}", "Yesterday {F} told me {F2} was moving to {LOC}.",
    "{F2} is {F}'s cousin.", "Both {F} and {F2} work nights.", "Witness: {P2}", "{P} (mother), {P2} (father)",
    "{F} paid £{AMT} in {MONTH} and nothing since.", "{F} {S} and {F2} {S2} share the flat.",
    "{F2} looks after {F3} when {F} is at work.", "Christmas Day {F2} had the children.",
    "{F}, {F2}, {F3}", "{K} has been staying with {F2}.", "Then {F2} turned up drunk.",
    "Mrs {S} and {F2} went to {LOC}.", "Easter holidays: {F3} with {F}.",
    "{F} rang. {F2} answered.", "After {DAY} {F2} stopped replying.", "Nobody but {K} knows.",
    "Yours sincerely\n\n{P}\n{JOB}\n{ORG}", "{P}\n{JOB}", "Kind regards\n{F}\n{JOB}, {ORG}",
    "Dad ({F2}) collects {F3} on {DAY}s.", "{SU} {F}, {SU2} {F2} and {P3}", "Interpreter: {P3}",
    "Chair: {P}\nMinutes: {P2}", "{F} {S}\n{F2} {S2}\n{F3} {S3}",
]
# Negatives: capitalised ordinary words, months, weekdays, job titles, "Will"/"May"/"Mark".
NEGATIVE2 = [
    "The family travelled to {LOC} and {LOC} last summer.", "Moved from {LOC} to {LOC} in {MONTH}.",
    "My new account is with {ORG}, sort code 04-00-04.", "{LOC} and {LOC} offices closed on {DAY}.",
    "Male present at the address.", "Female caller, would not give name.", "Unknown male answered.",
    "IC1 male, approx 30.", "Adult female and two children present.", "Present: {JOB}, {JOB}",
    "REF RENT JUN", "{DATE} FPO REF MAY RENT {AMT}", "Apologies: none", "Children: two (ages 4 and 7)",
    "Worked in {LOC} until {MONTH}.", "Sent from my iPhone", "Church Hall, {LOC}",
    "Will call back on {DAY}.", "May need to review the calculation in {MONTH}.", "Mark as urgent.",
    "Grace period ends {DATE}.", "Hope this helps.", "Bill attached for {MONTH}.",
    "Rose by £{AMT} from {MONTH}.", "Summer holidays: children with RP.", "Council Tax Reduction applied.",
    "Housing Benefit suspended pending review.", "Sent to Enforcement Team.", "Senior Caseworker review completed.",
    "Customer Services Advisor called back.", "Team Leader approval given.", "Head Office confirmed the figures.",
    "Christmas and Easter holidays to be shared equally.", "Bank Holiday Monday - office closed.",
    "Universal Credit Journal entry added.", "Pay As You Earn records checked.", "ok thanks", "will do",
    "may be later", "can u ring me", "lol no", "omw", "love u x", "good night", "cheers", "ta",
    "Tuesday Morning Appointment", "NOTE: DO NOT CONTACT BEFORE 10AM", "PAYMENT RECEIVED WITH THANKS",
    "ACCOUNT SUMMARY", "Jobcentre Plus appointment on {DAY}.", "Employment and Support Allowance claim closed.",
    "Parents Evening {DAY} {DATE}", "Dear Parent/Carer,", "Child In Need plan reviewed.",
    "Stepped Down to Early Help.", "Will the Paying Parent accept?", "May 2024 statement attached.",
    "Mark Scheme: see Appendix B.", "Sweet dreams", "Happy New Year", "Thanks Mate", "Good Morning",
    "Safeguarding Lead informed.", "Court Order dated {DATE}.", "Hearing adjourned to {MONTH}.",
    "OPENING BALANCE", "Direct Debit Guarantee", "Reason For Call: Change Of Circumstances",
    "Outcome: Advised", "Next Action: Review on {DATE}", "Sat {DATE}: Dad's weekend",
    "Mon-Fri: Mum; Sat-Sun: Dad", "Royal Mail Signed For",
    "Head Teacher", "Deputy Head", "Practice Manager", "Team Manager", "Duty Social Worker",
    "Frank discussion about arrears.", "Sue for the money?", "Pat on the back for paying on time.",
    "Dawn raid by bailiffs - no.", "Amber warning: payments late.",
]

GENRES: list[tuple[str, float]] = [
    ("letter", 0.14), ("notes", 0.18), ("calls", 0.08), ("forms", 0.07), ("emails", 0.05),
    ("negative", 0.09), ("chat", 0.13), ("log", 0.10), ("bank", 0.04), ("nocue", 0.09),
    ("negative2", 0.11),
]


def _merge_adjacent_people(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One span for a name built from two slots ("{F} {S}", "{SU} {F}"): PERSON spans
    separated by one space are one name."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if (out and label == "PERSON" and out[-1][2] == "PERSON"
                and text[out[-1][1]:s] == " "):
            out[-1] = (out[-1][0], e, "PERSON")
        else:
            out.append((s, e, label))
    return out


class Generator(v1.Generator):
    """Version 1's generator with the new genres, person slots and name shapes."""

    genre_weights = GENRES
    locs = LOCS
    orgs_fixed = ORGS_FIXED
    jobs = JOBS
    person_slots = v1.Generator.person_slots + ("K", "SF", "I", "PU")
    lower_doc = {"notes": 0.25, "calls": 0.25, "chat": 0.5, "log": 0.1, "nocue": 0.08}

    # -- values
    def _person_text(self, p: Person, kind: str) -> list[tuple[str, str | None]]:
        """Pieces of (text, label) for one person slot: v1's and {K}, {SF}, {I}, {PU}."""
        r = self.rng
        if kind == "K":
            return [(p.nick or p.first, "PERSON")]
        if kind == "SF":  # "NOWAK, Anna": two spans, like "{SU}, {F}"; "NOWAK Anna": one
            x = r.random()
            if x < 0.8:
                sur = p.surname.upper() if x < 0.5 else p.surname
                return [(sur, "PERSON"), (", ", None), (p.first, "PERSON")]
            return [(f"{p.surname.upper()} {p.first}", "PERSON")]
        if kind == "I":
            x = r.random()
            i = p.first[0].upper()
            name = (f"{i} {p.surname.upper()}" if x < 0.35 else f"{i}. {p.surname}" if x < 0.6
                    else f"{i} {p.surname}" if x < 0.8 else f"{p.surname.upper()} {i}")
            return [(name, "PERSON")]
        if kind == "PU":
            x = r.random()
            first, sur = p.first.upper(), p.surname.upper()
            name = (f"{first} {sur}" if x < 0.35 else f"{first[0]} {sur}" if x < 0.6 else f"{sur} {first}"
                    if x < 0.75 else f"{sur} {first[0]}" if x < 0.85 else f"{first[0]} {r.choice('ABCDEJKMNRS')} {sur}")
            return [(name, "PERSON")]
        return super()._person_text(p, kind)

    def _full_name(self, p: Person) -> str:
        if p.surname_first:
            return f"{p.surname} {p.first}" if self.rng.random() < 0.75 else f"{p.surname.upper()} {p.first}"
        return super()._full_name(p)

    def render(self, template: str, people: list[Person]) -> tuple[str, list[tuple[int, int, str]]]:
        text, spans = super().render(template, people)
        return text, _merge_adjacent_people(text, spans)

    def _slot(self, slot: str, base: str, idx: int, people: list[Person]) -> list[tuple[str, str | None]]:
        """v1's slots and {ORGU}, {REF6}, {NUMA}, {NUMB}."""
        r = self.rng
        if base == "ORGU":
            org = r.choice(ORGS_FIXED)
            org = (org[4:] if org.startswith("the ") else org).upper()
            return [(org, "ORG")] + ([(f" {r.randint(100, 9999)}", None)] if r.random() < 0.3 else [])
        if base == "REF6":
            return [(r.choice([str(r.randint(100000, 999999)), r.choice(["RENT", "KIDS", "MONEY", "LOAN",
                                                                          "MAINT", "CSA", "XMAS"]),
                               f"RENT {r.choice(MONTHS)[:3].upper()}", r.choice(MONTHS)[:3].upper()]), None)]
        if base in ("NUMA", "NUMB"):
            n = 3 if base == "NUMA" else 6
            return [(str(r.randint(10 ** (n - 1), 10 ** n - 1)), None)]
        return super()._slot(slot, base, idx, people)

    def _prepare_people(self, people: list[Person]) -> None:
        for p in people:
            p.nick = self._nick(p)

    def _parts(self, genre: str) -> tuple[list[str], str]:
        r = self.rng
        if genre == "chat":
            return [self._chat_line(r.randint(0, 2)) for _ in range(r.randint(2, 7))], "\n"
        if genre == "log":
            parts = r.sample(LOG, r.randint(1, 4))
            return parts, r.choice(["\n", "\n", " "])
        if genre == "bank":
            return r.sample(BANK, r.randint(2, 6)), "\n"
        if genre == "nocue":
            parts = r.sample(NOCUE, r.randint(1, 3))
            return parts, r.choice(["\n", " ", "\n\n"])
        if genre == "negative2":
            parts = r.sample(NEGATIVE2, r.randint(1, 4))
            return parts, r.choice(["\n", " "])
        return super()._parts(genre)

    def _nick(self, p: Person) -> str:
        r = self.rng
        x = r.random()
        if x < 0.55:
            nick = r.choice(NICKS)
        elif x < 0.75 and len(p.first) >= 5 and " " not in p.first:
            nick = p.first[:r.choice([3, 4])]
        else:
            nick = p.first
        if r.random() < 0.05:
            nick = f"{r.choice(NICK_PREFIX)} {nick}"
        return nick

    def _chat_line(self, speaker: int) -> str:
        r = self.rng
        line = r.choice(CHAT_LINE)
        if r.random() < 0.15:
            spk = r.choice(CHAT_NON_PERSON)
        else:
            n = "" if speaker == 0 else str(speaker + 1)
            spk = r.choice(["{F%s}", "{K%s}", "{K%s}", "{P%s}"]) % n
        msg = r.choice(CHAT_MSG)
        if speaker:  # the speaker does not talk about themselves in the third person
            n = str(speaker + 1)
            msg = msg.replace("{K%s}" % n, "{K}").replace("{F%s}" % n, "{F}").replace("{S%s}" % n, "{S}")
        return line.replace("{SPK}", spk).replace("{MSG}", msg)

    def _case_variant(self, text: str, spans: list[tuple[int, int, str]], genre: str):
        x = self.rng.random()
        if genre == "bank":
            return text, spans
        lower_doc = self.lower_doc.get(genre, 0.06)
        if genre == "chat" and lower_doc <= x < lower_doc + 0.25:  # chat: names typed in lower case
            new = _lower_people(text, spans)
            return (new, spans) if len(new) == len(text) else (text, spans)
        return _case_change(text, spans, x, lower_doc)


#: The genres version 1 does not have (``train --synthetic-extra``).
NEW_GENRES = ("chat", "log", "bank", "nocue", "negative2")


def generate(n: int, seed: int = 0, pools: NamePools | None = None,
             genres: tuple[str, ...] | None = None) -> list[SyntheticDoc]:
    """``n`` synthetic documents, deterministic for a given seed, name pools and genre set."""
    pools = pools or NamePools.load()
    gen = Generator(pools, seed, genres)
    return [gen.doc() for _ in range(n)]
