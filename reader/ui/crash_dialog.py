"""The crash dialog: an unexpected error, what it means for the person, the details and the
log tail, and a "Copy details" button. The app keeps running behind it."""

from __future__ import annotations

import platform
import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.log import log_file, log_tail


class CrashDialog(QDialog):
    def __init__(self, error: BaseException, tb: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle("Something went wrong — Policy Reader")
        self.setAccessibleName("Unexpected error")
        self.resize(640, 460)
        self._errors: list[str] = []

        heading = QLabel("<b>Policy Reader hit an unexpected problem.</b>")
        body = QLabel(
            "The app is still running and your work is kept: annotations are saved as you "
            "go. If it happens again, copy the details below into a bug report (read them "
            "first: the log names files you opened).")
        body.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("crashSummary")
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details and log")
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy details")
        self.copy_button.setAccessibleName("Copy details to the clipboard")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        for widget in (heading, body, self.summary, self.details, buttons):
            layout.addWidget(widget)
        self.add_error(error, tb)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def add_error(self, error: BaseException, tb: str) -> None:
        self._errors.append(tb.strip() or f"{type(error).__name__}: {error}")
        count = len(self._errors)
        first = f"{type(error).__name__}: {error}"
        self.summary.setText(first if count == 1 else f"{count} errors; the latest: {first}")
        self.details.setPlainText(self.details_text())

    def details_text(self) -> str:
        parts = [f"Policy Reader {__version__} · Python {platform.python_version()} · "
                 f"{platform.system()} {platform.release()} · {sys.platform}"]
        parts += [f"--- error {i + 1} ---\n{text}" for i, text in enumerate(self._errors)]
        tail = log_tail(60)
        parts.append(f"--- last lines of {log_file()} ---\n{tail or '(no log)'}")
        return "\n\n".join(parts)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText("Copied")
