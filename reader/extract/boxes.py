"""Packed per-character geometry of PDF pages (owned by the PDF work).

``Extracted.boxes`` is bytes produced by :func:`pack` (or :class:`BoxesBuilder`);
:class:`CharBoxes` reads them back so a page view can draw highlights.

Geometry: for every code point of a document's text, the page it sits on and its box
``(x0, y0, x1, y1)`` in PDF points, or no box (paragraph and page separators, joined
lines). Coordinates are pdfminer's page space: origin at the lower-left corner of the
page's media box *as displayed* (``/Rotate`` applied), y grows upwards. ``page_size``
gives that space's width and height; ``crop_box`` the visible part (what a viewer such
as QtPdf renders), in the same space.

The packing stores *runs*: maximal stretches of consecutive code points on one page that
share one vertical extent (a line, or the part of a line in one font size). A run holds
its text offset, page, ``y0``/``y1`` and its first ``x0``; each code point then holds the
gap from the previous code point's ``x1`` to its ``x0`` and its width, in 1/32 pt. Gaps
are nearly always 0 and widths repeat, so zlib packs typical text to about one byte per
character.

Format (little-endian): ``b"PRBX"``, version byte, then zlib of: a header
(``<IIIId``: pages, runs, characters, text length, unit), the page table
(``<i6f`` each: number, width, height, crop x0, y0, x1, y1), the run columns
(starts ``i``, lengths ``i``, pages ``i``, y0s ``f``, y1s ``f``, first x0 ``i``) and the
character columns (gaps ``h``, widths ``H``), all in quantised units.
"""

from __future__ import annotations

import bisect
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.errors import DocumentError

MAGIC = b"PRBX"
VERSION = 1
MAX_Q = 65535
UNIT = 1 / 32  # points per quantisation step
_HEADER = struct.Struct("<IIIId")
_PAGE = struct.Struct("<i6f")
#: Boxes whose vertical extents overlap by at least this share of the smaller one are on
#: the same visual line (``rects_for`` merges them into one rectangle).
SAME_LINE = 0.5

Rect = tuple[int, float, float, float, float]  # page number, x0, y0, x1, y1


class BoxesError(DocumentError):
    """Packed character boxes could not be read (damaged or from a newer version)."""


@dataclass(frozen=True)
class PageGeometry:
    """A page's size and visible (crop) box, in the coordinate space of its character boxes."""

    number: int
    width: float
    height: float
    crop: tuple[float, float, float, float]


def _le(a: array) -> bytes:
    if sys.byteorder != "little":  # pragma: no cover - big-endian machines
        a = array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def _from_le(typecode: str, data: bytes) -> array:
    a = array(typecode)
    a.frombytes(data)
    if sys.byteorder != "little":  # pragma: no cover
        a.byteswap()
    return a


_SCALE = 1.0 / UNIT
_LIMIT = 1e8 * _SCALE


def _quantise(xs: Sequence[float]) -> list[int]:
    """Coordinates in quantisation steps; NaN (no box) and absurd values become 0."""
    try:
        q = list(map(round, map(_SCALE.__mul__, xs)))
        if q and min(q) > -_LIMIT and max(q) < _LIMIT:
            return q
    except (ValueError, OverflowError):  # NaN or infinity
        pass
    return [round(x * _SCALE) if x == x and -1e8 < x < 1e8 else 0 for x in xs]


class BoxesBuilder:
    """Collects runs in text order, then :meth:`pack` them.

    ``add_run(start, page, y0, y1, xs)`` records ``len(xs) // 2`` code points starting at
    text offset ``start``; ``xs`` is ``[x0, x1, x0, x1, ...]``. Runs must not overlap and
    must come in increasing ``start`` order.
    """

    def __init__(self) -> None:
        self.pages: list[PageGeometry] = []
        self.starts = array("i")
        self.lengths = array("i")
        self.run_pages = array("i")
        self.y0s = array("f")
        self.y1s = array("f")
        self.bases = array("i")
        self.gaps = array("h")
        self.widths = array("H")
        self._end = 0

    def add_page(self, page: PageGeometry) -> None:
        self.pages.append(page)

    def add_run(self, start: int, page: int, y0: float, y1: float,
                xs: Sequence[float]) -> None:
        """Quantise one run now, so that memory stays small for huge documents."""
        n = len(xs) // 2
        if n == 0:
            return
        if start < self._end:
            raise ValueError(f"run at {start} overlaps the previous run (ends {self._end})")
        q = _quantise(xs[: 2 * n])
        q0, q1 = q[0::2], q[1::2]
        widths = list(map(int.__sub__, q1, q0))
        gaps = [0, *map(int.__sub__, q0[1:], q1[:-1])]
        if min(widths) >= 0 and max(widths) <= MAX_Q and min(gaps) >= -32768 \
                and max(gaps) <= 32767:
            self._append(start, page, y0, y1, q0[0], n)
            self.gaps.extend(gaps)
            self.widths.extend(widths)
        else:  # a glyph wider than 2,048 pt, or a jump: split the run where it does not fit
            prev_x1 = None
            for j in range(n):
                gap = 0 if prev_x1 is None else q0[j] - prev_x1
                if prev_x1 is None or not -32768 <= gap <= 32767:
                    self._append(start + j, page, y0, y1, q0[j], 0)
                    gap = 0
                self.lengths[-1] += 1
                w = min(MAX_Q, max(0, q1[j] - q0[j]))
                self.gaps.append(gap)
                self.widths.append(w)
                prev_x1 = q0[j] + w
        self._end = start + n

    def _append(self, start: int, page: int, y0: float, y1: float, base: int,
                n: int) -> None:
        self.starts.append(start)
        self.lengths.append(n)
        self.run_pages.append(page)
        self.y0s.append(y0)
        self.y1s.append(y1)
        self.bases.append(base)

    def pack(self, text_length: int) -> bytes:
        return _write(self.pages, self.starts, self.lengths, self.run_pages, self.y0s,
                      self.y1s, self.bases, self.gaps, self.widths, len(self.gaps),
                      text_length)


