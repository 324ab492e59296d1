"""The bad inputs of the issue, as opinions: a table of contents before the caption, a
caption split across two columns (a reporter reprint), a caption that is an image, a date
that does not exist, and fifty cited cases on page 1."""

from __future__ import annotations

import random

from .kit import (
    BodyPlan,
    Fixture,
    H,
    W,
    body,
    columns,
    draw,
    ecf_header,
    lines,
    pdf_date,
    render,
    single,
)
from .prose import Writer, cases
from .typeset import Block, Break, Furniture, Gap, Para, Picture, Push, Rule, Style


def toc_before_caption() -> Fixture:
    cited = cases(random.Random(1818), 8)
    w = Writer(18, "Dorsey", "The State", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=1)
    body_st = Style(font=f, size=12, leading=16, indent=30, after=0, align="justify")
    toc = Style(font=f, size=12, align="left", after=4)
    entries = [("I. Background Facts and Proceedings", 2), ("II. Standard of Review", 3),
               ("III. Analysis", 3), ("A. The Traffic Stop", 3), ("B. The Canine Sniff", 4),
               ("IV. Conclusion", 5)]
    blocks: list[Block] = [*lines(["TABLE OF CONTENTS"], cap.but(font="Times-Bold"),
                                  after_last=14)]
    for title, page in entries:
        dots = "." * max(4, 70 - len(title))
        blocks += lines([f"{title} {dots} {page}"], toc)
    blocks += [Break("page"),
               *lines(["IN THE SUPREME COURT OF IOWA"], cap.but(font="Times-Bold")),
               *lines(["No. 19–0577"], cap.but(before=8)),
               *lines(["Submitted October 14, 2020—Filed January 29, 2021"], cap, after_last=8),
               *lines(["STATE OF IOWA,"], cap.but(align="left")),
               *lines(["Appellee,"], cap.but(align="left", left=60)),
               *lines(["vs."], cap.but(align="left", before=4, after=4)),
               *lines(["MARCUS DORSEY,"], cap.but(align="left")),
               *lines(["Appellant."], cap.but(align="left", left=60), after_last=10),
               Para("Appeal from the Iowa District Court for Polk County, Jasper Lindahl, "
                    "Judge.", body_st.but(indent=0, after=6), track=False),
               Para("The defendant appeals his conviction, contending the district court "
                    "should have suppressed evidence found after a canine sniff. AFFIRMED.",
                    body_st.but(indent=0, after=6), track=False),
               Para("Agnes Lowther, State Appellate Defender, for appellant.",
                    body_st.but(indent=0, after=4), track=False),
               Para("Thomas Ryle, Attorney General, and Bettina Cray, Assistant Attorney "
                    "General, for appellee.", body_st.but(indent=0, after=8), track=False),
               Para("MABRY, J., delivered the opinion of the court, in which all justices "
                    "joined.", body_st.but(indent=0, after=8), track=False)]
    plan = BodyPlan([(t, 3 if i else 2) for i, (t, _) in enumerate(entries)],
                    Style(font="Times-Bold", size=12, align="left", before=8, after=6), body_st,
                    note_every=0, sentences=(3, 5))
    blocks += body(w, plan, cited)

    def furniture(c, page, total):
        if page == 1:
            draw(c, "i", W / 2, 40, f, 11, "center")
            return Furniture(label="i")
        if page == 2:
            return Furniture()
        draw(c, str(page - 1), W / 2, 40, f, 11, "center")
        return Furniture(label=str(page - 1))

    data, rep = render(blocks, single(80, 80, 72, 72), furniture,
                       info={"Title": "Table of Contents", "CreationDate": pdf_date("2021-02-01")})
    return Fixture(
        "toc_before_caption.pdf", "Bad input: a table of contents page before an Iowa Supreme "
        "Court caption ('Submitted …—Filed …' on one line, 'vs.')", data,
        dict(title="State v. Dorsey", kind="opinion", site="Supreme Court of Iowa",
             jurisdiction="IA", date="2021-01-29", docket="No. 19–0577",
             citation="No. 19–0577", judge="Justice Mabry", doc_type="Slip opinion"),
        rep, provenance={"title": 2, "date": 2})


