"""File → Import Annotations… (a preview first, then the merge) and File → Export My
Annotations… (W3C JSON-LD, Hypothesis JSON or CSV). The reading, checking and writing run
on the task runner; the core does the work (:mod:`reader.annotations.interop`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog

from reader.annotations.select import Selection
from reader.ui import messages
from reader.ui.formatting import plural

if TYPE_CHECKING:
    from reader.annotations import interop
    from reader.annotations.import_plan import ImportPlan
    from reader.ui.annotating.install import AnnotationUI
    from reader.ui.widgets.import_preview import ImportPreview

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
        from reader.annotations.import_plan import plan_imports
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

        self.ui.session.runner.run(lambda _p, cancel: plan_imports(ws, paths, cancel=cancel),
                                   label="Checking annotation files", on_done=shown)

    def run_import(self, paths: list[str], replace_mine: bool = False) -> None:
        from reader.annotations import interop

        ws = self.ui.session.require()
        ctrl = self.ui.ctrl

        def done(results: list[interop.ImportResult]) -> None:
            ctrl.import_done()
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
            ctrl.import_done()  # a partial import may have changed something
            messages.show_error(self.ui.window, exc, title="Import failed")

        self.ui.session.runner.run(lambda _p, _c: interop.import_files(
            ws, paths, replace_mine=replace_mine),
                                   label="Importing annotations", on_done=done,
                                   on_error=failed)

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
        from reader.annotations import interop

        ws = self.ui.session.require()
        self.ui.ctrl.autosave.save_now(ws)
        me = ws.annotations().author.id

        def work(_p: Any, _c: Any) -> int:
            data, count = interop.export(ws, fmt, selection=Selection(
                author_ids=frozenset({me})))
            interop.write_export(path, data)
            return count

        self.ui.session.runner.run(
            work, label="Exporting highlights",
            on_done=lambda n: self.ui.window.status.showMessage(
                f"Exported {plural(n, 'highlight')} to {path.name}.", 10_000),
            on_error=lambda exc: messages.show_error(self.ui.window, exc,
                                                     title="Export failed"))
