"""Court filings from electronic dockets: a docket stamp on every page, captions with the
roles on their own lines, the filing's type in capitals below the caption."""

from __future__ import annotations

import random

from .kit import Fixture, H, W, combine, draw, ecf_header, lines, pdf_date, render, single
from .pdfonts import ensure
from .typeset import Block, Furniture, Gap, Para, Rule, Side, Style

MOTION = [
    "Counsel was appointed on {d1} and received the record only last week; the transcript of "
    "the suppression hearing alone runs to more than four hundred pages.",
    "The issues on appeal include a well-known but unsettled question about the scope of a "
    "search incident to arrest, which counsel must research with care.",
    "Counsel has conferred with opposing counsel, who stated that the government takes no "
    "position on this motion.",
    "No previous extension has been requested, and the requested extension will not prejudice "
    "any party or delay the court's consideration of the appeal.",
    "The client is in custody at an out-of-state facility, and legal calls must be scheduled "
    "at least a week in advance.",
    "Counsel is also responsible for two other briefs due in the same period, including a "
    "post-conviction appeal with a firm deadline.",
    "This motion is made in good faith and not for the purpose of delay.",
    "The district court's order addressed the claim in a single sentence, and the parties "
    "will need to brief the record in some detail.",
    "Plaintiff alleges that officers entered her apartment without a warrant during a "
    "so-called welfare check and held her on the floor for several minutes.",
    "The complaint does not allege facts that, taken as true, show a policy or custom of the "
    "municipality that caused the alleged injury.",
    "A claim against a municipality cannot rest on the theory that it employs someone who "
    "violated the plaintiff's rights; the plaintiff must plead a policy or a long-standing "
    "practice.",
    "Plaintiff's remaining state-law claims should be dismissed without prejudice once the "
    "federal claims are dismissed.",
    "The opening brief addresses four distinct claims, each of which the district court "
    "decided on a separate ground.",
    "A brief within the word limit would require counsel to omit the record-based argument "
    "on the second claim, which is the heart of the appeal.",
    "The panel decision conflicts with a decision of this court on the same question, and "
    "consideration by the full court is necessary to secure uniformity.",
    "The question is of exceptional importance because it affects every traffic stop in the "
    "circuit in which officers find a passenger's bag.",
]


def _paras(seed: int, n: int, d1: str, st: Style) -> list[Block]:
    rng = random.Random(seed)
    out: list[Block] = []
    order = list(range(len(MOTION)))
    rng.shuffle(order)
    for i in range(n):
        k = rng.randint(2, 4)
        text = " ".join(MOTION[order[(i * 3 + j) % len(order)]] for j in range(k))
        out.append(Para(f"{i + 1}. " + text.format(d1=d1), st))
    return out


def _signature(names: list[str], st: Style) -> list[Block]:
    return [Gap(12), *lines(["Respectfully submitted,", "", *names], st.but(left=260, after=0))]


