"""Read-only questions the GUI asks of core services that may not be present in every build
(annotations, themes, search). Each answer degrades to "nothing" when the service is
missing, and says why in the log once. Runs on worker threads (no Qt here)."""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from typing import Any

from reader.workspace import Workspace

log = logging.getLogger(__name__)
_warned: set[str] = set()


@dataclass(frozen=True)
class ThemeChoice:
    id: str
    label: str
    color: str
    depth: int = 0


def _available(module: str) -> bool:
    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found and module not in _warned:
        _warned.add(module)
        log.info("%s is not available: the app works without it", module)
    return found


def annotation_counts(ws: Workspace) -> dict[str, int]:
    """Live highlights per document id (0 for documents not listed)."""
    if not _available("reader.annotations.store"):
        return {}
    store: Any = ws.annotations()
    if hasattr(store, "count_by_document"):
        return dict(store.count_by_document())
    return {d.id: len(store.for_document(d.id)) for d in ws.library().documents()}


def themes(ws: Workspace) -> list[ThemeChoice]:
    """The workspace's themes in tree order."""
    if not _available("reader.annotations.themes"):
        return []
    taxonomy: Any = ws.themes().taxonomy()
    by_id = {t.id: t for t in taxonomy.themes}

    def depth(theme: Any) -> int:
        level, seen = 0, set()
        while theme.parent and theme.parent in by_id and theme.parent not in seen:
            seen.add(theme.parent)
            theme = by_id[theme.parent]
            level += 1
        return level

    return [ThemeChoice(t.id, t.label, t.color, depth(t)) for t in taxonomy.themes]


def theme_documents(ws: Workspace, theme_id: str) -> frozenset[str]:
    """Ids of the documents with at least one live highlight tagged ``theme_id``, one of
    its sub-themes or a theme merged into it (no anchoring, no loop over documents)."""
    if not _available("reader.annotations.store"):
        return frozenset()
    store: Any = ws.annotations()
    return frozenset(store.documents_tagged(ws.themes().taxonomy().matching(theme_id)))


def search_available() -> bool:
    return _available("reader.search.index")
