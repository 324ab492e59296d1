"""The live workspace in the app: the folder watcher's batches become one refresh at a time
(:func:`reader.ops.live.refresh_changed`, on the task runner, with progress), the session
applies what changed (library, index), and :attr:`LiveWorkspace.arrived` says what arrived
for the status bar. A batch that comes while a refresh or an import runs waits for it and
goes next (one more refresh, however many batches came). Files still being written when
they were read are handed back to the watcher to be looked at again.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.ops import live
from reader.ops.workspace import Workspace
from reader.ui.session import Session
from reader.ui.workspace_watcher import WorkspaceWatcher

log = logging.getLogger(__name__)


class LiveWorkspace(QObject):
    arrived = Signal(str)  # "2 new documents: …" (never empty)
    watching = Signal(str)  # how the folder is watched, when it needs saying ("" otherwise)
    refreshed = Signal(object)  # Arrivals, after the session applied them

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.watcher = WorkspaceWatcher(self)
        self._pending: set[str] = set()
        self._running = False
        self.watcher.due.connect(self._on_due)
        self.watcher.mode_changed.connect(lambda _mode, message: self.watching.emit(message))
        session.workspace_changed.connect(self._on_workspace)
        session.runner.task_finished.connect(lambda _task: self._next())

    def _on_workspace(self, ws: Workspace) -> None:
        self._pending.clear()
        self.watcher.start(ws.root)

    def stop(self) -> None:
        self.watcher.stop()

    def _on_due(self, paths: frozenset[str]) -> None:
        self._pending |= set(paths)
        self._next()

    def _busy(self) -> bool:
        """A refresh of ours, or any other visible work on the library (an import, a
        re-index), is running: the batch waits for it."""
        return self._running or bool(self.session.runner.active(visible_only=True))

    def _next(self) -> None:
        if not self._pending or self._busy() or self.session.workspace is None:
            return
        ws = self.session.workspace
        paths, self._pending = sorted(self._pending), set()
        self._running = True
        label = f"Reading {len(paths)} changed file{'s' if len(paths) != 1 else ''}"

        def work(progress: Any, cancel: Any) -> Any:
            return live.refresh_changed(self.session.scheduled(ws), paths, progress=progress,
                                        cancel=cancel)

        def done(outcome: Any) -> None:
            self._running = False
            if ws is not self.session.workspace:
                return
            self.session.read_outcome(ws, outcome)
            arrivals = outcome.value
            if arrivals.unsettled:
                self.watcher.recheck(arrivals.unsettled)
            if arrivals.message:
                self.arrived.emit(arrivals.message)
            self.refreshed.emit(arrivals)

        def failed(exc: BaseException) -> None:
            self._running = False
            log.warning("live refresh failed: %s", exc)

        task = self.session.runner.run(work, label=label, on_done=done, on_error=failed)
        task.finished.connect(lambda: setattr(self, "_running", False))
