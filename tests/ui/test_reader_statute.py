"""A statute in the reader: its history and notes set smaller than the law, its
cross-references drawn as links that a click (or the context menu) follows (issue 13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader.extract.registry import extract_file
from reader.model.documents import DocMeta, DocStatus, DocText, Document
from reader.ui.reader_doc import NOTE_SIZE, ReaderStyle
from reader.ui.widgets.reader_tab import ReaderTab

REPO = Path(__file__).resolve().parents[2]
SECTION = REPO / "corpus" / "statutes" / "dc-code-48-chapter-9e" / "48-961.05.xml"


@pytest.fixture
def tab(qtbot: Any) -> ReaderTab:
    got = extract_file(SECTION)
    text = DocText("5" * 64, got.text, got.pages, got.sections, got.links)
    doc = Document(text.doc_id, "dc/48-961.05.xml", "xml", 1, 1, DocStatus.OK,
                   meta=DocMeta(title="§ 48-961.05", kind="statute",
                                citation="D.C. Code § 48-961.05"))
    t = ReaderTab(doc, ReaderStyle(point_size=12.0))
    qtbot.addWidget(t)
    t.resize(900, 700)
    t.show()
    t.show_text(text)
    return t


def _size_at(tab: ReaderTab, offset: int) -> float:
    view = tab.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(offset) + 1)
    return cursor.charFormat().fontPointSize() or view.document().defaultFont().pointSizeF()


def test_notes_are_smaller_than_the_law(tab: ReaderTab) -> None:
    text = tab.doc_text
    assert text is not None
    law = text.text.index("A person who in good faith")
    history = next(s for s in text.sections if s.is_note and s.title == "History")
    assert _size_at(tab, law) == pytest.approx(12.0)
    assert _size_at(tab, history.start + 2) == pytest.approx(12.0 * NOTE_SIZE)
    notes_heading = next(s for s in text.sections if s.title == "History and notes")
    assert _size_at(tab, notes_heading.start) < 12.0


def _point_of(tab: ReaderTab, offset: int) -> QPoint:
    view = tab.view
    view.scroll_to_offset(offset, align=0.5)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(offset) + 2)
    return view.cursorRect(cursor).center()


def test_a_click_on_a_cross_reference_follows_it(qtbot: Any, tab: ReaderTab) -> None:
    text = tab.doc_text
    assert text is not None
    link = next(k for k in text.links if k.target == "D.C. Code § 48-961.03")
    point = _point_of(tab, link.start)
    assert tab.links.link_at(point) == link
    with qtbot.waitSignal(tab.link_activated, timeout=2000) as blocker:
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [tab.doc.id, link]
    # plain text is not a link
    plain = text.text.index("Possession of drug paraphernalia")
    assert tab.links.link_at(_point_of(tab, plain)) is None


def test_the_context_menu_opens_a_cross_reference(qtbot: Any, tab: ReaderTab) -> None:
    text = tab.doc_text
    assert text is not None
    link = next(k for k in text.links if k.target == "D.C. Code § 48-961.03")
    point = _point_of(tab, link.start)
    tab.links._menu_point = point  # what the viewport's context menu event records
    menu = tab.view.context_menu(point)
    first = menu.actions()[0]
    assert first.text() == "Open D.C. Code § 48-961.03"
    with qtbot.waitSignal(tab.link_activated, timeout=2000) as blocker:
        first.trigger()
    assert blocker.args[1] == link
    menu.deleteLater()


def test_a_screenshot_of_a_section(tab: ReaderTab, tmp_path: Path) -> None:
    tab.view.scroll_to_offset(0, align=0.0)
    assert tab.grab().save(str(tmp_path / "section.png"))
    text = tab.doc_text
    assert text is not None
    notes = next(s for s in text.sections if s.title == "History and notes")
    tab.view.scroll_to_offset(notes.start, align=0.4)
    assert tab.grab().save(str(tmp_path / "notes.png"))


def test_a_subsection_that_is_a_clause_is_text_not_a_heading(tab: ReaderTab) -> None:
    built = tab.view.built
    assert built is not None
    titles = [s.title for s in built.headings.values()]
    assert not any(t.startswith("(2) Possession of drug paraphernalia") for t in titles)
    assert not any(t.startswith("(c) Nothing in this section") for t in titles)
    assert any(t.startswith("§ 48-961.05.") for t in titles)


def test_a_subsection_with_a_caption_is_a_heading(qtbot: Any) -> None:
    usc = extract_file(REPO / "corpus" / "statutes" / "usc-title-21-chapter-13a-excerpt.xml")
    text = DocText("7" * 64, usc.text, usc.pages, usc.sections, usc.links)
    doc = Document(text.doc_id, "usc.xml", "xml", 1, 1, DocStatus.OK,
                   meta=DocMeta(title="Title 21", kind="statute", citation="21 U.S.C."))
    t = ReaderTab(doc, ReaderStyle())
    qtbot.addWidget(t)
    t.show_text(text)
    built = t.view.built
    assert built is not None
    titles = [s.title for s in built.headings.values()]
    assert "(a) In general" in titles and "(b) Use of funds" in titles
