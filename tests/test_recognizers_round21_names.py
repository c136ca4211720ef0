"""Detection round 21N: unknown people's names and name false alarms, by mechanism - staff who sign a log or a
note as an initial run onto the surname ("K.Brandt"), a log entry's author column ("date time  T. Surname (code)").

Blank spaCy pipeline (no NER) unless said otherwise: the rules on their own. Every name here is made up.
"""
from __future__ import annotations

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord
from tests.detect_fixtures import blank_model_analyzer, parents_case, people


def _case() -> CaseRecord:
    return parents_case("T-R21N", "Joanne Pryce", "Darren Holt")


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ---------------------------------------------------------------- an initial run onto a surname

def test_initial_run_onto_capitals_surname(analyzer):
    text = "02/06/2026 AGT P.ABIODUN - PP RANG RE ARREARS. ADVISED OF BALANCE.\n"
    assert "P.ABIODUN" in people(analyzer, text)


def test_initial_run_onto_title_case_and_double_barrelled_surnames(analyzer):
    text = ("11/05/2026 10:02  F.Kilbride    IC    RP asked about the payment date.\n"
            "12/05/2026 14:40  G.HARGREAVES-OWUSU    OC    Called PP back, no answer.\n")
    got = people(analyzer, text)
    assert "F.Kilbride" in got and "G.HARGREAVES-OWUSU" in got


def test_initial_run_onto_surname_with_particles_and_two_initials(analyzer):
    text = "Checked and countersigned by M.J.Tregothnan. Copy typed up by E.DE JONGH for the file.\n"
    got = people(analyzer, text)
    assert "M.J.Tregothnan" in got and "E.DE JONGH" in got


def test_initial_run_onto_a_word_is_no_name(analyzer):
    # an e-mail's local part, a web address, a sentence run on after a capital letter, a road
    text = ("Write to f.kilbride@example.org or see www.example.org/A.Guide for help. Take Plan B.Then ring us.\n"
            "The office is on A.ROAD near the station.\n")
    got = people(analyzer, text)
    assert not any(x in " ".join(got) for x in ("Then", "Guide", "ROAD", "kilbride"))


# ---------------------------------------------------------------- a log entry's author column

def test_log_author_column_initial_and_surname_with_staff_code(analyzer):
    text = ("17/03/2026 09:40  V. Ekwueme (HX2)\n"
            "PP called to say he is now working nights. Asked for a new calculation.\n\n"
            "2026-03-19 1105 | L Marchetti | Outbound call to RP, voicemail left.\n")
    got = people(analyzer, text)
    assert "V. Ekwueme" in got and "L Marchetti" in got


def test_log_author_column_not_a_word(analyzer):
    text = "17/03/2026 09:40  A Call (IC)\n18/03/2026 10:00  B Letter\nLetter issued.\n"
    got = people(analyzer, text)
    assert not any(x in " ".join(got) for x in ("Call", "Letter"))


# ---------------------------------------------------------------- bank statement lines

_STATEMENT = (
    "Statement of account\n"
    "Date      Description                                   Out        In      Balance\n"
    "03 Apr    TFR TO W PENHALIGON 40-12-77 31882046        75.00               410.12\n"
    "05 Apr    CARD 7781 LIDL ROTHERHAM                     23.40               386.72\n"
    "07 Apr    POS 1234 5678 9012 7781 KENDAL FARNWORTH      4.10               382.62\n"
)


def test_transfer_to_a_person_on_a_statement_line(analyzer):
    assert "W PENHALIGON" in people(analyzer, _STATEMENT)


def test_card_payment_payee_is_a_shop_and_its_town(analyzer):
    got = " ".join(people(analyzer, _STATEMENT))
    assert "LIDL" not in got and "ROTHERHAM" not in got and "KENDAL" not in got and "FARNWORTH" not in got


def test_card_payment_payee_not_taken_by_the_context_recognizer():
    from recognizers.person_context import PersonContextRecognizer

    got = [_STATEMENT[r.start:r.end] for r in PersonContextRecognizer().analyze(_STATEMENT, ["PERSON"])]
    assert not any("KENDAL" in g or "FARNWORTH" in g for g in got)


