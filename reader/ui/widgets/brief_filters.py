"""The "Passages" page of the export-brief dialog: which highlights go in — themes (a
checkable tree), documents, annotators, stance and the days they were highlighted.

Rule everywhere: a list with nothing ticked includes everything; ticking narrows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.model.annotations import Stance
from reader.ops.brief import Choice

ID_ROLE = Qt.ItemDataRole.UserRole
CS = Qt.CheckState


class CheckTree(QTreeWidget):
    """A list (or tree) of checkable rows with a count column. Ticking a parent ticks its
    children; :meth:`checked` gives the ids of the highest fully ticked rows."""

    changed = Signal()

    def __init__(self, name: str, what: str, parent: QWidget | None = None, *,
                 fit_rows: int = 0) -> None:
        super().__init__(parent)
        self.what = what  # "themes", "documents" …
        self.fit_rows = fit_rows  # > 0: no taller than its rows, up to this many
        self.setObjectName(name)
        self.setAccessibleName(what.capitalize())
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(False)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._quiet = False
        self.itemChanged.connect(self._on_item_changed)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self._quiet = True
        self.clear()
        self._items = {}
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for c in choices:
            above = self._items.get(c.parent) if c.parent else None
            item = QTreeWidgetItem(above) if above is not None else QTreeWidgetItem(self)
            item.setText(0, c.label)
            item.setText(1, f"{c.count:,}")
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, ID_ROLE, c.id)
            item.setToolTip(0, c.tip or c.label)
            item.setToolTip(1, f"{c.count:,} highlight{'s' if c.count != 1 else ''}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            item.setCheckState(0, CS.Unchecked)
            if c.color:
                item.setIcon(0, _swatch(c.color))
            if not c.count:
                item.setForeground(0, muted)
                item.setForeground(1, muted)
            self._items[c.id] = item
        self.setRootIsDecorated(any(c.parent for c in choices))
        self.expandAll()
        if self.fit_rows:
            rows = min(max(len(choices), 2), self.fit_rows)
            row = max(self.sizeHintForRow(0), self.fontMetrics().height() + 4)
            self.setMaximumHeight(rows * row + 2 * self.frameWidth() + 4)
        self._quiet = False

    def ids(self) -> list[str]:
        return list(self._items)

    def checked(self) -> list[str]:
        """Ids of ticked rows, in list order; a fully ticked parent stands for its
        children."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                state = child.checkState(0)
                if state == CS.Checked:
                    out.append(child.data(0, ID_ROLE))
                elif state == CS.PartiallyChecked:
                    walk(child)

        walk(self.invisibleRootItem())
        return out

    def set_checked(self, ids: Iterable[str]) -> None:
        self._quiet = True
        for item in self._items.values():
            item.setCheckState(0, CS.Unchecked)
        first = None
        for i in ids:
            if i in self._items:
                self._items[i].setCheckState(0, CS.Checked)
                first = first or self._items[i]
        if first is not None:
            self.scrollToItem(first)
        self._quiet = False
        self.changed.emit()

    def clear_checks(self) -> None:
        self.set_checked(())

    def checked_labels(self) -> list[str]:
        return [self._items[i].text(0) for i in self.checked()]

    def summary(self) -> str:
        n = len(self.checked())
        return f"all {self.what}" if not n else f"{n} of {len(self._items)} {self.what}"

    def _on_item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and not self._quiet:
            self.changed.emit()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Space ticks the current row (also when the count column has the focus)."""
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Space and item is not None:
            item.setCheckState(0, CS.Unchecked if item.checkState(0) == CS.Checked
                               else CS.Checked)
            return
        super().keyPressEvent(event)


def _swatch(color: str, size: int = 12) -> QIcon:
    """A small rounded square of a theme's colour (themes are also named in words)."""
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(color)
    painter.setBrush(fill if fill.isValid() else QColor("#cccccc"))
    painter.setPen(QColor(0, 0, 0, 70))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pix)


STANCES = ((Stance.SUPPORTS, "&Supports"), (Stance.OPPOSES, "O&pposes"),
           (Stance.NEUTRAL, "&Neutral or unclear"))


