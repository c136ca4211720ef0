"""Whose data is it: the requester's stays, everybody else's is suggested.

Blank spaCy pipeline (no NER): parties, patterns, context and gazetteer only.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers import DetectSettings, build_analyzer


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "blank"
    spacy.blank("en").to_disk(path)
    case = CaseRecord(
        case_id="T-ATTR", received=date(2026, 1, 10),
        requester=Party(name="Gregor Lindqvist", addresses=("2 Alder Row, Hull HU1 1AA",)),
        third_parties=[
            Party(name="Freya Lindqvist", role="receiving parent", addresses=("8 Quillan Road, York YO1 7AB",)),
            Party(name="Teodor Brannigan", role="receiving parent's partner"),
        ],
        root=Path("."),
    )
    return build_analyzer(case, DetectSettings(spacy_model=str(path)))


def texts(findings, et=None):
    return [f.text for f in findings if et is None or f.entity_type == et]


def test_gender_from_first_name_resolves_shared_surname(analyzer):
    assert texts(analyzer.analyze("Mr Lindqvist asked about the arrears.")) == []
    f = analyzer.analyze("Mrs Lindqvist asked about the arrears.")
    assert texts(f) == ["Lindqvist"] and f[0].party == PartyKind.THIRD_PARTY and f[0].needs_review


def test_my_account_in_the_requesters_own_letter_stays(analyzer):
    letter = "Gregor Lindqvist\n2 Alder Row\n\nDear Sir\n\nI pay from my account GB33BUKB20201555555555 every month.\n\nYours faithfully\nG. Lindqvist\n"
    assert texts(analyzer.analyze(letter), EntityType.IBAN_CODE) == []


def test_my_account_in_a_third_partys_letter_is_redacted(analyzer):
    letter = "Dear Sir\n\nPlease pay into my account GB33BUKB20201555555555.\n\nRegards\nFreya Lindqvist\n"
    assert texts(analyzer.analyze(letter), EntityType.IBAN_CODE) == ["GB33BUKB20201555555555"]


def test_account_you_gave_us_in_a_letter_to_the_requester_stays(analyzer):
    letter = ("To: Gregor Lindqvist\n\nDear Mr Lindqvist\n\nWe will refund the account you\n"
              "gave us (sort code 20-20-15, account 55555555).\n")
    assert texts(analyzer.analyze(letter), EntityType.BANK_DETAILS) == []


def test_role_in_a_call_log_attributes_his_account(analyzer):
    log = ("# 4  12/12/2025  IN  PP\n      Asked for a refund into his account: sort code 20-20-15,\n"
           "      account no. 55555555.\n")
    # the requester is the paying parent (the other parent is listed as receiving parent)
    assert texts(analyzer.analyze(log), EntityType.BANK_DETAILS) == []
    log_rp = log.replace("PP", "RP").replace("his", "her")
    assert len(texts(analyzer.analyze(log_rp), EntityType.BANK_DETAILS)) == 2


def test_someone_else_between_the_possessive_and_the_value(analyzer):
    f = analyzer.analyze("Mr Lindqvist's partner Jolene Ashcombe is on 07700 900999.")
    assert "07700 900999" in texts(f, EntityType.PHONE_NUMBER)


def test_listed_name_in_lower_case_unless_an_ordinary_word(tmp_path):
    path = tmp_path / "blank"
    spacy.blank("en").to_disk(path)
    case = CaseRecord("T-LC", date(2026, 1, 1), Party(name="Ann Oduya"),
                      [Party(name="Mark Pellingham", addresses=("8 Quillan Road, York YO1 7AB",))], Path("."))
    a = build_analyzer(case, DetectSettings(spacy_model=str(path)))
    assert texts(a.analyze("caller said pellingham moved out")) == ["pellingham"]
    assert texts(a.analyze("please mark the file")) == []
    assert texts(a.analyze("He was seen on Quillan Road last week."), EntityType.ADDRESS) == ["Quillan Road"]


def test_labelled_payroll_number(analyzer):
    f = analyzer.analyze("Employee: Teodor Brannigan\nEmployee payroll number: QRS-55120\n")
    assert "QRS-55120" in texts(f)
    table = "Payroll no\nEmployee\nPay date\nQRS-55120\nTeodor Brannigan\n30/01/2026\n"
    assert "QRS-55120" in texts(analyzer.analyze(table))
    assert "QRS-55120" not in texts(analyzer.analyze("Employee: Gregor Lindqvist, payroll no. QRS-55120"))


def test_company_names_are_never_people(analyzer):
    f = analyzer.analyze("Call from Joyce Pennicott, payroll, Bramble Orchard Foods Ltd, on 01632 960999.")
    assert "Joyce Pennicott" in texts(f, EntityType.PERSON)
    assert not any("Bramble" in t for t in texts(f, EntityType.PERSON))


def test_person_signature_block_phone_is_theirs_letterhead_phone_stays(analyzer):
    sig = "Kind regards\n\nJoyce Pennicott\nPayroll Officer, Bramble Orchard Foods Ltd\nTel 0113 496 0999\n"
    assert texts(analyzer.analyze(sig), EntityType.PHONE_NUMBER) == ["0113 496 0999"]
    head = "Bramble Orchard Foods Ltd\nUnit 2, Mill Yard, Leeds LS1 1AA\nTel 0113 496 0999\n\nDear Sir\n"
    assert texts(analyzer.analyze(head), EntityType.PHONE_NUMBER) == []


def test_recent_date_after_a_name_is_not_a_date_of_birth(analyzer):
    assert texts(analyzer.analyze("Hearing: Judge Pellworth, 9 December 2025."), EntityType.DATE_OF_BIRTH) == []
    assert texts(analyzer.analyze("Date of birth (if\nknown)\n\n02/09/1985"), EntityType.DATE_OF_BIRTH) == ["02/09/1985"]


def test_phone_in_another_format_needs_a_phone_word(analyzer):
    assert texts(analyzer.analyze("contact me by phone at 123-456-7890."), EntityType.PHONE_NUMBER) == ["123-456-7890"]
    assert texts(analyzer.analyze("model number 1234567890 was faulty"), EntityType.PHONE_NUMBER) == []
