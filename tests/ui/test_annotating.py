"""Acceptance of highlighting inside the reader (issue 6), through the main window on a
small workspace: select → highlight with two themes and a note → sidebar and theme counts
→ undo/redo → autosave → reopen; exact characters with an emoji, accents and a line break;
a colleague's file dropped in while the app runs; an amended memo."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.annotations.anchoring import make_quote
from reader.annotations.saving import write_author_file
from reader.errors import ReadOnlyAnnotation
from reader.model.annotations import Author, Highlight, Stance
from reader.ui.highlight_marks import LAYER
from reader.ui.models.annotations_model import (
    HID_ROLE,
    KIND_ROLE,
    NOTE_ROLE,
    ORPHAN_ROLE,
    THEMES_ROLE,
)
from tests.ui.annotating_fixtures import (
    AMENDED,
    MEMO_PATH,
    Env,
    open_env,
    write_memo,
)

NALOXONE, GOOD_SAM = "naloxone", "good-samaritan"


def _rows(env: Env) -> list[tuple[str, str]]:
    model = env.ui.sidebar.model
    return [(model.index(r).data(KIND_ROLE), model.index(r).data(HID_ROLE) or
             model.index(r).data()) for r in range(model.rowCount())]


def _marks(env: Env) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.key) for m in env.tab().view.marks(LAYER)]


def test_highlight_themes_note_undo_redo_autosave_reopen(qtbot, memo_env: Env,
                                                         session, named_settings) -> None:
    env = memo_env
    ui, ctrl = env.ui, env.ctrl
    start, end = env.select("Naloxone kits are carried in every patrol car")
    binding = env.binding()
    assert binding.target() == ("selection", (start, end))
    # the floating toolbar offers the tools for the selection
    qtbot.waitUntil(binding.toolbar.isVisible, timeout=2000)
    assert binding.toolbar.mode == "selection"
    # first theme: makes the highlight; second theme and the note go on it
    ui.apply(binding, "theme", NALOXONE)
    hid = binding.focus_hid
    assert hid and binding.target()[0] == "highlight"
    ui.apply(binding, "theme", GOOD_SAM)
    inspector = ui.sidebar.inspector
    qtbot.waitUntil(lambda: inspector.hid == hid, timeout=2000)  # listed just after drawing
    assert inspector.mine
    inspector.note.setPlainText("The kits are the key promise — check the budget.")
    inspector.flush()
    h = ctrl.store.get(hid)
    assert (h.start, h.end) == (start, end)
    assert h.themes == (NALOXONE, GOOD_SAM) and "key promise" in h.note
    assert h.color == ctrl.tax.color(NALOXONE)  # the first theme's colour
    assert h.author.name == "Maria G"
    # in the reader, the sidebar and the theme counts
    assert (start, end, hid) in _marks(env)
    env.settle()
    row = ui.sidebar.model.row_of(hid)
    index = ui.sidebar.model.index(row)
    assert [label for label, _c in index.data(THEMES_ROLE)] == ["Naloxone access",
                                                                 "Good Samaritan / 911 immunity"]
    assert "key promise" in index.data(NOTE_ROLE)
    themes = ui.themes_panel.model
    qtbot.waitUntil(lambda: themes.here.get(NALOXONE) == 1
                    and themes.everywhere.get(NALOXONE) == 1
                    and themes.everywhere.get("overdose-response") == 1, timeout=5000)
    assert themes.index_of(NALOXONE).siblingAtColumn(1).data() == "1"
    # undo removes it (note, second theme, the highlight), redo brings it all back
    stack = ctrl.undo_stack
    assert stack.count() == 3 and stack.undoText() == "Edit Note"
    for _ in range(3):
        stack.undo()
    env.settle()
    assert ui.sidebar.model.row_of(hid) == -1
    assert all(key != hid for _s, _e, key in _marks(env))
    qtbot.waitUntil(lambda: themes.everywhere.get(NALOXONE, 0) == 0, timeout=5000)
    for _ in range(3):
        stack.redo()
    h = ctrl.store.get(hid)
    assert not h.deleted and h.themes == (NALOXONE, GOOD_SAM) and "key promise" in h.note
    env.settle()
    assert ui.sidebar.model.row_of(hid) >= 0 and (start, end, hid) in _marks(env)
    # autosave: the author's file holds it (within about a second, without quitting)
    path = env.my_file()

    def saved_item() -> dict:
        if not path.exists():
            return {}
        items = json.loads(path.read_text("utf-8"))["first"]["items"]
        return next((i for i in items if i["id"] == hid), {})

    qtbot.waitUntil(lambda: not ctrl.store.dirty and not ctrl.autosave.pending, timeout=4000)
    assert "key promise" in json.dumps(saved_item(), ensure_ascii=False)
    assert not saved_item().get("pr:deleted")
    # close the window; a new window on the same workspace shows it on the same words
    env.window.close()
    env.idle()
    from reader.ui.session import Session
    from reader.ui.window.main_window import MainWindow

    session2 = Session(named_settings)
    window2 = MainWindow(session2)
    qtbot.addWidget(window2)
    window2.show()
    try:
        env2 = open_env(qtbot, window2, session2, env.root)
        env2.open_memo()
        qtbot.waitUntil(lambda: (start, end, hid) in _marks(env2), timeout=10_000)
        assert env2.text()[start:end] == "Naloxone kits are carried in every patrol car"
        h2 = env2.ctrl.store.get(hid)
        assert h2.themes == (NALOXONE, GOOD_SAM) and "key promise" in h2.note
    finally:
        window2.close()
        session2.runner.cancel_all()
        assert session2.runner.drain(60_000)


def test_emoji_accents_and_line_break_land_on_the_exact_characters(qtbot, memo_env: Env
                                                                   ) -> None:
    env = memo_env
    words = "café 😀 on Main Street hosts a résumé clinic\nfor people"
    start, end = env.span(words)
    view = env.tab().view
    # select with a Qt cursor, as the mouse does (UTF-16 positions: the emoji is two units,
    # each paragraph break one)
    text = env.text()
    before = text[:start]
    qt_start = len(before.encode("utf-16-le")) // 2 - before.count("\n\n")
    qt_end = qt_start + len(words.encode("utf-16-le")) // 2
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_start)
    cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert cursor.selectedText().replace("\u2029", "\n") == words.replace("\n", " ")
    binding = env.binding()
    assert binding.target() == ("selection", (start, end))
    env.ui.apply(binding, "highlight")
    h = env.ctrl.store.get(binding.focus_hid)
    assert (h.start, h.end) == (start, end)
    assert h.quote.exact == words
    assert (start, end, h.id) in _marks(env)
    # the keyboard path: select words after the emoji with select_range, press 1
    env.ctrl.theme_edits.set_favourites([NALOXONE])
    s2, e2 = env.select("résumé clinic")
    qtbot.keyClick(view, Qt.Key.Key_1)
    h2 = env.ctrl.store.get(binding.focus_hid)
    assert h2.id != h.id and (h2.start, h2.end) == (s2, e2) and h2.themes == (NALOXONE,)
    assert text[h2.start:h2.end] == "résumé clinic"


def _colleague_file(env: Env, tmp: Path) -> tuple[Path, str]:
    """A colleague's annotation file (written by the core, as their app would)."""
    doc = next(d for d in env.session.documents() if d.path == MEMO_PATH)
    text = env.text()
    start, end = env.span("officers responding to an overdose")
    them = Author("c0ffee0000000000000000aa", "Dana R")
    t = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    h = Highlight(id="urn:uuid:11111111-2222-3333-4444-555555555555", doc_id=doc.id,
                  doc_path=doc.path, start=start, end=end,
                  quote=make_quote(text, start, end), author=them, created=t, modified=t,
                  themes=(GOOD_SAM,), stance=Stance.SUPPORTS, note="Dana's note")
    out = tmp / f"{them.id}.json"
    write_author_file(out, them, [h], [], damaged=False)
    return out, h.id


