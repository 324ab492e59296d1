"""Damage or bug: a damaged index (files junk or missing) is said and rebuilt; a bug while
searching a whole index is logged with its traceback and raised, never an empty result.
The background fold is cancellable: closing the engine stops it between segments."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import reader.search.engine as engine_module
from reader.errors import REBUILD_HINT
from reader.progress import CancelToken, TaskFn, no_progress
from reader.search import merging
from reader.search.engine import FOLD_TINY, SearchEngine
from reader.search.recovery import DAMAGED
from reader.search.rows import doc_rows
from reader.search.upkeep import CLOSE_WAIT

from .search_fixtures import build_engine, make_doc, sample_docs


def _boom(*_args: object, **_kw: object) -> None:
    raise TypeError("unsupported operand type(s) for +: 'int' and 'str'")


def test_a_bug_while_searching_is_raised_and_logged_not_called_damage(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    engine = build_engine(tmp_path / "index", sample_docs())
    assert engine.search("naloxone").total == 4
    before = engine.status()
    monkeypatch.setattr(engine_module, "run_search", _boom)
    with caplog.at_level(logging.ERROR, "reader.search.engine"), \
            pytest.raises(TypeError, match="unsupported operand"):
        engine.search("naloxone")
    assert any(r.exc_info and r.exc_info[0] is TypeError for r in caplog.records)
    assert engine.status() == before and not engine.needs_fill()  # nothing set aside
    assert not (tmp_path / "index.damaged").exists()
    monkeypatch.undo()
    assert engine.search("naloxone").total == 4


@pytest.mark.parametrize("error", [KeyError("naloxon"), IndexError("list index out of range")])
def test_an_unexpected_error_on_damaged_files_is_damage(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    """Not a type damaged files usually raise, but the index no longer verifies: damage."""
    d = tmp_path / "index"
    engine = build_engine(d, sample_docs())
    assert engine.search("naloxone").total == 4
    for p in d.glob("*.seg"):
        p.write_bytes(b"junk")

    def fails(*_a: object, **_k: object) -> None:
        raise error

    monkeypatch.setattr(engine_module, "run_search", fails)
    r = engine.search("naloxone")
    assert (r.total, r.groups) == (0, ())
    assert r.warnings[-1] == DAMAGED
    # the next use verifies, sets the damage aside and starts afresh
    assert engine.status().state == "rebuilding" and engine.needs_fill()
    assert (tmp_path / "index.damaged").is_dir()


def test_damage_is_a_reader_error_with_a_rebuild_hint(tmp_path: Path) -> None:
    from reader.errors import IndexDamaged, SearchIndexError
    from reader.search.recovery import damage_of

    d = tmp_path / "index"
    build_engine(d, sample_docs()).close()
    damage = damage_of(EOFError("truncated"), d)
    assert isinstance(damage, IndexDamaged) and isinstance(damage, SearchIndexError)
    assert damage.message == DAMAGED and damage.hint == REBUILD_HINT
    assert "index --rebuild" in str(damage)
    assert damage_of(TypeError("a bug"), d) is None  # the files verify: a bug
    assert damage_of(TypeError("a bug"), None) is None  # in memory: always a bug
    for p in d.glob("*.seg"):
        p.unlink()
    assert damage_of(TypeError("?"), d) is not None  # missing segments: damage


# --- the background fold -------------------------------------------------------------------

class Held:
    """A scheduler that keeps the jobs it is given, to run them when the test says."""

    def __init__(self) -> None:
        self.jobs: list[tuple[TaskFn, str]] = []

    def __call__(self, fn: TaskFn, label: str) -> None:
        self.jobs.append((fn, label))


def _one_document_commits(engine: SearchEngine, n: int) -> None:
    for k in range(n):
        doc, text = make_doc(f"more/{k}.txt", f"Extra document {k} about naloxone.")
        with engine.writing() as w:
            w.replace(doc.id, doc_rows(doc, text))


def _segments(engine: SearchEngine) -> int:
    engine.open()
    return len(list(engine._ix._segments()))


def test_the_fold_runs_on_the_scheduler_it_is_given(tmp_path: Path) -> None:
    held = Held()
    engine = SearchEngine(tmp_path / "index", scheduler=held)
    _one_document_commits(engine, FOLD_TINY)
    assert [label for _f, label in held.jobs] == ["Tidying the search index"]
    assert engine.folding() and _segments(engine) == FOLD_TINY
    fn, _label = held.jobs[0]
    fn(no_progress, CancelToken())
    assert not engine.folding() and _segments(engine) == 1
    assert engine.search("extra naloxone").total == FOLD_TINY


def test_a_cancelled_fold_changes_nothing_and_releases_the_lock(tmp_path: Path) -> None:
    held = Held()
    engine = SearchEngine(tmp_path / "index", scheduler=held)
    _one_document_commits(engine, FOLD_TINY)
    token = CancelToken()
    token.cancel()  # the GUI's task runner cancelled it (shutdown)
    fn, _label = held.jobs[0]
    fn(no_progress, token)
    assert not engine.folding() and _segments(engine) == FOLD_TINY
    with engine.writing(timeout=0.5):  # the index is not left locked
        pass
    assert engine.search("extra naloxone").total == FOLD_TINY


def test_a_fold_cancelled_between_segments_is_rolled_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held = Held()
    engine = SearchEngine(tmp_path / "index", scheduler=held)
    _one_document_commits(engine, FOLD_TINY)
    token = CancelToken()
    asked: list[int] = []
    real = merging.merge_policy

    def policy(bulk: bool, **kw: Any) -> Any:
        inner = kw.pop("is_cancelled")

        def is_cancelled() -> bool:  # cancelled once two segments were read
            asked.append(1)
            if len(asked) == 3:
                token.cancel()
            return bool(inner())

        return real(bulk, is_cancelled=is_cancelled, **kw)

    monkeypatch.setattr(merging, "merge_policy", policy)
    held.jobs[0][0](no_progress, token)
    assert len(asked) == 3
    assert _segments(engine) == FOLD_TINY  # the half-done commit was cancelled
    assert engine.search("extra naloxone").total == FOLD_TINY


def test_closing_cancels_a_running_fold_and_waits_for_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inside = threading.Event()
    real = merging.merge_policy

    def policy(bulk: bool, **kw: Any) -> Any:
        inner = kw.pop("is_cancelled", None)
        if inner is None:  # an ordinary commit
            return real(bulk, **kw)

        def is_cancelled() -> bool:  # a long step, which ends when closing cancels it
            inside.set()
            assert engine._fold is not None
            engine._fold.token.wait(30)
            return bool(inner())

        return real(bulk, is_cancelled=is_cancelled, **kw)

    monkeypatch.setattr(merging, "merge_policy", policy)
    engine = SearchEngine(tmp_path / "index")  # the default scheduler: a thread
    _one_document_commits(engine, FOLD_TINY)
    assert inside.wait(30) and engine.folding()
    started = time.monotonic()
    engine.close()
    assert time.monotonic() - started < CLOSE_WAIT
    assert not engine.folding()
    again = SearchEngine(tmp_path / "index")
    assert _segments(again) == FOLD_TINY  # not folded, nothing lost
    assert again.search("extra naloxone").total == FOLD_TINY
