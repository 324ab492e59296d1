"""The app's user preferences, kept in the user's settings file (never in the workspace).

A thin typed layer over :class:`reader.settings.Settings`: reading font and size, window
layout, query history and the reading position per document. Frequent writes (positions while
scrolling) are batched and written at most every couple of seconds, and on :meth:`flush`.
"""

from __future__ import annotations

import base64
import binascii
import logging
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QTimer, Signal

from reader.errors import ReaderError
from reader.settings import Settings

log = logging.getLogger(__name__)

FONT_STYLES = ("serif", "sans")
DEFAULT_POINT_SIZE = 12.5
MIN_POINT_SIZE, MAX_POINT_SIZE = 8.0, 32.0
MAX_POSITIONS = 300
MAX_HISTORY = 30
MAX_OPEN_TABS = 30
MAX_TAB_WORKSPACES = 20


class Prefs(QObject):
    changed = Signal(str)  # the key that changed ("reader.font", ...)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1500)
        self._timer.timeout.connect(self.flush)

    # -- storage -------------------------------------------------------------------------
    def _get(self, key: str, default: Any, type_: type | tuple[type, ...] | None = None) -> Any:
        if key in self._pending:
            return self._pending[key]
        return self.settings.get(key, default, type_=type_)

    def _set(self, key: str, value: Any, *, later: bool = False) -> None:
        self._pending[key] = value
        if later:
            self._timer.start()
        else:
            self.flush()
        self.changed.emit(key)

    def flush(self) -> None:
        """Write pending changes now."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for key, value in pending.items():
            try:
                self.settings.set(key, value)
            except ReaderError as exc:  # a read-only config folder must not stop reading
                log.warning("cannot save setting %s: %s", key, exc)

    # -- reading ---------------------------------------------------------------------------
    @property
    def font_style(self) -> str:
        value = self._get("reader.font", "serif", str)
        return value if value in FONT_STYLES else "serif"

    @font_style.setter
    def font_style(self, value: str) -> None:
        if value in FONT_STYLES:
            self._set("reader.font", value)

    @property
    def point_size(self) -> float:
        value = self._get("reader.point_size", DEFAULT_POINT_SIZE, (int, float))
        try:
            return min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, float(value)))
        except (TypeError, ValueError):
            return DEFAULT_POINT_SIZE

    @point_size.setter
    def point_size(self, value: float) -> None:
        self._set("reader.point_size", round(min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, value)),
                                             2), later=True)

    def position(self, doc_id: str) -> int | None:
        positions = self._get("reader.positions", {}, dict)
        value = positions.get(doc_id) if isinstance(positions, dict) else None
        return value if isinstance(value, int) and value >= 0 else None

    def set_position(self, doc_id: str, offset: int) -> None:
        positions = dict(self._get("reader.positions", {}, dict))
        positions.pop(doc_id, None)
        positions[doc_id] = int(offset)
        while len(positions) > MAX_POSITIONS:  # dicts keep insertion order: drop the oldest
            positions.pop(next(iter(positions)))
        self._set("reader.positions", positions, later=True)

    def recent_documents(self) -> list[str]:
        """Document ids by last reading, most recent first."""
        positions = self._get("reader.positions", {}, dict)
        return list(reversed(list(positions))) if isinstance(positions, dict) else []

    def open_tabs(self, workspace: str) -> tuple[list[str], str]:
        """The documents open in tabs when ``workspace`` was last left, and the one shown
        (``""``: none)."""
        saved = self._get("reader.open_tabs", {}, dict)
        entry = saved.get(workspace) if isinstance(saved, dict) else None
        if not isinstance(entry, dict):
            return [], ""
        docs = entry.get("docs")
        current = entry.get("current")
        ids = [d for d in docs if isinstance(d, str) and d][:MAX_OPEN_TABS] \
            if isinstance(docs, list) else []
        return list(dict.fromkeys(ids)), current if isinstance(current, str) else ""

    def set_open_tabs(self, workspace: str, doc_ids: list[str], current: str) -> None:
        saved = dict(self._get("reader.open_tabs", {}, dict))
        saved.pop(workspace, None)
        if doc_ids:
            saved[workspace] = {"docs": list(doc_ids)[:MAX_OPEN_TABS], "current": current}
        while len(saved) > MAX_TAB_WORKSPACES:  # the workspaces left longest ago go first
            saved.pop(next(iter(saved)))
        self._set("reader.open_tabs", saved, later=True)

    # -- pages -----------------------------------------------------------------------------
    def view_mode(self, doc_id: str) -> str:
        """How a document was last shown: ``"pages"`` or ``"text"`` (the default)."""
        modes = self._get("reader.view_modes", {}, dict)
        value = modes.get(doc_id) if isinstance(modes, dict) else None
        return "pages" if value == "pages" else "text"

    def set_view_mode(self, doc_id: str, mode: str) -> None:
        modes = dict(self._get("reader.view_modes", {}, dict))
        modes.pop(doc_id, None)
        if mode == "pages":  # only the exceptions are kept
            modes[doc_id] = "pages"
        while len(modes) > MAX_POSITIONS:
            modes.pop(next(iter(modes)))
        self._set("reader.view_modes", modes)

    def page_fit(self) -> str:
        value = self._get("pages.fit", "width", str)
        return value if value in ("width", "page") else "width"

    def set_page_fit(self, fit: str) -> None:
        self._set("pages.fit", fit if fit in ("width", "page") else "width")

    def ocr(self) -> tuple[bool, tuple[str, ...]]:
        """OCR on or off, and its languages (checked: see ``reader.extract.ocr.options``)."""
        from reader.ops.pages import options_from

        options = options_from(self._get("ocr.enabled", True, bool),
                               self._get("ocr.languages", ["eng"], (list, str)))
        return options.enabled, options.languages

    def set_ocr(self, enabled: bool, languages: tuple[str, ...]) -> None:
        from reader.ops.pages import parse_languages

        self._set("ocr.enabled", bool(enabled))
        self._set("ocr.languages", list(parse_languages(list(languages))))

    # -- search ----------------------------------------------------------------------------
    def query_history(self) -> list[str]:
        items = self._get("search.history", [], list)
        return [q for q in items if isinstance(q, str) and q.strip()][:MAX_HISTORY]

    def add_query(self, query: str) -> None:
        query = query.strip()
        if not query or len(query) > 500:
            return
        items = [query] + [q for q in self.query_history() if q != query]
        self._set("search.history", items[:MAX_HISTORY], later=True)

    # -- window ----------------------------------------------------------------------------
    def blob(self, key: str) -> QByteArray | None:
        value = self._get(f"window.{key}", "", str)
        if not value:
            return None
        try:
            return QByteArray(base64.b64decode(value.encode("ascii"), validate=True))
        except (binascii.Error, ValueError, UnicodeEncodeError):
            log.warning("ignoring a damaged window.%s setting", key)
            return None

    def set_blob(self, key: str, data: QByteArray) -> None:
        self._set(f"window.{key}", base64.b64encode(bytes(data.data())).decode("ascii"),
                  later=True)

    def hidden_columns(self) -> list[int] | None:
        """Library columns the person hid, or None when they never chose."""
        items = self._get("library.hidden_columns", None, list)
        if items is None:
            return None
        return [c for c in items if isinstance(c, int)]

    def set_hidden_columns(self, columns: list[int]) -> None:
        self._set("library.hidden_columns", sorted(set(columns)))

    def flag(self, key: str, default: bool = False) -> bool:
        return bool(self._get(f"ui.{key}", default, bool))

    def set_flag(self, key: str, value: bool) -> None:
        self._set(f"ui.{key}", bool(value))
