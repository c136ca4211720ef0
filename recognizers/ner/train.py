"""Train sarpack's small offline English NER pipeline (tok2vec CNN + ner: PERSON, ORG, LOC).

    python -m recognizers.ner.train [--data DIR] [--out DIR] [--seed N] [--epochs N]

Reads the public corpora (see ``corpora.py``) plus synthetic UK child-maintenance case
text (``synthetic.py``), trains on one CPU thread, keeps the epoch with the best PERSON F1
on a development slice of UNER EWT dev, then evaluates on the held-out UNER EWT test split
and writes the figures into ``<out>/meta.json`` ("sarpack_eval") and ``recognizers/MODEL_CARD.md``.

Logs carry counts and scores only, never sentences.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import corpora
from .corpora import LABELS, Sentence

PACKAGE_DIR = Path(__file__).resolve().parent          # recognizers/ner
RECOGNIZERS_DIR = PACKAGE_DIR.parent                   # recognizers
REPO_ROOT = RECOGNIZERS_DIR.parent
DEFAULT_OUT = RECOGNIZERS_DIR / "model" / "sarpack_ner"
MODEL_CARD = RECOGNIZERS_DIR / "MODEL_CARD.md"

MODEL_NAME = "sarpack_ner"
MODEL_VERSION = "0.1.0"


def default_data_dir() -> Path:
    env = os.environ.get("SARPACK_NER_DATA")
    if env:
        return Path(env)
    return (REPO_ROOT / ".." / "shared" / "data" / "ner").resolve()


@dataclass
class Settings:
    seed: int = 0
    epochs: int = 12
    width: int = 64
    depth: int = 4
    rows: tuple[int, int, int, int] = (10000, 2000, 4000, 1000)  # NORM, PREFIX, SUFFIX, SHAPE
    hidden_width: int = 64
    dropout: float = 0.15
    batch_words: int = 1000
    n_synthetic: int = 5000
    uner_repeat: int = 3
    btc_fraction: float = 0.5  # tweets: keep half (by text hash) to save training time
    max_minutes: float = 18.0  # stop starting new epochs past this (logged and recorded)
    dev_fraction: float = 0.2
    dev_other_fraction: float = 0.05
    lower_names_rate: float = 0.2
    lower_sentence_rate: float = 0.05
    upper_names_rate: float = 0.0  # copies with the names in CAPITALS ("spoke to PATEL")
    synthetic_version: int = 1  # 1: synthetic.py; 2: synthetic_v2.py (chat, capitals, no-cue names)
    n_synthetic_extra: int = 0  # extra documents of synthetic_v2's new genres only, on top of the above
    synthetic_extra_genres: str = ""  # comma-separated subset of synthetic_v2.NEW_GENRES ("" = all)
    case_corpora: str = ""  # comma-separated labelled case stores (PERSON gold spans) to train on ("" = none)
    case_repeat: int = 1  # oversampling: each case chunk is used this many times per epoch
    case_teacher: str = ""  # pipeline whose ORG/LOC spans label the case chunks' unlabelled orgs/places ("" = none)
    case_dev: str = ""  # comma-separated labelled case stores whose PERSON F1 picks the epoch ("" = UNER dev picks it)


# ------------------------------------------------------------------ pipeline


def build_nlp(s: Settings):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": s.width,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": list(s.rows),
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": s.width, "depth": s.depth, "window_size": 1, "maxout_pieces": 3,
        },
    }})
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": s.hidden_width,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": s.width, "upstream": "*"},
    }})
    for label in LABELS:
        nlp.get_pipe("ner").add_label(label)
    return nlp


# ------------------------------------------------------------------ data


def _stable_fraction(key: str) -> float:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF


def split_dev(sents: list[Sentence], s: "Settings") -> tuple[list[Sentence], list[Sentence]]:
    """A fixed development set for picking the epoch: a slice of UNER EWT *dev* documents
    (by document-id hash) plus a small slice of the other web corpora (by sentence hash)."""
    train, dev = [], []
    for x in sents:
        if x.source == "uner_en_ewt":
            held = _stable_fraction(x.doc_id) < s.dev_fraction
        elif x.source in ("wikigold", "wnut17", "btc"):
            held = _stable_fraction(x.source + "\t" + x.text) < s.dev_other_fraction
        else:
            held = False
        (dev if held else train).append(x)
    return train, dev


def augment_case(sents: list[Sentence], rng: random.Random, names_rate: float,
                 sentence_rate: float, upper_rate: float = 0.0) -> list[Sentence]:
    """Extra copies with PERSON tokens lower-cased (or, at ``upper_rate``, upper-cased),
    or the whole sentence lower-cased."""
    extra = []
    for s in sents:
        has_person = any(t.endswith("PERSON") for t in s.tags)
        if has_person and rng.random() < names_rate:
            words = tuple(w.lower() if t.endswith("PERSON") else w for w, t in zip(s.words, s.tags))
            extra.append(Sentence(words, s.tags, s.spaces, s.source + "+lownames", s.doc_id))
        elif has_person and upper_rate and rng.random() < upper_rate:
            words = tuple(w.upper() if t.endswith("PERSON") else w for w, t in zip(s.words, s.tags))
            extra.append(Sentence(words, s.tags, s.spaces, s.source + "+upnames", s.doc_id))
        elif rng.random() < sentence_rate:
            words = tuple(w.lower() for w in s.words)
            extra.append(Sentence(words, s.tags, s.spaces, s.source + "+lower", s.doc_id))
    return extra


def sentence_example(nlp, s: Sentence):
    from spacy.tokens import Doc
    from spacy.training import Example

    ref = Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces), ents=list(s.tags))
    pred = nlp.make_doc(ref.text)
    return Example(pred, ref)


def synthetic_example(nlp, doc):
    from spacy.training import Example
    from spacy.util import filter_spans

    ref = nlp.make_doc(doc.text)
    spans = []
    for start, end, label in doc.spans:
        span = ref.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    ref.ents = filter_spans(spans)
    return Example(nlp.make_doc(doc.text), ref)


# ------------------------------------------------------------------ evaluation


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def evaluate(nlp, sents: list[Sentence], label: str = "PERSON") -> dict[str, dict]:
    """Exact-span and token-level scores for ``label``.

    ``span_raw_text``: the pipeline tokenises the sentence text itself and spans are
    compared by character offsets (what the product does). ``span_gold_tokens`` and
    ``token``: the pipeline runs on the corpus tokenisation.
    """
    from spacy.tokens import Doc

    tp = n_pred = n_gold = 0
    gtp = gn_pred = gn_gold = 0
    ttp = tn_pred = tn_gold = 0
    golds = [Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces), ents=list(s.tags)) for s in sents]
    texts = [g.text for g in golds]
    for gold, pred in zip(golds, nlp.pipe(texts, batch_size=256)):
        g = {(e.start_char, e.end_char) for e in gold.ents if e.label_ == label}
        p = {(e.start_char, e.end_char) for e in pred.ents if e.label_ == label}
        tp += len(g & p); n_pred += len(p); n_gold += len(g)
    unannotated = [Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces)) for s in sents]
    for gold, pred in zip(golds, nlp.pipe(unannotated, batch_size=256)):
        g = {(e.start, e.end) for e in gold.ents if e.label_ == label}
        p = {(e.start, e.end) for e in pred.ents if e.label_ == label}
        gtp += len(g & p); gn_pred += len(p); gn_gold += len(g)
        gt = {i for a, b in g for i in range(a, b)}
        pt = {i for a, b in p for i in range(a, b)}
        ttp += len(gt & pt); tn_pred += len(pt); tn_gold += len(gt)
    return {
        "span_raw_text": _prf(tp, n_pred, n_gold),
        "span_gold_tokens": _prf(gtp, gn_pred, gn_gold),
        "token": _prf(ttp, tn_pred, tn_gold),
    }


def benchmark(nlp, texts: list[str], min_words: int = 100_000, batch_size: int = 256) -> dict:
    """Words per second of ``nlp.pipe`` on this process's single thread."""
    corpus: list[str] = []
    words = 0
    while words < min_words and texts:
        for t in texts:
            corpus.append(t)
            words += len(t.split())
    list(nlp.pipe(corpus[:200], batch_size=batch_size))  # warm-up
    start = time.perf_counter()
    n_tokens = sum(len(d) for d in nlp.pipe(corpus, batch_size=batch_size))
    elapsed = time.perf_counter() - start
    return {"words": words, "tokens": n_tokens, "seconds": round(elapsed, 2),
            "words_per_second": int(words / elapsed), "batch_size": batch_size, "threads": 1}


