"""The main window's workspace actions: open, create and recent workspaces, importing
files (the menu and drag and drop), re-indexing, and what the window shows when the
workspace, its documents or its themes change. The window owns one
(``window.workspace_actions``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader import __version__
from reader.errors import ReaderError
from reader.log import log_file
from reader.ops.library import SUFFIXES
from reader.ops.themes import ThemeChoice
from reader.ui import messages
from reader.ui.formatting import plural
from reader.ui.widgets.import_summary import show_import_summary, worth_showing

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)


def document_patterns() -> str:
    """The file dialogs' filter for the document types the library reads."""
    return " ".join(sorted(f"*{ext}" for ext in SUFFIXES))


class WorkspaceActions:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    def open_workspace(self, path: str | Path | None, *, create: bool = False) -> bool:
        self.w.area.remember_all()
        try:
            self.w.session.open_workspace(path, create=create)
        except ReaderError as exc:
            messages.show_error(self.w, exc, title="Cannot open the workspace")
            return False
        return True

    def new_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, "Choose an empty folder for the new "
                                                  "workspace")
        if folder:
            self.open_workspace(folder, create=True)

    def open_workspace_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, "Open a workspace folder")
        if folder:
            self.open_workspace(folder)

    def fill_recent(self) -> None:
        menu = self.w.recent_menu
        menu.clear()
        recent = self.w.session.settings.recent_workspaces()
        for path in recent:
            menu.addAction(Path(path).name or path,
                           lambda p=path: self.open_workspace(p)).setToolTip(path)
        if not recent:
            menu.addAction("No recent workspaces").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear the List", lambda: self.w.session.settings.set(
                "recent_workspaces", []))

    def on_workspace(self, ws: Any) -> None:
        self.w.area.close_all()
        self.w.area.history.clear()  # a new workspace starts a new history
        self.w.setWindowTitle(f"Policy Reader — {ws.name}")
        self.w.status.set_workspace(ws.name, str(ws.root))
        self.w.search.filters.clear()
        self.w.search.show_results(None)
        self.w.reading.update_enabled()

    def on_themes(self, themes: list[ThemeChoice]) -> None:
        self.w.library.set_themes(themes)
        self.w.search.set_theme_labels({t.id: t.label for t in themes})

    def on_documents(self) -> None:
        docs = self.w.session.documents()
        self.w.library.set_documents(docs, self.w.session.collections)
        self.w.area.update_documents()
        self.w.area.welcome.set_summary(
            f"This workspace holds {plural(len(docs), 'document')}." if docs else "")
        self.update_continue()

    def update_continue(self) -> None:
        for doc_id in self.w.session.prefs.recent_documents():
            doc = self.w.session.document(doc_id)
            if doc is not None:
                self.w.area.welcome.set_continue(doc.id, doc.title)
                return
        self.w.area.welcome.set_continue("", "")

    def import_dialog(self) -> None:
        patterns = document_patterns()
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import files into the workspace", "",
            f"Documents ({patterns});;All files (*)")
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders (menu and drag and drop both come here)."""
        if self.w.session.workspace is None or not paths:
            return
        self.w.session.import_files(paths)

    def on_import_finished(self, changes: Any) -> None:
        """The import's summary: its headline in the status bar, the details list when a
        file was skipped or needs a look; other problems (a file still being written) as
        before."""
        summary = getattr(changes, "summary", None)
        told = set(getattr(changes, "not_copied", ()))
        lines = [p for p in getattr(changes, "problems", ()) if p not in told]
        if summary is None:
            added = len(getattr(changes, "added", ()))
            self.w.status.showMessage(f"Imported {plural(added, 'document')}.", 8000)
        else:
            self.w.status.showMessage(summary.headline + ".", 15_000)
            if worth_showing(summary):
                show_import_summary(self.w, summary)
        if lines:
            messages.show_problems(
                self.w, "Some files could not be read",
                f"{plural(len(lines), 'file')} could not be read. The others were imported.",
                lines)

    def reindex(self, rebuild: bool) -> None:
        if self.w.session.workspace is not None:
            self.w.session.refresh(rebuild=rebuild)

    def show_welcome(self) -> None:
        self.w.area.setCurrentWidget(self.w.area.welcome)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file().parent)))

    def show_about(self) -> None:
        box = QMessageBox(self.w)
        box.setWindowTitle("About Policy Reader")
        box.setText(f"<b>Policy Reader {__version__}</b>")
        box.setInformativeText(
            "Read, search and annotate policy documents with your study group. Private and "
            "offline: nothing leaves this computer unless you export it.")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
