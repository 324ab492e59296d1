"""Theme operations and listings: the same for ``policy-reader themes …`` and the Themes
panel.

An edit returns a :class:`ThemeEdit`: the taxonomy before and after it (an undo writes the
one before back) and, for a merge or a deletion, the versions of your highlights it
retagged (they are saved at once; other people's keep the old id, shown under the merged
theme or as unknown).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.errors import ReaderError, StorageError, UsageError
from reader.model.annotations import Highlight
from reader.model.changes import ChangeSet, Outcome
from reader.model.themes import Taxonomy
from reader.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ThemeEdit:
    """A theme edit: its result (a theme, a count, the favourites), the taxonomy before and
    after, and your highlights it retagged (versions before and after)."""

    result: Any
    before_tax: Taxonomy
    after_tax: Taxonomy
    before: Mapping[str, Highlight | None] = field(default_factory=dict)
    after: Mapping[str, Highlight] = field(default_factory=dict)


def theme_id(tax: Taxonomy, ref: str) -> str:
    """The id of the theme ``ref`` names (an id, an old id or a label)."""
    found = tax.find(ref)
    if found is None:
        raise UsageError(f"There is no theme '{ref}'.",
                         "Run 'policy-reader themes list' to see the ids and names.")
    return found.id


def _edit(ws: Workspace, fn: Callable[[Any], Any], *, retags: bool = False
          ) -> Outcome[ThemeEdit]:
    """Make a theme edit through the theme store (``fn(themes)``); a merge or deletion
    (``retags``) then retags your highlights and saves them."""
    themes = ws.themes()
    themes.reload()  # edit the latest file, not a copy cached a moment ago
    before_tax = themes.taxonomy()
    result: Any = fn(themes)
    before: dict[str, Highlight | None] = {}
    after: dict[str, Highlight] = {}
    if retags:
        store = ws.annotations()
        me = store.author.id
        mine = {h.id: h for h in store.all() if h.author.id == me}
        count = store.retag(result.old, result.new)
        if count:
            _save_retagged(ws)
        for hid, old in mine.items():
            new = store.get(hid)
            if new is not old:
                before[hid], after[hid] = old, new
        result = count
    changes = ChangeSet(themes=True, annotations=frozenset(after))
    return Outcome(ThemeEdit(result, before_tax, themes.taxonomy(), before, after), changes)


def _save_retagged(ws: Workspace) -> None:
    store = ws.annotations()
    try:
        store.save()
    except ReaderError as exc:
        if not store.retries_saves:  # a command ends: say so (the theme is changed)
            raise StorageError(f"The theme was changed, but your highlights were not "
                               f"retagged: {exc.message}", exc.hint) from exc
        log.warning("themes: highlights retagged but not saved yet: %s", exc)


def add(ws: Workspace, label: str, *, parent: str | None = None, color: str | None = None,
        description: str = "") -> Outcome[ThemeEdit]:
    return _edit(ws, lambda t: t.add(label, parent=parent, color=color,
                                     description=description))


def rename(ws: Workspace, tid: str, label: str) -> Outcome[ThemeEdit]:
    return _edit(ws, lambda t: t.rename(tid, label))


def recolor(ws: Workspace, tid: str, color: str) -> Outcome[ThemeEdit]:
    return _edit(ws, lambda t: t.recolor(tid, color))


def describe(ws: Workspace, tid: str, text: str) -> Outcome[ThemeEdit]:
    return _edit(ws, lambda t: t.describe(tid, text))


def move(ws: Workspace, tid: str, parent: str | None, order: int | None = None
         ) -> Outcome[ThemeEdit]:
    """Put a theme under ``parent`` (``None``: the top level) at position ``order``."""
    return _edit(ws, lambda t: t.move(tid, parent, order))


def merge(ws: Workspace, src: str, dst: str) -> Outcome[ThemeEdit]:
    """Merge ``src`` into ``dst``: its sub-themes move there, your highlights are retagged
    (the value: how many)."""
    return _edit(ws, lambda t: t.merge(src, dst), retags=True)


def delete(ws: Workspace, tid: str, *, merge_into: str | None = None) -> Outcome[ThemeEdit]:
    """Delete a theme: with ``merge_into`` as :func:`merge`; otherwise your highlights lose
    the tag (they are kept) and its sub-themes move up (the value: highlights changed)."""
    return _edit(ws, lambda t: t.delete(tid, merge_into=merge_into), retags=True)


def adopt(ws: Workspace, tid: str) -> Outcome[ThemeEdit]:
    """Make a theme id that came with someone else's highlights one of the group's."""
    return _edit(ws, lambda t: t.adopt_unknown(tid))


def set_favourites(ws: Workspace, ids: Iterable[str]) -> Outcome[ThemeEdit]:
    """The themes on keys 1–9, in order."""
    wanted = tuple(ids)
    return _edit(ws, lambda t: t.set_favourites(wanted))


def restore(ws: Workspace, tax: Taxonomy) -> Outcome[Taxonomy]:
    """Write ``tax`` back (undo and redo of a theme edit)."""
    return Outcome(ws.themes().restore(tax), ChangeSet(themes=True))


# -- listings --------------------------------------------------------------------------------
def taxonomy(ws: Workspace) -> Taxonomy:
    return ws.taxonomy()


@dataclass(frozen=True)
class ThemeChoice:
    """A theme as a pick list shows it (tree order, indented by ``depth``)."""

    id: str
    label: str
    color: str
    depth: int = 0


def choices(ws: Workspace) -> list[ThemeChoice]:
    """The workspace's themes in tree order."""
    tax = ws.taxonomy()
    return [ThemeChoice(t.id, t.label, t.color, tax.depth(t.id)) for t in tax.themes]


@dataclass(frozen=True)
class ThemeCounts:
    """Highlights per theme (a parent's count includes its sub-themes'), and the theme ids
    not known here with how many highlights carry each."""

    everywhere: dict[str, int]
    unknown: dict[str, int]


def counts(ws: Workspace, tax: Taxonomy | None = None,
           highlights: Iterable[Highlight] | None = None) -> ThemeCounts:
    """Counts by the one rule (:mod:`reader.annotations.theme_counts`) over every live
    highlight (or ``highlights``) against ``tax`` (default: the current taxonomy)."""
    from reader.annotations.theme_counts import ThemeCounter

    live = tuple(highlights) if highlights is not None else ws.annotations().all()
    counter = ThemeCounter(tax or ws.taxonomy())
    return ThemeCounts(dict(counter.count(live)), dict(counter.unknown(live)))


def count_in(highlights: Iterable[Highlight], tax: Taxonomy) -> dict[str, int]:
    """The counts of these highlights alone (the open document's, on the GUI thread)."""
    from reader.annotations.theme_counts import ThemeCounter

    return dict(ThemeCounter(tax).count(highlights))


def problems(ws: Workspace) -> tuple[str, ...]:
    """What was wrong reading ``themes.json`` (shown; the shipped themes stand in)."""
    return ws.themes().problems
