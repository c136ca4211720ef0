"""Case-aware party matching: the requester and every listed third party, in every form.

Names: full name, first name alone, surname with or without a title, initials
("M. Okonkwo"), possessives ("Dean's" -> "Dean"), hyphenated and apostrophe names,
any case, split across line breaks, one-edit misspellings of names of 5+ letters.
Identifiers: listed NI numbers, phones, emails, case references, dates of birth and
address lines, whatever the spacing or case.

A form shared by the requester and a third party (a shared surname, "Mr Okonkwo") is
decided by title, then by the nearest preceding full-name mention; when that does not
settle it the span is suggested for review rather than guessed. A party's gender comes
from a title in case.json, else from the role ("ex-husband", "mother"), else from the
usual gender of the first name (gazetteer); a third party chosen on that last guess is
still flagged for review. Before the nearest full name, what the document itself says
settles it (PartyMatcher._settle_in_document): a parent role or "the requester" beside the
name, a "Surname:" row's forename row, "Mr X (me, ...)" under a From: line, "to you, Mr X,"
in a letter to X (and a third-person "Mrs X" in a sentence saying "you" is someone else), a
caller who passed security (a parent on the case), "Mr X's son" against case.json's roles,
"the younger Mr X" / "X senior", "Mrs" / "Miss" against who has the surname by marriage or
by birth, and a woman's title kept the same through one document.

A bare name word matches in any case ("whitfield", "joanne") unless, written in lower
case, it is an ordinary English word ("mark", "will"), or, capitalised, it follows a
determiner ("the May review", "in May"). A listed street is also matched without its
house number ("Ferncliffe Road"). Parent roles ("paying parent" / "receiving parent",
the requester's inferred as the other one) let "PP" / "RP" in call logs count as
mentions of that party when attributing identifiers (see attribution.py).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers.base import digits, squash
from recognizers.case_reference import CMS_REF_BODY, LEGACY_REF_BODY
from recognizers.date_of_birth import DATE_REGEX, parse_date
from recognizers.bank_details import ocr_corrected
from recognizers.gazetteer import first_names, is_first_name, is_name_like, is_surname, zipf
from recognizers.uk_phone import normalise_phone

TITLES_M = ("mr", "master", "sir", "lord")
TITLES_F = ("mrs", "ms", "miss", "lady", "dame")
TITLES_N = ("dr", "mx", "prof", "rev")
ALL_TITLES = TITLES_M + TITLES_F + TITLES_N
TITLE_RE = r"(?:" + "|".join(ALL_TITLES) + r")\.?"
_ROLE_M = re.compile(r"(?i)\b(father|dad|husband|son|brother|grandfather|stepfather|uncle|boyfriend|male|he|him)\b")
_ROLE_F = re.compile(r"(?i)\b(mother|mum|wife|daughter|sister|grandmother|stepmother|aunt|girlfriend|female|she|her)\b")
WS = r"[\s\u00a0]+"
_B = r"(?<![\w'’\-.])(?<![\w.\-]@)"  # ("@lee" in a chat is the name; "x@lee.com" is not)
_E = r"(?![\w\-]|['’](?!s\b)\w)"  # allow a possessive 's after the name

COMMON_WORD_ZIPF = 4.0  # word frequency from which a lower-case name word is read as an ordinary word
_NICKNAME_MAX_ZIPF = 5.0  # a name cut short ("dave", "chris") stands alone below this word frequency ("will" and "bill" do not)
NAME_WORD_ZIPF = 4.45  # below it, a first name in lower case after a person cue is the person ("from emma")
_PERSON_PREV = re.compile(r"(?i)\b(?:from|to|with|told|tell|ask|asked|and|or|by|called|texted|rang|saw|met|spoke[ \t]+to|"
                          r"said[ \t]+to|thanks|thank[ \t]+you|hi|hello|dear|@)[ \t]+$")
# a chat's speaker label ("[28/10/2026 18:02] craig: ...") or addressee ("@craig")
_CHAT_SPEAKER_BEFORE = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*(?:[-–][ \t]*)?|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}"
    r"(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?)?")
_CHAT_SPEAKER_AFTER = re.compile(r"[ \t]*:[ \t]+\S")


def _chat_label(text: str, s: int, e: int) -> bool:
    if s > 0 and text[s - 1] == "@":
        return True
    ls = text.rfind("\n", 0, s) + 1
    return _CHAT_SPEAKER_AFTER.match(text, e) is not None and _CHAT_SPEAKER_BEFORE.fullmatch(text, ls, s) is not None


# (not "that": "a joint account that Wayne kept" names him; a word after "that" is in lower case)
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|next|last|every|each|in|until|since)[ \t]+$")


def _lower_name_frame(text: str, s: int, e: int) -> bool:
    """A listed first name written in lower case that is also a word ("dean", "rose"), where the words around
    it put a person there (person_context.name_frame: "did u see dean turned up", "me and dean"); a word
    fairly common in English needs more ("ask rose", not "with rose")."""
    from recognizers.person_context import _frame_tokens, name_frame

    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    toks = _frame_tokens(text, ls, len(text) if le < 0 else le)
    i = next((k for k, t in enumerate(toks) if t[0] == s), None)
    if i is None:
        return False
    pos, neg = name_frame(toks, i, [])
    return not neg and pos >= (1 if zipf(text[s:e]) < 4.5 else 2)


# a listed first name in lower case with a possessive "s" and no apostrophe: "at mariuss till sunday" (a name
# ending in "s"), "deans got a new job" ("dean's got"), "deans mum"
# (round 25N: also capitalised, "Sams brother", "at Domis again": the name's own capital, the apostrophe left out)
_LOWER_POSS_S = re.compile(r"(?<![\w'’\-@./])(?P<name>[A-Za-z][a-z]{2,})s(?![\w\-@])")
_TITLE_BEFORE_RUN_ON = re.compile(r"(?i)\b(?:mr|mrs|ms|miss|dr|mx)\.?[ \t]+$")
_POSS_S_AFTER = re.compile(r"[ \t]+(?:got|gone|been|new|old|mum|mam|mom|dad|nan|nana|sister|brother|missus|wife|husband|"
                           r"girlfriend|boyfriend|gf|bf|partner|ex|mate|mates|cousin|family|house|place|flat|car|van|kids|"
                           r"son|daughter|auntie|uncle|"
                           # what is somebody's: "patricks business", "deans work", "craigs phone"
                           r"business|work|job|firm|company|shop|yard|lorry|truck|phone|number|address|fault|money|"
                           # round 25N: a partner spoken of as somebody's "other half"
                           r"other[ \t]+half)\b")
# "at staceys now", "round deans", "stopping over at marks": at somebody's home
_POSS_S_HOME_BEFORE = re.compile(r"(?i)\b(?:at|round|over[ \t]+at|staying[ \t]+at|living[ \t]+at)[ \t]+$")
# "our jordan", "our kelly": the Northern family idiom names a relative
_OUR_BEFORE = re.compile(r"(?i)\bour[ \t]+$")
# round 24N: below this frequency a listed first name with "s" run on ("kels", "ryans") is no English word
_RUN_ON_S_ZIPF = 2.5


def _word_context(text: str, s: int, e: int) -> bool:
    """Is the capitalised word at [s, e) used as an ordinary word ("the May review",
    "in May")? A sentence start is not enough: "Mark said" is the person."""
    return bool(_DETERMINER_BEFORE.search(text[max(0, s - 20): s]))


# a company or trade word right after a lone name word: the name is a business's ("Pryce Plastering Ltd")
_TRADING_AFTER = re.compile(
    r"(?i)[ \t]+(?:&[ \t]+(?:co|sons?|daughters?|partners)\b|(?:ltd|limited|llp|plc)\b|(?:motors|plastering|plumbing|roofing|"
    r"joinery|builders|construction|electrical|electrics|cleaning|haulage|transport|decorating|landscaping|carpentry|"
    r"scaffolding|barbers|tyres|autos|bodyshop|catering|bakery|logistics|engineering|garage|solicitors|lettings|"
    r"accountants|groundworks|glazing|fencing|flooring|removals|couriers|school[ \t]+of[ \t]+motoring|driving[ \t]+school)(?![\w\-]))"
)


# a listed first name in lower case with a possessive before a relation or a home: "saw lee's mum"
_NAME_POSS_AFTER = re.compile(
    r"['’]s[ \t]+(?:new[ \t]+|old[ \t]+)?(?:mum|mam|mom|dad|nan|nana|nanna|sister|brother|missus|wife|husband|girlfriend|"
    r"boyfriend|gf|bf|partner|ex|mate|mates|cousin|family|house|place|flat|car|van|kids|son|daughter|auntie|uncle)\b"
)


# Specificity of each form: a longer, more specific form wins an overlap.
FULL, INITIALS, TITLED, SINGLE = 4, 3, 2, 1


@dataclass
class PartySpan:
    start: int
    end: int
    kind: PartyKind
    party: int                 # -1 requester, i >= 0 third_parties[i]
    entity_type: EntityType
    form: int = SINGLE
    needs_review: bool = False
    score: float = 0.95
    recognizer: str = "PartyRecognizer"
    candidates: tuple[int, ...] = field(default=())
    shared: bool = False       # a form several parties have (a shared surname), settled by context


def _accent_table() -> dict[int, str]:
    """A one-to-one translation of each accented Latin letter (Latin-1, Extended-A and -B) to its base letter
    ("è" -> "e", "Ș" -> "S"): offsets do not move, so names are matched on the folded text (round 17)."""
    import unicodedata
    out: dict[int, str] = {}
    for cp in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(cp))[:1]
        if base != chr(cp) and base.isascii() and base.isalpha():
            out[cp] = base
    # (round 20) the letters NFKD leaves whole, one for one: dotless i ("YILDIZ" in capitals is "Yıldız"), the
    # stroked letters ("Michał", "Søren", "Đorđe")
    out.update({ord(a): b for a, b in zip("ıłŁøØđĐħĦŧŦ", "ilLoOdDhHtT")})
    return out


_FOLD_1TO1 = _accent_table()


def _name_part_regex(part: str) -> str:
    """A name word: hyphens may be broken across lines, apostrophes either kind."""
    out = []
    for ch in part:
        if ch == "-":
            out.append(r"\s*-\s*")
        elif ch in "'’":
            out.append(r"['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer  # a hand-curated table of English given names and their usual other forms
    return NickNamer()


@functools.lru_cache(maxsize=2048)
def nickname_forms(given: str) -> frozenset[str]:
    """The usual other forms of a given name, both ways ("david" -> "dave", "davey"; "becky" -> "rebecca"), in lower
    case: those of three letters or more that the gazetteer has as first names."""
    g = given.lower()
    if len(g) < 3 or not g.isalpha():
        return frozenset()
    nn = _nicknamer()
    return frozenset(v for v in nn.nicknames_of(g) | nn.canonicals_of(g)
                     if v != g and len(v) >= 3 and v.isalpha() and is_first_name(v))


def _bare_nickname(form: str, given: str) -> bool:
    """May a given name's other form stand alone for its holder? Not when it is also a common word ("Bell", "Kit",
    "Sandy" and "Will" need the surname), unless it is the name cut short ("Dave", "Chris", "Tom", "Pat"): then a
    capitalised "Rob" or "Pat" is taken as a listed first name is (in lower case, at a sentence's start or after a
    determiner it is read as the word, in ``_match_names``)."""
    z = zipf(form)
    return z < COMMON_WORD_ZIPF or (z < _NICKNAME_MAX_ZIPF and form[:2] == given[:2].lower())


# a word of letters with one or two figures in it, as OCR makes of a name in capitals ("5ANDHU", "QU1NN")
_OCR_NAME_WORD = re.compile(r"(?<![\w'’\-])(?=[A-Za-z]*\d[A-Za-z]*(?:\d[A-Za-z]*)?(?![\w'’]))(?=(?:\d*[A-Za-z]){3})"
                            r"[A-Za-z0-9]{4,}(?![\w'’])")
_OCR_LETTERS = {"0": "o", "5": "s", "8": "b", "2": "z", "6": "g", "1": "il"}


_OCR_TITLE_BEFORE = re.compile(r"(?i)(?<![\w])(?P<title>mr|mrs|ms|miss|dr)\.?[ \t]+$")


def _ocr_readings(word: str) -> list[str]:
    """The word in lower case with each figure read as a letter a scan mistakes it for (1: i or l)."""
    out = [""]
    for ch in word.lower():
        opts = _OCR_LETTERS.get(ch, ch) if ch.isdigit() else ch
        if ch.isdigit() and ch not in _OCR_LETTERS:
            return []
        out = [o + c for o in out for c in opts]
    return out


def _tokens(name: str) -> list[str]:
    toks = [t.strip(".,") for t in re.split(r"\s+", name.strip()) if t.strip(".,")]
    return [t for t in toks if t.lower().rstrip(".") not in ALL_TITLES]


def _title_of(name: str) -> str | None:
    first = name.strip().split()[0].lower().rstrip(".") if name.strip() else ""
    return first if first in ALL_TITLES else None


def party_gender(p: Party) -> str | None:
    for n in (p.name, *p.aliases):
        t = _title_of(n)
        if t in TITLES_M:
            return "M"
        if t in TITLES_F:
            return "F"
    if p.role:
        m, f = _ROLE_M.search(p.role), _ROLE_F.search(p.role)
        if m and not f:
            return "M"
        if f and not m:
            return "F"
    return None


# a third party's role naming them as the requester's partner ("paying parent (requester's husband, separated)",
# "former partner (the requester's ex-wife)"): says the requester's gender when neither her title nor her role does, and better
# than her first name's usual gender, which the gazetteer may have wrong for a name given to both (round 23N)
_PARTNER_OF_REQUESTER = re.compile(
    r"(?i)\b(?:requester|applicant|client)['’]s[ \t]+"
    r"(?:(?:ex|former|estranged|separated|new|current|late)[ \t\-]+)*(?:-[ \t]*)?"
    r"(?P<rel>husband|wife|boyfriend|girlfriend|partner|spouse)\b")


def requester_gender_from_roles(roles: list[str]) -> str | None:
    """M or F when the third parties' roles agree on the requester's gender; None otherwise."""
    seen = set()
    for role in roles:
        for m in _PARTNER_OF_REQUESTER.finditer(role or ""):
            if m.group("rel").lower() in ("husband", "boyfriend"):
                seen.add("F")
            elif m.group("rel").lower() in ("wife", "girlfriend"):
                seen.add("M")
    return seen.pop() if len(seen) == 1 else None


def name_gender(p: Party) -> str | None:
    """The usual gender of the party's first given name (name gazetteer), M or F; None when the
    gazetteer has it as either. A guess: weaker than a title or a role."""
    toks = _tokens(p.name)
    if len(toks) >= 2:
        given = toks[0]
        g = first_names().get(given[:1].upper() + given[1:].lower())
        if g in ("M", "F"):
            return g
        parts = [x for x in re.split(r"[\-'’]", given) if x]
        if g is None and len(parts) == 2:
            # a double given name the lists do not hold whole ("Emma-Louise", "Mary-Kate"): its two names'
            # usual gender when both have one and they agree ("Jean-Paul" is neither: Jean is either)
            gs = {first_names().get(x[:1].upper() + x[1:].lower()) for x in parts}
            if len(gs) == 1 and gs <= {"M", "F"}:
                return gs.pop()
    return None


# Child-maintenance roles: "paying parent" (PP, NRP) and "receiving parent" (RP, PWC).
PAYING, RECEIVING = "paying", "receiving"
_ROLE_PAYING = re.compile(r"(?i)^\s*(?:the\s+)?(?:paying parent|non[- ]resident parent|PP|NRP)\b(?!['’]s)")
_ROLE_RECEIVING = re.compile(r"(?i)^\s*(?:the\s+)?(?:receiving parent|parent with care|RP|PWC)\b(?!['’]s)")
# In text: the abbreviation in capitals, or the words.
ROLE_MENTION_RE = re.compile(
    r"(?<![\w'’])(?:(?P<pay>PP|NRP|(?i:paying parent|non[- ]resident parent))|"
    r"(?P<rec>RP|PWC|(?i:receiving parent|parent with care)))(?!['’]s\b)(?![\w'’])"
)


ROLE_POSSESSIVE_RE = re.compile(
    r"(?<![\w'’])(?:(?P<pay>PP|NRP|(?i:paying parent|non[- ]resident parent))|"
    r"(?P<rec>RP|PWC|(?i:receiving parent|parent with care)))(?=['’]s\b)"
)


def party_role(p: Party) -> str | None:
    """PAYING or RECEIVING when the role says this party is one of the two parents
    ("paying parent (ex-husband)"); None for partners, relatives ("paying parent's partner")."""
    if _ROLE_PAYING.search(p.role or ""):
        return PAYING
    if _ROLE_RECEIVING.search(p.role or ""):
        return RECEIVING
    return None


# street words and the abbreviations letters and forms use for them ("Rd", "Ave", "Cres")
_STREET_ABBR = {
    "street": ("street", "st", "str"), "road": ("road", "rd"), "avenue": ("avenue", "ave", "av"),
    "lane": ("lane", "ln", "la"), "close": ("close", "cl"), "drive": ("drive", "dr", "drv"),
    "crescent": ("crescent", "cres", "cresc", "cr"), "court": ("court", "ct"), "place": ("place", "pl"),
    "grove": ("grove", "gr", "gro"), "gardens": ("gardens", "gdns", "gdn"), "terrace": ("terrace", "terr", "ter"),
    "square": ("square", "sq"), "parade": ("parade", "pde"), "park": ("park", "pk"), "mews": ("mews",),
    "walk": ("walk", "wlk"), "house": ("house", "hse"), "hill": ("hill",), "way": ("way",), "row": ("row",),
    "view": ("view",), "rise": ("rise",), "green": ("green", "grn"), "vale": ("vale",), "boulevard": ("boulevard", "blvd"),
    "estate": ("estate", "est"), "mount": ("mount", "mt"), "saint": ("saint", "st"),
    "wynd": ("wynd",), "brow": ("brow",), "chase": ("chase",), "croft": ("croft",), "meadows": ("meadows",),
    "meadow": ("meadow",), "fields": ("fields",), "gate": ("gate",), "heights": ("heights", "hts"), "quay": ("quay",),
    "wharf": ("wharf",), "yard": ("yard",), "approach": ("approach",), "circus": ("circus",), "nook": ("nook",),
    "garth": ("garth",), "embankment": ("embankment",), "promenade": ("promenade", "prom"), "broadway": ("broadway",),
    # house and building names shortened: "Rose Cott.", "Mercer Ho.", "Moor Fm"
    "range": ("range", "rng"),  # (not "The Paddocks", "The Orchard": those stay named only as written, capitalised)
    "cottage": ("cottage", "cott"), "cottages": ("cottages", "cotts"), "farm": ("farm", "fm"),
}
_STREET_ABBR["house"] = ("house", "hse", "ho")
_ABBR_OF = {a: full for full, abbrs in _STREET_ABBR.items() for a in abbrs if full != "saint"}
_STREET_WORDS = "|".join(sorted({a for full, abbrs in _STREET_ABBR.items() if full not in ("saint", "house", "estate", "mount",
                                                                                          "cottage", "cottages", "farm")
                                 for a in abbrs}, key=len, reverse=True))
_STREET_ONLY = re.compile(
    r"^(?:(?:flat|apartment|apt|unit|room)\s+[\w/]+,?\s+)?(?P<num>\d{1,4}[a-z]?),?\s+(?P<street>(?:[A-Z][\w'’\-]*\s+){1,3}"
    r"(?:" + _STREET_WORDS + r")\.?)(?=\s|$)", re.I)
_NUMBERED_NAME = re.compile(
    r"^(?:(?:flat|apartment|apt|unit|room)\s+[\w/]+,?\s+)?\d{1,4}[a-z]?,?\s+(?P<street>(?:[A-Z][\w'’\-]*)(?:\s+[A-Z][\w'’\-]*){1,3})$")
_STREET_TYPE_AFTER = r"(?![ \t\u00a0]*(?:\n[ \t]*)?(?:" + _STREET_WORDS + r")\b)"


def _form_key(words) -> str | None:
    """A word that any text matched by an address form built from ``words`` contains (lower case):
    the longest plain word that is not a street word (those are also matched abbreviated)."""
    plain = [w.strip(",.").lower() for w in words]
    plain = [w for w in plain if len(w) >= 3 and w.isalpha() and w not in _ABBR_OF and w not in _STREET_ABBR]
    return max(plain, key=len) if plain else None


def _addr_word_rx(word: str) -> str:
    """One word of a listed address: a street word also in its usual abbreviations, with or without
    a full stop ("Road" / "Rd" / "Rd.")."""
    w = word.strip(",").rstrip(".")
    full = _ABBR_OF.get(w.lower())
    if full is None:
        # "St John's" / "St Johns" / "St John’s"
        return re.sub(r"(?:\\?['’])", "['’]?", re.escape(word.strip(",")))
    alts = _STREET_ABBR[full] + (("saint",) if w.lower() == "st" else ())
    # (the full stop only after an abbreviation: "Drive." ends a sentence)
    words = sorted(set(alts), key=len, reverse=True)
    return r"(?:" + "|".join(a + r"\b" if a in (full, "saint") else a + r"\b\.?" for a in words) + r")"


_POSTCODE_AT_END = re.compile(r"(?i)(?<![\w])[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]*\d[A-Z]{2}$")
_ROLE_RELATIVE_AFTER = re.compile(
    r"(?i)['’]s[ \t]+(?:new[ \t]+|ex[- ]?)?(?:mother|father|mum|dad|sister|brother|partner|wife|husband|boyfriend|"
    r"girlfriend|cousin|aunt|uncle|friend|landlord|landlady|employer|solicitor|family|parents?|relatives?)\b")
_RELATION_BEFORE = re.compile(
    r"(?i)\b(?:ex[- ]?|former[ \t]+|new[ \t]+|step-?)?(?P<rel>mother|father|sister|brother|partner|wife|husband|"
    r"boyfriend|girlfriend|cousin|aunt|uncle|landlord|landlady|employer|solicitor|son|daughter)(?:-in-law)?"
    r"[ \t]*,?[ \t]*(?:\(?[ \t]*)$")
_RELATION_AFTER = re.compile(
    r"(?i)[ \t]*[,(][ \t]*(?:the[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+|(?:client|PP|RP|paying[ \t]+parent|receiving[ \t]+parent)['’]s[ \t]+)?"
    r"(?:ex[- ]?|former[ \t]+|new[ \t]+|step-?)?(?P<rel>mother|father|sister|brother|partner|wife|husband|boyfriend|girlfriend|"
    r"cousin|aunt|uncle|son|daughter)(?:-in-law)?[ \t]*[,)]")
_CHILDRENS_BEFORE = re.compile(r"(?i)\b(?:their|the[ \t]+(?:child|children|kids|boys|girls)['’]?s?|(?:child|children)['’]?s?)[ \t]+$")
# "a Mrs X", "a woman who gave her name as Mrs X", "someone calling herself Mrs X": not the requester
_INDEFINITE_BEFORE = re.compile(
    r"(?i)(?:\b(?:a|another|one)|\bgave[ \t]+(?:her|his|their)[ \t]+name[ \t]+as|\bcalling[ \t]+(?:her|him|them)sel(?:f|ves)|"
    r"\bclaiming[ \t]+to[ \t]+be|\bpretending[ \t]+to[ \t]+be|\bsaying[ \t]+(?:she|he)[ \t]+was)[ \t]+$")
_DEAR_BEFORE = re.compile(r"(?i)\bdear[ \t]+$")
# a titled surname said to the letter's reader: "We will write to you, Mr Hussain, at ...",
# "Mrs Okafor, if you would like ..." (the addressee of the "Dear ..." line)
_VOCATIVE_BEFORE = re.compile(r"(?i)\b(?:you[ \t]*,|thank[ \t]+you[ \t]*,?|thanks[ \t]*,?)[ \t]*$")
_VOCATIVE_AFTER = re.compile(r"(?i)[ \t]*,[ \t]*(?:if[ \t]+you|you\b|please\b|thank[ \t]+you|may[ \t]+we|can[ \t]+you|could[ \t]+you)")
# "Mr Wong (me, not Kevin)", "Mr Wong (that's me)": the writer of the message
_SELF_AFTER = re.compile(r"(?i)[ \t]*\([ \t]*(?:that['’]?s[ \t]+|i[ \t]+am[ \t]+|i['’]m[ \t]+)?(?:me|myself)\b")
_FROM_LINE = re.compile(r"(?i)[ \t>]*From:")
# "the younger Mr Hussain", "Mrs Murphy senior": the candidate of the younger or older generation
# by case.json's roles (a son or daughter is younger than the parents; a parent's mother older)
_AGE_BEFORE = re.compile(r"(?i)\bthe[ \t]+(?P<age>younger|elder|older|junior|senior)[ \t]+$")
_AGE_AFTER = re.compile(r"(?i)[ \t]*,?[ \t]*\(?(?P<age>junior|senior|jnr|snr|jr|sr)\b\.?")
_YOUNGER_ROLE = re.compile(r"(?i)\b(?:son|daughter|child|grandson|granddaughter|niece|nephew)\b")
_OLDER_ROLE = re.compile(r"(?i)\b(?:mother|father|mum|dad|grandmother|grandfather|grandparent|aunt|uncle)\b")
# a parent role, or the requester named as such, written beside a name as its apposition
_ROLE_WORDS = (r"(?:(?P<pay>(?-i:PP|NRP)|paying[ \t]+parent|non[- ]resident[ \t]+parent)|"
               r"(?P<rec>(?-i:RP|PWC)|receiving[ \t]+parent|parent[ \t]+with[ \t]+care)|"
               r"(?P<req>requester|data[ \t]+subject|person[ \t]+making[ \t]+(?:the|this)[ \t]+request))")
_ROLE_APPOS_AFTER = re.compile(r"(?i)[ \t]*(?:,[ \t]*(?:the|our)[ \t]+|\([ \t]*(?:the[ \t]+)?)" + _ROLE_WORDS + r"(?![\w'’])")
_ROLE_APPOS_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:the[ \t]+|our[ \t]+)?" + _ROLE_WORDS + r"[ \t]*(?:,|:)[ \t]*$")
_BIRTH_ROLE = re.compile(r"(?i)\b(?:sister|half-sister|daughter|niece|granddaughter)\b")
_WIFE_ROLE = re.compile(r"(?i)\b(?:ex-?wife|wife|widow|former[ \t]+wife)\b")
_MOTHER_ROLE = re.compile(r"(?i)\b(?:mother|grandmother|mother-in-law)\b")
# a form's surname row and the forename row beside it: "Surname: OKAFOR\nForename(s): Grace"
_SURNAME_ROW = re.compile(r"(?i)[ \t|]*(?:surname|last[ \t]+name|family[ \t]+name)[ \t]*[:|]?[ \t]*")
_FORENAME_ROW = re.compile(
    r"(?im)^[ \t|]*(?:fore-?names?|first[ \t]+names?|given[ \t]+names?|christian[ \t]+names?)(?:[ \t]*\(s\))?[ \t]*[:|]?[ \t]*"
    r"(?P<g>[^\W\d_][\w'’\-]*)")


# "your guarantor, Mrs Kowalski, ...": a name in apposition to a noun phrase, not said to the reader
_NOUN_PHRASE_COMMA = re.compile(r"(?i)\b(?:your|his|her|their|my|our|the|a|an)[ \t]+(?:[\w\-]+[ \t]+){0,2}[\w\-]+[ \t]*,[ \t]*$")
_YOUR_BEFORE_ID = re.compile(r"(?i)\byour\b(?![ \t]+(?:ex|former|partner|husband|wife|son|daughter|mother|father|brother|sister)\b)[^.\n]{0,30}$")
_PARTNER_WORD = re.compile(r"(?i)\b(husband|wife|partner|boyfriend|girlfriend|civil[ \t]+partner)\b")
_YOUR_PARTNER = re.compile(r"(?i)\byour[ \t]+(?:ex[- ]?|former[ \t]+|estranged[ \t]+|separated[ \t]+)(?P<rel>husband|wife|partner|boyfriend|girlfriend)\b")
# a phone call's caller, and the call note saying the caller passed the case's security questions
_CALLER_BEFORE = re.compile(r"(?i)(?:\bcaller[ \t]*:?|\bcall(?:ed)?[ \t]+from|\bspoke[ \t]+to)[ \t]*$")
_CALLED_AFTER = re.compile(r"(?i)[ \t]*(?:\([^)\n]{0,30}\)[ \t]*)?(?:called|rang|phoned|telephoned)\b")
_PASSED_SECURITY = re.compile(
    r"(?i)\b(?:passed|pass(?:es)?|cleared)[ \t]+(?:the[ \t]+)?(?:security|dpa|id[ \t]*&[ \t]*v|data[ \t]+protection|verification)\b|"
    r"\b(?:security|dpa|id[ \t]*&[ \t]*v)[ \t]+(?:passed|ok|confirmed|completed)\b")


# a flat named in a listed address ("Flat B, 58 Cedar Parade"), and a flat written just before a matched street
# (a number, a tenement's "1/2", or one letter: not "the flat at 48 ...")
def _split_house_number(num: str) -> tuple[str, str]:
    """"27a" -> ("27", "a"); "27" -> ("27", "")."""
    return (num[:-1], num[-1].lower()) if num[-1:].isalpha() else (num, "")


def _number_and_letter_rx(num: str) -> str:
    """A house number with its letter, with or without a space between: "27a", "27 A"."""
    digits, letter = _split_house_number(num)
    return re.escape(digits) + (r"[ \t]?" + re.escape(letter) if letter else "")


def _house_number_rx(num: str, flat_letters: set[str]) -> str:
    """A listed house number as an address may write it: "27a" also as "27 A" and as "Flat A, 27"; the "27" of
    "Flat A, 27 Kingsley Road" also as "27a" (the same flat). Another letter ("27b") stays another flat."""
    digits, letter = _split_house_number(num)
    d = re.escape(digits)
    if letter:
        return (r"(?:" + _number_and_letter_rx(num) + r"(?![\w])|(?:flat|apartment|apt\.?)[ \t]+" + letter + r",?[ \t]+" + d
                + r"(?![\w]))")
    if flat_letters:
        return d + r"(?:[ \t]?(?:" + "|".join(sorted(map(re.escape, flat_letters))) + r"))?(?![\w])"
    return d


# a flat's number or letter: "Flat 3", "Flat 3b", "Flat 2/1", "Flat A", and a letter before the number, "Flat B12"
_FLAT_IN_LISTED = re.compile(r"(?i)(?<![\w])(?:flat|apartment|apt\.?)[ \t]+([a-z]?\d{1,4}(?:/\d{1,3})?[a-z]?|[a-z])(?![\w/])")
_FLAT_BEFORE = re.compile(r"(?i)(?<![\w])(?:flat|apartment|apt\.?)[ \t]+([a-z]?\d{1,4}(?:/\d{1,3})?[a-z]?|[a-z]),?[ \t]*\n?[ \t]*$")


def _record_end(text: str, end: int) -> int:
    """The end of the note holding ``end``: a blank line, a new dated entry, or 300 characters."""
    stop = min(len(text), end + 300)
    m = _NEXT_RECORD.search(text, end, stop)
    return m.start() if m else stop


_NEXT_RECORD = re.compile(r"\n[ \t]*\n|\n[ \t]*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}")


# "Mr Hussain's son", "Mrs Okafor's ex-husband's sister" (the first relation only)
_KIN_AFTER_NAME = re.compile(
    r"(?i)['’]s[ \t]+(?:adult[ \t]+|eldest[ \t]+|youngest[ \t]+|older[ \t]+|younger[ \t]+|new[ \t]+|late[ \t]+)?"
    r"(?P<kin>(?:ex-?|former[ \t]+)?(?:son|daughter|child|sister|brother|mother|father|partner|wife|husband|girlfriend|boyfriend|"
    r"nephew|niece|cousin|aunt|uncle))\b")
# a listed relative's role: "paying parent's adult son", "receiving parent's mother"
_ROLE_OF_KIN = re.compile(
    r"(?i)(?:(?P<pay>paying[ \t]+parent|non[- ]resident[ \t]+parent|PP|NRP)|(?P<rec>receiving[ \t]+parent|parent[ \t]+with[ \t]+care|RP|PWC))"
    r"['’]s[ \t]+(?P<kin>[^(),;]+)")
_YOU_WORD = re.compile(r"(?i)\b(?:you|your|yours|yourself)\b")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (to a full stop or a blank line either side)."""
    a = max(0, start - 240)
    for m in _SENTENCE_END.finditer(text, a, start):
        a = m.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + 240))
    return text[a:stop.start() if stop else min(len(text), end + 240)]


