"""The policy comparison: pick 2–6 documents (say four DA memos) and 1–5 themes; each
theme is a row of parallel columns, one per document, holding that document's passages on
the theme (or its sub-themes) in reading order — so what each office says about naloxone,
or proof of treatment, reads across.

Plain data in (the library's documents, the taxonomy, a
:class:`~reader.model.compare.Comparison`), :attr:`compare_requested` out.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.model.compare import Comparison
from reader.model.documents import Document
from reader.model.themes import Taxonomy
from reader.ui.widgets.passage_columns import ColumnData, PassageColumns

MIN_DOCS, MAX_DOCS, MIN_THEMES, MAX_THEMES = 2, 6, 1, 5
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class ComparisonView(QWidget):
    compare_requested = Signal(list, list)  # document ids, theme ids
    passage_activated = Signal(str, str)  # document id, highlight id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self.tax = Taxonomy()
        self.find = QLineEdit()
        self.find.setPlaceholderText("Find documents")
        self.find.setAccessibleName("Find documents")
        self.find.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of document")
        self.kind.addItem("All kinds", "")
        self.docs = QListWidget()
        self.docs.setObjectName("compareDocuments")
        self.docs.setAccessibleName("Documents to compare")
        self.themes = QListWidget()
        self.themes.setObjectName("compareThemes")
        self.themes.setAccessibleName("Themes to compare")
        self.hint = QLabel()
        self.hint.setObjectName("compareHint")
        self.hint.setWordWrap(True)
        self.button = QPushButton("Compare")
        self.button.setObjectName("compareButton")
        self.button.setDefault(True)
        picks = QWidget()
        left = QVBoxLayout(picks)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(QLabel("<b>Documents</b> (2 to 6)"))
        left.addWidget(self.find)
        left.addWidget(self.kind)
        left.addWidget(self.docs, 3)
        left.addWidget(QLabel("<b>Themes</b> (1 to 5)"))
        left.addWidget(self.themes, 2)
        left.addWidget(self.hint)
        left.addWidget(self.button)
        self.result = QWidget()
        self.rows = QVBoxLayout(self.result)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.placeholder = QLabel("Choose documents and themes on the left, then Compare: "
                                  "each theme becomes a row, each document a column of the "
                                  "passages the group marked.")
        self.placeholder.setWordWrap(True)
        self.rows.addWidget(self.placeholder)
        self.area = QScrollArea()
        self.area.setObjectName("comparisonResult")
        self.area.setWidgetResizable(True)
        self.area.setWidget(self.result)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(picks)
        splitter.addWidget(self.area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(splitter)
        self.sections: list[PassageColumns] = []
        self.find.textChanged.connect(lambda _t: self._narrow())
        self.kind.activated.connect(lambda _i: self._narrow())
        self.docs.itemChanged.connect(lambda _i: self._update())
        self.themes.itemChanged.connect(lambda _i: self._update())
        self.button.clicked.connect(self._compare)
        self._update()

    # -- choices ---------------------------------------------------------------------------
    def set_choices(self, documents: Sequence[Document], tax: Taxonomy) -> None:
        keep_docs, keep_themes = set(self.chosen_documents()), set(self.chosen_themes())
        self.tax = tax
        self.docs.blockSignals(True)
        self.docs.clear()
        kinds: list[str] = []
        for d in sorted(documents, key=lambda d: (d.meta.kind, d.title.casefold())):
            bits = [b for b in (d.meta.kind, " ".join(d.meta.author.split()), d.meta.date)
                    if b]
            item = QListWidgetItem(d.title)
            item.setToolTip(f"{d.title}\n{' · '.join(bits)}\n{d.path}")
            item.setData(ID_ROLE, d.id)
            item.setData(KIND_ROLE, d.meta.kind)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.id in keep_docs
                               else Qt.CheckState.Unchecked)
            self.docs.addItem(item)
            if d.meta.kind and d.meta.kind not in kinds:
                kinds.append(d.meta.kind)
        self.docs.blockSignals(False)
        keep_kind = self.kind.currentData()
        while self.kind.count() > 1:
            self.kind.removeItem(1)
        for k in kinds:
            self.kind.addItem(k, k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(keep_kind)))
        self.themes.blockSignals(True)
        self.themes.clear()
        for t in tax.themes:
            item = QListWidgetItem("    " * tax.depth(t.id) + t.label)
            item.setData(ID_ROLE, t.id)
            item.setToolTip(t.description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.id in keep_themes
                               else Qt.CheckState.Unchecked)
            self.themes.addItem(item)
        self.themes.blockSignals(False)
        self._narrow()

    def _checked(self, widget: QListWidget) -> list[str]:
        return [widget.item(i).data(ID_ROLE) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def chosen_documents(self) -> list[str]:
        return self._checked(self.docs)

    def chosen_themes(self) -> list[str]:
        return self._checked(self.themes)

    def choose(self, doc_ids: Sequence[str], theme_ids: Sequence[str]) -> None:
        for widget, wanted in ((self.docs, set(doc_ids)), (self.themes, set(theme_ids))):
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in wanted
                                   else Qt.CheckState.Unchecked)
        self._update()

    def _narrow(self) -> None:
        words = self.find.text().casefold().split()
        kind = self.kind.currentData()
        for i in range(self.docs.count()):
            item = self.docs.item(i)
            text = (item.text() + " " + item.toolTip()).casefold()
            hide = bool(kind and item.data(KIND_ROLE) != kind) or \
                not all(w in text for w in words)
            item.setHidden(hide and item.checkState() != Qt.CheckState.Checked)

    def _update(self) -> None:
        n, k = len(self.chosen_documents()), len(self.chosen_themes())
        ok = MIN_DOCS <= n <= MAX_DOCS and MIN_THEMES <= k <= MAX_THEMES
        self.button.setEnabled(ok)
        self.hint.setText(f"{n} document{'s' if n != 1 else ''} and {k} "
                          f"theme{'s' if k != 1 else ''} chosen."
                          + ("" if ok else " Choose 2 to 6 documents and 1 to 5 themes."))

    def _compare(self) -> None:
        if self.button.isEnabled():
            self.compare_requested.emit(self.chosen_documents(), self.chosen_themes())

    # -- the result ------------------------------------------------------------------------
    def show_comparison(self, c: Comparison) -> None:
        for w in self.sections:
            w.setParent(None)  # type: ignore[call-overload]
            w.deleteLater()
        self.sections = []
        self.placeholder.hide()
        for i, theme in enumerate(c.themes):
            section = PassageColumns()
            section.passage_activated.connect(self.passage_activated)
            columns = [ColumnData(d.office or d.title,
                                  " · ".join(b for b in (d.title if d.office else "",
                                                         d.date) if b),
                                  c.cells[i][j], c.empty_sentence(i, j))
                       for j, d in enumerate(c.documents)]
            n = sum(len(cell) for cell in c.cells[i])
            section.show_columns(f"<h3>{html.escape(theme.label)} "
                                 f"<small>({n} passage{'s' if n != 1 else ''})</small></h3>",
                                 columns, self.tax)
            self.rows.addWidget(section)
            self.sections.append(section)

    def show_problem(self, text: str) -> None:
        self.hint.setText(text)
