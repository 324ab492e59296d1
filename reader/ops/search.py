"""Searching the workspace (documents, highlights and notes) and the index's state."""

from __future__ import annotations

from collections.abc import Iterable

from reader.model.changes import ChangeSet, Outcome
from reader.model.search import IndexStatus, SearchResults
from reader.progress import Scheduler
from reader.workspace import Workspace


def search(ws: Workspace, query: str, *, limit: int = 20, sort: str = "relevance",
           filters: dict[str, str] | None = None) -> SearchResults:
    """Run a query (never raises on a malformed one: the warnings say what was fixed)."""
    return ws.search().search(query, limit=limit, sort=sort, filters=filters or {})


def status(ws: Workspace) -> IndexStatus:
    return ws.search().status()


def summary(ws: Workspace) -> str:
    """The index's state in a sentence for a status bar."""
    state = status(ws)
    return state.message or (f"Index up to date · {state.documents:,} documents"
                             if state.state == "ready" else state.state.capitalize())


def use_scheduler(ws: Workspace, scheduler: Scheduler, *, in_child: bool = False) -> None:
    """Run the index's background upkeep (folding small segments) through ``scheduler``
    (the app's task runner, so it is cancellable at shutdown); with ``in_child`` the
    merging runs in a child process (the app: its window never waits on it)."""
    ws.search().set_scheduler(scheduler, in_child=in_child)


def index_highlights(ws: Workspace, ids: Iterable[str] | None = None) -> Outcome[None]:
    """Re-index these highlights (``None``: check them all; only changed ones are
    rewritten)."""
    ws.search().update_annotations(sorted(ids) if ids is not None else None)
    return Outcome(None, ChangeSet(index=True))
