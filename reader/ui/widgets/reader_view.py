"""The reader: a document's text reflowed in a centred column, with page markers, headings,
marks (search hits, find matches, and later the group's highlights) and a remembered position.

Everything this view says about text is in code points of the document's text; the
conversion to Qt positions happens in :class:`reader.ui.offsets.TextMap` only (through
:class:`~reader.ui.reader_doc.BuiltDocument`, which knows which part of a long text is in
the ``QTextDocument``: see :mod:`reader.ui.widgets.reader_window`). Use :meth:`qt_position`
and :meth:`core_offset` for positions in :meth:`document`, never ``text_map`` directly.

Extension points for the annotation work:

* :meth:`set_marks` / :meth:`clear_marks` draw ranges in named layers (``"highlights"``);
  changing one layer rebuilds only that layer's selections and repaints (no relayout);
* :meth:`selection_range` / :meth:`select_range` give and set the selection in code points;
* :attr:`context_menu_providers` add entries to the context menu for the selection;
* :meth:`mark_keys_at` tells which marks are under a point (click to edit), and
  :meth:`offset_at` which code point is.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from reader.model.documents import DocText, Document
from reader.ui.marks import Mark
from reader.ui.offsets import TextMap, qt_safe
from reader.ui.reader_doc import BuiltDocument, ReaderStyle
from reader.ui.widgets.reader_marks import MarkLayers
from reader.ui.widgets.reader_paint import ReaderPainter
from reader.ui.widgets.reader_window import WindowKeeper

log = logging.getLogger(__name__)

MenuProvider = Callable[[QMenu, "tuple[int, int] | None"], None]
_Keys = QKeySequence.StandardKey


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
        self.window = WindowKeeper(self)
        self.context_menu_providers: list[MenuProvider] = []
        self.mark_layers = MarkLayers(self)
        self._all_selected = False  # Select All on a windowed text means the whole text
        self._pending: tuple[int, float, float] | None = None  # offset, align, deadline
        self._pos_timer = QTimer(self)
        self._pos_timer.setSingleShot(True)
        self._pos_timer.setInterval(400)
        self._pos_timer.timeout.connect(lambda: self.position_changed.emit(self.top_offset()))
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.selectionChanged.connect(self._forget_select_all)

    # -- loading ---------------------------------------------------------------------------
    @property
    def text_map(self) -> TextMap | None:
        """The whole text's map (positions in the *whole* text, not in :meth:`document`)."""
        return self.built.text_map if self.built else None

    def load(self, doc: Document | None, doc_text: DocText, style: ReaderStyle | None = None,
             *, offset: int = 0) -> None:
        """Show ``doc_text`` (with ``doc``'s title and details above it) at ``offset``."""
        self.doc, self.doc_text = doc, doc_text
        self.mark_layers.clear_all()
        self._build(style or self.style_, offset, TextMap(doc_text.text))

    def set_document(self, doc: Document) -> None:
        """The document's record changed (a new title): the title block is drawn again; the
        place and the marks stay."""
        self.doc = doc
        if self.doc_text is not None and self.built is not None:
            self._build(self.style_, self.top_offset(), self.text_map)

    def set_reader_style(self, style: ReaderStyle) -> None:
        """Change font or size, keeping the place."""
        if style == self.style_ or self.doc_text is None:
            self.style_ = style
            return
        keep = self.top_offset()
        self._build(style, keep, self.text_map)

    def _build(self, style: ReaderStyle, offset: int, text_map: TextMap | None) -> None:
        assert self.doc_text is not None
        started = time.perf_counter()
        self.style_ = style
        built = BuiltDocument(self.doc_text, style, text_map)
        self.built = built
        self.painter.prepare(built, self.doc, style)
        self.window.reset()
        if built.windowed:
            self.window.open_at(offset)
        else:
            self._install()
        self.scroll_to_offset(offset, align=0.0)
        elapsed = time.perf_counter() - started
        log.debug("reader: %d blocks, %d in the document, in %.3f s",
                  built.block_count, built.end - built.first, elapsed)
        self.loaded.emit(elapsed)

    def show_window(self, first: int, end: int) -> None:
        """Show blocks ``first``..``end`` of a long text (a new ``QTextDocument``)."""
        assert self.built is not None
        self.built.fill(first, end)
        self._install()

    def _install(self) -> None:
        assert self.built is not None
        document = self.built.document
        width = self._wrap_width()[0]
        self.painter.fit(width)  # the title's room, and the wrap width, before the layout
        self.painter.frame(document)
        self._all_selected = False
        self.setDocument(document)
        self.setLineWrapColumnOrWidth(width)
        self._fit_column()
        self.window_changed()

    def window_changed(self) -> None:
        """The text in :meth:`document` changed: marks are placed again."""
        self.mark_layers.place()
        self.window.schedule()

    def _on_scrolled(self, value: int) -> None:
        self._pos_timer.start()
        self.mark_layers.on_scrolled(value)

    # -- geometry --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()
        self.mark_layers.place()
        self.window.place()
        self.window.schedule()

    def _fit_column(self) -> None:
        """Centre the column: the view's left margin takes the free space."""
        if self.built is None:
            return
        width, left, right = self._wrap_width()
        if self.painter.fit(width):  # the title wraps with the text: its room changed
            self.painter.frame(self.document())
        if self.lineWrapColumnOrWidth() != width:  # narrower: wrap to the window
            self.setLineWrapColumnOrWidth(width)
        margins = self.viewportMargins()
        if margins.left() != left or margins.right() != right:
            self.setViewportMargins(left, 0, right, 0)

    def _wrap_width(self) -> tuple[int, int, int]:
        """(where the text wraps, the left and right viewport margins): the ideal column
        centred, or the whole width when the view is narrower."""
        right = self.window.width()
        bar = right or self.verticalScrollBar().sizeHint().width()
        free = self.width() - bar - self.painter.text_width
        width = max(240, self.width() - bar) if free < 0 else self.painter.text_width
        return width, max(0, free // 2), right

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # -- positions -------------------------------------------------------------------------
    def qt_position(self, offset: int) -> int:
        """The position in :meth:`document` of code point ``offset`` (clamped to the part of
        the text the document holds)."""
        return self.built.to_qt(offset) if self.built else 0

    def core_offset(self, pos: int, *, round_up: bool = False) -> int:
        """The code point at position ``pos`` of :meth:`document`."""
        return self.built.to_core(pos, round_up=round_up) if self.built else 0

    def offset_at(self, point: QPoint, *, round_up: bool = False) -> int:
        """The code point nearest ``point`` (viewport coordinates)."""
        return self.core_offset(self.cursorForPosition(point).position(), round_up=round_up)

    def top_offset(self) -> int:
        """The code point at the top left of the visible text."""
        if self.built is None:
            return 0
        # below the title block while it is on screen (above it Qt's hit test is undefined)
        y = max(4, self.painter.header_height - self.verticalScrollBar().value() + 4)
        return self.offset_at(QPoint(self.painter.gutter + 4, y))

    def bottom_offset(self) -> int:
        """The code point at the bottom right of the visible text."""
        return self.offset_at(QPoint(self.painter.gutter + self.painter.column,
                                     self.viewport().height()), round_up=True)

    @property
    def scroll_pending(self) -> bool:
        """A scroll is waiting for Qt's layout to reach its place."""
        return self._pending is not None

    def scroll_to_offset(self, offset: int, *, align: float = 0.3,
                         move_caret: bool = True) -> None:
        """Scroll so ``offset`` sits ``align`` of the way down the view (0 = top)."""
        if self.built is None:
            return
        offset = max(0, min(offset, len(self.built.text_map)))
        self.window.ensure(offset)
        if move_caret:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.qt_position(offset))
            self.blockSignals(True)
            self.setTextCursor(cursor)
            self.blockSignals(False)
        self._pending = (offset, align, time.monotonic() + 3.0)
        self._apply_pending_scroll()

    def _apply_pending_scroll(self) -> None:
        if self._pending is None or self.built is None:
            return
        offset, align, deadline = self._pending
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(offset))
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
        self.window.schedule()

    # -- selection -------------------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as (start, end) code points, or None."""
        if self.built is None:
            return None
        if self._all_selected:
            return 0, len(self.built.text_map)
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.built.range_to_core(cursor.selectionStart(), cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``start``..``end`` (and show them). In a long text the
        selection is cut at the end of the part laid out around ``start``."""
        if self.built is None:
            return
        start, end = sorted((start, end))
        self.window.ensure(start)
        qs, qe = self.built.range_to_qt(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_text(self) -> str:
        span = self.selection_range()
        if span is None or self.doc_text is None:
            return ""
        return self.doc_text.text[span[0]:span[1]]

    def selectAll(self) -> None:
        super().selectAll()
        self._all_selected = self.built is not None and self.built.windowed

    def _forget_select_all(self) -> None:
        self._all_selected = False

    def copy(self) -> None:
        """Copy the selection; after Select All on a long text, the whole text (not just the
        part in the document). Qt's own clipboard data is used: a ``QMimeData`` made in Python
        and handed to Qt would be freed twice."""
        if not self._all_selected or self.built is None:
            super().copy()
            return
        text = self.built.text_map.text
        QGuiApplication.clipboard().setText(
            "\n".join(qt_safe(text[s:e]) for s, e in self.built.text_map.blocks))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        built = self.built
        if built is not None and built.windowed:
            if event.matches(_Keys.Copy) and self._all_selected:
                self.copy()
                event.accept()
                return
            if event.matches(_Keys.SelectAll):
                self.selectAll()
                event.accept()
                return
            if event.matches(_Keys.MoveToStartOfDocument):
                self.scroll_to_offset(0, align=0.0)
                event.accept()
                return
            if event.matches(_Keys.MoveToEndOfDocument):
                self.scroll_to_offset(len(built.text_map), align=0.85)
                event.accept()
                return
        super().keyPressEvent(event)

    # -- marks -----------------------------------------------------------------------------
    def set_marks(self, layer: str, marks: list[Mark] | tuple[Mark, ...]) -> None:
        """Draw ``marks`` as layer ``layer`` (replacing what it had): a repaint, no relayout."""
        self.mark_layers.set(layer, marks)

    def clear_marks(self, layer: str) -> None:
        self.mark_layers.clear(layer)

    def marks(self, layer: str) -> list[Mark]:
        return self.mark_layers.get(layer)

    def layers(self) -> list[tuple[str, list[Mark]]]:
        return self.mark_layers.ordered()

    def mark_keys_at(self, point: QPoint) -> list[str]:
        """Keys of the marks under ``point`` (viewport coordinates), topmost layer first."""
        if self.built is None:
            return []
        return self.mark_layers.keys_at(self.offset_at(point))

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

    def context_menu(self, pos: QPoint) -> QMenu:
        """Qt's menu for the text at ``pos`` with the providers' entries added."""
        menu = self.createStandardContextMenu(pos)
        if self._all_selected:  # Qt's Copy would take only the part in the document
            for action in menu.actions():
                if action.objectName() == "edit-copy":
                    action.triggered.disconnect()
                    action.triggered.connect(self.copy)
        span = self.selection_range()
        for provider in self.context_menu_providers:
            try:
                provider(menu, span)
            except Exception:  # a broken provider must not take the menu down
                log.exception("context menu provider failed")
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
