"""Synthetic UK child-maintenance case text with PERSON / ORG / LOC annotations.

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
import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar

# --------------------------------------------------------------------- name pools

#: names-dataset country code -> weight (share of synthetic people from there).
COUNTRY_WEIGHTS: dict[str, float] = {
    "GB": 30, "IE": 5, "PL": 8, "LT": 2, "NG": 7, "GH": 3, "IN": 7, "BD": 3,
    "HK": 2, "SG": 2, "MY": 1, "SA": 2, "EG": 2, "IQ": 2, "SY": 1, "JM": 2, "TR": 2,
    "IT": 1, "PT": 1, "FR": 1, "DE": 1, "ZA": 2, "HU": 1, "CZ": 1, "IR": 1, "AF": 1,
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
}
BUILTIN_WEIGHTS = {"somali": 3, "chinese": 3, "pakistani": 5, "romanian": 2, "caribbean": 2}

# Fallback if names-dataset is unavailable (keeps the generator usable in tests).
FALLBACK = (
    ["James", "David", "Daniel", "Thomas", "Craig", "Wayne", "Liam", "Connor", "Gareth", "Ryan"],
    ["Sarah", "Emma", "Claire", "Louise", "Gemma", "Kirsty", "Leanne", "Hayley", "Natalie", "Zoe"],
    ["Smith", "Jones", "Taylor", "Williams", "Evans", "Walsh", "Hughes", "Murphy", "Roberts",
     "Patel", "Begum", "Okafor", "Nowak", "Kowalczyk"],
)

_NAME_OK = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)?$")


#: Junk that the names dataset lists as names (initials, "Md", Lithuanian "no matter"...).
_NOT_NAMES = {"md", "mohd", "muhd", "gh", "sy", "sh", "nesvarbu", "haji", "abu", "ab", "el", "al",
              "syr", "homs", "unruly", "afghan", "abo"}


def _is_latin(name: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def _common_word(name: str) -> bool:
    """An everyday English word ("Can", "Man", "Will"), which would teach bad habits."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover
        return False
    return zipf_frequency(name.lower(), "en") >= 5.5


def _clean(names: list[str]) -> list[str]:
    out = []
    for n in names:
        n = n.strip()
        if (3 <= len(n) <= 16 and _NAME_OK.match(n) and _is_latin(n)
                and n.lower() not in _NOT_NAMES and not _common_word(n)):
            out.append(n[0].upper() + n[1:])
    return out


@dataclass
class NamePools:
    groups: list[tuple[str, list[str], list[str], list[str]]]  # (key, male, female, surnames)
    weights: list[float]

    # the lists read by ``load`` (a subclass in synthetic_v2 swaps in its own)
    country_weights: ClassVar[dict[str, float]] = COUNTRY_WEIGHTS
    builtin: ClassVar[dict[str, tuple[list[str], list[str], list[str]]]] = BUILTIN
    builtin_weights: ClassVar[dict[str, float]] = BUILTIN_WEIGHTS

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
                for cc, w in cls.country_weights.items():
                    first = nd.get_top_names(n=n_first, country_alpha2=cc).get(cc, {})
                    last = nd.get_top_names(n=n_last, use_first_names=False, country_alpha2=cc).get(cc, [])
                    male, female = _clean(first.get("M", [])), _clean(first.get("F", []))
                    last = _clean(list(last))
                    if male and female and last:
                        groups.append((cc, male, female, last))
                        weights.append(w)
                del nd
        for key, (m, f, s) in cls.builtin.items():
            groups.append((key, m, f, s))
            weights.append(cls.builtin_weights[key])
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
        return self._make_person(rng, key, first, middle, surname, gender)

    def _make_person(self, rng: random.Random, key: str, first: str, middle: str, surname: str,
                     gender: str) -> "Person":
        """The last step of ``person`` (v2 draws one more value here)."""
        return Person(first, middle, surname, gender)


