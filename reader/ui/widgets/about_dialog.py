"""Help → About Policy Reader: the version, what the app is, and the details a bug report
needs (platform; Python, Qt, PySide6 and the libraries with their versions and licences; the
bundled fonts' licences) as text that can be selected and copied in one click."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.model.desktop import Component
from reader.ops.about import APP_LICENCE, about_info, about_text

SUMMARY = ("Read, search and annotate policy documents with your study group. Private and "
           "offline: nothing leaves this computer unless you export it.")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Policy Reader")
        self.info = about_info((Component("Qt", qVersion(), "LGPL-3.0-only"),
                                Component("PySide6", pyside_version,
                                          "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only")))
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>Policy Reader {self.info.version}</b>")
        title.setAccessibleName(f"Policy Reader {self.info.version}")
        layout.addWidget(title)
        summary = QLabel(f"{SUMMARY} Free software under the {APP_LICENCE} licence.")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        heading = QLabel("&Details (versions and licences):")
        layout.addWidget(heading)
        self.details = QPlainTextEdit(about_text(self.info))
        self.details.setObjectName("aboutDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName("Versions and licences")
        heading.setBuddy(self.details)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy Details")
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        metrics = self.details.fontMetrics()  # wide enough for the longest line, if it can
        widest = max(metrics.horizontalAdvance(line)
                     for line in self.details.toPlainText().splitlines())
        self.resize(max(520, min(widest + 64, 960)), metrics.lineSpacing() * 24 + 160)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText("Copied")
