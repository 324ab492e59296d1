"""The highlights of one open document, placed in its current text, kept up to date.

Shared by the document's reader tab (which draws them) and the sidebar (which lists them):
one :class:`DocHighlights` per open document, from :meth:`DocRegistry.get`. The first list
comes from the core in the background (:func:`reader.ops.queries.for_document`: anchoring
can take a moment); after that, an edit made here is placed at once on the GUI thread (one highlight
is anchored in well under a millisecond), so it is drawn without waiting. Files changed on
disk, or a changed library, read the list again in the background.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from reader.errors import ReaderError
from reader.gcpause import paused_gc
from reader.model.annotations import AnchorStatus, Highlight, Placed
from reader.ops import queries

if TYPE_CHECKING:
    from reader.ui.annotating.controller import AnnotationController, HighlightChange

log = logging.getLogger(__name__)


def order_key(p: Placed) -> tuple[object, ...]:
    """Reading order (as :func:`reader.annotations.placing.reading_order`): anchored
    highlights by position, then orphans, oldest first."""
    a = p.anchor
    orphan = a.status is AnchorStatus.ORPHANED
    return (orphan, 0 if orphan else a.start, a.end, p.highlight.created.timestamp(),
            p.highlight.id)


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
        self._keys: list[tuple[object, ...]] = []  # order_key of each of _ordered
        self._serial = 0
        self._in_flight = False
        self._since: list[Highlight] = []  # edits made while a refresh was running
        ctrl.highlights_changed.connect(self._on_change)
        ctrl.loaded.connect(lambda _report: self.refresh())

    # -- reading ---------------------------------------------------------------------------
    def ordered(self) -> list[Placed]:
        """Anchored highlights in reading order, then the orphans (the caller must not
        change the list). Kept in order edit by edit: one edit costs a binary search, not a
        sort of every highlight."""
        if self._ordered is None:
            self._ordered = sorted(self._placed.values(), key=order_key)
            self._keys = [order_key(p) for p in self._ordered]
        return self._ordered

    def own_at(self, start: int, end: int, author_id: str) -> Placed | None:
        """``author_id``'s highlight placed exactly on ``start``–``end``, if any."""
        items = self.ordered()
        i = bisect.bisect_left(self._keys, (False, start, end))
        while i < len(items):
            p = items[i]
            if p.orphaned or p.anchor.start != start or p.anchor.end != end:
                break
            if p.highlight.author.id == author_id:
                return p
            i += 1
        return None

    def _reorder(self, old: Placed | None, new: Placed | None) -> None:
        if self._ordered is None:
            return
        if old is not None:
            key = order_key(old)
            i = bisect.bisect_left(self._keys, key)
            if i < len(self._keys) and self._keys[i] == key:
                del self._keys[i]
                del self._ordered[i]
            else:  # not where expected: start again
                self._ordered = None
                return
        if new is not None:
            key = order_key(new)
            i = bisect.bisect_left(self._keys, key)
            self._keys.insert(i, key)
            self._ordered.insert(i, new)

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
            if not shiboken6.isValid(self) or serial != self._serial or ws is not self.ctrl.ws:
                return
            self._in_flight = False
            with paused_gc():
                self._placed = {p.highlight.id: p for p in items}
                self._ordered = None
                self.ordered()
            since, self._since = self._since, []
            if since:
                self._apply(since)
            self.ready = True
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if serial == self._serial:
                self._in_flight = False
            log.warning("highlights of %s: %s", doc_id[:12], exc)

        self.ctrl.runner.run(lambda _p, _c: queries.for_document(ws, doc_id),
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
            self.changed.emit()

    def _apply(self, highlights: Iterable[Highlight]) -> bool:
        ws = self.ctrl.session.require()
        touched = False
        for h in highlights:
            try:
                found = queries.place(ws, h)
                old = self._placed.get(h.id)
                if found is None or found[0] != self.doc_id:
                    if old is not None:
                        del self._placed[h.id]
                        self._reorder(old, None)
                        touched = True
                    continue
                new = self._placed[h.id] = found[1]
                self._reorder(old, new)
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
        # a library update announces its batches one by one: read the lists again once
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self._refresh_all)
        ctrl.session.workspace_changed.connect(lambda _ws: self._clear())
        ctrl.session.documents_changed.connect(self._refresh_timer.start)

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

    def stop(self) -> None:
        self._refresh_timer.stop()

    def _refresh_all(self) -> None:
        for doc in self._docs.values():
            doc.refresh()