def test_a_colleagues_file_appears_within_two_seconds_read_only(qtbot, memo_env: Env,
                                                                tmp_path: Path) -> None:
    env = memo_env
    source, hid = _colleague_file(env, tmp_path)
    folder = env.session.workspace.annotations_dir
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, folder / source.name)
    sidebar = env.ui.sidebar
    qtbot.waitUntil(lambda: sidebar.model.row_of(hid) >= 0, timeout=2000)
    index = sidebar.model.index(sidebar.model.row_of(hid))
    assert "Dana R" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert any(key == hid for _s, _e, key in _marks(env))
    assert "Dana R" in env.window.status.currentMessage()
    # read-only: the inspector, the toolbar and the core all refuse edits
    assert sidebar.select(hid)
    assert not sidebar.inspector.mine and sidebar.inspector.note.isReadOnly()
    assert not sidebar.inspector.delete_button.isVisible()
    binding = env.binding()
    binding.set_focus(hid)
    assert binding.toolbar.mode == "theirs"
    env.ui.apply(binding, "theme", NALOXONE)
    assert env.ctrl.store.get(hid).themes == (GOOD_SAM,)
    try:
        env.ctrl.set_note(hid, "mine now")
        raise AssertionError("edited someone else's highlight")
    except ReadOnlyAnnotation:
        pass
    # copy to mine gives an editable copy; hiding Dana hides her highlight
    env.ui.apply(binding, "copy")
    copy = env.ctrl.store.get(binding.focus_hid)
    assert copy.author.name == "Maria G" and copy.note == "Dana's note"
    env.ctrl.set_author_shown("c0ffee0000000000000000aa", False)
    assert all(key != hid for _s, _e, key in _marks(env))
    assert sidebar.model.row_of(hid) == -1
    env.ctrl.set_author_shown("c0ffee0000000000000000aa", True)
    assert sidebar.model.row_of(hid) >= 0


