"""Isolated extraction: files are read in worker processes with a memory cap and time
limits, so a file that hangs, balloons or crashes its parser is stopped and reported while
the batch goes on.

:func:`extract_many` yields one :class:`JobResult` per job, in the order they finish.

Limits (defaults):

* **memory**: each worker caps its address space with ``RLIMIT_AS`` at ``memory_mb``
  (1024 MB; skipped where the ``resource`` module is missing). A file that needs more is
  reported ``DAMAGED`` "stopped: used more than 1024 MB" and the worker is replaced.
* **no progress**: a worker reports progress (the PDF extractor: every page). When a file
  makes no progress for ``timeout`` seconds (60) it is killed: "stopped: no progress for
  60 s". A 2,000-page PDF that takes minutes but keeps turning pages is not stopped.
* **overall**: no file may take longer than ``max_seconds`` (30 minutes) in all.
* a worker that dies (segfault, ``os._exit``, killed from outside): "the extractor
  crashed (exit code N)" / "(signal N)"; a new worker takes the next file.
* a worker gets 120 s to start (spawn and imports on a busy machine) before the limits
  above apply to its first file.

Scheduling: non-isolated formats (text, Markdown) and unknown types run here (no worker
starts when no job needs one). ``spawn`` workers, one per core, bigger files first. A PDF
of ``split_pages`` pages (200) or more is read in one page range per worker, then one
assembles it (byte for byte the unsplit text; parts wait in a private spool folder). A
PDF's scanned pages are then recognised by OCR tasks shared between the workers
(:mod:`reader.extract.ocr.tasks`; stopped OCR keeps the pages done). A worker left above
300 MB resident retires after its file.

**Cancelling**: when ``cancel`` is set, the workers are killed at once and the generator
raises :class:`~reader.errors.Cancelled` (results yielded before stay valid; it is checked
every 0.1 s). Closing the generator early (``break``) also stops the workers. Every
exception an extractor raises comes back as a status and a one-line reason; the
generator itself raises only ``Cancelled``.
"""

from __future__ import annotations

import logging
import multiprocessing
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from reader.errors import Cancelled
from reader.extract.base import Extracted
from reader.extract.ocr.options import OcrOptions
from reader.extract.ocr.tasks import OcrScheduler
from reader.extract.pool_jobs import (
    Job,
    JobResult,
    Split,
    Task,
    default_workers,
    exit_reason,
    file_size,
    needs_isolation,
)
from reader.extract.pool_jobs import Worker as _Worker
from reader.extract.pool_worker import is_pdf, memory_reason, run_job
from reader.extract.registry import FormatInfo
from reader.model.documents import DocStatus
from reader.paths import user_cache_dir
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0  # seconds without progress
DEFAULT_MAX_SECONDS = 30 * 60.0  # per file, in total
SPLIT_MIN_PAGES = 200  # PDFs this long are read by all workers in page ranges
DEFAULT_MEMORY_MB = 1024
POLL = 0.1
#: Seconds a new worker process may take to start (spawn, imports) before its first job's
#: time limits begin; a machine under heavy load can take several seconds.
BOOT_SECONDS = 120.0
PROGRESS_INTERVAL = 0.2


def extract_many(jobs: Sequence[Job], *, workers: int | None = None,
                 timeout: float | None = None, memory_mb: int | None = None,
                 progress: ProgressFn = no_progress, cancel: CancelToken = NEVER_CANCELLED,
                 max_seconds: float | None = None, split_pages: int | None = None,
                 formats: Mapping[str, FormatInfo] | None = None,
                 ocr: OcrOptions | None = None) -> Iterator[JobResult]:
    """Extract ``jobs``; yield each result as it completes (see the module docstring).

    ``timeout``: seconds without progress before a file is stopped (60);
    ``max_seconds``: total seconds one file may take (1800); ``memory_mb``: each worker's
    memory cap (1024); ``workers``: worker processes (one per core); ``split_pages``: PDFs
    with at least this many pages are read by all workers in page ranges (200; 0: never);
    ``formats``: format entries by suffix that take precedence over the registry (tests
    use it to inject extractors; they must be importable by a spawned process);
    ``ocr``: what to do with scanned PDF pages (:mod:`reader.extract.ocr`; ``None``: they
    are left without text).
    """
    return _Run(list(jobs), workers=workers or default_workers(),
                timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
                max_seconds=DEFAULT_MAX_SECONDS if max_seconds is None else max_seconds,
                memory_mb=memory_mb or DEFAULT_MEMORY_MB, progress=progress, cancel=cancel,
                split_pages=SPLIT_MIN_PAGES if split_pages is None else split_pages,
                formats=dict(formats) if formats else None, ocr=ocr).results()


