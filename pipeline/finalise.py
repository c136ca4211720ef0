"""Redact, bundle and verify a case whose suggestions have decisions."""
from __future__ import annotations

import functools
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

from pipeline.bundle import BundleItem, BundleOutput, assemble, number_items
from pipeline.codes import DecidedBy, DecisionState, DocStatus, PartyKind, ReasonCode
from pipeline.cover import CoverInfo, ScheduleRow, address_lines
from pipeline.decide import sweep_index, sweep_occurrences
from pipeline.dedupe import EXACT, find_duplicates
from pipeline.models import CaseRecord, Decision, DocumentResult, Suggestion
from pipeline.process import ProcessedDocument
from pipeline.redact import boxes_for, redact_pdf
from pipeline.verify import (
    VerificationReport,
    normalise_text,
    value_matcher,
    value_pattern,
    values_to_check,
    verify_pdf,
    xray_check,
)

log = logging.getLogger("sarpack.finalise")

ORDER_DATE = "date"
ORDER_SOURCE = "source"
ORDERS = (ORDER_DATE, ORDER_SOURCE)
_FALSE = {"0", "false", "no", "off"}


@dataclass
class RedactedDocument:
    doc_id: str
    pdf: bytes = field(repr=False)
    applied: list[Suggestion] = field(default_factory=list)
    report: VerificationReport | None = None  # the redacted document's own check, when already done
    fits: list[bool] | None = field(default=None, repr=False)  # bundle.pages_fit_unscaled, when already done


@dataclass
class CaseOutcome:
    case_id: str
    results: list[DocumentResult]
    bundle: BundleOutput | None
    verification: VerificationReport
    log_rows: list[dict] = field(default_factory=list)
    schedule: list = field(default_factory=list)  # ScheduleRow, in bundle order
    numbers: dict[str, str] = field(default_factory=dict)  # doc_id -> index item number
    bundle_date: date | None = None
    received: date | None = None
    policy: "BundlePolicy | None" = None
    needs_review_auto: dict[str, int] = field(default_factory=dict)  # doc_id -> flagged, auto-accepted

    @property
    def released(self) -> bool:
        return self.bundle is not None and self.verification.ok


def add_consistency(processed: list[ProcessedDocument], decisions: dict[str, Decision]) -> None:
    """Accepted values are redacted at every occurrence in the case, with the decision
    (reason, decider, reviewer) of the first accepted occurrence of the same value."""
    all_sugg = [s for p in processed for s in p.suggestions]
    accepted = [s for s in all_sugg if (d := decisions.get(s.id)) and d.state is DecisionState.ACCEPTED]
    rejected = {
        normalise_text(s.text)
        for s in all_sugg
        if (d := decisions.get(s.id)) and d.state is DecisionState.REJECTED
    }
    decision_by_value: dict[str, Decision] = {}
    for a in accepted:
        decision_by_value.setdefault(normalise_text(a.text).casefold(), decisions[a.id])
    index = sweep_index(accepted, rejected)
    for p in processed:
        if not p.ok:
            continue
        new = sweep_occurrences(p.source.doc_id, p.pages, p.suggestions, accepted, rejected, index)
        for s in new:
            d0 = decision_by_value[normalise_text(s.text).casefold()]
            decisions[s.id] = Decision(s.id, DecisionState.ACCEPTED, d0.reason, d0.decided_by, d0.reviewer)
        p.suggestions.extend(new)


def accepted_suggestions(p: ProcessedDocument, decisions: dict[str, Decision]) -> list[Suggestion]:
    """The suggestions of ``p`` to apply: the accepted ones, with the reviewer's reason."""
    applied = []
    for s in p.suggestions:
        d = decisions.get(s.id)
        if d is not None and d.state is DecisionState.ACCEPTED:
            if d.reason != s.reason:
                s = Suggestion(**{**s.__dict__, "reason": d.reason})
            applied.append(s)
    return applied


def redact_one(p: ProcessedDocument, decisions: dict[str, Decision], values: set[str] | None = None) -> RedactedDocument:
    """Apply exactly the accepted suggestions of one document (with the reviewer's reason);
    with ``values``, also verify the redacted document (re-extract it, look for them)."""
    return redact_applied(p, accepted_suggestions(p, decisions), values)


