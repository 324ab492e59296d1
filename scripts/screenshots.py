"""Make the README screenshots of the desktop app (offscreen, 1280×800) into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
        [--size 1366x768] [--dark] [--out DIR] [--core]

``--size`` shoots at another window size (a small laptop: 1366x768), ``--dark`` in a dark
palette, ``--core`` only the library, a memo with highlights and the brief dialog (the
variants ``make screenshots`` also makes, into docs/screenshots/<size>[-dark]/).

It copies the bundled corpus into a temporary workspace, reads and indexes it, and captures
the main window with the library, a search with results, an open memo, the brief dialog,
(``scripts/annotation_shots.py``) a memo with highlights, the Highlights panel and the
Themes panel, and (``scripts/compare_shots.py``) the comparison matrix of the DA memos and
a disagreement being resolved.

Fonts: the reader uses Charis SIL / Charter / Georgia … and Inter / Segoe UI … when
installed (Debian: ``fonts-sil-charis fonts-inter``), else the system's serif and sans.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = REPO / "docs" / "screenshots"
SIZE = (1280, 800)
CORE = ("library", "highlights", "brief-dialog")


DARK = False
ONLY: set[str] | None = None


def wanted(name: str) -> bool:
    return ONLY is None or name in ONLY


def pump(app, seconds: float = 0.3, until=None, timeout: float = 120.0) -> None:
    """Run the event loop for a while (or until ``until()``); a script, not the app."""
    end = time.monotonic() + (timeout if until else seconds)
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def brief_dialog_shot(app, window, session) -> None:
    """File → Export Brief… over ~20 highlights by two annotators, with a live preview."""
    sys.path.insert(0, str(REPO / "scripts"))
    import re

    from render_brief_samples import DEV, MAYA, PASSAGES, sentence_span

    from reader.settings import Settings
    from reader.ui.widgets.brief_dialog import BriefDialog
    from reader.workspace import Workspace

    ws = session.workspace
    other = Workspace.open(ws.root, settings=Settings(Path(os.environ["POLICY_READER_HOME"])
                                                      / "dev-settings.json"))
    stores = {MAYA: ws.annotations(), DEV: other.annotations()}
    stores[MAYA].set_author_name(MAYA)
    stores[DEV].set_author_name(DEV)
    by_path = {d.path: d for d in ws.library().documents()}
    for path, words, themes, stance, note, who in PASSAGES:
        doc = by_path.get(path)
        if doc is None or not doc.status.readable:
            continue
        text = ws.library().text(doc.id).text
        m = re.search(r"\s+".join(re.escape(w) for w in words.split()), text)
        if m:
            start, end = sentence_span(text, m.start(), m.end())
            stores[who].create(doc.id, start, end, themes=themes, stance=stance, note=note)
    for store in stores.values():
        store.save()
    stores[MAYA].reload()
    window.actions_.export_brief.trigger()
    dialog = window.findChild(BriefDialog)
    dialog.resize(1180, 740)  # the offscreen screen is smaller than a real one
    pump(app, until=lambda: dialog.gathered is not None)
    cover = dialog.form.cover.edits
    cover["title"].setText("Drug possession, overdose and trust")
    cover["group_name"].setText("Alder Harm Reduction Study Group")
    cover["prepared_for"].setText("Office of the District Attorney, Alder County")
    dialog.form.filters.themes.set_checked(["decriminalization", "overdose-response"])
    pump(app, until=dialog.ready)
    pump(app, 0.5)
    dialog.grab().save(str(OUT / "brief-dialog.png"))
    dialog.reject()
    pump(app, 0.2)


def scan_shot(app, window, session) -> None:
    """The scanned memo after OCR: its recognised text with the OCR note, the library saying
    where the text came from (``scan-ocr.png``)."""
    from PySide6.QtCore import Qt

    from reader.ui.models.library_model import Column

    scan = next((d for d in session.documents() if d.text_source == "OCR"), None)
    if scan is None:
        print("no scanned document was read by OCR (is tesserocr installed?)", flush=True)
        return
    window.library_dock.show()
    window.library_dock.raise_()
    window.library.tree.setColumnHidden(Column.SOURCE, False)
    window.search_dock.hide()
    tab = window.open_document(scan.id, offset=0)
    pump(app, until=lambda: tab is not None and tab.is_ready)
    window.resizeDocks([window.library_dock], [470], Qt.Orientation.Horizontal)
    window.resize(*SIZE)
    pump(app, 0.8)
    window.grab().save(str(OUT / "scan-ocr.png"))


def annotation_shots(app, window, session, home: Path) -> None:
    """A memo with two people's highlights, the Highlights panel and the Themes panel
    (``highlights.png``, ``themes.png``), on a fresh copy of the corpus."""
    sys.path.insert(0, str(REPO / "scripts"))
    import annotation_shots as shots

    workspace = home / "annotations" / "Harm Reduction Study Group"
    shutil.copytree(REPO / "corpus", workspace, ignore=shutil.ignore_patterns(".*"))
    window.open_workspace(workspace)
    pump(app, until=lambda: bool(session.documents()) and session.runner.idle()
         and window.annotating.ctrl.is_loaded and "up to date" in session.index_state,
         timeout=600)
    window.annotating.sidebar_dock.show()
    shots.shots(app, window, session, OUT, pump, size=SIZE, themes=wanted("themes"))


def main() -> int:
    global OUT, SIZE, DARK, ONLY
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="1280x800", help="window size, WxH")
    ap.add_argument("--dark", action="store_true", help="a dark palette")
    ap.add_argument("--out", type=Path, help="where the PNGs go")
    ap.add_argument("--core", action="store_true", help=f"only {', '.join(CORE)}")
    args = ap.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    SIZE, DARK = (width, height), args.dark
    OUT = args.out.resolve() if args.out else OUT
    ONLY = set(CORE) if args.core else None
    home = Path(tempfile.mkdtemp(prefix="pr-shots-"))
    os.environ["POLICY_READER_HOME"] = str(home)
    workspace = home / "Harm Reduction Study Group"
    shutil.copytree(REPO / "corpus", workspace, ignore=shutil.ignore_patterns(".*"))

    from PySide6.QtCore import Qt

    from reader.settings import Settings
    from reader.ui.app import create_app
    from reader.ui.palette import dark_palette
    from reader.ui.resources import clear_icon_cache, style_sheet
    from reader.ui.session import Session
    from reader.ui.window.main_window import MainWindow

    app = create_app()
    if DARK:
        app.setPalette(dark_palette())
        app.setStyleSheet(style_sheet())  # palette(...) in the style sheet: the new one
        clear_icon_cache()
    session = Session(Settings())
    window = MainWindow(session)
    window.resize(*SIZE)
    window.show()
    window.open_workspace(workspace)
    pump(app, until=lambda: bool(session.documents()) and session.runner.idle()
         and "up to date" in session.index_state, timeout=600)
    window.resizeDocks([window.library_dock, window.search_dock], [420, 380],
                       Qt.Orientation.Horizontal)
    window.search_dock.hide()
    window.annotating.sidebar_dock.hide()  # the library on its own
    window.resize(*SIZE)
    pump(app, 0.5)
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "library.png"))

    # a search with results, the best hit opened
    window.search_dock.show()
    window.search_dock.raise_()  # tabbed with the Highlights panel
    window.resizeDocks([window.library_dock, window.search_dock], [330, 360],
                       Qt.Orientation.Horizontal)
    window.search.set_query("naloxone")
    pump(app, until=lambda: window.search.results is not None)
    hit = window.search.model.index(0, 0, window.search.model.index(0, 0))
    window.search.tree.setCurrentIndex(hit)
    window.search.tree.activated.emit(hit)
    pump(app, until=lambda: bool(window.area.current_tab() and window.area.current_tab().is_ready))
    window.resize(*SIZE)
    pump(app, 0.6)
    if wanted("search"):
        window.grab().save(str(OUT / "search.png"))

    # an open memo, with the outline beside it
    memo = next((d for d in session.documents() if d.meta.kind == "memo" and d.paged), None)
    if memo is not None and wanted("memo"):
        window.search_dock.hide()
        window.outline_dock.raise_()
        tab = window.open_document(memo.id, offset=0)
        pump(app, until=lambda: tab is not None and tab.is_ready)
        window.resize(*SIZE)
        pump(app, 0.6)
        window.grab().save(str(OUT / "memo.png"))
    if wanted("scan-ocr"):
        scan_shot(app, window, session)
    if wanted("brief-dialog"):
        brief_dialog_shot(app, window, session)
    annotation_shots(app, window, session, home)
    sys.path.insert(0, str(REPO / "scripts"))
    import compare_shots

    compare_shots.shots(app, window, session, home, pump, OUT)
    window.close()
    session.runner.drain(30_000)
    shutil.rmtree(home, ignore_errors=True)
    print("\n".join(os.path.relpath(p, REPO) for p in sorted(OUT.glob("*.png"))), flush=True)
    os._exit(0)  # skip interpreter tear-down of Qt objects (a script: nothing left to save)


if __name__ == "__main__":
    sys.exit(main())
