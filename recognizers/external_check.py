"""Run detection over a folder of someone else's example documents, with an empty case.

    python -m recognizers.external_check ../shared/data/external_docs/doc_redaction_examples

Every file goes through the real path (normalise -> extract -> detect) with no requester
and no listed third parties, so only the generic recognizers, the gazetteer and the NER
model answer. For each file it prints the suggestion counts per entity type and, because
these are public example documents, the distinct values found per type (``--counts-only``
leaves the values out). This is a dev tool: values go to stdout, never to ``logging``.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party, SourceDocument, Suggestion, doc_id_for


def empty_case(root: Path) -> CaseRecord:
    """A case that knows nobody: no requester name, no third parties."""
    return CaseRecord(case_id="EXTERNAL", received=date.today(), requester=Party(name=""), third_parties=[], root=root)


def detect_file(path: Path, analyzer) -> tuple[list[Suggestion], list[int]]:
    """Suggestions for one file and the pages that needed OCR."""
    from pipeline.detect import detect_pages
    from pipeline.extract import extract_pages
    from pipeline.normalise import normalise

    data = path.read_bytes()
    src = SourceDocument(doc_id=doc_id_for(path.name), source=path.name, path=path, sha256="", size=len(data))
    nd = normalise(src)
    pages = extract_pages(nd.pdf)
    return detect_pages(analyzer, src.doc_id, pages, extra_names=nd.extra_names), nd.ocr_pages


def check_folder(folder: Path, settings=None) -> dict[str, tuple[list[Suggestion], list[int], str | None]]:
    from recognizers import build_analyzer

    analyzer = build_analyzer(empty_case(folder), settings)
    out: dict[str, tuple[list[Suggestion], list[int], str | None]] = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        try:
            sugg, ocr = detect_file(path, analyzer)
            out[path.name] = (sugg, ocr, None)
        except Exception as exc:  # noqa: BLE001 - report and go on with the next file
            out[path.name] = ([], [], getattr(exc, "reason", None) or type(exc).__name__)
    return out


def format_results(results: dict[str, tuple[list[Suggestion], list[int], str | None]], values: bool = True) -> str:
    lines: list[str] = []
    for name, (sugg, ocr, error) in results.items():
        lines.append(f"## {name}")
        if error:
            lines += [f"  not processed: {error}", ""]
            continue
        counts = Counter(str(s.entity_type) for s in sugg)
        review = sum(s.needs_review for s in sugg)
        lines.append(
            f"  {len(sugg)} suggestion(s), {review} flagged for review"
            + (f"; OCR on page(s) {', '.join(str(p + 1) for p in ocr)}" if ocr else "")
        )
        by_type: dict[str, list[str]] = defaultdict(list)
        for s in sugg:
            v = " ".join(s.text.split())
            if v not in by_type[str(s.entity_type)]:
                by_type[str(s.entity_type)].append(v)
        for et in sorted(counts):
            shown = f": {'; '.join(by_type[et])}" if values else ""
            lines.append(f"  {et} x{counts[et]}{shown}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m recognizers.external_check",
                                 description="Detection over a folder of example documents, with an empty case.")
    ap.add_argument("folder", type=Path)
    ap.add_argument("--counts-only", action="store_true", help="print counts per entity type, not the values")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder", file=sys.stderr)
        return 2
    print(format_results(check_folder(args.folder), values=not args.counts_only))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["EntityType", "check_folder", "detect_file", "empty_case", "format_results"]
