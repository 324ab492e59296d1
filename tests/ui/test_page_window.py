"""The page view in the main window: toggling (remembered per document), marking on the
page (the same quote as the text view), highlights from the text view drawn inside their
characters' boxes, search and find landing on the page, a password-protected PDF (right,
wrong, cancel), Open Original from the menus."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices

from reader.model.documents import DocStatus
from reader.ui.highlight_marks import LAYER
from reader.ui.pages.overlay import PageMapper
from tests.ui.annotating_fixtures import Env, open_env
from tests.ui.page_fixtures import BRENNAN, PASSWORD_PDF

MEMO = "memos/brennan-directive.pdf"
SEALED = "memos/sealed.pdf"


@pytest.fixture
def env(qtbot: Any, named_settings: Any, window: Any, session: Any,
        workspace_dir: Path) -> Env:
    (workspace_dir / "memos").mkdir()
    shutil.copy(BRENNAN, workspace_dir / MEMO)
    shutil.copy(PASSWORD_PDF, workspace_dir / SEALED)
    window.resize(1280, 900)
    return open_env(qtbot, window, session, workspace_dir)


def _open(env: Env, path: str = MEMO) -> Any:
    doc_id = next(d.id for d in env.session.documents() if d.path == path)
    tab = env.window.open_document(doc_id)
    env.qtbot.waitUntil(lambda: tab.is_ready and env.ui.binding(tab) is not None
                        and env.ui.binding(tab).doc.ready, timeout=20_000)
    return tab


def _pages(env: Env, tab: Any) -> Any:
    if not tab.showing_pages:
        env.window.actions_.page_view.trigger()
    view = tab.pages.pane.view
    env.qtbot.waitUntil(lambda: view.images is not None and bool(view.layout_.rects)
                        and view.images.image(0, view.layout_.rects[0].width,
                                              view.layout_.rects[0].height) is not None,
                        timeout=10_000)
    return view


def _point(view: Any, offset: int, *, end: bool = False) -> QPoint:
    page, x0, y0, x1, y1 = view.index.boxes.char_box(offset)
    r = view.layout_.rects[page - 1]
    rect = PageMapper(QRectF(r.x, r.y, r.width, r.height), view.crop(page - 1)).to_view(
        (x0, y0, x1, y1))
    x = rect.right() - 0.5 if end else rect.left() + 0.5
    return QPoint(round(x - view.horizontalScrollBar().value()),
                  round(rect.center().y() - view.verticalScrollBar().value()))


def test_toggle_views_and_the_choice_is_remembered(env: Env) -> None:
    tab = _open(env)
    action = env.window.actions_.page_view
    assert action.isEnabled() and not action.isChecked()
    view = _pages(env, tab)
    assert tab.showing_pages and action.isChecked() and view.page_count == 3
    assert env.session.prefs.view_mode(tab.doc_id) == "pages"
    env.window.actions_.page_view.trigger()
    assert not tab.showing_pages and env.session.prefs.view_mode(tab.doc_id) == "text"
    env.window.actions_.page_view.trigger()
    env.window.reading.close_current_tab()
    again = _open(env)  # reopened: shown as pages, as it was left
    env.qtbot.waitUntil(lambda: again.showing_pages, timeout=5000)


def test_drag_select_on_a_page_makes_the_text_views_highlight(env: Env) -> None:
    tab = _open(env)
    view = _pages(env, tab)
    text = tab.doc_text.text
    words = "threat of jail would keep people"
    start = text.index(words)
    view.scroll_to_offset(start, align=0.3)
    a, b = _point(view, start), _point(view, start + len(words) - 1, end=True)
    env.qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    env.qtbot.mouseMove(view.viewport(), b)
    env.qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    binding = env.ui.binding()
    assert binding is env.ui.page_bindings[id(tab)]
    env.qtbot.waitUntil(lambda: binding.target()[0] == "selection", timeout=2000)
    env.qtbot.waitUntil(lambda: binding._toolbar_shown(), timeout=2000)  # the toolbar
    env.ui.apply(binding, "highlight")
    hid = binding.focus_hid
    assert hid
    placed = binding.doc.get(hid)
    assert placed.highlight.quote.exact == words
    assert text[placed.anchor.start:placed.anchor.end] == words
    # the same highlight is in the text view's layer
    assert any(m.key == hid for m in tab.view.marks(LAYER))
    # and round trip: back to text, select its words there: the same quote
    env.window.actions_.page_view.trigger()
    tab.view.select_range(placed.anchor.start, placed.anchor.end)
    assert tab.view.selected_text() == words


def test_link_on_the_pages_toolbar_highlights_the_words_and_asks_for_the_other(
        env: Env) -> None:
    tab = _open(env)
    view = _pages(env, tab)
    words = "threat of jail would keep people"
    start = tab.doc_text.text.index(words)
    view.scroll_to_offset(start, align=0.3)
    a, b = _point(view, start), _point(view, start + len(words) - 1, end=True)
    env.qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    env.qtbot.mouseMove(view.viewport(), b)
    env.qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    binding = env.ui.page_bindings[id(tab)]
    env.qtbot.waitUntil(lambda: binding._toolbar_shown(), timeout=2000)
    binding.toolbar.link_button.click()  # the pages' toolbar, not only the text view's
    dialog = env.window.discussing.link_dialog
    assert dialog is not None and words in dialog.quote
    assert env.ui.ctrl.store.get(binding.focus_hid).quote.exact == words
    dialog.reject()


def test_a_text_highlight_is_drawn_on_the_page_inside_its_boxes(env: Env) -> None:
    tab = _open(env)
    env.select("probation violation petitions")
    env.ui.apply(env.binding(), "highlight")
    hid = env.binding().focus_hid
    view = _pages(env, tab)
    start = tab.doc_text.text.index("probation violation petitions")
    view.scroll_to_offset(start, align=0.4)
    marks = [m for m in view.marks(LAYER) if m.key == hid]
    assert len(marks) == 1
    placed = view._placed[LAYER]
    page = view.index.page_of(start) - 1
    rects = [p for p in placed.on(page) if p.mark.key == hid]
    assert rects
    for p in rects:
        box = view.index.rects(marks[0].start, marks[0].end)
        assert any(abs(p.box[0] - r[1]) < 1 and abs(p.box[2] - r[3]) < 1 for r in box)
    # the character boxes are inside the drawn rectangles
    for off in range(marks[0].start, marks[0].end):
        c = view.index.boxes.char_box(off)
        if c is not None and not tab.doc_text.text[off].isspace():
            assert any(p.box[0] - 1 <= c[1] and c[3] <= p.box[2] + 1 and
                       p.box[1] - 1 <= c[2] and c[4] <= p.box[3] + 1 for p in rects)
    # hover says who; a click selects it in the Highlights panel
    point = _point(view, start + 3)
    assert view.mark_keys_at(point) == [hid]
    binding = env.ui.binding()
    assert "You" in env.ui.describe(binding.doc.get(hid))  # the tooltip says who
    env.settle()
    env.ui.sidebar.list.clearSelection()
    binding.clear_target()
    env.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    env.qtbot.waitUntil(lambda: env.ui.sidebar.current_hid() == hid, timeout=3000)
    assert binding.focus_hid == hid
    # and the other way: choosing it in the panel scrolls the page to it
    view.verticalScrollBar().setValue(0)
    env.ui.jump_to(hid)
    assert view.current_page() == page + 1 or view.verticalScrollBar().value() > 0


def test_search_and_find_land_on_the_page(env: Env) -> None:
    tab = _open(env)
    view = _pages(env, tab)
    text = tab.doc_text.text
    start = text.index("Treatment Court", len(text) // 2)
    env.window.open_document(tab.doc_id, offset=start,
                             matches=((start, start + len("Treatment Court")),))
    assert view.marks("search") and tab.showing_pages
    page = view.index.page_of(start)
    assert view.current_page() in (page, page - 1)
    env.window.reading.find_in_document()
    tab.find_bar.edit.setText("naloxone")
    env.qtbot.waitUntil(lambda: tab.find_count() > 0, timeout=3000)
    assert view.marks("find") and view.marks("find-current")
    current = view.marks("find-current")[0]
    assert text[current.start:current.end].casefold() == "naloxone"


def test_a_password_protected_pdf_right_wrong_cancel(env: Env) -> None:
    doc = next(d for d in env.session.documents() if d.path == SEALED)
    assert doc.status is DocStatus.PASSWORD
    env.window.open_document(doc.id)  # asks
    dialog = env.window.pages.password_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.edit.setText("guess")
    dialog.ok.click()
    env.qtbot.waitUntil(lambda: "not right" in dialog.problem.text(), timeout=30_000)
    assert dialog.isVisible()
    dialog.edit.setText("study-group")
    with env.qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.ok.click()
    tab = env.window.area.current_tab()
    env.qtbot.waitUntil(lambda: tab is not None and tab.doc_id == doc.id and tab.is_ready,
                        timeout=20_000)
    assert tab.doc_text.text.strip()
    view = _pages(env, tab)  # drawn with the same password
    assert view.page_count >= 1
    # the password is kept for this session only: nothing of it in the user's settings
    settings_file = env.session.settings.path
    assert not settings_file.exists() or "study-group" not in settings_file.read_text()


def test_cancelling_the_password_leaves_it_protected(env: Env) -> None:
    doc = next(d for d in env.session.documents() if d.path == SEALED)
    env.window.open_document(doc.id)
    dialog = env.window.pages.password_dialog
    with env.qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert env.session.document(doc.id).status is DocStatus.PASSWORD
    assert env.window.area.tab_for(doc.id) is None


def test_open_original_and_show_in_folder_from_the_menus(env: Env,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    monkeypatch.setattr("reader.ui.original.sys.platform", "linux")
    tab = _open(env)
    env.window.actions_.open_original.trigger()
    env.window.actions_.show_in_folder.trigger()
    assert opened == [str(env.root / MEMO), str(env.root / "memos")]
    env.window.library.original_requested.emit(tab.doc_id)
    assert opened[-1] == str(env.root / MEMO)
    menu = tab.view.context_menu(QPoint(5, 5))
    assert "Open Original" in [a.text() for a in menu.actions()]
