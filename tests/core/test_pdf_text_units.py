"""Running heads, printed page numbers, paragraph flow, footnotes, hyphens and letter spacing
on synthetic page layouts (no PDF needed)."""

from __future__ import annotations

from array import array
from collections import Counter

import pytest

from reader.extract.pdf_assemble import assemble
from reader.extract.pdf_flow import Edges, ends_sentence, runs_on, split_notes, uses_indents
from reader.extract.pdf_heads import find_running_lines
from reader.extract.pdf_hyphen import Vocabulary, hyphen_join
from reader.extract.pdf_layout import Line, PageLayout, Paragraph
from reader.extract.pdf_lines import build_line


def L(text: str, y: float, x0: float = 72.0, size: float = 12.0, width: float = 0) -> Line:
    w = width or 6.0 * len(text)
    step = w / max(1, len(text))
    xs = array("f")
    for k in range(len(text)):
        xs.append(x0 + k * step)
        xs.append(x0 + (k + 1) * step)
    return Line(text, xs, ((0, y, y + size),), x0, y, x0 + w, y + size, size)


def page(number: int, *lines: Line) -> PageLayout:
    return PageLayout(number, 612.0, 792.0, (0.0, 0.0, 612.0, 792.0), "",
                      [Paragraph([ln]) for ln in lines])


def body(n: int, y: float = 600) -> Line:
    return L(f"Body text of page {n} says something different every time, page after page.",
             y, width=460)


# -- running heads and page labels -------------------------------------------------------
def test_a_head_whose_words_change_with_the_page_number() -> None:
    topics = ["weapons", "search incident to arrest", "consent", "standing", "remedy"]
    pages = [page(1, body(1))] + [
        page(n, L(f"{n} {topics[n - 2]}", 750), body(n)) for n in range(2, 7)]
    result = find_running_lines(pages)
    assert all(ln.dropped for p in pages[1:] for ln in p.lines() if ln.y0 == 750)
    assert result.printed == {n: str(n) for n in range(1, 7)}  # page 1 filled in before
    assert result.texts[3] == "3 search incident to arrest"


def test_every_page_with_its_own_header_keeps_it() -> None:
    heads = ["Arrival at the clinic", "Intake and paperwork", "Meeting the team",
             "The community forum", "Going home"]
    pages = [page(n, L(h, 750), body(n)) for n, h in enumerate(heads, start=1)]
    result = find_running_lines(pages)
    assert not any(ln.dropped for p in pages for ln in p.lines())
    assert result.printed == {} and result.texts == {}


def test_citation_ends_at_the_foot_are_not_feet() -> None:
    pages = [page(n, body(n), L(f"({n + 5}th Cir. 20{10 + n}).", 80)) for n in range(1, 7)]
    find_running_lines(pages)
    assert not any(ln.dropped for p in pages for ln in p.lines())


def test_slip_opinion_numbers_restart_and_a_fax_header_loses_to_the_docket_stamp() -> None:
    numbers = [1, 2, 1, 2, 3, 1]
    pages = [page(n, L(f"Cite as: 571 U. S. ____ (2013) {v}", 750), body(n))
             for n, v in enumerate(numbers, start=1)]
    assert find_running_lines(pages).printed == {n: str(v) for n, v in
                                                 enumerate(numbers, start=1)}
    fax = [page(n, L(f"04/03/2018 09:1{n} FAX 5550100142 RECORDS P.00{n}/004", 760),
                L(f"Case 2:17-cv-00815 Document 22 Filed 04/02/18 Page {n - 1} of 2", 740),
                body(n)) for n in (2, 3)]
    fax.insert(0, page(1, L("04/03/2018 09:10 FAX 5550100142 RECORDS P.001/004", 760),
                       body(1)))
    assert find_running_lines(fax).printed == {1: "1", 2: "1", 3: "2"}


def test_a_docket_head_printed_once_on_the_second_page() -> None:
    pages = [page(1, L("No. 15-40123", 700, x0=280), body(1)),
             page(2, L("No. 15-40123", 760, x0=450), body(2, y=700))]
    find_running_lines(pages)
    assert pages[1].lines()[0].dropped and not pages[0].lines()[0].dropped


