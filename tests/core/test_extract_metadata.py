"""Metadata guessing: kind, title, author/office, date, jurisdiction, citation (fictional
snippets written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.extract.dates import find_dates, guess_date, parse_date
from reader.extract.jurisdiction import guess_jurisdiction, state_code
from reader.extract.kinds import guess_kind
from reader.extract.metadata import clean_byline, guess_meta, memo_fields, title_case
from reader.extract.normalize import normalize_text
from reader.extract.registry import extract_file
from reader.model.documents import DocMeta

MEMO = """OFFICE OF THE DISTRICT ATTORNEY
HARLOW COUNTY, PENNSYLVANIA

MEMORANDUM

TO: All Assistant District Attorneys
FROM: Dana Whitfield, District Attorney
DATE: March 3, 2021
RE: Declination of charges for simple possession of controlled
substances

I. BACKGROUND

This office will no longer prosecute simple possession. Policy No. 2021-04 replaces the
2016 guidance."""

MEMO_TWO_COLUMN = """Sample memo for Policy Reader.

OFFICE OF THE PROSECUTING ATTORNEY
WEXLER COUNTY, MICHIGAN

TO:

FROM:

RE:

DATE:

OFFICE DIRECTIVE 2023-07

All Assistant Prosecuting Attorneys

Andrea Lindqvist, Prosecuting Attorney

Treatment Conditions in Charging and Probation

May 15, 2023

For more than twenty years the standard practice of this Office has been to ask for
treatment conditions."""

STATUTE = """AN ACT

Amending the act of April 14, 1972 (P.L. 233, No. 64), providing for immunity.

The General Assembly of the Commonwealth of Pennsylvania hereby enacts as follows:

Section 1. Short title.

This act shall be known and may be cited as the "Overdose Survivor Protection Act."

Section 2. Definitions.

Section 3. Immunity.

Approved the 5th day of May, A.D. 2022."""

CODIFIED = """Sample statute text for Policy Reader.

35 P.S. § 780-113.7. Drug overdose response immunity.

(a) A person may not be charged with possession when the evidence was found because the
person sought help for an overdose.

(b) This section does not limit a prosecution for delivery."""

MODEL_ACT = """MODEL SYRINGE SERVICES PROGRAM ACT

Drafted by the Legislative Analysis Project (fictional sample)

Section 1. Title. This Act may be cited as the "Model Syringe Services Program Act."

Section 2. Purpose. Syringe services programs reduce the spread of HIV.

Section 3. Authorization. A health department may operate a syringe services program."""

OPINION = """IN THE SUPERIOR COURT OF PENNSYLVANIA

COMMONWEALTH OF PENNSYLVANIA,
Appellee,
v.
MARCUS T. ELLISON,
Appellant.

No. 1423 EDA 2021

Appeal from the Judgment of Sentence, Alder County Court of Common Pleas

OPINION BY JUDGE REYES:

Argued: May 1, 2022
Decided: August 12, 2022

Appellant challenges the denial of his motion. We affirm."""

OPINION_ONE_LINE = """Fictional sample opinion.

Court of Appeals of Maryland

State v. Jordan Kessler

Docket No. 22-CR-0417

Filed: 11/02/2022

KESSLER, J., delivered the opinion of the Court. We reverse and remand."""

OPINION_NO_COURT = """Fictional sample opinion.

People v. Ada Moss

No. 19-0042

OKAFOR, J.

The defendant appeals. We affirm; the judgment is AFFIRMED."""

ARTICLE = """By Jane Doe and Sam Roe | Staff writers

BALTIMORE, Md. — The state's attorney said Tuesday that her office would stop prosecuting
possession. "We are done," she said, according to a spokesperson.

Published March 4, 2021"""

REPORT = """Overdose Response in Harlow County: A Five-Year Review

A report by the Keystone Harm Reduction Coalition

June 2023

Table of Contents

Executive Summary

This report reviews five years of overdose data.

Key Findings

Recommendations"""

OTHER = """Meeting notes