# ------------------------------------------------------------------ training


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def train(data_dir: Path, out_dir: Path, s: Settings) -> dict:
    import spacy
    from spacy.util import fix_random_seed, minibatch

    t0 = time.perf_counter()
    fix_random_seed(s.seed)
    rng = random.Random(s.seed)

    files = corpora.training_files(data_dir)
    if not files:
        raise SystemExit(f"No training corpora found under {data_dir} (set --data or SARPACK_NER_DATA).")
    sents = corpora.load_training(data_dir)
    train_sents, dev_sents = split_dev(sents, s)
    train_sents = [x for x in train_sents
                   if x.source != "btc" or _stable_fraction("keep\t" + x.text) < s.btc_fraction]
    uner_train = [x for x in train_sents if x.source == "uner_en_ewt"]
    train_sents = train_sents + uner_train * (s.uner_repeat - 1)
    train_sents += augment_case(train_sents, rng, s.lower_names_rate, s.lower_sentence_rate, s.upper_names_rate)

    if s.synthetic_version == 2:
        from .synthetic_v2 import NamePools, generate
    else:
        from .synthetic import NamePools, generate

    pools = NamePools.load()
    synth = generate(s.n_synthetic, seed=s.seed, pools=pools)
    n_name_groups = len(pools.groups)
    del pools
    n_extra = 0
    if s.n_synthetic_extra:
        from . import synthetic_v2

        pools2 = synthetic_v2.NamePools.load()
        extra = synthetic_v2.generate(s.n_synthetic_extra, seed=s.seed + 1, pools=pools2,
                                      genres=tuple(s.synthetic_extra_genres.split(",")) if s.synthetic_extra_genres
                                      else synthetic_v2.NEW_GENRES)
        synth += extra
        n_extra = len(extra)
        del pools2

    nlp = build_nlp(s)
    examples = [sentence_example(nlp, x) for x in train_sents]
    examples += [synthetic_example(nlp, d) for d in synth]
    case_stats = None
    case_examples: list = []
    if s.case_corpora:
        case_examples, case_sources, case_stats = case_training_examples(nlp, s)
        examples += case_examples * s.case_repeat
    counts: dict[str, int] = {}
    for x in train_sents:
        counts[x.source] = counts.get(x.source, 0) + 1
    counts["synthetic"] = len(synth) - n_extra
    if n_extra:
        counts["synthetic_v2_new_genres"] = n_extra
    if case_stats is not None:
        for src in case_sources:
            key = "case:" + src
            counts[key] = counts.get(key, 0) + s.case_repeat
        log("case corpora: " + ", ".join(f"{k}={v}" for k, v in case_stats.as_dict().items()))
    n_words = sum(len(e.reference) for e in examples)
    log(f"training examples: {len(examples)} ({n_words} tokens); dev sentences: {len(dev_sents)}")
    log("by source: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))

    dev_chunks = case_dev_chunks(s) if s.case_dev else []
    if dev_chunks:
        log(f"case dev: {len(dev_chunks)} chunks pick the epoch (PERSON F1)")
    init_sample = examples[:: max(1, len(examples) // 2000)]
    optimizer = nlp.initialize(lambda: init_sample)
    best_f, best_bytes, best_epoch, history = -1.0, None, 0, []
    stopped_for_time = False
    for epoch in range(1, s.epochs + 1):
        te = time.perf_counter()
        if history:
            projected = te - t0 + max(h["seconds"] for h in history) + 60
            if projected > s.max_minutes * 60:
                stopped_for_time = True
                log(f"time budget of {s.max_minutes} min reached: stopping before epoch {epoch}")
                break
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        batches = minibatch(examples, size=_words_batcher(s.batch_words, examples))
        for batch in batches:
            nlp.update(batch, drop=s.dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            dev = evaluate(nlp, dev_sents)["span_raw_text"]
            if dev_chunks:
                cdev = evaluate_chunks(nlp, dev_chunks)
                log(f"epoch {epoch:2d}  case dev PERSON P {cdev['precision']:.3f} R {cdev['recall']:.3f} F {cdev['f1']:.3f}")
                dev = dict(cdev, uner_f1=dev["f1"])
            if dev["f1"] > best_f:
                best_f, best_epoch = dev["f1"], epoch
                best_bytes = nlp.to_bytes()
        history.append({"epoch": epoch, "loss_ner": round(float(losses.get("ner", 0.0)), 1),
                        "dev_person_f1": dev["f1"], "seconds": round(time.perf_counter() - te, 1)})
        if "uner_f1" in dev:
            history[-1]["uner_dev_person_f1"] = dev["uner_f1"]
        log(f"epoch {epoch:2d}  loss {losses.get('ner', 0.0):9.1f}  dev PERSON P {dev['precision']:.3f} "
            f"R {dev['recall']:.3f} F {dev['f1']:.3f}  ({time.perf_counter() - te:.0f}s)")
    if best_bytes is not None:
        nlp.from_bytes(best_bytes)
    train_seconds = time.perf_counter() - t0
    log(f"best epoch {best_epoch} (dev PERSON F1 {best_f:.3f}); training took {train_seconds:.0f}s")

    result = {
        "best_epoch": best_epoch,
        "epochs_run": len(history),
        "stopped_for_time": stopped_for_time,
        "dev_person_f1": float(best_f),
        "dev_sentences": len(dev_sents),
        "case_dev_chunks": len(dev_chunks),
        "history": history,
        "train_seconds": round(train_seconds, 1),
        "train_counts": counts,
        "name_groups": n_name_groups,
        "settings": {k: (list(v) if isinstance(v, tuple) else v) for k, v in s.__dict__.items()},
        **({"case_stats": case_stats.as_dict()} if case_stats is not None else {}),
        "command": "python -m recognizers.ner.train " + " ".join(_argv_for_record),
    }
    nlp.meta.update({
        "name": MODEL_NAME.replace("sarpack_", ""),
        "lang": "en",
        "version": MODEL_VERSION,
        "description": "sarpack offline NER: CNN tok2vec + transition-based ner (PERSON, ORG, LOC), "
                       "trained on public corpora and synthetic UK child-maintenance case text.",
        "license": "CC BY-SA 4.0",
        "author": "sarpack",
        "sources": [{"name": n, "license": lic} for n, lic in SOURCES],
    })
    heldout_eval(nlp, data_dir, result)
    result["_check_texts"] = [x.text for x in corpora.load_heldout(data_dir)[:500]]
    _save(nlp, out_dir, result)
    write_model_card(result, out_dir)
    return result


EVAL_KEYS = ("heldout", "heldout_sentences", "person", "span_raw_text_by_label", "speed",
             "best_epoch", "epochs_run", "stopped_for_time", "dev_person_f1", "dev_sentences", "case_dev_chunks", "history", "train_seconds",
             "train_counts", "name_groups", "settings", "command", "rescored_with", "size_bytes",
             "case_stats")


def heldout_eval(nlp, data_dir: Path, result: dict) -> None:
    """Score on the held-out UNER EWT test split and time the pipeline; fills ``result``."""
    heldout = corpora.load_heldout(data_dir)
    test = evaluate(nlp, heldout)
    result["heldout"] = corpora.HELD_OUT
    result["heldout_sentences"] = len(heldout)
    result["person"] = test
    result["span_raw_text_by_label"] = {lab: evaluate(nlp, heldout, lab)["span_raw_text"] for lab in LABELS}
    log("held-out UNER EWT test PERSON: " + json.dumps(test["span_raw_text"]))
    result["speed"] = benchmark(nlp, [x.text for x in heldout])
    log(f"speed: {result['speed']['words_per_second']} words/s (1 thread, nlp.pipe batch "
        f"{result['speed']['batch_size']})")


def reevaluate(data_dir: Path, out_dir: Path) -> dict:
    """Re-score and re-time a saved pipeline; rewrite its meta.json entry and the model card."""
    import spacy

    nlp = spacy.load(out_dir)
    meta_path = Path(out_dir) / "meta.json"
    meta = json.loads(meta_path.read_text())
    result = dict(meta.get("sarpack_eval", {}))
    heldout_eval(nlp, data_dir, result)
    result["rescored_with"] = "python -m recognizers.ner.train " + " ".join(_argv_for_record)
    result["size_bytes"] = sum(p.stat().st_size for p in Path(out_dir).rglob("*") if p.is_file())
    meta["sarpack_eval"] = {k: result[k] for k in EVAL_KEYS if k in result}
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False, default=float) + "\n")
    write_model_card(result, out_dir)
    return result


_argv_for_record: list[str] = []

SOURCES = [
    ("UNER English-EWT v1 (dev split; test split held out)", "CC BY-SA 4.0"),
    ("WikiGold", "CC BY 4.0"),
    ("WNUT17 emerging entities", "CC BY 4.0"),
    ("Broad Twitter Corpus", "CC BY 4.0"),
    ("SEC filings NER (Salinas Alvarado et al.)", "CC BY 3.0"),
    ("synthetic UK child-maintenance text (recognizers/ner/synthetic.py)", "project"),
]


def _corpus_dirs(spec: str) -> list[Path]:
    """The labelled case stores named in a comma-separated option (relative to the repository)."""
    return [Path(d) if Path(d).is_absolute() else REPO_ROOT / d for d in spec.split(",") if d]


def case_training_examples(nlp, s: "Settings"):
    """Examples from the labelled case corpora named in ``s.case_corpora`` (see case_corpora.py);
    returns (examples, their corpus folder names, stats)."""
    from . import case_corpora

    stats = case_corpora.CaseStats()
    dirs = _corpus_dirs(s.case_corpora)
    chunks = case_corpora.load_case_chunks(dirs, stats)
    teacher_docs = [None] * len(chunks)
    teacher = None
    if s.case_teacher:
        import spacy

        teacher = spacy.load(s.case_teacher)
        teacher_docs = list(teacher.pipe([c.text for c in chunks], batch_size=64))
    examples = []
    for c, tdoc in zip(chunks, teacher_docs):
        examples.append(case_corpora.chunk_example(nlp, c, stats, teacher_doc=tdoc))
    return examples, [c.source for c in chunks], stats


def case_dev_chunks(s: "Settings"):
    """The chunks of the ``s.case_dev`` corpora (held out from training: they only pick the epoch)."""
    from . import case_corpora

    stats = case_corpora.CaseStats()
    dirs = _corpus_dirs(s.case_dev)
    return case_corpora.load_case_chunks(dirs, stats)


def evaluate_chunks(nlp, chunks, label: str = "PERSON") -> dict[str, float]:
    """Exact-span ``label`` scores on case chunks, by character offsets (as the product runs)."""
    tp = n_pred = n_gold = 0
    for c, doc in zip(chunks, nlp.pipe([c.text for c in chunks], batch_size=64)):
        g = {(a, b) for a, b, lab in c.spans if lab == label}
        p = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == label}
        tp += len(g & p); n_pred += len(p); n_gold += len(g)
    return _prf(tp, n_pred, n_gold)


def _words_batcher(batch_words: int, examples):
    """Batch sizes ~``batch_words`` tokens (minibatch takes an iterator of sizes)."""
    mean = max(1, sum(len(e.reference) for e in examples[:2000]) // max(1, min(2000, len(examples))))
    size = max(4, batch_words // mean)
    while True:
        yield size


def _save(nlp, out_dir: Path, result: dict) -> None:
    out_dir = Path(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix="sarpack_ner_", dir=out_dir.parent if out_dir.parent.exists() else None))
    try:
        nlp.to_disk(tmp)
        meta_path = tmp / "meta.json"
        meta = json.loads(meta_path.read_text())
        meta["sarpack_eval"] = {k: result[k] for k in EVAL_KEYS if k in result}
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False, default=float) + "\n")
        _prune_strings(nlp, tmp, result.pop("_check_texts", []))
        if out_dir.exists():
            shutil.rmtree(out_dir)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(tmp), str(out_dir))
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    size = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    result["size_bytes"] = size
    meta_path = out_dir / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["sarpack_eval"] = {k: result[k] for k in EVAL_KEYS if k in result}
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False, default=float) + "\n")
    log(f"saved to {out_dir} ({size / 1e6:.1f} MB)")


