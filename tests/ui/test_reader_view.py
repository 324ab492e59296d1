"""The reader view and tab: text, selection in code points, marks, find, pages, zoom."""

from __future__ import annotations

import pytest

from reader.ui.marks import Mark, MarkStyle
from reader.ui.reader_doc import ReaderStyle
from reader.ui.widgets.reader_tab import ReaderTab
from reader.ui.widgets.reader_view import ReaderView
from tests.ui.gui_fixtures import make_doc_text, make_document


@pytest.fixture
def tab(qtbot):
    text = make_doc_text(5)
    t = ReaderTab(make_document(text), ReaderStyle())
    qtbot.addWidget(t)
    t.resize(900, 600)
    t.show()
    t.show_text(text)
    return t


def test_blocks_headings_and_pages(tab) -> None:
    built = tab.view.built
    assert built.document.blockCount() == built.text_map.block_count
    assert 0 in built.headings
    assert sorted(p.number for p in built.page_starts.values()) == [1, 2, 3, 4, 5]
    # soft line breaks are reflowed as spaces; paragraphs are blocks
    assert "\n" not in built.document.toPlainText().replace("\n", "", 0)[:0]
    first_para = built.document.findBlockByNumber(1).text()
    assert "substance for personal use" in first_para


def test_selection_is_in_code_points_with_emoji_accents_and_breaks(tab) -> None:
    text = tab.doc_text.text
    start = text.index("💊")
    end = text.index("District", start) + len("District")  # across a paragraph break
    tab.view.select_range(start, end)
    assert tab.view.selection_range() == (start, end)
    assert tab.view.selected_text() == text[start:end]
    assert "café" in tab.view.selected_text() and "\n\n" in tab.view.selected_text()


def test_marks_in_layers_and_keys(tab) -> None:
    from PySide6.QtGui import QColor

    text = tab.doc_text.text
    start = text.index("Naloxone")
    style = MarkStyle(background=QColor(255, 230, 0, 90), margin=QColor("#c90"),
                      margin_symbol="+")
    tab.view.set_marks("highlights", [Mark(start, start + 8, style, "h1")])
    tab.view.set_marks("search", [Mark(start, start + 8, MarkStyle(QColor("orange")))])
    assert [name for name, _ in tab.view.layers()] == ["highlights", "search"]
    assert len(tab.view.extraSelections()) == 2
    tab.view.scroll_to_offset(start)
    rect = tab.view.cursorRect(tab.view.textCursor())
    assert tab.view.mark_keys_at(rect.center()) == ["h1"]
    tab.view.grab()  # paints margin cues and page markers without errors
    tab.view.clear_marks("search")
    assert len(tab.view.extraSelections()) == 1


def test_find_counts_matches_and_cycles(qtbot, tab) -> None:
    tab.open_find()
    tab.find_bar.edit.setText("district   attorney  will")
    qtbot.waitUntil(lambda: tab.find_count() == 5, timeout=3000)
    assert tab.find_bar.count.text().endswith("of 5")
    first = tab.current_match()
    tab.find_next()
    assert tab.current_match() != first
    assert tab.find_bar.count.text().startswith("2 of 5") or "of 5" in tab.find_bar.count.text()
    tab.find_previous()
    assert tab.current_match() == first
    tab.find_bar.edit.setText("no such words")
    qtbot.waitUntil(lambda: tab.find_bar.count.text() == "No matches", timeout=3000)
    tab.close_find()
    assert tab.view.marks("find") == []


def test_pages_by_label_or_number_and_jump_marks(tab) -> None:
    third = tab.doc_text.pages[2]
    assert tab.page_offset("3") == third.start
    assert tab.page_offset("99") is None
    tab.jump(third.start + 4, ((third.start + 4, third.start + 12),))
    assert [(m.start, m.end) for m in tab.view.marks("search")] == [
        (third.start + 4, third.start + 12)]
    assert tab.view.verticalScrollBar().value() > 0


def test_zoom_keeps_the_place(qtbot, tab) -> None:
    page4 = tab.doc_text.pages[3].start
    tab.view.scroll_to_offset(page4, align=0.0)
    before = tab.view.top_offset()
    tab.set_reader_style(ReaderStyle("sans", 18.0))
    qtbot.waitUntil(lambda: tab.view._pending is None, timeout=3000)
    assert abs(tab.view.top_offset() - before) < 200
    assert tab.view.painter.column > 0


def test_a_big_document_opens_and_jumps_to_the_end(qtbot) -> None:
    text = make_doc_text(600, heading=False)
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.load(make_document(text), text)
    last = text.pages[-1].start
    view.scroll_to_offset(last, align=0.0)
    qtbot.waitUntil(lambda: view._pending is None, timeout=10_000)
    assert text.page_at(view.top_offset()).number >= 599


def test_empty_document_and_context_menu_provider(qtbot) -> None:
    from reader.model.documents import DocText, Page

    empty = DocText("e" * 64, "", (Page(1, 0, 0, "", has_text=False),))
    view = ReaderView()
    qtbot.addWidget(view)
    view.load(None, empty)
    assert view.selection_range() is None
    assert view.top_offset() == 0
    calls = []
    view.context_menu_providers.append(lambda menu, span: calls.append(span))
    view.context_menu_providers.append(lambda menu, span: 1 / 0)  # a broken one is skipped
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent

    view.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                            QPoint(5, 5)))
    assert calls == [None]


@pytest.mark.parametrize("width", [900, 520, 380])
def test_the_title_wraps_within_the_view(qtbot, tmp_path, width: int) -> None:
    """At the default window size with both side panels open the reader is narrower than
    its ideal column: the title wraps there instead of running off the right edge."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFontMetricsF

    text = make_doc_text(3)
    title = ("Declination of Simple Possession Charges and Referral to Deflection Services "
             "in Alder County")
    t = ReaderTab(make_document(text, title=title), ReaderStyle())
    qtbot.addWidget(t)
    t.resize(width, 600)
    t.show()
    t.show_text(text)
    qtbot.waitExposed(t)
    view, painter = t.view, t.view.painter
    viewport = view.viewport().width()
    rect = QFontMetricsF(painter.title_font).boundingRect(
        QRectF(0, 0, painter.column, 1e6), int(Qt.TextFlag.TextWordWrap), title)
    assert painter.gutter + rect.width() <= viewport  # nothing beyond the right edge
    assert painter.gutter + painter.column <= viewport
    assert painter.header_height >= rect.height()  # room for every line of it
    first_line = view.document().rootFrame().frameFormat().topMargin()
    assert first_line == painter.header_height  # the text starts below the title
    t.grab().save(str(tmp_path / f"title-{width}.png"))
    t.resize(1400, 600)  # wider again: back to the comfortable column
    qtbot.waitUntil(lambda: painter.column == painter.ideal_column)
