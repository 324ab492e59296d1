"""A live workspace: notices files added, changed, moved or removed anywhere in the
workspace while the app runs — by a sync tool, a file manager or the command line — and
says when the library should be refreshed (:attr:`WorkspaceWatcher.due`).

* **Events**: watchdog's observer for the platform (inotify, FSEvents, ReadDirectoryChangesW)
  watches the whole tree, new folders included (``QFileSystemWatcher`` would need a watch
  per folder, and has per-process limits). Its thread only forwards workspace-relative
  paths to the GUI thread (:attr:`_event`); hidden, app and partial-download files are
  ignored (:func:`reader.ops.live.relevant`).
* **Debounce**: a burst (a sync of 500 files) becomes one batch: :data:`DEBOUNCE_MS` after
  the last event, or :data:`MAX_WAIT_MS` after the first while events keep coming.
* **Settling**: a file still being written is not handed on: it must be unchanged between
  two looks and not written in the last moment
  (:class:`~reader.ops.live.Settler`); it is looked at again until it settles.
* **Periodic check**: a snapshot of the tree (sizes and times, on a worker thread) compared
  with the last one — every :data:`POLL_MS` when the folder cannot be watched (an inotify
  limit reached, a file system without events: :attr:`mode` says so), and every
  :data:`SAFETY_POLL_MS` otherwise, for events a network share never sends.
* **Health**: every :data:`HEALTH_MS` the observer's threads are looked at; a watch that
  died (its folder unmounted and back, an error in the platform's watcher) is started
  again, or replaced by the periodic check (saying so), and a check runs at once for what
  happened meanwhile.

What is done about a change is not decided here: the window runs the same refresh as
Tools → Re-index and calls :meth:`recheck` for files the refresh found still changing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from reader.ops.live import Settler, Snapshot, differences, relevant, snapshot

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
MAX_WAIT_MS = 2000
SETTLE_LOOK_MS = 350  # how soon a file still being written is looked at again
HOLD_MS = 1500  # how long settled paths wait for the rest of their batch to settle
POLL_MS = 1500
SAFETY_POLL_MS = 30_000
HEALTH_MS = 2000

WATCHING, POLLING, STOPPED = "watching", "polling", "stopped"


def _default_observer() -> Any:
    from watchdog.observers import Observer

    return Observer()


#: Makes the watchdog observer (replaced in tests to simulate a folder that cannot be
#: watched).
observer_factory: Callable[[], Any] = _default_observer


class _Handler:
    """watchdog's event handler interface, forwarding relevant paths (watchdog thread)."""

    def __init__(self, root: Path, forward: Callable[[str], None]) -> None:
        self.root = str(root)
        self.forward = forward

    def dispatch(self, event: Any) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type not in ("deleted", "moved"):
            return  # its files send their own events (those moved in too)
        for attr in ("src_path", "dest_path"):
            path = getattr(event, attr, "")
            if isinstance(path, bytes):
                path = os.fsdecode(path)
            if not path:
                continue
            rel = os.path.relpath(path, self.root).replace(os.sep, "/")
            if rel.startswith("..") or not relevant(rel, is_dir=event.is_directory):
                continue
            self.forward(rel)


