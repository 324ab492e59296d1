"""The main window's reading actions: opening documents (by id, path or file dialog), their
properties, copy and find, zoom and fonts, moving back and forward and between tabs, and the
status bar's place and the actions' enabled state. The window owns one
(``window.reading``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from reader.errors import ReaderError
from reader.model.codes import ChapterText, CodeNode
from reader.model.documents import DocMeta, DocStatus, Document, Link
from reader.ops.codes import LinkTarget
from reader.ui import messages
from reader.ui.prefs import DEFAULT_POINT_SIZE
from reader.ui.widgets.properties_dialog import PropertiesDialog
from reader.ui.widgets.reader_tab import ReaderTab
from reader.ui.window.workspace_actions import document_patterns

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)
ZOOM_STEP = 1.1


class ReadingActions:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.chapters: dict[str, ChapterText] = {}  # chapters read in order, by tab id

    def open_file_dialog(self) -> None:
        patterns = document_patterns()
        start = str(self.w.session.workspace.root) if self.w.session.workspace else ""
        path, _ = QFileDialog.getOpenFileName(self.w, "Open a document", start,
                                              f"Documents ({patterns});;All files (*)")
        if path:
            self.open_ref(path)

    def open_ref(self, ref: str, page: str | None = None) -> None:
        """Open a document by path (imported first if it is outside the workspace) or id."""
        if Path(ref).expanduser().exists():
            self.w.session.open_path(ref, lambda doc: self.open_document(doc.id, page=page))
            return
        try:
            doc = self.w.session.find_document(ref)
        except ReaderError as exc:
            messages.show_error(self.w, exc)
            return
        self.open_document(doc.id, page=page)

    def open_document(self, doc_id: str, *, offset: int | None = None, page: str | None = None,
                      matches: tuple[tuple[int, int], ...] = ()) -> ReaderTab | None:
        doc: Document | None = self.w.session.document(doc_id)
        if doc is None:
            messages.show_error(self.w, ReaderError("That document is no longer in the library."))
            return None
        if self.w.pages.needs_password(doc):  # asked for; opened once it is read with it
            self.w.pages.ask_password(
                doc, lambda d: self.open_document(d, offset=offset, page=page, matches=matches))
            return None
        tab = self.w.area.open(doc, offset=offset, page=page, matches=matches)
        self.w.library.select_doc(doc_id)
        self.update_enabled()
        return tab

    def show_properties(self, doc_id: str | None = None) -> None:
        tab = self.w.area.current_tab()
        doc_id = doc_id or (tab.doc_id if tab else None) or self.w.library.selected_doc_id()
        doc = self.w.session.document(doc_id) if doc_id else None
        if doc is None:
            return
        dialog = PropertiesDialog(doc, lambda values: self.w.session.set_meta(doc.id, **values),
                                  self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def tab(self) -> ReaderTab | None:
        return self.w.area.current_tab()

    def copy_selection(self) -> None:
        tab = self.tab()
        focus = self.w.focusWidget()
        if tab is not None and (focus is None or focus is tab.view or not hasattr(focus, "copy")):
            tab.view.copy()
        elif focus is not None and hasattr(focus, "copy"):
            focus.copy()

    def select_all(self) -> None:
        focus = self.w.focusWidget()
        tab = self.tab()
        if focus is not None and hasattr(focus, "selectAll") and (tab is None
                                                                   or focus is not tab.view):
            focus.selectAll()
        elif tab is not None:
            tab.view.selectAll()

    def find_in_document(self) -> None:
        tab = self.tab()
        if tab is not None:
            tab.open_find()

    def find_next(self) -> None:
        tab = self.tab()
        if tab is not None:
            if tab.find_bar.isHidden():
                tab.open_find()
            tab.find_next()

    def find_previous(self) -> None:
        tab = self.tab()
        if tab is not None:
            tab.find_previous()

    def clear_marks(self) -> None:
        """Esc: close the find bar if it is open, else clear the marks of a search hit."""
        tab = self.tab()
        if tab is None:
            return
        if tab.find_bar.isVisible():
            tab.close_find()
        else:
            tab.clear_temporary_marks()

    def set_size(self, size: float) -> None:
        self.w.session.prefs.point_size = size
        self.w.area.set_reader_style(self.w.area.reader_style())
        self.w.status.showMessage(f"Text size {round(size / DEFAULT_POINT_SIZE * 100)} %", 2000)

    def zoom_in(self) -> None:
        self.set_size(self.w.session.prefs.point_size * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_size(self.w.session.prefs.point_size / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_size(DEFAULT_POINT_SIZE)

    def set_font_style(self, style: str) -> None:
        if style != self.w.session.prefs.font_style:
            self.w.session.prefs.font_style = style
            self.w.area.set_reader_style(self.w.area.reader_style())
        self.sync_font_actions()

    def sync_font_actions(self) -> None:
        serif = self.w.session.prefs.font_style == "serif"
        actions = self.w.actions_
        for action, on in ((actions.font_serif, serif), (actions.font_sans, not serif)):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def toggle_full_screen(self) -> None:
        self.w.showNormal() if self.w.isFullScreen() else self.w.showFullScreen()

    def show_library(self) -> None:
        self.w.library_dock.show()
        self.w.library_dock.raise_()
        self.w.library.tree.setFocus()

    def go_back(self) -> None:
        self.w.area.back()
        self.update_enabled()

    def go_forward(self) -> None:
        self.w.area.forward()
        self.update_enabled()

    def go_to_page(self) -> None:
        tab = self.tab()
        if tab is None or tab.doc_text is None:
            return
        dialog = QInputDialog(self.w)
        dialog.setWindowTitle("Go to page")
        pages = tab.doc_text.pages
        dialog.setLabelText(f"Page (1–{len(pages)}, or a printed page label):")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda text: self.open_document(tab.doc_id,
                                                                         page=text.strip()))
        dialog.open()

    def jump_in_current(self, offset: int) -> None:
        tab = self.tab()
        if tab is not None:
            self.open_document(tab.doc_id, offset=offset)
            tab.view.setFocus()

    def next_tab(self) -> None:
        tabs = self.w.area.tabs
        if tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() + 1) % tabs.count())

    def previous_tab(self) -> None:
        tabs = self.w.area.tabs
        if tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() - 1) % tabs.count())

    def close_current_tab(self) -> None:
        if self.w.area.tabs.count():
            self.w.area.close_tab(self.w.area.tabs.currentIndex())
        self.update_enabled()

    def on_current_tab(self, tab: ReaderTab | None) -> None:
        self._show_outline(tab)
        self.update_place()
        self.update_enabled()

    def on_text_shown(self, doc_id: str) -> None:
        tab = self.tab()
        if tab is not None and tab.doc_id == doc_id:
            self._show_outline(tab)
            self.update_place()

    def _show_outline(self, tab: ReaderTab | None) -> None:
        """The open document's outline; a code's section in its place among its
        neighbours."""
        if tab is None:
            self.w.outline.show_outline(None)
            return
        place = None if tab.readonly else self.w.session.section_place(tab.doc_id)
        self.w.outline.show_outline(tab.doc_text, place)

    # -- codes and cross-references ----------------------------------------------------------
    def open_chapter(self, node: CodeNode) -> None:
        """Read a chapter (or a title) of a code in order, in a tab of its own."""
        def shown(chapter: ChapterText) -> None:
            doc = Document(chapter.text.doc_id, "", "xml", 0, 0, DocStatus.OK,
                           meta=DocMeta(title=chapter.title, kind="statute"))
            self.chapters = {k: v for k, v in self.chapters.items()
                             if self.w.area.tab_for(k) is not None}  # closed tabs' go
            self.chapters[chapter.text.doc_id] = chapter
            self.w.area.open_text(doc, chapter.text)
            self.update_enabled()

        self.w.session.load_chapter(node, shown)

    def follow_link(self, doc_id: str, link: Link) -> None:
        """Open the section a cross-reference names, when it is in the workspace; the
        status bar says so when it is not."""
        chapter = self.chapters.get(doc_id)
        if chapter is not None:  # a chapter read in order: the link's own section file
            part = chapter.part_at(link.start)
            doc_id = part.doc_id if part is not None else ""

        def opened(found: LinkTarget) -> None:
            self.open_document(found.doc_id, offset=found.offset)
            note = "" if found.exact else f" ({link.target} itself was not found)"
            self.w.status.showMessage(f"Opened {found.found}{note}.", 8000)

        def missing(exc: BaseException) -> None:
            if isinstance(exc, ReaderError):
                self.w.status.showMessage(exc.message, 10_000)
            else:
                messages.show_error(self.w, exc)

        self.w.session.follow_link(doc_id, link, opened, missing)

    def update_place(self) -> None:
        tab = self.tab()
        if tab is None or tab.doc_text is None:
            self.w.status.set_place("")
            return
        offset = tab.current_offset()
        page = tab.doc_text.page_at(offset)
        parts = []
        if page is not None and len(tab.doc_text.pages) > 1:
            parts.append(page.place(len(tab.doc_text.pages)))
        section = tab.doc_text.pinpoint(offset)
        if section:
            parts.append(section)
        self.w.status.set_place("   ".join(parts))

    def update_enabled(self) -> None:
        a = self.w.actions_
        has_ws = self.w.session.workspace is not None
        tab = self.tab()
        for name in ("import_files", "open_file", "reindex", "rebuild", "search", "properties"):
            a.all[name].setEnabled(has_ws)
        for name in ("close_tab", "find", "find_next", "find_previous", "go_to_page",
                     "copy"):
            a.all[name].setEnabled(tab is not None)
        a.back.setEnabled(self.w.area.history.can_go_back())
        a.forward.setEnabled(self.w.area.history.can_go_forward())
