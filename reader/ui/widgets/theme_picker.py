"""The searchable theme picker: a popup with a filter box over the taxonomy tree.

Typing narrows the tree (labels and descriptions; a parent stays to show where a match
sits). Space, Enter or a click toggles a theme on the highlight; the popup stays open for
more, Esc closes it. When nothing is called what was typed, "Create theme …" adds it (and
applies it). Favourites show their key (1–9).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model.themes import Taxonomy
from reader.ui.accessibility import name_clear_button
from reader.ui.resources import swatch

THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(SEARCH_ROLE)


class _FilterEdit(QLineEdit):
    """The filter box: Up and Down move into the list."""

    arrow = Signal(QKeyEvent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.arrow.emit(event)
            return
        super().keyPressEvent(event)


class _Tree(QTreeView):
    """The list: Space toggles; typing goes on in the filter box."""

    space = Signal()
    typed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            self.space.emit()
            return
        text = event.text()
        if text and text.isprintable() and text.strip() and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.typed.emit(text)
            return
        super().keyPressEvent(event)


class ThemePicker(QFrame):
    toggled = Signal(str)  # theme id
    create_requested = Signal(str)  # a new theme's label

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("themePicker")
        self.setAccessibleName("Choose themes")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tax = Taxonomy()
        self.chosen: set[str] = set()
        self.edit = _FilterEdit()
        self.edit.setPlaceholderText("Find or create a theme…")
        self.edit.setAccessibleName("Find a theme")
        self.edit.setClearButtonEnabled(True)
        name_clear_button(self.edit, "the theme filter")
        self.model = QStandardItemModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = _Tree()
        self.tree.setObjectName("themePickerTree")
        self.tree.setAccessibleName("Themes")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.create_button = QPushButton()
        self.create_button.setObjectName("createTheme")
        self.create_button.hide()
        self.hint = QLabel("Space or click: add or remove · Esc: close")
        self.hint.setObjectName("pickerHint")
        self.hint.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.create_button)
        layout.addWidget(self.hint)
        self.resize(340, 420)
        self.edit.textChanged.connect(self._filter)
        self.edit.returnPressed.connect(self._enter)
        self.tree.clicked.connect(self._toggle)
        self.tree.activated.connect(self._toggle)
        self.create_button.clicked.connect(self._create)
        self.edit.arrow.connect(self._arrow)
        self.tree.space.connect(lambda: self._toggle(self.tree.currentIndex()))
        self.tree.typed.connect(self._typed)
        self._items: dict[str, QStandardItem] = {}

    # -- content ---------------------------------------------------------------------------
    def set_themes(self, tax: Taxonomy, chosen: set[str] | frozenset[str] = frozenset()
                   ) -> None:
        self.tax = tax
        self.chosen = {tax.resolve(t) or t for t in chosen}
        self.model.clear()
        keys = {tid: i + 1 for i, tid in enumerate(tax.favourites)}

        def add(parent: QStandardItem, theme_id: str | None) -> None:
            for t in tax.children(theme_id):
                key = keys.get(t.id)
                item = QStandardItem(f"{t.label}    {key}" if key else t.label)
                item.setData(t.id, THEME_ID_ROLE)
                item.setData(f"{t.label}  {t.description}", SEARCH_ROLE)
                item.setEditable(False)
                item.setToolTip(t.description or t.label)
                self._items[t.id] = item
                parent.appendRow(item)
                add(item, t.id)

        self._items: dict[str, QStandardItem] = {}
        add(self.model.invisibleRootItem(), None)
        self._show_chosen()
        self.tree.expandAll()

    def set_chosen(self, chosen: set[str] | frozenset[str]) -> None:
        """Mark the themes the highlight now has (the tree, filter and place are kept)."""
        self.chosen = {self.tax.resolve(t) or t for t in chosen}
        self._show_chosen()

    def _show_chosen(self) -> None:
        keys = {tid: i + 1 for i, tid in enumerate(self.tax.favourites)}
        for tid, item in self._items.items():
            t = self.tax.by_id[tid]
            on = tid in self.chosen
            item.setIcon(swatch(t.color, ring=on))
            font = item.font()
            font.setBold(on)
            item.setFont(font)
            key = keys.get(tid)
            item.setData(f"{t.label}, {'chosen' if on else 'not chosen'}"
                         + (f", key {key}" if key else ""), Qt.ItemDataRole.AccessibleTextRole)

    def popup(self, where: QPoint) -> None:
        self.edit.clear()
        screen = QApplication.screenAt(where) or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        x, y = where.x(), where.y()
        if area is not None:
            x = max(area.left(), min(x, area.right() - self.width()))
            if y + self.height() > area.bottom():
                y = max(area.top(), y - self.height() - 30)
        self.move(x, y)
        self.show()
        self.edit.setFocus()

    # -- behaviour -------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()
        label = " ".join(text.split())
        exists = not label or self.tax.find(label) is not None
        self.create_button.setVisible(not exists)
        self.create_button.setText(f"Create theme “{label}”")
        first = self._first_match()
        if first.isValid():
            self.tree.setCurrentIndex(first)

    def _first_match(self) -> QModelIndex:
        text = self.edit.text().strip().casefold()
        index = self.proxy.index(0, 0)
        best = QModelIndex()
        while index.isValid():  # depth first: the first label that contains the text
            label = (index.data(SEARCH_ROLE) or "").casefold()
            if text and text in label.split("  ")[0] and not best.isValid():
                best = index
            index = self._next(index)
        return best if best.isValid() else self.proxy.index(0, 0)

    def _next(self, index: QModelIndex) -> QModelIndex:
        if self.proxy.rowCount(index):
            return self.proxy.index(0, 0, index)
        while index.isValid():
            sibling = index.siblingAtRow(index.row() + 1)
            if sibling.isValid():
                return sibling
            index = index.parent()
        return QModelIndex()

    def _enter(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self._toggle(index)
        elif self.create_button.isVisible():
            self._create()

    def _toggle(self, index: QModelIndex) -> None:
        theme_id = index.data(THEME_ID_ROLE)
        if theme_id:
            self.toggled.emit(theme_id)

    def _create(self) -> None:
        label = " ".join(self.edit.text().split())
        if label:
            self.create_requested.emit(label)
            self.edit.clear()


    def _arrow(self, event: QKeyEvent) -> None:
        self.tree.setFocus()
        QTreeView.keyPressEvent(self.tree, event)

    def _typed(self, text: str) -> None:
        self.edit.setFocus()
        self.edit.insert(text)