def _forename_beside(text: str, name_start: int) -> str | None:
    """The first forename in a forename row within two lines of a surname row holding ``name_start``."""
    ls = text.rfind("\n", 0, name_start) + 1
    m = _SURNAME_ROW.match(text, ls)
    if m is None or m.end() != name_start:
        return None
    a = ls
    for _ in range(2):
        a = text.rfind("\n", 0, max(0, a - 1)) + 1 if a > 0 else 0
    b = name_start
    for _ in range(3):
        nxt = text.find("\n", b + 1)
        b = len(text) if nxt < 0 else nxt
    fm = _FORENAME_ROW.search(text, a, b)
    return fm.group("g").lower() if fm else None


_TITLE_CLASS = {"mrs": "F", "ms": "F", "miss": "F"}
# the word right before a surname on its line: a given name written with it ("Andi Popescu", "ANDI POPESCU")
_GIVEN_BEFORE = re.compile(r"(?<![\w'’.])(?P<g>[A-Z][a-z'’\-]+|[A-Z]{2,})[ \t]+\Z")
_OTHER_PERSON_WORD = re.compile(r"\b(?:[Yy]ou|I|[Mm]e)\b")
RECENT_CHARS = 120  # a full name this close before a bare surname settles whom it means
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n[ \t]*\n")
# the space between a name's words: may wrap onto the next line, but not across a blank line
# ("Dear Mrs Okafor\n\nNgozi Okafor called" is not "OKAFOR NGOZI", a name written surname first)
NAME_WS = r"(?:[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)"
_MIDDLE_INITIALS = r"(?:" + NAME_WS + r"(?-i:[A-Z])\.?){0,2}"
_MIDDLE_INITIALS_TEXT = re.compile(r"(?<= )(?:[a-z]\.? )+")
_TRAILING_INITIALS = re.compile(r"(?:,[ \t]*|[ \t]+)(?-i:[A-Z])\.?(?:[ \t]?(?-i:[A-Z])\.?)?(?![\w'’])")