def test_card_payment_payee_dropped_in_refine():
    from pipeline.codes import ReasonCode
    from pipeline.models import Finding
    from recognizers.refine import ner_person_is_word

    s = _STATEMENT.index("KENDAL FARNWORTH")
    f = Finding(s, s + 16, EntityType.PERSON, "SpacyRecognizer", 0.85, PartyKind.UNKNOWN, ReasonCode.TP, False,
                "KENDAL FARNWORTH")
    assert ner_person_is_word(_STATEMENT, f)


def test_card_payee_helper():
    from recognizers.person_context import card_payee

    line = "12 May  CARD PAYMENT TO 4411 ALDA CAFE HALIFAX   3.20\n"
    assert card_payee(line, line.index("ALDA"))
    line2 = "12 May  FPO ALDA MORRISH RENT   30.00\n"
    assert not card_payee(line2, line2.index("ALDA"))


# ---------------------------------------------------------------- named days and the document's towns

def test_named_day_is_no_person():
    from pipeline.codes import ReasonCode
    from pipeline.models import Finding
    from recognizers.refine import ner_person_is_word

    text = "can we swap to Maundy Thursday instead, and she has them Easter Sunday"
    for w in ("Maundy Thursday", "Easter Sunday"):
        s = text.index(w)
        f = Finding(s, s + len(w), EntityType.PERSON, "SpacyRecognizer", 0.85, PartyKind.UNKNOWN, ReasonCode.TP,
                    False, w)
        assert ner_person_is_word(text, f)


def test_document_town_is_no_person():
    from recognizers.analyzer import _document_towns, _town_not_person

    text = ("Mrs Jo Pryce\n8 Sellars Row\nTodmorden\nOL14 5AB\n\nYou were referred to Todmorden Wellbeing by "
            "Mr Todmorden. The office is at 2 Mill St, Hebden Bridge HX7 8AD.\n")
    towns = _document_towns(text)
    assert "todmorden" in towns and "hebden bridge" in towns
    s = text.index("Todmorden\n")
    assert _town_not_person(text, s, s + len("Todmorden"), towns)
    s = text.index("Todmorden Wellbeing")
    assert _town_not_person(text, s, s + len("Todmorden Wellbeing"), towns)
    s = text.index("Todmorden.")
    assert not _town_not_person(text, s, s + len("Todmorden"), towns)  # after a title: a person


# ---------------------------------------------------------------- the model's ORG on a surname inside a name

def test_org_on_the_surname_alone_does_not_reject_the_name():
    from recognizers.analyzer import _org_inside_name

    text = "Please copy in my adviser, Harriet Quennell (she has the file). I now work for Quennell Lettings Ltd."
    s = text.index("Harriet Quennell")
    e = s + len("Harriet Quennell")
    org = (text.index("Quennell"), text.index("Quennell") + len("Quennell"))
    assert _org_inside_name(text, s, e, [org])
    assert not _org_inside_name(text, s, e, [(s, e)])  # the whole span an ORG: no evidence either way
    s2 = text.index("Quennell Lettings")
    assert not _org_inside_name(text, s2, s2 + len("Quennell Lettings"), [(s2, s2 + len("Quennell Lettings Ltd"))])


# ---------------------------------------------------------------- a family term after the name

def test_family_term_after_the_name_is_trimmed_from_the_ner_span():
    from pipeline.codes import ReasonCode
    from pipeline.models import Finding
    from recognizers.refine import _trim_kinship

    text = "[02/02/2026, 18:01] Roshni Auntie: he is lying"
    s = text.index("Roshni Auntie")
    f = Finding(s, s + len("Roshni Auntie"), EntityType.PERSON, "SpacyRecognizer", 0.85, PartyKind.UNKNOWN,
                ReasonCode.TP, False, "Roshni Auntie")
    assert _trim_kinship(text, f).text == "Roshni"


def test_chat_speaker_saved_with_a_family_term(analyzer):
    text = ("[02/02/2026, 18:01] Ivy Auntie: he is lying again\n"
            "[02/02/2026, 18:03] Joanne Pryce: I know\n"
            "[02/02/2026, 18:04] Uncle Rocky: leave it with me\n"
            "[02/02/2026, 18:05] Joanne Pryce: thanks\n")
    got = people(analyzer, text)
    assert "Ivy" in got and "Rocky" in got
    assert not any("Auntie" in g or "Uncle" in g for g in got)


