"""The long NGO report: a drawn cover, front matter numbered i, ii, …, a body numbered
1, 2, …, a running header (report title + current chapter) and a footer "N | Org" on every
page after the cover, PDF page labels to match, charts, and a two-pass table of contents."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .layouts import PdfMeta
from .markup import Block, inline
from .pdfkit import Fonts, canvas_class, flowables, make_styles, roman

PAGE_W, PAGE_H = letter
NAVY, TEAL = colors.HexColor("#1b365d"), colors.HexColor("#2a7f7f")


@dataclass(frozen=True)
class ReportInfo:
    title: str
    subtitle: str
    org: str
    place_date: str
    running: str
    notice: str
    blurb: str = ""


def _chart(title: str, categories: list[str], series: list[tuple[str, list[float]]],
           unit: str, width: float) -> list[Flowable]:
    d = Drawing(width, 200)
    d.add(String(0, 188, title, fontName="DejaVuSans-Bold", fontSize=9, fillColor=NAVY))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 160, 145
    chart.data = [values for _, values in series]
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.labels.fontName = "DejaVuSans"
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = "DejaVuSans"
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    palette = [NAVY, TEAL, colors.HexColor("#b5651d"), colors.HexColor("#888888")]
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i]
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 110, 150
    legend.fontName, legend.fontSize = "DejaVuSans", 7.5
    legend.colorNamePairs = [(palette[i], name) for i, (name, _) in enumerate(series)]
    d.add(legend)
    d.add(String(0, 4, unit, fontName="DejaVuSans", fontSize=7, fillColor=colors.grey))
    return [d, Spacer(1, 10)]


YEARS = ["2018", "2019", "2020", "2021", "2022", "2023", "2024"]
CHARTS: dict[str, tuple[str, list[str], list[tuple[str, list[float]]], str]] = {
    "deaths": ("Figure 3.1. Overdose deaths by year (fictional data)",
               YEARS, [("Deaths", [4310, 4402, 5118, 5346, 5227, 4861, 4094])],
               "Source: death certificates. Counts of deaths."),
    "arrests": ("Figure 4.1. Possession and delivery arrests (fictional data)",
                YEARS, [("Possession", [41200, 40350, 29880, 31420, 30105, 28760, 26940]),
                        ("Delivery", [11620, 11900, 9710, 10460, 10880, 10390, 9960])],
                "Source: uniform crime reports. Arrests per year."),
    "disparity": ("Figure 5.1. Possession arrests per 100,000 by race (fictional data)",
                  ["2018", "2020", "2022", "2024"],
                  [("Black", [1140, 820, 768, 702]), ("White", [372, 276, 279, 268]),
                   ("Hispanic or Latino", [618, 455, 431, 402])],
                  "Rates per 100,000 residents of each group."),
}


class _ReportDoc(BaseDocTemplate):
    def __init__(self, target, info: ReportInfo, fonts: Fonts, **kw):
        super().__init__(target, pagesize=letter, invariant=1, **kw)
        self.info, self.fonts = info, fonts
        self.body_start = 0  # physical page where the body (page 1) begins
        self.chapter = ""
        self.page_chapter = ""
        self.toc: list[tuple[int, str, str]] = []
        margin = 1.0 * inch
        frame = Frame(margin, 0.9 * inch, PAGE_W - 2 * margin, PAGE_H - 1.0 * inch - 0.9 * inch,
                      id="f", leftPadding=0, rightPadding=0)
        cover = Frame(margin, inch, PAGE_W - 2 * margin, PAGE_H - 2 * inch, id="c")
        self.addPageTemplates([
            PageTemplate("cover", [cover], onPage=self._cover),
            PageTemplate("front", [frame], onPageEnd=self._front),
            PageTemplate("body", [frame], onPage=self._body_begin, onPageEnd=self._body)])

    def label(self, page: int) -> str:
        if self.body_start and page >= self.body_start:
            return str(page - self.body_start + 1)
        return roman(page)

    def _cover(self, canv, doc) -> None:
        i, f = self.info, self.fonts
        canv.saveState()
        canv.setFillColor(NAVY)
        canv.rect(0, PAGE_H - 4.6 * inch, PAGE_W, 4.6 * inch, stroke=0, fill=1)
        canv.setFillColor(TEAL)
        canv.rect(0, PAGE_H - 4.75 * inch, PAGE_W, 0.15 * inch, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont("DejaVuSans", 11)
        canv.drawString(inch, PAGE_H - 1.1 * inch, i.org.upper())
        canv.setFont("DejaVuSans-Bold", 30)
        canv.drawString(inch, PAGE_H - 2.2 * inch, i.title)
        canv.setFont("DejaVuSans", 15)
        y = PAGE_H - 2.75 * inch
        for line in i.subtitle.split("\n"):
            canv.drawString(inch, y, line)
            y -= 21
        canv.setFillColor(colors.HexColor("#333333"))
        canv.setFont(f.body, 11)
        y = PAGE_H - 5.6 * inch
        for line in i.blurb.split("\n"):
            canv.drawString(inch, y, line)
            y -= 16
        canv.setFillColor(colors.black)
        canv.setFont("DejaVuSans", 11)
        canv.drawString(inch, 2.0 * inch, i.place_date)
        canv.setFont(f.italic, 8.5)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.drawString(inch, 1.2 * inch, i.notice)
        canv.restoreState()
        canv.addPageLabel(0, "ROMAN_LOWER", 1)

    def _running(self, canv, right: str) -> None:
        canv.saveState()
        canv.setFont("DejaVuSans", 7.5)
        canv.setFillColor(colors.HexColor("#444444"))
        canv.drawString(inch, PAGE_H - 0.62 * inch, self.info.running)
        room = PAGE_W - 2 * inch - canv.stringWidth(self.info.running, "DejaVuSans", 7.5) - 18
        if right and canv.stringWidth(right, "DejaVuSans", 7.5) < room:
            canv.drawRightString(PAGE_W - inch, PAGE_H - 0.62 * inch, right)
        canv.setStrokeColor(TEAL)
        canv.setLineWidth(0.6)
        canv.line(inch, PAGE_H - 0.7 * inch, PAGE_W - inch, PAGE_H - 0.7 * inch)
        canv.setFont("DejaVuSans", 8)
        canv.drawCentredString(PAGE_W / 2, 0.5 * inch,
                               f"{self.label(canv.getPageNumber())} | {self.info.org}")
        canv.restoreState()

    def _front(self, canv, doc) -> None:
        self._running(canv, "")

    def _body_begin(self, canv, doc) -> None:
        self.page_chapter = ""
        if not self.body_start:
            self.body_start = canv.getPageNumber()
            canv.addPageLabel(self.body_start - 1, "ARABIC", 1)

    def _body(self, canv, doc) -> None:
        # the chapter the page starts in, or the first one that starts on it
        self._running(canv, self.page_chapter or self.chapter)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2"):
            text = flowable.getPlainText()
            level = 0 if flowable.style.name == "h1" else 1
            if level == 0 and self.body_start:
                if not self.page_chapter:  # first chapter heading on this page
                    f = self.frame
                    at_top = f._y1 + f._height - f._topPadding - f._y < 50  # just this heading
                    self.page_chapter = text if at_top else self.chapter
                self.chapter = text
            if text != "Contents":
                self.toc.append((level, text, self.label(self.page)))


def _toc_table(entries: list[tuple[int, str, str]], st: dict, width: float) -> Table:
    rows = []
    for level, text, label in entries:
        style = st["toc1"] if level == 0 else st["toc2"]
        rows.append([Paragraph(inline(text), style), Paragraph(label, st["toc_num"])])
    t = Table(rows, colWidths=[width - 0.6 * inch, 0.6 * inch], repeatRows=0)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                           ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return t


def build_report(out: Path, blocks: list[Block], meta: PdfMeta, info: ReportInfo) -> int:
    """Builds in memory until the table of contents is stable, then writes the file.
    Returns the page count."""
    fonts = Fonts.dejavu_serif()
    st = make_styles(fonts, size=10.2, leading=14.2, justify=False, space=6.5)
    for name, color in (("h1", NAVY), ("h2", TEAL)):
        st[name].textColor = color
    st["h1"].fontSize, st["h1"].leading, st["h1"].spaceAfter = 17, 22, 12
    from reportlab.lib.styles import ParagraphStyle

    st["toc1"] = ParagraphStyle("toc1", parent=st["body"], fontName="DejaVuSans-Bold",
                                fontSize=9.5, spaceBefore=3, spaceAfter=0)
    st["toc2"] = ParagraphStyle("toc2", parent=st["body"], fontSize=9, leftIndent=14,
                                spaceAfter=0)
    st["toc_num"] = ParagraphStyle("toc_num", parent=st["body"], fontSize=9, alignment=2,
                                   spaceAfter=0)
    width = PAGE_W - 2 * inch
    toc_entries: list[tuple[int, str, str]] = []

    def story() -> list[Flowable]:
        extras = {
            "frontstart": lambda _a: [NextPageTemplate("front"), PageBreak()],
            "bodystart": lambda _a: [NextPageTemplate("body"), PageBreak()],
            "toc": lambda _a: [_toc_table(toc_entries, st, width)] if toc_entries
            else [Spacer(1, 10)],
            "chart": lambda name: _chart(*CHARTS[name], width=width),
        }
        return [Spacer(1, 1), *flowables(blocks, st, width, extras=extras)]

    for _ in range(4):  # until the table of contents stops moving (usually 2 or 3 passes)
        buffer = io.BytesIO()
        doc = _ReportDoc(buffer, info, fonts, title=meta.title, author=meta.author,
                         subject=meta.subject, keywords=meta.keywords,
                         creator="Policy Reader corpus generator")
        doc.build(story(), canvasmaker=canvas_class(meta.date))
        if doc.toc == toc_entries:  # this pass printed the final contents: keep it
            out.write_bytes(buffer.getvalue())
            return doc.page
        toc_entries[:] = doc.toc
    raise AssertionError("the table of contents did not settle")
