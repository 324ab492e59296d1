"""The taxonomy as a tree for the themes panel: colour, name and favourite key; highlights
in the open document and in the whole workspace (a parent counts its sub-themes); the
theme ids that came from other groups under "Unknown themes".

Renaming (edit the name) and moving (drag and drop) are *requests* (signals): the panel
asks the controller, and the model is given the new taxonomy, so every change is undoable
and goes through the core's checks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from reader.model.themes import Taxonomy
from reader.ui.resources import swatch

Index = QModelIndex | QPersistentModelIndex

THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the theme id ("" for the unknown group)
UNKNOWN_ROLE = Qt.ItemDataRole.UserRole + 2  # True for an unknown id and its group
MIME = "application/x-policy-reader-theme"
UNKNOWN_GROUP = "#unknown"
COLUMNS = ("Theme", "Here", "All")


class ThemesModel(QAbstractItemModel):
    rename_requested = Signal(str, str)  # theme id, new label
    move_requested = Signal(str, object, int)  # theme id, new parent (None: top), position

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tax = Taxonomy()
        self.here: Mapping[str, int] = {}
        self.everywhere: Mapping[str, int] = {}
        self.unknown: Mapping[str, int] = {}
        self._nodes: list[str] = []  # node keys; an index's internalId is its position + 1
        self._pos: dict[str, int] = {}
        self._kids: dict[str | None, list[str]] = {}
        self._up: dict[str, str | None] = {}
        self._keys: dict[str, int] = {}

    # -- content ---------------------------------------------------------------------------
    def set_taxonomy(self, tax: Taxonomy, unknown: Mapping[str, int] | None = None) -> None:
        self.beginResetModel()
        self.tax = tax
        if unknown is not None:
            self.unknown = dict(unknown)
        self._build()
        self.endResetModel()

    def set_counts(self, here: Mapping[str, int], everywhere: Mapping[str, int],
                   unknown: Mapping[str, int] | None = None) -> None:
        if unknown is not None and set(unknown) != set(self.unknown):
            self.here, self.everywhere = dict(here), dict(everywhere)
            self.set_taxonomy(self.tax, unknown)
            return
        self.here, self.everywhere = dict(here), dict(everywhere)
        if unknown is not None:
            self.unknown = dict(unknown)
        self._counts_changed(None)

    def _counts_changed(self, parent: str | None) -> None:
        kids = self._kids.get(parent, [])
        if not kids:
            return
        parent_index = QModelIndex() if parent is None else self._index_of(parent, 0)
        self.dataChanged.emit(self.index(0, 1, parent_index),
                              self.index(len(kids) - 1, 2, parent_index))
        for key in kids:
            self._counts_changed(key)

    def _build(self) -> None:
        tax = self.tax
        self._nodes, self._pos, self._kids, self._up = [], {}, {}, {}
        self._keys = {tid: i + 1 for i, tid in enumerate(tax.favourites)}

        def add(key: str, parent: str | None) -> None:
            self._pos[key] = len(self._nodes)
            self._nodes.append(key)
            self._kids.setdefault(parent, []).append(key)
            self._up[key] = parent

        stack: list[tuple[str | None, list[str]]] = [(None, [t.id for t in tax.roots()])]
        while stack:
            parent, ids = stack.pop()
            for tid in ids:
                add(tid, parent)
            for tid in reversed(ids):
                stack.append((tid, [t.id for t in tax.children(tid)]))
        if self.unknown:
            add(UNKNOWN_GROUP, None)
            for tid in sorted(self.unknown):
                add(f"?{tid}", UNKNOWN_GROUP)

    def theme_id(self, index: Index) -> str:
        key = self._key(index)
        if key is None or key == UNKNOWN_GROUP:
            return ""
        return key[1:] if key.startswith("?") else key

    def index_of(self, theme_id: str) -> QModelIndex:
        key = theme_id if theme_id in self._pos else f"?{theme_id}"
        return self._index_of(key, 0) if key in self._pos else QModelIndex()

    def _index_of(self, key: str, column: int) -> QModelIndex:
        parent = self._up.get(key)
        row = self._kids.get(parent, []).index(key)
        return self.createIndex(row, column, self._pos[key] + 1)

    def _key(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        pos = index.internalId() - 1
        return self._nodes[pos] if 0 <= pos < len(self._nodes) else None

    # -- structure -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not 0 <= column < len(COLUMNS) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        kids = self._kids.get(self._key(parent), [])
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, self._pos[kids[row]] + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        key = self._key(index)
        if key is None:
            return QModelIndex()
        up = self._up.get(key)
        return QModelIndex() if up is None else self._index_of(up, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._kids.get(self._key(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return ("", "Highlights in the open document",
                        "Highlights in the whole workspace")[section] or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        key = self._key(index)
        if key is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if key == UNKNOWN_GROUP or key.startswith("?"):
            return base
        if index.column() == 0:
            base |= Qt.ItemFlag.ItemIsEditable
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    # -- data ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = self._key(index)
        if key is None:
            return None
        column = index.column()
        if key == UNKNOWN_GROUP:
            return self._group_data(column, role)
        if key.startswith("?"):
            return self._unknown_data(key[1:], column, role)
        theme = self.tax.by_id.get(key)
        if theme is None:
            return None
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return theme.label
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(theme.color)
            if role == Qt.ItemDataRole.ToolTipRole:
                favourite = f"\nFavourite: key {self._keys[key]}" if key in self._keys else ""
                return (theme.description or theme.label) + favourite
            if role == Qt.ItemDataRole.AccessibleTextRole:
                fav = f", favourite key {self._keys[key]}" if key in self._keys else ""
                return (f"{theme.label}{fav}, {self.here.get(key, 0)} here, "
                        f"{self.everywhere.get(key, 0)} in all documents")
        elif role == Qt.ItemDataRole.DisplayRole:
            return self._count(self.here if column == 1 else self.everywhere, key)
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == THEME_ID_ROLE:
            return key
        if role == UNKNOWN_ROLE:
            return False
        if role == Qt.ItemDataRole.UserRole:  # the favourite key, for the delegate
            return self._keys.get(key, 0)
        return None

    @staticmethod
    def _count(counts: Mapping[str, int], key: str) -> str:
        n = counts.get(key, 0)
        return f"{n:,}" if n else ""

    def _group_data(self, column: int, role: int) -> Any:
        if column == 0 and role == Qt.ItemDataRole.DisplayRole:
            return "Unknown themes"
        if column == 0 and role == Qt.ItemDataRole.ToolTipRole:
            return ("Theme ids that came with other people's highlights and are not in this "
                    "workspace. Adopt one to add it to the group's themes.")
        if column == 0 and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if column == 2 and role == Qt.ItemDataRole.DisplayRole:
            return f"{sum(self.unknown.values()):,}"
        if role == UNKNOWN_ROLE:
            return True
        if role == THEME_ID_ROLE:
            return ""
        return None

    def _unknown_data(self, tid: str, column: int, role: int) -> Any:
        if column == 0 and role in (Qt.ItemDataRole.DisplayRole,
                                    Qt.ItemDataRole.AccessibleTextRole):
            return tid
        if column == 0 and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(128, 128, 128)
        if column == 0 and role == Qt.ItemDataRole.DecorationRole:
            return swatch("#d0d0d0")
        if column == 2 and role == Qt.ItemDataRole.DisplayRole:
            return self._count(self.unknown, tid)
        if column == 1 and role == Qt.ItemDataRole.DisplayRole:
            return self._count(self.here, tid)
        if role == THEME_ID_ROLE:
            return tid
        if role == UNKNOWN_ROLE:
            return True
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self._key(index)
        if key is None or role != Qt.ItemDataRole.EditRole or index.column() != 0 \
                or key not in self.tax.by_id:
            return False
        label = " ".join(str(value).split())
        if label and label != self.tax.by_id[key].label:
            self.rename_requested.emit(key, label)
        return False  # the new taxonomy comes back from the controller

    # -- drag and drop: a request to move --------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        ids = [self.theme_id(i) for i in indexes if i.column() == 0 and self.theme_id(i)]
        data.setData(MIME, QByteArray(ids[0].encode("utf-8") if ids else b""))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        if not data.hasFormat(MIME):
            return False
        key = self._key(parent)
        return key is None or key in self.tax.by_id

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        tid = bytes(data.data(MIME).data()).decode("utf-8", "replace")
        if tid not in self.tax.by_id:
            return False
        target = self._key(parent)
        siblings = [k for k in self._kids.get(target, []) if k != tid and k in self.tax.by_id]
        if row < 0:
            position = len(siblings)
        else:
            before = self._kids.get(target, [])[:row]
            position = sum(1 for k in before if k != tid and k in self.tax.by_id)
        self.move_requested.emit(tid, target, position)
        return False  # nothing to remove: the new taxonomy comes back from the controller