We talked about the reading list and agreed to meet again next week."""


@pytest.mark.parametrize(("text", "expected"), [
    (MEMO, dict(kind="memo", title="Declination of charges for simple possession of "
                "controlled substances", author="Office of the District Attorney, Harlow County, "
                "Pennsylvania",
                date="2021-03-03", jurisdiction="Harlow County, PA",
                citation="Policy No. 2021-04")),
    (MEMO_TWO_COLUMN, dict(kind="memo", title="Treatment Conditions in Charging and Probation",
                           author="Office of the Prosecuting Attorney, Wexler County, Michigan",
                           date="2023-05-15", jurisdiction="Wexler County, MI",
                           citation="Office Directive 2023-07")),
    (STATUTE, dict(kind="statute", title="Overdose Survivor Protection Act", date="2022-05-05",
                   jurisdiction="PA",
                   author="General Assembly of the Commonwealth of Pennsylvania")),
    (CODIFIED, dict(kind="statute", citation="35 P.S. § 780-113.7", jurisdiction="PA")),
    (MODEL_ACT, dict(kind="statute", title="Model Syringe Services Program Act",
                     jurisdiction="", author="Legislative Analysis Project (fictional sample)",
                     citation="Model Syringe Services Program Act")),
    (OPINION_NO_COURT, dict(kind="opinion", title="People v. Moss", judge="Judge Okafor",
                            citation="No. 19-0042", docket="No. 19-0042", jurisdiction="")),
    (OPINION, dict(kind="opinion", title="Commonwealth v. Ellison",
                   author="Superior Court of Pennsylvania", date="2022-08-12", jurisdiction="PA",
                   site="Superior Court of Pennsylvania", citation="No. 1423 EDA 2021",
                   judge="Judge Reyes", doc_type="Slip opinion")),
    (OPINION_ONE_LINE, dict(kind="opinion", title="State v. Kessler",
                            author="Court of Appeals of Maryland",
                            date="2022-11-02", jurisdiction="MD",
                            site="Court of Appeals of Maryland", citation="No. 22-CR-0417",
                            judge="Judge Kessler")),
    (ARTICLE, dict(kind="article", author="Jane Doe; Sam Roe", date="2021-03-04",
                   jurisdiction="Baltimore, MD")),
    (REPORT, dict(kind="report", title="Overdose Response in Harlow County: A Five-Year Review",
                  author="Keystone Harm Reduction Coalition", date="2023-06")),
    (OTHER, dict(kind="other", title="Meeting notes", date="", jurisdiction="")),
])
def test_guess_meta_by_kind(text: str, expected: dict[str, str]) -> None:
    meta = guess_meta(normalize_text(text))
    got = {k: getattr(meta, k) for k in expected}
    assert got == expected


def test_hints_win_and_fill() -> None:
    hints = DocMeta(title="Given title", kind="report", date="March 2020", author="")
    meta = guess_meta(normalize_text(MEMO), hints)
    assert meta.title == "Given title"
    assert meta.kind == "report"
    assert meta.date == "2020-03"  # a hint date is normalised to ISO
    assert meta.jurisdiction == "Harlow County, PA"  # filled from the text
    bad = guess_meta(normalize_text(MEMO), DocMeta(date="someday", kind="nonsense"))
    assert bad.date == "2021-03-03" and bad.kind == "memo"


def test_filename_fallback_and_empty_text() -> None:
    assert guess_meta("", filename="my_notes-2021.txt").title == "my notes 2021"
    meta = guess_meta("")
    assert meta == DocMeta(kind="other")


def test_default_kind_for_web_pages() -> None:
    story = normalize_text("""County moves to fund drug checking

Commissioners voted 3-2 on Tuesday to pay for test strips at the library. "It saves
lives," one said. Critics told the meeting it sends the wrong message.""")
    assert guess_kind(story) == "other"
    assert guess_kind(story, "article") == "article"
    # a web page that is clearly a court opinion is not an article
    assert guess_kind(normalize_text(OPINION), "article") == "opinion"
    # an article that quotes a memo stays an article
    quoting = story + "\n\nThe district attorney's memo, sent to Assistant District Attorneys, "
    assert guess_kind(quoting, "article") == "article"


def test_memo_fields() -> None:
    fields = memo_fields(normalize_text(MEMO))
    assert fields["TO"] == "All Assistant District Attorneys"
    assert fields["RE"].endswith("controlled substances")
    two = memo_fields(normalize_text(MEMO_TWO_COLUMN))
    assert two["FROM"] == "Andrea Lindqvist, Prosecuting Attorney"
    assert two["DATE"] == "May 15, 2023"
    assert memo_fields("Nothing to see here.") == {}


@pytest.mark.parametrize(("byline", "expected"), [
    ("By Jane Doe and Sam Roe | Staff writers", "Jane Doe; Sam Roe"),
    ("BY JANE DOE", "JANE DOE"),
    ("By Ana Ruiz, Staff Reporter", "Ana Ruiz"),
    ("Jane Doe; Sam Roe", "Jane Doe; Sam Roe"),
    ("By Lee Park, Ravi Shah & Mo Diaz — Updated 5:02 PM", "Lee Park; Ravi Shah; Mo Diaz"),
    ("By Kim Lo for The Riverton Ledger", "Kim Lo"),
    ("By Staff", ""),
    ("by the editorial board", ""),
    ("", ""),
    ("Written by Tom O'Neil (tom@example.org)", "Tom O'Neil"),
])
def test_clean_byline(byline: str, expected: str) -> None:
    assert clean_byline(byline) == expected


