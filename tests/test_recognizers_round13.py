"""Detection round 13: the requester's own identifiers that case.json does not list (bank details,
card, NHS number, vehicle, passport) kept, from the shape of the document they are written in: a
payment schedule's "Receiving account:" / "Paying account:" rows (the parent roles case.json gives),
"your" in a two-person chat (the other speaker), "your GP (NHS number ...)" (the patient), "the card
you paid with" in a letter to the requester, and a form's numbered "SECTION 1: ABOUT YOU" heading
(its "you" is the person named under it); the third parties' versions in the same texts still go.

Blank spaCy pipeline (no NER). Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, found

BANK = EntityType.BANK_DETAILS
CAR = EntityType.UK_VEHICLE_REG
NHS = EntityType.UK_NHS
CARD = EntityType.CREDIT_CARD
PASSPORT = EntityType.UK_PASSPORT


def _receiving() -> CaseRecord:
    # the requester is the receiving parent
    return CaseRecord(
        case_id="T-R13A", received=date(2026, 11, 22),
        requester=Party(name="Ilona Kaczmarek", role="receiving parent"),
        third_parties=[
            Party(name="Tomasz Kaczmarek", role="paying parent (ex-husband)"),
            Party(name="Renata Bielska", role="paying parent's partner"),
        ],
        root=Path("."),
    )


def _paying() -> CaseRecord:
    # the requester is the paying parent
    return CaseRecord(
        case_id="T-R13B", received=date(2026, 11, 22),
        requester=Party(name="Yusuf Demir", role="paying parent"),
        third_parties=[
            Party(name="Leyla Demir", role="receiving parent (ex-wife)"),
            Party(name="Emre Aydin", role="receiving parent's brother"),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def rp(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _receiving())


@pytest.fixture(scope="module")
def pp(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _paying())


def _digits(values: list[str]) -> str:
    return " ".join(values)


# ---------------------------------------------------------------- payment schedule rows

SCHEDULE = ("Ms Ilona Kaczmarek\n12 Mill Lane\n\nDear Ms Kaczmarek\n\n"
            "Payment schedule\n"
            "  Paying account:    Santander 09-02-22 44718830\n"
            "  Receiving account: Lloyds 30-12-80 15526094\n"
            "  Amount:            GBP 40.00 each week\n")


def test_receiving_account_row_is_the_receiving_parents(rp):
    got = _digits(found(rp, SCHEDULE, BANK))
    assert "15526094" not in got and "30-12-80" not in got  # the requester's (receiving parent)
    assert "44718830" in got  # the paying parent's account still goes


def test_paying_account_row_is_the_paying_parents(pp):
    text = ("Mr Yusuf Demir\n4 Elm Road\n\nDear Mr Demir\n\n"
            "  Paying account:    Barclays 20-44-91 60318427\n"
            "  Receiving account: Monzo 04-00-04 71185520\n")
    got = _digits(found(pp, text, BANK))
    assert "60318427" not in got  # the requester is the paying parent
    assert "71185520" in got


def test_role_row_with_someone_named_before_the_value_is_not_the_role_holders(rp):
    text = ("Dear Ms Kaczmarek\n\n"
            "  Receiving account: Renata Bielska 30-12-80 15526094\n")
    assert "15526094" in _digits(found(rp, text, BANK))  # a named third party's account in the row


# ---------------------------------------------------------------- "your" in a two-person chat

CHAT = ("WhatsApp chat exported from Yusuf's phone\n\n"
        "04/09/2026, 18:02 - Leyla: your car was parked outside my flat again DL19 XRW\n"
        "04/09/2026, 18:05 - Yusuf: I was dropping off the PE kit\n"
        "04/09/2026, 18:09 - Leyla: and my car is at the garage, KN17 BPO failed its MOT\n")


def test_your_in_a_two_person_chat_is_the_other_speaker(pp):
    got = found(pp, CHAT, CAR)
    assert "DL19 XRW" not in got  # "your car", said by Leyla to Yusuf (the requester)
    assert "KN17 BPO" in got


def test_your_in_a_group_chat_is_not_settled(pp):
    text = CHAT + "04/09/2026, 18:12 - Emre: your van is blocking my drive KP66 WTA\n"
    assert "KP66 WTA" in found(pp, text, CAR)  # three speakers: whose "your"?


# ---------------------------------------------------------------- NHS number of the patient

def test_nhs_number_after_your_gp_is_the_addressees(pp):
    text = ("Mr Yusuf Demir\n4 Elm Road\n\nDear Mr Demir\n\n"
            "We have received the fit note from your GP (NHS number 943 476 5919) for October.\n"
            "Your former partner's NHS number 401 023 2137 is not needed.\n")
    got = found(pp, text, NHS)
    assert "943 476 5919" not in got
    assert "401 023 2137" in got


# ---------------------------------------------------------------- "the card you paid with"

def test_card_you_paid_with_is_the_addressees(rp):
    text = ("Dear Ms Kaczmarek\n\n"
            "Your premium has gone down. We will refund GBP 20 to the card you paid with,\n"
            "4539 4533 3147 8936, within 10 working days.\n\n"
            "Mr Tomasz Kaczmarek's card 5168 2880 4072 3866 was not used.\n")
    got = found(rp, text, CARD)
    assert "4539 4533 3147 8936" not in got
    assert "5168 2880 4072 3866" in got


# ---------------------------------------------------------------- a form's numbered "About you" section

FORM = ("APPLICATION FORM\n\n"
        "SECTION 1: ABOUT YOU\n"
        "  Full name: Ilona Kaczmarek\n"
        "  Address: 12 Mill Lane\n\n"
        "SECTION 3: PROVING YOUR IDENTITY\n"
        "  Passport number: 512093348\n\n"
        "SECTION 4: ABOUT THE OTHER PARENT\n"
        "  Full name: Tomasz Kaczmarek\n"
        "  Vehicle registration (if known): KM18 DXT\n")


def test_numbered_about_you_section_names_the_forms_you(rp):
    assert "512093348" not in found(rp, FORM, PASSPORT)  # "YOUR IDENTITY": the applicant's
    assert "KM18 DXT" in found(rp, FORM, CAR)  # the other parent's


# ---------------------------------------------------------------- rows under a line said to the reader

def test_rows_under_a_line_said_to_the_reader_are_the_addressees(pp):
    text = ("ACME Ltd Payroll\n\nMr Yusuf Demir\n4 Elm Road\n\nDear Mr Demir\n\nDeduction from Earnings Order\n\n"
            "Your wages will continue to be paid to:\n"
            "  Bank: Barclays\n"
            "  Sort code: 20-44-91\n"
            "  Account number: 60318427\n\n"
            "The CMS pays Mrs Demir; we do not hold her bank details.\n")
    got = _digits(found(pp, text, BANK))
    assert "60318427" not in got and "20-44-91" not in got
    told = ("HM Revenue and Customs\nChild Benefit Office\n\nMr Yusuf Demir\n4 Elm Road\n\nDear Mr Demir\n\n"
            "We will pay your Child Benefit every 4 weeks into the account you told us about:\n"
            "Sort code: 20-44-91\nAccount number: 60318427\n")
    assert found(pp, told, BANK) == []


def test_rows_under_a_line_about_collection_or_someone_else_still_go(rp):
    collect = ("Dear Ms Kaczmarek\n\n"
               "We will collect your maintenance from:\n"
               "  Bank: Santander\n"
               "  Sort code: 09-02-22\n"
               "  Account number: 44718830\n")
    assert "44718830" in _digits(found(rp, collect, BANK))  # the paying parent's account
    other = ("Dear Ms Kaczmarek\n\n"
             "Your ex-husband's bank details:\n"
             "  Bank: Santander\n"
             "  Sort code: 09-02-22\n"
             "  Account number: 44718830\n")
    assert "44718830" in _digits(found(rp, other, BANK))


def test_vehicle_row_in_a_letter_to_its_keeper_is_the_addressees(rp):
    text = ("Oxford City Council\nParking Services\n\nMs Ilona Kaczmarek\n12 Mill Lane\nOxford OX4 1HP\n\n"
            "Dear Ms Kaczmarek\n\nPENALTY CHARGE NOTICE\n\n"
            "Vehicle registration: KY18 WKP\nContravention: parked in a restricted street\n\n"
            "Our records show that you are the registered keeper of the vehicle above.\n")
    assert found(rp, text, CAR) == []
    dvla = ("DVLA\nSwansea SA99 1AR\n\nMs I Kaczmarek\n12 Mill Lane\n\nDear Ms Kaczmarek\n\n"
            "Vehicle: KY18 WKP\n\nWe have recorded you as the registered keeper from 3 October 2026.\n")
    assert found(rp, dvla, CAR) == []


def test_registered_to_you_after_the_value_is_the_addressees(rp):
    text = ("Dear Ms Kaczmarek\n\nThe vehicle KY18 WKP is now registered to you. "
            "The vehicle KM18 DXT is registered to Mr Tomasz Kaczmarek.\n")
    assert found(rp, text, CAR) == ["KM18 DXT"]


# ---------------------------------------------------------------- the name a DVLA licence number encodes

def _licences() -> CaseRecord:
    return CaseRecord(
        case_id="T-R13C", received=date(2026, 11, 22),
        requester=Party(name="Ilona Kaczmarek", role="receiving parent", date_of_birth="1985-06-23"),
        third_parties=[Party(name="Tomasz Kaczmarek", role="paying parent (ex-husband)")],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def lic(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _licences())


def test_licence_number_encoding_the_requester_is_hers(lic):
    # KACZM, 8 (1980s) 56 (June, a woman) 23, 5 (1985), I (Ilona); Tomasz's begins KACZM too, with T
    text = "Licences seen at the handover: KACZM856235IL9AB and KACZM703118T99XY.\n"
    assert found(lic, text, EntityType.UK_DRIVING_LICENCE) == ["KACZM703118T99XY"]


def test_licence_number_with_another_date_of_birth_is_not_the_requesters(lic):
    # her surname and initial, another birth date: a relative of hers, not her
    assert found(lic, "Licence: KACZM856239IL9AB\n", EntityType.UK_DRIVING_LICENCE) == ["KACZM856239IL9AB"]


# ---------------------------------------------------------------- a bank's letter to its customer

def test_account_rows_in_a_banks_letter_are_the_customers(rp):
    text = ("Lloyds Bank\n\nMs Ilona Kaczmarek\n12 Mill Lane\n\nDear Ms Kaczmarek\n\nYour replacement card\n\n"
            "Your new debit card is on its way.\nThe account it is linked to:\n"
            "  Sort code 30-12-80\n  Account number 15526094\n")
    assert found(rp, text, BANK) == []


def test_rows_where_a_payment_went_are_not_the_customers(rp):
    sent = ("Lloyds Bank\n\nMs Ilona Kaczmarek\n12 Mill Lane\n\nDear Ms Kaczmarek\n\n"
            "You asked us to recall a payment of GBP 50 sent to:\n  Sort code: 09-02-22\n  Account number: 44718830\n")
    assert "44718830" in _digits(found(rp, sent, BANK))
    below = ("Lloyds Bank\n\nDear Ms Kaczmarek\n\nWe could not recall the payment you made on 3 October. "
             "It was paid to the account below.\n\n  Sort code: 09-02-22\n  Account number: 44718830\n")
    assert "44718830" in _digits(found(rp, below, BANK))


# ---------------------------------------------------------------- a value in brackets after a name

def test_value_in_brackets_after_a_name_is_that_persons_even_when_the_requester_has_it_too(pp):
    text = ("Dear Mr Demir\n\nFrom 10 November the account is in your sole name:\n\n"
            "  Sort code: 20-44-91\n  Account number: 60318427\n\n"
            "Standing orders you set up to Mrs Leyla Demir (sort code\n20-44-91, account 71185520) will continue.\n")
    got = [f for f in pp.analyze(text) if f.entity_type == BANK]
    assert [f.start for f in got if f.text.startswith("20-44-91")] == [text.rindex("20-44-91")]  # hers, not his


def test_rows_after_a_blank_line_under_a_header_said_to_the_reader(pp):
    text = ("Dear Mr Demir\n\nFrom 10 November the account is in your sole name:\n\n"
            "  Sort code: 20-44-91\n  Account number: 60318427\n")
    assert found(pp, text, BANK) == []


def test_rows_under_a_header_ending_from_are_not_the_readers(rp):
    # in a letter to the receiving parent: the paying parent's account
    collect = ("Dear Ms Kaczmarek\n\nFrom 1 December your maintenance will come from:\n\n"
               "  Sort code: 09-02-22\n  Account number: 44718830\n")
    assert "44718830" in _digits(found(rp, collect, BANK))


# ---------------------------------------------------------------- a payment table's columns

def test_paid_to_column_is_the_receiving_parents(rp):
    text = ("Dear Ms Kaczmarek\n\nPayment schedule\n\n"
            "  Due date     Collected from          Paid to\n"
            "  01/12/2026   09-02-22 44718830       30-12-80 15526094\n"
            "  29/12/2026   09-02-22 44718830       30-12-80 15526094\n")
    got = _digits(found(rp, text, BANK))
    assert "15526094" not in got
    assert got.count("44718830") == 2


def test_receiving_account_column_for_a_paying_requester(pp):
    text = ("Dear Mr Demir\n\n"
            "  Due date     Paying account          Receiving account\n"
            "  01/12/2026   20-44-91 60318427       04-00-04 71185520\n")
    got = _digits(found(pp, text, BANK))
    assert "60318427" not in got and "71185520" in got


def test_a_named_row_in_a_payment_table_is_not_settled_by_its_column(rp):
    text = ("Dear Ms Kaczmarek\n\n"
            "  Payer                Paid to\n"
            "  Renata Bielska       30-12-80 15526094\n")
    assert "15526094" in _digits(found(rp, text, BANK))


# ---------------------------------------------------------------- the name over the address, no "Dear"

def test_your_in_a_statement_is_the_name_over_its_address(rp):
    text = ("Lloyds Bank\n\nMs I Kaczmarek\n12 Mill Lane\nOxford\n\nStatement 1 October - 31 October 2026\n\n"
            "03 Oct  CMS CHILD MAINTENANCE     186.00\n\n"
            "Your sort code and account number (30-12-80 / 15526094) are printed on every statement.\n")
    assert found(rp, text, BANK) == []


def test_rows_under_details_the_reader_gave_are_not_settled(rp):
    text = ("Dear Ms Kaczmarek\n\nPlease check the details you gave us:\n"
            "  Make: Ford Focus\n  Vehicle: KM18 DXT\n")
    assert found(rp, text, CAR) == ["KM18 DXT"]  # the reader as informant: perhaps the other parent's car


def test_schedule_rows_need_a_parent_role_stated_for_the_requester(tmp_path_factory):
    # a grandmother asking: case.json gives her no parent role, so "Receiving account" is not hers
    case = CaseRecord(
        case_id="T-R13D", received=date(2026, 11, 22),
        requester=Party(name="Halina Kaczmarek", role="paying parent's mother"),
        third_parties=[Party(name="Tomasz Kaczmarek", role="paying parent")],
        root=Path("."),
    )
    an = blank_model_analyzer(tmp_path_factory, case)
    text = "Payment schedule\n  Receiving account: Lloyds 30-12-80 15526094\n"
    assert "15526094" in _digits(found(an, text, BANK))


# ---------------------------------------------------------------- pay goes into the payee's account

def test_named_salary_paid_into_an_account_is_that_persons(pp):
    text = "Re: Mr Yusuf Demir\n\nMr Demir's net pay is paid into account number 60318427 (sort code 20-44-91).\n"
    assert found(pp, text, BANK) == []


def test_maintenance_paid_into_an_account_is_not_the_payers(rp):
    text = "Dear Ms Kaczmarek\n\nHis maintenance is paid into account 15526094 each month.\n"
    assert found(rp, text, BANK) == ["15526094"]  # not settled: one parent pays it to the other


# ---------------------------------------------------------------- "sort code X and account number Y"

def test_account_number_paired_with_a_sort_code_shares_its_owner(rp):
    text = ("Dear Ms Kaczmarek\n\nThank you for letting us know about your new account. "
            "We will use sort code 30-12-80 and account number 15526094 from December.\n")
    assert found(rp, text, BANK) == []
