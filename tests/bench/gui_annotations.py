"""GUI benchmark of highlighting through the whole annotation path (imported by
``tests/bench/gui.py``; also runs alone and prints JSON).

* ``open_seconds``: the main window opens a 300-page document that carries 2,000
  highlights (from the author's file): text read on a worker, highlights read and placed on
  a worker, drawn in the reader and listed in the Highlights panel — until both are done
  and painted. Target ≤ 0.5 s.
* ``add_repaint_ms``: words selected on screen → Highlight (the core's edit, the undo
  command, the marks, the panel) → the reader repainted. Target ≤ 50 ms. Median of 9.
* ``max_stall_ms``: the longest main-thread stall while opening (5 ms heartbeat).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/gui_annotations.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HIGHLIGHTS = 2000
PAGES = 300
ADDS = 9


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _workspace(home: Path) -> tuple[Path, Any]:
    """A workspace with a 300-page report and 2,000 of the author's highlights on it."""
    from reader.settings import Settings
    from reader.workspace import Workspace
    from tests.bench.gui import synthetic

    root = home / "annotated-ws"
    root.mkdir(parents=True)
    _doc, doc_text = synthetic(PAGES)
    (root / "report.txt").write_text(doc_text.text, "utf-8")
    settings = Settings()
    settings.set("author.name", "Bench Reader")
    ws = Workspace.open(root, settings=settings)
    ws.library().update()
    doc = ws.library().documents()[0]
    text = ws.library().text(doc.id).text
    store = ws.annotations()
    step = len(text) // HIGHLIGHTS
    themes = ("naloxone", "good-samaritan", "housing", "drug-checking")
    for i in range(HIGHLIGHTS):
        start = i * step + 5
        store.create(doc.id, start, start + 60 + (i % 5) * 20,
                     themes=(themes[i % len(themes)],),
                     stance=("supports", "opposes", None)[i % 3],
                     note="A note on this passage." if i % 4 == 0 else "")
    store.save()
    ws.search().update()  # indexed already, as on a second start
    return root, settings


def annotated_document(app: Any, home: Path | None = None) -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QTimer

    from reader.ui.session import Session
    from reader.ui.window.main_window import MainWindow
    from tests.bench.gui import Heartbeat

    home = home or Path(tempfile.mkdtemp(prefix="pr-gui-ann-"))
    root, settings = _workspace(home)
    session = Session(settings)
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    ui = window.annotating

    def spin(done: Any, timeout: float = 60.0) -> None:
        loop = QEventLoop()
        deadline = time.perf_counter() + timeout
        checker = QTimer()
        checker.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > deadline
                                else None)
        checker.start(2)
        loop.exec()
        checker.stop()

    session.open_workspace(root)
    spin(lambda: ui.ctrl.is_loaded and session.runner.idle(), 300)
    doc = session.documents()[0]
    state: dict[str, Any] = {}

    def opened() -> bool:
        tab = window.area.current_tab()
        binding = ui.binding(tab) if tab is not None else None
        if binding is None or not binding.doc.ready:
            return False
        if len(tab.view.marks("highlights")) < HIGHLIGHTS:
            return False
        if ui.sidebar.model.item_count() < HIGHLIGHTS:
            return False
        tab.view.viewport().repaint()
        ui.sidebar.list.viewport().repaint()
        state.setdefault("done", time.perf_counter())
        return True

    def start() -> None:
        state["start"] = time.perf_counter()
        window.open_document(doc.id)

    beat = Heartbeat()
    stall = beat.phase(start, opened, timeout=60)
    open_seconds = state["done"] - state["start"]
    tab = window.area.current_tab()
    binding = ui.binding(tab)
    text = tab.doc_text.text
    adds = []
    for i in range(ADDS):
        spin(lambda: session.runner.idle(), 30)
        top = tab.view.top_offset()
        start_at = text.find(" ", top + 40 + i * 37) + 1
        tab.view.select_range(start_at, start_at + 30)
        started = time.perf_counter()
        ui.apply(binding, "highlight")
        tab.view.viewport().repaint()
        adds.append(time.perf_counter() - started)
        assert any(m.key == binding.focus_hid for m in tab.view.marks("highlights"))
    window.close()
    session.runner.drain(30_000)
    return {"highlights": HIGHLIGHTS, "pages": PAGES, "chars": len(text),
            "open_seconds": round(open_seconds, 3), "open_max_stall_ms": stall,
            "add_repaint_ms_median": round(statistics.median(adds) * 1000, 1),
            "add_repaint_ms_max": round(max(adds) * 1000, 1),
            "targets": {"open_seconds": 0.5, "add_repaint_ms": 50},
            "cores": os.cpu_count(), "load_average": _load()}


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="pr-gui-ann-"))
    os.environ["POLICY_READER_HOME"] = str(home)
    from reader.ui.app import create_app

    app = create_app()
    print(json.dumps({"annotated_document": annotated_document(app, home)}, indent=2),
          flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
