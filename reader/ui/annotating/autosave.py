"""Autosave of your annotation file: debounced, in the background, and at once on quit.

The first edit after a save starts a one-second timer that later edits do not restart, so
a steady stream of edits is still written every second or so: a crash loses at most the
last two seconds. The write itself is the core's (atomic, with a ``.bak``) and runs on the
task runner. When it fails (a read-only folder, a full disk) the edits stay in memory,
:attr:`AutoSaver.failed` says why once, and saving is tried again every
:data:`RETRY_MS` and after the next edit. :meth:`save_now` writes synchronously (closing
the window, switching workspaces).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.errors import ReaderError
from reader.ops import highlights

if TYPE_CHECKING:
    from reader.model.changes import Outcome
    from reader.ops.highlights import StoreChanges
    from reader.ops.workspace import Workspace
    from reader.ui.annotating.controller import AnnotationController

log = logging.getLogger(__name__)

DELAY_MS = 1000
RETRY_MS = 15_000


class AutoSaver(QObject):
    saved = Signal()
    failed = Signal(str)  # why (the edits are kept in memory and saving is retried)

    def __init__(self, ctrl: AnnotationController) -> None:
        super().__init__(ctrl)
        self.ctrl = ctrl
        self.error = ""
        self._running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._save)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.schedule)

    @property
    def pending(self) -> bool:
        """A save is scheduled or running."""
        return self._timer.isActive() or self._running

    def schedule(self) -> None:
        """Save soon (a no-op if a save is already scheduled: edits never postpone it)."""
        if not self._timer.isActive():
            self._timer.start()

    def _save(self) -> None:
        ws = self.ctrl.ws
        if ws is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        task = self.ctrl.runner.run(lambda _p, _c: highlights.save(ws),
                                    label="Saving highlights", visible=False,
                                    on_done=lambda r: self._succeeded(
                                        r if ws is self.ctrl.ws else None),
                                    on_error=self._failed)
        task.finished.connect(lambda: self._finished(ws))

    def _finished(self, ws: Workspace) -> None:
        self._running = False
        if ws is not self.ctrl.ws:
            return
        if self._again or (highlights.unsaved(ws) and not self.error):
            self._again = False
            self.schedule()

    def _succeeded(self, saved: Outcome[StoreChanges] | None = None) -> None:
        if self.error:
            log.info("highlights saved again")
        self.error = ""
        self._retry.stop()
        if saved is not None:  # merged in from another window or command
            self.ctrl.changed_on_disk(saved.value, saved.changes)
        self.saved.emit()

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, ReaderError) else f"Saving failed: {exc!r}"
        if not isinstance(exc, ReaderError):
            log.error("saving highlights failed: %r", exc)
        first = message != self.error
        self.error = message
        self._retry.start()
        if first:
            self.failed.emit(message)

    def stop(self) -> None:
        """No more saves from timers (the window is closing; :meth:`save_now` was called)."""
        self._timer.stop()
        self._retry.stop()

    def save_now(self, ws: Workspace | None = None) -> bool:
        """Write the file now, on this thread; whether everything is saved."""
        ws = ws or self.ctrl.ws
        self._timer.stop()
        if ws is None:
            return True
        try:
            saved = highlights.save(ws)
        except ReaderError as exc:
            self._failed(exc)
            return False
        if ws is self.ctrl.ws:
            self._succeeded(saved)
        return True
