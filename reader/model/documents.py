"""Plain, frozen data for documents. No Qt, no I/O.

Offsets everywhere count Unicode code points of the document's normalised text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from enum import StrEnum

KINDS = ("article", "memo", "statute", "opinion", "report", "other")


class DocStatus(StrEnum):
    OK = "ok"
    NO_TEXT = "no text layer"
    PASSWORD = "password required"
    UNSUPPORTED = "unsupported"
    DAMAGED = "damaged"
    TOO_LARGE = "too large"
    PENDING = "pending"

    @property
    def readable(self) -> bool:
        return self is DocStatus.OK


@dataclass(frozen=True)
class Page:
    """One page of a document. ``number`` is 1-based; ``label`` is what the page prints
    (``"3"``, ``"iv"``, ``"A-2"``); for formats without pages there is one page, label ``""``.
    ``running`` is the page's running head and foot as printed (taken out of the text),
    lines joined with " · "."""

    number: int
    start: int
    end: int
    label: str = ""
    has_text: bool = True
    running: str = ""

    @property
    def cite_label(self) -> str:
        return self.label or str(self.number)

    @property
    def printed_differs(self) -> bool:
        """The printed label is not the page's position (a slip opinion's "8" on its
        12th page, a reprint's "231" on its first)."""
        return bool(self.label) and self.label != str(self.number)

    def place(self, total: int) -> str:
        """Where the reader is, for a status line: ``"p. 3 of 6"``, or with a printed label
        that differs from the position, ``"p. 231 (1 of 6)"``."""
        if self.printed_differs:
            return f"p. {self.label} ({self.number} of {total})"
        return f"p. {self.number} of {total}"


@dataclass(frozen=True)
class Section:
    """A heading or a numbered section (statutes: ``number="§ 3"``, subsection ``"(b)"``).

    ``start``/``end`` span the section's text including its heading; ``level`` 1 is the
    outermost. ``number`` is the citable designation when the text gives one. A footnote
    of a PDF page is a section of ``kind="note"`` spanning the note (``number="n.3"``);
    outlines leave notes out.
    """

    title: str
    level: int
    start: int
    end: int
    number: str = ""
    kind: str = ""  # "" (a heading or numbered section) or "note" (a PDF page's footnote)


@dataclass(frozen=True)
class DocMeta:
    """Metadata guessed at extraction and overridable per workspace (documents.json)."""

    title: str = ""
    kind: str = "other"
    author: str = ""  # author, or the issuing office for memos
    date: str = ""  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    jurisdiction: str = ""
    site: str = ""  # outlet / publisher / court
    source_url: str = ""
    citation: str = ""  # e.g. "35 P.S. § 780-113" or a docket number

    def merged(self, override: DocMeta | dict[str, str]) -> DocMeta:
        """These values, with every non-empty field of ``override`` taking precedence."""
        values = override if isinstance(override, dict) else override.__dict__
        changes = {k: v for k, v in values.items()
                   if k in self.__dataclass_fields__ and isinstance(v, str) and v}
        return replace(self, **changes)


@dataclass(frozen=True)
class Document:
    """A library entry: one file of the workspace, identified by its content hash."""

    id: str  # sha256 hex of the file's bytes
    path: str  # workspace-relative, POSIX separators
    format: str  # pdf | html | markdown | text | docx
    size: int
    mtime_ns: int
    status: DocStatus
    reason: str = ""
    meta: DocMeta = field(default_factory=DocMeta)
    pages: int = 0
    chars: int = 0
    paged: bool = False  # the format has real pages (PDF)
    duplicates: tuple[str, ...] = ()  # other paths with identical content

    @property
    def short_id(self) -> str:
        return self.id[:12]

    @property
    def title(self) -> str:
        return self.meta.title or self.path.rsplit("/", 1)[-1]

    @property
    def status_line(self) -> str:
        return f"{self.status.value}: {self.reason}" if self.reason else self.status.value


@dataclass(frozen=True)
class DocText:
    """A document's normalised text with its page and section boundaries."""

    doc_id: str
    text: str
    pages: tuple[Page, ...]
    sections: tuple[Section, ...] = ()

    def page_at(self, offset: int) -> Page | None:
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.pages[i]

    def page(self, number: int) -> Page | None:
        if 1 <= number <= len(self.pages):
            return self.pages[number - 1]
        return None

    def sections_at(self, offset: int) -> tuple[Section, ...]:
        """Every section containing ``offset``, outermost first."""
        hits = [s for s in self.sections if s.start <= offset < s.end]
        return tuple(sorted(hits, key=lambda s: (s.level, s.start)))

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing ``offset``."""
        found = self.sections_at(offset)
        return found[-1] if found else None

    def pinpoint(self, offset: int) -> str:
        """A citable section designation at ``offset``, e.g. ``"§ 3(b)"``, or ``""``."""
        parts = [s.number for s in self.sections_at(offset) if s.number]
        if not parts:
            return ""
        out = parts[0]
        for p in parts[1:]:
            out = out + p if p.startswith("(") else p
        return out
