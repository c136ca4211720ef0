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
from recognizers.gazetteer import first_names, is_first_name, is_name_like, is_surname, surnames, zipf

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
    r"(?:my|her|his|their|your) (?:new |ex[- ]?)?(?:partner|husband|wife|boyfriend|girlfriend|fianc[eé]e?|son|daughter|"
    r"mother|father|mum|dad|brother|sister|stepson|stepdaughter|cousin|aunt|uncle|neighbour|friend|landlord|landlady|colleague|manager|employer|solicitor|child|children|grandmother|grandfather|nan)",
    r"from:", r"to:", r"cc:", r"sent by", r"chat with", r"conversation with", r"messages with", r"named", r"name:", r"witness:?", r"called", r"contact:", r"partner,?", r"child(?:ren)?:", r"lives with",
    r"this is", r"contact", r"caller", r"landlord", r"landlady", r"payroll", r"adviser", r"advisor", r"officer",
    r"neighbour", r"manager", r"solicitor", r"witness", r"attended with", r"accompanied by", r"wrote to", r"emailed",
    r"and", r"&", r"or", r"typed by", r"prepared by", r"written by", r"completed by", r"checked by",
    r"reviewed by", r"authorised by", r"approved by", r"interviewed by", r"dictated by", r"transcribed by",
    # people introduced by their role: "the bailiff, X", "her accountant X", "support worker X"
    r"accountant", r"bailiff", r"enforcement agent", r"mediator", r"social worker", r"support worker",
    r"key ?worker", r"health visitor", r"childminder", r"nanny", r"lodger", r"flatmate", r"housemate",
    r"interpreter", r"counsellor", r"therapist", r"barrister", r"lawyer", r"headteacher", r"head teacher",
    r"class teacher", r"teacher", r"(?:a|the|my|her|his|their) friend", r"tribunal judge", r"district judge",
    r"judge", r"magistrate", r"work coach", r"tutor", r"coach", r"carer", r"foster carer", r"godmother", r"godfather",
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
    r"(?i:\b(?:" + _by_first_letter(CUES) + r"))[:,]?[ \t\u00a0]*(?:\n[ \t\u00a0]*)?(?:(?:a|an|one)[ \u00a0]+)?(?P<name>(?:[A-Z]\.?[ \u00a0]+)?" + NAME + r"(?:[ \u00a0]+" + NAME + r"){0,2})"
)
# texts and notes written all in lower case: "my solicitor rebecca lloyd-jones"; only after a
# relation cue, and only when the first word is a known first name that is not an ordinary word
RELATION_CUE = (
    r"(?:my|her|his|their|your)[ \t]+(?:new[ \t]+|ex[- ]?)?(?:partner|husband|wife|boyfriend|girlfriend|brother|sister|"
    r"mother|father|mum|dad|cousin|aunt|uncle|neighbour|friend|landlord|landlady|colleague|manager|boss|solicitor|lawyer)"
)
LOWER_CUE_RE = re.compile(
    r"(?i:\b(?:" + RELATION_CUE + r"|spoke[ \t]+(?:to|with)|talked[ \t]+to|named|called|this[ \t]+is|text(?:ed)?[ \t]+from|with|"
    r"ask|asked|tell|told|texted|rang|phoned|messaged|met|saw))[:,]?[ \t]*\n?[ \t]*(?!(?:my|her|his|their|our|your|the|a|an)\b)(?P<name>[a-z][a-z'’]+(?:[ \t\-][a-z][a-z'’]+){0,2})"
)
SEQ_RE = re.compile(r"(?<![\w'’])(?<!\w-)(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME + r"){0,2})(?![\w\-])")
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
    r"(?<![\w'’])(?:PC|PCSO|WPC|DC|PS|DS|DI|DCI|Sgt\.?|Sergeant|Constable|Inspector)[ \u00a0]+(?:\d{2,6}[ \u00a0]+)?"
    r"(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME + r")?)(?![\w\-])"
)
# a nickname in quotes after a relation or "called": "his cousin \"Dhegdheer\"", "known as 'Tommo'"
QUOTED_AFTER_RE = re.compile(r"[\"“‘'](?P<name>[A-Z][^\W\d_]+(?:[ ][A-Z][^\W\d_]+)?)[\"”’']")
QUOTED_AFTER_CUE = re.compile(
    r"(?i:\b(?:cousin|brother|sister|friend|uncle|aunt|auntie|aunty|nephew|niece|partner|boyfriend|girlfriend|husband|"
    r"wife|mate|neighbour|called|known[ \t]+as|aka|nicknamed|nickname))[:,]?[ \t]+$"
)
SPEAKER_LABELS = {"agent", "adviser", "advisor", "caller", "customer", "system", "bot", "note", "notes", "you", "me",
                  "operator", "officer", "staff", "user", "client", "chatbot", "assistant", "admin", "moderator", "host",
                  "interpreter", "mediator", "judge", "clerk", "usher", "witness", "applicant", "respondent", "appellant"}
