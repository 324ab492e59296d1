"""W3C Web Annotation JSON-LD: our file format and the variants other tools write.

One author's file is an ``AnnotationCollection`` with the standard ``@context``
(``http://www.w3.org/ns/anno.jsonld``), an embedded first ``AnnotationPage`` holding the
annotations, and our extras under the ``pr:`` prefix (stance, colour, page, section,
tombstone, format version, the document's workspace path). Each annotation targets the
document as ``urn:sha256:<content hash>`` with a ``TextPositionSelector`` and a
``TextQuoteSelector``; themes are ``tagging`` bodies, the note a ``commenting``
``TextualBody`` in Markdown.

Reading is lenient (see :func:`decode_annotation`): ``target`` as an IRI or an object or a
list, ``selector`` as an object or a list (``refinedBy`` followed), ``body`` as a string,
object or list, ``bodyValue``, ``creator`` as an IRI, object or list, prefixed or
unprefixed types. Unknown fields are kept (``Highlight.extra``) and written back.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.annotations.fastbuild import build
from reader.model.annotations import Author, Highlight, Stance, TextQuote

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VOCAB = "urn:policy-reader:vocab:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"pr": VOCAB}]
FORMAT_VERSION = 1
#: The most themes (tags) one highlight may carry: more are refused with a clear message
#: (20,000 tags on one highlight once made a brief of 100 MB).
MAX_THEMES = 100
AUTHOR_IRI = "urn:policy-reader:author:"
COLLECTION_IRI = "urn:policy-reader:annotations:"
THEME_IRI = "urn:policy-reader:theme:"
DOC_IRI = "urn:sha256:"
DEFAULT_COLOR = "#ffd54f"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
_HEX64_TAIL = re.compile(r"[0-9a-f]{64}\Z")
NO_QUOTE = TextQuote("")
_UUID_NS = uuid.UUID("0c1f8a52-4b7e-5d2a-8e19-3f6a7b8c9d0e")

#: Annotation keys we understand (everything else is kept verbatim in ``extra``).
_KNOWN = {"@context", "id", "@id", "type", "@type", "motivation", "created", "modified",
          "creator", "body", "bodyValue", "target", "pr:stance", "pr:color", "pr:page",
          "pr:section", "pr:deleted", "generator", "generated"}


class ItemError(ValueError):
    """One annotation could not be read (the message says why)."""


# -- encoding --------------------------------------------------------------------------------
def iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def author_iri(author_id: str) -> str:
    return author_id if ":" in author_id else AUTHOR_IRI + author_id


def person(author: Author) -> dict[str, Any]:
    return {"id": author_iri(author.id), "type": "Person", "name": author.name}


def encode_highlight(h: Highlight, *, creator: Any = None, with_note: bool = True
                     ) -> dict[str, Any]:
    """One highlight as a W3C ``Annotation`` object (our extras under ``pr:``)."""
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": t} for t in h.themes]
    if h.note and with_note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": h.note,
                     "format": "text/markdown"})
    item: dict[str, Any] = {
        "id": h.id,
        "type": "Annotation",
        "motivation": "commenting" if h.note and with_note else "highlighting",
        "created": iso(h.created),
        "modified": iso(h.modified),
    }
    if creator is not None:
        item["creator"] = creator
    if body:
        item["body"] = body
    target: dict[str, Any] = {"source": DOC_IRI + h.doc_id if h.doc_id else h.doc_path}
    if h.doc_path:
        target["pr:path"] = h.doc_path
    selectors: list[dict[str, Any]] = []
    if h.start >= 0 and h.end >= 0:
        selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
    if h.quote.exact:
        selectors.append({"type": "TextQuoteSelector", "exact": h.quote.exact,
                          "prefix": h.quote.prefix, "suffix": h.quote.suffix})
    if selectors:
        target["selector"] = selectors
    item["target"] = target
    if h.page:
        item["pr:page"] = h.page
    if h.section:
        item["pr:section"] = h.section
    item["pr:color"] = h.color
    if h.stance is not None:
        item["pr:stance"] = h.stance.value
    if h.deleted:
        item["pr:deleted"] = True
    for key, raw in h.extra:
        if key not in item:
            try:
                item[key] = json.loads(raw)
            except ValueError:
                item[key] = raw
    return item


def encode_collection(author: Author, items: Iterable[dict[str, Any]], *,
                      modified: datetime, label: str = "") -> bytes:
    """An author file: the collection header, then one annotation per line (small diffs for
    people who keep a workspace in git, and fast to write)."""
    items = list(items)
    header = {
        "@context": CONTEXT,
        "id": COLLECTION_IRI + author.id,
        "type": "AnnotationCollection",
        "label": label or f"Annotations by {author.name}",
        "creator": person(author),
        "modified": iso(modified),
        "pr:formatVersion": FORMAT_VERSION,
        "total": len(items),
    }
    head = json.dumps(header, ensure_ascii=False, indent=2)
    lines = [json.dumps(i, ensure_ascii=False, separators=(",", ":")) for i in items]
    page = ('{"type":"AnnotationPage","startIndex":0,"items":[\n'
            + ",\n".join(lines) + ("\n" if lines else "") + "]}")
    return (head[:-2] + ',\n  "first": ' + page + "\n}\n").encode("utf-8")


# -- decoding helpers ------------------------------------------------------------------------
def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def type_names(obj: Any) -> set[str]:
    """The ``type`` of a JSON-LD node without a prefix (``oa:TextQuoteSelector`` →
    ``TextQuoteSelector``)."""
    if not isinstance(obj, dict):
        return set()
    out = set()
    for t in as_list(obj.get("type", obj.get("@type"))):
        if isinstance(t, str):
            out.add(re.split(r"[:#/]", t)[-1])
    return out


def parse_time(value: Any, what: str) -> datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ItemError(f"its {what} date is not text")
    try:
        t = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise ItemError(f"its {what} date '{value[:40]}' is not an ISO date") from exc
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    try:
        return t.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise ItemError(f"its {what} date '{value[:40]}' is out of range") from exc


def creator_author(value: Any) -> Author | None:
    """An ``Author`` from a W3C ``creator`` (IRI, object, or list: the first one)."""
    for c in as_list(value):
        if isinstance(c, str) and c.strip():
            return Author(author_id_from_iri(c.strip()), "")
        if isinstance(c, dict):
            iri = c.get("id") or c.get("@id") or ""
            name = c.get("name") or c.get("nickname") or ""
            name = name if isinstance(name, str) else ""
            if not isinstance(iri, str):
                iri = ""
            if iri or name:
                return Author(author_id_from_iri(iri) if iri else "", name.strip())
    return None


def author_id_from_iri(iri: str) -> str:
    return iri[len(AUTHOR_IRI):] if iri.startswith(AUTHOR_IRI) else iri


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,12}", value.strip()):
        return int(value)
    return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


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
                    a, b = _int(s.get("start")), _int(s.get("end"))
                    if a is not None and b is not None:
                        start, end = a, b
                elif "TextQuoteSelector" in kinds and isinstance(s.get("exact"), str):
                    quote = TextQuote(s["exact"], _text(s.get("prefix")), _text(s.get("suffix")))
            cand = _Target(_text(source), _text(t.get("pr:path")), start, end, quote)
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
            tag = value if isinstance(value, str) else _text(b.get("source", b.get("id")))
            if tag.startswith(THEME_IRI):
                tag = tag[len(THEME_IRI):]
            if tag.strip():
                tags.append(tag.strip())
        elif isinstance(value, str) and value.strip():
            notes.append(value)
    return tags, notes


def check_tags(tags: list[str]) -> None:
    """``ItemError`` when an annotation carries more than :data:`MAX_THEMES` tags."""
    if len(tags) > MAX_THEMES and len(set(tags)) > MAX_THEMES:
        raise ItemError(f"it has {len(set(tags)):,} tags; a highlight can have at most "
                        f"{MAX_THEMES} themes")


def doc_ref(source: str, path: str) -> tuple[str, str]:
    """(content hash, workspace path) from a target ``source`` IRI and our ``pr:path``."""
    doc_id = ""
    if source.startswith(DOC_IRI) and _HEX64_RE.match(source[len(DOC_IRI):]):
        doc_id = source[len(DOC_IRI):]
    elif _HEX64_RE.match(source):
        doc_id = source
    return doc_id, path or ("" if doc_id else source)


def fallback_id(item: dict[str, Any]) -> str:
    """A stable id for an annotation that has none (the same item always gets the same)."""
    digest = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    return f"urn:uuid:{uuid.uuid5(_UUID_NS, digest)}"


_FAST_KEYS = frozenset({"id", "type", "motivation", "created", "modified", "creator", "body",
                        "target", "pr:page", "pr:section", "pr:color", "pr:stance",
                        "pr:deleted"})
STANCES = {s.value: s for s in Stance}
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


_SEEN: dict[Any, Any] = {}  # shared copies of repeated values (document ids, paths, ...)
_SEEN_MAX = 200_000


def shared(key: Any, value: Any) -> Any:
    """One shared object for equal values (call :func:`trim_shared` now and then)."""
    return _SEEN.setdefault(key, value)


def trim_shared() -> None:
    """Forget the shared values if there are too many (called once per file read)."""
    if len(_SEEN) > _SEEN_MAX:
        _SEEN.clear()


def doc_source(source: str, path: str) -> str | None:
    """The document id a target ``source`` names (``""`` for a path), ``None`` if odd."""
    key = ("src", source, path)
    hit = _SEEN.get(key)
    if hit is None:
        if source.startswith(DOC_IRI) and _HEX64_TAIL.match(source, 11):
            hit = source[11:]
        elif path and source == path:
            hit = ""
        else:
            return None
        hit = shared(key, hit)
    return hit


def check_color(value: Any) -> str | None:
    hit = _SEEN.get(("color", value)) if type(value) is str else None
    if hit is None and type(value) is str and _COLOR_RE.match(value):
        hit = shared(("color", value), value.lower())
    return hit


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
    color = color.lower() if isinstance(color, str) and _COLOR_RE.match(color) else DEFAULT_COLOR
    who = author or creator_author(item.get("creator")) or Author("", "")
    extra = tuple((k, json.dumps(v, ensure_ascii=False)) for k, v in item.items()
                  if k not in _KNOWN)
    if stance_raw is not None and stance is None:
        extra += (("pr:stance", json.dumps(stance_raw, ensure_ascii=False)),)
    doc_id, doc_path = doc_ref(target.source, target.path)
    return Highlight(
        id=hid.strip(), doc_id=doc_id, doc_path=doc_path, start=target.start, end=target.end,
        quote=target.quote, author=who, created=created, modified=modified,
        page=_text(item.get("pr:page")), section=_text(item.get("pr:section")), color=color,
        themes=tuple(dict.fromkeys(tags)), stance=stance, note="\n\n".join(notes),
        deleted=item.get("pr:deleted") is True, extra=extra)
