"""Hits of one result document: its best pages (from a ``doc`` row's matches, placed on
the stored pages), its highlights and notes, or its title line."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from reader.search.analysis import analyze
from reader.search.api import SearchHit, Snippet
from reader.search.marks import text_marks
from reader.search.query_build import PROXIMITY_BOOST, PROXIMITY_SLOP, MarkSpec
from reader.search.rows import meta_snippet_text, unit_text
from reader.search.schema import BM25_B, BM25_K1
from reader.search.snippets import make_snippets

HITS_PER_DOC = 3
CHARS_PER_WORD = 7  # to turn a window of words into one of characters
AVG_UNIT_CHARS = 3000  # a typical page, for the length normalisation of a page's score
TITLE_BOOST = 3.0  # as the schema's title field
B, K1 = BM25_B, BM25_K1
#: What a statute's own section number (the query's citation) adds to its page, in idfs of
#: the term: more than any number of mentions of it can give (at most (K1 + 1) idfs each
#: term, doubled when the words stand together), so the section comes before its citers.
SECTION_BONUS = 6.0

Keyed = list[tuple[int, int, tuple[str, Any]]]


def meta_hit(doc_id: str, info: dict[str, Any], score: float, spec: MarkSpec) -> SearchHit:
    text = meta_snippet_text(info) or str(info.get("path") or doc_id[:12])
    marks = text_marks(text, spec)
    snippet = Snippet(text, tuple(marks), 0, 0, ())
    return SearchHit(doc_id, 1, "", score, (snippet,), source="title")


def note_hit(doc_id: str, info: dict[str, Any], score: float, fields: dict[str, list],
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
        return meta_hit(doc_id, info, score, spec)
    return SearchHit(doc_id, int(info.get("page") or 1), str(info.get("label") or ""), score,
                     tuple(snippets), source="note" if nmarks else "quote",
                     annotation_id=str(info.get("hl") or ""))


def _together(items: Keyed, words: set[str]) -> bool:
    """Whether every one of ``words`` that the page has stands within one window of
    about ``len(words) + PROXIMITY_SLOP`` words."""
    hits = sorted((s, e, key[1]) for s, e, key in items
                  if key[0] == "body" and key[1] in words)
    need = len({w for _s, _e, w in hits})
    if need < 2:
        return False
    width = (len(words) + PROXIMITY_SLOP) * CHARS_PER_WORD
    counts: Counter[str] = Counter()
    lo = 0
    for s, _e, w in hits:
        counts[w] += 1
        while hits[lo][0] < s - width:
            counts[hits[lo][2]] -= 1
            if not counts[hits[lo][2]]:
                del counts[hits[lo][2]]
            lo += 1
        if len(counts) == need:
            return True
    return False


def unit_scores(info: dict[str, Any], keyed: Keyed, weight: Callable[[tuple[str, Any]], float],
                proximity: tuple[str, ...]) -> list[tuple[float, int]]:
    """(score, unit index) of every page (or passage) of a ``doc`` row that has matches,
    best first: BM25 over the page (each matched term's count, weighted by its idf,
    normalised by the page's length; a phrase counts as its words, as Whoosh scores it),
    doubled when the query's plain words (``proximity``) stand together on the page."""
    n = int(info.get("n") or 0)
    units = info.get("units") or []
    if not units:
        return []
    starts = [u[2] for u in units]
    per_unit: dict[int, Keyed] = {}
    marked: set[int] = set()
    for item in keyed:
        s, e, key = item
        if key[0] not in ("body", "cite", "body~", "section") or e > n:
            continue
        i = bisect_right(starts, s) - 1
        if i >= 0 and e <= units[i][3]:
            per_unit.setdefault(i, []).append(item)
            if key[0] != "body~":
                marked.add(i)
    words = set(proximity)
    out = []
    for i in marked:
        items = per_unit[i]
        counts = Counter(key for _s, _e, key in items if not isinstance(key[1], tuple)
                         and key[0] != "section")
        norm = K1 * (1 - B + B * (units[i][3] - units[i][2]) / AVG_UNIT_CHARS)
        score = sum(weight(key) * tf * (K1 + 1) / (tf + norm) for key, tf in counts.items())
        if words and _together(items, words):
            score *= PROXIMITY_BOOST
        # the page where the statute's own section (the one the query cites) starts
        score += sum(weight(key) * SECTION_BONUS
                     for key in {k for _s, _e, k in items if k[0] == "section"})
        out.append((score, i))
    out.sort(key=lambda si: (-si[0], si[1]))
    return out


@lru_cache(maxsize=4096)
def _title_terms(title: str) -> frozenset[str]:
    return frozenset(analyze(title))


def title_bonus(info: dict[str, Any], spec: MarkSpec,
                weight: Callable[[tuple[str, Any]], float]) -> float:
    """What the query's words in the document's title add to its best page's score."""
    title = str(info.get("title") or "")
    found = _title_terms(title) & spec.stems if title else set()
    return sum(weight(("body", t)) * TITLE_BOOST for t in found)


def text_hits(doc_id: str, info: dict[str, Any], fields: dict[str, list],
              scored: list[tuple[float, int]]) -> list[SearchHit]:
    """The best pages (or passages) of a ``doc`` row, best first, with snippets
    (``scored``: from :func:`unit_scores`)."""
    n = int(info.get("n") or 0)
    units = info.get("units") or []
    own = [s for s in fields.get("section", []) if s[1] <= n and s[1] > s[0]]
    spans = _union(fields.get("body", []) + [s for s in fields.get("cite", []) if s[1] <= n]
                   + own)
    hits: list[SearchHit] = []
    for unit_score, i in scored:
        number, label, ustart, uend = units[i]
        local = [(s - ustart, e - ustart) for s, e in spans if s >= ustart and e <= uend]
        heads = [(s - ustart, e - ustart) for s, e in own if s >= ustart and e <= uend]
        snippets = _snippets(unit_text(info, i), local, heads, ustart)
        if snippets:
            hits.append(SearchHit(doc_id, int(number), str(label), unit_score, snippets,
                                  source="text"))
        if len(hits) >= HITS_PER_DOC:
            break
    return hits


def _union(spans: list[Any]) -> list[tuple[int, int]]:
    """Spans sorted, those over the same characters made one (a section's own number is
    also a citation and words: marked once)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted((int(a), int(b)) for a, b, *_ in spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _snippets(text: str, spans: list[tuple[int, int]], heads: list[tuple[int, int]],
              offset: int) -> tuple[Snippet, ...]:
    """The page's snippets; when a statute's own section starts on it (``heads``: where
    its number is printed), the snippet at that number comes first, so the hit opens there."""
    if not heads:
        return make_snippets(text, spans, offset=offset)
    first = make_snippets(text, [heads[0]], offset=offset, max_snippets=1)
    if not first:
        return make_snippets(text, spans, offset=offset)
    lo, hi = first[0].start - offset, first[0].end - offset
    inside = [(s, e) for s, e in spans if s >= lo and e <= hi]
    head = replace(first[0], marks=tuple((s - lo, e - lo) for s, e in inside),
                   matches=tuple((offset + s, offset + e) for s, e in inside))
    rest = [(s, e) for s, e in spans if e <= lo or s >= hi]
    more = make_snippets(text, rest, offset=offset, max_snippets=2) if rest else ()
    return (head, *more)
