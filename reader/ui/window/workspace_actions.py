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
from PySide6.QtWidgets import QFileDialog

from reader.errors import ReaderError, WorkspaceMissing
from reader.log import log_file
from reader.ops import desktop
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
        """Open ``path`` (a folder that does not exist: offer to create it)."""
        self.w.area.remember_all()
        try:
            self.w.session.open_workspace(path, create=create)
        except WorkspaceMissing as exc:
            self.offer_create(exc)
            return False
        except ReaderError as exc:
            messages.show_error(self.w, exc, title="Cannot open the workspace")
            return False
        return True

    def offer_create(self, missing: WorkspaceMissing) -> None:
        """``--workspace`` (or a recent workspace) names a folder that is not there: create
        it as a new workspace, or choose another folder."""
        folder = missing.path
        messages.offer(
            self.w, "Create the workspace?", f"The folder {folder} does not exist.",
            "Policy Reader can create it as a new, empty workspace, or you can choose "
            "another folder (it may have been moved or renamed).",
            actions=(("Create Folder", lambda: self.open_workspace(folder, create=True)),
                     ("Choose Another Folder…", self.open_workspace_dialog)))

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
        """File → Recent Workspaces: the last few, a folder that is gone shown greyed out
        (it may come back: a drive plugged in again), and Clear the List."""
        menu = self.w.recent_menu
        menu.clear()
        recent = desktop.recent_workspaces(self.w.session.settings)
        current = self.w.session.workspace
        for item in recent:
            action = menu.addAction(item.name, lambda p=item.path: self.open_workspace(p))
            action.setToolTip(item.path if item.exists else f"{item.path} (not found)")
            action.setStatusTip(action.toolTip())
            if not item.exists:
                action.setText(f"{item.name} (not found)")
                action.setEnabled(False)
            elif current is not None and str(current.root) == item.path:
                action.setCheckable(True)
                action.setChecked(True)
        if not recent:
            menu.addAction("No recent workspaces").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("&Clear the List", self.clear_recent)

    def clear_recent(self) -> None:
        try:
            desktop.clear_recent_workspaces(self.w.session.settings)
        except ReaderError as exc:
            messages.show_error(self.w, exc, title="Cannot clear the list")

    def on_workspace(self, ws: Any) -> None:
        self.show_state()
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
        self.show_state()
        self.update_continue()

    def show_state(self) -> None:
        """No workspace, one still being looked through, an empty one or one with
        documents: what the library panel and the welcome panel offer."""
        session = self.w.session
        has_ws = session.workspace is not None
        checking = has_ws and not session.library_checked
        empty = has_ws and not session.documents()
        self.w.library.set_workspace_open(has_ws, checking=checking)
        self.w.area.welcome.set_state(workspace=has_ws, empty=empty and not checking)

    def add_samples(self) -> None:
        if self.w.session.workspace is not None:
            self.w.session.add_samples()

    def update_continue(self) -> None:
        for doc_id in self.w.session.prefs.recent_documents():
            doc = self.w.session.document(doc_id)
            if doc is not None:
                self.w.area.welcome.set_continue(doc.id, doc.title)
                return
        self.w.area.welcome.set_continue("", "")

    def import_dialog(self) -> None:
        patterns = document_patterns()
        if self.w.session.workspace is None:  # nowhere to put them: choose a workspace
            self.open_workspace_dialog()
            return
        files, _ = QFileDialog.getOpenFileNames(
            self.w, "Import files into the workspace", "",
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
        file was skipped or needs a look, or when nothing was imported because the files
        are already in the library (each named with the document it is); other problems
        (a file still being written) as before."""
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
        from reader.ui.widgets.about_dialog import AboutDialog  # reads package metadata

        dialog = AboutDialog(self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
