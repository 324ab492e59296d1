"""A legislature's section page saved from the browser is read as a statute section
(number, heading, printed or marked-up subsections, history and notes apart, jurisdiction
from the legislature); news pages and other legislature pages stay web pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.extract.base import Extracted
from reader.extract.legal.statute_html import statute_page
from reader.extract.registry import extract_file
from reader.model.documents import DocText

REPO = Path(__file__).resolve().parents[2]
WA = REPO / "corpus" / "statutes" / "wa-rcw-69-53a-040-drug-checking-immunity.html"


def pin(x: Extracted, words: str) -> str:
    return DocText("x", x.text, x.pages, x.sections, x.links).pinpoint(x.text.index(words))


def test_the_corpus_legislature_page_is_a_statute_section() -> None:
    x = extract_file(WA)
    m = x.meta
    assert (m.kind, m.jurisdiction, m.citation) == ("statute", "WA", "RCW 69.53A.040")
    assert m.title == "RCW 69.53A.040. Drug-checking services—Immunity—Confidentiality"
    assert m.author == "Washington State Legislature" and m.date == "2024-07-01"
    assert m.source_url == "https://app.leg.wa.example/RCW/default.aspx?cite=69.53A.040"
    assert x.text.startswith("RCW 69.53A.040. Drug-checking services—Immunity—"
                             "Confidentiality.\n\n")
    numbered = [(s.level, s.number) for s in x.sections if s.number]
    assert numbered == [(1, "§ 69.53A.040"), (2, "(1)"), (2, "(2)"), (3, "(a)"), (3, "(b)"),
                        (3, "(c)"), (4, "(i)"), (4, "(ii)"), (2, "(3)"), (2, "(4)")]
    assert pin(x, "no larger than needed for analysis") == "§ 69.53A.040(2)(c)(ii)"
    assert pin(x, "not admissible as evidence") == "§ 69.53A.040(3)"


def test_history_and_notes_are_notes_and_the_page_furniture_is_gone() -> None:
    x = extract_file(WA)
    d = DocText("x", x.text, x.pages, x.sections, x.links)
    for words in ("[ 2024 c 211 § 4. ]", "This act takes effect July 1, 2024."):
        assert d.pinpoint(x.text.index(words)) == "§ 69.53A.040 note"
    assert d.note_at(x.text.index("drug-related overdose")) is None
    for furniture in ("Find Your Legislator", "Search the RCW", "69.53A.050 Reports",
                      "Skip to main content", "Privacy", "toggleNotes", "PDF | Print"):
        assert furniture not in x.text, furniture
    links = {x.text[k.start:k.end]: k.target for k in x.links}
    assert links == {"69.50.4013": "RCW 69.50.4013", "69.50.315": "RCW 69.50.315",
                     "69.53A.010": "RCW 69.53A.010"}


MN_PAGE = """<html><head><title>Sec. 152.0291 MN Statutes</title>
<meta property="og:site_name" content="Minnesota Legislature - Office of the Revisor of Statutes">
</head><body><header><nav><a href="/">Home</a> <a href="/statutes">Statutes</a></nav></header>
<main><h1>2025 Minnesota Statutes</h1>
<h2>152.0291 DRUG-CHECKING SERVICES; IMMUNITY.</h2>
<p><span class="num">Subdivision 1.</span> Definitions.</p>
<p>(a) For the purposes of this section, the terms in this subdivision have the meanings given.</p>
<p>(b) "Drug-checking service" means a program approved by the commissioner.</p>
<p>(c) A person may possess fentanyl test strips.</p>
<p class="history">History: 2025 c 14 s 3</p>
</main><footer>Office of the Revisor of Statutes, Saint Paul</footer></body></html>"""

MD_PAGE = """<html><head><title>Statutes Text</title>
<meta property="og:site_name" content="Maryland General Assembly"></head><body>
<div id="breadcrumbs">Laws &gt; Statute Text</div>
<div id="main"><h2>Article - Criminal Law</h2>
<h3>§5–619.</h3>
<p>(a) In this section, "drug paraphernalia" does not include testing equipment.</p>
<p>(b) (1) A person may not use drug paraphernalia to inject a controlled dangerous substance.</p>
<p>(2) This subsection does not apply to a syringe services program.</p>
</div></body></html>"""


def test_a_bare_section_number_heading_and_a_state_named_by_its_legislature() -> None:
    x = statute_page(MN_PAGE, "mn.html")
    assert x is not None
    assert (x.meta.jurisdiction, x.meta.citation) == ("MN", "§ 152.0291")
    assert x.meta.title == "§ 152.0291. DRUG-CHECKING SERVICES; IMMUNITY"
    assert pin(x, "A person may possess fentanyl") == "§ 152.0291(c)"
    assert DocText("x", x.text, x.pages, x.sections).pinpoint(
        x.text.index("2025 c 14 s 3")) == "§ 152.0291 note"
    assert x.meta.date == "2025"


def test_a_section_sign_heading_with_nested_markers_on_one_line() -> None:
    x = statute_page(MD_PAGE, "md.html")
    assert x is not None
    assert (x.meta.jurisdiction, x.meta.citation) == ("MD", "§ 5–619")
    assert pin(x, "This subsection does not apply") == "§ 5–619(b)(2)"
    assert pin(x, "A person may not use drug paraphernalia") == "§ 5–619(b)(1)"
    assert "Article - Criminal Law" not in x.text.split("\n\n")[0]


@pytest.mark.parametrize("page", [
    # a news story about the legislature, with a year range in a heading
    """<html><head><title>Legislature passes drug checking bill - The Ledger</title>
    <meta property="og:site_name" content="The Ledger"></head><body><article>
    <h1>Washington Legislature passes drug checking bill</h1><h2>2023-24 session recap</h2>
    <p>The bill amends RCW 69.50.4013 and now goes to the governor.</p></article></body></html>""",
    # a legislature page that is not a section: a bill search
    """<html><head><title>Bill Information - Washington State Legislature</title></head>
    <body><h1>Bill Information</h1><h2>Search by bill number</h2><p>Enter a number.</p>
    </body></html>""",
    # a section-looking heading on a page that is not a legislature's
    """<html><head><title>My notes</title></head><body><h1>§ 5-619. Paraphernalia</h1>
    <p>(a) My summary of the law.</p></body></html>""",
])
def test_other_pages_are_not_statute_sections(page: str) -> None:
    assert statute_page(page, "page.html") is None


@pytest.mark.parametrize("junk", ["", "<html", "\x00\x01\x02", "<h1>RCW 1.2</h1>" * 3,
                                  "<html><head><title>Legislature</title></head></html>"])
def test_junk_is_never_an_error(junk: str) -> None:
    assert statute_page(junk, "junk.html") is None
