"""The Themes panel: the group's taxonomy as a tree with colours, favourite keys and counts
(highlights in the open document / in the whole workspace); add, rename, recolour,
reorder (drag and drop, or Alt+Up / Alt+Down), merge and delete themes, choose the
favourites for keys 1–9, adopt theme ids that came from other groups. Selecting a theme
lists its passages across all documents; a click opens one at its words."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.annotations.taxonomy import PALETTE
from reader.errors import ReaderError
from reader.ui import messages
from reader.ui.annotating.counts import ThemeCounter
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
from reader.ui.widgets.selection_toolbar import swatch

if TYPE_CHECKING:
    from reader.annotations.model import Placed
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
        self.color_menu.aboutToShow.connect(self._fill_color_menu)
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
        b = self.buttons
        b["add"].clicked.connect(lambda: self.add_theme(None))
        b["add_child"].clicked.connect(lambda: self.add_theme(self.current_id() or None))
        b["rename"].clicked.connect(self.rename_current)
        b["favourite"].clicked.connect(self.toggle_favourite)
        b["up"].clicked.connect(lambda: self.move_current(-1))
        b["down"].clicked.connect(lambda: self.move_current(1))
        b["merge"].clicked.connect(self.merge_current)
        b["delete"].clicked.connect(self.delete_current)
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_current),
                           ("Insert", lambda: self.add_theme(None)),
                           ("Alt+Up", lambda: self.move_current(-1)),
                           ("Alt+Down", lambda: self.move_current(1))):
            action = QAction(self.tree)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.model.rename_requested.connect(
            lambda tid, label: self._guard(self.ctrl.rename_theme, tid, label))
        self.model.move_requested.connect(
            lambda tid, parent, pos: self._guard(self.ctrl.move_theme, tid, parent, pos))
        self.passage_list.clicked.connect(self._passage_clicked)
        self.passage_list.activated.connect(self._passage_clicked)
        ctrl.themes_changed.connect(lambda _tax: self._themes_changed())
        ctrl.highlights_changed.connect(lambda _c: self._count_timer.start())
        ctrl.loaded.connect(lambda _r: self._count_timer.start())
        self._update_buttons()

    def _guard(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
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
        self._update_buttons()

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
        counter = ThemeCounter(tax)
        here = counter.count(p.highlight for p in self.doc.ordered()) \
            if self.doc is not None else {}
        self._serial += 1
        serial = self._serial

        def work(_p: Any, _c: Any) -> tuple[dict[str, int], dict[str, int]]:
            live = ws.annotations().all()
            c = ThemeCounter(tax)
            return dict(c.count(live)), dict(c.unknown(live))

        def done(result: tuple[dict[str, int], dict[str, int]]) -> None:
            if serial != self._serial or ws is not ctrl.ws:
                return
            everywhere, unknown = result
            current = self.current_id()
            expanded = self._expanded()
            self.model.set_counts(here, everywhere, unknown)
            self._restore(expanded, current)

        ctrl.runner.run(work, label="Counting themes", visible=False, on_done=done,
                        on_error=lambda exc: log.warning("theme counts: %s", exc))

    # -- the selected theme ----------------------------------------------------------------
    def current_id(self) -> str:
        return self.model.theme_id(self.tree.currentIndex())

    def select(self, theme_id: str) -> None:
        index = self.model.index_of(theme_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _current_is_theme(self) -> bool:
        index = self.tree.currentIndex()
        return bool(self.current_id()) and not index.data(UNKNOWN_ROLE)

    def _update_buttons(self) -> None:
        theme = self._current_is_theme()
        for name in ("add_child", "rename", "color", "favourite", "up", "down", "merge",
                     "delete"):
            self.buttons[name].setEnabled(theme)
        fav = self.current_id() in self.ctrl.tax.favourites
        self.buttons["favourite"].setToolTip("Remove from the favourites" if fav else
                                             "Favourite: key 1–9 in the reader")

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
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

        def work(_p: Any, cancel: Any) -> list[tuple[str, str, list[Placed]]]:
            store = ws.annotations()
            ids = tax.matching(theme_id)
            docs = {d.id: d for d in ws.library().documents()}
            groups = []
            for doc_id in store.documents_tagged(ids):
                cancel.raise_if_cancelled()
                placed = [p for p in store.for_document(doc_id)
                          if ids.intersection(p.highlight.themes)
                          and p.highlight.author.id not in hidden]
                doc = docs.get(doc_id)
                groups.append((doc_id, doc.title if doc else doc_id[:12], placed))
            groups.sort(key=lambda g: g[1].casefold())
            return groups

        def done(groups: list[tuple[str, str, list[Placed]]]) -> None:
            if serial != self._list_serial:
                return
            rows = passage_rows(groups)
            self.passages.set_context(tax, self._me())
            self.passages.set_rows(rows)
            self.passages_stack.setCurrentIndex(1 if rows else 0)
            count = sum(len(g[2]) for g in groups)
            docs = sum(1 for g in groups if g[2])
            self.passages_title.setText(
                f"“{label}”: {plural(count, 'passage')} in {plural(docs, 'document')}"
                if count else f"No passages are tagged “{label}” yet.")

        ctrl.runner.run(work, label="Listing passages", visible=False, on_done=done,
                        on_error=lambda exc: messages.show_error(self, exc))

    def _passage_clicked(self, index: QModelIndex) -> None:
        hid, doc_id = index.data(HID_ROLE), index.data(DOC_ID_ROLE)
        if hid and doc_id:
            self.passage_activated.emit(doc_id, hid)

    # -- edits -----------------------------------------------------------------------------
    def add_theme(self, parent: str | None) -> None:
        tax = self.ctrl.tax
        base = "New theme"
        label, n = base, 2
        while tax.find(label) is not None:
            label, n = f"{base} {n}", n + 1
        theme = self._guard(self.ctrl.add_theme, label, parent=parent)
        if theme is not None:
            index = self.model.index_of(theme.id)
            if parent:
                self.tree.expand(self.model.index_of(parent))
            self.tree.setCurrentIndex(index)
            self.tree.edit(index)

    def rename_current(self) -> None:
        index = self.tree.currentIndex()
        if self._current_is_theme():
            self.tree.edit(index.siblingAtColumn(0))

    def _fill_color_menu(self) -> None:
        menu = self.color_menu
        menu.clear()
        tid = self.current_id()
        if not tid:
            return
        current = self.ctrl.tax.color(tid)
        for color in PALETTE:
            action = menu.addAction(swatch(color, ring=color == current), color)
            action.triggered.connect(lambda _c=False, c=color: self._guard(
                self.ctrl.recolor_theme, tid, c))
        menu.addSeparator()
        menu.addAction("Other Colour…", lambda: self._pick_color(tid))

    def _pick_color(self, tid: str) -> None:
        dialog = QColorDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        theme = self.ctrl.tax.get(tid)
        if theme is not None:
            dialog.setCurrentColor(theme.color)
        dialog.colorSelected.connect(lambda c: self._guard(self.ctrl.recolor_theme, tid,
                                                           c.name()))
        dialog.open()

    def toggle_favourite(self) -> None:
        tid = self.current_id()
        if not self._current_is_theme():
            return
        favs = list(self.ctrl.tax.favourites)
        if tid in favs:
            favs.remove(tid)
        elif len(favs) >= 9:
            messages.show_error(self, ReaderError(
                "There are already nine favourite themes (keys 1–9).",
                "Remove one from the favourites first."))
            return
        else:
            favs.append(tid)
        self._guard(self.ctrl.set_favourites, favs)
        self._update_buttons()

    def set_key(self, tid: str, key: int) -> None:
        """Put ``tid`` on key ``key`` (1–9), or take it off the favourites (0)."""
        favs = [f for f in self.ctrl.tax.favourites if f != tid]
        if key:
            favs.insert(min(key - 1, len(favs)), tid)
        self._guard(self.ctrl.set_favourites, favs[:9])

    def move_current(self, step: int) -> None:
        tid = self.current_id()
        if not self._current_is_theme():
            return
        tax = self.ctrl.tax
        theme = tax.by_id[tid]
        siblings = [t.id for t in tax.children(theme.parent)]
        pos = siblings.index(tid) + step
        if 0 <= pos < len(siblings):
            self._guard(self.ctrl.move_theme, tid, theme.parent, pos)
            self.select(tid)

    def merge_current(self) -> None:
        tid = self.current_id()
        if self._current_is_theme():
            self._choose_target(tid, "Merge", self._merge)

    def _merge(self, src: str, dst: str) -> None:
        changed = self._guard(self.ctrl.merge_theme, src, dst)
        if changed is not None:
            self.select(dst)

    def _choose_target(self, tid: str, verb: str, then: Callable[[str, str], None]) -> None:
        tax = self.ctrl.tax
        theme = tax.by_id[tid]
        dialog = QDialog(self)
        dialog.setWindowTitle(f"{verb} “{theme.label}”")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        text = QLabel(f"Merge “{theme.label}” into:")
        combo = QComboBox()
        combo.setAccessibleName("Theme to merge into")
        for t in tax.themes:
            if t.id != tid:
                combo.addItem(swatch(t.color), "   " * tax.depth(t.id) + t.label, t.id)
        note = QLabel("Your highlights tagged with it are tagged with the chosen theme. Other "
                      "people's highlights keep the old tag and are shown under the chosen "
                      "theme. Its sub-themes move there too. You can undo this.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(combo)
        layout.addWidget(note)
        layout.addWidget(box)
        dialog.resize(420, dialog.sizeHint().height())
        dialog.accepted.connect(lambda: then(tid, combo.currentData()))
        dialog.open()

    def delete_current(self) -> None:
        tid = self.current_id()
        if not self._current_is_theme():
            return
        tax = self.ctrl.tax
        theme = tax.by_id[tid]
        used = self.model.everywhere.get(tid, 0)
        if not used:
            self._guard(self.ctrl.delete_theme, tid)
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Delete theme",
                          f"“{theme.label}” is used by {plural(used, 'highlight')}.",
                          QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(
            "No highlight is deleted. Remove the tag from your highlights, or tag them with "
            "another theme instead? Other people's highlights keep the old tag. You can "
            "undo this.")
        untag = box.addButton("Remove the Tag", QMessageBox.ButtonRole.DestructiveRole)
        merge = box.addButton("Merge into…", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is untag:
                self._guard(self.ctrl.delete_theme, tid)
            elif clicked is merge:
                self._choose_target(tid, "Merge", self._merge)

        box.finished.connect(answered)
        box.open()
        self.delete_box = box  # tests answer it

    def _context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        tid = self.model.theme_id(index)
        menu = QMenu(self)
        if tid and index.data(UNKNOWN_ROLE):
            menu.addAction("Adopt into the Group's Themes",
                           lambda: self._guard(self.ctrl.adopt_theme, tid))
        elif tid:
            menu.addAction(icon("add"), "Add Sub-theme", lambda: self.add_theme(tid))
            menu.addAction(icon("edit"), "Rename", self.rename_current)
            colors = menu.addMenu(icon("palette"), "Colour")
            colors.aboutToShow.connect(lambda: self._copy_menu(self.color_menu, colors))
            keys = menu.addMenu(icon("star"), "Favourite Key")
            current = self.ctrl.tax.favourites
            off = keys.addAction("None", lambda: self.set_key(tid, 0))
            off.setCheckable(True)
            off.setChecked(tid not in current)
            for k in range(1, 10):
                owner = self.ctrl.tax.get(current[k - 1]) if k <= len(current) else None
                action = keys.addAction(f"{k}" + (f" — {owner.label}" if owner else ""),
                                        lambda k=k: self.set_key(tid, k))
                action.setCheckable(True)
                action.setChecked(owner is not None and owner.id == tid)
            menu.addSeparator()
            menu.addAction(icon("merge"), "Merge into…", self.merge_current)
            menu.addAction(icon("trash"), "Delete…", self.delete_current)
        else:
            menu.addAction(icon("add"), "Add Theme", lambda: self.add_theme(None))
        menu.popup(self.tree.viewport().mapToGlobal(point))

    def _copy_menu(self, source: QMenu, target: QMenu) -> None:
        self._fill_color_menu()
        target.clear()
        for action in source.actions():
            target.addAction(action)
