"""The Supreme Court's slip opinion and state courts: North Carolina (neutral citation, day
before month), Missouri (Eastern District, Division Four), Ohio (Eighth District, "[Cite
as …]"), Washington (Division One, unpublished)."""

from __future__ import annotations

import random

from .kit import BodyPlan, Fixture, H, W, body, draw, lines, pdf_date, render, single
from .pdfonts import ensure
from .prose import Case, Writer, cases
from .typeset import Block, Break, Furniture, Gap, Para, Report, Rule, Side, Style

CITE_AS = "Cite as: 569 U. S. ____ (2013)"


def supreme_court() -> Fixture:
    """A slip opinion: syllabus first, "(Slip Opinion) OCTOBER TERM, 2012" and "Cite as:"
    heads, page numbers that restart with the opinion, a docket with an en dash."""
    ensure()
    cited = cases(random.Random(1313), 12, fixed=[Case("Bixby v. Marsh", "556 U.S. 332", "",
                                                       2009)])
    w = Writer(13, "Holloway", "The State", cited)
    f = "DejaVuSerif"
    cap = Style(font=f, size=11, align="center", after=2)
    body_st = Style(font=f, size=11.5, leading=15, indent=18, after=0, align="justify")
    syl_st = body_st.but(size=10.5, leading=13.5)
    syllabus: list[Block] = [
        Para("NOTE: A syllabus (headnote) is released with this opinion. It is no part of the "
             "opinion of the Court; the Reporter of Decisions prepared it for the reader's "
             "convenience.", syl_st.but(size=8.5, leading=10, indent=0, after=10), track=False),
        *lines(["SUPREME COURT OF THE UNITED STATES"], cap.but(size=12.5), after_last=6),
        *lines(["Syllabus"], cap, after_last=6),
        *lines(["HOLLOWAY v. PRICE, WARDEN"], cap),
        Para("CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT",
             cap.but(size=9.5, left=40, right=40, after=6), track=False),
        *lines(["No. 11–889. Argued January 9, 2013—Decided April 23, 2013"], cap.but(size=10),
               after_last=10),
    ]
    splan = BodyPlan([("", 4)], syl_st, syl_st, note_every=0, sentences=(4, 6))
    syllabus += body(w, splan, cited)
    syllabus.append(Para("NAKASHIMA, J., delivered the opinion of the Court, in which "
                         "ROBERTSON, C. J., and ALVAREZ, DUVALL, and KEMP, JJ., joined.",
                         syl_st, track=False))
    syl_pages = _count(syllabus, single(120, 120, 80, 80))
    opinion: list[Block] = [
        Break("page"),
        Para("NOTICE: This opinion is subject to formal revision before publication in the "
             "preliminary print of the United States Reports.", syl_st.but(size=8, leading=9.5,
                                                                           indent=0, after=12),
             track=False),
        *lines(["SUPREME COURT OF THE UNITED STATES"], cap.but(size=12.5), after_last=4),
        Rule(0.15, before=2, after=8),
        *lines(["No. 11–889"], cap, after_last=4),
        Rule(0.15, before=2, after=8),
        *lines(["GORDON HOLLOWAY, PETITIONER v. ESTHER PRICE, WARDEN"], cap.but(size=10)),
        Para("ON WRIT OF CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR THE NINTH "
             "CIRCUIT", cap.but(size=9.5, left=30, right=30, after=4), track=False),
        *lines(["[April 23, 2013]"], cap, after_last=10),
        Para("JUSTICE NAKASHIMA delivered the opinion of the Court.", body_st, track=False),
    ]
    oplan = BodyPlan([("", 3), ("I", 4), ("II", 2), ("A", 3), ("B", 4), ("III", 2)],
                     Style(font=f, size=11.5, align="center", before=8, after=6), body_st,
                     note_every=4)
    opinion += body(w, oplan, cited)
    opinion.append(Para("It is so ordered.", body_st.but(before=6), track=False))

    def furniture(c, page, total):
        in_syl = page <= syl_pages
        n = page if in_syl else page - syl_pages
        sub = "Syllabus" if in_syl else "Opinion of the Court"
        y = H - 52
        out = Furniture(label=str(n))
        if page == 1:
            draw(c, "(Slip Opinion)", 120, y, f, 9.5)
            draw(c, "OCTOBER TERM, 2012", W / 2, y, f, 9.5, "center")
            draw(c, "1", W - 120, y, f, 9.5, "right")
            out.heads += ["(Slip Opinion)", "OCTOBER TERM, 2012"]
            return out
        if n % 2 == 0:
            draw(c, str(n), 120, y, f, 9.5)
            draw(c, "HOLLOWAY v. PRICE", W / 2, y, f, 9.5, "center")
            out.heads.append("HOLLOWAY v. PRICE")
        else:
            draw(c, CITE_AS, W / 2, y, f, 9.5, "center")
            draw(c, str(n), W - 120, y, f, 9.5, "right")
            out.heads.append(CITE_AS)
        draw(c, sub, W / 2, y - 13, f, 9.5, "center")
        out.heads.append(sub)
        return out

    data, rep = render(syllabus + opinion, single(120, 120, 80, 80), furniture,
                       info={"Title": "11-889 Holloway v. Price (04/23/2013)",
                             "CreationDate": pdf_date("2013-04-23")},
                       note_style=Style(font=f, size=9, leading=11, indent=10, after=3))
    return Fixture(
        "scotus_holloway_slip.pdf", "Supreme Court slip opinion (syllabus, '(Slip Opinion)' "
        "and 'Cite as' heads, page numbers restarting with the opinion, 'No. 11–889')", data,
        dict(title="Holloway v. Price", kind="opinion", site="Supreme Court of the United States",
             jurisdiction="US", date="2013-04-23", docket="No. 11–889",
             citation="569 U.S. ___", judge="Justice Nakashima", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1, "docket": 1},
        extra={"opinion_starts": syl_pages + 1})


