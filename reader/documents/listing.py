"""The document a file of the library is (:func:`document_for`), from what is known of the
file, its cached extraction and the group's metadata corrections."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.documents.cache import ExtractCache
from reader.documents.overrides import MetaOverrides
from reader.documents.state import FileRecord
from reader.extract.registry import KNOWN_UNSUPPORTED, format_for
from reader.model.documents import FROM_EDIT, DocMeta, DocStatus, Document, FieldSource


def document_for(rec: FileRecord, duplicates: list[str], pending: bool, *,
                 cache: ExtractCache, overrides: MetaOverrides, max_bytes: int) -> Document:
    """The document a file record is: its status (unsupported, too large, read or still
    pending), what its extraction found, and the group's corrections over it, which say
    that they are corrections. ``duplicates``: the other paths with the same content."""
    suffix = Path(rec.path).suffix.lower()
    info = format_for(Path(rec.path))
    meta = DocMeta(title=Path(rec.path).stem)
    status, reason, pages, chars, source = DocStatus.PENDING, "", 0, 0, ""
    sources: tuple[FieldSource, ...] = ()
    if info is None:
        status = DocStatus.UNSUPPORTED
        reason = KNOWN_UNSUPPORTED.get(suffix, "not a document type Policy Reader reads")
    elif rec.size > max_bytes:
        status = DocStatus.TOO_LARGE
        reason = (f"{rec.size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB")
    elif not pending:
        entry = cache.summary(rec.digest, rec.tag)
        if entry is not None:
            status, reason, pages, chars = entry.status, entry.reason, entry.pages, \
                entry.chars
            source = entry.source
            meta = entry.meta if entry.meta.title else replace(entry.meta, title=meta.title)
            sources = entry.sources
    edits = overrides.lookup(rec.path, rec.digest)
    meta = meta.merged(edits)
    if edits:  # the group's corrections win, and say so
        edited = {k for k, v in edits.items() if v}
        sources = tuple(s for s in sources if s.field not in edited) + tuple(
            FieldSource(k, FROM_EDIT) for k in sorted(edited))
    return Document(id=rec.digest, path=rec.path,
                    format=info.name if info else (suffix.lstrip(".") or "unknown"),
                    size=rec.size, mtime_ns=rec.mtime_ns, status=status, reason=reason,
                    meta=meta, pages=pages, chars=chars, paged=bool(info and info.paged),
                    duplicates=tuple(duplicates), sources=sources, text_source=source)
