"""A statute's own typography in the reader: history and notes set smaller than the law
(they are shown and searchable, but are not the law; a PDF page's footnotes likewise), and
cross-references drawn as links
("§ 48-961.03" underlined; :mod:`reader.ui.widgets.reader_links` follows them).

Used by :class:`reader.ui.reader_doc.BuiltDocument` for the blocks of its window."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtGui import (
    QGuiApplication,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)

from reader.model.documents import Link, Section
from reader.ui.offsets import TextMap

LINK_PREFIX = "link:"  # anchor hrefs: "link:<index in DocText.links>"
_Mode = QTextCursor.MoveMode


def note_blocks(text_map: TextMap, sections: tuple[Section, ...]) -> set[int]:
    """The blocks inside notes: a statute's history and notes, a PDF page's footnotes."""
    out: set[int] = set()
    for s in sections:
        if s.is_note and s.end > s.start:
            out.update(range(text_map.block_of(s.start), text_map.block_of(s.end - 1) + 1))
    return out


def style_note(block: QTextBlock, size: float, em: float) -> None:
    """Set one block of a note in ``size`` points (its heading too: smaller than the
    law's)."""
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(round(em * 0.5))
    chars = QTextCharFormat()
    chars.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
    chars.setFontPointSize(size)
    cursor = QTextCursor(block)
    cursor.mergeBlockFormat(fmt)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, _Mode.KeepAnchor)
    cursor.mergeCharFormat(chars)


class LinkSpans:
    """A text's cross-references, found by offset."""

    def __init__(self, links: tuple[Link, ...]) -> None:
        self.links = tuple(sorted(links, key=lambda k: (k.start, k.end)))
        self._starts = [k.start for k in self.links]

    def __bool__(self) -> bool:
        return bool(self.links)

    def between(self, start: int, end: int) -> list[tuple[int, Link]]:
        """(index, link) of the links lying within ``start``..``end``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_right(self._starts, end)
        return [(i, k) for i, k in enumerate(self.links[lo:hi], lo) if k.end <= end]

    def at(self, offset: int) -> Link | None:
        """The link whose words contain ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        for k in reversed(self.links[max(0, i - 3):i + 1]):
            if k.start <= offset < k.end:
                return k
        return None

    def by_href(self, href: str) -> Link | None:
        if not href.startswith(LINK_PREFIX):
            return None
        try:
            return self.links[int(href[len(LINK_PREFIX):])]
        except (ValueError, IndexError):
            return None


def apply_links(document_cursor: Callable[[], QTextCursor], spans: LinkSpans,
                to_qt: Callable[[int], int], start: int, end: int) -> None:
    """Draw the links within ``start``..``end`` (code points) as anchors."""
    if not spans:
        return
    link_colour = QGuiApplication.palette().link()
    for index, link in spans.between(start, end):
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"{LINK_PREFIX}{index}")
        fmt.setForeground(link_colour)
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setToolTip(f"Open {link.target}")
        cursor = document_cursor()
        cursor.setPosition(to_qt(link.start))
        cursor.setPosition(to_qt(link.end), _Mode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


def subsection_text(text: str, after: int) -> bool:
    """A statute's subsection that is all in its one paragraph ("(3) Limit the protections
    of § 7-403.", ``after`` ≤ a line break), or a clause of a sentence ("(2) Possession of
    drug paraphernalia; or", "(c) Nothing … construed to:"): text, not a heading, however
    short. A subsection with a caption of its own ("(a) In general") is a heading."""
    if after <= 2:
        return True
    tail = text.rstrip()
    return tail.endswith((";", ":", ",", "; or", "; and", "—")) or tail.endswith(
        (" or", " and"))
