"""The session: the open workspace, and the core's news turned into Qt signals.

Widgets never call the core on the GUI thread for anything slow: they ask the session, which
runs the core function through the one :class:`~reader.ui.tasks.TaskRunner` and announces
the outcome with a signal (documents changed, index state, search results, counts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.documents.scan import file_hash
from reader.errors import DocumentNotFound, ReaderError, WorkspaceError
from reader.model.documents import DocText, Document
from reader.progress import CancelToken, ProgressFn
from reader.settings import Settings
from reader.ui import core_access
from reader.ui.prefs import Prefs
from reader.ui.tasks import Task, TaskRunner
from reader.workspace import Workspace

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
        self._search_serial = 0
        self._refresh_task: Task | None = None
        self._shown_problems: set[str] = set()
        self._batch.connect(self._on_batch)

    # -- workspace -------------------------------------------------------------------------
    def open_workspace(self, path: str | Path | None, *, create: bool = False,
                       refresh: bool = True) -> Workspace:
        """Open a workspace (raises ``WorkspaceError``) and bring it up to date in the
        background. The library lists what is already known at once."""
        ws = Workspace.open(path, create=create, settings=self.settings)
        if self._refresh_task is not None:
            self._refresh_task.cancel()
        self.workspace = ws
        self._docs = {}
        self._reload_documents()
        self.workspace_changed.emit(ws)
        self.documents_changed.emit()
        # background work starts once the window is on screen: start-up stays quick
        QTimer.singleShot(START_DELAY_MS, lambda: self._start_background(ws, refresh))
        return ws

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

        def done(themes: list[core_access.ThemeChoice]) -> None:
            if ws is self.workspace:
                self.themes_loaded.emit(themes)

        self.runner.run(lambda _p, _c: core_access.themes(ws), label="Reading themes",
                        visible=False, on_done=done,
                        on_error=lambda exc: log.warning("themes: %s", exc))

    def require(self) -> Workspace:
        if self.workspace is None:
            raise WorkspaceError("No workspace is open.", "Open or create one from the File menu.")
        return self.workspace

    # -- documents -------------------------------------------------------------------------
    def _reload_documents(self) -> None:
        ws = self.workspace
        self._docs = {d.id: d for d in ws.library().documents()} if ws else {}

    def documents(self) -> list[Document]:
        return list(self._docs.values())

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def find_document(self, ref: str) -> Document:
        return self.require().library().find(ref)

    @Slot(object)
    def _on_batch(self, _changes: object) -> None:
        self._reload_documents()
        self.documents_changed.emit()

    def _library_update(self, ws: Workspace, progress: ProgressFn, cancel: CancelToken, *,
                        rebuild: bool = False) -> Any:
        return ws.library().update(progress=progress, cancel=cancel, rebuild=rebuild,
                                   on_batch=self._batch.emit)

    def refresh(self, *, rebuild: bool = False) -> Task:
        """Bring the library and the search index up to date (background, cancellable)."""
        ws = self.require()

        def work(progress: ProgressFn, cancel: CancelToken) -> Any:
            changes = self._library_update(ws, progress, cancel, rebuild=rebuild)
            self._update_index(ws, progress, cancel, rebuild=rebuild)
            return changes

        label = "Rebuilding the library and index" if rebuild else "Updating the library"
        task = self.runner.run(work, label=label,
                               on_done=lambda changes: self._after_update(ws, changes))
        task.failed.connect(lambda _exc: self.refresh_index_state())
        self._refresh_task = task
        self.index_state_changed.emit("Updating…")
        return task

    def import_files(self, paths: Iterable[str | Path]) -> Task:
        """Copy files or folders into the workspace, read and index them (background).
        Drag and drop and File → Import use this same path."""
        ws = self.require()
        items = [Path(p) for p in paths]

        def work(progress: ProgressFn, cancel: CancelToken) -> Any:
            changes = ws.library().add_files(items, progress=progress, cancel=cancel,
                                             on_batch=self._batch.emit)
            self._update_index(ws, progress, cancel)
            return changes

        label = f"Importing {items[0].name}" if len(items) == 1 else \
            f"Importing {len(items)} items"

        def done(changes: Any) -> None:
            self._shown_problems.update(getattr(changes, "problems", ()))  # the import says
            self._after_update(ws, changes)
            self.import_finished.emit(changes)

        return self.runner.run(work, label=label, on_done=done)

    def _update_index(self, ws: Workspace, progress: ProgressFn, cancel: CancelToken, *,
                      rebuild: bool = False) -> None:
        if not core_access.search_available():
            return
        search = ws.search()
        search.set_scheduler(self.runner.schedule)  # its background fold: a cancellable task
        if rebuild:
            search.rebuild(progress=progress, cancel=cancel)
        else:
            search.update(progress=progress, cancel=cancel)

    def _after_update(self, ws: Workspace, changes: Any) -> None:
        if ws is not self.workspace:
            return
        self._reload_documents()
        self.documents_changed.emit()
        self.refresh_index_state()
        self.load_annotation_counts()
        lines = [*getattr(changes, "problems", ()), *ws.library().untold_problems()]
        new = [line for line in dict.fromkeys(lines) if line not in self._shown_problems]
        if new:  # each said once a session (a damaged documents.json, a pipe, a bad name…)
            self._shown_problems.update(new)
            self.library_problems.emit(new)

    def refresh_index_state(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        if not core_access.search_available():
            self.index_state = "Search is not available in this build"
        else:
            try:
                status = ws.search().status()
                self.index_state = status.message or (
                    f"Index up to date · {status.documents:,} documents"
                    if status.state == "ready" else status.state.capitalize())
            except ReaderError as exc:
                self.index_state = str(exc)
        self.index_state_changed.emit(self.index_state)

    def open_path(self, path: str | Path, on_done: Callable[[Document], None]) -> Task:
        """The document for a file: already in the library, or read now (a file inside the
        workspace), or imported first (a file from elsewhere). Background; errors go to
        the window like any task's."""
        ws = self.require()
        target = Path(path).expanduser().resolve()

        def work(progress: ProgressFn, cancel: CancelToken) -> Document:
            if not target.is_file():
                raise DocumentNotFound(f"There is no file {target}.",
                                       "Check the path, or give a document id.")
            digest = file_hash(target)
            library = ws.library()
            try:
                return library.get(digest)
            except DocumentNotFound:
                pass
            if target.is_relative_to(ws.root):
                self._library_update(ws, progress, cancel)
            else:
                library.add_files([target], progress=progress, cancel=cancel,
                                  on_batch=self._batch.emit)
            self._update_index(ws, progress, cancel)
            return library.get(digest)

        def done(doc: Document) -> None:
            self._after_update(ws, None)
            on_done(doc)

        return self.runner.run(work, label=f"Opening {target.name}", on_done=done)

    def load_text(self, doc_id: str, on_done: Callable[[DocText], None],
                  on_error: Callable[[BaseException], None]) -> Task:
        ws = self.require()
        return self.runner.run(lambda _p, _c: ws.library().text(doc_id),
                               label="Opening the document", visible=False,
                               on_done=on_done, on_error=on_error)

    def set_meta(self, doc_id: str, **fields: str) -> Document:
        doc = self.require().library().set_meta(doc_id, **fields)
        self._docs[doc.id] = doc
        self.documents_changed.emit()
        return doc

    # -- annotations and themes ------------------------------------------------------------
    def load_annotation_counts(self) -> None:
        ws = self.workspace
        if ws is None:
            return

        def done(counts: dict[str, int]) -> None:
            if ws is self.workspace:
                self.annotation_counts_changed.emit(counts)

        self.runner.run(lambda _p, _c: core_access.annotation_counts(ws),
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
        if not core_access.search_available():
            self.search_failed.emit(ReaderError("Search is not available in this build."),
                                    serial)
            return serial
        self.runner.run(lambda _p, _c: ws.search().search(query, limit=limit, sort=sort,
                                                          filters=filters or {}),
                        label="Searching", visible=False,
                        on_done=lambda res: self.search_finished.emit(res, serial),
                        on_error=lambda exc: self.search_failed.emit(exc, serial))
        return serial

    @property
    def search_serial(self) -> int:
        return self._search_serial