def _prune_strings(nlp, path: Path, check_texts: list[str]) -> None:
    """Drop the training tokens from vocab/strings.json (the hash embeddings do not need
    them, and the model should not carry names from its training text); keep only the
    blank English strings and the labels. Checks the predictions are unchanged."""
    import spacy

    keep = set(spacy.blank("en").vocab.strings) | set(LABELS)
    (path / "vocab" / "strings.json").write_text(json.dumps(sorted(keep), ensure_ascii=False))
    reloaded = spacy.load(path)
    for a, b in zip(nlp.pipe(check_texts), reloaded.pipe(check_texts)):
        if [(e.start_char, e.end_char, e.label_) for e in a.ents] != \
                [(e.start_char, e.end_char, e.label_) for e in b.ents]:
            raise RuntimeError("pruning vocab strings changed the model's predictions")


def write_model_card(r: dict, out_dir: Path) -> None:
    """``recognizers/MODEL_CARD.md`` for the shipped pipeline; a side file for other outputs."""
    out_dir = Path(out_dir).resolve()
    card = MODEL_CARD if out_dir == DEFAULT_OUT.resolve() else out_dir.parent / f"{out_dir.name}.MODEL_CARD.md"
    card.write_text(render_model_card(r, out_dir))


def render_model_card(r: dict, out_dir: Path) -> str:
    p = r["person"]
    st = r["settings"]
    try:
        shown_out = Path(out_dir).resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        shown_out = str(out_dir)

    def row(name: str, d: dict) -> str:
        return (f"| {name} | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | "
                f"{d['tp']} | {d['predicted']} | {d['gold']} |")

    by_label = "\n".join(row(lab, d) for lab, d in r["span_raw_text_by_label"].items())
    sources = "\n".join(f"| {n} | {lic} |" for n, lic in SOURCES)
    case_note = ""
    if st.get("case_corpora"):
        cs = r.get("case_stats", {})
        names = ", ".join(f"`{d}`" for d in st["case_corpora"].split(",") if d)
        sources += f"\n| sarpack's own hand-labelled fictional case documents ({names}) | project |"
        teacher = ""
        if st.get("case_teacher"):
            ts = cs.get("teacher_spans", {})
            teacher = (f" Organisations and places carry no gold label there, so the ORG/LOC spans that "
                       f"`{st['case_teacher']}` predicts on each chunk (not overlapping a gold person) are used as labels "
                       f"({ts.get('ORG', 0)} ORG, {ts.get('LOC', 0)} LOC); its PERSON spans are never used.")
            if st["case_teacher"].startswith(".ner-teacher/"):
                teacher += (" `make train-ner` takes that teacher from the repository's history: the model as shipped at "
                            "the Makefile's `NER_TEACHER_REV`, before case text was added.")
        case_note = f"""

Case text: {cs.get('documents', '?')} documents of the project's own labelled (fictional) case corpora
{names} (`--case-corpora`, `recognizers/ner/case_corpora.py`), cut into {cs.get('chunks', '?')}
paragraph-sized chunks, each used {st.get('case_repeat', 1)}x per epoch. Their gold PERSON items (requester, third_party and unknown
alike) are the PERSON labels ({cs.get('person_kept', '?')} of {cs.get('person_gold', '?')} kept; {cs.get('dropped_misaligned', 0)} not aligned
with the tokens, {cs.get('dropped_crosses_chunk', 0)} across a chunk boundary, {cs.get('dropped_text_mismatch', 0)} not matching the text,
{cs.get('dropped_overlap', 0)} overlapping another, dropped); other gold types are not NER labels and are outside any entity.{teacher}"""
    counts = ", ".join(f"{k}: {v}" for k, v in sorted(r["train_counts"].items()))
    history = "\n".join(f"| {h['epoch']} | {h['loss_ner']} | {h['dev_person_f1']:.3f} | {h['seconds']} |"
                        for h in r.get("history", []))
    sp = r["speed"]
    if st.get("synthetic_version", 1) == 2:
        synthetic_note = f"""Synthetic text: {st['n_synthetic']} invented UK child-maintenance letters, case notes, call logs,
forms, e-mails, chat/SMS exports (names and nicknames typed in lower case), case-note lines with
SURNAMES IN CAPITALS and "SURNAME, First" forms, bank-statement payee lines, names with no cue word
(lists, sentence subjects) and negative text (capitalised ordinary words, job titles, "Will"/"May"/"Mark"
as words) (`recognizers/ner/synthetic_v2.py`), names from the `names-dataset` package (top
names for {r.get("name_groups", "several")} country/community groups incl. Polish, Nigerian, South Asian, Chinese,
Arabic, Somali, Vietnamese, Ukrainian, Eritrean, Welsh/Scottish/Irish); some documents lower-cased,
some names split over a line break."""
    else:
        synthetic_note = f"""Synthetic text: {st['n_synthetic']} invented UK child-maintenance letters, case notes, call logs,
forms and e-mails (`recognizers/ner/synthetic.py`), names from the `names-dataset` package (top
names for {r.get("name_groups", "several")} country/community groups incl. Polish, Nigerian, South Asian, Chinese,
Arabic, Somali); some documents lower-cased, some names split over a line break."""
    if st.get("n_synthetic_extra"):
        synthetic_note += f"""
Plus {st['n_synthetic_extra']} documents of `recognizers/ner/synthetic_v2.py`'s additional genres only
({st.get('synthetic_extra_genres') or 'chat,log,bank,nocue,negative2'}; chat: chat/SMS exports with lower-case names
and nicknames; log: case-note lines with SURNAMES IN CAPITALS and "SURNAME, First"; bank: bank-statement
payee lines; nocue: names with no cue word; negative2: capitalised ordinary words, job titles, towns and
"Will"/"May"/"Mark" as words), with more name groups
(Vietnamese, Ukrainian, Eritrean, Welsh/Scottish/Irish, West African...)."""
    upper_note = ""
    if st.get("upper_names_rate"):
        upper_note = f" ({int(st['upper_names_rate'] * 100)}% of the rest a copy with the names in capitals)"
    if st.get("case_dev"):
        dev_names = ", ".join(f"`{d}`" for d in st["case_dev"].split(",") if d)
        dev_note = (f"best exact-span PERSON F1 {r['dev_person_f1']:.3f}\non {r.get('case_dev_chunks', '?')} chunks of the labelled case "
                    f"corpora {dev_names} (`--case-dev`), which are\nnot trained on; the UNER EWT dev slice is still scored and logged")
    else:
        dev_note = (f"best PERSON F1 {r['dev_person_f1']:.3f}\non a development set of {r.get('dev_sentences', '?')} sentences: "
                    f"{int(st['dev_fraction'] * 100)}% of UNER EWT *dev* documents\nby document-id hash, plus "
                    f"{int(st.get('dev_other_fraction', 0) * 100)}% of wikigold/wnut17/btc sentences by text hash")
    rescored = ""
    if r.get("rescored_with"):
        rescored = (f"The evaluation and speed figures below were then re-measured on the saved pipeline with\n"
                    f"`{r['rescored_with'].strip()}`.\n")
    return f"""# Model card: sarpack_ner {MODEL_VERSION}

Generated by `recognizers/ner/train.py` at the end of a training run; every figure below
comes from that run (also stored under `"sarpack_eval"` in `{shown_out}/meta.json`).

## What it is
A small offline English spaCy {_spacy_version()} pipeline at `{shown_out}`:
`tok2vec` (MultiHashEmbed over NORM/PREFIX/SUFFIX/SHAPE, rows {st['rows']}, width {st['width']};
MaxoutWindowEncoder depth {st['depth']}, no static vectors) + transition-based `ner`
(hidden width {st['hidden_width']}). Labels: **PERSON, ORG, LOC**. Titles (Mr, Mrs, Dr...) are
not part of a PERSON span. Load it with `spacy.load("{shown_out}")`; no package install, no network.

Size on disk: {r['size_bytes'] / 1e6:.1f} MB.

## How it was trained
```
{r['command'].strip()}
```
{rescored}Seed {st['seed']}, {r.get('epochs_run', st['epochs'])} of {st['epochs']} epochs run{' (stopped by the time budget)' if r.get('stopped_for_time') else ''} (kept epoch {r['best_epoch']}, {dev_note}; parameters are
the optimizer's running averages),
dropout {st['dropout']}, batches of ~{st['batch_words']} tokens, Adam defaults, one CPU thread.
Training took {r['train_seconds'] / 60:.1f} minutes wall clock (2-core machine shared with other work).
A run writes to `--out` (default `recognizers/model/sarpack_ner`); a run elsewhere is copied here.
Same seed and data give byte-identical weights: two runs of
`python -m recognizers.ner.train --data <dir with UNER EWT dev+test only> --epochs 2 --synthetic 300 --out ...`
produced identical `tok2vec/model` and `ner/model` files. Stopping by `--max-minutes` is the
one exception, and is recorded as `stopped_for_time` in meta.json.

Training sentences by source (after UNER dev upsampling x{st['uner_repeat']}, keeping {int(st.get('btc_fraction', 1) * 100)}% of BTC, and case augmentation:
{int(st['lower_names_rate'] * 100)}% of sentences with a person get a copy with the names lower-cased{upper_note},
{int(st['lower_sentence_rate'] * 100)}% of the others a fully lower-cased copy): {counts}.

Label mapping: PER/person -> PERSON; ORG/corporation/group -> ORG; LOC/location -> LOC; MISC,
product, creative-work -> not an entity. In sec-filings the contract roles "Borrower"/"Lender"
(tagged PER there) are treated as not an entity.

{synthetic_note}{case_note}

## Evaluation (held out: `{r['heldout']}`, {r['heldout_sentences']} sentences, never trained on)
PERSON, exact span match:

| measure | precision | recall | F1 | tp | predicted | gold |
|---|---|---|---|---|---|---|
{row("span, pipeline's own tokenisation (char offsets)", p['span_raw_text'])}
{row("span, corpus tokenisation", p['span_gold_tokens'])}
{row("token level, corpus tokenisation", p['token'])}

All labels, exact span, pipeline's own tokenisation:

| label | precision | recall | F1 | tp | predicted | gold |
|---|---|---|---|---|---|---|
{by_label}

Speed: {sp['words_per_second']:,} words/s with `nlp.pipe(texts, batch_size={sp['batch_size']})` on one
thread ({sp['words']:,} words of the test sentences in {sp['seconds']} s).

Training curve:

| epoch | ner loss | dev PERSON F1 | seconds |
|---|---|---|---|
{history}

## Limits
- Web/social/wiki training text plus templates: real case files will differ; the NER is one
  signal among sarpack's recognizers and the reviewer's decision, not a guarantee.
- Lower-case names and names that are also common words ("Will", "Hope", "Rose") give the
  model less to go on than capitalised names; expect more misses there.
- English only.

## Data and licences
| source | licence |
|---|---|
{sources}

This model is trained on, among others, **UNER English-EWT (Universal NER v1), licensed
CC BY-SA 4.0**. The model weights are an adaptation of that data and are shared under the same
terms (**CC BY-SA 4.0, share-alike**), with attribution:
Mayhew et al., *Universal NER: A Gold-Standard Multilingual Named Entity Recognition Benchmark*,
NAACL 2024; based on the UD English-EWT treebank (Silveira et al., 2014).
Further attribution: WikiGold — Balasuriya et al., 2009 (CC BY 4.0); WNUT17 — Derczynski et
al., 2017 (CC BY 4.0); Broad Twitter Corpus — Derczynski, Bontcheva & Roberts, COLING 2016
(CC BY 4.0); SEC filings — Salinas Alvarado, Verspoor & Baldwin, ALTA 2015 (CC BY 3.0).
Changes made: tags mapped to PERSON/ORG/LOC, other types dropped, lower-cased copies added.
The corpora are not redistributed in this repository.
"""


