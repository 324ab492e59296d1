"""The workspace's annotations: every author's file read and merged, the current author's
highlights edited in memory and saved to their own file only.

* ``load()`` reads ``.policy-reader/annotations/*.json`` (with sync tools' conflicted
  copies), merges by id (:mod:`reader.annotations.merge`). Damaged, foreign, too large or
  newer-version files are listed in ``problems``, skipped (or read as far as possible) and
  never written over.
* Edits (``create``/``update``/``delete``/``restore``/``reattach``/``copy_to_mine``) change
  memory and set ``dirty``; ``save()`` writes the current author's file atomically (with a
  ``.bak``). If saving fails (a read-only folder, a full disk), the edits stay in memory,
  ``dirty`` stays set, and the next ``save()`` tries again.
* An edit's ``modified`` time is always later than the version it replaces, even when that
  version is dated in the future by a wrong clock, so an edit always wins the merge.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.annotations import edits
from reader.annotations import merge as merging
from reader.annotations.anchoring import make_quote, text_index
from reader.annotations.changes import LoadReport, StoreChanges, diff
from reader.annotations.fastbuild import paused_gc
from reader.annotations.files import FileRead, list_files, read_file, signature
from reader.annotations.identity import current_author, set_author_name
from reader.annotations.placing import DocumentSource, Placer
from reader.annotations.saving import unique_raw, write_author_file
from reader.annotations.store_queries import StoreQueries
from reader.annotations.w3c import DEFAULT_COLOR
from reader.errors import (
    AnnotationError,
    DocumentNotFound,
    ReadOnlyAnnotation,
    StorageError,
)
from reader.model.annotations import Author, Highlight, Stance, new_id, now_utc
from reader.model.documents import DocText, Document
from reader.model.themes import Taxonomy

if TYPE_CHECKING:
    from reader.settings import Settings

log = logging.getLogger(__name__)

EDITABLE = frozenset({"themes", "stance", "note", "color"})
_MS = timedelta(milliseconds=1)


class AnnotationStore(StoreQueries):
    """The highlights in ``folder`` (a workspace's ``.policy-reader/annotations``), placed in
    the texts of ``documents`` (a library, or a function giving one), themes coloured and
    checked against ``taxonomy()``; who "you" are comes from ``settings``."""

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
            fixed = documents
            source = lambda: fixed  # noqa: E731
        self.placer = Placer(source)
        self._lock = threading.RLock()
        self._files: dict[Path, FileRead] = {}
        self._mine: dict[str, Highlight] = {}
        self._merged: dict[str, Highlight] = {}
        self._duplicates: tuple[merging.Duplicate, ...] = ()
        self._loaded = False
        self._all_cache: tuple[int, tuple[Highlight, ...]] | None = None
        self._by_doc: tuple[object, dict[str, dict[str, Highlight]]] | None = None
        self.dirty = False
        self.save_error = ""
        self.generation = 0

    # -- loading --------------------------------------------------------------------------
    @property
    def my_path(self) -> Path:
        return self.folder / f"{self.author.id}.json"

    def load(self) -> LoadReport:
        """Read every author file and merge (unsaved edits in memory are kept)."""
        t0 = time.perf_counter()
        with self._lock, paused_gc():
            self._files = {p: self._read(p, owner, conflict)
                           for p, owner, conflict in list_files(self.folder)}
            self._remerge()
            self._loaded = True
            live = sum(1 for h in self._merged.values() if not h.deleted)
            authors = {h.author.id for h in self._merged.values()}
            return LoadReport(len(self._files), len(authors), live,
                              len(self._merged) - live, self.problems,
                              time.perf_counter() - t0)

    def _read(self, path: Path, owner: str, conflict: bool) -> FileRead:
        fr = read_file(path, owner, conflict)
        if fr.owner == self.author.id and fr.author != self.author:
            fr.author = self.author
            fr.highlights = [replace(h, author=self.author) for h in fr.highlights]
        for p in fr.problems:
            log.warning("annotations: %s", p)
        return fr

    def _ensure(self) -> None:
        if not self._loaded:
            self.load()

    def _remerge(self) -> None:
        result = merging.merge([*(fr.highlights for fr in self._files.values()),
                                self._mine.values()])
        self._merged = result.highlights
        self._duplicates = result.duplicates
        self._by_doc = None
        self._bump()

    def _bump(self) -> None:
        self.generation += 1
        self._all_cache = None

    def reload(self) -> StoreChanges:
        """Re-read the files that changed on disk (for a file watcher); what changed."""
        with self._lock, paused_gc():
            if not self._loaded:
                report = self.load()
                return StoreChanges(added=tuple(self._merged)) if report.files else \
                    StoreChanges()
            before = dict(self._merged)
            current = list_files(self.folder)
            seen = set()
            touched = False
            for p, owner, conflict in current:
                seen.add(p)
                old = self._files.get(p)
                if old is None or old.signature != signature(p):
                    self._files[p] = self._read(p, owner, conflict)
                    touched = True
            for p in [p for p in self._files if p not in seen]:
                self._forget_file(p)
                touched = True
            if not touched:
                return StoreChanges()
            self._remerge()
            return diff(before, self._merged)

    def _forget_file(self, path: Path) -> None:
        """A file vanished from disk. Someone else's: their highlights go with it. One of
        yours: its highlights stay in memory and the next save writes them again (a sync
        tool or a slip must not lose them)."""
        fr = self._files.pop(path)
        if fr.owner == self.author.id and fr.highlights:
            for h in fr.highlights:
                old = self._mine.get(h.id)
                self._mine[h.id] = h if old is None else merging.newer(old, h)
            self.dirty = True
            log.warning("annotations: %s vanished; its highlights are kept and will be saved "
                        "again", path.name)

    @property
    def problems(self) -> tuple[str, ...]:
        out = [*self._identity_problems, *(p for fr in self._files.values() for p in fr.problems)]
        for d in self._duplicates:
            out.append(f"The highlight id {d.id} appears in the files of two authors; "
                       f"{d.author_id}'s copy is shown with its own id {d.alias}.")
        if self.save_error:
            out.append(self.save_error)
        return tuple(out)

    def authors(self) -> tuple[Author, ...]:
        """Everyone with highlights here (and the current author), by name."""
        with self._lock:
            self._ensure()
            found = {h.author.id: h.author for h in self._merged.values()}
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
                          themes=theme_ids, stance=edits.stance(stance), note=edits.note(note))
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
                section=idx.pinpoint(start), deleted=False, modified=self._later(h)))

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
                themes = tuple(dict.fromkeys(new if t == old else t for t in h.themes
                                             if t != old or new is not None))
                color = h.color
                first = tax.color(themes[0]) if themes else None
                if h.themes[0] == old:
                    color = first or DEFAULT_COLOR
                self._put(replace(h, themes=themes, color=color, modified=self._later(h)))
                count += 1
            return count

    def merge_in(self, highlights: Iterable[Highlight]) -> tuple[int, int, int]:
        """Add imported highlights as yours: (added, updated, skipped). An id already held by
        someone else is skipped (it is theirs); an older version of yours changes nothing."""
        added = updated = skipped = 0
        with self._lock:
            self._ensure()
            for h in highlights:
                h = replace(h, author=self.author)
                old = self._merged.get(h.id)
                if old is not None and old.author.id != self.author.id:
                    skipped += 1
                    continue
                if old is not None and merging.newer(old, h) is old:
                    skipped += 1
                    continue
                self._put(h)
                if old is None:
                    added += 1
                else:
                    updated += 1
        return added, updated, skipped

    def set_author_name(self, name: str) -> Author:
        """Change your display name (written with the next save)."""
        with self._lock:
            author = set_author_name(self.settings, name)
            self.author = author
            for fr in self._files.values():
                if fr.owner == author.id:
                    fr.author = author
                    fr.highlights = [replace(h, author=author) for h in fr.highlights]
            self._mine = {k: replace(h, author=author) for k, h in self._mine.items()}
            if self._loaded:
                self._remerge()
            self.dirty = True
            return author

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        """Write your file if anything changed (atomic, ``.bak`` of the previous version).
        ``StorageError`` if it cannot be written; edits stay in memory for the next try."""
        with self._lock:
            if not self.dirty:
                return
            path = self.my_path
            fr = self._files.get(path)
            sig = signature(path)
            if (fr is None and sig is not None) or (fr is not None and fr.signature != sig):
                # changed on disk since read (another window, the CLI): merge it first
                if sig is None:
                    self._forget_file(path)
                    fr = None
                else:
                    fr = self._files[path] = self._read(path, self.author.id, False)
                self._remerge()
            if fr is not None and not fr.writable:
                why = fr.problems[0] if fr.problems else "it is not a file this version writes."
                self.save_error = (f"Your annotation file {path.name} cannot be written over: "
                                   f"{why} Your changes are kept in memory.")
                raise StorageError(self.save_error, "Update Policy Reader, or move the file.")
            self._write(path, fr)

    def _write(self, path: Path, fr: FileRead | None) -> None:
        me = self.author.id
        mine = [h for h in self._merged.values() if h.author.id == me]
        keep_raw = unique_raw(f.unreadable for f in self._files.values() if f.owner == me)
        try:
            written = write_author_file(path, self.author, mine, keep_raw,
                                        damaged=fr is not None and fr.damaged)
        except StorageError as exc:
            self.save_error = exc.message
            log.warning("annotations: %s", self.save_error)
            raise
        self.save_error = ""
        self.dirty = False
        self._files[path] = written
        self._mine.clear()
