"""What the page view and OCR need from the core: a document's pages as drawn (its file,
its character boxes, the session's password), hit tests over the boxes, opening a
password-protected PDF, and the OCR setting.

The page view draws only PDFs that passed the sandboxed extraction: :func:`source` hands
out the file's path with the document's id (its content hash), and the view draws only
bytes with that hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.documents.scans import read_protected
from reader.extract.boxes import BoxesError, CharBoxes, Rect
from reader.extract.ocr.options import (
    installed_languages,
    options_from,
    parse_languages,
    unavailable_reason,
)
from reader.extract.page_index import PageIndex
from reader.extract.registry import cache_tag
from reader.model.changes import ALL, ChangeSet, Outcome
from reader.model.documents import DocStatus, Document
from reader.model.ocr import OcrOptions
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from reader.settings import Settings
from reader.workspace import Workspace

__all__ = [
    "BoxesError",
    "CharBoxes",
    "OcrChoices",
    "OcrOptions",
    "PageIndex",
    "PageSource",
    "Rect",
    "can_show_pages",
    "choices",
    "ocr_from_settings",
    "ocr_words",
    "options_from",
    "page_index",
    "parse_languages",
    "set_ocr",
    "source",
    "unlock",
]

OCR_ENABLED_KEY = "ocr.enabled"
OCR_LANGUAGES_KEY = "ocr.languages"


@dataclass(frozen=True)
class PageSource:
    """What the page view draws a document from: the file, the id its bytes must hash to,
    the packed character boxes (None: pages without highlights), the session's password."""

    path: Path
    digest: str
    boxes: bytes | None
    password: str | None


def can_show_pages(doc: Document) -> bool:
    """A PDF read by the sandboxed extraction (its text, OCR's, or none at all)."""
    return doc.format == "pdf" and doc.status in (DocStatus.OK, DocStatus.NO_TEXT)


def source(ws: Workspace, doc_id: str) -> PageSource:
    library = ws.library()
    doc = library.get(doc_id)
    return PageSource(library.absolute_path(doc_id), doc.id, library.boxes(doc_id),
                      library.password(doc_id))


def ocr_words(ws: Workspace, doc_id: str) -> bytes | None:
    """The words OCR recognised in a document, with boxes and confidence, packed
    (:mod:`reader.extract.ocr.words`; None when no page was recognised)."""
    library = ws.library()
    doc = library.get(doc_id)
    return library.cache.load_ocr(doc.id, cache_tag(Path(doc.path)))


def page_index(boxes: bytes | None, text: str) -> PageIndex | None:
    """Hit tests over a document's boxes (None without boxes, or with damaged ones)."""
    if not boxes:
        return None
    try:
        return PageIndex(CharBoxes.from_bytes(boxes), text)
    except BoxesError:
        return None


def unlock(ws: Workspace, doc_id: str, password: str, *, progress: ProgressFn = no_progress,
           cancel: CancelToken = NEVER_CANCELLED) -> Outcome[Document]:
    """Read a password-protected PDF with its password (in a worker, like every PDF). Its
    text is kept in memory for this session only, like the password (which :func:`source`
    hands the page view): neither is ever written, and the document is not added to the
    search index. Raises :class:`~reader.errors.WrongPassword`."""
    library = ws.library()
    doc = library.get(doc_id)
    if doc.status is DocStatus.PASSWORD:
        read_protected(library.cache, library.root, doc, password, library.ocr, progress,
                       cancel)
        library.passwords[doc.id] = password
        library.republish()
        doc = library.get(doc.id)
    return Outcome(doc, ChangeSet(documents=frozenset({doc.id})))


# -- the OCR setting ---------------------------------------------------------------------------
@dataclass(frozen=True)
class OcrChoices:
    installed: tuple[str, ...]  # language codes with their data installed
    unavailable: str  # why OCR cannot run here ("" when it can)


def choices() -> OcrChoices:
    return OcrChoices(installed_languages(), unavailable_reason())


def ocr_from_settings(settings: Settings) -> OcrOptions:
    return options_from(settings.get(OCR_ENABLED_KEY, True),
                        settings.get(OCR_LANGUAGES_KEY, ["eng"]))


def set_ocr(ws: Workspace, options: OcrOptions) -> Outcome[OcrOptions]:
    """Keep the OCR setting (user settings) and use it from the next read on; the caller
    refreshes the library so scans are read again where that helps."""
    options = OcrOptions(options.enabled, parse_languages(list(options.languages)))
    ws.settings.set(OCR_ENABLED_KEY, options.enabled)
    ws.settings.set(OCR_LANGUAGES_KEY, list(options.languages))
    ws.library().ocr = options
    return Outcome(options, ChangeSet(documents=frozenset({ALL})))
