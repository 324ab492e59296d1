"""A web page's headline, byline, date and site: cleaning rules, and pages whose metadata
is missing, contradictory or garbage (each gives the best guess or nothing, never a
crash)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import DocumentError
from reader.extract.registry import extract_file
from reader.extract.web.blocks import WebBlock
from reader.extract.web.boilerplate import clean_blocks, furniture
from reader.extract.web.names import clean_author_names, name_case
from reader.extract.web.titles import site_keys, strip_site
from tests.core.formats_fixtures import check_extracted

BODY = "".join(f"<p>Paragraph {i} of the story says the county will fund two more outreach "
               f"workers and a second van for the harm reduction program next year.</p>"
               for i in range(6))


@pytest.mark.parametrize(("raw", "names"), [
    ("By JANE DOE and SAM ROE | Staff writers", ["Jane Doe", "Sam Roe"]),
    ("BY JUNE OKAFOR-BELL", ["June Okafor-Bell"]),
    ("By O'NEILL MCDONALD", ["O'Neill McDonald"]),
    ("GAVIN THORPE FOR DAILYBULLETIN.COM", ["Gavin Thorpe"]),
    ("Dr. Lorraine Achterberg, Guest columnist", ["Lorraine Achterberg"]),
    ("Harriet Okoye (now) and Ben Lascelles (earlier)", ["Harriet Okoye", "Ben Lascelles"]),
    ("Story by Dev Ramanathan | Photos by Kaya Lindstrom", ["Dev Ramanathan"]),
    ("Colleen Baptiste | cbaptiste@harborherald.example", ["Colleen Baptiste"]),
    ("Fiona Gallagher Home affairs correspondent", ["Fiona Gallagher"]),
    ("Tereza Dvořáková, Denní zpravodaj", ["Tereza Dvořáková"]),
    ("Jan Novák a Petr Malý", ["Jan Novák", "Petr Malý"]),
    ("佐藤美咲", ["佐藤美咲"]),
    ("Username", []), ("admin", []), ("Staff", []), ("Valley Voice Staff", []),
    ("The Editorial Board", []), ("Associated Wire", []), ("riverfan88", []),
    ("https://www.facebook.example/nbsnews", []), ("", []), ("By", []), ("   ", []),
])
def test_author_names_are_cleaned(raw: str, names: list[str]) -> None:
    assert clean_author_names(raw, ["Denní zpravodaj", "Associated Wire"]) == names


def test_name_case_leaves_mixed_case_alone() -> None:
    assert name_case("danah boyd") == "danah boyd"
    assert name_case("Ruth McAllister") == "Ruth McAllister"
    assert name_case("MARY-KATE O’HARA") == "Mary-Kate O’Hara"


@pytest.mark.parametrize(("title", "sites", "url", "headline"), [
    ("Test strips - The Daily Ledger", ["The Daily Ledger"], "", "Test strips"),
    ("Vote – live updates | Politics | The Clarion", ["The Clarion"], "",
     "Vote – live updates"),
    ("Opinion | Pay for treatment", ["The Capital Courier"], "", "Pay for treatment"),
    ("Insurers balk at paying - CJ", ["The Commerce Journal"], "", "Insurers balk at paying"),
    ("Lipnice rozšíří program - Zpravodaj.cz", ["Denní zpravodaj"], "",
     "Lipnice rozšíří program"),
    ("窓口を開設：東都新聞デジタル", ["東都新聞デジタル"], "", "窓口を開設"),
    ("Headline words | Daily Bulletin Online", ["Daily Bulletin"], "", "Headline words"),
    ("County board approves van | Herald", ["The Harbor Herald"], "",
     "County board approves van"),
    ("Story title | riverton", [], "https://www.riverton.example/a/b", "Story title"),
    ("KRVL 88.1 Community Radio", ["KRVL 88.1 Community Radio"], "", ""),
    ("Covid-19 - what we know - The Daily Ledger", ["The Daily Ledger"], "",
     "Covid-19 - what we know"),
    ("Left | Right", [], "", "Left | Right"),
    ("", ["X"], "", ""),
])
def test_site_name_is_taken_off_titles(title: str, sites: list[str], url: str,
                                       headline: str) -> None:
    assert strip_site(title, site_keys(sites, url)) == headline


@pytest.mark.parametrize(("text", "junk"), [
    ("Continue reading the main story", True), ("Advertisement", True),
    ("Story continues below advertisement", True), ("Pokračování článku pod reklamou", True),
    ("READ MORE: Overdose deaths fall for the first time", True),
    ("Sign up for our Daily Headlines newsletter. Be the first to know.", True),
    ("Share full article", True), ("87 comments", True), ("Diskuse (57)", True),
    ("Credit: Pike Hollow Picture Agency", True), ("Image source, Getty Images", True),
    ("Supporters gather outside the courthouse, Feb. 14. (AW Photo/Jon Erikson)", True),
    ("Tue 19 Mar 2024 13.20 GMT", True), ("March 4, 2021", True),
    ("Copyright 2024 Associated Wire. All rights reserved.", True),
    ("The group's newsletter urged members to call their senators.", False),
    ("Published in 2019, the report found 3,412 cases.", False),
    ("Read this before the hearing, she told them.", False),
    ("Pictures, she said, were taken by the deputies themselves.", False),
    ("2019 | 1,034 | 518 | 241", False),
    ("Share of deaths involving fentanyl rose to 78 percent in 2023.", False),
])
def test_furniture_is_recognised_by_its_words(text: str, junk: bool) -> None:
    kind = "row" if "|" in text else "p"
    assert furniture(WebBlock(kind, text)) is junk


def test_related_lists_and_repeated_headline_and_bio_are_dropped() -> None:
    blocks = [WebBlock("h", "Vote on the bill", 1), WebBlock("p", "By Jane Doe"),
              WebBlock("p", "First paragraph of the story, long enough to be prose."),
              WebBlock("h", "Related coverage", 2),
              WebBlock("li", "- Montana lawmakers pass limits", 0, 28),
              WebBlock("li", "- What to know", 0, 11),
              WebBlock("p", "Second paragraph of the story, also long enough."),
              WebBlock("p", "Jane Doe is a staff writer covering the statehouse.")]
    kept = [b.text for b in clean_blocks(blocks, headline="Vote on the bill",
                                         authors=["Jane Doe"])]
    assert kept == ["First paragraph of the story, long enough to be prose.",
                    "Second paragraph of the story, also long enough."]


def _page(tmp_path: Path, head: str, body: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head>"
                    f"<body>{body}</body></html>", "utf-8")
    return path


def test_two_h1_and_a_title_of_only_the_site_name(tmp_path: Path) -> None:
    path = _page(tmp_path, "<title>KRVL</title>",
                 "<header><h1><a href='/'>KRVL</a></h1><nav><a href='/'>Home</a></nav></header>"
                 f"<main><h1>Deputies now carry naloxone in every car</h1>{BODY}</main>")
    x = extract_file(path)
    assert x.meta.title == "Deputies now carry naloxone in every car"
    assert "Paragraph 5 of the story" in x.text and "KRVL" not in x.text


def test_a_logo_h1_without_a_link_and_no_other_metadata(tmp_path: Path) -> None:
    path = _page(tmp_path, "<title>KRVL</title>",
                 f"<h1>KRVL</h1><h1>Deputies now carry naloxone in every car</h1>{BODY}")
    assert extract_file(path).meta.title == "Deputies now carry naloxone in every car"


def test_only_the_site_name_anywhere_gives_a_title_from_the_text(tmp_path: Path) -> None:
    path = _page(tmp_path, "<title>The Herald</title><meta property='og:site_name' "
                 "content='The Herald'><meta property='og:title' content='The Herald'>", BODY)
    x = extract_file(path)
    assert x.meta.title != "The Herald" and x.meta.title
    assert x.meta.site == "The Herald"


@pytest.mark.parametrize(("lang", "title", "para"), [
    ("cs", "Kraj přidá peníze na terénní program",
     "Terénní pracovníci budou od dubna chodit do ulic i o víkendech, rozhodla rada. "),
    ("ja", "北浜市、駅前に相談窓口を開設",
     "北浜市は20日、薬物依存に悩む人のための相談窓口を駅前に開設した。予約なしで訪れることができる。"),
])
def test_czech_and_japanese_pages_without_metadata(tmp_path: Path, lang: str, title: str,
                                                   para: str) -> None:
    body = f"<nav><a href='/'>⌂</a></nav><h1>{title}</h1>" + "".join(
        f"<p>{para * 3}</p>" for _ in range(4))
    path = tmp_path / f"{lang}.html"
    path.write_text(f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}"
                    f"</title></head><body>{body}</body></html>", "utf-8")
    x = extract_file(path)
    assert x.meta.title == title
    assert para.strip()[:20] in x.text
    assert x.meta.author == "" and x.meta.date == ""


@pytest.mark.parametrize("ld", [
    "{not json", "[]", "null", "42", '"a string"',
    json.dumps({"@type": "NewsArticle", "headline": ["a", "b"], "author": 42,
                "datePublished": {"x": 1}, "publisher": "Herald"}),
    json.dumps({"@type": "NewsArticle", "@id": "a", "author": {"@id": "a"},
                "datePublished": "2019-02-30T10:00:00Z"}),
    json.dumps({"@graph": "not a list", "@type": "Article", "datePublished": "1700-01-01"}),
    json.dumps({"@type": ["NewsArticle"], "author": [{"@id": "p"}], "@graph": [
        {"@id": "p", "@type": "Person", "author": {"@id": "p"}}]}),
    json.dumps({"@type": "NewsArticle", "author": [{"name": f"Reporter {i}"}
                                                   for i in range(200)]}),
])
def test_garbage_json_ld_is_ignored(tmp_path: Path, ld: str) -> None:
    path = _page(tmp_path, f"<title>Naloxone in every car</title>"
                 f"<script type='application/ld+json'>{ld}</script>", BODY)
    x = extract_file(path)
    check_extracted(x)
    assert x.meta.title == "Naloxone in every car"
    assert x.meta.date == ""
    assert x.meta.author.count(";") < 20


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@id", "@graph", "headline", "author", "name",
                         "datePublished", "publisher", "url"]), inner, max_size=5),
    max_leaves=20)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_JSON, st.sampled_from(["", "<h1></h1>", "<h1>A</h1><h1>B c d</h1>",
                               "<meta property='og:title' content=''>"]))
def test_any_json_ld_reads_or_gives_a_document_error(tmp_path: Path, ld: object,
                                                     extra: str) -> None:
    path = _page(tmp_path, "<script type='application/ld+json'>" + json.dumps(ld)
                 + "</script>" + extra, BODY, "fuzz.html")
    try:
        x = extract_file(path)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check_extracted(x)
    assert "Paragraph 3 of the story" in x.text


@pytest.mark.parametrize("wrap", [
    "<div class='article-body share-enabled has-caption'>{}</div>",
    "<form id='aspnetForm' action='/x'><div class='page'>{}</div></form>",
    "<article><img src='lead.jpg' alt=''>{}</article>",
    "<div class='media'><div class='media-body'>{}</div></div>",
    "<div class='content' data-component='text-block'>{}</div>",
])
def test_markup_that_sounds_like_furniture_but_holds_the_article(tmp_path: Path,
                                                                  wrap: str) -> None:
    path = _page(tmp_path, "<title>Van approved</title>",
                 "<nav><ul><li><a href='/'>Home</a></li></ul></nav><h1>Van approved</h1>"
                 + wrap.format(BODY) + "<footer>© 2024 Herald. All rights reserved.</footer>")
    x = extract_file(path)
    for i in range(6):
        assert f"Paragraph {i} of the story" in x.text
    assert "Home" not in x.text and "All rights reserved" not in x.text
