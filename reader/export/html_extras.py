"""The HTML of what a brief prints beyond quotes: replies and "Contradicted by" under a
quote, and the comparison matrix as a real table (``lite``: the Qt preview's simple
rich text)."""

from __future__ import annotations

from html import escape

from reader.export import labels
from reader.export.model import BriefMatrix, BriefQuote

CSS = """
.replies, .contradicted { margin: .4em 1.5em 0 2.5em; font-size: 9.5pt; }
.replies p { margin: .15em 0; } .replies .depth-2 { margin-left: 1.2em; }
.replies .depth-3 { margin-left: 2.4em; }
.contradicted p { margin: .15em 0; }
table.matrix { border-collapse: collapse; font-size: 9pt; margin: .6em 0; width: 100%; }
table.matrix th, table.matrix td { border: 1px solid var(--rule); padding: .25em .4em;
  vertical-align: top; }
table.matrix thead th { font-family: "DejaVu Sans", sans-serif; text-align: center; }
table.matrix tbody th { text-align: left; font-weight: normal; }
table.matrix td { text-align: center; white-space: nowrap; }
.legend { font-size: 8.5pt; color: var(--muted); }
@media print { table.matrix { break-inside: auto; } table.matrix tr { break-inside: avoid; } }
"""


def discussion_html(q: BriefQuote, *, lite: bool = False) -> str:
    out = []
    pad = ' style="margin-left: 40px;"' if lite else ""
    if q.contradicted_by:
        lines = "".join(f"<p><strong>{labels.CONTRADICTED_BY}:</strong> "
                        f"{escape(labels.contradiction_line(c))}</p>"
                        for c in q.contradicted_by)
        out.append(f'<div class="contradicted"{pad}>{lines}</div>\n')
    if q.replies:
        lines = "".join(
            f'<p class="depth-{min(r.depth, 3)}">'
            + ("&nbsp;" * 4 * (r.depth - 1) if lite else "")
            + f"{escape(labels.reply_line(r))}</p>" for r in q.replies)
        out.append(f'<div class="replies"{pad}><p><strong>{labels.REPLIES}</strong></p>'
                   f"{lines}</div>\n")
    return "".join(out)


def matrix_html(m: BriefMatrix, *, lite: bool = False) -> str:
    border = ' border="1" cellspacing="0" cellpadding="3"' if lite else ""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in m.columns)
    body = "".join(
        f'<tr><th scope="row">{escape(label)}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>\n"
        for label, cells in m.rows)
    note = f'<p class="meta">{escape(m.note)}</p>\n' if m.note and not lite else ""
    return (f'<section id="matrix" class="matrix"><h2>{escape(m.title)}</h2>\n{note}'
            f'<table class="matrix"{border}><thead><tr><th scope="col">{escape(m.corner)}'
            f"</th>{head}</tr></thead>\n<tbody>\n{body}</tbody></table>\n"
            f'<p class="legend">{escape(m.legend)}</p></section>\n')
