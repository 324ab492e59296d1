"""Federal courts of appeals, part one: D.C., Ninth, Seventh, Third (not precedential),
Fifth (unpublished per curiam) and Fourth (consolidated) Circuit slip opinions."""

from __future__ import annotations

import random

from .kit import (
    BodyPlan,
    Fixture,
    H,
    W,
    body,
    draw,
    lines,
    page_numbers,
    pdf_date,
    render,
    single,
)
from .prose import Case, Writer, cases
from .typeset import Block, Gap, Para, Rule, Side, Style

BIXBY = Case("Bixby v. Marsh", "556 U.S. 332, 129 S. Ct. 1710", "", 2009)


def dc_circuit() -> Fixture:
    """D.C. Circuit: "Argued … Decided …" on one line, counsel paragraphs, the number alone
    at the top of later pages, footnotes citing Supreme Court cases."""
    cited = cases(random.Random(101), 12, fixed=[BIXBY])
    w = Writer(1, "Ashworth", "The government", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12.5, align="center", after=2)
    body_st = Style(font=f, size=12.5, leading=17, indent=36, after=0, hyphenate=False)
    blocks: list[Block] = [
        *lines(["United States Court of Appeals"], cap.but(font="Times-Bold", size=17)),
        *lines(["FOR THE DISTRICT OF COLUMBIA CIRCUIT"], cap.but(size=13), after_last=14),
        Side([("Argued September 14, 2009", cap.but(align="left"))],
             [("Decided February 5, 2010", cap.but(align="right"))], split=0.5),
        Gap(8),
        *lines(["No. 08-3071"], cap, after_last=12),
        *lines(["UNITED STATES OF AMERICA,", "APPELLEE"], cap),
        *lines(["v."], cap.but(before=6, after=6)),
        *lines(["DARNELL K. ASHWORTH, JR.,", "APPELLANT"], cap, after_last=14),
        *lines(["Appeal from the United States District Court", "for the District of Columbia",
                "(No. 1:07-cr-00219-1)"], cap, after_last=12),
        Rule(0.3, after=12),
        Para("Lydia M. Castellanos, Assistant Federal Public Defender, argued the cause for "
             "appellant. With her on the briefs was Wendell R. Okoro, Federal Public Defender, "
             "625 Indiana Avenue, N.W., Washington, D.C.", body_st.but(after=8), track=False),
        Para("Harold T. Quist, Assistant U.S. Attorney, argued the cause for appellee. With "
             "him on the brief were Priya N. Ramaswamy, U.S. Attorney, and Curtis Beale and "
             "Yvette Marchand, Assistant U.S. Attorneys.", body_st.but(after=10), track=False),
        Para("Before: OKONKWO, BERGSTROM, and PELLETIER, Circuit Judges.",
             body_st.but(indent=0, after=10), track=False),
        Para("Opinion for the Court filed by Circuit Judge BERGSTROM.",
             body_st.but(indent=0, align="center", after=12), track=False),
    ]
    first = ("BERGSTROM, Circuit Judge: Darnell Ashworth appeals the denial of his motion to "
             "suppress the gun and the drugs that officers found in his car after arresting him "
             "for driving without a permit. He argues that the search was not a valid search "
             "incident to arrest, because he was handcuffed in the back of a patrol car when "
             "it began, and that no other exception to the warrant requirement applies. In "
             "particular, he contends that Bixby v. Marsh, 556 U.S. 332 (2009), decided while "
             "his appeal was pending, controls. We agree, and we reverse.")
    plan = BodyPlan([("", 2), ("I.", 4), ("II.", 3), ("A.", 3), ("B.", 3), ("III.", 2)],
                    Style(font=f, size=12.5, align="center", before=8, after=8),
                    body_st, note_every=3, fixed={0: first})
    blocks += body(w, plan, cited)
    blocks.append(Para("So ordered.", body_st.but(before=8), track=False))
    data, rep = render(blocks, single(72, 72, 66, 72), page_numbers(where="top", size=12),
                       info={"Author": "dcc", "CreationDate": pdf_date("2010-02-08")},
                       note_style=Style(font=f, size=11, leading=13, indent=18, after=4))
    return Fixture(
        "dc_cir_ashworth.pdf", "D.C. Circuit slip opinion (caption, one-line dates, counsel, "
        "panel, footnotes with reporter cites, page number at the top)", data,
        dict(title="United States v. Ashworth", kind="opinion",
             site="United States Court of Appeals for the District of Columbia Circuit",
             jurisdiction="D.C. Cir.", date="2010-02-05", docket="No. 08-3071",
             citation="No. 08-3071", judge="Judge Bergstrom", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1, "docket": 1, "site": 1})


