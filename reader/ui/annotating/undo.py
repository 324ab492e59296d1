"""Undo and redo over the core's edits (``QUndoCommand``\\ s).

An edit is made first (so an error reaches the person before anything is recorded), then
pushed as a command holding the versions of the highlights before and after it; the first
``redo()`` that ``QUndoStack.push`` calls does nothing. Undo puts the *before* versions back
(:func:`reader.ops.highlights.put_back`: a highlight that did not exist is deleted again),
redo the *after* versions — each as a new edit with a later ``modified`` time, so an undo
also wins the merge in colleagues' copies. A theme edit also keeps the taxonomy before and
after it (:func:`reader.ops.themes.restore`) and the versions of your highlights it
retagged. What an undo or redo changed goes to :meth:`Session.apply
<reader.ui.session.Session.apply>` like any edit.

Consecutive edits of one note merge into one command (typing is undone as a whole).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.errors import ReaderError
from reader.model.annotations import Highlight
from reader.model.themes import Taxonomy
from reader.ops import themes

if TYPE_CHECKING:
    from reader.ui.annotating.controller import AnnotationController

log = logging.getLogger(__name__)
NOTE_MERGE_ID = 6001


class _Command(QUndoCommand):
    def __init__(self, ctrl: AnnotationController, text: str) -> None:
        super().__init__(text)
        self.ctrl = ctrl
        self._skip_redo = True
        self.error: ReaderError | None = None

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(forward=True)

    def undo(self) -> None:
        self._run(forward=False)

    def _run(self, *, forward: bool) -> None:
        try:
            self.apply(forward=forward)
            self.error = None
        except ReaderError as exc:  # e.g. themes.json became read-only: say so, keep going
            self.error = exc
            log.warning("%s of '%s' failed: %s", "redo" if forward else "undo", self.text(),
                        exc)
            from reader.ui import messages

            verb = "redo" if forward else "undo"
            messages.show_error(self.ctrl.parent_widget, exc,
                                title=f"Cannot {verb} “{self.text()}”")

    def apply(self, *, forward: bool) -> None:
        raise NotImplementedError


class VersionsCommand(_Command):
    """Edits of your highlights: versions before (``None``: it did not exist) and after."""

    def __init__(self, ctrl: AnnotationController, text: str,
                 before: dict[str, Highlight | None], after: dict[str, Highlight], *,
                 merge_key: tuple[str, str] | None = None) -> None:
        super().__init__(ctrl, text)
        self.before = dict(before)
        self.after = dict(after)
        self.merge_key = merge_key

    def apply(self, *, forward: bool) -> None:
        versions: dict[str, Highlight | None] = dict(self.after) if forward else \
            dict(self.before)
        self.ctrl.session.apply(self.ctrl.put_back(versions))

    def id(self) -> int:
        return NOTE_MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, VersionsCommand) or other.merge_key != self.merge_key \
                or self.merge_key is None:
            return False
        self.after.update(other.after)
        return True


class ThemeCommand(_Command):
    """A theme edit: the taxonomy before and after, and the highlights it retagged."""

    def __init__(self, ctrl: AnnotationController, text: str, before_tax: Taxonomy,
                 after_tax: Taxonomy, before: dict[str, Highlight | None],
                 after: dict[str, Highlight]) -> None:
        super().__init__(ctrl, text)
        self.before_tax, self.after_tax = before_tax, after_tax
        self.before, self.after = dict(before), dict(after)

    def apply(self, *, forward: bool) -> None:
        ws = self.ctrl.session.require()
        changes = themes.restore(ws, self.after_tax if forward else self.before_tax).changes
        versions: dict[str, Highlight | None] = dict(self.after) if forward else \
            dict(self.before)
        self.ctrl.session.apply(changes | self.ctrl.put_back(versions))
