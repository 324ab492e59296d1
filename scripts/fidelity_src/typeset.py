"""A small typesetter on the reportlab canvas that knows where every line lands.

Court documents are laid out here line by line (not with platypus) so the generator can
record what the fidelity sidecars need: which sentences run across a page or column break,
which hyphenated compounds and which words were broken at a line end, and which running
heads and printed page numbers each page carries. Output is byte-identical across runs
(``invariant=1``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from .elements import (  # noqa: F401  (re-exported for the fixture modules)
    SOFT,
    Block,
    Break,
    Frame,
    Furniture,
    FurnitureFn,
    Gap,
    Para,
    Picture,
    Push,
    Report,
    Rule,
    Side,
    Style,
    _Words,
    soften,
    width,
)

DEJAVU = "/usr/share/fonts/truetype/dejavu/"


def _span(words: list[str], cut: int, *, before: int = 7, after: int = 7) -> str:
    lo, hi = max(0, cut - before), min(len(words), cut + after)
    return " ".join(words[lo:hi])


class Typesetter:
    def __init__(self, frames: Callable[[int], list[Frame]], furniture: FurnitureFn, *,
                 pagesize: tuple[float, float] = letter, info: dict[str, str] | None = None,
                 note_style: Style | None = None, note_box: Callable[[int], Frame] | None = None,
                 line_spans: int = 4) -> None:
        self.frames = frames
        self.furniture = furniture
        self.pagesize = pagesize
        self.info = info or {}
        self.note_style = note_style or Style(size=9.5, align="justify", after=3)
        self.note_box = note_box
        self.line_spans = line_spans
        self.y: float = 0.0

    def build(self, blocks: list[Block]) -> tuple[bytes, Report]:
        total = self._run(blocks, None, Report(), 0)
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=self.pagesize, invariant=1)
        for key, value in self.info.items():
            if key == "Title":
                c.setTitle(value)
            elif key == "Author":
                c.setAuthor(value)
            elif key == "Subject":
                c.setSubject(value)
            elif key == "Creator":
                c.setCreator(value)
            elif key == "CreationDate":
                c.setDateFormatter(lambda *_: value)  # noqa: B023
        rep = Report()
        self._run(blocks, c, rep, total)
        c.save()
        rep.pages = total
        rep.heads = list(dict.fromkeys(rep.heads))
        return buf.getvalue(), rep

    # -- layout --------------------------------------------------------------------------
    def _run(self, blocks: list[Block], c: Canvas | None, rep: Report, total: int) -> int:
        self.c, self.rep, self.total = c, rep, total
        self.page = 0
        self._new_page()
        tracked = 0
        for b in blocks:
            if isinstance(b, Break):
                self._new_page() if b.kind == "page" else self._next_frame()
            elif isinstance(b, Gap):
                self.y -= b.height
            elif isinstance(b, Push):
                self.y = min(self.y, self._bottom() + b.height)
            elif isinstance(b, Rule):
                self._rule(b)
            elif isinstance(b, Side):
                self._side(b)
            elif isinstance(b, Picture):
                self._picture(b)
            else:
                tracked += self._para(b, tracked)
        self._finish_page()
        return self.page

    def _new_page(self) -> None:
        if self.page:
            self._finish_page()
        self.page += 1
        self.notes: list[tuple[list[str], Style]] = []
        self.note_h = 0.0
        self.fi = 0
        self.page_frames = self.frames(self.page)
        self.y = self.page_frames[0].top

    def _finish_page(self) -> None:
        f = self.furniture(self.c, self.page, self.total)
        self.rep.heads.extend(f.heads)
        if f.heads:
            self.rep.heads_by_page[str(self.page)] = list(f.heads)
        if f.label:
            self.rep.labels[str(self.page)] = f.label
        if self.c is not None:
            self._draw_notes()
            self.c.showPage()

    def _next_frame(self) -> None:
        if self.fi + 1 < len(self.page_frames):
            self.fi += 1
            self.y = self.page_frames[self.fi].top
        else:
            self._new_page()

    @property
    def frame(self) -> Frame:
        return self.page_frames[self.fi]

    def _bottom(self) -> float:
        extra = self.note_h + 14 if self.note_h and self.fi == len(self.page_frames) - 1 else 0
        return self.frame.bottom + extra

    # -- blocks --------------------------------------------------------------------------
    def _rule(self, r: Rule) -> None:
        self.y -= r.before
        if self.c is not None:
            self.c.setLineWidth(r.thick)
            x0 = self.frame.x + self.frame.width * (1 - r.frac) / 2
            self.c.line(x0, self.y, x0 + self.frame.width * r.frac, self.y)
        self.y -= r.after

    def _side(self, s: Side) -> None:
        f = self.frame
        lw = f.width * s.split
        y0 = self.y
        heights = []
        for items, x, w in ((s.left, f.x, lw - 12), (s.right, f.x + lw + 12, f.width - lw - 12)):
            y = y0
            for text, st in items:
                y -= st.before
                for line in self._break_fixed(text, w, st):
                    y -= st.lead
                    self._draw_line(line, x, y, w, st, last=True)
                y -= st.after
            heights.append(y0 - y)
        h = max(heights)
        if s.bar == "rule" and self.c is not None:  # a bracket drawn as a line
            self.c.setLineWidth(0.6)
            self.c.line(f.x + lw, y0, f.x + lw, y0 - h)
        elif s.bar and self.c is not None:
            st = s.left[0][1]
            y = y0
            while y - st.lead > y0 - h:
                y -= st.lead
                self.c.setFont(st.font, st.size)
                self.c.drawString(f.x + lw, y, s.bar)
        self.y = y0 - h

    def _break_fixed(self, text: str, w: float, st: Style) -> list[list[str]]:
        words, out = _Words(text), []
        scratch = Report()
        while not words.done():
            out.append(words.line(w - st.left - st.right, st, scratch))
        return out

    def _picture(self, p: Picture) -> None:
        f = self.frame
        scale = 3
        font = ImageFont.truetype(DEJAVU + "DejaVuSerif.ttf", p.size * scale)
        line_h = int(p.size * 1.45 * scale)
        img = Image.new("L", (int(f.width * scale), line_h * len(p.lines) + 20), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(p.lines):
            tw = draw.textlength(line, font=font)
            draw.text(((img.width - tw) / 2, 10 + i * line_h), line, fill=20, font=font)
        h = img.height / scale
        if self.c is not None:
            self.c.drawImage(ImageReader(img), f.x, self.y - h, f.width, h)
        self.y -= h + 8

    def _para(self, p: Para, tracked: int) -> int:
        st = p.style
        self.y -= st.before
        if p.notes:
            self._reserve_notes(p)
        if p.keep:
            n = len(self._break_fixed(p.text, self.frame.width, st))
            if self.y - n * st.lead < self._bottom():
                self._next_frame()
        words = _Words(p.text)
        first = True
        line_recorded = False
        while not words.done():
            if self.y - st.lead < self._bottom():
                self._next_frame()
                if p.track and not first:
                    self._record(words, self.rep.crossings)
            avail = self.frame.width - st.left - st.right - (st.indent if first else 0)
            line = words.line(avail, st, self.rep)
            self.y -= st.lead
            x = self.frame.x + st.left + (st.indent if first else 0)
            last = words.done()
            self._draw_line(line, x, self.y, avail, st, last=last,
                            marker=p.marker if last else "")
            first = False
            if (p.track and not last and not line_recorded
                    and tracked % self.line_spans == 0):
                self._record(words, self.rep.sentences)
                line_recorded = True
        self.y -= st.after
        return 1 if p.track else 0

    def _record(self, words: _Words, into: list[str]) -> None:
        clean = [w.replace(SOFT, "") for w in words.words]
        span = _span(clean, words.i)
        if len(span.split()) >= 6:
            into.append(span)

    def _reserve_notes(self, p: Para) -> None:
        ns = self.note_style
        box = self.note_box(self.page) if self.note_box else self.page_frames[-1]
        lines = [self._break_fixed(n, box.width, ns) for n in p.notes]
        h = sum(len(x) * ns.lead + ns.after for x in lines)
        if self.y - p.style.lead * 2 < self.frame.bottom + self.note_h + h + 14:
            self._next_frame()
            box = self.note_box(self.page) if self.note_box else self.page_frames[-1]
            lines = [self._break_fixed(n, box.width, ns) for n in p.notes]
        self.notes.append((p.notes, ns))
        self.note_h += h

    def _draw_notes(self) -> None:
        if not self.notes or self.c is None:
            return
        box = self.note_box(self.page) if self.note_box else self.page_frames[-1]
        y = box.bottom + self.note_h
        self.c.setLineWidth(0.5)
        self.c.line(box.x, y + 8, box.x + 110, y + 8)
        for notes, ns in self.notes:
            for note in notes:
                lines = self._break_fixed(note, box.width, ns)
                for i, line in enumerate(lines):
                    y -= ns.lead
                    self._draw_line(line, box.x, y, box.width, ns, last=i == len(lines) - 1)
                y -= ns.after

    def _draw_line(self, words: list[str], x: float, y: float, avail: float, st: Style, *,
                   last: bool, marker: str = "") -> None:
        if self.c is None or not words:
            return
        words = [w.replace(SOFT, "") for w in words]
        c = self.c
        text = " ".join(words)
        tw = width(text, st)
        if st.align == "center":
            x += (avail - tw) / 2
        elif st.align == "right":
            x += avail - tw
        gaps = len(words) - 1
        extra = (avail - tw) / gaps if gaps else 0.0
        if st.align == "justify" and not last and gaps and extra < 3 * width(" ", st):
            cx = x
            for w in words:
                self._text(w, cx, y, st)
                cx += width(w, st) + width(" ", st) + extra
        else:
            self._text(text, x, y, st)
        if marker:
            c.setFont(st.font, st.size * 0.6)
            c.drawString(x + tw + 0.5, y + st.size * 0.4, marker)

    def _text(self, s: str, x: float, y: float, st: Style) -> None:
        c = self.c
        assert c is not None
        filler = re.match(r"l{10,}", s)  # invisible filler before a party's role
        if filler:
            t = c.beginText(x, y)
            t.setFont(st.font, st.size)
            t.setFillGray(1)
            t.textOut(filler.group(0))
            c.drawText(t)
            x += width(filler.group(0), st)
            s = s[filler.end():]
        for dx in ((0.0, 0.35) if st.fake_bold else (0.0,)):
            t = c.beginText(x + dx, y)
            t.setFont(st.font, st.size)
            t.setCharSpace(st.char_space)  # the text state outlives the text object
            t.textOut(s)
            c.drawText(t)
