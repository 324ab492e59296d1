"""Draws a highlight as a card: a colour bar, its themes, the quoted words (two lines at
most), the start of its note, then who, when, which page and the stance. Header rows are a
small caption with a rule. Sizes come from font metrics only (no text layout per row), so
a list of thousands of highlights lays out quickly."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.model.annotations import Stance
from reader.ui.highlight_marks import STANCE_SYMBOLS
from reader.ui.models.annotations_model import (
    COLOR_ROLE,
    KIND_ROLE,
    META_ROLE,
    MINE_ROLE,
    NOTE_ROLE,
    STANCE_ROLE,
    THEMES_ROLE,
)

Index = QModelIndex | QPersistentModelIndex
PAD = 8
BAR = 4
GAP = 3
QUOTE_LINES = 2


def _fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    quote = QFont(base)
    small = QFont(base)
    small.setPointSizeF(max(7.0, base.pointSizeF() * 0.88))
    header = QFont(small)
    header.setWeight(QFont.Weight.DemiBold)
    return quote, small, header


def wrap_lines(text: str, font: QFont, width: int, lines: int) -> list[str]:
    """``text`` wrapped to ``width`` in at most ``lines`` lines, the last elided."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    out: list[str] = []
    while len(out) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(out) == lines - 1:
            rest = text[start:]
            out.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        out.append(text[start:start + length].rstrip())
    layout.endLayout()
    return out


class HighlightDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: dict[str, tuple[int, int]] = {}  # font -> (quote line, small line)

    def _line_heights(self, font: QFont) -> tuple[int, int]:
        key = font.key()
        found = self._lines.get(key)
        if found is None:
            quote, small, _header = _fonts(font)
            found = self._lines[key] = (QFontMetrics(quote).lineSpacing(),
                                        QFontMetrics(small).lineSpacing())
        return found

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """From font metrics only (cached): a list of thousands lays out quickly."""
        view = self.parent()
        viewport = view.viewport() if isinstance(view, QAbstractItemView) else None
        width = viewport.width() if viewport is not None else max(160, option.rect.width())
        line, small = self._line_heights(option.font)
        if index.data(KIND_ROLE) == "header":
            return QSize(width, small + 2 * PAD + 2)
        note = 1 if index.data(NOTE_ROLE) else 0
        height = 2 * PAD + small + GAP + QUOTE_LINES * line + GAP + note * (small + GAP) + small
        return QSize(width, height + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        painter.save()
        try:
            if index.data(KIND_ROLE) == "header":
                self._paint_header(painter, option, index)
            else:
                self._paint_card(painter, option, index)
        finally:
            painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem,
                      index: Index) -> None:
        _q, _small, header = _fonts(option.font)
        palette = option.palette
        rect = option.rect.adjusted(PAD, PAD + 2, -PAD, -PAD)
        painter.setFont(header)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        text = QFontMetrics(header).elidedText(index.data() or "", Qt.TextElideMode.ElideRight,
                                               rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         text)
        rule = QColor(palette.color(QPalette.ColorRole.Mid))
        painter.setPen(rule)
        painter.drawLine(rect.left(), option.rect.top() + 2, rect.right(), option.rect.top() + 2)

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem,
                    index: Index) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        quote_font, small, _header = _fonts(option.font)
        card = QRectF(option.rect.adjusted(3, 2, -3, -2))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if selected:
            fill = QColor(accent)
            fill.setAlpha(38)
            painter.setBrush(fill)
            painter.setPen(accent)
        else:
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            border = QColor(palette.color(QPalette.ColorRole.Mid))
            border.setAlpha(200 if hover else 120)
            painter.setPen(border)
        painter.drawRoundedRect(card, 6, 6)
        color = QColor(index.data(COLOR_ROLE) or "#ffd54f")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(card.left() + 4, card.top() + 6, BAR, card.height() - 12),
                                2, 2)

        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        x = int(card.left()) + 4 + BAR + PAD
        width = int(card.right()) - PAD - x
        y = int(card.top()) + PAD - 2
        small_h = QFontMetrics(small).lineSpacing()
        line_h = QFontMetrics(quote_font).lineSpacing()
        # themes
        painter.setFont(small)
        self._paint_themes(painter, index.data(THEMES_ROLE) or [], x, y, width, small, muted,
                           text_color)
        y += small_h + GAP
        # the quote
        painter.setFont(quote_font)
        painter.setPen(text_color)
        for line in wrap_lines(f"“{index.data() or ''}”", quote_font, width, QUOTE_LINES):
            painter.drawText(QRect(x, y, width, line_h), int(Qt.AlignmentFlag.AlignLeft), line)
            y += line_h
        y += GAP
        # the note
        note = " ".join((index.data(NOTE_ROLE) or "").split())
        painter.setFont(small)
        if note:
            painter.setPen(text_color)
            text = QFontMetrics(small).elidedText(f"✎ {note}", Qt.TextElideMode.ElideRight,
                                                  width)
            painter.drawText(QRect(x, y, width, small_h), int(Qt.AlignmentFlag.AlignLeft), text)
            y += small_h + GAP
        # who, when, where; the stance on the right
        value = index.data(STANCE_ROLE)
        stance = Stance(value) if value else None
        right = ""
        if stance is not None:
            right = f"{STANCE_SYMBOLS[stance]} {stance.label.split(' harm')[0]}"
        metrics = QFontMetrics(small)
        right_w = metrics.horizontalAdvance(right) + (8 if right else 0)
        meta = index.data(META_ROLE) or ""
        if not index.data(MINE_ROLE):
            meta += " · read-only"
        painter.setPen(muted)
        painter.drawText(QRect(x, y, width - right_w, small_h), int(Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(meta, Qt.TextElideMode.ElideRight, width - right_w))
        if right:
            painter.setPen(text_color)
            painter.drawText(QRect(x, y, width, small_h), int(Qt.AlignmentFlag.AlignRight), right)

    @staticmethod
    def _paint_themes(painter: QPainter, themes: list[tuple[str, str]], x: int, y: int,
                      width: int, font: QFont, muted: QColor, text: QColor) -> None:
        metrics = QFontMetrics(font)
        h = metrics.lineSpacing()
        if not themes:
            painter.setPen(muted)
            painter.drawText(QRect(x, y, width, h), int(Qt.AlignmentFlag.AlignLeft), "No theme")
            return
        end = x + width
        for i, (label, color) in enumerate(themes):
            dot = h * 0.55
            if x + dot + 20 > end:
                break
            painter.setPen(QColor(color).darker(150) if color else muted)
            painter.setBrush(QColor(color) if color else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(x, y + (h - dot) / 2, dot, dot))
            x += int(dot) + 4
            painter.setPen(text if color else muted)
            room = end - x
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRect(x, y, room, h), int(Qt.AlignmentFlag.AlignLeft), shown)
            x += metrics.horizontalAdvance(shown) + (12 if i < len(themes) - 1 else 0)
