"""What an import did, in a details list: imported, already in the library (as which
document), and every file skipped, grouped by what happened and why ("2 unsupported: XML
vocabulary ‹rss› not known"), with the files of each group under it and the code sections
two files now claim. The status bar says the headline; this dialog is shown when something
was skipped or needs a look."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.model.imports import ImportSummary
from reader.ui import messages

MAX_FILES_LISTED = 500  # per group; the rest is counted


def worth_showing(summary: ImportSummary) -> bool:
    """Whether the details need a look (something skipped, noted, or claimed twice; or
    nothing imported because it is all in the library already: say as what)."""
    return bool(summary.skipped or summary.notes or summary.claims
                or (summary.already_present and not summary.imported))


class ImportSummaryDialog(QDialog):
    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle("Import summary")
        self.summary = summary
        headline = QLabel(summary.headline + ".")
        headline.setObjectName("importHeadline")
        headline.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("importDetails")
        self.tree.setAccessibleName("What happened to each file")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        for group in (*summary.skipped, *summary.notes):
            self._group(group.line, group.details or group.files)
        if summary.already_present:
            self._group(summary.already_line,
                        tuple(a.line for a in summary.already_present))
        for claim in summary.claims:
            self._group(f"{claim.citation} is claimed by {len(claim.paths)} files",
                        claim.paths)
        if summary.imported:
            self._group(f"{len(summary.imported)} imported", summary.imported,
                        expanded=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _group(self, line: str, files: tuple[str, ...], *, expanded: bool = True) -> None:
        item = QTreeWidgetItem([line])
        item.setToolTip(0, line)
        for name in files[:MAX_FILES_LISTED]:
            child = QTreeWidgetItem([name])
            child.setToolTip(0, name)
            item.addChild(child)
        if len(files) > MAX_FILES_LISTED:
            item.addChild(QTreeWidgetItem([f"… and {len(files) - MAX_FILES_LISTED} more"]))
        self.tree.addTopLevelItem(item)
        item.setExpanded(expanded)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)


def show_import_summary(parent: QWidget | None, summary: ImportSummary) -> ImportSummaryDialog:
    """Open the details (not modal: the window stays usable)."""
    messages.HISTORY.append(messages.Shown("info", "Import summary", summary.headline,
                                           "\n".join(summary.lines())))
    dialog = ImportSummaryDialog(summary, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
