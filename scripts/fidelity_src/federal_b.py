"""Federal courts of appeals, part two: First, Eighth, Eleventh (unpublished per curiam with
a docket stamp), Second, Sixth and Tenth Circuit slip opinions."""

from __future__ import annotations

import random

from .kit import BodyPlan, Fixture, H, W, body, draw, ecf_header, lines, pdf_date, render, single
from .pdfonts import ensure
from .prose import Writer, cases
from .typeset import Block, Furniture, Gap, Para, Rule, Side, Style


def first_circuit() -> Fixture:
    """First Circuit civil appeal: an accented, hyphenated surname, several defendants, the
    decision date alone on its own line after the counsel list."""
    cited = cases(random.Random(707), 10)
    w = Writer(7, "Vélez-Rivera", "The municipality", cited, she=True)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=1)
    body_st = Style(font=f, size=12, leading=24, indent=36, after=0, align="left")
    blocks: list[Block] = [
        *lines(["United States Court of Appeals"], cap.but(font="Times-Bold", size=15)),
        *lines(["For the First Circuit"], cap.but(font="Times-Bold", size=13)),
        Rule(0.3, before=6, after=10),
        *lines(["No. 19-1287"], cap, after_last=10),
        *lines(["ANA L. VÉLEZ-RIVERA,"], cap),
        *lines(["Plaintiff, Appellant,"], cap.but(font="Times-Italic"), after_last=8),
        *lines(["v."], cap, after_last=8),
        Para("MUNICIPALITY OF HARLOW; HARLOW POLICE DEPARTMENT; OFFICER MARCUS LINDQVIST, "
             "in his individual capacity,", cap.but(left=40, right=40), track=False),
        *lines(["Defendants, Appellees."], cap.but(font="Times-Italic"), after_last=12),
        *lines(["APPEAL FROM THE UNITED STATES DISTRICT COURT", "FOR THE DISTRICT OF MAINE"],
               cap),
        *lines(["[Hon. Geraldine Oakes, U.S. District Judge]"], cap, after_last=12),
        *lines(["Before"], cap, after_last=6),
        *lines(["Upshaw, Chief Judge,", "Kettering and Mabry, Circuit Judges."], cap,
               after_last=14),
        Para("Sofia Carrow, with whom Carrow & Boyce LLP was on brief, for appellant.",
             body_st.but(leading=14, after=8), track=False),
        Para("Nathaniel Wendover, with whom Prewitt Sayles, P.A., 100 Middle Street, Portland, "
             "ME, was on brief, for appellees.", body_st.but(leading=14, after=14), track=False),
        *lines(["June 3, 2020"], cap, after_last=18),
        Para("KETTERING, Circuit Judge. Ana Vélez-Rivera sued the Municipality of Harlow and "
             "one of its officers under 42 U.S.C. § 1983, alleging that the officer used "
             "excessive force when he arrested her during a welfare check. The district court "
             "granted summary judgment to the defendants. We vacate and remand.", body_st),
    ]
    plan = BodyPlan([("", 2), ("I.", 3), ("II.", 4), ("III.", 1)],
                    Style(font="Times-Bold", size=12, align="left", before=8, after=8),
                    body_st, note_every=4)
    blocks += body(w, plan, cited)
    data, rep = render(blocks, single(72, 72, 72, 72),
                       _numbers("-{n}-", "Times-Roman", 12),
                       info={"Title": "19-1287P-01A", "CreationDate": pdf_date("2020-06-03")},
                       note_style=Style(font=f, size=10.5, leading=12.5))
    return Fixture(
        "ca1_velez_rivera.pdf", "First Circuit civil appeal (accented hyphenated name, several "
        "appellees, the date alone on a line after counsel, -2- page numbers)", data,
        dict(title="Vélez-Rivera v. Municipality of Harlow", kind="opinion",
             site="United States Court of Appeals for the First Circuit",
             jurisdiction="1st Cir.", date="2020-06-03", docket="No. 19-1287",
             citation="No. 19-1287", judge="Judge Kettering", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1})


def _numbers(fmt: str, font: str, size: float, first: int = 2):
    def furniture(c, page, total):
        if page < first:
            return Furniture()
        draw(c, fmt.format(n=page), W / 2, 40, font, size, "center")
        return Furniture(label=str(page))
    return furniture


