"""Imported once by the detection workers' own fork server (see ``pipeline.isolate``).

Importing it imports spaCy, Presidio and our recognizers and loads the default detector
(the NLP model and the recognizers), so every detection worker forked from that server
starts with them in memory (shared copy-on-write) instead of loading its own copy: one
load per case instead of one per core.
"""
from __future__ import annotations

import pymupdf  # noqa: F401 - the detection workers also check the bundle

import pipeline.verify  # noqa: F401

try:
    from recognizers.analyzer import DetectSettings, _get_core

    _get_core(DetectSettings())
except Exception:  # noqa: BLE001 - the worker loads it itself, and reports a failure, on its first job
    pass