def third_circuit_motion() -> Fixture:
    cap = Style(font="Times-Roman", size=12, align="center", after=1)
    body = Style(font="Times-Roman", size=12, leading=24, indent=36, after=0, align="left")
    blocks: list[Block] = [
        *lines(["IN THE UNITED STATES COURT OF APPEALS", "FOR THE THIRD CIRCUIT"], cap,
               after_last=10),
        *lines(["No. 17-2543"], cap, after_last=12),
        *lines(["UNITED STATES OF AMERICA,"], cap),
        *lines(["Appellee,"], cap.but(align="left", left=300)),
        *lines(["v."], cap.but(before=6, after=6)),
        *lines(["LAMAR T. EASTERLY,"], cap),
        *lines(["Appellant."], cap.but(align="left", left=300), after_last=14),
        Para("APPELLANT'S MOTION FOR AN EXTENSION OF TIME TO FILE OPENING BRIEF",
             cap.but(font="Times-Bold", left=50, right=50, after=14), track=False),
        Para("Appellant Lamar T. Easterly, through undersigned counsel, moves for a thirty-day "
             "extension of the time to file his opening brief and appendix, now due on June "
             "26, 2017. In support, counsel states:", body),
    ]
    blocks += _paras(31, 6, "May 30, 2017", body)
    blocks += _signature(["/s/ Ruth Abernathy", "Ruth Abernathy", "Assistant Federal Defender",
                          "601 Walnut Street, Suite 540", "Philadelphia, PA 19106"],
                         cap.but(align="left"))
    data, rep = render(blocks, single(72, 72, 72, 72), ecf_header(
        "Case: 17-2543  Document: 003112692106  Page: {n}  Date Filed: 06/12/2017"),
        info={"Title": "Motion", "Author": "rabernathy", "CreationDate": pdf_date("2017-06-12")})
    return Fixture(
        "ca3_easterly_motion.pdf", "Third Circuit motion with the appellate docket stamp on "
        "every page and a Philadelphia address", data,
        dict(title="United States v. Easterly", kind="filing",
             site="United States Court of Appeals for the Third Circuit", jurisdiction="3d Cir.",
             date="2017-06-12", docket="No. 17-2543", citation="No. 17-2543",
             doc_type="Appellant's Motion for an Extension of Time to File Opening Brief"),
        rep, provenance={"title": 1, "date": 1, "doc_type": 1})


def maryland_memorandum() -> Fixture:
    cap = Style(font="Times-Roman", size=12, align="left", after=0, leading=15)
    body = Style(font="Times-Roman", size=12, leading=24, indent=36, after=0, align="justify")
    blocks: list[Block] = [
        *lines(["IN THE UNITED STATES DISTRICT COURT", "FOR THE DISTRICT OF MARYLAND"],
               cap.but(align="center", font="Times-Bold"), after_last=14),
        Side([("ALONDRA ROE,", cap), ("", cap), ("Plaintiff,", cap.but(left=36)), ("", cap),
              ("v.", cap), ("", cap), ("CITY OF HARLOW, et al.,", cap), ("", cap),
              ("Defendants.", cap.but(left=36))],
             [("", cap), ("", cap), ("", cap), ("", cap),
              ("Civil Action No. 1:18-cv-02231-GLR", cap)], split=0.45, bar="*"),
        Rule(0.5, before=8, after=12),
        Para("MEMORANDUM OF LAW IN SUPPORT OF DEFENDANTS' MOTION TO DISMISS",
             cap.but(align="center", font="Times-Bold", after=12), track=False),
        Para("Defendants City of Harlow and Officer Dwayne Brisco, by their undersigned "
             "counsel, submit this memorandum in support of their motion to dismiss the "
             "Amended Complaint under Federal Rule of Civil Procedure 12(b)(6).", body),
        Para("I. INTRODUCTION", cap.but(font="Times-Bold", before=6, after=6), keep=True,
             track=False),
    ]
    blocks += _paras(32, 3, "March 2, 2018", body)
    blocks.append(Para("II. ARGUMENT", cap.but(font="Times-Bold", before=6, after=6),
                       keep=True, track=False))
    blocks += _paras(33, 5, "March 2, 2018", body)
    blocks += _signature(["/s/ Eliza Marchetti", "Eliza Marchetti (Bar No. 28811)",
                          "City Solicitor's Office", "100 N. Holliday Street",
                          "Baltimore, Maryland 21202"], cap)
    data, rep = render(blocks, single(72, 72, 72, 72), ecf_header(
        "Case 1:18-cv-02231-GLR Document 31-1 Filed 10/09/18 Page {n} of {total}",
        font="Helvetica", size=9), info={"Title": "Microsoft Word - MTD memo final.docx",
                                         "CreationDate": pdf_date("2018-10-08")})
    return Fixture(
        "d_md_roe_memorandum.pdf", "District court memorandum with the district docket stamp "
        "('Case … Document … Filed … Page 1 of 6'), an asterisk caption box, a Baltimore "
        "address", data,
        dict(title="Roe v. City of Harlow", kind="filing",
             site="United States District Court for the District of Maryland",
             jurisdiction="D. Md.", date="2018-10-09", docket="No. 1:18-cv-02231-GLR",
             citation="No. 1:18-cv-02231-GLR",
             doc_type="Memorandum of Law in Support of Defendants' Motion to Dismiss"),
        rep, provenance={"title": 1, "date": 1})


