"""The page view on its own: pages drawn, zoom and fit, keys, dark pages, marks drawn
inside their characters' boxes, drag and double-click selection by the character boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.ui.marks import Mark, MarkStyle, Underline
from reader.ui.pages.pane import PagePane
from tests.ui.page_fixtures import BRENNAN, MEMO, boxes_of, extracted, point_of, view_rect


def open_pane(qtbot, path: Path = MEMO, size: tuple[int, int] = (800, 900)) -> PagePane:
    pane = PagePane()
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.show()
    doc_text, _boxes, digest = extracted(path)
    assert pane.load(path, digest, doc_text, boxes_of(path))
    view = pane.view
    qtbot.waitUntil(lambda: view.images is not None
                    and view.images.image(0, view.layout_.rects[0].width,
                                          view.layout_.rects[0].height) is not None,
                    timeout=10_000)
    return pane


def test_pages_are_drawn_and_the_bar_shows_where(qtbot, tmp_path: Path) -> None:
    pane = open_pane(qtbot)
    view = pane.view
    assert view.page_count == 3 and pane.page_total.text() == "of 3"
    assert pane.page_box.text() == "1" and pane.fit_width.isChecked()
    shot = view.viewport().grab().toImage()
    shot.save(str(tmp_path / "page.png"))
    r = view.layout_.rects[0]
    # the page is white paper with dark letters on it, on a grey desk
    assert shot.pixelColor(r.x + 5, r.y + 5) == QColor("white")
    dark = sum(1 for y in range(r.y, min(shot.height(), r.y + 400), 4)
               for x in range(r.x, r.x + r.width, 4) if shot.pixelColor(x, y).lightness() < 90)
    assert dark > 200
    assert shot.pixelColor(2, 300).lightness() < 250  # the desk beside the page


def test_fit_zoom_and_keys(qtbot) -> None:
    pane = open_pane(qtbot)
    view = pane.view
    width_zoom = view.effective_zoom()
    view.set_fit("page")
    assert pane.fit_page.isChecked() and view.effective_zoom() < width_zoom
    r = view.layout_.rects[0]
    assert r.height <= view.viewport().height()
    view.set_zoom(1.0)
    assert pane.zoom_label.text() == "100 %" and not pane.fit_width.isChecked()
    view.zoom_in()
    assert view.effective_zoom() == pytest.approx(1.2)
    wheel = QWheelEvent(QPointF(100, 100), QPointF(100, 100), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.effective_zoom() == pytest.approx(1.0)
    view.set_fit("width")
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_page() == 2
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_page() == 3
    qtbot.waitUntil(lambda: pane.page_box.text() == "3")
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_page() == 1 and view.verticalScrollBar().value() == 0
    pane.page_box.setText("2")
    qtbot.keyClick(pane.page_box, Qt.Key.Key_Return)
    assert view.current_page() == 2
    pane.page_box.setText("99")  # not a page: nothing moves
    qtbot.keyClick(pane.page_box, Qt.Key.Key_Return)
    assert view.current_page() == 2 and "No page" in pane.page_box.toolTip()


def test_dark_pages_are_inverted(qtbot) -> None:
    pane = open_pane(qtbot)
    pane.dark.click()
    view = pane.view
    assert view.dark
    shot = view.viewport().grab().toImage()
    r = view.layout_.rects[0]
    assert shot.pixelColor(r.x + 5, r.y + 5) == QColor("black")


def _style() -> MarkStyle:
    return MarkStyle(background=QColor(255, 0, 0, 255), underline=Underline.SingleUnderline,
                     underline_color=QColor("blue"), margin=QColor("blue"), margin_symbol="+")


def test_a_mark_is_drawn_inside_its_characters_boxes(qtbot) -> None:
    pane = open_pane(qtbot)
    view = pane.view
    text = view.doc_text.text  # type: ignore[union-attr]
    start = text.index("Declination of Simple Possession")
    end = start + len("Declination of Simple Possession")
    view.set_marks("highlights", [Mark(start, end, _style(), "h1")])
    shot = view.viewport().grab().toImage()
    (rect,) = boxes_of(MEMO).rects_for(start, end)
    box = view_rect(view, rect[0], rect[1:])
    # red inside the characters' boxes, not outside them
    assert shot.pixelColor(box.center().toPoint()).red() > 200
    assert shot.pixelColor(box.center().toPoint()).green() < 80
    outside = box.adjusted(-3, -6, 3, 6)
    assert shot.pixelColor(round(outside.left()) - 2, round(box.center().y())).green() > 200
    assert view.mark_keys_at(box.center().toPoint()) == ["h1"]
    assert view.mark_keys_at(QPoint(2, 2)) == []


def test_drag_selects_by_the_character_boxes(qtbot) -> None:
    pane = open_pane(qtbot, BRENNAN)
    view = pane.view
    text = view.doc_text.text  # type: ignore[union-attr]
    words = "threat of jail would keep people"
    start = text.index(words)
    end = start + len(words)
    a, b = point_of(view, start), point_of(view, end - 1, end=True)
    with qtbot.waitSignal(view.selectionChanged):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
        qtbot.mouseMove(view.viewport(), b)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert view.selection_range() == (start, end)
    assert view.selected_text() == words


def test_a_drag_across_lines_follows_the_text(qtbot) -> None:
    pane = open_pane(qtbot, MEMO)  # two columns: the range runs in reading order
    view = pane.view
    text = view.doc_text.text  # type: ignore[union-attr]
    # "col-" ends the left column, "lateral consequences" starts the right one
    start = text.index("collateral consequences often") + 3
    back = text.rindex("of the last decade", 0, start)  # higher up in the left column
    a, b = point_of(view, back), point_of(view, start + 6, end=True)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert view.selection_range() == (back, start + 7)
    assert view.selected_text().startswith("of the last decade")
    assert view.selected_text().endswith("These collateral")


def test_double_click_selects_a_word_and_a_click_away_clears(qtbot) -> None:
    pane = open_pane(qtbot, BRENNAN)
    view = pane.view
    text = view.doc_text.text  # type: ignore[union-attr]
    at = text.index("probation violation petitions")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, at + 2))
    assert view.selected_text() == "probation"
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "probation"
    menu = view.context_menu(QPoint(10, 10))
    assert menu.actions()[0].text() == "Copy" and menu.actions()[0].isEnabled()
    with qtbot.waitSignal(view.selectionChanged):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert view.selection_range() is None


def test_scroll_to_an_offset_lands_on_its_page(qtbot) -> None:
    pane = open_pane(qtbot, BRENNAN)
    view = pane.view
    text = view.doc_text.text  # type: ignore[union-attr]
    at = text.index("Treatment Court", len(text) // 2)
    page = boxes_of(BRENNAN).char_box(at)[0]  # type: ignore[index]
    assert page > 1
    view.scroll_to_offset(at, align=0.3)
    assert view.current_page() in (page, page - 1)
    rect = view_rect(view, page, boxes_of(BRENNAN).char_box(at)[1:])  # type: ignore[index]
    assert 0 < rect.top() < view.viewport().height()
    assert abs(view.top_offset() - at) < 2500
