"""The status bar: the workspace, the index state, where you are in the document, and the
progress of background work (shown after a short delay, with a cancel button)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from reader.ui.resources import icon
from reader.ui.tasks import Task, TaskRunner

SHOW_AFTER = 0.4  # seconds: quick tasks never flash a progress bar


class StatusBar(QStatusBar):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.runner = runner
        self.workspace_label = QLabel()
        self.workspace_label.setObjectName("workspaceLabel")
        self.workspace_label.setAccessibleName("Workspace")
        self.index_label = QLabel()
        self.index_label.setObjectName("indexLabel")
        self.index_label.setAccessibleName("Search index state")
        self.watch_label = QLabel()  # said only when the folder cannot be watched
        self.watch_label.setObjectName("watchLabel")
        self.watch_label.setAccessibleName("How changes to the workspace folder are noticed")
        self.place_label = QLabel()
        self.place_label.setObjectName("placeLabel")
        self.place_label.setAccessibleName("Position in the document")

        self.progress_box = QWidget()
        box = QHBoxLayout(self.progress_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.task_label = QLabel()
        self.task_label.setAccessibleName("Background work")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Progress")
        self.cancel_button = QToolButton()
        self.cancel_button.setIcon(icon("cancel"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setToolTip("Cancel")
        self.cancel_button.setAccessibleName("Cancel the background work")
        self.cancel_button.clicked.connect(self.cancel_current)
        box.addWidget(self.task_label)
        box.addWidget(self.progress)
        box.addWidget(self.cancel_button)
        self.progress_box.hide()

        self.addWidget(self.workspace_label)
        self.addWidget(self.index_label, 1)
        self.addWidget(self.watch_label)
        self.addPermanentWidget(self.progress_box)
        self.addPermanentWidget(self.place_label)

        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.refresh_progress)
        # bound methods, not lambdas: Qt disconnects them when this bar is deleted
        runner.task_started.connect(self._on_task_started)
        runner.task_finished.connect(self._on_task_finished)

    def _on_task_started(self, _task: object) -> None:
        self._timer.start()

    def _on_task_finished(self, _task: object) -> None:
        self.refresh_progress()

    def set_workspace(self, name: str, path: str) -> None:
        self.workspace_label.setText(f"  {name}")
        self.workspace_label.setToolTip(path)

    def set_index_state(self, text: str) -> None:
        self.index_label.setText(f"  ·  {text}" if text else "")

    def set_watch_state(self, text: str) -> None:
        """"" while the workspace folder is watched; else how changes are checked."""
        self.watch_label.setText(f"  ·  {text}" if text else "")
        self.watch_label.setToolTip(text)

    def set_place(self, text: str) -> None:
        self.place_label.setText(text)

    def current_task(self) -> Task | None:
        tasks = self.runner.active(visible_only=True)
        return tasks[-1] if tasks else None

    def cancel_current(self) -> None:
        task = self.current_task()
        if task is not None:
            task.cancel()
            self.task_label.setText("Cancelling…")

    def refresh_progress(self) -> None:
        task = self.current_task()
        if task is None:
            self._timer.stop()
            self.progress_box.hide()
            return
        if time.monotonic() - task.started_at < SHOW_AFTER:
            return
        others = len(self.runner.active(visible_only=True)) - 1
        label = task.status + (f"  (+{others} more)" if others > 0 else "")
        if task.cancelled:
            label = "Cancelling…"
        self.task_label.setText(label)
        if task.total > 0:
            self.progress.setRange(0, task.total)
            self.progress.setValue(min(task.done, task.total))
        else:
            self.progress.setRange(0, 0)  # busy
        self.cancel_button.setEnabled(task.cancellable and not task.cancelled)
        self.progress_box.show()
