"""Link a passage to another one: choose how they relate (supports, contradicts,
implements, cites, responds to) and pick the other highlight from every highlight in the
workspace — this document's first — narrowed by typing words of its quote, its document,
its author or its themes. The sentence at the bottom reads the link as it will be shown
("“the Office will decline…” contradicts “Supervisors approved…”").

Plain data in (:class:`~reader.model.discussion.LinkCandidate`), :attr:`LinkDialog.chosen`
out; the candidates arrive later (:meth:`set_candidates`), read on the task runner.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.model.discussion import LinkCandidate
from reader.model.remarks import Relation

Index = QModelIndex | QPersistentModelIndex
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_DELAY_MS = 120

RELATION_HINTS = {
    Relation.SUPPORTS: "this passage supports the other",
    Relation.CONTRADICTS: "they contradict each other (e.g. a promise and the practice)",
    Relation.IMPLEMENTS: "this passage implements the other (a memo implementing a statute)",
    Relation.CITES: "this passage cites the other",
    Relation.RESPONDS_TO: "this passage responds to the other (an answer to an argument)",
}


def _short(words: str, n: int) -> str:
    words = " ".join(words.split())
    return words if len(words) <= n else words[: n - 1] + "…"


class CandidateModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[LinkCandidate] = []

    def set_items(self, items: Sequence[LinkCandidate]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        c = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            where = f"{c.doc_title}" + (f", p. {c.page}" if c.page else "")
            themes = f" · {', '.join(c.themes)}" if c.themes else ""
            return f"“{_short(c.quote, 110)}”\n{where} · {c.author}{themes}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.quote
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{c.quote}. {c.doc_title}. {c.author}"
        if role == SEARCH_ROLE:
            return c.search_text
        if role == ID_ROLE:
            return c.highlight_id
        return None


class WordsFilter(QSortFilterProxyModel):
    """Rows whose quote, document, author or themes hold every typed word."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        assert isinstance(model, CandidateModel)
        text = model.items[row].search_text
        return all(w in text for w in self.words)


class LinkDialog(QDialog):
    chosen = Signal(str, str, str)  # the other highlight's id, the relation value, a note

    def __init__(self, quote: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle("Link to Another Passage")
        self.quote = " ".join(quote.split())
        self.kind = QComboBox()
        self.kind.setObjectName("linkKind")
        self.kind.setAccessibleName("How this passage relates to the other")
        for r in Relation:
            self.kind.addItem(r.label, r.value)
            self.kind.setItemData(self.kind.count() - 1, RELATION_HINTS[r],
                                  Qt.ItemDataRole.ToolTipRole)
        self.kind.setCurrentIndex(self.kind.findData(Relation.CONTRADICTS.value))
        self.find = QLineEdit()
        self.find.setObjectName("linkFind")
        self.find.setPlaceholderText("Find the other passage: words, document, person, theme")
        self.find.setAccessibleName("Find the other passage")
        self.find.setClearButtonEnabled(True)
        self.model = CandidateModel(self)
        self.proxy = WordsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView()
        self.list.setObjectName("linkCandidates")
        self.list.setAccessibleName("Passages")
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setAlternatingRowColors(True)
        self.status = QLabel("Reading the group's highlights…")
        self.status.setObjectName("linkStatus")
        self.note = QLineEdit()
        self.note.setObjectName("linkNote")
        self.note.setPlaceholderText("Why (optional)")
        self.note.setAccessibleName("Note on the link")
        self.preview = QLabel()
        self.preview.setObjectName("linkPreview")
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Link")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("This passage:", QLabel(f"“{html.escape(_short(self.quote, 120))}”"))
        form.addRow("&Relation:", self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.resize(640, 520)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self._filter)
        self.find.textChanged.connect(lambda _t: self._timer.start())
        self.kind.currentIndexChanged.connect(lambda _i: self._update())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update())
        self.list.doubleClicked.connect(lambda _i: self._accept())
        self._update()

    def set_candidates(self, items: Sequence[LinkCandidate]) -> None:
        self.model.set_items(items)
        self._filter()

    def _filter(self) -> None:
        self._timer.stop()
        self.proxy.set_words(self.find.text())
        n, total = self.proxy.rowCount(), self.model.rowCount()
        if not total:
            self.status.setText("There is no other highlight to link to yet: highlight the "
                                "other passage first.")
        elif n == total:
            self.status.setText(f"{total:,} highlights; this document's first.")
        else:
            self.status.setText(f"{n:,} of {total:,} highlights match.")
        if n and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self._update()

    def current(self) -> LinkCandidate | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def relation(self) -> Relation:
        return Relation(self.kind.currentData())

    def _update(self) -> None:
        c = self.current()
        self.ok.setEnabled(c is not None)
        rel = self.relation()
        if c is None:
            self.preview.setText(f"<i>{html.escape(RELATION_HINTS[rel])}</i>")
            return
        self.preview.setText(f"“{html.escape(_short(self.quote, 60))}” <b>{rel.label}</b> "
                             f"“{html.escape(_short(c.quote, 60))}” "
                             f"({html.escape(c.doc_title)})")

    def choose(self, hid: str) -> bool:
        """Make ``hid`` the chosen passage (clearing the search when it hides it)."""
        for attempt in range(2):
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                if index.data(ID_ROLE) == hid:
                    self.list.setCurrentIndex(index)
                    return True
            if attempt == 0:
                self.find.clear()
                self._filter()
        return False

    def _accept(self) -> None:
        c = self.current()
        if c is None:
            return
        self.chosen.emit(c.highlight_id, self.relation().value, self.note.text().strip())
        self.accept()
