"""The main window's page and original-file actions: the page view of the current tab
(toggled per tab, remembered per document), Open Original and Show in Folder, the OCR
setting, and opening a password-protected PDF. The window owns one (``window.pages``)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from reader.errors import ReaderError, WrongPassword
from reader.model.documents import DocStatus, Document
from reader.ops import pages as page_ops
from reader.ui import messages
from reader.ui.original import open_original, show_in_folder
from reader.ui.widgets.ocr_dialog import OcrDialog
from reader.ui.widgets.password_dialog import PasswordDialog
from reader.ui.widgets.reader_tab import ReaderTab
from reader.ui.window.page_binding import PageBinding

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)


class PageActions:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.password_dialog: PasswordDialog | None = None
        self._menus: set[int] = set()  # tabs whose reader menu has Open Original

    # -- the page view -----------------------------------------------------------------------
    def on_text_shown(self, doc_id: str) -> None:
        tab = self.w.area.tab_for(doc_id)
        if tab is None:
            return
        if id(tab) not in self._menus:  # Open Original in the reader's menu
            self._menus.add(id(tab))
            tab.destroyed.connect(lambda _o=None, key=id(tab): self._menus.discard(key))
            tab.view.context_menu_providers.append(
                lambda menu, _span, t=tab: self._original_menu(menu, t.doc_id))
        self.attach(tab)
        self.sync_action()

    def _original_menu(self, menu: QMenu, doc_id: str) -> None:
        menu.addSeparator()
        menu.addAction("Open Original", lambda: self.open_original(doc_id))
        menu.addAction("Show in Folder", lambda: self.show_in_folder(doc_id))

    def _source(self, doc_id: str) -> page_ops.PageSource:
        return page_ops.source(self.w.session.require(), doc_id)

    def attach(self, tab: ReaderTab) -> None:
        """Give a PDF's tab its page view (once its text is in), showing it when the
        document was last read as pages."""
        if tab.pages is not None or not page_ops.can_show_pages(tab.doc):
            return
        pages = tab.attach_pages(self._source)
        pages.pane_created.connect(lambda pane, t=tab: self._bind(t, pane))
        pages.mode_changed.connect(lambda mode, t=tab: self._mode_changed(t, mode))
        pages.replaced.connect(lambda _path: self.w.workspace_actions.reindex(False))
        if self.w.session.prefs.view_mode(tab.doc_id) == "pages":
            pages.show_pages()

    def _bind(self, tab: ReaderTab, pane: object) -> None:
        ui = self.w.annotating
        text_binding = ui.bind(tab)
        view = tab.pages.pane.view  # type: ignore[union-attr]
        binding = PageBinding(ui, tab, text_binding.doc, view)
        binding.highlight_clicked.connect(ui.sidebar.select)
        ui.page_bindings[id(tab)] = binding
        ui.page_bound.emit(binding)
        view.context_menu_providers.append(
            lambda menu, _span: self._original_menu(menu, tab.doc_id))

    def _mode_changed(self, tab: ReaderTab, mode: str) -> None:
        self.w.session.prefs.set_view_mode(tab.doc_id, mode)
        self.w.reading.update_place()
        self.sync_action()

    def toggle(self) -> None:
        tab = self.w.area.current_tab()
        if tab is None:
            return
        if not page_ops.can_show_pages(tab.doc) or not tab.is_ready:
            self.w.status.showMessage("The page view shows PDFs (once they have been read).",
                                      4000)
            self.sync_action()
            return
        self.attach(tab)
        assert tab.pages is not None
        tab.pages.toggle()

    def sync_action(self) -> None:
        action = self.w.actions_.page_view
        tab = self.w.area.current_tab()
        action.blockSignals(True)
        action.setChecked(tab is not None and tab.showing_pages)
        action.setEnabled(tab is not None and page_ops.can_show_pages(tab.doc))
        action.blockSignals(False)

    # -- the original file --------------------------------------------------------------------
    def _doc(self, doc_id: str | None) -> Document | None:
        tab = self.w.area.current_tab()
        doc_id = doc_id or (tab.doc_id if tab else None) or self.w.library.selected_doc_id()
        return self.w.session.document(doc_id) if doc_id else None

    def open_original(self, doc_id: str | None = None) -> None:
        self._with_path(doc_id, open_original)

    def show_in_folder(self, doc_id: str | None = None) -> None:
        self._with_path(doc_id, show_in_folder)

    def _with_path(self, doc_id: str | None, action: object) -> None:
        doc = self._doc(doc_id)
        ws = self.w.session.workspace
        if doc is None or ws is None:
            return
        try:
            action(ws.root / doc.path)  # type: ignore[operator]
        except ReaderError as exc:
            messages.show_error(self.w, exc)

    # -- OCR -------------------------------------------------------------------------------------
    def ocr_settings(self) -> None:
        ws = self.w.session.workspace
        current = page_ops.ocr_from_settings(self.w.session.settings)
        dialog = OcrDialog(current, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(options: page_ops.OcrOptions) -> None:
            if ws is None:
                self.w.session.settings.set(page_ops.OCR_ENABLED_KEY, options.enabled)
                self.w.session.settings.set(page_ops.OCR_LANGUAGES_KEY,
                                            list(options.languages))
                return
            page_ops.set_ocr(ws, options)
            if options != current:
                self.w.workspace_actions.reindex(False)  # reads scans again where it helps

        dialog.chosen.connect(chosen)
        dialog.open()

    # -- passwords -------------------------------------------------------------------------------
    def ask_password(self, doc: Document, then: object = None) -> PasswordDialog:
        """Ask for ``doc``'s password; read it with the password in a worker; then open it.
        A wrong password keeps asking; Cancel leaves it listed as password-protected."""
        dialog = PasswordDialog(doc.title, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.password_dialog = dialog
        session = self.w.session

        def submitted(password: str) -> None:
            ws = session.require()

            def done(outcome: object) -> None:
                dialog.right()
                session.apply(outcome.changes)  # type: ignore[attr-defined]
                if callable(then):
                    then(doc.id)
                else:
                    self.w.open_document(doc.id)

            def failed(exc: BaseException) -> None:
                if isinstance(exc, WrongPassword):
                    dialog.wrong()
                else:
                    dialog.reject()
                    messages.show_error(self.w, exc)

            session.runner.run(lambda p, c: page_ops.unlock(ws, doc.id, password, progress=p,
                                                            cancel=c),
                               label=f"Opening {doc.title}", on_done=done, on_error=failed)

        dialog.submitted.connect(submitted)
        dialog.open()
        return dialog

    def needs_password(self, doc: Document) -> bool:
        return doc.status is DocStatus.PASSWORD
