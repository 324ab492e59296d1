"""The workspace watcher notices files added, changed, moved and removed anywhere in the
workspace, hands a burst on as one batch, waits for a half-written file to settle, and falls
back to a periodic check (saying so) when the folder cannot be watched (issue 13, part 6).
Waits with qtbot; never sleeps."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.ui import workspace_watcher as ww
from reader.ui.workspace_watcher import POLLING, WATCHING, WorkspaceWatcher

WAIT_MS = 5000  # the target: picked up within 5 s


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "ws" / "statutes").mkdir(parents=True)
    (tmp_path / "ws" / "statutes" / "old.txt").write_text("An old statute.", "utf-8")
    return tmp_path / "ws"


@pytest.fixture
def watcher(qtbot: Any, root: Path) -> Iterator[WorkspaceWatcher]:
    w = WorkspaceWatcher()
    w.start(root)
    qtbot.waitUntil(lambda: w._snapshot is not None, timeout=WAIT_MS)  # baseline taken
    yield w
    w.stop()


def _next_due(qtbot: Any, watcher: WorkspaceWatcher, action: Any) -> frozenset[str]:
    with qtbot.waitSignal(watcher.due, timeout=WAIT_MS) as blocker:
        action()
    return blocker.args[0]


def test_add_change_move_and_delete_are_noticed(qtbot: Any, watcher: WorkspaceWatcher,
                                                root: Path) -> None:
    assert watcher.mode == WATCHING and watcher.message == ""
    new = root / "statutes" / "sub" / "48-961.13.xml"
    new.parent.mkdir()
    got = _next_due(qtbot, watcher, lambda: new.write_text("<section/>", "utf-8"))
    assert "statutes/sub/48-961.13.xml" in got
    got = _next_due(qtbot, watcher, lambda: new.write_text("<section>2</section>", "utf-8"))
    assert got == {"statutes/sub/48-961.13.xml"}
    moved = root / "statutes" / "48-961.13.xml"
    got = _next_due(qtbot, watcher, lambda: new.rename(moved))
    assert {"statutes/sub/48-961.13.xml", "statutes/48-961.13.xml"} <= got
    got = _next_due(qtbot, watcher, moved.unlink)
    assert got == {"statutes/48-961.13.xml"}


def test_hidden_app_and_partial_files_are_ignored(qtbot: Any, watcher: WorkspaceWatcher,
                                                  root: Path) -> None:
    def write() -> None:
        (root / ".policy-reader").mkdir()
        (root / ".policy-reader" / "documents.json").write_text("{}", "utf-8")
        (root / ".hidden.pdf").write_bytes(b"%PDF")
        (root / "report.pdf.part").write_bytes(b"%PDF")
        (root / "notes.png").write_bytes(b"png")
        (root / "memo.md").write_text("# Memo", "utf-8")

    assert _next_due(qtbot, watcher, write) == {"memo.md"}


def test_a_burst_is_one_batch(qtbot: Any, watcher: WorkspaceWatcher, root: Path) -> None:
    folder = root / "title-48"
    seen: list[frozenset[str]] = []
    watcher.due.connect(seen.append)
    folder.mkdir()
    for i in range(500):
        (folder / f"48-9{i:03d}.xml").write_text("<section/>", "utf-8")
    names = {f"title-48/48-9{i:03d}.xml" for i in range(500)}
    qtbot.waitUntil(lambda: names <= set().union(*seen), timeout=3 * WAIT_MS)
    assert len(seen) <= 3  # one batch (a second if the burst outlasts the longest wait)


def test_a_half_written_file_is_handed_on_only_once_it_settles(
        qtbot: Any, watcher: WorkspaceWatcher, root: Path) -> None:
    """A sync tool writing a file in pieces: nothing is due until the writing stops, and
    then the file is complete."""
    from PySide6.QtCore import QTimer

    target = root / "statutes" / "big.txt"
    chunks = [f"Part {i} of a long statute. " * 200 for i in range(8)]
    seen: list[tuple[frozenset[str], int]] = []
    watcher.due.connect(lambda paths: seen.append((paths, target.stat().st_size)))
    writer = QTimer()
    writer.setInterval(200)  # a piece every 200 ms: slower than the debounce

    def write_piece() -> None:
        with open(target, "a", encoding="utf-8") as f:
            f.write(chunks.pop(0))
        if not chunks:
            writer.stop()

    writer.timeout.connect(write_piece)
    writer.start()
    full = sum(len(c.encode("utf-8")) for c in chunks)
    qtbot.waitUntil(lambda: any("statutes/big.txt" in p for p, _ in seen), timeout=3 * WAIT_MS)
    sizes = [size for paths, size in seen if "statutes/big.txt" in paths]
    assert sizes == [full]  # handed on once, complete


def test_recheck_looks_again_until_a_file_settles(qtbot: Any, watcher: WorkspaceWatcher,
                                                  root: Path) -> None:
    path = root / "statutes" / "old.txt"
    got = _next_due(qtbot, watcher, lambda: watcher.recheck(["statutes/old.txt"]))
    assert got == {"statutes/old.txt"} and path.exists()


def test_an_unwatchable_folder_falls_back_to_a_periodic_check(
        qtbot: Any, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Full:
        def schedule(self, *args: Any, **kwargs: Any) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(ww, "observer_factory", Full)
    w = WorkspaceWatcher()
    modes: list[tuple[str, str]] = []
    w.mode_changed.connect(lambda mode, message: modes.append((mode, message)))
    w.start(root)
    try:
        assert w.mode == POLLING
        assert modes[-1][1].startswith("Changes in this folder cannot be watched (the "
                                       "system's limit of watched folders is reached)")
        qtbot.waitUntil(lambda: w._snapshot is not None, timeout=WAIT_MS)
        new = root / "statutes" / "48-961.14.xml"
        got = _next_due(qtbot, w, lambda: new.write_text("<section/>", "utf-8"))
        assert got == {"statutes/48-961.14.xml"}
        got = _next_due(qtbot, w, new.unlink)
        assert got == {"statutes/48-961.14.xml"}
    finally:
        w.stop()


def test_a_watcher_error_of_its_own_kind_also_falls_back(qtbot: Any, root: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    class Broken:
        def schedule(self, *args: Any, **kwargs: Any) -> None:
            raise ValueError("unsupported file system")

    monkeypatch.setattr(ww, "observer_factory", Broken)
    w = WorkspaceWatcher()
    w.start(root)
    try:
        assert w.mode == POLLING and "unsupported file system" in w.message
    finally:
        w.stop()


def _kill_the_watch(w: WorkspaceWatcher) -> Any:
    """What an unmount or an error in the platform's watcher does: its thread ends."""
    observer = w._observer
    for emitter in list(observer.emitters):
        emitter.stop()
        emitter.join(2)
    return observer


