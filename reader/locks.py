"""Locks between processes (and threads) that write the same file: an OS file lock taken
through the ``filelock`` library (``flock`` on Linux and macOS, ``LockFileEx`` on
Windows). The OS releases it when its process dies, even by ``kill -9``, so a crash never
leaves a file locked.

A lock guards a read-merge-write: whoever holds it re-reads the file, merges and replaces
it, so no writer can replace the file between another writer's read and its write. The
lock is a separate small file beside the one it guards (``.<name>.lock``, hidden), left in
place after use.

If the lock file cannot be created (a read-only folder, a file system without locks), the
work goes on without the lock and this is logged: the write that follows reports the real
problem (nothing can be written in a read-only folder anyway).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.errors import FileBusy

log = logging.getLogger(__name__)

#: How long a writer waits for another one to finish (a save of a 100 MB file takes a few
#: seconds on a slow disk).
LOCK_TIMEOUT = 60.0
#: How often a waiting writer tries again (a save of a small file takes a few ms).
POLL_SECONDS = 0.01


def lock_path_for(path: Path) -> Path:
    """The lock file that guards ``path``."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path, *, what: str, timeout: float = LOCK_TIMEOUT) -> Iterator[bool]:
    """Hold the lock guarding ``path`` (whether a lock is really held: ``False`` when the
    lock file could not be made). ``FileBusy`` when another writer holds it longer
    than ``timeout`` seconds."""
    from filelock import FileLock, Timeout  # ~40 ms of imports: only when writing

    lock = FileLock(lock_path_for(path), timeout=timeout, poll_interval=POLL_SECONDS)
    try:
        lock.acquire()
    except Timeout as exc:
        raise FileBusy(
            f"{what} is being written by another Policy Reader window or command that did "
            f"not finish within {timeout:.0f} seconds.", "Try again in a moment.") from exc
    except (OSError, NotImplementedError) as exc:
        log.warning("cannot lock %s (%s); writing without a lock", path.name, exc)
        yield False
        return
    try:
        yield True
    finally:
        try:
            lock.release()
        except OSError as exc:  # the descriptor is closed either way
            log.warning("cannot unlock %s: %s", path.name, exc)
