"""W3C Web Annotation JSON-LD: our file format and the variants other tools write — the
small decoding helpers every reader shares (the terms: :mod:`reader.annotations.w3c_terms`;
reading highlights: :mod:`reader.annotations.w3c_read`, its fast path
:mod:`reader.annotations.w3c_fast`; writing: :mod:`reader.annotations.w3c_write`; replies
and links: :mod:`reader.annotations.w3c_remarks`).

One author's file is an ``AnnotationCollection`` with the standard ``@context``
(``http://www.w3.org/ns/anno.jsonld``), an embedded first ``AnnotationPage`` holding the
annotations, and our extras under the ``pr:`` prefix (stance, colour, page, section,
tombstone, format version, the document's workspace path). Each annotation targets the
document as ``urn:sha256:<content hash>`` with a ``TextPositionSelector`` and a
``TextQuoteSelector``; themes are ``tagging`` bodies, the note a ``commenting``
``TextualBody`` in Markdown.

Replies and links are annotations too (motivations ``replying`` and ``linking``): their
targets are the ids of the annotations they answer or join.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from reader.annotations.w3c_terms import AUTHOR_IRI, DOC_IRI, HEX64_RE, MAX_THEMES
from reader.model.annotations import Author

_UUID_NS = uuid.UUID("0c1f8a52-4b7e-5d2a-8e19-3f6a7b8c9d0e")


class ItemError(ValueError):
    """One annotation could not be read (the message says why)."""


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


def int_value(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,12}", value.strip()):
        return int(value)
    return None


def text_value(value: Any) -> str:
    return value if isinstance(value, str) else ""


def check_tags(tags: list[str]) -> None:
    """``ItemError`` when an annotation carries more than :data:`MAX_THEMES` tags."""
    if len(tags) > MAX_THEMES and len(set(tags)) > MAX_THEMES:
        raise ItemError(f"it has {len(set(tags)):,} tags; a highlight can have at most "
                        f"{MAX_THEMES} themes")


def doc_ref(source: str, path: str) -> tuple[str, str]:
    """(content hash, workspace path) from a target ``source`` IRI and our ``pr:path``."""
    doc_id = ""
    if source.startswith(DOC_IRI) and HEX64_RE.match(source[len(DOC_IRI):]):
        doc_id = source[len(DOC_IRI):]
    elif HEX64_RE.match(source):
        doc_id = source
    return doc_id, path or ("" if doc_id else source)


def fallback_id(item: dict[str, Any]) -> str:
    """A stable id for an annotation that has none (the same item always gets the same)."""
    digest = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    return f"urn:uuid:{uuid.uuid5(_UUID_NS, digest)}"


def annotation_basics(item: Any, default_time: datetime) -> tuple[str, datetime, datetime]:
    """The id, created and modified time every annotation we read has (a highlight, a
    reply, a link); ``ItemError`` when it is not an annotation or its id is not text. A
    missing time falls back to the other one, then to ``default_time``."""
    if not isinstance(item, dict):
        raise ItemError("it is not a JSON object")
    kinds = type_names(item)
    if kinds and "Annotation" not in kinds:
        raise ItemError(f"its type is {sorted(kinds)[0]}, not Annotation")
    rid = item.get("id", item.get("@id"))
    if rid is None:
        rid = fallback_id(item)
    if not isinstance(rid, str) or not rid.strip() or len(rid) > 512:
        raise ItemError("its id is not text")
    created = parse_time(item.get("created"), "created")
    modified = parse_time(item.get("modified"), "modified")
    created = created or modified or default_time
    return rid.strip(), created, modified or created
