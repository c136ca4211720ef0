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
)

# --------------------------------------------------------------------- name pools

#: names-dataset country code -> weight (share of synthetic people from there).
COUNTRY_WEIGHTS: dict[str, float] = {
    "GB": 30, "IE": 5, "PL": 8, "LT": 2, "NG": 7, "GH": 3, "IN": 7, "BD": 3,
    "HK": 2, "SG": 2, "MY": 1, "SA": 2, "EG": 2, "IQ": 2, "SY": 1, "JM": 2, "TR": 2,
    "IT": 1, "PT": 1, "FR": 1, "DE": 1, "ZA": 2, "HU": 2, "CZ": 1, "IR": 1, "AF": 1,
    "GR": 1, "CY": 1, "ET": 1, "AL": 1, "BG": 1, "BR": 1, "ES": 1, "PH": 1,
}

#: Built-in pools for groups the names dataset covers thinly. key -> (male, female, surnames)
BUILTIN: dict[str, tuple[list[str], list[str], list[str]]] = {
    "somali": (
        ["Abdi", "Abdirahman", "Abdullahi", "Mahad", "Liban", "Guled", "Mustafe", "Bashir",
         "Hamza", "Yusuf", "Khalid", "Ilyas", "Abdikarim"],
        ["Hodan", "Ayan", "Hibo", "Sahra", "Farhiya", "Ubah", "Ikran", "Nimco", "Ladan",
         "Deeqa", "Sagal", "Fadumo", "Idil", "Khadra"],
        ["Warsame", "Farah", "Hersi", "Jama", "Osman", "Nur", "Aden", "Egal", "Abdi",
         "Mohamud", "Hassan", "Dualeh", "Ismail", "Yusuf", "Gure", "Samatar"],
    ),
    "chinese": (
        ["Wei", "Jun", "Hao", "Lei", "Jian", "Ming", "Zhiwei", "Xiaoming", "Yang", "Tao",
         "Bo", "Chen", "Kai", "Long"],
        ["Li Na", "Jing", "Mei", "Xiu", "Yan", "Ling", "Hui", "Fang", "Xiaoyan", "Yu",
         "Qing", "Lan", "Ying", "Zhen"],
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
         "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Zheng", "Cheung", "Wong",
         "Chan", "Leung", "Ng", "Lau", "Tang", "Yip"],
    ),
    "pakistani": (
        ["Imran", "Bilal", "Usman", "Zubair", "Asif", "Tariq", "Naveed", "Shahid", "Faisal",
         "Kamran", "Adnan", "Waqar", "Junaid", "Sajid"],
        ["Ayesha", "Sana", "Nadia", "Saima", "Rabia", "Shazia", "Mehwish", "Bushra", "Amna",
         "Hina", "Farah", "Nazia", "Sadia", "Uzma"],
        ["Khan", "Hussain", "Iqbal", "Akhtar", "Mahmood", "Rashid", "Butt", "Chaudhry",
         "Qureshi", "Malik", "Siddiqui", "Raja", "Mirza", "Bashir", "Riaz", "Anwar"],
    ),
    "romanian": (
        ["Andrei", "Mihai", "Ionut", "Florin", "Cosmin", "Bogdan", "Catalin", "Vasile",
         "Gheorghe", "Marius", "Sorin", "Adrian"],
        ["Ioana", "Andreea", "Elena", "Mihaela", "Roxana", "Bianca", "Alina", "Simona",
         "Cristina", "Larisa", "Oana", "Denisa"],
        ["Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe", "Munteanu",
         "Constantin", "Matei", "Ciobanu", "Rusu", "Dobre", "Moldovan"],
    ),
    "caribbean": (
        ["Delroy", "Winston", "Leroy", "Marlon", "Desmond", "Errol", "Courtney", "Dwayne",
         "Clive", "Lloyd"],
        ["Marcia", "Paulette", "Sharon", "Beverley", "Claudette", "Janice", "Shanice",
         "Tanisha", "Yvonne", "Hyacinth"],
        ["Campbell", "Brown", "Williams", "Clarke", "Thompson", "Reid", "Grant", "McKenzie",
         "Francis", "Bailey", "Henry", "Barrett"],
    ),
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
BUILTIN_WEIGHTS = {"somali": 3, "chinese": 3, "pakistani": 5, "romanian": 2, "caribbean": 2,
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


@dataclass
class NamePools:
    groups: list[tuple[str, list[str], list[str], list[str]]]  # (key, male, female, surnames)
    weights: list[float]

    @classmethod
    def load(cls, use_names_dataset: bool = True, n_first: int = 60, n_last: int = 80) -> "NamePools":
        groups: list[tuple[str, list[str], list[str], list[str]]] = []
        weights: list[float] = []
        if use_names_dataset:
            try:
                from names_dataset import NameDataset  # slow (~10 s, ~2 GB) but offline
            except ImportError:  # pragma: no cover
                NameDataset = None
            if NameDataset is not None:
                nd = NameDataset()
                for cc, w in COUNTRY_WEIGHTS.items():
                    first = nd.get_top_names(n=n_first, country_alpha2=cc).get(cc, {})
                    last = nd.get_top_names(n=n_last, use_first_names=False, country_alpha2=cc).get(cc, [])
                    male, female = _clean(first.get("M", [])), _clean(first.get("F", []))
                    last = _clean(list(last))
                    if male and female and last:
                        groups.append((cc, male, female, last))
                        weights.append(w)
                del nd
        for key, (m, f, s) in BUILTIN.items():
            groups.append((key, m, f, s))
            weights.append(BUILTIN_WEIGHTS[key])
        if not groups:
            groups.append(("fallback",) + FALLBACK)
            weights.append(1)
        return cls(groups, weights)

    def person(self, rng: random.Random) -> "Person":
        key, male, female, last = rng.choices(self.groups, weights=self.weights)[0]
        gender = rng.choice("MF")
        first = rng.choice(male if gender == "M" else female)
        surname = rng.choice(last)
        r = rng.random()
        if r < 0.06:  # double-barrelled
            other = rng.choices(self.groups, weights=self.weights)[0]
            surname = f"{surname}-{rng.choice(other[3])}"
        elif r < 0.09 and key in ("GB", "IE"):
            surname = rng.choice(["O'", "Mc", "Mac"]) + surname if surname.isalpha() and len(surname) > 3 else surname
        middle = rng.choice(male if gender == "M" else female) if rng.random() < 0.12 else ""
        if " " in first:  # Vietnamese "Thi Lan": a middle name already
            middle = ""
        return Person(first, middle, surname, gender, rng.random() < SURNAME_FIRST.get(key, 0.0))


@dataclass
class Person:
    first: str
    middle: str
    surname: str
    gender: str
    surname_first: bool = False
    nick: str = ""

    def title(self, rng: random.Random) -> str:
        if self.gender == "M":
            return rng.choice(["Mr", "Mr", "Mr", "Mr.", "Dr"])
        return rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Ms", "Mrs.", "Ms.", "Dr"])


# --------------------------------------------------------------------- other slot values

LOCS = [
    "Leeds", "Bradford", "Luton", "Slough", "Croydon", "Birmingham", "Manchester", "Liverpool",
    "Sheffield", "Bristol", "Leicester", "Nottingham", "Coventry", "Wolverhampton", "Walsall",
    "Oldham", "Rochdale", "Bolton", "Blackburn", "Preston", "Hull", "Sunderland", "Newcastle",
    "Middlesbrough", "Stoke-on-Trent", "Derby", "Peterborough", "Northampton", "Milton Keynes",
    "Reading", "Southampton", "Portsmouth", "Plymouth", "Exeter", "Norwich", "Ipswich",
    "Cambridge", "Oxford", "Swindon", "Gloucester", "Cardiff", "Swansea", "Newport", "Wrexham",
    "Glasgow", "Edinburgh", "Dundee", "Aberdeen", "Paisley", "Belfast", "Derry", "Lisburn",
    "Hackney", "Tower Hamlets", "Newham", "Lewisham", "Southwark", "Ealing", "Hounslow",
    "Harrow", "Brent", "Enfield", "London", "Kent", "Essex", "Yorkshire", "Lancashire",
    "Scotland", "Wales", "Northern Ireland", "England", "Ireland", "Poland", "Nigeria",
    "Pakistan", "India", "Bangladesh", "Somalia", "Romania", "Lagos", "Warsaw", "Krakow",
    "Karachi", "Lahore", "Dhaka", "Sylhet", "Mogadishu", "Hargeisa", "Accra", "Kingston",
    "Dubai", "Spain", "Tenerife", "Australia", "Paris", "Florence", "Rome", "Barcelona", "Amsterdam",
    "Lisbon", "Madrid", "Vilnius", "Budapest", "Bucharest", "Kyiv", "Lviv", "Hanoi", "Asmara",
    "Addis Ababa", "Athens", "Sofia", "Tirana", "Moss Side", "Handsworth",
]
ORGS_FIXED = [
    "Tesco", "Sainsbury's", "Asda", "Morrisons", "Aldi", "Lidl", "Royal Mail", "Amazon",
    "Greggs", "Network Rail", "the NHS", "Barclays", "Lloyds Bank", "NatWest", "Nationwide",
    "HSBC", "Santander", "HMRC", "DWP", "the Department for Work and Pensions",
    "the Child Maintenance Service", "Jobcentre Plus", "Citizens Advice", "the CSA",
    "Deliveroo", "Uber", "DPD", "Hermes", "Evri", "Capita", "Serco", "Sodexo", "Balfour Beatty",
    "Argos", "Primark", "Boots", "Costa Coffee", "Premier Inn", "the Army", "the Post Office",
    "B&Q", "Wickes", "JD Sports", "McDonald's", "KFC", "Monzo", "Revolut", "Metro Bank",
    "First Direct", "TSB", "Virgin Money", "Klarna", "PayPal", "Octopus Energy", "British Gas",
    "Vodafone",
]
JOBS = ["payroll officer", "Payroll Officer", "HR manager", "HR Advisor", "case worker",
        "Caseworker", "Case Manager", "team leader", "Team Leader", "solicitor",
        "office manager", "Director", "accounts assistant", "Senior Caseworker",
        "Enforcement Officer", "Customer Services Advisor", "store manager", "head teacher",
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


@dataclass
class SyntheticDoc:
    text: str
    spans: list[tuple[int, int, str]]  # character offsets, label
    genre: str


class Generator:
    def __init__(self, pools: NamePools, seed: int = 0, genres: tuple[str, ...] | None = None):
        self.pools = pools
        self.rng = random.Random(seed)
        self.genres = [(g, w) for g, w in GENRES if genres is None or g in genres]

    # -- values
    def _org(self) -> str:
        r = self.rng
        if r.random() < 0.55:
            return r.choice(ORGS_FIXED)
        pat = r.choice(ORG_PATTERNS)
        return pat.replace("{S}", self.pools.person(r).surname).replace("{L}", r.choice(LOCS))

    def _date(self) -> str:
        r = self.rng
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2015, 2025)
        return r.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {MONTHS[m-1]} {y}", f"{d}.{m}.{str(y)[2:]}",
                         f"{d} {MONTHS[m-1][:3]} {y}", f"{y}-{m:02d}-{d:02d}"])

    def _person_text(self, p: Person, kind: str) -> list[tuple[str, str | None]]:
        """Pieces of (text, label) for one person slot."""
        r = self.rng
        if kind == "F":
            return [(p.first, "PERSON")]
        if kind == "S":
            return [(p.surname, "PERSON")]
        if kind == "SU":
            return [(p.surname.upper(), "PERSON")]
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
        if kind == "T":
            return [(p.title(r) + " ", None), (p.surname, "PERSON")]
        full = self._full(p)
        if kind == "TF":
            return [(p.title(r) + " ", None), (full, "PERSON")]
        return [(full, "PERSON")]

    def _full(self, p: Person) -> str:
        r = self.rng
        x = r.random()
        if x < 0.08:
            name = f"{p.first[0]}. {p.surname}" if r.random() < 0.5 else f"{p.first[0]} {p.surname}"
        elif x < 0.13:
            name = f"{p.surname.upper()} {p.first}"
        elif x < 0.17:
            name = f"{p.surname}, {p.first}"
        elif p.surname_first:
            name = f"{p.surname} {p.first}" if r.random() < 0.75 else f"{p.surname.upper()} {p.first}"
        elif p.middle:
            name = f"{p.first} {p.middle} {p.surname}"
        else:
            name = f"{p.first} {p.surname}"
        if " " in name and r.random() < 0.08:  # split over a line break (PDF extraction)
            i = name.rfind(" ")
            name = name[:i] + "\n" + name[i + 1:]
        return name

    def render(self, template: str, people: list[Person]) -> tuple[str, list[tuple[int, int, str]]]:
        r = self.rng
        text = ""
        spans: list[tuple[int, int, str]] = []
        pos = 0
        for m in _SLOT.finditer(template):
            text += template[pos:m.start()]
            pos = m.end()
            slot = m.group(1)
            pieces: list[tuple[str, str | None]]
            base = slot.rstrip("0123456789")
            idx = int(slot[len(base):] or 1) - 1
            if base in ("P", "F", "S", "T", "TF", "SU", "K", "SF", "I", "PU"):
                pieces = self._person_text(people[idx], base)
            elif base.lower() in ("he", "him", "his"):
                male = people[idx].gender == "M"
                word = {"he": "he" if male else "she", "him": "him" if male else "her",
                        "his": "his" if male else "her"}[base.lower()]
                pieces = [(word.capitalize() if base[0].isupper() else word, None)]
            elif base == "ORG":
                pieces = [(self._org(), "ORG")]
            elif base == "ORGU":
                org = r.choice(ORGS_FIXED)
                org = (org[4:] if org.startswith("the ") else org).upper()
                pieces = [(org, "ORG")] + ([(f" {r.randint(100, 9999)}", None)] if r.random() < 0.3 else [])
            elif base == "REF6":
                pieces = [(r.choice([str(r.randint(100000, 999999)), r.choice(["RENT", "KIDS", "MONEY", "LOAN",
                                                                                "MAINT", "CSA", "XMAS"]),
                                     f"RENT {r.choice(MONTHS)[:3].upper()}", r.choice(MONTHS)[:3].upper()]), None)]
            elif base in ("NUMA", "NUMB"):
                n = 3 if base == "NUMA" else 6
                pieces = [(str(r.randint(10 ** (n - 1), 10 ** n - 1)), None)]
            elif base == "LOC":
                pieces = [(r.choice(LOCS), "LOC")]
            elif base == "ADDR":
                loc = r.choice(LOCS[:57])
                pieces = [(f"{r.randint(1, 220)} {r.choice(STREETS)}, ", None), (loc, "LOC"),
                          (f" {r.choice('BLMNSGW')}{r.choice('ABDELNRS')}{r.randint(1, 20)} "
                           f"{r.randint(1, 9)}{r.choice('ABDEHJLNPQRSTUWXYZ')}{r.choice('ABDEHJLNPQRSTUWXYZ')}", None)]
            elif base == "DATE":
                pieces = [(self._date(), None)]
            elif base == "DOB":
                pieces = [(f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(1960, 2010)}", None)]
            elif base == "DAY":
                pieces = [(r.choice(DAYS), None)]
            elif base == "MONTH":
                pieces = [(r.choice(MONTHS), None)]
            elif base == "TIME":
                pieces = [(f"{r.randint(8, 17):02d}:{r.randint(0, 59):02d}", None)]
            elif base == "AMT":
                pieces = [(f"{r.randint(5, 900)}.{r.randint(0, 99):02d}", None)]
            elif base == "JOB":
                pieces = [(r.choice(JOBS), None)]
            elif base == "KIN":
                pieces = [(r.choice(KIN), None)]
            elif base == "ROLE":
                pieces = [(r.choice(ROLES), None)]
            elif base == "TITLE":
                pieces = [(people[0].title(r), None)]
            elif base == "PHONE":
                pieces = [(f"0{r.randint(1000, 7999)} {r.randint(100000, 999999)}", None)]
            elif base == "REF":
                pieces = [(f"{r.randint(1000000000, 9999999999)}", None)]
            elif base == "NINO":
                pieces = [(f"{r.choice('ABCEHJKLMNPRSTWXYZ')}{r.choice('ABCEHJKLMNPRSTWXYZ')} "
                           f"{r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.choice('ABCD')}", None)]
            elif base == "EMAIL":
                p = people[idx]
                pieces = [(f"{p.first.lower()}.{p.surname.lower()}{r.randint(1, 99)}@example.com", None)]
            elif base in ("N",):
                pieces = [(str(r.randint(1, 40)), None)]
            else:
                raise KeyError(f"unknown template slot {slot!r}")
            for piece, label in pieces:
                if label:
                    spans.append((len(text), len(text) + len(piece), label))
                text += piece
        text += template[pos:]
        return text, _merge_adjacent_people(text, spans)

    def doc(self) -> SyntheticDoc:
        r = self.rng
        genre = r.choices([g for g, _ in self.genres], weights=[w for _, w in self.genres])[0]
        people = [self.pools.person(r) for _ in range(3)]
        for p in people:
            p.nick = self._nick(p)
        if genre == "chat":
            parts = [self._chat_line(r.randint(0, 2)) for _ in range(r.randint(2, 7))]
            sep = "\n"
        elif genre == "log":
            parts = r.sample(LOG, r.randint(1, 4))
            sep = r.choice(["\n", "\n", " "])
        elif genre == "bank":
            parts = r.sample(BANK, r.randint(2, 6))
            sep = "\n"
        elif genre == "nocue":
            parts = r.sample(NOCUE, r.randint(1, 3))
            sep = r.choice(["\n", " ", "\n\n"])
        elif genre == "negative2":
            parts = r.sample(NEGATIVE2, r.randint(1, 4))
            sep = r.choice(["\n", " "])
        elif genre == "letter":
            parts = [r.choice(LETTER_OPEN)] + r.sample(LETTER_BODY, r.randint(1, 3)) + [r.choice(LETTER_CLOSE)]
            sep = "\n\n"
        elif genre == "notes":
            parts = r.sample(NOTES, r.randint(1, 3))
            sep = r.choice(["\n", " ", "\n\n"])
        elif genre == "calls":
            parts = r.sample(CALLS, r.randint(1, 2))
            sep = "\n"
        elif genre == "forms":
            parts = [r.choice(FORMS)]
            sep = "\n"
        elif genre == "emails":
            parts = [r.choice(EMAILS)]
            sep = "\n"
        else:
            parts = r.sample(NEGATIVE, r.randint(1, 3))
            sep = r.choice(["\n", " "])
        template = sep.join(p.replace("{ROLE2}", "{ROLE}").replace("{DAY2}", "{DAY}").replace("{N2}", "{N}")
                            for p in parts)
        text, spans = self.render(template, people)
        spans = _literal_org_spans(text, spans)
        text, spans = self._case_variant(text, spans, genre)
        return SyntheticDoc(text, spans, genre)

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
        r = self.rng
        x = r.random()
        if genre == "bank":
            return text, spans
        lower_doc = {"notes": 0.25, "calls": 0.25, "chat": 0.5, "log": 0.1, "nocue": 0.08}.get(genre, 0.06)
        if genre == "chat" and x >= lower_doc and x < lower_doc + 0.25:  # chat: names typed in lower case
            chars = list(text)
            for s, e, label in spans:
                if label == "PERSON":
                    chars[s:e] = list(text[s:e].lower())
            new = "".join(chars)
            return (new, spans) if len(new) == len(text) else (text, spans)
        if x < lower_doc:
            new = text.lower()
        elif x < lower_doc + 0.15:
            chars = list(text)
            for s, e, label in spans:
                if label == "PERSON":
                    chars[s:e] = list(text[s:e].lower())
            new = "".join(chars)
        elif x < lower_doc + 0.18:
            new = text.upper()
        else:
            return text, spans
        if len(new) != len(text):  # a case change altered the length: keep the original
            return text, spans
        return new, spans


#: The genres version 1 does not have (``train --synthetic-extra``).
NEW_GENRES = ("chat", "log", "bank", "nocue", "negative2")


def generate(n: int, seed: int = 0, pools: NamePools | None = None,
             genres: tuple[str, ...] | None = None) -> list[SyntheticDoc]:
    """``n`` synthetic documents, deterministic for a given seed, name pools and genre set."""
    pools = pools or NamePools.load()
    gen = Generator(pools, seed, genres)
    return [gen.doc() for _ in range(n)]
