"""Accents, curly quotes, §, em dashes and emoji survive in every brief format: a brief whose
quote and note hold them is written to a file in each format and read back (PDF with
pdfminer: drawn in the bundled Noto Emoji and copied out as the same characters)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from pathlib import Path

import docx
import pytest

from reader.export import pdf, pdf_fonts
from reader.export.build import build_brief
from reader.export.model import Brief
from reader.export.options import BriefOptions
from reader.export.write import write_brief
from reader.model.annotations import Stance
from reader.model.documents import DocMeta
from tests.core.brief_fixtures import Fixture, sample
from tests.core.brief_readback import markdown_blocks, norm, pdf_info, pdf_pages, pdf_text

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
MIXED = "é “curly” § — 🙂 👍🏽 ❤️"
QUOTE = f"The clinic said {MIXED} and kept its doors open"
NOTE = f"Checked {MIXED} twice"
TITLE = "Lakeview briefing 🙂"
FORMATS = ("pdf", "docx", "html", "md", "csv")


def fixture() -> Fixture:
    f = sample()
    f.add_doc("d-emoji", "notes/emoji.pdf", DocMeta(
        title="Clinic notes 👍🏽", kind="report", author="Café Collective",
        date="2024-01-02"), [["Preamble."], [QUOTE]])
    f.highlight("d-emoji", QUOTE, themes=["voices"], stance=Stance.SUPPORTS, note=NOTE)
    return f


def build(f: Fixture | None = None, **opts: object) -> Brief:
    f = f or fixture()
    return build_brief(BriefOptions(**{"title": TITLE, **opts}),
                       f.placed, f.documents, f.text, f.taxonomy, now=NOW)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("emoji")
    b = build()
    out = {}
    for fmt in FORMATS:
        result = write_brief(b, folder / f"brief.{fmt}")
        out[fmt] = Path(result.path).read_bytes()
    return out


def test_pdf_draws_emoji_and_copies_them_out_exactly(written: dict[str, bytes]) -> None:
    data = written["pdf"]
    text = pdf_text(data)
    assert norm(QUOTE) in text
    assert f"Note: {NOTE}" in text
    assert "Clinic notes 👍🏽" in text  # the document title in the citation
    assert "[" not in text and "\ufffd" not in text  # no names in brackets, no junk
    pages = pdf_pages(data)
    assert pages[0].count(TITLE) == 1  # the cover title
    assert all(p.startswith(TITLE) for p in pages[1:])  # the running header
    fonts = pdf_info(data)["_fonts"]
    assert any("NotoEmoji" in f for f in fonts)


def test_pdf_without_emoji_embeds_no_emoji_font() -> None:
    f = Fixture()
    quote = "Accents é, “curly” quotes, § and — but no emoji ✓"
    f.add_doc("d-plain", "plain.pdf", DocMeta(title="Plain", kind="report"), [[quote]])
    f.highlight("d-plain", quote, themes=["voices"])
    data = pdf.render(build(f, title="Lakeview briefing"))
    fonts = pdf_info(data)["_fonts"]
    assert any("DejaVuSans" in n for n in fonts) and not any("NotoEmoji" in n for n in fonts)
    assert quote in pdf_text(data)


def test_pdf_names_characters_no_font_has_and_keeps_the_rest() -> None:
    f = sample()
    quote = "Cuneiform 𒀀 beside 🙂, a ZWJ family 👨‍👩‍👧 and a flag 🇫🇷"
    f.add_doc("d-odd", "odd.pdf", DocMeta(title="Odd", kind="report"), [[quote]])
    f.highlight("d-odd", quote, themes=["voices"])
    text = pdf_text(pdf.render(build(f)))
    assert ("Cuneiform [cuneiform sign a] beside 🙂, a ZWJ family 👨‍👩‍👧 and a flag 🇫🇷"
            in text)


def test_markup_falls_back_per_run_and_prefers_emoji_style_with_vs16() -> None:
    m = pdf_fonts.markup("a ✓ ❤ ❤️ 🙂🙂 b")
    assert f'<font face="{pdf_fonts.SANS}">✓</font>' in m  # DejaVu Sans, as before
    assert f'<font face="{pdf_fonts.SANS}">❤</font>' in m  # text-style heart
    assert f'<font face="{pdf_fonts.EMOJI}">❤️</font>' in m  # emoji style: Noto Emoji
    assert f'<font face="{pdf_fonts.EMOJI}">🙂🙂</font>' in m  # one run, not two
    assert pdf_fonts.markup("plain “text” — §") == "plain “text” — §"


def test_to_unicode_cmap_writes_surrogate_pairs() -> None:
    cmap = pdf_fonts._to_unicode_cmap("X", [0, 0x41, 0x1F642])
    assert "<01> <0041>" in cmap and "<02> <D83DDE42>" in cmap


def test_docx_keeps_every_character(written: dict[str, bytes]) -> None:
    doc = docx.Document(io.BytesIO(written["docx"]))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert QUOTE in text and f"Note: {NOTE}" in text and TITLE in text


def test_html_keeps_every_character(written: dict[str, bytes]) -> None:
    page = written["html"].decode("utf-8")
    text = norm(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert QUOTE in text and NOTE in text and TITLE in text


def test_markdown_keeps_every_character(written: dict[str, bytes]) -> None:
    md = written["md"].decode("utf-8")
    quotes, headings, _ = markdown_blocks(md)
    assert any(QUOTE in q for q in quotes)
    assert NOTE in md and any(TITLE in h for h in headings)


def test_csv_keeps_every_character(written: dict[str, bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(written["csv"].decode("utf-8-sig"))))
    (row,) = [r for r in rows if r["quote"] == QUOTE]
    assert row["note"] == NOTE and row["document_title"] == "Clinic notes 👍🏽"


def test_a_damaged_emoji_font_is_a_clear_export_error(tmp_path, monkeypatch) -> None:
    from reader.errors import ExportError
    from reader.export import pdf_fonts

    pdf_fonts.register()  # the DejaVu families are fine; only the emoji file is bad
    (tmp_path / pdf_fonts.EMOJI_FILE).write_bytes(b"\x00\x01\x00\x00 not a font at all")
    monkeypatch.setattr(pdf_fonts, "fonts_dir", lambda: tmp_path)
    monkeypatch.setattr(pdf_fonts, "_emoji", {})
    with pytest.raises(ExportError) as err:
        pdf_fonts.emoji_coverage()
    assert pdf_fonts.EMOJI_FILE in str(err.value) and "\n" not in str(err.value)
