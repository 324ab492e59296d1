"""The workspace's search index: :class:`WhooshIndex` keeps a :class:`SearchEngine` (in
the workspace's machine-local cache folder) in step with the library and annotations.

Everything here may run on a worker thread while another thread searches: writes are
serialised (one writer per process, the Whoosh lock across processes); searches never
wait for a writer. Another process holding the lock makes updates give up after
``lock_timeout`` seconds and the status says ``read-only`` until a later update succeeds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from reader.errors import Cancelled, DocumentError, DocumentNotFound, ReaderError
from reader.progress import (
    NEVER_CANCELLED,
    CancelToken,
    ProgressFn,
    Scheduler,
    count,
    no_progress,
)
from reader.search.api import IndexStatus, SearchResults
from reader.search.engine import IndexBusy, IndexNotSaved, RowWriter, SearchEngine
from reader.search.rows import NoteEntry, doc_rows, doc_signature, note_row

if TYPE_CHECKING:
    from pathlib import Path

    from reader.annotations.threads import Discussion
    from reader.model.annotations import Placed
    from reader.model.documents import DocText, Document, LibraryChanges
    from reader.model.themes import Taxonomy


class LibraryView(Protocol):
    """What the index reads of the library."""

    def documents(self) -> tuple[Document, ...]: ...

    def get(self, doc_id: str) -> Document: ...

    def text(self, doc_id: str) -> DocText: ...

log = logging.getLogger(__name__)

BATCH_DOCS = 400  # commit (and make searchable) at least every this many documents …
BATCH_SECONDS = 8.0  # … or this often during a long build
BULK_DOCS = 50  # an update of this many documents may merge mid-size segments


class WhooshIndex:
    """Implements :class:`reader.search.api.SearchIndex` for one workspace: the index in
    ``folder`` over the documents of ``library()``, the highlights ``placed()`` gives, the
    theme labels of ``taxonomy()`` and the replies of ``discussion()`` (``note:`` finds a
    highlight by the words of its replies; without it, by its own note only)."""

    def __init__(self, folder: Path, *, library: Callable[[], LibraryView],
                 placed: Callable[[], Iterable[Placed]], taxonomy: Callable[[], Taxonomy],
                 discussion: Callable[[], Discussion] | None = None,
                 lock_timeout: float = 2.0) -> None:
        self._library = library
        self._placed_source = placed
        self._taxonomy = taxonomy
        self._discussion = discussion
        self.engine = SearchEngine(folder, lock_timeout=lock_timeout)
        self._update_lock = threading.Lock()

    # -- reading ------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, sort: str = "relevance",
               filters: dict[str, str] | None = None) -> SearchResults:
        return self.engine.search(query, limit=limit, sort=sort, filters=filters)

    def status(self) -> IndexStatus:
        return self.engine.status()

    def set_scheduler(self, scheduler: Scheduler, *, in_child: bool = False) -> None:
        self.engine.scheduler = scheduler
        self.engine.fold_in_child = in_child

    # -- sources --------------------------------------------------------------------------
    def _documents(self) -> dict[str, Document]:
        return {d.id: d for d in self._library().documents()}

    def _text(self, doc: Document) -> DocText | None:
        try:
            return self._library().text(doc.id)
        except ReaderError as exc:
            log.info("indexing %s by its metadata only: %s", doc.path, exc)
            return None

    def _placed(self) -> tuple[list[Any], Mapping[str, tuple[tuple[str, str], ...]]] | None:
        """Every live highlight, placed, and per theme id the (id, label) chain from the
        root (so ``theme:overdose`` finds highlights tagged with its sub-themes). None when
        the annotations cannot be read now."""
        try:
            placed = list(self._placed_source())
        except (ReaderError, OSError) as exc:
            log.warning("annotations are not searchable now: %s", exc)
            return None
        chains: dict[str, tuple[tuple[str, str], ...]] = {}
        try:
            tax = self._taxonomy()
            for p in placed:
                for tid in p.highlight.themes:
                    if tid not in chains:
                        path = tax.path(tid) if tax.known(tid) else ()
                        chains[tid] = tuple((t.id, t.label) for t in path) or ((tid, ""),)
        except (ReaderError, OSError) as exc:
            log.warning("theme labels are not searchable now: %s", exc)
        return placed, chains

    # -- updating -------------------------------------------------------------------------
    def update(self, *, progress: ProgressFn = no_progress,
               cancel: CancelToken = NEVER_CANCELLED) -> None:
        """Bring the index up to date: only documents and highlights whose signature
        changed are rewritten (cheap when nothing changed). Never raises for a busy index
        (the status says so); raises :class:`Cancelled` when cancelled, and
        :class:`IndexNotSaved` when the index cannot be written (a full disk)."""
        with self._update_lock:
            if self.engine.needs_fill() and self.engine.status().state == "ready":
                self.engine.mark("building", "The search index is being built; results "
                                             "grow as documents are indexed.")
            try:
                self._sync_documents(progress, cancel)
                self._sync_notes(None, progress, cancel)
            except IndexBusy as exc:
                self.engine.mark("read-only", str(exc))
                log.info("search index busy: %s", exc)
                return
            self.engine.indexed()  # refresh the counts
            self.engine.mark("ready", "")

    def rebuild(self, *, progress: ProgressFn = no_progress,
                cancel: CancelToken = NEVER_CANCELLED) -> None:
        """Rebuild from scratch in one writer: searches see the old index until the new one
        is committed; a cancelled rebuild leaves the old index as it was."""
        with self._update_lock:
            self.engine.mark("rebuilding", "The search index is being rebuilt.")
            try:
                docs = list(self._documents().values())
                plan = self._plan_notes(None, {})
                with self.engine.writing(clear=True) as w:
                    self._write_docs(w, docs, progress, cancel, "Rebuilding the search index "
                                     f"({count(len(docs), 'document')})")
                    if plan is not None:
                        self._write_notes(w, plan, progress, cancel)
            except IndexBusy as exc:
                self.engine.mark("read-only", str(exc))
                return
            except Cancelled:
                self.engine.mark("ready", "")
                raise
            self.engine.indexed()
            self.engine.mark("ready", "")

    def _sync_documents(self, progress: ProgressFn, cancel: CancelToken) -> None:
        docs = self._documents()
        indexed = self.engine.indexed()
        stale = [d for d in docs.values() if indexed.get(d.id) != doc_signature(d)]
        gone = [k for k in indexed if not k.startswith("a:") and k not in docs]
        if gone:
            with self.engine.writing() as w:
                for key in gone:
                    w.delete_key(key)
        self._index_in_batches(stale, progress, cancel)

    def _index_in_batches(self, docs: Sequence[Document], progress: ProgressFn,
                          cancel: CancelToken) -> None:
        """Write ``docs`` in several commits, so a long build becomes searchable as it
        goes."""
        total = len(docs)
        done = 0
        what = "Building" if self.engine.needs_fill() else "Updating"
        label = f"{what} the search index ({count(total, 'document')})"
        while done < total:
            cancel.raise_if_cancelled()
            with self.engine.writing(bulk=total >= BULK_DOCS) as w:
                started = time.monotonic()
                while done < total:
                    self._write_docs(w, docs[done:done + 1], no_progress, cancel, "")
                    done += 1
                    progress(done, total, label)
                    if done % BATCH_DOCS == 0 or time.monotonic() - started > BATCH_SECONDS:
                        break
        if total:
            log.info("indexed %d documents", total)

    def _write_docs(self, w: RowWriter, docs: Iterable[Document], progress: ProgressFn,
                    cancel: CancelToken, label: str) -> None:
        docs = list(docs)
        for i, doc in enumerate(docs, 1):
            cancel.raise_if_cancelled()
            w.replace(doc.id, doc_rows(doc, self._text(doc)))
            if label:
                progress(i, len(docs), label)

    def index_documents(self, doc_ids: Sequence[str]) -> None:
        """Index (or re-index) these documents now, in one commit: called per batch while
        a large import runs, so they become searchable before it ends."""
        docs = []
        for doc_id in doc_ids:
            try:
                docs.append(self._library().get(doc_id))
            except DocumentNotFound:
                continue
        if not docs:
            return
        with self._update_lock:
            try:
                with self.engine.writing() as w:
                    self._write_docs(w, docs, no_progress, NEVER_CANCELLED, "")
            except IndexBusy as exc:
                self.engine.mark("read-only", str(exc))
            except IndexNotSaved as exc:  # the state says so; the next update() raises it
                log.info("%s", exc)

    def remove_documents(self, doc_ids: Sequence[str]) -> None:
        if not doc_ids:
            return
        with self._update_lock:
            try:
                with self.engine.writing() as w:
                    for doc_id in doc_ids:
                        w.delete_key(doc_id)
            except IndexBusy as exc:
                self.engine.mark("read-only", str(exc))
            except IndexNotSaved as exc:
                log.info("%s", exc)

    def apply_changes(self, changes: LibraryChanges) -> None:
        """Apply a library update's changes (a convenient ``on_batch`` callback)."""
        old = [o for o, _ in changes.changed] + list(changes.removed)
        self.remove_documents(old)
        self.index_documents([*changes.touched, *changes.moved])

    def update_annotations(self, highlight_ids: Sequence[str] | None = None) -> None:
        """Re-index these highlights (None: check them all; only changed ones are
        rewritten, deleted ones removed)."""
        with self._update_lock:
            try:
                self._sync_notes(highlight_ids, no_progress, NEVER_CANCELLED)
            except IndexBusy as exc:
                self.engine.mark("read-only", str(exc))
            except IndexNotSaved as exc:  # a saved highlight stays saved; the index catches up
                log.info("%s", exc)

    def _sync_notes(self, ids: Sequence[str] | None, progress: ProgressFn,
                    cancel: CancelToken) -> None:
        indexed = {k: v for k, v in self.engine.indexed().items() if k.startswith("a:")}
        plan = self._plan_notes(ids, indexed)
        if plan is not None and (plan[0] or plan[1]):
            with self.engine.writing() as w:
                self._write_notes(w, plan, progress, cancel)

    def _plan_notes(self, ids: Sequence[str] | None, indexed: Mapping[str, str]
                    ) -> tuple[list[str], list[tuple[NoteEntry, Document | None]]] | None:
        """(keys to delete, entries to write) to bring the highlights up to date; None
        when the annotations cannot be read now."""
        source = self._placed()
        if source is None:
            return None
        placed, chains = source
        replies = self._replies()
        wanted = set(ids) if ids is not None else None
        docs = self._documents()
        live: set[str] = set()
        changed: list[tuple[NoteEntry, Document | None]] = []
        for p in placed:
            h = p.highlight
            live.add(h.id)
            if wanted is not None and h.id not in wanted:
                continue
            entry = self._entry(p, chains)
            if h.id in replies:  # ``note:`` finds a highlight by the words of its replies
                entry = replace(entry, note="\n\n".join(filter(None, [entry.note,
                                                                     replies[h.id]])))
            doc = docs.get(entry.doc_id)
            if indexed.get(f"a:{h.id}") != entry.signature(doc_signature(doc) if doc else ""):
                changed.append((entry, doc))
        stale = [k for k in indexed if k[2:] not in live and (wanted is None or k[2:] in wanted)]
        if wanted is not None:
            stale += [f"a:{i}" for i in wanted if i not in live and f"a:{i}" in indexed]
        return stale, changed

    def _write_notes(self, w: RowWriter,
                     plan: tuple[list[str], list[tuple[NoteEntry, Document | None]]],
                     progress: ProgressFn, cancel: CancelToken) -> None:
        stale, changed = plan
        for key in stale:
            w.delete_key(key)
        for i, (entry, doc) in enumerate(changed, 1):
            cancel.raise_if_cancelled()
            entry = self._with_page_number(entry, doc)
            w.replace(f"a:{entry.id}", [note_row(entry, doc)])
            progress(i, len(changed), f"Indexing {count(len(changed), 'highlight')}")

    def _replies(self) -> dict[str, str]:
        """Per highlight id, the text of the live replies under it ("Name: text")."""
        if self._discussion is None:
            return {}
        try:
            discussion = self._discussion()
        except (ReaderError, OSError) as exc:
            log.warning("replies are not searchable now: %s", exc)
            return {}
        out: dict[str, list[str]] = {}
        for r in discussion.replies.values():
            root, why = discussion.root(r.id)
            if not r.deleted and not why:
                out.setdefault(root, []).append(f"{r.author.name}: {r.text}")
        return {k: "\n\n".join(v) for k, v in out.items()}

    @staticmethod
    def _entry(placed: Any, chains: Mapping[str, tuple[tuple[str, str], ...]]) -> NoteEntry:
        entry = NoteEntry.from_placed(placed, page_number=1)
        pairs: dict[str, str] = {}
        for tid in entry.themes:
            for cid, label in chains.get(tid, ((tid, ""),)):
                pairs.setdefault(cid, label)
        return replace(entry, theme_terms=tuple(pairs.items()))

    def _with_page_number(self, entry: NoteEntry, doc: Document | None) -> NoteEntry:
        """The 1-based page the highlight starts on (from the document's pages)."""
        if doc is None or entry.start < 0:
            return entry
        try:
            text = self._library().text(doc.id)
        except (DocumentError, OSError):
            return entry
        page = text.page_at(entry.start)
        if page is None:
            return entry
        label = page.label or (str(page.number) if doc.paged else entry.page_label)
        return replace(entry, page=page.number, page_label=label)

    def close(self) -> None:
        self.engine.close()
