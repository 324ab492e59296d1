"""USLM: the U.S. Code (``<uscDoc>``, Office of the Law Revision Counsel) and the
Government Publishing Office's public laws and bills (``<pLaw>``, ``<bill>``, USLM 2).

Levels (``<title>``, ``<chapter>``, ``<subchapter>``, ``<part>``, ``<section>``,
``<subsection>``, ``<paragraph>``, ``<subparagraph>``, ``<clause>`` …) become nested
sections numbered from their ``<num value>``: "Title 21", "Chapter 13A", "§ 977",
"(a)", "(1)", so ``DocText.pinpoint`` gives "§ 977(a)(1)". ``<chapeau>``, ``<content>``,
``<continuation>`` and ``<p>`` are the text. ``<sourceCredit>`` (the enacting and amending
laws) and ``<notes>`` are note regions, never cited as law; ``<ref href="/us/usc/t21/s802">``
becomes a link to "21 U.S.C. § 802". A table of contents (``<toc>``) is not part of the
text: the sections themselves follow.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

import lxml.etree as etree

from reader.errors import DamagedFile
from reader.extract import heartbeat
from reader.extract.base import Extracted, single_page
from reader.extract.legal.builder import Piece, StatuteText, short_title
from reader.extract.legal.inline import (
    all_text,
    child,
    descendants,
    inline,
    latest_date,
    strip_end,
)
from reader.extract.legal.safe_xml import local
from reader.model.documents import NOTE_KIND, DocMeta, Section

log = logging.getLogger(__name__)

BIG_LEVELS = ("title", "subtitle", "chapter", "subchapter", "part", "subpart", "division",
              "subdivision", "article", "subarticle", "preliminary", "compiledAct",
              "courtRules", "courtRule", "reorganizationPlans", "reorganizationPlan")
SMALL_LEVELS = ("subsection", "paragraph", "subparagraph", "clause", "subclause", "item",
                "subitem", "subsubitem")
TEXT_BLOCKS = ("chapeau", "content", "continuation", "text", "p", "proviso", "def",
               "quotedContent", "longTitle", "enactingFormula", "docTitle", "officialTitle")
NOTE_BLOCKS = ("sourceCredit", "notes", "note", "statutoryNote", "editorialNote", "changeNote")
_SKIP_INLINE = ("footnote", "authorialNote")
_USC_RE = re.compile(r"^/us/usc/t(?P<title>\w+?)(?:/s(?P<sec>[\w.-]+?)(?P<rest>(?:/\w+)*)"
                     r"|/ch(?P<ch>\w+))?/?$")
_PL_RE = re.compile(r"^/us/pl/(?P<congress>\d+)/(?P<law>\d+)(?P<rest>(?:/\w+)*)$")
_STAT_RE = re.compile(r"^/us/stat/(?P<vol>\d+)/(?P<page>\d+)$")
_BILL_TYPES = {"house bill": "H.R.", "senate bill": "S.", "hr": "H.R.", "s": "S.",
               "house joint resolution": "H.J. Res.", "senate joint resolution": "S.J. Res."}


def target_of(href: str) -> str:
    """``/us/usc/t21/s802/6`` → ``21 U.S.C. § 802(6)``; ``/us/pl/91/513/tII/s404`` →
    ``Pub. L. 91-513, title II, § 404``; ``/us/stat/84/1264`` → ``84 Stat. 1264``; other
    references as given."""
    href = href.strip()
    m = _USC_RE.match(href)
    if m:
        if m.group("sec"):
            rest = "".join(f"({p})" for p in m.group("rest").split("/") if p)
            return f"{m.group('title')} U.S.C. § {m.group('sec')}{rest}"
        if m.group("ch"):
            return f"{m.group('title')} U.S.C. ch. {m.group('ch')}"
        return f"Title {m.group('title')}, U.S.C."
    m = _PL_RE.match(href)
    if m:
        out = f"Pub. L. {m.group('congress')}-{m.group('law')}"
        for part in (p for p in m.group("rest").split("/") if p):
            if part.startswith("t") and part[1:].isupper():
                out += f", title {part[1:]}"
            elif part.startswith("s") and part[1:2].isdigit():
                out += f", § {part[1:]}"
            elif part.startswith("d") and part[1:].isupper():
                out += f", div. {part[1:]}"
            else:
                out += f"({part})"
        return out
    m = _STAT_RE.match(href)
    if m:
        return f"{m.group('vol')} Stat. {m.group('page')}"
    return href


def _link_of(el: etree._Element) -> tuple[str, str] | None:
    if local(el) != "ref":
        return None
    href = el.get("href") or ""
    return (target_of(href), href) if href else None


def _designation(tag: str, el: etree._Element, num_text: str) -> str:
    num = child(el, "num")
    value = (num.get("value", "") if num is not None else "").strip()
    value = value or num_text.strip("§ .—–-()").strip()
    if not value:
        return ""
    if tag == "section":
        return f"§ {value}"
    if tag in SMALL_LEVELS or tag == "level":
        return f"({value})"
    return f"{tag[:1].upper()}{tag[1:]} {value}"


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.out = StatuteText()
        self.sections: list[str] = []
        self.credits: list[str] = []
        self.count = 0

    def walk(self, elements: Iterable[etree._Element]) -> None:
        for c in elements:
            tag = local(c)
            if tag in BIG_LEVELS or tag == "section" or tag in SMALL_LEVELS or tag == "level":
                self.level(c, tag)
            elif tag in TEXT_BLOCKS:
                self.text_block(c)
            elif tag in NOTE_BLOCKS:
                self.note(c)
            elif tag in ("toc", "layout", "meta", "num", "heading", "subheading", "img"):
                continue
            elif tag in ("table", "column", "row"):
                self.table(c)
            else:
                self.walk(c)  # containers: main, preface, preamble, legisBody, signatures …

    def level(self, el: etree._Element, tag: str) -> None:
        self.count += 1
        if self.count % 200 == 0:
            heartbeat.beat(self.count)
        num_el, head_el = child(el, "num"), child(el, "heading")
        num_text, heading = all_text(num_el), all_text(head_el)
        number = _designation(tag, el, num_text)
        if tag == "section":
            self.sections.append(number)
        label = num_text + ("" if not heading or num_text.endswith(("—", "-")) else " ") + heading
        label = label.strip()
        first = next((c for c in el if local(c) in TEXT_BLOCKS), None)
        title = label if tag in BIG_LEVELS or tag == "section" or heading else \
            f"{num_text} {all_text(first)}"
        token = self.out.open(strip_end(short_title(title or number or tag)), number)
        rest: list[etree._Element] = list(el)
        if tag not in BIG_LEVELS and tag != "section" and first is not None \
                and el.index(first) <= 2 and not heading:
            # "(a)" and "(1)" run into their text, as the Code prints them
            self.text_block(first, label + " ")
            rest.remove(first)
        elif label:
            self.out.block(label)
        self.walk(rest)
        self.out.close(token)

    def text_block(self, el: etree._Element, lead: str = "") -> None:
        if any(local(c) == "p" for c in el):  # a content with paragraphs in it
            if lead.strip() or (el.text or "").strip():
                self.out.block([Piece(lead), Piece(el.text or "")])
            self.walk(el)
            return
        self.out.block([Piece(lead), *inline(el, _link_of, _SKIP_INLINE)])

    def note(self, el: etree._Element) -> None:
        tag = local(el)
        if tag == "sourceCredit":
            self.credits.extend(d.get("date", "") for d in descendants(el, "date"))
            token = self.out.open("Source credit", kind=NOTE_KIND)
            self.out.block(inline(el, _link_of))
            self.out.close(token)
            return
        heading = all_text(child(el, "heading"))
        if tag != "notes" and not heading and not (el.text or "").strip() and not len(el):
            return
        token = self.out.open(heading or "Notes", kind=NOTE_KIND)
        if tag != "notes" and not any(local(c) in TEXT_BLOCKS or local(c) in NOTE_BLOCKS
                                      for c in el):
            self.out.block(inline(el, _link_of, _SKIP_INLINE))
        else:
            if heading:
                self.out.block(heading)
            for c in el:
                t = local(c)
                if t in NOTE_BLOCKS:
                    self.note(c)
                elif t in TEXT_BLOCKS:
                    self.text_block(c)
        self.out.close(token)

    def table(self, el: etree._Element) -> None:
        for row in (r for r in el.iter() if local(r) in ("tr", "row")):
            cells = [all_text(c) for c in row if local(c) in ("td", "th", "column")]
            self.out.block(" | ".join(c for c in cells if c))


def _meta_text(root: etree._Element, name: str) -> str:
    meta = child(root, "meta")
    if meta is None:
        return ""
    found = next((d for d in meta.iter() if local(d) == name), None)
    return all_text(found)


_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "by", "or"}


def _capitalised(heading: str) -> str:
    """``"CHAPTER 13A—COMMUNITY OVERDOSE PREVENTION"`` → ``"Chapter 13A—Community Overdose
    Prevention"`` (headings the Code prints in capitals; others unchanged)."""
    if not heading.isupper():
        return heading
    words = re.split(r"(\s+|—)", heading.lower())
    out = []
    for i, w in enumerate(words):
        keep = (i and w in _SMALL_WORDS) or w[:1].isdigit()
        out.append(w if keep else w[:1].upper() + w[1:])
    return re.sub(r"\b(\d+)([a-z])\b", lambda m: m.group(1) + m.group(2).upper(), "".join(out))


