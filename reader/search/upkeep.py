"""Background upkeep of the index: folding the tiny segments that one-document commits
leave, as a cancellable job run by a :data:`~reader.progress.Scheduler` (a thread by
default; the GUI's task runner in the app), so closing the index never waits for a fold
to run to its end."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from reader.progress import CancelToken, ProgressFn

log = logging.getLogger(__name__)

CLOSE_WAIT = 5.0  # seconds closing waits for a cancelled fold to stop (it stops between
#                   segments; the last step, writing the folded segment, is not cut)

IsCancelled = Callable[[], bool]


class Fold:
    """One fold job: ``fn(progress, cancel)`` for a scheduler. ``work(is_cancelled)``
    does the folding and checks ``is_cancelled`` between steps; it is cancelled by the
    scheduler's token or by :meth:`cancel` (the engine closing). :attr:`done` is set when
    the job has ended (run, skipped or cancelled)."""

    def __init__(self, work: Callable[[IsCancelled], None]) -> None:
        self.token = CancelToken()
        self.done = threading.Event()
        self.started = threading.Event()
        self._work = work

    def __call__(self, progress: ProgressFn, cancel: CancelToken) -> None:
        self.started.set()
        try:
            def is_cancelled() -> bool:
                return self.token.cancelled or cancel.cancelled

            if not is_cancelled():
                self._work(is_cancelled)
        finally:
            self.done.set()

    @property
    def running(self) -> bool:
        return not self.done.is_set()

    def cancel(self) -> None:
        self.token.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the job to end; False when it had not ended after ``timeout``."""
        return self.done.wait(timeout)
