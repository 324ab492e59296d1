"""The reader: a document's text reflowed in a centred column, with page markers, headings,
marks (search hits, find matches, and later the group's highlights) and a remembered position.

Everything this view says about text is in code points of the document's text; the
conversion to Qt positions happens in :class:`reader.ui.offsets.TextMap` only.

Extension points for the annotation work:

* :meth:`set_marks` / :meth:`clear_marks` draw ranges in named layers (``"highlights"``);
* :meth:`selection_range` / :meth:`select_range` give and set the selection in code points;
* :attr:`context_menu_providers` add entries to the context menu for the selection;
* :meth:`mark_keys_at` tells which marks are under a point (click to edit).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from reader.documents.model import DocText, Document
from reader.ui.marks import Mark, layer_z
from reader.ui.offsets import TextMap
from reader.ui.reader_doc import BuiltDocument, ReaderStyle, build_document
from reader.ui.widgets.reader_paint import ReaderPainter

log = logging.getLogger(__name__)

MenuProvider = Callable[[QMenu, "tuple[int, int] | None"], None]


class ReaderView(QTextEdit):
    position_changed = Signal(int)  # code point at the top of the view (debounced)
    zoom_requested = Signal(int)  # +1 / -1 (Ctrl+wheel)
    loaded = Signal(float)  # seconds it took to build the document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setAccessibleName("Document text")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        # the free space left and right of the column is part of the page, not a frame
        self.setStyleSheet("QTextEdit#readerView { background: palette(base); border: none; }")
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.doc: Document | None = None
        self.doc_text: DocText | None = None
        self.built: BuiltDocument | None = None
        self.style_ = ReaderStyle()
        self.painter = ReaderPainter(self)
        self.context_menu_providers: list[MenuProvider] = []
        self._layers: dict[str, list[Mark]] = {}
        self._pending: tuple[int, float, float] | None = None  # offset, align, deadline
        self._pos_timer = QTimer(self)
        self._pos_timer.setSingleShot(True)
        self._pos_timer.setInterval(400)
        self._pos_timer.timeout.connect(lambda: self.position_changed.emit(self.top_offset()))
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._pos_timer.start())

    # -- loading ---------------------------------------------------------------------------
    @property
    def text_map(self) -> TextMap | None:
        return self.built.text_map if self.built else None

    def load(self, doc: Document | None, doc_text: DocText, style: ReaderStyle | None = None,
             *, offset: int = 0) -> None:
        """Show ``doc_text`` (with ``doc``'s title and details above it) at ``offset``."""
        self.doc, self.doc_text = doc, doc_text
        self._layers.clear()
        self._build(style or self.style_, offset, TextMap(doc_text.text))

    def set_reader_style(self, style: ReaderStyle) -> None:
        """Change font or size, keeping the place."""
        if style == self.style_ or self.doc_text is None:
            self.style_ = style
            return
        keep = self.top_offset()
        self._build(style, keep, self.text_map)
        self.scroll_to_offset(keep, align=0.0)

    def _build(self, style: ReaderStyle, offset: int, text_map: TextMap | None) -> None:
        assert self.doc_text is not None
        started = time.perf_counter()
        self.style_ = style
        built = build_document(self.doc_text, style, text_map)
        self.painter.prepare(built, self.doc, style)
        self.built = built
        self.setDocument(built.document)
        self.setLineWrapColumnOrWidth(self.painter.text_width)
        self._fit_column()
        self._apply_marks()
        self.scroll_to_offset(offset, align=0.0)
        elapsed = time.perf_counter() - started
        log.debug("reader: built %d blocks in %.3f s", built.text_map.block_count, elapsed)
        self.loaded.emit(elapsed)

    # -- geometry --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def _fit_column(self) -> None:
        """Centre the column: the view's left margin takes the free space."""
        if self.built is None:
            return
        bar = self.verticalScrollBar().sizeHint().width()
        free = self.width() - bar - self.painter.text_width
        left = max(0, free // 2)
        if free < 0:  # narrower than the ideal column: wrap to the window
            width = max(240, self.width() - bar)
            if self.lineWrapColumnOrWidth() != width:
                self.setLineWrapColumnOrWidth(width)
        elif self.lineWrapColumnOrWidth() != self.painter.text_width:
            self.setLineWrapColumnOrWidth(self.painter.text_width)
        margins = self.viewportMargins()
        if margins.left() != left:
            self.setViewportMargins(left, 0, 0, 0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # -- positions -------------------------------------------------------------------------
    def top_offset(self) -> int:
        """The code point at the top left of the visible text."""
        if self.text_map is None:
            return 0
        # below the title block while it is on screen (above it Qt's hit test is undefined)
        y = max(4, self.painter.header_height - self.verticalScrollBar().value() + 4)
        cursor = self.cursorForPosition(QPoint(self.painter.gutter + 4, y))
        return self.text_map.to_core(cursor.position())

    def scroll_to_offset(self, offset: int, *, align: float = 0.3,
                         move_caret: bool = True) -> None:
        """Scroll so ``offset`` sits ``align`` of the way down the view (0 = top)."""
        if self.text_map is None:
            return
        if move_caret:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.text_map.to_qt(offset))
            self.blockSignals(True)
            self.setTextCursor(cursor)
            self.blockSignals(False)
        self._pending = (offset, align, time.monotonic() + 3.0)
        self._apply_pending_scroll()

    def _apply_pending_scroll(self) -> None:
        if self._pending is None or self.text_map is None:
            return
        offset, align, deadline = self._pending
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.text_map.to_qt(offset))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        head = self.painter.header_height if offset == 0 else 0
        want = bar.value() + rect.top() - round(self.viewport().height() * align) - head
        want = max(0, want - (12 if align == 0.0 and offset else 0))
        if want > bar.maximum() and time.monotonic() < deadline:
            # Qt is still laying the document out: try again when it has grown
            bar.setValue(bar.maximum())
            QTimer.singleShot(30, self._apply_pending_scroll)
            return
        bar.setValue(min(want, bar.maximum()))
        self._pending = None

    # -- selection -------------------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as (start, end) code points, or None."""
        cursor = self.textCursor()
        if self.text_map is None or not cursor.hasSelection():
            return None
        return self.text_map.range_to_core(cursor.selectionStart(), cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``start``..``end`` (and show them)."""
        if self.text_map is None:
            return
        qs, qe = self.text_map.range_to_qt(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_text(self) -> str:
        span = self.selection_range()
        if span is None or self.doc_text is None:
            return ""
        return self.doc_text.text[span[0]:span[1]]

    # -- marks -----------------------------------------------------------------------------
    def set_marks(self, layer: str, marks: list[Mark] | tuple[Mark, ...]) -> None:
        self._layers[layer] = sorted(marks, key=lambda m: (m.start, m.end))
        self._apply_marks()

    def clear_marks(self, layer: str) -> None:
        if self._layers.pop(layer, None) is not None:
            self._apply_marks()

    def marks(self, layer: str) -> list[Mark]:
        return list(self._layers.get(layer, ()))

    def layers(self) -> list[tuple[str, list[Mark]]]:
        return sorted(self._layers.items(), key=lambda kv: layer_z(kv[0]))

    def mark_keys_at(self, point: QPoint) -> list[str]:
        """Keys of the marks under ``point`` (viewport coordinates), topmost layer first."""
        if self.text_map is None:
            return []
        offset = self.text_map.to_core(self.cursorForPosition(point).position())
        return [m.key for _name, marks in reversed(self.layers()) for m in marks
                if m.key and m.start <= offset < m.end]

    def _apply_marks(self) -> None:
        if self.text_map is None:
            self.setExtraSelections([])
            return
        selections = []
        document = self.document()
        for _name, marks in self.layers():
            for mark in marks:
                qs, qe = self.text_map.range_to_qt(mark.start, mark.end)
                if qe <= qs:
                    continue
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(qs)
                cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                sel.format = mark.style.char_format()
                selections.append(sel)
        self.setExtraSelections(selections)
        self.viewport().update()

    # -- painting and menus ----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.built is None:
            return
        painter = QPainter(self.viewport())
        try:
            self.painter.paint(painter, event.rect())
        finally:
            painter.end()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        span = self.selection_range()
        for provider in self.context_menu_providers:
            try:
                provider(menu, span)
            except Exception:  # a broken provider must not take the menu down
                log.exception("context menu provider failed")
        menu.popup(event.globalPos())
