"""Building a document's text from blocks (paragraphs, headings, list items, table rows)
for formats that have structure (Markdown, HTML, DOCX), keeping heading offsets.

Each block is normalised on its own and blocks are joined with one blank line, so the
result follows :mod:`reader.extract.normalize` exactly.
"""

from __future__ import annotations

from reader.extract.normalize import PARAGRAPH_SEPARATOR, normalize_text
from reader.extract.structure import merge_sections
from reader.model.documents import Section


def join_cells(cells: list[str]) -> str:
    """One table row as a line: cells separated by " | ", except after a label cell
    ("TO:", "Date:") which reads as "TO: All staff"."""
    out = ""
    for cell in (" ".join(c.split()) for c in cells):
        if not cell:
            continue
        if not out:
            out = cell
        elif out.endswith(":") and len(out) < 40 and " | " not in out:
            out = f"{out} {cell}"
        else:
            out = f"{out} | {cell}"
    return out


class TextBuilder:
    """Collects blocks in reading order; :meth:`build` gives the text and its sections."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._headings: list[tuple[int, int, str]] = []

    def __len__(self) -> int:
        return self._length

    def paragraph(self, text: str) -> int:
        """Add a block; returns its start offset (-1 when it was empty after normalising)."""
        block = normalize_text(text)
        if not block:
            return -1
        if self._parts:
            self._length += len(PARAGRAPH_SEPARATOR)
        start = self._length
        self._parts.append(block)
        self._length += len(block)
        return start

    def heading(self, text: str, level: int) -> None:
        start = self.paragraph(text)
        if start >= 0:
            title = " ".join(self._parts[-1].split())
            self._headings.append((start, max(1, min(level, 9)), title[:200]))

    @property
    def has_text(self) -> bool:
        return bool(self._parts)

    def first_heading(self, level: int = 1) -> str:
        for _, lvl, title in self._headings:
            if lvl <= level:
                return title
        return ""

    def build(self) -> tuple[str, tuple[Section, ...]]:
        """The text and its sections. Normalised blocks joined by a blank line are already
        normalised as a whole (each block is a fixed point of ``normalize_text`` with no
        edge whitespace, and a line break composes with nothing), so the text is not
        normalised a second time."""
        text = PARAGRAPH_SEPARATOR.join(self._parts)
        return text, merge_sections(text, self._headings)
