"""The original file, one click away: open it in the system's viewer (the PDF viewer, the
browser, the word processor: whatever the system uses for the format) or show it in the
file manager, its folder opened with the file selected where the platform can do that."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from reader.errors import DocumentNotFound, ReaderError

log = logging.getLogger(__name__)


def _existing(path: Path) -> Path:
    if not path.exists():
        raise DocumentNotFound(f"{path.name} is no longer in the workspace folder.",
                               "It may have been moved or deleted; re-index (F5).")
    return path


def open_original(path: Path) -> None:
    """Open ``path`` with the system's application for its type."""
    path = _existing(Path(path))
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        raise ReaderError(f"The system has no application to open {path.name}.",
                          "Install a viewer for this kind of file, or use Show in Folder.")


def show_in_folder(path: Path) -> None:
    """Show ``path`` in the file manager (selected on Windows and macOS; its folder
    elsewhere)."""
    path = _existing(Path(path))
    try:
        if sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", str(path)])
            return
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(path)])
            return
    except OSError:
        log.warning("the file manager could not select %s", path, exc_info=True)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
        raise ReaderError(f"The system cannot show the folder of {path.name}.")
