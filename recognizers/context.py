"""Context matching over a window of lower-cased tokens (and lemmas).

Presidio's own enhancer compares single lemmas, so a two-word context such as
"national insurance" or "date of birth" can never match. Here a context phrase is
split into words and matched as a contiguous run inside the window of tokens before
(and a few after) the entity; each word may match the token's lower-cased text or
its lemma.
"""
from __future__ import annotations

import bisect
import copy
import re
from typing import Iterable, Sequence

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

_SPLIT = re.compile(r"[\s\-./:]+")


def phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in _SPLIT.split(phrase.lower()) if w)


def _norm_tok(t: str) -> str:
    return t.lower().strip(".:;,()[]'\"")


def window_tokens(nlp_artifacts, start: int, end: int, before: int, after: int) -> list[tuple[str, str]]:
    """(lower text, lemma) pairs for up to ``before`` tokens before ``start`` and ``after`` after ``end``."""
    idx = nlp_artifacts.tokens_indices
    i0 = bisect.bisect_left(idx, start)
    i1 = bisect.bisect_left(idx, end)
    table = getattr(nlp_artifacts, "window_table", None)
    if table is not None:
        # the same, read off the page's token attributes as arrays (no Token object per token)
        space, punct, orth, lemma, strings = table()
        out = []
        for i in range(max(0, i0 - before), i0):
            if space[i] or punct[i] and strings[orth[i]] not in {".", "/"}:
                continue
            out.append((_norm_tok(strings[orth[i]]), (strings[lemma[i]] or "").lower()))
        for i in range(i1, min(len(idx), i1 + after)):
            if space[i] or punct[i]:
                continue
            out.append((_norm_tok(strings[orth[i]]), (strings[lemma[i]] or "").lower()))
        return out
    return _window_tokens_plain(nlp_artifacts, i0, i1, before, after)


def _window_tokens_plain(nlp_artifacts, i0: int, i1: int, before: int, after: int) -> list[tuple[str, str]]:
    doc = nlp_artifacts.tokens
    lemmas = nlp_artifacts.lemmas
    out = []
    for i in range(max(0, i0 - before), i0):
        t = doc[i]
        if t.is_space or t.is_punct and t.text not in {".", "/"}:
            continue
        out.append((_norm_tok(t.text), (lemmas[i] or "").lower()))
    for i in range(i1, min(len(doc), i1 + after)):
        t = doc[i]
        if t.is_space or t.is_punct:
            continue
        out.append((_norm_tok(t.text), (lemmas[i] or "").lower()))
    return out


def find_phrase(window: Sequence[tuple[str, str]], phrases: Iterable[tuple[str, ...]]) -> str | None:
    """The first phrase that occurs as a contiguous run of words in the window."""
    words = [w for w, _ in window]
    lem = [lm for _, lm in window]
    n = len(words)
    present = set(words)
    present.update(lem)
    for ph in phrases:
        k = len(ph)
        if not k or ph[0] not in present:  # (a phrase whose first word is nowhere cannot occur)
            continue
        for i in range(0, n - k + 1):
            if all(words[i + j] == ph[j] or lem[i + j] == ph[j] for j in range(k)):
                return " ".join(ph)
    # dotted abbreviations tokenised whole ("d.o.b.") fall through to a joined check
    joined = " ".join(words)
    for ph in phrases:
        if len(ph) == 1 and len(ph[0]) > 3 and ph[0] in joined.replace(".", ""):
            return ph[0]
    return None


def text_has_phrase_before(text: str, start: int, pattern: "re.Pattern[str]", chars: int = 60) -> bool:
    """Cheap character-window check for recognizers that work on raw text."""
    return pattern.search(text, max(0, start - chars), start) is not None


# a table: cells split by "|", a tab or a run of two or more spaces
_CELL_GAP = re.compile(r"[ \t]*\|[ \t]*|\t+|[ \t]{2,}")
HEADER_LINES_UP = 4  # a table's rows under its header
_RULE_LINE = re.compile(r"[ \t|+:=\-–—_]+")


