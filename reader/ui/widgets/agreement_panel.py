"""Agreement between annotators, in the Highlights panel: for this document or all of them
(and a theme), the agreement figure per theme over characters of text — Cohen's kappa for
two people, Krippendorff's alpha for more — and the passages the group read differently,
to walk through (Previous / Next) and resolve: use their reading on my highlight, copy it
to my highlights, remove my highlight, or agree to differ (a reply). Each resolution is an
ordinary edit in your own file (Ctrl+Z undoes it).

Plain data in (:meth:`show_results`), signals out; the window computes on the task runner.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model.compare import AgreementReport, Disagreement
from reader.model.themes import Taxonomy
from reader.ui.models.agreement_models import (
    DISAGREEMENT_ROLE,
    AgreementModel,
    DisagreementModel,
    reading,
)
from reader.ui.resources import icon

HELP = ("<b>How to read it.</b> Every character of a document two or more people "
        "highlighted counts, marked with a theme or not, for each person. With two people "
        "the figure is Cohen's kappa (\u03ba), with more Krippendorff's alpha (\u03b1): 1 is "
        "perfect agreement, 0 what chance gives, below 0 systematic disagreement. Rely on "
        "0.8 or more; 0.67 allows tentative conclusions. <i>Same</i> is the share of "
        "characters on which everyone agreed.")
LABELS = {"adopt": "Use their reading on my highlight", "copy": "Copy it to my highlights",
          "withdraw": "Remove my highlight", "differ": "Agree to differ"}
TIPS = {"adopt": "Take the other person's themes (or stance) on your highlight",
        "copy": "Make your own copy of the passage another person marked",
        "withdraw": "Delete your highlight of this passage",
        "differ": "Write a reply that settles it: both readings stay"}


class AgreementPanel(QWidget):
    scope_changed = Signal()  # the scope, the theme or "show resolved" changed
    resolve_requested = Signal(object, str, str, str)  # Disagreement, how, whose, text
    show_requested = Signal(str, str)  # document id, highlight id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementPanel")
        self.readings: Mapping[str, Sequence[tuple[str, str]]] = {}
        self.options: Mapping[str, Sequence[str]] = {}
        self.others: Mapping[str, Sequence[tuple[str, str]]] = {}  # key → (id, name)
        self.all_items: list[Disagreement] = []
        self.scope = QComboBox()
        self.scope.setObjectName("agreementScope")
        self.scope.setAccessibleName("Which documents")
        self.scope.addItem("This document", "document")
        self.scope.addItem("All documents", "all")
        self.theme = QComboBox()
        self.theme.setObjectName("agreementTheme")
        self.theme.setAccessibleName("Which theme")
        self.theme.addItem("All themes", "")
        self.summary = QLabel()
        self.summary.setObjectName("agreementSummary")
        self.summary.setWordWrap(True)
        self.figures = AgreementModel(self)
        self.table = QTableView()
        self.table.setObjectName("agreementTable")
        self.table.setAccessibleName("Agreement per theme")
        self.table.setModel(self.figures)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setShowGrid(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in (1, 2, 3):
            head.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.help = QLabel(HELP)
        self.help.setObjectName("agreementHelp")
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.RichText)
        self.help.hide()
        self.help_button = QToolButton()
        self.help_button.setObjectName("agreementHelpButton")
        self.help_button.setText("How to read these figures")
        self.help_button.setIcon(icon("help"))
        self.help_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.help_button.setAutoRaise(True)
        self.help_button.setCheckable(True)
        self.help_button.setToolTip(HELP)
        self.help_button.toggled.connect(self.help.setVisible)
        self.count = QLabel()
        self.count.setObjectName("disagreementCount")
        self.show_resolved = QCheckBox("Show resolved")
        self.show_resolved.setObjectName("showResolved")
        self.model = DisagreementModel(self)
        self.list = QListView()
        self.list.setObjectName("disagreementList")
        self.list.setAccessibleName("Passages read differently")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.detail = self._detail()

        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.theme, 1)
        upper = QWidget()
        up = QVBoxLayout(upper)
        up.setContentsMargins(0, 0, 0, 0)
        up.addLayout(top)
        up.addWidget(self.summary)
        up.addWidget(self.table, 1)
        up.addWidget(self.help_button)
        up.addWidget(self.help)
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.show_resolved)
        low.addLayout(row)
        low.addWidget(self.list, 1)
        low.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.addWidget(splitter)
        self.scope.activated.connect(lambda _i: self.scope_changed.emit())
        self.theme.activated.connect(lambda _i: self.scope_changed.emit())
        self.show_resolved.toggled.connect(lambda _on: self._fill_list(self.current_key()))
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.show_results(None, [], {}, {}, {})

    def _detail(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("disagreementDetail")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.what = QLabel()
        self.what.setObjectName("disagreementWhat")
        self.what.setWordWrap(True)
        self.what.setTextFormat(Qt.TextFormat.RichText)
        self.whose = QComboBox()
        self.whose.setObjectName("adoptWhose")
        self.whose.setAccessibleName("Whose reading to use")
        self.differ_text = QLineEdit()
        self.differ_text.setObjectName("differText")
        self.differ_text.setPlaceholderText("We read this passage differently and keep both "
                                            "readings.")
        self.differ_text.setAccessibleName("Why you agree to differ")
        self.buttons: dict[str, QPushButton] = {}
        actions = QVBoxLayout()
        for how, text in LABELS.items():
            b = QPushButton(text)
            b.setObjectName(f"resolve_{how}")
            b.setToolTip(TIPS[how])
            b.clicked.connect(lambda _c=False, h=how: self._resolve(h))
            self.buttons[how] = b
        adopt_row = QHBoxLayout()
        adopt_row.addWidget(self.buttons["adopt"], 1)
        adopt_row.addWidget(self.whose)
        differ_row = QHBoxLayout()
        differ_row.addWidget(self.buttons["differ"])
        differ_row.addWidget(self.differ_text, 1)
        actions.addLayout(adopt_row)
        actions.addWidget(self.buttons["copy"])
        actions.addWidget(self.buttons["withdraw"])
        actions.addLayout(differ_row)
        self.prev_button = QPushButton("‹ Previous")
        self.next_button = QPushButton("Next ›")
        self.show_button = QPushButton("Show in Text")
        self.show_button.setObjectName("showDisagreement")
        walk = QHBoxLayout()
        walk.addWidget(self.prev_button)
        walk.addWidget(self.show_button, 1)
        walk.addWidget(self.next_button)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.show_button.clicked.connect(self._show_in_text)
        box = QVBoxLayout(frame)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.what)
        box.addLayout(actions)
        box.addLayout(walk)
        return frame

    # -- the scope -------------------------------------------------------------------------
    def all_documents(self) -> bool:
        return self.scope.currentData() == "all"

    def set_all_documents(self, on: bool) -> None:
        self.scope.setCurrentIndex(1 if on else 0)

    def theme_id(self) -> str:
        return str(self.theme.currentData() or "")

    def set_themes(self, tax: Taxonomy) -> None:
        keep = self.theme_id()
        self.theme.clear()
        self.theme.addItem("All themes", "")
        for t in tax.themes:
            self.theme.addItem("   " * tax.depth(t.id) + t.label, t.id)
        self.theme.setCurrentIndex(max(0, self.theme.findData(keep)))

    # -- results ---------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.summary.setText(html.escape(text))
        self.figures.set_rows([])
        self.all_items = []
        self._fill_list("")

    def show_results(self, report: AgreementReport | None, items: Sequence[Disagreement],
                     readings: Mapping[str, Sequence[tuple[str, str]]],
                     options: Mapping[str, Sequence[str]],
                     others: Mapping[str, Sequence[tuple[str, str]]]) -> None:
        """The figures and the disagreements (resolved ones too: the checkbox shows them),
        with each one's readings, what you can do about it, and whose reading you could
        take."""
        keep = self.current_key()
        self.readings, self.options, self.others = readings, options, others
        self.all_items = list(items)
        if report is None:
            self.summary.setText("")
            self.figures.set_rows([])
        elif report.empty_reason:
            self.summary.setText(html.escape(report.empty_reason))
            self.figures.set_rows([])
        else:
            name = {"kappa": "Cohen's kappa", "alpha": "Krippendorff's alpha"}.get(
                report.method, "")
            people = ", ".join(html.escape(a.name) for a in report.coders)
            o = report.overall
            words = reading(o.value)
            self.summary.setText(
                f"<b>{len(report.coders)} people</b> in {report.documents} "
                f"document{'s' if report.documents != 1 else ''}"
                + (f": overall {words}" if words else "") + ".")
            self.summary.setToolTip(f"{people}. {name} over characters of text.")
            rows = [report.overall, *(t for t in report.themes if t.marked)]
            self.figures.set_rows(rows)
        self._fill_list(keep)

    def _fill_list(self, keep: str) -> None:
        shown = [d for d in self.all_items if self.show_resolved.isChecked() or not d.resolved]
        self.model.titles = len({d.doc_id for d in self.all_items}) > 1
        self.model.set_items(shown)
        done = sum(1 for d in self.all_items if d.resolved)
        left = len(self.all_items) - done
        self.count.setText(f"<b>Disagreements</b>: {left} to resolve"
                           + (f", {done} resolved" if done else ""))
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and shown:
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        self._show_current()

    def current(self) -> Disagreement | None:
        index = self.list.currentIndex()
        d = index.data(DISAGREEMENT_ROLE) if index.isValid() else None
        return d if isinstance(d, Disagreement) else None

    def current_key(self) -> str:
        d = self.current()
        return d.key if d is not None else ""

    def _show_current(self) -> None:
        d = self.current()
        self.detail.setVisible(d is not None)
        if d is None:
            return
        page = f", p. {html.escape(d.page)}" if d.page else ""
        lines = "".join(f"<br>\u2022 <b>{html.escape(who)}</b>: {html.escape(what)}"
                        for who, what in self.readings.get(d.key, ()))
        state = "<br><i>Resolved: settled by a reply.</i>" if d.resolved else ""
        self.what.setText(f"<b>{html.escape(d.kind.label)}</b> · {html.escape(d.doc_title)}"
                          f"{page}<br>“{html.escape(' '.join(d.quote.split()))}”{lines}"
                          f"{state}")
        allowed = set(self.options.get(d.key, ()))
        for how, b in self.buttons.items():
            b.setVisible(how in allowed)
            b.setEnabled(not d.resolved or how != "differ")
        self.whose.clear()
        for author_id, name in self.others.get(d.key, ()):
            self.whose.addItem(name, author_id)
        self.whose.setVisible("adopt" in allowed and self.whose.count() > 1)
        self.differ_text.setVisible("differ" in allowed)
        row = self.list.currentIndex().row()
        self.prev_button.setEnabled(row > 0)
        self.next_button.setEnabled(0 <= row < self.model.rowCount() - 1)

    def step(self, delta: int) -> None:
        row = self.list.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row))

    def _resolve(self, how: str) -> None:
        d = self.current()
        if d is None:
            return
        whose = str(self.whose.currentData() or "") if how == "adopt" else ""
        text = self.differ_text.text().strip() if how == "differ" else ""
        self.resolve_requested.emit(d, how, whose, text)

    def _show_in_text(self) -> None:
        d = self.current()
        if d is not None and d.highlights:
            self.show_requested.emit(d.doc_id, d.highlights[0])

    def select_index(self, index: QModelIndex) -> None:
        self.list.setCurrentIndex(index)
