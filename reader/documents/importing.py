"""Copying files and folders into a workspace (import). Atomic per file: a copy appears
under its final name only when complete. Identical content already at the destination is
not copied twice; a different file with the same name gets " (2)", " (3)", …"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from reader.documents.scan import file_hash
from reader.errors import StorageError
from reader.extract.registry import is_candidate
from reader.paths import DATA_DIRNAME
from reader.progress import CancelToken, ProgressFn

log = logging.getLogger(__name__)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _sources(path: Path) -> list[tuple[Path, Path]]:
    """(source file, destination relative path) pairs for a file or a folder."""
    if path.is_file():
        return [(path, Path(path.name))]
    pairs = []
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and d != DATA_DIRNAME)
        for name in sorted(filenames):
            src = Path(dirpath) / name
            if not name.startswith(".") and is_candidate(src):
                pairs.append((src, Path(path.name) / src.relative_to(path)))
    return pairs


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


def copy_into(root: Path, paths: list[Path], *, subdir: str, progress: ProgressFn,
              cancel: CancelToken) -> list[str]:
    """Copy ``paths`` into ``root/subdir``. Returns one-line problems (missing paths,
    unreadable or unsupported files); never stops at the first one."""
    problems: list[str] = []
    dest_root = root / subdir if subdir else root
    pairs: list[tuple[Path, Path]] = []
    for p in paths:
        p = p.expanduser()
        if not p.exists():
            problems.append(f"{p}: no such file or folder")
        elif _inside(p, root):
            continue  # already in the workspace: the update will pick it up
        elif p.is_file() and not is_candidate(p):
            problems.append(f"{p.name}: not a document type Policy Reader reads; skipped")
        else:
            pairs.extend(_sources(p))
    for i, (src, rel) in enumerate(pairs):
        cancel.raise_if_cancelled()
        progress(i, len(pairs), "Copying files")
        try:
            digest = file_hash(src)
            dest = _destination(dest_root / rel, digest)
            if dest is None:
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".importing-", dir=dest.parent)
            os.close(fd)
            try:
                shutil.copyfile(src, tmp)
                os.replace(tmp, dest)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as exc:
            msg = f"{src}: could not be copied ({exc.strerror or exc})"
            if getattr(exc, "errno", None) in (28, 30):  # no space, read-only
                raise StorageError(msg + ".", "Nothing else was copied.") from exc
            problems.append(msg)
    if pairs:
        progress(len(pairs), len(pairs), "Copying files")
    for problem in problems:
        log.warning("import: %s", problem)
    return problems
