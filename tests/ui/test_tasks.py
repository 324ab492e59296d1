"""The task runner: results, errors, cancellation and progress arrive on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from reader.errors import Cancelled, DamagedFile
from reader.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.cancel_all()
    assert r.drain(10_000)


def test_result_arrives_on_the_gui_thread(qtbot, runner) -> None:
    seen = {}

    def done(value: int) -> None:
        seen["value"] = value
        seen["thread"] = threading.current_thread() is threading.main_thread()

    worker_thread = {}

    def work(progress, cancel):
        worker_thread["main"] = threading.current_thread() is threading.main_thread()
        progress(1, 2, "half")
        return 42

    task = runner.run(work, label="answer", on_done=done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == {"value": 42, "thread": True}
    assert worker_thread == {"main": False}
    assert runner.idle()


def test_reader_error_goes_to_on_error_and_others_to_task_failed(qtbot, runner) -> None:
    errors = []
    task = runner.run(lambda p, c: (_ for _ in ()).throw(DamagedFile("broken.pdf is damaged.")),
                      label="x", on_error=errors.append)
    qtbot.waitUntil(lambda: task.is_finished)
    assert [str(e) for e in errors] == ["broken.pdf is damaged."]

    with qtbot.waitSignal(runner.task_failed, timeout=5000) as blocker:
        runner.run(lambda p, c: 1 / 0, label="bug")
    assert isinstance(blocker.args[1], ZeroDivisionError)


def test_cancel_ends_quietly(qtbot, runner) -> None:
    started = threading.Event()
    outcomes = []

    def work(progress, cancel):
        started.set()
        while True:
            cancel.raise_if_cancelled()
            progress(0, 0, "waiting")
            threading.Event().wait(0.005)

    task = runner.run(work, label="loop", on_done=outcomes.append, on_error=outcomes.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: task.is_finished, timeout=5000)
    assert outcomes == []
    assert task.cancelled and task.error is None
    assert isinstance(Cancelled(), Exception)


def test_progress_is_throttled(qtbot, runner) -> None:
    seen = []

    def work(progress, cancel):
        for i in range(20_000):
            progress(i, 20_000, "counting")
        progress(20_000, 20_000, "counting")

    task = runner.run(work, label="count")
    task.progressed.connect(lambda d, t, label: seen.append(d))
    qtbot.waitUntil(lambda: task.is_finished, timeout=10_000)
    assert seen and seen[-1] == 20_000
    assert len(seen) < 500


def test_schedule_runs_core_background_work_as_a_hidden_cancellable_task(
        qtbot, runner) -> None:
    """The core's Scheduler (the search index's background fold): called from a worker
    thread, run as a hidden task, cancelled with the others at shutdown."""
    started: list = []
    runner.task_started.connect(started.append)
    inside = threading.Event()
    outcome: dict = {}

    def fold(progress, cancel):
        outcome["worker"] = threading.current_thread() is not threading.main_thread()
        inside.set()
        outcome["cancelled"] = cancel.wait(10)

    caller = threading.Thread(target=lambda: runner.schedule(fold, "Tidying the search index"))
    caller.start()
    caller.join(5)
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    assert [(t.label, t.visible) for t in started] == [("Tidying the search index", False)]
    assert inside.wait(5)
    runner.cancel_all()
    qtbot.waitUntil(runner.idle, timeout=5000)
    assert outcome == {"worker": True, "cancelled": True}
