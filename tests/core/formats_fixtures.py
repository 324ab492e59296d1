"""Shared checks for the HTML / Markdown / text / DOCX extractor tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.extract.base import Extracted
from reader.extract.normalize import normalize_text
from reader.model.documents import KINDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def check_extracted(x: Extracted) -> None:
    """The invariants every extractor result must keep."""
    assert x.text, "no text"
    assert normalize_text(x.text) == x.text, "text is not normalised"
    assert len(x.pages) == 1
    assert (x.pages[0].start, x.pages[0].end) == (0, len(x.text))
    assert x.meta.kind in KINDS
    for s in x.sections:
        assert 0 <= s.start < s.end <= len(x.text)
        assert s.level >= 1 and s.title
    starts = [s.start for s in x.sections]
    assert starts == sorted(starts)


def check_deterministic(extract: Callable[[Path], Extracted], path: Path) -> Extracted:
    """Extract twice; the results must be identical, byte for byte."""
    first = extract(path)
    second = extract(path)
    assert first == second
    assert first.text.encode("utf-8") == second.text.encode("utf-8")
    check_extracted(first)
    return first
