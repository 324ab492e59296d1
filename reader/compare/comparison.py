"""The policy comparison: 2–6 documents side by side on 1–5 themes, each document's
passages on each theme (or its sub-themes) in parallel columns, in reading order — e.g.
what four DA memos say about naloxone and about proof of treatment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.compare.filters import ancestors_within, theme_columns
from reader.errors import CompareError
from reader.model.annotations import Placed
from reader.model.compare import Comparison, ComparisonColumn, Passage
from reader.model.documents import Document
from reader.model.themes import Taxonomy

MIN_DOCUMENTS, MAX_DOCUMENTS = 2, 6
MIN_THEMES, MAX_THEMES = 1, 5


def passage(p: Placed) -> Passage:
    h, a = p.highlight, p.anchor
    return Passage(h.id, a.doc_id or h.doc_id, h.quote.exact,
                   page=h.page if p.orphaned else a.page,
                   section=h.section if p.orphaned else a.section, stance=h.stance,
                   themes=h.themes, note=h.note, author=h.author, orphaned=p.orphaned)


def compare_documents(doc_ids: Sequence[str], themes: Sequence[str],
                      placed_by_doc: Mapping[str, Sequence[Placed]],
                      documents: Mapping[str, Document], taxonomy: Taxonomy) -> Comparison:
    """``CompareError`` for fewer than 2 or more than 6 documents, fewer than 1 or more
    than 5 themes, or a document that is not in the workspace (``ThemeError`` for an unknown
    theme)."""
    doc_ids = list(dict.fromkeys(doc_ids))
    if not MIN_DOCUMENTS <= len(doc_ids) <= MAX_DOCUMENTS:
        raise CompareError(f"Choose {MIN_DOCUMENTS} to {MAX_DOCUMENTS} documents to "
                              f"compare ({len(doc_ids)} chosen).")
    wanted = list(dict.fromkeys(themes))
    if not MIN_THEMES <= len(wanted) <= MAX_THEMES:
        raise CompareError(f"Choose {MIN_THEMES} to {MAX_THEMES} themes to compare "
                              f"({len(wanted)} chosen).")
    missing = [d for d in doc_ids if d not in documents]
    if missing:
        raise CompareError(f"The document {missing[0][:12]} is not in this workspace.")
    all_columns = theme_columns(taxonomy, wanted)
    heads = [c for c in all_columns if c.depth == 0]
    into = ancestors_within(taxonomy, heads)
    cells: list[list[list[Passage]]] = [[[] for _ in doc_ids] for _ in heads]
    for j, doc_id in enumerate(doc_ids):
        ordered = sorted((p for p in placed_by_doc.get(doc_id, ()) if not p.highlight.deleted),
                         key=lambda p: (p.orphaned, p.anchor.start, p.highlight.id))
        for p in ordered:
            cols: set[int] = set()
            for t in p.highlight.themes:
                cols.update(into.get(t, ()))
            for i in sorted(cols):
                cells[i][j].append(passage(p))
    columns = tuple(_column(documents[d]) for d in doc_ids)
    return Comparison(columns, tuple(heads),
                      tuple(tuple(tuple(cell) for cell in row) for row in cells))


def _column(doc: Document) -> ComparisonColumn:
    m = doc.meta
    return ComparisonColumn(doc.id, doc.title, " ".join(m.author.split()),
                            " ".join(m.jurisdiction.split()), m.date, m.kind)
