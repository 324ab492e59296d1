"""PDF extraction with pdfminer.six: text per page in reading order, page labels,
per-character boxes, and a plain reason for every file that cannot be read.

``extract(path)`` returns an :class:`~reader.extract.base.Extracted` (``status`` OK, or
NO_TEXT for a scan without a text layer) or raises :class:`~reader.errors.DamagedFile`,
:class:`~reader.errors.PasswordRequired` or :class:`~reader.errors.FileTooLarge`.
Untrusted PDFs should be extracted through :mod:`reader.extract.pool`, which adds the
memory cap and time limit (a decompression bomb is only stopped there).

Pipeline: sniff the file (empty, gzip, ZIP, HTML, no ``%PDF`` header, no end marker),
open it with pdfminer (empty password first), analyse each page
(:mod:`reader.extract.pdf_layout`), then assemble the document
(:mod:`reader.extract.pdf_assemble`). When pdfminer cannot parse a file that is not
truncated, pypdf tries (:mod:`reader.extract.pdf_fallback`; flagged in ``warnings``).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reader.errors import (
    DamagedFile,
    FileTooLarge,
    PasswordRequired,
    SpecialFile,
    WrongPassword,
)
from reader.extract import heartbeat, passwords
from reader.extract.base import Extracted
from reader.extract.pdf_assemble import MIN_PAGE_CHARS
from reader.extract.pdf_layout import PageLayout
from reader.model.documents import FOOTNOTE_KIND, DocMeta, DocStatus, Page, Section
from reader.safe_files import open_regular

if TYPE_CHECKING:
    from reader.extract.pdf_read import OpenDocument

log = logging.getLogger(__name__)

#: Files bigger than this are not read (reported "too large").
MAX_PDF_BYTES = 512 * 1024 * 1024
#: A file without an end marker this big is not worth pdfminer's slow object scan.
MAX_REPAIR_BYTES = 32 * 1024 * 1024
NO_TEXT_REASON = "no text layer — needs OCR"
_MB = 1024 * 1024


@dataclass(frozen=True)
class Sniffed:
    size: int
    truncated: bool  # no startxref / %%EOF near the end


def _name(path: Path) -> str:
    return path.name


def sniff(path: Path, fp: BinaryIO, size: int) -> Sniffed:
    """Cheap checks that name what a file really is before pdfminer sees it."""
    name = _name(path)
    if size == 0:
        raise DamagedFile(f"{name} is empty (0 bytes).")
    if size > MAX_PDF_BYTES:
        raise FileTooLarge(f"{name} is {size / _MB:,.0f} MB; PDFs over "
                           f"{MAX_PDF_BYTES // _MB} MB are not read.")
    head = fp.read(1024)
    if head.startswith(b"\x1f\x8b"):
        raise DamagedFile(f"{name} is a gzip archive, not a PDF; unpack it first.")
    if head.startswith(b"PK\x03\x04"):
        raise DamagedFile(f"{name} is a ZIP archive (perhaps an Office file), not a PDF.")
    if b"%PDF-" not in head:
        low = head.lstrip().lower()
        if low.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
            raise DamagedFile(f"{name} is a web page or XML file saved with a .pdf name.")
        if low.startswith(b"{\\rtf"):
            raise DamagedFile(f"{name} is an RTF document saved with a .pdf name.")
        raise DamagedFile(f"{name} is not a PDF (it does not start with %PDF).")
    fp.seek(max(0, size - 65536))
    tail = fp.read()
    truncated = b"startxref" not in tail and b"%%EOF" not in tail
    if truncated and size > MAX_REPAIR_BYTES:
        raise DamagedFile(f"{name} is truncated or broken (no PDF end marker), and at "
                          f"{size / _MB:,.0f} MB it is too large to repair.")
    fp.seek(0)
    return Sniffed(size, truncated)


def extract(path: Path) -> Extracted:
    """Extract one PDF (see the module docstring for what is raised)."""
    path = Path(path)
    with opened(path) as doc:
        if isinstance(doc, Extracted):  # read by the fallback parser
            return doc
        part = doc.read_part(1, 0)
    return finish_parts(path, [part])


def extract_or_split(path: Path, parts: int, min_pages: int,
                     on_split: Callable[[list[tuple[int, int]]], None]) -> Extracted | PdfPart:
    """For the pool: like :func:`extract`, but a document of at least ``min_pages`` pages
    is cut into ``parts`` page ranges; ``on_split`` receives all ranges but the first,
    and the first is read and returned as a :class:`PdfPart` (see :func:`finish_parts`)."""
    path = Path(path)
    with opened(path) as doc:
        if isinstance(doc, Extracted):
            return doc
        total = doc.page_count()
        if parts > 1 and total >= max(2, min_pages):
            ranges = page_ranges(total, parts)
            ranges[-1] = (ranges[-1][0], 0)  # to the real end, whatever /Count says
            on_split(ranges[1:])
            return doc.read_part(*ranges[0])
        part = doc.read_part(1, 0)
    return finish_parts(path, [part])


def read_part(path: Path, first: int, last: int) -> PdfPart:
    """Pages ``first``..``last`` of a PDF already known to open (one part of a split)."""
    path = Path(path)
    with opened(path) as doc:
        if isinstance(doc, Extracted):
            raise DamagedFile(f"{_name(path)} cannot be parsed page by page.")
        return doc.read_part(first, last)


def page_ranges(total: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` contiguous, nearly equal, 1-based inclusive page ranges covering ``total``."""
    parts = max(1, min(parts, total))
    bounds = [round(i * total / parts) for i in range(parts + 1)]
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(parts)]


