"""The password for the PDF a worker is reading now, if the person gave one.

The pool hands it to the worker with the job; the worker sets it for that job only
(:func:`using`) and the PDF reader asks for it (:func:`current`) when it opens the file.
It lives in the worker's memory while the job runs: never in a file, a log or a result.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

_current: str | None = None


def current() -> str | None:
    return _current


@contextmanager
def using(password: str | None) -> Iterator[None]:
    global _current
    previous, _current = _current, password or None
    try:
        yield
    finally:
        _current = previous
