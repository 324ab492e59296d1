"""GUI benchmark (offscreen). Prints JSON.

* ``startup``: from launching ``python -m reader`` to the window shown with the library
  filled, on a workspace already read and indexed: wall seconds (best and median of 5) and
  the child's CPU seconds (what an idle machine would see; a loaded machine stretches the
  wall clock), with and without Python's bytecode cache, and any heavy module already
  imported when the window showed (there should be none);
* ``open_300_pages`` / ``open_2000_pages``: a synthetic report opened in a reader tab while a
  5 ms ``QTimer`` heartbeat runs, so every main-thread stall is seen: ``open_seconds`` (text
  shown and painted), then the longest stall (``max_stall_ms``) in each phase: ``open``
  (show the text, let the view settle), ``scroll`` (200 screens down, one per 10 ms tick),
  ``jump`` (a search hit at 95 % of the document, ``jump_seconds`` to land) and ``find``
  (find in document over the whole text);
* ``open_from_library``: the main window opening a 1 MB and a 7 MB text from the library
  (the text read from the workspace cache on a worker, then shown): seconds and the
  longest stall;
* ``highlights``: 2,000 highlight marks set on the 300-page document, then one more added
  (seconds to set, milliseconds from adding one to the repaint);
* ``import_100_files``: the longest main-thread stall while 100 files are imported, read and
  indexed in the background.

Every figure carries the load average when it was taken. Run:
``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/gui.py``
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOME = Path(tempfile.mkdtemp(prefix="pr-gui-bench-"))
os.environ["POLICY_READER_HOME"] = str(HOME)
STARTUP_RUNS = 5

WORDS = ("the district attorney shall decline to charge possession of a controlled "
         "substance where the person accepts a referral to voluntary treatment naloxone "
         "overdose deflection officers community records housing employment evidence")
WORDS = WORDS.split()


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _text(seed: int, words: int) -> str:
    out = []
    for i in range(words):
        out.append(WORDS[(seed * 31 + i * 7 + i // 5) % len(WORDS)])
        if i % 13 == 12:
            out.append("\n")
    return " ".join(out).replace(" \n ", "\n")


def startup(workspace: Path) -> dict[str, object]:
    """Start-up twice over: with Python's bytecode cache (as an installed app runs) and
    without it (``PYTHONDONTWRITEBYTECODE=1``, as this checkout may be run: every module is
    compiled from source at each start)."""
    env = dict(os.environ, POLICY_READER_HOME=str(HOME))
    subprocess.run([sys.executable, "-m", "reader", "--workspace", str(workspace), "-q",
                    "index"], cwd=REPO, env=env, check=True, capture_output=True)
    cached = dict(env, PYTHONPYCACHEPREFIX=str(HOME / "pycache"))
    cached.pop("PYTHONDONTWRITEBYTECODE", None)
    uncached = dict(env, PYTHONDONTWRITEBYTECODE="1")
    _launch(workspace, cached, "warm-up")  # writes the bytecode cache
    out: dict[str, object] = {}
    for name, run_env in (("bytecode_cached", cached), ("no_bytecode_cache", uncached)):
        walls, cpus, loads, heavy = [], [], [], set()
        for run in range(STARTUP_RUNS):
            loads.append(_load())
            wall, cpu, record = _launch(workspace, run_env, f"{name}-{run}")
            walls.append(wall)
            cpus.append(cpu)
            heavy.update(record.get("heavy_modules", []))
        out[name] = {"seconds_best": round(min(walls), 3),
                     "seconds_median": round(statistics.median(walls), 3),
                     "cpu_seconds_median": round(statistics.median(cpus), 3),
                     "load_average": loads, "heavy_modules_at_show": sorted(heavy)}
    out["target_seconds"] = 1.0
    return out


def _launch(workspace: Path, env: dict[str, str], tag: str) -> tuple[float, float, dict]:
    """Seconds from launch to the window shown, the CPU seconds the app had used by then
    (interpreter start-up included), and the probe's record."""
    probe = HOME / f"probe-{tag}.json"
    env = dict(env, POLICY_READER_GUI_PROBE=str(probe))
    started = time.time()
    subprocess.run([sys.executable, "-m", "reader", "--workspace", str(workspace)],
                   cwd=REPO, env=env, check=True, capture_output=True, timeout=120)
    record = json.loads(probe.read_text("utf-8").splitlines()[-1])
    assert record["library_rows"] > 0, record
    return record["shown_at"] - started, record["cpu_seconds"], record


