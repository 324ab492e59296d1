"""Anchoring: where does a highlight sit in the *current* text of its document?

The order of attempts (after the approach of hypothesis/client's ``anchoring`` code):

1. **Position**: the stored ``start``/``end`` still hold the quoted words. When the document
   is the version the highlight was made on, that is all; when the text changed, the
   surrounding words must agree too (an insertion can slide other words under the old
   position).
2. **Exact quote**: every occurrence of the quoted words, scored by how well the stored
   prefix/suffix match around it and by nearness to the old position.
3. **Soft line breaks**: the same with ``"\\n"`` read as a space (offsets do not move).
4. **Fuzzy quote**: edlib's bit-parallel edit distance finds the closest stretch of text
   (first near the old position, then anywhere), scored the same way; accepted only above
   a similarity threshold, and for short quotes only when the context agrees.

Anything else is **orphaned**: kept, listed with its quote, never dropped. Nothing here
touches files; per-text indexes (page starts, section pinpoints, an edlib byte map) are
cached for the texts in use.
"""

from __future__ import annotations

import bisect
import threading
import weakref
from collections import Counter
from dataclasses import dataclass

import edlib
from rapidfuzz.distance import Indel

from reader.annotations.fastbuild import build
from reader.model.annotations import Anchor, AnchorStatus, Highlight, TextQuote
from reader.model.documents import DocText

#: Characters of context kept either side of a quote (W3C TextQuoteSelector prefix/suffix).
CONTEXT_CHARS = 32
#: A fuzzy match needs at least this similarity of the quoted words.
MIN_FUZZY_SIMILARITY = 0.8
#: Below this quote length, a match away from the old position needs agreeing context.
SHORT_QUOTE = 24
#: Below this quote length, a fuzzy match needs agreeing context.
FUZZY_CONTEXT_QUOTE = 48
#: What "agreeing context" means (mean similarity of prefix and suffix).
MIN_CONTEXT = 0.5
#: How many exact occurrences are scored at most (a very common short phrase).
MAX_OCCURRENCES = 5000
#: Half-width of the window searched first for a fuzzy match.
NEAR_WINDOW = 4000

_QUOTE_W, _CONTEXT_W, _POS_W = 0.5, 0.4, 0.1


