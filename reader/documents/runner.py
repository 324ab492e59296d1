"""Runs extraction jobs through the isolated worker pool and maps failures to statuses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from reader.extract.base import Extracted
from reader.extract.ocr.options import OcrOptions
from reader.model.documents import DocStatus
from reader.progress import CancelToken, ProgressFn

Outcome = tuple[str, str, Extracted | None, DocStatus, str]


def run_extraction(jobs: Sequence[tuple[str, str, Path]], progress: ProgressFn,
                   cancel: CancelToken, ocr: OcrOptions | None = None) -> Iterator[Outcome]:
    """Extract ``(digest, tag, path)`` jobs; yields ``(digest, tag, result, status, reason)``
    as each finishes. ``ocr``: how scanned PDF pages are recognised."""
    from reader.extract.pool import Job, extract_many

    tags = {digest: tag for digest, tag, _ in jobs}
    pool_jobs = [Job(key=digest, path=path) for digest, _, path in jobs]
    for res in extract_many(pool_jobs, progress=progress, cancel=cancel, ocr=ocr):
        yield res.key, tags[res.key], res.extracted, res.status, res.reason