def synthetic(pages: int):
    from reader.model.documents import DocMeta, DocStatus, DocText, Document, Page, Section

    parts: list[str] = []
    page_list = []
    pos = 0
    for number in range(1, pages + 1):
        paras = [_text(number * 10 + k, 90) for k in range(5)]
        if number % 10 == 1:
            paras.insert(0, f"Part {number // 10 + 1}. Charging standards")
        chunk = "\n\n".join(paras)
        start = pos + (2 if parts else 0)
        parts.append(chunk)
        pos = start + len(chunk)
        page_list.append(Page(number, start, pos, str(number)))
    text = "\n\n".join(parts)
    sections = tuple(Section(f"Part {i}", 1, p.start, p.end)
                     for i, p in enumerate(page_list[::10], 1))
    doc_text = DocText("b" * 64, text, tuple(page_list), sections)
    doc = Document("b" * 64, "bench.pdf", "pdf", 1, 1, DocStatus.OK,
                   meta=DocMeta(title=f"A {pages}-page report", kind="report"), pages=pages,
                   chars=len(text), paged=True)
    return doc, doc_text


class Heartbeat:
    """A 5 ms timer on the main thread: the longest gap between beats is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def phase(self, start: Callable[[], object], done: Callable[[], bool],
              timeout: float = 20.0) -> float:
        """Run ``start`` in the event loop, then spin until ``done()``; the longest stall."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        self.worst, self.last = 0.0, time.perf_counter()
        deadline = time.perf_counter() + timeout
        checker = QTimer()
        checker.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > deadline
                                else None)
        self.timer.start(5)
        QTimer.singleShot(0, start)
        checker.start(20)
        loop.exec()
        checker.stop()
        self.timer.stop()
        return round(self.worst * 1000, 1)


def _settled(view) -> Callable[[], bool]:
    state = {"quiet": 0}

    def check() -> bool:
        last = view.document().lastBlock().layout()
        idle = (not view.scroll_pending and not view.window.busy
                and last is not None and last.lineCount() > 0)
        state["quiet"] = state["quiet"] + 1 if idle else 0
        return state["quiet"] >= 5  # 100 ms with nothing left to do

    return check


def open_document(app, pages: int) -> dict[str, object]:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor

    from reader.ui.reader_doc import ReaderStyle
    from reader.ui.widgets.reader_tab import ReaderTab

    doc, doc_text = synthetic(pages)
    tab = ReaderTab(doc, ReaderStyle())
    tab.resize(1000, 760)
    tab.show()
    app.processEvents()
    view = tab.view
    beat = Heartbeat()
    out: dict[str, object] = {"chars": len(doc_text.text), "load_average": _load()}
    timing: dict[str, float] = {}

    def open_it() -> None:
        started = time.perf_counter()
        tab.show_text(doc_text)
        view.viewport().repaint()
        timing["open"] = time.perf_counter() - started

    stalls = {"open": beat.phase(open_it, _settled(view))}
    steps = {"left": 200}
    ticker = QTimer()

    def step() -> None:
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + view.viewport().height())
        steps["left"] -= 1
        if steps["left"] <= 0:
            ticker.stop()

    ticker.timeout.connect(step)
    before = doc_text.page_at(view.top_offset()).number
    stalls["scroll"] = beat.phase(lambda: ticker.start(10),
                                  lambda: steps["left"] <= 0 and _settled(view)())
    scrolled = doc_text.page_at(view.top_offset()).number - before

    page = doc_text.pages[int(pages * 0.95)]
    hit = page.start + 200

    def jump() -> None:
        started = time.perf_counter()
        tab.jump(hit, ((hit, hit + 9),))
        view.viewport().repaint()
        timing["jump"] = time.perf_counter() - started

    stalls["jump"] = beat.phase(jump, _settled(view))
    landed = doc_text.page_at(view.top_offset()).number
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(hit))
    on_screen = view.viewport().rect().contains(view.cursorRect(cursor).center())

    def find() -> None:
        tab.open_find()
        tab.find_bar.edit.setText("naloxone")

    stalls["find"] = beat.phase(find, lambda: tab.find_count() > 0 and _settled(view)())
    tab.close()
    out.update({"open_seconds": round(timing["open"], 3),
                "jump_seconds": round(timing["jump"], 3),
                "jump_hit_on_screen": on_screen, "jump_top_page": landed,
                "jump_hit_page": page.number,
                "scrolled_pages": scrolled, "find_matches": tab.find_count(),
                "max_stall_ms": max(stalls.values()), "stall_ms": stalls,
                "load_average_after": _load()})
    return out


def highlights(app) -> dict[str, object]:
    from PySide6.QtGui import QColor

    from reader.ui.marks import Mark, MarkStyle
    from reader.ui.reader_doc import ReaderStyle
    from reader.ui.widgets.reader_tab import ReaderTab

    doc, doc_text = synthetic(300)
    tab = ReaderTab(doc, ReaderStyle())
    tab.resize(1000, 760)
    tab.show()
    tab.show_text(doc_text)
    app.processEvents()
    view = tab.view
    style = MarkStyle(background=QColor(255, 230, 0, 90), margin=QColor("#c90"))
    step = len(doc_text.text) // 2000
    marks = [Mark(i * step, i * step + 40, style, f"h{i}") for i in range(2000)]
    started = time.perf_counter()
    view.set_marks("highlights", marks)
    view.viewport().repaint()
    set_all = time.perf_counter() - started
    extra = Mark(view.top_offset() + 10, view.top_offset() + 60, style, "new")
    started = time.perf_counter()
    view.set_marks("highlights", [*marks, extra])
    view.viewport().repaint()
    add_one = time.perf_counter() - started
    tab.close()
    return {"set_2000_seconds": round(set_all, 3), "add_one_repaint_ms": round(add_one * 1000, 1),
            "load_average": _load(), "targets": {"set_2000_seconds": 0.5,
                                                 "add_one_repaint_ms": 50}}


