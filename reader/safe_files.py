"""Opening files that may not be what their names say.

Everything Policy Reader reads (workspace documents, state files, annotation files,
imports) is opened here: the path is checked with ``stat`` first, opened without blocking,
and the opened descriptor is checked again (the path may have been swapped in between).
Only regular files are read. A named pipe, socket, device or folder raises
:class:`~reader.errors.SpecialFile` and is never read: opening a pipe for reading waits for
a writer forever, and a device may never end.

:func:`hash_file` fingerprints a file (sha256 of its bytes, plus the ``stat`` identity those
bytes had), so a reader can tell later whether the file changed since (see
:class:`Fingerprint`).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from typing import BinaryIO

from reader.errors import ReaderError, SpecialFile

_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
          | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
CHUNK = 1 << 20


def describe(mode: int) -> str:
    """What a non-regular file is, for a person ("a named pipe (FIFO)")."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def display_name(path: str | os.PathLike[str]) -> str:
    """A file's name fit to print: bytes that are not valid UTF-8 become U+FFFD."""
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    return os.fsencode(name).decode("utf-8", "replace")


def _refuse(path: str | os.PathLike[str], mode: int) -> SpecialFile:
    return SpecialFile(f"{display_name(path)} is {describe(mode)}, not a regular file; "
                       "it was not opened.")


def check_regular(path: str | os.PathLike[str]) -> os.stat_result:
    """``stat`` (following links) that raises :class:`SpecialFile` for anything but a
    regular file (and ``OSError`` when it cannot be reached)."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(path, st.st_mode)
    return st


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading in binary (never blocks on a pipe, never opens a
    device): checked before and after opening. Raises :class:`SpecialFile` or ``OSError``."""
    check_regular(path)
    fd = os.open(path, _FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped for something else after the check
            raise _refuse(path, st.st_mode)
        if _FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int | None = None,
               what: str = "file") -> bytes:
    """A regular file's bytes, at most ``max_bytes`` (a bigger file raises
    :class:`ReaderError` without being read)."""
    with open_regular(path) as fh:
        if max_bytes is None:
            return fh.read()
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise _too_large(path, size, max_bytes, what)
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while being read
        raise _too_large(path, len(data), max_bytes, what)
    return data


def _too_large(path: str | os.PathLike[str], size: int, limit: int, what: str) -> ReaderError:
    return ReaderError(f"The {what} {display_name(path)} is too large ({_size(size)}; "
                       f"the limit is {_size(limit)}).")


def _size(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1_000_000 else f"{max(1, n // 1000)} KB"


@dataclass(frozen=True)
class Fingerprint:
    """A file's identity as ``stat`` sees it. Any write changes ``ctime`` (which, unlike
    ``mtime``, cannot be set back by a program) and a replacement changes the inode, so
    an unchanged fingerprint means the bytes were not touched in between (to the
    timestamp resolution of the file system)."""

    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int
    dev: int

    @classmethod
    def of(cls, st: os.stat_result) -> Fingerprint:
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def fingerprint(path: str | os.PathLike[str]) -> Fingerprint | None:
    """The path's current fingerprint; ``None`` when missing or not a regular file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Fingerprint.of(st) if stat.S_ISREG(st.st_mode) else None


def hash_file(path: str | os.PathLike[str], *, tries: int = 3) -> tuple[str, Fingerprint]:
    """(sha256 of the file's bytes, the fingerprint it had while they were read). A file
    that changes while it is hashed is hashed again (``tries`` times in all); if it keeps
    changing, the fingerprint returned is already stale, so a later check fails."""
    for attempt in range(tries):
        with open_regular(path) as fh:
            before = Fingerprint.of(os.fstat(fh.fileno()))
            h = hashlib.sha256()
            while block := fh.read(CHUNK):
                h.update(block)
            after = Fingerprint.of(os.fstat(fh.fileno()))
        current = fingerprint(path)
        if before == after == current or attempt == tries - 1:
            return h.hexdigest(), before
    raise AssertionError("unreachable")  # pragma: no cover


def same_file(path: str | os.PathLike[str], digest: str, seen: Fingerprint) -> bool:
    """Whether ``path`` still holds the bytes hashed to ``digest`` with fingerprint ``seen``
    (checked by ``stat`` and hashed again)."""
    if fingerprint(path) != seen:
        return False
    try:
        now, fp = hash_file(path, tries=1)
    except OSError:
        return False
    return now == digest and fp == seen
