"""What a live workspace needs below the GUI: which paths matter, a cheap snapshot to compare
(for file systems that send no events), and when a file has *settled* — a sync tool or a
download may still be writing it, and a half-written file must never be read as the
document.

Everything here is plain Python over ``os.stat``; the folder watching itself (events, the
debounce, the periodic check) is the GUI's (:mod:`reader.ui.workspace_watcher`), and what
is done about a change is the same refresh the rest of the app uses
(:func:`reader.ops.library.refresh`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from reader.documents.scan import scan_workspace
from reader.extract.registry import is_candidate
from reader.paths import DATA_DIRNAME

#: A file is settled when its size and time have not changed between two looks at least
#: this far apart, and it was last written at least this long ago (seconds).
SETTLE_S = 0.6
#: Names sync tools and browsers give files they are still writing (besides hidden ones,
#: which the library never reads): "report.pdf.part", "x.crdownload", "~$memo.docx" …
_PARTIAL_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".tmp", ".temp",
                     ".swp", ".!sync", ".filepart")
_SKIP_PREFIXES = (".", "~$", "~lock.")
_SKIP_DIRS = {DATA_DIRNAME, "__pycache__", "node_modules"}

Stat = tuple[int, int]  # (size, mtime_ns)
Snapshot = dict[str, Stat]


def relevant(rel: str, *, is_dir: bool = False) -> bool:
    """Whether a change at ``rel`` (workspace-relative, POSIX) can change the library: a
    document file or a folder, outside hidden and app folders, not a partial download."""
    parts = PurePosixPath(rel).parts
    if not parts or rel in (".", ""):
        return False
    if any(p.startswith(".") or p in _SKIP_DIRS for p in parts[:-1]):
        return False
    name = parts[-1]
    if name.startswith(_SKIP_PREFIXES) or name in _SKIP_DIRS:
        return False
    if is_dir:
        return True
    if name.lower().endswith(_PARTIAL_SUFFIXES):
        return False
    return is_candidate(Path(name))


def snapshot(root: Path) -> Snapshot:
    """Every document file the library would read, with its size and time (what a
    periodic check compares when the folder cannot be watched)."""
    return {rel: (st.size, st.mtime_ns) for rel, st in scan_workspace(root).files.items()}


def differences(old: Snapshot, new: Snapshot) -> set[str]:
    """Paths added, removed or changed between two snapshots."""
    return {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}


def stat_of(path: Path) -> Stat | None:
    """(size, mtime_ns) of a regular file; None when it is gone (or is not a file)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if not os.path.isdir(path) else None


@dataclass
class Settler:
    """Collects changed paths and hands them on once each has settled: unchanged between
    two looks :data:`SETTLE_S` apart and not written in the last :data:`SETTLE_S`. A path
    that is gone is handed on at once (a removal or a move's old name). ``stat`` and
    ``clock`` are replaceable for tests."""

    root: Path
    stat: Callable[[Path], Stat | None] = stat_of
    clock: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    settle_s: float = SETTLE_S
    _pending: dict[str, tuple[Stat | None, float]] = field(default_factory=dict)

    def note(self, paths: Iterable[str]) -> None:
        """These paths changed (an event, or a difference between two snapshots)."""
        now = self.clock()
        for rel in paths:
            self._pending[rel] = (self.stat(self.root / rel), now)

    @property
    def pending(self) -> frozenset[str]:
        return frozenset(self._pending)

    def take_settled(self) -> frozenset[str]:
        """The pending paths that have settled (removed from the pending set); the others
        wait for the next look."""
        now, wall = self.clock(), self.wall()
        ready = set()
        for rel, (seen, since) in list(self._pending.items()):
            current = self.stat(self.root / rel)
            if current is None:
                ready.add(rel)
            elif current != seen:  # still being written: look again later
                self._pending[rel] = (current, now)
            elif now - since >= self.settle_s and wall - current[1] / 1e9 >= self.settle_s:
                ready.add(rel)
        for rel in ready:
            del self._pending[rel]
        return frozenset(ready)

    def forget(self) -> None:
        self._pending.clear()
