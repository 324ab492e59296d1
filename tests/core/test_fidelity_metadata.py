"""Metadata of the fidelity fixtures (tests/fixtures/fidelity/): every expected field of
every sidecar, and the page each main field was read from (0: the file's properties)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from reader.extract.base import Extracted
from reader.extract.registry import extract_file
from reader.model.documents import FROM_PROPERTIES, FROM_TEXT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fidelity"
SIDECARS = sorted(FIXTURES.glob("*.expected.json"))


def _side(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@cache
def extracted(name: str) -> Extracted:
    return extract_file(FIXTURES / name)


def test_the_fixture_set_covers_the_issue() -> None:
    sides = [_side(p) for p in SIDECARS]
    kinds = [s["expected"]["kind"] for s in sides]
    assert kinds.count("opinion") >= 12 and kinds.count("filing") >= 4
    assert sum(1 for s in sides if "Administration Policy" in s["expected"].get("doc_type", ""))\
        >= 3
    assert any(s["expected"].get("doc_type") == "Proposed rule" for s in sides)
    assert any(s["expected"].get("doc_type") == "Bill" for s in sides)
    assert any(s["file"].endswith(".html") for s in sides)
    for s in sides:  # every file the sidecar names is there, and nothing is left unchecked
        assert (FIXTURES / s["file"]).exists()
    names = {p.name for p in FIXTURES.iterdir()
             if p.is_file() and not p.name.endswith(".expected.json")}
    assert names == {s["file"] for s in sides}


@pytest.mark.parametrize("side_path", SIDECARS, ids=lambda p: p.name.split(".")[0])
def test_expected_metadata(side_path: Path) -> None:
    side = _side(side_path)
    meta = extracted(side["file"]).meta
    got = {k: getattr(meta, k) for k in side["expected"]}
    assert got == side["expected"]


@pytest.mark.parametrize("side_path", SIDECARS, ids=lambda p: p.name.split(".")[0])
def test_each_value_says_where_it_was_read(side_path: Path) -> None:
    side = _side(side_path)
    x = extracted(side["file"])
    by_field = {s.field: s for s in x.sources}
    for field, page in side.get("provenance", {}).items():
        source = by_field[field]
        if page == 0:
            assert source.origin == FROM_PROPERTIES, field
        else:  # a web page has no pages: "from the text"
            paged = side["file"].endswith(".pdf")
            assert (source.origin, source.page) == (FROM_TEXT, page if paged else 0), field
            if source.start >= 0:  # the words quoted are the words at those characters
                assert " ".join(x.text[source.start:source.end].split())[:10] == \
                    source.snippet[:10]
    for value_field in ("title", "date", "jurisdiction", "citation", "docket"):
        if getattr(x.meta, value_field):
            assert value_field in by_field, value_field
