"""Helpers shared by CLI commands: opening the workspace, progress on stderr, JSON out."""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
import time
from dataclasses import asdict, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from reader.ops import library, workspace
from reader.ops.workspace import Workspace

_HINTS = {errno.ENOSPC: "Free some space, then try again.",
          errno.EROFS: "The folder is read-only.",
          getattr(errno, "EDQUOT", 122): "Your disk quota is used up; free some space.",
          errno.EACCES: "Check the folder's permissions."}


def os_error_line(exc: OSError) -> str:
    """One line for a person about a file system error that reached the top."""
    where = f" ({os.fsencode(exc.filename).decode('utf-8', 'replace')})" \
        if isinstance(exc.filename, str | bytes) else ""
    what = exc.strerror or str(exc) or type(exc).__name__
    hint = _HINTS.get(exc.errno or 0, "")
    return f"{what}{where}." + (f" {hint}" if hint else "")


_opened: list[Workspace] = []


def open_workspace(args: argparse.Namespace, *, create: bool = False) -> Workspace:
    ws = workspace.open_workspace(getattr(args, "workspace", None), create=create)
    _opened.append(ws)
    return ws


def untold_problems() -> list[str]:
    """Problems of the workspaces this command used (a damaged ``documents.json``, values
    left out of it, a cache that cannot be saved) that no output has said yet."""
    lines: list[str] = []
    for ws in _opened:
        lines += library.untold_problems(ws)
    return list(dict.fromkeys(lines))


class StderrProgress:
    """Prints ``label done/total`` to stderr: in place on a terminal, throttled otherwise."""

    def __init__(self, quiet: bool = False, stream: Any = None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = 0.0
        self._dirty = False

    def __call__(self, done: int, total: int, label: str) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        final = total and done >= total
        if not final and now - self._last < (0.1 if self._tty else 2.0):
            return
        self._last = now
        text = f"{label} {done}/{total}" if total else label
        if self._tty:
            self.stream.write("\r\x1b[K" + text[:120])
            self._dirty = True
            if final:
                self.stream.write("\n")
                self._dirty = False
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self._dirty:
            self.stream.write("\n")
            self.stream.flush()
            self._dirty = False


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, enums, paths and tuples as plain JSON values."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


def print_json(obj: Any) -> None:
    json.dump(to_jsonable(obj), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
