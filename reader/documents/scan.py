"""Finding a workspace's documents and identifying them by content hash.

Only regular files are documents. What looks like a document but cannot be one is left
out with a one-line reason for the person (:attr:`ScanResult.skipped`):

* a named pipe, socket or device (never opened: a pipe would wait forever);
* a link that leads outside the workspace (never followed: a workspace shared with a
  group must not read ``/etc/passwd`` or someone's home folder);
* a file or folder whose name is not valid UTF-8 (an old archive's Latin-1 names): it
  could not be written into the workspace's shared files, nor shown faithfully.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from reader.extract.registry import is_candidate
from reader.paths import DATA_DIRNAME
from reader.safe_files import Fingerprint, describe, display_name, hash_file

log = logging.getLogger(__name__)

_SKIP_PREFIXES = (".", "~$", "~lock.")
_SKIP_DIRS = {DATA_DIRNAME, "__pycache__", "node_modules"}
BAD_NAME = "its name is not valid UTF-8 text; rename it to read it"


@dataclass(frozen=True)
class FileStat:
    path: str  # workspace-relative, POSIX
    size: int
    mtime_ns: int


@dataclass
class ScanResult:
    files: dict[str, FileStat] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # "path: reason" lines


def relpath(root: Path, path: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def valid_name(name: str) -> bool:
    """Whether a name from the file system is valid UTF-8 (no surrogate escapes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(rel: str) -> str:
    """A relative path fit to print (invalid bytes as U+FFFD)."""
    return "/".join(display_name(part) for part in rel.split("/"))


def scan(root: Path) -> dict[str, FileStat]:
    """Every candidate document file under ``root`` (see :func:`scan_workspace`)."""
    return scan_workspace(root).files


def scan_workspace(root: Path) -> ScanResult:
    """Every candidate document file under ``root``, skipping hidden and app folders, with
    a reason for each candidate that cannot be a document (see the module docstring).
    Folder links are not followed (no loops); file links are, when they stay inside."""
    result = ScanResult()
    real_root = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root, onerror=_walk_error):
        keep = []
        for d in sorted(dirnames):
            if d in _SKIP_DIRS or d.startswith("."):
                continue
            if not valid_name(d):
                result.skipped.append(f"{shown(relpath(root, Path(dirpath) / d))}/: this "
                                      "folder's name is not valid UTF-8 text; rename it to "
                                      "read what it holds; skipped")
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith(_SKIP_PREFIXES) or not is_candidate(Path(name)):
                continue
            full = Path(dirpath) / name
            rel = relpath(root, full)
            if not valid_name(name):
                result.skipped.append(f"{shown(rel)}: {BAD_NAME}; skipped")
                continue
            reason = _not_a_document(full, real_root)
            if reason:
                result.skipped.append(f"{rel}: {reason}; skipped")
                continue
            try:
                st = full.stat()
            except OSError as exc:  # vanished meanwhile
                log.info("skipping %s: %s", full, exc.strerror or exc)
                continue
            if stat.S_ISREG(st.st_mode):
                result.files[rel] = FileStat(rel, st.st_size, st.st_mtime_ns)
    for line in result.skipped:
        log.info("scan: %s", line)
    return result


def _not_a_document(full: Path, real_root: str) -> str:
    """Why ``full`` cannot be read as a document ("" when it can)."""
    try:
        lst = full.lstat()
    except OSError:
        return ""  # vanished: nothing to say
    if stat.S_ISLNK(lst.st_mode):
        if not _inside(os.path.realpath(full), real_root):
            return "a link to a file outside the workspace, not followed"
        try:
            mode = os.stat(full).st_mode
        except OSError:
            return "a link to nothing (its target is missing)"
    else:
        mode = lst.st_mode
    if not stat.S_ISREG(mode):
        return f"{describe(mode)}, not a document file"
    return ""


def _inside(target: str, real_root: str) -> bool:
    try:
        return os.path.commonpath([real_root, target]) == real_root
    except ValueError:  # another drive
        return False


def _walk_error(exc: OSError) -> None:
    log.warning("cannot read folder %s: %s", exc.filename, exc.strerror or exc)


def file_hash(path: Path) -> str:
    """sha256 of the file's bytes (raises ``OSError``, or ``SpecialFile`` for anything that
    is not a regular file)."""
    return hash_file(path)[0]


__all__ = ["FileStat", "Fingerprint", "ScanResult", "file_hash", "hash_file", "relpath",
           "scan", "scan_workspace", "shown", "valid_name"]
