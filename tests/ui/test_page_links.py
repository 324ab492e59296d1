"""The link mark on the page view: two linked highlights on a PDF's pages carry ``⇄`` in the
page's left margin beside their first line (legible at 100 % and 200 %, on dark pages,
drawn even when the words are scrolled out sideways); hovering it says what the link is,
as the text view's gutter does; one click follows it (the page view scrolls to the other
end); a highlight without links has no mark; a link whose other end was removed keeps its
mark and says so."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from reader.model.annotations import Stance
from reader.ui.highlight_marks import LAYER, LINK_SYMBOL
from reader.ui.pages.overlay import PageMapper, symbol_rect
from tests.ui.annotating_fixtures import Env, open_env
from tests.ui.page_fixtures import BRENNAN

MEMO = "memos/brennan-directive.pdf"
A = "threat of jail would keep people"
B = "firm accountability saved their lives"  # two pages on
PLAIN = "612 probation violation petitions"


@pytest.fixture
def env(qtbot: Any, named_settings: Any, window: Any, session: Any,
        workspace_dir: Path) -> Env:
    (workspace_dir / "memos").mkdir()
    shutil.copy(BRENNAN, workspace_dir / MEMO)
    window.resize(1280, 900)
    return open_env(qtbot, window, session, workspace_dir)


def _open(env: Env) -> Any:
    doc_id = next(d.id for d in env.session.documents() if d.path == MEMO)
    tab = env.window.open_document(doc_id)
    env.qtbot.waitUntil(lambda: tab.is_ready and env.ui.binding(tab) is not None
                        and env.ui.binding(tab).doc.ready, timeout=20_000)
    return tab


def _make(env: Env, tab: Any, words: str, **kwargs: Any) -> str:
    start = tab.doc_text.text.index(words)
    return str(env.ctrl.create(tab.doc_id, start, start + len(words), **kwargs).id)


def _pages(env: Env, tab: Any) -> Any:
    if not tab.showing_pages:
        env.window.actions_.page_view.trigger()
    view = tab.pages.pane.view
    _rendered(env, view)
    return view


def _rendered(env: Env, view: Any) -> None:
    def ready() -> bool:
        if view.images is None or not view.layout_.rects:
            return False
        return all(view.images.image(i, view.layout_.rects[i].width,
                                     view.layout_.rects[i].height) is not None
                   for i in view.visible_pages())
    env.qtbot.waitUntil(ready, timeout=10_000)


def _symbols(view: Any) -> dict[str, str]:
    return {m.key: m.style.margin_symbol for m in view.marks(LAYER)}


def _first_line(view: Any, hid: str) -> tuple[QRectF, PageMapper]:
    """The viewport rectangle of a highlight's first line, and its page's mapper."""
    placed = view._placed[LAYER]
    for page in placed.pages():
        for p in placed.on(page):
            if p.mark.key == hid and p.first:
                r = view.layout_.rects[page]
                mapper = PageMapper(QRectF(r.x, r.y, r.width, r.height), view.crop(page))
                line = mapper.to_view(p.box)
                return line.translated(-view.horizontalScrollBar().value(),
                                       -view.verticalScrollBar().value()), mapper
    raise AssertionError(hid)


def _mark_rect(view: Any, hid: str, symbol: str = LINK_SYMBOL) -> QRectF:
    """Where ``symbol`` is drawn beside ``hid``'s first line (viewport coordinates)."""
    line, mapper = _first_line(view, hid)
    dx, dy = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    return symbol_rect(view.viewport().font(), line.translated(dx, dy), mapper,
                       symbol).translated(-dx, -dy)


def _inked(view: Any, rect: QRectF, *, dark: bool = False) -> int:
    """Pixels in ``rect`` that are not the page's background (ink of a mark)."""
    image = view.viewport().grab().toImage()
    r = rect.toAlignedRect()
    count = 0
    for x in range(max(0, r.left()), min(image.width(), r.right() + 1)):
        for y in range(max(0, r.top()), min(image.height(), r.bottom() + 1)):
            light = image.pixelColor(x, y).lightness()
            count += light > 90 if dark else light < 200
    return count


def _hover(view: Any, point: QPoint) -> str:
    """The tooltip shown for a hover at ``point`` ("" when none is)."""
    vp = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, vp.mapToGlobal(point))
    shown = QApplication.sendEvent(vp, event)
    return QToolTip.text() if shown and event.isAccepted() else ""


