"""The brief as a Word document (python-docx) with real styles: Title, Subtitle,
Heading 1–3, Quote, and custom "Citation", "Passage Details", "Note", "Source" styles.

The table of contents is a Word TOC field whose entries are filled in already (without page
numbers); Word or LibreOffice adds them when the field is updated (F9 / Tools ▸ Update).
Headers carry the title, footers "Page N of M" (PAGE / NUMPAGES fields). Core properties
are set from the brief: the template's "python-docx" author and comment are overwritten,
and no annotator is named when anonymising. The template's thumbnail is removed.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Length, Pt
from docx.text.paragraph import Paragraph

from reader.export import citation as cite
from reader.export import labels
from reader.export.citation import format_day
from reader.export.docx_extras import write_discussion, write_matrix
from reader.export.docx_styles import MONO, MUTED, SANS, set_font, setup_styles
from reader.export.docx_xml import (
    APP_XML,
    bookmark,
    cap,
    field,
    first_run_index,
    fld_char,
    instr,
    link_last_run,
    quote_bookmark,
)
from reader.export.model import Brief, BriefQuote, BriefReference, BriefSection
from reader.export.notes import Block, parse_note
from reader.export.options import PageSize
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress


def render(brief: Brief, *, progress: ProgressFn = no_progress,
           cancel: CancelToken = NEVER_CANCELLED) -> bytes:
    return _Writer(brief, progress, cancel).write()


class _Writer:
    def __init__(self, brief: Brief, progress: ProgressFn, cancel: CancelToken) -> None:
        self.b = brief
        self.progress = progress
        self.cancel = cancel
        self.doc = docx.Document()
        self.st = setup_styles(self.doc)
        self.done = 0
        self.total = max(1, brief.placement_count)
        self.new_page = False  # the next paragraph starts a page
        self.style_ids = {name: None if name == "Normal" else style.style_id
                          for name, style in self.st.items()}
        self.body = self.doc.element.body
        self.sect = self.body.find(qn("w:sectPr"))

    # python-docx's add_paragraph / add_run look styles up by scanning every style and set
    # run text one character at a time; a 1,000-passage brief took ~15 s that way. These
    # two build the same XML directly (≈10× faster).
    def para(self, style: str, text: str = "") -> Paragraph:
        p = OxmlElement("w:p")
        sid = self.style_ids[style]
        if sid is not None:
            ppr = OxmlElement("w:pPr")
            ps = OxmlElement("w:pStyle")
            ps.set(qn("w:val"), sid)
            ppr.append(ps)
            p.append(ppr)
        self.sect.addprevious(p)
        para = Paragraph(p, self.doc._body)
        if self.new_page:
            para.paragraph_format.page_break_before = True
            self.new_page = False
        if text:
            self.run(para, text)
        return para

    @staticmethod
    def run(para: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
            mono: bool = False, size: float | None = None) -> None:
        """Append a run; tabs and line breaks in ``text`` become ``w:tab`` / ``w:br``."""
        r = OxmlElement("w:r")
        if bold or italic or mono or size:
            rpr = OxmlElement("w:rPr")
            if mono:
                fonts = OxmlElement("w:rFonts")
                for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                    fonts.set(qn(attr), MONO)
                rpr.append(fonts)
            if bold:
                rpr.append(OxmlElement("w:b"))
            if italic:
                rpr.append(OxmlElement("w:i"))
            if size:
                sz = OxmlElement("w:sz")
                sz.set(qn("w:val"), str(round(size * 2)))
                rpr.append(sz)
            r.append(rpr)
        for piece in re.split(r"([\t\n])", text):
            if piece == "\t":
                r.append(OxmlElement("w:tab"))
            elif piece == "\n":
                r.append(OxmlElement("w:br"))
            elif piece:
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = piece
                r.append(t)
        para._p.append(r)

    def write(self) -> bytes:
        b = self.b
        self._page_setup()
        self._properties()
        self._cover()
        if b.options.include_toc:
            self._toc()
        if b.matrix is not None:
            write_matrix(self, b.matrix)
        for s in b.sections:
            self._section(s)
        self._appendices()
        self.progress(self.total, self.total, "Saving the Word document")
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()

    # -- set-up ----------------------------------------------------------------------------
    def _page_setup(self) -> None:
        sec = self.doc.sections[0]
        if self.b.options.page_size is PageSize.LETTER:
            sec.page_width, sec.page_height = Inches(8.5), Inches(11)
            margin: Length = Inches(1)
        else:
            sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
            margin = Cm(2.5)
        sec.left_margin = sec.right_margin = margin
        sec.top_margin = sec.bottom_margin = margin
        sec.header_distance = sec.footer_distance = Cm(1.2)
        sec.different_first_page_header_footer = True  # a bare cover page
        width = sec.page_width - sec.left_margin - sec.right_margin
        for name in ("Header", "Footer"):
            style = self.doc.styles[name]
            set_font(style, SANS)
            style.font.size = Pt(8.5)
            style.font.color.rgb = MUTED
            style.paragraph_format.tab_stops.clear_all()
        for name in ("Header", "Footer"):
            self.doc.styles[name].paragraph_format.tab_stops.add_tab_stop(
                width, WD_TAB_ALIGNMENT.RIGHT)
        head = sec.header.paragraphs[0]
        head.style = self.doc.styles["Header"]
        right = self.b.cover.group_name or ""
        if self.b.cover.as_of:
            right = (right + " · " if right else "") + "as of " + format_day(self.b.cover.as_of)
        self.run(head, f"{self.b.cover.title}\t{right}")
        foot = sec.footer.paragraphs[0]
        foot.style = self.doc.styles["Footer"]
        self.run(foot, f"{self.b.cover.notice}\t")
        for piece in ("Page ", "PAGE", " of ", "NUMPAGES"):
            if piece.isupper():
                field(foot, piece, "1")
            else:
                self.run(foot, piece)

    def _properties(self) -> None:
        b, cp = self.b, self.doc.core_properties
        author = labels.pdf_author(b)
        cp.author = cap(author)
        cp.last_modified_by = cap(author)
        cp.title = cap(b.cover.title)
        cp.subject = cap(labels.subject(b))
        cp.keywords = cap("; ".join(labels.keywords(b)))
        cp.comments = f"Prepared with {labels.GENERATOR}."
        cp.category = "Briefing packet"
        cp.content_status = ""
        cp.language = "en"
        cp.revision = 1
        when = (b.generated or dt.datetime.now(dt.UTC)).replace(microsecond=0)
        cp.created = when
        cp.modified = when
        package = self.doc.part.package
        for rid, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del package.rels[rid]
        for part in package.iter_parts():
            if str(part.partname) == "/docProps/app.xml":
                part._blob = APP_XML.encode("utf-8")

    # -- cover and contents ------------------------------------------------------------------
    def _cover(self) -> None:
        c = self.b.cover
        if c.group_name:
            self.para("Cover Group", c.group_name).paragraph_format.space_before = Pt(90)
        title = self.para("Title", c.title)
        if c.group_name:
            title.paragraph_format.space_before = Pt(6)
        if c.subtitle:
            self.para("Subtitle", c.subtitle)
        for label, value in labels.cover_details(self.b):
            p = self.para("Cover Details")
            self.run(p, f"{label}: ", bold=True)
            self.run(p, value)
        spacer = self.para("Normal")
        spacer.paragraph_format.space_after = Pt(18)
        for line in labels.intro_lines(self.b):
            self.para("Normal", line)
        if c.notice:
            self.run(self.para("Normal"), c.notice, bold=True)
        self.new_page = True

    def _toc(self) -> None:
        self.para("TOC Heading", labels.CONTENTS)
        entries = [(1, t) for _key, t in labels.front_matter(self.b)]
        entries += [(min(3, s.level), s.title) for s in self.b.contents()]
        entries += [(1, t) for t in self._appendix_titles()]
        paragraphs = [self.para(f"TOC {lvl}", text) for lvl, text in entries]
        first, last = paragraphs[0], paragraphs[-1]
        begin = [fld_char("begin"), instr(' TOC \\o "1-3" \\h \\z \\u '),
                 fld_char("separate")]
        for el in reversed(begin):
            first._p.insert(first_run_index(first._p), el)
        last._p.append(fld_char("end"))
        self.new_page = True

    def _appendix_titles(self) -> list[str]:
        return [title for _key, title in labels.appendices(self.b)]

    # -- body ------------------------------------------------------------------------------
    def _section(self, s: BriefSection) -> None:
        self.para("Stance Heading" if s.kind == "stance" else f"Heading {min(3, s.level)}",
                  s.title)
        if s.description:
            self.para("Theme Description", s.description)
        if s.subtitle:
            self.para("Theme Description", s.subtitle)
        for i, ref in enumerate(s.references, 1):
            self._reference(ref, last=i == len(s.references))
        for q in s.quotes:
            self._quote(s, q)
        for child in s.children:
            self._section(child)

    def _reference(self, ref: BriefReference, *, last: bool) -> None:
        """"See No. 3: “…” (Title, p. 2), quoted under X", "See No. 3" linked to the
        passage (a Word file has no pages until laid out: no page is named)."""
        p = self.para("See Also")
        self.run(p, labels.see_lead(ref), bold=True)
        link_last_run(p, quote_bookmark(ref.number))
        self.run(p, f": {labels.see_excerpt(ref)} (")
        self.run(p, labels.see_source(ref), italic=True)
        self.run(p, f"), {labels.see_where(ref)}.")
        if last:
            p.paragraph_format.space_after = Pt(10)

    def _quote(self, s: BriefSection, q: BriefQuote) -> None:
        self.cancel.raise_if_cancelled()
        for i, text in enumerate(q.paragraphs):
            p = self.para("Quote", text)
            if i == 0:
                bookmark(p, quote_bookmark(q.number), q.number)
        p = self.para("Citation")
        self.run(p, "— ")
        for text, italic in cite.runs(q.citation, nbsp=True):
            self.run(p, text, italic=italic)
        meta = labels.quote_meta(self.b, s, q)
        details = self.para("Passage Details", meta) if meta else None
        if (q.note or q.replies or q.contradicted_by) and details is not None:
            details.paragraph_format.keep_with_next = True
            details.paragraph_format.space_after = Pt(3)
        if q.note:
            self._note(parse_note(q.note))
        write_discussion(self, q)
        self.done += 1
        if self.done % 50 == 0:
            self.progress(self.done, self.total, "Writing the Word document")

    def _note(self, blocks: tuple[Block, ...]) -> None:
        last = None
        for i, block in enumerate(blocks):
            p = self.para("Note")
            extra = 0.6 * block.depth + 0.5 * block.quoted
            if extra:
                p.paragraph_format.left_indent = self.st["Note"].paragraph_format.left_indent \
                    + Cm(extra)
            if i == 0:
                self.run(p, "Note: ", bold=True)
            if block.kind == "item" and block.marker and block.first_in_item:
                self.run(p, f"{block.marker} ")
            for span in block.spans:
                self.run(p, span.text, bold=span.bold or block.kind == "heading",
                         italic=span.italic, mono=span.code)
            last = p
        if last is not None:
            last.paragraph_format.space_after = Pt(12)

    # -- appendices ----------------------------------------------------------------------------
    def _appendices(self) -> None:
        b = self.b
        self.new_page = True
        if b.options.include_sources and b.sources:
            self.para("Heading 1", labels.SOURCES)
            for i, src in enumerate(b.sources, 1):
                title, lines = labels.source_lines(src)
                p = self.para("Source")
                self.run(p, f"{i}.\t")
                self.run(p, title, italic=True)
                for line in lines:
                    self.run(p, "\n" + line)
        if b.options.include_theme_appendix and b.themes:
            self.para("Heading 1", labels.THEMES)
            for t in b.themes:
                p = self.para("Normal")
                if t.level > 1:
                    p.paragraph_format.left_indent = Cm(0.6 * (t.level - 1))
                p.paragraph_format.keep_with_next = True
                p.paragraph_format.space_after = Pt(0)
                self.run(p, t.label, bold=True)
                if t.quote_count:
                    n = t.quote_count
                    self.run(p, f" ({n} passage{'s' if n != 1 else ''})")
                d = self.para("Theme Description", t.description or "—")
                if t.level > 1:
                    d.paragraph_format.left_indent = Cm(0.6 * (t.level - 1))
        if b.orphans:
            self.para("Heading 1", labels.ORPHANS)
            self.para("Normal", labels.ORPHANS_INTRO)
            for o in b.orphans:
                for text in (x for x in o.text.split("\n\n") if x):
                    self.para("Quote", text)
                p = self.para("Citation")
                self.run(p, "— ")
                self.run(p, o.doc_title, italic=True)
                self.run(p, f" (page unknown). {o.reason}")
                meta = " · ".join(x for x in (
                    "Themes: " + "; ".join(o.themes) if o.themes else "",
                    f"Highlighted by {o.annotator}" if o.annotator else "") if x)
                if meta:
                    self.para("Passage Details", meta)
                if o.note:
                    self._note(parse_note(o.note))
