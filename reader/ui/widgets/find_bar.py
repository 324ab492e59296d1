"""The find bar under the reader: a query box, "3 of 12", previous/next, match case."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.accessibility import name_clear_button
from reader.ui.resources import icon


class FindBar(QWidget):
    changed = Signal(str, bool)  # query, match case (debounced while typing)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in document")
        self.edit.setAccessibleName("Find in document")
        self.edit.setClearButtonEnabled(True)
        name_clear_button(self.edit, "the words to find")
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setAccessibleName("Matches")
        self.count.setMinimumWidth(90)
        self.case = QCheckBox("Match case")
        self.case.setAccessibleName("Match case")
        self.prev_button = self._button("up", "Previous match (Shift+F3)", self.previous_requested)
        self.next_button = self._button("down", "Next match (F3)", self.next_requested)
        self.close_button = self._button("close", "Close the find bar (Esc)", self.closed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.case)
        layout.addWidget(self.close_button)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(180)
        self._timer.timeout.connect(self._emit_changed)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.case.toggled.connect(lambda _c: self._emit_changed())
        self.edit.returnPressed.connect(self._on_return)

    def _button(self, icon_name: str, tip: str, signal: Signal) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.clicked.connect(signal.emit)
        return button

    def _emit_changed(self) -> None:
        self._timer.stop()
        self.changed.emit(self.edit.text(), self.case.isChecked())

    def _on_return(self) -> None:
        if self._timer.isActive():  # typed and pressed Enter at once: search first
            self._emit_changed()
        else:
            self.next_requested.emit()

    def query(self) -> str:
        return self.edit.text()

    def match_case(self) -> bool:
        return self.case.isChecked()

    def set_count(self, current: int, total: int, query: str) -> None:
        if not query.strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{current + 1} of {total:,}" if current >= 0
                               else f"{total:,} matches")
        self.prev_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    def open_with(self, text: str = "") -> None:
        self.show()
        if text:
            self.edit.setText(text)
        self.edit.selectAll()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
            shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shifted:
                self.previous_requested.emit()
                return True
        return super().eventFilter(watched, event)
