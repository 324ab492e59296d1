"""Positions in REFI-QDA: code points of the plain text, and PDF rectangles.

The standard counts ``startPosition``/``endPosition`` in Unicode code points of the
source's plain text (``end`` exclusive). Policy Reader's offsets are code points of its
normalised text too, so an exported selection's positions are ours, unchanged. On import
another tool's plain text may differ from ours only by form; :func:`canonical` maps its
positions onto the form our text uses:

* **CRLF**: ``"\\r\\n"`` counts as *two* code points (the standard counts code points, not
  lines); a lone ``"\\r"`` is one. Both become our one ``"\\n"``; a position between the
  ``\\r`` and the ``\\n`` moves to the line break's end.
* **Combining marks**: ``"e\\u0301"`` (two code points, NFD) is our ``"é"`` (one, NFC). A
  position inside such a cluster moves to the cluster's start (a start) or end (an end), so
  a selection never splits a letter from its accent.
* **Astral characters** (emoji, some CJK, mathematical letters) are one code point each,
  as in Python. Tools that count UTF-16 code units (two per astral character) write
  positions that drift by one per astral character before the selection; the quote check
  on import catches that and places the highlight by its words.
* A byte-order mark at the start of a plain-text file is not text and is dropped before
  counting.

PDF rectangles (``PDFSelection``): page numbers from 0; ``firstX``/``firstY`` the
upper-left and ``secondX``/``secondY`` the lower-right corner, in whole PDF points from
the page's top-left corner (y grows downwards), the page as displayed.
"""

from __future__ import annotations

import math
import unicodedata

from reader.extract.boxes import CharBoxes
from reader.interop.refi.model import PdfRect


def _joins(ch: str) -> bool:
    """Whether ``ch`` attaches to the character before it (NFC may compose them)."""
    return unicodedata.combining(ch) != 0 or "\u1160" <= ch <= "\u11ff"


def canonical(text: str) -> tuple[str, list[int], list[int]]:
    """``(our form of text, start map, end map)``: the maps take every position ``0..len``
    of ``text`` to a position of the result (see the module doc for where a position
    inside a line break or an accented letter goes)."""
    out: list[str] = []
    starts = [0] * (len(text) + 1)
    ends = [0] * (len(text) + 1)
    at = 0  # length of the output so far
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if text[i] == "\r":
            if j < n and text[j] == "\n":
                j += 1
            piece = "\n"
        else:
            while j < n and _joins(text[j]):
                j += 1
            piece = unicodedata.normalize("NFC", text[i:j])
        for k in range(i, j):
            starts[k] = at
        out.append(piece)
        at += len(piece)
        for k in range(i + 1, j + 1):
            ends[k] = at
        i = j
    starts[n] = at
    ends[0] = 0
    return "".join(out), starts, ends


def plain_text(data: bytes) -> str:
    """A plain-text member's text: UTF-8 (the standard's encoding), a leading BOM dropped,
    undecodable bytes replaced (they cannot be matched anyway)."""
    text = data.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


# -- PDF rectangles ---------------------------------------------------------------------------
def rect_for_span(boxes: CharBoxes, start: int, end: int) -> PdfRect | None:
    """One rectangle around the characters of ``[start, end)`` on the page where the span
    starts (top-left origin, whole points, rounded outwards), or ``None`` without boxes."""
    rects = [r for r in boxes.rects_for(start, end)]
    if not rects:
        return None
    page = rects[0][0]
    on_page = [r for r in rects if r[0] == page]
    x0 = min(r[1] for r in on_page)
    y0 = min(r[2] for r in on_page)
    x1 = max(r[3] for r in on_page)
    y1 = max(r[4] for r in on_page)
    _w, height = boxes.page_size(page)
    return PdfRect(page - 1, math.floor(x0), math.floor(height - y1), math.ceil(x1),
                   math.ceil(height - y0))


def span_for_rect(boxes: CharBoxes, rect: PdfRect, text_length: int
                  ) -> tuple[int, int] | None:
    """The span of the characters whose centres lie inside ``rect``, or ``None``."""
    page = rect.page + 1
    if page not in boxes.page_numbers:
        return None
    _w, height = boxes.page_size(page)
    left, right = sorted((rect.first_x, rect.second_x))
    top, bottom = sorted((rect.first_y, rect.second_y))
    first = last = -1
    for offset in range(text_length):
        box = boxes.char_box(offset)
        if box is None or box[0] != page:
            continue
        cx = (box[1] + box[3]) / 2
        cy = height - (box[2] + box[4]) / 2
        if left <= cx <= right and top <= cy <= bottom:
            if first < 0:
                first = offset
            last = offset
    return (first, last + 1) if first >= 0 else None

