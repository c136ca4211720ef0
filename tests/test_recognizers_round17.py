"""Detection round 17: false alarms - words that look like names to the NER model or the context rules and
are not people (words of other languages for family members, greetings, religious and holiday words; eponymous
conditions; brands and car models; organisations, places and ordinary words).

The refine rules are tested on a Finding as the NER model or a context rule gives it (no model needed); each
test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

import pytest

from pipeline.codes import EntityType, PartyKind, ReasonCode
from pipeline.models import Finding
from recognizers.refine import _trim_kinship, ner_person_is_word


def _f(text: str, word: str, rec: str = "SpacyRecognizer", nth: int = 0) -> Finding:
    s = -1
    for _ in range(nth + 1):
        s = text.index(word, s + 1)
    return Finding(s, s + len(word), EntityType.PERSON, rec, 0.85, PartyKind.UNKNOWN, ReasonCode.TP, False, word)


def _dropped(text: str, word: str, rec: str = "SpacyRecognizer", nth: int = 0) -> bool:
    return ner_person_is_word(text, _trim_kinship(text, _f(text, word, rec, nth)))


# ---------------------------------------------------------------- foreign_non_name: words of other languages
@pytest.mark.parametrize("text,word,rec", [
    ("RP said Inshallah the review will be done.", "Inshallah", "SpacyRecognizer"),
    ("Says Wallahi he earns under 200 a week.", "Wallahi", "SpacyRecognizer"),
    ("Hooyo says come for Eid", "Eid", "SpacyRecognizer"),
    ("Aabo is he back yet?", "Aabo", "SpacyRecognizer"),
    ("next week. Ayeeyo is asking for you", "Ayeeyo", "SpacyRecognizer"),
    ("Nabadgelyo. Ramadan Kareem in advance lol", "Ramadan Kareem", "SpacyRecognizer"),
    ("Czesc kochanie, jak tam?", "Czesc kochanie", "SpacyRecognizer"),
    ("Czesc kochanie, jak tam?", "jak", "PersonContextRecognizer"),
    ("dziekuje kochanie. Buziaki", "kochanie", "PersonContextRecognizer"),
    ("Maman est chez Tantine a Croydon", "chez", "PersonContextRecognizer"),
    ("Maman est chez Tantine a Croydon", "Maman", "PersonContextRecognizer"),
    ("Mbote ndeko! Sango nini?", "Sango", "SpacyRecognizer"),
    ("Mokolo nini? Lundi?", "Mokolo nini", "SpacyRecognizer"),
    ("E kaaro all. Ekaaro. Dawn prayers", "Ekaaro", "SpacyRecognizer"),
])
def test_foreign_words_not_people(text, word, rec):
    assert _dropped(text, word, rec)


def test_kin_word_that_is_a_name_only_in_a_kin_frame():
    text = "Tala was with him. Her Lola and Tita came from Manila for Christmas"
    assert _dropped(text, "Lola") and _dropped(text, "Tita")
    # a person so named, with no possessive before: kept
    assert not _dropped("Lola said she saw him at the shop", "Lola")
    assert not _dropped("I spoke to Tita and Marisol yesterday", "Tita")


def test_foreign_family_term_trimmed_off_the_name():
    text = "Tonton Mukuna says tell the CMS. Eedo Khadra will bring it. Ate Joy sent the photos"
    for kin, name in (("Tonton Mukuna", "Mukuna"), ("Eedo Khadra", "Khadra"), ("Ate Joy", "Joy")):
        f = _trim_kinship(text, _f(text, kin))
        assert f.text == name


def test_greeting_beside_a_name_keeps_the_name():
    text = "Salaam Abdirizak, hope you are well"
    assert _trim_kinship(text, _f(text, "Salaam Abdirizak")).text == "Abdirizak"
    assert not _dropped(text, "Salaam Abdirizak")


# ---------------------------------------------------------------- eponymous conditions
def test_eponymous_condition_not_a_person():
    assert _dropped("Mummy has a hospital appointment for her Crohn's", "Crohn")
    assert _dropped("He was diagnosed with Hodgkin's lymphoma in May", "Hodgkin")
    assert not _dropped("I saw Mr Crohn at the garage", "Crohn")


# ---------------------------------------------------------------- brands and car models
def test_brands_and_models_not_people():
    assert _dropped("Ionela's bunica sends money from Revolut every week", "Revolut")
    assert _dropped("he bought an Alexa and a new Astra for her", "Astra", "PersonContextRecognizer")
    assert _dropped("he bought an Alexa and a new Astra for her", "Alexa")
    # a person with the brand's name, in a person's place: kept
    assert not _dropped("Alexa said she would pay on Friday", "Alexa")
    assert not _dropped("My friend Astra Nowak saw him", "Astra Nowak")


def test_vehicle_make_after_an_article_is_a_car():
    assert _dropped("He drives a white Mercedes and pays for Sky", "Mercedes")
    assert not _dropped("Mercedes said the money was late", "Mercedes")


# ---------------------------------------------------------------- trading names, places, coordination
def test_name_at_the_head_of_a_trading_name():
    assert _dropped("wujek knows his boss at Bogdan Builders\n", "Bogdan", "PersonContextRecognizer")
    assert _dropped("He works for Kowalski Brothers Cars on weekends", "Kowalski")
    # a title before it: the person ("Mr Bakare of Bakare Motors")
    assert not _dropped("The barber, Mr Bakare of Bakare Motors, can confirm the car.", "Bakare")


def test_region_after_a_place_preposition():
    assert _dropped("He delivers most evenings around Croydon and\nSutton, and he sells clothes", "Sutton")
    assert _dropped("Her family are still in Kinshasa.", "Kinshasa")
    # the same word as a person's surname, or a region that is also a given name after "to": kept
    assert not _dropped("Sutton said he would pay on Friday", "Sutton")
    assert not _dropped("I spoke to Kerry about the arrears", "Kerry")


def test_capitalised_word_coordinated_with_a_common_noun():
    text = "[19/11/2026, 07:50] Funmi: Amen. Grace and mercy. Iya agba says hi"
    assert _dropped(text, "Grace")
    assert _dropped(text, "mercy", "PersonContextRecognizer")
    # a name with a noun for people, and a chat in lower case: kept
    assert not _dropped("Thanks. Grace and family are coming on Sunday.", "Grace")
    assert not _dropped("[19/11/2026, 07:50] bex: amen. grace and mercy.", "mercy", "PersonContextRecognizer")


# ---------------------------------------------------------------- a listed name with or without its accents
def test_listed_name_found_with_or_without_accents():
    from datetime import date
    from pathlib import Path

    from pipeline.models import CaseRecord, Party
    from recognizers.parties import PartyMatcher

    case = CaseRecord(case_id="T-R17", received=date(2026, 11, 22),
                      requester=Party(name="Tamsin Ollerenshaw", role="receiving parent"),
                      third_parties=[Party(name="Nadege Mukendi", role="paying parent's partner"),
                                     Party(name="Zoë Brâncuși", role="paying parent")], root=Path("."))
    m = PartyMatcher(case)
    text = "lol. Nadège posts the parcels for him. Zoe Brancusi was there too.\n"
    found = {text[s.start:s.end] for s in m.find(text)} if hasattr(m, "find") else None
    if found is None:
        found = {text[s.start:s.end] for s in m._match_names(text)}
    assert "Nadège" in found
    assert any("Brancusi" in f for f in found)


def test_coordination_opening_a_sentence_and_brands_in_a_list():
    assert _dropped("Christmas soon. Holly and ivy on the door for Christmas.", "Holly")
    assert _dropped("Keys gone. Jack and wheel brace were stolen from the boot.", "Jack")
    assert not _dropped("Thanks. Jack and his wife came round on Sunday.", "Jack")
    assert _dropped("He sells on eBay and drives for Uber and Bolt in Birmingham.", "Bolt")
    assert not _dropped("He sells on eBay. Bolt said he drives most nights.", "Bolt")


def test_region_written_without_its_accents():
    assert _dropped("Anne and Baba send love from Izmir. Teyze too", "Izmir")


def test_holidays_medicines_and_conditions_in_a_list():
    text = "Christmas Eve, Boxing Day, Easter Monday, Eid al-Fitr.\nSertraline, Calpol. Asperger's, Tourette's.\n"
    assert _dropped(text, "Day", "PersonContextRecognizer")
    assert _dropped(text, "Easter")
    assert _dropped(text, "Eid al-Fitr")
    assert _dropped(text, "Sertraline")
    assert _dropped(text, "Tourette")
    assert not _dropped("I rang Mr Day about the arrears.", "Day", "PersonContextRecognizer")
