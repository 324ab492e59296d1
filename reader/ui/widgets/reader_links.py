"""Following a statute's cross-references in the reader: a click on "§ 48-961.03" (drawn as
a link by :mod:`reader.ui.reader_statute`) or "Open D.C. Code § 48-961.03" in the context
menu emits :attr:`LinkFollower.activated` with the :class:`~reader.model.documents.Link`.
What it opens is the window's business (the section when it is in the workspace)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QMenu

from reader.model.documents import Link
from reader.ui.widgets.reader_view import ReaderView

DRAG_PIXELS = 4  # a press and release farther apart than this is a selection, not a click


class LinkFollower(QObject):
    activated = Signal(object)  # Link

    def __init__(self, view: ReaderView) -> None:
        super().__init__(view)
        self.view = view
        self._viewport = view.viewport()
        self._press: QPoint | None = None
        self._menu_point: QPoint | None = None
        self._pointing = False
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)
        view.context_menu_providers.append(self._menu)

    def link_at(self, point: QPoint) -> Link | None:
        """The cross-reference under ``point`` (viewport coordinates), if any."""
        built = self.view.built
        if built is None or not built.links:
            return None
        href = self.view.anchorAt(point)
        if not href:
            return None
        return built.links.by_href(href)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self._viewport or not shiboken6.isValid(self.view):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            mouse: QMouseEvent = event  # type: ignore[assignment]
            self._press = mouse.position().toPoint() \
                if mouse.button() == Qt.MouseButton.LeftButton else None
        elif kind == QEvent.Type.MouseButtonRelease:
            mouse = event  # type: ignore[assignment]
            point, self._press = mouse.position().toPoint(), self._press
            if (mouse.button() == Qt.MouseButton.LeftButton and point is not None
                    and self._press is not None
                    and (point - self._press).manhattanLength() <= DRAG_PIXELS
                    and not self.view.textCursor().hasSelection()):
                link = self.link_at(point)
                if link is not None:
                    self.activated.emit(link)
        elif kind == QEvent.Type.MouseMove:
            mouse = event  # type: ignore[assignment]
            self._point(self.link_at(mouse.position().toPoint()) is not None)
        elif kind == QEvent.Type.ContextMenu:
            self._menu_point = event.pos()  # type: ignore[attr-defined]
        return False

    def _point(self, on_link: bool) -> None:
        if on_link != self._pointing:
            self._pointing = on_link
            self._viewport.setCursor(Qt.CursorShape.PointingHandCursor if on_link
                                     else Qt.CursorShape.IBeamCursor)

    def _menu(self, menu: QMenu, _span: tuple[int, int] | None) -> None:
        point, self._menu_point = self._menu_point, None
        link = self.link_at(point) if point is not None else None
        if link is None:
            return
        action = QAction(f"Open {link.target}", menu)
        action.triggered.connect(lambda: self.activated.emit(link))
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)