def ninth_circuit() -> Fixture:
    """Ninth Circuit: the caption in two columns (parties left, docket right), a running head
    with the short case name and the page number, a San Francisco address."""
    cited = cases(random.Random(202), 10)
    w = Writer(2, "Merriweather", "The government", cited)
    f, b = "Times-Roman", "Times-Bold"
    cap = Style(font=f, size=12, align="left", after=1)
    body_st = Style(font=f, size=12, leading=14.5, indent=24, after=6)
    blocks: list[Block] = [
        *lines(["FOR PUBLICATION"], cap.but(font=b, align="center"), after_last=10),
        *lines(["UNITED STATES COURT OF APPEALS", "FOR THE NINTH CIRCUIT"],
               cap.but(font=b, size=13, align="center"), after_last=16),
        Side([("UNITED STATES OF AMERICA,", cap), ("Plaintiff-Appellee,", cap.but(left=90)),
              ("v.", cap.but(left=36, before=8, after=8)),
              ("GORDON LEE MERRIWEATHER,", cap), ("Defendant-Appellant.", cap.but(left=90))],
             [("No. 13-30145", cap), ("D.C. No.", cap.but(before=10)),
              ("3:12-cr-00456-SI-1", cap), ("OPINION", cap.but(font=b, before=14))],
             split=0.58, bar=""),
        Gap(12),
        *lines(["Appeal from the United States District Court", "for the District of Oregon",
                "Miriam T. Esquivel, District Judge, Presiding"], cap.but(align="center"),
               after_last=10),
        *lines(["Argued and Submitted November 5, 2014", "Portland, Oregon"],
               cap.but(align="center"), after_last=10),
        *lines(["Filed March 2, 2015"], cap.but(align="center"), after_last=10),
        Para("Before: Agnes Halvorsen, Felix Adeyemi, and Tobias Lindgren, Circuit Judges.",
             cap.but(align="center", after=6), track=False),
        *lines(["Opinion by Judge Halvorsen"], cap.but(align="center"), after_last=16),
        *lines(["COUNSEL"], cap.but(font=b, align="center"), after_last=6),
        Para("Renata Szabo (argued), Assistant Federal Public Defender, Portland, Oregon, for "
             "Defendant-Appellant.", body_st.but(indent=0), track=False),
        Para("Marcus Ellery (argued), Assistant United States Attorney; Office of the United "
             "States Attorney, Portland, Oregon; for Plaintiff-Appellee.",
             body_st.but(indent=0), track=False),
        Para("Clerk's address for filings: 95 Seventh Street, San Francisco, CA 94103.",
             body_st.but(indent=0, size=10), track=False),
        *lines(["OPINION"], cap.but(font=b, align="center", before=10), after_last=8),
    ]
    plan = BodyPlan([("HALVORSEN, Circuit Judge:", 3), ("I", 3), ("II", 4), ("III", 2)],
                    Style(font=b, size=12, align="left", before=8, after=6),
                    body_st.but(hyphenate=True), note_every=4, hyphenate=True)
    blocks += body(w, plan, cited)
    blocks.append(Para("AFFIRMED.", body_st.but(indent=0), track=False))

    def head(page: int) -> list[tuple[str, str]]:
        return [("UNITED STATES V. MERRIWEATHER", "left")]

    def furniture(c, page, total):
        from .typeset import Furniture
        if page < 2:
            return Furniture()
        draw(c, "UNITED STATES V. MERRIWEATHER", 72, H - 40, f, 10)
        draw(c, str(page), W - 72, H - 40, f, 10, "right")
        return Furniture(heads=["UNITED STATES V. MERRIWEATHER"], label=str(page))

    data, rep = render(blocks, single(72, 72, 60, 60), furniture,
                       info={"Title": "13-30145.pdf", "CreationDate": pdf_date("2015-03-02")},
                       note_style=Style(font=f, size=10.5, leading=12.5, after=3))
    return Fixture(
        "ca9_merriweather.pdf", "Ninth Circuit published opinion (caption split in two "
        "columns, running head with the short name, a San Francisco address)", data,
        dict(title="United States v. Merriweather", kind="opinion",
             site="United States Court of Appeals for the Ninth Circuit", jurisdiction="9th Cir.",
             date="2015-03-02", docket="No. 13-30145", citation="No. 13-30145",
             judge="Judge Halvorsen", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1})


