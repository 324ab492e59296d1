"""Property tests of PDF assembly on random page layouts: whatever heads are dropped, pages
joined, paragraphs run on, hyphens joined and footnotes moved, the text is normal, pages
tile it (a blank line, a line break or nothing between pages), every character keeps the
box of its own page, notes are whole paragraphs of their page, and no letter or digit of
a kept line is lost or invented."""

from __future__ import annotations

from array import array
from collections import Counter

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from reader.extract.boxes import CharBoxes
from reader.extract.normalize import normalize_text
from reader.extract.pdf_assemble import assemble
from reader.extract.pdf_layout import Line, PageLayout, Paragraph

WORDS = ["the", "court", "Department", "of", "Corrections", "treat-", "ment", "out-of-",
         "state", "12-", "step", "v.", "No.", "3", "2018,", "held.", "(2009).", "I.",
         "BACKGROUND", "See", "Roe,", "556", "U.S.", "332", "and", "Page", "ii", "—", "é"]


def _line(text: str, y: float, x0: float, size: float) -> Line:
    step = 5.5 * size / 10
    xs = array("f")
    for k in range(len(text)):
        xs.append(x0 + k * step)
        xs.append(x0 + (k + 1) * step)
    return Line(text, xs, ((0, y, y + size),), x0, y, x0 + len(text) * step, y + size,
                size)


line_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@st.composite
def layouts(draw: st.DrawFn) -> list[PageLayout]:
    pages = []
    head = draw(st.sampled_from(["", "UNITED STATES v. ROE", "Case: 17-2543 Page: {n}"]))
    for n in range(1, draw(st.integers(1, 5)) + 1):
        paragraphs = []
        if head and n > 1:
            paragraphs.append(Paragraph([_line(head.format(n=n), 750, 72, 10)]))
        y = 700.0
        for _ in range(draw(st.integers(0, 4))):
            lines = []
            for _ in range(draw(st.integers(1, 4))):
                x0 = draw(st.sampled_from([72.0, 72.0, 96.0]))
                lines.append(_line(draw(line_text), y, x0, 12))
                y -= 14
            paragraphs.append(Paragraph(lines, continues=draw(st.booleans())))
            y -= 6
        if draw(st.booleans()):
            paragraphs.append(Paragraph([_line("1 " + draw(line_text), 90, 72, 9),
                                         _line(draw(line_text), 80, 72, 9)]))
        if draw(st.booleans()):
            paragraphs.append(Paragraph([_line(str(n), 40, 300, 10)]))
        pages.append(PageLayout(n, 612.0, 792.0, (0.0, 0.0, 612.0, 792.0), "", paragraphs))
    return pages


def _alnum(text: str) -> Counter[str]:
    return Counter(c for c in text if c.isalnum())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_assembly_invariants(pages: list[PageLayout]) -> None:
    lines = [(p.number, ln) for p in pages for para in p.paragraphs for ln in para.lines]
    result = assemble(list(pages))
    text = result.text
    assert normalize_text(text) == text
    kept = Counter[str]()
    for _, ln in lines:
        if not ln.dropped:
            kept += _alnum(ln.text)
    assert _alnum(text) == kept
    boxes = CharBoxes.from_bytes(result.boxes)
    assert boxes.text_length == len(text)
    prev = -1
    for page in result.pages:
        assert 0 <= page.start <= page.end <= len(text)
        if not page.has_text:
            continue
        if prev >= 0:
            assert text[prev:page.start] in ("\n\n", "\n", "")
            event(f"pages joined by {text[prev:page.start]!r}")
        prev = page.end
        assert boxes.pages_for(page.start, page.end) in ((), (page.number,))
    by_number = {p.number: p for p in result.pages}
    if result.notes:
        event("footnotes")
    if any(ln.dropped for _, ln in lines):
        event("running heads dropped")
    for start, end, _mark, number in result.notes:
        page = by_number[number]
        assert page.start <= start < end <= page.end
        assert start == page.start or text[start - 2:start] == "\n\n"
        assert end == page.end or text[end:end + 2] == "\n\n"
