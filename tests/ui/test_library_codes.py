"""Codes in the library: hundreds of one-section files are one row per code, opening onto
Title 48 › Chapter 9E › § 48-961.05, not hundreds of flat rows (issue 13, part 4)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from reader.documents.codes import code_collections
from reader.model.codes import CodeCollection
from reader.model.documents import DocMeta, DocStatus, DocText, Document, Link, Section
from reader.ui.models.library_filter import LibraryFilter
from reader.ui.models.library_model import DOC_ID_ROLE, LibraryModel
from reader.ui.prefs import Prefs
from reader.ui.widgets.library_panel import LibraryPanel

INDEX_ID = "f" * 64
INDEX_TEXT = "Title 48. Foods and Drugs.\n\nChapter 9E. Harm Reduction.\n\n" + "\n\n".join(
    f"§ 48-961.{i:02d}" for i in range(1, 6))


def _section(i: int, number: str | None = None) -> Document:
    number = number or f"48-961.{i:02d}"
    return Document(f"{i:064x}", f"dc/{number}.xml", "xml", 1, 1, DocStatus.OK,
                    meta=DocMeta(title=f"§ {number}. Section {i}.", kind="statute",
                                 jurisdiction="DC", citation=f"D.C. Code § {number}"))


def _index_text() -> DocText:
    text = INDEX_TEXT
    links = []
    for i in range(1, 6):
        label = f"§ 48-961.{i:02d}"
        at = text.index(label)
        links.append(Link(at, at + len(label), f"D.C. Code {label}", f"./48-961.{i:02d}.xml"))
    chapter = text.index("Chapter 9E")
    return DocText(INDEX_ID, text, (), (
        Section("Title 48. Foods and Drugs.", 1, 0, len(text), "Title 48"),
        Section("Chapter 9E. Harm Reduction.", 2, chapter, len(text), "Chapter 9E")),
        tuple(links))


def _library(n: int = 5) -> tuple[list[Document], tuple[CodeCollection, ...]]:
    index = Document(INDEX_ID, "dc/index.xml", "xml", 1, 1, DocStatus.OK,
                     meta=DocMeta(title="Title 48. Foods and Drugs", kind="statute",
                                  jurisdiction="DC", citation="D.C. Code"))
    memo = Document("a" * 64, "memos/memo.pdf", "pdf", 1, 1, DocStatus.OK,
                    meta=DocMeta(title="Charging memo", kind="memo", jurisdiction="PA"))
    docs = [memo, index, *(_section(i) for i in range(1, n + 1))]
    return docs, code_collections(docs, lambda doc_id: _index_text())


def _tree(model: Any, parent: QModelIndex | None = None, depth: int = 0) -> list[str]:
    parent = parent or QModelIndex()
    out = []
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        out.append("  " * depth + index.data())
        out += _tree(model, index, depth + 1)
    return out


def test_a_code_is_one_row_with_its_hierarchy(qtmodeltester: Any) -> None:
    model = LibraryModel()
    docs, colls = _library(7)  # §§ .06 and .07 are not in the index: placed by number
    model.set_documents(docs, colls)
    qtmodeltester.check(model)
    assert _tree(model) == [
        "Charging memo",
        "D.C. Code (7 sections)",
        "  Title 48. Foods and Drugs",
        "    Chapter 9E. Harm Reduction",
        "      Index — index.xml",  # the chapter's index file
        "      § 48-961.01. Section 1.",
        "      § 48-961.02. Section 2.",
        "      § 48-961.03. Section 3.",
        "      § 48-961.04. Section 4.",
        "      § 48-961.05. Section 5.",
        "    §§ 48-961.06–48-961.07",
        "      § 48-961.06. Section 6.",
        "      § 48-961.07. Section 7."]
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_updates_insert_and_remove_rows_inside_a_code(qtbot: Any) -> None:
    model = LibraryModel()
    docs, colls = _library(7)

    def codes(docs: list[Document]) -> tuple[CodeCollection, ...]:
        return code_collections(docs, lambda doc_id: _index_text())

    model.set_documents(docs, colls)
    group = model.parent(model.index_of(_section(6).id))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    more = [*docs, _section(8, "48-961.065")]  # arrives between .06 and .07
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        model.set_documents(more, codes(more))
    parent, first, last = blocker.args
    assert (parent.data(), first, last) == ("§§ 48-961.06–48-961.07", 1, 1)
    assert model.index(1, 0, group).data() == "§ 48-961.065. Section 8."
    assert group.data() == "§§ 48-961.06–48-961.07"  # the same row, its label grown
    renamed = [replace(d, meta=replace(d.meta, title="§ 48-961.02. Renamed."))
               if d.id == _section(2).id else d for d in more]
    with qtbot.waitSignal(model.dataChanged):
        model.set_documents(renamed, codes(renamed))
    assert model.index_of(_section(2).id).data() == "§ 48-961.02. Renamed."
    fewer = [d for d in renamed if d.id != _section(3).id]
    with qtbot.waitSignal(model.rowsRemoved):
        model.set_documents(fewer, codes(fewer))
    assert not model.index_of(_section(3).id).isValid()
    assert resets == []  # rows of what stays were kept


def test_filters_reach_inside_codes() -> None:
    model = LibraryModel()
    docs, colls = _library(5)
    model.set_documents(docs, colls)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.set_text("48-961.04")
    assert _tree(proxy) == ["D.C. Code (5 sections)", "  Title 48. Foods and Drugs",
                            "    Chapter 9E. Harm Reduction", "      § 48-961.04. Section 4."]
    proxy.set_text("")
    proxy.set_kind("memo")
    assert _tree(proxy) == ["Charging memo"]
    proxy.set_kind("")
    proxy.set_theme_documents(frozenset({_section(2).id}))
    assert _tree(proxy)[-1] == "      § 48-961.02. Section 2."
    assert proxy.first_doc_id() == _section(2).id


@pytest.fixture
def panel(qtbot: Any, settings: Any) -> LibraryPanel:
    p = LibraryPanel(Prefs(settings))
    qtbot.addWidget(p)
    p.resize(600, 500)
    p.show()
    docs, colls = _library(5)
    p.set_documents(docs, colls)
    return p


def test_the_panel_opens_sections_and_reads_chapters(qtbot: Any, panel: LibraryPanel) -> None:
    assert panel.summary.text() == "7 documents"
    panel.select_doc(_section(3).id)  # inside a code: its parents open
    assert panel.selected_doc_id() == _section(3).id
    index = panel.tree.currentIndex()
    assert panel.tree.isExpanded(index.parent())
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.tree.activated.emit(index)
    assert opened.args == [_section(3).id]
    with qtbot.waitSignal(panel.chapter_requested) as chapter:
        panel.tree.activated.emit(index.parent())
    assert chapter.args[0].label == "Chapter 9E"
    assert index.data(DOC_ID_ROLE) == _section(3).id
    panel.filter_edit.setText("Section 5")
    assert panel.summary.text() == "1 of 7 documents"
    with qtbot.waitSignal(panel.open_requested) as first:
        panel.filter_edit.returnPressed.emit()
    assert first.args == [_section(5).id]


def test_a_screenshot_of_a_code_in_the_library(panel: LibraryPanel, tmp_path: Any) -> None:
    panel.select_doc(_section(2).id)
    assert panel.grab().save(str(tmp_path / "library-codes.png"))


def test_at_its_preferred_width_a_sections_number_shows_in_full(qtbot: Any, settings: Any
                                                                ) -> None:
    """The window's first layout gives the library its size hint: a code's section three
    levels down still shows its whole number beside the Kind, Pages and Marks columns."""
    p = LibraryPanel(Prefs(settings))
    qtbot.addWidget(p)
    p.resize(p.sizeHint().width(), 500)
    p.show()
    docs, colls = _library(5)
    p.set_documents(docs, colls)
    p.select_doc(_section(5).id)
    qtbot.waitExposed(p)
    index = p.tree.currentIndex()
    assert index.data().startswith("§ 48-961.05")
    room = p.tree.visualRect(index).width()
    icon = p.tree.iconSize().width() if index.data(Qt.ItemDataRole.DecorationRole) else 0
    needed = p.tree.fontMetrics().horizontalAdvance("§ 48-961.05. Sec") + icon + 12
    assert room >= needed, (room, needed)
