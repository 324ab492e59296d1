"""Replies, links and resolved disagreements for the window: each edit through
:mod:`reader.ops.discussion` (or :func:`reader.ops.compare.resolve`) on the GUI thread — an
in-memory change, shown at once — recorded on the controller's undo stack and handed to
:meth:`Session.apply <reader.ui.session.Session.apply>` like a highlight edit (the change
set names the highlights whose discussion changed: they are redrawn, your file is saved a
moment later, their replies re-indexed).

The queries here are cheap (the store keeps the discussion indexed) and run on the GUI
thread; the list of every highlight one may link to is read on the task runner by the
caller.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.model.changes import Outcome
from reader.model.compare import Disagreement
from reader.model.discussion import DiscussionCounts, HighlightDiscussion, OrphanEntry
from reader.model.remarks import Record, Relation
from reader.ops import compare, discussion
from reader.ops.discussion import RecordEdit
from reader.ui.annotating.undo import _Command

if TYPE_CHECKING:
    from reader.ui.annotating.controller import AnnotationController

log = logging.getLogger(__name__)
NO_COUNTS = DiscussionCounts({}, {})


class RecordsCommand(_Command):
    """An edit of your replies and links (and highlights, for a resolution): the versions
    before (``None``: it did not exist) and after."""

    def __init__(self, ctrl: AnnotationController, text: str,
                 before: Mapping[str, Record | None], after: Mapping[str, Record]) -> None:
        super().__init__(ctrl, text)
        self.before = dict(before)
        self.after = dict(after)

    def apply(self, *, forward: bool) -> None:
        versions: dict[str, Record | None] = dict(self.after) if forward else \
            dict(self.before)
        ws = self.ctrl.session.require()
        self.ctrl.session.apply(discussion.put_back(ws, versions).changes)


class DiscussionEditor(QObject):
    def __init__(self, ctrl: AnnotationController) -> None:
        super().__init__(ctrl)
        self.ctrl = ctrl

    # -- edits (undoable) ------------------------------------------------------------------
    def _record(self, label: str, outcome: Outcome[RecordEdit]) -> RecordEdit:
        edit = outcome.value
        if edit.changed:
            self.ctrl.push(RecordsCommand(self.ctrl, label, edit.before, edit.after),
                           outcome.changes)
        return edit

    def reply(self, target_id: str, text: str) -> RecordEdit:
        ws = self.ctrl.session.require()
        return self._record("Reply", discussion.reply(ws, target_id, text))

    def edit_reply(self, rid: str, text: str) -> RecordEdit:
        ws = self.ctrl.session.require()
        return self._record("Edit Reply", discussion.edit_reply(ws, rid, text))

    def link(self, source_id: str, target_id: str, kind: Relation | str, *,
             note: str = "") -> RecordEdit:
        ws = self.ctrl.session.require()
        return self._record("Link Passages",
                            discussion.link(ws, source_id, target_id, kind, note=note))

    def edit_link(self, rid: str, *, kind: Relation | str | None = None,
                  note: str | None = None) -> RecordEdit:
        ws = self.ctrl.session.require()
        return self._record("Edit Link", discussion.edit_link(ws, rid, kind=kind, note=note))

    def delete(self, rid: str) -> RecordEdit:
        ws = self.ctrl.session.require()
        return self._record("Delete Reply or Link", discussion.delete(ws, rid))

    def resolve(self, d: Disagreement, how: compare.Resolution | str, *, source: str = "",
                text: str = "") -> RecordEdit:
        """Resolve a disagreement as you (an ordinary, undoable edit of your own file)."""
        ws = self.ctrl.session.require()
        label = compare.Resolution(how).label
        return self._record(label, compare.resolve(ws, d, how, source=source, text=text))

    # -- questions (cheap: GUI thread) ---------------------------------------------------
    def _ready(self) -> bool:
        """The annotation files are read (asking before that would read them here)."""
        return self.ctrl.ws is not None and self.ctrl.is_loaded

    def of_highlight(self, hid: str) -> HighlightDiscussion:
        if not self._ready() or not hid:
            return HighlightDiscussion(hid)
        return discussion.of_highlight(self.ctrl.session.require(), hid)

    def counts(self, ids: list[str] | None = None) -> DiscussionCounts:
        if not self._ready():
            return NO_COUNTS
        return discussion.counts(self.ctrl.session.require(), ids)

    def linked_ids(self) -> frozenset[str]:
        if not self._ready():
            return frozenset()
        return discussion.linked_ids(self.ctrl.session.require())

    def orphans(self, doc_id: str) -> list[OrphanEntry]:
        if not self._ready() or not doc_id:
            return []
        return discussion.orphaned_replies(self.ctrl.session.require(), doc_id)
