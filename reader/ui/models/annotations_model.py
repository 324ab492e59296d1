"""Highlights as a flat list for the sidebar and the themes panel's passages: one row per
highlight (quote, themes, stance, note, author, date, page), with header rows between
groups ("Not found in this version", or a document's title).

Rows are built by :func:`sidebar_rows` / :func:`passage_rows` (plain functions: filters
and grouping) and handed to :meth:`AnnotationListModel.set_rows`. When the same highlights
come back in the same order (an edit of one of them), rows are updated in place
(``dataChanged``), so the selection and the scroll position stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.model.annotations import Placed, Stance
from reader.model.discussion import DiscussionCounts
from reader.model.themes import Taxonomy
from reader.ui.highlight_marks import theme_color

Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "item" | "header"
HID_ROLE = Qt.ItemDataRole.UserRole + 2
PLACED_ROLE = Qt.ItemDataRole.UserRole + 3
COLOR_ROLE = Qt.ItemDataRole.UserRole + 4  # "#rrggbb"
THEMES_ROLE = Qt.ItemDataRole.UserRole + 5  # [(label, colour or "")] ("" = unknown)
META_ROLE = Qt.ItemDataRole.UserRole + 6  # "Maria G · 3 May 2025 · p. 4"
NOTE_ROLE = Qt.ItemDataRole.UserRole + 7
STANCE_ROLE = Qt.ItemDataRole.UserRole + 8  # the Stance value ("supports" …) or ""
MINE_ROLE = Qt.ItemDataRole.UserRole + 9
ORPHAN_ROLE = Qt.ItemDataRole.UserRole + 10
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 11  # the current document the highlight is in
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 12  # a passage's document title

ORPHANS_HEADER = "Not found in this version"


@dataclass(frozen=True)
class Row:
    kind: str  # "item" | "header"
    placed: Placed | None = None
    title: str = ""  # a header's text; a passage's document title
    doc_id: str = ""

    @property
    def key(self) -> str:
        return self.placed.highlight.id if self.placed is not None else f"#{self.title}"


@dataclass(frozen=True)
class Filters:
    themes: frozenset[str] | None = None  # ids to match (expanded with Taxonomy.matching)
    author_id: str = ""
    stance: Stance | None = None
    no_stance: bool = False

    def matches(self, p: Placed) -> bool:
        h = p.highlight
        if self.themes is not None and not self.themes.intersection(h.themes):
            return False
        if self.author_id and h.author.id != self.author_id:
            return False
        if self.no_stance and h.stance is not None:
            return False
        return self.stance is None or h.stance is self.stance

    @property
    def active(self) -> bool:
        return self.themes is not None or bool(self.author_id) or self.stance is not None \
            or self.no_stance


def sidebar_rows(placed: Iterable[Placed], filters: Filters = Filters(),
                 hidden: frozenset[str] = frozenset()) -> list[Row]:
    """Anchored highlights in reading order, then a header and the orphans."""
    items, orphans = [], []
    for p in placed:
        if p.highlight.author.id in hidden or not filters.matches(p):
            continue
        (orphans if p.orphaned else items).append(Row("item", p))
    if orphans:
        items.append(Row("header", title=f"{ORPHANS_HEADER} ({len(orphans)})"))
        items += orphans
    return items


def passage_rows(groups: Iterable[tuple[str, str, list[Placed]]]) -> list[Row]:
    """``(doc id, title, placed)`` groups as a header per document and its passages."""
    out = []
    for doc_id, title, placed in groups:
        if not placed:
            continue
        out.append(Row("header", title=f"{title} ({len(placed)})", doc_id=doc_id))
        out += [Row("item", p, title, doc_id) for p in placed]
    return out


def short_date(value: datetime) -> str:
    local = value.astimezone()
    return f"{local.day} {local.strftime('%b')} {local.year}"


class AnnotationListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.tax = Taxonomy()
        self.me_id = ""
        self.discussion = DiscussionCounts({}, {})  # replies and links per highlight

    def set_discussion(self, counts: DiscussionCounts) -> None:
        """How many replies and links each highlight has (shown after who and when)."""
        self.discussion = counts

    def set_context(self, tax: Taxonomy, me_id: str) -> None:
        """The taxonomy (labels, colours) and who "you" are; rows are redrawn."""
        self.tax, self.me_id = tax, me_id
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def set_rows(self, rows: list[Row]) -> None:
        if [r.key for r in rows] == [r.key for r in self.rows] and rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, hid: str) -> int:
        for i, r in enumerate(self.rows):
            if r.placed is not None and r.placed.highlight.id == hid:
                return i
        return -1

    def item_count(self) -> int:
        return sum(1 for r in self.rows if r.kind == "item")

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()].kind == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if row.kind == "header":
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.title
            if role == KIND_ROLE:
                return "header"
            if role == DOC_ID_ROLE:
                return row.doc_id
            return None
        assert row.placed is not None
        return self._item(row, row.placed, role)

    def _item(self, row: Row, p: Placed, role: int) -> Any:
        h = p.highlight
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(h.quote.exact.split())
        if role == KIND_ROLE:
            return "item"
        if role == HID_ROLE:
            return h.id
        if role == PLACED_ROLE:
            return p
        if role == COLOR_ROLE:
            return theme_color(self.tax, h.themes, h.color)
        if role == THEMES_ROLE:
            return [(self.tax.label(t), self.tax.color(t) or "") for t in h.themes]
        if role == META_ROLE:
            return self.meta(p)
        if role == NOTE_ROLE:
            return h.note
        if role == STANCE_ROLE:
            return h.stance.value if h.stance else ""
        if role == MINE_ROLE:
            return h.author.id == self.me_id
        if role == ORPHAN_ROLE:
            return p.orphaned
        if role == DOC_ID_ROLE:
            return row.doc_id or p.anchor.doc_id or h.doc_id
        if role == SOURCE_ROLE:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return h.note or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            themes = ", ".join(self.tax.label(t) for t in h.themes) or "no theme"
            stance = f"; {h.stance.label}" if h.stance else ""
            note = f"; note: {h.note}" if h.note else ""
            where = " (not found in this version)" if p.orphaned else ""
            return f"“{h.quote.exact}”{where}; {themes}{stance}{note}; {self.meta(p)}"
        return None

    def meta(self, p: Placed) -> str:
        h = p.highlight
        who = "You" if h.author.id == self.me_id else h.author.name
        page = (p.anchor.page if not p.orphaned else "") or h.page
        parts = [who, short_date(h.modified)]
        if page:
            parts.append(f"p. {page}")
        replies, links = self.discussion.of(h.id)
        if replies:
            parts.append(f"{replies} repl{'y' if replies == 1 else 'ies'}")
        if links:
            parts.append(f"\u21c4 {links} link{'s' if links != 1 else ''}")
        return " · ".join(parts)
