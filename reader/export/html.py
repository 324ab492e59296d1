"""The brief as one self-contained HTML file: inline CSS (screen and print), no scripts, no
external fetches (a Content-Security-Policy forbids them), semantic ``<figure>`` /
``<blockquote>`` / ``<figcaption>`` / ``<cite>``, a table of contents with anchors.

``render_html(brief, lite=True, limit=N)`` is the fast preview for the export dialog: the
same content with simpler markup that Qt's rich-text browser understands, cut after N
quotes.
"""

from __future__ import annotations

from html import escape

from reader.export import citation as cite
from reader.export import labels
from reader.export.html_extras import CSS as EXTRA_CSS
from reader.export.html_extras import discussion_html, matrix_html
from reader.export.model import Brief, BriefQuote, BriefReference, BriefSection
from reader.export.notes import Block, parse_note, safe_href
from reader.export.options import GroupBy
from reader.export.text import slug

CSS = """
:root { --ink:#1a1a1a; --muted:#555; --rule:#bbb; }
html { font-family: "DejaVu Serif", Georgia, Cambria, "Times New Roman", serif;
  color: var(--ink); background: #fff; line-height: 1.5; }
body { max-width: 46em; margin: 0 auto; padding: 2em 1.5em 4em; font-size: 11.5pt; }
h1, h2, h3, h4, h5, h6, .cover .group, .meta, figcaption, .toc, .cover dl, .appendix dl,
.sources, .note-label { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
.cover { min-height: 80vh; display: flex; flex-direction: column; justify-content: center;
  border-bottom: 1px solid var(--rule); margin-bottom: 2em; }
.cover .group { text-transform: uppercase; letter-spacing: .12em; font-size: 10pt;
  color: var(--muted); margin: 0; }
.cover h1 { font-family: inherit; font-size: 28pt; line-height: 1.15; margin: .3em 0 .2em; }
.cover .subtitle { font-size: 15pt; color: var(--muted); margin: 0 0 1.5em; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1.2em;
  font-size: 10.5pt; margin: 0 0 1.5em; }
.cover dt { color: var(--muted); } .cover dd { margin: 0; }
.cover .intro { font-size: 10.5pt; } .cover .notice { font-weight: bold; }
.toc ol { list-style: none; padding-left: 1.2em; } .toc > ol { padding-left: 0; }
.toc a { color: inherit; text-decoration: none; } .toc a:hover { text-decoration: underline; }
.toc .count { color: var(--muted); font-size: 9pt; }
h2 { font-size: 17pt; border-bottom: 1.5px solid var(--ink); padding-bottom: .15em;
  margin: 2em 0 .4em; }
h3 { font-size: 13.5pt; margin: 1.6em 0 .3em; }
h4 { font-size: 11.5pt; margin: 1.4em 0 .3em; text-transform: uppercase;
  letter-spacing: .06em; }
h5, h6 { font-size: 11pt; margin: 1.2em 0 .3em; }
.description { font-style: italic; color: var(--muted); margin: 0 0 1em; }
.docline { color: var(--muted); margin: 0 0 1em; font-size: 10pt; }
figure.quote { margin: 1.1em 0 1.4em; position: relative; break-inside: avoid-page; }
figure.quote blockquote { margin: 0 1.5em 0 1.6em; padding-left: .9em;
  border-left: 2.5px solid #888; }
figure.quote blockquote p { margin: 0 0 .5em; }
.qnum { position: absolute; left: -.6em; top: .1em; font: 8.5pt "DejaVu Sans", sans-serif;
  color: var(--muted); width: 1.8em; text-align: right; }
figcaption { margin: .35em 1.5em 0 2.5em; font-size: 9.5pt; }
.meta { margin: .15em 1.5em 0 2.5em; font-size: 8.5pt; color: var(--muted); }
.note { margin: .5em 1.5em 0 2.5em; font-size: 9.5pt; padding: .4em .7em;
  border: 1px dashed var(--rule); }
.note p { margin: .2em 0; } .note-label { font-weight: bold; }
.note code, .note pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
.note pre { white-space: pre-wrap; margin: .3em 0; }
.stances { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5em; }
.stances > section.neutral { grid-column: 1 / -1; }
.stances figure.quote blockquote { margin-right: 0; } .stances figcaption,
.stances .meta, .stances .note { margin-right: 0; }
.appendix h2 { margin-top: 2.5em; }
.sources li { margin-bottom: .7em; font-size: 10pt; } .sources .src-title { font-style: italic;
  font-family: "DejaVu Serif", Georgia, serif; font-size: 11pt; }
.sources .detail { display: block; color: var(--muted); }
.appendix dt { font-weight: bold; margin-top: .6em; } .appendix dd { margin: .1em 0 0 1.2em; }
.orphan blockquote { border-left-style: dotted; }
.see-also { list-style: none; margin: .4em 1.5em 1.2em 2.5em; padding: 0; font-size: 9.5pt;
  font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
.see-also li { margin: 0 0 .35em; } .see-also .see { font-weight: bold; }
footer { margin-top: 3em; font-size: 8.5pt; color: var(--muted); text-align: center; }
@media (max-width: 40em) { .stances { display: block; } body { padding: 1em; } }
@page { size: __PAGE__; margin: 2cm 2cm 2.2cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .cover { min-height: 0; height: 24cm; border: none; page-break-after: always; }
  .toc { page-break-after: always; }
  h2 { break-after: avoid-page; } h3, h4 { break-after: avoid-page; }
  a { color: inherit; text-decoration: none; }
  figure.quote { break-inside: auto; } figure.quote blockquote p { orphans: 3; widows: 3; }
  .appendix { page-break-before: always; }
}
"""