def ninth_circuit_motion() -> Fixture:
    ensure()
    f = "DejaVuSans"
    cap = Style(font=f, size=11, align="left", after=0, leading=15)
    body = Style(font=f, size=11, leading=22, indent=36, after=0, align="left")
    blocks: list[Block] = [
        *lines(["No. 19-35012"], cap.but(align="center"), after_last=10),
        *lines(["IN THE UNITED STATES COURT OF APPEALS", "FOR THE NINTH CIRCUIT"],
               cap.but(align="center", font="DejaVuSans-Bold"), after_last=14),
        *lines(["PRISCILLA YARDLEY,"], cap.but(align="center")),
        *lines(["Plaintiff-Appellant,"], cap.but(align="center"), after_last=6),
        *lines(["v."], cap.but(align="center"), after_last=6),
        *lines(["KING COUNTY, et al.,"], cap.but(align="center")),
        *lines(["Defendants-Appellees."], cap.but(align="center"), after_last=14),
        *lines(["On Appeal from the United States District Court",
                "for the Western District of Washington", "No. 2:18-cv-01122"],
               cap.but(align="center"), after_last=14),
        Para("APPELLANT'S MOTION TO FILE AN OVERSIZED OPENING BRIEF",
             cap.but(align="center", font="DejaVuSans-Bold", after=14), track=False),
    ]
    blocks += _paras(34, 5, "March 1, 2019", body)
    blocks += _signature(["s/ Mateo Quarles", "Mateo Quarles", "Quarles Civil Rights Law",
                          "1111 Third Avenue, Suite 2200", "Seattle, WA 98101"], cap)
    data, rep = render(blocks, single(72, 72, 72, 72), ecf_header(
        "Case: 19-35012, 04/22/2019, ID: 11272104, DktEntry: 14, Page {n} of {total}",
        size=8), info={"Title": "19-35012 motion", "CreationDate": pdf_date("2019-04-22")})
    return Fixture(
        "ca9_yardley_motion.pdf", "Ninth Circuit motion (comma-separated docket stamp, docket "
        "above the court, a Seattle address)", data,
        dict(title="Yardley v. King County", kind="filing",
             site="United States Court of Appeals for the Ninth Circuit", jurisdiction="9th Cir.",
             date="2019-04-22", docket="No. 19-35012", citation="No. 19-35012",
             doc_type="Appellant's Motion to File an Oversized Opening Brief"),
        rep, provenance={"title": 1, "date": 1})


def sixth_circuit_petition() -> Fixture:
    cap = Style(font="Courier", size=11, align="center", after=0, leading=14)
    body = Style(font="Courier", size=11, leading=22, indent=36, after=0, align="left")
    blocks: list[Block] = [
        *lines(["No. 18-5432"], cap, after_last=12),
        *lines(["UNITED STATES COURT OF APPEALS", "FOR THE SIXTH CIRCUIT"], cap,
               after_last=12),
        *lines(["UNITED STATES OF AMERICA,", "Plaintiff-Appellee,", "", "v.", "",
                "BEATRIX WHITCOMBE,", "Defendant-Appellant."], cap, after_last=12),
        *lines(["On Appeal from the United States District Court",
                "for the Eastern District of Kentucky"], cap, after_last=14),
        *lines(["PETITION FOR REHEARING EN BANC"], cap.but(font="Courier-Bold"),
               after_last=14),
    ]
    blocks += _paras(35, 5, "June 12, 2019", body)
    blocks += _signature(["/s/ Odessa Lamb", "Federal Defender Services",
                          "of Eastern Kentucky", "Lexington, Kentucky 40507"],
                         cap.but(align="left"))
    data, rep = render(blocks, single(72, 72, 72, 72), ecf_header(
        "Case: 18-5432  Document: 38  Filed: 07/02/2019  Page: {n}", font="Helvetica"),
        info={"Title": "Petition", "CreationDate": pdf_date("2019-07-01")})
    return Fixture(
        "ca6_whitcombe_petition.pdf", "Sixth Circuit petition for rehearing in a typewriter "
        "face, the docket stamp with 'Filed:'", data,
        dict(title="United States v. Whitcombe", kind="filing",
             site="United States Court of Appeals for the Sixth Circuit", jurisdiction="6th Cir.",
             date="2019-07-02", docket="No. 18-5432", citation="No. 18-5432",
             doc_type="Petition for Rehearing En Banc"),
        rep, provenance={"title": 1, "date": 1})


