"""Reading W3C Web Annotations as highlights (:mod:`reader.annotations.w3c_terms` has the
terms, :mod:`reader.annotations.w3c` the helpers every reader shares).

:func:`decode_annotation` first tries the exact shape our own files have
(:mod:`reader.annotations.w3c_fast`: fast, sharing repeated values), then the lenient
reader, which accepts every variant of the standard: ``target`` as an IRI or an object or
a list, ``selector`` as an object or a list (``refinedBy`` followed), ``body`` as a string,
object or list, ``bodyValue``, ``creator`` as an IRI, object or list, prefixed or
unprefixed types. Unknown fields are kept (``Highlight.extra``) and written back.
:func:`decode_record` also reads replies and links (:mod:`reader.annotations.w3c_remarks`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reader.annotations.page_rects import decode_fragments
from reader.annotations.w3c import (
    ItemError,
    annotation_basics,
    as_list,
    check_tags,
    creator_author,
    doc_ref,
    int_value,
    text_value,
    type_names,
)
from reader.annotations.w3c_fast import decode_fast
from reader.annotations.w3c_remarks import LINKING, REPLYING, decode_link, decode_reply, remark_kind
from reader.annotations.w3c_terms import COLOR_RE, EPOCH, NO_QUOTE, THEME_IRI
from reader.model.annotations import DEFAULT_COLOR, Author, Highlight, Stance, TextQuote
from reader.model.remarks import Record

#: Annotation keys we understand (everything else is kept verbatim in ``extra``).
_KNOWN = {"@context", "id", "@id", "type", "@type", "motivation", "created", "modified",
          "creator", "body", "bodyValue", "target", "pr:stance", "pr:color", "pr:page",
          "pr:section", "pr:deleted", "generator", "generated"}


def _selectors(sel: Any) -> Iterator[dict[str, Any]]:
    for s in as_list(sel):
        if isinstance(s, dict):
            yield s
            yield from _selectors(s.get("refinedBy"))


@dataclass(frozen=True)
class _Target:
    source: str = ""
    path: str = ""
    start: int = -1
    end: int = -1
    quote: TextQuote = NO_QUOTE
    rects: tuple[tuple[int, float, float, float, float], ...] = ()


def _target(value: Any) -> _Target:
    best: _Target | None = None
    for t in as_list(value):
        if isinstance(t, str):
            cand = _Target(source=t)
        elif isinstance(t, dict):
            source = t.get("source", t.get("id", t.get("@id", "")))
            if isinstance(source, dict):
                source = source.get("id", source.get("@id", ""))
            start = end = -1
            quote = NO_QUOTE
            frags = []
            for s in _selectors(t.get("selector")):
                kinds = type_names(s)
                if "TextPositionSelector" in kinds:
                    a, b = int_value(s.get("start")), int_value(s.get("end"))
                    if a is not None and b is not None:
                        start, end = a, b
                elif "TextQuoteSelector" in kinds and isinstance(s.get("exact"), str):
                    quote = TextQuote(s["exact"], text_value(s.get("prefix")),
                                      text_value(s.get("suffix")))
                elif "FragmentSelector" in kinds:
                    frags.append({**s, "type": "FragmentSelector"})
            cand = _Target(text_value(source), text_value(t.get("pr:path")), start, end, quote,
                           decode_fragments(frags))
        else:
            continue
        if best is None or (not best.quote.exact and cand.quote.exact):
            best = cand
    if best is None:
        raise ItemError("it has no target")
    return best


def _bodies(item: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(tags, note parts) from ``body``/``bodyValue``."""
    tags: list[str] = []
    notes: list[str] = []
    if isinstance(item.get("bodyValue"), str) and item["bodyValue"].strip():
        notes.append(item["bodyValue"])
    motivations = {m.split(":")[-1] for m in as_list(item.get("motivation"))
                   if isinstance(m, str)}
    for b in as_list(item.get("body")):
        if isinstance(b, str):
            if b.strip():
                notes.append(b)
            continue
        if not isinstance(b, dict):
            continue
        purposes = {p.split(":")[-1] for p in as_list(b.get("purpose")) if isinstance(p, str)}
        value = b.get("value", b.get("chars", b.get("rdf:value")))
        if not purposes and motivations == {"tagging"}:
            purposes = {"tagging"}
        if "tagging" in purposes:
            tag = value if isinstance(value, str) else text_value(b.get("source", b.get("id")))
            if tag.startswith(THEME_IRI):
                tag = tag[len(THEME_IRI):]
            if tag.strip():
                tags.append(tag.strip())
        elif isinstance(value, str) and value.strip():
            notes.append(value)
    return tags, notes


def decode_annotation(item: Any, *, author: Author | None = None,
                      default_time: datetime = EPOCH) -> Highlight:
    """One W3C annotation object as a :class:`Highlight` (``ItemError`` when impossible).

    ``author`` (the file's owner) overrides the annotation's own ``creator``; without it
    the creator is used (an unnamed one becomes ``Author("", "")``)."""
    if author is not None and type(item) is dict:
        fast = decode_fast(item, author)
        if fast is not None:
            return fast
    return decode_lenient(item, author=author, default_time=default_time)


def decode_lenient(item: Any, *, author: Author | None = None,
                   default_time: datetime = EPOCH) -> Highlight:
    """:func:`decode_annotation` without the fast path (every W3C variant)."""
    hid, created, modified = annotation_basics(item, default_time)
    target = _target(item.get("target"))
    tags, notes = _bodies(item)
    check_tags(tags)
    stance_raw = item.get("pr:stance")
    stance = None
    if isinstance(stance_raw, str) and stance_raw in Stance._value2member_map_:
        stance = Stance(stance_raw)
    color = item.get("pr:color")
    color = color.lower() if isinstance(color, str) and COLOR_RE.match(color) else DEFAULT_COLOR
    who = author or creator_author(item.get("creator")) or Author("", "")
    extra = tuple((k, json.dumps(v, ensure_ascii=False)) for k, v in item.items()
                  if k not in _KNOWN)
    if stance_raw is not None and stance is None:
        extra += (("pr:stance", json.dumps(stance_raw, ensure_ascii=False)),)
    doc_id, doc_path = doc_ref(target.source, target.path)
    return Highlight(
        id=hid, doc_id=doc_id, doc_path=doc_path, start=target.start, end=target.end,
        quote=target.quote, author=who, created=created, modified=modified,
        page=text_value(item.get("pr:page")), section=text_value(item.get("pr:section")),
        color=color,
        themes=tuple(dict.fromkeys(tags)), stance=stance, note="\n\n".join(notes),
        deleted=item.get("pr:deleted") is True, extra=extra, rects=target.rects)


def decode_record(item: Any, *, author: Author | None = None,
                  default_time: datetime = EPOCH) -> Record:
    """A highlight, a reply (motivation ``replying``) or a link (``linking``)."""
    kind = remark_kind(item)
    if kind == REPLYING:
        return decode_reply(item, author=author, default_time=default_time)
    if kind == LINKING:
        return decode_link(item, author=author, default_time=default_time)
    return decode_annotation(item, author=author, default_time=default_time)
