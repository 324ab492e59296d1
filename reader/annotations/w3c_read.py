"""Reading W3C Web Annotations as highlights (:mod:`reader.annotations.w3c` has the terms).

:func:`decode_annotation` first tries the exact shape our own files have (fast, sharing
repeated values), then the lenient reader, which accepts every variant of the standard:
``target`` as an IRI or an object or a list, ``selector`` as an object or a list
(``refinedBy`` followed), ``body`` as a string, object or list, ``bodyValue``, ``creator``
as an IRI, object or list, prefixed or unprefixed types. Unknown fields are kept
(``Highlight.extra``) and written back. :func:`decode_record` also reads replies and links
(:mod:`reader.annotations.w3c_remarks`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.annotations.fastbuild import build
from reader.annotations.w3c import (
    DEFAULT_COLOR,
    EPOCH,
    MAX_THEMES,
    NO_QUOTE,
    STANCES,
    THEME_IRI,
    ItemError,
    as_list,
    check_color,
    check_tags,
    creator_author,
    doc_ref,
    doc_source,
    fallback_id,
    int_value,
    parse_time,
    shared,
    text_value,
    type_names,
)
from reader.annotations.w3c_remarks import LINKING, REPLYING, decode_link, decode_reply, remark_kind
from reader.model.annotations import Author, Highlight, Stance, TextQuote
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
            for s in _selectors(t.get("selector")):
                kinds = type_names(s)
                if "TextPositionSelector" in kinds:
                    a, b = int_value(s.get("start")), int_value(s.get("end"))
                    if a is not None and b is not None:
                        start, end = a, b
                elif "TextQuoteSelector" in kinds and isinstance(s.get("exact"), str):
                    quote = TextQuote(s["exact"], text_value(s.get("prefix")),
                                      text_value(s.get("suffix")))
            cand = _Target(text_value(source), text_value(t.get("pr:path")), start, end, quote)
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


_FAST_KEYS = frozenset({"id", "type", "motivation", "created", "modified", "creator", "body",
                        "target", "pr:page", "pr:section", "pr:color", "pr:stance",
                        "pr:deleted"})
_TARGET_KEYS = frozenset({"source", "pr:path", "selector"})
_QUOTE_KEYS = frozenset({"type", "exact", "prefix", "suffix"})


def _fast_time(value: Any) -> datetime | None:
    if type(value) is not str:
        return None
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        return None
    return t if t.tzinfo is UTC else None


def _decode_fast(item: dict[str, Any], author: Author) -> Highlight | None:
    """The exact shape :func:`encode_highlight` writes, decoded quickly; ``None`` for
    anything else (the lenient decoder then decides). Repeated values (document ids, paths,
    theme lists) are shared between highlights to save memory."""
    if item.get("type") != "Annotation" or not _FAST_KEYS.issuperset(item):
        return None
    hid = item.get("id")
    target = item.get("target")
    if (type(hid) is not str or not hid or len(hid) > 512 or hid.strip() != hid
            or type(target) is not dict or not _TARGET_KEYS.issuperset(target)):
        return None
    source = target.get("source")
    path = target.get("pr:path", "")
    if type(source) is not str or type(path) is not str:
        return None
    doc_id = doc_source(source, path)
    if doc_id is None:
        return None
    path = shared(path, path)
    start = end = -1
    quote = NO_QUOTE
    sels = target.get("selector", ())
    if type(sels) is not list and sels != ():
        return None
    for sel in sels:
        kind = sel.get("type") if type(sel) is dict else None
        if kind == "TextPositionSelector" and len(sel) == 3:
            start, end = sel.get("start"), sel.get("end")
            if type(start) is not int or type(end) is not int:
                return None
        elif kind == "TextQuoteSelector" and _QUOTE_KEYS.issuperset(sel):
            exact, prefix, suffix = sel.get("exact"), sel.get("prefix", ""), sel.get("suffix", "")
            if type(exact) is not str or type(prefix) is not str or type(suffix) is not str:
                return None
            quote = build(TextQuote, {"exact": exact, "prefix": prefix, "suffix": suffix})
        else:
            return None
    themes: list[str] = []
    note = ""
    body = item.get("body", ())
    if (type(body) is not list and body != ()) or len(body) > MAX_THEMES + 1:
        return None  # too many tags: the lenient decoder says so
    for b in body:
        if type(b) is not dict or b.get("type") != "TextualBody":
            return None
        value, purpose = b.get("value"), b.get("purpose")
        if type(value) is not str:
            return None
        if purpose == "tagging" and value and value.strip() == value:
            if value not in themes:
                themes.append(value)
        elif purpose == "commenting" and not note and value.strip():
            note = value
        else:
            return None
    created, modified = _fast_time(item.get("created")), _fast_time(item.get("modified"))
    color = check_color(item.get("pr:color", DEFAULT_COLOR))
    stance_raw = item.get("pr:stance")
    stance = STANCES.get(stance_raw) if stance_raw is not None else None
    page, section = item.get("pr:page", ""), item.get("pr:section", "")
    deleted = item.get("pr:deleted", False)
    if (created is None or modified is None or color is None
            or (stance_raw is not None and stance is None)
            or type(page) is not str or type(section) is not str or type(deleted) is not bool):
        return None
    theme_tuple = tuple(themes)
    return build(Highlight, {
        "id": hid, "doc_id": doc_id, "doc_path": path, "start": start, "end": end,
        "quote": quote, "author": author, "created": created, "modified": modified,
        "page": shared(page, page), "section": shared(section, section), "color": color,
        "themes": shared(("themes", theme_tuple), theme_tuple), "stance": stance, "note": note,
        "deleted": deleted, "extra": ()})


def decode_annotation(item: Any, *, author: Author | None = None,
                      default_time: datetime = EPOCH) -> Highlight:
    """One W3C annotation object as a :class:`Highlight` (``ItemError`` when impossible).

    ``author`` (the file's owner) overrides the annotation's own ``creator``; without it
    the creator is used (an unnamed one becomes ``Author("", "")``)."""
    if author is not None and type(item) is dict:
        fast = _decode_fast(item, author)
        if fast is not None:
            return fast
    return decode_lenient(item, author=author, default_time=default_time)


def decode_lenient(item: Any, *, author: Author | None = None,
                   default_time: datetime = EPOCH) -> Highlight:
    """:func:`decode_annotation` without the fast path (every W3C variant)."""
    if not isinstance(item, dict):
        raise ItemError("it is not a JSON object")
    kinds = type_names(item)
    if kinds and "Annotation" not in kinds:
        raise ItemError(f"its type is {sorted(kinds)[0]}, not Annotation")
    hid = item.get("id", item.get("@id"))
    if hid is None:
        hid = fallback_id(item)
    if not isinstance(hid, str) or not hid.strip() or len(hid) > 512:
        raise ItemError("its id is not text")
    target = _target(item.get("target"))
    created = parse_time(item.get("created"), "created")
    modified = parse_time(item.get("modified"), "modified")
    created = created or modified or default_time
    modified = modified or created
    tags, notes = _bodies(item)
    check_tags(tags)
    stance_raw = item.get("pr:stance")
    stance = None
    if isinstance(stance_raw, str) and stance_raw in Stance._value2member_map_:
        stance = Stance(stance_raw)
    color = item.get("pr:color")
    color = (check_color(color) if isinstance(color, str) else None) or DEFAULT_COLOR
    who = author or creator_author(item.get("creator")) or Author("", "")
    extra = tuple((k, json.dumps(v, ensure_ascii=False)) for k, v in item.items()
                  if k not in _KNOWN)
    if stance_raw is not None and stance is None:
        extra += (("pr:stance", json.dumps(stance_raw, ensure_ascii=False)),)
    doc_id, doc_path = doc_ref(target.source, target.path)
    return Highlight(
        id=hid.strip(), doc_id=doc_id, doc_path=doc_path, start=target.start, end=target.end,
        quote=target.quote, author=who, created=created, modified=modified,
        page=text_value(item.get("pr:page")), section=text_value(item.get("pr:section")),
        color=color,
        themes=tuple(dict.fromkeys(tags)), stance=stance, note="\n\n".join(notes),
        deleted=item.get("pr:deleted") is True, extra=extra)


def decode_record(item: Any, *, author: Author | None = None,
                  default_time: datetime = EPOCH) -> Record:
    """A highlight, a reply (motivation ``replying``) or a link (``linking``)."""
    kind = remark_kind(item)
    if kind == REPLYING:
        return decode_reply(item, author=author, default_time=default_time)
    if kind == LINKING:
        return decode_link(item, author=author, default_time=default_time)
    return decode_annotation(item, author=author, default_time=default_time)
