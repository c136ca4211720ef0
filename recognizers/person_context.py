"""People not listed in case.json: names found by context and by the name gazetteer.

Three signals, each a short regex over the raw text:
- a title before a capitalised name ("Mr Patel", "Ms K. Hughes");
- a cue phrase before one ("Dear", "Regards,", "signed", "spoke to", "my partner",
  "From:"), where the name words must look like names (gazetteer) or be rare words;
- the gazetteer alone: a first name followed by a surname ("Kelly Marsh"), or a
  single first name that is rare as an ordinary English word (word frequency), so
  "Will", "May", "Grant", "Rose" used as words are left alone.
The NER model's PERSON entities come in separately (Presidio's SpacyRecognizer).
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import EntityRecognizer, RecognizerResult
from recognizers.attribution import MESSENGER_TIME_LINE
from recognizers.base import result

from pipeline.codes import EntityType
from recognizers.gazetteer import NAME_PARTICLES as _NAME_PARTICLES_ALL
from recognizers.gazetteer import _fold, first_names, is_first_name, is_name_like, is_surname, surnames, zipf

_LOW = "a-zß-öø-ÿ\u0101\u0103\u0105\u0107\u0109\u010b\u010d\u010f\u0111\u0113\u0117\u0119\u011b\u011f\u0123\u012b\u012f\u0131\u0137\u013a\u013c\u013e\u0142\u0144\u0146\u0148\u014d\u0151\u0153\u0155\u0159\u015b\u015f\u0161\u0163\u0165\u016b\u016f\u0171\u0173\u017a\u017c\u017e"
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# a capitalised name word, with Latin diacritics ("Traoré", "Ní", "Wiśniewska"), an apostrophe
# prefix ("O'Brien", "D'Souza", "N'Golo") and hyphenated parts, also in lower case ("Min-jun")
NAME = r"(?:Mc|Mac|[" + _UP + r"]['’])?[" + _UP + r"][" + _LOW + r"]+(?:[\-'’][" + _UP + _LOW + r"][" + _LOW + r"]+)*"
CAPS_NAME = r"[A-Z][A-Z'’\-]{1,}"
TITLE = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Master|Sir|Dame|Lady|Lord|Rev)\.?"
INITIALS = r"(?:[A-Z]\.?[ \u00a0]+|[A-Z]\.){0,2}"
# a title and a name in capitals: "MRS J OKONJO", "MR T KOWALCZYK"
CAPS_TITLE_RE = re.compile(
    r"\b(?:MR|MRS|MS|MISS|MX|DR)\.?[ \u00a0]+(?P<name>(?:[A-Z]\.?[ \u00a0]+){0,2}[A-Z][A-Z'’\-]+(?:[ \u00a0][A-Z][A-Z'’\-]+)?)(?![\w\-])"
)
TITLE_RE = re.compile(TITLE + r"[ \u00a0]+(?P<name>" + INITIALS + NAME + r"(?:[ \u00a0]+" + NAME + r")?)")
CUES = [
    r"dear", r"(?:kind |best |warm )?regards,?", r"yours (?:sincerely|faithfully|truly)", r"many thanks,?", r"thanks,?",
    r"best wishes,?", r"signed(?: by)?:?", r"signature:?", r"spoke (?:to|with)", r"speaking (?:to|with)", r"talked (?:to|with)",
    r"(?:my|her|his|their|your|(?:rp|pp|nrp|pwc)['’]s) (?:new |ex[- ]?)?(?:partner|husband|wife|boyfriend|girlfriend|fianc[eé]e?|son|daughter|"
    r"mother|father|mum|dad|brother|sister|stepson|stepdaughter|cousin|aunt|uncle|neighbour|friend|landlord|landlady|colleague|manager|employer|solicitor|child|children|grandmother|grandfather|nan)",
    r"from:", r"to:", r"cc:", r"sent by", r"chat with", r"conversation with", r"messages with", r"named", r"name:", r"witness:?", r"called", r"contact:", r"partner,?", r"child(?:ren)?:", r"lives with",
    r"this is", r"contact", r"caller", r"landlord", r"landlady", r"payroll", r"adviser", r"advisor", r"officer",
    r"neighbour", r"manager", r"solicitor", r"witness", r"attended with", r"accompanied by", r"wrote to", r"emailed",
    r"and", r"&", r"or", r"typed by",
    # verbs whose object is a person: "stop messaging Jess", "I texted Kerry-Ann", "she told Dionne"
    r"messag(?:ed|ing)", r"text(?:ed|ing)", r"told", r"telling", r"prepared by", r"written by", r"completed by", r"checked by",
    r"reviewed by", r"authorised by", r"approved by", r"interviewed by", r"dictated by", r"transcribed by",
    # people introduced by their role: "the bailiff, X", "her accountant X", "support worker X"
    r"accountant", r"bailiff", r"enforcement agent", r"mediator", r"social worker", r"support worker",
    r"key ?worker", r"health visitor", r"childminder", r"nanny", r"lodger", r"flatmate", r"housemate",
    r"interpreter", r"counsellor", r"therapist", r"barrister", r"lawyer", r"headteacher", r"head teacher",
    r"class teacher", r"teacher", r"(?:a|the|my|her|his|their) friend", r"tribunal judge", r"district judge",
    r"judge", r"magistrate", r"work coach", r"tutor", r"coach", r"carer", r"foster carer", r"godmother", r"godfather",
    # a case system's fields whose value is a member of staff: "Agent: Wairimu", "Allocated to: Okafor"
    r"statement of", r"author:", r"staff:", r"staff member:", r"agent:", r"caseworker:?", r"case worker:?", r"created by:?", r"updated by:?", r"added by:?", r"logged by:?",
    r"entered by:?", r"actioned by:?", r"handled by:?", r"allocated to:?", r"assigned to:?", r"owner:", r"user:",
]
def _by_first_letter(alts: list[str]) -> str:
    """The same alternation, grouped by a literal first letter ("d(?:ear)|s(?:igned|poke ...)"), so
    that the regex engine tries only the group of the letter it sees (the list is long)."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for a in alts:
        if a[:1].isalpha() and a[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(a[0].lower(), []).append(a[1:])
        else:
            rest.append(a)
    parts = [k + "(?:" + "|".join(sorted(v, key=len, reverse=True)) + ")" for k, v in sorted(groups.items())]
    return "|".join(parts + rest)


CUE_RE = re.compile(
    r"(?i:\b(?:" + _by_first_letter(CUES) + r"))[:,]?[ \t\u00a0]*(?:(?:is|was)(?=\s)[ \t\u00a0]*)?(?:\n[ \t\u00a0]*)?(?:(?:a|an|one)[ \u00a0]+)?(?P<name>(?:[A-Z]\.?[ \u00a0]+|[A-Z]\.\n[ \t]*)?" + NAME + r"(?:[ \u00a0]+" + NAME + r"){0,2})"
)
# texts and notes written all in lower case: "my solicitor rebecca lloyd-jones"; only after a
# relation cue, and only when the first word is a known first name that is not an ordinary word
RELATION_CUE = (
    r"(?:my|her|his|their|your|ur|our)[ \t]+(?:new[ \t]+|ex[- ]?)?(?:partner|husband|wife|boyfriend|girlfriend|brother|sister|"
    r"mother|father|mum|dad|cousin|aunt|uncle|neighbour|friend|landlord|landlady|colleague|manager|boss|solicitor|lawyer|"
    # round 24N: the relations of texting ("tell ur mate jodie", "our nan pat")
    r"mate|pal|bestie|bro|sis|nan|gran|auntie|aunty|niece|nephew|fella|missus)"
)
LOWER_CUE_RE = re.compile(
    r"(?i:\b(?:" + RELATION_CUE + r"|spoke[ \t]+(?:to|with)|talked[ \t]+to|named|called|this[ \t]+is|text(?:ed)?[ \t]+from|with|"
    r"ask|asked|tell|told|texted|rang|phoned|messaged|met|saw))[:,]?[ \t]*\n?[ \t]*(?!(?:my|her|his|their|our|your|ur|the|a|an)\b)(?P<name>[a-z][a-z'’]+(?:[ \t\-][a-z][a-z'’]+){0,2})"
)
# (round 25N: words of a name are never a table's columns apart: "Débito      Crédito" is two column headings)
SEQ_RE = re.compile(r"(?<![\w'’])(?<!\w-)(?P<name>" + NAME + r"(?:[ \u00a0]{1,2}" + NAME + r"){0,2})(?![\w\-])")
INITIAL_SURNAME_RE = re.compile(r"(?<![\w.])(?:[B-HJ-Z]\.?|[A-Z]\.)[ \u00a0](?P<sur>" + NAME + r")(?![\w\-])")
# an initial and a double-barrelled surname in capitals: "T NGUYEN-BARCLAY", "D. OKONKWO-BELLO"
CAPS_INITIAL_DOUBLE_RE = re.compile(r"(?<![\w.\-])[A-Z]\.?[ \u00a0](?P<sur>[A-Z]{2,}(?:-[A-Z]{2,})+)(?![\w\-])")
STOP = {
    "sir", "madam", "customer", "colleague", "all", "team", "the", "a", "an", "i", "we", "you", "he", "she", "they",
    "it", "this", "that", "mr", "mrs", "ms", "miss", "dr", "child", "maintenance", "service", "department",
    "office", "please", "thank", "thanks", "regards", "yours", "dear", "sincerely", "faithfully", "caseworker",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "on", "in", "at",
    "and", "or", "but", "if", "as", "re", "subject", "date", "sent", "from", "to", "cc", "bcc", "street", "road",
    "avenue", "lane", "close", "drive", "court", "council", "school", "plus", "bank", "ltd", "limited", "plc",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "switchboard", "reception", "helpline", "freephone", "textphone",
}
# a police officer by rank, with or without a collar number: "PC 3345 Okonedo", "DS Whitlock"
RANK_RE = re.compile(
    r"(?<![\w'’])(?:PC|PCSO|WPC|DC|PS|DS|DI|DCI|Sgt\.?|Sergeant|Constable|Inspector)[ \u00a0]+(?:\d{2,6}[A-Z]{0,3}[ \u00a0]+)?"
    r"(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME + r")?)(?![\w\-])"
)
# a nickname in quotes after a relation or "called": "his cousin \"Dhegdheer\"", "known as 'Tommo'"
QUOTED_AFTER_RE = re.compile(r"[\"“‘'](?P<name>[A-Z][^\W\d_]+(?:[ ][A-Z][^\W\d_]+)?)[\"”’']")
QUOTED_AFTER_CUE = re.compile(
    r"(?i:\b(?:cousin|brother|sister|friend|uncle|aunt|auntie|aunty|nephew|niece|partner|boyfriend|girlfriend|husband|"
    r"wife|mate|neighbour|called|known[ \t]+(?:only[ \t]+)?as|aka|nicknamed|nickname|named|witness|partner))[:,]?[ \t]+\(?$"
)
SPEAKER_LABELS = {"agent", "adviser", "advisor", "caller", "customer", "system", "bot", "note", "notes", "you", "me",
                  "operator", "officer", "staff", "user", "client", "chatbot", "assistant", "admin", "moderator", "host",
                  "interpreter", "mediator", "judge", "clerk", "usher", "witness", "applicant", "respondent", "appellant"}
PLACE_BEFORE = re.compile(r"(?i)\b(?:in|at|near|via|of)[ \t]+$")
STREET_AFTER = re.compile(r"[ \t]+(?:Street|St|Road|Rd|Avenue|Lane|Close|Drive|Way|Crescent|Grove|Gardens|Terrace|Place|"
                          r"Square|Park|Court|House|Hall|Centre|Estate)\b")


def _street_after(text: str, pos: int, titled: bool = False) -> bool:
    """A street word follows ``pos`` ("... Road"); ``titled``: read the text after ``pos`` title-cased
    ("ASHWORTH ROAD"). Only a window is title-cased: the whole text per candidate cost O(n) each time,
    and ``str.title`` can change a string's length (the ligature "ﬁ" -> "Fi"), which moved the offsets."""
    if not titled:
        return STREET_AFTER.match(text, pos) is not None
    return STREET_AFTER.match(text[pos:pos + 80].title()) is not None


# a name in capitals: "MOHAMMED ABDULLAHI ISSE", "NAME: AGNIESZKA NOWAK" (a known first name first)
CAPS_SEQ_RE = re.compile(r"(?<![\w'’\-])(?P<name>[A-Z][A-Z'’\-]+(?:[ \u00a0][A-Z][A-Z'’\-]+){1,3})(?![\w\-])")
# the street words written before a street's name abroad (address.FOREIGN_STREET_RE)
_STREET_FIRST_WORDS = frozenset({"ul", "ulica", "al", "aleja", "os", "osiedle", "str", "strada", "bd", "bulevardul",
                                 "calea", "calle", "avenida", "avda", "rua", "rue"})
_CAPS_RUN_WORD = re.compile(r"[A-Z][A-Z'’\-]+")


