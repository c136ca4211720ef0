"""Detection round 14: names of communities the lists had few of (Kurdish, Afghan, Eritrean, Korean,
Japanese, Chinese, Filipino, Sherpa), chat exports with a date but no year, one-cue mentions, the NER
model's sentence-initial idioms ("Grace period ends").

Blank spaCy pipeline (no NER) unless said: the rules on their own. Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from recognizers.gazetteer import is_first_name
from recognizers.person_context import _frame_tokens, name_frame
from tests.detect_fixtures import blank_model_analyzer, found


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R14", received=date(2026, 11, 22),
        requester=Party(name="Tamsin Ollerenshaw", role="receiving parent", phones=("07700 900111",)),
        third_parties=[Party(name="Radomir Quenby", role="paying parent", phones=("07700 900222",))],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


PERSON = EntityType.PERSON


# ---------------------------------------------------------------- gazetteer
@pytest.mark.parametrize("name", ["Rebaz", "Gulalai", "Hamoudi", "Dawit", "Abeba", "Luwam", "Meimei", "Seoyeon",
                                  "Bayani", "Lhakpa", "Tenzing", "Dolkar"])
def test_gazetteer_more_communities(name):
    assert is_first_name(name)


@pytest.mark.parametrize("word", ["Peachy", "Bogs", "Salve", "Jester", "Karma"])
def test_gazetteer_deep_lists_leave_words(word):
    assert not is_first_name(word)


def test_rare_community_name_in_lower_case_chat(analyzer):
    text = ("[12/11/2026, 18:02] Kerry: hows things\n"
            "[12/11/2026, 18:05] Me: rebaz says he did a cash job\n"
            "[12/11/2026, 18:06] Kerry: typical\n"
            "[12/11/2026, 18:09] Me: lhakpa was there too\n")
    got = found(analyzer, text, PERSON)
    assert "rebaz" in got and "lhakpa" in got


# ---------------------------------------------------------------- chats
_WECHAT = ("WeChat conversation (translated)\n"
           "Participants: Ling, Fang\n\n"
           "Fang 09/11 21:14: he was at the bar again tonight\n"
           "Ling 09/11 21:16: did he see you?\n"
           "Fang 09/11 21:17: no. the cousin gave him the keys\n"
           "Ling 09/11 21:30: ok. thanks, fang. say hi to wei and xiaoyu\n")


def test_chat_with_date_without_year_and_a_header(analyzer):
    got = found(analyzer, _WECHAT, PERSON)
    assert "wei" in got and "xiaoyu" in got


def test_speaker_with_the_time_after_the_name(analyzer):
    got = found(analyzer, _WECHAT, PERSON)
    assert got.count("Fang") == 3 and "fang" in got


def test_greeting_then_comma_addresses_a_name():
    toks = _frame_tokens("ok. thanks, wei.", 0, 16)
    i = next(k for k, t in enumerate(toks) if t[2] == "wei")
    assert name_frame(toks, i, [])[0] >= 1


_SMS = ("[12/11/2026, 18:02] Kerry: hows things\n"
        "[12/11/2026, 18:05] Me: u need to ring them\n"
        "[12/11/2026, 18:06] Kerry: i did. no amber at the cms said its 6 weeks\n"
        "[12/11/2026, 18:09] Me: 6 weeks!! amber warning for rain tmrw btw\n")


def test_no_as_an_answer_before_a_person_who_says(analyzer):
    got = found(analyzer, _SMS, PERSON)
    assert got.count("amber") == 1  # "no amber at the cms said", not "amber warning"
    assert "amber" not in found(analyzer, _SMS.replace("said its", "its"), PERSON)  # "no X at the Y" alone: a thing


# ---------------------------------------------------------------- the NER model's people, checked (refine)
from pipeline.codes import PartyKind, ReasonCode  # noqa: E402
from pipeline.models import Finding  # noqa: E402
from recognizers.refine import ner_person_is_word, person_with_street_surname  # noqa: E402


def _ner(text: str, word: str, nth: int = 0) -> Finding:
    s = -1
    for _ in range(nth + 1):
        s = text.index(word, s + 1)
    return Finding(s, s + len(word), PERSON, "SpacyRecognizer", 0.85, PartyKind.UNKNOWN, ReasonCode.TP, False, word)


@pytest.mark.parametrize("text,word", [
    ("Dear Sir,\n\nGrace period ends on 30 November for the plan.", "Grace"),
    ("Thanks for the call. Pat on the back to the caseworker.", "Pat"),
    ("I was upset. Frank advice is what I needed.", "Frank"),
    ("It did not help. Frank\ndiscussion with the adviser did not help.", "Frank"),
    ("Since the change. Bill payments have been late.", "Bill"),
])
def test_idiom_on_a_common_word_opening_a_sentence(text, word):
    assert ner_person_is_word(text, _ner(text, word))


@pytest.mark.parametrize("text,word", [
    ("I rang the office. Grace said she would call back.", "Grace"),
    ("I rang the office. Frank never called back.", "Frank"),
    ("I rang the office. Pat will confirm this.", "Pat"),
    ("Grace period ends soon. I spoke to Grace about it.", "Grace"),  # a name elsewhere in the text
])
def test_name_opening_a_sentence_kept(text, word):
    assert not ner_person_is_word(text, _ner(text, word))


@pytest.mark.parametrize("text,span,ok", [
    ("My neighbour Tom Chase saw him leave.", "Tom Chase", True),
    ("I spoke to Amy Hill about the van.", "Amy Hill", True),
    ("He lives at 4 Hunters Chase, Bolton.", "Hunters Chase", False),
    ("His mother lives on Victoria Road.", "Victoria Road", False),
    ("The shop on Grace Hill is shut.", "Grace Hill", False),
    ("Marsh Lane is closed.", "Marsh Lane", False),
])
def test_person_whose_surname_is_a_street_type(text, span, ok):
    s = text.index(span)
    assert person_with_street_surname(text, s, s + len(span)) is ok


def test_form_label_is_no_speaker(analyzer):
    text = ("Name: Declan Ollerenshaw\nVehicle: PK20 LXE\n\nName: Siobhan Ollerenshaw\nNINO: SH 74 20 93 A\n"
            "Vehicle: MA17 RZO\nContact: 07700 900776\n")
    assert "NINO" not in found(analyzer, text, PERSON)


# ---------------------------------------------------------------- listed parties in lower case (parties)
@pytest.fixture(scope="module")
def analyzer_words(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R14b", received=date(2026, 11, 22),
        requester=Party(name="Kerry Ollerenshaw", role="receiving parent"),
        third_parties=[Party(name="Dean Rowbotham", role="paying parent"), Party(name="Marius Quenby", role="his brother"),
                       Party(name="Lee Hartigan", role="his friend")],
        root=Path("."),
    )
    return blank_model_analyzer(tmp_path_factory, case)


def test_listed_word_name_in_lower_case_in_a_persons_place(analyzer_words):
    got = found(analyzer_words, "[01/11/2026, 10:33] Sal: did u see dean turned up at 9\n", PERSON)
    assert "dean" in got
    got = found(analyzer_words, "[01/11/2026, 10:33] Sal: the dean of the college wrote\n", PERSON)
    assert "dean" not in got


@pytest.mark.parametrize("text,name", [
    ("[10/11/2026, 18:04] zsofi: the kids are at mariuss till sunday\n", "marius"),
    ("[10/11/2026, 18:04] zsofi: lauren says deans got a new job\n", "dean"),
])
def test_listed_first_name_with_a_run_on_possessive(analyzer_words, text, name):
    assert name in found(analyzer_words, text, PERSON)


@pytest.mark.parametrize("text,word", [
    ("Can you check the books?\n\nSalamat,\nWeng\n", "Salamat"),
    ("Please do not forward post.\n\nObrigado / thank you\n\nR. O. Santos\n", "Obrigado"),
])
def test_closing_word_in_another_language(text, word):
    assert ner_person_is_word(text, _ner(text, word))


def test_closing_line_keeps_a_greeting_to_a_person():
    text = "Abrehet,\nThank you for seeing me on Tuesday, it helped a great deal.\n"
    assert not ner_person_is_word(text, _ner(text, "Abrehet"))


def test_place_one_sense_per_document():
    text = "He sends money to his uncle in Asmara. The money for Asmara comes from the shop."
    assert ner_person_is_word(text, _ner(text, "Asmara", 1))
    text2 = "He sends money to his uncle in Asmara. I asked Asmara about it and Asmara said no."
    assert not ner_person_is_word(text2, _ner(text2, "Asmara", 1))


# ---------------------------------------------------------------- Korean given names, rare chat names
@pytest.mark.parametrize("word,ok", [("Seo-yeon", True), ("min-seok", True), ("Jun-ho", True), ("so-so", False),
                                     ("Ha-ha", False), ("Sun-set", False), ("in-house", False), ("Go-kart", False)])
def test_hyphenated_korean_given_name(word, ok):
    assert is_first_name(word) is ok


def test_surname_in_capitals_that_is_a_word_before_a_korean_given_name(analyzer):
    text = "Statement\n\n2. He manages a bar owned by his cousin KIM Seo-yeon.\n"
    assert "KIM Seo-yeon" in found(analyzer, text, PERSON)


_KCHAT = ("[09/11/2026, 21:14] Fang: he was at the bar again tonight\n"
          "[09/11/2026, 21:16] Ling: did he see you?\n"
          "[09/11/2026, 21:17] Fang: no. seo-yeon gave him the keys\n"
          "[09/11/2026, 21:22] Fang: ok but dont tell haruto, he is his best friend\n"
          "[09/11/2026, 21:23] Ling: so-so. see u tmrw\n")


def test_lower_case_hyphenated_given_name_in_a_chat(analyzer):
    got = found(analyzer, _KCHAT, PERSON)
    assert "seo-yeon" in got and "so-so" not in got


def test_word_unknown_to_english_after_a_strong_cue_in_a_chat(analyzer):
    got = found(analyzer, _KCHAT, PERSON)
    assert "haruto" in got and "tmrw" not in got


@pytest.mark.parametrize("text,span,ok", [
    ("Mr Haile drives for Hagos Weldemichael at weekends.", "Hagos Weldemichael", True),
    ("a bar owned by his cousin KIM Seo-yeon.", "KIM Seo-yeon", True),
    ("He works for Morgan Stanley in London.", "Morgan Stanley", False),
    ("He works for Hagos Weldemichael Ltd in London.", "Hagos Weldemichael", False),
    ("Back it on Indi Go Go now.", "Indi Go Go", False),
])
def test_person_over_the_models_organisation(text, span, ok):
    from recognizers.refine import person_over_ner_org
    s = text.index(span)
    assert person_over_ner_org(text, s, s + len(span)) is ok


# ---------------------------------------------------------------- one-cue mentions (name_frame)
def _frame(sentence: str, word: str, known=frozenset()):
    toks = _frame_tokens(sentence, 0, len(sentence))
    i = [k for k, t in enumerate(toks) if t[2] == word][-1]
    return name_frame(toks, i, [], known)


def test_modal_before_a_finite_verb_is_a_name_known_in_the_text():
    pos, neg = _frame("may is lovely. no joy with the forms", "may", frozenset({"may"}))
    assert not neg and pos >= 2
    pos, neg = _frame("may is always busy for them", "may")  # (a month, where no "may" is a name)
    assert pos < 2


@pytest.mark.parametrize("sentence,word", [
    ("no joy at the council said they cant help", "joy"),
    ("work does my head in. will is being read on friday", "will"),
])
def test_one_cue_common_word_left(sentence, word):
    pos, neg = _frame(sentence, word)
    assert neg or pos < 2


@pytest.mark.parametrize("sentence,word", [
    ("is he still with that irina", "irina"),
    ("told the cms im on 16 hrs. rose does my wages so dont bother", "rose"),
])
def test_one_cue_person(sentence, word):
    pos, neg = _frame(sentence, word)
    assert not neg and pos >= 2


@pytest.mark.parametrize("sentence,word", [
    ("i may do it tmrw", "may"),
    ("i like that rose in the garden", "rose"),
    ("it does my head in. rose does my head in", "rose"),
])
def test_one_cue_word_left(sentence, word):
    pos, neg = _frame(sentence, word)
    assert neg or pos < 2


def test_modal_name_known_earlier_in_the_chat(analyzer):
    text = ("[01/11/2026, 10:31] Kerry: may do. may from work might have the kids\n"
            "[01/11/2026, 10:33] Nic: may is lovely. no joy with the forms then\n"
            "[01/11/2026, 10:35] Kerry: ok\n")
    assert found(analyzer, text, PERSON).count("may") == 2
    text2 = ("[01/11/2026, 10:31] Kerry: any joy with the council\n"
             "[01/11/2026, 10:33] Nic: no joy at the council said they cant help. may is always busy\n"
             "[01/11/2026, 10:35] Kerry: will is being read on friday\n")
    got = found(analyzer, text2, PERSON)
    assert "may" not in got and "joy" not in got and "will" not in got


# ---------------------------------------------------------------- old misses: titles, notes, answers
def test_street_abbreviation_then_a_sentence_is_no_title(analyzer):
    text = "He lives at his father's house in Comiston Dr. Any handover should take place at the school.\n"
    assert "Any" not in found(analyzer, text, PERSON)


def test_title_and_initial_in_lower_case(analyzer):
    text = ("Me 18:10: ok. tell mrs p to have them back by 6\n"
            "Jess 18:11: fine. dont miss a payment tho\n"
            "Me 18:12: ms word crashed again\n")
    got = found(analyzer, text, PERSON)
    assert "p" in got and "a" not in got and "w" not in got


def test_long_lower_case_line_in_a_mixed_note(analyzer):
    text = ("Handwritten note (transcribed) found in file\n\n"
            "rang re the paying parent - spoke to his landlady. she says he moved out in march, now staying "
            "with a stefan somewhere in leith. her son Ruairidh has a number for him.\n"
            "Also rang the employer.\n")
    assert "stefan" in found(analyzer, text, PERSON)


def test_answer_to_a_who_question_in_a_chat(analyzer):
    text = ("Jess 18:02: his mum is picking them up\n"
            "Me 18:05: who is picking them up\n"
            "Jess 18:06: brenda. shes fine\n"
            "Me 18:07: ok\n")
    assert "brenda" in found(analyzer, text, PERSON)
    assert "brenda" not in found(analyzer, text.replace("who is picking", "is anyone picking"), PERSON)


def test_listed_word_name_whereabouts(analyzer_words):
    text = "[02/11/2026, 21:07] Jodie: shes mental. is lee still with that Stacey from the club\n"
    assert "lee" in found(analyzer_words, text, PERSON)


def test_whereabouts_question_needs_a_place_or_company():
    pos, _ = _frame("is bill still due on friday", "bill")
    assert pos == 0


# ---------------------------------------------------------------- tables
_TABLE = ("Staff list\n"
          "Surname      Forename    Role\n"
          "THAPA        Bishnu      packer\n"
          "NAKAMURA     Yui         packer\n"
          "Total        3\n\n"
          "Payee                Amount\n"
          "Citizens Advice      20.00\n")


def test_name_columns_of_a_table(analyzer):
    got = found(analyzer, _TABLE, PERSON)
    assert {"THAPA", "Bishnu", "NAKAMURA", "Yui"} <= set(got)
    assert "Total" not in got and "Citizens Advice" not in got and "packer" not in got


def test_name_column_by_a_role_header(analyzer):
    text = ("DATE       | EMPLOYEE          | HOURS | SUPERVISOR\n"
            "05/10/2026 | LIMBU Dil Kumar   | 12.0  | TAMANG Pemba\n")
    got = found(analyzer, text, PERSON)
    assert "LIMBU Dil Kumar" in got and "TAMANG Pemba" in got


def test_form_label_and_value_is_no_table(analyzer):
    text = ("REFERRAL\n\nName            KAZLAUSKAS TOMAS\nNINO            LA276305B\nDOB             30/07/1985\n"
            "Address         4 Mill Lane\n")
    got = found(analyzer, text, PERSON)
    assert "NINO" not in got and "DOB" not in got and "Address" not in got
