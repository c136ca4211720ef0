"""Detection round 18: organisations' contact details stay, a person's own go.

- address.CARE_OF_RE: a care-of address with no house number ("c/o The Old Bakery, Church Lane, ...");
- organisations.care_of_person (org_contact_cue and refine.is_org_contact): an address given as a named
  person's "c/o" address is never an organisation's contact, whatever business-like name follows "c/o";
- organisations.org_name_spans: a name followed by its registration in brackets ("Little Acorns (registered
  charity 1122334)"), and "<Name> Cymru" ("Advicelink Cymru"), are organisations' names.

Each test fails without its rule. Every name and value here is made up.
"""
from __future__ import annotations

from pipeline.codes import EntityType, PartyKind, ReasonCode
from pipeline.models import Finding
from recognizers.address import AddressRecognizer
from recognizers.organisations import care_of_person, org_contact_cue, org_name_spans
from recognizers.refine import is_org_contact

CARE_OF = ("We are also required to tell you that a letter addressed to Ms Siân Morgan, c/o The Old Bakery, Church Lane,\n"
           "Llandaff, Cardiff CF5 2AA, was sent to your branch in error.")


def _addresses(text: str) -> list[str]:
    return [text[r.start:r.end] for r in AddressRecognizer().analyze(text, ["ADDRESS"])]


def _pc(text: str, value: str) -> Finding:
    s = text.index(value)
    return Finding(s, s + len(value), EntityType.UK_POSTCODE, "UkPostcodeRecognizer", 0.6, PartyKind.UNKNOWN,
                   ReasonCode.TP, False, value)


def _person(text: str, name: str) -> tuple[int, int]:
    s = text.index(name)
    return (s, s + len(name))


# ---------------------------------------------------------------- address.CARE_OF_RE
def test_care_of_house_name_and_street_is_an_address():
    assert any(a.startswith("The Old Bakery, Church Lane") and a.endswith("CF5 2AA") for a in _addresses(CARE_OF))


def test_care_of_house_name_with_towns_and_postcode_is_an_address():
    text = "Post for him goes c/o Ty Gwyn, Llanfair, LL55 4RT now."
    assert any(a.startswith("Ty Gwyn") and "LL55 4RT" in a for a in _addresses(text))


def test_care_of_without_street_or_postcode_is_not_an_address():
    assert not any("Harlow" in a for a in _addresses("Write to him c/o Harlow & Beynon, who act for him."))
    assert _addresses("She is staying c/o her mum for now.") == []


# ---------------------------------------------------------------- organisations.care_of_person
def test_care_of_address_of_a_named_person_is_not_an_organisations():
    people = [_person(CARE_OF, "Siân Morgan")]
    s = CARE_OF.index("CF5 2AA")
    assert care_of_person(CARE_OF, s, people)
    assert not org_contact_cue(CARE_OF, s, "address", [], people)
    assert not is_org_contact(CARE_OF, _pc(CARE_OF, "CF5 2AA"), [], people, [])


def test_care_of_guard_needs_the_person_before_it():
    text = "Return all post to Harbour Fresh Foods Ltd, c/o Unit 9, Quay Street, Hull HU1 1AA."
    assert not care_of_person(text, text.index("HU1"), [])
    # the organisation's address in prose is still left in
    assert org_contact_cue(text, text.index("HU1"), "address", [], [])


def test_care_of_guard_stops_at_a_sentence():
    text = "Ms Siân Morgan, c/o her sister. Our office is at Riverside House, Quay Street, Gloucester GL1 2HN."
    assert not care_of_person(text, text.index("GL1"), [_person(text, "Siân Morgan")])


# ---------------------------------------------------------------- org_name_spans
def _org_words(text: str) -> list[str]:
    return [text[a:b] for a, b in org_name_spans(text)]


def test_name_before_its_registration_is_an_organisation():
    text = "The after-school club is run by Little Acorns (registered charity 1122334). Their office is here."
    assert "Little Acorns" in _org_words(text)


def test_name_without_registration_is_not_taken():
    assert "Little Acorns" not in _org_words("The club is run by Little Acorns (the one on Stroud Road).")


def test_cymru_closes_an_organisations_name():
    text = "If you need free advice, Advicelink Cymru can help, or Shelter Cymru."
    words = _org_words(text)
    assert any(w.endswith("Advicelink Cymru") for w in words) and any(w.endswith("Shelter Cymru") for w in words)


def test_organisations_care_of_address_found_after_its_cue_is_still_the_organisations():
    # the care-of address starts after "c/o": the run from the organisation's name ends before the "c/o"
    text = "Harrogate Foodbank, c/o St Mark's Church, Leeds Road, Harrogate HG2 8AB"
    assert org_contact_cue(text, text.index("St Mark's"), "address", [], [])


# ---------------------------------------------------------------- attribution: "Your ref:" is a heading row
def test_your_ref_row_does_not_give_the_firms_direct_line_to_the_reader(tmp_path_factory):
    # "Your ref: <the reader's case reference>" above "Our ref / Direct line / Email" in a solicitor's heading
    # is one of the heading's rows: the fee-earner's direct line and own mailbox under it are not the reader's
    from datetime import date
    from pathlib import Path

    from pipeline.models import CaseRecord, Party
    from tests.detect_fixtures import blank_model_analyzer

    case = CaseRecord(case_id="T-R18", received=date(2026, 11, 22),
                      requester=Party(name="Rhodri Morgan", role="paying parent", case_references=["CMS-2026-702418"]),
                      third_parties=[Party(name="Siân Morgan", role="receiving parent")], root=Path("."))
    an = blank_model_analyzer(tmp_path_factory, case)
    text = ("Harlow & Beynon Solicitors\n1 Park Place\nCardiff\nCF10 1FL\n\n"
            "Your ref: CMS-2026-702418\nOur ref: HB/FAM/2291/TJ\nDirect line: 029 2018 0453\n"
            "Email: tjames@harlowbeynon.example.co.uk\n\nMr R Morgan\n3 Heol y Nant, Whitchurch, Cardiff CF14 1JS\n\n"
            "Dear Mr Morgan\n\nWe act for Ms Siân Morgan.\n")
    got = {f.text: f.party for f in an.analyze(text)}
    assert got.get("029 2018 0453") == PartyKind.UNKNOWN
    assert got.get("tjames@harlowbeynon.example.co.uk") == PartyKind.UNKNOWN
    assert "CMS-2026-702418" not in got  # the reader's own case reference stays