def two_column_caption() -> Fixture:
    """A reporter reprint in two columns: the caption starts at the foot of the left column
    and ends at the top of the right one; printed pages 81–… (the reporter's)."""
    cited = cases(random.Random(1919), 8)
    w = Writer(19, "Lowther", "The state", cited)
    f = "Times-Roman"
    st = Style(font=f, size=9.5, leading=11.5, indent=10, after=0, align="justify",
               hyphenate=True)
    cap = Style(font=f, size=9.5, leading=11.5, align="center", after=1)
    intro = Writer(190, "Kettering", "The state", cited)
    blocks: list[Block] = []
    for _ in range(3):  # the end of the previous case in the volume
        blocks.append(Para(intro.paragraph(4), st, track=False))
    blocks += [Push(100), Rule(0.3, before=6, after=6),
               *lines(["IN THE SUPREME COURT OF THE", "STATE OF OREGON"], cap.but(size=9)),
               *lines(["Argued and submitted May 8, 2012; decided August 2, 2012"],
                      cap.but(size=8.5)),
               Gap(4),
               *lines(["STATE OF OREGON,", "Respondent on Review,", "v."], cap),
               Break("frame"),
               *lines(["JAMES EDWARD LOWTHER,", "Petitioner on Review."], cap),
               *lines(["(CC 10C40123; CA A145123; SC S059630)"], cap.but(size=8.5),
                      after_last=6),
               Para("On review from the Court of Appeals.", cap, track=False),
               Para("Ferris Oyelaran, Deputy Public Defender, argued the cause for petitioner "
                    "on review. Isaac Tolbert, Assistant Attorney General, argued the cause for "
                    "respondent on review.", st.but(indent=0, after=4), track=False),
               Para("Before Vandermeer, Chief Justice, and Kowalczyk, Quintero, and Rooksby, "
                    "Justices.", st.but(indent=0, after=4), track=False),
               Para("QUINTERO, J.", st.but(indent=0, after=4), track=False)]
    plan = BodyPlan([("", 3), ("I.", 4), ("II.", 5), ("III.", 2)],
                    Style(font=f, size=9.5, align="center", before=4, after=4), st,
                    note_every=0, hyphenate=True, sentences=(4, 7))
    blocks += body(w, plan, cited)

    def furniture(c, page, total):
        n = 80 + page
        if page % 2:
            draw(c, "Cite as 352 Or 81 (2012)", W / 2, H - 40, f, 9, "center")
            draw(c, str(n), W - 54, H - 40, f, 10, "right")
            return Furniture(heads=["Cite as 352 Or 81 (2012)"], label=str(n))
        draw(c, str(n), 54, H - 40, f, 10)
        draw(c, "State v. Lowther", W / 2, H - 40, f, 9, "center")
        return Furniture(heads=["State v. Lowther"], label=str(n))

    data, rep = render(blocks, columns(2, left=54, right=54, top=56, bottom=54, gutter=18),
                       furniture, info={"CreationDate": pdf_date("2013-01-15")}, line_spans=3)
    return Fixture(
        "two_column_caption_reprint.pdf", "Bad input: a two-column reporter reprint whose "
        "caption is split across the columns, after the end of the previous case; printed "
        "pages are the reporter's (81, 82, …)", data,
        dict(title="State v. Lowther", kind="opinion",
             site="Supreme Court of the State of Oregon",
             jurisdiction="OR", date="2012-08-02", docket="SC S059630",
             citation="352 Or 81", judge="Justice Quintero", doc_type="Opinion"),
        rep, provenance={"title": 1, "date": 1})


def image_caption() -> Fixture:
    cited = cases(random.Random(2020), 8)
    w = Writer(20, "Castellan", "The government", cited)
    f = "Times-Roman"
    body_st = Style(font=f, size=12, leading=16, indent=30, after=0, align="justify")
    blocks: list[Block] = [
        Picture(["UNITED STATES COURT OF APPEALS", "FOR THE TENTH CIRCUIT", "",
                 "UNITED STATES OF AMERICA, Plaintiff - Appellee,", "v.",
                 "RAFAEL CASTELLAN, Defendant - Appellant.", "", "No. 17-1456", "",
                 "Filed August 14, 2018"], size=11),
    ]
    plan = BodyPlan([("", 3), ("I", 3), ("II", 3)],
                    Style(font="Times-Bold", size=12, align="center", before=6, after=6),
                    body_st, note_every=0, sentences=(3, 5))
    blocks += body(w, plan, cited)

    def furniture(c, page, total):
        if page < 2:
            return Furniture()
        draw(c, str(page), W / 2, 40, f, 11, "center")
        return Furniture(label=str(page))

    data, rep = render(blocks, single(72, 72, 72, 72), furniture,
                       info={"Title": "United States v. Castellan",
                             "Author": "Tenth Circuit Clerk",
                             "CreationDate": pdf_date("2018-08-20")})
    return Fixture(
        "image_caption.pdf", "Bad input: the caption is a scanned image (no text); the body "
        "has text. The file's properties give the title and date", data,
        dict(title="United States v. Castellan", kind="opinion", site="", jurisdiction="",
             date="2018-08-20", docket="", citation="", judge="", doc_type="Slip opinion"),
        rep, provenance={"title": 0, "date": 0})


