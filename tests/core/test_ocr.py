"""OCR of scanned pages in the extraction pool: text, boxes, confidence, orientation, and
what is cached. Scans are made at test time from fictional text (tests/core/ocr_fixtures)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.extract.boxes import CharBoxes
from reader.extract.ocr.options import OcrOptions
from reader.extract.ocr.words import unpack_words
from reader.extract.pool import Job, JobResult, extract_many
from reader.model.documents import DocStatus
from tests.core import ocr_fixtures as of

pytestmark = pytest.mark.skipif(bool(__import__("reader.extract.ocr.options", fromlist=["x"])
                                     .unavailable_reason()), reason="OCR not installed")


def run(*paths: Path, **kw: object) -> dict[str, JobResult]:
    kw.setdefault("ocr", OcrOptions())
    results = list(extract_many([Job(p.name, p) for p in paths], **kw))  # type: ignore[arg-type]
    return {r.key: r for r in results}


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower())


def accuracy(expected: str, got: str) -> float:
    want = words(expected)
    have = set(words(got))
    return sum(1 for w in want if w in have) / len(want)


@pytest.fixture(scope="module")
def memo_scan(tmp_path_factory: pytest.TempPathFactory) -> JobResult:
    folder = tmp_path_factory.mktemp("ocr-memo")
    pages = [of.text_page(of.MEMO_PAGES[0], noise=300),
             of.text_page(of.MEMO_PAGES[1], rotate=180, seed=2),  # page 2 upside down
             of.text_page(of.MEMO_PAGES[0], skew=-1.5, noise=200, seed=3)]  # page 3 tilted
    path = of.image_pdf(folder / "marlow-memo-scan.pdf", pages)
    return run(path, workers=2)["marlow-memo-scan.pdf"]


def test_a_scan_becomes_text_with_pages_marked_as_ocr(memo_scan: JobResult) -> None:
    r = memo_scan
    e = r.extracted
    assert r.status is DocStatus.OK and e is not None, r.reason
    assert [p.ocr for p in e.pages] == [True] * 3 and all(p.has_text for p in e.pages)
    page1 = e.text[e.pages[0].start:e.pages[0].end]
    assert accuracy(" ".join(of.MEMO_PAGES[0]), page1) >= 0.95, page1
    assert "Officers shall not arrest a person who calls for help" in page1
    assert any("text recognised by OCR" in w for w in e.warnings)
    assert e.meta.jurisdiction == "Marlow County"  # guessed from the recognised text


def test_an_upside_down_page_reads_right(memo_scan: JobResult) -> None:
    e = memo_scan.extracted
    assert e is not None
    page2 = e.text[e.pages[1].start:e.pages[1].end]
    assert accuracy(" ".join(of.MEMO_PAGES[1]), page2) >= 0.95, page2
    assert page2.startswith("Referral cards are offered")
    assert unpack_words(e.ocr or b"").angles[2] == 180


def test_a_tilted_page_is_straightened(memo_scan: JobResult) -> None:
    e = memo_scan.extracted
    assert e is not None
    page3 = e.text[e.pages[2].start:e.pages[2].end]
    assert accuracy(" ".join(of.MEMO_PAGES[0]), page3) >= 0.98, page3
    assert "Officers shall not arrest a person who calls for help" in page3
    # each word's highlight rectangle still sits on the word (within a line's height)
    boxes = CharBoxes.from_bytes(e.boxes or b"")
    words = unpack_words(e.ocr or b"").words(3)
    naloxone = next(w for w in words if w.text == "Naloxone")
    start = e.text.index("Naloxone", e.pages[2].start)
    (rect,) = boxes.rects_for(start, start + len("Naloxone"))
    assert abs(rect[1] - naloxone.box[0]) < 2 and abs(rect[2] - naloxone.box[1]) < 3


def test_words_have_boxes_in_points_and_confidence(memo_scan: JobResult) -> None:
    e = memo_scan.extracted
    assert e is not None and e.boxes and e.ocr
    boxes = CharBoxes.from_bytes(e.boxes)
    cached = unpack_words(e.ocr)
    assert cached.options == "eng"
    naloxone = next(w for w in cached.words(1) if w.text == "Naloxone")
    assert 80 <= naloxone.conf <= 100
    # the word as the text has it is drawn inside the word's box (PDF points, y up)
    start = e.text.index("Naloxone")
    (rect,) = boxes.rects_for(start, start + len("Naloxone"))
    x0, y0, x1, y1 = naloxone.box
    assert rect[0] == 1 and abs(rect[1] - x0) < 1.5 and abs(rect[3] - x1) < 1.5
    assert y0 - 3 <= rect[2] and rect[4] <= y1 + 3
    # the text was drawn at one inch from the top-left of a letter page
    assert 60 < x0 < 90 and 792 - 72 - 200 < y0 < 792 - 72
    # upside down: page 2's first line is at the bottom right as the page is displayed
    first = cached.words(2)[0]
    assert first.text == "Referral" and first.box[1] < 100 and first.box[0] > 300


def test_only_pages_without_a_text_layer_are_recognised(tmp_path: Path) -> None:
    from tests.core.pdf_fixtures import FIXTURES as FIXTURES_PDF

    hidden = tmp_path / "form_xobject.pdf"  # page 2: a scan with a hidden OCR layer
    hidden.write_bytes((FIXTURES_PDF / "form_xobject.pdf").read_bytes())
    mixed = tmp_path / "image_page2.pdf"
    mixed.write_bytes((FIXTURES_PDF / "image_page2.pdf").read_bytes())
    got = run(hidden, mixed, workers=2)
    h = got["form_xobject.pdf"].extracted
    assert h is not None and not any(p.ocr for p in h.pages) and h.ocr is None
    assert "Hidden OCR layer: the memo was received by the clerk." in h.text
    m = got["image_page2.pdf"].extracted  # page 2: grey bars, no letters
    assert m is not None and [p.ocr for p in m.pages] == [False, False, False]
    assert got["image_page2.pdf"].status is DocStatus.OK
    assert m.pages[1].note == "no text found by OCR" and not m.pages[1].has_text
    assert any("page 2: no text found by OCR" in w for w in m.warnings)
    assert "Page three has text again" in m.text[m.pages[2].start:m.pages[2].end]
    assert "Memo on pre-arrest diversion" in m.text[m.pages[0].start:m.pages[0].end]
    # the text pages' boxes moved with their text
    boxes = CharBoxes.from_bytes(m.boxes or b"")
    at = m.text.index("Page three")
    assert boxes.char_box(at) is not None and boxes.char_box(at)[0] == 3  # type: ignore[index]


def test_ocr_off_leaves_scans_flagged(tmp_path: Path) -> None:
    path = of.image_pdf(tmp_path / "scan.pdf", [of.text_page(of.MEMO_PAGES[1])])
    r = run(path, workers=1, ocr=OcrOptions(enabled=False))["scan.pdf"]
    assert r.status is DocStatus.NO_TEXT and "OCR is off" in r.reason
    assert r.extracted is not None and r.extracted.pages[0].note == "OCR is off (Settings)"
