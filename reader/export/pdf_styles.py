"""Paragraph styles of the PDF brief: serif text and quotes, sans-serif headings and
apparatus (citations, details, notes), greys only (it must print in black and white)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from reader.export.pdf_fonts import SANS, SERIF

BLACK = Color(0, 0, 0)
INK = Color(0.1, 0.1, 0.1)
GREY = Color(0.35, 0.35, 0.35)
QUOTE_LEFT = 26.0  # text indent of block quotes (the rule sits at 14)
APPARATUS_LEFT = QUOTE_LEFT


def _ps(name: str, **kw) -> ParagraphStyle:
    base = dict(fontName=SERIF, fontSize=10.5, leading=14.5, textColor=INK,
                allowWidows=0, allowOrphans=0, splitLongWords=1)
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    def __init__(self) -> None:
        self.body = _ps("Body", spaceAfter=6, alignment=TA_JUSTIFY)
        self.cover_group = _ps("CoverGroup", fontName=SANS, fontSize=9.5, leading=13,
                               textColor=GREY, spaceAfter=8)
        self.cover_title = _ps("CoverTitle", fontName=SERIF + "-Bold", fontSize=30,
                               leading=35, textColor=BLACK, spaceAfter=10)
        self.cover_subtitle = _ps("CoverSubtitle", fontName=SERIF + "-Italic", fontSize=14.5,
                                  leading=19, textColor=GREY, spaceAfter=4)
        self.cover_label = _ps("CoverLabel", fontName=SANS, fontSize=9.5, leading=13,
                               textColor=GREY)
        self.cover_value = _ps("CoverValue", fontName=SANS, fontSize=10.5, leading=13.5)
        self.cover_intro = _ps("CoverIntro", fontSize=10.5, leading=15, spaceAfter=5)
        self.cover_notice = _ps("CoverNotice", fontName=SANS + "-Bold", fontSize=10,
                                leading=13, borderWidth=0.8, borderColor=BLACK,
                                borderPadding=6, spaceBefore=6)
        self.h = {
            1: _ps("H1", fontName=SANS + "-Bold", fontSize=16, leading=20, spaceBefore=16,
                   spaceAfter=12, textColor=BLACK, keepWithNext=1),
            2: _ps("H2", fontName=SANS + "-Bold", fontSize=12.5, leading=16, spaceBefore=14,
                   spaceAfter=4, textColor=BLACK, keepWithNext=1),
            3: _ps("H3", fontName=SANS + "-Bold", fontSize=9.5, leading=13, spaceBefore=10,
                   spaceAfter=5, textColor=GREY, keepWithNext=1, textTransform="uppercase"),
        }
        self.stance = _ps("Stance", fontName=SANS + "-Bold", fontSize=9.5, leading=13,
                          spaceBefore=12, spaceAfter=6, textColor=GREY, keepWithNext=1,
                          textTransform="uppercase")
        self.description = _ps("ThemeDescription", fontName=SERIF + "-Italic", fontSize=9.5,
                               leading=13, textColor=GREY, spaceAfter=10, keepWithNext=1)
        self.docline = _ps("DocumentLine", fontName=SANS, fontSize=8.5, leading=11.5,
                           textColor=GREY, spaceAfter=10, keepWithNext=1)
        self.quote = _ps("Quote", leftIndent=QUOTE_LEFT, rightIndent=18, spaceBefore=0,
                         spaceAfter=4, alignment=TA_LEFT)
        self.citation = _ps("Citation", fontName=SANS, fontSize=8.5, leading=11.5,
                            leftIndent=APPARATUS_LEFT, rightIndent=18, spaceBefore=2,
                            spaceAfter=1, alignment=TA_LEFT)
        self.citation_last = ParagraphStyle("CitationLast", parent=self.citation,
                                            spaceAfter=14)
        self.meta = _ps("PassageDetails", fontName=SANS, fontSize=7.5, leading=10,
                        textColor=GREY, leftIndent=APPARATUS_LEFT, rightIndent=18,
                        spaceAfter=3, alignment=TA_LEFT)
        self.meta_last = ParagraphStyle("PassageDetailsLast", parent=self.meta, spaceAfter=14)
        self.see = _ps("SeeAlso", fontName=SANS, fontSize=8.5, leading=11.5, textColor=INK,
                       leftIndent=APPARATUS_LEFT, rightIndent=18, spaceAfter=4,
                       alignment=TA_LEFT)
        self.see_last = ParagraphStyle("SeeAlsoLast", parent=self.see, spaceAfter=12)
        self.toc = {
            1: _ps("TOC1", fontName=SANS + "-Bold", fontSize=10, leading=13, spaceBefore=5,
                   spaceAfter=1),
            2: _ps("TOC2", fontName=SANS, fontSize=9.5, leading=12.5, leftIndent=14,
                   spaceAfter=1),
            3: _ps("TOC3", fontName=SANS, fontSize=8.5, leading=11.5, leftIndent=28,
                   textColor=GREY, spaceAfter=1),
        }
        self.source = _ps("Source", fontSize=10, leading=13.5, leftIndent=20, bulletIndent=0,
                          bulletFontName=SANS, bulletFontSize=9, spaceAfter=9)
        self.theme_name = {lvl: _ps(f"ThemeName{lvl}", fontName=SANS, fontSize=10,
                                    leading=13, leftIndent=14 * (lvl - 1), spaceBefore=6,
                                    keepWithNext=1) for lvl in (1, 2, 3)}
        self.theme_desc = {lvl: _ps(f"ThemeDesc{lvl}", fontSize=9.5, leading=13,
                                    leftIndent=14 * (lvl - 1), spaceAfter=4)
                           for lvl in (1, 2, 3)}

    def note_style(self, depth: int, quoted: int, last: bool, *, code: bool = False
                   ) -> ParagraphStyle:
        return _note_style(depth, quoted, last, code)


@lru_cache(maxsize=128)
def _note_style(depth: int, quoted: int, last: bool, code: bool) -> ParagraphStyle:
    left = APPARATUS_LEFT + 14 * depth + 10 * quoted
    return _ps(f"Note-{depth}-{quoted}-{last}-{code}", fontName=SANS, fontSize=9,
               leading=12.5, leftIndent=left, rightIndent=18, bulletIndent=left - 10,
               bulletFontName=SANS, bulletFontSize=9, spaceAfter=14 if last else 2.5,
               alignment=TA_LEFT, textColor=GREY if quoted else INK)
