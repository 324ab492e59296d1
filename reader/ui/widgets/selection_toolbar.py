"""The small floating toolbar beside selected words (or a clicked highlight) in the reader:
highlight, favourite themes as colour dots, the theme picker, stance, note, link to another
passage — and delete (your highlight) or copy to mine (someone else's).

It floats over the reader's viewport without taking the keyboard focus (the selection stays
where it is); every button has a menu action with a shortcut, so nothing here is mouse-only.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from reader.model.annotations import Stance, Theme
from reader.ui.highlight_marks import STANCE_SYMBOLS
from reader.ui.resources import icon, swatch

MAX_DOTS = 5
MODES = ("selection", "mine", "theirs")


class SelectionToolbar(QFrame):
    highlight_requested = Signal()
    theme_toggled = Signal(str)  # a favourite's id
    picker_requested = Signal(QPoint)  # global position for the theme picker
    stance_requested = Signal(object)  # Stance (clicking the current one clears it: None)
    note_requested = Signal()
    delete_requested = Signal()
    copy_requested = Signal()
    link_requested = Signal()  # link this passage to another (highlighted first if new)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selectionToolbar")
        self.setAccessibleName("Highlight tools")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "QFrame#selectionToolbar { background: palette(window); "
            "border: 1px solid palette(mid); border-radius: 8px; }"
            "QFrame#selectionToolbar QToolButton { border: none; border-radius: 5px; "
            "padding: 3px 5px; min-width: 20px; }"
            "QFrame#selectionToolbar QToolButton:hover { background: palette(midlight); }"
            "QFrame#selectionToolbar QToolButton:checked { background: palette(mid); }"
            "QFrame#selectionToolbar QFrame#sep { color: palette(mid); }")
        self.mode = "selection"
        self._stance: Stance | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(5, 3, 5, 3)
        layout.setSpacing(1)
        self.highlight_button = self._button("highlight", "Highlight", "Highlight (H)",
                                             self.highlight_requested.emit, text=True)
        layout.addWidget(self.highlight_button)
        self.dots: list[QToolButton] = []
        self._dot_ids: list[str] = []
        for i in range(MAX_DOTS):
            dot = self._button("", "", "", lambda i=i: self._dot_clicked(i))
            dot.setIconSize(QSize(16, 16))
            self.dots.append(dot)
            layout.addWidget(dot)
        self.themes_button = self._button("tag", "Themes…", "Themes… (T)", self._picker)
        layout.addWidget(self.themes_button)
        layout.addWidget(self._separator())
        self.stance_buttons: dict[Stance, QToolButton] = {}
        for stance in Stance:
            b = self._button("", f"Stance: {stance.label}", stance.label,
                             lambda s=stance: self._stance_clicked(s))
            b.setText(STANCE_SYMBOLS[stance])
            b.setCheckable(True)
            self.stance_buttons[stance] = b
            layout.addWidget(b)
        layout.addWidget(self._separator())
        self.note_button = self._button("note", "Note", "Add a note (N)", self.note_requested.emit)
        layout.addWidget(self.note_button)
        self.link_button = self._button("link", "Link to another passage",
                                        "Link to another passage (supports, contradicts…)",
                                        self.link_requested.emit)
        layout.addWidget(self.link_button)
        self.delete_button = self._button("trash", "Delete highlight", "Delete this highlight",
                                          self.delete_requested.emit)
        layout.addWidget(self.delete_button)
        self.owner = QLabel(self)
        self.owner.setObjectName("highlightOwner")
        self.owner.setContentsMargins(4, 0, 6, 0)
        layout.addWidget(self.owner)
        self.copy_button = self._button("copy", "Copy to Mine",
                                        "Copy to my highlights (to edit your copy)",
                                        self.copy_requested.emit, text=True)
        layout.addWidget(self.copy_button)
        self.hide()

    def _button(self, icon_name: str, name: str, tip: str, slot: object, *,
                text: bool = False) -> QToolButton:
        b = QToolButton(self)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.setAutoRaise(True)
        if icon_name:
            b.setIcon(icon(icon_name))
        if text:
            b.setText(name)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        b.setToolTip(tip)
        b.setAccessibleName(name)
        b.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return b

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setObjectName("sep")
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFixedWidth(7)
        return line

    # -- state -----------------------------------------------------------------------------
    def _dot_clicked(self, index: int) -> None:
        if index < len(self._dot_ids):
            self.theme_toggled.emit(self._dot_ids[index])

    def set_favourites(self, themes: list[Theme], chosen: frozenset[str] = frozenset()) -> None:
        self._dot_ids = [t.id for t in themes[:MAX_DOTS]]
        for i, dot in enumerate(self.dots):
            if i < len(themes) and self.mode != "theirs":
                t = themes[i]
                dot.setIcon(swatch(t.color, 18, ring=t.id in chosen, label=str(i + 1)))
                dot.setIconSize(QSize(18, 18))
                dot.setToolTip(f"{t.label} (key {i + 1})")
                dot.setAccessibleName(f"Theme {t.label}")
                dot.show()
            else:
                dot.hide()

    def set_mode(self, mode: str, stance: Stance | None = None, owner: str = "") -> None:
        """``selection`` (new words), ``mine`` (your highlight), ``theirs`` (someone
        else's, read-only: only who made it and Copy to Mine)."""
        assert mode in MODES
        self.mode = mode
        self._stance = stance
        editable = mode != "theirs"
        self.highlight_button.setVisible(mode == "selection")
        if not editable:
            for dot in self.dots:
                dot.hide()
        self.themes_button.setVisible(editable)
        for s, b in self.stance_buttons.items():
            b.setVisible(editable)
            b.setChecked(s is stance)
        for sep in self.findChildren(QFrame, "sep"):
            sep.setVisible(editable)
        self.note_button.setVisible(editable)
        self.delete_button.setVisible(mode == "mine")
        self.owner.setText(f"{owner}’s highlight" if owner else "")
        self.owner.setVisible(not editable)
        self.copy_button.setVisible(not editable)
        self.adjustSize()

    def _stance_clicked(self, stance: Stance) -> None:
        self.stance_requested.emit(None if stance is self._stance and self.mode == "mine"
                                   else stance)

    def _picker(self) -> None:
        self.picker_requested.emit(self.themes_button.mapToGlobal(
            QPoint(0, self.themes_button.height())))

    def place(self, anchor: QRect, area: QRect) -> None:
        """Show above ``anchor`` (the selected lines, viewport coordinates), or below
        them when there is no room above, kept inside ``area``."""
        self.adjustSize()
        size = self.sizeHint()
        x = anchor.center().x() - size.width() // 2
        y = anchor.top() - size.height() - 6
        if y < area.top() + 4:
            y = anchor.bottom() + 6
        x = max(area.left() + 4, min(x, area.right() - size.width() - 4))
        y = max(area.top() + 4, min(y, area.bottom() - size.height() - 4))
        self.setGeometry(x, y, size.width(), size.height())
        self.show()
        self.raise_()
