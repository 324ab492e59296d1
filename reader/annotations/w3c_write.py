"""Writing W3C Web Annotation JSON-LD (:mod:`reader.annotations.w3c_terms` has the terms,
:mod:`reader.annotations.w3c_read` the reading): one highlight as an ``Annotation`` object,
an author's file as an ``AnnotationCollection`` (replies and links:
:mod:`reader.annotations.w3c_remarks`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from reader.annotations.page_rects import encode_fragments
from reader.annotations.w3c_terms import (
    AUTHOR_IRI,
    COLLECTION_IRI,
    CONTEXT,
    DOC_IRI,
    FORMAT_VERSION,
    PLAIN_VERSION,
    REMARK_MOTIVATIONS,
)
from reader.model.annotations import Author, Highlight


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
    selectors += encode_fragments(h.rects)  # where it sits on the printed page (PDFs)
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


def file_version(items: Iterable[Any]) -> int:
    """2 when ``items`` hold a reply or a link, else 1 (see ``w3c_terms.FORMAT_VERSION``)."""
    for i in items:
        if isinstance(i, dict) and i.get("motivation") in REMARK_MOTIVATIONS:
            return FORMAT_VERSION
    return PLAIN_VERSION


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
        "pr:formatVersion": file_version(items),
        "total": len(items),
    }
    head = json.dumps(header, ensure_ascii=False, indent=2)
    lines = [json.dumps(i, ensure_ascii=False, separators=(",", ":")) for i in items]
    page = ('{"type":"AnnotationPage","startIndex":0,"items":[\n'
            + ",\n".join(lines) + ("\n" if lines else "") + "]}")
    return (head[:-2] + ',\n  "first": ' + page + "\n}\n").encode("utf-8")