def test_an_amended_memo_moves_surviving_highlights_and_lists_orphans(qtbot, memo_env: Env
                                                                      ) -> None:
    env = memo_env
    ui = env.ui
    keep_words = "Naloxone kits are carried in every patrol car"
    gone_words = "Exceptions require the written approval of the First Assistant"
    env.select(keep_words)
    ui.apply(env.binding(), "theme", NALOXONE)
    kept = env.binding().focus_hid
    env.select(gone_words)
    ui.apply(env.binding(), "highlight")
    lost = env.binding().focus_hid
    old_doc = env.tab().doc_id
    write_memo(env.root, AMENDED)
    env.session.refresh()
    env.idle()
    new_doc = next(d.id for d in env.session.documents() if d.path == MEMO_PATH)
    assert new_doc != old_doc
    env.window.reading.close_current_tab()
    env.open_memo(new_doc)
    start, end = env.span(keep_words)
    qtbot.waitUntil(lambda: (start, end, kept) in _marks(env), timeout=10_000)
    env.settle()
    rows = _rows(env)
    assert ("item", kept) in rows
    header = next(i for i, (kind, _x) in enumerate(rows) if kind == "header")
    assert rows.index(("item", lost)) > header > rows.index(("item", kept))
    model = ui.sidebar.model
    assert model.index(model.row_of(lost)).data(ORPHAN_ROLE) is True
    assert all(key != lost for _s, _e, key in _marks(env))
    assert "1 not found" in ui.sidebar.summary.text()
    # re-attach the orphan to newly selected words
    s2, e2 = env.select("data collected by the overdose review board")
    assert ui.sidebar.select(lost)
    ui.reattach(lost)
    qtbot.waitUntil(lambda: (s2, e2, lost) in _marks(env), timeout=5000)
    env.settle()
    assert "not found" not in ui.sidebar.summary.text()


def test_a_colleagues_theme_change_arrives_while_the_app_runs(qtbot, memo_env: Env
                                                              ) -> None:
    """themes.json rewritten by a sync tool (a colleague renamed a theme): the panels and
    the picker show the new name without a restart."""
    from reader.annotations.taxonomy import to_json
    from reader.jsonio import atomic_write_json

    env = memo_env
    env.select("Naloxone kits are carried")
    env.ui.apply(env.binding(), "theme", NALOXONE)
    ws = env.session.workspace
    tax = ws.themes().taxonomy()
    from dataclasses import replace as dc_replace

    renamed = [dc_replace(t, label="Naloxone everywhere") if t.id == NALOXONE else t
               for t in tax.themes]
    atomic_write_json(ws.themes_file, to_json(dc_replace(tax, themes=tuple(renamed))))
    panel = env.ui.themes_panel
    qtbot.waitUntil(lambda: panel.model.index_of(NALOXONE).data() == "Naloxone everywhere",
                    timeout=2000)
    assert env.ctrl.tax.label(NALOXONE) == "Naloxone everywhere"
    env.settle()
    row = env.ui.sidebar.model.index(0)
    assert [label for label, _c in row.data(THEMES_ROLE)] == ["Naloxone everywhere"]
    assert "themes were updated" in env.window.status.currentMessage()
