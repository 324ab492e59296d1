"""PDF flowables for what a brief prints beyond quotes: "Contradicted by" and the replies
under a quote, and the comparison matrix as a real table (header row repeated on every page
it runs onto, cells in words and signs, never colour alone)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from reader.export import labels
from reader.export.model import BriefMatrix, BriefQuote
from reader.export.pdf_flow import GREY, Heading, Para
from reader.export.pdf_fonts import SANS, markup
from reader.export.pdf_styles import Styles

_CELL = ParagraphStyle("MatrixCell", fontName=SANS, fontSize=7.5, leading=9.5,
                       alignment=1)
_HEAD = ParagraphStyle("MatrixHead", parent=_CELL, fontName=SANS + "-Bold")
_ROW = ParagraphStyle("MatrixRow", parent=_CELL, alignment=0)


def discussion_flowables(q: BriefQuote, st: Styles) -> list[Flowable]:
    """Paragraphs set like notes: "Contradicted by: …" lines, then the replies indented by
    how deep they answer."""
    out: list[Flowable] = []
    items: list[tuple[int, str]] = []
    for c in q.contradicted_by:
        items.append((0, f"<b>{labels.CONTRADICTED_BY}:</b> "
                         f"{markup(labels.contradiction_line(c), SANS)}"))
    if q.replies:
        items.append((0, f"<b>{labels.REPLIES}</b>"))
        items += [(min(r.depth, 3), markup(labels.reply_line(r), SANS)) for r in q.replies]
    for i, (depth, text) in enumerate(items):
        out.append(Para(text, st.note_style(depth, 0, i == len(items) - 1)))
    return out


def matrix_flowables(m: BriefMatrix, st: Styles, width: float) -> list[Flowable]:
    """The matrix's heading, the sentence saying what it counts, the table, its legend."""
    out: list[Flowable] = [Heading(markup(m.title, SANS), st.h[1], key="matrix",
                                   outline=m.title, level=0, rule=True)]
    if m.note:
        out.append(Para(markup(m.note, SANS), st.docline))
    first = min(width * 0.3, 5.5 * 28.35)
    other = (width - first) / max(1, len(m.columns))
    head = [Para(markup(m.corner, SANS), _HEAD),
            *(Para(markup(c, SANS), _HEAD) for c in m.columns)]
    rows = [[Para(markup(label, SANS), _ROW), *(Para(markup(x, SANS), _CELL) for x in cells)]
            for label, cells in m.rows]
    table = Table([head, *rows], colWidths=[first] + [other] * len(m.columns), repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GREY),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    out.append(table)
    out.append(Para(markup(m.legend, SANS), st.docline))
    return out
