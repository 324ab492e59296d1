"""The library as an item model over document ids (one row per document, data looked up
lazily from the ``Document`` records the session hands in), with a code's one-section files
grouped under one row per code in their hierarchy."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from reader.model.codes import CodeCollection, CodeNode
from reader.model.documents import DocStatus, Document
from reader.ui.formatting import doc_details, glance, kind_label, plural, short_date
from reader.ui.models.library_rows import CODE, DOC, Row, Rows, plan

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    KIND = 1
    JURISDICTION = 2
    DATE = 3
    PAGES = 4
    NOTES = 5
    STATUS = 6
    SOURCE = 7  # where the text came from: the file, or OCR of scanned pages


HEADERS = {Column.TITLE: "Title", Column.KIND: "Kind", Column.JURISDICTION: "Jurisdiction",
           Column.DATE: "Date", Column.PAGES: "Pages", Column.NOTES: "Marks",
           Column.STATUS: "Status", Column.SOURCE: "Text"}
OCR_TIP = ("The text was recognised by OCR from scanned pages: check quotes against the "
           "page (View → Page View).")
SHORT_KINDS = {"opinion": "Opinion", "filing": "Filing"}
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_TIE = "\x1f"  # between a sort key and its tie-breaker: below every printed character
_LAST = 9_999_999  # inside a code sorted descending, positions count down from here
DOC_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE_ROLE = Qt.ItemDataRole.UserRole + 4  # the title alone (two-line rows)
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 5  # the line under it


def status_text(doc: Document) -> str:
    if doc.status is DocStatus.OK:
        return ""
    if doc.status is DocStatus.PENDING:
        return "Reading…"
    return doc.status.value.capitalize()


def _sections(row: Row) -> int:
    """The sections at and below a code's row (its index files are not sections)."""
    own = 1 if row.kind == DOC and row.node is not None else 0
    return own + sum(_sections(child) for child in row.children)


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
        self.children_descending = False

    # -- content ---------------------------------------------------------------------------
    def set_documents(self, docs: Sequence[Document],
                      collections: Sequence[CodeCollection] = ()) -> None:
        """Replace the content, keeping rows (and the selection) of documents that stay."""
        old = self._docs
        self._docs = {d.id: d for d in docs}
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
        self.beginRemoveRows(self._index_of_row(parent), first, last)

    def removed(self) -> None:
        self.endRemoveRows()

    def inserting(self, parent: Row | None, first: int, last: int) -> None:
        self.beginInsertRows(self._index_of_row(parent), first, last)

    def inserted(self) -> None:
        self.endInsertRows()

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """New highlight counts: only the rows whose count changed (and the codes and parts
        above them) are told, in their title (the line under it) and count columns."""
        old, self._counts = self._counts, dict(counts)
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
        if column < 0 or column >= len(Column) or row < 0:
            return QModelIndex()
        rows = self._children(parent)
        if rows is None or row >= len(rows):
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
        return len(Column)

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
        if role == SORT_ROLE:
            return self._sort_data(row, column)
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
        """The line under a title: ``Memo · Office of … · 21 January 2020 · 3 pages ·
        2 highlights``, or why the file cannot be read. A code's section (``in_code``)
        leaves out what its code's row says (kind, place)."""
        if doc.status is DocStatus.PENDING:
            return "Reading…"
        if not doc.status.readable and doc.status is not DocStatus.NO_TEXT:
            return doc.status_line[:1].upper() + doc.status_line[1:]
        parts = [short_date(doc.meta.date) if in_code else glance(doc)]
        count = self._counts.get(doc.id, 0)
        if count:
            parts.append(plural(count, "highlight"))
        if doc.status is DocStatus.NO_TEXT:
            parts.append("no text layer")
        return " · ".join(p for p in parts if p)

    def _part_data(self, row: Row, column: Column, role: int) -> Any:
        """A code's row ("D.C. Code (13 sections)") or a part's ("Chapter 9E. Harm …")."""
        if role == SORT_ROLE:
            return self._sort_data(row, column)
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

    def _part_display(self, row: Row, column: Column) -> str:
        coll = row.collection
        if column == Column.TITLE:
            if row.kind == CODE and coll is not None:
                return coll.label
            return row.node.text if row.node is not None else ""
        if column == Column.KIND:
            return kind_label("statute")
        if column == Column.JURISDICTION:
            owner = self._code_row(row)
            return owner.collection.jurisdiction if owner and owner.collection else ""
        if column == Column.NOTES:
            total = sum(self._counts.get(d, 0) for d in row.doc_ids())
            return str(total) if total else ""
        return ""

    def _part_details(self, row: Row) -> str:
        """The line under a code's title (``Statute · DC · 2 highlights``: its label counts
        the sections) or a part's (``5 sections · 2 highlights``)."""
        if row.kind == CODE:
            owner = row.collection
            parts = [kind_label("statute"), owner.jurisdiction if owner else ""]
        else:
            parts = [plural(_sections(row), "section")]
        count = sum(self._counts.get(d, 0) for d in row.doc_ids())
        if count:
            parts.append(plural(count, "highlight"))
        return " · ".join(p for p in parts if p)

    @staticmethod
    def _code_row(row: Row | None) -> Row | None:
        while row is not None and row.kind != CODE:
            row = row.parent
        return row

    def _display(self, doc: Document, column: Column) -> str:
        if column == Column.TITLE:
            if doc.status.readable or doc.status is DocStatus.PENDING:
                return doc.title
            return f"{doc.title} — {doc.status_line}"
        if column == Column.KIND:
            return SHORT_KINDS.get(doc.meta.kind, kind_label(doc.meta.kind))
        if column == Column.JURISDICTION:
            return doc.meta.jurisdiction
        if column == Column.DATE:
            return doc.meta.date
        if column == Column.PAGES:
            return str(doc.pages) if doc.paged and doc.pages else ""
        if column == Column.NOTES:
            count = self._counts.get(doc.id, 0)
            return str(count) if count else ""
        if column == Column.SOURCE:
            return doc.text_source
        reason = f" — {doc.reason}" if doc.reason and not doc.status.readable else ""
        return status_text(doc) + reason

    def _sort_data(self, row: Row, column: Column) -> str:
        """What the library sorts by: a string, which the proxy compares in C++ (a Python
        ``lessThan`` cost ~0.2 s of stalled window per 500 rows inserted or recounted).
        Inside a code, the code's own order whichever way the column is sorted
        (:attr:`children_descending`); elsewhere the column's value, ties by title."""
        if row.parent is not None:
            position = self._rows.position(row)
            return f"{_LAST - position if self.children_descending else position:07d}"
        doc = self._docs.get(row.doc_id) if row.kind == DOC else None
        if doc is None:  # a code's row among the documents
            title = self._part_display(row, Column.TITLE).casefold()
            if column == Column.NOTES:
                key = f"{sum(self._counts.get(d, 0) for d in row.doc_ids()):09d}"
            else:
                key = self._part_display(row, column).casefold()
        else:
            title = doc.title.casefold()
            key = self._sort_key(doc, column)
        return f"{key}{_TIE}{doc.path if doc else ''}" if column == Column.TITLE \
            else f"{key}{_TIE}{title}"

    def _sort_key(self, doc: Document, column: Column) -> str:
        if column == Column.TITLE:
            return doc.title.casefold()
        if column == Column.PAGES:
            return f"{doc.pages if doc.paged else 0:09d}"
        if column == Column.NOTES:
            return f"{self._counts.get(doc.id, 0):09d}"
        if column == Column.STATUS:
            return f"{0 if doc.status.readable else 1}{status_text(doc).casefold()}"
        return self._display(doc, column).casefold()

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
