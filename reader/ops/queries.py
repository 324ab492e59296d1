"""Questions about the highlights that front ends and panels ask: which match a filter,
how many per document, which documents and passages carry a theme, where one highlight
sits now. Read-only; safe on worker threads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reader.annotations.select import Selection, author_filter, parse_stance, theme_filter
from reader.errors import UsageError
from reader.model.annotations import Author, Highlight, Placed
from reader.progress import NEVER_CANCELLED, CancelToken
from reader.workspace import Workspace

__all__ = ["Listed", "Passages", "Selection", "authors", "counts_by_document", "everything",
           "for_document", "has_highlights", "highlight", "list_highlights", "me", "place",
           "selection", "theme_documents", "theme_passages"]


def selection(ws: Workspace, *, docs: Sequence[str] = (), themes: Sequence[str] = (),
              authors: Sequence[str] = (), stance: str | None = None,
              orphaned: bool = False) -> Selection:
    """A filter from what a person typed: documents (ids, id prefixes or paths), themes
    (ids or names, with their sub-themes; an id only others use is allowed), authors (names
    or ids), a stance, only orphans."""
    doc_ids = frozenset(ws.library().find(ref).id for ref in docs) if docs else None
    tax = ws.taxonomy()
    store = ws.annotations()
    for ref in themes:
        if tax.find(ref) is None and not any(ref in h.themes for h in store.all()):
            raise UsageError(f"There is no theme '{ref}'.",
                             "Run 'policy-reader themes list' to see them.")
    return Selection(doc_ids=doc_ids, themes=theme_filter(tax, themes),
                     author_ids=author_filter(store.authors(), authors),
                     stance=parse_stance(stance), orphaned=True if orphaned else None)


@dataclass(frozen=True)
class Listed:
    placed: Placed
    path: str  # the document's current path ("" when it is not in the library)


def list_highlights(ws: Workspace, chosen: Selection = Selection()) -> list[Listed]:
    """The highlights ``chosen`` matches, by document path then reading order."""
    paths = {d.id: d.path for d in ws.library().documents()}
    found = [p for p in ws.annotations().placed_all() if chosen.matches(p)]
    found.sort(key=lambda p: (paths.get(p.anchor.doc_id, p.highlight.doc_path), p.orphaned,
                              p.anchor.start, p.highlight.id))
    return [Listed(p, paths.get(p.anchor.doc_id, "")) for p in found]


def has_highlights(ws: Workspace) -> bool:
    return bool(ws.annotations().all())


def me(ws: Workspace) -> Author:
    """The current author (you)."""
    return ws.annotations().author


def authors(ws: Workspace) -> tuple[Author, ...]:
    """Everyone with highlights here (and you), by name."""
    return ws.annotations().authors()


def highlight(ws: Workspace, hid: str) -> Highlight:
    """A highlight by id (``AnnotationError`` when there is none)."""
    return ws.annotations().get(hid)


def find_highlight(ws: Workspace, ref: str) -> Highlight:
    """A highlight by its id or the start of its uuid (``AnnotationError`` when none, or
    when the start matches several)."""
    return ws.annotations().find(ref)


def everything(ws: Workspace) -> tuple[Highlight, ...]:
    """Every live highlight."""
    return ws.annotations().all()


def for_document(ws: Workspace, doc_id: str) -> tuple[Placed, ...]:
    """A document's highlights placed in its current text, in reading order."""
    return ws.annotations().for_document(doc_id)


def place(ws: Workspace, h: Highlight) -> tuple[str, Placed] | None:
    """Where ``h`` sits now: (document id, placed), or ``None`` when it is deleted or its
    document is not in the workspace. One highlight is placed in well under a millisecond
    (the reader draws an edit at once)."""
    placer = ws.annotations().placer
    doc = None if h.deleted else placer.resolve(h)
    if doc is None:
        return None
    return doc.id, placer.place([h])[0]


def counts_by_document(ws: Workspace) -> dict[str, int]:
    """Live highlights per document id (documents without any are not listed)."""
    return dict(ws.annotations().count_by_document())


def theme_documents(ws: Workspace, theme_id: str) -> frozenset[str]:
    """Ids of the documents with at least one live highlight tagged ``theme_id``, one of
    its sub-themes or a theme merged into it (no anchoring, no loop over documents)."""
    return frozenset(ws.annotations().documents_tagged(ws.taxonomy().matching(theme_id)))


class Passages(NamedTuple):
    """A document's passages with a theme."""

    doc_id: str
    title: str
    placed: list[Placed]


def theme_passages(ws: Workspace, theme_id: str, *, hidden: Iterable[str] = (),
                   cancel: CancelToken = NEVER_CANCELLED) -> list[Passages]:
    """Every passage tagged ``theme_id`` (or a sub-theme, or a theme merged into it), by
    document title; authors in ``hidden`` are left out."""
    store = ws.annotations()
    ids = ws.taxonomy().matching(theme_id)
    hide = frozenset(hidden)
    docs = {d.id: d for d in ws.library().documents()}
    groups = []
    for doc_id in store.documents_tagged(ids):
        cancel.raise_if_cancelled()
        placed = [p for p in store.for_document(doc_id)
                  if ids.intersection(p.highlight.themes)
                  and p.highlight.author.id not in hide]
        doc = docs.get(doc_id)
        groups.append(Passages(doc_id, doc.title if doc else doc_id[:12], placed))
    groups.sort(key=lambda g: g.title.casefold())
    return groups
