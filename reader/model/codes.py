"""A code (the D.C. Code, a title of the U.S. Code) as a collection: its one-section files in
their hierarchy (Title 48 › Chapter 9E › § 48-961.05), plain frozen data built by
:mod:`reader.documents.codes`, and a chapter's sections read as one text in order."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from reader.model.documents import DocText


@dataclass(frozen=True)
class CodeNode:
    """One level of a code: a container (``label`` "Title 48", "Chapter 9E", or
    "§§ 48-900.01–48-900.99" for sections grouped by number when no index names their
    chapter) or a section (``label`` "§ 48-961.05", ``doc_id`` its document). ``heading``
    is the level's caption ("Foods and Drugs"); ``doc_id`` of a container is the index file
    that describes it, if any."""

    label: str
    heading: str = ""
    level: str = "section"  # "title", "chapter", "subchapter", "part", "group", "section" …
    doc_id: str = ""
    children: tuple[CodeNode, ...] = ()
    key: str = ""  # stays the same when the label changes ("48-961" for a group)

    @property
    def is_section(self) -> bool:
        return self.level == "section"

    @property
    def text(self) -> str:
        """``"Chapter 9E. Harm Reduction …"`` / ``"§ 48-961.05. Good Samaritan …"``."""
        return f"{self.label}. {self.heading}" if self.heading else self.label

    def walk(self) -> Iterator[CodeNode]:
        yield self
        for child in self.children:
            yield from child.walk()

    def sections(self) -> tuple[CodeNode, ...]:
        """The sections under this node (itself, if a section), in code order."""
        return tuple(n for n in self.walk() if n.is_section)


@dataclass(frozen=True)
class CodeCollection:
    """The one-section files of one code (``code``: "D.C. Code", "21 U.S.C."), as a tree
    (``roots``: the titles, or the sections themselves when nothing groups them), with the
    index files that named their titles and chapters (``index_ids``)."""

    code: str
    jurisdiction: str
    roots: tuple[CodeNode, ...]
    index_ids: tuple[str, ...] = ()

    def walk(self) -> Iterator[CodeNode]:
        for root in self.roots:
            yield from root.walk()

    def sections(self) -> tuple[CodeNode, ...]:
        return tuple(n for n in self.walk() if n.is_section)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """Every document of the collection: sections in code order, then index files."""
        return (*dict.fromkeys(n.doc_id for n in self.sections()), *self.index_ids)

    @property
    def label(self) -> str:
        n = len(self.sections())
        return f"{self.code} ({n} section{'' if n == 1 else 's'})"


@dataclass(frozen=True)
class SectionPlace:
    """Where a section file stands in its code: the collection, the containers above it
    (outermost first), the sections before and after it in code order (None at an end) and
    the chapter (its innermost container) it belongs to."""

    collection: CodeCollection
    node: CodeNode
    ancestors: tuple[CodeNode, ...]
    previous: CodeNode | None
    next: CodeNode | None

    @property
    def chapter(self) -> CodeNode | None:
        return self.ancestors[-1] if self.ancestors else None

    @property
    def trail(self) -> str:
        """``"Title 48 › Chapter 9E › § 48-961.05"``."""
        return " › ".join(n.label for n in (*self.ancestors, self.node))


@dataclass(frozen=True)
class ChapterPart:
    """One section file inside a :class:`ChapterText`: its document and where its text
    stands in the chapter's text (``start``..``end``)."""

    doc_id: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class ChapterText:
    """A chapter's sections read as one text, in code order (read-only: a highlight made
    there is made on the section's own document, through :meth:`locate`)."""

    title: str
    text: DocText
    parts: tuple[ChapterPart, ...]

    def part_at(self, offset: int) -> ChapterPart | None:
        starts = [p.start for p in self.parts]
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(self.parts) and offset < self.parts[i].end:
            return self.parts[i]
        return None

    def locate(self, offset: int) -> tuple[str, int] | None:
        """(document id, offset in that document's text) of a chapter offset; None
        between sections."""
        part = self.part_at(offset)
        return (part.doc_id, offset - part.start) if part is not None else None