@dataclass
class Person:
    first: str
    middle: str
    surname: str
    gender: str

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
    "Dubai", "Spain", "Tenerife", "Australia",
]
STREETS = ["High Street", "Church Road", "Station Road", "Victoria Road", "Park Avenue",
           "Mill Lane", "Queens Road", "Manor Way", "Albert Street", "Green Lane"]
ORGS_FIXED = [
    "Tesco", "Sainsbury's", "Asda", "Morrisons", "Aldi", "Lidl", "Royal Mail", "Amazon",
    "Greggs", "Network Rail", "the NHS", "Barclays", "Lloyds Bank", "NatWest", "Nationwide",
    "HSBC", "Santander", "HMRC", "DWP", "the Department for Work and Pensions",
    "the Child Maintenance Service", "Jobcentre Plus", "Citizens Advice", "the CSA",
    "Deliveroo", "Uber", "DPD", "Hermes", "Evri", "Capita", "Serco", "Sodexo", "Balfour Beatty",
    "Argos", "Primark", "Boots", "Costa Coffee", "Premier Inn", "the Army", "the Post Office",
    "B&Q", "Wickes", "JD Sports", "McDonald's", "KFC",
]
ORG_PATTERNS = [
    "{S} & Sons Ltd", "{S} Builders Ltd", "{S} Transport Ltd", "{L} City Council",
    "{L} Borough Council", "{L} College", "{L} Teaching Hospitals NHS Trust", "{L} Taxis",
    "{S} Solicitors", "{S} and Co Accountants", "{L} Care Homes Ltd", "{S} Logistics",
    "{L} Academy", "{L} Primary School", "{S} Haulage",
]
JOBS = ["payroll officer", "Payroll Officer", "HR manager", "HR Advisor", "case worker",
        "Caseworker", "Case Manager", "team leader", "Team Leader", "solicitor",
        "office manager", "Director", "accounts assistant", "Senior Caseworker",
        "Enforcement Officer", "Customer Services Advisor", "store manager", "head teacher"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
KIN = ["son", "daughter", "ex-partner", "ex-husband", "ex-wife", "ex", "partner",
       "new partner", "brother", "sister", "mum", "mother", "dad", "father", "cousin",
       "friend", "neighbour", "boyfriend", "girlfriend", "landlord", "employer", "solicitor"]
ROLES = ["paying parent", "receiving parent", "PP", "RP", "NRP", "PWC", "third party",
         "employer", "representative"]

# --------------------------------------------------------------------- templates
# Slots: {P} full name, {F} first name, {S} surname, {T} title + surname (title outside
# span), {TF} title + full name, {P2}/{F2}/{T2}: a second person, {F3} a third,
# {ORG}, {LOC}, {DATE}, {DAY}, {MONTH}, {TIME}, {AMT}, {JOB}, {KIN}, {ROLE}, {PHONE},
# {REF}, {EMAIL}, {ADDR}, {he}/{him}/{his} for the first person.

LETTER_OPEN = ["Dear {T},", "Dear {F},", "Dear {TF},", "Dear {T}", "Dear Sir or Madam,",
               "Dear {P},", "Dear {F} and {F2},"]
LETTER_BODY = [
    "Thank you for your letter of {DATE} about your child maintenance case.",
    "We have written to {P2} to ask for details of {his2} income.",
    "{P2} told us on {DATE} that {he2} is no longer working for {ORG}.",
    "We have contacted {T2}'s employer, {ORG}, about a deduction from earnings order.",
    "The paying parent, {P2}, has been asked to pay £{AMT} a week.",
    "Your case is now managed by our office in {LOC}.",
    "If you have any questions please call us on {PHONE}.",
    "We have asked {ORG} to deduct £{AMT} from {T2}'s wages each month.",
    "{T2} says {he2} has moved to {LOC} and now lives with {F3}.",
    "We spoke to {F2} on {DATE} and {he2} agreed to a payment plan.",
    "Our records show that {P2} of {ADDR} has not paid since {MONTH}.",
    "You told us that your ex-partner {F2} earns more than the amount shown.",
    "I am writing on behalf of my client, {TF2}, regarding the arrears.",
    "Please send any evidence to us at the address above, quoting reference {REF}.",
    "We received information from {ORG} on {DATE}.",
    "{F2}'s new employer is {ORG} in {LOC}.",
    "The qualifying child, {F3}, lives with you for more than 52 nights a year.",
    "As explained in our letter of {DATE}, the calculation is based on figures from HMRC.",
]
LETTER_CLOSE = [
    "Yours sincerely,\n\n{P}\n{JOB}\n{ORG}", "Yours sincerely\n{P}\n{JOB}",
    "Yours faithfully,\n{P}\n{JOB}", "signed: {P}, {JOB}", "Signed {P} ({JOB}, {ORG})",
    "Kind regards,\n{F}", "Many thanks\n{P}", "Regards\n{P}\n{JOB}", "Yours sincerely,\n{TF}",
    "Yours faithfully,\nCase Management Team\nChild Maintenance Service",
]
NOTES = [
    "{DATE} Spoke to {T} about the payment.",
    "{DATE} - call from {P}. Advised {him} of arrears of £{AMT}.",
    "spoke to {T} re missed payment, {he} said {F2} lost {his2} job at {ORG}.",
    "PWC states her ex-partner {F2} is working cash in hand in {LOC}.",
    "NRP {P} called, wants to discuss a variation. Said {his} new partner {F2} is expecting.",
    "Rang {ORG} payroll and spoke to {P2} who confirmed {T} left on {DATE}.",
    "Left voicemail for {F}.",
    "Email received from {P} ({EMAIL}) with payslips attached.",
    "{T} called to say {he} had not received the money from {F2}.",
    "my ex-partner {F} has not paid anything since {MONTH}.",
    "my son {F2} lives with me full time and {F} only sees him at weekends.",
    "Mum ({P}) says the children {F2} and {F3} stay with dad two nights a week.",
    "Receiving parent's sister {P2} answered the phone.",
    "Checked with HMRC - no employment recorded for {P} since {MONTH}.",
    "{P} DOB {DOB} - identity confirmed via security questions.",
    "{P} says {he} now lives in {LOC} with {his} {KIN} {F2}.",
    "Spoke to {F} {S} ({ROLE}). {He} disputes the shared care nights.",
    "Third party {P2} rang on behalf of {T}; no consent on file so no information given.",
    "Called {F} back on {PHONE}, no answer.",
    "{T} confirmed {his} {KIN} {P2} is now living at the property.",
    "Note from {F}: {he} will pay the rest on {DAY}.",
    "Visit to {ADDR} on {DATE}. {T} not home, neighbour {F2} said {he} had moved out.",
    "{DAY} - tried {T} twice, phone off. Will write.",
    "Payment of £{AMT} received from {P}.",
    "Deduction order sent to {ORG} for {P}.",
    "{F} is the {ROLE}, {F2} is the {ROLE2}.",
    "Complaint from {TF} about the way {his} case was handled by {P2}.",
    "I told {F2} that I could not discuss {F}'s income with {him2}.",
    "{P2} from {ORG} confirmed {T} works 30 hours a week.",
    "Referred to {ORG} for debt advice. {F} happy with this.",
]
CALLS = [
    "{TIME} Inbound call from {P} ({ROLE}). Discussed enforcement.",
    "{TIME} Outbound call to {T} - no answer.",
    "{TIME} Call with {ORG} ({P2}, {JOB}) re DEO.",
    "Caller: {P}\nRelationship: {ROLE}\nSummary: wants an update on payments from {F2}.",
    "{TIME} {F} rang, upset, says {F2} has not collected the children.",
    "{TIME} Call transferred to {P2} in the {LOC} office.",
    "{DATE} {TIME} - {T} called from a withheld number.",
]
FORMS = [
    "Name: {P}\nAddress: {ADDR}\nEmployer: {ORG}",
    "Case worker: {P}",
    "Paying parent: {P}\nReceiving parent: {P2}\nQualifying child: {F3} {S}",
    "Full name {P}\nDate of birth {DOB}\nNational Insurance number {NINO}",
    "Employee name: {P}\nPayroll contact: {P2}, {JOB}\nCompany: {ORG}",
    "Surname: {S}\nForename(s): {F}\nTitle: {TITLE}",
    "Parent with care: {SU}, {F}",
    "Child: {F3} {S}, born {DOB}",
    "Prepared by: {P}\nChecked by: {P2}",
]
EMAILS = [
    "From: {P}\nTo: {P2}\nSubject: Payment plan\n\nHi {F2},\n\nAs discussed, I will pay £{AMT} on {DAY}.\n\nThanks\n{F}",
    "From: {P} <{EMAIL}>\nSent: {DATE}\nTo: Child Maintenance Service\n\nPlease stop contacting my employer.",
    "Hi {F},\nCan you check whether {F2} has paid this month?\n{P2}",
]
NEGATIVE = [
    "Please contact the Child Maintenance Service on {PHONE}.",
    "Collect and Pay fees apply from {DATE}.",
    "The Direct Pay arrangement ended on {DATE}.",
    "Universal Credit deduction of £{AMT} started in {MONTH}.",
    "Statutory Maintenance Calculation - Annual Review",
    "{DAY}: no answer. {DAY2}: voicemail left.",
    "Reference: {REF}",
    "Mandatory Reconsideration request received on {DATE}.",
    "Deduction from Earnings Order (DEO) issued.",
    "Liability Order application sent to the Magistrates' Court.",
    "Shared care: 104 nights a year. Gross weekly income £{AMT}.",
    "Arrears as at {DATE}: £{AMT}.",
    "Yours sincerely,\nCase Management Team",
    "PP and RP both informed of the new calculation.",
    "Dear Sir or Madam,",
    "Thank you for contacting us. Your call may be recorded for training purposes.",
    "Fees: Collect and Pay collection fee 20% (paying parent) and 4% (receiving parent).",
    "Appeal lodged with HM Courts & Tribunals Service on {DATE}.",
    "Summary of Calculation\nIncome: Gross weekly income\nRate: Basic rate",
    "Security questions passed. Address and phone number confirmed.",
    "Please Note: Payment Due Dates have Changed.",
    "Page {N} of {N2}",
]

GENRES: list[tuple[str, float]] = [
    ("letter", 0.22), ("notes", 0.30), ("calls", 0.12), ("forms", 0.12), ("emails", 0.07),
    ("negative", 0.17),
]

_SLOT = re.compile(r"\{(\w+)\}")

#: Organisations written literally in templates; labelled ORG wherever they occur.
LITERAL_ORGS = ["Child Maintenance Service", "HMRC", "HM Courts & Tribunals Service",
]


def _literal_org_spans(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = list(spans)
    for org in LITERAL_ORGS:
        for m in re.finditer(re.escape(org), text):
            if not any(s < m.end() and m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), "ORG"))
    return sorted(out)


