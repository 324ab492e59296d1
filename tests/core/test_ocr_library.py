"""Scanned documents in the library: OCR'd at import, searchable, listed with "OCR" as the
text's source; the OCR setting's changes read them again only when that helps."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.extract.ocr import options as ocr_options
from reader.extract.ocr.options import OcrOptions
from reader.model.documents import DocStatus
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
SCAN = "memos/brennan-county-2024-jail-medications-directive-scan.pdf"
TOLLIVER = "memos/tolliver-county-2021-overdose-scene-policy.pdf"

pytestmark = pytest.mark.skipif(bool(ocr_options.unavailable_reason()),
                                reason="OCR not installed")


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    for rel in (SCAN, TOLLIVER):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "corpus" / rel, root / rel)
    return Workspace.open(root)


def test_scans_are_read_by_ocr_and_say_so(ws: Workspace) -> None:
    lib = ws.library()
    lib.update()
    scan = lib.find(SCAN)
    assert scan.status is DocStatus.OK and scan.text_source == "OCR"
    assert scan.meta.citation == "Office Directive 2024-02"
    text = lib.text(scan.id)
    assert all(p.ocr for p in text.pages)
    assert "none of the six left with naloxone in hand" in text.text
    tolliver = lib.find(TOLLIVER)
    assert tolliver.text_source == "text + OCR"
    t = lib.text(tolliver.id)
    assert [p.ocr for p in t.pages] == [False, True, False, False]
    page2 = t.text[t.pages[1].start:t.pages[1].end]
    assert "MEMORANDUM OF UNDERSTANDING" in page2
    from reader.ops.pages import ocr_words

    assert ocr_words(ws, scan.id) is not None and lib.boxes(scan.id) is not None


def test_the_ocr_setting(ws: Workspace, monkeypatch: pytest.MonkeyPatch,
                         tmp_path: Path) -> None:
    monkeypatch.setenv("POLICY_READER_EXTRACT_CACHE", str(tmp_path / "own-cache"))
    lib = ws.library()
    lib.ocr = OcrOptions(enabled=False)
    lib.update()
    scan = lib.find(SCAN)
    assert scan.status is DocStatus.NO_TEXT and "OCR is off" in scan.reason
    assert lib.text(scan.id).pages[0].note == "OCR is off (Settings)"
    lib.ocr = OcrOptions(languages=("xyz",))  # not installed: English is used
    assert lib.ocr_key() == "eng v1"
    changes = lib.update()  # turning OCR on reads the scans again
    assert SCAN in {lib.get(d).path for d in changes.touched} or changes.extracted >= 1
    assert lib.find(SCAN).status is DocStatus.OK
    again = lib.update()  # nothing to do now
    assert again.extracted == 0
    lib.ocr = OcrOptions(enabled=False)  # turning it off keeps what was read
    assert lib.update().extracted == 0 and lib.find(SCAN).text_source == "OCR"
    monkeypatch.setattr(ocr_options, "unavailable_reason", lambda: "OCR is not available")
    lib.ocr = OcrOptions()
    assert lib.ocr_key() == "unavailable" and lib.update().extracted == 0
