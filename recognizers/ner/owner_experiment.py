"""EXPERIMENT (not used by detection; nothing imports this): can a learned model of an identifier's
context tell whose it is where the attribution rules cannot?

    python -m recognizers.ner.owner_experiment

Examples: every gold item of an identifier type (not PERSON, not CASE_REFERENCE) whose party is
requester (label 1) or third_party / unknown (label 0) in the nine development corpora. Features
come from the text around the item with the item itself masked; other labelled identifiers are
masked by type (plus whether their value is listed in case.json for the requester or a third
party), and labelled names by the listed party they match in case.json (simple word matching, not
the gold party). A logistic regression over hashed features (numpy, no other dependency) is
trained leave-one-corpus-out. The current system (build_analyzer + settle_findings, exactly as
``pipeline.evaluate`` runs it) is run over the same corpora to find the requester items it redacts
and the third-party/unknown items it redacts with no owner stated ("ownerless").

Prints figures only, never item text. See recognizers/OWNER_EXPERIMENT.md for the results.
Caveat: masking uses the gold spans (in deployment they would be the detector's spans).
"""
from __future__ import annotations

import json
import os
import re
import time
import zlib
from pathlib import Path

import numpy as np

CORPORA = ["eval", "eval_holdout", "eval_blind", "eval_blind2", "eval_blind3", "eval_blind4",
           "eval_blind5", "eval_blind6", "eval_blind7"]
AUTHOR_FOLDS = ["eval_blind", "eval_blind2", "eval_blind3", "eval_blind4", "eval_blind5", "eval_blind6", "eval_blind7"]
ROOT = Path(__file__).resolve().parents[2] / "sample_docs"
SKIP_TYPES = {"PERSON", "CASE_REFERENCE"}
NBITS = 18
DIM = 1 << NBITS
TITLES = {"mr", "mrs", "ms", "miss", "dr", "dc", "doamna", "mx", "sir", "madam"}
PRON = {"my": "1", "me": "1", "i": "1", "mine": "1", "our": "1", "we": "1", "us": "1",
        "your": "2", "you": "2", "yours": "2",
        "his": "m", "he": "m", "him": "m", "her": "f", "she": "f", "hers": "f",
        "their": "3", "they": "3", "them": "3"}
TOK_RE = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")


def norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


