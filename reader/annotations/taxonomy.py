"""The theme taxonomy as plain frozen data, and reading/writing its JSON form.

``themes.json`` (the shipped one in ``resources/`` and each workspace's copy)::

    {"format": "policy-reader-themes", "version": 1,
     "themes": [{"id", "label", "color", "description", "parent", "order"}, ...],
     "aliases": {"old-id": "new-id" | null},      # merged (or deleted: null) themes
     "favourites": ["id", ...]}                     # keys 1-9 in the reader

Theme ids are stable across renames. An id that was merged keeps pointing at the theme it
was merged into (other people's highlights still carry the old id); a deleted id points at
nothing, and is never given to a new theme.

The tree is at most :data:`MAX_DEPTH` levels deep: a file nesting themes deeper (a parent
chain 1,000 long once took 48 s to list) is reported once and its deeper themes are shown
at the last level, under their ancestor there; adding or moving a theme deeper is refused.
Every lookup is linear in the tree (depths are computed once per snapshot).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from reader.model.annotations import Theme

FORMAT = "policy-reader-themes"
VERSION = 1
MAX_FAVOURITES = 9
MAX_LABEL = 120
MAX_DESCRIPTION = 2000
#: The most levels of themes (the shipped taxonomy has 2).
MAX_DEPTH = 8
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
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


# -- JSON ------------------------------------------------------------------------------------
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


def parse(data: Any, name: str = "themes.json") -> tuple[Taxonomy, list[str], int]:
    """(taxonomy, problems, version) from parsed JSON; ``ValueError`` if the shape is wrong.

    Bad single entries are skipped or repaired and reported; the rest is kept."""
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise ValueError(f"{name} is not a theme list (no 'themes' array).")
    version = data.get("version", VERSION)
    version = version if isinstance(version, int) and not isinstance(version, bool) else \
        VERSION + 1
    problems: list[str] = []
    raw: list[Theme] = []
    seen: set[str] = set()
    for i, entry in enumerate(data["themes"]):
        theme = _theme(entry)
        if theme is None:
            problems.append(f"{name}: theme {i + 1} has no valid id or label; skipped.")
            continue
        if theme.id in seen:
            problems.append(f"{name}: the id {theme.id} appears twice; the first is used.")
            continue
        seen.add(theme.id)
        raw.append(theme)
    fixed = _cap_depth(_fix_parents(raw, problems, name), problems, name)
    aliases: dict[str, str | None] = {}
    if isinstance(data.get("aliases"), dict):
        for k, v in data["aliases"].items():
            if isinstance(k, str) and k not in seen and (v is None or isinstance(v, str)):
                aliases[k] = v
    favs = [f for f in data.get("favourites", []) if isinstance(f, str)] \
        if isinstance(data.get("favourites"), list) else []
    return taxonomy_from(fixed, aliases, favs), problems, version


def _theme(entry: Any) -> Theme | None:
    if not isinstance(entry, dict):
        return None
    tid, label = entry.get("id"), entry.get("label")
    if not isinstance(tid, str) or not ID_RE.match(tid):
        return None
    if not isinstance(label, str) or not label.strip():
        return None
    color = entry.get("color")
    color = color.lower() if isinstance(color, str) and COLOR_RE.match(color) else PALETTE[0]
    desc = entry.get("description")
    parent = entry.get("parent")
    order = entry.get("order", 0)
    return Theme(id=tid, label=" ".join(label.split())[:MAX_LABEL], color=color,
                 description=desc[:MAX_DESCRIPTION] if isinstance(desc, str) else "",
                 parent=parent if isinstance(parent, str) and parent else None,
                 order=order if isinstance(order, int) and not isinstance(order, bool) else 0)


def _fix_parents(themes: list[Theme], problems: list[str], name: str) -> list[Theme]:
    """Unknown parents become roots; a loop of parents is broken at its first theme (in
    file order). Each theme is walked over once."""
    by_id = {t.id: t for t in themes}
    position = {t.id: i for i, t in enumerate(themes)}
    out: dict[str, Theme] = dict(by_id)

    def as_root(t: Theme) -> Theme:
        return Theme(t.id, t.label, t.color, t.description, None, t.order)

    for t in themes:
        if t.parent is not None and t.parent not in by_id:
            problems.append(f"{name}: {t.label} has an unknown parent; shown at the top level.")
            out[t.id] = as_root(t)
    state: dict[str, bool] = {}  # False: on the walk now; True: reaches a root
    for t in themes:
        walk: list[str] = []
        cur: str | None = t.id
        while cur is not None and cur not in state:
            state[cur] = False
            walk.append(cur)
            cur = out[cur].parent
        if cur is not None and not state[cur]:  # the walk met itself: a loop
            first = min(walk[walk.index(cur):], key=position.__getitem__)
            problems.append(f"{name}: the parents of {out[first].label} form a loop; it is "
                            "shown at the top level.")
            out[first] = as_root(out[first])
        for w in walk:
            state[w] = True
    return [out[t.id] for t in themes]


def _cap_depth(themes: list[Theme], problems: list[str], name: str) -> list[Theme]:
    """Themes deeper than :data:`MAX_DEPTH` levels moved up to the last level, under their
    ancestor there (one walk of the tree; parents are already known and loop-free)."""
    kids: dict[str | None, list[Theme]] = {}
    for t in themes:
        kids.setdefault(t.parent, []).append(t)
    moved: dict[str, Theme] = {}
    stack: list[tuple[Theme, tuple[str, ...]]] = [(t, ()) for t in kids.get(None, ())]
    while stack:
        t, above = stack.pop()
        if len(above) >= MAX_DEPTH:
            moved[t.id] = Theme(t.id, t.label, t.color, t.description,
                                above[MAX_DEPTH - 2], t.order)
            below = above
        else:
            below = (*above, t.id)
        stack.extend((c, below) for c in kids.get(t.id, ()))
    if moved:
        problems.append(f"{name}: {len(moved):,} theme(s) are nested deeper than {MAX_DEPTH} "
                        f"levels; they are shown at level {MAX_DEPTH}.")
    return [moved.get(t.id, t) for t in themes]


def to_json(tax: Taxonomy) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "themes": [{"id": t.id, "label": t.label, "color": t.color,
                    "description": t.description, "parent": t.parent, "order": t.order}
                   for t in tax.themes],
        "aliases": dict(tax.aliases),
        "favourites": list(tax.favourites),
    }


def slug(label: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")[:40].strip("-")
    return s or "theme"
