"""Statute files that claim the same code section ("D.C. Code § 48-961.05" twice: a newer
download beside an older one, or a copy in another folder with different bytes).

Both files stay in the library (nothing is dropped or merged: they may differ, and which is
current is for a person to decide); :func:`duplicate_sections` lists them so the library,
the import summary and the CLI can say so.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.model.documents import Document
from reader.model.imports import DuplicateSection

__all__ = ["DuplicateSection", "duplicate_sections", "section_citation"]


def section_citation(doc: Document) -> str:
    """The single section a statute document is (``"D.C. Code § 48-961.05"``), or ``""``
    for a whole act, a code title or anything else."""
    citation = " ".join(doc.meta.citation.split())
    if doc.meta.kind != "statute" or "§" not in citation or "§§" in citation:
        return ""
    return citation


def duplicate_sections(documents: Iterable[Document]) -> list[DuplicateSection]:
    """Every section citation that more than one readable document claims, by citation."""
    claims: dict[str, list[str]] = {}
    for doc in documents:
        citation = section_citation(doc) if doc.status.readable else ""
        if citation:
            claims.setdefault(citation, []).append(doc.path)
    return [DuplicateSection(c, tuple(sorted(paths)))
            for c, paths in sorted(claims.items()) if len(paths) > 1]
