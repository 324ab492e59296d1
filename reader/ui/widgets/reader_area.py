"""The centre of the window: the welcome panel, or the open documents as tabs, with back and
forward across jumps and the reading position of each document remembered."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

from reader.errors import ReaderError
from reader.model.documents import DocText, Document
from reader.ui.accessibility import name_close_button
from reader.ui.history import Location, NavigationHistory
from reader.ui.reader_doc import ReaderStyle
from reader.ui.session import Session
from reader.ui.widgets.document_tabs import DocumentTabBar, tab_tooltip
from reader.ui.widgets.reader_tab import ReaderTab
from reader.ui.widgets.welcome_panel import WelcomePanel

log = logging.getLogger(__name__)
MAX_TABS = 30


class ReaderArea(QStackedWidget):
    current_changed = Signal(object)  # ReaderTab | None
    text_shown = Signal(str)  # doc id
    link_activated = Signal(str, object)  # doc id (or a chapter's), the Link followed
    place_changed = Signal()  # the top of the current view moved
    history_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.history = NavigationHistory()
        self.welcome = WelcomePanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("documentTabs")
        self.tabs.setTabBar(DocumentTabBar(self.tabs))
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setAccessibleName("Open documents")
        self._restore_pending = False  # a workspace opened: reopen its tabs once it lists
        self._quiet = False  # closing every tab (another workspace): keep what was saved
        self.addWidget(self.welcome)
        self.addWidget(self.tabs)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_current)
        self.tabs.tabBar().tabMoved.connect(lambda _a, _b: self.save_tabs())
        session.workspace_changed.connect(self._on_workspace)
        session.documents_changed.connect(self._restore_tabs)
        self.currentChanged.connect(lambda _i: self.updateGeometry())  # see minimumSizeHint

    def minimumSizeHint(self) -> QSize:
        """The page shown decides: the welcome page's cards must not make the window wider
        than a laptop screen while a document is open beside the side panels."""
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    # -- tabs ------------------------------------------------------------------------------
    def reader_style(self) -> ReaderStyle:
        prefs = self.session.prefs
        return ReaderStyle(prefs.font_style, prefs.point_size)

    def current_tab(self) -> ReaderTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ReaderTab) else None

    def all_tabs(self) -> list[ReaderTab]:
        return [t for i in range(self.tabs.count())
                if isinstance(t := self.tabs.widget(i), ReaderTab)]

    def tab_for(self, doc_id: str) -> ReaderTab | None:
        return next((t for t in self.all_tabs() if t.doc_id == doc_id), None)

    def here(self) -> Location | None:
        tab = self.current_tab()
        return (tab.doc_id, tab.current_offset()) if tab is not None else None

    def open(self, doc: Document, *, offset: int | None = None, page: str | None = None,
             matches: tuple[tuple[int, int], ...] = (), record: bool = True) -> ReaderTab:
        """Show ``doc`` (in its tab, or a new one) at ``offset`` / ``page`` / the remembered
        position, marking ``matches``."""
        if record:
            here = self.here()
            if here is not None:
                self.history.push(here)
                self.history_changed.emit()
        tab = self.tab_for(doc.id)
        if tab is None:
            tab = self._new_tab(doc, offset is None and page is None)
        self.tabs.setCurrentWidget(tab)
        self.setCurrentWidget(self.tabs)
        if page is not None:
            tab.pending_page = page
            if tab.is_ready:
                self._apply_page(tab)
        elif offset is not None:
            tab.jump(offset, matches)
        return tab

    def open_text(self, doc: Document, text: DocText, *, offset: int = 0) -> ReaderTab:
        """Show a text that is no document of the library (a chapter read in order) in a
        tab of its own, read-only: nothing is highlighted or remembered there."""
        here = self.here()
        if here is not None:
            self.history.push(here)
            self.history_changed.emit()
        tab = self.tab_for(doc.id)
        if tab is None:
            if self.tabs.count() >= MAX_TABS:
                self.close_tab(0)
            tab = ReaderTab(doc, self.reader_style(), readonly=True)
            tab.link_activated.connect(self.link_activated)
            index = self.tabs.addTab(tab, doc.title)
            self.tabs.setTabToolTip(index, tab_tooltip(doc.title, doc.path))
            self.tabs.tabBar().setAccessibleTabName(index, doc.title)
            name_close_button(self.tabs.tabBar(), index, doc.title)
            tab.show_text(text, offset)
        self.tabs.setCurrentWidget(tab)
        self.setCurrentWidget(self.tabs)
        self.text_shown.emit(doc.id)
        return tab

    def _new_tab(self, doc: Document, restore: bool, *, lazy: bool = False) -> ReaderTab:
        """A tab for ``doc``; its text is read now, or (``lazy``: tabs reopened after a
        restart) when the tab is first shown."""
        if self.tabs.count() >= MAX_TABS:
            self.close_tab(0)
        tab = ReaderTab(doc, self.reader_style())
        tab.location_changed.connect(self._remember)
        tab.link_activated.connect(self.link_activated)
        index = self.tabs.addTab(tab, doc.title)
        self.tabs.setTabToolTip(index, tab_tooltip(doc.title, doc.path))
        self.tabs.tabBar().setAccessibleTabName(index, doc.title)
        name_close_button(self.tabs.tabBar(), index, doc.title)
        start = (self.session.prefs.position(doc.id) or 0) if restore else 0

        def shown(text: DocText) -> None:
            if self.tab_for(doc.id) is tab:
                tab.show_text(text, start)
                self._apply_page(tab)
                self.text_shown.emit(doc.id)

        def failed(exc: BaseException) -> None:
            message = str(exc) if isinstance(exc, ReaderError) else "This document could not " \
                "be opened. The details are in the log (Help → Open Log Folder)."
            if not isinstance(exc, ReaderError):
                log.error("opening %s failed: %r", doc.path, exc)
            tab.show_problem(message)

        def load() -> None:
            self.session.load_text(doc.id, shown, failed)

        if lazy:
            tab.pending_load = load
        else:
            load()
        self.save_tabs()
        return tab

    def _apply_page(self, tab: ReaderTab) -> None:
        page = tab.pending_page
        if page is None:
            return
        tab.pending_page = None
        offset = tab.page_offset(page)
        if offset is None:
            self.session.problem.emit(ReaderError(
                f"{tab.doc.title} has no page {page}.",
                f"It has {len(tab.doc_text.pages) if tab.doc_text else 0} pages."))
            return
        tab.jump(offset)

    def close_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, ReaderTab):
            if tab.is_ready and not tab.readonly:
                self.session.prefs.set_position(tab.doc_id, tab.current_offset())
            self.tabs.removeTab(index)
            tab.deleteLater()
            self.save_tabs()
        if self.tabs.count() == 0:
            self.setCurrentWidget(self.welcome)
            self.current_changed.emit(None)

    def close_all(self) -> None:
        """Close every tab (another workspace opens): the open tabs saved for this one
        stay saved."""
        self._quiet = True
        try:
            while self.tabs.count():
                self.close_tab(self.tabs.count() - 1)
        finally:
            self._quiet = False

    def remember_all(self) -> None:
        """Keep each tab's place, and which tabs are open (reopened at the next start)."""
        for tab in self.all_tabs():
            if tab.is_ready and not tab.readonly:
                self.session.prefs.set_position(tab.doc_id, tab.current_offset())
        self.save_tabs()

    def save_tabs(self) -> None:
        ws = self.session.workspace
        if ws is None or self._quiet or self._restore_pending:
            return
        tab = self.current_tab()
        kept = [t.doc_id for t in self.all_tabs() if not t.readonly]  # not a chapter's
        self.session.prefs.set_open_tabs(str(ws.root), kept,
                                         tab.doc_id if tab is not None and not tab.readonly
                                         else "")

    def _on_workspace(self, _ws: object) -> None:
        self._restore_pending = True

    def _restore_tabs(self) -> None:
        """Reopen the tabs that were open when this workspace was last left (once, when it
        first lists its documents); only the current one is read now."""
        ws = self.session.workspace
        if not self._restore_pending or ws is None or not self.session.documents():
            return
        self._restore_pending = False
        if self.tabs.count():  # something was opened meanwhile (Open With): keep it
            return
        ids, current = self.session.prefs.open_tabs(str(ws.root))
        docs = [d for d in (self.session.document(i) for i in ids) if d is not None]
        if not docs:
            return
        self._quiet = True
        try:
            for doc in docs:
                self._new_tab(doc, True, lazy=True)
        finally:
            self._quiet = False
        chosen = self.tab_for(current) or self.all_tabs()[0]
        self.tabs.setCurrentWidget(chosen)
        self.setCurrentWidget(self.tabs)
        self._on_current(self.tabs.currentIndex())
        self.save_tabs()

    def _on_current(self, _index: int) -> None:
        tab = self.current_tab()
        if tab is not None and tab.pending_load is not None:
            load, tab.pending_load = tab.pending_load, None
            load()
        self.save_tabs()
        self.current_changed.emit(tab)

    def _remember(self, doc_id: str, offset: int) -> None:
        self.session.prefs.set_position(doc_id, offset)
        self.place_changed.emit()

    def update_documents(self) -> None:
        """Refresh tab titles after the library changed; tabs of removed documents say so."""
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if not isinstance(tab, ReaderTab):
                continue
            doc = self.session.document(tab.doc_id)
            if doc is None:
                continue
            if doc != tab.doc:
                tab.update_document(doc)
            self.tabs.setTabText(i, doc.title)
            self.tabs.setTabToolTip(i, tab_tooltip(doc.title, doc.path))
            self.tabs.tabBar().setAccessibleTabName(i, doc.title)
            name_close_button(self.tabs.tabBar(), i, doc.title)

    def set_reader_style(self, style: ReaderStyle) -> None:
        for tab in self.all_tabs():
            tab.set_reader_style(style)

    # -- history ---------------------------------------------------------------------------
    def go(self, location: Location | None) -> bool:
        if location is None:
            return False
        doc_id, offset = location
        doc = self.session.document(doc_id)
        if doc is None:
            chapter = self.tab_for(doc_id)  # a chapter's tab, while it is open
            if chapter is not None and chapter.readonly:
                self.tabs.setCurrentWidget(chapter)
                chapter.jump(offset)
                self.history_changed.emit()
                return True
            self.history.forget(doc_id)
            return False
        self.open(doc, offset=offset, record=False)
        self.history_changed.emit()
        return True

    def back(self) -> bool:
        return self.go(self.history.back(self.here()))

    def forward(self) -> bool:
        return self.go(self.history.forward(self.here()))