@dataclass
class PdfPart:
    """Analysed pages of one page range, picklable (sent between pool workers)."""

    first: int
    last: int
    total: int
    layouts: list[PageLayout]
    failures: list[str]
    truncated: bool
    hints: DocMeta


class _Opened:
    def __init__(self, path: Path, doc: OpenDocument, sniffed: Sniffed) -> None:
        self.path, self.doc, self.sniffed = path, doc, sniffed

    def page_count(self) -> int:
        return self.doc.page_count()

    def read_part(self, first: int, last: int) -> PdfPart:
        failures: list[str] = []
        layouts = list(self.doc.layouts(heartbeat.beat, first, last, failures))
        return PdfPart(first, last or self.doc.page_count(), self.doc.page_count(), layouts,
                       failures, self.sniffed.truncated,
                       self.doc.info_hints() if first <= 1 else DocMeta())


@contextmanager
def opened(path: Path) -> Iterator[_Opened | Extracted]:
    """The PDF opened by pdfminer, or the whole document read by the fallback parser.
    Raises DamagedFile / PasswordRequired / FileTooLarge."""
    try:
        with open_regular(path) as fp:  # never a pipe or a device
            size = os.fstat(fp.fileno()).st_size
            sniffed = sniff(path, fp, size)
            yield _open(path, fp, sniffed)
    except FileNotFoundError as exc:
        raise DamagedFile(f"{_name(path)} is missing (moved or deleted while reading).") from exc
    except IsADirectoryError as exc:
        raise DamagedFile(f"{_name(path)} is a folder, not a PDF.") from exc
    except PermissionError as exc:
        raise DamagedFile(f"{_name(path)} cannot be read: permission denied.") from exc
    except SpecialFile as exc:
        raise DamagedFile(exc.message) from exc
    except OSError as exc:
        raise DamagedFile(f"{_name(path)} cannot be read: {exc.strerror or exc}.") from exc


