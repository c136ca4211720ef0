"""Detection round 8: organisations' contact details in more shapes (a referrer's agency line,
a department "on" a number, "them ... on" a landline, a label after the number, a pipe-separated
signature, "or email" after the organisation's number), trading names with a party's name in
them, "Client's ..." in an adviser's log as the requester's, role words and model years that are
not names.

Blank spaCy pipeline (no NER). Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, found


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R8", received=date(2026, 11, 1),
        requester=Party(name="Osric Penhallow", role="paying parent",
                        case_references=("CMS-2025-400111",)),
        third_parties=[
            Party(name="Wenna Penhallow", role="receiving parent"),
            Party(name="Jago Trevithick", role="receiving parent's brother"),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


PHONE = EntityType.PHONE_NUMBER


# ---------------------------------------------------------------- organisations' contact details
def test_referrer_phone_is_the_agencys(analyzer):
    text = ("Referral received from: Greater Lanner Housing\n"
            "Referrer tel: 0161 496 0318   Referrer email: tenancy@glh.example.org.uk\n")
    assert "0161 496 0318" not in found(analyzer, text, PHONE)
    table = "| Referrer          | Ms Tamsin Rowe (Money Adviser) |\n| Referrer tel      | 0115 496 0455 |\n"
    assert "0115 496 0455" not in found(analyzer, table, PHONE)


def test_referrer_mobile_label_still_personal(analyzer):
    text = "Referrer mobile: 07700 900111\n"
    assert "07700 900111" in found(analyzer, text, PHONE)


def test_collections_on_a_number(analyzer):
    assert "0161 496 0772" not in found(analyzer, "09/10 Phoned Moneybarn collections on 0161 496 0772, hold agreed.", PHONE)
    assert "0161 496 0772" in found(analyzer, "09/10 Phoned his brother on 0161 496 0772, no answer.", PHONE)


def test_them_on_a_landline(analyzer):
    text = ("Our payroll bureau, Pennine Payroll Services, runs the payroll for us; any queries on amounts "
            "can go to them direct on 0161 496 0941.")
    assert "0161 496 0941" not in found(analyzer, text, PHONE)
    # a mobile after "them" is a person's
    assert "07700 900222" in found(analyzer, "His parents are away, call them on 07700 900222.", PHONE)


def test_label_after_number_garage(analyzer):
    text = "The van says call 0161 496 0790. That's the garage number, not his."
    assert "0161 496 0790" not in found(analyzer, text, PHONE)
    assert "0161 496 0791" in found(analyzer, "Jago gave me 0161 496 0791. That's the home number.", PHONE)


def test_pipe_separated_signature_postcode(analyzer):
    text = ("Kind regards\n\nTamsin Rowe\nAssociate Solicitor | Family Team\nNorthcroft Law LLP\n"
            "14th Floor, 1 Spinningfields | Manchester | M3 3JE\nSwitchboard 0161 496 0600\n")
    assert found(analyzer, text, EntityType.UK_POSTCODE) == []


def test_or_email_after_an_org_number(analyzer):
    text = ("If you need help getting to the court, call the Support Through Court service on 0300 081 0006 "
            "or email manchester@supportcourt.example.org.")
    assert found(analyzer, text, EntityType.EMAIL_ADDRESS) == []


def test_law_firm_name_anchors_its_phone(analyzer):
    text = "| Applicant's solicitor | Demelza Kitto, Kitto Family Law, 0161 496 0377 |"
    assert "0161 496 0377" not in found(analyzer, text, PHONE)


# ---------------------------------------------------------------- trading names
@pytest.mark.parametrize("text", [
    "The company is Penhallow Plastering Ltd and has one director.",
    "The van says PENHALLOW MOTORS - MOT & SERVICING.",
    "He works for Trevithick & Sons as a driver.",
])
def test_party_surname_in_a_trading_name(analyzer, text):
    assert found(analyzer, text, EntityType.PERSON) == []


def test_party_surname_alone_still_found(analyzer):
    assert "Trevithick" in found(analyzer, "Mr Trevithick drove the van to the garage.", EntityType.PERSON)


# ---------------------------------------------------------------- the requester as "Client" in a log
def test_client_label_in_an_advisers_log_is_the_requester(analyzer):
    text = ("Client: Osric Penhallow     Client ref: BDAP/22817\n\n"
            "06/10/2026 14:35  HW  Ex-wife Mrs Wenna Penhallow receives.\n"
            "06/10/2026 14:40  HW  Client's car is a 2014 Astra, MA14 XKT, on finance.\n")
    assert found(analyzer, text, EntityType.UK_VEHICLE_REG) == []


def test_client_label_table_row(analyzer):
    text = ("| Client name | Osric Penhallow |\n\n"
            "Ex-wife Mrs Wenna Penhallow has the children.\n"
            "Client's bank is Nationwide, s/c 07-04-36 a/c 18820594.\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []


def test_lower_case_client_is_not_bound(analyzer):
    text = ("Client: Osric Penhallow\n\nHis ex-wife Mrs Wenna Penhallow said her client's car, MA14 XKT, "
            "was sold.\n")
    assert found(analyzer, text, EntityType.UK_VEHICLE_REG) == ["MA14 XKT"]


# ---------------------------------------------------------------- not names
def test_referrer_and_model_year_are_not_names(analyzer):
    text = "Referrer: Tamsin Rowe, Tenancy Officer\nHe drives a 2014 Astra, on finance.\n"
    people = found(analyzer, text, EntityType.PERSON)
    assert "Referrer" not in people and "Astra" not in people


# ---------------------------------------------------------------- unlisted people in chats and quotes
_CHAT = (
    "[03/09/2026, 19:02] Zed: he's done it again, no payment\n"
    "[03/09/2026, 19:03] Lou: omg. has CMS said anything\n"
    "[03/09/2026, 19:05] Zed: no. craigs mum is picking them up later\n"
    "[03/09/2026, 19:06] Lou: classic. they moved to Derby last year didnt they\n"
    "[03/09/2026, 19:08] Zed: yeah. he lives with that Reed lad now on Normanton Road\n"
    "[03/09/2026, 19:09] Lou: that's him. Reed is a right piece of work\n"
)


def test_capitalised_name_in_a_lower_case_chat(analyzer):
    people = found(analyzer, _CHAT, EntityType.PERSON)
    assert people.count("Reed") == 2
    assert "craig" in people
    assert "Derby" not in people and "Normanton" not in people and "CMS" not in people


def test_capitals_in_a_normally_written_chat_are_left_to_the_model(analyzer):
    chat = (
        "[03/09/2026, 19:02] Zed: He has done it again.\n"
        "[03/09/2026, 19:03] Lou: Has the CMS said anything?\n"
        "[03/09/2026, 19:05] Zed: No. Reed says nothing.\n"
        "[03/09/2026, 19:06] Lou: Classic. Ask again.\n"
    )
    assert "Reed" not in found(analyzer, chat, EntityType.PERSON)


def test_lower_case_name_in_quotes(analyzer):
    text = 'Client rang back. Said "gaz" at work (foreman) will confirm overtime. He is "self employed" now.'
    people = found(analyzer, text, EntityType.PERSON)
    assert "gaz" in people and "self" not in people and "employed" not in people


# ---------------------------------------------------------------- a form's client section; a representative's office
def test_person_referred_section_binds_client(analyzer):
    text = ("SECTION 2: PERSON REFERRED\n| Name              | Osric Penhallow |\n\n"
            "SECTION 3: OTHER PEOPLE\n| Ex-partner | Wenna Penhallow |\n\n"
            "Client's income is UC. Mrs Wenna Penhallow has not paid. Client's bank is Nationwide, "
            "s/c 07-04-36 a/c 18820594.\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []


def test_other_section_heading_does_not_bind_client(analyzer):
    text = ("SECTION 1: REFERRING AGENCY\n| Name | Jago Trevithick |\n\n"
            "Mrs Wenna Penhallow's bank is Nationwide, s/c 07-04-36 a/c 18820594.\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == ["07-04-36", "18820594"]


def test_representative_of_an_advice_org_may_be_contacted(analyzer):
    text = ("5. The appellant's representative, Ewan Crichton of Edinburgh Welfare Rights, may be contacted at "
            "0131 496 0455.")
    assert "0131 496 0455" not in found(analyzer, text, PHONE)


# ---------------------------------------------------------------- chats with the date and time after the speaker
_MSG = (
    "Jodie Hepple 02/11/2026 21:04: u ok hun? saw wenna's mum outside yours again\n"
    "Osric Penhallow 02/11/2026 21:06: yeah she was banging on the door at 11\n"
    "Jodie Hepple 02/11/2026 21:07: shes mental. stacey's brother got him the job\n"
    "Osric Penhallow 02/11/2026 21:09: they helped our kelsey with hers\n"
    "Jodie Hepple 02/11/2026 21:10: so hes working?? tell the cms\n"
    "Osric Penhallow 02/11/2026 21:18: knew it. my bank is still halifax 11-05-96 30817722 if the cms ever pays lol\n"
)


def test_chat_with_date_and_time_after_the_speaker(analyzer):
    people = found(analyzer, _MSG, EntityType.PERSON)
    assert "stacey" in people and "kelsey" in people
    assert "wenna" in people  # a listed first name in lower case before "'s mum"
    # the requester's own account in her own message
    assert found(analyzer, _MSG, EntityType.BANK_DETAILS) == []


def test_call_them_back_on_a_landline(analyzer):
    text = "They will ring you on your mobile. If you miss them, call them back on 0191 498 0433."
    assert "0191 498 0433" not in found(analyzer, text, PHONE)


# ---------------------------------------------------------------- an organisation named by what it is, then "on" a number
@pytest.mark.parametrize("text,number", [
    ("You can reach the GP surgery on 0113 496 0555 between 8am and 6pm.", "0113 496 0555"),
    ("Ring the nursery on 0117 496 0312 to book.", "0117 496 0312"),
    ("The council's benefits team: 0191 498 0923.", "0191 498 0923"),
    ("The bank (Halifax, Sunderland branch) can be called on 0191 498 0301.", "0191 498 0301"),
])
def test_org_noun_on_a_number(analyzer, text, number):
    assert number not in found(analyzer, text, PHONE)


@pytest.mark.parametrize("text,number", [
    ("Her friend Lisa rang from 0191 498 0888 asking for money.", "0191 498 0888"),
    ("Mrs Penhallow's new number is 0191 498 0999.", "0191 498 0999"),
    ("Ring his mum on 0117 496 0313 about the weekend.", "0117 496 0313"),
])
def test_person_numbers_stay(analyzer, text, number):
    assert number in found(analyzer, text, PHONE)


def test_quoted_kinship_nickname(analyzer):
    text = 'Both children talk about "uncle dee" a lot; mum says that is her brother. They said "hello" and "thanks".'
    people = found(analyzer, text, EntityType.PERSON)
    assert "dee" in people and "hello" not in people and "thanks" not in people
