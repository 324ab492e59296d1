"""Read-only queries over an :class:`~reader.annotations.store.AnnotationStore`: every
highlight, one by id, a document's highlights in reading order, counts and orphans."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from reader.annotations.placing import Placer, reading_order
from reader.errors import AnnotationError
from reader.model.annotations import Author, Highlight, Placed


class StoreQueries:
    """The reading half of the store (a mixin: the store holds the state)."""

    author: Author
    placer: Placer
    generation: int
    _lock: threading.RLock
    _merged: dict[str, Highlight]
    _all_cache: tuple[int, tuple[Highlight, ...]] | None
    _by_doc: tuple[object, dict[str, dict[str, Highlight]]] | None

    def _ensure(self) -> None:  # pragma: no cover - the store defines it
        raise NotImplementedError

    def all(self, *, include_deleted: bool = False) -> tuple[Highlight, ...]:
        with self._lock:
            self._ensure()
            if self._all_cache is None or self._all_cache[0] != self.generation:
                ordered = tuple(sorted(self._merged.values(),
                                       key=lambda h: (h.doc_path, h.start, h.end, h.id)))
                self._all_cache = (self.generation, ordered)
            items = self._all_cache[1]
        return items if include_deleted else tuple(h for h in items if not h.deleted)

    def peek(self, hid: str) -> Highlight | None:
        """The highlight ``hid`` (exact id), or ``None``."""
        with self._lock:
            self._ensure()
            return self._merged.get(hid)

    def get(self, hid: str) -> Highlight:
        with self._lock:
            self._ensure()
            h = self._merged.get(hid)
        if h is None:
            raise AnnotationError(f"There is no highlight with the id {hid}.")
        return h

    def find(self, ref: str) -> Highlight:
        """A highlight by id, or by the start of its uuid (8+ characters)."""
        with self._lock:
            self._ensure()
            if ref in self._merged:
                return self._merged[ref]
            key = ref.strip().lower().removeprefix("urn:uuid:")
            hits = [h for hid, h in self._merged.items()
                    if len(key) >= 4 and hid.lower().removeprefix("urn:uuid:").startswith(key)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise AnnotationError(f"'{ref}' matches {len(hits)} highlights.",
                                  "Give more characters of the id.")
        raise AnnotationError(f"There is no highlight with the id {ref}.")

    def is_mine(self, hid: str) -> bool:
        return self.get(hid).author.id == self.author.id

    def placed_all(self) -> Iterator[Placed]:
        """Every live highlight with its anchor (documents in library order)."""
        with self._lock:
            self._ensure()
            live = [h for h in self._merged.values() if not h.deleted]
        yield from self.placer.place(live)

    def _doc_index(self) -> dict[str, dict[str, Highlight]]:
        """Live highlights by current document id (kept up to date by edits; rebuilt when
        files are re-read or the library changes)."""
        self.placer.refresh()
        with self._lock:
            self._ensure()
            fingerprint = self.placer.fingerprint
            if self._by_doc is None or self._by_doc[0] != fingerprint:
                index: dict[str, dict[str, Highlight]] = {}
                for h in self._merged.values():
                    d = None if h.deleted else self.placer.resolve(h)
                    if d is not None:
                        index.setdefault(d.id, {})[h.id] = h
                self._by_doc = (fingerprint, index)
            return self._by_doc[1]

    def _index_update(self, old: Highlight | None, new: Highlight) -> None:
        if self._by_doc is None:
            return
        index = self._by_doc[1]
        if old is not None:
            d = self.placer.resolve(old)
            if d is not None:
                index.get(d.id, {}).pop(old.id, None)
        d = None if new.deleted else self.placer.resolve(new)
        if d is not None:
            index.setdefault(d.id, {})[new.id] = new

    def for_document(self, doc_id: str) -> tuple[Placed, ...]:
        """The highlights of the current document ``doc_id``, in reading order, orphans last."""
        hs = list(self._doc_index().get(doc_id, {}).values())
        return tuple(reading_order(self.placer.place(hs)))

    def documents_tagged(self, theme_ids: Iterable[str]) -> frozenset[str]:
        """Current document ids with a live highlight carrying any of ``theme_ids`` (no
        anchoring; expand a theme with ``Taxonomy.matching`` to include sub-themes and
        merged ids)."""
        wanted = set(theme_ids)
        return frozenset(doc for doc, hs in self._doc_index().items()
                         if any(wanted.intersection(h.themes) for h in hs.values()))

    def by_document(self) -> dict[str, tuple[Highlight, ...]]:
        """Live highlights per current document id (without anchoring: what counting
        needs, e.g. the comparison matrix)."""
        return {k: tuple(v.values()) for k, v in self._doc_index().items() if v}

    def count_by_document(self) -> dict[str, int]:
        """Live highlights per current document id (without anchoring)."""
        return {k: len(v) for k, v in self._doc_index().items() if v}

    def orphans(self, doc_id: str | None = None) -> tuple[Placed, ...]:
        if doc_id is not None:
            return tuple(p for p in self.for_document(doc_id) if p.orphaned)
        return tuple(p for p in self.placed_all() if p.orphaned)
