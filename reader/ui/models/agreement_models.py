"""Agreement between annotators as Qt models: the figures per theme (a table) and the
disagreements to walk through (a list). Plain data in
(:class:`~reader.model.compare.AgreementReport`, :class:`~reader.model.compare.
Disagreement`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from reader.model.compare import Disagreement, ThemeAgreement

Index = QModelIndex | QPersistentModelIndex
DISAGREEMENT_ROLE = Qt.ItemDataRole.UserRole + 1
SYMBOLS = {"kappa": "\u03ba", "alpha": "\u03b1"}
HEADS = ("Theme", "Agreement", "Same", "Marked")
TIPS = ("The theme (a theme counts its sub-themes)",
        "Cohen's kappa (two people) or Krippendorff's alpha (more), over characters: 1 is "
        "perfect, 0 what chance gives, below 0 systematic disagreement",
        "Characters on which everyone agreed (marked or not)",
        "Characters anyone marked with the theme")


def figure(t: ThemeAgreement) -> str:
    """``κ 0.41``, ``α −0.12``, or ``—`` (no figure: the note says why)."""
    if t.value is None:
        return "\u2014"
    value = 0.0 if abs(t.value) < 0.005 else t.value
    return f"{SYMBOLS.get(t.method, '')} {value:.2f}".replace("-", "\u2212").strip()


def reading(value: float | None) -> str:
    """How a figure reads, in words (Krippendorff's thresholds)."""
    if value is None:
        return ""
    if value >= 0.8:
        return "reliable agreement"
    if value >= 0.667:
        return "tentative agreement"
    if value > 0.2:
        return "weak agreement"
    if value >= -0.05:
        return "about what chance gives"
    return "systematic disagreement"


class AgreementModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ThemeAgreement] = []

    def set_rows(self, rows: Sequence[ThemeAgreement]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TIPS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) \
                or not 0 <= index.column() < len(HEADS):
            return None
        t = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return "   " * t.depth + t.label
            if col == 1:
                return figure(t)
            if col == 2:
                return "\u2014" if t.percent is None else f"{t.percent * 100:.1f}%"
            return f"{t.marked:,}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            words = reading(t.value)
            says = f"{t.label}: {figure(t)}" + (f" ({words})" if words else "")
            if t.note:
                says += f". {t.note}"
            return (f"{says}. {t.marked:,} characters marked, {t.shared:,} by two or more "
                    f"people, {t.single:,} by one.")
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not t.theme_id:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class DisagreementModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Disagreement] = []
        self.titles = True  # name each passage's document (not when all are in one)

    def set_items(self, items: Sequence[Disagreement]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def row_of(self, key: str) -> int:
        return next((i for i, d in enumerate(self.items) if d.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        d = self.items[index.row()]
        if role == DISAGREEMENT_ROLE:
            return d
        words = " ".join(d.quote.split())
        if len(words) > 90:
            words = words[:89] + "…"
        page = f", p. {d.page}" if d.page else ""
        done = "\u2713 " if d.resolved else ""
        if role == Qt.ItemDataRole.DisplayRole:
            where = f" · {d.doc_title}{page}" if self.titles else (f" · p. {d.page}"
                                                                  if d.page else "")
            return f"{done}{d.kind.label}{where}\n“{words}”"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            who = ", ".join(a.name for a in d.authors)
            state = " Resolved." if d.resolved else ""
            return f"{d.kind.label} in {d.doc_title}{page}: “{d.quote}” — {who}.{state}"
        return None
