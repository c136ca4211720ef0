"""Round 22R: the requester's own data that case.json does not list (her former address, her own account in an
export, her passport in a chat), by layouts and cues that recur across authors. Fresh texts (none from a corpus)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.models import CaseRecord, Party


@pytest.fixture(scope="module")
def ash():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R22", received=date(2026, 6, 1), root=Path("."),
        requester=Party(name="Imogen Ashdown", aliases=("Imogen Clare Ashdown",),
                        addresses=("Flat 7, 22 Quarry Hill, Frome BA11 2RT",), phones=("07700 900733",)),
        # (the requester's role is not stated, as in most case.json files: the export's preamble says it)
        third_parties=[Party(name="Declan Frew", role="receiving parent (requester's ex-partner)",
                             addresses=("3 Orchard Row, Shepton Mallet BA4 5LP",))]))


def texts(an, text):
    return [f.text for f in an.analyze(text)]


def _has(found, part):
    return any(part in f for f in found)


# -- a row labelled as an earlier address under the row holding the requester's address ---------------------------

def test_a_previous_address_row_under_the_requesters_address_row_is_hers(ash):
    form = ("Payer's contact details\n"
            "Home address: Flat 7, 22 Quarry Hill, Frome BA11 2RT\n"
            "Previous address (last 3 years): 41 Vallis Way, Frome BA11 3BD\n"
            "Daytime phone: 07700 900733\n")
    found = texts(ash, form)
    assert not _has(found, "Vallis Way") and "BA11 3BD" not in found
    # a few short rows between ("Postcode", "Date you moved") do not break the record
    form2 = ("New address      Flat 7, 22 Quarry Hill, Frome\n"
             "Postcode         BA11 2RT\n"
             "Date you moved   02/03/2026\n"
             "Previous address 41 Vallis Way, Frome BA11 3BD\n")
    assert not _has(texts(ash, form2), "Vallis Way")


def test_a_previous_address_row_for_someone_else_or_in_another_block_stays_redacted(ash):
    other = ("Home address: Flat 7, 22 Quarry Hill, Frome BA11 2RT\n"
             "Partner's previous address: 9 Cockey Road, Frome BA11 1QS\n")
    assert _has(texts(ash, other), "Cockey Road")
    apart = ("Home address: Flat 7, 22 Quarry Hill, Frome BA11 2RT\n\n"
             "Lodger: Mr Tobias Wren\n"
             "Previous address: 9 Cockey Road, Frome BA11 1QS\n")
    assert _has(texts(ash, apart), "Cockey Road")
    # a lodger's record at her address: his previous address is his
    lodger = ("Lodger: Mr Tobias Wren\n"
              "Address: Flat 7, 22 Quarry Hill, Frome BA11 2RT\n"
              "Previous address: 9 Cockey Road, Frome BA11 1QS\n")
    assert _has(texts(ash, lodger), "Cockey Road")


# -- "you lived at" / "I moved from": the reader's / the writer's ---------------------------------------------------

def test_you_or_i_as_the_subject_of_a_verb_of_living_or_moving(ash):
    letter = ("Dear Ms Ashdown\n\nYou have held a tenancy of Flat 7, 22 Quarry Hill since March. Before this you lived at "
              "41 Vallis Way, Frome, which was not one of our properties.\n\nYours sincerely\n\nTenancy Services\n")
    assert not _has(texts(ash, letter), "Vallis Way")
    own = ("Dear Sir or Madam\n\nMy address is Flat 7, 22 Quarry Hill, Frome BA11 2RT. I moved from 41 Vallis Way "
           "last spring and the letters still go there.\n\nYours faithfully\n\nImogen Ashdown\n")
    assert not _has(texts(ash, own), "Vallis Way")


def test_someone_else_living_or_a_distance_from_a_place_stays_redacted(ash):
    letter = ("Dear Ms Ashdown\n\nDid you know she lived at 9 Cockey Road, Frome until May?\n\n"
              "Yours sincerely\n\nTenancy Services\n")
    assert _has(texts(ash, letter), "Cockey Road")
    own = ("Dear Sir or Madam\n\nI live two miles from 9 Cockey Road, Frome, where Mr Tobias Wren stays.\n\n"
           "Yours faithfully\n\nImogen Ashdown\n")
    assert _has(texts(ash, own), "Cockey Road")


# -- a comma-separated export's payer / payee account columns ----------------------------------------------------

def test_a_csv_exports_payer_columns_are_the_paying_parent_named_in_its_preamble(ash):
    csv = ("Collect and Pay schedule\n"
           "Paying parent: ASHDOWN, IMOGEN   Receiving parent: FREW, DECLAN\n\n"
           "due_date,amount,method,payer_sort_code,payer_account,payee_sort_code,payee_account,status\n"
           "01/05/2026,210.00,DD,30-94-57,61820934,77-01-12,40028811,PAID\n"
           "01/06/2026,210.00,DD,30-94-57,61820934,77-01-12,40028811,PAID\n")
    found = texts(ash, csv)
    assert not _has(found, "30-94-57") and not _has(found, "61820934")
    assert _has(found, "77-01-12") and _has(found, "40028811")


# -- a first-person clause in a chat line is the line's speaker's ------------------------------------------------

def test_i_in_a_chat_line_is_its_speaker(ash):
    chat = ("19:01 Kerry (CMS): Hello, how can I help?\n"
            "19:02 Imogen Ashdown: ok good. they asked for ID so I uploaded passport 533817264 yesterday\n")
    assert "533817264" not in texts(ash, chat)
    other = ("19:01 Kerry (CMS): Hello, how can I help?\n"
             "19:02 Declan Frew: ok good. they asked for ID so I uploaded passport 533817264 yesterday\n")
    assert "533817264" in texts(ash, other)


# -- a postcode on the requester's labelled record row -------------------------------------------------------------

def test_a_postcode_on_the_requesters_record_row_is_hers(ash):
    scan = (" Patient: Ms Imogen Ashdown\n DOB: 04/09/1990\n Address: 41 Vallis Way, Fr0me  BA11 3BD\n\n"
            " I confirm that the above named patient attended the surgery.\n")
    assert "BA11 3BD" not in texts(ash, scan)


# -- "your previous address on our records was", "my house at" across a quoted line break ----------------------

def test_own_address_cues_with_a_records_phrase_or_a_quoted_line_break(ash):
    letter = ("Dear Ms Ashdown\n\nYour previous address on our records was 41 Vallis Way, Frome BA11 3BD.\n\n"
              "Yours sincerely\n\nRevenues Officer\n")
    assert not _has(texts(ash, letter), "Vallis Way")
    quoted = ("From: Imogen Ashdown <i.ashdown@example.com>\nTo: cms@example.org\nSubject: complaint\n\n"
              "> Please do not give her my new address. Last time she came to my house at\n"
              "> 41 Vallis Way, Frome and shouted in the street.\n>\n> Imogen Ashdown\n")
    assert not _has(texts(ash, quoted), "Vallis Way")


# -- a transcript's speaker label bound by the speaker naming themselves -----------------------------------------

def test_a_speaker_label_that_names_itself_is_that_party_despite_the_other_parents_data_on_its_lines(ash):
    call = ("AGENT: Can the customer give me her full name please?\n"
            "CUSTOMER (via interpreter): My name is Imogen Ashdown.\n"
            "AGENT: And your address?\n"
            "CUSTOMER (via interpreter): Flat 7, 22 Quarry Hill, Frome BA11 2RT.\n"
            "AGENT: And the other parent's address?\n"
            "CUSTOMER (via interpreter): 3 Orchard Row, Shepton Mallet BA4 5LP.\n"
            "CUSTOMER (via interpreter): And my phone changed. New number 07700 900418.\n")
    assert "07700 900418" not in texts(ash, call)
    # a caller who names the other parent is not bound to him by it ("it's Declan who stopped paying")
    other = ("AGENT: Who is calling?\n"
             "CALLER: My name is Declan Frew.\n"
             "CALLER: And my phone changed. New number 07700 900418.\n")
    assert "07700 900418" in texts(ash, other)
