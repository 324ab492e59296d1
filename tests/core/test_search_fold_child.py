"""The app folds the index's tiny segments in a child process (the window's main thread
never waits on Whoosh's merge for the interpreter lock): the fold happens there, a
stopped child leaves the index whole and unlocked, and a child that finds another process
writing folds nothing and says nothing."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from reader.progress import CancelToken, TaskFn, no_progress
from reader.search import merging
from reader.search.engine import FOLD_TINY, SearchEngine
from reader.search.rows import doc_rows
from reader.search.upkeep import fold_in_child

from .search_fixtures import make_doc


class Held:
    """A scheduler that keeps the jobs it is given, to run them when the test says."""

    def __init__(self) -> None:
        self.jobs: list[tuple[TaskFn, str]] = []

    def __call__(self, fn: TaskFn, label: str) -> None:
        self.jobs.append((fn, label))


def _engine_with_tiny_segments(tmp_path: Path) -> tuple[SearchEngine, Held]:
    held = Held()
    engine = SearchEngine(tmp_path / "index", scheduler=held)
    engine.fold_in_child = True
    for k in range(FOLD_TINY):
        doc, text = make_doc(f"more/{k}.txt", f"Extra document {k} about naloxone.")
        with engine.writing() as w:
            w.replace(doc.id, doc_rows(doc, text))
    return engine, held


def _segments(engine: SearchEngine) -> int:
    engine.open()
    return len(list(engine._ix._segments()))


def test_the_fold_runs_in_a_child_process(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    engine, held = _engine_with_tiny_segments(tmp_path)

    def not_here(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("the fold merged in this process")

    monkeypatch.setattr(merging, "merge_policy", not_here)  # the child imports its own
    assert [label for _f, label in held.jobs] == ["Tidying the search index"]
    held.jobs[0][0](no_progress, CancelToken())
    assert not engine.folding() and _segments(engine) == 1
    assert engine.search("extra naloxone").total == FOLD_TINY
    assert engine.status().documents == FOLD_TINY


def test_a_stopped_child_leaves_the_index_whole_and_unlocked(tmp_path: Path) -> None:
    engine, _held = _engine_with_tiny_segments(tmp_path)
    token = CancelToken()
    asked: list[int] = []

    def cancel_soon() -> bool:  # the child is stopped while it starts or merges
        asked.append(1)
        if len(asked) == 2:
            token.cancel()
        return token.cancelled

    with pytest.raises(Exception, match="cancelled"):
        fold_in_child(engine.directory, cancel_soon)  # type: ignore[arg-type]
    assert _segments(engine) in (1, FOLD_TINY)  # before or after its commit, never between
    with engine.writing(timeout=0.5):  # the lock died with the child
        pass
    assert engine.search("extra naloxone").total == FOLD_TINY


def test_a_child_that_finds_another_writer_folds_nothing(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine, _held = _engine_with_tiny_segments(tmp_path)
    other = SearchEngine(tmp_path / "index", scheduler=Held())  # another window's writer
    with caplog.at_level(logging.WARNING), other.writing():
        assert fold_in_child(engine.directory, lambda: False) is False  # type: ignore[arg-type]
    assert _segments(engine) == FOLD_TINY
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert engine.search("extra naloxone").total == FOLD_TINY


def test_a_child_that_fails_is_logged_and_changes_nothing(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine, _held = _engine_with_tiny_segments(tmp_path)
    with caplog.at_level(logging.WARNING):
        assert fold_in_child(tmp_path / "no-index-here", lambda: False) is False
    assert any("child process failed" in r.getMessage() for r in caplog.records)
    assert _segments(engine) == FOLD_TINY