def eighth_circuit() -> Fixture:
    """Eighth Circuit: rules of underscores, invisible filler ("lllll") before the roles,
    "Submitted" and "Filed" dates, an appeal from "District of Minnesota - St. Paul"."""
    cited = cases(random.Random(808), 9)
    w = Writer(8, "Dunmore", "The government", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=1)
    body_st = Style(font=f, size=12, leading=16, indent=36, after=0, align="justify")
    bar = "___________________________"
    blocks: list[Block] = [
        *lines(["United States Court of Appeals"], cap.but(size=16)),
        *lines(["For the Eighth Circuit"], cap.but(size=13)),
        *lines([bar, "No. 15-2911", bar], cap, after_last=8),
        *lines(["United States of America"], cap),
        *lines(["lllllllllllllllllllllPlaintiff - Appellee"], cap),
        *lines(["v."], cap.but(before=4, after=4)),
        *lines(["Curtis James Dunmore"], cap),
        *lines(["lllllllllllllllllllllDefendant - Appellant"], cap),
        *lines([bar, "Appeal from United States District Court",
                "for the District of Minnesota - St. Paul", bar], cap),
        *lines(["Submitted: April 14, 2016", "Filed: July 22, 2016", bar], cap),
        *lines(["Before WINSLOW, THIBODEAUX, and SORENSEN, Circuit Judges.", bar], cap,
               after_last=12),
        Para("THIBODEAUX, Circuit Judge.", body_st.but(indent=0), keep=True, track=False),
    ]
    plan = BodyPlan([("", 3), ("I.", 3), ("II.", 4)],
                    Style(font=f, size=12, align="center", before=6, after=6), body_st,
                    note_every=0, hyphenate=True, sentences=(4, 6))
    blocks += body(w, plan, cited)
    blocks.append(Para(bar, cap, track=False))
    data, rep = render(blocks, single(78, 78, 64, 72), _numbers("-{n}-", f, 11),
                       info={"CreationDate": pdf_date("2016-07-22")})
    return Fixture(
        "ca8_dunmore.pdf", "Eighth Circuit opinion (underscore rules, 'lllll' filler before "
        "party roles, Submitted/Filed dates, St. Paul in the appeal line)", data,
        dict(title="United States v. Dunmore", kind="opinion",
             site="United States Court of Appeals for the Eighth Circuit",
             jurisdiction="8th Cir.", date="2016-07-22", docket="No. 15-2911",
             citation="No. 15-2911", judge="Judge Thibodeaux", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1})


def eleventh_circuit() -> Fixture:
    """Eleventh Circuit unpublished per curiam: a docket stamp on every page (an opinion,
    not a filing), "versus", a district-court docket that is not the appeal's number, the
    date in parentheses."""
    cited = cases(random.Random(909), 6)
    w = Writer(9, "Rainsford", "The government", cited, she=True)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=1)
    body_st = Style(font=f, size=12, leading=24, indent=36, after=0, align="left")
    bar = "________________________"
    blocks: list[Block] = [
        *lines(["[DO NOT PUBLISH]"], cap.but(align="right"), after_last=10),
        *lines(["IN THE UNITED STATES COURT OF APPEALS", "", "FOR THE ELEVENTH CIRCUIT", bar,
                "No. 18-10234", "Non-Argument Calendar", bar,
                "D.C. Docket No. 1:17-cr-00123-TCB-1"], cap, after_last=10),
        *lines(["UNITED STATES OF AMERICA,"], cap.but(align="left")),
        *lines(["Plaintiff-Appellee,"], cap.but(align="left", left=220)),
        *lines(["versus"], cap.but(align="left", before=8, after=8)),
        *lines(["KEISHA M. RAINSFORD,"], cap.but(align="left")),
        *lines(["Defendant-Appellant."], cap.but(align="left", left=220)),
        *lines([bar, "Appeal from the United States District Court",
                "for the Northern District of Georgia", bar, "", "(June 4, 2019)"], cap,
               after_last=12),
        *lines(["Before VICKERY, ABATE, and OYELARAN, Circuit Judges."], cap.but(align="left"),
               after_last=10),
        *lines(["PER CURIAM:"], cap.but(align="left"), after_last=8),
    ]
    plan = BodyPlan([("", 4), ("", 3)], body_st, body_st, note_every=0, sentences=(3, 5))
    blocks += body(w, plan, cited)
    blocks.append(Para("AFFIRMED.", body_st.but(indent=0), track=False))
    data, rep = render(
        blocks, single(72, 72, 60, 72),
        _stamp_and_number("Case: 18-10234  Date Filed: 06/04/2019  Page: {n} of {total}"),
        info={"CreationDate": pdf_date("2019-06-04")})
    return Fixture(
        "ca11_rainsford_per_curiam.pdf", "Eleventh Circuit unpublished per curiam with a "
        "docket stamp on every page ('versus', a D.C. docket number, '(June 4, 2019)')", data,
        dict(title="United States v. Rainsford", kind="opinion",
             site="United States Court of Appeals for the Eleventh Circuit",
             jurisdiction="11th Cir.", date="2019-06-04", docket="No. 18-10234",
             citation="No. 18-10234", judge="", doc_type="Unpublished per curiam opinion"),
        rep, provenance={"title": 1, "date": 1})


