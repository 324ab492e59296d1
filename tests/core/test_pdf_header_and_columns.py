"""A memo with a full-width header above two columns (the bundled Alder County 2020 memo):
the columns are found below the header and each is read top to bottom; header labels
stay with their values."""

from __future__ import annotations

from pathlib import Path

from reader.extract.registry import extract_file

MEMO = Path(__file__).resolve().parents[2] / "corpus" / "memos" / \
    "alder-county-2020-declination-memo.pdf"


def _page_one() -> str:
    x = extract_file(MEMO)
    page = x.pages[0]
    return x.text[page.start:page.end]


def test_columns_below_a_full_width_header_are_read_in_order() -> None:
    text = _page_one()
    order = ["POLICY MEMORANDUM 2020-01", "This memorandum sets charging policy",
             "1. Purpose", "This memorandum directs", "2. Background", "Between 2014",
             "The burden of these prosecutions", "The Office has limited resources",
             "3. Definitions", "For this memorandum:", "(a) “Simple possession”"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    # a word broken across the two columns is joined, in the left column's paragraph
    assert "These collateral consequences often outweigh" in " ".join(text.split())


def test_header_labels_stay_with_their_values() -> None:
    text = _page_one()
    assert "TO: All Assistant District Attorneys" in text
    assert "CC: Chiefs of Police of Alder County" in text
    assert "RE: Declination of Simple Possession" in text
