"""The extracted-text cache: content-addressed by (hash, extractor tag), machine-local,
derived (deleting it loses nothing). Failures are cached too, so a broken file is not
re-read on every scan; ``rebuild`` retries them."""

from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.extract.base import Extracted
from reader.jsonio import atomic_write_bytes
from reader.model.documents import DocMeta, DocStatus, Link, Page, Section
from reader.paths import extract_cache_dir

log = logging.getLogger(__name__)

CACHE_VERSION = 1


@dataclass(frozen=True)
class CacheEntry:
    status: DocStatus
    reason: str
    meta: DocMeta
    pages: int
    chars: int
    paged_labels: bool
    #: OCR: the settings scanned pages were read with ("eng", "off", "unavailable"; "" when
    #: the document has no page without a text layer)
    ocr: str = ""
    #: where the text came from: "" (the file's text), "OCR", "text + OCR"
    source: str = ""


class ExtractCache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or extract_cache_dir()
        self._transient: dict[tuple[str, str], CacheEntry] = {}

    def _file(self, digest: str, tag: str, suffix: str) -> Path:
        return self.root / digest[:2] / f"{digest}.{tag}{suffix}"

    def text_path(self, digest: str, tag: str) -> Path:
        return self._file(digest, tag, ".json.gz")

    def boxes_path(self, digest: str, tag: str) -> Path:
        return self._file(digest, tag, ".boxes")

    def summary_path(self, digest: str, tag: str) -> Path:
        return self._file(digest, tag, ".meta.json")

    def ocr_path(self, digest: str, tag: str) -> Path:
        return self._file(digest, tag, ".ocr.json.gz")

    def has(self, digest: str, tag: str) -> bool:
        return self.summary_path(digest, tag).exists()

    # -- writing ---------------------------------------------------------------------------
    def store(self, digest: str, tag: str, result: Extracted | None, status: DocStatus,
              reason: str, ocr_key: str = "") -> CacheEntry:
        """Save an extraction result (or a failure) and return its summary. A missing
        extractor is not the file's fault: that outcome is kept in memory for this session
        only, never written, so the file is read again once the install is fixed.
        ``ocr_key``: the OCR settings of this run (recorded for documents with scanned
        pages, so that turning OCR on or changing its languages reads them again)."""
        if result is not None:
            status, reason = result.status, result.reason or reason
            body = {
                "version": CACHE_VERSION,
                "text": result.text,
                "pages": [_page_row(p) for p in result.pages],
                "sections": [[s.title, s.level, s.start, s.end, s.number, s.kind]
                             for s in result.sections],
                "links": [[k.start, k.end, k.target, k.href] for k in result.links],
            }
            data = gzip.compress(json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                 compresslevel=5, mtime=0)
            atomic_write_bytes(self.text_path(digest, tag), data)
            if result.boxes:
                atomic_write_bytes(self.boxes_path(digest, tag), result.boxes)
            if result.ocr:
                atomic_write_bytes(self.ocr_path(digest, tag), result.ocr)
            scanned = any(p.ocr or p.note for p in result.pages)
            entry = CacheEntry(status, reason, result.meta, len(result.pages),
                               len(result.text), any(p.label for p in result.pages),
                               ocr=ocr_key if scanned and ocr_key else "",
                               source=text_source(result.pages))
        else:
            entry = CacheEntry(status, reason, DocMeta(), 0, 0, False)
            if status is DocStatus.NOT_INSTALLED:
                self._transient[(digest, tag)] = entry
                return entry
        summary = {
            "version": CACHE_VERSION, "status": entry.status.value, "reason": entry.reason,
            "meta": entry.meta.__dict__, "pages": entry.pages, "chars": entry.chars,
            "paged_labels": entry.paged_labels, "ocr": entry.ocr, "source": entry.source,
        }
        atomic_write_bytes(self.summary_path(digest, tag),
                           json.dumps(summary, ensure_ascii=False).encode("utf-8"))
        return entry

    # -- reading ---------------------------------------------------------------------------
    def summary(self, digest: str, tag: str) -> CacheEntry | None:
        """The cached summary, or None when absent or unreadable (then re-extract)."""
        path = self.summary_path(digest, tag)
        try:
            raw = json.loads(path.read_bytes())
            meta = DocMeta(**{k: str(v) for k, v in raw.get("meta", {}).items()
                              if k in DocMeta.__dataclass_fields__})
            entry = CacheEntry(DocStatus(raw["status"]), str(raw.get("reason", "")), meta,
                               int(raw.get("pages", 0)), int(raw.get("chars", 0)),
                               bool(raw.get("paged_labels", False)),
                               str(raw.get("ocr", "")), str(raw.get("source", "")))
        except FileNotFoundError:
            return self._transient.get((digest, tag))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring a damaged cache entry %s: %s", path.name, exc)
            return None
        if entry.status is DocStatus.OK and not self.text_path(digest, tag).exists():
            return None
        return entry

    def load_text(self, digest: str, tag: str) -> tuple[str, tuple[Page, ...],
                                                          tuple[Section, ...],
                                                          tuple[Link, ...]] | None:
        path = self.text_path(digest, tag)
        try:
            body: dict[str, Any] = json.loads(gzip.decompress(path.read_bytes()))
            text = body["text"]
            pages = tuple(_page(*row) for row in body["pages"])
            # entries written before statutes had notes have five fields
            sections = tuple(Section(*row[:5], kind=str(row[5]) if len(row) > 5 else "")
                             for row in body["sections"])
            links = tuple(Link(s, e, target, href)
                          for s, e, target, href in body.get("links", ()))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
            log.warning("ignoring a damaged cached text %s: %s", path.name, exc)
            return None
        return text, pages, sections, links

    def load_boxes(self, digest: str, tag: str) -> bytes | None:
        try:
            return self.boxes_path(digest, tag).read_bytes()
        except OSError:
            return None

    def load_ocr(self, digest: str, tag: str) -> bytes | None:
        """The packed OCR words (:mod:`reader.extract.ocr.words`), or None."""
        try:
            return self.ocr_path(digest, tag).read_bytes()
        except OSError:
            return None


def text_source(pages: tuple[Page, ...]) -> str:
    """"OCR" when every page with text was recognised, "text + OCR" when some were."""
    with_text = [p for p in pages if p.has_text]
    recognised = sum(1 for p in with_text if p.ocr)
    if not recognised:
        return ""
    return "OCR" if recognised == len(with_text) else "text + OCR"


def _page_row(p: Page) -> list[object]:
    """A page as a cache row; OCR fields only where there are some (older entries have
    five fields and read the same). Field 6 is the page's running head."""
    row: list[object] = [p.number, p.start, p.end, p.label, p.has_text]
    if p.ocr or p.note:
        row += ["", p.ocr, p.note]
    return row


def _page(n: int, s: int, e: int, lb: str, ht: bool, running: str = "", ocr: bool = False,
          note: str = "") -> Page:
    return Page(number=n, start=s, end=e, label=lb, has_text=ht, ocr=bool(ocr),
                note=str(note))
