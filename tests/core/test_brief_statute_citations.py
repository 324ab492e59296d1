"""A quote from a code section is cited as the code cites it — "D.C. Code § 48-961.03(b)(3)",
"21 U.S.C. § 977(a)" — in every brief format; a quote from the history or notes is cited
"… note" and never carries the law's subsection or the note's heading (issue 13, part 3)."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest

from reader.export import csv as csv_writer
from reader.export import docx as docx_writer
from reader.export import html as html_writer
from reader.export import markdown as md_writer
from reader.export import pdf as pdf_writer
from reader.export.citation import plain, runs
from reader.export.model import Brief, Citation
from tests.core.brief_readback import docx_xml, norm, pdf_text
from tests.core.quoted_brief import quoted_brief

REPO = Path(__file__).resolve().parents[2]
STATUTES = REPO / "corpus" / "statutes"
PAGES = REPO / "tests" / "fixtures" / "statute_pages"  # fictional legislature pages
FILES = ("dc-code-48-chapter-9e/48-961.03.xml", "usc-title-21-chapter-13a-excerpt.xml",
         "wa-rcw-69-53a-040-drug-checking-immunity.html",
         "vt-act-47-drug-checking-and-overdose-prevention-2025.xml",
         str(PAGES / "or-ors-475-chapter.html"), str(PAGES / "il-ilga-720-570-416-2.html"))
QUOTES = {  # file → (words quoted, the citation expected)
    "law": (FILES[0], "Shall not be a criminal conviction for any purpose",
            "D.C. Code § 48-961.03(b)(3) (2024)"),
    "history": (FILES[0], "Mar. 22, 2024, D.C. Law 25-214, § 3, 71 DCR 3310",
                "D.C. Code § 48-961.03 note (2024)"),
    "editors": (FILES[0], "the amounts in subsection (d) are invented",
                "D.C. Code § 48-961.03 note (2024)"),
    "usc": (FILES[1], "a State, local, or tribal health department",
            "21 U.S.C. § 975(2)(A) (2025)"),
    "usc-note": (FILES[1], "June 30, 2025, 139 Stat. 1422", "21 U.S.C. § 975 note (2025)"),
    "rcw": (FILES[2], "A peer worker who helps a person collect a sample",
            "RCW 69.53A.040(2)(c) (2024)"),
    # a chapter page: the quote's section and subsection in the code's form
    "ors": (FILES[4], "in order to deliver it to a drug-checking service",
            "Or. Rev. Stat. § 475.964(1)(b) (2025)"),
    "ors-note": (FILES[4], "[2023 c.402 §2; 2025 c.77 §5]", "Or. Rev. Stat. § 475.964 note (2025)"),
    "ilcs": (FILES[5], "destroy each sample within 30 days", "720 ILCS 570/416.2(b)(2) (2024)"),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, session_extract_cache: Path
         ) -> tuple[Brief, dict[str, str]]:
    return quoted_brief(tmp_path_factory, session_extract_cache, "Statutes",
                        [STATUTES / name for name in FILES],
                        {key: (name, words) for key, (name, words, _cite) in QUOTES.items()},
                        [("act", FILES[3], "A person shall not be cited", 27)])


@pytest.fixture(scope="module")
def brief(made: tuple[Brief, dict[str, str]]) -> Brief:
    return made[0]


@pytest.fixture(scope="module")
def cited(made: tuple[Brief, dict[str, str]]) -> dict[str, Citation]:
    """Each quote's citation, by its key in QUOTES (and "act")."""
    by_id = {q.highlight_id: q.citation for q in made[0].quotes()}
    return {key: by_id[hid] for key, hid in made[1].items()}


@pytest.mark.parametrize("key", sorted(QUOTES))
def test_a_quote_from_a_code_section_is_cited_by_section(cited: dict[str, Citation],
                                                         key: str) -> None:
    c = cited[key]
    assert plain(c) == QUOTES[key][2]
    assert c.page == ""  # a statute is cited by section, not by page


def test_history_notes_never_enter_a_quotes_citation(cited: dict[str, Citation]) -> None:
    for key in ("history", "editors", "usc-note", "ors-note"):
        c = cited[key]
        assert c.section.endswith(" note")
        assert "(" not in c.section  # never a subsection of the law
        assert c.section_title == ""  # nor the note's heading ("History")
        assert "History" not in plain(c) and "Notes" not in plain(c)


