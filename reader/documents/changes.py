"""What an update found between two scans (:func:`diff_records`; plain data:
:class:`reader.model.documents.LibraryChanges`, re-exported here), and the batches it hands
on while it runs (:class:`Batcher`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from reader.model.documents import LibraryChanges

__all__ = ["Batcher", "LibraryChanges", "diff_records"]

if TYPE_CHECKING:
    from reader.documents.state import FileRecord


def diff_records(old: Mapping[str, FileRecord], new: Mapping[str, FileRecord], *,
                 extracted: int, failed: list[str], problems: list[str]) -> LibraryChanges:
    """What changed between two scans (path → record), in document ids."""
    old_hashes = {r.digest for r in old.values()}
    new_hashes = {r.digest for r in new.values()}
    # a known content at a new path moved when one of its old paths is gone (else the
    # new path is another copy of it)
    left = {r.digest for rel, r in old.items()
            if rel not in new or new[rel].digest != r.digest}
    added: list[str] = []
    moved: list[str] = []
    copies: list[str] = []
    changed: list[tuple[str, str]] = []
    for rel, rec in new.items():
        prev = old.get(rel)
        if prev is None:
            if rec.digest not in old_hashes:
                added.append(rec.digest)
            else:
                (moved if rec.digest in left else copies).append(rec.digest)
        elif prev.digest != rec.digest:
            changed.append((prev.digest, rec.digest))
    replaced = {o for o, _ in changed}
    removed = [h for h in old_hashes - new_hashes if h not in replaced]
    return LibraryChanges(
        added=tuple(dict.fromkeys(h for h in added if h not in old_hashes)),
        changed=tuple(changed), moved=tuple(dict.fromkeys(moved)),
        copies=tuple(dict.fromkeys(h for h in copies if h not in moved)),
        removed=tuple(sorted(removed)), failed=tuple(dict.fromkeys(failed)),
        extracted=extracted, problems=tuple(problems))


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

