"""Live workspace benchmark (offscreen). Prints JSON.

The main window is opened on a copy of the bundled corpus (read and indexed), then, ``--runs``
times, another process (a child ``python``) writes a new text file into the workspace
folder. From the moment that process has finished (the file is complete) the benchmark
measures:

* ``listed_s``: until the document is in the window's library;
* ``searchable_s``: until a search for the file's own word finds it (searches are sent
  every 100 ms from the moment it is listed, as a person would search);

while a 5 ms ``QTimer`` heartbeat on the main thread records the longest gap between beats
(``max_stall_ms``: the window never stalls longer than this). Targets (issue 13): listed and
searchable within 5 s (median of 10), no stall over 100 ms.

Then (``--burst``, 500 by default; 0 skips it) another process writes that many files at
once, as a sync tool does: ``burst.all_listed_s`` is the time from its end until all are in
the library and ``burst.max_stall_ms`` the longest stall meanwhile (until the refresh and
the index's upkeep are done).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/watch.py [--runs 10] [--burst 500]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOME = Path(tempfile.mkdtemp(prefix="pr-watch-bench-"))
os.environ["POLICY_READER_HOME"] = str(HOME)
BURST_WRITER = ("import sys, pathlib; d = pathlib.Path(sys.argv[1]); d.mkdir()\n"
                "for i in range(int(sys.argv[2])):\n"
                "    (d / f'synced-{i:04d}.txt').write_text(f'Synced note {i} about "
                "the heronwick{i} clinic.\\n', 'utf-8')")
WRITER = ("import sys, pathlib; pathlib.Path(sys.argv[1]).write_text("
          "'A note dropped in by another program: ' + sys.argv[2] + '.\\n', 'utf-8')")


class Heartbeat:
    """A 5 ms timer on the main thread: the longest gap between beats is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def start(self) -> None:
        self.gaps, self.last = [], time.perf_counter()
        self.timer.start(5)


def run_until(done: Callable[[], bool], timeout: float) -> bool:
    """Run the event loop until ``done()`` (checked every 10 ms) or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    checker = QTimer()
    checker.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > deadline
                            else None)
    checker.start(10)
    loop.exec()
    checker.stop()
    return done()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--burst", type=int, default=500)
    args = parser.parse_args()

    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    from reader.settings import Settings
    from reader.ui.session import Session
    from reader.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    root = HOME / "ws"
    shutil.copytree(REPO / "corpus", root, ignore=shutil.ignore_patterns(".*"))
    session = Session(Settings())
    window = MainWindow(session)
    window.show()
    session.open_workspace(root)
    run_until(lambda: bool(session.documents()) and session.runner.idle()
              and window.live.watcher._snapshot is not None, 600)
    run_until(lambda: False, 1.0)  # let the start-up settle

    beat = Heartbeat()
    listed: list[float] = []
    searchable: list[float] = []
    misses, worst, over = 0, 0.0, 0
    for i in range(args.runs):
        word = f"kestrel{i}moss"
        name = f"dropped-{i:02d}.txt"
        finished: list[float] = []
        writer = QProcess()
        writer.finished.connect(lambda *_a, f=finished: f.append(time.perf_counter()))
        beat.start()
        writer.start(sys.executable, ["-c", WRITER, str(root / name), word])
        run_until(lambda f=finished: bool(f), 60)
        t0 = finished[0]
        if not run_until(lambda n=name: any(d.path == n for d in session.documents()), 60):
            misses += 1
            continue
        listed.append(time.perf_counter() - t0)
        found: list[float] = []
        asked = [0.0]

        def ask(w: str = word, n: str = name, f: list[float] = found,
                a: list[float] = asked) -> bool:
            if f:
                return True
            if time.perf_counter() - a[0] > 0.1:
                a[0] = time.perf_counter()
                session.search(w)
            return False

        def on_results(results: object, _serial: int, n: str = name,
                       f: list[float] = found) -> None:
            if not f and any(g.path == n for g in getattr(results, "groups", ())):
                f.append(time.perf_counter())

        session.search_finished.connect(on_results)
        run_until(ask, 60)
        session.search_finished.disconnect(on_results)
        if found:
            searchable.append(found[0] - t0)
        run_until(lambda: session.runner.idle(), 60)
        beat.timer.stop()
        worst = max([worst, *beat.gaps])
        over += sum(1 for g in beat.gaps if g > 0.1)
        run_until(lambda: False, 0.5)
    burst: dict[str, object] = {"files": args.burst}
    if args.burst:
        finished = []
        writer = QProcess()
        writer.finished.connect(lambda *_a, f=finished: f.append(time.perf_counter()))
        before = len(session.documents())
        beat.start()
        writer.start(sys.executable, ["-c", BURST_WRITER, str(root / "synced"),
                                      str(args.burst)])
        run_until(lambda f=finished: bool(f), 120)
        t0 = finished[0]
        if run_until(lambda: len(session.documents()) >= before + args.burst, 300):
            burst["all_listed_s"] = round(time.perf_counter() - t0, 2)
        run_until(lambda: session.runner.idle(), 300)
        beat.timer.stop()
        burst["max_stall_ms"] = round(max(beat.gaps, default=0.0) * 1000, 1)
        burst["stalls_over_100ms"] = sum(1 for g in beat.gaps if g > 0.1)
    mode = window.live.watcher.mode
    window.close()
    session.runner.cancel_all()
    session.runner.drain(60_000)
    print(json.dumps({
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "documents": len(session.documents()),
        "watch_mode": mode,
        "runs": args.runs, "missed": misses,
        "listed_s": {"median": round(statistics.median(listed), 2) if listed else None,
                     "max": round(max(listed), 2) if listed else None,
                     "all": [round(x, 2) for x in listed]},
        "searchable_s": {"median": round(statistics.median(searchable), 2)
                         if searchable else None,
                         "max": round(max(searchable), 2) if searchable else None,
                         "all": [round(x, 2) for x in searchable]},
        "max_stall_ms": round(worst * 1000, 1),
        "stalls_over_100ms": over,
        "burst": burst,
        "targets": {"searchable_median_s": 5, "max_stall_ms": 100},
    }, indent=2))
    shutil.rmtree(HOME, ignore_errors=True)
    app.quit()


if __name__ == "__main__":
    main()