def seventh_circuit() -> Fixture:
    """Seventh Circuit: "ARGUED … — DECIDED …" in capitals on one line, running heads that
    alternate sides (docket and number), a habeas caption, a state case cited early."""
    cited = cases(random.Random(303), 10, fixed=[Case("Harmon v. State", "852 P.2d 729",
                                                      "Ariz.", 1993)])
    w = Writer(3, "Okafor", "The State", cited)
    f = "DejaVuSerif"
    from .pdfonts import ensure
    ensure()
    cap = Style(font=f, size=11, align="left", after=2)
    body_st = Style(font=f, size=11, leading=15, indent=22, after=0, align="justify")
    rule = Rule(0.35, thick=0.5, before=4, after=10)
    blocks: list[Block] = [
        *lines(["In the"], cap.but(align="center", size=12)),
        *lines(["United States Court of Appeals"], cap.but(align="center", size=16)),
        *lines(["For the Seventh Circuit"], cap.but(align="center", size=13)),
        rule,
        *lines(["No. 12-1875"], cap, after_last=8),
        *lines(["RAMON OKAFOR,"], cap.but(left=36)),
        *lines(["Petitioner-Appellant,"], cap.but(align="right")),
        *lines(["v."], cap.but(left=72, before=4, after=4)),
        *lines(["WILLIAM THURLOW,"], cap.but(left=36)),
        *lines(["Respondent-Appellee."], cap.but(align="right")),
        rule,
        Para("Appeal from the United States District Court for the Eastern District of "
             "Wisconsin. No. 2:10-cv-00458 — Harriet M. Voss, Judge.",
             cap.but(align="center", left=40, right=40), track=False),
        rule,
        *lines(["ARGUED OCTOBER 29, 2012 — DECIDED MARCH 12, 2013"], cap.but(align="center")),
        rule,
        Para("Before ABERNATHY, Chief Judge, and LINDGREN and ROOKSBY, Circuit Judges.",
             body_st.but(after=8), track=False),
    ]
    first = ("ROOKSBY, Circuit Judge. Ramon Okafor was convicted in Wisconsin state court of "
             "possessing heroin with intent to deliver. The state courts rejected his claim "
             "that his trial lawyer should have moved to suppress, relying on Harmon v. State, "
             "852 P.2d 729 (Ariz. 1993), and he sought a writ of habeas corpus. The district "
             "court denied the petition. We affirm.")
    plan = BodyPlan([("", 3), ("I", 4), ("II", 5), ("III", 1)],
                    Style(font=f, size=11, align="center", before=10, after=8), body_st,
                    note_every=0, fixed={0: first}, sentences=(4, 7))
    blocks += body(w, plan, cited)
    blocks.append(Para("AFFIRMED.", body_st.but(indent=0, before=6), track=False))

    def furniture(c, page, total):
        from .typeset import Furniture
        if page < 2:
            return Furniture()
        if page % 2 == 0:
            draw(c, str(page), 72, H - 42, f, 11)
            draw(c, "No. 12-1875", W - 72, H - 42, f, 11, "right")
        else:
            draw(c, "No. 12-1875", 72, H - 42, f, 11)
            draw(c, str(page), W - 72, H - 42, f, 11, "right")
        return Furniture(label=str(page))

    data, rep = render(blocks, single(90, 90, 64, 70), furniture,
                       info={"Title": "Opinion", "CreationDate": pdf_date("2013-03-13")})
    return Fixture(
        "ca7_okafor.pdf", "Seventh Circuit habeas opinion (capitals date line with a dash, "
        "alternating running heads, a state case cited in the first paragraph)", data,
        dict(title="Okafor v. Thurlow", kind="opinion",
             site="United States Court of Appeals for the Seventh Circuit",
             jurisdiction="7th Cir.", date="2013-03-12", docket="No. 12-1875",
             citation="No. 12-1875", judge="Judge Rooksby", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1}, extra={"page_number_lines": ["No. 12-1875"]})


