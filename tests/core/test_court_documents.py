"""Courts, captions, judges and government documents read from snippets (fictional), and
the jurisdiction codes of federal courts in search."""

from __future__ import annotations

import pytest

from reader.extract.caption import case_name, dockets, own_citation, short_party
from reader.extract.courts import court_abbrev, find_court, jurisdiction_aliases
from reader.extract.dates import parse_date
from reader.extract.govdocs import bill_number, read_govdoc
from reader.extract.judges import authoring_judge
from reader.extract.metadata import guess_meta
from reader.extract.normalize import normalize_text
from reader.search.analysis import jurisdiction_keys
from tests.core.search_fixtures import build_engine, make_doc


@pytest.mark.parametrize(("head", "name", "code", "abbrev"), [
    ("United States Court of Appeals\nFOR THE DISTRICT OF COLUMBIA CIRCUIT\n\nArgued",
     "United States Court of Appeals for the District of Columbia Circuit", "D.C. Cir.",
     "D.C. Cir."),
    ("IN THE UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT",
     "United States Court of Appeals for the Ninth Circuit", "9th Cir.", "9th Cir."),
    ("In the\nUnited States Court of Appeals\nFor the Second Circuit",
     "United States Court of Appeals for the Second Circuit", "2d Cir.", "2d Cir."),
    ("SUPREME COURT OF THE UNITED STATES", "Supreme Court of the United States", "US", ""),
    ("UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK",
     "United States District Court for the Southern District of New York", "S.D.N.Y.",
     "S.D.N.Y."),
    ("IN THE SUPREME COURT OF NORTH CAROLINA", "Supreme Court of North Carolina", "NC", "N.C."),
    ("In the\nMissouri Court of Appeals\nEastern District\nDIVISION FOUR",
     "Missouri Court of Appeals, Eastern District, Division Four", "MO", "Mo. Ct. App."),
    ("COURT OF APPEALS OF OHIO\nEIGHTH APPELLATE DISTRICT\nCOUNTY OF CUYAHOGA",
     "Court of Appeals of Ohio, Eighth Appellate District", "OH", "Ohio Ct. App."),
])
def test_find_court(head: str, name: str, code: str, abbrev: str) -> None:
    court = find_court(head)
    assert court is not None
    assert (court.name, court.jurisdiction, court.abbrev) == (name, code, abbrev)
    assert court_abbrev(court.name) == abbrev


def test_the_court_appealed_from_or_mentioned_is_not_the_court() -> None:
    assert find_court("Appeal from the United States District Court for the District of "
                      "Oregon") is None
    assert find_court("On discretionary review of a decision of the Court of Appeals of "
                      "North Carolina, 271 N.C. App. 512") is None
    assert find_court("CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR THE NINTH "
                      "CIRCUIT") is None
    memo = "The office reviewed what the Supreme Court of Pennsylvania held last year."
    assert find_court(memo) is None


@pytest.mark.parametrize(("party", "short"), [
    ("UNITED STATES OF AMERICA, APPELLEE", "United States"),
    ("DARNELL K. ASHWORTH, JR.,", "Ashworth"),
    ("JOSE LUIS VALDIVIA-ZAMORA, Defendant - Appellant", "Valdivia-Zamora"),
    ("ANA L. VÉLEZ-RIVERA,", "Vélez-Rivera"),
    ("STATE OF NORTH CAROLINA", "State"),
    ("THE STATE OF TEXAS, Appellee", "State"),
    ("COMMONWEALTH OF PENNSYLVANIA,", "Commonwealth"),
    ("People of the State of Illinois", "People"),
    ("ESTHER PRICE, WARDEN", "Price"),
    ("HARLOW COUNTY SHERIFF'S DEPARTMENT, et al.,", "Harlow County Sheriff's Department"),
    ("MUNICIPALITY OF HARLOW; HARLOW POLICE DEPARTMENT;", "Municipality of Harlow"),
    ("Wesley Crandall, Defendant and", "Crandall"),
    ("In re JANE DOE", "In re Doe"),
    ("RAMON DE LA CRUZ", "de la Cruz"),
])
def test_short_party(party: str, short: str) -> None:
    assert short_party(party) == short


def test_case_name_from_captions_not_from_cited_cases() -> None:
    stacked = ("No. 08-3071\n\nUNITED STATES OF AMERICA,\nAPPELLEE\nv.\n\nDARNELL K. "
               "ASHWORTH, JR.,\nAPPELLANT\n\nIn particular, he contends that Bixby v. Marsh, "
               "556 U.S. 332 (2009), controls.")
    assert case_name(stacked).value == "United States v. Ashworth"
    beside = ("UNITED STATES OF AMERICA,\nPlaintiff-Appellee,\n\nNo. 13-30145\n\nD.C. No.\n\n"
              "3:12-cr-00456-SI-1\nv.\n\nGORDON LEE MERRIWEATHER,\nDefendant-Appellant.")
    assert case_name(beside).value == "United States v. Merriweather"
    assert case_name("HOLLOWAY v. PRICE, WARDEN").value == "Holloway v. Price"
    assert case_name("See Harmon v. Ruiz, 561 U.S. 114 (2010).") is None
    assert case_name("RE: Vickery v. City of Brannock — Order (Dkt. 22)") is None
    assert case_name("Nora V. Pettibone\nClerk") is None  # a middle initial


