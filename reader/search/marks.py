"""Where the query matched inside each result row, read from the postings' stored
character offsets (``chars=True``): no re-tokenising of the text at query time."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reader.search.analysis import analyze_with_chars, cite_terms
from reader.search.query_build import MarkSpec

Span = tuple[int, int]
#: docnum → field → sorted spans (character offsets within that row's field text)
RowMarks = dict[int, dict[str, list[Span]]]
#: docnum → [(start, end, (field, term or phrase words))]: each match with what matched
KeyedSpans = dict[int, list[tuple[int, int, tuple[str, Any]]]]


def _occurrences(searcher: Any, fieldname: str, term: str, docnums: list[int]
                 ) -> dict[int, list[tuple[int, int, int]]]:
    """docnum → [(position, start, end)] for ``term`` in ``fieldname``, for the given rows
    (``docnums`` sorted ascending)."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    try:
        m = searcher.postings(fieldname, term)
    except Exception:  # TermNotFound (and friends): the term is not in the index
        return out
    for d in docnums:
        if not m.is_active():
            break
        if m.id() < d:
            m.skip_to(d)
            if not m.is_active():
                break
        if m.id() == d:
            out[d] = list(m.value_as("characters"))
    return out


def row_marks(searcher: Any, docnums: list[int], spec: MarkSpec,
              keyed: KeyedSpans | None = None, source: Any = None) -> RowMarks:
    """The marks of these rows; ``keyed`` (when given) also gets every match with the term
    or phrase it belongs to (to rank a document's pages). ``source``: a
    :class:`~reader.search.scoring.Scorer` that may already hold the postings read."""
    docnums = sorted(set(docnums))
    out_keyed: KeyedSpans = keyed if keyed is not None else {}
    marks: RowMarks = defaultdict(lambda: defaultdict(list))
    if not docnums:
        return marks
    cache: dict[tuple[str, str], dict[int, list[tuple[int, int, int]]]] = {}

    def occ(fieldname: str, term: str) -> dict[int, list[tuple[int, int, int]]]:
        if (fieldname, term) not in cache:
            found = source.occurrences(fieldname, term, docnums) if source else None
            if found is None:
                found = _occurrences(searcher, fieldname, term, docnums)
            cache[(fieldname, term)] = found
        return cache[(fieldname, term)]

    for fieldname, term in spec.terms:
        for d, hits in occ(fieldname, term).items():
            marks[d][fieldname].extend((s, e) for _, s, e in hits)
            if keyed is not None:
                out_keyed.setdefault(d, []).extend((s, e, (fieldname, term))
                                                   for _, s, e in hits)
    for fieldname, words in spec.phrases:
        first = occ(fieldname, words[0])
        for d, hits in first.items():
            others = []
            for w in words[1:]:
                found = occ(fieldname, w).get(d)
                if not found:
                    break
                others.append({p: (s, e) for p, s, e in found})
            else:
                if keyed is not None:  # each word's count, to score the page as Whoosh does
                    for w in dict.fromkeys(words):
                        out_keyed.setdefault(d, []).extend(
                            (s, e, (fieldname + "~", w)) for _p, s, e in occ(fieldname, w)[d])
                for p, s, _e in hits:
                    ends = [o.get(p + k + 1) for k, o in enumerate(others)]
                    if all(ends):
                        last = ends[-1] if ends else None
                        span = (s, last[1] if last else _e)
                        marks[d][fieldname].append(span)
                        if keyed is not None:
                            out_keyed.setdefault(d, []).append((*span, (fieldname, words)))
    for fields in marks.values():
        for fieldname, spans in fields.items():
            fields[fieldname] = merge_spans(spans)
    return marks


def merge_spans(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(set(spans)):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def text_marks(text: str, spec: MarkSpec) -> list[Span]:
    """Mark a short text (a title, a metadata line, a note) by analysing it: for what has
    no stored offsets."""
    spans = [(s, e) for t, s, e in analyze_with_chars(text) if t in spec.stems]
    if spec.cites:
        spans += [(c.start, c.end) for c in cite_terms(text) if c.term in spec.cites]
    return merge_spans(spans)
