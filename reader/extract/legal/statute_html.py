"""A state legislature's section page, saved from the browser ("RCW 69.53A.040", "§ 5-619",
"152.0291"), read as a statute rather than as an article.

:func:`statute_page` is asked first by the web page extractor. A page qualifies when it
comes from a legislature (its site name, title, header or address names one: "Washington
State Legislature", "General Assembly", "Revisor of Statutes", ``leg.`` hosts) **and** a
heading near the top is a section citation. Then:

* the citation heading and the caption after it give the section: number ("§ 69.53A.040"),
  heading, the page's own citation ("RCW 69.53A.040");
* the blocks after it are the text; subsections "(1)", "(a)", "(i)", "(A)" are found where
  the page prints them (:func:`~reader.extract.structure.detect_sections`, the same rules
  as for any statute text), whether or not it also marks them up;
* the session-law history ("[ 2024 c 211 § 4. ]", "History: …") and the notes after a
  "NOTES:" heading are a note region, never cited as law;
* navigation, headers, footers, side menus, forms and scripts are left out.

Kind ``statute``; jurisdiction from the legislature; date from the history (the latest
effective date, or the year of the latest session law).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlparse

import lxml.etree
import lxml.html

from reader.extract.base import Extracted, single_page
from reader.extract.dates import find_dates
from reader.extract.jurisdiction import guess_jurisdiction
from reader.extract.legal.builder import Piece, StatuteText
from reader.extract.legal.inline import latest_date, strip_end
from reader.extract.structure import detect_sections
from reader.model.documents import NOTE_KIND, DocMeta, Section

log = logging.getLogger(__name__)

_LEGISLATURE_RE = re.compile(
    r"\b(?:State )?Legislature\b|\bGeneral Assembly\b|\bLegislative (?:Counsel|Council|Services|"
    r"Information|Reference Bureau|Service Agency)\b|\bRevisor of Statutes\b|"
    r"\bOffice of (?:the )?Revisor\b|\bRevised (?:Code|Statutes)\b|\bCompiled (?:Laws|Statutes)\b|"
    r"\bState Code\b|\bCode of (?:Virginia|Alabama|Iowa|Maryland|Ordinances)\b", re.IGNORECASE)
_LEG_HOST_RE = re.compile(r"(?:^|\.)(?:leg|legis|legislature|capitol|revisor|statutes)\b|"
                          r"(?:legis|leg)\.[a-z]{2}\.|mgaleg|ilga|malegislature", re.IGNORECASE)
_CODE_ABBR = (r"RCW|ORS|C\.R\.S\.|A\.R\.S\.|N\.R\.S\.|K\.S\.A\.|M\.C\.L\.|O\.C\.G\.A\.|"
              r"R\.I\.G\.L\.|N\.J\.S\.A\.|(?:[A-Z][a-z]*\.?\s){1,4}(?:Stat|Code|Ann)\.?")
_CITE_HEAD_RE = re.compile(
    rf"^(?:(?P<code>{_CODE_ABBR})\s*)?(?:§§?\s*|Sec(?:tion)?\.?\s+|SECTION\s+)?"
    rf"(?P<num>\d+[A-Za-z]?(?:[-.:–]\d+[A-Za-z]?)+|\d+[A-Za-z]?)(?P<rest>(?:[.:]?\s.*|\.?))$")
_HISTORY_RE = re.compile(r"^\s*\[\s*(?:\d{4}|\d+\s+c\s)|^\s*(?:History|Source|Credits)\s*[:.]",
                         re.IGNORECASE)
_NOTES_HEAD_RE = re.compile(r"^\s*(?:NOTES?|Editor'?s notes?|Annotations?|Notes? of decisions|"
                            r"Cross[- ]references?|Revisor'?s notes?)\s*:?\s*$", re.IGNORECASE)
_SESSION_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\s+c\s+\d+")
_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
         "iframe", "svg", "button", "select", "object", "embed", "head")
_JUNK_ATTR_RE = re.compile(r"breadcrumb|leftnav|sidebar|menu|pdflinks|toolbar|share|cookie",
                           re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "pre", "tr", "section", "article", "td", "table", "ul", "ol", "dl", "main"}
_STATE_CODES = {"RCW": "WA", "ORS": "OR", "C.R.S.": "CO", "A.R.S.": "AZ", "N.R.S.": "NV",
                "K.S.A.": "KS", "M.C.L.": "MI", "O.C.G.A.": "GA", "R.I.G.L.": "RI",
                "N.J.S.A.": "NJ"}
_HEAD_TAGS = ("h1", "h2", "h3", "h4")


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _signals(root: lxml.html.HtmlElement) -> str:
    """Where a page says whose it is: site name, title, application name, canonical URL,
    the first header."""
    parts = [*root.xpath("//meta[@property='og:site_name']/@content"),
             *root.xpath("//meta[@name='application-name' or @name='author']/@content"),
             *root.xpath("//title//text()"), *root.xpath("//link[@rel='canonical']/@href")]
    parts.extend(_text(h) for h in root.xpath("//header|//*[@id='header' or @id='legHeader']")[:1])
    return " ".join(" ".join(str(p).split()) for p in parts)


def _from_legislature(root: lxml.html.HtmlElement) -> bool:
    signals = _signals(root)
    if _LEGISLATURE_RE.search(signals):
        return True
    hosts = [urlparse(u).hostname or "" for u in root.xpath("//link[@rel='canonical']/@href")]
    return any(_LEG_HOST_RE.search(h) for h in hosts)


def _cite_heading(root: lxml.html.HtmlElement) -> tuple[lxml.html.HtmlElement, re.Match] | None:
    """The first of the top headings that is a section citation: with a code name or "§"
    ("RCW 69.53A.040", "§ 5-619. Title"), or a bare dotted number ("152.0291" alone or
    before a capitalised caption). Years and ranges ("2023-24 budget") are not."""
    for el in root.xpath("//body//*[self::h1 or self::h2 or self::h3 or self::h4]")[:8]:
        text = _text(el)
        m = _CITE_HEAD_RE.match(text)
        if not m or re.fullmatch(r"(?:19|20)\d\d(?:[-–]\d{2,4})?", m.group("num")):
            continue
        rest = m.group("rest").strip(" .")
        keyword = m.group("code") or re.match(r"(?:§|Sec(?:tion)?\b|SECTION\b)", text)
        dotted = re.search(r"[.:-]", m.group("num")) and (not rest or rest[:1].isupper())
        if keyword or dotted:
            return el, m
    return None


def _clean(root: lxml.html.HtmlElement, keep: lxml.html.HtmlElement) -> None:
    for el in root.xpath("//*[" + " or ".join(f"self::{t}" for t in _DROP) + "]"):
        if el.getparent() is not None and keep not in el.iterancestors() and el is not keep:
            el.drop_tree()
    for el in root.xpath("//*[@id or @class]"):
        attrs = f"{el.get('id', '')} {el.get('class', '')}"
        if _JUNK_ATTR_RE.search(attrs) and el.getparent() is not None and el is not keep \
                and keep not in el.iterancestors() and el not in keep.iterancestors():
            el.drop_tree()


def _blocks_after(heading: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The leaf blocks after ``heading`` inside the page's main content."""
    container = heading.getparent()
    while container is not None and container.getparent() is not None and \
            len([b for b in _leaves(container) if b is not heading]) < 2:
        container = container.getparent()
    if container is None:
        return []
    leaves = _leaves(container)
    try:
        return leaves[leaves.index(heading) + 1:]
    except ValueError:
        return leaves


