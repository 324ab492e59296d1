"""Issue 17, finding 1 (the app's side): when a save of your file merges in highlights
that another window or a script saved as you meanwhile, the window is told at once (they
are listed, re-indexed for search, and a notice says so); nothing it showed vanishes."""

from __future__ import annotations

from reader.settings import Settings
from reader.workspace import Workspace
from tests.ui.annotating_fixtures import MEMO_PATH, Env


def _highlight(env: Env, words: str) -> str:
    env.select(words)
    env.ui.apply(env.binding(), "highlight", None)
    hid = env.binding().focus_hid
    assert hid
    return hid


def test_the_window_shows_what_its_save_merged_in(qtbot, memo_env: Env) -> None:
    env = memo_env
    env.ctrl.watcher.stop()  # only the save can bring the script's highlight in
    first = _highlight(env, "Naloxone kits are carried")
    assert env.ctrl.autosave.save_now()
    script = Workspace(env.root, settings=Settings())  # the same person, another process
    store = script.annotations()
    store.load()
    doc = next(d for d in script.library().documents() if d.path == MEMO_PATH)
    text = script.library().text(doc.id).text
    at = text.index("written approval")
    theirs = store.create(doc.id, at, at + len("written approval")).id
    store.save()
    second = _highlight(env, "résumé clinic")
    env.settle()
    qtbot.waitUntil(lambda: env.ui.sidebar.model.item_count() == 2, timeout=10_000)
    with qtbot.waitSignal(env.ctrl.notice, timeout=5000) as notice:
        assert env.ctrl.autosave.save_now()
    assert notice.args == ["Highlights updated: 1 new highlight."]
    sidebar = env.ui.sidebar
    qtbot.waitUntil(lambda: sidebar.model.item_count() == 3, timeout=10_000)
    shown = {h.id for h in env.ctrl.store.all()}
    assert {first, second, theirs} <= shown
