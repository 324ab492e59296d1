"""Keeps the reader's window on a long text where the person reads.

A text longer than :data:`~reader.ui.reader_doc.WINDOW_LIMIT` is shown a window of
paragraphs at a time (:class:`~reader.ui.reader_doc.BuiltDocument`). The keeper:

* opens a small window (:data:`JUMP_BEFORE` + :data:`JUMP_AFTER` characters, laid out in a
  few milliseconds) wherever the view is sent that the window does not hold, so a search hit
  on page 1,900 shows at once;
* after each scroll, grows the window one :data:`CHUNK` per event-loop turn until it holds
  :data:`KEEP_BEFORE` characters above the top of the view and :data:`KEEP_AFTER` below, and
  trims what lies more than twice that away; every change keeps the text on screen still
  (the block at the top is measured before and after, and the view scrolled by the
  difference);
* shows its own scroll bar over the whole text, in characters (the view's own bar only
  spans the window): dragging it, paging or stepping moves through the whole document.

Each step lays out at most one chunk (~4 ms of Qt layout), so the window never freezes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QScrollBar

if TYPE_CHECKING:
    from reader.ui.widgets.reader_view import ReaderView

JUMP_BEFORE = 4_000
JUMP_AFTER = 12_000
CHUNK = 16_000
KEEP_BEFORE = 32_000
KEEP_AFTER = 64_000
#: A place this close to the window's edge opens a new window (a screen of text).
EDGE = 3_000
LAYOUT_RETRY_MS = 15


class WindowKeeper(QObject):
    def __init__(self, view: ReaderView) -> None:
        super().__init__(view)
        self.view = view
        self.bar = QScrollBar(Qt.Orientation.Vertical, view)
        self.bar.setObjectName("readerPositionBar")
        self.bar.setAccessibleName("Position in the document")
        self.bar.hide()
        self.bar.valueChanged.connect(self._on_bar)
        self._target: int | None = None
        self._maintain_timer = self._timer(self._maintain)
        self._sync_timer = self._timer(self.sync_bar)
        self._follow_timer = self._timer(self._follow_bar)
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def _timer(self, slot) -> QTimer:  # type: ignore[no-untyped-def]
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    @property
    def active(self) -> bool:
        built = self.view.built
        return built is not None and built.windowed

    @property
    def busy(self) -> bool:
        """Work is scheduled (the window is still growing or trimming)."""
        return self._maintain_timer.isActive() or self._follow_timer.isActive()

    # -- set-up ----------------------------------------------------------------------------
    def reset(self) -> None:
        """A new text (or style) is shown: use the keeper's bar or the view's own."""
        active = self.active
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if active
                                             else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.bar.setVisible(active)
        self._target = None
        self.place()

    def width(self) -> int:
        return self.bar.sizeHint().width() if self.active else 0

    def place(self) -> None:
        if self.active:
            rect = self.view.rect()
            width = self.width()
            self.bar.setGeometry(rect.right() - width + 1, rect.top(), width, rect.height())

    # -- moving the window -----------------------------------------------------------------
    def ensure(self, offset: int) -> None:
        """Make sure the window holds ``offset`` with a screen of text around it."""
        built = self.view.built
        if built is None or not built.windowed:
            return
        roomy_above = built.first == 0 or offset - built.start_offset >= EDGE
        roomy_below = built.end == built.block_count or built.end_offset - offset >= EDGE
        if not (built.holds(offset) and roomy_above and roomy_below):
            self.open_at(offset)

    def open_at(self, offset: int) -> None:
        """A new, small window around ``offset``."""
        built = self.view.built
        if built is not None:
            self.view.show_window(*built.blocks_around(offset, JUMP_BEFORE, JUMP_AFTER))

    def schedule(self) -> None:
        if self.active:
            self._maintain_timer.start(0)
            self._sync_timer.start(0)

    def _on_scrolled(self, _value: int) -> None:
        self.schedule()

    def _maintain(self) -> None:
        view, built = self.view, self.view.built
        if built is None or not built.windowed or view.scroll_pending:
            return
        tm = built.text_map
        top = view.top_offset()
        if built.first > 0 and top - built.start_offset < KEEP_BEFORE:
            first = tm.block_of(max(0, built.start_offset - CHUNK))
            changed = self._edit(lambda: built.extend_top(first))
        elif built.end < built.block_count and built.end_offset - top < KEEP_AFTER:
            if not self._laid_out():
                # appending now would make Qt finish the window's layout in one go
                self._maintain_timer.start(LAYOUT_RETRY_MS)
                return
            end = tm.block_of(min(len(tm), built.end_offset + CHUNK)) + 1
            changed = self._edit(lambda: built.extend_bottom(end))
        elif top - built.start_offset > 2 * KEEP_BEFORE:
            first = tm.block_of(top - KEEP_BEFORE)
            changed = self._edit(lambda: built.trim_top(first))
        elif built.end_offset - top > 2 * KEEP_AFTER:
            end = tm.block_of(top + KEEP_AFTER) + 1
            changed = self._edit(lambda: built.trim_bottom(end))
        else:
            changed = False
        if changed:
            view.window_changed()
            self._maintain_timer.start(0)

    def _edit(self, change) -> bool:  # type: ignore[no-untyped-def]
        """Apply ``change`` to the window, keeping the text on screen where it is."""
        view, built = self.view, self.view.built
        assert built is not None
        window = (built.first, built.end)
        anchor = built.first + view.cursorForPosition(QPoint(view.painter.gutter, 0)) \
            .block().blockNumber()
        layout = built.document.documentLayout()
        before = layout.blockBoundingRect(built.local_block(anchor)).top()
        bar = view.verticalScrollBar()
        value = bar.value()  # (a shorter document clamps the bar while it changes)
        change()
        if (built.first, built.end) == window:
            return False
        after = layout.blockBoundingRect(built.local_block(anchor)).top()
        value += round(after - before)
        if value > bar.maximum():  # Qt updates the range when it next lays out; not yet
            bar.setMaximum(value)
        bar.setValue(value)
        return True

    def _laid_out(self) -> bool:
        built = self.view.built
        if built is None:
            return True
        layout = built.document.lastBlock().layout()
        return layout is not None and layout.lineCount() > 0

    # -- the bar over the whole text -------------------------------------------------------
    def sync_bar(self) -> None:
        """Show where the view is in the whole text."""
        view, built = self.view, self.view.built
        if built is None or not built.windowed or self.bar.isSliderDown():
            return
        top = view.top_offset()
        page = max(200, view.bottom_offset() - top)
        self.bar.blockSignals(True)
        self.bar.setRange(0, max(0, len(built.text_map) - page))
        self.bar.setPageStep(page)
        self.bar.setSingleStep(max(40, page // 8))
        self.bar.setValue(top)
        self.bar.blockSignals(False)

    def _on_bar(self, value: int) -> None:
        self._target = value
        self._follow_timer.start(0)

    def _follow_bar(self) -> None:
        if self._target is not None and self.active:
            target, self._target = self._target, None
            self.view.scroll_to_offset(target, align=0.0, move_caret=False)

