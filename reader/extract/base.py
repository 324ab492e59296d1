"""What every extractor returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model.documents import DocMeta, DocStatus, FieldSource, Link, Page, Section


@dataclass(frozen=True)
class Extracted:
    """The result of extracting one file.

    ``text`` is normalised (see :mod:`reader.extract.normalize`); ``pages`` cover it with
    offsets in code points. ``boxes`` is the packed per-character geometry of PDF pages
    (see :mod:`reader.extract.boxes`), ``None`` for other formats. ``warnings`` are one-line
    notes for the log (e.g. "page 2 has no text layer"). ``sources`` say where each
    metadata value was read (page and characters, or the file's properties). ``links`` are
    the cross-references a statute marks up (offsets in ``text``). ``ocr`` holds the
    packed OCR words of scanned pages (``None`` when no page was recognised).
    """

    text: str
    pages: tuple[Page, ...]
    sections: tuple[Section, ...] = ()
    meta: DocMeta = field(default_factory=DocMeta)
    status: DocStatus = DocStatus.OK
    reason: str = ""
    boxes: bytes | None = None
    warnings: tuple[str, ...] = ()
    sources: tuple[FieldSource, ...] = ()  # where each metadata value came from
    links: tuple[Link, ...] = ()
    #: words recognised by OCR with boxes and confidence (:mod:`reader.extract.ocr.words`)
    ocr: bytes | None = None


def single_page(text: str) -> tuple[Page, ...]:
    """The page list for formats without pages: one unlabeled page spanning the text."""
    return (Page(number=1, start=0, end=len(text), label="", has_text=bool(text.strip())),)
