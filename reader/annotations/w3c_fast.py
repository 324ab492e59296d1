"""Reading our own annotations fast: the exact shape :func:`reader.annotations.w3c_write.
encode_highlight` writes, decoded without the lenient reader's checks, with repeated values
(document ids, paths, theme lists) shared between highlights to save memory. Anything else
gives ``None`` and the lenient reader (:mod:`reader.annotations.w3c_read`) decides."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from reader.annotations.fastbuild import build
from reader.annotations.page_rects import decode_fragments
from reader.annotations.w3c_terms import COLOR_RE, DOC_IRI, HEX64_TAIL, MAX_THEMES, NO_QUOTE
from reader.model.annotations import DEFAULT_COLOR, Author, Highlight, Stance, TextQuote

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
        if source.startswith(DOC_IRI) and HEX64_TAIL.match(source, 11):
            hit = source[11:]
        elif path and source == path:
            hit = ""
        else:
            return None
        hit = shared(key, hit)
    return hit


def check_color(value: Any) -> str | None:
    hit = _SEEN.get(("color", value)) if type(value) is str else None
    if hit is None and type(value) is str and COLOR_RE.match(value):
        hit = shared(("color", value), value.lower())
    return hit


def decode_fast(item: dict[str, Any], author: Author) -> Highlight | None:
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
    frags: list[Any] = []
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
        elif kind == "FragmentSelector":
            frags.append(sel)
        else:
            return None
    rects = decode_fragments(frags) if frags else ()
    if len(rects) != sum(len(f.get("pr:rects") or [0]) for f in frags):
        return None  # a rectangle out of shape: the lenient decoder decides
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
        "deleted": deleted, "extra": (), "rects": rects})
