"""One PDF page as lines and paragraphs in reading order (the page-local half of PDF
extraction; :mod:`reader.extract.pdf_assemble` does the document-wide half).

pdfminer's layout analysis (``LAParams``) gives text boxes of lines of characters. Here:

* lines come from :mod:`reader.extract.pdf_lines` (cleaned text, a box per code point);
* text boxes inside ``LTFigure`` (form XObjects, hidden OCR layers) are found too;
* boxes are put in reading order: columns are detected from a vertical gutter free of
  text, each column is read top to bottom before the next, and full-width blocks
  (titles, headers, footers, wide tables) are read at their height between column bands;
* a box is split into paragraphs where the font size changes, a list item or numbered
  subsection starts, or a short line ending a sentence is followed by an indented line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from reader.extract.pdf_device import RawPage
from reader.extract.pdf_flow import ends_sentence
from reader.extract.pdf_group import group_boxes, group_lines
from reader.extract.pdf_lines import Line, build_line, join_lines

__all__ = ["MARGIN_ZONE", "Line", "PageLayout", "Paragraph", "build_line", "merge_rows",
           "order_blocks", "page_layout", "split_paragraphs"]
#: Share of the page height at the top and bottom where headers and footers live.
MARGIN_ZONE = 0.12
_ENUM_RE = re.compile(r"^(?:\(?[0-9]{1,3}[a-z]?\)|\(?[a-zA-Z]{1,2}\)|\(?[ivxlc]{1,5}\)|"
                      r"[0-9]{1,2}(?:\.[0-9]{1,2})*\.\s|§+\s*[0-9]|[•◦▪‣∙●○■□➢✓–-]\s)")


@dataclass(slots=True, eq=False)
class Paragraph:
    lines: list[Line]
    continues: bool = False  # may continue the previous paragraph (column/figure break)


@dataclass(slots=True, eq=False)
class PageLayout:
    number: int
    width: float
    height: float
    crop: tuple[float, float, float, float]
    pdf_label: str = ""  # from the PDF's /PageLabels
    paragraphs: list[Paragraph] = field(default_factory=list)
    image_cover: float = 0.0  # share of the page covered by its largest image

    def lines(self) -> list[Line]:
        return [ln for p in self.paragraphs for ln in p.lines]


@dataclass(slots=True, eq=False)
class _Block:
    lines: list[Line]
    x0: float
    y0: float
    x1: float
    y1: float


# -- page --------------------------------------------------------------------------------
def page_layout(raw: RawPage, number: int, crop: tuple[float, float, float, float],
                pdf_label: str = "") -> PageLayout:
    """Lines and paragraphs of one page's glyphs, in reading order."""
    width, height = raw.width, raw.height
    blocks: list[_Block] = []
    for chars in raw.streams:  # the page's own text, then each figure's
        for box in group_boxes(group_lines(chars)):
            lines = [ln for ln in (build_line(raw_line[0]) for raw_line in box)
                     if ln is not None]
            placed = [ln for ln in lines if ln.yruns]
            if placed:
                blocks.append(_Block(lines, min(ln.x0 for ln in placed),
                                     min(ln.y0 for ln in placed),
                                     max(ln.x1 for ln in placed), max(ln.y1 for ln in placed)))
    ordered = order_blocks(blocks, height)
    paragraphs: list[Paragraph] = []
    for block in ordered:
        for k, lines in enumerate(split_paragraphs(block.lines)):
            paragraphs.append(Paragraph(lines, continues=(k == 0)))
    area = max(1.0, width * height)
    return PageLayout(number, width, height, crop, pdf_label, paragraphs,
                      image_cover=min(1.0, max(raw.image_areas, default=0.0) / area))


