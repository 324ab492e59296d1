"""Long texts in the reader: shown a window at a time (never laid out whole), jumps land at
once, the window follows scrolling without moving the text, and everything the view says is
still in code points of the whole text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.model.documents import DocText, Page, Section
from reader.ui import reader_doc
from reader.ui.marks import Mark, MarkStyle
from reader.ui.offsets import qt_safe
from reader.ui.reader_doc import ReaderStyle
from reader.ui.widgets import reader_window
from reader.ui.widgets.reader_tab import ReaderTab
from tests.ui.gui_fixtures import make_document

WORDS = [
    "the", "district", "attorney", "shall", "decline", "to", "charge", "possession", "where",
    "the", "person", "accepts", "a", "referral", "to", "treatment", "and", "officers",
    "carry", "naloxone", "for", "every", "overdose", "call",
]


def long_text(pages: int, *, doc_id: str = "e" * 64) -> DocText:
    """A fictional report: a heading every 10 pages, three paragraphs a page, soft line
    breaks, and accents and an emoji (two UTF-16 units) on every page."""
    parts: list[str] = []
    page_list: list[Page] = []
    sections: list[Section] = []
    pos = 0
    for number in range(1, pages + 1):
        paras = []
        if number % 10 == 1:
            paras.append(f"Part {number // 10 + 1}. Deflection before charging")
        for k in range(3):
            words = [WORDS[(number * 7 + k * 3 + i) % len(WORDS)] for i in range(40)]
            words[5] = "café"
            words[20] = f"p{number}k{k}\n🚑"  # a soft line break and an astral character
            paras.append(" ".join(words))
        chunk = "\n\n".join(paras)
        start = pos + (2 if parts else 0)
        parts.append(chunk)
        pos = start + len(chunk)
        page_list.append(Page(number, start, pos, str(number)))
        if number % 10 == 1:
            title = paras[0]
            sections.append(Section(title, 1, start, start + len(title)))
    return DocText(doc_id, "\n\n".join(parts), tuple(page_list), tuple(sections))


@pytest.fixture(scope="module")
def big_text() -> DocText:
    return long_text(2000)


@pytest.fixture
def big_tab(qtbot, big_text):
    tab = ReaderTab(make_document(big_text, title="A long report"), ReaderStyle())
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    tab.show()
    tab.show_text(big_text)
    tab.opened_with = view_text_size(tab.view)  # (pytest-qt runs the event loop after set-up)
    yield tab
    tab.close()


def view_text_size(view) -> int:
    return view.document().characterCount()


def settle(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view.scroll_pending and not view.window.busy, timeout=10_000)


def on_screen(view, offset: int) -> bool:
    from PySide6.QtGui import QTextCursor

    built = view.built
    if not built.holds(offset):
        return False
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(offset))
    return view.viewport().rect().contains(view.cursorRect(cursor).center())


def window_text(view) -> str:
    built = view.built
    text = built.text_map.text
    return "\n".join(qt_safe(text[s:e]) for s, e in built.text_map.blocks[built.first:built.end])


def test_a_long_text_opens_as_a_small_window(big_tab, big_text) -> None:
    view = big_tab.view
    built = view.built
    assert len(big_text.text) > 3 * reader_doc.WINDOW_LIMIT
    assert built.windowed and built.first == 0
    # only a few pages are put in the QTextDocument when it opens
    limit = reader_window.JUMP_BEFORE + reader_window.JUMP_AFTER + 2_000
    assert big_tab.opened_with < limit
    assert view.document().toPlainText() == window_text(view)
    assert view.window.bar.isVisible()
    assert view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_hit_near_the_end_lands_at_once(big_tab, big_text) -> None:
    view = big_tab.view
    page = big_text.pages[1899]
    start = big_text.text.index("🚑", page.start) + 1
    end = start + len(" the")
    big_tab.jump(start, ((start, end),))  # no waiting: the window opened there at once
    assert not view.scroll_pending
    assert on_screen(view, start)
    assert big_text.page_at(view.top_offset()).number in (1899, 1900)
    selections = view.extraSelections()
    assert len(selections) == 1
    sel = selections[0].cursor
    assert view.built.range_to_core(sel.selectionStart(), sel.selectionEnd()) == (start, end)
    assert view.document().characterCount() < reader_doc.WINDOW_LIMIT
    # the bar over the whole text says where we are
    view.window.sync_bar()
    bar = view.window.bar
    assert 0.9 < bar.value() / (bar.maximum() + bar.pageStep()) < 0.97


def test_selection_in_code_points_at_the_far_end(big_tab, big_text) -> None:
    view = big_tab.view
    text = big_text.text
    last = big_text.pages[-1]
    start = text.index("café", last.start - 400)  # on the page before, across a page break
    end = text.rindex("🚑") + 1  # the last emoji of the text
    view.select_range(start, end)
    assert view.selection_range() == (start, end)
    assert view.selected_text() == text[start:end]
    assert "\n\n" in view.selected_text() and view.selected_text().endswith("🚑")
    # a point on screen maps to the code point under it
    view.scroll_to_offset(end - 1, align=0.5)
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(end - 1))
    assert view.offset_at(view.cursorRect(cursor).center() + QPoint(1, 0)) in (end - 1, end)


def test_the_window_follows_scrolling_and_keeps_the_text_still(qtbot, big_tab, big_text) -> None:
    view = big_tab.view
    view.scroll_to_offset(big_text.pages[999].start, align=0.0)
    settle(qtbot, view)
    built = view.built
    top = view.top_offset()
    assert built.start_offset <= top - reader_window.KEEP_BEFORE
    assert built.end_offset >= top + reader_window.KEEP_AFTER
    bar = view.verticalScrollBar()
    seen = top
    for _ in range(40):  # scroll down a screen at a time: the window grows and trims
        before = (view.top_offset(), bar.value())
        bar.setValue(bar.value() + view.viewport().height())
        settle(qtbot, view)
        now = view.top_offset()
        assert now > before[0]
        seen = now
        assert view.document().toPlainText() == window_text(view)
        assert built.window_chars <= 2 * (reader_window.KEEP_BEFORE + reader_window.KEEP_AFTER) \
            + 2 * reader_window.CHUNK
    assert big_text.page_at(seen).number > 1005
    # a window change keeps the text on screen exactly where it was
    view.scroll_to_offset(built.start_offset + reader_window.KEEP_BEFORE // 4, align=0.0)
    y_text = view.top_offset()
    first = built.first
    settle(qtbot, view)
    assert built.first < first  # it grew above
    assert view.top_offset() == y_text


def test_formats_survive_growing_and_trimming(qtbot, big_tab, big_text) -> None:
    view = big_tab.view
    built = view.built
    view.scroll_to_offset(big_text.pages[500].start, align=0.0)
    bar = view.verticalScrollBar()
    for step in range(30):
        bar.setValue(bar.value() + (-1 if step % 3 else 1) * 3 * view.viewport().height())
        settle(qtbot, view)
    assert built.first > 0
    for local in range(view.document().blockCount()):
        block = view.document().findBlockByNumber(local)
        number = built.first + local
        fmt = block.blockFormat()
        if number in built.headings:
            assert fmt.headingLevel() == 1, number
            assert block.charFormat().fontWeight() > 400 or block.begin().fragment() \
                .charFormat().fontWeight() > 400
        else:
            assert fmt.headingLevel() == 0, number
            assert fmt.bottomMargin() == round(built.em * 0.9), number
            page_start = number in built.page_starts
            assert (fmt.topMargin() > 0) == page_start, number


def test_scrolling_up_to_the_start_shows_the_title(qtbot, big_tab, big_text) -> None:
    view = big_tab.view
    view.scroll_to_offset(big_text.pages[60].start, align=0.0)
    settle(qtbot, view)
    assert view.built.first > 0
    bar = view.verticalScrollBar()

    def at_top() -> bool:
        if bar.value() > 0 or view.built.first > 0:
            bar.setValue(0)
            return False
        return True

    qtbot.waitUntil(at_top, timeout=15_000)
    settle(qtbot, view)
    assert view.built.first == 0 and view.top_offset() == 0
    view.grab()  # the title block paints


def test_the_position_bar_moves_through_the_whole_text(qtbot, big_tab, big_text) -> None:
    view = big_tab.view
    bar = view.window.bar
    settle(qtbot, view)
    bar.setValue(bar.maximum() // 2)  # as a drag of the thumb does
    qtbot.waitUntil(lambda: abs(big_text.page_at(view.top_offset()).number - 1000) < 15,
                    timeout=5000)
    settle(qtbot, view)
    assert abs(bar.value() - len(big_text.text) // 2) < len(big_text.text) // 100
    bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
    before = view.top_offset()
    qtbot.waitUntil(lambda: view.top_offset() > before, timeout=5000)


def test_wheel_and_keys_scroll_a_windowed_text(qtbot, big_tab, big_text) -> None:
    view = big_tab.view
    settle(qtbot, view)
    before = view.verticalScrollBar().value()
    pos = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, -240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.verticalScrollBar().value() > before
    end = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert end.matches(QKeySequence.StandardKey.MoveToEndOfDocument)
    view.keyPressEvent(end)
    settle(qtbot, view)
    assert big_text.page_at(view.top_offset()).number >= 1999
    home = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    view.keyPressEvent(home)
    assert view.top_offset() == 0 and view.built.first == 0


def test_find_counts_the_whole_text_and_reaches_the_last_match(qtbot, big_tab, big_text) -> None:
    big_tab.open_find()
    big_tab.find_bar.edit.setText("p2000k2")
    qtbot.waitUntil(lambda: big_tab.find_count() == 1, timeout=5000)
    start, end = big_tab.current_match()
    assert big_text.text[start:end] == "p2000k2"
    assert on_screen(big_tab.view, start)
    big_tab.view.scroll_to_offset(0)
    big_tab.find_bar.edit.setText("café")
    expected = big_text.text.count("café")
    qtbot.waitUntil(lambda: big_tab.find_count() == expected, timeout=5000)
    assert expected == 6000
    assert big_tab.current_match()[0] < big_text.pages[1].start  # the first, near the top
    big_tab.find_previous()  # wraps to the last match, 2,000 pages away
    assert big_tab.current_match()[0] > big_text.pages[-1].start
    assert on_screen(big_tab.view, big_tab.current_match()[0])
    # only the matches in the window are Qt selections
    assert len(big_tab.view.extraSelections()) < 1000


def test_marks_anywhere_are_drawn_when_shown(qtbot, big_tab, big_text) -> None:
    from PySide6.QtGui import QColor, QTextCursor

    view = big_tab.view
    style = MarkStyle(background=QColor(255, 230, 0, 90), margin=QColor("#c90"),
                      margin_symbol="+")
    spots = [big_text.text.index("café", big_text.pages[n].start) for n in (2, 1000, 1998)]
    view.set_marks("highlights", [Mark(s, s + 4, style, f"h{i}") for i, s in enumerate(spots)])
    assert len(view.extraSelections()) == 1  # only page 3 is in the window
    view.scroll_to_offset(spots[1])
    assert len(view.extraSelections()) == 1
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(spots[1] + 1))
    assert view.mark_keys_at(view.cursorRect(cursor).center()) == ["h1"]
    view.grab()  # margin cues paint for a window far from the start
    view.clear_marks("highlights")
    assert view.extraSelections() == []


def test_select_all_copies_the_whole_text(qtbot, big_tab, big_text) -> None:
    view = big_tab.view
    view.selectAll()
    assert view.selection_range() == (0, len(big_text.text))
    view.copy()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Part 1.") and copied.endswith("🚑" + big_text.text.split("🚑")[-1])
    assert copied.count("\n") == big_text.text.count("\n\n")
    # Ctrl+C and the context menu's Copy do the same
    QGuiApplication.clipboard().clear()
    view.keyPressEvent(QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_C,
                                 Qt.KeyboardModifier.ControlModifier, "c"))
    assert QGuiApplication.clipboard().text() == copied
    QGuiApplication.clipboard().clear()
    menu = view.context_menu(view.viewport().rect().center())
    copy = next(a for a in menu.actions() if a.objectName() == "edit-copy")
    copy.trigger()
    assert QGuiApplication.clipboard().text() == copied
    menu.deleteLater()
    view.select_range(10, 20)
    assert view.selection_range() == (10, 20)
    view.copy()
    assert QGuiApplication.clipboard().text() == qt_safe(big_text.text[10:20])


def test_zoom_keeps_the_place_in_a_long_text(qtbot, big_tab, big_text) -> None:
    view = big_tab.view
    view.scroll_to_offset(big_text.pages[1500].start, align=0.0)
    before = view.top_offset()
    big_tab.set_reader_style(ReaderStyle("sans", 17.0))
    settle(qtbot, view)
    assert abs(view.top_offset() - before) < 300
    assert view.built.windowed and view.built.style.point_size == 17.0


def test_a_text_just_over_the_limit_and_tiny_windows(qtbot, monkeypatch) -> None:
    """Small window sizes: every edge case of growing and trimming comes up often."""
    monkeypatch.setattr(reader_doc, "WINDOW_LIMIT", 5_000)
    for name, value in (("JUMP_BEFORE", 600), ("JUMP_AFTER", 1_500), ("CHUNK", 900),
                        ("KEEP_BEFORE", 1_200), ("KEEP_AFTER", 2_400), ("EDGE", 300)):
        monkeypatch.setattr(reader_window, name, value)
    text = long_text(60, doc_id="f" * 64)
    tab = ReaderTab(make_document(text), ReaderStyle())
    qtbot.addWidget(tab)
    tab.resize(800, 500)
    tab.show()
    tab.show_text(text, offset=text.pages[30].start)
    view = tab.view
    assert view.built.windowed and view.built.first > 0
    assert view.built.window_chars < 600 + 1_500 + 2 * 800  # whole paragraphs around it
    bar = view.verticalScrollBar()
    tops = []
    for _ in range(90):
        bar.setValue(bar.value() + 300)
        settle(qtbot, view)
        tops.append(view.top_offset())
        assert view.document().toPlainText() == window_text(view)
    assert tops == sorted(tops) and tops[-1] > text.pages[55].start
    assert view.built.end == view.built.block_count


def test_thousands_of_marks_cost_only_those_near_the_view(qtbot, big_tab, big_text) -> None:
    from PySide6.QtGui import QColor

    view = big_tab.view
    style = MarkStyle(background=QColor(255, 230, 0, 90), margin=QColor("#c90"))
    text = big_text.text
    step = len(text) // 2000
    marks = [Mark(i * step, i * step + 30, style, f"h{i}") for i in range(2000)]
    view.set_marks("highlights", marks)
    near = len(view.extraSelections())
    assert 0 < near < 100  # only those around the view became Qt selections
    for where in (len(text) // 2, 1999 * step - 100, 0):
        view.scroll_to_offset(where)
        settle(qtbot, view)
        top, bottom = view.top_offset(), view.bottom_offset()
        shown = {(m.start, m.end) for m in marks if m.start < bottom and m.end > top}
        selections = view.extraSelections()
        placed = {view.built.range_to_core(s.cursor.selectionStart(), s.cursor.selectionEnd())
                  for s in selections}
        assert shown and shown <= placed, where  # everything on screen is drawn
        assert len(selections) < 100
    # adding one highlight places one layer again, near the view
    from PySide6.QtGui import QTextCursor

    view.set_marks("highlights", [*marks, Mark(5, 9, style, "new")])
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(6))
    assert sorted(view.mark_keys_at(view.cursorRect(cursor).center())) == ["h0", "new"]
    placed = {view.built.range_to_core(s.cursor.selectionStart(), s.cursor.selectionEnd())
              for s in view.extraSelections()}
    assert (5, 9) in placed and len(placed) < 100


def test_marks_between_matches_a_plain_scan(qtbot) -> None:
    import random

    from reader.ui.widgets.reader_view import ReaderView

    view = ReaderView()
    qtbot.addWidget(view)
    rng = random.Random(7)
    style = MarkStyle()
    marks = [Mark(a, a + rng.randint(0, 400), style, str(i))
             for i, a in enumerate(rng.randint(0, 5000) for _ in range(300))]
    view.set_marks("highlights", marks)
    for _ in range(200):
        lo = rng.randint(0, 5400)
        hi = lo + rng.randint(1, 600)
        expected = sorted((m.start, m.end, m.key) for m in marks if m.start < hi and m.end > lo)
        got = sorted((m.start, m.end, m.key) for m in view.mark_layers.between("highlights",
                                                                                lo, hi))
        assert got == expected
    assert sorted(view.mark_layers.keys_at(2500)) == sorted(
        m.key for m in marks if m.start <= 2500 < m.end)


def test_a_new_title_keeps_the_place_and_the_marks(qtbot, big_tab, big_text) -> None:
    import dataclasses

    view = big_tab.view
    hit = big_text.pages[1200].start + 50
    big_tab.jump(hit, ((hit, hit + 6),))
    before = view.top_offset()
    doc = big_tab.doc
    renamed = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, title="Renamed"))
    big_tab.update_document(renamed)
    assert view.painter.title == "Renamed"
    assert abs(view.top_offset() - before) < 200
    assert [(m.start, m.end) for m in view.marks("search")] == [(hit, hit + 6)]
    assert on_screen(view, hit)
