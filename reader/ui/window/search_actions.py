"""The main window's search actions: the search box, its results and failures, the
library's theme filter, and the search syntax help. The window owns one
(``window.searching``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from reader.errors import ReaderError
from reader.model.search import SearchResults
from reader.ops import queries
from reader.ui import messages
from reader.ui.widgets.help_dialog import search_help

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


class SearchActions:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    def focus_search(self) -> None:
        self.w.search_dock.show()
        self.w.search_dock.raise_()
        self.w.search.query_edit.setFocus()
        self.w.search.query_edit.selectAll()

    def run_search(self, query: str, sort: str, filters: dict[str, str]) -> None:
        if self.w.session.workspace is not None:
            self.w.session.search(query, sort=sort, filters=filters)

    def on_search_results(self, results: SearchResults, serial: int) -> None:
        if serial == self.w.session.search_serial:
            self.w.search.show_results(results)

    def on_search_failed(self, exc: BaseException, serial: int) -> None:
        if serial != self.w.session.search_serial:
            return
        if isinstance(exc, ReaderError):
            self.w.search.show_problem(str(exc))
        else:
            self.w.search.show_problem("The search failed; the details are in the log.")
            messages.report_crash(exc, parent=self.w)

    def filter_by_theme(self, theme_id: str) -> None:
        ws = self.w.session.workspace
        if not theme_id or ws is None:
            self.w.library.set_theme_documents(None)
            return
        self.w.session.runner.run(lambda _p, _c: queries.theme_documents(ws, theme_id),
                                label="Filtering by theme", visible=False,
                                on_done=self.w.library.set_theme_documents)

    def show_search_help(self) -> None:
        dialog = search_help(self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
