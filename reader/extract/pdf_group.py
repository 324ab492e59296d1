"""Characters into lines, lines into text boxes: pdfminer's layout analysis (``LAParams()``
defaults, ``all_texts``, no box ordering) on the plain tuples of
:mod:`reader.extract.pdf_device`, written as tight loops.

The rules are pdfminer's, so the grouping is the one its ``LTPage.analyze`` gives:

* consecutive characters (in drawing order) share a line when they overlap vertically by
  more than half the smaller height and are less than two character widths apart;
  a gap wider than a tenth of the character's size becomes a space;
* lines are neighbours when they are within half a line height of each other, of about
  the same height and aligned left, right or centre; connected neighbours form a box;
  boxes list their lines top to bottom.
"""

from __future__ import annotations

import bisect
import itertools

from reader.extract.pdf_device import Char

LINE_OVERLAP = 0.5
CHAR_MARGIN = 2.0
LINE_MARGIN = 0.5
WORD_MARGIN = 0.1

#: A line: its items (a glyph, or ``None`` for a space between words) and its box.
RawLine = tuple[list[Char | None], float, float, float, float]


def group_lines(chars: list[Char]) -> list[RawLine]:
    """Lines of ``chars`` (drawing order), without lines that are empty or only spaces."""
    out: list[RawLine] = []
    if not chars:
        return out
    items: list[Char | None] | None = None
    lx0 = ly0 = lx1 = ly1 = last_x1 = 0.0
    c0 = chars[0]
    for c1 in chars[1:]:
        _, ax0, ay0, ax1, ay1, _ = c0
        _, bx0, by0, bx1, by1, _ = c1
        halign = False
        if by0 <= ay1 and ay0 <= by1:
            ah, bh = ay1 - ay0, by1 - by0
            vo = abs(ay0 - by1)
            t = abs(ay1 - by0)
            if t < vo:
                vo = t
            if (ah if ah < bh else bh) * LINE_OVERLAP < vo:
                if bx0 <= ax1 and ax0 <= bx1:
                    hd = 0.0
                else:
                    hd = abs(ax0 - bx1)
                    t = abs(ax1 - bx0)
                    if t < hd:
                        hd = t
                aw, bw = ax1 - ax0, bx1 - bx0
                halign = hd < (aw if aw > bw else bw) * CHAR_MARGIN
        if halign and items is not None:
            w, h = bx1 - bx0, by1 - by0
            if bx0 < last_x1 and c1[0] == c0[0] and abs(bx0 - ax0) < 0.3 * w \
                    and abs(by0 - ay0) < 0.3 * h:
                c0 = c1  # the same glyph struck again a hair to the side (fake bold)
                continue
            if last_x1 < bx0 - WORD_MARGIN * (w if w > h else h):
                items.append(None)
            items.append(c1)
            last_x1 = bx1
            if bx0 < lx0:
                lx0 = bx0
            if by0 < ly0:
                ly0 = by0
            if bx1 > lx1:
                lx1 = bx1
            if by1 > ly1:
                ly1 = by1
        elif items is not None:
            _keep(out, items, lx0, ly0, lx1, ly1)
            items = None
        elif halign:
            items = [c0]
            lx0, ly0, lx1, ly1 = ax0, ay0, ax1, ay1
            w, h = bx1 - bx0, by1 - by0
            if bx0 < ax1 and c1[0] == c0[0] and abs(bx0 - ax0) < 0.3 * w \
                    and abs(by0 - ay0) < 0.3 * h:
                last_x1 = ax1
                c0 = c1
                continue
            if ax1 < bx0 - WORD_MARGIN * (w if w > h else h):
                items.append(None)
            items.append(c1)
            last_x1 = bx1
            lx0, ly0 = min(lx0, bx0), min(ly0, by0)
            lx1, ly1 = max(lx1, bx1), max(ly1, by1)
        else:
            _keep(out, [c0], ax0, ay0, ax1, ay1)
        c0 = c1
    if items is None:
        _keep(out, [c0], c0[1], c0[2], c0[3], c0[4])
    else:
        _keep(out, items, lx0, ly0, lx1, ly1)
    return out


def _keep(out: list[RawLine], items: list[Char | None], x0: float, y0: float, x1: float,
          y1: float) -> None:
    if x1 - x0 <= 0 or y1 - y0 <= 0:
        return
    for c in items:
        if c is not None and not c[0].isspace():
            out.append((items, x0, y0, x1, y1))
            return


def group_boxes(lines: list[RawLine]) -> list[list[RawLine]]:
    """Boxes of neighbouring lines, each top to bottom (pieces of one row joined); boxes
    by top (highest first), then left to right (pdfminer's order without ``boxes_flow``)."""
    boxes = [_rows(box) for box in _absorb_fragments(neighbour_groups(lines))]
    boxes.sort(key=lambda b: (-min(ln[2] for ln in b), min(ln[1] for ln in b)))
    return boxes


