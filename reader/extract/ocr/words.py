"""The recognised words of a document with their boxes and confidence, packed for the
extracted-text cache (``<hash>.<tag>.ocr.json.gz`` beside the text), and read back.

Format: gzip of JSON ``{"version": 1, "options": "eng", "pages": [{"n": 2, "angle": 0,
"dpi": 300.0, "note": "", "words": [[text, x0, y0, x1, y1, confidence], ...]}]}``;
boxes in PDF points (displayed space, see :mod:`reader.extract.boxes`).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.errors import DocumentError
from reader.extract.ocr.page import OcrPage

VERSION = 1
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class WordBox:
    page: int
    text: str
    box: tuple[float, float, float, float]
    conf: float


@dataclass(frozen=True)
class OcrWords:
    options: str
    pages: dict[int, tuple[WordBox, ...]]
    notes: dict[int, str]
    angles: dict[int, int]

    def words(self, page: int) -> tuple[WordBox, ...]:
        return self.pages.get(page, ())


def pack_words(pages: Sequence[OcrPage], options_key: str) -> bytes:
    body = {"version": VERSION, "options": options_key, "pages": [
        {"n": p.number, "angle": p.angle, "dpi": p.dpi, "note": p.note,
         "words": [[w.text, *w.box, w.conf] for w in p.words]}
        for p in sorted(pages, key=lambda p: p.number)]}
    return gzip.compress(json.dumps(body, ensure_ascii=False).encode("utf-8"),
                         compresslevel=5, mtime=0)


def unpack_words(data: bytes) -> OcrWords:
    """Raises :class:`DocumentError` for anything that is not a packed words file."""
    try:
        raw = gzip.decompress(data)
        if len(raw) > MAX_BYTES:
            raise ValueError("too large")
        body: Any = json.loads(raw)
        if not isinstance(body, dict) or body.get("version") != VERSION:
            raise ValueError("unknown version")
        pages: dict[int, tuple[WordBox, ...]] = {}
        notes: dict[int, str] = {}
        angles: dict[int, int] = {}
        for p in body["pages"]:
            n = int(p["n"])
            pages[n] = tuple(WordBox(n, str(w[0]), (float(w[1]), float(w[2]), float(w[3]),
                                                    float(w[4])), float(w[5]))
                             for w in p["words"])
            notes[n] = str(p.get("note", ""))
            angles[n] = int(p.get("angle", 0))
        return OcrWords(str(body.get("options", "")), pages, notes, angles)
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise DocumentError(f"The saved OCR words are damaged ({exc}).") from exc


def pages_phrase(numbers: Sequence[int]) -> str:
    """``"page 2"``, ``"pages 2–4, 7"``."""
    spans: list[str] = []
    nums = sorted(set(numbers))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        spans.append(str(nums[i]) if i == j else f"{nums[i]}–{nums[j]}")
        i = j + 1
    return f"page{'s' if len(nums) > 1 else ''} {', '.join(spans)}"
