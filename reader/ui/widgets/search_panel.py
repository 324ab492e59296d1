"""The search panel: a query box with history and the syntax one click away, sort, facet
chips, "did you mean", and results grouped by document with marked snippets and pages."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model.search import Facet, SearchResults
from reader.ui.accessibility import name_clear_button
from reader.ui.formatting import kind_label, plural
from reader.ui.models.search_model import DOC_ID_ROLE, MATCHES_ROLE, OFFSET_ROLE, SearchResultsModel
from reader.ui.prefs import Prefs
from reader.ui.resources import icon
from reader.ui.widgets.flow_layout import FlowLayout
from reader.ui.widgets.result_delegate import ResultDelegate

SORTS = (("Best match", "relevance"), ("Newest first", "date"), ("Oldest first", "date-asc"))
MAX_CHIPS_PER_FIELD = 3
FACET_NAMES = {"kind": "Kind", "jurisdiction": "Place", "theme": "Theme"}


class SearchPanel(QWidget):
    query_requested = Signal(str, str, dict)  # query, sort, filters
    hit_activated = Signal(str, int, tuple)  # doc id, offset, matches
    help_requested = Signal()

    def __init__(self, prefs: Prefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.prefs = prefs
        self.filters: dict[str, str] = {}
        self.results: SearchResults | None = None
        self._theme_labels: dict[str, str] = {}

        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("queryEdit")
        self.query_edit.setPlaceholderText("Search all documents")
        self.query_edit.setAccessibleName("Search query")
        lead = self.query_edit.addAction(icon("search"),
                                         QLineEdit.ActionPosition.LeadingPosition)
        lead.setText("Search")
        lead.triggered.connect(lambda: self.query_edit.returnPressed.emit())
        self.query_edit.setClearButtonEnabled(True)
        name_clear_button(self.query_edit, "the search", skip=(lead,))
        self.history = QStringListModel(prefs.query_history(), self)
        completer = QCompleter(self.history, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.query_edit.setCompleter(completer)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setIcon(icon("help"))
        self.help_button.setToolTip("Query syntax: phrases, OR, -exclude, kind:memo, date:…")
        self.help_button.setAccessibleName("Query syntax help")
        self.help_button.setAutoRaise(True)
        self.sort_box = QComboBox()
        self.sort_box.setAccessibleName("Sort results")
        for label, value in SORTS:
            self.sort_box.addItem(label, value)

        self.suggestion = QLabel()
        self.suggestion.setObjectName("suggestion")
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setAccessibleName("Did you mean")
        self.suggestion.hide()
        self.notes = QLabel()
        self.notes.setObjectName("searchNotes")
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.chips = QWidget()
        self.chips.setObjectName("facetChips")
        self.chip_layout = FlowLayout(self.chips)
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")

        self.model = SearchResultsModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("searchResults")
        self.tree.setAccessibleName("Search results")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(ResultDelegate(self.tree))
        self.tree.setIndentation(12)
        self.tree.setWordWrap(True)
        self.tree.setVerticalScrollMode(QTreeView.ScrollMode.ScrollPerPixel)
        self.tree.setUniformRowHeights(False)

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.help_button)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(5)
        layout.addLayout(top)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.notes)
        layout.addWidget(self.chips)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.query_edit)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.run_query)
        self.query_edit.textEdited.connect(lambda _t: self._timer.start())
        self.query_edit.returnPressed.connect(self._commit)
        self.sort_box.currentIndexChanged.connect(lambda _i: self.run_query())
        self.help_button.clicked.connect(self.help_requested.emit)
        self.suggestion.linkActivated.connect(self._use_suggestion)
        self.tree.activated.connect(self._activate)

    # -- querying --------------------------------------------------------------------------
    def query(self) -> str:
        return self.query_edit.text().strip()

    def set_query(self, text: str, *, run: bool = True) -> None:
        self.query_edit.setText(text)
        if run:
            self._commit()

    def _commit(self) -> None:
        query = self.query()
        if query:
            self.prefs.add_query(query)
            self.history.setStringList(self.prefs.query_history())
        self.run_query()

    def run_query(self) -> None:
        self._timer.stop()
        query = self.query()
        if not query and not self.filters:
            self.show_results(None)
            return
        self.summary.setText("Searching…")
        self.query_requested.emit(query, self.sort_box.currentData(), dict(self.filters))

    def _use_suggestion(self, _link: str) -> None:
        if self.results and self.results.suggestion:
            self.set_query(self.results.suggestion)

    def set_theme_labels(self, labels: dict[str, str]) -> None:
        self._theme_labels = dict(labels)

    # -- results ---------------------------------------------------------------------------
    def show_results(self, results: SearchResults | None) -> None:
        self.results = results
        self.model.set_results(results)
        self.tree.expandAll()
        if results is None:
            self.summary.setText("")
            self.suggestion.hide()
            self.notes.hide()
            self._show_chips(())
            return
        hits = sum(len(h.snippets) or 1 for g in results.groups for h in g.hits)
        if results.total:
            self.summary.setText(f"{plural(results.total, 'document')} · "
                                 f"{plural(hits, 'passage')}")
        else:
            self.summary.setText("No matches")
        if results.suggestion:
            self.suggestion.setText(f'Did you mean <a href="suggest"><b>'
                                    f'{html.escape(results.suggestion)}</b></a>?')
            self.suggestion.show()
        else:
            self.suggestion.hide()
        self.notes.setText(" ".join(results.warnings))
        self.notes.setVisible(bool(results.warnings))
        self._show_chips(results.facets)
        first = self.model.index(0, 0)
        if first.isValid():
            self.tree.setCurrentIndex(first)

    def show_problem(self, text: str) -> None:
        self.model.set_results(None)
        self.summary.setText("")
        self.notes.setText(text)
        self.notes.show()

    def _show_chips(self, facets: tuple[Facet, ...]) -> None:
        self.chip_layout.clear()
        shown: set[tuple[str, str]] = set()
        for field, value in self.filters.items():
            self._chip(field, value, None, active=True)
            shown.add((field, value))
        per_field: dict[str, int] = {}
        for facet in sorted(facets, key=lambda f: (f.field, -f.count, f.value)):
            if (facet.field, facet.value) in shown or facet.count <= 0:
                continue
            per_field[facet.field] = per_field.get(facet.field, 0) + 1
            if per_field[facet.field] > MAX_CHIPS_PER_FIELD:
                continue
            self._chip(facet.field, facet.value, facet.count, active=False)
        self.chips.setVisible(self.chip_layout.count() > 0)
        self.chips.updateGeometry()

    def _chip(self, field: str, value: str, count: int | None, *, active: bool) -> None:
        label = kind_label(value) if field == "kind" else self._theme_labels.get(value, value)
        text = f"{label}  {count}" if count is not None else f"{label}  ✕"
        chip = QToolButton(self.chips)
        chip.setObjectName("facetChip")
        chip.setText(text)
        chip.setCheckable(True)
        chip.setChecked(active)
        name = FACET_NAMES.get(field, field.capitalize())
        chip.setToolTip(f"{name}: {label}" + (" — click to remove" if active
                                              else " — click to narrow the results"))
        chip.setAccessibleName(f"{name} {label}" + (" (active filter)" if active else ""))
        chip.clicked.connect(lambda _c, f=field, v=value: self.toggle_filter(f, v))
        chip.show()
        self.chip_layout.addWidget(chip)

    def toggle_filter(self, field: str, value: str) -> None:
        if self.filters.get(field) == value:
            del self.filters[field]
        else:
            self.filters[field] = value
        self.run_query()

    def _activate(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id:
            self.hit_activated.emit(doc_id, int(index.data(OFFSET_ROLE) or 0),
                                    tuple(index.data(MATCHES_ROLE) or ()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.tree.doItemsLayout()
