"""Detection round 2: rules that generalise beyond the development corpus.

Blank spaCy pipeline (no NER): parties, patterns, context and gazetteer only. The names
and values are made up for these tests.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers import DetectSettings, build_analyzer
from recognizers.parties import PartyMatcher


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R2", received=date(2026, 1, 10),
        requester=Party(name="Corinne Ashworth", role="receiving parent", emails=("c.ashworth@example.com",)),
        third_parties=[
            Party(name="Leopold Ashworth", role="paying parent (ex-husband)"),
            Party(name="Winifred Ashworth", role="paying parent's mother"),
            Party(name="Dagny Pellinor", role="paying parent's partner", aliases=("Dagny Ashworth",)),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "blank"
    spacy.blank("en").to_disk(path)
    return build_analyzer(_case(), DetectSettings(spacy_model=str(path)))


@pytest.fixture(scope="module")
def matcher():
    return PartyMatcher(_case())


def names(matcher, text):
    return [(text[s.start:s.end], s.party) for s in matcher.match(text) if s.entity_type == EntityType.PERSON]


def texts(findings, et=None):
    return [f.text for f in findings if et is None or f.entity_type == et]


# ---------------------------------------------------------------- category 3: shared surnames
def test_full_name_with_middle_initial_is_a_full_mention(matcher):
    assert names(matcher, "Re: Ms Corinne B Ashworth") == [("Corinne B Ashworth", -1)]
    assert names(matcher, "MR LEOPOLD J. ASHWORTH") == [("LEOPOLD J. ASHWORTH", 0)]


def test_surname_first_form_fields(matcher):
    assert names(matcher, "Receiving parent ..... ASHWORTH, Corinne") == [("ASHWORTH, Corinne", -1)]
    assert names(matcher, "Name: ASHWORTH LEOPOLD") == [("ASHWORTH LEOPOLD", 0)]


def test_surname_then_initials_is_settled_by_the_initial(matcher):
    assert names(matcher, "PP: ASHWORTH L   RP: ASHWORTH C") == [("ASHWORTH L", 0), ("ASHWORTH C", -1)]


def test_title_excludes_the_other_gender_before_recency(matcher):
    t = "Mr L. Ashworth was seen at the house. Ms Corinne Ashworth called. Later Ms Ashworth called again."
    got = names(matcher, t)
    assert got[-1] == ("Ashworth", -1)


def test_initials_mention_counts_for_recency(matcher):
    t = "Dear Mrs C. Ashworth\n\nWe write about Mrs Ashworth and her move."
    got = names(matcher, t)
    assert got[0] == ("C. Ashworth", -1) and got[1] == ("Ashworth", -1)


def test_relation_before_a_title_picks_the_relative(matcher):
    t = "Corinne Ashworth said her ex-mother-in-law, Mrs Ashworth, had phoned."
    assert names(matcher, t)[-1] == ("Ashworth", 1)


def test_own_identifier_later_in_the_sentence_settles_the_owner(matcher):
    t = ("Winifred Ashworth signed the lease. Mrs Ashworth is content to be contacted by email "
         "(c.ashworth@example.com).")
    assert names(matcher, t)[-1] == ("Ashworth", -1)


def test_bare_surname_is_whoever_has_it_as_current_name_unless_just_mentioned():
    matcher = PartyMatcher(CaseRecord(
        case_id="T-R2B", received=date(2026, 1, 10), requester=Party(name="Corinne Ashworth"),
        third_parties=[Party(name="Dagny Pellinor", aliases=("Dagny Ashworth",))], root=Path(".")))
    far = "Dagny Ashworth phoned on Monday." + " Notes." * 30 + "\nAshworth rang again, unhappy."
    assert names(matcher, far)[-1] == ("Ashworth", -1)
    near = "My name is Dagny Pellinor now, not Ashworth any more."
    assert names(matcher, near)[-1] == ("Ashworth", 0)
