"""Per-document limits: risky work on one document runs in a child process that can be killed.

Parsing an untrusted file (PDF, DOCX, EML, images, OCR) happens in a small pool of worker
processes started with the ``forkserver`` method (never a fork of the threaded main
process). Each worker caps its own address space (``RLIMIT_AS``); the parent waits at
most ``max_seconds_per_document`` for an answer. A worker that runs over time is killed
and replaced, and the document fails with "took longer than N s"; one that runs out of
memory or dies fails it with "needed more memory than the limit". The case goes on.

::

    from pipeline import isolate
    result = isolate.run(isolate.prepare_document, doc, limits)   # raises DocumentError

Workers import only the parsing code (PyMuPDF, Pillow, docx/eml readers), never spaCy
or Presidio, so they start quickly. Only ids, types and counts are logged.

Detection runs in a second, separate pool (:func:`detect_pool`, one worker per core). Its
workers fork from a fork server of their own (:func:`_preloaded_context`) that has already
imported spaCy and Presidio and loaded the default detector (``recognizers.preload``), so the
model is loaded once per run, not once per worker, and shared copy-on-write; each worker
builds the case's analyzer on top of it once and is given only the extracted texts of a
document, so both cores detect. They have no address-space limit
(the model alone would eat into a reading worker's), and no time limit beyond the caller's.

Redaction runs in the reading pool (both cores, per-document limits): :func:`redact_document`
redacts one document and re-extracts the result to check it. The bundle's checks
(:func:`verify_bundle_part`, our own output of any size) run in the detection pool.
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing as mp
import os
import queue
import threading
import time
from collections import defaultdict
from typing import Any, Callable

from pipeline.errors import DocumentError
from pipeline.limits import DEFAULT_LIMITS, Limits

log = logging.getLogger("sarpack.isolate")

# Seconds spent per stage, summed over documents and processes (read by ``sarpack bench``).
STAGE_SECONDS: dict[str, float] = defaultdict(float)
_stage_lock = threading.Lock()


def add_time(stage: str, seconds: float) -> None:
    with _stage_lock:
        STAGE_SECONDS[stage] += seconds


class DocumentTimeout(DocumentError):
    def __init__(self, seconds: float):
        super().__init__(f"processing took longer than {seconds:g} s (the per-document limit) and was stopped")


class DocumentOutOfMemory(DocumentError):
    def __init__(self, mb: int):
        super().__init__(f"processing needed more memory than the per-document limit ({mb} MB) and was stopped")


# ---------------------------------------------------------------- the work done in a child


def prepare_document(doc, limits: Limits):
    """Normalise, bake/scrub and extract one document. Returns (normalised, children, pdf, pages, timings)."""
    from pipeline.extract import extract_pages
    from pipeline.normalise import attachment_sources, normalise
    from pipeline.sanitise import prepare

    t0 = time.perf_counter()
    nd = normalise(doc, limits)
    t1 = time.perf_counter()
    children = attachment_sources(doc, nd)
    pdf = prepare(nd.pdf)
    t2 = time.perf_counter()
    pages = extract_pages(pdf)
    t3 = time.perf_counter()
    nd.pdf = b""  # the prepared PDF replaces it; don't ship both back
    return nd, children, pdf, pages, {"normalise": t1 - t0, "prepare": t2 - t1, "extract": t3 - t2}


def redact_document(pdf: bytes, boxes, values=None, label: str = "document"):
    """Redact one document; with ``values``, also verify the result (re-extract every page).
    Returns (pdf, verification report or None, timings, which pages the bundle can copy 1:1
    (:func:`pipeline.bundle.pages_fit_unscaled`))."""
    from pipeline.bundle import pages_fit_unscaled
    from pipeline.redact import redact_pdf

    t = time.perf_counter()
    out = redact_pdf(pdf, boxes)
    secs = {"redact": time.perf_counter() - t}
    rep = None
    if values is not None:
        from pipeline.verify import verify_pdf

        t = time.perf_counter()
        rep = verify_pdf(out, values, label=label)
        secs["verify (documents, in workers)"] = time.perf_counter() - t
    t = time.perf_counter()
    fits = pages_fit_unscaled(out)
    secs["bundle layout (in workers)"] = time.perf_counter() - t
    return out, rep, secs, fits


def verify_bundle_part(pdf: bytes, values, part: str, pages: range | None = None):
    """One check of the bundle: ``"text"`` (values, bookmarks, structure) or ``"xray"`` (of
    ``pages``, default all). Returns (problems, pages checked, timings)."""
    from pipeline.verify import verify_pdf, xray_check

    t = time.perf_counter()
    if part == "xray":
        problems, pages = xray_check(pdf, label="bundle", pages=pages), 0
        stage = "verify (bundle x-ray)"
    else:
        rep = verify_pdf(pdf, values, label="bundle")
        problems, pages = rep.problems, rep.pages_checked
        stage = "verify (bundle text, structure)"
    return problems, pages, {stage: time.perf_counter() - t}


def verify_bundle_parts(pdf: bytes, values, parts):
    """Several checks of the bundle one after the other (:func:`verify_bundle_part` each):
    ``parts`` is ``[(part, pages), ...]``. Returns a list of (problems, pages checked, timings)."""
    return [verify_bundle_part(pdf, values, part, pages) for part, pages in parts]


def detect_texts(case, settings, texts: list[str], extra_names: tuple[str, ...] = (), title: str | None = None):
    """Run the case's analyzer over a document's page texts (in a detection worker), and over
    its title on its own (as ``finalise.safe_title`` would). Returns (findings per text,
    the title's findings or None, timings, the normalised values the document settled as the
    requester's or someone else's: ``pipeline.case_settle.Settled``, handed back in memory only).
    ``settings`` None: ``DetectSettings()``."""
    t = time.perf_counter()
    if settings is None:
        from recognizers.analyzer import DetectSettings

        settings = DetectSettings()
    analyzer = _analyzer_for(case, settings)
    if extra_names:
        found = analyzer.analyze_many(texts, extra_names=list(extra_names))
    else:
        found = analyzer.analyze_many(texts)
    settled = analyzer.last_settled  # (before the title's call replaces it)
    title_found = None if title is None else analyzer.analyze_many([title])[0]
    return found, title_found, {"detect": time.perf_counter() - t}, settled


_ANALYZERS: dict[bytes, Any] = {}


def _analyzer_for(case, settings):
    """The worker's analyzer for a case (the shared core is loaded once per process)."""
    import hashlib
    import pickle

    from recognizers import build_analyzer

    key = hashlib.sha256(pickle.dumps((case, settings))).digest()
    an = _ANALYZERS.get(key)
    if an is None:
        if len(_ANALYZERS) > 8:
            _ANALYZERS.clear()
        an = _ANALYZERS[key] = build_analyzer(case, settings)
    return an


