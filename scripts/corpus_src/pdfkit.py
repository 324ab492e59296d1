"""Shared reportlab pieces for the generated PDFs: fonts, styles, block → flowable
conversion, and a canvas that writes byte-identical files with chosen metadata."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .markup import Block, inline

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_registered = False


def register_fonts() -> None:
    """DejaVu Serif/Sans families (for §, curly quotes and dashes in embedded fonts)."""
    global _registered
    if _registered:
        return
    for family, stem in (("DejaVuSerif", "DejaVuSerif"), ("DejaVuSans", "DejaVuSans")):
        faces = {"": "", "-Bold": "-Bold",
                 "-Italic": "-Italic" if family == "DejaVuSerif" else "-Oblique",
                 "-BoldItalic": "-BoldItalic" if family == "DejaVuSerif" else "-BoldOblique"}
        for face, suffix in faces.items():
            pdfmetrics.registerFont(TTFont(family + face, str(DEJAVU / f"{stem}{suffix}.ttf")))
        pdfmetrics.registerFontFamily(family, normal=family, bold=family + "-Bold",
                                      italic=family + "-Italic",
                                      boldItalic=family + "-BoldItalic")
    _registered = True


@dataclass(frozen=True)
class Fonts:
    body: str
    bold: str
    italic: str
    head: str

    @staticmethod
    def times() -> Fonts:
        return Fonts("Times-Roman", "Times-Bold", "Times-Italic", "Times-Bold")

    @staticmethod
    def helvetica() -> Fonts:
        return Fonts("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-Bold")

    @staticmethod
    def dejavu_serif() -> Fonts:
        register_fonts()
        return Fonts("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSans-Bold")

    @staticmethod
    def dejavu_sans() -> Fonts:
        register_fonts()
        return Fonts("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Italic", "DejaVuSans-Bold")


def make_styles(fonts: Fonts, size: float = 10.5, leading: float | None = None, *,
                justify: bool = False, space: float = 6) -> dict[str, ParagraphStyle]:
    """The paragraph styles every layout starts from (layouts may adjust them)."""
    leading = leading or round(size * 1.3, 1)
    base = ParagraphStyle("body", fontName=fonts.body, fontSize=size, leading=leading,
                          alignment=TA_JUSTIFY if justify else TA_LEFT, spaceAfter=space,
                          embeddedHyphenation=1, splitLongWords=0)
    st: dict[str, ParagraphStyle] = {"body": base}

    def add(name: str, **kw: object) -> None:
        st[name] = ParagraphStyle(name, parent=base, **kw)

    add("h1", fontName=fonts.head, fontSize=size + 5, leading=size + 9, spaceBefore=10,
        spaceAfter=8, alignment=TA_LEFT, keepWithNext=1)
    add("h2", fontName=fonts.head, fontSize=size + 2, leading=size + 5, spaceBefore=8,
        spaceAfter=4, alignment=TA_LEFT, keepWithNext=1)
    add("h3", fontName=fonts.bold, fontSize=size, leading=leading, spaceBefore=6,
        spaceAfter=3, alignment=TA_LEFT, keepWithNext=1)
    add("left", alignment=TA_LEFT)
    add("center", alignment=TA_CENTER)
    add("right", alignment=TA_RIGHT)
    add("small", fontSize=size - 2, leading=(size - 2) * 1.3)
    add("notice", fontName=fonts.italic, fontSize=size - 2.5, leading=(size - 2.5) * 1.3,
        alignment=TA_CENTER, textColor=colors.HexColor("#555555"), spaceAfter=4)
    add("caption", fontName=fonts.italic, fontSize=size - 1.5, leading=(size - 1.5) * 1.3,
        alignment=TA_LEFT, spaceBefore=2, spaceAfter=8)
    add("sig", alignment=TA_LEFT, spaceAfter=0, leading=leading)
    add("sigline", alignment=TA_LEFT, spaceBefore=18, spaceAfter=0)
    add("bullet", spaceAfter=2, alignment=TA_LEFT)
    add("quote", leftIndent=14, rightIndent=14, fontName=fonts.italic)
    add("cell", fontSize=size - 1.5, leading=(size - 1.5) * 1.25, spaceAfter=0,
        alignment=TA_LEFT)
    add("cellhead", fontName=fonts.bold, fontSize=size - 1.5, leading=(size - 1.5) * 1.25,
        spaceAfter=0, alignment=TA_LEFT)
    for level in range(1, 5):
        add(f"level{level}", leftIndent=18 * level, firstLineIndent=-18 + 0 * level)
    return st


_LEVEL_PATTERNS = (
    (re.compile(r"^\((?:i|ii|iii|iv|v|vi|vii|viii)\)\s"), 3),
    (re.compile(r"^\([a-z]\)\s"), 1),
    (re.compile(r"^\(\d+\)\s"), 2),
    (re.compile(r"^\([A-Z]\)\s"), 4),
)


def statute_level(text: str) -> int:
    for pattern, level in _LEVEL_PATTERNS:
        if pattern.match(text):
            return level
    return 0


def auto_fracs(rows: list[list[str]], ncols: int, header_rows: int,
               st: dict[str, ParagraphStyle], width: float) -> list[float]:
    """Column widths from content: each column gets at least its longest header word (in
    bold) and at most 40% of the table; the rest is shared by body text length."""
    pad = 12.0
    cell, head = st["cell"], st["cellhead"]
    minimum, wanted = [], []
    for j in range(ncols):
        words = [w for r in rows[:header_rows] if j < len(r) for w in r[j].split()]
        body = [r[j] for r in rows[header_rows:] if j < len(r)] or [""]
        longest_word = max((pdfmetrics.stringWidth(w, head.fontName, head.fontSize)
                            for w in words), default=0.0)
        longest_body = max(pdfmetrics.stringWidth(b, cell.fontName, cell.fontSize)
                           for b in body)
        minimum.append(longest_word + pad)
        wanted.append(max(longest_word, min(longest_body, 0.4 * width)) + pad)
    total = sum(wanted)
    if total <= width:
        return [w / total for w in wanted]
    spare = width - sum(minimum)  # shrink the wide columns, never below their minimum
    extra = [w - m for w, m in zip(wanted, minimum, strict=True)]
    scale = max(spare, 0.0) / sum(extra) if sum(extra) else 0.0
    cols = [m + e * scale for m, e in zip(minimum, extra, strict=True)]
    return [c / sum(cols) for c in cols]


def table(block: Block, st: dict[str, ParagraphStyle], width: float,
          col_fracs: list[float] | None = None, shade: str = "#e4e8ee") -> Table:
    ncols = max(len(r) for r in block.rows)
    rows = []
    headless = not block.header_rows
    for i, r in enumerate(block.rows):
        row = []
        for j, c in enumerate(r):
            head = i < block.header_rows or (headless and j == 0)
            row.append(Paragraph(inline(c), st["cellhead" if head else "cell"]))
        rows.append(row + [""] * (ncols - len(r)))
    fracs = col_fracs or auto_fracs(block.rows, ncols, block.header_rows, st, width)
    t = Table(rows, colWidths=[width * f for f in fracs], repeatRows=block.header_rows,
              hAlign="LEFT")
    if headless:  # a label/value block such as a memo header: no rules
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        return t
    cmds = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    if block.header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, block.header_rows - 1), colors.HexColor(shade)))
    t.setStyle(TableStyle(cmds))
    return t


Extra = Callable[[str], list[Flowable]]


def flowables(blocks: list[Block], st: dict[str, ParagraphStyle], width: float, *,
              statute: bool = False, extras: dict[str, Extra] | None = None,
              heading_styles: tuple[str, str, str] = ("h1", "h2", "h3"),
              col_fracs: dict[int, list[float]] | None = None) -> list[Flowable]:
    """Turn parsed blocks into flowables. ``extras`` handles ``@chart``/``@image``/``@toc``
    directives; ``col_fracs`` maps a table's index (0-based) to its column widths."""
    out: list[Flowable] = []
    n_table = 0
    for b in blocks:
        if b.kind == "heading":
            out.append(Paragraph(inline(b.text), st[heading_styles[min(b.level, 3) - 1]]))
        elif b.kind == "para":
            style = b.style or "body"
            if statute and not b.style:
                level = statute_level(b.text)
                style = f"level{level}" if level else "body"
            out.append(Paragraph(inline(b.text), st[style]))
        elif b.kind == "bullets":
            items = [ListItem(Paragraph(inline(t), st["bullet"]), leftIndent=14)
                     for t in b.items]
            out.append(ListFlowable(items, bulletType="bullet", start="\u2022",
                                    leftIndent=14, bulletFontSize=st["body"].fontSize - 2))
            out.append(Spacer(1, 4))
        elif b.kind == "table":
            fr = (col_fracs or {}).get(n_table)
            out.append(table(b, st, width, fr))
            out.append(Spacer(1, 8))
            n_table += 1
        elif b.kind == "quote":
            box = Table([[Paragraph(inline(b.text), st["quote"])]], colWidths=[width])
            box.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f1f1ec")),
                ("LINEBEFORE", (0, 0), (0, -1), 2, colors.HexColor("#7a7a6a")),
                ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
            out.append(KeepTogether([box, Spacer(1, 8)]))
        elif b.kind == "directive":
            out.extend(_directive(b, extras or {}))
    return out


