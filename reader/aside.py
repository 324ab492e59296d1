"""Setting a damaged file aside: renamed to ``<name>.damaged-<seconds>`` beside it, never
deleted and never written over. Two set aside in the same second (two damaged versions, or
two processes) get different names: ``….damaged-<seconds>-2`` and so on."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

MAX_TRIES = 1000


def set_aside(path: Path) -> Path:
    """Rename ``path`` to a new ``.damaged-…`` name beside it; the new path. ``OSError``
    when it cannot be renamed (nothing changed then)."""
    path = Path(path)
    stamp = int(time.time())
    for n in range(1, MAX_TRIES + 1):
        aside = path.with_name(f"{path.name}.damaged-{stamp}" + (f"-{n}" if n > 1 else ""))
        if aside.exists():
            continue
        try:
            os.link(path, aside)  # fails, never overwrites, if the name was just taken
        except FileExistsError:
            continue
        except OSError:  # no hard links here (FAT, some network shares): rename
            if aside.exists():
                continue
            os.rename(path, aside)
            return aside
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return aside
    raise OSError(f"no free name to set {path.name} aside")
