"""Score a query over the postings directly: global docnum → BM25F score for every
matching row, in one pass per term.

Whoosh's matcher tree costs some 20 µs per posting (a method call per level for every
``id``/``score``/``next``); totals and facets need *every* match, so that cost is paid on
every row of a common word. Here a term's postings are read a block at a time (the ids
and weights arrays Whoosh decodes anyway) and scored with one arithmetic expression;
``And``/``Or``/``Not`` are set operations on the resulting dicts. The scores equal
Whoosh's :class:`~whoosh.scoring.BM25F` (same idf, average length, lengths and weights).
Queries this module does not take apart (phrases) are run through Whoosh's own matcher.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.system import _INT_SIZE

from reader.search.fastpath import fell_back
from reader.search.schema import BM25_B, BM25_K1
from reader.search.tables import IndexTable

log = logging.getLogger(__name__)

Scores = dict[int, float]
B, K1 = BM25_B, BM25_K1  # Whoosh's searcher's BM25F defaults
KEEP_FIELDS = ("body", "cite", "quote", "section")  # fields whose offsets snippets need
CACHE_BYTES = 48_000_000  # terms kept per searcher (a word in every document: ~1 MB)


class Scorer:
    """Scores queries against one searcher (and its :class:`IndexTable`). The decoded
    posting blocks of the terms of :data:`KEEP_FIELDS` are kept for the query's lifetime,
    so the positions and offsets of the shown documents' matches are read from them
    (:meth:`occurrences`) instead of decoding the same blocks again."""

    def __init__(self, searcher: Any, table: IndexTable) -> None:
        self.searcher = searcher
        self.table = table
        self._context: Any = None
        # (field, term) → per segment (offset, [last id of each block], [(ids, matcher
        # state: the block's values)]), in segment order
        self._kept: dict[tuple[str, str], list[tuple[int, list[int], list[Any]]]] = {}
        self._cache: TermCache = table.memo.setdefault("terms", TermCache())

    # -- entry points ---------------------------------------------------------------------
    def run(self, q: wq.Query) -> Scores:
        """Every matching row with its score."""
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.Or):
            return self._or([self.run(sub) for sub in q.subqueries], q.boost)
        if isinstance(q, wq.And):
            return self._and(q.subqueries, q.boost)
        if isinstance(q, wq.AndNot):
            out = self.run(q.a)
            return _without(out, self.run(q.b))
        if isinstance(q, wq.Not):
            return _without(self._every(1.0), self.run(q.query))
        if isinstance(q, wq.Every):
            return self._every(q.boost)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return {}
        if isinstance(q, (wq.Prefix, wq.TermRange, wq.Wildcard)) and q.constantscore:
            return self._constant_terms(q)
        if isinstance(q, wq.Phrase) and q.slop == 1 and len(q.words) > 1:
            return self._phrase(q.fieldname, q.words, q.boost)
        return self._whoosh(q)

    # -- leaves ---------------------------------------------------------------------------
    def _term(self, fieldname: str, text: Any, boost: float) -> Scores:
        key = (fieldname, text, boost)
        hit = self._cache.get(key)
        if hit is not None:
            scores, kept = hit
            if kept is not None:
                self._kept[(fieldname, text)] = kept
            return scores
        scores, kept, size = self._read_term(fieldname, text, boost)
        self._cache.put(key, scores, kept, size)
        return scores

    def _read_term(self, fieldname: str, text: Any, boost: float
                   ) -> tuple[Scores, Any, int]:
        """(scores, kept blocks or None, approximate size in bytes)."""
        s = self.searcher
        try:
            idf = s.idf(fieldname, text)
        except Exception:  # an unknown field
            return {}, None, 0
        avg = s.avg_field_length(fieldname) or 1
        factor = idf * (K1 + 1) * boost
        scorable = s.schema[fieldname].scorable
        keep = fieldname in KEEP_FIELDS and isinstance(text, str)
        kept: list[tuple[int, list[int], list[Any]]] = []
        out: Scores = {}
        size = 0
        for offset, _seg, leaf in self.table.live:
            found = _postings(leaf, fieldname, text)
            if found is None:
                continue
            m, deleted = found
            lasts: list[int] = []
            blocks: list[Any] = []
            if scorable:
                norm = self.table.norms(offset, leaf, fieldname, avg, B, K1)
            for ids, weights, values in _blocks(m, keep):
                if scorable:
                    out.update({offset + d: factor * w / (w + norm[d])
                                for d, w in zip(ids, weights, strict=False)})
                else:  # no lengths (an ID field): Whoosh scores the weight
                    out.update({offset + d: w * boost
                                for d, w in zip(ids, weights, strict=False)})
                if deleted:
                    for d in ids:
                        if d in deleted:
                            out.pop(offset + d, None)
                if keep and ids:
                    lasts.append(ids[-1])
                    blocks.append((ids, values))
                    size += sum(map(len, values())) + 48 * len(ids)
            if keep:
                kept.append((offset, lasts, blocks))
        if keep:
            self._kept[(fieldname, text)] = kept
        return out, kept if keep else None, size + 120 * len(out)

    def _raw(self, fieldname: str, term: str, docnums: list[int]) -> dict[int, bytes] | None:
        """docnum → the raw posting value of ``term`` in these rows, from the kept blocks
        (None when the term's blocks were not kept)."""
        kept = self._kept.get((fieldname, term))
        if kept is None:
            return None
        out: dict[int, bytes] = {}
        offsets = [o for o, _l, _b in kept]
        for d in docnums:
            k = bisect_right(offsets, d) - 1
            if k < 0:
                continue
            offset, lasts, blocks = kept[k]
            local = d - offset
            b = bisect_left(lasts, local)
            if b >= len(blocks):
                continue
            ids, values = blocks[b]
            i = bisect_left(ids, local)
            if i < len(ids) and ids[i] == local:
                out[d] = values()[i]
        return out

    def occurrences(self, fieldname: str, term: str, docnums: list[int]
                    ) -> dict[int, list[tuple[int, int, int]]] | None:
        """docnum → [(position, start, end)] of ``term`` in these rows, from the blocks
        read while scoring; None when the term was not read (the caller reads the
        postings itself)."""
        raw = self._raw(fieldname, term, docnums)
        if raw is None:
            return None
        decode = self.searcher.schema[fieldname].format.decode_characters
        return {d: decode(v) for d, v in raw.items()}

    def _phrase(self, fieldname: str, words: list[str], boost: float) -> Scores:
        """Rows with ``words`` in this order: the rows having them all, then their
        positions (read from the kept blocks) checked; scored as the sum of the words'
        scores."""
        key = ("~phrase", fieldname, tuple(words), boost)
        hit = self._cache.get(key)
        if hit is not None:
            return hit[0]
        out = self._read_phrase(fieldname, words, boost)
        self._cache.put(key, out, None, 120 * len(out))
        return out

    def _read_phrase(self, fieldname: str, words: list[str], boost: float) -> Scores:
        parts = [self._term(fieldname, w, 1.0) for w in words]
        if not all(parts):
            return {}
        ordered = sorted(parts, key=len)
        cand = [d for d in ordered[0] if all(d in p for p in ordered[1:])]
        if not cand:
            return {}
        cand.sort()
        read = {w: self._raw(fieldname, w, cand) for w in dict.fromkeys(words)}
        raws = {w: r for w, r in read.items() if r is not None}
        if len(raws) < len(read):
            if fieldname in KEEP_FIELDS:  # their blocks are always kept: this is a bug
                fell_back("phrase", f"the blocks of a phrase's words in {fieldname} were "
                                    "not kept")
            return self._whoosh(wq.Phrase(fieldname, words, boost=boost))
        out: Scores = {}
        for d in cand:
            # positions of the phrase's start, word by word: the k-th word shifted back k
            starts = _positions(raws[words[0]][d])
            for k, w in enumerate(words[1:], 1):
                starts &= {p - k for p in _positions(raws[w][d])}
                if not starts:
                    break
            if starts:
                out[d] = sum(p[d] for p in parts) * boost
        return out

    def _constant_terms(self, q: Any) -> Scores:
        """A prefix, range or wildcard: the rows having any of its terms, all scored the
        same (as Whoosh scores these)."""
        key = ("~constant", type(q).__name__, repr(q))
        hit = self._cache.get(key)
        if hit is not None:
            return hit[0]
        reader = self.searcher.reader()
        out: Scores = {}
        boost = float(q.boost)
        for btext in q._btexts(reader):
            for offset, _seg, leaf in self.table.live:
                found = _postings(leaf, q.fieldname, btext)
                if found is None:
                    continue
                m, deleted = found
                for ids, _w, _v in _blocks(m, False):
                    out.update({offset + d: boost for d in ids if d not in deleted})
        self._cache.put(key, out, None, 120 * len(out))
        return out

    def _every(self, boost: float) -> Scores:
        out: Scores = {}
        for offset, seg, leaf in self.table.live:
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
            for d in range(len(seg.doc_id)):
                if d not in deleted:
                    out[offset + d] = boost
        return out

    def _whoosh(self, q: wq.Query) -> Scores:
        """Anything else (phrases): Whoosh's matcher, scored by Whoosh."""
        if self._context is None:
            self._context = self.searcher.context()
        out: Scores = {}
        for sub, offset in self.searcher.leaf_searchers():
            m = q.matcher(sub, self._context)
            while m.is_active():
                out[offset + m.id()] = m.score()
                m.next()
        return out

    # -- compounds ------------------------------------------------------------------------
    @staticmethod
    def _or(parts: list[Scores], boost: float) -> Scores:
        parts = sorted(parts, key=len, reverse=True)
        if not parts:
            return {}
        out = dict(parts[0])
        for part in parts[1:]:
            for d, sc in part.items():
                out[d] = out.get(d, 0.0) + sc
        if boost != 1.0:
            out = {d: sc * boost for d, sc in out.items()}
        return out

    def _and(self, subqueries: list[wq.Query], boost: float) -> Scores:
        positive = [self.run(sub) for sub in subqueries if not isinstance(sub, wq.Not)]
        negative = [self.run(sub.query) for sub in subqueries if isinstance(sub, wq.Not)]
        if not positive:
            positive = [self._every(1.0)]
        positive.sort(key=len)
        out = dict(positive[0])
        for part in positive[1:]:
            out = {d: sc + part[d] for d, sc in out.items() if d in part}
            if not out:
                break
        for part in negative:
            out = _without(out, part)
        if boost != 1.0:
            out = {d: sc * boost for d, sc in out.items()}
        return out


class TermCache:
    """What earlier queries on the same searcher read: per term its scores and decoded
    blocks (a new searcher after a commit starts a new cache). Least recently used terms
    are dropped beyond :data:`CACHE_BYTES`. Typing a query word by word, clicking a facet
    or changing the sort re-reads the same words; this makes that free."""

    def __init__(self, budget: int | None = None) -> None:
        self.budget = CACHE_BYTES if budget is None else budget
        self._items: OrderedDict[Any, tuple[Scores, Any, int]] = OrderedDict()
        self._size = 0

    def get(self, key: Any) -> tuple[Scores, Any] | None:
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0], item[1]

    def put(self, key: Any, scores: Scores, kept: Any, size: int) -> None:
        if size > self.budget or key in self._items:
            return
        self._items[key] = (scores, kept, size)
        self._size += size
        while self._size > self.budget:
            _key, (_s, _k, old) = self._items.popitem(last=False)
            self._size -= old


