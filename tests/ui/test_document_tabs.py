"""Document tabs: six open documents keep readable names (elided in the middle, a minimum
width, scroll buttons), each tab's tooltip has the full title, and the open tabs come back
after a restart (only the one shown is read at once)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.model.documents import DocStatus
from reader.settings import Settings
from reader.ui.widgets.document_tabs import MIN_TAB_CHARS
from tests.ui.gui_fixtures import wait_idle


def readable(session):
    return sorted((d for d in session.documents() if d.status is DocStatus.OK),
                  key=lambda d: d.path)


def test_six_tabs_keep_readable_names_and_full_titles_in_tooltips(qtbot, corpus_window,
                                                                  session, tmp_path) -> None:
    w = corpus_window
    w.resize(1280, 800)
    docs = readable(session)[:6]
    for doc in docs:
        w.open_document(doc.id)
    tabs = w.area.tabs
    bar = tabs.tabBar()
    qtbot.waitUntil(lambda: bar.count() == 6)
    assert bar.elideMode() == Qt.TextElideMode.ElideMiddle and bar.usesScrollButtons()
    least = bar.fontMetrics().horizontalAdvance("n") * MIN_TAB_CHARS
    for i, doc in enumerate(docs):
        assert bar.tabRect(i).width() >= least  # never "T…" or "do…"
        assert tabs.tabToolTip(i) == f"{doc.title}\n{doc.path}"
        assert bar.accessibleTabName(i) == doc.title
    w.grab().save(str(tmp_path / "six-tabs.png"))


def test_open_tabs_come_back_after_a_restart(qtbot, corpus_window, session,
                                             corpus_copy) -> None:
    from reader.ui.session import Session
    from reader.ui.window.main_window import MainWindow

    w = corpus_window
    docs = readable(session)[:3]
    for doc in docs:
        w.open_document(doc.id)
    w.area.tabs.setCurrentIndex(1)
    w.close()  # the app quits: the open tabs are kept in the user's settings

    again_session = Session(Settings())
    again = MainWindow(again_session)
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignals([again_session.documents_changed, again_session.themes_loaded],
                           timeout=60_000):  # the background work began (not in a later test)
        again_session.open_workspace(corpus_copy)
    tabs = again.area.tabs
    qtbot.waitUntil(lambda: tabs.count() == 3, timeout=10_000)
    assert [t.doc_id for t in again.area.all_tabs()] == [d.id for d in docs]
    assert again.area.current_tab().doc_id == docs[1].id
    current = again.area.current_tab()
    qtbot.waitUntil(lambda: current.is_ready, timeout=10_000)
    others = [t for t in again.area.all_tabs() if t is not current]
    assert all(not t.is_ready and t.pending_load is not None for t in others)  # read later
    tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: again.area.all_tabs()[0].is_ready, timeout=10_000)
    again.area.close_tab(2)
    again.area.remember_all()
    ids, current_id = again_session.prefs.open_tabs(str(corpus_copy.resolve()))
    assert ids == [docs[0].id, docs[1].id] and current_id == docs[0].id
    wait_idle(qtbot, again_session)  # its tasks report to this window, not a later test's
    again.close()
    again_session.runner.cancel_all()
    assert again_session.runner.drain(60_000)
    again.deleteLater()
    again_session.deleteLater()


def test_saved_tabs_of_garbage_or_gone_documents_are_ignored(qtbot, session,
                                                             settings) -> None:
    settings.set("reader.open_tabs", {"/ws": {"docs": ["x", 5, None, "x"], "current": 3},
                                      "/other": "nonsense"})
    assert session.prefs.open_tabs("/ws") == (["x"], "")
    assert session.prefs.open_tabs("/other") == ([], "")
    settings.set("reader.open_tabs", ["not", "a", "dict"])
    assert session.prefs.open_tabs("/ws") == ([], "")
