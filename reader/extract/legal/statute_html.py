"""A state legislature's code page, saved from the browser ("RCW 69.53A.040", "§ 18.2-250",
"Sec. 481.115", "893.13", "(720 ILCS 570/402)"), read as a statute rather than as an
article.

:func:`statute_page` is asked first by the web page extractor. A page qualifies when it
comes from a legislature (:mod:`.page_source`: its site name, title, header or address
names one) **and** it prints a section head (:mod:`.page_heads`). Then:

* the head gives the section: number ("§ 481.115"), caption, and the citation in the
  state's form ("Tex. Health & Safety Code Ann. § 481.115", "RCW 69.53A.040",
  "720 ILCS 570/402", "Mass. Gen. Laws ch. 94C, § 34");
* the lines after it are the text; subsections "(1)", "(a)", "(i)", "(A)", "A.", "1." are
  found where the page prints them (:func:`~reader.extract.structure.detect_sections`),
  also when it runs them together in one paragraph (:mod:`.inline_runs`);
* the history and notes printed after the text are a note region, never cited as law
  (:mod:`.page_notes`); navigation, headers, footers, menus, forms and scripts are left out
  (:mod:`.page_lines`);
* a page printing several sections one after another (a chapter page: Texas, Oregon) is
  one statute whose sections are the chapter's, each with its number, caption, subsections
  and history; its citation is the chapter's ("Or. Rev. Stat. ch. 475"), a quote's is its
  section's and subsection's ("Or. Rev. Stat. § 475.752(2)").

Kind ``statute``; jurisdiction from the legislature; date from the history (the latest
effective date, or the year of the latest session law).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from reader.extract.base import Extracted, single_page
from reader.extract.jurisdiction import CODE_CITATION, guess_jurisdiction
from reader.extract.legal.builder import Piece, StatuteText, plain
from reader.extract.legal.inline import strip_end
from reader.extract.legal.inline_runs import split_runs
from reader.extract.legal.page_heads import (
    ABBR_STATES,
    Head,
    find_heads,
    restated_caption,
    restatement,
)
from reader.extract.legal.page_lines import HEAD_TAGS, Line, clean, page_lines
from reader.extract.legal.page_notes import (
    ends_page,
    history_date,
    is_division,
    is_furniture,
    is_history,
    is_notes_heading,
)
from reader.extract.legal.page_source import (
    citation_for,
    code_name,
    from_legislature,
    legislature_name,
    page_source,
    state_of,
)
from reader.extract.structure import detect_sections
from reader.model.documents import NOTE_KIND, DocMeta, Section

log = logging.getLogger(__name__)

_CHAPTER_RE = re.compile(r"\bChapter\s+(\d+[A-Z]?(?:\.\d+[A-Z]?)?)\b(?:\s*[.:—–-]\s*(.+))?",
                         re.IGNORECASE)


@dataclass(frozen=True)
class _Code:
    """How the page's sections are cited."""

    state: str
    abbr: str  # "RCW" when the page prints its code's abbreviation
    name: str  # "Health & Safety Code" where the state has several codes
    chapter: str

    def cite(self, number: str) -> str:
        if self.abbr:
            return f"{self.abbr} {number}"
        return citation_for(self.state, number, code=self.name, chapter=self.chapter) or \
            f"§ {number}"

    def chapter_cite(self) -> str:
        if not self.chapter:
            return ""
        if self.abbr:
            return f"{self.abbr} ch. {self.chapter}"
        form = CODE_CITATION.get(self.state, "")
        if form.endswith(" § {number}") and "{chapter}" not in form and \
                ("{code}" not in form or self.name):
            return f"{form.removesuffix(' § {number}').format(code=self.name)} ch. {self.chapter}"
        return f"Chapter {self.chapter}"


def _act_cite(first: Head) -> str:
    """An ILCS act page's citation: "720 ILCS 570" (its sections "720 ILCS 570/402")."""
    return first.cite.rsplit("/", 1)[0] if first.style == "ilcs" else ""


