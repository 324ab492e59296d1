"""Plain, frozen data for annotations. No Qt, no I/O.

Offsets are Unicode code points of the document's normalised text (``DocText.text``).
Times are timezone-aware UTC ``datetime`` objects.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

DEFAULT_COLOR = "#ffd54f"  # a highlight without a theme colour


class Stance(StrEnum):
    SUPPORTS = "supports"  # supports harm reduction
    OPPOSES = "opposes"
    NEUTRAL = "neutral"  # neutral or unclear

    @property
    def label(self) -> str:
        return {
            Stance.SUPPORTS: "Supports harm reduction",
            Stance.OPPOSES: "Opposes harm reduction",
            Stance.NEUTRAL: "Neutral or unclear",
        }[self]


class AnchorStatus(StrEnum):
    ANCHORED = "anchored"  # found where it was
    MOVED = "moved"  # found elsewhere (the text changed)
    ORPHANED = "orphaned"  # cannot be placed; kept and listed with its quote


def now_utc() -> datetime:
    """The current time, UTC, to the millisecond (what we store)."""
    t = datetime.now(UTC)
    return t.replace(microsecond=t.microsecond // 1000 * 1000)


def new_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


@dataclass(frozen=True)
class Author:
    id: str  # random, stable; names the author's annotation file
    name: str  # display name


@dataclass(frozen=True)
class TextQuote:
    """W3C TextQuoteSelector: the exact words plus ~32 characters either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Highlight:
    id: str
    doc_id: str  # content hash of the document version it was made on
    doc_path: str  # workspace-relative path (finds the document after an edit)
    start: int  # TextPositionSelector, code points
    end: int
    quote: TextQuote
    author: Author
    created: datetime
    modified: datetime
    page: str = ""  # page label where it starts ("" for unpaged formats)
    section: str = ""  # citable section where known, e.g. "§ 3(b)"
    color: str = DEFAULT_COLOR
    themes: tuple[str, ...] = ()
    stance: Stance | None = None
    note: str = ""  # Markdown
    deleted: bool = False  # tombstone
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # foreign fields
    #: on a PDF: the page and rectangle of each line it covers, in points from the page's
    #: top-left corner (written as RFC 3778 FragmentSelectors for other tools)
    rects: tuple[tuple[int, float, float, float, float], ...] = ()

    def edited(self, **changes: Any) -> Highlight:
        """A copy with ``changes`` applied and ``modified`` set to now."""
        return replace(self, **changes, modified=changes.get("modified", now_utc()))

    def tombstone(self) -> Highlight:
        return self.edited(deleted=True)


@dataclass(frozen=True)
class Anchor:
    """Where a highlight sits in the *current* text of its document."""

    status: AnchorStatus
    start: int = -1
    end: int = -1
    page: str = ""
    section: str = ""
    doc_id: str = ""  # the current document version it was resolved against
    score: float = 1.0  # similarity of a fuzzy match (1.0 exact)


@dataclass(frozen=True)
class Placed:
    """A highlight with its anchor in the current text."""

    highlight: Highlight
    anchor: Anchor

    @property
    def orphaned(self) -> bool:
        return self.anchor.status is AnchorStatus.ORPHANED


@dataclass(frozen=True)
class Theme:
    id: str  # stable across renames (slug or uuid)
    label: str
    color: str  # "#rrggbb"
    description: str = ""
    parent: str | None = None
    order: int = 0