def _stamp_and_number(fmt: str):
    stamp = ecf_header(fmt, font="Helvetica", size=9, y=H - 30)

    def furniture(c, page, total):
        f = stamp(c, page, total)
        if page >= 2:
            draw(c, str(page), W / 2, 40, "Times-Roman", 12, "center")
            f.label = str(page)
        return f
    return furniture


def second_circuit() -> Fixture:
    """Second Circuit published opinion: "August Term, 2017", "(Argued: … Decided: …)" in
    capitals on one line, a docket with a suffix ("No. 17-1234-cr")."""
    ensure()
    cited = cases(random.Random(1010), 10)
    w = Writer(10, "Kilbride", "The government", cited)
    f = "DejaVuSerifCondensed"
    cap = Style(font=f, size=11.5, align="center", after=1)
    body_st = Style(font=f, size=11.5, leading=23, indent=36, after=0, align="left")
    bar = "________"
    blocks: list[Block] = [
        *lines(["In the"], cap),
        *lines(["United States Court of Appeals"], cap.but(size=15)),
        *lines(["For the Second Circuit"], cap.but(size=13)),
        *lines([bar, "", "August Term, 2017", "", "No. 17-1234-cr", "",
                "UNITED STATES OF AMERICA,"], cap),
        *lines(["Appellee,"], cap.but(left=200)),
        *lines(["v."], cap.but(before=6, after=6)),
        *lines(["PATRICK KILBRIDE,"], cap),
        *lines(["Defendant-Appellant.", bar], cap.but(left=200)),
        *lines(["Appeal from the United States District Court",
                "for the Southern District of New York", bar], cap),
        *lines(["ARGUED: JANUARY 10, 2018", "DECIDED: MAY 2, 2018"], cap),
        *lines([bar], cap),
        *lines(["Before: PELLETIER, STANHOPE, and YARDLEY, Circuit Judges.", bar], cap,
               after_last=12),
        Para("Defendant Patrick Kilbride appeals from a judgment of conviction for possession "
             "of fentanyl with intent to distribute. We hold that the district court erred in "
             "admitting an out-of-court identification, but that the error was harmless. "
             "Judge Yardley concurs in a separate opinion.", body_st.but(leading=15, after=10),
             track=False),
        *lines([bar], cap, after_last=10),
        Para("STANHOPE, Circuit Judge:", body_st.but(indent=0), keep=True, track=False),
    ]
    plan = BodyPlan([("", 3), ("BACKGROUND", 3), ("DISCUSSION", 5), ("CONCLUSION", 1)],
                    Style(font=f, size=11.5, align="center", before=10, after=10, char_space=0),
                    body_st, note_every=3, sentences=(3, 5))
    blocks += body(w, plan, cited)
    data, rep = render(blocks, single(90, 90, 72, 72), _numbers("{n}", f, 11),
                       info={"Title": "17-1234 opn", "CreationDate": pdf_date("2018-05-03")},
                       note_style=Style(font=f, size=10, leading=12))
    return Fixture(
        "ca2_kilbride.pdf", "Second Circuit published opinion (August Term, argued and decided "
        "in capitals, docket with '-cr', condensed face)", data,
        dict(title="United States v. Kilbride", kind="opinion",
             site="United States Court of Appeals for the Second Circuit",
             jurisdiction="2d Cir.", date="2018-05-02", docket="No. 17-1234-cr",
             citation="No. 17-1234-cr", judge="Judge Stanhope", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1})


