"""User settings (machine-local): author identity, recent workspaces, UI preferences.

Stored as JSON in the user config folder. A damaged settings file is reported, set aside
(renamed, never deleted) and replaced with defaults; a value of the wrong type falls back
to its default.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.jsonio import atomic_write_json, read_json
from reader.paths import user_config_dir

log = logging.getLogger(__name__)

SETTINGS_FILENAME = "settings.json"
MAX_SETTINGS_BYTES = 4 * 1024 * 1024


class Settings:
    """A small typed key/value store. Keys are dotted strings such as ``"author.name"``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (user_config_dir() / SETTINGS_FILENAME)
        self._lock = threading.Lock()
        self._data: dict[str, Any] = {}
        self.problem: str = ""
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            data = read_json(self.path, max_bytes=MAX_SETTINGS_BYTES, what="settings file")
            if not isinstance(data, dict):
                raise ReaderError(f"The settings file {self.path.name} is not a JSON object.")
        except ReaderError as exc:
            aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
            try:
                self.path.replace(aside)
                self.problem = f"{exc} It was kept as {aside.name}; defaults are used."
            except OSError:
                self.problem = f"{exc} Defaults are used."
            log.warning("settings: %s", self.problem)
            return
        self._data = data

    def get(self, key: str, default: Any = None, *, type_: type | tuple[type, ...] | None = None
            ) -> Any:
        with self._lock:
            value = self._data.get(key, default)
        if value is None:  # a JSON null is as good as missing
            return default
        expected = type_ or (type(default) if default is not None else None)
        if expected is not None and not isinstance(value, expected):
            log.warning("settings: %s has the wrong type (%s); using the default",
                        key, type(value).__name__)
            return default
        return value

    def set(self, key: str, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            snapshot = dict(self._data)
        atomic_write_json(self.path, snapshot)

    def remove(self, key: str) -> None:
        with self._lock:
            if key not in self._data:
                return
            del self._data[key]
            snapshot = dict(self._data)
        atomic_write_json(self.path, snapshot)

    def recent_workspaces(self) -> list[str]:
        items = self.get("recent_workspaces", [], type_=list)
        return [p for p in items if isinstance(p, str)]

    def add_recent_workspace(self, path: Path, limit: int = 8) -> None:
        value = str(Path(path))
        items = [value] + [p for p in self.recent_workspaces() if p != value]
        self.set("recent_workspaces", items[:limit])
