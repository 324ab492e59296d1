"""Metadata the group edited, shared in the workspace's ``.policy-reader/documents.json``.

Entries are keyed by workspace-relative path and remember the content hash, so an edit
survives a move (found by hash) and an amended version at the same path (found by path).
A damaged file is reported and left alone (never overwritten): edits are then refused with a
clear message until it is fixed or removed.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from reader.errors import ReaderError, UsageError
from reader.jsonio import atomic_write_json, read_json
from reader.model.documents import KINDS, DocMeta

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
EDITABLE = tuple(DocMeta.__dataclass_fields__)
MAX_BYTES = 16 * 1024 * 1024
MAX_FIELD_CHARS = 2000


class MetaOverrides:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: dict[str, dict[str, str]] = {}
        self.problem = ""
        self._mtime: int | None = None
        self.reload()

    def reload(self) -> None:
        try:
            st = self.path.stat()
        except OSError:
            self._entries, self._mtime, self.problem = {}, None, ""
            return
        if st.st_mtime_ns == self._mtime:
            return
        self.problem = ""
        try:
            raw = read_json(self.path, max_bytes=MAX_BYTES, what="document metadata file")
            if not isinstance(raw, dict) or not isinstance(raw.get("documents", {}), dict):
                raise ReaderError(f"{self.path.name} does not hold document metadata.")
        except ReaderError as exc:
            self.problem = f"{exc} Edited titles and dates are not shown until it is fixed."
            log.warning("%s", self.problem)
            self._entries, self._mtime = {}, st.st_mtime_ns
            return
        entries: dict[str, dict[str, str]] = {}
        for rel, values in raw.get("documents", {}).items():
            if isinstance(rel, str) and isinstance(values, dict):
                entries[rel] = {k: v[:MAX_FIELD_CHARS] for k, v in values.items()
                                if isinstance(v, str) and (k in EDITABLE or k == "hash")}
        self._entries, self._mtime = entries, st.st_mtime_ns

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
            entry = dict(self._entries.get(rel, {}))
            entry.update({k: v.strip() for k, v in fields.items()})
            entry["hash"] = digest
            entry = {k: v for k, v in entry.items() if v or k == "hash"}
            self._entries[rel] = entry
            atomic_write_json(self.path, {"version": FORMAT_VERSION,
                                          "documents": dict(sorted(self._entries.items()))})
            self._mtime = self.path.stat().st_mtime_ns