def _caps_name_in_run(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Round 24N: in a log written in capitals a name runs on into the log's own words ("SPOKE TO SANDRA HOLROYD",
    "TL SARAH NWOSU", "ALLOCATED: DARREN FOSKETT MOB 07700 ..."): inside the run, a known first name that is not a
    common word, then one or two words that are surnames rare in English, and nothing more of the run."""
    words = [(w.start(), w.end(), w.group(0)) for w in _CAPS_RUN_WORD.finditer(text, a, b)]
    for i in range(len(words) - 1):
        if words[i][2].lower() in _STREET_FIRST_WORDS:
            return None  # a street abroad, its word first: "RUA DOM FREI CAETANO BRANDÃO 88"
        f = words[i][2]
        lf = f.lower()
        if (not is_first_name(f) or zipf(f) >= 4.6 or lf in STOP or lf in LOG_WORDS or lf in SPEAKER_LABELS
                or (i and words[i - 1][2].lower() not in STOP and is_first_name(words[i - 1][2])
                    and zipf(words[i - 1][2]) < 4.6)):
            continue  # (not the second of two given names: the first one starts the name)
        j = i
        while j + 1 < len(words) and j - i < 2:
            t = words[j + 1][2]
            lt = t.lower()
            if lt in STOP or lt in LOG_WORDS or not ((is_surname(t) and zipf(t) < 3.5) or (zipf(t) < 2.5 and len(t) >= 4)):
                break
            j += 1
        if j == i or _street_after(text, words[j][1], True):
            continue
        return words[i][0], words[j][1]
    return None


# a nickname made of a size/age word and a first name: "Big Will", "Little Jo"
NICKNAME_RE = re.compile(r"(?<![\w'’])(?P<name>(?:Big|Little|Lil|Young|Old)[ \u00a0]+" + NAME + r")(?![\w\-])")
# a payee or payer on a bank statement line, in capitals after the transaction type:
# "FPO A MENSAH 203258 ...", "FPI,\"JOANA PETRAITYTE REF ...", "SWIFT LT12 ... V MOCKUS REF ..."
STATEMENT_PAYEE_RE = re.compile(
    r"(?m)(?<![A-Z])(?:FPO|FPI|FP|SO|STO|TFR|BGC|BP|BBP|BACS|CR|INTL|SWIFT|TRF|OBP|DD|DEB|CHQ|MOB|"
    r"(?i:faster[ \t]+(?:payments?|pmts?)(?:[ \t]+(?:to|from))?|(?:faster[ \t]+)?payment[ \t]+(?:to|from)|transfer[ \t]+(?:to|from)|bill[ \t]+payment(?:[ \t]+to)?|payee:?|paid[ \t]+to)|"
    r"FROM|TO)\b:?[ \t,\"]+"
    # round 25N: a SEPA transfer, and the direction written in the bank's language ("TRF PARA ...", "TRF DE ...")
    r"(?:SEPA[ \t]+)?(?:(?:PARA|DE)[ \t]+(?=[" + _UP + r"]))?"
    r"(?:(?:[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?(?=[A-Z0-9]{0,3}\d)[A-Z0-9]{1,4})?)[ \t]+)?"
    # (round 25N: capitals with accents, "MARIA DE FÁTIMA SOUSA", and a fourth word for a particle)
    r"(?P<name>(?!(?:TO|FROM)\b)(?:[A-Z]\.?[ \t]+){0,2}[" + _UP + r"][" + _UP + r"'’\-]+(?:[ \t]+(?!IBAN\b)[" + _UP + r"][" + _UP + r"'’\-]+){0,3}(?:[ \t][A-Z]\b(?![.'’]\w)){0,2})"
    r"(?=[ \t]+(?:REF\b|\d{6}\b|\d{2}-\d{2}-\d{2})|[ \t]{2,}|\t|[ \t]+[£$€]?\d[\d,]*\.\d\d\b|[ \t]*(?:\"|,|\||$)"
    # round 25N: a note in brackets ("(MOTHER)", "(UKRAINE)") or the payee's account number after the name
    r"|[ \t]+\((?=[A-Z])|[ \t]+(?:IBAN\b|[A-Z]{2}\d{2}[ ]?[A-Z0-9]{4}[ ]?\d{4})"
    # a surname and its initial, then the payment's reference words: "FPO OKORO T RENT SHARE"
    r"|(?<=[A-Z][ \t][A-Z])[ \t]+[A-Z]{2,}"
    # or more words in capitals, the payment's reference, up to the amount's column: "... VAN SHARE     55.00"
    r"|(?:[ \t]+[A-Z][A-Z'’\-]+){1,3}(?=[ \t]{2,}|\t|[ \t]*$))"
)

# a bank statement row that opens with its date, the payee in the description column and the payment's type
# in a later column: "02 Jun   A MENSAH RENT JUNE        FPO     450.00" (a person-to-person type code only:
# a card payment's "DEB", a direct debit's "DD", a giro credit's "BGC" mostly name a firm)
STATEMENT_ROW_RE = re.compile(
    r"(?m)^[ \t]*\d{1,2}(?:[ /.\-](?:[A-Z][a-z]{2}|\d{1,2}))(?:[ /.\-]\d{2,4})?[ \t]+"
    r"(?P<name>(?:[A-Z]\.?[ \t]+){0,2}[A-Z][A-Z'’\-]+(?:[ \t]+[A-Z][A-Z'’\-]+){0,4})"
    r"(?=(?:[ \t]{2,}|\t)[ \t]*(?:FPO|FPI|FP|SO|STO|TFR|BP|OBP)[ \t])"
)
# or, in a statement with no type column, the payee printed surname first with the initial after it:
# "15 Oct     MENSAH-BOATENG K SCHOOL UNIFORM      40.00" (a shop's name has no lone initial after it)
STATEMENT_ROW_INITIAL_RE = re.compile(
    r"(?m)^[ \t]*\d{1,2}(?:[ /.\-](?:[A-Z][a-z]{2}|\d{1,2}))(?:[ /.\-]\d{2,4})?[ \t]+"
    r"(?!(?:FPO|FPI|FP|SO|STO|TFR|BGC|BP|BBP|BACS|CR|DR|INTL|SWIFT|TRF|OBP|DD|DEB|CHQ|MOB|POS|ATM|CPT|VIS|FROM|TO|"
    r"TRANSFER|PAYMENT|CARD|CASH|DIRECT)\b)"  # (not the transaction's type: "FPO A MENSAH")
    r"(?P<name>[A-Z][A-Z'’\-]+(?:[ \t][A-Z][A-Z'’\-]+)?[ \t][A-Z])(?=[ \t]+[A-Z]{2,}|[ \t]{2,}|\t)"
)
_DATE_LED_ROW = re.compile(r"(?m)^[ \t]*\d{1,2}[ /.\-](?:[A-Z][a-z]{2}|\d{1,2})\b")
_STATEMENT_TYPE = re.compile(r"[ \t](?:FPO|FPI|FP|SO|STO|TFR|BP|OBP)[ \t]")
# a word that tells an initial is a label's designator, not a person's: "Flat C Kelvingrove", "Block B Tŷ Glas"
_DESIGNATOR_BEFORE = re.compile(
    r"(?i)\b(?:flat|unit|block|plot|apartment|apt|section|part|appendix|annex|schedule|table|figure|fig|zone|area|"
    r"phase|stage|level|floor|grade|class|type|form|room|gate|stand|wing|ward|bay|box|option|plan|category|band|"
    r"tier|house|court|building|site|lot|item|step|exhibit|annexe|route|platform|terminal|door)\.?[ \t]+$"
)
# a surname in capitals written before the given name(s): "NGUYEN Thi Lan", "KOWALSKI Jan"
CAPS_SURNAME_FIRST_RE = re.compile(
    r"(?<![\w'’\-])(?P<name>(?P<sur>[A-Z][A-Z'’\-]+)[ \u00a0](?P<given>[A-Z][a-zà-ÿ\u0100-\u017f'’\-]+(?:[ \u00a0][A-Z][a-zà-ÿ\u0100-\u017f'’\-]+)?))(?![\w\-])"
)
# emoji (and hearts, stars) that a phone's contact name carries after the name: "Tash 💅🏾: ...", "Sky 💜: ..."
_EMOJI_TAIL = r"(?:[ \t]*[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+)?"
# a line of a chat export, the speaker in any case: "[03/02/2026, 19:02] gaz: ...", "Kobby: ..."
CHAT_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*(?:[-–][ \t]*)?|(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}),?[ \t]+\d{1,2}[:.]\d{2}"
    r"(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?)?"
    r"(?P<name>[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)?)" + _EMOJI_TAIL + r"(?:[ \t]+\([^)\n]{1,30}\))?[ \t]*:[ \t]+\S"
)
# a court case's title: "Okonjo v Szabo", "Papadopoulou v. Tran" (each side a short name)
CAPTION_RE = re.compile(
    r"(?m)(?:^|(?<=[\t.:(]))[ \t]*(?:\d{1,3}[.)][ \t]+)?(?P<a>" + NAME + r"(?:[ \u00a0]" + NAME + r")?)[ \t]+v\.?[ \t]+(?P<b>" + NAME
    + r"(?:[ \u00a0]" + NAME + r")?)(?=[ \t]*(?:[-–—,:;(]|$))"
)
# a title and a surname written in lower case (notes): "spoke to mrs o'donnell-byrne", "dr okafor"
LOWER_TITLE_RE = re.compile(
    r"(?<![\w'’\-])(?:mr|mrs|ms|miss|dr)\.?[ \t]+(?P<name>[a-z][a-z'’]*[a-z](?:-[a-z][a-z'’]*[a-z])*)(?![\w\-])"
)
# a title and an initial alone, in lower case: "tell mrs p to have them back" (not "miss a payment")
LOWER_TITLE_INITIAL_RE = re.compile(r"(?<![\w'’\-])(?:mr|mrs|ms)\.?[ \t]+(?P<name>[a-z])(?![\w'’\-]|\.\w)")
# two words in lower case, a first name and a surname: "darren kerrigan"
LOWER_PAIR_RE = re.compile(r"(?<![\w'’\-@./])(?P<f>[a-zà-ÿ\u0100-\u017f]{3,})[ \t](?P<l>[a-zà-ÿ\u0100-\u017f'’\-]{3,})(?![\w\-@])")
# the same with the time after the speaker: "Jess 18:02: ...", "Me [18:05]: ...", "Fang 09/11 21:14: ..." (a date
# without its year)
CHAT_LINE_TIME_AFTER_RE = re.compile(
    r"(?m)^[ \t]*(?P<name>[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)?)[ \t]+(?:(?:\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?,?[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"|\[[^\]\n]{1,40}\]|\([^)\n]{1,40}\))[ \t]*:[ \t]+\S"
)
# a chat message's lower-case first name in a person's place: before a verb ("mo paid for that",
# "yusuf says", "ryan and shannon want"), or after a cue ("with mo", "nana fatima")
CHAT_VERB = (r"(?:says|said|is|was|has|had|wants|want|will|moved|paid|does|did|knows|told|rang|texted|called|sent|came|"
             r"went|lives|picked|got|can|cant|can['’]t|should|thinks|reckons|saw|needs|loves|owes|works|left|isnt|"
             r"isn['’]t|wont|won['’]t|aint|doesnt|doesn['’]t|didnt|didn['’]t|hasnt|hasn['’]t)")
CHAT_NAME_VERB_RE = re.compile(r"(?<![\w'’\-@./])(?P<name>[a-z]{2,})(?:[ \t]+(?:and|&)[ \t]+(?P<b>[a-z]{2,}))?"
                               r"(?=[ \t]+" + CHAT_VERB + r"\b)")
CHAT_NAME_CUE_RE = re.compile(r"\b(?:ask|tell|told|with|saw|text|texted|rang|called|nana|nanna|nan|auntie|aunty|uncle|cousin|grandad|our)"
                              r"[ \t]+(?P<name>[a-z]{2,})(?![\w'’\-@])")
# "is dai driving", "is jo still picking them up", "is lee going"
CHAT_NAME_ING_RE = re.compile(r"\b(?:is|was|are|were|isnt|wasnt)[ \t]+(?P<name>[a-z]{2,})[ \t]+(?:still[ \t]+|not[ \t]+)?[a-z]{2,}ing\b")
# a verb's two objects, the person then the thing: "did NOT give raj anything", "lend tony the money", "owe jo £50"
CHAT_NAME_GIVE_RE = re.compile(
    r"\b(?i:give|gave|giving|given|lend|lent|lending|owe|owes|owed|owing|send|sent|show|showed|shown|bring|brought|"
    r"buy|bought|pay|paid|paying|hand|handed)[ \t]+(?P<name>[a-z]{2,})[ \t]+(?=(?:any|anything|nothing|something|"
    r"everything|the|a|an|some|his|her|their|my|ur|your|money|cash|back|it|them|that|this|what|£|\d))"
)
CHAT_NAME_MAX_ZIPF = 4.75
# a lower-case first name with a possessive before a relation or a home: "ryan's new place", "craigs mum"
CHAT_NAME_POSS_RE = re.compile(
    r"(?<![\w'’\-@./])(?P<name>[a-z]{2,})(?:['’]s|s)[ \t]+(?:new[ \t]+|old[ \t]+)?(?:mum|mam|mom|dad|nan|nana|nanna|sister|"
    r"brother|missus|wife|husband|girlfriend|boyfriend|gf|bf|partner|ex|mate|mates|cousin|family|house|place|flat|car|van|"
    r"kids|son|daughter|baby|auntie|uncle|number|phone|mobile|address|birthday|party|boss|work|job)\b"
)
# a capitalised single word inside a message of a chat written in lower case: "with that Reed lad"
CHAT_CAP_WORD_RE = re.compile(r"(?<![\w'’\-@./])(?P<name>[A-Z][a-z]{2,})(?![\w\-@'’]|[ \t]+[A-Z])")
_CAP_BEFORE = re.compile(r"[A-Z][\w'’\-]*[ \t]+$")
_CHAT_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|at|near|via|of|to|from|on|into|round|outside)[ \t]+$")
# a first name or nickname in lower case in double quotes: 'said "gaz" at work will confirm'
QUOTED_LOWER_RE = re.compile(r"[\"“](?P<kin>(?:uncle|auntie|aunty|aunt|nan|nana|nanna|cousin|big|little|lil)[ \t]+)?(?P<name>[a-z]{2,12})[\"”]")
# a Messenger-style export block: "Grace Okoro\n12 Mar 2026, 19:02\nyou need to pay ...\n"
MESSENGER_BLOCK_RE = re.compile(
    r"(?m)^[ \t]*(?P<name>[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*){0,2})[ \t]*\n"
    + MESSENGER_TIME_LINE + r"(?P<body>[^\n]+(?:\n[^\n]+)*)"
)
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|my|your|his|her|our|their|this|that|these|those|some|any|its|every)[ \t]+$")
# a surname or first name in capitals after a cue: "Her friend TASHA was", "Referred to DENNEHY in FIU"
CAPS_CUE_RE = re.compile(
    r"(?i:\b(?:spoke[ \t]+(?:to|with)|referred[ \t]+to|passed[ \t]+to|allocated[ \t]+to|assigned[ \t]+to|escalated[ \t]+to|"
    r"(?:my|her|his|their|your|(?:rp|pp|nrp|pwc)['’]s)[ \t]+(?:friend|partner|neighbour|cousin|sister|brother|mother|father|mum|dad|colleague|"
    r"manager|landlord|landlady)|partner|neighbour|landlord|landlady|adviser|advisor|caseworker|officer|caller|named|called|"
    r"tl|adv|agent|cw))[:,]?[ \t]+"
    r"(?P<name>[A-Z][A-Z'’\-]{2,})(?![\w\-])"
)
_CAPS_WORD_AFTER = re.compile(r"[ \t]+[A-Z]{2,}")
_ACRONYM_USE = re.compile(r"[ \t]+\(?[A-Z][a-z]")
# a log line's author column in capitals: "15/07/26  OYELARAN   Initial appt."
LOG_COLUMN_RE = re.compile(
    r"(?m)^[ \t]*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?:[ \t]+\d{1,2}[:.]\d{2})?[ \t]+(?P<name>[A-Z][A-Z'’\-]{2,})(?=(?:[ \t]{2,}|\t)[ \t]*[A-Z]?[a-z])"  # (then the entry, in mixed case: not a statement's columns)
)
# a name with the relation in brackets after it: "Shaz (tenant's friend)", "Kyle (her cousin)"
PAREN_RELATION_RE = re.compile(
    r"(?<![\w'’\-])(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME + r")?)[ \t]*\([ \t]*(?:the[ \t]+|a[ \t]+)?"
    r"(?:[A-Za-z]+['’]s[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+|my[ \t]+)?(?:best[ \t]+|old[ \t]+|new[ \t]+|ex[- ]?)?"
    r"(?:friend|neighbour|cousin|sister|brother|aunt|auntie|uncle|partner|boyfriend|girlfriend|mother|father|mum|dad|nan|"
    r"grandmother|grandfather|landlord|landlady|lodger|flatmate|colleague|manager|son|daughter|niece|nephew|"
    # staff by their job: "Wairimu (team leader)", "Okafor (caseworker, FIU)", "Ruth (payroll)"
    r"(?P<staff>team[ \t]+leader|team[ \t]+manager|caseworker|case[ \t]+worker|case[ \t]+manager|adviser|advisor|supervisor|"
    r"agent|interpreter|solicitor|social[ \t]+worker|health[ \t]+visitor|payroll|hr|accountant|key[ \t]?worker|"
    r"support[ \t]+worker|work[ \t]+coach|housing[ \t]+officer|officer|teacher|headteacher|nurse|midwife|gp|"
    r"receptionist|foreman))\b[^)\n]{0,20}\)"
)
# a name with its role in apposition: "Jenkins, the foreman, drives him", "Hughes, our landlord,"
APPOSITION_ROLE_RE = re.compile(
    r"(?<![\w'’\-])(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME + r")?),[ \t]+(?:the|our|his|her|their|my|your)[ \t]+"
    r"(?:[a-z]+[ \t]+)?(?:foreman|manager|supervisor|director|owner|landlord|landlady|neighbour|boss|driver|teacher|"
    r"headteacher|solicitor|officer|nurse|doctor|accountant|caseworker|social[ \t]+worker|receptionist|bailiff|"
    r"agent|cousin|brother|sister|uncle|aunt|friend|partner|lodger|flatmate|colleague)\b[ \t]*[,.;]"
)
LOG_WORDS = {"call", "post", "case", "memo", "note", "notes", "email", "letter", "visit", "sms", "text", "system", "auto",
             "admin", "inbound", "outbound", "webchat", "phone", "file", "review", "task", "appt", "deo", "payment",
             "manual", "in", "out", "incoming", "outgoing", "action", "update", "contact", "chat", "fax", "doc", "docs",
             "scan", "mail", "web", "portal", "online", "tel", "msg", "message", "voicemail", "vm", "ivr", "bot",
             "card", "cash", "fee", "bill", "standing", "bacs", "branch", "actioned", "logged", "closed",
             # round 24N: the National Insurance number as every benefits log abbreviates it ("ASKED FOR NINO -")
             "nino"}
VIET_MIDDLE_RE = re.compile(
    r"(?<![\w'’\-])(?P<a>[A-ZĐ][a-zà-ỹđ]{1,8})[ \u00a0](?:Thi|Thị|Văn)[ \u00a0](?P<b>[A-ZĐ][a-zà-ỹđ]{1,8})"
    r"(?:[ \u00a0][A-ZĐ][a-zà-ỹđ]{1,8})?(?![\w\-])"
)
# a Vietnamese name of three syllables without the middle name "Thi"/"Van", the family name first or (as a bank
# prints it) last: "Do Hai Yen", "Vu Duc Thang", "MINH KHOA TRAN"; the commonest Vietnamese family names
VIET_SURNAMES = frozenset({"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
                           "ho", "ngo", "duong", "ly", "dinh", "trinh", "truong", "phung", "doan", "luong", "mai",
                           "lam", "cao", "ha"})
VIET_THREE_RE = re.compile(
    r"(?<![\w'’\-])(?P<name>(?P<a>[A-ZĐ][a-zà-ỹđ]{0,6}|[A-ZĐ]{2,7})[ \u00a0](?P<b>[A-ZĐ][a-zà-ỹđ]{1,6}|[A-ZĐ]{2,7})"
    r"[ \u00a0](?P<c>[A-ZĐ][a-zà-ỹđ]{1,6}|[A-ZĐ]{2,7}))(?![\w\-])"
)
_PLACE_AFTER = re.compile(r"(?i)[ \t]+(?:city|province|district|town|airport|market)\b")
_VIET_HINT = re.compile(r"(?i)\b(?:" + "|".join(sorted(VIET_SURNAMES)) + r")\b")
_HAS_LOWER_TITLE = re.compile(r"\b(?:mr|mrs|ms|miss|dr)\b")
# a word in a chat message body written in lower case ("ask niamh", "zsuzsa? shes lovely")
LOWER_WORD_RE = re.compile(r"(?<![\w'’\-@./])(?P<name>[a-zà-ÿ\u0100-\u017f]{3,})(?![\w\-@]|\.\w)")

# a Korean given name in lower case, its two syllables hyphenated: "seo-yeon gave him the keys"
LOWER_HYPHEN_GIVEN_RE = re.compile(r"(?<![\w'’\-@./])(?P<name>[a-z]{1,6}-[a-z]{1,6})(?![\w\-@])")

# a nickname in quotes inside a name: "Margaret 'Peggy' Doyle", "Tom “Tommo” Barker"
QUOTED_NICK_RE = re.compile(
    r"(?<![\w'’])(?P<name>(?P<first>" + NAME + r")[ \u00a0]+['\"‘“](?P<nick>[A-Z][a-z]+)['\"’”][ \u00a0]+(?P<last>" + NAME
    + r"))(?![\w\-])"
)
# a chat or transcript speaker at the start of a line: "[14:02] Deb: ...", "Semhar: ok"
SPEAKER_RE = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*(?:[-–][ \t]*)?|(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}),?[ \t]+\d{1,2}[:.]\d{2}"
    r"(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?)?(?P<name>" + NAME
    + r"(?:[ \t]+" + NAME + r")?)" + _EMOJI_TAIL + r"(?:[ \t]+\([^)\n]{1,30}\))?[ \t]*:[ \t]+\S"
)
# a field's value after "Label:": a number, a phone, an amount, a date ("Tel: 0191 ...", "Ref: (A) 12")
_FIELD_VALUE = re.compile(r"[+(£$€#]?\d")
# a caller saying who she is and where from, in a voicemail or a call: "hi it's bernadette from the advice
# centre", "It's Dave calling about ..."
SELF_INTRO_RE = re.compile(
    r"(?i:\b(?:it['’]?s|its|it[ \t]+is|this[ \t]+is))[ \t]+(?P<name>[A-Za-z][a-z'’\-]+)"
    r"(?=[ \t]+(?i:from|calling|ringing|phoning)\b)")
# courtesy titles of other languages before a name: Vietnamese (in lower case: "bà Hoa", "anh Minh", "chị Lan"),
# Polish, German, Spanish, Portuguese, Italian, French, Romanian ("Pani Nowak", "Doamna Rusu", "Señora Ruiz")
VIET_HONORIFICS = frozenset({"anh", "chị", "em", "bà", "ông", "cô", "chú", "bác", "dì", "cậu"})
FOREIGN_TITLE_RE = re.compile(
    r"(?<![\w'’])(?:(?:anh|chị|em|bà|ông|cô|chú|bác|dì|cậu)|(?:Pani|Frau|Herr|Señora|Señor|Sra\.|Senhora|Senhor|"
    r"Signora|Signor|Madame|Monsieur|Mme\.?|Doamna|Domnul|Doamnei|Domnului))[ \t]+"
    r"(?P<name>[^\W\d_]{2,}(?:[ \t][A-ZÀ-ÝĐ][^\W\d_]+)?)(?![\w\-])")
_FOREIGN_TITLE_HINT = re.compile(r"\b(?:anh|chị|em|bà|ông|cô|chú|bác|dì|cậu|Pani|Frau|Herr|Señor|Sra|Senhor|Signor|"
                                 r"Madame|Monsieur|Mme|Doamn|Domnul)")
# a chat export's (Slack, Teams) header line: the sender's user handle "first.last" alone on its line with the
# time of the message: "naomi.clarke  10:14", "j_okafor 9:02 AM"
HANDLE_HEADER_RE = re.compile(
    r"(?m)^[ \t]*@?(?P<name>(?P<f>[A-Za-z][a-z]+)(?:[._][A-Za-z][a-z'’\-]*)?[._](?P<l>[A-Za-z][a-z'’\-]+))[ \t]+"
    r"(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,?[ \t]+)?\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*$"
)
# a first name addressed at the start of a sentence: "Deb, should we log this?"
VOCATIVE_RE = re.compile(r"(?:^|(?<=[.!?][ \t])|(?<=\n))[ \t]*(?P<name>" + NAME + r"),[ \t]+[a-z]")


# Vietnamese middle names that are also words elsewhere ("Thi Mai Pham", "Van Minh Tran"): part of a
# name when more name words follow
NAME_PARTICLES = {"thi", "thị", "van", "văn"}


# "@bill does ours", ": mark - can u drop": a first name addressed in a chat message
CHAT_AT_RE = re.compile(r"(?<![\w@.])@(?P<name>[A-Za-z][a-z]{1,14})(?![\w@.\-])")
CHAT_ADDRESSEE_RE = re.compile(r"[ \t]*:[ \t]*(?P<name>[a-z]{2,14})[ \t]+[-–][ \t]+\S")
_CHAT_KIN_LABELS = {"mum", "mam", "mom", "mummy", "mother", "dad", "daddy", "father", "nan", "nana", "nanna", "gran",
                    "grandad", "grandma", "sis", "bro", "babe", "hun", "auntie", "aunty", "uncle", "cousin", "son", "baby"}


# family terms a phone's contact name carries with the person's name ("Kamla Auntie", "Uncle Tunde")
_SPEAKER_KIN = frozenset(_CHAT_KIN_LABELS | {"aunt", "granny", "grandpa", "grandma", "nanny", "bro", "sis", "brother",
                                             "sister", "nephew", "niece", "papa", "mama", "ji"})


# a webchat's or transcript's speaker labelled with the role before the name: "Agent Wairimu: ..."
_SPEAKER_ROLES = frozenset({"agent", "adviser", "advisor", "caseworker", "officer", "operator", "rep", "consultant",
                            "interpreter", "caller", "customer", "client"})


def _chat_label_name_ok(w: str) -> bool:
    """A chat's lower-case speaker label or addressee that is a first name (not a role or kin label)."""
    return (w not in STOP and w not in SPEAKER_LABELS and w not in LOG_WORDS and w not in _CHAT_KIN_LABELS
            and is_first_name(w))


