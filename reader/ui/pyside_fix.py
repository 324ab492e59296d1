"""Work around a reference-count bug of PySide6 6.12 on Python < 3.12.

PySide6 6.12 ships stable-ABI (abi3) wheels built with Python 3.12+ headers, where ``None``
is immortal and ``Py_RETURN_NONE`` no longer takes a reference. On Python 3.11 ``None`` is
an ordinary object, so every Qt method returning ``void`` (``setText``, ``processEvents``,
``stop`` …) drops one reference to ``None`` that was never taken. ``None`` starts with a
few thousand references: after that many calls the interpreter aborts with
"none_dealloc: deallocating None" (and, at exit, "bool_dealloc" for True/False).
(Measured: 100 calls of ``QTimer.stop()`` lower ``sys.getrefcount(None)`` by exactly 100.)

The fix gives ``None`` the effectively immortal reference count it has on 3.12+. It runs
once, before any Qt call, and does nothing on Python 3.12 and later.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)
HEADROOM = 1 << 40  # a trillion void calls
_done = False


def protect_none() -> bool:
    """Raise ``None``'s reference count far out of reach. Returns True when applied."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):  # all immortal on 3.12+; True/False seen too
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt comes first
        if refcount.value < HEADROOM:
            refcount.value += HEADROOM
    _done = True
    return True
