"""Annotate → Annotation File Problems…: what could not be read in the annotation files, in
plain sentences, and the changes to your highlights that were **held aside** because a
copy of your file dates them in the future (:mod:`reader.annotations.holds`) — each shown
with what it would do, applied here only when you choose to (the same operation as
``policy-reader annotations held --accept``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.ops import sharing
from reader.ui import messages

if TYPE_CHECKING:
    from reader.ui.session import Session

log = logging.getLogger(__name__)

ACTIONS = {"delete": "Delete it", "restore": "Bring it back", "change": "Change it"}
_ID = Qt.ItemDataRole.UserRole


def _quote(record: Any) -> str:
    """The words a held version is about: a highlight's quote, a reply's text, a link's
    passages."""
    text = getattr(record, "quote", "") or getattr(record, "text", "")
    text = getattr(text, "exact", text)  # a highlight's TextQuote
    if not text and hasattr(record, "source"):
        text = f"{record.source.quote} ⇄ {record.target.quote}"
    text = " ".join(str(text).split())
    return text if len(text) <= 70 else text[:69] + "…"


class AnnotationProblemsDialog(QDialog):
    """``problems``: the sentences to show; ``held``: the held versions (``HeldVersion``:
    ``id``, ``version``, ``current``, ``file``, ``action``); ``apply(ids)`` applies the held
    changes of those highlight ids and returns the versions still held."""

    def __init__(self, problems: Sequence[str], held: Sequence[Any],
                 apply: Callable[[list[str]], Sequence[Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Annotation File Problems")
        self.setObjectName("annotationProblemsDialog")
        self._apply = apply
        held_ids = {v.id for v in held}
        # the held versions have their own list below: their sentence would repeat it
        others = [p for p in problems if "held aside" not in p]
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QPlainTextEdit("\n\n".join(others))
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Problems reading annotation files")
        self.problems.setVisible(bool(others))
        self.held_intro = QLabel(
            "A copy of your annotation file (made by a sync tool, or on another computer) "
            "has changes to your highlights dated in the future — that computer's clock may "
            "be wrong. They are not applied, so they cannot overwrite what you did here. "
            "Apply the ones you want; the copy itself is left untouched.")
        self.held_intro.setWordWrap(True)
        self.held = QTreeWidget()
        self.held.setAccessibleName("Changes held aside")
        self.held.setHeaderLabels(["Your highlight", "The change would", "Dated (UTC)",
                                   "From the file"])
        self.held.setRootIsDecorated(False)
        self.held.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.held.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.apply_selected = QPushButton("Apply Selected")
        self.apply_all = QPushButton("Apply All")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for b in (self.apply_selected, self.apply_all):
            self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.apply_selected.clicked.connect(self._on_apply_selected)
        self.apply_all.clicked.connect(self._on_apply_all)
        self.held.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.held_intro)
        layout.addWidget(self.held, 2)
        layout.addWidget(self.buttons)
        self._fill(held)
        self._others = len(others)
        self._update_summary(len(held_ids))
        self.resize(760, 460)

    def _fill(self, held: Sequence[Any]) -> None:
        self.held.clear()
        for v in held:
            item = QTreeWidgetItem([
                _quote(v.current), ACTIONS.get(v.action, v.action),
                f"{v.version.modified:%Y-%m-%d %H:%M}", v.file])
            item.setData(0, _ID, v.id)
            item.setToolTip(0, _quote(v.version) if v.action == "change" else _quote(v.current))
            self.held.addTopLevelItem(item)
        visible = bool(held)
        self.held.setVisible(visible)
        self.held_intro.setVisible(visible)
        self.apply_all.setVisible(visible)
        self.apply_selected.setVisible(visible)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.apply_selected.setEnabled(bool(self.held.selectedItems()))
        self.apply_all.setEnabled(self.held.topLevelItemCount() > 0)

    def _update_summary(self, n_held: int) -> None:
        parts = []
        if self._others:
            parts.append(f"{self._others} problem(s) reading annotation files: the rest of "
                         "the highlights are shown, and no file was changed.")
        if n_held:
            parts.append(f"{n_held} change(s) to your highlights held aside.")
        self.summary.setText(" ".join(parts) or "No problems with the annotation files.")

    def held_ids(self) -> list[str]:
        return [str(self.held.topLevelItem(i).data(0, _ID))
                for i in range(self.held.topLevelItemCount())]

    def _on_apply_selected(self) -> None:
        ids = list(dict.fromkeys(str(i.data(0, _ID)) for i in self.held.selectedItems()))
        self._run(ids)

    def _on_apply_all(self) -> None:
        self._run(list(dict.fromkeys(self.held_ids())))

    def _run(self, ids: list[str]) -> None:
        if not ids:
            return
        remaining = self._apply(ids)
        log.info("applied %d held change(s)", len(ids))
        self._fill(remaining)
        self._update_summary(len({v.id for v in remaining}))


def open_dialog(session: Session, parent: QWidget) -> AnnotationProblemsDialog | None:
    """Show the dialog for the open workspace (not modal); applying a held change is an
    operation whose change set refreshes the window."""
    ws = session.workspace
    if ws is None:
        return None

    def apply(ids: list[str]) -> Sequence[Any]:
        try:
            session.apply(sharing.accept_held(ws, ids).changes)
        except ReaderError as exc:
            messages.show_error(parent, exc, title="Apply Held Changes")
        return sharing.held(ws)

    try:
        problems, held = sharing.file_problems(ws), sharing.held(ws)
    except ReaderError as exc:
        messages.show_error(parent, exc, title="Annotation File Problems")
        return None
    dialog = AnnotationProblemsDialog(problems, held, apply, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
