"""The brief as a printable PDF (reportlab Platypus), A4 or US Letter.

Cover page; contents with page numbers and links; per theme (or document) the passages as
ruled block quotes with their citation, details line and note; sources; theme definitions;
optionally the passages that could not be located. Running header (title, group, "as of"
date) and "Page N of M" on every page but the cover; PDF bookmarks mirror the headings.
Fonts are the bundled DejaVu families and Noto Emoji, embedded (see ``pdf_fonts``).

A passage and its citation stay on one page when they take less than about half a page;
longer ones break between lines, never leaving a single line behind.
"""

from __future__ import annotations

import io
import logging

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate

from reader.errors import Cancelled, ExportError
from reader.export import labels
from reader.export.citation import format_day
from reader.export.model import Brief, BriefQuote, BriefReference, BriefSection, SourceEntry
from reader.export.notes import parse_note, safe_href
from reader.export.options import PageSize
from reader.export.pdf_extras import discussion_flowables, matrix_flowables
from reader.export.pdf_flow import (
    GREY,
    Contents,
    Heading,
    KeepShort,
    LatePara,
    NumberedCanvas,
    Para,
    QuotePara,
    TocEntry,
    plain_paragraph,
    speed_up_reportlab,
)
from reader.export.pdf_fonts import (
    SANS,
    draw_string,
    is_plain,
    markup,
    plain,
    register,
    string_width,
)
from reader.export.pdf_markup import citation_markup, note_flowables
from reader.export.pdf_styles import Styles
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress

log = logging.getLogger(__name__)

KEEP_FRACTION = 0.45  # keep a passage whole when it is shorter than this part of a page


def render(brief: Brief, *, progress: ProgressFn = no_progress,
           cancel: CancelToken = NEVER_CANCELLED) -> bytes:
    register()
    speed_up_reportlab()
    buf = io.BytesIO()
    doc = _BriefDoc(buf, brief, progress, cancel)
    story = _Story(brief, doc.styles, doc.frame_height, doc.width, doc.quote_pages).build()
    try:
        doc.build(story, canvasmaker=NumberedCanvas)
    except Cancelled:
        raise
    except Exception as exc:
        if cancel.cancelled:
            raise Cancelled() from exc
        log.exception("PDF layout failed")
        raise ExportError(f"The PDF could not be laid out: {exc}") from exc
    progress(doc.total, doc.total, "PDF written")
    return buf.getvalue()


class _BriefDoc(BaseDocTemplate):
    def __init__(self, buf: io.BytesIO, brief: Brief, progress: ProgressFn,
                 cancel: CancelToken) -> None:
        size = LETTER if brief.options.page_size is PageSize.LETTER else A4
        margin_x = 2.4 * cm if size is A4 else 1.0 * 72
        super().__init__(
            buf, pagesize=size, leftMargin=margin_x, rightMargin=margin_x,
            topMargin=2.6 * cm, bottomMargin=2.3 * cm,
            title=brief.cover.title, author=labels.pdf_author(brief),
            subject=labels.subject(brief), creator=labels.GENERATOR,
            keywords=labels.keywords(brief), lang="en")
        self.brief = brief
        self.progress = progress
        self.cancel = cancel
        self.total = max(1, brief.placement_count)
        self.done = 0
        self.heading_pages: dict[str, int] = {}
        self.quote_pages: dict[str, int] = {}  # a passage's bookmark -> its page
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.frame_height = self.height
        self.addPageTemplates([PageTemplate("body", [frame])])
        self.styles = Styles()

    def beforeDocument(self) -> None:
        canv = self.canv
        canv.heading_pages = self.heading_pages
        canv.footer = self._decorate
        canv.setPageCompression(1)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading) and flowable.key:
            self.heading_pages.setdefault(flowable.key, self.page)
            top = self.frame._y + flowable.height + 14
            self.canv.bookmarkHorizontal(flowable.key, 0, top)
            if flowable.outline:
                self.canv.addOutlineEntry(flowable.outline, flowable.key,
                                          flowable.outline_level, closed=False)
        key = getattr(flowable, "quote_key", "")
        if key and key not in self.quote_pages:
            self.quote_pages[key] = self.page
            self.canv.bookmarkHorizontal(key, 0, self.frame._y + flowable.height + 4)
        if getattr(flowable, "progress_mark", False):
            self.done += 1
            if self.cancel.cancelled:
                raise Cancelled()
            if self.done % 25 == 0:
                self.progress(self.done, self.total, "Laying out the PDF")

    def _decorate(self, canv: NumberedCanvas, number: int, total: int) -> None:
        """Running header and footer on every page but the cover."""
        if number == 1:
            return
        c = self.brief.cover
        w, h = self.pagesize
        left, right = self.leftMargin, w - self.rightMargin
        top = h - self.topMargin + 0.9 * cm
        canv.saveState()
        canv.setFillColor(GREY)
        canv.setFont(SANS, 7.5)
        bits = [c.group_name] if c.group_name else []
        if c.as_of:
            bits.append("as of " + format_day(c.as_of))
        right_text = plain(" · ".join(bits))
        room = right - left - 24
        right_w = min(string_width(right_text, SANS, 7.5), room * 0.6)
        draw_string(canv, left, top, _fit(plain(c.title), room - right_w, 7.5), SANS, 7.5)
        draw_string(canv, right, top, _fit(right_text, right_w + 1, 7.5), SANS, 7.5,
                    right=True)
        canv.setStrokeColor(GREY)
        canv.setLineWidth(0.4)
        canv.line(left, top - 4, right, top - 4)
        bottom = self.bottomMargin - 1.1 * cm
        canv.setFont(SANS, 8)
        canv.drawRightString(right, bottom, f"Page {number} of {total}")
        if c.notice:
            canv.setFont(SANS, 7)
            draw_string(canv, left, bottom, _fit(plain(c.notice), right - left - 80, 7), SANS, 7)
        canv.restoreState()


