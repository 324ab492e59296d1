"""Platypus pieces for PDF briefs: the page-numbering canvas, a one-pass table of contents,
ruled block quotes, headings that register bookmarks, and "keep together when short".

The table of contents is laid out in a single pass: every heading is known before layout
(it comes from the Brief), so the contents' height is known; each heading's page is noted
as it is drawn, and the page numbers are written into the contents pages when the document
is saved, together with "Page N of M". This halves the time of a two-pass ``multiBuild``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.paragraph import ParagraphStyle

from reader.export import pdf_fonts

GREY = Color(0.35, 0.35, 0.35)
RULE = Color(0.55, 0.55, 0.55)


class NumberedCanvas(rl_canvas.Canvas):
    """Keeps every page until ``save`` so it can write "Page N of M" and the table of
    contents' page numbers once all pages are known.

    Bookmarks (the targets of the contents' links, the outline and "See No. 3") are made
    at save time too, on the page they belong to: made while the pages are held back,
    they would all point at the first page."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []
        self._toc_marks: list[tuple[str, float, float, str, float]] = []
        self._page_bookmarks: list[tuple[tuple, dict]] = []
        self._saving = False
        self.heading_pages: dict[str, int] = {}
        self.footer: Callable[[rl_canvas.Canvas, int, int], None] | None = None

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()
        self._toc_marks = []
        self._page_bookmarks = []

    def bookmarkPage(self, *args, **kwargs):
        if self._saving:
            return super().bookmarkPage(*args, **kwargs)
        self._page_bookmarks.append((args, kwargs))
        return None

    def save(self) -> None:
        total = len(self._saved_pages)
        self._saving = True
        for number, state in enumerate(self._saved_pages, 1):
            self.__dict__.update(state)
            self._saving = True
            for args, kwargs in self._page_bookmarks:
                super().bookmarkPage(*args, **kwargs)
            if self.footer is not None:
                self.footer(self, number, total)
            for key, x, y, font, size in self._toc_marks:
                page = self.heading_pages.get(key)
                if page:
                    self.setFont(font, size)
                    self.setFillColor(Color(0, 0, 0))
                    self.drawRightString(x, y, str(page))
            super().showPage()
        super().save()


_width_cache: dict[tuple[str, str, float], float] = {}
_patched = False


def speed_up_reportlab() -> None:
    """Two process-wide tweaks that make long briefs lay out 2–3× faster:

    * word widths are memoised (Platypus measures every word of every paragraph, in pure
      Python without the optional C accelerator; words repeat, widths never change for a
      registered font);
    * page streams are zlib-compressed without the ASCII-85 layer (binary streams are
      standard PDF, smaller, and skip a slow pure-Python encoder).
    """
    global _patched
    if _patched:
        return
    from reportlab import rl_config
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import paragraph

    def cached_width(text: str, font: str, size: float, encoding=None) -> float:
        key = (text, font, size)
        hit = _width_cache.get(key)
        if hit is None:
            if len(_width_cache) > 300_000:
                _width_cache.clear()
            hit = _width_cache[key] = stringWidth(text, font, size, encoding)
        return hit

    paragraph.stringWidth = cached_width
    rl_config.useA85 = 0
    _patched = True


class MemoWrap:
    """Platypus wraps a paragraph again each time it is asked (KeepTogether asks twice);
    the lines depend only on the width, so remember them."""

    def wrap(self, availWidth, availHeight):
        memo = self.__dict__.get("_memo")
        if memo is not None and memo[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = memo
            return self.width, self.height
        # a mixin (class MemoParagraph(MemoWrap, Paragraph)): Paragraph's wrap is next in
        # the MRO, which mypy cannot see from here
        w, h = super().wrap(availWidth, availHeight)  # type: ignore[misc]
        self._memo = (availWidth, w, h, self.blPara, self._wrapWidths)
        return w, h


class Para(MemoWrap, Paragraph):
    """A paragraph that wraps once per width."""


_templates: dict[int, tuple[ParagraphStyle, Any]] = {}  # style's id → (it, a fragment)


def plain_paragraph(cls: type[Paragraph], text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (no markup, no font fallback, single spaces) built without
    the markup parser, which Platypus instantiates anew for every paragraph (~15 % of the
    layout time of a long brief). The fragment is a copy of one parsed from the style."""
    entry = _templates.get(id(style))
    if entry is None or entry[0] is not style:
        entry = _templates[id(style)] = (style, Paragraph("x", style).frags[0])
    frag = entry[1].clone(text=text)
    return cls(None, style, frags=[frag])


class Heading(MemoWrap, Paragraph):
    """A heading that becomes a bookmark, an outline entry and a contents line."""

    def __init__(self, text: str, style: ParagraphStyle, *, key: str = "", outline: str = "",
                 level: int = 0, rule: bool = False, **kw) -> None:
        super().__init__(text, style, **kw)
        self.key = key
        self.outline = outline
        self.outline_level = level
        self.rule = rule

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if parts:
            head = parts[0]
            head.key, head.outline = self.key, self.outline
            head.outline_level, head.rule = self.outline_level, False
            for p in parts[1:]:
                p.key, p.outline, p.outline_level = "", "", 0
                p.rule = self.rule
        return parts

    def draw(self) -> None:
        super().draw()
        if self.rule:
            self.canv.saveState()
            self.canv.setStrokeColor(Color(0, 0, 0))
            self.canv.setLineWidth(1.1)
            y = -self.style.leading * 0.3
            self.canv.line(0, y, self.width, y)
            self.canv.restoreState()


class QuotePara(MemoWrap, Paragraph):
    """A paragraph of a block quote: a grey rule down its left side and, on the first line
    of a passage, the passage number in the margin."""

    rule_x = 14.0
    number = ""
    number_style: tuple[str, float] = (pdf_fonts.SANS, 7.5)
    extend_up = 0.0  # continue the rule through the gap above (paragraphs of one quote)
    quote_key = ""  # the passage's bookmark ("See No. 3" links here)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) > 1:  # the first line keeps the number and the bookmark
            parts[0].number, parts[0].quote_key = self.number, self.quote_key
            parts[0].extend_up = self.extend_up
        return parts

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(1.6)
        c.line(self.rule_x, 1, self.rule_x, self.height + self.extend_up)
        if self.number:
            font, size = self.number_style
            c.setFont(font, size)
            c.setFillColor(GREY)
            c.drawRightString(self.rule_x - 5, self.height - self.style.fontSize, self.number)
        c.restoreState()
        super().draw()


class LatePara(Flowable):
    """A paragraph whose text is made when it is laid out, so it can name the page of
    something laid out before it ("quoted under Charging policies, page 4"). ``make``
    returns the paragraph and whether its text is final (a page not known yet: made
    again at the next layout)."""

    def __init__(self, make: Callable[[], tuple[Paragraph, bool]]) -> None:
        super().__init__()
        self.make = make
        self._para: Paragraph | None = None

    def _get(self) -> Paragraph:
        if self._para is not None:
            return self._para
        para, final = self.make()
        if final:
            self._para = para
        return para

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self._get().wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return self._get().split(availWidth, availHeight)

    def drawOn(self, canvas, x, y, _sW=0):
        self._get().drawOn(canvas, x, y, _sW)

    def getSpaceBefore(self):
        return self._get().getSpaceBefore()

    def getSpaceAfter(self):
        return self._get().getSpaceAfter()


class KeepShort(KeepTogether):
    """Keep ``main`` + ``tail`` on one page when they are shorter than ``limit`` points;
    else keep ``main`` alone together when it is short enough; else let everything break
    between lines (paragraph styles forbid single widow and orphan lines).

    (Never nest KeepTogether objects: Platypus cannot place one that a split hands back
    first, so the fallbacks return flat lists headed by a no-op action.)"""

    def __init__(self, main: list[Flowable], limit: float,
                 tail: list[Flowable] | None = None) -> None:
        super().__init__([*main, *(tail or [])])
        self.main = main
        self.tail = tail or []
        self.limit = limit

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self.limit >= self._H:
            return super().split(aW, aH)
        if self.tail:
            return [self.NullActionFlowable(), KeepShort(self.main, self.limit), *self.tail]
        return [self.NullActionFlowable(), *self.main]


@dataclass
class TocEntry:
    level: int  # 1-based
    text: str  # markup
    key: str


class Contents(Flowable):
    """The table of contents: titles with dot leaders; page numbers are filled in by
    :class:`NumberedCanvas` at save time. Entries link to their headings."""

    def __init__(self, entries: list[TocEntry], styles: dict[int, ParagraphStyle]) -> None:
        super().__init__()
        self.entries = entries
        self.styles = styles
        self._paras: list[Paragraph] = []
        self._heights: list[float] = []
        self.number_width = 32.0

    def _layout(self, aW: float) -> None:
        self._paras = []
        self._heights = []
        for e in self.entries:
            st = self.styles[min(e.level, max(self.styles))]
            p = Paragraph(e.text, st)
            _, h = p.wrap(aW - self.number_width, 1e6)
            self._paras.append(p)
            self._heights.append(h + st.spaceBefore + st.spaceAfter)

    def wrap(self, aW, aH):
        self._layout(aW)
        self.width = aW
        self.height = sum(self._heights)
        return aW, self.height

    def split(self, aW, aH):
        self._layout(aW)
        used, k = 0.0, 0
        for h in self._heights:
            if used + h > aH:
                break
            used += h
            k += 1
        if k == 0 or k >= len(self.entries):
            return [] if k == 0 else [self]
        return [Contents(self.entries[:k], self.styles), Contents(self.entries[k:], self.styles)]

    def drawOn(self, canvas, x, y, _sW=0):
        top = y + self.height
        for e, p, h in zip(self.entries, self._paras, self._heights, strict=True):
            st = p.style
            top -= st.spaceBefore
            p_h = h - st.spaceBefore - st.spaceAfter
            p.drawOn(canvas, x, top - p_h)
            widths = p.getActualLineWidths0() or [0.0]
            baseline = top - st.fontSize - st.leading * (len(widths) - 1)
            text_end = x + st.leftIndent + widths[-1]
            num_x = x + self.width
            dots_to = num_x - self.number_width + 6
            canvas.saveState()
            canvas.setFillColor(GREY)
            canvas.setFont(pdf_fonts.SANS, st.fontSize * 0.9)
            dot_w = canvas.stringWidth(". ", pdf_fonts.SANS, st.fontSize * 0.9)
            if dots_to - text_end > 3 * dot_w:
                n = int((dots_to - text_end - 4) / dot_w)
                canvas.drawRightString(dots_to, baseline, ". " * n)
            canvas.restoreState()
            canvas._toc_marks.append((e.key, num_x, baseline, st.fontName, st.fontSize))
            canvas.linkRect("", e.key, (x, top - p_h, num_x, top), relative=0, thickness=0)
            top -= p_h + st.spaceAfter
