"""The annotation folder: which files are whose, and reading one file safely.

``.policy-reader/annotations/<author-id>.json`` is one author's file. Copies made by sync
tools are recognised and read as the same author's:

* ``<id> (Alex's conflicted copy 2024-05-01).json`` (Dropbox, Nextcloud, ownCloud),
* ``<id>.sync-conflict-20240501-101500-ABCDEF7.json`` (Syncthing),
* ``<id> (1).json`` (Google Drive, browsers, file managers),
* ``<id>-LAPTOP.json`` and similar, when the content says it is ``<id>``'s (OneDrive).

**The file name decides whose highlights a file holds.** A file whose content claims
another author is reported and read as the file name's author, with its highlights under
ids of their own (:func:`~reader.annotations.merge.alias_id`); so no file can edit, delete
or take over another person's highlights by claiming their id. A file named like a copy of
*your* file is merged with yours only when the author id inside is yours too (the store
checks :attr:`FileRead.claimed`), and its future-dated versions are held aside
(:mod:`reader.annotations.holds`).
Hidden files (the ``.<id>.json.lock`` lock files among them), ``.bak`` and ``.tmp`` files
are ignored.

A file's :func:`signature` (size, modification time, inode and the first bytes, which
hold the time of the save to the millisecond) tells whether it changed since it was read;
the content is read from the same open file the signature is taken of.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from reader import safe_files
from reader.annotations import fastfile
from reader.annotations.codec import HYPOTHESIS, MAX_FILE_BYTES, open_container
from reader.annotations.merge import alias_id
from reader.annotations.w3c import ItemError
from reader.annotations.w3c_fast import trim_shared
from reader.annotations.w3c_read import decode_record
from reader.errors import ReaderError
from reader.model.annotations import Author, Highlight
from reader.model.remarks import Record, Remark, split_records

log = logging.getLogger(__name__)

_CONFLICT_RES = (
    re.compile(r"^(?P<base>.+?)\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]+)?$"),
    re.compile(r"^(?P<base>.+?) \([^()]*conflict[^()]*\)$", re.IGNORECASE),
    re.compile(r"^(?P<base>.+?) \(\d{1,4}\)$"),
)
FUTURE_SLACK = timedelta(days=1)
HEAD_BYTES = 1024

Signature = tuple[int, int, int, bytes]  # size, mtime_ns, inode, digest of the first bytes


def parse_name(filename: str) -> tuple[str, bool] | None:
    """(owner, is a sync conflict copy) for an annotation file name; ``None`` to ignore."""
    if filename.startswith(".") or not filename.lower().endswith(".json"):
        return None
    stem = filename[:-5]
    for rx in _CONFLICT_RES:
        m = rx.match(stem)
        if m:
            return m.group("base"), True
    return (stem, False) if stem else None


def _signature(st: os.stat_result, head: bytes) -> Signature:
    return (st.st_size, st.st_mtime_ns, st.st_ino, hashlib.blake2b(head, digest_size=8).digest())


def signature(path: Path) -> Signature | None:
    """What tells whether ``path`` changed (``None`` when it is missing). Two saves can
    give a file the same size, time stamp (on coarse clocks) and a reused inode; the first
    bytes, with the save's time to the millisecond, tell them apart. Only a regular file
    is opened (never a FIFO or a device)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return (st.st_size, st.st_mtime_ns, st.st_ino, b"")
        with safe_files.open_regular(path) as fh:  # checked again once open
            st = os.fstat(fh.fileno())
            head = fh.read(HEAD_BYTES)
    except OSError:
        return None
    return _signature(st, head)


@dataclass
class FileRead:
    """One annotation file as read: its owner, highlights, and anything that went wrong."""

    path: Path
    owner: str
    conflict: bool
    signature: Signature | None = None
    author: Author | None = None
    highlights: list[Highlight] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)  # replies and links
    unreadable: list[Any] = field(default_factory=list)  # raw items kept verbatim
    problems: list[str] = field(default_factory=list)
    newer: bool = False  # written by a newer format version: never write over it
    damaged: bool = False  # could not be read at all
    too_large: bool = False
    suspect: bool = False  # its content claims another author
    claimed: str | None = None  # the author id its content names (None: names nobody)
    arrived: datetime = field(default_factory=lambda: datetime.now(UTC))  # written here
    future_note: str = ""  # some highlights are dated in the future (a problem to report)

    def records(self) -> list[Record]:
        """Its highlights, replies and links (everything merged and written back)."""
        if not self.remarks:
            return cast("list[Record]", self.highlights)  # (no copy: read only)
        return [*self.highlights, *self.remarks]

    def set_records(self, records: Iterable[Record]) -> None:
        self.highlights, self.remarks = split_records(records)

    @property
    def writable(self) -> bool:
        """Whether saving may replace this file (when it is the current author's)."""
        return not (self.newer or self.too_large)


