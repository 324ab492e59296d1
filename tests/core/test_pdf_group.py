"""Our own character and line grouping (reader.extract.pdf_device / pdf_group) gives the
lines and text boxes pdfminer's layout analysis gives, on every fixture and corpus PDF;
pieces of justified lines cut at wide word gaps are put back together."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTFigure, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from reader.extract.pdf_device import CharDevice
from reader.extract.pdf_group import RawLine, group_boxes, group_lines, neighbour_groups

REPO = Path(__file__).resolve().parents[2]
GOOD = ["form_xobject.pdf", "hyphenation.pdf", "image_page2.pdf", "ligatures.pdf",
        "page_labels.pdf", "rotated.pdf", "two_column.pdf", "type1_encoding.pdf",
        "encrypted_empty_password.pdf"]
FILES = [REPO / "tests" / "fixtures" / "pdf" / n for n in GOOD] + sorted(
    (REPO / "corpus").rglob("*.pdf"))


def _text(line: RawLine) -> str:
    return "".join(" " if c is None else c[0] for c in line[0])


def _pdfminer(path: Path) -> list[list[list[list[str]]]]:
    """Per page, per stream (page, then figures): boxes as lists of line texts."""
    out = []
    with open(path, "rb") as fp:
        doc = PDFDocument(PDFParser(fp), password="")
        rsrc = PDFResourceManager()
        device = PDFPageAggregator(rsrc, laparams=LAParams(all_texts=True, boxes_flow=None))
        interp = PDFPageInterpreter(rsrc, device)
        for page in PDFPage.create_pages(doc):
            interp.process_page(page)
            streams: list[list[list[str]]] = []

            def walk(container, streams=streams) -> None:  # type: ignore[no-untyped-def]
                boxes = [[ln.get_text().rstrip("\n") for ln in obj
                          if isinstance(ln, LTTextLine)]
                         for obj in container if isinstance(obj, LTTextBox)]
                streams.append(boxes)
                for obj in container:
                    if isinstance(obj, LTFigure):
                        walk(obj)

            walk(device.get_result())
            out.append(streams)
    return out


def _ours(path: Path, tidy: bool) -> list[list[list[list[str]]]]:
    out = []
    with open(path, "rb") as fp:
        doc = PDFDocument(PDFParser(fp), password="")
        rsrc = PDFResourceManager()
        device = CharDevice(rsrc)
        interp = PDFPageInterpreter(rsrc, device)
        for page in PDFPage.create_pages(doc):
            interp.process_page(page)
            streams = []
            for chars in device.page.streams:
                lines = group_lines(chars)
                boxes = group_boxes(lines) if tidy else neighbour_groups(lines)
                streams.append([[_text(ln) for ln in box] for box in boxes])
            out.append(streams)
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lines_and_boxes_are_pdfminers(path: Path) -> None:
    theirs, ours = _pdfminer(path), _ours(path, tidy=False)
    assert len(theirs) == len(ours)
    for page_theirs, page_ours in zip(theirs, ours, strict=True):
        # Figures come in the same order; streams without text are left out by both.
        t = [sorted(sorted(b) for b in s) for s in page_theirs if s]
        o = [sorted(sorted(b) for b in s) for s in page_ours if s]
        assert o == t


def _char(text: str, x0: float, y0: float = 700.0, w: float = 5.0) -> tuple:
    return (text, x0, y0, x0 + w, y0 + 10.0, 10.0)


def _word_line(words: list[tuple[str, float]], y0: float) -> list[tuple]:
    chars = []
    for word, x in words:
        chars += [_char(c, x + 5 * k, y0) for k, c in enumerate(word)]
    return chars


def test_justified_pieces_are_joined_into_their_rows() -> None:
    # A justified column 100..300: the middle row has gaps of 30 pt between its words,
    # which pdfminer cuts into pieces that align with nothing.
    chars = (_word_line([("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 100)], 700)
             + _word_line([("left", 100), ("mid", 150), ("dle", 200), ("right", 275)], 686)
             + _word_line([("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 100)], 672)
             # a second column, beyond a gutter as wide as the word gaps
             + _word_line([("cccccccccccccccccccccccc", 330)], 700)
             + _word_line([("dddddddddddddddddddddddd", 330)], 686))
    boxes = [[_text(ln) for ln in b] for b in group_boxes(group_lines(chars))]
    assert ["a" * 40, "left mid dle right", "b" * 40] in boxes
    assert ["c" * 24, "d" * 24] in boxes
    assert len(boxes) == 2


def test_overprinted_pieces_are_not_joined() -> None:
    chars = (_word_line([("aaaaaaaaaaaaaaaaaaaa", 100)], 700)
             + _word_line([("bbbbbbbbbbbbbbbbbbbb", 100)], 686)
             + _word_line([("bbbbbbbbbbbbbbbbbbbb", 100.4)], 686.2))
    texts = [_text(ln) for b in group_boxes(group_lines(chars)) for ln in b]
    assert "bbbbbbbbbbbbbbbbbbbb bbbbbbbbbbbbbbbbbbbb" not in texts
