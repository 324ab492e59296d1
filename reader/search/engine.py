"""The Whoosh index in one folder: open and verify it, recover from damage, write rows
(one writer at a time, across threads and processes), search without waiting for the
writer. Knows nothing about workspaces: it takes rows (see :mod:`reader.search.rows`).

Recovery (:mod:`reader.search.recovery`): a damaged index is set aside and recreated
empty at open; the state says ``rebuilding`` until the owner refills it
(:meth:`SearchEngine.needs_fill`). Damage found while searching gives an empty result that
says so (the next use rebuilds); a bug is logged and raised. A folder that cannot be
written at all falls back to an index in memory (``read-only`` in the sense that nothing is
kept), never a dead end.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import RamStorage
from whoosh.index import LockError
from whoosh.writing import CLEAR

from reader.annotations.fastbuild import paused_gc
from reader.errors import Cancelled, IndexBusy, IndexDamaged, IndexNotSaved
from reader.progress import Scheduler, thread_scheduler
from reader.search import merging
from reader.search.api import IndexStatus, SearchResults
from reader.search.index_files import RowWriter, not_saved
from reader.search.merging import FOLD_TINY
from reader.search.recovery import (
    DAMAGED,
    FORMAT_FILE,
    INDEX_NAME,
    damage_of,
    open_or_create,
)
from reader.search.schema import build_schema
from reader.search.searching import run_search
from reader.search.tables import IndexTable, TableCache, manifest
from reader.search.upkeep import CLOSE_WAIT, Fold, IsCancelled, fold_in_child

log = logging.getLogger(__name__)

LIMIT_MB = 256

__all__ = ["FOLD_TINY", "FORMAT_FILE", "IndexBusy", "IndexDamaged", "IndexNotSaved",
           "RowWriter", "SearchEngine"]


class SearchEngine:
    """The index in ``directory`` (None: in memory only)."""

    def __init__(self, directory: Path | None, *, lock_timeout: float = 2.0,
                 scheduler: Scheduler | None = None) -> None:
        self.directory = Path(directory) if directory is not None else None
        self.lock_timeout = lock_timeout
        #: runs the background fold (see :mod:`reader.search.upkeep`); settable
        self.scheduler: Scheduler = scheduler or thread_scheduler
        #: fold in a child process (the app: its main thread never waits on the merge
        #: for the interpreter lock) rather than in the scheduler's thread
        self.fold_in_child = False
        self._ix: Any = None
        self._state = "building"
        self._message = ""
        self._needs_fill = False
        self._open_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._search_lock = threading.RLock()
        self._searcher: Any = None
        self._table: tuple[Any, IndexTable] | None = None  # (searcher, its table)
        self._tables = TableCache()
        self._counts: tuple[int, int] | None = None  # (documents, notes); None: recount
        self._fold: Fold | None = None
        self._fold_lock = threading.Lock()  # one fold scheduled at a time
        self._memory_note = ""  # why the index is only in memory ("" when on disk)

    # -- opening ----------------------------------------------------------------------------
    def open(self) -> None:
        """Open (verify, recover or create) the index. Idempotent, never raises."""
        with self._open_lock:
            if self._ix is not None:
                return
            if self.directory is None:
                self._ix = RamStorage().create_index(build_schema(), indexname=INDEX_NAME)
                self._needs_fill = True
                return
            try:
                self._ix = self._open_dir(self.directory)
            except OSError as exc:
                log.warning("search index folder %s is not usable (%s): keeping the index "
                            "in memory", self.directory, exc)
                self._ix = RamStorage().create_index(build_schema(), indexname=INDEX_NAME)
                self._needs_fill = True
                self._memory_note = (f"The search index cannot be saved ({exc.strerror or exc})"
                                     ": it is kept in memory and rebuilt each time.")
                self._set("read-only", self._memory_note)

    def _open_dir(self, d: Path) -> Any:
        opened = open_or_create(d)
        self._needs_fill = opened.needs_fill
        self._set(opened.state, opened.message)
        return opened.ix

    # -- state --------------------------------------------------------------------------------
    def _set(self, state: str, message: str) -> None:
        self._state, self._message = state, message

    def needs_fill(self) -> bool:
        """True when the index was (re)created empty and must be filled from scratch."""
        self.open()
        return self._needs_fill

    def status(self) -> IndexStatus:
        self.open()
        if self._counts is None:
            try:
                self.indexed()
            except Exception as exc:  # a damaged index: said by the state, not raised
                if self._damage(exc) is None:
                    log.exception("counting the search index failed (a bug)")
                    raise
                log.warning("cannot count the index: %s", exc)
        docs, notes = self._counts or (0, 0)
        return IndexStatus(self._state, docs, notes, self._message)

    def mark(self, state: str, message: str = "") -> None:
        """Set the state (the owner reports building, read-only …). An index kept only in
        memory stays ``read-only`` with its reason."""
        if state == "ready" and self._memory_note:
            state, message = "read-only", self._memory_note
        self._set(state, message)

    # -- writing ------------------------------------------------------------------------------
    @contextmanager
    def writing(self, *, clear: bool = False, timeout: float | None = None,
                bulk: bool = False) -> Iterator[RowWriter]:
        """One writer (threads wait their turn; another process gets ``timeout`` seconds,
        then :class:`IndexBusy`). With ``clear`` the commit replaces the whole index;
        ``bulk`` (a batch of a long build) lets the commit merge mid-size segments."""
        self.open()
        timeout = self.lock_timeout if timeout is None else timeout
        if not self._write_lock.acquire(timeout=max(timeout, 0.0) + 60.0):
            raise IndexBusy("The search index is busy.", "Try again in a moment.")
        try:
            try:
                writer = self._ix.writer(timeout=timeout, delay=0.05, limitmb=LIMIT_MB)
            except LockError as exc:
                raise IndexBusy("Another Policy Reader window is updating this search index.",
                                "Searching still works; it will catch up later.") from exc
            except OSError as exc:
                raise self._write_failed(exc) from exc
            rw = RowWriter(writer)
            try:
                yield rw
                writer.commit(mergetype=CLEAR if clear else merging.merge_policy(bulk))
            except OSError as exc:
                with suppress(Exception):
                    writer.cancel()
                raise self._write_failed(exc) from exc
            except BaseException:
                with suppress(Exception):
                    writer.cancel()
                raise
            self._needs_fill = False
            self._counts = None
        finally:
            self._write_lock.release()
        if not clear and not bulk:
            self._start_tidy()

    def _write_failed(self, exc: OSError) -> IndexNotSaved:
        """A write failed: the state says so until a write succeeds. What was committed
        before is intact (Whoosh writes its table of contents last, by rename); the files
        the failed write left are removed by the next commit."""
        error = not_saved(exc)
        log.warning("search index write failed: %s", exc)
        self._counts = None
        self._set("read-only", str(error))
        return error

    # -- folding tiny segments in the background ------------------------------------------------
    def _tiny_segments(self) -> int:
        return 0 if self._ix is None else merging.tiny_segments(self._ix)

    def _start_tidy(self) -> None:
        if self._tiny_segments() < FOLD_TINY:
            return
        with self._fold_lock:
            if self._fold is not None and self._fold.running:
                return
            fold = self._fold = Fold(self._tidy)
        try:
            self.scheduler(fold, "Tidying the search index")
        except Exception:  # no scheduler now (shutting down): a later commit folds
            log.exception("cannot start folding the search index")
            fold.done.set()

    def _tidy(self, is_cancelled: IsCancelled) -> None:
        """Fold the tiny segments one-document commits left into one, in a commit of its
        own: the update that left the last one was searchable at once; searches go on
        meanwhile, the next writer (of this process) waits its turn. Cancelled between
        segments (closing, or the GUI's task runner); with :attr:`fold_in_child` the
        child process is stopped."""
        try:
            with self._write_lock:
                if self._ix is None or is_cancelled() or self._tiny_segments() < FOLD_TINY:
                    return
                if self.fold_in_child and self.directory is not None:
                    folded = fold_in_child(self.directory, is_cancelled)
                else:
                    folded = merging.fold_tiny_segments(self._ix, is_cancelled)
                if folded:
                    self._counts = None
        except Cancelled:
            log.info("folding the search index's small segments was cancelled")
        except Exception:
            log.exception("folding the search index's small segments failed")

    def folding(self) -> bool:
        """True while a background fold is scheduled or running."""
        return self._fold is not None and self._fold.running

    def wait_tidy(self, timeout: float | None = None) -> bool:
        """Wait for a background fold to finish (tests); False if it is still running."""
        fold = self._fold
        return fold is None or fold.wait(timeout)

    # -- reading ------------------------------------------------------------------------------
    def _searcher_and_table(self) -> tuple[Any, IndexTable]:
        """The current searcher (refreshed after commits) and its table. Caller holds the
        search lock."""
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif not self._searcher.up_to_date():
            # A fresh searcher, not Searcher.refresh(): refresh reuses the reader of a
            # segment that only gained deletions, and would still show the deleted rows.
            old = self._searcher
            self._searcher = self._ix.searcher()
            with suppress(Exception):
                old.close()
        if self._table is None or self._table[0] is not self._searcher:
            self._table = (self._searcher, self._tables.table(self._searcher.reader()))
        return self._searcher, self._table[1]

    def indexed(self) -> dict[str, str]:
        """key → signature of everything in the index (see :func:`tables.manifest`)."""
        self.open()
        with self._search_lock:
            _s, table = self._searcher_and_table()
            keys = manifest(table)
        self._counts = (sum(1 for k in keys if not k.startswith("a:")),
                        sum(1 for k in keys if k.startswith("a:")))
        return keys

    def search(self, query: object, *, limit: int = 20, sort: str = "relevance",
               filters: dict[str, str] | None = None) -> SearchResults:
        """Never raises: a damaged index gives no results and a warning."""
        started = time.perf_counter()
        self.open()
        notices: tuple[str, ...] = ()
        if self._state in ("building", "rebuilding") and self._message:
            notices = (self._message,)
        try:
            # no cyclic garbage collection meanwhile: a query makes thousands of small
            # objects and no cycles, and a collection would walk the searcher's caches
            # (measured: 10-15 ms spikes)
            with self._search_lock, paused_gc():
                searcher, table = self._searcher_and_table()
                return run_search(searcher, table, query, limit=limit, sort=sort,
                                  filters=filters, notices=notices)
        except Exception as exc:
            damage = self._damage(exc)
            if damage is None:  # the index is whole: our bug, never an empty result
                log.exception("search failed for %r", query)
                raise
            log.warning("search index %s is damaged (%s: %s); it will be rebuilt",
                        self.directory or "in memory", type(exc).__name__, exc)
            log.debug("the read that failed", exc_info=exc)
            self._on_damage()
            return SearchResults(str(query)[:200], (), 0, warnings=(*notices, DAMAGED),
                                 elapsed=time.perf_counter() - started)

    def _damage(self, exc: Exception) -> IndexDamaged | None:
        return damage_of(exc, self.directory)

    def _on_damage(self) -> None:
        """A read failed: drop the searcher; the next open verifies and rebuilds."""
        with self._search_lock:
            try:
                if self._searcher is not None:
                    self._searcher.close()
            except Exception:
                pass
            self._searcher = None
            self._table = None
            self._tables.clear()
        with self._open_lock:
            self._ix = None
        self._set("damaged", "The search index could not be read; it will be rebuilt.")

    def close(self) -> None:
        """Cancel a background fold (waiting :data:`CLOSE_WAIT` seconds at most for it to
        stop) and release the searcher."""
        fold = self._fold
        if fold is not None and fold.running:
            fold.cancel()
            if fold.started.is_set() and not fold.wait(CLOSE_WAIT):
                log.warning("the search index's background fold is still running")
        with self._search_lock:
            if self._searcher is not None:
                with suppress(Exception):
                    self._searcher.close()
                self._searcher = None
