"""Detection round 9: lower-case speaker labels and addressees in chat exports ("craig: ...", "@grace",
"mark - ..."), a listed party's phone written "(0)7700 ...", name particles inside non-Anglo names.

Blank spaCy pipeline (no NER) unless stated. Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, found


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R9", received=date(2026, 11, 20),
        requester=Party(name="Lorna Haigh", role="receiving parent", aliases=("Lorn Haigh",),
                        phones=("07700 900111",)),
        third_parties=[
            Party(name="Craig Pellow", role="paying parent", phones=("07700 900222",)),
            Party(name="Kerry Ashdown", role="paying parent's partner", phones=("07700 900333",)),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


PERSON = EntityType.PERSON
CHAT = (
    "[28/10/2026 18:02] craig: cant do saturday\n"
    "[28/10/2026 18:05] lorn: you said that last week\n"
    "[28/10/2026 18:09] craig: ask kerry then\n"
    "[28/10/2026 18:11] lorn: no\n"
    "[28/10/2026 18:12] grace: @lorn hes at it again\n"
    "[28/10/2026 18:13] grace: @dawn - sorry wrong chat\n"
    "[28/10/2026 18:14] lorn: mark - can u have them saturday\n"
)


def test_lower_case_speaker_label_of_a_listed_party(analyzer):
    fs = [f for f in analyzer.analyze(CHAT) if f.entity_type == PERSON]
    crais = [f for f in fs if f.text == "craig"]
    assert len(crais) == 2
    assert all(f.party == PartyKind.THIRD_PARTY for f in crais)


def test_lower_case_speaker_and_addressees_of_unknown_people(analyzer):
    got = found(analyzer, CHAT, PERSON)
    assert got.count("grace") == 2  # a speaker twice
    assert "dawn" in got  # "@dawn"
    assert "mark" in got  # "mark - can u"


def test_requester_addressed_with_at_is_not_redacted(analyzer):
    assert "lorn" not in found(analyzer, CHAT, PERSON)


def test_kin_and_role_labels_are_not_names(analyzer):
    chat = ("[01/11/2026 10:00] mum: are you coming\n[01/11/2026 10:01] lorn: yes\n"
            "[01/11/2026 10:02] mum: @nan is here\n[01/11/2026 10:03] lorn: ok\n")
    got = found(analyzer, chat, PERSON)
    assert "mum" not in got and "nan" not in got


def test_no_chat_no_speaker_rule(analyzer):
    # one line "word: ..." outside a chat is a label, not a speaker
    assert "mark" not in found(analyzer, "mark: see attached\n", PERSON)


def test_email_after_at_is_not_a_name(analyzer):
    text = "[01/11/2026 10:00] lorn: his email is k.p@craig.example.com\n[01/11/2026 10:01] grace: ok\n" \
           "[01/11/2026 10:02] lorn: ta\n"
    assert "craig" not in found(analyzer, text, PERSON)


@pytest.mark.parametrize("phone", ["(0)7700 900222", "+44 (0)7700 900 222", "07700-900-222", "077009 00222",
                                   "+447700900222"])
def test_listed_party_phone_in_other_groupings(analyzer, phone):
    fs = analyzer.analyze(f"Call from PP, he gave his number as {phone} this morning.")
    assert any(f.entity_type == EntityType.PHONE_NUMBER and f.party == PartyKind.THIRD_PARTY
               and phone.endswith(f.text[-3:]) for f in fs)


def _ner_finding(text, name):
    from pipeline.models import Finding
    from pipeline.codes import ReasonCode

    s = text.index(name)
    return Finding(s, s + len(name), PERSON, "SpacyRecognizer", 0.85, PartyKind.UNKNOWN, ReasonCode.TP, False, name)


@pytest.mark.parametrize("name", ["Inam Ul Haq", "Joao dos Reis", "Nguyen Thi Hoa", "Siti Aminah binti Yusof",
                                  "Ahmad Bin Salleh", "Hans van der Berg"])
def test_particle_inside_a_name_is_a_name_part(name):
    from recognizers.refine import ner_person_is_word

    text = f"The form was signed by {name} for the business."
    assert not ner_person_is_word(text, _ner_finding(text, name))


@pytest.mark.parametrize("name", ["Fenland Staffing", "Toyota Yaris", "Dos Staffing", "Thi Toolkit"])
def test_particle_at_an_edge_or_ordinary_words_still_not_a_name(name):
    from recognizers.refine import ner_person_is_word

    text = f"The form was sent by {name} for the business."
    assert ner_person_is_word(text, _ner_finding(text, name))


@pytest.fixture(scope="module")
def real_analyzer():
    from recognizers import build_analyzer

    return build_analyzer(_case())


def test_particle_names_with_the_shipped_model(real_analyzer):
    text = ("07/11/2026 09:30  Employer details form returned, signed by Inam Ul Haq for the business. "
            "The private hire firm is run by Joao dos Reis.\n")
    got = found(real_analyzer, text, PERSON)
    assert any("Inam Ul Haq" in g for g in got)
    assert any("Joao dos Reis" in g for g in got)


def _address_case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R9A", received=date(2026, 11, 20),
        requester=Party(name="Lorna Haigh", role="receiving parent"),
        third_parties=[Party(name="Craig Pellow", role="paying parent", phones=("0113 496 0572",),
                             addresses=("Flat 2, 61 Harehills Lane, Leeds LS8 5HS",))],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def addr_analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _address_case())


@pytest.mark.parametrize("value,expect", [
    ("61 Harehills La", "61 Harehills La"), ("Harehills La.", "Harehills La"), ("61 Harehills Ln", "61 Harehills Ln"),
    ("ls8 5hs", "ls8 5hs"), ("LS85HS", "LS85HS"),
    ("(0113) 496 0572", "(0113) 496 0572"), ("+44 (0)113 496 0572", "+44 (0)113 496 0572"), ("(0)113 4960572", "(0)113 4960572"),
])
def test_listed_address_postcode_phone_written_differently(addr_analyzer, value, expect):
    fs = addr_analyzer.analyze(f"He said it was {value} last week.\n")
    assert any(expect in f.text and f.party == PartyKind.THIRD_PARTY for f in fs)


def test_la_is_not_a_street_word_on_its_own(addr_analyzer):
    assert not [f for f in addr_analyzer.analyze("We ate at La Tasca on Harehills Road.\n")
                if f.party == PartyKind.THIRD_PARTY]


@pytest.mark.parametrize("text,name", [
    ("Compliance: letter from T NGUYEN-BARCLAY, licensing officer, confirms the licence.", "T NGUYEN-BARCLAY"),
    ("Payroll contact: D. OKONKWO-BELLO\n", "D. OKONKWO-BELLO"),
])
def test_initial_and_double_barrelled_surname_in_capitals(analyzer, text, name):
    assert name in found(analyzer, text, PERSON)


@pytest.mark.parametrize("text", ["See form A ROAD-SAFETY for details.", "Ref X CHILD-MAINTENANCE 2026",
                                  "Order a T-SHIRT now.", "Section B FULL-TIME WORK"])
def test_capitals_with_hyphens_that_are_not_names(analyzer, text):
    assert not found(analyzer, text, PERSON)
