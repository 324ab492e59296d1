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
from typing import Any

from whoosh import query as wq
from whoosh.matching.wrappers import FilterMatcher

from reader.search.tables import IndexTable

log = logging.getLogger(__name__)

Scores = dict[int, float]
B = 0.75  # BM25F defaults, as Whoosh's searcher uses them
K1 = 1.2


class Scorer:
    """Scores queries against one searcher (and its :class:`IndexTable`)."""

    def __init__(self, searcher: Any, table: IndexTable) -> None:
        self.searcher = searcher
        self.table = table
        self._context: Any = None

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
        return self._whoosh(q)

    # -- leaves ---------------------------------------------------------------------------
    def _term(self, fieldname: str, text: Any, boost: float) -> Scores:
        s = self.searcher
        try:
            idf = s.idf(fieldname, text)
        except Exception:  # an unknown field
            return {}
        avg = s.avg_field_length(fieldname) or 1
        factor = idf * (K1 + 1) * boost
        out: Scores = {}
        for offset, _seg, leaf in self.table.live:
            try:
                m = leaf.postings(fieldname, text)
            except Exception:  # TermNotFound: not in this segment
                continue
            deleted: Any = ()
            if isinstance(m, FilterMatcher):
                deleted, m = leaf.deleted_docs_set, m.child
            norm = self.table.norms(offset, leaf, fieldname, avg, B, K1)
            for ids, weights in _blocks(m):
                for d, w in zip(ids, weights, strict=False):
                    if d not in deleted:
                        out[offset + d] = factor * w / (w + norm[d])
        return out

    def _constant_terms(self, q: Any) -> Scores:
        """A prefix, range or wildcard: the rows having any of its terms, all scored the
        same (as Whoosh scores these)."""
        reader = self.searcher.reader()
        out: Scores = {}
        boost = float(q.boost)
        for btext in q._btexts(reader):
            for d in self._term(q.fieldname, btext, 1.0):
                out[d] = boost
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


def _without(scores: Scores, other: Scores) -> Scores:
    return {d: sc for d, sc in scores.items() if d not in other}


def _blocks(m: Any) -> Any:
    """(ids, weights) of a leaf matcher, a block at a time (Whoosh's on-disk matcher's
    decoded arrays; any other matcher one posting at a time)."""
    if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):
        while m.is_active():
            m._read_ids()
            m._read_weights()
            yield m._ids, m._weights
            m._next_block()
        return
    ids, weights = [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    yield ids, weights
