"""Zip-bomb-safe reading of OOXML (DOCX/XLSX) packages."""
from __future__ import annotations

import io
import zipfile

from pipeline.errors import DocumentError
from pipeline.limits import Limits


class SafeZip:
    """A zip whose declared sizes were checked up front; reads are capped as well."""

    def __init__(self, data: bytes, limits: Limits, kind: str, invalid: str):
        self.limits = limits
        self.kind = kind
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise DocumentError(invalid) from None
        if len(infos) > 10_000:
            raise DocumentError(f"the {kind} has too many parts ({len(infos)})")
        total = sum(i.file_size for i in infos)
        if total > limits.max_zip_total_bytes:
            raise DocumentError(f"the {kind} expands to more than {limits.max_zip_total_bytes // 1_000_000} MB")
        for i in infos:
            if i.file_size > limits.max_zip_member_bytes:
                raise DocumentError(f"the {kind} expands to more than {limits.max_zip_member_bytes // 1_000_000} MB")
        self.names = {i.filename for i in infos}
        self.invalid = invalid
        self._read_total = 0

    def read(self, name: str) -> bytes:
        cap = self.limits.max_zip_member_bytes
        try:
            with self.zf.open(name) as f:
                data = f.read(cap + 1)
        except KeyError:
            raise DocumentError(self.invalid) from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise DocumentError(f"the {self.kind} is damaged and cannot be read") from None
        self._read_total += len(data)
        if len(data) > cap or self._read_total > self.limits.max_zip_total_bytes:
            raise DocumentError(f"the {self.kind} expands to more than {cap // 1_000_000} MB")
        return data