def load_detector(settings=None):
    """Warm a detection worker: load the spaCy model and recognizers."""
    from recognizers.analyzer import DetectSettings, _get_core

    t = time.perf_counter()
    _get_core(settings or DetectSettings())
    return {"detect (model load)": time.perf_counter() - t}


def _set_memory_limit(mb: int) -> None:
    if mb <= 0:
        return
    try:
        import resource

        limit = mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


def _worker_main(conn, memory_mb: int) -> None:
    _set_memory_limit(memory_mb)
    import pipeline.normalise  # noqa: F401 - warm the imports once per worker
    import pymupdf  # noqa: F401

    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args = job
        try:
            conn.send(("ok", fn(*args)))
        except DocumentError as exc:
            conn.send(("doc_error", exc.reason))
        except MemoryError:
            conn.send(("memory", None))
        except RecursionError:
            conn.send(("doc_error", "the document is nested too deeply to process"))
        except BaseException as exc:  # noqa: BLE001 - the type only: messages can quote content
            conn.send(("error", type(exc).__name__))


# ---------------------------------------------------------------- the parent side


class _Worker:
    def __init__(self, ctx, memory_mb: int):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, memory_mb), daemon=True)
        self.proc.start()
        child.close()

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        except Exception:  # noqa: BLE001
            pass
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
            self.proc.join(2)
        except Exception:  # noqa: BLE001
            pass
        if self.proc.is_alive():
            self.kill()