class WorkspaceWatcher(QObject):
    """Watches one workspace folder. ``due`` carries the workspace-relative paths that
    changed and settled (a frozenset); ``mode_changed`` says how the folder is watched, in a
    sentence for the status bar when it is only checked periodically."""

    due = Signal(object)
    mode_changed = Signal(str, str)  # mode, message
    _event = Signal(str)  # from the observer's thread
    _snapshot_ready = Signal(object, int)  # (snapshot or None, generation) from a thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root: Path | None = None
        self.mode = STOPPED
        self.message = ""
        self._observer: Any = None
        self._settler: Settler | None = None
        self._snapshot: Snapshot | None = None
        self._snapshotting = False
        self._generation = 0
        self._first_event = 0.0
        self._ready: set[str] = set()  # settled, waiting for the rest of the batch
        self._ready_since = 0.0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.timeout.connect(self._look)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._start_snapshot)
        self._health = QTimer(self)
        self._health.timeout.connect(self._check_health)
        self._event.connect(self._on_event)
        self._snapshot_ready.connect(self._on_snapshot)

    # -- control ----------------------------------------------------------------------------
    def start(self, root: Path) -> None:
        """Watch ``root`` (stopping any earlier watch)."""
        self.stop()
        self.root = Path(root)
        self._settler = Settler(self.root)
        self._generation += 1
        reason = self._start_observer()
        if reason:
            self._set_mode(POLLING, f"Changes in this folder cannot be watched ({reason}): "
                                    f"checking every {POLL_MS / 1000:g} s instead.")
            self._poll.start(POLL_MS)
        else:
            self._set_mode(WATCHING, "")
            self._poll.start(SAFETY_POLL_MS)
        self._start_snapshot()  # the baseline the periodic check compares with
        self._health.start(HEALTH_MS)

    def stop(self) -> None:
        self._generation += 1
        self._poll.stop()
        self._health.stop()
        self._debounce.stop()
        self._stop_observer()
        if self._settler is not None:
            self._settler.forget()
        self._ready = set()
        self._snapshot = None
        if self.mode != STOPPED:
            self._set_mode(STOPPED, "")

    def recheck(self, paths: Iterable[str]) -> None:
        """Look at these paths again until they settle (a refresh found them changing)."""
        paths = [p for p in paths if p]
        if paths and self._settler is not None:
            self._settler.note(paths)
            if not self._debounce.isActive():
                self._first_event = time.monotonic()
                self._debounce.start(SETTLE_LOOK_MS)

    @property
    def pending(self) -> frozenset[str]:
        return self._settler.pending if self._settler else frozenset()

    # -- watching ---------------------------------------------------------------------------
    def _start_observer(self) -> str:
        """"" when events will come, else why not (for the status bar)."""
        assert self.root is not None
        try:
            observer = observer_factory()
            observer.schedule(_Handler(self.root, self._forward), str(self.root),
                              recursive=True)
            observer.daemon = True
            observer.start()
        except OSError as exc:
            log.warning("cannot watch %s: %s", self.root, exc)
            return _why(exc)
        except Exception as exc:  # watchdog raises its own errors for some file systems
            log.warning("cannot watch %s", self.root, exc_info=True)
            return str(exc) or type(exc).__name__
        self._observer = observer
        return ""

    def _stop_observer(self) -> None:
        if self._observer is not None:
            observer, self._observer = self._observer, None
            try:
                observer.stop()
                observer.join(timeout=2)
            except (OSError, RuntimeError) as exc:
                log.info("stopping the folder watcher: %s", exc)

    def _observer_alive(self) -> bool:
        observer = self._observer
        if observer is None:
            return False
        try:
            emitters = list(observer.emitters)
            return bool(observer.is_alive() and emitters
                        and all(e.is_alive() for e in emitters))
        except Exception:  # not the observer we know: trust it
            return True

    def _check_health(self) -> None:
        """A watch whose threads ended is started again, or replaced by the periodic
        check; either way a check looks for what changed meanwhile."""
        if self.mode != WATCHING or self.root is None or self._observer_alive():
            return
        log.warning("the folder watcher of %s stopped; starting it again", self.root)
        self._stop_observer()
        reason = self._start_observer()
        if reason:
            self._set_mode(POLLING, f"Changes in this folder can no longer be watched "
                                    f"({reason}): checking every {POLL_MS / 1000:g} s "
                                    "instead.")
            self._poll.start(POLL_MS)
        self._start_snapshot()

    def _forward(self, rel: str) -> None:  # the observer's thread
        with contextlib.suppress(RuntimeError):  # the watcher was deleted meanwhile
            self._event.emit(rel)

    def _set_mode(self, mode: str, message: str) -> None:
        self.mode, self.message = mode, message
        self.mode_changed.emit(mode, message)

    def _on_event(self, rel: str) -> None:
        if self._settler is None:
            return
        self._settler.note([rel])
        now = time.monotonic()
        if not self._debounce.isActive():
            self._first_event = now
        left = MAX_WAIT_MS - (now - self._first_event) * 1000
        self._debounce.start(int(max(0, min(DEBOUNCE_MS, left))))

    def _look(self) -> None:
        if self._settler is None:
            return
        now = time.monotonic()
        ready = self._settler.take_settled()
        if ready and not self._ready:
            self._ready_since = now
        self._ready |= ready
        if self._settler.pending:
            self._debounce.start(SETTLE_LOOK_MS)
            if (now - self._ready_since) * 1000 < HOLD_MS:
                return  # one batch: a move's two names, a burst, together
        if self._ready:
            batch, self._ready = frozenset(self._ready), set()
            log.info("workspace changed: %d path(s)", len(batch))
            self.due.emit(batch)

    # -- the periodic check -----------------------------------------------------------------
    def _start_snapshot(self) -> None:
        if self._snapshotting or self.root is None:
            return
        self._snapshotting = True
        root, generation = self.root, self._generation

        def work() -> None:
            try:
                found: Snapshot | None = snapshot(root)
            except OSError as exc:
                log.info("cannot check %s for changes: %s", root, exc)
                found = None
            with contextlib.suppress(RuntimeError):  # the watcher was deleted meanwhile
                self._snapshot_ready.emit(found, generation)

        threading.Thread(target=work, name="workspace-check", daemon=True).start()

    def _on_snapshot(self, found: Snapshot | None, generation: int) -> None:
        self._snapshotting = False
        if generation != self._generation or found is None:
            return
        before, self._snapshot = self._snapshot, found
        if before is None:
            return
        changed = differences(before, found)
        if changed:
            log.info("periodic check: %d path(s) changed", len(changed))
            for rel in sorted(changed):
                self._on_event(rel)


def _why(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EMFILE):
        return "the system's limit of watched folders is reached"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)
