"""Gather: read a case folder into a CaseRecord and the list of its source documents."""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.errors import CaseError
from pipeline.models import CaseOptions, CaseRecord, Party, SourceDocument, doc_id_for

CASE_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,64}$")

_REQUIRED_CASE_KEYS = ("case_id", "received", "requester")


def validate_case_id(case_id: str) -> str:
    if not isinstance(case_id, str) or not CASE_ID_RE.match(case_id):
        raise CaseError("invalid case ID: use 1 to 64 letters, digits or hyphens")
    return case_id


def _strs(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseError(f"case.json: '{where}.{key}' must be a list of strings")
    return tuple(v for v in value if v.strip())


def _opt_str(value: Any, key: str, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise CaseError(f"case.json: '{where}.{key}' must be a string")
    return value


# the kinds of identifier case.json may list for a person under "identifiers"
IDENTIFIER_TYPES = ("BANK_DETAILS", "CREDIT_CARD", "IBAN_CODE", "UK_NHS", "UK_PASSPORT", "UK_DRIVING_LICENCE",
                    "UK_VEHICLE_REG")


def _identifiers(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """``{"UK_VEHICLE_REG": ["KM19 XRT"], "BANK_DETAILS": ["30-96-11", "41927730"], ...}``"""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise CaseError(f"case.json: '{where}.identifiers' must be an object of lists, e.g. "
                        '{"UK_VEHICLE_REG": ["..."]}')
    out: list[tuple[str, str]] = []
    for kind, values in value.items():
        if kind not in IDENTIFIER_TYPES:
            # the key is named only when it looks like a kind's name: a value typed as a key is not echoed
            named = f" '{kind}'" if re.fullmatch(r"[A-Za-z_]{1,40}", kind) else ""
            raise CaseError(f"case.json: '{where}.identifiers' has an unknown kind{named} "
                            f"(one of: {', '.join(IDENTIFIER_TYPES)})")
        out += [(kind, v.strip()) for v in _strs(values, f"identifiers.{kind}", where)]
    return tuple(out)


def _party(raw: Any, where: str) -> Party:
    if not isinstance(raw, dict):
        raise CaseError(f"case.json: '{where}' must be an object")
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise CaseError(f"case.json: missing required key '{where}.name'")
    return Party(
        name=raw["name"].strip(),
        role=str(raw.get("role") or ""),
        aliases=_strs(raw.get("aliases"), "aliases", where),
        date_of_birth=_opt_str(raw.get("date_of_birth"), "date_of_birth", where),
        ni_number=_opt_str(raw.get("ni_number"), "ni_number", where),
        case_references=_strs(raw.get("case_references"), "case_references", where),
        addresses=_strs(raw.get("addresses"), "addresses", where),
        phones=_strs(raw.get("phones"), "phones", where),
        emails=_strs(raw.get("emails"), "emails", where),
        identifiers=_identifiers(raw.get("identifiers"), where),
    )


def _parse_date(value: Any, key: str) -> date:
    if not isinstance(value, str):
        raise CaseError(f"case.json: '{key}' must be an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise CaseError(f"case.json: '{key}' is not an ISO date (YYYY-MM-DD)") from None


def case_dir(store: Path, case_id: str) -> Path:
    validate_case_id(case_id)
    return Path(store) / case_id


def load_case(store: Path, case_id: str) -> CaseRecord:
    """Read ``<store>/<case_id>/case.json``. Raises CaseError with a one-line reason."""
    root = case_dir(store, case_id)
    path = root / "case.json"
    if not root.is_dir():
        raise CaseError(f"unknown case ID {case_id}: no folder {root}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CaseError(f"{path}: case.json not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseError(f"{path}: cannot read case.json ({type(exc).__name__})") from None
    except json.JSONDecodeError as exc:
        raise CaseError(f"{path}: case.json is not valid JSON (line {exc.lineno})") from None
    if not isinstance(raw, dict):
        raise CaseError(f"{path}: case.json must hold a JSON object")
    for key in _REQUIRED_CASE_KEYS:
        if key not in raw:
            raise CaseError(f"{path}: missing required key '{key}'")
    if raw["case_id"] != case_id:
        raise CaseError(f"{path}: case_id in case.json does not match the folder name {case_id}")
    tps = raw.get("third_parties") or []
    if not isinstance(tps, list):
        raise CaseError(f"{path}: 'third_parties' must be a list")
    opts = raw.get("options") or {}
    if not isinstance(opts, dict):
        raise CaseError(f"{path}: 'options' must be an object")
    extended = raw.get("extended_due") or opts.get("extended_due")
    options = CaseOptions(
        auto_approve=bool(raw.get("auto_approve", opts.get("auto_approve", False))),
        extended_due=_parse_date(extended, "extended_due") if extended else None,
        allow_list=_strs(opts.get("allow_list"), "allow_list", "options"),
        deny_list=_strs(opts.get("deny_list"), "deny_list", "options"),
    )
    return CaseRecord(
        case_id=case_id,
        received=_parse_date(raw["received"], "received"),
        requester=_party(raw["requester"], "requester"),
        third_parties=[_party(tp, f"third_parties[{i}]") for i, tp in enumerate(tps)],
        root=root,
        options=options,
    )


def list_case_ids(store: Path) -> list[str]:
    store = Path(store)
    if not store.is_dir():
        return []
    return sorted(
        p.name for p in store.iterdir() if p.is_dir() and CASE_ID_RE.match(p.name) and (p / "case.json").exists()
    )


def safe_display_name(rel: str) -> str:
    """A file name with control characters replaced, safe to print and to put in a manifest."""
    return "".join("\N{REPLACEMENT CHARACTER}" if unicodedata.category(c)[0] == "C" else c for c in rel)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def gather_documents(case: CaseRecord) -> list[SourceDocument]:
    """Every file under documents/, in a stable order. Nothing is silently dropped:
    a file that cannot be used is returned with ``error`` set."""
    docs_root = case.documents_dir
    out: list[SourceDocument] = []
    if not docs_root.is_dir():
        return out
    real_root = docs_root.resolve()
    for dirpath, dirnames, filenames in os.walk(docs_root, followlinks=False):
        dirnames.sort()
        here = Path(dirpath)
        # Symlinked directories are not followed by os.walk; report them like files.
        entries = sorted(filenames) + sorted(d for d in dirnames if (here / d).is_symlink())
        for name in entries:
            p = here / name
            rel = safe_display_name(p.relative_to(docs_root).as_posix())
            error = None
            sha = ""
            size = 0
            if p.is_symlink():
                target = p.resolve()
                if not target.is_relative_to(real_root):
                    error = "refused: symbolic link pointing outside the case folder"
                elif not target.is_file():
                    error = "refused: symbolic link that is not a file"
            elif not p.is_file():
                error = "refused: not a regular file"
            if error is None:
                try:
                    size = p.stat().st_size
                    sha = sha256_file(p)
                except OSError as exc:
                    error = f"cannot read file ({exc.strerror or type(exc).__name__})"
            out.append(
                SourceDocument(
                    doc_id=doc_id_for(rel),
                    source=rel,
                    path=p,
                    sha256=sha,
                    size=size,
                    error=error,
                )
            )
    out.sort(key=lambda d: d.source)
    return out
