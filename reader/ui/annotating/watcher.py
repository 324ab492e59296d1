"""Notices files that a sync tool (or a colleague, or the command line) drops into or
changes in ``.policy-reader/annotations/``, and changes to ``themes.json``.

A ``QFileSystemWatcher`` watches the folder (files added, removed, renamed) and each file
in it (written in place); the signal is debounced (:data:`DEBOUNCE_MS`) since a sync tool
writes in bursts. Until the annotations folder exists its parent is watched. Watches are
renewed after every change (an atomic replace drops the watch on the old file), and a
slow poll (:data:`POLL_MS`) covers file systems that send no events (network shares). The
controller then re-reads only what changed (``AnnotationStore.reload``), in the background.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400
POLL_MS = 10_000


class FolderWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.themes_file: Path | None = None
        self._watcher: QFileSystemWatcher | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._fire)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.changed.emit)

    def watch(self, folder: Path, themes_file: Path | None = None) -> None:
        self.stop()
        self.folder, self.themes_file = Path(folder), themes_file
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_event)
        self._watcher.fileChanged.connect(self._on_event)
        self._renew()
        self._poll.start()

    def stop(self) -> None:
        self._debounce.stop()
        self._poll.stop()
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None

    def watched(self) -> list[str]:
        if self._watcher is None:
            return []
        return [*self._watcher.directories(), *self._watcher.files()]

    def _wanted(self) -> list[str]:
        assert self.folder is not None
        paths: list[Path] = []
        folder = self.folder
        if folder.is_dir():
            paths.append(folder)
            try:
                paths += sorted(p for p in folder.iterdir()
                                if p.suffix.lower() == ".json" and p.is_file())
            except OSError as exc:
                log.info("cannot list %s: %s", folder, exc)
        else:  # not made yet: watch the nearest folder that exists
            parent = folder.parent
            while not parent.is_dir() and parent != parent.parent:
                parent = parent.parent
            paths.append(parent)
        if self.themes_file is not None:
            if self.themes_file.is_file():
                paths.append(self.themes_file)
            elif self.themes_file.parent.is_dir() and self.themes_file.parent not in paths:
                paths.append(self.themes_file.parent)
        return [str(p) for p in paths]

    def _renew(self) -> None:
        if self._watcher is None or self.folder is None:
            return
        wanted = set(self._wanted())
        current = set(self.watched())
        gone = sorted(current - wanted)
        new = sorted(wanted - current)
        if gone:
            self._watcher.removePaths(gone)
        if new:
            failed = self._watcher.addPaths(new)
            if failed:
                log.info("not watched (the poll covers them): %s", failed)

    def _on_event(self, _path: str) -> None:
        self._debounce.start()

    def _fire(self) -> None:
        self._renew()
        self.changed.emit()
