"""How highlights look in the reader: :class:`~reader.ui.marks.Mark`\\ s for the
``highlights`` layer.

* the background is the colour of the highlight's first theme (or its own colour), light
  enough that overlapping highlights blend into a visibly deeper shade;
* a cue that does not rely on colour: an underline (solid for your highlights, dashed for
  other people's) and a bar in the margin beside the lines;
* the stance as a symbol in the margin: ``+`` supports harm reduction, ``−`` opposes,
  ``○`` neutral or unclear; ``✎`` when there is a note and no stance; ``⇄`` before it when
  the highlight is linked to another passage (:attr:`MarkBuilder.linked`).

Styles are shared between marks (the reader view turns each style into one text format).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor

from reader.model.annotations import DEFAULT_COLOR, AnchorStatus, Placed, Stance
from reader.model.themes import Taxonomy
from reader.ui.marks import Mark, MarkStyle, Underline

LAYER = "highlights"
FOCUS_LAYER = "highlight-focus"
STANCE_SYMBOLS = {Stance.SUPPORTS: "+", Stance.OPPOSES: "−", Stance.NEUTRAL: "○"}
NOTE_SYMBOL = "✎"
LINK_SYMBOL = "⇄"


def initials(name: str) -> str:
    """``"Maria Gómez"`` → ``"MG"``; ``"Reader 3f2a"`` → ``"R3"``; one word → two letters."""
    words = [w for w in name.replace("-", " ").split() if w]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def theme_color(tax: Taxonomy, themes: tuple[str, ...], own: str) -> str:
    """A highlight's colour: its first known theme's current colour, else its own."""
    for t in themes[:1]:
        c = tax.color(t)
        if c:
            return c
    return own or DEFAULT_COLOR


class MarkBuilder:
    def __init__(self, tax: Taxonomy, me_id: str, *, dark: bool = False,
                 hidden: frozenset[str] = frozenset()) -> None:
        self.tax = tax
        self.me_id = me_id
        self.dark = dark
        self.hidden = hidden
        self.linked: frozenset[str] = frozenset()  # highlights with a link (a margin mark)
        self._styles: dict[tuple[str, bool, str], MarkStyle] = {}
        self._colors: dict[tuple[str, str], str] = {}  # (first theme, own colour) -> colour

    def style(self, color: str, mine: bool, symbol: str) -> MarkStyle:
        key = (color, mine, symbol)
        found = self._styles.get(key)
        if found is None:
            base = QColor(color)
            background = QColor(base)
            background.setAlpha(105 if self.dark else 125)
            line = base.lighter(130) if self.dark else base.darker(175)
            found = MarkStyle(background=background,
                              underline=Underline.SingleUnderline if mine
                              else Underline.DashUnderline,
                              underline_color=line, margin=line, margin_symbol=symbol)
            self._styles[key] = found
        return found

    def mark(self, p: Placed) -> Mark | None:
        h, a = p.highlight, p.anchor
        if a.end <= a.start or a.status is AnchorStatus.ORPHANED or h.author.id in self.hidden:
            return None
        symbol = STANCE_SYMBOLS[h.stance] if h.stance else (NOTE_SYMBOL if h.note else "")
        if h.id in self.linked:
            symbol = LINK_SYMBOL + symbol
        key = (h.themes[0] if h.themes else "", h.color)
        color = self._colors.get(key)
        if color is None:
            color = self._colors[key] = theme_color(self.tax, h.themes, h.color)
        style = self._styles.get((color, h.author.id == self.me_id, symbol))
        if style is None:
            style = self.style(color, h.author.id == self.me_id, symbol)
        return Mark(a.start, a.end, style, h.id)

    def marks(self, placed: Iterable[Placed]) -> list[Mark]:
        out = []
        for p in placed:
            m = self.mark(p)
            if m is not None:
                out.append(m)
        return out


def focus_marks(p: Placed | None, *, dark: bool = False) -> list[Mark]:
    """The outline of the highlight chosen in the sidebar (a stronger underline)."""
    if p is None or p.orphaned:
        return []
    color = QColor("#f0f0f0") if dark else QColor("#202020")
    style = MarkStyle(underline=Underline.SingleUnderline, underline_color=color,
                      margin=color)
    return [Mark(p.anchor.start, p.anchor.end, style, p.highlight.id)]
