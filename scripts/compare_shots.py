"""Screenshots of comparing, for ``scripts/screenshots.py`` (or alone): the comparison
matrix of the corpus's DA memos with one cell's passages side by side
(``compare-matrix.png``), and a disagreement being resolved in the Agreement tab beside
the memo it is about (``disagreement.png``).

A fresh copy of the corpus with the sample annotations of the three fictional study-group
members (what a new default workspace starts with), seen as one of them, Maya Okonkwo.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/compare_shots.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = REPO / "docs" / "screenshots"
MAYA = ("sample-maya-okonkwo", "Maya Okonkwo")
ALDER = "memos/alder-county-2020-declination-memo.pdf"


def workspace(home: Path) -> Path:
    from reader.workspace import sample_annotations_dir

    root = home / "Harm Reduction Study Group (samples)"
    shutil.copytree(REPO / "corpus", root, ignore=shutil.ignore_patterns(".*"))
    folder = root / ".policy-reader" / "annotations"
    folder.mkdir(parents=True)
    for f in sample_annotations_dir().glob("*.json"):
        shutil.copy(f, folder / f.name)
    return root


def shots(app: Any, window: Any, session: Any, home: Path, pump: Any,
          out: Path | None = None) -> list[Path]:
    """The two pictures, into ``out`` (the README's folder unless told: the dark and
    small-screen sets pass theirs)."""
    from PySide6.QtCore import Qt

    from reader.annotations.identity import ID_KEY, NAME_KEY

    session.settings.set(ID_KEY, MAYA[0])  # her file is "yours" in this workspace
    session.settings.set(NAME_KEY, MAYA[1])
    root = workspace(home)
    window.open_workspace(root)
    ui, cu = window.annotating, window.comparing
    pump(app, until=lambda: bool(session.documents()) and session.runner.idle()
         and ui.ctrl.is_loaded and "up to date" in session.index_state, timeout=600)
    written: list[Path] = []
    out = out or OUT
    out.mkdir(parents=True, exist_ok=True)

    # 1. the matrix of the DA memos, Overdose response opened, one cell side by side
    window.search_dock.hide()
    ui.sidebar_dock.hide()
    ui.themes_dock.hide()
    window.outline_dock.hide()
    window.library_dock.hide()
    window.resize(1280, 800)
    cu.show_matrix(kind="memo")
    panel = cu.matrix_panel
    memos = sum(d.meta.kind == "memo" for d in session.documents())
    pump(app, until=lambda: panel.model.rowCount() == memos and session.runner.idle(),
         timeout=60)
    model = panel.model
    overdose = next(i for i in range(model.columnCount() - 1)
                    if model.column(i).theme_id == "overdose-response")
    model.toggle(overdose)
    row = next(r for r in range(model.rowCount())
               if model.matrix.rows[r].label.startswith("Charging Policy 2021-03"))
    col = next(i for i in range(model.columnCount() - 1)
               if model.column(i).theme_id == "overdose-response")
    panel.table.setCurrentIndex(model.index(row, col))
    panel.table.clicked.emit(model.index(row, col))
    pump(app, until=lambda: bool(panel.passages.columns) and session.runner.idle(),
         timeout=30)
    tolliver = next(d for d in session.documents() if d.path.startswith("memos/tolliver"))
    tab = window.open_document(tolliver.id)
    pump(app, until=lambda: tab is not None and tab.is_ready, timeout=60)
    window.resize(1280, 800)
    pump(app, 0.3)
    window.resizeDocks([cu.dock], [520], Qt.Orientation.Vertical)
    width = panel.splitter.width()
    panel.splitter.setSizes([round(width * 0.54), width - round(width * 0.54)])
    pump(app, 0.3)
    panel.table.horizontalScrollBar().setValue(0)
    pump(app, 0.4)
    path = out / "compare-matrix.png"
    window.grab().save(str(path))
    written.append(path)

    # 2. a disagreement being resolved: the memo open, the Agreement tab beside it
    cu.dock.hide()  # (the library stays hidden: the memo and the tab need the room)
    ui.sidebar_dock.show()
    ui.sidebar_dock.raise_()
    doc = next(d for d in session.documents() if d.path == ALDER)
    tab = window.open_document(doc.id)
    pump(app, until=lambda: tab is not None and tab.is_ready, timeout=60)
    window.resizeDocks([ui.sidebar_dock], [520], Qt.Orientation.Horizontal)
    cu.show_agreement()
    agreement = cu.agreement
    agreement.set_all_documents(False)
    cu.refresh_agreement()
    pump(app, until=lambda: agreement.model.rowCount() > 0 and session.runner.idle(),
         timeout=60)
    target = next(i for i, d in enumerate(agreement.model.items)
                  if d.kind.value == "stance" and "did not reduce" in d.quote)
    agreement.list.setCurrentIndex(agreement.model.index(target))
    agreement.show_button.click()
    pump(app, until=lambda: session.runner.idle(), timeout=30)
    agreement.differ_text.setText("Maya reads it as support, Dev as a claim to check: "
                                  "ask the office for the data first.")
    agreement.differ_text.setCursorPosition(0)
    agreement.buttons["differ"].setFocus()
    window.resize(1280, 800)
    pump(app, 0.8)
    path = out / "disagreement.png"
    window.grab().save(str(path))
    written.append(path)
    return written


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="pr-compare-shots-"))
    os.environ["POLICY_READER_HOME"] = str(home)
    from screenshots import SIZE, pump

    from reader.settings import Settings
    from reader.ui.app import create_app
    from reader.ui.session import Session
    from reader.ui.window.main_window import MainWindow

    app = create_app()
    session = Session(Settings())
    window = MainWindow(session)
    window.resize(*SIZE)
    window.show()
    started = time.monotonic()
    paths = shots(app, window, session, home, pump)
    window.close()
    session.runner.drain(30_000)
    shutil.rmtree(home, ignore_errors=True)
    print("\n".join(str(p.relative_to(REPO)) for p in paths),
          f"({time.monotonic() - started:.0f} s)", flush=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