def open_from_library(app) -> dict[str, object]:
    """The whole path a person takes: the main window on a workspace holding a 1 MB and a
    7 MB text (the length of 300 and 2,000 pages), a document opened from the library (its
    text read from the workspace cache on a worker thread, then shown)."""
    from reader.settings import Settings
    from reader.ui.session import Session
    from reader.ui.window.main_window import MainWindow

    workspace = HOME / "long-ws"
    workspace.mkdir()
    for pages in (300, 2000):
        _doc, doc_text = synthetic(pages)
        (workspace / f"report-{pages}.txt").write_text(doc_text.text, "utf-8")
    env = dict(os.environ, POLICY_READER_HOME=str(HOME))
    subprocess.run([sys.executable, "-m", "reader", "--workspace", str(workspace), "-q",
                    "index"], cwd=REPO, env=env, check=True, capture_output=True)
    session = Session(Settings())
    window = MainWindow(session)
    window.resize(1400, 900)
    window.show()
    session.open_workspace(workspace, refresh=False)
    # a person opens a document after the window came up: its background start-up (which
    # begins START_DELAY_MS after the window) is over
    from reader.ui.session import START_DELAY_MS

    started = time.perf_counter()
    while time.perf_counter() - started < START_DELAY_MS / 1000 + 0.3 \
            or not session.runner.idle():
        app.processEvents()
        time.sleep(0.005)
    out: dict[str, object] = {"load_average": _load()}
    beat = Heartbeat()
    timing: dict[str, object] = {}

    def start() -> None:
        timing["start"] = time.perf_counter()
        timing["tab"] = window.open_document(str(timing["doc"]))

    def shown() -> bool:
        tab = timing.get("tab")
        if tab is None or not tab.is_ready:
            return False
        timing.setdefault("ready", time.perf_counter())
        settled = timing.setdefault("settled", _settled(tab.view))
        return settled()

    for doc in sorted(session.documents(), key=lambda d: d.chars):
        timing.clear()
        timing["doc"] = doc.id
        stall = beat.phase(start, shown)
        out[f"{doc.chars // 1000}k_chars"] = {
            "seconds_to_text_shown": round(timing["ready"] - timing["start"], 3),
            "max_stall_ms": stall}
    window.close()
    session.runner.cancel_all()
    session.runner.drain(60_000)
    out["note"] = ("from the library: the worker reads the cached text (JSON), the tab shows "
                   "it; the stall includes the worker holding the GIL while it parses")
    return out


def import_stall(app, files: int = 100) -> dict[str, object]:
    from reader.settings import Settings
    from reader.ui.session import Session

    source = HOME / "to-import"
    source.mkdir()
    for i in range(files):
        body = "\n\n".join(_text(i * 7 + k, 120) for k in range(8))
        (source / f"note-{i:03}.md").write_text(f"# Sample note {i}\n\n{body}\n", "utf-8")
    workspace = HOME / "import-ws"
    workspace.mkdir()
    session = Session(Settings())
    session.open_workspace(workspace)
    while not session.runner.idle():
        app.processEvents()
        time.sleep(0.005)
    beat = Heartbeat()
    load = _load()
    started = time.perf_counter()
    state = {"done": False}

    def start() -> None:
        task = session.import_files([source])
        task.finished.connect(lambda *_: state.update(done=True))

    stall = beat.phase(start, lambda: state["done"], timeout=600)
    return {"seconds": round(time.perf_counter() - started, 2), "max_stall_ms": stall,
            "imported_documents": len(session.documents()), "load_average": load,
            "target_max_stall_ms": 100}


def main() -> None:
    from reader.ui.app import create_app
    from tests.bench.gui_annotations import annotated_document

    workspace = HOME / "corpus-ws"
    shutil.copytree(REPO / "corpus", workspace, ignore=shutil.ignore_patterns(".*"))
    result: dict[str, object] = {"cores": os.cpu_count(), "load_average_start": _load()}
    result["startup"] = startup(workspace)
    app = create_app()
    result["open_300_pages"] = {**open_document(app, 300), "target_open_seconds": 0.3}
    result["open_2000_pages"] = {**open_document(app, 2000), "target_max_stall_ms": 100}
    result["highlights"] = highlights(app)
    result["open_from_library"] = open_from_library(app)
    result["annotated_document"] = annotated_document(app)
    result["import_100_files"] = import_stall(app)
    print(json.dumps(result, indent=2))
    shutil.rmtree(HOME, ignore_errors=True)


if __name__ == "__main__":
    main()