from multiprocessing import context as _mpc  # noqa: E402
from multiprocessing import popen_forkserver as _popen_forkserver  # noqa: E402


class _PreloadedPopen(_popen_forkserver.Popen):
    """multiprocessing's forkserver ``Popen``, connecting to the fork server of the process
    object's class (``_server``) instead of the shared one: the same steps as
    ``Popen._launch`` in CPython 3.9-3.13."""

    def _launch(self, process_obj):
        import io
        from multiprocessing import forkserver, reduction, spawn, util

        prep_data = spawn.get_preparation_data(process_obj._name)
        buf = io.BytesIO()
        _mpc.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            _mpc.set_spawning_popen(None)
        self.sentinel, w = type(process_obj)._server.connect_to_new_process(self._fds)
        _parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _DetectProcess(_mpc.ForkServerProcess):
    _server = None  # set by _preloaded_context (in the parent only; children never start one)

    @staticmethod
    def _Popen(process_obj):
        return _PreloadedPopen(process_obj)


class _DetectContext(_mpc.ForkServerContext):
    Process = _DetectProcess


def _preloaded_context(modules: list[str]):
    """A multiprocessing context whose processes fork from a fork server of their own, which
    imported ``modules`` first (multiprocessing has one fork server per process, shared by
    every forkserver context, and its preload list is the reading workers'). None on a Python
    outside 3.9-3.13 (whose ``Popen._launch`` :class:`_PreloadedPopen` repeats) or without a
    fork server: the caller then uses the shared fork server (one model load per worker)."""
    try:
        from multiprocessing import forkserver

        import sys

        if not (3, 9) <= sys.version_info[:2] <= (3, 13):  # _PreloadedPopen follows these versions' layout
            return None
        if "forkserver" not in mp.get_all_start_methods() or not hasattr(forkserver, "ForkServer"):
            return None
        if _DetectProcess._server is None:
            server = forkserver.ForkServer()
            server.set_forkserver_preload(modules)
            _DetectProcess._server = server
        return _DetectContext()
    except Exception:  # noqa: BLE001 - any surprise: the shared fork server
        return None


# What the detection workers' fork server imports: the default detector, loaded once.
DETECT_PRELOAD = ["pipeline.normalise", "pipeline.extract", "recognizers.preload"]


