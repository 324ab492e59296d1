"""Spreadsheet-safe CSV cells: the one guard against CSV (formula) injection, used by every
CSV the app writes (highlights exported, briefs).

A cell that a spreadsheet would run as a formula — starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return, or their full-width forms ``＝ ＋ － ＠`` that some spreadsheets
also accept — is prefixed with an apostrophe, which spreadsheets show as plain text
(OWASP's advice on CSV injection).
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> str:
    """``value`` as text a spreadsheet shows, never evaluates (``None``: empty)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
