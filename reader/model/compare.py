"""Plain, frozen data for comparing documents and annotators: the comparison matrix, the
policy comparison, agreement figures and the disagreements to resolve
(:mod:`reader.compare` computes them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from reader.model.annotations import Author, Stance


class GroupBy(StrEnum):
    DOCUMENT = "document"
    OFFICE = "office"  # the document's author or issuing office
    JURISDICTION = "jurisdiction"


@dataclass(frozen=True)
class MatrixFilter:
    """Which documents are rows and which themes are columns. Empty means everything.

    ``kinds``, ``jurisdictions`` (a state by code or name, a county or city, any part of
    the document's jurisdiction) and ``offices`` (words of the author or office) choose
    documents; ``since``/``until`` compare the document's date (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``; a document without a date is left out when either is given);
    ``themes`` are the columns (each with its sub-themes); ``annotators`` (ids or names)
    choose whose highlights count; ``documents`` are document ids."""

    kinds: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    since: str = ""
    until: str = ""
    themes: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    group_by: GroupBy = GroupBy.DOCUMENT
    only_with_highlights: bool = False

    def __post_init__(self) -> None:
        fix = object.__setattr__
        fix(self, "group_by", GroupBy(self.group_by))
        for name in ("kinds", "jurisdictions", "offices", "themes", "annotators", "documents"):
            fix(self, name, tuple(getattr(self, name)))


@dataclass(frozen=True)
class StanceMix:
    """How the highlights of a cell lean (no stance counts as neutral, as in briefs)."""

    supports: int = 0
    opposes: int = 0
    neutral: int = 0

    @property
    def total(self) -> int:
        return self.supports + self.opposes + self.neutral

    def glyphs(self, width: int = 10) -> str:
        """A bar readable without colour: ``+`` supports, ``−`` opposes, ``·`` neutral, in
        proportion over ``width`` characters (every non-zero part gets at least one)."""
        parts = [(self.supports, "+"), (self.opposes, "\u2212"), (self.neutral, "\u00b7")]
        total = self.total
        if not total:
            return ""
        counts = [max(1, round(n * width / total)) if n else 0 for n, _ in parts]
        while sum(counts) > max(width, sum(1 for c in counts if c)):
            i = counts.index(max(counts))
            counts[i] -= 1
        return "".join(ch * c for (_, ch), c in zip(parts, counts, strict=True))

    @property
    def words(self) -> str:
        """``"3 supporting, 1 opposing, 2 neutral"`` (only the non-zero parts)."""
        parts = ((self.supports, "supporting"), (self.opposes, "opposing"),
                 (self.neutral, "neutral"))
        return ", ".join(f"{n} {w}" for n, w in parts if n)


@dataclass(frozen=True)
class Cell:
    count: int = 0
    mix: StanceMix = StanceMix()
    highlight_ids: tuple[str, ...] = ()  # the passages (a cell opens them side by side)


EMPTY_CELL = Cell()


@dataclass(frozen=True)
class MatrixColumn:
    theme_id: str
    label: str
    depth: int  # 0: a top-level column (of the chosen themes)
    parent: str | None
    has_children: bool
    color: str = ""
    description: str = ""


@dataclass(frozen=True)
class MatrixRow:
    key: str
    label: str
    documents: tuple[str, ...]  # document ids (one for a document row)
    detail: str = ""  # "memo · Alder County, PA · 2020-01-21" / "3 documents"
    total: int = 0  # highlights counted in this row
    other: int = 0  # of which carry none of the column themes
    where: str = ""  # a document row's place and year: "Alder County, PA · 2020"


@dataclass(frozen=True)
class Matrix:
    rows: tuple[MatrixRow, ...]
    columns: tuple[MatrixColumn, ...]
    cells: Mapping[tuple[int, int], Cell] = field(default_factory=lambda: MappingProxyType({}))
    filter: MatrixFilter = MatrixFilter()
    documents: int = 0  # documents matching the filter
    highlights: int = 0  # highlights counted
    empty_reason: str = ""  # why there is nothing to show ("" when there is)

    def cell(self, row: int, column: int) -> Cell:
        return self.cells.get((row, column), EMPTY_CELL)

    def column_index(self, theme_id: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.theme_id == theme_id)

    def empty_sentence(self, row: int, column: int) -> str:
        """What an empty cell says: nobody marked a passage about the theme there."""
        r, c = self.rows[row], self.columns[column]
        n = len(r.documents)
        where = r.label if n == 1 else f"the {n} documents of {r.label}"
        return (f"No one in the group marked a passage about {c.label} in {where} "
                "(nor under any of its sub-themes).")


@dataclass(frozen=True)
class Passage:
    """One highlight as a comparison shows it."""

    highlight_id: str
    doc_id: str
    text: str
    page: str = ""
    section: str = ""
    stance: Stance | None = None
    themes: tuple[str, ...] = ()
    note: str = ""
    author: Author | None = None
    orphaned: bool = False


@dataclass(frozen=True)
class ComparisonColumn:
    doc_id: str
    title: str
    office: str = ""
    jurisdiction: str = ""
    date: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Comparison:
    """2–6 documents side by side on 1–5 themes: ``cells[theme][document]`` are that
    document's passages on that theme (or a sub-theme), in reading order."""

    documents: tuple[ComparisonColumn, ...]
    themes: tuple[MatrixColumn, ...]
    cells: tuple[tuple[tuple[Passage, ...], ...], ...]

    def empty_sentence(self, theme: int, document: int) -> str:
        d, t = self.documents[document], self.themes[theme]
        return f"{d.office or d.title} says nothing the group marked about {t.label}."


class DisagreementKind(StrEnum):
    THEMES = "themes"  # overlapping passages, different themes
    STANCE = "stance"  # overlapping passages, different stances
    ONLY_ONE = "only-one"  # one person marked it, the others who read the document did not

    @property
    def label(self) -> str:
        return {DisagreementKind.THEMES: "Different themes",
                DisagreementKind.STANCE: "Different stances",
                DisagreementKind.ONLY_ONE: "Marked by one person"}[self]


@dataclass(frozen=True)
class Disagreement:
    key: str  # stable while the passages and the choices in question stay the same
    kind: DisagreementKind
    doc_id: str
    doc_title: str
    start: int
    end: int
    quote: str
    page: str
    highlights: tuple[str, ...]  # highlight ids, in reading order
    authors: tuple[Author, ...]  # who marked it
    missing: tuple[Author, ...] = ()  # who read the document but did not mark it
    themes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (author id, theme ids)
    stances: tuple[tuple[str, str], ...] = ()  # (author id, stance value or "")
    resolved_by: str = ""  # the id of the reply that settled it ("agree to differ")

    @property
    def resolved(self) -> bool:
        return bool(self.resolved_by)


@dataclass(frozen=True)
class ThemeAgreement:
    """Agreement on one theme over characters of text: every character of every document
    two or more people annotated is a unit, marked or not by each of them."""

    theme_id: str  # "" for all themes together
    label: str
    depth: int = 0
    method: str = ""  # "kappa" (two people), "alpha" (more), "" (not computable)
    value: float | None = None
    percent: float | None = None  # characters on which everyone agreed
    marked: int = 0  # characters anyone marked
    shared: int = 0  # characters two or more marked
    single: int = 0  # characters exactly one marked
    units: int = 0  # characters compared
    note: str = ""  # why there is no value


@dataclass(frozen=True)
class AgreementReport:
    coders: tuple[Author, ...]
    documents: int  # documents two or more people annotated
    method: str
    overall: ThemeAgreement
    themes: tuple[ThemeAgreement, ...]
    disagreements: tuple[Disagreement, ...] = ()
    empty_reason: str = ""
