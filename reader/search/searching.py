"""Running a query: match rows, group them by document, mark and cut snippets, count
facets, suggest spellings. Pure over a Whoosh searcher and its :class:`IndexTable`."""

from __future__ import annotations

import heapq
import logging
import time
from collections import Counter
from typing import Any

from whoosh import query as wq

from reader.search.api import DocResult, Facet, SearchHit, SearchResults
from reader.search.hits import (
    HITS_PER_DOC,
    meta_hit,
    note_hit,
    text_hits,
    title_bonus,
    unit_scores,
)
from reader.search.marks import KeyedSpans, RowMarks, row_marks
from reader.search.query_build import Built, build_query
from reader.search.query_parse import FIELDS, parse_query
from reader.search.scoring import Scorer, Scores
from reader.search.suggest import suggest
from reader.search.tables import IndexTable

log = logging.getLogger(__name__)

MAX_LIMIT = 500
RERANK = 20  # the best documents re-ranked by their best page


def _filter_query(filters: dict[str, str] | None, reader: Any, warnings: list[str]
                  ) -> wq.Query | None:
    """The ``filters`` argument (field → value, same syntax as in a query) as one query."""
    if not filters:
        return None
    parts = []
    for name, value in filters.items():
        if not isinstance(name, str) or name.lower() not in FIELDS or value in (None, ""):
            warnings.append(f"Ignored the filter {name!r}.")
            continue
        text = str(value).replace('"', " ").strip()
        quoted = f'"{text}"' if " " in text and ".." not in text else text
        parsed = parse_query(f"{name.lower()}:{quoted}")
        warnings.extend(w for w in parsed.warnings if w not in warnings)
        built = build_query(parsed.tree, reader, warnings)
        if built.query is not None:
            parts.append(built.query)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _facets(best_row: dict[str, int], table: IndexTable) -> tuple[Facet, ...]:
    """Matching documents per kind, jurisdiction and theme (from each one's best row)."""
    rows = best_row.values()
    kinds = Counter(map(table.rows_kind.__getitem__, rows))
    jurs = Counter(map(table.rows_jfacet.__getitem__, rows))
    themes: Counter[str] = Counter()
    for doc_id, ids in table.doc_themes.items():  # few documents have highlights
        if doc_id in best_row:
            themes.update(ids)
    out: list[Facet] = []
    for name, counter in (("kind", kinds), ("jurisdiction", jurs), ("theme", themes)):
        for value, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            if value:
                out.append(Facet(name, value, count))
    return tuple(out)


def _best_rows(scores: Scores, table: IndexTable, allowed: Scores | None, mask: set[int]
               ) -> dict[str, int]:
    """Per matching document its best row (docnum). This runs over every match, so in
    C-speed steps: a document has one text (or meta) row, and only its highlights' rows
    can compete with it."""
    rows = scores.keys() - mask if mask else scores.keys()
    if allowed is not None:
        rows &= allowed.keys()
    notes = rows & table.note_rows
    plain = rows - notes if notes else rows
    rows_doc = table.rows_doc
    best = dict(zip(map(rows_doc.__getitem__, plain), plain, strict=True))
    for d in sorted(notes):
        doc = rows_doc[d]
        kept = best.get(doc)
        if kept is None or scores[d] > scores[kept] or (scores[d] == scores[kept] and d < kept):
            best[doc] = d
    return best


def _weigher(searcher: Any) -> Any:
    """(field, term or phrase words) → its idf (cached), to rank a document's pages."""
    cache: dict[tuple[str, Any], float] = {}

    def weight(key: tuple[str, Any]) -> float:
        if key not in cache:
            fieldname, what = key[0].rstrip("~"), key[1]
            words = what if isinstance(what, tuple) else (what,)
            try:
                cache[key] = sum(searcher.idf(fieldname, w) for w in words)
            except Exception:
                cache[key] = 1.0
        return cache[key]

    return weight


