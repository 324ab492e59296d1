"""A highlight's place on the printed page: line rectangles from the character boxes, and
the RFC 3778 FragmentSelectors other tools read (written and read back; garbage skipped)."""

from __future__ import annotations

import json

import pytest

from reader.annotations.page_rects import (
    RFC3778,
    decode_fragments,
    encode_fragments,
    page_rects,
)
from reader.extract.boxes import CharBoxes, PageGeometry, pack

TEXT = "naloxone saves\nlives\n\nnext page"


def _boxes() -> CharBoxes:
    def xs(x: float, n: int) -> list[float]:
        return [v for i in range(n) for v in (x + 6 * i, x + 6 * i + 6)]

    runs = [(0, 1, 700, 712, xs(72, 14)), (15, 1, 686, 698, xs(72, 5)),
            (22, 2, 700, 712, xs(100, 9))]
    geo = [PageGeometry(1, 612, 792, (0, 0, 612, 792)),
           PageGeometry(2, 612, 792, (10, 20, 602, 772))]  # a crop box on page 2
    return CharBoxes.from_bytes(pack(geo, runs, len(TEXT)))


def test_line_rectangles_from_the_top_left_of_the_page() -> None:
    rects = page_rects(_boxes(), 9, 20)  # "saves\nlives"
    assert rects == ((1, 126.0, 80.0, 30.0, 12.0), (1, 72.0, 94.0, 30.0, 12.0))
    (r,) = page_rects(_boxes(), 22, 26)  # page 2: from its crop box's corner
    assert r == (2, 90.0, 60.0, 24.0, 12.0)


def test_fragment_selectors_per_page_round_trip() -> None:
    rects = page_rects(_boxes(), 9, 31)  # two lines on page 1, one on page 2
    sels = encode_fragments(rects)
    assert [s["value"] for s in sels] == ["page=1&viewrect=72,80,84,26",
                                          "page=2&viewrect=90,60,54,12"]
    assert all(s["conformsTo"] == RFC3778 for s in sels)
    again = decode_fragments(json.loads(json.dumps(sels)))
    assert again == rects


def test_a_viewrect_alone_is_read() -> None:
    sel = {"type": "FragmentSelector", "conformsTo": RFC3778,
           "value": "page=4&viewrect=10.5,20,30,5"}
    assert decode_fragments([sel]) == ((4, 10.5, 20.0, 30.0, 5.0),)


@pytest.mark.parametrize("sel", [
    None, 3, "page=1", {"type": "TextQuoteSelector", "exact": "x"},
    {"type": "FragmentSelector", "value": "t=10,20"},  # a media fragment, not a page
    {"type": "FragmentSelector", "value": "page=0&viewrect=1,2,3,4"},
    {"type": "FragmentSelector", "value": "page=x&viewrect=1,2,3,4"},
    {"type": "FragmentSelector", "value": "page=2&viewrect=1,2,3"},
    {"type": "FragmentSelector", "value": "page=2&viewrect=1,2,-3,4"},
    {"type": "FragmentSelector", "value": "page=2&viewrect=nan,2,3,4"},
    {"type": "FragmentSelector", "value": "page=2&viewrect=1e99,2,3,4"},
    {"type": "FragmentSelector", "value": "page=2", "pr:rects": [[1, 2, "a", 4], [1, 2],
                                                                 "x", [True, 1, 1, 1]]},
    {"type": "FragmentSelector", "value": ["page=2"]},
])
def test_garbage_fragments_are_skipped(sel: object) -> None:
    assert decode_fragments([sel]) == ()


def test_a_pdf_highlight_is_stored_with_its_page_rectangles(tmp_path) -> None:
    import shutil
    from pathlib import Path

    from reader.annotations.fastfile import decode as fast_decode
    from reader.annotations.w3c_fast import decode_fast
    from reader.annotations.w3c_read import decode_lenient
    from reader.settings import Settings
    from reader.workspace import Workspace

    repo = Path(__file__).resolve().parents[2]
    root = tmp_path / "ws"
    (root / "memos").mkdir(parents=True)
    shutil.copy(repo / "corpus/memos/brennan-county-2023-treatment-conditions-directive.pdf",
                root / "memos/directive.pdf")
    settings = Settings(tmp_path / "settings.json")
    ws = Workspace.open(root, settings=settings)
    ws.library().update()
    doc = ws.library().find("memos/directive.pdf")
    text = ws.library().text(doc.id).text
    start = text.index("threat of jail would keep people")
    store = ws.annotations()
    h = store.create(doc.id, start, start + len("threat of jail would keep people"))
    assert h.rects and h.rects[0][0] == 1
    _page, left, top, width, height = h.rects[0]
    assert 60 < left < 550 and 0 < top < 792 and 100 < width < 400 and 5 < height < 20
    store.save()
    raw = store.my_path.read_text("utf-8")
    assert '"type":"FragmentSelector"' in raw and "page=1&viewrect=" in raw
    assert '"type":"TextQuoteSelector","exact":"threat of jail would keep people"' in raw
    again = Workspace.open(root, settings=settings).annotations()
    assert again.get(h.id).rects == h.rects
    # the three readers agree
    item = next(i for i in json.loads(raw)["first"]["items"] if i["id"] == h.id)
    fast = decode_fast(item, h.author)
    lenient = decode_lenient(item, author=h.author)
    assert fast is not None and fast.rects == lenient.rects == h.rects
    assert fast_decode(raw.encode()) is not None
