"""Finding a workspace's documents and identifying them by content hash."""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from reader.extract.registry import is_candidate
from reader.paths import DATA_DIRNAME

log = logging.getLogger(__name__)

_SKIP_PREFIXES = (".", "~$", "~lock.")
_SKIP_DIRS = {DATA_DIRNAME, "__pycache__", "node_modules"}


@dataclass(frozen=True)
class FileStat:
    path: str  # workspace-relative, POSIX
    size: int
    mtime_ns: int


def relpath(root: Path, path: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def scan(root: Path) -> dict[str, FileStat]:
    """Every candidate document file under ``root``, skipping hidden and app folders.
    Directory symlinks are not followed (no loops); file symlinks are."""
    found: dict[str, FileStat] = {}
    for dirpath, dirnames, filenames in os.walk(root, onerror=_walk_error):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(_SKIP_PREFIXES) or not is_candidate(Path(name)):
                continue
            full = Path(dirpath) / name
            try:
                st = full.stat()
            except OSError as exc:  # vanished or a broken link
                log.info("skipping %s: %s", full, exc.strerror or exc)
                continue
            if not os.path.isfile(full):
                continue
            rel = relpath(root, full)
            found[rel] = FileStat(rel, st.st_size, st.st_mtime_ns)
    return found


def _walk_error(exc: OSError) -> None:
    log.warning("cannot read folder %s: %s", exc.filename, exc.strerror or exc)


def file_hash(path: Path, chunk: int = 1 << 20) -> str:
    """sha256 of the file's bytes (raises OSError if it cannot be read)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                break
            h.update(block)
    return h.hexdigest()
