"""Metadata the group edited, shared in the workspace's ``.policy-reader/documents.json``.

Entries are keyed by workspace-relative path and remember the content hash, so an edit
survives a move (found by hash) and an amended version at the same path (found by path).
A damaged file is reported and left alone (never overwritten): edits are then refused with a
clear message until it is fixed or removed. Values are checked on read
(:mod:`reader.documents.meta_check`): what fails is not shown and is said in
:attr:`MetaOverrides.problems`, but the file keeps it: an edit rewrites only the entry
edited, everything else (other entries, fields and keys of newer versions) as it was read.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from reader.documents.meta_check import EDITABLE, MAX_FIELD_CHARS, check_entry
from reader.errors import ReaderError, UsageError
from reader.jsonio import atomic_write_json, read_json
from reader.model.documents import KINDS

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
MAX_BYTES = 16 * 1024 * 1024
MAX_PROBLEMS = 12


class MetaOverrides:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._raw: dict[str, Any] = {}  # the file as read (written back as it was)
        self._entries: dict[str, dict[str, str]] = {}  # checked values
        self.problem = ""  # the file could not be read at all
        self.problems: tuple[str, ...] = ()  # values left out or cleaned
        self._mtime: int | None = None
        self.reload()

    def reload(self) -> None:
        try:
            st = self.path.stat()
        except OSError:
            self._raw, self._entries, self._mtime = {}, {}, None
            self.problem, self.problems = "", ()
            return
        if st.st_mtime_ns == self._mtime:
            return
        self.problem, self.problems = "", ()
        try:
            raw = read_json(self.path, max_bytes=MAX_BYTES, what="document metadata file")
            if not isinstance(raw, dict) or not isinstance(raw.get("documents", {}), dict):
                raise ReaderError(f"{self.path.name} does not hold document metadata.")
        except ReaderError as exc:
            self.problem = f"{exc} Edited titles and dates are not shown until it is fixed."
            log.warning("%s", self.problem)
            self._raw, self._entries, self._mtime = {}, {}, st.st_mtime_ns
            return
        entries: dict[str, dict[str, str]] = {}
        problems: list[str] = []
        for rel, values in raw.get("documents", {}).items():
            good, said = check_entry(rel, values)
            problems += said
            if good:
                entries[rel] = good
        if len(problems) > MAX_PROBLEMS:
            problems = [*problems[:MAX_PROBLEMS - 1],
                        f"documents.json: {len(problems) - MAX_PROBLEMS + 1} more values "
                        "were left out or cleaned"]
        for line in problems:
            log.info("%s", line)
        self._raw, self._entries, self._mtime = raw, entries, st.st_mtime_ns
        self.problems = tuple(problems)

    def lookup(self, rel: str, digest: str) -> dict[str, str]:
        """Overrides for the file at ``rel`` with content ``digest`` (by path, else by hash)."""
        entry = self._entries.get(rel)
        if entry is None:
            entry = next((e for e in self._entries.values() if e.get("hash") == digest), None)
        if not entry:
            return {}
        return {k: v for k, v in entry.items() if k in EDITABLE}

    def set(self, rel: str, digest: str, fields: dict[str, str]) -> None:
        unknown = sorted(set(fields) - set(EDITABLE))
        if unknown:
            raise UsageError(f"Unknown document field(s): {', '.join(unknown)}. "
                             f"Editable: {', '.join(EDITABLE)}.")
        for key, value in fields.items():
            if not isinstance(value, str):
                raise UsageError(f"The {key} must be text.")
            if len(value) > MAX_FIELD_CHARS:
                raise UsageError(f"The {key} is too long ({len(value)} characters; "
                                 f"the limit is {MAX_FIELD_CHARS}).")
        kind = fields.get("kind")
        if kind and kind not in KINDS:
            raise UsageError(f"Unknown kind '{kind}'. Choose one of: {', '.join(KINDS)}.")
        with self._lock:
            self.reload()
            if self.problem:
                raise ReaderError(self.problem.split(" Edited")[0],
                                  "Fix or remove the file, then try again.")
            documents = dict(self._raw.get("documents", {}))
            old = documents.get(rel)
            entry = dict(old) if isinstance(old, dict) else {}
            entry.update({k: v.strip() for k, v in fields.items()})
            entry["hash"] = digest
            documents[rel] = {k: v for k, v in entry.items() if v or k == "hash"}
            body = {**self._raw, "version": self._raw.get("version", FORMAT_VERSION),
                    "documents": dict(sorted(documents.items()))}
            atomic_write_json(self.path, body)
            self._mtime = None
            self.reload()
