"""What the main window's actions do. A mixin of :class:`MainWindow` so the window module
keeps to layout and wiring; every slot here calls the session or a widget."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from reader import __version__
from reader.errors import ReaderError
from reader.extract.registry import FORMATS
from reader.log import log_file
from reader.model.documents import Document
from reader.search.api import SearchResults
from reader.ui import core_access, messages
from reader.ui.formatting import plural
from reader.ui.prefs import DEFAULT_POINT_SIZE
from reader.ui.widgets.help_dialog import search_help
from reader.ui.widgets.properties_dialog import PropertiesDialog
from reader.ui.widgets.reader_tab import ReaderTab

if TYPE_CHECKING:
    from reader.ui.widgets.main_window import MainWindow as _Base
else:
    _Base = object

log = logging.getLogger(__name__)
ZOOM_STEP = 1.1


class WindowActions(_Base):
    # -- workspace -------------------------------------------------------------------------
    def open_workspace(self, path: str | Path | None, *, create: bool = False) -> bool:
        self.area.remember_all()
        try:
            self.session.open_workspace(path, create=create)
        except ReaderError as exc:
            messages.show_error(self, exc, title="Cannot open the workspace")
            return False
        return True

    def new_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose an empty folder for the new "
                                                  "workspace")
        if folder:
            self.open_workspace(folder, create=True)

    def open_workspace_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a workspace folder")
        if folder:
            self.open_workspace(folder)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.session.settings.recent_workspaces()
        for path in recent:
            menu.addAction(Path(path).name or path,
                           lambda p=path: self.open_workspace(p)).setToolTip(path)
        if not recent:
            menu.addAction("No recent workspaces").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear the List", lambda: self.session.settings.set(
                "recent_workspaces", []))

    def _on_workspace(self, ws: Any) -> None:
        self.area.close_all()
        self.area.history.clear()  # a new workspace starts a new history
        self.setWindowTitle(f"Policy Reader — {ws.name}")
        self.status.set_workspace(ws.name, str(ws.root))
        self.search.filters.clear()
        self.search.show_results(None)
        self._update_enabled()

    def _on_themes(self, themes: list[core_access.ThemeChoice]) -> None:
        self.library.set_themes(themes)
        self.search.set_theme_labels({t.id: t.label for t in themes})

    def _on_documents(self) -> None:
        docs = self.session.documents()
        self.library.set_documents(docs)
        self.area.update_documents()
        self.area.welcome.set_summary(
            f"This workspace holds {plural(len(docs), 'document')}." if docs else "")
        self._update_continue()

    def _update_continue(self) -> None:
        for doc_id in self.session.prefs.recent_documents():
            doc = self.session.document(doc_id)
            if doc is not None:
                self.area.welcome.set_continue(doc.id, doc.title)
                return
        self.area.welcome.set_continue("", "")

    @staticmethod
    def _safe(fn: Any, default: Any) -> Any:
        try:
            return fn()
        except ReaderError as exc:
            log.warning("%s", exc)
            return default

    # -- import and open -------------------------------------------------------------------
    def import_dialog(self) -> None:
        patterns = " ".join(sorted(f"*{ext}" for ext in FORMATS))
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import files into the workspace", "",
            f"Documents ({patterns});;All files (*)")
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders (menu and drag and drop both come here)."""
        if self.session.workspace is None or not paths:
            return
        self.session.import_files(paths)

    def _on_import_finished(self, changes: Any) -> None:
        docs = [self.session.document(i) for i in getattr(changes, "failed", ())]
        lines = [f"{d.path} — {d.status_line}" for d in docs if d is not None]
        lines += list(getattr(changes, "problems", ()))
        added = len(getattr(changes, "added", ()))
        self.status.showMessage(f"Imported {plural(added, 'document')}.", 8000)
        if lines:
            messages.show_problems(
                self, "Some files could not be read",
                f"{plural(len(lines), 'file')} could not be read. The others were imported.",
                lines)

    def open_file_dialog(self) -> None:
        patterns = " ".join(sorted(f"*{ext}" for ext in FORMATS))
        start = str(self.session.workspace.root) if self.session.workspace else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open a document", start,
                                              f"Documents ({patterns});;All files (*)")
        if path:
            self.open_ref(path)

    def open_ref(self, ref: str, page: str | None = None) -> None:
        """Open a document by path (imported first if it is outside the workspace) or id."""
        if Path(ref).expanduser().exists():
            self.session.open_path(ref, lambda doc: self.open_document(doc.id, page=page))
            return
        try:
            doc = self.session.find_document(ref)
        except ReaderError as exc:
            messages.show_error(self, exc)
            return
        self.open_document(doc.id, page=page)

    def open_document(self, doc_id: str, *, offset: int | None = None, page: str | None = None,
                      matches: tuple[tuple[int, int], ...] = ()) -> ReaderTab | None:
        doc: Document | None = self.session.document(doc_id)
        if doc is None:
            messages.show_error(self, ReaderError("That document is no longer in the library."))
            return None
        tab = self.area.open(doc, offset=offset, page=page, matches=matches)
        self.library.select_doc(doc_id)
        self._update_enabled()
        return tab

    def show_properties(self, doc_id: str | None = None) -> None:
        doc_id = doc_id or (self.area.current_tab().doc_id if self.area.current_tab() else None) \
            or self.library.selected_doc_id()
        doc = self.session.document(doc_id) if doc_id else None
        if doc is None:
            return
        dialog = PropertiesDialog(doc, lambda values: self.session.set_meta(doc.id, **values),
                                  self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- editing and finding ---------------------------------------------------------------
    def _tab(self) -> ReaderTab | None:
        return self.area.current_tab()

    def copy_selection(self) -> None:
        tab = self._tab()
        focus = self.focusWidget()
        if tab is not None and (focus is None or focus is tab.view or not hasattr(focus, "copy")):
            tab.view.copy()
        elif focus is not None and hasattr(focus, "copy"):
            focus.copy()

    def select_all(self) -> None:
        focus = self.focusWidget()
        tab = self._tab()
        if focus is not None and hasattr(focus, "selectAll") and (tab is None
                                                                   or focus is not tab.view):
            focus.selectAll()
        elif tab is not None:
            tab.view.selectAll()

    def find_in_document(self) -> None:
        tab = self._tab()
        if tab is not None:
            tab.open_find()

    def find_next(self) -> None:
        tab = self._tab()
        if tab is not None:
            if tab.find_bar.isHidden():
                tab.open_find()
            tab.find_next()

    def find_previous(self) -> None:
        tab = self._tab()
        if tab is not None:
            tab.find_previous()

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.query_edit.setFocus()
        self.search.query_edit.selectAll()

    def clear_marks(self) -> None:
        """Esc: close the find bar if it is open, else clear the marks of a search hit."""
        tab = self._tab()
        if tab is None:
            return
        if tab.find_bar.isVisible():
            tab.close_find()
        else:
            tab.clear_temporary_marks()

    def _run_search(self, query: str, sort: str, filters: dict[str, str]) -> None:
        if self.session.workspace is not None:
            self.session.search(query, sort=sort, filters=filters)

    def _on_search_results(self, results: SearchResults, serial: int) -> None:
        if serial == self.session.search_serial:
            self.search.show_results(results)

    def _on_search_failed(self, exc: BaseException, serial: int) -> None:
        if serial != self.session.search_serial:
            return
        if isinstance(exc, ReaderError):
            self.search.show_problem(str(exc))
        else:
            self.search.show_problem("The search failed; the details are in the log.")
            messages.report_crash(exc, parent=self)

    def _filter_by_theme(self, theme_id: str) -> None:
        ws = self.session.workspace
        if not theme_id or ws is None:
            self.library.set_theme_documents(None)
            return
        self.session.runner.run(lambda _p, _c: core_access.theme_documents(ws, theme_id),
                                label="Filtering by theme", visible=False,
                                on_done=self.library.set_theme_documents)

    # -- view ------------------------------------------------------------------------------
    def _set_size(self, size: float) -> None:
        self.session.prefs.point_size = size
        self.area.set_reader_style(self.area.reader_style())
        self.status.showMessage(f"Text size {round(size / DEFAULT_POINT_SIZE * 100)} %", 2000)

    def zoom_in(self) -> None:
        self._set_size(self.session.prefs.point_size * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_size(self.session.prefs.point_size / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self._set_size(DEFAULT_POINT_SIZE)

    def set_font_style(self, style: str) -> None:
        if style != self.session.prefs.font_style:
            self.session.prefs.font_style = style
            self.area.set_reader_style(self.area.reader_style())
        self._sync_font_actions()

    def _sync_font_actions(self) -> None:
        serif = self.session.prefs.font_style == "serif"
        for action, on in ((self.actions_.font_serif, serif), (self.actions_.font_sans, not serif)):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _show_library(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.library.tree.setFocus()

    # -- moving ----------------------------------------------------------------------------
    def go_back(self) -> None:
        self.area.back()
        self._update_enabled()

    def go_forward(self) -> None:
        self.area.forward()
        self._update_enabled()

    def go_to_page(self) -> None:
        tab = self._tab()
        if tab is None or tab.doc_text is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Go to page")
        pages = tab.doc_text.pages
        dialog.setLabelText(f"Page (1–{len(pages)}, or a printed page label):")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda text: self.open_document(tab.doc_id,
                                                                         page=text.strip()))
        dialog.open()

    def _jump_in_current(self, offset: int) -> None:
        tab = self._tab()
        if tab is not None:
            self.open_document(tab.doc_id, offset=offset)
            tab.view.setFocus()

    def next_tab(self) -> None:
        tabs = self.area.tabs
        if tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() + 1) % tabs.count())

    def previous_tab(self) -> None:
        tabs = self.area.tabs
        if tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() - 1) % tabs.count())

    def close_current_tab(self) -> None:
        if self.area.tabs.count():
            self.area.close_tab(self.area.tabs.currentIndex())
        self._update_enabled()

    def _on_current_tab(self, tab: ReaderTab | None) -> None:
        self.outline.show_outline(tab.doc_text if tab is not None else None)
        self._update_place()
        self._update_enabled()

    def _on_text_shown(self, doc_id: str) -> None:
        tab = self._tab()
        if tab is not None and tab.doc_id == doc_id:
            self.outline.show_outline(tab.doc_text)
            self._update_place()

    def _update_place(self) -> None:
        tab = self._tab()
        if tab is None or tab.doc_text is None:
            self.status.set_place("")
            return
        offset = tab.current_offset()
        page = tab.doc_text.page_at(offset)
        parts = []
        if page is not None and len(tab.doc_text.pages) > 1:
            parts.append(page.place(len(tab.doc_text.pages)))
        section = tab.doc_text.pinpoint(offset)
        if section:
            parts.append(section)
        self.status.set_place("   ".join(parts))

    def _update_enabled(self) -> None:
        a = self.actions_
        has_ws = self.session.workspace is not None
        tab = self._tab()
        for name in ("import_files", "open_file", "reindex", "rebuild", "search", "properties"):
            a.all[name].setEnabled(has_ws)
        for name in ("close_tab", "find", "find_next", "find_previous", "go_to_page",
                     "copy"):
            a.all[name].setEnabled(tab is not None)
        a.back.setEnabled(self.area.history.can_go_back())
        a.forward.setEnabled(self.area.history.can_go_forward())

    # -- tools and help --------------------------------------------------------------------
    def reindex(self, rebuild: bool) -> None:
        if self.session.workspace is not None:
            self.session.refresh(rebuild=rebuild)

    def show_search_help(self) -> None:
        dialog = search_help(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_welcome(self) -> None:
        self.area.setCurrentWidget(self.area.welcome)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file().parent)))

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About Policy Reader")
        box.setText(f"<b>Policy Reader {__version__}</b>")
        box.setInformativeText(
            "Read, search and annotate policy documents with your study group. Private and "
            "offline: nothing leaves this computer unless you export it.")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
