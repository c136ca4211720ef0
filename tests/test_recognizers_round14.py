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