def _act_name(preamble: list[str]) -> str:
    """"Illinois Controlled Substances Act" from "(720 ILCS 570/) Illinois … Act."."""
    for t in reversed(preamble):
        m = re.search(r"\(\d+ ILCS \d+/\)\s*(.+)$", t)
        if m:
            return strip_end(m.group(1))
    return ""


def statute_page(html: str, name: str) -> Extracted | None:
    """The page as a statute (a section, or a chapter's sections), or ``None`` when it is
    not a legislature's code page (then it is read as an ordinary web page)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None
    try:
        return _read(root, html, name)
    except Exception:  # an unforeseen layout: read as a web page rather than not at all
        log.warning("%s: not read as a statute page", name, exc_info=True)
        return None


def _read(root: lxml.html.HtmlElement, html: str, name: str) -> Extracted | None:
    src = page_source(root, html)
    if not from_legislature(root, src):
        return None
    title = " ".join(" ".join(root.xpath("//title//text()")).split())
    clean(root)
    lines = page_lines(root)
    heads = find_heads(lines)
    if not heads:
        return None
    first = heads[0]
    preamble = [title, *(ln.text for ln in lines[:first.index])]
    state = state_of(src, first.code, ABBR_STATES)
    chapter, chapter_caption = _chapter(preamble, heads)
    near = [title, *reversed(preamble[-15:])]  # the code's name: the title, then the header
    code = _Code(state, first.code, code_name(state, src.url, near), chapter)
    out = _Out(StatuteText(), code)
    if len(heads) == 1:
        _section(out, lines, first, len(lines), top=True)
        h = first
        cite = first.cite or code.cite(h.number)
        caption = _caption(lines, first)
        doc_title, legal = (f"{cite}. {caption}" if caption else cite), cite
    else:
        legal = _act_cite(first) or code.chapter_cite()
        caption = chapter_caption or _act_name(preamble) or strip_end(title)
        doc_title = f"{legal}. {caption}" if legal and caption else legal or caption
        out.text.block(doc_title)
        for k, h in enumerate(heads):
            end = heads[k + 1].index if k + 1 < len(heads) else len(lines)
            _section(out, lines, h, end, top=False)
    text, sections, links = out.text.build()
    extra = [s for start, end in out.bodies for s in _subsections(text, start, end)]
    sections = tuple(sorted((*sections, *extra), key=lambda s: (s.start, s.level)))
    meta = DocMeta(
        title=strip_end(doc_title), kind="statute", author=legislature_name(src, state),
        jurisdiction=state or guess_jurisdiction(src.signals), date=history_date(out.history),
        site=legislature_name(src, state), source_url=src.url, citation=legal)
    warnings = () if out.bodies else (f"{name}: the section page has no text",)
    return Extracted(text=text, pages=single_page(text), sections=sections, meta=meta,
                     links=links, warnings=warnings)


class _Out:
    def __init__(self, text: StatuteText, code: _Code) -> None:
        self.text = text
        self.code = code
        self.bodies: list[tuple[int, int]] = []
        self.history: list[str] = []

    def pieces(self, pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
        """Cross-references cited in the page's code ("Fla. Stat. § 893.03")."""
        return tuple(Piece(p.text, self.code.cite(p.target.removeprefix("§ ")), p.href)
                     if p.target else p for p in pieces)


def _chapter(preamble: list[str], heads: list[Head]) -> tuple[str, str]:
    for t in reversed(preamble):
        m = _CHAPTER_RE.search(t)
        if m:
            return m.group(1), strip_end(m.group(2) or "")
    numbers = [h.number.split(".")[0] for h in heads if "." in h.number]
    return (numbers[0], "") if numbers and len(set(numbers)) == 1 else ("", "")


def _caption(lines: list[Line], h: Head) -> str:
    """The caption printed with the head, in the heading right after it, or in the
    "Sec. 402. Caption." line under an ILCS label."""
    if h.caption or h.index + 1 >= len(lines):
        return h.caption
    nxt = lines[h.index + 1]
    if h.style == "ilcs":
        return restated_caption(nxt, h.number)[0]
    if h.style in HEAD_TAGS and nxt.tag in HEAD_TAGS and not is_notes_heading(nxt):
        return strip_end(nxt.text)
    return ""