def _chat_name_ok(w: str) -> bool:
    """A lower-case word in a chat that is a first name and not too common a word ("mo", "yusuf", "ryan";
    not "will", "hope", "summer")."""
    if w in STOP or w in SPEAKER_LABELS or not is_first_name(w):
        return False
    z = zipf(w)
    return z < (4.5 if len(w) == 2 else CHAT_NAME_MAX_ZIPF)


def _double_surname(tok: str) -> bool:
    """Round 24N: a double-barrelled surname whose parts are surnames, none of them common in English
    ("Maguire-Tate", "Okafor-Lynch"), which the surname list holds only part by part."""
    parts = tok.split("-")
    return len(parts) == 2 and all(len(p) >= 3 and is_surname(p) and not _common(p) for p in parts)


def _common(tok: str) -> bool:
    return tok.lower() in STOP or zipf(tok) >= 4.3


def _looks_like_name(tok: str) -> bool:
    """A capitalised word that is a known name, or too rare to be an ordinary word."""
    if tok.lower() in STOP:
        return False
    if len(tok) <= 2 and tok[:1].isupper() and (len(tok) == 1 or tok[1] == "."):
        return True  # an initial
    if "-" in tok.strip("-"):
        parts = tok.split("-")
        if all(p[:1].isupper() for p in parts if p):
            return all(p.lower() not in STOP and (is_first_name(p) or is_surname(p) or zipf(p) < 4.0) for p in parts if p)
    known = is_first_name(tok) or is_surname(tok)
    z = zipf(tok)
    return (known and z < 4.6) or z < 2.5


def _trim(name: str, start: int) -> tuple[int, int] | None:
    """Drop trailing/leading words that are ordinary words; None if nothing name-like is left."""
    toks = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", name)]
    while toks and not _looks_like_name(toks[-1][2]):
        toks.pop()
    while toks and not _looks_like_name(toks[0][2]) and not (len(toks) > 1 and toks[0][2].lower() in NAME_PARTICLES):
        toks.pop(0)
    if not toks:
        return None
    return start + toks[0][0], start + toks[-1][1]


def _statement_person(name: str) -> bool:
    """"A MENSAH", "VAIDA MOCKIENE", "T ADJEI-MARFO": an initial or a first name, and a surname;
    not a company ("CHILD MAINT SERVICE", "ASDA PETERBOROUGH")."""
    toks = [t.strip(".") for t in name.split() if t.lower() not in NAME_PARTICLES]
    words = [t for t in toks if len(t) > 1]
    if not words or len(toks) < 2:
        return False
    if any(w.lower() in STOP or zipf(w.split("-")[0]) >= 3.5 and not (is_first_name(w) or is_surname(w)) for w in words):
        return False
    has_initial = len(toks) > len(words)
    if len(words) == 2 and is_surname(words[0]) and is_first_name(words[1]) and zipf(words[0]) < 3.5 and zipf(words[1]) < 4.0:
        return True  # the surname first, as banks print it: "KOWALCZYK TOMASZ"
    return has_initial or is_first_name(words[0]) or all(zipf(p) < 2.0 for w in words for p in w.split("-") if p)


def _rare_surname(tok: str) -> bool:
    """A surname (each part of a double-barrelled one known), at least one part rare as a word:
    "PICKERING", "ADJEI-MENSAH", "OKONKWO-BELL"; not "BROWN", "STONE-WALL"."""
    parts = [p for p in tok.split("-") if p]
    if not parts or any(p.lower() in STOP or zipf(p) >= 4.7 for p in parts):
        return False
    return all(is_name_like(p) or zipf(p) < 3.0 for p in parts) and min(zipf(p) for p in parts) < 3.2


def _res(rec, s, e, score, why):
    return result(rec, EntityType.PERSON.value, s, e, score, why)


LAYOUT_KEY = "sarpack_layout_name"


def _layout_res(rec, s, e, score, why):
    """A name found by where a layout puts a person (a log's author column, a table's name column): marked, so
    that the NER model's ORG on the same word does not overrule it."""
    r = _res(rec, s, e, score, why)
    r.recognition_metadata[LAYOUT_KEY] = True
    return r


# a word that OCR read with a nought for an "o" or a one for an "l" ("T0MASZ", "0sei-B0nsu", "Mac1eod",
# "Administrat0r"): letters with a 0 or 1 among them, at least three letters. The name cues below read the page
# with those figures as the letters they stand for (same length, so every offset holds); a page without such a
# word is read as it is (round 23N: OCR'd letters and reports from three authors' corpora)
_OCR_FIGURE_WORD = re.compile(r"(?<![\w'’])(?:[01]?[A-Za-z]+(?:[01][A-Za-z]*)+|[01][A-Za-z]{2,})(?![\w])")
_OCR_FIGURE = re.compile(r"[01]")
_OCR_FIGURES_RUN = re.compile(r"[01]{2}")


def _ocr_letter(m: re.Match) -> str:
    w = m.group(0)
    if sum(c.isalpha() for c in w) < 3 or _OCR_FIGURES_RUN.search(w):
        return w  # (two figures together are a code's: "AB10XY")

    def one(d: re.Match) -> str:
        i = d.start()
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        low = prev.islower() or (prev.isalpha() and nxt.islower())
        if d.group(0) == "1":
            return "l" if low else "I"
        return "o" if low else "O"

    return _OCR_FIGURE.sub(one, w)


def ocr_letters(text: str) -> str:
    """The text with OCR's figures inside words read as the letters they stand for (same length)."""
    if not _OCR_FIGURE_WORD.search(text):
        return text
    return _OCR_FIGURE_WORD.sub(_ocr_letter, text)


