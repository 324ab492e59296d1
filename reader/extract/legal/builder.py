"""Building a statute's text from structured markup: blocks of inline pieces (some of them
cross-references), nested sections (title → chapter → section → subsection …) and the
history and notes printed with them.

Whitespace in legislative XML is layout, not content: every block is one line, its
whitespace collapsed, each piece normalised by :func:`~reader.extract.normalize.normalize_text`
on its own, so the offsets of the cross-references inside it are exact. Blocks are joined
with one blank line, as every extractor does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.extract.normalize import PARAGRAPH_SEPARATOR, normalize_text
from reader.model.documents import Link, Section

log = logging.getLogger(__name__)

#: Longest section title kept in the outline.
TITLE_CHARS = 80


@dataclass(frozen=True)
class Piece:
    """Inline text; ``target``/``href`` set when it is a cross-reference."""

    text: str
    target: str = ""
    href: str = ""


Inline = Sequence[Piece]


def short_title(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at a word boundary near ``limit`` characters ("…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.—–") + "…"


def plain(pieces: Iterable[Piece]) -> str:
    """The pieces' text on one line (whitespace collapsed)."""
    return " ".join("".join(p.text for p in pieces).split())


def _assemble(pieces: Inline) -> tuple[str, list[tuple[int, int, Piece]]]:
    out: list[str] = []
    length = 0
    spans: list[tuple[int, int, Piece]] = []
    pending_space = False
    for piece in pieces:
        raw = piece.text
        lead = raw[:1].isspace()
        trail = raw[-1:].isspace()
        text = " ".join(raw.split())
        if not text.isascii():  # ASCII in XML has no control characters left to clean
            text = normalize_text(text)
        if not text:
            pending_space = pending_space or lead or trail
            continue
        if length and (pending_space or lead):
            out.append(" ")
            length += 1
        start = length
        out.append(text)
        length += len(text)
        if piece.target:
            spans.append((start, length, piece))
        pending_space = trail
    return "".join(out), spans


class StatuteText:
    """Collects blocks and sections in reading order; :meth:`build` gives the text, the
    sections (nested as opened and closed) and the cross-references."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._links: list[Link] = []
        self._sections: list[Section] = []
        self._open: list[list] = []  # [title, number, kind, start or -1, level]

    @property
    def length(self) -> int:
        return self._length

    def block(self, pieces: Inline | str) -> int:
        """Add one paragraph; returns its start (-1 when it had no text)."""
        if isinstance(pieces, str):
            pieces = (Piece(pieces),)
        text, spans = _assemble(pieces)
        if not text:
            return -1
        if not text.isascii() and normalize_text(text) != text:
            # a combining mark starting a piece composes with the one before (rare)
            log.debug("re-normalising a block; its cross-references are dropped")
            text, spans = normalize_text(text), []
        if self._parts:
            self._length += len(PARAGRAPH_SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        for s, e, piece in spans:
            self._links.append(Link(start + s, start + e, piece.target, piece.href))
        for entry in self._open:
            if entry[3] < 0:
                entry[3] = start
        return start

    def open(self, title: str, number: str = "", kind: str = "") -> int:
        """Start a section whose first block comes next; returns a token for :meth:`close`."""
        title = short_title(title, TITLE_CHARS)
        self._open.append([title, number, kind, -1, len(self._open) + 1])
        return len(self._open)

    def close(self, token: int) -> None:
        """End the section ``token`` (and any left open inside it) after the last block."""
        while len(self._open) >= token:
            title, number, kind, start, level = self._open.pop()
            if start >= 0 and self._length > start:
                self._sections.append(Section(title=title or number, level=level, start=start,
                                              end=self._length, number=number, kind=kind))

    def build(self) -> tuple[str, tuple[Section, ...], tuple[Link, ...]]:
        self.close(1)
        text = PARAGRAPH_SEPARATOR.join(self._parts)
        sections = sorted(self._sections, key=lambda s: (s.start, s.level))
        return text, tuple(sections), tuple(self._links)
