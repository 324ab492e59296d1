"""Work done in spawned processes by the fault tests and the fault benchmark (importable
by a child process: no fixtures, plain arguments)."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
from pathlib import Path

from reader.errors import ReaderError
from reader.settings import Settings
from tests.core.annotations_fixtures import MEMO, FakeLibrary, make_workspace

WORDS = [w for w in MEMO.split() if w.isalpha() and len(w) > 3]


def memo_workspace(root: Path, settings_path: Path):
    lib = FakeLibrary()
    doc = lib.add("memos/memo.txt", MEMO)
    return make_workspace(Path(root), lib, Settings(Path(settings_path))), doc.id


def random_span(rng: random.Random) -> tuple[int, int]:
    word = rng.choice(WORDS)
    start = MEMO.index(word)
    return start, start + len(word)


def write_loop(root: str, settings_path: str, count: int, seed: int, *,
               fresh: bool = True, confirm: str = "") -> list[str]:
    """Create ``count`` highlights as the settings' author, saving after each; with
    ``fresh`` every round opens a new store (as one CLI command per highlight does).
    The ids whose save returned; with ``confirm`` each is also appended to that file as
    soon as its save returned (read after a kill -9)."""
    rng = random.Random(seed)
    confirmed: list[str] = []
    ws, doc_id = memo_workspace(Path(root), Path(settings_path))
    out = open(confirm, "a", buffering=1, encoding="utf-8") if confirm else None  # noqa: SIM115
    try:
        for _ in range(count):
            if fresh:
                ws, doc_id = memo_workspace(Path(root), Path(settings_path))
            store = ws.annotations()
            store.load()
            h = store.create(doc_id, *random_span(rng), note=f"seed {seed}")
            try:
                store.save()
            except ReaderError:
                continue
            confirmed.append(h.id)
            if out is not None:
                out.write(h.id + "\n")
    finally:
        if out is not None:
            out.close()
    return confirmed


def write_loop_child(root: str, settings_path: str, count: int, seed: int,
                     start: mp.synchronize.Barrier | None, results: mp.Queue) -> None:
    """:func:`write_loop` in a process; ``start``: every child begins at the same time."""
    memo_workspace(Path(root), Path(settings_path))  # the imports done before the start
    if start is not None:
        start.wait(60)
    try:
        results.put((os.getpid(), write_loop(root, settings_path, count, seed)))
    except BaseException as exc:  # report, never hang the parent
        results.put((os.getpid(), f"error: {exc!r}"))


def identity_child(settings_path: str, start: mp.synchronize.Barrier,
                   results: mp.Queue) -> None:
    """Like a command starting on a fresh machine: settings read at start-up, then the
    identity asked for (at the same moment as the other processes)."""
    from reader.annotations.identity import current_author

    settings = Settings(Path(settings_path))
    start.wait(60)
    try:
        results.put(current_author(settings).id)
    except BaseException as exc:
        results.put(f"error: {exc!r}")


def theme_loop(themes_file: str, prefix: str, count: int, fresh: bool) -> list[str]:
    """Add ``count`` themes to ``themes_file`` (a fresh ThemeStore per edit with ``fresh``,
    as one command per edit; else one long-lived store, as a window); the ids added."""
    from reader.annotations.themes import ThemeStore

    added: list[str] = []
    store = ThemeStore(Path(themes_file))
    for i in range(count):
        if fresh:
            store = ThemeStore(Path(themes_file))
        added.append(store.add(f"{prefix} theme {i}").id)
    return added


def theme_loop_child(themes_file: str, prefix: str, count: int, fresh: bool,
                     out: mp.Queue) -> None:  # type: ignore[type-arg]
    out.put(theme_loop(themes_file, prefix, count, fresh))
