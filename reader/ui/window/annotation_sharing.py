"""File → Import Annotations… (a preview first, then the merge) and File → Export My
Annotations… (W3C JSON-LD, Hypothesis JSON or CSV). The reading, checking and writing run
on the task runner; the operations do the work (:mod:`reader.ops.sharing`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from reader.ui import messages
from reader.ui.formatting import plural

if TYPE_CHECKING:
    from reader.model.changes import Outcome
    from reader.ops.sharing import ImportPlan, ImportResult
    from reader.ui.widgets.import_preview import ImportPreview
    from reader.ui.window.annotation_ui import AnnotationUI

log = logging.getLogger(__name__)

EXPORT_FILTERS = {
    "W3C Web Annotation (*.jsonld *.json)": ("w3c", ".jsonld"),
    "Hypothesis export (*.json)": ("hypothesis", ".json"),
    "Spreadsheet, CSV (*.csv)": ("csv", ".csv"),
}


class Sharing:
    def __init__(self, ui: AnnotationUI) -> None:
        self.ui = ui
        self.preview: ImportPreview | None = None

    # -- import ----------------------------------------------------------------------------
    def import_dialog(self) -> None:
        if self.ui.session.workspace is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self.ui.window, "Import annotations", "",
            "Annotation files (*.json *.jsonld);;All files (*)")
        if files:
            self.preview_import([Path(f) for f in files])

    def preview_import(self, paths: list[Path]) -> None:
        """Check ``paths`` in the background, then show what importing them would do."""
        from reader.ops import sharing
        from reader.ui.widgets.import_preview import ImportPreview

        ws = self.ui.session.require()

        def shown(plan: ImportPlan) -> None:
            if ws is not self.ui.session.workspace:
                return
            dialog = ImportPreview(plan, self.ui.window)
            dialog.import_requested.connect(self.run_import)
            self.preview = dialog
            dialog.finished.connect(lambda _r: setattr(self, "preview", None))
            dialog.open()

        self.ui.session.runner.run(
            lambda _p, cancel: sharing.plan_import(ws, paths, cancel=cancel),
            label="Checking annotation files", on_done=shown)

    def run_import(self, paths: list[str], replace_mine: bool = False) -> None:
        from reader.ops import sharing

        ws = self.ui.session.require()
        session = self.ui.session

        def done(outcome: Outcome[list[ImportResult]]) -> None:
            session.apply(outcome.changes)
            results = outcome.value
            added = sum(r.added for r in results)
            updated = sum(r.updated for r in results)
            text = f"Imported {plural(added, 'highlight')}"
            if updated:
                text += f", updated {updated:,}"
            refused = sum(r.refused for r in results)
            if refused:
                text += f"; {refused:,} of yours left as they are"
            new = sorted({t for r in results for t in r.new_themes})
            if new:
                text += f"; new themes: {', '.join(new[:5])}"
            self.ui.window.status.showMessage(text + ".", 10_000)

        def failed(exc: BaseException) -> None:
            session.apply(sharing.IMPORTED)  # a partial import may have changed something
            messages.show_error(self.ui.window, exc, title="Import failed")

        self.ui.session.runner.run(
            lambda _p, _c: sharing.import_annotations(ws, paths, replace_mine=replace_mine),
            label="Importing annotations", on_done=done, on_error=failed)

    # -- export ----------------------------------------------------------------------------
    def export_dialog(self) -> None:
        ws = self.ui.session.workspace
        if ws is None:
            return
        start = str(Path.home() / f"{ws.name} highlights.jsonld")
        path, chosen = QFileDialog.getSaveFileName(self.ui.window, "Export my annotations",
                                                   start, ";;".join(EXPORT_FILTERS))
        if not path:
            return
        fmt, ext = EXPORT_FILTERS.get(chosen, ("w3c", ".jsonld"))
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(ext)
        self.export_to(target, fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write your highlights to ``path`` as ``fmt`` (w3c | hypothesis | csv)."""
        from reader.ops import sharing

        ws = self.ui.session.require()
        self.ui.ctrl.autosave.save_now(ws)

        self.ui.session.runner.run(
            lambda _p, _c: sharing.export_mine(ws, fmt, path).value,
            label="Exporting highlights",
            on_done=lambda n: self.ui.window.status.showMessage(
                f"Exported {plural(n, 'highlight')} to {path.name}.", 10_000),
            on_error=lambda exc: messages.show_error(self.ui.window, exc,
                                                     title="Export failed"))
