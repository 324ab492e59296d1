"""What the Themes panel's buttons, keys and context menu do: add, rename, recolour,
favourite keys, reorder, merge and delete (with the question about its highlights), adopt
an unknown theme. The panel owns one (:attr:`ThemesPanel.actions
<reader.ui.widgets.themes_panel.ThemesPanel.actions>`); every edit goes through the
controller's theme editor (undoable)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
)

from reader.errors import ReaderError
from reader.model.themes import PALETTE
from reader.ui import messages
from reader.ui.formatting import plural
from reader.ui.models.themes_model import UNKNOWN_ROLE
from reader.ui.resources import icon, swatch

if TYPE_CHECKING:
    from reader.ui.annotating.controller import AnnotationController
    from reader.ui.models.themes_model import ThemesModel
    from reader.ui.widgets.themes_panel import ThemesPanel


class ThemeActions:
    def __init__(self, panel: ThemesPanel) -> None:
        self.panel = panel
        self.delete_box: QMessageBox | None = None  # the open question (tests answer it)

    @property
    def ctrl(self) -> AnnotationController:
        return self.panel.ctrl

    @property
    def model(self) -> ThemesModel:
        return self.panel.model

    @property
    def tree(self) -> QTreeView:
        return self.panel.tree

    def add_theme(self, parent: str | None) -> None:
        tax = self.ctrl.tax
        base = "New theme"
        label, n = base, 2
        while tax.find(label) is not None:
            label, n = f"{base} {n}", n + 1
        theme = self.panel.guard(self.ctrl.theme_edits.add, label, parent=parent)
        if theme is not None:
            index = self.model.index_of(theme.id)
            if parent:
                self.tree.expand(self.model.index_of(parent))
            self.tree.setCurrentIndex(index)
            self.tree.edit(index)

    def rename_current(self) -> None:
        index = self.tree.currentIndex()
        if self.panel.current_is_theme():
            self.tree.edit(index.siblingAtColumn(0))

    def fill_color_menu(self) -> None:
        menu = self.panel.color_menu
        menu.clear()
        tid = self.panel.current_id()
        if not tid:
            return
        current = self.ctrl.tax.color(tid)
        for color in PALETTE:
            action = menu.addAction(swatch(color, ring=color == current), color)
            action.triggered.connect(lambda _c=False, c=color: self.panel.guard(
                self.ctrl.theme_edits.recolor, tid, c))
        menu.addSeparator()
        menu.addAction("Other Colour…", lambda: self._pick_color(tid))

    def _pick_color(self, tid: str) -> None:
        dialog = QColorDialog(self.panel)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        theme = self.ctrl.tax.get(tid)
        if theme is not None:
            dialog.setCurrentColor(theme.color)
        dialog.colorSelected.connect(lambda c: self.panel.guard(self.ctrl.theme_edits.recolor, tid,
                                                           c.name()))
        dialog.open()

    def toggle_favourite(self) -> None:
        tid = self.panel.current_id()
        if not self.panel.current_is_theme():
            return
        favs = list(self.ctrl.tax.favourites)
        if tid in favs:
            favs.remove(tid)
        elif len(favs) >= 9:
            messages.show_error(self.panel, ReaderError(
                "There are already nine favourite themes (keys 1–9).",
                "Remove one from the favourites first."))
            return
        else:
            favs.append(tid)
        self.panel.guard(self.ctrl.theme_edits.set_favourites, favs)
        self.panel.update_buttons()

    def set_key(self, tid: str, key: int) -> None:
        """Put ``tid`` on key ``key`` (1–9), or take it off the favourites (0)."""
        favs = [f for f in self.ctrl.tax.favourites if f != tid]
        if key:
            favs.insert(min(key - 1, len(favs)), tid)
        self.panel.guard(self.ctrl.theme_edits.set_favourites, favs[:9])

    def move_current(self, step: int) -> None:
        tid = self.panel.current_id()
        if not self.panel.current_is_theme():
            return
        tax = self.ctrl.tax
        theme = tax.by_id[tid]
        siblings = [t.id for t in tax.children(theme.parent)]
        pos = siblings.index(tid) + step
        if 0 <= pos < len(siblings):
            self.panel.guard(self.ctrl.theme_edits.move, tid, theme.parent, pos)
            self.panel.select(tid)

    def merge_current(self) -> None:
        tid = self.panel.current_id()
        if self.panel.current_is_theme():
            self._choose_target(tid, "Merge", self._merge)

    def _merge(self, src: str, dst: str) -> None:
        changed = self.panel.guard(self.ctrl.theme_edits.merge, src, dst)
        if changed is not None:
            self.panel.select(dst)

    def _choose_target(self, tid: str, verb: str, then: Callable[[str, str], None]) -> None:
        tax = self.ctrl.tax
        theme = tax.by_id[tid]
        dialog = QDialog(self.panel)
        dialog.setWindowTitle(f"{verb} “{theme.label}”")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        text = QLabel(f"Merge “{theme.label}” into:")
        combo = QComboBox()
        combo.setAccessibleName("Theme to merge into")
        for t in tax.themes:
            if t.id != tid:
                combo.addItem(swatch(t.color), "   " * tax.depth(t.id) + t.label, t.id)
        note = QLabel("Your highlights tagged with it are tagged with the chosen theme. Other "
                      "people's highlights keep the old tag and are shown under the chosen "
                      "theme. Its sub-themes move there too. You can undo this.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(combo)
        layout.addWidget(note)
        layout.addWidget(box)
        dialog.resize(420, dialog.sizeHint().height())
        dialog.accepted.connect(lambda: then(tid, combo.currentData()))
        dialog.open()

    def delete_current(self) -> None:
        tid = self.panel.current_id()
        if not self.panel.current_is_theme():
            return
        tax = self.ctrl.tax
        theme = tax.by_id[tid]
        used = self.model.everywhere.get(tid, 0)
        if not used:
            self.panel.guard(self.ctrl.theme_edits.delete, tid)
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Delete theme",
                          f"“{theme.label}” is used by {plural(used, 'highlight')}.",
                          QMessageBox.StandardButton.Cancel, self.panel)
        box.setInformativeText(
            "No highlight is deleted. Remove the tag from your highlights, or tag them with "
            "another theme instead? Other people's highlights keep the old tag. You can "
            "undo this.")
        untag = box.addButton("Remove the Tag", QMessageBox.ButtonRole.DestructiveRole)
        merge = box.addButton("Merge into…", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is untag:
                self.panel.guard(self.ctrl.theme_edits.delete, tid)
            elif clicked is merge:
                self._choose_target(tid, "Merge", self._merge)

        box.finished.connect(answered)
        box.open()
        self.delete_box = box  # tests answer it

    def context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        tid = self.model.theme_id(index)
        menu = QMenu(self.panel)
        if tid and index.data(UNKNOWN_ROLE):
            menu.addAction("Adopt into the Group's Themes",
                           lambda: self.panel.guard(self.ctrl.theme_edits.adopt, tid))
        elif tid:
            menu.addAction(icon("add"), "Add Sub-theme", lambda: self.add_theme(tid))
            menu.addAction(icon("edit"), "Rename", self.rename_current)
            colors = menu.addMenu(icon("palette"), "Colour")
            colors.aboutToShow.connect(lambda: self._copy_menu(self.panel.color_menu, colors))
            keys = menu.addMenu(icon("star"), "Favourite Key")
            current = self.ctrl.tax.favourites
            off = keys.addAction("None", lambda: self.set_key(tid, 0))
            off.setCheckable(True)
            off.setChecked(tid not in current)
            for k in range(1, 10):
                owner = self.ctrl.tax.get(current[k - 1]) if k <= len(current) else None
                action = keys.addAction(f"{k}" + (f" — {owner.label}" if owner else ""),
                                        lambda k=k: self.set_key(tid, k))
                action.setCheckable(True)
                action.setChecked(owner is not None and owner.id == tid)
            menu.addSeparator()
            menu.addAction(icon("merge"), "Merge into…", self.merge_current)
            menu.addAction(icon("trash"), "Delete…", self.delete_current)
        else:
            menu.addAction(icon("add"), "Add Theme", lambda: self.add_theme(None))
        menu.popup(self.tree.viewport().mapToGlobal(point))

    def _copy_menu(self, source: QMenu, target: QMenu) -> None:
        self.fill_color_menu()
        target.clear()
        for action in source.actions():
            target.addAction(action)
