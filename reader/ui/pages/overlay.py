"""Marks and the selection on the pages: text ranges turned into page rectangles (PDF
points, from the character boxes) and drawn over the page images.

Highlights look as in the text view: a translucent fill in the theme's colour (overlaps
blend into a deeper shade), and a cue that does not rely on colour: an underline under
each line (solid for your highlights, dashed for other people's), a bar in the page's
margin beside the lines and the margin symbol at the first line (the stance; ``⇄``
before it when the highlight is linked to another passage). The margin is the nearer one:
the left for a line that starts in the left half of the page, the right for a line of a
right-hand column (so the cue of a two-column page sits beside its column). Margin cues are
drawn whenever their line is in view, even when the words are scrolled out sideways; the
symbol is sized to the line (never below a legible size) and :func:`margin_keys_at`
hit-tests it, so a click or a hover there can follow a link as the text view's gutter does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from reader.ops.pages import PageIndex, Rect
from reader.ui.marks import Mark, MarkStyle, Underline, layer_z

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points (y up)
MARGIN_BAR = 4  # pixels from the page's left edge
SYMBOL_PX = (13, 22)  # the margin symbol's pixel size: a little over the line's, within these


@dataclass(frozen=True)
class Placed:
    """One line rectangle of a mark on a page (``first``: the mark's first line)."""

    box: Box
    mark: Mark
    first: bool


class PageMarks:
    """A layer's marks as rectangles per page (0-based page index), worked out the first
    time a page is drawn: setting 2,000 highlights costs a lookup each, and a page costs
    the rectangles of the marks on it. ``cache`` (the view's, by range) keeps rectangles
    between calls, so redrawing after one new highlight computes one."""

    def __init__(self, index: PageIndex | None, marks: Iterable[Mark],
                 cache: dict[tuple[int, int], list[Rect]] | None = None) -> None:
        self.index = index
        self._cache = cache if cache is not None else {}
        self._marks: dict[int, list[Mark]] = {}
        self._placed: dict[int, list[Placed]] = {}
        if index is None:
            return
        for mark in marks:
            if mark.end <= mark.start:
                continue
            first = index.page_of(mark.start)
            last = index.page_of(mark.end - 1)
            if first is None or last is None:
                continue
            for page in range(first - 1, max(first, last)):
                self._marks.setdefault(page, []).append(mark)

    def pages(self) -> list[int]:
        return sorted(self._marks)

    def on(self, page: int) -> list[Placed]:
        found = self._placed.get(page)
        if found is not None:
            return found
        out: list[Placed] = []
        index = self.index
        for mark in self._marks.get(page, ()):
            key = (mark.start, mark.end)
            rects = self._cache.get(key)
            if rects is None and index is not None:
                rects = self._cache[key] = index.rects(mark.start, mark.end)
            for k, (number, x0, y0, x1, y1) in enumerate(rects or ()):
                if number - 1 == page:
                    out.append(Placed((x0, y0, x1, y1), mark, k == 0))
        self._placed[page] = out
        return out


class PageMapper:
    """PDF points of one page ↔ pixels of its rectangle in the view."""

    def __init__(self, rect: QRectF, crop: Box) -> None:
        self.rect = rect
        self.cx0, self.cy0, self.cx1, self.cy1 = crop
        self.sx = rect.width() / max(1e-6, self.cx1 - self.cx0)
        self.sy = rect.height() / max(1e-6, self.cy1 - self.cy0)

    def to_view(self, box: Box) -> QRectF:
        x0, y0, x1, y1 = box
        left = self.rect.x() + (min(x0, x1) - self.cx0) * self.sx
        top = self.rect.y() + (self.cy1 - max(y0, y1)) * self.sy
        return QRectF(left, top, abs(x1 - x0) * self.sx, abs(y1 - y0) * self.sy)

    def to_points(self, point: QPointF) -> tuple[float, float]:
        x = self.cx0 + (point.x() - self.rect.x()) / self.sx
        y = self.cy1 - (point.y() - self.rect.y()) / self.sy
        return x, y


def paint_layers(painter: QPainter, layers: Iterable[tuple[str, PageMarks]], page: int,
                 mapper: PageMapper, clip: QRectF) -> None:
    """Fills first (every layer, in order), then underlines and margin cues on top."""
    ordered = sorted(layers, key=lambda item: layer_z(item[0]))
    painter.setPen(Qt.PenStyle.NoPen)
    base = QFont(painter.font())
    cues: list[tuple[QRectF, Placed]] = []
    for _, marks in ordered:
        for placed in marks.on(page):
            rect = mapper.to_view(placed.box)
            if rect.bottom() + 2 < clip.top() or rect.top() - 2 > clip.bottom():
                continue  # a line out of view (one scrolled out sideways keeps its cue)
            style = placed.mark.style
            if style.background is not None and rect.intersects(clip):
                painter.fillRect(rect, style.background)
            if style.underline is not None or style.margin is not None:
                cues.append((rect, placed))
    for rect, placed in cues:
        _cue(painter, rect, placed, mapper, base)


def symbol_font(base: QFont, line: QRectF) -> QFont:
    """The margin symbol's font beside a line ``line`` pixels high: bold, as tall as the
    line (a little over) but never below :data:`SYMBOL_PX`'s least (legible at any zoom)."""
    font = QFont(base)
    low, high = SYMBOL_PX
    font.setPixelSize(max(low, min(high, round(line.height() * 1.1))))
    font.setBold(True)
    return font


def on_right(line: QRectF, mapper: PageMapper) -> bool:
    """A line of a right-hand column (it starts in the page's right half): its margin cues
    go in the right margin."""
    return line.left() >= mapper.rect.center().x()


def bar_x(line: QRectF, mapper: PageMapper) -> float:
    """Where the margin bar beside ``line`` is drawn."""
    return mapper.rect.right() - MARGIN_BAR if on_right(line, mapper) \
        else mapper.rect.x() + MARGIN_BAR


def symbol_rect(base: QFont, line: QRectF, mapper: PageMapper, symbol: str) -> QRectF:
    """Where the margin symbol of a mark whose first line is ``line`` is drawn: in the
    nearer margin beside the bar, centred on the line, as wide as its text."""
    metrics = QFontMetricsF(symbol_font(base, line))
    height = metrics.height()
    width = metrics.horizontalAdvance(symbol) + 2
    x = bar_x(line, mapper) - 4 - width if on_right(line, mapper) \
        else mapper.rect.x() + MARGIN_BAR + 4
    return QRectF(x, line.center().y() - height / 2, width, height)


def _cue(painter: QPainter, rect: QRectF, placed: Placed, mapper: PageMapper,
         base: QFont) -> None:
    style: MarkStyle = placed.mark.style
    if style.underline is not None:
        pen = QPen(style.underline_color or QColor("#333333"), 1.5)
        if style.underline == Underline.DashUnderline:
            pen.setStyle(Qt.PenStyle.DashLine)
        elif style.underline == Underline.DotLine:
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        y = rect.bottom() + 0.5
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    if style.margin is not None:
        x = bar_x(rect, mapper)
        painter.setPen(QPen(style.margin, 3))
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        if placed.first and style.margin_symbol:
            painter.setFont(symbol_font(base, rect))
            painter.drawText(symbol_rect(base, rect, mapper, style.margin_symbol),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             style.margin_symbol)
    painter.setPen(Qt.PenStyle.NoPen)


def margin_keys_at(layers: Iterable[PageMarks], page: int, mapper: PageMapper,
                   point: QPointF, base: QFont) -> list[str]:
    """The keys of the marks whose margin symbol is at ``point``: the strip from the page's
    edge to just past the symbol, beside the mark's first line."""
    out: list[str] = []
    for marks in layers:
        for placed in marks.on(page):
            style = placed.mark.style
            if not (placed.first and style.margin_symbol and placed.mark.key) \
                    or placed.mark.key in out:
                continue
            line = mapper.to_view(placed.box)
            symbol = symbol_rect(base, line, mapper, style.margin_symbol)
            top = min(line.top(), symbol.top()) - 2
            bottom = max(line.bottom(), symbol.bottom()) + 2
            if on_right(line, mapper):
                across = symbol.left() - 4 <= point.x() <= mapper.rect.right()
            else:
                across = mapper.rect.x() <= point.x() <= symbol.right() + 4
            if across and top <= point.y() <= bottom:
                out.append(placed.mark.key)
    return out


def keys_at(layers: Iterable[PageMarks], page: int, mapper: PageMapper,
            point: QPointF) -> list[str]:
    out: list[str] = []
    for marks in layers:
        for placed in marks.on(page):
            if placed.mark.key and mapper.to_view(placed.box).adjusted(0, -1, 0, 2) \
                    .contains(point) and placed.mark.key not in out:
                out.append(placed.mark.key)
    return out
