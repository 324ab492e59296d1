"""Running a query: match rows, group them by document, mark and cut snippets, count
facets, suggest spellings. Pure over a Whoosh searcher and its :class:`IndexTable`."""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import replace
from typing import Any

from whoosh import query as wq

from reader.search.api import DocResult, Facet, SearchHit, SearchResults, Snippet
from reader.search.marks import RowMarks, near_rows, row_marks, text_marks
from reader.search.query_build import PROXIMITY_BOOST, PROXIMITY_SLOP, MarkSpec, build_query
from reader.search.query_parse import FIELDS, parse_query
from reader.search.rows import meta_snippet_text, passage_text
from reader.search.snippets import make_snippets
from reader.search.suggest import suggest
from reader.search.tables import IndexTable

log = logging.getLogger(__name__)

MAX_LIMIT = 500
HITS_PER_DOC = 3


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


def _facets(docs: dict[str, tuple[str, str, str]], table: IndexTable) -> tuple[Facet, ...]:
    kinds = Counter(v[0] for v in docs.values() if v[0])
    jurs = Counter(v[2] for v in docs.values() if v[2])
    themes: Counter[str] = Counter()
    for doc_id in docs:
        themes.update(table.doc_themes.get(doc_id, ()))
    out: list[Facet] = []
    for name, counter in (("kind", kinds), ("jurisdiction", jurs), ("theme", themes)):
        for value, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(Facet(name, value, count))
    return tuple(out)


def _meta_hit(doc_id: str, info: dict[str, Any], score: float, spec: MarkSpec) -> SearchHit:
    text = meta_snippet_text(info) or str(info.get("path") or doc_id[:12])
    marks = text_marks(text, spec)
    snippet = Snippet(text, tuple(marks), 0, 0, ())
    return SearchHit(doc_id, 1, "", score, (snippet,), source="title")


def _note_hit(doc_id: str, info: dict[str, Any], score: float, fields: dict[str, list],
              spec: MarkSpec) -> SearchHit:
    quote, note = str(info.get("quote") or ""), str(info.get("note") or "")
    start, end = int(info.get("start", -1)), int(info.get("end", -1))
    anchored = start >= 0
    qmarks = sorted(fields.get("quote", []) + [s for s in fields.get("cite", [])
                                                if s[1] <= len(quote)])
    nmarks = fields.get("body", [])
    snippets: list[Snippet] = []
    if quote and (qmarks or not nmarks):
        snippets += make_snippets(quote, qmarks, offset=max(start, 0), max_snippets=1,
                                  doc_offsets=anchored)
    if note and nmarks:
        snippets += [replace(s, start=max(start, 0), end=max(end, 0))
                     for s in make_snippets(note, nmarks, max_snippets=1, doc_offsets=False)]
    if not snippets and note:
        snippets += make_snippets(note, text_marks(note, spec), max_snippets=1,
                                  doc_offsets=False)
    if not snippets:
        return _meta_hit(doc_id, info, score, spec)
    return SearchHit(doc_id, int(info.get("page") or 1), str(info.get("label") or ""), score,
                     tuple(snippets), source="note" if nmarks else "quote",
                     annotation_id=str(info.get("hl") or ""))


def _text_hit(doc_id: str, info: dict[str, Any], score: float, fields: dict[str, list]
              ) -> SearchHit | None:
    n = int(info.get("n") or 0)
    spans = fields.get("body", []) + [s for s in fields.get("cite", []) if s[1] <= n]
    if not spans:
        return None
    text = passage_text(info)
    snippets = make_snippets(text, sorted(spans), offset=int(info.get("start") or 0))
    if not snippets:
        return None
    return SearchHit(doc_id, int(info.get("page") or 1), str(info.get("label") or ""), score,
                     snippets, source="text")


