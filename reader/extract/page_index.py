"""Where the characters are on a page, for pointing at them: the character under (or
nearest to) a point, a word at a point, and the rectangles of a text range. Qt-free (the
page view converts widget pixels to PDF points first).

Built from :class:`~reader.extract.boxes.CharBoxes` (coordinates: PDF points, displayed
space, y up). Offsets are code points of the document's text, so a range between two
points follows the text's reading order (the left column, then the right one), whatever
their places on the page.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from reader.extract.boxes import CharBoxes, Rect

#: A point farther than this (points) from every character points at none.
MAX_REACH = 36.0


@dataclass(frozen=True)
class _Run:
    start: int
    y0: float
    y1: float
    x0s: tuple[float, ...]
    x1s: tuple[float, ...]
    x0: float  # the run's left and right edges
    x1: float


class PageIndex:
    """Character hit tests over a document's boxes (pages indexed on first use)."""

    def __init__(self, boxes: CharBoxes, text: str) -> None:
        self.boxes = boxes
        self.text = text
        self._pages: dict[int, list[_Run]] | None = None

    def _index(self) -> dict[int, list[_Run]]:
        if self._pages is None:
            pages: dict[int, list[_Run]] = {}
            for start, page, y0, y1, xs in self.boxes.runs():
                x0s, x1s = tuple(xs[0::2]), tuple(xs[1::2])
                pages.setdefault(page, []).append(_Run(
                    start, min(y0, y1), max(y0, y1), x0s, x1s, min(x0s + x1s),
                    max(x0s + x1s)))
            self._pages = pages
        return self._pages

    def has_text(self, page: int) -> bool:
        return bool(self._index().get(page))

    def pages_with_text(self) -> tuple[int, ...]:
        return tuple(sorted(self._index()))

    def char_at(self, page: int, x: float, y: float, *, reach: float = MAX_REACH
                ) -> tuple[int, bool] | None:
        """``(offset, after)``: the character nearest to the point (``after``: the point is
        in its right half, so a selection boundary there falls after it). Lines come first:
        a point between two lines picks the nearer line, then the nearest character on it.
        ``None`` when no character is within ``reach`` points."""
        runs = self._index().get(page)
        if not runs:
            return None
        best: tuple[float, float, _Run] | None = None
        for run in runs:
            dy = 0.0 if run.y0 <= y <= run.y1 else min(abs(y - run.y0), abs(y - run.y1))
            dx = 0.0 if run.x0 <= x <= run.x1 else min(abs(x - run.x0), abs(x - run.x1))
            key = (dy + dx * 0.25, dx)
            if best is None or key < best[:2]:
                best = (key[0], key[1], run)
        if best is None or best[0] > reach:
            return None
        run = best[2]
        k = _nearest(run, x)
        mid = (run.x0s[k] + run.x1s[k]) / 2
        forward = run.x1s[k] >= run.x0s[k] and (run.x1s[-1] >= run.x0s[0])
        after = x > mid if forward else x < mid
        return run.start + k, after

    def boundary_at(self, page: int, x: float, y: float) -> int | None:
        """The text offset a selection boundary at this point falls on."""
        hit = self.char_at(page, x, y)
        if hit is None:
            return None
        offset, after = hit
        return offset + 1 if after else offset

    def word_at(self, page: int, x: float, y: float) -> tuple[int, int] | None:
        """The word (letters, digits and inner apostrophes or hyphens) under the point."""
        hit = self.char_at(page, x, y, reach=4.0)
        if hit is None:
            return None
        at = hit[0]
        text = self.text
        if at >= len(text) or not _word_char(text[at]):
            return None
        start = at
        while start > 0 and _word_char(text[start - 1]):
            start -= 1
        end = at + 1
        while end < len(text) and _word_char(text[end]):
            end += 1
        while end > start and text[end - 1] in "'’-":
            end -= 1
        return start, end

    def rects(self, start: int, end: int) -> list[Rect]:
        """One rectangle per line of the range, in text order."""
        return self.boxes.rects_for(start, end)

    def page_of(self, offset: int) -> int | None:
        """The page a character's box is on (the next boxed character's for one without,
        such as a paragraph break). A lookup in the run table: no box is decoded."""
        boxes = self.boxes
        starts = boxes.starts
        if not len(starts):
            return None
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < starts[i] + boxes.lengths[i]:
            return int(boxes.run_pages[i])
        return int(boxes.run_pages[min(i + 1, len(starts) - 1)])


def _nearest(run: _Run, x: float) -> int:
    best, best_d = 0, float("inf")
    for k, (a, b) in enumerate(zip(run.x0s, run.x1s, strict=True)):
        lo, hi = min(a, b), max(a, b)
        d = 0.0 if lo <= x <= hi else min(abs(x - lo), abs(x - hi))
        if d < best_d:
            best, best_d = k, d
            if d == 0.0:
                break
    return best


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "'’-_"
