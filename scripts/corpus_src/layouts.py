"""Page layouts for the generated memos, statutes and opinions (the report has its own
module). Each ``build_*`` writes one PDF from parsed source blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from .markup import Block
from .pdfkit import Fonts, canvas_class, flowables, make_styles

PAGE_W, PAGE_H = letter


@dataclass(frozen=True)
class PdfMeta:
    title: str
    author: str
    subject: str = ""
    keywords: str = ""
    date: str | None = None  # PDF date string; None writes no Info metadata at all


@dataclass(frozen=True)
class Letterhead:
    lines: tuple[str, ...]  # first line large; the rest small
    footer: str = ""  # left part of the footer ("Policy Memorandum 2020-01")
    rule_color: str = "#1f3a5f"
    notice: str = "Fictional sample written for Policy Reader \u2014 the office, people and " \
                  "policy are invented."
    extra: dict[str, str] = field(default_factory=dict)


def _doc(out: Path, meta: PdfMeta, **kw: object) -> BaseDocTemplate:
    return BaseDocTemplate(str(out), pagesize=letter, invariant=1, title=meta.title,
                           author=meta.author, subject=meta.subject, keywords=meta.keywords,
                           creator="Policy Reader corpus generator", **kw)


def _build(doc: BaseDocTemplate, story: list, meta: PdfMeta) -> None:
    doc.build(story, canvasmaker=canvas_class(meta.date))


def _draw_letterhead(canv, lh: Letterhead, fonts: Fonts, top: float) -> float:
    """Draw the office letterhead centred at ``top``; returns the y below it."""
    canv.saveState()
    canv.setFont(fonts.italic, 7.5)
    canv.setFillColor(colors.HexColor("#555555"))
    canv.drawCentredString(PAGE_W / 2, top + 14, lh.notice)
    canv.setFillColor(colors.HexColor(lh.rule_color))
    canv.setFont(fonts.head, 14)
    canv.drawCentredString(PAGE_W / 2, top - 6, lh.lines[0])
    y = top - 22
    for i, line in enumerate(lh.lines[1:]):
        canv.setFont(fonts.bold if i == 0 else fonts.body, 11 if i == 0 else 8.5)
        canv.drawCentredString(PAGE_W / 2, y, line)
        y -= 13 if i == 0 else 11
    canv.setStrokeColor(colors.HexColor(lh.rule_color))
    canv.setLineWidth(1.6)
    canv.line(0.9 * inch, y + 2, PAGE_W - 0.9 * inch, y + 2)
    canv.setLineWidth(0.5)
    canv.line(0.9 * inch, y - 1, PAGE_W - 0.9 * inch, y - 1)
    canv.restoreState()
    return y - 8


def _footer(canv, doc, lh: Letterhead, fonts: Fonts) -> None:
    canv.saveState()
    canv.setFont(fonts.body, 8)
    canv.setFillColor(colors.HexColor("#444444"))
    if lh.footer:
        canv.drawString(0.9 * inch, 0.55 * inch, lh.footer)
    canv.drawRightString(PAGE_W - 0.9 * inch, 0.55 * inch, f"Page {doc.page}")
    canv.restoreState()


def build_two_column_memo(out: Path, blocks: list[Block], meta: PdfMeta,
                          lh: Letterhead) -> None:
    """A memo whose body runs in two real text columns. Blocks before the first
    ``@framebreak`` fill a full-width box (sized to fit) under the letterhead on page 1."""
    fonts = Fonts.times()
    st = make_styles(fonts, size=10.2, leading=12.6)
    margin, gap = 0.9 * inch, 0.32 * inch
    full_w = PAGE_W - 2 * margin
    col_w = (full_w - gap) / 2
    cut = next(i for i, b in enumerate(blocks) if b.kind == "directive" and b.text == "framebreak")
    head_story = flowables(blocks[:cut], st, full_w, col_fracs={0: [0.13, 0.87]})
    head_height = 14.0 + sum(f.wrap(full_w, PAGE_H)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                             for f in head_story)
    first_top = PAGE_H - 1.72 * inch
    bottom = 0.85 * inch
    head = Frame(margin, first_top - head_height, full_w, head_height, id="head",
                 leftPadding=0, rightPadding=0)
    col_h1 = first_top - head_height - bottom
    cols1 = [Frame(margin + i * (col_w + gap), bottom, col_w, col_h1, id=f"c{i}",
                   leftPadding=0, rightPadding=0) for i in range(2)]
    later_top = PAGE_H - 0.95 * inch
    cols2 = [Frame(margin + i * (col_w + gap), bottom, col_w, later_top - bottom, id=f"d{i}",
                   leftPadding=0, rightPadding=0) for i in range(2)]

    def first(canv, doc):
        y = _draw_letterhead(canv, lh, fonts, PAGE_H - 0.75 * inch)
        assert y > first_top, "letterhead overlaps the memo header"
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.line(margin, first_top - head_height - 2, PAGE_W - margin,
                  first_top - head_height - 2)
        canv.restoreState()
        _footer(canv, doc, lh, fonts)

    def later(canv, doc):
        canv.saveState()
        canv.setFont(fonts.italic, 8)
        canv.drawString(margin, PAGE_H - 0.7 * inch, lh.extra.get("running", lh.lines[0]))
        canv.restoreState()
        _footer(canv, doc, lh, fonts)

    doc = _doc(out, meta)
    doc.addPageTemplates([PageTemplate("first", [head, *cols1], onPage=first),
                          PageTemplate("later", cols2, onPage=later)])
    story = [NextPageTemplate("later"), *head_story, FrameBreak(),
             *flowables(blocks[cut + 1:], st, col_w)]
    _build(doc, story, meta)


def build_memo(out: Path, blocks: list[Block], meta: PdfMeta, lh: Letterhead, *,
               fonts: Fonts | None = None, scans: list[Path] | None = None,
               scan_page_numbers: tuple[int, ...] = ()) -> None:
    """A single-column memo. Each ``@scanpage`` in the source becomes a page holding the
    next image of ``scans`` alone (no text at all on it); ``scan_page_numbers`` asserts
    where they landed."""
    fonts = fonts or Fonts.dejavu_serif()
    st = make_styles(fonts, size=10.5, leading=14, justify=False)
    margin = 1.0 * inch
    width = PAGE_W - 2 * margin
    first_frame = Frame(margin, 0.9 * inch, width, PAGE_H - 1.8 * inch - 0.9 * inch,
                        id="first", leftPadding=0, rightPadding=0)
    body_frame = Frame(margin, 0.9 * inch, width, PAGE_H - 1.0 * inch - 0.9 * inch,
                       id="body", leftPadding=0, rightPadding=0)
    pending = list(scans or [])
    landed: list[int] = []

    def first(canv, doc):
        _draw_letterhead(canv, lh, fonts, PAGE_H - 0.75 * inch)
        _footer(canv, doc, lh, fonts)

    def later(canv, doc):
        _footer(canv, doc, lh, fonts)

    def scan(canv, doc):
        # An ImageReader (not a file name) so the XObject name depends on the pixels only.
        canv.drawImage(ImageReader(str(pending.pop(0))), 0, 0, PAGE_W, PAGE_H)
        landed.append(doc.page)

    doc = _doc(out, meta)
    doc.addPageTemplates([
        PageTemplate("first", [first_frame], onPage=first),
        PageTemplate("later", [body_frame], onPage=later),
        PageTemplate("scan", [Frame(0, 0, PAGE_W, PAGE_H, id="scan")], onPage=scan)])

    def scanpage(_arg: str) -> list:
        return [NextPageTemplate("scan"), PageBreak(), Spacer(1, 1),
                NextPageTemplate("later"), PageBreak()]

    story = [NextPageTemplate("later"),
             *flowables(blocks, st, width, extras={"scanpage": scanpage},
                        col_fracs={0: [0.16, 0.84]})]
    _build(doc, story, meta)
    if scan_page_numbers and tuple(landed) != scan_page_numbers:
        raise AssertionError(f"{out.name}: scanned pages landed on {landed}, "
                             f"expected {list(scan_page_numbers)}")


def build_statute(out: Path, blocks: list[Block], meta: PdfMeta, *, banner: str,
                  running: str, notice: str) -> None:
    """A legislative print: a banner on page 1, a running head, numbered sections with
    indented subsections, and ``- N -`` page numbers."""
    fonts = Fonts.dejavu_serif()
    st = make_styles(fonts, size=10.5, leading=14.5, justify=False)
    st["h2"].alignment = 0
    margin = 1.1 * inch
    width = PAGE_W - 2 * margin
    frame = Frame(margin, 0.95 * inch, width, PAGE_H - 1.15 * inch - 0.95 * inch, id="body",
                  leftPadding=0, rightPadding=0)

    def page(canv, doc):
        canv.saveState()
        canv.setFont("DejaVuSerif", 8.5)
        if doc.page == 1:
            canv.setFont("DejaVuSerif-Italic", 7.5)
            canv.drawCentredString(PAGE_W / 2, PAGE_H - 0.55 * inch, notice)
            canv.setFont("DejaVuSans-Bold", 8.5)
            canv.drawCentredString(PAGE_W / 2, PAGE_H - 0.78 * inch, banner)
        else:
            canv.drawString(margin, PAGE_H - 0.7 * inch, running)
            canv.drawRightString(PAGE_W - margin, PAGE_H - 0.7 * inch, banner)
            canv.line(margin, PAGE_H - 0.78 * inch, PAGE_W - margin, PAGE_H - 0.78 * inch)
        canv.setFont("DejaVuSerif", 9)
        canv.drawCentredString(PAGE_W / 2, 0.55 * inch, f"- {doc.page} -")
        canv.restoreState()

    doc = _doc(out, meta)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=page)])
    _build(doc, flowables(blocks, st, width, statute=True), meta)


def build_opinion(out: Path, blocks: list[Block], meta: PdfMeta, *, running: str,
                  notice: str) -> None:
    """A slip opinion in Times: caption on page 1, running head after it, printed page
    numbers centred at the foot of every page."""
    fonts = Fonts.times()
    st = make_styles(fonts, size=11.5, leading=16, justify=True, space=7)
    st["body"].firstLineIndent = 0.4 * inch
    for name in ("h1", "h2"):
        st[name].alignment = 1
        st[name].fontSize = 11.5
        st[name].leading = 16
    margin = 1.15 * inch
    width = PAGE_W - 2 * margin
    frame = Frame(margin, 1.0 * inch, width, PAGE_H - 1.1 * inch - 1.0 * inch, id="body",
                  leftPadding=0, rightPadding=0)

    def page(canv, doc):
        canv.saveState()
        if doc.page == 1:
            canv.setFont("Times-Italic", 8)
            canv.drawCentredString(PAGE_W / 2, PAGE_H - 0.55 * inch, notice)
        else:
            canv.setFont("Times-Roman", 9)
            canv.drawString(margin, PAGE_H - 0.72 * inch, running)
        canv.setFont("Times-Roman", 10.5)
        canv.drawCentredString(PAGE_W / 2, 0.6 * inch, str(doc.page))
        canv.restoreState()

    doc = _doc(out, meta)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=page)])
    _build(doc, flowables(blocks, st, width, col_fracs={0: [0.5, 0.5]}), meta)
