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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.annotations import merge as merging
from reader.annotations.anchoring import make_quote, text_index
from reader.annotations.fastbuild import paused_gc
from reader.annotations.files import FileRead, list_files, read_file, signature
from reader.annotations.identity import current_author, set_author_name
from reader.annotations.model import Author, Highlight, Placed, Stance, new_id, now_utc
from reader.annotations.placing import DocumentSource, Placer, reading_order
from reader.annotations.taxonomy import COLOR_RE
from reader.annotations.w3c import DEFAULT_COLOR, encode_collection, encode_highlight
from reader.errors import (
    AnnotationError,
    DocumentNotFound,
    ReadOnlyAnnotation,
    StorageError,
    ThemeError,
)
from reader.jsonio import atomic_write_bytes

if TYPE_CHECKING:
    from reader.workspace import Workspace

log = logging.getLogger(__name__)

MAX_NOTE = 100_000
EDITABLE = frozenset({"themes", "stance", "note", "color"})
_MS = timedelta(milliseconds=1)


@dataclass(frozen=True)
class LoadReport:
    files: int
    authors: int
    highlights: int  # live (not deleted)
    deleted: int
    problems: tuple[str, ...]
    seconds: float


@dataclass(frozen=True)
class StoreChanges:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # deleted (tombstoned) or gone with their file

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