# ---------------------------------------------------------------- case.json: names and listed values
class CaseInfo:
    def __init__(self, case: dict):
        req = case["requester"]
        tps = case.get("third_parties", [])
        self.req_names = [self._words(n) for n in [req.get("name", ""), *req.get("aliases", [])] if n]
        self.tp_names = [self._words(n) for t in tps for n in [t.get("name", ""), *t.get("aliases", [])] if n]
        self.req_vals = self._values(req)
        self.tp_vals = [v for t in tps for v in self._values(t)]
        self.req_dobs = [req["date_of_birth"]] if req.get("date_of_birth") else []
        self.tp_dobs = [t["date_of_birth"] for t in tps if t.get("date_of_birth")]

    @staticmethod
    def _words(name: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", name.lower()) if w not in TITLES}

    @staticmethod
    def _values(p: dict) -> list[str]:
        out = []
        for k in ("addresses", "phones", "emails", "ni_number"):
            v = p.get(k)
            for x in ([v] if isinstance(v, str) else (v or [])):
                n = norm(x)
                if n:
                    out.append(n)
        return out

    def name_party(self, text: str) -> str:
        w = self._words(text)
        r = max((len(w & v) for v in self.req_names), default=0)
        t = max((len(w & v) for v in self.tp_names), default=0)
        if r > t:
            return "REQ"
        if t > r:
            return "TP"
        return "AMB" if r else "OTH"

    def value_party(self, etype: str, text: str) -> str:
        """Whether a (masked) neighbouring value is listed for the requester / a third party."""
        if etype == "DATE_OF_BIRTH":
            digits = set(re.findall(r"\d+", text))
            hit = lambda d: d[:4] in digits and str(int(d[8:10])) in {str(int(x)) for x in digits if len(x) <= 2}
            r, t = any(hit(d) for d in self.req_dobs), any(hit(d) for d in self.tp_dobs)
        else:
            n = norm(text)
            if len(n) < 5:
                return ""
            r = any(n in v or v in n for v in self.req_vals)
            t = any(n in v or v in n for v in self.tp_vals)
        return "_R" if r and not t else "_T" if t and not r else "_B" if r else ""


# ---------------------------------------------------------------- documents -> masked token streams
def load_corpus(corpus: str):
    """Yields (case_id, doc name, text, gold, CaseInfo)."""
    root = ROOT / corpus
    for cdir in sorted(p for p in root.iterdir() if p.is_dir() and (p / "case.json").exists()):
        info = CaseInfo(json.loads((cdir / "case.json").read_text(encoding="utf-8")))
        for g in sorted((cdir / "gold").glob("*.json")):
            d = cdir / "documents" / (g.stem + ".txt")
            if d.exists():
                yield cdir.name, d.name, d.read_text(encoding="utf-8"), json.loads(g.read_text(encoding="utf-8")), info


def tokenise(text: str, gold: list[dict], info: CaseInfo):
    """Tokens (string, start, line number) with each labelled span as one mask token; returns the
    tokens and, per gold index, the token index of its mask (None when overlapped by an earlier span)."""
    spans = sorted(enumerate(gold), key=lambda x: (x[1]["start"], -x[1]["end"]))
    chosen, last = [], -1
    for gi, g in spans:
        if g["start"] >= last:
            chosen.append((gi, g))
            last = g["end"]
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    line_of = lambda pos: int(np.searchsorted(line_starts, pos, side="right") - 1)
    toks, where, pos = [], {}, 0

    def plain(a, b):
        for m in TOK_RE.finditer(text, a, b):
            s = m.group().lower()
            toks.append(("#" if s.isdigit() else s, m.start(), line_of(m.start())))

    for gi, g in chosen:
        plain(pos, g["start"])
        et = g["entity_type"]
        if et == "PERSON":
            mask = "<NAME_" + info.name_party(g["text"]) + ">"
        elif et == "CASE_REFERENCE":
            mask = "<CASEREF>"
        else:
            mask = "<" + et + info.value_party(et, g["text"]) + ">"
        where[gi] = len(toks)
        toks.append((mask, g["start"], line_of(g["start"])))
        pos = g["end"]
    plain(pos, len(text))
    return toks, where


def features(toks, i: int, etype: str, docname: str) -> list[str]:
    f = ["T=" + etype, "bias"]
    line = toks[i][2]
    # window words, near (1-3) and mid (4-12), each side; bigrams next to the value
    for side, rng in (("L", range(i - 1, max(-1, i - 13), -1)), ("R", range(i + 1, min(len(toks), i + 13)))):
        seq = [toks[j][0] for j in rng]
        for k, w in enumerate(seq):
            band = "n" if k < 3 else "m"
            f.append(f"{side}{band}={w}")
            f.append(f"{side}{band}T={etype}|{w}")
            if w in PRON:
                f.append(f"{side}pron{band}={PRON[w]}")
        for a, b in zip(seq, seq[1:4]):
            f.append(f"{side}bi={a}_{b}")
        if seq:
            f.append(f"{side}1={seq[0]}")
    # the value's line, and the line before
    for j in range(max(0, i - 40), min(len(toks), i + 40)):
        if j == i:
            continue
        if toks[j][2] == line:
            f.append("ln=" + toks[j][0])
        elif toks[j][2] == line - 1:
            f.append("pl=" + toks[j][0])
    # nearest names and listed values on each side; their counts in a wide window
    for side, rng in (("L", range(i - 1, max(-1, i - 60), -1)), ("R", range(i + 1, min(len(toks), i + 60)))):
        seen_name = seen_val = False
        for k, j in enumerate(rng):
            w = toks[j][0]
            if not seen_name and w.startswith("<NAME_"):
                d = "n" if k < 8 else "m" if k < 25 else "f"
                f += [f"{side}name={w}", f"{side}name{d}={w}", f"{side}nameT={etype}|{w}"]
                seen_name = True
            if not seen_val and w.startswith("<") and w[-3:-1] in ("_R", "_T", "_B"):
                d = "n" if k < 8 else "m"
                f += [f"{side}val{d}={w[-3:-1]}", f"{side}valT={etype}|{w[-3:-1]}"]
                seen_val = True
    near = [toks[j][0] for j in range(max(0, i - 80), min(len(toks), i + 80)) if j != i]
    for tag in ("<NAME_REQ>", "<NAME_TP>", "<NAME_OTH>"):
        c = near.count(tag)
        f.append(f"cnt{tag}={min(c, 3)}")
    # document-level: header lines, the file name
    head = [t[0] for t in toks if t[2] < 6]
    f += ["hd=" + w for w in head[:25]]
    f += ["hdreq=%d" % ("<NAME_REQ>" in head), "hdtp=%d" % ("<NAME_TP>" in head),
          "hdreqmail=%d" % ("<EMAIL_ADDRESS_R>" in head)]
    f += ["fn=" + w for w in re.findall(r"[a-z]+", docname.lower()) if w != "txt"]
    return f


def hash_feats(fs: list[str]) -> np.ndarray:
    return np.unique(np.array([zlib.crc32(s.encode()) & (DIM - 1) for s in fs], dtype=np.int64))


# ---------------------------------------------------------------- the current system
def system_findings(corpus: str) -> dict[str, list[tuple[int, int, str]]]:
    """Per 'CASE/doc.txt': (start, end, party) of each finding, as pipeline.evaluate computes them."""
    from pipeline.case_settle import settle_findings
    from pipeline.case_store import list_case_ids, load_case
    from recognizers import build_analyzer

    root = ROOT / corpus
    out = {}
    for case_id in list_case_ids(root):
        case = load_case(root, case_id)
        an = build_analyzer(case, None)
        docs = [d for d in sorted((case.root / "documents").glob("*.txt"))
                if (case.root / "gold" / (d.stem + ".json")).exists()]
        preds_all, settled = [], []
        for d in docs:
            preds_all.append(an.analyze_many([d.read_text(encoding="utf-8")])[0])
            settled.append(an.last_settled)
        preds_all, _ = settle_findings(preds_all, settled)
        for d, preds in zip(docs, preds_all):
            out[f"{case_id}/{d.name}"] = [(p.start, p.end, getattr(p.party, "value", str(p.party))) for p in preds]
    return out


# The rules as they stood just before each author's corpus was first committed (the parent of the
# commit that added it): what they redacted there is what rules do on a NEW author's text.
FIRST_COMMIT = {
    "eval_blind": "1ba7b34cdf56be6f3aaebe3079d827da1c790293",
    "eval_blind2": "4e3952ca1e9b2fd20f9f72afd6b5864e08878524",
    "eval_blind3": "05a59cb9aa28fc7e85a2c81fef52762922b5b263",
    "eval_blind4": "59ed40e495c83eccdb1f496e534483b65f72a073",
    "eval_blind5": "ca1eabccd4ec507c9d314b819807a99eb00db5cc",
    "eval_blind6": "6e2a3562c93f0e3bbaeb753609784216c7c81c37",
    "eval_blind7": "3d0565005c4a215d20d03bdb4e5986d0d79f72e4",
}
_RUNNER = r"""
import json, os, sys
from pathlib import Path
import pipeline, recognizers
here = os.path.realpath(os.getcwd())
assert os.path.realpath(pipeline.__file__).startswith(here) and os.path.realpath(recognizers.__file__).startswith(here)
from pipeline.case_store import list_case_ids, load_case
from recognizers import build_analyzer
settle_findings = None
if os.path.exists(os.path.join(here, "pipeline", "case_settle.py")):
    from pipeline.case_settle import settle_findings
root = Path(sys.argv[1]); out = {}
for case_id in list_case_ids(root):
    case = load_case(root, case_id)
    an = build_analyzer(case, None)
    docs = [d for d in sorted((case.root / "documents").glob("*.txt")) if (case.root / "gold" / (d.stem + ".json")).exists()]
    preds_all, settled = [], []
    for d in docs:
        preds_all.append(an.analyze_many([d.read_text(encoding="utf-8")])[0]); settled.append(getattr(an, "last_settled", None))
    if settle_findings is not None:
        preds_all, _ = settle_findings(preds_all, settled)
    for d, preds in zip(docs, preds_all):
        out[f"{case_id}/{d.name}"] = [(p.start, p.end, getattr(p.party, "value", str(p.party))) for p in preds]
print(json.dumps(out))
"""


def prior_findings(corpus: str) -> dict | None:
    """Findings of the rules as of the commit before ``corpus`` was added (git archive into a temp dir)."""
    import subprocess
    import sys
    import tempfile

    repo = ROOT.parent
    with tempfile.TemporaryDirectory(prefix="owner_prior_") as tmp:
        try:
            arch = subprocess.run(["git", "-C", str(repo), "archive", FIRST_COMMIT[corpus] + "^", "pipeline", "recognizers"],
                                  capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=arch, check=True)
            r = subprocess.run([sys.executable, "-c", _RUNNER, str(ROOT / corpus)], cwd=tmp, capture_output=True,
                               text=True, env={**os.environ, "PYTHONPATH": tmp}, check=True)
        except (subprocess.CalledProcessError, OSError):
            return None
    return {k: [tuple(x) for x in v] for k, v in json.loads(r.stdout).items()}


def _ov(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


# ---------------------------------------------------------------- data set
def _status(g, label, preds, redact_gold):
    """(redacted, ownerless) of a gold item under a system's findings, counted as pipeline.evaluate does."""
    hits = [p for p in preds if _ov(p[0], p[1], g["start"], g["end"])]
    if label:   # a finding on it that overlaps no third-party/unknown item
        red = any(not any(_ov(p[0], p[1], r["start"], r["end"]) for r in redact_gold) for p in hits)
    else:
        red = bool(hits)
    return red, red and all(p[2] == "unknown" for p in hits)


def build(corpus: str, sysf: dict, prior: dict | None):
    rows = []   # (hashed feats, label, flags)
    for case_id, docname, text, gold, info in load_corpus(corpus):
        toks, where = tokenise(text, gold, info)
        preds = sysf.get(f"{case_id}/{docname}", [])
        redact_gold = [g for g in gold if g["party"] in ("third_party", "unknown")]
        for gi, g in enumerate(gold):
            if g["entity_type"] in SKIP_TYPES or g["party"] not in ("requester", "third_party", "unknown"):
                continue
            if gi not in where:
                continue
            label = int(g["party"] == "requester")
            listed = info.value_party(g["entity_type"], g["text"])
            sys_redacted, ownerless = _status(g, label, preds, redact_gold)
            if prior is not None:
                pr_redacted, pr_ownerless = _status(g, label, prior.get(f"{case_id}/{docname}", []), redact_gold)
            else:
                pr_redacted = pr_ownerless = None
            rows.append((hash_feats(features(toks, where[gi], g["entity_type"], docname)), label,
                         {"type": g["entity_type"], "listed": listed, "sys_redacted": sys_redacted,
                          "ownerless": ownerless, "prior_redacted": pr_redacted, "prior_ownerless": pr_ownerless,
                          "case": case_id}))
    return rows


# ---------------------------------------------------------------- logistic regression, numpy only
def _design(rows):
    idx = np.concatenate([r[0] for r in rows])
    lens = np.array([len(r[0]) for r in rows])
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    rowid = np.repeat(np.arange(len(rows)), lens)
    return idx, starts, rowid


def _logits(w, idx, starts):
    return np.add.reduceat(w[idx], starts)


def train(rows, epochs: int = 300, l2: float = 1e-4, lr: float = 0.1):
    idx, starts, rowid = _design(rows)
    y = np.array([r[1] for r in rows], dtype=float)
    pos = max(y.mean(), 1e-6)
    sw = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))       # balanced classes
    w = np.zeros(DIM)
    m = np.zeros(DIM)
    v = np.zeros(DIM)
    for t in range(1, epochs + 1):                            # Adam, full batch
        z = _logits(w, idx, starts)
        p = 1 / (1 + np.exp(-z))
        d = sw * (p - y) / len(y)
        g = np.bincount(idx, weights=d[rowid], minlength=DIM) + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def score(w, rows):
    idx, starts, _ = _design(rows)
    return _logits(w, idx, starts)


