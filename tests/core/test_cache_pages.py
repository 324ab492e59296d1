"""The extraction cache keeps a page's running head and a section's kind (footnotes); rows
written before they existed read the same, and garbage rows are refused (the entry is then
dropped and read again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.documents.cache import ExtractCache, _page, _section
from reader.extract.base import Extracted
from reader.model.documents import DocStatus, Page, Section

DIGEST = "ab" * 32


def test_running_heads_and_footnotes_round_trip(tmp_path: Path) -> None:
    cache = ExtractCache(tmp_path)
    text = "Body text.\n\n1 See a case."
    result = Extracted(text=text, pages=(Page(1, 0, len(text), "8", True, "8 · No. 07-3125"),),
                       sections=(Section("Note 1 (p. 8)", 9, 12, len(text), "n.1",
                                         "footnote"),))
    cache.store(DIGEST, "pdf-3", result, DocStatus.OK, "")
    loaded = ExtractCache(tmp_path).load_text(DIGEST, "pdf-3")
    assert loaded is not None
    assert loaded[1] == result.pages and loaded[2] == result.sections
    assert loaded[2][0].is_footnote and loaded[2][0].is_note


def test_ocr_fields_round_trip(tmp_path: Path) -> None:
    result = Extracted("Scanned words.", (Page(1, 0, 14, "1", True, ocr=True),
                                         Page(2, 14, 14, "2", False, note="no text found by OCR")))
    ExtractCache(tmp_path).store(DIGEST, "pdf-3", result, DocStatus.OK, "", "eng")
    cache = ExtractCache(tmp_path)
    loaded = cache.load_text(DIGEST, "pdf-3")
    assert loaded is not None and loaded[1] == result.pages
    entry = cache.summary(DIGEST, "pdf-3")
    assert entry is not None and entry.source == "OCR" and entry.ocr == "eng"


def test_older_rows_read_the_same() -> None:
    assert _page(1, 0, 3, "", True) == Page(1, 0, 3, "", True)
    assert _page(2, 4, 9, "ii", True, "Report · ii") == Page(2, 4, 9, "ii", True, "Report · ii")
    assert _section("A", 1, 0, 3, "") == Section("A", 1, 0, 3, "")


@pytest.mark.parametrize("row", [[1, 0, 3, "", True, "head", "extra"], [1, 0], "garbage",
                                 [1, 0, 3, "", False, "", 1, "note"],
                                 [1, 0, 3, "", False, "", True, None],
                                 [1, 0, 3, "", False, "", True, "note", "more"]])
def test_garbage_page_rows_are_refused(row: object) -> None:
    with pytest.raises(TypeError):
        _page(*row)  # type: ignore[arg-type]


def test_garbage_section_rows_are_refused() -> None:
    with pytest.raises(TypeError):
        _section("A", 1, 0, 3, "", "footnote", 7)  # type: ignore[call-arg]
