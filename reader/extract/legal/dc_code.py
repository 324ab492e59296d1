"""The D.C. Code in the D.C. Council's XML (one file per section, or a ``<container>``
of titles, chapters and sections).

A section file::

    <section xmlns="https://code.dccouncil.us/schemas/dc-library">
      <num>48-961.03</num>
      <heading>Possession of drug-checking equipment.</heading>
      <para><num>(a)</num><text>… under <cite path="§48-961.01">§ 48-961.01</cite> …</text>
        <para><num>(1)</num><text>…</text></para></para>
      <annotations>
        <annotation type="History" doc="D.C. Law 24-310" eff="2023-03-10">…</annotation>
        <annotation type="Editor's Notes">…</annotation>
      </annotations>
    </section>

gives "§ 48-961.03. Possession of drug-checking equipment." with ``(a)``, ``(a)(1)`` as
nested sections (``DocText.pinpoint`` → "§ 48-961.03(a)(1)"), the annotations as a note
region (history first, then each kind of note under its own heading), ``<cite path>`` as
links to "D.C. Code § 48-961.01". A ``<para>`` with no text of its own prints with its
first sub-paragraph ("(a-1)(1) The Board …"), as the printed Code does. A container's
``<xi:include>`` is never followed: it is listed as a link to the section it names.
"""

from __future__ import annotations

import logging
import re

import lxml.etree as etree

from reader.errors import DamagedFile
from reader.extract.base import Extracted, single_page
from reader.extract.legal.builder import Piece, StatuteText, short_title
from reader.extract.legal.inline import all_text, child, inline, latest_date, strip_end
from reader.extract.legal.safe_xml import local
from reader.model.documents import NOTE_KIND, DocMeta

log = logging.getLogger(__name__)

CODE = "D.C. Code"
AUTHOR = "Council of the District of Columbia"
_SECTION_PATH_RE = re.compile(r"§\s*(?P<num>\d+[A-Za-z]?-[\w.:-]+?)(?P<rest>(?:\|\([\w-]+\))*)$")
_INCLUDE_RE = re.compile(r"(?P<num>\d+[A-Za-z]?-[\w.-]+?)\.xml$")


def target_of(path: str) -> str:
    """``"§48-1103.01|(d)"`` → ``"D.C. Code § 48-1103.01(d)"``; other paths as given."""
    m = _SECTION_PATH_RE.match(path.strip())
    if not m:
        return path.strip()
    return f"{CODE} § {m.group('num')}{m.group('rest').replace('|', '')}"


_LEVEL_WORDS = ("Title", "Chapter", "Subchapter", "Part", "Subpart")


def law_target(doc: str, path: str) -> str:
    """A provision of another law: ``("D.C. Law 25-377", "§20|(a)")`` → ``"D.C. Law
    25-377, § 20(a)"``; the law itself when the path is empty."""
    doc, path = doc.strip(), path.strip()
    if not path:
        return doc
    head, *rest = path.split("|")
    pin = "§ " + head.lstrip("§ ").strip() if head.startswith("§") else head.strip()
    return f"{doc}, {pin}{''.join(p.strip() for p in rest)}"


def code_path_target(path: str) -> str:
    """``"7|29|III"`` (a title, chapter, subchapter … of the Code) → ``"D.C. Code, Title 7,
    Chapter 29, Subchapter III"``; a section path as :func:`target_of` gives it."""
    parts = [p.strip() for p in path.strip().split("|")]
    if path.strip().startswith("§") or not all(parts) or len(parts) > len(_LEVEL_WORDS):
        return target_of(path)
    return ", ".join([CODE, *(f"{w} {p}" for w, p in zip(_LEVEL_WORDS, parts, strict=False))])


