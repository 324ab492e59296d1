"""The comparison matrix: documents (or offices, or jurisdictions) × themes, each cell the
number of highlights on that theme — sub-themes counted into their parents — and how they
lean (supports / opposes / neutral). Pure: it reads highlights and documents given to it.

A highlight counts once in a cell however many of the cell's sub-themes it carries, and
once in each column it belongs to. Only live highlights in current documents count
(placing is not needed: a highlight's document is known without finding its words).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reader.compare.filters import (
    ancestors_within,
    annotator_ids,
    detail,
    row_key,
    select_documents,
    theme_columns,
)
from reader.gcpause import paused_gc
from reader.model.annotations import Author, Highlight, Stance
from reader.model.compare import (
    Cell,
    GroupBy,
    Matrix,
    MatrixFilter,
    MatrixRow,
    StanceMix,
)
from reader.model.documents import Document
from reader.model.themes import Taxonomy

_SUPPORTS, _OPPOSES = Stance.SUPPORTS, Stance.OPPOSES


def build_matrix(documents: Iterable[Document], by_document: Mapping[str, Iterable[Highlight]],
                 taxonomy: Taxonomy, filt: MatrixFilter = MatrixFilter(), *,
                 authors: Iterable[Author] = ()) -> Matrix:
    """The matrix ``filt`` asks for. ``by_document`` maps current document ids to their
    live highlights; ``authors`` lets ``filt.annotators`` name people by name."""
    with paused_gc():  # many small objects, no cycles
        return _build(documents, by_document, taxonomy, filt, authors)


def _build(documents: Iterable[Document], by_document: Mapping[str, Iterable[Highlight]],
           taxonomy: Taxonomy, filt: MatrixFilter, authors: Iterable[Author]) -> Matrix:
    columns = tuple(theme_columns(taxonomy, filt.themes))
    docs = select_documents(documents, filt)
    into = ancestors_within(taxonomy, columns)
    who = annotator_ids(authors, filt.annotators)
    groups: dict[str, list[Document]] = {}
    labels: dict[str, str] = {}
    for d in docs:
        rk = row_key(d, filt.group_by)
        groups.setdefault(rk.key, []).append(d)
        labels.setdefault(rk.key, rk.label)
    # per row: per column [count, supports, opposes, ids]; highlights are first bucketed by
    # (columns, stance), one dict operation each, then the buckets are spread over columns
    counted: list[tuple[str, dict[int, list], int, int]] = []
    col_cache: dict[tuple[str, ...], tuple[int, ...]] = {}
    total_highlights = 0
    for key, members in groups.items():
        buckets: dict[tuple[tuple[int, ...], object], list[str]] = {}
        total = other = 0
        for d in members:
            for h in by_document.get(d.id, ()):
                if h.deleted or (who is not None and h.author.id not in who):
                    continue
                total += 1
                cols = col_cache.get(h.themes)
                if cols is None:
                    found: set[int] = set()
                    for t in h.themes:
                        found.update(into.get(t, ()))
                    cols = col_cache[h.themes] = tuple(sorted(found))
                if not cols:
                    other += 1
                    continue
                bucket = buckets.get((cols, h.stance))
                if bucket is None:
                    bucket = buckets[(cols, h.stance)] = []
                bucket.append(h.id)
        acc: dict[int, list] = {}
        for (cols, stance), ids in buckets.items():
            n = len(ids)
            for c in cols:
                slot = acc.get(c)
                if slot is None:
                    slot = acc[c] = [0, 0, 0, []]
                slot[0] += n
                if stance is _SUPPORTS:
                    slot[1] += n
                elif stance is _OPPOSES:
                    slot[2] += n
                slot[3].extend(ids)
        total_highlights += total
        counted.append((key, acc, total, other))
    if filt.only_with_highlights:
        counted = [c for c in counted if c[2]]
    if filt.group_by is not GroupBy.DOCUMENT:
        counted.sort(key=lambda c: labels[c[0]].casefold())
    rows = []
    cells: dict[tuple[int, int], Cell] = {}
    for r, (key, acc, total, other) in enumerate(counted):
        members = groups[key]
        info = detail(members[0]) if len(members) == 1 else f"{len(members)} documents"
        rows.append(MatrixRow(key, labels[key], tuple(d.id for d in members), info, total,
                              other))
        for c, (n, sup, opp, ids) in acc.items():
            cells[(r, c)] = Cell(n, StanceMix(sup, opp, n - sup - opp), tuple(ids))
    return Matrix(tuple(rows), columns, cells, filt, len(docs), total_highlights,
                  _empty_reason(filt, len(docs), total_highlights, columns))


def _empty_reason(filt: MatrixFilter, documents: int, highlights: int,
                  columns: tuple) -> str:
    if not columns:
        return ("There are no themes yet. Add themes to the group's list, tag highlights "
                "with them, and the matrix counts them per document.")
    if not documents:
        chosen = []
        if filt.kinds:
            chosen.append("kind " + " or ".join(filt.kinds))
        if filt.jurisdictions:
            chosen.append("jurisdiction " + " or ".join(filt.jurisdictions))
        if filt.offices:
            chosen.append("office " + " or ".join(filt.offices))
        if filt.since or filt.until:
            chosen.append(f"dates {filt.since or '…'} to {filt.until or '…'}")
        if filt.documents:
            chosen.append(f"{len(filt.documents)} chosen documents")
        which = "; ".join(chosen) or "the filters"
        return f"No document matches {which}. Widen the filters to compare documents."
    if not highlights:
        who = " by " + ", ".join(filt.annotators) if filt.annotators else ""
        where = "this document" if documents == 1 else f"these {documents} documents"
        return (f"No highlights{who} in {where} yet. "
                "Highlight passages and tag them with themes: the matrix counts them per "
                "document and theme, with how they lean, and shows where a document says "
                "nothing about a theme.")
    return ""


def column_totals(matrix: Matrix) -> list[int]:
    """Highlights per column over all rows."""
    out = [0] * len(matrix.columns)
    for (_, c), cell in matrix.cells.items():
        out[c] += cell.count
    return out
