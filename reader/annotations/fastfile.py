"""Reading our own author files fast, with msgspec's typed JSON decoder.

A file in exactly the shape :func:`reader.annotations.w3c_write.encode_collection` writes
is decoded and checked in C, then turned into highlights, replies and links. Anything else
(another version, an unknown field, an item another tool wrote, a value out of shape)
makes :func:`decode` return ``None``, and the caller reads the file with the general,
lenient reader, which gives the same records for the same file (a property test checks
it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import msgspec

from reader.annotations.fastbuild import build
from reader.annotations.fastremarks import convert_link, convert_reply
from reader.annotations.page_rects import decode_fragments
from reader.annotations.w3c import author_id_from_iri
from reader.annotations.w3c_fast import STANCES, check_color, doc_source, shared
from reader.annotations.w3c_remarks import LINKING, REPLYING
from reader.annotations.w3c_terms import FORMAT_VERSION, MAX_THEMES, NO_QUOTE, PLAIN_VERSION
from reader.model.annotations import DEFAULT_COLOR, Author, Highlight, TextQuote
from reader.model.remarks import Record

_UtcTime = Annotated[datetime, msgspec.Meta(tz=True)]


class _Pos(msgspec.Struct, tag_field="type", tag="TextPositionSelector",
           forbid_unknown_fields=True):
    start: int
    end: int


class _Quote(msgspec.Struct, tag_field="type", tag="TextQuoteSelector",
             forbid_unknown_fields=True):
    exact: str
    prefix: str = ""
    suffix: str = ""


class _Frag(msgspec.Struct, tag_field="type", tag="FragmentSelector",
            forbid_unknown_fields=True):
    value: str
    conformsTo: str = ""
    rects: list[list[float]] = msgspec.field(name="pr:rects", default_factory=list)


class _Body(msgspec.Struct, forbid_unknown_fields=True):
    type: Literal["TextualBody"]
    purpose: Literal["tagging", "commenting", "replying"]
    value: str
    format: str = ""


class _Target(msgspec.Struct, forbid_unknown_fields=True):
    source: str = ""
    path: str = msgspec.field(name="pr:path", default="")
    selector: list[_Pos | _Quote | _Frag] = msgspec.field(default_factory=list)
    # a reply's or link's target: another annotation (reader.annotations.w3c_remarks)
    id: str = ""
    type: str = ""
    quote: str = msgspec.field(name="pr:quote", default="")
    end: str = msgspec.field(name="pr:end", default="")


class _Item(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    type: Literal["Annotation"]
    created: _UtcTime
    modified: _UtcTime
    target: _Target | list[_Target]
    motivation: str = ""
    creator: str | None = None
    body: list[_Body] = msgspec.field(default_factory=list)
    page: str | None = msgspec.field(name="pr:page", default=None)
    section: str | None = msgspec.field(name="pr:section", default=None)
    color: str | None = msgspec.field(name="pr:color", default=None)
    stance: str | None = msgspec.field(name="pr:stance", default=None)
    deleted: bool = msgspec.field(name="pr:deleted", default=False)
    relation: str | None = msgspec.field(name="pr:relation", default=None)
    resolves: str | None = msgspec.field(name="pr:resolves", default=None)


class _Page(msgspec.Struct, forbid_unknown_fields=True):
    items: list[_Item]
    type: Literal["AnnotationPage"] = "AnnotationPage"
    startIndex: int = 0


class _Person(msgspec.Struct):
    id: str = ""
    name: str = ""
    nickname: str = ""


class _Collection(msgspec.Struct):
    type: Literal["AnnotationCollection"]
    first: _Page
    version: int = msgspec.field(name="pr:formatVersion")
    creator: _Person | None = None
    items: Any = None
    label: str = ""


_DECODER = msgspec.json.Decoder(_Collection)


class FastFile:
    """A decoded file: its creator claim and its annotations (converted on demand)."""

    def __init__(self, creator: Author | None, label: str, items: list[Any]) -> None:
        self.creator = creator
        self.label = label
        self.items = items

    def records(self, author: Author) -> list[Record] | None:
        """Every item as a highlight, reply or link of ``author``; ``None`` if one is out
        of shape."""
        out = []
        for item in self.items:
            motivation = item.motivation
            if motivation == REPLYING:
                h: Record | None = convert_reply(item, author)
            elif motivation == LINKING:
                h = convert_link(item, author)
            else:
                h = _convert(item, author)
            if h is None:
                return None
            out.append(h)
        return out


def decode(raw: bytes) -> FastFile | None:
    """``raw`` as one of our files, or ``None`` (not exactly our shape)."""
    try:
        coll = _DECODER.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    if not PLAIN_VERSION <= coll.version <= FORMAT_VERSION or coll.items is not None:
        return None
    creator = None
    person = coll.creator
    if person is not None and (person.id or person.name or person.nickname):
        name = (person.name or person.nickname).strip()
        creator = Author(author_id_from_iri(person.id) if person.id else "", name)
    return FastFile(creator, coll.label, coll.first.items)


def _convert(item: Any, author: Author) -> Highlight | None:
    """The same rules as ``w3c_fast.decode_fast``, on a typed item."""
    hid = item.id
    if not hid or len(hid) > 512 or hid.strip() != hid:
        return None
    target = item.target
    if (type(target) is not _Target or target.id or target.type or target.quote
            or target.end or item.relation is not None or item.resolves is not None):
        return None  # not a highlight's shape: the lenient reader decides
    doc_id = doc_source(target.source, target.path)
    if doc_id is None:
        return None
    start = end = -1
    quote = NO_QUOTE
    frags: list[dict[str, Any]] = []
    for sel in target.selector:
        if isinstance(sel, _Pos):
            start, end = sel.start, sel.end
        elif isinstance(sel, _Frag):
            frags.append({"type": "FragmentSelector", "value": sel.value,
                          "pr:rects": sel.rects})
        else:
            quote = build(TextQuote, {"exact": sel.exact, "prefix": sel.prefix,
                                      "suffix": sel.suffix})
    rects = decode_fragments(frags) if frags else ()
    if len(rects) != sum(len(f["pr:rects"]) or 1 for f in frags):
        return None  # a rectangle out of shape: the lenient decoder decides
    themes: list[str] = []
    note = ""
    if len(item.body) > MAX_THEMES + 1:
        return None  # too many tags: the lenient decoder says so
    for b in item.body:
        value = b.value
        if b.purpose == "tagging" and value and value.strip() == value:
            if value not in themes:
                themes.append(value)
        elif b.purpose == "commenting" and not note and value.strip():
            note = value
        else:
            return None
    created, modified = item.created, item.modified
    color = check_color(DEFAULT_COLOR if item.color is None else item.color)
    page, section = item.page or "", item.section or ""
    stance = STANCES.get(item.stance) if item.stance is not None else None
    if (created.tzinfo is not UTC or modified.tzinfo is not UTC or color is None
            or (item.stance is not None and stance is None)):
        return None
    theme_tuple = tuple(themes)
    path = target.path
    return build(Highlight, {
        "id": hid, "doc_id": doc_id, "doc_path": shared(path, path), "start": start,
        "end": end, "quote": quote, "author": author, "created": created,
        "modified": modified, "page": shared(page, page),
        "section": shared(section, section), "color": color,
        "themes": shared(("themes", theme_tuple), theme_tuple), "stance": stance,
        "note": note, "deleted": item.deleted, "extra": (), "rects": rects})