def _describe(exc: BaseException) -> str:
    """A short phrase for a parser exception (they rarely have a useful message)."""
    from pdfminer.psexceptions import PSEOF

    if isinstance(exc, PSEOF):
        return "it ends unexpectedly (truncated?)"
    text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    if "No /Root object" in text:
        return "its structure cannot be found (no /Root object)"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _open(path: Path, fp: BinaryIO, sniffed: Sniffed) -> _Opened | Extracted:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    from reader.extract import pdf_read

    name = _name(path)
    try:
        return _Opened(path, pdf_read.read_document(fp), sniffed)
    except PDFPasswordIncorrect as exc:
        if passwords.current():
            raise WrongPassword(f"{name}: {WrongPassword.REASON}.") from exc
        raise PasswordRequired(f"{name} is encrypted and needs a password.") from exc
    except (MemoryError, RecursionError):
        raise
    except PDFEncryptionError as exc:
        return _fallback(path, f"its encryption is not supported by the main parser ({exc})")
    except Exception as exc:  # pdfminer raises many types on bad input
        log.debug("pdfminer cannot open %s", path, exc_info=True)
        if sniffed.truncated:
            raise DamagedFile(f"{name} is truncated: it ends before the PDF end marker.") from exc
        return _fallback(path, _describe(exc))


def finish_parts(path: Path, parts: list[PdfPart]) -> Extracted:
    """The document from its parts (in page order), as :func:`extract` gives it."""
    from reader.extract.pdf_read import result_from_layouts

    name = _name(path)
    parts = sorted(parts, key=lambda p: p.first)
    layouts: list[PageLayout] = []
    for p in parts:  # move, not copy: assembling frees pages as it goes
        layouts.extend(p.layouts)
        p.layouts.clear()
    failures = [f for p in parts for f in p.failures]
    truncated = any(p.truncated for p in parts)
    result = result_from_layouts(layouts, failures)
    warnings = list(result.warnings)
    if truncated:
        warnings.insert(0, "the file is truncated (no end marker); pages may be missing")
    if not result.pages:
        if truncated:
            raise DamagedFile(f"{name} is truncated: no page could be found.")
        fallback = _fallback(path, "no page could be read")
        return fallback
    if result.failed_pages == len(result.pages):
        raise DamagedFile(f"{name} cannot be parsed: none of its {len(result.pages)} pages "
                          f"could be read ({result.first_failure}).")
    return finish(path, result.text, result.pages, result.page_chars, result.image_pages,
                  result.boxes, warnings, parts[0].hints, result.furniture, result.notes)


def finish(path: Path, text: str, pages: tuple[Page, ...], page_chars: tuple[int, ...],
           image_pages: frozenset[int], boxes: bytes | None, warnings: list[str],
           hints: DocMeta, furniture: tuple[tuple[int, str], ...] = (),
           notes: tuple[tuple[int, int, str, int], ...] = ()) -> Extracted:
    """Page flags, status, warnings, sections and metadata: shared with the fallback."""
    from reader.extract.metadata import guess_meta_sourced

    fixed = []
    empty: list[int] = []
    for page, chars in zip(pages, page_chars, strict=True):
        has_text = chars > 0 and not (chars < MIN_PAGE_CHARS and page.number in image_pages)
        if not has_text:
            empty.append(page.number)
        fixed.append(Page(page.number, page.start, page.end, page.label, has_text,
                          page.running))
    status, reason = DocStatus.OK, ""
    scanned_look = 2 * sum(1 for p in pages if p.number in image_pages) >= len(pages)
    if sum(page_chars) == 0 or (scanned_look and all(c < MIN_PAGE_CHARS for c in page_chars)):
        # No text at all, or a scan with a few stamp words ("RECEIVED MAR 03").
        status, reason = DocStatus.NO_TEXT, NO_TEXT_REASON
    elif empty:
        scanned = [n for n in empty if n in image_pages]
        blank = [n for n in empty if n not in image_pages]
        if scanned:
            warnings.append(f"{_pages_phrase(scanned)} no text layer (scanned image; needs OCR)")
        if blank:
            warnings.append(f"{_pages_phrase(blank)} no text (blank)")
    sections = sections_with_notes(text, notes, {p.number: p.cite_label for p in pages})
    # A scan's few stamp words ("RECEIVED MAR 03") are no title or date.
    # The PDF's Info dictionary is a fallback: the page's own caption, date and title win.
    meta, sources = guess_meta_sourced(text if status is DocStatus.OK else "", None,
                                       filename=path.name, fallback=hints, pages=fixed,
                                       paged=True, furniture=furniture)
    return Extracted(text=text, pages=tuple(fixed), sections=sections, meta=meta,
                     sources=sources,
                     status=status, reason=reason, boxes=boxes, warnings=tuple(warnings))