def make_quote(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> TextQuote:
    """The W3C TextQuoteSelector for ``text[start:end]`` with ``context`` characters either
    side."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return TextQuote(exact=text[start:end], prefix=text[max(0, start - context):start],
                     suffix=text[end:end + context])


# -- per-text indexes ------------------------------------------------------------------------
class TextIndex:
    """Lookups over one :class:`DocText` that are cheap to repeat: the page label and the
    section pinpoint at an offset, the text with soft line breaks read as spaces, and a
    byte-mapped copy for edlib."""

    def __init__(self, doc: DocText) -> None:
        self.doc = doc
        self.doc_id = doc.doc_id
        self.text = doc.text
        pages = doc.pages
        self._page_starts = [p.start for p in pages]
        multi = len(pages) > 1
        self._page_labels = [p.label or (str(p.number) if multi else "") for p in pages]
        bounds = sorted({0, *(s.start for s in doc.sections), *(s.end for s in doc.sections)})
        self._sec_starts = bounds
        self._sec_labels = [doc.pinpoint(b) for b in bounds] if doc.sections else []
        self._flat: str | None = None
        self._bytes: bytes | None = None
        self._table: dict[int, int] | None = None
        self._lock = threading.Lock()

    def page_label(self, offset: int) -> str:
        if not self._page_starts:
            return ""
        i = max(0, bisect.bisect_right(self._page_starts, offset) - 1)
        return self._page_labels[i]

    def pinpoint(self, offset: int) -> str:
        if not self._sec_labels:
            return ""
        i = bisect.bisect_right(self._sec_starts, offset) - 1
        return self._sec_labels[i] if i >= 0 else ""

    @property
    def flat(self) -> str:
        """The text with ``"\\n"`` as ``" "`` (same length, same offsets)."""
        if self._flat is None:
            self._flat = self.text.replace("\n", " ")
        return self._flat

    def edlib_bytes(self) -> tuple[bytes, dict[int, int]]:
        """The text as one byte per character (the 255 most frequent characters keep their
        own byte, the rarest share byte 255) so that edlib runs on its fast path."""
        with self._lock:
            if self._bytes is None:
                common = [c for c, _ in Counter(self.flat).most_common(255)]
                table = {ord(c): i for i, c in enumerate(common)}
                mapped = self.flat.translate(_FallbackTable(table))
                self._bytes = mapped.encode("latin-1")
                self._table = table
            assert self._table is not None
            return self._bytes, self._table


class _FallbackTable(dict):
    """A ``str.translate`` table mapping unknown characters to ``chr(255)``."""

    def __missing__(self, key: int) -> int:
        return 255


_INDEXES: dict[int, tuple[weakref.ref[DocText], TextIndex]] = {}
_INDEX_LOCK = threading.Lock()


def text_index(doc: DocText) -> TextIndex:
    """The (cached) :class:`TextIndex` of ``doc``, kept while ``doc`` is alive."""
    key = id(doc)
    with _INDEX_LOCK:
        hit = _INDEXES.get(key)
        if hit is not None and hit[0]() is doc:
            return hit[1]
    index = TextIndex(doc)

    def forget(_ref: object, key: int = key, table: dict = _INDEXES,
               lock: threading.Lock = _INDEX_LOCK) -> None:
        with lock:
            entry = table.get(key)
            if entry is not None and entry[0]() is None:
                del table[key]

    with _INDEX_LOCK:
        _INDEXES[key] = (weakref.ref(doc, forget), index)
    return index


# -- anchoring -------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    quote_sim: float
    context: float
    score: float


def anchor(highlight: Highlight, doc_text: DocText) -> Anchor:
    """Resolve ``highlight`` against ``doc_text`` (the current text of its document)."""
    return anchor_in(highlight, text_index(doc_text))


def anchor_in(highlight: Highlight, idx: TextIndex) -> Anchor:
    """:func:`anchor` with the text's :class:`TextIndex` at hand (many highlights, one text)."""
    text = idx.text
    exact = highlight.quote.exact
    start, end = highlight.start, highlight.end
    same_version = highlight.doc_id == idx.doc_id and bool(idx.doc_id)
    if (same_version and exact and start >= 0 and end - start == len(exact)
            and text.startswith(exact, start)):  # the common case: nothing changed
        return _placed(idx, AnchorStatus.ANCHORED, start, end, 1.0)
    doc_text = idx.doc
    valid = 0 <= start < end <= len(text)

    if not exact:  # no quote to check (a position-only selector from another tool)
        if valid and same_version:
            return _placed(idx, AnchorStatus.ANCHORED, start, end, 1.0)
        return _orphan(doc_text)

    # 1. position
    if (valid and end - start == len(exact) and text.startswith(exact, start)
            and (same_version or _context(idx, highlight.quote, start, end) >= MIN_CONTEXT)):
        return _placed(idx, AnchorStatus.ANCHORED, start, end, 1.0)

    # 2./3. exact quote, then with soft line breaks as spaces
    passes = [(text, exact)]
    if "\n" in text or "\n" in exact:
        passes.append((idx.flat, exact.replace("\n", " ")))
    for haystack, needle in passes:
        found = _exact_candidates(idx, haystack, needle, highlight, same_version)
        if found is not None:
            return _placed(idx, _status(found, highlight), found.start, found.end, 1.0)

    # 4. fuzzy
    fuzzy = _fuzzy_candidate(idx, highlight)
    if fuzzy is not None:
        return _placed(idx, _status(fuzzy, highlight), fuzzy.start, fuzzy.end,
                       round(fuzzy.quote_sim, 4))
    return _orphan(doc_text)


def anchor_many(highlights: list[Highlight], idx: TextIndex) -> list[Anchor]:
    """:func:`anchor_in` for many highlights on one text, with the common case (the same
    version, the quote where it was) done inline: it is most of the work of opening a
    workspace."""
    text, doc_id = idx.text, idx.doc_id
    page_starts, page_labels = idx._page_starts, idx._page_labels
    sec_starts, sec_labels = idx._sec_starts, idx._sec_labels
    bisect_right, anchored = bisect.bisect_right, AnchorStatus.ANCHORED
    out: list[Anchor] = []
    append = out.append
    for h in highlights:
        exact, start = h.quote.exact, h.start
        if (h.doc_id == doc_id and doc_id and exact and start >= 0
                and h.end - start == len(exact) and text.startswith(exact, start)):
            page = page_labels[max(0, bisect_right(page_starts, start) - 1)] \
                if page_starts else ""
            i = bisect_right(sec_starts, start) - 1 if sec_labels else -1
            append(build(Anchor, {"status": anchored, "start": start, "end": h.end,
                                  "page": page, "section": sec_labels[i] if i >= 0 else "",
                                  "doc_id": doc_id, "score": 1.0}))
        else:
            append(anchor_in(h, idx))
    return out


def _status(c: _Candidate, h: Highlight) -> AnchorStatus:
    if c.start == h.start and c.end == h.end:
        return AnchorStatus.ANCHORED
    return AnchorStatus.MOVED


def _placed(idx: TextIndex, status: AnchorStatus, start: int, end: int,
            score: float) -> Anchor:
    starts = idx._page_starts
    page = idx._page_labels[max(0, bisect.bisect_right(starts, start) - 1)] if starts else ""
    section = ""
    if idx._sec_labels:
        i = bisect.bisect_right(idx._sec_starts, start) - 1
        section = idx._sec_labels[i] if i >= 0 else ""
    return build(Anchor, {"status": status, "start": start, "end": end, "page": page,
                          "section": section, "doc_id": idx.doc_id, "score": score})


def _orphan(doc: DocText) -> Anchor:
    return Anchor(status=AnchorStatus.ORPHANED, doc_id=doc.doc_id, score=0.0)


def _side_similarity(stored: str, actual: str, at_edge: bool) -> float:
    if not stored:
        return 1.0 if at_edge else 0.5
    return Indel.normalized_similarity(stored, actual)


def _context(idx: TextIndex, quote: TextQuote, start: int, end: int) -> float:
    """Mean similarity of the stored prefix/suffix to the text around ``start``/``end``."""
    text = idx.text
    pre = _side_similarity(quote.prefix, text[max(0, start - len(quote.prefix)):start],
                           start == 0)
    suf = _side_similarity(quote.suffix, text[end:end + len(quote.suffix)], end == len(text))
    return (pre + suf) / 2


def _score(idx: TextIndex, h: Highlight, start: int, end: int, quote_sim: float) -> _Candidate:
    context = _context(idx, h.quote, start, end)
    n = max(1, len(idx.text))
    pos = 1.0 - min(1.0, abs(start - h.start) / n) if h.start >= 0 else 0.5
    score = _QUOTE_W * quote_sim + _CONTEXT_W * context + _POS_W * pos
    return _Candidate(start, end, quote_sim, context, score)


def _exact_candidates(idx: TextIndex, haystack: str, needle: str, h: Highlight,
                      same_version: bool) -> _Candidate | None:
    if not needle.strip():
        return None
    n = len(needle)
    if 0 <= h.start <= len(haystack):
        # Near the old position first: a match there whose context is intact beats every
        # match farther away (same quote and context scores, lower nearness), so the whole
        # text need not be searched. Most highlights of an edited document end here.
        lo, hi = max(0, h.start - NEAR_WINDOW), min(len(haystack), h.start + n + NEAR_WINDOW)
        near = _occurrences(haystack, needle, lo, hi)
        if near:
            best = max((_score(idx, h, s, s + n, 1.0) for s in near),
                       key=lambda c: (c.score, -c.start))
            if best.context >= 1.0:
                return best
    hits = _occurrences(haystack, needle, 0, len(haystack))
    if not hits:
        return None
    best = max((_score(idx, h, s, s + n, 1.0) for s in hits), key=lambda c: (c.score, -c.start))
    if same_version:
        return best
    if best.context >= MIN_CONTEXT or (len(needle) >= SHORT_QUOTE and len(hits) == 1):
        return best
    return None


def _occurrences(haystack: str, needle: str, lo: int, hi: int) -> list[int]:
    hits: list[int] = []
    at = haystack.find(needle, lo, hi)
    while at >= 0 and len(hits) < MAX_OCCURRENCES:
        hits.append(at)
        at = haystack.find(needle, at + 1, hi)
    return hits


def _fuzzy_candidate(idx: TextIndex, h: Highlight) -> _Candidate | None:
    exact = h.quote.exact.replace("\n", " ")
    n = len(exact)
    if n < 4 or not exact.strip():
        return None
    max_errors = int(n * (1 - MIN_FUZZY_SIMILARITY))
    if max_errors < 1:
        return None
    data, table = idx.edlib_bytes()
    query = exact.translate(_FallbackTable(table)).encode("latin-1")
    windows = []
    if 0 <= h.start <= len(data):
        lo = max(0, h.start - NEAR_WINDOW)
        windows.append((lo, min(len(data), h.start + n + NEAR_WINDOW)))
    windows.append((0, len(data)))
    for lo, hi in windows:
        found = _fuzzy_in(idx, h, data, query, lo, hi, max_errors)
        if found is not None:
            return found
        if lo == 0 and hi == len(data):
            break
    return None


def _fuzzy_in(idx: TextIndex, h: Highlight, data: bytes, query: bytes, lo: int, hi: int,
              max_errors: int) -> _Candidate | None:
    result = edlib.align(query, data[lo:hi], mode="HW", task="locations", k=max_errors)
    dist = result["editDistance"]
    if dist < 0:
        return None
    n = len(query)
    best: _Candidate | None = None
    for s, e in result["locations"][:200]:
        start, end = _trim(idx.text, lo + s, lo + e + 1)
        if end <= start:
            continue
        sim = 1.0 - dist / max(n, end - start)
        if sim < MIN_FUZZY_SIMILARITY:
            continue
        cand = _score(idx, h, start, end, sim)
        if best is None or (cand.score, -cand.start) > (best.score, -best.start):
            best = cand
    if best is None:
        return None
    if n < FUZZY_CONTEXT_QUOTE and best.context < MIN_CONTEXT:
        return None
    return best


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