def _spacy_version() -> str:
    import spacy
    return spacy.__version__


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m recognizers.ner.train", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="corpora dir (default: $SARPACK_NER_DATA or ../shared/data/ner)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output pipeline dir (default: {DEFAULT_OUT})")
    ap.add_argument("--seed", type=int, default=Settings.seed)
    ap.add_argument("--epochs", type=int, default=Settings.epochs)
    ap.add_argument("--max-minutes", type=float, default=Settings.max_minutes,
                    help="do not start another epoch past this wall-clock budget")
    ap.add_argument("--width", type=int, default=Settings.width, help="tok2vec width")
    ap.add_argument("--synthetic", type=int, default=Settings.n_synthetic, help="number of synthetic documents")
    ap.add_argument("--synthetic-version", type=int, choices=(1, 2), default=Settings.synthetic_version,
                    help="synthetic text generator: 1 = synthetic.py, 2 = synthetic_v2.py")
    ap.add_argument("--synthetic-extra", type=int, default=Settings.n_synthetic_extra,
                    help="extra documents of synthetic_v2's new genres (chat, capitals, bank lines, no-cue names, negatives)")
    ap.add_argument("--synthetic-extra-genres", default=Settings.synthetic_extra_genres,
                    help="comma-separated genres for --synthetic-extra (default: chat,log,bank,nocue,negative2)")
    ap.add_argument("--upper-names", type=float, default=Settings.upper_names_rate,
                    help="share of real-corpus sentences with a person that get a copy with the names in capitals")
    ap.add_argument("--case-corpora", default=Settings.case_corpora,
                    help="comma-separated labelled case stores (e.g. sample_docs/eval_holdout,sample_docs/eval_blind) "
                         "whose PERSON gold spans become training examples")
    ap.add_argument("--case-repeat", type=int, default=Settings.case_repeat,
                    help="use each case-corpus chunk this many times per epoch (oversampling)")
    ap.add_argument("--case-teacher", default=Settings.case_teacher,
                    help="pipeline dir whose ORG/LOC predictions label the case chunks' organisations and places")
    ap.add_argument("--case-dev", default=Settings.case_dev,
                    help="comma-separated labelled case stores, not trained on, whose PERSON F1 picks the epoch "
                         "(default: UNER EWT dev picks it)")
    ap.add_argument("--eval-only", action="store_true",
                    help="do not train: re-score and re-time the pipeline in --out, rewrite meta.json and the model card")
    args = ap.parse_args(argv)
    _argv_for_record[:] = [a for a in (argv if argv is not None else sys.argv[1:])]
    data = args.data or default_data_dir()
    if args.eval_only:
        r = reevaluate(data, args.out)
    else:
        r = train(data, args.out, Settings(seed=args.seed, epochs=args.epochs, n_synthetic=args.synthetic, width=args.width,
                                                max_minutes=args.max_minutes, upper_names_rate=args.upper_names,
                                                synthetic_version=args.synthetic_version,
                                                n_synthetic_extra=args.synthetic_extra,
                                                synthetic_extra_genres=args.synthetic_extra_genres,
                                                case_corpora=args.case_corpora, case_repeat=args.case_repeat,
                                                case_teacher=args.case_teacher, case_dev=args.case_dev))
    p = r["person"]["span_raw_text"]
    print(f"PERSON P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f} on {corpora.HELD_OUT}; "
          f"{r['speed']['words_per_second']} words/s; {r['size_bytes'] / 1e6:.1f} MB; {r['train_seconds']:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
