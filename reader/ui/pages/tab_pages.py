"""A reader tab's page view: the pages of its PDF beside the reflowed text, one shown at a
time (:meth:`TabPages.toggle`), at the same place in the document.

The tab keeps doing what it does (find, search marks, history) through
:meth:`set_marks` / :meth:`clear_marks` / :meth:`scroll_to_offset`, which reach both views,
so switching shows the same marks. Pages are drawn only for a PDF that passed the
sandboxed extraction, from the bytes whose hash is the document's id (:class:`PagePane`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from reader.model.documents import DocText, Document
from reader.ops.pages import BoxesError, CharBoxes, PageSource
from reader.ops.pages import can_show_pages as _can_show
from reader.ui.marks import Mark
from reader.ui.pages.pane import PagePane


class ReaderTab(Protocol):
    """What a page view needs of its tab (``reader.ui.widgets.reader_tab.ReaderTab``)."""

    doc: Document
    doc_text: DocText | None
    view: Any  # the reflowed text view
    stack: QStackedWidget

log = logging.getLogger(__name__)

#: What the pages of a document id are drawn from (``reader.ops.pages.source``).
Source = Callable[[str], PageSource]


def can_show_pages(doc: Document) -> bool:
    """A PDF read by the sandboxed extraction (its text, or OCR's, or no text at all)."""
    return _can_show(doc)


class TabPages(QObject):
    mode_changed = Signal(str)  # "text" | "pages"
    replaced = Signal(str)  # the file changed on disk (path)
    pane_created = Signal(object)  # the PagePane, when first made

    def __init__(self, tab: ReaderTab, source: Source) -> None:
        super().__init__(tab)  # type: ignore[arg-type]
        self.tab = tab
        self.source = source
        self.pane: PagePane | None = None
        self.mode = "text"
        self._loaded_for = ""
        self._marks: dict[str, list[Mark]] = {}

    @property
    def available(self) -> bool:
        return can_show_pages(self.tab.doc) and self.tab.doc_text is not None

    @property
    def active_view(self) -> Any:
        return self.pane.view if self.mode == "pages" and self.pane is not None \
            else self.tab.view

    # -- switching -------------------------------------------------------------------------
    def toggle(self) -> str:
        return self.show_text() if self.mode == "pages" else self.show_pages()

    def show_pages(self) -> str:
        if not self.available:
            return self.mode
        offset = self.tab.view.top_offset()
        pane = self._pane()
        if self._loaded_for != self.tab.doc.id:
            self._load(pane)
        self.tab.stack.setCurrentWidget(pane)
        self.mode = "pages"
        if pane.showing_pages:
            pane.view.scroll_to_offset(offset, align=0.0)
        pane.setFocus()
        self.mode_changed.emit(self.mode)
        return self.mode

    def show_text(self) -> str:
        if self.mode != "pages":
            return self.mode
        offset = self.pane.view.top_offset() if self.pane is not None \
            and self.pane.showing_pages else None
        self.tab.stack.setCurrentWidget(self.tab.view)
        self.mode = "text"
        if offset is not None:
            self.tab.view.scroll_to_offset(offset, align=0.0)
        self.tab.view.setFocus()
        self.mode_changed.emit(self.mode)
        return self.mode

    def _pane(self) -> PagePane:
        if self.pane is None:
            self.pane = PagePane()
            self.pane.replaced.connect(self.replaced)
            self.tab.stack.addWidget(self.pane)
            self.pane_created.emit(self.pane)
        return self.pane

    def _load(self, pane: PagePane) -> None:
        doc, doc_text = self.tab.doc, self.tab.doc_text
        src = self.source(doc.id)
        boxes = None
        if src.boxes:
            try:
                boxes = CharBoxes.from_bytes(src.boxes)
            except BoxesError as exc:  # draw the pages; highlights cannot be placed
                log.warning("%s: %s", doc.path, exc)
        pane.load(src.path, src.digest, doc_text, boxes, password=src.password)
        self._loaded_for = doc.id
        for layer, marks in self._marks.items():
            pane.view.set_marks(layer, marks)

    def reload(self) -> None:
        """The document changed (a new version was read): show its pages afresh."""
        self._loaded_for = ""
        if self.mode == "pages" and self.pane is not None:
            self._load(self.pane)

    # -- what the tab does to both views -------------------------------------------------------
    def set_marks(self, layer: str, marks: list[Mark]) -> None:
        self._marks[layer] = list(marks)
        if self.pane is not None:
            self.pane.view.set_marks(layer, marks)

    def clear_marks(self, layer: str) -> None:
        self._marks.pop(layer, None)
        if self.pane is not None:
            self.pane.view.clear_marks(layer)

    def scroll_to_offset(self, offset: int, *, align: float = 0.3) -> None:
        if self.mode == "pages" and self.pane is not None and self.pane.showing_pages:
            self.pane.view.scroll_to_offset(offset, align=align)
