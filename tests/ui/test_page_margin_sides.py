"""Margin cues on the pages sit in the nearer margin: beside a left-hand column (or a
full-width line) in the left margin, beside a right-hand column in the right margin, where
a click on the ⇄ mark finds it. Drawn and hit-tested with a page of known geometry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from reader.ui.marks import Mark, MarkStyle
from reader.ui.pages.overlay import PageMapper, Placed, margin_keys_at, paint_layers, symbol_rect

PAGE = QRectF(0, 0, 612, 792)  # one pixel per point
STYLE = MarkStyle(background=QColor(255, 220, 0, 120), margin=QColor(200, 0, 0),
                  margin_symbol="⇄")
LEFT_LINE = (72.0, 600.0, 290.0, 612.0)  # x0, y0, x1, y1 (PDF points, y up)
RIGHT_LINE = (322.0, 500.0, 540.0, 512.0)
WIDE_LINE = (72.0, 400.0, 540.0, 412.0)


class Layer:
    """A layer of placed marks on page 0 (what PageMarks gives the painter)."""

    def __init__(self, *placed: tuple[str, tuple[float, float, float, float]]) -> None:
        self.placed = [Placed(box, Mark(0, 1, STYLE, key), True) for key, box in placed]

    def on(self, page: int) -> list[Placed]:
        return self.placed if page == 0 else []


def _mapper() -> PageMapper:
    return PageMapper(PAGE, (0.0, 0.0, 612.0, 792.0))


def test_each_lines_cue_is_in_the_nearer_margin_and_found_there(qtbot: Any) -> None:
    mapper, font = _mapper(), QFont()
    layer = Layer(("left", LEFT_LINE), ("right", RIGHT_LINE), ("wide", WIDE_LINE))
    for key, box, side in (("left", LEFT_LINE, "left"), ("right", RIGHT_LINE, "right"),
                           ("wide", WIDE_LINE, "left")):
        line = mapper.to_view(box)
        mark = symbol_rect(font, line, mapper, "⇄")
        if side == "left":
            assert PAGE.left() <= mark.left() and mark.right() < line.left()
        else:
            assert line.right() < mark.left() and mark.right() <= PAGE.right()
        assert line.top() - 4 <= mark.center().y() <= line.bottom() + 4
        assert margin_keys_at([layer], 0, mapper, mark.center(), font) == [key]
    # the left margin beside the right column's line finds nothing
    right = mapper.to_view(RIGHT_LINE)
    assert margin_keys_at([layer], 0, mapper, QPointF(10, right.center().y()), font) == []


def test_the_right_columns_bar_and_mark_are_drawn_in_the_right_margin(qtbot: Any) -> None:
    mapper, font = _mapper(), QFont()
    image = QImage(612, 792, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_layers(painter, [("mine", Layer(("right", RIGHT_LINE)))], 0, mapper, PAGE)
    painter.end()
    line = mapper.to_view(RIGHT_LINE)
    y = round(line.center().y())

    def red(x: int) -> bool:
        c = image.pixelColor(x, y)
        return c.red() > 150 and c.green() < 100 and c.blue() < 100

    assert any(red(x) for x in range(600, 612))  # the bar at the right edge
    assert not any(red(x) for x in range(0, 40))  # nothing in the left margin
    mark = symbol_rect(font, line, mapper, "⇄").toAlignedRect()
    inked = sum(image.pixelColor(x, yy).lightness() < 200
                for x in range(mark.left(), mark.right() + 1)
                for yy in range(mark.top(), mark.bottom() + 1))
    assert inked > 15