# a CMS case reference in either format (CMS-YYYY-NNNNNN, legacy 1234 5678 9012)
OTHER_REF_RE = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?:" + CMS_REF_BODY + r"(?![A-Za-z0-9])"
    r"|(?<![\d\-/.,£$€])(?P<legacy>" + LEGACY_REF_BODY + r")(?![\d\-/]|[.,]\d))")
# a group of a longer number just before or after a 12-digit match ("UA74 3052 9900 0002 6007 ...": an IBAN)
_GROUP_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{2,4}[ \u00a0\-]$")
_GROUP_AFTER = re.compile(r"[ \u00a0\-]\d{1,4}(?![\d])")
# a 12-digit number is a case reference when a case word leads up to it on its line
_LEGACY_CUE = re.compile(r"(?i)\b(?:case|cms|csa|child[ \t]+maintenance|ref(?:erence)?|scheme|legacy)\b")
_CMS_WORD = re.compile(r"(?i)\b(?:cms|csa|child[ \t]+maintenance)\b")
_NOT_CMS_LABEL = re.compile(
    r"(?i)\b(?:court|tribunal|claim|warrant|liability[ \t]+order|magistrates['’]?|hmcts|bailiffs?|enforcement|summons|"
    r"complaint|application|hearing|appeal|policy|invoice|ticket|transaction|receipt|account|card|payroll|employee|"
    r"customer|tenancy|pension|patient|student|phone|tel|mobile)\b")


# case.json as typed: "c/o 5 Church Walk", "01632 960418 ext 22", "07700 900682 / 01632 960418"
_CARE_OF = re.compile(r"(?i)^c/o[ \t]+")
_EXTENSION = re.compile(r"(?i)[ \t]*(?:ext(?:ension)?\.?|x)[ \t]*\d{1,5}[ \t]*$")
_LABEL_WORDS = re.compile(r"(?i)\((?:mobile|mob|home|work|landline|old|new)\)|\b(?:mobile|mob|home|work|landline|tel)\b[:.]?")


def _listed_numbers(raw: str) -> list[str]:
    """The numbers in one case.json phone entry, without an extension or a label."""
    out = []
    for part in re.split(r"[/;,]|\bor\b|\band\b", raw):
        part = _EXTENSION.sub("", _LABEL_WORDS.sub(" ", part)).strip()
        if sum(c.isdigit() for c in part) >= 6:
            out.append(part)
    return out


# a listed number in another country's format: "+48 512 345 678", "0048 512345678", "+353 (0)87 ..."
_INTL_PHONE = re.compile(r"^(?:\+|00)[ \t]*(?!44)(?P<cc>[1-9]\d{0,2})[ \t\-]*(?:\(0\))?(?P<rest>[\d \t\-().]{6,})$")
_COUNTRY_CODES_2 = {"20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "45", "46", "47", "48", "49",
                    "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82",
                    "84", "86", "90", "91", "92", "93", "94", "95", "98"}


def _intl_phone_regex(cc: str, rest: str) -> "re.Pattern[str]":
    """A listed foreign number as written elsewhere: with "+cc" or "00cc", any separators, an optional
    "(0)", or without the country code (its national number alone, when long enough to be unique)."""
    if len(cc) > 2 and cc[:2] in _COUNTRY_CODES_2:
        cc, rest = cc[:2], cc[2:] + rest  # ("+48512..." written without a space)
    elif len(cc) > 1 and cc[:1] in "17":
        cc, rest = cc[:1], cc[1:] + rest
    sep = r"[\s\-().]*"
    body = _flex_chars(rest.lstrip("0"), sep)
    alts = [r"(?:\+|00)[ \t]*" + _flex_chars(cc, sep) + sep + r"(?:\(0\)" + sep + r")?" + body]
    if len(rest.lstrip("0")) >= 9:
        alts.append(r"0?" + body)
    return re.compile(r"(?<![\d+])(?:" + "|".join(alts) + r")(?!\d)")


