"""The one object that edits annotations and themes for the window.

Every edit goes through here: it calls the core (:class:`~reader.annotations.store.
AnnotationStore`, :class:`~reader.annotations.themes.ThemeStore`) on the GUI thread — an
edit is an in-memory change, so the highlight is on screen at once — records an undo
command, schedules the autosave, and re-indexes the highlight for search in the
background. Widgets listen to the signals:

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

from reader.annotations.identity import NAME_KEY
from reader.annotations.taxonomy import Taxonomy
from reader.errors import ReaderError
from reader.model.annotations import Author, Highlight, Stance
from reader.ui import core_access
from reader.ui.annotating.autosave import AutoSaver
from reader.ui.annotating.theme_edits import ThemeEdits
from reader.ui.annotating.undo import VersionsCommand
from reader.ui.annotating.watcher import FolderWatcher
from reader.ui.formatting import plural

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore
    from reader.annotations.themes import ThemeStore
    from reader.ui.session import Session
    from reader.workspace import Workspace

log = logging.getLogger(__name__)

HIDDEN_KEY = "annotations.hidden_authors"
INDEX_DELAY_MS = 700
COUNTS_DELAY_MS = 1200
LOAD_DELAY_MS = 200


@dataclass(frozen=True)
class HighlightChange:
    highlights: tuple[Highlight, ...] = ()  # the new versions (tombstones when deleted)
    reload: bool = False  # files changed on disk: read everything again


class AnnotationController(ThemeEdits, QObject):
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
        self._hidden: set[str] = set(session.settings.get(HIDDEN_KEY, [], type_=list) or [])
        self._index_ids: set[str] | None = set()
        self._index_timer = self._timer(INDEX_DELAY_MS, self._update_index)
        self._counts_timer = self._timer(COUNTS_DELAY_MS, session.load_annotation_counts)
        self._reloading = False
        self._reload_again = False
        session.workspace_changed.connect(self._on_workspace)

    def _timer(self, ms: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # -- the workspace ---------------------------------------------------------------------
    @property
    def store(self) -> AnnotationStore:
        return self.session.require().annotations()

    @property
    def themes(self) -> ThemeStore:
        return self.session.require().themes()

    @property
    def me(self) -> Author:
        return self.store.author

    def _on_workspace(self, ws: Workspace) -> None:
        old = self.ws
        if old is not None and old is not ws:
            self.autosave.save_now(old)
        self.ws = ws
        self.is_loaded = False
        self.undo_stack.clear()
        self.watcher.watch(ws.annotations_dir, ws.themes_file)

        def load(_p: Any, _c: Any) -> tuple[Any, Taxonomy, list[str]]:
            store = ws.annotations()  # (in the background: its imports are heavy)
            store.retries_saves = True  # the autosave keeps failed edits and retries
            report = store.load()
            themes = ws.themes()
            return report, themes.taxonomy(), [*report.problems, *themes.problems]

        def done(result: tuple[Any, Taxonomy, list[str]]) -> None:
            if ws is not self.ws:
                return
            report, tax, problems = result
            self.is_loaded = True
            self.tax = tax
            self.themes_changed.emit(tax)
            self.loaded.emit(report)
            if problems:
                self.problems_found.emit(problems)

        # like the session's own background work: once the window is on screen
        QTimer.singleShot(LOAD_DELAY_MS, lambda: self.runner.run(
            load, label="Reading highlights", visible=False, on_done=done)
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
        return not self.session.settings.get(NAME_KEY, "", type_=str)

    def set_name(self, name: str) -> Author:
        author = self.store.set_author_name(name)
        self.autosave.schedule()
        self.authors_changed.emit()
        self.highlights_changed.emit(HighlightChange(reload=True))
        self._schedule_index(None)
        return author

    def is_mine(self, h: Highlight) -> bool:
        return self.ws is not None and h.author.id == self.me.id

    def authors(self) -> tuple[Author, ...]:
        return self.store.authors() if self.ws is not None else ()

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
    def create(self, doc_id: str, start: int, end: int, *, themes: Iterable[str] = (),
               stance: Stance | str | None = None, note: str = "") -> Highlight:
        h = self.store.create(doc_id, start, end, themes=tuple(themes), stance=stance,
                              note=note)
        self._record(VersionsCommand(self, "Highlight", {h.id: None}, {h.id: h}))
        return h

    def update(self, hid: str, *, label: str = "Edit Highlight", **changes: Any) -> Highlight:
        before = self.store.get(hid)
        after = self.store.update(hid, **changes)
        if after is not before:
            merge = ("note", hid) if set(changes) == {"note"} else None
            self._record(VersionsCommand(self, label, {hid: before}, {hid: after},
                                         merge_key=merge))
        return after

    def set_note(self, hid: str, note: str) -> Highlight:
        return self.update(hid, label="Edit Note", note=note)

    def set_stance(self, hid: str, stance: Stance | None) -> Highlight:
        return self.update(hid, label="Set Stance", stance=stance)

    def set_themes(self, hid: str, themes: Iterable[str]) -> Highlight:
        return self.update(hid, label="Change Themes", themes=tuple(themes))

    def toggle_theme(self, hid: str, theme_id: str) -> Highlight:
        h = self.store.get(hid)
        rid = self.tax.resolve(theme_id) or theme_id
        current = [self.tax.resolve(t) or t for t in h.themes]
        if rid in current:
            themes = [t for t, r in zip(h.themes, current, strict=True) if r != rid]
        else:
            themes = [*h.themes, rid]
        return self.set_themes(hid, themes)

    def delete(self, hid: str) -> Highlight:
        before = self.store.get(hid)
        after = self.store.delete(hid)
        if after is not before:
            self._record(VersionsCommand(self, "Delete Highlight", {hid: before}, {hid: after}))
        return after

    def reattach(self, hid: str, doc_id: str, start: int, end: int) -> Highlight:
        before = self.store.get(hid)
        after = self.store.reattach(hid, start, end, doc_id=doc_id)
        self._record(VersionsCommand(self, "Re-attach Highlight", {hid: before}, {hid: after}))
        return after

    def copy_to_mine(self, hid: str) -> Highlight:
        h = self.store.copy_to_mine(hid)
        self._record(VersionsCommand(self, "Copy Highlight to Mine", {h.id: None}, {h.id: h}))
        return h

    def _record(self, command: Any) -> None:
        """Push an edit already made (its first redo does nothing) and announce it."""
        self.undo_stack.push(command)
        command.announce()

    def apply_versions(self, versions: dict[str, Highlight | None]) -> list[Highlight]:
        """Put these versions of your highlights back (undo and redo): ``None`` means the
        highlight did not exist, so it is deleted."""
        store = self.store
        out = []
        for hid, version in versions.items():
            out.append(store.delete(hid) if version is None else store.restore(version))
        return out

    def highlights_edited(self, highlights: Iterable[Highlight]) -> None:
        items = tuple(highlights)
        if not items:
            return
        self.highlights_changed.emit(HighlightChange(items))
        self.autosave.schedule()
        self._schedule_index([h.id for h in items])
        self._counts_timer.start()

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
        me = ws.annotations().author.id

        def work(_p: Any, _c: Any) -> tuple[Any, Taxonomy | None, list[str]]:
            store = ws.annotations()
            changes = store.reload()
            names = []
            for hid in (*changes.added, *changes.changed):
                try:
                    author = store.get(hid).author
                except ReaderError:
                    continue
                if author.id != me and author.name not in names:
                    names.append(author.name)
            themes = ws.themes()
            tax = themes.taxonomy() if themes.reload() else None
            return changes, tax, names

        def done(result: tuple[Any, Taxonomy | None, list[str]]) -> None:
            changes, tax, names = result
            if ws is not self.ws:
                return
            if tax is not None:
                self.tax = tax
                self.themes_changed.emit(tax)
                self.session.load_themes()
                self.notice.emit("The group's themes were updated.")
            self.changed_on_disk(changes, names)

        def finished() -> None:
            self._reloading = False
            if self._reload_again:
                self._reload_again = False
                self.reload_from_disk()

        task = self.runner.run(work, label="Reading changed highlights", visible=False,
                               on_done=done,
                               on_error=lambda exc: log.warning("reload: %s", exc))
        task.finished.connect(finished)

    def changed_on_disk(self, changes: Any, names: list[str] | None = None) -> None:
        """Show highlights that others (or this person elsewhere) saved: found by a
        re-read, or merged in by a save of your file (``StoreChanges``)."""
        if changes.empty:
            return
        self.highlights_changed.emit(HighlightChange(reload=True))
        self._schedule_index([*changes.added, *changes.changed, *changes.removed])
        self._counts_timer.start()
        self.authors_changed.emit()
        self.notice.emit(_change_sentence(changes, names or []))

    def import_done(self) -> None:
        """An import changed the store and maybe the themes: show it everywhere."""
        tax = self.themes.taxonomy()
        self.taxonomy_restored(tax)
        self.highlights_changed.emit(HighlightChange(reload=True))
        self.authors_changed.emit()
        self.autosave.schedule()

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
        if ws is None or ids == set() or not core_access.search_available():
            return
        wanted = sorted(ids) if ids is not None else None
        self.runner.run(lambda _p, _c: ws.search().update_annotations(wanted),
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
