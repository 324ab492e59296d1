"""What a library update found (:class:`LibraryChanges`), and the batches it hands on while
it runs (:class:`Batcher`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from reader.model.imports import ImportSummary


@dataclass(frozen=True)
class LibraryChanges:
    """What an update found (document ids). ``problems`` are one-line reasons for the
    person (a missing path, a file deleted while the run went on)."""

    added: tuple[str, ...] = ()
    changed: tuple[tuple[str, str], ...] = ()  # (old id, new id) at the same path
    moved: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    extracted: int = 0
    problems: tuple[str, ...] = ()
    copied: tuple[str, ...] = ()  # an import's files, as copied into the workspace
    not_copied: tuple[str, ...] = ()  # an import's problems (also in ``problems``)
    summary: ImportSummary | None = None  # an import's file-by-file summary
    #: workspace paths of files that changed while they were read (a sync tool still
    #: writing): read again by the next update; a live workspace looks at them again
    unsettled: tuple[str, ...] = ()

    @property
    def touched(self) -> tuple[str, ...]:
        """Ids whose searchable content is new: added, changed (new id) and extracted."""
        return tuple(dict.fromkeys([*self.added, *(new for _, new in self.changed)]))

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.moved or self.removed
                    or self.failed or self.extracted or self.problems)


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
