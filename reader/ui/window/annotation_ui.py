"""Puts the annotation tools into the main window: the Highlights and Themes panels, the
Annotate menu, Undo/Redo, File → Import/Export Annotations, a binding on every reader tab,
and what the tools do to their target (:meth:`AnnotationUI.apply`).

The main window creates one :class:`AnnotationUI` after its menus and calls
:meth:`AnnotationUI.shutdown` when it closes (the last edits are saved there).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.errors import ReaderError, StorageError
from reader.model.annotations import Placed
from reader.ops import queries
from reader.ui import messages
from reader.ui.annotating.controller import AnnotationController
from reader.ui.annotating.doc_highlights import DocRegistry
from reader.ui.widgets.annotation_sidebar import AnnotationSidebar
from reader.ui.widgets.author_dialog import AuthorDialog
from reader.ui.widgets.reader_tab import ReaderTab
from reader.ui.widgets.theme_picker import ThemePicker
from reader.ui.widgets.themes_panel import ThemesPanel
from reader.ui.window import annotation_menus as annotate_menus
from reader.ui.window.annotation_sharing import Sharing
from reader.ui.window.tab_binding import TabBinding

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)


class AnnotationUI(QObject):
    #: A selection toolbar's "Link to another passage" (the binding, text or pages).
    link_requested = Signal(object)
    page_bound = Signal(object)  # a tab's page view got its binding (PageBinding)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.ctrl = AnnotationController(self.session, self)
        self.ctrl.parent_widget = window
        self.registry = DocRegistry(self.ctrl)
        self.bindings: dict[int, TabBinding] = {}  # id(tab) -> binding (its text view)
        self.page_bindings: dict[int, TabBinding] = {}  # id(tab) -> its page view's
        self.sidebar = AnnotationSidebar(self.ctrl)
        self.themes_panel = ThemesPanel(self.ctrl)
        self.picker = ThemePicker(window)
        self._picker_binding: TabBinding | None = None
        self._picker_hid = ""
        self._name_dialog: AuthorDialog | None = None
        self._close_refused = False
        self._pending_passages: dict[str, str] = {}  # doc id -> highlight to show
        self.sharing = Sharing(self)
        self.sidebar_dock = self._dock("highlightsDock", "Highlights", self.sidebar,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.themes_dock = self._dock("themesDock", "Themes", self.themes_panel,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        if not self._layout_saved():  # else the saved layout places them
            # tabbed once the window is shown: tabifying into a tab group before that
            # leaves a stray tab bar drawn over the dock area
            QTimer.singleShot(0, self._default_layout)
        self.actions = annotate_menus.install(self)
        self._connect()

    def _layout_saved(self) -> bool:
        """The saved window layout already places these panels (a layout saved before
        they existed does not)."""
        state = self.session.prefs.blob("state")
        if state is None:
            return False
        data = bytes(state.data())
        return all(name.encode("utf-16-be") in data for name in ("highlightsDock",
                                                                   "themesDock"))

    def _default_layout(self) -> None:
        w = self.window
        if not shiboken6.isValid(w):
            return
        w.tabifyDockWidget(w.search_dock, self.sidebar_dock)
        w.tabifyDockWidget(w.outline_dock, self.themes_dock)
        w.library_dock.raise_()
        self.sidebar_dock.raise_()

    def _dock(self, name: str, title: str, widget: Any, area: Qt.DockWidgetArea
              ) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(f"{title} panel")
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.window.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        w, ctrl = self.window, self.ctrl
        w.area.text_shown.connect(self._bind_shown)
        w.area.current_changed.connect(self._current_tab_changed)
        w.area.tabs.currentChanged.connect(lambda _i: self._current_tab_changed(
            w.area.current_tab()))
        self.session.workspace_changed.connect(lambda _ws: annotate_menus.update_enabled(self))
        ctrl.notice.connect(lambda text: w.status.showMessage(text, 10_000))
        ctrl.problems_found.connect(self._problems)
        ctrl.autosave.failed.connect(
            lambda text: messages.show_error(w, StorageError(text), title="Highlights not saved"))
        ctrl.autosave.saved.connect(self._saved)
        self.sidebar.jump_requested.connect(self.jump_to)
        self.sidebar.highlight_selected.connect(self._sidebar_selected)
        self.sidebar.reattach_requested.connect(self.reattach)
        self.sidebar.pick_themes_requested.connect(self._pick_for_highlight)
        self.themes_panel.passage_activated.connect(self.open_passage)
        self.picker.toggled.connect(self._picker_toggled)
        self.picker.create_requested.connect(self._picker_create)

    # -- tabs ------------------------------------------------------------------------------
    def binding(self, tab: ReaderTab | None = None) -> TabBinding | None:
        """The binding of the view the tab shows (its text, or its pages)."""
        tab = tab if tab is not None else self.window.area.current_tab()
        if tab is not None and tab.showing_pages and id(tab) in self.page_bindings:
            return self.page_bindings[id(tab)]
        return self.bindings.get(id(tab)) if tab is not None else None

    def _bind_shown(self, doc_id: str) -> None:
        tab = self.window.area.tab_for(doc_id)
        if tab is not None and not tab.readonly:
            binding = self.bind(tab)
            hid = self._pending_passages.pop(doc_id, "")
            if hid:
                (self.binding(tab) or binding).show_highlight(hid)
            self._current_tab_changed(self.window.area.current_tab())

    def bind(self, tab: ReaderTab) -> TabBinding:
        found = self.bindings.get(id(tab))
        if found is not None and found.doc_id == tab.doc_id:
            return found
        doc = self.registry.get(tab.doc_id)
        binding = TabBinding(self, tab, doc)
        binding.highlight_clicked.connect(self._highlight_clicked)
        self.bindings[id(tab)] = binding
        key, doc_id = id(tab), tab.doc_id
        tab.destroyed.connect(lambda _o=None: self._unbind(key, doc_id))
        return binding

    def _unbind(self, key: int, doc_id: str) -> None:
        if not shiboken6.isValid(self.registry):  # the window is going
            return
        self.page_bindings.pop(key, None)
        if self.bindings.pop(key, None) is not None:
            self.registry.release(doc_id)

    def _current_tab_changed(self, tab: ReaderTab | None) -> None:
        binding = self.bind(tab) if tab and tab.is_ready and not tab.readonly else None
        doc = binding.doc if binding is not None else None
        self.sidebar.show_document(doc)
        self.themes_panel.show_document(doc)
        annotate_menus.update_enabled(self)

    def _highlight_clicked(self, hid: str) -> None:
        self.sidebar.select(hid)

    def _sidebar_selected(self, hid: str) -> None:
        binding = self.binding()
        if binding is not None and hid and hid != binding.focus_hid \
                and binding.doc.get(hid) is not None:
            binding.set_focus(hid, toolbar=False)

    def jump_to(self, hid: str) -> None:
        binding = self.binding()
        if binding is not None:
            binding.show_highlight(hid)

    def open_passage(self, doc_id: str, hid: str) -> None:
        """Open ``doc_id`` at highlight ``hid`` (from the themes panel's passages)."""
        tab = self.window.open_document(doc_id)
        if tab is None:
            return
        if tab.is_ready:  # on the view it shows: its pages, or its text
            text_binding = self.bind(tab)
            (self.binding(tab) or text_binding).show_highlight(hid)
        else:
            self._pending_passages[doc_id] = hid
        self.sidebar_dock.show()
        self.sidebar_dock.raise_()
        self.sidebar.select(hid)

    # -- who -------------------------------------------------------------------------------
    def with_name(self, then: Callable[[], object]) -> None:
        """Run ``then`` once the person has a display name (asked the first time)."""
        if self.session.workspace is None:
            return
        if not self.ctrl.needs_name():
            then()
            return
        if self._name_dialog is not None:
            return
        # the neutral "Reader 3f2a" is offered: OK keeps it, or type a name
        dialog = AuthorDialog(self.ctrl.me.name, first_time=True, parent=self.window)
        self._name_dialog = dialog

        def chosen(name: str) -> None:
            if self._guard(self.ctrl.set_name, name) is not None:
                then()

        dialog.name_chosen.connect(chosen)
        dialog.finished.connect(lambda _r: setattr(self, "_name_dialog", None))
        dialog.open()

    def change_name(self) -> None:
        if self.session.workspace is None:
            return
        dialog = AuthorDialog(self.ctrl.me.name, first_time=False, parent=self.window)
        dialog.name_chosen.connect(lambda name: self._guard(self.ctrl.set_name, name))
        dialog.open()
        self._name_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "_name_dialog", None))

    def _guard(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReaderError as exc:
            messages.show_error(self.window, exc)
            return None

    # -- what the tools do -----------------------------------------------------------------
    def apply(self, binding: TabBinding | None, what: str, arg: Any = None) -> None:
        """Apply a tool to the binding's target: ``highlight``, ``theme`` (id), ``stance``
        (Stance | None), ``note``, ``delete``, ``copy``."""
        if binding is None:
            return
        kind, target = binding.target()
        if kind == "selection":
            start, end = target  # type: ignore[misc]
            if what in ("delete", "copy"):
                return
            self.with_name(lambda: self._create(binding, start, end, what, arg))
        elif kind == "highlight":
            assert isinstance(target, Placed)
            self._edit(binding, target, what, arg)

    def apply_favourite(self, binding: TabBinding | None, key: int) -> None:
        theme = self.ctrl.favourite(key)
        if theme is None:
            self.window.status.showMessage(
                f"No favourite theme on key {key}: choose favourites in the Themes panel.",
                6000)
            return
        self.apply(binding, "theme", theme.id)

    def _create(self, binding: TabBinding, start: int, end: int, what: str, arg: Any) -> None:
        themes = (arg,) if what == "theme" else ()
        stance = arg if what == "stance" else None
        h = self._guard(self.ctrl.create, binding.doc_id, start, end, themes=themes,
                        stance=stance)
        if h is None:
            return
        binding.after_create(h.id)
        if what == "note":
            self.sidebar.select(h.id)
            self.focus_note()
        else:  # after the reader has drawn it
            QTimer.singleShot(0, lambda hid=h.id: self.sidebar.select(hid))
        self.window.status.showMessage("Highlighted. Ctrl+Z undoes it.", 4000)

    def _edit(self, binding: TabBinding, p: Placed, what: str, arg: Any) -> None:
        h = p.highlight
        if what == "copy":
            new = self._guard(self.ctrl.copy_to_mine, h.id)
            if new is not None:
                binding.set_focus(new.id)
                self.sidebar.select(new.id)
            return
        if not self.ctrl.is_mine(h):
            self.window.status.showMessage(
                f"This is {h.author.name}'s highlight: copy it to yours to change it.", 6000)
            return
        if what == "theme":
            self._guard(self.ctrl.toggle_theme, h.id, arg)
        elif what == "stance":
            self._guard(self.ctrl.set_stance, h.id, arg)
        elif what == "delete":
            if self._guard(self.ctrl.delete, h.id) is not None:
                binding.clear_target()
                self.window.status.showMessage("Highlight deleted. Ctrl+Z brings it back.",
                                               5000)
            return
        elif what == "note":
            self.sidebar.select(h.id)
            self.focus_note()
        binding.set_focus(h.id)

    def focus_note(self) -> None:
        self.sidebar_dock.show()
        self.sidebar_dock.raise_()
        self.sidebar.inspector.focus_note()

    def reattach(self, hid: str) -> None:
        binding = self.binding()
        span = binding.selection() if binding is not None else None
        if binding is None or span is None:
            messages.show_error(self.window, ReaderError(
                "Select the words to attach the highlight to first.",
                "Select them in the text, then choose Re-attach to Selection."))
            return
        h = self._guard(self.ctrl.reattach, hid, binding.doc_id, *span)
        if h is not None:
            binding.after_create(h.id)
            self.sidebar.select(h.id)

    # -- the theme picker ------------------------------------------------------------------
    def pick_themes(self, binding: TabBinding | None, where: QPoint | None = None) -> None:
        if binding is None:
            return
        kind, target = binding.target()
        if kind == "none":
            return
        chosen = frozenset(target.highlight.themes) if isinstance(target, Placed) \
            else frozenset()
        if isinstance(target, Placed) and not self.ctrl.is_mine(target.highlight):
            return
        self._picker_binding = binding
        self._picker_hid = ""
        self.picker.set_themes(self.ctrl.tax, chosen)
        self.picker.popup(where or binding.view.viewport().mapToGlobal(QPoint(40, 40)))

    def _pick_for_highlight(self, hid: str, where: QPoint) -> None:
        binding = self.binding()
        try:
            h = queries.highlight(self.session.require(), hid)
        except ReaderError:
            return
        self._picker_binding = binding
        self._picker_hid = hid
        self.picker.set_themes(self.ctrl.tax, frozenset(h.themes))
        self.picker.popup(where)

    def _picker_toggled(self, theme_id: str) -> None:
        if self._picker_hid:
            h = self._guard(self.ctrl.toggle_theme, self._picker_hid, theme_id)
        else:
            self.apply(self._picker_binding, "theme", theme_id)
            binding = self._picker_binding
            h = None
            if binding is not None and binding.focus_hid:
                h = self._guard(queries.highlight, self.session.require(), binding.focus_hid)
        if h is not None:
            self.picker.set_chosen(frozenset(h.themes))

    def _picker_create(self, label: str) -> None:
        theme = self._guard(self.ctrl.theme_edits.add, label)
        if theme is not None:
            self.picker.set_themes(self.ctrl.tax, self.picker.chosen)
            self._picker_toggled(theme.id)

    # -- menus and tooltips ----------------------------------------------------------------
    def fill_menu(self, menu: QMenu, binding: TabBinding, kind: str, target: object) -> None:
        annotate_menus.fill_context_menu(self, menu, binding, kind, target)

    def describe(self, p: Placed) -> str:
        """A highlight's tooltip in the reader, on text or pages (rich text)."""
        return annotate_menus.describe(self, p)

    # -- status ----------------------------------------------------------------------------
    def _problems(self, problems: list[str]) -> None:
        log.info("annotation problems: %s", problems)
        self.window.status.showMessage(
            f"{len(problems)} problem(s) with the annotation files; the rest is shown. "
            "Annotate → Annotation File Problems… says what they are.", 15_000)

    def _saved(self) -> None:
        if self._close_refused:
            self._close_refused = False

    def shutdown(self) -> bool:
        """Save everything now (the window is closing): whether it could be saved. The
        first failure refuses the close once, so the person can fix it or export."""
        self.sidebar.inspector.flush()
        if self.ctrl.ws is None:
            self.ctrl.shutdown()
            return True
        saved = self.ctrl.autosave.save_now(self.ctrl.ws)
        if saved or self._close_refused:
            self.ctrl.shutdown()
            self.registry.stop()
            self.themes_panel.stop()
            return True
        self._close_refused = True
        return False
