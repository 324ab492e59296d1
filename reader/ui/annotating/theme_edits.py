"""Theme edits for the controller (a mixin of
:class:`~reader.ui.annotating.controller.AnnotationController`): each edit is made through
the core's :class:`~reader.annotations.themes.ThemeStore`, then recorded as an undoable
:class:`~reader.ui.annotating.undo.ThemeCommand` holding the taxonomy before and after it
and, for a merge or a delete, the versions of your highlights it retagged."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from reader.annotations.taxonomy import Taxonomy
from reader.model.annotations import Highlight, Theme
from reader.ui.annotating.undo import ThemeCommand

if TYPE_CHECKING:
    from reader.annotations.themes import ThemeStore
    from reader.ui.annotating.controller import AnnotationController as _Base
else:
    _Base = object


class ThemeEdits(_Base):
    def _theme_edit(self, label: str, fn: Callable[[ThemeStore], Any], *,
                    retags: bool = False) -> Any:
        themes = self.themes
        themes.reload()
        before_tax = themes.taxonomy()
        store = self.store
        mine = {h.id: h for h in store.all() if h.author.id == store.author.id} if retags \
            else {}
        result = fn(themes)
        after_tax = themes.taxonomy()
        before: dict[str, Highlight | None] = {}
        after: dict[str, Highlight] = {}
        for hid, old in mine.items():
            new = store.get(hid)
            if new is not old:
                before[hid], after[hid] = old, new
        self._record(ThemeCommand(self, label, before_tax, after_tax, before, after))
        return result

    def taxonomy_restored(self, tax: Taxonomy) -> None:
        self.tax = tax
        self.themes_changed.emit(tax)
        self.session.load_themes()
        self._schedule_index(None)
        self._counts_timer.start()

    def add_theme(self, label: str, *, parent: str | None = None,
                  color: str | None = None, description: str = "") -> Theme:
        return self._theme_edit(f"Add Theme “{label}”", lambda t: t.add(
            label, parent=parent, color=color, description=description))

    def rename_theme(self, theme_id: str, label: str) -> Theme:
        return self._theme_edit("Rename Theme", lambda t: t.rename(theme_id, label))

    def recolor_theme(self, theme_id: str, color: str) -> Theme:
        return self._theme_edit("Change Theme Colour", lambda t: t.recolor(theme_id, color))

    def describe_theme(self, theme_id: str, text: str) -> Theme:
        return self._theme_edit("Describe Theme", lambda t: t.describe(theme_id, text))

    def move_theme(self, theme_id: str, parent: str | None, order: int | None) -> Theme:
        return self._theme_edit("Move Theme", lambda t: t.move(theme_id, parent, order))

    def merge_theme(self, src: str, dst: str) -> int:
        return self._theme_edit("Merge Themes", lambda t: t.merge(src, dst), retags=True)

    def delete_theme(self, theme_id: str, *, merge_into: str | None = None) -> int:
        return self._theme_edit("Delete Theme", lambda t: t.delete(
            theme_id, merge_into=merge_into), retags=True)

    def adopt_theme(self, theme_id: str) -> Theme:
        return self._theme_edit("Adopt Theme", lambda t: t.adopt_unknown(theme_id))

    def set_favourites(self, ids: Iterable[str]) -> tuple[str, ...]:
        wanted = tuple(ids)
        return self._theme_edit("Change Favourite Themes", lambda t: t.set_favourites(wanted))

    def favourite(self, key: int) -> Theme | None:
        """The theme on key ``key`` (1–9), if any."""
        favs = self.tax.favourites
        return self.tax.get(favs[key - 1]) if 0 < key <= len(favs) else None
