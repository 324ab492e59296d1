"""The reader view's marks: named layers of code-point ranges (:class:`~reader.ui.marks.Mark`)
drawn as Qt extra selections (a repaint, never a relayout).

Only marks near the view become Qt selections: those reaching into a *band* from two screens
above the view to four below. Scrolling out of the band places them again (before the view
paints), so the cost of setting, adding or scrolling does not grow with the number of marks
or the length of the text: a layer of 10,000 find matches or 2,000 highlights costs what the
few dozen near the view cost.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.ui.marks import Mark, layer_z

if TYPE_CHECKING:
    from reader.ui.widgets.reader_view import ReaderView

_by_place = operator.attrgetter("start", "end")
_start = operator.attrgetter("start")


class MarkLayers:
    def __init__(self, view: ReaderView) -> None:
        self.view = view
        self._layers: dict[str, list[Mark]] = {}
        self._longest: dict[str, int] = {}
        self._selections: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._band = (0, 0)  # code points where marks are Qt selections
        self._band_values = (0, -1)  # the scroll bar values the band covers

    # -- layers ----------------------------------------------------------------------------
    def set(self, layer: str, marks: list[Mark] | tuple[Mark, ...]) -> None:
        ordered = sorted(marks, key=_by_place)
        self._layers[layer] = ordered
        self._longest[layer] = max((m.end - m.start for m in ordered), default=0)
        if self._band_values[1] < 0:
            self._set_band()
        self._selections[layer] = self._layer_selections(layer)
        self._show()

    def clear(self, layer: str) -> None:
        if self._layers.pop(layer, None) is not None:
            self._longest.pop(layer, None)
            self._selections.pop(layer, None)
            self._show()

    def clear_all(self) -> None:
        self._layers.clear()
        self._longest.clear()
        self._selections.clear()

    def get(self, layer: str) -> list[Mark]:
        return list(self._layers.get(layer, ()))

    def ordered(self) -> list[tuple[str, list[Mark]]]:
        """The layers bottom to top."""
        return sorted(self._layers.items(), key=lambda kv: layer_z(kv[0]))

    def between(self, layer: str, lo: int, hi: int) -> Iterator[Mark]:
        """The marks of ``layer`` that reach into code points ``lo``..``hi``."""
        marks = self._layers.get(layer, ())
        if not marks:
            return
        first = bisect.bisect_left(marks, lo - self._longest.get(layer, 0), key=_start)
        last = bisect.bisect_left(marks, hi, key=_start)
        for mark in marks[first:last]:
            if mark.end > lo:
                yield mark

    def keys_at(self, offset: int) -> list[str]:
        """Keys of the marks covering ``offset``, topmost layer first."""
        return [m.key for name, _marks in reversed(self.ordered())
                for m in self.between(name, offset, offset + 1) if m.key]

    # -- placing ---------------------------------------------------------------------------
    def on_scrolled(self, value: int) -> None:
        low, high = self._band_values
        if value < low or value + self.view.viewport().height() > high:
            self.place()  # before the view paints

    def place(self) -> None:
        """Place every layer again (the view moved far, or the document changed)."""
        if self.view.built is None:
            return
        self._set_band()
        self._selections = {name: self._layer_selections(name) for name in self._layers}
        self._show()

    def _set_band(self) -> None:
        view = self.view
        height = max(1, view.viewport().height())
        value = view.verticalScrollBar().value()
        x = view.painter.gutter + 4
        self._band = (view.offset_at(QPoint(x, -2 * height)),
                      view.offset_at(QPoint(x + view.painter.column, 4 * height),
                                     round_up=True))
        self._band_values = (value - 2 * height, value + 4 * height)

    def _layer_selections(self, layer: str) -> list[QTextEdit.ExtraSelection]:
        built = self.view.built
        if built is None:
            return []
        document = self.view.document()
        formats: dict[int, QTextCharFormat] = {}
        found = []
        for mark in self.between(layer, *self._band):
            qs, qe = built.range_to_qt(mark.start, mark.end)
            if qe <= qs:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(qs)
            cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = formats.get(id(mark.style))
            if fmt is None:
                fmt = formats[id(mark.style)] = mark.style.char_format()
            sel.format = fmt
            found.append(sel)
        return found

    def _show(self) -> None:
        order = sorted(self._selections, key=layer_z)
        self.view.setExtraSelections([s for name in order for s in self._selections[name]])
        self.view.viewport().update()