class PersonContextRecognizer(EntityRecognizer):
    def __init__(self):
        super().__init__(supported_entities=[EntityType.PERSON.value], name="PersonContextRecognizer", supported_language="en")
        first_names(), surnames()  # warm the cache at build time

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: List[str], nlp_artifacts=None) -> List[RecognizerResult]:
        out: list[RecognizerResult] = []
        page, text = text, ocr_letters(text)  # ("K. 0sei-B0nsu\nPayr0ll Administrat0r": the cues read the letters OCR meant)
        for m in TITLE_RE.finditer(text):
            name = m.group("name")
            toks = name.replace(".", " ").split()
            # "Mr Smith" is a person even when the surname is also a word, unless it is a function word
            last = toks[-1]
            if last.lower() in STOP:
                continue
            if len(toks) == 1 and not is_name_like(last) and zipf(last) >= 5.0:
                continue  # "in Comiston Dr. Any handover ...": a street's "Dr.", then a sentence; no one is "Mr Any"
            # 0.9: above the NER model's default, so that a longer NER span swallowing the name
            # ("Kornbluth,\n\nI") does not push "Dr. Kornbluth" out
            end = m.end("name")
            words = list(re.finditer(r"\S+", name))
            if len(words) >= 2 and len(last) > 2 and not is_name_like(last) and zipf(last) >= 3.0:
                end = m.start("name") + words[-2].end()  # "Mr Nowak Toolkit": the word after the surname is not a name
            out.append(_res(self, m.start("name"), end, 0.9, "title before a name"))
        for m in CAPS_TITLE_RE.finditer(text):
            ws = list(re.finditer(r"[^\s.]+", m.group("name")))
            end = m.end("name")
            if (len(ws) >= 2 and len(ws[-1].group(0)) > 2 and len(ws[-2].group(0)) > 1
                    and not is_name_like(ws[-1].group(0)) and zipf(ws[-1].group(0)) >= 3.5):
                ws.pop()  # "DR H. CHAUDHRY DENTAL": a word after the surname that is no name
                end = m.start("name") + ws[-1].end()
            toks = [t.group(0) for t in ws if len(t.group(0)) > 1]
            if toks and all(t.lower() not in STOP and (is_name_like(t) or zipf(t) < 3.5) for t in toks):
                out.append(_res(self, m.start("name"), end, 0.85, "title before a name in capitals"))
        for m in CUE_RE.finditer(text):
            cue = text[m.start(): m.start("name")].strip().lower()
            span = _trim(m.group("name"), m.start("name"))
            if not span:
                continue
            s, e = span
            toks = text[s:e].split()
            if cue in {"and", "&", "or"}:
                # "Kelly and Ben": only when the following word is itself a known first name
                if not (len(toks) >= 1 and is_first_name(toks[0]) and zipf(toks[0]) < 4.0):
                    continue
                out.append(_res(self, s, e, 0.55, "first name in a list of names"))
                continue
            out.append(_res(self, s, e, 0.75, "name after a context phrase"))
        for m in LOWER_CUE_RE.finditer(text):
            toks = [(t.start(), t.end(), t.group(0)) for t in re.finditer(r"[^\s]+", m.group("name"))]
            if not toks:
                continue
            w0 = toks[0][2]
            parts0 = [p for p in w0.split("-") if p]
            hyphen_first = len(parts0) > 1 and all(is_first_name(p) for p in parts0)  # "anne-marie"
            if not hyphen_first and (not is_first_name(w0) or _common(w0) or zipf(w0) >= 4.0):
                continue
            keep = [toks[0]]
            for t in toks[1:]:
                w = t[2]
                if all((is_surname(part) or is_first_name(part) or zipf(part) < 3.0) and part.lower() not in STOP
                       for part in w.split("-") if part):
                    keep.append(t)
                else:
                    break
            base = m.start("name")
            out.append(_res(self, base + keep[0][0], base + keep[-1][1], 0.6, "lower-case name after a relation"))
        for m in SELF_INTRO_RE.finditer(text):
            w = m.group("name")
            if is_first_name(w) and w.lower() not in STOP and w.lower() not in SPEAKER_LABELS and zipf(w) < 5.0:
                out.append(_res(self, m.start("name"), m.end("name"), 0.75, "caller introducing herself"))
        for m in (FOREIGN_TITLE_RE.finditer(text) if _FOREIGN_TITLE_HINT.search(text) else ()):
            w = m.group("name")
            if w[:1].isupper() and w.lower() not in STOP and (is_name_like(w) or zipf(w) < 4.0):
                out.append(_res(self, m.start("name"), m.end("name"), 0.8, "name after a courtesy title in another language"))
        for m in QUOTED_NICK_RE.finditer(text):
            if is_first_name(m.group("first")) or is_surname(m.group("last")) or is_first_name(m.group("nick")):
                out.append(_res(self, m.start("name"), m.end("name"), 0.8, "name with a quoted nickname"))
        speakers = list(SPEAKER_RE.finditer(text))
        # a transcript (several lines "Name: ..."): a speaker is a name even when the gazetteer does not
        # know it ("Dhegdheer: ok"), unless it is an ordinary word or a label ("Agent", "Note")
        # (and someone speaks twice, or the lines carry times: a form's labels, "Claimant: / Dependants: /
        # Non-dependant:", are used once each and have no time before them)
        said: dict[str, int] = {}
        stamped = 0
        for m in speakers:
            said[m.group("name")] = said.get(m.group("name"), 0) + 1
            stamped += bool(text[m.start():m.start("name")].strip())
        transcript = len(said) >= 2 and len(speakers) >= 3 and (max(said.values()) >= 2 or stamped >= 2)
        for m in speakers:
            toks = m.group("name").split()
            if said[m.group("name")] == 1 and _FIELD_VALUE.match(text, m.end() - 1):
                continue  # "Tel: 07700 900093" once: a form's field and its value, not a speaker's message
            if len(toks) == 2 and toks[0].lower() in _SPEAKER_ROLES and said[m.group("name")] >= 2:
                x = toks[1]
                if x.lower() not in STOP and x.lower() not in SPEAKER_LABELS and (
                        is_name_like(x) and zipf(x) < 5.0 or zipf(x) < 3.0):
                    xs = m.end("name") - len(x)
                    out.append(_res(self, xs, m.end("name"), 0.7, "speaker's name after the speaker's role"))
                continue  # "Agent Wairimu: ...", "Adviser Okafor: ..."; not "Agent Support: ..."
            if (is_first_name(toks[0]) and toks[0].lower() not in STOP and zipf(toks[0]) < 4.0
                    and all(is_name_like(t) or zipf(t) < 3.0 for t in toks[1:])):
                out.append(_res(self, m.start("name"), m.end("name"), 0.7, "speaker's name in a chat"))
            elif transcript and all(t.lower() not in STOP and t.lower() not in SPEAKER_LABELS and zipf(t) < 3.0
                                    for t in toks):
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "speaker in a transcript"))
        for m in (HANDLE_HEADER_RE.finditer(text) if ":" in text else ()):
            f, l = m.group("f").lower(), m.group("l").lower()
            if (is_first_name(f) and zipf(f) < 5.0 and f not in STOP and f not in SPEAKER_LABELS and f not in LOG_WORDS
                    and l not in STOP and l not in LOG_WORDS and (is_name_like(l) or zipf(l) < 3.0)):
                out.append(_res(self, m.start("name"), m.end("name"), 0.7, "sender's user handle in a chat export"))
        chat = max(list(CHAT_LINE_RE.finditer(text)), list(CHAT_LINE_TIME_AFTER_RE.finditer(text)), key=len)
        # (the form with more lines: a header "Participants: Ling, Fang" is no chat of its own)
        counts: dict[str, int] = {}
        for m in chat:
            counts[m.group("name").lower()] = counts.get(m.group("name").lower(), 0) + 1
        bodies: list[tuple[int, int]] = []
        if len(chat) >= 3 and len(counts) >= 2 and max(counts.values()) >= 2:
            for m in chat:
                le = text.find("\n", m.end("name"))
                bodies.append((m.end("name"), len(text) if le < 0 else le))
        if "\n" in text:
            blocks = list(MESSENGER_BLOCK_RE.finditer(text))
            if len(blocks) >= 3 and len({b.group("name").lower() for b in blocks}) >= 2:
                # a Messenger-style export: the speaker's name alone on a line, then the time, then the message
                bodies += [b.span("body") for b in blocks]
            elif not bodies:
                bodies += speaker_line_bodies(text)
        if bodies:
            # a chat's speakers and addressees written in lower case: "[..] craig: ...", "@bill", ": mark - can u"
            for m in chat:
                w = m.group("name")
                wt = w.split()
                if len(wt) == 2 and (wt[0].lower() in _SPEAKER_KIN) != (wt[1].lower() in _SPEAKER_KIN):
                    # a contact saved with a family term: "Kamla Auntie", "Uncle Tunde", "Nan Pat": the other word
                    # is the person's name (not "Papa ji", "Auntie Flo" when "Flo" is no name)
                    k = 0 if wt[1].lower() in _SPEAKER_KIN else 1
                    x = wt[k]
                    if (x[:1].isupper() and x[1:].islower() and x.isalpha() and x.lower() not in STOP
                            and x.lower() not in SPEAKER_LABELS and x.lower() not in _SPEAKER_KIN
                            and (is_first_name(x) and zipf(x) < 5.0 or zipf(x) < 2.5)):
                        xs = m.start("name") + (0 if k == 0 else w.index(x, len(wt[0])))
                        out.append(_res(self, xs, xs + len(x), 0.7, "speaker's name with a family term in a chat"))
                        continue
                if (m.re is CHAT_LINE_TIME_AFTER_RE and all(t[:1].isupper() and t[1:].islower() for t in wt)
                        and is_first_name(wt[0]) and wt[0].lower() not in STOP and zipf(wt[0]) < 4.0
                        and wt[0].lower() not in SPEAKER_LABELS and wt[0].lower() not in _CHAT_KIN_LABELS
                        and all(is_name_like(t) or zipf(t) < 3.0 for t in wt[1:])):
                    # the speaker of an export with the time after the name ("Fang 09/11 21:14: ..."), as
                    # SPEAKER_RE takes "Fang: ..."
                    out.append(_res(self, m.start("name"), m.end("name"), 0.7, "speaker's name in a chat"))
                elif w[:1].islower() and _chat_label_name_ok(w) and (counts.get(w, 0) >= 2 or zipf(w) < 4.5):
                    out.append(_res(self, m.start("name"), m.end("name"), 0.65, "lower-case speaker's name in a chat"))
                elif (w[:1].isupper() and w[1:].islower() and w.isalpha() and counts.get(w.lower(), 0) >= 2
                      and is_first_name(w) and 4.0 <= zipf(w) < 5.5 and w.lower() not in STOP
                      and w.lower() not in SPEAKER_LABELS and w.lower() not in _CHAT_KIN_LABELS
                      and w.lower() not in LOG_WORDS and w.lower() not in _F_MODALS):
                    # a chat's speaker, more than once, whose first name is also a common word ("Dean: ...")
                    out.append(_res(self, m.start("name"), m.end("name"), 0.6, "recurring speaker's first name in a chat"))
                elif (w[:1].islower() and w.isalpha() and len(w) >= 3 and counts.get(w, 0) >= 2 and zipf(w) < 2.5
                      and w not in STOP and w not in SPEAKER_LABELS and w not in LOG_WORDS and w not in _CHAT_KIN_LABELS):
                    # a speaker that recurs, written in lower case, that is no English word ("laci", "erzsi")
                    out.append(_res(self, m.start("name"), m.end("name"), 0.6, "recurring lower-case speaker in a chat"))
            for ls, le in bodies:
                for w in CHAT_AT_RE.finditer(text, ls, le):
                    if _chat_label_name_ok(w.group("name").lower()) or (
                            w.group("name").lower() in LOG_WORDS and is_first_name(w.group("name"))):
                        out.append(_res(self, w.start("name"), w.end("name"), 0.6, "@name in a chat"))  # (also "@bill")
                w = CHAT_ADDRESSEE_RE.match(text, ls, le)
                if w is not None and _chat_label_name_ok(w.group("name")) and zipf(w.group("name")) < 5.5:
                    out.append(_res(self, w.start("name"), w.end("name"), 0.6, "addressee at the start of a chat message"))
        if bodies:
            # a chat (several lines "name: ...", a speaker more than once): a first name written in lower
            # case in a message ("is niamh having the kids") that is rare as an English word
            for ls, le in bodies:
                for w in LOWER_PAIR_RE.finditer(text, ls, le):
                    f, l = w.group("f"), w.group("l")
                    if (f not in STOP and l not in STOP and is_first_name(f) and zipf(f) < 4.3
                            and is_surname(l) and zipf(l) < 3.0 and not STREET_AFTER.match(text, w.end())):
                        out.append(_res(self, w.start(), w.end(), 0.7, "lower-case first name and surname in a chat"))
                for w in LOWER_HYPHEN_GIVEN_RE.finditer(text, ls, le):
                    if is_first_name(w.group("name")):
                        out.append(_res(self, w.start(), w.end(), 0.5, "lower-case hyphenated given name in a chat"))
                for w in LOWER_WORD_RE.finditer(text, ls, le):
                    t = w.group("name")
                    end = w.end()
                    if (len(t) > 4 and t.endswith("s") and not is_first_name(t) and zipf(t) < 2.0
                            and is_first_name(t[:-1])):
                        t, end = t[:-1], end - 1  # a possessive written without its apostrophe: "ferencs wife"
                    if (t not in STOP and t not in SPEAKER_LABELS and is_first_name(t) and zipf(t) < 3.0
                            and not STREET_AFTER.match(text, w.end())):
                        out.append(_res(self, w.start(), end, 0.5, "lower-case first name in a chat message"))
        if bodies:
            for ls, le in bodies:
                for w in CHAT_NAME_VERB_RE.finditer(text, ls, le):
                    if _DETERMINER_BEFORE.search(text, max(ls, w.start() - 8), w.start()):
                        continue  # "the kit is ready", "my bill was": a thing, not a person
                    names = [g for g in ("name", "b") if w.group(g)]
                    if w.group("b") and not all(_chat_name_ok(w.group(g)) for g in names):
                        continue  # "ryan and shannon want": both must be names
                    for g in names:
                        if _chat_name_ok(w.group(g)):
                            out.append(_res(self, w.start(g), w.end(g), 0.55, "lower-case first name before a verb in a chat"))
                for w in CHAT_NAME_GIVE_RE.finditer(text, ls, le):
                    if _chat_name_ok(w.group("name")) and len(w.group("name")) > 2:
                        out.append(_res(self, w.start("name"), w.end("name"), 0.55, "lower-case first name given something in a chat"))
                for w in CHAT_NAME_ING_RE.finditer(text, ls, le):
                    if _chat_name_ok(w.group("name")):
                        out.append(_res(self, w.start("name"), w.end("name"), 0.55, "lower-case first name before an -ing verb in a chat"))
                for w in CHAT_NAME_CUE_RE.finditer(text, ls, le):
                    n, ne = w.group("name"), w.end("name")
                    if (len(n) > 4 and n.endswith("s") and not _chat_name_ok(n) and not is_first_name(n)
                            and _chat_name_ok(n[:-1])):
                        n, ne = n[:-1], ne - 1  # a possessive without its apostrophe: "at auntie maureens"
                    if _chat_name_ok(n) and len(n) > 2:
                        out.append(_res(self, w.start("name"), ne, 0.55, "lower-case first name after a cue in a chat"))
                for w in CHAT_NAME_POSS_RE.finditer(text, ls, le):
                    if _chat_name_ok(w.group("name")) and len(w.group("name")) > 2 and not _DETERMINER_BEFORE.search(
                            text, max(ls, w.start() - 8), w.start()):
                        out.append(_res(self, w.start("name"), w.end("name"), 0.55, "lower-case first name with a possessive in a chat"))
            # a chat written in lower case (most messages start in lower case): a capitalised known name
            # inside a message is a deliberate capital, not a sentence's
            firsts = [text[ls:le].lstrip(":- \t\"'“")[:1] for ls, le in bodies]
            firsts = [c for c in firsts if c.isalpha()]
            if len(firsts) >= 4 and sum(c.islower() for c in firsts) >= 0.6 * len(firsts):
                for ls, le in bodies:
                    for w in CHAT_CAP_WORD_RE.finditer(text, ls, le):
                        t = w.group("name")
                        if (t.lower() in STOP or t.lower() in SPEAKER_LABELS or not (is_first_name(t) or is_surname(t))
                                or zipf(t) >= 4.6 or STREET_AFTER.match(text, w.end())
                                or _CAP_BEFORE.search(text, max(ls, w.start() - 30), w.start())
                                or _CHAT_PLACE_BEFORE.search(text, max(ls, w.start() - 10), w.start())):
                            continue
                        out.append(_res(self, w.start("name"), w.end("name"), 0.55, "capitalised name in a lower-case chat"))
        for m in (QUOTED_LOWER_RE.finditer(text) if ('"' in text or "“" in text) else ()):
            w = m.group("name")
            if w not in STOP and w not in SPEAKER_LABELS and is_first_name(w) and zipf(w) < (4.5 if m.group("kin") else 3.5):
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "lower-case first name in quotes"))
        for m in CAPS_CUE_RE.finditer(text):
            w = m.group("name")
            if _CAPS_WORD_AFTER.match(text, m.end()):
                ls, le = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
                line = text[ls:le if le >= 0 else len(text)]
                if not line.isupper() or not is_name_like(w):
                    continue  # "Spoke to HMRC OFFICE": a phrase in capitals, unless the whole line is in capitals
            if w.lower() not in STOP and w.lower() not in LOG_WORDS and (
                    (is_name_like(w) and zipf(w) < 4.0) or (zipf(w) < 1.5 and len(w) >= 4 and (
                        _caps_line(text, m.start()) is not None or not _ACRONYM_USE.match(text, m.end())))):
                # (a word the gazetteer does not know, in a line in mixed case, followed by a name or a bracket, is
                # an acronym: a role or a service, "Spoke to IDVA Chidinma Eze", "Referred to MASH (Children's ...)")
                out.append(_res(self, m.start("name"), m.end("name"), 0.7, "name in capitals after a cue"))
        for m in LOG_COLUMN_RE.finditer(text):
            w = m.group("name")
            if w.lower() not in STOP and w.lower() not in LOG_WORDS and w.lower() not in SPEAKER_LABELS and (
                    (is_name_like(w) and zipf(w) < 5.5) or (zipf(w) < 2.5 and len(w) >= 4)):
                out.append(_res(self, m.start("name"), m.end("name"), 0.7, "name in a log's author column"))
        for m in APPOSITION_ROLE_RE.finditer(text):
            toks = m.group("name").split()
            if all(t.lower() not in STOP and t.lower() not in SPEAKER_LABELS and (is_name_like(t) or zipf(t) < 3.5) for t in toks):
                out.append(_res(self, m.start("name"), m.end("name"), 0.75, "name with its role in apposition"))
        for m in (PAREN_RELATION_RE.finditer(text) if "(" in text else ()):
            toks = m.group("name").split()
            staff = m.group("staff") is not None  # (stricter: a body named before a job in brackets, "Payroll (HR)")
            if all(t.lower() not in STOP and t.lower() not in SPEAKER_LABELS and (
                    (is_name_like(t) and (zipf(t) < 5.0 or not staff)) or zipf(t) < (2.5 if staff else 3.5)) for t in toks):
                out.append(_res(self, m.start("name"), m.end("name"), 0.75, "name before a relation in brackets"))
        for m in (VIET_MIDDLE_RE.finditer(text) if ("Thi" in text or "Thị" in text or "Văn" in text) else ()):
            # a Vietnamese name with the middle name "Thi"/"Văn": "Vo Thi Hoa", "Tran Van Minh"
            if m.group("a").lower() not in STOP and m.group("b").lower() not in STOP and zipf(m.group("b")) < 4.0:
                out.append(_res(self, m.start(), m.end(), 0.7, "Vietnamese name with a middle name Thi/Van"))
        for m in (VIET_THREE_RE.finditer(text) if _VIET_HINT.search(text) else ()):
            toks = [m.group("a"), m.group("b"), m.group("c")]
            if len({t.isupper() for t in toks if len(t) > 1}) > 1:
                continue  # mixed capitals and title case: not one name
            folded = [_fold(t).lower() for t in toks]
            for sur in (0, 2):
                rest = [t for i, t in enumerate(folded) if i != sur]
                if (folded[sur] in VIET_SURNAMES and all(t not in STOP and zipf(t) < 4.5
                                                          for t in rest)
                        and not PLACE_BEFORE.search(text, max(0, m.start() - 8), m.start())
                        and not _PLACE_AFTER.match(text, m.end())
                        and not _street_after(text, m.end(), toks[0].isupper())):
                    out.append(_res(self, m.start("name"), m.end("name"), 0.6, "Vietnamese name of three syllables"))
                    break
        for m in (CAPTION_RE.finditer(text) if (" v " in text or " v. " in text or "\tv " in text) else ()):
            sides = [m.group("a").split(), m.group("b").split()]
            if all(all(t.lower() not in STOP and t.lower() not in SPEAKER_LABELS and (is_name_like(t) or zipf(t) < 3.0)
                       for t in side) for side in sides) and any(is_name_like(t) for side in sides for t in side):
                for g in ("a", "b"):
                    out.append(_res(self, m.start(g), m.end(g), 0.6, "party to a court case (X v Y)"))
        for m in (LOWER_TITLE_RE.finditer(text) if _HAS_LOWER_TITLE.search(text) else ()):
            w = m.group("name")
            parts = [re.sub(r"^(?:o['’]|mc|mac)", "", p) for p in w.split("-")]
            if (w not in STOP and zipf(w) < 3.5
                    and all(p and (is_surname(p) or is_first_name(p) or zipf(p) < 3.0) for p in parts)):
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "title and name in lower case"))
        for m in (LOWER_TITLE_INITIAL_RE.finditer(text) if _HAS_LOWER_TITLE.search(text) else ()):
            out.append(_res(self, m.start("name"), m.end("name"), 0.55, "title and initial in lower case"))
        for m in CAPS_SURNAME_FIRST_RE.finditer(text):
            sur, given = m.group("sur"), m.group("given").split()
            if (len(sur) > 2 and is_surname(sur) and sur.lower() not in STOP
                    and (not _common(sur) or all("-" in g and is_first_name(g) for g in given))  # ("KIM Seo-yeon")
                    and all(g.lower() in NAME_PARTICLES or (is_first_name(g) and g.lower() not in STOP) for g in given)
                    and any(g.lower() not in NAME_PARTICLES for g in given)
                    and not STREET_AFTER.match(text, m.end())):
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "surname in capitals before the given name"))
        for m in VOCATIVE_RE.finditer(text):
            w = m.group("name")
            if is_first_name(w) and w.lower() not in STOP and zipf(w) < 3.5 and len(w) > 2:
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "first name addressed"))
        for m in RANK_RE.finditer(text):
            span = _trim(m.group("name"), m.start("name"))
            if span:
                out.append(_res(self, span[0], span[1], 0.8, "police rank (and number) before a name"))
        for m in QUOTED_AFTER_RE.finditer(text):
            if not QUOTED_AFTER_CUE.search(text, max(0, m.start() - 20), m.start()):
                continue
            w = m.group("name")
            if all(t.lower() not in STOP and (is_name_like(t) or zipf(t) < 3.0) for t in w.split()):
                out.append(_res(self, m.start("name"), m.end("name"), 0.7, "nickname in quotes after a relation"))
        for m in NICKNAME_RE.finditer(text):
            first = m.group("name").split()[-1]
            if is_first_name(first):
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "nickname (size word and first name)"))
        for m in CAPS_SEQ_RE.finditer(text):
            toks = m.group("name").split()
            f = toks[0]
            if (is_first_name(f) and zipf(f) < 4.0 and f.lower() not in STOP
                    and all(t.lower() not in STOP and (is_name_like(t) or zipf(t) < 3.0) for t in toks[1:])):
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "name in capitals (gazetteer)"))
            elif (is_first_name(f) and zipf(f) < 5.0 and f.lower() not in STOP and f.lower() not in SPEAKER_LABELS
                    and f.lower() not in LOG_WORDS and _rare_surname(toks[-1])
                    and all(t.lower() not in STOP and (is_name_like(t) or zipf(t) < 3.0) for t in toks[1:])
                    and not _street_after(text, m.end(), True)):
                # a first name that is also a word, then a surname rare as a word: "DAWN PICKERING",
                # "GRACE ADJEI-MENSAH" (as "Dawn Pickering" in mixed case)
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "first name and rare surname in capitals"))
            elif len(toks) >= 3:
                sub = _caps_name_in_run(text, m.start("name"), m.end("name"))
                if sub is not None:
                    out.append(_res(self, sub[0], sub[1], 0.6, "first name and surname inside a run of capitals"))
        for m in (list(STATEMENT_PAYEE_RE.finditer(text))
                  + list(STATEMENT_ROW_RE.finditer(text) if _STATEMENT_TYPE.search(text) else ())
                  + list(STATEMENT_ROW_INITIAL_RE.finditer(text) if _DATE_LED_ROW.search(text) else ())):
            if _statement_person(m.group("name")):
                out.append(_res(self, m.start("name"), m.end("name"), 0.7, "payee on a bank statement line"))
                continue
            toks = list(re.finditer(r"\S+", m.group("name")))
            for k in range(len(toks) - 1, 1, -1):
                # a payee, then the payment's reference words: "FPO A RENNIE FOOTBALL SUBS", "FPO NOWAK PIOTR VAN SHARE"
                if _statement_person(" ".join(t.group(0) for t in toks[:k])):
                    e = m.start("name") + toks[k - 1].end()
                    out.append(_res(self, m.start("name"), e, 0.7, "payee, then reference words, on a bank statement line"))
                    break
        for m in (CAPS_INITIAL_DOUBLE_RE.finditer(text) if "-" in text else ()):
            parts = m.group("sur").split("-")
            if all(len(x) > 2 and (is_surname(x) or zipf(x) < 2.0) and zipf(x) < 4.7 and x.lower() not in STOP
                   for x in parts) and any(is_surname(x) for x in parts) and any(
                    zipf(x) < 3.5 for x in parts):  # (one part may be a word: "R. OKONKWO-BELL")
                out.append(_res(self, m.start(), m.end(), 0.6, "initial and double-barrelled surname in capitals"))
        for m in INITIAL_SURNAME_RE.finditer(text):
            sur = m.group("sur")
            parts = [x for x in re.split(r"-", sur) if x]
            if (is_surname(sur) and not _common(sur)) or (len(parts) > 1 and all(
                    is_name_like(x) and not _common(x) for x in parts)):  # double-barrelled: "R. Ahmed-Shah"
                out.append(_res(self, m.start(), m.end(), 0.6, "initial and surname (gazetteer)"))
            elif (len(parts) == 1 and len(sur) >= 5 and not is_first_name(sur) and zipf(sur) < 1.0
                    and not _DESIGNATOR_BEFORE.search(text, max(0, m.start() - 14), m.start())
                    and not _street_after(text, m.end()) and not PLACE_BEFORE.search(text, max(0, m.start() - 8), m.start())):
                # an initial and a word unknown to English, which the gazetteer lacks: "K. Szymańska", "T Oyelowo-"
                out.append(_res(self, m.start(), m.end(), 0.55, "initial and a surname unknown to English"))
        for m in SEQ_RE.finditer(text):
            toks = [(t.start(), t.end(), t.group(0)) for t in re.finditer(r"\S+", m.group("name"))]
            base = m.start("name")
            # "Janet Colquhoun Payroll": a trailing ordinary word is not part of the name
            while len(toks) > 2 and not (is_first_name(toks[-1][2]) or is_surname(toks[-1][2])) and zipf(toks[-1][2]) >= 3.0:
                toks.pop()
            # "Ask Nasrin Hosseini": a leading ordinary word (a sentence's first word) is not part of the name
            while len(toks) > 2 and not is_name_like(toks[0][2]) and zipf(toks[0][2]) >= 3.0:
                toks.pop(0)
            if len(toks) >= 2 and all(len(t) >= 3 and zipf(t) < 1.5 and t.lower() not in STOP for _, _, t in toks) and \
                    not PLACE_BEFORE.search(text, max(0, base + toks[0][0] - 8), base + toks[0][0]) and \
                    not STREET_AFTER.match(text, base + toks[-1][1]):
                # two or more capitalised words that are not English words at all ("Tesfaldet Ghebremedhin"):
                # a name the gazetteer does not know; weak, so it is flagged for review
                out.append(_res(self, base + toks[0][0], base + toks[-1][1], 0.5, "capitalised words unknown to English"))
                continue
            if len(toks) >= 2:
                # First Surname (Middle)
                f, l = toks[0][2], toks[-1][2]
                dbl = _double_surname(l)  # round 24N: "Jordan Maguire-Tate", a double-barrelled surname
                if is_first_name(f) and not _common(f) or (is_first_name(f) and zipf(f) < 5.2 and (is_surname(l) or dbl) and not _common(l)):
                    if (is_surname(l) or dbl or zipf(l) < 3.0) and l.lower() not in STOP:
                        out.append(_res(self, base + toks[0][0], base + toks[-1][1], 0.7, "first name and surname (gazetteer)"))
                        continue
            if len(toks) == 2:
                # a given name the gazetteer lacks before a rare surname it knows: "Hamdi Warsame"
                f, l = toks[0][2], toks[1][2]
                if (len(f) >= 3 and f.isalpha() and not f.isupper() and zipf(f) < 3.0 and f.lower() not in STOP
                        and is_surname(l) and zipf(l) < 3.0 and l.lower() not in STOP
                        and not PLACE_BEFORE.search(text, max(0, base + toks[0][0] - 8), base + toks[0][0])
                        and not STREET_AFTER.match(text, base + toks[-1][1])):
                    out.append(_res(self, base + toks[0][0], base + toks[-1][1], 0.7, "rare word and a rare surname"))
                    continue
            for s, e, t in toks:
                if is_first_name(t) and zipf(t) < 3.2 and t.lower() not in STOP and len(t) > 2:
                    out.append(_res(self, base + s, base + e, 0.5, "first name (gazetteer), rare as a word"))
        out += caps_log_names(self, text)
        out += caps_frame_names(self, text, out)
        out += role_is_names(self, text)
        out += signoff_names(self, text)
        out += assigned_names(self, text)
        out += dotted_initial_names(self, text)
        out += log_author_names(self, text)
        out += staff_cue_initial_names(self, text)
        out += relation_paren_names(self, text)
        out += signature_initial_names(self, text)
        out += self_declared_names(self, text)
        out += gave_name_names(self, text)
        out += home_run_on_names(self, text)
        out += in_the_name_names(self, text)
        out += form_caps_names(self, text)
        ner = [(e.start_char, e.end_char) for e in (getattr(nlp_artifacts, "entities", None) or ())
               if getattr(e, "label_", "") == "PERSON"]
        speakers = [m.span("name") for m in chat] if bodies else []
        if not bodies and _lower_case_text(text):
            bodies = [_line_span(text, m.start()) for m in re.finditer(r"(?m)^(?=.*\S)", text)]  # a note in lower case
        elif not bodies:
            # a long line written in lower case in a text that is not ("rang re cal fraser - spoke to his landlady
            # ... now staying with a stefan somewhere in leith. her son Ruairidh ...")
            bodies = [(m.start(), m.end()) for m in re.finditer(r"(?m)^[^\n]{100,}$", text)
                      if _lower_case_line(m.group(0))]
        if bodies:
            out += chat_frame_names(self, text, bodies, out, ner)
        out += title_frame_names(self, text, out, ner)
        out += table_column_names(self, text)
        out += document_mentions(self, text, out, bodies, nlp_artifacts, speakers)
        # kept for the analyzer: Presidio drops a result inside a higher-scored NER span, and when the
        # analyzer then rejects that NER span the name found here must not be lost with it
        if "CARD" in text or "POS" in text or "VIS" in text or "DEB" in text or "ard " in text:
            out = [r for r in out if not card_payee(text, r.start)]  # a shop and its town on a card payment's line
        self.last = (page, out)  # (the page as given: the analyzer knows it by identity)
        return out


