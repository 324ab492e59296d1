"""Issue 17, finding 8: two first commands at once on a fresh machine must end with one
annotator id (else one of them files a highlight under an id that is no longer yours)."""

from __future__ import annotations

import json
import multiprocessing as mp
import threading
from pathlib import Path

import pytest

from reader import settings as settings_module
from reader.annotations.identity import current_author
from reader.errors import StorageError
from reader.settings import Settings
from tests.faults.ann_workers import identity_child


def test_processes_starting_at_once_agree_on_one_id(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(3)
    results = ctx.Queue()
    procs = [ctx.Process(target=identity_child, args=(str(path), start, results))
             for _ in range(3)]
    for p in procs:
        p.start()
    ids = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
    assert not [i for i in ids if i.startswith("error")], ids
    assert len(set(ids)) == 1
    assert json.loads(path.read_text("utf-8"))["author.id"] == ids[0]


def test_threads_with_their_own_settings_agree_on_one_id(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    loaded = [Settings(path) for _ in range(6)]  # each read the (missing) file first
    ids: list[str] = []
    barrier = threading.Barrier(len(loaded))

    def first_use(s: Settings) -> None:
        barrier.wait(10)
        ids.append(current_author(s).id)

    threads = [threading.Thread(target=first_use, args=(s,)) for s in loaded]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(ids) == 6 and len(set(ids)) == 1
    assert Settings(path).get("author.id") == ids[0]


def test_a_setting_saved_elsewhere_is_not_undone_by_another_change(tmp_path: Path) -> None:
    """Saving one setting writes the file's latest content plus that setting: another
    process's id (or name) saved meanwhile is kept."""
    path = tmp_path / "settings.json"
    app, cli = Settings(path), Settings(path)  # both started before any id existed
    me = current_author(cli).id
    app.set("ui.zoom", 120)
    assert Settings(path).get("author.id") == me
    assert current_author(app).id == me


def test_a_setting_that_could_not_be_saved_is_kept_and_saved_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    me = current_author(settings).id
    real = settings_module.atomic_write_json

    def full(*_a: object, **_k: object) -> None:
        raise StorageError("Cannot write settings.json: No space left on device.")

    monkeypatch.setattr(settings_module, "atomic_write_json", full)
    with pytest.raises(StorageError):
        settings.set("author.name", "Maria G")
    assert settings.get("author.name") == "Maria G"  # kept for this session
    monkeypatch.setattr(settings_module, "atomic_write_json", real)
    settings.set("ui.zoom", 110)  # the next change writes both
    again = Settings(path)
    assert (again.get("author.name"), again.get("ui.zoom"), again.get("author.id")) == (
        "Maria G", 110, me)