class Candidates:
    """The rows, stored fields and matches of the documents that may be shown."""

    def __init__(self, searcher: Any, table: IndexTable, scores: Scores,
                 allowed: Scores | None, doc_ids: list[str], built: Built,
                 scorer: Scorer) -> None:
        self.searcher, self.table, self.built = searcher, table, built
        self.rows: dict[str, list[tuple[float, int]]] = {}
        for doc_id in doc_ids:
            rows = [(scores[r], r) for r in table.rows_of([doc_id]) if r in scores
                    and (allowed is None or r in allowed)]
            self.rows[doc_id] = sorted(rows, key=lambda sd: (-sd[0], sd[1]))
        self.keyed: KeyedSpans = {}
        docnums = [d for rows in self.rows.values() for _s, d in rows]
        self.marks: RowMarks = row_marks(searcher, docnums, built.marks, self.keyed, scorer)
        self.weight = _weigher(searcher)
        self._infos: dict[int, dict[str, Any]] = {}
        self.units: dict[int, list[tuple[float, int]]] = {}  # doc row → scored pages

    def info(self, docnum: int) -> dict[str, Any]:
        if docnum not in self._infos:
            self._infos[docnum] = self.searcher.stored_fields(docnum).get("info") or {}
        return self._infos[docnum]

    def rescore(self, best: dict[str, tuple[float, int]]) -> None:
        """A document's score becomes its best page's (plus its title's words), as if each
        page were scored on its own: a short page that holds the query beats a long
        document that mentions it in passing."""
        for doc_id, rows in self.rows.items():
            for _score, r in rows:
                if self.table.rows_type[r] != "doc" or r not in self.keyed:
                    continue
                info = self.info(r)
                scored = unit_scores(info, self.keyed[r], self.weight,
                                     self.built.proximity)
                self.units[r] = scored
                if scored:
                    new = scored[0][0] + title_bonus(info, self.built.marks, self.weight)
                    best[doc_id] = (new, best[doc_id][1])

    def group(self, doc_id: str, score: float) -> DocResult:
        hits: list[SearchHit] = []
        infos: dict[str, dict[str, Any]] = {}  # the document's own row's, else a note's
        spec = self.built.marks
        for row_score, docnum in self.rows[doc_id]:
            info = self.info(docnum)
            rtype = self.table.rows_type[docnum]
            infos.setdefault("note" if rtype == "note" else "doc", info)
            fields = self.marks.get(docnum, {})
            if rtype == "note":
                hits.append(note_hit(doc_id, info, row_score, fields, spec))
            elif rtype == "doc":
                scored = self.units.get(docnum)
                if scored is None:
                    scored = unit_scores(info, self.keyed.get(docnum, []), self.weight,
                                         self.built.proximity)
                hits += text_hits(doc_id, info, fields, scored)
        hits.sort(key=lambda h: -h.score)
        hits = hits[:HITS_PER_DOC]
        first_info = infos.get("doc") or infos.get("note") or {}
        if not hits:
            hits.append(meta_hit(doc_id, first_info, score, spec))
        return DocResult(
            doc_id=doc_id, title=str(first_info.get("title") or ""),
            path=str(first_info.get("path") or ""), kind=str(first_info.get("kind") or ""),
            date=str(first_info.get("date") or ""), score=score, hits=tuple(hits))


class LazyVocabulary:
    """The table's vocabulary, read only when a fuzzy word or a suggestion needs it."""

    def __init__(self, table: IndexTable) -> None:
        self.table = table

    def frequency(self, word: str) -> float:
        return self.table.vocabulary().frequency(word)

    def within(self, word: str, maxdist: int) -> list[str]:
        return self.table.vocabulary().within(word, maxdist)


def run_search(searcher: Any, table: IndexTable, text: object, *, limit: int = 20,
               sort: str = "relevance", filters: dict[str, str] | None = None,
               notices: tuple[str, ...] = ()) -> SearchResults:
    started = time.perf_counter()
    parsed = parse_query(text)
    warnings = list(notices) + parsed.warnings
    try:
        limit = max(1, min(int(limit), MAX_LIMIT))
    except (TypeError, ValueError):
        limit = 20
    if sort not in ("relevance", "date"):
        warnings.append(f"Unknown sort '{sort}': sorted by relevance.")
        sort = "relevance"
    reader = searcher.reader()
    built = build_query(parsed.tree, reader, warnings, LazyVocabulary(table))
    fq = _filter_query(filters, reader, warnings)
    q = built.query
    if q is None and fq is None:
        return SearchResults(parsed.text, (), 0, warnings=tuple(warnings),
                             elapsed=time.perf_counter() - started)
    if q is None:
        q, fq = fq, None
    scorer = Scorer(searcher, table)
    mask: set[int] = set()  # rows of documents excluded as a whole
    if built.exclude:
        excluded: set[str] = set()
        for ex in built.exclude:
            excluded.update(table.rows_doc[d] for d in scorer.run(ex))
        mask = table.rows_of(excluded)
    allowed = scorer.run(fq) if fq is not None else None
    scores = scorer.run(q)
    best_row = _best_rows(scores, table, allowed, mask)
    facets = _facets(best_row, table)
    if sort == "date":
        dates = table.rows_date
        order = heapq.nlargest(limit, best_row, key=lambda d: (
            dates[best_row[d]] != "", dates[best_row[d]], d))
        best = {d: (scores[best_row[d]], best_row[d]) for d in order}
        cand = Candidates(searcher, table, scores, allowed, order, built, scorer)
    else:
        top = [d for _s, d in heapq.nsmallest(
            max(limit * 2, RERANK), [(-scores[r], d) for d, r in best_row.items()])]
        best = {d: (scores[best_row[d]], best_row[d]) for d in top}
        cand = Candidates(searcher, table, scores, allowed, top, built, scorer)
        cand.rescore(best)
        order = sorted(top, key=lambda d: (-best[d][0], d))
    groups = [cand.group(doc_id, best[doc_id][0]) for doc_id in order[:limit]]
    suggestion = suggest(parsed, reader, LazyVocabulary(table))
    return SearchResults(parsed.text, tuple(groups), len(best_row), facets, suggestion,
                         tuple(warnings), time.perf_counter() - started)
