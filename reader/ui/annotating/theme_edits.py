"""Theme edits for the window: each is made through :mod:`reader.ops.themes`, then recorded
as an undoable :class:`~reader.ui.annotating.undo.ThemeCommand` holding the taxonomy before
and after it and, for a merge or a delete, the versions of your highlights it retagged.
The controller owns one (:attr:`AnnotationController.theme_edits`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from reader.model.annotations import Theme
from reader.model.changes import Outcome
from reader.ops import themes
from reader.ops.themes import ThemeEdit
from reader.ui.annotating.undo import ThemeCommand

if TYPE_CHECKING:
    from reader.ops.workspace import Workspace
    from reader.ui.annotating.controller import AnnotationController


class ThemeEditor:
    def __init__(self, ctrl: AnnotationController) -> None:
        self.ctrl = ctrl

    def _edit(self, label: str, op: Callable[[Workspace], Outcome[ThemeEdit]]) -> Any:
        outcome = op(self.ctrl.session.require())
        edit = outcome.value
        self.ctrl.push(ThemeCommand(self.ctrl, label, edit.before_tax, edit.after_tax,
                                    dict(edit.before), dict(edit.after)), outcome.changes)
        return edit.result

    def add(self, label: str, *, parent: str | None = None, color: str | None = None,
            description: str = "") -> Theme:
        return self._edit(f"Add Theme “{label}”", lambda ws: themes.add(
            ws, label, parent=parent, color=color, description=description))

    def rename(self, theme_id: str, label: str) -> Theme:
        return self._edit("Rename Theme", lambda ws: themes.rename(ws, theme_id, label))

    def recolor(self, theme_id: str, color: str) -> Theme:
        return self._edit("Change Theme Colour",
                          lambda ws: themes.recolor(ws, theme_id, color))

    def describe(self, theme_id: str, text: str) -> Theme:
        return self._edit("Describe Theme", lambda ws: themes.describe(ws, theme_id, text))

    def move(self, theme_id: str, parent: str | None, order: int | None) -> Theme:
        return self._edit("Move Theme", lambda ws: themes.move(ws, theme_id, parent, order))

    def merge(self, src: str, dst: str) -> int:
        return self._edit("Merge Themes", lambda ws: themes.merge(ws, src, dst))

    def delete(self, theme_id: str, *, merge_into: str | None = None) -> int:
        return self._edit("Delete Theme", lambda ws: themes.delete(
            ws, theme_id, merge_into=merge_into))

    def adopt(self, theme_id: str) -> Theme:
        return self._edit("Adopt Theme", lambda ws: themes.adopt(ws, theme_id))

    def set_favourites(self, ids: Iterable[str]) -> tuple[str, ...]:
        wanted = tuple(ids)
        return self._edit("Change Favourite Themes",
                          lambda ws: themes.set_favourites(ws, wanted))