@dataclass
class SyntheticDoc:
    text: str
    spans: list[tuple[int, int, str]]  # character offsets, label
    genre: str


def _lower_people(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with every PERSON span lower-cased."""
    chars = list(text)
    for s, e, label in spans:
        if label == "PERSON":
            chars[s:e] = list(text[s:e].lower())
    return "".join(chars)


def _case_change(text: str, spans: list[tuple[int, int, str]], x: float, lower_doc: float):
    """Lower-case the document (``x < lower_doc``), or just its names (the next 0.15), or
    upper-case it (the next 0.03); else, or if a case change alters the length, unchanged."""
    if x < lower_doc:
        new = text.lower()
    elif x < lower_doc + 0.15:
        new = _lower_people(text, spans)
    elif x < lower_doc + 0.18:
        new = text.upper()
    else:
        return text, spans
    if len(new) != len(text):  # a case change altered the length: keep the original
        return text, spans
    return new, spans


class Generator:
    """Draws documents from one ``random.Random(seed)``.

    ``synthetic_v2.Generator`` subclasses this: the class attributes are its word lists,
    and ``_person_text``, ``_full_name``, ``_slot``, ``_prepare_people``, ``_parts`` and
    ``_case_variant`` are the hooks it extends. Every hook draws from the generator in
    the same order as before it was split out, so the output is unchanged.
    """

    genre_weights: list[tuple[str, float]] = GENRES
    locs: list[str] = LOCS
    orgs_fixed: list[str] = ORGS_FIXED
    jobs: list[str] = JOBS
    person_slots: tuple[str, ...] = ("P", "F", "S", "T", "TF", "SU")
    lower_doc: dict[str, float] = {"notes": 0.25, "calls": 0.25}  # share of lower-cased documents; else 0.06

    def __init__(self, pools: NamePools, seed: int = 0, genres: tuple[str, ...] | None = None):
        self.pools = pools
        self.rng = random.Random(seed)
        self.genres = [(g, w) for g, w in self.genre_weights if genres is None or g in genres]

    # -- values
    def _org(self) -> str:
        r = self.rng
        if r.random() < 0.55:
            return r.choice(self.orgs_fixed)
        pat = r.choice(ORG_PATTERNS)
        return pat.replace("{S}", self.pools.person(r).surname).replace("{L}", r.choice(self.locs))

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
        else:
            name = self._full_name(p)
        if " " in name and r.random() < 0.08:  # split over a line break (PDF extraction)
            i = name.rfind(" ")
            name = name[:i] + "\n" + name[i + 1:]
        return name

    def _full_name(self, p: Person) -> str:
        """A full name in its ordinary order (``_full``'s commonest case)."""
        if p.middle:
            return f"{p.first} {p.middle} {p.surname}"
        return f"{p.first} {p.surname}"

    def render(self, template: str, people: list[Person]) -> tuple[str, list[tuple[int, int, str]]]:
        text = ""
        spans: list[tuple[int, int, str]] = []
        pos = 0
        for m in _SLOT.finditer(template):
            text += template[pos:m.start()]
            pos = m.end()
            slot = m.group(1)
            base = slot.rstrip("0123456789")
            idx = int(slot[len(base):] or 1) - 1
            for piece, label in self._slot(slot, base, idx, people):
                if label:
                    spans.append((len(text), len(text) + len(piece), label))
                text += piece
        text += template[pos:]
        return text, spans

    def _slot(self, slot: str, base: str, idx: int, people: list[Person]) -> list[tuple[str, str | None]]:
        """Pieces of (text, label) for one template slot (``base``: its name without the digit)."""
        r = self.rng
        if base in self.person_slots:
            return self._person_text(people[idx], base)
        if base.lower() in ("he", "him", "his"):
            male = people[idx].gender == "M"
            word = {"he": "he" if male else "she", "him": "him" if male else "her",
                    "his": "his" if male else "her"}[base.lower()]
            return [(word.capitalize() if base[0].isupper() else word, None)]
        if base == "ORG":
            return [(self._org(), "ORG")]
        if base == "LOC":
            return [(r.choice(self.locs), "LOC")]
        if base == "ADDR":
            loc = r.choice(LOCS[:57])
            return [(f"{r.randint(1, 220)} {r.choice(STREETS)}, ", None), (loc, "LOC"),
                    (f" {r.choice('BLMNSGW')}{r.choice('ABDELNRS')}{r.randint(1, 20)} "
                     f"{r.randint(1, 9)}{r.choice('ABDEHJLNPQRSTUWXYZ')}{r.choice('ABDEHJLNPQRSTUWXYZ')}", None)]
        if base == "DATE":
            return [(self._date(), None)]
        if base == "DOB":
            return [(f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(1960, 2010)}", None)]
        if base == "DAY":
            return [(r.choice(DAYS), None)]
        if base == "MONTH":
            return [(r.choice(MONTHS), None)]
        if base == "TIME":
            return [(f"{r.randint(8, 17):02d}:{r.randint(0, 59):02d}", None)]
        if base == "AMT":
            return [(f"{r.randint(5, 900)}.{r.randint(0, 99):02d}", None)]
        if base == "JOB":
            return [(r.choice(self.jobs), None)]
        if base == "KIN":
            return [(r.choice(KIN), None)]
        if base == "ROLE":
            return [(r.choice(ROLES), None)]
        if base == "TITLE":
            return [(people[0].title(r), None)]
        if base == "PHONE":
            return [(f"0{r.randint(1000, 7999)} {r.randint(100000, 999999)}", None)]
        if base == "REF":
            return [(f"{r.randint(1000000000, 9999999999)}", None)]
        if base == "NINO":
            return [(f"{r.choice('ABCEHJKLMNPRSTWXYZ')}{r.choice('ABCEHJKLMNPRSTWXYZ')} "
                     f"{r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.choice('ABCD')}", None)]
        if base == "EMAIL":
            p = people[idx]
            return [(f"{p.first.lower()}.{p.surname.lower()}{r.randint(1, 99)}@example.com", None)]
        if base == "N":
            return [(str(r.randint(1, 40)), None)]
        raise KeyError(f"unknown template slot {slot!r}")

    def doc(self) -> SyntheticDoc:
        r = self.rng
        genre = r.choices([g for g, _ in self.genres], weights=[w for _, w in self.genres])[0]
        people = [self.pools.person(r) for _ in range(3)]
        self._prepare_people(people)
        parts, sep = self._parts(genre)
        template = sep.join(p.replace("{ROLE2}", "{ROLE}").replace("{DAY2}", "{DAY}").replace("{N2}", "{N}")
                            for p in parts)
        text, spans = self.render(template, people)
        spans = _literal_org_spans(text, spans)
        text, spans = self._case_variant(text, spans, genre)
        return SyntheticDoc(text, spans, genre)

    def _prepare_people(self, people: list[Person]) -> None:
        """Called once per document after its three people are drawn (v2 gives them nicknames)."""

    def _parts(self, genre: str) -> tuple[list[str], str]:
        """The templates of one document of ``genre`` and the separator that joins them."""
        r = self.rng
        if genre == "letter":
            parts = [r.choice(LETTER_OPEN)] + r.sample(LETTER_BODY, r.randint(1, 3)) + [r.choice(LETTER_CLOSE)]
            return parts, "\n\n"
        if genre == "notes":
            parts = r.sample(NOTES, r.randint(1, 3))
            return parts, r.choice(["\n", " ", "\n\n"])
        if genre == "calls":
            return r.sample(CALLS, r.randint(1, 2)), "\n"
        if genre == "forms":
            return [r.choice(FORMS)], "\n"
        if genre == "emails":
            return [r.choice(EMAILS)], "\n"
        parts = r.sample(NEGATIVE, r.randint(1, 3))
        return parts, r.choice(["\n", " "])

    def _case_variant(self, text: str, spans: list[tuple[int, int, str]], genre: str):
        x = self.rng.random()
        return _case_change(text, spans, x, self.lower_doc.get(genre, 0.06))


def generate(n: int, seed: int = 0, pools: NamePools | None = None) -> list[SyntheticDoc]:
    """``n`` synthetic documents, deterministic for a given seed and name pools."""
    pools = pools or NamePools.load()
    gen = Generator(pools, seed)
    return [gen.doc() for _ in range(n)]
