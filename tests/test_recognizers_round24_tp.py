"""Detection round 24T: listed third parties' and other people's identifiers kept as the requester's or not found,
and organisations' contact details redacted, on the fresh sets of three authors (eval_blind19-21): the writer of a
forwarded message, a relative's or a pronoun's number in a note or chat, the street where a person named before lives,
a street after a town and the writer's hedge, a scan's date of birth, and the lines and addresses of businesses and
courts.

Each test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord
from recognizers.address import AddressRecognizer
from recognizers.date_of_birth import DateOfBirthRecognizer
from tests.detect_fixtures import blank_model_analyzer, parents_case, found

ADDRESS, PHONE, DOB, POSTCODE = EntityType.ADDRESS, EntityType.PHONE_NUMBER, EntityType.DATE_OF_BIRTH, EntityType.UK_POSTCODE


def _case() -> CaseRecord:
    return parents_case("T-R24T", "Orla Brennagh", "Casimir Vantongeren",
                        requester_addresses=("23 Pellow Street, Hexley, Dunmoor DN11 7QA",),
                        addresses=("Flat 4, 61 Quenby Rise, Tollmarsh TM3 8PW",))


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def _addresses(text: str) -> list[str]:
    return [text[r.start:r.end] for r in AddressRecognizer().analyze(text, [ADDRESS.value])]


# ------------------------------------------------------- (ii) a value kept as the requester's that is someone else's
def test_first_person_in_a_forwarded_message_is_its_writer(analyzer):
    t = ("From: Orla Brennagh <orla.b@example.com>\nTo: Case Team <cases@example.org>\nSubject: Fwd: from my neighbour\n\n"
         "Here is what she sent me.\nOrla\n\n---------- Forwarded message ---------\n"
         "From: Wilfreda Ossington <w.ossington@example.net>\nTo: orla.b@example.com\n\nTo whom it may concern,\n\n"
         "I have seen his van outside most nights since January.\n\nI can be contacted on 07700 900561 if needed.\n\n"
         "Wilfreda Ossington\n")
    assert "07700 900561" in found(analyzer, t, PHONE)


def test_requester_first_person_in_her_own_message_kept(analyzer):
    # (control: the requester's own "I" in the message she wrote stays hers)
    t = ("From: Orla Brennagh <orla.b@example.com>\nTo: Case Team <cases@example.org>\nSubject: my details\n\n"
         "I can be contacted on 07700 900333 in the day.\nOrla\n\n---------- Forwarded message ---------\n"
         "From: Case Team <cases@example.org>\nTo: orla.b@example.com\n\nPlease confirm your number.\n")
    assert "07700 900333" not in found(analyzer, t, PHONE)


def test_her_numbers_in_the_requesters_chat_line_is_not_hers(analyzer):
    t = ("[02/03/2026, 19:02] Casimir: tell your aunt ill drop the money round\n"
         "[02/03/2026, 19:05] Orla: Her numbers 07700 900742 if you want to tell her yourself\n")
    assert "07700 900742" in found(analyzer, t, PHONE)


def test_relatives_number_in_a_note_without_determiner(analyzer):
    t = ("06/02/26 KD1  Spoke PP. Says Ms Brennagh knows his hours. Gave girlfriend's no. 07700 900815 as alt contact.\n")
    assert "07700 900815" in found(analyzer, t, PHONE)


# ------------------------------------------------------- (i) streets named alone where a person lives
@pytest.mark.parametrize("text,street", [
    ("A neighbour, Mr Aldous Pimbury of Kestrel Road, has given a statement.", "Kestrel Road"),
    ("A woman, Sorcha Vellacott, aged 24, of Marlpit Avenue, Brindle, was spoken to.", "Marlpit Avenue, Brindle"),
    ("the children stayed with their grandmother, Mrs Ida Quarrel, at Tansy Lane, Oxhey, on those weekends", "Tansy Lane, Oxhey"),
])
def test_street_where_a_person_named_before_lives(text, street):
    assert street in _addresses(text)


def test_person_of_a_business_on_a_street_is_not_a_home():
    assert _addresses("We spoke to Dennis Harlow of Station Road Motors about the van.") == []


@pytest.mark.parametrize("text,street", [
    ("and hes living with her now in Dunmoor i think Wrenfield Road", "Wrenfield Road"),
    ("She is staying with her sister\n> Jo in Tollmarsh I think, Abbeymead Court, so post won't reach her", "Abbeymead Court"),
    ("He's living with his girlfriend now, somewhere in Hexley, Corncrake Lane I think.", "Hexley, Corncrake Lane"),
])
def test_street_after_a_town_where_someone_lives(text, street):
    assert street in _addresses(text)


def test_street_found_where_someone_lives_named_again():
    t = ("caller: hes moved in with her in Tollmarsh i think Wrenfield Road\nagent: Thanks. Did you say Wrenfield Road?\n")
    assert _addresses(t) == ["Wrenfield Road", "Wrenfield Road"]


def test_lower_case_street_of_a_home_got_or_rented():
    assert "pell park" in _addresses("[03/02/2026, 21:40] Cas: me n her got a place on pell park now\n")


def test_whole_address_typed_in_lower_case_with_its_postcode():
    assert "18 quenby rise tollmarsh. tm3 8pw" in _addresses("Cas: its 18 quenby rise tollmarsh. tm3 8pw. dont tell them\n")


def test_requesters_own_address_in_lower_case_kept(analyzer):
    # (control: her listed address typed in lower case in her own message stays hers)
    t = "[02/03/2026, 19:05] Orla: my address is 23 pellow street hexley. dn11 7qa\n[02/03/2026, 19:06] Casimir: ok\n"
    assert found(analyzer, t, ADDRESS) == []


def test_street_a_person_is_said_to_be_on():
    assert "Gorsey Rd" in _addresses("I never said it was confirmed, I said I thought she was on Gorsey Rd. Please check.")


def test_flat_in_lower_case_before_the_house_number():
    assert "flat 2 118 Gorsey Rd" in _addresses("their new address:\n    flat 2 118 Gorsey Rd (I think)\n")


def test_business_unit_in_named_premises():
    t = "Employer\nHolloway Castings Ltd, Unit 5 Beckside Mills, Beck Lane, Tollmarsh TM4 2QR\nTel: 01632 960555\n"
    assert "Unit 5 Beckside Mills, Beck Lane, Tollmarsh TM4 2QR" in _addresses(t)


# ------------------------------------------------------- a scan's letter O in a date of birth in words
def test_ocr_letter_o_in_a_date_of_birth_in_words():
    t = "IN THE SHERIFF C0URT AT T0LLMARSH\nCASIMIR VANT0NGEREN, born 1O March 1990, residing at\n"
    got = [t[r.start:r.end] for r in DateOfBirthRecognizer().analyze(t, [DOB.value])]
    assert "1O March 1990" in got


# ------------------------------------------------------- organisations' lines and addresses
@pytest.mark.parametrize("text,value", [
    ("05.03.26 rp says pp works at his cousin's salon. rp gave salon no 0121 496 0417. /KD\n", "0121 496 0417"),
    ("10/02/26 0915 KD1  OB call employer 01632 960224 - spoke to payroll, PP left in Jan.\n", "01632 960224"),
    ("> Bright Cuts, 12 Mill Row, Tollmarsh TM2 1AA\n> Walk-ins welcome.\n> Salon: 01632 960871\n", "01632 960871"),
])
def test_business_line_by_what_it_is(analyzer, text, value):
    assert value not in found(analyzer, text, PHONE)


def test_court_where_a_judge_sits(analyzer):
    t = ("CHILD ARRANGEMENTS ORDER\n\nBefore District Judge Penhallow sitting on 4 March 2025 at 31 Bridewell Street, "
         "Tollmarsh TM1 4RS.\n\nThe parties attended.\n")
    assert not [v for v in found(analyzer, t, ADDRESS) if "Bridewell" in v]


def test_employer_address_after_works_shifts_at(analyzer):
    t = ("02/06/2025 IB TEL PP. Works nights at Kestrel Fold (44 Harrow Road, Tollmarsh TM3 9XX), pays rent.\n")
    assert not [v for v in found(analyzer, t, ADDRESS) if "Harrow Road" in v]


def test_signature_direct_line_and_mobile_are_the_signers(analyzer):
    t = ("Kind regards\n\nAmbrose Tidwell\nSolicitor\nTidwell Legal LLP\nSuite 2, 40 Kirk Street, Tollmarsh TM1 2BB\n"
         "T 01632 960100 | DD 01632 960109 | M 07700 900476\n")
    got = found(analyzer, t, PHONE)
    assert "01632 960109" in got and "07700 900476" in got and "01632 960100" not in got


def test_premises_the_reader_collects_from_and_its_line(analyzer):
    t = ("Dear Mr Brennagh\n\nThe van was recovered. You can collect the vehicle from the pound at Kirk Street, Tollmarsh "
         "TM1 5QQ by calling 01632 960377. Please bring your V5C.\n")
    assert found(analyzer, t, ADDRESS) == [] and found(analyzer, t, POSTCODE) == [] and found(analyzer, t, PHONE) == []


def test_body_an_address_came_from_is_not_its_owner(analyzer):
    t = "22/07/2025  KA1 (LEGAL)\nLO APPLIED. ALT ADDR FOR PP FROM DVLA: 14 HARROW ROAD, TOLLMARSH TM4 9ZZ.\n"
    assert [v for v in found(analyzer, t, ADDRESS) if "HARROW" in v]
