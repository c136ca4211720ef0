"""Readers for the public NER corpora in ``../shared/data/ner``.

Every reader returns :class:`Sentence` objects whose tags are BIO over one label
set, :data:`LABELS` (PERSON, ORG, LOC). Other entity types (MISC, product,
creative-work...) are dropped, i.e. tagged ``O``.

The UNER English-EWT test split is the held-out evaluation set:
:func:`training_files` never lists it, and :func:`load_training` refuses to read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

LABELS: tuple[str, ...] = ("PERSON", "ORG", "LOC")

#: Relative path (inside the data dir) of the held-out evaluation file.
HELD_OUT = "uner_en_ewt/en_ewt-ud-test.iob2"


@dataclass(frozen=True)
class Sentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # "O", "B-PERSON", "I-ORG", ...
    spaces: tuple[bool, ...]
    source: str  # corpus name, e.g. "wikigold"
    doc_id: str = ""

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces))


# ---------------------------------------------------------------- label mapping

#: Raw entity type (lower-cased, without the B-/I- prefix) -> our label; absent = dropped.
TYPE_MAP: dict[str, str] = {
    "per": "PERSON",
    "person": "PERSON",
    "org": "ORG",
    "corporation": "ORG",
    "group": "ORG",
    "loc": "LOC",
    "location": "LOC",
    "gpe": "LOC",
}


def normalise_tags(raw: Iterable[str]) -> list[str]:
    """Map raw IOB/IO/BIO tags to BIO over :data:`LABELS`.

    Handles the IO scheme (wikigold, sec-filings): an ``I-X`` that does not
    continue an ``X`` entity starts one. Unknown types become ``O``.
    """
    out: list[str] = []
    prev = "O"
    for tag in raw:
        tag = tag.strip()
        if not tag or tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, _, etype = tag.partition("-")
        label = TYPE_MAP.get(etype.lower())
        if label is None or prefix.upper() not in ("B", "I", "E", "S"):
            out.append("O")
            prev = "O"
            continue
        if prefix.upper() in ("B", "S") or prev != label:
            out.append("B-" + label)
        else:
            out.append("I-" + label)
        prev = label
    return out


# ---------------------------------------------------------------- spacing

_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't",
                    "'re", "'ve", "'ll", "'d", "'m", "...", "''", "\""}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "``", "£"}


def guess_spaces(words: list[str]) -> list[bool]:
    """Plausible trailing-space flags for pre-tokenised text (no original text given)."""
    spaces = [True] * len(words)
    for i, w in enumerate(words):
        if w in _NO_SPACE_AFTER:
            spaces[i] = False
        if i + 1 < len(words) and words[i + 1] in _NO_SPACE_BEFORE:
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


def spaces_from_text(words: list[str], text: str) -> list[bool] | None:
    """Trailing-space flags recovered by aligning tokens to the original sentence text."""
    spaces: list[bool] = []
    pos = 0
    for w in words:
        idx = text.find(w, pos)
        if idx < 0 or text[pos:idx].strip():
            return None
        if spaces:
            spaces[-1] = idx > pos
        spaces.append(False)
        pos = idx + len(w)
    return spaces


# ---------------------------------------------------------------- readers


def _make(words: list[str], raw_tags: list[str], source: str, doc_id: str = "",
          text: str | None = None) -> Sentence | None:
    keep = [i for i, w in enumerate(words) if w.strip()]
    words = [words[i].strip() for i in keep]
    raw_tags = [raw_tags[i] for i in keep]
    if not words:
        return None
    spaces = spaces_from_text(words, text) if text else None
    if spaces is None:
        spaces = guess_spaces(words)
    return Sentence(tuple(words), tuple(normalise_tags(raw_tags)), tuple(spaces), source, doc_id)


def _blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    block: list[str] = []
    for line in lines:
        line = line.rstrip("\n").rstrip("\r")
        if not line.strip():
            if block:
                yield block
                block = []
            continue
        block.append(line)
    if block:
        yield block


def parse_uner(lines: Iterable[str], source: str = "uner_en_ewt") -> list[Sentence]:
    """UNER iob2: ``# text = ...`` comments, then ``id<TAB>token<TAB>tag<TAB>...``."""
    out: list[Sentence] = []
    doc_id = ""
    for block in _blocks(lines):
        words, tags, text = [], [], None
        for line in block:
            if line.startswith("#"):
                if line.startswith("# newdoc id ="):
                    doc_id = line.split("=", 1)[1].strip()
                elif line.startswith("# text ="):
                    text = line.split("=", 1)[1].strip()
                continue
            cols = line.split("\t")
            if len(cols) < 3 or not re.fullmatch(r"\d+", cols[0]):
                continue  # multi-word token ranges / empty nodes
            words.append(cols[1])
            tags.append(cols[2])
        s = _make(words, tags, source, doc_id, text)
        if s:
            out.append(s)
    return out