PLACE_BEFORE = re.compile(r"(?i)\b(?:in|at|near|via|of)[ \t]+$")
STREET_AFTER = re.compile(r"[ \t]+(?:Street|St|Road|Rd|Avenue|Lane|Close|Drive|Way|Crescent|Grove|Gardens|Terrace|Place|"
                          r"Square|Park|Court|House|Hall|Centre|Estate)\b")
# a name in capitals: "MOHAMMED ABDULLAHI ISSE", "NAME: AGNIESZKA NOWAK" (a known first name first)
CAPS_SEQ_RE = re.compile(r"(?<![\w'’\-])(?P<name>[A-Z][A-Z'’\-]+(?:[ \u00a0][A-Z][A-Z'’\-]+){1,3})(?![\w\-])")
# a nickname made of a size/age word and a first name: "Big Will", "Little Jo"
NICKNAME_RE = re.compile(r"(?<![\w'’])(?P<name>(?:Big|Little|Lil|Young|Old)[ \u00a0]+" + NAME + r")(?![\w\-])")
# a payee or payer on a bank statement line, in capitals after the transaction type:
# "FPO A MENSAH 203258 ...", "FPI,\"JOANA PETRAITYTE REF ...", "SWIFT LT12 ... V MOCKUS REF ..."
STATEMENT_PAYEE_RE = re.compile(
    r"(?m)(?<![A-Z])(?:FPO|FPI|FP|SO|STO|TFR|BGC|BP|BBP|BACS|CR|INTL|SWIFT|TRF|OBP|DD|DEB|CHQ|MOB|"
    r"(?i:(?:faster[ \t]+)?payment[ \t]+(?:to|from)|transfer[ \t]+(?:to|from)|bill[ \t]+payment(?:[ \t]+to)?|payee:?|paid[ \t]+to)|"
    r"FROM|TO)\b:?[ \t,\"]+"
    r"(?:(?:[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?(?=[A-Z0-9]{0,3}\d)[A-Z0-9]{1,4})?)[ \t]+)?"
    r"(?P<name>(?:[A-Z]\.?[ \t]+){0,2}[A-Z][A-Z'’\-]+(?:[ \t]+[A-Z][A-Z'’\-]+){0,2}(?:[ \t][A-Z]\b(?![.'’]\w))?)"
    r"(?=[ \t]+(?:REF\b|\d{6}\b|\d{2}-\d{2}-\d{2})|[ \t]{2,}|\t|[ \t]+[£$€]?\d[\d,]*\.\d\d\b|[ \t]*(?:\"|,|\||$)"
    # a surname and its initial, then the payment's reference words: "FPO OKORO T RENT SHARE"
    r"|(?<=[A-Z][A-Z][ \t][A-Z])[ \t]+[A-Z]{2,})"
)