def third_circuit_unpublished() -> Fixture:
    """Third Circuit NOT PRECEDENTIAL opinion: "(Filed: …)" in parentheses, the disposition
    footnote, the district court named on page 1."""
    cited = cases(random.Random(404), 8)
    w = Writer(4, "Gresham", "The government", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=1)
    line = Rule(0.25, thick=0.5, before=2, after=8)
    body_st = Style(font=f, size=12, leading=24, indent=36, after=0, align="left")
    blocks: list[Block] = [
        *lines(["NOT PRECEDENTIAL"], cap.but(align="right", font="Times-Bold"), after_last=12),
        *lines(["UNITED STATES COURT OF APPEALS", "FOR THE THIRD CIRCUIT"], cap),
        line, *lines(["No. 16-3804"], cap), line,
        *lines(["UNITED STATES OF AMERICA", "v.", "TERRELL GRESHAM,"], cap),
        *lines(["Appellant"], cap.but(left=150)), line,
        *lines(["On Appeal from the United States District Court",
                "for the Eastern District of Pennsylvania",
                "(D.C. Criminal No. 2-15-cr-00311-001)",
                "District Judge: Honorable Wilhelmina Stroud"], cap), line,
        *lines(["Submitted Under Third Circuit L.A.R. 34.1(a)", "April 27, 2017"], cap,
               after_last=8),
        *lines(["Before: MARCHETTI, DRUMMOND, and YAMAMOTO, Circuit Judges."], cap,
               after_last=8),
        *lines(["(Filed: May 10, 2017)"], cap), line,
        Para("OPINION*", cap.but(font="Times-Bold"), keep=True, track=False,
             notes=["* This disposition is not an opinion of the full Court and pursuant to "
                    "I.O.P. 5.7 does not constitute binding precedent."]),
        line,
    ]
    plan = BodyPlan([("DRUMMOND, Circuit Judge.", 3), ("I.", 3), ("II.", 3)],
                    Style(font=f, size=12, align="left", after=12), body_st, note_every=0,
                    sentences=(3, 5))
    blocks += body(w, plan, cited)
    data, rep = render(blocks, single(72, 72, 60, 72), page_numbers(size=12),
                       info={"Title": "Microsoft Word - 163804np.docx",
                             "CreationDate": pdf_date("2017-05-10")},
                       note_style=Style(font=f, size=10, leading=12, after=3))
    return Fixture(
        "ca3_gresham_nonprecedential.pdf", "Third Circuit not-precedential opinion (double-"
        "spaced, '(Filed: …)', disposition footnote on page 1)", data,
        dict(title="United States v. Gresham", kind="opinion",
             site="United States Court of Appeals for the Third Circuit", jurisdiction="3d Cir.",
             date="2017-05-10", docket="No. 16-3804", citation="No. 16-3804",
             judge="Judge Drummond", doc_type="Unpublished opinion"),
        rep, provenance={"title": 1, "date": 1})


