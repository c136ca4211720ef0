"""Allow-list (organisational data that stays) and deny-list (always redact).

One term a line; blank lines and lines starting with ``#`` are ignored. Terms match
case-insensitively, with any run of whitespace or commas between words (so an
organisation's address matches across line breaks).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

DATA = Path(__file__).parent / "data"
DEFAULT_ALLOW = DATA / "allow_list.txt"
DEFAULT_DENY = DATA / "deny_list.txt"


def read_terms(path: Path | None) -> tuple[str, ...]:
    if path is None:
        return ()
    path = Path(path)
    if not path.exists():
        return ()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


def term_regex(term: str) -> str:
    parts = [p for p in re.split(r"[\s,]+", term.strip()) if p]
    body = r"[\s,]+".join(re.escape(p) for p in parts)
    left = r"(?<![\w])" if parts and re.match(r"\w", parts[0]) else ""
    right = r"(?![\w])" if parts and re.search(r"\w$", parts[-1]) else ""
    return left + body + right


@dataclass(frozen=True)
class TermList:
    """Compiled terms; ``spans(text)`` gives every (start, end) where a term occurs."""

    terms: tuple[str, ...]
    regex: "re.Pattern[str] | None"

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.regex is None:
            return []
        return [m.span() for m in self.regex.finditer(text)]


@functools.lru_cache(maxsize=256)
def compile_terms(terms: tuple[str, ...]) -> TermList:
    terms = tuple(t for t in terms if t.strip())
    if not terms:
        return TermList((), None)
    # each term's regex with the term's first character; longest first so the whole
    # organisation address wins over its name alone
    first = {term_regex(t): next((w for w in re.split(r"[\s,]+", t) if w), " ")[0] for t in terms}
    alts = sorted(first, key=len, reverse=True)
    return TermList(terms, re.compile("(?i:" + _by_first_char(alts, first) + ")"))


def _by_first_char(alts: list[str], first: dict[str, str]) -> str:
    """``alts`` (longest first) as one alternation per first character of the term (``first``),
    each behind a one-character look-ahead: the same matches as ``"|".join(alts)`` (two terms
    that can match at the same place start with the same letter and keep their order), but
    most places are rejected by a character test instead of by trying every term."""
    groups: dict[str, list[str]] = {}
    for a in alts:
        c = first[a]
        low = c.lower()
        if not c.strip() or len(low) != 1 or c.upper().lower() != low:
            return "|".join(alts)  # a term whose first letter does not fold simply: no grouping
        groups.setdefault(low, []).append(a)
    return "|".join("(?=" + re.escape(c) + ")(?:" + "|".join(g) + ")" for c, g in groups.items())


def load_list(paths: Iterable[Path | None], extra: Iterable[str] = ()) -> TermList:
    terms: list[str] = []
    for p in paths:
        terms.extend(read_terms(p))
    terms.extend(t for t in extra if t and t.strip())
    return compile_terms(tuple(terms))
