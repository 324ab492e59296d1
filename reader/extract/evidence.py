"""A guessed metadata value with where it was read, and its conversion to the plain
:class:`~reader.model.documents.FieldSource` the library keeps."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model.documents import FROM_TEXT, FieldSource, Page

MAX_SNIPPET = 120


@dataclass(frozen=True)
class Ev:
    """``value`` read at ``start``/``end`` of the text (-1: not from the text; then
    ``page`` may still say which page's furniture it came from)."""

    value: str
    start: int = -1
    end: int = -1
    origin: str = FROM_TEXT
    note: str = ""
    page: int = 0
    snippet: str = ""


@dataclass
class Reading:
    """What a structured reader found: the document's kind and fields with their evidence
    (``extra`` keeps what is shown but is no field, such as the argued date)."""

    kind: str
    fields: dict[str, Ev] = field(default_factory=dict)
    extra: dict[str, Ev] = field(default_factory=dict)


def snippet(text: str, start: int, end: int) -> str:
    words = " ".join(text[max(0, start):max(start, end)].split())
    return words if len(words) <= MAX_SNIPPET else words[:MAX_SNIPPET - 1].rstrip() + "…"


def page_of(pages: Sequence[Page], offset: int) -> int:
    if not pages or offset < 0:
        return 0
    starts = [p.start for p in pages]
    return pages[max(0, bisect.bisect_right(starts, offset) - 1)].number


def to_source(field: str, ev: Ev, text: str, pages: Sequence[Page], paged: bool
              ) -> FieldSource:
    """The plain record of ``ev``; ``paged``: the format has real pages (PDF)."""
    if ev.start >= 0:
        page = page_of(pages, ev.start) if paged else 0
        return FieldSource(field, ev.origin, page, ev.start, ev.end,
                           ev.snippet or snippet(text, ev.start, ev.end), ev.note)
    return FieldSource(field, ev.origin, ev.page, -1, -1, ev.snippet, ev.note)


def locate(text: str, value: str, *, limit: int = 8000) -> tuple[int, int]:
    """Where ``value`` is written in the first ``limit`` characters (spaces and line breaks
    may differ; case may differ), or ``(-1, -1)``."""
    words = value.split()
    if not words or len(value) > 400:
        return -1, -1
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    m = re.search(pattern, text[:limit]) or re.search(pattern, text[:limit], re.IGNORECASE)
    return (m.start(), m.end()) if m else (-1, -1)
