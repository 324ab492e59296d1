"""Write the small PDF fixtures under ``tests/fixtures/pdf/`` (deterministic output).

Run: ``.venv/bin/python scripts/make_pdf_fixtures.py``. Every text is written for this
project: fictional, and says it is a sample. Big inputs (the decompression bomb, the
200 MB file) are made at test time in a temporary folder, not here.

Needs reportlab, pypdf and Pillow (a reportlab dependency). The ligature fixture uses the
DejaVu Serif font when it is installed (real "fi" ligature glyphs); the raw Type 1 fixture
needs no font file at all.
"""

from __future__ import annotations

import gzip
import io
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
)

if TYPE_CHECKING:
    from pypdf import PdfWriter

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pdf"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
W, H = letter

SAMPLE = "(A fictional sample document written for Policy Reader tests.)"


def _canvas(buf: io.BytesIO, title: str = "", author: str = "") -> canvas.Canvas:
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    return c


def _lines(c: canvas.Canvas, lines: list[str], x: float, y: float, *, size: float = 11,
           leading: float = 14, font: str = "Times-Roman") -> float:
    c.setFont(font, size)
    for line in lines:
        if line:
            c.drawString(x, y, line)
        y -= leading
    return y


# -- two columns -----------------------------------------------------------------------------
TWO_COL_PARAS = [
    "Para one. This office will no longer charge simple possession of a controlled substance "
    "when the amount is consistent with personal use and no other offence is alleged.",
    "Para two. Line prosecutors must record each declination in the case system, with the "
    "reason, so that the office can publish quarterly figures on what it declines.",
    "Para three. Referral to voluntary services is offered at the first contact. Acceptance "
    "of a referral is never a condition of a declination under this policy.",
    "Para four. Where a person is found with a syringe or other harm reduction supplies, the "
    "supplies are not treated as evidence of intent to distribute.",
    "Para five. Supervisors review every exception to this policy in writing within five "
    "business days and send a copy to the policy unit for the annual review.",
    "Para six. Cases involving a death after drug use are reviewed by a senior prosecutor; "
    "a drug-induced homicide charge requires the written approval of the District Attorney.",
    "Para seven. The office will meet with community members, including people who use "
    "drugs, twice each year to hear how this policy works in practice.",
    "Para eight. Nothing in this memo creates a right enforceable by any party; it guides "
    "the exercise of discretion by the lawyers of this office.",
]


def two_column() -> bytes:
    buf = io.BytesIO()
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10.5, leading=13,
                          spaceAfter=9)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=16, leading=20,
                           spaceAfter=6)
    sub = ParagraphStyle("sub", fontName="Helvetica", fontSize=10, leading=13)
    doc = BaseDocTemplate(buf, pagesize=letter, invariant=1,
                          title="Charging Policy for Possession Offences (Sample)",
                          author="Office of the District Attorney, Sample County")
    m, gap = 54, 18
    col_w = (W - 2 * m - gap) / 2
    top = H - m - 20

    def header_footer(c: canvas.Canvas, d: BaseDocTemplate) -> None:
        c.saveState()
        c.setFont("Helvetica", 8)
        c.drawString(m, H - 36,
                     "Office of the District Attorney, Sample County: Policy Memo 2021-07")
        c.drawCentredString(W / 2, 30, f"Page {d.page} of 3")
        c.restoreState()

    first = PageTemplate("first", onPage=header_footer, frames=[
        Frame(m, top - 90, W - 2 * m, 90, id="title"),
        Frame(m, m, col_w, top - 90 - m, id="left1"),
        Frame(m + col_w + gap, m, col_w, top - 90 - m, id="right1"),
    ])
    later = PageTemplate("later", onPage=header_footer, frames=[
        Frame(m, m, col_w, top - m, id="left"),
        Frame(m + col_w + gap, m, col_w, top - m, id="right"),
    ])
    doc.addPageTemplates([first, later])
    story = [Paragraph("Charging Policy for Possession Offences", title),
             Paragraph(f"Memorandum to all assistant district attorneys. {SAMPLE}", sub),
             NextPageTemplate("later"), FrameBreak()]
    # Enough text for three pages: the eight paragraphs, then numbered repeats.
    for rnd in range(6):
        for p in TWO_COL_PARAS:
            story.append(Paragraph(p if rnd == 0 else f"Round {rnd + 1}. {p}", body))
    doc.build(story)
    return buf.getvalue()


# -- hyphenation, printed page numbers, running header ---------------------------------------
HYPHEN_PAGES = [
    [
        "Participants who finish their treat-",
        "ment plan are less likely to be re-arrested. The",
        "programs studied here include drug-induced",
        "homicide prevention, and the court's drug-",
        "induced homicide docket is described below.",
        "",
        "Several harm reduction agencies took part. Their harm-",
        "reduction services are run by peers. Many Non-",
        "Hispanic participants and Hispanic participants",
        "gave the same answers. Staff asked people to self-",
        "report their use. The court's pro-",
        "grams are voluntary. Each commu-",
        "nity meeting was open to the public.",
    ],
    [
        "The second year saw more referrals. Every referral was",
        "recorded by the clerk, and the community advisory board",
        "reviewed the figures each quarter.",
        "",
        "Judges noted that the treatment court relies on voluntary",
        "participation. No person was jailed for a positive test.",
    ],
    [
        "The final section lists the recommendations of the board.",
        "First, keep the program voluntary. Second, publish the",
        "numbers every quarter. Third, invite people who use drugs",
        "to every meeting.",
    ],
]


