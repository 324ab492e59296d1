"""From page layouts to the document's text, pages and packed character boxes.

Runs after every page was analysed (:mod:`reader.extract.pdf_layout`): drops running
headers and footers (:mod:`reader.extract.pdf_clean`), joins paragraphs continued across
a column or figure break, joins line-end hyphens, and writes the text following
:mod:`reader.extract.normalize` while recording, for every code point, its box.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from array import array
from dataclasses import dataclass

from reader.extract import heartbeat
from reader.extract.boxes import BoxesBuilder, PageGeometry
from reader.extract.normalize import (
    CID_RE,
    DROPPED,
    LIGATURES,
    PAGE_SEPARATOR,
    PARAGRAPH_SEPARATOR,
    normalize_text,
)
from reader.extract.pdf_clean import Vocabulary, find_running_lines, hyphen_join, line_end_hyphen
from reader.extract.pdf_layout import _TERMINAL, Line, PageLayout, Paragraph, merge_rows
from reader.model.documents import Page

log = logging.getLogger(__name__)

#: A page needs this many letters or digits to count as having a text layer.
MIN_PAGE_CHARS = 40

Run = tuple[int, int, float, float, array]  # start, page, y0, y1, xs


def _forbidden_class() -> str:
    """Every character :func:`normalize_text` would change or drop, as a regex class."""
    chars = set(LIGATURES) | DROPPED | set("\t\r\x0b\x0c\x85\u2028\u2029")
    chars |= {chr(c) for c in range(0x20) if c != 0x0A} | {chr(c) for c in range(0x7F, 0xA0)}
    chars |= {chr(c) for c in range(0x3001) if unicodedata.category(chr(c)) == "Zs"} - {" "}
    body = "".join(re.escape(c) for c in sorted(chars))
    return f"[{body}\ud800-\udfff]"


_FORBIDDEN_RE = re.compile(_forbidden_class())
_SPACING_RE = re.compile(r"  | \n|\n |\n\n\n")


def is_normal(text: str) -> bool:
    """A fast, conservative ``normalize_text(text) == text`` (True only when it holds)."""
    if not text:
        return True
    if text[0] in " \n" or text[-1] in " \n":
        return False
    if _FORBIDDEN_RE.search(text) or _SPACING_RE.search(text) or CID_RE.search(text):
        return False
    return text.isascii() or unicodedata.is_normalized("NFC", text)


@dataclass
class Assembled:
    text: str
    pages: tuple[Page, ...]
    boxes: bytes | None
    page_chars: tuple[int, ...]  # letters and digits per page (after clean-up)
    warnings: tuple[str, ...]
    #: Running heads and feet taken out of the text, (page, line): a docket stamp or a
    #: "Cite as" line still tells the metadata what the document is.
    furniture: tuple[tuple[int, str], ...] = ()


def _merge_continued(paragraphs: list[Paragraph]) -> list[list[Line]]:
    """Paragraph line lists, with a paragraph that visibly continues the previous one
    (the previous ends mid-sentence, this one starts in lower case) joined to it."""
    out: list[list[Line]] = []
    for para in paragraphs:
        lines = [ln for ln in para.lines if not ln.dropped]
        if not lines:
            continue
        if out and para.continues:
            prev = out[-1][-1]
            first = lines[0]
            same_size = (not prev.size or not first.size
                         or abs(prev.size - first.size) <= 0.15 * max(prev.size, first.size))
            if (same_size and not prev.text.endswith(_TERMINAL)
                    and first.text[:1].islower()):
                out[-1].extend(lines)
                continue
        out.append(lines)
    return out


class _PageWriter:
    """Text pieces and box runs of one page, at offsets relative to the page start."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.pieces: list[str] = []
        self.runs: list[Run] = []
        self.length = 0

    def sep(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)

    def line(self, line: Line, end: int | None = None) -> None:
        text = line.text if end is None else line.text[:end]
        n = len(text)
        base = self.length
        runs = line.yruns
        for k, (first, y0, y1) in enumerate(runs):
            last = runs[k + 1][0] if k + 1 < len(runs) else len(line.text)
            last = min(last, n)
            if first >= last or math.isnan(y0):
                continue
            self.runs.append((base + first, self.number, y0, y1,
                              line.xs[2 * first: 2 * last]))
        self.pieces.append(text)
        self.length += n