# a phone number read out: digit words ("oh", "zero", "nought", "one" ... "nine"), "double"/"triple" before
# one, and digits, with spaces, commas or hyphens between
_DIGIT_WORDS = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_SPOKEN_TOKEN = r"(?:double|triple|oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|\d)"
_SPOKEN_DIGIT = re.compile(r"(?i)\b(?:oh|zero|nought|double|triple)\b")
_SPOKEN_RUN = re.compile(r"(?i)(?<![\w])" + _SPOKEN_TOKEN + r"(?:[ \t,\-]+" + _SPOKEN_TOKEN + r"|(?<=\d)\d){7,24}(?![\w])")


def _spoken_digits(run: str) -> str | None:
    out: list[str] = []
    rep = 1
    for tok in re.findall(r"(?i)[a-z]+|\d", run):
        t = tok.lower()
        if t in ("double", "triple"):
            rep = 2 if t == "double" else 3
            continue
        d = _DIGIT_WORDS.get(t, t if t.isdigit() else None)
        if d is None:
            return None
        out.append(d * rep)
        rep = 1
    digits_ = "".join(out)
    return normalise_phone(digits_) if 10 <= len(digits_) <= 13 else None


# "@" and "." of an email address written out
_OBF_AT = r"(?:[ \t]*[\[(][ \t]*at[ \t]*[\])][ \t]*|[ \t]+at[ \t]+)"
_OBF_DOT = r"(?:\.|[ \t]*[\[(][ \t]*dot[ \t]*[\])][ \t]*|[ \t]+dot[ \t]+)"
_COMPACT_DATE = re.compile(r"(?<![\d\-/.])(?:(?P<d>\d{2})[ ]?(?P<m>\d{2})[ ]?(?P<y>(?:19|20)\d{2})"
                           r"|(?P<y2>(?:19|20)\d{2})[ ]?(?P<m2>\d{2})[ ]?(?P<d2>\d{2}))(?![\d\-/]|[.,]\d)")
# the house number of a listed address ("27" of "27 Whitehouse Avenue", "42A" of "42A Whalley Range")
_HOUSE_NUMBER = re.compile(r"^(?:(?:flat|apartment|apt|unit)\s+[\w/]+\s+)?(\d{1,4}[a-z]?)\s+[A-Za-z]", re.I)
# ... written alone: "No. 27", "number 27", "the flat at 42a", "the ground floor flat at No. 3", "above the shop
# at 12", "he's living at 15" (only near the same party's street or postcode: see _match_address_parts)
_HOUSE_NUMBER_CUE = (r"(?i)(?:(?P<no>\b(?:no\.?|number)[ \t]*)"
                     r"|\b(?:(?:flat|house|home|place|property|maisonette|bungalow|shop|chippy|newsagents?|takeaway|bookies|pub)"
                     r"|(?:lives|living|live|staying|stays|stopping|moved[ \t]+in))[ \t]+at[ \t]+(?P<no2>(?:no\.?|number)[ \t]*)?)")
_NOT_AFTER_NUMBER = r"(?<!\d[ \t])(?<!\d,[ \t])(?<!\d[A-Za-z][ \t])(?<!\d[A-Za-z],[ \t])"
_NOT_A_HOUSE_BEFORE = re.compile(
    r"(?i)\b(?:item|bus|route|page|question|para(?:graph)?|section|schedule|clause|invoice|order|platform|gate|room|box|"
    r"case|ref(?:erence)?|account|policy|table|figure|exhibit|document|doc|tab|appendix|annex|bundle|line|payslip|"
    r"statement|cheque|receipt|ticket|unit|flat|apartment|plot|issue|version|step|point|rule|form|child|children)\.?[ \t]*$")
# a street named as a place on the road, not a home: "Lincoln Road junction with Gladstone Street",
# "on the corner of Mill Lane" (the street named alone; its house number and street still go)
_NOT_A_JUNCTION = "".join(r"(?<!" + w + r"[ \t])" for w in (
    "junction with", "junction of", "junctions of", "junction between", "corner of", "crossroads of", "crossing of",
    "roundabout on", "roundabout at"))
# a business named by what it is, on a street: "works at a car garage on Derby Street", "a hand car wash on X Road"
# (the street of a listed address, named alone, locates the business, not the party's home; not "lives above the
# shop on X Road", "the flat over the chippy on ...")
_BUSINESS_ON_BEFORE = re.compile(
    r"(?i)\b(?:garage|car\s+wash|valet(?:ing)?|restaurant|takeaway|shop|salon|barbers?|caf[eé]|pub|factory|warehouse|depot|"
    r"workshop|dealership|showroom|hotel|store|supermarket|market[ \t]+stall|office|offices|business|site|yard|gym)"
    r"\s+(?:on|in|off|along)[ \t]+$")
_HOME_NEAR_BUSINESS = re.compile(r"(?i)\b(?:lives?|living|stays?|staying|moved|flat|above|over|upstairs|behind|next[ \t]+to|"
                                 r"opposite|near|round[ \t]+the[ \t]+corner)\b")


def _business_on_street(text: str, s: int, e: int) -> bool:
    """Is the listed street at ``s``..``e`` (no house number) named as where a business is?"""
    if any(c.isdigit() for c in text[s:e]):
        return False
    b = _BUSINESS_ON_BEFORE.search(text, max(0, s - 40), s)
    if b is None:
        return False
    cs = max(text.rfind(".", 0, b.start()), text.rfind("\n\n", 0, b.start()), b.start() - 60) + 1
    return _HOME_NEAR_BUSINESS.search(text, cs, b.start()) is None


HOUSE_NUMBER_REACH = 300  # characters from the same party's street or postcode to a house number alone
# between two parts of one address: a comma, table bars, one line break, or "in" ("Mercer House in
# Accrington": the town of a listed house says where a person lives as much as its postcode does)
_PART_GAP = re.compile(r"[ \t]*(?:[,;][ \t]*|[ \t]+in[ \t]+|(?:[ \t]*\|)*[ \t]*\n(?:[ \t]*\|)*[ \t]*|[ \t]*\|[ \t]*)")


def _deletes(w: str) -> set[str]:
    return {w[:i] + w[i + 1:] for i in range(len(w))}


def _flex_chars(s: str, sep: str) -> str:
    return sep.join(re.escape(c) for c in s)


_NON_DIGITS = re.compile(r"[^0-9]+")
_NON_ALNUM = re.compile(r"[\W_]+")
_OCR_SAME = {"0": "[0O]", "O": "[0O]", "1": "[1I]", "I": "[1I]"}
# a listed identifier's figures as a scan may read them: a nought as an O, a one as an I or l ("3O561184")
_OCR_DIGIT = {"0": "[0O]", "1": "[1Il]"}
_OCR_FOLD = str.maketrans("oil", "011")  # (the same, for the cheap look in the page's run of letters and figures)


def _flex_ocr(s: str, sep: str) -> str:
    return sep.join(_OCR_DIGIT.get(c) or re.escape(c) for c in s)


def _postcode_chars(s: str) -> str:
    """A postcode's characters, each read as a scan may read it, with a box's space or bar between."""
    return r"[ \t|]?".join(_OCR_SAME.get(c, re.escape(c)) for c in s)