def fax_cover_order() -> Fixture:
    """Bad input: a fax cover sheet before the caption of a district-court order."""
    cap = Style(font="Times-Roman", size=12, align="center", after=0, leading=15)
    body = Style(font="Times-Roman", size=12, leading=24, indent=36, after=0, align="left")
    fax = Style(font="Helvetica", size=12, align="left", after=0, leading=20)
    blocks: list[Block] = [
        *lines(["FAX TRANSMITTAL"], fax.but(font="Helvetica-Bold", size=20, leading=26),
               after_last=20),
        *lines(["DATE: 04/03/2018", "TO: Clerk, Brannock County Law Library",
                "FAX: (555) 010-0199", "FROM: Chambers Records Desk",
                "RE: Vickery v. City of Brannock — Order (Dkt. 22)",
                "PAGES: 4 (including cover)"], fax, after_last=24),
        Para("CONFIDENTIALITY NOTICE: The pages that follow may contain privileged material. "
             "If you received them in error, please call the sender and destroy them.",
             fax.but(size=9, leading=11), track=False),
        Gap(1), Rule(1.0), Para("", fax, track=False),
    ]
    from .typeset import Break
    blocks += [Break("page"),
               *lines(["UNITED STATES DISTRICT COURT", "WESTERN DISTRICT OF WASHINGTON",
                       "AT SEATTLE"], cap, after_last=14),
               Side([("MARISOL VICKERY,", cap.but(align="left")), ("", cap),
                     ("Plaintiff,", cap.but(align="left", left=40)), ("", cap),
                     ("v.", cap.but(align="left", left=20)), ("", cap),
                     ("CITY OF BRANNOCK,", cap.but(align="left")), ("", cap),
                     ("Defendant.", cap.but(align="left", left=40))],
                    [("CASE NO. C17-0815JLR", cap.but(align="left")), ("", cap),
                     ("ORDER GRANTING IN PART", cap.but(align="left")),
                     ("MOTION TO COMPEL", cap.but(align="left"))], split=0.5, bar="rule"),
               Gap(14), *lines(["I. INTRODUCTION"], cap.but(font="Times-Bold"), after_last=8)]
    blocks += _paras(36, 4, "January 8, 2018", body)
    blocks += [*lines(["Dated this 2nd day of April, 2018."], cap.but(align="left", left=36),
                      after_last=20),
               *lines(["A", "JAMES L. ROOKSBY", "United States District Judge"],
                      cap.but(align="left", left=260))]
    stamp = ecf_header("Case 2:17-cv-00815-JLR Document 22 Filed 04/02/18 Page {n} of {total}",
                       font="Helvetica", size=9)

    def furniture(c, page, total):
        if page == 1:
            return Furniture()
        return stamp(c, page - 1, total - 1 if total else 0)

    def fax_line(c, page, total):
        text = f"04/03/2018 09:{14 + page:02d} FAX 5550100142 CHAMBERS RECORDS P.{page:03d}/004"
        draw(c, text, 40, H - 14, "Courier", 8)
        return Furniture(heads=[text] if total else [])

    data, rep = render(blocks, single(72, 72, 72, 72), combine(fax_line, furniture),
                       info={"Title": "fax04032018", "CreationDate": pdf_date("2018-04-03")})
    return Fixture(
        "fax_cover_order.pdf", "Bad input: a fax cover sheet (its own DATE:, TO:, RE: lines) "
        "before a district-court order with a docket stamp; fax header lines on every page",
        data,
        dict(title="Vickery v. City of Brannock", kind="filing",
             site="United States District Court for the Western District of Washington",
             jurisdiction="W.D. Wash.", date="2018-04-02", docket="No. C17-0815JLR",
             citation="No. C17-0815JLR", doc_type="Order Granting in Part Motion to Compel"),
        rep, provenance={"title": 2, "date": 2})


