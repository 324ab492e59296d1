"""One scanned page: render it, find which way up it is, recognise it, and give the words
with their boxes in PDF points (plain data, sent from a worker to the parent)."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

from PIL import Image

from reader.extract.normalize import normalize_text
from reader.extract.ocr.deskew import estimate_skew
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
    skew: float = 0.0  # degrees the scan was tilted (straightened before reading)

    @property
    def words(self) -> list[OcrWord]:
        return [w for para in self.paragraphs for line in para for w in line.words]

    @property
    def mean_conf(self) -> float:
        words = self.words
        return round(sum(w.conf for w in words) / len(words), 1) if words else 0.0


Step = tuple[str, float, int, int]  # "skew" | "turn", degrees, size of the image before


def _straighten(image: Any, dpi: float, steps: list[Step]) -> Any:
    angle = estimate_skew(image, dpi)
    if not angle:
        return image
    steps.append(("skew", angle, image.width, image.height))
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def recognise_page(pages: PdfPages, number: int, recogniser: Recogniser) -> OcrPage:
    """OCR page ``number`` (1-based). A tilted scan is straightened first
    (:mod:`.deskew`). A page turned sideways or upside down is read the right way up:
    when the upright reading is poor, Tesseract's orientation detection is asked and the
    turned image read again; the better reading wins."""
    rendered = pages.render(number, pages.ocr_dpi(number))
    steps: list[Step] = []
    image = _straighten(rendered.image, rendered.dpi, steps)
    reading = recogniser.read(image)
    angle = 0
    if reading.mean_conf < POOR_CONFIDENCE or len(reading.words) < FEW_WORDS:
        turn, conf = recogniser.orientation(image, rendered.dpi)
        if turn and conf >= ORIENTATION_CONFIDENCE:
            turned_steps = [*steps, ("turn", float(turn), image.width, image.height)]
            turned_image = image.rotate(turn, expand=True)
            if turn in (90, 270):  # a sideways page's tilt shows only once it is upright
                turned_image = _straighten(turned_image, rendered.dpi, turned_steps)
            turned = recogniser.read(turned_image)
            if turned.score > reading.score:
                reading, angle, steps = turned, turn, turned_steps
    page = to_page(number, reading, rendered, angle, steps)
    rendered.image.close()
    return page


def _unmap(box: PixBox, steps: list[Step]) -> PixBox:
    """A box in the image Tesseract read as a box in the rendered page."""
    for kind, angle, w, h in reversed(steps):
        box = _unskew(box, angle, w, h) if kind == "skew" else _unturn(box, int(angle), w, h)
    return box


def _unskew(box: PixBox, angle: float, width: int, height: int) -> PixBox:
    """A box in an image turned ``angle`` degrees counter-clockwise about its centre (PIL
    ``rotate`` without ``expand``) as the box around it in the original image."""
    cx, cy = width / 2, height / 2
    c, s = math.cos(math.radians(-angle)), math.sin(math.radians(-angle))
    x0, y0, x1, y1 = box
    xs, ys = [], []
    for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        dx, dy = x - cx, y - cy
        xs.append(cx + dx * c + dy * s)
        ys.append(cy - dx * s + dy * c)
    return (round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys)))


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


def to_page(number: int, reading: Reading, rendered: Rendered, angle: int,
            steps: list[Step] | None = None) -> OcrPage:
    """The reading's words in PDF points (turned and tilted back to the page as it is
    displayed; ``steps``: what was done to the image before it was read)."""
    steps = steps if steps is not None else (
        [("turn", float(angle), rendered.image.width, rendered.image.height)] if angle else [])
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
                    text, _points(_unmap(raw.box, steps), rendered),
                    round(raw.conf, 1),
                    tuple(_points(_unmap(c, steps), rendered) for c in chars)))
            if words:
                lines.append(OcrLine(_points(_unmap(line.box, steps), rendered),
                                     tuple(words)))
        if lines:
            paragraphs.append(tuple(lines))
    note = "" if paragraphs else NOTHING_FOUND
    skew = sum(a for kind, a, _, _ in steps if kind == "skew")
    return OcrPage(number, tuple(paragraphs), angle, round(rendered.dpi, 1), note,
                   round(skew, 2))
