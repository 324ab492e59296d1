"""Reading PDFs in the layouts of real court and government documents as a careful
paralegal would (tests/core/pdf_reading_docs.py): running heads and page numbers out of the
text and kept as labels, sentences whole across line, column and page breaks, footnotes
apart, compounds intact, letterheads and author blocks in their place."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.extract import pdf
from reader.extract.base import Extracted
from reader.model.documents import DocText
from tests.core import pdf_reading_docs as docs


def unbroken(text: str, sentence: str) -> bool:
    """``sentence`` is in ``text`` with only spaces or single line breaks between words."""
    pattern = r"[ \n]".join(re.escape(w) for w in sentence.split())
    return re.search(pattern, text) is not None


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Extracted]:
    folder = tmp_path_factory.mktemp("reading")
    cache: dict[str, Extracted] = {}

    def get(name: str, text: docs.Sentences | None = None) -> Extracted:
        if name not in cache:
            maker = getattr(docs, name)
            path = maker(folder / f"{name}.pdf", text) if text is not None else \
                maker(folder / f"{name}.pdf")
            cache[name] = pdf.extract(path)
        return cache[name]

    return get


def body(x: Extracted) -> str:
    """The text without footnotes."""
    notes = [s for s in x.sections if s.is_footnote]
    out, pos = [], 0
    for n in notes:
        out.append(x.text[pos:n.start])
        pos = n.end
    out.append(x.text[pos:])
    return "".join(out)


def test_circuit_opinion_reads_as_printed(made: Callable[..., Extracted]) -> None:
    x = made("circuit_opinion")
    for s in docs.OPINION_SENTENCES:
        assert unbroken(body(x), s), s
    for c in docs.OPINION_COMPOUNDS:
        assert c in x.text
    assert "treatment plan" in x.text and "community board" in x.text
    # running heads (alternating sides, a short case name) are out of the text, kept
    assert "OSTROWSKI\n" not in x.text.split("APPELLANT", 1)[1]
    assert "No. 07-3125" not in x.text.split("APPELLANT", 1)[1]
    assert [p.label for p in x.pages] == ["1", "2", "3"]
    assert x.pages[0].running == ""
    assert x.pages[1].running == "2 · No. 07-3125"
    assert x.pages[2].running == "UNITED STATES v. OSTROWSKI · 3"


def test_footnotes_are_notes_of_their_page(made: Callable[..., Extracted]) -> None:
    x = made("circuit_opinion")
    notes = [s for s in x.sections if s.is_footnote]
    assert [(n.number, n.title) for n in notes] == [("n.1", "Note 1 (p. 2)"),
                                                   ("n.2", "Note 2 (p. 2)")]
    page2 = x.pages[1]
    for n in notes:
        assert page2.start <= n.start < n.end <= page2.end
        assert x.text[n.start:n.end].startswith(n.number[2:])
    doc = DocText("d" * 64, x.text, x.pages, x.sections)
    assert doc.pinpoint(notes[0].start + 5) == "n.1"
    assert x.text[notes[0].start:notes[0].end] == (
        "1 See United States v. Lindqvist, 556 U.S. 332, 343 (2009); the\n"
        "record does not say when the transfer was made.")
    # The body runs on to page 3, so the notes come before its last paragraph, not
    # between the heading "I. BACKGROUND" and its text.
    assert x.text.index("de novo.1") < notes[0].start < x.text.index("I.\nBACKGROUND")


def test_printed_page_numbers_restart_per_opinion(made: Callable[..., Extracted]) -> None:
    x = made("scotus_slip")
    assert [p.label for p in x.pages] == docs.SCOTUS_LABELS
    assert "Slip Opinion" not in x.text and "OCTOBER TERM" not in x.text
    assert "Cite as" not in x.text and "OKAFOR" not in x.text
    for part in ("Syllabus", "Opinion of the Court", "THOMAS, J., dissenting"):
        assert part not in x.text
    assert x.pages[6].running.endswith("ALITO, J., dissenting")
    assert x.pages[6].place(len(x.pages)) == "p. 1 (7 of 8)"


def test_docket_headers_go(made: Callable[..., Extracted]) -> None:
    text = docs.Sentences()
    x = made("ecf_filing", text)
    assert "Document:" not in x.text and "Date Filed" not in x.text
    assert [p.label for p in x.pages] == [str(i) for i in range(1, len(x.pages) + 1)]
    assert x.pages[0].running.startswith("Case: 17-2543")
    for s in text.made:
        assert unbroken(x.text, s), s


def test_three_columns_read_in_order(made: Callable[..., Extracted]) -> None:
    text = docs.Sentences()
    x = made("register_notice", text)
    assert "Federal Register" not in x.text
    assert [p.label for p in x.pages] == [str(3017 + i) for i in range(len(x.pages))]
    flat = " ".join(x.text.split())
    positions = [flat.find(s) for s in text.made]
    assert -1 not in positions and positions == sorted(positions)
    for s in text.made:
        assert unbroken(x.text, s), s


def test_a_reprint_is_cited_by_its_printed_pages(made: Callable[..., Extracted]) -> None:
    x = made("journal_reprint", docs.Sentences())
    n = len(x.pages)
    assert [p.label for p in x.pages] == [str(231 + i) for i in range(n)]
    assert x.pages[0].place(n) == f"p. 231 (1 of {n})"
    assert not re.search(r"^23\d$", x.text, re.M)


def test_a_different_header_on_every_page_is_kept(made: Callable[..., Extracted]) -> None:
    x = made("own_headers")
    for header in docs.DAY_HEADERS:
        assert header in x.text
    assert [p.running for p in x.pages] == [""] * len(docs.DAY_HEADERS)
    assert x.pages[1].place(len(x.pages)) == "p. 2 of 4"


def test_letterhead_and_author_blocks(made: Callable[..., Extracted]) -> None:
    x = made("letterhead_article")
    assert x.text.startswith("EXECUTIVE OFFICE OF THE PRESIDENT\n")
    assert "OFFICE OF MANAGEMENT AND BUDGET" in x.text
    assert "BBUUDD" not in x.text and x.text.count("MANAGEMENT") == 1
    assert unbroken(x.text, "which it treated as the main sign that the program had earned "
                    "the trust of the people it served.")
    # the authors come before the text, in order
    assert x.text.index("Renata Vukovic") < x.text.index("Tobias Engstrand") < x.text.index(
        "The first county")


def test_outline_of_an_opinion(made: Callable[..., Extracted]) -> None:
    x = made("circuit_opinion")
    heads = [(s.level, s.title) for s in x.sections if not s.is_footnote]
    assert heads == [(1, "I. BACKGROUND"), (1, "II. DISCUSSION"), (2, "A."), (2, "B."),
                     (1, "III. CONCLUSION")]


def test_pages_and_sections_stay_consistent(made: Callable[..., Extracted]) -> None:
    for name in ("circuit_opinion", "scotus_slip", "register_notice"):
        x = made(name)
        prev = -1
        for page in x.pages:
            assert max(prev, 0) <= page.start <= page.end <= len(x.text)
            if page.has_text:
                if prev >= 0:
                    assert x.text[prev:page.start] in ("\n\n", "\n", "")
                prev = page.end
        for s in x.sections:
            assert 0 <= s.start < s.end <= len(x.text)


def test_bench_corpus_generator_still_reads(tmp_path: Path) -> None:
    from tests.bench.pdf_corpus import write_pdf

    path = tmp_path / "two.pdf"
    write_pdf(path, seed=5, pages=3, two_column=True)
    x = pdf.extract(path)
    assert "fictional sample" not in x.text and "Page 2 of 3" not in x.text
    assert [p.label for p in x.pages] == ["1", "2", "3"]