def _count(blocks: list[Block], frames) -> int:
    from .typeset import Typesetter
    ts = Typesetter(frames, lambda c, p, t: Furniture())
    return ts._run(blocks, None, Report(), 0)


def north_carolina() -> Fixture:
    """State supreme court: neutral citation "2022-NCSC-14", "Filed 11 March 2022", the trial
    county and a lower-court reporter citation on page 1, three-line running head."""
    cited = cases(random.Random(1414), 9)
    w = Writer(14, "Fenwick", "The State", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="center", after=2)
    body_st = Style(font=f, size=12, leading=24, indent=36, after=0, align="justify")
    blocks: list[Block] = [
        *lines(["IN THE SUPREME COURT OF NORTH CAROLINA"], cap.but(font="Times-Bold"),
               after_last=8),
        *lines(["2022-NCSC-14"], cap, after_last=8),
        *lines(["No. 256A20"], cap, after_last=8),
        *lines(["Filed 11 March 2022"], cap, after_last=12),
        *lines(["STATE OF NORTH CAROLINA", "v.", "ANTHONY RAY FENWICK"], cap, after_last=12),
        Para("On discretionary review pursuant to N.C.G.S. § 7A-31 of a unanimous decision of "
             "the Court of Appeals, 271 N.C. App. 512, 843 S.E.2d 701 (2020), affirming a "
             "judgment entered on 2 February 2018 by Judge Harriet Stroud in Superior Court, "
             "Wake County. Heard in the Supreme Court on 4 October 2021.",
             body_st.but(leading=15, after=10), track=False),
        Para("Marcus Ellery, Attorney General, by Rhiannon Voss, Assistant Attorney General, "
             "for the State-appellee.", body_st.but(leading=15, indent=0, after=6), track=False),
        Para("Glenda Pruett, Appellate Defender, by Amos Keane, Assistant Appellate Defender, "
             "for defendant-appellant.", body_st.but(leading=15, indent=0, after=14), track=False),
        Para("HOLLIS, Justice.", body_st.but(indent=0, after=4), keep=True, track=False),
    ]
    plan = BodyPlan([("", 2), ("I. Background", 3), ("II. Analysis", 4),
                     ("III. Conclusion", 1)],
                    Style(font="Times-Bold", size=12, align="left", before=8, after=4), body_st,
                    note_every=0, sentences=(3, 5),
                    fixed={1: "The trial court entered judgment on the verdict, and the "
                              "sentence it imposed on 2 February 2018 ran consecutively to "
                              "a sentence defendant was already serving."})
    paras = body(w, plan, cited)
    n = 0
    for b in paras:  # paragraph numbers, as the court prints them
        if isinstance(b, Para) and b.track:
            n += 1
            b.text = f"¶ {n} " + b.text
    blocks += paras
    blocks.append(Para("AFFIRMED.", body_st.but(indent=0), track=False))

    def furniture(c, page, total):
        if page < 2:
            return Furniture()
        for i, t in enumerate(["STATE V. FENWICK", "2022-NCSC-14", "Opinion of the Court"]):
            draw(c, t, W / 2, H - 40 - 13 * i, f, 11, "center")
        draw(c, f"-{page}-", W / 2, 36, f, 11, "center")
        return Furniture(heads=["STATE V. FENWICK", "Opinion of the Court"], label=str(page))

    data, rep = render(blocks, single(72, 72, 90, 66), furniture,
                       info={"Title": "256A20", "CreationDate": pdf_date("2022-03-10")})
    return Fixture(
        "nc_supreme_fenwick.pdf", "State supreme court opinion (neutral citation, 'Filed 11 "
        "March 2022', trial county and a lower-court reporter cite on page 1, ¶ numbers)", data,
        dict(title="State v. Fenwick", kind="opinion", site="Supreme Court of North Carolina",
             jurisdiction="NC", date="2022-03-11", docket="No. 256A20",
             citation="2022-NCSC-14", judge="Justice Hollis", doc_type="Opinion"),
        rep, provenance={"title": 1, "date": 1, "citation": 1})


