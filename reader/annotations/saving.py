"""Writing the current author's file: every version of theirs, the items of their old file
that could not be read (written back unchanged), atomically with a ``.bak``; a damaged old
file is set aside first (:mod:`reader.aside`), never overwritten.

What a person is told about edits that could not be saved is written here once
(:func:`unsaved_sentence`): the app keeps them in memory and tries again; a command ends,
so they were not saved."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reader.annotations.files import FileRead, signature
from reader.annotations.w3c_remarks import encode_record
from reader.annotations.w3c_write import author_iri, encode_collection
from reader.aside import set_aside
from reader.errors import AnnotationError, StorageError
from reader.jsonio import atomic_write_bytes
from reader.model.annotations import Author, now_utc
from reader.model.remarks import Record, split_records

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


def unsaved_sentence(retries: bool) -> str:
    """What happened to edits a save could not write: ``retries`` for the app (it keeps
    them and tries again), not for a command (it ends: they are lost)."""
    if retries:
        return "Your edits are kept in memory and saving will be tried again."
    return "Your edits were NOT saved."


def write_author_file(path: Path, author: Author, mine: Iterable[Record],
                      keep_raw: list[Any], *, damaged: bool, retries: bool = False,
                      limit: int | None = None) -> FileRead:
    """Write ``path``; the :class:`FileRead` of what is now on disk. ``StorageError`` with
    the reason when it cannot be written (nothing on disk changed then); with ``limit``,
    ``AnnotationError`` when the file would be larger (nothing written)."""
    ordered = sorted(mine, key=lambda h: (h.created, h.id))
    creator = author_iri(author.id)
    items = [encode_record(h, creator=creator) for h in ordered] + keep_raw
    data = encode_collection(author, items, modified=now_utc())
    if limit is not None and len(data) > limit:
        raise AnnotationError(
            f"Your annotation file would grow to {len(data) / 1e6:,.0f} MB, more than the "
            f"{limit / 1e6:,.0f} MB others' copies of Policy Reader read.")
    try:
        if damaged and path.exists():
            aside = set_aside(path)
            log.warning("annotations: damaged %s kept as %s", path.name, aside.name)
        atomic_write_bytes(path, data, backup=True)
    except (StorageError, OSError) as exc:
        reason = exc.message if isinstance(exc, StorageError) else \
            f"{getattr(exc, 'strerror', None) or exc}."
        raise StorageError(f"Your highlights could not be saved to {path}: {reason} "
                           f"{unsaved_sentence(retries)}",
                           "Check that the workspace folder is writable.") from exc
    highlights, remarks = split_records(ordered)
    return FileRead(path, author.id, False, signature(path), author, highlights,
                    remarks, list(keep_raw))
