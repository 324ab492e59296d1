"""PDF extraction pieces on synthetic input: boxes packing, the normal-form check, running
headers and page numbers, hyphens, reading order, paragraphs, line building."""

from __future__ import annotations

import contextlib
from array import array
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.extract.boxes import BoxesBuilder, BoxesError, CharBoxes, PageGeometry, pack
from reader.extract.normalize import normalize_text
from reader.extract.pdf import page_ranges
from reader.extract.pdf_assemble import assemble, is_normal
from reader.extract.pdf_heads import roman_value
from reader.extract.pdf_hyphen import Vocabulary, hyphen_join
from reader.extract.pdf_layout import (
    Line,
    PageLayout,
    Paragraph,
    _Block,
    build_line,
    order_blocks,
    split_paragraphs,
)

PAGE = PageGeometry(1, 612.0, 792.0, (0.0, 0.0, 612.0, 792.0))


# -- boxes -------------------------------------------------------------------------------
def _xs(x0: float, n: int, w: float = 6.0) -> list[float]:
    out = []
    for i in range(n):
        out += [x0 + i * w, x0 + (i + 1) * w]
    return out


def test_boxes_round_trip_and_line_merging() -> None:
    b = BoxesBuilder()
    b.add_page(PAGE)
    b.add_page(PageGeometry(2, 842.0, 595.0, (10.0, 10.0, 832.0, 585.0)))
    b.add_run(0, 1, 700.0, 712.0, _xs(72.0, 5))        # "Hello" on line 1
    b.add_run(5, 1, 699.0, 713.0, _xs(102.0, 3, 8.0))  # bigger type, same line
    b.add_run(9, 1, 680.0, 692.0, _xs(72.0, 4))        # after a "\n" (no box): line 2
    b.add_run(15, 2, 500.0, 510.0, _xs(-3.0, 2))       # page 2, slightly off the page
    data = b.pack(20)
    boxes = CharBoxes.from_bytes(data)
    assert boxes.text_length == 20
    assert boxes.char_box(8) is None  # between runs
    page, x0, y0, x1, y1 = boxes.char_box(6)
    assert page == 1 and x0 == pytest.approx(110.0, abs=0.02) and x1 == pytest.approx(118.0,
                                                                                     abs=0.02)
    assert (y0, y1) == (699.0, 713.0)
    rects = boxes.rects_for(2, 17)
    assert [r[0] for r in rects] == [1, 1, 2]
    assert rects[0][1:] == pytest.approx((84.0, 699.0, 126.0, 713.0), abs=0.02)
    assert rects[1][1:] == pytest.approx((72.0, 680.0, 96.0, 692.0), abs=0.02)
    assert rects[2][1:] == pytest.approx((-3.0, 500.0, 9.0, 510.0), abs=0.02)
    assert boxes.pages_for(0, 20) == (1, 2)
    assert boxes.rects_for(5, 5) == [] and boxes.rects_for(7, 3) == []
    assert boxes.page_size(2) == (842.0, 595.0)
    assert boxes.crop_box(2) == (10.0, 10.0, 832.0, 585.0)
    assert pack([PAGE], [(0, 1, 700.0, 712.0, _xs(72.0, 5))], 5) == pack(
        [PAGE], [(0, 1, 700.0, 712.0, array("f", _xs(72.0, 5)))], 5)


def test_boxes_with_jumps_and_huge_glyphs_still_decode() -> None:
    xs = [10.0, 16.0, 3000.0, 3006.0, 3006.0, 6000.0, -5.0, 1.0]  # gap > int16, width > u16
    data = pack([PAGE], [(0, 1, 0.0, 10.0, xs)], 4)
    boxes = CharBoxes.from_bytes(data)
    assert boxes.char_box(1)[1] == pytest.approx(3000.0, abs=0.05)
    assert boxes.char_box(2)[3] == pytest.approx(3006.0 + 65535 / 32, abs=0.05)  # clamped
    assert boxes.char_box(3)[1:4:2] == pytest.approx((-5.0, 1.0), abs=0.05)