def _leaves(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    out = []
    for d in el.iter():
        if not isinstance(d.tag, str) or d.tag not in _BLOCK_TAGS:
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in d):
            continue
        if _text(d):
            out.append(d)
    return out


_LINKED_NUM_RE = re.compile(r"\d+[A-Za-z]?(?:[-.:–]\d+[A-Za-z]?)+")


def _inline(el: lxml.html.HtmlElement, code: str) -> list[Piece]:
    """The block's text; a link whose words are a section number ("69.50.4013") is a
    cross-reference to that section of the same code."""
    pieces = [Piece(el.text or "")]
    for c in el:
        if not isinstance(c.tag, str):
            pass
        elif c.tag == "br":
            pieces.append(Piece(" "))
        elif c.tag == "a" and _LINKED_NUM_RE.fullmatch(_text(c)):
            number = _text(c)
            pieces.append(Piece(number, f"{code} {number}" if code else f"§ {number}",
                                c.get("href") or ""))
        else:
            pieces.extend(_inline(c, code))
        pieces.append(Piece(c.tail or ""))
    return pieces


def statute_page(html: str, name: str) -> Extracted | None:
    """The page as a statute section, or ``None`` when it is not a legislature's section
    page (then it is read as an ordinary web page)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    if not _from_legislature(root):
        return None
    found = _cite_heading(root)
    if found is None:
        return None
    heading, m = found
    signals = _signals(root)
    url = next(iter(root.xpath("//link[@rel='canonical']/@href")), "")
    _clean(root, heading)
    blocks = _blocks_after(heading)
    caption = strip_end(m.group("rest").lstrip(" .:—–-"))
    if not caption and blocks and blocks[0].tag in _HEAD_TAGS:
        caption = strip_end(_text(blocks.pop(0)))
    code = (m.group("code") or "").strip()
    number = f"§ {m.group('num')}"
    cite = f"{code} {m.group('num')}" if code else number
    return _build(blocks, cite, number, caption, code, signals, url, name)


def _build(blocks: list[lxml.html.HtmlElement], cite: str, number: str, caption: str,
           code: str, signals: str, url: str, name: str) -> Extracted:
    out = StatuteText()
    token = out.open(f"{cite}. {caption}" if caption else cite, number)
    out.block(f"{cite}. {caption}." if caption else cite)
    body_start = -1
    in_notes = False
    notes: list[tuple[str, list[Piece]]] = []
    for b in blocks:
        text = _text(b)
        if _NOTES_HEAD_RE.match(text) or (b.tag in _HEAD_TAGS and notes):
            in_notes = True
            notes.append(("heading", [Piece(text.rstrip(":"))]))
        elif in_notes or _HISTORY_RE.match(text) or "history" in (b.get("class") or "").lower():
            notes.append(("text", _inline(b, code)))
        else:
            start = out.block(_inline(b, code))
            body_start = start if body_start < 0 else body_start
    body_end = out.length
    history = ["".join(p.text for p in pieces) for _, pieces in notes]
    if notes:
        sub = out.open("History and notes", kind=NOTE_KIND)
        for _, pieces in notes:
            out.block(pieces)
        out.close(sub)
    out.close(token)
    text, sections, links = out.build()
    if body_start >= 0:
        sections = _with_subsections(text, sections, body_start, body_end)
    meta = DocMeta(
        title=strip_end(f"{cite}. {caption}" if caption else cite), kind="statute",
        author=_legislature_name(signals), jurisdiction=_jurisdiction(code, signals),
        date=_date(history), site=_legislature_name(signals),
        source_url=str(url), citation=cite)
    warnings = () if body_start >= 0 else (f"{name}: the section page has no text",)
    return Extracted(text=text, pages=single_page(text), sections=sections, meta=meta,
                     links=links, warnings=warnings)


def _with_subsections(text: str, sections: tuple[Section, ...], start: int,
                      end: int) -> tuple[Section, ...]:
    """Subsections printed in the body ("(1)", "(a)" …), found by the statute rules of
    :mod:`reader.extract.structure` on the body under a stand-in section heading."""
    stand_in = "§ 1.\n\n"
    shift = start - len(stand_in)
    found = detect_sections(stand_in + text[start:end])
    extra = [Section(title=s.title, level=s.level, start=s.start + shift,
                     end=min(s.end + shift, end), number=s.number)
             for s in found if s.number.startswith("(") and s.start >= len(stand_in)]
    return tuple(sorted((*sections, *extra), key=lambda s: (s.start, s.level)))


def _legislature_name(signals: str) -> str:
    m = re.search(r"((?:[A-Z][a-z]+ ){0,3}(?:State )?(?:Legislature|General Assembly))", signals)
    return m.group(1).strip() if m else ""


def _jurisdiction(code: str, signals: str) -> str:
    if code in _STATE_CODES:
        return _STATE_CODES[code]
    return guess_jurisdiction(_legislature_name(signals) or signals)


def _date(history: list[str]) -> str:
    dated = latest_date(h for h in history if find_dates(h))
    years = [y for h in history for y in _SESSION_YEAR_RE.findall(h)]
    year = max(years, default="")
    if dated and (not year or dated[:4] >= year):
        return dated
    return year
