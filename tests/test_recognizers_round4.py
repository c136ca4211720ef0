"""Detection round 4: attribution by chat speaker, email-chain message, reply under a letter,
form "Your details" sections, role labels and ownership stated after a value; organisation
contacts (PO Box, payment lines, letterheads in capitals); unknown-name shapes (police rank
and number, role words, quoted nicknames, name lists, surname first, caps payees); titles.

Blank spaCy pipeline (no NER) unless said otherwise. Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from recognizers import DetectSettings, build_analyzer
from tests.detect_fixtures import blank_model_analyzer, found


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R4", received=date(2026, 1, 10),
        requester=Party(name="Quentin Harrowgate", role="paying parent", aliases=("Quin Harrowgate",),
                        addresses=("Flat 9, Lindqvist House, 40 Morrow Road, Leeds LS6 2AB",)),
        third_parties=[Party(name="Ysolde Marchbank", role="receiving parent"),
                       Party(name="Liban Hersi", role="receiving parent's partner")],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


# ---------------------------------------------------------------- requester's own values
def test_chat_speaker_owns_my_account(analyzer):
    text = ("[03/05/2025, 18:15] Ysolde: my new number is 07700 900815\n"
            "[03/05/2025, 18:16] Quin: send money to my account 20-45-77 63018844 like before\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []
    assert "07700 900815" in found(analyzer, text, EntityType.PHONE_NUMBER)


def test_reply_written_under_a_letter_is_the_addressee(analyzer):
    text = ("Dear Mr Harrowgate\n\nPlease pay the arrears.\n\nYours sincerely\n\nJade Whitmore\nCollections Officer\n\n"
            "--- handwritten on the back ---\n"
            "I have paid £500 from my account today (sort code 20-45-77 acc 63018844).\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []


def test_email_chain_my_is_the_quoted_writer(analyzer):
    text = ("From: Head Office <office@school.example.sch.uk>\nTo: Quentin Harrowgate\n\nThank you.\n\n"
            "On 3 Feb 2026, at 10:14, Quentin Harrowgate <qh@example.com> wrote:\n"
            "> Please take it from my card 4996 0308 2462 8197 and not from\n> Liban. My new mobile is 07700 900999.\n\n"
            "On 2 Feb 2026, Liban Hersi <lh@example.org> wrote:\n> Take it from my card 4482 1993 5181 9098 please.\n")
    cards = found(analyzer, text, EntityType.CREDIT_CARD)
    assert cards == ["4482 1993 5181 9098"]
    assert found(analyzer, text, EntityType.PHONE_NUMBER) == []


def test_form_your_details_section_is_you(analyzer):
    text = ("DIRECT DEBIT INSTRUCTION\n\nYour details\nFull name: Quentin Harrowgate\nTelephone: 07700 900734\n\n"
            "Your bank details\nSort code: 20 45 77\nAccount number: 63018844\n\n"
            "Your vehicle (for checks only)\nRegistration: KX19 LMN\n\nThe other parent\nName: Ysolde Marchbank\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []
    assert found(analyzer, text, EntityType.UK_VEHICLE_REG) == []


def test_role_label_binds_the_appellant(analyzer):
    text = ("Appellant:          Quentin Harrowgate\nSecond respondent:  Ysolde Marchbank\n\n"
            "3. The appellant produced his bank statement for his old account,\n"
            "sort code 30-94-57 account 55302118.\n\n4. The appellant's own vehicle, LC17 RWE, is not relevant.\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []
    assert found(analyzer, text, EntityType.UK_VEHICLE_REG) == []


def test_ownership_stated_after_the_value(analyzer):
    text = ("Our client: Mr Quentin Harrowgate\n\n"
            "The vehicle the receiving parent describes, a Ford Fiesta FG18 KLM, is our client's own car.\n")
    assert found(analyzer, text, EntityType.UK_VEHICLE_REG) == []


def test_neighbours_flat_in_the_requesters_block_is_not_his(analyzer):
    text = "A neighbour, Errol Thompsett of Flat 11, Lindqvist House, gave a statement."
    assert any("Flat 11" in a for a in found(analyzer, text, EntityType.ADDRESS))


# ---------------------------------------------------------------- organisations
def test_po_box_and_payment_line_are_organisations(analyzer):
    text = ("Write to HM Courts & Tribunals Service, SSCS Appeals Processing Centre, PO Box 12626, Harlow CM20 9QF.\n"
            "Or call our payment line on 0116 496 0388 (Monday to Friday).\n")
    assert found(analyzer, text, EntityType.UK_POSTCODE) == []
    assert found(analyzer, text, EntityType.PHONE_NUMBER) == []


def test_capitals_letterhead_block_is_the_organisations(analyzer):
    text = "ADEYEMI & COLE SOLICITORS\n3rd Floor, 12 Quay Street\nManchester M3 3HN\nTel 0161 496 0250\n\nDear Sirs\n"
    assert found(analyzer, text) == []


def test_staff_number_is_not_a_finding(analyzer):
    text = "13/02/2026 09:05  Staff no. 7781302  Internal\nRP Ysolde Marchbank called.\n"
    assert found(analyzer, text, EntityType.CASE_REFERENCE) == []


def test_person_mailbox_in_an_organisation_signature_stays_personal(analyzer):
    text = ("Yours faithfully\n\nLorna Fitzgibbon\nSenior Housing Options Officer\n"
            "lorna.fitzgibbon@birmingham.example.gov.uk\n")
    assert found(analyzer, text, EntityType.EMAIL_ADDRESS) == ["lorna.fitzgibbon@birmingham.example.gov.uk"]


# ---------------------------------------------------------------- unknown people
def test_police_rank_and_collar_number(analyzer):
    assert found(analyzer, "The officer was PC 3345 Okonedo and she gave me a reference.", EntityType.PERSON) == ["Okonedo"]


def test_role_words_and_quoted_nickname(analyzer):
    people = found(analyzer, 'His accountant, Thi Mai Pham, did not reply. His cousin "Dhegdheer" was there.',
                   EntityType.PERSON)
    assert "Thi Mai Pham" in people and "Dhegdheer" in people


def test_name_list_carries_to_unknown_names(analyzer):
    text = "The neighbours were Abdirizak Farah, Faiza Yusuf, Nguyen Thi Lan and\nDawit Tesfamichael. Nobody else."
    assert "Dawit Tesfamichael" in found(analyzer, text, EntityType.PERSON)


def test_caps_payees(analyzer):
    text = ("09/06   TO: ADEBAYO O REF ROOM DEPOSIT      250.00\n"
            "03 Feb  STO NGUYEN VAN HUNG REF GARAGE DEPOSIT     100.00\n")
    people = found(analyzer, text, EntityType.PERSON)
    assert "ADEBAYO O" in people and "NGUYEN VAN HUNG" in people


def test_short_capitals_word_is_not_a_typo_of_a_party(analyzer):
    assert found(analyzer, "My account number is below, IBAN to follow.", EntityType.PERSON) == []


# ---------------------------------------------------------------- titles
def test_title_word_next_to_a_party_name_is_not_redacted(analyzer):
    assert found(analyzer, "Marchbank Toolkit", EntityType.PERSON) == ["Marchbank"]
    assert found(analyzer, "Mr Okonedo Toolkit notes", EntityType.PERSON) == ["Okonedo"]


def test_title_with_ner_model_keeps_ordinary_word():
    """With the shipped NER model, which runs "Marchbank Toolkit" together as one PERSON."""
    from pipeline.finalise import safe_title

    an = build_analyzer(_case())
    assert safe_title("Ysolde Marchbank Toolkit", an, None) == "[redacted] Toolkit"
    assert safe_title("Marchbank Toolkit", an, None) == "[redacted] Toolkit"


def test_more_unknown_name_shapes(analyzer):
    assert found(analyzer, "Tesfaldet Ghebremedhin is the new lodger.", EntityType.PERSON) == ["Tesfaldet Ghebremedhin"]
    assert found(analyzer, "Ask Nasrin Hosseini about the money.", EntityType.PERSON) == ["Nasrin Hosseini"]
    assert found(analyzer, "NAME: MOHAMMED ABDULLAHI ISSE", EntityType.PERSON) == ["MOHAMMED ABDULLAHI ISSE"]
    assert found(analyzer, "Grace Road and Cheers mate", EntityType.PERSON) == []


def test_court_numbers_of_the_legacy_cms_shape_are_not_case_references(analyzer):
    assert found(analyzer, "Magistrates' Court case no. 021500412345", EntityType.CASE_REFERENCE) == []
    assert found(analyzer, "CMS case 6214 3390 0781 (court order attached)", EntityType.CASE_REFERENCE) == ["6214 3390 0781"]


def test_witness_statement_of_the_requester(analyzer):
    text = ("WITNESS STATEMENT OF QUENTIN HARROWGATE\n\nI, Quentin Harrowgate, of Leeds, say as follows.\n\n"
            "1. The maintenance should be paid into my account, sort code 07-04-36, account number 31550912.\n"
            "2. Ysolde took the car, CN21 LXA, when she left. I now drive a Kia Picanto, CU19 HKE.\n"
            "3. My NHS number is 787 789 3280.\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []
    assert found(analyzer, text, EntityType.UK_VEHICLE_REG) == ["CN21 LXA"]
    assert found(analyzer, text, EntityType.UK_NHS) == []


def test_her_passes_over_a_man_named_nearer(analyzer):
    text = ("Call with Ms Marchbank. She asked us to stop using the old joint account, which Mr Harrowgate now holds.\n"
            "She confirmed her car is CU19 HKE.\n")
    regs = [f for f in analyzer.analyze(text) if f.entity_type == EntityType.UK_VEHICLE_REG]
    assert [f.text for f in regs] == ["CU19 HKE"]  # not taken for the requester's (he is named nearer)


def test_mine_is(analyzer):
    text = "From: Quentin Harrowgate\nTo: CMS\n\nLiban said his bank is sort code 04-00-04 account 55120871, and mine is 07-04-36 31550912.\n"
    banks = found(analyzer, text, EntityType.BANK_DETAILS)
    assert "04-00-04" in " ".join(banks) and "31550912" not in " ".join(banks)


def test_her_is_the_woman_named_before_the_man():
    case = CaseRecord(case_id="T-R4b", received=date(2026, 1, 10),
                      requester=Party(name="Rhiannon Pugh", role="receiving parent (mother)"),
                      third_parties=[Party(name="Gethin Pugh", role="paying parent (father)")], root=Path("."))
    an = build_analyzer(case)
    text = ("Call with the receiving parent, Ms Pugh. She asked us to stop using the old joint account, "
            "which Mr Pugh now holds.\nShe confirmed her car is CU19 HKE and his van is CN21 LXA.\n")
    regs = [f.text for f in an.analyze(text) if f.entity_type == EntityType.UK_VEHICLE_REG]
    assert regs == ["CN21 LXA"]


@pytest.mark.parametrize("line", [
    "You can contact the employer's HR department on 0161 496 0100 or hr.team@brightcare.example.co.uk.",
    "Contact the Tribunal Service, Phone: 0300 790 6234, email sscs_birmingham@justice.example.gov.uk",
    "The hearing will take place at Fox Court, 30 Brooke Street, London EC1N 7RS.",
    "Payments should be made to Marston Holdings Ltd, Sort Code 30-00-02 Account No 00449911, quoting your reference.",
    "Account name: Ridgeway Collections Ltd Client Account, sort code 40-11-62, account 71234567",
])
def test_organisation_contact_shapes(analyzer, line):
    assert found(analyzer, line) == []


def test_a_persons_mobile_and_home_venue_stay_personal(analyzer):
    assert "07700 900447" in found(analyzer, "Bailiff: Kevin Odhiambo, Enforcement Agent, mobile 07700 900447")
    assert found(analyzer, "The meeting took place at her home, 31 Hatters Way, Dunstable LU6 1PQ.", EntityType.ADDRESS)


def test_name_particles_and_lower_case_relatives():
    an = build_analyzer(_case())  # the shipped NER model
    people = [f.text for f in an.analyze("witness statement from Fernanda Oliveira da Silva") if f.entity_type == EntityType.PERSON]
    assert people == ["Fernanda Oliveira da Silva"]
    people = [f.text for f in an.analyze("spoke to his sister aisha on the phone") if f.entity_type == EntityType.PERSON]
    assert people == ["aisha"]
    assert [f.text for f in an.analyze("i spoke to will yesterday")] == []


def test_transcript_speakers_unknown_to_the_gazetteer(analyzer):
    text = ("02/02/2026, 08:01 - Yoniel: where are you\n02/02/2026, 08:02 - Senaitu: at the school\n"
            "[03/05/2025, 18:15] Dhegdheer: coming\n[03/05/2025, 18:16] Agent: hello\nNote: ok\n")
    people = found(analyzer, text, EntityType.PERSON)
    assert {"Yoniel", "Senaitu", "Dhegdheer"} <= set(people) and "Agent" not in people and "Note" not in people


def test_freephone_and_03_numbers_are_organisations(analyzer):
    assert found(analyzer, "If you think this is wrong, call 0808 157 0451 or 0300 123 1142.", EntityType.PHONE_NUMBER) == []
    assert found(analyzer, "Call me on 07700 900551.", EntityType.PHONE_NUMBER) == ["07700 900551"]


def test_label_after_the_name_binds_the_defendant(analyzer):
    text = ("Complaint no. 012400387721\nBetween: THE SECRETARY OF STATE (Complainant)\n"
            "and: QUENTIN HARROWGATE (Defendant)\n\nThe Defendant's vehicle, a Ford Transit Custom LK67 RZT, "
            "may be subject to enforcement action. Justice of the Peace: E. Papadakis\n")
    assert found(analyzer, text, EntityType.UK_VEHICLE_REG) == []
    assert found(analyzer, text, EntityType.CASE_REFERENCE) == []
    assert "Justice" not in found(analyzer, text, EntityType.PERSON)


def test_he_has_a_van_refers_back_to_the_man_named_before():
    case = CaseRecord(case_id="T-R4c", received=date(2026, 1, 10),
                      requester=Party(name="Mehmet Arslan", role="paying parent"),
                      third_parties=[Party(name="Dilara Arslan", role="receiving parent (ex-wife)")], root=Path("."))
    an = build_analyzer(case)
    text = ("From: Dilara Arslan\nTo: CMS\n\nI want to complain that Mehmet is still not paying.\n\n"
            "He has a new van (LK67 RZT) and works with his cousin doing kitchens.\n")
    assert [f.text for f in an.analyze(text) if f.entity_type == EntityType.UK_VEHICLE_REG] == []


def test_ownership_after_the_value_variants(analyzer):
    text = "From: Quentin Harrowgate\n\nThe joint account 20-11-88 90817263 is now in Ysolde's sole name.\n"
    banks = [f for f in analyzer.analyze(text) if f.entity_type == EntityType.BANK_DETAILS]
    assert banks and all(f.party == PartyKind.THIRD_PARTY for f in banks)
    text = "From: Quentin Harrowgate\n\nThe car CN21 LXA belongs to Ysolde. My own car CU19 HKE is registered to me.\n"
    assert found(analyzer, text, EntityType.UK_VEHICLE_REG) == ["CN21 LXA"]


def test_gender_read_from_a_title_in_the_document():
    case = CaseRecord(case_id="T-R4d", received=date(2026, 1, 10), requester=Party(name="Yonas Habte", role="paying parent"),
                      third_parties=[Party(name="Senait Gebremedhin", role="receiving parent")], root=Path("."))
    an = build_analyzer(case)
    text = "Call notes.\nMr Habte called. He confirmed his car is KX19 LMN and his NHS number 787 789 3280.\n"
    assert [f.text for f in an.analyze(text) if f.entity_type != EntityType.PERSON] == []


def test_lower_case_listed_first_name_after_a_person_cue():
    case = CaseRecord(case_id="T-R4e", received=date(2026, 1, 10), requester=Party(name="Rafael Santos", role="paying parent"),
                      third_parties=[Party(name="Emma Hargreaves", role="receiving parent")], root=Path("."))
    an = build_analyzer(case, DetectSettings(use_gazetteer=True))
    people = [f.text for f in an.analyze("will get a statement from emma first") if f.entity_type == EntityType.PERSON]
    assert people == ["emma"]
    assert [f.text for f in an.analyze("please mark it and we will see")] == []


def test_hr_and_payroll_labels_are_organisation_lines(analyzer):
    assert found(analyzer, "HR: 0161 496 0100   Payroll tel: 0161 496 0101", EntityType.PHONE_NUMBER) == []
    assert found(analyzer, "Her mobile: 07700 900123", EntityType.PHONE_NUMBER) == ["07700 900123"]


def test_names_with_diacritics_apostrophes_and_caps_titles(analyzer):
    assert found(analyzer, "Her friend N'Golo Traoré was driving.", EntityType.PERSON) == ["N'Golo Traoré"]
    assert found(analyzer, "Witness: Ms Ní Bhraonáin", EntityType.PERSON) == ["Ní Bhraonáin"]
    assert found(analyzer, "Present: MRS J OKONJO (grandmother)", EntityType.PERSON) == ["J OKONJO"]


@pytest.mark.parametrize("text,address", [
    ("He lives at 12 Heol y Nant now.", "12 Heol y Nant"),
    ("address 22 Lôn Glan Môr, Bangor", "22 Lôn Glan Môr, Bangor"),
    ("She is at 9 Dalmeny Wynd, Leith EH6 8PG with him.", "9 Dalmeny Wynd, Leith EH6 8PG"),
])
def test_welsh_and_other_street_shapes(analyzer, text, address):
    assert address in found(analyzer, text, EntityType.ADDRESS)