def missouri() -> Fixture:
    """Intermediate appellate court with district and division, a ")" caption box, the
    trial court in the City of St. Louis, the author's name at the end."""
    cited = cases(random.Random(1515), 8)
    w = Writer(15, "Prewitt", "The State", cited)
    f = "Helvetica"
    cap = Style(font=f, size=11, align="left", after=0, leading=14)
    body_st = Style(font=f, size=11, leading=22, indent=36, after=0, align="left")
    blocks: list[Block] = [
        *lines(["In the"], cap.but(align="center")),
        *lines(["Missouri Court of Appeals"], cap.but(align="center", font="Helvetica-Bold",
                                                      size=16, leading=20)),
        *lines(["Eastern District"], cap.but(align="center", size=13)),
        *lines(["DIVISION FOUR"], cap.but(align="center"), after_last=14),
        Side([("STATE OF MISSOURI,", cap), ("", cap), ("Respondent,", cap.but(left=40)),
              ("", cap), ("vs.", cap), ("", cap), ("DEVONTE L. PREWITT,", cap), ("", cap),
              ("Appellant.", cap.but(left=40))],
             [("No. ED106789", cap), ("", cap), ("Appeal from the Circuit Court", cap),
              ("of the City of St. Louis", cap), ("", cap),
              ("Honorable Marguerite Dalby", cap), ("", cap), ("Filed: May 14, 2019", cap)],
             split=0.46, bar=")"),
        Gap(16),
        *lines(["OPINION"], cap.but(align="center", font="Helvetica-Bold"), after_last=10),
    ]
    plan = BodyPlan([("", 3), ("Background", 3), ("Discussion", 4), ("Conclusion", 1)],
                    Style(font="Helvetica-Bold", size=11, align="left", before=8, after=6),
                    body_st, note_every=0, sentences=(3, 5))
    blocks += body(w, plan, cited)
    blocks += [Gap(20), *lines(["PHILIPPA R. STRAND, Presiding Judge"], cap.but(left=250)),
               Gap(10), Para("Colm T. Vasquez, J., and Aurelia Pike, J., concur.", cap,
                             track=False)]
    data, rep = render(blocks, single(72, 72, 72, 72), _foot(f, 10),
                       info={"Title": "ED106789", "Author": "mocourts",
                             "CreationDate": pdf_date("2019-05-15")})
    return Fixture(
        "mo_ct_app_prewitt.pdf", "Missouri Court of Appeals, Eastern District, Division Four "
        "(caption in a ')' box beside the docket, author named at the end)", data,
        dict(title="State v. Prewitt", kind="opinion",
             site="Missouri Court of Appeals, Eastern District, Division Four",
             jurisdiction="MO", date="2019-05-14", docket="No. ED106789",
             citation="No. ED106789", judge="Judge Strand", doc_type="Slip opinion"),
        rep, provenance={"title": 1, "date": 1})


