"""A tiny typesetter for test PDFs that imitate real layouts (fictional text): paragraphs
flowed over pages with first-line indents, running heads and feet drawn by callbacks,
footnotes in a smaller size at the foot of chosen pages, centred headings, letter-spaced
and fake-bold lines, and two columns.

    pdf = Typeset(path)
    pdf.flow([Para("text …"), Heading("I."), …], head=lambda n: [...], notes={2: [...]})
    pdf.save()
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

W, H = letter


@dataclass
class Item:
    """One string drawn at ``x``, ``y`` (baseline)."""

    x: float
    y: float
    text: str
    font: str = "Times-Roman"
    size: float = 12.0
    char_space: float = 0.0
    bold_offset: float = 0.0  # draw twice, this far apart (fake bold)
    align: str = "left"  # left | center | right (x is the centre or right edge)


@dataclass
class Para:
    text: str
    indent: float = 24.0
    size: float = 12.0
    font: str = "Times-Roman"
    space_before: float = 6.0


@dataclass
class Heading:
    text: str
    size: float = 12.0
    font: str = "Times-Bold"
    align: str = "center"
    char_space: float = 0.0
    bold_offset: float = 0.0
    space_before: float = 12.0


@dataclass
class PageBreak:
    pass


Block = Para | Heading | PageBreak
Decor = Callable[[int], list[Item]]


def wrap(text: str, font: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    lines: list[str] = []
    current = ""
    limit = width - indent
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and stringWidth(trial, font, size) > limit:
            lines.append(current)
            current = word
            limit = width
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


@dataclass
class Typeset:
    path: Path
    title: str = "Fictional sample"
    left: float = 72.0
    width: float = W - 144.0
    top: float = H - 90.0
    bottom: float = 80.0
    leading: float = 1.25
    pages: list[list[Item]] = field(default_factory=list)

    def flow(self, blocks: Sequence[Block], *, head: Decor | None = None,
             foot: Decor | None = None, notes: dict[int, list[str]] | None = None,
             note_size: float = 9.5, columns: Sequence[tuple[float, float]] = ()) -> None:
        """Lay ``blocks`` out over new pages. ``columns``: (x, width) per column (default:
        one column of the page width)."""
        cols = list(columns) or [(self.left, self.width)]
        notes = notes or {}
        page: list[Item] = []
        number = len(self.pages) + 1
        col = 0
        y = self.top
        floor = self._floor(notes.get(number, []), note_size)

        def new_page() -> None:
            nonlocal page, number, col, y, floor
            self._finish(page, number, head, foot, notes.get(number, []), note_size)
            page = []
            number += 1
            col = 0
            y = self.top
            floor = self._floor(notes.get(number, []), note_size)

        def next_column() -> None:
            nonlocal col, y
            if col + 1 < len(cols):
                col += 1
                y = self.top
            else:
                new_page()

        for block in blocks:
            if isinstance(block, PageBreak):
                new_page()
                continue
            x, width = cols[col]
            step = block.size * self.leading
            y -= block.space_before
            if isinstance(block, Heading):
                if y - step < floor:
                    next_column()
                    x, width = cols[col]
                y -= step
                cx = {"center": x + width / 2, "right": x + width}.get(block.align, x)
                page.append(Item(cx, y, block.text, block.font, block.size, block.char_space,
                                 block.bold_offset, block.align))
                continue
            lines = wrap(block.text, block.font, block.size, width, block.indent)
            for k, line in enumerate(lines):
                if y - step < floor:
                    next_column()
                    x, width = cols[col]
                y -= step
                page.append(Item(x + (block.indent if k == 0 else 0), y, line, block.font,
                                 block.size))
        self._finish(page, number, head, foot, notes.get(number, []), note_size)

    def _floor(self, notes: list[str], size: float) -> float:
        if not notes:
            return self.bottom
        lines = sum(len(wrap(n, "Times-Roman", size, self.width, 12)) for n in notes)
        return self.bottom + lines * size * self.leading + 18

    def _finish(self, page: list[Item], number: int, head: Decor | None, foot: Decor | None,
                notes: list[str], size: float) -> None:
        items = list(page)
        if head:
            items += head(number)
        if foot:
            items += foot(number)
        y = self._floor(notes, size) - 14
        for note in notes:
            for k, line in enumerate(wrap(note, "Times-Roman", size, self.width, 12)):
                y -= size * self.leading
                items.append(Item(self.left + (12 if k == 0 else 0), y, line, "Times-Roman",
                                  size))
        self.pages.append(items)

    def add_page(self, items: list[Item]) -> None:
        self.pages.append(items)

    def save(self) -> Path:
        c = canvas.Canvas(str(self.path), pagesize=letter, invariant=1)
        c.setTitle(self.title)
        for items in self.pages:
            for it in items:
                _draw(c, it)
            c.showPage()
        c.save()
        return self.path


def _draw(c: canvas.Canvas, it: Item) -> None:
    width = stringWidth(it.text, it.font, it.size) + it.char_space * max(0, len(it.text) - 1)
    x = {"center": it.x - width / 2, "right": it.x - width}.get(it.align, it.x)
    for dx in ((0.0, it.bold_offset) if it.bold_offset else (0.0,)):
        t = c.beginText(x + dx, it.y)
        t.setFont(it.font, it.size)
        t.setCharSpace(it.char_space)
        t.textLine(it.text)
        c.drawText(t)


def body_lines(lines: Sequence[str], *, top: float = H - 90.0, left: float = 72.0,
               size: float = 12.0, leading: float = 15.0, indent: Sequence[int] = (),
               gap_before: Sequence[int] = (), font: str = "Times-Roman") -> list[Item]:
    """Pre-broken lines of body text from ``top`` down; lines listed in ``indent`` get a
    first-line indent, those in ``gap_before`` a blank half line above them."""
    items = []
    y = top
    for k, line in enumerate(lines):
        y -= leading + (leading / 2 if k in gap_before else 0)
        items.append(Item(left + (24 if k in indent else 0), y, line, font, size))
    return items


def justified(text: str, width: float, font: str = "Times-Roman", size: float = 12.0
              ) -> list[str]:
    """``text`` broken into lines that fill ``width`` (ragged: real justification is not
    needed for the tests; a line is "full" when it ends near the right edge)."""
    return wrap(text, font, size, width)
