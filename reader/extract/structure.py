"""Headings and numbered sections found in plain text (statutes, memos, reports).

Owned by the formats work: ``detect_sections`` is called by the text, Markdown and PDF
extractors on already-normalised text.
"""

from __future__ import annotations

from reader.documents.model import Section


def detect_sections(text: str) -> tuple[Section, ...]:
    """Sections and headings found in ``text`` (offsets in code points). Placeholder: the
    formats work replaces this with real detection."""
    return ()