def list_files(folder: Path) -> list[tuple[Path, str, bool]]:
    """(path, owner, conflict) for every annotation file in ``folder``, sorted by name."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ReaderError(f"Cannot read the annotations folder {folder}: "
                          f"{exc.strerror or exc}.") from exc
    out = []
    for e in entries:
        parsed = parse_name(safe_files.display_name(e.name))  # a non-UTF-8 name: with U+FFFD
        if parsed is None:
            continue
        try:
            if not e.is_file():
                continue
        except OSError:
            continue
        out.append((Path(e.path), parsed[0], parsed[1]))
    return out


def _read_bytes(path: Path, fr: FileRead, max_bytes: int | None, now: datetime
                ) -> bytes | None:
    """The file's bytes, with ``fr``'s signature and arrival time taken of the same open
    file; ``None`` (with the reason in ``fr``) when it is too large or cannot be read."""
    name = path.name
    try:
        with safe_files.open_regular(path) as fh:  # never a pipe or a device
            st = os.fstat(fh.fileno())
            fr.arrived = min(now, datetime.fromtimestamp(st.st_ctime, UTC))
            if max_bytes is not None and st.st_size > max_bytes:
                fr.signature = _signature(st, fh.read(HEAD_BYTES))
                fr.too_large = True
                fr.problems.append(
                    f"{name} is too large to read ({st.st_size / 1e6:.0f} MB; the limit is "
                    f"{max_bytes / 1e6:.0f} MB). It is left untouched.")
                return None
            raw = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
            fr.signature = _signature(st, raw[:HEAD_BYTES])
        if max_bytes is not None and len(raw) > max_bytes:
            raise ReaderError(f"The annotation file {name} is too large to read.")
    except (OSError, ReaderError) as exc:
        fr.damaged = True
        if fr.signature is None:
            fr.signature = signature(path)
        reason = exc if isinstance(exc, ReaderError) else \
            f"Cannot read the annotation file {name}: {exc.strerror or exc}."
        fr.problems.append(f"{reason} It was skipped and is left untouched.")
        return None
    return raw


def read_file(path: Path, owner: str, conflict: bool, *,
              max_bytes: int | None = MAX_FILE_BYTES, now: datetime | None = None
              ) -> FileRead:
    """Read one author file; never raises for bad content (problems are recorded).
    ``max_bytes=None`` reads a file of any size (your own file: what you wrote can always
    be read back)."""
    fr = FileRead(path, owner, conflict)
    name = path.name
    now = now or datetime.now(UTC)
    raw = _read_bytes(path, fr, max_bytes, now)
    if raw is None:
        return fr
    trim_shared()
    fast = fastfile.decode(raw)
    if fast is not None:
        _claim(fr, fast.creator)
        assert fr.author is not None
        found = fast.records(fr.author)
        if found is not None:
            fr.set_records(found)
            _finish(fr, now)
            return fr
        fr.problems.clear()
        fr.owner, fr.conflict, fr.suspect = owner, conflict, False
    try:
        container = open_container(parse_json(raw, name), name)
    except ReaderError as exc:
        fr.damaged = True
        fr.problems.append(f"{exc} It was skipped and is left untouched.")
        return fr
    if container.kind == HYPOTHESIS:
        fr.damaged = True
        fr.problems.append(f"{name} is a Hypothesis export, not an author file. Import it "
                           "with 'annotations import' instead. It is left untouched.")
        return fr
    _claim(fr, container.creator)
    fr.newer = container.newer
    if fr.newer:
        fr.problems.append(f"{name} was written by a newer version of Policy Reader: what "
                           "could be read is shown; the file is never written over.")
    _decode_items(fr, container.items)
    _finish(fr, now)
    return fr


def parse_json(raw: bytes, name: str) -> Any:
    """JSON from ``raw`` with a plain reason on failure (as :func:`reader.jsonio.read_json`)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(f"The annotation file {name} is not UTF-8 text.") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReaderError(f"The annotation file {name} is not valid JSON (line {exc.lineno}, "
                          f"column {exc.colno}: {exc.msg}).") from exc
    except RecursionError as exc:
        raise ReaderError(f"The annotation file {name} is nested too deeply to read.") from exc


def _claim(fr: FileRead, claimed: Author | None) -> None:
    """Settle whose file this is (the name decides; a different claim is reported)."""
    owner = fr.owner
    fr.claimed = claimed.id if claimed and claimed.id else None
    if claimed and claimed.id and claimed.id != owner:
        if owner.startswith(claimed.id) and not owner[len(claimed.id)].isalnum():
            fr.owner, fr.conflict = claimed.id, True  # e.g. OneDrive's <id>-LAPTOP.json
        else:
            fr.problems.append(
                f"{fr.path.name} says it holds the annotations of {claimed.name or claimed.id}"
                f", but its name says {owner}: they are shown as {owner}'s, with ids of their "
                "own.")
            fr.suspect = True
    display = claimed.name if claimed and claimed.name else f"Author {fr.owner[:8]}"
    fr.author = Author(fr.owner, display)


def _finish(fr: FileRead, now: datetime) -> None:
    limit = now + FUTURE_SLACK
    future = sum(1 for h in fr.records() if h.modified > limit)
    if future:  # (the store reports copies of your own file its own way: holds)
        fr.future_note = (
            f"{fr.path.name}: {future} highlight(s) are dated in the future (a computer's "
            "clock may be wrong); later edits still win over them.")
    if fr.suspect:  # never let such a file take over the ids of the author it names
        fr.set_records(replace(h, id=alias_id(h.id, fr.owner)) for h in fr.records())


def _decode_items(fr: FileRead, items: list[Any]) -> None:
    author = fr.author
    errors: list[str] = []
    for i, item in enumerate(items):
        try:
            h = decode_record(item, author=author)
        except (ItemError, RecursionError, TypeError, ValueError) as exc:
            fr.unreadable.append(item)
            if len(errors) < 3:
                errors.append(f"item {i + 1}: {exc}")
            continue
        if isinstance(h, Highlight):
            fr.highlights.append(h)
        else:
            fr.remarks.append(h)
    if fr.unreadable:
        fr.problems.append(
            f"{fr.path.name}: {len(fr.unreadable)} annotation(s) could not be read and are "
            f"kept as they are ({'; '.join(errors)}).")