# -- paragraph flow ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "ends"), [
    ("the end.", True), ("the Act.3", True), ("(2009).", True), ("said so:", True),
    ("still 2.6", False), ("United States v.", False), ("21 U.S.C.", False),
    ("Samuel H.", False), ("see No.", False), ("the Department of", False),
    ("(10th Cir. 1963);", True), ("“as written.”", True),
])
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


def _runs(a: list[Line], b: list[Line], **kw: bool) -> bool:
    lines = [*a, *b, L("x" * 70, 300, width=460), L("y" * 70, 288, width=460)]
    return runs_on(a, b, Edges.of(a[-1], lines), Edges.of(b[0], lines), **kw)


def test_runs_on() -> None:
    full = L("a line of running text that reaches the right edge of the column of", 100,
             width=460)
    full_end = L("a line of running text that reaches the right edge and ends here.", 88,
                 width=460)
    short = L("for Appellee", 88, width=70)
    nxt = L("Corrections, where he remained until his release to the community.", 700,
            width=460)
    assert _runs([full], [nxt])  # "Department of / Corrections"
    assert not _runs([short], [nxt])  # a short caption line does not run on
    assert not _runs([full], [L("MARTIN Q. OSTROWSKI,", 700)])  # capitals: a caption
    assert not _runs([full], [L("II. Discussion", 700)])
    assert not _runs([full], [L("CC: Chiefs of Police", 700)])
    assert not _runs([full], [L("Table 2.1. Data sources", 700)])
    indented = L("The next paragraph starts here with an indent and runs on and on.", 700,
                 x0=100, width=430)
    assert not _runs([full_end], [nxt])
    assert not _runs([full, full_end], [indented, nxt], jump=True, indents=True)
    assert _runs([full, full_end], [nxt, L("and more of it on the next line too.", 688,
                                            width=460)], jump=True, indents=True)
    assert not _runs([full, full_end], [nxt, nxt], jump=False, indents=True)
    assert not _runs([L("A note on language v", 100)], [L("Key findings vi", 88)])


def test_uses_indents() -> None:
    lines = []
    y = 700.0
    for _ in range(4):
        lines += [L("x" * 60, y, x0=96), L("y" * 60, y - 12), L("z" * 30, y - 24)]
        y -= 40
    assert uses_indents([lines])
    assert not uses_indents([[L("x" * 60, 700 - 12 * k) for k in range(12)]])


def test_notes_are_cut_at_their_marks() -> None:
    lines = [L("continued from the page before.", 100, size=9),
             L("3 See United States v. Roe, 556 U.S. 332,", 88, size=9),
             L("343 (2009).", 76, size=9), L("4 Id. at 345.", 64, size=9),
             L("* Not for publication.", 52, size=9)]
    notes = split_notes(lines, 3)
    assert [(m, len(ls)) for m, ls in notes] == [("", 1), ("3", 2), ("4", 1), ("*", 1)]


# -- footnotes and pages in the text -------------------------------------------------------
def test_notes_go_before_a_paragraph_that_runs_on_and_pages_join() -> None:
    p1 = PageLayout(1, 612, 792, (0, 0, 612, 792), "", [
        Paragraph([L("First paragraph of the page, which ends right here on this page.", 700,
                     width=460)]),
        Paragraph([L("The second paragraph runs all the way to the end of the page and",
                     500, width=460),
                   L("then goes on to the next page, where the custody of the Department of",
                     488, width=460)]),
        Paragraph([L("1 See State v. Roe, 123 P.3d 456 (N.M. 2005).", 90, size=9)]),
    ])
    p2 = PageLayout(2, 612, 792, (0, 0, 612, 792), "", [
        Paragraph([L("Corrections ends the sentence that began on the page before.", 700,
                     width=460)]),
    ])
    result = assemble([p1, p2])
    text = result.text
    assert "Department of\nCorrections ends" in text
    note = result.notes[0]
    assert text[note[0]:note[1]] == "1 See State v. Roe, 123 P.3d 456 (N.M. 2005)."
    assert note[2] == "1" and note[3] == 1
    assert text.index("First paragraph") < note[0] < text.index("The second paragraph")
    assert result.pages[1].start == text.index("Corrections")
    assert text[result.pages[0].end:result.pages[1].start] == "\n"