def test_an_act_keeps_its_title_and_section(cited: dict[str, Citation]) -> None:
    c = cited["act"]
    assert plain(c) == ("Drug-Checking Services and Overdose Prevention Act (Vermont General "
                        "Assembly, May 30, 2025), § 4(a)")
    assert runs(c)[0] == ("Drug-Checking Services and Overdose Prevention Act", True)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md", "csv"])
def test_every_format_prints_the_code_citation(brief: Brief, fmt: str) -> None:
    writer = {"pdf": pdf_writer, "docx": docx_writer, "html": html_writer, "md": md_writer,
              "csv": csv_writer}[fmt]
    data = writer.render(brief)
    if fmt == "pdf":
        text = pdf_text(data)
    elif fmt == "docx":
        text = norm(re.sub(r"<[^>]+>", "", docx_xml(data).replace("</w:p>", " ")))
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        text = " ".join(r["citation"] for r in rows)
    elif fmt == "html":
        text = norm(html.unescape(re.sub(r"<[^>]+>", "", data.decode("utf-8"))))
    else:
        text = norm(data.decode("utf-8").replace("*", "").replace("\\", ""))
    text = text.replace("\u00a0", " ")
    for _name, _words, expected in QUOTES.values():
        assert norm(expected) in text, (fmt, expected)


@pytest.mark.parametrize(("c", "expected"), [
    # the document is this section: its citation and the subsection combine
    (Citation("§ 48-961.05. Immunity", kind="statute", section="§ 48-961.05(b)(2)",
              legal_citation="D.C. Code § 48-961.05", date="2025-10-01"),
     "D.C. Code § 48-961.05(b)(2) (2025)"),
    # a code title: the code and the section
    (Citation("Title 21", kind="statute", section="§ 844(a)", legal_citation="21 U.S.C."),
     "21 U.S.C. § 844(a)"),
    # a dash written as an en dash in the document's citation
    (Citation("§ 48–961.05", kind="statute", section="§ 48-961.05 note",
              legal_citation="D.C. Code § 48–961.05", date="2024"),
     "D.C. Code § 48-961.05 note (2024)"),
    # a codified act cited as another section than the pinpoint: the general form
    (Citation("Overdose Act", kind="statute", section="§ 4(b)", author="Legislature",
              legal_citation="35 P.S. § 17.1", date="2018"),
     "Overdose Act (Legislature, 2018), § 4(b)"),
    # an act or a model act: the general form
    (Citation("Model Act", kind="statute", section="§ 4(b)",
              legal_citation="Model Drug Checking Services Act"), "Model Act, § 4(b)"),
    # federal public laws and bills by their numbers (Bluebook rules 12.4 and 13.2)
    (Citation("Act", kind="statute", section="§ 3", legal_citation="Pub. L. 119-88",
              date="2025-03-02"), "Pub. L. No. 119-88, § 3 (2025)"),
    (Citation("Act", kind="statute", section="§ 3(a)", legal_citation="Public Law 119–88"),
     "Pub. L. No. 119-88, § 3(a)"),
    (Citation("Bill", kind="statute", section="§ 2(b)", legal_citation="S. 2077, 119th Cong.",
              date="2025-06-11"), "S. 2077, 119th Cong. § 2(b) (2025)"),
    (Citation("Res", kind="statute", section="§ 1", legal_citation="H.R. Res. 310",
              date="2025"), "H.R. Res. 310, § 1 (2025)"),
    # a state session law keeps the general form
    (Citation("Act", kind="statute", section="§ 3", legal_citation="Act No. 47",
              author="Vermont General Assembly", date="2025"),
     "Act (Vermont General Assembly, 2025), § 3"),
    # no pinpoint with §: the general form (a memo, a page)
    (Citation("Memo", kind="memo", section="§ 4(b)", legal_citation="21 U.S.C.", page="3"),
     "Memo, p. 3, § 4(b)"),
    (Citation("Title 21", kind="statute", section="Title 21 note", legal_citation="21 U.S.C."),
     "Title 21, Title 21 note"),
    (Citation("Law", kind="statute", section="§ 3", legal_citation="D.C. Code §§ 1–3"),
     "Law, § 3"),
])
def test_code_citation_forms(c: Citation, expected: str) -> None:
    assert plain(c) == expected


@pytest.mark.parametrize("garbage", ["", "§", "§ ", "§§ 4", "(b)", "§ (b)", " note",
                                     "§ 4" + "(a)" * 300, "§\x00\ufffd"])
def test_odd_pinpoints_never_fail(garbage: str) -> None:
    for legal in ("", "D.C. Code", "D.C. Code § 4", "§", "21 U.S.C."):
        plain(Citation("T", kind="statute", section=garbage, legal_citation=legal))
