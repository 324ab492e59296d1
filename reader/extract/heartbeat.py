"""A process-wide hook through which a long extraction says it is still making progress.

An extractor calls :func:`beat` now and then (the PDF extractor once per page). In a pool
worker (:mod:`reader.extract.pool`) the hook forwards the beat to the parent process,
which applies its "no progress" time limit; everywhere else beats cost almost nothing.
"""

from __future__ import annotations

from collections.abc import Callable

BeatFn = Callable[[int, int], None]


def _ignore(done: int, total: int) -> None:
    """The default hook: beats go nowhere."""


_hook: BeatFn = _ignore


def set_hook(hook: BeatFn | None) -> BeatFn:
    """Install ``hook`` (``None`` restores the default); returns the previous one."""
    global _hook
    previous = _hook
    _hook = hook or _ignore
    return previous


def beat(done: int, total: int = 0) -> None:
    """Report that ``done`` of ``total`` units (pages) are finished (``total`` 0: unknown)."""
    _hook(done, total)
