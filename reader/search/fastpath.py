"""The fast paths that read Whoosh's internals, and what happens when one cannot be taken.

:mod:`reader.search.scoring` and :mod:`reader.search.tables` read ``whoosh-reloaded``'s
private structures for speed (a matcher's decoded block arrays, the lengths column, the
pickled posting values); the version is pinned exactly in ``pyproject.toml`` for that
reason. Should an upgrade change those internals, each fast path falls back to Whoosh's
public API (the same results, slower), and says so: :data:`FALLBACKS` counts it per path
and a warning is logged (once per path and process). The tests assert that no fast path
fell back, so a silent slowdown fails the build instead of shipping.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter

log = logging.getLogger(__name__)

#: fast path → how many times it fell back in this process
FALLBACKS: Counter[str] = Counter()
_lock = threading.Lock()


def fell_back(path: str, reason: str) -> None:
    """Record that the fast path ``path`` could not be taken (``reason`` for the log)."""
    with _lock:
        FALLBACKS[path] += 1
        first = FALLBACKS[path] == 1
    if first:
        log.warning("search fast path %r fell back to Whoosh's public API (%s): results are "
                    "the same but slower; is whoosh-reloaded the pinned version?", path, reason)


def reset() -> None:
    """Forget the counts (tests)."""
    with _lock:
        FALLBACKS.clear()
