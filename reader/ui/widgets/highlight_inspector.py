"""The selected highlight in full, under the sidebar's list: its words, themes (remove with
×, add with the picker), stance, note (Markdown, saved as you type), who and when, and the
actions: jump to it, re-attach an orphan to the selected words, copy someone else's into
your own highlights, delete your own. Someone else's highlight is shown read-only."""

from __future__ import annotations

import html
from datetime import timedelta

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model.annotations import Placed, Stance
from reader.model.themes import Taxonomy
from reader.ui.models.annotations_model import short_date
from reader.ui.resources import icon, swatch
from reader.ui.widgets.flow_layout import FlowLayout

NOTE_DELAY_MS = 700


class NoteEdit(QPlainTextEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class HighlightInspector(QFrame):
    note_changed = Signal(str, str)  # highlight id, text
    stance_changed = Signal(str, object)  # highlight id, Stance | None
    theme_removed = Signal(str, str)  # highlight id, theme id
    add_theme_requested = Signal(str, QPoint)  # highlight id, where to open the picker
    delete_requested = Signal(str)
    copy_requested = Signal(str)
    reattach_requested = Signal(str)
    jump_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("highlightInspector")
        self.setAccessibleName("Selected highlight")
        self.hid = ""
        self.mine = False
        self._note_source = ""
        self._typed = False  # the note was typed in and not sent yet
        self.banner = QLabel()
        self.banner.setObjectName("inspectorBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.quote = QLabel()
        self.quote.setObjectName("inspectorQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.quote.setAccessibleName("Highlighted words")
        self.theme_box = QWidget()
        self.theme_flow = FlowLayout(self.theme_box)
        self.add_theme = QToolButton()
        self.add_theme.setObjectName("addThemeButton")
        self.add_theme.setText("Add theme…")
        self.add_theme.setIcon(icon("tag"))
        self.add_theme.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_theme.setAutoRaise(True)
        self.add_theme.setAccessibleName("Add a theme")
        self.stance = QComboBox()
        self.stance.setAccessibleName("Stance")
        self.stance.addItem("No stance", "")
        for s in Stance:
            self.stance.addItem(s.label, s.value)
        self.note = NoteEdit()
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText("Add a note (Markdown)…")
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(60)
        self.note.setMaximumHeight(200)
        self.meta = QLabel()
        self.meta.setObjectName("inspectorMeta")
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: palette(placeholder-text);")
        self.jump_button = self._button("Show in Text", "forward", self.jump_requested)
        self.reattach_button = self._button("Re-attach to Selection", "link",
                                            self.reattach_requested)
        self.reattach_button.setToolTip("Select the right words in the reader first")
        self.copy_button = self._button("Copy to Mine", "copy", self.copy_requested)
        self.delete_button = self._button("Delete", "trash", self.delete_requested)
        self.delete_button.setToolTip("Delete this highlight (Delete)")

        stance_row = QHBoxLayout()
        stance_row.addWidget(QLabel("Stance:"))
        stance_row.addWidget(self.stance, 1)
        buttons = FlowLayout()
        for b in (self.jump_button, self.reattach_button, self.copy_button, self.delete_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.quote)
        layout.addWidget(self.theme_box)
        layout.addLayout(stance_row)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.meta)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.note.textChanged.connect(self._note_typed)
        self.note.focus_left.connect(self.flush)
        self.stance.activated.connect(
            lambda _i: self.stance_changed.emit(self.hid, Stance(self.stance.currentData())
                                                if self.stance.currentData() else None))
        self.add_theme.clicked.connect(lambda: self.add_theme_requested.emit(
            self.hid, self.add_theme.mapToGlobal(QPoint(0, self.add_theme.height()))))
        self.show_highlight(None)

    def _button(self, text: str, icon_name: str, signal: Signal) -> QPushButton:
        b = QPushButton(icon(icon_name), text)
        b.setAccessibleName(text)
        b.clicked.connect(lambda: signal.emit(self.hid))
        return b

    # -- showing ---------------------------------------------------------------------------
    def show_highlight(self, p: Placed | None, tax: Taxonomy | None = None, *,
                       mine: bool = False) -> None:
        same = p is not None and p.highlight.id == self.hid
        if not same:
            self.flush()
        if p is None:
            self.hid = ""
            self.setVisible(False)
            return
        self.setVisible(True)
        tax = tax or Taxonomy()
        h = p.highlight
        self.hid, self.mine = h.id, mine
        if not mine:
            self.banner.setText(f"<b>{html.escape(h.author.name)}</b>’s highlight — "
                                "read-only. <i>Copy to Mine</i> makes your own copy to edit.")
        elif p.orphaned:
            self.banner.setText("<b>Not found in this version.</b> Select the right words in "
                                "the text, then <i>Re-attach to Selection</i>.")
        self.banner.setVisible(not mine or p.orphaned)
        self.quote.setText(f"“{html.escape(' '.join(h.quote.exact.split()))}”")
        self._show_themes(h.themes, tax, mine)
        self.stance.setCurrentIndex(self.stance.findData(h.stance.value) if h.stance else 0)
        self.stance.setEnabled(mine)
        if not (same and (self._typed or self.note.toPlainText() == h.note)):
            self.note.blockSignals(True)
            self.note.setPlainText(h.note)
            self.note.blockSignals(False)
        self._note_source = h.note
        self.note.setReadOnly(not mine)
        self.note.setPlaceholderText("Add a note (Markdown)…" if mine else "No note")
        who = "You" if mine else h.author.name
        when = f"created {short_date(h.created)}"
        if h.modified - h.created > timedelta(minutes=1):
            when += f", edited {short_date(h.modified)}"
        page = (p.anchor.page if not p.orphaned else "") or h.page
        where = f" · p. {page}" if page else ""
        section = (p.anchor.section if not p.orphaned else "") or h.section
        where += f" · {section}" if section else ""
        self.meta.setText(f"{html.escape(who)} · {when}{html.escape(where)}")
        self.jump_button.setVisible(not p.orphaned)
        self.reattach_button.setVisible(mine and p.orphaned)
        self.copy_button.setVisible(not mine)
        self.delete_button.setVisible(mine)

    def _show_themes(self, themes: tuple[str, ...], tax: Taxonomy, mine: bool) -> None:
        for i in range(self.theme_flow.count()):  # the add button is kept, chips go
            item = self.theme_flow.itemAt(i)
            if item is not None and item.widget() is self.add_theme:
                self.theme_flow.takeAt(i)
                break
        self.theme_flow.clear()
        for tid in themes:
            theme = tax.get(tid)
            chip = QToolButton(self.theme_box)
            chip.setObjectName("themeChip")
            label = theme.label if theme else f"{tid} (unknown)"
            chip.setText(f"{label}  ✕" if mine else label)
            chip.setIcon(swatch(theme.color if theme else "#cccccc"))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setToolTip((theme.description if theme else "A theme this group does not "
                             "have (from another group)") + ("\nClick to remove" if mine else ""))
            chip.setAccessibleName(f"Theme {label}" + (", click to remove" if mine else ""))
            if mine:
                chip.clicked.connect(lambda _c=False, t=tid: self.theme_removed.emit(self.hid, t))
            chip.show()
            self.theme_flow.addWidget(chip)
        self.add_theme.setParent(self.theme_box)
        self.add_theme.setVisible(mine)
        if mine:
            self.theme_flow.addWidget(self.add_theme)
        self.theme_flow.invalidate()
        self.theme_box.updateGeometry()

    # -- the note --------------------------------------------------------------------------
    def _note_typed(self) -> None:
        if self.mine and self.hid:
            self._typed = True
            self._timer.start()

    def flush(self) -> None:
        """Send a pending note edit now."""
        if not self._typed:
            return
        self._typed = False
        self._timer.stop()
        text = self.note.toPlainText()
        if self.hid and self.mine and text != self._note_source:
            self._note_source = text
            self.note_changed.emit(self.hid, text)

    def focus_note(self) -> None:
        self.note.setFocus()
        cursor = self.note.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.note.setTextCursor(cursor)
