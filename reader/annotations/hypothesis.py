"""The Hypothesis client's JSON export (``{"export_date", "export_userid",
"client_version", "annotations": [...]}``; also an API search result's ``rows`` or a bare
list of API annotations), read and written.

Replies (``references``) and our links: :mod:`reader.annotations.hypothesis_remarks`.
Reading: ``target[0].selector`` (TextQuote, TextPosition, Page selectors), ``tags`` (theme
labels, resolved by the importer), ``text`` (the note), ``user`` and
``user_info.display_name`` (the author), ``created``/``updated``. Replies (``references``)
are read as replies to the last annotation they reference. Our own export adds a
``policy_reader`` object (theme ids, stance, colour, page, section, document hash and path)
that the Hypothesis client ignores and our import uses, so a round trip keeps everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from reader import __version__
from reader.annotations.hypothesis_remarks import (
    chain,
    decode_links,
    decode_reply,
    encode_reply,
    fill_quotes,
    hid,
    link_entry,
    plain_id,
)
from reader.annotations.threads import Discussion
from reader.annotations.w3c import (
    ItemError,
    as_list,
    check_tags,
    doc_ref,
    parse_time,
    type_names,
)
from reader.annotations.w3c_terms import DOC_IRI
from reader.annotations.w3c_write import iso
from reader.model.annotations import DEFAULT_COLOR, Author, Highlight, Placed, Stance, TextQuote
from reader.model.documents import Document
from reader.model.remarks import Remark
from reader.model.themes import Taxonomy

AUTHORITY = "policy-reader.local"
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass
class HypothesisRead:
    highlights: list[Highlight] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)  # replies, and our links
    errors: list[str] = field(default_factory=list)
    replies: int = 0  # replies skipped (none now: they are read; kept for the counts)
    titles: dict[str, str] = field(default_factory=dict)  # highlight id -> document title
    own_themes: set[str] = field(default_factory=set)  # ids whose themes are our theme ids


def _str(data: dict[str, Any], key: str, default: str = "") -> str:
    """``data[key]`` when it is a string, else ``default`` (foreign files hold anything)."""
    value = data.get(key)
    return value if isinstance(value, str) else default


def _dict(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


_hid = hid


def _user(item: dict[str, Any]) -> Author:
    user = _str(item, "user")
    info = _dict(item, "user_info")
    m = re.match(r"^acct:([^@]+)@(.+)$", user or "")
    uid = m.group(1) if m else user
    name = _str(info, "display_name")
    return Author(uid, (name or uid).strip())


def decode_item(item: Any, read: HypothesisRead) -> Highlight | None:
    if not isinstance(item, dict):
        raise ItemError("it is not a JSON object")
    if as_list(item.get("references")):
        read.remarks.append(decode_reply(item, _user(item)))
        return None
    hid = _hid(item.get("id"))
    targets = [t for t in as_list(item.get("target")) if isinstance(t, dict)]
    if not targets and not isinstance(item.get("uri"), str):
        raise ItemError("it has no target")
    target = targets[0] if targets else {}
    source = target.get("source") if isinstance(target.get("source"), str) else \
        item.get("uri", "")
    start = end = -1
    exact = prefix = suffix = page = ""
    for s in as_list(target.get("selector")):
        kinds = type_names(s)
        if "TextQuoteSelector" in kinds and isinstance(s.get("exact"), str):
            exact = s["exact"]
            prefix = _str(s, "prefix")
            suffix = _str(s, "suffix")
        elif "TextPositionSelector" in kinds:
            a, b = s.get("start"), s.get("end")
            if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) \
                    and not isinstance(b, bool):
                start, end = a, b
        elif "PageSelector" in kinds and isinstance(s.get("label"), str):
            page = s["label"]
    created = parse_time(item.get("created"), "created")
    modified = parse_time(item.get("updated"), "updated")
    if created is None and modified is None:
        raise ItemError("it has no date")
    created = created or modified
    modified = modified or created
    assert created is not None and modified is not None
    tags = [t.strip() for t in as_list(item.get("tags")) if isinstance(t, str) and t.strip()]
    check_tags(tags)
    note = _str(item, "text")
    ours = _dict(item, "policy_reader")
    doc_id, doc_path = doc_ref(source or "", "")
    section = ""
    color = DEFAULT_COLOR
    stance = None
    if ours:
        doc_id = _str(ours, "doc_id", doc_id)
        doc_path = _str(ours, "path", doc_path)
        page = _str(ours, "page", page)
        section = _str(ours, "section")
        if isinstance(ours.get("color"), str) and _COLOR_RE.match(ours["color"]):
            color = ours["color"].lower()
        if ours.get("stance") in Stance._value2member_map_:
            stance = Stance(ours["stance"])
        read.remarks.extend(decode_links(ours.get("links")))
        theme_ids = [t for t in as_list(ours.get("themes")) if isinstance(t, str) and t]
        if theme_ids or not tags:
            check_tags(theme_ids)
            tags = theme_ids
            read.own_themes.add(hid)
    doc = _dict(item, "document")
    titles = [t for t in as_list(doc.get("title")) if isinstance(t, str) and t.strip()]
    if titles:
        read.titles[hid] = titles[0].strip()
    return Highlight(id=hid, doc_id=doc_id, doc_path=doc_path, start=start, end=end,
                     quote=TextQuote(exact, prefix, suffix), author=_user(item), created=created,
                     modified=modified, page=page, section=section, color=color,
                     themes=tuple(dict.fromkeys(tags)), stance=stance, note=note)


def decode(items: Iterable[Any]) -> HypothesisRead:
    read = HypothesisRead()
    for i, item in enumerate(items):
        try:
            h = decode_item(item, read)
        except ItemError as exc:
            read.errors.append(f"annotation {i + 1}: {exc}")
            continue
        if h is not None:
            read.highlights.append(h)
    read.remarks = fill_quotes(read.remarks, read.highlights)
    return read


# -- writing ---------------------------------------------------------------------------------
def account(author_id: str) -> str:
    return f"acct:{author_id}@{AUTHORITY}"


def encode(placed: Iterable[Placed], *, taxonomy: Taxonomy, documents: dict[str, Document],
           exporter: Author, now: datetime, names: bool = True, notes: bool = True,
           discussion: Discussion | None = None) -> dict[str, Any]:
    """A Hypothesis client export of ``placed`` (``documents``: current id -> Document),
    with the replies under them (unless ``notes`` is false) and the links at them, from
    ``discussion``."""
    out = []
    uris: dict[str, str] = {}
    for p in placed:
        h, a = p.highlight, p.anchor
        doc = documents.get(a.doc_id) or documents.get(h.doc_id)
        doc_id = doc.id if doc else h.doc_id
        path = doc.path if doc else h.doc_path
        uri = (doc.meta.source_url if doc and doc.meta.source_url else
               (DOC_IRI + doc_id if doc_id else path))
        if not p.orphaned:
            h = replace(h, start=a.start, end=a.end)
        user = account(h.author.id if names else "anonymous")
        selectors: list[dict[str, Any]] = []
        if h.start >= 0 and h.end >= 0:
            selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
        if h.quote.exact:
            selectors.append({"type": "TextQuoteSelector", "exact": h.quote.exact,
                              "prefix": h.quote.prefix, "suffix": h.quote.suffix})
        page = a.page if not p.orphaned else h.page
        if page:
            selectors.append({"type": "PageSelector", "label": page})
        out.append({
            "id": plain_id(h.id),
            "created": iso(h.created),
            "updated": iso(h.modified),
            "user": user,
            "user_info": {"display_name": h.author.name if names else "Anonymous"},
            "uri": uri,
            "text": h.note if notes else "",
            "tags": [taxonomy.label(t) if taxonomy.known(t) else t for t in h.themes],
            "group": "__world__",
            "permissions": {"read": ["group:__world__"], "admin": [user], "update": [user],
                            "delete": [user]},
            "target": [{"source": uri, "selector": selectors}],
            "document": {"title": [doc.title if doc else path]},
            "links": {},
            "flagged": False,
            "hidden": False,
            "policy_reader": {
                "doc_id": doc_id, "path": path, "themes": list(h.themes),
                "stance": h.stance.value if h.stance else None, "color": h.color,
                "page": page, "section": a.section if not p.orphaned else h.section,
            },
        })
        uris[h.id] = uri
    if discussion is not None:
        out += _remarks(out, uris, discussion, names=names, notes=notes)
    return {"export_date": iso(now), "export_userid": account(exporter.id if names else
                                                              "anonymous"),
            "client_version": f"policy-reader {__version__}", "annotations": out}


def _remarks(items: list[dict[str, Any]], uris: dict[str, str], discussion: Discussion, *,
             names: bool, notes: bool) -> list[dict[str, Any]]:
    """The replies under the exported highlights (as Hypothesis replies), and the links at
    them (in the ``policy_reader`` object of one of their ends)."""
    out = []
    if notes:
        for r in sorted(discussion.replies.values(), key=lambda x: (x.created, x.id)):
            root, why = discussion.root(r.id)
            if r.deleted or why or root not in uris:
                continue
            user = account(r.author.id if names else "anonymous")
            out.append(encode_reply(r, chain(r, discussion.replies), uri=uris[root],
                                    user=user, text=r.text,
                                    display_name=r.author.name if names else "Anonymous"))
    by_id = {item["id"]: item for item in items}
    for link in sorted(discussion.links.values(), key=lambda x: (x.created, x.id)):
        end = next((e for e in link.ends() if e in uris), None)
        if link.deleted or end is None:
            continue
        holder = by_id[plain_id(end)]["policy_reader"]
        holder.setdefault("links", []).append(
            link_entry(link, user=account, names=names, notes=notes))
    return out
