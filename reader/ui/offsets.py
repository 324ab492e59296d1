"""The one place where core offsets and Qt text positions are converted.

The core counts Unicode code points of a document's normalised text
(:mod:`reader.extract.normalize`). The reader shows that text in a ``QTextDocument``, which
counts UTF-16 code units, and where every paragraph is a block:

* a character outside the Basic Multilingual Plane (an emoji, say) is one code point but two
  UTF-16 units;
* a paragraph break ``"\\n\\n"`` (two code points) becomes one block separator (one unit);
* a soft line break ``"\\n"`` inside a paragraph is shown as a space (same length).

:class:`TextMap` splits a text into those blocks and converts positions both ways in
O(log n). Nothing else in the app does this arithmetic.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

PARAGRAPH_BREAK = "\n\n"
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_BREAK_RE = re.compile(PARAGRAPH_BREAK)

#: Characters a QTextDocument treats specially, replaced one for one (length kept).
_QT_SAFE = str.maketrans({
    "\n": " ",  # soft line break: reflow
    "\r": " ",
    "\u2028": " ",  # line separator
    "\u2029": " ",  # paragraph separator: would split a block
    "\ufdd0": "\ufffd",  # QTextBeginningOfFrame
    "\ufdd1": "\ufffd",  # QTextEndOfFrame
    "\ufffc": "\ufffd",  # object replacement (images)
})


def utf16_len(text: str) -> int:
    """How many UTF-16 code units ``text`` takes."""
    return len(text) + len(_ASTRAL_RE.findall(text))


def cp_to_utf16(text: str, cp: int) -> int:
    """The UTF-16 position of code point ``cp`` of ``text`` (clamped to the text)."""
    cp = max(0, min(cp, len(text)))
    return cp + len(_ASTRAL_RE.findall(text, 0, cp))


def utf16_to_cp(text: str, unit: int, *, round_up: bool = False) -> int:
    """The code point at UTF-16 position ``unit`` of ``text``. A position between the two
    halves of a surrogate pair snaps to the character's start (or its end with ``round_up``)."""
    cp = 0
    units = 0
    for ch in text:
        if units >= unit:
            break
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > unit:  # inside a surrogate pair
            return cp + 1 if round_up else cp
        units += width
        cp += 1
    return cp


def qt_safe(text: str) -> str:
    """``text`` with the characters a ``QTextDocument`` would misread replaced (same length)."""
    return text.translate(_QT_SAFE)


class TextMap:
    """Maps a document text's code-point offsets to positions in its reader document.

    ``blocks`` are (start, end) code-point ranges of the paragraphs, in order; block ``i``
    is the ``QTextBlock`` with ``blockNumber() == i``.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        seps = [m.start() for m in _BREAK_RE.finditer(text)]
        starts = [0] + [s + 2 for s in seps]
        ends = [*seps, len(text)]
        self.blocks: list[tuple[int, int]] = list(zip(starts, ends, strict=True))
        self._sep_ends = starts[1:]
        # a UTF-16 encoding one unit per code point has no astral characters (the usual case:
        # skips a regex scan that costs ~50 ms on a 2,000-page text)
        plain = text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
        self._astral = [] if plain else [m.start() for m in _ASTRAL_RE.finditer(text)]
        self._astral_u = [cp + k for k, cp in enumerate(self._astral)]
        self._block_starts = starts
        # block i starts after i collapsed breaks
        self._qt_starts = ([s - i for i, s in enumerate(starts)] if plain
                           else [self.to_qt(s) for s in starts])
        self.qt_length = self.to_qt(len(text))  # position of the end of the last block

    # -- sizes ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.text)

    @property
    def block_count(self) -> int:
        return len(self.blocks)

    def block_texts(self) -> Iterator[str]:
        """Each block's text, made safe for a ``QTextDocument`` (same lengths)."""
        for start, end in self.blocks:
            yield qt_safe(self.text[start:end])

    def block_of(self, cp: int) -> int:
        """The index of the block holding code point ``cp`` (a break belongs to the block
        before it)."""
        cp = max(0, min(cp, len(self.text)))
        return max(0, bisect.bisect_right(self._block_starts, cp) - 1)

    def block_start(self, index: int) -> int:
        return self.blocks[index][0]

    # -- conversions ---------------------------------------------------------------------
    def to_qt(self, cp: int) -> int:
        """Qt position of code point offset ``cp`` (clamped to the text)."""
        cp = max(0, min(cp, len(self.text)))
        return (cp + bisect.bisect_left(self._astral, cp)
                - bisect.bisect_right(self._sep_ends, cp))

    def to_core(self, pos: int, *, round_up: bool = False) -> int:
        """Code-point offset of Qt position ``pos`` (clamped). A position inside a surrogate
        pair snaps to the character's start, or its end with ``round_up``."""
        if not self.text:
            return 0
        pos = max(0, min(pos, self.qt_length))
        block = max(0, bisect.bisect_right(self._qt_starts, pos) - 1)
        units = pos + block  # undo the collapsed paragraph breaks before this block
        inside = bisect.bisect_left(self._astral_u, units)
        cp = units - inside
        if inside and round_up and self._astral_u[inside - 1] + 1 == units:
            cp += 1
        return min(cp, len(self.text))

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        a, b = sorted((start, end))
        return self.to_qt(a), self.to_qt(b)

    def range_to_core(self, start: int, end: int) -> tuple[int, int]:
        a, b = sorted((start, end))
        return self.to_core(a), self.to_core(b, round_up=True)
