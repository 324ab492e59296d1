"""Runs extraction jobs through the isolated worker pool, and makes sure each result is the
text of the bytes it will be stored under.

A job names a file and the fingerprint of its bytes (the sha256 digest, plus the ``stat``
identity the file had while it was hashed). After extraction the file is checked again:
same ``stat`` identity, same digest. If it changed in between (saved again, replaced,
reverted with its old modification time), what the extractor read may be another
version, so the result is thrown away, the file is hashed again and read again, up to
``tries`` times. A file that never holds still is reported ``unsettled`` and nothing is
stored for it. So the cache never holds one version's text under another's fingerprint.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.extract.base import Extracted
from reader.extract.ocr.options import OcrOptions
from reader.model.documents import DocStatus
from reader.progress import CancelToken, ProgressFn
from reader.safe_files import Fingerprint, display_name, hash_file, same_file

log = logging.getLogger(__name__)

TRIES = 3
KEPT_CHANGING = "it kept changing while it was being read"


@dataclass(frozen=True)
class ExtractJob:
    digest: str
    tag: str
    path: Path
    seen: Fingerprint | None = None  # the fingerprint when hashed; None: hash it first


@dataclass(frozen=True)
class Outcome:
    """One job's result. ``digest`` and ``seen`` describe the bytes actually read: the
    job's own, or a newer version's when the file changed before it was read."""

    job: ExtractJob
    digest: str
    seen: Fingerprint | None
    result: Extracted | None
    status: DocStatus
    reason: str
    unsettled: bool = False  # changing or gone: nothing may be stored for it

    @property
    def rekeyed(self) -> bool:
        return self.digest != self.job.digest


def run_extraction(jobs: Sequence[ExtractJob], progress: ProgressFn, cancel: CancelToken,
                   *, tries: int = TRIES, ocr: OcrOptions | None = None) -> Iterator[Outcome]:
    """Extract ``jobs``; yields one :class:`Outcome` per job as each finishes. ``ocr``:
    how scanned PDF pages are recognised."""
    from reader.extract.pool import Job, extract_many

    todo: list[tuple[ExtractJob, ExtractJob]] = [(job, job) for job in jobs]
    for _attempt in range(tries):
        ready: list[tuple[ExtractJob, ExtractJob]] = []
        for asked, job in todo:
            if job.seen is None:
                try:
                    digest, seen = hash_file(job.path)
                except OSError as exc:  # gone, unreadable, or now a pipe or a folder
                    yield Outcome(asked, asked.digest, None, None, DocStatus.DAMAGED,
                                  _reason(exc), unsettled=True)
                    continue
                job = replace(job, digest=digest, seen=seen)
            ready.append((asked, job))
        again: list[tuple[ExtractJob, ExtractJob]] = []
        pool_jobs = [Job(key=str(i), path=job.path) for i, (_, job) in enumerate(ready)]
        for res in extract_many(pool_jobs, progress=progress, cancel=cancel, ocr=ocr):
            asked, job = ready[int(res.key)]
            assert job.seen is not None
            if same_file(job.path, job.digest, job.seen):
                yield Outcome(asked, job.digest, job.seen, res.extracted, res.status,
                              res.reason)
            else:
                log.info("%s changed while it was being read; reading it again",
                         display_name(job.path))
                again.append((asked, replace(job, seen=None)))
        todo = again
        if not todo:
            return
    for asked, _job in todo:
        log.warning("%s: %s", display_name(asked.path), KEPT_CHANGING)
        yield Outcome(asked, asked.digest, None, None, DocStatus.DAMAGED, KEPT_CHANGING,
                      unsettled=True)


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "it was moved or deleted while it was being read"
    return str(exc) if not exc.strerror else f"it could not be read ({exc.strerror})"
