"""Guessing metadata (title, author/office, date, kind, jurisdiction) from text and hints.

Owned by the formats work; called by every extractor.
"""

from __future__ import annotations

from reader.documents.model import DocMeta


def guess_meta(text: str, hints: DocMeta | None = None, *, filename: str = "") -> DocMeta:
    """Fill in what ``hints`` (from the file's own metadata) leave empty. Placeholder."""
    return hints or DocMeta(title=filename)