def _foot(font: str, size: float, fmt: str = "{n}"):
    def furniture(c, page, total):
        draw(c, fmt.format(n=page), W / 2, 36, font, size, "center")
        return Furniture(label=str(page))
    return furniture


def ohio() -> Fixture:
    """Ohio intermediate court: "[Cite as State v. Nettles, 2019-Ohio-1234.]" at the top,
    "RELEASED AND JOURNALIZED:", a ":" caption, "{¶ 1}" paragraph numbers."""
    cited = cases(random.Random(1616), 8)
    w = Writer(16, "Nettles", "The State", cited)
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="left", after=0)
    body_st = Style(font=f, size=12, leading=24, indent=36, after=0, align="left")
    blocks: list[Block] = [
        *lines(["[Cite as State v. Nettles, 2019-Ohio-1234.]"], cap.but(size=10),
               after_last=14),
        *lines(["COURT OF APPEALS OF OHIO"], cap.but(align="center", font="Times-Bold")),
        *lines(["EIGHTH APPELLATE DISTRICT", "COUNTY OF CUYAHOGA"], cap.but(align="center"),
               after_last=12),
        Side([("STATE OF OHIO,", cap), ("", cap), ("Plaintiff-Appellee,", cap.but(left=40)),
              ("", cap), ("v.", cap.but(left=20)), ("", cap), ("CORDELL NETTLES,", cap),
              ("", cap), ("Defendant-Appellant.", cap.but(left=40))],
             [("", cap), ("", cap), ("No. 106543", cap)], split=0.5, bar=":"),
        Gap(12),
        *lines(["JOURNAL ENTRY AND OPINION"], cap.but(align="center", font="Times-Bold"),
               after_last=10),
        *lines(["JUDGMENT: AFFIRMED", "RELEASED AND JOURNALIZED: April 4, 2019"], cap,
               after_last=10),
        Para("Criminal Appeal from the Cuyahoga County Court of Common Pleas, Case No. "
             "CR-17-618232-A", cap.but(after=10), track=False),
        *lines(["Appearances:"], cap.but(font="Times-Italic"), after_last=4),
        Para("Dorian Hale, Cuyahoga County Prosecuting Attorney, and Amara Voss, Assistant "
             "Prosecuting Attorney, for appellee.", cap.but(left=36, after=6), track=False),
        Para("Ines Okonjo, for appellant.", cap.but(left=36, after=14), track=False),
        Para("LUCIEN BRANDT, J.:", cap.but(font="Times-Bold", after=6), keep=True, track=False),
    ]
    plan = BodyPlan([("", 3), ("Procedural History", 3), ("Law and Analysis", 4)],
                    Style(font="Times-Bold", size=12, align="center", before=8, after=8),
                    body_st, note_every=0, sentences=(3, 5))
    paras = body(w, plan, cited)
    n = 0
    for b in paras:
        if isinstance(b, Para) and b.track:
            n += 1
            b.text = f"{{¶ {n}}} " + b.text
    blocks += paras
    data, rep = render(blocks, single(72, 72, 60, 72), _foot(f, 11),
                       info={"Title": "State v. Nettles", "CreationDate": pdf_date("2019-04-03")})
    return Fixture(
        "ohio_8th_dist_nettles.pdf", "Ohio court of appeals opinion ('[Cite as …]' line, "
        "'RELEASED AND JOURNALIZED:', ':' caption, {¶ n} numbers, Cuyahoga County)", data,
        dict(title="State v. Nettles", kind="opinion",
             site="Court of Appeals of Ohio, Eighth Appellate District", jurisdiction="OH",
             date="2019-04-04", docket="No. 106543", citation="2019-Ohio-1234",
             judge="Judge Brandt", doc_type="Opinion"),
        rep, provenance={"title": 1, "date": 1, "citation": 1})


