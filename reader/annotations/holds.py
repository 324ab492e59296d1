"""Future-dated versions of your highlights in copies of your file: held aside, not merged.

A sync tool's copy of your file (``<id> (1).json``, ``<id>.sync-conflict-….json``,
``<id>-LAPTOP.json``, a "conflicted copy") holds versions of your highlights saved on
another computer, and normally the newest version wins (:mod:`reader.annotations.merge`).
But a computer whose clock is wrong dates its versions in the future, and such a date
beats every edit made here: a deletion dated next year would erase a highlight you are
still working on, at your next save, silently.

So a version from a copy of your file that is dated more than :data:`CLOCK_SKEW` after the
copy arrived on this computer (its local change time, or now if that is earlier) and that
would change one of your present highlights (edit it, delete it, bring it back) is **held
aside**: not merged, reported in the store's problems, the copy left untouched. It is
applied only when you accept it (``AnnotationStore.accept_held``, ``policy-reader
annotations held --accept``); it then becomes your version, with its date, in your file.
Versions in your own file and your edits in memory are always present versions; a
future-dated version of a highlight you do not have (nothing to override) is merged.

Because the copy's arrival time is used, not the time of reading, a held version stays
held when its date has passed: waiting never lets it override what you did meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from reader.annotations import merge as merging
from reader.annotations.files import FileRead
from reader.model.remarks import Record

#: How far ahead another computer's clock may be before its versions are held aside.
CLOCK_SKEW = timedelta(minutes=10)


@dataclass(frozen=True)
class HeldVersion:
    """A future-dated version of one of your highlights, from ``file``, and the present
    version it would replace."""

    version: Record  # a highlight, reply or link
    current: Record
    file: str

    @property
    def id(self) -> str:
        return self.version.id

    @property
    def action(self) -> str:
        """What accepting it would do: ``delete``, ``restore`` or ``change``."""
        if self.version.deleted and not self.current.deleted:
            return "delete"
        if self.current.deleted and not self.version.deleted:
            return "restore"
        return "change"


def same_content(a: Record, b: Record) -> bool:
    """Whether two versions differ only in their ``modified`` time."""
    return merging.canonical(a) == merging.canonical(replace(b, modified=a.modified))


def split(files: Iterable[FileRead], mine: Iterable[Record], me: str
          ) -> tuple[list[Iterable[Record]], tuple[HeldVersion, ...]]:
    """The collections to merge (every file, your edits in memory, the copies' versions
    that are not held) and the versions held aside (see the module doc)."""
    files = list(files)
    copies = [fr for fr in files if fr.owner == me and fr.conflict]
    copy_ids = {id(fr) for fr in copies}
    out: list[Iterable[Record]] = [fr.records() for fr in files if id(fr) not in copy_ids]
    out.append(list(mine))
    if not copies:
        return out, ()
    present: dict[str, Record] = {}

    def note(h: Record) -> None:
        old = present.get(h.id)
        present[h.id] = h if old is None else merging.newer(old, h)

    for coll in out:
        for h in coll:
            if h.author.id == me:
                note(h)
    future: list[tuple[Record, str]] = []
    for fr in copies:
        limit = fr.arrived + CLOCK_SKEW
        now_ok = []
        for h in fr.records():
            if h.modified > limit:
                future.append((h, fr.path.name))
            else:
                now_ok.append(h)
                note(h)
        out.append(now_ok)
    held: list[HeldVersion] = []
    merged_future: list[Record] = []
    for h, name in future:
        cur = present.get(h.id)
        if cur is None or merging.newer(cur, h) is cur or same_content(cur, h):
            merged_future.append(h)
        else:
            held.append(HeldVersion(h, cur, name))
    out.append(merged_future)
    held.sort(key=lambda v: (v.file, v.id, v.version.modified))
    return out, tuple(held)


def describe(held: Iterable[HeldVersion]) -> list[str]:
    """One problem sentence per copy holding held versions."""
    by_file: dict[str, list[HeldVersion]] = {}
    for v in held:
        by_file.setdefault(v.file, []).append(v)
    out = []
    for name, versions in by_file.items():
        deletions = sum(1 for v in versions if v.action == "delete")
        latest = max(v.version.modified for v in versions)
        what = f"{len(versions)} change(s) to your highlights"
        if deletions:
            what += f" ({deletions} deletion(s))"
        out.append(
            f"{name} has {what} dated in the future (up to {latest:%Y-%m-%d %H:%M} UTC; "
            "a computer's clock may be wrong): they are held aside, not applied, and the "
            "file is left untouched. Review them with 'policy-reader annotations held'; "
            "apply them with 'policy-reader annotations held --accept'.")
    return out
