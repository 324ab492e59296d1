"""The workspace library: every supported file under the workspace is a document,
identified by its content hash, extracted once (cached by hash), listed with its status.

``update()`` detects added, changed, moved and removed files: size+mtime are checked before
hashing, only new content is extracted (in isolated worker processes, see
:mod:`reader.extract.pool`), results are published in batches while the run goes on.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from reader.documents import scans
from reader.documents.cache import ExtractCache
from reader.documents.changes import Batcher, LibraryChanges, diff_records
from reader.documents.import_summary import summarize
from reader.documents.importing import copy_into
from reader.documents.listing import document_for
from reader.documents.overrides import MetaOverrides
from reader.documents.runner import ExtractJob, Outcome, run_extraction
from reader.documents.scan import hash_file, relpath, scan_workspace
from reader.documents.state import FileRecord, load_state, save_state
from reader.errors import DocumentError, DocumentNotFound, UsageError
from reader.extract.ocr.options import OcrOptions
from reader.extract.registry import cache_tag, format_for
from reader.model.documents import DocStatus, DocText, Document
from reader.progress import (
    NEVER_CANCELLED,
    CancelToken,
    ProgressFn,
    count,
    no_progress,
    phase,
)
from reader.safe_files import Fingerprint

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 300 * 1024 * 1024
BATCH_SECONDS = 1.0
BATCH_SIZE = 16


def _reading(n: int, before: dict[str, FileRecord]) -> str:
    """What reading ``n`` files is called: the first time for this workspace on this
    computer (nothing known yet, the slow start a new member of a group sees) or an
    update."""
    if not before:
        return f"Reading {count(n, 'file')} (the first time on this computer)"
    return f"Reading {count(n, 'new or changed file')}"


class Library:
    """The documents under ``root``; the group's metadata corrections in ``documents_file``
    (shared), what was last seen of each file in ``state_file`` (machine-local)."""

    def __init__(self, root: Path, *, documents_file: Path, state_file: Path) -> None:
        self.root = Path(root)
        self.cache = ExtractCache()
        self.overrides = MetaOverrides(documents_file)
        self._state_path = state_file
        self._update_lock = threading.Lock()
        self._lock = threading.Lock()
        self._texts: OrderedDict[str, DocText] = OrderedDict()
        self._files: dict[str, FileRecord] = load_state(self._state_path)
        self._docs: dict[str, Document] = {}
        self._by_path: dict[str, str] = {}
        #: how scanned PDF pages are read (the user's setting; English OCR by default)
        self.ocr = OcrOptions()
        #: passwords of protected PDFs opened in this session (memory only, never written)
        self.passwords: dict[str, str] = {}
        self._told: set[str] = set()  # problems already handed out
        self._publish(self._files)

    # -- reading ---------------------------------------------------------------------------
    def read_problems(self) -> list[str]:
        """What is wrong with the workspace's shared metadata or the text cache, one line
        each (none: an empty list). Not part of an update's changes (which name files):
        front ends say these through :meth:`untold_problems`."""
        lines = [self.overrides.problem, *self.overrides.problems, self.cache.problem]
        return [line for line in lines if line]

    def untold_problems(self) -> list[str]:
        """:meth:`read_problems` not yet handed out (by an update's changes or a call of
        this): what a front end should still say."""
        lines = [line for line in self.read_problems() if line not in self._told]
        self._told.update(lines)
        return lines

    def documents(self) -> tuple[Document, ...]:
        with self._lock:
            return tuple(sorted(self._docs.values(), key=lambda d: d.path))

    def get(self, doc_id: str) -> Document:
        with self._lock:
            doc = self._docs.get(doc_id)
        if doc is None:
            raise DocumentNotFound(f"No document with id {doc_id[:12]} in this workspace.")
        return doc

    def find(self, ref: str) -> Document:
        """A document by id, id prefix (4+ characters) or path (relative to the workspace,
        absolute, or relative to the current folder)."""
        ref = ref.strip()
        if not ref:
            raise UsageError("Name a document: an id (or its first characters) or a path.")
        with self._lock:
            docs = dict(self._docs)
            by_path = dict(self._by_path)
        if ref in docs:
            return docs[ref]
        rel = self._relative(ref)
        if rel is not None and rel in by_path:
            return docs[by_path[rel]]
        if len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref.lower()):
            hits = [d for d in docs.values() if d.id.startswith(ref.lower())]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                raise DocumentNotFound(
                    f"The id {ref} matches {len(hits)} documents.",
                    "Give more characters: " + ", ".join(d.short_id for d in hits[:5]))
        raise DocumentNotFound(f"No document '{ref}' in this workspace.",
                               "Run 'policy-reader docs' to list them.")

    def _relative(self, ref: str) -> str | None:
        candidates = [Path(ref)]
        if not Path(ref).is_absolute():
            candidates.append(Path.cwd() / ref)
        for cand in candidates:
            try:
                full = cand if cand.is_absolute() else self.root / cand
                return Path(os.path.relpath(os.path.abspath(full), self.root)).as_posix()
            except ValueError:
                continue
        return None

    def text(self, doc_id: str) -> DocText:
        """The document's normalised text with pages and sections (from the cache)."""
        doc = self.get(doc_id)
        if doc.status is DocStatus.PENDING:  # not extracted yet (or the cache was deleted)
            rec = self._files.get(doc.path)
            if rec is not None:
                self._extract([ExtractJob(rec.digest, rec.tag, self.root / rec.path)],
                              no_progress, NEVER_CANCELLED, lambda *_: None)
                self._publish(self._files)
                doc = self.get(doc_id)
        if doc.status not in (DocStatus.OK, DocStatus.NO_TEXT):
            raise DocumentError(f"{doc.title} cannot be shown: {doc.status_line}".rstrip(".")
                                + ".")
        with self._lock:
            cached = self._texts.get(doc.id)
            if cached is not None:
                self._texts.move_to_end(doc.id)
                return cached
        tag = cache_tag(Path(doc.path))
        loaded = self.cache.load_text(doc.id, tag)
        if loaded is None:  # the derived cache was deleted: extract again
            log.info("re-extracting %s (cache missing)", doc.path)
            self._extract([ExtractJob(doc.id, tag, self.root / doc.path)], no_progress,
                          NEVER_CANCELLED, lambda *_: None)
            loaded = self.cache.load_text(doc.id, tag)
            if loaded is None:
                raise DocumentError(f"{doc.title} could not be read again (it may have "
                                    "changed on disk).", "Run 'policy-reader index'.")
        text, pages, sections, links = loaded
        result = DocText(doc.id, text, pages, sections, links)
        with self._lock:
            self._texts[doc.id] = result
            while len(self._texts) > 8:
                self._texts.popitem(last=False)
        return result

    def boxes(self, doc_id: str) -> bytes | None:
        doc = self.get(doc_id)
        return self.cache.load_boxes(doc.id, cache_tag(Path(doc.path)))

    def ocr_key(self) -> str:
        return scans.ocr_key(self.ocr)

    def password(self, doc_id: str) -> str | None:
        """The password given for ``doc_id`` in this session (None when none was)."""
        return self.passwords.get(doc_id)

    def republish(self) -> None:
        """List the documents again (a protected PDF was read with its password)."""
        with self._lock:
            self._texts.clear()
            self._publish_locked(self._files)

    def absolute_path(self, doc_id: str) -> Path:
        return self.root / self.get(doc_id).path

    # -- editing ---------------------------------------------------------------------------
    def set_meta(self, doc_id: str, **fields: str) -> Document:
        doc = self.get(doc_id)
        self.overrides.set(doc.path, doc.id, fields)
        with self._lock:
            self._publish_locked(self._files)
        return self.get(doc.id)

    def add_files(self, paths: Iterable[str | Path], *, subdir: str = "",
                  progress: ProgressFn = no_progress, cancel: CancelToken = NEVER_CANCELLED,
                  on_batch: Callable[[LibraryChanges], None] | None = None) -> LibraryChanges:
        """Copy files or folders into the workspace, then bring the library up to date.
        A file whose content the library already holds is not copied again. The changes
        carry the import's :class:`~reader.model.imports.ImportSummary` (such files among
        its ``already_present``, each with the document it is)."""
        if not self._files:  # never read: learn what the workspace holds (duplicates)
            self.update(progress=progress, cancel=cancel, on_batch=on_batch)
        with self._lock:
            known = {rec.digest for rec in self._files.values()}
        report = copy_into(self.root, [Path(p) for p in paths], subdir=subdir,
                           progress=progress, cancel=cancel, known=known)
        changes = self.update(progress=progress, cancel=cancel, on_batch=on_batch)
        with self._lock:
            by_path = dict(self._by_path)
        summary = summarize(report, self.documents(), by_path)
        return replace(changes, problems=(*report.problems, *changes.problems),
                       copied=tuple(report.copied), not_copied=tuple(report.problems),
                       summary=summary)

    # -- updating --------------------------------------------------------------------------
    def update(self, *, progress: ProgressFn = no_progress,
               cancel: CancelToken = NEVER_CANCELLED, rebuild: bool = False,
               on_batch: Callable[[LibraryChanges], None] | None = None) -> LibraryChanges:
        with self._update_lock:
            return self._update(progress, cancel, rebuild, on_batch)

    def _update(self, progress: ProgressFn, cancel: CancelToken, rebuild: bool,
                on_batch: Callable[[LibraryChanges], None] | None) -> LibraryChanges:
        self.overrides.reload()
        old = dict(self._files)
        found = scan_workspace(self.root)
        stats = found.files
        problems: list[str] = list(found.skipped)
        files: dict[str, FileRecord] = {}
        seen: dict[str, Fingerprint] = {}
        checking = f"Checking {count(len(stats), 'file')} for changes"
        for i, (rel, st) in enumerate(stats.items()):
            cancel.raise_if_cancelled()
            progress(i, len(stats), checking)
            tag = cache_tag(Path(rel))
            prev = old.get(rel)
            if prev and prev.size == st.size and prev.mtime_ns == st.mtime_ns and not rebuild:
                files[rel] = replace(prev, tag=tag)
                continue
            try:
                digest, seen[rel] = hash_file(self.root / rel)
            except OSError as exc:
                problems.append(f"{rel}: could not be read ({exc.strerror or exc}); skipped")
                log.warning("%s", problems[-1])
                continue
            files[rel] = FileRecord(rel, seen[rel].size, seen[rel].mtime_ns, digest, tag)
        progress(len(stats), len(stats), checking)

        jobs: dict[str, ExtractJob] = {}
        for rec in files.values():
            if rec.digest in jobs or not self._needs_extraction(rec, rebuild):
                continue
            jobs[rec.digest] = ExtractJob(rec.digest, rec.tag, self.root / rec.path,
                                          seen.get(rec.path))
        with self._lock:
            self._files = files
            self._publish_locked(files, pending=set(jobs))
        if rebuild:
            self._texts.clear()

        batches = Batcher(on_batch, BATCH_SIZE, BATCH_SECONDS)
        unsettled: list[str] = []  # files that changed while they were read
        old_digests = {r.digest for r in old.values()}
        ready = [r.digest for r in files.values()
                 if r.digest not in old_digests and r.digest not in jobs
                 and self._docs[r.digest].status in (DocStatus.OK, DocStatus.NO_TEXT)]
        if on_batch and ready:  # new here, but already extracted once (cache): index now
            on_batch(LibraryChanges(added=tuple(dict.fromkeys(ready))))

        def record(digest: str, ok: bool) -> None:
            if batches.add(digest, ok):
                with self._lock:
                    self._publish_locked(self._files, pending=set(jobs) - batches.seen)
                batches.flush()

        try:
            self._extract(list(jobs.values()), phase(progress, _reading(len(jobs), old)),
                          cancel, record, problems, unsettled)
        finally:
            with self._lock:
                self._publish_locked(self._files)
            save_state(self._state_path, self._files)
        batches.flush()
        return replace(diff_records(old, self._files, extracted=len(batches.seen),
                                    failed=batches.failed, problems=problems),
                       unsettled=tuple(unsettled))

    def _needs_extraction(self, rec: FileRecord, rebuild: bool) -> bool:
        if format_for(Path(rec.path)) is None or rec.size > MAX_FILE_BYTES:
            return False
        if rebuild:
            return True
        entry = self.cache.summary(rec.digest, rec.tag)
        return entry is None or scans.read_again(entry, self.ocr)

    def _extract(self, jobs: Sequence[ExtractJob], progress: ProgressFn,
                 cancel: CancelToken, record: Callable[[str, bool], None],
                 problems: list[str] | None = None,
                 unsettled: list[str] | None = None) -> None:
        """Extract and cache ``jobs``. Only results checked against the file's fingerprint
        are stored; a file that changed is recorded under its new content."""
        if not jobs:
            return
        ocr_key = self.ocr_key()
        for out in run_extraction(jobs, progress, cancel, ocr=self.ocr):
            rel = relpath(self.root, out.job.path)
            if out.unsettled:
                self._set_record(rel, out, forget=True)
                if unsettled is not None:
                    unsettled.append(rel)
                line = f"{rel}: {out.reason}; it will be read at the next update"
                log.warning("%s", line)
                if problems is not None:
                    problems.append(line)
                continue
            if out.rekeyed:
                self._set_record(rel, out)
            entry = self.cache.store(out.digest, out.job.tag, out.result, out.status,
                                     out.reason, ocr_key)
            if entry.status is not DocStatus.OK:
                log.info("%s: %s%s", rel, entry.status.value,
                         f" ({entry.reason})" if entry.reason else "")
            record(out.digest, entry.status in (DocStatus.OK, DocStatus.NO_TEXT))

    def _set_record(self, rel: str, out: Outcome, *, forget: bool = False) -> None:
        """The file at ``rel`` now holds ``out.digest`` (it changed since it was hashed);
        with ``forget`` its record is marked so the next update hashes it again."""
        with self._lock:
            rec = self._files.get(rel)
            if rec is None or rec.digest != out.job.digest:
                return
            files = dict(self._files)
            if forget:
                files[rel] = replace(rec, mtime_ns=-1)
            else:
                assert out.seen is not None
                files[rel] = FileRecord(rel, out.seen.size, out.seen.mtime_ns, out.digest,
                                        rec.tag)
            self._files = files

    # -- building the document list ----------------------------------------------------------
    def _publish(self, files: dict[str, FileRecord]) -> None:
        with self._lock:
            self._publish_locked(files)

    def _publish_locked(self, files: dict[str, FileRecord],
                        pending: set[str] | None = None) -> None:
        pending = pending or set()
        by_digest: dict[str, list[FileRecord]] = {}
        for rec in sorted(files.values(), key=lambda r: r.path):
            by_digest.setdefault(rec.digest, []).append(rec)
        docs: dict[str, Document] = {}
        by_path: dict[str, str] = {}
        for digest, recs in by_digest.items():
            first = recs[0]
            docs[digest] = document_for(first, [r.path for r in recs[1:]],
                                        digest in pending, cache=self.cache,
                                        overrides=self.overrides, max_bytes=MAX_FILE_BYTES)
            for r in recs:
                by_path[r.path] = digest
        self._docs, self._by_path = docs, by_path