class AnnotationStore:
    def __init__(self, workspace: Workspace, *,
                 documents: DocumentSource | Callable[[], DocumentSource] | None = None
                 ) -> None:
        self.workspace = workspace
        self.folder: Path = workspace.annotations_dir
        self._identity_problems: list[str] = []
        self.author: Author = current_author(workspace.settings, self._identity_problems)
        if documents is None:
            source: Callable[[], DocumentSource] = workspace.library
        elif callable(documents) and not hasattr(documents, "documents"):
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
            return _diff(before, self._merged)

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

    # -- reading --------------------------------------------------------------------------
    def all(self, *, include_deleted: bool = False) -> tuple[Highlight, ...]:
        with self._lock:
            self._ensure()
            if self._all_cache is None or self._all_cache[0] != self.generation:
                ordered = tuple(sorted(self._merged.values(),
                                       key=lambda h: (h.doc_path, h.start, h.end, h.id)))
                self._all_cache = (self.generation, ordered)
            items = self._all_cache[1]
        return items if include_deleted else tuple(h for h in items if not h.deleted)

    def get(self, hid: str) -> Highlight:
        with self._lock:
            self._ensure()
            h = self._merged.get(hid)
        if h is None:
            raise AnnotationError(f"There is no highlight with the id {hid}.")
        return h

    def find(self, ref: str) -> Highlight:
        """A highlight by id, or by the start of its uuid (8+ characters)."""
        with self._lock:
            self._ensure()
            if ref in self._merged:
                return self._merged[ref]
            key = ref.strip().lower().removeprefix("urn:uuid:")
            hits = [h for hid, h in self._merged.items()
                    if len(key) >= 4 and hid.lower().removeprefix("urn:uuid:").startswith(key)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise AnnotationError(f"'{ref}' matches {len(hits)} highlights.",
                                  "Give more characters of the id.")
        raise AnnotationError(f"There is no highlight with the id {ref}.")

    def is_mine(self, hid: str) -> bool:
        return self.get(hid).author.id == self.author.id

    def placed_all(self) -> Iterator[Placed]:
        """Every live highlight with its anchor (documents in library order)."""
        with self._lock:
            self._ensure()
            live = [h for h in self._merged.values() if not h.deleted]
        yield from self.placer.place(live)

    def _doc_index(self) -> dict[str, dict[str, Highlight]]:
        """Live highlights by current document id (kept up to date by edits; rebuilt when
        files are re-read or the library changes)."""
        self.placer.refresh()
        with self._lock:
            self._ensure()
            fingerprint = self.placer.fingerprint
            if self._by_doc is None or self._by_doc[0] != fingerprint:
                index: dict[str, dict[str, Highlight]] = {}
                for h in self._merged.values():
                    d = None if h.deleted else self.placer.resolve(h)
                    if d is not None:
                        index.setdefault(d.id, {})[h.id] = h
                self._by_doc = (fingerprint, index)
            return self._by_doc[1]

    def _index_update(self, old: Highlight | None, new: Highlight) -> None:
        if self._by_doc is None:
            return
        index = self._by_doc[1]
        if old is not None:
            d = self.placer.resolve(old)
            if d is not None:
                index.get(d.id, {}).pop(old.id, None)
        d = None if new.deleted else self.placer.resolve(new)
        if d is not None:
            index.setdefault(d.id, {})[new.id] = new

    def for_document(self, doc_id: str) -> tuple[Placed, ...]:
        """The highlights of the current document ``doc_id``, in reading order, orphans last."""
        hs = list(self._doc_index().get(doc_id, {}).values())
        return tuple(reading_order(self.placer.place(hs)))

    def documents_tagged(self, theme_ids: Iterable[str]) -> frozenset[str]:
        """Current document ids with a live highlight carrying any of ``theme_ids`` (no
        anchoring; expand a theme with ``Taxonomy.matching`` to include sub-themes and
        merged ids)."""
        wanted = set(theme_ids)
        return frozenset(doc for doc, hs in self._doc_index().items()
                         if any(wanted.intersection(h.themes) for h in hs.values()))

    def count_by_document(self) -> dict[str, int]:
        """Live highlights per current document id (without anchoring)."""
        return {k: len(v) for k, v in self._doc_index().items() if v}

    def orphans(self, doc_id: str | None = None) -> tuple[Placed, ...]:
        if doc_id is not None:
            return tuple(p for p in self.for_document(doc_id) if p.orphaned)
        return tuple(p for p in self.placed_all() if p.orphaned)

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

    def _themes(self, ids: Iterable[str], keep: Iterable[str] = ()) -> tuple[str, ...]:
        """Theme ids validated (known, or already on the highlight) and resolved."""
        if isinstance(ids, str):
            ids = (ids,)
        tax = self.workspace.themes().taxonomy()
        keep = set(keep)
        out: list[str] = []
        for t in ids:
            if not isinstance(t, str) or not t:
                raise ThemeError("A theme id must be text.")
            rid = tax.resolve(t)
            if rid is None and t not in keep:
                raise ThemeError(f"There is no theme '{t}' in this workspace.",
                                 "Run 'policy-reader themes list' to see the ids.")
            rid = rid or t
            if rid not in out:
                out.append(rid)
        return tuple(out)

    def _auto_color(self, themes: tuple[str, ...]) -> str:
        if themes:
            c = self.workspace.themes().taxonomy().color(themes[0])
            if c:
                return c
        return DEFAULT_COLOR

    @staticmethod
    def _stance(value: object) -> Stance | None:
        if value is None or value == "":
            return None
        try:
            return Stance(value)
        except ValueError:
            choices = ", ".join(s.value for s in Stance)
            raise AnnotationError(f"'{value}' is not a stance.", f"Use one of: {choices}.") \
                from None

    @staticmethod
    def _note(note: object) -> str:
        if not isinstance(note, str):
            raise AnnotationError("A note must be text.")
        if len(note) > MAX_NOTE:
            raise AnnotationError(f"A note can have at most {MAX_NOTE:,} characters.")
        return note

    @staticmethod
    def _color(color: object) -> str:
        if not isinstance(color, str) or not COLOR_RE.match(color):
            raise AnnotationError(f"'{color}' is not a colour.", "Use the form #rrggbb.")
        return color.lower()

    def _range(self, doc_id: str, start: int, end: int) -> tuple[Any, int, int]:
        self.placer.refresh()
        doc = self.placer.document(doc_id)
        if doc is None:
            raise DocumentNotFound(f"No document with id {doc_id[:12]} in this workspace.")
        text = self.placer.source.text(doc_id)
        if isinstance(start, bool) or isinstance(end, bool) or \
                not isinstance(start, int) or not isinstance(end, int):
            raise AnnotationError("A highlight's start and end must be whole numbers.")
        if not 0 <= start < end <= len(text.text):
            raise AnnotationError(f"The range {start}–{end} is not inside the text "
                                  f"(0–{len(text.text)}).")
        while start < end and text.text[start].isspace():
            start += 1
        while end > start and text.text[end - 1].isspace():
            end -= 1
        if start == end:
            raise AnnotationError("Select some words to highlight (not only spaces).")
        return (doc, text), start, end

    def create(self, doc_id: str, start: int, end: int, *, themes: Iterable[str] = (),
               stance: Stance | str | None = None, note: str = "",
               color: str | None = None) -> Highlight:
        """Highlight ``start``–``end`` (code points of the current text of ``doc_id``;
        surrounding spaces are trimmed). Colour defaults to the first theme's."""
        with self._lock:
            self._ensure()
            (doc, text), start, end = self._range(doc_id, start, end)
            theme_ids = self._themes(themes)
            idx = text_index(text)
            t = now_utc()
            h = Highlight(id=new_id(), doc_id=doc.id, doc_path=doc.path, start=start, end=end,
                          quote=make_quote(text.text, start, end), author=self.author,
                          created=t, modified=t, page=idx.page_label(start),
                          section=idx.pinpoint(start),
                          color=self._color(color) if color else self._auto_color(theme_ids),
                          themes=theme_ids, stance=self._stance(stance), note=self._note(note))
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
            if "themes" in changes:
                new["themes"] = self._themes(changes["themes"], keep=h.themes)
                if "color" not in changes and h.color == self._auto_color(h.themes):
                    new["color"] = self._auto_color(new["themes"])
            if "stance" in changes:
                new["stance"] = self._stance(changes["stance"])
            if "note" in changes:
                new["note"] = self._note(changes["note"])
            if "color" in changes:
                new["color"] = self._color(changes["color"]) if changes["color"] else \
                    self._auto_color(new.get("themes", h.themes))
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
            (doc, text), start, end = self._range(doc_id, start, end)
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
            tax = self.workspace.themes().taxonomy()
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
            author = set_author_name(self.workspace.settings, name)
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
        mine = sorted((h for h in self._merged.values() if h.author.id == self.author.id),
                      key=lambda h: (h.created, h.id))
        keep_raw: list[Any] = []
        seen_raw: set[str] = set()
        for f in self._files.values():
            if f.owner == self.author.id:
                for raw in f.unreadable:
                    key = json.dumps(raw, sort_keys=True, default=str)
                    if key not in seen_raw:
                        seen_raw.add(key)
                        keep_raw.append(raw)
        creator = f"urn:policy-reader:author:{self.author.id}"
        items = [encode_highlight(h, creator=creator) for h in mine] + keep_raw
        data = encode_collection(self.author, items, modified=now_utc())
        try:
            if fr is not None and fr.damaged and path.exists():
                aside = path.with_name(f"{path.name}.damaged-{int(time.time())}")
                path.replace(aside)
                log.warning("annotations: damaged %s kept as %s", path.name, aside.name)
            atomic_write_bytes(path, data, backup=True)
        except (StorageError, OSError) as exc:
            reason = exc.message if isinstance(exc, StorageError) else str(exc)
            self.save_error = (f"Your highlights could not be saved to {path}: {reason} "
                               "They are kept in memory and saving will be tried again.")
            log.warning("annotations: %s", self.save_error)
            raise StorageError(self.save_error,
                               "Check that the workspace folder is writable.") from exc
        self.save_error = ""
        self.dirty = False
        written = FileRead(path, self.author.id, False, signature(path), self.author,
                           list(mine), list(keep_raw))
        self._files[path] = written
        self._mine.clear()


def _diff(before: dict[str, Highlight], after: dict[str, Highlight]) -> StoreChanges:
    added, changed, removed = [], [], []
    for hid, h in after.items():
        old = before.get(hid)
        if old is None or (old.deleted and not h.deleted):
            if not h.deleted:
                added.append(hid)
        elif h.deleted and not old.deleted:
            removed.append(hid)
        elif old is not h and old != h:
            changed.append(hid)
    removed += [hid for hid, h in before.items() if hid not in after and not h.deleted]
    return StoreChanges(tuple(added), tuple(changed), tuple(removed))
