"""Property tests: random insertions and deletions in a document's text.

Every character keeps track of where it came from, so the test knows exactly where a
highlight's words are after the edits (or that they were damaged or deleted):

* words that survive untouched are found on exactly those words (a short quote whose
  context was rewritten on both sides may instead be orphaned: it is never guessed);
* words that were deleted make the highlight an orphan;
* a highlight whose words were partly edited is either orphaned or placed over what is left
  of its own words, never on other words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.annotations.anchoring import (
    MIN_CONTEXT,
    SHORT_QUOTE,
    _context,
    anchor,
    make_quote,
    text_index,
)
from reader.model.annotations import AnchorStatus, Author, Highlight
from tests.core.annotations_fixtures import doc_text

ALPHABET = "abcdefghijklmnopqrstuvwxyz" + "    " + "\n"
T0 = datetime(2024, 1, 1, tzinfo=UTC)


def random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(n))


@dataclass
class Tracked:
    chars: list[str]
    origin: list[int | None]  # original index of each character (None: inserted)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def insert(self, pos: int, s: str) -> None:
        self.chars[pos:pos] = list(s)
        self.origin[pos:pos] = [None] * len(s)

    def delete(self, a: int, b: int) -> None:
        del self.chars[a:b]
        del self.origin[a:b]


def fate(t: Tracked, start: int, end: int) -> tuple[str, tuple[int, int] | None]:
    """("intact", new span) | ("deleted", None) | ("damaged", span of surviving chars)."""
    where = [i for i, o in enumerate(t.origin) if o is not None and start <= o < end]
    if not where:
        return "deleted", None
    span = (where[0], where[-1] + 1)
    intact = len(where) == end - start and span[1] - span[0] == end - start
    return ("intact" if intact else "damaged"), span


def make_highlight(text: str, doc_id: str, start: int, end: int) -> Highlight:
    return Highlight(id=f"h{start}", doc_id=doc_id, doc_path="doc.txt", start=start, end=end,
                     quote=make_quote(text, start, end), author=Author("a", "A"),
                     created=T0, modified=T0)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), n_edits=st.integers(1, 12),
       size=st.integers(300, 3000))
def test_random_edits_keep_highlights_on_their_words(rng: random.Random, n_edits: int,
                                                     size: int) -> None:
    original = random_text(rng, size)
    old = doc_text(original)
    spans = []
    for _ in range(6):
        length = rng.randint(8, 80)
        s = rng.randrange(0, size - length)
        e = s + length
        while s < e and original[s].isspace():
            s += 1
        while e > s and original[e - 1].isspace():
            e -= 1
        if e - s >= 8 and original.count(original[s:e]) == 1:
            spans.append((s, e))
    assume(spans)
    t = Tracked(list(original), list(range(size)))
    for _ in range(n_edits):
        if rng.random() < 0.5 or len(t.chars) < 50:
            t.insert(rng.randrange(0, len(t.chars) + 1), random_text(rng, rng.randint(1, 60)))
        else:
            a = rng.randrange(0, len(t.chars))
            t.delete(a, min(len(t.chars), a + rng.randint(1, 60)))
    new_text = t.text
    assume(new_text != original)
    new = doc_text(new_text)
    for s, e in spans:
        h = make_highlight(original, old.doc_id, s, e)
        got = anchor(h, new)
        what, span = fate(t, s, e)
        if what == "intact":
            assert span is not None
            if got.status is AnchorStatus.ORPHANED:
                # allowed only for a short quote whose context was rewritten on both sides
                assert len(h.quote.exact) < SHORT_QUOTE
                assert _context(text_index(new), h.quote, *span) < MIN_CONTEXT
            else:
                assert (got.start, got.end) == span, (what, h.quote, got)
        elif what == "deleted":
            assert got.status is AnchorStatus.ORPHANED, (h.quote, got, new_text[got.start:got.end])
        else:
            if got.status is not AnchorStatus.ORPHANED:
                assert span is not None
                assert got.start < span[1] and got.end > span[0], (h.quote, got, span)


@settings(max_examples=60, deadline=None)
@given(rng=st.randoms(use_true_random=False))
def test_unchanged_text_anchors_in_place(rng: random.Random) -> None:
    text = random_text(rng, 800)
    dt = doc_text(text)
    s = rng.randrange(0, 700)
    e = s + rng.randint(1, 90)
    assume(text[s:e].strip())
    h = make_highlight(text, dt.doc_id, s, e)
    got = anchor(h, dt)
    assert got.status is AnchorStatus.ANCHORED
    assert (got.start, got.end) == (s, e)
    assert got.score == 1.0
