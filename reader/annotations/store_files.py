"""The file half of an :class:`~reader.annotations.store.AnnotationStore`: reading every
author's file and merging them, re-reading what changed, and saving your own file.

Saving is safe when the same person writes from several places at once (two windows, the
app and the command line, two commands): the read-merge-write of your file runs under an
OS file lock (:mod:`reader.locks`, the lock file ``.<id>.json.lock`` beside it). Under the
lock the file is re-read if it changed since this store last read or wrote it (another
writer saved meanwhile), merged with your edits, and replaced; so every highlight whose
save returned is in the file, and after a save this store also shows what the others had
saved (``save`` returns what that changed, for a window to refresh).

Your own file is always read whatever its size (what you wrote can be read back); the size
limit applies to other files. Files named like sync copies of your file are merged as
yours only when the author id inside is yours; their future-dated versions are held aside
(:mod:`reader.annotations.holds`).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.annotations import codec, holds
from reader.annotations import merge as merging
from reader.annotations.changes import LoadReport, StoreChanges, diff, with_remarks
from reader.annotations.fastbuild import paused_gc
from reader.annotations.files import FileRead, list_files, read_file, signature
from reader.annotations.saving import unique_raw, unsaved_sentence, write_author_file
from reader.annotations.threads import Discussion
from reader.errors import FileBusy, StorageError
from reader.locks import locked
from reader.model.annotations import Author, Highlight
from reader.model.remarks import Record, Remark

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

log = logging.getLogger(__name__)


class StoreFiles:
    """Reading, merging and saving (a mixin: the store holds the state)."""

    author: Author
    folder: Path
    dirty: bool
    save_error: str
    generation: int
    retries_saves: bool
    _lock: threading.RLock
    _identity_problems: list[str]
    _files: dict[Path, FileRead]
    _mine: dict[str, Record]  # your versions in memory: highlights, replies, links
    _merged: dict[str, Highlight]
    _remarks: dict[str, Remark]  # replies and links (reader.annotations.store_remarks)
    discussion: Callable[[], Discussion]  # (defined by StoreRemarks)
    _held: tuple[holds.HeldVersion, ...]
    _duplicates: tuple[merging.Duplicate, ...]
    _loaded: bool
    _all_cache: object
    _by_doc: object

    @property
    def my_path(self) -> Path:
        return self.folder / f"{self.author.id}.json"

    # -- reading --------------------------------------------------------------------------
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
            authors |= {r.author.id for r in self._remarks.values()}
            return LoadReport(len(self._files), len(authors), live,
                              len(self._merged) - live, self.problems,
                              time.perf_counter() - t0,
                              sum(1 for r in self._remarks.values() if not r.deleted))

    def _read(self, path: Path, owner: str, conflict: bool) -> FileRead:
        me = self.author.id
        own_file = owner == me and not conflict
        fr = read_file(path, owner, conflict,
                       max_bytes=None if own_file else codec.MAX_FILE_BYTES)
        if fr.owner == me and fr.conflict and not fr.damaged and fr.claimed != me:
            fr = self._not_a_copy(fr)
        if fr.future_note and not (fr.owner == me and fr.conflict):  # copies: holds
            fr.problems.append(fr.future_note)
        if fr.owner == me and fr.author != self.author:
            fr.author = self.author
            fr.set_records(replace(h, author=self.author) for h in fr.records())
        for p in fr.problems:
            log.warning("annotations: %s", p)
        return fr

    @staticmethod
    def _not_a_copy(fr: FileRead) -> FileRead:
        """A file named like a copy of your file whose content does not say it is yours:
        reported, never merged with your highlights, left untouched."""
        says = (f"it says it holds the annotations of {fr.author.name if fr.author else ''}"
                f" ({fr.claimed})" if fr.claimed else "it does not say whose annotations "
                "it holds")
        problem = (f"{fr.path.name} is named like a copy of your annotation file, but {says}: "
                   "it is not merged with your highlights and is left untouched. Import it "
                   "with 'policy-reader annotations import --dry-run' to see what it holds.")
        return FileRead(fr.path, fr.owner, True, fr.signature, problems=[problem],
                        claimed=fr.claimed, arrived=fr.arrived)

    def _ensure(self) -> None:
        if not self._loaded:
            self.load()

    def _remerge(self) -> None:
        collections, self._held = holds.split(self._files.values(), self._mine.values(),
                                              self.author.id)
        result = merging.merge(collections)
        merged = result.highlights
        remarks = {k: r for k, r in merged.items() if type(r) is not Highlight}
        for k in remarks:
            del merged[k]
        self._merged = merged  # type: ignore[assignment]  # highlights only, now
        self._remarks = remarks  # type: ignore[assignment]
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
            before_remarks = dict(self._remarks)
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
            return self._changes(before, before_remarks)

    def _changes(self, before: dict[str, Highlight], before_remarks: dict[str, Remark]
                 ) -> StoreChanges:
        """What changed since ``before``: highlights, and replies and links (whose
        highlights are listed as changed too: their discussion changed)."""
        out = diff(before, self._merged)
        if before_remarks is self._remarks or before_remarks == self._remarks:
            return out
        return with_remarks(out, before_remarks, self._remarks, self.discussion())

    def _forget_file(self, path: Path) -> None:
        """A file vanished from disk. Someone else's: their highlights go with it. One of
        yours: its highlights stay in memory and the next save writes them again (a sync
        tool or a slip must not lose them), except versions that were held aside."""
        held = {(v.id, v.version.modified) for v in self._held if v.file == path.name}
        fr = self._files.pop(path)
        if fr.owner == self.author.id and fr.records():
            for h in fr.records():
                if (h.id, h.modified) in held:
                    continue
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
        out += holds.describe(self._held)
        if self.save_error:
            out.append(self.save_error)
        return tuple(out)

    # -- held versions --------------------------------------------------------------------
    def held(self) -> tuple[holds.HeldVersion, ...]:
        """Future-dated versions of your highlights from copies of your file, not applied
        (see :mod:`reader.annotations.holds`)."""
        with self._lock:
            self._ensure()
            return self._held

    def accept_held(self, ids: Iterable[str] | None = None) -> tuple[Record, ...]:
        """Apply held versions (all, or those of the highlight ids ``ids``) as your own:
        they become your versions, with their dates (written with the next save)."""
        with self._lock:
            self._ensure()
            wanted = None if ids is None else set(ids)
            chosen = [v for v in self._held if wanted is None or v.id in wanted]
            latest: dict[str, Record] = {}
            for v in chosen:
                old = latest.get(v.id)
                latest[v.id] = v.version if old is None else merging.newer(old, v.version)
            for h in latest.values():
                self._mine[h.id] = replace(h, author=self.author)
            if latest:
                self.dirty = True
                self._remerge()
            return tuple(self._merged.get(hid) or self._remarks[hid] for hid in latest)

    # -- saving ---------------------------------------------------------------------------
    def save(self, *, limit: int | None = None) -> StoreChanges:
        """Write your file if anything changed (atomic, ``.bak`` of the previous version),
        merging under the lock what other writers saved meanwhile (see the module doc).
        Returns what that merge changed in this store. ``StorageError`` if it cannot be
        written (the edits stay in memory for another try). With ``limit`` (bytes), a file
        that would be larger is not written: ``AnnotationError`` (an import checks it)."""
        with self._lock:
            if not self.dirty:
                return StoreChanges()
            path = self.my_path
        try:
            # wait for another writer's file lock *before* taking this store's own lock, so
            # the window's edits never wait on a slow save elsewhere
            with locked(path, what=f"Your annotation file {path.name}"), self._lock:
                if not self.dirty:  # another thread of this process saved meanwhile
                    return StoreChanges()
                before, before_remarks = dict(self._merged), dict(self._remarks)
                self._save_locked(path, limit)
                return self._changes(before, before_remarks)
        except FileBusy as exc:
            with self._lock:
                self.save_error = f"{exc.message} {unsaved_sentence(self.retries_saves)}"
            raise FileBusy(self.save_error, exc.hint) from exc

    def _save_locked(self, path: Path, limit: int | None) -> None:
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
                               f"{why} {unsaved_sentence(self.retries_saves)}")
            raise StorageError(self.save_error, "Update Policy Reader, or move the file.")
        self._write(path, fr, limit)

    def _write(self, path: Path, fr: FileRead | None, limit: int | None) -> None:
        me = self.author.id
        mine: list[Record] = [h for h in self._merged.values() if h.author.id == me]
        mine += [r for r in self._remarks.values() if r.author.id == me]
        keep_raw = unique_raw(f.unreadable for f in self._files.values() if f.owner == me)
        try:
            written = write_author_file(path, self.author, mine, keep_raw,
                                        damaged=fr is not None and fr.damaged,
                                        retries=self.retries_saves, limit=limit)
        except StorageError as exc:
            self.save_error = exc.message
            log.warning("annotations: %s", self.save_error)
            raise
        self.save_error = ""
        self.dirty = False
        self._files[path] = written
        self._mine.clear()
