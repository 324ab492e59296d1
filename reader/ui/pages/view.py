"""The page view: a PDF's pages in one continuous scroll, drawn from QtPdf renderings, with
marks (highlights, search, find) and a selection made from the character boxes.

Its public surface mirrors the reader view's (``set_marks``, ``selection_range``,
``select_range``, ``mark_keys_at``, ``offset_at``, ``scroll_to_offset``,
``context_menu_providers``, ``selectionChanged``), so the annotation tools can work on
either. Only the visible pages ± 1 are requested, rendering happens off the GUI thread
(:mod:`.images`), and pages scale while their new size renders.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from reader.model.documents import DocText
from reader.ops.pages import CharBoxes, PageIndex
from reader.ui.marks import Mark
from reader.ui.pages import interaction
from reader.ui.pages.images import PageImages, PdfPages
from reader.ui.pages.layout import Layout, lay_out
from reader.ui.pages.overlay import PageMapper, PageMarks, keys_at, margin_keys_at

MenuProvider = Callable[[QMenu, "tuple[int, int] | None"], None]
ZOOM_STEP = 1.2


class PageView(QAbstractScrollArea):
    position_changed = Signal(int)  # text offset at the top of the view (debounced)
    page_changed = Signal(int)  # 1-based number of the page at the top
    zoom_changed = Signal()
    selectionChanged = Signal()  # named as QTextEdit's, so bindings connect alike
    loaded = Signal(float)
    dark_changed = Signal(bool)  # pages inverted or not: highlights change style

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.pages: PdfPages | None = None
        self.images: PageImages | None = None
        self.index: PageIndex | None = None
        self.doc_text: DocText | None = None
        self.layout_: Layout = lay_out([], (1, 1))
        self.fit = "width"
        self.zoom = 1.0
        self.dark = False
        self.context_menu_providers: list[MenuProvider] = []
        self._layers: dict[str, list[Mark]] = {}
        self._placed: dict[str, PageMarks] = {}
        self._rects: dict[tuple[int, int], list[tuple[int, float, float, float, float]]] = {}
        self.anchor: int | None = None  # selection: where it started and where it is
        self.focus_: int | None = None
        self.pressed = False
        self._top_page = -1
        self._notify = QTimer(self)
        self._notify.setSingleShot(True)
        self._notify.setInterval(150)
        self._notify.timeout.connect(self._notify_position)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.horizontalScrollBar().setSingleStep(24)
        self.verticalScrollBar().setSingleStep(24)

    # -- content ---------------------------------------------------------------------------
    def load(self, pages: PdfPages, doc_text: DocText | None, boxes: CharBoxes | None) -> None:
        t0 = time.perf_counter()
        self.unload()
        self.pages = pages
        self.doc_text = doc_text
        self.index = PageIndex(boxes, doc_text.text) if boxes and doc_text else None
        self.images = PageImages(pages, parent=self)
        self.images.ready.connect(self._page_arrived)
        self.images.failed.connect(self._page_arrived)
        self._rects: dict[tuple[int, int], list[tuple[int, float, float, float, float]]] = {}
        self._placed = {k: PageMarks(self.index, v, self._rects)
                        for k, v in self._layers.items()}
        self._relayout(keep=False)
        self.loaded.emit(time.perf_counter() - t0)

    def unload(self) -> None:
        if self.images is not None:
            self.images.clear()
            self.images.deleteLater()
        self.pages = self.images = self.index = None
        self.anchor = self.focus_ = None
        self._top_page = -1

    @property
    def built(self) -> PdfPages | None:  # the pages shown: what bindings wait for
        return self.pages

    @property
    def page_count(self) -> int:
        return len(self.pages.sizes) if self.pages is not None else 0

    def crop(self, index: int) -> tuple[float, float, float, float]:
        """The page's visible box in the space of the character boxes."""
        if self.index is not None:
            try:
                return self.index.boxes.crop_box(index + 1)
            except KeyError:
                pass
        w, h = self.pages.sizes[index] if self.pages is not None else (612.0, 792.0)
        return (0.0, 0.0, w, h)

    # -- layout and scrolling ----------------------------------------------------------------
    def _relayout(self, *, keep: bool = True) -> None:
        where = self._place() if keep else None
        sizes = self.pages.sizes if self.pages is not None else []
        vp = self.viewport()
        self.layout_ = lay_out(sizes, (vp.width(), vp.height()), self.fit, self.zoom)
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, self.layout_.height - vp.height()))
        bar.setPageStep(vp.height())
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(0, self.layout_.width - vp.width()))
        hbar.setPageStep(vp.width())
        if where is not None:
            self._restore(where)
        self._request_visible()
        vp.update()

    def _place(self) -> tuple[int, float]:
        """The page at the top and how far down it the view starts (a fraction)."""
        y = self.verticalScrollBar().value()
        i = self.layout_.page_at_y(y)
        if not self.layout_.rects:
            return 0, 0.0
        r = self.layout_.rects[i]
        return i, (y - r.y) / max(1, r.height)

    def _restore(self, where: tuple[int, float]) -> None:
        i, frac = where
        if 0 <= i < len(self.layout_.rects):
            r = self.layout_.rects[i]
            self.verticalScrollBar().setValue(int(r.y + frac * r.height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._request_visible()
        self.viewport().update()
        self._notify.start()

    def visible_pages(self) -> range:
        top = self.verticalScrollBar().value()
        return self.layout_.visible(top, top + self.viewport().height())

    def _request_visible(self) -> None:
        if self.images is None or not self.layout_.rects:
            return
        vis = self.visible_pages()
        wanted = list(vis)
        for extra in (vis.start - 1, vis.stop):  # one page before and after
            if 0 <= extra < len(self.layout_.rects):
                wanted.append(extra)
        for i in wanted:
            r = self.layout_.rects[i]
            self.images.request(i, r.width, r.height)

    def _page_arrived(self, index: int) -> None:
        if index in self.visible_pages():
            self.viewport().update()

    def current_page(self) -> int:
        """The 1-based page most of the top of the view shows."""
        top = self.verticalScrollBar().value() + self.viewport().height() // 4
        return self.layout_.page_at_y(top) + 1 if self.layout_.rects else 0

    def go_to_page(self, number: int, *, y_points: float | None = None,
                   align: float = 0.0) -> None:
        if not self.layout_.rects:
            return
        i = max(0, min(len(self.layout_.rects) - 1, number - 1))
        r = self.layout_.rects[i]
        y = r.y - 8
        if y_points is not None:
            mapper = PageMapper(QRectF(r.x, r.y, r.width, r.height), self.crop(i))
            y = int(mapper.to_view((0, y_points, 0, y_points)).top()
                    - align * self.viewport().height())
        self.verticalScrollBar().setValue(y)
        self._notify.start()

    def _notify_position(self) -> None:
        page = self.current_page()
        if page != self._top_page:
            self._top_page = page
            self.page_changed.emit(page)
        self.position_changed.emit(self.top_offset())

    def top_offset(self) -> int:
        if self.doc_text is None or not self.layout_.rects:
            return 0
        i = self.layout_.page_at_y(self.verticalScrollBar().value())
        if self.index is not None:
            r = self.layout_.rects[i]
            mapper = PageMapper(QRectF(r.x, r.y, r.width, r.height), self.crop(i))
            top = max(r.y, self.verticalScrollBar().value())
            x, y = mapper.to_points(QPointF(r.x + r.width * 0.1, top))
            hit = self.index.char_at(i + 1, x, y, reach=1e9)
            if hit is not None:
                return hit[0]
        page = self.doc_text.page(i + 1)
        return page.start if page is not None else 0

    def scroll_to_offset(self, offset: int, *, align: float = 0.3,
                         move_caret: bool = True) -> None:
        """Show the character at ``offset`` ``align`` of the way down the view."""
        if self.doc_text is None:
            return
        box = self.index.boxes.char_box(offset) if self.index is not None else None
        if box is None and self.index is not None:
            page_no = self.index.page_of(offset)
            rects = self.index.rects(offset, offset + 200)
            box = rects[0] if rects else None
            if box is None and page_no is not None:
                self.go_to_page(page_no)
                return
        if box is not None:
            self.go_to_page(box[0], y_points=box[4], align=align)
            return
        page = self.doc_text.page_at(offset)
        if page is not None:
            self.go_to_page(page.number)

    # -- zoom --------------------------------------------------------------------------------
    def set_fit(self, fit: str) -> None:
        self.fit = fit if fit in ("width", "page") else ""
        self._relayout()
        self.zoom_changed.emit()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.1, min(8.0, zoom))
        self.fit = ""
        self._relayout()
        self.zoom_changed.emit()

    def effective_zoom(self) -> float:
        """The zoom the pages are shown at (1.0: their printed size)."""
        return self.layout_.scale / (96 / 72)

    def zoom_in(self) -> None:
        self.set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.effective_zoom() / ZOOM_STEP)

    def set_dark(self, dark: bool) -> None:
        if dark != self.dark:
            self.dark = dark
            self.dark_changed.emit(dark)
        self.viewport().update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if interaction.handle_key(self, event):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- marks ---------------------------------------------------------------------------------
    def set_marks(self, layer: str, marks: list[Mark] | tuple[Mark, ...]) -> None:
        self._layers[layer] = list(marks)
        if len(self._rects) > 20_000:
            self._rects.clear()
        self._placed[layer] = PageMarks(self.index, marks, self._rects)
        self.viewport().update()

    def clear_marks(self, layer: str) -> None:
        if self._layers.pop(layer, None) is not None and self._placed.pop(layer, None):
            self.viewport().update()

    def marks(self, layer: str) -> list[Mark]:
        return list(self._layers.get(layer, []))

    def layers(self) -> list[tuple[str, list[Mark]]]:
        return list(self._layers.items())

    def page_at(self, point: QPoint | QPointF) -> tuple[int, PageMapper] | None:
        """The page under a viewport point and its mapper (None between pages)."""
        if not self.layout_.rects:
            return None
        y = point.y() + self.verticalScrollBar().value()
        i = self.layout_.page_at_y(y)
        r = self.layout_.rects[i]
        if not (r.y - 6 <= y <= r.bottom + 6):
            return None
        return i, PageMapper(QRectF(r.x, r.y, r.width, r.height), self.crop(i))

    def _content(self, point: QPoint | QPointF) -> QPointF:
        return QPointF(point.x() + self.horizontalScrollBar().value(),
                       point.y() + self.verticalScrollBar().value())

    def mark_keys_at(self, point: QPoint) -> list[str]:
        hit = self.page_at(point)
        if hit is None:
            return []
        return keys_at(self._placed.values(), hit[0], hit[1], self._content(point))

    def offset_at(self, point: QPoint, *, round_up: bool = False) -> int | None:
        hit = self.page_at(point)
        if hit is None or self.index is None:
            return None
        x, y = hit[1].to_points(self._content(point))
        return self.index.boundary_at(hit[0] + 1, x, y)

    def margin_keys_at(self, point: QPoint) -> list[str]:
        """The marks whose margin symbol (``⇄`` of a link, the stance) is at ``point``."""
        hit = self.page_at(point)
        if hit is None:
            return []
        return margin_keys_at(self._placed.values(), hit[0], hit[1], self._content(point),
                              self.viewport().font())

    def range_rect(self, start: int, end: int) -> QRect | None:
        """The viewport rectangle around a text range's first and last lines."""
        return interaction.range_rect(self, start, end)

    # -- selection -------------------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        if self.anchor is None or self.focus_ is None or self.anchor == self.focus_:
            return None
        return (min(self.anchor, self.focus_), max(self.anchor, self.focus_))

    def has_selection(self) -> bool:
        return self.selection_range() is not None

    def select_range(self, start: int, end: int) -> None:
        self.anchor, self.focus_ = start, end
        self._placed["__selection__"] = PageMarks(self.index, [
            Mark(start, end, interaction.selection_style())] if end > start else [])
        self.viewport().update()
        self.selectionChanged.emit()

    def clear_selection(self) -> None:
        if self.anchor is None and self.focus_ is None:
            return
        self.anchor = self.focus_ = None
        self._placed.pop("__selection__", None)
        self.viewport().update()
        self.selectionChanged.emit()

    def selected_text(self) -> str:
        span = self.selection_range()
        if span is None or self.doc_text is None:
            return ""
        return self.doc_text.text[span[0]:span[1]]

    def copy(self) -> None:
        interaction.copy(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        interaction.press(self, event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        interaction.move(self, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        interaction.release(self, event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        interaction.double_click(self, event)

    def context_menu(self, pos: QPoint) -> QMenu:
        return interaction.context_menu(self, pos)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu(event.pos()).exec(event.globalPos())

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        interaction.paint(self, painter, event.rect())
        painter.end()