# ---------------------------------------------------------------- report
def main() -> int:
    t0 = time.time()
    data = {}
    for c in CORPORA:
        data[c] = build(c, system_findings(c), prior_findings(c) if c in FIRST_COMMIT else None)
    print(f"built {sum(len(v) for v in data.values())} examples in {time.time() - t0:.0f}s "
          f"(labels: requester 1, third_party/unknown 0)")

    scores = {}
    for c in CORPORA:
        w = train([r for k in CORPORA if k != c for r in data[k]])
        scores[c] = score(w, data[c])
    print(f"leave-one-corpus-out trained and scored in {time.time() - t0:.0f}s\n")

    lab = {c: np.array([r[1] for r in data[c]]) for c in CORPORA}
    flag = lambda c, key: np.array([bool(r[2][key]) for r in data[c]])
    unlisted = {c: np.array([r[2]["listed"] == "" for r in data[c]]) for c in CORPORA}

    def auc(s, y):
        pos, neg = s[y == 1], s[y == 0]
        if not len(pos) or not len(neg):
            return float("nan")
        r = np.argsort(np.argsort(np.concatenate([pos, neg]))) + 1
        return (r[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))

    allneg = np.concatenate([scores[c][lab[c] == 0] for c in CORPORA])
    thr0 = allneg.max()                                  # pooled: no third_party/unknown item called requester
    thr1 = np.quantile(allneg, 0.99)                     # pooled: 1 % of them called requester
    # a threshold the fold did not choose: the highest negative score of the OTHER folds
    thr_x = {c: np.concatenate([scores[k][lab[k] == 0] for k in CORPORA if k != c]).max() for c in CORPORA}

    hdr = (f"{'fold (test corpus)':<14}{'req':>5}{'tp/u':>6}{'AUC':>7}"
           f"{'req@0':>8}{'req@1%':>8}{'leak@1%':>8}"
           f"{'unl.req':>8}{'@0':>6}{'@1%':>6}"
           f"{'sysred':>7}{'@0':>4}{'@1%':>5}"
           f"{'ownl.tp':>8}{'@1%':>5}"
           f"{'req@X':>7}{'leakX':>6}")
    print("Rows: fold = corpus held out (model trained on the other 8). req = requester items, tp/u = third_party+unknown items.")
    print("req@0 / req@1%: fraction of requester items scored above the pooled threshold at which 0 (1 %) of all pooled")
    print("  tp/u items are called requester; leak@1%: tp/u items of this fold above the 1 % threshold.")
    print("unl.req: requester items whose value is NOT listed in case.json (the hard class), rescued @0 / @1%.")
    print("sysred: requester items the CURRENT system redacts, rescued @0 / @1%.")
    print("ownl.tp: tp/u items the current system redacts with no owner stated, and how many the model would")
    print("  wrongly rescue (leak) @1%.  req@X / leakX: threshold = highest tp/u score of the OTHER folds (not chosen on this fold).\n")
    print(hdr)
    tot = np.zeros(14)
    for c in CORPORA:
        s, y = scores[c], lab[c]
        u, sr, ow = unlisted[c], flag(c, "sys_redacted"), flag(c, "ownerless")
        rq = y == 1
        ng = y == 0
        v = [rq.sum(), ng.sum(),
             (s[rq] > thr0).sum(), (s[rq] > thr1).sum(), (s[ng] > thr1).sum(),
             (rq & u).sum(), (s[rq & u] > thr0).sum(), (s[rq & u] > thr1).sum(),
             (rq & sr).sum(), (s[rq & sr] > thr0).sum(), (s[rq & sr] > thr1).sum(),
             (ng & ow).sum(), (s[ng & ow] > thr1).sum(),
             (s[rq] > thr_x[c]).sum()]
        leakx = (s[ng] > thr_x[c]).sum()
        tot += np.array(v, dtype=float)
        fr = lambda a, b: f"{a / b:.2f}" if b else "  - "
        print(f"{c:<14}{v[0]:>5}{v[1]:>6}{auc(s, y):>7.3f}{fr(v[2], v[0]):>8}{fr(v[3], v[0]):>8}{v[4]:>8}"
              f"{v[5]:>8}{fr(v[6], v[5]):>6}{fr(v[7], v[5]):>6}"
              f"{v[8]:>7}{v[9]:>4}{v[10]:>5}{v[11]:>8}{v[12]:>5}{fr(v[13], v[0]):>7}{leakx:>6}")
    s_all = np.concatenate([scores[c] for c in CORPORA])
    y_all = np.concatenate([lab[c] for c in CORPORA])
    fr = lambda a, b: f"{a / b:.2f}" if b else "  - "
    v = tot.astype(int)
    leakx_all = sum(int((scores[c][lab[c] == 0] > thr_x[c]).sum()) for c in CORPORA)
    print(f"{'POOLED':<14}{v[0]:>5}{v[1]:>6}{auc(s_all, y_all):>7.3f}{fr(v[2], v[0]):>8}{fr(v[3], v[0]):>8}{v[4]:>8}"
          f"{v[5]:>8}{fr(v[6], v[5]):>6}{fr(v[7], v[5]):>6}"
          f"{v[8]:>7}{v[9]:>4}{v[10]:>5}{v[11]:>8}{v[12]:>5}{fr(v[13], v[0]):>7}{leakx_all:>6}")
    va = np.zeros(3)
    for c in AUTHOR_FOLDS:
        s, y = scores[c], lab[c]
        va += [(y == 1).sum(), (s[y == 1] > thr0).sum(), (s[y == 1] > thr1).sum()]
    print(f"{'POOLED blind*':<14}{int(va[0]):>5}{'':>13}{fr(va[1], va[0]):>8}{fr(va[2], va[0]):>8}")

    # ---- the rescue question: only values the rules leave ownerless would reach the model
    print("\nRESCUE of values the rules leave ownerless. 'prior' = the rules as of the commit before the corpus was")
    print("added (a NEW author for those rules); 'now' = the current rules. Negatives = tp/u items that either")
    print("system redacts with no owner stated (the only tp/u items a rescue could leak).")
    print("  thrO = highest score of those negatives pooled over all folds (zero leaks, chosen on test: optimistic);")
    print("  thrOX = highest score of those negatives in the OTHER folds (not chosen on this fold);")
    print("  thrA = highest score of ALL tp/u items pooled (zero leaks even if the rules' ownership were wrong).\n")
    own = {c: (lab[c] == 0) & (flag(c, "ownerless") | np.array([bool(r[2]["prior_ownerless"]) for r in data[c]]))
           for c in CORPORA}
    thrO = np.concatenate([scores[c][own[c]] for c in CORPORA]).max()
    thrOX = {c: np.concatenate([scores[k][own[k]] for k in CORPORA if k != c]).max() for c in CORPORA}
    print(f"{'fold':<14}{'prior: req redacted':>20}{'@thrO':>7}{'@thrOX':>8}{'@thrA':>7}"
          f"{'  own.tp/u':>10}{'leak@thrOX':>11}{'  now: req red.':>15}{'@thrO':>7}")
    tot2 = np.zeros(8, dtype=int)
    for c in CORPORA:
        s, y = scores[c], lab[c]
        pr = (y == 1) & np.array([bool(r[2]["prior_redacted"]) for r in data[c]])
        nw = (y == 1) & flag(c, "sys_redacted")
        v = np.array([pr.sum(), (s[pr] > thrO).sum(), (s[pr] > thrOX[c]).sum(), (s[pr] > thr0).sum(),
                      own[c].sum(), (s[own[c]] > thrOX[c]).sum(), nw.sum(), (s[nw] > thrO).sum()])
        tot2 += v
        prs = f"{v[0]}" if c in FIRST_COMMIT else "-"
        print(f"{c:<14}{prs:>20}{v[1]:>7}{v[2]:>8}{v[3]:>7}{v[4]:>10}{v[5]:>11}{v[6]:>15}{v[7]:>7}")
    v = tot2
    print(f"{'POOLED':<14}{v[0]:>20}{v[1]:>7}{v[2]:>8}{v[3]:>7}{v[4]:>10}{v[5]:>11}{v[6]:>15}{v[7]:>7}")
    P = np.concatenate([scores[c][(lab[c] == 1) & np.array([bool(r[2]["prior_redacted"]) for r in data[c]])]
                        for c in FIRST_COMMIT])
    N = np.concatenate([scores[c][own[c]] for c in CORPORA])
    print(f"AUC, prior failures vs ownerless tp/u: {(P[:, None] > N[None, :]).mean():.3f}")

    # variant: train only on the kind of item a rescue would see (unlisted requester values,
    # ownerless or unlisted tp/u values)
    hard = lambda r: (r[1] == 1 and r[2]["listed"] == "") or (r[1] == 0 and (r[2]["ownerless"] or r[2]["listed"] == ""))
    sc2 = {c: score(train([r for k in CORPORA if k != c for r in data[k] if hard(r)]), data[c]) for c in CORPORA}
    thrO2 = np.concatenate([sc2[c][own[c]] for c in CORPORA]).max()
    res = resx = leakx = 0
    for c in CORPORA:
        pr = (lab[c] == 1) & np.array([bool(r[2]["prior_redacted"]) for r in data[c]])
        tx = np.concatenate([sc2[k][own[k]] for k in CORPORA if k != c]).max()
        res += int((sc2[c][pr] > thrO2).sum())
        resx += int((sc2[c][pr] > tx).sum())
        leakx += int((sc2[c][own[c]] > tx).sum())
    P2 = np.concatenate([sc2[c][(lab[c] == 1) & np.array([bool(r[2]["prior_redacted"]) for r in data[c]])]
                         for c in FIRST_COMMIT])
    N2 = np.concatenate([sc2[c][own[c]] for c in CORPORA])
    print(f"variant trained on hard items only ({sum(hard(r) for c in CORPORA for r in data[c])} examples): "
          f"prior failures rescued @thrO {res}/{len(P2)}, @thrOX {resx} with {leakx} leaks; "
          f"AUC prior failures vs ownerless {(P2[:, None] > N2[None, :]).mean():.3f}")

    # the prior failures by type, and how many rank above thrO / how close they get
    prs_all = [(scores[c][i], data[c][i][2]["type"]) for c in FIRST_COMMIT for i in range(len(data[c]))
               if lab[c][i] == 1 and data[c][i][2]["prior_redacted"]]
    by: dict[str, list] = {}
    for sc, et in prs_all:
        by.setdefault(et, []).append(sc)
    negs = np.sort(np.concatenate([scores[c][own[c]] for c in CORPORA]))
    print("\nprior failures by type: n, median score, median fraction of ownerless tp/u items scoring higher")
    for et, ss in sorted(by.items(), key=lambda x: -len(x[1])):
        above = [float((negs > x).mean()) for x in ss]
        print(f"  {et:<18}{len(ss):>4}{np.median(ss):>8.2f}{np.median(above):>8.2f}")

    # the top of the negative tail: which kinds of tp/u items score most requester-like (figures only)
    order = np.argsort(-s_all)
    flags_all = [r[2] for c in CORPORA for r in data[c]]
    top_neg = [i for i in order if y_all[i] == 0][:20]
    kinds: dict[str, int] = {}
    for i in top_neg:
        k = flags_all[i]["type"]
        kinds[k] = kinds.get(k, 0) + 1
    print("\n20 highest-scoring tp/u items, by type:", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda x: -x[1])))
    print(f"pooled thresholds: zero-leak {thr0:.2f} (requester items above: {int((s_all[y_all == 1] > thr0).sum())}), "
          f"1 % {thr1:.2f}; by type, requester items above the 1 % threshold / all:")
    for et in sorted({f["type"] for f in flags_all}):
        m = np.array([f["type"] == et for f in flags_all])
        r = m & (y_all == 1)
        if r.sum():
            print(f"  {et:<20}{int((s_all[r] > thr1).sum()):>5}/{int(r.sum()):<5}"
                  f" unlisted {int((s_all[r & np.array([f['listed'] == '' for f in flags_all])] > thr1).sum())}"
                  f"/{int((r & np.array([f['listed'] == '' for f in flags_all])).sum())}")
    print(f"\ntotal {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