class _Run:
    def __init__(self, jobs: list[Job], *, workers: int, timeout: float, max_seconds: float,
                 memory_mb: int, progress: ProgressFn, cancel: CancelToken, split_pages: int,
                 formats: dict[str, FormatInfo] | None, ocr: OcrOptions | None = None) -> None:
        self.jobs = [j if isinstance(j.path, Path) else Job(j.key, Path(j.path), j.password)
                     for j in jobs]
        self.n_workers = max(1, workers)
        self.timeout, self.max_seconds, self.memory_mb = timeout, max_seconds, memory_mb
        self.progress, self.cancel, self.formats = progress, cancel, formats
        self.split_pages = split_pages
        self.workers: list[_Worker] = []
        self.queue: deque[Task] = deque()
        self.splits: dict[int, Split] = {}
        self.first_start: dict[int, float] = {}
        self.finished: set[int] = set()
        self.spool: str | None = None
        self.done = 0
        self._last_progress = 0.0
        self.ocr = OcrScheduler(ocr, self.n_workers)

    # -- progress and results -------------------------------------------------------------
    def _report(self, label: str, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            try:
                self.progress(self.done, len(self.jobs), label)
            except Exception:  # a broken progress callback must not stop the batch
                log.exception("progress callback failed")

    def _result(self, index: int, extracted: Extracted | None, status: DocStatus,
                reason: str) -> JobResult | None:
        """The result of job ``index`` (``None`` when it was already reported)."""
        if index in self.finished:
            return None
        stopped = self.ocr.active(index) and status is not DocStatus.OK
        if stopped:
            kept = self.ocr.stopped(index, reason)  # the pages recognised so far are kept
            if kept is not None:
                extracted, status, reason = kept, kept.status, kept.reason
        self.finished.add(index)
        self.splits.pop(index, None)
        job = self.jobs[index]
        seconds = time.monotonic() - self.first_start.get(index, time.monotonic())
        self.done += 1
        if status is not DocStatus.OK or stopped:
            log.info("%s: %s%s", job.path.name, status.value, f": {reason}" if reason else "")
            for w in [w for w in self.workers if w.job == index]:  # other parts of it
                self._drop(w)
        self._report(f"Extracted {job.path.name}", force=True)
        return JobResult(job.key, job.path, extracted, status, reason, round(seconds, 3))

    # -- the loop -------------------------------------------------------------------------
    def results(self) -> Iterator[JobResult]:
        isolated = [i for i, j in enumerate(self.jobs) if needs_isolation(j.path, self.formats)]
        iso = set(isolated)
        local = deque(i for i in range(len(self.jobs)) if i not in iso)
        isolated.sort(key=lambda i: -file_size(self.jobs[i].path))
        self.queue.extend(("job", i) for i in isolated)
        ctx = multiprocessing.get_context("spawn")
        self._report("Extracting", force=True)
        try:
            while self.queue or local or any(w.task is not None for w in self.workers):
                if self.cancel.cancelled:
                    raise Cancelled()
                self._fill(ctx)
                timeout = POLL
                if local:
                    res = self._run_local(local.popleft())
                    if res is not None:
                        yield res
                    timeout = 0.0
                for res in self._collect(timeout):
                    if res is not None:
                        yield res
                for res in self._police():
                    if res is not None:
                        yield res
            if self.cancel.cancelled:
                raise Cancelled()
        finally:
            self._shutdown()

    def _run_local(self, index: int) -> JobResult | None:
        job = self.jobs[index]
        self._report(f"Extracting {job.path.name}")
        self.first_start[index] = time.monotonic()
        result, status, reason, tb = run_job(Path(job.path), self.formats, self.memory_mb)
        if tb:
            log.error("extractor failed on %s:\n%s", job.path, tb)
        return self._result(index, result, status, reason)

    def _message(self, task: Task) -> tuple[Any, ...]:
        kind, index = task[0], task[1]
        path = str(self.jobs[index].path)
        password = self.jobs[index].password
        if kind == "job":
            self.first_start.setdefault(index, time.monotonic())
            split = ((self.n_workers, self.split_pages, self._spool())
                     if self.n_workers > 1 and self.split_pages > 0 else None)
            return ("job", index, path, split, password)
        if kind == "part":
            return ("part", index, path, task[2], task[3], task[4], self._spool(), password)
        if kind == "ocr":
            return self.ocr.message(task, path, password)
        files = self.splits[index].files
        return ("assemble", index, path, [files[k] for k in sorted(files)], password)

    def _spool(self) -> str:
        """A private folder where workers leave the parts of split PDFs (on disk, so that
        no process holds them all in memory); removed when the run ends."""
        if self.spool is None:
            base = user_cache_dir() / "extract-parts"
            try:
                base.mkdir(parents=True, exist_ok=True)
                self.spool = tempfile.mkdtemp(prefix="run-", dir=base)
            except OSError:
                self.spool = tempfile.mkdtemp(prefix="policy-reader-parts-")
        return self.spool

    def _fill(self, ctx: Any) -> None:
        """Give queued tasks to idle workers, starting workers as needed."""
        while self.queue:
            task = self.queue[0]
            if task[1] in self.finished:  # a part of a job that already failed
                self.queue.popleft()
                continue
            idle = next((w for w in self.workers if w.task is None and not w.retiring), None)
            if idle is None:
                if len(self.workers) >= self.n_workers:
                    return
                idle = _Worker(ctx, self.memory_mb, self.formats)
                self.workers.append(idle)
            self.queue.popleft()
            try:
                idle.assign(task, self._message(task))
            except (OSError, ValueError):
                self.queue.appendleft(task)  # the worker died before it got the task
                self._drop(idle)
                continue

    def _drop(self, worker: _Worker) -> None:
        worker.kill()
        if worker in self.workers:
            self.workers.remove(worker)

    def _collect(self, timeout: float) -> Iterator[JobResult | None]:
        if not self.workers:
            if timeout:
                time.sleep(timeout)
            return
        conns: dict[Any, _Worker] = {w.conn: w for w in self.workers}  # wait() gives Any
        sentinels = {w.proc.sentinel: w for w in self.workers}
        ready = wait(list(conns) + list(sentinels), timeout=timeout)
        for obj in ready:
            worker = conns.get(obj)
            if worker is not None and worker in self.workers:
                yield from self._read(worker)
        for obj in ready:
            worker = sentinels.get(obj)
            if worker is not None and worker in self.workers and not worker.proc.is_alive():
                yield from self._read(worker)  # a last message may still be in the pipe
                if worker in self.workers:
                    yield self._died(worker)

    def _finish_task(self, worker: _Worker, retire: bool) -> None:
        worker.task = None
        if retire:
            worker.retiring = True
            worker.stop()
            self.workers.remove(worker)

    def _read(self, worker: _Worker) -> Iterator[JobResult | None]:
        while worker in self.workers:
            try:
                if not worker.conn.poll():
                    return
                msg = worker.conn.recv()
            except (EOFError, OSError):
                return
            except Exception as exc:  # a result that cannot be unpickled here
                log.exception("cannot read a message from an extraction worker")
                index = worker.job
                self._drop(worker)
                if index is not None:
                    yield self._result(index, None, DocStatus.DAMAGED,
                                       f"the extractor's result could not be read ({exc})")
                return
            kind = msg[0]
            if kind == "ready":
                worker.booted = True
                worker.started = worker.last_beat = time.monotonic()
            elif kind == "beat":
                worker.last_beat = time.monotonic()
                if worker.job is not None:
                    done, total = msg[1], msg[2]
                    name = self.jobs[worker.job].path.name
                    self._report(self.ocr.progress_label(worker.job, name)
                                 if self.ocr.active(worker.job) else
                                 f"Extracting {name} (page {done}"
                                 + (f" of {total})" if total else ")"))
            elif kind == "log":
                logging.getLogger(msg[2]).log(msg[1], "%s", msg[3])
            elif kind == "split":
                _, index, ranges = msg
                self.splits[index] = Split(parts=len(ranges) + 1, files={})
                for k in range(len(ranges), 0, -1):  # other workers take them next
                    self.queue.appendleft(("part", index, k, *ranges[k - 1]))
                log.info("%s: read in %d page ranges", self.jobs[index].path.name,
                         len(ranges) + 1)
            elif kind == "part":
                _, index, part_no, part_file, retire = msg
                self._finish_task(worker, retire)
                split_job = self.splits.get(index)
                if split_job is not None and index not in self.finished:
                    split_job.files[part_no] = part_file
                    if len(split_job.files) == split_job.parts:
                        self.queue.appendleft(("assemble", index))
            elif kind == "done":
                _, index, extracted, status, reason, tb, retire = msg
                self._finish_task(worker, retire)
                if tb:
                    log.error("extractor failed on %s:\n%s", self.jobs[index].path, tb)
                if (extracted is not None and index not in self.finished
                        and is_pdf(self.jobs[index].path, self.formats)):
                    extracted, tasks = self.ocr.start(index, self.jobs[index].path, extracted)
                    if extracted is None:  # its scanned pages are recognised first
                        self.queue.extendleft(reversed(tasks))
                        continue
                    status, reason = extracted.status.value, extracted.reason
                yield self._result(index, extracted, DocStatus(status), reason)
            elif kind in ("ocr-page", "ocr-meta"):
                self.ocr.on_message(msg)
            elif kind == "ocr-done":
                _, index, problem, retire = msg
                self._finish_task(worker, retire)
                merged = self.ocr.on_chunk_done(index, problem)
                if merged is not None:
                    yield self._result(index, merged, merged.status, merged.reason)

    def _died(self, worker: _Worker) -> JobResult | None:
        code = worker.proc.exitcode
        index = worker.job
        self._drop(worker)
        if index is None:
            return None
        log.warning("%s: the extraction worker died (exit code %s)",
                    self.jobs[index].path.name, code)
        return self._result(index, None, DocStatus.DAMAGED, exit_reason(code))

    def _police(self) -> Iterator[JobResult | None]:
        """Kill workers whose file made no progress for too long or took too long."""
        now = time.monotonic()
        for worker in list(self.workers):
            index = worker.job
            if index is None or worker not in self.workers:
                continue
            if not worker.booted:
                if now - worker.born <= BOOT_SECONDS:
                    continue
                reason = f"the extractor did not start within {BOOT_SECONDS:g} s"
            elif now - worker.last_beat > self.timeout:
                reason = f"stopped: no progress for {self.timeout:g} s"
            elif now - self.first_start.get(index, worker.started) > self.max_seconds:
                reason = f"stopped: took longer than {_duration(self.max_seconds)}"
            else:
                continue
            log.warning("%s: %s", self.jobs[index].path.name, reason)
            self._drop(worker)
            yield self._result(index, None, DocStatus.DAMAGED, reason)

    def _shutdown(self) -> None:
        busy = [w for w in self.workers if w.task is not None]
        for w in busy:
            w.kill()
        for w in self.workers:
            if w not in busy:
                w.stop()
        self.workers.clear()
        if self.spool is not None:
            shutil.rmtree(self.spool, ignore_errors=True)
            self.spool = None


def _duration(seconds: float) -> str:
    if seconds >= 120:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


__all__ = ["DEFAULT_MAX_SECONDS", "DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "SPLIT_MIN_PAGES",
           "Job", "JobResult", "default_workers", "extract_many", "memory_reason"]
