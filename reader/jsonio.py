"""Atomic writes and careful JSON reads.

Every file Policy Reader writes goes through :func:`atomic_write_bytes`: a temporary file in
the same folder, flush + fsync, then ``os.replace``. A failure leaves the old file intact.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from reader.errors import ReaderError, StorageError
from reader.safe_files import open_regular, read_bytes

log = logging.getLogger(__name__)

#: Default cap for JSON files we read (annotation files may be larger; callers pass theirs).
DEFAULT_MAX_JSON_BYTES = 64 * 1024 * 1024


def atomic_write_bytes(path: Path, data: bytes, *, backup: bool = False,
                       durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; with ``backup`` keep the old file as ``.bak``.
    ``durable=False`` skips the flushes to disk (derived data that is checked when read,
    like the text cache: a power cut may lose it, never corrupt what is served)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise StorageError(f"Cannot write {path}: {exc.strerror or exc}.",
                           "Check that the folder exists and is writable.") from exc
    try:
        os.chmod(tmp, _file_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if backup and path.exists():
            _keep_backup(path)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise StorageError(f"Cannot write {path}: {exc.strerror or exc}.",
                           "Nothing was changed; check free space and permissions.") from exc
    if durable:
        _fsync_dir(path.parent)


def _keep_backup(path: Path) -> None:
    """Keep the current ``path`` as ``NAME.bak``, atomically: it is hard-linked under a
    temporary name (no bytes written, so a full disk cannot leave half a backup), or where
    links are not possible copied to one and flushed, then renamed over the old backup.
    A backup that cannot be made is skipped (logged): the old one stays whole."""
    bak = path.with_name(path.name + ".bak")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            os.link(path, tmp)
        except OSError:
            with open_regular(path) as src, open(tmp, "xb") as dst:
                shutil.copyfileobj(src, dst)
                dst.flush()
                os.fsync(dst.fileno())
        os.replace(tmp, bak)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        log.warning("could not keep a backup of %s: %s", path.name, exc.strerror or exc)


#: A temporary file of ours: ``.NAME.XXXXXXXX.tmp`` (``mkstemp`` or a backup link), or a
#: document being copied in by an import (``.importing-XXXXXXXX``).
_TEMP_RE = re.compile(r"^(?:\..+\.[A-Za-z0-9_]{8}\.tmp|\.importing-[A-Za-z0-9_]{8})$")
STALE_TEMP_SECONDS = 15 * 60


def sweep_stale_temps(folder: Path, *, older_than: float = STALE_TEMP_SECONDS) -> list[str]:
    """Delete our temporary files in ``folder`` that a killed save left behind (regular
    files named as :func:`atomic_write_bytes` names them, untouched for ``older_than``
    seconds: a save in progress elsewhere is never that old). Returns their names."""
    swept: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return swept
    limit = time.time() - older_than
    for entry in entries:
        if not _TEMP_RE.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                os.unlink(entry.path)
                swept.append(entry.name)
        except OSError as exc:
            log.info("cannot remove the stale temporary file %s: %s", entry.name, exc)
    if swept:
        log.info("removed %d stale temporary file(s) in %s: %s", len(swept), folder,
                 ", ".join(swept))
    return swept


def _file_mode(path: Path) -> int:
    """The mode a new file would get (``mkstemp`` makes 0600; a shared workspace needs the
    usual umask), or the existing file's mode when replacing one."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str, *, backup: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


def dumps(obj: Any) -> str:
    """Stable, human-readable JSON (sorted keys are *not* used: field order is meaningful)."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def atomic_write_json(path: Path, obj: Any, *, backup: bool = False) -> None:
    atomic_write_text(path, dumps(obj), backup=backup)


def read_json(path: Path, *, max_bytes: int = DEFAULT_MAX_JSON_BYTES,
              what: str = "file") -> Any:
    """Read a JSON file, raising :class:`ReaderError` with a plain message on any problem
    (a pipe, socket or device in the file's place is never opened: see
    :mod:`reader.safe_files`)."""
    path = Path(path)
    try:
        raw = read_bytes(path, max_bytes=max_bytes, what=what)
    except FileNotFoundError as exc:
        raise ReaderError(f"The {what} {path} does not exist.") from exc
    except ReaderError:
        raise
    except OSError as exc:
        raise ReaderError(f"Cannot read the {what} {path}: {exc.strerror or exc}.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(f"The {what} {path.name} is not UTF-8 text.") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReaderError(
            f"The {what} {path.name} is not valid JSON (line {exc.lineno}, "
            f"column {exc.colno}: {exc.msg}).") from exc
    except RecursionError as exc:
        raise ReaderError(f"The {what} {path.name} is nested too deeply to read.") from exc