def washington() -> Fixture:
    """Washington Court of Appeals, Division One, unpublished: the clerk's FILED stamp with a
    numeric date, the division beside the caption, "No. 81234-5-I/2" page feet."""
    ensure()
    cited = cases(random.Random(1717), 8)
    w = Writer(17, "Upshaw", "The State", cited)
    f = "DejaVuSans"
    cap = Style(font=f, size=10.5, align="left", after=0, leading=14)
    body_st = Style(font=f, size=10.5, leading=21, indent=36, after=0, align="left")
    blocks: list[Block] = [
        Side([("", cap)], [("FILED", cap.but(font="DejaVuSans-Bold", size=8)),
                           ("3/15/2021", cap.but(size=8)),
                           ("Court of Appeals", cap.but(size=8)),
                           ("Division I", cap.but(size=8)),
                           ("State of Washington", cap.but(size=8))], split=0.78),
        Gap(8),
        *lines(["IN THE COURT OF APPEALS OF THE STATE OF WASHINGTON"],
               cap.but(align="center", font="DejaVuSans-Bold"), after_last=12),
        Side([("STATE OF WASHINGTON,", cap), ("", cap), ("Respondent,", cap.but(left=60)),
              ("", cap), ("v.", cap.but(left=30)), ("", cap), ("TOBIAS UPSHAW,", cap),
              ("", cap), ("Appellant.", cap.but(left=60))],
             [("No. 81234-5-I", cap), ("", cap), ("DIVISION ONE", cap), ("", cap),
              ("UNPUBLISHED OPINION", cap)], split=0.5, bar="rule"),
        Gap(14),
    ]
    first = ("OKONKWO-BELL, J. — Tobias Upshaw appeals his conviction for unlawful possession "
             "of a controlled substance with intent to deliver. He argues that the trial court "
             "should have suppressed evidence found during a search of his backpack. We "
             "affirm.")
    plan = BodyPlan([("", 2), ("FACTS", 3), ("ANALYSIS", 4)],
                    Style(font="DejaVuSans-Bold", size=10.5, align="center", before=8, after=8),
                    body_st, note_every=0, sentences=(3, 5), fixed={0: first})
    blocks += body(w, plan, cited)
    blocks += [Para("WE CONCUR:", cap.but(before=20), track=False)]
    data, rep = render(blocks, single(72, 72, 60, 72),
                       _foot(f, 9, "No. 81234-5-I/{n}"),
                       info={"Title": "812345 - Public - Opinion",
                             "CreationDate": pdf_date("2021-03-15")})
    rep.labels = {k: v for k, v in rep.labels.items()}
    return Fixture(
        "wa_ct_app_upshaw_unpublished.pdf", "Washington Court of Appeals, Division One, "
        "unpublished (FILED stamp with 3/15/2021, division beside the caption, docket/page "
        "feet)", data,
        dict(title="State v. Upshaw", kind="opinion",
             site="Court of Appeals of the State of Washington, Division One",
             jurisdiction="WA",
             date="2021-03-15", docket="No. 81234-5-I", citation="No. 81234-5-I",
             judge="Judge Okonkwo-Bell", doc_type="Unpublished opinion"),
        rep, provenance={"title": 1, "date": 1},
        extra={"page_number_lines": [f"No. 81234-5-I/{n}" for n in range(1, 9)]})


BUILDERS = [supreme_court, north_carolina, missouri, ohio, washington]
