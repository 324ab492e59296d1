"""The open documents' tab bar: names elided in the middle (the start and the end of a title
both tell documents apart: "Charging Policy … 2021-03"), never narrower than a readable
minimum nor wider than a maximum, scroll buttons when they do not all fit, the full title
and path in each tab's tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QTabBar, QWidget

MIN_TAB_CHARS = 16
MAX_TAB_CHARS = 28


class DocumentTabBar(QTabBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentTabBar")
        self.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUsesScrollButtons(True)
        self.setExpanding(False)
        self.setAccessibleName("Open documents")

    def _chars(self, n: int) -> int:
        return self.fontMetrics().horizontalAdvance("n") * n

    def _extra(self, index: int) -> int:
        """Room the tab takes besides its text (padding, icon, close button)."""
        button = self.tabButton(index, QTabBar.ButtonPosition.RightSide)
        return 28 + (button.sizeHint().width() if button is not None else 0)

    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        most = self._chars(MAX_TAB_CHARS) + self._extra(index)
        least = self._chars(MIN_TAB_CHARS) + self._extra(index)
        return QSize(max(least, min(size.width(), most)), size.height())

    def minimumTabSizeHint(self, index: int) -> QSize:
        size = super().minimumTabSizeHint(index)
        least = self._chars(MIN_TAB_CHARS) + self._extra(index)
        return QSize(max(size.width(), min(least, self.tabSizeHint(index).width())),
                     size.height())


def tab_tooltip(title: str, path: str) -> str:
    return f"{title}\n{path}"
