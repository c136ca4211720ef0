"""Detection round 25N: names by mechanism - a payee or payer on a bank statement line written with accents, a
particle, the direction in the bank's language, a bracketed note or the payee's account number
after it; a table's column headings are no name; a listed first name or one-word alias with its "s" run on, also
capitalised, and before "other half"; a surname's initial listed in an alias is no name on its own.

Blank spaCy pipeline (no NER) where the analyzer is used: the rules on their own. Every name and text here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import PartyKind
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, people


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R25N", received=date(2026, 11, 23),
        requester=Party(name="Ilona Wardęga", role="receiving parent"),
        third_parties=[Party(name="Bartosz Wardęga", role="paying parent", aliases=("Bartosz W.",)),
                       Party(name="Renata Szulc", role="paying parent's partner", aliases=("Reni", "Szuli")),
                       Party(name="Tomasz Wardęga", role="paying parent's brother", aliases=("Tom Wardega",))],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _tp(analyzer, text):
    return [p.lower() for p in people(analyzer, text, PartyKind.THIRD_PARTY)]


def _unknown(analyzer, text):
    return [p.lower() for p in people(analyzer, text, PartyKind.UNKNOWN)]


def _any_person(analyzer, text):
    return [p.lower() for k in PartyKind for p in people(analyzer, text, k)]


# ---------------------------------------------------------------- a statement's payee with accents and a particle

def test_statement_payee_in_accented_capitals_with_particle(analyzer):
    text = ("Data       Descrição                                 Débito      Crédito     Saldo\n"
            "07/04      TRF PARA ANA DE JESUS CORDEIRO                        80,00                   912,40\n")
    assert "ana de jesus cordeiro" in _unknown(analyzer, text)


def test_statement_payee_before_bracketed_note(analyzer):
    text = "11/05    TRANSFER FROM LUKYANENKO V (SISTER)                      120.00   1,006.57\n"
    assert any(u.startswith("lukyanenko") for u in _unknown(analyzer, text))


def test_statement_payee_before_account_number(analyzer):
    text = "14 Jul   TFR TO O KRAVETS UA91 3052 9900 0002 6208 7311 5490 8      75.00                 1,120.00\n"
    assert "o kravets" in _unknown(analyzer, text)


def test_statement_payee_before_iban_word(analyzer):
    text = "19/06      TRF ANTONIO JOAQUIM SEIXAS IBAN PT50 0035 0651 0007 6243 8100 2   60,00      400,10\n"
    assert "antonio joaquim seixas" in _unknown(analyzer, text)


def test_statement_shop_line_is_no_payee(analyzer):
    text = "10/03      PAG SERV ELECTRICIDADE NORTE                              38,20                  1.316,35\n"
    assert _any_person(analyzer, text) == []


# ---------------------------------------------------------------- column headings are no name

def test_column_headings_far_apart_are_no_name(analyzer):
    text = "Fecha      Concepto                                       Cargo      Abono     Saldo\n"
    assert _any_person(analyzer, text) == []


# ---------------------------------------------------------------- listed name with "s" run on, capitalised

def test_capitalised_run_on_s_before_relation(analyzer):
    text = "I left the money with Toms brother on Friday because nobody answered the door.\n"
    assert any(p.startswith("tom") for p in _tp(analyzer, text))


def test_capitalised_run_on_s_no_english_word(analyzer):
    text = "[15/06/2025, 08:55] Kasia: saw his van outside Renis again last night\n"
    assert "reni" in _tp(analyzer, text)


def test_lower_run_on_s_of_one_word_alias(analyzer):
    text = "Sun 11 May 2025 23:04  B\n  dont know what ur on about. i was at szulis all night ask her\n"
    assert "szuli" in _tp(analyzer, text)


def test_run_on_s_before_other_half(analyzer):
    text = "Kasia  14 Jan 2025 21:03\n   hiya its kasia, toms other half. can we talk x\n"
    assert "tom" in _tp(analyzer, text)


def test_capitalised_run_on_s_after_title_is_not_the_person(analyzer):
    text = "The letter was signed by Mr Toms on behalf of the landlord.\n"
    assert "tom" not in _tp(analyzer, text)


# ---------------------------------------------------------------- a surname's initial is no name alone

def test_surname_initial_of_alias_is_no_name_alone(analyzer):
    text = "From: Ilona W <ilona.w@example.com>\nPlease see the attached letter from the council.\n"
    assert "w" not in _tp(analyzer, text)


# ---------------------------------------------------------------- the NER model and case.json agree on a lower-case name

def _ner_case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R25N-NER", received=date(2026, 11, 23),
        requester=Party(name="Karen Holt", role="receiving parent"),
        third_parties=[Party(name="Wayne Holt", role="paying parent"),
                       Party(name="Roxanne Kemp", role="paying parent's partner", aliases=("Kelly",))],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def ruler_analyzer(tmp_path_factory):
    """The case's analyzer over a blank pipeline whose only NER is a rule tagging a few lower-case words as PERSON
    (a stand-in for the trained model reading a lower-case name)."""
    import spacy

    from recognizers import build_analyzer
    from recognizers.analyzer import DetectSettings

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": w} for w in ("wayne", "kelly", "karen")])
    path = tmp_path_factory.mktemp("model") / "ruler"
    nlp.to_disk(path)
    return build_analyzer(_ner_case(), DetectSettings(spacy_model=str(path)))


def test_ner_lower_case_listed_given_name_is_the_party(ruler_analyzer):
    text = "[02/03/2025, 21:41:22] Karen H: ur never there for them wayne. not once this year\n"
    assert "wayne" in _tp(ruler_analyzer, text)


def test_ner_lower_case_listed_one_word_alias_is_the_party(ruler_analyzer):
    text = "23/08/2025 16:03  Jo:  i didnt send kelly. she went on her own\n"
    assert "kelly" in _tp(ruler_analyzer, text)


def test_ner_lower_case_requester_given_name_is_not_redacted(ruler_analyzer):
    text = "23/08/2025 16:03  Jo:  ok but karen is here so wait in the car\n"
    assert "karen" not in _any_person(ruler_analyzer, text)