# ---------------------------------------------------------------------- round 14: a table's name columns
_CELL_SPLIT = re.compile(r"[ \t]*(?:\t|\||[ ]{2,})[ \t]*")
_NAME_HEADER = re.compile(r"(?i)^(?:surname|last[ ]name|family[ ]name|forenames?|first[ ]names?|given[ ]names?|"
                          r"(?:full[ ]|employee[ ]|staff[ ]|member[ ]|person[ ]|contact[ ])?name|employee|staff[ ]member|"
                          r"supervisor|manager|(?:signed[ ]off|approved|authori[sz]ed|checked|completed)[ ]by|"
                          # a log's column of who made the entry: "Officer", "Caseworker", "Agent", "Handled by"
                          r"officer|caseworker|case[ ]worker|agent|adviser|advisor|author|operator|"
                          r"(?:created|entered|handled|logged|updated|actioned|added|recorded)[ ]by)$")
_OTHER_HEADER = re.compile(r"(?i)^(?:role|job|position|relationship|relation|hours|date|amount|department|team|shift|line|"
                           r"age|title|address|phone|signature|notes?|initials|grade|site|location)$")
# words a name column holds that are no one's name
_TABLE_NOT_NAMES = frozenset({"total", "totals", "none", "n/a", "tbc", "tba", "vacant", "unknown", "name", "surname",
                              "forename", "agency", "staff", "employee", "various", "all", "cover", "nil", "same"})
_TABLE_HEADER_HINT = re.compile(r"(?im)^[^\n]*\b(?:surname|forenames?|first[ ]name|name|employee)\b[^\n]*$")
# (a log's staff column only as a cell of its own: these words are common in prose; run on the text in lower case,
# which the regex engine scans much faster than a case-blind alternation)
_STAFF_HEADER_HINT = re.compile(r"(?:officer|caseworker|case worker|agent|advis[eo]r|author|operator|"
                                r"(?:created|entered|handled|logged|updated|actioned|added|recorded) by)"
                                r"(?=[ \t]*(?:\n|\t|\||  |$))")


def _cells(line: str, base: int) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    stripped = line.rstrip()
    for m in _CELL_SPLIT.finditer(stripped):
        if m.start() > pos:
            out.append((base + pos, base + m.start(), stripped[pos:m.start()]))
        pos = m.end()
    if pos < len(stripped):
        out.append((base + pos, base + len(stripped), stripped[pos:]))
    return [c for c in out if c[2].strip() and c[2].strip() != "|"]


def _written_as_name(cell: str) -> bool:
    words = cell.strip().split()
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() and w.lower() not in STOP and not _NAME_HEADER.match(w) and not _OTHER_HEADER.match(w)
        and (is_name_like(w) or zipf(w) < 3.0) for w in words)


def table_column_names(rec, text: str) -> list:
    """A table whose header names its name columns ("Surname   Forename   Role", "| Employee | Hours |"): the
    cells under them that are written as names (every word a name or no English word), even when the lists
    do not know them ("THAPA   Bishnu")."""
    out = []
    if "\n" not in text or not (_TABLE_HEADER_HINT.search(text) or _STAFF_HEADER_HINT.search(text.lower())):
        return out
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"(?m)^[^\n]*$", text)]
    k = 0
    while k < len(lines):
        ls, line = lines[k]
        head = _cells(line, ls)
        cols = [j for j, c in enumerate(head) if _NAME_HEADER.match(c[2].strip())]
        if len(head) == 2 and cols and not all(j in cols or _OTHER_HEADER.match(c[2].strip()) for j, c in enumerate(head)):
            cols = []  # a form's label and its value ("Name            KAZLAUSKAS TOMAS"), not a table's header
        # "Name      Emeka Obi          Name      Ann Obi": a form's label and a name beside it, side by side
        cols = [j for j in cols if not (j + 1 < len(head) and _written_as_name(head[j + 1][2]))]
        if len(head) < 2 or not cols:
            k += 1
            continue
        k += 1
        while k < len(lines) and set(lines[k][1].strip()) <= set("-=|+ \t") and lines[k][1].strip():
            k += 1  # a rule under the header
        while k < len(lines) and lines[k][1].strip():
            row = _cells(lines[k][1], lines[k][0])
            if abs(len(row) - len(head)) <= 1:
                for j in cols:
                    if j >= len(row):
                        continue
                    s, e, cell = row[j]
                    words = cell.strip().split()
                    if not 1 <= len(words) <= 3 or not all(w.replace("-", "").replace("'", "").isalpha() for w in words):
                        continue
                    if not all(w[:1].isupper() for w in words) or any(w.lower() in _TABLE_NOT_NAMES for w in words):
                        continue
                    if all(w.lower() not in STOP for w in words) and all(
                            (is_name_like(w) and zipf(w) < 4.5) or zipf(w) < 3.5 for w in words):
                        lead = len(cell) - len(cell.lstrip())
                        out.append(_layout_res(rec, s + lead, s + lead + len(cell.strip()), 0.6, "name in a table's name column"))
            k += 1
    return out


# ---------------------------------------------------------------------- round 11: a name's place in its sentence
from recognizers.gazetteer import NAME_PARTICLES as _GAZ_PARTICLES  # noqa: E402
# Words that are also first names ("will", "mark", "rose", "bill", "hope", "penny", "may") read as names only
# where their ordinary sense does not fit the words around them. Evidence for a person: a verb that takes a
# person before it ("ask mark", "tell hope", "a man called ray", "talking to rose"), coordination with a
# person ("me and sonny", "will n rob", "jade, kayleigh and tom"), a possessive ("will's site"), a person's
# place after it ("may from work", "joy at the nursery", "bill next door"). Evidence against: a determiner
# or a subject pronoun before it ("the gas bill", "i hope", "no joy"), an object after it ("mark my words"),
# "be"/"at"/"in"/"of" before it ("to be frank", "at dawn", "in summer"), a modal's verb after it ("will do").
_FRAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]")
_F_DETS = frozenset({"the", "a", "an", "my", "your", "ur", "his", "her", "our", "their", "this", "that", "these",
                     "those", "some", "any", "every", "each", "no", "what", "which", "whose", "another", "per", "gas",
                     "phone", "electric", "water", "council", "tax", "last", "next", "one", "good", "new", "old",
                     "big", "of", "in", "on", "at", "be", "been", "being", "such", "much", "more", "less"})
_F_SUBJ = frozenset({"i", "you", "u", "he", "she", "it", "we", "they", "who", "there", "ill", "youll", "hell", "shell",
                     "itll", "well", "theyll", "id", "youd", "im", "i'll", "i'd", "we'll", "you'll", "they'll",
                     "he'll", "she'll", "it'll", "also", "just", "really", "only", "to", "not", "never", "please",
                     "dont", "don't", "cant", "can't", "wont", "won't"})
_F_OBJ_AFTER = frozenset({"my", "your", "ur", "his", "her", "their", "our", "the", "a", "an", "them", "him", "me", "us",
                          "it", "you", "u", "this", "these", "those", "some", "any", "so", "not", "that",
                          "you're", "youre", "you’re", "youve", "you've", "everyone", "everything",
                          "of", "up", "out", "off"})
_F_MODALS = frozenset({"will", "may", "might", "must", "shall", "can"})
_F_VERBS_AFTER = frozenset({
    "says", "said", "is", "was", "has", "had", "told", "tells", "reckons", "knows", "knew", "wants", "does", "did",
    "rang", "rings", "texted", "texts", "lives", "lived", "works", "worked", "thinks", "thought", "aint", "isnt",
    "isn't", "wasnt", "wasn't", "wont", "won't", "cant", "can't", "doesnt", "doesn't", "didnt", "didn't", "hasnt",
    "hasn't", "might", "would", "could", "should", "sent", "gave", "got", "paid", "owes", "helped", "asked", "saw",
    "called", "messaged", "came", "went", "left", "moved", "drives", "does", "do", "are", "were", "both", "dropped",
    "picked", "brought", "took", "keeps", "kept", "started", "stopped", "shes", "hes", "she's", "he's", "pays",
    "gets", "goes", "comes", "takes", "makes", "needs", "sees", "tells", "buys", "sells", "runs", "helps", "likes",
    "loves", "hates", "calls", "sends", "picks", "drops", "brings", "reckoned", "lives", "used", "wants", "will",
    "won", "lost", "bought", "sold", "made", "ran"})
_F_STRONG_BEFORE = frozenset({"ask", "asked", "asking", "tell", "told", "telling", "rang", "texted", "messaged",
                              "phoned", "met", "called", "named"})
# round 24N: a person's relation to someone, between a possessive and the person's first name ("ur mate jodie")
_F_RELATION_NOUNS = frozenset({"mate", "mates", "pal", "friend", "bestie", "brother", "bro", "sister", "sis", "cousin",
                               "mum", "mam", "mom", "dad", "nan", "nana", "gran", "grandma", "grandad", "auntie",
                               "aunty", "aunt", "uncle", "niece", "nephew", "son", "daughter", "boyfriend",
                               "girlfriend", "bf", "gf", "partner", "missus", "wife", "husband", "fella", "neighbour",
                               "colleague", "boss", "landlord", "landlady", "stepdad", "stepmum", "stepson",
                               "stepdaughter"})
_F_POSS_BEFORE_RELATION = frozenset({"my", "ur", "your", "his", "her", "their", "our", "me"})
_F_GREETING = frozenset({"hi", "hiya", "hey", "thanks", "ta", "cheers", "bye", "morning", "night", "love"})
# what a person's possessive is usually of, in these documents: "will's site", "pats van", "bill's mum"
_F_POSSESSED = frozenset({
    "mum", "mam", "mom", "dad", "nan", "nana", "sister", "brother", "missus", "wife", "husband", "girlfriend",
    "boyfriend", "gf", "bf", "partner", "ex", "mate", "mates", "cousin", "family", "house", "place", "flat", "car",
    "van", "kids", "son", "daughter", "baby", "auntie", "uncle", "site", "yard", "garage", "shop", "work", "job",
    "number", "phone", "mobile", "address", "party", "birthday", "wedding", "funeral", "lad", "lass", "boy", "girl",
    "husbands", "new", "old", "for", "till", "tonight", "tomorrow", "on", "at", "now", "again", "and", "n", "&"})
_F_SPEECH_BEFORE_TO = frozenset({"talk", "talking", "talked", "speak", "speaking", "spoke", "spoken", "chat",
                                 "chatting", "said", "say", "explained", "complained", "lied", "sent",
                                 "gave", "give", "lent", "owes", "married", "engaged", "introduced", "hello", "hi"})
_F_PREP_BEFORE = frozenset({"with", "for", "from", "by"})
_F_STILL_WHERE = frozenset({"with", "at", "living", "seeing", "working", "in", "there", "around", "together", "going",
                            "coming", "staying", "dating"})
_F_THAT_NAME_BEFORE = frozenset({"with", "see", "saw", "seen", "and", "to", "from", "like", "trust", "believe", "about"})
_F_FINITE_AFTER = frozenset({"is", "was", "has", "had", "says", "said", "does", "did", "isnt", "isn't", "wasnt", "wasn't",
                             "doesnt", "doesn't", "didnt", "didn't", "hasnt", "hasn't", "told", "wants", "knows", "thinks"})
_F_TASK_VERBS = frozenset({"does", "did", "sorts", "sorted", "handles", "handled", "runs", "ran", "pays", "paid", "takes",
                           "took", "minds", "watches", "cuts", "cleans"})
_F_WEAK_DETS = frozenset({"which", "that", "this", "what", "whose"})
_F_PERSON_NOUN_AFTER = frozenset({"guy", "bloke", "lad", "girl", "woman", "fella", "fellow", "geezer", "lass", "chap",
                                  "boy", "man", "dude", "lady"})
_F_PERSON_OBJ = frozenset({"help", "helping", "helped", "visit", "visiting", "visited", "see", "seeing", "seen",
                           "meet", "meeting", "blame", "blamed", "trust", "believe", "ringing", "calling",
                           "texting", "messaging", "married", "marry", "dating", "babysit", "babysitting"})
_F_PAIR_PRONOUNS = frozenset({"me", "him", "her", "them", "us", "you", "u"})
_F_CONJ = frozenset({"and", "n", "&", ",", "or"})
_F_BOUNDARY = frozenset({".", ",", "!", "?", ";", ":", "-", "–", ")", "x", "xx"})


def _frame_tokens(text: str, ls: int, le: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower()) for m in _FRAME_TOKEN.finditer(text, ls, le)]


def _is_name_at(toks, j: int, names: list[tuple[int, int]], known=frozenset()) -> bool:
    if j < 0 or j >= len(toks):
        return False
    s, e, w = toks[j]
    if any(a < e and s < b for a, b in names) or w in known:
        return True
    return w.isalpha() and w not in STOP and is_first_name(w) and zipf(w) < 3.5


_F_OBJECTS = frozenset({"my", "your", "ur", "his", "her", "their", "our", "the", "a", "an", "them", "him", "me", "us", "it"})


def _first_name_word(w: str) -> bool:
    return bool(w) and w.isalpha() and w not in STOP and w not in _F_MODALS and is_first_name(w) and zipf(w) < 5.5


def _verb_within(toks, k: int, last: int | None = None) -> bool:
    """Is there a verb of speech or action among ``toks[k:]`` within three words, before any boundary
    ("at the nursery said")?"""
    last = k + 2 if last is None else last
    while k < len(toks) and k <= last and toks[k][2] not in _F_VERBS_AFTER and toks[k][2] not in _F_BOUNDARY \
            and toks[k][2] not in _F_CONJ:
        k += 1
    return k < len(toks) and k <= last and toks[k][2] in _F_VERBS_AFTER


