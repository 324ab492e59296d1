"""Start the desktop app: ``run_gui`` is what ``policy-reader`` (no command) and
``policy-reader open DOC`` call.

One window per workspace: a launch on a workspace whose window is running hands its file
to that window and exits (:mod:`reader.ui.single_instance`). Without ``--workspace`` (or
``$POLICY_READER_WORKSPACE``) the window opens the workspace it showed last.

Start-up shows the window with the library from its cached state before anything heavy is
imported: search, extraction, export and the annotation store load on worker threads once
the window is on screen (:meth:`reader.ui.session.Session.open_workspace`).
:data:`HEAVY_MODULES` must not be loaded when the window shows (a test checks).

Test hook: with ``POLICY_READER_GUI_PROBE=FILE`` the app writes a JSON line to FILE once
the window is shown with the library filled (time, document count, window title, heavy
modules already loaded), then quits. The GUI smoke test and ``tests/bench/gui.py`` use it;
with ``POLICY_READER_GUI_SHOT=PNG`` too it first saves a picture of the window (the
desktop bundle's smoke run).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time

log = logging.getLogger(__name__)
PROBE_ENV = "POLICY_READER_GUI_PROBE"
#: Modules that are slow to import or belong to background services: never on the start-up
#: path (prefixes of module names).
HEAVY_MODULES = ("whoosh", "pdfminer", "pypdf", "trafilatura", "lxml", "reportlab", "docx",
                 "markdown_it", "rapidfuzz", "edlib", "charset_normalizer", "reader.export",
                 "reader.search.engine", "reader.search.index", "reader.annotations.store",
                 "reader.extract.pdf", "reader.extract.html", "reader.extract.web",
                 "reader.extract.docx")


def heavy_modules_loaded() -> list[str]:
    """The :data:`HEAVY_MODULES` (top packages) imported so far."""
    return sorted({name for name in HEAVY_MODULES
                   if any(m == name or m.startswith(name + ".") for m in sys.modules)})


def run_gui(workspace: str | None = None, *, open_doc: str | None = None,
            page: int | str | None = None) -> int:
    from PySide6.QtCore import QTimer

    from reader.errors import ReaderError
    from reader.ops.desktop import instance_name, startup_workspace
    from reader.settings import Settings
    from reader.ui import messages, single_instance
    from reader.ui.app import create_app, install_excepthook
    from reader.ui.session import START_DELAY_MS, Session
    from reader.ui.window.main_window import MainWindow

    app = create_app()
    settings = Settings()
    workspace = startup_workspace(workspace, settings)  # else the last one, if still there
    reach = single_instance.hand_over(instance_name(workspace),
                                      [open_doc] if open_doc else [], page)
    if reach is single_instance.Reach.HANDED:  # the window on this workspace took it
        log.info("handed over to the window already running on this workspace")
        return 0
    install_excepthook()
    session = Session(settings)
    window = MainWindow(session)
    window.open_workspace(workspace)  # a folder that is not there: offers to create it
    window.show()
    if reach is single_instance.Reach.ABSENT:  # (a hung window keeps its name)
        # listens once the window is on screen, with the session's other background work
        QTimer.singleShot(START_DELAY_MS, window, lambda: single_instance.attach(window))
    if settings.problem:
        messages.show_error(window, ReaderError(settings.problem))
    if open_doc and session.workspace is not None:
        window.open_ref(open_doc, None if page is None else str(page))

    probe = os.environ.get(PROBE_ENV)
    if probe:
        QTimer.singleShot(0, lambda: _probe(probe, window, session))
    code = app.exec()
    session.runner.cancel_all()
    session.runner.pool.waitForDone(10_000)
    session.prefs.flush()
    return code


def _probe(path: str, window: object, session: object) -> None:
    from PySide6.QtWidgets import QApplication

    record = {
        "shown_at": time.time(),
        "cpu_seconds": time.process_time(),  # this process's CPU time up to here
        "title": window.windowTitle(),  # type: ignore[attr-defined]
        "documents": len(session.documents()),  # type: ignore[attr-defined]
        "visible": window.isVisible(),  # type: ignore[attr-defined]
        # documents listed (a code's sections are inside its one row)
        "library_rows": window.library.documents_shown(),  # type: ignore[attr-defined]
        "open_document": (tab.doc_id if (tab := window.area.current_tab())  # type: ignore[attr-defined]
                          else None),
        "pending_page": tab.pending_page if tab else None,
        "heavy_modules": heavy_modules_loaded(),
    }
    shot = os.environ.get("POLICY_READER_GUI_SHOT")
    if shot:
        window.grab().save(shot)  # type: ignore[attr-defined]
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")
    log.info("probe written; quitting")
    window.close()  # type: ignore[attr-defined]
    QApplication.quit()
