"""Draws a matrix cell: the number of highlights, and under it a small stance bar that
reads without colour — supports harm reduction is a solid part marked ``+``, opposes a
hatched part marked ``−``, neutral a dotted part marked ``·`` (each part also has its own
colour, and the signs with their counts are written beside) — on a background tinted by
how many highlights the cell has compared with the fullest one shown. An empty cell is a
muted dash (its tooltip says what the emptiness means)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.model.compare import Cell, StanceMix
from reader.ui.models.matrix_model import CELL_ROLE, MAX_ROLE

Index = QModelIndex | QPersistentModelIndex
CELL_SIZE = QSize(104, 50)
BAR_HEIGHT = 7

#: (sign, pattern, light colour, dark colour) for supports, opposes, neutral
PARTS = (
    ("+", Qt.BrushStyle.SolidPattern, "#2e7d32", "#81c784"),
    ("\u2212", Qt.BrushStyle.BDiagPattern, "#c62828", "#ef9a9a"),
    ("\u00b7", Qt.BrushStyle.Dense5Pattern, "#616161", "#bdbdbd"),
)


def parts(mix: StanceMix) -> list[tuple[int, str, Qt.BrushStyle, str, str]]:
    """(count, sign, pattern, light colour, dark colour) of the non-empty parts."""
    counts = (mix.supports, mix.opposes, mix.neutral)
    return [(n, *p) for n, p in zip(counts, PARTS, strict=True) if n]


class MatrixDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return CELL_SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(CELL_ROLE)
        if not isinstance(cell, Cell):  # the total column
            super().paint(painter, option, index)
            return
        painter.save()
        pal = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect  # type: ignore[attr-defined]
        dark = pal.color(QPalette.ColorRole.Base).lightness() < 128
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        if selected:
            painter.fillRect(rect, pal.color(QPalette.ColorRole.Highlight).lighter(
                110 if dark else 160))
        elif cell.count:
            top = max(1, int(index.data(MAX_ROLE) or 1))
            tint = QColor("#ffb300" if not dark else "#ffca28")
            tint.setAlpha(18 + round(70 * cell.count / top))
            painter.fillRect(rect, tint)
        text_color = pal.color(QPalette.ColorRole.Text)
        inner = rect.adjusted(6, 3, -6, -4)
        if not cell.count:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignCenter), "\u2014")
            painter.restore()
            return
        font = QFont(option.font)  # type: ignore[attr-defined]
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_color)
        line = painter.fontMetrics().height()
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                         int(Qt.AlignmentFlag.AlignCenter), str(cell.count))
        found = parts(cell.mix)
        bar = QRectF(inner.left(), inner.top() + line + 2, inner.width(), BAR_HEIGHT)
        x = bar.left()
        total = max(1, cell.mix.total)
        for i, (n, _sign, pattern, light, deep) in enumerate(found):
            width = bar.width() - (x - bar.left()) if i == len(found) - 1 \
                else bar.width() * n / total
            part = QRectF(x, bar.top(), width, bar.height())
            color = QColor(deep if dark else light)
            painter.fillRect(part, pal.color(QPalette.ColorRole.Base))
            painter.fillRect(part, QBrush(color, pattern))
            painter.setPen(QPen(color, 1))
            painter.drawRect(part.adjusted(0.5, 0.5, -0.5, -0.5))
            x += width
        small = QFont(option.font)  # type: ignore[attr-defined]
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.82))
        painter.setFont(small)
        painter.setPen(text_color)
        signs = " ".join(f"{sign}{n}" for n, sign, *_ in found)
        painter.drawText(QRectF(inner.left(), bar.bottom() + 1, inner.width(),
                                inner.bottom() - bar.bottom()),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), signs)
        painter.restore()
