"""Sorting and filtering of the library: a text filter (every word must appear in the title,
path, office, jurisdiction or citation), and filters by kind, jurisdiction and theme."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from reader.model.documents import Document
from reader.ui.models.library_model import SORT_ROLE, LibraryModel

Index = QModelIndex | QPersistentModelIndex


def haystack(doc: Document) -> str:
    meta = doc.meta
    return " ".join((doc.title, doc.path, meta.author, meta.jurisdiction, meta.citation,
                     meta.site, meta.kind, meta.date, doc.status.value, doc.reason)).casefold()


class LibraryFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self.setRecursiveFilteringEnabled(True)  # a code shows when one of its files does
        self._words: list[str] = []
        self._kind = ""
        self._jurisdiction = ""
        self._theme_docs: frozenset[str] | None = None

    def library(self) -> LibraryModel:
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        return model

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange()

    def set_jurisdiction(self, jurisdiction: str) -> None:
        self.beginFilterChange()
        self._jurisdiction = jurisdiction
        self.endFilterChange()

    def set_theme_documents(self, doc_ids: frozenset[str] | None) -> None:
        """Only documents with a highlight tagged with the chosen theme (None: no filter)."""
        self.beginFilterChange()
        self._theme_docs = doc_ids
        self.endFilterChange()

    @property
    def active(self) -> bool:
        return bool(self._words or self._kind or self._jurisdiction
                    or self._theme_docs is not None)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.library()
        index = model.index(source_row, 0, source_parent)
        doc = model.doc_at(index)
        if doc is None:  # a code or a part of one: shown when one of its files is
            return False
        if self._kind and doc.meta.kind != self._kind:
            return False
        if self._jurisdiction and doc.meta.jurisdiction != self._jurisdiction:
            return False
        if self._theme_docs is not None and doc.id not in self._theme_docs:
            return False
        if self._words:
            text = haystack(doc)
            node = model.node_at(index)
            if node is not None:  # a section: findable by its code and heading too
                coll = model.collection_of(index)
                text += " " + " ".join((node.text, coll.code if coll else "")).casefold()
            return all(word in text for word in self._words)
        return True

    # No lessThan here: the model's sort keys are strings Qt compares itself (a Python
    # lessThan is called thousands of times per change of a big library, on the GUI thread).
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.library().children_descending = order == Qt.SortOrder.DescendingOrder
        super().sort(column, order)

    def doc_id_at(self, row: int) -> str | None:
        """The document of top-level row ``row``, or the first one under it (a code)."""
        return self.doc_id_of(self.index(row, 0))

    def doc_id_of(self, index: Index) -> str | None:
        """The document of a row (None for a code or a part of one)."""
        if not index.isValid():
            return None
        doc = self.library().doc_at(self.mapToSource(index))
        return doc.id if doc else None

    def first_doc_id(self) -> str | None:
        """The first document shown, depth first (what Enter in the filter box opens)."""
        def walk(parent: QModelIndex) -> str | None:
            for r in range(self.rowCount(parent)):
                index = self.index(r, 0, parent)
                found = self.doc_id_of(index) or walk(index)
                if found:
                    return found
            return None

        return walk(QModelIndex())
