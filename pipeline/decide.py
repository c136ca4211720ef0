"""Decide: turn suggestions into decisions, and keep redactions consistent across a case."""
from __future__ import annotations

from pipeline.codes import DecidedBy, DecisionState
from pipeline.models import Decision, PageText, Suggestion
from pipeline.verify import MIN_VALUE_CHARS, ValueMatcher, normalise_text, value_matcher


def auto_approve(suggestions: list[Suggestion]) -> dict[str, Decision]:
    """``--auto-approve``: accept every suggestion the policy makes, low-confidence ones included
    (a missed third party is a breach; an over-redaction is recoverable). They stay flagged."""
    return {
        s.id: Decision(s.id, DecisionState.ACCEPTED, s.reason, DecidedBy.AUTO) for s in suggestions
    }


def sweep_index(accepted: list[Suggestion], rejected_values: set[str]) -> tuple[ValueMatcher | None, dict[str, Suggestion]]:
    """What the sweep looks for: one matcher for every accepted value (the first accepted
    suggestion of each value gives the new ones their type and reason), and that suggestion
    by case-folded value."""
    by_value: dict[str, Suggestion] = {}
    for s in accepted:
        v = normalise_text(s.text)
        if len(v) >= MIN_VALUE_CHARS and v not in rejected_values:
            by_value.setdefault(v, s)
    return value_matcher(set(by_value)), {k.casefold(): s for k, s in by_value.items()}


def sweep_occurrences(
    doc_id: str,
    pages: list[PageText],
    existing: list[Suggestion],
    accepted: list[Suggestion],
    rejected_values: set[str],
    index: "tuple[ValueMatcher | None, dict[str, Suggestion]] | None" = None,
) -> list[Suggestion]:
    """New suggestions for every other occurrence, on these pages, of a value accepted anywhere
    in the case, so the same person's data is never redacted in one place and left in another.
    ``index`` is :func:`sweep_index` of ``accepted`` and ``rejected_values``, when the caller
    sweeps many documents with the same ones."""
    pat, lookup = index or sweep_index(accepted, rejected_values)
    if pat is None:
        return []
    covered: dict[int, list[tuple[int, int]]] = {}
    for s in existing:
        covered.setdefault(s.page, []).append((s.start, s.end))
    out: list[Suggestion] = []
    for pt in pages:
        spans = covered.get(pt.page, [])
        for m in pat.finditer(pt.text):
            a, b = m.span()
            # Skip only an occurrence already covered in full: "Maria Pearce" partly covered by a
            # suggestion for "Maria" must still be swept, or "Pearce" would survive.
            if any(s <= a and b <= e for s, e in spans):
                continue
            src = lookup.get(normalise_text(m.group()).casefold())
            if src is None:
                continue
            rects = pt.span_rects(a, b)
            if not rects:
                continue
            out.append(
                Suggestion(
                    id=Suggestion.make_id(doc_id, pt.page, a, b, str(src.entity_type), m.group()),
                    doc_id=doc_id,
                    page=pt.page,
                    rects=rects,
                    entity_type=src.entity_type,
                    recognizer="consistency",
                    score=src.score,
                    party=src.party,
                    reason=src.reason,
                    needs_review=src.needs_review,
                    start=a,
                    end=b,
                    text=m.group(),
                )
            )
            spans.append((a, b))
    return out
