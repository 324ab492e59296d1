"""Document properties: title, kind, jurisdiction, office or author, date, source URL,
citation, docket, judge, type — saved for the whole group in the workspace
(``.policy-reader/documents.json``). Under each value, quietly, where it was read ("from
page 1: 'Decided February 5, 2010'", "from the file's properties", "edited for this
workspace"); other dates the page gives (argued, submitted) are listed below the form."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.model.documents import KINDS, Document
from reader.ui.formatting import kind_label

DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
FIELDS = (("title", "Title"), ("author", "Office or author"), ("jurisdiction", "Jurisdiction"),
          ("date", "Date"), ("citation", "Citation"), ("docket", "Docket"),
          ("site", "Publisher or court"), ("judge", "Judge"), ("doc_type", "Type"),
          ("source_url", "Source URL"))
#: Dates a page gives besides the document's own, shown but not edited.
EXTRA_LABELS = {"argued": "Argued", "submitted": "Submitted", "heard": "Heard",
                "effective": "Effective", "entered": "Entered"}


def check_fields(values: dict[str, str]) -> str:
    """A sentence about what is wrong with ``values``, or ``""``."""
    if values.get("date") and not DATE_RE.match(values["date"]):
        return "Write the date as YYYY, YYYY-MM or YYYY-MM-DD (for example 2019-03-12)."
    url = values.get("source_url", "")
    if url and not re.match(r"^(https?|ftp)://\S+$|^doi:\S+$", url):
        return "The source URL should start with http:// or https://."
    if not values.get("title", "").strip():
        return "A document needs a title."
    return ""


class PropertiesDialog(QDialog):
    def __init__(self, doc: Document, save: Callable[[dict[str, str]], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesDialog")
        self.setWindowTitle(f"Properties — {doc.title}")
        self.setAccessibleName("Document properties")
        self.doc = doc
        self._save = save
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("Kind")
        for kind in KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(doc.meta.kind)))
        self.sources: dict[str, QLabel] = {}
        for key, label in FIELDS:
            edit = QLineEdit(getattr(doc.meta, key, "") if key != "title" else doc.title)
            edit.setAccessibleName(label)
            edit.setMinimumWidth(360)
            self.edits[key] = edit
            source = doc.source_of(key)
            if source is not None:
                edit.setToolTip(source.describe())
                form.addRow(f"&{label}:", self._with_source(edit, key, source.describe()))
            else:
                form.addRow(f"&{label}:", edit)
            if key == "title":
                form.addRow("&Kind:", self.kind_box)
        self.edits["date"].setPlaceholderText("YYYY-MM-DD")
        self.edits["jurisdiction"].setPlaceholderText("e.g. PA, Philadelphia, US")
        self.edits["source_url"].setPlaceholderText("https://…")
        extras = [(s.snippet or EXTRA_LABELS[s.field]) + (f" (page {s.page})" if s.page else "")
                  for s in doc.sources if s.field in EXTRA_LABELS]
        if extras:
            also = QLabel("<small>" + "<br>".join(html.escape(x) for x in extras) + "</small>")
            also.setObjectName("propertiesExtras")
            also.setTextFormat(Qt.TextFormat.RichText)
            form.addRow("Also:", also)
        where = QLabel(f"<small>{doc.path} · saved for everyone who shares this workspace</small>")
        where.setTextFormat(Qt.TextFormat.RichText)
        where.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("propertiesProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _with_source(self, edit: QLineEdit, key: str, text: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(edit)
        note = QLabel(text)
        note.setObjectName(f"source_{key}")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        note.setAccessibleName(f"Where the {key.replace('_', ' ')} came from")
        column.addWidget(note)
        self.sources[key] = note
        return box

    def values(self) -> dict[str, str]:
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        values["kind"] = self.kind_box.currentData()
        return values

    def changed(self) -> dict[str, str]:
        """The values the person changed (only these become the group's corrections, so
        the others keep following the document when it is read again)."""
        values = self.values()
        before = {key: (self.doc.title if key == "title" else getattr(self.doc.meta, key, ""))
                  for key in values}
        before["kind"] = self.doc.meta.kind
        return {k: v for k, v in values.items() if v != (before.get(k) or "").strip()}

    def accept(self) -> None:
        values = self.values()
        problem = check_fields(values)
        if not problem:
            try:
                self._save(self.changed())
            except ReaderError as exc:
                problem = str(exc)
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()
