"""Merging versions of highlights: newest wins, tombstones win ties, order never matters."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.annotations.merge import alias_id, join, merge, merged_tuple, newer
from reader.model.annotations import Author, Highlight, Stance, TextQuote

T0 = datetime(2024, 1, 1, tzinfo=UTC)
ALICE, BOB, CARA = Author("alice", "Alice"), Author("bob", "Bob"), Author("cara", "Cara")


def version(hid: str = "h1", *, minutes: int = 0, deleted: bool = False, note: str = "",
            author: Author = ALICE, created: int = 0) -> Highlight:
    return Highlight(id=hid, doc_id="d" * 64, doc_path="memo.txt", start=1, end=5,
                     quote=TextQuote("abcd"), author=author,
                     created=T0 + timedelta(minutes=created),
                     modified=T0 + timedelta(minutes=minutes), note=note, deleted=deleted)


versions = st.builds(
    version,
    hid=st.sampled_from(["h1", "h2", "h3"]),
    minutes=st.integers(0, 4),
    deleted=st.booleans(),
    note=st.sampled_from(["", "a", "b"]),
)
collections = st.lists(versions, max_size=8)


def key(hs: tuple[Highlight, ...]) -> list[tuple[object, ...]]:
    return [(h.id, h.modified, h.deleted, h.note, h.author.id) for h in hs]


@settings(max_examples=120, deadline=None)
@given(a=collections, b=collections)
def test_merge_is_commutative(a: list[Highlight], b: list[Highlight]) -> None:
    assert key(merged_tuple([a, b])) == key(merged_tuple([b, a]))


@settings(max_examples=120, deadline=None)
@given(a=collections, b=collections, c=collections)
def test_merge_is_associative(a: list[Highlight], b: list[Highlight],
                              c: list[Highlight]) -> None:
    left = merged_tuple([merged_tuple([a, b]), c])
    right = merged_tuple([a, merged_tuple([b, c])])
    assert key(left) == key(right) == key(merged_tuple([a, b, c]))


@settings(max_examples=120, deadline=None)
@given(a=collections)
def test_merge_is_idempotent(a: list[Highlight]) -> None:
    once = merged_tuple([a])
    assert key(merged_tuple([a, a])) == key(once)
    assert key(merged_tuple([once])) == key(once)


@settings(max_examples=200, deadline=None)
@given(a=st.lists(st.builds(version, hid=st.sampled_from(["h1", "h2"]),
                            minutes=st.integers(0, 3), deleted=st.booleans(),
                            author=st.sampled_from([ALICE, BOB, CARA]),
                            created=st.integers(0, 2)), max_size=10),
       seed=st.integers(0, 1000))
def test_merge_across_authors_does_not_depend_on_order(a: list[Highlight], seed: int) -> None:
    shuffled = list(a)
    random.Random(seed).shuffle(shuffled)
    half = len(shuffled) // 2
    assert key(merged_tuple([a])) == key(merged_tuple([shuffled[half:], shuffled[:half]]))


many_authors = st.lists(st.builds(version, hid=st.sampled_from(["h1", "h2"]),
                                  minutes=st.integers(0, 3), deleted=st.booleans(),
                                  author=st.sampled_from([ALICE, BOB, CARA]),
                                  created=st.integers(0, 2)), max_size=8)


def joined(*parts: object) -> list[tuple[object, ...]]:
    result = join(parts)
    return key(tuple(result[k] for k in sorted(result)))


@settings(max_examples=120, deadline=None)
@given(a=many_authors, b=many_authors, c=many_authors)
def test_the_join_under_every_author_is_a_semilattice(a: list[Highlight], b: list[Highlight],
                                                      c: list[Highlight]) -> None:
    """With several authors the join (one version per author and id) is what files merge
    into; the store always joins the raw versions of every file, then names duplicates."""
    assert joined(a, b) == joined(b, a)
    assert joined(list(join([a, b]).values()), c) == joined(a, list(join([b, c]).values()))
    assert joined(a, a) == joined(a)


def test_newest_modified_wins() -> None:
    old, new = version(minutes=1, note="old"), version(minutes=2, note="new")
    assert newer(old, new) is new and newer(new, old) is new


def test_a_tombstone_wins_over_an_edit_made_at_the_same_time_or_before() -> None:
    edit, gone = version(minutes=3, note="edit"), version(minutes=3, deleted=True)
    assert newer(edit, gone) is gone and newer(gone, edit) is gone
    assert newer(version(minutes=2), gone) is gone


def test_a_later_edit_wins_over_an_older_tombstone() -> None:
    gone, back = version(minutes=1, deleted=True), version(minutes=2, note="restored")
    assert newer(gone, back) is back


def test_an_exact_tie_is_broken_the_same_way_whatever_the_order() -> None:
    a, b = version(note="a"), version(note="b")
    assert newer(a, b) is newer(b, a)


def test_future_dates_win_like_any_newer_date() -> None:
    future = version(minutes=60 * 24 * 365 * 50, note="from a wrong clock")
    assert newer(version(minutes=5), future) is future


def test_same_id_from_two_authors_keeps_both() -> None:
    mine = version("x", author=ALICE, created=0, note="alice")
    theirs = version("x", author=BOB, created=1, minutes=9, note="bob")
    result = merge([[theirs], [mine]])
    assert result.highlights["x"].author == ALICE  # created first keeps the id
    alias = alias_id("x", "bob")
    assert result.highlights[alias].author == BOB
    assert result.highlights[alias].note == "bob"
    assert [(d.id, d.author_id, d.alias) for d in result.duplicates] == [("x", "bob", alias)]
    assert alias_id("x", "bob") == alias  # stable for every reader


def test_another_authors_tombstone_cannot_delete_my_highlight() -> None:
    mine = version("x", author=ALICE, created=0)
    forged = version("x", author=BOB, created=5, minutes=10_000, deleted=True)
    result = merge([[mine], [forged]]).highlights
    assert not result["x"].deleted and result["x"].author == ALICE


def test_duplicate_ids_within_one_file_merge() -> None:
    a = version("x", minutes=1, note="first")
    b = version("x", minutes=2, note="second")
    assert merge([[a, b, a]]).highlights["x"].note == "second"


def test_merge_keeps_every_field_of_the_winner() -> None:
    rich = replace(version("y", minutes=7), themes=("good-samaritan",),
                   stance=Stance.SUPPORTS, color="#81d4fa", page="4", section="§ 2(a)")
    assert merge([[version("y")], [rich]]).highlights["y"] == rich
