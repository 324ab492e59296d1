"""The comparison matrix: documents (or offices, or jurisdictions) × themes, each cell the
number of highlights on that theme — sub-themes counted into their parents — and how they
lean (supports / opposes / neutral). Pure: it reads highlights and documents given to it.

A highlight counts once in a cell however many of the cell's sub-themes it carries, and
once in each column it belongs to. Only live highlights in current documents count
(placing is not needed: a highlight's document is known without finding its words).

Each document's highlights are first counted on their own (by the columns they fall in and
their stance); rows add those up. A caller that asks for many matrices over the same
highlights (a panel whose filters change) passes a :class:`DocumentCounts` cache: a filter
of the rows then only adds up counts already made.
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
    where,
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


#: Highlights bucketed by (the columns they count in, stance) → their ids.
Buckets = dict[tuple[tuple[int, ...], object], list[str]]


class Counted:
    """One document's highlights counted: buckets, how many, how many carry none of the
    columns' themes, and (made when first asked for) its cells as a row of its own."""

    __slots__ = ("_cells", "buckets", "other", "total")

    def __init__(self, buckets: Buckets, total: int, other: int) -> None:
        self.buckets, self.total, self.other = buckets, total, other
        self._cells: dict[int, Cell] | None = None

    def cells(self) -> dict[int, Cell]:
        if self._cells is None:
            self._cells = _spread(self.buckets)
        return self._cells


class DocumentCounts:
    """Per-document counts kept between matrices over the same highlights, taxonomy,
    columns and annotators (``key`` says which: a new key empties it)."""

    def __init__(self) -> None:
        self.key: object = None
        self.by_doc: dict[str, Counted] = {}

    def use(self, key: object) -> dict[str, Counted]:
        if key != self.key:
            self.key, self.by_doc = key, {}
        return self.by_doc


def build_matrix(documents: Iterable[Document], by_document: Mapping[str, Iterable[Highlight]],
                 taxonomy: Taxonomy, filt: MatrixFilter = MatrixFilter(), *,
                 authors: Iterable[Author] = (), counts: DocumentCounts | None = None,
                 counts_key: object = None) -> Matrix:
    """The matrix ``filt`` asks for. ``by_document`` maps current document ids to their
    live highlights; ``authors`` lets ``filt.annotators`` name people by name. With
    ``counts`` (and a ``counts_key`` that changes whenever ``by_document`` or the taxonomy
    does), each document is counted once for every matrix with the same columns and
    annotators."""
    with paused_gc():  # many small objects, no cycles
        return _build(documents, by_document, taxonomy, filt, authors, counts, counts_key)


def _count(highlights: Iterable[Highlight], into: Mapping[str, tuple[int, ...]],
           who: frozenset[str] | None,
           col_cache: dict[tuple[str, ...], tuple[int, ...]]) -> Counted:
    buckets: Buckets = {}
    total = other = 0
    for h in highlights:
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
    return Counted(buckets, total, other)


def _spread(buckets: Buckets) -> dict[int, Cell]:
    """Buckets spread over their columns: column → its cell."""
    acc: dict[int, list] = {}  # column → [count, supports, opposes, ids]
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
    return {c: Cell(n, StanceMix(sup, opp, n - sup - opp), tuple(ids))
            for c, (n, sup, opp, ids) in acc.items()}


def _build(documents: Iterable[Document], by_document: Mapping[str, Iterable[Highlight]],
           taxonomy: Taxonomy, filt: MatrixFilter, authors: Iterable[Author],
           counts: DocumentCounts | None, counts_key: object) -> Matrix:
    columns = tuple(theme_columns(taxonomy, filt.themes))
    docs = select_documents(documents, filt)
    into = ancestors_within(taxonomy, columns)
    who = annotator_ids(authors, filt.annotators)
    kept: dict[str, Counted] = {} if counts is None or counts_key is None else \
        counts.use((counts_key, filt.themes, who))
    groups: dict[str, list[Document]] = {}
    labels: dict[str, str] = {}
    for d in docs:
        rk = row_key(d, filt.group_by)
        groups.setdefault(rk.key, []).append(d)
        labels.setdefault(rk.key, rk.label)
    # per row: its cells by column. A document is counted on its own (its highlights
    # bucketed by (columns, stance), one dict operation each, the buckets then spread over
    # the columns), and kept; a row of several documents adds their buckets up
    counted: list[tuple[str, dict[int, Cell], int, int]] = []
    col_cache: dict[tuple[str, ...], tuple[int, ...]] = {}
    total_highlights = 0
    for key, members in groups.items():
        parts = []
        for d in members:
            part = kept.get(d.id)
            if part is None:
                part = kept[d.id] = _count(by_document.get(d.id, ()), into, who, col_cache)
            parts.append(part)
        total = sum(p.total for p in parts)
        other = sum(p.other for p in parts)
        if len(parts) == 1:
            row_cells = parts[0].cells()
        else:
            buckets: Buckets = {}
            for part in parts:
                for bucket_key, ids in part.buckets.items():
                    bucket = buckets.get(bucket_key)
                    if bucket is None:
                        buckets[bucket_key] = list(ids)
                    else:
                        bucket.extend(ids)
            row_cells = _spread(buckets)
        total_highlights += total
        counted.append((key, row_cells, total, other))
    if filt.only_with_highlights:
        counted = [c for c in counted if c[2]]
    if filt.group_by is not GroupBy.DOCUMENT:
        counted.sort(key=lambda c: labels[c[0]].casefold())
    rows = []
    by_doc = filt.group_by is GroupBy.DOCUMENT
    cells: dict[tuple[int, int], Cell] = {}
    for r, (key, row_cells, total, other) in enumerate(counted):
        members = groups[key]
        one = members[0] if len(members) == 1 else None
        info = detail(one) if one is not None else f"{len(members)} documents"
        rows.append(MatrixRow(key, labels[key], tuple(d.id for d in members), info, total,
                              other, where(one) if one is not None and by_doc else ""))
        for c, cell in row_cells.items():
            cells[(r, c)] = cell
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
