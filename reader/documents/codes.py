"""Codes as collections: the library's one-section statute files (the D.C. Council publishes
one XML file per section) grouped into one :class:`~reader.model.codes.CodeCollection` per
code, in their hierarchy — Title 48 › Chapter 9E › § 48-961.05 — so hundreds of files are
one tree, not hundreds of rows; a section's neighbours; a chapter read in order.

Where the hierarchy comes from: an index file of the code (the D.C. ``index.xml`` of a
chapter: its title and chapter containers, one link per section file) places the sections
it lists. A section no index lists is placed by its number: the title before the dash
("48-961.05" → Title 48; "21 U.S.C." → Title 21), and sections sharing the number before
the dot grouped as "§§ 48-961.01–48-961.12". Sections are in code order (893.135 between
893.13 and 893.14; 48-904.01a after 48-904.01). Two files claiming one section are both listed
(by path), as :mod:`reader.documents.code_sections` reports.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reader.documents.code_sections import section_citation
from reader.errors import ReaderError
from reader.model.codes import CodeCollection, CodeNode, SectionPlace
from reader.model.documents import DocStatus, DocText, Document

log = logging.getLogger(__name__)

TextOf = Callable[[str], DocText | None]
_LEVELS = ("title", "subtitle", "division", "chapter", "subchapter", "part", "subpart",
           "article")
_CONTAINER_RE = re.compile(r"^(?P<word>[A-Za-z]+)\s+(?P<num>\S+)$")
_TITLE_NUM_RE = re.compile(r"^(\d+[A-Za-z]?)\s")


@dataclass(frozen=True)
class _Member:
    doc: Document
    code: str  # "D.C. Code"
    number: str  # "48-961.05"
    heading: str  # "Good Samaritan immunity …"


def code_and_number(citation: str) -> tuple[str, str]:
    """``"D.C. Code § 48-961.05"`` → ``("D.C. Code", "48-961.05")``."""
    head, _, num = " ".join(citation.split()).partition("§")
    return head.strip(), num.strip().rstrip(".")


def sort_key(number: str) -> tuple[tuple[int, int | str], ...]:
    """Code order: whole numbers as numbers, the digits after a dot as a decimal fraction
    (893.13 < 893.135 < 893.1351 < 893.14; 48-961.06 < 48-961.065 < 48-961.07), letters
    after them (48-904.01 < 48-904.01a < 48-904.02)."""
    out: list[tuple[int, int | str]] = []
    for m in re.finditer(r"(?P<dot>\.)?(?P<num>\d+)|(?P<word>[A-Za-z]+)", number):
        if m.group("word"):
            out.append((2, m.group("word").lower()))
        elif m.group("dot"):
            out.append((1, m.group("num").rstrip("0") or "0"))
        else:
            out.append((0, int(m.group("num"))))
    return tuple(out)


def _heading(doc: Document, number: str) -> str:
    """The section's caption from its title: "§ 48-961.05. Good Samaritan …" → "Good …"."""
    title = " ".join(doc.meta.title.split())
    m = re.match(rf"^(?:§\s*)?{re.escape(number)}\.?\s*", title)
    return title[m.end():].strip() if m else ("" if title == doc.path else title)


def _members(documents: Iterable[Document]) -> list[_Member]:
    out = []
    for doc in documents:
        citation = section_citation(doc) if doc.status is DocStatus.OK else ""
        code, number = code_and_number(citation)
        if code and number:
            out.append(_Member(doc, code, number, _heading(doc, number)))
    return out


def _is_index(doc: Document) -> bool:
    """A code's index: a readable statute whose citation is a code alone ("D.C. Code")."""
    return (doc.status is DocStatus.OK and doc.meta.kind == "statute"
            and bool(doc.meta.citation.strip()) and "§" not in doc.meta.citation)


@dataclass
class _Container:
    label: str
    heading: str
    level: str
    doc_id: str = ""
    children: dict[str, _Container] = field(default_factory=dict)
    sections: list[_Member] = field(default_factory=list)


def _container_of(title: str, number: str) -> tuple[str, str, str] | None:
    """(label, heading, level) of an index's section ("Chapter 9E. Harm …"), or None
    when it is not a container (a section, a note, "Subtitle III." printed as a line)."""
    m = _CONTAINER_RE.match(number.strip())
    if not m or m.group("word").lower() not in _LEVELS:
        return None
    heading = title.strip()
    if heading.lower().startswith(number.lower()):
        heading = heading[len(number):].lstrip(" .:—-")
    return number.strip(), heading.rstrip("."), m.group("word").lower()


Chain = list[tuple[str, str, str]]  # containers (label, heading, level), outermost first


