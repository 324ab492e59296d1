"""Merging highlights read from many files (and the same person's sync copies). Replies
and links (:mod:`reader.model.remarks`) merge by exactly the same rules.

Versions of one highlight (same id, same author) are joined: the newest ``modified`` wins;
at the same ``modified`` a tombstone wins; a remaining tie is broken by a canonical text
of every field, so the result never depends on the order files were read in. The join is a
maximum under a total order, hence commutative, associative and idempotent.

The same id held by *different* authors is not an edit of one highlight (one person can
never edit another's): both are kept. The author whose version was created first (then the
smaller author id) keeps the id; each other author's copy gets a stable alias id derived
from (id, author), so every reader of the same files computes the same aliases.

What reaches this merge (:mod:`reader.annotations.store_files`): every author's file,
your edits in memory, and sync copies of your file only when your id is inside them; a
copy's future-dated changes to your highlights are held aside first
(:mod:`reader.annotations.holds`), since a wrong clock would otherwise win every merge.
Imports do not merge blindly either: :mod:`reader.annotations.import_plan` decides each
highlight, and never lets a file change one of yours unless asked. Your own file is
written under a lock with this merge redone under it, so two writers of it at once lose
nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from reader.model.annotations import Highlight
from reader.model.remarks import Link, Record, Reply

R = TypeVar("R", bound=Highlight | Reply | Link)
_ALIAS_NS = uuid.UUID("6f3c1d2e-8a4b-5c6d-9e0f-a1b2c3d4e5f6")


def canonical(h: Record) -> str:
    """Every stored field as one deterministic string (the last tie-break)."""
    if isinstance(h, Reply):
        return repr(("reply", h.id, h.target, h.author.id, h.author.name,
                     h.created.isoformat(), h.modified.isoformat(), h.text, h.resolves,
                     h.deleted, h.extra))
    if isinstance(h, Link):
        return repr(("link", h.id, h.source, h.target, h.relation.value, h.author.id,
                     h.author.name, h.created.isoformat(), h.modified.isoformat(), h.note,
                     h.deleted, h.extra))
    return repr((h.id, h.doc_id, h.doc_path, h.start, h.end, h.quote.exact, h.quote.prefix,
                 h.quote.suffix, h.author.id, h.author.name, h.created.isoformat(),
                 h.modified.isoformat(), h.page, h.section, h.color, h.themes,
                 str(h.stance or ""), h.note, h.deleted, h.extra))


def newer(a: R, b: R) -> R:
    """The winner of two versions of one highlight."""
    if a is b:
        return a
    if a.modified != b.modified:
        return a if a.modified > b.modified else b
    if a.deleted != b.deleted:
        return a if a.deleted else b
    return a if canonical(a) >= canonical(b) else b


def join(collections: Iterable[Iterable[Record]]) -> dict[tuple[str, str], Record]:
    """Every (author id, highlight id) with its winning version."""
    out: dict[tuple[str, str], Record] = {}
    get = out.get
    for coll in collections:
        for h in coll:
            key = (h.author.id, h.id)
            old = get(key)
            out[key] = h if old is None else newer(old, h)
    return out


def alias_id(hid: str, author_id: str) -> str:
    """The stable id given to ``author_id``'s copy of an id another author holds."""
    return f"urn:uuid:{uuid.uuid5(_ALIAS_NS, hid + chr(0) + author_id)}"


@dataclass(frozen=True)
class Duplicate:
    """An id found under several authors: ``author_id``'s copy now shows as ``alias``."""

    id: str
    author_id: str
    alias: str


@dataclass(frozen=True)
class Merged:
    highlights: dict[str, Record]  # highlights, replies and links, by id
    duplicates: tuple[Duplicate, ...] = ()


def merge(collections: Iterable[Iterable[Record]]) -> Merged:
    """Merge every version of every highlight (reply, link) into one version per id (see
    the module doc)."""
    joined = join(collections)
    out: dict[str, Record] = {}
    clashes: dict[str, list[Record]] = {}
    for (_author, hid), h in joined.items():
        old = out.get(hid)
        if old is None:
            out[hid] = h
        else:
            clashes.setdefault(hid, [old]).append(h)
    if not clashes:
        return Merged(out)
    dups: list[Duplicate] = []
    for hid, versions in clashes.items():
        versions.sort(key=lambda h: (h.created, h.author.id))
        out[hid] = versions[0]
        for other in versions[1:]:
            alias = alias_id(hid, other.author.id)
            prev = out.get(alias)
            moved = replace(other, id=alias)
            out[alias] = moved if prev is None else newer(prev, moved)
            dups.append(Duplicate(hid, other.author.id, alias))
    dups.sort(key=lambda d: (d.id, d.author_id))
    return Merged(out, tuple(dups))


def merged_tuple(collections: Iterable[Iterable[Record]]) -> tuple[Record, ...]:
    """The merge as a tuple sorted by id (handy for comparing merges)."""
    m = merge(collections).highlights
    return tuple(m[k] for k in sorted(m))
