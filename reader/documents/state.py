"""The library's machine-local memory of files (path, size, mtime, hash): lets an
unchanged file skip hashing. Derived: a missing or damaged state file only costs a re-hash."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ReaderError, StorageError
from reader.jsonio import atomic_write_json
from reader.safe_files import read_bytes

log = logging.getLogger(__name__)

STATE_VERSION = 1
MAX_STATE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class FileRecord:
    path: str
    size: int
    mtime_ns: int
    digest: str
    tag: str  # extractor tag, part of the cache key


def load_state(path: Path) -> dict[str, FileRecord]:
    try:
        raw = json.loads(read_bytes(path, max_bytes=MAX_STATE_BYTES, what="library state"))
        if raw.get("version") != STATE_VERSION:
            return {}
        return {rel: FileRecord(rel, int(v["size"]), int(v["mtime_ns"]), str(v["hash"]),
                                str(v["tag"]))
                for rel, v in raw["files"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ReaderError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("library state %s unreadable (%s); files will be re-checked", path, exc)
        return {}


def save_state(path: Path, files: dict[str, FileRecord]) -> None:
    body = {"version": STATE_VERSION,
            "files": {r.path: {"size": r.size, "mtime_ns": r.mtime_ns, "hash": r.digest,
                               "tag": r.tag} for r in sorted(files.values(),
                                                             key=lambda r: r.path)}}
    try:
        atomic_write_json(path, body)
    except StorageError as exc:  # derived data: losing it only costs time
        log.warning("could not save the library state: %s", exc)
