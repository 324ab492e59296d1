"""Asks for the password of an encrypted PDF. The password is handed to whoever asked (to
extract the file in a worker and to draw its pages) and kept in memory for this session
only: never in settings, the workspace or a log. A wrong password keeps the dialog open
and says so; Cancel leaves the document listed as password-protected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.ui.palette import error_color

MAX_PASSWORD = 1024


class PasswordDialog(QDialog):
    submitted = Signal(str)  # the password typed (the dialog stays open until accepted)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle("Password required")
        self.setAccessibleName("Password required")
        intro = QLabel(f"“{title}” is protected by a password. Type it to read the "
                       "document.\n\nThe password is kept only while Policy Reader is "
                       "open; it is never saved.")
        intro.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("passwordEdit")
        self.edit.setAccessibleName("Password")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMaxLength(MAX_PASSWORD)
        self.problem = QLabel()
        self.problem.setObjectName("passwordProblem")
        self.problem.setStyleSheet(f"color: {error_color()};")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Open")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(lambda t: self.ok.setEnabled(bool(t)))
        self.ok.setEnabled(False)

    def _submit(self) -> None:
        password = self.edit.text()
        if not password:
            return
        self.ok.setEnabled(False)
        self.problem.setText("Checking…")
        self.problem.setStyleSheet("")
        self.problem.show()
        self.submitted.emit(password)

    def wrong(self) -> None:
        """The password did not open the file: say so and let the person try again."""
        self.problem.setStyleSheet(f"color: {error_color()};")
        self.problem.setText("That password is not right. Try again.")
        self.problem.show()
        self.edit.selectAll()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ok.setEnabled(bool(self.edit.text()))

    def right(self) -> None:
        self.edit.clear()  # the dialog never keeps the password
        self.accept()