def _link_of(el: etree._Element) -> tuple[str, str] | None:
    if local(el) != "cite":
        return None
    doc, path = (el.get("doc") or "").strip(), el.get("path")
    if doc and path is not None:  # a provision of the law named (never of the Code)
        return law_target(doc, path), f"{doc}|{path}"
    if path:
        return code_path_target(path), path
    for attr in ("doc", "url", "href"):
        value = el.get(attr)
        if value:
            return value.strip(), value
    return None


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.out = StatuteText()
        self.sections: list[tuple[str, str]] = []  # (number, heading) of each section read
        self.history: list[str] = []  # dates of the history the Code prints
        self.unprinted: list[str] = []  # … and of entries it keeps hidden (emergency acts)
        self.warnings: list[str] = []
        self.includes = 0

    # -- hierarchy ----------------------------------------------------------------------
    def container(self, el: etree._Element) -> None:
        prefix = all_text(child(el, "prefix"))
        num = all_text(child(el, "num"))
        heading = all_text(child(el, "heading"))
        number = f"{prefix} {num}".strip() if num else ""
        label = ". ".join(p for p in (number, strip_end(heading)) if p)
        token = self.out.open(label or "Contents", number)
        if label:
            self.out.block(label + ".")
        for c in el:
            tag = local(c)
            if tag == "container":
                self.container(c)
            elif tag == "section":
                self.section(c)
            elif tag == "subheading":
                self.out.block(all_text(c))
            elif tag == "include":
                self.include(c)
            elif tag == "annotation" and c.get("display") == "false":
                self.unprinted.extend(v for v in (c.get("eff"),) if v)  # dates only
            elif tag in ("annotations", "annotation"):
                self.notes([c] if tag == "annotation" else list(c))
        self.out.close(token)

    def include(self, el: etree._Element) -> None:
        href = el.get("href", "")
        m = _INCLUDE_RE.search(href)
        self.includes += 1
        if m:
            number = f"§ {m.group('num')}"
            self.out.block([Piece(number, f"{CODE} {number}", href)])
        elif href:
            self.out.block([Piece(href, href, href)])

    def section(self, el: etree._Element) -> None:
        num = all_text(child(el, "num")).lstrip("§ ").strip()
        heading = all_text(child(el, "heading"))
        if not num:
            self.warnings.append(f"{self.name}: a section has no number (<num>)")
        number = f"§ {num}" if num else ""
        label = f"{number}. {heading}" if number and heading else number or heading
        token = self.out.open(strip_end(label) or "Section (no number)", number)
        self.sections.append((num, heading))
        if label:
            self.out.block(label)
        self.body(el)
        self.out.close(token)

    def body(self, el: etree._Element, lead: str = "") -> None:
        """The children of a section or a paragraph after its number and heading."""
        for c in el:
            tag = local(c)
            if tag == "text":
                self.out.block([Piece(lead), *inline(c, _link_of)])
                lead = ""
            elif tag == "para":
                self.para(c, lead)
                lead = ""
            elif tag == "table":
                self.table(c)
            elif tag == "annotations":
                self.notes(list(c))
            elif tag == "section":  # a section nested in another (rare, but valid)
                self.section(c)
        if lead.strip():
            self.out.block(lead)

    def para(self, el: etree._Element, lead: str = "") -> None:
        num = all_text(child(el, "num"))
        heading = all_text(child(el, "heading"))
        first_text = child(el, "text")
        intro = f"{lead}{num}" + (f" {heading}" if heading else "")
        title = " ".join(p for p in (num, heading or all_text(first_text)) if p)
        token = self.out.open(short_title(title), num)
        has_own_text = first_text is not None
        if has_own_text:
            self.body(el, intro.strip() + " ")
        else:  # "(a-1)" with no text: printed with its first sub-paragraph "(a-1)(1) …"
            self.body(el, intro.strip())
        self.out.close(token)

    def table(self, el: etree._Element) -> None:
        for row in (r for r in el.iter() if local(r) == "tr"):
            cells = [all_text(c) for c in row if local(c) in ("td", "th")]
            self.out.block(" | ".join(c for c in cells if c))

    # -- history and notes --------------------------------------------------------------
    def notes(self, items: list[etree._Element]) -> None:
        history: list[str] = []
        groups: dict[str, list[list[Piece]]] = {}
        for item in items:
            kind = (item.get("type") or "Note").strip()
            if kind == "History":
                dates = [v for v in (item.get("eff"), all_text(item)) if v]
                if item.get("display") == "false":  # recorded, not printed: often a
                    self.unprinted.extend(dates)     # temporary act that has expired
                    continue
                text = (all_text(item) or _history_from_attributes(item)).strip().strip("()")
                if text and text not in history:  # one entry per amended subsection
                    history.append(text)
                self.history.extend(dates)
            elif all_text(item):
                groups.setdefault(kind, []).append(inline(item, _link_of))
        if not history and not groups:
            return
        token = self.out.open("History and notes", kind=NOTE_KIND)
        if history:
            sub = self.out.open("History", kind=NOTE_KIND)
            self.out.block("History")
            self.out.block("(" + "; ".join(history) + ")")
            self.out.close(sub)
        for kind, entries in groups.items():
            sub = self.out.open(kind, kind=NOTE_KIND)
            self.out.block(kind)
            for pieces in entries:
                self.out.block(pieces)
            self.out.close(sub)
        self.out.close(token)


def _history_from_attributes(item: etree._Element) -> str:
    """An empty history entry described only by its attributes (``doc``, ``path``,
    ``eff``): "D.C. Law 23-182, § 4, effective 2021-03-16"."""
    parts = [item.get("doc", "").strip()]
    path = (item.get("path") or "").split("|")[0].strip()
    if path.startswith("§"):
        parts.append("§ " + path.lstrip("§ "))
    if item.get("eff"):
        parts.append(f"effective {item.get('eff')}")
    return ", ".join(p for p in parts if p)


def read(root: etree._Element, name: str) -> Extracted:
    reader = _Reader(name)
    if local(root) == "container":
        reader.container(root)
    else:
        reader.section(root)
    text, sections, links = reader.out.build()
    if not text:
        raise DamagedFile(f"{name}: the D.C. Code file contains no text.")
    numbered = [(n, h) for n, h in reader.sections if n]
    if local(root) == "section" and reader.sections:
        num, heading = reader.sections[0]
        title = strip_end(f"§ {num}. {heading}" if num and heading else heading or f"§ {num}")
        citation = f"{CODE} § {num}" if num else ""
    else:
        first = next((s for s in sections if s.level == 1), None)
        title = first.title if first else ""
        citation = CODE if numbered or reader.includes else ""
    if reader.includes:
        reader.warnings.append(f"{name}: {reader.includes} section(s) are in other files "
                               "(listed, not included)")
    meta = DocMeta(title=title, kind="statute", author=AUTHOR, jurisdiction="DC", site=CODE,
                   date=latest_date(reader.history) or latest_date(reader.unprinted),
                   citation=citation)
    return Extracted(text=text, pages=single_page(text), sections=sections, meta=meta,
                     links=links, warnings=tuple(reader.warnings))