def redact_applied(p: ProcessedDocument, applied: list[Suggestion], values: set[str] | None = None) -> RedactedDocument:
    """Apply ``applied`` (see :func:`accepted_suggestions`) to one document; with ``values``,
    verify the result."""
    assert p.pdf is not None
    pdf = redact_pdf(p.pdf, boxes_for(applied))
    log.info("document %s: %d redaction(s) applied", p.source.doc_id, len(applied))
    report = None if values is None else verify_pdf(pdf, values, label=f"document {p.source.doc_id}")
    return RedactedDocument(p.source.doc_id, pdf, applied, report)


_TITLE_REDACTION = "[redacted]"


@functools.lru_cache(maxsize=8)
def _file_name_values(values: frozenset[str]) -> "re.Pattern[str] | None":
    """Every place in a file-name title where one of ``values`` (3+ characters) occurs, in any
    case, with ``_``, ``.``, ``-`` or spaces between its words, not inside a longer word:
    one look-ahead per position (group 1: the longest value that fits there), so values
    that overlap are all found, as one search per value would find them, in one pass."""
    from pipeline.verify import _WS, _fold, _trie_regex

    vals = [v for v in values if len(v) >= 3]
    if not vals:
        return None
    seqs = {tuple(_WS if c == " " else _fold(c) for c in v) for v in vals}
    if any(None in seq for seq in seqs):  # a character whose case does not fold simply: plain alternation
        body = "|".join(sorted({re.escape(v).replace(r"\ ", r"[\s_.-]+") for v in vals}, key=len, reverse=True))
    else:  # a trie of case-folded characters: at each place the longest value that fits, found a character at a time
        body = _trie_regex(seqs, ws=r"[\s_.-]+")
    return re.compile(r"(?<![^\W_])(?=((?:" + body + r"))(?![^\W_]))", re.IGNORECASE)


def values_in_file_names(values: frozenset[str] | set[str], titles: list[str]) -> frozenset[str]:
    """The ``values`` that could occur in any of ``titles`` (file-name titles) as
    :func:`_file_name_values` finds them: an ASCII value only if each of its letter/digit runs
    is in a title, lower-cased (for ASCII text that is all ``re.IGNORECASE`` compares).
    Every value when a title is not ASCII; values that are not ASCII always. Makes the
    pattern of a case's few file-name titles from a handful of values, not thousands."""
    if not titles or not all(t.isascii() for t in titles):
        return frozenset(values)
    text = "\n".join(titles).lower()
    return frozenset(
        v for v in values
        if not v.isascii() or all(run in text for run in re.findall(r"[a-z0-9]+", v.lower()))
    )


class KnownTitles:
    """An analyzer for :func:`safe_title` that answers for a document title from the findings
    worked out with the document (``ProcessedDocument.title_findings``, by the same analyzer,
    in a detection worker); any other text goes to ``make_analyzer()``, called on first need."""

    def __init__(self, processed: list[ProcessedDocument], make_analyzer):
        self.known: dict[str, list] = {}
        for p in processed:
            self.known.update(p.title_findings)
        self._make = make_analyzer
        self._analyzer = None

    def analyze_many(self, texts, extra_names=()):
        if not extra_names and all(t in self.known for t in texts):
            return [list(self.known[t]) for t in texts]
        if self._analyzer is None:
            self._analyzer = self._make()
        return self._analyzer.analyze_many(texts, extra_names)


def safe_title(title: str, analyzer, values_pattern, *, from_file_name: bool = False, values=()) -> str:
    """A title with any third-party data replaced, using the same detector and the case's
    accepted values. A title made from a file name is also checked case-insensitively
    (file names are often lower case: ``letter_from_dean_okafor.pdf``)."""
    spans: list[tuple[int, int]] = []
    if analyzer is not None:
        for f in analyzer.analyze_many([title])[0]:
            spans.append((f.start, f.end))
    if values_pattern is not None:
        spans += [m.span() for m in values_pattern.finditer(title)]
    if from_file_name:
        rx = _file_name_values(frozenset(values))
        if rx is not None:
            spans += [m.span(1) for m in rx.finditer(title)]
    for a, b in _merge(spans, reverse=True):
        title = title[:a] + _TITLE_REDACTION + title[b:]
    return re.sub(r"(\[redacted\]\s*)+", _TITLE_REDACTION + " ", title).strip()


