"""Writing rows into the index: the row writer, and the error a failed write becomes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reader.errors import IndexNotSaved
from reader.search.rows import Row


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


__all__ = ["RowWriter", "not_saved"]
