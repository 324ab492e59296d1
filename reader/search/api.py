"""The search interface and its plain result types (the engine behind it can change)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reader.progress import CancelToken, ProgressFn


@dataclass(frozen=True)
class Snippet:
    """A passage with the matched words marked.

    ``text`` is the passage; ``marks`` are (start, end) offsets *within* ``text``;
    ``start``/``end`` place the passage in the document text; ``matches`` are the matched
    words as (start, end) offsets in the document text (code points).
    """

    text: str
    marks: tuple[tuple[int, int], ...]
    start: int
    end: int
    matches: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SearchHit:
    """One place a document matched. ``source`` says where: ``"text"`` (the document),
    ``"title"``/``"meta"`` (its metadata), ``"note"`` or ``"quote"`` (an annotation)."""

    doc_id: str
    page: int  # 1-based page number (1 for unpaged formats)
    page_label: str
    score: float
    snippets: tuple[Snippet, ...]
    source: str = "text"
    annotation_id: str = ""


@dataclass(frozen=True)
class DocResult:
    doc_id: str
    title: str
    path: str
    kind: str
    date: str
    score: float
    hits: tuple[SearchHit, ...]  # best first


@dataclass(frozen=True)
class Facet:
    field: str  # "kind" | "jurisdiction" | "theme"
    value: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    query: str
    groups: tuple[DocResult, ...]
    total: int  # documents matched
    facets: tuple[Facet, ...] = ()
    suggestion: str = ""  # "did you mean" (a whole corrected query), or ""
    warnings: tuple[str, ...] = ()  # what was ignored or fixed in the query
    elapsed: float = 0.0


class SearchIndex(Protocol):
    """What the app needs from a search engine."""

    def update(self, workspace: object, *, progress: ProgressFn | None = None,
               cancel: CancelToken | None = None) -> None:
        """Bring the index up to date with the workspace's library and annotations."""

    def search(self, query: str, *, limit: int = 20, sort: str = "relevance",
               filters: dict[str, str] | None = None) -> SearchResults:
        """Run a query. Never raises on malformed queries: warnings say what was done."""
