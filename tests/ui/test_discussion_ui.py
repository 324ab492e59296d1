"""Replies and links in the window: the discussion under the chosen highlight (reply, reply
to a reply, edit, undo), a colleague's reply to a removed highlight, linking from the
dialog and the selection toolbar, the link mark in the margin followed with one click, a
thread of 10,000 replies shown a page at a time."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QUrl

from reader.annotations.anchoring import make_quote
from reader.annotations.saving import write_author_file
from reader.model.annotations import Author, Highlight, Stance
from reader.model.discussion import THREAD_PAGE
from reader.model.remarks import Ref, Reply
from reader.ui.highlight_marks import LAYER, LINK_SYMBOL
from tests.ui.annotating_fixtures import MEMO_PATH, Env

DANA = Author("c0ffee0000000000000000aa", "Dana R")
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _dana(env: Env, tmp: Path, mine: Highlight, *, extra: int = 0) -> str:
    """Dana's file: a highlight, a reply to Maria's highlight, and a reply to a highlight
    she removed since (the tombstone keeps its words); ``extra`` more replies."""
    doc = next(d for d in env.session.documents() if d.path == MEMO_PATH)
    text = env.text()
    start, end = env.span("officers responding to an overdose")
    h = Highlight(id="urn:uuid:11111111-2222-3333-4444-555555555555", doc_id=doc.id,
                  doc_path=doc.path, start=start, end=end, quote=make_quote(text, start, end),
                  author=DANA, created=T0, modified=T0, themes=("good-samaritan",),
                  stance=Stance.SUPPORTS)
    s2, e2 = env.span("Exceptions require the written approval")
    gone = Highlight(id="urn:uuid:99999999-2222-3333-4444-555555555555", doc_id=doc.id,
                     doc_path=doc.path, start=s2, end=e2, quote=make_quote(text, s2, e2),
                     author=DANA, created=T0, modified=T0 + timedelta(hours=1), deleted=True)
    replies = [Reply("urn:uuid:aaaaaaaa-0000-0000-0000-000000000001",
                     Ref(mine.id, mine.quote.exact, doc.path), DANA, T0, T0,
                     "Does this cover the person who overdosed?"),
               Reply("urn:uuid:aaaaaaaa-0000-0000-0000-000000000002",
                     Ref(gone.id, gone.quote.exact, doc.path), DANA, T0, T0,
                     "Who approves them in practice?")]
    replies += [Reply(f"urn:uuid:bbbbbbbb-0000-0000-0000-{i:012d}",
                      Ref(h.id, h.quote.exact, doc.path), DANA, T0 + timedelta(seconds=i),
                      T0 + timedelta(seconds=i), f"note number {i}") for i in range(extra)]
    out = tmp / f"{DANA.id}.json"
    write_author_file(out, DANA, [h, gone, *replies], [], damaged=False)
    folder = env.session.workspace.annotations_dir
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(out, folder / out.name)
    return h.id


def _my_highlight(env: Env) -> Highlight:
    start, end = env.span("Naloxone kits are carried in every patrol car")
    h = env.ctrl.create(env.binding().doc_id, start, end, themes=("naloxone",))
    env.settle()
    return h


def _symbols(env: Env) -> dict[str, str]:
    return {m.key: m.style.margin_symbol for m in env.tab().view.marks(LAYER)}


def test_replying_to_a_colleague_and_a_removed_highlight(qtbot: Any, memo_env: Env,
                                                         tmp_path: Path) -> None:
    env = memo_env
    ui, view = env.ui, env.window.discussing.view
    mine = _my_highlight(env)
    dana = _dana(env, tmp_path, mine)
    qtbot.waitUntil(lambda: ui.sidebar.model.row_of(dana) >= 0, timeout=5000)
    assert ui.sidebar.select(mine.id)
    qtbot.waitUntil(lambda: view.data.count == 1, timeout=2000)
    html = view.browser.toPlainText()
    assert "Does this cover the person who overdosed?" in html and "Dana R" in html
    # the document's reply to a removed highlight is kept, with the words it answered
    assert "Replies to removed highlights in this document" in html
    assert "Reply to a removed highlight: \u201cExceptions require the written approval" \
        in html and "Who approves them in practice?" in html
    # answer Dana's reply: nested under it, counted in the list
    view.reply_to("urn:uuid:aaaaaaaa-0000-0000-0000-000000000001")
    assert "Replying to Dana R" in view.context.text()
    view.box.setPlainText("Yes: both people are covered.")
    view.send_button.click()
    qtbot.waitUntil(lambda: view.data.count == 2, timeout=2000)
    assert [e.depth for e in view.data.replies] == [1, 2]
    assert view.box.toPlainText() == ""
    mine_reply = view.data.replies[1].reply
    assert mine_reply.author.name == "Maria G"
    row = ui.sidebar.model.index(ui.sidebar.model.row_of(mine.id))
    qtbot.waitUntil(lambda: "2 replies" in row.data(Qt.ItemDataRole.AccessibleTextRole),
                    timeout=2000)
    # edit it, then undo twice: the edit, then the reply itself
    view.start_edit(mine_reply.id)
    assert view.send_button.text() == "Save"
    view.box.setPlainText("Yes: the caller and the person who overdosed.")
    view.send()
    qtbot.waitUntil(lambda: "the caller and the person" in view.browser.toPlainText(),
                    timeout=2000)
    env.ctrl.undo_stack.undo()
    qtbot.waitUntil(lambda: "both people are covered" in view.browser.toPlainText(),
                    timeout=2000)
    env.ctrl.undo_stack.undo()
    qtbot.waitUntil(lambda: view.data.count == 1, timeout=2000)
    env.ctrl.undo_stack.redo()
    qtbot.waitUntil(lambda: view.data.count == 2, timeout=2000)
    # Dana's reply offers Reply, not Edit or Delete; mine offers all three
    assert "edit:urn:uuid:aaaaaaaa" not in view.browser.toHtml()
    assert f"delete:{mine_reply.id}" in view.browser.toHtml()
    view.browser.anchorClicked.emit(QUrl(f"delete:{mine_reply.id}"))
    qtbot.waitUntil(lambda: view.data.count == 1, timeout=2000)
    # saved a moment later, in Maria's own file only
    qtbot.waitUntil(lambda: not env.session.workspace.annotations().dirty, timeout=5000)
    assert "Yes: both" not in (env.session.workspace.annotations_dir
                               / f"{DANA.id}.json").read_text("utf-8")
    shot = tmp_path / "discussion.png"
    ui.sidebar.grab().save(str(shot))
    assert shot.stat().st_size > 1000


def test_linking_from_the_dialog_and_following_the_margin_mark(qtbot: Any, memo_env: Env,
                                                                tmp_path: Path) -> None:
    env = memo_env
    ui, discussing = env.ui, env.window.discussing
    mine = _my_highlight(env)
    dana = _dana(env, tmp_path, mine)
    qtbot.waitUntil(lambda: ui.sidebar.model.row_of(dana) >= 0, timeout=5000)
    dialog = discussing.open_link_dialog(mine.id)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)  # Dana's only
    assert not dialog.ok.isEnabled() or dialog.current() is not None
    dialog.find.setText("nothing like this")
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 0, timeout=2000)
    assert not dialog.ok.isEnabled()
    dialog.find.setText("overdose dana")  # words of the quote and the author
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 1, timeout=2000)
    dialog.kind.setCurrentIndex(dialog.kind.findData("contradicts"))
    assert "contradicts" in dialog.preview.text() and "officers responding" \
        in dialog.preview.text()
    dialog.ok.click()
    view = discussing.view
    qtbot.waitUntil(lambda: len(view.data.links) == 1, timeout=2000)
    assert view.data.links[0].phrase == "contradicts"
    # both ends carry the link mark in the margin (before the stance)
    qtbot.waitUntil(lambda: _symbols(env).get(dana) == LINK_SYMBOL + "+", timeout=2000)
    assert _symbols(env)[mine.id] == LINK_SYMBOL
    # one click on the link in the panel goes to the other end
    view.browser.anchorClicked.emit(QUrl("follow:0"))
    qtbot.waitUntil(lambda: ui.sidebar.current_hid() == dana, timeout=5000)
    qtbot.waitUntil(lambda: view.hid == dana and len(view.data.links) == 1, timeout=2000)
    assert view.data.links[0].phrase == "contradicted by"
    # one click on the margin mark beside my highlight follows the link back
    binding = env.binding()
    tview = binding.view
    tview.scroll_to_offset(mine.start)
    cursor_rect = tview.cursorRect(tview.textCursor())
    p = binding.doc.get(mine.id)
    assert p is not None
    from PySide6.QtGui import QTextCursor

    c = QTextCursor(tview.document())
    c.setPosition(tview.qt_position(p.anchor.start))
    y = tview.cursorRect(c).center().y()
    point = QPoint(tview.painter.gutter // 2, y)
    assert [x.highlight.id for x in discussing.margin_hits(binding, point)] == [mine.id]
    assert discussing.margin_hits(binding, QPoint(tview.painter.gutter + 40, y)) == []
    qtbot.mouseClick(tview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: ui.sidebar.current_hid() == dana, timeout=5000)
    assert cursor_rect is not None
    # undo removes the link and its marks
    env.ctrl.undo_stack.undo()
    qtbot.waitUntil(lambda: LINK_SYMBOL not in _symbols(env).get(dana, ""), timeout=2000)


def test_the_toolbar_links_selected_words_after_highlighting_them(qtbot: Any, memo_env: Env
                                                                  ) -> None:
    env = memo_env
    _my_highlight(env)
    env.select("hosts a résumé clinic")
    binding = env.binding()
    toolbar = binding.toolbar
    qtbot.waitUntil(toolbar.isVisible, timeout=2000)
    assert toolbar.link_button.isVisible()
    toolbar.link_button.click()
    dialog = env.window.discussing.link_dialog
    assert dialog is not None and "résumé clinic" in dialog.quote
    made = env.ctrl.store.get(binding.focus_hid)
    assert made.quote.exact == "hosts a résumé clinic"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.choose(dialog.model.items[0].highlight_id)
    dialog.kind.setCurrentIndex(dialog.kind.findData("responds-to"))
    dialog.ok.click()
    qtbot.waitUntil(lambda: len(env.window.discussing.view.data.links) == 1, timeout=2000)


def test_a_thread_of_10000_replies_is_shown_a_page_at_a_time(qtbot: Any, memo_env: Env,
                                                             tmp_path: Path) -> None:
    env = memo_env
    ui, view = env.ui, env.window.discussing.view
    mine = _my_highlight(env)
    dana = _dana(env, tmp_path, mine, extra=10_000)
    qtbot.waitUntil(lambda: ui.sidebar.model.row_of(dana) >= 0, timeout=20_000)
    assert ui.sidebar.select(dana)
    qtbot.waitUntil(lambda: view.data.count == 10_000, timeout=5000)
    text = view.browser.toPlainText()
    assert "note number 0" in text and f"note number {THREAD_PAGE - 1}" in text
    assert f"note number {THREAD_PAGE}\n" not in text
    assert "Show 200 more of 9,950 replies" in text
    view.browser.anchorClicked.emit(QUrl("more:"))
    assert f"note number {THREAD_PAGE + 199}" in view.browser.toPlainText()
    row = ui.sidebar.model.index(ui.sidebar.model.row_of(dana))
    assert "10000 replies" in row.data(Qt.ItemDataRole.AccessibleTextRole)
