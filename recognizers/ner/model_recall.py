"""Model-only recall of gold PERSON items on a development corpus (no sarpack rules).

    python -m recognizers.ner.model_recall [--model DIR ...] [--corpus sample_docs/eval_holdout]

For every gold PERSON item (by party; default "unknown") in ``<corpus>/*/gold/*.json``
(documents in ``<corpus>/*/documents/*.txt``, Python character offsets), counts whether the
model alone predicts a PERSON span overlapping it. Also counts model PERSON spans that
overlap no gold PERSON item at all (a false-alarm proxy: gold files list third parties,
requesters and unknown people, so most of these are real false alarms, but the corpus gold
does not list e.g. staff names in every corpus). Prints counts only, never document text
unless --show-misses is given.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = REPO_ROOT / "recognizers" / "model" / "sarpack_ner"
BLIND = ("eval_blind",)


def _docs(corpus: Path):
    if any(part.startswith(BLIND) for part in corpus.resolve().parts):
        raise SystemExit("refusing to read a blind test set")
    for gold_path in sorted(corpus.glob("*/gold/*.json")):
        doc_path = gold_path.parent.parent / "documents" / (gold_path.stem + ".txt")
        if doc_path.is_file():
            yield doc_path, doc_path.read_text(encoding="utf-8"), json.loads(gold_path.read_text(encoding="utf-8"))


def measure(model_dir: Path, corpus: Path, parties: set[str], show_misses: bool = False) -> dict:
    import spacy

    nlp = spacy.load(model_dir)
    hit = total = false_alarms = n_pred = 0
    misses = []
    for path, text, gold in _docs(corpus):
        persons = [g for g in gold if g["entity_type"] == "PERSON"]
        doc = nlp(text)
        pred = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        n_pred += len(pred)
        for s, e in pred:
            if not any(s < g["end"] and g["start"] < e for g in persons):
                false_alarms += 1
        for g in persons:
            if g["party"] not in parties:
                continue
            total += 1
            if any(s < g["end"] and g["start"] < e for s, e in pred):
                hit += 1
            elif show_misses:
                misses.append(f"{path.parent.parent.name}/{path.name}: {g['text']!r}")
    return {"model": str(model_dir), "corpus": str(corpus), "parties": sorted(parties),
            "gold": total, "found": hit, "recall": round(hit / total, 4) if total else 0.0,
            "predicted_person_spans": n_pred, "overlapping_no_gold_person": false_alarms,
            **({"misses": misses} if show_misses else {})}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m recognizers.ner.model_recall", description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, action="append", help=f"model dir (repeatable; default {DEFAULT_MODEL})")
    ap.add_argument("--corpus", type=Path, default=REPO_ROOT / "sample_docs" / "eval_holdout")
    ap.add_argument("--party", action="append", help='gold party to count (repeatable; default "unknown")')
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    for m in args.model or [DEFAULT_MODEL]:
        r = measure(m, args.corpus, set(args.party or ["unknown"]), args.show_misses)
        print(json.dumps(r, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
