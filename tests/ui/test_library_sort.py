"""Sorting the library: every column both ways with ties by title, a code's sections in the
code's order whichever way, highlight counts that re-sort only when sorted by them, and a
burst of new files as one insertion. The sort keys are strings Qt compares itself (no Python
``lessThan``: it was called thousands of times per change, on the GUI thread)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from reader.documents.codes import code_collections
from reader.model.documents import DocMeta, DocStatus, Document
from reader.ui.models.library_filter import LibraryFilter
from reader.ui.models.library_model import DOC_ID_ROLE, Column, LibraryModel

from .test_library_codes import _index_text, _library

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
CODE_ORDER = ["Index — index.xml", *(f"§ 48-961.0{i}. Section {i}." for i in range(1, 6))]


def _doc(n: int, title: str, *, kind: str = "memo", date: str = "", pages: int = 0,
         path: str = "") -> Document:
    return Document(f"{n:064x}", path or f"docs/{n:03d}.pdf", "pdf", 1, 1, DocStatus.OK,
                    meta=DocMeta(title=title, kind=kind, date=date), pages=pages,
                    paged=bool(pages))


DOCS = [
    _doc(1, "Zoning and outreach", kind="report", date="2021-05-01", pages=40),
    _doc(2, "alpha memo", kind="memo", date="2023-01-09", pages=3),
    _doc(3, "Bravo memo", kind="memo", date="2019-11-30", pages=12),
    _doc(4, "Charlie opinion", kind="opinion", date="2023-01-09", pages=3),
]


def _proxy(qtbot: Any, docs: list[Document], collections: Any = ()) -> LibraryFilter:
    model = LibraryModel()
    model.set_documents(docs, collections)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    return proxy


def _titles(proxy: LibraryFilter, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [proxy.index(r, 0, parent).data(Qt.ItemDataRole.DisplayRole)
            for r in range(proxy.rowCount(parent))]


@pytest.mark.parametrize(("column", "expected"), [
    (Column.TITLE, ["alpha memo", "Bravo memo", "Charlie opinion", "Zoning and outreach"]),
    (Column.KIND, ["alpha memo", "Bravo memo", "Charlie opinion", "Zoning and outreach"]),
    (Column.DATE, ["Bravo memo", "Zoning and outreach", "alpha memo", "Charlie opinion"]),
    (Column.PAGES, ["alpha memo", "Charlie opinion", "Bravo memo", "Zoning and outreach"]),
])
def test_each_column_sorts_both_ways_with_ties_by_title(qtbot: Any, qtmodeltester: Any,
                                                        column: Column,
                                                        expected: list[str]) -> None:
    proxy = _proxy(qtbot, DOCS)
    proxy.sort(column, ASC)
    assert _titles(proxy) == expected
    proxy.sort(column, DESC)
    assert _titles(proxy) == expected[::-1]
    qtmodeltester.check(proxy)


def _sections(proxy: LibraryFilter) -> list[str]:
    """The titles of the rows under the code's deepest part (its sections)."""
    parent = next(proxy.index(r, 0) for r in range(proxy.rowCount())
                  if proxy.index(r, 0).data(DOC_ID_ROLE) is None)
    while True:
        deeper = [proxy.index(r, 0, parent) for r in range(proxy.rowCount(parent))
                  if proxy.rowCount(proxy.index(r, 0, parent))]
        if not deeper:
            return _titles(proxy, parent)
        parent = deeper[-1]


def test_ten_pages_sort_after_nine(qtbot: Any) -> None:
    proxy = _proxy(qtbot, [_doc(1, "Ten", pages=10), _doc(2, "Nine", pages=9),
                           _doc(3, "Hundred", pages=100)])
    proxy.sort(Column.PAGES, ASC)
    assert _titles(proxy) == ["Nine", "Ten", "Hundred"]


