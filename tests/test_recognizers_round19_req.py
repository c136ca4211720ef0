"""Round 19R: the requester's own values, settled in the document by the cue a careful reader uses.
Fresh texts (none from a corpus)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.models import CaseRecord, Party
from recognizers.attribution import DocParties, mention, owner_of


@pytest.fixture(scope="module")
def reeve():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R19", received=date(2026, 3, 1), root=Path("."),
        requester=Party(name="Tom Reeve", role="paying parent", case_references=("CMS-2025-310442",)),
        third_parties=[Party(name="Lydia Reeve", role="receiving parent")]))


def texts(an, text):
    return [f.text for f in an.analyze(text)]


def test_a_twelve_digit_run_inside_an_iban_is_not_another_partys_case_reference(reeve):
    chat = ("[04/10/2025 09:12] Lydia: just send it to me directly\n"
            "[04/10/2025 09:15] Tom: No, all through CMS. My account there is DE89 3704 0044 0532 0130 00 anyway\n")
    assert "DE89 3704 0044 0532 0130 00" not in texts(reeve, chat)
    assert not any("3704" in t for t in texts(reeve, chat))
    # a reference on its own is still the other party's
    assert "3704 0044 0532" in texts(reeve, "Tom: her CMS ref is 3704 0044 0532\n")


def test_the_card_a_payment_is_made_with_is_the_payers(reeve):
    letter = ("Dear Sir\n\nI work nights at the depot. The childminder is Rosa Quint and I pay her by card "
              "4539 1488 0343 6467 every Friday.\n\nYours faithfully\nTom Reeve\n")
    got = texts(reeve, letter)
    assert "4539 1488 0343 6467" not in got and "Rosa Quint" in got
    # the person called on a number: still theirs
    letter2 = "Dear Sir\n\nI rang her on her mobile 07700 900871 twice.\n\nYours faithfully\nTom Reeve\n"
    assert "07700 900871" in texts(reeve, letter2)


def test_a_possessive_heading_of_a_persons_own_details_names_his_things(reeve):
    letter = ("Dear Sirs\n\nOur client: Mr Tom Reeve\n\n2. Our client's details. Date of birth 3 May 1981. "
              "His vehicle is a Ford Focus, LV19 KXP,\n   which he needs for contact.\n\nYours faithfully\nA Solicitor\n")
    assert "LV19 KXP" not in texts(reeve, letter)
    # a possessive of a relative still is not him
    letter2 = ("Dear Sirs\n\nOur client: Mr Tom Reeve\n\n2. Our client's mother has a van. "
               "His mother's van is LV19 KXP.\n\nYours faithfully\nA Solicitor\n")
    assert "LV19 KXP" in texts(reeve, letter2)


def test_a_bank_name_before_account_is_not_its_holder():
    text = "Note 11/08  Mr Reeve now pays by DD from Clydesdale acct 82-19-40 / 50123456.\n"
    s = text.index("82-19-40")
    ms = [mention(text.index("Reeve"), text.index("Reeve") + 5, 0, text),
          mention(text.index("Clydesdale"), text.index("Clydesdale") + 10, None, text)]
    assert owner_of(text, s, ms, DocParties(), ["M"], s + 8) == 0


def test_an_account_number_after_a_sort_code_and_a_slash_goes_with_it():
    text = "Note 11/08  Mr Reeve now pays by DD, acct 82-19-40 /\n                50123456 (mandate on file).\n"
    ms = [mention(text.index("Reeve"), text.index("Reeve") + 5, 0, text)]
    s = text.index("50123456")
    assert owner_of(text, s, ms, DocParties(), ["M"], s + 8) == 0


def test_a_form_row_with_no_dot_still_is_a_row(reeve):
    form = ("APPLICATION FOR CHILD MAINTENANCE\n\nPART 1 - ABOUT YOU\nTitle: Mr\nFull name: TOM REEVE\n"
            "Date of birth: 03/05/1981\nProof of identity: UK passport no. 512398761\n\n"
            "PART 2 - ABOUT THE OTHER PARENT\nFull name: LYDIA REEVE\nProof of identity: UK passport no. 533019826\n")
    got = texts(reeve, form)
    assert "512398761" not in got and "533019826" in got


def test_rows_with_long_values_do_not_end_a_your_section(reeve):
    form = ("TELL US ABOUT A CHANGE\n\nPART A - YOUR DETAILS\n  Full name:      Tom Reeve\n  Phone:          0113 496 0777\n\n"
            "PART C - YOUR INCOME\n  Employer:       Harrow Freight Ltd (drivers' pool, nights)\n"
            "  Hours:          cut from 40 to 24 per week from 01/09/2026 until further notice\n"
            "  Paid into:      sort code 20-45-70, account 60311111\n")
    got = texts(reeve, form)
    assert "20-45-70" not in got and "60311111" not in got


def test_my_in_a_you_wrote_message_is_the_account_holders(reeve):
    journal = ("Universal Credit journal (printed by the claimant)\n\nClaimant:   Tom Reeve\n\n"
               "2 May 2026  10:01   You wrote:\nhi, my new account for the payments is below,\n"
               "sort code 11-04-92 and account 70219933. thanks\n\n"
               "2 May 2026  14:20   Work coach wrote:\nThanks, noted.\n")
    got = texts(reeve, journal)
    assert "11-04-92" not in got and "70219933" not in got


def test_a_list_of_ones_details_running_onto_the_next_line_names_its_owner(reeve):
    text = ("Other information held\n\nRequester's own details as held (for information): Tom Reeve, date of birth 03/05/1981,\n"
            "NI AB123456C, car LV19 KXP.\n")
    assert "LV19 KXP" not in texts(reeve, text)
    # a clause after the name is not a list of his details
    text2 = ("The Honda seen there belongs to our client Tom Reeve, who collects the children there,\n"
             "and the van LV19 KXP is the other parent's.\n")
    assert "LV19 KXP" in texts(reeve, text2)


def test_my_or_your_old_address_is_the_writers_or_the_readers(reeve):
    mine = ("Dear Sir\n\nPlease stop writing to my old address at 14 Alder Street, Hull HU3 2QT. I moved out in May.\n\n"
            "Yours faithfully\nTom Reeve\n")
    assert not any("Alder Street" in t for t in texts(reeve, mine))
    yours = ("Dear Mr Reeve\n\nWe are sorry that a letter was sent to your former address, 14 Alder Street, Hull.\n\n"
             "Yours sincerely\nComplaints Team\n")
    assert not any("Alder Street" in t for t in texts(reeve, yours))
    # hers, in her letter; and someone else's old address in his
    hers = ("Dear Sir\n\nPlease stop writing to my old address at 14 Alder Street, Hull HU3 2QT.\n\n"
            "Yours faithfully\nLydia Reeve\n")
    assert any("Alder Street" in t for t in texts(reeve, hers))
    his = ("Dear Sir\n\nShe still gets post at her old address at 14 Alder Street, Hull HU3 2QT.\n\n"
           "Yours faithfully\nTom Reeve\n")
    assert any("Alder Street" in t for t in texts(reeve, his))