class WorkerPool:
    """Up to ``size`` worker processes, borrowed one job at a time (thread-safe). ``ctx``: the
    multiprocessing context to start them with (default: the shared fork server)."""

    def __init__(self, size: int | None = None, limits: Limits | None = None, ctx=None):
        self.size = max(1, size or os.cpu_count() or 1)
        self.limits = limits or Limits.from_env()
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.ctx = ctx or mp.get_context(method)
        if ctx is None and method == "forkserver":
            try:
                self.ctx.set_forkserver_preload(["pipeline.normalise", "pipeline.extract", "pipeline.sanitise"])
            except Exception:  # noqa: BLE001
                pass
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._count = 0
        self._lock = threading.Lock()
        self._closed = False

    def _borrow(self) -> _Worker:
        while True:
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                pass
            with self._lock:
                if self._count < self.size:
                    self._count += 1
                    try:
                        return _Worker(self.ctx, int(self.limits.max_memory_mb_per_document))
                    except Exception:
                        self._count -= 1
                        raise
            try:
                return self._idle.get(timeout=0.2)
            except queue.Empty:
                continue  # a killed worker may have freed a slot

    def _give_back(self, w: _Worker | None) -> None:
        if w is None:
            with self._lock:
                self._count -= 1
            # wake a waiter so it can start a new worker
            return
        self._idle.put(w)


    def run(self, fn: Callable, *args: Any, timeout: float | None = None, what: str = "document") -> Any:
        timeout = float(self.limits.max_seconds_per_document if timeout is None else timeout)
        w = self._borrow()
        try:
            w.conn.send((fn, args))
            if not w.conn.poll(timeout if timeout > 0 else None):
                log.warning("%s exceeded the time limit (%g s): worker killed", what, timeout)
                w.kill()
                w = None
                raise DocumentTimeout(timeout)
            try:
                kind, value = w.conn.recv()
            except (EOFError, OSError):
                code = w.proc.exitcode
                w.kill()
                w = None
                log.warning("%s: worker died (exit code %s)", what, code)
                raise DocumentOutOfMemory(int(self.limits.max_memory_mb_per_document)) from None
        except (BrokenPipeError, ConnectionResetError):
            if w is not None:
                w.kill()
                w = None
            raise DocumentOutOfMemory(int(self.limits.max_memory_mb_per_document)) from None
        finally:
            self._give_back(w)
        if kind == "ok":
            return value
        if kind == "doc_error":
            raise DocumentError(value)
        if kind == "memory":
            raise DocumentOutOfMemory(int(self.limits.max_memory_mb_per_document))
        raise DocumentError(f"the document could not be processed ({value})")

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                break


_POOL: WorkerPool | None = None
_DETECT_POOL: WorkerPool | None = None
_POOL_LOCK = threading.Lock()


def enabled() -> bool:
    """Isolation is on unless ``SARPACK_ISOLATE=0`` (for debugging only)."""
    return os.environ.get("SARPACK_ISOLATE", "1").strip().lower() not in ("0", "false", "no", "off")


def pool(limits: Limits | None = None) -> WorkerPool:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None or (limits is not None and limits != _POOL.limits):
            if _POOL is not None:
                _POOL.close()
            _POOL = WorkerPool(limits=limits or DEFAULT_LIMITS)
        return _POOL


def detect_pool() -> WorkerPool:
    """The detection workers (see the module docstring): no memory limit, no time limit.
    They also check the bundle (:func:`verify_bundle_part`)."""
    global _DETECT_POOL
    with _POOL_LOCK:
        if _DETECT_POOL is None:
            _DETECT_POOL = WorkerPool(limits=Limits(max_memory_mb_per_document=0, max_seconds_per_document=0),
                                      ctx=_preloaded_context(DETECT_PRELOAD))
        return _DETECT_POOL


def detect(case, settings, texts: list[str], extra_names: tuple[str, ...] = (), title: str | None = None,
           what: str = "document"):
    """:func:`detect_texts` in a detection worker (in this process when isolation is off)."""
    if not enabled():
        return detect_texts(case, settings, texts, extra_names, title)
    return detect_pool().run(detect_texts, case, settings, texts, tuple(extra_names), title, what=what)


def warm_detectors(settings=None) -> None:
    """Start every detection worker and load its model, in the background (returns at once)."""
    if not enabled():
        return
    p = detect_pool()

    def one():
        try:
            p.run(load_detector, settings, what="detector warm-up")
        except Exception as exc:  # noqa: BLE001 - the first real job will report it
            log.warning("detection worker warm-up failed (%s)", type(exc).__name__)

    for _ in range(p.size):
        threading.Thread(target=one, daemon=True).start()


def run(fn: Callable, *args: Any, limits: Limits | None = None, what: str = "document") -> Any:
    """Run ``fn(*args)`` under the per-document limits (in-process when isolation is off)."""
    if not enabled():
        return fn(*args)
    return pool(limits).run(fn, *args, what=what)


@atexit.register
def _shutdown() -> None:
    if _POOL is not None:
        _POOL.close()
    if _DETECT_POOL is not None:
        _DETECT_POOL.close()