def sixth_circuit() -> Fixture:
    """Sixth Circuit: "RECOMMENDED FOR PUBLICATION" block, the caption bracketed with the
    docket beside it, "Decided and Filed:", a three-part running head."""
    cited = cases(random.Random(1111), 10)
    w = Writer(11, "Whitcombe", "The government", cited, she=True)
    f = "Times-Roman"
    cap = Style(font=f, size=11, align="left", after=0)
    body_st = Style(font=f, size=12, leading=14.5, indent=30, after=0, align="justify")
    blocks: list[Block] = [
        *lines(["RECOMMENDED FOR PUBLICATION", "Pursuant to Sixth Circuit I.O.P. 32.1(b)"],
               cap.but(size=9)),
        *lines(["File Name: 19a0123p.06"], cap.but(size=9, align="right"), after_last=10),
        *lines(["UNITED STATES COURT OF APPEALS"], cap.but(font="Times-Bold", size=13,
                                                          align="center")),
        *lines(["FOR THE SIXTH CIRCUIT"], cap.but(font="Times-Bold", size=13, align="center"),
               after_last=12),
        Side([("UNITED STATES OF AMERICA,", cap), ("Plaintiff-Appellee,", cap.but(left=70)),
              ("v.", cap.but(left=30, before=4, after=4)), ("BEATRIX WHITCOMBE,", cap),
              ("Defendant-Appellant.", cap.but(left=70))],
             [("", cap), ("", cap), ("No. 18-5432", cap.but(before=10))], split=0.6, bar="rule"),
        Gap(10),
        Para("Appeal from the United States District Court for the Eastern District of Kentucky "
             "at Lexington. No. 5:17-cr-00077-1—Corliss A. Bramwell, District Judge.",
             cap.but(align="center", left=30, right=30, after=8), track=False),
        *lines(["Argued: March 13, 2019"], cap.but(align="center", after=2)),
        *lines(["Decided and Filed: June 12, 2019"], cap.but(align="center"), after_last=8),
        *lines(["Before: MCALLISTER, TATUM, and KOWALCZYK, Circuit Judges."],
               cap.but(align="center"), after_last=10),
        Rule(1.0, before=0, after=8),
        Para("COUNSEL", cap.but(font="Times-Bold", align="center", after=4), track=False),
        Para("ARGUED: Odessa Lamb, FEDERAL DEFENDER SERVICES OF EASTERN KENTUCKY, Lexington, "
             "Kentucky, for Appellant. Gareth Pike, UNITED STATES ATTORNEY'S OFFICE, Lexington, "
             "Kentucky, for Appellee.", cap.but(size=10, align="justify", after=6), track=False),
        Rule(1.0, before=0, after=8),
        Para("OPINION", cap.but(font="Times-Bold", align="center", after=4), track=False),
        Rule(1.0, before=0, after=8),
        Para("TATUM, Circuit Judge. Beatrix Whitcombe pleaded guilty to possessing a firearm "
             "as a felon, reserving her right to appeal the denial of her motion to suppress. "
             "We affirm.", body_st),
    ]
    plan = BodyPlan([("", 2), ("I.", 3), ("II.", 4), ("III.", 1)],
                    Style(font="Times-Bold", size=12, align="center", before=8, after=8),
                    body_st, note_every=5, hyphenate=True)
    blocks += body(w, plan, cited)

    def furniture(c, page, total):
        if page < 2:
            return Furniture()
        draw(c, "No. 18-5432", 72, H - 44, f, 10)
        draw(c, "United States v. Whitcombe", W / 2, H - 44, f, 10, "center")
        draw(c, f"Page {page}", W - 72, H - 44, f, 10, "right")
        return Furniture(heads=["United States v. Whitcombe", f"Page {page}"], label=str(page))

    data, rep = render(blocks, single(72, 72, 64, 66), furniture,
                       info={"Title": "File Name: 19a0123p.06",
                             "CreationDate": pdf_date("2019-06-12")},
                       note_style=Style(font=f, size=10, leading=12))
    return Fixture(
        "ca6_whitcombe.pdf", "Sixth Circuit published opinion (bracketed caption with the "
        "docket beside it, 'Decided and Filed:', three-part running head)", data,
        dict(title="United States v. Whitcombe", kind="opinion",
             site="United States Court of Appeals for the Sixth Circuit", jurisdiction="6th Cir.",
             date="2019-06-12", docket="No. 18-5432", citation="No. 18-5432",
             judge="Judge Tatum", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1}, extra={"page_number_lines": ["No. 18-5432"]})


