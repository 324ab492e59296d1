"""The export step of the export-brief dialog: the work that runs on the task runner
(check the destination, build, write atomically) and the bar that follows it — what is
happening, a progress bar and a cancel button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from reader.ops import brief
from reader.ops.brief import BriefInputs, BriefOptions, ExportResult
from reader.progress import CancelToken, ProgressFn
from reader.ui.tasks import Task


def export_work(inputs: BriefInputs, options: BriefOptions, target: Path, fmt: str
                ) -> Callable[[ProgressFn, CancelToken], ExportResult]:
    """A task function that writes the brief ``options`` describes to ``target``."""

    def work(progress: ProgressFn, cancel: CancelToken) -> ExportResult:
        return brief.write(inputs, options, target, fmt, progress=progress, cancel=cancel)

    return work


def open_path(path: Path) -> bool:
    """Show a file or folder with the desktop's default application."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class ExportBar(QWidget):
    """Status text, progress and "Cancel Export" for one export at a time."""

    ended = Signal(bool)  # the export finished (True: it was cancelled)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self.status = QLabel()
        self.status.setObjectName("briefStatus")
        self.status.setAccessibleName("Export status")
        self.progress = QProgressBar()
        self.progress.setObjectName("briefProgress")
        self.progress.setAccessibleName("Export progress")
        self.progress.setMinimumWidth(160)
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel Export")
        self.cancel_button.setObjectName("briefCancelExport")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)

    @property
    def busy(self) -> bool:
        return self.task is not None

    def say(self, text: str) -> None:
        self.status.setText(text)

    def track(self, task: Task, name: str) -> None:
        self.task = task
        task.progressed.connect(self._guard(self._progress))
        task.finished.connect(self._guard(lambda: self._finished(task)))
        self.say(f"Exporting {name}…")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

    def cancel(self) -> None:
        if self.task is not None and not self.task.cancelled:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.say("Cancelling…")

    def _guard(self, fn: Callable[..., None]) -> Callable[..., None]:
        return lambda *args: fn(*args) if shiboken6.isValid(self) else None

    def _progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        if label:
            self.say(label if label.endswith((".", "…")) else label + "…")

    def _finished(self, task: Task) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()
        if task.cancelled:
            self.say("Export cancelled; nothing was written.")
        self.ended.emit(task.cancelled)
