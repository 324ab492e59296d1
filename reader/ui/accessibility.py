"""Names for the controls Qt makes itself (a line edit's clear button, a tab's close
button, a table's header), so a screen reader announces every control (a test walks the
widget tree and Qt's accessibility tree)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QTabBar, QToolButton


def name_clear_button(edit: QLineEdit, what: str = "",
                      skip: tuple[QAction, ...] = ()) -> None:
    """After ``setClearButtonEnabled(True)``: its button says what it clears. The buttons
    of the ``skip`` actions (an icon the edit shows) are named by their action's text."""
    for button in edit.findChildren(QToolButton):
        action = button.defaultAction()
        if action is not None and action in skip:
            button.setAccessibleName(action.text())
            continue
        if not button.accessibleName():
            button.setAccessibleName(f"Clear {what}".strip() if what else "Clear the text")
            button.setToolTip(button.accessibleName())


def name_close_button(bar: QTabBar, index: int, title: str) -> None:
    """A closable tab's button: "Close ‹title›"."""
    for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
        button = bar.tabButton(index, side)
        if button is not None:
            button.setAccessibleName(f"Close {title}")
            button.setToolTip(f"Close {title}")
