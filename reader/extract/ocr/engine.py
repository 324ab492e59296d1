"""Tesseract through ``tesserocr``: words with their boxes, symbol boxes and confidence,
grouped in paragraphs and lines, and the page's orientation.

Boxes here are pixels of the image given, origin at its top-left corner; :mod:`.page`
turns them into PDF points. One :class:`Recogniser` is reused for every page a worker
reads (loading a language model takes a moment).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

from reader.errors import ExtractorNotInstalled

log = logging.getLogger(__name__)

# Tesseract may start OpenMP threads in some builds: one thread per worker process, the
# pool already uses every core.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

#: Orientation is detected only when the upright reading looks poor: fewer than this mean
#: word confidence, or almost no words.
POOR_CONFIDENCE = 70.0
#: Tesseract's own orientation confidence needed to believe a turned page.
ORIENTATION_CONFIDENCE = 2.0
#: Resolution of the copy orientation detection looks at (fast, and still reliable).
OSD_DPI = 150

PixBox = tuple[int, int, int, int]  # x0, y0, x1, y1; origin top-left, y down


@dataclass(frozen=True)
class RawWord:
    text: str
    box: PixBox
    conf: float  # 0-100
    symbols: tuple[tuple[int, int], ...]  # x0, x1 of each symbol ("" when unknown)


@dataclass(frozen=True)
class RawLine:
    box: PixBox
    words: tuple[RawWord, ...]


@dataclass(frozen=True)
class RawParagraph:
    lines: tuple[RawLine, ...]


@dataclass(frozen=True)
class Reading:
    paragraphs: tuple[RawParagraph, ...]

    @property
    def words(self) -> list[RawWord]:
        return [w for p in self.paragraphs for ln in p.lines for w in ln.words]

    @property
    def mean_conf(self) -> float:
        words = self.words
        return sum(w.conf for w in words) / len(words) if words else 0.0

    @property
    def score(self) -> float:
        """How good a reading is (for choosing between orientations): confident letters."""
        return sum(w.conf * sum(c.isalnum() for c in w.text) for w in self.words)


def _tesserocr() -> Any:
    try:
        import tesserocr
    except Exception as exc:  # ImportError or a shared library that does not load
        raise ExtractorNotInstalled(
            "OCR is not available on this computer (tesserocr is not installed)") from exc
    return tesserocr


class Recogniser:
    """Tesseract for one set of languages (``"eng"``, ``"eng+deu"``)."""

    def __init__(self, languages: tuple[str, ...], data_path: str) -> None:
        self.tess = _tesserocr()
        self.languages = "+".join(languages)
        self.data_path = data_path
        self._api: Any = None
        self._osd: Any = None

    def _main(self) -> Any:
        if self._api is None:
            t = self.tess
            try:
                self._api = t.PyTessBaseAPI(path=self.data_path, lang=self.languages,
                                            psm=t.PSM.AUTO, oem=t.OEM.LSTM_ONLY)
            except RuntimeError as exc:
                raise ExtractorNotInstalled(
                    f"OCR cannot start: the language data for {self.languages} is "
                    f"missing or damaged ({exc})") from exc
            self._api.SetVariable("tessedit_do_invert", "0")  # scans are dark on light
        return self._api

    def close(self) -> None:
        for api in (self._api, self._osd):
            if api is not None:
                api.End()
        self._api = self._osd = None

    def read(self, image: Any) -> Reading:
        """Recognise a PIL image (mode ``L``)."""
        api = self._main()
        api.SetImage(image)
        api.Recognize()
        out = _walk(self.tess, api.GetIterator())
        api.Clear()
        return out

    def orientation(self, image: Any, dpi: float) -> tuple[int, float]:
        """``(degrees, confidence)``: how far the page's text is turned (counter-clockwise;
        0, 90, 180 or 270). ``(0, 0.0)`` when it cannot tell."""
        t = self.tess
        if self._osd is None:
            try:
                self._osd = t.PyTessBaseAPI(path=self.data_path, lang="osd",
                                            psm=t.PSM.OSD_ONLY)
            except RuntimeError:
                log.info("orientation detection unavailable (no osd.traineddata)")
                self._osd = False
        if self._osd is False:
            return 0, 0.0
        small = image
        if dpi > OSD_DPI * 1.2:
            f = OSD_DPI / dpi
            small = image.resize((max(1, round(image.width * f)),
                                  max(1, round(image.height * f))))
        self._osd.SetImage(small)
        try:
            found = self._osd.DetectOrientationScript()
        except RuntimeError:
            found = None
        self._osd.Clear()
        if not found:
            return 0, 0.0
        return int(found.get("orient_deg", 0)) % 360, float(found.get("orient_conf", 0.0))


def _walk(t: Any, it: Any) -> Reading:
    """Paragraphs, lines and words from a result iterator, walked symbol by symbol (so each
    word gets its symbols' boxes); an empty page gives no paragraphs."""
    RIL = t.RIL
    paragraphs: list[RawParagraph] = []
    lines: list[RawLine] = []
    words: list[RawWord] = []
    line_box: PixBox | None = None
    word: list[Any] | None = None  # text, box, conf, symbols
    if it is None:
        return Reading(())

    def end_word() -> None:
        nonlocal word
        if word is not None and word[0] and word[1]:
            words.append(RawWord(word[0], word[1], word[2], tuple(word[3])))
        word = None

    def end_line() -> None:
        nonlocal words
        end_word()
        if words and line_box is not None:
            lines.append(RawLine(line_box, tuple(words)))
        words = []

    while True:
        if not it.Empty(RIL.SYMBOL):
            if it.IsAtBeginningOf(RIL.TEXTLINE) or it.IsAtBeginningOf(RIL.PARA):
                end_line()
                if it.IsAtBeginningOf(RIL.PARA) and lines:
                    paragraphs.append(RawParagraph(tuple(lines)))
                    lines = []
                line_box = _box(it.BoundingBox(RIL.TEXTLINE))
            if it.IsAtBeginningOf(RIL.WORD) or word is None:
                end_word()
                word = [(it.GetUTF8Text(RIL.WORD) or "").strip(),
                        _box(it.BoundingBox(RIL.WORD)), float(it.Confidence(RIL.WORD)), []]
            box = it.BoundingBox(RIL.SYMBOL)
            if box:
                word[3].append((int(box[0]), int(box[2])))
        if not it.Next(RIL.SYMBOL):
            break
    end_line()
    if lines:
        paragraphs.append(RawParagraph(tuple(lines)))
    return Reading(tuple(paragraphs))


def _box(box: Any) -> PixBox | None:
    if not box:
        return None
    x0, y0, x1, y1 = (int(v) for v in box)
    return (x0, y0, x1, y1)
