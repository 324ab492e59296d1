"""Progress reporting and cancellation for long work, without Qt.

Core functions take ``progress(done, total, label)`` and a :class:`CancelToken`. The GUI
runs them on its worker pool and shows a cancellable progress bar; the CLI prints to stderr.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from reader.errors import Cancelled

log = logging.getLogger(__name__)


class Progress(Protocol):
    def __call__(self, done: int, total: int, label: str) -> None: ...


def no_progress(done: int, total: int, label: str) -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """A thread-safe cancel flag shared between the caller and the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until cancelled (True) or ``timeout`` seconds passed (False)."""
        return self._event.wait(timeout)


NEVER_CANCELLED = CancelToken()

ProgressFn = Callable[[int, int, str], None]

#: Between a phase and the detail in a progress label: ``"Reading 12 new or changed
#: files: memo.pdf (page 3 of 37)"``. A front end says the phase once (a line of its own
#: in the CLI) and the detail as it goes.
PHASE_SEPARATOR = ": "


def phase(progress: ProgressFn, title: str) -> ProgressFn:
    """``progress`` for one phase of a long job: every label becomes ``title: detail``
    (``title`` alone when the detail is empty or the same)."""

    def report(done: int, total: int, label: str) -> None:
        progress(done, total, f"{title}{PHASE_SEPARATOR}{label}" if label and label != title
                 else title)

    return report


def split_label(label: str) -> tuple[str, str]:
    """(phase, detail) of a progress label (the detail may be ``""``)."""
    head, _, tail = label.partition(PHASE_SEPARATOR)
    return head, tail


def count(n: int, one: str, many: str = "") -> str:
    """``"1 file"``, ``"1,204 files"``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"

TaskFn = Callable[[ProgressFn, CancelToken], Any]
"""A piece of long work: ``fn(progress, cancel) -> result``."""

Scheduler = Callable[[TaskFn, str], None]
"""Runs ``fn(progress, cancel)`` in the background (``label`` names it). The core's
background upkeep (the search index folding small segments) goes through one, so the GUI
can hand it its task runner; :func:`thread_scheduler` is the default."""


def thread_scheduler(fn: TaskFn, label: str) -> None:
    """Run ``fn`` on a thread of its own (not a daemon: a commit is never cut off by the
    interpreter's exit; whoever owns the work cancels it before)."""

    def run() -> None:
        try:
            fn(no_progress, NEVER_CANCELLED)
        except Cancelled:
            pass
        except Exception:
            log.exception("background work failed: %s", label)

    threading.Thread(target=run, name=label).start()
