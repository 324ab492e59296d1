"""The page view's painting, mouse and keys (kept apart from its state and API in
:mod:`.view`).

Selecting: a press on or near a character starts a selection at the nearest character
boundary; dragging moves its other end (the range runs in the text's reading order, so a
drag from the left column into the right one takes the rest of the left column first);
a double-click selects a word. A press away from every character clears the selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import QMenu

from reader.ui.marks import MarkStyle
from reader.ui.pages.overlay import PageMapper, paint_layers

if TYPE_CHECKING:
    from reader.ui.pages.view import PageView

SELECTION_LAYER = "__selection__"


def selection_style() -> MarkStyle:
    return MarkStyle(background=QColor(40, 110, 230, 85))


# -- keys -----------------------------------------------------------------------------------
def handle_key(view: PageView, event: QKeyEvent) -> bool:
    key = event.key()
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    if event.matches(QKeySequence.StandardKey.Copy):
        view.copy()
        return True
    if ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
        view.zoom_in()
        return True
    if ctrl and key == Qt.Key.Key_Minus:
        view.zoom_out()
        return True
    if ctrl and key == Qt.Key.Key_0:
        view.set_fit("width")
        return True
    page = view.current_page()
    if key == Qt.Key.Key_PageDown:
        view.go_to_page(page + 1)
    elif key == Qt.Key.Key_PageUp:
        rect = view.layout_.rects[page - 1] if page else None
        at_top = rect is not None and view.verticalScrollBar().value() <= rect.y
        view.go_to_page(page - 1 if at_top or page <= 1 else page)
        if page <= 1:
            view.verticalScrollBar().setValue(0)
    elif key == Qt.Key.Key_Home:
        view.verticalScrollBar().setValue(0)
    elif key == Qt.Key.Key_End:
        view.go_to_page(view.page_count)
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    elif key == Qt.Key.Key_Escape and view.has_selection():
        view.clear_selection()
    else:
        return False
    return True


# -- copy and the context menu ----------------------------------------------------------------
def copy(view: PageView) -> None:
    """The selected text (a paragraph's soft line breaks as spaces)."""
    text = view.selected_text()
    if text:
        QGuiApplication.clipboard().setText(
            "\n\n".join(p.replace("\n", " ") for p in text.split("\n\n")))


def context_menu(view: PageView, pos: QPoint) -> QMenu:
    menu = QMenu(view)
    action = menu.addAction("Copy", view.copy)
    action.setShortcut(QKeySequence.StandardKey.Copy)
    action.setEnabled(view.has_selection())
    for provider in view.context_menu_providers:
        provider(menu, view.selection_range())
    return menu


# -- mouse ----------------------------------------------------------------------------------
def _boundary(view: PageView, event: QMouseEvent) -> int | None:
    return view.offset_at(event.position().toPoint())


def press(view: PageView, event: QMouseEvent) -> None:
    view.setFocus(Qt.FocusReason.MouseFocusReason)
    if event.button() != Qt.MouseButton.LeftButton:
        return
    view.pressed = True
    at = _boundary(view, event)
    had = view.has_selection()
    view.anchor = view.focus_ = at
    view._placed.pop(SELECTION_LAYER, None)
    view.viewport().update()
    if had:
        view.selectionChanged.emit()


def move(view: PageView, event: QMouseEvent) -> None:
    if not view.pressed or view.anchor is None:
        _cursor(view, event)
        return
    at = _boundary(view, event)
    if at is not None and at != view.focus_:
        view.focus_ = at
        _draw_selection(view)
    _autoscroll(view, event)


def release(view: PageView, event: QMouseEvent) -> None:
    if event.button() != Qt.MouseButton.LeftButton:
        return
    view.pressed = False
    if view.has_selection():
        view.selectionChanged.emit()


def double_click(view: PageView, event: QMouseEvent) -> None:
    hit = view.page_at(event.position().toPoint())
    if hit is None or view.index is None:
        return
    x, y = hit[1].to_points(view._content(event.position()))
    word = view.index.word_at(hit[0] + 1, x, y)
    if word is not None:
        view.pressed = False
        view.select_range(*word)


def _draw_selection(view: PageView) -> None:
    from reader.ui.marks import Mark
    from reader.ui.pages.overlay import PageMarks

    span = view.selection_range()
    view._placed[SELECTION_LAYER] = PageMarks(
        view.index, [Mark(span[0], span[1], selection_style())] if span else [])
    view.viewport().update()


def _autoscroll(view: PageView, event: QMouseEvent) -> None:
    y = event.position().y()
    h = view.viewport().height()
    bar = view.verticalScrollBar()
    if y < 0:
        bar.setValue(bar.value() - 20)
    elif y > h:
        bar.setValue(bar.value() + 20)


def _cursor(view: PageView, event: QMouseEvent) -> None:
    over = view.index is not None and view.offset_at(event.position().toPoint()) is not None
    view.viewport().setCursor(Qt.CursorShape.IBeamCursor if over
                              else Qt.CursorShape.ArrowCursor)


# -- geometry -------------------------------------------------------------------------------
def range_rect(view: PageView, start: int, end: int) -> QRect | None:
    """The viewport rectangle around a text range's first and last lines."""
    if view.index is None or end <= start:
        return None
    rects = view.index.rects(start, end)
    if not rects:
        return None
    out = QRectF()
    for page, *box in (rects[0], rects[-1]):
        r = view.layout_.rects[page - 1] if page - 1 < len(view.layout_.rects) else None
        if r is None:
            continue
        mapper = PageMapper(QRectF(r.x, r.y, r.width, r.height), view.crop(page - 1))
        out = out.united(mapper.to_view(tuple(box)))  # type: ignore[arg-type]
    out.translate(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())
    return out.toAlignedRect()


# -- painting -------------------------------------------------------------------------------
def paint(view: PageView, painter: QPainter, area: QRect) -> None:
    dark = view.dark
    painter.fillRect(area, QColor("#2b2b2b") if dark else
                     view.palette().color(QPalette.ColorRole.Window).darker(108))
    if view.images is None or not view.layout_.rects:
        return
    dx, dy = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    painter.translate(-dx, -dy)
    clip = QRectF(area).translated(dx, dy)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    for i in view.visible_pages():
        r = view.layout_.rects[i]
        rect = QRectF(r.x, r.y, r.width, r.height)
        if not rect.intersects(clip):
            continue
        _page(view, painter, i, rect, dark)
        layers = [(name, marks) for name, marks in view._placed.items()]
        paint_layers(painter, layers, i, PageMapper(rect, view.crop(i)), clip)


def _page(view: PageView, painter: QPainter, i: int, rect: QRectF, dark: bool) -> None:
    images = view.images
    assert images is not None
    painter.fillRect(rect.adjusted(2, 2, 2, 2), QColor(0, 0, 0, 60))  # a soft edge
    image = images.image(i, int(rect.width()), int(rect.height()), dark=dark)
    if image is None:
        image = images.nearest(i)
        if image is not None and dark:
            image = image.copy()
            image.invertPixels()
    if image is not None:
        painter.drawImage(rect, image)
        return
    painter.fillRect(rect, QColor("#1e1e1e") if dark else QColor("white"))
    painter.setPen(QColor("#9a9a9a"))
    broken = i in images.broken
    text = (f"Page {i + 1} could not be drawn.\nThe text view still shows its text."
            if broken else f"Page {i + 1}…")
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
