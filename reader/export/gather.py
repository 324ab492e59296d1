"""The inputs of a brief, gathered once, then built and written as often as the person
changes options (:func:`reader.ops.brief.gather_inputs` reads them from a workspace).

The export dialog's loop::

    inputs = gather_inputs(workspace)                 # once (reads the annotation store)
    n = inputs.count(options)                         # on every change: cheap
    brief = inputs.build(options)                     # NothingToExport when empty
    html = inputs.preview(options, limit=30)          # live preview (never raises)
    result = write_brief(brief, path, progress=..., cancel=...)   # on a worker thread
"""

from __future__ import annotations

import html
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.errors import NothingToExport
from reader.export.build import build_brief
from reader.export.html import render_html
from reader.export.model import Brief
from reader.export.options import BriefOptions
from reader.export.select import select
from reader.model.annotations import Author, Placed, Theme
from reader.model.documents import DocText, Document


@dataclass(frozen=True)
class Counts:
    highlights: int  # matching the filters
    orphaned: int  # of which cannot be placed
    documents: int

    @property
    def citable(self) -> int:
        return self.highlights - self.orphaned


@dataclass(frozen=True)
class BriefInputs:
    """Everything a brief is built from, read once."""

    placed: tuple[Placed, ...]
    documents: Mapping[str, Document]
    library: Any  # has .text(doc_id) -> DocText
    taxonomy: Any  # Taxonomy (or a tuple of Theme)
    authors: tuple[Author, ...] = ()
    discussion: Any = None  # Discussion (replies and links), or None
    _texts: dict[str, DocText] = field(default_factory=dict, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def text(self, doc_id: str) -> DocText:
        """A document's text, cached for repeated builds (thread-safe)."""
        with self._lock:
            hit = self._texts.get(doc_id)
        if hit is not None:
            return hit
        text = self.library.text(doc_id)
        with self._lock:
            self._texts[doc_id] = text
        return text

    @property
    def themes(self) -> tuple[Theme, ...]:
        return tuple(getattr(self.taxonomy, "themes", self.taxonomy))

    def documents_with_highlights(self) -> list[tuple[Document, int]]:
        """For the dialog's document picker: each document that has live highlights, with
        how many, by title."""
        counts: dict[str, int] = {}
        for p in self.placed:
            if not p.highlight.deleted:
                doc_id = p.anchor.doc_id or p.highlight.doc_id
                counts[doc_id] = counts.get(doc_id, 0) + 1
        found = [(self.documents[d], n) for d, n in counts.items() if d in self.documents]
        return sorted(found, key=lambda item: (item[0].title.casefold(), item[0].id))

    def count(self, options: BriefOptions) -> Counts:
        chosen = select(options, self.placed, self.taxonomy)
        return Counts(highlights=len(chosen), orphaned=sum(1 for p in chosen if p.orphaned),
                      documents=len({p.anchor.doc_id or p.highlight.doc_id for p in chosen}))

    def build(self, options: BriefOptions) -> Brief:
        return build_brief(options, self.placed, self.documents, self.text, self.taxonomy,
                           discussion=self.discussion)

    def preview(self, options: BriefOptions, *, limit: int = 30) -> str:
        """HTML for the dialog's live preview (Qt rich text): the cover and the first
        ``limit`` passages, or a short explanation when nothing matches. Never raises
        ``NothingToExport``."""
        try:
            brief = self.build(options)
        except NothingToExport as exc:
            return ('<html><body><p style="color: #555555;"><i>'
                    f"{html.escape(str(exc))}</i></p></body></html>")
        return render_html(brief, lite=True, limit=limit)