def tenth_circuit() -> Fixture:
    """Tenth Circuit: the clerk's FILED stamp block at the top right with the date, PUBLISH,
    the docket after the caption, '(D.C. No. …) (W.D. Okla.)'."""
    cited = cases(random.Random(1212), 10)
    w = Writer(12, "Ogilvie", "The government", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=1)
    body_st = Style(font=f, size=13, leading=26, indent=36, after=0, align="left")
    blocks: list[Block] = [
        Side([("", cap)],
             [("FILED", cap.but(font="Times-Bold")), ("United States Court of Appeals", cap),
              ("Tenth Circuit", cap), ("", cap), ("March 9, 2018", cap.but(font="Times-Bold")),
              ("", cap), ("Elspeth R. Marchbanks", cap), ("Clerk of Court", cap)], split=0.55),
        *lines(["PUBLISH"], cap.but(font="Times-Bold", before=6), after_last=10),
        *lines(["UNITED STATES COURT OF APPEALS"], cap),
        *lines(["FOR THE TENTH CIRCUIT"], cap, after_last=12),
        Side([("UNITED STATES OF AMERICA,", cap.but(align="left")), ("", cap),
              ("Plaintiff - Appellee,", cap.but(align="left", left=40)),
              ("v.", cap.but(align="left", before=6, after=6)),
              ("HAROLD OGILVIE,", cap.but(align="left")), ("", cap),
              ("Defendant - Appellant.", cap.but(align="left", left=40))],
             [("", cap), ("", cap), ("", cap), ("No. 17-6042", cap.but(align="left"))],
             split=0.6),
        Rule(1.0, before=8, after=8),
        *lines(["APPEAL FROM THE UNITED STATES DISTRICT COURT",
                "FOR THE WESTERN DISTRICT OF OKLAHOMA", "(D.C. No. 5:16-CR-00123-F)"], cap),
        Rule(1.0, before=8, after=8),
        Para("Submitted on the briefs.", cap.but(align="left", after=8), track=False),
        Para("Cordelia Vance, Assistant Federal Public Defender, Oklahoma City, Oklahoma, for "
             "Defendant - Appellant.", cap.but(align="left", after=6), track=False),
        Para("Simon Achterberg, Assistant United States Attorney, Oklahoma City, Oklahoma, for "
             "Plaintiff - Appellee.", cap.but(align="left", after=6), track=False),
        Rule(1.0, before=8, after=8),
        *lines(["Before FENWICK, GALLOWAY, and HOLLOWAY, Circuit Judges."], cap),
        Rule(1.0, before=8, after=8),
        *lines(["GALLOWAY, Circuit Judge."], cap.but(align="left"), after_last=10),
    ]
    plan = BodyPlan([("", 3), ("I", 3), ("II", 4), ("III", 1)],
                    Style(font="Times-Bold", size=13, align="center", before=8, after=8),
                    body_st, note_every=4)
    blocks += body(w, plan, cited)
    blocks.append(Para("AFFIRMED.", body_st.but(indent=0), track=False))
    data, rep = render(blocks, single(72, 72, 60, 72), _numbers("{n}", f, 12),
                       info={"Title": "", "CreationDate": pdf_date("2018-03-09")},
                       note_style=Style(font=f, size=11, leading=13))
    return Fixture(
        "ca10_ogilvie.pdf", "Tenth Circuit published opinion (clerk's FILED stamp block with "
        "the date, docket beside the caption, double-spaced 13-point body)", data,
        dict(title="United States v. Ogilvie", kind="opinion",
             site="United States Court of Appeals for the Tenth Circuit",
             jurisdiction="10th Cir.", date="2018-03-09", docket="No. 17-6042",
             citation="No. 17-6042", judge="Judge Galloway", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1})


BUILDERS = [first_circuit, eighth_circuit, eleventh_circuit, second_circuit, sixth_circuit,
            tenth_circuit]
