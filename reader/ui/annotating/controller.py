"""The one object that edits annotations and themes for the window.

Every edit goes through here: it calls the operation (:mod:`reader.ops.highlights`;
theme edits: :attr:`AnnotationController.theme_edits`, over :mod:`reader.ops.themes`) on
the GUI thread — an edit is an in-memory change, so the highlight is on screen at once —
records an undo command and hands the change set to :meth:`Session.apply
<reader.ui.session.Session.apply>`. What follows from a change set (:meth:`_on_changed`):
the widgets are told, the autosave is scheduled, the highlights are re-indexed for search
in the background. Widgets listen to the signals:

* :attr:`loaded` — the store was read for the current workspace (background);
* :attr:`highlights_changed` — a :class:`HighlightChange`: new versions of some
  highlights (tombstones for deletions), or ``reload`` when files changed on disk;
* :attr:`themes_changed` — the taxonomy (an edit, an undo, or ``themes.json`` changed);
* :attr:`authors_changed` — a name, or which authors are shown, changed.

Slow work (loading, re-reading files, saving, indexing) runs on the session's one task
runner; errors the person can act on come back as :class:`~reader.errors.ReaderError`
for :mod:`reader.ui.messages`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from reader.errors import ReaderError
from reader.model.annotations import Author, Highlight, Stance, Theme
from reader.model.changes import ChangeSet, Outcome
from reader.model.themes import Taxonomy
from reader.ops import highlights, identity, queries, search
from reader.ops import themes as theme_ops
from reader.ops.highlights import Edit, StoreChanges
from reader.ui.annotating.autosave import AutoSaver
from reader.ui.annotating.discussion_edits import DiscussionEditor
from reader.ui.annotating.theme_edits import ThemeEditor
from reader.ui.annotating.undo import VersionsCommand
from reader.ui.annotating.watcher import FolderWatcher
from reader.ui.formatting import plural

if TYPE_CHECKING:
    from reader.ops.workspace import Workspace
    from reader.ui.session import Session

log = logging.getLogger(__name__)

HIDDEN_KEY = "annotations.hidden_authors"
INDEX_DELAY_MS = 700
COUNTS_DELAY_MS = 1200
LOAD_DELAY_MS = 200


@dataclass(frozen=True)
class HighlightChange:
    highlights: tuple[Highlight, ...] = ()  # the new versions (tombstones when deleted)
    reload: bool = False  # files changed on disk: read everything again


class AnnotationController(QObject):
    loaded = Signal(object)  # LoadReport
    highlights_changed = Signal(object)  # HighlightChange
    themes_changed = Signal(object)  # Taxonomy
    authors_changed = Signal()
    notice = Signal(str)  # a quiet sentence for the status bar
    problems_found = Signal(list)  # [str] read problems worth showing once

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.parent_widget: QWidget | None = None  # where messages are shown
        self.ws: Workspace | None = None
        self.is_loaded = False
        self.tax = Taxonomy()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.autosave = AutoSaver(self)
        self.watcher = FolderWatcher(self)
        self.watcher.changed.connect(self.reload_from_disk)
        self.theme_edits = ThemeEditor(self)
        self.discussion = DiscussionEditor(self)  # replies, links, resolved disagreements
        self._hidden: set[str] = set(session.settings.get(HIDDEN_KEY, [], type_=list) or [])
        self._index_ids: set[str] | None = set()
        self._index_timer = self._timer(INDEX_DELAY_MS, self._update_index)
        self._counts_timer = self._timer(COUNTS_DELAY_MS, session.load_annotation_counts)
        self._reloading = False
        self._reload_again = False
        session.workspace_changed.connect(self._on_workspace)
        session.changed.connect(self._on_changed)

    def _timer(self, ms: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # -- the workspace ---------------------------------------------------------------------
    @property
    def store(self) -> Any:
        """The workspace's annotation store, for inspection (tests); edits go through
        :mod:`reader.ops.highlights`."""
        return self.session.require().annotations()

    @property
    def me(self) -> Author:
        return queries.me(self.session.require())

    def _on_workspace(self, ws: Workspace) -> None:
        old = self.ws
        if old is not None and old is not ws:
            self.autosave.save_now(old)
        self.ws = ws
        self.is_loaded = False
        self.undo_stack.clear()
        self.watcher.watch(ws.annotations_dir, ws.themes_file)

        def done(outcome: Outcome[highlights.Loaded]) -> None:
            if not isValid(self) or ws is not self.ws:
                return  # (the window closed while loading)
            loaded = outcome.value
            self.is_loaded = True
            self.tax = loaded.taxonomy
            self.themes_changed.emit(loaded.taxonomy)
            self.loaded.emit(loaded.report)
            if loaded.problems:
                self.problems_found.emit(list(loaded.problems))

        # like the session's own background work: once the window is on screen
        QTimer.singleShot(LOAD_DELAY_MS, lambda: self.runner.run(
            lambda _p, _c: highlights.load(ws, retries_saves=True),  # the autosave retries
            label="Reading highlights", visible=False, on_done=done)
            if ws is self.ws else None)

    def shutdown(self) -> None:
        """Save now (the window is closing): nothing typed is lost. Nothing is started
        after this (the search index catches up with the last edits at the next start)."""
        self.watcher.stop()
        if self.ws is not None:
            self.autosave.save_now(self.ws)
        self.autosave.stop()
        for timer in (self._index_timer, self._counts_timer):
            timer.stop()

    # -- who --------------------------------------------------------------------------------
    def needs_name(self) -> bool:
        """The person has not chosen the name others will see."""
        return not identity.has_chosen_name(self.session.settings)

    def set_name(self, name: str) -> Author:
        return self._applied(identity.rename_in(self.session.require(), name))

    def is_mine(self, h: Highlight) -> bool:
        return self.ws is not None and h.author.id == self.me.id

    def authors(self) -> tuple[Author, ...]:
        return queries.authors(self.ws) if self.ws is not None else ()

    def is_hidden(self, author_id: str) -> bool:
        return author_id in self._hidden

    @property
    def hidden_authors(self) -> frozenset[str]:
        return frozenset(self._hidden)

    def set_author_shown(self, author_id: str, shown: bool) -> None:
        if shown == (author_id not in self._hidden):
            return
        if shown:
            self._hidden.discard(author_id)
        else:
            self._hidden.add(author_id)
        try:
            self.session.settings.set(HIDDEN_KEY, sorted(self._hidden))
        except ReaderError as exc:
            log.warning("cannot keep the hidden authors: %s", exc)
        self.authors_changed.emit()

    # -- highlight edits (undoable) --------------------------------------------------------
    def _ws(self) -> Workspace:
        return self.session.require()

    def create(self, doc_id: str, start: int, end: int, *, themes: Iterable[str] = (),
               stance: Stance | str | None = None, note: str = "") -> Highlight:
        return self._record("Highlight", highlights.create(
            self._ws(), doc_id, start, end, themes=themes, stance=stance, note=note))

    def update(self, hid: str, *, label: str = "Edit Highlight", **changes: Any) -> Highlight:
        merge = ("note", hid) if set(changes) == {"note"} else None
        return self._record(label, highlights.update(self._ws(), hid, **changes),
                            merge_key=merge)

    def set_note(self, hid: str, note: str) -> Highlight:
        return self.update(hid, label="Edit Note", note=note)

    def set_stance(self, hid: str, stance: Stance | None) -> Highlight:
        return self.update(hid, label="Set Stance", stance=stance)

    def set_themes(self, hid: str, themes: Iterable[str]) -> Highlight:
        return self.update(hid, label="Change Themes", themes=tuple(themes))

    def toggle_theme(self, hid: str, theme_id: str) -> Highlight:
        return self._record("Change Themes", highlights.toggle_theme(
            self._ws(), hid, theme_id, taxonomy=self.tax))

    def delete(self, hid: str) -> Highlight:
        return self._record("Delete Highlight", highlights.delete(self._ws(), hid))

    def reattach(self, hid: str, doc_id: str, start: int, end: int) -> Highlight:
        return self._record("Re-attach Highlight",
                            highlights.reattach(self._ws(), hid, doc_id, start, end))

    def copy_to_mine(self, hid: str) -> Highlight:
        return self._record("Copy Highlight to Mine", highlights.copy_to_mine(self._ws(), hid))

    def _record(self, label: str, outcome: Outcome[Edit], *,
                merge_key: tuple[str, str] | None = None) -> Highlight:
        """Push an edit already made (its first redo does nothing) and apply its changes."""
        edit = outcome.value
        if edit.changed:
            self.undo_stack.push(VersionsCommand(self, label, edit.before, edit.after,
                                                 merge_key=merge_key))
            self.session.apply(outcome.changes)
        return edit.highlight

    def push(self, command: Any, changes: ChangeSet) -> None:
        """Push a command for an edit already made, and apply what it changed."""
        self.undo_stack.push(command)
        self.session.apply(changes)

    def _applied(self, outcome: Outcome[Any]) -> Any:
        self.session.apply(outcome.changes)
        return outcome.value

    def put_back(self, versions: dict[str, Highlight | None]) -> ChangeSet:
        """Put these versions of your highlights back (undo and redo)."""
        return highlights.put_back(self._ws(), versions).changes

    # -- what a change set means here ------------------------------------------------------
    def _on_changed(self, changes: ChangeSet) -> None:
        """Highlights, themes or authors changed (:meth:`Session.apply`): tell the widgets,
        save your file soon, re-index, count again."""
        ws = self.ws
        if ws is None:
            return
        if changes.themes:
            self.tax = theme_ops.taxonomy(ws)
            self.themes_changed.emit(self.tax)
            self._schedule_index(None)
        if changes.annotations:
            if changes.all_annotations:
                self.highlights_changed.emit(HighlightChange(reload=True))
            else:
                items = []
                for hid in sorted(changes.highlight_ids):
                    try:
                        items.append(queries.highlight(ws, hid))
                    except ReaderError:
                        continue
                self.highlights_changed.emit(HighlightChange(tuple(items)))
            if highlights.unsaved(ws):
                self.autosave.schedule()
            self._schedule_index(changes.highlight_ids or None)
        if changes.annotations or changes.themes:
            self._counts_timer.start()
        if changes.authors:
            self.authors_changed.emit()

    def favourite(self, key: int) -> Theme | None:
        """The theme on key ``key`` (1–9), if any."""
        favs = self.tax.favourites
        return self.tax.get(favs[key - 1]) if 0 < key <= len(favs) else None

    # -- files changed on disk -------------------------------------------------------------
    def reload_from_disk(self) -> None:
        """Re-read annotation files and themes that changed (the watcher calls this)."""
        ws = self.ws
        if ws is None or not self.is_loaded:
            return
        if self._reloading:
            self._reload_again = True
            return
        self._reloading = True

        def done(outcome: Outcome[highlights.Reloaded]) -> None:
            if ws is not self.ws:
                return
            found = outcome.value
            self.session.apply(outcome.changes)
            if found.taxonomy is not None:
                self.notice.emit("The group's themes were updated.")
            self.changed_on_disk(found.changes, ChangeSet(), found.names)

        def finished() -> None:
            self._reloading = False
            if self._reload_again:
                self._reload_again = False
                self.reload_from_disk()

        task = self.runner.run(lambda _p, _c: highlights.reload(ws),
                               label="Reading changed highlights", visible=False,
                               on_done=done,
                               on_error=lambda exc: log.warning("reload: %s", exc))
        task.finished.connect(finished)

    def changed_on_disk(self, changes: StoreChanges, applied: ChangeSet,
                        names: Iterable[str] = ()) -> None:
        """Show highlights that others (or this person elsewhere) saved: found by a
        re-read, or merged in by a save of your file. ``applied`` is the change set to
        apply (empty when the caller applied it)."""
        self.session.apply(applied)
        if not changes.empty:
            self.notice.emit(_change_sentence(changes, list(names)))

    # -- search index ----------------------------------------------------------------------
    def _schedule_index(self, ids: Iterable[str] | None) -> None:
        if ids is None or self._index_ids is None:
            self._index_ids = None
        else:
            self._index_ids.update(ids)
        self._index_timer.start()

    def _update_index(self) -> None:
        ws = self.ws
        ids, self._index_ids = self._index_ids, set()
        if ws is None or ids == set():
            return
        self.runner.run(lambda _p, _c: search.index_highlights(ws, ids),
                        label="Indexing highlights", visible=False,
                        on_error=lambda exc: log.warning("indexing highlights: %s", exc))


def _change_sentence(changes: Any, names: list[str]) -> str:
    who = " and ".join(names[:2]) + (f" and {len(names) - 2} others" if len(names) > 2 else "")
    parts = []
    if changes.added:
        parts.append(f"{plural(len(changes.added), 'new highlight')}")
    if changes.changed:
        parts.append(f"{len(changes.changed):,} changed")
    if changes.removed:
        parts.append(f"{len(changes.removed):,} removed")
    what = ", ".join(parts)
    return f"Highlights updated from {who}: {what}." if who else f"Highlights updated: {what}."
