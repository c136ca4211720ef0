"""Labelled case corpora -> NER training examples (recognizers/ner/case_corpora.py, train --case-corpora)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from recognizers.ner import case_corpora as cc  # noqa: E402
from recognizers.ner.train import Settings, build_nlp, case_training_examples  # noqa: E402

TEXT = (
    "Case note 12/03\n"
    "Spoke to Mr Dariusz Nowak about the payments. His partner KEMI ADEYEMI called later.\n"
    "\n"
    "Phone 07700 900123. Smithsonian letter from Tesco Bank.\n"
)


def _gold(text: str) -> list[dict]:
    def item(sub, etype="PERSON", party="unknown", shift=0, cut=0):
        s = text.index(sub) + shift
        e = s + len(sub) - shift - cut
        return {"start": s, "end": e, "text": text[s:e], "entity_type": etype, "party": party}

    return [
        item("Dariusz Nowak", party="requester"),
        item("KEMI ADEYEMI", party="third_party"),
        item("07700 900123", etype="PHONE_NUMBER"),
        item("Smithsonian", cut=6),  # "Smith" inside one token: does not align
    ]


def _write_case(root: Path, text: str = TEXT) -> Path:
    corpus = root / "corpus_x"
    (corpus / "CASE-1" / "documents").mkdir(parents=True)
    (corpus / "CASE-1" / "gold").mkdir()
    (corpus / "CASE-1" / "documents" / "note.txt").write_text(text, encoding="utf-8")
    (corpus / "CASE-1" / "gold" / "note.json").write_text(json.dumps(_gold(text)), encoding="utf-8")
    (corpus / "README.md").write_text("not a case")
    return corpus


def test_only_person_gold_becomes_spans_and_misaligned_are_dropped(tmp_path):
    corpus = _write_case(tmp_path)
    stats = cc.CaseStats()
    chunks = cc.load_case_chunks([corpus], stats)
    assert stats.documents == 1
    assert stats.person_gold == 3 and stats.other_types_ignored == 1
    nlp = build_nlp(Settings())
    examples = [cc.chunk_example(nlp, c, stats) for c in chunks]
    ents = [(e.text, e.label_) for ex in examples for e in ex.reference.ents]
    assert ents == [("Dariusz Nowak", "PERSON"), ("KEMI ADEYEMI", "PERSON")]
    assert stats.dropped_misaligned == 1 and stats.person_kept == 2
    assert all(lab == "PERSON" for _, lab in ents)  # no phone number, no other gold type
    # every other token is explicitly outside an entity (negative evidence), none missing
    for ex in examples:
        assert all(t.ent_iob_ in ("B", "I", "O") for t in ex.reference)


def test_chunks_split_at_paragraphs_and_keep_offsets(tmp_path):
    long_text = "\n\n".join(f"Paragraph {i} mentions Ann Lee here." for i in range(60))
    gold = [{"start": i, "end": i + 7, "text": "Ann Lee", "entity_type": "PERSON", "party": "unknown"}
            for i in range(len(long_text)) if long_text.startswith("Ann Lee", i)]
    stats = cc.CaseStats()
    chunks = cc.document_chunks(long_text, gold, stats, "c", "d", max_chars=300)
    assert len(chunks) > 5 and all(len(c.text) <= 300 for c in chunks)
    assert sum(len(c.spans) for c in chunks) == 60 and stats.dropped_crosses_chunk == 0
    for c in chunks:
        assert all(c.text[s:e] == "Ann Lee" for s, e, _ in c.spans)


def test_span_crossing_a_chunk_boundary_or_not_matching_text_is_dropped():
    text = "A" * 200 + "\nMary\nJones\n" + "B" * 200
    s = text.index("Mary")
    gold = [{"start": s, "end": s + 10, "text": "Mary\nJones", "entity_type": "PERSON", "party": "unknown"},
            {"start": 0, "end": 4, "text": "Zzzz", "entity_type": "PERSON", "party": "unknown"}]
    stats = cc.CaseStats()
    chunks = cc.document_chunks(text, gold, stats, "c", "d", max_chars=210)
    assert stats.dropped_text_mismatch == 1
    assert stats.dropped_crosses_chunk == 1
    assert not any(c.spans for c in chunks)


def test_teacher_org_loc_kept_but_not_over_a_gold_person_and_never_teacher_person(tmp_path):
    nlp = build_nlp(Settings())
    chunk = cc.CaseChunk("Kemi Adeyemi works at Tesco Bank in Leeds with Bob.", [(0, 12, "PERSON")], "c", "d")
    teacher_doc = nlp.make_doc(chunk.text)
    from spacy.tokens import Span

    teacher_doc.ents = [Span(teacher_doc, 0, 2, label="ORG"),   # over the gold person: not used
                        Span(teacher_doc, 4, 6, label="ORG"),   # Tesco Bank
                        Span(teacher_doc, 7, 8, label="LOC"),   # Leeds
                        Span(teacher_doc, 9, 10, label="PERSON")]  # teacher PERSON: never used
    stats = cc.CaseStats()
    ex = cc.chunk_example(nlp, chunk, stats, teacher_doc=teacher_doc)
    assert [(e.text, e.label_) for e in ex.reference.ents] == [
        ("Kemi Adeyemi", "PERSON"), ("Tesco Bank", "ORG"), ("Leeds", "LOC")]
    assert stats.teacher_spans == {"ORG": 1, "LOC": 1}


def test_train_option_builds_examples_and_default_has_none(tmp_path):
    corpus = _write_case(tmp_path)
    assert Settings().case_corpora == "" and Settings().case_repeat == 1  # default recipe unchanged
    s = Settings(case_corpora=str(corpus))
    examples, sources, stats = case_training_examples(build_nlp(s), s)
    assert sources == ["corpus_x"] * len(examples) and len(examples) == stats.chunks == 1
    assert stats.person_kept == 2


def test_case_dev_scores_the_chunks_by_character_offsets(tmp_path):
    from spacy.tokens import Span

    from recognizers.ner.train import case_dev_chunks, evaluate_chunks

    corpus = _write_case(tmp_path)
    assert Settings().case_dev == ""  # by default UNER EWT dev picks the epoch
    chunks = case_dev_chunks(Settings(case_dev=str(corpus)))
    assert len(chunks) == 1 and len(chunks[0].spans) == 3  # every gold person (scored by characters, not tokens)

    class OnePerson:
        """A stand-in pipeline that tags "Dariusz Nowak" (right) and "Tesco" (wrong) as PERSON."""

        def __init__(self):
            self.nlp = spacy.blank("en")

        def pipe(self, texts, batch_size=64):
            for t in texts:
                doc = self.nlp(t)
                spans = [doc.char_span(t.index("Dariusz Nowak"), t.index("Dariusz Nowak") + 13, label="PERSON"),
                         doc.char_span(t.index("Tesco"), t.index("Tesco") + 5, label="PERSON")]
                doc.ents = [s for s in spans if isinstance(s, Span)]
                yield doc

    got = evaluate_chunks(OnePerson(), chunks)
    assert (got["tp"], got["predicted"], got["gold"]) == (1, 2, 3)
    assert got["precision"] == 0.5 and got["recall"] == 0.3333