def _write_page(page: PageLayout, vocab: Vocabulary) -> _PageWriter:
    w = _PageWriter(page.number)
    paragraphs = merge_rows(page.paragraphs, page.width)
    for p_index, lines in enumerate(_merge_continued(paragraphs)):
        if p_index:
            w.sep(PARAGRAPH_SEPARATOR)
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and line_end_hyphen(line.text):
                how = hyphen_join(line.text, nxt.text, vocab)
                if how == "join":
                    w.line(line, end=len(line.text) - 1)
                    continue
                if how == "keep":
                    w.line(line)
                    continue
            w.line(line)
            if nxt is not None:
                w.sep("\n")
    return w


def assemble(layouts: list[PageLayout], *, want_boxes: bool = True) -> Assembled:
    """The document from its analysed pages. Consumes ``layouts``: each page is released
    as soon as it is written, so a 2,000-page report never holds its pages and its text
    and boxes in memory at once."""
    cleanup = find_running_lines(layouts)
    vocab = Vocabulary.of(layouts)
    builder = BoxesBuilder() if want_boxes else None
    pieces: list[str] = []
    pages: list[Page] = []
    page_chars: list[int] = []
    warnings: list[str] = []
    pos = 0
    total = len(layouts)
    furniture = _furniture(layouts)
    layouts.reverse()  # pop from the end: page order, each page freed once written
    for done in range(1, total + 1):
        page = layouts.pop()
        if done % 50 == 0:
            heartbeat.beat(done, total)
        if builder is not None:
            builder.add_page(PageGeometry(page.number, page.width, page.height, page.crop))
        w = _write_page(page, vocab)
        text = "".join(w.pieces)
        if not is_normal(text) and text != normalize_text(text):  # never expected
            log.warning("page %d: text needed re-normalising; its boxes are dropped",
                        page.number)
            text = normalize_text(text)
            w.runs = []
        label = page.pdf_label or cleanup.printed.get(page.number, "") or str(page.number)
        chars = sum(1 for c in text if c.isalnum())
        page_chars.append(chars)
        if text:
            if pieces:
                pieces.append(PAGE_SEPARATOR)
                pos += len(PAGE_SEPARATOR)
            start = pos
            pieces.append(text)
            pos += len(text)
            if builder is not None:
                for r in w.runs:
                    builder.add_run(start + r[0], r[1], r[2], r[3], r[4])
            pages.append(Page(page.number, start, pos, label, has_text=True))
        else:
            pages.append(Page(page.number, pos, pos, label, has_text=False))
    # An empty page sits where the next page with text starts (after its separator).
    fixed: list[Page] = []
    for i, p in enumerate(pages):
        if not p.has_text:
            nxt = next((q.start for q in pages[i + 1:] if q.has_text), pos)
            p = Page(p.number, nxt, nxt, p.label, has_text=False)
        fixed.append(p)
    text = "".join(pieces)
    boxes = builder.pack(len(text)) if builder is not None else None
    return Assembled(text, tuple(fixed), boxes, tuple(page_chars), tuple(warnings), furniture)


MAX_FURNITURE = 60


def _furniture(layouts: list[PageLayout]) -> tuple[tuple[int, str], ...]:
    """The dropped running lines: all of the first three pages', then each new one once."""
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    for page in layouts:
        for line in page.lines():
            if line.dropped and (page.number <= 3 or line.text not in seen):
                out.append((page.number, line.text))
                seen.add(line.text)
        if len(out) >= MAX_FURNITURE:
            break
    return tuple(out[:MAX_FURNITURE])