def texas_bad_date() -> Fixture:
    cited = cases(random.Random(2121), 8)
    w = Writer(21, "Boyce", "The State", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=1)
    body_st = Style(font=f, size=12, leading=24, indent=36, after=0, align="left")
    blocks: list[Block] = [
        *lines(["Affirmed and Memorandum Opinion filed February 30, 2019."],
               cap.but(align="left"), after_last=16),
        *lines(["In The"], cap),
        *lines(["Fourteenth Court of Appeals"], cap.but(font="Times-Bold", size=18, leading=22),
               after_last=10),
        *lines(["NO. 14-17-00845-CR"], cap, after_last=10),
        *lines(["CHARLES EDWARD BOYCE, Appellant", "V.", "THE STATE OF TEXAS, Appellee"], cap,
               after_last=12),
        *lines(["On Appeal from the 180th District Court", "Harris County, Texas",
                "Trial Court Cause No. 1523456"], cap, after_last=14),
        *lines(["MEMORANDUM OPINION"], cap.but(font="Times-Bold"), after_last=10),
    ]
    plan = BodyPlan([("", 3), ("Background", 2), ("Analysis", 3)],
                    Style(font="Times-Bold", size=12, align="center", before=6, after=6),
                    body_st, note_every=0, sentences=(3, 5))
    blocks += body(w, plan, cited)
    blocks += [Gap(14), *lines(["/s/ Meredith Alcott", "Justice"], cap.but(align="left",
                                                                          left=280)),
               Gap(10), Para("Panel consists of Justices Alcott, Birchfield, and Crandall.",
                             body_st.but(indent=0), track=False)]

    def furniture(c, page, total):
        draw(c, str(page), W / 2, 40, f, 11, "center")
        return Furniture(label=str(page))

    data, rep = render(blocks, single(72, 72, 72, 72), furniture,
                       info={"CreationDate": pdf_date("2019-03-01")})
    return Fixture(
        "bad_date_feb30.pdf", "Bad input: a Texas memorandum opinion 'filed February 30, 2019' "
        "(no such day), trial court in Harris County, the author signing at the end", data,
        dict(title="Boyce v. State", kind="opinion",
             site="Court of Appeals of Texas, Fourteenth District", jurisdiction="TX",
             date="2019-02", docket="No. 14-17-00845-CR", citation="No. 14-17-00845-CR",
             judge="Justice Alcott", doc_type="Memorandum opinion"),
        rep, provenance={"title": 1, "date": 1})


def fifty_cases() -> Fixture:
    rng = random.Random(2222)
    many = cases(rng, 56)
    w = Writer(22, "Roe", "Defendants", many)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=0)
    left = cap.but(align="left")
    body_st = Style(font=f, size=12, leading=15, indent=36, after=8, align="justify")
    string_cite = "; ".join(c.full(rng.choice([None, 2, 5])) for c in many[:50])
    blocks: list[Block] = [
        *lines(["UNITED STATES DISTRICT COURT", "DISTRICT OF MASSACHUSETTS"], cap,
               after_last=10),
        *lines(["CIVIL ACTION NO. 19-11234-TKW"], cap, after_last=10),
        *lines(["JANE ROE,"], left), *lines(["Plaintiff,"], left.but(left=60)),
        *lines(["v."], left.but(before=6, after=6)),
        *lines(["HARLOW COUNTY SHERIFF'S DEPARTMENT, et al.,"], left),
        *lines(["Defendants."], left.but(left=60), after_last=10),
        Para("MEMORANDUM OPINION AND ORDER ON DEFENDANTS' MOTION TO DISMISS",
             cap.but(font="Times-Bold", left=40, right=40, after=6), track=False),
        *lines(["March 4, 2020"], cap, after_last=10),
        *lines(["WHITLOCK, D.J."], left, after_last=8),
        Para("Plaintiff Jane Roe, who was held for three days in the Harlow County jail while "
             "in opioid withdrawal, alleges that the Sheriff's Department denied her "
             "medication for opioid use disorder. Courts across the country have considered "
             "similar claims. See " + string_cite + ".", body_st),
    ]
    plan = BodyPlan([("DISCUSSION", 5), ("ORDER", 1)],
                    Style(font="Times-Bold", size=12, align="center", before=6, after=6),
                    body_st, note_every=0, sentences=(3, 5))
    blocks += body(w, plan, many)
    blocks += [*lines(["SO ORDERED."], left, after_last=12),
               *lines(["/s/ Theodora K. Whitlock", "UNITED STATES DISTRICT JUDGE"],
                      left.but(left=250))]
    data, rep = render(blocks, single(72, 72, 72, 72), ecf_header(
        "Case 1:19-cv-11234-TKW Document 42 Filed 03/04/20 Page {n} of {total}",
        font="Helvetica", size=9), info={"CreationDate": pdf_date("2020-03-05")})
    return Fixture(
        "fifty_cases_page1.pdf", "Bad input: a district-court memorandum opinion (with a "
        "docket stamp) whose first page cites fifty cases with reporter citations", data,
        dict(title="Roe v. Harlow County Sheriff's Department", kind="opinion",
             site="United States District Court for the District of Massachusetts",
             jurisdiction="D. Mass.", date="2020-03-04", docket="No. 19-11234-TKW",
             citation="No. 19-11234-TKW", judge="Judge Whitlock",
             doc_type="Memorandum opinion and order"),
        rep, provenance={"title": 1, "date": 1})


BUILDERS = [toc_before_caption, two_column_caption, image_caption, texas_bad_date, fifty_cases]
