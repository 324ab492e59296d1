"""Screen readers and keyboards: every control in the window, its panels and its dialogs
announces a name (walked both in the widget tree and in Qt's accessibility tree); every
dialog's Tab order runs in reading order and reaches every control; every menu action can
be reached from the keyboard; nothing is clipped in a dialog."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMenu, QWidget

from reader.ui.dialog_size import clipped_labels
from reader.ui.widgets.about_dialog import AboutDialog
from reader.ui.widgets.author_dialog import AuthorDialog
from reader.ui.widgets.brief_dialog import BriefDialog
from reader.ui.widgets.help_dialog import HelpDialog
from reader.ui.widgets.properties_dialog import PropertiesDialog
from tests.ui.a11y import unnamed_controls, unnamed_widgets
from tests.ui.annotating_fixtures import Env


def assert_named(root: QWidget) -> None:
    assert unnamed_widgets(root) == [], type(root).__name__
    assert unnamed_controls(root) == [], type(root).__name__


def tab_order(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``dialog``, from its first one round to it again."""
    order: list[QWidget] = []
    widget = dialog
    for _ in range(2000):
        widget = widget.nextInFocusChain()
        if widget is dialog:
            break
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()
                and widget.isEnabled() and widget.window() is dialog):
            order.append(widget)
    return order


def assert_reading_order(dialog: QWidget, order: list[QWidget]) -> None:
    """Tab goes down the dialog (and left to right on a line): no control is visited
    above one visited before it, except to start a new column of a side-by-side layout."""
    placed = [(w, w.mapTo(dialog, QPoint(0, 0))) for w in order]
    backwards = [(a, b) for (a, pa), (b, pb) in pairwise(placed)
                 if pb.y() < pa.y() - 8 and pb.x() <= pa.x()]
    assert backwards == [], [(x.objectName() or type(x).__name__,
                              y.objectName() or type(y).__name__) for x, y in backwards]


def test_the_window_its_panels_and_tools_name_every_control(qtbot, memo_env: Env) -> None:
    env = memo_env
    w = env.window
    for dock in w.findChildren(QDockWidget):  # tabbed panels: each in turn
        dock.show()
        dock.raise_()
        qtbot.wait(10)
        assert_named(w)
    env.select("officers responding to an overdose")  # the selection toolbar
    qtbot.waitUntil(env.binding().toolbar.isVisible, timeout=5000)
    assert_named(env.binding().toolbar)
    w.reading.find_in_document()
    qtbot.keyClick(env.tab().view, Qt.Key.Key_H)  # a highlight: the inspector shows it
    env.settle()
    assert_named(w)
    env.ui.pick_themes(env.binding(), QPoint(10, 10))
    assert_named(env.ui.picker)
    env.ui.picker.close()


def test_dialogs_name_every_control_keep_reading_order_and_clip_nothing(
        qtbot, memo_env: Env) -> None:
    env = memo_env
    doc = env.session.documents()[0]
    qtbot.keyClick(env.select("officers responding to an overdose") and env.tab().view,
                   Qt.Key.Key_H)
    dialogs: list[QDialog] = [
        AuthorDialog("Maria G", first_time=True),
        PropertiesDialog(doc, lambda _fields: None),
        HelpDialog("Search help", "# Searching\n\nType words, a `\"phrase\"` …"),
        BriefDialog(env.session, env.window),
        AboutDialog(),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        if isinstance(dialog, BriefDialog):
            qtbot.waitUntil(dialog.ready, timeout=30_000)
        assert_named(dialog)
        assert clipped_labels(dialog) == [], type(dialog).__name__
        order = tab_order(dialog)
        focusable = [x for x in dialog.findChildren(QWidget)
                     if x.focusPolicy() & Qt.FocusPolicy.TabFocus and x.isVisible()
                     and x.isEnabled() and x.window() is dialog
                     and not isinstance(x.parent(), QMenu)]
        missing = [x.objectName() or type(x).__name__ for x in focusable if x not in order]
        assert missing == [], type(dialog).__name__
        if not isinstance(dialog, BriefDialog):  # the brief form is tabbed: its own test
            assert_reading_order(dialog, order)
        dialog.hide()


def test_every_menu_action_can_be_reached_from_the_keyboard(qtbot, window) -> None:
    bar = window.menuBar()
    for menu_action in bar.actions():
        assert "&" in menu_action.text(), menu_action.text()  # Alt+letter opens it
        menu = menu_action.menu()
        letters = [a.text().split("&", 1)[1][:1].lower() for a in menu.actions()
                   if "&" in a.text()]
        assert len(letters) == len(set(letters)), menu_action.text()  # no letter twice
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            reachable = "&" in action.text() or not action.shortcut().isEmpty() \
                or action.isCheckable()
            assert reachable, f"{menu_action.text()} → {action.text()}"
    assert QApplication.instance() is not None
