"""The text of every fidelity fixture (tests/fixtures/fidelity, made by
scripts/make_fidelity_fixtures.py) reads as printed: no running head left at a page's
edge, printed page labels as in the sidecars, the sidecars' sentences unbroken (no
paragraph break inside, footnotes out of the way), compounds intact and line-end
hyphenations joined."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from reader.extract import pdf
from reader.extract.base import Extracted

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fidelity"
SIDECARS = sorted(p for p in FIXTURES.glob("*.expected.json")
                  if json.loads(p.read_text("utf-8"))["file"].endswith(".pdf"))
pytestmark = pytest.mark.skipif(not SIDECARS, reason="no fidelity fixtures")


@cache
def extracted(name: str) -> Extracted:
    return pdf.extract(FIXTURES / name)


def spec(sidecar: Path) -> dict:
    return json.loads(sidecar.read_text("utf-8"))


def unbroken(text: str, sentence: str) -> bool:
    return re.search(r"[ \n]".join(re.escape(w) for w in sentence.split()), text) is not None


@pytest.mark.parametrize("sidecar", SIDECARS, ids=lambda p: p.name.split(".")[0])
def test_fixture_text_reads_as_printed(sidecar: Path) -> None:
    d = spec(sidecar)
    x = extracted(d["file"])
    for number, label in d["page_labels"].items():
        assert x.pages[int(number) - 1].label == label, f"page {number}"
    for sentence in d["sentences"]:
        assert unbroken(x.text, sentence), sentence
    for compound in d["compounds"]:
        assert compound in x.text, compound
    for word in d["hyphenated_words"]:
        assert re.search(rf"\b{re.escape(word)}\b", x.text), word
    for page in x.pages:
        if not page.has_text:
            continue
        lines = x.text[page.start:page.end].split("\n")
        for head in d["running_heads"]:
            assert head not in lines[0] and head not in lines[-1], (page.number, head)
    for number, heads in d.get("running_heads_by_page", {}).items():
        page = x.pages[int(number) - 1]
        flat = " ".join(x.text[page.start:page.end].split())
        for head in heads:
            assert " ".join(head.split()) not in flat, (number, head)
        assert page.running, number  # kept as the page's running text


@pytest.mark.parametrize("sidecar", SIDECARS, ids=lambda p: p.name.split(".")[0])
def test_fixture_pages_and_notes_tile_the_text(sidecar: Path) -> None:
    x = extracted(spec(sidecar)["file"])
    prev = -1
    for page in x.pages:
        if page.has_text:
            if prev >= 0:
                assert x.text[prev:page.start] in ("\n\n", "\n", "")
            prev = page.end
    for s in x.sections:
        assert 0 <= s.start < s.end <= len(x.text)
        if s.is_footnote:
            page = x.pages[next(p.number for p in x.pages if p.start <= s.start <= p.end) - 1]
            assert s.end <= page.end
            before, after = x.text[max(0, s.start - 2):s.start], x.text[s.end:s.end + 2]
            assert before in ("", "\n\n") and after in ("", "\n\n")


def test_no_docket_stamp_or_page_number_left() -> None:
    for sidecar in SIDECARS:
        x = extracted(spec(sidecar)["file"])
        assert not re.search(r"^(?:Page:? \d+(?: of \d+)?|- ?\d+ ?-|\d{1,3})$", x.text, re.M), \
            sidecar.name
        assert "Date Filed:" not in x.text and "DktEntry" not in x.text, sidecar.name
