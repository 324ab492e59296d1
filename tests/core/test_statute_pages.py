"""Saved code pages in the layouts real legislatures publish (California, New York, Texas,
Florida, Illinois, Virginia, Massachusetts, Ohio, Oregon) are read as statutes: the
section's number and caption, the citation in the state's form, the subsections, the
history as a note, the date of the latest amendment, and none of the page's furniture in
the law. The fixtures in ``tests/fixtures/statute_pages`` are fictional (invented text in
imitated markup); each has a ``NAME.expected.json`` saying what a paralegal expects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.export.model import Citation
from reader.export.statute_citation import code_citation
from reader.extract.base import Extracted
from reader.extract.legal.builder import TITLE_CHARS, short_title
from reader.extract.legal.page_source import code_name
from reader.extract.legal.statute_html import statute_page
from reader.model.documents import DocText

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "statute_pages"
PAGES = sorted(p.stem for p in FIXTURES.glob("*.html"))


def read(name: str) -> tuple[Extracted, dict[str, Any]]:
    x = statute_page((FIXTURES / f"{name}.html").read_text(encoding="utf-8"), f"{name}.html")
    assert x is not None, name
    return x, json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))


def doc(x: Extracted) -> DocText:
    return DocText("x", x.text, x.pages, x.sections, x.links)


def law_text(x: Extracted) -> str:
    """The text without its history and note regions."""
    out, pos = [], 0
    for s in sorted((s for s in x.sections if s.is_note), key=lambda s: s.start):
        out.append(x.text[pos:s.start])
        pos = max(pos, s.end)
    out.append(x.text[pos:])
    return "".join(out)


def test_there_are_pages_of_at_least_eight_layouts() -> None:
    assert len(PAGES) >= 8
    assert all((FIXTURES / f"{p}.expected.json").exists() for p in PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_metadata_is_the_sections(name: str) -> None:
    x, want = read(name)
    m = x.meta
    got = {"kind": m.kind, "citation": m.citation, "title": m.title,
           "jurisdiction": m.jurisdiction, "date": m.date, "author": m.author}
    assert got == {"kind": "statute", **{k: want[k] for k in got if k != "kind"}}
    top = [s for s in x.sections if s.level == 1 and s.number]
    if want["number"]:  # one section: the document is it
        assert [s.number for s in top] == [want["number"]]
        cite = want["citation"]
        title = f"{cite}. {want['heading']}" if want["heading"] else cite
        assert top[0].title == short_title(title, TITLE_CHARS)
    else:  # a chapter: its sections, each with its number and caption
        assert [[s.number, s.title] for s in top] == \
            [[n, short_title(t, TITLE_CHARS)] for n, t in want["sections"]]


@pytest.mark.parametrize("name", PAGES)
def test_subsections_and_pinpoints(name: str) -> None:
    x, want = read(name)
    labels = [s.number for s in x.sections if s.number.startswith("(")]
    assert labels[:len(want["subsections"])] == want["subsections"]
    d = doc(x)
    for words, pin in want["pinpoints"].items():
        assert d.pinpoint(x.text.index(words)) == pin, words


@pytest.mark.parametrize("name", PAGES)
def test_history_is_a_note_and_the_furniture_is_gone(name: str) -> None:
    x, want = read(name)
    d = doc(x)
    for words in want["notes"]:
        assert d.pinpoint(x.text.index(words)).endswith(" note"), words
    law = law_text(x)
    for words in want["not_law"]:
        assert words not in law, words
    for words in want.get("not_text", ()):  # not even in the notes
        assert words not in x.text, words
    links = {x.text[k.start:k.end]: k.target for k in x.links}
    assert links.items() >= want.get("links", {}).items()


@pytest.mark.parametrize(("name", "words", "expected"), [
    ("tx-statutes-hs-481-chapter", "had requested emergency medical assistance",
     "Tex. Health & Safety Code Ann. § 481.1215(c)(2)"),
    ("or-ors-475-chapter", "in order to deliver it to a drug-checking service",
     "Or. Rev. Stat. § 475.964(1)(b)"),
    ("il-ilga-720-570-416-2", "destroy each sample within 30 days", "720 ILCS 570/416.2(b)(2)"),
    ("ma-malegislature-94c-34b", "shall not be required to disclose",
     "Mass. Gen. Laws ch. 94C, § 34B(b)"),
    ("ca-leginfo-hsc-11358-9", "an amount no greater than is visible",
     "Cal. Health & Safety Code § 11358.9(b)(2)"),
    ("fl-leg-893-1475", "Former s. 893.147(5)", "Fla. Stat. § 893.1475 note"),
])
def test_a_quote_is_cited_by_its_section_and_subsection(name: str, words: str,
                                                        expected: str) -> None:
    x, _ = read(name)
    c = Citation(x.meta.title, kind="statute", section=doc(x).pinpoint(x.text.index(words)),
                 legal_citation=x.meta.citation, date=x.meta.date)
    assert code_citation(c) == expected


@pytest.mark.parametrize("page", [
    # a news article quoting a section number in its headings, about a legislature
    """<html><head><title>What Section 893.13 means for test strips | Gulf Coast Ledger</title>
    <meta property="og:type" content="article"><meta property="og:site_name" content="Gulf Coast
    Ledger"><meta property="article:published_time" content="2025-03-02"></head><body><article>
    <h1>Section 893.13. What the Florida Legislature changed</h1><h2>893.13 Prohibited acts</h2>
    <p>(1) Lawmakers amended the Florida Statutes this spring.</p></article></body></html>""",
    # a law firm's page about a statute, titled with the code's name
    """<html><head><title>Ohio Revised Code 2925.11 | Possession Defense | Ortega Law</title>
    <meta property="og:type" content="article"></head><body><h1>Section 2925.11 | Possession of
    controlled substances.</h1><p>(A) Our lawyers explain what the statute says.</p>
    <p>Call us today.</p></body></html>""",
    # a legislature's bill text: "SECTION 1." is a bill's section, not a code section
    """<!-- saved from url=(0052)https://capitol.texas.gov/tlodocs/88R/billtext/SB912 -->
    <html><head><title>88(R) SB 912 - Enrolled version</title></head><body>
    <p>AN ACT relating to drug-checking equipment.</p><p>SECTION 1. Section 481.125, Health and
    Safety Code, is amended.</p><p>SECTION 2. This Act takes effect September 1, 2023.</p>
    </body></html>""",
    # a legislature's table of contents: section numbers and captions, no text
    """<html><head><title>Oregon State Legislature</title></head><body><h1>ORS Chapter 475</h1>
    <p>475.963 Definitions</p><p>475.964 Drug-checking services</p></body></html>""",
])
def test_pages_about_statutes_are_not_statutes(page: str) -> None:
    assert statute_page(page, "page.html") is None


@pytest.mark.parametrize("junk", [
    "<!-- saved from url=(0030)https://ilga.gov/x --><p>(720 ILCS 570/1)</p>",
    "<html><head><title>Online Sunshine</title></head><body><span class='SectionNumber'>"
    "893.13</span></body></html>",
    "<title>General Court</title><h2>Section 34:</h2>" + "<p>(a)</p>" * 50,
    "<title>Legislature</title>" + "<p>Sec. 1.1. X. (a) y; (b) z</p>" * 200,
    "<title>Legislature</title><h1>§ 1.2</h1><table><tr><td><br><br></td></tr></table>",
])
def test_odd_legislature_pages_never_fail(junk: str) -> None:
    statute_page(junk, "junk.html")  # a statute or None, never an exception


ILCS_ACT = """<html><head><title>720 ILCS 570/ Illinois Controlled Substances Act.</title></head>
<body><div id="banner">Illinois General Assembly</div><p>(720 ILCS 570/) Illinois Controlled
Substances Act.</p><code>(720 ILCS 570/401)<br>Sec. 401. Manufacture or delivery.<br>(a) A
person may not deliver a substance.<br>(Source: P.A. 100-3, eff. 1-1-18.)<br>(720 ILCS
570/402)<br>Sec. 402. Possession.<br>(a) A person may not possess a substance.<br>(b) A test
strip is not a substance.<br>(Source: P.A. 101-5, eff. 6-1-19.)<br></code></body></html>"""


def test_an_ilcs_act_page_is_the_act_and_a_quote_its_section() -> None:
    x = statute_page(ILCS_ACT, "act.html")
    assert x is not None
    assert (x.meta.citation, x.meta.title, x.meta.date) == (
        "720 ILCS 570", "720 ILCS 570. Illinois Controlled Substances Act", "2019-06-01")
    assert [s.title for s in x.sections if s.level == 1] == [
        "720 ILCS 570/401. Manufacture or delivery", "720 ILCS 570/402. Possession"]
    pin = doc(x).pinpoint(x.text.index("A test strip"))
    c = Citation(x.meta.title, kind="statute", section=pin, legal_citation=x.meta.citation)
    assert (pin, code_citation(c)) == ("§ 402(b)", "720 ILCS 570/402(b)")


@pytest.mark.parametrize(("state", "url", "texts", "expected"), [
    ("CA", "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=BPC"
     "&sectionNum=4140", [], "Bus. & Prof. Code"),
    ("NY", "https://www.nysenate.gov/legislation/laws/PBH/3309", [], "Pub. Health Law"),
    ("TX", "https://statutes.capitol.texas.gov/Docs/PE/htm/PE.22.htm", [], "Penal Code"),
    ("TX", "", ["HEALTH AND SAFETY CODE CHAPTER 481. ACT"], "Health & Safety Code"),
    ("NY", "", ["NY Penal Law Section 220.06 | NY State Senate"], "Penal Law"),
    ("CA", "", ["Law section", "Health and Safety Code - HSC"], "Health & Safety Code"),
    ("FL", "", ["The 2025 Florida Statutes"], ""),
])
def test_the_code_a_page_names(state: str, url: str, texts: list[str], expected: str) -> None:
    assert code_name(state, url, texts) == expected