def fifth_circuit_per_curiam() -> Fixture:
    """Fifth Circuit unpublished per curiam: the clerk's FILED stamp in a box at the top
    right, "Summary Calendar", a hyphenated surname, Southern District of Texas."""
    cited = cases(random.Random(505), 6)
    w = Writer(5, "Valdivia-Zamora", "The government", cited)
    f = "Helvetica"
    cap = Style(font="Times-Roman", size=12, align="center", after=1)
    body_st = Style(font="Times-Roman", size=12, leading=15, indent=36, after=8)
    blocks: list[Block] = [
        Side([("IN THE UNITED STATES COURT OF APPEALS", cap.but(before=18)),
              ("FOR THE FIFTH CIRCUIT", cap.but(after=10)),
              ("No. 15-40123", cap), ("Summary Calendar", cap)],
             [("United States Court of Appeals", cap.but(font=f, size=8)),
              ("Fifth Circuit", cap.but(font=f, size=8)),
              ("FILED", cap.but(font="Helvetica-Bold", size=10, before=3)),
              ("March 3, 2016", cap.but(font=f, size=9)),
              ("Nora V. Pettibone", cap.but(font=f, size=8, before=3)),
              ("Clerk", cap.but(font=f, size=8))], split=0.7),
        Gap(10),
        *lines(["UNITED STATES OF AMERICA,"], cap.but(align="left", left=36)),
        *lines(["Plaintiff - Appellee"], cap.but(align="left", left=180)),
        *lines(["v."], cap.but(align="left", left=36, before=4, after=4)),
        *lines(["JOSE LUIS VALDIVIA-ZAMORA,"], cap.but(align="left", left=36)),
        *lines(["Defendant - Appellant"], cap.but(align="left", left=180), after_last=12),
        *lines(["Appeal from the United States District Court",
                "for the Southern District of Texas", "USDC No. 7:14-CR-1122-1"], cap,
               after_last=12),
        Para("Before SAYLES, QUINTERO, and HADLEY, Circuit Judges.",
             cap.but(after=8), track=False),
        Para("PER CURIAM:*", body_st.but(indent=0), keep=True, track=False,
             notes=["* Pursuant to 5TH CIR. R. 47.5, the court has determined that this "
                    "opinion should not be published and is not precedent except under the "
                    "limited circumstances set forth in 5TH CIR. R. 47.5.4."]),
    ]
    plan = BodyPlan([("", 5)], body_st, body_st, note_every=0, sentences=(4, 6))
    blocks += body(w, plan, cited)
    blocks.append(Para("AFFIRMED.", body_st.but(indent=0), track=False))

    def furniture(c, page, total):
        from .typeset import Furniture
        if c is not None and page == 1:
            c.rect(W - 72 - 150, H - 138, 150, 78)
        if page < 2:
            return Furniture()
        draw(c, "No. 15-40123", W - 72, H - 45, "Times-Roman", 11, "right")
        draw(c, str(page), W / 2, 40, "Times-Roman", 11, "center")
        return Furniture(label=str(page))

    data, rep = render(blocks, single(72, 72, 60, 72), furniture,
                       info={"CreationDate": pdf_date("2016-03-04")},
                       note_style=Style(font="Times-Roman", size=10, leading=12))
    return Fixture(
        "ca5_valdivia_zamora_per_curiam.pdf", "Fifth Circuit unpublished per curiam (clerk's "
        "FILED stamp box beside the caption, hyphenated surname)", data,
        dict(title="United States v. Valdivia-Zamora", kind="opinion",
             site="United States Court of Appeals for the Fifth Circuit",
             jurisdiction="5th Cir.", date="2016-03-03", docket="No. 15-40123",
             citation="No. 15-40123", judge="",
             doc_type="Unpublished per curiam opinion"),
        rep, provenance={"title": 1, "date": 1},
        extra={"page_number_lines": ["No. 15-40123"]})


