"""The shipped offline NER pipeline and the corpus readers used to train it."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from recognizers.ner import corpora

REPO = Path(__file__).resolve().parents[1]
MODEL_DIR = REPO / "recognizers" / "model" / "sarpack_ner"
DATA_DIR = Path(os.environ.get("SARPACK_NER_DATA", REPO.parent / "shared" / "data" / "ner"))


# ------------------------------------------------------------------ shipped model


@pytest.fixture(scope="module")
def nlp():
    import spacy

    start = time.perf_counter()
    model = spacy.load(MODEL_DIR)
    model._sarpack_load_seconds = time.perf_counter() - start
    return model


def test_model_is_small_on_disk():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert 0 < size <= 25 * 1024 * 1024


def test_model_loads_quickly_offline(nlp):
    assert nlp._sarpack_load_seconds < 5
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "ORG", "LOC"}


def test_meta_records_heldout_evaluation():
    meta = json.loads((MODEL_DIR / "meta.json").read_text())
    ev = meta["sarpack_eval"]
    assert ev["heldout"] == corpora.HELD_OUT
    person = ev["person"]["span_raw_text"]
    assert 0 < person["f1"] <= 1
    assert ev["speed"]["words_per_second"] > 0


def _persons(doc) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name", [
    ("I spoke with Mrs Okonkwo-Hale on Tuesday about the missed payments.", "Okonkwo-Hale"),
    ("Letter received from Bartholomew Achterberg saying he has changed jobs.", "Achterberg"),
    ("Dear Ms Thistlewood,\n\nThank you for your call about the arrears.", "Thistlewood"),
    ("The receiving parent says her former partner Radoslaw Wiechowski works nights.", "Wiechowski"),
])
def test_finds_people_in_case_text(nlp, text, name):
    persons = _persons(nlp(text))
    assert any(name in p for p in persons), persons


def test_title_is_not_part_of_the_name(nlp):
    persons = _persons(nlp("Called Mr Featherstonehaugh back at 3pm, no answer."))
    assert persons and all(not p.startswith("Mr") for p in persons)


# Terse notes in lower case, each naming one person by given name and surname (made-up text).
LOWER_CASE_NOTES = [
    ("spoke to kasimir brzezinski re payment plan, he will call back friday.", "kasimir", "brzezinski"),
    ("rang dean marsh back re arrears, no answer", "dean", "marsh"),
    ("pp said his new partner is called shannon oakes and she lives with him", "shannon", "oakes"),
    ("rp called, said gary lindqvist has been round again", "gary", "lindqvist"),
    ("email from priya raman at the school about pick up", "priya", "raman"),
    ("left vm for tomasz wojcik re the DEO", "tomasz", "wojcik"),
    ("spoke with aisha begum who confirmed she is the landlord", "aisha", "begum"),
    ("letter sent to michael o'brien at new address", "michael", "o'brien"),
    ("rp says kayleigh brown (pp's sister) has the kids weekends", "kayleigh", "brown"),
    ("advised joanne whitfield to send payslips", "joanne", "whitfield"),
    ("noted that fraser mcallister is now self employed", "fraser", "mcallister"),
    ("webchat with hannah doyle re change of circs", "hannah", "doyle"),
]


def test_lower_case_names_in_notes(nlp):
    """Every note's given name is tagged as a person, and the surname too in all but at most one note.
    (The model shipped in the ninth session tags only "kasimir" in the first note; the one before it tagged both
    words. The detector does not redact that name with either model: see the README's known issues.)"""
    given = surname = 0
    for text, first, last in LOWER_CASE_NOTES:
        persons = _persons(nlp(text))
        given += any(first in p.split() for p in persons)
        surname += any(last in p.split() for p in persons)
    assert given == len(LOWER_CASE_NOTES), given
    assert surname >= len(LOWER_CASE_NOTES) - 1, surname


def test_organisation_is_not_a_person(nlp):
    doc = nlp("Please contact the Child Maintenance Service on 0800 171 2345.")
    assert not _persons(doc)


# ------------------------------------------------------------------ corpus readers (inline samples)

UNER_SAMPLE = """# newdoc id = d1
# sent_id = d1-0001
# text = Ask John Smith at Acme Ltd in Leeds.
1\tAsk\tO\t-\t-
2\tJohn\tB-PER\t-\t-
3\tSmith\tI-PER\t-\t-
4\tat\tO\t-\t-
5\tAcme\tB-ORG\t-\t-
6\tLtd\tI-ORG\t-\t-
7\tin\tO\t-\t-
8\tLeeds\tB-LOC\t-\t-
9\t.\tO\t-\t-

""".splitlines(keepends=True)

WIKIGOLD_SAMPLE = """-DOCSTART- O

Mary I-PER
Jones I-PER
visited I-LOC
Paris I-LOC
with O
French I-MISC
friends O
. O
""".splitlines(keepends=True)

WNUT_SAMPLE = "ask\tO\n@bob\tO\nEmma\tB-person\nat\tO\nGoogle\tB-corporation\nabout\tO\niPhone\tB-product\n\n".splitlines(keepends=True)

BTC_SAMPLE = "Theresa\tB-PER\nMay\tI-PER\nin\tO\nLondon\tB-LOC\n\tO\n\n".splitlines(keepends=True)

SEC_SAMPLE = """-DOCSTART- -X- O O

The DT - O
Borrower NNP - I-PER
, , - O
Jane NNP - I-PER
Doe NNP - I-PER
of IN - O
SILICON NNP - I-ORG
VALLEY NNP - I-ORG
BANK NNP - I-ORG
""".splitlines(keepends=True)


def _ents(s: corpora.Sentence) -> set[tuple[str, str]]:
    return {(" ".join(s.words[a:b]), lab) for a, b, lab in corpora.entity_spans(s.tags)}


def test_reads_uner():
    [s] = corpora.parse_uner(UNER_SAMPLE)
    assert s.text == "Ask John Smith at Acme Ltd in Leeds."
    assert _ents(s) == {("John Smith", "PERSON"), ("Acme Ltd", "ORG"), ("Leeds", "LOC")}


def test_reads_wikigold_io_scheme_and_drops_misc():
    [s] = corpora.parse_wikigold(WIKIGOLD_SAMPLE)
    assert _ents(s) == {("Mary Jones", "PERSON"), ("visited Paris", "LOC")}


def test_reads_wnut17():
    [s] = corpora.parse_wnut17(WNUT_SAMPLE)
    assert _ents(s) == {("Emma", "PERSON"), ("Google", "ORG")}


def test_reads_btc_and_skips_empty_tokens():
    [s] = corpora.parse_btc(BTC_SAMPLE)
    assert s.words == ("Theresa", "May", "in", "London")
    assert _ents(s) == {("Theresa May", "PERSON"), ("London", "LOC")}


def test_reads_sec_filings_without_contract_roles():
    [s] = corpora.parse_sec(SEC_SAMPLE)
    assert _ents(s) == {("Jane Doe", "PERSON"), ("SILICON VALLEY BANK", "ORG")}


def test_heldout_file_is_never_a_training_file(tmp_path):
    for folder, names, _ in corpora.CORPORA:
        for name in names:
            (tmp_path / folder).mkdir(exist_ok=True)
            (tmp_path / folder / name).write_text("")
    (tmp_path / corpora.HELD_OUT).write_text("")
    listed = [p.resolve() for p, _ in corpora.training_files(tmp_path)]
    assert (tmp_path / corpora.HELD_OUT).resolve() not in listed
    assert all(p.name != Path(corpora.HELD_OUT).name for p in listed)
    assert len(listed) == sum(len(n) for _, n, _ in corpora.CORPORA)


@pytest.mark.skipif(not DATA_DIR.is_dir(), reason="shared NER corpora not available")
def test_real_training_file_list_excludes_heldout():
    listed = [p.resolve() for p, _ in corpora.training_files(DATA_DIR)]
    assert listed
    assert (DATA_DIR / corpora.HELD_OUT).resolve() not in listed


@pytest.mark.skipif(not DATA_DIR.is_dir(), reason="shared NER corpora not available")
def test_each_real_corpus_file_parses():
    for path, parser in corpora.training_files(DATA_DIR):
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = [line for _, line in zip(range(400), fh)]
        sents = parser(head)
        assert sents, path.name
        assert all(len(s.words) == len(s.tags) for s in sents)