class FiltersPage(QWidget):
    """Themes, documents, annotators, stance and dates."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefFilters")
        self.themes = CheckTree("briefThemes", "themes")
        self.documents = CheckTree("briefDocuments", "documents")
        self.authors = CheckTree("briefAuthors", "annotators", fit_rows=5)
        self.stance_boxes: dict[Stance, QCheckBox] = {}
        hint = QLabel("Tick to narrow the brief; a list with nothing ticked includes "
                      "everything.")
        hint.setObjectName("briefHint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(4)
        layout.addWidget(hint)
        self.summaries: dict[str, QLabel] = {}
        for tree, label, stretch in ((self.themes, "&Themes", 5),
                                     (self.documents, "&Documents", 3),
                                     (self.authors, "&Highlighted by", 2)):
            layout.addLayout(self._heading(tree, label))
            layout.addWidget(tree, stretch)
            tree.changed.connect(self._on_changed)
        self.themes.setMinimumHeight(110)
        self.documents.setMinimumHeight(70)
        self.authors.setMinimumHeight(44)

        grid = QGridLayout()
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        stance_label = QLabel("Stance:")
        stance_label.setObjectName("briefFieldLabel")
        stance_row = QHBoxLayout()
        for stance, text in STANCES:
            box = QCheckBox(text)
            box.setObjectName(f"briefStance_{stance.value}")
            box.setToolTip(stance.label + (" (and highlights without a stance)"
                                           if stance is Stance.NEUTRAL else ""))
            box.toggled.connect(self._on_changed)
            self.stance_boxes[stance] = box
            stance_row.addWidget(box)
        stance_row.addStretch(1)
        grid.addWidget(stance_label, 0, 0)
        grid.addLayout(stance_row, 0, 1)

        days_label = QLabel("Highlighted:")
        days_label.setObjectName("briefFieldLabel")
        self.since_box = QCheckBox("&from")
        self.until_box = QCheckBox("t&o")
        self.since_edit = self._date_edit("briefSince", "Highlighted from this day")
        self.until_edit = self._date_edit("briefUntil", "Highlighted up to this day")
        days = QHBoxLayout()
        for box, edit in ((self.since_box, self.since_edit), (self.until_box, self.until_edit)):
            box.setAccessibleName(f"Highlighted {box.text().replace('&', '')} a day")
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(self._on_changed)
            edit.dateChanged.connect(self._on_changed)
            edit.setEnabled(False)
            days.addWidget(box)
            days.addWidget(edit)
            days.addSpacing(6)
        days.addStretch(1)
        grid.addWidget(days_label, 1, 0)
        grid.addLayout(days, 1, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

    def _heading(self, tree: CheckTree, text: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 6, 0, 0)
        label = QLabel(text + ":")
        label.setObjectName("briefFieldLabel")
        label.setBuddy(tree)
        summary = QLabel(tree.summary())
        summary.setObjectName("briefSummary")
        self.summaries[tree.what] = summary
        clear = QPushButton("Clear")
        clear.setObjectName(f"{tree.objectName()}Clear")
        clear.setAccessibleName(f"Untick all {tree.what}")
        clear.setToolTip(f"Untick all {tree.what} (include every one)")
        clear.setFlat(True)
        clear.setAutoDefault(False)  # Enter in the dialog always means Export
        clear.setCursor(Qt.CursorShape.PointingHandCursor)
        clear.clicked.connect(tree.clear_checks)
        row.addWidget(label)
        row.addWidget(summary, 1)
        row.addWidget(clear)
        return row

    @staticmethod
    def _date_edit(name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setDate(QDate.currentDate())
        return edit

    def _on_changed(self) -> None:
        for tree in (self.themes, self.documents, self.authors):
            self.summaries[tree.what].setText(tree.summary())
        self.changed.emit()

    # -- values ----------------------------------------------------------------------------
    def stances(self) -> list[Stance]:
        return [s for s, box in self.stance_boxes.items() if box.isChecked()]

    def since(self) -> dt.date | None:
        return self.since_edit.date().toPython() if self.since_box.isChecked() else None  # type: ignore[no-any-return]

    def until(self) -> dt.date | None:
        return self.until_edit.date().toPython() if self.until_box.isChecked() else None  # type: ignore[no-any-return]

    def set_dates(self, since: dt.date | None, until: dt.date | None,
                  first_day: dt.date | None = None) -> None:
        """Tick the date limits that are set; unset ones show the first highlight's day
        (from) or today (to), ready to be ticked."""
        today = dt.date.today()
        self.since_box.setChecked(since is not None)
        self.since_edit.setDate(QDate(since or first_day or today))
        self.until_box.setChecked(until is not None)
        self.until_edit.setDate(QDate(until or today))

    def set_stances(self, stances: Iterable[Stance]) -> None:
        wanted = set(stances)
        for stance, box in self.stance_boxes.items():
            box.setChecked(stance in wanted)

    def describe(self) -> list[str]:
        """The narrowing choices in words ("under Overdose response", "highlighted by …")."""
        out: list[str] = []
        themes = self.themes.checked_labels()
        if themes:
            out.append("under " + _either(themes))
        docs = self.documents.checked_labels()
        if len(docs) == 1:
            out.append(f"in “{docs[0]}”")
        elif docs:
            out.append(f"in the {len(docs)} chosen documents")
        authors = self.authors.checked_labels()
        if authors:
            out.append("highlighted by " + _either(authors))
        stances = self.stances()
        if stances:
            out.append("marked " + _either([s.label.lower() for s in stances]))
        since, until = self.since(), self.until()
        days = [f"{word} {d.day} {d:%b %Y}" for word, d in (("from", since), ("up to", until))
                if d is not None]
        if days:
            out.append("highlighted " + " ".join(days))
        return out


def _either(items: Sequence[str]) -> str:
    if len(items) > 3:
        return ", ".join(items[:3]) + f" or {len(items) - 3} more"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
