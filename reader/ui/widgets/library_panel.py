"""The library panel: every document of the workspace in a sortable table, with a filter box
and filters by kind, jurisdiction and theme. Unreadable documents show their reason. A
code's one-section files are one row per code, opening onto its titles, chapters and
sections; a chapter can be read in order (:attr:`LibraryPanel.chapter_requested`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model.codes import CodeCollection, CodeNode
from reader.model.documents import KINDS, DocStatus, Document
from reader.ops.themes import ThemeChoice
from reader.ui.accessibility import name_clear_button
from reader.ui.formatting import kind_label, plural
from reader.ui.models.library_filter import LibraryFilter
from reader.ui.models.library_model import LibraryModel
from reader.ui.prefs import Prefs
from reader.ui.widgets.library_columns import LibraryColumns
from reader.ui.widgets.library_empty import LibraryEmpty

CODE_INDENT = 12  # pixels per level when codes are shown as trees
#: the panel's preferred width for titles (two-line rows show the title alone), and a
#: code's section numbers three levels down ("§ 48-961.05. Good Samaritan…"), beside the
#: other columns shown
TITLE_CHARS = 36


class LibraryTree(QTreeView):
    """Enter opens the current document on every platform."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class LibraryPanel(QWidget):
    open_requested = Signal(str)  # doc id
    chapter_requested = Signal(object)  # a CodeNode (a title, a chapter): read it in order
    properties_requested = Signal(str)
    original_requested = Signal(str)  # doc id: open the file in the system's viewer
    folder_requested = Signal(str)  # doc id: show the file in the file manager
    theme_filter_changed = Signal(str)  # theme id ("" for none): the window loads the ids
    import_requested = Signal()  # the empty state's buttons
    samples_requested = Signal()
    choose_workspace_requested = Signal()

    def __init__(self, prefs: Prefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.prefs = prefs
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter documents")
        self.filter_edit.setAccessibleName("Filter documents by title, office or path")
        self.filter_edit.setClearButtonEnabled(True)
        name_clear_button(self.filter_edit, "the filter")
        self.kind_box = self._combo("Filter by kind")
        self.kind_box.addItem("All kinds", "")
        for kind in KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.place_box = self._combo("Filter by jurisdiction")
        self.place_box.addItem("All places", "")
        self.theme_box = self._combo("Filter by theme")
        self.theme_box.addItem("All themes", "")

        self.tree = LibraryTree()
        self.tree.setObjectName("libraryTable")
        self.tree.setAccessibleName("Documents")
        self.tree.setModel(self.proxy)
        self.tree.setRootIsDecorated(False)
        self._indent = self.tree.indentation()
        self.tree.setSortingEnabled(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.columns = LibraryColumns(self.tree, prefs)

        self.summary = QLabel()
        self.summary.setObjectName("librarySummary")

        filters = QHBoxLayout()
        filters.setSpacing(4)
        for box in (self.kind_box, self.place_box, self.theme_box):
            filters.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(5)
        layout.addWidget(self.filter_edit)
        layout.addLayout(filters)
        self.empty = LibraryEmpty()
        self.empty.import_requested.connect(self.import_requested.emit)
        self.empty.samples_requested.connect(self.samples_requested.emit)
        self.empty.choose_workspace_requested.connect(self.choose_workspace_requested.emit)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tree)
        self.pages.addWidget(self.empty)
        self._workspace_open = True
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.summary)
        self.setFocusProxy(self.filter_edit)
        self.setTabOrder(self.filter_edit, self.kind_box)
        self.setTabOrder(self.kind_box, self.place_box)
        self.setTabOrder(self.place_box, self.theme_box)
        self.setTabOrder(self.theme_box, self.tree)

        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.filter_edit.returnPressed.connect(self._open_first)
        self.kind_box.currentIndexChanged.connect(
            lambda _i: self._after_filter(self.proxy.set_kind(self.kind_box.currentData())))
        self.place_box.currentIndexChanged.connect(
            lambda _i: self._after_filter(
                self.proxy.set_jurisdiction(self.place_box.currentData() or "")))
        self.theme_box.currentIndexChanged.connect(
            lambda _i: self.theme_filter_changed.emit(self.theme_box.currentData() or ""))
        self.tree.activated.connect(self._on_activated)
        self.tree.customContextMenuRequested.connect(self._row_menu)

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setToolTip(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(3)  # a narrow panel (a small screen) still fits
        return box

    # -- content ---------------------------------------------------------------------------
    def set_workspace_open(self, open_: bool, *, checking: bool = False) -> None:
        """No workspace: the panel offers to choose one (documents are cleared). While a
        workspace is first looked through (``checking``) an empty list says so, not that
        the workspace is empty."""
        self._workspace_open = open_
        self.empty.set_workspace(open_, checking=checking)
        if not open_:
            self.set_documents([])
        self._show_page()

    def _show_page(self) -> None:
        empty = not self._workspace_open or self.model.rowCount() == 0
        self.pages.setCurrentWidget(self.empty if empty else self.tree)
        for widget in (self.filter_edit, self.kind_box, self.place_box, self.theme_box):
            widget.setEnabled(not empty)


    def sizeHint(self) -> QSize:
        """Wide enough for titles beside the columns shown (the window's first layout
        gives the library dock this width; a person's own width is kept after)."""
        hint = super().sizeHint()
        em = self.fontMetrics().horizontalAdvance("0")
        header = self.tree.header()
        others = sum(header.sectionSize(c) for c in range(1, header.count())
                     if not header.isSectionHidden(c))
        chrome = self.tree.verticalScrollBar().sizeHint().width() + 4 * self.tree.frameWidth()
        margins = self.layout().contentsMargins() if self.layout() else None
        chrome += margins.left() + margins.right() if margins else 0
        return QSize(max(hint.width(), em * TITLE_CHARS + others + chrome), hint.height())

    def set_documents(self, docs: list[Document],
                      collections: Sequence[CodeCollection] = ()) -> None:
        """The documents, a code's one-section files grouped under one row per code."""
        self.model.set_documents(sorted(docs, key=lambda d: d.path), collections)
        self.tree.setRootIsDecorated(bool(collections))
        # a code's sections sit three levels down: keep room for their numbers
        self.tree.setIndentation(CODE_INDENT if collections else self._indent)
        places = sorted({d.meta.jurisdiction for d in docs if d.meta.jurisdiction})
        current = self.place_box.currentData()
        self.place_box.blockSignals(True)
        self.place_box.clear()
        self.place_box.addItem("All places", "")
        for place in places:
            self.place_box.addItem(place, place)
        index = self.place_box.findData(current)
        self.place_box.setCurrentIndex(max(0, index))
        self.place_box.blockSignals(False)
        if current and index < 0:
            self.proxy.set_jurisdiction("")
        self._update_summary()
        self._show_page()

    def set_themes(self, themes: list[ThemeChoice]) -> None:
        current = self.theme_box.currentData()
        self.theme_box.blockSignals(True)
        self.theme_box.clear()
        self.theme_box.addItem("All themes", "")
        for theme in themes:
            self.theme_box.addItem("   " * theme.depth + theme.label, theme.id)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(current)))
        self.theme_box.setEnabled(bool(themes))
        self.theme_box.blockSignals(False)

    def set_theme_documents(self, doc_ids: frozenset[str] | None) -> None:
        self.proxy.set_theme_documents(doc_ids)
        self._update_summary()

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        self.model.set_annotation_counts(counts)

    def _update_summary(self) -> None:
        docs = self.model.documents()
        shown = self._shown()
        bad = sum(1 for d in docs if d.status not in (DocStatus.OK, DocStatus.PENDING))
        pending = sum(1 for d in docs if d.status is DocStatus.PENDING)
        parts = [plural(len(docs), "document") if shown == len(docs)
                 else f"{shown:,} of {plural(len(docs), 'document')}"]
        if pending:
            parts.append(f"{pending:,} being read")
        if bad:
            parts.append(f"{bad:,} unreadable")
        self.summary.setText(" · ".join(parts))

    def documents_shown(self) -> int:
        """How many documents the library lists (a code's sections inside its row too)."""
        return self._shown()

    def _shown(self, parent: QModelIndex | None = None) -> int:
        """How many documents the filters let through (inside codes too)."""
        parent = parent or QModelIndex()
        total = 0
        for r in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(r, 0, parent)
            total += (1 if self.proxy.doc_id_of(index) else 0) + self._shown(index)
        return total

    def _after_filter(self, _none: object = None) -> None:
        self._update_summary()

    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_summary()

    # -- actions ---------------------------------------------------------------------------
    def selected_doc_id(self) -> str | None:
        return self.proxy.doc_id_of(self.tree.currentIndex())

    def select_doc(self, doc_id: str) -> None:
        source = self.model.index_of(doc_id)
        if source.isValid():
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                parent = index.parent()
                while parent.isValid():
                    self.tree.expand(parent)
                    parent = parent.parent()
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)

    def _open_first(self) -> None:
        doc_id = self.proxy.first_doc_id()
        if doc_id:
            self.open_requested.emit(doc_id)

    def _node_of(self, index: QModelIndex) -> CodeNode | None:
        return self.model.node_at(self.proxy.mapToSource(index)) if index.isValid() else None

    def _on_activated(self, index: QModelIndex) -> None:
        doc_id = self.proxy.doc_id_of(index)
        if doc_id:
            self.open_requested.emit(doc_id)
            return
        node = self._node_of(index)
        if node is not None and node.sections():
            self.chapter_requested.emit(node)
        elif self.tree.model().hasChildren(index):  # a code's row: open or close it
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def _row_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        doc_id = self.proxy.doc_id_of(index)
        node = self._node_of(index)
        chapter = self._node_of(index.parent()) if doc_id else node
        menu = QMenu(self)
        if doc_id:
            menu.addAction("Open", lambda: self.open_requested.emit(doc_id))
        if chapter is not None and chapter.sections():
            menu.addAction(f"Read {chapter.label} in order",
                           lambda: self.chapter_requested.emit(chapter))
        if doc_id:
            menu.addAction("Open Original", lambda: self.original_requested.emit(doc_id))
            menu.addAction("Show in Folder", lambda: self.folder_requested.emit(doc_id))
            menu.addSeparator()
            menu.addAction("Properties…", lambda: self.properties_requested.emit(doc_id))
        if not menu.actions():
            menu.deleteLater()
            return
        menu.popup(self.tree.viewport().mapToGlobal(pos))
