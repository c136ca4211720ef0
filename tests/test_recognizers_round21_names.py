"""Detection round 21N: unknown people's names and name false alarms, by mechanism - staff who sign a log or a
note as an initial run onto the surname ("K.Brandt"), a log entry's author column ("date time  T. Surname (code)").

Blank spaCy pipeline (no NER) unless said otherwise: the rules on their own. Every name here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R21N", received=date(2026, 11, 23),
        requester=Party(name="Joanne Pryce", role="receiving parent"),
        third_parties=[Party(name="Darren Holt", role="paying parent")],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _people(analyzer, text) -> list[str]:
    return [f.text for f in analyzer.analyze(text)
            if f.entity_type == EntityType.PERSON and f.party == PartyKind.UNKNOWN]


# ---------------------------------------------------------------- an initial run onto a surname

def test_initial_run_onto_capitals_surname(analyzer):
    text = "02/06/2026 AGT P.ABIODUN - PP RANG RE ARREARS. ADVISED OF BALANCE.\n"
    assert "P.ABIODUN" in _people(analyzer, text)


def test_initial_run_onto_title_case_and_double_barrelled_surnames(analyzer):
    text = ("11/05/2026 10:02  F.Kilbride    IC    RP asked about the payment date.\n"
            "12/05/2026 14:40  G.HARGREAVES-OWUSU    OC    Called PP back, no answer.\n")
    got = _people(analyzer, text)
    assert "F.Kilbride" in got and "G.HARGREAVES-OWUSU" in got


def test_initial_run_onto_surname_with_particles_and_two_initials(analyzer):
    text = "Checked and countersigned by M.J.Tregothnan. Copy typed up by E.DE JONGH for the file.\n"
    got = _people(analyzer, text)
    assert "M.J.Tregothnan" in got and "E.DE JONGH" in got


def test_initial_run_onto_a_word_is_no_name(analyzer):
    # an e-mail's local part, a web address, a sentence run on after a capital letter, a road
    text = ("Write to f.kilbride@example.org or see www.example.org/A.Guide for help. Take Plan B.Then ring us.\n"
            "The office is on A.ROAD near the station.\n")
    got = _people(analyzer, text)
    assert not any(x in " ".join(got) for x in ("Then", "Guide", "ROAD", "kilbride"))


# ---------------------------------------------------------------- a log entry's author column

def test_log_author_column_initial_and_surname_with_staff_code(analyzer):
    text = ("17/03/2026 09:40  V. Ekwueme (HX2)\n"
            "PP called to say he is now working nights. Asked for a new calculation.\n\n"
            "2026-03-19 1105 | L Marchetti | Outbound call to RP, voicemail left.\n")
    got = _people(analyzer, text)
    assert "V. Ekwueme" in got and "L Marchetti" in got


def test_log_author_column_not_a_word(analyzer):
    text = "17/03/2026 09:40  A Call (IC)\n18/03/2026 10:00  B Letter\nLetter issued.\n"
    got = _people(analyzer, text)
    assert not any(x in " ".join(got) for x in ("Call", "Letter"))
