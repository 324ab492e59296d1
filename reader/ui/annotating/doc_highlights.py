"""The highlights of one open document, placed in its current text, kept up to date.

Shared by the document's reader tab (which draws them) and the sidebar (which lists them):
one :class:`DocHighlights` per open document, from :meth:`DocRegistry.get`. The first list
comes from the core in the background (``AnnotationStore.for_document``: anchoring can take
a moment); after that, an edit made here is placed at once on the GUI thread (one highlight
is anchored in well under a millisecond), so it is drawn without waiting. Files changed on
disk, or a changed library, read the list again in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from reader.annotations.model import Highlight, Placed
from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.ui.annotating.controller import AnnotationController, HighlightChange

log = logging.getLogger(__name__)


class DocHighlights(QObject):
    changed = Signal()

    def __init__(self, ctrl: AnnotationController, doc_id: str) -> None:
        super().__init__(ctrl)
        self.ctrl = ctrl
        self.doc_id = doc_id
        self.ready = False
        self.users = 0
        self._placed: dict[str, Placed] = {}
        self._ordered: list[Placed] | None = None
        self._serial = 0
        self._in_flight = False
        self._since: list[Highlight] = []  # edits made while a refresh was running
        ctrl.highlights_changed.connect(self._on_change)
        ctrl.loaded.connect(lambda _report: self.refresh())

    # -- reading ---------------------------------------------------------------------------
    def ordered(self) -> list[Placed]:
        """Anchored highlights in reading order, then the orphans."""
        if self._ordered is None:
            from reader.annotations.placing import reading_order  # rapidfuzz: not at start-up

            self._ordered = reading_order(self._placed.values())
        return self._ordered

    def get(self, hid: str) -> Placed | None:
        return self._placed.get(hid)

    def __len__(self) -> int:
        return len(self._placed)

    def refresh(self) -> None:
        """Read this document's highlights again (background)."""
        ws = self.ctrl.ws
        if ws is None or not self.ctrl.is_loaded:
            return
        self._serial += 1
        serial = self._serial
        self._in_flight = True
        self._since = []
        doc_id = self.doc_id

        def done(items: tuple[Placed, ...]) -> None:
            if serial != self._serial or ws is not self.ctrl.ws:
                return
            self._in_flight = False
            self._placed = {p.highlight.id: p for p in items}
            since, self._since = self._since, []
            if since:
                self._apply(since)
            self._ordered = None
            self.ready = True
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if serial == self._serial:
                self._in_flight = False
            log.warning("highlights of %s: %s", doc_id[:12], exc)

        self.ctrl.runner.run(lambda _p, _c: ws.annotations().for_document(doc_id),
                             label="Placing highlights", visible=False, on_done=done,
                             on_error=failed)

    # -- changes ---------------------------------------------------------------------------
    def _on_change(self, change: HighlightChange) -> None:
        if change.reload:
            self.refresh()
            return
        if self._in_flight:
            self._since.extend(change.highlights)
        if self._apply(change.highlights):
            self._ordered = None
            self.changed.emit()

    def _apply(self, highlights: Iterable[Highlight]) -> bool:
        store: Any = self.ctrl.store
        placer = store.placer
        touched = False
        for h in highlights:
            try:
                doc = None if h.deleted else placer.resolve(h)
                if doc is None or doc.id != self.doc_id:
                    touched |= self._placed.pop(h.id, None) is not None
                    continue
                self._placed[h.id] = placer.place([h])[0]
                touched = True
            except ReaderError as exc:
                log.warning("cannot place highlight %s: %s", h.id, exc)
        return touched


class DocRegistry(QObject):
    """One :class:`DocHighlights` per open document (counted: released when unused)."""

    def __init__(self, ctrl: AnnotationController) -> None:
        super().__init__(ctrl)
        self.ctrl = ctrl
        self._docs: dict[str, DocHighlights] = {}
        ctrl.session.workspace_changed.connect(lambda _ws: self._clear())
        ctrl.session.documents_changed.connect(self._refresh_all)

    def get(self, doc_id: str) -> DocHighlights:
        doc = self._docs.get(doc_id)
        if doc is None:
            doc = self._docs[doc_id] = DocHighlights(self.ctrl, doc_id)
            doc.refresh()
        doc.users += 1
        return doc

    def peek(self, doc_id: str) -> DocHighlights | None:
        return self._docs.get(doc_id)

    def release(self, doc_id: str) -> None:
        doc = self._docs.get(doc_id)
        if doc is None or not shiboken6.isValid(doc):
            return
        doc.users -= 1
        if doc.users <= 0:
            del self._docs[doc_id]
            doc.deleteLater()

    def _clear(self) -> None:
        for doc in self._docs.values():
            doc.ready = False
            doc._placed.clear()
            doc._ordered = None
            doc.changed.emit()

    def _refresh_all(self) -> None:
        for doc in self._docs.values():
            doc.refresh()