def _merge(spans: list[tuple[int, int]], reverse: bool = False) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    merged = [(a, b) for a, b in out]
    return merged[::-1] if reverse else merged


def _has_title(p: ProcessedDocument) -> bool:
    nd = p.normalised
    return nd is not None and bool(nd.title and nd.title.strip())


def document_title(p: ProcessedDocument) -> str:
    """The document's own title (email subject, DOCX title or first heading, PDF title), else
    its file name made readable (``2026-01-12_letter_to_x.pdf`` -> ``2026-01-12 letter to x``)."""
    nd = p.normalised
    if nd is not None and nd.title and nd.title.strip():
        return " ".join(nd.title.split())[:200]
    name = PurePosixPath(p.source.source.split("#")[-1]).name
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    pretty = " ".join(stem.replace("_", " ").split())
    pretty = pretty[:1].upper() + pretty[1:]
    return (pretty or name)[:200]


@dataclass
class BundlePolicy:
    """How a case is bundled. Defaults are conservative; every field has an env override.

    * ``order``: ``"date"`` (chronological by document date, undated last, stable) or
      ``"source"`` (as gathered: by path). Attachments always follow their email.
      Env ``SARPACK_BUNDLE_ORDER``.
    * ``withhold_third_party_only``: withhold a document that never mentions the requester
      (no name, alias, surname, reference, NI number, address, phone or email of theirs) and
      in which at least ``min_third_party_findings`` third-party redactions were accepted.
      It is listed in the schedule with the reason. Env ``SARPACK_WITHHOLD_THIRD_PARTY_ONLY``
      (``0`` turns it off) and ``SARPACK_MIN_THIRD_PARTY_FINDINGS``.
    * ``dedupe`` / ``near_duplicate_threshold``: see :mod:`pipeline.dedupe`. Env
      ``SARPACK_DEDUPE`` and ``SARPACK_NEAR_DUPLICATE_THRESHOLD``.
    """

    order: str = ORDER_DATE
    withhold_third_party_only: bool = True
    min_third_party_findings: int = 1
    dedupe: bool = True
    near_duplicate_threshold: float = 0.95

    @classmethod
    def from_env(cls, env=None) -> "BundlePolicy":
        env = os.environ if env is None else env
        p = cls()
        if env.get("SARPACK_BUNDLE_ORDER"):
            p.order = env["SARPACK_BUNDLE_ORDER"].strip().lower()
        if env.get("SARPACK_WITHHOLD_THIRD_PARTY_ONLY"):
            p.withhold_third_party_only = env["SARPACK_WITHHOLD_THIRD_PARTY_ONLY"].strip().lower() not in _FALSE
        if env.get("SARPACK_MIN_THIRD_PARTY_FINDINGS"):
            p.min_third_party_findings = max(1, int(env["SARPACK_MIN_THIRD_PARTY_FINDINGS"]))
        if env.get("SARPACK_DEDUPE"):
            p.dedupe = env["SARPACK_DEDUPE"].strip().lower() not in _FALSE
        if env.get("SARPACK_NEAR_DUPLICATE_THRESHOLD"):
            p.near_duplicate_threshold = float(env["SARPACK_NEAR_DUPLICATE_THRESHOLD"])
        if p.order not in ORDERS:
            raise ValueError(f"unknown bundle order {p.order!r}: use one of {', '.join(ORDERS)}")
        return p


def resolve_bundle_date(bundle_date: date | None = None) -> date:
    """The cover letter's date: the argument, else env ``SARPACK_BUNDLE_DATE`` (YYYY-MM-DD),
    else today. Pin it to make re-runs byte-identical."""
    if bundle_date is not None:
        return bundle_date
    raw = os.environ.get("SARPACK_BUNDLE_DATE", "").strip()
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise ValueError("SARPACK_BUNDLE_DATE must be a date written YYYY-MM-DD") from None
    return date.today()


