"""What a commit of the index merges: a Whoosh merge policy that never rewrites the whole
index, and the fold of the tiny segments one-document commits leave (run by the engine on
a background thread or, in the app, in a child process:
:func:`reader.search.upkeep.fold_in_child`)."""

from __future__ import annotations

from typing import Any

from whoosh.index import LockError

from reader.errors import Cancelled
from reader.search.upkeep import IsCancelled

# Sizes in rows (a row is a document or a highlight; a merge costs about its rows' words).
SMALL_ROWS = 400  # a bulk commit folds segments smaller than this together
TINY_ROWS = 40  # any other commit (one document, one highlight) only folds these …
FOLD_TINY = 6  # … once there are this many, in a commit of its own on a background thread
#               (folding costs ~0.2 ms per distinct word: 1.5-2 s for six 2,000-word rows)
MAX_MERGED_ROWS = 2000  # no merge ever produces a bigger segment (bounds a commit's time)
TIER = 4  # bulk commits merge mid-size segments once there are this many


def merge_policy(bulk: bool, *, fold_tiny: bool = False,
                 is_cancelled: IsCancelled | None = None) -> Any:
    """A Whoosh merge policy that never rewrites the whole index. Whoosh's default
    (``MERGE_SMALL``) may pick any commit, even a one-document update, to merge everything
    into one segment: measured at 12 minutes for 5,000 documents. Here every commit folds
    only segments mostly deleted (so a one-document update stays quick); the tiny segments
    small commits leave are folded by a later commit of their own (``fold_tiny``, see
    :meth:`SearchEngine._tidy`) that searches never wait for; a bulk commit folds small
    segments and those mostly deleted, and merges mid-size segments when there are
    :data:`TIER` of them; no merge exceeds :data:`MAX_MERGED_ROWS` rows.
    ``index --rebuild`` writes one compact segment. ``is_cancelled`` is asked before
    each segment is read (a cancelled commit raises :class:`Cancelled`)."""

    def policy(writer: Any, segments: list[Any]) -> list[Any]:
        from whoosh.reading import SegmentReader

        empty = {seg.segment_id() for seg in segments if seg.doc_count() == 0}
        segments = [seg for seg in segments if seg.segment_id() not in empty]  # just dropped
        ordered = sorted(segments, key=lambda seg: seg.doc_count_all())
        chosen: list[Any] = []
        total = int(getattr(writer, "docnum", 0))  # the rows this commit writes anyway
        small, cap = (SMALL_ROWS, MAX_MERGED_ROWS) if bulk else (TINY_ROWS, 4 * TINY_ROWS)
        for seg in ordered:
            n = seg.doc_count_all()
            dead = n - seg.doc_count()
            if (n < small or (n and dead * 2 > n)) and total + n <= cap:
                chosen.append(seg)
                total += n
        if not bulk and not fold_tiny:
            chosen = [seg for seg in chosen if seg.doc_count_all() >= TINY_ROWS]
        ids = {seg.segment_id() for seg in chosen}
        if bulk:
            mids = [seg for seg in ordered if seg.segment_id() not in ids
                    and seg.doc_count_all() * 2 <= MAX_MERGED_ROWS]
            if len(mids) >= TIER:
                for seg in mids:
                    if total + seg.doc_count_all() > MAX_MERGED_ROWS:
                        break
                    chosen.append(seg)
                    total += seg.doc_count_all()
        ids = {seg.segment_id() for seg in chosen}
        worth = len(chosen) > 1 or any(seg.doc_count() < seg.doc_count_all() for seg in chosen)
        if not chosen or not worth:
            return segments
        for seg in chosen:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("Folding the search index was cancelled.")
            reader = SegmentReader(writer.storage, writer.schema, seg)
            writer.add_reader(reader)
            reader.close()
        return [seg for seg in segments if seg.segment_id() not in ids]

    return policy


def tiny_segments(ix: Any) -> int:
    """How many tiny segments the index has (0 when it changed under us: the next commit
    looks again)."""
    try:
        return sum(1 for seg in ix._segments() if 0 < seg.doc_count_all() < TINY_ROWS)
    except Exception:
        return 0


def fold_tiny_segments(ix: Any, is_cancelled: IsCancelled) -> bool:
    """Fold the index's tiny segments in a commit of its own (False: another process is
    writing; a later commit folds)."""
    try:
        writer = ix.writer(timeout=0.0)
    except LockError:
        return False
    try:
        writer.commit(mergetype=merge_policy(False, fold_tiny=True,
                                              is_cancelled=is_cancelled))
    except BaseException:
        writer.cancel()
        raise
    return True