def render_html(brief: Brief, *, lite: bool = False, limit: int | None = None) -> str:
    """The brief as an HTML document. ``lite``: markup for Qt's rich-text view (no grid, no
    figure). ``limit``: stop after that many quotes (a preview)."""
    return _Writer(brief, lite, limit).document()


def render(brief: Brief) -> bytes:
    return render_html(brief).encode("utf-8")


def note_html(blocks: tuple[Block, ...], label: str = "") -> str:
    """A note's blocks as simple HTML (lists become indented paragraphs with markers);
    ``label`` ("Note") is set in bold at the start of the first paragraph."""
    out = []
    if label and blocks and blocks[0].kind == "code":
        out.append(f'<p><strong class="note-label">{escape(label)}:</strong></p>')
        label = ""
    for i, b in enumerate(blocks):
        inner = "".join(_span_html(s) for s in b.spans)
        if b.kind == "code":
            out.append(f"<pre><code>{escape(b.text)}</code></pre>")
            continue
        indent = 1.2 * b.depth + 1.0 * b.quoted
        style = f' style="margin-left:{indent:.1f}em"' if indent else ""
        marker = f"{escape(b.marker)} " if b.marker else ""
        lead = f'<strong class="note-label">{escape(label)}:</strong> ' if i == 0 and label \
            else ""
        out.append(f"<p{style}>{lead}{marker}{inner}</p>")
    return "".join(out)


def _span_html(s) -> str:
    text = escape(s.text).replace("\n", "<br>")
    if s.code:
        text = f"<code>{text}</code>"
    if s.italic:
        text = f"<em>{text}</em>"
    if s.bold:
        text = f"<strong>{text}</strong>"
    href = safe_href(s.href)
    if href:
        text = f'<a href="{escape(href)}">{text}</a>'
    return text


def _link(url: str) -> str:
    """A web address as a link when it is a web or mail address, else as text."""
    href = safe_href(url)
    return f'<a href="{escape(href)}">{escape(url)}</a>' if href else escape(url)


def quote_anchor(section_key: str, number: int) -> str:
    """The id of passage ``number`` quoted in section ``section_key``."""
    return slug(f"{section_key}-q{number}", "q")


def citation_html(c) -> str:
    return "".join(f"<cite>{escape(t)}</cite>" if italic else escape(t)
                   for t, italic in cite.runs(c, nbsp=True))


