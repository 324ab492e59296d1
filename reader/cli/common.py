"""Helpers shared by CLI commands: opening the workspace, progress on stderr, JSON out."""

from __future__ import annotations

import argparse
import errno
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from reader.ops import library, workspace
from reader.ops.workspace import Workspace
from reader.progress import split_label

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
    """The workspace the command names. A missing folder is created (and said on stderr)
    for the commands that put documents into it (``creates_workspace`` in their parser's
    defaults: ``add``, ``annotations import``); the others report it missing, so a typo
    never leaves an empty workspace behind."""
    create = create or bool(getattr(args, "creates_workspace", False))
    ws = workspace.open_workspace(getattr(args, "workspace", None), create=create)
    if ws.created and not getattr(args, "quiet", False):
        what = "your workspace, with the sample documents," if ws.seeded else \
            "the workspace folder"
        print(f"policy-reader: created {what} {ws.root}", file=sys.stderr)
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
    """Says on stderr what a long command is doing, one line per phase of the work
    (``Reading 31 files (the first time on this computer) 12/31``): updated in place on a
    terminal, with the current file; elsewhere (a log, a pipe) a line when the phase starts
    and then every few seconds. A phase that ends within :attr:`delay` seconds is not
    shown at all, so a command on an up-to-date workspace stays quiet
    (``$POLICY_READER_PROGRESS_DELAY`` sets it: 0 shows every phase)."""

    delay = 0.4

    def __init__(self, quiet: bool = False, stream: Any = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet = quiet
        self.delay = _seconds(os.environ.get("POLICY_READER_PROGRESS_DELAY"), self.delay)
        self.stream = stream or sys.stderr
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._clock = clock
        self._phase = ""
        self._started = 0.0
        self._shown = False  # this phase has a line
        self._dirty = False  # a terminal line is open (no newline yet)
        self._last = 0.0

    def __call__(self, done: int, total: int, label: str) -> None:
        if self.quiet:
            return
        name, detail = split_label(label)
        now = self._clock()
        if name != self._phase:
            self.finish()
            self._phase, self._started, self._shown, self._last = name, now, False, 0.0
        final = bool(total) and done >= total
        if not self._shown and now - self._started < self.delay:
            return  # quick phases are not worth a line
        counts = f" {done:,}/{total:,}" if total else ""
        if self._tty:
            if final or now - self._last >= 0.1:
                text = f"{name}{counts}" + (f" · {detail}" if detail and not final else "")
                self._write("\r\x1b[K" + text[:self._width()], open_line=not final)
        elif not self._shown or final or now - self._last >= 2.0:
            self._write(f"{name}{counts}\n", open_line=False)
        else:
            return
        self._shown, self._last = True, now
        if final:
            self._phase = ""  # a later report of the same name is a new phase

    def _width(self) -> int:
        return max(40, shutil.get_terminal_size((100, 20)).columns - 1)

    def _write(self, text: str, *, open_line: bool) -> None:
        if self._tty and not open_line:
            text += "\n"
        self.stream.write(text)
        self.stream.flush()
        self._dirty = open_line

    def finish(self) -> None:
        """Ends the open terminal line (a command calls this when its work is done)."""
        if self._dirty:
            self.stream.write("\n")
            self.stream.flush()
            self._dirty = False


def _seconds(value: str | None, default: float) -> float:
    try:
        seconds = float(value) if value else default
    except ValueError:
        return default
    return seconds if 0 <= seconds < 3600 else default


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
