"""The batches a library update hands on while it runs (:class:`Batcher`); what an update
found is plain data (:class:`reader.model.documents.LibraryChanges`, re-exported here)."""

from __future__ import annotations

import time
from collections.abc import Callable

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
