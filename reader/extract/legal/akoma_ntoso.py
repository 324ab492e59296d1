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
from reader.extract.jurisdiction import ABBREVIATIONS
from reader.extract.legal.builder import Piece, StatuteText, short_title
from reader.extract.legal.inline import all_text, child, descendants, inline, latest_date, strip_end
from reader.extract.legal.safe_xml import local
from reader.model.documents import NOTE_KIND, DocMeta

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
#: footnotes and editorial remarks are printed as notes after their provision (``<eol/>``
#: and ``<eop/>`` are line and page ends: a space, see :func:`.inline.inline`)
NOTES = ("authorialNote", "remark")
_SKIP_INLINE = (*NOTES, "noteRef")
_KINDS = {"act": "statute", "bill": "statute", "judgment": "opinion"}


_SECTION_WORD_RE = re.compile(r"^(?:§+|Sec(?:tion)?\.?|SECTION|SEC\.)\s*", re.IGNORECASE)
_EID_PARTS = {"sec": "§ {}", "art": "Art. {}", "chp": "Chapter {}", "part": "Part {}",
              "title": "Title {}", "subsec": "({})", "para": "({})", "subpara": "({})",
              "point": "({})", "item": "({})", "list": "", "intro": "", "content": ""}
_AKN_HREF_RE = re.compile(r"^/akn/(?P<country>[\w-]+)/(?P<type>\w+)/(?:[\w-]+/)*?"
                          r"(?P<date>\d{4})(?:-\d\d-\d\d)?/(?P<number>[\w-]+)"
                          r"(?:/[^~]*)?(?:~(?P<eid>[\w-]+))?$")


def eid_designation(eid: str) -> str:
    """``"sec_4__subsec_b"`` → ``"§ 4(b)"`` (the Akoma Ntoso naming convention)."""
    out = ""
    for part in eid.split("__"):
        kind, _, value = part.partition("_")
        pattern = _EID_PARTS.get(kind)
        if pattern is None or not value:
            return ""
        piece = pattern.format(value) if pattern else ""
        out = out + piece if piece.startswith("(") or not out else piece if piece else out
    return out


def external_target(href: str) -> str:
    """``/akn/us-vt/act/2021/13/~sec_4`` → ``"Act No. 13 of 2021, § 4"``; else ``href``."""
    m = _AKN_HREF_RE.match(href)
    if not m:
        return href
    out = f"{m.group('type').capitalize()} No. {m.group('number')} of {m.group('date')}"
    pin = eid_designation(m.group("eid") or "")
    return f"{out}, {pin}" if pin else out


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

    def index(self, el: etree._Element, trail: str = "") -> None:
        """Record each level's designation by ``eId``, for links within the act."""
        for c in el:
            tag = local(c)
            if tag in LEVELS:
                num = _number(tag, all_text(child(c, "num")))
                here = trail + num if num.startswith("(") else (num or trail)
                ident = _ident(c)
                if ident:
                    self.numbers[ident] = here
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
        shown = number if tag in BIG and num[:1].isdigit() else num  # "Chapter 1", not "1"
        label = " – ".join(p for p in (shown, heading) if p) if shown != num else \
            " ".join(p for p in (num, heading) if p)
        first = next((c for c in el if local(c) in BLOCKS), None)
        title = label if heading or tag in BIG or tag in ("section", "article") else \
            f"{num} {all_text(first)}"
        token = self.out.open(strip_end(short_title(title or number or tag)), number)
        rest = list(el)
        if not heading and num and first is not None and tag not in (*BIG, "section", "article"):
            self.block(first, num + " ")
            rest.remove(first)
        elif label:
            self.out.block(label)
        self.walk(rest)
        notes = list(_own_notes(el))
        if notes:
            self.notes(notes)
        self.out.close(token)

    def notes(self, notes: list[etree._Element]) -> None:
        if notes:
            sub = self.out.open("Notes", kind=NOTE_KIND)
            for n in notes:
                marker = (n.get("marker") or "").strip()
                lead = [Piece(f"[{marker}] ")] if marker else []
                self.out.block([*lead, *inline(n, self.link_of)])
            self.out.close(sub)

    def block(self, el: etree._Element, lead: str = "") -> None:
        num = all_text(child(el, "num"))
        if num and local(el) == "item":  # a numbered item of a <blockList>: "(b)" is cited
            first = next((c for c in el if local(c) in BLOCKS), None)
            token = self.out.open(short_title(f"{num} {all_text(first)}"), _number("item", num))
            self._block(el, f"{lead}{num} ")
            self.out.close(token)
            return
        self._block(el, lead)

    def _block(self, el: etree._Element, lead: str) -> None:
        inner = [c for c in el if local(c) in BLOCKS or local(c) in LEVELS]
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


