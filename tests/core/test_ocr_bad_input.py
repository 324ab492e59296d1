"""OCR on bad input: blank scans, a 2,400-dpi scan, a 200 × 200-inch page, the time cap,
a missing engine, damaged cached words and garbage settings."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reader.errors import DocumentError
from reader.extract.base import Extracted
from reader.extract.ocr import options as ocr_options
from reader.extract.ocr.options import OcrOptions, options_from, parse_languages
from reader.extract.ocr.page import OcrLine, OcrPage, OcrWord
from reader.extract.ocr.render import MAX_PIXELS, render_scale
from reader.extract.ocr.tasks import OcrScheduler, split_pages
from reader.extract.ocr.words import unpack_words
from reader.extract.pool import Job, JobResult, extract_many
from reader.model.documents import DocStatus, Page
from tests.core import ocr_fixtures as of

needs_ocr = pytest.mark.skipif(bool(ocr_options.unavailable_reason()),
                               reason="OCR not installed")


def run(*paths: Path, **kw: object) -> dict[str, JobResult]:
    kw.setdefault("ocr", OcrOptions())
    results = list(extract_many([Job(p.name, p) for p in paths], **kw))  # type: ignore[arg-type]
    return {r.key: r for r in results}


@needs_ocr
def test_a_blank_scan_says_no_text_found_never_an_empty_document(tmp_path: Path) -> None:
    path = of.image_pdf(tmp_path / "blank.pdf", [of.blank_page(), of.blank_page()], dpi=100)
    r = run(path, workers=1)["blank.pdf"]
    assert r.status is DocStatus.NO_TEXT
    assert r.reason == "no text found by OCR"
    assert r.extracted is not None
    assert [p.note for p in r.extracted.pages] == ["no text found by OCR"] * 2


@needs_ocr
def test_a_2400_dpi_scan_is_downsampled_within_the_memory_cap(tmp_path: Path) -> None:
    path = of.high_dpi_scan(tmp_path / "fine.pdf", of.MEMO_PAGES[0])
    r = run(path, workers=1, memory_mb=1024)["fine.pdf"]
    assert r.status is DocStatus.OK, r.reason
    e = r.extracted
    assert e is not None and e.pages[0].ocr
    assert "Naloxone is carried in every patrol vehicle." in e.text
    from reader.extract.ocr.words import unpack_words as unpack

    assert e.ocr is not None
    dpi = gzip.decompress(e.ocr).decode()
    assert '"dpi": 300.0' in dpi  # recognised at 300 dpi, not 2,400
    assert unpack(e.ocr).words(1)


def test_render_size_is_capped() -> None:
    poster = 200 * 72.0  # 200 inches, the largest page a PDF allows
    scale = render_scale(poster, poster)
    assert (poster * scale) ** 2 <= MAX_PIXELS * 1.0001
    assert render_scale(612, 792) == pytest.approx(300 / 72)
    assert render_scale(0, 0) > 0  # a degenerate page does not divide by zero


@needs_ocr
def test_a_200_inch_page_is_rendered_capped(tmp_path: Path) -> None:
    path = of.poster_scan(tmp_path / "poster.pdf")
    r = run(path, workers=1, memory_mb=1024)["poster.pdf"]
    assert r.status in (DocStatus.OK, DocStatus.NO_TEXT), r.reason
    assert r.extracted is not None and r.extracted.ocr is not None
    dpi = float(gzip.decompress(r.extracted.ocr).decode().split('"dpi": ')[1].split(",")[0])
    assert dpi <= 26  # 200 in × 25 dpi = 5,000 px a side


@needs_ocr
def test_the_time_cap_keeps_pages_done_and_marks_the_rest(tmp_path: Path) -> None:
    pages = [of.text_page(of.MEMO_PAGES[k % 2], seed=k) for k in range(16)]
    path = of.image_pdf(tmp_path / "long.pdf", pages)
    r = run(path, workers=2, max_seconds=3.0)["long.pdf"]
    assert r.status in (DocStatus.OK, DocStatus.NO_TEXT), r.reason  # never "damaged"
    e = r.extracted
    assert e is not None and len(e.pages) == 16
    stopped = [p for p in e.pages if not p.ocr]
    assert stopped and all(p.note == "OCR stopped: took longer than 3 s" for p in stopped)
    for p in e.pages:
        if p.ocr:
            assert "text recognised" not in p.note and e.text[p.start:p.end].strip()


def _page(number: int, word: str) -> OcrPage:
    box = (72.0, 700.0, 72.0 + 6 * len(word), 712.0)
    chars = tuple((72.0 + 6 * i, 700.0, 78.0 + 6 * i, 712.0) for i in range(len(word)))
    w = OcrWord(word, box, 91.0, chars)
    return OcrPage(number, ((OcrLine(box, (w,)),),), 0, 300.0)


def _scan(n: int) -> Extracted:
    pages = tuple(Page(i, 0, 0, str(i), has_text=False) for i in range(1, n + 1))
    return Extracted("", pages, status=DocStatus.NO_TEXT, reason="no text layer — needs OCR")


def test_scheduler_keeps_pages_done_when_a_worker_is_stopped() -> None:
    sched = OcrScheduler(OcrOptions(), workers=2)
    out, tasks = sched.start(0, Path("scan.pdf"), _scan(4))
    assert out is None and [t[3] for t in tasks] == [[1, 2], [3, 4]]
    sched.on_page(0, _page(1, "Naloxone"))
    sched.on_page(0, _page(3, "Referral"))
    kept = sched.stopped(0, "stopped: took longer than 30 min")
    assert kept is not None and kept.status is DocStatus.OK
    assert kept.text == "Naloxone\n\nReferral"
    assert [p.ocr for p in kept.pages] == [True, False, True, False]
    assert kept.pages[1].note == "OCR stopped: took longer than 30 min"
    assert not sched.active(0)


def test_scheduler_nothing_recognised_before_the_stop() -> None:
    sched = OcrScheduler(OcrOptions(), workers=1)
    sched.start(0, Path("scan.pdf"), _scan(2))
    kept = sched.stopped(0, "the extractor crashed (signal 6)")
    assert kept is not None and kept.status is DocStatus.NO_TEXT
    assert kept.reason == "no text layer — OCR stopped: the extractor crashed (signal 6)"


def test_without_the_engine_the_status_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_options.importlib.util, "find_spec", lambda name: None)
    sched = OcrScheduler(OcrOptions(), workers=1)
    out, tasks = sched.start(0, Path("scan.pdf"), _scan(1))
    assert not tasks and out is not None and out.status is DocStatus.NO_TEXT
    assert out.reason == ("no text layer — OCR is not available on this computer "
                          "(tesserocr is not installed)")
    assert out.pages[0].note.startswith("OCR is not available")


def test_without_language_data_the_status_says_so(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_options, "data_path", lambda: str(tmp_path))
    assert ocr_options.installed_languages() == ()
    assert "no Tesseract language data" in ocr_options.unavailable_reason()


def test_text_pdfs_go_through_unchanged() -> None:
    sched = OcrScheduler(OcrOptions(), workers=2)
    text = Extracted("Hello there.", (Page(1, 0, 12, "1"),))
    assert sched.start(0, Path("a.pdf"), text) == (text, [])


@pytest.mark.parametrize("data", [
    b"", b"not gzip", b"[1, 2]", b'{"version": 9}', b'{"version": 1, "pages": [{"n": "x"}]}',
    b'{"version": 1, "pages": [{"n": 1, "words": [["a", 1]]}]}',
], ids=["empty", "not-gzip", "a-list", "newer-version", "bad-page-number", "short-word"])
def test_damaged_cached_words_are_an_error(data: bytes) -> None:
    if data.startswith((b"[", b"{")):
        data = gzip.compress(data, mtime=0)
    with pytest.raises(DocumentError, match="saved OCR words are damaged"):
        unpack_words(data)


@pytest.mark.parametrize(("value", "expected"), [
    ("eng", ("eng",)), ("eng+deu", ("eng", "deu")), (["deu", "eng", "deu"], ("deu", "eng")),
    ("", ("eng",)), (None, ("eng",)), (42, ("eng",)), ("../../etc/passwd", ("eng",)),
    ("osd", ("eng",)), ("chi_sim, eng", ("chi_sim", "eng")), ([1, {"a": 2}, "ENG"], ("eng",)),
    ("a+b+c+d+e+f", ("eng",)), ("fra+spa+ita+por+deu", ("fra", "spa", "ita", "por")),
])
def test_language_settings_are_checked(value: object, expected: tuple[str, ...]) -> None:
    assert parse_languages(value) == expected


def test_ocr_setting_with_wrong_types_falls_back() -> None:
    assert options_from("yes", 3) == OcrOptions()
    assert options_from(False, "deu").key == "off"
    assert options_from(True, "eng+deu").key == "eng+deu"


def test_split_pages() -> None:
    assert split_pages([1, 2, 3], 2) in ([[1, 2], [3]], [[1], [2, 3]])
    assert split_pages([5], 4) == [[5]]
    parts = split_pages(list(range(100)), 3)
    assert [n for part in parts for n in part] == list(range(100)) and len(parts) == 3
