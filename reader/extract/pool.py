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
* **overall**: no file may take longer than ``max_seconds`` (20 minutes) in total.
* a worker that dies (segfault, ``os._exit``, killed from outside): "the extractor
  crashed (exit code N)" / "(signal N)"; its replacement takes the next file.

Formats whose :class:`~reader.extract.registry.FormatInfo` has ``isolated=False`` (text,
Markdown) and unknown types run in this process; when no job needs isolation no worker
process is started at all. Workers use the ``spawn`` start method; one per core by
default, never more than the isolated jobs. Bigger files are started first, so one huge
PDF does not start last and finish alone. After a file that left a worker with more
than 300 MB resident, the worker retires and a fresh one takes its place.

**Cancelling**: when ``cancel`` is set, the workers are killed at once and the generator
raises :class:`~reader.errors.Cancelled` at the next result it would have yielded
(results yielded before stay valid). Closing the generator early (``break``) also stops
the workers. Every exception an extractor raises comes back as a status and a reason;
the generator itself raises only ``Cancelled``.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from reader.documents.model import DocStatus
from reader.errors import Cancelled
from reader.extract.base import Extracted
from reader.extract.pool_worker import memory_reason, run_job, worker_main
from reader.extract.registry import FormatInfo, format_for
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0  # seconds without progress
DEFAULT_MAX_SECONDS = 20 * 60.0  # per file, in total
DEFAULT_MEMORY_MB = 1024
POLL = 0.1
#: Seconds a new worker process may take to start (spawn, imports) before its first job's
#: time limits begin; a machine under heavy load can take several seconds.
BOOT_SECONDS = 120.0
PROGRESS_INTERVAL = 0.2


@dataclass(frozen=True)
class Job:
    key: str
    path: Path


@dataclass(frozen=True)
class JobResult:
    key: str
    path: Path
    extracted: Extracted | None  # None when it failed
    status: DocStatus
    reason: str
    seconds: float


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _isolated(path: Path, formats: Mapping[str, FormatInfo] | None) -> bool:
    info = (formats or {}).get(path.suffix.lower()) or format_for(path)
    return bool(info and info.isolated)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _Worker:
    def __init__(self, ctx: Any, memory_mb: int,
                 formats: Mapping[str, FormatInfo] | None) -> None:
        parent, child = ctx.Pipe(duplex=True)
        self.conn: Connection = parent
        self.proc = ctx.Process(target=worker_main, args=(child, memory_mb, formats),
                                name="policy-reader-extract", daemon=True)
        self.proc.start()
        child.close()
        self.job: int | None = None
        self.started = 0.0
        self.last_beat = 0.0
        self.retiring = False
        self.booted = False
        self.born = time.monotonic()

    def assign(self, index: int, path: Path) -> None:
        now = time.monotonic()
        self.job, self.started, self.last_beat = index, now, now
        self.conn.send(("job", index, str(path)))

    def kill(self) -> None:
        try:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join(timeout=5)
        except (OSError, ValueError):
            pass
        finally:
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.proc.join(timeout=2)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "the extractor crashed"
    if code < 0:
        return f"the extractor crashed (signal {-code})"
    return f"the extractor crashed (exit code {code})"


def extract_many(jobs: Sequence[Job], *, workers: int | None = None,
                 timeout: float | None = None, memory_mb: int | None = None,
                 progress: ProgressFn = no_progress, cancel: CancelToken = NEVER_CANCELLED,
                 max_seconds: float | None = None,
                 formats: Mapping[str, FormatInfo] | None = None) -> Iterator[JobResult]:
    """Extract ``jobs``; yield each result as it completes (see the module docstring).

    ``timeout``: seconds without progress before a file is stopped (60);
    ``max_seconds``: total seconds one file may take (1200); ``memory_mb``: each worker's
    memory cap (1024); ``workers``: worker processes (one per core); ``formats``: format
    entries by suffix that take precedence over the registry (tests use it to inject
    extractors; they must be importable by a spawned process).
    """
    return _Run(list(jobs), workers=workers or default_workers(),
                timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
                max_seconds=DEFAULT_MAX_SECONDS if max_seconds is None else max_seconds,
                memory_mb=memory_mb or DEFAULT_MEMORY_MB, progress=progress, cancel=cancel,
                formats=dict(formats) if formats else None).results()


