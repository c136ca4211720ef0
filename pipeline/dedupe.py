"""Duplicates: disclose each piece of content once.

* **Exact duplicates** have the same content hash: the SHA-256 of the extracted text,
  case-folded and whitespace-normalised (so a DOCX and the PDF printed from it, or an
  attachment also filed on its own, are the same item). A document with no text at all
  (e.g. an image without OCR text) is keyed by its source file's hash instead.
* **Near-duplicates**: at least ``threshold`` (95 %) of the *shorter* document's text is
  contained in the other, e.g. an email quoted in full in a later reply. Containment is
  measured on word shingles (runs of ``k`` words), counted as multisets so that repeated
  boilerplate is not counted twice, and line wrapping, quoting marks (``>``) and
  punctuation do not matter: ``|S(short) & S(long)| / |S(short)|``.

The longer document (the one that contains the other) is disclosed; between equal
candidates the earlier one in bundle order wins. Every duplicate points at a disclosed
keeper, never at another duplicate.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)

EXACT = "exact"
NEAR = "near"


@dataclass(frozen=True)
class DuplicateMatch:
    doc_id: str
    duplicate_of: str
    kind: str  # EXACT or NEAR
    containment: float  # share of this document's shingles found in the kept one (1.0 for exact)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def content_hash(text: str) -> str:
    """SHA-256 of the whitespace-normalised, case-folded text."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


def shingles(tokens: list[str], k: int = 4) -> Counter[int]:
    """Hashed k-word shingles with their counts (a short text gives one shingle of all its words)."""
    if len(tokens) <= k:
        return Counter([hash(tuple(tokens))]) if tokens else Counter()
    return Counter(hash(tuple(tokens[i:i + k])) for i in range(len(tokens) - k + 1))


def find_duplicates(
    docs: list[tuple[str, str, str]],
    *,
    threshold: float = 0.95,
    min_words: int = 25,
    k: int = 4,
) -> dict[str, DuplicateMatch]:
    """``docs`` is ``[(doc_id, text, source_sha256), ...]`` in bundle order. Returns the
    duplicates, keyed by doc_id; every other document is a keeper.

    Near-duplicate matching only applies when the shorter text has at least ``min_words``
    words: two short notes that say "Call received" are not the same document.
    """
    prepared = []
    for order, (doc_id, text, sha) in enumerate(docs):
        toks = words(text)
        key = "t:" + content_hash(text) if toks else "f:" + sha
        prepared.append((order, doc_id, toks, key))

    # Longest first, so a document is only ever compared with documents at least as long;
    # ties keep bundle order.
    prepared.sort(key=lambda p: (-len(p[2]), p[0]))
    kept_by_key: dict[str, str] = {}
    kept_shingles: list[tuple[str, Counter[int]]] = []
    index: dict[int, list[int]] = {}  # shingle -> positions in kept_shingles
    out: dict[str, DuplicateMatch] = {}
    for _order, doc_id, toks, key in prepared:
        if key in kept_by_key:
            out[doc_id] = DuplicateMatch(doc_id, kept_by_key[key], EXACT, 1.0)
            continue
        sh = shingles(toks, k) if len(toks) >= min_words else Counter()
        if sh:
            total = sum(sh.values())
            hits: Counter[int] = Counter()
            for s, n in sh.items():
                for pos in index.get(s, ()):
                    hits[pos] += min(n, kept_shingles[pos][1][s])
            best = None
            for pos, n in hits.items():
                c = n / total
                if c >= threshold and (best is None or c > best[1] or (c == best[1] and pos < best[0])):
                    best = (pos, c)
            if best is not None:
                out[doc_id] = DuplicateMatch(doc_id, kept_shingles[best[0]][0], NEAR, round(best[1], 4))
                continue
        kept_by_key[key] = doc_id
        pos = len(kept_shingles)
        kept_shingles.append((doc_id, sh))
        for s in sh:
            index.setdefault(s, []).append(pos)
    return out