def parse_columns(lines: Iterable[str], source: str, sep: str | None = None) -> list[Sentence]:
    """Token first, tag last; blank line between sentences; ``-DOCSTART-`` skipped.

    Covers wikigold (``tok TAG``), wnut17 / btc (``tok\\tTAG``) and the
    CoNLL-2003 four-column layout of sec-filings (``tok POS chunk TAG``).
    """
    out: list[Sentence] = []
    for block in _blocks(lines):
        words, tags = [], []
        for line in block:
            cols = line.split(sep) if sep else line.split()
            if sep and len(cols) < 2:
                continue
            if not sep and len(cols) < 2:
                continue
            if cols[0] == "-DOCSTART-":
                continue
            words.append(cols[0])
            tags.append(cols[-1])
        s = _make(words, tags, source)
        if s:
            out.append(s)
    return out


def parse_wikigold(lines: Iterable[str]) -> list[Sentence]:
    return parse_columns(lines, "wikigold", sep=None)


def parse_wnut17(lines: Iterable[str]) -> list[Sentence]:
    return parse_columns(lines, "wnut17", sep="\t")


def parse_btc(lines: Iterable[str]) -> list[Sentence]:
    return parse_columns(lines, "btc", sep="\t")


#: sec-filings tags contract roles ("Borrower", "Lender") as PER; they are not people's names.
_SEC_ROLE_WORDS = {"borrower", "borrowers", "lender", "lenders", "guarantor", "guarantors"}


def parse_sec(lines: Iterable[str]) -> list[Sentence]:
    out = []
    for s in parse_columns(lines, "sec-filings", sep=None):
        tags = list(s.tags)
        for i, w in enumerate(s.words):
            if tags[i] != "O" and w.lower() in _SEC_ROLE_WORDS:
                tags[i] = "O"
        tags = normalise_tags(tags)  # repair I- after a removed B-
        out.append(Sentence(s.words, tuple(tags), s.spaces, s.source, s.doc_id))
    return out


# ---------------------------------------------------------------- registry

#: (corpus folder, file patterns, parser). Test split of UNER deliberately absent.
CORPORA: list[tuple[str, tuple[str, ...], Callable[[Iterable[str]], list[Sentence]]]] = [
    ("uner_en_ewt", ("en_ewt-ud-dev.iob2",), parse_uner),
    ("wikigold", ("wikigold.conll",), parse_wikigold),
    ("wnut17", ("wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated"), parse_wnut17),
    ("btc", ("a.conll", "b.conll", "e.conll", "f.conll", "g.conll", "h.conll"), parse_btc),
    ("sec-filings", ("FIN3.conll", "FIN5.conll"), parse_sec),
]


def _is_held_out(path: Path, data_dir: Path) -> bool:
    try:
        rel = path.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    return rel == HELD_OUT or path.name == Path(HELD_OUT).name


def training_files(data_dir: Path) -> list[tuple[Path, Callable[[Iterable[str]], list[Sentence]]]]:
    """Existing training files under ``data_dir`` with their parser (never the held-out file)."""
    data_dir = Path(data_dir)
    files = []
    for folder, names, parser in CORPORA:
        for name in names:
            path = data_dir / folder / name
            if path.is_file() and not _is_held_out(path, data_dir):
                files.append((path, parser))
    return files


def read_file(path: Path, parser: Callable[[Iterable[str]], list[Sentence]]) -> list[Sentence]:
    with open(path, encoding="utf-8", errors="replace") as fh:
        return parser(fh)


def load_training(data_dir: Path) -> list[Sentence]:
    """All training sentences, in a fixed order."""
    data_dir = Path(data_dir)
    out: list[Sentence] = []
    for path, parser in training_files(data_dir):
        if _is_held_out(path, data_dir):  # belt and braces
            raise RuntimeError(f"{path}: the held-out evaluation file must not be trained on")
        out.extend(read_file(path, parser))
    return out


def load_heldout(data_dir: Path) -> list[Sentence]:
    """The UNER EWT test split, for evaluation only."""
    return read_file(Path(data_dir) / HELD_OUT, parse_uner)


def entity_spans(tags: Iterable[str]) -> set[tuple[int, int, str]]:
    """(start, end, label) token spans from BIO tags."""
    spans: set[tuple[int, int, str]] = set()
    start, label = None, None
    tags = list(tags)
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                spans.add((start, i, label))
                start, label = None, None
            if t.startswith("B-") or t.startswith("I-"):
                start, label = i, t[2:]
    return spans
