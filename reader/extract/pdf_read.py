"""Driving pdfminer over an open PDF: page by page, with progress beats, per-page error
containment, page labels and the Info dictionary."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import Matrix, apply_matrix_rect, decode_text

from reader.extract import passwords
from reader.extract.pdf_assemble import assemble
from reader.extract.pdf_device import CharDevice
from reader.extract.pdf_layout import PageLayout, page_layout
from reader.model.documents import DocMeta, Page

log = logging.getLogger(__name__)

BeatFn = Callable[[int, int], None]

@dataclass
class ReadResult:
    text: str
    pages: tuple[Page, ...]
    page_chars: tuple[int, ...]
    image_pages: frozenset[int]  # pages mostly covered by an image
    boxes: bytes | None
    warnings: tuple[str, ...]
    failed_pages: int
    first_failure: str
    notes: tuple[tuple[int, int, str, int], ...] = ()
    furniture: tuple[tuple[int, str], ...] = ()  # running lines taken out: (page, text)


def _rotation_ctm(page: PDFPage) -> Matrix:
    """The matrix pdfminer applies to a page (``PDFPageInterpreter.process_page``)."""
    (x0, y0, x1, y1) = page.mediabox
    if page.rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if page.rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if page.rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


def _crop(page: PDFPage) -> tuple[float, float, float, float]:
    try:
        x0, y0, x1, y1 = apply_matrix_rect(_rotation_ctm(page), page.cropbox)
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    except Exception:  # a malformed crop box: the whole page is visible
        return (0.0, 0.0, 0.0, 0.0)


class OpenDocument:
    """A PDF opened by pdfminer with the empty password, or the one the person gave for
    this job (:mod:`reader.extract.passwords`)."""

    def __init__(self, fp: BinaryIO) -> None:
        self.fp = fp
        self.doc = PDFDocument(PDFParser(fp), password=passwords.current() or "")
        self.rsrc = PDFResourceManager(caching=True)

    def page_count(self) -> int:
        try:
            count = resolve1(resolve1(self.doc.catalog["Pages"]).get("Count"))
            return count if isinstance(count, int) and count > 0 else 0
        except Exception:
            return 0

    def info(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for info in self.doc.info or []:
            try:
                items = resolve1(info).items()
            except Exception:
                continue
            for key, value in items:
                try:
                    value = resolve1(value)
                    if isinstance(value, bytes):
                        value = decode_text(value)
                    elif isinstance(value, PSLiteral):
                        value = str(value.name)
                    if isinstance(value, str) and value.strip():
                        out.setdefault(str(key), value.replace("\x00", "").strip())
                except Exception:
                    continue
        return out

    def info_hints(self) -> DocMeta:
        from reader.extract.pdf import hints_from_info
        return hints_from_info(self.info())

    def layouts(self, progress: BeatFn, first: int = 1, last: int = 0,
                failures: list[str] | None = None) -> Iterator[PageLayout]:
        """Analysed pages ``first``..``last`` (1-based, ``last`` 0: to the end). A page that
        fails to parse is yielded empty and its reason appended to ``failures``."""
        total = self.page_count()
        device = CharDevice(self.rsrc)
        interp = PDFPageInterpreter(self.rsrc, device)
        pages = PDFPage.create_pages(self.doc)
        number = 0
        while True:
            try:
                page = next(pages)
            except StopIteration:
                return
            except (MemoryError, RecursionError):
                raise
            except Exception as exc:  # a broken page tree: keep the pages found so far
                log.debug("page tree broken after page %d", number, exc_info=True)
                if failures is not None:
                    failures.append(f"the page list is damaged after page {number} "
                                    f"({type(exc).__name__})")
                return
            number += 1
            if number < first:
                continue
            if last and number > last:
                return
            label = page.label if isinstance(page.label, str) else ""
            try:
                interp.process_page(page)
                yield page_layout(device.page, number, _crop(page), label)
            except MemoryError:
                raise
            except Exception as exc:  # one bad page must not lose the document
                log.debug("page %d failed", number, exc_info=True)
                if failures is not None:
                    failures.append(f"page {number}: {type(exc).__name__}: "
                                    f"{str(exc)[:80]}".rstrip(": "))
                device = CharDevice(self.rsrc)
                interp = PDFPageInterpreter(self.rsrc, device)
                yield _empty_layout(page, number, label)
            progress(number, total)


def result_from_layouts(layouts: list[PageLayout], failures: list[str],
                        want_boxes: bool = True) -> ReadResult:
    image_pages = frozenset(p.number for p in layouts if p.image_cover >= 0.5)
    assembled = assemble(layouts, want_boxes=want_boxes)  # consumes layouts
    warnings = list(assembled.warnings)
    failed = [f for f in failures if f.startswith("page ")]
    if failures:
        warnings.append("could not read " + "; ".join(failures[:5])
                        + (f" and {len(failures) - 5} more" if len(failures) > 5 else ""))
    return ReadResult(assembled.text, assembled.pages, assembled.page_chars, image_pages,
                      assembled.boxes, tuple(warnings), len(failed),
                      failures[0] if failures else "", assembled.notes,
                      assembled.furniture)


def _empty_layout(page: PDFPage, number: int, label: str) -> PageLayout:
    try:
        x0, y0, x1, y1 = apply_matrix_rect(_rotation_ctm(page), page.mediabox)
        w, h = abs(x1 - x0), abs(y1 - y0)
    except Exception:
        w, h = 612.0, 792.0
    return PageLayout(number, w, h, _crop(page), label)


def read_document(fp: BinaryIO) -> OpenDocument:
    return OpenDocument(fp)