def _drop_prefix(pieces: tuple[Piece, ...], chars: int) -> tuple[Piece, ...]:
    """``pieces`` without their first ``chars`` non-space characters."""
    out: list[Piece] = []
    for p in pieces:
        if chars <= 0:
            out.append(p)
            continue
        k = 0
        while k < len(p.text) and chars > 0:
            chars -= not p.text[k].isspace()
            k += 1
        rest = p.text[k:].lstrip(" —–") if chars <= 0 else ""
        if rest:
            out.append(Piece(rest, p.target, p.href) if k == 0 else Piece(rest))
    return tuple(out)


def _section(out: _Out, lines: list[Line], h: Head, end: int, *, top: bool) -> None:
    code = out.code
    # a chapter page's section is headed as the page heads it ("§ 481.115", "RCW
    # 69.50.4013"): the chapter's title already names the code
    cite = h.cite or (code.cite(h.number) if top else f"§ {h.number}")
    caption = _caption(lines, h)
    body = lines[h.index + 1:end]
    if caption and caption != h.caption and body:
        if h.style == "ilcs":  # "Sec. 402. Caption." and maybe text after it
            rest = _drop_prefix(body[0].pieces, restated_caption(body[0], h.number)[1])
            body = [Line(rest, plain(rest), body[0].tag, body[0].cls), *body[1:]] if rest \
                else body[1:]
        else:
            body = body[1:]  # the caption heading
    if body and h.style in HEAD_TAGS and (cut := restatement(body[0], h.number, caption)):
        rest = _drop_prefix(body[0].pieces, cut)  # "Section 34. …" under "Section 34: …"
        body = [Line(rest, plain(rest), body[0].tag, body[0].cls), *body[1:]] if rest \
            else body[1:]
    first = _drop_prefix(lines[h.index].pieces, h.consumed)
    token = out.text.open(f"{cite}. {caption}" if caption else cite, f"§ {h.number}")
    out.text.block(f"{cite}. {caption}." if caption else cite)
    after: list[Line] = []
    for k, line in enumerate(body):
        if ends_page(line) or (not top and is_division(line)):
            after = [] if ends_page(line) else body[k:]
            body = body[:k]
            break
    body = [line for line in body if not is_furniture(line)]
    start = -1
    notes: list[str | tuple[Piece, ...]] = []  # headings (str) and lines (pieces)
    for part in split_runs(first) if first else []:
        s = out.text.block(out.pieces(part))
        start = s if start < 0 else start
    in_notes = False
    for line in body:
        if is_notes_heading(line) or (line.tag in HEAD_TAGS and notes):
            in_notes = True
            notes.append(line.text.rstrip(":"))
        elif in_notes or is_history(line):
            notes.append(line.pieces)
        else:
            for part in split_runs(line.pieces):
                s = out.text.block(out.pieces(part))
                start = s if start < 0 else start
    if start >= 0:
        out.bodies.append((start, out.text.length))
    if notes:
        sub = out.text.open("History and notes", kind=NOTE_KIND)
        for n in notes:
            out.text.block(n if isinstance(n, str) else out.pieces(n))
            out.history.append(n if isinstance(n, str) else "".join(p.text for p in n))
        out.text.close(sub)
    out.text.close(token)
    for line in after:
        if not is_furniture(line):
            out.text.block(out.pieces(line.pieces))


def _subsections(text: str, start: int, end: int) -> list[Section]:
    """Subsections printed in a section's body ("(1)", "(a)" …), found by the statute rules
    of :mod:`reader.extract.structure` on the body under a stand-in section heading (every
    section of a page is at level 1, so its subsections are at level 2 and below)."""
    stand_in = "§ 1.\n\n"
    shift = start - len(stand_in)
    found = detect_sections(stand_in + text[start:end])
    return [Section(title=s.title, level=s.level, start=s.start + shift,
                    end=min(s.end + shift, end), number=s.number)
            for s in found if s.number.startswith("(") and s.start >= len(stand_in)]