def hyphenation() -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Treatment Court Annual Report (Sample)", "Sample County Treatment Court")
    for i, lines in enumerate(HYPHEN_PAGES):
        c.setFont("Helvetica", 8)
        c.drawString(72, H - 40, "Sample County Treatment Court: Annual Report (fictional sample)")
        y = H - 90
        if i == 0:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(72, y, "Treatment Court Annual Report")
            y -= 30
            y = _lines(c, [SAMPLE], 72, y)
            y -= 10
        _lines(c, lines, 72, y)
        c.setFont("Helvetica", 9)
        c.drawCentredString(W / 2, 36, f"- {11 + i} -")
        c.showPage()
    c.save()
    return buf.getvalue()


# -- ligatures (real ligature glyphs from a TrueType font) -----------------------------------
LIG_LINES = [
    "The ofﬁce ﬁled an afﬁdavit inﬂuenced by ofﬁcials.",
    "Efﬁcient ﬁnancial reﬂection matters to the ﬁnal report.",
    SAMPLE,
]


def ligatures() -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Ligature Sample")
    if DEJAVU.exists():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(DEJAVU)))
        font = "DejaVuSerif"
    else:  # pragma: no cover - keeps the script usable without DejaVu (no glyphs then)
        font = "Times-Roman"
    _lines(c, LIG_LINES, 72, H - 100, font=font, size=12, leading=18)
    c.showPage()
    c.save()
    return buf.getvalue()


