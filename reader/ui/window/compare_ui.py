"""Comparing in the window: the Compare panel (bottom; the comparison matrix and the policy
comparison, side by side), the Agreement tab of the Highlights panel (figures and the
disagreements to resolve), and the Compare menu.

Everything is computed by :mod:`reader.ops.compare` on the task runner — a change of a
filter, of the highlights, of the themes or of the library asks again (a moment later, and
only for what is on screen); answers that arrive after a newer question are dropped.
Resolutions go through the controller's discussion editor: undoable edits of your own
file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QTabWidget

from reader.errors import ReaderError
from reader.model.compare import Disagreement
from reader.ops import compare
from reader.ui import messages
from reader.ui.resources import icon
from reader.ui.widgets.agreement_panel import AgreementPanel
from reader.ui.widgets.comparison_view import ComparisonView
from reader.ui.widgets.matrix_panel import MatrixPanel

if TYPE_CHECKING:
    from reader.ops.workspace import Workspace
    from reader.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)
STALE_DELAY_MS = 600
MATRICES_KEPT = 8
NO_DOCUMENT = "Open a document to see how the group agrees on it, or choose All documents."


class CompareUI(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ui = window.annotating
        self.ctrl = self.ui.ctrl
        self.session = window.session
        self.runner = self.session.runner
        self.matrix_panel = MatrixPanel()
        self.comparison = ComparisonView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("compareTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.matrix_panel, icon("matrix"), "Matrix")
        self.tabs.addTab(self.comparison, icon("compare"), "Side by Side")
        self.dock = QDockWidget("Compare", window)
        self.dock.setObjectName("compareDock")
        self.dock.setWidget(self.tabs)
        self.dock.setAccessibleName("Compare panel")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.agreement = AgreementPanel()
        self._wrap_highlights()
        self._serial = {"matrix": 0, "agreement": 0, "choices": 0}
        self._matrices: dict[str, compare.Matrix] = {}  # the last few, until a change
        self._pending_documents: list[Any] | None = None
        self._stale = {"matrix": True, "agreement": True, "choices": True}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(STALE_DELAY_MS)
        self._timer.timeout.connect(self.refresh_visible)
        self._connect()
        self.actions = self._install_menu()

    def _wrap_highlights(self) -> None:
        """The Highlights panel gets two tabs: this document's highlights, and agreement."""
        dock = self.ui.sidebar_dock
        self.highlight_tabs = QTabWidget()
        self.highlight_tabs.setObjectName("highlightTabs")
        self.highlight_tabs.setDocumentMode(True)
        self.highlight_tabs.addTab(self.ui.sidebar, "Highlights")
        self.highlight_tabs.addTab(self.agreement, "Agreement")
        self.highlight_tabs.setFocusProxy(self.ui.sidebar)
        dock.setWidget(self.highlight_tabs)

    def _connect(self) -> None:
        s, ctrl = self.session, self.ctrl
        s.workspace_changed.connect(lambda _ws: self._changed(everything=True))
        s.documents_changed.connect(lambda: self._changed(everything=True))
        ctrl.loaded.connect(lambda _r: self._changed(everything=True))
        ctrl.highlights_changed.connect(lambda _c: self._changed())
        ctrl.themes_changed.connect(lambda _t: self._changed(everything=True))
        ctrl.themes_changed.connect(self.agreement.set_themes)
        self.dock.visibilityChanged.connect(lambda on: self.refresh_visible() if on else None)
        self.tabs.currentChanged.connect(lambda _i: (self._fill_comparison(),
                                                     self.refresh_visible()))
        self.highlight_tabs.currentChanged.connect(lambda _i: self.refresh_visible())
        self.window.area.current_changed.connect(lambda _t: self._document_changed())
        mp, cv, ag = self.matrix_panel, self.comparison, self.agreement
        mp.filter_changed.connect(lambda _f: self.refresh_matrix())
        mp.cell_activated.connect(self._cell)
        mp.passage_activated.connect(self.ui.open_passage)
        cv.compare_requested.connect(self._compare)
        cv.passage_activated.connect(self.ui.open_passage)
        ag.scope_changed.connect(self.refresh_agreement)
        ag.resolve_requested.connect(self._resolve)
        ag.show_requested.connect(self.ui.open_passage)

    def _ws(self) -> Workspace | None:
        ws = self.session.workspace
        return ws if ws is not None and self.ctrl.is_loaded else None

    def _run(self, what: str, fn: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[BaseException], None] | None = None) -> None:
        """Run ``fn`` on the task runner; only the newest answer for ``what`` is shown."""
        self._serial[what] += 1
        serial = self._serial[what]
        ws = self.session.workspace
        self._stale[what] = False  # asked: not asked again until something changes

        def ok(value: Any) -> None:
            if serial == self._serial[what] and ws is self.session.workspace:
                done(value)

        def bad(exc: BaseException) -> None:
            if serial != self._serial[what]:
                return
            self._stale[what] = True
            if failed is not None and isinstance(exc, ReaderError):
                failed(exc)
            else:
                messages.show_error(self.window, exc)

        self.runner.run(lambda _p, _c: fn(), label=f"Comparing ({what})", visible=False,
                        on_done=ok, on_error=bad)

    # -- what is stale ---------------------------------------------------------------------
    def _changed(self, *, everything: bool = False) -> None:
        self._matrices.clear()
        for key in self._stale:
            if everything or key != "choices":
                self._stale[key] = True
        self._timer.start()

    def _document_changed(self) -> None:
        if not self.agreement.all_documents():
            self._stale["agreement"] = True
            self._timer.start()

    def matrix_shown(self) -> bool:
        return self.dock.isVisible() and self.tabs.currentWidget() is self.matrix_panel

    def agreement_shown(self) -> bool:
        return self.ui.sidebar_dock.isVisible() and \
            self.highlight_tabs.currentWidget() is self.agreement

    def refresh_visible(self) -> None:
        """Ask again for what is on screen and out of date."""
        self._timer.stop()
        if self._ws() is None:
            return
        if self.dock.isVisible() and self._stale["choices"]:
            self.refresh_choices()
        if self.matrix_shown() and self._stale["matrix"]:
            self.refresh_matrix()
        if self.agreement_shown() and self._stale["agreement"]:
            self.refresh_agreement()

    # -- the matrix ------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        ws = self._ws()
        if ws is None:
            return
        tax = self.ctrl.tax
        docs = self.session.documents()

        def done(found: compare.Choices) -> None:
            self.matrix_panel.set_choices(found.kinds, found.jurisdictions, tax)
            self._pending_documents = [d for d in docs if d.status.readable]
            self._fill_comparison()

        self._run("choices", lambda: compare.choices(ws), done)

    def _fill_comparison(self) -> None:
        """The pick lists of the policy comparison (when its tab is on screen)."""
        if self._pending_documents is not None and \
                self.tabs.currentWidget() is self.comparison:
            docs, self._pending_documents = self._pending_documents, None
            self.comparison.set_choices(docs, self.ctrl.tax)

    def refresh_matrix(self) -> None:
        ws = self._ws()
        if ws is None:
            self.matrix_panel.show_message("Reading the group's highlights…")
            return
        wanted = self.matrix_panel.filters()
        key = repr(sorted(wanted.items()))
        found = self._matrices.get(key)
        if found is not None:  # asked before, nothing changed since: at once
            self._serial["matrix"] += 1
            self._stale["matrix"] = False
            self.matrix_panel.show_matrix(found)
            return

        def work() -> compare.Matrix:
            return compare.matrix(ws, compare.make_filter(ws, **wanted))

        def done(m: compare.Matrix) -> None:
            if len(self._matrices) >= MATRICES_KEPT:
                self._matrices.pop(next(iter(self._matrices)))
            self._matrices[key] = m
            self.matrix_panel.show_matrix(m)

        self._run("matrix", work, done, lambda exc: self.matrix_panel.show_problem(str(exc)))

    def _cell(self, heading: str, ids: list[str]) -> None:
        ws = self._ws()
        if ws is None:
            return
        titles = {d.id: d.title for d in self.session.documents()}
        self.runner.run(lambda _p, _c: compare.passages(ws, ids), label="Reading passages",
                        visible=False,
                        on_done=lambda found: self.matrix_panel.show_passages(heading, found,
                                                                              titles))

    def _compare(self, doc_ids: list[str], theme_ids: list[str]) -> None:
        ws = self._ws()
        if ws is None:
            return
        self.runner.run(lambda _p, _c: compare.comparison(ws, doc_ids, theme_ids),
                        label="Comparing documents", visible=False,
                        on_done=self.comparison.show_comparison,
                        on_error=lambda exc: self.comparison.show_problem(str(exc)))

    def show_matrix(self, *, kind: str = "") -> None:
        self.dock.show()
        self.dock.raise_()
        self.tabs.setCurrentWidget(self.matrix_panel)
        if kind:
            self.matrix_panel.set_filters(kind=kind)
        self.refresh_visible()

    def show_comparison(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.tabs.setCurrentWidget(self.comparison)
        self.refresh_visible()

    # -- agreement -------------------------------------------------------------------------
    def show_agreement(self) -> None:
        self.ui.sidebar_dock.show()
        self.ui.sidebar_dock.raise_()
        if self.ui.sidebar.doc is None:
            self.agreement.set_all_documents(True)
        self.highlight_tabs.setCurrentWidget(self.agreement)
        self._stale["agreement"] = True
        self.refresh_visible()

    def refresh_agreement(self) -> None:
        ws = self._ws()
        if ws is None:
            return
        panel = self.agreement
        docs: list[str] = []
        if not panel.all_documents():
            doc = self.ui.sidebar.doc
            if doc is None:
                panel.show_message(NO_DOCUMENT)
                return
            docs = [doc.doc_id]
        themes = [panel.theme_id()] if panel.theme_id() else []
        me = self.ctrl.me.id
        tax = self.ctrl.tax

        def work() -> tuple[Any, ...]:
            report = compare.agreement(ws, doc_ids=docs, themes=themes)
            found = compare.disagreements(ws, doc_ids=docs, themes=themes,
                                          include_resolved=True)
            readings = {d.key: compare.readings(d, tax) for d in found}
            options = {d.key: [r.value for r in compare.options(d, me)] for d in found}
            others = {d.key: [(a.id, a.name) for a in d.authors if a.id != me]
                      for d in found}
            return report, found, readings, options, others

        self._run("agreement", work, lambda r: panel.show_results(*r))

    def _resolve(self, d: Disagreement, how: str, whose: str, text: str) -> None:
        def apply() -> None:
            try:
                done = self.ctrl.discussion.resolve(d, how, source=whose, text=text)
            except ReaderError as exc:
                messages.show_error(self.window, exc)
                return
            label = compare.Resolution(how).label
            n = len(done.written)
            self.window.status.showMessage(
                f"{label}: {n} change{'s' if n != 1 else ''} in your highlights. "
                "Ctrl+Z undoes it.", 6000)
            self.refresh_agreement()

        self.ui.with_name(apply)

    # -- the menu --------------------------------------------------------------------------
    def _install_menu(self) -> dict[str, QAction]:
        w = self.window
        a: dict[str, QAction] = {}
        toggle = self.dock.toggleViewAction()
        toggle.setText("&Compare Panel")
        toggle.setShortcut(QKeySequence("Ctrl+6"))
        a["panel"] = toggle
        a["matrix"] = QAction(icon("matrix"), "Comparison &Matrix", w)
        a["matrix"].setStatusTip("Documents × themes: how many highlights, how they lean")
        a["matrix"].triggered.connect(lambda _c=False: self.show_matrix())
        a["memos"] = QAction("Compare the M&emos", w)
        a["memos"].setStatusTip("The matrix of the workspace's memos")
        a["memos"].triggered.connect(lambda _c=False: self.show_matrix(kind="memo"))
        a["side"] = QAction(icon("compare"), "Compare Documents &Side by Side…", w)
        a["side"].setStatusTip("2 to 6 documents, 1 to 5 themes, passages in parallel columns")
        a["side"].triggered.connect(lambda _c=False: self.show_comparison())
        a["agreement"] = QAction(icon("people"), "&Agreement and Disagreements", w)
        a["agreement"].setShortcut(QKeySequence("Ctrl+7"))
        a["agreement"].setStatusTip("How far the group agrees, and the passages read "
                                    "differently, to resolve")
        a["agreement"].triggered.connect(lambda _c=False: self.show_agreement())
        for key, action in a.items():
            action.setObjectName(f"action_compare_{key}")
        menu = QMenu("Co&mpare", w)
        menu.setObjectName("compareMenu")
        for key in ("matrix", "memos", "side"):
            menu.addAction(a[key])
        menu.addSeparator()
        menu.addAction(a["agreement"])
        bar = w.menuBar()
        tools = next((x for x in bar.actions() if isinstance(x.menu(), QMenu)
                      and x.menu().title().replace("&", "") == "Tools"), None)  # type: ignore[union-attr]
        bar.insertMenu(tools, menu)
        if w.panels_menu is not None:
            w.panels_menu.addAction(toggle)
        return a
