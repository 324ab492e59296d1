"""The one task runner: core functions run on a worker thread, results come back on the GUI
thread.

A task is a callable ``fn(progress, cancel) -> result`` (the core's convention, see
:mod:`reader.progress`). :meth:`TaskRunner.run` starts it on a ``QThreadPool`` and returns a
:class:`Task` whose signals (progress, done, failed, finished) are delivered on the GUI
thread. Progress is throttled in the worker so a chatty core function cannot flood the event
loop. ``cancel()`` sets the task's :class:`~reader.progress.CancelToken`; the core raises
:class:`~reader.errors.Cancelled`, which ends the task quietly.

Tests wait for tasks with ``qtbot.waitUntil(runner.idle)`` or :meth:`TaskRunner.drain`.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reader.errors import Cancelled
from reader.progress import CancelToken

log = logging.getLogger(__name__)

TaskFn = Callable[[Callable[[int, int, str], None], CancelToken], Any]
PROGRESS_INTERVAL = 0.05  # seconds between progress signals from one task


class Task(QObject):
    """One running piece of work. Signals arrive on the GUI thread."""

    progressed = Signal(int, int, str)  # done, total, label
    succeeded = Signal(object)  # the function's result
    failed = Signal(object)  # the exception (Cancelled is not reported here)
    finished = Signal()  # always, last

    # emitted from the worker; relayed to the public signals on the GUI thread
    _w_progress = Signal(int, int, str)
    _w_done = Signal(object, object, str)  # result, exception, traceback text

    def __init__(self, label: str, *, visible: bool, cancellable: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.visible = visible
        self.cancellable = cancellable
        self.token = CancelToken()
        self.done = 0
        self.total = 0
        self.status = label
        self.started_at = time.monotonic()
        self.is_finished = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_traceback = ""
        self._w_progress.connect(self._on_progress)
        self._w_done.connect(self._on_done)

    def cancel(self) -> None:
        if not self.is_finished:
            log.info("task cancelled: %s", self.label)
            self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.done, self.total = done, total
        self.status = label or self.label
        self.progressed.emit(done, total, self.status)

    @Slot(object, object, str)
    def _on_done(self, result: Any, error: object, tb: str) -> None:
        self.is_finished = True
        self.result = result
        if isinstance(error, Cancelled) or (error is not None and self.token.cancelled):
            self.token.cancel()
        elif isinstance(error, BaseException):
            self.error = error
            self.error_traceback = tb
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.finished.emit()


class _Job(QRunnable):
    def __init__(self, task: Task, fn: TaskFn) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.task = task
        self.fn = fn
        self._last = 0.0

    def _progress(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        if now - self._last < PROGRESS_INTERVAL and not (total and done >= total):
            return
        self._last = now
        self.task._w_progress.emit(int(done), int(total), str(label))

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        tb = ""
        try:
            result = self.fn(self._progress, self.task.token)
        except BaseException as exc:  # reported on the GUI thread
            error = exc
            if not isinstance(exc, Cancelled):
                tb = traceback.format_exc()
        self.task._w_done.emit(result, error, tb)


class TaskRunner(QObject):
    """Runs tasks on a thread pool and keeps the list of running ones."""

    task_started = Signal(object)  # Task
    task_finished = Signal(object)  # Task
    task_failed = Signal(object, object)  # Task, exception (unhandled by the caller)
    _scheduled = Signal(object, str)  # schedule() from any thread → run() on this one

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: list[Task] = []
        self._scheduled.connect(self._run_scheduled)

    def schedule(self, fn: TaskFn, label: str) -> None:
        """The core's :data:`~reader.progress.Scheduler`: run ``fn`` as a hidden task,
        callable from any thread (the search index's background fold is started by the
        worker that committed). Cancelled with the other tasks at shutdown."""
        self._scheduled.emit(fn, label)

    @Slot(object, str)
    def _run_scheduled(self, fn: TaskFn, label: str) -> None:
        self.run(fn, label=label, visible=False,
                 on_error=lambda exc: log.error("%s failed: %s", label, exc))

    def run(self, fn: TaskFn, *, label: str, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            visible: bool = True, cancellable: bool = True) -> Task:
        """Start ``fn(progress, cancel)`` on a worker. ``on_done(result)`` / ``on_error(exc)``
        run on the GUI thread; an error with no ``on_error`` goes to :attr:`task_failed`
        (the app shows it). ``visible`` tasks show in the status bar."""
        task = Task(label, visible=visible, cancellable=cancellable, parent=self)
        if on_done is not None:
            task.succeeded.connect(on_done)
        if on_error is not None:
            task.failed.connect(on_error)
        else:
            task.failed.connect(lambda exc, t=task: self.task_failed.emit(t, exc))
        task.finished.connect(lambda t=task: self._finished(t))
        self._tasks.append(task)
        self.task_started.emit(task)
        self.pool.start(_Job(task, fn))
        return task

    def _finished(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self.task_finished.emit(task)
        task.deleteLater()

    def active(self, *, visible_only: bool = False) -> list[Task]:
        return [t for t in self._tasks if t.visible or not visible_only]

    def idle(self) -> bool:
        return not self._tasks

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def drain(self, timeout_ms: int = 30_000) -> bool:
        """Wait for every task (and the tasks their callbacks start) to finish and deliver
        their signals. For shutdown and tests; the app never calls it while running."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while True:
            if not self.pool.waitForDone(max(1, int(deadline.remainingTime()))):
                return False
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()
            if not self._tasks and self.pool.activeThreadCount() == 0:
                return True
            if deadline.hasExpired():
                return False
