"""Akoma Ntoso 3.0 acts and bills (``<akomaNtoso><act>`` / ``<bill>``).

The FRBR identification gives the metadata: the work's country ("us-vt" → ``VT``, a
country code otherwise in capitals), its author (the ``TLCOrganization`` it points to),
dates (the expression's date, or the latest ``<lifecycle>`` event: the act as amended) and
name. The preface (long title, number), preamble, body and conclusions are the text. Body
levels (``<part>``, ``<chapter>``, ``<section>``, ``<subsection>``, ``<paragraph>``,
``<article>`` …, and generic ``<hcontainer>``/``<level>``) become nested sections:
"Part 2", "§ 4", "(1)", "(a)". ``<ref href>`` becomes a link: to "§ 3" for a section of the
same act (its ``eId``), to the other work's address otherwise. Footnotes
(``<authorialNote>``) and editorial notes are note regions after the provision they annotate.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

import lxml.etree as etree

from reader.errors import DamagedFile
from reader.extract.base import Extracted, single_page
from reader.extract.legal import akn_meta
from reader.extract.legal.akn_meta import attr, eid_designation, external_target, ident
from reader.extract.legal.builder import Piece, StatuteText, short_title
from reader.extract.legal.inline import all_text, child, descendants, inline, strip_end
from reader.extract.legal.safe_xml import local
from reader.model.documents import NOTE_KIND

log = logging.getLogger(__name__)

LEVELS = ("book", "tome", "part", "subpart", "title", "subtitle", "chapter", "subchapter",
          "division", "subdivision", "article", "section", "subsection", "paragraph",
          "subparagraph", "clause", "subclause", "point", "indent", "alinea", "rule",
          "subrule", "proviso", "list", "hcontainer", "level", "transitional")
BIG = ("book", "tome", "part", "subpart", "title", "subtitle", "chapter", "subchapter",
       "division", "subdivision")
BLOCKS = ("p", "intro", "wrapUp", "wrap", "content", "blockList", "item", "listIntroduction",
          "listWrapUp", "longTitle", "formula", "recital", "citation", "blockContainer",
          "tblock", "docTitle", "docNumber", "docProponent", "docDate", "docStage",
          "crossHeading")
#: the preface's phrases: blocks of their own in the preface, inline inside a ``<p>``
#: ("<p><docType>Regulation</docType> <docNumber>(EU) 2026/4411</docNumber> of …</p>")
PHRASES = ("docTitle", "docNumber", "docProponent", "docDate", "docStage", "docType",
           "docPurpose", "shortTitle")
#: footnotes and editorial remarks are printed as notes after their provision (``<eol/>``
#: and ``<eop/>`` are line and page ends: a space, see :func:`.inline.inline`)
NOTES = ("authorialNote", "remark")
_SKIP_INLINE = (*NOTES, "noteRef")



_SECTION_WORD_RE = re.compile(r"^(?:§+|Sec(?:tion)?\.?|SECTION|SEC\.)\s*", re.IGNORECASE)
def _number(tag: str, num: str) -> str:
    value = num.strip().rstrip(".").strip()
    if not value:
        return ""
    if tag == "section":
        return f"§ {_SECTION_WORD_RE.sub('', value)}"
    if tag == "article":
        return f"Art. {value}" if not value.lower().startswith("art") else value
    if tag in BIG:
        word = tag.capitalize()
        return value if value.lower().startswith(tag) else f"{word} {value}"
    return value if value.startswith("(") else f"({value})"


class _Reader:
    def __init__(self, name: str, work_uri: str) -> None:
        self.name = name
        self.work_uri = work_uri.rstrip("/")
        self.out = StatuteText()
        self.numbers: dict[str, str] = {}  # eId → citable designation ("§ 3(1)")
        self.commentary: dict[str, etree._Element] = {}  # eId → a note kept in the meta
        self.lead = ""  # a number waiting for the next block ("1." of a paragraph)

    def index(self, el: etree._Element, trail: str = "") -> None:
        """Record each level's designation by ``eId``, for links within the act."""
        for c in el:
            tag = local(c)
            if tag in LEVELS:
                num = _number(tag, all_text(child(c, "num")))
                here = trail + num if num.startswith("(") else (num or trail)
                key = ident(c)
                if key:
                    self.numbers[key] = here
                self.index(c, here)
            elif tag not in ("meta",):
                self.index(c, trail)

    def link_of(self, el: etree._Element) -> tuple[str, str] | None:
        if local(el) not in ("ref", "mref", "rref"):
            return None
        href = (el.get("href") or el.get("from") or "").strip()
        if not href:
            return None
        eid = ""
        if href.startswith("#"):
            eid = href[1:]
        elif "~" in href and href.split("~")[0].split("/!")[0].rstrip("/") in (
                self.work_uri, self.work_uri.split("/!")[0]):
            eid = href.split("~", 1)[1]
        if eid:
            return self.numbers.get(eid) or eid_designation(eid) or href, href
        return external_target(href), href

    def walk(self, elements: Iterable[etree._Element]) -> None:
        for c in elements:
            tag = local(c)
            if tag in LEVELS:
                self.level(c, tag)
            elif tag in BLOCKS:
                self.block(c)
            elif tag in ("num", "heading", "subheading", "meta", "componentRef"):
                continue
            elif tag in (*NOTES, "note"):
                self.note(c)
            else:
                self.walk(c)  # preface, preamble, body, conclusions, container, signature …

    def level(self, el: etree._Element, tag: str) -> None:
        num, heading = all_text(child(el, "num")), all_text(child(el, "heading"))
        number = _number(tag, num)
        if tag in BIG:  # "Chapter 1 – Interpretation", also for a bare "1"
            label = " – ".join(p for p in (number if num[:1].isdigit() else num, heading) if p)
        else:
            label = " ".join(p for p in (num, heading) if p)
        first = next((c for c in el if local(c) in BLOCKS), None)
        opening = first if first is not None else next(iter(descendants(el, "intro")), None)
        title = label if heading or tag in BIG or tag in ("section", "article") else \
            f"{num} {all_text(opening)}"
        token = self.out.open(strip_end(short_title(title or number or tag)), number)
        rest = list(el)
        small = not heading and num and tag not in (*BIG, "section", "article")
        if small and first is not None:
            self.block(first, num + " ")
            rest.remove(first)
        elif small and any(local(c) == "list" for c in el):
            self.lead = num + " "  # "1." runs into the list's intro: "1. Member States …"
        elif label:
            self.out.block(label)
        self.walk(rest)
        self.notes(el)
        self.out.close(token)

    def notes(self, el: etree._Element) -> None:
        """Footnotes and remarks in ``el``, and the commentary its ``<noteRef>``s point to
        (legislation.gov.uk keeps "F1 Words substituted by …" in the meta), as notes."""
        notes: list[tuple[str, etree._Element]] = []
        for d in _own(el, (*NOTES, "noteRef")):
            if local(d) != "noteRef":
                notes.append(((d.get("marker") or "").strip(), d))
                continue
            note = self.commentary.pop((d.get("href") or "").lstrip("#"), None)
            if note is not None:  # printed once, with the first provision citing it
                notes.append(((d.get("marker") or "").strip(), note))
        if notes:
            sub = self.out.open("Notes", kind=NOTE_KIND)
            for marker, n in notes:
                lead = [Piece(f"[{marker}] ")] if marker else []
                self.out.block([*lead, *inline(n, self.link_of)])
            self.out.close(sub)

    def block(self, el: etree._Element, lead: str = "") -> None:
        lead, self.lead = self.lead + lead, ""
        num = all_text(child(el, "num"))
        if num and local(el) == "item":  # a numbered item of a <blockList>: "(b)" is cited
            first = next((c for c in el if local(c) in BLOCKS), None)
            token = self.out.open(short_title(f"{num} {all_text(first)}"), _number("item", num))
            self._block(el, f"{lead}{num} ")
            self.out.close(token)
            return
        if num and local(el) == "recital":  # "(1) Drug-checking equipment should …"
            lead = f"{lead}{num} "
        self._block(el, lead)

    def _block(self, el: etree._Element, lead: str) -> None:
        inner = [c for c in el if (local(c) in BLOCKS and not (
            local(c) in PHRASES and local(el) == "p")) or local(c) in LEVELS]
        if inner:
            lead += el.text or ""
            rest = [c for c in el if local(c) != "num"]
            if local(inner[0]) in BLOCKS and rest[0] is inner[0]:
                self.block(inner[0], lead)  # "(1)" runs into its first paragraph
                rest.remove(inner[0])
            elif lead.strip():
                self.out.block(lead)
            self.walk(rest)
            return

        self.out.block([Piece(lead), *inline(el, self.link_of, _SKIP_INLINE)])

    def note(self, el: etree._Element) -> None:
        if local(el) in NOTES:
            return  # printed after the provision that carries it (see level)
        token = self.out.open(all_text(child(el, "heading")) or "Note", kind=NOTE_KIND)
        self.out.block(inline(el, self.link_of))
        self.out.close(token)