def _ident(el: etree._Element) -> str:
    """An element's identifier: ``eId`` (AKN 3.0), ``id`` (AKN 2.0 and drafts) or ``wId``."""
    return (el.get("eId") or el.get("id") or el.get("wId") or "").strip()


def _own_notes(el: etree._Element) -> Iterable[etree._Element]:
    """The footnotes and remarks inside ``el`` but not inside a deeper level."""
    for d in el.iter():
        if local(d) in NOTES:
            parent = d.getparent()
            while parent is not None and parent is not el and local(parent) not in LEVELS:
                parent = parent.getparent()
            if parent is el:
                yield d


def _attr(el: etree._Element | None, name: str, attr: str) -> str:
    if el is None:
        return ""
    found = next((d for d in el.iter() if local(d) == name), None)
    return (found.get(attr) or "").strip() if found is not None else ""


def _jurisdiction(country: str) -> str:
    country = country.lower().strip()
    if country.startswith("us-") and country[3:].upper() in ABBREVIATIONS:
        return country[3:].upper()
    return country.upper()


def _meta(doc: etree._Element, text_title: str) -> DocMeta:
    meta = child(doc, "meta")
    work = next((d for d in meta.iter() if local(d) == "FRBRWork"), None) if meta is not None \
        else None
    expression = next((d for d in meta.iter() if local(d) == "FRBRExpression"), None) \
        if meta is not None else None
    author_ref = _attr(work, "FRBRauthor", "href").lstrip("#")
    author = ""
    if meta is not None and author_ref:
        org = next((d for d in meta.iter() if _ident(d) == author_ref), None)
        author = (org.get("showAs") or "") if org is not None else ""
    events = [d.get("date", "") for d in (meta.iter() if meta is not None else ())
              if local(d) == "eventRef"]
    date = latest_date(e for e in events if e) or _attr(expression, "FRBRdate", "date") or \
        _attr(work, "FRBRdate", "date")
    preface = child(doc, "preface")
    number = all_text(next(iter(descendants(preface, "docNumber")), None)) if preface is not None \
        else ""
    name = _attr(work, "FRBRname", "value") or _attr(work, "FRBRalias", "value")
    title = name or all_text(next(iter(descendants(doc, "shortTitle")), None)) or text_title
    kind_word = local(doc).capitalize()
    if number and not re.match(r"[A-Za-z]", number):
        number = f"{kind_word} {number}"
    if not number and _attr(work, "FRBRnumber", "value"):
        year = (_attr(work, "FRBRdate", "date") or date)[:4]
        number = f"{kind_word} {_attr(work, 'FRBRnumber', 'value')} of {year}".strip()
    return DocMeta(title=strip_end(title), kind=_KINDS.get(local(doc), "other"), author=author,
                   jurisdiction=_jurisdiction(_attr(work, "FRBRcountry", "value")),
                   date=date, citation=number)


def read(root: etree._Element, name: str) -> Extracted:
    doc = next((c for c in root if isinstance(c.tag, str) and local(c) != "components"), None)
    if doc is None:
        raise DamagedFile(f"{name}: the Akoma Ntoso file holds no document.")
    meta_el = child(doc, "meta")
    work_uri = _attr(meta_el, "FRBRuri", "value") or _attr(meta_el, "FRBRthis", "value")
    reader = _Reader(name, work_uri)
    reader.index(doc)
    reader.walk(doc)
    text, sections, links = reader.out.build()
    if not text:
        raise DamagedFile(f"{name}: the Akoma Ntoso document contains no text.")
    first_line = text.split("\n", 1)[0]
    return Extracted(text=text, pages=single_page(text), sections=sections,
                     meta=_meta(doc, first_line), links=links)
