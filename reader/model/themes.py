"""The theme taxonomy as plain frozen data: a snapshot of the group's themes in tree order,
with the lookups every layer needs (merged ids, paths, descendants, labels). No I/O: reading
and writing ``themes.json`` is :mod:`reader.annotations.taxonomy`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from reader.model.annotations import Theme

MAX_FAVOURITES = 9
#: Light colours that read well behind black text (new themes take the next unused one).
PALETTE = ("#ffd54f", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8", "#ffab91", "#80cbc4",
           "#e6ee9c", "#b0bec5", "#bcaaa4", "#9fa8da", "#ffcc80")


@dataclass(frozen=True)
class Taxonomy:
    """A snapshot of the themes: in tree order (roots by ``order``, then depth first)."""

    themes: tuple[Theme, ...] = ()
    aliases: Mapping[str, str | None] = field(default_factory=lambda: MappingProxyType({}))
    favourites: tuple[str, ...] = ()
    by_id: Mapping[str, Theme] = field(init=False, repr=False, compare=False)
    _children: Mapping[str | None, tuple[Theme, ...]] = field(init=False, repr=False,
                                                             compare=False)
    _depth: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id = {t.id: t for t in self.themes}
        kids: dict[str | None, list[Theme]] = {}
        for t in self.themes:
            kids.setdefault(t.parent if t.parent in by_id else None, []).append(t)
        object.__setattr__(self, "by_id", MappingProxyType(by_id))
        object.__setattr__(self, "_children", MappingProxyType(
            {k: tuple(sorted(v, key=lambda t: (t.order, t.label.casefold())))
             for k, v in kids.items()}))
        object.__setattr__(self, "aliases", MappingProxyType(dict(self.aliases)))
        depth: dict[str, int] = {}
        stack = [(t, 0) for t in self._children.get(None, ())]
        while stack:
            t, d = stack.pop()
            if t.id in depth:
                continue
            depth[t.id] = d
            stack.extend((c, d + 1) for c in self._children.get(t.id, ()))
        object.__setattr__(self, "_depth", MappingProxyType(depth))

    # -- lookups --------------------------------------------------------------------------
    def resolve(self, theme_id: str) -> str | None:
        """The current id for ``theme_id`` (following merges), or ``None`` if unknown."""
        seen = set()
        cur: str | None = theme_id
        while cur is not None and cur not in self.by_id:
            if cur in seen or cur not in self.aliases:
                return None
            seen.add(cur)
            cur = self.aliases[cur]
        return cur

    def get(self, theme_id: str) -> Theme | None:
        rid = self.resolve(theme_id)
        return self.by_id[rid] if rid is not None else None

    def known(self, theme_id: str) -> bool:
        return self.resolve(theme_id) is not None

    def label(self, theme_id: str) -> str:
        t = self.get(theme_id)
        return t.label if t else f"{theme_id} (unknown)"

    def color(self, theme_id: str) -> str | None:
        t = self.get(theme_id)
        return t.color if t else None

    def roots(self) -> tuple[Theme, ...]:
        return self._children.get(None, ())

    def children(self, theme_id: str | None) -> tuple[Theme, ...]:
        return self._children.get(theme_id, ())

    def path(self, theme_id: str) -> tuple[Theme, ...]:
        """The theme and its ancestors, root first (empty when unknown)."""
        out: list[Theme] = []
        seen: set[str] = set()
        t = self.get(theme_id)
        while t is not None and t.id not in seen:
            out.append(t)
            seen.add(t.id)
            t = self.by_id.get(t.parent) if t.parent else None
        return tuple(reversed(out))

    def path_label(self, theme_id: str, sep: str = " › ") -> str:
        found = self.path(theme_id)
        return sep.join(t.label for t in found) if found else self.label(theme_id)

    def descendants(self, theme_id: str) -> tuple[Theme, ...]:
        out: list[Theme] = []
        stack = list(reversed(self.children(self.resolve(theme_id))))
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(reversed(self.children(t.id)))
        return tuple(out)

    def depth(self, theme_id: str) -> int:
        rid = self.resolve(theme_id)
        if rid is not None and rid in self._depth:
            return self._depth[rid]
        return max(0, len(self.path(theme_id)) - 1)  # a loop of parents (never from parse)

    def height(self, theme_id: str) -> int:
        """How many levels there are below ``theme_id`` (0: no children)."""
        base = self.depth(theme_id)
        return max((self.depth(t.id) - base for t in self.descendants(theme_id)), default=0)

    def find(self, ref: str) -> Theme | None:
        """A theme by id, old (merged) id, label, or ``Parent / Child`` label path
        (labels compare case-insensitively)."""
        ref = ref.strip()
        hit = self.get(ref)
        if hit is not None:
            return hit
        key = ref.casefold()
        for t in self.themes:
            if t.label.casefold() == key:
                return t
        parts = [p.strip().casefold() for p in re.split(r"\s*[/›>]\s*", ref) if p.strip()]
        if len(parts) > 1:
            for t in self.themes:
                if [x.label.casefold() for x in self.path(t.id)] == parts:
                    return t
        return None

    def matching(self, theme_id: str) -> frozenset[str]:
        """Every id a filter on ``theme_id`` should match: the theme, its descendants, and
        the old ids merged into any of them."""
        rid = self.resolve(theme_id)
        if rid is None:
            return frozenset({theme_id})
        ids = {rid, *(t.id for t in self.descendants(rid))}
        ids |= {old for old in self.aliases if self.resolve(old) in ids}
        return frozenset(ids)

    def next_color(self, parent: str | None = None) -> str:
        used = {t.color.lower() for t in self.children(parent)}
        for c in PALETTE:
            if c not in used:
                return c
        return PALETTE[len(self.children(parent)) % len(PALETTE)]


def _flatten(tax: Taxonomy) -> tuple[Theme, ...]:
    out: list[Theme] = []
    stack = list(reversed(tax.roots()))
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(reversed(tax.children(t.id)))
    return tuple(out)


def taxonomy_from(themes: Iterable[Theme], aliases: Mapping[str, str | None] | None = None,
                  favourites: Iterable[str] = ()) -> Taxonomy:
    rough = Taxonomy(tuple(themes))
    ordered = _flatten(rough)
    known = {t.id for t in ordered}
    favs = tuple(dict.fromkeys(f for f in favourites if f in known))[:MAX_FAVOURITES]
    return Taxonomy(ordered, dict(aliases or {}), favs)
