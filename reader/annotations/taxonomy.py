"""Reading and writing the theme taxonomy's JSON form (the taxonomy itself is plain data:
:class:`reader.model.themes.Taxonomy`, re-exported here).

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
from typing import Any

from reader.model.annotations import Theme
from reader.model.themes import PALETTE, Taxonomy, taxonomy_from

FORMAT = "policy-reader-themes"
VERSION = 1
MAX_LABEL = 120
MAX_DESCRIPTION = 2000
#: The most levels of themes (the shipped taxonomy has 2).
MAX_DEPTH = 8
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


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
