"""The session: the open workspace, and the core's news turned into Qt signals.

Widgets never call the core on the GUI thread for anything slow: they ask the session, which
runs the operation (:mod:`reader.ops`) through the one :class:`~reader.ui.tasks.TaskRunner`
and announces the outcome with a signal (documents changed, index state, search results,
counts).

:meth:`Session.apply` is the one place where what an operation changed (its
:class:`~reader.model.changes.ChangeSet`) becomes refreshes: the document list and counts
here, and :attr:`Session.changed` for the highlights and themes (the annotation
controller listens).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.errors import ReaderError, WorkspaceError
from reader.model.changes import ChangeSet
from reader.model.codes import ChapterText, CodeCollection, CodeNode, SectionPlace
from reader.model.documents import DocText, Document, Link
from reader.ops import codes, library, queries, search, themes
from reader.ops.workspace import Workspace, open_workspace
from reader.progress import CancelToken, ProgressFn
from reader.settings import Settings
from reader.ui.prefs import Prefs
from reader.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)
START_DELAY_MS = 150


class Session(QObject):
    workspace_changed = Signal(object)  # Workspace
    documents_changed = Signal()
    index_state_changed = Signal(str)  # a sentence for the status bar
    annotation_counts_changed = Signal(dict)  # doc id → highlights
    search_finished = Signal(object, int)  # SearchResults, request serial
    search_failed = Signal(object, int)  # exception, request serial
    import_finished = Signal(object)  # LibraryChanges
    problem = Signal(object)  # a ReaderError the window should show
    library_problems = Signal(list)  # [str] new lines about the workspace's files
    themes_loaded = Signal(list)  # [ThemeChoice]
    changed = Signal(object)  # ChangeSet: highlights, themes or authors changed
    _batch = Signal(object)  # LibraryChanges from a worker: relayed to the GUI thread

    def __init__(self, settings: Settings, runner: TaskRunner | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.prefs = Prefs(settings, self)
        self.runner = runner or TaskRunner(self)
        self.workspace: Workspace | None = None
        self.index_state = ""
        self._docs: dict[str, Document] = {}
        self.collections: tuple[CodeCollection, ...] = ()  # codes of one-section files
        self._search_serial = 0
        self._refresh_task: Task | None = None
        #: The open workspace's files were looked through once since it opened (until then
        #: an empty list may just not be known yet: not "an empty workspace")
        self.library_checked = False
        self._shown_problems: set[str] = set()
        self._batch.connect(self._on_batch)
        # background work starts once the window is on screen: start-up stays quick
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(START_DELAY_MS)
        self._start_timer.timeout.connect(self._start_pending)
        self._pending_start: tuple[Workspace, bool] | None = None

    # -- workspace -------------------------------------------------------------------------
    def open_workspace(self, path: str | Path | None, *, create: bool = False,
                       refresh: bool = True) -> Workspace:
        """Open a workspace (raises ``WorkspaceError``) and bring it up to date in the
        background. The library lists what is already known at once."""
        ws = open_workspace(path, create=create, settings=self.settings)
        if self._refresh_task is not None:
            self._refresh_task.cancel()
        self.workspace = ws
        self.library_checked = not refresh  # without a refresh, the list known is the list
        self._docs = {}
        self._reload_documents()
        self.workspace_changed.emit(ws)
        self.documents_changed.emit()
        self._pending_start = (ws, refresh)
        self._start_timer.start()
        return ws

    def shutdown(self) -> None:
        """The window closes: background work still to start does not, running work is
        cancelled."""
        self._start_timer.stop()
        self._pending_start = None
        self.runner.cancel_all()

    def _start_pending(self) -> None:
        pending, self._pending_start = self._pending_start, None
        if pending is not None:
            self._start_background(*pending)

    def _start_background(self, ws: Workspace, refresh: bool) -> None:
        if ws is not self.workspace:
            return
        try:
            self.settings.add_recent_workspace(ws.root)
        except ReaderError as exc:
            log.warning("cannot remember the workspace: %s", exc)
        if refresh:
            self.refresh()
        self.load_annotation_counts()
        self.load_themes()

    def load_themes(self) -> None:
        ws = self.workspace
        if ws is None:
            return

        def done(choices: list[themes.ThemeChoice]) -> None:
            if ws is self.workspace:
                self.themes_loaded.emit(choices)

        self.runner.run(lambda _p, _c: themes.choices(ws), label="Reading themes",
                        visible=False, on_done=done,
                        on_error=lambda exc: log.warning("themes: %s", exc))

    def require(self) -> Workspace:
        if self.workspace is None:
            raise WorkspaceError("No workspace is open.", "Open or create one from the File menu.")
        return self.workspace

    # -- documents -------------------------------------------------------------------------
    def _reload_documents(self) -> None:
        ws = self.workspace
        self._docs = {d.id: d for d in library.documents(ws)} if ws else {}
        try:
            self.collections = codes.collections(ws) if ws else ()
        except ReaderError as exc:  # the codes are a view: the list stays usable
            log.warning("codes not grouped: %s", exc)
            self.collections = ()

    def section_place(self, doc_id: str) -> SectionPlace | None:
        """Where a section file stands in its code (None for any other document)."""
        ws = self.workspace
        return codes.section_place(ws, doc_id, self.collections) if ws else None

    def load_chapter(self, node: CodeNode, on_done: Callable[[ChapterText], None]) -> Task:
        """A chapter's sections read as one text, in code order (background)."""
        ws = self.require()
        return self.runner.run(lambda _p, _c: codes.chapter(ws, node),
                               label=f"Opening {node.label}", on_done=on_done)

    def follow_link(self, doc_id: str, link: Link, on_done: Callable[[Any], None],
                    on_error: Callable[[BaseException], None]) -> Task:
        """Where a cross-reference leads (``on_error`` hears "… is not in this workspace")."""
        ws = self.require()
        return self.runner.run(lambda _p, _c: codes.follow_link(ws, doc_id, link),
                               label=f"Opening {link.target}", visible=False,
                               on_done=on_done, on_error=on_error)

    def documents(self) -> list[Document]:
        return list(self._docs.values())

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def find_document(self, ref: str) -> Document:
        return library.find_document(self.require(), ref)

    @Slot(object)
    def _on_batch(self, _changes: object) -> None:
        self._reload_documents()
        self.documents_changed.emit()

    def refresh(self, *, rebuild: bool = False) -> Task:
        """Bring the library and the search index up to date (background, cancellable)."""
        ws = self.require()

        def work(progress: ProgressFn, cancel: CancelToken) -> Any:
            return library.refresh(self._scheduled(ws), rebuild=rebuild, progress=progress,
                                   cancel=cancel,
                                   on_batch=self._batch.emit)

        label = "Rebuilding the library and index" if rebuild else "Updating the library"
        task = self.runner.run(work, label=label,
                               on_done=lambda done: self._read(ws, done))
        task.failed.connect(lambda _exc: self._refresh_failed(ws))
        self._refresh_task = task
        self.index_state_changed.emit("Updating…")
        return task

    def _refresh_failed(self, ws: Workspace) -> None:
        self.refresh_index_state()
        if ws is self.workspace and not self.library_checked:
            self.library_checked = True  # what is listed is all there is to show
            self.documents_changed.emit()

    def import_files(self, paths: Iterable[str | Path]) -> Task:
        """Copy files or folders into the workspace, read and index them (background).
        Drag and drop and File → Import use this same path."""
        ws = self.require()
        items = [Path(p) for p in paths]
        label = f"Importing {items[0].name}" if len(items) == 1 else \
            f"Importing {len(items)} items"
        return self._import(ws, label, lambda progress, cancel: library.import_files(
            self._scheduled(ws), items, progress=progress, cancel=cancel,
            on_batch=self._batch.emit))

    def add_samples(self) -> Task:
        """Copy the bundled sample documents into the workspace (an empty workspace
        offers it), read and index them (background)."""
        ws = self.require()
        return self._import(ws, "Adding the sample documents",
                            lambda progress, cancel: library.add_samples(
                                self._scheduled(ws), progress=progress, cancel=cancel,
                                on_batch=self._batch.emit))

    def _import(self, ws: Workspace, label: str,
                work: Callable[[ProgressFn, CancelToken], Any]) -> Task:
        def done(outcome: Any) -> None:
            self._shown_problems.update(outcome.value.problems)  # the import says them
            self._read(ws, outcome)
            self.import_finished.emit(outcome.value)

        return self.runner.run(work, label=label, on_done=done)

    def scheduled(self, ws: Workspace) -> Workspace:
        """``ws`` with the index's upkeep on the task runner (for other GUI operations)."""
        return self._scheduled(ws)

    def read_outcome(self, ws: Workspace, outcome: Any) -> None:
        """Apply a library operation's outcome (as an import or a refresh does)."""
        self._read(ws, outcome)

    def _scheduled(self, ws: Workspace) -> Workspace:
        """``ws`` with the search index's background upkeep run by the task runner
        (cancellable) and its merging in a child process (the window never waits on it);
        called on the worker, where the index may be opened."""
        search.use_scheduler(ws, self.runner.schedule, in_child=True)
        return ws

    def _read(self, ws: Workspace, outcome: Any) -> None:
        """The library was read: apply what changed, and say each new problem once a
        session (a damaged documents.json, a pipe, a bad name…)."""
        if ws is not self.workspace:
            return
        self.library_checked = True
        self.apply(outcome.changes)
        problems = getattr(outcome.value, "problems", ()) if outcome.changes.documents else ()
        lines = [*problems, *library.untold_problems(ws)]
        new = [line for line in dict.fromkeys(lines) if line not in self._shown_problems]
        if new:
            self._shown_problems.update(new)
            self.library_problems.emit(new)

    def _applied(self, ws: Workspace, changes: ChangeSet) -> None:
        if ws is self.workspace:
            self.apply(changes)

    def apply(self, changes: ChangeSet) -> None:
        """Refresh what an operation changed (the one place that maps a change set to the
        models): the document list and highlight counts, the index's state, the theme
        lists; :attr:`changed` tells the annotation side."""
        if changes.documents:
            self._reload_documents()
            self.documents_changed.emit()
        if changes.index:
            self.refresh_index_state()
        if changes.all_documents:
            self.load_annotation_counts()  # (after highlight edits: the controller, debounced)
        if changes.themes:
            self.load_themes()
        if changes.annotations or changes.themes or changes.authors:
            self.changed.emit(changes)

    def refresh_index_state(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        try:
            self.index_state = search.summary(ws)
        except ReaderError as exc:
            self.index_state = str(exc)
        self.index_state_changed.emit(self.index_state)

    def open_path(self, path: str | Path, on_done: Callable[[Document], None]) -> Task:
        """The document for a file: already in the library, or read now (a file inside the
        workspace), or imported first (a file from elsewhere). Background; errors go to
        the window like any task's."""
        ws = self.require()
        target = Path(path).expanduser().resolve()

        def work(progress: ProgressFn, cancel: CancelToken) -> Any:
            return library.open_file(self._scheduled(ws), target, progress=progress,
                                     cancel=cancel,
                                     on_batch=self._batch.emit)

        def done(outcome: Any) -> None:
            self._read(ws, outcome)
            on_done(outcome.value)

        return self.runner.run(work, label=f"Opening {target.name}", on_done=done)

    def load_text(self, doc_id: str, on_done: Callable[[DocText], None],
                  on_error: Callable[[BaseException], None]) -> Task:
        ws = self.require()
        return self.runner.run(lambda _p, _c: library.document_text(ws, doc_id),
                               label="Opening the document", visible=False,
                               on_done=on_done, on_error=on_error)

    def set_meta(self, doc_id: str, **fields: str) -> Document:
        outcome = library.set_metadata(self.require(), doc_id, **fields)
        self.apply(outcome.changes)
        return outcome.value

    # -- annotations and themes ------------------------------------------------------------
    def load_annotation_counts(self) -> None:
        ws = self.workspace
        if ws is None:
            return

        def done(counts: dict[str, int]) -> None:
            if ws is self.workspace:
                self.annotation_counts_changed.emit(counts)

        self.runner.run(lambda _p, _c: queries.counts_by_document(ws),
                        label="Counting highlights", visible=False, on_done=done,
                        on_error=lambda exc: log.warning("highlight counts: %s", exc))

    # -- search ----------------------------------------------------------------------------
    def search(self, query: str, *, sort: str = "relevance",
               filters: dict[str, str] | None = None, limit: int = 30) -> int:
        """Run a search in the background; the answer comes as :attr:`search_finished`
        with the returned serial (older answers can be dropped)."""
        ws = self.require()
        self._search_serial += 1
        serial = self._search_serial
        self.runner.run(lambda _p, _c: search.search(ws, query, limit=limit, sort=sort,
                                                     filters=filters),
                        label="Searching", visible=False,
                        on_done=lambda res: self.search_finished.emit(res, serial),
                        on_error=lambda exc: self.search_failed.emit(exc, serial))
        return serial

    @property
    def search_serial(self) -> int:
        return self._search_serial