def _index_places(doc: Document, text: DocText, wanted: set[str]) -> dict[str, Chain]:
    """Section citation → its containers (outermost first) for every link of an index file
    whose target is one of the ``wanted`` citations. An index holds containers, never
    sections of its own (a U.S. Code title, which has both, is a document, not an index)."""
    if any(s.number.startswith("§") for s in text.sections):
        return {}
    out: dict[str, Chain] = {}
    for link in text.links:
        target = " ".join(link.target.split())
        if target not in wanted or target in out:
            continue
        chain = []
        for s in text.sections_at(link.start):
            found = None if s.is_note or not s.number else _container_of(s.title, s.number)
            if found is not None:
                chain.append(found)
        if chain:
            out[target] = chain
    return out


def _fallback_chain(member: _Member) -> Chain:
    """Containers from the number alone: the title, then the group before the dot."""
    chain: Chain = []
    title = member.number.split("-", 1)[0] if "-" in member.number else ""
    if not title:
        m = _TITLE_NUM_RE.match(member.code + " ")
        title = m.group(1) if m else ""
    if title:
        chain.append((f"Title {title}", "", "title"))
    if "-" in member.number and "." in member.number:
        chain.append((member.number.rsplit(".", 1)[0], "", "group"))
    return chain


def code_collections(documents: Iterable[Document], text_of: TextOf
                     ) -> tuple[CodeCollection, ...]:
    """One collection per code with one-section files in the library (by code name)."""
    docs = list(documents)
    members = _members(docs)
    if not members:
        return ()
    by_code: dict[str, list[_Member]] = {}
    for m in members:
        by_code.setdefault(m.code, []).append(m)
    out = []
    for code, items in sorted(by_code.items()):
        citations = {f"{code} § {m.number}" for m in items}
        places: dict[str, Chain] = {}
        owners: dict[str, str] = {}  # section citation → the index file that listed it
        for doc in docs:
            if not _is_index(doc) or doc.meta.citation.strip() != code:
                continue
            text = _read(text_of, doc)
            found = _index_places(doc, text, citations - set(places)) if text else {}
            places.update(found)
            owners.update(dict.fromkeys(found, doc.id))
        jurisdiction = next((m.doc.meta.jurisdiction for m in items
                             if m.doc.meta.jurisdiction), "")
        out.append(CodeCollection(code, jurisdiction, _tree(items, places, owners, code),
                                  tuple(dict.fromkeys(owners.values()))))
    return tuple(out)


def _read(text_of: TextOf, doc: Document) -> DocText | None:
    try:
        return text_of(doc.id)
    except ReaderError as exc:  # an index that cannot be read now: sections by number
        log.info("code index %s not read: %s", doc.path, exc)
        return None


def _tree(items: list[_Member], places: dict[str, Chain], owners: dict[str, str],
          code: str) -> tuple[CodeNode, ...]:
    root = _Container("", "", "code")
    for m in sorted(items, key=lambda m: (sort_key(m.number), m.doc.path)):
        citation = f"{code} § {m.number}"
        chain = places.get(citation) or _fallback_chain(m)
        node = root
        for label, heading, level in chain:
            child = node.children.get(label)
            if child is None:
                child = node.children[label] = _Container(label, heading, level)
            elif heading and not child.heading:
                child.heading = heading
            node = child
        if citation in owners and not node.doc_id:
            node.doc_id = owners[citation]  # the chapter's index file
        node.sections.append(m)
    return _freeze(root).children


def _freeze(c: _Container) -> CodeNode:
    groups = [_freeze(child) for child in c.children.values()]
    key = c.label
    if c.level == "group" and c.sections:  # "§§ 48-961.01–48-961.12"
        first, last = c.sections[0].number, c.sections[-1].number
        label = f"§ {first}" if first == last else f"§§ {first}–{last}"
        c = _Container(label, c.heading, c.level, c.doc_id, c.children, c.sections)
    sections = [CodeNode(f"§ {m.number}", m.heading, "section", m.doc.id) for m in c.sections]

    def first_key(n: CodeNode) -> tuple:
        secs = n.sections()
        return sort_key(secs[0].label.lstrip("§ ")) if secs else ()

    children = sorted([*groups, *sections], key=first_key)
    return CodeNode(c.label, c.heading, c.level, c.doc_id, tuple(children), key)


def place_of(collections: Iterable[CodeCollection], doc_id: str) -> SectionPlace | None:
    """Where a section file stands in its code (None for anything else)."""
    for coll in collections:
        sections = coll.sections()
        for i, node in enumerate(sections):
            if node.doc_id != doc_id:
                continue
            return SectionPlace(coll, node, _ancestors(coll.roots, node) or (),
                                sections[i - 1] if i > 0 else None,
                                sections[i + 1] if i + 1 < len(sections) else None)
    return None


def _ancestors(nodes: tuple[CodeNode, ...], target: CodeNode
               ) -> tuple[CodeNode, ...] | None:
    for n in nodes:
        if n is target:
            return ()
        below = _ancestors(n.children, target)
        if below is not None:
            return (n, *below)
    return None
