"""The search interface (the engine behind it can change). Its plain result types live in
:mod:`reader.model.search` and are re-exported here."""

from __future__ import annotations

from collections.abc import Sequence
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
from reader.progress import CancelToken, ProgressFn, Scheduler

__all__ = ["INDEX_STATES", "DocResult", "Facet", "IndexStatus", "SearchHit", "SearchIndex",
           "SearchResults", "Snippet"]


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

    def set_scheduler(self, scheduler: Scheduler, *, in_child: bool = False) -> None:
        """Where background upkeep (folding small segments) runs: a thread of its own by
        default; the GUI passes its task runner's :meth:`schedule`. With ``in_child`` the
        scheduled job hands the merging to a child process, so no thread of the caller
        (the GUI's main thread) waits on it for the interpreter lock."""

    def close(self) -> None:
        """Cancel background upkeep (waiting a few seconds at most) and release files."""
