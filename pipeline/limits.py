"""Resource limits that keep one hostile or oversized file from stalling a case.

Every limit has a default in :data:`DEFAULT_LIMITS` and can be changed per deployment
with an environment variable (read by :meth:`Limits.from_env`)::

    SARPACK_MAX_FILE_BYTES      largest source file read, in bytes (default 200 MB)
    SARPACK_MAX_PAGES           most pages in one normalised document (default 2000)
    SARPACK_MAX_PAGE_SIDE_PT    widest/tallest page side, in points (default 5000 pt, about 69 in)
    SARPACK_MAX_IMAGE_PIXELS    most pixels in one image or image frame (default 100 million)
    SARPACK_MAX_ZIP_MEMBER_BYTES  largest single decompressed part of a DOCX/XLSX (default 200 MB)
    SARPACK_MAX_ZIP_TOTAL_BYTES   largest total decompressed DOCX/XLSX (default 200 MB)
    SARPACK_MAX_OCR_PAGES       most pages/frames OCR'd in one document (default 300)
    SARPACK_MAX_TABLE_ROWS      rows rendered per CSV file or spreadsheet sheet (default 5000)
    SARPACK_MAX_TABLE_COLS      columns rendered per CSV file or sheet (default 60)
    SARPACK_MAX_SECONDS_PER_DOCUMENT    wall-clock time to read one document (default 120 s)
    SARPACK_MAX_MEMORY_MB_PER_DOCUMENT  address space of the process reading one document
                                        (default 2048 MB; 0 means no limit)

The last two are enforced by :mod:`pipeline.isolate`: the document is read in a child
process that is killed when it runs over.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200 * MB
    max_pages: int = 2000
    max_page_side_pt: float = 5000.0
    max_image_pixels: int = 100_000_000
    max_zip_member_bytes: int = 200 * MB
    max_zip_total_bytes: int = 200 * MB
    max_ocr_pages: int = 300
    max_table_rows: int = 5000
    max_table_cols: int = 60
    max_seconds_per_document: float = 120.0
    max_memory_mb_per_document: int = 2048

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Limits":
        """Defaults, overridden by ``SARPACK_<FIELD NAME IN CAPITALS>`` variables that are set."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get("SARPACK_" + f.name.upper())
            if raw is None or not raw.strip():
                continue
            try:
                values[f.name] = float(raw) if f.type in ("float", float) else int(raw)
            except ValueError:
                raise ValueError(f"SARPACK_{f.name.upper()} must be a number") from None
        return cls(**values)  # type: ignore[arg-type]


DEFAULT_LIMITS = Limits.from_env()