def order_blocks(blocks: list[_Block], page_height: float, depth: int = 0) -> list[_Block]:
    """Reading order: columns (found by a text-free vertical gutter) left to right, each
    top to bottom, between full-width blocks; otherwise rows top to bottom."""
    if len(blocks) <= 1:
        return list(blocks)
    gutter = _find_gutter(blocks) if depth < 3 else None
    if gutter is None:
        return _rows(blocks)
    left, right, full = [], [], []
    for b in blocks:
        if b.x1 <= gutter:
            left.append(b)
        elif b.x0 >= gutter:
            right.append(b)
        else:
            full.append(b)
    # Short blocks in the top or bottom margin, above or below all other column text and
    # set apart from it, read as full width (a running header on the right must not come
    # after the whole left column).
    cols = left + right
    for b in cols:
        if len(b.lines) > 2 or b in full:
            continue
        others = [o for o in cols if o is not b]
        gap = 1.5 * max(ln.height for ln in b.lines)
        on_top = b.y0 >= page_height * (1 - MARGIN_ZONE) and all(
            b.y0 >= o.y1 + (gap if _overlap_x(b, o) else -1) for o in others)
        at_bottom = b.y1 <= page_height * MARGIN_ZONE and all(
            b.y1 <= o.y0 - (gap if _overlap_x(b, o) else -1) for o in others)
        if on_top or at_bottom:
            full.append(b)
    full += _top_row(left, right, full, gutter)
    side = [b for b in left + right if b not in full]
    full.sort(key=lambda b: (-b.y1, b.x0))
    out: list[_Block] = []
    for f in full:
        above = [b for b in side if _reads_before(b, f)]
        if above:
            side = [b for b in side if b not in above]
            out += _columns(above, gutter, page_height, depth)
        out.append(f)
    out += _columns(side, gutter, page_height, depth)
    return out


def _top_row(left: list[_Block], right: list[_Block], full: list[_Block], gutter: float
             ) -> list[_Block]:
    """Blocks of two or more short lines side by side at the top of both columns (author
    and affiliation blocks above the text) read as a row, left to right, before the columns:
    read with their columns, the right one would land in the middle of a sentence that
    runs from the left column into the right."""
    cols = [[b for b in col if b not in full] for col in (left, right)]
    if not all(cols):
        return []
    tops = [max(col, key=lambda b: b.y1) for col in cols]
    a, b = tops
    if min(a.y1, b.y1) - max(a.y0, b.y0) <= 0:
        return []
    widths = [gutter - min(x.x0 for x in cols[0]), max(x.x1 for x in cols[1]) - gutter]
    for top, col, width in zip(tops, cols, widths, strict=True):
        if len(top.lines) < 2 or any(ln.x1 - ln.x0 > 0.75 * width for ln in top.lines):
            return []  # a heading over each column is read with its column
        if any(o is not top and o.y1 > top.y0 for o in col):
            return []
    return tops


def merge_rows(paragraphs: list[Paragraph], page_width: float) -> list[Paragraph]:
    """Join one-line paragraphs that sit side by side on one baseline ("TO:" and its value
    after a tab stop, table cells of one row) into one line, with a space between; a
    label ending in a colon joins the first line of a longer paragraph beside it.
    Dropped lines (running headers) are left out first."""
    out: list[Paragraph] = []
    for para in paragraphs:
        lines = [ln for ln in para.lines if not ln.dropped]
        if not lines:
            continue
        prev = out[-1] if out else None
        # A label such as "CC:" also takes the first line of a longer value beside it.
        if prev is not None and len(prev.lines) == 1 and (
                len(lines) == 1 or prev.lines[0].text.rstrip().endswith(":")):
            a, b = prev.lines[0], lines[0]
            h = min(a.height, b.height)
            overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
            gap = b.x0 - a.x1
            if h > 0 and overlap >= 0.7 * h and -0.5 <= gap < 0.6 * page_width:
                out[-1] = Paragraph([join_lines(a, b), *lines[1:]], prev.continues)
                continue
        out.append(para if len(lines) == len(para.lines) else Paragraph(lines, para.continues))
    return out


def _reads_before(b: _Block, f: _Block) -> bool:
    """Whether column block ``b`` is read before full-width block ``f``: it sits higher, or
    it is a label on the row of ``f``'s first line, to its left ("TO:" before its value)."""
    if (b.y0 + b.y1) / 2 > (f.y0 + f.y1) / 2:
        return True
    first = f.lines[0]
    return b.x1 <= f.x0 + 1 and b.y1 > first.y0 and b.y0 < first.y1 and \
        min(b.y1, first.y1) - max(b.y0, first.y0) >= 0.5 * min(b.y1 - b.y0, first.height)


def _overlap_x(a: _Block, b: _Block) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0)


def _columns(blocks: list[_Block], gutter: float, page_height: float,
             depth: int) -> list[_Block]:
    left = [b for b in blocks if b.x1 <= gutter]
    right = [b for b in blocks if b.x1 > gutter]
    return (order_blocks(left, page_height, depth + 1)
            + order_blocks(right, page_height, depth + 1))


