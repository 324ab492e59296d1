"""The extraction cache keeps a page's running head and a section's kind (footnotes), reads
entries written before they existed, and refuses garbage rows without crashing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from reader.documents.cache import ExtractCache
from reader.extract.base import Extracted
from reader.model.documents import DocStatus, Page, Section

DIGEST = "ab" * 32


def test_running_heads_and_note_sections_round_trip(tmp_path: Path) -> None:
    cache = ExtractCache(tmp_path)
    text = "Body text.\n\n1 See a case."
    result = Extracted(text=text, pages=(Page(1, 0, len(text), "8", True, "8 · No. 07-3125"),),
                       sections=(Section("Note 1 (p. 8)", 9, 12, len(text), "n.1", "footnote"),))
    cache.store(DIGEST, "pdf-3", result, DocStatus.OK, "")
    loaded = cache.load_text(DIGEST, "pdf-3")
    assert loaded is not None
    assert loaded[1] == result.pages and loaded[2] == result.sections
    assert loaded[2][0].is_footnote and loaded[2][0].is_note


def _write(cache: ExtractCache, body: object) -> None:
    path = cache.text_path(DIGEST, "pdf-3")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(json.dumps(body).encode()))


def test_older_entries_read_the_same(tmp_path: Path) -> None:
    cache = ExtractCache(tmp_path)
    _write(cache, {"version": 1, "text": "abc", "pages": [[1, 0, 3, "", True]],
                   "sections": [["A", 1, 0, 3, ""]]})
    loaded = cache.load_text(DIGEST, "pdf-3")
    assert loaded[:3] == ("abc", (Page(1, 0, 3, "", True),), (Section("A", 1, 0, 3, ""),))


@pytest.mark.parametrize("rows", [
    {"pages": [[1, 0, 3, "", True, "head", "extra"]], "sections": []},
    {"pages": [[1, 0]], "sections": []},
    {"pages": [[1, 0, 3, "", True]], "sections": [["A", 1, 0, 3, "", "footnote", 7]]},
    {"pages": "garbage", "sections": []},
    {"pages": [None], "sections": []},
])
def test_garbage_rows_are_refused(tmp_path: Path, rows: dict) -> None:
    cache = ExtractCache(tmp_path)
    _write(cache, {"version": 1, "text": "abc", **rows})
    assert cache.load_text(DIGEST, "pdf-3") is None
