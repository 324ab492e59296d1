"""Choosing highlights for a brief, and the theme tree that orders them. Pure functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, cast

from reader.export.options import NO_STANCE, BriefOptions
from reader.model.annotations import Placed, Theme


class TaxonomyLike(Protocol):
    @property
    def themes(self) -> tuple[Theme, ...]: ...


class ThemeTree:
    """The taxonomy as a tree: roots and children ordered by ``order`` then position; a
    missing parent or a cycle makes a theme a root (never an endless loop)."""

    def __init__(self, themes: Iterable[Theme],
                 aliases: Mapping[str, str | None] | None = None) -> None:
        self.aliases = dict(aliases or {})
        self.themes: list[Theme] = []
        self.by_id: dict[str, Theme] = {}
        for t in themes:
            if t.id not in self.by_id:
                self.by_id[t.id] = t
                self.themes.append(t)
        position = {t.id: i for i, t in enumerate(self.themes)}
        self.parent: dict[str, str | None] = {t.id: self._safe_parent(t) for t in self.themes}
        children: dict[str | None, list[Theme]] = {}
        for t in self.themes:
            children.setdefault(self.parent[t.id], []).append(t)
        for kids in children.values():
            kids.sort(key=lambda t: (t.order, position[t.id]))
        self._children = children
        self.preorder: list[str] = []
        self.depth: dict[str, int] = {}
        self._walk(None, 0)
        self._index = {tid: i for i, tid in enumerate(self.preorder)}

    @classmethod
    def of(cls, taxonomy: TaxonomyLike | Sequence[Theme] | None) -> ThemeTree:
        if taxonomy is None:
            return cls(())
        themes = cast("Sequence[Theme]", getattr(taxonomy, "themes", taxonomy))  # its, or these
        aliases = getattr(taxonomy, "aliases", None)
        return cls(tuple(themes), aliases)

    def canonical(self, theme_id: str) -> str | None:
        """The current id of a tag: merged ids followed to the theme they became; ``None``
        for a deleted theme; an unknown id (someone else's taxonomy) unchanged."""
        seen: set[str] = set()
        cur: str | None = theme_id
        while cur is not None and cur not in self.by_id:
            if cur in seen or cur not in self.aliases:
                return cur if cur == theme_id else None
            seen.add(cur)
            cur = self.aliases[cur]
        return cur

    def tags(self, theme_ids: Iterable[str]) -> list[str]:
        """A highlight's tags as current ids, deleted ones dropped, duplicates removed."""
        out = (self.canonical(t) for t in theme_ids)
        return list(dict.fromkeys(t for t in out if t))

    def _safe_parent(self, theme: Theme) -> str | None:
        seen = {theme.id}
        parent = theme.parent
        while parent is not None:
            if parent not in self.by_id or parent in seen:
                return None  # unknown parent or a cycle
            seen.add(parent)
            parent = self.by_id[parent].parent
        return theme.parent

    def _walk(self, parent: str | None, depth: int) -> None:
        for t in self._children.get(parent, []):
            self.preorder.append(t.id)
            self.depth[t.id] = depth
            self._walk(t.id, depth + 1)

    def children(self, theme_id: str | None) -> list[Theme]:
        return list(self._children.get(theme_id, []))

    def roots(self) -> list[Theme]:
        return self.children(None)

    def ancestors(self, theme_id: str) -> list[str]:
        """Parent first, root last."""
        out = []
        parent = self.parent.get(theme_id)
        while parent is not None:
            out.append(parent)
            parent = self.parent.get(parent)
        return out

    def descendants(self, theme_id: str) -> set[str]:
        """``theme_id`` and everything under it."""
        out = {theme_id}
        stack = [theme_id]
        while stack:
            for child in self._children.get(stack.pop(), []):
                if child.id not in out:
                    out.add(child.id)
                    stack.append(child.id)
        return out

    def label(self, theme_id: str) -> str:
        theme = self.by_id.get(theme_id)
        return theme.label if theme else theme_id

    def order_key(self, theme_id: str) -> tuple[int, str]:
        index = self._index.get(theme_id)
        if index is None:
            return (len(self.preorder), theme_id.casefold())
        return (index, "")

    def most_specific(self, theme_ids: Iterable[str]) -> list[str]:
        """The ids without any that is an ancestor of another one in the same set."""
        ids = list(dict.fromkeys(theme_ids))
        covered: set[str] = set()
        for tid in ids:
            covered.update(self.ancestors(tid))
        return [t for t in ids if t not in covered]


def local_day(moment: dt.datetime) -> dt.date:
    """The calendar day of ``moment`` on this computer's clock."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone().date()


def wanted_themes(options: BriefOptions, tree: ThemeTree) -> set[str] | None:
    """The theme ids the filter keeps (with sub-themes), or None for no theme filter."""
    if not options.themes:
        return None
    wanted: set[str] = set()
    for tid in options.themes:
        wanted |= tree.descendants(tree.canonical(tid) or tid)
    return wanted


def matches(p: Placed, options: BriefOptions, wanted: set[str] | None,
            tree: ThemeTree | None = None) -> bool:
    """Whether a (non-deleted) highlight passes every filter of ``options``."""
    h = p.highlight
    if h.deleted:
        return False
    if wanted is not None:
        tags = tree.tags(h.themes) if tree is not None else h.themes
        if not (set(tags) & wanted):
            return False
    if options.authors:
        keys = {a.casefold() for a in options.authors}
        if h.author.id.casefold() not in keys and h.author.name.casefold() not in keys:
            return False
    if options.documents:
        docs = set(options.documents)
        if not ({h.doc_id, p.anchor.doc_id, h.doc_path} & docs):
            return False
    if options.stances and (h.stance or NO_STANCE) not in options.stances:
        return False
    if options.since or options.until:
        day = local_day(h.created)
        if options.since and day < options.since:
            return False
        if options.until and day > options.until:
            return False
    return True


def select(options: BriefOptions, placed: Iterable[Placed],
           taxonomy: TaxonomyLike | Sequence[Theme] | None = None) -> list[Placed]:
    """The highlights ``options`` keeps (orphans included; the builder sets them aside).
    Cheap: the export dialog calls it on every change to show a count."""
    tree = ThemeTree.of(taxonomy)
    wanted = wanted_themes(options, tree)
    return [p for p in placed if matches(p, options, wanted, tree)]
