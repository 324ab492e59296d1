"""The batches a library update hands on while it runs (:class:`Batcher`); what an update
found is plain data (:class:`reader.model.documents.LibraryChanges`, re-exported here)."""

from __future__ import annotations

import time
from collections.abc import Callable

from reader.documents.state import FileRecord
from reader.model.documents import LibraryChanges

__all__ = ["Batcher", "LibraryChanges"]


class Batcher:
    """Collects extracted ids and hands them on in batches (every ``size`` documents or
    ``seconds``), so search can index while a large import still runs."""

    def __init__(self, on_batch: Callable[[LibraryChanges], None] | None, size: int,
                 seconds: float) -> None:
        self.on_batch = on_batch
        self.size, self.seconds = size, seconds
        self.seen: set[str] = set()
        self.failed: list[str] = []
        self._pending: list[str] = []
        self._last = time.monotonic()

    def add(self, digest: str, ok: bool) -> bool:
        """Record one result; True when a batch is due."""
        self.seen.add(digest)
        if ok:
            self._pending.append(digest)
        else:
            self.failed.append(digest)
        return bool(self.on_batch and self._pending) and (
            len(self._pending) >= self.size or time.monotonic() - self._last > self.seconds)

    def flush(self) -> None:
        if self.on_batch and self._pending:
            self.on_batch(LibraryChanges(added=tuple(self._pending)))
        self._pending = []
        self._last = time.monotonic()


def diff_records(old: dict[str, FileRecord], new: dict[str, FileRecord], *, extracted: int,
                 failed: list[str], problems: list[str]) -> LibraryChanges:
    """What an update changed, from the file records before and after (by content: a file
    whose content moved to another path is moved, not removed and added)."""
    old_hashes = {r.digest for r in old.values()}
    new_hashes = {r.digest for r in new.values()}
    added: list[str] = []
    moved: list[str] = []
    changed: list[tuple[str, str]] = []
    for rel, rec in new.items():
        prev = old.get(rel)
        if prev is None:
            (moved if rec.digest in old_hashes else added).append(rec.digest)
        elif prev.digest != rec.digest:
            changed.append((prev.digest, rec.digest))
    removed = [h for h in old_hashes - new_hashes
               if h not in {o for o, _ in changed}]
    return LibraryChanges(
        added=tuple(dict.fromkeys(h for h in added if h not in old_hashes)),
        changed=tuple(changed), moved=tuple(dict.fromkeys(moved)),
        removed=tuple(sorted(removed)), failed=tuple(dict.fromkeys(failed)),
        extracted=extracted, problems=tuple(problems))
