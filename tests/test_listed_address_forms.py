"""[detect] The requester's listed address is kept in the forms a flat's letter takes: "27a" is also written
"27A", "27 A" and "Flat A, 27"; "Flat A, 27" is also written "27a". Another letter ("27b") is another flat,
a neighbour's, and stays redacted."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party
from tests.detect_fixtures import blank_model_analyzer


def _case(address: str) -> CaseRecord:
    return CaseRecord(case_id="T-ADDR", received=date(2026, 11, 23),
                      requester=Party(name="Marisol Penhaligon", role="receiving parent", addresses=(address,)),
                      third_parties=[Party(name="Corwin Ashdale", role="paying parent")], root=Path("."))


@pytest.fixture(scope="module")
def letter_number(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case("27a Kingsley Road, Harrogate HG1 4RT"))


@pytest.fixture(scope="module")
def flat_letter(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case("Flat A, 27 Kingsley Road, Harrogate HG1 4RT"))


def _addresses(analyzer, line: str) -> list[str]:
    text = f"Letter from Ms Penhaligon.\n\nShe lives at {line}.\n\nThank you."
    return [f.text for f in analyzer.analyze_many([text])[0]
            if f.entity_type in (EntityType.ADDRESS, EntityType.UK_POSTCODE)]


@pytest.mark.parametrize("line", ["27a Kingsley Road, Harrogate", "27A Kingsley Road", "27 A Kingsley Road, Harrogate",
                                  "Flat A, 27 Kingsley Road, Harrogate", "flat a 27 Kingsley Rd"])
def test_a_listed_number_with_a_letter_is_kept_in_every_form(letter_number, line):
    assert _addresses(letter_number, line) == []


@pytest.mark.parametrize("line", ["Flat A, 27 Kingsley Road, Harrogate", "27a Kingsley Road, Harrogate",
                                  "27A Kingsley Rd", "27 Kingsley Road, Harrogate"])
def test_a_listed_flat_letter_is_kept_as_a_number_with_a_letter(flat_letter, line):
    assert _addresses(flat_letter, line) == []


@pytest.mark.parametrize("analyzer_name", ["letter_number", "flat_letter"])
def test_another_flat_letter_is_a_neighbours(request, analyzer_name):
    analyzer = request.getfixturevalue(analyzer_name)
    assert _addresses(analyzer, "27b Kingsley Road, Harrogate")
    assert _addresses(analyzer, "Flat B, 27 Kingsley Road, Harrogate")


def _welsh_case(third: str = "Corwin Ashdale") -> CaseRecord:
    return CaseRecord(case_id="T-ADDR2", received=date(2026, 11, 23),
                      requester=Party(name="Marisol Penhaligon", role="receiving parent",
                                      addresses=("Ty Gwyn, 3 Heol y Felin, Pontypridd CF37 1BA",
                                                 "Apartment 12, The Maltings, 4-6 Bridge Street, Ely CB7 4AA")),
                      third_parties=[Party(name=third, role="paying parent")], root=Path("."))


def _people(analyzer, line: str) -> list[str]:
    text = f"Letter from Ms Penhaligon.\n\n{line}\n\nThank you."
    return [f.text for f in analyzer.analyze_many([text])[0] if f.entity_type == EntityType.PERSON]


def test_words_of_the_requesters_address_are_not_people():
    """The NER model (and the name lists) read "Ely" after a house name, and Welsh house and street names, as
    people; next to another word of the requester's listed address they are her address, and stay."""
    from recognizers import build_analyzer

    an = build_analyzer(_welsh_case())
    for line in ("12 The Maltings, Ely", "Tŷ Gwyn, 3 Heol y Felin", "Ty Gwyn, Heol y Felin"):
        assert _people(an, line) == [], line


def test_a_listed_persons_name_in_those_words_is_still_a_person():
    from recognizers import build_analyzer

    an = build_analyzer(_welsh_case(third="Gwyn Morgan"))
    assert "Gwyn" in " ".join(_people(an, "Gwyn called at Ty Gwyn, Heol y Felin."))


# ---------------------------------------------------------------- a flat number with a letter before it ("Flat B11")

@pytest.fixture(scope="module")
def lettered_flat(tmp_path_factory):
    return blank_model_analyzer(tmp_path_factory, _case("Flat B11, 14 Rowan Road, Leeds LS6 2AB"))


def test_a_neighbours_lettered_flat_in_her_building_is_redacted(lettered_flat):
    # "Flat B12" of the same building: the listed street line must not make it hers, and the address line
    # must take the flat in, so that its number says it is another flat
    got = _addresses(lettered_flat, "Flat B12, 14 Rowan Road, Leeds LS6 2AB")
    assert any("B12" in a for a in got)


def test_her_own_lettered_flat_stays(lettered_flat):
    assert _addresses(lettered_flat, "Flat B11, 14 Rowan Road, Leeds LS6 2AB") == []


def test_house_and_flat_numbers_in_an_address():
    # analyzer._NUMBER: the numbers that say which home an address is; a figure with letters on both sides is a
    # scan's letter ("M0SS"), a letter before the figures is a flat's ("B12")
    from recognizers.analyzer import _NUMBER
    assert _NUMBER.findall("Flat B12, 14 Rowan Road") == ["12", "14"]
    assert _NUMBER.findall("12b M0SS LANE") == ["12"]
