"""What loading and reloading the annotation files report."""

from __future__ import annotations

from dataclasses import dataclass

from reader.model.annotations import Highlight


@dataclass(frozen=True)
class LoadReport:
    files: int
    authors: int
    highlights: int  # live (not deleted)
    deleted: int
    problems: tuple[str, ...]
    seconds: float


@dataclass(frozen=True)
class StoreChanges:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # deleted (tombstoned) or gone with their file

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


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
