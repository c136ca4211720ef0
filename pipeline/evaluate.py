"""Measured quality: run detection over a labelled corpus and report precision/recall.

    python -m pipeline.evaluate sample_docs/eval

The corpus is a case store: ``<CASE>/case.json``, ``documents/<name>.txt`` and
``gold/<name>.json`` (a list of {"start", "end", "text", "entity_type", "party"}).
A prediction overlapping a gold third_party/unknown item is a hit for that item; one
overlapping none of them is a false alarm; one overlapping a requester or organisation
item is also counted as a violation. This is a dev tool over a synthetic corpus, so it
prints missed and false-alarm text to stdout (never through ``logging``).

Each document is analysed on its own (one ``analyze_many`` call per document, as
``detect_pages`` does in a detection worker), so nothing learnt in one document's text helps
another; then, as the pipeline does once all of a case's documents are detected, the case-level
step (:func:`pipeline.case_settle.settle_findings`) keeps a value that another document of the case
settled as the requester's (and nobody else's), and flags one settled both ways.

Review policy, and why every suggestion counts as a redaction here: a suggestion flagged
``needs_review`` (e.g. a surname shared by the requester and a third party that neither
title, role, first-name gender nor a nearby full name settles) is still *applied* by
``--auto-approve`` (pipeline.decide.auto_approve): a third party's data left in a bundle is
a breach that cannot be taken back, an over-redaction of the requester's own data can be
put right by re-issuing. So the eval does not excuse a flagged suggestion on a requester
item as "asked the reviewer": it counts it as a requester item redacted, and the floor
"requester's data never redacted" has to be met by attributing correctly (see
recognizers/attribution.py and recognizers/parties.py), not by flagging.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.case_settle import settle_findings
from pipeline.case_store import list_case_ids, load_case
from pipeline.codes import EntityType, PartyKind

REDACT = {PartyKind.THIRD_PARTY.value, PartyKind.UNKNOWN.value}


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    third_party: Counts = field(default_factory=Counts)
    unknown_person: Counts = field(default_factory=Counts)
    other_identifiers: Counts = field(default_factory=Counts)
    predictions: int = 0
    false_alarms: int = 0
    requester_redacted: int = 0
    organisation_redacted: int = 0
    documents: int = 0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)        # doc, type, party, text
    false_alarm_list: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, type, recognizer, text
    violations: list[tuple[str, str, str, str]] = field(default_factory=list)    # doc, gold party, type, text

    @property
    def precision(self) -> float:
        good = self.predictions - self.false_alarms
        return good / self.predictions if self.predictions else 1.0

    @property
    def recall(self) -> float:
        tot = self.third_party.tp + self.third_party.fn + self.unknown_person.tp + self.unknown_person.fn \
            + self.other_identifiers.tp + self.other_identifiers.fn
        hit = self.third_party.tp + self.unknown_person.tp + self.other_identifiers.tp
        return hit / tot if tot else 1.0


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def evaluate(corpus: Path, settings=None) -> EvalReport:
    from recognizers import build_analyzer

    corpus = Path(corpus)
    report = EvalReport()
    for case_id in list_case_ids(corpus):
        case = load_case(corpus, case_id)
        analyzer = build_analyzer(case, settings)
        docs = sorted((case.root / "documents").glob("*.txt"))
        texts, golds, names = [], [], []
        for d in docs:
            gpath = case.root / "gold" / (d.stem + ".json")
            if not gpath.exists():
                continue
            texts.append(d.read_text(encoding="utf-8"))
            golds.append(json.loads(gpath.read_text(encoding="utf-8")))
            names.append(f"{case_id}/{d.name}")
        # one call per document, as detect_pages does: nothing learnt in one document (a name
        # to propagate, who wrote it) reaches another; then the case-level step, as the pipeline
        # runs it after all of a case's documents are detected (flows.sar.process_all)
        preds_all, settled = [], []
        for t in texts:
            preds_all.append(analyzer.analyze_many([t])[0])
            settled.append(analyzer.last_settled)
        preds_all, _ = settle_findings(preds_all, settled)
        for name, text, gold, preds in zip(names, texts, golds, preds_all):
            report.documents += 1
            redact_gold = [g for g in gold if g["party"] in REDACT]
            keep_gold = [g for g in gold if g["party"] not in REDACT]
            for g in redact_gold:
                hit = any(_overlap(p.start, p.end, g["start"], g["end"]) for p in preds)
                et = g["entity_type"]
                bucket = (report.third_party if g["party"] == PartyKind.THIRD_PARTY.value
                          else report.unknown_person if et == EntityType.PERSON.value
                          else report.other_identifiers)
                c = report.by_type[et]
                if hit:
                    bucket.tp += 1
                    c.tp += 1
                else:
                    bucket.fn += 1
                    c.fn += 1
                    report.misses.append((name, et, g["party"], g.get("text") or text[g["start"]:g["end"]]))
            for p in preds:
                report.predictions += 1
                if any(_overlap(p.start, p.end, g["start"], g["end"]) for g in redact_gold):
                    continue
                report.false_alarms += 1
                report.by_type[str(p.entity_type)].fp += 1
                report.false_alarm_list.append((name, str(p.entity_type), p.recognizer, p.text))
                for g in keep_gold:
                    if _overlap(p.start, p.end, g["start"], g["end"]):
                        if g["party"] == PartyKind.REQUESTER.value:
                            report.requester_redacted += 1
                        else:
                            report.organisation_redacted += 1
                        report.violations.append((name, g["party"], g["entity_type"], g.get("text", "")))
                        break
    return report


def format_report(r: EvalReport, counts_only: bool = False) -> str:
    """The report. With ``counts_only`` the misses, false alarms and requester/organisation items are given as
    counts by (entity type, party or recognizer), with no document name and no text: the view for scoring a
    blind test set without reading it."""
    lines = [f"documents: {r.documents}   predictions: {r.predictions}", "",
             f"{'entity type':<22}{'gold':>6}{'hit':>6}{'miss':>6}{'false+':>8}{'prec':>8}{'recall':>8}{'F1':>8}"]
    for et in sorted(r.by_type):
        c = r.by_type[et]
        lines.append(f"{et:<22}{c.tp + c.fn:>6}{c.tp:>6}{c.fn:>6}{c.fp:>8}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    lines += [
        "",
        f"recall, listed third parties:   {r.third_party.recall:.3f}  ({r.third_party.tp}/{r.third_party.tp + r.third_party.fn})",
        f"recall, unknown people (PERSON): {r.unknown_person.recall:.3f}  ({r.unknown_person.tp}/{r.unknown_person.tp + r.unknown_person.fn})",
        f"recall, other identifiers:      {r.other_identifiers.recall:.3f}  ({r.other_identifiers.tp}/{r.other_identifiers.tp + r.other_identifiers.fn})",
        f"overall recall:                 {r.recall:.3f}",
        f"overall precision:              {r.precision:.3f}  ({r.false_alarms} false alarms)",
        f"requester items redacted:       {r.requester_redacted}",
        f"organisation items redacted:    {r.organisation_redacted}",
    ]
    if counts_only:
        for title, rows in (("MISSES (entity type, party)", [(et, party) for _, et, party, _ in r.misses]),
                            ("FALSE ALARMS (entity type, recognizer)", [(et, rec) for _, et, rec, _ in r.false_alarm_list]),
                            ("REQUESTER/ORGANISATION ITEMS REDACTED (party, entity type)",
                             [(p, et) for _, p, et, _ in r.violations])):
            if rows:
                lines += ["", title] + [f"  {n:>4}  {a}  {b}" for (a, b), n in sorted(Counter(rows).items())]
        return "\n".join(lines)
    if r.misses:
        lines += ["", "MISSES"] + [f"  {d}  {et}  {party}  {t!r}" for d, et, party, t in r.misses]
    if r.false_alarm_list:
        lines += ["", "FALSE ALARMS"] + [f"  {d}  {et}  {rec}  {t!r}" for d, et, rec, t in r.false_alarm_list]
    if r.violations:
        lines += ["", "REQUESTER/ORGANISATION ITEMS REDACTED"] + [f"  {d}  {p}  {et}  {t!r}" for d, p, et, t in r.violations]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="sarpack eval", description="Precision/recall of detection over a labelled corpus.")
    ap.add_argument("corpus", type=Path, help="labelled case store (e.g. sample_docs/eval)")
    ap.add_argument("--counts-only", action="store_true",
                    help="list misses, false alarms and requester/organisation items as counts by type, without "
                         "document names or text (for scoring a blind test set without reading it)")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not a folder", file=sys.stderr)
        return 2
    report = evaluate(args.corpus)
    print(format_report(report, counts_only=args.counts_only))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
