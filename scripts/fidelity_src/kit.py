"""Shared pieces of the fidelity fixtures: the Fixture record, page frames, running heads
and page numbers, caption lines, and opinion bodies with footnotes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .prose import Case, Writer
from .typeset import Block, Frame, Furniture, Para, Report, Style, Typesetter, soften

W, H = letter


@dataclass
class Fixture:
    name: str  # file name, e.g. "dc_cir_ashworth.pdf"
    about: str  # what real layout it imitates
    data: bytes
    expected: dict[str, str]  # metadata fields
    report: Report | None = None  # PDFs laid out by the typesetter
    provenance: dict[str, int] = field(default_factory=dict)  # field -> page (0: properties)
    extra: dict[str, object] = field(default_factory=dict)  # more sidecar keys


def single(left: float = 72, right: float = 72, top: float = 72, bottom: float = 72,
           first_top: float | None = None) -> Callable[[int], list[Frame]]:
    def frames(page: int) -> list[Frame]:
        t = first_top if (page == 1 and first_top is not None) else top
        return [Frame(left, H - t, W - left - right, bottom)]
    return frames


def columns(n: int, *, left: float = 40, right: float = 40, top: float = 60,
            bottom: float = 50, gutter: float = 14, first_head: float = 0
            ) -> Callable[[int], list[Frame]]:
    """``n`` columns; page 1 may start with a full-width frame ``first_head`` points tall."""
    def frames(page: int) -> list[Frame]:
        width = (W - left - right - gutter * (n - 1)) / n
        out = []
        col_top = H - top
        if page == 1 and first_head:
            out.append(Frame(left, H - top, W - left - right, H - top - first_head))
            col_top = H - top - first_head - 6
        for i in range(n):
            out.append(Frame(left + i * (width + gutter), col_top, width, bottom))
        return out
    return frames


def draw(c: Canvas | None, text: str, x: float, y: float, font: str, size: float,
         align: str = "left", color: float = 0) -> None:
    if c is None or not text:
        return
    c.saveState()
    c.setFont(font, size)
    c.setFillGray(color)
    if align == "center":
        c.drawCentredString(x, y, text)
    elif align == "right":
        c.drawRightString(x, y, text)
    else:
        c.drawString(x, y, text)
    c.restoreState()


def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


# -- page furniture -----------------------------------------------------------------------
def page_numbers(fmt: str = "{n}", *, where: str = "bottom", first: int = 2, offset: int = 0,
                 font: str = "Times-Roman", size: float = 11, y: float | None = None,
                 head: Callable[[int], list[tuple[str, str]]] | None = None
                 ) -> Callable[[Canvas | None, int, int], Furniture]:
    """Printed page numbers (``fmt`` with ``{n}``; from page ``first``), centred at the top
    or bottom; ``head(page)`` adds running-head pieces ``(text, "left"|"right"|"center")``
    at the top of the same pages."""
    def furniture(c: Canvas | None, page: int, total: int) -> Furniture:
        f = Furniture()
        if page < first:
            return f
        n = page + offset
        label = fmt.format(n=n, total=total)
        yy = y if y is not None else (H - 45 if where == "top" else 40)
        draw(c, label, W / 2, yy, font, size, "center")
        f.label = str(n)
        for text, align in (head(page) if head else []):
            x = {"left": 72, "right": W - 72, "center": W / 2}[align]
            draw(c, text, x, H - 45, font, size, align)
            f.heads.append(text)
        return f
    return furniture


def combine(*fns: Callable[[Canvas | None, int, int], Furniture]
            ) -> Callable[[Canvas | None, int, int], Furniture]:
    def furniture(c: Canvas | None, page: int, total: int) -> Furniture:
        out = Furniture()
        for fn in fns:
            f = fn(c, page, total)
            out.heads.extend(f.heads)
            out.label = out.label or f.label
        return out
    return furniture


def ecf_header(fmt: str, *, font: str = "Helvetica", size: float = 8.5, y: float = H - 28
               ) -> Callable[[Canvas | None, int, int], Furniture]:
    """An electronic-docket stamp on every page (``{n}`` page, ``{total}`` pages)."""
    def furniture(c: Canvas | None, page: int, total: int) -> Furniture:
        text = fmt.format(n=page, total=total or 99)
        if c is not None:
            # pieces spread over the line, as docket systems stamp them
            parts = text.split("  ")
            if len(parts) > 1:
                span = W - 2 * 54
                step = span / (len(parts) - 1)
                for i, part in enumerate(parts):
                    align = "left" if i == 0 else ("right" if i == len(parts) - 1 else "center")
                    draw(c, part, 54 + i * step, y, font, size, align)
            else:
                draw(c, text, W / 2, y, font, size, "center")
        return Furniture(heads=[p for p in text.split("  ") if p] if total else [],
                         label=str(page))
    return furniture


# -- text blocks --------------------------------------------------------------------------
def lines(texts: list[str], st: Style, *, after_last: float | None = None) -> list[Block]:
    """Caption lines: one paragraph per line, never split, not tracked."""
    out: list[Block] = []
    for i, t in enumerate(texts):
        s = st if (after_last is None or i < len(texts) - 1) else st.but(after=after_last)
        out.append(Para(t, s, keep=True, track=False))
    return out


@dataclass
class BodyPlan:
    headings: list[tuple[str, int]]  # (heading text, paragraphs under it)
    heading_style: Style
    para_style: Style
    note_every: int = 3  # a footnote after every n-th paragraph (0: none)
    hyphenate: bool = False
    fixed: dict[int, str] = field(default_factory=dict)  # paragraph index -> given text
    sentences: tuple[int, int] = (3, 6)


def body(w: Writer, plan: BodyPlan, cited: list[Case], *, first_note: int = 1) -> list[Block]:
    out: list[Block] = []
    k = 0
    note_no = first_note
    for heading, n in plan.headings:
        if heading:
            out.append(Para(heading, plan.heading_style, keep=True, track=False))
        for _ in range(n):
            text = plan.fixed.get(k) or w.paragraph(w.rng.randint(*plan.sentences))
            if plan.hyphenate:
                text = soften(text)
            notes: list[str] = []
            marker = ""
            if plan.note_every and k % plan.note_every == plan.note_every - 1:
                a, b = cited[note_no % len(cited)], cited[(note_no * 3 + 1) % len(cited)]
                notes = [f"{note_no} See {a.full(4)}; see also {b.full()}."]
                marker = str(note_no)
                note_no += 1
            style = plan.para_style.but(hyphenate=True) if plan.hyphenate else plan.para_style
            out.append(Para(text, style, notes=notes, marker=marker))
            k += 1
    return out


def render(blocks: list[Block], frames: Callable[[int], list[Frame]],
           furniture: Callable[[Canvas | None, int, int], Furniture], *,
           info: dict[str, str] | None = None, note_style: Style | None = None,
           line_spans: int = 4) -> tuple[bytes, Report]:
    ts = Typesetter(frames, furniture, info=info, note_style=note_style,
                    line_spans=line_spans)
    return ts.build(blocks)


def pdf_date(iso: str) -> str:
    return "D:" + iso.replace("-", "") + "101500-05'00'"