def name_frame(toks, i: int, names: list[tuple[int, int]], known=frozenset(), caps: bool = False) -> tuple[int, bool]:
    """(evidence for a person, evidence against) for the word ``toks[i]`` from its neighbours (lower-cased
    tokens of one message or line). ``names`` are spans already taken for people in the same text, ``known``
    words already taken for names in it; ``caps``: a line of a log written in capitals."""
    w = toks[i][2]
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    p = toks[i - 1][2] if i >= 1 else ""
    p2 = toks[i - 2][2] if i >= 2 else ""
    n = toks[i + 1][2] if i + 1 < len(toks) else ""
    n2 = toks[i + 2][2] if i + 2 < len(toks) else ""
    poss = n in ("'s", "’s") or toks[i][2].endswith(("'s", "’s"))
    if p == "no" and (i < 2 or p2 in _F_BOUNDARY) and n in ("at", "from") and zipf(w) < 4.0 and _verb_within(toks, i + 2):
        p, p2 = "", ""  # "no amber at the cms said ...": the answer "no", then a person who says something
        # (not a word common in English: "no joy at the council said")
    that_name = (p in ("that", "a") and p2 in _F_THAT_NAME_BEFORE and w.isalpha() and is_first_name(w)
                 and zipf(w) < (3.5 if p == "that" else 4.0)
                 and (n == "" or n in _F_BOUNDARY or n in ("from", "at", "who", "whos", "who's", "somewhere")))
    # round 22: "that ashley guy is a clown", "this kelly woman": a first name between "that" and a noun for a person
    that_noun = (p in ("that", "this") and n in _F_PERSON_NOUN_AFTER and w.isalpha() and is_first_name(w)
                 and zipf(w) < 5.0 and w not in _F_MODALS)
    that_name = that_name or that_noun
    # against
    if p in _F_DETS and not (poss and p in ("at", "in", "on", "of", "from", "to")) and not (
            p in _F_WEAK_DETS and w in known and zipf(w) < 4.0) and not that_name or p in _F_SUBJ and p != "to":
        return 0, True  # (but "at will's site", "which stefan?" where "stefan" is a name elsewhere)
    if p in ("is", "was", "its", "it's") and p2 in ("it", "this", "that", "there", "what"):
        return 0, True  # "it is may", "this was summer"
    if p == "to" and p2 not in _F_SPEECH_BEFORE_TO and not (n == "" or n in _F_BOUNDARY or n in ("at", "from", "about")):
        return 0, True  # "to mark the forms", "to bill you"
    if n in _F_OBJ_AFTER and not poss:
        return 0, True  # "mark my words", "hope so", "rob the place"
    if w in _F_MODALS and not poss and not (n == "" or n in _F_BOUNDARY or n in _F_CONJ or n in ("from", "at", "next", "with", "in")
                               or n in _F_VERBS_AFTER and n not in ("do", "are", "were", "both", "might", "would",
                                                                      "could", "should")):
        return 0, True  # "will do", "may be", "i will ring": a modal before its verb
    if p == "st" or p == "." and p2 == "st":
        return 0, True  # "St Mark's"
    pos = 0
    if that_name:
        pos += 2  # "is he still with that irina", "that sunil from the club": a person spoken of with scorn;
        # "staying with a stefan somewhere": someone of that name
    if (w in _F_MODALS and w in known and n in _F_FINITE_AFTER
            and (i == 0 or p in _F_BOUNDARY or p in _F_CONJ or p in ("so", "but"))):
        pos += 2  # "may is lovely", "will says no" where the text names may elsewhere: a modal is never
        # followed by a finite verb, a name is (but "may is always busy", "will is being read": a month, a will)
    if ((i == 0 or p in _F_BOUNDARY) and n in _F_TASK_VERBS and n2 in ("my", "our")
            and not (i + 3 < len(toks) and toks[i + 3][2] in ("head", "nut"))):
        pos += 1  # "rose does my wages": who does the writer's task (not "does my head in")
    if (p in ("is", "was", "isnt", "wasnt") and (i < 2 or p2 in _F_BOUNDARY or p2 in ("so", "and", "but")) and n == "still"
            and n2 in _F_STILL_WHERE):
        pos += 2  # "is lee still with that Stacey", "was dean still living there": a person's whereabouts asked
    if p in _F_STRONG_BEFORE:
        pos += 2
    elif p in _F_RELATION_NOUNS and p2 in _F_POSS_BEFORE_RELATION:
        pos += 2  # round 24N: a relation named, then who it is: "tell ur mate jodie", "his brother seany", "my cousin khoa"
    elif p in _F_GREETING:
        pos += 1  # "hi will" (but "hi sunshine", "thanks man")
    elif p == "," and p2 in _F_GREETING and (n == "" or n in _F_BOUNDARY):
        pos += 1  # "thanks, fang." - addressed at a message's end
    elif p == "to" and p2 in _F_SPEECH_BEFORE_TO:
        pos += 2  # "talking to rose", "spoke to penny"
    elif p in _F_PREP_BEFORE:
        pos += 1
    elif p in ("is", "its", "it's", "thats", "that's") and p2 in ("who", "where", "how", "not", "thats", "that's"):
        pos += 2  # "who is will?"
    elif p in _F_PERSON_OBJ:
        pos += 1  # "helping grace move", "did u see dean"
    if n in ("who", "whos", "who's"):
        pos += 2 if zipf(w) < 4.5 else 1  # "Shields who does the nights": "who" follows a person (not "guy who")
    if w in known and (n == "" or n in (".", "!", "?", "x", "xx")) and p not in _F_CONJ:
        pos += 1  # a name known in the text, at a message's end: "summer is only 15 dean."
    if caps and n == "to" and (i == 0 or p in _F_BOUNDARY):
        pos += 1  # a log's action for a person: "WOOD TO ACTION", "HOPE TO REVIEW ON RETURN"
    if p in _F_CONJ and (p != "," or n == "" or n in _F_BOUNDARY or n in _F_CONJ) and (
            _is_name_at(toks, i - 2, names, known) or p2 in _F_PAIR_PRONOUNS and p != ","):
        pos += 2  # "me and sonny", "her and andrei", "kayleigh and tom" (not "Carol Bird, said")
    elif p in _F_CONJ and p != "," and _first_name_word(p2):
        pos += 1  # "jack and miles": two first names coordinated
    if n in _F_CONJ and n2 and (_is_name_at(toks, i + 2, names, known) or (
            n != "," and i + 2 < len(toks) and n2 not in STOP and is_first_name(n2) and n2 not in _F_MODALS
            and zipf(n2) < 4.5 and (i + 3 >= len(toks) or toks[i + 3][2] not in _F_OBJ_AFTER))):
        pos += 2  # "will n rob both do ...", "ray, penny, whoever"
    elif n in _F_CONJ and n != "," and _first_name_word(n2) and (i + 3 >= len(toks) or toks[i + 3][2] not in _F_OBJECTS):
        pos += 1  # "with jack and miles"
    if poss:
        # "will's site", "bill's mum" (but "China's exports", "wendy's calling": a place, a firm, "is")
        after = toks[i + 2][2] if n in ("'s", "’s") and i + 2 < len(toks) else n
        pos += 2 if after in _F_POSSESSED else 1
    if (n in ("from", "at") and n2 not in _F_PAIR_PRONOUNS and n2 not in ("it", "all", "least", "last", "first", "once")
            or (n == "next" and n2 == "door")):
        pos += 1  # a person's place: "may from work", "joy at the nursery", "bill next door"
        if _verb_within(toks, i + 2):
            pos += 1  # "... at the nursery said"
    elif n in _F_VERBS_AFTER and (i == 0 or p in _F_BOUNDARY or p in _F_CONJ or p in ("so", "and", "but", "tho", "lol")):
        pos += 1  # a message's subject: "bill is a star", "mark wont say owt"
    return pos, False


# a line in capitals (a case log): the share of its letters that are capitals
def _caps_line(text: str, s: int) -> tuple[int, int] | None:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    up = len(_UPPER_CHARS.findall(line))
    if up >= 11 and len(_LOWER_CHARS.findall(line)) <= up / 9:
        return ls, le
    return None


_UPPER_CHARS = re.compile(r"[^\W\d_a-zß-ÿ]")
_LOWER_CHARS = re.compile(r"[a-zß-ÿ]")


# a name in a capitals log after a role: "PP'S LANDLORD STONE CAN CONFIRM", "RP'S MOTHER GULSEN",
# "NEW EMPLOYER IS PRICE", "TEAM LEADER J HOPE", "INTERPRETER MEHMET YILDIZ"
CAPS_ROLE_RE = re.compile(
    r"\b(?:(?:PP|RP|NRP|PWC|CLIENT|CALLER|HER|HIS|THEIR|MY)['’]?S?[ \t]+)?(?:NEW[ \t]+|EX[- ]?)?"
    r"(?:MOTHER|FATHER|SISTER|BROTHER|MUM|DAD|PARTNER|LANDLORD|LANDLADY|EMPLOYER|NEIGHBOUR|FRIEND|COUSIN|AUNT|"
    r"UNCLE|INTERPRETER|ACCOUNTANT|SOLICITOR|MANAGER|TEAM[ \t]+LEADER|SUPERVISOR|COLLEAGUE|BOSS|FOREMAN|GP|"
    r"CARETAKER|DRIVER|LODGER|GIRLFRIEND|BOYFRIEND|WIFE|HUSBAND)(?:[ \t]+IS)?[:,]?[ \t]+"
    r"(?P<name>(?:[A-Z]\.?[ \t]+)?(?P<w>[A-Z][A-Z'’\-]{1,}))(?![\w\-])"
)
# a surname in capitals between a preposition and a person's place or a reference: "FOR BAKER AT THE CAR PARK",
# "CALLBACK FROM HOPE RE THE DEO", "REVIEWED WITH WOOD (COMPLIANCE)", "SAYS BIRD AT THE JOBCENTRE"
CAPS_PREP_AFFIL_RE = re.compile(
    r"\b(?:FOR|FROM|WITH|BY|SAYS|SAID|TOLD|ASKED|AND)[ \t]+(?P<name>(?P<w>[A-Z][A-Z'’\-]{2,}))"
    r"(?=[ \t]*\(|[ \t]+AT[ \t]+THE\b|[ \t]+RE\b|[ \t]+[-–][ \t])"
)
# an initial and a surname in capitals: "SIGNED R SHIELDS", "COPY TO TEAM LEADER J HOPE"
# a name in capitals with its role in brackets: "IONESCU (INTERPRETER)", "HUGHES (RP'S LANDLORD)"
CAPS_PAREN_ROLE_RE = re.compile(
    r"(?<![\w'’\-])(?P<name>(?P<w>[A-Z][A-Z'’\-]{2,}))[ \t]*\((?:[A-Z'’]+[ \t]+){0,2}(?:INTERPRETER|SOLICITOR|MOTHER|"
    r"FATHER|SISTER|BROTHER|COUSIN|AUNT|UNCLE|LANDLORD|LANDLADY|FRIEND|NEIGHBOUR|PARTNER|EMPLOYER|ACCOUNTANT|CARETAKER|"
    r"MANAGER|SUPERVISOR|FOREMAN|COMPLIANCE|TEAM[ \t]+LEADER|TL|CW|CASEWORKER|ADVISER|ADVISOR|SOCIAL[ \t]+WORKER|"
    r"GP|NURSE|HEALTH[ \t]+VISITOR|TEACHER|HEADTEACHER|WITNESS)\)"
)
# a police officer by rank (and collar number) with the surname in capitals: "PC 4471RG HOLLOWAY", "BY DS OKAFOR"
CAPS_RANK_RE = re.compile(
    r"(?<![\w'’])(?:PC|PCSO|WPC|DC|DS|PS|DI|DCI|SGT|INSP)\.?[ \t]+(?:\d{2,6}[A-Z]{0,3}[ \t]+)?"
    r"(?P<name>(?:[A-Z]\.?[ \t]+)?(?P<w>[A-Z][A-Z'’\-]{2,}))(?![\w\-])"
)
CAPS_INITIAL_SURNAME_RE = re.compile(r"(?<![\w.'’\-&])(?P<name>[B-HJ-Z]\.?[ \t](?P<w>[A-Z]{3,}(?:-[A-Z]{2,})?))(?![\w\-'’])")
_CAPS_FUNC_AFTER = frozenset({"to", "at", "re", "by", "and", "from", "for", "with", "says", "said", "told", "can",
                              "will", "is", "was", "has", "had", "called", "rang", "states", "stated", "confirmed",
                              "who", "on", "in", "of", "&", "not", "also", "agreed", "advised", "asked", "says",
                              "could", "would", "should", "did", "does", "to", "emailed", "wrote", "phoned",
                              # a log's verbs after its subject: "HIS WIFE FARZANA ATTENDED"
                              "attended", "arrived", "left", "confirms", "declined", "refused", "visited", "came",
                              "went", "paid", "sent", "signed", "works", "worked", "lives", "lived", "moved",
                              "explained", "reported", "disputed", "accepted", "denied", "says", "rang", "texted",
                              "collected", "dropped", "answered", "returned", "requested", "wants", "needs",
                              "present", "absent", "joined"})


# answers in a log that are no names: "EMPLOYER IS SELF", "PARTNER IS UNKNOWN"
_CAPS_NOT_NAMES = frozenset({"self", "none", "unknown", "same", "other", "not", "no", "yes", "nil", "tbc", "n/a", "na",
                             "still", "also", "now", "currently", "pregnant", "unemployed", "deceased", "abroad"})


def _caps_word_ok(w: str, max_zipf: float) -> bool:
    lw = w.lower()
    if (lw in STOP or lw in LOG_WORDS or lw in SPEAKER_LABELS or lw in _F_MODALS or lw in _CHAT_KIN_LABELS
            or lw in _CAPS_NOT_NAMES):
        return False
    parts = [x for x in lw.split("-") if x]
    if not parts:
        return False
    return all((is_name_like(x) and zipf(x) < max_zipf) or (zipf(x) < 2.0 and len(x) >= 4) for x in parts)


def _caps_next_ok(text: str, e: int) -> bool:
    """After a capitals surname: a function word, a bracket or the end, not another content word
    ("STONE WALL", "PRICE LIST")."""
    m = re.match(r"[ \t]*([A-Za-z'’]+|\S)?", text[e:e + 40])
    nxt = (m.group(1) or "") if m else ""
    if not nxt or not nxt[:1].isalpha():
        return True
    return nxt.lower() in _CAPS_FUNC_AFTER or is_name_like(nxt) and zipf(nxt) < 4.0


_CAPS_NEXT_WORD = re.compile(r"[ \t](?P<x>[A-Z][A-Z'’\-]+)(?![\w\-])")


# a log's action assigned to a person: "CASE TO FIU. FOX TO REVIEW.", "Agreed: Wood to action."
ASSIGN_RE = re.compile(
    r"(?:^|(?<=[.;:!?])[ \t]+|(?<=[ \t]{2}))(?P<name>[A-Z][A-Za-z'’\-]{2,})[ \t]+(?i:to)[ \t]+"
    r"(?i:review|action|chase|call|ring|phone|check|write|send|follow[ \t]+up|update|contact|decide|authorise|approve|"
    r"arrange|confirm|discuss|refer|assess|investigate|reply|respond|visit|complete|sign)\b", re.M
)
_ASSIGN_ROLES = frozenset({"manager", "team", "supervisor", "caseworker", "officer", "adviser", "advisor", "client",
                           "agent", "staff", "compliance", "legal", "finance", "payroll", "admin", "system", "someone",
                           "nobody", "who", "what", "need", "needs", "plan", "unable", "able", "going", "due", "back",
                           "ok", "okay", "agreed", "decided", "asked", "told", "wants", "want", "tried", "try",
                           "rp", "pp", "tl", "cw", "fiu", "hmrc", "dwp", "cms", "court", "letter", "file"})


def assigned_names(rec, text: str) -> list:
    out = []
    for m in ASSIGN_RE.finditer(text):
        w = m.group("name")
        if w.lower() in _ASSIGN_ROLES or not (w.isupper() or w[1:].islower()):
            continue
        if w.isupper() and _caps_line(text, m.start()) is None:
            continue
        if _caps_word_ok(w, 5.0 if w.isupper() else 4.5) and is_name_like(w):
            out.append(_res(rec, m.start("name"), m.end("name"), 0.6, "a log's action assigned to a person"))
    return out


def caps_log_names(rec, text: str) -> list:
    out = []
    for rx, why, max_z in ((CAPS_ROLE_RE, "name in capitals after a role", 5.5),
                           (CAPS_PREP_AFFIL_RE, "surname in capitals before a person's place", 5.3),
                           (CAPS_INITIAL_SURNAME_RE, "initial and surname in capitals", 5.5),
                           (CAPS_PAREN_ROLE_RE, "name in capitals before its role in brackets", 5.3),
                           (CAPS_RANK_RE, "police rank before a surname in capitals", 5.0)):
        for m in rx.finditer(text):
            if _caps_line(text, m.start()) is None and not (rx is CAPS_RANK_RE and m.group("w").isupper()):
                continue
            w = m.group("w")
            if not _caps_word_ok(w, max_z) or not _caps_next_ok(text, m.end("name")):
                continue
            end = m.end("name")
            for t in _CAPS_NEXT_WORD.finditer(text, end):  # "INTERPRETER MEHMET YILDIZ ARRANGED"
                if t.start() != end:
                    break
                x = t.group("x")
                if x.lower() in STOP or x.lower() in _CAPS_FUNC_AFTER or not (
                        is_name_like(x) and zipf(x) < 4.0 or zipf(x) < 2.0 and len(x) >= 4):
                    break
                end = t.end()
            if _street_after(text, end, True):
                continue
            out.append(_res(rec, m.start("name"), end, 0.65, why))
    return out


_WHO_QUESTION = re.compile(r"(?i)\bwho(?:['’]?s|[ \t]+(?:is|was|are|were|did|does|do|has|will|can))?\b[^.!]*\?|(?:^|:)[ \t]*who\b")


_SELF_INTRO_WORDS = frozenset({"its", "it's", "it’s", "im", "i'm", "i’m", "hi", "hiya", "hello", "yeah", "yes", "ya"})


# round 24N: the verbs after a person as a sentence's subject in a chat ("Duc said", "Kasia was rude")
_F_SUBJECT_VERBS = frozenset({"said", "says", "told", "was", "is", "will", "wants", "wanted", "came", "comes", "went",
                              "rang", "texted", "called", "knows", "thinks", "asked", "lives", "works", "has", "had"})
