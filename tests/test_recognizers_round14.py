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