# -- a hand-written PDF: Type 1 font with /Differences (fi, fl glyphs, unmapped names) -------
def raw_pdf(objects: list[bytes]) -> bytes:
    """Assemble numbered objects (1-based, ``objects[0]`` is the catalog) with an xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def type1_encoding() -> bytes:
    # Codes 1 and 2 are the fi and fl glyphs (mapped to U+FB01/U+FB02 by the glyph list);
    # codes 3-5 have made-up glyph names pdfminer cannot map: they come out as (cid:N).
    content = (
        b"BT /F1 12 Tf 72 700 Td (The \x01rst of\x01ce \x02oor plan was \x01led.) Tj ET\n"
        b"BT /F1 12 Tf 72 680 Td (Garbage glyphs: \x03\x04\x05 end of line.) Tj ET\n"
        b"BT /F1 12 Tf 72 660 Td (A fictional sample document written for tests.) Tj ET\n"
    )
    widths = list(pdfmetrics.getFont("Times-Roman").widths[:256])
    widths[1:6] = [556, 556, 500, 500, 500]
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type "
            b"/Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl /g817 /g818 "
            b"/g819] >> /FirstChar 0 /LastChar 255 /Widths ["
            + " ".join(str(int(w)) for w in widths).encode() + b"] >>")
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        font,
    ])


# -- form XObjects and a hidden OCR layer ----------------------------------------------------
def _scan_image(lines: int = 22, seed: int = 1) -> Image.Image:
    """A grey 'scanned page': dark bars where text would be. No text layer, small file."""
    rnd = random.Random(seed)
    img = Image.new("L", (425, 550), 250)
    d = ImageDraw.Draw(img)
    y = 50
    for _ in range(lines):
        x = 40
        while x < 380:
            w = rnd.randint(12, 45)
            d.rectangle([x, y, min(x + w, 385), y + 7], fill=40)
            x += w + 6
        y += 20
    return img


def form_xobject() -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Declination List (Sample)", "Office of the District Attorney")
    _lines(c, ["Declination list: page text outside any form.", SAMPLE], 72, H - 90)
    c.beginForm("boxed")
    c.setFont("Helvetica", 11)
    c.drawString(72, 500, "Text inside a form XObject: the declination list is attached.")
    c.endForm()
    c.doForm("boxed")
    c.showPage()
    # Page 2: a scanned image with an invisible OCR text layer inside a form XObject.
    c.drawImage(ImageReader(_scan_image(seed=2)), 0, 0, W, H)
    c.beginForm("ocr")
    t = c.beginText(72, 600)
    t.setTextRenderMode(3)
    t.setFont("Helvetica", 11)
    t.textLine("Hidden OCR layer: the memo was received by the clerk.")
    c.drawText(t)
    c.endForm()
    c.doForm("ocr")
    c.showPage()
    c.save()
    return buf.getvalue()


# -- scanned and partly scanned ---------------------------------------------------------------
def scanned(stamp: bool = False) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf)
    for page in range(2):
        c.drawImage(ImageReader(_scan_image(seed=10 + page)), 0, 0, W, H)
        if stamp and page == 0:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(400, 740, "RECEIVED")
            c.drawString(400, 722, "MAR 03 2021")
        c.showPage()
    c.save()
    return buf.getvalue()


def image_page2() -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, "Diversion Memo With Attachment (Sample)")
    _lines(c, ["Memo on pre-arrest diversion. The attached page is a scanned form.",
               "Officers may refer a person to services instead of arresting them.", SAMPLE],
           72, H - 90)
    c.showPage()
    c.drawImage(ImageReader(_scan_image(seed=3)), 0, 0, W, H)
    c.showPage()
    c.setFont("Times-Roman", 11)
    c.drawString(72, H - 90, "Page three has text again: the referral form is optional.")
    c.showPage()
    c.save()
    return buf.getvalue()


# -- page labels, encryption -----------------------------------------------------------------
MEMO_OPENINGS = [
    "Naloxone access memo. Every patrol car carries naloxone.",
    "Training comes first: each officer learns the signs of an overdose.",
    "Supplies are replaced within a day of use, at no cost to the officer.",
    "The department reports every administration to the health office.",
]


def simple_memo(pages: int = 1, title: str = "Naloxone Access Memo (Sample)") -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, title, "Sample County Health Department")
    for i in range(pages):
        _lines(c, [MEMO_OPENINGS[i % len(MEMO_OPENINGS)],
                   "Officers are trained to give it and to call for medical help.", SAMPLE],
               72, H - 90)
        c.showPage()
    c.save()
    return buf.getvalue()


def _with_pypdf(data: bytes, edit: Callable[[PdfWriter], None]) -> bytes:
    import pypdf
    import pypdf._encryption
    import pypdf._writer

    rnd = random.Random(7)

    def token(nbytes: int | None = None) -> bytes:
        return bytes(rnd.randrange(256) for _ in range(32 if nbytes is None else nbytes))

    saved = (pypdf._writer.secrets.token_bytes, pypdf._encryption.secrets.token_bytes)
    pypdf._writer.secrets.token_bytes = token
    pypdf._encryption.secrets.token_bytes = token
    try:
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
        edit(writer)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    finally:
        pypdf._writer.secrets.token_bytes, pypdf._encryption.secrets.token_bytes = saved


def page_labels() -> bytes:
    def edit(w: PdfWriter) -> None:
        from pypdf.constants import PageLabelStyle

        w.set_page_label(0, 1, style=PageLabelStyle.LOWERCASE_ROMAN)  # "/r"
        w.set_page_label(2, 3, style=PageLabelStyle.DECIMAL)  # "/D"
    return _with_pypdf(simple_memo(4, "Report With Page Labels (Sample)"), edit)


def encrypted(user: str) -> bytes:
    def edit(w: PdfWriter) -> None:
        w.encrypt(user, "owner-secret-sample", algorithm="RC4-128")
    return _with_pypdf(simple_memo(1), edit)


def rotated() -> bytes:
    """A landscape table drawn sideways on a portrait page, shown upright by /Rotate 90."""
    buf = io.BytesIO()
    c = _canvas(buf, "Rotated Table Page (Sample)")
    c.translate(W, 0)
    c.rotate(90)  # text runs up the portrait page; /Rotate 90 turns it to read across
    c.setFont("Times-Roman", 12)
    lines = ["A landscape table drawn sideways on a portrait page.",
             "Second line of the rotated page text.", SAMPLE]
    for i, t in enumerate(lines):
        c.drawString(72, W - 72 - 16 * i, t)
    c.showPage()
    c.save()

    def edit(w: PdfWriter) -> None:
        w.pages[0].rotate(90)
    return _with_pypdf(buf.getvalue(), edit)


# -- broken files ----------------------------------------------------------------------------
def truncated() -> bytes:
    data = two_column()
    return data[: len(data) // 3]


NOT_PDF = (b"<!doctype html><html><head><title>Saved page</title></head><body><p>This is a "
           b"web page saved with a .pdf name. A fictional sample.</p></body></html>\n")


FIXTURES: dict[str, Callable[[], bytes]] = {
    "two_column.pdf": two_column,
    "hyphenation.pdf": hyphenation,
    "ligatures.pdf": ligatures,
    "type1_encoding.pdf": type1_encoding,
    "form_xobject.pdf": form_xobject,
    "scanned.pdf": scanned,
    "scanned_stamp.pdf": lambda: scanned(stamp=True),
    "image_page2.pdf": image_page2,
    "page_labels.pdf": page_labels,
    "rotated.pdf": rotated,
    "encrypted_empty_password.pdf": lambda: encrypted(""),
    "password_required.pdf": lambda: encrypted("study-group"),
    "zero_bytes.pdf": lambda: b"",
    "truncated.pdf": truncated,
    "not_a_pdf.pdf": lambda: NOT_PDF,
    "gzip_named.pdf": lambda: gzip.compress(simple_memo(1), mtime=0),
}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, make in FIXTURES.items():
        data = make()
        (out / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
