"""The annotation tools one by one: the name asked at the first highlight, keys and the
context menu, the theme picker, the themes panel's edits (each undoable), the sidebar's
filters and editing, import with a preview, export, search over highlights, saving when
the folder cannot be written, saving on close, garbage files, and the models."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from reader.annotations import store_files as store_module
from reader.annotations.identity import NAME_KEY
from reader.errors import StorageError
from reader.model.annotations import Stance
from reader.ui import messages
from reader.ui.highlight_marks import LAYER, STANCE_SYMBOLS
from reader.ui.models.annotations_model import HID_ROLE, SOURCE_ROLE
from reader.ui.models.search_model import SOURCE_ROLE as SEARCH_SOURCE_ROLE
from tests.ui.annotating_fixtures import Env, open_env, write_memo


def _highlight(env: Env, words: str, what: str = "highlight", arg: object = None) -> str:
    env.select(words)
    env.ui.apply(env.binding(), what, arg)
    hid = env.binding().focus_hid
    assert hid
    return hid


# -- who -------------------------------------------------------------------------------------
def test_the_first_highlight_asks_for_a_name_once(qtbot, window, session, settings,
                                                  workspace_dir) -> None:
    write_memo(workspace_dir)
    env = open_env(qtbot, window, session, workspace_dir)
    env.open_memo()
    env.select("Naloxone kits")
    env.ui.apply(env.binding(), "highlight")
    dialog = env.ui._name_dialog
    assert dialog is not None and dialog.isVisible()
    assert env.ctrl.store.all() == ()  # nothing until a name is chosen
    dialog.edit.setText("   ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.problem.isVisible() and "empty" in dialog.problem.text()
    dialog.edit.setText("Sam K")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    (h,) = env.ctrl.store.all()
    assert h.author.name == "Sam K" and settings.get(NAME_KEY) == "Sam K"
    env.select("Naloxone kits are carried")
    env.ui.apply(env.binding(), "highlight")
    assert env.ui._name_dialog is None and len(env.ctrl.store.all()) == 2


# -- marking ---------------------------------------------------------------------------------
def test_keys_stance_context_menu_and_picker(qtbot, memo_env: Env) -> None:
    env = memo_env
    ui, ctrl = env.ui, env.ctrl
    view = env.tab().view
    favs = ctrl.tax.favourites
    assert len(favs) >= 2
    # H highlights, 2 toggles the second favourite on it, Delete removes it
    env.select("officers responding to an overdose")
    qtbot.keyClick(view, Qt.Key.Key_H)
    hid = env.binding().focus_hid
    assert ctrl.store.get(hid).themes == ()
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert ctrl.store.get(hid).themes == (favs[1],)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert ctrl.store.get(hid).themes == ()
    # the toolbar's stance buttons: supports, then clicking it again clears it
    toolbar = env.binding().toolbar
    toolbar.stance_buttons[Stance.SUPPORTS].click()
    assert ctrl.store.get(hid).stance is Stance.SUPPORTS
    mark = next(m for m in view.marks(LAYER) if m.key == hid)
    assert mark.style.margin_symbol == STANCE_SYMBOLS[Stance.SUPPORTS]
    assert mark.style.underline is not None and mark.style.margin is not None
    toolbar.stance_buttons[Stance.SUPPORTS].click()
    assert ctrl.store.get(hid).stance is None
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert ctrl.store.get(hid).deleted and not env.binding().focus_hid
    # the context menu of a selection offers the tools
    env.select("arrest the caller")
    menu = QMenu()
    env.binding()._menu(menu, view.selection_range())
    texts = [a.text() for a in menu.actions()]
    assert "Highlight\tH" in texts and "Note…\tN" in texts
    themes_menu = next(a.menu() for a in menu.actions() if a.text() == "Themes")
    first = themes_menu.actions()[0]
    assert first.text().endswith("\t1")
    first.trigger()
    new = env.binding().focus_hid
    assert ctrl.store.get(new).themes == (favs[0],)
    # the picker: filter, toggle, create a theme
    ui.pick_themes(env.binding(), QPoint(10, 10))
    picker = ui.picker
    assert picker.isVisible()
    picker.edit.setText("naloxone")
    assert picker.tree.currentIndex().data().startswith("Naloxone access")
    picker._enter()
    assert "naloxone" in ctrl.store.get(new).themes
    picker.edit.setText("Bail reform")
    assert picker.create_button.isVisible()
    picker.create_button.click()
    theme = ctrl.tax.find("Bail reform")
    assert theme is not None and theme.id in ctrl.store.get(new).themes
    picker.close()
    # one undo takes back the new theme's tagging; the theme stays until undone too
    ctrl.undo_stack.undo()
    assert theme.id not in ctrl.store.get(new).themes
    ctrl.undo_stack.undo()
    assert ctrl.tax.find("Bail reform") is None


def test_exact_selection_of_a_highlight_edits_it_instead_of_duplicating(memo_env: Env
                                                                        ) -> None:
    env = memo_env
    hid = _highlight(env, "Naloxone kits are carried in every patrol car")
    env.select("Naloxone kits are carried in every patrol car")
    kind, target = env.binding().target()
    assert kind == "highlight" and target.highlight.id == hid
    env.ui.apply(env.binding(), "theme", "naloxone")
    assert len(env.ctrl.store.all()) == 1


def test_clicking_a_highlight_selects_it_in_the_sidebar(qtbot, memo_env: Env) -> None:
    env = memo_env
    hid = _highlight(env, "Naloxone kits are carried in every patrol car")
    binding = env.binding()
    binding.clear_target()
    env.ui.sidebar.list.clearSelection()
    view = env.tab().view
    start = env.span("patrol car")[0]
    rect = binding._pos_rect(start + 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert binding.focus_hid == hid
    assert env.ui.sidebar.current_hid() == hid
    assert binding.toolbar.isVisible() and binding.toolbar.mode == "mine"
    assert [m.key for m in view.marks("highlight-focus")] == [hid]


# -- the sidebar -----------------------------------------------------------------------------
def test_sidebar_filters_edit_and_jump(qtbot, memo_env: Env) -> None:
    env = memo_env
    ctrl, sidebar = env.ctrl, env.ui.sidebar
    a = _highlight(env, "officers responding to an overdose", "theme", "good-samaritan")
    b = _highlight(env, "Naloxone kits", "stance", Stance.OPPOSES)
    c = _highlight(env, "résumé clinic", "theme", "criminal-records")
    qtbot.waitUntil(lambda: sidebar.model.item_count() == 3, timeout=2000)
    assert [sidebar.model.index(r).data(HID_ROLE) for r in range(3)] == [a, b, c]
    sidebar.set_theme_filter("overdose-response")  # a parent finds its sub-themes
    assert sidebar.model.item_count() == 1 and sidebar.model.row_of(a) == 0
    sidebar.clear_filters()
    sidebar.stance_filter.setCurrentIndex(sidebar.stance_filter.findData("opposes"))
    sidebar._filters_changed()
    assert [sidebar.model.index(0).data(HID_ROLE)] == [b] and sidebar.model.rowCount() == 1
    sidebar.clear_filters()
    # edit in the inspector: stance, remove a theme, note typed then saved after a pause
    assert sidebar.select(c)
    inspector = sidebar.inspector
    inspector.stance.setCurrentIndex(inspector.stance.findData("supports"))
    inspector.stance.activated.emit(inspector.stance.currentIndex())
    assert ctrl.store.get(c).stance is Stance.SUPPORTS
    chip = next(w for w in inspector.theme_box.findChildren(type(inspector.add_theme))
                if w.objectName() == "themeChip" and not w.isHidden())
    chip.click()
    assert ctrl.store.get(c).themes == ()
    inspector.note.setPlainText("Records clinic: ask about expungement.")
    qtbot.waitUntil(lambda: "expungement" in ctrl.store.get(c).note, timeout=3000)
    inspector.note.setPlainText("Records clinic: ask about expungement and housing.")
    qtbot.waitUntil(lambda: "housing" in ctrl.store.get(c).note, timeout=3000)
    assert ctrl.undo_stack.undoText() == "Edit Note"
    ctrl.undo_stack.undo()  # both note edits were one command
    assert ctrl.store.get(c).note == ""
    # a click jumps: the reader scrolls to the words and outlines them
    env.binding().clear_target()
    sidebar.list.clicked.emit(sidebar.model.index(sidebar.model.row_of(a)))
    assert env.binding().focus_hid == a
    # delete from the list with the Delete key
    sidebar.select(b)
    sidebar.list.setFocus()
    delete = next(x for x in sidebar.list.actions() if x.text() == "Delete Highlight")
    delete.trigger()
    env.settle()
    assert ctrl.store.get(b).deleted and sidebar.model.row_of(b) == -1


# -- the themes panel ------------------------------------------------------------------------
def test_themes_panel_edits_are_undoable_and_list_passages(qtbot, memo_env: Env,
                                                           monkeypatch) -> None:
    env = memo_env
    ctrl, panel = env.ctrl, env.ui.themes_panel
    model = panel.model
    hid = _highlight(env, "Naloxone kits are carried in every patrol car", "theme", "naloxone")
    qtbot.waitUntil(lambda: model.everywhere.get("naloxone") == 1, timeout=5000)
    # add, rename (by editing the name), recolour, move up, favourite key
    panel.actions.add_theme("overdose-response")
    new_id = panel.current_id()
    assert ctrl.tax.by_id[new_id].parent == "overdose-response"
    model.setData(model.index_of(new_id), "Fentanyl test strips")
    assert ctrl.tax.by_id[new_id].label == "Fentanyl test strips"
    ctrl.theme_edits.recolor(new_id, "#80cbc4")
    panel.select(new_id)
    panel.actions.move_current(-1)
    siblings = [t.id for t in ctrl.tax.children("overdose-response")]
    assert siblings.index(new_id) == len(siblings) - 2
    panel.actions.set_key(new_id, 1)
    assert ctrl.tax.favourites[0] == new_id
    ctrl.undo_stack.undo()
    assert ctrl.tax.favourites[0] != new_id
    # drag and drop is a move request
    data = model.mimeData([model.index_of(new_id)])
    services = "harm-reduction-services"
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(services))
    assert ctrl.tax.by_id[new_id].parent == services
    assert ctrl.tax.children(services)[0].id == new_id
    # merge naloxone into the new theme: my highlight is retagged; undo restores both
    ctrl.theme_edits.merge("naloxone", new_id)
    assert ctrl.store.get(hid).themes == (new_id,) and ctrl.tax.by_id.get("naloxone") is None
    ctrl.undo_stack.undo()
    assert ctrl.store.get(hid).themes == ("naloxone",) and "naloxone" in ctrl.tax.by_id
    # delete a used theme: the question, then untag; undo brings tag and theme back
    panel.select("naloxone")
    qtbot.waitUntil(lambda: model.everywhere.get("naloxone") == 1, timeout=5000)
    panel.actions.delete_current()
    box = panel.actions.delete_box
    assert "used by 1 highlight" in box.text()
    untag = next(b for b in box.buttons() if b.text() == "Remove the Tag")
    untag.click()
    assert ctrl.store.get(hid).themes == () and "naloxone" not in ctrl.tax.by_id
    assert not ctrl.store.get(hid).deleted  # never drops a highlight
    ctrl.undo_stack.undo()
    assert ctrl.store.get(hid).themes == ("naloxone",)
    # selecting a theme lists its passages across documents; a click opens one
    panel.select("overdose-response")
    qtbot.waitUntil(lambda: panel.passages.item_count() == 1, timeout=5000)
    row = panel.passages.row_of(hid)
    index = panel.passages.index(row)
    assert index.data(SOURCE_ROLE)  # the document's title
    env.binding().clear_target()
    panel.passage_list.clicked.emit(index)
    qtbot.waitUntil(lambda: env.binding().focus_hid == hid, timeout=5000)
    assert "overdose-response" in panel.passages_title.text() or "Overdose" in \
        panel.passages_title.text()


# -- sharing ---------------------------------------------------------------------------------
def _hypothesis_file(tmp: Path) -> Path:
    items = [{
        "id": "hyp-1", "uri": "file:///home/dana/overdose-scene-memo.txt",
        "target": [{"source": "file:///home/dana/overdose-scene-memo.txt", "selector": [
            {"type": "TextQuoteSelector", "exact": "hosts a résumé clinic",
             "prefix": "Main Street ", "suffix": "\nfor people"}]}],
        "tags": ["Criminal records", "Clinic outreach"], "text": "Partner for expungement",
        "user": "acct:dana@hypothes.is", "user_info": {"display_name": "Dana R"},
        "created": "2025-02-01T10:00:00+00:00", "updated": "2025-02-01T10:00:00+00:00"}, {
        "id": "hyp-2", "uri": "file:///elsewhere/unknown.pdf",
        "target": [{"source": "file:///elsewhere/unknown.pdf", "selector": [
            {"type": "TextQuoteSelector", "exact": "words from another document"}]}],
        "tags": [], "text": "", "user": "acct:dana@hypothes.is",
        "created": "2025-02-01T10:00:00+00:00", "updated": "2025-02-01T10:00:00+00:00"}]
    path = tmp / "hypothesis-export.json"
    path.write_text(json.dumps({"export_date": "2025-02-02T00:00:00Z",
                                "export_userid": "acct:dana@hypothes.is",
                                "client_version": "1.0", "annotations": items}), "utf-8")
    return path


def test_import_shows_a_preview_then_merges(qtbot, memo_env: Env, tmp_path: Path) -> None:
    env = memo_env
    ctrl = env.ctrl
    good = _hypothesis_file(tmp_path)
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", "utf-8")
    sharing = env.ui.sharing
    sharing.preview_import([good, bad])
    qtbot.waitUntil(lambda: sharing.preview is not None, timeout=10_000)
    dialog = sharing.preview
    plans = {Path(p.path).name: p for p in dialog.plans}
    plan = plans["hypothesis-export.json"]
    assert (plan.kind, plan.added, plan.updated, plan.orphaned) == ("hypothesis", 2, 0, 1)
    assert plan.unknown_themes == ("Clinic outreach",) and plan.creates_themes
    assert plans["broken.json"].error
    table = dialog.table
    assert table.item(1, 0).text().startswith("broken.json")
    assert ctrl.store.all() == ()  # nothing merged yet
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    sidebar = env.ui.sidebar
    qtbot.waitUntil(lambda: sidebar.model.item_count() == 1, timeout=10_000)
    h = next(h for h in ctrl.store.all() if h.note == "Partner for expungement")
    assert h.author.name == "Maria G"  # a Hypothesis file becomes mine
    labels = {ctrl.tax.label(t) for t in h.themes}
    assert labels == {"Criminal records", "Clinic outreach"}
    start, end = env.span("hosts a résumé clinic")
    qtbot.waitUntil(lambda: (start, end) in [(m.start, m.end) for m in
                                             env.tab().view.marks(LAYER)], timeout=5000)


def test_export_writes_my_highlights_only(qtbot, memo_env: Env, tmp_path: Path) -> None:
    env = memo_env
    _highlight(env, "Naloxone kits are carried", "theme", "naloxone")
    out = tmp_path / "mine.csv"
    env.ui.sharing.export_to(out, "csv")
    qtbot.waitUntil(out.exists, timeout=10_000)
    text = out.read_text("utf-8-sig")
    assert "Naloxone kits are carried" in text and "Naloxone access" in text
    out2 = tmp_path / "mine.jsonld"
    env.ui.sharing.export_to(out2, "w3c")
    qtbot.waitUntil(out2.exists, timeout=10_000)
    assert json.loads(out2.read_text("utf-8"))["total"] == 1


# -- search ----------------------------------------------------------------------------------
def test_search_finds_themes_authors_stances_and_notes(qtbot, memo_env: Env) -> None:
    env = memo_env
    hid = _highlight(env, "Naloxone kits are carried in every patrol car", "theme", "naloxone")
    env.ctrl.set_stance(hid, Stance.SUPPORTS)
    env.ctrl.set_note(hid, "Budget line for the kits comes from the county grant.")
    env.idle()
    qtbot.waitUntil(lambda: not env.ctrl._index_timer.isActive(), timeout=5000)
    env.idle()
    panel = env.window.search

    def search(query: str) -> list[tuple[str, str]]:
        panel.results = None
        panel.set_query(query)
        qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == query,
                        timeout=20_000)
        model = panel.model
        out = []
        for g in range(model.rowCount()):
            group = model.index(g, 0)
            for r in range(model.rowCount(group)):
                hit = model.index(r, 0, group)
                out.append((hit.data(SEARCH_SOURCE_ROLE), hit.data()))
        return out

    hits = search("grant")
    assert any(source == "note" for source, _t in hits)
    note_hit = next(model_index for model_index in _hit_indexes(panel) if
                    model_index.data(SEARCH_SOURCE_ROLE) == "note")
    assert "in a note" in note_hit.data(Qt.ItemDataRole.AccessibleTextRole)
    for query in ("theme:naloxone", "stance:supports", 'author:"Maria G"', "note:budget"):
        assert search(query), query
    assert not search("theme:housing")


def _hit_indexes(panel) -> list[QModelIndex]:
    model = panel.model
    out = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        out += [model.index(r, 0, group) for r in range(model.rowCount(group))]
    return out


# -- saving ----------------------------------------------------------------------------------
def test_unsaveable_edits_are_kept_reported_and_retried(qtbot, memo_env: Env,
                                                        monkeypatch) -> None:
    env = memo_env
    real = store_module.write_author_file

    def full_disk(*_a, **_k):
        raise StorageError("Your highlights could not be saved: the disk is full. They are "
                           "kept in memory and saving will be tried again.")

    monkeypatch.setattr(store_module, "write_author_file", full_disk)
    messages.HISTORY.clear()
    hid = _highlight(env, "Naloxone kits are carried")
    qtbot.waitUntil(lambda: any("disk is full" in m.text for m in messages.HISTORY),
                    timeout=5000)
    assert env.ctrl.store.dirty and env.ctrl.store.get(hid)
    # closing is refused once (the person can fix it or export), then allowed
    assert env.ui.shutdown() is False
    monkeypatch.setattr(store_module, "write_author_file", real)
    assert env.ui.shutdown() is True
    assert hid in env.my_file().read_text("utf-8")
    _close_boxes()


def test_closing_saves_at_once(qtbot, memo_env: Env) -> None:
    env = memo_env
    hid = _highlight(env, "Naloxone kits are carried")
    assert env.ctrl.autosave.pending
    env.window.close()
    assert hid in env.my_file().read_text("utf-8")


def test_garbage_annotation_and_theme_files_do_not_break_the_window(qtbot, memo_env: Env
                                                                    ) -> None:
    env = memo_env
    hid = _highlight(env, "Naloxone kits are carried", "theme", "naloxone")
    env.ctrl.autosave.save_now()
    folder = env.session.workspace.annotations_dir
    (folder / "0123456789abcdef01234567.json").write_text("[1, 2, oops", "utf-8")
    (folder / "fedcba9876543210fedcba98.json").write_text('{"type": "Nope"}', "utf-8")
    env.session.workspace.themes_file.write_text("not a theme list", "utf-8")
    env.ctrl.reload_from_disk()
    env.idle()
    env.settle()
    assert env.ui.sidebar.model.row_of(hid) >= 0
    assert env.ctrl.tax.by_id  # the shipped themes are shown
    assert env.ctrl.store.problems


def _close_boxes() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()


def test_escape_tooltip_and_the_menu_of_someone_elses_highlight(qtbot, memo_env: Env
                                                                ) -> None:
    env = memo_env
    view = env.tab().view
    hid = _highlight(env, "Naloxone kits are carried", "theme", "naloxone")
    env.ctrl.set_note(hid, "Budget <line> & kits")
    binding = env.binding()
    assert binding.toolbar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not binding.toolbar.isVisible() and not binding.focus_hid
    p = binding.doc.get(hid)
    tip = env.ui.describe(p)
    assert "Naloxone access" in tip and "Budget &lt;line&gt; &amp; kits" in tip and "You" in tip
    # someone else's highlight: the menu offers only a copy
    from dataclasses import replace

    from reader.model.annotations import Author

    other = replace(p, highlight=replace(p.highlight, author=Author("x" * 24, "Dana R")))
    menu = QMenu()
    env.ui.fill_menu(menu, binding, "highlight", other)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[-1] == "Copy to My Highlights" and "Delete Highlight\tDel" not in texts


def test_the_library_theme_filter_finds_documents_by_tag(qtbot, memo_env: Env) -> None:
    from reader.ops import queries

    env = memo_env
    ws = env.session.workspace
    assert queries.theme_documents(ws, "overdose-response") == frozenset()
    _highlight(env, "Naloxone kits are carried", "theme", "naloxone")
    doc = env.tab().doc_id
    assert queries.theme_documents(ws, "overdose-response") == {doc}  # a parent theme
    assert queries.theme_documents(ws, "housing") == frozenset()
    # the library panel's theme filter narrows to it (the window's own path)
    env.window.searching.filter_by_theme("naloxone")
    env.idle()
    library = env.window.library
    assert library.proxy.rowCount() == 1
