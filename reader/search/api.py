"""The search interface and its plain result types (the engine behind it can change)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.progress import CancelToken, ProgressFn, Scheduler


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


class SearchIndex(Protocol):
    """What the app needs from a search engine (the engine is built for one workspace).

    Every method but :meth:`search` and :meth:`status` may take a while (run it off the
    GUI thread); none raises because another process is writing the index (the status
    says ``read-only``). A damaged index is rebuilt, never a dead end; a bug raises.
    """

    def update(self, *, progress: ProgressFn = ...,
               cancel: CancelToken = ...) -> None:
        """Bring the index up to date with the workspace's library and annotations
        (raises :class:`~reader.errors.Cancelled` when cancelled)."""

    def rebuild(self, *, progress: ProgressFn = ...,
                cancel: CancelToken = ...) -> None:
        """Rebuild the index from scratch (searches see the old index until it is done)."""

    def index_documents(self, doc_ids: Sequence[str]) -> None:
        """Index (or re-index) these documents now, in one commit (a large import calls
        it per batch, so they become searchable before it ends)."""

    def remove_documents(self, doc_ids: Sequence[str]) -> None:
        """Take these documents out of the index."""

    def update_annotations(self, highlight_ids: Sequence[str] | None = None) -> None:
        """Re-index these highlights (None: all that changed; deleted ones are removed)."""

    def status(self) -> IndexStatus:
        """The index's state for the status bar."""

    def search(self, query: str, *, limit: int = 20, sort: str = "relevance",
               filters: dict[str, str] | None = None) -> SearchResults:
        """Run a query. Never raises on malformed queries: warnings say what was done."""

    def set_scheduler(self, scheduler: Scheduler) -> None:
        """Where background upkeep (folding small segments) runs: a thread of its own by
        default; the GUI passes its task runner's :meth:`schedule`."""

    def close(self) -> None:
        """Cancel background upkeep (waiting a few seconds at most) and release files."""