def pack(pages: Sequence[PageGeometry], runs: Iterable[tuple[int, int, float, float,
                                                              Sequence[float]]],
         text_length: int) -> bytes:
    """Pack ``runs`` of ``(start, page, y0, y1, xs)`` (``xs``: x0, x1 per code point), in
    text order, for a text of ``text_length`` code points."""
    builder = BoxesBuilder()
    for page in pages:
        builder.add_page(page)
    for start, page_number, y0, y1, xs in runs:
        builder.add_run(start, page_number, y0, y1, xs)
    return builder.pack(text_length)


def _write(pages: Sequence[PageGeometry], starts: array, lengths: array, run_pages: array,
           y0s: array, y1s: array, bases: array, gaps: array, widths: array, n_chars: int,
           text_length: int) -> bytes:
    body = [_HEADER.pack(len(pages), len(starts), n_chars, text_length, UNIT)]
    body += [_PAGE.pack(p.number, p.width, p.height, *p.crop) for p in pages]
    body += [_le(a) for a in (starts, lengths, run_pages, y0s, y1s, bases, gaps, widths)]
    return MAGIC + bytes([VERSION]) + zlib.compress(b"".join(body), 6)


class CharBoxes:
    """Read-only view of packed boxes. Offsets are code points of the document's text."""

    def __init__(self, pages: Sequence[PageGeometry], starts: array, lengths: array,
                 run_pages: array, y0s: array, y1s: array, bases: array, gaps: array,
                 widths: array, unit: float, text_length: int) -> None:
        self._pages = {p.number: p for p in pages}
        self.starts, self.lengths, self.run_pages = starts, lengths, run_pages
        self.y0s, self.y1s, self._bases = y0s, y1s, bases
        self._gaps, self._widths, self.unit = gaps, widths, unit
        self.text_length = text_length
        self._first = array("i", [0])  # index of each run's first character
        total = 0
        for n in lengths:
            total += n
            self._first.append(total)
        self._cache: dict[int, tuple[list[float], list[float]]] = {}

    @classmethod
    def from_bytes(cls, data: bytes) -> CharBoxes:
        if not isinstance(data, (bytes, bytearray, memoryview)) or len(data) < 6 \
                or bytes(data[:4]) != MAGIC:
            raise BoxesError("The saved character positions are damaged (not a boxes file).")
        if data[4] != VERSION:
            raise BoxesError(f"The saved character positions have an unknown version "
                             f"({data[4]}); re-extract the document.")
        try:
            raw = zlib.decompress(bytes(data[5:]))
            n_pages, n_runs, n_chars, text_length, unit = _HEADER.unpack_from(raw, 0)
            pos = _HEADER.size
            pages = []
            for _ in range(n_pages):
                number, w, h, cx0, cy0, cx1, cy1 = _PAGE.unpack_from(raw, pos)
                pages.append(PageGeometry(number, w, h, (cx0, cy0, cx1, cy1)))
                pos += _PAGE.size
            cols = []
            for code, count in (("i", n_runs), ("i", n_runs), ("i", n_runs), ("f", n_runs),
                                ("f", n_runs), ("i", n_runs), ("h", n_chars), ("H", n_chars)):
                size = array(code).itemsize * count
                if pos + size > len(raw):
                    raise ValueError("short data")
                cols.append(_from_le(code, raw[pos:pos + size]))
                pos += size
            if pos != len(raw) or sum(cols[1]) != n_chars or not unit > 0:
                raise ValueError("inconsistent sizes")
            if any(b < a for a, b in zip(cols[0], cols[0][1:], strict=False)):
                raise ValueError("runs out of order")
        except (zlib.error, struct.error, ValueError, OverflowError) as exc:
            raise BoxesError(f"The saved character positions are damaged ({exc}).") from exc
        starts, lengths, run_pages, y0s, y1s, bases, gaps, widths = cols
        return cls(pages, starts, lengths, run_pages, y0s, y1s, bases, gaps, widths,
                   unit=unit, text_length=text_length)

    # -- pages ---------------------------------------------------------------------------
    @property
    def page_numbers(self) -> tuple[int, ...]:
        return tuple(sorted(self._pages))

    def page_size(self, page_number: int) -> tuple[float, float]:
        """``(width, height)`` in points of the page's coordinate space."""
        p = self._page(page_number)
        return (p.width, p.height)

    def crop_box(self, page_number: int) -> tuple[float, float, float, float]:
        """The visible part of the page ``(x0, y0, x1, y1)`` in the same space."""
        return self._page(page_number).crop

    def _page(self, page_number: int) -> PageGeometry:
        try:
            return self._pages[page_number]
        except KeyError:
            raise KeyError(f"no page {page_number}") from None

    # -- characters ----------------------------------------------------------------------
    def _xs(self, run: int) -> tuple[list[float], list[float]]:
        """x0s and x1s of one run's characters, in points (decoded on demand, cached)."""
        hit = self._cache.get(run)
        if hit is not None:
            return hit
        first, last = self._first[run], self._first[run + 1]
        x = self._bases[run]
        x0s: list[float] = []
        x1s: list[float] = []
        u = self.unit
        for g, w in zip(self._gaps[first:last], self._widths[first:last], strict=True):
            x += g
            x0s.append(x * u)
            x += w
            x1s.append(x * u)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[run] = (x0s, x1s)
        return x0s, x1s

    def _run_at(self, offset: int) -> int:
        """Index of the run containing ``offset``, or -1."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.starts[i] + self.lengths[i]:
            return i
        return -1

    def char_box(self, offset: int) -> Rect | None:
        """``(page, x0, y0, x1, y1)`` of one code point, or ``None`` when it has no box."""
        i = self._run_at(offset)
        if i < 0:
            return None
        x0s, x1s = self._xs(i)
        k = offset - self.starts[i]
        return (self.run_pages[i], x0s[k], float(self.y0s[i]), x1s[k], float(self.y1s[i]))

    def rects_for(self, start: int, end: int) -> list[Rect]:
        """Rectangles covering the text ``[start, end)``: one per line (runs on the same
        page whose vertical extents overlap are merged), in text order."""
        if end <= start or not self.starts:
            return []
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        out: list[list[float]] = []
        while i < len(self.starts) and self.starts[i] < end:
            s, n = self.starts[i], self.lengths[i]
            lo, hi = max(start, s), min(end, s + n)
            if lo < hi:
                x0s, x1s = self._xs(i)
                x0 = min(x0s[lo - s:hi - s])
                x1 = max(x1s[lo - s:hi - s])
                y0, y1 = float(self.y0s[i]), float(self.y1s[i])
                page = self.run_pages[i]
                if out and out[-1][0] == page and _same_line(out[-1], y0, y1):
                    last = out[-1]
                    last[1], last[2] = min(last[1], x0), min(last[2], y0)
                    last[3], last[4] = max(last[3], x1), max(last[4], y1)
                else:
                    out.append([page, x0, y0, x1, y1])
            i += 1
        return [(int(r[0]), r[1], r[2], r[3], r[4]) for r in out]

    def runs(self) -> Iterator[tuple[int, int, float, float, list[float]]]:
        """Every run as ``(start, page, y0, y1, xs)`` (``xs``: x0, x1 per code point), in
        text order: what :meth:`BoxesBuilder.add_run` takes."""
        for i in range(len(self.starts)):
            x0s, x1s = self._xs(i)
            xs = [v for pair in zip(x0s, x1s, strict=True) for v in pair]
            yield (self.starts[i], self.run_pages[i], float(self.y0s[i]), float(self.y1s[i]), xs)

    def pages_for(self, start: int, end: int) -> tuple[int, ...]:
        """Page numbers the text ``[start, end)`` has boxes on."""
        return tuple(dict.fromkeys(r[0] for r in self.rects_for(start, end)))


def _same_line(rect: list[float], y0: float, y1: float) -> bool:
    overlap = min(rect[4], y1) - max(rect[2], y0)
    smaller = min(rect[4] - rect[2], y1 - y0)
    return smaller <= 0 or overlap >= SAME_LINE * smaller
