"""Test PDFs in the layouts of real court and government documents (all text fictional),
made with :mod:`tests.core.pdf_typeset`: a circuit slip opinion, a Supreme Court-style
slip opinion, an electronic-docket filing, a three-column Federal Register-style notice, a
journal reprint, a document whose every page has its own header, and a letterhead with
letter-spaced and fake-bold lines above a two-column article with two author blocks."""

from __future__ import annotations

from pathlib import Path

from tests.core.pdf_typeset import (
    H,
    Heading,
    Item,
    Para,
    Typeset,
    W,
    body_lines,
)


class Sentences:
    """Numbered sentences of body text, so a test can check that each one comes out whole
    and in order."""

    def __init__(self) -> None:
        self.made: list[str] = []

    def __call__(self, n: int) -> str:
        out = []
        for _ in range(n):
            k = len(self.made) + 1
            s = (f"Sentence {k} of the record says that the panel read the statute in light "
                 f"of its text, its structure and its stated purpose.")
            self.made.append(s)
            out.append(s)
        return " ".join(out)


# -- a circuit slip opinion ---------------------------------------------------------------
OPINION_SENTENCES = [
    "After the hearing the district court transferred him to the custody of the Oklahoma "
    "Department of Corrections, where he remained until his release.",
    "judgment was entered on 2 February 2018, and the appeal followed.",
    "Her out-of-state license was well-known to the officers who ran a 12-step program "
    "for drug-induced harms in the community.",
]
OPINION_COMPOUNDS = ["out-of-state", "well-known", "12-step", "drug-induced"]


def circuit_opinion(path: Path) -> Path:
    pdf = Typeset(path, title="Word Document")
    caption = [
        Item(W / 2, H - 80, "United States Court of Appeals", "Times-Bold", 14, align="center"),
        Item(W / 2, H - 98, "FOR THE DISTRICT OF COLUMBIA CIRCUIT", "Times-Roman", 12,
             align="center"),
        Item(W / 2, H - 124, "Argued September 3, 2008   Decided February 5, 2010",
             "Times-Roman", 11, align="center"),
        Item(W / 2, H - 142, "No. 07-3125", "Times-Roman", 11, align="center"),
        Item(W / 2, H - 168, "UNITED STATES OF AMERICA,", "Times-Roman", 11, align="center"),
        Item(W / 2, H - 182, "APPELLEE", "Times-Roman", 11, align="center"),
        Item(W / 2, H - 200, "v.", "Times-Roman", 11, align="center"),
        Item(W / 2, H - 218, "MARTIN Q. OSTROWSKI,", "Times-Roman", 11, align="center"),
        Item(W / 2, H - 232, "APPELLANT", "Times-Roman", 11, align="center"),
    ]
    p1 = [
        "Martin Ostrowski pleaded guilty in 2016 to a charge of possession. After the",
        "hearing the district court transferred him to the custody of the Oklahoma",
        "Department of Corrections, where he remained until his release. The court then",
        "set a schedule for the remaining motions and asked the parties to confer about",
        "the scope of the record that would go up on appeal in this matter today and",
        "later. The parties agreed on the record, and the district court accepted their",
        "stipulation without a hearing of any kind at all, which both sides now accept.",
        "Ostrowski then moved to vacate the sentence. The court held a hearing, and the",
        "judgment was entered on 2",
    ]
    items = caption + body_lines(p1, top=H - 250, indent=[0])
    pdf.add_page(items)

    def head(n: int) -> list[Item]:
        if n % 2 == 0:
            return [Item(72, H - 50, str(n), "Times-Roman", 11),
                    Item(W - 72, H - 50, "No. 07-3125", "Times-Roman", 11, align="right")]
        return [Item(72, H - 50, "UNITED STATES v. OSTROWSKI", "Times-Roman", 11),
                Item(W - 72, H - 50, str(n), "Times-Roman", 11, align="right")]

    p2 = [
        "February 2018, and the appeal followed. We have jurisdiction over the appeal and",
        "review the legal questions de novo.1",
    ]
    p2b = [
        "Her out-of-",
        "state license was well-known to the officers who ran a 12-",
        "step program for drug-induced harms in the community. Their treat-",
        "ment plan was reviewed by the commu-",
        "nity board each year, and the board kept its minutes open to the public.",
        "The board met in the evening so that working people could attend, and it",
        "published the minutes within a week of each meeting for anyone to read and",
    ]
    items = (head(2) + body_lines(p2, top=H - 80)
             + [Item(W / 2, H - 135, "I.", "Times-Bold", 12, align="center"),
                Item(W / 2, H - 152, "BACKGROUND", "Times-Bold", 12, align="center")]
             + body_lines(p2b, top=H - 158, indent=[0])
             + [Item(72, 140, "1 See United States v. Lindqvist, 556 U.S. 332, 343 (2009); the",
                     "Times-Roman", 9.5),
                Item(72, 128, "record does not say when the transfer was made.", "Times-Roman",
                     9.5),
                Item(72, 112, "2 The parties agree on this point.", "Times-Roman", 9.5)])
    pdf.add_page(items)
    p3 = [
        "to comment on. The board also heard from the public at each meeting.",
    ]
    p3b = [
        "The standard of review is settled. We ask whether the district court applied",
        "the correct legal rule and whether its findings of fact were clearly erroneous.",
    ]
    p3c = [
        "The sentence must be vacated. The district court did not explain why it departed",
        "from the range, and the record does not supply the reason.",
    ]
    items = (head(3) + body_lines(p3, top=H - 80)
             + [Item(W / 2, H - 120, "II.", "Times-Bold", 12, align="center"),
                Item(W / 2, H - 137, "DISCUSSION", "Times-Bold", 12, align="center"),
                Item(W / 2, H - 160, "A.", "Times-Bold", 12, align="center")]
             + body_lines(p3b, top=H - 165, indent=[0])
             + [Item(W / 2, H - 225, "B.", "Times-Bold", 12, align="center")]
             + body_lines(p3c, top=H - 230, indent=[0])
             + [Item(W / 2, H - 290, "III.", "Times-Bold", 12, align="center"),
                Item(W / 2, H - 307, "CONCLUSION", "Times-Bold", 12, align="center")]
             + body_lines(["For these reasons, the judgment is vacated and the case is",
                           "remanded for resentencing."], top=H - 312, indent=[0]))
    pdf.add_page(items)
    return pdf.save()