def _own(el: etree._Element, names: tuple[str, ...]) -> Iterable[etree._Element]:
    """The elements named ``names`` inside ``el`` but not inside a deeper level."""
    for d in el.iter():
        if local(d) in names:
            parent = d.getparent()
            while parent is not None and parent is not el and local(parent) not in LEVELS:
                parent = parent.getparent()
            if parent is el:
                yield d


def read(root: etree._Element, name: str) -> Extracted:
    doc = next((c for c in root if isinstance(c.tag, str) and local(c) != "components"), None)
    if doc is None:
        raise DamagedFile(f"{name}: the Akoma Ntoso file holds no document.")
    meta_el = child(doc, "meta")
    work_uri = attr(meta_el, "FRBRuri", "value") or attr(meta_el, "FRBRthis", "value")
    reader = _Reader(name, work_uri)
    if meta_el is not None:
        reader.commentary = {ident(n): n for n in meta_el.iter() if local(n) == "note"
                             and ident(n)}
    reader.index(doc)
    reader.walk(doc)
    text, sections, links = reader.out.build()
    if not text:
        raise DamagedFile(f"{name}: the Akoma Ntoso document contains no text.")
    first_line = text.split("\n", 1)[0]
    return Extracted(text=text, pages=single_page(text), sections=sections,
                     meta=akn_meta.meta(doc, first_line), links=links)
