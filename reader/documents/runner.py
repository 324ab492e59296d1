"""Runs extraction jobs through the isolated worker pool and maps failures to statuses."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader.documents.model import DocStatus
from reader.extract.base import Extracted
from reader.progress import CancelToken, ProgressFn

log = logging.getLogger(__name__)

Outcome = tuple[str, str, Extracted | None, DocStatus, str]


def run_extraction(jobs: Sequence[tuple[str, str, Path]], progress: ProgressFn,
                   cancel: CancelToken) -> Iterator[Outcome]:
    """Extract ``(digest, tag, path)`` jobs; yields ``(digest, tag, result, status, reason)``
    as each finishes."""
    try:
        from reader.extract.pool import Job, extract_many
    except ImportError:  # TEMPORARY until the pool lands: extract in this process
        yield from _in_process(jobs, progress, cancel)
        return
    tags = {digest: tag for digest, tag, _ in jobs}
    pool_jobs = [Job(key=digest, path=path) for digest, _, path in jobs]
    for res in extract_many(pool_jobs, progress=progress, cancel=cancel):
        yield res.key, tags[res.key], res.extracted, res.status, res.reason


def _in_process(jobs: Sequence[tuple[str, str, Path]], progress: ProgressFn,
                cancel: CancelToken) -> Iterator[Outcome]:
    from reader.errors import DocumentError, FileTooLarge, PasswordRequired, UnsupportedFormat
    from reader.extract.registry import extract_file

    for i, (digest, tag, path) in enumerate(jobs):
        cancel.raise_if_cancelled()
        progress(i, len(jobs), "Extracting")
        try:
            yield digest, tag, extract_file(path), DocStatus.OK, ""
        except PasswordRequired as exc:
            yield digest, tag, None, DocStatus.PASSWORD, str(exc)
        except UnsupportedFormat as exc:
            yield digest, tag, None, DocStatus.UNSUPPORTED, str(exc)
        except FileTooLarge as exc:
            yield digest, tag, None, DocStatus.TOO_LARGE, str(exc)
        except DocumentError as exc:
            yield digest, tag, None, DocStatus.DAMAGED, str(exc)
        except FileNotFoundError:
            yield digest, tag, None, DocStatus.DAMAGED, "the file disappeared while reading"
        except Exception as exc:  # an extractor bug must not stop the batch
            log.exception("extractor failed on %s", path)
            yield digest, tag, None, DocStatus.DAMAGED, f"the extractor failed: {exc}"
