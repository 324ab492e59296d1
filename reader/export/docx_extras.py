"""Word output of what a brief prints beyond quotes: "Contradicted by" and the replies under
a quote (in the Note style), and the comparison matrix as a real Word table (the built-in
"Table Grid" style, header row repeated on each page)."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from reader.export import labels
from reader.export.model import BriefMatrix, BriefQuote


def write_discussion(w: Any, q: BriefQuote) -> None:
    """``w`` is the Word writer (its ``para`` and ``run``)."""
    last = None
    for c in q.contradicted_by:
        p = w.para("Note")
        w.run(p, f"{labels.CONTRADICTED_BY}: ", bold=True)
        w.run(p, labels.contradiction_line(c))
        last = p
    if q.replies:
        p = w.para("Note")
        w.run(p, labels.REPLIES, bold=True)
        for r in q.replies:
            p = w.para("Note")
            if r.depth > 1:
                indent = w.st["Note"].paragraph_format.left_indent or 0
                p.paragraph_format.left_indent = indent + Cm(0.6 * (min(r.depth, 3) - 1))
            w.run(p, labels.reply_line(r))
        last = p
    if last is not None:
        last.paragraph_format.space_after = Pt(12)


def write_matrix(w: Any, m: BriefMatrix) -> None:
    w.para("Heading 1", m.title)
    if m.note:
        w.para("Theme Description", m.note)
    table = w.doc.add_table(rows=1 + len(m.rows), cols=1 + len(m.columns))
    table.style = w.doc.styles["Table Grid"]
    grid = [(m.corner, *m.columns), *((label, *cells) for label, cells in m.rows)]
    for i, values in enumerate(grid):
        row = table.rows[i]
        for j, value in enumerate(values):
            cell = row.cells[j]
            para = cell.paragraphs[0]
            para.alignment = 0 if j == 0 else 1
            w.run(para, value, bold=i == 0, size=8)
    header = table.rows[0]._tr
    trpr = header.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    w.para("Passage Details", m.legend)
    w.new_page = True
