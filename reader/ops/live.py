"""A live workspace: what the app does when files arrive, change, move or go while it runs
(a sync tool, a file manager, ``policy-reader add``). The GUI watches the folder
(:mod:`reader.ui.workspace_watcher`, with the Qt-free helpers re-exported here) and calls
:func:`refresh_changed` — the same refresh as Tools → Re-index — then says what arrived.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.documents.watching import (
    SETTLE_S,
    Settler,
    Snapshot,
    differences,
    relevant,
    snapshot,
)
from reader.errors import DocumentNotFound
from reader.model.changes import Outcome
from reader.model.documents import LibraryChanges
from reader.ops import library
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from reader.workspace import Workspace

__all__ = ["SETTLE_S", "Arrivals", "Settler", "Snapshot", "describe", "differences",
           "refresh_changed", "relevant", "snapshot"]

NAMES_SHOWN = 3


@dataclass(frozen=True)
class Arrivals:
    """What a live refresh found: the library's changes, a sentence for the status bar
    ("2 new documents: memo.pdf and 48-961.13.xml"; "" when nothing changed), and the files
    still being written when they were read (look at them again)."""

    changes: LibraryChanges
    message: str
    unsettled: tuple[str, ...] = ()


def refresh_changed(ws: Workspace, paths: Iterable[str] = (), *,
                    progress: ProgressFn = no_progress,
                    cancel: CancelToken = NEVER_CANCELLED) -> Outcome[Arrivals]:
    """Bring the library and the index up to date after files changed under the workspace
    (``paths``: what the watcher saw; the whole workspace is checked, quickly, so nothing
    another program did is missed)."""
    count = len(list(paths))
    if count:
        progress(0, 0, f"Reading {count} changed file{'s' if count != 1 else ''}")
    outcome = library.refresh(ws, progress=progress, cancel=cancel)
    changes = outcome.value
    return Outcome(Arrivals(changes, describe(ws, changes), changes.unsettled),
                   outcome.changes)


def _names(ws: Workspace, ids: Iterable[str]) -> list[str]:
    out = []
    for doc_id in ids:
        try:
            out.append(ws.library().get(doc_id).path.rsplit("/", 1)[-1])
        except DocumentNotFound:
            continue
    return out


def _listed(names: list[str], total: int) -> str:
    shown = names[:NAMES_SHOWN]
    more = total - len(shown)
    if more > 0:
        return ", ".join(shown) + f" and {more} more"
    return " and ".join(shown) if len(shown) <= 2 else ", ".join(shown[:-1]) + \
        f" and {shown[-1]}"


def describe(ws: Workspace, changes: LibraryChanges) -> str:
    """``"2 new documents: memo.pdf and 48-961.13.xml · 1 changed: act.txt · 1 removed"``."""
    parts = []
    for ids, one, many in ((changes.added, "new document", "new documents"),
                           (tuple(new for _old, new in changes.changed), "changed", "changed"),
                           (changes.moved, "moved or renamed", "moved or renamed")):
        if ids:
            label = one if len(ids) == 1 else many
            names = _names(ws, ids)
            parts.append(f"{len(ids)} {label}: {_listed(names, len(ids))}" if names
                         else f"{len(ids)} {label}")
    if changes.removed:
        parts.append(f"{len(changes.removed)} removed")
    if changes.unsettled:
        n = len(changes.unsettled)
        parts.append(f"{n} still being written (read once "
                     f"{'it settles' if n == 1 else 'they settle'})")
    return " · ".join(parts)
