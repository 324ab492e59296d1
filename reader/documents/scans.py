"""The library's scanned and password-protected PDFs: what OCR setting a cached result
records (so a change of setting reads scans again where it helps), and reading a
protected PDF with the password the person gave (in a worker; kept in memory only)."""

from __future__ import annotations

from pathlib import Path

from reader.documents.cache import CacheEntry, ExtractCache
from reader.errors import DocumentError, WrongPassword
from reader.extract.registry import cache_tag
from reader.model.documents import DocStatus, Document
from reader.model.ocr import OcrOptions
from reader.progress import CancelToken, ProgressFn


def ocr_key(options: OcrOptions) -> str:
    """The OCR settings as cached results record them: the languages actually used (those
    asked for that are installed) and OCR's version, "off", or "unavailable" when OCR
    cannot run on this computer."""
    from reader.extract.ocr.options import OCR_VERSION, unavailable_reason, usable_languages

    if not options.enabled:
        return "off"
    if unavailable_reason():
        return "unavailable"
    return "+".join(usable_languages(options)) + f" v{OCR_VERSION}"


def read_again(entry: CacheEntry, options: OcrOptions) -> bool:
    """Scanned pages read without OCR (off, not installed), in other languages or by an
    older OCR are read again when OCR can do what is asked now; turning OCR off keeps the
    text it recognised."""
    key = ocr_key(options)
    return bool(entry.ocr) and options.enabled and entry.ocr != key and key != "unavailable"


def read_protected(cache: ExtractCache, root: Path, doc: Document, password: str,
                   options: OcrOptions, progress: ProgressFn, cancel: CancelToken) -> None:
    """Extract ``doc`` with ``password`` and keep the result in ``cache``'s memory only.
    Raises :class:`WrongPassword` or :class:`DocumentError`."""
    from reader.documents.scan import hash_file
    from reader.extract.pool import Job, extract_many

    path = root / doc.path
    try:
        digest, _seen = hash_file(path)
    except OSError as exc:
        raise DocumentError(f"{doc.title} cannot be read ({exc}).") from exc
    if digest != doc.id:
        raise DocumentError(f"{doc.title} changed on disk.", "Re-index (F5), then open it.")
    for res in extract_many([Job(doc.id, path, password)], workers=1, progress=progress,
                            cancel=cancel, ocr=options):
        if res.status is DocStatus.PASSWORD:
            if res.reason == WrongPassword.REASON:
                raise WrongPassword(f"The password for {doc.title} is not right.")
            raise DocumentError(f"{doc.title} still needs its password.")
        if res.extracted is None:
            raise DocumentError(f"{doc.title} cannot be read: {res.reason}.")
        cache.store(doc.id, cache_tag(path), res.extracted, res.status, res.reason,
                    ocr_key(options), memory_only=True)
