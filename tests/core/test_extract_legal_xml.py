"""Legislative XML read as statutes: the corpus samples in each vocabulary (D.C. Code,
USLM, Akoma Ntoso) give their hierarchy with each level's designation, subsection
pinpoints, history and notes apart from the law, cross-references with their targets, and
the metadata of their jurisdiction."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import UnsupportedFormat
from reader.extract.base import Extracted
from reader.extract.legal.safe_xml import parse_bytes
from reader.extract.legal.sniff import vocabulary
from reader.extract.registry import extract_file, format_for, is_candidate
from reader.model.documents import DocText

REPO = Path(__file__).resolve().parents[2]
STATUTES = REPO / "corpus" / "statutes"
DC = STATUTES / "dc-code-48-chapter-9e"
USLM = STATUTES / "usc-title-21-chapter-13a-excerpt.xml"
AKN = STATUTES / "vt-act-47-drug-checking-and-overdose-prevention-2025.xml"


def doc_text(x: Extracted) -> DocText:
    return DocText("x", x.text, x.pages, x.sections, x.links)


def pin(x: Extracted, words: str) -> str:
    return doc_text(x).pinpoint(x.text.index(words))


def outline(x: Extracted) -> list[tuple[int, str]]:
    """(level, number) of every numbered, non-note section in text order."""
    return [(s.level, s.number) for s in x.sections if s.number and not s.is_note]


def test_xml_is_a_registered_isolated_format() -> None:
    info = format_for(Path("48-961.05.xml"))
    assert info is not None and info.isolated and info.name == "xml"
    assert is_candidate(Path("ANY.XML"))


# --- D.C. Code -----------------------------------------------------------------------------

def test_dc_section_hierarchy_and_numbers() -> None:
    x = extract_file(DC / "48-961.05.xml")
    assert x.text.startswith("§ 48-961.05. Good Samaritan immunity for persons seeking help "
                             "for an overdose.\n\n(a) A person who in good faith")
    assert outline(x) == [(1, "§ 48-961.05"),
                          (2, "(a)"), (3, "(1)"), (3, "(2)"), (3, "(3)"),
                          (2, "(b)"), (3, "(1)"), (3, "(2)"),
                          (2, "(c)"), (3, "(1)"), (3, "(2)"), (3, "(3)")]
    top = x.sections[0]
    assert (top.start, top.end) == (0, len(x.text))  # the section holds its notes too
    assert pin(x, "until help arrives") == "§ 48-961.05(b)(2)"
    assert pin(x, "Limit the admissibility of evidence") == "§ 48-961.05(c)(1)"
    assert pin(x, "Good Samaritan immunity for persons") == "§ 48-961.05"


def test_dc_section_metadata() -> None:
    x = extract_file(DC / "48-961.04.xml")
    m = x.meta
    assert (m.kind, m.jurisdiction, m.author) == ("statute", "DC",
                                                  "Council of the District of Columbia")
    assert m.title == ("§ 48-961.04. Drug-checking equipment and safer-use supplies not "
                       "paraphernalia")
    assert m.citation == "D.C. Code § 48-961.04"
    assert m.date == "2025-10-01"  # amended by D.C. Law 26-041 (enacted 2024-03-22)
    assert extract_file(DC / "48-961.05.xml").meta.date == "2024-03-22"


def test_dc_paragraph_heading_and_every_section_file() -> None:
    x = extract_file(DC / "48-961.03.xml")
    assert "\n\n(b) Civil citation. A citation issued under this section:\n\n" in x.text
    assert pin(x, "including employment, housing") == "§ 48-961.03(b)(3)"
    for path in sorted(DC.glob("48-961.*.xml")):
        got = extract_file(path)
        number = path.stem
        assert got.sections[0].number == f"§ {number}", path.name
        assert got.meta.citation == f"D.C. Code § {number}"


def test_dc_history_and_notes_are_notes_never_cited_as_law() -> None:
    x = extract_file(DC / "48-961.03.xml")
    d = doc_text(x)
    history = x.text.index("(Mar. 22, 2024, D.C. Law 25-214, § 3, 71 DCR 3310)")
    editors = x.text.index("the amounts in subsection (d) are invented")
    law_end = x.text.index("diethylamide or psilocybin.") + len("diethylamide or psilocybin.")
    notes = [s for s in x.sections if s.is_note]
    assert notes and min(s.start for s in notes) > law_end
    for offset in (history, editors):
        assert d.note_at(offset) is not None
        assert d.pinpoint(offset) == "§ 48-961.03 note"
        assert all(not s.number.startswith("(") for s in d.sections_at(offset))
    assert d.note_at(law_end - 1) is None
    assert d.pinpoint(law_end - 1) == "§ 48-961.03(d)(3)"
    # the history block reads like the printed Code, with a heading before it
    assert "\n\nHistory\n\n(Mar. 22, 2024, D.C. Law 25-214" in x.text


def test_dc_cross_references_are_links_with_targets() -> None:
    x = extract_file(DC / "48-961.05.xml")
    links = {(x.text[k.start:k.end], k.target, k.href) for k in x.links}
    assert ("§ 48-904.01(d)", "D.C. Code § 48-904.01(d)", "§48-904.01|(d)") in links
    assert ("§ 48-961.03", "D.C. Code § 48-961.03", "§48-961.03") in links
    assert ("§ 7-403", "D.C. Code § 7-403", "§7-403") in links
    d = doc_text(x)
    first = next(k for k in x.links if k.target == "D.C. Code § 48-904.01(d)")
    assert d.pinpoint(first.start) == "§ 48-961.05(a)(1)"
    laws = [k for k in extract_file(DC / "48-961.01.xml").links if k.target == "D.C. Law 26-041"]
    assert laws and laws[0].href == "D.C. Law 26-041"


def test_dc_chapter_index_is_a_container_whose_includes_are_never_followed() -> None:
    x = extract_file(DC / "index.xml")
    assert outline(x) == [(1, "Title 48"), (2, "Chapter 9E")]
    assert x.text.startswith("Title 48. Foods and Drugs.\n\nSubtitle III. Illegal Drugs.\n\n"
                             "Chapter 9E. Harm Reduction and Overdose Prevention Services.")
    assert "Good Samaritan" not in x.text  # 48-961.05.xml sits beside it: not read
    targets = [k.target for k in x.links]
    assert targets == [f"D.C. Code § 48-961.{i:02d}" for i in range(1, 13)]
    assert x.links[0].href == "./48-961.01.xml"
    assert any("12 section(s) are in other files" in w for w in x.warnings)
    assert (x.meta.title, x.meta.citation, x.meta.date) == ("Title 48. Foods and Drugs",
                                                            "D.C. Code", "2024-03-22")


def test_dc_paragraph_without_text_prints_with_its_first_subparagraph(tmp_path: Path) -> None:
    path = tmp_path / "1-1001.05.xml"
    path.write_text(
        '<section><num>1-1001.05</num><heading>Board meetings.</heading>'
        '<para><num>(a-1)</num><para><num>(1)</num><text>The Board shall meet monthly.</text>'
        '</para><para><num>(2)</num><text>Agendas are public.</text></para></para>'
        '<para><num>(b)</num><text>Minutes are kept.</text></para></section>', "utf-8")
    x = extract_file(path)  # the older, namespace-free form of the vocabulary
    assert "\n\n(a-1)(1) The Board shall meet monthly.\n\n(2) Agendas are public." in x.text
    assert pin(x, "The Board shall meet") == "§ 1-1001.05(a-1)(1)"
    assert pin(x, "Agendas are public") == "§ 1-1001.05(a-1)(2)"
    assert pin(x, "Minutes are kept") == "§ 1-1001.05(b)"


# --- USLM ------------------------------------------------------------------------------------

def test_uslm_title_hierarchy_and_numbers() -> None:
    x = extract_file(USLM)
    numbers = outline(x)
    assert numbers[:4] == [(1, "Title 21"), (2, "Chapter 13A"), (3, "Subchapter I"),
                           (4, "§ 975")]
    assert [n for lvl, n in numbers if lvl == 4] == ["§ 975", "§ 976", "§ 977", "§ 978",
                                                     "§ 979"]
    assert (3, "Subchapter II") in numbers
    assert pin(x, "does not exceed the threshold quantity") == "§ 978(a)(2)(B)"
    assert pin(x, "a federally qualified health center") == "§ 975(2)(C)"
    assert pin(x, "Priority") == "§ 976(c)"
    # the table of contents is not text; every section's heading is
    assert x.text.count("Limitation on penalties for possession of drug-checking equipment") == 1
    assert "\n\n§ 977. Limitation on penalties" in x.text


def test_uslm_source_credits_and_notes_are_notes() -> None:
    x = extract_file(USLM)
    d = doc_text(x)
    credit = x.text.index("(Pub. L. 119–88, title I, § 103")
    amendment = x.text.index("substituted “drug checking”")
    assert d.pinpoint(credit) == "§ 977 note" and d.pinpoint(amendment) == "§ 977 note"
    assert d.note_at(credit) is not None
    operative = x.text.index("limit the authority of a State")
    assert d.note_at(operative) is None and d.pinpoint(operative) == "§ 977(b)(2)"


def test_uslm_references_and_metadata() -> None:
    x = extract_file(USLM)
    links = {x.text[k.start:k.end]: k.target for k in x.links}
    assert links["section 844 of this title"] == "21 U.S.C. § 844"
    assert links["section 841(b)(1) of this title"] == "21 U.S.C. § 841(b)(1)"
    assert links["section 802(6) of this title"] == "21 U.S.C. § 802(6)"
    assert links["139 Stat. 1980"] == "139 Stat. 1980"
    assert links["Pub. L. 119–88, title II, § 201"] == "Pub. L. 119-88, title II, § 201"
    m = x.meta
    assert (m.kind, m.jurisdiction, m.citation, m.date) == ("statute", "US", "21 U.S.C.",
                                                            "2025-09-12")
    assert m.title == "Title 21—Food and Drugs, Chapter 13A—Community Overdose Prevention"


@pytest.mark.parametrize(("root", "citation"), [
    ('<pLaw xmlns="http://schemas.gpo.gov/xml/uslm"><meta><dc:title xmlns:dc="http://purl.org/'
     'dc/elements/1.1/">An Act to prevent overdoses</dc:title><citableAs>Public Law 119–88'
     '</citableAs></meta><main><section><num value="1">Sec. 1.</num><heading>Short title'
     '</heading><content>This Act may be cited as the Sample Act.</content></section></main>'
     '</pLaw>', "Pub. L. 119-88"),
    ('<bill xmlns="http://schemas.gpo.gov/xml/uslm"><meta><dc:type xmlns:dc="http://purl.org/'
     'dc/elements/1.1/">House Bill</dc:type><docNumber>1234</docNumber><congress>119'
     '</congress></meta><main><section><num value="2">Sec. 2.</num><heading>Drug checking'
     '</heading><subsection><num value="a">(a)</num><content>Test strips are lawful.'
     '</content></subsection></section></main></bill>', "H.R. 1234, 119th Cong."),
])
def test_uslm_public_laws_and_bills(tmp_path: Path, root: str, citation: str) -> None:
    path = tmp_path / "law.xml"
    path.write_text(root, "utf-8")
    x = extract_file(path)
    assert x.meta.citation == citation and x.meta.kind == "statute"
    assert x.meta.jurisdiction == "US"
    assert outline(x)[0][1] in ("§ 1", "§ 2")
    if "(a)" in x.text:
        assert pin(x, "Test strips are lawful") == "§ 2(a)"


# --- Akoma Ntoso ---------------------------------------------------------------------------

def test_akoma_ntoso_act_hierarchy_and_pinpoints() -> None:
    x = extract_file(AKN)
    assert [n for lvl, n in outline(x) if lvl == 1] == ["§ 1", "§ 2", "§ 3", "§ 4", "§ 5"]
    assert pin(x, "without asking for the person’s name") == "§ 3(b)(1)"
    assert pin(x, "including by mail and at mobile sites") == "§ 3(a)"
    assert pin(x, "This act shall take effect") == "§ 5"
    assert "\n\n(1) Most overdose deaths in Vermont" in x.text  # the number runs into the text


def test_akoma_ntoso_footnotes_links_and_metadata() -> None:
    x = extract_file(AKN)
    d = doc_text(x)
    note = x.text.index("[1] The pilot figures are invented")
    assert d.pinpoint(note) == "§ 1(2) note"
    # the footnote is not inside the sentence it annotates
    assert "would use less or not alone.\n\n[1] The pilot" in x.text
    links = {x.text[k.start:k.end]: k.target for k in x.links}
    assert links["Sec. 3"] == "§ 3"
    assert links["Sec. 3(c)"] == "§ 3(c)"
    assert links["Sec. 4 of Act No. 13 of 2021"] == "Act No. 13 of 2021, § 4"
    m = x.meta
    assert (m.kind, m.jurisdiction, m.author, m.date, m.citation) == (
        "statute", "VT", "Vermont General Assembly", "2025-05-30", "Act No. 47")
    assert m.title == "Drug-Checking Services and Overdose Prevention Act"


# --- vocabularies --------------------------------------------------------------------------

@pytest.mark.parametrize(("xml", "expected"), [
    (b'<section xmlns="https://code.dccouncil.us/schemas/dc-library"/>', "dc"),
    (b"<container><num>1</num></container>", "dc"),
    (b'<uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0"/>', "uslm"),
    (b'<bill xmlns="http://schemas.gpo.gov/xml/uslm"/>', "uslm"),
    (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>', "akn"),
    (b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>', "xhtml"),
])
def test_vocabulary_is_known_from_the_root(xml: bytes, expected: str) -> None:
    root, _ = parse_bytes(xml, "x.xml")
    assert vocabulary(root, "x.xml") == expected


@pytest.mark.parametrize(("xml", "shown"), [
    (b'<rss version="2.0"><channel/></rss>', "‹rss›"),
    (b"<section><title>not the D.C. Code</title></section>", "‹section›"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom"/>', "‹feed› (http://www.w3.org/2005/Atom)"),
])
def test_unknown_vocabulary_is_reported_with_its_root(tmp_path: Path, xml: bytes,
                                                      shown: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(xml)
    with pytest.raises(UnsupportedFormat) as info:
        extract_file(path)
    assert str(info.value) == f"feed.xml: XML vocabulary {shown} not known."