# -- a Supreme Court-style slip opinion ---------------------------------------------------
def scotus_slip(path: Path) -> Path:
    pdf = Typeset(path, title="S.4 SAP")
    name = "OKAFOR v. MERIDIAN COUNTY"

    def heads(first: bool, number: int, part: str) -> list[Item]:
        if first and part == "Syllabus":
            return [Item(72, H - 50, "(Slip Opinion)", "Times-Roman", 10),
                    Item(W / 2, H - 50, "OCTOBER TERM, 2012", "Times-Roman", 10,
                         align="center"),
                    Item(W - 72, H - 50, str(number), "Times-Roman", 10, align="right")]
        if number % 2:
            out = [Item(W / 2, H - 50, "Cite as: 571 U. S. ____ (2013)", "Times-Roman", 10,
                        align="center"),
                   Item(W - 72, H - 50, str(number), "Times-Roman", 10, align="right")]
        else:
            out = [Item(72, H - 50, str(number), "Times-Roman", 10),
                   Item(W / 2, H - 50, name, "Times-Roman", 10, align="center")]
        return [*out, Item(W / 2, H - 66, part, "Times-Roman", 10, align="center")]

    parts = [("Syllabus", 2), ("Opinion of the Court", 3), ("THOMAS, J., dissenting", 1),
             ("ALITO, J., dissenting", 2)]
    sentence = 0
    for part, count in parts:
        for k in range(1, count + 1):
            sentence += 1
            lines = [f"This is sentence {sentence} of the {part.lower()} and it runs",
                     "across two lines of the page before it ends here."] * 4
            pdf.add_page(heads(k == 1, k, part) + body_lines(lines, top=H - 90, indent=[0]))
    return pdf.save()


SCOTUS_LABELS = ["1", "2", "1", "2", "3", "1", "1", "2"]


# -- an electronic-docket filing ----------------------------------------------------------
def ecf_filing(path: Path, text: Sentences | None = None) -> Path:
    pdf = Typeset(path, title="Microsoft Word - motion.docx")
    text = text or Sentences()

    def head(n: int) -> list[Item]:
        return [Item(72, H - 36, f"Case: 17-2543    Document: 003112692106    Page: {n}    "
                     "Date Filed: 06/12/2017", "Helvetica", 8)]

    blocks = [Heading("IN THE UNITED STATES COURT OF APPEALS"),
              Heading("FOR THE THIRD CIRCUIT"),
              Heading("MOTION FOR AN EXTENSION OF TIME"),
              *[Para(text(5)) for _ in range(6)]]
    pdf.flow(blocks, head=head)
    return pdf.save()


