"""PDF briefs read back with pdfminer and pypdf: quotes, cites, contents page numbers,
fonts, metadata, page sizes, long passages, anonymity, cancel."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from reader.errors import Cancelled
from reader.export import citation as cite
from reader.export import pdf
from reader.export.build import build_brief
from reader.export.model import Brief
from reader.export.options import BriefOptions, GroupBy, OrphanPolicy
from reader.progress import CancelToken
from tests.core.brief_fixtures import NAMES, SPECIAL_QUOTE, Fixture, sample, special
from tests.core.brief_readback import norm, pdf_body_text, pdf_info, pdf_lines, pdf_pages, pdf_text

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)


def build(f: Fixture | None = None, **opts: object) -> Brief:
    f = f or special()
    return build_brief(BriefOptions(**opts), f.placed, f.documents, f.text,
                       f.taxonomy, now=NOW)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build(title="Lakeview briefing", group_name="Lakeview Study Group",
                 prepared_by="Lakeview Study Group", orphans=OrphanPolicy.APPENDIX)


@pytest.fixture(scope="module")
def data(brief: Brief) -> bytes:
    return pdf.render(brief)


def test_pdf_holds_every_quote_and_its_citation(brief: Brief, data: bytes) -> None:
    text = pdf_text(data)
    for q in brief.quotes():
        assert norm(q.text) in text, q.text
        assert norm(cite.plain(q.citation)) in text
    assert "Page 2 of" in text
    assert "(page unknown)" in text  # the orphan appendix, never a page


def test_pdf_contents_page_numbers_point_at_the_headings(brief: Brief, data: bytes) -> None:
    pages = pdf_pages(data)
    all_lines = pdf_lines(data)
    _, lines = all_lines[1]
    assert "Contents" in pages[1]
    numbers = [(y0, t) for x0, y0, _, t in lines if t.isdigit() and x0 > 400]
    checked = 0
    for s in [*brief.walk()]:
        # the page number printed on the same line as the title is the heading's page
        (y,) = [y0 for x0, y0, _, t in lines if t.startswith(s.title) and x0 < 200]
        (number,) = [int(t) for ny, t in numbers if abs(ny - y) < 3]
        # a line of that page is the heading itself
        assert any(t.casefold() == s.title.casefold() for *_, t in all_lines[number - 1][1])
        checked += 1
    assert checked == len(list(brief.walk())) and len(numbers) == checked + 3


def test_pdf_metadata_fonts_and_page_size(data: bytes) -> None:
    info = pdf_info(data)
    assert info["Title"] == "Lakeview briefing"
    assert info["Author"] == "Lakeview Study Group"
    assert info["Creator"] == "Policy Reader"
    assert info["_size"] == pytest.approx((595.27, 841.89), abs=0.5)
    assert any("DejaVuSerif" in f for f in info["_fonts"])
    assert any("DejaVuSans" in f for f in info["_fonts"])
    letter = pdf_info(pdf.render(build(page_size="letter")))
    assert letter["_size"] == pytest.approx((612, 792), abs=0.5)


def test_pdf_special_characters_survive_and_emoji_never_vanish(data: bytes) -> None:
    text = pdf_text(data)
    # accents, §, curly quotes, ✓ (from DejaVu Sans), emoji (Noto Emoji, skin tone and
    # VS16 kept in the text layer): all copy out of the PDF exactly as they were written
    assert norm(SPECIAL_QUOTE) in text
    assert "Noted 🙂 ⚖️ — see § 7(c); café “quotes” 👍🏽" in text
    assert "[" not in text and "\ufffd" not in text


def test_pdf_names_themes_and_stances_in_words(data: bytes) -> None:
    text = pdf_text(data)
    assert "Stance: Supports harm reduction" in text
    assert "Also under: Overdose response" in text
    assert "Themes used in this brief" in text


def test_anonymized_pdf_names_no_annotator_in_text_or_metadata() -> None:
    data = pdf.render(build(anonymize=True, orphans=OrphanPolicy.APPENDIX,
                            prepared_by="Lakeview Study Group"))
    text = pdf_text(data)
    info = pdf_info(data)
    for name in NAMES:
        assert name not in text
        assert all(name not in str(v) for v in info.values())
        assert name.encode() not in data
    assert info["Author"] == ""
    named = pdf.render(build())
    assert "María Ortega" in pdf_text(named) and "María Ortega" in pdf_info(named)["Author"]


def test_a_long_note_and_a_whole_page_quote_still_lay_out() -> None:
    f = sample()
    long_page = " ".join(f"Sentence {i} of a very long memorandum page about declination "
                         "policy and its exceptions." for i in range(260))
    f.add_doc("d-long", "memos/long.pdf", replace(f.documents["d-memo"].meta,
                                                  title="A Long Memo"), [["Intro."],
                                                                         [long_page]])
    note = ("A note that goes on. " * 500)[:10_000]
    f.highlight("d-long", long_page, themes=["decrim"], note=note)
    f.highlight("d-long", "Intro.", themes=["decrim"], note="x" * 10_000)  # one huge word
    b = build(f)
    data = pdf.render(b)
    text = pdf_body_text(data)
    assert norm(long_page) in text
    assert text.count("A note that goes on.") >= 400
    assert pdf_info(data)["_pages"] >= 8


def test_document_and_stance_layouts_render() -> None:
    for mode in (GroupBy.DOCUMENT, GroupBy.STANCE):
        b = build(group_by=mode)
        text = pdf_text(pdf.render(b))
        for s in b.walk():
            assert norm(s.title).casefold() in text.casefold()


def test_pdf_cancel_stops_the_layout() -> None:
    token = CancelToken()
    seen = []

    def progress(done: int, total: int, label: str) -> None:
        seen.append(done)

    token.cancel()
    with pytest.raises(Cancelled):
        pdf.render(build(), progress=progress, cancel=token)


def test_pdf_progress_reaches_the_total() -> None:
    seen: list[tuple[int, int]] = []
    b = build()
    pdf.render(b, progress=lambda d, t, label: seen.append((d, t)))
    assert seen[-1] == (b.placement_count, b.placement_count)


def test_pdf_without_contents_and_appendices() -> None:
    b = build(include_toc=False, include_sources=False, include_theme_appendix=False)
    pages = pdf_pages(pdf.render(b))
    assert "Contents" not in pages[1] and b.sections[0].title in pages[1]
    text = " ".join(pages)
    assert "Sources" not in text and "Themes used in this brief" not in text


def test_markup_characters_in_text_are_printed_not_interpreted() -> None:
    f = sample()
    f.add_doc("d-markup", "m.txt", replace(f.documents["d-memo"].meta,
                                           title="A <b>bold</b> & “odd” title"),
              [["Section 3 <i>applies</i> & A&T's <br/> rule 1 < 2 > 0."]], paged=False)
    f.highlight("d-markup", "Section 3 <i>applies</i> & A&T's <br/> rule 1 < 2 > 0.",
                themes=["decrim"], note="<font size=40>big</font> & <b>not bold</b>")
    text = pdf_text(pdf.render(build(f)))
    assert "Section 3 <i>applies</i> & A&T's <br/> rule 1 < 2 > 0." in text
    assert "A <b>bold</b> & “odd” title" in text
    assert "<font size=40>big</font> & <b>not bold</b>" in text


def test_pdf_source_address_is_a_link(data: bytes) -> None:
    import io

    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    uris = [a.get_object().get("/A", {}).get("/URI") for p in reader.pages
            for a in (p.get("/Annots") or [])]
    assert "https://ledger.example/2022/06/memo" in uris
