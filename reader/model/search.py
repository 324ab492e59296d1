"""Plain, frozen data for search results and the index's state (what every front end
shows). The engine that produces them is :mod:`reader.search`."""

from __future__ import annotations

from dataclasses import dataclass


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


INDEX_STATES = ("ready", "building", "rebuilding", "read-only", "damaged")


@dataclass(frozen=True)
class IndexStatus:
    """What the status bar says about the index.

    ``state``: ``"ready"``; ``"building"`` (first build, results grow as batches land);
    ``"rebuilding"`` (the index was damaged or of an old format and is being rebuilt;
    results may be incomplete); ``"read-only"`` (another Policy Reader is updating this
    workspace's index, or the cache folder is not writable: searching works, updates wait);
    ``"damaged"`` (it cannot be read or rebuilt now: searches return nothing).
    """

    state: str
    documents: int = 0  # documents in the index
    notes: int = 0  # highlights in the index
    message: str = ""  # a sentence for the status bar ("" when ready)

    @property
    def searchable(self) -> bool:
        return self.state != "damaged"
