"""The Themes panel: the group's taxonomy as a tree with colours, favourite keys and counts
(highlights in the open document / in the whole workspace); add, rename, recolour,
reorder (drag and drop, or Alt+Up / Alt+Down), merge and delete themes, choose the
favourites for keys 1–9, adopt theme ids that came from other groups. Selecting a theme
lists its passages across all documents; a click opens one at its words."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from reader.errors import ReaderError
from reader.ops import queries, themes
from reader.ui import messages
from reader.ui.formatting import plural
from reader.ui.models.annotations_model import (
    DOC_ID_ROLE,
    HID_ROLE,
    AnnotationListModel,
    passage_rows,
)
from reader.ui.models.themes_model import UNKNOWN_ROLE, ThemesModel
from reader.ui.resources import icon
from reader.ui.widgets.highlight_delegate import HighlightDelegate
from reader.ui.widgets.themes_panel_actions import ThemeActions

if TYPE_CHECKING:
    from reader.ui.annotating.controller import AnnotationController
    from reader.ui.annotating.doc_highlights import DocHighlights

log = logging.getLogger(__name__)
COUNT_DELAY_MS = 400
PICK = ("Select a theme to list its passages in every document: a click on one opens "
        "it at its words.")


class ThemesPanel(QWidget):
    passage_activated = Signal(str, str)  # doc id, highlight id

    def __init__(self, ctrl: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("themesPanel")
        self.ctrl = ctrl
        self.actions = ThemeActions(self)
        self.doc: DocHighlights | None = None
        self._serial = 0  # counts
        self._list_serial = 0  # passages
        self.model = ThemesModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("themesTree")
        self.tree.setAccessibleName("Themes")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setAccessibleName("Theme columns: name, highlights here, in all documents")
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setSpacing(1)
        for name, icon_name, tip in (
                ("add", "add", "Add a theme at the top level (Insert)"),
                ("add_child", "tag", "Add a sub-theme of the selected theme"),
                ("rename", "edit", "Rename (F2)"),
                ("color", "palette", "Change the colour"),
                ("favourite", "star", "Favourite: key 1–9 in the reader"),
                ("up", "up", "Move up (Alt+Up)"),
                ("down", "down", "Move down (Alt+Down)"),
                ("merge", "merge", "Merge into another theme…"),
                ("delete", "trash", "Delete the theme…")):
            b = QToolButton()
            b.setIcon(icon(icon_name))
            b.setToolTip(tip)
            b.setAccessibleName(tip.split(" (")[0])
            b.setAutoRaise(True)
            self.buttons[name] = b
            bar.addWidget(b)
        bar.addStretch(1)
        self.buttons["color"].setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.color_menu = QMenu(self)
        self.color_menu.aboutToShow.connect(self.actions.fill_color_menu)
        self.buttons["color"].setMenu(self.color_menu)

        self.passages_title = QLabel(PICK)
        self.passages_title.setObjectName("passagesTitle")
        self.passages_title.setWordWrap(True)
        self.passages = AnnotationListModel(self)
        self.passage_list = QListView()
        self.passage_list.setObjectName("themePassages")
        self.passage_list.setAccessibleName("Passages with this theme")
        self.passage_list.setModel(self.passages)
        self.passage_list.setItemDelegate(HighlightDelegate(self.passage_list))
        self.passage_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.passage_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.passage_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.passage_list.setMouseTracking(True)
        self.passages_stack = QStackedWidget()
        self.passages_stack.addWidget(QWidget())  # nothing chosen: the title says what to do
        self.passages_stack.addWidget(self.passage_list)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.passages_title)
        lower_layout.addWidget(self.passages_stack, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.setSpacing(2)
        upper_layout.addLayout(bar)
        upper_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.addWidget(splitter)
        self.setFocusProxy(self.tree)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh_counts)
        b, act = self.buttons, self.actions
        b["add"].clicked.connect(lambda: act.add_theme(None))
        b["add_child"].clicked.connect(lambda: act.add_theme(self.current_id() or None))
        b["rename"].clicked.connect(act.rename_current)
        b["favourite"].clicked.connect(act.toggle_favourite)
        b["up"].clicked.connect(lambda: act.move_current(-1))
        b["down"].clicked.connect(lambda: act.move_current(1))
        b["merge"].clicked.connect(act.merge_current)
        b["delete"].clicked.connect(act.delete_current)
        for keys, slot in ((QKeySequence.StandardKey.Delete, act.delete_current),
                           ("Insert", lambda: act.add_theme(None)),
                           ("Alt+Up", lambda: act.move_current(-1)),
                           ("Alt+Down", lambda: act.move_current(1))):
            action = QAction(self.tree)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.customContextMenuRequested.connect(act.context_menu)
        self.model.rename_requested.connect(
            lambda tid, label: self.guard(self.ctrl.theme_edits.rename, tid, label))
        self.model.move_requested.connect(
            lambda tid, parent, pos: self.guard(self.ctrl.theme_edits.move, tid, parent, pos))
        self.passage_list.clicked.connect(self._passage_clicked)
        self.passage_list.activated.connect(self._passage_clicked)
        ctrl.themes_changed.connect(lambda _tax: self._themes_changed())
        ctrl.highlights_changed.connect(lambda _c: self._count_timer.start())
        ctrl.loaded.connect(lambda _r: self._count_timer.start())
        self.update_buttons()

    def guard(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReaderError as exc:
            messages.show_error(self, exc)
            return None

    # -- content ---------------------------------------------------------------------------
    def _themes_changed(self) -> None:
        current = self.current_id()
        expanded = self._expanded()
        self.model.set_taxonomy(self.ctrl.tax)
        self._restore(expanded, current)
        self.passages.set_context(self.ctrl.tax, self._me())
        self._count_timer.start()
        self.update_buttons()

    def _me(self) -> str:
        return self.ctrl.me.id if self.ctrl.ws is not None else ""

    def _expanded(self) -> set[str] | None:
        if self.model.rowCount() == 0:
            return None  # first fill: expand the top level
        out = set()
        for tid in self.ctrl.tax.by_id:
            index = self.model.index_of(tid)
            if index.isValid() and self.tree.isExpanded(index):
                out.add(tid)
        return out

    def _restore(self, expanded: set[str] | None, current: str) -> None:
        if expanded is None:
            for row in range(self.model.rowCount()):
                self.tree.expand(self.model.index(row, 0))
        else:
            for tid in expanded:
                self.tree.expand(self.model.index_of(tid))
        if current:
            index = self.model.index_of(current)
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def show_document(self, doc: DocHighlights | None) -> None:
        if doc is self.doc:
            return
        if self.doc is not None:
            self.doc.changed.disconnect(self._count_timer.start)
        self.doc = doc
        if doc is not None:
            doc.changed.connect(self._count_timer.start)
        self._count_timer.start()

    def stop(self) -> None:
        """No more background counts (the window is closing)."""
        self._count_timer.stop()

    def refresh_counts(self) -> None:
        ctrl = self.ctrl
        ws = ctrl.ws
        if ws is None or not ctrl.is_loaded:
            return
        tax = ctrl.tax
        here = themes.count_in((p.highlight for p in self.doc.ordered()), tax) \
            if self.doc is not None else {}
        self._serial += 1
        serial = self._serial

        def done(found: themes.ThemeCounts) -> None:
            if not isValid(self) or serial != self._serial or ws is not ctrl.ws:
                return  # (the window closed while counting)
            current = self.current_id()
            expanded = self._expanded()
            self.model.set_counts(here, found.everywhere, found.unknown)
            self._restore(expanded, current)

        ctrl.runner.run(lambda _p, _c: themes.counts(ws, tax), label="Counting themes",
                        visible=False, on_done=done,
                        on_error=lambda exc: log.warning("theme counts: %s", exc))

    # -- the selected theme ----------------------------------------------------------------
    def current_id(self) -> str:
        return self.model.theme_id(self.tree.currentIndex())

    def select(self, theme_id: str) -> None:
        index = self.model.index_of(theme_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def current_is_theme(self) -> bool:
        index = self.tree.currentIndex()
        return bool(self.current_id()) and not index.data(UNKNOWN_ROLE)

    def update_buttons(self) -> None:
        theme = self.current_is_theme()
        for name in ("add_child", "rename", "color", "favourite", "up", "down", "merge",
                     "delete"):
            self.buttons[name].setEnabled(theme)
        fav = self.current_id() in self.ctrl.tax.favourites
        self.buttons["favourite"].setToolTip("Remove from the favourites" if fav else
                                             "Favourite: key 1–9 in the reader")

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        self.update_buttons()
        self.list_passages(self.model.theme_id(index))

    def list_passages(self, theme_id: str) -> None:
        ctrl = self.ctrl
        ws = ctrl.ws
        self._list_serial += 1
        serial = self._list_serial
        hidden = ctrl.hidden_authors
        if not theme_id or ws is None:
            self.passages.set_rows([])
            self.passages_title.setText(PICK)
            self.passages_stack.setCurrentIndex(0)
            return
        tax = ctrl.tax
        label = tax.label(theme_id) if tax.known(theme_id) else f"{theme_id} (unknown)"
        self.passages_title.setText(f"Passages tagged “{label}”…")

        def work(_p: Any, cancel: Any) -> list[queries.Passages]:
            return queries.theme_passages(ws, theme_id, hidden=hidden, cancel=cancel)

        def done(groups: list[queries.Passages]) -> None:
            if serial != self._list_serial:
                return
            rows = passage_rows(groups)
            self.passages.set_context(tax, self._me())
            self.passages.set_rows(rows)
            self.passages_stack.setCurrentIndex(1 if rows else 0)
            count = sum(len(g.placed) for g in groups)
            docs = sum(1 for g in groups if g.placed)
            self.passages_title.setText(
                f"“{label}”: {plural(count, 'passage')} in {plural(docs, 'document')}"
                if count else f"No passages are tagged “{label}” yet.")

        ctrl.runner.run(work, label="Listing passages", visible=False, on_done=done,
                        on_error=lambda exc: messages.show_error(self, exc))

    def _passage_clicked(self, index: QModelIndex) -> None:
        hid, doc_id = index.data(HID_ROLE), index.data(DOC_ID_ROLE)
        if hid and doc_id:
            self.passage_activated.emit(doc_id, hid)
