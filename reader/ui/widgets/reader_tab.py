"""One open document: the reader view (and, for a PDF, its page view: :meth:`attach_pages`),
its find bar, and a message while the text loads or when it cannot be shown. Find and
search marks reach both views; scrolling goes to the one shown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from reader.model.documents import DocText, Document, Page
from reader.ui.find import MAX_MATCHES, find_all, nearest
from reader.ui.marks import Mark, find_style, search_style
from reader.ui.pages.tab_pages import Source, TabPages
from reader.ui.reader_doc import ReaderStyle
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.reader_links import LinkFollower
from reader.ui.widgets.reader_view import ReaderView

log = logging.getLogger(__name__)
FIND_SLICE = 200_000  # characters searched per event-loop turn (~3 ms)
FIND_OVERLAP = 2_000


class ReaderTab(QWidget):
    location_changed = Signal(str, int)  # doc id, code point at the top (debounced)
    ready = Signal(str)  # doc id: the text is shown
    link_activated = Signal(str, object)  # doc id, the cross-reference (Link) followed

    def __init__(self, doc: Document, style: ReaderStyle, parent: QWidget | None = None,
                 *, readonly: bool = False) -> None:
        super().__init__(parent)
        self.doc = doc
        #: a view that is no document of the library (a chapter read in order): nothing is
        #: highlighted or remembered in it
        self.readonly = readonly
        self.doc_text: DocText | None = None
        self.style_ = style
        self.setObjectName("readerTab")
        self.view = ReaderView()
        self.links = LinkFollower(self.view)
        self.links.activated.connect(lambda link: self.link_activated.emit(self.doc.id, link))
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.message = QLabel(f"Opening {doc.title}…")
        self.message.setObjectName("readerMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self.setFocusProxy(self.view)

        self.pages: TabPages | None = None  # the page view, for a PDF (attach_pages)
        self._pending: tuple[int, tuple[tuple[int, int], ...]] | None = None
        self.pending_page: str | None = None  # a page to show once the text is in
        self.pending_load: Callable[[], None] | None = None  # read when first shown
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._job: tuple[str, bool, int] | None = None  # a find going on: query, case, where
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.timeout.connect(self._find_step)
        self.view.position_changed.connect(lambda off: self.location_changed.emit(self.doc.id,
                                                                                  off))
        self.find_bar.changed.connect(self._find)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self.close_find)

    @property
    def doc_id(self) -> str:
        return self.doc.id

    @property
    def is_ready(self) -> bool:
        return self.doc_text is not None

    # -- the page view ----------------------------------------------------------------------
    def attach_pages(self, source: Source) -> TabPages:
        """Give this tab a page view drawn from ``source`` (made once)."""
        if self.pages is None:
            self.pages = TabPages(self, source)
            self.pages.pane_created.connect(lambda pane: pane.view.position_changed.connect(
                lambda off: self.location_changed.emit(self.doc.id, off)))
        return self.pages

    @property
    def showing_pages(self) -> bool:
        return self.pages is not None and self.pages.mode == "pages"

    @property
    def active_view(self) -> Any:
        """The view shown: the reflowed text or the pages."""
        return self.pages.active_view if self.pages is not None else self.view

    def _set_marks(self, layer: str, marks: list[Mark]) -> None:
        self.view.set_marks(layer, marks)
        if self.pages is not None:
            self.pages.set_marks(layer, marks)

    def _clear_marks(self, layer: str) -> None:
        self.view.clear_marks(layer)
        if self.pages is not None:
            self.pages.clear_marks(layer)

    def _scroll(self, offset: int, align: float) -> None:
        if self.showing_pages:
            assert self.pages is not None
            self.pages.scroll_to_offset(offset, align=align)
        else:
            self.view.scroll_to_offset(offset, align=align, move_caret=False)

    # -- content ---------------------------------------------------------------------------
    def show_text(self, doc_text: DocText, offset: int = 0) -> None:
        self.doc_text = doc_text
        pending, self._pending = self._pending, None
        start = pending[0] if pending else offset
        self.stack.setCurrentWidget(self.view)
        self.view.load(self.doc, doc_text, self.style_, offset=start)
        if pending:
            self.jump(*pending)
        if self.find_bar.isVisible() and self.find_bar.query():
            self._find(self.find_bar.query(), self.find_bar.match_case())
        self.ready.emit(self.doc.id)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def update_document(self, doc: Document) -> None:
        """The library's record changed (a new title): keep the text, the place and the
        marks; refresh the header."""
        self.doc = doc
        if self.doc_text is not None and doc.id == self.doc_text.doc_id:
            self.view.set_document(doc)

    def set_reader_style(self, style: ReaderStyle) -> None:
        self.style_ = style
        if self.doc_text is not None:
            self.view.set_reader_style(style)

    # -- moving ----------------------------------------------------------------------------
    def current_offset(self) -> int:
        if self.doc_text is None:
            return self._pending[0] if self._pending else 0
        return self.active_view.top_offset()

    def jump(self, offset: int, matches: tuple[tuple[int, int], ...] = ()) -> None:
        """Show ``offset``; mark ``matches`` (the words of a search hit) until cleared."""
        if self.doc_text is None:
            self._pending = (offset, tuple(matches))
            return
        if matches:
            style = search_style()
            self._set_marks("search", [Mark(s, e, style, "search") for s, e in matches])
        else:
            self._clear_marks("search")
        if self.showing_pages:
            self._scroll(offset, 0.3 if matches else 0.0)
        else:
            self.view.scroll_to_offset(offset, align=0.3 if matches else 0.0)

    def page_offset(self, page: str | int) -> int | None:
        """Where page ``page`` starts: a printed label (``"iv"``, ``"412"``) first, else the
        page number."""
        if self.doc_text is None:
            return None
        found: Page | None = None
        label = str(page).strip()
        found = next((p for p in self.doc_text.pages if p.label and p.label == label), None)
        if found is None and label.isdigit():
            found = self.doc_text.page(int(label))
        return found.start if found else None

    def clear_temporary_marks(self) -> None:
        self._clear_marks("search")

    # -- find ------------------------------------------------------------------------------
    def open_find(self) -> None:
        selected = self.active_view.selected_text()
        self.find_bar.open_with(selected if selected and "\n" not in selected else "")

    def close_find(self) -> None:
        self.find_bar.hide()
        self._find_timer.stop()
        self._job = None
        self._matches, self._current = [], -1
        self._clear_marks("find")
        self._clear_marks("find-current")
        self.active_view.setFocus()

    def _find(self, query: str, match_case: bool) -> None:
        """Find ``query`` in the whole text: a slice per event-loop turn (a 2,000-page text
        takes ~80 ms to scan), the first slice at once (a short text is done here)."""
        self._find_timer.stop()
        self._job = None
        if self.doc_text is None:
            return
        self._matches, self._current = [], -1
        self._find_marks: list[Mark] = []
        self._find_style = find_style()
        self._job = (query, match_case, 0)
        self._find_step()

    def _find_step(self) -> None:
        if self._job is None or self.doc_text is None:
            return
        query, match_case, pos = self._job
        text = self.doc_text.text
        stop = min(len(text), pos + FIND_SLICE)
        # a match starting in this slice is found whole: matches are far shorter than the
        # overlap (queries are cut at 500 characters)
        found = find_all(text[pos:stop + FIND_OVERLAP], query, match_case=match_case,
                         limit=MAX_MATCHES - len(self._matches))
        resume = stop
        style = self._find_style
        for start, end in found:
            if pos + start >= stop:
                break
            self._matches.append((pos + start, pos + end))
            self._find_marks.append(Mark(pos + start, pos + end, style))
            resume = pos + end
        resume = max(resume, stop)
        if resume < len(text) and len(self._matches) < MAX_MATCHES and query.split():
            self._job = (query, match_case, resume)
            self.find_bar.count.setText(f"Searching… {len(self._matches):,}")
            self._find_timer.start(0)
            return
        self._job = None
        self._set_marks("find", self._find_marks)
        self._current = -1
        if self._matches:
            self._select(nearest(self._matches, self.active_view.top_offset()))
        else:
            self._clear_marks("find-current")
            self.find_bar.set_count(-1, 0, query)

    @property
    def finding(self) -> bool:
        """A find is still going through the text."""
        return self._job is not None

    def find_count(self) -> int:
        """How many matches the last find found (0 while it is still going)."""
        return 0 if self._job is not None else len(self._matches)

    def find_next(self) -> None:
        if self._matches:
            self._select((self._current + 1) % len(self._matches))

    def find_previous(self) -> None:
        if self._matches:
            self._select((self._current - 1) % len(self._matches))

    def _select(self, index: int) -> None:
        self._current = index
        start, end = self._matches[index]
        self._set_marks("find-current", [Mark(start, end, find_style(current=True))])
        self._scroll(start, 0.35)
        self.find_bar.set_count(index, len(self._matches), self.find_bar.query())

    def current_match(self) -> tuple[int, int] | None:
        return self._matches[self._current] if self._current >= 0 else None