def test_dockets_leave_out_the_court_appealed_from() -> None:
    caption = ("No. 14-4512\n\nUNITED STATES\n\nNo. 14-4530\n\nAppeals from the United States "
               "District Court.\nNo. 7:13-cr-00088-1\n\n(No. 1:07-cr-00219-1)\n\nD.C. Docket No. "
               "1:17-cr-00123-TCB-1")
    assert dockets(caption, 0, len(caption), appellate=True).value == \
        "Nos. 14-4512, 14-4530"
    assert dockets("CIVIL ACTION NO. 19-11234-TKW", 0, 40, appellate=False).value == \
        "No. 19-11234-TKW"
    assert dockets("No. 11–889. Argued January 9, 2013", 0, 40, appellate=True).value == \
        "No. 11–889"


def test_own_citation_only_where_printed_as_its_own() -> None:
    assert own_citation("Cite as: 569 U. S. ____ (2013)", 0, 40).value == "569 U.S. ___"
    assert own_citation("x\n2022-NCSC-14\nNo. 256A20", 0, 30).value == "2022-NCSC-14"
    assert own_citation("[Cite as State v. Nettles, 2019-Ohio-1234.]", 0, 50).value == \
        "2019-Ohio-1234"
    lower = "a decision of the Court of Appeals, 271 N.C. App. 512, 843 S.E.2d 701 (2020)"
    assert own_citation(lower, 0, len(lower)) is None


@pytest.mark.parametrize(("text", "judge"), [
    ("Opinion for the Court filed by Circuit Judge BERGSTROM.", "Judge Bergstrom"),
    ("JUSTICE NAKASHIMA delivered the opinion of the Court.", "Justice Nakashima"),
    ("MABRY, J., delivered the opinion of the court.", "Justice Mabry"),
    ("Before: A, B, and C, Circuit Judges.\n\nROOKSBY, Circuit Judge. We affirm.",
     "Judge Rooksby"),
    ("Opinion by Mr. Justice ALDRIDGE:", "Justice Aldridge"),
])
def test_authoring_judge(text: str, judge: str) -> None:
    assert authoring_judge(text, 0, len(text), supreme="J.," in text).value == judge


def test_the_trial_judge_and_the_panel_are_not_authors() -> None:
    text = ("APPEAL FROM THE DISTRICT COURT OF TOLLIVER COUNTY\nMarisol Etcitty-Garza, District "
            "Judge\n\nBefore: ABERNATHY, LINDGREN, and ROOKSBY, Circuit Judges.\n\nPER CURIAM:")
    assert authoring_judge(text, 0, len(text), supreme=False) is None


def test_government_documents() -> None:
    sap = normalize_text("EXECUTIVE OFFICE OF THE PRESIDENT\nOFFICE OF MANAGEMENT AND BUDGET\n"
                         "WASHINGTON, D.C. 20503\n\nMarch 18, 2019\n\nSTATEMENT OF "
                         "ADMINISTRATION POLICY\n\nH. R. 2417 – Community Recovery Workforce "
                         "Act\n(Rep. Holloway, D-Ohio)\n\nThe Administration supports it.")
    meta = guess_meta(sap, filename="SAP.pdf")
    assert meta.title == ("Statement of Administration Policy: H.R. 2417 – Community "
                          "Recovery Workforce Act")
    assert (meta.kind, meta.citation, meta.jurisdiction, meta.date) == (
        "memo", "H.R. 2417", "US", "2019-03-18")
    assert meta.author == "Executive Office of the President, Office of Management and Budget"
    assert bill_number("S.4") == "S. 4" and bill_number("H. J. Res. 46") == "H.J. Res. 46"
    assert read_govdoc("An ordinary memo about H.R. 2417.") is None


def test_dates_from_1789() -> None:
    assert parse_date("Decided October 5, 1891") == "1891-10-05"
    assert parse_date("September 24, 1789") == "1789-09-24"
    assert parse_date("March 4, 1788") == ""
    assert parse_date("1891") == "1891"


def test_jurisdiction_codes_of_federal_courts_in_search() -> None:
    assert {"dc", "d.c. cir", "district of columbia circuit"} <= set(
        jurisdiction_keys("D.C. Cir."))
    assert {"9th cir", "ninth circuit"} <= set(jurisdiction_keys("9th Cir."))
    assert {"md", "maryland"} <= set(jurisdiction_keys("D. Md."))
    assert "ca" not in jurisdiction_keys("9th Cir.")  # not the state of an address
    assert jurisdiction_aliases("Alder County, PA") == []


def test_jurisdiction_dc_finds_the_dc_circuit(tmp_path) -> None:  # type: ignore[no-untyped-def]

    dc = make_doc("opinions/ashworth.pdf", ("The search was not incident to arrest.",),
                  title="United States v. Ashworth", kind="opinion", jurisdiction="D.C. Cir.")
    ninth = make_doc("opinions/merriweather.pdf", ("The search was lawful.",),
                     title="United States v. Merriweather", kind="opinion",
                     jurisdiction="9th Cir.")
    motion = make_doc("filings/easterly.pdf", ("Counsel asks for more time.",),
                      title="United States v. Easterly", kind="filing", jurisdiction="3d Cir.")
    engine = build_engine(tmp_path, {"dc": dc, "ninth": ninth, "motion": motion})
    titles = lambda q: {g.title for g in engine.search(q).groups}  # noqa: E731
    assert titles("jurisdiction:DC") == {"United States v. Ashworth"}
    assert titles('jurisdiction:"ninth circuit"') == {"United States v. Merriweather"}
    assert titles('jurisdiction:"9th Cir."') == {"United States v. Merriweather"}
    assert titles("kind:filing") == {"United States v. Easterly"}
    assert titles("kind:motion") == {"United States v. Easterly"}
