"""Background upkeep of the index: folding the tiny segments that one-document commits
leave, as a cancellable job run by a :data:`~reader.progress.Scheduler` (a thread by
default; the GUI's task runner in the app), so closing the index never waits for a fold
to run to its end.

In the app the merging itself runs in a child process (:func:`fold_in_child`): Whoosh's
merge is Python work that holds the interpreter lock for tens of milliseconds at a time,
which stalled the window by up to 220 ms while a fold ran on a thread beside it
(``tests/bench/watch.py``). The child takes the index's own write lock, so writers of
this and other processes wait their turn as before; stopping it is safe at any moment
(Whoosh writes its table of contents last, by rename, and the next commit removes the
files a stopped one left).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from reader.errors import Cancelled
from reader.progress import CancelToken, ProgressFn

log = logging.getLogger(__name__)

CLOSE_WAIT = 5.0  # seconds closing waits for a cancelled fold to stop (it stops between
#                   segments; the last step, writing the folded segment, is not cut)

IsCancelled = Callable[[], bool]
CHILD_POLL = 0.05  # seconds between looks at the cancel token while a child folds
CHILD_EXIT_WAIT = 5.0  # seconds a stopped child gets to end before it is killed
FOLDED, LOCKED = 0, 3  # the child's exit codes: folded, or another process was writing


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


def _fold_child(directory: str) -> None:
    """The child process: fold the tiny segments of the index in ``directory``."""
    from whoosh import index as windex

    from reader.search.merging import fold_tiny_segments
    from reader.search.recovery import INDEX_NAME

    with suppress(AttributeError, OSError):  # no os.nice here, or refused
        os.nice(5)  # the window's process comes first on a busy machine
    ix = windex.open_dir(directory, indexname=INDEX_NAME)
    try:
        folded = fold_tiny_segments(ix, lambda: False)
    finally:
        ix.close()
    raise SystemExit(FOLDED if folded else LOCKED)


def fold_in_child(directory: Path, is_cancelled: IsCancelled) -> bool:
    """Fold the tiny segments of the index in ``directory`` in a child process and wait
    for it (True: folded; False: another process was writing, or the child failed, which
    is logged: a later commit folds). Raises :class:`Cancelled` once ``is_cancelled()``
    says so, after stopping the child."""
    child = multiprocessing.get_context("spawn").Process(
        target=_fold_child, args=(str(directory),), name="policy-reader-fold", daemon=True)
    started = time.monotonic()
    child.start()
    try:
        while child.is_alive():
            if is_cancelled():
                raise Cancelled("Folding the search index was cancelled.")
            child.join(CHILD_POLL)
    finally:
        if child.is_alive():
            child.terminate()
            child.join(CHILD_EXIT_WAIT)
            if child.is_alive():
                child.kill()
                child.join()
    code = child.exitcode
    child.close()
    log.info("search index fold in a child process: exit code %s after %.1f s", code,
             time.monotonic() - started)
    return _outcome(-1 if code is None else code)


def _outcome(code: int) -> bool:
    if code == FOLDED:
        return True
    if code != LOCKED:
        log.warning("folding the search index in a child process failed (exit code %s); "
                    "a later commit will fold", code)
    return False
