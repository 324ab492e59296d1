"""Replies and links in the window: the discussion under the Highlights panel's chosen
highlight (:class:`~reader.ui.widgets.discussion_view.DiscussionView`), the link dialog
(from the selection toolbar, the panel, the Annotate menu), and on every reader tab the
link mark in the margin (⇄ before the stance: the text view's gutter, the page's left
margin beside the first line), which follows the link with one click and says where it
leads on hover — the same words and the same click on text and on pages.

Edits go through the controller's :class:`~reader.ui.annotating.discussion_edits.
DiscussionEditor` (undoable, saved a moment later); the list of passages one may link to
is read on the task runner.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QToolTip

from reader.errors import ReaderError
from reader.model.annotations import Placed
from reader.model.discussion import HighlightDiscussion, LinkEntry
from reader.ops import discussion, queries
from reader.ui import messages
from reader.ui.highlight_marks import LINK_SYMBOL
from reader.ui.pages.view import PageView
from reader.ui.resources import icon
from reader.ui.widgets.discussion_view import DiscussionView
from reader.ui.widgets.link_dialog import LinkDialog

if TYPE_CHECKING:
    from reader.ui.window.annotation_ui import AnnotationUI
    from reader.ui.window.tab_binding import TabBinding

log = logging.getLogger(__name__)


class DiscussionUI(QObject):
    def __init__(self, ui: AnnotationUI) -> None:
        super().__init__(ui)
        self.ui = ui
        self.window = ui.window
        self.ctrl = ui.ctrl
        self.session = ui.session
        self.view = DiscussionView()
        self.link_dialog: LinkDialog | None = None
        splitter = ui.sidebar.splitter
        splitter.addWidget(self.view)
        splitter.setCollapsible(splitter.indexOf(self.view), False)
        for i, stretch in enumerate((4, 1, 3)):  # the list, the highlight, its discussion
            splitter.setStretchFactor(i, stretch)
        self._sized = False
        ui.sidebar_dock.visibilityChanged.connect(
            lambda shown: QTimer.singleShot(0, self._size_panes) if shown else None)
        self._attached: dict[int, TabBinding] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._connect()
        self.actions = self._install_actions()

    def _connect(self) -> None:
        ctrl, view, area = self.ctrl, self.view, self.window.area
        self.ui.sidebar.highlight_selected.connect(lambda _hid: self.refresh())
        ctrl.highlights_changed.connect(lambda _c: self._timer.start())
        ctrl.loaded.connect(lambda _r: self._timer.start())
        ctrl.authors_changed.connect(self._timer.start)
        self.ui.link_requested.connect(self.link_from)  # any view's toolbar, text or pages
        area.text_shown.connect(lambda _d: self._attach_all())
        area.current_changed.connect(lambda _t: self._attach_all())
        self.ui.page_bound.connect(lambda _b: self._attach_all())
        view.reply_requested.connect(self._reply)
        view.edit_requested.connect(lambda rid, text: self._after(
            self._guard(ctrl.discussion.edit_reply, rid, text)))
        view.delete_requested.connect(lambda rid: self._guard(ctrl.discussion.delete, rid))
        view.follow_requested.connect(self.follow)
        view.link_requested.connect(self.open_link_dialog)
        view.missing_end.connect(lambda text: self.window.status.showMessage(text, 8000))

    def _guard(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReaderError as exc:
            messages.show_error(self.window, exc)
            return None

    def _after(self, done: object) -> None:
        if done is not None:
            self.view.sent()

    # -- the panel -------------------------------------------------------------------------
    def _size_panes(self) -> None:
        """Once: the list gets two fifths, the highlight what it needs, the rest the
        discussion."""
        splitter = self.ui.sidebar.splitter
        total = sum(splitter.sizes())
        if self._sized or total < 300 or splitter.count() != 3:
            return
        self._sized = True
        middle = min(self.ui.sidebar.inspector.sizeHint().height(), round(total * 0.33))
        last = max(self.view.minimumSizeHint().height(), round(total * 0.3))
        splitter.setSizes([max(0, total - middle - last), middle, last])

    def refresh(self) -> None:
        """Show the chosen highlight's discussion (and the document's orphaned replies)."""
        self._timer.stop()
        sidebar = self.ui.sidebar
        if sidebar.refresh_pending:
            sidebar.refresh()
        hid = sidebar.current_hid()
        doc_id = sidebar.doc.doc_id if sidebar.doc is not None else ""
        d = self.ctrl.discussion
        data = d.of_highlight(hid) if hid else HighlightDiscussion("")
        me = self.ctrl.me.id if self.ctrl.ws is not None else ""
        self.view.show_discussion(data, d.orphans(doc_id), me_id=me)

    def _reply(self, target: str, text: str) -> None:
        self.ui.with_name(lambda: self._after(
            self._guard(self.ctrl.discussion.reply, target, text)))

    def follow(self, doc_id: str, hid: str) -> None:
        """Open the other end of a link at its words."""
        if self.session.document(doc_id) is None:
            self.window.status.showMessage("That document is not in this workspace.", 6000)
            return
        self.ui.open_passage(doc_id, hid)

    def focus_reply(self) -> None:
        binding = self.ui.binding()
        if binding is not None and binding.focus_hid:
            self.ui.sidebar.select(binding.focus_hid)
        self.ui.sidebar_dock.show()
        self.ui.sidebar_dock.raise_()
        if self.view.hid:
            self.view.focus_reply()

    # -- linking ---------------------------------------------------------------------------
    def link_from(self, binding: TabBinding | None) -> None:
        """Link the tools' target: a highlight, or the selected words (highlighted first)."""
        if binding is None:
            hid = self.ui.sidebar.current_hid()
            if hid:
                self.open_link_dialog(hid)
            return
        kind, target = binding.target()
        if kind == "highlight" and isinstance(target, Placed):
            self.open_link_dialog(target.highlight.id)
        elif kind == "selection":
            start, end = target  # type: ignore[misc]
            self.ui.with_name(lambda: self._highlight_then_link(binding, start, end))

    def _highlight_then_link(self, binding: TabBinding, start: int, end: int) -> None:
        h = self._guard(self.ctrl.create, binding.doc_id, start, end)
        if h is not None:
            binding.after_create(h.id)
            self.open_link_dialog(h.id)

    def open_link_dialog(self, hid: str) -> LinkDialog | None:
        ws = self.session.workspace
        if ws is None or not hid:
            return None
        h = self._guard(queries.highlight, ws, hid)
        if h is None:
            return None
        if self.link_dialog is not None and shiboken6.isValid(self.link_dialog):
            self.link_dialog.close()
        dialog = LinkDialog(h.quote.exact, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda other, kind, note: self.ui.with_name(
            lambda: self._link(hid, other, kind, note)))
        self.link_dialog = dialog

        def loaded(items: list[Any]) -> None:
            if shiboken6.isValid(dialog):
                dialog.set_candidates(items)

        self.session.runner.run(lambda _p, _c: discussion.candidates(ws, near=hid),
                                label="Reading the highlights to link to", visible=False,
                                on_done=loaded)
        dialog.open()
        return dialog

    def _link(self, source: str, target: str, kind: str, note: str) -> None:
        done = self._guard(self.ctrl.discussion.link, source, target, kind, note=note)
        if done is not None:
            self.ui.sidebar.select(source)
            self.window.status.showMessage("Linked. Ctrl+Z undoes it.", 5000)

    # -- reader tabs: the margin mark (text views and page views) ----------------------------
    def _attach_all(self) -> None:
        for binding in [*self.ui.bindings.values(), *self.ui.page_bindings.values()]:
            key = id(binding)
            if self._attached.get(key) is not binding:
                self._attached[key] = binding
                binding.view.viewport().installEventFilter(self)
                binding.destroyed.connect(lambda _o=None, k=key: self._attached.pop(k, None))
        self._timer.start()

    def _binding_of(self, viewport: QObject) -> TabBinding | None:
        for binding in self._attached.values():
            if shiboken6.isValid(binding) and binding.view.viewport() is viewport:
                return binding
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonRelease, QEvent.Type.ToolTip):
            return False
        binding = self._binding_of(obj)
        if binding is None:
            return False
        if kind == QEvent.Type.ToolTip:
            return self._tooltip(binding, event)  # type: ignore[arg-type]
        mouse = event
        assert isinstance(mouse, QMouseEvent)
        if mouse.button() != Qt.MouseButton.LeftButton:
            return False
        if binding.has_selection():
            return False
        point = mouse.position().toPoint()
        hits = self.margin_hits(binding, point)
        if hits:  # after the tab's own handling of the release (which it must see)
            where = binding.view.viewport().mapToGlobal(point)
            QTimer.singleShot(0, lambda: self.follow_from(binding, hits, where)
                              if shiboken6.isValid(binding) else None)
        return False

    def margin_hits(self, binding: TabBinding, point: QPoint) -> list[Placed]:
        """The linked highlights whose margin mark is at ``point`` (the gutter beside the
        first line of each; on pages, the page's left margin beside it)."""
        view = binding.view
        if view.built is None:
            return []
        linked = self.ctrl.discussion.linked_ids()
        if isinstance(view, PageView):
            return sorted((p for k in view.margin_keys_at(point) if k in linked
                           and (p := binding.doc.get(k)) is not None and not p.orphaned),
                          key=lambda p: p.anchor.start)
        if point.x() >= view.painter.gutter - 2:
            return []
        found = []
        for hid in linked:
            p = binding.doc.get(hid)
            if p is None or p.orphaned:
                continue
            cursor = QTextCursor(view.document())
            qpos = view.qt_position(p.anchor.start)
            if not 0 <= qpos <= view.document().characterCount():
                continue
            cursor.setPosition(qpos)
            rect = view.cursorRect(cursor)
            if rect.top() - 2 <= point.y() <= rect.bottom() + 2:
                found.append(p)
        return sorted(found, key=lambda p: p.anchor.start)

    def _links_of(self, hits: list[Placed]) -> list[tuple[Placed, LinkEntry]]:
        return [(p, e) for p in hits
                for e in self.ctrl.discussion.of_highlight(p.highlight.id).links]

    def follow_from(self, binding: TabBinding, hits: list[Placed], where: QPoint) -> None:
        """One link: follow it. Several: a menu of them (one click each)."""
        binding.set_focus(hits[0].highlight.id, toolbar=False)
        self.ui.sidebar.select(hits[0].highlight.id)
        links = self._links_of(hits)
        if len(links) == 1:
            self._follow_entry(links[0][1])
            return
        menu = QMenu(self.window)
        menu.setObjectName("linkMenu")
        for _p, e in links:
            action = menu.addAction(f"{LINK_SYMBOL} {e.sentence}")
            action.triggered.connect(lambda _c=False, e=e: self._follow_entry(e))
        menu.popup(where)

    def _follow_entry(self, e: LinkEntry) -> None:
        if e.other_live and e.other_doc_id:
            self.follow(e.other_doc_id, e.other.id)
        else:
            self.window.status.showMessage("The other passage is no longer here: its "
                                           "highlight was removed.", 6000)

    def _tooltip(self, binding: TabBinding, event: QHelpEvent) -> bool:
        point = event.pos()
        hits = self.margin_hits(binding, point)
        if hits:
            lines = [html.escape(f"{LINK_SYMBOL} {e.sentence}") for _p, e in
                     self._links_of(hits)]
            QToolTip.showText(event.globalPos(), "<br>".join(lines)
                              + "<br><i>Click to follow</i>", binding.view.viewport())
            return True
        hid = binding.highlight_at(point)
        p = binding.doc.get(hid) if hid else None
        if p is None:
            return False
        data = self.ctrl.discussion.of_highlight(hid)
        if data.empty:
            return False
        extra = [html.escape(f"{LINK_SYMBOL} {e.sentence}") for e in data.links]
        if data.count:
            extra.append(f"{data.count} repl{'y' if data.count == 1 else 'ies'} in the "
                         "Highlights panel")
        QToolTip.showText(event.globalPos(), self.ui.describe(p) + "<br>" + "<br>".join(extra),
                          binding.view.viewport())
        return True

    # -- menu ------------------------------------------------------------------------------
    def _install_actions(self) -> dict[str, QAction]:
        a: dict[str, QAction] = {}
        link = QAction(icon("link"), "&Link to Another Passage…", self.window)
        link.setObjectName("action_link")
        link.setShortcut(QKeySequence("Ctrl+Alt+L"))
        link.setStatusTip("Link the chosen highlight (or the selected words) to another "
                          "passage: supports, contradicts, implements, cites, responds to")
        link.triggered.connect(lambda _c=False: self.link_from(self.ui.binding()))
        reply = QAction(icon("note"), "&Reply to Highlight", self.window)
        reply.setObjectName("action_reply")
        reply.setShortcut(QKeySequence("Ctrl+Alt+R"))
        reply.setStatusTip("Write a reply under the chosen highlight (anyone's)")
        reply.triggered.connect(lambda _c=False: self.focus_reply())
        a["link"], a["reply"] = link, reply
        menu_action = self.ui.actions.get("menu")
        menu = menu_action.menu() if menu_action is not None else None
        if isinstance(menu, QMenu):
            first = next((x for x in menu.actions() if x.isSeparator()), None)
            menu.insertAction(first, link)
            menu.insertAction(first, reply)
        return a