# round 24N: from this frequency a lower-case word is one of the commonest of English ("said", "home", "long")
_VERY_COMMON_ZIPF = 5.5


def chat_frame_names(rec, text: str, bodies: list[tuple[int, int]], found: list, ner=()) -> list:
    """A chat message's word that is a first name (or, capitalised, a surname), where the words around it
    make it a person (name_frame), even when it is also a common word ("ask mark", "with will from the
    garage", "Shields who does the nights")."""
    out = []
    names = [(r.start, r.end) for r in found]
    others = names + list(ner)  # (the model's people count as people to be coordinated with: "me n dani")
    seen = frozenset(text[a:b].lower() for a, b in names if b - a < 20)  # words already taken for names here
    prev = ""
    for ls, le in bodies:
        toks = _frame_tokens(text, ls, le)
        asked_who = bool(_WHO_QUESTION.search(prev))
        prev = text[ls:le]
        for i, (s, e, w) in enumerate(toks):
            base = w[:-2] if w.endswith(("'s", "’s")) else w
            if not base.isalpha() or any(a < e and s < b for a, b in names):
                continue
            raw = text[s:s + len(base)]
            if not (raw.islower() or raw[:1].isupper() and raw[1:].islower()):
                continue
            if (base in STOP and base != "may") or base in SPEAKER_LABELS or base in _CHAT_KIN_LABELS:
                continue
            gaz = is_first_name(base) or (not raw.islower() and is_surname(base) and zipf(base) < 4.0)
            rare = not gaz and raw.islower() and len(base) >= 4 and zipf(base) < 2.0 and base not in LOG_WORDS
            if not gaz and not rare:
                if (raw[:1].isupper() and len(base) >= 3 and zipf(base) < 3.0 and base not in LOG_WORDS
                        and (i == 0 or toks[i - 1][2] in _F_BOUNDARY) and i + 1 < len(toks)
                        and toks[i + 1][2] in _F_SUBJECT_VERBS and not any(a < e and s < b for a, b in others)):
                    # round 24N: a capitalised word unknown to English and to the name lists, as a message's or
                    # sentence's subject before a verb of what people do or say ("Duc said ...", "Kasia was rude"):
                    # a name the lists lack
                    out.append(_res(rec, s, s + len(base), 0.55, "unknown capitalised word as a chat sentence's subject"))
                    others.append((s, s + len(base)))
                continue
            if len(base) < 3 and zipf(base) >= 4.5:
                continue
            if raw.islower() and zipf(base) >= _VERY_COMMON_ZIPF and base not in _F_MODALS and base not in seen:
                continue  # round 24N: one of the commonest English words in lower case ("and said i'm ...", "home",
                # "long") is the word, though the lists hold it as a name (the modals have their own frames)
            pos, neg = name_frame(toks, i, others, seen)
            if neg:
                continue
            n = toks[i + 1][2] if i + 1 < len(toks) else ""
            subject = ((i == 0 or toks[i - 1][2] in _F_BOUNDARY) and n in _F_VERBS_AFTER
                       and n not in ("are", "were", "both", "will", "do", "used"))
            if asked_who and all(t[2] in (":", "/", ",", "-", "[", "]") or t[2].isdigit() or t[2] in _SELF_INTRO_WORDS
                                 or not any(c.isalnum() for c in t[2]) for t in toks[:i]) and gaz and (n in (".", "!", ",") or n == "" or n in _F_CONJ):
                pos += 2  # "who is craigs mum" - "brenda. shes fine": the answer to a who-question (round 22: also
                # the writer naming themself in answer: "who is this?" - "its grace. manny's gf")
            if rare and pos < 2:
                continue  # a word unknown to English and to the lists needs a strong frame: "dont tell haruto"
            if pos >= 2 or subject and zipf(base) < 4.0:  # (a rarer word needs less: "lance pays everyone")
                out.append(_res(rec, s, s + len(base), 0.55, "first name in a person's place in a chat message"))
                others.append((s, s + len(base)))
                seen = seen | {base}  # ("may from work" ... "may is lovely")
    return out


def caps_frame_names(rec, text: str, found: list) -> list:
    """A known name in a line of a log written in capitals, where the words around it make it a person
    ("WORKS FOR NAZ'S CARS", "AND WOOD AGREED"); a word that is common in English needs more."""
    out = []
    names = [(r.start, r.end) for r in found]
    pos_line = 0
    while True:
        le = text.find("\n", pos_line)
        le = len(text) if le < 0 else le
        if le - pos_line >= 12 and _caps_line(text, pos_line) is not None:
            toks = _frame_tokens(text, pos_line, le)
            for i, (s, e, w) in enumerate(toks):
                base = w[:-2] if w.endswith(("'s", "’s")) else w
                if not base.isalpha() or len(base) < 3 or any(a < e and s < b for a, b in names):
                    continue
                if not _caps_word_ok(base, 5.3):
                    continue
                z = zipf(base)
                pos, neg = name_frame(toks, i, names, caps=True)
                p = toks[i - 1][2] if i else ""
                cue = p in _F_STRONG_BEFORE or p == "to" and i > 1 and toks[i - 2][2] in _F_SPEECH_BEFORE_TO
                need = 2 if z < 4.0 or cue and is_surname(base) else 3
                if z < 3.0 and is_name_like(base):
                    need = 1  # a rare name as a log entry's subject: "NGUYEN CALLED BACK AT 3", "KOWALCZYK SAYS"
                if not neg and pos >= need and _caps_next_ok(text, s + len(base)):
                    out.append(_res(rec, s, s + len(base), 0.6, "name in a person's place in a log in capitals"))
                    names.append((s, s + len(base)))
        if le >= len(text):
            break
        pos_line = le + 1
    return out


# a role, "is"/"was", then a capitalised name: "the health visitor was Faith", "her solicitor is Harjit Kaur"
ROLE_IS_RE = re.compile(
    r"(?i:\b(?:the|my|her|his|their|your|our)[ \t]+(?:new[ \t]+|old[ \t]+|ex[- ]?)?(?:health[ \t]+visitor|social[ \t]+worker|"
    r"support[ \t]+worker|key[ \t]?worker|case[ \t]?worker|caretaker|landlord|landlady|manager|boss|foreman|solicitor|"
    r"accountant|teacher|headteacher|midwife|nurse|doctor|gp|interpreter|adviser|advisor|partner|boyfriend|girlfriend|"
    r"husband|wife|neighbour|friend|cousin|lodger|childminder|mediator|officer|supervisor|employer)"
    r"[ \t]+(?:is|was|'s|’s)[ \t]+(?:called[ \t]+|named[ \t]+)?)"
    r"(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME + r")?)(?![\w\-])"
)


# a sign-off, then a name alone at the end of its line, even a common word: "Kind regards\nHope", "Cheers, Bill"
SIGNOFF_RE = re.compile(
    r"(?im)(?:^|[.!?][ \t]+)[ \t]*(?:many[ \t]+thanks|thanks(?:[ \t]+again)?|thank[ \t]+you|kind[ \t]+regards|best[ \t]+regards|"
    r"warm[ \t]+regards|regards|best[ \t]+wishes|best|cheers|love|take[ \t]+care|speak[ \t]+soon|yours[ \t]+(?:sincerely|faithfully|truly))"
    r"(?:[ \t]*[,!.]?[ \t]*\n[ \t]*|[ \t]*,[ \t]*)(?-i:(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME + r")?))[ \t]*[.!]*[ \t]*x{0,3}[ \t]*$"
)


def signoff_names(rec, text: str) -> list:
    out = []
    for m in SIGNOFF_RE.finditer(text):
        toks = m.group("name").split()
        if (is_first_name(toks[0]) and toks[0].lower() not in STOP and toks[0].lower() not in SPEAKER_LABELS
                and zipf(toks[0]) < 6.6 and all(is_name_like(t) or zipf(t) < 3.0 for t in toks[1:])):
            out.append(_res(rec, m.start("name"), m.end("name"), 0.7, "name alone after a sign-off"))
    return out


# a card payment's marker on a statement line, with the card's digits (masked or not): what follows is the shop
# and its town, never a person ("CARD 4539 ALDI LEEDS", "POS 3348 SCREWFIX HILLINGTON", "CARD PAYMENT TO ...")
CARD_BEFORE_RE = re.compile(
    r"(?<![\w])(?:CARD(?:[ \t]+(?:PAYMENT|PURCHASE))?|POS|VIS|VISA|DEB|DEBIT[ \t]+CARD|CONTACTLESS|CPT|ATM|"
    r"(?i:card[ \t]+(?:payment|purchase)))(?:[ \t]+(?i:to|at))?(?:[ \t]+[\dX*]{4}){0,4}(?:[ \t]+\d{1,2}[A-Z]{3}\d{0,2})?[ \t]+$"
)


def card_payee(text: str, s: int) -> bool:
    """Is the text at ``s`` the payee of a card payment (the marker just before it on its line)?"""
    ls = text.rfind("\n", 0, s) + 1
    return CARD_BEFORE_RE.search(text, max(ls, s - 48), s) is not None


# an initial (or two) run onto the surname with no space, the way staff sign a log or a note: "B.OKONJO",
# "A.McGinty", "D.ATKINSON-BLAKE", "J.S.Sandhu", "R.VAN DER MERWE", "r.van der Merwe"; not an e-mail's or a web
# address's "j.smith@", "a.smith.co", nor a sentence run on after a capital ("Plan B.Then")
_PARTICLE = r"(?:(?i:van|von|der|den|de|da|dos|das|di|du|del|della|la|le|ter|ten|bin|ibn|al|el|ap)[ \t])"
_DOTTED_BODY = (r"(?P<name>[A-Z]\.(?:[A-Z]\.)?(?P<sur>" + _PARTICLE + r"{0,2}(?:" + NAME
                + r"|[A-Z]{2,}(?:['’][A-Z]{2,})?(?:-[A-Z]{2,})*)))(?![\w\-@'’]|\.[A-Za-z])")
DOTTED_INITIAL_RE = re.compile(r"(?<![\w.@/'’\-&])" + _DOTTED_BODY)
# (round 22: or a log entry signed with a dash at its end: "no answer. -J.Hollingsworth")
_DASH_BEFORE_INITIAL = re.compile(r"-(?=[A-Z]\.)")
_DOTTED_AT = re.compile(_DOTTED_BODY)


def _surname_parts_ok(sur: str) -> bool:
    """Each part of a surname (its particles aside) a known surname not too common as a word, or a rare word:
    "OKONJO", "ATKINSON-BLAKE", "McGinty"; not "Then", "THE", "ROAD"."""
    words = sur.replace("’", "'").split()
    last = words[-1]
    if any(w.lower() not in _NAME_PARTICLES_ALL for w in words[:-1]):
        return False
    parts = [x for x in last.split("-") if x]
    if not parts:
        return False
    for x in parts:
        lx = x.lower()
        if lx in STOP or lx in LOG_WORDS or lx in SPEAKER_LABELS or lx in _CAPS_NOT_NAMES or len(x) < 2:
            return False
        if not ((is_surname(x) and zipf(x) < 5.0) or (zipf(x) < 3.5 and len(x) >= 3)):
            return False
    return True


def dotted_initial_names(rec, text: str) -> list:
    out = []
    found = list(DOTTED_INITIAL_RE.finditer(text))
    if "-" in text:
        found += [x for x in (_DOTTED_AT.match(text, d.end()) for d in _DASH_BEFORE_INITIAL.finditer(text)
                              if d.start() == 0 or text[d.start() - 1] in " \t\n") if x]
    for m in found:
        if _surname_parts_ok(m.group("sur")) and not _street_after(text, m.end("name"), True):
            out.append(_layout_res(rec, m.start("name"), m.end("name"), 0.65, "initial run onto a surname"))
    return out


# a log entry's header: its date (and time), then who wrote it as an initial and a surname, then a staff code in
# brackets, the end of the line or a column gap: "04/03/2025 09:12  T. Oduya (KB3)", "12/05/26 1410 K Brandt   IC"
LOG_AUTHOR_RE = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[ \t\-](?:[A-Z][a-z]{2,8}|[A-Z]{3})[ \t\-]\d{2,4})"
    r"(?P<time>[ \t]*[,|;\-–]?[ \t]*\d{1,2}[:.]?\d{2})?(?:[ \t]*[,|;\-–])?[ \t]+"
    r"(?P<name>[A-Z]\.?[ \t](?P<sur>" + NAME + r"|[A-Z]{2,}(?:-[A-Z]{2,})*)"
    # or the surname first, then the initial: "ODUYA T", "Oduya, T."
    r"|(?P<sur2>" + NAME + r"|[A-Z]{2,}(?:-[A-Z]{2,})*),?[ \t][A-Z]\.?(?![\w\-'’]))"
    r"(?=[ \t]*\([A-Za-z0-9]{1,8}\)|[ \t]*$|[ \t]{2,}|\t|[ \t]+[-–|][ \t]|:[ \t])"
)


_AMOUNT = re.compile(r"\d\.\d\d\b")


# an initial and a surname with a staff or team code in brackets, anywhere: "transferred to T. Oduya (KB3)",
# "R Baptiste (FIU2) to review"
INITIAL_CODE_RE = re.compile(
    r"(?<![\w.'’\-])(?P<name>[A-Z]\.?[ \t](?P<sur>" + NAME + r"|[A-Z]{2,}(?:-[A-Z]{2,})*))[ \t]?\([A-Z]{1,4}\d{0,4}\)"
)


# round 22: a member of staff by their job or by what they did to a record, then an initial and the surname, closing
# the clause: "AGENT S OKONJO.", "Checked H. Lindqvist.", "agreed_by,K Lund (Enforcement)", "Officer: J O'Rourke",
# "approved by T. Adeyemi-Cole 12/03". The cue makes the initial a person's even when it is "A" or "I" and the
# surname rarer than the lists know; the surname must end the clause (no "checked J. Smith's account")
_STAFF_CUES = (r"\b(?:agent|adviser|advisor|officer|caseworker|case[ \t]+worker|operator|team[ \t]+leader|tl|cw|"
               r"(?:checked|agreed|approved|authori[sz]ed|actioned|reviewed|countersigned|verified|signed[ \t]+off|completed|"
               r"processed|keyed|entered|logged|input|prepared|issued)(?:[ \t_\-]+by)?)")
_STAFF_AFTER_CUE = (r"(?:[ \t]*[:,]|[ \t]*[_\-][ \t]*)?[ \t]*"
                    r"(?P<name>[A-Z](?:\.[ \t]?|[ \t])(?:[A-Z](?:\.[ \t]?|[ \t]))?(?P<sur>" + NAME
                    + r"|(?:[A-Z]['’])?[A-Z]{2,}(?:-[A-Z]{2,})*))"
                    r"(?=[ \t]*(?:[.;,)]|\([A-Za-z0-9 ]{1,20}\)|$)|[ \t]+\d)")
STAFF_CUE_INITIAL_RE = re.compile(r"(?i:" + _STAFF_CUES + r")" + _STAFF_AFTER_CUE, re.M)
# (the cue found in the lower-cased text, then the name read in the text itself: a case-blind alternation is slow)
_STAFF_CUE_LOWER = re.compile(_STAFF_CUES)
_STAFF_NAME_AT = re.compile(_STAFF_AFTER_CUE, re.M)


def staff_cue_initial_names(rec, text: str) -> list:
    out = []
    low = text.lower()
    if len(low) == len(text):
        found = (_STAFF_NAME_AT.match(text, c.end()) for c in _STAFF_CUE_LOWER.finditer(low))
    else:  # (lower-casing changed the length: "İ")
        found = STAFF_CUE_INITIAL_RE.finditer(text)
    for m in found:
        if m is None:
            continue
        sur = m.group("sur")
        if len(sur) < 3 or not _surname_parts_ok(sur) or _street_after(text, m.end("name"), sur.isupper()):
            continue
        out.append(_layout_res(rec, m.start("name"), m.end("name"), 0.75, "initial and surname after a staff cue"))
    return out


# round 22: a relative or a person by their role, then their name in brackets: "maternal grandmother (Pinto)",
# "her new partner (Kyle Ashdown)", "the landlord (Mr Okafor)" (the reverse of PAREN_RELATION_RE)
_RELATION_WORDS = (r"(?i:\b(?:friend|neighbour|cousin|sister|brother|aunt|auntie|aunty|uncle|partner|boyfriend|girlfriend|"
                   r"mother|father|mum|dad|nan|nana|gran|granny|grandma|grandmother|grandfather|grandad|grandparent|landlord|"
                   r"landlady|lodger|flatmate|colleague|son|daughter|niece|nephew|step-?(?:father|mother|son|daughter|dad|mum)|"
                   r"wife|husband|fianc[eé]e?|childminder|carer|guardian|godmother|godfather|in-law))")
_BRACKET_NAME = (r"\([ \t]*(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME
                 + r")?)[ \t]*\)")
REL_PAREN_NAME_RE = re.compile(_RELATION_WORDS + r"[ \t]*" + _BRACKET_NAME)
# (the bracketed name first, then the relation just before it: the case-blind alternation only on a short window)
_BRACKET_NAME_RE = re.compile(_BRACKET_NAME)
_RELATION_BEFORE = re.compile(_RELATION_WORDS + r"[ \t]*$")


def relation_paren_names(rec, text: str) -> list:
    out = []
    for m in (_BRACKET_NAME_RE.finditer(text) if "(" in text else ()):
        if not _RELATION_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue
        words = m.group("name").split()
        if all(w.lower() not in STOP and w.lower() not in SPEAKER_LABELS and (is_name_like(w) or zipf(w) < 3.5)
               for w in words):
            out.append(_layout_res(rec, m.start("name"), m.end("name"), 0.75, "name in brackets after a relation"))
    return out


# round 22: a signature block, the signer's initials and surname alone on a line and their office on the next:
# "R. A. Buchanan-Scott\nSheriff", "J.P. Okwuosa\nTribunal Judge", "M. Ferreira\nSenior Caseworker"
SIGNATURE_INITIALS_RE = re.compile(
    r"(?m)^[ \t]*(?P<name>(?:[A-Z]\.[ \t]?){1,3}[ \t]*(?P<sur>" + NAME + r"))[ \t]*\n[ \t]*"
    r"(?:[A-Z][a-z]+[ \t]+){0,3}(?:Sheriff|Judge|Officer|Manager|Caseworker|Adviser|Advisor|Clerk|Solicitor|Director|"
    r"Supervisor|Leader|Registrar|Magistrate|Chair|Administrator|Assistant|Consultant|Practitioner|Co-?ordinator|"
    r"Worker|Visitor|Secretary|Executive|Accountant|Inspector|Sergeant|Constable|Headteacher|Teacher)[ \t]*(?:\n|$|,)"
)


