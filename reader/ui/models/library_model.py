"""The library as a table model over document ids (one row per document, data looked up
lazily from the ``Document`` records the session hands in)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from reader.model.documents import DocStatus, Document
from reader.ui.formatting import doc_details, kind_label

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
DOC_ROLE = Qt.ItemDataRole.UserRole + 3


def status_text(doc: Document) -> str:
    if doc.status is DocStatus.OK:
        return ""
    if doc.status is DocStatus.PENDING:
        return "Reading…"
    return doc.status.value.capitalize()


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._docs: dict[str, Document] = {}
        self._counts: dict[str, int] = {}
        self._icons: dict[str, Any] = {}

    # -- content ---------------------------------------------------------------------------
    def set_documents(self, docs: Sequence[Document]) -> None:
        """Replace the content, keeping rows (and the selection) of documents that stay."""
        new = {d.id: d for d in docs}
        gone = [row for row, doc_id in enumerate(self._ids) if doc_id not in new]
        for row in reversed(gone):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._docs[self._ids[row]]
            del self._ids[row]
            self.endRemoveRows()
        for row, doc_id in enumerate(self._ids):
            if new[doc_id] != self._docs[doc_id]:
                self._docs[doc_id] = new[doc_id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        added = [d for d in docs if d.id not in self._docs]
        if added:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            for doc in added:
                self._ids.append(doc.id)
                self._docs[doc.id] = doc
            self.endInsertRows()

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        if self._ids:
            self.dataChanged.emit(self.index(0, Column.NOTES),
                                  self.index(len(self._ids) - 1, Column.NOTES))

    def document(self, row: int) -> Document | None:
        if 0 <= row < len(self._ids):
            return self._docs[self._ids[row]]
        return None

    def row_of(self, doc_id: str) -> int:
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return -1

    def documents(self) -> list[Document]:
        return [self._docs[i] for i in self._ids]

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

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
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        doc = self._docs[self._ids[index.row()]]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(doc, column)
        if role == SORT_ROLE:
            return self._sort_key(doc, column)
        if role == DOC_ID_ROLE:
            return doc.id
        if role == DOC_ROLE:
            return doc
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
            return self._icon(doc)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(doc, column)
            return f"{HEADERS[column]}: {text}" if text else HEADERS[column]
        return None

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

    def _sort_key(self, doc: Document, column: Column) -> Any:
        if column == Column.TITLE:
            return doc.title.casefold()
        if column == Column.PAGES:
            return doc.pages if doc.paged else 0
        if column == Column.NOTES:
            return self._counts.get(doc.id, 0)
        if column == Column.STATUS:
            return f"{0 if doc.status.readable else 1}{status_text(doc)}"
        return self._display(doc, column).casefold()

    def _icon(self, doc: Document) -> Any:
        from reader.ui.resources import icon

        name = "document" if doc.status.readable or doc.status is DocStatus.PENDING else "warning"
        if name not in self._icons:
            self._icons[name] = icon(name, "#b26a00" if name == "warning" else None)
        return self._icons[name]
