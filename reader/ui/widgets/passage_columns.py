"""Passages side by side: a heading, then parallel columns (a document's, or a person's)
each with its passages as cards — the quoted words, the page, the stance as a sign and a
word, the themes, the note and who marked it — and a link that opens the passage in the
reader. An empty column says what its emptiness means ("Brennan County Prosecuting
Attorney says nothing the group marked about Overdose response.").

Used by the matrix (a cell's passages) and the policy comparison (a row per theme). Plain
data in (:class:`~reader.model.compare.Passage`), :attr:`passage_activated` out.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from reader.model.compare import Passage
from reader.model.themes import Taxonomy
from reader.ui.highlight_marks import STANCE_SYMBOLS

COLUMN_MIN = 170
MAX_CARDS = 60  # per column; the rest is counted


@dataclass(frozen=True)
class ColumnData:
    title: str
    subtitle: str = ""
    passages: tuple[Passage, ...] = ()
    empty: str = ""  # what an empty column means


def card_html(p: Passage, tax: Taxonomy) -> str:
    words = html.escape(" ".join(p.text.split()))
    meta = []
    if p.page:
        meta.append(f"p.&nbsp;{html.escape(p.page)}")
    if p.stance is not None:
        meta.append(f"<b>{STANCE_SYMBOLS[p.stance]}</b>&nbsp;{html.escape(p.stance.label)}")
    if p.author is not None:
        meta.append(html.escape(p.author.name))
    themes = ", ".join(html.escape(tax.label(t)) for t in p.themes)
    note = f"<br><i>{html.escape(p.note)}</i>" if p.note else ""
    where = "" if not p.orphaned else "<br><small>(not found in the current text)</small>"
    link = "" if p.orphaned else \
        f" <a href='open:{html.escape(p.doc_id)}:{html.escape(p.highlight_id)}'>Open ›</a>"
    return (f"“{words}”<br><small>{' · '.join(meta)}"
            + (f"<br>{themes}" if themes else "") + f"</small>{note}{where}{link}")


class PassageColumns(QWidget):
    passage_activated = Signal(str, str)  # document id, highlight id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passageColumns")
        self.heading = QLabel()
        self.heading.setObjectName("passagesHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.row = QHBoxLayout()
        self.row.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(self.row)
        self.columns: list[QWidget] = []

    def show_columns(self, heading: str, columns: Sequence[ColumnData], tax: Taxonomy) -> None:
        self.heading.setText(heading)
        for w in self.columns:
            w.setParent(None)  # type: ignore[call-overload]
            w.deleteLater()
        self.columns = []
        for data in columns:
            col = self._column(data, tax)
            self.columns.append(col)
            self.row.addWidget(col, 1)

    def _column(self, data: ColumnData, tax: Taxonomy) -> QWidget:
        frame = QFrame()
        frame.setObjectName("passageColumn")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setMinimumWidth(COLUMN_MIN)
        frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(frame)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(6)
        title = QLabel(f"<b>{html.escape(data.title)}</b>"
                       + (f"<br><small>{html.escape(data.subtitle)}</small>"
                          if data.subtitle else ""))
        title.setWordWrap(True)
        title.setToolTip(data.title)
        box.addWidget(title)
        if not data.passages:
            empty = QLabel(f"<i>{html.escape(data.empty or 'Nothing marked here.')}</i>")
            empty.setObjectName("emptyColumn")
            empty.setWordWrap(True)
            box.addWidget(empty)
        for p in data.passages[:MAX_CARDS]:
            card = QLabel(card_html(p, tax))
            card.setObjectName("passageCard")
            card.setWordWrap(True)
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            card.setOpenExternalLinks(False)
            card.linkActivated.connect(self._open)
            card.setAccessibleName(f"Passage: {p.text}")
            card.setStyleSheet("QLabel#passageCard { border-left: 3px solid palette(mid); "
                               "padding-left: 6px; }")
            box.addWidget(card)
        if len(data.passages) > MAX_CARDS:
            box.addWidget(QLabel(f"<i>and {len(data.passages) - MAX_CARDS:,} more</i>"))
        box.addStretch(1)
        return frame

    def _open(self, link: str) -> None:
        scheme, _, rest = link.partition(":")
        doc_id, _, hid = rest.partition(":")
        if scheme == "open" and doc_id and hid:
            self.passage_activated.emit(doc_id, hid)
