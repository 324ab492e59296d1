"""The library as an item model over document ids (one row per document, data looked up
lazily from the ``Document`` records the session hands in), with a code's one-section files
grouped under one row per code in their hierarchy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from reader.model.codes import CodeCollection, CodeNode
from reader.model.documents import DocStatus, Document
from reader.ui.formatting import doc_details
from reader.ui.models import library_words as words
from reader.ui.models.library_rows import DOC, Row, Rows, plan
from reader.ui.models.library_words import HEADERS, Column, status_text

Index = QModelIndex | QPersistentModelIndex


OCR_TIP = ("The text was recognised by OCR from scanned pages: check quotes against the "
           "page (View → Page View).")
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
DOC_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE_ROLE = Qt.ItemDataRole.UserRole + 4  # the title alone (two-line rows)
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 5  # the line under it

_COLUMNS = len(Column)

__all__ = ["DETAILS_ROLE", "DOC_ID_ROLE", "DOC_ROLE", "HEADERS", "SORT_ROLE", "TITLE_ROLE",
           "Column", "LibraryModel", "status_text"]


class LibraryModel(QAbstractItemModel):
    """Documents as rows; a code's one-section files under one row per code, in their
    hierarchy (:mod:`.library_rows`). ``set_documents`` keeps the rows of what stays."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = Rows()
        self._docs: dict[str, Document] = {}
        self._counts: dict[str, int] = {}
        self._icons: dict[str, Any] = {}
        #: the library is sorted descending (set by the proxy): a code's rows keep its order
        self._descending = False
        #: (row uid, column) → sort key; emptied whenever rows, documents or counts change
        self._sort_cache: dict[tuple[int, int], str] = {}

    @property
    def children_descending(self) -> bool:
        return self._descending

    @children_descending.setter
    def children_descending(self, value: bool) -> None:
        if value != self._descending:
            self._descending = value
            self._sort_cache.clear()

    # -- content ---------------------------------------------------------------------------
    def set_documents(self, docs: Sequence[Document],
                      collections: Sequence[CodeCollection] = ()) -> None:
        """Replace the content, keeping rows (and the selection) of documents that stay."""
        old = self._docs
        self._docs = {d.id: d for d in docs}
        self._sort_cache.clear()
        wanted = plan(docs, collections)
        if not self._rows.update(wanted, self):
            self.beginResetModel()
            self._rows.reset(wanted)
            self.endResetModel()
            return
        self._changed(None, self._rows.top, old)

    def _changed(self, parent: Row | None, rows: list[Row], old: dict[str, Document]) -> None:
        """dataChanged for the rows of one parent whose content may have changed."""
        changed = [i for i, r in enumerate(rows)  # rows just inserted need no telling
                   if r.kind != DOC or (r.doc_id in old
                                        and old[r.doc_id] != self._docs.get(r.doc_id))]
        if changed:
            p = self._index_of_row(parent)
            self.dataChanged.emit(self.index(changed[0], 0, p),
                                  self.index(changed[-1], len(Column) - 1, p))
        for r in rows:
            if r.children:
                self._changed(r, r.children, old)

    # the listener :meth:`Rows.update` calls around each change
    def removing(self, parent: Row | None, first: int, last: int) -> None:
        self._sort_cache.clear()  # positions in a code (its rows' keys) move
        self.beginRemoveRows(self._index_of_row(parent), first, last)

    def removed(self) -> None:
        self.endRemoveRows()

    def inserting(self, parent: Row | None, first: int, last: int) -> None:
        self._sort_cache.clear()
        self.beginInsertRows(self._index_of_row(parent), first, last)

    def inserted(self) -> None:
        self.endInsertRows()

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """New highlight counts: only the rows whose count changed (and the codes and parts
        above them) are told, in their title (the line under it) and count columns."""
        old, self._counts = self._counts, dict(counts)
        self._sort_cache.clear()
        changed: dict[Row | None, set[int]] = {}
        for doc_id in {d for d in old.keys() | self._counts.keys()
                       if old.get(d, 0) != self._counts.get(d, 0)}:
            row = self._rows.by_doc.get(doc_id)
            while row is not None:
                changed.setdefault(row.parent, set()).add(self._rows.position(row))
                row = row.parent
        for parent, positions in changed.items():
            p = self._index_of_row(parent)
            first, last = min(positions), max(positions)
            # the title's line under it changed, not what it sorts or filters by
            self.dataChanged.emit(self.index(first, Column.TITLE, p),
                                  self.index(last, Column.TITLE, p),
                                  [DETAILS_ROLE, Qt.ItemDataRole.AccessibleTextRole])
            self.dataChanged.emit(self.index(first, Column.NOTES, p),
                                  self.index(last, Column.NOTES, p))

    def document(self, row: int) -> Document | None:
        """The document of top-level row ``row`` (None for a code's row)."""
        if 0 <= row < len(self._rows.top):
            return self._docs.get(self._rows.top[row].doc_id)
        return None

    def row_of(self, doc_id: str) -> int:
        """The top-level row of a document (-1 when it is inside a code, or absent)."""
        row = self._rows.by_doc.get(doc_id)
        return self._rows.position(row) if row is not None and row.parent is None else -1

    def index_of(self, doc_id: str, column: int = 0) -> QModelIndex:
        """The index of a document's row, at any depth (invalid when absent)."""
        row = self._rows.by_doc.get(doc_id)
        if row is None:
            return QModelIndex()
        return self.createIndex(self._rows.position(row), column, row.uid)

    def documents(self) -> list[Document]:
        return list(self._docs.values())

    def row_at(self, index: Index) -> Row | None:
        if not index.isValid():
            return None
        return self._rows.by_uid.get(index.internalId())

    def doc_at(self, index: Index) -> Document | None:
        row = self.row_at(index)
        return self._docs.get(row.doc_id) if row is not None and row.doc_id else None

    def node_at(self, index: Index) -> CodeNode | None:
        """The code part (a title, a chapter) or section under ``index``, if any."""
        row = self.row_at(index)
        return row.node if row is not None else None

    def collection_of(self, index: Index) -> CodeCollection | None:
        row = self.row_at(index)
        while row is not None and row.collection is None:
            row = row.parent
        return row.collection if row is not None else None

    def _index_of_row(self, row: Row | None) -> QModelIndex:
        if row is None:
            return QModelIndex()
        return self.createIndex(self._rows.position(row), 0, row.uid)

    # -- Qt model --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # asked thousands of times while the sort proxy places new rows: kept lean
        rows = self._children(parent) if parent.isValid() else self._rows.top
        if rows is None or not (0 <= row < len(rows) and 0 <= column < _COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, rows[row].uid)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        row = self.row_at(index)
        if row is None or row.parent is None:
            return QModelIndex()
        return self._index_of_row(row.parent)

    def _children(self, parent: Index) -> list[Row] | None:
        if not parent.isValid():
            return self._rows.top
        row = self.row_at(parent)
        if row is None or parent.column() != 0:
            return None
        return row.children

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        rows = self._children(parent)
        return len(rows) if rows is not None else 0

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[Column(section)]
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.NOTES:
                return "Highlights in the document"
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.SOURCE:
                return "Where the text came from: OCR of scanned pages, or the file itself"
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (Column.PAGES,
                                                                          Column.NOTES):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SORT_ROLE:  # asked ~20 times per row inserted into a sorted library
            key = (index.internalId(), index.column())
            cached = self._sort_cache.get(key)
            if cached is None:
                row = self.row_at(index)
                if row is None:
                    return None
                doc = self._docs.get(row.doc_id) if row.kind == DOC else None
                cached = self._sort_cache[key] = words.sort_data(
                    row, Column(index.column()), doc, self._counts,
                    position=self._rows.position(row), descending=self._descending)
            return cached
        row = self.row_at(index)
        if row is None:
            return None
        column = Column(index.column())
        if row.kind != DOC:
            return self._part_data(row, column, role)
        doc = self._docs.get(row.doc_id)
        if doc is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.TITLE and row.parent is not None and row.node is None:
                return f"Index — {doc.path.rsplit('/', 1)[-1]}"  # a code's index file
            return self._display(doc, column)
        if role == DOC_ID_ROLE:
            return doc.id
        if role == DOC_ROLE:
            return doc
        if role == TITLE_ROLE:
            if row.parent is not None and row.node is None:
                return f"Index — {doc.path.rsplit('/', 1)[-1]}"  # a code's index file
            return doc.title
        if role == DETAILS_ROLE:
            return self.details(doc, in_code=row.parent is not None)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.STATUS or not doc.status.readable:
                return doc.status_line if doc.reason else status_text(doc) or None
            if column == Column.SOURCE:
                return OCR_TIP if doc.text_source else None
            return f"{doc.title}\n{doc_details(doc)}\n{doc.path}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.PAGES, Column.NOTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not doc.status.readable:
            palette = QGuiApplication.palette()
            return palette.color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.TITLE:
            if row.parent is not None and doc.status.readable:
                return None  # a code's section: its number is what identifies it
            return self._icon(doc)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == Column.TITLE:
                return f"{doc.title}. {self.details(doc)}"
            text = self._display(doc, column)
            return f"{HEADERS[column]}: {text}" if text else HEADERS[column]
        return None

    def details(self, doc: Document, *, in_code: bool = False) -> str:
        """The line under a title (see :func:`.library_words.details`)."""
        return words.details(doc, self._counts, in_code=in_code)

    def _display(self, doc: Document, column: Column) -> str:
        return words.display(doc, column, self._counts)

    def _part_display(self, row: Row, column: Column) -> str:
        return words.part_display(row, column, self._counts)

    def _part_details(self, row: Row) -> str:
        return words.part_details(row, self._counts)

    def _part_data(self, row: Row, column: Column, role: int) -> Any:
        """A code's row ("D.C. Code (13 sections)") or a part's ("Chapter 9E. Harm …")."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._part_display(row, column)
        if role == TITLE_ROLE:
            return self._part_display(row, Column.TITLE)
        if role == DETAILS_ROLE:
            return self._part_details(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._part_display(row, column)
            if column == Column.TITLE:
                return f"{text}. {self._part_details(row)}"
            return f"{HEADERS[column]}: {text}" if text else HEADERS[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            n = sum(1 for _ in row.doc_ids())
            return f"{self._part_display(row, column)}\n{n} files"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.NOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.TITLE:
            return self._icon(None)
        return None

    def _icon(self, doc: Document | None) -> Any:
        from reader.ui.resources import icon

        if doc is None:
            name = "folder-open"
        else:
            name = "document" if doc.status.readable or doc.status is DocStatus.PENDING \
                else "warning"
        if name not in self._icons:
            self._icons[name] = icon(name, "#b26a00" if name == "warning" else None)
        return self._icons[name]
