"""GUI benchmark (offscreen). Prints JSON:

* ``startup_seconds``: from launching ``python -m reader`` to the window shown with the
  library filled, on a workspace already read and indexed (best and median of 3 runs);
* ``open_300_pages_seconds``: opening a 300-page document in the reader (text built, laid out
  for the first screen and painted);
* ``open_2000_pages_seconds`` and ``layout_2000_pages_max_stall_ms``: the same for 2,000
  pages, and the longest main-thread stall while Qt lays the rest out in the background;
* ``import_100_files_max_stall_ms``: the longest main-thread stall (a 5 ms QTimer heartbeat)
  while 100 files are imported, read and indexed in the background.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/gui.py``
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOME = Path(tempfile.mkdtemp(prefix="pr-gui-bench-"))
os.environ["POLICY_READER_HOME"] = str(HOME)

WORDS = ("the district attorney shall decline to charge possession of a controlled "
         "substance where the person accepts a referral to voluntary treatment naloxone "
         "overdose deflection officers community records housing employment evidence")
WORDS = WORDS.split()


def _text(seed: int, words: int) -> str:
    out = []
    for i in range(words):
        out.append(WORDS[(seed * 31 + i * 7 + i // 5) % len(WORDS)])
        if i % 13 == 12:
            out.append("\n")
    return " ".join(out).replace(" \n ", "\n")


def startup(workspace: Path) -> dict[str, float]:
    env = dict(os.environ, POLICY_READER_HOME=str(HOME))
    subprocess.run([sys.executable, "-m", "reader", "--workspace", str(workspace), "-q",
                    "index"], cwd=REPO, env=env, check=True, capture_output=True)
    times = []
    for run in range(3):
        probe = HOME / f"probe-{run}.json"
        env["POLICY_READER_GUI_PROBE"] = str(probe)
        started = time.time()
        subprocess.run([sys.executable, "-m", "reader", "--workspace", str(workspace)],
                       cwd=REPO, env=env, check=True, capture_output=True, timeout=120)
        record = json.loads(probe.read_text("utf-8").splitlines()[-1])
        assert record["library_rows"] > 0, record
        times.append(record["shown_at"] - started)
    return {"startup_seconds_best": round(min(times), 3),
            "startup_seconds_median": round(statistics.median(times), 3)}


def synthetic(pages: int):  # type: ignore[no-untyped-def]
    from reader.documents.model import DocMeta, DocStatus, DocText, Document, Page, Section

    parts, page_list, text = [], [], ""
    for number in range(1, pages + 1):
        paras = [_text(number * 10 + k, 90) for k in range(5)]
        if number % 10 == 1:
            paras.insert(0, f"Part {number // 10 + 1}. Charging standards")
        chunk = "\n\n".join(paras)
        start = len(text) + (2 if text else 0)
        text = f"{text}\n\n{chunk}" if text else chunk
        page_list.append(Page(number, start, len(text), str(number)))
        parts.append(chunk)
    sections = tuple(Section(f"Part {i}", 1, p.start, p.end)
                     for i, p in enumerate(page_list[::10], 1))
    doc_text = DocText("b" * 64, text, tuple(page_list), sections)
    doc = Document("b" * 64, "bench.pdf", "pdf", 1, 1, DocStatus.OK,
                   meta=DocMeta(title=f"A {pages}-page report", kind="report"), pages=pages,
                   chars=len(text), paged=True)
    return doc, doc_text


def open_document(app, pages: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from reader.ui.reader_doc import ReaderStyle
    from reader.ui.widgets.reader_tab import ReaderTab

    doc, doc_text = synthetic(pages)
    tab = ReaderTab(doc, ReaderStyle())
    tab.resize(1000, 760)
    tab.show()
    app.processEvents()
    started = time.perf_counter()
    tab.show_text(doc_text)
    tab.view.viewport().repaint()
    app.processEvents()
    opened = time.perf_counter() - started
    # the longest stall while Qt lays out the rest in the background (a real event loop)
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    layout = tab.view.document().documentLayout()
    worst, last = 0.0, time.perf_counter()
    state = {"height": -1.0, "still": 0, "deadline": time.perf_counter() + 8}

    def beat() -> None:
        nonlocal worst, last
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
        height = layout.documentSize().height()
        state["still"] = state["still"] + 1 if height == state["height"] else 0
        state["height"] = height
        if state["still"] > 40 or now > state["deadline"]:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(5)
    last = time.perf_counter()
    loop.exec()
    timer.stop()
    tab.close()
    return {f"open_{pages}_pages_seconds": round(opened, 3),
            f"layout_{pages}_pages_max_stall_ms": round(worst * 1000, 1),
            f"chars_{pages}_pages": len(doc_text.text)}


def import_stall(app, files: int = 100) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

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
    worst, last = 0.0, time.perf_counter()

    def beat() -> None:
        nonlocal worst, last
        now = time.perf_counter()
        worst, last = max(worst, now - last), now

    timer = QTimer()
    timer.timeout.connect(beat)
    started = time.perf_counter()
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    task = session.import_files([source])
    task.finished.connect(loop.quit)
    timer.start(5)
    last = time.perf_counter()
    loop.exec()
    timer.stop()
    took = time.perf_counter() - started
    return {"import_100_files_seconds": round(took, 2),
            "import_100_files_max_stall_ms": round(worst * 1000, 1),
            "imported_documents": len(session.documents())}


def main() -> None:
    from reader.ui.app import create_app

    workspace = HOME / "corpus-ws"
    shutil.copytree(REPO / "corpus", workspace, ignore=shutil.ignore_patterns(".*"))
    result: dict[str, object] = {"cores": os.cpu_count()}
    result.update(startup(workspace))
    app = create_app()
    result.update(open_document(app, 300))
    result.update(open_document(app, 2000))
    result.update(import_stall(app))
    result["targets"] = {"startup_seconds": 1.0, "open_300_pages_seconds": 0.3,
                         "import_100_files_max_stall_ms": 100}
    print(json.dumps(result, indent=2))
    shutil.rmtree(HOME, ignore_errors=True)


if __name__ == "__main__":
    main()