def _title(root: etree._Element, reader: _Reader, sections: tuple[Section, ...]) -> str:
    """The document's title: the Code title's name, and the chapter's when the file holds
    exactly one chapter ("Title 21—Food and Drugs, Chapter 13A—Community Overdose
    Prevention")."""
    title = _capitalised(_meta_text(root, "title") or
                         all_text(next(iter(descendants(root, "docTitle")), None)))
    big = [s for s in sections if s.level == 2 and not s.is_note and s.number
           and not s.number.startswith(("§", "("))]
    if title and len(big) == 1 and local(root) == "uscDoc":
        title = f"{title}, {_capitalised(big[0].title)}"
    return title


def _meta(root: etree._Element, reader: _Reader, sections: tuple[Section, ...]) -> DocMeta:
    kind = local(root)
    doc_type = _meta_text(root, "type").lower()
    number = _meta_text(root, "docNumber")
    title = _title(root, reader, sections)
    citable = _meta_text(root, "citableAs")
    created = _meta_text(root, "created") or _meta_text(root, "date")
    congress = _meta_text(root, "congress")
    if kind == "uscDoc" or doc_type.startswith("usc"):
        head = f"{number} U.S.C." if number else "U.S.C."
        citation = f"{head} {reader.sections[0]}" if len(reader.sections) == 1 else head
        site = "United States Code"
    elif kind in ("pLaw", "statute") or "law" in doc_type:
        citation = citable or (f"Pub. L. {congress}-{number}" if congress and number else "")
        site = "United States Statutes at Large"
    else:
        prefix = _BILL_TYPES.get(doc_type, "")
        citation = citable or (f"{prefix} {number}".strip() if number else "")
        if citation and congress:
            citation += f", {congress}th Cong."
        site = "U.S. Congress"
    date = latest_date(d for d in reader.credits if d) or latest_date([created] if created
                                                                         else [])
    return DocMeta(title=strip_end(title), kind="statute", author="United States Congress",
                   jurisdiction="US", site=site, date=date, citation=citation)


def read(root: etree._Element, name: str) -> Extracted:
    reader = _Reader(name)
    reader.walk(root)
    text, sections, links = reader.out.build()
    if not text:
        raise DamagedFile(f"{name}: the USLM file contains no text.")
    return Extracted(text=text, pages=single_page(text), sections=sections,
                     meta=_meta(root, reader, sections), links=links)
