"""Asks for the name your study group will see beside your highlights (the first time you
annotate, and from Annotate → Your Name…). The name is kept in your user settings; the id
that names your file never changes."""

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

from reader.errors import UsageError
from reader.ops.identity import MAX_NAME, clean_name
from reader.ui.dialog_size import fit_height
from reader.ui.palette import error_color


class AuthorDialog(QDialog):
    name_chosen = Signal(str)

    def __init__(self, current: str, *, first_time: bool, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("authorDialog")
        self.setWindowTitle("Your name" if first_time else "Change your name")
        self.setAccessibleName("Your display name")
        intro = QLabel(
            ("Before your first highlight: what name should your study group see beside "
             "your highlights and notes?" if first_time else
             "The name your study group sees beside your highlights and notes.")
            + "\n\nIt is kept on this computer, never your login name. A first name, "
            "initials or a nickname is fine; you can change it later (Annotate → Your "
            "Name…).")
        intro.setWordWrap(True)
        self.edit = QLineEdit(current)
        self.edit.setObjectName("authorName")
        self.edit.setAccessibleName("Display name")
        self.edit.setMaxLength(MAX_NAME)
        self.edit.selectAll()
        self.problem = QLabel()
        self.problem.setObjectName("authorProblem")
        self.problem.setStyleSheet(f"color: {error_color()};")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Use This Name")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_height(self, 460)
        self.edit.textChanged.connect(lambda _t: self.problem.hide())

    def _accept(self) -> None:
        try:
            name = clean_name(self.edit.text())
        except UsageError as exc:
            self.problem.setText(exc.message)
            self.problem.show()
            fit_height(self, self.width())  # room for the reason too
            return
        self.name_chosen.emit(name)
        self.accept()
