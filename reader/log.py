"""Logging set-up: module loggers everywhere, a rotating log file in the user's log folder.

Logging never gets in the way: when the log file cannot be opened or written (a full
disk, a read-only or vanished folder) records are dropped quietly — no ``--- Logging
error ---`` stacks on the terminal — and writing is tried again a little later.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
import time
from contextlib import suppress
from pathlib import Path

from reader.paths import user_log_dir

LOG_FILENAME = "policy-reader.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
RETRY_SECONDS = 30.0


def log_file() -> Path:
    return user_log_dir() / LOG_FILENAME


class QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that drops records while it cannot be written, then tries again
    after :data:`RETRY_SECONDS` (reopening the file). Counts what it dropped."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8",
                         errors="backslashreplace", delay=True)
        self.dropped = 0
        self._paused_until = 0.0

    def _open(self):
        """Open the log file, unless something else (a pipe would block) is in its place."""
        try:
            mode = os.stat(self.baseFilename).st_mode
        except FileNotFoundError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise OSError(f"{self.baseFilename} is not a regular file")
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        if self._paused_until and time.monotonic() < self._paused_until:
            self.dropped += 1
            return
        self._paused_until = 0.0
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """A write failed: drop this record, close the file, pause (never print)."""
        self.dropped += 1
        self._paused_until = time.monotonic() + RETRY_SECONDS
        stream, self.stream = self.stream, None
        if stream is not None:
            with suppress(Exception):
                stream.close()


def setup_logging(level: int = logging.INFO, *, to_file: bool = True,
                  to_stderr: bool = False) -> None:
    """Configure the root logger once. Safe to call twice (later calls do nothing)."""
    root = logging.getLogger()
    if getattr(root, "_policy_reader_configured", False):
        return
    root.setLevel(level)
    if to_file:
        try:
            path = log_file()
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = QuietFileHandler(path)
            handler.setFormatter(logging.Formatter(_FORMAT))
        except OSError:  # a read-only or full home must not stop the app, nor talk about it
            handler = logging.NullHandler()
        root.addHandler(handler)
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        root.addHandler(stream)
    root._policy_reader_configured = True  # type: ignore[attr-defined]  # our mark on it


def log_tail(max_lines: int = 80) -> str:
    """The last lines of the log file (for the crash dialog)."""
    try:
        lines = log_file().read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(lines[-max_lines:])
