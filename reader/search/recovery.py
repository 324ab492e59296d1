"""Opening an index folder safely, and telling damage from bugs.

At open the index is verified (format version, every segment's columns, stored fields and
a posting list are read). A missing, foreign, half-written or junk index is moved aside
(kept once, as ``index.damaged``, for a bug report) and recreated empty. While searching,
:func:`damage_of` decides whether an exception means damaged files (the index is rebuilt;
the person is told) or a bug in our code (logged with its traceback and raised: never
turned into an empty result).
"""

from __future__ import annotations

import json
import logging
import pickle
import shutil
import struct
import zlib
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage
from whoosh.index import IndexError as WhooshIndexError

from reader.errors import REBUILD_HINT, IndexDamaged
from reader.search.schema import SCHEMA_VERSION, build_schema
from reader.search.tables import read_segment

log = logging.getLogger(__name__)

INDEX_NAME = "MAIN"
FORMAT_FILE = "format.json"

#: what reading damaged or missing index files raises; anything else raised while
#: searching an index that still verifies is a bug
DAMAGE_ERRORS = (IndexDamaged, OSError, EOFError, struct.error, zlib.error,
                 pickle.UnpicklingError, UnicodeDecodeError, WhooshIndexError)
DAMAGED = "The search index could not be read; it will be rebuilt."
REBUILDING = "The search index is being rebuilt; results may be incomplete until it is done."
BUILDING = "The search index is being built; results grow as documents are indexed."


def _leaves(reader: Any) -> list[tuple[Any, int]]:
    return reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]


def verify(ix: Any) -> None:
    """Read enough of every segment to know it is whole (raises on damage)."""
    with ix.searcher() as s:
        for leaf, _offset in _leaves(s.reader()):
            n = leaf.doc_count_all()
            if n:
                leaf.stored_fields(0)
                leaf.stored_fields(n - 1)
                for name in ("key", "doc_id", "sig"):
                    if len(list(leaf.column_reader(name))) != n:
                        raise IndexDamaged("A column of the search index is incomplete.",
                                           REBUILD_HINT)
            for fieldname in ("body", "key"):
                for i, term in enumerate(leaf.lexicon(fieldname)):
                    leaf.postings(fieldname, term).all_ids()
                    if i >= 2:
                        break


def whole_on_disk(directory: Path) -> bool:
    """Open the index afresh, verify it and read every segment's columns (what a
    searcher's table reads): False when any of it fails."""
    try:
        ix = windex.open_dir(str(directory), indexname=INDEX_NAME)
        verify(ix)
        with ix.searcher() as s:
            for leaf, _offset in _leaves(s.reader()):
                read_segment(leaf)
    except Exception as exc:
        log.info("the search index does not verify: %s: %s", type(exc).__name__, exc)
        return False
    return True


def damage_of(exc: Exception, directory: Path | None) -> IndexDamaged | None:
    """The damage ``exc`` shows, or None when it is a bug: what damaged or missing files
    raise (:data:`DAMAGE_ERRORS`) is damage; anything else is damage only when the index
    on disk no longer verifies (an index in memory cannot be damaged)."""
    if isinstance(exc, IndexDamaged):
        return exc
    if isinstance(exc, DAMAGE_ERRORS) or (directory is not None
                                          and not whole_on_disk(directory)):
        return IndexDamaged(DAMAGED, REBUILD_HINT)
    return None


def format_problem(d: Path) -> str | None:
    try:
        data = json.loads((d / FORMAT_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return "its format file is missing or unreadable"
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION:
        return "it was made by another version"
    return None


def quarantine(d: Path) -> None:
    """Move a damaged index aside (kept once, for a bug report), then empty ``d``."""
    aside = d.with_name(d.name + ".damaged")
    shutil.rmtree(aside, ignore_errors=True)
    with suppress(OSError):
        shutil.copytree(d, aside)
    for child in list(d.iterdir()):
        try:
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        except OSError as exc:
            log.warning("cannot remove %s: %s", child, exc)


@dataclass(frozen=True)
class Opened:
    ix: Any
    state: str  # "ready" | "rebuilding" | "building"
    message: str
    needs_fill: bool


def open_or_create(d: Path) -> Opened:
    """Open the index in ``d``, verified; a damaged, foreign or missing one is set aside
    and created empty (raises ``OSError`` only when ``d`` cannot be used at all)."""
    if d.exists() and not d.is_dir():  # junk where our folder should be
        log.warning("search index %s is not a folder; replacing it", d)
        d.unlink()
    d.mkdir(parents=True, exist_ok=True)
    try:
        exists = windex.exists_in(str(d), indexname=INDEX_NAME)
    except Exception:  # a table of contents that cannot even be read
        exists = True
    if exists:
        problem = format_problem(d)
        if problem is None:
            try:
                ix = windex.open_dir(str(d), indexname=INDEX_NAME)
                verify(ix)
                return Opened(ix, "ready", "", ix.doc_count() == 0)
            except Exception as exc:  # any damage at all (it is derived): rebuild
                problem = f"it is damaged ({type(exc).__name__}: {exc})"
        log.warning("search index %s: %s; rebuilding it", d, problem)
        quarantine(d)
        state, message = "rebuilding", REBUILDING
    else:
        if any(d.iterdir()):
            log.warning("search index folder %s holds no index; starting afresh", d)
            quarantine(d)
        state, message = "building", BUILDING
    ix = FileStorage(str(d)).create_index(build_schema(), indexname=INDEX_NAME)
    (d / FORMAT_FILE).write_text(json.dumps({"schema": SCHEMA_VERSION}), "utf-8")
    return Opened(ix, state, message, True)
