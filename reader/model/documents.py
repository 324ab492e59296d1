"""Plain, frozen data for documents. No Qt, no I/O.

Offsets everywhere count Unicode code points of the document's normalised text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from enum import StrEnum

from reader.model.imports import ImportSummary

KINDS = ("article", "memo", "statute", "opinion", "filing", "report", "other")


class DocStatus(StrEnum):
    OK = "ok"
    NO_TEXT = "no text layer"
    PASSWORD = "password required"
    UNSUPPORTED = "unsupported"
    DAMAGED = "damaged"
    TOO_LARGE = "too large"
    PENDING = "pending"
    #: a library the extractor needs is missing or broken (an install problem; never
    #: cached, so the file is read again once the install is fixed)
    NOT_INSTALLED = "extractor not installed"

    @property
    def readable(self) -> bool:
        return self is DocStatus.OK


@dataclass(frozen=True)
class Page:
    """One page of a document. ``number`` is 1-based; ``label`` is what the page prints
    (``"3"``, ``"iv"``, ``"A-2"``); for formats without pages there is one page, label ``""``.
    ``running`` is the page's running head and foot as printed (taken out of the text),
    lines joined with " · ". ``ocr``: the page's text was recognised by OCR (a scan), so
    quotes need checking against the page; ``note`` says why a page has no text ("no text
    found by OCR")."""

    number: int
    start: int
    end: int
    label: str = ""
    has_text: bool = True
    running: str = ""
    ocr: bool = False
    note: str = ""

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


#: ``Section.kind`` of editorial matter printed with a statute (history, annotations,
#: editor's notes): searchable and shown, but never quoted as law (see ``DocText.pinpoint``).
NOTE_KIND = "note"
#: ``Section.kind`` of a footnote of a PDF page (kept apart from the body text).
FOOTNOTE_KIND = "footnote"


@dataclass(frozen=True)
class Section:
    """A heading or a numbered section (statutes: ``number="§ 3"``, subsection ``"(b)"``).

    ``start``/``end`` span the section's text including its heading; ``level`` 1 is the
    outermost. ``number`` is the citable designation when the text gives one. ``kind`` is
    ``""`` for the text itself, :data:`NOTE_KIND` for a statute's history and notes, and
    :data:`FOOTNOTE_KIND` for a footnote of a PDF page (``number="n.3"``, title "Note 3
    (p. 8)"; outlines leave footnotes out). Both are notes (:attr:`is_note`).
    """

    title: str
    level: int
    start: int
    end: int
    number: str = ""
    kind: str = ""

    @property
    def is_note(self) -> bool:
        return self.kind in (NOTE_KIND, FOOTNOTE_KIND)

    @property
    def is_footnote(self) -> bool:
        return self.kind == FOOTNOTE_KIND


@dataclass(frozen=True)
class Link:
    """A cross-reference in the text (a statute's ``<cite>``/``<ref>``): ``start``/``end``
    span its words; ``target`` is the citation it points to in the form the document's
    jurisdiction uses (``"D.C. Code § 22-3201"``, ``"21 U.S.C. § 802(6)"``, ``"§ 3"`` for a
    section of the same act); ``href`` is the file's own reference, kept as written."""

    start: int
    end: int
    target: str
    href: str = ""


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
    citation: str = ""  # the document's own: "35 P.S. § 780-113", "569 U.S. ___", a docket
    docket: str = ""  # "No. 08-3071", "Nos. 14-4512, 14-4530"
    judge: str = ""  # the authoring judge: "Judge Bergstrom", "Justice Nakashima"
    doc_type: str = ""  # within its kind: "Slip opinion", "Motion to Dismiss", "Bill" …

    def merged(self, override: DocMeta | dict[str, str]) -> DocMeta:
        """These values, with every non-empty field of ``override`` taking precedence."""
        values = override if isinstance(override, dict) else override.__dict__
        changes = {k: v for k, v in values.items()
                   if k in self.__dataclass_fields__ and isinstance(v, str) and v}
        return replace(self, **changes)


#: Where a metadata value came from (``FieldSource.origin``).
FROM_TEXT, FROM_PROPERTIES, FROM_FILENAME, FROM_EDIT = "text", "properties", "filename", "edited"


@dataclass(frozen=True)
class FieldSource:
    """Where one metadata value was read: the page and characters of the document's text
    (``start``/``end``; -1 when not from the text), the words themselves, or the file's
    properties, its name, or a person's edit. ``note`` adds why ("page 1 has no text")."""

    field: str
    origin: str = FROM_TEXT
    page: int = 0  # 1-based; 0: the document has no pages or it is not from a page
    start: int = -1
    end: int = -1
    snippet: str = ""
    note: str = ""

    def describe(self) -> str:
        """``"from page 1: 'Decided February 5, 2010'"`` and the like."""
        quote = f": ‘{self.snippet}’" if self.snippet else ""
        if self.origin == FROM_EDIT:
            out = "edited for this workspace"
        elif self.origin == FROM_PROPERTIES:
            out = f"from the file’s properties{quote}"
        elif self.origin == FROM_FILENAME:
            out = "from the file name"
        elif self.page:
            out = f"from page {self.page}{quote}"
        else:
            out = f"from the text{quote}"
        return f"{out} ({self.note})" if self.note else out


@dataclass(frozen=True)
class Document:
    """A library entry: one file of the workspace, identified by its content hash."""

    id: str  # sha256 hex of the file's bytes
    path: str  # workspace-relative, POSIX separators
    format: str  # pdf | html | markdown | text | docx | xml
    size: int
    mtime_ns: int
    status: DocStatus
    reason: str = ""
    meta: DocMeta = field(default_factory=DocMeta)
    pages: int = 0
    chars: int = 0
    paged: bool = False  # the format has real pages (PDF)
    duplicates: tuple[str, ...] = ()  # other paths with identical content
    sources: tuple[FieldSource, ...] = ()  # where each metadata value came from
    #: where the text came from: "" (the file's own text), "OCR" or "text + OCR"
    text_source: str = ""

    @property
    def short_id(self) -> str:
        return self.id[:12]

    @property
    def title(self) -> str:
        return self.meta.title or self.path.rsplit("/", 1)[-1]

    def source_of(self, field: str) -> FieldSource | None:
        return next((s for s in self.sources if s.field == field), None)

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
    links: tuple[Link, ...] = ()

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

    def note_at(self, offset: int) -> Section | None:
        """The history or note region containing ``offset`` (``None`` in the text itself)."""
        return next((s for s in self.sections_at(offset) if s.is_note), None)

    def pinpoint(self, offset: int) -> str:
        """A citable section designation at ``offset``, e.g. ``"§ 3(b)"``, or ``""``.

        In a statute's history or notes it names the section the note is printed with,
        followed by ``note`` (``"§ 3 note"``, as legal citation cites notes): a note is
        never cited as the law itself. In a PDF page's footnote it is the note's number
        (``"n.3"``), after the section's if there is one."""
        found = self.sections_at(offset)
        parts = [s.number for s in found if s.number and not s.is_note]
        footnote = next((s.number for s in found if s.is_footnote and s.number), "")
        if not parts:
            return footnote
        out = parts[0]
        for p in parts[1:]:
            out = out + p if p.startswith("(") else p
        if footnote:
            return f"{out} {footnote}"  # a PDF footnote: "§ 3 n.2"
        return f"{out} note" if any(s.is_note for s in found) else out


@dataclass(frozen=True)
class LibraryChanges:
    """What an update found (document ids). ``problems`` are one-line reasons for the
    person (a missing path, a file deleted while the run went on). ``moved``: documents
    found at a new path and no longer at their old one; ``copies``: documents that gained
    another file with the same content (both are listed as one document)."""

    added: tuple[str, ...] = ()
    changed: tuple[tuple[str, str], ...] = ()  # (old id, new id) at the same path
    moved: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    extracted: int = 0
    problems: tuple[str, ...] = ()
    copied: tuple[str, ...] = ()  # an import's files, as copied into the workspace
    not_copied: tuple[str, ...] = ()  # an import's problems (also in ``problems``)
    copies: tuple[str, ...] = ()
    #: an import's file-by-file summary (the files already in the library among them)
    summary: ImportSummary | None = None
    #: workspace paths of files that changed while they were read (a sync tool still
    #: writing): read again by the next update; a live workspace looks at them again
    unsettled: tuple[str, ...] = ()

    @property
    def touched(self) -> tuple[str, ...]:
        """Ids whose searchable content is new: added, changed (new id) and extracted."""
        return tuple(dict.fromkeys([*self.added, *(new for _, new in self.changed)]))

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.moved or self.removed
                    or self.failed or self.extracted or self.problems or self.copies)
