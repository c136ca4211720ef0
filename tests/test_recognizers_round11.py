"""Detection round 11: unknown people's names that are also common words ("will", "mark", "bill", "hope"),
read from the words around them (name_frame); names in logs written in capitals; a recurring lower-case
chat speaker unknown to English; one sense per document (a name found once recurs).

Blank spaCy pipeline (no NER): the rules on their own. Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from recognizers.person_context import _frame_tokens, name_frame
from tests.detect_fixtures import blank_model_analyzer, found


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R11", received=date(2026, 11, 22),
        requester=Party(name="Tamsin Ollerenshaw", role="receiving parent", phones=("07700 900111",)),
        third_parties=[Party(name="Radomir Quenby", role="paying parent", phones=("07700 900222",))],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


PERSON = EntityType.PERSON


def _frame(sentence: str, word: str, known=frozenset(), caps=False):
    toks = _frame_tokens(sentence, 0, len(sentence))
    i = next(k for k, t in enumerate(toks) if t[2] == word)
    return name_frame(toks, i, [], known, caps)


# ---------------------------------------------------------------- name_frame on its own
@pytest.mark.parametrize("sentence,word", [
    ("ask mark he knows", "mark"),
    ("i was talking to rose at bingo", "rose"),
    ("me and sonny are doing it", "sonny"),
    ("her and andrei share the car", "andrei"),
    ("may from work might have the kids", "may"),
    ("joy at the nursery said they lost them", "joy"),
    ("a man called ray", "ray"),
    ("who is will.", "will"),
])
def test_a_person_s_place(sentence, word):
    pos, neg = _frame(sentence, word)
    assert not neg and pos >= 2


@pytest.mark.parametrize("sentence,word", [
    ("mark my words he will pay", "mark"),
    ("i will ring them monday", "will"),
    ("did the gas bill come", "bill"),
    ("i hope the cms sort it", "hope"),
    ("will do. see you later", "will"),
    ("to be frank i dont care", "frank"),
    ("no joy with the forms", "joy"),
    ("i start at dawn all week", "dawn"),
    ("not paying a penny more", "penny"),
    ("it is may already", "may"),
    ("mass at st mark's tonight", "mark's"),
])
def test_the_ordinary_word(sentence, word):
    pos, neg = _frame(sentence, word)
    assert neg or pos < 1


def test_a_possessive_counts_by_what_it_is_of():
    assert _frame("working at will's site today", "will's")[0] >= 2
    assert _frame("why china's exports fell", "china's")[0] < 2


def test_which_before_a_name_known_in_the_document():
    assert _frame("which stefan? the tall one", "stefan")[1]
    assert not _frame("which stefan? the tall one", "stefan", known=frozenset({"stefan"}))[1]


def test_a_log_s_action_for_a_person_in_capitals():
    assert _frame("AGREED: WRITE TO HMRC. WOOD TO ACTION.".lower(), "wood", caps=True)[0] >= 1
    assert _frame("AGREED: WRITE TO HMRC. WOOD TO ACTION.".lower(), "wood", caps=False)[0] == 0


# ---------------------------------------------------------------- in a chat export
CHAT = (
    "[01/11/2026, 10:02] Tamsin Ollerenshaw: he came in the van with will from the garage. i will ring the cms\n"
    "[01/11/2026, 10:04] Nell: ask mark he knows everyone there\n"
    "[01/11/2026, 10:05] Tamsin Ollerenshaw: mark my words hes working. the gas bill came too\n"
    "[01/11/2026, 10:07] Nell: me and sonny saw him. tell hope i said hi\n"
    "[01/11/2026, 10:09] Tamsin Ollerenshaw: i hope so. will do\n"
    "[01/11/2026, 10:11] Nell: who is grace\n"
    "[01/11/2026, 10:12] Tamsin Ollerenshaw: his cousin. hes helping grace move, no grace period for me\n"
)


def test_common_word_names_in_a_chat(analyzer):
    got = found(analyzer, CHAT, PERSON)
    assert got.count("will") == 1  # "with will from the garage", not "i will ring", not "will do"
    assert got.count("mark") == 1  # "ask mark", not "mark my words"
    assert "sonny" in got and got.count("hope") == 1  # "tell hope", not "i hope so"
    assert got.count("grace") == 2  # "who is grace", then "helping grace" (the same person), not "no grace period"
    assert "bill" not in got


def test_a_capitalised_surname_before_who_in_a_chat(analyzer):
    chat = ("[02/11/2026, 21:04] jo: u ok hun\n[02/11/2026, 21:06] Tamsin Ollerenshaw: yeah fine\n"
            "[02/11/2026, 21:07] jo: shes nice. Shields who does the nights says hes on the rota\n"
            "[02/11/2026, 21:09] Tamsin Ollerenshaw: knew it\n")
    assert "Shields" in found(analyzer, chat, PERSON)


def test_a_recurring_lower_case_speaker_unknown_to_english(analyzer):
    chat = ("[10/11/2026, 18:00] zdravka: did u eat\n[10/11/2026, 18:04] Tamsin Ollerenshaw: yes\n"
            "[10/11/2026, 18:05] zdravka: good\n[10/11/2026, 18:06] Tamsin Ollerenshaw: x\n")
    assert found(analyzer, chat, PERSON).count("zdravka") == 2


# ---------------------------------------------------------------- a log in capitals
LOG = (
    "02/11/2026 09:12 AH  INBOUND CALL FROM PP. NEW EMPLOYER IS PRICE (SOLE TRADER). PAID CASH WEEKLY.\n"
    "02/11/2026 09:31 AH  EMPLOYER DETAILS REQUESTED FROM PRICE BY LETTER. COPY TO TEAM LEADER J HOPE.\n"
    "04/11/2026 14:05 MK  RP STATES PP ALSO WORKS WEEKENDS FOR BAKER AT THE CAR PARK. NO EVIDENCE.\n"
    "10/11/2026 10:15 MK  INTERPRETER MEHMET YILDIZ ARRANGED FOR RP'S MOTHER ZEYNEPSU - NOT A PARTY.\n"
    "10/11/2026 10:40 MK  PP'S LANDLORD STONE CAN CONFIRM THE BUSINESS. STONE WALL AT FRONT HAS HER SIGN.\n"
    "12/11/2026 16:30 AH  FILE REVIEWED WITH WOOD (COMPLIANCE). AGREED: WRITE TO HMRC. WOOD TO ACTION.\n"
    "14/11/2026 09:05 AH  THE PRICE OF THE VAN WAS NOT GIVEN. NO HOPE OF A DEO.\n"
)


def test_names_in_a_log_in_capitals(analyzer):
    got = found(analyzer, LOG, PERSON)
    assert got.count("PRICE") == 2  # "EMPLOYER IS PRICE", then "FROM PRICE BY LETTER"; not "THE PRICE OF"
    assert "J HOPE" in got and "HOPE" not in got  # not "NO HOPE OF"
    assert "BAKER" in got and "MEHMET YILDIZ" in got and "ZEYNEPSU" in got
    assert got.count("STONE") == 1  # the landlord, not "STONE WALL"
    assert got.count("WOOD") == 2


def test_a_form_label_is_not_a_mention(analyzer):
    text = ("NINO            LA276305B\nNote            Couple claim since 02/2025 with\n"
            "                JANKAUSKAS DARIUS (NINO YH 73 06 41 D, DOB 17/11/1986).\n")
    assert not [f for f in analyzer.analyze(text) if f.entity_type == PERSON and f.start < 20]


# ---------------------------------------------------------------- one sense per document, in prose
def test_a_lower_case_word_in_prose_is_not_the_name(analyzer):
    text = ("Our practice nurse, Grace Oduya, has seen her. Please call Mrs Sandhu. "
            "With grace and patience she will answer any query.")
    got = found(analyzer, text, PERSON)
    assert "grace" not in got


def test_a_rare_name_recurs_in_a_chat(analyzer):
    chat = ("Bogi Farkas 08/11/2026 19:02: hi\nTamsin Ollerenshaw 08/11/2026 19:05: stefan saw him there every day\n"
            "Bogi Farkas 08/11/2026 19:06: which stefan? the tall one?\nTamsin Ollerenshaw 08/11/2026 19:08: yes\n")
    assert found(analyzer, chat, PERSON).count("stefan") == 2


# ---------------------------------------------------------------- the NER model's common words (refine)
def _ner(text: str, word: str):
    from pipeline.codes import PartyKind, ReasonCode
    from pipeline.models import Finding

    s = text.index(word)
    return Finding(s, s + len(word), PERSON, "SpacyRecognizer", 0.85, PartyKind.UNKNOWN, ReasonCode.TP, False, word)


def test_ner_common_word_at_a_sentence_start_in_its_ordinary_frame():
    from recognizers.refine import ner_person_is_word

    assert ner_person_is_word("Nell: Will you be at the school later", _ner("Nell: Will you be at the school later", "Will"))
    assert ner_person_is_word("ok. Mark my words he is working", _ner("ok. Mark my words he is working", "Mark"))
    assert not ner_person_is_word("ok. Will said he is working", _ner("ok. Will said he is working", "Will"))


def test_ner_common_word_capitalised_only_at_sentence_starts_and_lower_case_elsewhere():
    from recognizers.refine import ner_person_is_word

    text = "Did u get the bill from the council?\nYeah. Bill is due on the 5th so after that"
    assert ner_person_is_word(text, _ner(text, "Bill"))
    named = text + "\nI asked Bill about it"
    assert not ner_person_is_word(named, _ner(named, "Bill"))  # capitalised inside a sentence: a name here


def test_an_answer_in_a_capitals_log_is_no_name(analyzer):
    text = "14/10/2026 09:10 AH  PP'S NEW PARTNER IS PREGNANT. PP'S EMPLOYER IS SELF (SOLE TRADER). FOR REVIEW.\n"
    assert found(analyzer, text, PERSON) == []


def test_a_name_after_a_role_and_is(analyzer):
    text = "My GP is at the Merridale practice, and the health visitor was Faith. I have faith the letters will help."
    got = found(analyzer, text, PERSON)
    assert got == ["Faith"]


def test_coordination_with_a_person_in_a_chat(analyzer):
    chat = ("[01/11/2026, 10:30] Nell: me and jade, kayleigh and tom are going sunday\n"
            "[01/11/2026, 10:31] Tamsin Ollerenshaw: ok\n[01/11/2026, 10:32] Nell: will n rob both do cash jobs\n"
            "[01/11/2026, 10:33] Tamsin Ollerenshaw: ok\n")
    got = found(analyzer, chat, PERSON)
    assert {"jade", "kayleigh", "tom", "will", "rob"} <= set(got)


def test_a_speaker_label_of_a_name_found_elsewhere_and_at_bill(analyzer):
    chat = ("[03/11/2026, 19:20] Dawn: anyone know a cheap plumber\n"
            "[03/11/2026, 19:22] grace: @bill does ours\n"
            "[03/11/2026, 19:33] hope: grace - thats her\n"
            "[03/11/2026, 19:35] Dawn: @hope dont start lol\n")
    got = found(analyzer, chat, PERSON)
    assert "bill" in got and got.count("hope") == 2


def test_two_common_first_names_coordinated_and_a_rarer_name_as_a_subject(analyzer):
    chat = ("[12/11/2026, 20:03] ruth: he was down the pub with jack and miles all night\n"
            "[12/11/2026, 20:04] Tamsin Ollerenshaw: typical. try ruby or carol\n"
            "[12/11/2026, 20:06] ruth: lance pays everyone cash\n"
            "[12/11/2026, 20:07] Tamsin Ollerenshaw: drew the short straw there. i need to jack this in. miles away\n")
    got = found(analyzer, chat, PERSON)
    assert got.count("jack") == 1 and got.count("miles") == 1  # not "jack this in", "miles away"
    assert {"ruby", "carol", "lance"} <= set(got) and "drew" not in got


def test_a_log_s_action_assigned_to_a_person(analyzer):
    log = ("19/11/2026 14:20 JT  DISCUSSED WITH TEAM. AGREED: DEO NOT APPROPRIATE. CASE TO FIU. FOX TO REVIEW.\n"
           "20/11/2026 09:00 JT  Agreed with compliance. Pickering to action. Letter to send. Need to review in May.\n"
           "21/11/2026 09:00 JT  PP SAYS HE WILL PAY. WILL TO ACTION NEXT WEEK. BACK TO WORK IN MAY.\n")
    got = found(analyzer, log, PERSON)
    assert got == ["FOX", "Pickering"]


def test_a_note_written_in_lower_case(analyzer):
    note = ("to the cms. my ex says he has no money but he works every day with mark at the car wash on the ring "
            "road. ask mark yourself. his new girlfriend is called summer. me and dawn have seen them both. i hope "
            "you will look at this again because i cant pay the gas bill. mark my words he is lying.")
    got = found(analyzer, note, PERSON)
    assert got.count("mark") == 2 and "summer" in got and "dawn" in got
    assert "bill" not in got and "hope" not in got


def test_a_capitalised_common_word_name_inside_a_sentence(analyzer):
    text = ("Hi Bev, thanks for the call today. I spoke to Will at the CMS and he said to send the payslips. "
            "Mark the envelope private. We will pay in May.")
    got = found(analyzer, text, PERSON)
    assert "Will" in got and "Mark" not in got and "May" not in got


def test_a_surname_in_capitals_in_a_mixed_case_log(analyzer):
    log = ("22/07/26  Called PRICE re DD date change. Next appt 02/09/26 with PRICE.\n"
           "23/07/26  Paid with CASH at the counter. Sent to HMRC. Letter from DWP re UC. Client in LEEDS today.\n")
    assert found(analyzer, log, PERSON) == ["PRICE", "PRICE"]


def test_a_recurring_speaker_s_common_first_name_and_its_mention_at_a_message_end(analyzer):
    sms = ("[05/11/2026 17:40] Dawn: cant have them this weekend\n"
           "[05/11/2026 17:42] Tamsin Ollerenshaw: u said saturday\n"
           "[05/11/2026 17:45] Dawn: whatever\n"
           "[06/11/2026 08:31] Tamsin Ollerenshaw: summer is only 15 dawn. ill ask my mum\n")
    got = found(analyzer, sms, PERSON)
    assert got.count("Dawn") == 2 and got.count("dawn") == 1


def test_ner_word_unknown_to_the_gazetteer_after_in_is_a_place():
    from recognizers.refine import ner_person_is_word

    text = "He also stays some nights with a friend called Tariq in Belgrave."
    assert ner_person_is_word(text, _ner(text, "Belgrave"))
    assert not ner_person_is_word(text, _ner(text, "Tariq"))


def test_gazetteer_carries_more_communities_names_but_no_new_common_words():
    from recognizers.gazetteer import is_first_name

    assert all(is_first_name(n) for n in ("Bogi", "Laci", "Peti", "Erzsi", "Zsofi"))  # Hungarian
    assert not is_first_name("Mate")  # Croatian/Hungarian, but an English word: not added


def test_ner_sentence_start_word_kept_in_a_person_s_place():
    from recognizers.refine import ner_person_is_word

    text = "Did the gas bill come?\nYeah. Bill next door said to ring the council"
    assert not ner_person_is_word(text, _ner(text, "Bill"))


def test_a_surname_that_is_a_word_after_spoke_to_in_a_capitals_log(analyzer):
    log = ("03/12/2026 10:00 JT  SPOKE TO COOK RE ARREARS. COOK SAYS PP WORKS NIGHTS.\n"
           "03/12/2026 10:10 JT  REFERRED TO FIU. WROTE TO COUNCIL. SPOKE TO RP. PASSED TO COMPLIANCE. SPOKE TO MOTHER.\n")
    assert found(analyzer, log, PERSON) == ["COOK", "COOK"]


def test_ner_month_is_no_person():
    from recognizers.refine import ner_person_is_word

    text = "Payments from May to June. Paid in April 2026. I spoke to May at reception."
    assert ner_person_is_word(text, _ner(text, "May"))
    assert ner_person_is_word(text, _ner(text, "April"))
    later = text.index("May at")
    f = _ner(text, "May")
    f = type(f)(later, later + 3, f.entity_type, f.recognizer, f.score, f.party, f.reason, f.needs_review, "May")
    assert not ner_person_is_word(text, f)


def test_more_capitals_log_shapes(analyzer):
    log = ("05/12/2026 11:00 JT  SPOKE TO OKONKWO AT THE GARAGE. KOWALCZYK SAYS PP WORKS NIGHTS.\n"
           "05/12/2026 11:10 JT  PP'S COUSIN TAHIR AND HIS WIFE FARZANA ATTENDED. ALSO PRESENT: IONESCU (INTERPRETER).\n"
           "05/12/2026 11:20 JT  PP SAYS HE WORKS NIGHTS. DEO NOT APPROPRIATE (TL). HMRC SAYS NO RECORD.\n")
    got = found(analyzer, log, PERSON)
    assert {"OKONKWO", "KOWALCZYK", "TAHIR", "FARZANA", "IONESCU"} <= set(got)
    assert not {"DEO", "HMRC", "PP"} & set(got)


def test_a_common_word_name_alone_after_a_sign_off(analyzer):
    text = ("Hi Tamsin,\n\nThanks for sending the payslips.\n\nKind regards\nHope\n\n-----\n"
            "Thanks,\nWill\nFamily Adviser\n\n-----\nThanks again. Love\nMum\n")
    got = found(analyzer, text, PERSON)
    assert "Hope" in got and "Will" in got and "Mum" not in got


def test_a_mention_matched_only_by_case_folding_does_not_break_detection(analyzer):
    # document_mentions' pattern matches case-insensitively the way the re module folds case, so it also
    # matches "\u017fusanna" (long s) and "\u212aelly" (Kelvin sign); looking those up by .lower() raised KeyError
    text = ("I spoke to Susanna Okafor yesterday. I spoke to Kelly Brown too.\n"
            "Later \u017fusanna rang again and \u212aelly said hi.\n")
    got = found(analyzer, text, EntityType.PERSON)
    assert "Susanna Okafor" in got