def test_a_codes_sections_keep_the_codes_order_either_way(qtbot: Any,
                                                          qtmodeltester: Any) -> None:
    docs, collections = _library(5)
    proxy = _proxy(qtbot, docs, collections)
    for order in (ASC, DESC, ASC):
        proxy.sort(Column.TITLE, order)
        sections = _sections(proxy)
        assert sections == CODE_ORDER, order
    qtmodeltester.check(proxy)


def test_counts_move_a_row_only_when_sorted_by_them(qtbot: Any) -> None:
    proxy = _proxy(qtbot, DOCS)
    model = proxy.library()
    proxy.sort(Column.NOTES, DESC)
    model.set_annotation_counts({DOCS[3].id: 5})
    assert _titles(proxy)[0] == "Charlie opinion"
    model.set_annotation_counts({DOCS[3].id: 5, DOCS[0].id: 9})
    assert _titles(proxy)[:2] == ["Zoning and outreach", "Charlie opinion"]


def test_only_the_rows_whose_count_changed_are_told(qtbot: Any) -> None:
    docs = [_doc(i, f"Doc {i:03d}") for i in range(1, 101)]
    proxy = _proxy(qtbot, docs)
    model = proxy.library()
    model.set_annotation_counts({d.id: 1 for d in docs})
    told: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda a, b, *_r: told.append((a.row(), b.row(), a.column())))
    model.set_annotation_counts({**{d.id: 1 for d in docs}, docs[41].id: 3})
    assert {(a, b) for a, b, _c in told} == {(41, 41)}
    assert {c for _a, _b, c in told} == {Column.TITLE, Column.NOTES}
    told.clear()
    model.set_annotation_counts({**{d.id: 1 for d in docs}, docs[41].id: 3})
    assert told == []  # nothing changed: nothing said


def test_a_burst_of_new_files_is_one_insertion(qtbot: Any, qtmodeltester: Any) -> None:
    first = [_doc(i, f"Old {i}", path=f"a/{i:03d}.pdf") for i in range(1, 31)]
    burst = [_doc(1000 + i, f"Synced {i}", path=f"synced/{i:03d}.pdf") for i in range(500)]
    proxy = _proxy(qtbot, first)
    proxy.sort(Column.TITLE, ASC)
    model = proxy.library()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.set_documents(sorted(first + burst, key=lambda d: d.path))
    assert inserted == [(30, 529)]
    assert proxy.rowCount() == 530 and _titles(proxy)[:2] == ["Old 1", "Old 10"]
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.set_documents(first)
    assert removed == [(30, 529)]
    qtmodeltester.check(proxy)


def test_sorting_a_code_by_another_column_keeps_its_order(qtbot: Any) -> None:
    docs, _ = _library(5)
    collections = code_collections(docs, lambda _doc_id: _index_text())
    proxy = _proxy(qtbot, docs, collections)
    proxy.sort(Column.DATE, DESC)
    sections = _sections(proxy)
    assert sections == CODE_ORDER


def test_sort_keys_are_recomputed_when_what_they_say_changes(qtbot: Any) -> None:
    """Sort keys are cached per row and column: a new title, a new count, new rows in a
    code and a new direction each give fresh keys (never a stale order)."""
    from dataclasses import replace

    proxy = _proxy(qtbot, DOCS)
    model = proxy.library()
    proxy.sort(Column.TITLE, ASC)
    assert _titles(proxy)[0] == "alpha memo"
    renamed = [replace(d, meta=replace(d.meta, title="Zulu memo")) if d is DOCS[1] else d
               for d in DOCS]
    model.set_documents(renamed)
    assert _titles(proxy) == ["Bravo memo", "Charlie opinion", "Zoning and outreach",
                              "Zulu memo"]
    proxy.sort(Column.NOTES, DESC)
    model.set_annotation_counts({DOCS[2].id: 4})
    assert _titles(proxy)[0] == "Bravo memo"
    docs, collections = _library(3)
    model.set_documents(docs, collections)
    proxy.sort(Column.TITLE, DESC)
    assert _sections(proxy) == CODE_ORDER[:4]
    more, more_collections = _library(5)
    model.set_documents(more, more_collections)
    assert _sections(proxy) == CODE_ORDER
