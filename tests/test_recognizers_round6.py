"""Detection round 6: the requester's own data kept where a surname, an address or a possessive is
shared or indirect (a surname settled by the salutation under a header, by "a Mrs X", by "the
children's mother", by a given name only one party has; an address listed for the requester and a
third party; "(PP's own)", "a/c"; "his own car" in a letter about him; "Me:" in a chat exported from
his phone), organisations' contact details, and unlisted people in logs and chats.

Blank spaCy pipeline (no NER). Every name and value here is made up.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer, found


def _case() -> CaseRecord:
    return CaseRecord(
        case_id="T-R6", received=date(2026, 6, 1),
        requester=Party(name="Sabine Quorndale", role="receiving parent", emails=("sabine.q@example.com",),
                        addresses=("14 Fernleigh Rise, Barnsley S70 4QT",)),
        third_parties=[
            Party(name="Gideon Quorndale", role="paying parent (ex-husband)"),
            Party(name="Ottilie Quorndale", role="paying parent's wife", phones=("07700 900611",)),
            Party(name="Ambrose Quorndale", role="receiving parent's father",
                  addresses=("14 Fernleigh Rise, Barnsley S70 4QT",)),
        ],
        root=Path("."),
    )


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case())


def parties_of(analyzer, text, word="Quorndale"):
    return [f.party for f in analyzer.analyze(text) if f.entity_type == EntityType.PERSON and f.text == word]


# ---------------------------------------------------------------- shared surname
def test_salutation_under_a_header_naming_the_requester(analyzer):
    text = "To: sabine.q@example.com\nSubject: your query\n\nDear Mrs Quorndale,\n\nThank you for your email.\n"
    assert parties_of(analyzer, text) == []


def test_indefinite_title_is_not_the_requester(analyzer):
    text = "Sabine Quorndale wrote to us. The bailiff said a Mrs Quorndale in Leeds had told them the car was hers.\n"
    assert parties_of(analyzer, text) == [PartyKind.THIRD_PARTY]


def test_childrens_mother_is_the_parent(analyzer):
    text = "Our client, Mr Gideon Quorndale, collects the children from their mother, Mrs Quorndale, on Fridays.\n"
    assert parties_of(analyzer, text) == []


def test_unique_given_name_settles_a_later_surname(analyzer):
    text = ("My name is Sabine Quorndale. I think Ottilie rang you pretending to be me. "
            "She calls herself Mrs Quorndale too since she married him.\n")
    assert parties_of(analyzer, text) == [PartyKind.THIRD_PARTY]


def test_identifier_after_you_is_no_evidence_for_the_name(analyzer):
    text = ("Sabine Quorndale and Ottilie Quorndale were both at the gate. If Mrs Quorndale attends to collect, "
            "the office will telephone you on 07700 900611 first.\n")
    assert parties_of(analyzer, text) == [PartyKind.THIRD_PARTY]


# ---------------------------------------------------------------- shared address
def test_address_listed_for_requester_and_third_party_is_kept(analyzer):
    text = "Mrs S Quorndale\n14 Fernleigh Rise\nBarnsley S70 4QT\n\nDear Mrs Quorndale\n"
    got = found(analyzer, text)
    assert not any("Fernleigh" in t or "S70" in t for t in got)


# ---------------------------------------------------------------- possessives
@pytest.fixture(scope="module")
def pp_analyzer(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R6b", received=date(2026, 6, 1),
        requester=Party(name="Dorian Fellowes", role="paying parent"),
        third_parties=[Party(name="Imelda Fellowes", role="receiving parent (ex-wife)")],
        root=Path("."),
    )
    return blank_model_analyzer(tmp_path_factory, case)


def test_named_own_before_the_value(pp_analyzer):
    text = "11/03/26 09:40  NOTE  Payer a/c (PP's own) 30-94-57 62418833. RP disputes it.\n"
    assert found(pp_analyzer, text, EntityType.BANK_DETAILS) == []


def test_his_own_car_in_a_letter_about_him(pp_analyzer):
    text = ("Employee: Dorian Fellowes\n\nDeduction from earnings order - Mr D. Fellowes\n\n"
            "We confirm the order.\n\nOur van is not his. His own car, FV67 HKT, is parked at the depot.\n")
    assert found(pp_analyzer, text, EntityType.UK_VEHICLE_REG) == []


def test_her_car_in_a_letter_about_him_is_not_his(pp_analyzer):
    text = ("Employee: Dorian Fellowes\n\nWe confirm the order.\n\nHer own car, FV67 HKT, was in the yard.\n")
    assert found(pp_analyzer, text, EntityType.UK_VEHICLE_REG) == ["FV67 HKT"]


def test_me_in_a_chat_exported_from_his_phone(pp_analyzer):
    text = ("SMS messages exported from the paying parent's phone\n\n"
            "Imelda 18:02: are you sending anything\n"
            "Me 18:10: sent it from my account 08-92-99 / 71006642\n"
            "Imelda 18:11: ok\n")
    assert found(pp_analyzer, text, EntityType.BANK_DETAILS) == []


def test_me_in_a_chat_without_an_exporter_is_suggested(pp_analyzer):
    text = ("Imelda 18:02: are you sending anything\n"
            "Me 18:10: sent it from my account 08-92-99 / 71006642\n"
            "Imelda 18:11: ok\n")
    assert found(pp_analyzer, text, EntityType.BANK_DETAILS) != []


# ---------------------------------------------------------------- organisations' contact details
def test_org_phone_labelled_after_the_number(pp_analyzer):
    text = ("Please call our transport manager on 0121 496 0163 (transport office).\n\n"
            "Imelda Fellowes can be reached on 07700 900418 (mobile).\n")
    assert found(pp_analyzer, text, EntityType.PHONE_NUMBER) == ["07700 900418"]


def test_org_name_after_lower_case_words_anchors_its_address(pp_analyzer):
    text = ("If you are unhappy you can appeal to the Valuation Tribunal, 120 Leman Street, London E1 8EU "
            "(020 7946 0600).\n")
    got = found(pp_analyzer, text)
    assert not any("Leman" in t or "E1 8EU" in t or "0600" in t for t in got)


def test_org_address_after_a_branch_or_office_label(pp_analyzer):
    text = ("Account name: MR D FELLOWES   Branch: 1 Balloon Street, Manchester M60 4EP\n\n"
            "Our office is at Southway House, 2 Lapwing Lane, Manchester M20 2WS, open Mon-Fri.\n")
    got = found(pp_analyzer, text)
    assert not any("Balloon" in t or "Lapwing" in t or "M20" in t or "M60" in t for t in got)


def test_org_phone_after_org_name_not_given_to_the_person_before(pp_analyzer):
    text = ("The bailiff said Imelda Fellowes had told them the car was hers. The bailiff firm is "
            "Collins & Pryor Enforcement, 0113 496 0288.\n")
    assert found(pp_analyzer, text, EntityType.PHONE_NUMBER) == []


def test_lettings_mailbox_is_an_organisations(pp_analyzer):
    text = "Cc: Lettings team <lettings@southway.example.org.uk>\n"
    assert found(pp_analyzer, text, EntityType.EMAIL_ADDRESS) == []


# ---------------------------------------------------------------- unlisted people
def unknown_names(analyzer, text):
    return [f.text for f in analyzer.analyze(text)
            if f.entity_type == EntityType.PERSON and f.party == PartyKind.UNKNOWN]


SMS = (
    "Imelda 18:02: the kids need shoes\n"
    "Me 18:10: I paid on friday\n"
    "Imelda 18:20: rania saw you in town with mo spending money\n"
    "Me 18:22: mo paid for that. ryan and shannon want to see them\n"
    "Imelda 09:30: yusuf says thank you. nana fatima does it now\n"
    "Me 09:31: will do. hope is fine and summer is nearly here\n"
)


def test_lower_case_names_before_a_verb_or_after_a_cue_in_a_chat(pp_analyzer):
    got = unknown_names(pp_analyzer, SMS)
    for name in ("mo", "ryan", "shannon", "yusuf", "fatima"):
        assert name in got, name


def test_common_words_in_a_chat_are_not_names(pp_analyzer):
    got = [t.lower() for t in unknown_names(pp_analyzer, SMS)]
    for w in ("will", "hope", "summer", "kids", "town", "nana"):
        assert w not in got, w


def test_lower_case_name_before_a_verb_outside_a_chat_is_left(pp_analyzer):
    assert "mo" not in unknown_names(pp_analyzer, "Note: mo paid for that according to the file.\n")


def test_caps_name_after_a_cue(pp_analyzer):
    text = ("04/03/26 15:02  IN CALL  RP called back. Her friend TASHA was with her on the call.\n"
            "18/03/26 14:45  NOTE  Referred to DENNEHY in FIU.\n"
            "22/04/26 12:12  NOTE  FIU (Dennehy) confirms the payee. Passed to HMRC.\n")
    got = unknown_names(pp_analyzer, text)
    assert "TASHA" in got and "DENNEHY" in got and "Dennehy" in got
    assert "HMRC" not in got and "FIU" not in got


def test_caps_names_in_a_logs_author_column(pp_analyzer):
    text = ("DATE      BY         NOTE\n"
            "15/07/26  OYELARAN   Initial appt. Client brought CMS calc.\n"
            "22/07/26  PRICE      Called CMS for client.\n"
            "29/07/26  NOTE       File review.\n"
            "12/08/26  MCKENNA    File review.\n")
    got = unknown_names(pp_analyzer, text)
    assert "OYELARAN" in got and "PRICE" in got and "MCKENNA" in got
    assert "NOTE" not in got


def test_statement_payee_with_initial_before_reference_words(pp_analyzer):
    text = ("Date    Description                                   Out       In\n"
            "06/03   FPO OKORO T RENT SHARE                       120.00\n"
            "10/03   CARD TESCO STORES 2231                        31.85\n"
            "14/03   FPI WOJCIK M MOT REFUND                                35.00\n")
    got = unknown_names(pp_analyzer, text)
    assert "OKORO T" in got and "WOJCIK M" in got
    assert not any("TESCO" in t for t in got)


# ---------------------------------------------------------------- more shapes
def test_relation_after_a_shared_surname(analyzer):
    text = "05/08/26  Client's dad called in. Mr Quorndale (father) says he is owed money by the client.\n"
    assert parties_of(analyzer, text) == [PartyKind.THIRD_PARTY]


def test_hers_before_the_value(pp_analyzer):
    text = ("[02/04/2026, 16:47] Imelda: you took the old car\n"
            "[02/04/2026, 16:50] Dorian Fellowes: its hers now, the DN19 XWL one\n")
    assert found(pp_analyzer, text, EntityType.UK_VEHICLE_REG) == ["DN19 XWL"]


def test_your_reference_in_a_letter_to_the_requester(pp_analyzer):
    text = ("To: Dorian Fellowes\n\nDear Mr Fellowes,\n\n"
            "For your records, your tenancy reference is SWH-T-118204 and your rent is paid up.\n")
    assert found(pp_analyzer, text, EntityType.CASE_REFERENCE) == []


def test_officer_title_is_not_an_office_cue(pp_analyzer):
    text = ("Kind regards\n\nOwen Pritchard\nHousing Officer, Southway Homes\n0161 496 0826 (direct)\n")
    got = found(pp_analyzer, text)
    assert "0161 496 0826" in got
    assert "Southway" not in got


def test_team_display_name_is_not_a_person(pp_analyzer):
    text = "From: Dorian Fellowes\nTo: Lettings\nCc: Lettings <lettings@southway.example.org.uk>\n\nHi, please confirm.\n"
    assert "Lettings" not in found(pp_analyzer, text, EntityType.PERSON)


def test_bare_partner_cue_before_a_caps_surname(pp_analyzer):
    text = "15/07/26  Client lives with his father and partner LANG. Arrears approx GBP 1,840.\n"
    assert "LANG" in unknown_names(pp_analyzer, text)


# ---------------------------------------------------------------- webchat and invoices (HOLD-25 shapes)
@pytest.fixture(scope="module")
def rp_analyzer(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R6c", received=date(2026, 6, 1),
        requester=Party(name="Rosalind Ashcombe", role="receiving parent", case_references=("CMS-2026-051177",),
                        addresses=("23 Belgrave Gate, Leicester LE1 3GP",)),
        third_parties=[Party(name="Casimir Ashcombe", role="paying parent (ex-husband)")],
        root=Path("."),
    )
    return blank_model_analyzer(tmp_path_factory, case)


WEBCHAT = (
    "19:41 Lauren (CMS adviser): Hello, how can I help?\n"
    "19:42 You: hi its about my payments, case CMS-2026-051177\n"
    "19:43 Lauren (CMS adviser): Can you confirm your postcode?\n"
    "19:43 You: le1 3gp\n"
    "19:45 You: thats not mine!! my acc no is 55302118 s/c 30-96-17\n"
    "19:47 You: the bailiffs came about a car LB68 WXN thats mine not his\n"
    "19:48 You: his is the black audi YR17 PZD\n"
)


def test_chat_label_identified_by_the_requesters_own_details(rp_analyzer):
    got = found(rp_analyzer, WEBCHAT)
    assert "55302118" not in got and "30-96-17" not in got and "LB68 WXN" not in got
    assert "YR17 PZD" in got


def test_chat_label_without_identifying_details_is_suggested(rp_analyzer):
    text = WEBCHAT.replace("case CMS-2026-051177", "case").replace("le1 3gp", "done")
    assert "55302118" in found(rp_analyzer, text)


def test_nursery_letterhead_and_pay_to_account(rp_analyzer):
    text = ("Little Acorns Day Nursery\n41 Humberstone Road, Leicester LE5 3AB\n0116 496 0199\n\n"
            "Bill to: Mrs R Ashcombe\n\n"
            "Payment by bank transfer to Little Acorns Day Nursery Ltd, sort code 60-83-71, account 20918834.\n")
    got = found(rp_analyzer, text)
    assert not any(x in " ".join(got) for x in ("Humberstone", "0199", "60-83-71", "20918834"))
    assert "Bill" not in got


# ---------------------------------------------------------------- HOLD-26 shapes
def test_mine_now_is_in_a_signed_form(pp_analyzer):
    text = ("Your full name:   Dorian Fellowes\n\n"
            "The car you have listed for me (CE19 KXA) is not mine any more, it went to Imelda.\n"
            "Mine now is a 2012 Corsa, CA12 BZY.\n\nSignature:  D Fellowes\n")
    assert found(pp_analyzer, text, EntityType.UK_VEHICLE_REG) == ["CE19 KXA"]


def test_not_mine_after_the_value_in_a_chat(pp_analyzer):
    text = ("[18/09/2026, 21:09] Rhys: dai has lost his licence\n"
            "[18/09/2026, 21:11] Dorian Fellowes: btw she has been driving my old car round, the CE19 KXA. not mine now\n"
            "[18/09/2026, 21:12] Rhys: ok\n")
    assert found(pp_analyzer, text, EntityType.UK_VEHICLE_REG) == ["CE19 KXA"]


def test_lower_case_name_before_an_ing_verb_in_a_chat(pp_analyzer):
    text = ("[18/09/2026, 21:02] Rhys: u coming to the match sat\n"
            "[18/09/2026, 21:08] Dorian Fellowes: go on then. is dai driving\n"
            "[18/09/2026, 21:09] Rhys: is it raining there\n"
            "[18/09/2026, 21:10] Dorian Fellowes: ok\n")
    got = unknown_names(pp_analyzer, text)
    assert "dai" in got and "it" not in got


def test_welsh_bilingual_label_is_not_a_person(pp_analyzer):
    from recognizers.analyzer import _person_ok
    text = "Ffôn / Tel: 029 2018 0433"
    assert not _person_ok(text, 0, 6, "SpacyRecognizer")


# ---------------------------------------------------------------- requester identifiers in odd shapes
@pytest.fixture(scope="module")
def id_analyzer(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R6d", received=date(2026, 6, 1),
        requester=Party(name="Darren Whitlock", role="paying parent", ni_number="JT 41 28 90 B",
                        case_references=("CMS-2025-448812",), phones=("07700 900471",),
                        emails=("d.whitlock84@example.com",), addresses=("19 Brindley Close, Wolverhampton WV10 6QS",)),
        third_parties=[Party(name="Kelly Whitlock", role="receiving parent", addresses=("4 Lichfield Road, Cannock WS11 1DX",))],
        root=Path("."),
    )
    return blank_model_analyzer(tmp_path_factory, case)


@pytest.mark.parametrize("value", [
    "JT-41-28-90-B", "J T 4 1 2 8 9 0 B", "jt 412890 b", "CMS/2025/448812", "cms 2025-448812",
    "+44 (0) 7700 900471", "07700-900-471", "447700900471", "+447700900471", "D.Whitlock84@Example.com",
    "19 BRINDLEY CLOSE", "19 Brindley Cl.", "wv10 6qs",
])
def test_requester_identifier_in_an_odd_shape_is_kept(id_analyzer, value):
    assert found(id_analyzer, f"Note from the file: the value {value} was given.\n") == []


def test_third_party_street_abbreviated_is_found(id_analyzer):
    assert "4 Lichfield Rd" in found(id_analyzer, "Note: she has moved back to 4 Lichfield Rd this year.\n")


# ---------------------------------------------------------------- HOLD-27 shapes
def test_we_act_for_binds_our_client(analyzer):
    text = ("Subject: Our client Mrs S Quorndale\n\nWe act for the receiving parent, Mrs Sabine Quorndale. "
            "Our client's bank details have not changed (sort code 20-45-77, account 40117753).\n")
    assert found(analyzer, text, EntityType.BANK_DETAILS) == []


def test_gave_her_name_as_is_not_the_requester(analyzer):
    text = ("Mrs S Quorndale\n14 Fernleigh Rise\n\nDear Mrs Quorndale\n\n"
            "A woman who gave her name as Mrs Quorndale telephoned on 12 June asking to change your number.\n")
    assert parties_of(analyzer, text) == [PartyKind.THIRD_PARTY]


# ---------------------------------------------------------------- HOLD-28 shapes
def test_name_before_a_relation_in_brackets(pp_analyzer):
    text = "30/06/26  Call from Shaz (tenant's friend) saying he was outside again. Kyle (her cousin) saw it.\n"
    got = unknown_names(pp_analyzer, text)
    assert "Shaz" in got and "Kyle" in got


def test_rare_caps_word_in_a_logs_author_column(pp_analyzer):
    text = ("22/06/26   OKONJO      Case review with team leader.\n"
            "30/06/26   OKONJO      Call from the tenant.\n")
    assert unknown_names(pp_analyzer, text) == ["OKONJO", "OKONJO"]


def test_bank_transfer_to_an_organisation_in_a_list(pp_analyzer):
    text = ("You can pay:\n- by phone on 0808 157 0342\n"
            "- by bank transfer to Justice Recovery Services Ltd, sort code 40-11-62, account 10025634, quoting JRS/559812\n")
    assert found(pp_analyzer, text, EntityType.BANK_DETAILS) == []


def test_lower_case_word_after_a_determiner_in_a_chat_is_not_a_name(pp_analyzer):
    text = ("Imelda 18:02: the kit is ready\n"
            "Me 18:10: ok the chase was fun\n"
            "Imelda 18:20: fine\n")
    got = [t.lower() for t in unknown_names(pp_analyzer, text)]
    assert "kit" not in got and "chase" not in got


def test_statement_type_column_is_not_a_log_author(pp_analyzer):
    text = ("02/03/26  CARD   TESCO STORES 2231        31.85\n"
            "03/03/26  CASH   ATM HIGH STREET          20.00\n"
            "04/03/26  BILL   BRITISH GAS              45.00\n")
    got = unknown_names(pp_analyzer, text)
    assert not any(w in got for w in ("CARD", "CASH", "BILL"))


# ---------------------------------------------------------------- HOLD-30 shapes
@pytest.fixture(scope="module")
def br_analyzer(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R6e", received=date(2026, 6, 1),
        requester=Party(name="Stuart Pennycook", role="paying parent"),
        third_parties=[Party(name="Fiona Pennycook", role="receiving parent (ex-wife)"),
                       Party(name="Callum Pennycook", role="paying parent's brother")],
        root=Path("."),
    )
    return blank_model_analyzer(tmp_path_factory, case)


def test_insurance_schedule_of_the_policyholder(br_analyzer):
    text = ("Caledonia Direct Insurance\nTanfield House, 1 Tanfield, Edinburgh EH3 5DA\n\n"
            "Policyholder:        Mr Stuart Pennycook\n"
            "Vehicle:             Vauxhall Astra 1.4, registration SK18 TWV\n"
            "Main driver:         Policyholder\n")
    got = found(br_analyzer, text)
    assert not any(x in " ".join(got) for x in ("SK18", "Astra", "Policyholder", "Tanfield", "EH3"))


def test_appellant_label_settles_a_shared_surname(br_analyzer):
    text = ("Appellant:          Stuart Pennycook\nSecond Respondent:  Fiona Pennycook\n\n"
            "2. The appellant's brother, Mr Callum Pennycook, gave evidence. Mr Pennycook said he had lent "
            "the appellant GBP 1,200.\n\n"
            "3. The tribunal accepts that the appellant's car is needed for his work.\n\n"
            "4. Mrs Pennycook had submitted that Mr Pennycook has undeclared income.\n")
    got = [(f.text, f.start) for f in br_analyzer.analyze(text) if f.entity_type == EntityType.PERSON
           and f.text == "Pennycook"]
    para4 = text.index("4. Mrs")
    assert len([1 for t, s in got if s > para4]) == 1  # Mrs Pennycook only, not "Mr Pennycook has"
    para2 = text.index("Mr Pennycook said")
    assert any(s == para2 + 3 for t, s in got)  # "Mr Pennycook said" (the brother) is suggested


def test_statement_payee_initial_and_surname_before_reference_words(br_analyzer):
    text = ("Date   Type  Details                                   Paid out\n"
            "22/08  FPO   A RENNIE FOOTBALL SUBS                     15.00\n")
    assert "A RENNIE" in unknown_names(br_analyzer, text)


# ---------------------------------------------------------------- HOLD-31 shapes
@pytest.fixture(scope="module")
def nh_analyzer(tmp_path_factory):
    case = CaseRecord(
        case_id="T-R6f", received=date(2026, 6, 1),
        requester=Party(name="Nadia Quraishi", role="receiving parent"),
        third_parties=[Party(name="Imran Quraishi", role="paying parent (ex-husband)")],
        root=Path("."),
    )
    return blank_model_analyzer(tmp_path_factory, case)


def test_real_first_name_one_letter_from_the_requesters_is_not_hers(nh_analyzer):
    text = "Wages are processed by Tariq and Sadia in our accounts office. Sadia Begum is the contact.\n"
    assert not any(f.party == PartyKind.REQUESTER for f in nh_analyzer.analyze(text))
    assert "Sadia" not in [f.text for f in nh_analyzer.analyze(text) if f.party == PartyKind.REQUESTER]


def test_caps_name_after_a_role_abbreviation_in_an_all_caps_log(nh_analyzer):
    text = ("19/05/26 10:30 NOTE REFERRED TO TL RAFIQ FOR DEO CONSIDERATION.\n"
            "02/06/26 14:12 IC RP CALLED. ADV DOBBS EXPLAINED DEO PENDING.\n")
    got = unknown_names(nh_analyzer, text)
    assert "RAFIQ" in got and "DOBBS" in got


def test_note_written_by_the_requester_and_signed_with_her_name(nh_analyzer):
    text = ("Note written by the receiving parent and handed in at the Jobcentre (typed copy)\n\n"
            "to whoever is dealing with my case. my account for payments is the same as before, "
            "halifax 11-03-86 40418812.\n\nnadia\n")
    assert found(nh_analyzer, text, EntityType.BANK_DETAILS) == []


# ---------------------------------------------------------------- HOLD-32 shapes
MESSENGER = (
    "Imelda Fellowes\n12 Mar 2026, 19:02\nyou need to pay for the trip. tobi is the only one not going\n\n"
    "Dorian Fellowes\n12 Mar 2026, 19:10\ni pay the cms every month. ask bisi to lend you it\n\n"
    "Imelda Fellowes\n12 Mar 2026, 19:12\nfemi says you bought a new car\n\n"
    "Dorian Fellowes\n12 Mar 2026, 19:15\nmy own car is still the old RK09 FZT\n"
)


def test_messenger_block_speaker_owns_my(pp_analyzer):
    assert found(pp_analyzer, MESSENGER, EntityType.UK_VEHICLE_REG) == []


def test_lower_case_names_in_messenger_blocks(pp_analyzer):
    got = unknown_names(pp_analyzer, MESSENGER)
    assert "femi" in got and "bisi" in got


# ---------------------------------------------------------------- HOLD-33 shapes
def test_listed_first_name_after_that_is_the_person(pp_analyzer):
    text = "The other account on my file was a joint account that Imelda kept.\n"
    assert "Imelda" in found(pp_analyzer, text, EntityType.PERSON)


def test_name_with_its_role_in_apposition(pp_analyzer):
    text = "Jenkins, the foreman, drives him to sites. Hughes, our landlord, saw it too.\n"
    got = unknown_names(pp_analyzer, text)
    assert "Jenkins" in got and "Hughes" in got


def test_its_office_address_is_the_organisations(pp_analyzer):
    text = ("You may also contact the Domestic Abuse Service on 0808 157 0611 or at its office, "
            "Unit 9, Sadler Road, Lincoln LN6 3RS.\n")
    got = found(pp_analyzer, text)
    assert not any("Sadler" in t or "LN6" in t for t in got)


# ---------------------------------------------------------------- HOLD-34 shapes
def test_letterhead_without_an_organisation_word(pp_analyzer):
    text = ("Hunters Estate Agents & Lettings\n12 Silver Street, Lincoln LN2 1DY\n"
            "t. 01632 960 500   e. lincoln@hunters.example.co.uk\n\nMr D Fellowes\n4 Oak Road\nLincoln LN2 5HP\n\n"
            "Dear Mr Fellowes\n\nPlease contact our credit control team on 01632 960 505.\n")
    got = found(pp_analyzer, text)
    assert not any(x in " ".join(got) for x in ("Silver", "LN2 1DY", "960 500", "hunters", "960 505"))


def test_first_block_of_a_personal_letter_is_not_a_letterhead(pp_analyzer):
    text = "Mrs Joan Whitely\n4 Oak Road, Lincoln LN2 5HP\n07700 900123\n\nDear Sir\n\nI write about my neighbour.\n"
    got = found(pp_analyzer, text)
    assert "07700 900123" in got


def test_loans_mailbox_is_an_organisations(pp_analyzer):
    assert found(pp_analyzer, "From: Loans Team <loans@moorlandscu.example.org.uk>\n", EntityType.EMAIL_ADDRESS) == []


# ---------------------------------------------------------------- HOLD-35 shapes
def test_mobile_label_after_a_switchboard_on_one_line(pp_analyzer):
    text = ("Sarah Whitcombe | People Partner | Avon Freight Ltd\n"
            "Switchboard: 0117 496 0200 | Mobile: 07700 900355\n")
    got = found(pp_analyzer, text, EntityType.PHONE_NUMBER)
    assert got == ["07700 900355"]
    assert "Switchboard" not in found(pp_analyzer, text, EntityType.PERSON)


def test_their_number_after_an_organisation(pp_analyzer):
    text = ("I have referred you to the Bristol Wellbeing Service for talking therapy. They will contact you "
            "within four weeks. If you want to chase the referral, their number is 0117 496 0360.\n")
    assert found(pp_analyzer, text, EntityType.PHONE_NUMBER) == []


def test_their_number_after_a_person_is_theirs(pp_analyzer):
    text = ("I spoke to the Bristol Wellbeing Service and to Ms Yolanda Brightwater. "
            "Her parents gave me their number, 0117 496 0361.\n")
    assert found(pp_analyzer, text, EntityType.PHONE_NUMBER) == ["0117 496 0361"]


def test_organisation_in_apposition_then_can_help(pp_analyzer):
    text = ("You mentioned Mr Fellowes has been coming to the house. Next Link, the local domestic abuse "
            "service, can help: 0117 496 0421.\n")
    assert found(pp_analyzer, text, EntityType.PHONE_NUMBER) == []


def test_person_in_apposition_then_can_help_is_still_theirs(pp_analyzer):
    text = "Your neighbour, Ms Yolanda Brightwater, can help: 07700 900422.\n"
    assert found(pp_analyzer, text, EntityType.PHONE_NUMBER) == ["07700 900422"]


# ---------------------------------------------------------------- HOLD-37 shapes
def test_call_instruction_in_an_organisations_letter(pp_analyzer):
    text = ("Dear Registered Keeper\n\nYou must pay GBP 70 within 28 days. Pay online or call 0191 498 0651.\n")
    assert found(pp_analyzer, text, EntityType.PHONE_NUMBER) == []


def test_call_me_is_not_an_organisations_number(pp_analyzer):
    text = "Imelda said to call her mobile 07700 900425 after six.\n"
    assert found(pp_analyzer, text, EntityType.PHONE_NUMBER) == ["07700 900425"]
