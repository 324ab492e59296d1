"""The acceptance path through the main window, on a copy of the bundled corpus: library,
search, opening a hit, find, import (the drag-and-drop code path), broken files, properties,
back/forward, errors and crashes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader.errors import DocumentError
from reader.model.documents import DocStatus
from reader.ui import messages
from reader.ui.models.search_model import DOC_ID_ROLE, MATCHES_ROLE
from tests.ui.gui_fixtures import wait_idle


def _search(qtbot, w, query: str):
    w.search.results = None
    w.search.set_query(query)
    qtbot.waitUntil(lambda: w.search.results is not None and w.search.results.query == query,
                    timeout=20_000)
    return w.search.results


def test_library_lists_the_corpus(corpus_window, session, corpus_copy) -> None:
    w = corpus_window
    files = [p for p in corpus_copy.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(session.documents()) == len(files) > 0
    # the D.C. Code chapter's 13 files are one row, opening onto its title and chapter
    (code,) = session.collections
    assert code.code == "D.C. Code" and len(code.doc_ids) == 13
    assert w.library.model.rowCount() == len(files) - 13 + 1
    assert w.windowTitle() == f"Policy Reader — {corpus_copy.name}"
    titles = {w.library.model.index(r, 0).data() for r in range(w.library.model.rowCount())}
    assert any("Naloxone" in t for t in titles)
    assert "D.C. Code (12 sections)" in titles
    assert w.library.summary.text() == f"{len(files)} documents"


def test_search_open_hit_marks_words_then_find_and_history(qtbot, corpus_window) -> None:
    w = corpus_window
    results = _search(qtbot, w, "naloxone")
    assert results.total > 0
    model = w.search.model
    group = model.index(0, 0)
    hit = model.index(0, 0, group)
    assert hit.isValid() and hit.data(MATCHES_ROLE)
    doc_id = hit.data(DOC_ID_ROLE)
    w.search.tree.activated.emit(hit)
    tab = w.area.current_tab()
    assert tab is not None and tab.doc_id == doc_id
    qtbot.waitUntil(lambda: tab.is_ready, timeout=10_000)
    marks = tab.view.marks("search")
    assert marks
    words = {tab.doc_text.text[m.start:m.end].casefold() for m in marks}
    assert all(word.startswith("naloxone") for word in words)
    qtbot.waitUntil(lambda: tab.view._pending is None, timeout=5000)
    # the marked words are on screen
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(tab.view.document())
    cursor.setPosition(tab.view.qt_position(marks[0].start))
    assert tab.view.viewport().rect().contains(tab.view.cursorRect(cursor).center())
    # the outline and the page indicator follow the open document
    assert w.outline.model.rowCount() > 0
    # find in document counts the matches
    w.reading.find_in_document()
    tab.find_bar.edit.setText("naloxone")
    expected = tab.doc_text.text.casefold().count("naloxone")
    qtbot.waitUntil(lambda: tab.find_count() == expected, timeout=3000)
    assert f"of {expected}" in tab.find_bar.count.text()
    w.reading.clear_marks()  # Esc closes the find bar first
    assert tab.find_bar.isHidden()
    # open another document, then go back
    other = next(d for d in w.session.documents() if d.id != doc_id
                 and d.status is DocStatus.OK)
    w.open_document(other.id)
    assert w.area.current_tab().doc_id == other.id
    assert w.actions_.back.isEnabled()
    w.reading.go_back()
    assert w.area.current_tab().doc_id == doc_id
    w.reading.go_forward()
    assert w.area.current_tab().doc_id == other.id


def test_did_you_mean_and_facet_chips(qtbot, corpus_window) -> None:
    w = corpus_window
    results = _search(qtbot, w, "naloxne")
    if results.suggestion:
        assert w.search.suggestion.isVisible()
        w.search._use_suggestion("suggest")
        qtbot.waitUntil(lambda: w.search.results.query == results.suggestion, timeout=20_000)
    results = _search(qtbot, w, "overdose")
    kinds = [f for f in results.facets if f.field == "kind"]
    assert kinds
    w.search.toggle_filter("kind", kinds[0].value)
    qtbot.waitUntil(lambda: w.search.results.total == kinds[0].count, timeout=20_000)
    assert w.search.filters == {"kind": kinds[0].value}


def _drop(w, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)


def test_drop_imports_a_file_that_becomes_searchable_and_a_broken_pdf_shows_its_reason(
        qtbot, corpus_window, session, tmp_path) -> None:
    w = corpus_window
    before = w.library.model.rowCount()
    outside = tmp_path / "outside"
    outside.mkdir()
    note = outside / "zebrafish-harm-reduction-note.txt"
    note.write_text("Sample note written for the Policy Reader tests.\n\n"
                    "The quokkaberry outreach van hands out naloxone on Tuesdays.\n",
                    encoding="utf-8")
    broken = outside / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not finished")
    messages.HISTORY.clear()
    _drop(w, [note, broken])
    wait_idle(qtbot, session)
    assert w.library.model.rowCount() == before + 2
    docs = {Path(d.path).name: d for d in session.documents()}
    assert docs["zebrafish-harm-reduction-note.txt"].status is DocStatus.OK
    assert not docs["broken.pdf"].status.readable
    row = w.library.model.row_of(docs["broken.pdf"].id)
    assert docs["broken.pdf"].reason and docs["broken.pdf"].reason in \
        w.library.model.index(row, 0).data()
    shown = [m for m in messages.HISTORY if m.title == "Import summary"]  # its details list
    assert shown and "broken.pdf" in shown[-1].details
    assert shown[-1].text == "Imported 1 file; 1 skipped"
    assert w.status.currentMessage() == "Imported 1 file; 1 skipped."
    results = _search(qtbot, w, "quokkaberry")
    assert [g.doc_id for g in results.groups] == [docs["zebrafish-harm-reduction-note.txt"].id]
    # the rest still works: another search still finds corpus documents
    assert _search(qtbot, w, "naloxone").total >= 2


def test_properties_dialog_saves_to_the_workspace(qtbot, corpus_window, session) -> None:
    from reader.ui.widgets.properties_dialog import PropertiesDialog

    w = corpus_window
    doc = next(d for d in session.documents() if d.status is DocStatus.OK)
    w.reading.show_properties(doc.id)
    dialog = w.findChild(PropertiesDialog)
    assert dialog is not None
    dialog.edits["date"].setText("March 2019")  # garbage: refused with a reason
    dialog.accept()
    assert dialog.isVisible() and "YYYY" in dialog.problem.text()
    dialog.edits["date"].setText("2019-03-12")
    dialog.edits["title"].setText("A Renamed Memo")
    dialog.edits["source_url"].setText("https://example.org/memo")
    dialog.accept()
    assert not dialog.isVisible()
    assert session.document(doc.id).title == "A Renamed Memo"
    assert session.workspace.documents_file.exists()
    titles = {w.library.model.index(r, 0).data() for r in range(w.library.model.rowCount())}
    assert "A Renamed Memo" in titles


def test_errors_and_crashes_are_shown_and_the_app_goes_on(qtbot, window) -> None:
    from reader.ui.crash_dialog import CrashDialog

    messages.HISTORY.clear()
    messages.show_error(window, DocumentError("The memo cannot be read.", "Import it again."))
    assert messages.HISTORY[-1].kind == "error"
    assert messages.HISTORY[-1].text == "The memo cannot be read."
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        messages.report_crash(exc, parent=window)
        messages.report_crash(exc, parent=window)  # a second one joins the open dialog
    dialogs = window.findChildren(CrashDialog)
    assert len(dialogs) == 1
    assert "RuntimeError: boom" in dialogs[0].details_text()
    assert "2 errors" in dialogs[0].summary.text()
    dialogs[0].copy_details()
    from PySide6.QtGui import QGuiApplication

    assert "boom" in QGuiApplication.clipboard().text()
    dialogs[0].close()
    assert window.isVisible()


def test_a_workspace_that_cannot_be_opened_is_reported_not_fatal(qtbot, window,
                                                                  tmp_path) -> None:
    messages.HISTORY.clear()
    (tmp_path / "a-file").write_text("not a folder")
    assert not window.open_workspace(tmp_path / "a-file")
    assert messages.HISTORY[-1].kind == "error"
    assert "is a file, not a folder" in messages.HISTORY[-1].text


def test_layout_and_positions_are_remembered(qtbot, corpus_window, session, settings) -> None:
    w = corpus_window
    doc = max((d for d in session.documents() if d.status is DocStatus.OK),
              key=lambda d: d.chars)
    tab = w.open_document(doc.id)
    qtbot.waitUntil(lambda: tab.is_ready, timeout=10_000)
    target = len(tab.doc_text.text) // 2
    tab.view.scroll_to_offset(target, align=0.0)
    w.search_dock.hide()
    w.close()
    assert session.prefs.position(doc.id) is not None
    assert settings.get("window.state")
    from reader.ui.window.main_window import MainWindow

    again = MainWindow(session)
    qtbot.addWidget(again)
    again.show()
    assert not again.search_dock.isVisible()
    reopened = again.open_document(doc.id)
    qtbot.waitUntil(lambda: reopened.is_ready, timeout=10_000)
    assert abs(reopened.current_offset() - session.prefs.position(doc.id)) < 400


def test_garbage_window_settings_fall_back_to_defaults(qtbot, session, settings) -> None:
    from reader.ui.window.main_window import MainWindow

    settings.set("window.state", "%%% not base64 %%%")
    settings.set("window.geometry", "AAAA")
    settings.set("reader.point_size", "huge")
    settings.set("reader.positions", ["not", "a", "dict"])
    settings.set("search.history", {"bad": 1})
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    assert w.library_dock.isVisible()
    assert session.prefs.point_size == 12.5
    assert session.prefs.position("x") is None
    assert session.prefs.query_history() == []
