"""Replies and typed links in an :class:`~reader.annotations.store.AnnotationStore`: made,
edited and deleted by their author only, in their own file, merged like highlights; and
the threads and links of a highlight (:mod:`reader.annotations.threads`).

Anyone can reply to any highlight (their own or a colleague's) or to a reply, and link any
two highlights; nobody can change another person's reply or link. A reply or link to
something deleted cannot be made; one made before its highlight was deleted is kept.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timedelta

from reader.annotations import merge as merging
from reader.annotations.edits import note as checked_text
from reader.annotations.threads import Discussion, LinkEnd, OrphanReply, Thread
from reader.errors import AnnotationError, ReadOnlyAnnotation
from reader.model.annotations import Author, Highlight, new_id, now_utc
from reader.model.remarks import Link, Record, Relation, Remark, Reply, ref_to

_MS = timedelta(milliseconds=1)


def relation(value: object) -> Relation:
    """A :class:`Relation` from its value or label ("responds to"), or ``AnnotationError``."""
    if isinstance(value, Relation):
        return value
    key = str(value or "").strip().lower().replace(" ", "-").replace("_", "-")
    try:
        return Relation(key)
    except ValueError:
        names = ", ".join(r.label for r in Relation)
        raise AnnotationError(f"'{value}' is not a kind of link.",
                              f"Use one of: {names}.") from None


class StoreRemarks:
    """Replies and links (a mixin: the store holds the state)."""

    author: Author
    dirty: bool
    generation: int
    _lock: threading.RLock
    _mine: dict[str, Record]
    _merged: dict[str, Highlight]
    _remarks: dict[str, Remark]
    _discussion: tuple[int, Discussion] | None

    def _ensure(self) -> None:  # pragma: no cover - the store defines it
        raise NotImplementedError

    def _bump(self) -> None:  # pragma: no cover - the store defines it
        raise NotImplementedError

    # -- queries --------------------------------------------------------------------------
    def discussion(self) -> Discussion:
        """Every reply and link, indexed (rebuilt after each change)."""
        with self._lock:
            self._ensure()
            if self._discussion is None or self._discussion[0] != self.generation:
                self._discussion = (self.generation, Discussion(self._merged,
                                                                self._remarks.values()))
            return self._discussion[1]

    def remarks(self, *, include_deleted: bool = False) -> tuple[Remark, ...]:
        """Every reply and link, oldest first."""
        with self._lock:
            self._ensure()
            found = sorted(self._remarks.values(), key=lambda r: (r.created, r.id))
        return tuple(r for r in found if include_deleted or not r.deleted)

    def remark(self, rid: str) -> Remark:
        with self._lock:
            self._ensure()
            r = self._remarks.get(rid)
        if r is None:
            raise AnnotationError(f"There is no reply or link with the id {rid}.")
        return r

    def peek_record(self, rid: str) -> Record | None:
        """The highlight, reply or link ``rid`` (exact id), or ``None``."""
        with self._lock:
            self._ensure()
            return self._merged.get(rid) or self._remarks.get(rid)

    def thread(self, highlight_id: str) -> Thread:
        return self.discussion().thread(highlight_id)

    def link_ends(self, highlight_id: str) -> list[LinkEnd]:
        return self.discussion().link_ends(highlight_id)

    def orphaned_replies(self) -> list[OrphanReply]:
        return self.discussion().orphaned()

    # -- editing --------------------------------------------------------------------------
    def _put_remark(self, r: Remark) -> Remark:
        with self._lock:
            self._mine[r.id] = r
            old = self._remarks.get(r.id)
            new = self._remarks[r.id] = r if old is None else merging.newer(old, r)
            self.dirty = True
            self._bump()
            return new

    def _live(self, rid: str, what: str) -> Highlight | Reply:
        with self._lock:
            self._ensure()
            found: Record | None = self._merged.get(rid) or self._remarks.get(rid)
        if found is None or isinstance(found, Link):
            raise AnnotationError(f"There is no {what} with the id {rid}.")
        if found.deleted:
            raise AnnotationError(f"That {what} was deleted.",
                                  "Reply to or link something that is still there.")
        return found

    def _own_remark(self, rid: str) -> Remark:
        r = self.remark(rid)
        if r.author.id != self.author.id:
            kind = "reply" if isinstance(r, Reply) else "link"
            raise ReadOnlyAnnotation(f"This {kind} is {r.author.name or 'another author'}'s; "
                                     "only they can change it.")
        return r

    @staticmethod
    def _after(old: Remark) -> datetime:
        return max(now_utc(), old.modified + _MS)

    def reply(self, target_id: str, text: str, *, resolves: str = "") -> Reply:
        """Reply to a highlight (anyone's) or to a reply."""
        text = checked_text(text).strip()
        if not text:
            raise AnnotationError("A reply needs some text.")
        target = self._live(target_id, "highlight or reply")
        t = now_utc()
        r = Reply(id=new_id(), target=ref_to(target), author=self.author, created=t,
                  modified=t, text=text, resolves=resolves[:200])
        return self._put_remark(r)  # type: ignore[return-value]

    def link(self, source_id: str, target_id: str, kind: Relation | str, *,
             note: str = "") -> Link:
        """Link two highlights: "``source`` *supports* ``target``"."""
        rel = relation(kind)
        if source_id == target_id:
            raise AnnotationError("A passage cannot be linked to itself.")
        source, target = self._live(source_id, "highlight"), self._live(target_id, "highlight")
        if not (isinstance(source, Highlight) and isinstance(target, Highlight)):
            raise AnnotationError("Links join two highlights, not replies.")
        t = now_utc()
        link = Link(id=new_id(), source=ref_to(source), target=ref_to(target), relation=rel,
                    author=self.author, created=t, modified=t, note=checked_text(note).strip())
        return self._put_remark(link)  # type: ignore[return-value]

    def edit_remark(self, rid: str, *, text: str | None = None,
                    kind: Relation | str | None = None) -> Remark:
        """Change the text of one of your replies, or the note or kind of one of your
        links."""
        with self._lock:
            r = self._own_remark(rid)
            if r.deleted:
                raise AnnotationError("This was deleted.")
            changes: dict[str, object] = {}
            if text is not None:
                value = checked_text(text).strip()
                if isinstance(r, Reply) and not value:
                    raise AnnotationError("A reply needs some text.",
                                          "Delete the reply instead.")
                changes["text" if isinstance(r, Reply) else "note"] = value
            if kind is not None:
                if not isinstance(r, Link):
                    raise AnnotationError("Only a link has a kind.")
                changes["relation"] = relation(kind)
            if all(getattr(r, k) == v for k, v in changes.items()):
                return r
            return self._put_remark(replace(r, **changes, modified=self._after(r)))  # type: ignore[arg-type]

    def delete_remark(self, rid: str) -> Remark:
        """Delete one of your replies or links (a tombstone, without its text)."""
        with self._lock:
            r = self._own_remark(rid)
            if r.deleted:
                return r
            blank = {"text": ""} if isinstance(r, Reply) else {"note": ""}
            return self._put_remark(replace(r, **blank, deleted=True,  # type: ignore[arg-type]
                                            modified=self._after(r)))

    def restore_remark(self, previous: Remark) -> Remark:
        """Bring back an earlier version of one of your replies or links (undo)."""
        with self._lock:
            self._ensure()
            if previous.author.id != self.author.id:
                raise ReadOnlyAnnotation("Only your own replies and links can be restored.")
            current = self._remarks.get(previous.id)
            latest = max(current.modified, previous.modified) if current else previous.modified
            return self._put_remark(replace(previous, author=self.author,
                                            modified=max(now_utc(), latest + _MS)))