def test_boxes_refuse_overlapping_runs() -> None:
    b = BoxesBuilder()
    b.add_run(0, 1, 0, 1, _xs(0, 3))
    with pytest.raises(ValueError):
        b.add_run(2, 1, 0, 1, _xs(0, 3))


@pytest.mark.parametrize("data", [b"", b"PRBX", b"PRBX\x09xxxx", b"nope" * 10,
                                  b"PRBX\x01" + b"\x78\x9c garbage"])
def test_damaged_boxes_raise_boxes_error(data: bytes) -> None:
    with pytest.raises(BoxesError):
        CharBoxes.from_bytes(data)


def test_truncated_boxes_raise_boxes_error() -> None:
    import zlib

    good = pack([PAGE], [(0, 1, 700.0, 712.0, _xs(72.0, 50))], 50)
    raw = zlib.decompress(good[5:])
    for cut in (len(raw) - 1, len(raw) // 2, 10):
        with pytest.raises(BoxesError):
            CharBoxes.from_bytes(good[:5] + zlib.compress(raw[:cut]))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_boxes_or_boxes_error(data: bytes) -> None:
    for blob in (data, b"PRBX\x01" + data):
        with contextlib.suppress(BoxesError):
            CharBoxes.from_bytes(blob)


# -- the fast normal-form check ----------------------------------------------------------
TRICKY = st.text(alphabet=st.sampled_from(list("ab é\n\t\r\u00a0\u00ad\ufb01\u0301\u200b\x00"
                                              "(cid:12)\u2029\x85Å\u212b")), max_size=40)


@settings(max_examples=500, deadline=None)
@given(TRICKY)
def test_is_normal_never_accepts_text_that_normalising_changes(text: str) -> None:
    if is_normal(text):
        assert normalize_text(text) == text


@pytest.mark.parametrize("text", ["a b\nc\n\nd", "café — “quoted” § 4(b)", "x"])
def test_is_normal_accepts_normal_text(text: str) -> None:
    assert is_normal(text)


# -- synthetic layouts -------------------------------------------------------------------
def L(text: str, y: float, x0: float = 72.0, size: float = 10.0, width: float = 0) -> Line:
    w = width or 5.0 * len(text)
    xs = array("f", _xs(x0, len(text), w / max(1, len(text))))
    return Line(text, xs, ((0, y, y + size),), x0, y, x0 + w, y + size, size)


def page(number: int, *lines: Line) -> PageLayout:
    return PageLayout(number, 612.0, 792.0, (0.0, 0.0, 612.0, 792.0), "",
                      [Paragraph([ln]) for ln in lines])


def body(n: int) -> Line:
    return L(f"Body text of page {n} says something different every time, page after page.",
             400)


def test_running_header_and_page_of_footer_are_dropped_and_label_pages() -> None:
    pages = [page(i, L("Sample County Report 2024", 760), body(i),
                  L(f"Page {i} of 3", 30, x0=280)) for i in (1, 2, 3)]
    result = assemble(pages)
    assert "Sample County Report" not in result.text and "Page 2 of 3" not in result.text
    assert [p.label for p in result.pages] == ["1", "2", "3"]
    assert result.text.count("Body text") == 3


def test_alternating_headers_and_printed_numbers_with_an_offset() -> None:
    pages = []
    for i in range(1, 7):
        head = "Chapter Two: Findings" if i % 2 else "Overdose Report"
        pages.append(page(i, L(head, 760), body(i), L(str(i + 10), 30, x0=300)))
    result = assemble(pages)
    assert "Chapter Two" not in result.text and "Overdose Report" not in result.text
    assert [p.label for p in result.pages] == [str(i + 10) for i in range(1, 7)]


def test_roman_numbers_beside_a_running_footer() -> None:
    pages = [page(i, body(i), L(f"{r} | Keystone Institute", 30, x0=250))
             for i, r in enumerate(["i", "ii", "iii", "iv"], start=1)]
    result = assemble(pages)
    assert "Keystone" not in result.text
    assert [p.label for p in result.pages] == ["i", "ii", "iii", "iv"]


def test_row_mates_of_a_running_header_go_too() -> None:
    pages = [page(i, L("Beyond the Arrest", 760), L(f"{i}. Chapter {i}", 760, x0=480),
                  body(i)) for i in (1, 2, 3)]
    result = assemble(pages)
    assert "Chapter" not in result.text and "Beyond" not in result.text


def test_a_line_repeated_on_one_page_only_is_kept() -> None:
    pages = [page(1, L("Introduction", 760), body(1)), page(2, body(2)), page(3, body(3)),
             page(4, body(4))]
    assert assemble(pages).text.startswith("Introduction")


def test_lone_numbers() -> None:
    one = assemble([page(1, body(1), L("1", 30, x0=300))])
    assert one.text.endswith("after page.") and one.pages[0].label == "1"
    # On a multi-page document a lone number on one page only is kept unless it is the
    # page's own number.
    keep = assemble([page(1, body(1)), page(2, body(2), L("42", 30, x0=300)), page(3, body(3))])
    assert "\n\n42\n\n" in keep.text
    assert [p.label for p in keep.pages] == ["1", "2", "3"]


def test_empty_pages_sit_at_the_next_page_start() -> None:
    result = assemble([page(1, body(1)), page(2), page(3, body(3)), page(4)])
    p = result.pages
    assert [x.has_text for x in p] == [True, False, True, False]
    assert p[1].start == p[1].end == p[2].start
    assert p[3].start == p[3].end == len(result.text)
    assert normalize_text(result.text) == result.text


@pytest.mark.parametrize(("first", "second", "how"), [
    ("their treat-", "ment plan", "join"),
    ("Many Non-", "Hispanic people", "keep"),
    ("the drug-", "induced charge", "keep"),     # "drug-induced" is used elsewhere
    ("their harm-", "reduction work", "keep"),   # "harm" and "reduction" are words here
    ("people to self-", "report", "keep"),
    ("the over-", "dose count", "join"),         # "overdose" is used elsewhere
    ("commu-", "nity", "join"),
    ("section 4-", "b applies", "break"),         # not a word hyphen
    ("pre-", "(a) text", "break"),
])
def test_hyphen_decisions(first: str, second: str, how: str) -> None:
    vocab = Vocabulary(words=Counter(["harm", "reduction", "overdose", "drug", "work"]),
                       hyphenated=Counter(["drug-induced"]))
    assert hyphen_join(first, second, vocab) == how


def test_vocabulary_ignores_fragments_at_line_ends() -> None:
    pages = [PageLayout(1, 612, 792, (0, 0, 612, 792), "", [Paragraph([
        L("care and treat-", 700), L("ment with a drug-induced", 688), L("tail.", 676)])])]
    vocab = Vocabulary.of(pages)
    assert "treat" not in vocab.words and "ment" not in vocab.words
    assert "drug-induced" in vocab.hyphenated and "care" in vocab.words


def test_roman_values() -> None:
    assert [roman_value(t) for t in ["i", "iv", "ix", "xiv", "MCM", "abc", ""]] == [
        1, 4, 9, 14, 1900, None, None]


# -- reading order -----------------------------------------------------------------------
def block(name: str, x0: float, y1: float, lines: int = 5, width: float = 230) -> _Block:
    ls = [L(f"{name} line {k} with enough words to look like a column", y1 - 12 * (k + 1),
            x0=x0, width=width) for k in range(lines)]
    return _Block(ls, x0, y1 - 12 * lines, x0 + width, y1)


def names(blocks: list[_Block]) -> list[str]:
    return [b.lines[0].text.split()[0] for b in blocks]


def test_two_columns_with_header_title_and_footer() -> None:
    blocks = [block("RIGHT1", 320, 650), block("LEFT2", 72, 560), block("HEADER", 420, 770,
              lines=1, width=120), block("LEFT1", 72, 650), block("RIGHT2", 320, 560),
              block("TITLE", 72, 700, lines=2, width=470), block("FOOTER", 280, 40, lines=1,
                                                                  width=60)]
    assert names(order_blocks(blocks, 792)) == ["HEADER", "TITLE", "LEFT1", "LEFT2",
                                                "RIGHT1", "RIGHT2", "FOOTER"]


def test_full_width_block_between_column_bands() -> None:
    blocks = [block("A1", 72, 700), block("B1", 320, 700), block("WIDE", 72, 600, lines=2,
              width=470), block("A2", 72, 550), block("B2", 320, 550)]
    assert names(order_blocks(blocks, 792)) == ["A1", "B1", "WIDE", "A2", "B2"]


def test_three_columns() -> None:
    blocks = [block(n, x, y, width=150) for n, x, y in [
        ("C3", 420, 700), ("C1", 72, 700), ("C2", 246, 700), ("C1b", 72, 620),
        ("C2b", 246, 620), ("C3b", 420, 620)]]
    assert names(order_blocks(blocks, 792)) == ["C1", "C1b", "C2", "C2b", "C3", "C3b"]


def test_single_column_rows_read_left_to_right() -> None:
    blocks = [block("BODY", 72, 600, width=470), block("VALUE", 150, 700.5, lines=1,
              width=200), block("LABEL", 72, 700, lines=1, width=40)]
    assert names(order_blocks(blocks, 792)) == ["LABEL", "VALUE", "BODY"]


def test_paragraph_splits_inside_a_box() -> None:
    lines = [L("1. Purpose", 700, size=14, width=100),
             L("This memo sets the charging policy of the office for all", 680, width=470),
             L("possession cases.", 668, width=100),
             L("It takes effect at once for every pending case in the", 656, x0=90, width=452),
             L("office.", 644, width=40),
             L("(a) Simple possession is declined.", 632, width=200),
             L("(b) Paraphernalia is declined.", 620, width=180)]
    got = [[ln.text.split()[0] for ln in p] for p in split_paragraphs(lines)]
    assert got == [["1."], ["This", "possession"], ["It", "office."], ["(a)"], ["(b)"]]


def test_page_ranges() -> None:
    assert page_ranges(2000, 2) == [(1, 1000), (1001, 2000)]
    assert page_ranges(5, 3) == [(1, 2), (3, 3), (4, 5)]
    assert page_ranges(1, 4) == [(1, 1)]


# -- one line from glyphs ----------------------------------------------------------------
def char(text: str, x0: float, width: float = 5.0, y0: float = 100.0, size: float = 10.0
         ) -> tuple[str, float, float, float, float, float]:
    return (text, x0, y0, x0 + width, y0 + size, size)


def test_build_line_cleans_and_keeps_boxes_in_step() -> None:
    objs = [char(" ", 0), char("o", 10), char("ﬃ", 15, 9.0), char("c", 24), char("e", 29),
            None, None, char("(cid:3)", 40), char("c", 45), char("a", 50),
            char("f", 55), char("e", 60), char("\u0301", 60, 0.5), char("\x07", 65),
            char("\u00ad", 66)]
    line = build_line(objs)
    assert line is not None
    assert line.text == "office café"
    assert len(line.xs) == 2 * len(line.text)
    xs = list(line.xs)
    assert xs[2:8] == pytest.approx([15.0, 18.0, 18.0, 21.0, 21.0, 24.0])  # ffi in thirds
    assert xs[12:14] == pytest.approx([34.0, 45.0])  # the space spans the gap
    assert xs[-2:] == pytest.approx([60.0, 65.0])  # é: the letter and its accent
    assert build_line([None, char("(cid:9)", 1)]) is None