def neighbour_groups(lines: list[RawLine]) -> list[list[RawLine]]:
    """pdfminer's text boxes: connected groups of neighbouring lines, in the order of
    their first line."""
    n = len(lines)
    if n == 0:
        return []
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(n), key=lambda i: lines[i][2])
    y0s = [lines[i][2] for i in order]
    tallest = max(ln[4] - ln[2] for ln in lines)
    for i, (_, x0, y0, x1, y1) in enumerate(lines):
        h = y1 - y0
        d = LINE_MARGIN * h
        lo = bisect.bisect_left(y0s, y0 - d - tallest)
        hi = bisect.bisect_left(y0s, y1 + d)
        cx = x0 + x1
        for k in range(lo, hi):
            j = order[k]
            if j == i:
                continue
            _, ox0, oy0, ox1, oy1 = lines[j]
            if ox1 <= x0 or x1 <= ox0 or oy1 <= y0 - d or y1 + d <= oy0:
                continue
            if abs((oy1 - oy0) - h) > d:
                continue
            if (abs(ox0 - x0) <= d or abs(ox1 - x1) <= d
                    or abs((ox0 + ox1) - cx) <= 2 * d):
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[rj] = ri
    groups: dict[int, list[RawLine]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(lines[i])
    return list(groups.values())


def _absorb_fragments(boxes: list[list[RawLine]]) -> list[list[RawLine]]:
    """Pieces of justified lines that pdfminer cut off at a wide word gap and that align
    with nothing (or only with each other) become boxes of their own; a box whose every
    line sits on a row of a bigger box, inside that box's width, belongs to it."""
    if len(boxes) < 2:
        return boxes
    extents = [(min(ln[1] for ln in b), max(ln[3] for ln in b)) for b in boxes]
    order = sorted(range(len(boxes)), key=lambda k: -len(boxes[k]))
    gone: set[int] = set()
    for k in reversed(order):  # smallest first
        small = boxes[k]
        sx0, sx1 = extents[k]
        for a in order:
            if a == k or a in gone or len(boxes[a]) <= len(small):
                continue
            ax0, ax1 = extents[a]
            if sx0 < ax0 - 1 or sx1 > ax1 + 1:
                continue
            if all(_row_partner(ln, boxes[a]) for ln in small):
                boxes[a].extend(small)
                gone.add(k)
                break
    return [b for k, b in enumerate(boxes) if k not in gone]


def _row_partner(ln: RawLine, box: list[RawLine]) -> bool:
    """Whether ``box`` has a line on the row of ``ln`` (beside it, not over it)."""
    h = ln[4] - ln[2]
    for o in box:
        overlap = min(o[4], ln[4]) - max(o[2], ln[2])
        if overlap >= 0.6 * min(h, o[4] - o[2]) and (o[3] <= ln[1] + 1 or ln[3] <= o[1] + 1):
            return True
    return False


def _rows(box: list[RawLine]) -> list[RawLine]:
    """The box's lines top to bottom, with pieces of one row joined left to right: pdfminer
    cuts a line where justified text leaves a gap wider than two characters, and the
    pieces would otherwise be read one under the other."""
    box.sort(key=lambda ln: -ln[4])
    if len(box) < 2:
        return box
    out: list[RawLine] = []
    row: list[RawLine] = [box[0]]
    for ln in box[1:]:
        first = row[0]
        overlap = min(first[4], ln[4]) - max(first[2], ln[2])
        if overlap >= 0.6 * min(first[4] - first[2], ln[4] - ln[2]):
            row.append(ln)
            continue
        out.extend(_join_row(row))
        row = [ln]
    out.extend(_join_row(row))
    return out


def _join_row(row: list[RawLine]) -> list[RawLine]:
    """One line from pieces side by side; pieces that overlap (text drawn over text) stay
    apart."""
    if len(row) == 1:
        return row
    by_x = sorted(row, key=lambda ln: ln[1])
    for a, b in itertools.pairwise(by_x):
        if b[1] < a[3] - 1.0:
            return _overstruck(row)
    items: list[Char | None] = []
    for ln in by_x:
        if items:
            items.append(None)
        items.extend(ln[0])
    return [(items, by_x[0][1], min(ln[2] for ln in row), max(ln[3] for ln in row),
             max(ln[4] for ln in row))]


def _overstruck(row: list[RawLine]) -> list[RawLine]:
    """Pieces of a row that overlap: one line drawn twice a hair apart (fake bold) is kept
    once; other overlapping text stays as it is."""
    out: list[RawLine] = []
    for ln in row:
        text = _text(ln)
        if any(_text(o) == text and abs(o[1] - ln[1]) < 0.25 * (ln[4] - ln[2])
               and abs(o[2] - ln[2]) < 0.25 * (ln[4] - ln[2]) for o in out):
            continue
        out.append(ln)
    return out


def _text(ln: RawLine) -> str:
    return "".join(" " if c is None else c[0] for c in ln[0])
