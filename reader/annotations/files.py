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
or take over another person's highlights by claiming their id.
Hidden files, ``.bak`` and ``.tmp`` files are ignored.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from reader import safe_files
from reader.annotations import fastfile
from reader.annotations.codec import HYPOTHESIS, MAX_FILE_BYTES, open_container
from reader.annotations.merge import alias_id
from reader.annotations.w3c import ItemError, decode_annotation, trim_shared
from reader.errors import ReaderError
from reader.model.annotations import Author, Highlight

log = logging.getLogger(__name__)

_CONFLICT_RES = (
    re.compile(r"^(?P<base>.+?)\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]+)?$"),
    re.compile(r"^(?P<base>.+?) \([^()]*conflict[^()]*\)$", re.IGNORECASE),
    re.compile(r"^(?P<base>.+?) \(\d{1,4}\)$"),
)
FUTURE_SLACK = timedelta(days=1)

Signature = tuple[int, int, int]  # size, mtime_ns, inode


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


def signature(path: Path) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


@dataclass
class FileRead:
    """One annotation file as read: its owner, highlights, and anything that went wrong."""

    path: Path
    owner: str
    conflict: bool
    signature: Signature | None = None
    author: Author | None = None
    highlights: list[Highlight] = field(default_factory=list)
    unreadable: list[Any] = field(default_factory=list)  # raw items kept verbatim
    problems: list[str] = field(default_factory=list)
    newer: bool = False  # written by a newer format version: never write over it
    damaged: bool = False  # could not be read at all
    too_large: bool = False
    suspect: bool = False  # its content claims another author

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


def read_file(path: Path, owner: str, conflict: bool, *,
              max_bytes: int = MAX_FILE_BYTES, now: datetime | None = None) -> FileRead:
    """Read one author file; never raises for bad content (problems are recorded)."""
    fr = FileRead(path, owner, conflict, signature(path))
    name = path.name
    now = now or datetime.now(UTC)
    if fr.signature is not None and fr.signature[0] > max_bytes:
        fr.too_large = True
        fr.problems.append(f"{name} is too large to read ({fr.signature[0] / 1e6:.0f} MB; the "
                           f"limit is {max_bytes / 1e6:.0f} MB). It is left untouched.")
        return fr
    try:
        raw = safe_files.read_bytes(path)  # never opens a pipe or a device
        if len(raw) > max_bytes:
            raise ReaderError(f"The annotation file {name} is too large to read.")
    except (OSError, ReaderError) as exc:
        fr.damaged = True
        reason = exc if isinstance(exc, ReaderError) else \
            f"Cannot read the annotation file {name}: {exc.strerror or exc}."
        fr.problems.append(f"{reason} It was skipped and is left untouched.")
        return fr
    trim_shared()
    fast = fastfile.decode(raw)
    if fast is not None:
        _claim(fr, fast.creator)
        assert fr.author is not None
        found = fast.highlights(fr.author)
        if found is not None:
            fr.highlights = found
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
    future = sum(1 for h in fr.highlights if h.modified > limit)
    if future:
        fr.problems.append(
            f"{fr.path.name}: {future} highlight(s) are dated in the future (a computer's "
            "clock may be wrong); later edits still win over them.")
    if fr.suspect:  # never let such a file take over the ids of the author it names
        fr.highlights = [replace(h, id=alias_id(h.id, fr.owner)) for h in fr.highlights]


def _decode_items(fr: FileRead, items: list[Any]) -> None:
    author = fr.author
    errors: list[str] = []
    for i, item in enumerate(items):
        try:
            h = decode_annotation(item, author=author)
        except (ItemError, RecursionError, TypeError, ValueError) as exc:
            fr.unreadable.append(item)
            if len(errors) < 3:
                errors.append(f"item {i + 1}: {exc}")
            continue
        fr.highlights.append(h)
    if fr.unreadable:
        fr.problems.append(
            f"{fr.path.name}: {len(fr.unreadable)} annotation(s) could not be read and are "
            f"kept as they are ({'; '.join(errors)}).")
