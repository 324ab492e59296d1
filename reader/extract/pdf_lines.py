"""One line of PDF text: pdfminer characters become cleaned code points that keep their
boxes (ligatures expanded and their glyph box shared out, ``(cid:N)`` and control
characters dropped, accents drawn as separate glyphs joined to their letter, NFC, runs of
spaces collapsed), so that text offsets and geometry stay in step."""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reader.extract.normalize import (
    CID_RE,
    _clean_char,  # the one per-character cleaning rule
)
from reader.extract.pdf_device import Char

NAN = float("nan")


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
    row: bool = False  # cells of a table row or a label and its value, joined

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@lru_cache(maxsize=4096)
def clean_unit(text: str) -> str:
    """The code points one glyph contributes to the text (may be empty or several)."""
    if len(text) == 1 and " " < text < "\x7f":
        return text
    text = CID_RE.sub("", text)
    return "".join(_clean_char(c) for c in text.replace("\n", " "))


def build_line(items: Iterable[Char | None]) -> Line | None:
    """Cleaned text and per-code-point boxes of one line of glyphs (``None`` items are the
    spaces found between words); ``None`` if nothing is left."""
    units: list[str] = []
    boxes: list[Box | None] = []
    sizes: dict[float, int] = {}
    simple = True  # every unit is one code point that needs no cleaning
    for item in items:
        if item is None:
            units.append(" ")
            boxes.append(None)
            continue
        t, x0, y0, x1, y1, size = item
        if len(t) != 1 or not " " <= t < "\x7f":
            t = clean_unit(t)
            if not t:
                continue
            simple = False
            if unicodedata.combining(t[0]) and units and boxes[-1] is not None:
                units[-1] += t  # an accent drawn as its own glyph joins its letter
                p = boxes[-1]
                boxes[-1] = (min(p[0], x0), min(p[1], y0), max(p[2], x1), max(p[3], y1))
                continue
        units.append(t)
        boxes.append((x0, y0, x1, y1))
        sizes[size] = sizes.get(size, 0) + 1
    if not simple:
        units, boxes = _expand(units, boxes)
    common: float = max(sizes, key=sizes.__getitem__) if sizes else 0.0
    size = round(common, 1)
    line = _finish_line(units, boxes, size)
    if line is not None and _SPACED_RE.search(line.text):
        line = collapse_letter_spacing(line)
    return line


#: Four or more single characters with single spaces between them: "O F F I C E".
_SPACED_RE = re.compile(r"(?<!\S)(?:\S ){3,}\S(?!\S)")


def collapse_letter_spacing(line: Line) -> Line:
    """Letter-spaced words ("O F F I C E  O F") closed up ("OFFICE OF"): inside a run of
    single characters, a space narrower than the word gaps (and under 0.6 em) goes."""
    drop: list[int] = []
    xs = line.xs
    for m in _SPACED_RE.finditer(line.text):
        spaces = list(range(m.start() + 1, m.end(), 2))
        gaps = [xs[2 * (k + 1)] - xs[2 * (k - 1) + 1] for k in spaces]
        if any(g != g for g in gaps):  # NaN: a character without a box
            continue
        narrow = min(gaps)
        if narrow < 0 or narrow > 0.6 * (line.size or line.height):
            continue
        cut = narrow * 1.5 + 0.5
        drop += [k for k, g in zip(spaces, gaps, strict=True) if g <= cut]
    return _without(line, drop) if drop else line


def _without(line: Line, drop: list[int]) -> Line:
    """``line`` without the code points at the (sorted) indexes ``drop``."""
    gone = set(drop)
    keep = [i for i in range(len(line.text)) if i not in gone]
    xs = array("f")
    for i in keep:
        xs.append(line.xs[2 * i])
        xs.append(line.xs[2 * i + 1])
    new_index = {old: new for new, old in enumerate(keep)}
    runs: list[tuple[int, float, float]] = []
    bounds = [r[0] for r in line.yruns[1:]] + [len(line.text)]
    for (first, y0, y1), end in zip(line.yruns, bounds, strict=True):
        mapped = next((new_index[i] for i in range(first, end) if i in new_index), None)
        if mapped is None:
            continue
        if runs and runs[-1][0] == mapped:
            runs[-1] = (mapped, y0, y1)
        elif not runs or (runs[-1][1], runs[-1][2]) != (y0, y1) or y0 != y0:
            runs.append((mapped, y0, y1))
    text = "".join(line.text[i] for i in keep)
    return Line(text, xs, tuple(runs), line.x0, line.y0, line.x1, line.y1, line.size,
                line.dropped)


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
            z = out_b[i + 1] if i + 1 < n else None
            if a is None or z is None:
                xs.append(NAN)
                xs.append(NAN)
                if last_y0 == last_y0:  # not NaN: start a run without boxes
                    yruns.append((i, NAN, NAN))
                    last_y0 = last_y1 = NAN
                continue
            lo, hi = (a[2], z[0]) if a[2] <= z[0] else (z[0], a[2])
            b = out_b[i] = (lo, min(a[1], z[1]), hi, max(a[3], z[3]))
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
                max(a.x1, b.x1), max(a.y1, b.y1), a.size or b.size, row=True)
