"""The extracted-text cache: content-addressed by (hash, extractor tag), machine-local,
derived (deleting it loses nothing). Failures are cached too, so a broken file is not
re-read on every scan; ``rebuild`` retries them.

Every entry is checked when read: the summary names the digest and tag it belongs to and
the sha256 of the stored text (and boxes); an entry whose files do not match, or that was
written before these checks existed, is deleted and the file is read again — never served.
Only results checked against the file's fingerprint are stored (see
:mod:`reader.documents.runner`).

A cache that cannot be written (a full disk, a read-only folder) does not stop anything:
results are kept in memory for this session (the newest :data:`MEMORY_TEXTS` texts) and
:attr:`ExtractCache.problem` says why.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import ReaderError, StorageError
from reader.extract.base import Extracted
from reader.jsonio import atomic_write_bytes
from reader.model.documents import DocMeta, DocStatus, FieldSource, Link, Page, Section
from reader.paths import extract_cache_dir
from reader.safe_files import read_bytes

log = logging.getLogger(__name__)

CACHE_VERSION = 2  # 1: no checks (entries may hold another version's text: dropped)
MEMORY_TEXTS = 32
MAX_ENTRY_BYTES = 512 * 1024 * 1024

Text = tuple[str, tuple[Page, ...], tuple[Section, ...], tuple[Link, ...]]


@dataclass(frozen=True)
class CacheEntry:
    status: DocStatus
    reason: str
    meta: DocMeta
    pages: int
    chars: int
    paged_labels: bool
    sources: tuple[FieldSource, ...] = ()
    #: OCR: the settings scanned pages were read with ("eng", "off", "unavailable"; "" when
    #: the document has no page without a text layer)
    ocr: str = ""
    #: where the text came from: "" (the file's text), "OCR", "text + OCR"
    source: str = ""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ExtractCache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or extract_cache_dir()
        self.problem = ""  # why results are only kept in memory ("" when saved)
        self._summaries: dict[tuple[str, str], dict[str, Any]] = {}
        self._texts: OrderedDict[tuple[str, str], tuple[bytes, bytes | None]] = OrderedDict()
        self._transient: dict[tuple[str, str], CacheEntry] = {}  # never written (see store)

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
        return (digest, tag) in self._summaries or self.summary_path(digest, tag).exists()

    # -- writing ---------------------------------------------------------------------------
    def store(self, digest: str, tag: str, result: Extracted | None, status: DocStatus,
              reason: str, ocr_key: str = "", *, memory_only: bool = False) -> CacheEntry:
        """Save an extraction result (or a failure) and return its summary. The text is
        written first and the summary (which vouches for it) last. A missing extractor is
        not the file's fault: that outcome is kept in memory for this session only, never
        written, so the file is read again once the install is fixed. ``ocr_key``: the OCR
        settings of this run (recorded for documents with scanned pages, so that turning
        OCR on or changing its languages reads them again). ``memory_only``: kept for this
        session and never written (a password-protected PDF read with its password)."""
        text_gz: bytes | None = None
        boxes = None
        words = None
        if result is not None:
            status, reason = result.status, result.reason or reason
            body = {
                "version": CACHE_VERSION, "digest": digest, "tag": tag,
                "text": result.text,
                "pages": [_page_row(p) for p in result.pages],
                "sections": [[s.title, s.level, s.start, s.end, s.number, s.kind]
                             for s in result.sections],
                "links": [[k.start, k.end, k.target, k.href] for k in result.links],
            }
            text_gz = gzip.compress(json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                    compresslevel=5, mtime=0)
            boxes = result.boxes or None
            words = result.ocr or None
            scanned = any(p.ocr or p.note for p in result.pages)
            entry = CacheEntry(status, reason, result.meta, len(result.pages),
                               len(result.text), any(p.label for p in result.pages),
                               result.sources, ocr=ocr_key if scanned and ocr_key else "",
                               source=text_source(result.pages))
        else:
            entry = CacheEntry(status, reason, DocMeta(), 0, 0, False)
            if status is DocStatus.NOT_INSTALLED:
                self._transient[(digest, tag)] = entry
                return entry
        summary = {
            "version": CACHE_VERSION, "digest": digest, "tag": tag,
            "status": entry.status.value, "reason": entry.reason,
            "meta": entry.meta.__dict__, "pages": entry.pages, "chars": entry.chars,
            "paged_labels": entry.paged_labels,
            "text_sha256": _sha(text_gz) if text_gz is not None else "",
            "boxes_sha256": _sha(boxes) if boxes else "",
            "ocr_sha256": _sha(words) if words else "", "ocr": entry.ocr,
            "source": entry.source,
            "sources": [[s.field, s.origin, s.page, s.start, s.end, s.snippet, s.note]
                        for s in entry.sources],
        }
        if memory_only:
            self._summaries[(digest, tag)] = summary
            if text_gz is not None:
                self._texts[(digest, tag)] = (text_gz, boxes)
            return entry
        try:
            if text_gz is not None:  # not flushed to disk: checked when read (see above)
                atomic_write_bytes(self.text_path(digest, tag), text_gz, durable=False)
            if boxes:
                atomic_write_bytes(self.boxes_path(digest, tag), boxes, durable=False)
            if words:
                atomic_write_bytes(self.ocr_path(digest, tag), words, durable=False)
            atomic_write_bytes(self.summary_path(digest, tag),
                               json.dumps(summary, ensure_ascii=False).encode("utf-8"),
                               durable=False)
        except StorageError as exc:
            self._keep_in_memory(digest, tag, summary, text_gz, boxes, exc)
        return entry

    def _keep_in_memory(self, digest: str, tag: str, summary: dict[str, Any],
                        text_gz: bytes | None, boxes: bytes | None, exc: StorageError) -> None:
        if not self.problem:
            cause = exc.__cause__
            why = cause.strerror if isinstance(cause, OSError) and cause.strerror else exc
            self.problem = (f"The text cache cannot be saved ({why}): documents read now are "
                            "kept in memory and read again next time.")
            log.warning("%s", self.problem)
        self._summaries[(digest, tag)] = summary
        if text_gz is not None:
            self._texts[(digest, tag)] = (text_gz, boxes)
            while len(self._texts) > MEMORY_TEXTS:
                self._texts.popitem(last=False)

    def drop(self, digest: str, tag: str) -> None:
        """Delete an entry (it failed its check): the file will be read again."""
        self._summaries.pop((digest, tag), None)
        self._texts.pop((digest, tag), None)
        for path in (self.summary_path(digest, tag), self.text_path(digest, tag),
                     self.boxes_path(digest, tag), self.ocr_path(digest, tag)):
            with contextlib.suppress(OSError):
                path.unlink()

    # -- reading ---------------------------------------------------------------------------
    def _summary_raw(self, digest: str, tag: str) -> dict[str, Any] | None:
        raw = self._summaries.get((digest, tag))
        if raw is not None:
            return raw
        path = self.summary_path(digest, tag)
        try:
            raw = json.loads(read_bytes(path, max_bytes=MAX_ENTRY_BYTES, what="cache entry"))
        except FileNotFoundError:
            return None
        except (OSError, ReaderError, ValueError) as exc:
            log.warning("dropping a damaged cache entry %s: %s", path.name, exc)
            self.drop(digest, tag)
            return None
        if not isinstance(raw, dict) or raw.get("version") != CACHE_VERSION \
                or raw.get("digest") != digest or raw.get("tag") != tag:
            log.info("dropping an unchecked or misplaced cache entry %s", path.name)
            self.drop(digest, tag)
            return None
        return raw

    def summary(self, digest: str, tag: str) -> CacheEntry | None:
        """The cached summary, or None when absent or failing its check (then re-extract)."""
        raw = self._summary_raw(digest, tag)
        if raw is None:
            return self._transient.get((digest, tag))
        try:
            meta = DocMeta(**{k: str(v) for k, v in raw.get("meta", {}).items()
                              if k in DocMeta.__dataclass_fields__})
            entry = CacheEntry(DocStatus(raw["status"]), str(raw.get("reason", "")), meta,
                               int(raw.get("pages", 0)), int(raw.get("chars", 0)),
                               bool(raw.get("paged_labels", False)),
                               _sources(raw.get("sources")), str(raw.get("ocr", "")),
                               str(raw.get("source", "")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("dropping a damaged cache entry for %s: %s", digest[:12], exc)
            self.drop(digest, tag)
            return None
        if entry.status is DocStatus.OK and not raw.get("text_sha256"):
            self.drop(digest, tag)
            return None
        if entry.status is DocStatus.OK and (digest, tag) not in self._texts \
                and not self.text_path(digest, tag).exists():
            return None
        return entry

    def _checked_bytes(self, digest: str, tag: str, which: str) -> bytes | None:
        """The stored text (``which="text"``), boxes or OCR words, if they match the
        summary's checksum; a mismatch drops the whole entry."""
        raw = self._summary_raw(digest, tag)
        if raw is None:
            return None
        want = str(raw.get(f"{which}_sha256", ""))
        memory = self._texts.get((digest, tag))
        if memory is not None:
            self._texts.move_to_end((digest, tag))
            return memory[0] if which == "text" else memory[1] if which == "boxes" else None
        if not want:
            return None
        path = {"text": self.text_path, "boxes": self.boxes_path,
                "ocr": self.ocr_path}[which](digest, tag)
        try:
            data = read_bytes(path, max_bytes=MAX_ENTRY_BYTES, what="cache entry")
        except FileNotFoundError:
            return None
        except (OSError, ReaderError) as exc:
            log.warning("dropping an unreadable cache entry %s: %s", path.name, exc)
            self.drop(digest, tag)
            return None
        if _sha(data) != want:
            log.warning("dropping a cache entry whose %s does not match its summary: %s",
                        which, path.name)
            self.drop(digest, tag)
            return None
        return data

    def load_text(self, digest: str, tag: str) -> Text | None:
        data = self._checked_bytes(digest, tag, "text")
        if data is None:
            return None
        try:
            body: dict[str, Any] = json.loads(gzip.decompress(data))
            if body.get("digest") != digest or body.get("tag") != tag:
                raise ValueError("the text belongs to another entry")
            text = body["text"]
            pages = tuple(_page(*row) for row in body["pages"])
            # entries written before statutes had notes have five fields
            sections = tuple(_section(*row) for row in body["sections"])
            links = tuple(Link(s, e, target, href)
                          for s, e, target, href in body.get("links", ()))
        except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
            log.warning("dropping a damaged cached text for %s: %s", digest[:12], exc)
            self.drop(digest, tag)
            return None
        return text, pages, sections, links

    def load_boxes(self, digest: str, tag: str) -> bytes | None:
        return self._checked_bytes(digest, tag, "boxes")

    def load_ocr(self, digest: str, tag: str) -> bytes | None:
        """The packed OCR words (:mod:`reader.extract.ocr.words`), or None."""
        return self._checked_bytes(digest, tag, "ocr")


