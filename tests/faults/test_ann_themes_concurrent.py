"""Two windows or commands editing the group's themes at once (issue 17: a theme edit made
in one process was lost when another wrote ``themes.json`` from an older read)."""

from __future__ import annotations

import multiprocessing as mp
import threading
from pathlib import Path

from reader.annotations.themes import ThemeStore
from tests.faults.ann_workers import theme_loop, theme_loop_child


def test_processes_adding_themes_at_once_lose_none(tmp_path: Path) -> None:
    path = tmp_path / "themes.json"
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    procs = [ctx.Process(target=theme_loop_child, args=(str(path), name, 15, fresh, out))
             for name, fresh in (("Window", False), ("Command", True))]
    for p in procs:
        p.start()
    added = [tid for _ in procs for tid in out.get(timeout=120)]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert len(added) == 30
    on_disk = ThemeStore(path).taxonomy().by_id
    assert set(added) <= set(on_disk), sorted(set(added) - set(on_disk))


def test_a_long_lived_store_edits_the_latest_file(tmp_path: Path) -> None:
    path = tmp_path / "themes.json"
    window, command = ThemeStore(path), ThemeStore(path)
    first = window.add("From the window")
    second = command.add("From a command")
    renamed = window.rename(first.id, "Renamed in the window")  # read before the command
    third = threading.Thread(target=lambda: theme_loop(str(path), "Thread", 5, True))
    third.start()
    third.join()
    tax = ThemeStore(path).taxonomy()
    assert tax.by_id[renamed.id].label == "Renamed in the window"
    assert second.id in tax.by_id
    assert sum(1 for t in tax.themes if t.label.startswith("Thread theme")) == 5
