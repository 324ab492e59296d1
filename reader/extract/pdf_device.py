"""A lean pdfminer device: the characters of a page as plain tuples, nothing else.

pdfminer's own layout device (``PDFPageAggregator`` with ``LAParams``) builds an ``LTChar``
object for every glyph (a matrix product, a bounding-box transform, four container
updates), an object for every path, and then groups them with method calls per pair of
characters; on ordinary text that is about 80 % of the time a page takes. Here the
interpreter still does all the PDF work (content streams, fonts, text state), but each
glyph becomes one tuple ``(text, x0, y0, x1, y1, size)`` in page coordinates, computed
the way ``LTChar`` computes its box (the common upright case inline, anything else with
pdfminer's own matrix helpers), and paths are not recorded at all. Grouping characters
into lines and boxes is done by :mod:`reader.extract.pdf_group`.

Text inside form XObjects (figures: stamped forms, hidden OCR layers) is kept as its own
character stream, as pdfminer analyses each figure on its own; images record the area
they cover (a scanned page is one big image).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.utils import apply_matrix_rect, mult_matrix

#: One glyph: text, x0, y0, x1, y1 (page coordinates, x0 <= x1, y0 <= y1), size.
Char = tuple[str, float, float, float, float, float]


@dataclass(slots=True)
class RawPage:
    """What :class:`CharDevice` saw on one page."""

    width: float
    height: float
    streams: list[list[Char]] = field(default_factory=list)  # the page's, then figures'
    image_areas: list[float] = field(default_factory=list)


class CharDevice(PDFLayoutAnalyzer):
    """Collects the glyphs of each page (see the module docstring)."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr, laparams=None)
        self.page = RawPage(0.0, 0.0)
        self._chars: list[Char] = []
        self._stack: list[Any] = []  # (chars, figure bbox)
        self._figure: tuple[float, float, float, float] | None = None
        # per font: cid -> (text, width in text space units)
        self._glyphs: dict[int, tuple[PDFFont, dict[int, tuple[str, float]]]] = {}

    # -- pages and figures ---------------------------------------------------------------
    def begin_page(self, page: Any, ctm: Any) -> None:
        (x0, y0, x1, y1) = apply_matrix_rect(ctm, page.mediabox)
        self._chars = []
        self._stack = []
        self._figure = None
        self.page = RawPage(abs(x0 - x1), abs(y0 - y1), [self._chars])

    def end_page(self, page: Any) -> None:
        self.pageno += 1

    def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
        self._stack.append((self._chars, self._figure))
        (x, y, w, h) = bbox  # pdfminer reads a figure's box as x, y, width, height
        self._figure = apply_matrix_rect(mult_matrix(matrix, self.ctm), (x, y, x + w, y + h))
        self._chars = []
        self.page.streams.append(self._chars)

    def end_figure(self, name: str) -> None:
        self._chars, self._figure = self._stack.pop()

    def render_image(self, name: str, stream: Any) -> None:
        if self._figure is not None:
            x0, y0, x1, y1 = self._figure
            self.page.image_areas.append(abs(x1 - x0) * abs(y1 - y0))

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool,
                   path: Any) -> None:
        return None  # rules and shapes carry no text

    # -- glyphs ----------------------------------------------------------------------------
    def _table(self, font: PDFFont) -> dict[int, tuple[str, float]]:
        entry = self._glyphs.get(id(font))
        if entry is None or entry[0] is not font:
            entry = (font, {})
            self._glyphs[id(font)] = entry
        return entry[1]

    def render_string_horizontal(self, seq: Any, matrix: Any, pos: Any, font: PDFFont,
                                 fontsize: float, scaling: float, charspace: float,
                                 wordspace: float, rise: float, dxscale: float, ncs: Any,
                                 graphicstate: Any) -> Any:
        (x, y) = pos
        a, b, c, d, e, f = matrix
        table = self._table(font)
        out = self._chars
        upright = b == 0 and c == 0
        descent = font.get_descent() * fontsize
        lo = descent + rise
        hi = lo + fontsize
        hscale = fontsize * scaling
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, bytes):
                continue
            for cid in font.decode(obj):
                if needcharspace:
                    x += charspace
                glyph = table.get(cid)
                if glyph is None:
                    try:
                        text = font.to_unichr(cid)
                    except PDFUnicodeNotDefined:
                        text = f"(cid:{cid})"
                    glyph = table[cid] = (text, font.char_width(cid))
                adv = glyph[1] * hscale
                if upright:
                    gx = a * x + e
                    gy = d * y + f
                    x0, x1 = gx, gx + a * adv
                    y0, y1 = gy + d * lo, gy + d * hi
                    if x1 < x0:
                        x0, x1 = x1, x0
                    if y1 < y0:
                        y0, y1 = y1, y0
                else:
                    m = (a, b, c, d, x * a + y * c + e, x * b + y * d + f)
                    x0, y0, x1, y1 = apply_matrix_rect(m, (0, lo, adv, hi))
                    if x1 < x0:
                        x0, x1 = x1, x0
                    if y1 < y0:
                        y0, y1 = y1, y0
                out.append((glyph[0], x0, y0, x1, y1, y1 - y0))
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        return (x, y)

    def render_char(self, matrix: Any, font: PDFFont, fontsize: float, scaling: float,
                    rise: float, cid: int, ncs: Any, graphicstate: Any) -> float:
        """Vertical writing (rare) goes through pdfminer's own ``LTChar``."""
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = f"(cid:{cid})"
        item = LTChar(matrix, font, fontsize, scaling, rise, text, font.char_width(cid),
                      font.char_disp(cid), ncs, graphicstate)
        self._chars.append((text, item.x0, item.y0, item.x1, item.y1, item.size))
        return item.adv
