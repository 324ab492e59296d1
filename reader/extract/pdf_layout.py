"""One PDF page as lines and paragraphs in reading order (the page-local half of PDF
extraction; :mod:`reader.extract.pdf_assemble` does the document-wide half).

pdfminer's layout analysis (``LAParams``) gives text boxes of lines of characters. Here:

* every character becomes cleaned code points (ligatures expanded, ``(cid:N)`` and control
  characters dropped, NFC) that keep their box, so offsets and geometry stay in step;
* text boxes inside ``LTFigure`` (form XObjects, hidden OCR layers) are found too;
* boxes are put in reading order: columns are detected from a vertical gutter free of
  text, each column is read top to bottom before the next, and full-width blocks
  (titles, headers, footers, wide tables) are read at their height between column bands;
* a box is split into paragraphs where the font size changes, a list item or numbered
  subsection starts, or a short line ending a sentence is followed by an indented line.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import lru_cache

from pdfminer.layout import LTAnno, LTChar, LTFigure, LTImage, LTPage, LTTextBox, LTTextLine

from reader.extract.normalize import (
    CID_RE,
    _clean_char,  # the one per-character cleaning rule
)

NAN = float("nan")
#: Share of the page height at the top and bottom where headers and footers live.
MARGIN_ZONE = 0.12
_TERMINAL = tuple(".!?:;\"”’)]")
_ENUM_RE = re.compile(r"^(?:\(?[0-9]{1,3}[a-z]?\)|\(?[a-zA-Z]{1,2}\)|\(?[ivxlc]{1,5}\)|"
                      r"[0-9]{1,2}(?:\.[0-9]{1,2})*\.\s|§+\s*[0-9]|[•◦▪‣∙●○■□➢✓–-]\s)")


@dataclass(slots=True, eq=False)
class Line:
    """One line of cleaned text. ``xs`` holds x0, x1 per code point (NaN: no box);
    ``yruns`` are ``(first_index, y0, y1)`` for the code points from that index on."""

    text: str
    xs: array
    yruns: tuple[tuple[int, float, float], ...]
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    dropped: bool = False  # a running header/footer removed from the text

    @property
    def height(self) -> float:
        return self.y1 - self.y0


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


# -- characters --------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def clean_unit(text: str) -> str:
    """The code points one glyph contributes to the text (may be empty or several)."""
    if len(text) == 1 and " " < text < "\x7f":
        return text
    text = CID_RE.sub("", text)
    return "".join(_clean_char(c) for c in text.replace("\n", " "))


def build_line(ltline: LTTextLine) -> Line | None:
    """Cleaned text and per-code-point boxes of a pdfminer line (``None`` if empty)."""
    units: list[str] = []
    boxes: list[Box | None] = []
    sizes: dict[float, int] = {}
    simple = True  # every unit is one code point that needs no cleaning
    for obj in ltline:
        if isinstance(obj, LTChar):
            t = obj.get_text()
            if len(t) != 1 or not " " <= t < "\x7f":
                t = clean_unit(t)
                if not t:
                    continue
                simple = False
                if unicodedata.combining(t[0]) and units and boxes[-1] is not None:
                    units[-1] += t  # an accent drawn as its own glyph joins its letter
                    p = boxes[-1]
                    boxes[-1] = (min(p[0], obj.x0), min(p[1], obj.y0),
                                 max(p[2], obj.x1), max(p[3], obj.y1))
                    continue
            units.append(t)
            boxes.append((obj.x0, obj.y0, obj.x1, obj.y1))
            size = obj.size
            sizes[size] = sizes.get(size, 0) + 1
        elif isinstance(obj, LTAnno) and obj.get_text() != "\n":
            units.append(" ")
            boxes.append(None)
    if not simple:
        units, boxes = _expand(units, boxes)
    size = round(max(sizes, key=sizes.__getitem__), 1) if sizes else 0.0
    return _finish_line(units, boxes, size)


Box = tuple[float, float, float, float]


def _expand(units: list[str], boxes: list[Box | None]) -> tuple[list[str], list[Box | None]]:
    """NFC, then one entry per code point (a ligature's box is shared out evenly)."""
    joined = "".join(units)
    if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
        units = [unicodedata.normalize("NFC", u) for u in units]
        if "".join(units) != unicodedata.normalize("NFC", joined):
            units, boxes = _nfc_proportional(joined, units, boxes)
    chars: list[str] = []
    cboxes: list[Box | None] = []
    for u, box in zip(units, boxes, strict=True):
        if len(u) == 1:
            chars.append(u)
            cboxes.append(box)
        elif u:
            if box is None:
                chars.extend(u)
                cboxes.extend([None] * len(u))
                continue
            w = (box[2] - box[0]) / len(u)
            for k, c in enumerate(u):
                chars.append(c)
                cboxes.append((box[0] + k * w, box[1], box[0] + (k + 1) * w, box[3]))
    return chars, cboxes


def _finish_line(chars: list[str], boxes: list[Box | None], size: float) -> Line | None:
    # Collapse runs of spaces; no leading or trailing space.
    out_c: list[str] = []
    out_b: list[Box | None] = []
    for c, b in zip(chars, boxes, strict=True):
        if c == " ":
            if not out_c:
                continue
            if out_c[-1] == " ":
                if out_b[-1] is None and b is not None:
                    out_b[-1] = b
                continue
        out_c.append(c)
        out_b.append(b)
    while out_c and out_c[-1] == " ":
        out_c.pop()
        out_b.pop()
    if not out_c:
        return None
    xs = array("f")
    yruns: list[tuple[int, float, float]] = []
    last_y0 = last_y1 = NAN
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    n = len(out_b)
    for i, b in enumerate(out_b):
        if b is None:  # a space between two glyphs spans the gap between them
            a = out_b[i - 1] if i else None
            c = out_b[i + 1] if i + 1 < n else None
            if a is None or c is None:
                xs.append(NAN)
                xs.append(NAN)
                if last_y0 == last_y0:  # not NaN: start a run without boxes
                    yruns.append((i, NAN, NAN))
                    last_y0 = last_y1 = NAN
                continue
            lo, hi = (a[2], c[0]) if a[2] <= c[0] else (c[0], a[2])
            b = out_b[i] = (lo, min(a[1], c[1]), hi, max(a[3], c[3]))
        bx0, by0, bx1, by1 = b
        xs.append(bx0)
        xs.append(bx1)
        if by0 != last_y0 or by1 != last_y1:
            yruns.append((i, by0, by1))
            last_y0, last_y1 = by0, by1
        if bx0 < x0:
            x0 = bx0
        if bx1 > x1:
            x1 = bx1
        if by0 < y0:
            y0 = by0
        if by1 > y1:
            y1 = by1
    if x0 == math.inf:  # no glyph with a box: keep the text, place it nowhere
        x0 = y0 = x1 = y1 = 0.0
        yruns = []
    return Line("".join(out_c), xs, tuple(yruns), x0, y0, x1, y1, size)


def _nfc_proportional(joined: str, units: list[str],
                      boxes: list[tuple[float, float, float, float] | None]
                      ) -> tuple[list[str], list[tuple[float, float, float, float] | None]]:
    """NFC that merged glyphs across units: give each output code point the box of the
    input unit at the same relative position (rare: Hangul jamo, stray marks)."""
    out = unicodedata.normalize("NFC", joined)
    n_in = len(units)
    new_boxes = [boxes[min(n_in - 1, i * n_in // max(1, len(out)))] for i in range(len(out))]
    return list(out), new_boxes


# -- page --------------------------------------------------------------------------------
def page_layout(ltpage: LTPage, number: int, crop: tuple[float, float, float, float],
                pdf_label: str = "") -> PageLayout:
    """Lines and paragraphs of one analysed pdfminer page, in reading order."""
    width, height = ltpage.width, ltpage.height
    blocks: list[_Block] = []
    images: list[float] = [0.0]
    _collect(ltpage, blocks, images)
    ordered = order_blocks(blocks, height)
    paragraphs: list[Paragraph] = []
    for block in ordered:
        for k, lines in enumerate(split_paragraphs(block.lines)):
            paragraphs.append(Paragraph(lines, continues=(k == 0)))
    area = max(1.0, width * height)
    return PageLayout(number, width, height, crop, pdf_label, paragraphs,
                      image_cover=min(1.0, max(images) / area))


def _collect(container: LTPage | LTFigure, blocks: list[_Block], images: list[float]) -> None:
    for obj in container:
        if isinstance(obj, LTTextBox):
            lines = [ln for ln in (build_line(x) for x in obj if isinstance(x, LTTextLine))
                     if ln is not None]
            placed = [ln for ln in lines if ln.yruns]
            if placed:
                blocks.append(_Block(lines, min(ln.x0 for ln in placed),
                                     min(ln.y0 for ln in placed),
                                     max(ln.x1 for ln in placed), max(ln.y1 for ln in placed)))
        elif isinstance(obj, LTFigure):
            _collect(obj, blocks, images)
        elif isinstance(obj, LTImage):
            images.append(obj.width * obj.height)


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
    side = [b for b in left + right if b not in full]
    full.sort(key=lambda b: (-b.y1, b.x0))
    out: list[_Block] = []
    for f in full:
        mid = (f.y0 + f.y1) / 2
        above = [b for b in side if (b.y0 + b.y1) / 2 > mid]
        if above:
            side = [b for b in side if (b.y0 + b.y1) / 2 <= mid]
            out += _columns(above, gutter, page_height, depth)
        out.append(f)
    out += _columns(side, gutter, page_height, depth)
    return out


def merge_rows(paragraphs: list[Paragraph], page_width: float) -> list[Paragraph]:
    """Join one-line paragraphs that sit side by side on one baseline ("TO:" and its value
    after a tab stop, table cells of one row) into one line, with a space between.
    Dropped lines (running headers) are left out first."""
    out: list[Paragraph] = []
    for para in paragraphs:
        lines = [ln for ln in para.lines if not ln.dropped]
        if not lines:
            continue
        prev = out[-1] if out else None
        if prev is not None and len(lines) == 1 and len(prev.lines) == 1:
            a, b = prev.lines[0], lines[0]
            h = min(a.height, b.height)
            overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
            gap = b.x0 - a.x1
            if h > 0 and overlap >= 0.7 * h and -0.5 <= gap < 0.6 * page_width:
                out[-1] = Paragraph([join_lines(a, b)], prev.continues)
                continue
        out.append(para if len(lines) == len(para.lines) else Paragraph(lines, para.continues))
    return out


def join_lines(a: Line, b: Line) -> Line:
    """``a`` + a space + ``b`` as one line (the space spans the gap between them)."""
    xs = array("f", a.xs)
    xs.append(a.x1)
    xs.append(max(a.x1, b.x0))
    xs.extend(b.xs)
    n = len(a.text)
    space_run = (n, min(a.y0, b.y0), max(a.y1, b.y1))
    runs = (*a.yruns, space_run, *((i + n + 1, y0, y1) for i, y0, y1 in b.yruns))
    return Line(f"{a.text} {b.text}", xs, runs, min(a.x0, b.x0), min(a.y0, b.y0),
                max(a.x1, b.x1), max(a.y1, b.y1), a.size or b.size)


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
    if best is None or best[0] > 0.15 * total:
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
    ends_sentence = prev.text.endswith(_TERMINAL)
    if _ENUM_RE.match(ln.text) and (ends_sentence or ln.x0 > left + 2):
        return True
    short = prev.x1 < right - 0.2 * width
    indented = ln.x0 > left + 6 and ln.x0 - left < 0.3 * width
    starts_upper = ln.text[:1].isupper() or ln.text[:1].isdigit()
    return ends_sentence and starts_upper and (indented or short)
