"""Checking the metadata values a group shares in ``documents.json`` before they are shown.

Anyone in the group (or any program) may have written the file, so each value is checked
on read: text only; control characters and text-direction overrides removed (they could
hide or reorder what a title says); at most :data:`MAX_FIELD_CHARS` characters; a kind
from :data:`~reader.model.documents.KINDS`; a date that exists (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``); a source that is a web or DOI link. A value that fails is left out (the
extracted value shows instead) or shown cleaned, with one line for the person each.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

from reader.model.documents import KINDS, DocMeta

EDITABLE = tuple(DocMeta.__dataclass_fields__)
MAX_FIELD_CHARS = 2000
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL_RE = re.compile(r"^(?:https?|ftp)://\S+$|^doi:\S+$", re.IGNORECASE)
_HASH_RE = re.compile(r"^[0-9a-f]{64}$")
_ANSI_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
_DIRECTION = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def real_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a day that exists."""
    m = _DATE_RE.match(value)
    if not m:
        return False
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return year >= 1000


def _clean(value: str) -> str:
    """Without control characters (line breaks become spaces), terminal escape sequences
    or direction overrides."""
    out = []
    for ch in _ANSI_RE.sub("", value):
        if ch in _DIRECTION:
            continue
        if unicodedata.category(ch) == "Cc":
            if ch in "\n\r\t":
                out.append(" ")
            continue
        out.append(ch)
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def _short(value: str, limit: int = 40) -> str:
    shown = _clean(value)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def check_entry(rel: str, values: Any) -> tuple[dict[str, str], list[str]]:
    """(the values fit to show, one problem line per field that was left out or cleaned)
    for the entry of document ``rel``."""
    where = f"documents.json, {rel}"
    if not isinstance(values, dict):
        return {}, [f"{where}: not a list of fields; ignored"]
    good: dict[str, str] = {}
    problems: list[str] = []
    for key, value in values.items():
        if key == "hash":
            if isinstance(value, str) and _HASH_RE.match(value):
                good["hash"] = value
            continue
        if key not in EDITABLE:
            continue  # a field from a newer version: kept in the file, not shown
        if not isinstance(value, str):
            problems.append(f"{where}: {key} is not text; ignored")
            continue
        text = _clean(value)
        if text != value.strip():
            problems.append(f"{where}: {key} had control characters; they were removed")
        if len(text) > MAX_FIELD_CHARS:
            problems.append(f"{where}: {key} is too long ({len(text):,} characters); only "
                            f"the first {MAX_FIELD_CHARS:,} are shown")
            text = text[:MAX_FIELD_CHARS]
        if key == "kind" and text and text not in KINDS:
            problems.append(f"{where}: kind '{_short(text)}' is not one of "
                            f"{', '.join(KINDS)}; ignored")
            continue
        if key == "date" and text and not real_date(text):
            problems.append(f"{where}: date '{_short(text)}' is not a real date (YYYY, "
                            "YYYY-MM or YYYY-MM-DD); ignored")
            continue
        if key == "source_url" and text and not _URL_RE.match(text):
            problems.append(f"{where}: source_url '{_short(text)}' is not a web or DOI "
                            "link; ignored")
            continue
        good[key] = text
    return good, problems
