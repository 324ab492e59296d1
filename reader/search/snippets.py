"""Snippets: short windows of a passage around its marks (pure functions)."""

from __future__ import annotations

from reader.search.api import Snippet

WIDTH = 240  # a snippet's target length in characters
BEFORE = 70  # context kept before the first mark of a window
MAX_SNIPPETS = 3

Span = tuple[int, int]


def _snap_start(text: str, pos: int, floor: int) -> int:
    """Move ``pos`` back to the start of a word (not before ``floor``)."""
    pos = max(floor, pos)
    if pos <= floor:
        return floor
    for stop in (". ", "\n"):
        k = text.rfind(stop, max(floor, pos - 40), pos + 1)
        if k >= 0:
            return k + len(stop)
    k = text.rfind(" ", floor, pos + 1)
    return k + 1 if k >= 0 else floor


def _snap_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    k = text.find(" ", pos)
    return len(text) if k < 0 or k - pos > 30 else k


def _clusters(spans: list[Span]) -> list[list[Span]]:
    groups: list[list[Span]] = []
    for s, e in spans:
        if groups and e - groups[-1][0][0] <= WIDTH - BEFORE:
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
    return groups


def make_snippets(text: str, spans: list[Span], *, offset: int = 0,
                  max_snippets: int = MAX_SNIPPETS, doc_offsets: bool = True
                  ) -> tuple[Snippet, ...]:
    """Up to ``max_snippets`` snippets of ``text`` around ``spans`` (offsets within
    ``text``), best windows first by how many distinct words they mark, returned in text
    order. ``offset`` places ``text`` in the document (added to ``start``/``end`` and to
    ``matches``); with ``doc_offsets=False`` ``matches`` is empty (the text is not part of
    the document, e.g. a note). With no spans, one snippet of the start of the text."""
    if not text.strip():
        return ()
    spans = sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s and s < len(text))
    if not spans:
        end = _snap_end(text, min(len(text), WIDTH))
        return (Snippet(_flat(text[:end]), (), offset, offset + end, ()),)
    groups = _clusters(spans)

    def rank(group: list[Span]) -> tuple[int, int]:
        return (len({text[s:e].lower() for s, e in group}), len(group))

    best = sorted(range(len(groups)), key=lambda i: rank(groups[i]), reverse=True)
    chosen = sorted(best[:max_snippets])
    out = []
    floor = 0
    for i in chosen:
        group = groups[i]
        first, last = group[0][0], group[-1][1]
        if first < floor:  # already shown by the previous window
            continue
        start = _snap_start(text, first - BEFORE, floor)
        if start > first:
            start = first
        end = _snap_end(text, max(last, start + WIDTH))
        window = [(s, e) for s, e in spans if s >= start and e <= end]
        out.append(Snippet(
            text=_flat(text[start:end]),
            marks=tuple((s - start, e - start) for s, e in window),
            start=offset + start, end=offset + end,
            matches=tuple((offset + s, offset + e) for s, e in window) if doc_offsets else ()))
        floor = end
    return tuple(out)


def _flat(text: str) -> str:
    """Line breaks become spaces (same length, so marks stay put)."""
    return text.replace("\n", " ")
