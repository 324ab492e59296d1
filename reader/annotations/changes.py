"""What loading and reloading the annotation files report."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from reader.model.annotations import Highlight
from reader.model.remarks import Remark


@dataclass(frozen=True)
class LoadReport:
    files: int
    authors: int
    highlights: int  # live (not deleted)
    deleted: int
    problems: tuple[str, ...]
    seconds: float
    remarks: int = 0  # live replies and links


@dataclass(frozen=True)
class StoreChanges:
    """Highlight ids added, changed or removed. A highlight whose replies or links changed
    is listed as ``changed`` (its discussion changed); ``remarks`` lists the ids of the
    replies and links themselves."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # deleted (tombstoned) or gone with their file
    remarks: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.remarks)


def diff(before: dict[str, Highlight], after: dict[str, Highlight]) -> StoreChanges:
    added, changed, removed = [], [], []
    for hid, h in after.items():
        old = before.get(hid)
        if old is None or (old.deleted and not h.deleted):
            if not h.deleted:
                added.append(hid)
        elif h.deleted and not old.deleted:
            removed.append(hid)
        elif old is not h and old != h:
            changed.append(hid)
    removed += [hid for hid, h in before.items() if hid not in after and not h.deleted]
    return StoreChanges(tuple(added), tuple(changed), tuple(removed))


class _Affected(Protocol):
    def affected(self, remark: Remark) -> list[str]: ...


def with_remarks(changes: StoreChanges, before: dict[str, Remark], after: dict[str, Remark],
                 discussion: _Affected) -> StoreChanges:
    """``changes`` plus the replies and links that differ between ``before`` and ``after``
    (their highlights listed as changed)."""
    ids = [k for k, r in after.items() if before.get(k) != r]
    ids += [k for k in before if k not in after]
    if not ids:
        return changes
    listed = set(changes.added) | set(changes.removed) | set(changes.changed)
    touched: dict[str, None] = {}
    for k in ids:
        for r in (before.get(k), after.get(k)):
            if r is not None:
                touched.update(dict.fromkeys(h for h in discussion.affected(r)
                                             if h not in listed))
    return replace(changes, changed=changes.changed + tuple(touched), remarks=tuple(ids))