# a surname in capitals written before the given name(s): "NGUYEN Thi Lan", "KOWALSKI Jan"
CAPS_SURNAME_FIRST_RE = re.compile(
    r"(?<![\w'’\-])(?P<name>(?P<sur>[A-Z][A-Z'’\-]+)[ \u00a0]+(?P<given>[A-Z][a-zà-ÿ\u0100-\u017f'’\-]+(?:[ \u00a0][A-Z][a-zà-ÿ\u0100-\u017f'’\-]+)?))(?![\w\-])"
)
# a line of a chat export, the speaker in any case: "[03/02/2026, 19:02] gaz: ...", "Kobby: ..."
CHAT_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*(?:[-–][ \t]*)?|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}"
    r"(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?)?"
    r"(?P<name>[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)?)(?:[ \t]+\([^)\n]{1,30}\))?[ \t]*:[ \t]+\S"
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
# two words in lower case, a first name and a surname: "darren kerrigan"
LOWER_PAIR_RE = re.compile(r"(?<![\w'’\-@./])(?P<f>[a-zà-ÿ\u0100-\u017f]{3,})[ \t](?P<l>[a-zà-ÿ\u0100-\u017f'’\-]{3,})(?![\w\-@])")
# the same with the time after the speaker: "Jess 18:02: ...", "Me [18:05]: ..."
CHAT_LINE_TIME_AFTER_RE = re.compile(
    r"(?m)^[ \t]*(?P<name>[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)?)[ \t]+(?:(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
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
CHAT_NAME_MAX_ZIPF = 4.75
# a lower-case first name with a possessive before a relation or a home: "ryan's new place", "craigs mum"
CHAT_NAME_POSS_RE = re.compile(
    r"(?<![\w'’\-@./])(?P<name>[a-z]{2,})(?:['’]s|s)[ \t]+(?:new[ \t]+|old[ \t]+)?(?:mum|mam|mom|dad|nan|nana|nanna|sister|"
    r"brother|missus|wife|husband|girlfriend|boyfriend|gf|bf|partner|ex|mate|mates|cousin|family|house|place|flat|car|van|"
    r"kids|son|daughter|baby|auntie|uncle)\b"
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
    r"(?:my|her|his|their|your)[ \t]+(?:friend|partner|neighbour|cousin|sister|brother|mother|father|mum|dad|colleague|"
    r"manager|landlord|landlady)|partner|neighbour|landlord|landlady|adviser|advisor|caseworker|officer|caller|named|called|"
    r"tl|adv|agent|cw))[:,]?[ \t]+"
    r"(?P<name>[A-Z][A-Z'’\-]{2,})(?![\w\-])"
)
_CAPS_WORD_AFTER = re.compile(r"[ \t]+[A-Z]{2,}")
# a log line's author column in capitals: "15/07/26  OYELARAN   Initial appt."
LOG_COLUMN_RE = re.compile(
    r"(?m)^[ \t]*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?:[ \t]+\d{1,2}[:.]\d{2})?[ \t]+(?P<name>[A-Z][A-Z'’\-]{2,})(?=(?:[ \t]{2,}|\t)[ \t]*[A-Z]?[a-z])"  # (then the entry, in mixed case: not a statement's columns)
)
# a name with the relation in brackets after it: "Shaz (tenant's friend)", "Kyle (her cousin)"
PAREN_RELATION_RE = re.compile(
    r"(?<![\w'’\-])(?P<name>" + NAME + r"(?:[ \u00a0]+" + NAME + r")?)[ \t]*\([ \t]*(?:the[ \t]+|a[ \t]+)?"
    r"(?:[A-Za-z]+['’]s[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+|my[ \t]+)?(?:best[ \t]+|old[ \t]+|new[ \t]+|ex[- ]?)?"
    r"(?:friend|neighbour|cousin|sister|brother|aunt|auntie|uncle|partner|boyfriend|girlfriend|mother|father|mum|dad|nan|"
    r"grandmother|grandfather|landlord|landlady|lodger|flatmate|colleague|manager|son|daughter|niece|nephew)\b[^)\n]{0,20}\)"
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
             "card", "cash", "fee", "bill", "standing", "bacs", "branch", "actioned", "logged", "closed"}
VIET_MIDDLE_RE = re.compile(
    r"(?<![\w'’\-])(?P<a>[A-ZĐ][a-zà-ỹđ]{1,8})[ \u00a0](?:Thi|Thị|Văn)[ \u00a0](?P<b>[A-ZĐ][a-zà-ỹđ]{1,8})"
    r"(?:[ \u00a0][A-ZĐ][a-zà-ỹđ]{1,8})?(?![\w\-])"
)
_HAS_LOWER_TITLE = re.compile(r"\b(?:mr|mrs|ms|miss|dr)\b")
# a word in a chat message body written in lower case ("ask niamh", "zsuzsa? shes lovely")
LOWER_WORD_RE = re.compile(r"(?<![\w'’\-@./])(?P<name>[a-zà-ÿ\u0100-\u017f]{3,})(?![\w\-@]|\.\w)")

# a nickname in quotes inside a name: "Margaret 'Peggy' Doyle", "Tom “Tommo” Barker"
QUOTED_NICK_RE = re.compile(
    r"(?<![\w'’])(?P<name>(?P<first>" + NAME + r")[ \u00a0]+['\"‘“](?P<nick>[A-Z][a-z]+)['\"’”][ \u00a0]+(?P<last>" + NAME
    + r"))(?![\w\-])"
)
# a chat or transcript speaker at the start of a line: "[14:02] Deb: ...", "Semhar: ok"
SPEAKER_RE = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*(?:[-–][ \t]*)?|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}"
    r"(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*(?:[-–][ \t]*)?)?(?P<name>" + NAME
    + r"(?:[ \t]+" + NAME + r")?)(?:[ \t]+\([^)\n]{1,30}\))?[ \t]*:[ \t]+\S"
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
    return has_initial or is_first_name(words[0]) or all(zipf(p) < 2.0 for w in words for p in w.split("-") if p)


