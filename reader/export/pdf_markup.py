"""Brief text as reportlab Paragraph markup: citations (title in italics) and notes
(simple Markdown blocks: bold, italics, code, links, bulleted and numbered items)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from reader.export import citation as cite
from reader.export.model import Citation
from reader.export.notes import Block, Span, safe_href
from reader.export.pdf_flow import Para
from reader.export.pdf_fonts import MONO, SANS, markup
from reader.export.pdf_styles import Styles


def citation_markup(c: Citation) -> str:
    return "".join(f"<i>{markup(t, SANS)}</i>" if italic else markup(t, SANS)
                   for t, italic in cite.runs(c, nbsp=True))


def note_flowables(blocks: tuple[Block, ...], st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for i, b in enumerate(blocks):
        last = i == len(blocks) - 1
        style = st.note_style(b.depth, b.quoted, last, code=b.kind == "code")
        if b.kind == "code":
            text = markup(b.text, MONO).replace("\n", "<br/>")
        else:
            text = "".join(_span_markup(s, heading=b.kind == "heading") for s in b.spans)
        if i == 0:
            text = "<b>Note:</b> " + text
        bullet = b.marker if b.kind == "item" and b.first_in_item and b.marker else None
        out.append(Para(text, style, bulletText=bullet))
    return out


def _span_markup(s: Span, *, heading: bool = False) -> str:
    family = MONO if s.code else SANS
    text = markup(s.text, family).replace("\n", "<br/>")
    if s.code:
        text = f'<font face="{MONO}">{text}</font>'
    if s.italic:
        text = f"<i>{text}</i>"
    if s.bold or heading:
        text = f"<b>{text}</b>"
    href = safe_href(s.href)
    if href:
        text = f'<a href="{markup(href, SANS)}" underline="1">{text}</a>'
    return text

