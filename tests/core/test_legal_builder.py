"""The statute text builder: blocks are normalised text, cross-reference offsets point at
exactly their words, and sections nest (property tests over arbitrary inline pieces)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.extract.legal.builder import Piece, StatuteText
from reader.extract.normalize import normalize_text
from reader.model.documents import NOTE_KIND, DocText, Page

_CHARS = st.sampled_from([*"ab§(1)-. \t\n\u00a0\u2003", "ﬁ", "e\u0301", "\u00ad", "é",
                          "\u200b", "“", "—"])
_TEXT = st.lists(_CHARS, max_size=12).map("".join)
_PIECE = st.builds(lambda text, linked: Piece(text, "T:" + text if linked else "", "h"),
                   _TEXT, st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECE, max_size=6), max_size=5))
def test_links_point_at_their_words_and_blocks_are_normalised(blocks: list[list[Piece]]
                                                              ) -> None:
    out = StatuteText()
    expected = []
    for pieces in blocks:
        start = out.block(pieces)
        if start < 0:
            continue
        expected.extend(normalize_text(" ".join(p.text.split())) for p in pieces
                        if p.target and normalize_text(" ".join(p.text.split())))
    text, _, links = out.build()
    assert normalize_text(text) == text
    assert [text[k.start:k.end] for k in links] == expected
    assert all(0 <= k.start < k.end <= len(text) for k in links)
    assert [k.start for k in links] == sorted(k.start for k in links)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["open", "close", "block", "note"]),
                          st.text(alphabet="xyz ()", max_size=6)), max_size=30))
def test_sections_nest_and_stay_inside_the_text(ops: list[tuple[str, str]]) -> None:
    out = StatuteText()
    tokens: list[int] = []
    for op, words in ops:
        if op in ("open", "note"):
            tokens.append(out.open(words or "t", f"({len(tokens)})",
                                   kind=NOTE_KIND if op == "note" else ""))
        elif op == "close" and tokens:
            out.close(tokens.pop())
        elif op == "block":
            out.block(words)
    text, sections, _ = out.build()
    for s in sections:
        assert 0 <= s.start < s.end <= len(text)
    for a in sections:  # any two sections are disjoint or one holds the other
        for b in sections:
            if a is not b and a.start < b.end and b.start < a.end:
                outer, inner = (a, b) if a.level < b.level else (b, a)
                assert outer.start <= inner.start and inner.end <= outer.end
    doc = DocText("x", text, (Page(1, 0, len(text)),), sections)
    for offset in range(0, len(text), 3):
        pin = doc.pinpoint(offset)
        if doc.note_at(offset) is not None and pin:
            assert pin.endswith(" note")