# ---------------------------------------------------------------- a bilingual label; a firm named for its trade

def _ner(text, span, rec="SpacyRecognizer"):
    from pipeline.codes import ReasonCode
    from pipeline.models import Finding

    s = text.index(span)
    return Finding(s, s + len(span), EntityType.PERSON, rec, 0.85, PartyKind.UNKNOWN, ReasonCode.TP, False, span)


def test_bilingual_label_is_no_person():
    from recognizers.refine import ner_person_is_word

    text = ("Wyciąg Zbiorczy / Combined Statement        Nr 11/2026\n"
            "Adres / Address:    ul. Lipowa 4\n"
            "Kierownik: Tomasz Wrzosek / Manager\n")
    assert ner_person_is_word(text, _ner(text, "Wyciąg Zbiorczy", "PersonContextRecognizer"))
    assert ner_person_is_word(text, _ner(text, "Adres"))
    assert not ner_person_is_word(text, _ner(text, "Tomasz Wrzosek"))


def test_firm_named_for_its_trade_in_two_words_run_together():
    from recognizers.refine import ner_person_is_word

    text = "Is your employer still Calloway Hardwoods? He left Calloway Hardwoods in May. Ask Dina Calloway."
    assert ner_person_is_word(text, _ner(text, "Calloway Hardwoods"))
    assert not ner_person_is_word(text, _ner(text, "Dina Calloway"))


# ---------------------------------------------------------------- staff named by a case system's layout

def test_log_author_column_surname_first_with_initial(analyzer):
    text = ("21/06/2026 11:05  OKWUOSA T  IC  PP rang about the arrears letter.\n"
            "22/06/2026 09:30  Mbeki-Lund, R.  OC  Called RP back, left voicemail.\n")
    got = people(analyzer, text)
    assert any(g.startswith("OKWUOSA T") for g in got) and any(g.startswith("Mbeki-Lund, R") for g in got)


def test_staff_name_before_job_in_brackets(analyzer):
    text = "Reviewed the file. Wanjiru (team leader) agreed the plan; Ngozika (caseworker, FIU) to chase.\n"
    got = people(analyzer, text)
    assert "Wanjiru" in got and "Ngozika" in got


def test_staff_job_in_brackets_after_a_body_is_no_person(analyzer):
    text = "Spoke to Payroll (HR) and Universal Credit (work coach) about the dates.\n"
    got = " ".join(people(analyzer, text))
    assert "Payroll" not in got and "Universal" not in got


def test_webchat_speaker_with_role_before_name(analyzer):
    text = ("[10:02] Agent Wanjiru: Hello, how can I help?\n"
            "[10:03] Joanne Pryce: my payments are late\n"
            "[10:04] Agent Wanjiru: I will check that for you\n")
    assert "Wanjiru" in people(analyzer, text)


def test_case_system_field_whose_value_is_staff(analyzer):
    text = "Entry 14 - 04/03/2025 - Agent: Wanjiru\nCalled PP. No answer.\nAllocated to: Ngozika\n"
    got = people(analyzer, text)
    assert "Wanjiru" in got and "Ngozika" in got


# ---------------------------------------------------------------- a statement's maker; a titled name spread

def test_statement_maker_naming_themself(analyzer):
    text = ("WITNESS STATEMENT\n\nI, Ilse Brandvold, of 4 Elm Row, Leith, say as follows:\n"
            "1. I have known the paying parent since 2019.\n")
    assert "Ilse Brandvold" in people(analyzer, text)


def test_statement_of_a_named_person(analyzer):
    text = "Witness statement of Ilsabet Vranckx\nDated 3 March 2026\n"
    assert "Ilsabet Vranckx" in people(analyzer, text)


def test_name_found_after_a_title_spreads_to_its_other_mentions(analyzer):
    text = "The landlord, Mr Oyelowo, says the rent is £600. Later Oyelowo said the tenant left.\n"
    assert people(analyzer, text).count("Oyelowo") == 2


# ---------------------------------------------------------------- a log's staff column; the model's ORG there

