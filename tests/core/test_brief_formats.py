"""HTML, Markdown and CSV briefs: content, escaping, structure, anonymity."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html.parser import HTMLParser

import pytest

from reader.export import citation as cite
from reader.export.build import build_brief
from reader.export.csv import COLUMNS, safe_cell
from reader.export.csv import render as render_csv
from reader.export.html import render_html
from reader.export.markdown import escape, render_markdown
from reader.export.model import Brief
from reader.export.notes import parse_note
from reader.export.options import BriefOptions, GroupBy, OrphanPolicy
from tests.core.brief_fixtures import NAMES, SPECIAL_NOTE, SPECIAL_QUOTE, Fixture, special
from tests.core.brief_readback import github_slug, markdown_blocks, norm

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)


def build(f: Fixture | None = None, **opts: object) -> Brief:
    f = f or special()
    return build_brief(BriefOptions(**opts), f.placed, f.documents, f.text,
                       f.taxonomy, now=NOW)


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.blockquotes: list[str] = []
        self.cites: list[str] = []
        self._stack: list[str] = []
        self._buf: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag in ("blockquote", "cite"):
            self._buf[tag] = []
        self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "blockquote":
            self.blockquotes.append(norm(" ".join(self._buf.pop(tag))))
        if tag == "cite":
            self.cites.append("".join(self._buf.pop(tag)))

    def handle_data(self, data):
        for buf in self._buf.values():
            buf.append(data)


def parse_html(text: str) -> _Html:
    p = _Html()
    p.feed(text)
    return p


def test_html_is_self_contained_semantic_and_linked() -> None:
    b = build()
    page = render_html(b)
    doc = parse_html(page)
    assert "<script" not in page and "<link" not in page and "<img" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"url\(", page)
    assert {norm(q.text) for q in b.quotes()} <= set(doc.blockquotes)
    assert "figcaption" in doc.tags and "nav" in doc.tags
    assert "Charging Policy on Possession of Controlled Substances" in doc.cites
    internal = [h[1:] for h in doc.hrefs if h.startswith("#")]
    assert internal and set(internal) <= doc.ids
    for s in b.walk():
        assert s.key in doc.ids
    assert "@media print" in page and "size: A4" in page
    assert "size: letter" in render_html(build(page_size="letter"))


def test_html_keeps_special_characters_and_escapes_markup() -> None:
    f = special()
    f.highlight("d-statute", "§ 42-101. Immunity", note="<script>alert(1)</script> "
                "[x](javascript:alert(1)) [ok](https://example.org/a?b=1&c=2)")
    page = render_html(build(f))
    assert SPECIAL_QUOTE in page
    assert "🙂" in page and "⚖️" in page and "<strong>§ 7(c)</strong>" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page
    assert 'href="https://example.org/a?b=1&amp;c=2"' in page


def test_html_stance_layout_sets_columns_and_lite_preview_is_short() -> None:
    b = build(group_by=GroupBy.STANCE)
    page = render_html(b)
    assert page.count('<div class="stances">') >= 1
    lite = render_html(b, lite=True, limit=3)
    assert lite.count("<blockquote") == 3
    assert "more passages and the appendices are in the full brief" in lite
    assert "<figure" not in lite and 'class="stances"' not in lite


def test_markdown_quotes_cites_and_headings_round_trip() -> None:
    b = build(orphans=OrphanPolicy.APPENDIX)
    md = render_markdown(b)
    quotes, headings, links = markdown_blocks(md)
    for q in b.quotes():
        assert norm(q.text) in quotes
        assert cite.plain(q.citation) in md.replace("*", "").replace("\\", "")
    for s in b.walk():
        assert s.title in headings
    slugs = {github_slug(h) for h in headings}
    anchors = [h[1:] for h in links if h.startswith("#")]
    assert anchors and set(anchors) <= slugs
    assert "Passages that could not be located" in headings
    assert "(page unknown)" in md


def test_markdown_escapes_quoted_text_so_it_reads_literally() -> None:
    nasty = "# not a heading * not emphasis_ [not](a link) <b>raw</b> `tick` | pipe &amp;"
    assert norm(markdown_blocks(f"> {escape(nasty)}\n")[0][0]) == nasty
    assert markdown_blocks(f"> {escape('1. not a list')}\n")[0][0] == "1. not a list"
    assert markdown_blocks(f"> {escape('- not a list')}\n")[0][0] == "- not a list"


def test_markdown_notes_render_simply() -> None:
    md = render_markdown(build())
    assert "**Note:** Noted 🙂 ⚖️ — see **§ 7\\(c\\)**" not in md  # no over-escaping
    assert "**Note:** Noted 🙂 ⚖️ — see **§ 7(c)**; *café* “quotes” 👍🏽" in md
    assert "- by quarter\n- by race" in md


def test_notes_are_parsed_into_simple_blocks() -> None:
    blocks = parse_note("# Heading\n\nText with **bold**, *it*, `code` and "
                        "[link](https://x.org).\n\n1. one\n2. two\n   - nested\n\n> quoted\n\n"
                        "```\ncode block\n```\n<b>raw html</b>")
    kinds = [b.kind for b in blocks]
    assert kinds == ["heading", "para", "item", "item", "item", "para", "code", "para"]
    assert all(s.bold for s in blocks[0].spans)
    assert [b.marker for b in blocks[2:5]] == ["1.", "2.", "•"]
    assert blocks[4].depth == 2
    assert blocks[5].quoted == 1
    assert blocks[7].text == "<b>raw html</b>"  # shown, not interpreted
    assert parse_note("") == () and parse_note("   \n") == ()


def test_csv_has_one_row_per_quote_with_citation_fields() -> None:
    b = build(orphans=OrphanPolicy.APPENDIX)
    data = render_csv(b)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == COLUMNS
    cited = [r for r in rows if r["status"] == "cited"]
    assert len(cited) == b.quote_count
    assert len({r["highlight_id"] for r in cited}) == len(cited)
    by_id = {r["highlight_id"]: r for r in cited}
    for q in b.quotes():
        r = by_id[q.highlight_id]
        assert r["quote"] == q.text
        assert r["page"] == q.citation.page and r["citation"] == cite.plain(q.citation)
    special_row = next(r for r in cited if r["quote"] == SPECIAL_QUOTE)
    assert special_row["note"] == SPECIAL_NOTE
    assert special_row["page"] == "2"
    orphan_rows = [r for r in rows if r["status"].startswith("not located")]
    assert len(orphan_rows) == 1 and orphan_rows[0]["page"] == ""
    assert b"\r\n" in data


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx",
                                   "＝HYPERLINK()"])
def test_csv_cells_cannot_run_as_formulas(value: str) -> None:
    assert safe_cell(value) == "'" + value
    assert safe_cell("plain") == "plain" and safe_cell(None) == ""


def test_csv_formula_in_a_note_is_neutralised() -> None:
    f = special()
    f.highlight("d-statute", "seeks medical help", note='=HYPERLINK("http://x","y")')
    rows = list(csv.DictReader(io.StringIO(render_csv(build(f)).decode("utf-8-sig"))))
    assert any(r["note"] == "'=HYPERLINK(\"http://x\",\"y\")" for r in rows)


@pytest.mark.parametrize("fmt", ["html", "md", "csv"])
def test_anonymized_text_formats_name_no_annotator(fmt: str) -> None:
    b = build(anonymize=True, orphans=OrphanPolicy.APPENDIX)
    text = {"html": lambda: render_html(b), "md": lambda: render_markdown(b),
            "csv": lambda: render_csv(b).decode("utf-8-sig")}[fmt]()
    for name in NAMES:
        assert name not in text
    named = build(orphans=OrphanPolicy.APPENDIX)
    text_named = {"html": lambda: render_html(named), "md": lambda: render_markdown(named),
                  "csv": lambda: render_csv(named).decode("utf-8-sig")}[fmt]()
    assert "María Ortega" in text_named  # the check above can fail


def test_special_characters_survive_in_every_text_format() -> None:
    b = build()
    for text in (render_html(b), render_markdown(b), render_csv(b).decode("utf-8-sig")):
        for piece in ("Zoë Ðorđević", "§ 7(c)", "“we carry naloxone ✓ everywhere,”", "😀",
                      "‘never closes’", "…", "—", "🙂", "👍🏽", "Défense"):
            assert piece in text, piece


def test_contents_leave_out_stance_sub_headings() -> None:
    b = build(group_by=GroupBy.STANCE)
    md = render_markdown(b)
    contents = md.split("## Contents", 1)[1].split("\n## ", 1)[0]
    assert "Decriminalization and declination" in contents
    assert "Supports harm reduction" not in contents
    assert "### Supports harm reduction" in md or "#### Supports harm reduction" in md
    nav = render_html(b).split("<nav", 1)[1].split("</nav>", 1)[0]
    assert "Supports harm reduction" not in nav


def test_contents_sources_and_theme_appendix_can_be_left_out() -> None:
    full = build()
    bare = build(include_toc=False, include_sources=False, include_theme_appendix=False)
    for render in (render_markdown, render_html):
        with_all, without = render(full), render(bare)
        for title in ("Contents", "Sources", "Themes used in this brief"):
            assert title in with_all
            assert title not in without, (render.__name__, title)


def test_source_addresses_are_links() -> None:
    b = build()
    page = render_html(b)
    assert '<a href="https://ledger.example/2022/06/memo">' in page
    assert "<https://ledger.example/2022/06/memo>" in render_markdown(b)
