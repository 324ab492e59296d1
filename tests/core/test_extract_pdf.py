"""PDF extraction on the committed fixtures (scripts/make_pdf_fixtures.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer

from reader.errors import DamagedFile, FileTooLarge, PasswordRequired
from reader.extract import pdf
from reader.extract.boxes import CharBoxes
from reader.extract.normalize import normalize_text
from reader.extract.registry import extract_file
from reader.model.documents import DocStatus
from tests.core.pdf_fixtures import FIXTURES, MB, sparse_junk_pdf, sparse_valid_pdf

READABLE = ["two_column.pdf", "hyphenation.pdf", "ligatures.pdf", "type1_encoding.pdf",
            "form_xobject.pdf", "scanned.pdf", "scanned_stamp.pdf", "image_page2.pdf",
            "page_labels.pdf", "encrypted_empty_password.pdf", "rotated.pdf"]


def flat(text: str) -> str:
    return " ".join(text.split())


_cache: dict[str, object] = {}


def ex(name: str):
    if name not in _cache:
        _cache[name] = pdf.extract(FIXTURES / name)
    return _cache[name]


@pytest.mark.parametrize("name", READABLE)
def test_text_follows_the_conventions(name: str) -> None:
    r = ex(name)
    assert normalize_text(r.text) == r.text
    assert "(cid:" not in r.text
    assert not re.search("[\ufb00-\ufb06]", r.text)
    # Pages tile the text, in order: separated by a blank line, or a line break where a
    # paragraph runs on, or nothing inside a word hyphenated across the break.
    prev_end = 0
    for i, page in enumerate(r.pages, start=1):
        assert page.number == i
        assert prev_end <= page.start <= page.end <= len(r.text)
        if page.has_text and page.start > 0:
            assert r.text[prev_end:page.start] in ("\n\n", "\n", "")
        prev_end = page.end if page.has_text else prev_end
    # Boxes exist and cover every page that has text.
    boxes = CharBoxes.from_bytes(r.boxes)
    assert boxes.text_length == len(r.text)
    for page in r.pages:
        if page.end > page.start:
            assert boxes.pages_for(page.start, page.end) == (page.number,)


@pytest.mark.parametrize("name", ["two_column.pdf", "hyphenation.pdf", "ligatures.pdf"])
def test_extraction_is_deterministic(name: str) -> None:
    a, b = pdf.extract(FIXTURES / name), extract_file(FIXTURES / name)
    assert a.text == b.text and a.boxes == b.boxes and a.pages == b.pages


def test_two_columns_read_column_by_column() -> None:
    r = ex("two_column.pdf")
    text = flat(r.text)
    assert r.text.startswith("Charging Policy for Possession Offences\n\nMemorandum")
    order = ["Para one.", "Para two.", "Para three.", "Para four.", "Para five.",
             "Para six.", "Para seven.", "Para eight.", "Round 2. Para one.",
             "Round 2. Para four.", "Round 2. Para five.", "Round 3. Para one."]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    # A paragraph that runs from the bottom of the left column to the top of the right one
    # stays one paragraph, in order.
    assert ("Round 2. Para four. Where a person is found with a syringe or other harm "
            "reduction supplies, the supplies are not treated as evidence of intent to "
            "distribute.") in text
    # Running header and "Page N of 3" footers are gone; their numbers label the pages.
    assert "Policy Memo 2021-07" not in text and "Page 1 of 3" not in text
    assert [p.label for p in r.pages] == ["1", "2", "3"]
    # the page's own title wins over the file's properties (which add "(Sample)")
    assert r.meta.title == "Charging Policy for Possession Offences"
    assert r.meta.author == "Office of the District Attorney, Sample County"


def test_hyphens_and_printed_page_numbers() -> None:
    r = ex("hyphenation.pdf")
    text = flat(r.text)
    for joined in ["finish their treatment plan", "The court's programs are voluntary",
                   "Each community meeting"]:
        assert joined in text
    for kept in ["the court's drug-induced homicide docket", "Their harm-reduction services",
                 "Many Non-Hispanic participants", "asked people to self-report their use",
                 "re-arrested"]:
        assert kept in text
    assert "treat-" not in r.text and "commu-" not in r.text
    assert "Annual Report (fictional sample)" not in r.text  # running header
    assert "- 11 -" not in r.text
    assert [p.label for p in r.pages] == ["11", "12", "13"]
    assert "\n\nSeveral harm reduction agencies took part." in r.text  # paragraph kept


def test_ligatures_are_expanded() -> None:
    r = ex("ligatures.pdf")
    assert "The office filed an affidavit influenced by officials." in r.text
    assert "Efficient financial reflection matters to the final report." in r.text
    r = ex("type1_encoding.pdf")  # fi/fl glyph names in a Type 1 /Differences encoding
    assert r.text.startswith("The first office floor plan was filed.")
    assert "Garbage glyphs: end of line." in r.text  # unmapped glyphs dropped


def test_text_inside_form_xobjects_is_found() -> None:
    r = ex("form_xobject.pdf")
    assert "Text inside a form XObject: the declination list is attached." in r.text
    assert "Hidden OCR layer: the memo was received by the clerk." in r.text
    assert r.pages[1].has_text and r.status is DocStatus.OK


@pytest.mark.parametrize("name", ["scanned.pdf", "scanned_stamp.pdf"])
def test_scans_are_flagged_no_text(name: str) -> None:
    r = ex(name)
    assert r.status is DocStatus.NO_TEXT
    assert r.reason == "no text layer — needs OCR"
    assert len(r.pages) == 2 and not any(p.has_text for p in r.pages)
    assert r.meta.title != "RECEIVED"  # stamp words are no title


def test_image_page_in_a_text_pdf() -> None:
    r = ex("image_page2.pdf")
    assert r.status is DocStatus.OK
    assert [p.has_text for p in r.pages] == [True, False, True]
    assert r.pages[1].start == r.pages[1].end == r.pages[2].start
    assert any("page 2 has no text layer" in w for w in r.warnings)
    assert "Page three has text again" in r.text[r.pages[2].start:r.pages[2].end]


def test_page_labels_from_the_pdf() -> None:
    assert [p.label for p in ex("page_labels.pdf").pages] == ["i", "ii", "1", "2"]


def test_encryption() -> None:
    r = ex("encrypted_empty_password.pdf")
    assert r.status is DocStatus.OK and "Every patrol car carries naloxone" in r.text
    with pytest.raises(PasswordRequired, match="needs a password"):
        pdf.extract(FIXTURES / "password_required.pdf")


@pytest.mark.parametrize(("name", "words"), [
    ("zero_bytes.pdf", "is empty"),
    ("truncated.pdf", "is truncated"),
    ("not_a_pdf.pdf", "web page"),
    ("gzip_named.pdf", "gzip archive"),
])
def test_broken_files_raise_damaged_with_a_one_line_reason(name: str, words: str) -> None:
    with pytest.raises(DamagedFile) as info:
        pdf.extract(FIXTURES / name)
    assert words in str(info.value)
    assert "\n" not in str(info.value) and name in str(info.value)


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + b"\x00garbage" * 50, b"%PDF-", b"%PDF-1.4\n"
                                  b"1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n"
                                  b"trailer << /Root 1 0 R >>\nstartxref\n0\n%%EOF\n",
                                  b"random bytes, no header at all"])
def test_garbage_raises_damaged(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "garbage.pdf"
    p.write_bytes(data)
    with pytest.raises(DamagedFile) as info:
        pdf.extract(p)
    assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DamagedFile, match="missing"):
        pdf.extract(tmp_path / "gone.pdf")
    (tmp_path / "dir.pdf").mkdir()
    with pytest.raises(DamagedFile):
        pdf.extract(tmp_path / "dir.pdf")


def test_200_mb_files(tmp_path: Path) -> None:
    junk = sparse_junk_pdf(tmp_path / "junk.pdf", 200 * MB)
    with pytest.raises(DamagedFile, match="too large to repair"):
        pdf.extract(junk)
    valid = sparse_valid_pdf(tmp_path / "valid.pdf", 200 * MB)
    r = pdf.extract(valid)
    assert r.status is DocStatus.OK and "A big but valid sample PDF." in r.text


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "MAX_PDF_BYTES", 1000)
    with pytest.raises(FileTooLarge, match="are not read"):
        pdf.extract(FIXTURES / "two_column.pdf")


def test_fallback_parser_is_used_and_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    from pdfminer.pdfparser import PDFSyntaxError

    import reader.extract.pdf_read as pdf_read

    def broken(fp: object) -> None:
        raise PDFSyntaxError("simulated: pdfminer rejects this file")

    monkeypatch.setattr(pdf_read, "read_document", broken)
    r = pdf.extract(FIXTURES / "hyphenation.pdf")
    assert r.status is DocStatus.OK
    assert r.warnings[0].startswith("read with the fallback parser")
    assert "treat" in r.text and normalize_text(r.text) == r.text
    assert r.boxes is None and len(r.pages) == 3


def test_a_failing_page_is_contained(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.extract.pdf_read as pdf_read

    real = pdf_read.page_layout

    def flaky(lt, number, crop, label=""):
        if number == 2:
            raise KeyError("simulated broken page")
        return real(lt, number, crop, label)

    monkeypatch.setattr(pdf_read, "page_layout", flaky)
    r = pdf.extract(FIXTURES / "hyphenation.pdf")
    assert [p.has_text for p in r.pages] == [True, False, True]
    assert any("page 2" in w for w in r.warnings)

    monkeypatch.setattr(pdf_read, "page_layout", lambda *a, **k: 1 / 0)
    with pytest.raises(DamagedFile, match="none of its 3 pages"):
        pdf.extract(FIXTURES / "hyphenation.pdf")


# -- boxes against pdfminer's own characters ---------------------------------------------
def _glyphs(path: Path, page_no: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    out: list[tuple[str, tuple[float, float, float, float]]] = []

    def walk(obj: object) -> None:
        if isinstance(obj, LTChar):
            out.append((obj.get_text(), obj.bbox))
        elif isinstance(obj, LTContainer):
            for child in obj:
                walk(child)

    for i, page in enumerate(extract_pages(path), start=1):
        if i == page_no:
            walk(page)
    return out


def _glyph_span(glyphs: list, word: str, before: str = "") -> tuple[float, float, float, float]:
    """Union of the boxes of the glyphs spelling ``word`` (ligatures expanded), at its first
    occurrence after the glyph text ``before``."""
    expanded = [normalize_text(t) or t for t, _ in glyphs]
    text = "".join(expanded)
    start = text.index(before + word) + len(before)
    owners = [i for i, t in enumerate(expanded) for _ in t]
    used = sorted(set(owners[start:start + len(word)]))
    bb = [glyphs[i][1] for i in used]
    return (min(b[0] for b in bb), min(b[1] for b in bb), max(b[2] for b in bb),
            max(b[3] for b in bb))


def _close(a: tuple, b: tuple, tol: float = 1.0) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(("name", "page", "word"), [
    ("two_column.pdf", 1, "syringe"),
    ("two_column.pdf", 2, "approval"),
    ("ligatures.pdf", 1, "affidavit"),
    ("ligatures.pdf", 1, "influenced"),
    ("type1_encoding.pdf", 1, "floor"),
    ("form_xobject.pdf", 1, "declination list is attached"),
])
def test_word_boxes_match_pdfminer_glyphs(name: str, page: int, word: str) -> None:
    r = ex(name)
    boxes = CharBoxes.from_bytes(r.boxes)
    p = r.pages[page - 1]
    offset = r.text.index(word, p.start)
    rects = boxes.rects_for(offset, offset + len(word))
    assert len(rects) == 1
    got_page, *rect = rects[0]
    assert got_page == page
    assert _close(tuple(rect), _glyph_span(_glyphs(FIXTURES / name, page), word))


def test_boxes_stay_in_step_after_hyphen_joining_and_ligatures() -> None:
    r = ex("hyphenation.pdf")
    boxes = CharBoxes.from_bytes(r.boxes)
    glyphs = _glyphs(FIXTURES / "hyphenation.pdf", 1)
    offset = r.text.index("treatment plan")
    rects = boxes.rects_for(offset, offset + len("treatment"))
    assert len(rects) == 2  # "treat" ends one line, "ment" starts the next
    assert _close(rects[0][1:], _glyph_span(glyphs, "treat", before="their "))
    assert _close(rects[1][1:], _glyph_span(glyphs, "ment", before="treat-"))
    # Every word after the joins still sits on its own glyphs.
    later = r.text.index("community meeting")
    assert _close(boxes.rects_for(later + 10, later + 17)[0][1:],
                  _glyph_span(glyphs, "meeting", before="nity "))
    # Ligature: each code point of "ffi" gets a third of the glyph, in order.
    r = ex("ligatures.pdf")
    boxes = CharBoxes.from_bytes(r.boxes)
    o = r.text.index("officials")
    fi = [boxes.char_box(o + k) for k in (2, 3)]  # "f" "i" from the "ﬁ" glyph
    assert fi[0][3] <= fi[1][1] + 0.01 and fi[0][1] < fi[1][1]
    assert boxes.char_box(r.text.index("\n")) is None  # separators have no box


def test_rotated_page_reads_across_and_boxes_are_in_display_space() -> None:
    r = ex("rotated.pdf")
    assert r.text.startswith("A landscape table drawn sideways on a portrait page.\nSecond")
    boxes = CharBoxes.from_bytes(r.boxes)
    assert boxes.page_size(1) == (792.0, 612.0)
    _, x0, _, _, y1 = boxes.rects_for(0, 1)[0]
    assert x0 == pytest.approx(72.0, abs=1) and y1 == pytest.approx(612 - 72 + 9.4, abs=2)


def test_page_geometry() -> None:
    boxes = CharBoxes.from_bytes(ex("two_column.pdf").boxes)
    assert boxes.page_numbers == (1, 2, 3)
    assert boxes.page_size(1) == (612.0, 792.0)
    assert boxes.crop_box(2) == (0.0, 0.0, 612.0, 792.0)
    with pytest.raises(KeyError):
        boxes.page_size(9)


# -- metadata hints ----------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "iso"), [
    ("D:20210303120000-05'00'", "2021-03-03"), ("D:202103", "2021-03"), ("2019", "2019"),
    ("D:20000101000000+00'00'", ""), ("D:19800101", ""), ("garbage", ""), ("", ""),
    ("D:20211399", "2021"), ("D:20210245", "2021-02"),
])
def test_pdf_dates(raw: str, iso: str) -> None:
    assert pdf.pdf_date(raw) == iso


@pytest.mark.parametrize(("title", "kept"), [
    ("Microsoft Word - memo final.docx", False), ("untitled", False), ("report.pdf", False),
    ("123", False), ("Charging Policy 2021-07", True), ("  Naloxone   Access  ", True),
])
def test_junk_titles_are_not_hints(title: str, kept: bool) -> None:
    assert bool(pdf.clean_title(title)) is kept
    assert pdf.clean_author("jsmith") == "" and pdf.clean_author("Office of the DA")
