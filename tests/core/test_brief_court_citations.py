"""Opinions and filings are cited in every brief format as a lawyer expects, with the page
the document prints; statutes and memos as before."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re

import pytest

from reader.export import citation as cite
from reader.export import csv as csv_writer
from reader.export import docx as docx_writer
from reader.export import html as html_writer
from reader.export import markdown as md_writer
from reader.export import pdf as pdf_writer
from reader.export.build import build_brief
from reader.export.labels import source_lines
from reader.export.model import Brief, Citation
from reader.export.options import BriefOptions
from reader.model.documents import DocMeta
from tests.core.brief_fixtures import Fixture
from tests.core.brief_readback import docx_xml, norm, pdf_text

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
ASHWORTH = "United States v. Ashworth, No. 08-3071, slip op. at 8 (D.C. Cir. Feb. 5, 2010)"
HOLLOWAY = "Holloway v. Price, 569 U.S. ___, slip op. at 2 (2013)"
EASTERLY = ("Appellant's Motion for an Extension of Time at 2, United States v. Easterly, "
            "No. 17-2543 (3d Cir. June 12, 2017)")
STATUTE = "Overdose Good Samaritan Act (State Legislature, 2017), § 42-101(a)"


def fixture() -> Fixture:
    f = Fixture()
    f.add_doc("op", "opinions/ashworth.pdf", DocMeta(
        title="United States v. Ashworth", kind="opinion", date="2010-02-05",
        site="United States Court of Appeals for the District of Columbia Circuit",
        author="United States Court of Appeals for the District of Columbia Circuit",
        jurisdiction="D.C. Cir.", docket="No. 08-3071", citation="No. 08-3071",
        judge="Judge Bergstrom", doc_type="Slip opinion"),
        [["Caption page."], ["The officers had no warrant."],
         ["A search incident to arrest reaches only what the arrestee could reach."]],
        labels=["", "7", "8"])
    # a slip opinion after a two-page syllabus: the opinion's page 2 is the PDF's page 4
    f.add_doc("sc", "opinions/holloway.pdf", DocMeta(
        title="Holloway v. Price", kind="opinion", date="2013-04-23",
        site="Supreme Court of the United States", jurisdiction="US", docket="No. 11–889",
        citation="569 U.S. ___", doc_type="Slip opinion"),
        [["Syllabus."], ["Held: affirmed."], ["Opinion of the Court."],
         ["The statute does not reach a person who shares drugs with a friend."]],
        labels=["1", "2", "1", "2"])
    f.add_doc("fi", "filings/easterly.pdf", DocMeta(
        title="United States v. Easterly", kind="filing", date="2017-06-12",
        site="United States Court of Appeals for the Third Circuit", jurisdiction="3d Cir.",
        docket="No. 17-2543", citation="No. 17-2543",
        doc_type="Appellant's Motion for an Extension of Time"),
        [["Caption."], ["The transcript alone runs to more than four hundred pages."]])
    f.add_doc("st", "statutes/good-samaritan.txt", DocMeta(
        title="Overdose Good Samaritan Act", kind="statute", author="State Legislature",
        date="2017"), [["§ 42-101. Immunity.", "(a) A person who calls 911 shall not be "
                        "charged with possession."]], paged=False)
    f.highlight("op", "A search incident to arrest reaches only what the arrestee could reach.",
                themes=["decrim"])
    f.highlight("sc", "The statute does not reach a person who shares drugs with a friend.",
                themes=["overdose"])
    f.highlight("fi", "The transcript alone runs to more than four hundred pages.",
                themes=["decrim"])
    f.highlight("st", "A person who calls 911 shall not be charged with possession.",
                themes=["overdose"])
    return f


@pytest.fixture(scope="module")
def brief() -> Brief:
    f = fixture()
    return build_brief(BriefOptions(), f.placed, f.documents, f.text, f.taxonomy, now=NOW)


def test_citations(brief: Brief) -> None:
    cited = {q.citation.title: cite.plain(q.citation) for q in brief.quotes()}
    assert cited["United States v. Ashworth"] == ASHWORTH  # the printed page 8
    assert cited["Holloway v. Price"] == HOLLOWAY  # the opinion's page 2, not the PDF's 4
    assert cited["United States v. Easterly"] == EASTERLY
    assert cited["Overdose Good Samaritan Act"] == STATUTE  # as before


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md", "csv"])
def test_every_format_prints_the_lawyers_citation(brief: Brief, fmt: str) -> None:
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
    for expected in (ASHWORTH, HOLLOWAY, EASTERLY):
        assert norm(expected) in text.replace("\u00a0", " "), (fmt, expected)


def test_case_names_are_italic_in_rich_formats(brief: Brief) -> None:
    runs = {q.citation.title: cite.runs(q.citation) for q in brief.quotes()}
    assert runs["United States v. Ashworth"][0] == ("United States v. Ashworth", True)
    filing = runs["United States v. Easterly"]
    assert [italic for _, italic in filing] == [False, True, False]
    assert "*United States v. Ashworth*, No. 08-3071" in md_writer.render(brief).decode()


def test_sources_list_the_citation_court_type_and_judge(brief: Brief) -> None:
    src = next(s for s in brief.sources if s.title == "United States v. Ashworth")
    _, lines = source_lines(src)
    assert lines[0] == "No. 08-3071 (D.C. Cir. Feb. 5, 2010)"
    assert lines[1] == ("United States Court of Appeals for the District of Columbia Circuit · "
                        "Slip opinion · Judge Bergstrom")


@pytest.mark.parametrize(("c", "expected"), [
    (Citation("State v. Lowther", date="2012-08-02", page="84", legal_citation="352 Or 81",
              kind="opinion", court="Or."), "State v. Lowther, 352 Or 81, 84 (2012)"),
    (Citation("State v. Fenwick", date="2022-03-11", page="5", end_page="6",
              legal_citation="2022-NCSC-14", kind="opinion", court="N.C."),
     "State v. Fenwick, 2022-NCSC-14, slip op. at 5–6"),
    (Citation("Commonwealth v. Harlan", date="1891-10-05", legal_citation="141 Pa. 287",
              kind="opinion", court="Pa."), "Commonwealth v. Harlan, 141 Pa. 287 (1891)"),
    (Citation("United States v. Rainsford", date="2019-06-04", page="2", kind="opinion",
              docket="No. 18-10234", legal_citation="No. 18-10234", court="11th Cir.",
              doc_type="Unpublished per curiam opinion"),
     "United States v. Rainsford, No. 18-10234, slip op. at 2 (11th Cir. June 4, 2019) "
     "(per curiam)"),
    (Citation("People v. Moss", kind="opinion"), "People v. Moss"),
])
def test_opinion_citation_forms(c: Citation, expected: str) -> None:
    assert cite.plain(c) == expected
