"""Detection round 24N: names by mechanism - a listed first name with its "s" run on in lower case, where the
run-on form is no English word; a lower-case word, or a span with a lower-case word, in a clause of another language
is no name even when the name lists hold it; a first name and surname inside a longer run of a log written in
capitals; the National Insurance number's abbreviation is no name; a relation between a possessive and a lower-case
first name; the commonest English words in lower case are words; a firm of partners in capitals; a name the lists
lack as a chat sentence's subject; a double-barrelled surname after a common first name; a name someone gave; beauty
businesses and a building after "Unit N"; a first name's home with "s" run on; hyphenated initials of a listed given
name; the name an account is in.

Blank spaCy pipeline (no NER) where the analyzer is used: the rules on their own. Every name and text here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import PartyKind
from pipeline.models import CaseRecord, Party
from recognizers.refine import foreign_non_name
from tests.detect_fixtures import blank_model_analyzer, people


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R24N", received=date(2026, 11, 23),
        requester=Party(name="Claire Moffat", role="receiving parent"),
        third_parties=[Party(name="Declan Ferris", role="paying parent"),
                       Party(name="Tamsin Ferris", role="paying parent's new partner", aliases=("Tam",)),
                       Party(name="Mark Ferris", role="paying parent's brother"),
                       Party(name="Grace Ferris", role="paying parent's sister"),
                       Party(name="Marie-Claire Dunmore", role="paying parent's mother")],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _tp(analyzer, text):
    return [p.lower() for p in people(analyzer, text, PartyKind.THIRD_PARTY)]


# ---------------------------------------------------------------- a listed first name with "s" run on

def test_run_on_s_of_listed_name_is_the_person(analyzer):
    text = "Agent: How can I help?\nYou: declans not paid a penny since june and he laughs about it\n"
    assert "declan" in _tp(analyzer, text)


def test_run_on_s_after_to_is_the_person(analyzer):
    text = "Sun 4 Jan 19:02\ndont text me about money. send it to tamsins if u have to\n"
    assert "tamsin" in _tp(analyzer, text)


def test_run_on_s_that_is_a_word_is_not_the_person(analyzer):
    # "marks" is an English word: without a cue it is not the listed Mark's
    text = "Sun 4 Jan 19:05\nthe school sent his marks home and they were good\n"
    assert "mark" not in _tp(analyzer, text)


# ---------------------------------------------------------------- words of another language

def test_lower_case_word_in_portuguese_clause_is_no_name():
    # "ela" (she) is also in the name lists; in a clause whose other words are mostly no English words it is the word
    text = "[03/02/2026, 10:12] Bea: os miúdos ficam com ela em casa da avó no natal, já combinámos tudo\n"
    s = text.index("ela")
    assert foreign_non_name(text, s, s + 3)


def test_lower_case_name_in_english_chat_is_kept():
    text = "[03/02/2026, 10:12] Bea: tell ur mate ela to stop messaging me about the money\n"
    s = text.index("ela")
    assert not foreign_non_name(text, s, s + 3)


def test_span_with_lower_case_word_in_foreign_clause_is_no_name():
    text = "Em không có tiền tháng này, chị đừng gọi nữa.\n"
    assert foreign_non_name(text, 0, len("Em không"))


def test_name_in_english_clause_is_kept():
    text = "Em Walsh said she would come round on Tuesday with the forms.\n"
    assert not foreign_non_name(text, 0, len("Em Walsh"))


# ---------------------------------------------------------------- a name inside a run of capitals

def test_caps_name_after_log_words_is_found(analyzer):
    text = ("12/02/26 14:10 OB CALL TO EMPLOYER. SPOKE TO MAUREEN HALLIWELL (PAYROLL). CONF PP STARTED 01/26.\n"
            "12/02/26 14:30 DEO ISSUED. COPY TO FILE.\n")
    assert any("MAUREEN HALLIWELL" in p for p in people(analyzer, text))


def test_caps_name_before_log_words_is_found(analyzer):
    text = ("20/03/26 ARREARS REFERRED FOR ENFORCEMENT. AGENT ASSIGNED: KIERAN OYELARAN MOB 07700 900123.\n"
            "20/03/26 LETTER SENT TO PP AT LAST KNOWN ADDRESS.\n")
    assert any("KIERAN OYELARAN" in p for p in people(analyzer, text))


def test_caps_street_abroad_is_no_name(analyzer):
    text = "MORADA: RUA DOM AFONSO HENRIQUES 14, 4700-031 BRAGA, PORTUGAL. ADDRESS CONFIRMED BY PP ON CALL.\n"
    assert not any("AFONSO" in p for p in people(analyzer, text))


# ---------------------------------------------------------------- the NI number's abbreviation

def test_nino_abbreviation_in_caps_log_is_no_name(analyzer):
    text = ("09/04/26 IB CALL FROM PP. DPA FAILED TWICE. ASKED FOR NINO - GIVEN AS JT 44 18 29 B. NINO MATCHES.\n"
            "09/04/26 PP SAYS HE HAS A NEW JOB. NINO CHECKED.\n")
    assert not any("NINO" in p for p in people(analyzer, text))


# ---------------------------------------------------------------- a relation, then who it is

def test_first_name_after_possessive_relation_in_chat_is_found(analyzer):
    text = ("[12/01/2026, 19:02] Dee: tell ur mate marnie to keep her nose out of it\n"
            "[12/01/2026, 19:04] Claire: she never said anything\n")
    assert "marnie" in [p.lower() for p in people(analyzer, text)]


def test_relation_before_a_modal_is_no_name(analyzer):
    text = ("[12/01/2026, 19:02] Dee: my brother will do the school run on friday\n"
            "[12/01/2026, 19:04] Claire: ok\n")
    assert "will" not in [p.lower() for p in people(analyzer, text)]


def test_listed_name_that_is_a_word_after_possessive_relation_is_found(analyzer):
    # "grace" is a fairly common English word; after "ur sister" it is the listed Grace
    text = ("[12/01/2026, 19:02] Dee: tell ur sister grace to stop driving past the house\n"
            "[12/01/2026, 19:04] Claire: ok\n")
    assert "grace" in _tp(analyzer, text)


def test_relation_cue_with_ur_finds_lower_case_name(analyzer):
    text = "sat 17 jan\nand tell ur pal tegan to stop messaging my mum about it\n"
    assert "tegan" in [p.lower() for p in people(analyzer, text)]


# ---------------------------------------------------------------- the commonest English words in lower case

def test_very_common_word_after_name_and_and_is_no_name():
    from recognizers.person_context import PersonContextRecognizer, chat_frame_names
    rec = PersonContextRecognizer()
    text = "CALLER: Her aunt rang my cousin Bronwen and said im getting taken to court.\n"
    b = text.index("Her")
    s = text.index("Bronwen")
    got = chat_frame_names(rec, text, [(b, len(text) - 1)], [], ner=[(s, s + len("Bronwen"))])
    assert "said" not in [text[r.start:r.end] for r in got]


# ---------------------------------------------------------------- a firm of partners in capitals

def test_caps_partners_joined_by_ampersand_are_a_firm():
    text = "14/05/26 LETTER FROM PP SOLICITORS (MCALLISTER & HUSSAIN) RE VARIATION. SCANNED.\n"
    s = text.index("MCALLISTER")
    assert foreign_non_name(text, s, s + len("MCALLISTER"))
    s = text.index("HUSSAIN")
    assert foreign_non_name(text, s, s + len("HUSSAIN"))


def test_caps_first_names_joined_by_ampersand_are_people():
    text = "14/05/26 RP SAYS KAYLEIGH & JOSH COLLECT THE CHILDREN ON FRIDAYS.\n"
    s = text.index("KAYLEIGH")
    assert not foreign_non_name(text, s, s + len("KAYLEIGH"))


# ---------------------------------------------------------------- a name the lists lack, as a chat sentence's subject

_CHAT_HEAD = "Messenger - conversation export\nParticipants: Claire Moffat, Declan Ferris\n\n"


def test_unknown_capitalised_subject_before_speech_verb_in_chat_is_found(analyzer):
    text = (_CHAT_HEAD + "05/03/2026 18:01  Declan Ferris: who is picking them up\n"
            "05/03/2026 18:02  Claire Moffat: I asked my cousin. Tuyet said she would be there at 5\n"
            "05/03/2026 18:05  Declan Ferris: fine\n")
    assert "Tuyet" in people(analyzer, text)


def test_capitalised_common_word_before_verb_is_no_name(analyzer):
    text = (_CHAT_HEAD + "05/03/2026 18:01  Declan Ferris: did u pay\n"
            "05/03/2026 18:02  Claire Moffat: ok. Money was sent on friday, check your account\n"
            "05/03/2026 18:05  Declan Ferris: fine\n")
    assert "Money" not in people(analyzer, text)


# ---------------------------------------------------------------- a double-barrelled surname after a common first name

def test_common_first_name_and_double_barrelled_surname_is_found(analyzer):
    text = ("A woman, Jordan Okafor-Lynch, aged 24, of Heath Lane, was spoken to at the scene and gave a statement.\n")
    assert any("Okafor-Lynch" in p for p in people(analyzer, text))


# ---------------------------------------------------------------- a name someone gave as theirs

def test_name_given_in_caps_log_is_found(analyzer):
    text = "IB CALL. MALE CALLER WOULD NOT CONFIRM DPA. GAVE NAME AS RORY. ADVISED CANNOT DISCUSS CASE.\n"
    assert "RORY" in people(analyzer, text)


def test_name_given_in_prose_is_found(analyzer):
    text = "A man answered the door and said his name was Kenan Oyelaran but would not give a date of birth.\n"
    assert any("Kenan" in p for p in people(analyzer, text))


# ---------------------------------------------------------------- a beauty business, and a firm's name with its town

def test_beauty_business_last_word_is_a_firm():
    text = "rp says his sister runs the salon now - Velvet Lashes, 40 Market Street. rp gave the salon number.\n"
    s = text.index("Velvet")
    assert foreign_non_name(text, s, s + len("Velvet Lashes"))


def test_span_opening_with_trade_word_is_a_firm():
    text = "From: Polished Nails Rotherham <appointments@polished.example.co.uk>\n"
    s = text.index("Nails")
    assert foreign_non_name(text, s, s + len("Nails Rotherham"))


# ---------------------------------------------------------------- a building named after its unit number

def test_name_after_unit_number_is_premises():
    from pipeline.codes import EntityType
    from pipeline.models import Finding
    from recognizers.refine import ner_person_is_word
    text = "Employer: Pennine Coatings Ltd, Unit 12 Ashworth Mills, Station Road, Brighouse HD6 1AB\n"
    s = text.index("Ashworth")
    f = Finding(start=s, end=s + len("Ashworth Mills"), entity_type=EntityType.PERSON, recognizer="SpacyRecognizer",
                score=0.85, party=PartyKind.UNKNOWN, text="Ashworth Mills")
    assert ner_person_is_word(text, f)


# ---------------------------------------------------------------- somebody's home, the possessive run on

def test_home_with_run_on_possessive_is_the_person(analyzer):
    text = "Sat 9 Mar 11:40\nkids are staying at shonas till monday so dont bother coming\n"
    assert "shona" in [p.lower() for p in people(analyzer, text)]


def test_at_a_plural_word_is_no_name(analyzer):
    text = "Sat 9 Mar 11:40\nkids are at lessons till four so dont bother coming\n"
    assert people(analyzer, text) == []


# ---------------------------------------------------------------- initials of a double-barrelled given name

def test_hyphenated_initials_before_listed_surname_are_the_person(analyzer):
    text = "To: Mr D Ferris, 3 Beck Side, Otley LS21 1AB\ncc: Mrs M-C Dunmore, 9 Mill Close, Otley LS21 2CD\n"
    assert any("Dunmore" in p for p in people(analyzer, text, PartyKind.THIRD_PARTY))
    assert any(p.startswith("M-C") for p in people(analyzer, text, PartyKind.THIRD_PARTY))


# ---------------------------------------------------------------- whose name an account is in

def test_name_an_account_is_in_is_found(analyzer):
    text = "The deposit came from an account in the name R J OYELARAN (11-22-33 44556677). Please explain.\n"
    assert any("OYELARAN" in p for p in people(analyzer, text))


def test_in_the_name_of_an_abstraction_is_no_name(analyzer):
    text = "He said he did it in the name of Justice and Fairness for the children.\n"
    assert people(analyzer, text) == []