def test_a_watch_that_died_is_started_again(qtbot: Any, watcher: WorkspaceWatcher,
                                            root: Path) -> None:
    dead = _kill_the_watch(watcher)
    new = root / "statutes" / "while-it-was-down.txt"
    new.write_text("Written while nothing watched.", "utf-8")
    # the health check restarts the watch and checks for what happened meanwhile
    got = _next_due(qtbot, watcher, lambda: None)
    assert got == {"statutes/while-it-was-down.txt"}
    assert watcher._observer is not dead and watcher.mode == WATCHING
    later = root / "statutes" / "after.txt"
    assert _next_due(qtbot, watcher, lambda: later.write_text("Later.", "utf-8")) == {
        "statutes/after.txt"}


def test_a_watch_that_died_and_cannot_restart_falls_back(
        qtbot: Any, watcher: WorkspaceWatcher, root: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Full:
        def schedule(self, *args: Any, **kwargs: Any) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(ww, "observer_factory", Full)
    with qtbot.waitSignal(watcher.mode_changed, timeout=WAIT_MS) as blocker:
        _kill_the_watch(watcher)
    assert blocker.args[0] == POLLING
    assert blocker.args[1].startswith("Changes in this folder can no longer be watched")
    new = root / "statutes" / "polled.txt"
    assert _next_due(qtbot, watcher, lambda: new.write_text("Found by the check.", "utf-8")) \
        == {"statutes/polled.txt"}
