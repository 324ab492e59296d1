"""Copying files and folders into a workspace (import). Atomic per file: a copy appears
under its final name only when complete. Identical content already at the destination is
not copied twice; a different file with the same name gets " (2)", " (3)", …

Only regular files are copied (a pipe, socket or device is reported, never opened; a link
inside an imported folder is followed only when it stays inside that folder). A name that
is not valid UTF-8 (an old Latin-1 archive) is copied under a readable name
(``caf\\xe9.txt`` becomes ``café.txt``) and the problems say so.

A file whose content is already a document of the library (the same memo downloaded twice,
the very file at its place, a second file with the same bytes in one import) is not copied
again: the report keeps its content hash, so the summary names the document it already is
(:class:`reader.model.imports.AlreadyInLibrary`). Nothing is left out
without a line in the :class:`CopyReport`: files of other types inside an imported folder
are counted too (hidden files, such as ``.DS_Store``, are not).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import stat
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from reader.documents.scan import file_hash, valid_name
from reader.errors import StorageError
from reader.extract.registry import is_candidate
from reader.jsonio import sweep_stale_temps
from reader.model.imports import NOT_A_DOCUMENT, NOT_COPIED, NOT_FOUND
from reader.paths import DATA_DIRNAME
from reader.progress import CancelToken, ProgressFn, count
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


@dataclass(frozen=True)
class Skip:
    """One file not copied: what happened (a :mod:`reader.model.imports` group name), why,
    the file's name as given, and a line of its own when it has one."""

    what: str
    reason: str
    name: str
    detail: str = ""


@dataclass
class CopyReport:
    """What :func:`copy_into` did: ``copied`` (workspace paths), ``present`` (files not
    copied because the library holds their content: the name as given and the content
    hash, "" for a folder already inside the workspace), ``skips``, ``renamed`` (name as
    given, name copied as), and ``problems`` as one-line sentences (what the log and older
    callers read)."""

    copied: list[str] = field(default_factory=list)
    present: list[tuple[str, str]] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def skip(self, what: str, reason: str, src: Path, line: str, detail: str = "",
             name: str = "") -> None:
        self.skips.append(Skip(what, reason, name or display_name(src), detail))
        self.problems.append(line)


def _suffix_reason(path: Path) -> str:
    suffix = path.suffix.lower()
    return f"{suffix} files" if suffix else "files without an extension"


def _sources(path: Path, report: CopyReport) -> list[tuple[Path, Path]]:
    """(source file, destination relative path) pairs for a file or a folder."""
    st = path.stat()
    if not stat.S_ISDIR(st.st_mode):
        if not stat.S_ISREG(st.st_mode):
            report.skip(NOT_COPIED, f"{describe(st.st_mode)}, not a document file", path,
                        f"{display_name(path)}: {describe(st.st_mode)}, not a document "
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
            if name.startswith("."):
                continue
            shown = "/".join(display_name(Path(p)) for p in
                             (Path(path.name) / src.relative_to(path)).parts)
            if not is_candidate(src):
                report.skip(NOT_A_DOCUMENT, _suffix_reason(src), src,
                            f"{display_name(src)}: not a document type Policy Reader reads; "
                            "skipped", name=shown)
                continue
            why = _not_copyable(src, real_top)
            if why:
                report.skip(NOT_COPIED, why, src, f"{display_name(src)}: {why}; skipped",
                            name=shown)
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
              cancel: CancelToken, known: Collection[str] = frozenset()) -> CopyReport:
    """Copy ``paths`` into ``root/subdir``, leaving out content in ``known`` (the hashes
    of the library's files); never stops at the first problem."""
    report = CopyReport()
    seen = set(known)
    dest_root = root / subdir if subdir else root
    pairs: list[tuple[Path, Path]] = []
    for p in paths:
        p = p.expanduser()
        if not p.exists():
            report.skip(NOT_FOUND, "no such file or folder", p,
                        f"{display_name(p)}: no such file or folder")
        elif _inside(p, root):
            _inside_workspace(root, p, seen, report)
        elif not p.is_dir() and not is_candidate(p):
            report.skip(NOT_A_DOCUMENT, _suffix_reason(p), p,
                        f"{display_name(p)}: not a document type Policy Reader reads; "
                        "skipped")
        else:
            pairs.extend(_sources(p, report))
    copying = f"Copying {count(len(pairs), 'file')} into the workspace"
    swept: set[Path] = set()
    for i, (src, rel) in enumerate(pairs):
        cancel.raise_if_cancelled()
        progress(i, len(pairs), copying)
        target = dest_root / Path(*(readable_name(part) for part in rel.parts))
        if target.parent not in swept:  # copies a killed import left there
            swept.add(target.parent)
            sweep_stale_temps(target.parent)
        try:
            _copy_one(root, src, target, seen, report)
        except OSError as exc:
            msg = f"{display_name(src)}: could not be copied ({exc.strerror or exc})"
            if getattr(exc, "errno", None) in _STORAGE_ERRNOS:
                raise StorageError(msg + ".", "Nothing else was copied.") from exc
            report.skip(NOT_COPIED, f"could not be copied ({exc.strerror or exc})", src, msg)
    if pairs:
        progress(len(pairs), len(pairs), copying)
    for problem in report.problems:
        log.warning("import: %s", problem)
    return report


def _inside_workspace(root: Path, path: Path, seen: set[str], report: CopyReport) -> None:
    """A file or folder named for import that is inside the workspace already: the update
    reads it in place. A file whose content the library holds is already there; a new one
    is counted as imported (the update reads it now)."""
    if not path.is_file():
        report.present.append((display_name(path), ""))
        return
    if not is_candidate(path):
        report.skip(NOT_A_DOCUMENT, _suffix_reason(path), path,
                    f"{display_name(path)}: not a document type Policy Reader reads")
        return
    try:
        digest = file_hash(path)
    except OSError as exc:
        report.skip(NOT_COPIED, f"could not be read ({exc.strerror or exc})", path,
                    f"{display_name(path)}: could not be read ({exc.strerror or exc})")
        return
    if digest in seen:
        report.present.append((display_name(path), digest))
    else:
        seen.add(digest)
        report.copied.append(path.resolve().relative_to(root.resolve()).as_posix())


def _copy_one(root: Path, src: Path, target: Path, seen: set[str],
              report: CopyReport) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp, digest = _copy_to_temp(src, target.parent)
    try:
        if digest in seen:  # a document already, or copied earlier in this import
            report.present.append((display_name(src), digest))
            return
        seen.add(digest)
        dest = _destination(target, digest)
        if dest is None:  # the same bytes under the same name, not listed yet
            report.present.append((display_name(src), digest))
            return
        os.replace(tmp, dest)
        rel = Path(os.path.relpath(dest, root)).as_posix()
        report.copied.append(rel)
        if not valid_name(src.name):
            report.renamed.append((display_name(src), rel))
            report.problems.append(f"{display_name(src)}: copied as {dest.name} (its name "
                                   "was not valid UTF-8 text)")
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
