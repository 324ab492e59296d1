"""The Highlights panel for the open document: every highlight in reading order (the quote,
themes, stance, note, author and date), filters by theme, author and stance, the authors
shown or hidden, orphans listed apart; the selected one in full below (see
:mod:`reader.ui.widgets.highlight_inspector`). A click jumps to the words."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.gcpause import paused_gc
from reader.model.annotations import Stance
from reader.ui import messages
from reader.ui.formatting import plural
from reader.ui.models.annotations_model import (
    HID_ROLE,
    AnnotationListModel,
    Filters,
    sidebar_rows,
)
from reader.ui.resources import icon, swatch
from reader.ui.widgets.highlight_delegate import HighlightDelegate
from reader.ui.widgets.highlight_inspector import HighlightInspector

if TYPE_CHECKING:
    from reader.ui.annotating.controller import AnnotationController
    from reader.ui.annotating.doc_highlights import DocHighlights

log = logging.getLogger(__name__)

NO_DOC = "Open a document to see its highlights."
EMPTY = ("No highlights here yet.\n\nSelect words in the text, then press H to highlight "
         "them, 1–9 for a favourite theme, or use the toolbar that appears.")
FILTERED = "No highlight matches the filters."


class AnnotationSidebar(QWidget):
    jump_requested = Signal(str)  # highlight id
    reattach_requested = Signal(str)
    pick_themes_requested = Signal(str, QPoint)
    highlight_selected = Signal(str)  # "" when none

    def __init__(self, ctrl: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationSidebar")
        self.ctrl = ctrl
        self.doc: DocHighlights | None = None
        self.filters = Filters()
        self._sized = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self.summary = QLabel(NO_DOC)
        self.summary.setObjectName("highlightSummary")
        self.authors_button = QToolButton()
        self.authors_button.setIcon(icon("people"))
        self.authors_button.setToolTip("Show or hide each person's highlights")
        self.authors_button.setAccessibleName("Show or hide authors")
        self.authors_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.authors_button.setAutoRaise(True)
        self.authors_menu = QMenu(self)
        self.authors_menu.aboutToShow.connect(self._fill_authors_menu)
        self.authors_button.setMenu(self.authors_menu)
        self.theme_filter = self._combo("Filter by theme")
        self.author_filter = self._combo("Filter by author")
        self.stance_filter = self._combo("Filter by stance")
        self.stance_filter.addItem("Stance", "")
        for s in Stance:
            self.stance_filter.addItem(s.label, s.value)
        self.stance_filter.addItem("No stance", "none")

        self.model = AnnotationListModel(self)
        self.list = QListView()
        self.list.setObjectName("highlightList")
        self.list.setAccessibleName("Highlights in this document")
        self.list.setModel(self.model)
        self.list.setItemDelegate(HighlightDelegate(self.list))
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setSpacing(0)
        self.empty = QLabel(NO_DOC)
        self.empty.setObjectName("sidebarEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(16)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)
        self.inspector = HighlightInspector()

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.summary, 1)
        top.addWidget(self.authors_button)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        for combo in (self.theme_filter, self.author_filter, self.stance_filter):
            filters.addWidget(combo, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.setSpacing(4)
        upper_layout.addLayout(top)
        upper_layout.addLayout(filters)
        upper_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.list)

        delete = QAction("Delete Highlight", self.list)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda: self._guard(self.ctrl.delete, self.inspector.hid)
                                 if self.inspector.hid and self.inspector.mine else None)
        self.list.addAction(delete)

        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._clicked)
        for combo in (self.theme_filter, self.author_filter, self.stance_filter):
            combo.activated.connect(lambda _i: self._filters_changed())
        ins = self.inspector
        ins.note_changed.connect(lambda hid, text: self._guard(self.ctrl.set_note, hid, text))
        ins.stance_changed.connect(lambda hid, s: self._guard(self.ctrl.set_stance, hid, s))
        ins.theme_removed.connect(lambda hid, t: self._guard(self.ctrl.toggle_theme, hid, t))
        ins.add_theme_requested.connect(self.pick_themes_requested)
        ins.delete_requested.connect(lambda hid: self._guard(self.ctrl.delete, hid))
        ins.copy_requested.connect(self._copy)
        ins.reattach_requested.connect(self.reattach_requested)
        ins.jump_requested.connect(self.jump_requested)
        ctrl.themes_changed.connect(lambda _tax: self._themes_changed())
        ctrl.authors_changed.connect(self.refresh)
        self._themes_changed()
        self._fill_author_filter()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the list gets most of the height at first
            self._sized = True
            total = max(300, self.splitter.height())
            self.splitter.setSizes([round(total * 0.6), total - round(total * 0.6)])

    @staticmethod
    def _combo(name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)
        return combo

    def _guard(self, fn: Callable[..., Any], *args: Any) -> Any:
        try:
            return fn(*args)
        except ReaderError as exc:
            messages.show_error(self, exc)
            return None

    # -- the document ----------------------------------------------------------------------
    def show_document(self, doc: DocHighlights | None) -> None:
        if doc is self.doc:
            return
        if self.doc is not None:
            self.doc.changed.disconnect(self.schedule_refresh)
        self.inspector.flush()
        self.doc = doc
        if doc is not None:
            doc.changed.connect(self.schedule_refresh)
        self.list.clearSelection()
        self.refresh()

    @property
    def refresh_pending(self) -> bool:
        """An edit is drawn in the reader and not listed here yet (a moment)."""
        return self._refresh_timer.isActive()

    def schedule_refresh(self) -> None:
        """Refresh on the next turn of the event loop: the reader draws an edit first, and
        several edits in one turn refresh the list once."""
        self._refresh_timer.start()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        doc = self.doc
        current = self.current_hid()
        ctrl = self.ctrl
        me = ctrl.me.id if ctrl.ws is not None else ""
        self.model.set_context(ctrl.tax, me)
        self.model.set_discussion(ctrl.discussion.counts())
        if doc is None:
            self.model.set_rows([])
            self.summary.setText("")  # the dock's title says "Highlights" already
            self._show_empty(NO_DOC)
            self.inspector.show_highlight(None)
            return
        placed = doc.ordered()
        self._fill_author_filter()
        with paused_gc():  # a row per highlight, no cycles
            rows = sidebar_rows(placed, self.filters, ctrl.hidden_authors)
        self.model.set_rows(rows)
        orphans = sum(1 for p in placed if p.orphaned)
        hidden = sum(1 for p in placed if p.highlight.author.id in ctrl.hidden_authors)
        text = plural(len(placed), "highlight") if doc.ready else "Reading highlights…"
        if orphans:
            text += f" · {orphans} not found"
        if hidden:
            text += f" · {hidden} hidden"
        if self.filters.active:
            text += f" · {self.model.item_count()} shown"
        self.summary.setText(text)
        if not rows:
            self._show_empty(FILTERED if placed else EMPTY)
        else:
            self.stack.setCurrentWidget(self.list)
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            index = self.model.index(row)
            if self.list.currentIndex() != index:
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)
            self._show_inspector(index)
        else:
            self.inspector.show_highlight(None)

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def current_hid(self) -> str:
        index = self.list.currentIndex()
        return index.data(HID_ROLE) or "" if index.isValid() else self.inspector.hid

    def select(self, hid: str) -> bool:
        """Make ``hid`` the current highlight (filters that hide it are cleared)."""
        if self._refresh_timer.isActive():
            self.refresh()
        row = self.model.row_of(hid)
        if row < 0 and self.filters.active:
            self.clear_filters()
            row = self.model.row_of(hid)
        if row < 0:
            return False
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)
        return True

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        self._show_inspector(index)
        self.highlight_selected.emit(index.data(HID_ROLE) or "" if index.isValid() else "")

    def _show_inspector(self, index: QModelIndex) -> None:
        hid = index.data(HID_ROLE) if index.isValid() else None
        p = self.doc.get(hid) if (hid and self.doc is not None) else None
        self.inspector.show_highlight(p, self.ctrl.tax,
                                      mine=p is not None and self.ctrl.is_mine(p.highlight))

    def _clicked(self, index: QModelIndex) -> None:
        hid = index.data(HID_ROLE)
        if hid:
            self.jump_requested.emit(hid)

    def _copy(self, hid: str) -> None:
        h = self._guard(self.ctrl.copy_to_mine, hid)
        if h is not None:
            self.select(h.id)

    # -- filters ---------------------------------------------------------------------------
    def _filters_changed(self) -> None:
        theme = self.theme_filter.currentData()
        author = self.author_filter.currentData() or ""
        stance = self.stance_filter.currentData() or ""
        self.filters = Filters(
            themes=self.ctrl.tax.matching(theme) if theme else None, author_id=author,
            stance=Stance(stance) if stance and stance != "none" else None,
            no_stance=stance == "none")
        self.refresh()

    def clear_filters(self) -> None:
        for combo in (self.theme_filter, self.author_filter, self.stance_filter):
            combo.setCurrentIndex(0)
        self._filters_changed()

    def set_theme_filter(self, theme_id: str) -> None:
        index = self.theme_filter.findData(theme_id)
        self.theme_filter.setCurrentIndex(max(0, index))
        self._filters_changed()

    def _themes_changed(self) -> None:
        tax = self.ctrl.tax
        combo = self.theme_filter
        keep = combo.currentData()
        combo.clear()
        combo.addItem("Theme", "")
        for t in tax.themes:
            combo.addItem(swatch(t.color), "   " * tax.depth(t.id) + t.label, t.id)
        combo.setCurrentIndex(max(0, combo.findData(keep)))
        if keep and combo.currentIndex() == 0:
            self._filters_changed()
        else:
            self.refresh()

    def _fill_author_filter(self) -> None:
        combo = self.author_filter
        keep = combo.currentData()
        authors: dict[str, str] = {}
        if self.doc is not None:
            for p in self.doc.ordered():
                authors.setdefault(p.highlight.author.id, p.highlight.author.name)
        me = self.ctrl.me.id if self.ctrl.ws is not None else ""
        wanted = [("Author", "")]
        if me:
            wanted.append(("You", me))
        wanted += sorted(((n, i) for i, n in authors.items() if i != me),
                         key=lambda x: x[0].casefold())
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == wanted:
            return
        combo.clear()
        for name, author_id in wanted:
            combo.addItem(name, author_id)
        combo.setCurrentIndex(max(0, combo.findData(keep)))

    def _fill_authors_menu(self) -> None:
        menu = self.authors_menu
        menu.clear()
        if self.ctrl.ws is None:
            return
        me = self.ctrl.me.id
        for author in self.ctrl.authors():
            name = f"{author.name} (you)" if author.id == me else author.name
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.ctrl.is_hidden(author.id))
            action.toggled.connect(lambda on, a=author.id: self.ctrl.set_author_shown(a, on))
        menu.addSeparator()
        menu.addAction("Show Everyone", self._show_everyone)

    def _show_everyone(self) -> None:
        for author_id in list(self.ctrl.hidden_authors):
            self.ctrl.set_author_shown(author_id, True)