def _rows(blocks: list[_Block]) -> list[_Block]:
    """Top to bottom; blocks whose tops are level (within half a line) left to right."""
    todo = sorted(blocks, key=lambda b: (-b.y1, b.x0))
    out: list[_Block] = []
    i = 0
    while i < len(todo):
        first = todo[i]
        tol = max(2.0, 0.5 * (first.lines[0].height if first.lines else 0))
        j = i + 1
        while j < len(todo) and first.y1 - todo[j].y1 <= tol:
            j += 1
        out += sorted(todo[i:j], key=lambda b: b.x0)
        i = j
    return out


def _find_gutter(blocks: list[_Block]) -> float | None:
    """The x of a vertical gutter splitting the blocks' lines into two columns of real
    text that sit beside each other, or ``None``."""
    lines = [ln for b in blocks for ln in b.lines if ln.yruns]
    if len(lines) < 6:
        return None
    lo = min(ln.x0 for ln in lines)
    hi = max(ln.x1 for ln in lines)
    span = hi - lo
    if span < 100:
        return None
    total = sum(len(ln.text) for ln in lines)
    # Sweep: how many characters of lines cross each x (piecewise constant).
    events: list[tuple[float, int]] = []
    for ln in lines:
        events.append((ln.x0, len(ln.text)))
        events.append((ln.x1, -len(ln.text)))
    events.sort()
    best: tuple[float, float, float] | None = None  # (crossing, -width, x)
    crossing = 0
    for k, (x, delta) in enumerate(events):
        crossing += delta
        nxt = events[k + 1][0] if k + 1 < len(events) else hi
        a, b = max(x, lo + 0.25 * span), min(nxt, lo + 0.75 * span)
        if b - a <= 0:
            continue
        cand = (crossing, -(nxt - x), (max(x, a) + min(nxt, b)) / 2)
        if best is None or cand < best:
            best = cand
    if best is None or best[0] > 0.5 * total:
        return None
    gx = best[2]
    gap = -best[1]
    left = [ln for ln in lines if ln.x1 <= gx]
    right = [ln for ln in lines if ln.x0 >= gx]
    lmass = sum(len(ln.text) for ln in left)
    rmass = sum(len(ln.text) for ln in right)
    if lmass < 0.15 * total or rmass < 0.15 * total or (gap < 4 and best[0] > 0):
        return None
    # The two sides must run beside each other: several lines of each side share heights.
    ltop, lbot = max(ln.y1 for ln in left), min(ln.y0 for ln in left)
    rtop, rbot = max(ln.y1 for ln in right), min(ln.y0 for ln in right)
    o_top, o_bot = min(ltop, rtop), max(lbot, rbot)
    if o_top - o_bot <= 0:
        return None
    beside_l = sum(1 for ln in left if ln.y0 >= o_bot and ln.y1 <= o_top)
    beside_r = sum(1 for ln in right if ln.y0 >= o_bot and ln.y1 <= o_top)
    if beside_l < 3 or beside_r < 3:
        return None
    # Few lines may cross the gutter where the columns run beside each other; full-width
    # text above or below them (a memo's letterhead and header) is read between bands.
    band = [ln for ln in lines if ln.y1 > o_bot and ln.y0 < o_top]
    crossing_band = sum(len(ln.text) for ln in band if ln.x0 < gx < ln.x1)
    if crossing_band > 0.15 * sum(len(ln.text) for ln in band):
        return None
    return gx


# -- paragraphs --------------------------------------------------------------------------
def split_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Split one text box's lines where a new paragraph evidently starts."""
    if len(lines) <= 1:
        return [lines] if lines else []
    placed = [ln for ln in lines if ln.yruns]
    left = min((ln.x0 for ln in placed), default=0.0)
    right = max((ln.x1 for ln in placed), default=0.0)
    width = max(1.0, right - left)
    out: list[list[Line]] = [[lines[0]]]
    for prev, ln in itertools.pairwise(lines):
        if _starts_paragraph(prev, ln, left, right, width):
            out.append([ln])
        else:
            out[-1].append(ln)
    return out


def _starts_paragraph(prev: Line, ln: Line, left: float, right: float, width: float) -> bool:
    if prev.size and ln.size and abs(prev.size - ln.size) > 0.15 * max(prev.size, ln.size):
        return True  # a heading and its text, or a footnote block
    ends = ends_sentence(prev.text)
    if _ENUM_RE.match(ln.text) and (ends or ln.x0 > left + 2):
        return True
    short = prev.x1 < right - 0.2 * width
    indented = ln.x0 > left + 6 and ln.x0 - left < 0.3 * width
    starts_upper = ln.text[:1].isupper() or ln.text[:1].isdigit()
    return ends and starts_upper and (indented or short)
