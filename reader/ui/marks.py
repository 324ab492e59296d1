"""Marks: ranges of a document's text drawn by the reader view, in layers.

A layer is a named list of :class:`Mark` (code-point ranges). Layers are drawn in
:data:`LAYER_ORDER` (unknown layers between highlights and search marks), each mark as a
background under the text, an optional underline (a cue that does not rely on colour) and an
optional bar or symbol in the margin. The search and find layers are temporary; the
``highlights`` layer is where the annotation work (issue 6) puts the group's highlights.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

LAYER_ORDER = {"highlights": 0, "search": 20, "find": 30, "find-current": 40}
DEFAULT_LAYER_Z = 10

Underline = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class MarkStyle:
    background: QColor | None = None
    underline: QTextCharFormat.UnderlineStyle | None = None
    underline_color: QColor | None = None
    margin: QColor | None = None  # a bar in the left margin beside the marked lines
    margin_symbol: str = ""  # a short symbol drawn in the margin at the first line
    foreground: QColor | None = None

    def char_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if self.background is not None:
            fmt.setBackground(self.background)
        if self.foreground is not None:
            fmt.setForeground(self.foreground)
        if self.underline is not None:
            fmt.setUnderlineStyle(self.underline)
            if self.underline_color is not None:
                fmt.setUnderlineColor(self.underline_color)
        return fmt


@dataclass(frozen=True)
class Mark:
    start: int  # code points of the document text
    end: int
    style: MarkStyle
    key: str = ""  # the caller's id for the mark (a highlight id), for hit tests


def layer_z(name: str) -> int:
    return LAYER_ORDER.get(name, DEFAULT_LAYER_Z)


def search_style() -> MarkStyle:
    """The temporary mark on the words of an opened search hit (amber, dotted underline)."""
    return MarkStyle(background=QColor(255, 179, 0, 120), underline=Underline.DotLine,
                     underline_color=QColor(181, 101, 0), margin=QColor(230, 140, 0))


def find_style(current: bool = False) -> MarkStyle:
    if current:
        return MarkStyle(background=QColor(255, 128, 0, 170), underline=Underline.SingleUnderline,
                         underline_color=QColor(160, 70, 0))
    return MarkStyle(background=QColor(120, 170, 255, 90))