def _cells(line: str, gap: "re.Pattern[str]" = _CELL_GAP) -> list[tuple[int, int]]:
    """The (start, end) of each cell of ``line``, cells split by ``gap`` (by default "|", a tab or two spaces)."""
    out, pos = [], 0
    for m in gap.finditer(line):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(line):
        out.append((pos, len(line)))
    return out


def header_cell_above(text: str, start: int, end: int, lines_up: int = HEADER_LINES_UP) -> str | None:
    """The column header over a value in a table: the value's line and every line up to the header
    have two or more cells, no line between is blank, and the header is the first line up with no
    digit in it; the header cell is the one over the value's column ("Registration", "Driver DOB").
    None when the value is not in such a table."""
    if "\n" in text[start:end]:
        return None
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    if len(_cells(text[ls: le if le >= 0 else len(text)])) < 2:
        return None
    col0, col1 = start - ls, end - ls
    line_end = ls - 1
    for _ in range(lines_up):
        if line_end < 0:
            return None
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end]
        if line.strip() and _RULE_LINE.fullmatch(line):
            line_end = line_start - 1  # (a table's rule under its header: "|------|------|", "----  ----")
            continue
        cells = _cells(line)
        if len(cells) < 2:
            return None
        if not any(ch.isdigit() for ch in line):
            best, most = None, 0
            for a, b in cells:
                ov = min(b, col1) - max(a, col0)
                if ov > most:
                    best, most = line[a:b], ov
            return best
        line_end = line_start - 1
    return None


class WindowContextEnhancer(ContextAwareEnhancer):
    """Raise a result's score when one of its recognizer's context phrases is near it."""

    def __init__(
        self,
        context_similarity_factor: float = 0.35,
        min_score_with_context_similarity: float = 0.4,
        context_prefix_count: int = 8,
        context_suffix_count: int = 2,
    ):
        super().__init__(
            context_similarity_factor=context_similarity_factor,
            min_score_with_context_similarity=min_score_with_context_similarity,
            context_prefix_count=context_prefix_count,
            context_suffix_count=context_suffix_count,
        )
        self._phrases: dict[int, list[tuple[str, ...]]] = {}

    def _recognizer_phrases(self, recognizer: EntityRecognizer) -> list[tuple[str, ...]]:
        key = id(recognizer)
        got = self._phrases.get(key)
        if got is None:
            ctx = getattr(recognizer, "context", None) or []
            got = sorted({phrase_words(c) for c in ctx if c.strip()}, key=len, reverse=True)
            self._phrases[key] = got
        return got

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        if nlp_artifacts is None or not raw_results:
            return raw_results
        by_id = {r.id: r for r in recognizers}
        extra = [phrase_words(c) for c in (context or [])]
        results = []
        for res in raw_results:
            rec = by_id.get((res.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if rec is None or res.score >= EntityRecognizer.MAX_SCORE:
                results.append(res)
                continue
            if (res.recognition_metadata or {}).get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                results.append(res)
                continue
            phrases = self._recognizer_phrases(rec) + extra
            if not phrases:
                results.append(res)
                continue
            window = window_tokens(
                nlp_artifacts, res.start, res.end, self.context_prefix_count, self.context_suffix_count
            )
            hit = find_phrase(window, phrases)
            if not hit:
                # a table's column header naming the field, with the values in the rows below it
                head = header_cell_above(text, res.start, res.end)
                if head:
                    words = [(w, w) for w in phrase_words(head)]
                    hit = find_phrase(words, phrases)
            if hit:
                res = copy.copy(res)
                res.score = min(
                    max(res.score + self.context_similarity_factor, self.min_score_with_context_similarity),
                    EntityRecognizer.MAX_SCORE,
                )
                res.recognition_metadata = dict(res.recognition_metadata or {})
                res.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
                if res.analysis_explanation is not None:
                    res.analysis_explanation.set_supportive_context_word(hit)
            results.append(res)
        return results