def sections_with_notes(text: str, notes: tuple[tuple[int, int, str, int], ...],
                        labels: dict[int, str]) -> tuple[Section, ...]:
    """Headings found in the body text (footnotes blanked out, so a note never reads as a
    heading) and one section of kind "footnote" per footnote."""
    from reader.extract.structure import detect_sections

    if not text:
        return ()
    body = text
    if notes:
        chars = list(text)
        for start, end, _, _ in notes:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = "x"
        body = "".join(chars)
    found = list(detect_sections(body))
    for start, end, mark, page in notes:
        where = labels.get(page, str(page))
        title = f"Note {mark} (p. {where})" if mark else f"Note continued (p. {where})"
        found.append(Section(title, 9, start, end, f"n.{mark}" if mark else "", FOOTNOTE_KIND))
    return tuple(sorted(found, key=lambda s: (s.start, s.level)))


def _pages_phrase(numbers: list[int]) -> str:
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    many = len(numbers) > 1
    return f"page{'s' if many else ''} {', '.join(spans)} ha{'ve' if many else 's'}"


def _fallback(path: Path, reason: str) -> Extracted:
    from reader.extract.pdf_fallback import extract_with_pypdf

    result = extract_with_pypdf(path, reason)
    if result is None:
        raise DamagedFile(f"{_name(path)} cannot be parsed: {reason}.")
    return result


# -- metadata hints from the Info dictionary ---------------------------------------------
_JUNK_TITLE_RE = re.compile(
    r"^(?:microsoft (?:word|powerpoint|excel) - .*|untitled.*|document\d*|slide \d+|"
    r".*\.(?:docx?|pdf|rtf|indd|tmp|wpd|odt|pages|qxd|txt|html?)|[\W\d_]*)$", re.IGNORECASE)
_USERNAME_RE = re.compile(r"^(?:[a-z0-9._-]+|admin(?:istrator)?|user|owner|unknown)$",
                          re.IGNORECASE)
_PDF_DATE_RE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def clean_title(value: str) -> str:
    value = " ".join(value.split())
    return "" if len(value) < 3 or _JUNK_TITLE_RE.match(value) else value


def clean_author(value: str) -> str:
    value = " ".join(value.split())
    return "" if len(value) < 3 or _USERNAME_RE.match(value) else value


def pdf_date(value: str) -> str:
    """ISO date from a PDF date string ("D:20210303120000-05'00'"), or ""."""
    m = _PDF_DATE_RE.match(value.strip())
    if not m:
        return ""
    if value.strip().removeprefix("D:").startswith("20000101000000"):
        return ""  # a placeholder some generators write (reportlab's invariant mode)
    year = int(m.group(1))
    if not 1993 <= year <= 2100:  # PDF did not exist before 1993
        return ""
    month = int(m.group(2)) if m.group(2) else 0
    day = int(m.group(3)) if m.group(3) else 0
    if not 1 <= month <= 12:
        return f"{year:04d}"
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def hints_from_info(info: dict[str, str]) -> DocMeta:
    return DocMeta(title=clean_title(info.get("Title", "")),
                   author=clean_author(info.get("Author", "")),
                   date=pdf_date(info.get("CreationDate", "")))