def order_documents(
    processed: list[ProcessedDocument], order: str = ORDER_DATE, date_of=None
) -> list[ProcessedDocument]:
    """Documents in bundle order. Top-level documents are sorted (stably) by date, undated
    ones last, or by source path (``"source"``); attachments follow their email in the
    order they were attached. ``date_of(p)`` gives a document's date (default: the
    normaliser's)."""
    date_of = date_of or _doc_date
    ids = {p.source.doc_id for p in processed}
    kids: dict[str | None, list[ProcessedDocument]] = {}
    for p in processed:
        parent = p.source.parent if p.source.parent in ids else None
        kids.setdefault(parent, []).append(p)
    roots = kids.get(None, [])
    if order == ORDER_DATE:
        roots = sorted(roots, key=lambda p: (date_of(p) is None, date_of(p) or date.min))
    elif order == ORDER_SOURCE:
        roots = sorted(roots, key=lambda p: p.source.source)
    out: list[ProcessedDocument] = []

    def walk(p: ProcessedDocument) -> None:
        out.append(p)
        for c in kids.get(p.source.doc_id, []):
            walk(c)

    for r in roots:
        walk(r)
    return out


def _doc_date(p: ProcessedDocument, not_dates: frozenset[date] = frozenset()) -> date | None:
    d = p.normalised.date if p.normalised is not None else None
    return None if d in not_dates else d


def dates_of_birth(case: CaseRecord) -> frozenset[date]:
    """A date found in a document that is someone's date of birth (a form filled in by the
    requester, say) is not the document's date."""
    out = set()
    for party in (case.requester, *case.third_parties):
        try:
            if party.date_of_birth:
                out.add(date.fromisoformat(party.date_of_birth[:10]))
        except ValueError:
            pass
    return frozenset(out)


