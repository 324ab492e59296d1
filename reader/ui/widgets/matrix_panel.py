"""The comparison matrix panel: filters above (kind, place, office, dates, themes, how rows
are grouped, only rows with highlights), the matrix below — documents (or offices, or
jurisdictions) down, themes across with their sub-themes folded into them (click a ▸
theme to open it) — and, beside it, the passages of the cell you click, side by side.
With nothing to count it says why and what to do, never an empty grid.

It shows plain data and emits signals: :attr:`filter_changed` (what the filters say, as
keyword arguments for :func:`reader.ops.compare.make_filter`) and :attr:`cell_activated`
(the highlight ids of a cell); the window computes on the task runner and calls
:meth:`show_matrix` / :meth:`show_passages`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model.compare import GroupBy, Matrix, Passage
from reader.model.themes import Taxonomy
from reader.ui.models.matrix_model import MatrixModel
from reader.ui.widgets.matrix_delegate import CELL_SIZE, MatrixDelegate
from reader.ui.widgets.passage_columns import ColumnData, PassageColumns

TYPING_DELAY_MS = 250
MAX_COLUMN = 170
GROUPS = ((GroupBy.DOCUMENT, "Documents"), (GroupBy.OFFICE, "Offices"),
          (GroupBy.JURISDICTION, "Jurisdictions"))
LEGEND = ("Each cell: how many highlights, and a bar of how they lean — solid <b>+</b> "
          "supports harm reduction, hatched <b>\u2212</b> opposes, dotted <b>\u00b7</b> "
          "neutral. <b>\u2014</b>: nobody marked a passage on that theme there (hover for "
          "what that means). Click a <b>\u25b8</b> theme for its sub-themes, a cell for "
          "its passages.")
NO_WORKSPACE = "Open a workspace to compare its documents."


class MatrixPanel(QWidget):
    filter_changed = Signal(dict)  # keyword arguments of ops.compare.make_filter
    cell_activated = Signal(str, list)  # a heading, the cell's highlight ids
    passage_activated = Signal(str, str)  # document id, highlight id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixPanel")
        self.tax = Taxonomy()
        self._quiet = False
        self._cell: tuple[int, int] | None = None
        self.kind = self._combo("Kind of document", "All kinds")
        self.place = self._combo("Jurisdiction", "All places")
        self.office = QLineEdit()
        self.office.setPlaceholderText("Office or author")
        self.office.setAccessibleName("Office or author contains")
        self.office.setClearButtonEnabled(True)
        self.since = self._date("From (e.g. 2019)")
        self.until = self._date("To (e.g. 2024-06)")
        self.themes_button = QToolButton()
        self.themes_button.setObjectName("matrixThemes")
        self.themes_button.setText("All themes")
        self.themes_button.setAccessibleName("Themes shown as columns")
        self.themes_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.themes_menu = QMenu(self)
        self.themes_button.setMenu(self.themes_menu)
        self.group = QComboBox()
        self.group.setObjectName("matrixGroupBy")
        self.group.setAccessibleName("Rows")
        for value, label in GROUPS:
            self.group.addItem(f"Rows: {label}", value.value)
        self.only = QCheckBox("Only rows with highlights")
        self.only.setObjectName("matrixOnlyHighlighted")
        self.expand = QToolButton()
        self.expand.setText("Open all sub-themes")
        self.expand.setCheckable(True)
        self.expand.setObjectName("matrixExpand")
        self.problem = QLabel()
        self.problem.setObjectName("matrixProblem")
        self.problem.setStyleSheet("color: #b71c1c;")
        self.summary = QLabel()
        self.summary.setObjectName("matrixSummary")

        self.model = MatrixModel(self)
        self.table = QTableView()
        self.table.setObjectName("matrixTable")
        self.table.setAccessibleName("Comparison matrix")
        self.table.setModel(self.model)
        self.table.setItemDelegate(MatrixDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(False)
        self.table.setMouseTracking(True)
        head = self.table.horizontalHeader()
        head.setDefaultSectionSize(CELL_SIZE.width())
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter
                                 | Qt.TextFlag.TextWordWrap)  # type: ignore[operator]
        head.setMinimumHeight(54)
        head.setSectionsClickable(True)
        head.setHighlightSections(False)
        side = self.table.verticalHeader()
        side.setDefaultSectionSize(CELL_SIZE.height())
        side.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        side.setMaximumWidth(260)
        self.empty = QLabel()
        self.empty.setObjectName("matrixEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.passages = PassageColumns()
        self.passages_area = QScrollArea()
        self.passages_area.setObjectName("cellPassages")
        self.passages_area.setWidgetResizable(True)
        self.passages_area.setWidget(self.passages)
        self.passages_area.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.passages_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        legend = QLabel(LEGEND)
        legend.setObjectName("matrixLegend")
        legend.setWordWrap(True)
        legend.setTextFormat(Qt.TextFormat.RichText)

        bar = QHBoxLayout()
        bar.setSpacing(4)
        for w in (self.kind, self.place, self.office, self.since, self.until,
                  self.themes_button, self.group, self.only, self.expand):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(legend)
        self.problem.hide()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_DELAY_MS)
        self._typing.timeout.connect(self.emit_filter)
        for combo in (self.kind, self.place, self.group):
            combo.activated.connect(lambda _i: self.emit_filter())
        self.place.lineEdit().textEdited.connect(lambda _t: self._typing.start())  # type: ignore[union-attr]
        for edit in (self.office, self.since, self.until):
            edit.textEdited.connect(lambda _t: self._typing.start())
        self.only.toggled.connect(lambda _on: self.emit_filter())
        self.expand.toggled.connect(self._expand_all)
        head.sectionClicked.connect(self._header_clicked)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.passages.passage_activated.connect(self.passage_activated)
        self.show_message(NO_WORKSPACE)

    @staticmethod
    def _combo(name: str, first: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(first, "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        if name == "Jurisdiction":
            combo.setEditable(True)
            combo.lineEdit().setPlaceholderText("All places")  # type: ignore[union-attr]
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    @staticmethod
    def _date(placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(placeholder)
        edit.setMaximumWidth(130)
        edit.setClearButtonEnabled(True)
        return edit

    # -- choices and filters ---------------------------------------------------------------
    def set_choices(self, kinds: Sequence[str], places: Sequence[str], tax: Taxonomy) -> None:
        """What the filters offer (the library's kinds and places, the group's themes)."""
        self._quiet = True
        try:
            for combo, values in ((self.kind, kinds), (self.place, places)):
                keep = combo.currentData() if combo is self.kind else combo.currentText()
                while combo.count() > 1:
                    combo.removeItem(1)
                for v in values:
                    combo.addItem(v, v)
                if combo is self.kind and keep and combo.findData(keep) < 0:
                    combo.addItem(keep, keep)  # a kind no document has (any more)
                if combo is self.kind:
                    combo.setCurrentIndex(max(0, combo.findData(keep)))
                else:
                    combo.setEditText(keep if keep != combo.itemText(0) else "")
            self.tax = tax
            self._fill_themes()
        finally:
            self._quiet = False

    def _fill_themes(self) -> None:
        chosen = set(self.chosen_themes())
        menu = self.themes_menu
        menu.clear()
        everything = menu.addAction("All themes")
        everything.triggered.connect(self._all_themes)
        menu.addSeparator()
        for t in self.tax.themes:
            if t.parent is not None:
                continue
            action = menu.addAction(t.label)
            action.setCheckable(True)
            action.setChecked(t.id in chosen)
            action.setData(t.id)
            action.toggled.connect(lambda _on: self._themes_toggled())
        self._label_themes()

    def chosen_themes(self) -> list[str]:
        return [a.data() for a in self.themes_menu.actions() if a.isCheckable()
                and a.isChecked()]

    def _all_themes(self) -> None:
        for a in self.themes_menu.actions():
            if a.isCheckable():
                a.blockSignals(True)
                a.setChecked(False)
                a.blockSignals(False)
        self._themes_toggled()

    def _themes_toggled(self) -> None:
        self._label_themes()
        self.emit_filter()

    def _label_themes(self) -> None:
        chosen = self.chosen_themes()
        self.themes_button.setText("All themes" if not chosen else
                                   self.tax.label(chosen[0]) if len(chosen) == 1 else
                                   f"{len(chosen)} themes")

    def filters(self) -> dict[str, Any]:
        place = self.place.currentText().strip()
        return {"kinds": [self.kind.currentData()] if self.kind.currentData() else [],
                "jurisdictions": [place] if place and place != "All places" else [],
                "offices": [self.office.text()] if self.office.text().strip() else [],
                "since": self.since.text(), "until": self.until.text(),
                "themes": self.chosen_themes(), "group_by": self.group.currentData(),
                "only_with_highlights": self.only.isChecked()}

    def set_filters(self, *, kind: str = "", place: str = "", office: str = "",
                    group_by: str = "document") -> None:
        """Fill the filters (then ask once)."""
        self._quiet = True
        try:
            if kind and self.kind.findData(kind) < 0:  # asked before the choices arrived
                self.kind.addItem(kind, kind)
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
            self.place.setEditText(place)
            self.office.setText(office)
            self.group.setCurrentIndex(max(0, self.group.findData(group_by)))
        finally:
            self._quiet = False
        self.emit_filter()

    def emit_filter(self) -> None:
        self._typing.stop()
        if not self._quiet:
            self.filter_changed.emit(self.filters())

    # -- showing ---------------------------------------------------------------------------
    def show_problem(self, text: str) -> None:
        """A filter that cannot be used (a date that is not one): said above the matrix,
        which stays as it was."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def show_message(self, text: str) -> None:
        self.empty.setText(html.escape(text))
        self.stack.setCurrentWidget(self.empty)
        self.summary.setText("")

    def show_matrix(self, m: Matrix) -> None:
        self.show_problem("")
        self.model.set_matrix(m)
        if self.expand.isChecked():
            self.model.expand_all()
        self._cell = None
        if m.empty_reason:
            self.empty.setText(f"<p><b>Nothing to compare yet</b></p>"
                               f"<p>{html.escape(m.empty_reason)}</p>")
            self.stack.setCurrentWidget(self.empty)
            self.summary.setText("")
            self.passages_area.hide()
            return
        self.stack.setCurrentWidget(self.table)
        self._fit_columns()
        docs = f"{m.documents:,} document{'s' if m.documents != 1 else ''}"
        n = len(m.rows)
        rows = {GroupBy.DOCUMENT: "", GroupBy.OFFICE: f"{n:,} office{'s' if n != 1 else ''}",
                GroupBy.JURISDICTION: f"{n:,} jurisdiction{'s' if n != 1 else ''}"}
        head = rows[m.filter.group_by]
        self.summary.setText(" · ".join(b for b in (head, docs,
                                                    f"{m.highlights:,} highlights") if b))

    def _fit_columns(self) -> None:
        """Each theme column as wide as its longest word needs (within limits), so no word
        of a theme is cut."""
        head = self.table.horizontalHeader()
        metrics = head.fontMetrics()
        for section in range(self.model.columnCount()):
            label = str(self.model.headerData(section, Qt.Orientation.Horizontal) or "")
            longest = max((metrics.horizontalAdvance(w) for w in label.split()), default=0)
            head.resizeSection(section, min(MAX_COLUMN, max(CELL_SIZE.width(), longest + 18)))

    def _expand_all(self, on: bool) -> None:
        if on:
            self.model.expand_all()
        else:
            self.model.collapse_all()
        self._fit_columns()
        self.expand.setText("Close sub-themes" if on else "Open all sub-themes")

    def _header_clicked(self, section: int) -> None:
        if self.model.toggle(section):
            self._fit_columns()

    def _clicked(self, index: QModelIndex) -> None:
        cell = self.model.cell(index)
        c = self.model.matrix_column(index.column())
        if cell is None or c < 0:
            return
        m = self.model.matrix
        row, col = m.rows[index.row()], m.columns[c]
        self.table.scrollTo(index)
        self._cell = (index.row(), c)
        if not cell.count:
            self.show_passages(self.model.describe(index.row(), c), [])
            return
        self.cell_activated.emit(f"{col.label} in {row.label}", list(cell.highlight_ids))

    def show_passages(self, heading: str, passages: Sequence[Passage],
                      titles: dict[str, str] | None = None) -> None:
        """A cell's passages side by side: a column per document for a row of several
        documents, else a column per person who marked them."""
        titles = titles or {}
        columns: list[ColumnData] = []
        by_doc: dict[str, list[Passage]] = {}
        for p in passages:
            by_doc.setdefault(p.doc_id, []).append(p)
        if len(by_doc) > 1:
            columns = [ColumnData(titles.get(d, d[:12]), passages=tuple(ps))
                       for d, ps in by_doc.items()]
        else:
            by_person: dict[str, list[Passage]] = {}
            for p in passages:
                by_person.setdefault(p.author.name if p.author else "", []).append(p)
            columns = [ColumnData(name or "Someone", passages=tuple(ps))
                       for name, ps in by_person.items()]
        if not passages:
            columns = [ColumnData("Nothing here", empty=heading)]
            heading = "An empty cell"
        self.passages.show_columns(f"<b>{html.escape(heading)}</b>", columns, self.tax)
        if not self.passages_area.isVisible():
            self.passages_area.show()
            total = max(400, self.splitter.width())
            self.splitter.setSizes([round(total * 0.62), total - round(total * 0.62)])
