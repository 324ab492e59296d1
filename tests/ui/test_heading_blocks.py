"""Which paragraphs the reader styles as headings: a section's own heading line, never a
statute subsection whose text runs on in the same paragraph."""

from __future__ import annotations

from reader.model.documents import Section
from reader.ui.offsets import TextMap
from reader.ui.reader_doc import heading_blocks

TEXT = ("Section 3. Charges that will not be filed\n\n"
        "(a) No person covered by Section 2 shall be charged with possession of a "
        "controlled substance found at the scene.\n\n"
        "(b) Referral.\n\n"
        "An officer may refer the person to services.\n\n"
        "(c) Nothing in this section applies to sale.\n\n"
        "12-403. Opioid antagonists; prescribing, dispensing and distribution.\n\n"
        "Plain text.")


def _section(fragment: str, title: str, number: str, level: int, until: str = "") -> Section:
    """A section starting at ``fragment``, running to ``until`` (else 10 characters on)."""
    start = TEXT.index(fragment)
    end = TEXT.index(until) - 2 if until else start + 10
    return Section(title=title, level=level, start=start, end=end, number=number)


def test_only_heading_lines_are_headings() -> None:
    sections = (
        _section("Section 3.", "Section 3. Charges that will not be filed", "§ 3", 1),
        _section("(a) No person", "(a) No person covered by Section 2 shall be charged",
                 "(a)", 2),
        # a caption of its own: the subsection's text follows in the next paragraph
        _section("(b) Referral.", "(b) Referral.", "(b)", 2, until="(c) Nothing"),
        # all in its one paragraph: text, however short
        _section("(c) Nothing", "(c) Nothing in this section applies to sale.", "(c)", 2,
                 until="12-403."),
        _section("12-403.", "Opioid antagonists", "§ 12-403", 1),
    )
    text_map = TextMap(TEXT)
    found = heading_blocks(text_map, sections)
    titles = sorted(s.title for s in found.values())
    assert titles == ["(b) Referral.", "Opioid antagonists",
                      "Section 3. Charges that will not be filed"]


def test_a_scanned_page_is_noted_before_the_next_page_and_never_labels_its_text() -> None:
    from reader.model.documents import Page
    from reader.ui.reader_doc import page_blocks

    text = "First page text.\n\nSecond page text.\n\nLast."
    second = text.index("Second")
    last = text.index("Last")
    pages = (Page(1, 0, second - 2), Page(2, second, second, has_text=False),
             Page(3, second, last - 2), Page(4, last, len(text)),
             Page(5, len(text), len(text), has_text=False))  # a scanned back page
    starts, blank = page_blocks(TextMap(text), pages)
    assert {b: p.number for b, p in starts.items()} == {0: 1, 1: 3, 2: 4}
    assert {b: [p.number for p in ps] for b, ps in blank.items()} == {1: [2]}
