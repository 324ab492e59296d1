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
