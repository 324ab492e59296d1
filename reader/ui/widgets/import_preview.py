"""File → Import Annotations…: what each file would bring (added, updated, skipped,
orphaned, themes this workspace does not have) before anything is merged, and what it
would change of *your own* highlights: those changes are not made unless the person ticks
"Replace my highlights…" (the core's plan: :mod:`reader.annotations.import_plan`). Broken
files are listed with their reason and left out; the others can still be imported."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ops.sharing import Decision, FilePlan, ImportPlan
from reader.ui.formatting import plural
from reader.ui.palette import error_color

COLUMNS = ("File", "Added", "Updated", "Skipped", "Orphaned", "Yours changed",
           "Themes not here")
YOURS_SHOWN = 8


class ImportPreview(QDialog):
    import_requested = Signal(list, bool)  # [path] of the files to import, replace mine

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle("Import annotations")
        self.setAccessibleName("Import preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        plans = list(plan.files)
        self.plans = plans
        ok = [p for p in plans if p.ok]
        bad = [p for p in plans if not p.ok]
        added = sum(p.added for p in ok)
        updated = sum(p.updated for p in ok)
        summary = QLabel()
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)
        parts = [f"<b>{plural(added, 'highlight')} to add</b>"]
        if updated:
            parts.append(f"{updated:,} to update")
        orphaned = sum(p.orphaned for p in ok)
        if orphaned:
            parts.append(f"{orphaned:,} whose words or document are not found here (kept, "
                         "listed as not found)")
        text = ", ".join(parts) + "."
        if bad:
            text += (f"<br><span style='color:{error_color()}'>"
                     f"{plural(len(bad), 'file')} cannot be imported and will be left out."
                     "</span>")
        summary.setText(text)
        self.table = QTableWidget(len(plans), len(COLUMNS))
        self.table.setObjectName("importTable")
        self.table.setAccessibleName("Files to import")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(COLUMNS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        for r, plan in enumerate(plans):
            name = Path(plan.path).name
            first = QTableWidgetItem(f"{name}\n{plan.error or plan.description}")
            first.setToolTip(f"{plan.path}\n{plan.error or plan.description}")
            self.table.setItem(r, 0, first)
            if not plan.ok:
                continue
            values = (plan.added, plan.updated, plan.skipped, plan.orphaned,
                      len(plan.changes_yours))
            for c, value in enumerate(values, 1):
                item = QTableWidgetItem(f"{value:,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            themes = ", ".join(plan.unknown_themes[:4]) + (
                f" and {len(plan.unknown_themes) - 4} more" if len(plan.unknown_themes) > 4
                else "")
            item = QTableWidgetItem(themes or "—")
            item.setToolTip(("New themes will be created: " if plan.creates_themes else
                             "Shown as unknown until adopted: ")
                            + ", ".join(plan.unknown_themes) if plan.unknown_themes else
                            "Every theme is known here")
            self.table.setItem(r, 6, item)
        self.table.resizeRowsToContents()
        yours = [d for p in ok for d in p.changes_yours]
        self.yours = QLabel(self._yours_text(yours))
        self.yours.setObjectName("importYours")
        self.yours.setWordWrap(True)
        self.yours.setTextFormat(Qt.TextFormat.RichText)
        self.yours.setVisible(bool(yours))
        self.replace_mine = QCheckBox(
            f"Replace {plural(len(yours), 'of my highlights', 'of my highlights')} with "
            "the file's versions")
        self.replace_mine.setObjectName("importReplaceMine")
        self.replace_mine.setVisible(bool(yours))
        notes = QLabel(self._notes(ok))
        notes.setWordWrap(True)
        notes.setTextFormat(Qt.TextFormat.RichText)
        notes.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        go = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        go.setText("Import" if not bad else f"Import {plural(len(ok), 'File')}")
        go.setEnabled(bool(ok) and any(p.added or p.updated or p.refused for p in ok))
        self.buttons.accepted.connect(self._go)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.yours)
        layout.addWidget(self.replace_mine)
        layout.addWidget(notes)
        layout.addWidget(self.buttons)
        self.resize(760, 360)

    @staticmethod
    def _notes(ok: list[FilePlan]) -> str:
        lines = []
        if any(p.kind == "colleague" for p in ok):
            lines.append("A colleague's file is copied in as theirs: their highlights stay "
                         "read-only to you.")
        if any(p.kind in ("w3c", "hypothesis") for p in ok):
            lines.append("Highlights from a W3C or Hypothesis file become yours; their "
                         "original author is remembered.")
        if any(p.creates_themes for p in ok):
            lines.append("Tags that are not themes here become new themes.")
        if any(p.replies for p in ok):
            lines.append(f"{plural(sum(p.replies for p in ok), 'reply', 'replies')} "
                         "(no quoted words) will be skipped.")
        return "<br>".join(html.escape(line) for line in lines)

    @staticmethod
    def _yours_text(yours: list[Decision]) -> str:
        """What the files would change of your own highlights (not done unless asked)."""
        if not yours:
            return ""
        deletions = sum(1 for d in yours if d.highlight.deleted and d.current is not None
                        and not d.current.deleted)
        head = (f"<b>{plural(len(yours), 'of your own highlights', 'of your own highlights')}"
                " would be changed</b>" + (f" ({deletions:,} deleted)" if deletions else "")
                + ": they are left as they are unless you tick the box below.")
        items = []
        for d in yours[:YOURS_SHOWN]:
            quote = " ".join((d.current or d.highlight).quote.exact.split())[:70]
            verb = "delete" if d.highlight.deleted and d.current is not None and \
                not d.current.deleted else "change"
            items.append(f"{verb}: “{html.escape(quote)}”")
        more = f"<br>and {len(yours) - YOURS_SHOWN:,} more" if len(yours) > YOURS_SHOWN else ""
        return head + "<br>" + "<br>".join(items) + more

    def _go(self) -> None:
        self.import_requested.emit([p.path for p in self.plans if p.ok],
                                   self.replace_mine.isChecked())
        self.accept()
