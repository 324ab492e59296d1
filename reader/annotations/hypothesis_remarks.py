"""Replies and links in the Hypothesis client's format.

* **Replies** are Hypothesis annotations with ``references``: the ids of the thread from
  its top (the highlight) to the annotation answered, the last one. They have no quoted
  words of their own; the words of the highlight they answer are filled in from the same
  file when it is there (:func:`fill_quotes`).
* **Links** have no Hypothesis form. Our export lists them in the ``policy_reader`` object
  of the highlight at one of their ends (``"links": [...]``), which the Hypothesis client
  ignores and our import reads back, so a round trip keeps them.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from reader.annotations.w3c import ItemError, as_list, parse_time, text_value
from reader.annotations.w3c_remarks import RELATIONS
from reader.annotations.w3c_write import iso
from reader.model.annotations import Author, Highlight
from reader.model.remarks import Link, Ref, Remark, Reply


def hid(raw: Any) -> str:
    """Our id for a Hypothesis id (a uuid keeps its form; anything else gets a prefix)."""
    if not isinstance(raw, str) or not raw.strip():
        raise ItemError("it has no id")
    raw = raw.strip()
    try:
        return f"urn:uuid:{uuid.UUID(raw)}"
    except ValueError:
        return f"urn:hypothesis:{raw}"


def plain_id(our_id: str) -> str:
    """The id as Hypothesis writes it (the inverse of :func:`hid`)."""
    for prefix in ("urn:uuid:", "urn:hypothesis:"):
        if our_id.startswith(prefix):
            return our_id[len(prefix):]
    return our_id


def _times(item: Mapping[str, Any], created_key: str, updated_key: str
           ) -> tuple[datetime, datetime]:
    created = parse_time(item.get(created_key), "created")
    modified = parse_time(item.get(updated_key), "updated")
    if created is None and modified is None:
        raise ItemError("it has no date")
    created = created or modified
    assert created is not None
    return created, modified or created


def decode_reply(item: dict[str, Any], author: Author) -> Reply:
    """A Hypothesis annotation with ``references`` as a reply to the last of them."""
    refs = [r for r in as_list(item.get("references")) if isinstance(r, str) and r.strip()]
    if not refs:
        raise ItemError("it is a reply without the id of what it answers")
    rid = hid(item.get("id"))
    parent = hid(refs[-1])
    if parent == rid:
        raise ItemError("it is a reply to itself")
    created, modified = _times(item, "created", "updated")
    return Reply(rid, Ref(parent), author, created, modified, text_value(item.get("text")))


def decode_links(entries: Any) -> list[Link]:
    """The ``links`` our export puts in ``policy_reader`` (bad entries raise ``ItemError``)."""
    out = []
    for e in as_list(entries):
        if not isinstance(e, dict):
            raise ItemError("one of its links is not a JSON object")
        kind = e.get("relation")
        if kind not in RELATIONS:
            raise ItemError(f"one of its links has the unknown kind {str(kind)[:30]!r}")
        a, b = hid(e.get("from")), hid(e.get("to"))
        if a == b:
            raise ItemError("one of its links joins a passage to itself")
        created, modified = _times(e, "created", "updated")
        user = text_value(e.get("user"))
        m = re.match(r"^acct:([^@]+)@", user)
        author = Author(m.group(1) if m else user, text_value(e.get("display_name")))
        out.append(Link(hid(e.get("id")), Ref(a, text_value(e.get("from_quote"))),
                        Ref(b, text_value(e.get("to_quote"))), RELATIONS[kind], author,
                        created, modified, text_value(e.get("note"))))
    return out


def fill_quotes(remarks: Iterable[Remark], highlights: Iterable[Highlight]) -> list[Remark]:
    """Replies and links with the words and document of the highlight they point at, when
    it is in the same file (a reply to a reply: the words of its thread's highlight)."""
    by_id = {h.id: h for h in highlights}
    remarks = list(remarks)
    parents = {r.id: r.target.id for r in remarks if isinstance(r, Reply)}

    def ref(r: Ref) -> Ref:
        seen: set[str] = set()
        cur = r.id
        while cur in parents and cur not in seen:
            seen.add(cur)
            cur = parents[cur]
        h = by_id.get(cur)
        if h is None or r.quote:
            return r
        return replace(r, quote=h.quote.exact, doc_path=h.doc_path)

    out: list[Remark] = []
    for x in remarks:
        if isinstance(x, Reply):
            out.append(replace(x, target=ref(x.target)))
        else:
            out.append(replace(x, source=ref(x.source), target=ref(x.target)))
    return out


# -- writing ---------------------------------------------------------------------------------
def chain(reply: Reply, replies: Mapping[str, Reply]) -> list[str]:
    """The ids from the thread's highlight to the annotation ``reply`` answers (loop-safe)."""
    out = [reply.target.id]
    seen = {reply.id}
    while out[0] in replies and out[0] not in seen:
        seen.add(out[0])
        out.insert(0, replies[out[0]].target.id)
    return out


def encode_reply(r: Reply, references: list[str], *, uri: str, user: str,
                 display_name: str, text: str) -> dict[str, Any]:
    return {
        "id": plain_id(r.id), "created": iso(r.created), "updated": iso(r.modified),
        "user": user, "user_info": {"display_name": display_name}, "uri": uri, "text": text,
        "tags": [], "group": "__world__",
        "permissions": {"read": ["group:__world__"], "admin": [user], "update": [user],
                        "delete": [user]},
        "target": [{"source": uri}], "references": [plain_id(x) for x in references],
        "links": {}, "flagged": False, "hidden": False,
    }


def link_entry(link: Link, *, user: Callable[[str], str], names: bool, notes: bool
               ) -> dict[str, Any]:
    return {"id": plain_id(link.id), "relation": link.relation.value,
            "from": plain_id(link.source.id), "to": plain_id(link.target.id),
            "from_quote": link.source.quote, "to_quote": link.target.quote,
            "note": link.note if notes else "", "created": iso(link.created),
            "updated": iso(link.modified),
            "user": user(link.author.id) if names else user("anonymous"),
            "display_name": link.author.name if names else "Anonymous"}
