"""The pieces of the search engine that touch Whoosh's files: its errors, the row writer,
and the check that an index opened from disk is whole."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reader.errors import SearchIndexError
from reader.search.rows import Row


class IndexBusy(SearchIndexError):
    """Another program (or window) is writing this index."""


class IndexDamaged(SearchIndexError):
    """The index could not be read."""


class IndexNotSaved(SearchIndexError):
    """A write to the index failed (a full disk, a read-only folder). Nothing of that write
    is kept; the index stays as it was before it and is verified again when next opened."""


def not_saved(exc: OSError) -> IndexNotSaved:
    return IndexNotSaved(f"The search index could not be saved ({exc.strerror or exc}).",
                         "Searching shows what was indexed before; the index catches up "
                         "at the next update once there is room again.")


class RowWriter:
    """Adds and deletes rows inside one Whoosh writer (see :meth:`SearchEngine.writing`)."""

    def __init__(self, writer: Any) -> None:
        self._w = writer
        self.added = 0

    def delete_key(self, key: str) -> None:
        self._w.delete_by_term("key", key)

    def add_rows(self, rows: Iterable[Row]) -> None:
        for row in rows:
            self._w.add_document(**row)
            self.added += 1

    def replace(self, key: str, rows: Iterable[Row]) -> None:
        self.delete_key(key)
        self.add_rows(rows)


def verify(ix: Any) -> None:
    """Read enough of every segment to know it is whole (raises on damage)."""
    with ix.searcher() as s:
        reader = s.reader()
        leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
        for leaf, _offset in leaves:
            n = leaf.doc_count_all()
            if n:
                leaf.stored_fields(0)
                leaf.stored_fields(n - 1)
                for name in ("key", "doc_id", "sig"):
                    if len(list(leaf.column_reader(name))) != n:
                        raise IndexDamaged("A column of the index is incomplete.")
            for fieldname in ("body", "key"):
                for i, term in enumerate(leaf.lexicon(fieldname)):
                    leaf.postings(fieldname, term).all_ids()
                    if i >= 2:
                        break


__all__ = ["IndexBusy", "IndexDamaged", "IndexNotSaved", "RowWriter", "not_saved", "verify"]
