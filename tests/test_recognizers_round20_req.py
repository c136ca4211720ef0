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
            "Bank: Lloyds  Sort code 30-11-42  Account no 55120988\n\n"
            "PART 2  PAYMENTS\n"
            "I pay by: [ ] DEO  [x] card\n"
            "Card payment today: card no. 4929 1205 7731 0086\n\n"
            "PART 3  ABOUT THE OTHER PARENT\n"
            "Vehicle: YK20 RRA\n\n"
            "Signed: G Marsh\n")
    got = texts(marsh, form)
    assert "30-11-42" not in got and "4929 1205 7731 0086" not in got
    assert "YK20 RRA" in got  # the section about someone else
