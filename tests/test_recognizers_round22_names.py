"""Detection round 22N: unknown people's names and name false alarms, by mechanism - a member of staff named by their
job or by what they did to a record, then an initial and a surname ("AGENT S OKONJO.", "Checked H. Lindqvist."); a log
entry signed with a dash at its end ("-J.Hollingsworth"); a relative's name in brackets after the relation
("grandmother (Pinto)"); a building's name is no person ("Wellington House").

Blank spaCy pipeline (no NER) unless said otherwise: the rules on their own. Every name here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, parents_case, people


def _case() -> CaseRecord:
    return parents_case("T-R22N", "Joanne Pryce", "Darren Holt")


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ---------------------------------------------------------------- a staff cue, an initial and a surname

def test_capitals_log_signed_by_agent_with_rare_surname_and_initial_a(analyzer):
    text = ("03/02/2025 1115 PP CALLED RE ARREARS. PROMISED PAYMENT FRIDAY. AGENT T MBEKWELU.\n"
            "04/02/2025 0900 LETTER ISSUED TO PP. OFFICER A GRUFFYDD.\n"
            "05/02/2025 1400 RP ASKED FOR UPDATE. TL I O'DRISCOLL.\n")
    got = people(analyzer, text)
    assert "T MBEKWELU" in got and "A GRUFFYDD" in got and "I O'DRISCOLL" in got


def test_mixed_case_action_by_initial_and_surname(analyzer):
    text = ("Office use: form scanned 02/03/26. Verified P. Szczerbiak.\n"
            "approved_by,M Ferreira-Lusk (Finance) 04/03/2026\n")
    got = people(analyzer, text)
    assert "P. Szczerbiak" in got and "M Ferreira-Lusk" in got


def test_staff_cue_not_before_a_word(analyzer):
    text = ("ID CHECKED: PASSPORT SEEN. OFFICER I SAID NO.\n"
            "Checked A ROAD closure notice. AGENT A BIT LATE.\n")
    got = people(analyzer, text)
    assert not any(x in " ".join(got) for x in ("PASSPORT", "SAID", "ROAD", "BIT"))


# ---------------------------------------------------------------- a log entry signed with a dash

def test_log_entry_signed_with_a_dash(analyzer):
    text = ("02/03/26 DD collected. -sys\n"
            "05/03/26 OB call RP, left voicemail. -K.Ashworth-Pell\n")
    assert "K.Ashworth-Pell" in people(analyzer, text)


# ---------------------------------------------------------------- a relation, then the name in brackets

def test_name_in_brackets_after_a_relation(analyzer):
    text = ("The children stay with their paternal aunt (Pinto) at weekends. "
            "RP's new partner (Marsh) answered the door.\n")
    got = people(analyzer, text)
    assert "Pinto" in got and "Marsh" in got


def test_bracket_after_a_relation_that_is_no_name(analyzer):
    text = "The child lives with her mother (RP) and her grandmother (Unknown) visits.\n"
    got = people(analyzer, text)
    assert "RP" not in got and "Unknown" not in got


# ---------------------------------------------------------------- a building's name is no person

def test_building_name_is_no_person(analyzer):
    text = ("Revenues Team, Stanley House, 14 Tanner Street, Leeds LS2 7QT\n"
            "Please write to us at Wellington House or Marlowe Chambers if anything changes.\n")
    got = people(analyzer, text)
    assert not any("House" in x or "Chambers" in x for x in got)


# ---------------------------------------------------------------- firms, hesitations and labels that are no people

def test_firm_in_capitals_with_its_trade_is_no_person(analyzer):
    from recognizers.refine import foreign_non_name
    text = "PP SEEN WORKING AT BRODIE ROOFING YARD. ALSO PAID BY OGDEN PLUMBING.\n"
    s = text.index("BRODIE")
    assert foreign_non_name(text, s, s + len("BRODIE"))
    s = text.index("OGDEN PLUMBING")
    assert foreign_non_name(text, s, s + len("OGDEN PLUMBING"))


def test_capitals_name_before_a_reference_word_is_still_a_person():
    from recognizers.refine import foreign_non_name
    text = "02/06   FPO T NOWICKI REF VAN HIRE   120.00\nask DARIUSZ NOWAK at the garage\n"
    s = text.index("T NOWICKI")
    assert not foreign_non_name(text, s, s + len("T NOWICKI"))
    s = text.index("DARIUSZ NOWAK")
    assert not foreign_non_name(text, s, s + len("DARIUSZ NOWAK"))


def test_eatery_name_is_no_person():
    from recognizers.refine import foreign_non_name
    text = "He works at Lotus Kitchen and weekends at Golden Grill.\n"
    for firm in ("Lotus Kitchen", "Golden Grill"):
        s = text.index(firm)
        assert foreign_non_name(text, s, s + len(firm))


def test_hesitation_and_non_words_are_no_people(analyzer):
    text = ("AGENT: And the reference number if you have it?\n"
            "CALLER: Er, 4471 2209 3310. That's the one on the old letter.\n"
            "Brendan Oyelaran             11/12/1999      Non-dependant (lodger)\n")
    got = people(analyzer, text)
    assert "Er" not in got and "Non-dependant" not in got and "Brendan Oyelaran" in got


def test_bench_label_is_no_person():
    from recognizers.refine import ROLE_WORDS
    assert "bench" in ROLE_WORDS  # "Bench:   Mrs K. Ashgrove (chair)": the magistrates, a label (the model took it)


# ---------------------------------------------------------------- a chat's name in lower case, in a frame

@pytest.fixture(scope="module")
def chat_analyzer(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R22N-CHAT", received=date(2026, 11, 23),
        requester=Party(name="Joanne Pryce", role="receiving parent"),
        third_parties=[Party(name="Darren Holt", role="paying parent"), Party(name="Kelly Mercer", role="partner"),
                       Party(name="Tony Rook", role="friend")],
        root=Path("."),
    )
    return blank_model_analyzer(tmp_path_factory, case)


def _listed(analyzer, text) -> list[str]:
    return [f.text for f in analyzer.analyze(text)
            if f.entity_type == EntityType.PERSON and f.party == PartyKind.THIRD_PARTY]


def test_listed_name_in_lower_case_between_that_and_a_noun_for_a_person(chat_analyzer):
    text = ("19/06/2026, 12:44 - Nuno: that kelly woman is a clown\n"
            "19/06/2026, 12:46 - Nuno: that summer was hot. that will man\n")
    got = _listed(chat_analyzer, text)
    assert "kelly" in got and "summer" not in got and "will" not in got


def test_writer_names_themself_in_answer_to_who_is_this(analyzer):
    # (a chat's speaker saved with an emoji after the name, as phones do)
    text = ("[02/05/2025, 20:01] Pen 🌸: is this joanne\n"
            "[02/05/2025, 20:02] Jo: Who is this?\n"
            "[02/05/2025, 20:02] Pen 🌸: its penny. darrens gf\n"
            "[02/05/2025, 20:03] Jo: its summer. so what\n")
    got = people(analyzer, text)
    assert "penny" in got and "summer" not in got


# ---------------------------------------------------------------- a signature block: initials, surname, office

def test_signature_initials_and_surname_over_their_office(analyzer):
    text = ("3. Makes no award of expenses.\n\nT. W. Abernethy-Scott\nSheriff\n\n"
            "Yours sincerely\n\nG.H. Okwuosa\nSenior Caseworker\n")
    got = people(analyzer, text)
    assert "T. W. Abernethy-Scott" in got and "G.H. Okwuosa" in got


def test_signature_layout_needs_an_office_and_a_surname(analyzer):
    text = "See section B. Hall\nOpening hours\n\nA. Road\nManager\n"
    got = people(analyzer, text)
    assert not any("Road" in x or "Hall" in x for x in got)