def test_table_column_of_who_made_the_entry(analyzer):
    text = ("Date        Time   Officer       Action\n"
            "04/03/2025  09:12  Okwuosa       Inbound call from PP\n"
            "05/03/2025  10:00  Brandvold     Letter issued\n")
    got = people(analyzer, text)
    assert "Okwuosa" in got and "Brandvold" in got


def test_log_author_after_a_date_with_the_month_in_letters(analyzer):
    text = "04-Mar-2025 09:12  T OKWUOSA  IC  PP RANG RE ARREARS.\n05-Mar-2025 10:00  K BRANDVOLD  OC  RP CALLED.\n"
    got = people(analyzer, text)
    assert "T OKWUOSA" in got and "K BRANDVOLD" in got


def test_layout_names_are_marked_against_the_models_org():
    from recognizers.analyzer import _layout_name
    from recognizers.person_context import PersonContextRecognizer

    text = "Date        Time   Officer       Action\n04/03/2025  09:12  Okwuosa       Inbound call from PP\n"
    rs = PersonContextRecognizer().analyze(text, ["PERSON"])
    assert any(text[r.start:r.end] == "Okwuosa" and _layout_name(r) for r in rs)


# ---------------------------------------------------------------- chats: a printed chat with no times; two objects

def test_printed_chat_blocks_without_times(analyzer):
    text = ("Messenger - Joanne Pryce\n\n"
            "Joanne Pryce\nhe has not paid since june\n\n"
            "Sagal Nuur\nthat is not true. ask idris he was there\n\n"
            "Joanne Pryce\nidris says nothing. hamza says he is working\n\n"
            "Sagal Nuur\nok\n")
    got = people(analyzer, text)
    assert "idris" in got and "hamza" in got


def test_speaker_line_bodies_need_two_repeated_speakers():
    from recognizers.person_context import speaker_line_bodies

    letter = "Dear Sir\nI write about my case.\n\nYours faithfully\nJoanne Pryce\n"
    assert speaker_line_bodies(letter) == []


def test_person_given_something_in_a_chat(analyzer):
    text = ("[12/01/2026, 08:30] Joanne Pryce: you did NOT give ravi anything\n"
            "[12/01/2026, 08:31] Darren Holt: i lent suki the money for it\n"
            "[12/01/2026, 08:32] Joanne Pryce: no you didnt\n")
    got = people(analyzer, text)
    assert "ravi" in got and "suki" in got


# ---------------------------------------------------------------- a form's name field in capitals

def test_form_name_field_in_capitals(analyzer):
    text = "Signed: ___________  Print name: WANJIRU KAMAU  Date: 04/03/2026\nSurname: OKWUOSA\n"
    got = people(analyzer, text)
    assert "WANJIRU KAMAU" in got and "OKWUOSA" in got


def test_form_name_field_not_an_organisations_or_a_blank(analyzer):
    text = "Employer name: HALDANE FREIGHT LTD\nName: NOT KNOWN\n"
    assert people(analyzer, text) == []


def test_statement_row_after_its_date_is_no_log_author():
    import types

    from recognizers.person_context import log_author_names

    rec = types.SimpleNamespace(name="x", id="x")
    text = "02/03/2026  J SAINSBURY  34.00  512.10\n03/03/2026 09:40  R Okwuosa  IC  PP rang, paid 34.00 today.\n"
    got = [text[r.start:r.end] for r in log_author_names(rec, text)]
    assert got == ["R Okwuosa"]


def test_family_term_with_ji_is_no_name():
    from recognizers.refine import foreign_non_name

    text = "(members: Joanne Pryce, Papa ji, Mama ji, Suresh ji)"
    for w in ("Papa", "Mama"):
        s = text.index(w + " ji")
        assert foreign_non_name(text, s, s + len(w))
    s = text.index("Suresh")
    assert not foreign_non_name(text, s, s + len("Suresh"))


def test_initial_and_surname_with_a_staff_code_in_brackets(analyzer):
    text = "Case transferred to V. Njoroge (KB3) for review. Flat B Block (B2) is empty.\n"
    got = people(analyzer, text)
    assert "V. Njoroge" in got and not any("Block" in g for g in got)


def test_author_field(analyzer):
    text = "Author: Oyelowo\nCreated: 04/03/2026\n"
    assert "Oyelowo" in people(analyzer, text)
