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
from reader.extract.legal import uslm_meta
from reader.extract.legal.builder import Piece, StatuteText, plain, short_title
from reader.extract.legal.inline import (
    all_text,
    child,
    descendants,
    inline,
    strip_end,
)
from reader.extract.legal.safe_xml import local
from reader.model.documents import NOTE_KIND

log = logging.getLogger(__name__)

BIG_LEVELS = ("title", "subtitle", "chapter", "subchapter", "part", "subpart", "division",
              "subdivision", "article", "subarticle", "preliminary", "compiledAct",
              "courtRules", "courtRule", "reorganizationPlans", "reorganizationPlan")
SMALL_LEVELS = ("subsection", "paragraph", "subparagraph", "clause", "subclause", "item",
                "subitem", "subsubitem")
TEXT_BLOCKS = ("chapeau", "content", "continuation", "text", "p", "proviso", "def",
               "quotedContent", "longTitle", "enactingFormula", "docTitle", "officialTitle")
NOTE_BLOCKS = ("sourceCredit", "notes", "note", "statutoryNote", "editorialNote", "changeNote",
               "legislativeHistory")
#: printers' marks, never words of the law: Statutes at Large page breaks ("140 STAT. 2211",
#: even mid-sentence), marginal notes ("42 USC 201 note."), the end-of-law mark
MARKS = ("page", "sidenote", "marginalNote", "endMarker", "footnote", "authorialNote")
_SKIP_INLINE = MARKS
_USC_RE = re.compile(r"^/us/usc/t(?P<title>\w+?)(?:/s(?P<sec>[\w.-]+?)(?P<rest>(?:/\w+)*)"
                     r"|/ch(?P<ch>\w+))?/?$")
_PL_RE = re.compile(r"^/us/pl/(?P<congress>\d+)/(?P<law>\d+)(?P<rest>(?:/\w+)*)$")
_STAT_RE = re.compile(r"^/us/stat/(?P<vol>\d+)/(?P<page>\d+)$")



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
            elif tag == "longTitle" and any(local(x) in TEXT_BLOCKS for x in c):
                self.walk(c)  # "A BILL" / "To make naloxone available …", one line each
            elif tag in TEXT_BLOCKS:
                self.text_block(c)
            elif tag in NOTE_BLOCKS:
                self.note(c)
            elif tag in ("toc", "layout", "meta", "num", "heading", "subheading", "img",
                         *MARKS):
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
            f"{num_text} {plain(inline(first, skip=MARKS)) if first is not None else ''}"
        token = self.out.open(strip_end(short_title(title or number or tag)), number)
        rest: list[etree._Element] = list(el)
        runs_in = not heading or heading.endswith(("—", "--"))  # "(a) In General.—Each …"
        if tag not in BIG_LEVELS and tag != "section" and first is not None \
                and el.index(first) <= 2 and runs_in:
            # "(a)" and "(1)" run into their text, as the Code prints them
            self.text_block(first, label + ("" if heading else " "))
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
        if any(local(c) == "quotedContent" and _has_levels(c) for c in el):
            self.quoted_in(el, lead)
            return
        self.out.block([Piece(lead), *inline(el, _link_of, _SKIP_INLINE)])

    def quoted_in(self, el: etree._Element, lead: str) -> None:
        """Text with a quoted provision in it ("… adding at the end the following:
        “(o) …”."): the words before, each quoted provision and the words after as
        paragraphs, none of them a section of this law."""
        current: list[Piece] = [Piece(lead), Piece(el.text or "")]
        for c in el:
            if local(c) == "quotedContent" and _has_levels(c):
                self.out.block(current)
                quoted = [q for q in c.iter() if local(q) in TEXT_BLOCKS and q is not c
                          and not any(local(a) in TEXT_BLOCKS for a in q.iterancestors()
                                      if a is not c and c in a.iterancestors())]
                for i, q in enumerate(quoted):
                    level = q.getparent()
                    head = " ".join(p for p in (all_text(child(level, "num")),
                                                all_text(child(level, "heading"))) if p)
                    first = level is not None and next(
                        (x for x in level if local(x) in TEXT_BLOCKS), None) is q
                    pieces = [Piece(head if first else "")] if head else []
                    if pieces and not head.endswith(("—", "-")):
                        pieces.append(Piece(" "))
                    pieces.extend(inline(q, _link_of, _SKIP_INLINE))
                    if i < len(quoted) - 1:
                        self.out.block(pieces)
                current = pieces if quoted else []
            elif local(c) not in MARKS:
                link = _link_of(c)
                current.extend([Piece(all_text(c), *link)] if link else
                               inline(c, _link_of, _SKIP_INLINE))
            current.append(Piece(c.tail or ""))
        self.out.block(current)

    def note(self, el: etree._Element) -> None:
        tag = local(el)
        if tag == "sourceCredit":
            marked = [d.get("date", "") for d in descendants(el, "date")]
            # the Code's credits mostly write their dates as text ("Mar. 3, 2024")
            self.credits.extend(marked if any(marked) else [all_text(el)])
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


def _has_levels(el: etree._Element) -> bool:
    return any(local(c) in SMALL_LEVELS or local(c) in BIG_LEVELS or local(c) == "section"
               for c in el.iter())


def read(root: etree._Element, name: str) -> Extracted:
    reader = _Reader(name)
    reader.walk(root)
    text, sections, links = reader.out.build()
    if not text:
        raise DamagedFile(f"{name}: the USLM file contains no text.")
    return Extracted(text=text, pages=single_page(text), sections=sections,
                     meta=uslm_meta.meta(root, reader.sections, reader.credits, sections),
                     links=links)
