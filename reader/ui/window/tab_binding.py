"""Annotation tools on one reader tab: its highlights drawn, the floating toolbar, the keys,
the context menu entries, tooltips and clicks on highlights.

Everything goes through the reader view's public extension points (``set_marks``,
``selection_range``, ``mark_keys_at``, ``context_menu_providers``, its viewport) and an
event filter; the view knows nothing about annotations.

The *target* of the tools is either the selected words (a new highlight) or one highlight
(clicked in the text, chosen in the sidebar, or just made). Selecting exactly the words of
one of your highlights targets that highlight, so nothing is highlighted twice by mistake.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QMenu, QToolTip

from reader.gcpause import paused_gc
from reader.model.annotations import Placed, Stance
from reader.ui.highlight_marks import (
    FOCUS_LAYER,
    LAYER,
    MarkBuilder,
    focus_marks,
)
from reader.ui.marks import Mark
from reader.ui.widgets.selection_toolbar import SelectionToolbar

if TYPE_CHECKING:
    from reader.ui.annotating.doc_highlights import DocHighlights
    from reader.ui.widgets.reader_tab import ReaderTab
    from reader.ui.window.annotation_ui import AnnotationUI

log = logging.getLogger(__name__)
SETTLE_MS = 220
KEYS = {Qt.Key.Key_H: "highlight", Qt.Key.Key_T: "themes", Qt.Key.Key_N: "note"}


class TabBinding(QObject):
    highlight_clicked = Signal(str)  # highlight id
    target_changed = Signal()

    def __init__(self, ui: AnnotationUI, tab: ReaderTab, doc: DocHighlights) -> None:
        super().__init__(tab)
        self.ui = ui
        self.ctrl = ui.ctrl
        self.tab = tab
        self.view = self._bind_view()
        self.doc = doc
        self.doc_id = doc.doc_id
        self.focus_hid = ""  # the highlight the tools act on ("" = the selection, if any)
        self.pending_focus = ""  # a highlight to show once the list is in
        self._pressed = False
        self._menu_point: QPoint | None = None
        self._builder: MarkBuilder | None = None
        self._context: tuple[object, ...] = ()
        self._marks: dict[str, tuple[Placed, Mark | None]] = {}
        self._toolbar: SelectionToolbar | None = None  # made when first needed
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._selection_settled)

        self._viewport = self.view.viewport()
        self._viewport.installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.context_menu_providers.append(self._menu)
        self.view.selectionChanged.connect(self._selection_changed)
        self.view.loaded.connect(lambda _s: self.redraw())
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self._place_toolbar())
        doc.changed.connect(self._doc_changed)
        self.ctrl.themes_changed.connect(lambda _t: self.redraw())
        self.ctrl.authors_changed.connect(self.redraw)
        self.redraw()

    def _bind_view(self) -> Any:
        """The view the tools work on (the tab's text view; a page binding overrides it)."""
        return self.tab.view

    def has_selection(self) -> bool:
        return bool(self.view.textCursor().hasSelection())

    @property
    def toolbar(self) -> SelectionToolbar:
        if self._toolbar is None:
            tb = self._toolbar = SelectionToolbar(self._viewport)
            tb.highlight_requested.connect(lambda: self.ui.apply(self, "highlight"))
            tb.theme_toggled.connect(lambda tid: self.ui.apply(self, "theme", tid))
            tb.picker_requested.connect(lambda where: self.ui.pick_themes(self, where))
            tb.stance_requested.connect(lambda s: self.ui.apply(self, "stance", s))
            tb.note_requested.connect(lambda: self.ui.apply(self, "note"))
            tb.delete_requested.connect(lambda: self.ui.apply(self, "delete"))
            tb.copy_requested.connect(lambda: self.ui.apply(self, "copy"))
            tb.link_requested.connect(lambda: self.ui.link_requested.emit(self))
        return self._toolbar

    def _toolbar_shown(self) -> bool:
        return self._toolbar is not None and self._toolbar.isVisible()

    def _hide_toolbar(self) -> None:
        if self._toolbar is not None:
            self._toolbar.hide()

    # -- drawing ---------------------------------------------------------------------------
    def _dark(self) -> bool:
        return self.view.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def redraw(self) -> None:
        """Draw the document's highlights: marks are kept per highlight version, so an edit
        builds one mark, not thousands."""
        if self.view.built is None:
            return
        ctrl = self.ctrl
        me = ctrl.me.id if ctrl.ws is not None else ""
        context = (ctrl.tax, me, self._dark(), ctrl.hidden_authors)
        if self._builder is None or self._context != context:
            self._builder = MarkBuilder(ctrl.tax, me, dark=context[2], hidden=context[3])
            self._context = context
            self._marks = {}
        linked = ctrl.discussion.linked_ids()
        flipped = linked ^ self._builder.linked  # their margin mark gains or loses ⇄
        self._builder.linked = linked
        cache, build = self._marks, self._builder.mark
        fresh: dict[str, tuple[Placed, Mark | None]] = {}
        out = []
        with paused_gc():  # thousands of small objects, no cycles: no full collection now
            for p in self.doc.ordered():
                hid = p.highlight.id
                hit = cache.get(hid)
                mark = hit[1] if hit is not None and hit[0] is p and hid not in flipped \
                    else build(p)
                fresh[hid] = (p, mark)
                if mark is not None:
                    out.append(mark)
        self._marks = fresh
        self.view.set_marks(LAYER, out)
        self._draw_focus()
        self._refresh_toolbar()

    def _doc_changed(self) -> None:
        if self.focus_hid and self.doc.get(self.focus_hid) is None and self.doc.ready:
            self.focus_hid = ""
        self.redraw()
        if self.pending_focus and self.doc.get(self.pending_focus) is not None:
            hid, self.pending_focus = self.pending_focus, ""
            self.show_highlight(hid)

    def _draw_focus(self) -> None:
        p = self.doc.get(self.focus_hid) if self.focus_hid else None
        marks = focus_marks(p, dark=self._dark())
        if marks or self.view.marks(FOCUS_LAYER):
            self.view.set_marks(FOCUS_LAYER, marks)

    # -- the target ------------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """The selected words (spaces around them trimmed), or None."""
        span = self.view.selection_range()
        text = self.tab.doc_text.text if self.tab.doc_text is not None else ""
        if span is None or not text:
            return None
        start, end = span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def target(self) -> tuple[str, object]:
        """``("selection", (start, end))``, ``("highlight", Placed)`` or ``("none", None)``."""
        span = self.selection()
        if span is not None:
            same = self._own_at(span)
            if same is not None:
                return "highlight", same
            return "selection", span
        p = self.doc.get(self.focus_hid) if self.focus_hid else None
        if p is not None:
            return "highlight", p
        return "none", None

    def _own_at(self, span: tuple[int, int]) -> Placed | None:
        if self.ctrl.ws is None:
            return None
        return self.doc.own_at(span[0], span[1], self.ctrl.me.id)

    def set_focus(self, hid: str, *, toolbar: bool = True) -> None:
        """Make ``hid`` the highlight the tools act on (drawn with an outline)."""
        self.focus_hid = hid
        self._draw_focus()
        if toolbar:
            self._refresh_toolbar(show=True)
        else:
            self._hide_toolbar()
        self.target_changed.emit()

    def show_highlight(self, hid: str) -> bool:
        """Scroll to ``hid``'s words and make it the target (once placed)."""
        p = self.doc.get(hid)
        if p is None:
            self.pending_focus = hid
            return False
        if not p.orphaned:
            self.view.scroll_to_offset(p.anchor.start, align=0.3)
        self.set_focus(hid, toolbar=not p.orphaned)
        return True

    def after_create(self, hid: str) -> None:
        """A highlight was just made from the selection: the selection goes, the new
        highlight becomes the target."""
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.set_focus(hid)

    def clear_target(self) -> None:
        self.focus_hid = ""
        self._draw_focus()
        self._hide_toolbar()
        self.target_changed.emit()

    # -- the toolbar -----------------------------------------------------------------------
    def _refresh_toolbar(self, *, show: bool = False) -> None:
        kind, what = self.target()
        if kind == "none":
            self._hide_toolbar()
            return
        if not show and not self._toolbar_shown():
            return
        favs = [t for t in (self.ctrl.favourite(k) for k in range(1, 10)) if t is not None]
        if kind == "selection":
            self.toolbar.set_mode("selection")
            self.toolbar.set_favourites(favs)
        else:
            assert isinstance(what, Placed)
            h = what.highlight
            mine = self.ctrl.is_mine(h)
            self.toolbar.set_mode("mine" if mine else "theirs", h.stance,
                                  "" if mine else h.author.name)
            chosen = frozenset(self.ctrl.tax.resolve(t) or t for t in h.themes)
            self.toolbar.set_favourites(favs, chosen)
        self._place_toolbar(force=True)

    def _target_range(self) -> tuple[str, int, int] | None:
        """What the toolbar is for and its characters: the selection, or a placed highlight."""
        kind, what = self.target()
        if kind == "selection":
            start, end = what  # type: ignore[misc]
        elif kind == "highlight" and isinstance(what, Placed) and not what.orphaned:
            start, end = what.anchor.start, what.anchor.end
        else:
            return None
        return kind, start, end

    def _anchor_rect(self) -> QRect | None:
        found = self._target_range()
        if found is None:
            return None
        kind, start, end = found
        first = self._pos_rect(start)
        last = self._pos_rect(max(start, end))
        if self.has_selection() and kind == "selection":
            last = self.view.cursorRect()
        return first.united(last)

    def _pos_rect(self, offset: int) -> QRect:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.qt_position(offset))
        return self.view.cursorRect(cursor)

    def _place_toolbar(self, *, force: bool = False) -> None:
        if not (force or self._toolbar_shown()):
            return
        rect = self._anchor_rect()
        area = self.view.viewport().rect()
        if rect is None or not area.intersects(rect.adjusted(0, -20, 0, 20)):
            self._hide_toolbar()
            return
        self.toolbar.place(rect, area)

    # -- selection -------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        if self.has_selection():
            self.focus_hid = ""
            self._draw_focus()
        self._settle.start()

    def _selection_settled(self) -> None:
        if self._pressed:
            return
        if self.selection() is not None:
            self._refresh_toolbar(show=True)
            self.target_changed.emit()
        elif not self.focus_hid:
            self._hide_toolbar()

    # -- events ----------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not shiboken6.isValid(self.view):  # the tab is being destroyed
            return False
        kind = event.type()
        if obj is self._viewport:
            if kind == QEvent.Type.MouseButtonPress:
                self._pressed = True
                self._hide_toolbar()
            elif kind == QEvent.Type.MouseButtonRelease:
                self._pressed = False
                self._released(event)  # type: ignore[arg-type]
            elif kind == QEvent.Type.ContextMenu:
                self._menu_point = event.pos()  # type: ignore[attr-defined]
            elif kind == QEvent.Type.ToolTip:
                return self._tooltip(event)  # type: ignore[arg-type]
        elif obj is self.view:
            if kind == QEvent.Type.ShortcutOverride and self._handles(event):  # type: ignore[arg-type]
                event.accept()
                return True
            if kind == QEvent.Type.KeyPress and self._handles(event):  # type: ignore[arg-type]
                self._key(event)  # type: ignore[arg-type]
                return True
        return False

    def _released(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.has_selection():
            self._settle.start()
            return
        hid = self.highlight_at(event.position().toPoint())
        if hid:
            self.set_focus(hid)
            self.highlight_clicked.emit(hid)
        elif self.focus_hid:
            self.clear_target()

    def highlight_at(self, point: QPoint) -> str:
        """The highlight under ``point`` (the shortest, when several overlap)."""
        found = [p for k in self.view.mark_keys_at(point)
                 if (p := self.doc.get(k)) is not None and not p.orphaned]
        if not found:
            return ""
        return min(found, key=lambda p: p.anchor.end - p.anchor.start).highlight.id

    def _handles(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            return self._toolbar_shown() or bool(self.focus_hid)
        if self.target()[0] == "none":
            return False
        return Qt.Key.Key_1 <= key <= Qt.Key.Key_9 or key in KEYS or \
            (key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and bool(self.focus_hid))

    def _key(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.clear_target()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.ui.apply_favourite(self, int(key) - int(Qt.Key.Key_0))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.ui.apply(self, "delete")
        elif KEYS[key] == "themes":
            rect = self._anchor_rect() or QRect(0, 0, 1, 1)
            self.ui.pick_themes(self, self.view.viewport().mapToGlobal(rect.bottomLeft()))
        else:
            self.ui.apply(self, KEYS[key])

    def _tooltip(self, event: QHelpEvent) -> bool:
        hid = self.highlight_at(event.pos())
        p = self.doc.get(hid) if hid else None
        if p is None:
            QToolTip.hideText()
            return False
        QToolTip.showText(event.globalPos(), self.ui.describe(p), self.view.viewport())
        return True

    # -- the context menu ------------------------------------------------------------------
    def _menu(self, menu: QMenu, span: tuple[int, int] | None) -> None:
        point, self._menu_point = self._menu_point, None
        if span is None and point is not None:
            hid = self.highlight_at(point)
            if hid:
                self.set_focus(hid, toolbar=False)
        kind, what = self.target()
        if kind == "none":
            return
        menu.addSeparator()
        self.ui.fill_menu(menu, self, kind, what)

    def stance_of_target(self) -> Stance | None:
        kind, what = self.target()
        return what.highlight.stance if kind == "highlight" and isinstance(what, Placed) \
            else None
