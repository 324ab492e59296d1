"""How many highlights carry each theme: the one rule for the Themes panel, ``policy-reader
themes list`` and the brief's theme choices.

A highlight counts once for each theme it carries *and* each ancestor of those themes, so a
parent's figure includes its sub-themes; an id merged into another theme counts for the
theme it was merged into; an id unknown here counts under its own id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reader.model.annotations import Highlight
from reader.model.themes import Taxonomy


class ThemeCounter:
    """Counts highlights per theme against one taxonomy (ancestor chains cached)."""

    def __init__(self, tax: Taxonomy) -> None:
        self.tax = tax
        self._chains: dict[str, tuple[str, ...]] = {}

    def chain(self, theme_id: str) -> tuple[str, ...]:
        """The ids a highlight tagged ``theme_id`` counts for."""
        hit = self._chains.get(theme_id)
        if hit is None:
            path = self.tax.path(theme_id)
            hit = tuple(t.id for t in path) if path else (theme_id,)
            self._chains[theme_id] = hit
        return hit

    def count(self, highlights: Iterable[Highlight]) -> Counter[str]:
        out: Counter[str] = Counter()
        for h in highlights:
            if h.deleted or not h.themes:
                continue
            if len(h.themes) == 1:
                out.update(self.chain(h.themes[0]))
                continue
            seen: set[str] = set()
            for t in h.themes:
                seen.update(self.chain(t))
            out.update(seen)
        return out

    def unknown(self, highlights: Iterable[Highlight]) -> Counter[str]:
        """Theme ids not known here, with how many highlights carry each."""
        out: Counter[str] = Counter()
        for h in highlights:
            if not h.deleted:
                out.update(t for t in set(h.themes) if not self.tax.known(t))
        return out


def theme_counts(highlights: Iterable[Highlight], tax: Taxonomy) -> Counter[str]:
    return ThemeCounter(tax).count(highlights)
