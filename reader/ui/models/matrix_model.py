"""The comparison matrix as a Qt table: a row per document (or office, or jurisdiction), a
column per theme, then the row's total. The theme hierarchy is collapsible: at first only
the top-level themes are columns (each counting its sub-themes); :meth:`MatrixModel.toggle`
shows or hides a theme's sub-themes, :meth:`expand_all` / :meth:`collapse_all` all of
them. An empty cell says what it means ("No one in the group marked a passage about
Naloxone access in …") as its tooltip and accessible text.

Plain data in (:class:`~reader.model.compare.Matrix`, from :mod:`reader.ops.compare`); the
model computes nothing but which columns show.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.model.compare import EMPTY_CELL, Cell, Matrix, MatrixColumn

Index = QModelIndex | QPersistentModelIndex

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the Cell (None for the total column)
MAX_ROLE = Qt.ItemDataRole.UserRole + 2  # the largest count among the cells shown
COLUMN_ROLE = Qt.ItemDataRole.UserRole + 3  # header: the MatrixColumn (None: the total)
TOTAL_HEAD = "All"
LABEL_CHARS = 34
EMPTY_MATRIX = Matrix((), ())


def _cut(text: str, n: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = EMPTY_MATRIX
        self.expanded: set[str] = set()  # theme ids whose sub-themes are columns
        self.visible: list[int] = []  # matrix column indices shown, in order
        self._max = 0

    # -- content ---------------------------------------------------------------------------
    def set_matrix(self, matrix: Matrix) -> None:
        """Show ``matrix`` (the expanded themes stay expanded when they are still there)."""
        self.beginResetModel()
        self.matrix = matrix
        known = {c.theme_id for c in matrix.columns}
        self.expanded &= known
        self._layout()
        self.endResetModel()

    def _layout(self) -> None:
        cols = self.matrix.columns
        shown: list[int] = []
        by_id = {c.theme_id: c for c in cols}
        for i, c in enumerate(cols):
            parent, ok = c.parent, True
            while parent is not None and parent in by_id:
                if parent not in self.expanded:
                    ok = False
                    break
                parent = by_id[parent].parent
            if ok:
                shown.append(i)
        self.visible = shown
        cells = self.matrix.cells
        wanted = set(shown)
        self._max = max((cell.count for (_, c), cell in cells.items() if c in wanted),
                        default=0)

    def toggle(self, section: int) -> bool:
        """Show or hide the sub-themes of the theme in column ``section``; whether it
        has any."""
        col = self.column(section)
        if col is None or not col.has_children:
            return False
        self.beginResetModel()
        if col.theme_id in self.expanded:
            self._collapse(col.theme_id)
        else:
            self.expanded.add(col.theme_id)
        self._layout()
        self.endResetModel()
        return True

    def _collapse(self, theme_id: str) -> None:
        self.expanded.discard(theme_id)
        for c in self.matrix.columns:
            if c.parent == theme_id:
                self._collapse(c.theme_id)

    def expand_all(self) -> None:
        self.beginResetModel()
        self.expanded = {c.theme_id for c in self.matrix.columns if c.has_children}
        self._layout()
        self.endResetModel()

    def collapse_all(self) -> None:
        self.beginResetModel()
        self.expanded = set()
        self._layout()
        self.endResetModel()

    def column(self, section: int) -> MatrixColumn | None:
        """The theme of column ``section`` (None for the total column)."""
        if 0 <= section < len(self.visible):
            return self.matrix.columns[self.visible[section]]
        return None

    def matrix_column(self, section: int) -> int:
        return self.visible[section] if 0 <= section < len(self.visible) else -1

    def cell(self, index: Index) -> Cell | None:
        if not index.isValid():
            return None
        c = self.matrix_column(index.column())
        if c < 0 or not 0 <= index.row() < len(self.matrix.rows):
            return None
        return self.matrix.cell(index.row(), c)

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or not self.matrix.rows:
            return 0
        return len(self.visible) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.matrix.rows) \
                or not 0 <= index.column() <= len(self.visible):
            return None
        r = index.row()
        row = self.matrix.rows[r]
        if index.column() == len(self.visible):  # the row's total
            if role == Qt.ItemDataRole.DisplayRole:
                return str(row.total)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                other = f", {row.other} of them on none of these themes" if row.other else ""
                return f"{row.total} highlights in {row.label}{other}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        c = self.visible[index.column()]
        cell = self.matrix.cell(r, c)
        if role == CELL_ROLE:
            return cell
        if role == MAX_ROLE:
            return self._max
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell.count) if cell.count else "\u2014"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(r, c, cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def describe(self, r: int, c: int, cell: Cell = EMPTY_CELL) -> str:
        """What a cell says in words: the count and how they lean, or what its emptiness
        means."""
        if not cell.count:
            return self.matrix.empty_sentence(r, c)
        row, col = self.matrix.rows[r], self.matrix.columns[c]
        n = cell.count
        mix = cell.mix
        bar = mix.glyphs(10)
        return (f"{n} highlight{'s' if n != 1 else ''} on {col.label} in {row.label}: "
                f"{mix.words} ({bar}). Click to read them side by side.")

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self.matrix.rows):
                return None
            row = self.matrix.rows[section]
            if role == Qt.ItemDataRole.DisplayRole:  # the title, then where and when
                second = row.where or row.detail
                return f"{_cut(row.label)}\n{_cut(second)}" if second else _cut(row.label)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{row.label}\n{row.detail}" if row.detail else row.label
            return None
        if section == len(self.visible) and self.matrix.rows:
            if role == Qt.ItemDataRole.DisplayRole:
                return TOTAL_HEAD
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Every highlight of the row, on any theme"
            return None
        col = self.column(section)
        if col is None:
            return None
        if role == COLUMN_ROLE:
            return col
        if role == Qt.ItemDataRole.DisplayRole:
            mark = ("\u25be\u00a0" if col.theme_id in self.expanded else "\u25b8\u00a0") \
                if col.has_children else ""
            return ("\u203a\u00a0" * col.depth) + mark + col.label
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            tip = col.label + (f"\n{col.description}" if col.description else "")
            if col.has_children:
                what = "hide" if col.theme_id in self.expanded else "show"
                tip += f"\nCounts its sub-themes. Click to {what} them as columns."
            return tip
        return None
