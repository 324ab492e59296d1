"""One scanned page: render it, find which way up it is, recognise it, and give the words
with their boxes in PDF points (plain data, sent from a worker to the parent)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from reader.extract.normalize import normalize_text
from reader.extract.ocr.engine import (
    ORIENTATION_CONFIDENCE,
    POOR_CONFIDENCE,
    PixBox,
    RawWord,
    Reading,
    Recogniser,
)
from reader.extract.ocr.render import Box, PdfPages, Rendered

log = logging.getLogger(__name__)

NOTHING_FOUND = "no text found by OCR"
#: The note of a page without text that shows no image either: nothing to recognise.
BLANK = "blank page"
#: A reading with fewer words than this is checked for a turned page.
FEW_WORDS = 8


@dataclass(frozen=True)
class OcrWord:
    """A recognised word: its normalised ``text``, its box and one box per code point of
    the text (PDF points, displayed space), and Tesseract's confidence (0–100)."""

    text: str
    box: Box
    conf: float
    chars: tuple[Box, ...]


@dataclass(frozen=True)
class OcrLine:
    box: Box
    words: tuple[OcrWord, ...]


@dataclass(frozen=True)
class OcrPage:
    """What OCR found on page ``number``: paragraphs of lines, in reading order. ``angle``
    is how far the page's text was turned (0, 90, 180, 270, counter-clockwise); ``note``
    says why a page has no words ("no text found by OCR", …)."""

    number: int
    paragraphs: tuple[tuple[OcrLine, ...], ...]
    angle: int = 0
    dpi: float = 0.0
    note: str = ""

    @property
    def words(self) -> list[OcrWord]:
        return [w for para in self.paragraphs for line in para for w in line.words]

    @property
    def mean_conf(self) -> float:
        words = self.words
        return round(sum(w.conf for w in words) / len(words), 1) if words else 0.0


def recognise_page(pages: PdfPages, number: int, recogniser: Recogniser) -> OcrPage:
    """OCR page ``number`` (1-based). A page turned sideways or upside down is read the
    right way up: when the upright reading is poor, Tesseract's orientation detection is
    asked and the turned image read again; the better reading wins."""
    rendered = pages.render(number, pages.ocr_dpi(number))
    reading = recogniser.read(rendered.image)
    angle = 0
    if reading.mean_conf < POOR_CONFIDENCE or len(reading.words) < FEW_WORDS:
        turn, conf = recogniser.orientation(rendered.image, rendered.dpi)
        if turn and conf >= ORIENTATION_CONFIDENCE:
            turned = recogniser.read(rendered.image.rotate(turn, expand=True))
            if turned.score > reading.score:
                reading, angle = turned, turn
    page = to_page(number, reading, rendered, angle)
    rendered.image.close()
    return page


def _unturn(box: PixBox, angle: int, width: int, height: int) -> PixBox:
    """A box in the image turned ``angle`` degrees counter-clockwise (PIL ``rotate`` with
    ``expand``) as a box in the original ``width`` × ``height`` image."""
    x0, y0, x1, y1 = box
    if angle == 180:
        pts = [(width - x0, height - y0), (width - x1, height - y1)]
    elif angle == 90:
        pts = [(width - y0, x0), (width - y1, x1)]
    elif angle == 270:
        pts = [(y0, height - x0), (y1, height - x1)]
    else:
        return box
    (ax, ay), (bx, by) = pts
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _points(box: PixBox, rendered: Rendered) -> Box:
    x0, y0 = rendered.to_points(box[0], box[3])
    x1, y1 = rendered.to_points(box[2], box[1])
    return (round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2))


def _char_pixel_boxes(word: RawWord, n: int, line: PixBox) -> list[PixBox]:
    """One pixel box per code point of the normalised word (``n`` of them): the symbols'
    extents when Tesseract gave one per code point, else the word cut in equal parts; the
    height is the line's."""
    x0, _, x1, _ = word.box
    _, ly0, _, ly1 = line
    if len(word.symbols) == n:
        return [(a, ly0, b, ly1) for a, b in word.symbols]
    step = (x1 - x0) / max(1, n)
    return [(round(x0 + i * step), ly0, round(x0 + (i + 1) * step), ly1) for i in range(n)]


def to_page(number: int, reading: Reading, rendered: Rendered, angle: int) -> OcrPage:
    """The reading's words in PDF points (turned back to the page as it is displayed)."""
    w, h = rendered.image.width, rendered.image.height
    paragraphs: list[tuple[OcrLine, ...]] = []
    for para in reading.paragraphs:
        lines: list[OcrLine] = []
        for line in para.lines:
            words: list[OcrWord] = []
            for raw in line.words:
                text = normalize_text(raw.text).replace("\n", " ").strip()
                if not text or " " in text:
                    text = "".join(text.split())
                if not text:
                    continue
                chars = _char_pixel_boxes(raw, len(text), line.box)
                words.append(OcrWord(
                    text, _points(_unturn(raw.box, angle, w, h), rendered),
                    round(raw.conf, 1),
                    tuple(_points(_unturn(c, angle, w, h), rendered) for c in chars)))
            if words:
                lines.append(OcrLine(_points(_unturn(line.box, angle, w, h), rendered),
                                     tuple(words)))
        if lines:
            paragraphs.append(tuple(lines))
    note = "" if paragraphs else NOTHING_FOUND
    return OcrPage(number, tuple(paragraphs), angle, round(rendered.dpi, 1), note)
