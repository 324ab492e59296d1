"""Code points (core) ↔ Qt positions (UTF-16 units, one separator per paragraph)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ui.offsets import TextMap, cp_to_utf16, qt_safe, utf16_len, utf16_to_cp

TEXT = "Café 😀 naïve\nline two\n\nNext ¶ with 👩‍⚖️ judge\n\n\n\nafter an empty one"


def test_utf16_helpers() -> None:
    assert utf16_len("a😀b") == 4
    assert cp_to_utf16("a😀b", 2) == 3
    assert utf16_to_cp("a😀b", 3) == 2
    assert utf16_to_cp("a😀b", 2) == 1  # inside the pair: the emoji's start
    assert utf16_to_cp("a😀b", 2, round_up=True) == 2


def test_blocks_and_round_trip() -> None:
    tm = TextMap(TEXT)
    assert [TEXT[s:e] for s, e in tm.blocks] == [
        "Café 😀 naïve\nline two", "Next ¶ with 👩‍⚖️ judge", "", "after an empty one"]
    for cp in range(len(TEXT) + 1):
        if TEXT[cp - 1:cp + 1] == "\n\n" and cp > 0:
            continue  # the middle of a paragraph break has no Qt position of its own
        assert tm.to_core(tm.to_qt(cp)) == cp, cp


def test_clamps_garbage_positions() -> None:
    tm = TextMap(TEXT)
    assert tm.to_qt(-5) == 0
    assert tm.to_qt(10**9) == tm.qt_length
    assert tm.to_core(-1) == 0
    assert tm.to_core(10**9) == len(TEXT)
    assert TextMap("").to_core(3) == 0


def _selected(text: str, start: int, end: int) -> str:
    from PySide6.QtGui import QTextCursor, QTextDocument

    tm = TextMap(text)
    doc = QTextDocument()
    QTextCursor(doc).insertText("\u2029".join(tm.block_texts()))
    cursor = QTextCursor(doc)
    qs, qe = tm.range_to_qt(start, end)
    cursor.setPosition(qs)
    cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
    back = tm.range_to_core(cursor.selectionStart(), cursor.selectionEnd())
    assert back == (start, end)
    return cursor.selectedText()


@pytest.mark.usefixtures("qapp")
def test_selection_with_emoji_accents_and_breaks_lands_on_the_same_characters() -> None:
    start = TEXT.index("😀")
    end = TEXT.index("judge") + len("judge")
    got = _selected(TEXT, start, end)
    assert got == TEXT[start:end].replace("\n\n", "\u2029").replace("\n", " ")


chars = st.sampled_from(list("ab é\n😀👩‍⚖️ñ\u2029\ufdd0"))


@pytest.mark.usefixtures("qapp")
@settings(max_examples=60, deadline=None)
@given(st.lists(chars, max_size=40).map("".join), st.data())
def test_any_range_round_trips_through_a_qt_document(text: str, data: st.DataObject) -> None:
    # normalised text never has three line breaks in a row; the map must cope anyway
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    tm = TextMap(text)
    if any(text[max(0, p - 1):p + 1] == "\n\n" for p in (start, end) if 0 < p < len(text)):
        return  # inside a paragraph break: no own Qt position
    got = _selected(text, start, end)
    piece = text[start:end]
    assert got == "\u2029".join(qt_safe(p) for p in piece.split("\n\n"))
    assert tm.to_core(tm.to_qt(start)) == start
