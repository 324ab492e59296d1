"""Item models over ids: the library (and its filter) and search results."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from reader.model.documents import DocStatus
from reader.search.api import DocResult, Facet, SearchHit, SearchResults, Snippet
from reader.ui.models.library_filter import LibraryFilter
from reader.ui.models.library_model import DOC_ID_ROLE, Column, LibraryModel
from reader.ui.models.search_model import (
    HTML_ROLE,
    MATCHES_ROLE,
    OFFSET_ROLE,
    SearchResultsModel,
    snippet_html,
)
from reader.ui.widgets.outline_panel import outline_model
from tests.ui.gui_fixtures import make_doc_text, make_document

pytestmark = pytest.mark.usefixtures("qapp")


def _docs():
    a = make_document(make_doc_text(doc_id="a" * 64), title="Charging Policy", kind="memo")
    b = make_document(make_doc_text(doc_id="b" * 64), title="Overdose Immunity Act",
                      kind="statute", jurisdiction="NM", path="statutes/act.txt")
    c = make_document(make_doc_text(doc_id="c" * 64), title="broken.pdf",
                      status=DocStatus.DAMAGED, reason="the file is truncated",
                      path="broken.pdf", kind="other", jurisdiction="")
    return [a, b, c]


def test_library_model_passes_the_model_tester(qtmodeltester) -> None:
    model = LibraryModel()
    model.set_documents(_docs())
    qtmodeltester.check(model)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_unreadable_documents_show_their_reason() -> None:
    model = LibraryModel()
    model.set_documents(_docs())
    row = model.row_of("c" * 64)
    title = model.index(row, Column.TITLE).data()
    assert "damaged" in title and "truncated" in title
    assert "truncated" in model.index(row, Column.STATUS).data()
    assert model.index(row, Column.TITLE).data(Qt.ItemDataRole.DecorationRole) is not None


def test_the_text_column_says_ocr() -> None:
    model = LibraryModel()
    docs = _docs()
    model.set_documents([replace(docs[0], text_source="OCR"), docs[1]])
    ocr, plain = model.row_of("a" * 64), model.row_of("b" * 64)
    assert model.index(ocr, Column.SOURCE).data() == "OCR"
    assert "check quotes against the page" in model.index(ocr, Column.SOURCE).data(
        Qt.ItemDataRole.ToolTipRole)
    assert model.index(plain, Column.SOURCE).data() == ""
    assert model.headerData(Column.SOURCE, Qt.Orientation.Horizontal) == "Text"


def test_updates_keep_rows_and_report_changes(qtbot) -> None:
    model = LibraryModel()
    docs = _docs()
    model.set_documents(docs)
    renamed = replace(docs[0], meta=replace(docs[0].meta, title="Renamed"))
    with qtbot.waitSignal(model.dataChanged):
        model.set_documents([renamed, docs[1]])
    assert model.rowCount() == 2
    assert model.index(model.row_of("a" * 64), 0).data() == "Renamed"
    model.set_annotation_counts({"a" * 64: 5})
    assert model.index(model.row_of("a" * 64), Column.NOTES).data() == "5"


def test_filters_by_text_kind_place_and_theme() -> None:
    model = LibraryModel()
    model.set_documents(_docs())
    proxy = LibraryFilter()
    proxy.setSourceModel(model)

    def ids() -> set[str]:
        return {proxy.index(r, 0).data(DOC_ID_ROLE)[:1] for r in range(proxy.rowCount())}

    assert ids() == {"a", "b", "c"}
    proxy.set_text("overdose ACT")
    assert ids() == {"b"}
    proxy.set_text("")
    proxy.set_kind("memo")
    assert ids() == {"a"}
    proxy.set_kind("")
    proxy.set_jurisdiction("NM")
    assert ids() == {"b"}
    proxy.set_jurisdiction("")
    proxy.set_theme_documents(frozenset({"c" * 64}))
    assert ids() == {"c"}
    proxy.set_theme_documents(None)
    proxy.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "Overdose Immunity Act"


def _results() -> SearchResults:
    snip = Snippet("drug <naloxone> kits", ((6, 15),), 100, 120, ((106, 115),))
    hit = SearchHit("a" * 64, 2, "ii", 3.0, (snip, snip))
    note = SearchHit("a" * 64, 1, "i", 1.0, (), source="title")
    return SearchResults("naloxone", (
        DocResult("a" * 64, "Charging Policy", "memos/p.pdf", "memo", "2019", 3.0, (hit, note)),
        DocResult("b" * 64, "Act", "a.txt", "statute", "", 1.0, ()),
    ), 2, (Facet("kind", "memo", 1),), "naloxone", ())


def test_search_model_passes_the_model_tester(qtmodeltester) -> None:
    model = SearchResultsModel()
    model.set_results(_results())
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_search_rows_carry_pages_marks_and_jump_targets() -> None:
    model = SearchResultsModel()
    model.set_results(_results())
    group = model.index(0, 0)
    assert model.rowCount(group) == 3  # two snippets + the title match
    hit = model.index(0, 0, group)
    assert hit.data().startswith("p. ii")
    assert hit.data(OFFSET_ROLE) == 106
    assert hit.data(MATCHES_ROLE) == ((106, 115),)
    assert '<b class="m">naloxone&gt;</b>' in hit.data(HTML_ROLE) or \
        "&lt;naloxone&gt;" in hit.data(HTML_ROLE)
    assert model.index(2, 0, group).data(HTML_ROLE).startswith("Matched in the title")
    assert model.rowCount(model.index(1, 0)) == 0


def test_snippet_html_escapes_and_survives_bad_marks() -> None:
    snip = Snippet("<b>a & b</b>", ((-3, 2), (5, 99), (4, 2)), 0, 10, ())
    out = snippet_html(snip)
    assert "<b>a" not in out.replace('<b class="m">', "")
    assert "&amp;" in out


def test_outline_model(qtmodeltester) -> None:
    model = outline_model(make_doc_text(3))
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    pages = outline_model(make_doc_text(3, heading=False))
    assert pages.rowCount() == 3
    qtmodeltester.check(pages)


def test_outline_entries_say_a_sections_number_once(qtmodeltester) -> None:
    """A title that carries its number ("Sec. 101. Grants", "RCW 69.50.4013. …") is shown
    alone; a title without it gets the number before it."""
    from reader.model.documents import DocText, Section

    titles = ["Sec. 101. Grants for overdose response", "RCW 69.50.4013. Possession",
              "Purpose", "Definitions of 2 terms", "(a) A person commits an offense"]
    numbers = ["§ 101", "§ 69.50.4013", "§ 2", "§ 3", "(a)"]
    text = "\n\n".join(titles)
    sections, at = [], 0
    for title, number in zip(titles, numbers, strict=True):
        sections.append(Section(title, 1, at, at + len(title), number))
        at += len(title) + 2
    model = outline_model(DocText("d" * 64, text, (), tuple(sections)))
    qtmodeltester.check(model)
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown == ["Sec. 101. Grants for overdose response", "RCW 69.50.4013. Possession",
                     "§ 2 Purpose", "§ 3 Definitions of 2 terms",
                     "(a) A person commits an offense"]
