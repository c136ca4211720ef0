"""Round 25R: the requester's own data, by mechanisms that recurred across fresh authors' texts: a chat label of
several words the customer typed ("jo smith:", "jo s:") was not read as the speaker, so "my number" found no owner; an
identity document's number (a passport) shown in a document by, to or about the requester only was left ownerless;
and an earlier address said to be "your previous address with us was", "my old address on", "her previous tenancy at",
or written with its flat before it ("my old flat at Flat 3, ..."), was not read as hers. Fresh texts (none from a
corpus)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party


@pytest.fixture(scope="module")
def wen():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R25R", received=date(2026, 11, 23), root=Path("."),
        requester=Party(name="Wenonah Castellaro", role="receiving parent", aliases=("Wen",),
                        addresses=("9 Quillet Row, Frome BA11 2DX",)),
        third_parties=[Party(name="Desmond Tullock", role="paying parent (requester's former partner)",
                             addresses=("41 Harrier Lane, Radstock BA3 3PT",))]))


def texts(an, text, et=None):
    return [f.text for f in an.analyze(text) if et is None or f.entity_type == et]


# -- a chat label of several words, as the customer typed their name ------------------------------------------------

def test_a_two_word_lower_case_chat_label_is_the_speaker(wen):
    # a family chat exported from a phone (not the agency's chat): the line's speaker says whose "my" is
    chat = ("Messages exported 02/11/2026\n\n"
            "[01/11/2026, 18:02] Desmond Tullock: did the kids get the trainers\n"
            "[01/11/2026, 18:05] wen castellaro: yes. my number has changed its 07700 900314 now\n"
            "[01/11/2026, 18:07] Desmond Tullock: ok\n")
    assert not any("900314" in f for f in texts(wen, chat))


def test_a_chat_label_with_an_initial_is_the_speaker(wen):
    chat = ("Messages exported 02/11/2026\n\n"
            "[01/11/2026, 18:02] Desmond Tullock: send me where to put the money\n"
            "[01/11/2026, 18:05] wen c: my account 20-44-17 63018824 same as before\n"
            "[01/11/2026, 18:07] Desmond Tullock: ok\n")
    found = texts(wen, chat)
    assert not any("63018824" in f or "20-44-17" in f for f in found)


def test_a_third_partys_number_in_a_several_word_label_chat_is_still_redacted(wen):
    chat = ("Messages exported 02/11/2026\n\n"
            "[01/11/2026, 18:02] Desmond Tullock: whats your brothers number\n"
            "[01/11/2026, 18:05] wen castellaro: my brother's number is 07700 900577\n"
            "[01/11/2026, 18:07] Desmond Tullock: ok\n")
    assert any("900577" in f for f in texts(wen, chat))


# -- an identity document's number in a document by, to or about the requester only -------------------------------

def test_a_passport_in_an_employers_rows_about_the_requester_is_hers(wen):
    letter = ("From: payroll@harrowpike.example.co.uk\nTo: enquiries@cms.example.gov.uk\n"
              "Subject: RE: Employment enquiry\n\n"
              "Hi Priya,\n\nAnswers to your questions below.\n\n"
              "Employee: Wenonah Castellaro\n"
              "Start date: 04/09/2019\n"
              "Right to work: UK passport 536120947 checked 01/09/2019 (copy on file)\n\n"
              "Regards\nPayroll team\n")
    assert not any("536120947" in f for f in texts(wen, letter, EntityType.UK_PASSPORT.value))


def test_a_passport_copy_enclosed_on_the_requesters_own_form_is_hers(wen):
    form = ("CHANGE OF CIRCUMSTANCES\n\nSECTION 1  ABOUT YOU\nFull name: Wenonah Castellaro\n"
            "Address: 9 Quillet Row, Frome BA11 2DX\n\n"
            "SECTION 5  EVIDENCE\n[X] Wage slips   [X] Passport copy, no. 547718032\n\n"
            "Signed: W Castellaro      Date: 01/11/2026\n")
    assert not any("547718032" in f for f in texts(wen, form))


def test_a_passport_seen_in_a_letter_to_the_requester_is_hers(wen):
    letter = ("Frome Vale Housing\n\nMs W Castellaro\n9 Quillet Row\nFrome BA11 2DX\n\n3 November 2026\n\n"
              "Dear Ms Castellaro,\n\nWe confirm your tenancy started on 1 May 2024.\n\n"
              "Identity checked at sign-up: UK passport 529043318 (yourself); utility bill.\n\n"
              "Yours sincerely\nLettings team\n")
    assert not any("529043318" in f for f in texts(wen, letter))


def test_someone_elses_passport_in_the_requesters_letter_is_still_redacted(wen):
    letter = ("Frome Vale Housing\n\nMs W Castellaro\n9 Quillet Row\nFrome BA11 2DX\n\n3 November 2026\n\n"
              "Dear Ms Castellaro,\n\nYour lodger Marta Ilesca showed passport 508127765 at sign-up.\n\n"
              "Yours sincerely\nLettings team\n")
    assert any("508127765" in f for f in texts(wen, letter))


def test_a_passport_under_a_row_naming_someone_else_is_still_redacted(wen):
    form = ("CHANGE OF CIRCUMSTANCES\n\nSECTION 1  ABOUT YOU\nFull name: Wenonah Castellaro\n\n"
            "SECTION 3  SOMEONE WHO MOVED IN\nName: Marta Ilesca\n"
            "Passport number: 512690431\n\n"
            "Signed: W Castellaro      Date: 01/11/2026\n")
    assert any("512690431" in f for f in texts(wen, form))


# -- an earlier address of the requester, in more of the ways it is said ---------------------------------------------

def test_your_previous_address_with_us_was_in_a_letter_to_her_is_hers(wen):
    letter = ("Mendip Homes\n\nMs W Castellaro\n9 Quillet Row\nFrome BA11 2DX\n\n3 November 2026\n\n"
              "Dear Ms Castellaro,\n\nYour rent account is clear. For your information, your previous address with us "
              "was 2 Tanyard Court, Shepton Mallet, which you left in 2023.\n\nYours sincerely\nIncome team\n")
    assert not any("Tanyard" in f for f in texts(wen, letter))


def test_my_old_address_on_a_street_is_the_writers(wen):
    letter = ("Dear CMS,\n\nYou keep sending letters to my old address on Pellow Street and I moved last year.\n\n"
              "Yours faithfully\nWenonah Castellaro\n")
    assert not any("Pellow" in f for f in texts(wen, letter))


def test_her_previous_tenancy_at_is_the_subjects(wen):
    letter = ("Mendip Homes\n\nChild Maintenance Service\nPO Box 1\n\n3 November 2026\n\nDear Sir or Madam\n\n"
              "Tenant: Ms W Castellaro\n\nMs Castellaro has asked us to confirm her tenancy. She came to us in March; "
              "her previous tenancy at 14 Orchard Yard, Wells ended with a clear rent account.\n\nYours faithfully\nLettings\n")
    assert not any("Orchard Yard" in f for f in texts(wen, letter))


def test_my_old_flat_at_with_the_flat_written_first_is_the_writers(wen):
    letter = ("Dear CMS,\n\nLetters still go to my old flat at Flat 6, 31 Bellmoor Road North, Bath BA2 4QS. I have not "
              "lived there since 2022.\n\nYours faithfully\nWenonah Castellaro\n")
    found = texts(wen, letter)
    assert not any("Bellmoor" in f or "BA2 4QS" in f for f in found)


def test_his_previous_tenancy_is_still_redacted(wen):
    letter = ("Dear CMS,\n\nDesmond moved out of his previous tenancy at 7 Cobb Lane, Radstock to live with his "
              "girlfriend.\n\nYours faithfully\nWenonah Castellaro\n")
    assert any("Cobb Lane" in f for f in texts(wen, letter))


def test_a_line_opening_with_a_name_and_a_comma_is_no_speaker_and_does_not_fail(wen):
    note = "Desmond, his number is 07700 900611 and he still has not paid.\n"
    assert any("900611" in f for f in texts(wen, note))


# -- a home address row in a record or letter about the requester only -----------------------------------------------

def test_a_home_address_row_in_an_employers_letter_about_the_requester_is_hers(wen):
    letter = ("Harrow & Pike Logistics Ltd\n\nChild Maintenance Service\nPO Box 1\n\n3 November 2026\n\n"
              "Dear Sir or Madam\n\nEmployee: Ms Wenonah Castellaro\n\n"
              "We have received your order. For your records we hold:\n"
              "  Home address:   12 Lindley Crescent, Trowbridge BA14 8PL\n"
              "  Payroll number: 40071\n\nYours faithfully\nPayroll\n")
    assert not any("Lindley" in f for f in texts(wen, letter))


def test_an_address_on_our_records_is_still_in_a_letter_about_her_is_hers(wen):
    letter = ("Harrow & Pike Logistics Ltd\n\nChild Maintenance Service\nPO Box 1\n\n3 November 2026\n\n"
              "Dear Sir or Madam\n\nEmployee: Ms Wenonah Castellaro\n\nI can confirm:\n"
              "  - she has worked here since 2019;\n"
              "  - home address on our records is still 12 Lindley Crescent, Trowbridge.\n\n"
              "Yours faithfully\nPayroll\n")
    assert not any("Lindley" in f for f in texts(wen, letter))


def test_a_home_address_row_under_someone_elses_name_is_still_redacted(wen):
    letter = ("Harrow & Pike Logistics Ltd\n\nChild Maintenance Service\nPO Box 1\n\n3 November 2026\n\n"
              "Dear Sir or Madam\n\nEmployee: Ms Wenonah Castellaro\n\nEmergency contact:\n"
              "  Name:           Marta Ilesca\n"
              "  Home address:   5 Sedge Walk, Trowbridge BA14 0RT\n\nYours faithfully\nPayroll\n")
    assert any("Sedge Walk" in f for f in texts(wen, letter))


def test_a_move_from_a_flat_in_a_case_note_is_the_role_holders(wen):
    notes = ("CONTACT HISTORY\n\n04/03/2026 09:12 INBOUND CALL  R.PATEL\n"
             "RP ADV MOVED ADDRESS FROM FLAT 3, 27 HOLLIS VILLAGE, FROME BA11 4RT TO 9 QUILLET ROW, FROME BA11 2DX. "
             "ADDR UPDATED.\n\n05/03/2026 10:00 NOTE  R.PATEL\nLETTER ISSUED.\n")
    found = texts(wen, notes)
    assert not any("HOLLIS" in f or "BA11 4RT" in f for f in found)


def test_a_passport_in_the_requesters_form_section_about_the_other_parent_is_still_redacted(wen):
    form = ("CHANGE OF CIRCUMSTANCES\n\nSECTION 1  ABOUT YOU\nFull name: Wenonah Castellaro\n\n"
            "SECTION 4  ABOUT THE OTHER PARENT\n"
            "Passport number (if known): 519274406\n"
            "Home address: 3 Copse View, Radstock BA3 5LW\n\n"
            "Signed: W Castellaro      Date: 01/11/2026\n")
    found = texts(wen, form)
    assert any("519274406" in f for f in found) and any("Copse View" in f for f in found)
