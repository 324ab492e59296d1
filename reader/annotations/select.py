"""Choosing highlights: by document, theme (with its sub-themes and merged ids), author,
stance, orphan status. Used by the CLI list, exports and briefs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.errors import AnnotationError
from reader.model.annotations import Author, Placed, Stance
from reader.model.themes import Taxonomy


@dataclass(frozen=True)
class Selection:
    doc_ids: frozenset[str] | None = None  # current document ids
    themes: frozenset[str] | None = None  # ids to match (already expanded)
    author_ids: frozenset[str] | None = None
    stance: Stance | None = None
    orphaned: bool | None = None

    def matches(self, p: Placed) -> bool:
        h = p.highlight
        if self.doc_ids is not None and p.anchor.doc_id not in self.doc_ids \
                and h.doc_id not in self.doc_ids:
            return False
        if self.themes is not None and not self.themes.intersection(h.themes):
            return False
        if self.author_ids is not None and h.author.id not in self.author_ids:
            return False
        if self.stance is not None and h.stance is not self.stance:
            return False
        return self.orphaned is None or p.orphaned == self.orphaned


def theme_filter(taxonomy: Taxonomy, refs: Iterable[str]) -> frozenset[str] | None:
    """Ids matching any of ``refs`` (id, old id, label, or path), with sub-themes."""
    refs = [r for r in refs if r]
    if not refs:
        return None
    out: set[str] = set()
    for ref in refs:
        found = taxonomy.find(ref)
        out |= taxonomy.matching(found.id) if found else {ref}
    return frozenset(out)


def author_filter(authors: Iterable[Author], refs: Iterable[str]) -> frozenset[str] | None:
    """Author ids matching any of ``refs`` (an id, its start, or a name, any case)."""
    refs = [r.strip() for r in refs if r and r.strip()]
    if not refs:
        return None
    authors = list(authors)
    out: set[str] = set()
    for ref in refs:
        key = ref.casefold()
        hits = {a.id for a in authors if a.id == ref or a.name.casefold() == key}
        if not hits and len(ref) >= 4:
            hits = {a.id for a in authors if a.id.startswith(ref)}
        if not hits:
            raise AnnotationError(f"No author '{ref}' has highlights in this workspace.")
        out |= hits
    return frozenset(out)


def parse_stance(value: str | None) -> Stance | None:
    if not value:
        return None
    key = value.strip().casefold()
    for s in Stance:
        if key in (s.value, s.label.casefold()):
            return s
    raise AnnotationError(f"'{value}' is not a stance.",
                          "Use supports, opposes or neutral.")
