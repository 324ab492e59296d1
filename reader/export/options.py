"""What a brief contains and how it looks: :class:`BriefOptions`, one frozen value.

The GUI dialog keeps one ``BriefOptions`` and replaces fields as the person edits the form
(``dataclasses.replace``); ``to_dict``/``from_dict`` store the last choices in the settings
(a damaged or foreign value falls back to its default, never raises).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from reader.export.paper import PageSize, default_page_size
from reader.model.annotations import Stance
from reader.model.compare import GroupBy as MatrixBy

log = logging.getLogger(__name__)


class GroupBy(StrEnum):
    THEME = "theme"  # per theme, taxonomy order, sub-themes nested
    DOCUMENT = "document"  # per document, quotes in reading order
    STANCE = "stance"  # per theme, then arguments / counter-arguments / neutral

    @property
    def label(self) -> str:
        return {GroupBy.THEME: "By theme", GroupBy.DOCUMENT: "By document",
                GroupBy.STANCE: "By theme and stance"}[self]


class OrphanPolicy(StrEnum):
    COUNT = "count"  # left out, with a count in the introduction
    APPENDIX = "appendix"  # listed (quote, document, note) in an appendix, never with a page


#: Highlights without a stance count as "neutral or unclear" when filtering and grouping.
NO_STANCE = Stance.NEUTRAL


@dataclass(frozen=True)
class BriefOptions:
    """Everything a person chooses when exporting a brief.

    Filters are conjunctive; an empty filter keeps everything. ``themes`` keeps highlights
    tagged with a theme *or any of its sub-themes*. ``authors`` match an author id or a
    display name (case-insensitive). ``documents`` are current document ids. ``since`` /
    ``until`` compare the day a highlight was created (inclusive).
    """

    # cover
    title: str = "Briefing packet"
    subtitle: str = ""
    prepared_by: str = ""
    prepared_for: str = ""
    group_name: str = ""
    notice: str = ""  # e.g. "Draft for discussion — not for circulation"
    date: dt.date | None = None  # the date on the cover (default: today)
    as_of: dt.date | None = None  # "current as of" (default: the cover date)
    # filters
    themes: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    stances: tuple[Stance, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    # layout and content
    group_by: GroupBy = GroupBy.THEME
    anonymize: bool = False
    include_notes: bool = True
    include_toc: bool = True
    include_sources: bool = True
    include_theme_appendix: bool = True
    orphans: OrphanPolicy = OrphanPolicy.COUNT
    page_size: PageSize = field(default_factory=default_page_size)  # the locale's paper
    # discussion and comparison
    include_replies: bool = False  # the reply thread under each quote
    show_contradictions: bool = True  # "Contradicted by: …" under a quote
    include_matrix: bool = False  # a comparison matrix (documents × themes) before the quotes
    matrix_by: MatrixBy = MatrixBy.DOCUMENT  # rows: documents, offices or jurisdictions

    def __post_init__(self) -> None:
        """Accept plain strings and lists for enums and tuples (a GUI form gives those)."""
        fix = object.__setattr__
        fix(self, "group_by", GroupBy(self.group_by))
        fix(self, "page_size", PageSize(self.page_size))
        fix(self, "orphans", OrphanPolicy(self.orphans))
        fix(self, "matrix_by", MatrixBy(self.matrix_by))
        fix(self, "stances", tuple(Stance(s) for s in self.stances))
        for name in ("themes", "authors", "documents"):
            fix(self, name, tuple(getattr(self, name)))

    def cover_date(self, today: dt.date | None = None) -> dt.date:
        return self.date or today or dt.date.today()

    def as_of_date(self, today: dt.date | None = None) -> dt.date:
        return self.as_of or self.cover_date(today)

    # -- persistence (settings) ----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values (dates as ISO strings, enums as their values)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = [str(v) for v in value]
            elif isinstance(value, StrEnum):
                value = value.value
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Any) -> BriefOptions:
        """Options from :meth:`to_dict` output. Unknown keys are ignored; a value of the
        wrong shape is dropped (with a log line) and its default kept."""
        if not isinstance(data, dict):
            return cls()
        changes: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            try:
                changes[f.name] = _coerce(f.name, data[f.name])
            except (TypeError, ValueError) as exc:
                log.warning("brief options: ignoring %s=%r (%s)", f.name, data[f.name], exc)
        return replace(cls(), **changes)


_TEXT = {"title", "subtitle", "prepared_by", "prepared_for", "group_name", "notice"}
_DATES = {"date", "as_of", "since", "until"}
_FLAGS = {"anonymize", "include_notes", "include_toc", "include_sources",
          "include_theme_appendix", "include_replies", "show_contradictions",
          "include_matrix"}
_LISTS = {"themes", "authors", "documents"}
_ENUMS: dict[str, type[StrEnum]] = {"group_by": GroupBy, "orphans": OrphanPolicy,
                                    "page_size": PageSize, "matrix_by": MatrixBy}
MAX_TEXT = 500


def _coerce(name: str, value: Any) -> Any:
    if name in _TEXT:
        if not isinstance(value, str):
            raise TypeError("not text")
        return value[:MAX_TEXT]
    if name in _DATES:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise TypeError("not a date")
        return dt.date.fromisoformat(value)
    if name in _FLAGS:
        if not isinstance(value, bool):
            raise TypeError("not true/false")
        return value
    if name in _LISTS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError("not a list of text")
        return tuple(value)
    if name == "stances":
        if not isinstance(value, list):
            raise TypeError("not a list")
        return tuple(Stance(v) for v in value)
    if name in _ENUMS:
        return _ENUMS[name](value)
    raise ValueError("unknown option")
