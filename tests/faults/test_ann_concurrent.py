"""Issue 17, finding 1: one person writing from several places at once (two windows, the
app and a script, two commands) must lose nothing. Every highlight whose save returned is
in the file at the end, and in every store once it has re-read the files; the app's own
highlights never vanish from its window."""

from __future__ import annotations

import multiprocessing as mp
import random
import threading
from pathlib import Path

import pytest

from reader.annotations.files import read_file
from tests.faults.ann_workers import memo_workspace, random_span, write_loop, write_loop_child
from tests.faults.conftest import ME


def on_disk(root: Path) -> set[str]:
    fr = read_file(root / ".policy-reader" / "annotations" / f"{ME}.json", ME, False)
    assert not fr.problems, fr.problems
    return {h.id for h in fr.highlights if not h.deleted}


def in_fresh_store(root: Path, settings: Path) -> set[str]:
    ws, _ = memo_workspace(root, settings)
    return {h.id for h in ws.annotations().all()}


def run_threads(root: Path, settings: Path, n: int, count: int, *, fresh: bool
                ) -> list[str]:
    confirmed: list[list[str]] = [[] for _ in range(n)]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            confirmed[i] = write_loop(str(root), str(settings), count, seed=i, fresh=fresh)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    return [hid for ids in confirmed for hid in ids]


def test_threads_as_one_author_lose_nothing(shared: tuple[Path, Path]) -> None:
    root, settings = shared
    confirmed = run_threads(root, settings, 4, 15, fresh=True)
    assert len(confirmed) == 60
    assert set(confirmed) - on_disk(root) == set()
    assert set(confirmed) - in_fresh_store(root, settings) == set()


def test_long_lived_stores_as_one_author_lose_nothing(shared: tuple[Path, Path]) -> None:
    """Two windows of the same person: each keeps its store open and saves after each
    highlight."""
    root, settings = shared
    confirmed = run_threads(root, settings, 3, 20, fresh=False)
    assert set(confirmed) - on_disk(root) == set()


def test_processes_as_one_author_lose_nothing(shared: tuple[Path, Path]) -> None:
    root, settings = shared
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [ctx.Process(target=write_loop_child,
                         args=(str(root), str(settings), 25, 100 + i, start, results))
             for i in range(2)]
    for p in procs:
        p.start()
    got = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
    errors = [r for _, r in got if isinstance(r, str)]
    assert not errors, errors
    confirmed = {hid for _, ids in got for hid in ids}
    assert len(confirmed) == 50
    assert confirmed - on_disk(root) == set()
    assert confirmed - in_fresh_store(root, settings) == set()


def test_the_app_keeps_its_own_highlights_against_a_script(shared: tuple[Path, Path]
                                                           ) -> None:
    """The app: one store that saves after edits and re-reads the files the watcher
    reports; a script writes as the same person meanwhile. Nothing the app saved ever
    leaves its window, and after a save its window holds what the script had saved."""
    root, settings = shared
    ws, doc_id = memo_workspace(root, settings)
    app = ws.annotations()
    app.load()
    script: list[str] = []
    done = threading.Event()

    def cli() -> None:
        try:
            script.extend(write_loop(str(root), str(settings), 30, seed=7, fresh=True))
        finally:
            done.set()

    writer = threading.Thread(target=cli)
    writer.start()
    rng = random.Random(3)
    mine: list[str] = []
    vanished: set[str] = set()
    missing_after_save: set[str] = set()
    rounds = 0
    while not done.is_set() or rounds < 10:
        rounds += 1
        mine.append(app.create(doc_id, *random_span(rng)).id)
        seen_before = set(script)  # confirmed by the script before this save started
        app.save()
        live = {h.id for h in app.all()}
        missing_after_save |= seen_before - live
        app.reload()  # the watcher noticed the file changed
        vanished |= set(mine) - {h.id for h in app.all()}
        if rounds >= 60:  # enough overlap; the script finishes on its own
            break
    writer.join(60)
    assert vanished == set()
    assert missing_after_save == set()
    app.reload()
    everything = set(mine) | set(script)
    assert everything - {h.id for h in app.all()} == set()
    assert everything - on_disk(root) == set()


def test_edits_do_not_wait_for_a_save_that_waits_for_another_writer(
        shared: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A save waiting for another process's lock on your file (a slow disk, a big file)
    must not hold up the window's edits meanwhile."""
    from reader.annotations import store_files
    from reader.locks import locked

    root, settings = shared
    ws, doc_id = memo_workspace(root, settings)
    store = ws.annotations()
    first = store.create(doc_id, *random_span(random.Random(1)))
    waiting = threading.Event()

    def watched(path: Path, **kw: object):  # type: ignore[no-untyped-def]
        waiting.set()
        return locked(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(store_files, "locked", watched)
    errors: list[BaseException] = []

    def save() -> None:
        try:
            store.save()
        except BaseException as exc:
            errors.append(exc)

    with locked(store.my_path, what="test"):  # another writer holds the file
        saver = threading.Thread(target=save)
        saver.start()
        assert waiting.wait(10)
        editor = threading.Thread(
            target=lambda: store.create(doc_id, *random_span(random.Random(2))))
        editor.start()
        editor.join(10)
        assert not editor.is_alive(), "an edit waited for the other writer's lock"
    saver.join(30)
    assert not errors, errors
    store.save()
    assert first.id in on_disk(root) and len(on_disk(root)) == 2
