"""Errors a caseworker can read. Messages name the file and the reason, never its contents."""
from __future__ import annotations


class SarpackError(Exception):
    """Base class: the whole case cannot go on."""


class CaseError(SarpackError):
    """The case itself is unusable (unknown id, unreadable case.json, missing key)."""


class DocumentError(SarpackError):
    """One document could not be processed. The case goes on without it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class UnsupportedType(DocumentError):
    def __init__(self, ext: str = ""):
        super().__init__("unsupported type" + (f" (.{ext})" if ext else ""))


class VerificationError(SarpackError):
    """A redacted value survived into an output. The bundle must not be released."""