def _postings(leaf: Any, fieldname: str, text: Any) -> tuple[Any, Any] | None:
    """(the term's raw matcher in this segment, its deleted rows), or None when the
    segment does not have the term."""
    try:
        m = leaf.postings(fieldname, text)
    except Exception:  # TermNotFound: not in this segment
        return None
    if isinstance(m, FilterMatcher):  # Whoosh wraps it to skip deleted rows: unwrap
        return m.child, leaf.deleted_docs_set
    return m, ()


def _without(scores: Scores, other: Scores) -> Scores:
    return {d: sc for d, sc in scores.items() if d not in other}


def _blocks(m: Any, keep: bool) -> Any:
    """(ids, weights, values) of a leaf matcher, a block at a time (Whoosh's on-disk
    matcher's decoded arrays; any other matcher one posting at a time: postings inlined
    in the term's entry, a :class:`ListMatcher`, are expected; anything else means
    Whoosh's internals changed, and is counted). ``values`` is a function giving the
    block's raw values (None unless ``keep``)."""
    if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):
        while m.is_active():
            m._read_ids()
            m._read_weights()
            data = m._data
            values = (lambda data=data: data[2]) if keep else None  # decoded only if asked
            yield m._ids, m._weights, values
            m._next_block()
        return
    if not isinstance(m, ListMatcher):
        fell_back("blocks", f"a {type(m).__name__} has no block arrays")
    ids, weights, vals = [], [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        if keep:
            vals.append(m.value())
        m.next()
    yield ids, weights, (lambda: vals) if keep else None


def _positions(value: bytes) -> set[int]:
    """The word positions in a ``Characters`` posting value (Whoosh's encoding: a count,
    then a pickled list of (position delta, start delta, length))."""
    if not value.endswith(b"."):
        value += b"."
    return set(accumulate(code[0] for code in loads(value[_INT_SIZE:])))
