"""Unknown people named in lower case in terse notes (made-up text): a given name and a surname the NER model tags
as a person are kept as a name even when the given name is a frequent word or the note's abbreviations make it look
like a clause in another language (``refine.lower_given_surname``, ninth session)."""
from __future__ import annotations

import pytest

from pipeline.codes import EntityType, PartyKind
from recognizers import build_analyzer
from recognizers.refine import lower_given_surname
from tests.detect_fixtures import parents_case, people


@pytest.fixture(scope="module")
def analyzer():
    return build_analyzer(parents_case("LC-1", "Claire Bennett", "Dean Marsh"))


@pytest.mark.parametrize("text, name", [
    ("rp called, said gary lindqvist has been round again", "gary lindqvist"),  # a frequent given name
    ("webchat with hannah doyle re change of circs", "hannah doyle"),  # abbreviations, not another language
    ("noted that fraser mcallister is now self employed", "fraser mcallister"),  # no cue before it
])
def test_lower_case_name_in_a_note_is_an_unknown_person(analyzer, text, name):
    assert name in people(analyzer, text), people(analyzer, text)


@pytest.mark.parametrize("text", [
    "he will brown the onions first",
    "i will mark it down on the file",
    "rang claire bennett back re her payments",  # the requester's own name stays
])
def test_ordinary_words_and_the_requester_are_not_unknown_people(analyzer, text):
    assert not people(analyzer, text)


def test_the_requester_in_lower_case_is_not_redacted(analyzer):
    found = [f for f in analyzer.analyze("rang claire bennett back re her payments") if f.entity_type == EntityType.PERSON]
    assert all(f.party == PartyKind.REQUESTER for f in found) or not found


def test_lower_given_surname_shapes():
    assert lower_given_surname(["gary", "lindqvist"])  # a surname too rare to be a word
    assert lower_given_surname(["hannah", "doyle"])  # a listed surname
    assert not lower_given_surname(["will", "brown"])  # a surname that is an everyday word
    assert not lower_given_surname(["recd", "payment"])  # no given name
    assert not lower_given_surname(["gary", "lindqvist", "smith"])  # two words only