class _Run:
    def __init__(self, jobs: list[Job], *, workers: int, timeout: float, max_seconds: float,
                 memory_mb: int, progress: ProgressFn, cancel: CancelToken,
                 formats: dict[str, FormatInfo] | None) -> None:
        self.jobs = jobs
        self.n_workers = workers
        self.timeout, self.max_seconds, self.memory_mb = timeout, max_seconds, memory_mb
        self.progress, self.cancel, self.formats = progress, cancel, formats
        self.workers: list[_Worker] = []
        self.done = 0
        self._last_progress = 0.0

    # -- progress -------------------------------------------------------------------------
    def _report(self, label: str, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            try:
                self.progress(self.done, len(self.jobs), label)
            except Exception:  # a broken progress callback must not stop the batch
                log.exception("progress callback failed")

    def _result(self, index: int, extracted: Extracted | None, status: DocStatus,
                reason: str, seconds: float) -> JobResult:
        job = self.jobs[index]
        self.done += 1
        if status is not DocStatus.OK:
            log.info("%s: %s%s", job.path.name, status.value, f": {reason}" if reason else "")
        self._report(f"Extracted {job.path.name}", force=True)
        return JobResult(job.key, job.path, extracted, status, reason, round(seconds, 3))

    # -- the loop -------------------------------------------------------------------------
    def results(self) -> Iterator[JobResult]:
        isolated = [i for i, j in enumerate(self.jobs) if _isolated(j.path, self.formats)]
        iso = set(isolated)
        local = deque(i for i in range(len(self.jobs)) if i not in iso)
        isolated.sort(key=lambda i: -_size(self.jobs[i].path))
        queue = deque(isolated)
        ctx = multiprocessing.get_context("spawn")
        self._report("Extracting", force=True)
        try:
            while queue or local or any(w.job is not None for w in self.workers):
                if self.cancel.cancelled:
                    raise Cancelled()
                self._fill(ctx, queue)
                if local:
                    yield self._run_local(local.popleft())
                    timeout = 0.0
                else:
                    timeout = POLL
                yield from self._collect(timeout)
                yield from self._police()
            if self.cancel.cancelled:
                raise Cancelled()
        finally:
            self._shutdown()

    def _run_local(self, index: int) -> JobResult:
        job = self.jobs[index]
        self._report(f"Extracting {job.path.name}")
        t0 = time.monotonic()
        result, status, reason, tb = run_job(Path(job.path), self.formats, self.memory_mb)
        if tb:
            log.error("extractor failed on %s:\n%s", job.path, tb)
        return self._result(index, result, status, reason, time.monotonic() - t0)

    def _fill(self, ctx: Any, queue: deque[int]) -> None:
        """Give queued jobs to idle workers, starting workers as needed."""
        while queue:
            idle = next((w for w in self.workers if w.job is None and not w.retiring), None)
            if idle is None:
                if len(self.workers) >= self.n_workers:
                    return
                idle = _Worker(ctx, self.memory_mb, self.formats)
                self.workers.append(idle)
            index = queue.popleft()
            try:
                idle.assign(index, self.jobs[index].path)
            except (OSError, BrokenPipeError, ValueError):
                queue.appendleft(index)  # the worker died before it got the job
                self._drop(idle)

    def _drop(self, worker: _Worker) -> None:
        worker.kill()
        if worker in self.workers:
            self.workers.remove(worker)

    def _collect(self, timeout: float) -> Iterator[JobResult]:
        if not self.workers:
            if timeout:
                time.sleep(timeout)
            return
        conns = {w.conn: w for w in self.workers}
        sentinels = {w.proc.sentinel: w for w in self.workers}
        ready = wait(list(conns) + list(sentinels), timeout=timeout)
        for obj in ready:
            worker = conns.get(obj)  # type: ignore[call-overload]
            if worker is not None and worker in self.workers:
                yield from self._read(worker)
        for obj in ready:
            worker = sentinels.get(obj)  # type: ignore[call-overload]
            if worker is not None and worker in self.workers and not worker.proc.is_alive():
                yield from self._read(worker)  # a last message may still be in the pipe
                if worker in self.workers:
                    yield from self._died(worker)

    def _read(self, worker: _Worker) -> Iterator[JobResult]:
        while worker in self.workers:
            try:
                if not worker.conn.poll():
                    return
                msg = worker.conn.recv()
            except (EOFError, OSError):
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
                    self._report(f"Extracting {name} (page {done}"
                                 + (f" of {total})" if total else ")"))
            elif kind == "log":
                logging.getLogger(msg[2]).log(msg[1], "%s", msg[3])
            elif kind == "done":
                _, index, extracted, status, reason, tb, retire = msg
                seconds = time.monotonic() - worker.started
                worker.job = None
                if tb:
                    log.error("extractor failed on %s:\n%s", self.jobs[index].path, tb)
                if retire:
                    worker.retiring = True
                    worker.stop()
                    self.workers.remove(worker)
                yield self._result(index, extracted, DocStatus(status), reason, seconds)

    def _died(self, worker: _Worker) -> Iterator[JobResult]:
        code = worker.proc.exitcode
        index = worker.job
        self._drop(worker)
        if index is not None:
            log.warning("%s: the extraction worker died (exit code %s)",
                        self.jobs[index].path.name, code)
            yield self._result(index, None, DocStatus.DAMAGED, _exit_reason(code),
                               time.monotonic() - worker.started)

    def _police(self) -> Iterator[JobResult]:
        """Kill workers whose file made no progress for too long or took too long."""
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.job is None:
                continue
            if not worker.booted:
                if now - worker.born <= BOOT_SECONDS:
                    continue
                reason = f"the extractor did not start within {BOOT_SECONDS:g} s"
            elif now - worker.last_beat > self.timeout:
                reason = f"stopped: no progress for {self.timeout:g} s"
            elif now - worker.started > self.max_seconds:
                reason = f"stopped: took longer than {_duration(self.max_seconds)}"
            else:
                continue
            index = worker.job
            log.warning("%s: %s", self.jobs[index].path.name, reason)
            self._drop(worker)
            yield self._result(index, None, DocStatus.DAMAGED, reason, now - worker.started)

    def _shutdown(self) -> None:
        busy = [w for w in self.workers if w.job is not None]
        for w in busy:
            w.kill()
        for w in self.workers:
            if w not in busy:
                w.stop()
        self.workers.clear()


def _duration(seconds: float) -> str:
    if seconds >= 120:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


__all__ = ["DEFAULT_MAX_SECONDS", "DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "Job", "JobResult",
           "default_workers", "extract_many", "memory_reason"]