def test_linked_highlights_carry_the_mark_hover_says_where_a_click_follows(
        env: Env, tmp_path: Path) -> None:
    tab = _open(env)
    a = _make(env, tab, A, themes=("naloxone",))
    b = _make(env, tab, B)
    env.ctrl.set_stance(b, Stance.OPPOSES)
    plain = _make(env, tab, PLAIN)
    env.ctrl.discussion.link(b, a, "supports")
    view = _pages(env, tab)
    env.qtbot.waitUntil(lambda: _symbols(view).get(a) == LINK_SYMBOL, timeout=3000)
    assert _symbols(view)[b] == LINK_SYMBOL + "−" and _symbols(view)[plain] == ""
    discussing = env.window.discussing
    binding = env.ui.page_bindings[id(tab)]
    start = tab.doc_text.text.index(A)
    for zoom in (1.0, 2.0):
        view.set_zoom(zoom)
        view.scroll_to_offset(start, align=0.3)
        _rendered(env, view)
        view.viewport().grab().save(str(tmp_path / f"link-mark-{round(zoom * 100)}.png"))
        # drawn beside the first line, in the page's left margin, and found there
        line, mapper = _first_line(view, a)
        mark = _mark_rect(view, a)
        assert line.top() - 4 <= mark.center().y() <= line.bottom() + 4
        assert mark.right() < line.left() and mark.left() >= mapper.rect.x() \
            - view.horizontalScrollBar().value()
        assert mark.height() >= 13  # legible at every zoom
        assert _inked(view, mark) > 15
        point = mark.center().toPoint()
        assert view.margin_keys_at(point) == [a]
        assert [p.highlight.id for p in discussing.margin_hits(binding, point)] == [a]
        # a highlight without links: no mark beside it, nothing to follow
        plain_mark = _mark_rect(view, plain)
        assert _inked(view, plain_mark) == 0
        assert discussing.margin_hits(binding, plain_mark.center().toPoint()) == []
        assert discussing.margin_hits(binding, QPoint(point.x(), round(
            _first_line(view, plain)[0].center().y()))) == []
    # the words scrolled out sideways: the margin keeps the mark
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert view.horizontalScrollBar().value() > 0
    # dark pages: the mark is drawn light on the dark margin
    tab.pages.pane.dark.click()
    view.horizontalScrollBar().setValue(0)
    _rendered(env, view)
    env.qtbot.waitUntil(lambda: _inked(view, _mark_rect(view, a), dark=True) > 15,
                        timeout=3000)
    view.viewport().grab().save(str(tmp_path / "link-mark-dark.png"))
    tab.pages.pane.dark.click()
    # hover: the same words as the text view's mark
    point = _mark_rect(view, a).center().toPoint()
    tip = _hover(view, point)
    assert f"{LINK_SYMBOL} supported by \u201c{B}\u201d" in tip and "Click to follow" in tip
    assert "Click to follow" not in _hover(view, _mark_rect(view, plain).center().toPoint())
    # one click follows the link: the other end is chosen, on the pages, two pages on
    env.settle()
    assert view.current_page() == 1
    env.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    env.qtbot.waitUntil(lambda: env.ui.sidebar.current_hid() == b, timeout=5000)
    env.qtbot.waitUntil(lambda: binding.focus_hid == b, timeout=5000)
    assert tab.showing_pages and env.ui.binding(tab) is binding
    line_b = _first_line(view, b)[0]
    assert 0 <= line_b.top() < view.viewport().height() * 0.6  # scrolled to it
    assert view.current_page() == 3
    # and back from the other end's mark
    env.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_mark_rect(view, b, LINK_SYMBOL + "−").center().toPoint())
    env.qtbot.waitUntil(lambda: binding.focus_hid == a, timeout=5000)


def test_a_link_whose_other_end_was_removed_keeps_its_mark_and_says_so(env: Env) -> None:
    tab = _open(env)
    kept = _make(env, tab, "A jail stay ends tolerance")
    gone = _make(env, tab, "it does not end the disease")
    env.ctrl.discussion.link(kept, gone, "supports")
    env.ctrl.delete(gone)
    view = _pages(env, tab)
    env.qtbot.waitUntil(lambda: _symbols(view).get(kept) == LINK_SYMBOL, timeout=3000)
    assert gone not in _symbols(view)
    start = tab.doc_text.text.index("A jail stay ends tolerance")
    view.scroll_to_offset(start, align=0.3)
    _rendered(env, view)
    mark = _mark_rect(view, kept)
    assert _inked(view, mark) > 15
    point = mark.center().toPoint()
    tip = _hover(view, point)
    assert "supports \u201cit does not end the disease\u201d" in tip
    assert "that highlight was removed" in tip
    env.settle()
    env.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    env.qtbot.waitUntil(lambda: "no longer here" in env.window.status.currentMessage(),
                        timeout=3000)
    assert env.ui.page_bindings[id(tab)].focus_hid == kept
