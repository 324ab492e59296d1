"""Per-row facts read from the index's columns, cached per segment (segments never change
once written), so totals, facets and date sorting work at the document level without
loading stored fields."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from reader.errors import REBUILD_HINT, IndexDamaged
from reader.search.fastpath import fell_back
from reader.search.schema import SPELL_FIELD

#: columns read for every row
COLUMNS = ("key", "sig", "doc_id", "rtype", "kind", "date", "jfacet")


@dataclass
class SegmentTable:
    """Column values of one segment, indexed by the segment's local document number."""

    key: list[str]
    sig: list[str]
    doc_id: list[str]
    rtype: list[str]
    kind: list[str]
    date: list[str]
    jfacet: list[str]
    themes: dict[int, tuple[str, ...]] = field(default_factory=dict)  # note rows only
    vocab: list[str] | None = None  # unstemmed words of the text (read on demand)
    lengths: dict[str, list[int]] = field(default_factory=dict)  # field → length per row


class Vocabulary:
    """The unstemmed words of the indexed text, for fuzzy words and "did you mean" (edit
    distances computed by rapidfuzz, not term by term in Python); a word's frequency is
    looked up when asked (only candidates are)."""

    def __init__(self, words: Iterable[str], frequency: Callable[[str], float]) -> None:
        self.words = words
        self._frequency = frequency
        self._freqs: dict[str, float] = {}
        self._by_initial: dict[str, list[str]] | None = None

    def frequency(self, word: str) -> float:
        if word not in self._freqs:
            self._freqs[word] = self._frequency(word)
        return self._freqs[word]

    def within(self, word: str, maxdist: int) -> list[str]:
        """Words within ``maxdist`` edits (Damerau-Levenshtein) that share the first letter,
        closest first, then most frequent."""
        if not word:
            return []
        if self._by_initial is None:
            groups: dict[str, list[str]] = {}
            for w in self.words:
                groups.setdefault(w[:1], []).append(w)
            self._by_initial = groups
        candidates = self._by_initial.get(word[:1], [])
        found = process.extract(word, candidates, scorer=DamerauLevenshtein.distance,
                                score_cutoff=maxdist, limit=None)
        found.sort(key=lambda r: (r[1], -self.frequency(r[0]), r[0]))
        return [w for w, _d, _i in found]


def read_segment(reader: Any) -> SegmentTable:
    """Read the columns of one segment reader (raises :class:`IndexDamaged`, or whatever
    Whoosh raises, on a damaged segment)."""
    n = reader.doc_count_all()
    cols: dict[str, Any] = {}  # column name → its values (str)
    for name in COLUMNS:
        values = list(reader.column_reader(name)) if n else []
        if len(values) != n:
            raise IndexDamaged(f"A column of the search index ({name}) has {len(values)} "
                               f"values for {n} rows.", REBUILD_HINT)
        cols[name] = [v if isinstance(v, str) else v.decode("utf-8") if v else ""
                      for v in values]
    table = SegmentTable(**cols)
    for docnum, rtype in enumerate(table.rtype):  # deleted ones too: filtered per table
        if rtype == "note":
            info = reader.stored_fields(docnum).get("info") or {}
            table.themes[docnum] = tuple(info.get("themes") or ())
    return table


def _read_lengths(leaf: Any, fieldname: str, n: int) -> list[int]:
    """Every row's length of ``fieldname``: the segment's lengths column read at once
    (asking row by row costs a file-system check per row for a field without lengths,
    such as ``kind``), else row by row (counted: see :mod:`reader.search.fastpath`)."""
    try:
        return _lengths_at_once(leaf, fieldname, n)
    except Exception as exc:  # Whoosh's internals changed: the public way, row by row
        fell_back("lengths", f"{type(exc).__name__}: {exc}")
    return [leaf.doc_field_length(d, fieldname, 0) or 0 for d in range(n)]


