"""Legislative XML shaped as real publishers publish it (fictional text in each): the D.C.
Council's law library, the House's U.S. Code, GPO's public laws, congressional bills in the
older bill DTD, Akoma Ntoso acts of several dialects. Each ``tests/fixtures/legal_xml/*.xml``
has an ``*.expected.json`` with what a paralegal reading it must find: title, citation,
jurisdiction, date, the numbered outline, pinpoints of quoted words, link targets, text
that is law, text that is a note (cited "… note"), and text that must not be there at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.extract.base import Extracted
from reader.extract.registry import extract_file
from reader.model.documents import DocText

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "legal_xml"
CASES = sorted(p for p in FIXTURES.rglob("*.xml"))


def _expected(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extracted]:
    return {p.name: extract_file(p) for p in CASES}


def test_every_fixture_has_its_expectations() -> None:
    assert len(CASES) >= 5
    for path in CASES:
        assert path.with_name(path.stem + ".expected.json").is_file(), path.name


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_metadata(path: Path, extracted: dict[str, Extracted]) -> None:
    x, want = extracted[path.name], _expected(path)
    m = x.meta
    got = {"title": m.title, "citation": m.citation, "jurisdiction": m.jurisdiction,
           "date": m.date, "kind": m.kind}
    assert got == {k: want[k] for k in got}


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_outline_and_pinpoints(path: Path, extracted: dict[str, Extracted]) -> None:
    x, want = extracted[path.name], _expected(path)
    doc = DocText("x", x.text, x.pages, x.sections, x.links)
    assert [s.number for s in x.sections if s.number and not s.is_note] == want["outline"]
    for words, pin in want["pinpoints"].items():
        assert words in x.text, words
        assert doc.pinpoint(x.text.index(words)) == pin, words


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_law_notes_and_links(path: Path, extracted: dict[str, Extracted]) -> None:
    x, want = extracted[path.name], _expected(path)
    doc = DocText("x", x.text, x.pages, x.sections, x.links)
    for words in want.get("in_text", []):
        assert words in x.text, words
        assert not doc.pinpoint(x.text.index(words)).endswith(" note"), words
    for words in want.get("in_notes", []):
        assert words in x.text, words
        assert doc.pinpoint(x.text.index(words)).endswith(" note") or any(
            s.is_note and s.start <= x.text.index(words) < s.end for s in x.sections), words
    for words in want.get("not_in_text", []):
        assert words not in x.text, words
    links = {x.text[k.start:k.end]: k.target for k in x.links}
    for words, target in want.get("links", {}).items():
        assert links.get(words) == target, words
