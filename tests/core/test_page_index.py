"""Hit tests over character boxes (reader.extract.page_index): the character at a point,
selection boundaries, words, two columns in reading order, pages of offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.extract.boxes import CharBoxes, PageGeometry, pack
from reader.extract.page_index import PageIndex

# Two columns on page 1: the left column's two lines come first in the text, then the
# right column's line; page 2 has one line. Each character is 6 pt wide, lines 12 pt tall.
LEFT1, LEFT2, RIGHT, NEXT = "naloxone saves", "lives daily", "policy memo", "page two"
TEXT = f"{LEFT1}\n{LEFT2}\n\n{RIGHT}\n\n{NEXT}"


def _xs(x: float, text: str) -> list[float]:
    return [v for i in range(len(text)) for v in (x + 6 * i, x + 6 * i + 6)]


def _index() -> PageIndex:
    runs = []
    pos = 0
    for page, x, y, line in ((1, 72, 700, LEFT1), (1, 72, 686, LEFT2),
                             (1, 320, 700, RIGHT), (2, 72, 700, NEXT)):
        pos = TEXT.index(line, pos)
        runs.append((pos, page, y, y + 12, _xs(x, line)))
        pos += len(line)
    geo = [PageGeometry(n, 612, 792, (0, 0, 612, 792)) for n in (1, 2)]
    return PageIndex(CharBoxes.from_bytes(pack(geo, runs, len(TEXT))), TEXT)


def test_the_character_under_a_point_and_which_half() -> None:
    idx = _index()
    assert idx.char_at(1, 73, 705) == (0, False)  # left half of "n"
    assert idx.char_at(1, 77, 705) == (0, True)
    assert idx.boundary_at(1, 77, 705) == 1
    start = TEXT.index(RIGHT)
    assert idx.char_at(1, 321, 706) == (start, False)  # the right column
    assert idx.char_at(1, 500, 100) is None  # far from every letter
    assert idx.char_at(3, 73, 705) is None  # no such page


def test_between_lines_the_nearer_line_wins() -> None:
    idx = _index()
    assert idx.char_at(1, 73, 698.5)[0] == TEXT.index(LEFT2)  # type: ignore[index]
    assert idx.char_at(1, 73, 711)[0] == 0  # type: ignore[index]


def test_a_range_across_columns_follows_the_text() -> None:
    idx = _index()
    a = idx.boundary_at(1, 72 + 6 * 6 + 1, 690)  # before "daily" (left column, line 2)
    b = idx.boundary_at(1, 320 + 6 * 5 + 5, 705)  # after "policy" in the right column
    assert a is not None and b is not None
    assert TEXT[min(a, b):max(a, b)] == "daily\n\npolicy"
    rects = idx.rects(min(a, b), max(a, b))
    assert [r[0] for r in rects] == [1, 1] and rects[0][1] < rects[1][1]  # one per line


def test_word_at_a_point() -> None:
    idx = _index()
    start = TEXT.index("saves")
    assert idx.word_at(1, 72 + 6 * 10 + 1, 705) == (start, start + 5)
    assert idx.word_at(1, 72 + 6 * 8 + 3, 705) is None  # the space between words


def test_page_of_offsets() -> None:
    idx = _index()
    assert idx.page_of(0) == 1
    assert idx.page_of(TEXT.index(NEXT)) == 2
    assert idx.page_of(TEXT.index(NEXT) - 1) == 2  # a break belongs to what follows
    assert idx.page_of(len(TEXT) + 5) == 2
    assert idx.pages_with_text() == (1, 2) and idx.has_text(2) and not idx.has_text(3)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 3), st.floats(-1e4, 1e4), st.floats(-1e4, 1e4))
def test_any_point_gives_a_boundary_inside_the_text_or_none(page: int, x: float,
                                                             y: float) -> None:
    got = _index().boundary_at(page, x, y)
    assert got is None or 0 <= got <= len(TEXT)


# -- round trips on a real PDF: a range made in the text view, pointed at on the page -------
_REAL: list[tuple[PageIndex, list[tuple[int, int]]]] = []


def _real() -> tuple[PageIndex, list[tuple[int, int]]]:
    if not _REAL:
        import re
        from pathlib import Path

        from reader.extract.pdf import extract

        path = Path(__file__).resolve().parents[2] / "corpus" / "memos" / \
            "alder-county-2020-declination-memo.pdf"  # two columns, hyphens joined
        e = extract(path)
        words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]{2,}", e.text)]
        _REAL.append((PageIndex(CharBoxes.from_bytes(e.boxes or b""), e.text), words))
    return _REAL[0]


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 30))
def test_text_to_page_to_text_gives_the_same_range(first: int, more: int) -> None:
    idx, words = _real()
    i = first % (len(words) - 31)
    start, end = words[i][0], words[i + more][1]
    a, b = idx.boxes.char_box(start), idx.boxes.char_box(end - 1)
    if a is None or b is None:  # a word joined across a line end has no box for its hyphen
        return
    # press on the left half of the first letter, release on the right half of the last
    got_start = idx.boundary_at(a[0], a[1] + (a[3] - a[1]) * 0.25, (a[2] + a[4]) / 2)
    got_end = idx.boundary_at(b[0], b[3] - (b[3] - b[1]) * 0.25, (b[2] + b[4]) / 2)
    assert (got_start, got_end) == (start, end), idx.text[start:end]
