"""The search interface (the engine behind it can change). Its plain result types live in
:mod:`reader.model.search` and are re-exported here."""

from __future__ import annotations

from typing import Protocol

from reader.model.search import (
    INDEX_STATES,
    DocResult,
    Facet,
    IndexStatus,
    SearchHit,
    SearchResults,
    Snippet,
)
from reader.progress import CancelToken, ProgressFn

__all__ = ["INDEX_STATES", "DocResult", "Facet", "IndexStatus", "SearchHit", "SearchIndex",
           "SearchResults", "Snippet"]


class SearchIndex(Protocol):
    """What the app needs from a search engine (the engine is built for one workspace)."""

    def update(self, *, progress: ProgressFn | None = None,
               cancel: CancelToken | None = None) -> None:
        """Bring the index up to date with the workspace's library and annotations."""

    def rebuild(self, *, progress: ProgressFn | None = None,
                cancel: CancelToken | None = None) -> None:
        """Rebuild the index from scratch (searches see the old index until it is done)."""

    def status(self) -> IndexStatus:
        """The index's state for the status bar."""

    def search(self, query: str, *, limit: int = 20, sort: str = "relevance",
               filters: dict[str, str] | None = None) -> SearchResults:
        """Run a query. Never raises on malformed queries: warnings say what was done."""