# -- a three-column Federal Register-style notice -----------------------------------------
def register_notice(path: Path, text: Sentences | None = None) -> Path:
    pdf = Typeset(path, title="Proposed Rules", top=H - 70, bottom=60)
    text = text or Sentences()
    base = 3017

    def head(n: int) -> list[Item]:
        line = "Federal Register / Vol. 85, No. 12 / Friday, January 17, 2020 / Proposed Rules"
        if n % 2:
            return [Item(54, H - 45, line, "Helvetica", 8),
                    Item(W - 54, H - 45, str(base + n - 1), "Helvetica-Bold", 9,
                         align="right")]
        return [Item(54, H - 45, str(base + n - 1), "Helvetica-Bold", 9),
                Item(W - 54, H - 45, line, "Helvetica", 8, align="right")]

    blocks = [Para("SUMMARY: " + text(4), size=8.5, indent=0),
              Para("DATES: Comments must be received on or before March 17, 2020.", size=8.5,
                   indent=0)]
    blocks += [Para(text(6), size=8.5, indent=8) for _ in range(9)]
    col = (W - 108 - 2 * 12) / 3
    pdf.flow(blocks, head=head, columns=[(54, col), (54 + col + 12, col),
                                         (54 + 2 * (col + 12), col)])
    return pdf.save()


# -- a journal reprint --------------------------------------------------------------------
def journal_reprint(path: Path, text: Sentences | None = None) -> Path:
    pdf = Typeset(path, title="Reprint")
    text = text or Sentences()

    def foot(n: int) -> list[Item]:
        return [Item(W / 2, 40, str(230 + n), "Times-Roman", 10, align="center")]

    pdf.flow([Para(text(7)) for _ in range(7)], foot=foot)
    return pdf.save()


# -- every page has its own header --------------------------------------------------------
DAY_HEADERS = ["Day One: Arrival at the Clinic", "Day Two: Intake and Paperwork",
               "Day Three: Meeting the Outreach Team", "Day Four: The Community Forum"]


def own_headers(path: Path) -> Path:
    pdf = Typeset(path)
    for header in DAY_HEADERS:
        notes = [f"Notes for {header.split(':')[0].lower()} follow here.",
                 "Each day began at eight and ended when the work was done."]
        pdf.add_page([Item(72, H - 50, header, "Times-Bold", 11),
                      *body_lines(notes, top=H - 90)])
    return pdf.save()


# -- letterhead, fake bold, two authors ---------------------------------------------------
def letterhead_article(path: Path) -> Path:
    pdf = Typeset(path)
    items = [
        Item(W / 2, H - 60, "EXECUTIVE OFFICE OF THE PRESIDENT", "Times-Roman", 11,
             char_space=4.0, align="center"),
        Item(W / 2, H - 80, "OFFICE OF MANAGEMENT AND BUDGET", "Times-Bold", 12,
             bold_offset=0.35, align="center"),
        Item(W / 2, H - 110, "Findings From Two Counties", "Times-Bold", 16, align="center"),
        # two author blocks side by side above two columns of text
        Item(72 + 110, H - 140, "Renata Vukovic", "Times-Roman", 10, align="center"),
        Item(72 + 110, H - 152, "Department of Public Health", "Times-Italic", 9,
             align="center"),
        Item(72 + 110, H - 164, "Alder State University", "Times-Italic", 9, align="center"),
        Item(342 + 115, H - 140, "Tobias Engstrand", "Times-Roman", 10, align="center"),
        Item(342 + 115, H - 152, "School of Social Work", "Times-Italic", 9, align="center"),
        Item(342 + 115, H - 164, "Brannock College", "Times-Italic", 9, align="center"),
    ]
    left = ["The first county opened its program in the spring, and the",
            "second followed in the autumn after a year of planning with",
            "the health department and the people who would use it. The",
            "first county measured how many people came back for a second",
            "visit within a month, which it treated as the main sign that"]
    right = ["the program had earned the trust of the people it served. The",
             "second county measured the same thing in the same way, so the",
             "two can be compared directly across the whole first year."]
    items += body_lines(left, top=H - 180, left=72, size=10, leading=12.5)
    items += body_lines(right, top=H - 180, left=342, size=10, leading=12.5)
    pdf.add_page(items)
    return pdf.save()