def _lengths_at_once(leaf: Any, fieldname: str, n: int) -> list[int]:
    """The fast path of :func:`_read_lengths`, through Whoosh's private lengths column
    (one byte per row); raises when that column is not what whoosh-reloaded 2.7.5 has."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
    from whoosh.util.numeric import byte_to_length

    column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:  # no row has this field
        return [0] * n
    if column._typecode != "B" or column._fixedlen != 1:
        raise TypeError(f"a lengths column of type {column._typecode!r}")
    decoded = [byte_to_length(b) if b else 0 for b in range(256)]
    count = min(column._count, n)  # one byte per row: read them in one go
    raw = column._dbfile.get(column._basepos, count)
    lengths = [decoded[b] for b in raw] + [0] * (n - count)
    if len(lengths) != n:
        raise ValueError(f"the lengths column has {len(lengths)} rows, not {n}")
    return lengths


@dataclass
class IndexTable:
    """The whole index as seen by one searcher: every row's document, kind, date …"""

    rows_doc: list[str]
    rows_type: list[str]
    rows_kind: list[str]
    rows_date: list[str]
    rows_jfacet: list[str]
    themes: dict[int, tuple[str, ...]]  # global docnum → theme ids (note rows)
    live: list[tuple[int, SegmentTable, Any]]  # (offset, table, reader) per segment
    doc_themes: dict[str, set[str]] = field(default_factory=dict)  # doc id → theme ids
    note_rows: frozenset[int] = frozenset()  # global docnums of highlight rows
    memo: dict[str, Any] = field(default_factory=dict)  # caches kept with this searcher
    _doc_rows: dict[str, list[int]] | None = None
    _vocab: Vocabulary | None = None
    _norms: dict[tuple[int, str], list[float]] = field(default_factory=dict)

    def norms(self, offset: int, leaf: Any, fieldname: str, avg: float, b: float, k1: float
              ) -> list[float]:
        """Per row of the segment at ``offset``: BM25's length normalisation
        ``k1 * (1 - b + b * length / avg)`` for ``fieldname`` (lengths read once per
        segment, the normalisation once per searcher)."""
        key = (offset, fieldname)
        norms = self._norms.get(key)
        if norms is None:
            seg = next(t for o, t, _r in self.live if o == offset)
            lengths = seg.lengths.get(fieldname)
            if lengths is None:
                lengths = _read_lengths(leaf, fieldname, len(seg.doc_id))
                seg.lengths[fieldname] = lengths
            norms = [k1 * (1 - b + b * length / avg) for length in lengths]
            self._norms[key] = norms
        return norms

    def vocabulary(self) -> Vocabulary:
        """The spelling vocabulary (each segment's words read once and cached: the
        lexicon only, not the term statistics, which cost three times as much)."""
        if self._vocab is None:
            words: set[str] = set()
            for _offset, seg, reader in self.live:
                if seg.vocab is None:
                    try:
                        seg.vocab = [w.decode("utf-8") if isinstance(w, bytes) else w
                                     for w in reader.lexicon(SPELL_FIELD)]
                    except KeyError:  # no spelling field in this segment
                        seg.vocab = []
                words.update(seg.vocab)
            leaves = [reader for _o, _s, reader in self.live]

            def frequency(word: str) -> float:
                total = 0.0
                for leaf in leaves:
                    with suppress(Exception):  # not in this segment
                        total += float(leaf.frequency(SPELL_FIELD, word))
                return total

            self._vocab = Vocabulary(words, frequency)
        return self._vocab

    def rows_of(self, doc_ids: Iterable[str]) -> set[int]:
        """Every row (global docnum, deleted ones included) of these documents."""
        if self._doc_rows is None:
            index: dict[str, list[int]] = {}
            for docnum, doc_id in enumerate(self.rows_doc):
                index.setdefault(doc_id, []).append(docnum)
            self._doc_rows = index
        out: set[int] = set()
        for d in doc_ids:
            out.update(self._doc_rows.get(d, ()))
        return out

    def doc_info(self, docnums: Iterable[int]) -> dict[str, tuple[str, str, str]]:
        """doc id → (kind, date, jurisdiction) for the documents of these rows."""
        out: dict[str, tuple[str, str, str]] = {}
        doc, kind, date, jur = self.rows_doc, self.rows_kind, self.rows_date, self.rows_jfacet
        for d in docnums:
            key = doc[d]
            if key not in out:
                out[key] = (kind[d], date[d], jur[d])
        return out


class TableCache:
    """Builds :class:`IndexTable` objects, reusing segment tables by segment id."""

    def __init__(self) -> None:
        self._segments: dict[str, SegmentTable] = {}
        self._lock = threading.Lock()

    def table(self, reader: Any) -> IndexTable:
        with self._lock:
            leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
            seen: dict[str, SegmentTable] = {}
            rows_doc: list[str] = []
            rows_type: list[str] = []
            rows_kind: list[str] = []
            rows_date: list[str] = []
            rows_jfacet: list[str] = []
            themes: dict[int, tuple[str, ...]] = {}
            live = []
            for leaf, offset in leaves:
                seg = leaf.segment() if hasattr(leaf, "segment") else None
                key = seg.segment_id() if seg is not None else ""  # never changes but deletions
                table = self._segments.get(key) if key else None
                if table is None:
                    table = read_segment(leaf)
                if key:
                    seen[key] = table
                rows_doc += table.doc_id
                rows_type += table.rtype
                rows_kind += table.kind
                rows_date += table.date
                rows_jfacet += table.jfacet
                for docnum, ids in table.themes.items():
                    if not leaf.is_deleted(docnum):
                        themes[offset + docnum] = ids
                live.append((offset, table, leaf))
            self._segments = seen
            doc_themes: dict[str, set[str]] = {}
            for docnum, ids in themes.items():
                doc_themes.setdefault(rows_doc[docnum], set()).update(ids)
            notes = frozenset(i for i, t in enumerate(rows_type) if t == "note")
            return IndexTable(rows_doc, rows_type, rows_kind, rows_date, rows_jfacet,
                              themes, live, doc_themes, notes)

    def clear(self) -> None:
        with self._lock:
            self._segments.clear()


def manifest(table: IndexTable) -> dict[str, str]:
    """key → signature for every live row (doc id for doc/meta rows, ``a:<id>`` for
    highlights): what the index holds, for incremental updates."""
    out: dict[str, str] = {}
    for _offset, seg, reader in table.live:
        deleted = reader.is_deleted
        has_del = reader.has_deletions()
        for docnum, key in enumerate(seg.key):
            if has_del and deleted(docnum):
                continue
            out[key] = seg.sig[docnum]
    return out
