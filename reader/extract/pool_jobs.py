"""What the extraction pool (:mod:`reader.extract.pool`) hands around: jobs and their
results, and the handle of one worker process (its pipe, its current task, its clock)."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reader.extract.base import Extracted
from reader.extract.pool_worker import worker_main
from reader.extract.registry import FormatInfo, format_for
from reader.model.documents import DocStatus


@dataclass(frozen=True)
class Job:
    key: str
    path: Path
    #: the password the person gave for an encrypted PDF (in memory only: sent to the
    #: worker with each task of the job, never written)
    password: str | None = field(default=None, repr=False)


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


def needs_isolation(path: Path, formats: Mapping[str, FormatInfo] | None) -> bool:
    info = (formats or {}).get(path.suffix.lower()) or format_for(path)
    return bool(info and info.isolated)


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


Task = tuple[Any, ...]  # ("job", i) | ("part", i, k, first, last) | ("assemble", i)


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, ctx: Any, memory_mb: int,
                 formats: Mapping[str, FormatInfo] | None) -> None:
        parent, child = ctx.Pipe(duplex=True)
        self.conn: Connection = parent
        self.proc = ctx.Process(target=worker_main, args=(child, memory_mb, formats),
                                name="policy-reader-extract", daemon=True)
        self.proc.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0
        self.last_beat = 0.0
        self.retiring = False
        self.booted = False
        self.born = time.monotonic()

    @property
    def job(self) -> int | None:
        return None if self.task is None else self.task[1]

    def assign(self, task: Task, message: tuple[Any, ...]) -> None:
        now = time.monotonic()
        self.task, self.started, self.last_beat = task, now, now
        self.conn.send(message)

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


@dataclass
class Split:
    """A big PDF read as page ranges by several workers, then assembled by one."""

    parts: int
    files: dict[int, str]  # part number -> its file in the spool folder


def exit_reason(code: int | None) -> str:
    if code is None:
        return "the extractor crashed"
    if code < 0:
        return f"the extractor crashed (signal {-code})"
    return f"the extractor crashed (exit code {code})"
