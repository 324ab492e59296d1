"""The reader's notes on pages whose text OCR recognised, and on pages left without text."""

from __future__ import annotations

from reader.model.documents import DocText, Page
from reader.ui.reader_doc import OCR_NOTE, BuiltDocument, ReaderStyle
from reader.ui.widgets.reader_paint import blank_note
from reader.ui.widgets.reader_view import ReaderView


def _doc() -> DocText:
    a = "A typed first page about naloxone."
    b = "A scanned second page, read by OCR."
    text = f"{a}\n\n{b}"
    pages = (Page(1, 0, len(a), "1"), Page(2, len(a) + 2, len(text), "2", ocr=True),
             Page(3, len(text), len(text), "3", has_text=False, note="no text found by OCR"))
    return DocText("d" * 64, text, pages)


def test_an_ocr_page_gets_its_note_and_room_for_it(qtbot) -> None:
    doc = _doc()
    built = BuiltDocument(doc, ReaderStyle())
    second = built.text_map.block_of(doc.pages[1].start)
    assert list(built.ocr_pages) == [second]
    block = built.local_block(second)
    plain = built.local_block(0)
    assert block.blockFormat().topMargin() > plain.blockFormat().topMargin()
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.load(None, doc)
    view.show()
    shot = view.viewport().grab().toImage()
    layout = view.document().findBlockByNumber(second).layout()
    text_top = round(layout.position().y() - view.verticalScrollBar().value())
    band = [shot.pixelColor(x, y).lightness()
            for y in range(max(0, text_top - 20), text_top - 2)
            for x in range(0, shot.width(), 2)]
    assert band and min(band) < 200  # the note is written above the page's text
    assert OCR_NOTE.startswith("Text recognised by OCR — check quotes against the page")


def test_a_page_without_text_says_why() -> None:
    doc = _doc()
    assert blank_note(doc.pages[2]) == ("Page 3 has no text: no text found by OCR. Search "
                                        "and highlights cannot reach it; the page view "
                                        "shows it.")
    plain = Page(4, 0, 0, "4", has_text=False)
    assert "has no text layer (it is a scanned image)" in blank_note(plain)