def test_a_word_hyphenated_across_pages_is_joined_inside_the_boundary() -> None:
    p1 = page(1, L("the people who came back for a second visit within a month of treat-",
                   500, width=460))
    p1.paragraphs[0].lines.insert(0, L("This paragraph is long enough to be running text and",
                                       512, width=460))
    p2 = page(2, L("ment, which the county treated as the main sign of trust.", 700,
                   width=460))
    result = assemble([p1, p2])
    assert "treatment, which" in result.text
    assert result.pages[0].end == result.pages[1].start == result.text.index("ment, which")


# -- hyphens -----------------------------------------------------------------------------
@pytest.mark.parametrize(("first", "second", "how"), [
    ("an out-of-", "state license", "keep"),
    ("an out-", "of-state license", "keep"),
    ("a 12-", "step program", "keep"),
    ("the COVID-", "19 pandemic", "keep"),
    ("a follow-", "up visit", "keep"),
    ("his long-", "standing job", "keep"),
    ("the court-", "house steps", "join"),
    ("post-", "conviction relief", "keep"),
    ("their treat-", "ment plan", "join"),
    ("nalox-", "one kits", "join"),
    ("well-", "known officers", "keep"),
])
def test_hyphen_decisions_with_the_word_list(first: str, second: str, how: str) -> None:
    assert hyphen_join(first, second, Vocabulary()) == how


def test_the_document_s_own_words_win() -> None:
    vocab = Vocabulary(words=Counter({"courthouse": 0, "court": 3}),
                       hyphenated=Counter({"court-house": 4}))
    assert hyphen_join("the court-", "house steps", vocab) == "keep"


# -- letter spacing and fake bold ----------------------------------------------------------
def _glyphs(text: str, x: float, step: float, size: float = 11.0) -> list:
    out: list = []
    for ch in text:
        if ch == " ":
            out.append(None)
            continue
        out.append((ch, x, 700.0, x + 7.0, 700.0 + size, size))
        x += 7.0 + step
    return out


def test_letter_spaced_words_are_closed_up() -> None:
    items: list = []
    for k, word in enumerate(["OFFICE", "OF", "THE", "PRESIDENT"]):
        if k:
            items.append(None)
        items += _glyphs(" ".join(word), 100 + 120 * k, 3.0)
    line = build_line(items)
    assert line is not None and line.text == "OFFICE OF THE PRESIDENT"
    assert len(line.xs) == 2 * len(line.text)
    plain = build_line(_glyphs("a b c d e", 100, 20.0))  # wide gaps: a list, not a word
    assert plain is not None and plain.text == "a b c d e"


def test_the_word_list_is_pyspellcheckers_english_dictionary() -> None:
    from spellchecker import SpellChecker

    from reader.extract.pdf_hyphen import _read_word_list

    words = _read_word_list()
    assert words == dict(SpellChecker(language="en", case_sensitive=False)
                         .word_frequency.dictionary)
    assert words["treatment"] > words["followup"] > 0


def test_a_word_list_that_cannot_be_read_leaves_the_documents_own_words(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import reader.extract.pdf_hyphen as hyphen

    def broken() -> dict[str, int]:
        raise ValueError("the word list is not a table of words")

    monkeypatch.setattr(hyphen, "_read_word_list", broken)
    hyphen.word_list.cache_clear()
    try:
        assert hyphen.word_list() == {}
        assert "cannot be loaded" in caplog.text
        assert hyphen_join("their treat-", "ment plan", Vocabulary()) == "join"  # rule 6
    finally:
        hyphen.word_list.cache_clear()
