"""Statutes in the window (issue 13): a code's section opens among its neighbours, a chapter
reads in order, a cross-reference opens the section it names when it is in the workspace."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.ui.widgets.reader_tab import ReaderTab
from tests.ui.gui_fixtures import wait_idle

REPO = Path(__file__).resolve().parents[2]
DC = REPO / "corpus" / "statutes" / "dc-code-48-chapter-9e"


@pytest.fixture
def dc_window(qtbot: Any, window: Any, session: Any, tmp_path: Path) -> Any:
    root = tmp_path / "ws"
    shutil.copytree(DC, root / "dc")
    with qtbot.waitSignal(session.themes_loaded, timeout=60_000):
        session.open_workspace(root)
    wait_idle(qtbot, session)
    return window


def _doc(session: Any, name: str) -> Any:
    return next(d for d in session.documents() if d.path.endswith(name))


def _shown(qtbot: Any, w: Any, doc_id: str) -> ReaderTab:
    qtbot.waitUntil(lambda: (t := w.area.current_tab()) is not None and t.doc_id == doc_id
                    and t.is_ready, timeout=20_000)
    tab = w.area.current_tab()
    assert tab is not None
    return tab


def test_a_section_opens_among_its_neighbours(qtbot: Any, dc_window: Any,
                                              session: Any) -> None:
    w = dc_window
    five = _doc(session, "48-961.05.xml")
    w.open_document(five.id)
    _shown(qtbot, w, five.id)
    assert w.outline.trail.text() == "Title 48 › Chapter 9E › § 48-961.05"
    assert w.outline.next.text() == "§ 48-961.06 ›"
    w.outline.next.click()
    six = _doc(session, "48-961.06.xml")
    _shown(qtbot, w, six.id)
    assert w.outline.trail.text().endswith("§ 48-961.06")
    # in the library: one row for the code, the section selected inside its chapter
    assert w.library.selected_doc_id() == six.id
    assert w.library.tree.currentIndex().parent().data().startswith("Chapter 9E")


def test_a_cross_reference_opens_its_section(qtbot: Any, dc_window: Any,
                                             session: Any) -> None:
    w = dc_window
    five = _doc(session, "48-961.05.xml")
    w.open_document(five.id)
    tab = _shown(qtbot, w, five.id)
    assert tab.doc_text is not None
    link = next(k for k in tab.doc_text.links if k.target == "D.C. Code § 48-961.03")
    tab.links.activated.emit(link)
    three = _doc(session, "48-961.03.xml")
    target = _shown(qtbot, w, three.id)
    assert target.current_offset() <= 20
    qtbot.waitUntil(lambda: "Opened § 48-961.03" in w.status.currentMessage())
    # a section that is not in the workspace: said in the status bar, nothing opens
    missing = next(k for k in tab.doc_text.links if k.target == "D.C. Code § 7-403")
    w.area.tabs.setCurrentWidget(tab)
    tab.links.activated.emit(missing)
    qtbot.waitUntil(lambda: w.status.currentMessage() ==
                    "D.C. Code § 7-403 is not in this workspace.", timeout=10_000)
    assert w.area.current_tab() is tab


def test_a_chapter_reads_in_order(qtbot: Any, dc_window: Any, session: Any,
                                  tmp_path: Path) -> None:
    w = dc_window
    (code,) = session.collections
    chapter = code.roots[0].children[0]
    assert chapter.label == "Chapter 9E"
    w.library.chapter_requested.emit(chapter)
    qtbot.waitUntil(lambda: (t := w.area.current_tab()) is not None and t.readonly,
                    timeout=20_000)
    tab = w.area.current_tab()
    assert tab is not None and tab.doc_text is not None
    text = tab.doc_text.text
    assert text.index("§ 48-961.01.") < text.index("§ 48-961.05.") < text.index("§ 48-961.12.")
    assert w.annotating.binding(tab) is None  # nothing is highlighted in a chapter's view
    assert w.area.tabs.tabText(w.area.tabs.currentIndex()).startswith("Chapter 9E")
    # a cross-reference in the chapter opens the section file
    link = next(k for k in tab.doc_text.links if k.target == "D.C. Code § 48-961.03")
    tab.links.activated.emit(link)
    _shown(qtbot, w, _doc(session, "48-961.03.xml").id)
    assert w.grab().save(str(tmp_path / "window-chapter.png"))