def varying_headers_petition() -> Fixture:
    """Bad input: every page repeats a different header (a different exhibit name)."""
    cap = Style(font="Times-Roman", size=12, align="center", after=0, leading=15)
    body = Style(font="Times-Roman", size=12, leading=24, indent=36, after=0, align="left")
    blocks: list[Block] = [
        Para("IN THE CIRCUIT COURT OF THE FOURTEENTH JUDICIAL CIRCUIT IN AND FOR BRANNOCK "
             "COUNTY, FLORIDA", cap.but(left=40, right=40, after=12), track=False),
        Side([("HECTOR GALLOWAY,", cap.but(align="left")),
              ("Petitioner,", cap.but(align="left", left=40)), ("", cap),
              ("v.", cap.but(align="left", left=20)), ("", cap),
              ("STATE OF FLORIDA,", cap.but(align="left")),
              ("Respondent.", cap.but(align="left", left=40))],
             [("Case No. 2016-CF-004417", cap.but(align="left")),
              ("Division: Felony", cap.but(align="left"))], split=0.55, bar="/"),
        Gap(14),
        *lines(["PETITION FOR POST-CONVICTION RELIEF"], cap.but(font="Times-Bold"),
               after_last=12),
    ]
    blocks += _paras(37, 7, "August 3, 2018", body)
    blocks += [*lines(["Dated: March 1, 2019"], cap.but(align="left", left=36), after_last=10)]
    blocks += _signature(["/s/ Hector Galloway", "DC# T41177", "Brannock Correctional "
                          "Institution"], cap.but(align="left"))
    heads = ["Exhibit list and record citations", "Grounds one and two: counsel's failure to "
             "investigate", "Ground three: the plea colloquy", "Ground four: newly discovered "
             "evidence", "Oath and certificate of service", "Appendix: trial transcript "
             "excerpts", "Appendix: sentencing order"]

    def furniture(c, page, total):
        head = heads[(page - 1) % len(heads)]
        draw(c, f"Petition of Hector Galloway — {head}", W / 2, H - 36, "Times-Italic", 10,
             "center")
        draw(c, f"Page {page} of {total or 9}", W / 2, 36, "Times-Roman", 10, "center")
        return Furniture(label=str(page))

    data, rep = render(blocks, single(72, 72, 72, 72), furniture,
                       info={"Title": "Petition", "CreationDate": pdf_date("2019-03-04")})
    return Fixture(
        "varying_headers_petition.pdf", "Bad input: a state-court petition whose every page "
        "repeats a different header line", data,
        dict(title="Galloway v. State", kind="filing",
             site="Circuit Court of the Fourteenth Judicial Circuit, Brannock County, Florida",
             jurisdiction="FL", date="2019-03-01", docket="No. 2016-CF-004417",
             citation="No. 2016-CF-004417", doc_type="Petition for Post-Conviction Relief"),
        rep, provenance={"title": 1})


BUILDERS = [third_circuit_motion, maryland_memorandum, ninth_circuit_motion,
            sixth_circuit_petition, fax_cover_order, varying_headers_petition]
