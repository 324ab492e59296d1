"""The main window: library and outline docks on the left, search on the right, the reader
in the centre, a status bar; menus for every action; files dropped on it are imported.

The window lays out and wires; what its actions do lives in three collaborators it owns:
:class:`~reader.ui.window.workspace_actions.WorkspaceActions` (``workspace_actions``),
:class:`~reader.ui.window.reading_actions.ReadingActions` (``reading``) and
:class:`~reader.ui.window.search_actions.SearchActions` (``searching``)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from reader.ui import messages
from reader.ui.live_workspace import LiveWorkspace
from reader.ui.resources import app_icon
from reader.ui.session import Session
from reader.ui.widgets.library_panel import LibraryPanel
from reader.ui.widgets.outline_panel import OutlinePanel
from reader.ui.widgets.reader_area import ReaderArea
from reader.ui.widgets.reader_tab import ReaderTab
from reader.ui.widgets.search_panel import SearchPanel
from reader.ui.widgets.status_bar import StatusBar
from reader.ui.window import menus
from reader.ui.window.annotation_ui import AnnotationUI
from reader.ui.window.compare_ui import CompareUI
from reader.ui.window.discussion_ui import DiscussionUI
from reader.ui.window.page_actions import PageActions
from reader.ui.window.reading_actions import ReadingActions
from reader.ui.window.search_actions import SearchActions
from reader.ui.window.workspace_actions import WorkspaceActions

log = logging.getLogger(__name__)
STATE_VERSION = 1


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.panels_menu: QMenu | None = None
        self.workspace_actions = WorkspaceActions(self)
        self.reading = ReadingActions(self)
        self.searching = SearchActions(self)
        self.pages = PageActions(self)

        self.area = ReaderArea(session)
        self.setCentralWidget(self.area)
        self.library = LibraryPanel(session.prefs)
        self.search = SearchPanel(session.prefs)
        self.outline = OutlinePanel()
        self.library_dock = self._dock("libraryDock", "Library", self.library,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.outline_dock = self._dock("outlineDock", "Outline", self.outline,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.search_dock = self._dock("searchDock", "Search", self.search,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.library_dock, self.outline_dock)
        self.library_dock.raise_()
        self.status = StatusBar(session.runner)
        self.setStatusBar(self.status)
        self.live = LiveWorkspace(session, self)  # files arriving while the app runs

        self.actions_ = menus.build(self)
        self.recent_menu = menus.build_menus(self, self.actions_)
        self.recent_menu.aboutToShow.connect(self.workspace_actions.fill_recent)
        assert self.panels_menu is not None
        for dock, keys in ((self.library_dock, "Ctrl+1"), (self.outline_dock, "Ctrl+2"),
                           (self.search_dock, "Ctrl+3")):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(keys)
            self.panels_menu.addAction(toggle)
        self._connect()
        self.annotating = AnnotationUI(self)  # highlights, themes, sharing (its own docks)
        self.discussing = DiscussionUI(self.annotating)  # replies and links
        self.comparing = CompareUI(self)  # the Compare panel, agreement, the Compare menu
        self.reading.sync_font_actions()
        self.reading.update_enabled()
        self.workspace_actions.show_state()  # no workspace yet
        self.resize(1280, 800)
        self._restore_layout()

    def _dock(self, name: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(f"{title} panel")
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        s, ws, rd, se = self.session, self.workspace_actions, self.reading, self.searching
        s.workspace_changed.connect(ws.on_workspace)
        s.documents_changed.connect(ws.on_documents)
        s.themes_loaded.connect(ws.on_themes)
        s.index_state_changed.connect(self.status.set_index_state)
        s.annotation_counts_changed.connect(self.library.set_annotation_counts)
        s.search_finished.connect(se.on_search_results)
        s.search_failed.connect(se.on_search_failed)
        s.import_finished.connect(ws.on_import_finished)
        s.library_problems.connect(self._on_library_problems)
        s.problem.connect(lambda exc: messages.show_error(self, exc))
        s.runner.task_failed.connect(lambda _task, exc: messages.show_error(self, exc))
        self.library.open_requested.connect(lambda doc_id: self.open_document(doc_id))
        self.library.properties_requested.connect(rd.show_properties)
        self.library.original_requested.connect(self.pages.open_original)
        self.library.folder_requested.connect(self.pages.show_in_folder)
        self.library.theme_filter_changed.connect(se.filter_by_theme)
        self.search.query_requested.connect(se.run_search)
        self.search.hit_activated.connect(
            lambda doc_id, offset, matches: self.open_document(doc_id, offset=offset,
                                                               matches=matches))
        self.search.help_requested.connect(se.show_search_help)
        self.outline.jump_requested.connect(rd.jump_in_current)
        self.outline.section_requested.connect(lambda doc_id: self.open_document(doc_id))
        self.library.chapter_requested.connect(rd.open_chapter)
        self.area.link_activated.connect(rd.follow_link)
        self.live.arrived.connect(lambda text: self.status.showMessage(text, 15_000))
        self.live.watching.connect(self.status.set_watch_state)
        self.area.current_changed.connect(rd.on_current_tab)
        self.area.current_changed.connect(lambda _tab: self.pages.sync_action())
        self.area.text_shown.connect(rd.on_text_shown)
        self.area.text_shown.connect(self.pages.on_text_shown)
        self.area.place_changed.connect(rd.update_place)
        self.area.history_changed.connect(rd.update_enabled)
        welcome = self.area.welcome
        welcome.open_library.connect(rd.show_library)
        welcome.start_search.connect(se.focus_search)
        welcome.import_files.connect(ws.import_dialog)
        welcome.add_samples.connect(ws.add_samples)
        welcome.choose_workspace.connect(ws.open_workspace_dialog)
        self.library.import_requested.connect(ws.import_dialog)
        self.library.samples_requested.connect(ws.add_samples)
        self.library.choose_workspace_requested.connect(ws.open_workspace_dialog)
        welcome.continue_reading.connect(lambda doc_id: self.open_document(doc_id))

    # -- the verbs other parts of the app call -----------------------------------------------
    def open_document(self, doc_id: str, *, offset: int | None = None,
                      page: str | None = None,
                      matches: tuple[tuple[int, int], ...] = ()) -> ReaderTab | None:
        """Open (or show) a document at an offset, a page or matches."""
        return self.reading.open_document(doc_id, offset=offset, page=page, matches=matches)

    def open_ref(self, ref: str, page: str | None = None) -> None:
        """Open a document by path (imported first if it is outside the workspace) or id."""
        self.reading.open_ref(ref, page)

    def open_workspace(self, path: str | Path | None, *, create: bool = False) -> bool:
        return self.workspace_actions.open_workspace(path, create=create)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders (menu and drag and drop both come here)."""
        self.workspace_actions.import_paths(paths)

    # -- layout persistence ----------------------------------------------------------------
    def _on_library_problems(self, lines: list[str]) -> None:
        """What a refresh found wrong with the workspace's files (each said once)."""
        n = len(lines)
        messages.show_problems(
            self, "Some files in this workspace need attention",
            f"{n} problem{'s' if n != 1 else ''} reading this workspace; everything else "
            "is shown.", lines)

    def _restore_layout(self) -> None:
        prefs = self.session.prefs
        geometry = prefs.blob("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = prefs.blob("state")
        if state is not None and self.restoreState(state, STATE_VERSION):
            return
        if state is not None:
            log.info("the saved window layout was not usable; using the default")
        # the library a little wider than its content asks: titles show at a glance
        width = max(340, self.library.sizeHint().width())
        self.resizeDocks([self.library_dock], [width], Qt.Orientation.Horizontal)

    def save_layout(self) -> None:
        prefs = self.session.prefs
        prefs.set_blob("geometry", self.saveGeometry())
        prefs.set_blob("state", self.saveState(STATE_VERSION))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.annotating.shutdown():  # highlights could not be saved: say so once
            event.ignore()
            return
        self.area.remember_all()
        self.save_layout()
        self.live.stop()
        self.session.shutdown()
        self.session.prefs.flush()
        super().closeEvent(event)

    # -- drag and drop: the same path as File → Import -------------------------------------
    @staticmethod
    def dropped_paths(mime: QMimeData) -> list[Path]:
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.session.workspace is not None and self.dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
