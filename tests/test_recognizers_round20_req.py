"""Round 20R: the requester's own values, settled by the cue a careful reader uses (the author's point of view,
the record's subject, the form's own sections). Fresh texts (none from a corpus)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.models import CaseRecord, Party


@pytest.fixture(scope="module")
def marsh():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R20", received=date(2026, 3, 1), root=Path("."),
        requester=Party(name="Gareth Marsh", role="paying parent", aliases=("Gaz",),
                        emails=("g.marsh@example.net",)),
        third_parties=[Party(name="Nerys Pugh", role="receiving parent (requester's ex-partner)")]))


@pytest.fixture(scope="module")
def okoro():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R20B", received=date(2026, 3, 1), root=Path("."),
        requester=Party(name="Adaeze Okoro", role="receiving parent"),
        third_parties=[Party(name="Tobias Lang", role="paying parent (requester's ex-husband)")]))


def texts(an, text):
    return [f.text for f in an.analyze(text)]


def test_a_third_persons_previous_home_is_the_nearest_person_of_that_gender(okoro):
    letter = ("Re: Ms Adaeze Okoro\n\nTo whom it may concern\n\nI support Ms Okoro. She asks that Mr Lang is not told "
              "where she lives; her previous flat at 9 Quarry Hill Road, Leeds is known to him.\n\nYours faithfully\n"
              "P Advocate\n")
    assert not any("Quarry Hill" in t for t in texts(okoro, letter))
    # an unknown woman nearer: hers, still redacted
    letter2 = ("To whom it may concern\n\nMs Okoro says her friend Dana Fell moved; her previous flat at "
               "9 Quarry Hill Road, Leeds is empty.\n\nYours faithfully\nP Advocate\n")
    assert any("Quarry Hill" in t for t in texts(okoro, letter2))


def test_his_home_in_a_letter_about_him_where_only_women_are_named_is_his(marsh):
    letter = ("Dear Sir or Madam\n\nRe: My constituent, Mr Gareth Marsh\n\nMr Marsh has asked me to write.\n\n"
              "He says that Ms Pugh still writes to his old house at 5 Lime Terrace, Hull and that the letters are "
              "opened.\n\nYours faithfully\nA Member\n")
    assert not any("Lime Terrace" in t for t in texts(marsh, letter))
    # a man no name is given for, spoken of in the paragraph: not the subject's
    letter2 = letter.replace("Ms Pugh still writes", "Ms Pugh's new partner writes")
    assert any("Lime Terrace" in t for t in texts(marsh, letter2))


def test_an_address_given_care_of_someone_is_the_writers(marsh):
    mail = ("From: g.marsh@example.net\nTo: cms@example.gov.uk\nSubject: my details\n\nHi,\n\nyou still have my old "
            "address c/o my nan's at 22 Cobden Street, Hull on file. please update it.\n\nGaz\n")
    assert not any("Cobden" in t for t in texts(marsh, mail))


def test_a_from_line_with_only_a_listed_email_names_the_writer(marsh):
    mail = ("From: g.marsh@example.net\nTo: cms@example.gov.uk\nSubject: payments\n\nHello,\n\nI have a new bank. "
            "My account is sort code 40-22-19 account 61234598.\n\nThanks\n")
    got = texts(marsh, mail)
    assert "40-22-19" not in got and "61234598" not in got
    # someone else's address in the From line: not the requester's account
    mail2 = mail.replace("g.marsh@example.net", "someone.else@example.org")
    assert any("40-22-19" in t for t in texts(marsh, mail2))


def test_a_wrapped_sentence_names_the_values_owner_as_on_one_line(marsh):
    notice = ("Decision notice\n\n4. Mr Gareth Marsh attended the hearing and gave evidence about his travel costs.\n"
              "5. Mr Marsh lives in Hull and the child lives in York. Mr Marsh drives to York in a grey car\n"
              "(registration YK19 PLM) every second weekend.\n")
    assert "YK19 PLM" not in texts(marsh, notice)
    # a table's rows are not a wrapped sentence
    table = ("Attendees and vehicles seen at the address on the night of the visit by officers\n"
             "YK19 PLM  parked outside the house\n")
    assert "YK19 PLM" in texts(marsh, "Ms Nerys Pugh\n" + table)


def test_rows_of_a_form_the_requester_filled_in_about_himself(marsh):
    form = ("Dear Mr Marsh\n\nPlease complete the form below.\n\nYours sincerely\nA Officer\n\n"
            "INCOME AND SPENDING\n"
            "Full name: GARETH MARSH      Date of birth: 02/03/1984\n"
            "Address: 5 Lime Terrace, Hull\n\n"
            "Employment: Fitter, Humber Engineering\n"
            "Bank: Lloyds Bank plc  Sort code 30-11-42  Account no 55120988\n\n"
            "PART 2  PAYMENTS\n"
            "I pay by: [ ] DEO  [x] card\n"
            "Card payment today: card no. 4929 1205 7731 0086\n\n"
            "PART 3  ABOUT THE OTHER PARENT\n"
            "Vehicle: YK20 RRA\n\n"
            "Signed: G Marsh\n")
    got = texts(marsh, form)
    assert "30-11-42" not in got and "55120988" not in got and "4929 1205 7731 0086" not in got
    assert "YK20 RRA" in got  # the section about someone else


def test_a_cards_holder_named_after_its_expiry(okoro):
    record = ("PAYMENT\n  Method: card on file, Visa debit 4539 1488 0343 6467 exp 11/28, cardholder ADAEZE N OKORO\n")
    assert "4539 1488 0343 6467" not in texts(okoro, record)
    record2 = record.replace("ADAEZE N OKORO", "TOBIAS LANG")
    assert "4539 1488 0343 6467" in texts(okoro, record2)


@pytest.fixture(scope="module")
def pugh_shared():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R20C", received=date(2026, 3, 1), root=Path("."),
        requester=Party(name="Mr Dafydd Pugh", role="paying parent", aliases=("Daf",)),
        third_parties=[Party(name="Nerys Pugh", role="receiving parent (requester's ex-wife)", aliases=("Ness",)),
                       Party(name="Elin Pugh", role="receiving parent's daughter")]))


def test_a_listed_nickname_before_a_shared_surname_settles_it(pugh_shared):
    # a reply quoted under a letter to him: "Thank you / Daf Pugh" is his sign-off, not someone else spoken of to him
    text = "Dear Mr Pugh\n\nWe have your receipts.\n\n> I send the receipts. Thank you\n> Daf Pugh\n> 07700 900111\n"
    assert not any("Pugh" in t for t in texts(pugh_shared, text))
    text2 = text.replace("Daf Pugh", "Ness Pugh")
    assert any("Pugh" in t for t in texts(pugh_shared, text2))


def test_dotless_and_stroked_letters_fold_like_accents():
    from recognizers import build_analyzer

    an = build_analyzer(CaseRecord(
        case_id="C-R20D", received=date(2026, 3, 1), root=Path("."),
        requester=Party(name="Aysel Kılıç", role="receiving parent", aliases=("Aysel Nur Kılıç",)),
        third_parties=[Party(name="Michał Nowacki", role="paying parent")]))
    letter = "Child Maintenance Service\n\nAYSEL NUR KILIC\n12 HIGH STREET\nLEEDS\n\nDear Ms Kilic\n\nMr Michal Nowacki has paid.\n"
    got = texts(an, letter)
    assert "AYSEL NUR KILIC" not in got and not any("AYSEL" in t for t in got)
    assert any("Michal Nowacki" in t for t in got)


def test_a_row_of_the_subjects_heading_block_is_the_subjects(okoro):
    letter = ("Health Visiting Team\n\nTo whom it may concern\n\nRe: Ms Adaeze N. Okoro\n"
              "DOB: 01.02.1990   NHS no: 943 476 5919\n\nI am Ms Okoro's health visitor and support her request.\n")
    assert "943 476 5919" not in texts(okoro, letter)
    # the heading about someone else: theirs
    letter2 = letter.replace("Re: Ms Adaeze N. Okoro", "Re: Mr Tobias Lang")
    assert "943 476 5919" in texts(okoro, letter2)


def test_a_clause_after_a_semicolon_does_not_take_the_sentences_first_person(marsh):
    letter = ("Dear Sirs\n\nFor the avoidance of doubt, the van seen at the yard belongs to Mr Gareth Marsh, who parks\n"
              "it there at night; the Audi YK18 TRB is left there by the receiving parent.\n\nYours faithfully\nA Solicitor\n")
    assert "YK18 TRB" in texts(marsh, letter)


def test_a_value_alone_under_a_row_naming_one_person_is_that_persons(okoro):
    statement = ("Date     Description                          Type   Out      Balance\n"
                 "12 Jun   TRANSFER TO A OKORO                  TFR    100.00   316.01\n"
                 "         DE89 3704 0044 0532 0130 00\n"
                 "14 Jun   TRANSFER TO T LANG                   TFR    50.00    266.01\n"
                 "         GB33 BUKB 2020 1555 5555 55\n")
    got = texts(okoro, statement)
    assert "DE89 3704 0044 0532 0130 00" not in got
    assert "GB33 BUKB 2020 1555 5555 55" in got


def test_a_payment_tables_note_of_the_card_paid_with_is_the_payers(okoro):
    table = ("ref\tpayer\tpayee\tdue\tamount\tmethod\tnotes\n"
             "R1\tLANG T\tOKORO A\t05/01/2026\t212.00\tCARD\tpaid by phone, card 4539 1488 0343 6467\n"
             "R2\tLANG T\tOKORO A\t05/02/2026\t212.00\tSO\tto a/c 40-11-62 71203384\n")
    got = texts(okoro, table)
    assert "4539 1488 0343 6467" in got  # the payer's: the paying parent's card
    assert not any("40-11-62" in t for t in got)  # the payee's: hers
    # the payer is the requester: her card is kept
    table2 = table.replace("LANG T\tOKORO A", "OKORO A\tLANG T")
    got2 = texts(okoro, table2)
    assert "4539 1488 0343 6467" not in got2 and any("40-11-62" in t for t in got2)


@pytest.fixture(scope="module")
def quinn():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R20E", received=date(2026, 3, 1), root=Path("."),
        requester=Party(name="Maeve Quinn", role="receiving parent"),
        third_parties=[Party(name="Liam Quinn", role="paying parent (requester's ex-husband)"),
                       Party(name="Brigid Quinn", role="paying parent's mother")]))


def test_a_women_s_youngest_child_makes_her_the_parent(quinn):
    letter = "To whom it may concern\n\nI have visited Ms Quinn's youngest child at home since 2024.\n"
    assert not any("Quinn" in t for t in texts(quinn, letter))
    # "Mrs Quinn's son" is still the listed mother's son (the paying parent)
    letter2 = "To whom it may concern\n\nMaeve Quinn rang. Mrs Quinn's son has the children this week.\n"
    assert any(t == "Quinn" for t in texts(quinn, letter2))


def test_a_card_in_the_requesters_own_bank_statement_is_hers(okoro):
    statement = ("Northway Bank                                 Current Account\nStatement 12   01 May - 31 May 2026\n\n"
                 "MS ADAEZE OKORO\nROSE COTTAGE\n4 MILL LANE\nYORK\nYO1 7HP\n\n"
                 "Date     Details                                   Out      Balance\n"
                 "01 May   FPO J BARNES REF RENT                     400.00   321.52\n"
                 "02 May   CARD 4539 1488 0343 6467 GROCER YORK       21.40    300.12\n\n"
                 "Note written on it: \"Card above is mine - 4539 1488 0343 6467. I paid Jo Barnes the rent.\"\n")
    assert "4539 1488 0343 6467" not in texts(okoro, statement)
    # a card said to be someone else's in the notes stays redacted
    note = statement.replace("Card above is mine - 4539 1488 0343 6467.", "His card is 4111 1111 1111 1111.")
    assert "4111 1111 1111 1111" in texts(okoro, note)


def test_a_card_in_a_statement_whose_account_name_row_names_the_other_parent_is_his(okoro):
    statement = ("Northway Bank  CURRENT ACCOUNT STATEMENT\nAccount name: MR TOBIAS LANG\n12 Hill Road\nYork\n\n"
                 "01 May   FPO J BARNES REF RENT                     400.00   321.52\n"
                 "02 May   CARD 4539 1488 0343 6467 GROCER YORK       21.40    300.12\n")
    assert "4539 1488 0343 6467" in texts(okoro, statement)
    mine = statement.replace("MR TOBIAS LANG", "MS ADAEZE OKORO")
    assert "4539 1488 0343 6467" not in texts(okoro, mine)
