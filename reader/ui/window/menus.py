"""Every action of the main window, with its standard shortcut, in the menus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.ui.resources import icon

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

SK = QKeySequence.StandardKey


class Actions:
    """The window's actions by name (``actions.find``, ``actions.back`` …)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.all: dict[str, QAction] = {}

    def add(self, name: str, text: str, slot: Callable[[], object], *,
            keys: SK | str | list[SK | str] | None = None, icon_name: str = "",
            tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(f"action_{name}")
        if icon_name:
            action.setIcon(icon(icon_name))
        if keys is not None:
            sequences: list[QKeySequence] = []
            for key in keys if isinstance(keys, list) else [keys]:
                if isinstance(key, str):
                    sequences.append(QKeySequence(key))
                else:
                    sequences += QKeySequence.keyBindings(key)
            action.setShortcuts(sequences)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(lambda _on: slot())
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.all[name] = action
        setattr(self, name, action)
        return action

    def __getattr__(self, name: str) -> QAction:  # for type checkers: names are dynamic
        raise AttributeError(name)


def _export_brief(window: MainWindow) -> None:
    from reader.ui.widgets.brief_dialog import open_brief_dialog  # export code loads on first use

    open_brief_dialog(window)


def build(window: MainWindow) -> Actions:
    a = Actions(window)
    w = window
    ws, rd, se, pg = w.workspace_actions, w.reading, w.searching, w.pages
    # File
    a.add("new_workspace", "&New Workspace…", ws.new_workspace, keys="Ctrl+Shift+N",
          icon_name="folder-new", tip="Create a workspace in an empty folder")
    a.add("open_workspace", "Open &Workspace…", ws.open_workspace_dialog, keys="Ctrl+Shift+O",
          icon_name="folder-open", tip="Open a folder of documents as a workspace")
    a.add("open_file", "&Open Document…", rd.open_file_dialog, keys=SK.Open,
          icon_name="document", tip="Open a document file (files from elsewhere are imported)")
    a.add("import_files", "&Import Files…", ws.import_dialog, keys="Ctrl+Shift+I",
          icon_name="import", tip="Copy files into the workspace, read and index them")
    a.add("close_tab", "&Close Document", rd.close_current_tab, keys=SK.Close)
    a.add("properties", "Proper&ties…", rd.show_properties, keys="Alt+Return",
          icon_name="properties", tip="Edit the title, kind, office, date and source")
    a.add("export_brief", "&Export Brief…", lambda: _export_brief(w), keys="Ctrl+Shift+E",
          tip="Export highlighted passages as a brief: PDF, Word, HTML, Markdown or CSV")
    a.add("quit", "&Quit", w.close, keys=SK.Quit)
    # Edit
    a.add("copy", "&Copy", rd.copy_selection, keys=SK.Copy)
    a.add("select_all", "Select &All", rd.select_all, keys=SK.SelectAll)
    a.add("find", "&Find in Document…", rd.find_in_document, keys=SK.Find, icon_name="search")
    a.add("find_next", "Find &Next", rd.find_next, keys=SK.FindNext)
    a.add("find_previous", "Find Pre&vious", rd.find_previous, keys=SK.FindPrevious)
    a.add("search", "&Search All Documents…", se.focus_search, keys="Ctrl+Shift+F",
          icon_name="search", tip="Search every document of the workspace")
    a.add("clear_marks", "C&lear Search Marks", rd.clear_marks, keys="Esc")
    # View
    a.add("zoom_in", "Zoom &In", rd.zoom_in, keys=[SK.ZoomIn, "Ctrl+="], icon_name="zoom-in")
    a.add("zoom_out", "Zoom &Out", rd.zoom_out, keys=SK.ZoomOut, icon_name="zoom-out")
    a.add("zoom_reset", "&Actual Size", rd.zoom_reset, keys="Ctrl+0")
    a.add("font_serif", "&Serif Text", lambda: rd.set_font_style("serif"), checkable=True)
    a.add("font_sans", "Sa&ns-serif Text", lambda: rd.set_font_style("sans"), checkable=True)
    group = QActionGroup(window)
    group.setExclusive(True)
    for action in (a.font_serif, a.font_sans):
        group.addAction(action)
    a.add("full_screen", "&Full Screen", rd.toggle_full_screen, keys=SK.FullScreen)
    # Document
    a.add("page_view", "&Page View", pg.toggle, keys="Ctrl+Shift+P", checkable=True,
          tip="Show a PDF as its printed pages, or as reflowed text (remembered per document)")
    a.add("open_original", "Open &Original", pg.open_original, keys="Ctrl+Shift+Return",
          tip="Open the file in the system's own viewer")
    a.add("show_in_folder", "Show in &Folder", pg.show_in_folder,
          tip="Show the file in the file manager")
    # Go
    a.add("back", "&Back", rd.go_back, keys=SK.Back, icon_name="back",
          tip="Back to where you were before the last jump")
    a.add("forward", "&Forward", rd.go_forward, keys=SK.Forward, icon_name="forward")
    a.add("go_to_page", "Go to &Page…", rd.go_to_page, keys="Ctrl+Alt+G")
    a.add("next_tab", "Next Document", rd.next_tab, keys=SK.NextChild)
    a.add("previous_tab", "Previous Document", rd.previous_tab, keys=SK.PreviousChild)
    # Tools
    a.add("reindex", "&Re-index", lambda: ws.reindex(False), keys=SK.Refresh,
          icon_name="refresh", tip="Read new and changed files and update the search index")
    a.add("rebuild", "Re&build Index", lambda: ws.reindex(True), keys="Ctrl+Shift+R",
          tip="Read every file again and rebuild the search index from scratch")
    a.add("ocr", "&OCR…", pg.ocr_settings,
          tip="Read scanned pages with OCR (on or off, and in which languages)")
    # Help
    a.add("search_help", "&Search Syntax", se.show_search_help, keys=SK.HelpContents,
          icon_name="help")
    a.add("welcome", "&Welcome", ws.show_welcome)
    a.add("log_folder", "Open &Log Folder", ws.open_log_folder)
    a.add("about", "&About Policy Reader", ws.show_about)
    return a


def build_menus(window: MainWindow, a: Actions) -> QMenu:
    """Fill the menu bar; returns the Recent Workspaces submenu (refilled by the window)."""
    bar = window.menuBar()
    file = bar.addMenu("&File")
    for name in ("new_workspace", "open_workspace"):
        file.addAction(a.all[name])
    recent = file.addMenu("&Recent Workspaces")
    recent.setObjectName("recentMenu")
    file.addSeparator()
    for name in ("open_file", "import_files", "close_tab"):
        file.addAction(a.all[name])
    file.addSeparator()
    file.addAction(a.properties)
    file.addAction(a.export_brief)
    file.addSeparator()
    file.addAction(a.quit)
    edit = bar.addMenu("&Edit")
    for name in ("copy", "select_all", None, "find", "find_next", "find_previous", None,
                 "search", "clear_marks"):
        edit.addSeparator() if name is None else edit.addAction(a.all[name])
    view = bar.addMenu("&View")
    for name in ("zoom_in", "zoom_out", "zoom_reset", None, "font_serif", "font_sans", None):
        view.addSeparator() if name is None else view.addAction(a.all[name])
    window.panels_menu = view.addMenu("&Panels")
    view.addSeparator()
    view.addAction(a.full_screen)
    document = bar.addMenu("&Document")
    for name in ("page_view", None, "open_original", "show_in_folder", None, "properties"):
        document.addSeparator() if name is None else document.addAction(a.all[name])
    go = bar.addMenu("&Go")
    for name in ("back", "forward", None, "go_to_page", None, "next_tab", "previous_tab"):
        go.addSeparator() if name is None else go.addAction(a.all[name])
    tools = bar.addMenu("&Tools")
    tools.addAction(a.reindex)
    tools.addAction(a.rebuild)
    tools.addSeparator()
    tools.addAction(a.ocr)
    help_menu = bar.addMenu("&Help")
    for name in ("search_help", "welcome", None, "log_folder", "about"):
        help_menu.addSeparator() if name is None else help_menu.addAction(a.all[name])
    return recent
