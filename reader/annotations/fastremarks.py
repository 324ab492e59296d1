"""Replies and links in exactly the shape :mod:`reader.annotations.w3c_remarks` writes,
turned into :class:`Reply` and :class:`Link` from msgspec's typed items
(:mod:`reader.annotations.fastfile`): a colleague's file with 10,000 replies reads as fast
as one with 10,000 highlights. Anything else returns ``None`` and the lenient reader
(:func:`~reader.annotations.w3c_remarks.decode_reply`, ``decode_link``) decides; both give
the same result for the same item (a property test checks it)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from reader.annotations.fastbuild import build
from reader.annotations.w3c_remarks import RELATIONS
from reader.model.annotations import Author
from reader.model.remarks import Link, Ref, Reply

_MAX_ID = 512


def _ref(t: Any) -> Ref | None:
    rid = t.id
    if (not rid or len(rid) > _MAX_ID or rid.strip() != rid or t.source or t.selector
            or t.type not in ("", "Annotation")):
        return None
    return build(Ref, {"id": rid, "quote": t.quote, "doc_path": t.path})


def _times_ok(item: Any) -> bool:
    return item.created.tzinfo is UTC and item.modified.tzinfo is UTC


def _one_text(item: Any, purpose: str) -> str | None:
    """The single body's text (``""`` without one); ``None`` for any other shape."""
    body = item.body
    if not body:
        return ""
    if len(body) != 1 or body[0].purpose != purpose or not body[0].value.strip():
        return None
    return body[0].value


def _id_ok(item: Any) -> bool:
    """A usable id, and none of a highlight's fields (the lenient reader keeps those as
    foreign fields)."""
    rid = item.id
    return (bool(rid) and len(rid) <= _MAX_ID and rid.strip() == rid and item.page is None
            and item.section is None and item.color is None and item.stance is None)


def convert_reply(item: Any, author: Author) -> Reply | None:
    target = item.target
    if type(target) is list or not _id_ok(item) or not _times_ok(item) \
            or item.relation is not None or target.end:
        return None
    ref = _ref(target)
    text = _one_text(item, "replying")
    resolves = item.resolves or ""
    if ref is None or text is None or ref.id == item.id or len(resolves) > 200:
        return None
    return build(Reply, {"id": item.id, "target": ref, "author": author,
                         "created": item.created, "modified": item.modified, "text": text,
                         "resolves": resolves, "deleted": item.deleted, "extra": ()})


def convert_link(item: Any, author: Author) -> Link | None:
    targets = item.target
    if (type(targets) is not list or len(targets) != 2 or not _id_ok(item)
            or not _times_ok(item) or item.resolves is not None):
        return None
    relation = RELATIONS.get(item.relation) if item.relation is not None else None
    ends = (targets[0].end, targets[1].end)
    if ends == ("to", "from"):
        targets = [targets[1], targets[0]]
    elif ends not in (("from", "to"), ("", "")):
        return None
    source, target = _ref(targets[0]), _ref(targets[1])
    note = _one_text(item, "commenting")
    if relation is None or source is None or target is None or note is None \
            or source.id == target.id:
        return None
    return build(Link, {"id": item.id, "source": source, "target": target,
                        "relation": relation, "author": author, "created": item.created,
                        "modified": item.modified, "note": note, "deleted": item.deleted,
                        "extra": ()})
