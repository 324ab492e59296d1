"""Logging set-up: module loggers everywhere, a rotating log file in the user's log folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from reader.paths import user_log_dir

LOG_FILENAME = "policy-reader.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return user_log_dir() / LOG_FILENAME


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
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
            handler.setFormatter(logging.Formatter(_FORMAT))
            root.addHandler(handler)
        except OSError as exc:  # a read-only home must not stop the app
            logging.getLogger(__name__).warning("cannot open log file: %s", exc)
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
