"""The workspace's annotations: every author's file read and merged, the current author's
highlights edited in memory and saved to their own file only.

* ``load()`` reads ``.policy-reader/annotations/*.json`` (with sync tools' conflicted
  copies), merges by id (:mod:`reader.annotations.merge`). Damaged, foreign, too large or
  newer-version files are listed in ``problems``, skipped (or read as far as possible) and
  never written over. Reading, re-reading and saving: :mod:`reader.annotations.store_files`
  (one person saving from several places at once loses nothing; future-dated versions in
  copies of your file are held aside until you accept them).
* Edits (``create``/``update``/``delete``/``restore``/``reattach``/``copy_to_mine``) change
  memory and set ``dirty``; ``save()`` writes the current author's file atomically (with a
  ``.bak``). If saving fails (a read-only folder, a full disk), the edits stay in memory,
  ``dirty`` stays set, and the next ``save()`` tries again (the app does; a command says
  they were not saved: ``retries_saves``).
* An edit's ``modified`` time is always later than the version it replaces, even when that
  version is dated in the future by a wrong clock, so an edit always wins the merge.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from reader.annotations import edits
from reader.annotations import merge as merging
from reader.annotations.anchoring import make_quote, text_index
from reader.annotations.files import FileRead
from reader.annotations.holds import HeldVersion
from reader.annotations.identity import current_author, set_author_name
from reader.annotations.page_rects import PageRect, page_rects
from reader.annotations.placing import DocumentSource, Placer
from reader.annotations.store_files import StoreFiles
from reader.annotations.store_queries import StoreQueries
from reader.annotations.store_remarks import StoreRemarks
from reader.annotations.threads import Discussion
from reader.errors import AnnotationError, DocumentNotFound, ReaderError, ReadOnlyAnnotation
from reader.extract.boxes import CharBoxes
from reader.model.annotations import DEFAULT_COLOR, Author, Highlight, Stance, new_id, now_utc
from reader.model.documents import DocText, Document
from reader.model.remarks import Record, Remark
from reader.model.themes import Taxonomy

if TYPE_CHECKING:
    from reader.settings import Settings

log = logging.getLogger(__name__)

EDITABLE = frozenset({"themes", "stance", "note", "color"})
_MS = timedelta(milliseconds=1)


class AnnotationStore(StoreFiles, StoreQueries, StoreRemarks):
    """The highlights, replies and links in ``folder`` (a workspace's
    ``.policy-reader/annotations``), placed in the texts of ``documents`` (a library, or a
    function giving one), themes coloured and checked against ``taxonomy()``; who "you"
    are comes from ``settings``."""

    def __init__(self, folder: Path, settings: Settings, *,
                 documents: DocumentSource | Callable[[], DocumentSource],
                 taxonomy: Callable[[], Taxonomy]) -> None:
        self.folder = Path(folder)
        self.settings = settings
        self._taxonomy = taxonomy
        self._identity_problems: list[str] = []
        self.author: Author = current_author(settings, self._identity_problems)
        if callable(documents) and not hasattr(documents, "documents"):
            source = documents
        else:
            fixed = cast("DocumentSource", documents)  # it has .documents: not a factory
            source = lambda: fixed  # noqa: E731
        self.placer = Placer(source)
        self._lock = threading.RLock()
        self._files: dict[Path, FileRead] = {}
        self._mine: dict[str, Record] = {}
        self._merged: dict[str, Highlight] = {}
        self._remarks: dict[str, Remark] = {}
        self._discussion: tuple[int, Discussion] | None = None
        self._duplicates: tuple[merging.Duplicate, ...] = ()
        self._held: tuple[HeldVersion, ...] = ()
        self._loaded = False
        self._all_cache: tuple[int, tuple[Highlight, ...]] | None = None
        self._by_doc: tuple[object, dict[str, dict[str, Highlight]]] | None = None
        self.dirty = False
        self.save_error = ""
        self.generation = 0
        #: The front end keeps unsaved edits and saves again (the app), or ends (a command):
        #: what a failed save says about the edits.
        self.retries_saves = False

    def authors(self) -> tuple[Author, ...]:
        """Everyone with highlights here (and the current author), by name."""
        with self._lock:
            self._ensure()
            found = {h.author.id: h.author for h in self._merged.values()}
            found.update((r.author.id, r.author) for r in self._remarks.values()
                         if r.author.id not in found)
            found[self.author.id] = self.author
            return tuple(sorted(found.values(), key=lambda a: (a.name.casefold(), a.id)))

    # -- editing --------------------------------------------------------------------------
    def _put(self, h: Highlight) -> Highlight:
        with self._lock:
            self._mine[h.id] = h
            old = self._merged.get(h.id)
            new = self._merged[h.id] = h if old is None else merging.newer(old, h)
            self._index_update(old, new)
            self.dirty = True
            self._bump()
            return new

    def _own(self, hid: str) -> Highlight:
        h = self.get(hid)
        if h.author.id != self.author.id:
            raise ReadOnlyAnnotation(
                f"This highlight is {h.author.name or 'another author'}'s; only they can "
                "change it.", "Copy it into your own highlights to edit your copy.")
        return h

    @staticmethod
    def _later(old: Highlight) -> datetime:
        return max(now_utc(), old.modified + _MS)

    def _tax(self) -> Taxonomy:
        return self._taxonomy()

    def _rects(self, doc: Document, start: int, end: int) -> tuple[PageRect, ...]:
        """Where ``start``–``end`` sits on a PDF's printed pages (``()`` elsewhere, or
        without character boxes)."""
        boxes_of = getattr(self.placer.source, "boxes", None)
        if doc.format != "pdf" or boxes_of is None:
            return ()
        try:
            data = boxes_of(doc.id)
            return page_rects(CharBoxes.from_bytes(data), start, end) if data else ()
        except (ReaderError, KeyError):
            return ()

    def _range(self, doc_id: str, start: int, end: int) -> tuple[Document, DocText, int, int]:
        self.placer.refresh()
        doc = self.placer.document(doc_id)
        if doc is None:
            raise DocumentNotFound(f"No document with id {doc_id[:12]} in this workspace.")
        text = self.placer.source.text(doc_id)
        start, end = edits.word_range(text.text, start, end)
        return doc, text, start, end

    def create(self, doc_id: str, start: int, end: int, *, themes: Iterable[str] = (),
               stance: Stance | str | None = None, note: str = "",
               color: str | None = None) -> Highlight:
        """Highlight ``start``–``end`` (code points of the current text of ``doc_id``;
        surrounding spaces are trimmed). Colour defaults to the first theme's."""
        with self._lock:
            self._ensure()
            doc, text, start, end = self._range(doc_id, start, end)
            tax = self._tax()
            theme_ids = edits.theme_ids(tax, themes)
            idx = text_index(text)
            t = now_utc()
            h = Highlight(id=new_id(), doc_id=doc.id, doc_path=doc.path, start=start, end=end,
                          quote=make_quote(text.text, start, end), author=self.author,
                          created=t, modified=t, page=idx.page_label(start),
                          section=idx.pinpoint(start),
                          color=edits.color(color) if color else edits.auto_color(tax, theme_ids),
                          themes=theme_ids, stance=edits.stance(stance), note=edits.note(note),
                          rects=self._rects(doc, start, end))
            return self._put(h)

    def update(self, hid: str, **changes: Any) -> Highlight:
        """Change ``themes``, ``stance``, ``note`` or ``color`` of one of your highlights.
        Changing the themes also changes an automatic colour."""
        bad = set(changes) - EDITABLE
        if bad:
            raise AnnotationError(f"A highlight's {', '.join(sorted(bad))} cannot be edited.")
        with self._lock:
            h = self._own(hid)
            if h.deleted:
                raise AnnotationError("This highlight was deleted.")
            new: dict[str, Any] = {}
            tax = self._tax()
            if "themes" in changes:
                new["themes"] = edits.theme_ids(tax, changes["themes"], keep=h.themes)
                if "color" not in changes and h.color == edits.auto_color(tax, h.themes):
                    new["color"] = edits.auto_color(tax, new["themes"])
            if "stance" in changes:
                new["stance"] = edits.stance(changes["stance"])
            if "note" in changes:
                new["note"] = edits.note(changes["note"])
            if "color" in changes:
                new["color"] = edits.color(changes["color"]) if changes["color"] else \
                    edits.auto_color(tax, new.get("themes", h.themes))
            if all(getattr(h, k) == v for k, v in new.items()):
                return h
            return self._put(replace(h, **new, modified=self._later(h)))

    def delete(self, hid: str) -> Highlight:
        """Delete one of your highlights: returns the tombstone (which other copies merge;
        its note is cleared from the file). For undo, keep ``get(hid)`` from before and
        :meth:`restore` it."""
        with self._lock:
            h = self._own(hid)
            if h.deleted:
                return h
            return self._put(replace(h, deleted=True, note="", modified=self._later(h)))

    def restore(self, previous: Highlight) -> Highlight:
        """Bring back ``previous`` (an earlier version of one of your highlights: undo)."""
        with self._lock:
            self._ensure()
            if previous.author.id != self.author.id:
                raise ReadOnlyAnnotation("Only your own highlights can be restored.")
            current = self._merged.get(previous.id)
            base = current if current is not None else previous
            return self._put(replace(previous, author=self.author,
                                     modified=self._later(max(base, previous,
                                                              key=lambda x: x.modified))))

    def reattach(self, hid: str, start: int, end: int, *, doc_id: str | None = None
                 ) -> Highlight:
        """Move one of your highlights (an orphan, or misplaced) to ``start``–``end`` of the
        current text of its document (or of ``doc_id``)."""
        with self._lock:
            h = self._own(hid)
            if doc_id is None:
                self.placer.refresh()
                doc = self.placer.resolve(h)
                if doc is None:
                    raise DocumentNotFound(
                        f"The document of this highlight ({h.doc_path}) is not in the "
                        "workspace.", "Name the document to attach it to.")
                doc_id = doc.id
            doc, text, start, end = self._range(doc_id, start, end)
            idx = text_index(text)
            return self._put(replace(
                h, doc_id=doc.id, doc_path=doc.path, start=start, end=end,
                quote=make_quote(text.text, start, end), page=idx.page_label(start),
                section=idx.pinpoint(start), deleted=False, modified=self._later(h),
                rects=self._rects(doc, start, end)))

    def copy_to_mine(self, hid: str) -> Highlight:
        """A copy of someone's highlight in your own file (new id), for you to edit."""
        with self._lock:
            h = self.get(hid)
            t = now_utc()
            extra = tuple(e for e in h.extra if e[0] != "pr:copiedFrom")
            return self._put(replace(h, id=new_id(), author=self.author, created=t,
                                     modified=t, deleted=False,
                                     extra=(*extra, ("pr:copiedFrom", json.dumps(h.id)))))

    def retag(self, old: str, new: str | None) -> int:
        """Replace theme ``old`` by ``new`` (or remove it) on your live highlights."""
        with self._lock:
            self._ensure()
            count = 0
            tax = self._tax()
            for h in list(self._merged.values()):
                if h.deleted or h.author.id != self.author.id or old not in h.themes:
                    continue
                renamed = (new if t == old else t for t in h.themes)
                themes = tuple(dict.fromkeys(t for t in renamed if t is not None))
                color = h.color
                first = tax.color(themes[0]) if themes else None
                if h.themes[0] == old:
                    color = first or DEFAULT_COLOR
                self._put(replace(h, themes=themes, color=color, modified=self._later(h)))
                count += 1
            return count

    def put_versions(self, records: Iterable[Record]) -> int:
        """Store ``records`` (highlights, replies, links) as your versions (an import,
        after its plan decided each one: :mod:`reader.annotations.import_plan`); how
        many."""
        n = 0
        with self._lock:
            self._ensure()
            for h in records:
                if isinstance(h, Highlight):
                    self._put(replace(h, author=self.author))
                else:
                    self._put_remark(replace(h, author=self.author))
                n += 1
        return n

    def snapshot(self) -> tuple[dict[str, Record], bool]:
        """Your unsaved versions, to :meth:`rollback` to (an import that cannot be saved)."""
        with self._lock:
            return dict(self._mine), self.dirty

    def rollback(self, snapshot: tuple[dict[str, Record], bool]) -> None:
        with self._lock:
            self._mine, self.dirty = dict(snapshot[0]), snapshot[1]
            self._remerge()

    def set_author_name(self, name: str) -> Author:
        """Change your display name (written with the next save)."""
        with self._lock:
            author = set_author_name(self.settings, name)
            self.author = author
            for fr in self._files.values():
                if fr.owner == author.id:
                    fr.author = author
                    fr.set_records(replace(h, author=author) for h in fr.records())
            self._mine = {k: replace(h, author=author) for k, h in self._mine.items()}
            if self._loaded:
                self._remerge()
            self.dirty = True
            return author