def signature_initial_names(rec, text: str) -> list:
    out = []
    for m in SIGNATURE_INITIALS_RE.finditer(text):
        if _surname_parts_ok(m.group("sur")):
            out.append(_layout_res(rec, m.start("name"), m.end("name"), 0.75, "initials and surname over their office"))
    return out


def log_author_names(rec, text: str) -> list:
    out = []
    for m in LOG_AUTHOR_RE.finditer(text):
        sur = m.group("sur") or m.group("sur2")
        if m.group("time") is None:
            le = text.find("\n", m.end())
            if _AMOUNT.search(text, m.end(), len(text) if le < 0 else le):
                continue  # a statement's row, the date then the payee and amounts: "02/03/26 J SAINSBURY  34.00"
        if _surname_parts_ok(sur) or (zipf(sur) < 4.0 and sur.lower() not in STOP and len(sur) >= 3
                                      and sur.lower() not in LOG_WORDS):
            out.append(_layout_res(rec, m.start("name"), m.end("name"), 0.65, "initial and surname in a log's author column"))
    for m in (INITIAL_CODE_RE.finditer(text) if "(" in text else ()):
        if _surname_parts_ok(m.group("sur")) and not _DESIGNATOR_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            out.append(_layout_res(rec, m.start("name"), m.end("name"), 0.65, "initial and surname with a staff code"))
    return out


# a formal statement's opening, the maker naming themself: "I, Ilse Brandvold, of 4 Elm Row, say as follows",
# "I, Tobenna Eze, aged 41, ..."
SELF_DECLARED_RE = re.compile(
    r"(?:^|(?<=[.!?:][ \t])|(?<=\n))[ \t]*I,[ \t]+(?P<name>(?:[A-Z]\.?[ \t]+)?" + NAME + r"(?:[ \t]+(?:[A-Z]\.?[ \t]+)?" + NAME
    + r"){0,3}),[ \t]+(?i:of|aged|born|residing|living|care[ \t]+of|c/o|date[ \t]+of[ \t]+birth|do[ \t]+solemnly|make[ \t]+this)\b"
)


# round 24N: someone giving their name ("GAVE NAME AS DEAN", "gave her name as Tamsin", "said his name was Kev",
# "name given as ROB"): what follows is a person's name, whatever the case it is written in
_GAVE_NAME_RE = re.compile(
    r"(?i:\b(?:(?:gave|gives|giving|give)[ \t]+(?:(?:his|her|their|a|the)[ \t]+)?(?:first[ \t]+)?name[ \t]+as|"
    r"name[ \t]+given[ \t]+as|(?:said|says|stated|states)[ \t]+(?:his|her|their)[ \t]+name[ \t]+(?:was|is)|"
    r"introduced[ \t]+(?:himself|herself|themself|themselves)[ \t]+as)[ \t]+)"
    r"(?P<name>[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?)(?![\w\-])"
)


# round 24N: at somebody's home, the possessive run on in lower case ("shes at nailas all weekend", "staying round
# kerrys"): a first name the lists hold, rare in English, whose run-on form is no English word
_HOME_RUN_ON_S = re.compile(r"(?i:\b(?:at|round|over[ \t]+at|staying[ \t]+at|living[ \t]+at|stopping[ \t]+at))[ \t]+"
                            r"(?P<name>[a-z]{3,})s(?![\w'’\-@])")


def home_run_on_names(rec, text: str) -> list:
    out = []
    for m in _HOME_RUN_ON_S.finditer(text):
        w = m.group("name")
        if w in STOP or not is_first_name(w) or zipf(w) >= 3.0 or zipf(w + "s") >= 2.0:
            continue
        out.append(_res(rec, m.start("name"), m.end("name"), 0.55, "a first name's home, its possessive run on"))
    return out


# round 24N: what an account, a tenancy or a booking is held in: "an account in the name P T LINH", "in the name of
# Mr K. Osei" (initials allowed before the surname; the title is left visible)
_IN_THE_NAME_RE = re.compile(
    r"(?i:\bin[ \t]+the[ \t]+names?[ \t]+(?:of[ \t]+)?)(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?"
    r"(?P<name>(?:[A-Z]\.?[ \t]+){0,3}[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]{2,})?)(?![\w\-])"
)


def in_the_name_names(rec, text: str) -> list:
    out = []
    if "the name" not in text.lower():
        return out
    for m in _IN_THE_NAME_RE.finditer(text):
        toks = list(re.finditer(r"\S+", m.group("name")))
        words = [t.group(0).rstrip(".") for t in toks]
        full = [w for w in words if len(w) > 1]
        if not full or len(full) > 2:
            continue
        if any(w.lower() in STOP or w.lower() in LOG_WORDS or not (is_name_like(w) or zipf(w) < 3.0) for w in full):
            continue
        if len(full) == 1 and len(words) == 1 and not (is_surname(full[0]) or is_first_name(full[0])):
            continue  # (a lone capitalised word that no list holds: "in the name Lettings")
        out.append(_res(rec, m.start("name"), m.end("name"), 0.7, "whose name an account or tenancy is in"))
    return out


def gave_name_names(rec, text: str) -> list:
    out = []
    if "name" not in text.lower():
        return out
    for m in _GAVE_NAME_RE.finditer(text):
        toks = list(re.finditer(r"\S+", m.group("name")))
        first = toks[0].group(0)
        if first.lower() in STOP or first.lower() in LOG_WORDS or not (is_name_like(first) or zipf(first) < 3.0):
            continue
        end = m.start("name") + toks[0].end()
        if len(toks) > 1:
            second = toks[1].group(0)
            if (second.lower() not in STOP and second.lower() not in LOG_WORDS and len(second) > 2
                    and (is_surname(second) and zipf(second) < 4.5 or zipf(second) < 2.5)):
                end = m.start("name") + toks[1].end()
        out.append(_res(rec, m.start("name"), end, 0.75, "a name someone gave as theirs"))
    return out


def self_declared_names(rec, text: str) -> list:
    out = []
    for m in (SELF_DECLARED_RE.finditer(text) if "I, " in text else ()):
        toks = m.group("name").split()
        if all(t.lower() not in STOP for t in toks):
            out.append(_layout_res(rec, m.start("name"), m.end("name"), 0.8, "a statement's maker naming themself"))
    return out


# a printed chat with no times: the speaker's name alone on its line, then the message ("Ifrah Jaamac\nsalaam ...")
_SPEAKER_LINE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2})[ \t]*\n(?=[ \t]*[^\s])")


def speaker_line_bodies(text: str) -> list[tuple[int, int]]:
    """The messages of a chat printed as blocks "Name\nmessage\n\n": two or more names that each head at
    least two blocks (four in all); each block's message runs to the next blank line or speaker's line."""
    lines = list(_SPEAKER_LINE.finditer(text))
    if len(lines) < 4:
        return []
    counts: dict[str, int] = {}
    for m in lines:
        counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
    names = {n for n, c in counts.items() if c >= 2 and all(t.lower() not in STOP for t in n.split())
             and any(is_name_like(t) or zipf(t) < 3.0 for t in n.split())}
    if len(names) < 2 or sum(counts[n] for n in names) < 4:
        return []
    heads = [m for m in lines if m.group("name") in names]
    out = []
    for k, m in enumerate(heads):
        s = m.end()
        stop = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        blank = text.find("\n\n", s, stop)
        out.append((s, blank if blank >= 0 else stop))
    return out


# a form's name field with its value in capitals, the label at the line's start or after a column gap:
# "Print name: WANJIRU KAMAU", "Surname:  OKAFOR", "| Full name: TOMASZ NOWAK"; not "Employer name: ACME LTD"
FORM_CAPS_NAME_RE = re.compile(
    r"(?m)(?:^|(?<=[ \t]{2})|(?<=\t)|(?<=[|;]))[ \t]*(?i:(?:print(?:ed)?|full|your|contact|witness)[ \t]+)?"
    r"(?i:name|surname|forenames?|first[ \t]+names?|last[ \t]+name|family[ \t]+name)[ \t]*:[ \t]*"
    r"(?P<name>[A-Z][A-Z'’\-]+(?:[ \t][A-Z][A-Z'’\-]+){0,3})(?![\w\-])"
)


_FORM_CAPS_HINT = re.compile(r"(?i:name|forenames?)[ \t]*:[ \t]*[A-Z][A-Z]")


def form_caps_names(rec, text: str) -> list:
    out = []
    for m in (FORM_CAPS_NAME_RE.finditer(text) if _FORM_CAPS_HINT.search(text) else ()):
        toks = m.group("name").split()
        if all(t.lower() not in STOP and t.lower() not in LOG_WORDS and t.lower() not in _CAPS_NOT_NAMES and len(t) > 1
               and ((is_name_like(t) and zipf(t) < 5.5) or zipf(t) < 3.0) for t in toks):
            out.append(_layout_res(rec, m.start("name"), m.end("name"), 0.7, "name in capitals in a form's name field"))
    return out


def role_is_names(rec, text: str) -> list:
    out = []
    for m in ROLE_IS_RE.finditer(text):
        toks = m.group("name").split()
        if all(t.lower() not in STOP and t.lower() not in SPEAKER_LABELS and (
                is_name_like(t) and zipf(t) < 5.5 or zipf(t) < 2.5) for t in toks) and not STREET_AFTER.match(text, m.end()):
            out.append(_res(rec, m.start("name"), m.end("name"), 0.7, "name after a role and 'is'"))
    return out


_CAP_OR_CAPS_WORD = re.compile(r"(?<![\w'’@.\-])(?:[A-Z][a-z]+|[A-Z]{3,})(?:['’]s)?(?![\w\-])")
_MIXED_AROUND = re.compile(r"[a-z]{3,}[^\n]*$")
_CAP_WORD = re.compile(r"(?<![\w'’@.\-])[A-Z][a-z]+(?:['’]s)?(?![\w\-])")
_ANY_WORD = re.compile(r"(?<![\w'’@.\-])[^\W\d_]{2,}")


def _lower_case_text(text: str) -> bool:
    """A note or letter written in lower case ("to the cms. my ex says ..."): hardly a capital in it."""
    words = len(_ANY_WORD.findall(text[:4000]))
    return words >= 20 and len(_CAP_WORD.findall(text[:4000])) <= 0.03 * words


def _lower_case_line(line: str) -> bool:
    words = len(_ANY_WORD.findall(line))
    return words >= 15 and len(_CAP_WORD.findall(line)) <= 0.05 * words and line.lstrip()[:1].islower()


def title_frame_names(rec, text: str, found: list, ner=()) -> list:
    """A capitalised first name inside a sentence that is also a common word, where the words around it
    make it a person: "I spoke to Will at the CMS", "with Mark and Jo" (not "Mark the envelope")."""
    out = []
    names = [(r.start, r.end) for r in found] + list(ner)
    for m in _CAP_OR_CAPS_WORD.finditer(text):
        s = m.start()
        w = m.group(0)
        base = w[:-2] if w.endswith(("'s", "’s")) else w
        lw = base.lower()
        caps = base.isupper()
        if lw in STOP or lw in SPEAKER_LABELS or lw in _CHAT_KIN_LABELS or lw in _F_MODALS and lw != "will":
            continue
        if any(a < m.end() and s < b for a, b in names):
            continue
        if caps:
            # a surname in capitals inside a mixed-case line ("Next appt with PRICE."): the capitals are deliberate
            if len(base) < 3 or lw in LOG_WORDS or lw in _CAPS_NOT_NAMES or not is_name_like(lw) or zipf(lw) >= 5.5 \
                    or _caps_line(text, s) is not None or not _MIXED_AROUND.search(text, max(0, s - 40), s):
                continue
        elif zipf(lw) < 3.2 or not is_first_name(lw):
            continue
        if (not caps and _sentence_start(text, s)) or _street_after(text, s + len(base), caps):
            continue
        ls, le = _line_span(text, s)
        toks = _frame_tokens(text, ls, le)
        i = next((k for k, t in enumerate(toks) if t[0] == s), None)
        if i is None:
            continue
        pos, neg = name_frame(toks, i, names)
        if not neg and pos >= 2:
            out.append(_res(rec, s, s + len(base), 0.6, "capitalised first name in a person's place"))
            names.append((s, s + len(base)))
    return out


def _sentence_start(text: str, s: int) -> bool:
    k = s - 1
    while k >= 0 and text[k] in " \t\"'“‘(":
        k -= 1
    return k < 0 or text[k] in ".!?:\n-–•*"


_FIELD_VALUE_AFTER = re.compile(r"[ \t]*[:#.]?[ \t]*(?:[A-Z]{2}[ \t]*)?\d")


def _form(t: str) -> str:
    return "lower" if t.islower() else "upper" if t.isupper() and len(t) > 1 else "title"


def document_mentions(rec, text: str, found: list, bodies: list[tuple[int, int]], nlp_artifacts=None,
                      speakers: list[tuple[int, int]] = ()) -> list:
    """One sense per document: a word taken for a person's name somewhere in the text is the same
    person's name where it recurs ("who is grace" ... "helping grace move"), in any case, unless its
    neighbours make it the ordinary word there ("the gas bill", "i will ring", "STONE WALL")."""
    from recognizers.refine import org_name_matches

    keys: dict[str, set] = {}  # name word -> the forms it was found in (lower, upper, title)

    def add(tok: str) -> None:
        t = tok.strip(".,:;()'\"’")
        if t.endswith(("'s", "’s")):
            t = t[:-2]
        lw = t.lower()
        if (len(lw) < 2 or not lw.isalpha() or lw in STOP or lw in SPEAKER_LABELS or lw in _CHAT_KIN_LABELS
                or lw in _GAZ_PARTICLES):
            return
        if not (is_name_like(lw) or zipf(lw) < 2.5):
            return
        keys.setdefault(lw, set()).add(_form(t))

    ents = list(getattr(nlp_artifacts, "entities", None) or ())
    # organisations and places: "Luton Freight Ltd", "Pryce Plastering", the model's "Bolton"
    orgs = [(e.start_char, e.end_char) for e in ents if getattr(e, "label_", "") in ("ORG", "LOC", "GPE", "FAC")]

    org_names: list[tuple[int, int]] = []

    def in_org(s: int, e: int) -> bool:
        if not org_names:
            org_names.extend(org_name_matches(text) or [(-1, -1)])  # once, when first asked
        return any(a < e and s < b for a, b in orgs) or any(a < e and s < b for a, b in org_names)

    for r in found:
        if r.score >= 0.5 and not in_org(r.start, r.end):
            for tok in text[r.start:r.end].split():
                t = tok.strip(".,:;()'\"’")
                if len(t) > 1 and (t.islower() or t.isupper() or is_name_like(t) or r.score >= 0.85):
                    add(tok)  # (a capitalised word unknown to the gazetteer, "To: Lettings", is no name to spread;
                    # unless a title was written before it: "Mr Oyelowo" ... "Oyelowo said")
    for ent in ents:
        if getattr(ent, "label_", "") == "PERSON" and "\n" not in ent.text and len(ent.text.split()) <= 3:
            for tok in ent.text.split():
                if tok[:1].isupper() and is_name_like(tok.strip(".,:;()'\"’")) and not (tok.isupper() and len(tok) <= 4):
                    add(tok)  # (the model's lower-case answers are no evidence: "with grace and patience")
    if not keys:
        return []
    known = frozenset(keys)
    taken = [(r.start, r.end) for r in found] + orgs
    rx = re.compile(r"(?i)(?<![\w'’@.\-])(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
                    + r")(?![\w\-])")
    folded = {k.casefold(): k for k in keys}
    out = []
    for m in rx.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        if _FIELD_VALUE_AFTER.match(text, e) or in_org(s, e):
            continue  # a form's label before its value: "NINO  RG 54 19 82 A", "Room 4"; a firm's name
        w = m.group(0)
        lw = w.lower()
        if lw not in keys:
            # the pattern matches case-insensitively as the re module folds case: "ſusanna" (long s) or
            # "Kelly" (Kelvin sign) is a mention of "susanna" / "kelly"
            lw = folded.get(w.casefold())
            if lw is None:
                continue
        forms = keys[lw]
        z = zipf(lw)
        if (s, e) in speakers and " " not in w:
            out.append(_res(rec, s, e, 0.6, "another mention of a name found in the document"))
            taken.append((s, e))
            continue  # a chat's speaker label: "hope: grace - thats her" where "@hope" is a name
        in_body = next(((a, b) for a, b in bodies if a <= s < b), None)
        caps = False
        if w.islower():
            if in_body is None and "lower" not in forms:
                continue  # a lower-case word in prose: the ordinary word
            ls, le = in_body or _line_span(text, s)
        elif w.isupper() and len(w) > 1:
            line = _caps_line(text, s)
            if line is None and "upper" not in forms and not (len(w) <= 12 and z < 3.0):
                continue  # (a word in capitals in mixed-case text is a name where the name was found so)
            if lw in LOG_WORDS or not _caps_next_ok(text, e) or z >= 5.5:
                continue
            caps = line is not None
            ls, le = line or _line_span(text, s)
        else:
            if STREET_AFTER.match(text, e) or (z >= 3.0 and PLACE_BEFORE.search(text, max(0, s - 8), s)):
                continue
            ls, le = in_body or _line_span(text, s)
            if z < 4.0 and not _sentence_start(text, s):
                out.append(_res(rec, s, e, 0.6, "another mention of a name found in the document"))
                taken.append((s, e))
                continue
        toks = _frame_tokens(text, ls, le)
        i = next((k for k, t in enumerate(toks) if t[0] == s), None)
        if i is None:
            continue
        pos, neg = name_frame(toks, i, taken, known, caps)
        if neg or (z >= (3.5 if w.islower() else 4.0) and pos < 1) or (lw == "may" and pos < 2):
            # (a lower-case word also fairly common in English needs its neighbours: "amber warning for rain")
            continue
        out.append(_res(rec, s, e, 0.6, "another mention of a name found in the document"))
        taken.append((s, e))
    return out


def _line_span(text: str, s: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    return ls, len(text) if le < 0 else le
