"""A section number as written finds that section first, ahead of the sections that cite
it, and its hit opens at the section's (or subsection's) number (issue 13, part 3)."""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

import pytest

from reader.model.documents import DocMeta, DocStatus, DocText, Document, Section
from reader.ops.library import refresh
from reader.search.analysis import best_cite_term, cite_terms
from reader.search.query_parse import Cite, parse_query
from reader.search.sections import (
    SectionTokenizer,
    code_prefix,
    own_sections,
    section_terms,
    section_value,
)
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
DC = REPO / "corpus" / "statutes" / "dc-code-48-chapter-9e"
USC = REPO / "corpus" / "statutes" / "usc-title-21-chapter-13a-excerpt.xml"

# fictional D.C.-style sections: 22-3212 cites 22-3211 four times, 22-3211 only names itself
SECTION = """<?xml version='1.0' encoding='utf-8'?>
<section xmlns="https://code.dccouncil.us/schemas/dc-library">
  <num>{num}</num>
  <heading>{heading}</heading>
  <para><num>(a)</num><text>{a}</text></para>
  <para><num>(b)</num><text>{b}</text>
    <para><num>(1)</num><text>The court may waive the fee.</text></para>
  </para>
  <annotations>
    <annotation doc="D.C. Law 25-9" type="History" eff="2023-04-01">Apr. 1, 2023,
    D.C. Law 25-9, § 2, 70 DCR 100</annotation>
  </annotations>
</section>
"""
SECTIONS = {
    "22-3211": ("Sealing of possession records.",
                "A record of an arrest for possession shall be sealed after one year.",
                "A petition to seal is decided within 30 days."),
    "22-3212": ("Relief under § 22-3211.",
                "Relief under § 22-3211 and § 22-3211(b) is in addition to § 22-3211(a).",
                "Nothing in § 22-3211 limits expungement."),
}


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory, session_extract_cache: Path) -> Workspace:
    root = tmp_path_factory.mktemp("sections") / "ws"
    (root / "dc").mkdir(parents=True)
    for name in ("48-961.03.xml", "48-961.05.xml", "48-961.06.xml", "48-961.10.xml",
                 "index.xml"):
        shutil.copy(DC / name, root / "dc" / name)
    shutil.copy(USC, root / USC.name)
    (root / "title-22").mkdir()
    for num, (heading, a, b) in SECTIONS.items():
        (root / "title-22" / f"{num}.xml").write_text(
            SECTION.format(num=num, heading=heading, a=a, b=b), "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICY_READER_HOME", str(tmp_path_factory.mktemp("home")))
        mp.setenv("POLICY_READER_EXTRACT_CACHE", str(session_extract_cache))
        workspace = Workspace.open(root)
        refresh(workspace)
        return workspace


def _first(ws: Workspace, query: str) -> tuple[str, str]:
    """(path of the first result, the words its first hit opens at)."""
    results = ws.search().search(query, limit=5)
    assert results.groups, f"nothing found for {query!r}"
    group = results.groups[0]
    snippet = group.hits[0].snippets[0]
    start, end = snippet.matches[0]
    text = ws.library().text(group.doc_id).text
    return group.path, text[start:end]


@pytest.mark.parametrize(("query", "path", "opens_at"), [
    ("22-3211", "title-22/22-3211.xml", "§ 22-3211"),
    ("§ 22-3211", "title-22/22-3211.xml", "§ 22-3211"),
    ("§ 22-3211(b)", "title-22/22-3211.xml", "(b)"),
    ("§ 22-3211(b)(1)", "title-22/22-3211.xml", "(1)"),
    ("cite:22-3211", "title-22/22-3211.xml", "§ 22-3211"),
    ("48-961.05", "dc/48-961.05.xml", "§ 48-961.05"),
    ("D.C. Code § 48-961.03(b)", "dc/48-961.03.xml", "(b)"),
    ("21 U.S.C. 977", USC.name, "§ 977"),
    ("21 U.S.C. § 977(a)", USC.name, "(a)"),
    ("§ 978(a)(2)(B)", USC.name, "(B)"),
])
def test_a_section_number_finds_that_section_first(ws: Workspace, query: str, path: str,
                                                   opens_at: str) -> None:
    assert _first(ws, query) == (path, opens_at)


@pytest.mark.parametrize("query", ["48-961.05", "§ 22-3211(b)", "21 U.S.C. § 977(a)",
                                   "22-3211 sealed"])
def test_a_number_is_marked_once(ws: Workspace, query: str) -> None:
    """The section's own number is also a citation and words: one mark, never two over
    the same characters (a snippet read '[[§ 48-961.05]][[§ 48-961.05]]. Good Samaritan')."""
    for group in ws.search().search(query).groups:
        for hit in group.hits:
            for snippet in hit.snippets:
                for marks in (snippet.marks, snippet.matches):
                    assert all(e > s for s, e in marks), marks
                    assert all(a[1] <= b[0] for a, b in pairwise(marks)), (
                        group.path, snippet.text, marks)


