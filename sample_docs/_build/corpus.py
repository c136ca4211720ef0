"""Build a labelled corpus (eval, eval_holdout, eval_blind, eval_blind2) from its marked-up sources.

Shared by each corpus's ``_build.py``, which names its folder, the form its case references
take, and the minimum totals it must reach. The markup, output format and checks are the
same for every corpus (see ``sample_docs/eval/README.md``):

Reads ``_src/<CASE_ID>/<name>.txt`` where a labelled item is written
``[[visible text|ENTITY_TYPE|PARTY]]`` and writes, for each case:

    <CASE_ID>/documents/<name>.txt   the plain text (UTF-8), markup removed
    <CASE_ID>/gold/<name>.json       [{"start", "end", "text", "entity_type", "party"}, ...]

Offsets are character offsets (Python str indices) into the written .txt. ``case.json``
for each case is kept beside ``documents/`` and is not generated. Standard library only.

Checks (the build fails if any is broken): identifiers are well-formed (NI number format,
NHS mod-11, IBAN mod-97, card Luhn), a third-party PERSON matches a name listed in
case.json (allowing one-letter typos and initials), an unknown PERSON is not a listed
name, and the corpus reaches its ``_build.py``'s minimum totals. It also warns about
unlabelled repeats of a labelled value in the same document.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path


ENTITY_TYPES = {
    "PERSON", "UK_NINO", "CASE_REFERENCE", "UK_POSTCODE", "ADDRESS", "PHONE_NUMBER",
    "EMAIL_ADDRESS", "DATE_OF_BIRTH", "BANK_DETAILS", "IBAN_CODE", "CREDIT_CARD",
    "UK_VEHICLE_REG", "UK_DRIVING_LICENCE", "UK_PASSPORT", "UK_NHS",
}
PARTIES = {"third_party", "unknown", "requester", "organisation"}
MARK_RE = re.compile(r"\[\[(.+?)\|([A-Z_]+)\|([a-z_]+)\]\]", re.S)

NINO_RE = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")
POSTCODE_RE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.I)
VEHICLE_RE = re.compile(r"^[A-Z]{2}\d{2} ?[A-Z]{3}$", re.I)


def parse(marked: str, where: str) -> tuple[str, list[dict]]:
    out: list[str] = []
    items: list[dict] = []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(marked):
        before = marked[pos:m.start()]
        if "[[" in before or "]]" in before:
            raise SystemExit(f"{where}: broken markup near {before[-40:]!r}")
        out.append(before)
        length += len(before)
        text, etype, party = m.group(1), m.group(2), m.group(3)
        if etype not in ENTITY_TYPES:
            raise SystemExit(f"{where}: unknown entity type {etype!r}")
        if party not in PARTIES:
            raise SystemExit(f"{where}: unknown party {party!r}")
        if text != text.strip():
            raise SystemExit(f"{where}: label has surrounding spaces: {text!r}")
        items.append({"start": length, "end": length + len(text), "text": text,
                      "entity_type": etype, "party": party})
        out.append(text)
        length += len(text)
        pos = m.end()
    tail = marked[pos:]
    if "[[" in tail or "]]" in tail:
        raise SystemExit(f"{where}: broken markup near {tail[:40]!r}")
    out.append(tail)
    return "".join(out), items


def nhs_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    if len(d) != 10:
        return False
    total = sum(int(x) * (10 - i) for i, x in enumerate(d[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(d[9])


def iban_ok(s: str) -> bool:
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def luhn_ok(s: str) -> bool:
    d = [int(x) for x in re.sub(r"\D", "", s)]
    if not 13 <= len(d) <= 19:
        return False
    total = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            x -= 9 if x > 9 else 0
        total += x
    return total % 10 == 0


def near(a: str, b: str) -> bool:
    """Equal, or one edit (substitution, insertion, deletion, transposition) apart."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-']+", name.lower().replace(".", " ")) if t]


# a CMS reference written with hyphens, spaces or neither, or the legacy 12-digit number: the check most
# corpora's _build.py scripts pass as ``case_ref_re`` (sample_docs/eval keeps hyphens only)
CASE_REF_ANY_SEPARATOR_RE = re.compile(r"^(CMS[- ]?\d{4}[- ]?\d{6}|\d{4} ?\d{4} ?\d{4})$")


