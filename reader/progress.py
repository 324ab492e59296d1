"""Progress reporting and cancellation for long work, without Qt.

Core functions take ``progress(done, total, label)`` and a :class:`CancelToken`. The GUI
runs them on its worker pool and shows a cancellable progress bar; the CLI prints to stderr.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from reader.errors import Cancelled


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


NEVER_CANCELLED = CancelToken()

ProgressFn = Callable[[int, int, str], None]
