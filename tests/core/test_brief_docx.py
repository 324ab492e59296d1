"""Word briefs read back with python-docx: styles, headings, quotes, properties, anonymity,
long content, special characters."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reader.export import citation as cite
from reader.export import docx as docx_writer
from reader.export.build import build_brief
from reader.export.model import Brief
from reader.export.options import BriefOptions, GroupBy, OrphanPolicy
from reader.model.annotations import Theme
from tests.core.brief_fixtures import NAMES, SPECIAL_NOTE, SPECIAL_QUOTE, Fixture, sample, special
from tests.core.brief_readback import docx_names, docx_xml, norm, pdf_text

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)


def build(f: Fixture | None = None, **opts: object) -> Brief:
    f = f or special()
    return build_brief(BriefOptions(**opts), f.placed, f.documents, f.text,
                       f.taxonomy, now=NOW)


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build(title="Lakeview briefing", prepared_by="Lakeview Study Group",
                 orphans=OrphanPolicy.APPENDIX)


@pytest.fixture(scope="module")
def data(brief: Brief) -> bytes:
    return docx_writer.render(brief)


def test_docx_has_a_heading_per_theme_and_every_quote_in_the_quote_style(
        brief: Brief, data: bytes) -> None:
    d = read(data)
    paras = [(p.style.name, p.text) for p in d.paragraphs]
    headings = {(style, text) for style, text in paras if style.startswith("Heading")}
    for s in brief.walk():
        assert (f"Heading {min(3, s.level)}", s.title) in headings
    quotes = [norm(text) for style, text in paras if style == "Quote"]
    for q in brief.quotes():
        assert norm(q.text) in quotes
    cites = [text.replace("\xa0", " ") for style, text in paras if style == "Citation"]
    for q in brief.quotes():
        assert f"— {cite.plain(q.citation)}" in cites
    assert any("p.\xa02" in text for style, text in paras if style == "Citation")
    assert ("Title", "Lakeview briefing") in paras
    assert {"Citation", "Passage Details", "Note", "Source"} <= {s for s, _ in paras}


def test_docx_styles_are_real_and_black_and_white(data: bytes) -> None:
    d = read(data)
    names = {s.name for s in d.styles}
    assert {"Citation", "Passage Details", "Note", "Source", "Theme Description",
            "TOC 1"} <= names
    for name in ("Heading 1", "Heading 2", "Title", "Quote"):
        color = d.styles[name].font.color
        assert color.rgb is None or str(color.rgb) in ("1A1A1A", "000000"), name
    assert d.styles["Quote"].font.italic is False
    fonts = d.styles["Heading 1"].element.rPr.rFonts
    assert fonts.get(qn("w:ascii")) == "Calibri"
    assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would override ours
    xml = docx_xml(data)
    assert "TOC \\o" in xml  # a real table-of-contents field
    assert "NUMPAGES" in xml and "PAGE" in xml


def test_docx_core_properties_are_ours_not_the_template(data: bytes) -> None:
    cp = read(data).core_properties
    assert cp.author == "Lakeview Study Group"
    assert cp.last_modified_by == "Lakeview Study Group"
    assert cp.title == "Lakeview briefing"
    assert "python-docx" not in (cp.comments + cp.author + cp.last_modified_by)
    assert cp.created == NOW.replace(tzinfo=None) or cp.created == NOW
    xml = docx_xml(data)
    assert "python-docx" not in xml
    assert "Macintosh" not in xml
    assert not any("thumbnail" in n for n in docx_names(data))


def test_anonymized_docx_names_no_annotator_anywhere() -> None:
    data = docx_writer.render(build(anonymize=True, orphans=OrphanPolicy.APPENDIX))
    xml = docx_xml(data)
    for name in NAMES:
        assert name not in xml
    cp = read(data).core_properties
    assert cp.author == "" and cp.last_modified_by == ""
    named = docx_xml(docx_writer.render(build()))
    assert "María Ortega" in named


def test_docx_special_characters_survive(data: bytes) -> None:
    text = "\n".join(p.text for p in read(data).paragraphs)
    assert SPECIAL_QUOTE in text
    assert "Noted 🙂 ⚖️ — see §\xa07(c)" not in text
    assert "Note: Noted 🙂 ⚖️ — see § 7(c); café “quotes” 👍🏽" in text
    assert SPECIAL_NOTE.startswith("Noted")


def test_docx_page_size_and_cover_without_header(brief: Brief) -> None:
    a4 = read(docx_writer.render(brief)).sections[0]
    assert round(a4.page_width.cm, 1) == 21.0 and round(a4.page_height.cm, 1) == 29.7
    assert a4.different_first_page_header_footer
    letter = read(docx_writer.render(build(page_size="letter"))).sections[0]
    assert round(letter.page_width.inches, 2) == 8.5
    assert "Lakeview briefing" in a4.header.paragraphs[0].text


def test_docx_long_note_and_whole_page_quote() -> None:
    f = sample()
    long_page = " ".join(f"Sentence {i} about declination." for i in range(500))
    f.add_doc("d-long", "memos/long.pdf", replace(f.documents["d-memo"].meta,
                                                  title="A Long Memo"), [["Intro."],
                                                                         [long_page]])
    f.highlight("d-long", long_page, themes=["decrim"], note=("Long note. " * 1000)[:10_000])
    d = read(docx_writer.render(build(f)))
    assert any(p.text == long_page and p.style.name == "Quote" for p in d.paragraphs)
    notes = [p.text for p in d.paragraphs if p.style.name == "Note"]
    assert any(len(n) >= 9_000 for n in notes)


def test_docx_document_and_stance_layouts() -> None:
    for mode in (GroupBy.DOCUMENT, GroupBy.STANCE):
        b = build(group_by=mode)
        d = read(docx_writer.render(b))
        headings = [(p.style.name, p.text) for p in d.paragraphs
                    if "Heading" in p.style.name]
        for s in b.walk():
            style = "Stance Heading" if s.kind == "stance" else f"Heading {min(3, s.level)}"
            assert (style, s.title) in headings
    assert d.styles["Stance Heading"].base_style.name == "Heading 3"


def test_long_titles_and_many_themes_fit_the_core_properties() -> None:
    f = special()
    f.taxonomy = f.taxonomy + tuple(
        Theme(f"extra{i}", f"An extra theme with a long label number {i}", "#cccccc")
        for i in range(30))
    for i in range(30):
        f.highlight("d-statute", "seeks medical help", themes=[f"extra{i}"])
    title = "A very long title " * 30
    cp = read(docx_writer.render(build(f, title=title))).core_properties
    assert len(cp.title) <= 255 and cp.title.startswith("A very long title")
    assert len(cp.keywords) <= 255


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_and_converts_the_docx(data: bytes, tmp_path: Path) -> None:
    src = tmp_path / "brief.docx"
    src.write_bytes(data)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(src)], check=True, capture_output=True, timeout=120,
                   env={**os.environ, "HOME": str(tmp_path)})
    text = pdf_text((tmp_path / "brief.pdf").read_bytes())
    assert "Lakeview briefing" in text and norm(SPECIAL_QUOTE[:40]) in text
