"""File → Export Brief…: choose passages, layout and cover, watch a live preview, export.

The highlights are read on the task runner (the dialog shows a busy page meanwhile); every
change to the form refreshes the count and the preview after a short pause, also on the
runner (one preview at a time; the last change always wins). Export asks for a file name,
then builds and writes the brief in the background with progress and a cancel button; the
result is reported through :mod:`reader.ui.messages` with "Open File" / "Open Folder".

The last choices are kept in the user settings (``brief.options``, ``brief.format``,
``brief.folder``); anything damaged there falls back to the defaults. Tests call
:meth:`BriefDialog.export_to` to skip the file dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError, WorkspaceError
from reader.ops.brief import EXTENSIONS, FORMATS, BriefOptions, ExportResult
from reader.ops.workspace import Workspace
from reader.settings import Settings
from reader.ui import messages
from reader.ui.formatting import plural
from reader.ui.tasks import Task
from reader.ui.widgets.brief_data import (
    Gathered,
    Preview,
    file_name,
    gather,
    make_preview,
    resolve_target,
    restore_choices,
    save_choices,
)
from reader.ui.widgets.brief_export import ExportBar, export_work, open_path
from reader.ui.widgets.brief_form import BriefForm
from reader.ui.widgets.brief_preview import PreviewPane

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
STYLE = """
QLabel#briefHint, QLabel#briefSummary, QLabel#briefUpdating, QLabel#briefStatus,
QLabel#briefEmptyText { color: palette(placeholder-text); }
QLabel#briefFieldLabel, QLabel#briefPreviewTitle { font-weight: 600; }
QLabel#briefCount { font-weight: 600; }
QLabel#briefEmptyTitle { font-size: 13pt; }
QPushButton[flat="true"] { color: palette(link); padding: 0 4px; }
"""


# -- the dialog ------------------------------------------------------------------------------
class BriefDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefDialog")
        self.session = session
        self.runner = session.runner
        self.settings: Settings = session.settings
        self.workspace: Workspace = session.require()
        self.setWindowTitle(f"Export Brief — {self.workspace.name}")
        self.setAccessibleName("Export brief")
        self.setStyleSheet(STYLE)
        self.gathered: Gathered | None = None
        self.shown: Preview | None = None
        self.last_result: ExportResult | None = None
        self.result_box: QWidget | None = None  # the "Brief exported" message
        self._closed = False
        self._preview_task: Task | None = None
        self._again = False
        options, fmt, self.folder = restore_choices(self.settings)
        self._restored = options  # the pick lists are filled once the highlights are read

        self.form = BriefForm()
        self.form.set_options(options, fmt)
        self.form.setEnabled(False)
        self.preview = PreviewPane()
        self.preview.clear_filters.connect(self.clear_filters)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.form)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        # the form never narrower than its controls need (stances, dates): nothing cut off
        self.form.setMinimumWidth(max(380, self.form.minimumSizeHint().width()))
        self.preview.setMinimumWidth(360)
        split.setSizes([max(450, self.form.minimumWidth()), 700])

        self.bar = ExportBar()
        self.bar.ended.connect(self._export_ended)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("&Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("briefExport")
        self.export_button.setEnabled(False)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.reset_button = buttons.addButton("&Reset", QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_button.setToolTip("Back to the default choices")
        self.reset_button.clicked.connect(self.reset)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setAutoDefault(False)
        self.reset_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.bar, 1)
        bottom.addSpacing(12)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.form.changed.connect(self._timer.start)
        self.form.changed.connect(self._update_buttons)
        self.setTabOrder(self.form, self.preview.browser)
        self.setTabOrder(self.preview.browser, self.export_button)
        self._size_to_screen()
        self._start_gather()

    def _size_to_screen(self) -> None:
        width, height = 1180, 740
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 40), min(height, room.height() - 40)
        least = self.minimumSizeHint()
        self.setMinimumSize(max(least.width(), min(860, width)), min(560, height))
        self.resize(max(width, least.width()), height)

    # -- background work -------------------------------------------------------------------
    def _alive(self) -> bool:
        return not self._closed and shiboken6.isValid(self)

    def _guard(self, fn: Callable[..., None]) -> Callable[..., None]:
        """``fn`` that does nothing once the dialog is closed (tasks may end later)."""
        return lambda *args: fn(*args) if self._alive() else None

    def _start_gather(self) -> None:
        self.preview.show_busy()
        ws = self.workspace
        self.runner.run(lambda _p, _c: gather(ws), label="Reading highlights for the brief",
                        visible=False, cancellable=False, on_done=self._guard(self._gathered),
                        on_error=self._guard(self._gather_failed))

    def _gathered(self, gathered: Gathered) -> None:
        self.gathered = gathered
        self.form.set_choices(gathered.themes, gathered.documents, gathered.authors,
                              gathered.first_day, self._restored)
        self.form.setEnabled(True)
        self.preview.show_busy("Preparing the preview…")
        self.refresh()

    def _gather_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ReaderError):
            messages.report_crash(exc, parent=self)
        self.preview.show_empty("", "Cannot read the highlights",
                                str(exc) if isinstance(exc, ReaderError) else
                                "Something went wrong; the details are in the log.",
                                can_clear=False)
        self._update_buttons()

    def ready(self) -> bool:
        """The highlights are read and the preview shows the current choices."""
        return (self.gathered is not None and self._preview_task is None
                and not self._timer.isActive() and self.shown is not None
                and self.shown.options == self.form.options())

    def refresh(self) -> None:
        """Count and preview the current choices (on the task runner)."""
        if not self._alive() or not shiboken6.isValid(self._timer):  # a late signal
            return
        self._timer.stop()
        if self.gathered is None:
            return
        if self._preview_task is not None:
            self._again = True
            return
        options = self.form.options()
        if self.shown is not None and self.shown.options == options:
            return
        inputs = self.gathered.inputs
        self.preview.set_updating(True)
        task = self.runner.run(lambda _p, _c: make_preview(inputs, options),
                               label="Updating the brief preview", visible=False,
                               cancellable=False, on_done=self._guard(self._show),
                               on_error=self._guard(self._preview_failed))
        task.finished.connect(self._guard(self._preview_done))
        self._preview_task = task

    def _preview_done(self) -> None:
        self._preview_task = None
        self.preview.set_updating(False)
        if self._again:
            self._again = False
            self.refresh()

    def _preview_failed(self, exc: BaseException) -> None:
        messages.show_error(self, exc, title="Cannot preview the brief")

    def _show(self, result: Preview) -> None:
        self.shown = result
        if not result.problem:
            count = (f"{plural(result.quotes, 'passage')} from "
                     f"{plural(result.documents, 'document')}")
            if result.themes:
                count += f" under {plural(result.themes, 'theme')}"
            if result.counts.orphaned:
                count += f" · {result.counts.orphaned:,} cannot be located"
            self.preview.show_preview(count, result.html)
        else:
            self._show_nothing(result)
        self._update_buttons()

    def _show_nothing(self, result: Preview) -> None:
        total = self.gathered.total if self.gathered else 0
        narrowed = self.form.filters.describe()
        if not total:
            self.preview.show_empty(
                "No passages", "There are no highlights yet",
                "Open a document, select a passage and highlight it. Your group's highlights "
                "come together here.", can_clear=False)
        elif not result.counts.highlights:
            self.preview.show_empty(
                "No passages", "No passage matches these choices",
                f"None of the {plural(total, 'highlight')} is "
                + "; ".join(narrowed) + ". Untick some choices to widen the brief.",
                can_clear=True)
        else:
            self.preview.show_empty("No passages", "Nothing to cite", result.problem,
                                    can_clear=bool(narrowed))

    def _update_buttons(self) -> None:
        exporting = self.bar.busy
        can = (self.gathered is not None and not exporting
               and (self.shown is None or not self.shown.problem))
        self.export_button.setEnabled(can)
        self.reset_button.setEnabled(self.gathered is not None and not exporting)

    # -- actions ---------------------------------------------------------------------------
    def clear_filters(self) -> None:
        options = self.form.options()
        cleared = BriefOptions.from_dict({**options.to_dict(), "themes": [], "authors": [],
                                          "documents": [], "stances": [], "since": None,
                                          "until": None})
        self.form.set_options(cleared, self.form.fmt())

    def reset(self) -> None:
        self.form.set_options(BriefOptions(), "pdf")

    def _start_folder(self) -> Path:
        if self.folder is not None and self.folder.is_dir():
            return self.folder
        docs = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def choose_path(self) -> str:
        """Ask for the file name (the extension follows the chosen format)."""
        fmt = self.form.fmt()
        ext = FORMATS[fmt][1]
        patterns = " ".join(f"*{e}" for e, f in EXTENSIONS.items() if f == fmt)
        start = self._start_folder() / (file_name(self.form.options().title) + ext)
        path, _ = QFileDialog.getSaveFileName(self, "Export the brief as", str(start),
                                              f"{FORMATS[fmt][2]} ({patterns})")
        return path

    def export(self) -> None:
        if self.bar.busy or self.gathered is None:
            return
        path = self.choose_path()
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Task | None:
        """Write the brief the form describes to ``path`` in the background."""
        if self.bar.busy or self.gathered is None:
            return None
        target, fmt = resolve_target(path, self.form.fmt())
        if fmt != self.form.fmt():
            self.form.layout_page.set_fmt(fmt)
        options = self.form.options()
        self.folder = target.parent
        save_choices(self.settings, options, fmt, target.parent)
        task = self.runner.run(export_work(self.gathered.inputs, options, target, fmt),
                               label=f"Exporting {target.name}",
                               on_done=self._guard(self._exported),
                               on_error=self._guard(self._export_failed))
        self.bar.track(task, target.name)
        self.form.setEnabled(False)
        self._update_buttons()
        return task

    def cancel_export(self) -> None:
        self.bar.cancel()

    def _export_ended(self, _cancelled: bool) -> None:
        self.form.setEnabled(True)
        self._update_buttons()

    def _export_failed(self, exc: BaseException) -> None:
        self.bar.say("The brief was not exported.")
        messages.show_error(self, exc, title="Cannot export the brief")

    def _exported(self, result: ExportResult) -> None:
        self.last_result = result
        self.bar.say(f"Saved {result.path.name}.")
        self.exported.emit(result)
        path = result.path
        self.result_box = messages.show_result(
            self.parentWidget(), "Brief exported", f"The brief was saved as {path.name}.",
            result.summary(), actions=(("Open &File", lambda: open_path(path)),
                                       ("Open F&older", lambda: open_path(path.parent))))
        self.accept()

    # -- closing ---------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc or Close: cancels a running export first; closes otherwise."""
        if self.bar.busy:
            self.bar.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        if not self._closed and self.gathered is not None:
            save_choices(self.settings, self.form.options(), self.form.fmt(), self.folder)
        self._closed = True
        self._timer.stop()
        super().done(result)


def open_brief_dialog(window: Any) -> BriefDialog | None:
    """File → Export Brief…: the open dialog, or a new one (window-modal)."""
    for existing in window.findChildren(BriefDialog):
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing  # type: ignore[no-any-return]
    if window.session.workspace is None:
        messages.show_error(window, WorkspaceError(
            "No workspace is open.", "Open or create a workspace from the File menu first."))
        return None
    dialog = BriefDialog(window.session, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
