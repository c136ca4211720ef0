"""Name gazetteer (derived from names-dataset by build_gazetteer.py) and word frequency."""
from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Title-cased first name -> gender (M, F or N)."""
    out: dict[str, str] = {}
    path = DATA / "first_names.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                name, _, g = line.partition("\t")
                out[name] = g or "N"
    return out


@functools.lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    path = DATA / "surnames.txt"
    if not path.exists():
        return frozenset()
    return frozenset(l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#"))


@functools.lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common ``word`` is as an English word (Zipf scale: 7 = "the", 3 = rare)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


@functools.lru_cache(maxsize=200_000)
def _fold(tok: str) -> str:
    """"João" -> "Joao", "Wróblewski" -> "Wroblewski": the gazetteer is mostly unaccented."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(c)).replace(
        "ł", "l").replace("Ł", "L").replace("ø", "o").replace("đ", "d").replace("Đ", "D")


def is_first_name(tok: str) -> bool:
    key = tok[:1].upper() + tok[1:].lower()
    if key in first_names():
        return True
    return not key.isascii() and _fold(key) in first_names()


def is_surname(tok: str) -> bool:
    key = tok[:1].upper() + tok[1:].lower()
    if key in surnames():
        return True
    return not key.isascii() and _fold(key) in surnames()


def is_name_like(tok: str) -> bool:
    return is_first_name(tok) or is_surname(tok)
