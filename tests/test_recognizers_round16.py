"""Detection round 16: identifiers in the shapes real documents use (an email written out, a phone
with a space after its 0, an NI number over a line break / with two spaces / in boxes, an NHS number
as a scan reads it, a table's column header over its values, a DOB label line that is no header),
organisations' contact details after their name and registration numbers, addresses abroad, and a
listed street named as a road junction.

Blank spaCy pipeline (no NER). Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from recognizers.organisations import org_contact_cue
from tests.detect_fixtures import blank_model_analyzer, found

EMAIL = EntityType.EMAIL_ADDRESS
PHONE = EntityType.PHONE_NUMBER
NINO = EntityType.UK_NINO
NHS = EntityType.UK_NHS
CAR = EntityType.UK_VEHICLE_REG
DOB = EntityType.DATE_OF_BIRTH
ADDRESS = EntityType.ADDRESS


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R16", received=date(2026, 11, 22),
        requester=Party(name="Ilona Kaczmarek", role="receiving parent"),
        third_parties=[
            Party(name="Tomasz Kaczmarek", role="paying parent (ex-husband)",
                  addresses=["4 Gladstone Street, Peterborough PE1 2BN"], phones=["07700 900538"]),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def an(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _all(an, text, et) -> str:
    return " | ".join(found(an, text, et))


# ---------------------------------------------------------------- email addresses written out

def test_email_written_with_bracketed_at_and_dot(an):
    text = "Guarantor email: k.lewandowski61 (at) example (dot) com\n"
    assert "k.lewandowski61 (at) example (dot) com" in found(an, text, EMAIL)


def test_email_written_with_capital_at_and_dot_words(an):
    text = "Email     funmi_adeyemi AT example DOT co DOT uk\n"
    assert "funmi_adeyemi AT example DOT co DOT uk" in found(an, text, EMAIL)


def test_at_in_prose_is_no_email(an):
    text = "I will look at bbc.co.uk tonight and we met at home dot com.\n"
    assert found(an, text, EMAIL) == []


# ---------------------------------------------------------------- phones

def test_phone_with_a_space_after_its_leading_zero(an):
    text = "Mobile    0 7700 900 846\n"
    assert "0 7700 900 846" in found(an, text, PHONE)


# ---------------------------------------------------------------- NI numbers

def test_nino_split_over_a_line_break_with_an_ni_word(an):
    text = "Tracing check for the lodger. NI no. WK 48 20 63\nD (confirmed against DWP CIS).\n"
    assert any("WK 48 20 63" in v and v.endswith("D") for v in found(an, text, NINO))


def test_nino_split_over_a_line_break_needs_an_ni_word(an):
    text = "Parcel codes: WK 48 20 63\nD is the depot.\n"
    assert found(an, text, NINO) == []


def test_nino_with_two_spaces_in_its_gaps(an):
    text = "Witness: Gary Platt, NI number AB  12 34 56  C.\n"
    assert "AB  12 34 56  C" in found(an, text, NINO)


def test_nino_one_character_a_box(an):
    text = "Lodger's N.I. No: a b 1 2 3 4 5 6 c\n"
    assert "a b 1 2 3 4 5 6 c" in found(an, text, NINO)


# ---------------------------------------------------------------- NHS numbers as scanned

def test_nhs_number_as_a_scan_reads_it(an):
    text = "Patient: John Leigh   NHS No: 943 476 59l9\n"
    assert "943 476 59l9" in found(an, text, NHS)


def test_nhs_number_as_scanned_must_pass_the_check_digit(an):
    text = "Patient: John Leigh   NHS No: 943 476 59l8\n"
    assert found(an, text, NHS) == []


# ---------------------------------------------------------------- table column headers

TABLE = ("3. THE OTHER VEHICLE AND DRIVER\n"
         "Registration   Make/model          Driver name            Driver DOB     Driver phone\n"
         "bd65xyt        Vauxhall Corsa      Kieran O'Donnell       19/05/2001     07700 900 593\n")


def test_vehicle_reg_under_a_registration_column_header(an):
    assert "bd65xyt" in found(an, TABLE, CAR)


def test_date_under_a_driver_dob_header_cell(an):
    assert "19/05/2001" in found(an, TABLE, DOB)


def test_line_with_a_dob_and_its_own_date_is_no_header(an):
    text = ("Mr Vance, D.O.B. 03.03.1985; Mrs Vance born 3rd March 1985.\n"
            "Letter dated 3 March 2026. Payment made 03/03/2026.\n")
    got = found(an, text, DOB)
    assert "03.03.1985" in got
    assert "3 March 2026" not in got and "03/03/2026" not in got


# ---------------------------------------------------------------- organisations' contact details

HALLORAN = ("Driver 2's employer is Halloran Plastering Ltd (Company No. 09231874, VAT Reg GB 318 4421 07) of\n"
            "Unit 4, Fengate Trade Park, Peterborough PE1 5XB, tel 01733 960 220.\n")


def test_org_address_after_its_registration_numbers():
    s = HALLORAN.index("Unit 4")
    assert org_contact_cue(HALLORAN, s, "address")


def test_org_line_after_its_name_registration_and_address():
    s = HALLORAN.index("01733")
    assert org_contact_cue(HALLORAN, s, "phone")


NOTES = ("13/08/2026 11:02 R. Kowalczyk\n"
         "PP Tomasz Kaczmarek works remotely. Employer identified: Trent Digital Ltd, company no. 11482903, "
         "3 Broadway, Nottingham NG1 1PR, payroll 0115 496 0321.\n"
         "  Name:          Sean Halloran\n"
         "  Employer:      Trafford Freight Services Ltd, PAYE ref 961/TF44120\n"
         "  Employer address: Westinghouse Road, Trafford Park, M17 1PY\n")


def test_org_payroll_line_after_its_address(an):
    got = _all(an, NOTES, PHONE) + _all(an, NOTES, ADDRESS)
    assert "0115 496 0321" not in got and "Broadway" not in got


def test_employer_address_label(an):
    assert "Westinghouse" not in _all(an, NOTES, ADDRESS)


def test_org_department_and_number_alone_is_no_org_line():
    # no address between the organisation and the number: it may be the line of the person spoken to
    text = "2025-11-26 10:30 outbound callee: Castle Precision Engineering Ltd payroll (0161 496 0592)\n"
    assert not org_contact_cue(text, text.index("(0161"), "phone")


def test_hospital_ward_line(an):
    text = "Admitted 11/10/2026, discharged 19/10/2026. Ward 7 (tel 01274 364 707).\n"
    assert found(an, text, PHONE) == []


# ---------------------------------------------------------------- addresses abroad

def test_irish_address_with_an_eircode(an):
    text = "New address given by RP:\n14 Ard Na Mara, Salthill, Galway, H91 X2Y4.\n"
    assert any(v.startswith("14 Ard Na Mara") for v in found(an, text, ADDRESS))


def test_street_word_first_address_abroad(an):
    text = "Home address: ul. Polna 12, Poznan, Poland\n"
    assert any(v.startswith("ul. Polna 12") for v in found(an, text, ADDRESS))


# ---------------------------------------------------------------- a listed street as a road junction

def test_listed_street_at_a_junction_is_no_address(an):
    text = "Incident 26/118830 - road traffic collision, Lincoln Road junction with Gladstone Street, 14/08/2026.\n"
    assert "Gladstone Street" not in _all(an, text, ADDRESS)


def test_listed_street_named_alone_elsewhere_still_goes(an):
    text = "Tomasz has moved back to Gladstone Street with his partner.\n"
    assert "Gladstone Street" in _all(an, text, ADDRESS)


# ---------------------------------------------------------------- dates of birth in words, over a line

def test_date_of_birth_in_words_after_born(an):
    text = "Mrs Siddiq, who was born on the third of March nineteen eighty-seven, was admitted.\n"
    assert "third of March nineteen eighty-seven" in found(an, text, DOB)


def test_date_in_words_without_a_birth_cue_stays(an):
    text = "The hearing is on the third of March two thousand and twenty-seven.\n"
    assert found(an, text, DOB) == []


def test_date_of_birth_over_a_line_break(an):
    text = "RP says PP was born on the 3rd of\nMarch 1985 in Galway.\n"
    assert "3rd of\nMarch 1985" in found(an, text, DOB)


def test_born_in_a_sentence_a_line_up_is_no_column_header(an):
    text = "RP says PP was born in Galway and\nsee page 3 of March 2026 letter.\n"
    assert found(an, text, DOB) == []


# ---------------------------------------------------------------- more shapes

def test_passport_number_in_threes(an):
    text = "Lodger Peter Vance, passport number 533 870 214.\n"
    assert "533 870 214" in found(an, text, EntityType.UK_PASSPORT)


def test_phone_with_the_country_code_in_brackets(an):
    text = "Contact Peter Vance on (+44) 7700 900123.\n"
    assert any("7700 900123" in v for v in found(an, text, PHONE))


def test_foreign_number_with_00_after_a_phone_word(an):
    text = "Peter Vance's Irish mobile 00353 86 555 0147.\n"
    assert "00353 86 555 0147" in found(an, text, PHONE)


def test_email_with_the_word_at_after_a_plain_word_needs_an_email_word(an):
    assert "pvance at example.com" in found(an, "Peter Vance email pvance at example.com\n", EMAIL)
    assert found(an, "We will look at example.com together.\n", EMAIL) == []


# ---------------------------------------------------------------- older registrations in lower case

def test_older_registration_in_lower_case_after_a_registration_label(an):
    text = "Peter Vance, reg: p123 abc, registration no. abc123d, vehicle reg r123abc.\n"
    got = found(an, text, CAR)
    assert "p123 abc" in got and "abc123d" in got and "r123abc" in got


def test_older_registration_shape_in_lower_case_without_a_label_stays(an):
    text = "We took the m1 car park exit and Peter drove the A1 van home.\n"
    assert found(an, text, CAR) == []


# ---------------------------------------------------------------- ten-digit numbers labelled as something else

def test_ten_digit_number_labelled_as_an_order_or_invoice_is_no_nhs_number(an):
    text = "Order no. 4857773007. Invoice 9434765919.\n"
    assert found(an, text, NHS) == []


def test_nhs_number_with_its_label_still_goes(an):
    text = "Patient: John Leigh   NHS No: 485 777 3007\n"
    assert "485 777 3007" in found(an, text, NHS)


# ---------------------------------------------------------------- the date of an event after a birth cue

def test_date_of_an_action_after_a_birth_cue_stays(an):
    text = ("Peter Vance DOB verified on 12/10/2026 by the caseworker.\n"
            "Peter Vance date of birth updated on 3 March 2026 after he called.\n"
            "Peter Vance's birthday party is on 12/12/2026.\n")
    assert found(an, text, DOB) == []


def test_birth_cue_label_with_confirmed_still_a_date_of_birth(an):
    text = "Peter Vance DOB confirmed: 03/03/1985.\n"
    assert "03/03/1985" in found(an, text, DOB)


# ---------------------------------------------------------------- organisations' own bank details

def test_organisation_named_with_its_own_bank_details_stays(an):
    text = ("Acme Widgets Ltd bank: sort code 40-11-62, account 00881245 (for invoices).\n"
            "HMRC's bank: sort code 08 32 10, account 12001039.\n")
    assert found(an, text, EntityType.BANK_DETAILS) == []


def test_a_persons_account_at_a_named_bank_still_goes(an):
    text = ("Peter Vance's bank: sort code 20-45-77, account 41227805.\n"
            "Gary Platt holds a Santander Bank account 12345678.\n")
    got = found(an, text, EntityType.BANK_DETAILS)
    assert "41227805" in got and "12345678" in got


# ---------------------------------------------------------------- a listed phone with a space after its 0

def test_listed_phone_with_a_space_after_its_leading_zero_is_taken_whole(an):
    text = "Tomasz rang from 0 7700 900 538 yesterday.\n"
    assert "0 7700 900 538" in found(an, text, PHONE)
    # (the party matcher itself takes the leading "0 ")
    spans = an.parties.match(text)
    assert any(text[sp.start:sp.end] == "0 7700 900 538" for sp in spans if sp.entity_type == PHONE)


# ---------------------------------------------------------------- a date of birth in spaced or run-together figures

def test_date_of_birth_spaced_or_run_together_after_a_cue(an):
    text = "Lodger Gary Platt, born 03 03 1985, DOB: 03031985.\n"
    got = found(an, text, DOB)
    assert "03 03 1985" in got and "03031985" in got


def test_spaced_or_run_together_figures_without_a_cue_stay(an):
    text = "Payment ref 03031985 sent on 01 02 2019.\n"
    assert found(an, text, DOB) == []


def test_column_header_above_a_markdown_rule_line(an):
    text = ("Other vehicles seen near the house\n"
            "| Registration | Make | Model | Colour | Seen at | Seen on |\n"
            "|---|---|---|---|---|---|\n"
            "| kx19plm | Ford | Focus | blue | Tesco | Monday |\n")
    assert "kx19plm" in found(an, text, CAR)


def test_nino_digits_grouped_in_threes(an):
    text = "Lodger's NI: AB 123 456 C.\n"
    assert "AB 123 456 C" in found(an, text, NINO)


def test_dateless_or_northern_irish_registration_after_a_label(an):
    text = "Peter Vance, reg: LIZ 1234. Vehicle reg 1 ABC.\n"
    got = found(an, text, CAR)
    assert "LIZ 1234" in got and "1 ABC" in got


def test_reg_no_and_a_number_is_no_registration(an):
    text = "Reg no 1 is wrong. Reg NO 12. He is in reg 2 of the list.\n"
    assert found(an, text, CAR) == []


def test_vat_or_company_reg_is_no_vehicle_registration(an):
    text = "Halloran Plastering Ltd (Company No. 09231874, VAT Reg GB 318 4421 07), company reg AB 1234.\n"
    assert found(an, text, CAR) == []


def test_email_with_spaces_around_the_at_sign(an):
    text = "Gary Platt email gary.platt @ example.com\n"
    assert "gary.platt @ example.com" in found(an, text, EMAIL)


def test_at_sign_before_a_time_or_price_is_no_email(an):
    text = "Meet @ 5pm. Price @ £5 each.\n"
    assert found(an, text, EMAIL) == []


def test_foreign_number_dialled_with_00_under_a_telephone_header(an):
    text = ("Emergency contacts\n"
            "Name                  Relationship        Telephone\n"
            "Krzysztof Lewandowski uncle               0048 61 852 4410\n"
            "Order ref             0048 61 852 4411    none\n")
    got = found(an, text, PHONE)
    assert "0048 61 852 4410" in got and "0048 61 852 4411" not in got
