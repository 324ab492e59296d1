"""Replies and typed links as W3C Web Annotations, written and read.

A **reply** is an annotation with motivation ``replying`` whose target is the annotation it
answers (a highlight or another reply), as the W3C model's own example of a reply has it;
its text is a ``TextualBody`` (Markdown)::

    {"id": "urn:uuid:…", "type": "Annotation", "motivation": "replying",
     "body": [{"type": "TextualBody", "purpose": "replying", "value": "Agreed.",
               "format": "text/markdown"}],
     "target": {"id": "urn:uuid:<highlight>", "type": "Annotation",
                "pr:quote": "will decline to file", "pr:path": "memos/x.pdf"}}

A **link** has motivation ``linking`` and two targets, the first passage and the second
(``pr:end`` says which is which, so a tool that reorders the list changes nothing), and its
type in ``pr:relation`` (``supports``, ``contradicts``, ``implements``, ``cites``,
``responds-to``); an optional note is a ``commenting`` body. ``pr:quote`` and ``pr:path``
remember what the target said when the reply or link was made.

Reading is lenient, like the highlight reader: a target as an IRI, an object (``id``,
``@id`` or ``source``) or a list; a link written the other W3C way (one target, the linked
resource as the body); a link without a type reads as ``cites``. Unknown fields are kept
and written back.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from reader.annotations.w3c import (
    ItemError,
    annotation_basics,
    as_list,
    creator_author,
    text_value,
)
from reader.annotations.w3c_terms import EPOCH
from reader.annotations.w3c_write import encode_highlight, iso
from reader.model.annotations import Author
from reader.model.remarks import Link, Ref, Relation, Reply

REPLYING, LINKING = "replying", "linking"
RELATIONS = {r.value: r for r in Relation}
#: A link without a type (another tool's ``linking`` annotation) reads as this.
DEFAULT_RELATION = Relation.CITES
_KNOWN = {"@context", "id", "@id", "type", "@type", "motivation", "created", "modified",
          "creator", "body", "bodyValue", "target", "pr:deleted", "pr:relation",
          "pr:resolves", "generator", "generated"}


# -- writing ---------------------------------------------------------------------------------
def ref_object(ref: Ref, end: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"id": ref.id, "type": "Annotation"}
    if ref.quote:
        out["pr:quote"] = ref.quote
    if ref.doc_path:
        out["pr:path"] = ref.doc_path
    if end:
        out["pr:end"] = end
    return out


def _head(kind: str, rid: str, created: datetime, modified: datetime, creator: Any
          ) -> dict[str, Any]:
    item: dict[str, Any] = {"id": rid, "type": "Annotation", "motivation": kind,
                            "created": iso(created), "modified": iso(modified)}
    if creator is not None:
        item["creator"] = creator
    return item


def _tail(item: dict[str, Any], deleted: bool, extra: tuple[tuple[str, str], ...]
          ) -> dict[str, Any]:
    if deleted:
        item["pr:deleted"] = True
    for key, raw in extra:
        if key not in item:
            try:
                item[key] = json.loads(raw)
            except ValueError:
                item[key] = raw
    return item


def encode_reply(r: Reply, *, creator: Any = None, with_text: bool = True) -> dict[str, Any]:
    item = _head(REPLYING, r.id, r.created, r.modified, creator)
    if r.text and with_text:
        item["body"] = [{"type": "TextualBody", "purpose": REPLYING, "value": r.text,
                         "format": "text/markdown"}]
    item["target"] = ref_object(r.target)
    if r.resolves:
        item["pr:resolves"] = r.resolves
    return _tail(item, r.deleted, r.extra)


def encode_link(link: Link, *, creator: Any = None, with_note: bool = True) -> dict[str, Any]:
    item = _head(LINKING, link.id, link.created, link.modified, creator)
    if link.note and with_note:
        item["body"] = [{"type": "TextualBody", "purpose": "commenting", "value": link.note,
                         "format": "text/markdown"}]
    item["target"] = [ref_object(link.source, "from"), ref_object(link.target, "to")]
    item["pr:relation"] = link.relation.value
    return _tail(item, link.deleted, link.extra)


# -- reading ---------------------------------------------------------------------------------
def motivations(item: dict[str, Any]) -> set[str]:
    return {m.split(":")[-1].split("#")[-1] for m in as_list(item.get("motivation"))
            if isinstance(m, str)}


def remark_kind(item: Any) -> str:
    """``"replying"``, ``"linking"`` or ``""`` (a highlight, or something else)."""
    if not isinstance(item, dict):
        return ""
    found = motivations(item)
    if REPLYING in found:
        return REPLYING
    if LINKING in found:
        return LINKING
    return ""


def _ref(value: Any) -> Ref | None:
    if isinstance(value, str):
        return Ref(value.strip()) if value.strip() else None
    if not isinstance(value, dict):
        return None
    rid = value.get("id", value.get("@id", value.get("source")))
    if isinstance(rid, dict):
        rid = rid.get("id", rid.get("@id"))
    if not isinstance(rid, str) or not rid.strip() or len(rid) > 512:
        return None
    return Ref(rid.strip(), text_value(value.get("pr:quote")), text_value(value.get("pr:path")))


def _texts(item: dict[str, Any], skip: set[str]) -> list[str]:
    out = []
    if isinstance(item.get("bodyValue"), str) and item["bodyValue"].strip():
        out.append(item["bodyValue"])
    for b in as_list(item.get("body")):
        if isinstance(b, str) and b.strip():
            out.append(b)
        elif isinstance(b, dict):
            purposes = {p.split(":")[-1] for p in as_list(b.get("purpose"))
                        if isinstance(p, str)}
            value = b.get("value", b.get("chars", b.get("rdf:value")))
            if isinstance(value, str) and value.strip() and not purposes & skip:
                out.append(value)
    return out


def _extra(item: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((k, json.dumps(v, ensure_ascii=False)) for k, v in item.items()
                 if k not in _KNOWN)


def decode_reply(item: Any, *, author: Author | None = None,
                 default_time: datetime = EPOCH) -> Reply:
    """A ``replying`` annotation as a :class:`Reply` (``ItemError`` when impossible)."""
    rid, created, modified = annotation_basics(item, default_time)
    targets = [r for r in (_ref(t) for t in as_list(item.get("target"))) if r is not None]
    if not targets:
        raise ItemError("it is a reply without the id of what it answers")
    if targets[0].id == rid:
        raise ItemError("it is a reply to itself")
    who = author or creator_author(item.get("creator")) or Author("", "")
    resolves = text_value(item.get("pr:resolves"))[:200]
    return Reply(id=rid, target=targets[0], author=who, created=created, modified=modified,
                 text="\n\n".join(_texts(item, {"tagging"})), resolves=resolves,
                 deleted=item.get("pr:deleted") is True, extra=_extra(item))


def _relation(item: dict[str, Any]) -> Relation:
    raw = item.get("pr:relation")
    if raw is None:
        for b in as_list(item.get("body")):
            value = b.get("value") if isinstance(b, dict) else None
            purposes = {p.split(":")[-1] for p in as_list(b.get("purpose"))} \
                if isinstance(b, dict) else set()
            if isinstance(value, str) and purposes & {"classifying", "tagging"} and \
                    value.strip().lower().replace(" ", "-") in RELATIONS:
                return RELATIONS[value.strip().lower().replace(" ", "-")]
        return DEFAULT_RELATION
    if not isinstance(raw, str) or raw.strip().lower().replace(" ", "-") not in RELATIONS:
        raise ItemError(f"its link type {json.dumps(raw)[:40]} is not one this version of "
                        "Policy Reader knows")
    return RELATIONS[raw.strip().lower().replace(" ", "-")]


def _link_ends(item: dict[str, Any]) -> tuple[Ref, Ref]:
    raw = [t for t in as_list(item.get("target")) if _ref(t) is not None]
    if len(raw) == 1:  # the other W3C way: the linked resource is the body
        bodies = [b for b in as_list(item.get("body"))
                  if _ref(b) is not None and not (isinstance(b, dict) and "value" in b)]
        if bodies:
            raw.append(bodies[0])
    if len(raw) < 2:
        raise ItemError("it is a link without two passages to join")
    ends = {t.get("pr:end"): t for t in raw if isinstance(t, dict)}
    first = ends.get("from", raw[0])
    second = ends.get("to", next((t for t in raw if t is not first), raw[1]))
    a, b = _ref(first), _ref(second)
    assert a is not None and b is not None
    return a, b


def decode_link(item: Any, *, author: Author | None = None,
                default_time: datetime = EPOCH) -> Link:
    """A ``linking`` annotation as a :class:`Link` (``ItemError`` when impossible)."""
    rid, created, modified = annotation_basics(item, default_time)
    source, target = _link_ends(item)
    if source.id == target.id:
        raise ItemError("it links a passage to itself")
    who = author or creator_author(item.get("creator")) or Author("", "")
    relation = _relation(item)
    note = "\n\n".join(_texts(item, {"classifying", "tagging"}))
    return Link(id=rid, source=source, target=target, relation=relation, author=who,
                created=created, modified=modified, note=note,
                deleted=item.get("pr:deleted") is True, extra=_extra(item))


def encode_record(record: Any, *, creator: Any = None, with_note: bool = True
                  ) -> dict[str, Any]:
    """A highlight, reply or link as a W3C ``Annotation`` object."""
    if isinstance(record, Reply):
        return encode_reply(record, creator=creator, with_text=with_note)
    if isinstance(record, Link):
        return encode_link(record, creator=creator, with_note=with_note)
    return encode_highlight(record, creator=creator, with_note=with_note)