def text_source(pages: tuple[Page, ...]) -> str:
    """"OCR" when every page with text was recognised, "text + OCR" when some were."""
    with_text = [p for p in pages if p.has_text]
    recognised = sum(1 for p in with_text if p.ocr)
    if not recognised:
        return ""
    return "OCR" if recognised == len(with_text) else "text + OCR"


def _page_row(p: Page) -> list[object]:
    """A page as a cache row: its running head and OCR fields only where there are some
    (older entries have five fields and read the same)."""
    row: list[object] = [p.number, p.start, p.end, p.label, p.has_text]
    if p.running or p.ocr or p.note:
        row.append(p.running)
    if p.ocr or p.note:
        row += [p.ocr, p.note]
    return row


def _page(n: int, s: int, e: int, lb: str, ht: bool, running: str = "", ocr: bool = False,
          note: str = "") -> Page:
    if not isinstance(ocr, bool) or not isinstance(note, str):
        raise TypeError("a damaged page row")
    return Page(number=n, start=s, end=e, label=lb, has_text=ht, running=str(running),
                ocr=bool(ocr), note=str(note))


def _sources(raw: Any) -> tuple[FieldSource, ...]:
    """The stored sources; a damaged list loses only the sources (the metadata stays)."""
    out: list[FieldSource] = []
    if not isinstance(raw, list):
        return ()
    for item in raw:
        try:
            field, origin, page, start, end, snippet, note = item
            out.append(FieldSource(str(field), str(origin), int(page), int(start), int(end),
                                   str(snippet)[:500], str(note)[:200]))
        except (TypeError, ValueError):
            log.debug("ignoring a damaged metadata source %r", item)
    return tuple(out)


def _section(t: str, lv: int, s: int, e: int, num: str, kind: str = "") -> Section:
    return Section(title=t, level=lv, start=s, end=e, number=num, kind=str(kind))
