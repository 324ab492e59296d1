"""The library table's columns: what shows by default, widths a person can drag, the header
menu (sort by, columns, two-line rows, reset), and all of it remembered between sessions.

By default the table has one column: each row is two lines, the title and under it kind ·
office · place · date · pages · highlights (see :mod:`reader.ui.widgets.library_delegate`),
so a narrow side panel still shows what a reader needs at a glance. Other columns can be
shown from the header's menu; every column, Title included, can then be dragged wider or
narrower, the last one taking up what is left. Widths, order, visible columns, sort order
and the row style are saved in the user's settings (never in the workspace).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QHeaderView, QMenu, QTreeView

from reader.ui.models.library_model import HEADERS, Column
from reader.ui.prefs import Prefs
from reader.ui.widgets.library_delegate import LibraryDelegate

log = logging.getLogger(__name__)

STATE_KEY = "library_header"  # the header's saved state (window.library_header)
TWO_LINES_FLAG = "library_two_lines"
#: Shown when the person shows a column (widths in characters).
COLUMN_CHARS = {Column.KIND: 8, Column.JURISDICTION: 12, Column.DATE: 11, Column.PAGES: 5,
                Column.NOTES: 5, Column.STATUS: 14, Column.SOURCE: 6}
#: With one-line rows, the columns that say what the second line said.
ONE_LINE_COLUMNS = (Column.KIND, Column.DATE, Column.PAGES, Column.NOTES)
MIN_TITLE_CHARS = 14
#: Sort choices (column, order) in the header's menu.
SORTS = ((Column.TITLE, Qt.SortOrder.AscendingOrder, "Title"),
         (Column.DATE, Qt.SortOrder.DescendingOrder, "Date, newest first"),
         (Column.DATE, Qt.SortOrder.AscendingOrder, "Date, oldest first"),
         (Column.KIND, Qt.SortOrder.AscendingOrder, "Kind"),
         (Column.JURISDICTION, Qt.SortOrder.AscendingOrder, "Jurisdiction"),
         (Column.PAGES, Qt.SortOrder.DescendingOrder, "Pages, most first"),
         (Column.NOTES, Qt.SortOrder.DescendingOrder, "Highlights, most first"))


class LibraryColumns(QObject):
    def __init__(self, tree: QTreeView, prefs: Prefs) -> None:
        super().__init__(tree)
        self.tree = tree
        self.prefs = prefs
        self.header = tree.header()
        self.delegate = LibraryDelegate(tree)
        self.delegate.two_lines = prefs.flag(TWO_LINES_FLAG, True)
        tree.setItemDelegateForColumn(Column.TITLE, self.delegate)
        tree.setUniformRowHeights(True)  # every row has the same two lines: fast
        header = self.header
        header.setAccessibleName("Library columns: click to sort, right-click for more")
        header.setSectionsMovable(True)
        header.setFirstSectionMovable(False)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(self.em(3))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.menu)
        for col in Column:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self._save_timer = QTimer(tree)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(300)
        self._save_timer.timeout.connect(self.save)
        self._fitting = False
        self.auto_fit = not self.restore()  # Title follows the width until a drag
        if self.auto_fit:
            self.defaults()
        tree.viewport().installEventFilter(self)
        header.sectionResized.connect(self._resized)
        header.sectionMoved.connect(lambda *_a: self._save_timer.start())
        header.sortIndicatorChanged.connect(lambda *_a: self._save_timer.start())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.auto_fit:
            self.fit_title()
        return False

    def _resized(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting and self.header.sectionsClickable() \
                and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.auto_fit = False  # the person dragged a column: their widths stay
        self._save_timer.start()

    def em(self, chars: float) -> int:
        return round(self.tree.fontMetrics().horizontalAdvance("0") * chars) + 12

    # -- state ------------------------------------------------------------------------------
    def defaults(self) -> None:
        """One column of two-line rows (one-line rows: the columns the second line held),
        sorted by title."""
        for col in Column:
            if col != Column.TITLE:
                self.header.resizeSection(col, self.em(COLUMN_CHARS[col]))
                self.tree.setColumnHidden(col, self.delegate.two_lines
                                          or col not in ONE_LINE_COLUMNS)
        self.tree.setColumnHidden(Column.TITLE, False)
        for col in Column:  # the saved order is forgotten too
            visual = self.header.visualIndex(col)
            if visual != col:
                self.header.moveSection(visual, col)
        self.tree.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
        self.fit_title()

    def restore(self) -> bool:
        blob = self.prefs.blob(STATE_KEY)
        if blob is None or blob.isEmpty():
            return False
        if not self.header.restoreState(blob) or self.header.count() != len(Column):
            log.warning("ignoring a saved library header that does not fit")
            return False
        self.tree.setColumnHidden(Column.TITLE, False)  # never lose the titles
        for col in Column:  # a state saved by another version: the modes are ours
            self.header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.header.setStretchLastSection(True)
        return True

    def save(self) -> None:
        self._save_timer.stop()
        self.prefs.set_blob(STATE_KEY, self.header.saveState())
        self.prefs.set_hidden_columns([c for c in Column if self.tree.isColumnHidden(c)])

    def reset(self) -> None:
        self.auto_fit = True
        self.delegate.two_lines = True
        self.prefs.set_flag(TWO_LINES_FLAG, True)
        self._rows_changed()
        self.defaults()
        self.save()

    # -- columns ------------------------------------------------------------------------------
    def visible_others(self) -> list[int]:
        return [c for c in Column if c != Column.TITLE and not self.tree.isColumnHidden(c)]

    def fit_title(self) -> None:
        """Give Title what the other columns leave of the table's width (at least a
        readable minimum): called when columns are shown or reset, never while the person
        drags."""
        shown = self.visible_others()
        if not shown:
            return  # Title alone: the last column, it fills the width itself
        last = max(shown, key=self.header.visualIndex, default=None)
        # the last column stretches over what is left: count it at its own width
        others = sum(self.em(COLUMN_CHARS[Column(c)]) if c == last
                     else self.header.sectionSize(c) for c in shown)
        room = self.tree.viewport().width() - others
        self._fitting = True
        try:
            self.header.resizeSection(Column.TITLE, max(self.em(MIN_TITLE_CHARS), room))
        finally:
            self._fitting = False

    def show_column(self, column: int, shown: bool) -> None:
        self.tree.setColumnHidden(column, not shown)
        if shown and self.header.sectionSize(column) < self.em(3):
            self.header.resizeSection(column, self.em(COLUMN_CHARS.get(Column(column), 8)))
        self.fit_title()
        self.save()

    def set_two_lines(self, on: bool) -> None:
        self.delegate.two_lines = on
        self.prefs.set_flag(TWO_LINES_FLAG, on)
        self._rows_changed()
        if not on and not self.visible_others():  # one line: bring back what it held
            for col in ONE_LINE_COLUMNS:
                self.tree.setColumnHidden(col, False)
            self.fit_title()
        self.save()

    def _rows_changed(self) -> None:
        self.tree.setUniformRowHeights(False)  # the row height is measured again
        self.tree.setUniformRowHeights(True)
        self.tree.doItemsLayout()

    def sort(self, column: int, order: Qt.SortOrder) -> None:
        self.tree.sortByColumn(column, order)
        self.save()

    # -- the header's menu ----------------------------------------------------------------------
    def menu(self, pos: QPoint) -> QMenu:
        menu = QMenu(self.tree)
        sort_menu = menu.addMenu("Sort By")
        group = QActionGroup(sort_menu)
        current = (self.header.sortIndicatorSection(), self.header.sortIndicatorOrder())
        for col, order, label in SORTS:
            action = QAction(label, sort_menu, checkable=True)
            action.setChecked(current == (col, order))
            action.triggered.connect(lambda _on, c=col, o=order: self.sort(c, o))
            group.addAction(action)
            sort_menu.addAction(action)
        menu.addSeparator()
        two = QAction("Details Under Titles", menu, checkable=True)
        two.setChecked(self.delegate.two_lines)
        two.setToolTip("Two-line rows: the title, then kind, office, date, pages and "
                       "highlights")
        two.toggled.connect(self.set_two_lines)
        menu.addAction(two)
        menu.addSeparator()
        for col in Column:
            if col == Column.TITLE:
                continue
            action = QAction(HEADERS[col], menu, checkable=True)
            action.setChecked(not self.tree.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.show_column(c, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction("Reset Columns", self.reset)
        menu.popup(self.header.mapToGlobal(pos))
        return menu
