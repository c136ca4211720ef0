"""Unit tests for sarpack's recognizers, parties and allow/deny lists.

Runs against a blank spaCy pipeline saved to a temp folder (no NER needed for most
checks); NER-specific tests build a tiny pipeline with an entity ruler.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy

from pipeline.codes import EntityType, PartyKind, ReasonCode
from pipeline.models import CaseOptions, CaseRecord, Party
from recognizers import DetectSettings, ModelNotFoundError, build_analyzer
from recognizers.nhs_number import nhs_checksum_ok
from recognizers.uk_nino import is_valid_nino


@pytest.fixture(scope="session")
def blank_model(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("model") / "blank"
    spacy.blank("en").to_disk(path)
    return str(path)


@pytest.fixture(scope="session")
def ner_model(tmp_path_factory) -> str:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": [{"TEXT": "Zorblat"}, {"TEXT": "Quennick"}]},
        {"label": "ORG", "pattern": [{"TEXT": "Acme"}, {"TEXT": "Widgets"}]},
    ])
    path = tmp_path_factory.mktemp("model") / "ruler"
    nlp.to_disk(path)
    return str(path)


def make_case(**opts) -> CaseRecord:
    return CaseRecord(
        case_id="T-1",
        received=date(2026, 1, 5),
        requester=Party(
            name="Dean Okonkwo", role="paying parent", ni_number="JH 45 67 89 A",
            date_of_birth="1984-03-12", case_references=("CMS-2025-123456",),
            addresses=("12 Acacia Avenue, Leeds LS1 4AB",), phones=("07700 900123",),
            emails=("dean.okonkwo@example.com",),
        ),
        third_parties=[
            Party(name="Maria Okonkwo", role="receiving parent, mother", ni_number="KA123456B",
                  date_of_birth="1986-07-01", case_references=("CMS-2025-654321",),
                  addresses=("4 Elm Close, Bradford BD1 2AB",), phones=("07700 900456",),
                  emails=("maria.o@example.net",)),
            Party(name="Jo-Anne O'Neill", role="new partner"),
        ],
        root=Path("."),
        options=CaseOptions(**opts),
    )


@pytest.fixture()
def analyzer(blank_model):
    return build_analyzer(make_case(), DetectSettings(spacy_model=blank_model))


def found(analyzer, text):
    return analyzer.analyze_many([text])[0]


def texts_of(findings, et=None):
    return [f.text for f in findings if et is None or f.entity_type == et]


# ---------------------------------------------------------------- NI numbers
@pytest.mark.parametrize("value", ["AB123456C", "ab 12 34 56 c", "CE 12 34 56 D", "OA123456A", "JH456789A"])
def test_valid_nino(value):
    assert is_valid_nino(value)


@pytest.mark.parametrize("value", [
    "DA123456A", "FA123456A", "IA123456A", "QA123456A", "UA123456A", "VA123456A",  # first letter
    "AD123456A", "AF123456A", "AI123456A", "AO123456A", "AQ123456A", "AU123456A", "AV123456A",  # second
    "BG123456A", "GB123456A", "KN123456A", "NK123456A", "NT123456A", "TN123456A", "ZZ123456A",  # prefixes
    "AB123456E", "AB12345C",
])
def test_invalid_nino(value):
    assert not is_valid_nino(value)


def test_nino_found_spaced_and_lower(analyzer):
    f = found(analyzer, "Her NI number is ce 12 34 56 d and his is CE123456A.")
    assert texts_of(f, EntityType.UK_NINO) == ["ce 12 34 56 d", "CE123456A"]
    assert not texts_of(found(analyzer, "Ref GB123456A and DA 12 34 56 A"), EntityType.UK_NINO)


# ---------------------------------------------------------------- NHS
def test_nhs_checksum():
    assert nhs_checksum_ok("943 476 5919")
    assert not nhs_checksum_ok("943 476 5918")
    assert not nhs_checksum_ok("123")


def test_nhs_found(analyzer):
    assert texts_of(found(analyzer, "NHS number 943-476-5919."), EntityType.UK_NHS) == ["943-476-5919"]
    assert not texts_of(found(analyzer, "NHS number 943 476 5918."), EntityType.UK_NHS)


# ---------------------------------------------------------------- bank
@pytest.mark.parametrize("text", [
    "Sort code 20-00-00 account number 41234567.",
    "Bank: 20 00 00 41234567",
    "Sort code: 200000\nAccount no: 41234567",
])
def test_bank_details(analyzer, text):
    f = [x for x in found(analyzer, text) if x.entity_type == EntityType.BANK_DETAILS]
    joined = " ".join(x.text for x in f)
    assert "41234567" in joined and ("20" in joined)


def test_sort_code_alone_unlabelled_is_not_bank(analyzer):
    assert not texts_of(found(analyzer, "Score was 12-10-08 at the match."), EntityType.BANK_DETAILS)


# ---------------------------------------------------------------- phones
@pytest.mark.parametrize("value", ["07700 900 999", "07700900999", "+44 7700 900999", "+44 (0)20 7946 0000", "0113 496 0000", "(0161) 496 0000"])
def test_phones(analyzer, value):
    assert texts_of(found(analyzer, f"Her number is {value}."), EntityType.PHONE_NUMBER) == [value]


def test_helpline_allow_listed(analyzer):
    assert not found(analyzer, "Call the Child Maintenance Service on 0800 988 0988 or write to "
                               "Child Maintenance Service, PO Box 249, Mitcheldean GL17 1AJ.")


# ---------------------------------------------------------------- postcodes, addresses
def test_postcode_and_multiline_address(analyzer):
    text = "His new address is:\nFlat 3, 27 Harrow Road\nSheffield\nS1 2HT\n\nThanks"
    f = found(analyzer, text)
    covered = "".join(text[x.start:x.end] for x in f)
    for part in ("27 Harrow Road", "Sheffield", "S1 2HT"):
        assert part in covered


def test_address_one_line(analyzer):
    f = found(analyzer, "She moved to 9 Mill Lane, Otley, LS21 3AB last year.")
    assert any("9 Mill Lane" in x.text and "LS21 3AB" in x.text for x in f)


def test_requester_address_stays(analyzer):
    assert not found(analyzer, "Your address: 12 Acacia Avenue,\nLeeds\nLS1 4AB")


def test_third_party_address_any_format(analyzer):
    f = found(analyzer, "She lives at 4 elm close, Bradford, bd1 2ab.")
    assert all(x.party == PartyKind.THIRD_PARTY for x in f)
    covered = "".join(x.text for x in f).lower()
    assert "4 elm close" in covered and "bd1 2ab" in covered


# ---------------------------------------------------------------- emails, DOB
def test_emails(analyzer):
    f = found(analyzer, "Write to jason.k@example.org or dean.okonkwo@example.com or enquiries@dwp.gov.uk.")
    assert texts_of(f, EntityType.EMAIL_ADDRESS) == ["jason.k@example.org"]


def test_dob_vs_other_dates(analyzer):
    text = "Letter dated 05/06/2024. Payment of 12 May 2024 received. Child: Amy, date of birth 3 April 2015. D.O.B. 01.02.2016"
    f = texts_of(found(analyzer, text), EntityType.DATE_OF_BIRTH)
    assert "3 April 2015" in f and "01.02.2016" in f
    assert "05/06/2024" not in f and "12 May 2024" not in f


def test_listed_dobs(analyzer):
    f = found(analyzer, "Dates: 12/03/1984 and 1 July 1986.")
    assert texts_of(f) == ["1 July 1986"]  # requester's DOB stays, third party's goes


# ---------------------------------------------------------------- context
def test_two_word_context_lifts_passport_and_vehicle(analyzer):
    assert texts_of(found(analyzer, "Her passport number is 123456789."), EntityType.UK_PASSPORT) == ["123456789"]
    assert not texts_of(found(analyzer, "Invoice 123456789 attached."), EntityType.UK_PASSPORT)


def test_context_phrase_matching():
    from recognizers.context import find_phrase, phrase_words

    window = [("her", "her"), ("national", "national"), ("insurance", "insurance"), ("number", "number")]
    assert find_phrase(window, [phrase_words("national insurance")]) == "national insurance"
    assert find_phrase(window, [phrase_words("insurance national")]) is None


def test_vehicle_reg_and_licence(analyzer):
    f = found(analyzer, "He drives vehicle registration AB12 CDE. Driving licence MORGA753116SM9IJ.")
    assert texts_of(f, EntityType.UK_VEHICLE_REG) == ["AB12 CDE"]
    assert texts_of(f, EntityType.UK_DRIVING_LICENCE) == ["MORGA753116SM9IJ"]


def test_iban_and_card(analyzer):
    f = found(analyzer, "IBAN GB82 WEST 1234 5698 7654 32, card 4111 1111 1111 1111.")
    assert texts_of(f, EntityType.IBAN_CODE) and texts_of(f, EntityType.CREDIT_CARD)


# ---------------------------------------------------------------- case references
def test_case_references(analyzer):
    f = found(analyzer, "Your case CMS-2025-123456; her case CMS 2025 654321; other 1234 5678 9012.")
    by = {x.text: x for x in f if x.entity_type == EntityType.CASE_REFERENCE}
    assert "CMS-2025-123456" not in by
    assert by["CMS 2025 654321"].party == PartyKind.THIRD_PARTY and not by["CMS 2025 654321"].needs_review
    assert by["1234 5678 9012"].needs_review


# ---------------------------------------------------------------- parties
def test_requester_never_redacted(analyzer):
    text = ("Dean Okonkwo, Mr Okonkwo, DEAN, Dean's, D. Okonkwo, NI JH456789A, jh 45 67 89 a, "
            "07700900123, +44 7700 900 123, DEAN.OKONKWO@EXAMPLE.COM, case cms2025123456, born 12 March 1984")
    assert found(analyzer, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Maria Okonkwo called.", "Maria Okonkwo"),
    ("MARIA said", "MARIA"),
    ("Maria's letter", "Maria"),
    ("M. Okonkwo wrote", "M. Okonkwo"),
    ("Maria\nOkonkwo wrote", "Maria\nOkonkwo"),
    ("Marai called", "Marai"),  # one edit: transposition
    ("Jo-Anne said", "Jo-Anne"),
    ("Ms O'Neill said", "O'Neill"),
    ("Ms O’Neill said", "O’Neill"),
    ("Jo-Anne O'Neill's car", "Jo-Anne O'Neill"),
])
def test_third_party_name_forms(analyzer, text, expected):
    f = found(analyzer, text)
    assert expected in texts_of(f), texts_of(f)
    assert all(x.party == PartyKind.THIRD_PARTY and x.reason == ReasonCode.TP for x in f if x.text == expected)


def test_third_party_identifiers_any_format(analyzer):
    f = found(analyzer, "ka 12 34 56 b; 07700-900-456; +447700900456; Maria.O@Example.net")
    assert len(f) == 4 and all(x.party == PartyKind.THIRD_PARTY for x in f)


def test_shared_surname_by_title(analyzer):
    # the third party is a mother (female); the requester has no title/role hint
    f = found(analyzer, "Dear Mr Okonkwo, thank you.")
    assert f == []
    f = found(analyzer, "Mrs Okonkwo called.")
    assert texts_of(f) == ["Okonkwo"] and f[0].needs_review  # the requester could also be a Mrs


def test_shared_surname_by_nearest_full_mention(analyzer):
    f = found(analyzer, "Maria Okonkwo phoned. Okonkwo said the payments stopped.")
    assert [(x.text, x.party, x.needs_review) for x in f] == [
        ("Maria Okonkwo", PartyKind.THIRD_PARTY, False), ("Okonkwo", PartyKind.THIRD_PARTY, False)]
    assert found(analyzer, "Dean Okonkwo phoned. Okonkwo said the payments stopped.") == []


def test_shared_surname_resolved_when_titles_known(blank_model):
    case = make_case()
    case.requester = Party(name="Mr Dean Okonkwo")
    a = build_analyzer(case, DetectSettings(spacy_model=blank_model))
    f = found(a, "Mrs Okonkwo called. Mr Okonkwo replied.")
    assert [(x.text, x.needs_review) for x in f] == [("Okonkwo", False)]
    assert f[0].start == 4


def test_unsure_surname_needs_review(analyzer):
    f = found(analyzer, "Okonkwo said the payments stopped.")
    assert len(f) == 1 and f[0].needs_review


# ---------------------------------------------------------------- unknown people
def test_unknown_people_by_context(analyzer):
    text = "Dear Ms Hughes,\nI spoke to Priya Raman yesterday. My partner Callum left.\nKind regards,\nSiobhan Byrne"
    names = texts_of(found(analyzer, text), EntityType.PERSON)
    for n in ("Hughes", "Priya Raman", "Callum", "Siobhan Byrne"):
        assert n in names, names
    assert all(x.party == PartyKind.UNKNOWN for x in found(analyzer, text))


def test_ordinary_words_not_redacted(analyzer):
    text = "Will you grant the May payment? Mark the rose bed. The will was read. I hope you can help."
    assert texts_of(found(analyzer, text), EntityType.PERSON) == []


def test_unknown_person_by_ner(ner_model):
    a = build_analyzer(make_case(), DetectSettings(spacy_model=ner_model))
    f = found(a, "A letter from Zorblat Quennick arrived. He works at Acme Widgets.")
    assert [(x.text, x.recognizer, x.party) for x in f] == [("Zorblat Quennick", "SpacyRecognizer", PartyKind.UNKNOWN)]


def test_extra_names(analyzer):
    f = analyzer.analyze_many(["Comment by Xavi Thornbury. Thornbury agreed."], extra_names=["Xavi Thornbury"])[0]
    assert texts_of(f) == ["Xavi Thornbury", "Thornbury"]


# ---------------------------------------------------------------- allow / deny lists
def test_org_data_stays(analyzer):
    text = ("Jobcentre Plus, HM Revenue & Customs and the DWP wrote. Child Maintenance Service,\n"
            "PO Box 249,\nMitcheldean\nGL17 1AJ")
    assert found(analyzer, text) == []


def test_case_allow_and_deny_lists(blank_model):
    case = make_case(allow_list=("Brightwater Housing, 1 Quay Street",), deny_list=("Project Falcon",))
    a = build_analyzer(case, DetectSettings(spacy_model=blank_model))
    f = found(a, "Brightwater Housing, 1 Quay Street wrote about Project Falcon.")
    assert [(x.text, x.entity_type) for x in f] == [("Project Falcon", EntityType.DENY_LIST)]


def test_deployment_deny_list_file(blank_model, tmp_path):
    deny = tmp_path / "deny.txt"
    deny.write_text("# comment\nOperation Heron\n")
    a = build_analyzer(make_case(), DetectSettings(spacy_model=blank_model, deny_list_path=str(deny)))
    assert texts_of(found(a, "See operation  heron notes.")) == ["operation  heron"]


# ---------------------------------------------------------------- engine
def test_unknown_model_is_clear_error_never_download(monkeypatch):
    import spacy.cli

    def boom(*a, **k):
        raise AssertionError("download attempted")

    monkeypatch.setattr(spacy.cli, "download", boom)
    with pytest.raises(ModelNotFoundError, match="never downloads"):
        build_analyzer(make_case(), DetectSettings(spacy_model="en_core_web_nonexistent"))


def test_no_network_and_no_download(monkeypatch, blank_model):
    import socket

    import spacy.cli

    def boom(*a, **k):
        raise AssertionError("network or download attempted")

    monkeypatch.setattr(spacy.cli, "download", boom)
    monkeypatch.setattr(socket.socket, "connect", boom)
    monkeypatch.setattr(socket, "create_connection", boom)
    from recognizers import analyzer as mod

    mod._cores.clear()
    a = build_analyzer(make_case(), DetectSettings(spacy_model=blank_model))
    assert texts_of(a.analyze_many(["Email bob@example.org now"])[0]) == ["bob@example.org"]


def test_build_analyzer_is_cheap_after_first(blank_model):
    import time

    s = DetectSettings(spacy_model=blank_model)
    build_analyzer(make_case(), s)
    t = time.perf_counter()
    for _ in range(20):
        build_analyzer(make_case(), s)
    assert (time.perf_counter() - t) / 20 < 0.05


def test_findings_never_in_repr(analyzer):
    f = found(analyzer, "Maria Okonkwo called.")
    assert "Maria" not in repr(f)


def test_address_with_district_line_builds_and_matches():
    """Regression: a listed address of the common form "street, district, town postcode" once
    crashed the analyzer (a variable-width look-behind)."""
    from datetime import date
    from pathlib import Path

    from pipeline.models import CaseRecord, Party
    from recognizers import build_analyzer

    case = CaseRecord(
        case_id="T-ADDR",
        received=date(2026, 1, 1),
        requester=Party(name="Claire Bennett"),
        third_parties=[Party(name="Dean Okafor", addresses=("44 Hamilton Road, Longsight, Manchester M13 0PF",))],
        root=Path("."),
    )
    text = "He moved to 44 Hamilton Road,\nLongsight,\nManchester M13 0PF last year."
    found = build_analyzer(case).analyze_many([text])[0]
    covered = "".join(text[f.start:f.end] for f in found)
    assert "Hamilton Road" in covered and "Longsight" in covered
