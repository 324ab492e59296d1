"""A passage filed under several themes is quoted once, where it first comes, and the other
sections list it as "See No. N" with its first words and where it is quoted: in every
format, the passage numbers a reader meets run upwards through the brief."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

import docx
import pytest

from reader.export import docx as docx_writer
from reader.export import pdf
from reader.export.build import build_brief
from reader.export.csv import render as render_csv
from reader.export.group import excerpt
from reader.export.html import render_html
from reader.export.markdown import render_markdown
from reader.export.model import Brief
from reader.export.options import BriefOptions, GroupBy
from reader.model.annotations import Stance
from tests.core.brief_fixtures import Fixture, sample
from tests.core.brief_readback import github_slug, norm, pdf_pages

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
LONG = ("The Office will still prosecute possession when the person is on supervised release "
        "for a violent offense — a narrow exception the Office will review each quarter.")


def fixture() -> Fixture:
    """The sample, with the long memo passage filed under three themes."""
    f = sample()
    f.placed = [p for p in f.placed if not p.highlight.quote.exact.startswith("The Office")]
    f.highlight("d-memo", LONG, themes=["decrim", "equity", "treatment"],
                stance=Stance.OPPOSES, note="Ask how many.")
    return f


def build(f: Fixture | None = None, **opts: object) -> Brief:
    f = f or fixture()
    return build_brief(BriefOptions(**opts), f.placed, f.documents, f.text, f.taxonomy,
                       now=NOW)


def reading_order(brief: Brief) -> list[tuple[str, int]]:
    """("quote" | "see", number) as a reader meets them."""
    out: list[tuple[str, int]] = []
    for s in brief.walk():
        out += [("see", r.number) for r in s.references]
        out += [("quote", q.number) for q in s.quotes]
    return out


@pytest.mark.parametrize("group_by", [GroupBy.THEME, GroupBy.STANCE])
def test_each_passage_is_quoted_once_and_numbers_run_upwards(group_by: GroupBy) -> None:
    b = build(group_by=group_by)
    order = reading_order(b)
    quoted = [n for kind, n in order if kind == "quote"]
    assert quoted == list(range(1, len(quoted) + 1))  # 1, 2, 3 … in reading order
    for i, (kind, n) in enumerate(order):  # "See No. N" points back, above new passages
        if kind == "see":
            assert n <= max(m for k, m in order[:i] if k == "quote")
            assert all(m > n for k, m in order[i:] if k == "quote")
    seen = [n for kind, n in order if kind == "see"]
    assert len(seen) == 4  # the long passage twice, two two-theme passages once each
    assert len({q.highlight_id for _, q in b.placements()}) == b.placement_count


def test_a_reference_says_what_and_where() -> None:
    b = build()
    home = next(s for s, q in b.placements() if q.text == LONG)
    quote = next(q for q in home.quotes if q.text == LONG)
    refs = [(s.title, r) for s, r in b.references() if r.highlight_id == quote.highlight_id]
    assert [t for t, _ in refs] == ["Treatment and coercion", "Racial equity"]
    assert quote.also_under == ("Treatment and coercion", "Racial equity")
    for _, r in refs:
        assert (r.number, r.section_key, r.section_title) == (
            quote.number, home.key, "Decriminalization and declination")
        assert r.excerpt == "The Office will still prosecute possession when the person is " \
                            "on supervised…"
        assert r.citation == quote.citation and r.stance is Stance.OPPOSES


def test_excerpts_are_short_and_take_the_passage_inside_double_quotes() -> None:
    assert excerpt("“We had to find out ourselves,” she said.") == \
        "We had to find out ourselves,’ she said."
    assert excerpt('He said "no" to “yes”.') == "He said ‘no’ to ‘yes’."
    assert excerpt("One paragraph.\n\nAnother.") == "One paragraph…"
    long = excerpt("word " * 500)
    assert long.endswith("…") and len(long) <= 91
    assert len(excerpt("x" * 10_000)) == 91


def test_markdown_lists_the_reference_with_a_link_to_the_quoting_section() -> None:
    b = build()
    md = render_markdown(b)
    assert md.count("The Office will still prosecute") == 3  # once in full, two excerpts
    assert md.count(norm(LONG).replace("—", "—")) == 1
    n = next(q.number for q in b.quotes() if q.text == LONG)
    lines = [x for x in md.splitlines() if x.startswith(f"- **See No. {n}:**")]
    assert len(lines) == 2
    slug = github_slug("Decriminalization and declination")
    assert all(f"quoted under [Decriminalization and declination](#{slug})." in x
               for x in lines)
    treatment = md.index("## Treatment and coercion")
    assert treatment < md.index(lines[0]) < md.index("### ", treatment) \
        if "### " in md[treatment:] else treatment < md.index(lines[0])


def test_html_links_the_reference_to_the_quote_and_its_section() -> None:
    b = build()
    page = render_html(b)
    ids = set(re.findall(r' id="([^"]+)"', page))
    links = re.findall(r'<a class="see" href="#([^"]+)">See No\. (\d+)</a>', page)
    assert len(links) == 4 and all(target in ids for target, _ in links)
    assert page.count("The Office will still prosecute possession") == 3
    lite = render_html(b, lite=True)
    assert lite.count("<b>See No. ") == 4 and 'class="see"' not in lite


def test_pdf_names_the_page_the_passage_is_on_and_links_to_it() -> None:
    b = build()
    data = pdf.render(b)
    pages = pdf_pages(data)
    n = next(q.number for q in b.quotes() if q.text == LONG)
    start = norm(LONG)[-60:]  # not the first words, which the references show too
    quoted_on = [i for i, text in enumerate(pages, 1) if start in text]
    assert len(quoted_on) == 1
    refs = [m for text in pages
            for m in re.finditer(rf"See No\. {n}: .*?quoted under Decriminalization and "
                                 r"declination, page (\d+)\.", text)]
    assert len(refs) == 2 and {int(m.group(1)) for m in refs} == set(quoted_on)
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    ids = [page.indirect_reference.idnum for page in reader.pages]
    ref_pages = {i for i, text in enumerate(pages) if f"See No. {n}:" in text}
    targets = [ids.index(a.get_object()["/Dest"][0].idnum) + 1
               for i in ref_pages for a in reader.pages[i].get("/Annots") or []
               if "/Dest" in a.get_object()]
    assert quoted_on[0] in targets  # "See No. N" leads to the page that quotes it


def test_pdf_bookmarks_and_contents_lead_to_their_pages() -> None:
    """Made while the pages were held back for "Page N of M", every link and outline
    entry used to lead to the first page."""
    from pypdf import PdfReader
    b = build()
    data = pdf.render(b)
    reader = PdfReader(io.BytesIO(data))
    pages = pdf_pages(data)
    for entry in reader.outline:
        if isinstance(entry, list):
            continue
        page = reader.get_destination_page_number(entry)
        assert entry.title in pages[page], entry.title


def test_docx_links_the_reference_to_a_bookmark_on_the_quote() -> None:
    b = build()
    data = docx_writer.render(b)
    d = docx.Document(io.BytesIO(data))
    see = [p for p in d.paragraphs if p.style.name == "See Also"]
    n = next(q.number for q in b.quotes() if q.text == LONG)
    assert [p.text.split(":")[0] for p in see].count(f"See No. {n}") == 2
    assert all("quoted under Decriminalization and declination." in p.text
               for p in see if p.text.startswith(f"See No. {n}:"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
    assert f'w:name="passage_{n}"' in xml
    assert xml.count(f'w:anchor="passage_{n}"') == 2
    quotes = [p.text for p in d.paragraphs if p.style.name == "Quote"]
    assert sum(LONG[:40] in t for t in quotes) == 1


def test_csv_has_one_row_per_passage_numbered_in_order() -> None:
    b = build()
    rows = list(csv.DictReader(io.StringIO(render_csv(b).decode("utf-8-sig"))))
    assert [int(r["number"]) for r in rows] == list(range(1, len(rows) + 1))
    long = [r for r in rows if r["quote"] == LONG]
    assert len(long) == 1 and long[0]["section"] == "Decriminalization and declination"
    assert "Racial equity" in long[0]["themes"]


def test_document_grouping_has_no_references() -> None:
    b = build(group_by=GroupBy.DOCUMENT)
    assert not list(b.references())


def test_a_passage_with_many_themes_costs_the_brief_linear_size() -> None:
    def size(n_themes: int) -> int:
        f = sample()
        f.taxonomy = tuple(f.taxonomy) + tuple(
            type(f.taxonomy[0])(f"t{i}", f"An extra theme number {i}", "#cccccc")
            for i in range(n_themes))
        f.highlight("d-memo", LONG, themes=[f"t{i}" for i in range(n_themes)])
        b = build(f)
        hid = f.placed[-1].highlight.id
        assert sum(r.highlight_id == hid for _, r in b.references()) == n_themes - 1
        return len(render_markdown(b)) + len(render_html(b))

    small, big = size(100), size(400)
    assert big < 5 * small  # 4× the themes: about 4× the text, never 16×
