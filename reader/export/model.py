"""The Brief: plain frozen data that every output format renders. No I/O, no Qt.

A :class:`Brief` is built once (``reader.export.build.build_brief``) and then written to any
format; all text in it is already cleaned (XML-safe) and, when anonymised, free of
annotator names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from reader.export.options import BriefOptions
from reader.model.annotations import Stance


@dataclass(frozen=True)
class Citation:
    """Where a quote comes from. ``page`` is the label the page prints (``"3"``, ``"iv"``);
    ``end_page`` is set when the quote runs onto a later page. ``section`` is the citable
    designation (``"§ 3(b)"``) or, failing that, ``section_title`` names the heading."""

    title: str
    author: str = ""  # author, or the issuing office
    date: str = ""  # ISO as stored: YYYY, YYYY-MM or YYYY-MM-DD
    page: str = ""
    end_page: str = ""
    section: str = ""
    section_title: str = ""
    legal_citation: str = ""  # e.g. "35 P.S. § 780-113"; an opinion's own reporter cite
    site: str = ""
    kind: str = ""  # the document's kind: opinions and filings are cited as lawyers do
    docket: str = ""  # "No. 08-3071"
    court: str = ""  # the court as a citation names it: "D.C. Cir.", "N.C."; "" for SCOTUS
    doc_type: str = ""  # "Unpublished per curiam opinion", "Motion to Dismiss" …
    #: the physical page(s) in the file ("12", "12–13") when the printed label differs from
    #: the position (a reprint's "p. 231" is the PDF's first page): "" otherwise
    physical: str = ""

    @property
    def pages(self) -> str:
        """``"3"``, ``"3–4"`` or ``""``."""
        if not self.page:
            return ""
        if self.end_page and self.end_page != self.page:
            return f"{self.page}–{self.end_page}"
        return self.page


@dataclass(frozen=True)
class BriefReply:
    """One reply under a quote (Markdown, cleaned; names redacted when anonymised)."""

    text: str
    author: str = ""  # "" when anonymised
    depth: int = 1  # 1 answers the passage; 2 answers a reply …
    date: str = ""  # ISO day


@dataclass(frozen=True)
class BriefLink:
    """"Contradicted by: …": the other passage's words and citation (``removed`` when its
    highlight is gone: only the words remembered by the link are printed)."""

    text: str
    citation: str = ""
    removed: bool = False


@dataclass(frozen=True)
class BriefMatrix:
    """The comparison matrix as a table: ``columns`` are the heads after the first,
    ``rows`` (label, cells); cells read without colour ("3 (+2 −1 ·0)", "—" empty)."""

    title: str
    corner: str  # the first column's head ("Document", "Theme" …)
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    legend: str
    note: str = ""  # e.g. how highlights were chosen
    csv: bytes = b""  # the matrix as a spreadsheet (a CSV brief writes it beside itself)


@dataclass(frozen=True)
class BriefQuote:
    """One quoted passage with its citation.

    ``text`` is the passage as it stands in the current text of the document (paragraph
    breaks kept as ``"\\n\\n"``, soft line breaks turned into spaces). ``page_number`` is the
    1-based physical page where it starts (0 for formats without pages): what a check
    against ``DocText.page(...)`` uses.
    """

    highlight_id: str
    number: int  # 1-based, in order of first appearance in the brief
    text: str
    citation: Citation
    doc_id: str
    page_number: int
    start: int
    end: int
    themes: tuple[str, ...]  # theme labels, taxonomy order
    stance: Stance | None
    note: str = ""  # Markdown; "" when notes are left out
    annotator: str = ""  # "" when anonymised
    created: dt.datetime | None = None
    also_under: tuple[str, ...] = ()  # other sections this quote also appears in (a few)
    also_under_more: int = 0  # how many more it appears in (not named)
    replies: tuple[BriefReply, ...] = ()  # the thread under it (``include_replies``)
    contradicted_by: tuple[BriefLink, ...] = ()  # passages a contradicts-link joins it to
    ocr: bool = False  # its page's text was recognised by OCR (a scan): check the quote

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.text.split("\n\n") if p.strip())


@dataclass(frozen=True)
class BriefReference:
    """A passage filed under a section too but quoted in full in an earlier one: printed
    as "See No. 3" with its first words and where it is quoted, so that every passage is
    quoted once and the numbers run in order through the brief."""

    highlight_id: str
    number: int  # the passage's number (where it is quoted in full)
    excerpt: str  # its first words, "…" when shortened
    citation: Citation
    section_key: str  # the section that quotes it
    section_title: str
    stance: Stance | None = None


@dataclass(frozen=True)
class BriefSection:
    """A heading with its quotes and nested sections. ``level`` 1 is the outermost.
    ``references`` point at passages filed here too that an earlier section quotes (they
    come first: their numbers are lower than those of the section's own quotes)."""

    key: str  # unique, anchor-safe ("theme-overdose", "doc-3f2a…", "stance-…")
    title: str
    level: int
    kind: str  # "theme" | "document" | "stance" | "unthemed"
    description: str = ""
    quotes: tuple[BriefQuote, ...] = ()
    children: tuple[BriefSection, ...] = ()
    subtitle: str = ""  # e.g. a document's office and date under a document heading
    references: tuple[BriefReference, ...] = ()

    def walk(self) -> Iterator[BriefSection]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def quote_count(self) -> int:
        """The passages filed here and in the sections under it (quoted or referred to)."""
        return sum(len(s.quotes) + len(s.references) for s in self.walk())


@dataclass(frozen=True)
class SourceEntry:
    """One document the brief quotes, with its metadata."""

    doc_id: str
    title: str
    author: str = ""
    date: str = ""
    kind: str = ""
    jurisdiction: str = ""
    site: str = ""
    legal_citation: str = ""
    source_url: str = ""
    path: str = ""
    quote_count: int = 0
    docket: str = ""
    court: str = ""  # the court as a citation names it ("D.C. Cir.")
    doc_type: str = ""
    judge: str = ""
    pages_cited: tuple[str, ...] = ()  # page labels, document order


@dataclass(frozen=True)
class ThemeEntry:
    """A theme used in the brief, for the appendix of definitions."""

    id: str
    label: str
    description: str = ""
    parent: str = ""  # the parent's label
    level: int = 1
    quote_count: int = 0


@dataclass(frozen=True)
class OrphanEntry:
    """A highlight that cannot be placed in the current text: never given a page."""

    highlight_id: str
    text: str  # the words as they were highlighted
    doc_title: str
    reason: str
    note: str = ""
    annotator: str = ""
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str = ""
    prepared_by: str = ""
    prepared_for: str = ""
    group_name: str = ""
    notice: str = ""
    date: dt.date | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True)