@pytest.mark.parametrize(("text", "iso"), [
    ("March 3, 2021", "2021-03-03"), ("Mar. 3, 2021", "2021-03-03"),
    ("3 March 2021", "2021-03-03"), ("the 3rd day of March, 2021", "2021-03-03"),
    ("3/3/2021", "2021-03-03"), ("03/04/21", "2021-03-04"), ("13/3/2021", "2021-03-13"),
    ("2021-03-03", "2021-03-03"), ("2021-03-03T10:00:00Z", "2021-03-03"),
    ("Dated: Sept. 9, 2020", "2020-09-09"), ("MARCH 2021", "2021-03"), ("2019", "2019"),
    ("2/30/2021", ""), ("1.2.21", ""), ("version 3.3.21", ""), ("no date", ""), ("", ""),
    ("12-405", ""), ("Section 3-2-2021", "2021-03-02"),
])
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_guess_date_prefers_labels() -> None:
    assert guess_date("Argued: May 1, 2020\nDecided: June 2, 2021\n") == "2021-06-02"
    assert guess_date("In 2019 we began. On March 3, 2020 we met.\n\nDated: 4/5/2021") == \
        "2021-04-05"
    assert guess_date("Spring report\n\nJune 2023\n\nOn July 4, 2023 it rained.") == "2023-07-04"
    assert guess_date("Spring report\n\nJune 2023") == "2023-06"
    assert guess_date("") == ""
    assert [d[2] for d in find_dates("From 1/2/2020 to March 5, 2021.")] == [
        "2020-01-02", "2021-03-05"]


@pytest.mark.parametrize(("text", "expected"), [
    ("OFFICE OF THE DISTRICT ATTORNEY\nHARLOW COUNTY, PENNSYLVANIA", "Harlow County, PA"),
    ("Office of the District Attorney of Harlow County\n\nCommonwealth of Pennsylvania",
     "Harlow County, PA"),
    ("The Alder County District Attorney, RIVERTON, Pa. — news", "Alder County, PA"),
    ("IN THE SUPREME COURT OF OHIO", "OH"),
    ("The Ohio General Assembly passed a bill.", "OH"),
    ("BALTIMORE, Md. — The city", "Baltimore, MD"),
    ("Seattle, Washington — officers", "Seattle, WA"),
    ("PHILADELPHIA — The district attorney", "Philadelphia, PA"),
    ("35 P.S. § 780-113. Prohibited acts", "PA"),
    ("Under 21 U.S.C. § 841 the penalty", "US"),
    ("United States Court of Appeals for the Third Circuit", "US"),
    ("Model Overdose Response Act\n\nSection 1. Short title.", ""),
    ("West Virginia lawmakers and more West Virginia news", "WV"),
    ("Notes about Kansas. Kansas again. Arkansas once.", "KS"),
    ("Nothing here at all.", ""),
    ("Sampled in Wexler County last year.", "Wexler County"),
])
def test_guess_jurisdiction(text: str, expected: str) -> None:
    assert guess_jurisdiction(text) == expected


def test_state_code() -> None:
    assert state_code("Pennsylvania") == "PA"
    assert state_code("PENNSYLVANIA") == "PA"
    assert state_code("Pa.") == "PA"
    assert state_code("NM") == "NM"
    assert state_code("Narnia") == ""


def test_title_case() -> None:
    assert title_case("COMMONWEALTH OF PENNSYLVANIA v. JOHN O'NEIL") == \
        "Commonwealth of Pennsylvania v. John O'Neil"
    assert title_case("Already Mixed Case") == "Already Mixed Case"


def test_titles_skip_labels() -> None:
    text = normalize_text("""SAMPLE DOCUMENT — fictional, written for Policy Reader.

CONFIDENTIAL

Page 1

March 3, 2021

Syringe Access in Rural Counties

Body text follows.""")
    assert guess_meta(text).title == "Syringe Access in Rural Counties"


# --- the bundled corpus (non-PDF formats; PDFs go through the PDF extractor's tests) ----

REPO = Path(__file__).resolve().parents[2]
_EXPECTATIONS = REPO / "tests" / "fixtures" / "corpus_expectations.json"
_CORPUS_DOCS = (json.loads(_EXPECTATIONS.read_text("utf-8"))["documents"]
                if _EXPECTATIONS.exists() else [])


@pytest.mark.parametrize("doc", [d for d in _CORPUS_DOCS if d["format"] != "pdf"],
                         ids=lambda d: d["path"])
def test_corpus_metadata_matches_expectations(doc: dict[str, str]) -> None:
    x = extract_file(REPO / "corpus" / doc["path"])
    for field in ("kind", "title", "date", "jurisdiction", "author", "citation"):
        if field in doc:
            assert getattr(x.meta, field) == (doc[field] or ""), field
