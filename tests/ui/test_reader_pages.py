"""Printed page labels, running heads and footnotes in the reader: a page that starts in
the middle of a paragraph (its sentence runs on) is labelled on its own line, the running
head is painted quietly above the page rule, footnotes are set smaller and left out of the
outline, and the status line shows the printed label with the position."""

from __future__ import annotations

from pathlib import Path

from reader.model.documents import DocText, Page, Section
from reader.ui.offsets import TextMap
from reader.ui.reader_doc import ReaderStyle, inline_pages, note_blocks, page_blocks
from reader.ui.widgets.outline_panel import outline_model
from reader.ui.widgets.reader_tab import ReaderTab
from tests.ui.gui_fixtures import make_document

BODY = ("The district court transferred him to the custody of the Oklahoma Department of "
        * 6).strip()
TEXT = (f"I. BACKGROUND\n\n{BODY}\nCorrections, where he stayed until his release. "
        f"{BODY} Corrections.\n\n1 See United States v. Lindqvist, 556 U.S. 332 (2009).\n\n"
        f"II. DISCUSSION\n\n{BODY}")


def _doc() -> DocText:
    second = TEXT.index("Corrections, where")
    note = TEXT.index("1 See")
    note_end = TEXT.index("\n\nII.")
    third = TEXT.index("II. DISCUSSION")
    pages = (Page(1, 0, second - 1, "7", True, "UNITED STATES v. OSTROWSKI · 7"),
             Page(2, second, note_end, "8", True, "8 · No. 07-3125"),
             Page(3, third, len(TEXT), "9", True, "UNITED STATES v. OSTROWSKI · 9"))
    sections = (Section("I. BACKGROUND", 1, 0, third),
                Section("Note 1 (p. 8)", 9, note, note_end, "n.1", "footnote"),
                Section("II. DISCUSSION", 1, third, len(TEXT)))
    return DocText("x" * 64, TEXT, pages, sections)


def test_pages_starting_inside_a_paragraph_are_labelled_inline() -> None:
    doc = _doc()
    tm = TextMap(doc.text)
    starts, _ = page_blocks(tm, doc.pages)
    inside = inline_pages(tm, doc.pages)
    assert {b: p.label for b, p in starts.items()} == {0: "7", 3: "9"}
    assert {b: [p.label for p in ps] for b, ps in inside.items()} == {1: ["8"]}
    assert note_blocks(tm, doc.sections) == {2}


def test_outline_leaves_notes_out() -> None:
    model = outline_model(_doc())
    root = model.invisibleRootItem()
    assert [root.child(i).text() for i in range(root.rowCount())] == [
        "I. BACKGROUND", "II. DISCUSSION"]
    only_notes = DocText("y" * 64, TEXT, _doc().pages, (_doc().sections[1],))
    model = outline_model(only_notes)
    assert model.invisibleRootItem().child(0).text() == "Page 7"


def test_place_says_label_and_position() -> None:
    pages = _doc().pages
    assert pages[1].place(3) == "p. 8 (2 of 3)"
    assert Page(2, 0, 1, "2").place(6) == "p. 2 of 6"
    assert Page(1, 0, 1, "231").place(6) == "p. 231 (1 of 6)"


def test_reader_paints_running_heads_and_inline_labels(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    tab = ReaderTab(make_document(doc), ReaderStyle())
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    tab.show()
    tab.show_text(doc)
    built = tab.view.built
    assert built.inline_pages and 2 in built.notes
    note_block = built.local_block(2)
    body_block = built.local_block(1)
    assert note_block.charFormat().fontPointSize() < body_block.charFormat().fontPointSize() \
        or note_block.begin().fragment().charFormat().fontPointSize() < ReaderStyle().point_size
    image = tab.view.grab()
    image.save(str(tmp_path / "reader_pages.png"))
    assert not image.isNull()
