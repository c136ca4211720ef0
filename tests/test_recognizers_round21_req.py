"""Round 21R: the requester's own data across a case's documents (her new address, her own statement's cards, her
new bank details written in several layouts). Fresh texts (none from a corpus)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from pipeline.case_settle import Settled, keys, normalise, settle_findings
from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party


@pytest.fixture(scope="module")
def hale():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R21", received=date(2026, 3, 1), root=Path("."),
        requester=Party(name="Rhiannon Hale", role="receiving parent", aliases=("Rhiannon Ceri Hale",),
                        addresses=("4 Penrhyn Close, Bangor LL57 2TT",), phones=("07700 900615",),
                        identifiers=(("BANK_DETAILS", "20-71-44"), ("BANK_DETAILS", "55103298"))),
        third_parties=[Party(name="Dafydd Hale", role="paying parent (requester's ex-husband)",
                             addresses=("19 Glyn Street, Caernarfon LL55 1AB",))]))


@pytest.fixture(scope="module")
def rowe():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R21B", received=date(2026, 3, 1), root=Path("."),
        requester=Party(name="Callum Rowe", role="paying parent", aliases=("Callum James Rowe",)),
        third_parties=[Party(name="Shona Baird", role="receiving parent (requester's ex-partner)")]))


def texts(an, text):
    return [f.text for f in an.analyze(text)]


@dataclass(frozen=True)
class _Item:
    text: str
    entity_type: str
    party: PartyKind = PartyKind.UNKNOWN
    needs_review: bool = False


def _settle(items, settled):
    (out,), _ = settle_findings([items], [Settled(requester=frozenset(settled))])
    return [x.text for x in out]


# -- the case-level step compares a value's parts, written however each document writes them ----------------------

def test_an_address_settled_in_one_layout_is_kept_in_another():
    _, ks = keys("Flat 3, 12 Fernhill Rd, Wrexham", EntityType.ADDRESS)
    items = [_Item("Flat 3, 12 Fernhill Road, Wrexham LL11 4PD", "ADDRESS"), _Item("12 Fernhill Road", "ADDRESS"),
             _Item("Flat 5, 12 Fernhill Road, Wrexham", "ADDRESS"), _Item("LL11 4PD", "UK_POSTCODE")]
    # the flat and street line (and the street line alone) carry; another flat in the same house does not; the
    # postcode was not in the settled value
    assert _settle(items, ks) == ["Flat 5, 12 Fernhill Road, Wrexham", "LL11 4PD"]
    _, ks2 = keys("12 Fernhill Road, Wrexham LL11 4PD", EntityType.ADDRESS)
    assert _settle([_Item("LL11 4PD", "UK_POSTCODE")], ks2) == []
    assert normalise("S4 7LG") == "S47LG" and normalise("S4 7") is None


def test_a_sort_code_and_account_written_as_one_value_or_in_an_iban_is_kept_by_its_parts():
    settled = {normalise("40-62-18"), normalise("71530942")}
    items = [_Item("40-62-18 / 71530942", "BANK_DETAILS"), _Item("GB33 WXYZ 4062 1871 5309 42", "IBAN_CODE"),
             _Item("40-62-18 / 99990001", "BANK_DETAILS")]
    assert _settle(items, settled) == ["40-62-18 / 99990001"]
    # said to be someone else's in another document: a conflict, kept redacted and flagged
    (out,), _ = settle_findings([[_Item("71530942", "BANK_DETAILS")]],
                                [Settled(requester=frozenset(settled), others=frozenset(keys("40-62-18 71530942")[1]))])
    assert [x.needs_review for x in out] == [True]


# -- within a document -----------------------------------------------------------------------------------------------

def test_a_card_in_the_requesters_own_statement_is_hers(hale, rowe):
    stmt = ("GWYNEDD MUTUAL BANK                     Current Account Statement\n\nMrs R C Hale\n4 Penrhyn Close\nBANGOR\n"
            "LL57 2TT\n\nSort Code 20-71-44     Account No 55103298\n\nDate    Details                      Out      In\n"
            "03 Mar  POS 4539 6072 1185 3308 SPAR BANGOR        12.40\n"
            "04 Mar  FP OUT D HALE REF KIDS                     40.00\n")
    assert "4539 6072 1185 3308" not in texts(hale, stmt)
    # a statement whose holder is someone else: still redacted
    assert "4539 6072 1185 3308" in texts(rowe, stmt)
    # a holder row with a label in two languages; a Scottish flat ("2/1 14 ...") under the addressee's name
    stmt2 = ("BANCA DEL NORD\nEstratto conto / Statement 4\n\nIntestatario / Account holder: RHIANNON CERI HALE\n"
             "Period: 01/03/2026 - 31/03/2026\n\nDATE        DESCRIPTION                       OUT       IN\n"
             "03-03-2026  POS 4539 6072 1185 3308 SPAR        12,40\n")
    assert "4539 6072 1185 3308" not in texts(hale, stmt2)
    stmt3 = stmt.replace("Mrs R C Hale\n4 Penrhyn Close\nBANGOR\nLL57 2TT", "Mrs R C Hale\n2/1 9 Dee Street\nABERDEEN")
    assert "4539 6072 1185 3308" not in texts(hale, stmt3)


def test_a_postcode_on_the_row_of_the_requesters_address_is_hers(hale):
    form = ("TELL US ABOUT A CHANGE\n\nAbout you\nName:       Rhiannon Hale\nAddress:    Flat 1, 30 Bryn Road, Bangor"
            "   Postcode: LL57 4QX\nPhone:      07700 900615\n\nAbout the other parent\nName:       Dafydd Hale\n"
            "Address:    19 Glyn Street, Caernarfon   Postcode: LL55 1AB\n")
    got = texts(hale, form)
    assert "LL57 4QX" not in got and "LL55 1AB" in got


def test_an_i_clause_after_a_name_is_not_that_persons_value(hale):
    mail = ("From: Rhiannon Hale\nTo: CMS complaints\nSubject: payments\n\nI rang in March and told your adviser "
            "Petra Lund that I had changed to sort code 30-15-92 account 64401177, but the payment went to the old "
            "one.\n\nRhiannon\n")
    hale.analyze(mail)
    assert normalise("64401177") not in hale.last_settled.others


def test_his_after_a_possessive_of_a_thing_is_that_person(rowe):
    notice = ("DECISION NOTICE\n\nAppellant: Callum James Rowe\nSecond Respondent: Shona Baird\n\n"
              "4. The appellant's weekly income was taken from his payslips. His new bank account (sort code "
              "09-01-28, account 33821604) was noted.\n")
    assert "33821604" not in texts(rowe, notice)
    # a possessive of a person: someone else's ("his brother's")
    notice2 = notice.replace("The appellant's weekly income was taken from his payslips. His new",
                             "The appellant's brother gave evidence. His new")
    assert "33821604" in texts(rowe, notice2)


def test_where_a_person_is_said_to_live_is_theirs(hale):
    notes = ("12/03/26 IC from RP. RP now living with her sister at 7 Ffordd Tegid, Bala. PP aware.\n")
    assert not any("Ffordd Tegid" in t for t in texts(hale, notes))
    notes2 = ("12/03/26 IC from RP. RP says PP moved to 7 Ffordd Tegid, Bala with new partner.\n")
    assert any("Ffordd Tegid" in t for t in texts(hale, notes2))


def test_a_nearest_name_guess_is_outweighed_by_a_labelled_row_elsewhere(hale):
    from pipeline.case_settle import combine

    v = normalise("64401177")
    # strongly hers (a holder row) and only weakly someone else's (named nearest): hers
    c = combine([Settled(requester=frozenset({v})), Settled(others_weak=frozenset({v}))])
    assert v in c.requester and v not in c.conflicts and v not in c.others
    # strongly someone else's: never kept; hers only weakly against someone else's: a conflict
    c = combine([Settled(requester=frozenset({v})), Settled(others=frozenset({v}))])
    assert v in c.conflicts and v not in c.requester
    c = combine([Settled(requester_weak=frozenset({v})), Settled(others_weak=frozenset({v}))])
    assert v in c.conflicts and v not in c.requester
    # the analyzer marks a value given to the person named nearest on its line as weak
    note = "12/03 Call from Petra Lund, new account 64401177 given.\n"
    hale.analyze(note)
    assert v in hale.last_settled.others_weak and v not in hale.last_settled.others


def test_a_tenancy_said_of_she_is_the_nearest_woman_of_that_gender(hale):
    letter = ("Dear Mrs Hale\n\nI confirm that Rhiannon Hale has been our tenant since May 2025. Before that she "
              "was our tenant at 8 Heol Dinas, Bangor from 2019.\n\nYours sincerely\nLettings\n")
    assert not any("Heol Dinas" in t for t in texts(hale, letter))


def test_the_address_under_the_addressees_name_is_theirs(hale):
    letter = ("Gwynedd Council\nCouncil Offices, Shirehall Street, Caernarfon LL55 1SH\n\nMs R Hale\nc/o 3 Ffordd Gwynan\n"
              "Llanfairfechan\nLL33 0DH\n\n14 March 2026\n\nDear Ms Hale\n\nYour council tax account\n\nThank you for "
              "telling us you moved.\n\nYours sincerely\nRevenues\n")
    got = texts(hale, letter)
    assert not any("Ffordd Gwynan" in t or "LL33 0DH" in t for t in got)
    # the same block under someone else's name: still redacted
    letter2 = letter.replace("Ms R Hale", "Mr D Hale").replace("Dear Ms Hale", "Dear Mr Hale")
    assert any("LL33 0DH" in t for t in texts(hale, letter2))


def test_a_flat_written_on_the_street_line_keys_like_one_on_its_own_line():
    assert keys("FLAT 4 26 QUEENS PARADE", EntityType.ADDRESS)[0] == keys("Flat 4, 26 Queens Parade, Rhyl",
                                                                         EntityType.ADDRESS)[0]


def test_an_earlier_address_written_on_after_the_requesters_is_hers(hale):
    notes = "03/03 IC from RP. RP at 4 Penrhyn Close, Bangor since Jan, prev 11 Heol Hen, Bethesda. Addr hist upd.\n"
    assert not any("Heol Hen" in t for t in texts(hale, notes))
    # after the other parent's address: not hers
    notes2 = "03/03 IC from RP. PP at 19 Glyn Street, Caernarfon since Jan, prev 11 Heol Hen, Bethesda.\n"
    assert any("Heol Hen" in t for t in texts(hale, notes2))
