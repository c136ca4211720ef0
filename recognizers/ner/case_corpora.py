"""The project's hand-labelled case corpora as NER training examples.

A case corpus is a case store: ``<CASE>/documents/<doc>.txt`` with gold labels in
``<CASE>/gold/<doc>.json`` (a list of ``{"start", "end", "text", "entity_type", "party"}``).
Only ``PERSON`` gold items become NER labels (requester, third_party and unknown are all
people); every other gold type (addresses, phone numbers...) is not an NER label.

Documents are cut into paragraph-sized chunks (at blank lines, then at line breaks when a
paragraph is still too long). A gold span that crosses a chunk boundary, does not match the
document text, does not align with the tokeniser's tokens, or overlaps another gold span is
dropped and counted.

Organisation names and places carry no gold label in these corpora. So as not to teach the
model that they are not entities, an optional *teacher* pipeline (the shipped model) may
supply ORG/LOC spans for each chunk; a teacher span overlapping a gold PERSON span is not used,
and the teacher's PERSON spans are never used.

Nothing here prints document text; :class:`CaseStats` holds counts only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

MAX_CHUNK_CHARS = 1500


@dataclass
class CaseChunk:
    text: str
    spans: list[tuple[int, int, str]]  # chunk-relative (start, end, label)
    source: str  # corpus folder name
    doc_id: str  # "<CASE>/<doc>"


@dataclass
class CaseStats:
    documents: int = 0
    chunks: int = 0
    person_gold: int = 0
    person_kept: int = 0
    dropped_text_mismatch: int = 0
    dropped_crosses_chunk: int = 0
    dropped_misaligned: int = 0
    dropped_overlap: int = 0
    other_types_ignored: int = 0
    teacher_spans: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def chunk_bounds(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces covering ``text``: paragraphs (split at blank lines) merged up to
    ``max_chars``; a longer paragraph is split at line breaks (a single longer line stays whole).
    Boundaries fall only on newline characters, which belong to no chunk's content span."""
    pieces: list[tuple[int, int]] = []
    # paragraphs: maximal runs of non-blank lines
    pos = 0
    lines: list[tuple[int, int]] = []
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    para: list[tuple[int, int]] = []
    paras: list[list[tuple[int, int]]] = []
    for a, b in lines:
        if text[a:b].strip():
            para.append((a, b))
        elif para:
            paras.append(para)
            para = []
    if para:
        paras.append(para)
    # each paragraph -> one or more line groups of <= max_chars
    groups: list[tuple[int, int]] = []
    for para in paras:
        start, end = para[0][0], para[0][1]
        for a, b in para[1:]:
            if b - start > max_chars:
                groups.append((start, end))
                start = a
            end = b
        groups.append((start, end))
    # merge consecutive groups while they fit
    for a, b in groups:
        if pieces and b - pieces[-1][0] <= max_chars:
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    return pieces


def document_chunks(text: str, gold: list[dict], stats: CaseStats, source: str, doc_id: str,
                    max_chars: int = MAX_CHUNK_CHARS) -> list[CaseChunk]:
    """Chunks of one document with its PERSON gold spans (chunk-relative)."""
    persons = []
    for g in gold:
        if g.get("entity_type") != "PERSON":
            stats.other_types_ignored += 1
            continue
        stats.person_gold += 1
        s, e = int(g["start"]), int(g["end"])
        if text[s:e] != g.get("text", text[s:e]) or not text[s:e].strip():
            stats.dropped_text_mismatch += 1
            continue
        persons.append((s, e))
    persons.sort()
    # overlapping gold spans: keep the first (longest first at equal start)
    kept: list[tuple[int, int]] = []
    for s, e in sorted(persons, key=lambda x: (x[0], -x[1])):
        if kept and s < kept[-1][1]:
            stats.dropped_overlap += 1
            continue
        kept.append((s, e))
    out = []
    bounds = chunk_bounds(text, max_chars)
    placed = [False] * len(kept)
    for a, b in bounds:
        spans = []
        for i, (s, e) in enumerate(kept):
            if s >= a and e <= b:
                spans.append((s - a, e - a, "PERSON"))
                placed[i] = True
        out.append(CaseChunk(text[a:b], spans, source, doc_id))
    stats.dropped_crosses_chunk += placed.count(False)
    stats.chunks += len(out)
    return out


def load_case_chunks(corpus_dirs: list[Path], stats: CaseStats,
                     max_chars: int = MAX_CHUNK_CHARS) -> list[CaseChunk]:
    """Every ``<CASE>/documents/<doc>.txt`` with a ``<CASE>/gold/<doc>.json`` in the given corpora,
    in sorted order."""
    chunks: list[CaseChunk] = []
    for corpus in corpus_dirs:
        corpus = Path(corpus)
        for case in sorted(p for p in corpus.iterdir() if p.is_dir() and (p / "documents").is_dir()):
            for doc in sorted((case / "documents").glob("*.txt")):
                gold_path = case / "gold" / (doc.stem + ".json")
                if not gold_path.is_file():
                    continue
                text = doc.read_text(encoding="utf-8")
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                stats.documents += 1
                chunks += document_chunks(text, gold, stats, corpus.name, f"{case.name}/{doc.stem}", max_chars)
    return chunks


def chunk_example(nlp, chunk: CaseChunk, stats: CaseStats, teacher=None, teacher_doc=None):
    """A spaCy ``Example`` for one chunk: gold PERSON spans that align with the tokens
    (misaligned ones dropped and counted), plus the teacher's ORG/LOC spans that overlap
    no gold PERSON span. Every other token is outside any entity."""
    from spacy.training import Example
    from spacy.util import filter_spans

    ref = nlp.make_doc(chunk.text)
    spans = []
    for s, e, label in chunk.spans:
        span = ref.char_span(s, e, label=label, alignment_mode="strict")
        if span is None:
            stats.dropped_misaligned += 1
            continue
        spans.append(span)
    stats.person_kept += len(spans)
    if teacher is not None or teacher_doc is not None:
        tdoc = teacher_doc if teacher_doc is not None else teacher(chunk.text)
        for ent in tdoc.ents:
            if ent.label_ not in ("ORG", "LOC"):
                continue
            if any(ent.start_char < e and s < ent.end_char for s, e, _ in chunk.spans):
                continue
            span = ref.char_span(ent.start_char, ent.end_char, label=ent.label_, alignment_mode="strict")
            if span is None:
                continue
            spans.append(span)
            stats.teacher_spans[ent.label_] = stats.teacher_spans.get(ent.label_, 0) + 1
    ref.ents = filter_spans(spans)
    return Example(nlp.make_doc(chunk.text), ref)
