"""Replies and typed links: reply to a highlight (anyone's) or to a reply, edit or delete
your reply, link two highlights as *supports*, *contradicts*, *implements*, *cites* or
*responds to*, remove your link; a highlight's thread and links; replies whose highlight
was removed; the passages one may link to.

Every edit returns a :class:`RecordEdit` — the versions before (``None``: it did not
exist) and after, which is what an undo puts back with :func:`put_back` — and a change
set naming the reply or link and the highlights whose discussion changed (a reply's
thread root, a link's two ends), so the front ends redraw those and the search index
re-reads their replies. An edit is made in memory; :func:`reader.ops.highlights.save`
writes your file (the ``*_by_ref`` forms the command line uses save at once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reader.annotations.threads import MAX_DEPTH, Discussion
from reader.errors import AnnotationError
from reader.model.annotations import Highlight
from reader.model.changes import Outcome
from reader.model.discussion import (
    DiscussionCounts,
    HighlightDiscussion,
    LinkCandidate,
    LinkEntry,
    OrphanEntry,
    ThreadEntry,
)
from reader.model.remarks import Link, Record, Relation, Remark, Reply
from reader.ops.highlights import touched
from reader.workspace import Workspace

__all__ = ["MAX_DEPTH", "RecordEdit", "Relation", "candidates", "clean_text", "counts", "delete",
           "delete_by_ref", "edit_link", "edit_reply", "edit_reply_by_ref", "find_remark",
           "link", "link_by_ref", "linked_ids", "of_highlight", "orphaned_replies",
           "put_back", "reply", "reply_by_ref"]


@dataclass(frozen=True)
class RecordEdit:
    """An edit of your records (highlights, replies, links): ``record`` is the current
    version of the one edited; ``before``/``after`` what an undo and a redo put back."""

    record: Record | None = None
    before: Mapping[str, Record | None] = field(default_factory=dict)
    after: Mapping[str, Record] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.after)

    @property
    def written(self) -> list[Record]:
        return list(self.after.values())


def _about(d: Discussion, records: Iterable[Record]) -> list[str]:
    """Ids of ``records`` and of the highlights whose discussion they belong to."""
    out: list[str] = []
    for r in records:
        out.append(r.id)
        if isinstance(r, Reply | Link):
            out += d.affected(r)
            if isinstance(r, Reply):
                out.append(r.target.id)
    return out


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """What a person typed, without control characters (a paste from a PDF can carry
    them), line breaks and tabs kept."""
    return _CONTROL.sub("", text) if isinstance(text, str) else text


def _edit(ws: Workspace, before: Remark | None, after: Remark) -> Outcome[RecordEdit]:
    if after is before:  # nothing changed: nothing to undo
        return Outcome(RecordEdit(after))
    store = ws.annotations()
    ids = _about(store.discussion(), [r for r in (before, after) if r is not None])
    return Outcome(RecordEdit(after, {after.id: before}, {after.id: after}), touched(ids))


# -- editing ---------------------------------------------------------------------------------
def reply(ws: Workspace, target_id: str, text: str) -> Outcome[RecordEdit]:
    """Reply to a highlight (yours or a colleague's) or to a reply; the text is Markdown.
    ``AnnotationError`` for an empty text or a target that is gone."""
    return _edit(ws, None, ws.annotations().reply(target_id, clean_text(text)))


def edit_reply(ws: Workspace, rid: str, text: str) -> Outcome[RecordEdit]:
    """Change the text of one of your replies (``ReadOnlyAnnotation`` for someone else's)."""
    store = ws.annotations()
    before = store.remark(rid)
    if not isinstance(before, Reply):
        raise AnnotationError("That is a link, not a reply.")
    return _edit(ws, before, store.edit_remark(rid, text=clean_text(text)))


def link(ws: Workspace, source_id: str, target_id: str, kind: Relation | str, *,
         note: str = "") -> Outcome[RecordEdit]:
    """Link two highlights (possibly in different documents): "``source`` *kind*
    ``target``". ``AnnotationError`` for an unknown kind, the same passage twice, or a
    highlight that is gone."""
    return _edit(ws, None, ws.annotations().link(source_id, target_id, kind,
                                                 note=clean_text(note)))


def edit_link(ws: Workspace, rid: str, *, kind: Relation | str | None = None,
              note: str | None = None) -> Outcome[RecordEdit]:
    """Change the kind or the note of one of your links."""
    store = ws.annotations()
    before = store.remark(rid)
    if not isinstance(before, Link):
        raise AnnotationError("That is a reply, not a link.")
    text = clean_text(note) if note is not None else None
    return _edit(ws, before, store.edit_remark(rid, text=text, kind=kind))


def delete(ws: Workspace, rid: str) -> Outcome[RecordEdit]:
    """Delete one of your replies or links (a tombstone others' copies merge). Replies
    answering a deleted reply stay in the thread under "reply removed"."""
    store = ws.annotations()
    before = store.remark(rid)
    return _edit(ws, before, store.delete_remark(rid))


def put_back(ws: Workspace, versions: Mapping[str, Record | None]) -> Outcome[list[Record]]:
    """Put these versions of your highlights, replies and links back (undo and redo):
    ``None`` means it did not exist, so it is deleted."""
    store = ws.annotations()
    out: list[Record] = []
    for rid, version in versions.items():
        current = version if version is not None else store.peek_record(rid)
        if current is None:
            continue
        if isinstance(current, Highlight):
            out.append(store.restore(current) if version is not None else store.delete(rid))
        else:
            out.append(store.restore_remark(current) if version is not None
                       else store.delete_remark(rid))
    return Outcome(out, touched(_about(store.discussion(), out)))


# -- the command line: by id or the start of it, saved at once --------------------------------
def _short(rid: str) -> str:
    return rid.strip().lower().removeprefix("urn:uuid:")


def find_remark(ws: Workspace, ref: str) -> Remark:
    """A reply or link by id, or by the start of its uuid (4+ characters)."""
    store = ws.annotations()
    found = store.peek_record(ref)
    if isinstance(found, Reply | Link):
        return found
    key = _short(ref)
    hits = [r for r in store.remarks() if len(key) >= 4 and _short(r.id).startswith(key)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AnnotationError(f"'{ref}' matches {len(hits)} replies and links.",
                              "Give more characters of the id.")
    raise AnnotationError(f"There is no reply or link with the id {ref}.",
                          "'policy-reader annotations thread HIGHLIGHT' lists them.")


def _target(ws: Workspace, ref: str) -> str:
    """A highlight or a reply named by its id or the start of it."""
    try:
        return ws.annotations().find(ref).id
    except AnnotationError:
        try:
            found = find_remark(ws, ref)
        except AnnotationError:
            raise AnnotationError(f"There is no highlight or reply with the id {ref}.",
                                  "'policy-reader annotations list' shows the ids.") from None
        if isinstance(found, Link):
            raise AnnotationError("That is a link: reply to one of its highlights.") from None
        return found.id


def _saved(ws: Workspace, done: Outcome[RecordEdit]) -> Outcome[RecordEdit]:
    ws.annotations().save()
    return done


def reply_by_ref(ws: Workspace, ref: str, text: str) -> Outcome[RecordEdit]:
    return _saved(ws, reply(ws, _target(ws, ref), text))


def edit_reply_by_ref(ws: Workspace, ref: str, text: str) -> Outcome[RecordEdit]:
    return _saved(ws, edit_reply(ws, find_remark(ws, ref).id, text))


def link_by_ref(ws: Workspace, source: str, target: str, kind: str, *,
                note: str = "") -> Outcome[RecordEdit]:
    store = ws.annotations()
    return _saved(ws, link(ws, store.find(source).id, store.find(target).id, kind, note=note))


def delete_by_ref(ws: Workspace, ref: str) -> Outcome[RecordEdit]:
    return _saved(ws, delete(ws, find_remark(ws, ref).id))


# -- reading ---------------------------------------------------------------------------------
def _doc_titles(ws: Workspace) -> tuple[dict[str, str], dict[str, str]]:
    """(document id → title, path → id) of the current library."""
    docs = ws.library().documents()
    return {d.id: d.title for d in docs}, {d.path: d.id for d in docs}


def of_highlight(ws: Workspace, hid: str) -> HighlightDiscussion:
    """``hid``'s reply thread (reading order, nested up to :data:`MAX_DEPTH` levels, then
    flattened; never looping) and its links, the other end of each found in the library."""
    store = ws.annotations()
    d = store.discussion()
    thread = d.thread(hid)
    replies = tuple(ThreadEntry(n.reply, n.depth, n.reply.deleted) for n in thread.flat())
    ends = d.link_ends(hid)
    links: list[LinkEntry] = []
    if ends:
        titles, by_path = _doc_titles(ws)
        placer = store.placer
        placer.refresh()  # the library's current list (cheap when unchanged)
        for e in ends:
            other = d.highlights.get(e.other.id)
            doc_id = title = page = author = ""
            if other is not None:
                doc = placer.resolve(other)
                doc_id = doc.id if doc is not None else ""
                title = doc.title if doc is not None else other.doc_path
                page, author = other.page, other.author.name
            else:
                doc_id = by_path.get(e.other.doc_path, "")
                title = titles.get(doc_id, e.other.doc_path)
            links.append(LinkEntry(e.link, e.phrase, e.outgoing, e.other, e.other_live,
                                   doc_id, title, author, page))
    return HighlightDiscussion(hid, replies, thread.count, tuple(links))


def counts(ws: Workspace, ids: Iterable[str] | None = None) -> DiscussionCounts:
    """Live replies and links per highlight (only those that have any; only ``ids`` when
    given). Cheap: a highlight without replies or links costs nothing."""
    d = ws.annotations().discussion()
    wanted = set(ids) if ids is not None else None
    replies: dict[str, int] = {}
    for hid in d.children:
        h = d.highlights.get(hid)
        if h is not None and not h.deleted and (wanted is None or hid in wanted):
            n = d.count_replies(hid)
            if n:
                replies[hid] = n
    links = {hid: len(ls) for hid, ls in d.by_end.items()
             if ls and (wanted is None or hid in wanted)}
    return DiscussionCounts(replies, links)


def linked_ids(ws: Workspace) -> frozenset[str]:
    """Highlights with at least one live link (the reader's margin marks them)."""
    return frozenset(k for k, v in ws.annotations().discussion().by_end.items() if v)


def orphaned_replies(ws: Workspace, doc_id: str | None = None) -> list[OrphanEntry]:
    """Live replies whose highlight was removed (or is not here, or whose thread loops),
    with the words they answered; only those about document ``doc_id`` when given."""
    store = ws.annotations()
    d = store.discussion()
    _, by_path = _doc_titles(ws)
    store.placer.refresh()
    out = []
    for o in store.orphaned_replies():
        h = d.highlights.get(o.ref.id)
        where = ""
        if h is not None:
            doc = store.placer.resolve(h)
            where = doc.id if doc is not None else ""
        where = where or by_path.get(o.ref.doc_path, "")
        if doc_id is not None and where != doc_id:
            continue
        out.append(OrphanEntry(o.reply, o.reason, o.ref.quote, where, o.sentence))
    return out


def candidates(ws: Workspace, *, near: str = "") -> list[LinkCandidate]:
    """Every live highlight one may link to, by document title then reading order; with
    ``near`` (a highlight id) that highlight is left out and its document comes first."""
    store = ws.annotations()
    tax = ws.taxonomy()
    titles, _ = _doc_titles(ws)
    home = ""
    store.placer.refresh()
    if near:
        found = store.peek_record(near)
        if isinstance(found, Highlight):
            doc = store.placer.resolve(found)
            home = doc.id if doc is not None else ""
    keyed = []
    for doc_id, hs in store.by_document().items():
        title = titles.get(doc_id, "") or (hs[0].doc_path if hs else "")
        first = not (doc_id == home and bool(home))
        for h in hs:
            if h.id == near or h.deleted:
                continue
            keyed.append(((first, title.casefold(), doc_id, h.start, h.id), h, title))
    keyed.sort(key=lambda k: k[0])
    return [LinkCandidate(h.id, key[2], title, " ".join(h.quote.exact.split()),
                          h.author.name, h.page, tuple(tax.label(t) for t in h.themes),
                          not key[0]) for key, h, title in keyed]
