"""User settings (machine-local): author identity, recent workspaces, UI preferences.

Stored as JSON in the user config folder. A damaged settings file is reported, set aside
(renamed, never deleted) and replaced with defaults; a value of the wrong type falls back
to its default.

Several processes share the file (the app, commands, a second window). A change is made
under an OS file lock (:mod:`reader.locks`): the file is re-read, the one setting changed,
the file replaced; so no process undoes what another saved meanwhile. A value created on
first use (the annotator id) is created under the same lock after re-reading the file
(:meth:`Settings.setdefault`): two processes starting at once end with the same value.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.aside import set_aside
from reader.errors import ReaderError, StorageError
from reader.jsonio import atomic_write_json, read_json
from reader.locks import locked
from reader.paths import user_config_dir

log = logging.getLogger(__name__)

SETTINGS_FILENAME = "settings.json"
MAX_SETTINGS_BYTES = 4 * 1024 * 1024
_MISSING = object()


class Settings:
    """A small typed key/value store. Keys are dotted strings such as ``"author.name"``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (user_config_dir() / SETTINGS_FILENAME)
        self._lock = threading.Lock()
        self._data: dict[str, Any] = {}
        self._unsaved: dict[str, Any] = {}  # changes the file could not take yet
        self.problem: str = ""
        self._load()

    def _load(self) -> None:
        data = self._read_disk()
        if data is not None:
            self._data = data

    def _read_disk(self) -> dict[str, Any] | None:
        """The file's settings (``None`` when it is missing, or damaged: then it is set
        aside and the reason kept in :attr:`problem`)."""
        if not self.path.exists():
            return None
        try:
            data = read_json(self.path, max_bytes=MAX_SETTINGS_BYTES, what="settings file")
            if not isinstance(data, dict):
                raise ReaderError(f"The settings file {self.path.name} is not a JSON object.")
        except ReaderError as exc:
            try:
                aside = set_aside(self.path)
                self.problem = f"{exc} It was kept as {aside.name}; defaults are used."
            except OSError:
                self.problem = f"{exc} Defaults are used."
            log.warning("settings: %s", self.problem)
            return None
        return data

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

    def _change(self, key: str, change: Callable[[dict[str, Any]], bool]) -> None:
        """Re-read the file under its lock, apply ``change`` to the settings (it returns
        whether anything is to be written), write the file. If the file cannot be written
        (``StorageError``) the value stays in memory, and is written with the next change."""
        with contextlib.suppress(OSError):  # else the write says why it cannot
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with locked(self.path, what="The settings file"):
            fresh = self._read_disk()
            with self._lock:
                if fresh is not None:
                    for k, v in self._unsaved.items():  # what could not be written before
                        if v is _MISSING:
                            fresh.pop(k, None)
                        else:
                            fresh[k] = v
                    self._data = fresh
                if not change(self._data):
                    return
                snapshot = dict(self._data)
            try:
                atomic_write_json(self.path, snapshot)
            except StorageError:
                with self._lock:
                    self._unsaved[key] = snapshot.get(key, _MISSING)
                raise
            with self._lock:
                self._unsaved.clear()

    def set(self, key: str, value: Any) -> None:
        def put(data: dict[str, Any]) -> bool:
            data[key] = value
            return True
        self._change(key, put)

    def remove(self, key: str) -> None:
        def drop(data: dict[str, Any]) -> bool:
            return data.pop(key, _MISSING) is not _MISSING
        self._change(key, drop)

    def setdefault(self, key: str, make: Callable[[], Any], valid: Callable[[Any], bool]
                   ) -> Any:
        """The value of ``key`` if ``valid``; else a new one from ``make``, saved. Another
        process's value saved meanwhile wins (it is re-read under the lock). If the file
        cannot be written the new value is kept in memory and ``StorageError`` raised."""
        value = self.get(key)
        if valid(value):
            return value
        made: list[Any] = []

        def create(data: dict[str, Any]) -> bool:
            if valid(data.get(key)):
                return False
            made.append(make())
            data[key] = made[0]
            return True

        self._change(key, create)
        with self._lock:
            return self._data.get(key)

    def recent_workspaces(self) -> list[str]:
        items = self.get("recent_workspaces", [], type_=list)
        return [p for p in items if isinstance(p, str)]

    def add_recent_workspace(self, path: Path, limit: int = 8) -> None:
        value = str(Path(path))
        items = [value] + [p for p in self.recent_workspaces() if p != value]
        self.set("recent_workspaces", items[:limit])