def quote_key(number: int) -> str:
    """The bookmark of passage ``number``."""
    return f"passage-{number}"


def _source_line(line: str, src: SourceEntry) -> str:
    """A line of a source entry; its web address is a link."""
    text = markup(line, SANS)
    if line == src.source_url and safe_href(line):
        return f'<a href="{markup(safe_href(line), SANS)}">{text}</a>'
    return text


def _fit(text: str, width: float, size: float) -> str:
    if string_width(text, SANS, size) <= width:
        return text
    while text and string_width(text + "…", SANS, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class _Story:
    def __init__(self, brief: Brief, styles: Styles, frame_height: float, width: float,
                 quote_pages: dict[str, int]) -> None:
        self.b = brief
        self.width = width
        self.quote_pages = quote_pages
        self.st = styles
        self.keep = frame_height * KEEP_FRACTION
        self.frame_height = frame_height
        self.out: list[Flowable] = []
        self.pending: list[Flowable] = []  # headings waiting for what follows them

    def head(self, flowable: Flowable) -> None:
        """A heading or description: kept on the page of the first passage after it.
        (Platypus's keepWithNext cannot join a KeepTogether, so it is done here.)"""
        self.pending.append(flowable)

    def add(self, flowable: Flowable) -> None:
        if self.pending:
            if isinstance(flowable, KeepShort):
                flowable = KeepShort([*self.pending, *flowable.main], flowable.limit,
                                     flowable.tail)
            else:
                self.out.extend(self.pending)
            self.pending = []
        self.out.append(flowable)

    def build(self) -> list[Flowable]:
        self.cover()
        if self.b.options.include_toc:
            self.contents()
        if self.b.matrix is not None:
            self.out.extend(matrix_flowables(self.b.matrix, self.st, self.width))
            self.out.append(PageBreak())
        for s in self.b.sections:
            self.section(s)
        self.appendices()
        self.out.extend(self.pending)
        return self.out

    # -- cover and contents ------------------------------------------------------------------
    def cover(self) -> None:
        b, st, add = self.b, self.st, self.out.append
        c = b.cover
        add(Spacer(1, self.frame_height * 0.16))
        if c.group_name:
            add(Para(markup(c.group_name.upper(), SANS), st.cover_group))
        add(Para(markup(c.title), st.cover_title))
        if c.subtitle:
            add(Para(markup(c.subtitle), st.cover_subtitle))
        add(HRFlowable(width="100%", thickness=1.2, color=(0, 0, 0), spaceBefore=10,
                       spaceAfter=16))
        details = labels.cover_details(b)
        if details:
            rows = [[Para(markup(k, SANS), st.cover_label),
                     Para(markup(v, SANS), st.cover_value)] for k, v in details]
            table = Table(rows, colWidths=[3.2 * cm, None], hAlign="LEFT")
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
            add(table)
            add(Spacer(1, 18))
        for line in labels.intro_lines(b):
            add(Para(markup(line), st.cover_intro))
        if c.notice:
            add(Spacer(1, 10))
            add(Para(markup(c.notice, SANS), st.cover_notice))
        add(PageBreak())

    def contents(self) -> None:
        entries = [TocEntry(1, markup(title, SANS), key)
                   for key, title in labels.front_matter(self.b)]
        entries += [TocEntry(s.level, markup(s.title, SANS), s.key) for s in self.b.contents()]
        entries += [TocEntry(1, markup(title, SANS), key) for key, title in self._appendices()]
        self.out.append(Heading(labels.CONTENTS, self.st.h[1], key="contents",
                                outline=labels.CONTENTS, level=0, rule=True))
        self.out.append(Spacer(1, 6))
        self.out.append(Contents(entries, self.st.toc))
        self.out.append(PageBreak())

    def _appendices(self) -> list[tuple[str, str]]:
        return labels.appendices(self.b)

    # -- body ------------------------------------------------------------------------------
    def section(self, s: BriefSection) -> None:
        st, add, head = self.st, self.add, self.head
        level = min(3, s.level)
        if s.level == 1:
            add(CondPageBreak(self.frame_height * 0.22))
        style = st.stance if s.kind == "stance" else st.h[level]
        head(Heading(markup(s.title, SANS), style, key=s.key, outline=s.title,
                     level=s.level - 1, rule=s.level == 1))
        if s.description:
            head(Para(markup(s.description), st.description))
        if s.subtitle:
            head(Para(markup(s.subtitle, SANS), st.docline))
        for i, ref in enumerate(s.references, 1):
            last = i == len(s.references)
            head(self.reference(ref, st.see_last if last else st.see))
        for q in s.quotes:
            for flowable in self.quote(s, q):
                add(flowable)
        for child in s.children:
            self.section(child)

    def reference(self, ref: BriefReference, style: ParagraphStyle) -> Flowable:
        """"See No. 3: “…” (Title, p. 2), quoted under X, page 4": the page is the one the
        passage was laid out on (earlier in the brief, so known by then)."""
        key = quote_key(ref.number)

        def make() -> tuple[Para, bool]:
            page = self.quote_pages.get(key)
            text = (f'<a href="#{key}"><b>{markup(labels.see_lead(ref), SANS)}</b></a>: '
                    f"{markup(labels.see_excerpt(ref), SANS)} "
                    f"({markup(labels.see_source(ref), SANS)}), "
                    f"{markup(labels.see_where(ref, str(page or '')), SANS)}.")
            return Para(text, style), page is not None

        return LatePara(make)

    def quote(self, s: BriefSection, q: BriefQuote) -> list[Flowable]:
        st = self.st
        parts: list[Flowable] = []
        for i, text in enumerate(q.paragraphs):
            p = (plain_paragraph(QuotePara, text, st.quote) if is_plain(text)
                 else QuotePara(markup(text), st.quote))
            if i == 0:
                p.number = str(q.number)
                p.quote_key = quote_key(q.number)
            else:
                p.extend_up = st.quote.spaceBefore + st.quote.spaceAfter
            parts.append(p)
        cit = Para("— " + citation_markup(q.citation), st.citation)
        cit.progress_mark = True
        cit.quote_key = quote_key(q.number)  # when the passage's first line did not say
        parts.append(cit)
        meta = labels.quote_meta(self.b, s, q, number=False)
        note = note_flowables(parse_note(q.note), st) if q.note else []
        note += discussion_flowables(q, st)
        if meta:
            parts.append(Para(markup(meta, SANS), st.meta if note else st.meta_last))
        elif not note:
            cit.style = st.citation_last
        return [KeepShort(parts, self.keep, note)]

    # -- appendices --------------------------------------------------------------------------
    def appendices(self) -> None:
        b, st, add, head = self.b, self.st, self.add, self.head
        first = True
        for key, title in self._appendices():
            if first:
                add(PageBreak())
                first = False
            else:
                add(CondPageBreak(self.frame_height * 0.25))
            head(Heading(markup(title, SANS), st.h[1], key=key, outline=title, level=0,
                         rule=True))
            if key == "sources":
                for i, src in enumerate(b.sources, 1):
                    name, lines = labels.source_lines(src)
                    text = f"<i>{markup(name)}</i>" + "".join(
                        f"<br/><font face='{SANS}' size='8.5'>{_source_line(x, src)}</font>"
                        for x in lines)
                    add(KeepShort([Para(text, st.source, bulletText=f"{i}.")], self.keep))
            elif key == "themes":
                for t in b.themes:
                    n = t.quote_count
                    count = f" ({n} passage{'s' if n != 1 else ''})" if n else ""
                    name_p = Para(f"<b>{markup(t.label, SANS)}</b>{markup(count, SANS)}",
                                  st.theme_name[min(3, t.level)])
                    desc_p = Para(markup(t.description or "—"),
                                  st.theme_desc[min(3, t.level)])
                    add(KeepShort([name_p, desc_p], self.keep))
            elif key == "orphans":
                add(Para(markup(labels.ORPHANS_INTRO), st.body))
                for o in b.orphans:
                    parts: list[Flowable] = []
                    for i, text in enumerate(x for x in o.text.split("\n\n") if x):
                        p = QuotePara(markup(text), st.quote)
                        if i:
                            p.extend_up = st.quote.spaceBefore + st.quote.spaceAfter
                        parts.append(p)
                    parts.append(Para(f"— <i>{markup(o.doc_title, SANS)}</i> (page "
                                           f"unknown). {markup(o.reason, SANS)}",
                                           st.citation))
                    meta = " · ".join(x for x in (
                        "Themes: " + "; ".join(o.themes) if o.themes else "",
                        f"Highlighted by {o.annotator}" if o.annotator else "") if x)
                    parts.append(Para(markup(meta, SANS), st.meta_last))
                    parts.extend(note_flowables(parse_note(o.note), st) if o.note else [])
                    add(KeepShort(parts, self.keep))
