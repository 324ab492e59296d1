"""The brief as CommonMark: headings, a linked table of contents (GitHub-style anchors),
each quote a block quote with its citation on the line after. Quoted text is escaped so it
reads literally (a ``*`` in a statute stays a ``*``)."""

from __future__ import annotations

import re
import unicodedata

from reader.export import citation as cite
from reader.export import labels
from reader.export.model import Brief, BriefMatrix, BriefQuote, BriefSection
from reader.export.notes import Block, Span, parse_note, safe_href

_ALWAYS = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])")


def escape(text: str) -> str:
    """Plain text that CommonMark shows as is (within one paragraph)."""
    text = _ALWAYS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return "\n".join(_LINE_START.sub(_escape_marker, line) for line in text.split("\n"))


def _escape_marker(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    if mark[0].isdigit():
        return lead + mark[:-1] + "\\" + mark[-1]
    return lead + "\\" + mark


class Slugger:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens,
    repeats numbered."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, title: str) -> str:
        base = "".join(ch for ch in title.lower()
                       if ch in " -_" or unicodedata.category(ch)[0] in "LNM")
        base = base.replace(" ", "-")
        n = self.seen.get(base, 0)
        self.seen[base] = n + 1
        return base if n == 0 else f"{base}-{n}"


def render_markdown(brief: Brief) -> str:
    slugs = Slugger()
    out: list[str] = []
    w = out.append
    c = brief.cover
    slugs(c.title)
    w(f"# {escape(c.title)}\n\n")
    if c.subtitle:
        w(f"*{escape(c.subtitle)}*\n\n")
    if c.group_name:
        w(f"**{escape(c.group_name)}**\n\n")
    details = labels.cover_details(brief)
    if details:
        w("  \n".join(f"{escape(k)}: {escape(v)}" for k, v in details) + "\n\n")
    for line in labels.intro_lines(brief):
        w(escape(line) + "\n\n")
    if c.notice:
        w(f"**{escape(c.notice)}**\n\n")

    # anchors must be assigned in document order: contents first, then sections, appendices
    appendix = _appendix_titles(brief)
    contents_anchor = slugs(labels.CONTENTS) if brief.options.include_toc else ""
    front = [(slugs(t), t) for _key, t in labels.front_matter(brief)]
    anchors = {s.key: slugs(s.title) for s in brief.walk()}
    appendix_anchors = [(slugs(t), t) for t in appendix]
    if contents_anchor:
        w(f"## {labels.CONTENTS}\n\n")
        for anchor, title in front:
            w(f"- [{escape(title)}](#{anchor})\n")
        for s in brief.contents():
            indent = "  " * (s.level - 1)
            w(f"{indent}- [{escape(s.title)}](#{anchors[s.key]}) ({s.quote_count})\n")
        for anchor, title in appendix_anchors:
            w(f"- [{escape(title)}](#{anchor})\n")
        w("\n")
    if brief.matrix is not None:
        w(matrix_markdown(brief.matrix))
    for s in brief.walk():
        _section(brief, s, w, anchors)
    _appendices(brief, w)
    return "".join(out)


def render(brief: Brief) -> bytes:
    return render_markdown(brief).encode("utf-8")


def _appendix_titles(brief: Brief) -> list[str]:
    return [title for _key, title in labels.appendices(brief)]


def _section(brief: Brief, s: BriefSection, w, anchors: dict[str, str]) -> None:
    hashes = "#" * min(6, s.level + 1)
    w(f"{hashes} {escape(s.title)}\n\n")
    if s.description:
        w(f"*{escape(s.description)}*\n\n")
    if s.subtitle:
        w(f"{escape(s.subtitle)}\n\n")
    for ref in s.references:  # passages quoted in an earlier section
        where = escape(labels.see_where(ref))
        title = escape(ref.section_title)
        if ref.section_key in anchors:
            where = where.replace(title, f"[{title}](#{anchors[ref.section_key]})", 1)
        w(f"- **{escape(labels.see_lead(ref))}:** {escape(labels.see_excerpt(ref))} "
          f"(*{escape(labels.see_source(ref))}*), {where}.\n")
    if s.references:
        w("\n")
    for q in s.quotes:
        _quote(brief, s, q, w)


def _quote(brief: Brief, s: BriefSection, q: BriefQuote, w) -> None:
    w("\n>\n".join(f"> {escape(p)}" for p in q.paragraphs) + "\n\n")
    line = "— " + cite.markdown(q.citation, escape)
    meta = labels.quote_meta(brief, s, q)
    if meta:
        line += "\\\n" + escape(meta)
    w(line + "\n\n")
    if q.note:
        w(note_markdown(parse_note(q.note), label="Note") + "\n")
    for c in q.contradicted_by:
        w(f"**{labels.CONTRADICTED_BY}:** {escape(labels.contradiction_line(c))}\n\n")
    if q.replies:
        w(f"**{labels.REPLIES}**\n\n")
        for r in q.replies:
            w("  " * (min(r.depth, 3) - 1) + f"- {escape(labels.reply_line(r))}\n")
        w("\n")


def matrix_markdown(m: BriefMatrix) -> str:
    """The matrix as a CommonMark (GFM) table, its legend under it."""
    def cell(text: str) -> str:  # (escape() already escapes "|")
        return escape(" ".join(text.split()))

    out = [f"## {escape(m.title)}\n\n"]
    if m.note:
        out.append(escape(m.note) + "\n\n")
    out.append("| " + " | ".join(cell(x) for x in (m.corner, *m.columns)) + " |\n")
    out.append("| --- |" + " :---: |" * len(m.columns) + "\n")
    for label, cells in m.rows:
        out.append("| " + " | ".join(cell(x) for x in (label, *cells)) + " |\n")
    out.append("\n" + escape(m.legend) + "\n\n")
    return "".join(out)


def note_markdown(blocks: tuple[Block, ...], label: str = "") -> str:
    """A note's blocks as Markdown (list items of one list kept tight)."""
    pieces: list[tuple[str, str]] = []  # (kind, text)
    for i, b in enumerate(blocks):
        prefix = "> " * b.quoted
        if b.kind == "code":
            fence = "````" if "```" in b.text else "```"
            pieces.append(("code", "\n".join(prefix + x
                                             for x in [fence, *b.text.split("\n"), fence])))
            continue
        text = "".join(_span_md(sp) for sp in b.spans)
        if i == 0 and label:
            if b.kind in ("para", "heading"):
                text = f"**{label}:** {text}"
            else:
                pieces.append(("para", f"**{label}:**"))
        if b.kind == "item":
            bullet = "-" if b.marker == "•" else (b.marker or "-")
            marker = bullet if b.first_in_item else " " * len(bullet)
            text = f"{'   ' * (b.depth - 1)}{marker} {text}"
        pieces.append((b.kind, prefix + text))
    out = ""
    for j, (kind, text) in enumerate(pieces):
        if j:
            tight = kind == "item" and pieces[j - 1][0] == "item"
            out += "\n" if tight else "\n\n"
        out += text
    return out + "\n" if out else ""


def _span_md(s: Span) -> str:
    if s.code:
        tick = "``" if "`" in s.text else "`"
        pad = " " if s.text.startswith("`") or s.text.endswith("`") else ""
        text = f"{tick}{pad}{s.text}{pad}{tick}"
    else:
        text = "\\\n".join(escape(part) for part in s.text.split("\n"))
    if s.italic:
        text = f"*{text}*"
    if s.bold:
        text = f"**{text}**"
    href = safe_href(s.href)
    if href:
        text = f"[{text}](<{href.replace('>', '%3E').replace(' ', '%20')}>)"
    return text


def _appendices(brief: Brief, w) -> None:
    if brief.options.include_sources and brief.sources:
        w(f"## {labels.SOURCES}\n\n")
        for i, src in enumerate(brief.sources, 1):
            title, lines = labels.source_lines(src)
            shown = [f"<{x}>" if x == src.source_url and safe_href(x) and " " not in x
                     and ">" not in x else escape(x) for x in lines]
            w(f"{i}. *{escape(title)}*  \n   " + "  \n   ".join(shown) + "\n")
        w("\n")
    if brief.options.include_theme_appendix and brief.themes:
        w(f"## {labels.THEMES}\n\n")
        for t in brief.themes:
            name = f"{t.parent} › {t.label}" if t.parent else t.label
            n = t.quote_count
            count = f" ({n} passage{'s' if n != 1 else ''})" if n else ""
            w(f"**{escape(name)}**{escape(count)}  \n{escape(t.description or '—')}\n\n")
    if brief.orphans:
        w(f"## {labels.ORPHANS}\n\n{escape(labels.ORPHANS_INTRO)}\n\n")
        for o in brief.orphans:
            paras = [p for p in o.text.split("\n\n") if p]
            w("\n>\n".join(f"> {escape(p)}" for p in paras) + "\n\n")
            w(f"— *{escape(o.doc_title)}* (page unknown). {escape(o.reason)}\n\n")
            if o.annotator:
                w(f"Highlighted by {escape(o.annotator)}\n\n")
            if o.note:
                w(note_markdown(parse_note(o.note), label="Note") + "\n")