def fourth_circuit_consolidated() -> Fixture:
    """Fourth Circuit published opinion in two consolidated appeals, dates on one line with
    colons, "Judge X wrote the opinion", ARGUED/ON BRIEF counsel."""
    cited = cases(random.Random(606), 10)
    w = Writer(6, "Pritchett", "The government", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=1)
    left = cap.but(align="left")
    body_st = Style(font=f, size=12, leading=24, indent=36, after=0, align="left")

    def party(name: str, role: str) -> list[Block]:
        return [*lines(["UNITED STATES OF AMERICA,"], left),
                *lines(["Plaintiff – Appellee,"], left.but(left=216)),
                *lines(["v."], left.but(before=6, after=6)),
                *lines([name], left), *lines([role], left.but(left=216), after_last=8)]

    rule = Rule(1.0, thick=0.6, before=2, after=8)
    blocks: list[Block] = [
        *lines(["PUBLISHED"], cap.but(font="Times-Bold"), after_last=10),
        *lines(["UNITED STATES COURT OF APPEALS", "FOR THE FOURTH CIRCUIT"], cap), rule,
        *lines(["No. 14-4512"], cap), rule, *party("JAMAL R. PRITCHETT,", "Defendant – Appellant."),
        rule, *lines(["No. 14-4530"], cap), rule,
        *party("TERRENCE D. HOLLOWAY,", "Defendant – Appellant."), rule,
        Para("Appeals from the United States District Court for the Western District of "
             "Virginia, at Roanoke. Leland B. Fairweather, District Judge. (7:13-cr-00088-1; "
             "7:13-cr-00088-2)", left.but(after=6), track=False), rule,
        Side([("Argued: September 17, 2015", left)],
             [("Decided: November 24, 2015", left.but(align="right"))], split=0.5),
        rule,
        Para("Before NAKASHIMA, ELLSWORTH, and IBARRA, Circuit Judges.", cap, track=False),
        rule,
        Para("Affirmed by published opinion. Judge Ellsworth wrote the opinion, in which "
             "Judge Nakashima and Judge Ibarra joined.", left.but(after=6), track=False),
        rule,
        Para("ARGUED: Corinne Abate, OFFICE OF THE FEDERAL PUBLIC DEFENDER, Roanoke, Virginia, "
             "for Appellants. Jared Wexley, OFFICE OF THE UNITED STATES ATTORNEY, Roanoke, "
             "Virginia, for Appellee. ON BRIEF: Lucinda Farr, Federal Public Defender, for "
             "Appellants.", left.but(after=8), track=False),
        Para("ELLSWORTH, Circuit Judge:", left.but(before=30, after=8), keep=True, track=False),
    ]
    plan = BodyPlan([("", 3), ("I.", 4), ("II.", 4), ("III.", 1)],
                    Style(font=f, size=12, align="center", after=8), body_st, note_every=4,
                    sentences=(3, 5))
    blocks += body(w, plan, cited)
    blocks.append(Para("AFFIRMED", left.but(before=12), track=False))
    data, rep = render(blocks, single(72, 72, 60, 72), page_numbers(size=12),
                       info={"Title": "PUBLISHED", "CreationDate": pdf_date("2015-11-24")},
                       note_style=Style(font=f, size=10, leading=12))
    return Fixture(
        "ca4_pritchett_consolidated.pdf", "Fourth Circuit published opinion in consolidated "
        "appeals (two dockets, two captions, argued and decided on one line)", data,
        dict(title="United States v. Pritchett", kind="opinion",
             site="United States Court of Appeals for the Fourth Circuit",
             jurisdiction="4th Cir.", date="2015-11-24", docket="Nos. 14-4512, 14-4530",
             citation="Nos. 14-4512, 14-4530", judge="Judge Ellsworth",
             doc_type="Slip opinion (consolidated)"),
        rep, provenance={"title": 1, "date": 1, "docket": 1})


BUILDERS = [dc_circuit, ninth_circuit, seventh_circuit, third_circuit_unpublished,
            fifth_circuit_per_curiam, fourth_circuit_consolidated]