def _directive(b: Block, extras: dict[str, Extra]) -> list[Flowable]:
    if b.text == "pagebreak":
        return [PageBreak()]
    if b.text == "framebreak":
        return [FrameBreak()]
    if b.text == "condbreak":
        return [CondPageBreak(float(b.arg or 120))]
    if b.text == "spacer":
        return [Spacer(1, float(b.arg or 12))]
    if b.text in extras:
        return extras[b.text](b.arg)
    raise ValueError(f"unknown directive @{b.text} {b.arg}")


class _BareInfo(PDFInfo):
    """An Info dictionary with nothing but the producer (no title, author or dates)."""

    def format(self, document):
        return PDFDictionary({"Producer": PDFString(self.producer)}).format(document)


def canvas_class(pdf_date: str | None) -> type[Canvas]:
    """A Canvas that is always invariant (byte-identical output) and stamps ``pdf_date``
    (``"D:20200121090000-05'00'"``) as CreationDate/ModDate, or writes a bare Info
    dictionary when ``pdf_date`` is None."""

    class FixedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            if pdf_date is None:
                self._doc.info = _BareInfo()
            else:
                self.setDateFormatter(lambda *_: pdf_date)

    return FixedCanvas


def pdf_date(iso: str, tz: str = "-05'00'") -> str:
    """``"2020-01-21"`` (optionally with ``THH:MM``) → a PDF date string."""
    day, _, time = iso.partition("T")
    hh, mm = (time or "09:00").split(":")
    return f"D:{day.replace('-', '')}{hh}{mm}00{tz}"


def roman(n: int) -> str:
    vals = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
