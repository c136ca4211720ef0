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
    if "-" in key:
        return _hyphenated_given(key.lower())
    return not key.isascii() and _fold(key) in first_names()


# the syllables of Korean given names as romanised (Revised Romanisation and McCune-Reischauer spellings):
# a given name is two of them, often hyphenated ("Seo-yeon", "Min-seok", "Jun-ho"), which the lists keep
# only run together ("Seoyeon")
_KO_SYLLABLES = frozenset("""
a ae ah bin bo bok bong byeong byung chae chan chang cheol cheon chul chun da dae dam dong eun gi gil gu gun
gyeong gyu ha hae han hee heon ho hoon hun hwa hwan hye hyeok hyeon hyo hyuk hyun il jae jeong ji jin jong joo
ju jun jung ki kwang kyu kyung mi min myeong myung na nam rim rin ryeong ryung sang se seo seok seon seong seul
seung si sik so sol son soo sook su suk sun sung tae u won woo woong ye yeon yeong yong young yoon yu yun
""".split())


@functools.lru_cache(maxsize=20_000)
def _hyphenated_given(low: str) -> bool:
    """"seo-yeon", "min-seok": two syllables of a Korean given name, not an English compound ("so-so", "ye-ha")."""
    parts = low.split("-")
    if len(parts) != 2 or parts[0] == parts[1] or not all(p in _KO_SYLLABLES for p in parts):
        return False
    if parts[0] in ("a", "u", "so", "si", "na", "da") and len(parts[1]) <= 2:
        return False
    return zipf("".join(parts)) < 2.5  # (run together, no English word: not "sun-set")


def is_surname(tok: str) -> bool:
    key = tok[:1].upper() + tok[1:].lower()
    if key in surnames():
        return True
    return not key.isascii() and _fold(key) in surnames()


def is_name_like(tok: str) -> bool:
    return is_first_name(tok) or is_surname(tok)


# name particles and given-name parts of non-Anglo names that are also (or look like) ordinary words or
# abbreviations: "Nguyen Thi Hoa", "Inam Ul Haq", "Joao dos Reis", "Siti binti Yusof"; a name part only
# inside a longer name, never a name on its own
NAME_PARTICLES = frozenset({
    "thi", "thị", "van", "văn", "bin", "binti", "binte", "bint", "ibn", "ul", "ud", "ur", "al", "el", "de", "da",
    "dos", "das", "do", "di", "del", "della", "der", "den", "von", "la", "le", "ter", "ap", "abu", "abd", "kumar",
})


def is_inner_particle(toks: list[str], i: int) -> bool:
    """Is ``toks[i]`` a name particle between two other words of a name?"""
    return 0 < i < len(toks) - 1 and toks[i].lower() in NAME_PARTICLES
