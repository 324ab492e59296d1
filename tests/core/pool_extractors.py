"""Test-only extractors for the pool tests, chosen by file suffix. Importable by spawned
worker processes (they must live in a module, not in a test function)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from reader.extract import heartbeat
from reader.extract.base import Extracted, single_page
from reader.extract.registry import FormatInfo

MODULE = __name__


def fmt(suffix: str, isolated: bool = True) -> dict[str, FormatInfo]:
    return {suffix: FormatInfo(suffix.strip("."), MODULE, 1, isolated=isolated, paged=False)}


ALL = {**fmt(".ok"), **fmt(".hang"), **fmt(".slow"), **fmt(".balloon"), **fmt(".crash"),
       **fmt(".boom"), **fmt(".weird")}


def extract(path: Path) -> Extracted:
    kind = path.suffix
    text = path.read_text(encoding="utf-8")  # a missing file raises FileNotFoundError
    if kind == ".hang":
        threading.Event().wait()  # never returns, never reports progress
    if kind == ".slow":  # keeps reporting progress for the given number of seconds
        seconds = float(text.split()[0])
        end = time.monotonic() + seconds
        i = 0
        while time.monotonic() < end:
            i += 1
            heartbeat.beat(i, 0)
            time.sleep(0.05)
        text = f"slow file done after {seconds} s"
    elif kind == ".balloon":
        hoard = []
        while True:
            hoard.append(bytearray(16 * 1024 * 1024))
    elif kind == ".crash":
        os._exit(3)
    elif kind == ".boom":
        raise ValueError("a bug in the extractor")
    elif kind == ".weird":
        return "not an Extracted"
    return Extracted(text=text, pages=single_page(text))
