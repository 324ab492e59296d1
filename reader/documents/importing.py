"""Copying files and folders into a workspace (import). Atomic per file: a copy appears
under its final name only when complete. Identical content already at the destination is
not copied twice; a different file with the same name gets " (2)", " (3)", …

Only regular files are copied (a pipe, socket or device is reported, never opened; a link
inside an imported folder is followed only when it stays inside that folder). A name that
is not valid UTF-8 (an old Latin-1 archive) is copied under a readable name
(``caf\\xe9.txt`` becomes ``café.txt``) and the problems say so.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import stat
import tempfile
from pathlib import Path

from reader.documents.scan import file_hash, valid_name
from reader.errors import StorageError
from reader.extract.registry import is_candidate
from reader.paths import DATA_DIRNAME
from reader.progress import CancelToken, ProgressFn
from reader.safe_files import CHUNK, describe, display_name, open_regular

log = logging.getLogger(__name__)
_STORAGE_ERRNOS = (28, 30, 122)  # no space, read-only file system, quota exceeded


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def readable_name(name: str) -> str:
    """``name`` itself when valid UTF-8, else its bytes read as Windows-1252 (what an old
    Western archive most likely used), with U+FFFD for bytes that mean nothing there."""
    if valid_name(name):
        return name
    return os.fsencode(name).decode("cp1252", "replace")


def _sources(path: Path, problems: list[str]) -> list[tuple[Path, Path]]:
    """(source file, destination relative path) pairs for a file or a folder."""
    st = path.stat()
    if not stat.S_ISDIR(st.st_mode):
        if not stat.S_ISREG(st.st_mode):
            problems.append(f"{display_name(path)}: {describe(st.st_mode)}, not a document "
                            "file; it was not opened")
            return []
        return [(path, Path(path.name))]
    pairs = []
    real_top = os.path.realpath(path)
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and d != DATA_DIRNAME)
        for name in sorted(filenames):
            src = Path(dirpath) / name
            if name.startswith(".") or not is_candidate(src):
                continue
            why = _not_copyable(src, real_top)
            if why:
                problems.append(f"{display_name(src)}: {why}; skipped")
                continue
            pairs.append((src, Path(path.name) / src.relative_to(path)))
    return pairs


def _not_copyable(src: Path, real_top: str) -> str:
    try:
        if src.is_symlink() and not _inside(Path(os.path.realpath(src)), Path(real_top)):
            return "a link to a file outside the folder, not followed"
        mode = src.stat().st_mode
    except OSError as exc:
        return f"could not be read ({exc.strerror or exc})"
    return "" if stat.S_ISREG(mode) else f"{describe(mode)}, not a document file"


def _destination(target: Path, src_digest: str) -> Path | None:
    """Where to copy: ``target`` if free, None if it already holds the same bytes, else a
    numbered variant."""
    candidate, n = target, 1
    while candidate.exists():
        try:
            if candidate.is_file() and file_hash(candidate) == src_digest:
                return None
        except OSError:
            pass
        n += 1
        candidate = target.with_name(f"{target.stem} ({n}){target.suffix}")
    return candidate


def _copy_to_temp(src: Path, folder: Path) -> tuple[str, str]:
    """Copy ``src`` (a regular file only) into a temporary file in ``folder``; returns
    (temporary path, sha256 of exactly the bytes copied)."""
    fd, tmp = tempfile.mkstemp(prefix=".importing-", dir=folder)
    h = hashlib.sha256()
    try:
        with open_regular(src) as fin, os.fdopen(fd, "wb") as fout:
            while block := fin.read(CHUNK):
                h.update(block)
                fout.write(block)
            fout.flush()
            os.fsync(fout.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp, h.hexdigest()


def copy_into(root: Path, paths: list[Path], *, subdir: str, progress: ProgressFn,
              cancel: CancelToken) -> tuple[list[str], list[str]]:
    """Copy ``paths`` into ``root/subdir``. Returns (the workspace-relative paths copied,
    one-line problems: missing paths, unreadable or unsupported files, renamed files);
    never stops at the first problem."""
    problems: list[str] = []
    copied: list[str] = []
    dest_root = root / subdir if subdir else root
    pairs: list[tuple[Path, Path]] = []
    for p in paths:
        p = p.expanduser()
        if not p.exists():
            problems.append(f"{display_name(p)}: no such file or folder")
        elif _inside(p, root):
            continue  # already in the workspace: the update will pick it up
        elif not p.is_dir() and not is_candidate(p):
            problems.append(f"{display_name(p)}: not a document type Policy Reader reads; "
                            "skipped")
        else:
            pairs.extend(_sources(p, problems))
    for i, (src, rel) in enumerate(pairs):
        cancel.raise_if_cancelled()
        progress(i, len(pairs), "Copying files")
        target = dest_root / Path(*(readable_name(part) for part in rel.parts))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp, digest = _copy_to_temp(src, target.parent)
            try:
                dest = _destination(target, digest)
                if dest is not None:
                    os.replace(tmp, dest)
                    copied.append(Path(os.path.relpath(dest, root)).as_posix())
                    if not valid_name(src.name):
                        problems.append(f"{display_name(src)}: copied as {dest.name} (its "
                                        "name was not valid UTF-8 text)")
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as exc:
            msg = f"{display_name(src)}: could not be copied ({exc.strerror or exc})"
            if getattr(exc, "errno", None) in _STORAGE_ERRNOS:
                raise StorageError(msg + ".", "Nothing else was copied.") from exc
            problems.append(msg)
    if pairs:
        progress(len(pairs), len(pairs), "Copying files")
    for problem in problems:
        log.warning("import: %s", problem)
    return copied, problems
