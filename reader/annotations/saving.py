"""Writing the current author's file: every version of theirs, the items of their old file
that could not be read (written back unchanged), atomically with a ``.bak``; a damaged old
file is set aside first, never overwritten."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reader.annotations.files import FileRead, signature
from reader.annotations.w3c_write import author_iri, encode_collection, encode_highlight
from reader.errors import StorageError
from reader.jsonio import atomic_write_bytes
from reader.model.annotations import Author, Highlight, now_utc

log = logging.getLogger(__name__)


def unique_raw(groups: Iterable[list[Any]]) -> list[Any]:
    """Raw items from several files, each once."""
    out: list[Any] = []
    seen: set[str] = set()
    for group in groups:
        for raw in group:
            key = json.dumps(raw, sort_keys=True, default=str)
            if key not in seen:
                seen.add(key)
                out.append(raw)
    return out


def write_author_file(path: Path, author: Author, mine: Iterable[Highlight],
                      keep_raw: list[Any], *, damaged: bool) -> FileRead:
    """Write ``path``; the :class:`FileRead` of what is now on disk. ``StorageError`` with
    the reason when it cannot be written (nothing on disk changed then)."""
    ordered = sorted(mine, key=lambda h: (h.created, h.id))
    creator = author_iri(author.id)
    items = [encode_highlight(h, creator=creator) for h in ordered] + keep_raw
    data = encode_collection(author, items, modified=now_utc())
    try:
        if damaged and path.exists():
            aside = path.with_name(f"{path.name}.damaged-{int(time.time())}")
            path.replace(aside)
            log.warning("annotations: damaged %s kept as %s", path.name, aside.name)
        atomic_write_bytes(path, data, backup=True)
    except (StorageError, OSError) as exc:
        reason = exc.message if isinstance(exc, StorageError) else str(exc)
        raise StorageError(f"Your highlights could not be saved to {path}: {reason} They "
                           "are kept in memory and saving will be tried again.",
                           "Check that the workspace folder is writable.") from exc
    return FileRead(path, author.id, False, signature(path), author, ordered, list(keep_raw))
