"""The annotation actions in the window's menus (Edit → Undo/Redo, File → Import/Export
Annotations, the Annotate menu, the panels' toggles) and the reader's context menu entries.

In the reader, the tools also answer to bare keys while words are selected or a highlight
is chosen: H highlight, 1–9 favourite themes, T themes, N note, Delete, Esc. The menu shows
them beside the entries.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from reader.model.annotations import Placed, Stance
from reader.ui.annotating import problems_dialog
from reader.ui.highlight_marks import STANCE_SYMBOLS
from reader.ui.palette import muted_color
from reader.ui.resources import icon, swatch

if TYPE_CHECKING:
    from reader.ui.window.annotation_ui import AnnotationUI
    from reader.ui.window.tab_binding import TabBinding

SK = QKeySequence.StandardKey
NEEDS_TAB = ("highlight", "themes", "note", "delete", "copy", "reattach")


def _menu(bar: QMenuBar, title: str) -> QMenu | None:
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == title:
            return menu
    return None


def _action(ui: AnnotationUI, name: str, text: str, slot: Callable[[], object], *,
            keys: str | SK | None = None, icon_name: str = "", tip: str = "") -> QAction:
    action = QAction(text, ui.window)
    action.setObjectName(f"action_{name}")
    if keys is not None:
        action.setShortcuts(QKeySequence.keyBindings(keys) if isinstance(keys, SK)
                            else [QKeySequence(keys)])
    if icon_name:
        action.setIcon(icon(icon_name))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _c=False: slot())
    return action


def install(ui: AnnotationUI) -> dict[str, QAction]:
    w = ui.window
    bar = w.menuBar()
    stack = ui.ctrl.undo_stack
    a: dict[str, QAction] = {}
    a["undo"] = stack.createUndoAction(w, "&Undo")
    a["undo"].setShortcuts(QKeySequence.keyBindings(SK.Undo))
    a["undo"].setIcon(icon("undo"))
    a["undo"].setObjectName("action_undo")
    a["redo"] = stack.createRedoAction(w, "&Redo")
    a["redo"].setShortcuts(QKeySequence.keyBindings(SK.Redo))
    a["redo"].setIcon(icon("redo"))
    a["redo"].setObjectName("action_redo")
    binding = ui.binding
    a["highlight"] = _action(ui, "highlight", "&Highlight Selection\tH",
                             lambda: ui.apply(binding(), "highlight"), keys="Ctrl+Shift+H",
                             icon_name="highlight", tip="Highlight the selected words")
    a["themes"] = _action(ui, "themes", "Choose &Themes…\tT", lambda: ui.pick_themes(binding()),
                          keys="Ctrl+Shift+T", icon_name="tag",
                          tip="Tag the selection or highlight with themes")
    a["note"] = _action(ui, "note", "Add &Note…\tN", lambda: ui.apply(binding(), "note"),
                        keys="Ctrl+Alt+M", icon_name="note",
                        tip="Write a note on the selection or highlight")
    a["delete"] = _action(ui, "delete", "&Delete Highlight\tDel",
                          lambda: ui.apply(binding(), "delete"), icon_name="trash")
    a["copy"] = _action(ui, "copy_mine", "&Copy to My Highlights",
                        lambda: ui.apply(binding(), "copy"), icon_name="copy",
                        tip="Make your own editable copy of someone else's highlight")
    a["reattach"] = _action(ui, "reattach", "R&e-attach to Selection",
                            lambda: ui.reattach(ui.sidebar.current_hid()), icon_name="link",
                            tip="Attach the highlight chosen in the Highlights panel to the "
                            "selected words")
    a["name"] = _action(ui, "your_name", "Your Na&me…", ui.change_name, icon_name="person",
                        tip="The name your study group sees beside your highlights")
    a["problems"] = _action(ui, "annotation_problems", "Annotation File &Problems…",
                            lambda: problems_dialog.open_dialog(ui.session, ui.window),
                            icon_name="warning",
                            tip="What could not be read in the annotation files, and "
                            "changes to your highlights held aside for you to apply")
    a["import"] = _action(ui, "import_annotations", "Import &Annotations…",
                          ui.sharing.import_dialog, icon_name="import",
                          tip="Merge a colleague's file, a W3C Web Annotation file or a "
                          "Hypothesis export")
    a["export"] = _action(ui, "export_annotations", "E&xport My Annotations…",
                          ui.sharing.export_dialog, icon_name="export",
                          tip="Save your highlights as W3C JSON-LD, Hypothesis JSON or CSV")

    edit = _menu(bar, "Edit")
    if edit is not None:
        first = edit.actions()[0] if edit.actions() else None
        edit.insertAction(first, a["undo"])
        edit.insertAction(first, a["redo"])
        edit.insertSeparator(first)
    file = _menu(bar, "File")
    if file is not None:
        anchor = w.actions_.all.get("import_files")
        after = _next_action(file, anchor)
        file.insertAction(after, a["import"])
        file.insertAction(after, a["export"])
    annotate = QMenu("&Annotate", w)
    annotate.setObjectName("annotateMenu")
    for name in ("highlight", "themes", "note"):
        annotate.addAction(a[name])
    stance_menu = annotate.addMenu("&Stance")
    for stance in Stance:
        action = stance_menu.addAction(f"{STANCE_SYMBOLS[stance]}  {stance.label}")
        action.triggered.connect(lambda _c=False, s=stance: ui.apply(binding(), "stance", s))
    stance_menu.addAction("No Stance", lambda: ui.apply(binding(), "stance", None))
    favourites = annotate.addMenu("&Favourite Themes")
    favourites.aboutToShow.connect(lambda: _fill_favourites(ui, favourites))
    annotate.addSeparator()
    for name in ("delete", "copy", "reattach"):
        annotate.addAction(a[name])
    annotate.addSeparator()
    authors = annotate.addMenu(icon("people"), "Show &Authors")
    authors.aboutToShow.connect(lambda: _fill_authors(ui, authors))
    annotate.addAction(a["name"])
    annotate.addAction(a["problems"])
    tools = _menu(bar, "Tools")
    bar.insertMenu(tools.menuAction() if tools is not None else None, annotate)
    a["menu"] = annotate.menuAction()
    if w.panels_menu is not None:
        for dock, keys in ((ui.sidebar_dock, "Ctrl+4"), (ui.themes_dock, "Ctrl+5")):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(keys)
            w.panels_menu.addAction(toggle)
    update_enabled(ui)
    return a


def _next_action(menu: QMenu, anchor: QAction | None) -> QAction | None:
    actions = menu.actions()
    if anchor is None or anchor not in actions:
        return None
    i = actions.index(anchor)
    return actions[i + 1] if i + 1 < len(actions) else None


def update_enabled(ui: AnnotationUI) -> None:
    a = getattr(ui, "actions", None)
    if not a:
        return
    has_ws = ui.session.workspace is not None
    has_tab = ui.window.area.current_tab() is not None
    for name in NEEDS_TAB:
        a[name].setEnabled(has_ws and has_tab)
    for name in ("import", "export", "name", "problems"):
        a[name].setEnabled(has_ws)


def _fill_favourites(ui: AnnotationUI, menu: QMenu) -> None:
    menu.clear()
    tax = ui.ctrl.tax
    for key, tid in enumerate(tax.favourites, 1):
        theme = tax.get(tid)
        if theme is None:
            continue
        action = menu.addAction(swatch(theme.color), f"{theme.label}\t{key}")
        action.triggered.connect(lambda _c=False, k=key: ui.apply_favourite(ui.binding(), k))
    if not tax.favourites:
        menu.addAction("No favourites yet: choose them in the Themes panel").setEnabled(False)


def _fill_authors(ui: AnnotationUI, menu: QMenu) -> None:
    menu.clear()
    if ui.ctrl.ws is None:
        return
    me = ui.ctrl.me.id
    for author in ui.ctrl.authors():
        action = menu.addAction(f"{author.name} (you)" if author.id == me else author.name)
        action.setCheckable(True)
        action.setChecked(not ui.ctrl.is_hidden(author.id))
        action.toggled.connect(lambda on, i=author.id: ui.ctrl.set_author_shown(i, on))


def fill_context_menu(ui: AnnotationUI, menu: QMenu, binding: TabBinding, kind: str,
                      target: object) -> None:
    """The reader's context menu entries for the selection or the highlight under the
    pointer."""
    ctrl = ui.ctrl
    tax = ctrl.tax
    mine = True
    chosen: set[str] = set()
    stance: Stance | None = None
    if kind == "highlight" and isinstance(target, Placed):
        h = target.highlight
        mine = ctrl.is_mine(h)
        chosen = {tax.resolve(t) or t for t in h.themes}
        stance = h.stance
        menu.addSection("Your highlight" if mine else f"{h.author.name}'s highlight")
    else:
        menu.addAction(icon("highlight"), "Highlight\tH", lambda: ui.apply(binding, "highlight"))
    if not mine:
        menu.addAction(icon("copy"), "Copy to My Highlights", lambda: ui.apply(binding, "copy"))
        return
    themes = menu.addMenu(icon("tag"), "Themes")
    for key, tid in enumerate(tax.favourites, 1):
        theme = tax.get(tid)
        if theme is None:
            continue
        action = themes.addAction(swatch(theme.color, ring=tid in chosen),
                                  f"{theme.label}\t{key}")
        action.setCheckable(True)
        action.setChecked(tid in chosen)
        action.triggered.connect(lambda _c=False, t=tid: ui.apply(binding, "theme", t))
    for tid in sorted(chosen - set(tax.favourites)):
        action = themes.addAction(tax.label(tid))
        action.setCheckable(True)
        action.setChecked(True)
        action.triggered.connect(lambda _c=False, t=tid: ui.apply(binding, "theme", t))
    themes.addSeparator()
    where = binding.view.viewport().mapToGlobal(binding.view.viewport().rect().center())
    themes.addAction("More Themes…\tT", lambda: ui.pick_themes(binding, where))
    stances = menu.addMenu("Stance")
    for s in Stance:
        action = stances.addAction(f"{STANCE_SYMBOLS[s]}  {s.label}")
        action.setCheckable(True)
        action.setChecked(s is stance)
        action.triggered.connect(lambda _c=False, v=s: ui.apply(binding, "stance", v))
    if kind == "highlight":
        stances.addAction("No Stance", lambda: ui.apply(binding, "stance", None))
    menu.addAction(icon("note"), "Note…\tN", lambda: ui.apply(binding, "note"))
    if kind == "highlight":
        menu.addAction(icon("trash"), "Delete Highlight\tDel", lambda: ui.apply(binding,
                                                                                 "delete"))
    orphan = ui.sidebar.current_hid()
    p = binding.doc.get(orphan) if orphan else None
    if kind == "selection" and p is not None and p.orphaned and ctrl.is_mine(p.highlight):
        words = " ".join(p.highlight.quote.exact.split())
        short = words if len(words) <= 30 else words[:29] + "…"
        menu.addAction(icon("link"), f"Re-attach “{short}” Here",
                       lambda: ui.reattach(orphan))


def describe(ui: AnnotationUI, p: Placed) -> str:
    """A highlight's tooltip (rich text): its themes, stance, note and who made it."""
    h = p.highlight
    tax = ui.ctrl.tax
    themes = ", ".join(html.escape(tax.label(t)) for t in h.themes) or "No theme"
    who = "You" if ui.ctrl.is_mine(h) else html.escape(h.author.name)
    lines = [f"<b>{themes}</b>"]
    if h.stance is not None:
        lines.append(html.escape(h.stance.label))
    if h.note:
        note = h.note if len(h.note) <= 280 else h.note[:279] + "…"
        lines.append(f"<i>{html.escape(note)}</i>")
    lines.append(f"<span style='color:{muted_color()}'>{who}</span>")
    return "<br>".join(lines)
