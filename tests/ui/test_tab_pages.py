"""A reader tab with its page view (standalone: the tab, its text and the pages; the window
wiring is tested with the main window)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from reader.model.documents import DocStatus
from reader.ops.pages import PageSource
from reader.ui.marks import Mark, MarkStyle
from reader.ui.pages.tab_pages import TabPages, can_show_pages
from reader.ui.reader_doc import ReaderStyle
from reader.ui.widgets.reader_tab import ReaderTab
from tests.ui.gui_fixtures import make_document
from tests.ui.page_fixtures import BRENNAN, extracted


def _tab(qtbot) -> tuple[ReaderTab, TabPages]:
    doc_text, boxes, _digest = extracted(BRENNAN)
    doc = make_document(doc_text, title="Directive", path="memos/brennan.pdf", kind="memo")
    doc = doc.__class__(**{**doc.__dict__, "format": "pdf", "paged": True})
    tab = ReaderTab(doc, ReaderStyle())
    qtbot.addWidget(tab)
    tab.resize(800, 900)
    tab.show()
    tab.show_text(doc_text)
    pages = TabPages(tab, lambda _id: PageSource(BRENNAN, doc.id, boxes, None))
    return tab, pages


def test_toggle_keeps_the_place_and_the_marks(qtbot) -> None:
    tab, pages = _tab(qtbot)
    assert can_show_pages(tab.doc) and pages.available
    text = tab.doc_text.text  # type: ignore[union-attr]
    at = text.index("Treatment Court", len(text) // 2)
    tab.view.scroll_to_offset(at, align=0.0)
    style = MarkStyle(background=QColor(255, 0, 0, 200))
    pages.set_marks("find", [Mark(at, at + 15, style)])
    with qtbot.waitSignal(pages.mode_changed) as sig:
        pages.toggle()
    assert sig.args == ["pages"] and tab.stack.currentWidget() is pages.pane
    view = pages.pane.view  # type: ignore[union-attr]
    assert pages.active_view is view and view.marks("find")
    assert view.current_page() >= 2  # the same place: past the first page
    assert abs(view.top_offset() - at) < 3000
    pages.toggle()
    assert pages.mode == "text" and tab.stack.currentWidget() is tab.view
    assert abs(tab.view.top_offset() - at) < 3000


def test_a_document_that_is_not_a_readable_pdf_has_no_pages(qtbot) -> None:
    tab, pages = _tab(qtbot)
    for change in ({"format": "html"}, {"status": DocStatus.DAMAGED}):
        tab.doc = tab.doc.__class__(**{**tab.doc.__dict__, **change})
        assert not pages.available
        assert pages.show_pages() == "text" and pages.pane is None