def requester_pattern(case: CaseRecord) -> re.Pattern[str] | None:
    """Anything that identifies the requester: names, aliases, surnames, references, NI
    number, addresses (first line and postcode), phones, emails and other listed identifiers."""
    r = case.requester
    vals: set[str] = set()
    for name in (r.name, *r.aliases):
        name = " ".join(name.split())
        if not name:
            continue
        vals.add(name)
        parts = name.split()
        if len(parts) > 1 and len(parts[-1]) >= 3:
            vals.add(parts[-1])
    for v in (*r.case_references, *r.phones, *r.emails, r.ni_number or "", *(v for _, v in r.identifiers)):
        v = " ".join(v.split())
        if v:
            vals.add(v)
            vals.add(v.replace(" ", ""))
    for a in r.addresses:
        parts = [x.strip() for x in a.split(",") if x.strip()]
        if parts:
            vals.add(parts[0])
        m = re.search(r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", a)
        if m:
            vals.add(m.group())
    return value_pattern({v for v in vals if len(v) >= 3})


def _third_party_only(p: ProcessedDocument, decisions: dict[str, Decision], req_pat, policy: BundlePolicy) -> bool:
    if not policy.withhold_third_party_only or req_pat is None:
        return False
    tp = sum(
        1
        for s in p.suggestions
        if s.reason is ReasonCode.TP
        and s.party in (PartyKind.THIRD_PARTY, PartyKind.UNKNOWN)
        and (d := decisions.get(s.id)) is not None
        and d.state is DecisionState.ACCEPTED
    )
    if tp < policy.min_third_party_findings:
        return False
    return not any(req_pat.search(pt.text) for pt in p.pages)


WITHHELD_WHY = (
    "Withheld: the whole document is about another person and does not mention you "
    "(third-party personal data, code TP)."
)
FAILED_WHY = "Held on file; will be provided separately (it could not be processed automatically)."


def finalise_case(
    case: CaseRecord,
    processed: list[ProcessedDocument],
    decisions: dict[str, Decision],
    analyzer=None,
    redact_many=None,
    *,
    policy: BundlePolicy | None = None,
    bundle_date: date | None = None,
) -> CaseOutcome:
    """Order, de-duplicate, withhold, redact, bundle and verify a decided case.

    ``redact_many(docs, decisions)`` returns one RedactedDocument per document; the flow
    passes a concurrent one. ``policy`` defaults to :meth:`BundlePolicy.from_env`,
    ``bundle_date`` to :func:`resolve_bundle_date`.
    """
    policy = policy or BundlePolicy.from_env()
    when = resolve_bundle_date(bundle_date)
    dobs = dates_of_birth(case)

    def date_of(p: ProcessedDocument) -> date | None:
        return _doc_date(p, dobs)

    ordered = order_documents(processed, policy.order, date_of)
    ok_docs = [p for p in ordered if p.ok]

    # duplicates (texts only: worked out in a worker process while this one sweeps), then
    # third-party-only documents, among the documents that could be read
    dups = {}
    with _elsewhere(find_duplicates if policy.dedupe else None,
                    [(p.source.doc_id, "\n".join(pt.text for pt in p.pages), p.source.sha256) for p in ok_docs],
                    threshold=policy.near_duplicate_threshold) as found:
        add_consistency(processed, decisions)
        values = values_to_check([s for p in processed for s in p.suggestions], decisions)
        vpat = value_matcher(values)
    if policy.dedupe:
        dups = found()
    req_pat = requester_pattern(case)
    withheld = {
        p.source.doc_id for p in ok_docs if p.source.doc_id not in dups and _third_party_only(p, decisions, req_pat, policy)
    }
    to_disclose = [p for p in ok_docs if p.source.doc_id not in dups and p.source.doc_id not in withheld]

    def all_titles() -> dict[str, str]:
        titles = {p.source.doc_id: (document_title(p), not _has_title(p)) for p in ordered}
        in_names = values_in_file_names(values, [t for t, from_name in titles.values() if from_name])
        return {
            doc_id: safe_title(t, analyzer, vpat, from_file_name=from_name, values=in_names)
            for doc_id, (t, from_name) in titles.items()
        }

    # the titles are worked out here while the documents are redacted (in workers, with the flow)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as ex:
        safe_titles = ex.submit(all_titles)
        redacted: dict[str, RedactedDocument] = {}
        if redact_many is None:
            done = [redact_one(p, decisions, values) for p in to_disclose]
        else:
            done = redact_many(to_disclose, decisions, values) if to_disclose else []
        for r in done:
            redacted[r.doc_id] = r
        safe_titles = safe_titles.result()

    results: dict[str, DocumentResult] = {}
    titles: dict[str, str] = {}
    items: list[BundleItem] = []
    for p in ordered:
        doc = p.source
        status = p.status
        if doc.doc_id in dups:
            status = DocStatus.DUPLICATE
        elif doc.doc_id in withheld:
            status = DocStatus.WITHHELD
        res = DocumentResult(
            doc_id=doc.doc_id,
            source=doc.source,
            sha256=doc.sha256,
            status=status,
            original_format=(p.normalised.original_format if p.normalised else doc.extension),
            date=date_of(p),
            parent=doc.parent,
            error=p.error,
            pages=len(p.pages),
        )
        res.title = titles[doc.doc_id] = safe_titles[doc.doc_id]
        if doc.doc_id in dups:
            res.duplicate_of = dups[doc.doc_id].duplicate_of
        r = redacted.get(doc.doc_id)
        if r is not None:
            by_reason = Counter(str(s.reason) for s in r.applied)
            res.redactions = len(r.applied)
            res.redactions_by_reason = dict(sorted(by_reason.items()))
            items.append(
                BundleItem(
                    doc_id=doc.doc_id, title=res.title, pdf=r.pdf, original_format=res.original_format,
                    date=res.date, parent=doc.parent, redactions=res.redactions, fits=r.fits,
                )
            )
        results[doc.doc_id] = res
    number_items(items)
    numbers = {it.doc_id: it.number for it in items}

    # the schedule: withheld, duplicate and failed items, in bundle order
    schedule: list[ScheduleRow] = []
    refs: dict[str, str] = {}
    for p in ordered:
        res = results[p.source.doc_id]
        if res.status is DocStatus.DISCLOSED:
            continue
        ref = f"S{len(schedule) + 1}"
        refs[res.doc_id] = ref
        schedule.append(ScheduleRow(ref, res.doc_id, res.source, res.title or "", res.date, res.original_format,
                                    str(res.status), ""))
    for row in schedule:
        res = results[row.doc_id]
        if res.status is DocStatus.WITHHELD:
            row.why = WITHHELD_WHY
        elif res.status is DocStatus.FAILED:
            row.why = FAILED_WHY
        elif res.status is DocStatus.DUPLICATE:
            m = dups[res.doc_id]
            target = res.duplicate_of or ""
            what = "A copy of" if m.kind == EXACT else "Contained in full in"
            if target in numbers:
                row.why = f"Duplicate: {what.lower()} item {numbers[target]}, which is included."
            else:
                row.why = f"Duplicate: {what.lower()} {refs.get(target, 'another item')} above."

    rep = VerificationReport(values_checked=len(values))
    bundle = None
    log_rows: list[dict] = []
    if items:
        reasons_used = sorted({s.reason for r in redacted.values() for s in r.applied}, key=list(ReasonCode).index)
        counts = Counter(res.status for res in results.values())
        cover = CoverInfo(
            case_id=case.case_id,
            requester_name=case.requester.name,
            address_lines=address_lines(case.requester.addresses[0]) if case.requester.addresses else [],
            received=case.received,
            bundle_date=when,
            documents=len(items),
            redactions=sum(it.redactions for it in items),
            reasons_used=reasons_used,
            withheld=counts[DocStatus.WITHHELD],
            duplicates=counts[DocStatus.DUPLICATE],
            failed=counts[DocStatus.FAILED],
        )
        bundle = assemble(case.case_id, items, cover=cover, schedule=schedule)
        for res in results.values():
            if res.doc_id in bundle.ranges:
                a, b = bundle.ranges[res.doc_id]
                res.bundle_pages = [a, b]
        for it in items:
            r = redacted[it.doc_id]
            first = bundle.ranges[it.doc_id][0]
            for s in sorted(r.applied, key=lambda s: (s.page, s.rects[0][1] if s.rects else 0, s.start)):
                d = decisions[s.id]
                log_rows.append(
                    {
                        "item": it.number,
                        "document": results[it.doc_id].source,
                        "doc_id": it.doc_id,
                        "page": s.page + 1,
                        "bundle_page": first + s.page,
                        "bundle_ref": bundle.reference(case.case_id, first + s.page),
                        "reason": str(s.reason),
                        "entity_type": str(s.entity_type),
                        "recognizer": s.recognizer,
                        "party": str(s.party),
                        "score": round(s.score, 2),
                        "needs_review": "yes" if s.needs_review else "no",
                        "decision": str(d.decided_by),
                        "reviewer": d.reviewer or "",
                    }
                )
        for doc_id, r in redacted.items():
            sub = r.report if r.report is not None else verify_pdf(r.pdf, values, label=f"document {doc_id}")
            rep.problems += sub.problems
        problems, rep.pages_checked = verify_bundle(bundle.pdf, values)
        rep.problems += problems
    else:
        rep.problems.append("no document could be disclosed: there is nothing to bundle")
    for prob in rep.problems:
        log.error("verification: %s", prob)
    log.info(
        "case %s: %d disclosed, %d withheld, %d duplicate(s), %d failed",
        case.case_id, len(items), len(withheld), len(dups), sum(1 for r in results.values() if r.status is DocStatus.FAILED),
    )
    return CaseOutcome(
        case.case_id, [results[p.source.doc_id] for p in ordered], bundle, rep, log_rows,
        schedule=schedule, numbers=numbers, bundle_date=when, received=case.received, policy=policy,
        needs_review_auto=_auto_accepted_low_confidence(redacted, decisions),
    )


class _elsewhere:
    """``with _elsewhere(fn, *args, **kw) as result:`` runs ``fn(*args, **kw)`` in a detection
    worker process (no per-document limits: our own texts) while the block runs here; after
    the block, ``result()`` is its answer (worked out here after all if the worker could not).
    In this process when isolation is off; nothing at all when ``fn`` is None."""

    def __init__(self, fn, *args, **kw):
        self.fn, self.args, self.kw = fn, args, kw
        self._ex = self._future = None

    def __enter__(self):
        from pipeline import isolate

        if self.fn is not None and isolate.enabled():
            from concurrent.futures import ThreadPoolExecutor

            self._ex = ThreadPoolExecutor(1)
            self._future = self._ex.submit(
                isolate.detect_pool().run, _call, self.fn, self.args, self.kw, timeout=0, what="case step")
        return self.result

    def result(self):
        if self.fn is None:
            return None
        if self._future is not None:
            try:
                return self._future.result()
            except Exception as exc:  # noqa: BLE001 - the worker could not: the same work here
                log.warning("a worker could not run %s (%s): running it here", self.fn.__name__, type(exc).__name__)
        return self.fn(*self.args, **self.kw)

    def __exit__(self, *exc):
        if self._ex is not None:
            self._ex.shutdown(wait=exc[0] is None)
        return False


def _call(fn, args, kw):
    return fn(*args, **kw)


def verify_bundle(pdf: bytes, values: set[str]) -> tuple[list[str], int]:
    """Check the bundle: every page's text, bookmarks and structure (:func:`verify_pdf`), and
    text under boxes (:func:`xray_check`, in two parts); they run side by side in the
    detection worker processes (no per-document limits) when isolation is on. A check that cannot run is a problem (the bundle is not released).
    Returns (problems, pages checked)."""
    from pipeline import isolate

    if not isolate.enabled():
        rep = verify_pdf(pdf, values, label="bundle")
        return rep.problems + xray_check(pdf, label="bundle"), rep.pages_checked
    from concurrent.futures import ThreadPoolExecutor

    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as d:
        n = len(d)
    # two jobs of about the same length, one per worker: the text check (about 0.4x the x-ray
    # check of every page) plus the x-ray check of the first 30% of pages; the rest's x-ray
    cut = n * 3 // 10
    jobs = [[("text", None), ("xray", range(0, cut))], [("xray", range(cut, n))]]

    def run(parts):
        try:
            # our own output, any size: checked by the workers without per-document limits
            answers = isolate.detect_pool().run(isolate.verify_bundle_parts, pdf, values, parts, what="bundle check")
        except Exception as exc:  # noqa: BLE001 - fail closed, never leak text
            return [([f"bundle: the {which} check could not run ({type(exc).__name__})"], 0) for which, _ in parts]
        out = []
        for problems, checked, secs in answers:
            for stage, t in secs.items():
                isolate.add_time(stage, t)
            out.append((problems, checked))
        return out

    with ThreadPoolExecutor(len(jobs)) as ex:
        (p_text, checked), (p_x1, _), (p_x2, _) = [a for answers in ex.map(run, jobs) for a in answers]
    return p_text + p_x1 + p_x2, checked


def _auto_accepted_low_confidence(redacted: dict[str, "RedactedDocument"], decisions: dict[str, Decision]) -> dict[str, int]:
    """doc_id -> how many flagged (low-confidence) suggestions were accepted without a reviewer."""
    out: dict[str, int] = {}
    for doc_id, r in redacted.items():
        n = sum(1 for s in r.applied if s.needs_review and decisions[s.id].decided_by is DecidedBy.AUTO)
        if n:
            out[doc_id] = n
    return out


def reason_counts(outcome: CaseOutcome) -> dict[str, int]:
    c: Counter[str] = Counter()
    for r in outcome.results:
        c.update(r.redactions_by_reason)
    return {k: c[k] for k in (str(x) for x in ReasonCode) if c[k]}


def status_counts(outcome: CaseOutcome) -> dict[str, int]:
    c = Counter(str(r.status) for r in outcome.results)
    return {str(s): c[str(s)] for s in DocStatus if c[str(s)]}