def _scored_rows(searcher: Any, q: wq.Query, table: IndexTable, allowed: set[int] | None,
                 mask: set[int]) -> dict[str, list[tuple[float, int]]]:
    """One scored pass over every matching row: per document its best
    :data:`HITS_PER_DOC` rows as (score, docnum), best first. (Whoosh's collapsing
    collector plus a separate count would read the postings twice.)"""
    context = searcher.context()
    rows_doc = table.rows_doc
    best: dict[str, list[tuple[float, int]]] = {}
    for sub, offset in searcher.leaf_searchers():
        m = q.matcher(sub, context)
        while m.is_active():
            d = offset + m.id()
            if (allowed is None or d in allowed) and d not in mask:
                score = m.score()
                doc = rows_doc[d]
                kept = best.get(doc)
                if kept is None:
                    best[doc] = [(score, d)]
                elif len(kept) < HITS_PER_DOC:
                    kept.append((score, d))
                elif score > min(kept)[0]:
                    kept.remove(min(kept))
                    kept.append((score, d))
            m.next()
    for kept in best.values():
        kept.sort(key=lambda sd: (-sd[0], sd[1]))
    return best


def _lift_near(searcher: Any, best: dict[str, list[tuple[float, int]]],
               terms: tuple[str, ...], top: int) -> None:
    """Multiply the score of rows where the query's words stand together (only the
    ``top`` best documents are looked at: cheap, and enough to reorder the first page)."""
    candidates = sorted(best, key=lambda d: -best[d][0][0])[:top]
    rows = [docnum for d in candidates for _s, docnum in best[d]]
    near = near_rows(searcher, rows, terms, PROXIMITY_SLOP)
    for d in candidates:
        kept = [(score * PROXIMITY_BOOST if docnum in near else score, docnum)
                for score, docnum in best[d]]
        kept.sort(key=lambda sd: (-sd[0], sd[1]))
        best[d] = kept


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
    mask: set[int] = set()  # rows of documents excluded as a whole
    if built.exclude:
        excluded: set[str] = set()
        for ex in built.exclude:
            excluded.update(table.rows_doc[d] for d in searcher.docs_for_query(ex))
        mask = table.rows_of(excluded)
    allowed = set(searcher.docs_for_query(fq)) if fq is not None else None
    best = _scored_rows(searcher, q, table, allowed, mask)
    if built.proximity and len(best) > 1:
        _lift_near(searcher, best, built.proximity, max(limit * 2, 20))
    docs = table.doc_info(items[0][1] for items in best.values())
    facets = _facets(docs, table)

    if sort == "date":
        order = sorted(docs, key=lambda d: (docs[d][1] != "", docs[d][1], d), reverse=True)
    else:
        order = sorted(best, key=lambda d: (-best[d][0][0], d))
    rows = {d: [(docnum, score) for score, docnum in best[d]] for d in order[:limit]}
    docnums = [d for items in rows.values() for d, _ in items]
    marks: RowMarks = row_marks(searcher, docnums, built.marks)
    groups = []
    for doc_id, items in rows.items():
        hits: list[SearchHit] = []
        first_info: dict[str, Any] = {}
        best = max(score for _, score in items)
        for docnum, score in items:
            info = searcher.stored_fields(docnum).get("info") or {}
            first_info = first_info or info
            rtype = table.rows_type[docnum]
            fields = marks.get(docnum, {})
            if rtype == "note":
                hits.append(_note_hit(doc_id, info, score, fields, built.marks))
            elif rtype == "page":
                hit = _text_hit(doc_id, info, score, fields)
                if hit is not None:
                    hits.append(hit)
        if not hits:
            hits.append(_meta_hit(doc_id, first_info, best, built.marks))
        groups.append(DocResult(
            doc_id=doc_id, title=str(first_info.get("title") or ""),
            path=str(first_info.get("path") or ""), kind=str(first_info.get("kind") or ""),
            date=str(first_info.get("date") or ""), score=best, hits=tuple(hits)))
    suggestion = suggest(parsed, reader, LazyVocabulary(table))
    return SearchResults(parsed.text, tuple(groups), len(docs), facets, suggestion,
                         tuple(warnings), time.perf_counter() - started)