class _Writer:
    def __init__(self, brief: Brief, lite: bool, limit: int | None) -> None:
        self.b = brief
        self.lite = lite
        self.limit = limit
        self.shown = 0
        self.out: list[str] = []

    @property
    def full(self) -> bool:
        return self.limit is not None and self.shown >= self.limit

    def document(self) -> str:
        b, w = self.b, self.out.append
        author = labels.pdf_author(b)
        w('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
        w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        w('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
          'style-src \'unsafe-inline\'">\n')
        w(f'<meta name="generator" content="{labels.GENERATOR}">\n')
        if author:
            w(f'<meta name="author" content="{escape(author)}">\n')
        w(f'<meta name="description" content="{escape(labels.subject(b))}">\n')
        w(f"<title>{escape(b.cover.title)}</title>\n")
        page = "A4" if b.options.page_size.value == "a4" else "letter"
        w(f"<style>{CSS.replace('__PAGE__', page)}{EXTRA_CSS}</style>\n</head>\n<body>\n")
        self.cover()
        if b.options.include_toc and not self.lite:
            self.toc()
        if b.matrix is not None:
            w(matrix_html(b.matrix, lite=self.lite))
        w("<main>\n")
        for s in b.sections:
            if self.full:
                break
            self.section(s)
        w("</main>\n")
        if self.full and self.shown < b.placement_count:
            rest = b.placement_count - self.shown
            w(f'<p class="meta"><em>… {rest} more passage{"s" if rest != 1 else ""} and the '
              "appendices are in the full brief.</em></p>\n")
        else:
            self.appendices()
        w(f"<footer>Prepared with {labels.GENERATOR}.</footer>\n</body>\n</html>\n")
        return "".join(self.out)

    def cover(self) -> None:
        c, w = self.b.cover, self.out.append
        w('<header class="cover">\n')
        if c.group_name:
            w(f'<p class="group">{escape(c.group_name)}</p>\n')
        w(f'<h1 class="title">{escape(c.title)}</h1>\n')
        if c.subtitle:
            w(f'<p class="subtitle">{escape(c.subtitle)}</p>\n')
        details = labels.cover_details(self.b)
        if details and self.lite:
            w("<p>" + "<br>".join(f"{escape(k)}: {escape(v)}" for k, v in details) + "</p>\n")
        elif details:
            w("<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>"
                               for k, v in details) + "</dl>\n")
        w('<div class="intro">' + "".join(f"<p>{escape(x)}</p>"
                                          for x in labels.intro_lines(self.b)) + "</div>\n")
        if c.notice:
            w(f'<p class="notice">{escape(c.notice)}</p>\n')
        w("</header>\n")

    def toc(self) -> None:
        w = self.out.append
        w(f'<nav class="toc" aria-label="{labels.CONTENTS}">\n<h2>{labels.CONTENTS}</h2>\n')
        front = labels.front_matter(self.b)
        if front:
            w("<ol>" + "".join(f'<li><a href="#{k}">{escape(t)}</a></li>' for k, t in front)
              + "</ol>\n")
        self._toc_list(self.b.sections)
        extra = self._appendix_titles()
        if extra:
            w("<ol>" + "".join(f'<li><a href="#{k}">{escape(t)}</a></li>' for k, t in extra)
              + "</ol>\n")
        w("</nav>\n")

    def _toc_list(self, sections: tuple[BriefSection, ...]) -> None:
        sections = tuple(s for s in sections if s.kind != "stance")
        if not sections:
            return
        w = self.out.append
        w("<ol>")
        for s in sections:
            n = s.quote_count
            w(f'<li><a href="#{escape(s.key)}">{escape(s.title)}</a> '
              f'<span class="count">({n})</span>')
            self._toc_list(s.children)
            w("</li>")
        w("</ol>\n")

    def _appendix_titles(self) -> list[tuple[str, str]]:
        return labels.appendices(self.b)

    def section(self, s: BriefSection) -> None:
        w = self.out.append
        h = min(6, s.level + 1)
        cls = f"{s.kind} level-{s.level}"
        if s.kind == "stance":
            cls += " " + s.key.rsplit("--", 1)[-1]
        w(f'<section id="{escape(s.key)}" class="{cls}">\n<h{h}>{escape(s.title)}</h{h}>\n')
        grey = ' style="color: #555555;"' if self.lite else ""
        if s.description:
            w(f'<p class="description"{grey}><i>{escape(s.description)}</i></p>\n')
        if s.subtitle:
            w(f'<p class="docline"{grey}>{escape(s.subtitle)}</p>\n')
        if s.references:
            self.references(s.references)
        for q in s.quotes:
            if self.full:
                break
            self.quote(s, q)
        side = (self.b.options.group_by is GroupBy.STANCE and not self.lite
                and sum(1 for c in s.children if c.kind == "stance") >= 2)
        stance_kids = [c for c in s.children if c.kind == "stance"]
        if side:
            w('<div class="stances">\n')
            for c in stance_kids:
                if not self.full:
                    self.section(c)
            w("</div>\n")
        for c in s.children:
            if self.full:
                break
            if side and c.kind == "stance":
                continue
            self.section(c)
        w("</section>\n")

    def references(self, refs: tuple[BriefReference, ...]) -> None:
        """"See No. 3: “…” (Title, p. 2), quoted under X": passages quoted earlier."""
        items = []
        for ref in refs:
            lead, where = escape(labels.see_lead(ref)), escape(labels.see_where(ref))
            if self.lite:
                lead = f"<b>{lead}</b>"
            else:
                lead = (f'<a class="see" href="#{quote_anchor(ref.section_key, ref.number)}">'
                        f"{lead}</a>")
                title = escape(ref.section_title)
                where = where.replace(title, f'<a href="#{escape(ref.section_key)}">{title}</a>',
                                      1)
            items.append(f"{lead}: {escape(labels.see_excerpt(ref))} "
                         f"(<cite>{escape(labels.see_source(ref))}</cite>), {where}.")
        if self.lite:
            self.out.append('<p style="margin-left: 40px;"><small>' + "<br>".join(items)
                            + "</small></p>\n")
        else:
            self.out.append('<ul class="see-also">' + "".join(f"<li>{x}</li>" for x in items)
                            + "</ul>\n")

    def quote(self, s: BriefSection, q: BriefQuote) -> None:
        self.shown += 1
        w = self.out.append
        paras = "".join(f"<p>{escape(p)}</p>" for p in q.paragraphs)
        meta = labels.quote_meta(self.b, s, q, number=self.lite)
        if self.lite:  # Qt rich text: simple tags, inline styles
            w(f'<blockquote style="font-family: serif;">{paras}</blockquote>\n'
              f'<p style="margin-left: 40px; margin-top: 0;"><small>— '
              f"{citation_html(q.citation)}</small><br>"
              f'<small style="color: #555555;">{escape(meta)}</small></p>\n')
            if q.note:
                w(f'<div style="margin-left: 40px;">'
                  f'{note_html(parse_note(q.note), "Note")}</div>\n')
            w(discussion_html(q, lite=True))
            return
        anchor = quote_anchor(s.key, q.number)
        w(f'<figure class="quote" id="{anchor}">'
          f'<span class="qnum" title="Passage {q.number}">{q.number}</span>'
          f"<blockquote>{paras}</blockquote>\n"
          f"<figcaption>— {citation_html(q.citation)}</figcaption>\n")
        if meta:
            w(f'<p class="meta">{escape(meta)}</p>\n')
        if q.note:
            w(f'<aside class="note">{note_html(parse_note(q.note), "Note")}</aside>\n')
        w(discussion_html(q))
        w("</figure>\n")

    def appendices(self) -> None:
        b, w = self.b, self.out.append
        if b.options.include_sources and b.sources:
            w(f'<section class="appendix" id="sources"><h2>{labels.SOURCES}</h2>\n'
              '<ol class="sources">\n')
            for src in b.sources:
                title, lines = labels.source_lines(src)
                br = "<br>" if self.lite else ""  # Qt's rich text has no display: block
                w(f'<li><span class="src-title">{escape(title)}</span>'
                  + "".join(f'{br}<span class="detail">'
                            f"{_link(x) if x == src.source_url else escape(x)}</span>"
                            for x in lines)
                  + "</li>\n")
            w("</ol></section>\n")
        if b.options.include_theme_appendix and b.themes:
            w(f'<section class="appendix" id="themes"><h2>{labels.THEMES}</h2>\n<dl>\n')
            for t in b.themes:
                label = f"{t.parent} › {t.label}" if t.parent else t.label
                n = t.quote_count
                count = f" ({n} passage{'s' if n != 1 else ''})" if n else ""
                w(f"<dt>{escape(label)}{count}</dt><dd>{escape(t.description or '—')}</dd>\n")
            w("</dl></section>\n")
        if b.orphans:
            w(f'<section class="appendix" id="orphans"><h2>{labels.ORPHANS}</h2>\n'
              f"<p>{escape(labels.ORPHANS_INTRO)}</p>\n")
            for o in b.orphans:
                paras = "".join(f"<p>{escape(p)}</p>" for p in o.text.split("\n\n") if p)
                meta = " · ".join(x for x in (
                    "Themes: " + "; ".join(o.themes) if o.themes else "",
                    f"Highlighted by {o.annotator}" if o.annotator else "") if x)
                w(f'<figure class="quote orphan"><blockquote>{paras}</blockquote>'
                  f"<figcaption>— <cite>{escape(o.doc_title)}</cite> (page unknown). "
                  f"{escape(o.reason)}</figcaption>")
                if meta:
                    w(f'<p class="meta">{escape(meta)}</p>')
                if o.note:
                    w(f'<aside class="note">{note_html(parse_note(o.note), "Note")}</aside>')
                w("</figure>\n")
            w("</section>\n")
