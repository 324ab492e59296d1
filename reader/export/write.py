"""Writing a brief to a file: the format from the extension (or given), the destination
checked before any work, the bytes rendered in memory and put in place atomically (a
temporary file in the same folder, fsync, ``os.replace``): a failure or a cancel leaves an
existing file untouched and no partial file behind."""

from __future__ import annotations

import contextlib
import errno
import importlib
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ExportError
from reader.export.model import Brief
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress

log = logging.getLogger(__name__)

#: format → (module, file extension, what the person sees)
FORMATS: dict[str, tuple[str, str, str]] = {
    "pdf": ("reader.export.pdf", ".pdf", "PDF document"),
    "docx": ("reader.export.docx", ".docx", "Word document"),
    "html": ("reader.export.html", ".html", "Web page (HTML)"),
    "md": ("reader.export.markdown", ".md", "Markdown"),
    "csv": ("reader.export.csv", ".csv", "Spreadsheet (CSV)"),
}
EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "md",
              ".markdown": "md", ".csv": "csv"}
ALIASES = {"markdown": "md", "htm": "html", "word": "docx"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    size: int  # bytes written
    quotes: int
    documents: int
    themes: int
    orphans: int  # orphaned highlights left out (or listed without a page)
    seconds: float
    also: tuple[Path, ...] = ()  # files written beside it (a CSV brief's matrix)

    def summary(self) -> str:
        text = (f"Wrote {self.path} ({FORMATS[self.format][2]}, {_size(self.size)}): "
                f"{self.quotes} passage{'s' if self.quotes != 1 else ''} from "
                f"{self.documents} document{'s' if self.documents != 1 else ''}")
        if self.themes:
            text += f" under {self.themes} theme{'s' if self.themes != 1 else ''}"
        text += "."
        if self.orphans:
            text += (f" {self.orphans} highlight{'s' if self.orphans != 1 else ''} could not "
                     "be located in the current text and "
                     f"{'were' if self.orphans != 1 else 'was'} not cited.")
        for extra in self.also:
            text += f" The comparison matrix is in {extra.name}."
        return text


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} KB"


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format to write: ``fmt`` when given, else the file's extension."""
    if fmt:
        key = ALIASES.get(fmt.strip().lower().lstrip("."), fmt.strip().lower().lstrip("."))
        if key not in FORMATS:
            raise ExportError(f"'{fmt}' is not a brief format.",
                              "Use pdf, docx, html, md or csv.")
        return key
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    what = f"the extension '{suffix}'" if suffix else "no extension"
    raise ExportError(f"Cannot tell the format of {Path(path).name}: it has {what}.",
                      "End the name with .pdf, .docx, .html, .md or .csv, or give a format.")


def target_path(path: str | os.PathLike[str], fmt: str) -> Path:
    """``path``, with the format's extension added when it has none."""
    p = Path(path).expanduser()
    if not p.suffix:
        p = p.with_name(p.name + FORMATS[fmt][1])
    return p


def check_destination(path: Path) -> None:
    """Fail early, with a clear message, when ``path`` cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise ExportError(f"The folder {folder} does not exist.",
                          "Create it first or choose another folder.")
    if not folder.is_dir():
        raise ExportError(f"{folder} is not a folder.", "Choose a folder to save into.")
    if path.is_dir():
        raise ExportError(f"{path} is a folder.", "Give a file name for the brief.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"The folder {folder} is read-only.",
                          "Choose a folder you can write to.")
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(f"{path} is read-only.", "Choose another name or folder.")


def render(brief: Brief, fmt: str, *, progress: ProgressFn = no_progress,
           cancel: CancelToken = NEVER_CANCELLED) -> bytes:
    """The brief in ``fmt`` as bytes (nothing is written)."""
    module = importlib.import_module(FORMATS[format_for("", fmt)][0])
    if fmt in ("pdf", "docx"):
        return module.render(brief, progress=progress, cancel=cancel)
    cancel.raise_if_cancelled()
    return module.render(brief)


def write_brief(brief: Brief, path: str | os.PathLike[str], fmt: str | None = None, *,
                progress: ProgressFn = no_progress,
                cancel: CancelToken = NEVER_CANCELLED) -> ExportResult:
    """Render ``brief`` and replace ``path`` with it atomically."""
    started = time.perf_counter()
    fmt = format_for(path, fmt)
    target = target_path(path, fmt)
    check_destination(target)
    progress(0, 1, f"Writing {FORMATS[fmt][2]}")
    data = render(brief, fmt, progress=progress, cancel=cancel)
    cancel.raise_if_cancelled()
    also: tuple[Path, ...] = ()
    if fmt == "csv" and brief.matrix is not None and brief.matrix.csv:
        # a CSV holds one table: the matrix goes beside the passages, as its own CSV
        beside = matrix_path(target)
        atomic_replace(beside, brief.matrix.csv)
        also = (beside,)
    atomic_replace(target, data)
    progress(1, 1, f"Saved {target.name}")
    return ExportResult(path=target, format=fmt, size=len(data), quotes=brief.quote_count,
                        documents=len(brief.sources), themes=brief.theme_count,
                        orphans=brief.orphan_count,
                        seconds=round(time.perf_counter() - started, 3), also=also)


def matrix_path(target: Path) -> Path:
    """Where a CSV brief's comparison matrix is written: ``packet.csv`` →
    ``packet-matrix.csv``."""
    return target.with_name(f"{target.stem}-matrix{target.suffix}")


def atomic_replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it over ``path``. The
    new file keeps the old one's permissions (or gets the usual 0644)."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _error(path, exc) from exc
        raise
    log.info("wrote %s (%d bytes)", path, len(data))


def _error(path: Path, exc: OSError) -> ExportError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(f"Cannot write {path}: the folder or file is read-only.",
                           "Nothing was changed. Choose a folder you can write to.")
    if exc.errno == errno.ENOSPC:
        return ExportError(f"Cannot write {path}: the disk is full.",
                           "Nothing was changed. Free some space and try again.")
    if exc.errno == errno.ENOENT:
        return ExportError(f"Cannot write {path}: the folder does not exist.",
                           "Create it first or choose another folder.")
    return ExportError(f"Cannot write {path}: {exc.strerror or exc}.", "Nothing was changed.")
