"""The brief dialog's "Discussion and comparison" choices: the reply thread under each
quote, "Contradicted by: …" under a quote a contradiction link joins to another passage,
and a comparison matrix (documents, offices or jurisdictions × themes) before the
passages — a real table in PDF, Word, HTML and Markdown, and a CSV beside a CSV brief."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from reader.ops.brief import BriefOptions, MatrixBy

FLAGS = (
    ("include_replies", "&Replies under each quote",
     "The group's reply thread under each passage that has one"),
    ("show_contradictions", "“Contradicted &by …” under a quote",
     "Under a passage linked to another by a contradiction, the other passage and where "
     "it is"),
    ("include_matrix", "A comparison &matrix before the passages",
     "A table of the brief's documents (or offices, or jurisdictions) × themes: how many "
     "passages, and how they lean"),
)
ROWS = ((MatrixBy.DOCUMENT, "Rows: documents"), (MatrixBy.OFFICE, "Rows: offices"),
        (MatrixBy.JURISDICTION, "Rows: jurisdictions"))


class DiscussionBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__("Discussion and comparison", parent)
        self.setObjectName("briefDiscussion")
        box = QVBoxLayout(self)
        box.setSpacing(3)
        self.flags: dict[str, QCheckBox] = {}
        for key, text, tip in FLAGS:
            check = QCheckBox(text)
            check.setObjectName(f"brief_{key}")
            check.setToolTip(tip)
            check.setAccessibleDescription(tip)
            check.toggled.connect(lambda *_: self._changed())
            self.flags[key] = check
            box.addWidget(check)
        self.matrix_by = QComboBox()
        self.matrix_by.setObjectName("briefMatrixBy")
        self.matrix_by.setAccessibleName("Rows of the comparison matrix")
        for value, label in ROWS:
            self.matrix_by.addItem(label, value.value)
        self.matrix_by.currentIndexChanged.connect(lambda *_: self.changed.emit())
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(QLabel("Matrix:"))
        row.addWidget(self.matrix_by, 1)
        box.addLayout(row)
        self._changed(quiet=True)

    def _changed(self, *, quiet: bool = False) -> None:
        self.matrix_by.setEnabled(self.flags["include_matrix"].isChecked())
        if not quiet:
            self.changed.emit()

    def values(self) -> dict[str, Any]:
        """The :class:`BriefOptions` fields this box sets."""
        out: dict[str, Any] = {k: c.isChecked() for k, c in self.flags.items()}
        out["matrix_by"] = str(self.matrix_by.currentData())
        return out

    def show_options(self, o: BriefOptions) -> None:
        for key, check in self.flags.items():
            check.setChecked(bool(getattr(o, key)))
        self.matrix_by.setCurrentIndex(max(0, self.matrix_by.findData(o.matrix_by.value)))