def test_the_citing_sections_still_come_after(ws: Workspace) -> None:
    paths = [g.path for g in ws.search().search("22-3211").groups]
    assert paths[:2] == ["title-22/22-3211.xml", "title-22/22-3212.xml"]
    cited = [g.path for g in ws.search().search("48-961.05").groups]
    assert cited[0] == "dc/48-961.05.xml" and "dc/48-961.06.xml" in cited[1:]


def test_words_still_rank_by_text(ws: Workspace) -> None:
    """A plain word query is not affected by the section field."""
    assert _first(ws, "expungement")[0] == "title-22/22-3212.xml"


# -- the pure parts ---------------------------------------------------------------------------
def test_a_code_citation_without_a_section_mark_is_a_citation() -> None:
    assert {t.term for t in cite_terms("21 U.S.C. 844")} == {"844", "21usc:844"}
    best = best_cite_term("21 U.S.C. 844")
    assert best is not None and best.term == "21usc:844"
    tree = parse_query("21 U.S.C. 844").tree
    assert isinstance(tree, Cite) and tree.term == "21usc:844"
    # a plain number is still a word
    assert cite_terms("12 clinics and 405 workers") == []


def test_code_prefix() -> None:
    assert code_prefix("D.C. Code § 48-961.05") == "D.C. Code"
    assert code_prefix("21 U.S.C.") == "21 U.S.C."
    assert code_prefix("RCW 69.53A.040", "§ 69.53A.040") == "RCW"


def _statute(text: str, sections: tuple[Section, ...], citation: str = "21 U.S.C."
             ) -> tuple[Document, DocText]:
    doc = Document("d" * 64, "t.xml", "xml", 1, 0, DocStatus.OK,
                   meta=DocMeta(title="T", kind="statute", citation=citation))
    return doc, DocText(doc.id, text, (), sections)


def test_own_sections_follow_the_structure_and_skip_notes() -> None:
    text = "§ 977. Penalties\n(a) In general\n(1) one\nNotes\n(b) not law\n§ 978. Next"
    n = text.index
    sections = (
        Section("Chapter 13A", 1, 0, len(text), "Chapter 13A"),
        Section("§ 977. Penalties", 2, 0, n("§ 978"), "§ 977"),
        Section("(a) In general", 3, n("(a)"), n("Notes"), "(a)"),
        Section("(1) one", 4, n("(1)"), n("Notes"), "(1)"),
        Section("Notes", 3, n("Notes"), n("§ 978"), "", "note"),
        Section("(b) not law", 4, n("(b)"), n("§ 978"), "(b)", "note"),
        Section("§ 978. Next", 2, n("§ 978"), len(text), "§ 978"),
    )
    doc, dt = _statute(text, sections)
    own = own_sections(doc, dt)
    assert [o.citation for o in own] == ["21 U.S.C. § 977", "21 U.S.C. § 977(a)",
                                         "21 U.S.C. § 977(a)(1)", "21 U.S.C. § 978"]
    assert [text[o.start:o.end] for o in own] == ["§ 977", "(a)", "(1)", "§ 978"]
    assert section_terms(own[2].citation) == ["977(a)(1)", "21usc:977(a)(1)"]
    # not a statute: nothing of its own
    other = Document(doc.id, "m.pdf", "pdf", 1, 0, DocStatus.OK, meta=DocMeta(kind="memo"))
    assert own_sections(other, dt) == []


def test_a_statute_without_structure_gives_its_own_citation() -> None:
    doc, dt = _statute("An act.", (), citation="35 P.S. §§ 17.1–17.9")
    own = own_sections(doc, dt)
    assert len(own) == 1 and own[0].whole
    terms = section_terms(own[0].citation, whole=True)
    assert {"17.1", "17.9", "35ps:17.1"} <= set(terms)


@pytest.mark.parametrize("garbage", [
    "", "\n\n", "not a line", "12 x = § 4", "-1 5 = § 4", "1 2 ? § 4", "1 2 = ",
    "9" * 400 + " 1 = § 4", "1 2 = \x00\ufffd§§§((((", "1 2 * 35 P.S. §§",
])
def test_the_section_tokenizer_never_fails_on_garbage(garbage: str) -> None:
    list(SectionTokenizer()(garbage, positions=True, chars=True))


def test_the_section_value_round_trips_through_the_tokenizer() -> None:
    doc, dt = _statute("§ 977. P\n(a) x", (
        Section("§ 977. P", 1, 0, 14, "§ 977"), Section("(a) x", 2, 9, 14, "(a)")))
    value = section_value(own_sections(doc, dt))
    got = [(t.text, t.startchar, t.endchar)
           for t in SectionTokenizer()(value, positions=True, chars=True)]
    assert got == [("977", 0, 5), ("21usc:977", 0, 5), ("977(a)", 9, 12),
                   ("21usc:977(a)", 9, 12)]
