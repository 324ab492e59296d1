"""Search results as a two-level tree: one row per document, one child row per snippet
(a passage with its page label and marked words)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from reader.model.search import DocResult, SearchHit, SearchResults, Snippet
from reader.ui.formatting import kind_label, plural

Index = QModelIndex | QPersistentModelIndex

ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "group" | "hit"
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 3  # where to open (code point)
MATCHES_ROLE = Qt.ItemDataRole.UserRole + 4  # ((start, end), ...) to mark
HTML_ROLE = Qt.ItemDataRole.UserRole + 5  # the snippet with <b> marks
SECONDARY_ROLE = Qt.ItemDataRole.UserRole + 6  # a group's details line / a hit's page
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 7  # "text" | "title" | "note" | ...

SOURCE_LABELS = {"text": "", "title": "in the title", "meta": "in the details",
                 "note": "in a note", "quote": "in a highlight"}


@dataclass(frozen=True)
class HitRow:
    hit: SearchHit
    snippet: Snippet | None

    @property
    def offset(self) -> int:
        if self.snippet is None:
            return 0
        return self.snippet.matches[0][0] if self.snippet.matches else self.snippet.start

    @property
    def matches(self) -> tuple[tuple[int, int], ...]:
        if self.snippet is None:
            return ()
        return self.snippet.matches


def snippet_html(snippet: Snippet) -> str:
    """The snippet as HTML with the marked words in ``<b class="m">``."""
    out, last = [], 0
    text = snippet.text
    for start, end in sorted(snippet.marks):
        start, end = max(start, last), min(end, len(text))
        if start >= end:
            continue
        out.append(html.escape(text[last:start]))
        out.append(f'<b class="m">{html.escape(text[start:end])}</b>')
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", " ")


def hit_rows(group: DocResult) -> list[HitRow]:
    rows = []
    for hit in group.hits:
        if hit.snippets:
            rows += [HitRow(hit, s) for s in hit.snippets]
        elif hit.source != "text":
            rows.append(HitRow(hit, None))
    return rows


class SearchResultsModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.results: SearchResults | None = None
        self._groups: list[DocResult] = []
        self._rows: list[list[HitRow]] = []

    def set_results(self, results: SearchResults | None) -> None:
        self.beginResetModel()
        self.results = results
        self._groups = list(results.groups) if results else []
        self._rows = [hit_rows(g) for g in self._groups]
        self.endResetModel()

    def clear(self) -> None:
        self.set_results(None)

    # -- structure -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0:  # hits have no children
            return QModelIndex()
        group = parent.row()
        if group < len(self._rows) and row < len(self._rows[group]):
            return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._rows[parent.row()]) if parent.row() < len(self._rows) else 0
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- data ------------------------------------------------------------------------------
    def group_at(self, index: Index) -> DocResult | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def hit_at(self, index: Index) -> HitRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        rows = self._rows[index.internalId() - 1]
        return rows[index.row()] if 0 <= index.row() < len(rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self.group_at(index)
        if group is None:
            return None
        row = self.hit_at(index)
        if row is None:
            return self._group_data(group, role)
        return self._hit_data(group, row, role)

    def _group_data(self, group: DocResult, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return group.title or group.path
        if role == SECONDARY_ROLE:
            parts = [kind_label(group.kind), group.date,
                     plural(sum(len(h.snippets) or 1 for h in group.hits), "match", "matches")]
            return " · ".join(p for p in parts if p)
        if role == ROW_KIND_ROLE:
            return "group"
        if role == DOC_ID_ROLE:
            return group.doc_id
        if role == OFFSET_ROLE:
            rows = self._rows[self._groups.index(group)]
            return rows[0].offset if rows else 0
        if role == MATCHES_ROLE:
            rows = self._rows[self._groups.index(group)]
            return rows[0].matches if rows else ()
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.path
        return None

    def _hit_data(self, group: DocResult, row: HitRow, role: int) -> Any:
        page = f"p. {row.hit.page_label}" if row.hit.page_label else ""
        where = SOURCE_LABELS.get(row.hit.source, row.hit.source)
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.snippet.text.replace("\n", " ") if row.snippet else where
            return f"{page} {text}".strip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = row.snippet.text if row.snippet else ""
            return f"{page or 'Match'} {where}: {text}".strip()
        if role == HTML_ROLE:
            return snippet_html(row.snippet) if row.snippet else html.escape(
                f"Matched {where}" if where else "")
        if role == SECONDARY_ROLE:
            return " · ".join(p for p in (page, where) if p)
        if role == ROW_KIND_ROLE:
            return "hit"
        if role == DOC_ID_ROLE:
            return group.doc_id
        if role == OFFSET_ROLE:
            return row.offset
        if role == MATCHES_ROLE:
            return row.matches
        if role == SOURCE_ROLE:
            return row.hit.source
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{group.title} — {page}" if page else group.title
        return None