class PartyMatcher:
    """Built once per case (cheap: a few small regexes)."""

    def __init__(self, case: CaseRecord, extra_unknown: tuple[str, ...] = (),
                 ref_patterns: tuple[str, ...] | None = None):
        """``ref_patterns``: the deployment's case-reference formats (``DetectSettings.case_ref_patterns``);
        None: CMS-YYYY-NNNNNN and the legacy 12-digit number (``OTHER_REF_RE``)."""
        self.case = case
        # how another party's case reference is found: the deployment's formats when it sets them
        self._other_ref_rxs = (OTHER_REF_RE,) if not ref_patterns else tuple(re.compile(rx) for rx in ref_patterns)
        self.parties: list[Party] = [case.requester, *case.third_parties]
        self.index = [-1] + list(range(len(case.third_parties)))
        stated = [party_gender(p) for p in self.parties]
        # (attributing "her number" to a party keeps the genders read without the partner's role: round 23N
        # changed the names' owners only)
        self.pronoun_genders = [g or name_gender(p) for g, p in zip(stated, self.parties)]
        if stated[0] is None:
            stated[0] = requester_gender_from_roles([p.role for p in self.parties[1:]])
        # a gender read from the first name fills the gaps; an owner chosen with it is flagged for review
        self.guessed = [g is None and name_gender(p) is not None for g, p in zip(stated, self.parties)]
        self.genders = [g or name_gender(p) for g, p in zip(stated, self.parties)]
        self.roles = self._roles()
        # form text (lower) -> (form kind, set of party positions)
        forms: dict[str, tuple[int, set[int]]] = {}
        self.full_forms: dict[int, list[str]] = {}
        fuzzy: dict[str, set[int]] = {}
        self.surnames: dict[str, set[int]] = {}

        def add(form: str, kind: int, pos: int):
            key = form.lower()
            k, owners = forms.get(key, (kind, set()))
            owners.add(pos)
            forms[key] = (max(k, kind), owners)

        for pos, p in enumerate(self.parties):
            names = [p.name, *p.aliases]
            for n in names:
                toks = _tokens(n)
                if not toks:
                    continue
                if len(toks) >= 2:
                    given, sur = toks[:-1], toks[-1]
                    add(" ".join(toks), FULL, pos)
                    add(f"{given[0]} {sur}", FULL, pos)
                    # forms and lists write the surname first: "SIDDIQUI, Ayesha", "KAZLAUSKAS TOMAS",
                    # and a family-name-first name the other way round ("PHAM, THI HOA")
                    add(f"{sur}, {given[0]}", FULL, pos)
                    add(f"{sur} {given[0]}", FULL, pos)
                    add(f"{toks[0]}, {' '.join(toks[1:])}", FULL, pos)
                    self.full_forms.setdefault(pos, []).append(" ".join(toks).lower())
                    self.surnames.setdefault(sur.lower(), set()).add(pos)
                    for g in given:
                        if len(g.rstrip(".")) >= 2:
                            add(g, SINGLE, pos)
                    if len(sur.rstrip(".")) >= 2:
                        add(sur, SINGLE, pos)  # (round 25N: not a surname's initial, "Tomas K.": a lone letter is no name)
                    # "Okonkwo-Smith" surname: each half alone is also the person
                    if "-" in sur:
                        for half in sur.split("-"):
                            if len(half) >= 3:
                                add(half, SINGLE, pos)
                    for t in (given[0], sur):
                        if len(t) >= 5:
                            for d in _deletes(t.lower()) | {t.lower()}:
                                fuzzy.setdefault(d, set()).add(pos)
                else:
                    add(toks[0], SINGLE, pos)
                    if len(toks[0]) >= 5:
                        for d in _deletes(toks[0].lower()) | {toks[0].lower()}:
                            fuzzy.setdefault(d, set()).add(pos)
        # a listed third party under another usual form of a given name ("Dave" for David Okafor, "Becky" for
        # Rebecca, both with the surname too): the other forms no listed name has, and none of the requester's
        # own given names and their forms (a "Becky" in a case whose requester is Rebecca stays hers to decide)
        real = set(forms)
        req_given = {t.lower() for n in (self.parties[0].name, *self.parties[0].aliases) for t in _tokens(n)[:1]}
        mine = req_given.union(*(nickname_forms(g) for g in req_given))
        for pos in range(1, len(self.parties)):
            p = self.parties[pos]
            for n in (p.name, *p.aliases):
                toks = _tokens(n)
                if len(toks) < 2:
                    continue
                for v in sorted(nickname_forms(toks[0]) - mine):
                    if v not in real and _bare_nickname(v, toks[0]):
                        add(v, SINGLE, pos)
                    if f"{v} {toks[-1].lower()}" not in real:
                        add(f"{v} {toks[-1]}", FULL, pos)
        self.forms = forms
        self.fuzzy = fuzzy
        # a listed name with or without its accents: matched on the text folded one letter for one ("Nadège" in a
        # text, "Nadege" in case.json, or the reverse)
        self._folded_forms = {k.translate(_FOLD_1TO1): k for k in forms}
        self.exact_words = {w for w in forms if " " not in w}
        alts = []
        for key, (kind, _) in sorted(forms.items(), key=lambda kv: -len(kv[0])):
            parts = key.split(" ")
            parts = [p.translate(_FOLD_1TO1) for p in parts]
            if kind == FULL and len(parts) >= 2 and "," not in key:
                # middle initials between given name and surname: "Marcia A Campbell", "KWAME O. MENSAH"
                alts.append(NAME_WS.join(_name_part_regex(p) for p in parts[:-1]) + _MIDDLE_INITIALS + NAME_WS
                            + _name_part_regex(parts[-1]))
            else:
                alts.append(NAME_WS.join(_name_part_regex(p) for p in parts))
        # names: optional title, optional initials before a surname
        self.name_re = re.compile(
            r"(?i)" + _B + r"(?:(?P<title>" + TITLE_RE + r")" + NAME_WS + r")?"
            # (round 24N: a double-barrelled given name's initials, "K-A Price", "J-P. Martin")
            r"(?P<init>(?-i:(?:[A-Z](?:-[A-Z])?\.?" + NAME_WS + r"|[A-Z]\.){1,2}))?"
            r"(?P<name>" + "|".join(alts) + r")" + _E
        ) if alts else None
        self.word_re = re.compile(r"(?<![\w'’])[A-Za-z][A-Za-z'’]{3,}(?![\w'’])")
        self._id_regexes = self._build_identifier_regexes()
        req_ids = _id_keys(self.parties[0])
        self._shared_ids = any(req_ids & _id_keys(p) for p in self.parties[1:])
        self._other_ref_owner = self._other_reference_owner()

    def _roles(self) -> list[str | None]:
        """Each party's parent role. The requester's, when case.json does not state it, is the
        other parent's role: if exactly one listed third party is the paying parent, the
        requester is the receiving parent, and the reverse."""
        roles = [party_role(p) for p in self.parties]
        if roles[0] is None:
            tp_roles = [r for r in roles[1:] if r]
            if len(tp_roles) == 1:
                roles[0] = RECEIVING if tp_roles[0] == PAYING else PAYING
        # a role held by two parties says nothing about who is meant
        for r in (PAYING, RECEIVING):
            if roles.count(r) > 1:
                roles = [None if x == r else x for x in roles]
        return roles

    def role_owner(self, role: str) -> int | None:
        """Party position (0 = requester) holding ``role``, or None."""
        for pos, r in enumerate(self.roles):
            if r == role:
                return pos
        return None

    def possessive_role_mentions(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, party position) of "the RP's" / "PP's" written in the text: for attribution,
        where a possessive is that party's only when an identifier word follows ("the RP's car")."""
        out: list[tuple[int, int, int]] = []
        for m in ROLE_POSSESSIVE_RE.finditer(text):
            pos = self.role_owner(PAYING if m.group("pay") else RECEIVING)
            if pos is not None:
                out.append((m.start(), m.end(), pos))
        return out

    def role_mentions(self, text: str) -> list[PartySpan]:
        """"PP" / "receiving parent" written in the text, as mentions of the party holding that
        role. Used to attribute identifiers, never redacted themselves."""
        out: list[PartySpan] = []
        for m in ROLE_MENTION_RE.finditer(text):
            pos = self.role_owner(PAYING if m.group("pay") else RECEIVING)
            if pos is not None:
                out.append(PartySpan(m.start(), m.end(), self._kind(pos), self.index[pos], EntityType.PERSON,
                                     form=SINGLE, recognizer="PartyRoleMention"))
        return out

    # ------------------------------------------------------------------ identifiers
    def _build_identifier_regexes(self) -> list[tuple[re.Pattern[str], int, EntityType]]:
        out: list[tuple[re.Pattern[str], int, EntityType]] = []
        self._addr_parts: dict[int, re.Pattern[str]] = {}
        self._spoken_phones = {normalise_phone(ph): pos for pos, p in enumerate(self.parties)
                               for raw in p.phones for ph in _listed_numbers(raw) if len(normalise_phone(ph)) >= 10}
        self._house_numbers: dict[int, re.Pattern[str]] = {}
        # party position -> the flats ("b", "3") of its listed addresses
        self._flats: dict[int, set[str]] = {}
        # regex position -> words one of which is in any text it can match: a document without any
        # of them is not searched with it (a case's address patterns are long alternations)
        self._rx_keys: dict[int, frozenset[str]] = {}
        # regex position -> the characters any match of it has in a row once the text's separators are
        # dropped (("d", digits) among the text's digits, ("a", letters and digits) among its letters and
        # digits, case-folded): a listed phone, NI number or case reference not there is not searched for
        self._rx_stream: dict[int, tuple[str, str]] = {}
        for pos, p in enumerate(self.parties):
            def add_alnum(value: str, min_len: int, sep: str, et: EntityType) -> None:
                """A listed identifier of letters and digits, in any case, with ``sep`` between any two of its
                characters; searched for only where its characters occur in a row (``_rx_stream``)."""
                v = squash(value)
                if len(v) >= min_len:
                    # (a scan's letter for a figure: "3O561184" for 30561184, "l" or "I" for a one)
                    out.append((re.compile(r"(?i)(?<![A-Za-z0-9])" + _flex_ocr(v, sep) + r"(?![A-Za-z0-9])"), pos, et))
                    self._rx_stream[len(out) - 1] = ("a", v.casefold().translate(_OCR_FOLD))

            if p.ni_number:
                add_alnum(p.ni_number, 8, r"[\s\-]*", EntityType.UK_NINO)
            for ref in p.case_references:
                add_alnum(ref, 6, r"[\s\-/–]*", EntityType.CASE_REFERENCE)
            for ph in (x for raw in p.phones for x in _listed_numbers(raw)):
                intl = _INTL_PHONE.match(ph.strip())
                if intl:
                    out.append((_intl_phone_regex(intl.group("cc"), digits(intl.group("rest"))), pos, EntityType.PHONE_NUMBER))
                    continue
                d = normalise_phone(ph)
                if len(d) >= 10:
                    # (a scan's O for a nought: "07700 9OO861")
                    rest = r"[\s\-().\/]*".join("[0O]" if c == "0" else re.escape(c) for c in d[1:])
                    # (also without its leading 0, as a number is sometimes copied: "7700 900555")
                    # (a space may follow the leading 0: "0 7700 900 538")
                    out.append((re.compile(r"(?<![\d+])(?:(?:\+|00)?44[\s\-]*(?:\(0\)[\s\-]*)?|\(?[0O]\)?[ \t]?)?" + rest + r"(?![\dO])"), pos, EntityType.PHONE_NUMBER))
                    # (looked for in the page's letters and figures with O read as 0, where its figures are in a row)
                    self._rx_stream[len(out) - 1] = ("a", d[1:])
            for kind, value in p.identifiers:
                # (a sort code has six digits; shorter says too little to match anywhere)
                add_alnum(value, 6, r"[\s\-/.]*", EntityType(kind))
            for em in p.emails:
                if "@" in em:
                    out.append((re.compile(r"(?i)(?<![\w.\-])" + re.escape(em.strip()) + r"(?![\w\-])"), pos, EntityType.EMAIL_ADDRESS))
                    # written to dodge harvesters: "gary.n [at] example [dot] net", "gary.n at example.net"
                    local, _, domain = em.strip().partition("@")
                    dom = _OBF_DOT.join(re.escape(x) for x in domain.split("."))
                    out.append((re.compile(r"(?i)(?<![\w.\-])" + re.escape(local) + _OBF_AT + dom + r"(?![\w\-])"), pos,
                                EntityType.EMAIL_ADDRESS))
            addr_forms: list[str] = []
            postcodes: list[str] = []
            pc_keys: set[str] = set()
            keys: set[str] | None = set()  # a word each form must contain (None: a form without one)

            def add_form(form_words, rx: str) -> None:
                nonlocal keys
                addr_forms.append(rx)
                k = _form_key(form_words)
                keys = None if k is None or keys is None else keys | {k}
            parts: set[str] = set()
            numbers: set[str] = set()
            for addr in p.addresses:
                flat_letters = set()
                for fm in _FLAT_IN_LISTED.finditer(addr):
                    self._flats.setdefault(pos, set()).add(fm.group(1).lower())
                    if fm.group(1).isalpha():
                        flat_letters.add(fm.group(1).lower())  # "Flat A, 27 ...": also written "27a"
                comps = [_CARE_OF.sub("", c.strip()) for c in re.split(r"[,\n]+", addr) if c.strip()]
                comps = [c for c in comps if c]
                for c in comps:
                    bare = _POSTCODE_AT_END.sub("", c).strip(" ,")
                    if not any(ch.isdigit() for ch in bare) and len(bare) >= 3:
                        parts.add(bare)  # a town, district, street or house name: taken next to another part
                    hn = _HOUSE_NUMBER.match(c)
                    if hn:
                        numbers.add(hn.group(1).lower())
                    pc = _POSTCODE_AT_END.search(c)
                    if pc:
                        # the postcode of a listed address, written on its own ("Postcode: M11 2NB")
                        # (also in a form's boxes, "L S 6 | 3 P X", and as a scan reads it: "SO14 OAB" for "SO14 0AB")
                        pcs = squash(pc.group(0)).upper()
                        postcodes.append(r"(?<![\w])" + _postcode_chars(pcs[:-3]) + r"[\s\u00a0|]*" + _postcode_chars(pcs[-3:])
                                         + r"(?![\w])")
                        pc_keys.add(pcs[-1].lower())  # (the inward code's last letter: boxes may split the others)
                        if pc.start() == 0:
                            continue  # (a line of its own in case.json: "..., Bedford, MK40 3SJ")
                    words = c.split()
                    has_digit = any(ch.isdigit() for ch in c)
                    street = _STREET_ONLY.match(c)
                    if street and len(street.group("street").split()) >= 2:
                        sw = street.group("street").split()
                        # "8 Ferncliffe Road" -> also "Ferncliffe Road" / "Ferncliffe Rd" named alone (not after
                        # another house number: "the surgery, 3 Ferncliffe Road" is another building on the street)
                        add_form(sw, r"(?<![\w])" + _NOT_AFTER_NUMBER + _NOT_A_JUNCTION + WS.join(_addr_word_rx(w) for w in sw) + r"(?![\w])")
                        # the house number and street without the flat ("27 Kingsley Rd" of "Flat 3, 27 Kingsley Road")
                        num = _house_number_rx(street.group("num"), flat_letters)
                        add_form(sw, r"(?<![\w/.,£$€\-])" + num + r",?" + WS
                                 + WS.join(_addr_word_rx(w) for w in sw) + r"(?![\w])")
                        # and the house number with the street's name but not its street word ("33 Broadwater")
                        add_form(sw[:-1], r"(?<![\w/.,£$€\-])" + num + r",?" + WS
                                          + r"(?-i:" + WS.join(re.escape(w) for w in sw[:-1]) + r")(?![\w])" + _STREET_TYPE_AFTER)
                    elif not street:
                        other = _NUMBERED_NAME.match(c)
                        if other and len(other.group("street").split()) >= 2:
                            # a street with no street word ("5 The Paddocks", "12 Marlborough Heights"): the
                            # name alone as written, capitalised
                            add_form(other.group("street").split(), r"(?<![\w])(?-i:" + WS.join(re.escape(w) for w in other.group("street").split())
                                              + r")(?![\w])")
                    if not has_digit and len(words) < 2:
                        # a town alone is not this person's address; only next to another line
                        add_form(words, r"(?:(?<=[,\n])|(?<=,\s)|(?<=\n\s))" + WS.join(re.escape(w) for w in words) + r"\b(?=\s*[,\n]|\s+[A-Z]{1,2}\d)")
                    else:
                        add_form(words, r"(?<![\w])" + ("" if has_digit else _NOT_AFTER_NUMBER)
                                 + r"[\s,]+".join(_addr_word_rx(w) for w in words if w.strip(",")) + r"(?![\w])")
            if parts:
                alts = sorted((WS.join(_addr_word_rx(w) for w in c.split()) for c in parts), key=len, reverse=True)
                # (a whole part: followed by punctuation, a line end or a postcode, not by more words:
                # "Harrogate Borough Council" on the line under the address is not its town)
                self._addr_parts[pos] = re.compile(r"(?i)(?:" + "|".join(alts) + r")(?![\w])"
                                                   r"(?=[ \t]*(?:[,.;:|)\n]|$|(?-i:[A-Z]{1,2}\d)))")
            if numbers:
                self._house_numbers[pos] = re.compile(_HOUSE_NUMBER_CUE + r"(?P<n>" + "|".join(
                    r"(?<![\d])" + _number_and_letter_rx(n)
                    for n in sorted(numbers)) + r")(?![\w/:.,]\d|[\w/%£$€]|[ \t]*(?:%|pm|am|years?|yrs|days?|weeks?|months?|hours?|mins?|minutes|pounds|quid|miles|percent|per)\b)")
            # one pattern per party and type: the longer forms first, so that a whole line wins over its parts
            if postcodes:
                out.append((re.compile(r"(?i)(?:" + "|".join(dict.fromkeys(postcodes)) + r")"), pos, EntityType.UK_POSTCODE))
                self._rx_keys[len(out) - 1] = frozenset(pc_keys)
            if addr_forms:
                forms = sorted(dict.fromkeys(addr_forms), key=len, reverse=True)
                out.append((re.compile(r"(?i)(?:" + "|".join(forms) + r")"), pos, EntityType.ADDRESS))
                if keys:
                    self._rx_keys[len(out) - 1] = frozenset(keys)
        return out

    def _other_reference_owner(self) -> tuple[int, bool] | None:
        """Whose is a CMS case reference that is not the requester's? When case.json lists the
        requester's own references, another reference of the same kind is someone else's data: the
        other parent's (their own case, "his case number"), or, when no listed third party holds a
        parent role, the first listed third party, flagged for review."""
        if not self.case.requester.case_references or len(self.parties) < 2:
            return None
        other = {PAYING: RECEIVING, RECEIVING: PAYING}.get(self.roles[0] or "")
        pos = self.role_owner(other) if other else None
        if pos is not None and pos > 0:
            return pos, False
        return 1, True

    def _match_other_references(self, text: str, spans: list[PartySpan]) -> None:
        if self._other_ref_owner is None:
            return
        pos, review = self._other_ref_owner
        taken = [(s.start, s.end) for s in spans if s.entity_type == EntityType.CASE_REFERENCE]
        for rx in self._other_ref_rxs:
            self._match_other_reference_pattern(rx, text, spans, taken, pos, review)

    def _match_other_reference_pattern(self, rx: re.Pattern, text: str, spans: list[PartySpan],
                                       taken: list[tuple[int, int]], pos: int, review: bool) -> None:
        default = rx is OTHER_REF_RE
        for m in rx.finditer(text):
            if m.end() == m.start() or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            legacy = default and m.group("legacy") is not None
            if legacy:
                if m.group("sep") and (_GROUP_BEFORE.search(text, max(0, m.start() - 6), m.start()) is not None
                                       or _GROUP_AFTER.match(text, m.end()) is not None):
                    continue  # three groups of a longer grouped number: an IBAN's, a card's ("GB29 1234 5678 ...")
                before = text[max(text.rfind("\n", 0, m.start()) + 1, m.start() - 70): m.start()]
                if not _LEGACY_CUE.search(before) or (_NOT_CMS_LABEL.search(before) and not _CMS_WORD.search(before)):
                    continue  # a bare 12-digit number, or a court, claim or order number
            # (a 12-digit number is less sure to be a CMS reference at all: suggested, and flagged)
            spans.append(PartySpan(m.start(), m.end(), PartyKind.THIRD_PARTY, self.index[pos], EntityType.CASE_REFERENCE,
                                   form=FULL, needs_review=review or legacy, score=0.8,
                                   recognizer="PartyOtherReferenceRecognizer"))
            taken.append((m.start(), m.end()))  # (another configured format may match the same number)

    # ------------------------------------------------------------------ matching
    def _kind(self, pos: int) -> PartyKind:
        return PartyKind.REQUESTER if pos == 0 else PartyKind.THIRD_PARTY

    def match(self, text: str, extra_mentions: tuple = (), carry: dict | None = None) -> list[PartySpan]:
        """Every listed party's names and identifiers in ``text``. ``extra_mentions``: (offset, party
        position) of mentions found otherwise ("the appellant" bound by "Appellant: <name>"), which
        count like a full name when a shared surname is settled by the most recent mention.
        ``carry``: what the document's earlier pages said that settles a shared surname (the titles
        written for each party, the "Dear ..." addressee, the latest From: writer); read and updated."""
        spans: list[PartySpan] = []
        low = text.lower() if self._rx_keys else ""
        # (round 23T) a scan's letter O for a nought and nought for an O ("9 M0SS LANE"): a listed address is
        # also looked for in the same text with that confusion undone (same offsets)
        otext = ocr_corrected(text)
        olow = otext.lower() if otext is not text and self._rx_keys else low
        streams: dict[str, str] = {}
        for i, (rx, pos, et) in enumerate(self._id_regexes):
            keys = self._rx_keys.get(i)
            if keys is not None and not any(k in low for k in keys) and not (
                    et == EntityType.ADDRESS and olow is not low and any(k in olow for k in keys)):
                continue
            need = self._rx_stream.get(i)
            if need is not None:
                kind, chars = need
                if kind not in streams:
                    streams[kind] = _NON_DIGITS.sub("", text) if kind == "d" else _NON_ALNUM.sub("", text).casefold().translate(_OCR_FOLD)
                if chars not in streams[kind]:
                    continue
            flats = self._flats.get(pos) if et == EntityType.ADDRESS else None
            found = list(rx.finditer(text))
            if et == EntityType.ADDRESS and otext is not text:
                seen = {m.span() for m in found}
                found += [m for m in rx.finditer(otext) if m.span() not in seen]
            for m in found:
                if flats:
                    # "Flat A, 58 Cedar Parade" where the party lives in Flat B of it: a neighbour's home
                    fb = _FLAT_BEFORE.search(text, max(0, m.start() - 24), m.start())
                    if fb is not None and fb.group(1).lower() not in flats:
                        continue
                if et == EntityType.ADDRESS and _business_on_street(text, m.start(), m.end()):
                    continue
                spans.append(PartySpan(m.start(), m.end(), self._kind(pos), self.index[pos], et, form=FULL, score=1.0, recognizer="PartyIdentifierRecognizer"))
        self._match_address_parts(text, spans)
        self._match_spoken_phones(text, spans)
        self._match_dobs(text, spans)
        req_ids = [(s.start, s.end) for s in spans if s.kind == PartyKind.REQUESTER]
        if req_ids and self._shared_ids:
            # an identifier listed for the requester and for a third party too (father and son at one
            # address, a joint phone): it is the requester's own data as well, so it stays
            # (a town alone, listed for both, is no evidence: only a value with a number or an @ counts)
            req_cover = [(s.start, s.end) for s in spans if s.kind == PartyKind.REQUESTER and s.entity_type != EntityType.DATE_OF_BIRTH
                         and any(ch.isdigit() or ch == "@" for ch in text[s.start:s.end])]
            spans = [s for s in spans if s.kind == PartyKind.REQUESTER or s.entity_type == EntityType.DATE_OF_BIRTH
                     or not any(a <= s.start and s.end <= b for a, b in req_cover)]
        evidence = [(s.start, s.end, 0 if s.party == -1 else s.party + 1)
                    for s in spans if s.entity_type != EntityType.PERSON]
        self._match_other_references(text, spans)  # (after the evidence: an owner guessed by role is no evidence)
        for n in self._match_names(text, evidence, extra_mentions, carry):
            # a name inside the requester's own email address or other identifier stays
            if n.kind == PartyKind.THIRD_PARTY and any(a < n.end and n.start < b for a, b in req_ids):
                continue
            spans.append(n)
        return spans

    def _match_address_parts(self, text: str, spans: list[PartySpan]) -> None:
        """The parts of a listed address next to another of its parts, however the document splits
        it: the town or district after a comma, on the next line or table row ("12 Otley Road / Headingley /
        LEEDS"), after "in" ("Mercer House in Accrington"); and the house number alone after "No." or "the flat
        at" ("yeah No. 27", "the flat at 42a"), which names the listed house to anyone who knows the street."""
        pos_of = {self.index[pos]: pos for pos in range(len(self.parties))}
        taken = [(sp.start, sp.end) for sp in spans]
        todo = [sp for sp in spans if sp.entity_type in (EntityType.ADDRESS, EntityType.UK_POSTCODE)]
        while todo:
            sp = todo.pop()
            pos = pos_of.get(sp.party)
            rx = self._addr_parts.get(pos) if pos is not None else None
            if rx is None:
                continue
            g = _PART_GAP.match(text, sp.end)
            if g is None or g.end() == sp.end and text[sp.end:sp.end + 1].isalnum():
                continue
            m = rx.match(text, g.end())
            if m is None or m.end() == m.start() or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            new = PartySpan(m.start(), m.end(), sp.kind, sp.party, EntityType.ADDRESS, form=FULL, score=0.9,
                            recognizer="PartyIdentifierRecognizer")
            spans.append(new)
            taken.append((m.start(), m.end()))
            todo.append(new)
        for pos, rx in self._house_numbers.items():
            # (only near the same party's street or postcode: "No. 27" completes the address named just
            # before; "the man at number 61" with no street anywhere near says little)
            near = [(sp.start, sp.end) for sp in spans if sp.party == self.index[pos] and sp.entity_type in (
                EntityType.ADDRESS, EntityType.UK_POSTCODE) and sp.recognizer == "PartyIdentifierRecognizer"]
            if not near:
                continue  # (the scan below keeps nothing without a street or postcode of the party)
            for m in rx.finditer(text):
                s0 = m.start("no") if m.group("no") else m.start("no2") if m.group("no2") else m.start("n")
                if any(a < m.end() and s0 < b for a, b in taken) or not any(
                        abs(a - s0) <= HOUSE_NUMBER_REACH for a, b in near):
                    continue
                if m.group("no") and _NOT_A_HOUSE_BEFORE.search(text, max(0, s0 - 25), s0):
                    continue  # "bus no. 7", "page 12", "question number 15"
                spans.append(PartySpan(s0, m.end(), self._kind(pos), self.index[pos], EntityType.ADDRESS, form=FULL,
                                       score=0.8, recognizer="PartyIdentifierRecognizer"))
                taken.append((s0, m.end()))

    def _match_spoken_phones(self, text: str, spans: list[PartySpan]) -> None:
        """A listed phone number read out in words, as a call transcript writes it ("oh seven seven
        double oh, nine double oh, five five five"), or in words and digits mixed."""
        if not self._spoken_phones or _SPOKEN_DIGIT.search(text) is None:
            return
        for m in _SPOKEN_RUN.finditer(text):
            d = _spoken_digits(m.group(0))
            pos = self._spoken_phones.get(d) if d else None
            if pos is not None and not any(sp.start < m.end() and m.start() < sp.end for sp in spans):
                spans.append(PartySpan(m.start(), m.end(), self._kind(pos), self.index[pos], EntityType.PHONE_NUMBER,
                                       form=FULL, score=0.9, recognizer="PartyIdentifierRecognizer"))

    def _match_dobs(self, text: str, spans: list[PartySpan]) -> None:
        dobs = {}
        for pos, p in enumerate(self.parties):
            if p.date_of_birth:
                d = parse_date(p.date_of_birth)
                if d:
                    dobs.setdefault(d, set()).add(pos)
        if not dobs:
            return
        from recognizers.date_of_birth import ocr_figures
        for m in DATE_REGEX.finditer(ocr_figures(text)):  # (OCR's "17/O5/1990": the same date)
            d = parse_date(m.group(0))
            owners = dobs.get(d) if d else None
            if owners:
                pos = min(owners)
                spans.append(PartySpan(m.start(), m.end(), self._kind(pos), self.index[pos], EntityType.DATE_OF_BIRTH, form=FULL, score=0.9, recognizer="PartyIdentifierRecognizer"))
        # a listed date of birth written without separators, as a form's boxes give it: "03031985", "1985 03 03"
        for m in _COMPACT_DATE.finditer(text):
            d = (int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m.group("y") else (
                int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
            owners = dobs.get(d)
            if owners:
                pos = min(owners)
                spans.append(PartySpan(m.start(), m.end(), self._kind(pos), self.index[pos], EntityType.DATE_OF_BIRTH,
                                       form=FULL, score=0.9, recognizer="PartyIdentifierRecognizer"))

    def _match_names(self, text: str, evidence: list[tuple[int, int, int]] = (), extra: tuple = (),
                     carry: dict | None = None) -> list[PartySpan]:
        if self.name_re is None:
            return []
        raw: list[tuple[int, int, int, set[int], str | None, int]] = []  # start, end, form, owners, title, name_start
        for m in self.name_re.finditer(text.translate(_FOLD_1TO1)):
            name = re.sub(r"[\s\u00a0]+", " ", m.group("name")).lower()
            name = re.sub(r"\s*-\s*", "-", name)
            if name not in self.forms:
                name = self._folded_forms.get(name, name)
            if name not in self.forms:
                name = _MIDDLE_INITIALS_TEXT.sub("", name)
            kind, owners = self.forms.get(name, (SINGLE, set()))
            if not owners:
                continue
            title = (m.group("title") or "").lower().rstrip(".") or None
            init = m.group("init")
            form = kind
            if init and kind == SINGLE:
                # initials must agree with a given name of the owner
                first_letter = init.strip()[0].lower()
                agree = {o for o in owners if any(_tokens(n)[0][:1].lower() == first_letter for n in (self.parties[o].name, *self.parties[o].aliases) if _tokens(n))}
                if agree:
                    owners, form = agree, INITIALS
                else:
                    init = None
            if kind == SINGLE and not init and not title:
                w = m.group("name")
                # a bare name word in lower case that is also an ordinary word ("will", "rose",
                # "mark") is not the person; a listed name that is not an ordinary word
                # ("whitfield", "joanne") is, whatever its case
                if w[:1].islower() and zipf(w) >= COMMON_WORD_ZIPF and not (
                        zipf(w) < NAME_WORD_ZIPF and is_first_name(w) and _PERSON_PREV.search(text, max(0, m.start("name") - 25), m.start("name"))) and not (
                        zipf(w) < 5.0 and is_first_name(w) and _NAME_POSS_AFTER.match(text, m.end("name"))) and not (
                        zipf(w) < 5.0 and is_first_name(w) and _chat_label(text, m.start("name"), m.end("name"))) and not (
                        zipf(w) < 5.0 and is_first_name(w) and _OUR_BEFORE.search(text, max(0, m.start("name") - 8), m.start("name"))) and not (
                        zipf(w) < 5.0 and is_first_name(w) and _lower_name_frame(text, m.start("name"), m.end("name"))):
                    continue  # (but "a statement from emma": a first name that is rare as a word, after a person cue)
                # "Will call her back", "the May review": a capitalised ordinary word at the start
                # of a sentence or after a determiner is read as the word
                if w[:1].isupper() and zipf(w) >= COMMON_WORD_ZIPF and _word_context(text, m.start("name"), m.end("name")):
                    continue
            end = m.end("name")
            if kind == SINGLE and not init and not title and _TRADING_AFTER.match(text, end):
                continue  # a trading name with a party's name in it: "Pryce Plastering", "BAKARE MOTORS", "Hale & Sons Ltd"
            if kind == SINGLE and not init and not title:
                # a surname followed by initials, as in lists and forms: "SANTOS R O", "Hargreaves, E."
                after = _TRAILING_INITIALS.match(text, end)
                if after:
                    first = next(c.lower() for c in after.group(0) if c.isalpha())
                    agree = {o for o in owners if self._initial_agrees(o, name, first)}
                    if agree:
                        owners, form, end = agree, INITIALS, after.end()
            if title and form == SINGLE:
                form = TITLED
            start = m.start() if (title or init) else m.start("name")
            # keep the title visible: redact from initials/name
            start = m.start("init") if init else m.start("name")
            raw.append((start, end, form, set(owners), title, m.start()))
        # a listed first name in lower case with its possessive "s" run on ("mariuss", "deans got")
        taken = [(r[0], r[1]) for r in raw]
        # round 25N: a one-word alias case.json lists ("Domi", "Kirst") is the person's name whatever the name lists hold
        one_word = {_tokens(a)[0].lower() for p in self.parties for a in p.aliases if len(_tokens(a)) == 1}
        for m in _LOWER_POSS_S.finditer(text):
            nm = m.group("name")
            kind, owners = self.forms.get(nm.lower(), (SINGLE, set()))
            if owners and nm[0].isupper():
                # round 25N: capitalised, no English word and no surname of its own ("Leas", "Domis"), or before what
                # is somebody's ("Sams brother"); never after a title ("Mr Sams" is a man of that surname)
                nm = nm.lower()
                if (is_surname(nm + "s") and not _POSS_S_AFTER.match(text, m.end())
                        or _TITLE_BEFORE_RUN_ON.search(text, max(0, m.start() - 6), m.start())):
                    continue
            if (not owners or kind != SINGLE or not (is_first_name(nm) or nm in one_word)
                    or any(a < m.end() and m.start() < b for a, b in taken)
                    or not (nm.endswith("s") or (_POSS_S_AFTER.match(text, m.end()) or _POSS_S_HOME_BEFORE.search(
                        text, max(0, m.start() - 16), m.start())) and zipf(nm + "s") < 4.0
                            # round 24N: the run-on form is no English word at all ("ryans not paid", "send it to
                            # kels", "its shannons mums house"): the listed name with its "'s", whatever follows
                            or zipf(nm + "s") < _RUN_ON_S_ZIPF)):
                continue
            raw.append((m.start(), m.start() + len(nm), SINGLE, set(owners), None, m.start()))
        # fuzzy (one edit) on capitalised words not matched exactly
        if self.fuzzy:
            taken = [(r[0], r[1]) for r in raw]
            for m in self.word_re.finditer(text):
                w = m.group(0)
                lw = w.lower()
                if len(lw) < 4 or lw in self.exact_words or not w[0].isupper() or (len(w) <= 4 and w.isupper()):
                    continue  # (a short word in capitals is an abbreviation: "IBAN" is not a typo of "Liban")
                owners = set()
                for d in {lw} | _deletes(lw):
                    owners |= self.fuzzy.get(d, set())
                if not owners:
                    continue
                if any(s <= m.start() < e for s, e in taken):
                    continue
                # confirm one edit against an owner's name parts
                ok = set()
                for o in owners:
                    for n in (self.parties[o].name, *self.parties[o].aliases):
                        for t in _tokens(n):
                            if len(t) >= 5 and _one_edit(lw, t.lower()):
                                ok.add(o)
                if not ok or zipf(lw) >= 4.0:
                    continue
                review = w.title() in first_names() and all(w.lower() != t.lower() for o in ok for t in _tokens(self.parties[o].name))
                if review:
                    # a real first name one letter from the requester's ("Sadia" / "Nadia") is someone else,
                    # not a typo of hers: it must not be kept as her name
                    ok.discard(0)
                    if not ok:
                        continue
                raw.append((m.start(), m.end(), SINGLE, ok, None, m.start()))
                if review:
                    raw[-1] = raw[-1] + ("review",)  # type: ignore[assignment]
        # a listed name word that OCR read with figures for letters ("5ANDHU", "QU1NN", "0KAFOR"): the word, its
        # figures read as the letters a scan mistakes them for, is a listed name word
        if _OCR_NAME_WORD.search(text):
            taken = [(r[0], r[1]) for r in raw]
            for m in _OCR_NAME_WORD.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                for cand in _ocr_readings(m.group(0)):
                    kind, owners = self.forms.get(cand, (SINGLE, set()))
                    if owners and kind == SINGLE and len(cand) >= 4:
                        # round 23N: with the title before it, as an exact match has it ("Mrs Mac1eod": the
                        # title settles which of two parties of that surname she is)
                        tm = _OCR_TITLE_BEFORE.search(text, max(0, m.start() - 8), m.start())
                        title = tm.group("title").lower() if tm else None
                        raw.append((m.start(), m.end(), TITLED if title else SINGLE, set(owners), title,
                                    tm.start() if tm else m.start()))
                        break
        raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
        out: list[PartySpan] = []
        carry = {} if carry is None else carry
        # party position -> offset of its latest full-name mention (on an earlier page: below 0, as far
        # before this page's start as it was before that page's end)
        last_full: dict[int, int] = {pos: -d for pos, d in carry.get("last", {}).items()}
        # a parent role written in the text ("RP says ...") is a mention of its holder too, unless it
        # introduces someone else ("PP's mother")
        roles = [(r.start, r.party + 1) for r in self.role_mentions(text)
                 if not _ROLE_RELATIVE_AFTER.match(text, r.end)]
        if extra:
            roles = sorted(roles + [(a, pos) for a, pos in extra if pos is not None])
        ri = 0
        last_end = -1
        # party position -> titles written with its settled mentions in this document
        seen_titles: dict[int, set[str]] = {k: set(v) for k, v in carry.get("titles", {}).items()}
        for r in raw:  # (first those a name only one party has settles, wherever they are in the page)
            if len(r[3]) == 1 and r[4] in _TITLE_CLASS and len(r) == 6:
                seen_titles.setdefault(next(iter(r[3])), set()).add(r[4])
        dear_owner: int | None = carry.get("dear")  # the party the "Dear ..." line names
        from_owner: int | None = carry.get("from")  # the party the latest "From:" line names
        for r in raw:
            start, end, form, owners, title, _ = r[:6]
            fuzzy_review = len(r) > 6
            if start < last_end:
                continue
            last_end = end
            review = fuzzy_review
            settled = len(owners) == 1  # by the name itself, or by evidence below (not by recency or a guess)
            if len(owners) > 1:
                while ri < len(roles) and roles[ri][0] < start:
                    last_full[roles[ri][1]] = max(last_full.get(roles[ri][1], -1), roles[ri][0])
                    ri += 1
                rel = _RELATION_BEFORE.search(text, max(0, r[5] - 40), r[5])
                if rel:
                    # "her ex-mother-in-law, Mrs Siddiqui": the candidate whose role is that relation
                    fits = {o for o in owners if re.search(r"(?i)\b" + rel.group("rel") + r"\b", self.parties[o].role or "")}
                    if not fits and rel.group("rel").lower() in ("mother", "father") and _CHILDRENS_BEFORE.search(
                            text, max(0, rel.start() - 30), rel.start()):
                        # "the children's mother, Mrs Okafor": a parent of the case's children
                        fits = {o for o in owners if self.roles[o] is not None}
                    if fits:
                        owners = fits
                ra = _RELATION_AFTER.match(text, end)
                if ra and len(owners) > 1:
                    # "Mr Harding (father) says ...", "Mrs Siddiqui, his mother,": the candidate with that role
                    fits = {o for o in owners if re.search(r"(?i)\b" + ra.group("rel") + r"\b", self.parties[o].role or "")}
                    if fits:
                        owners = fits
                if title and len(owners) > 1 and 0 in owners and _INDEFINITE_BEFORE.search(text, max(0, r[5] - 40), r[5]):
                    owners = owners - {0}  # "a Mrs Okafor in Tulse Hill told them": not the requester herself
                if len(owners) > 1 and _DEAR_BEFORE.search(text, max(0, r[5] - 12), r[5]):
                    # "Dear Mr Haddad" under a header naming the addressee's email or address: that party
                    head = {pos for a, b, pos in evidence if b <= start and start - a <= 800 and pos in owners}
                    if not head:
                        # or in the letter below it, as the reader's own: "Your case reference is CMS-..."
                        head = {pos for a, b, pos in evidence if a > end and a - end <= 1500 and pos in owners
                                and _YOUR_BEFORE_ID.search(text, max(end, a - 40), a)}
                    if len(head) == 1:
                        owners = head
                    elif 0 in owners and self._reader_is_requester(text, end):
                        owners = {0}  # "Dear Mrs Okafor ... your ex-husband": case.json's "(ex-husband)" is the requester's
                if len(owners) > 1:
                    owners, how = self._settle_in_document(text, r[5], end, owners, title, seen_titles,
                                                           dear_owner, from_owner)
                    settled = settled or how
                else:
                    settled = True  # by a relation written beside it, "a Mrs X", the addressee's header
            if len(owners) > 1:
                owners, review2 = self._resolve(owners, title, last_full,
                                                self._evidence(text, start, end, owners, evidence),
                                                bare=form == SINGLE and not title,
                                                surname=re.sub(r"[\s\u00a0]+", " ", text[start:end]).lower(), at=start)
                review = review or review2
            pos = min(owners)
            if len(owners) == 1 and not review:
                if title in _TITLE_CLASS and (settled or _DEAR_BEFORE.search(text, max(0, r[5] - 12), r[5])):
                    seen_titles.setdefault(pos, set()).add(title)
                if _DEAR_BEFORE.search(text, max(0, r[5] - 12), r[5]):
                    dear_owner = pos
                if form == FULL and _FROM_LINE.match(text, text.rfind("\n", 0, start) + 1):
                    from_owner = pos
            if form == FULL or (form == INITIALS and len(owners) == 1 and not review):
                last_full[pos] = start
            elif form == SINGLE and len(r[3]) == 1 and not review and text[start:end].lower() not in self.surnames:
                last_full[pos] = start  # a given name only one party has ("Chioma") says whom the text is about
            score = {FULL: 0.99, INITIALS: 0.95, TITLED: 0.95, SINGLE: 0.85}[form]
            if fuzzy_review:
                score = 0.6
            out.append(PartySpan(start, end, self._kind(pos), self.index[pos], EntityType.PERSON, form, review, score,
                                 "PartyNameRecognizer", tuple(sorted(owners)), len(r[3]) > 1))
        for a, pos in roles[ri:]:
            last_full[pos] = max(last_full.get(pos, -1), a)
        carry["titles"], carry["dear"], carry["from"] = seen_titles, dear_owner, from_owner
        carry["last"] = {pos: len(text) - a for pos, a in last_full.items()}
        return out

    def _reader_is_requester(self, text: str, end: int) -> bool:
        """Does the letter below a shared "Dear ..." speak of the reader's partner or former partner
        whom case.json lists as the requester's ("your ex-husband" where a third party's role is
        "paying parent (ex-husband)")? A third party's role describes that person from the requester."""
        rels = set()
        for p in self.parties[1:]:
            for inner in re.findall(r"\(([^)]*)\)", p.role or ""):
                for w in _PARTNER_WORD.findall(inner):
                    rels.add(w.lower())
        if not rels:
            return False
        for m in _YOUR_PARTNER.finditer(text, end, min(len(text), end + 3000)):
            if m.group("rel").lower() in rels:
                return True
        return False

    def _generation(self, pos: int) -> int:
        """-1 for a listed relative of the younger generation ("paying parent's adult son"), +1 for
        one of the older ("receiving parent's mother"), 0 otherwise (the parents themselves)."""
        role = self.parties[pos].role or ""
        i = max(role.find("'s"), role.find("’s"))
        if i < 0:
            return 0
        rel = role[i:]
        if _YOUNGER_ROLE.search(rel):
            return -1
        if _OLDER_ROLE.search(rel):
            return 1
        return 0

    def _birth_surname(self, pos: int) -> bool:
        """A listed sister or daughter of someone in the case: her surname is her birth family's."""
        role = self.parties[pos].role or ""
        i = max(role.find("'s"), role.find("’s"))
        return i >= 0 and bool(_BIRTH_ROLE.search(role[i:])) and not self._former_surname(pos)

    def _former_surname(self, pos: int) -> bool:
        p = self.parties[pos]
        sur = (_tokens(p.name) or [""])[-1].lower()
        return any(len(_tokens(a)) >= 2 and _tokens(a)[-1].lower() != sur for a in p.aliases)

    def _married(self, pos: int) -> bool:
        """Known by a married name: a former surname listed, or a wife's, widow's or (relative's)
        mother's role."""
        role = self.parties[pos].role or ""
        i = max(role.find("'s"), role.find("’s"))
        return self._former_surname(pos) or bool(_WIFE_ROLE.search(role)) or (i >= 0 and bool(_MOTHER_ROLE.search(role[i:])))

    def _role_apposition(self, text: str, name_start: int, end: int) -> int | None:
        """The party whose parent role is written right beside the name as its apposition: "the
        paying parent, Ms Murphy", "Ms Murphy (paying parent)", "Mrs Okafor, the receiving parent"."""
        m = _ROLE_APPOS_AFTER.match(text, end)
        if m is None:
            b = _ROLE_APPOS_BEFORE.search(text, max(0, name_start - 40), name_start)
            m = b
        if m is None:
            return None
        if m.group("req"):
            return 0  # "Mrs Campbell (the requester)", "the data subject, Mrs Campbell"
        return self.role_owner(PAYING if m.group("pay") else RECEIVING)

    def _settle_in_document(self, text: str, name_start: int, end: int, owners: set[int], title: str | None,
                            seen_titles: dict[int, set[str]], dear_owner: int | None,
                            from_owner: int | None) -> tuple[set[int], bool]:
        """Settle a shared surname from what this document has already said: (owners, settled)."""
        g = "M" if title in TITLES_M else "F" if title in TITLES_F else None
        if g:
            fit = {o for o in owners if self.genders[o] in (g, None)}
            if len(fit) <= 1:
                return owners, False  # left to the title rule in _resolve (which flags a guessed gender)
            owners = fit  # "Ms Wong" is not Mr Daniel Wong, whatever else is said
            if g == "M":
                # "Mr Dlamini" is not the one this document has called "Ms/Mrs/Miss Dlamini", when neither
                # gender is known from the names (case.json's, the name lists)
                men = {o for o in owners if not seen_titles.get(o)}
                if len(men) == 1 and len(owners) > 1:
                    return men, True
        given = _forename_beside(text, name_start)
        if given:
            fits = {o for o in owners if any(len(_tokens(n)) >= 2 and given in (t.lower() for t in _tokens(n)[:-1])
                                             for n in (self.parties[o].name, *self.parties[o].aliases))}
            if len(fits) == 1:
                return fits, True  # "Surname: OKAFOR / Forename(s): Grace"
        if title is None:
            # (round 20) a given name or nickname right before the shared surname that only one of its holders
            # has ("Andi Popescu" where "Andi" is one party's listed alias, "Andi Popescu" no listed form)
            gb = _GIVEN_BEFORE.search(text, max(0, name_start - 30), name_start)
            if gb is not None:
                w = gb.group("g").lower()
                fits = {o for o in owners if any(w in (t.lower() for t in (_tokens(n)[:-1] if len(_tokens(n)) >= 2 else _tokens(n)))
                                                 for n in (self.parties[o].name, *self.parties[o].aliases))}
                if len(fits) == 1:
                    return fits, True
        appos = self._role_apposition(text, name_start, end)
        if appos in owners:
            return {appos}, True  # "The paying parent, Ms Murphy, says", "Caller: Ms Murphy (paying parent)"
        if _SELF_AFTER.match(text, end) and from_owner in owners:
            return {from_owner}, True  # "Mr Wong (me, not Kevin)" in Daniel Wong's own email
        if title and dear_owner in owners and (
                _VOCATIVE_BEFORE.search(text, max(0, name_start - 20), name_start) or (
                _VOCATIVE_AFTER.match(text, end) and not text[text.rfind("\n", 0, name_start) + 1:name_start].strip())):
            return {dear_owner}, True  # "We will write to you, Mr Hussain, ...": the letter's addressee
        if title and dear_owner in owners and re.search(r",[ \t]*$", text[max(0, name_start - 3):name_start]) \
                and not _NOUN_PHRASE_COMMA.search(text, max(0, name_start - 50), name_start) \
                and re.match(r"[ \t]*,", text[end:end + 3]) and _YOU_WORD.search(_sentence_around(text, name_start, end)):
            return {dear_owner}, True  # "As we discussed, Mrs Okafor, your payments ...": set off by commas
        if (_CALLER_BEFORE.search(text, max(0, name_start - 30), name_start) or _CALLED_AFTER.match(text, end)) \
                and _PASSED_SECURITY.search(text, end, _record_end(text, end)):
            # a caller who passed security on this case is one of its parents, not a relative
            parents = {o for o in owners if self.roles[o] is not None}
            if len(parents) == 1:
                return parents, True
        km = _KIN_AFTER_NAME.match(text, end)
        if km is not None:
            # "Mr Hussain's son" where case.json lists "paying parent's adult son": Mr Hussain is the paying parent
            kin = km.group("kin").lower()
            if kin == "child":
                # (round 20) "Ms Gallagher's youngest child": a parent of the case's children, not a relative listed
                # as the mother of one of them ("paying parent's mother"), whose child is that parent
                parents = {o for o in owners if self.roles[o] is not None}
                if len(parents) == 1:
                    return parents, True
            holders = set()
            for o, p in enumerate(self.parties):
                rm = _ROLE_OF_KIN.search(p.role or "")
                if rm and re.search(r"(?i)\b" + re.escape(kin) + r"\b", rm.group("kin")):
                    holder = self.role_owner(PAYING if rm.group("pay") else RECEIVING)
                    if holder is not None and holder != o:
                        holders.add(holder)
                if o and any(re.search(r"(?i)\b" + re.escape(kin) + r"\b", inner) for inner in re.findall(r"\(([^)]*)\)", p.role or "")):
                    holders.add(0)  # "Ms Murphy's ex-husband" where case.json lists "(ex-husband)": the requester's
                if rm and kin in ("son", "daughter", "child") and re.search(r"(?i)\b(?:mother|father)\b", rm.group("kin")):
                    # "Mrs Murphy's son" where she is listed as "receiving parent's mother": she is
                    holder = self.role_owner(PAYING if rm.group("pay") else RECEIVING)
                    if holder is not None and holder != o:
                        holders.add(o)
            if len(holders) == 1 and holders <= owners:
                return holders, True
        age = _AGE_BEFORE.search(text, max(0, name_start - 20), name_start) or _AGE_AFTER.match(text, end)
        if age is not None:
            gens = {o: self._generation(o) for o in owners}
            if len(set(gens.values())) > 1:
                want = min(gens.values()) if age.group("age").lower().startswith(("young", "j")) else max(gens.values())
                pick = {o for o, g in gens.items() if g == want}
                if len(pick) == 1:
                    return pick, True
        if dear_owner in owners and _YOU_WORD.search(_sentence_around(text, name_start, end)):
            # in a letter to X, a third-person "Mrs X" in a sentence that says "you"/"your" is someone
            # else: "We will not discuss your case with Mrs Murphy"
            g = "M" if title in TITLES_M else "F" if title in TITLES_F else None
            rest = {o for o in owners - {dear_owner} if g is None or self.genders[o] in (g, None)}
            if len(rest) == 1:
                return rest, True
            if rest:
                owners = rest
        if title in ("mrs", "miss"):
            # "Mrs" is a married woman's title: "Mrs Campbell" is not the paying parent's sister, who has
            # the surname from birth, when the other candidate has it by marriage (a former surname
            # listed, or a wife's or mother's role); "Miss Campbell" is the other way round
            cand = {o for o in owners if self.genders[o] in ("F", None)}
            born = {o for o in cand if self._birth_surname(o)}
            wed = {o for o in cand - born if self._married(o)}
            if born and wed and not (cand - born - wed):
                pick = wed if title == "mrs" else born
                if len(pick) == 1:
                    return pick, True
        if title in _TITLE_CLASS:
            # a woman's title is written the same way for her all through one document: "Ms Murphy"
            # where the document has called the other candidate "Mrs Bridget Murphy" is not her
            cand = {o for o in owners if self.genders[o] in ("F", None)}
            other = {o for o in cand if seen_titles.get(o) and title not in seen_titles[o]}
            same = {o for o in cand if title in seen_titles.get(o, ())}
            if len(same) == 1 and not (cand - other - same):
                return same, True
            if other and len(cand - other) == 1:
                return cand - other, True
        return owners, False

    def _initial_agrees(self, pos: int, surname: str, initial: str) -> bool:
        """Does party ``pos`` have a name whose surname is ``surname`` and whose first given
        name starts with ``initial``?"""
        for n in (self.parties[pos].name, *self.parties[pos].aliases):
            toks = _tokens(n)
            if len(toks) >= 2 and toks[-1].lower() == surname and toks[0][:1].lower() == initial:
                return True
        return False

    def _evidence(self, text: str, start: int, end: int, owners: set[int],
                  evidence: list[tuple[int, int, int]]) -> set[int]:
        """Candidates whose own identifier (email, phone, NI number...) is written in the rest of
        the sentence after the name ("Mrs Siddiqui has an email address on file, a.siddiqui@...")."""
        stop = _SENTENCE_END.search(text, end, min(len(text), end + 160))
        limit = stop.start() if stop else min(len(text), end + 160)
        other = _OTHER_PERSON_WORD.search(text, end, limit)
        if other is not None:
            limit = other.start()  # "If Mrs Okafor attends, we will telephone you on <your number>"
        return {pos for a, b, pos in evidence if end <= a and b <= limit and pos in owners}

    def _primary_surname_owner(self, owners: set[int], surname: str) -> int | None:
        """The one candidate whose case.json name (not an alias: a former or married name) has
        this surname: a bare surname most likely means the person whose current name it is."""
        have = [o for o in owners if (_tokens(self.parties[o].name) or [""])[-1].lower() == surname]
        return have[0] if len(have) == 1 else None

    def _resolve(self, owners: set[int], title: str | None, last_full: dict[int, int],
                 evidence: set[int] = frozenset(), bare: bool = False, surname: str = "",
                 at: int = 0) -> tuple[set[int], bool]:
        """Pick the owner of a form shared by several parties."""
        if title:
            g = "M" if title in TITLES_M else "F" if title in TITLES_F else None
            if g:
                same = {o for o in owners if self.genders[o] == g}
                unknown = {o for o in owners if self.genders[o] is None}
                guessed = any(self.guessed[o] for o in owners)
                if len(same) == 1 and not unknown:
                    return same, guessed
                if not same and len(unknown) == 1:
                    return unknown, guessed
            # the title written in case.json ("Mrs Jane Okonkwo") settles it directly
            exact = {o for o in owners if any(_title_of(n) == title for n in (self.parties[o].name, *self.parties[o].aliases))}
            if len(exact) == 1:
                return exact, False
            if g:
                # the title rules out the other gender: choose among the rest below
                owners = {o for o in owners if self.genders[o] in (g, None)} or owners
                if len(owners) == 1:
                    return owners, any(self.guessed[o] for o in owners)
        if len(evidence) == 1:
            return set(evidence), False
        mentioned = [(last_full[o], o) for o in owners if o in last_full]
        recent = bool(mentioned) and at - max(mentioned)[0] <= RECENT_CHARS
        if bare and surname and not recent:
            primary = self._primary_surname_owner(owners, surname)
            if primary is not None:
                return {primary}, False
        if mentioned:
            return {max(mentioned)[1]}, False
        # unsure: prefer a third party so that it is suggested, but flag it for review
        tps = {o for o in owners if o != 0}
        return (tps or owners), True


# a street type and how it is shortened: "19 Brindley Cl.", "4 Lichfield Rd"
def _id_keys(p: Party) -> set[str]:
    """A party's listed identifiers, normalised, to see whether two parties share one."""
    keys = {squash(x).lower() for x in (p.ni_number, *p.case_references, *p.emails, *(v for _, v in p.identifiers)) if x}
    keys |= {normalise_phone(x) for raw in p.phones for x in _listed_numbers(raw)}
    for a in p.addresses:
        keys |= {squash(c).lower() for c in re.split(r"[,\n]+", a) if any(ch.isdigit() for ch in c)}
    keys.discard("")
    return keys


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]
