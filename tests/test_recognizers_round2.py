"""Detection round 2: rules that generalise beyond the development corpus.

Blank spaCy pipeline (no NER): parties, patterns, context and gazetteer only. The names
and values are made up for these tests.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers.parties import PartyMatcher
from tests.detect_fixtures import blank_model_analyzer


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
    return blank_model_analyzer(tmp_path_factory, _case())


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


# ---------------------------------------------------------------- category 1: the requester's own values
def test_statement_header_bank_details_are_the_requesters(analyzer):
    t = ("Northmoor Bank plc\n1 High Street, Leeds LS1 1AA\n\nMS CORINNE B ASHWORTH\n4 Wren Row\nLEEDS\n\n"
         "Sort code 11-22-33   Account number 12345678\nIBAN GB29 NWBK 1122 3312 3456 78\n")
    f = analyzer.analyze(t)
    assert texts(f, EntityType.BANK_DETAILS) == [] and texts(f, EntityType.IBAN_CODE) == []


def test_account_holder_field_is_the_requesters(analyzer):
    t = "Account holder: Corinne Ashworth   Sort code: 112233   Account: 12345678\nIBAN: GB29NWBK11223312345678\n"
    f = analyzer.analyze(t)
    assert texts(f, EntityType.BANK_DETAILS) == [] and texts(f, EntityType.IBAN_CODE) == []


def test_a_third_partys_field_block_is_still_redacted(analyzer):
    t = "Account holder: Leopold Ashworth\nSort code: 11-22-33   Account: 12345678\n"
    assert texts(analyzer.analyze(t), EntityType.BANK_DETAILS)


# ---------------------------------------------------------------- category 2: organisation contact details
@pytest.mark.parametrize("text,value", [
    ("The accountant is Orla Quayle of Quayle & Co, 0113 496 0111.\n", "0113 496 0111"),
    ("From: Brackenfield Recovery Services, Unit 12, Mill Road, Leeds LS2 9ZZ\n", "LS2 9ZZ"),
    ("ASHDOWN FAMILY MEDIATION\nSuite 4, Kestrel House, Manor Row, Leeds LS3 1AB  |  0113 496 0222\n", "0113 496 0222"),
    ("Venue:   Kestrel House, 30 Quay Street, Leeds LS1 4AB\n", "LS1 4AB"),
    ("Call the switchboard on 0113 496 0333 for help.\n", "0113 496 0333"),
    ("Tom Ilsley | HR Partner | Fernbrook Haulage Ltd\nUnit 7, Marsh Park, Leeds LS9 0AB | 0113 496 0444\n",
     "0113 496 0444"),
])
def test_organisation_contact_details_stay(analyzer, text, value):
    assert value not in " | ".join(texts(analyzer.analyze(text)))


def test_role_mailbox_stays_but_an_officials_named_mailbox_goes():
    from recognizers.refine import is_org_mailbox
    assert is_org_mailbox("casework.jones@parliament.example.uk")
    assert is_org_mailbox("enquiries@leeds.example.gov.uk")
    assert not is_org_mailbox("lorna.fitzgerald@leeds.example.gov.uk")


def test_direct_dial_under_a_person_is_theirs(analyzer):
    sig = "Regards\n\nOrla Quayle\nAccountant, Quayle & Co\nDirect dial 0113 496 0555\n"
    assert texts(analyzer.analyze(sig), EntityType.PHONE_NUMBER) == ["0113 496 0555"]


# ---------------------------------------------------------------- category 4/6: misses
def test_statement_payees_and_bare_bank_digits(analyzer):
    t = ("02 May    FPO J QUARRINGTON 203258 71234560\n          REF RENT MAY       250.00\n"
         "14/08/2025,FPO,\"VAIDA MOCKIENE REF rent aug\",575.00,,1692.74\n"
         "04/09/2025,BP,\"CHILD MAINT SERVICE REF CMS-2024-088215\",212.00,,1780.74\n")
    f = analyzer.analyze(t)
    assert "J QUARRINGTON" in texts(f, EntityType.PERSON) and "VAIDA MOCKIENE" in texts(f, EntityType.PERSON)
    assert not any("SERVICE" in x for x in texts(f, EntityType.PERSON))
    assert texts(f, EntityType.BANK_DETAILS) == ["203258", "71234560"]


def test_nickname_and_typed_by(analyzer):
    f = analyzer.analyze("He works for Big Will now. Typed by P. Ngcobo.")
    assert "Big Will" in texts(f, EntityType.PERSON) and "P. Ngcobo" in texts(f, EntityType.PERSON)


def test_flat_in_a_named_block_and_us_zip_line(analyzer):
    f = analyzer.analyze("A neighbour of Flat 11, Heron House, gave a statement.")
    assert "Flat 11, Heron House" in texts(f, EntityType.ADDRESS)
    from recognizers.address import extend_address
    t = "123 Main Street\nHometown, TX 77008\n"
    assert t[:extend_address(t, len("123 Main Street"))].endswith("77008")


# ---------------------------------------------------------------- category 5: NER words
@pytest.mark.parametrize("word", ["Headteacher", "Footer", "Claimant", "recd", "Centenary House", "Bristol Central",
                                  "Fenland Staffing"])
def test_ner_non_names_are_dropped(word):
    from recognizers.refine import ner_person_is_word
    from pipeline.models import Finding
    text = "x " + word + " y"
    f = Finding(2, 2 + len(word), EntityType.PERSON, "SpacyRecognizer", 0.85, PartyKind.UNKNOWN, text=word)
    assert ner_person_is_word(text, f)


@pytest.mark.parametrize("name", ["Rebecca Lloyd-Jones", "L. Beasley", "Precious Ngcobo", "Tom"])
def test_ner_names_are_kept(name):
    from recognizers.refine import ner_person_is_word
    from pipeline.models import Finding
    f = Finding(0, len(name), EntityType.PERSON, "SpacyRecognizer", 0.85, PartyKind.UNKNOWN, text=name)
    assert not ner_person_is_word(name, f)