class Brief:
    options: BriefOptions
    cover: Cover
    sections: tuple[BriefSection, ...]
    sources: tuple[SourceEntry, ...]
    themes: tuple[ThemeEntry, ...]
    orphans: tuple[OrphanEntry, ...] = ()  # listed only with OrphanPolicy.APPENDIX
    orphan_count: int = 0  # every orphaned highlight that matched the filters
    annotators: tuple[str, ...] = ()  # names ("" list when anonymised)
    generated: dt.datetime | None = None
    matrix: BriefMatrix | None = None  # ``include_matrix``

    def walk(self) -> Iterator[BriefSection]:
        for section in self.sections:
            yield from section.walk()

    def contents(self) -> Iterator[BriefSection]:
        """The sections a table of contents lists (stance sub-headings are left out)."""
        return (s for s in self.walk() if s.kind != "stance")

    def placements(self) -> Iterator[tuple[BriefSection, BriefQuote]]:
        """Every (section, quote) in reading order: each passage once, where it is quoted
        in full (other sections it is filed under refer to it: :meth:`references`)."""
        for section in self.walk():
            for quote in section.quotes:
                yield section, quote

    def references(self) -> Iterator[tuple[BriefSection, BriefReference]]:
        """Every (section, "see No. N") in reading order."""
        for section in self.walk():
            for ref in section.references:
                yield section, ref

    def quotes(self) -> tuple[BriefQuote, ...]:
        """Each quote once, in order of appearance (numbered 1, 2, 3 …)."""
        seen: dict[str, BriefQuote] = {}
        for _, quote in self.placements():
            seen.setdefault(quote.highlight_id, quote)
        return tuple(seen.values())

    @property
    def quote_count(self) -> int:
        return len(self.quotes())

    @property
    def theme_count(self) -> int:
        """Themes passages are filed under (their parent themes, listed for context, are
        not counted)."""
        return sum(1 for theme in self.themes if theme.quote_count)

    @property
    def placement_count(self) -> int:
        return sum(1 for _ in self.placements())

    def summary(self) -> str:
        """One sentence: ``"23 passages from 5 documents under 6 themes."``"""
        n, d, t = self.quote_count, len(self.sources), self.theme_count
        parts = [f"{n} passage{'s' if n != 1 else ''} from {d} document{'s' if d != 1 else ''}"]
        if t:
            parts.append(f"under {t} theme{'s' if t != 1 else ''}")
        return " ".join(parts) + "."

    def orphan_sentence(self) -> str:
        """Explains the orphaned highlights left out (``""`` when there are none)."""
        n = self.orphan_count
        if not n:
            return ""
        were = "highlight could not be found" if n == 1 else "highlights could not be found"
        where = ("They are listed, without page numbers, in the appendix "
                 "“Passages that could not be located”."
                 if self.orphans else "They are left out of this brief.")
        if n == 1:
            where = where.replace("They are", "It is")
        return (f"{n} {were} in the current version of {'its' if n == 1 else 'their'} "
                f"document{'' if n == 1 else 's'}. {where}")