def _res(rec, s, e, score, why):
    return result(rec, EntityType.PERSON.value, s, e, score, why)


class PersonContextRecognizer(EntityRecognizer):
    def __init__(self):
        super().__init__(supported_entities=[EntityType.PERSON.value], name="PersonContextRecognizer", supported_language="en")
        first_names(), surnames()  # warm the cache at build time

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: List[str], nlp_artifacts=None) -> List[RecognizerResult]:
        out: list[RecognizerResult] = []
        for m in TITLE_RE.finditer(text):
            name = m.group("name")
            toks = name.replace(".", " ").split()
            # "Mr Smith" is a person even when the surname is also a word, unless it is a function word
            last = toks[-1]
            if last.lower() in STOP:
                continue
            # 0.9: above the NER model's default, so that a longer NER span swallowing the name
            # ("Kornbluth,\n\nI") does not push "Dr. Kornbluth" out
            end = m.end("name")
            words = list(re.finditer(r"\S+", name))
            if len(words) >= 2 and len(last) > 2 and not is_name_like(last) and zipf(last) >= 3.0:
                end = m.start("name") + words[-2].end()  # "Mr Nowak Toolkit": the word after the surname is not a name
            out.append(_res(self, m.start("name"), end, 0.9, "title before a name"))
        for m in CAPS_TITLE_RE.finditer(text):
            toks = [t for t in m.group("name").replace(".", " ").split() if len(t) > 1]
            if toks and all(t.lower() not in STOP and (is_name_like(t) or zipf(t) < 3.5) for t in toks):
                out.append(_res(self, m.start("name"), m.end("name"), 0.85, "title before a name in capitals"))
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
        for m in QUOTED_NICK_RE.finditer(text):
            if is_first_name(m.group("first")) or is_surname(m.group("last")) or is_first_name(m.group("nick")):
                out.append(_res(self, m.start("name"), m.end("name"), 0.8, "name with a quoted nickname"))
        speakers = list(SPEAKER_RE.finditer(text))
        # a transcript (several lines "Name: ..."): a speaker is a name even when the gazetteer does not
        # know it ("Dhegdheer: ok"), unless it is an ordinary word or a label ("Agent", "Note")
        transcript = len({m.group("name") for m in speakers}) >= 2 and len(speakers) >= 3
        for m in speakers:
            toks = m.group("name").split()
            if (is_first_name(toks[0]) and toks[0].lower() not in STOP and zipf(toks[0]) < 4.0
                    and all(is_name_like(t) or zipf(t) < 3.0 for t in toks[1:])):
                out.append(_res(self, m.start("name"), m.end("name"), 0.7, "speaker's name in a chat"))
            elif transcript and all(t.lower() not in STOP and t.lower() not in SPEAKER_LABELS and zipf(t) < 3.0
                                    for t in toks):
                out.append(_res(self, m.start("name"), m.end("name"), 0.6, "speaker in a transcript"))
        chat = list(CHAT_LINE_RE.finditer(text)) or list(CHAT_LINE_TIME_AFTER_RE.finditer(text))
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
        if bodies:
            # a chat's speakers and addressees written in lower case: "[..] craig: ...", "@bill", ": mark - can u"
            for m in chat:
                w = m.group("name")
                if w[:1].islower() and _chat_label_name_ok(w) and (counts.get(w, 0) >= 2 or zipf(w) < 4.5):
                    out.append(_res(self, m.start("name"), m.end("name"), 0.65, "lower-case speaker's name in a chat"))
            for ls, le in bodies:
                for w in CHAT_AT_RE.finditer(text, ls, le):
                    if _chat_label_name_ok(w.group("name").lower()):
                        out.append(_res(self, w.start("name"), w.end("name"), 0.6, "@name in a chat"))
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
                for w in CHAT_NAME_ING_RE.finditer(text, ls, le):
                    if _chat_name_ok(w.group("name")):
                        out.append(_res(self, w.start("name"), w.end("name"), 0.55, "lower-case first name before an -ing verb in a chat"))
                for w in CHAT_NAME_CUE_RE.finditer(text, ls, le):
                    if _chat_name_ok(w.group("name")) and len(w.group("name")) > 2:
                        out.append(_res(self, w.start("name"), w.end("name"), 0.55, "lower-case first name after a cue in a chat"))
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
                    (is_name_like(w) and zipf(w) < 4.0) or (zipf(w) < 1.5 and len(w) >= 4)):
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
            if all(t.lower() not in STOP and t.lower() not in SPEAKER_LABELS and (is_name_like(t) or zipf(t) < 3.5) for t in toks):
                out.append(_res(self, m.start("name"), m.end("name"), 0.75, "name before a relation in brackets"))
        for m in (VIET_MIDDLE_RE.finditer(text) if ("Thi" in text or "Thị" in text or "Văn" in text) else ()):
            # a Vietnamese name with the middle name "Thi"/"Văn": "Vo Thi Hoa", "Tran Van Minh"
            if m.group("a").lower() not in STOP and m.group("b").lower() not in STOP and zipf(m.group("b")) < 4.0:
                out.append(_res(self, m.start(), m.end(), 0.7, "Vietnamese name with a middle name Thi/Van"))
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
        for m in CAPS_SURNAME_FIRST_RE.finditer(text):
            sur, given = m.group("sur"), m.group("given").split()
            if (len(sur) > 2 and is_surname(sur) and not _common(sur) and sur.lower() not in STOP
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
        for m in STATEMENT_PAYEE_RE.finditer(text):
            if _statement_person(m.group("name")):
                out.append(_res(self, m.start("name"), m.end("name"), 0.7, "payee on a bank statement line"))
                continue
            toks = m.group("name").split()
            if len(toks) >= 3 and len(toks[0].strip(".")) == 1 and _statement_person(" ".join(toks[:2])):
                # an initial and a surname, then the payment's reference words: "FPO A RENNIE FOOTBALL SUBS"
                e = m.start("name") + m.group("name").find(toks[1]) + len(toks[1])
                out.append(_res(self, m.start("name"), e, 0.7, "payee (initial and surname) on a bank statement line"))
        for m in (CAPS_INITIAL_DOUBLE_RE.finditer(text) if "-" in text else ()):
            parts = m.group("sur").split("-")
            if all(len(x) > 2 and is_surname(x) and not _common(x) for x in parts):
                out.append(_res(self, m.start(), m.end(), 0.6, "initial and double-barrelled surname in capitals"))
        for m in INITIAL_SURNAME_RE.finditer(text):
            sur = m.group("sur")
            parts = [x for x in re.split(r"-", sur) if x]
            if (is_surname(sur) and not _common(sur)) or (len(parts) > 1 and all(
                    is_name_like(x) and not _common(x) for x in parts)):  # double-barrelled: "R. Ahmed-Shah"
                out.append(_res(self, m.start(), m.end(), 0.6, "initial and surname (gazetteer)"))
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
                if is_first_name(f) and not _common(f) or (is_first_name(f) and zipf(f) < 5.2 and is_surname(l) and not _common(l)):
                    if (is_surname(l) or zipf(l) < 3.0) and l.lower() not in STOP:
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
        # kept for the analyzer: Presidio drops a result inside a higher-scored NER span, and when the
        # analyzer then rejects that NER span the name found here must not be lost with it
        self.last = (text, out)
        return out