def check_item(item: dict, where: str, listed: set[str], requester: set[str], case_ref_re: re.Pattern) -> None:
    t, e = item["text"], item["entity_type"]
    flat = re.sub(r"\s+", "", t).upper()
    bad = None
    if e == "UK_NINO" and not NINO_RE.match(flat):
        bad = "not a valid NI number"
    elif e == "UK_NHS" and not nhs_ok(t):
        bad = "NHS number fails the mod-11 check"
    elif e == "IBAN_CODE" and not iban_ok(t):
        bad = "IBAN fails the mod-97 check"
    elif e == "CREDIT_CARD" and not luhn_ok(t):
        bad = "card number fails the Luhn check"
    elif e == "UK_POSTCODE" and not POSTCODE_RE.match(t):
        bad = "not a UK postcode"
    elif e == "CASE_REFERENCE" and not case_ref_re.match(t):
        bad = "not a case reference"
    elif e == "UK_VEHICLE_REG" and not VEHICLE_RE.match(t):
        bad = "not a current-style vehicle registration"
    elif e == "UK_DRIVING_LICENCE" and not re.fullmatch(r"[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z0-9]{2}", flat):
        bad = "not a UK driving licence number"
    elif e == "UK_PASSPORT" and not re.fullmatch(r"\d{9}", flat):
        bad = "not a 9-digit UK passport number"
    elif e == "PERSON" and (re.match(r"(?i)(mr|mrs|ms|miss|dr|mx)\.?\s", t) or re.search(r"['’]s$", t)):
        bad = "PERSON label must leave out the title and the possessive 's"
    elif e == "PERSON":
        toks = [x for x in tokens(t) if len(x) > 1]
        if item["party"] == "third_party":
            if not toks or not all(any(near(x, y) for y in listed) for x in toks):
                bad = "third-party PERSON does not match a name in case.json"
        elif item["party"] == "unknown":
            if any(x in listed or x in requester for x in toks):
                bad = "unknown PERSON shares a name token with a listed party"
        elif item["party"] == "requester":
            if not toks or not all(any(near(x, y) for y in requester) for x in toks):
                bad = "requester PERSON does not match the requester in case.json"
    if bad:
        raise SystemExit(f"{where}: {bad}: {t!r}")


def build(here: Path, *, case_ref_re: re.Pattern, min_docs: int, min_redactable: int, min_requester: int = 0) -> int:
    """Write documents/ and gold/ for every case under ``here/_src``; print counts; check totals."""
    SRC = here / "_src"
    HERE = here
    type_counts: Counter = Counter()
    party_counts: Counter = Counter()
    pair_counts: Counter = Counter()
    n_docs = 0
    warnings: list[str] = []
    case_ids = sorted(p.name for p in SRC.iterdir() if p.is_dir())
    for case_id in case_ids:
        case_root = HERE / case_id
        case = json.loads((case_root / "case.json").read_text(encoding="utf-8"))
        assert case["case_id"] == case_id, f"{case_id}: case_id mismatch in case.json"
        req = case["requester"]
        requester = {x for n in [req["name"], *req.get("aliases", [])] for x in tokens(n)}
        listed = {x for tp in case.get("third_parties", [])
                  for n in [tp["name"], *tp.get("aliases", [])] for x in tokens(n)}
        for sub in ("documents", "gold"):
            if (case_root / sub).exists():
                shutil.rmtree(case_root / sub)
            (case_root / sub).mkdir(parents=True)
        for src in sorted((SRC / case_id).glob("*.txt")):
            where = f"_src/{case_id}/{src.name}"
            text, items = parse(src.read_text(encoding="utf-8"), where)
            for it in items:
                assert text[it["start"]:it["end"]] == it["text"]
                check_item(it, where, listed, requester, case_ref_re)
                type_counts[it["entity_type"]] += 1
                party_counts[it["party"]] += 1
                pair_counts[(it["entity_type"], it["party"])] += 1
            # unlabelled repeats of a labelled value (same document, whole word, same case)
            covered = [(it["start"], it["end"]) for it in items]
            for value in {it["text"] for it in items if it["party"] in ("third_party", "unknown")}:
                for m in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text):
                    if not any(a <= m.start() and m.end() <= b for a, b in covered):
                        warnings.append(f"{where}: unlabelled repeat of a labelled value at {m.start()}")
            (case_root / "documents" / src.name).write_text(text, encoding="utf-8", newline="\n")
            (case_root / "gold" / (src.stem + ".json")).write_text(
                json.dumps(items, indent=1, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n")
            n_docs += 1

    print(f"cases: {len(case_ids)}  documents: {n_docs}  gold items: {sum(type_counts.values())}")
    print("\nby party:")
    for k, v in sorted(party_counts.items()):
        print(f"  {k:<14}{v:>5}")
    print("\nby entity type (total / third_party / unknown / requester / organisation):")
    for k, v in sorted(type_counts.items()):
        cols = " ".join(f"{pair_counts[(k, p)]:>5}" for p in ("third_party", "unknown", "requester", "organisation"))
        print(f"  {k:<20}{v:>5} {cols}")
    for w in warnings:
        print("WARNING:", w)
    redactable = party_counts["third_party"] + party_counts["unknown"]
    assert n_docs >= min_docs, f"only {n_docs} documents (need {min_docs})"
    assert redactable >= min_redactable, f"only {redactable} third_party + unknown items (need {min_redactable})"
    assert party_counts["requester"] >= min_requester, (
        f"only {party_counts['requester']} requester items (need {min_requester})"
    )
    print(f"\nOK: {n_docs} documents, {redactable} third_party + unknown items")
    return 0

