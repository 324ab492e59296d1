"""Placing highlights in the current library: which document version each belongs to now,
and its anchor there (cached until the highlight or the document changes).

A highlight finds its document by, in order: the content hash it was made on (the same
text, wherever the file is now: a moved or copied file); the workspace path it was made at
(the file was replaced by a new version, e.g. an amended memo: anchored by quote); for
highlights imported from other tools, the document's source URL, or a unique file name.
"""

from __future__ import annotations

import logging
import posixpath
import threading
from collections.abc import Callable, Iterable
from typing import Protocol

from reader.annotations.anchoring import anchor_many, text_index
from reader.annotations.fastbuild import build, paused_gc
from reader.errors import ReaderError
from reader.model.annotations import Anchor, AnchorStatus, Highlight, Placed
from reader.model.documents import DocStatus, DocText, Document

log = logging.getLogger(__name__)


class DocumentSource(Protocol):
    """What placing needs from the library (``reader.documents.library.Library`` fits)."""

    def documents(self) -> tuple[Document, ...]: ...

    def text(self, doc_id: str) -> DocText: ...


MISSING = Anchor(status=AnchorStatus.ORPHANED, score=0.0)


class Placer:
    def __init__(self, source: Callable[[], DocumentSource]) -> None:
        self._source_fn = source
        self._lock = threading.RLock()
        self._fingerprint: tuple[tuple[str, str, object], ...] | None = None
        self._by_id: dict[str, Document] = {}
        self._by_path: dict[str, Document] = {}
        self._by_url: dict[str, Document] = {}
        self._by_name: dict[str, Document | None] = {}
        self._cache: dict[str, tuple[Highlight, str, Placed]] = {}

    @property
    def fingerprint(self) -> object:
        return self._fingerprint

    @property
    def source(self) -> DocumentSource:
        return self._source_fn()

    def refresh(self) -> None:
        """Re-read the library's document list if it changed."""
        docs = self.source.documents()
        # the status too: a document read after its highlights were placed (pending → ok)
        fingerprint = tuple((d.id, d.path, d.status) for d in docs)
        with self._lock:
            if fingerprint == self._fingerprint:
                return
            self._fingerprint = fingerprint
            self._by_id = {d.id: d for d in docs}
            self._by_path = {}
            self._by_url = {}
            self._by_name = {}
            for d in docs:
                for p in (d.path, *d.duplicates):
                    self._by_path[p] = d
                    name = posixpath.basename(p).casefold()
                    self._by_name[name] = None if name in self._by_name else d
                if d.meta.source_url:
                    self._by_url.setdefault(d.meta.source_url, d)

    def document(self, doc_id: str) -> Document | None:
        with self._lock:
            return self._by_id.get(doc_id)

    def resolve(self, h: Highlight) -> Document | None:
        """The current document for ``h`` (see the module doc), or ``None``."""
        with self._lock:
            if h.doc_id and h.doc_id in self._by_id:
                return self._by_id[h.doc_id]
            if not h.doc_path:
                return None
            hit = self._by_path.get(h.doc_path)
            if hit is not None:
                return hit
            hit = self._by_url.get(h.doc_path)
            if hit is not None:
                return hit
            if "/" in h.doc_path or "\\" in h.doc_path or "." in h.doc_path:
                name = h.doc_path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
                return self._by_name.get(name.split("?")[0].casefold())
            return None

    def place(self, highlights: Iterable[Highlight]) -> list[Placed]:
        """Anchor every highlight (the text of each document is loaded once)."""
        self.refresh()
        groups: dict[str, list[Highlight]] = {}
        out: list[Placed] = []
        with self._lock:
            by_id = self._by_id
            for h in highlights:
                doc = by_id.get(h.doc_id) or self.resolve(h)
                if doc is None:
                    out.append(Placed(h, MISSING))
                else:
                    group = groups.get(doc.id)
                    if group is None:
                        groups[doc.id] = [h]
                    else:
                        group.append(h)
        with paused_gc():
            for doc_id, hs in groups.items():
                out.extend(self._place_in(doc_id, hs))
        return out

    def _place_in(self, doc_id: str, hs: list[Highlight]) -> list[Placed]:
        cache = self._cache
        pending: list[Highlight] = []
        out: list[Placed] = []
        get = cache.get
        for h in hs:
            hit = get(h.id)
            if hit is not None and hit[0] is h and hit[1] == doc_id:
                out.append(hit[2])
            else:
                pending.append(h)
        if not pending:
            return out
        doc = self.document(doc_id)
        text: DocText | None = None
        if doc is not None and doc.status in (DocStatus.OK, DocStatus.NO_TEXT):
            try:
                text = self.source.text(doc_id)
            except ReaderError as exc:
                log.info("cannot anchor in %s: %s", doc_id[:12], exc)
        if text is None:  # unreadable or still being extracted: orphaned for now, not cached
            orphan = Anchor(status=AnchorStatus.ORPHANED, doc_id=doc_id, score=0.0)
            out.extend(Placed(h, orphan) for h in pending)
            return out
        for h, a in zip(pending, anchor_many(pending, text_index(text)), strict=True):
            placed = build(Placed, {"highlight": h, "anchor": a})
            cache[h.id] = (h, doc_id, placed)
            out.append(placed)
        return out

    def forget(self, hids: Iterable[str] | None = None) -> None:
        with self._lock:
            if hids is None:
                self._cache.clear()
            else:
                for hid in hids:
                    self._cache.pop(hid, None)


def reading_order(placed: Iterable[Placed]) -> list[Placed]:
    """Anchored highlights by position, then orphans (oldest first)."""
    return sorted(placed, key=lambda p: (p.orphaned, p.anchor.start if not p.orphaned else 0,
                                         p.anchor.end, p.highlight.created.timestamp(),
                                         p.highlight.id))
