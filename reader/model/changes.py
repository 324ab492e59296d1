"""What an operation touched (:mod:`reader.ops`): front ends refresh from it instead of
knowing what each action changes.

Ids name what changed; :data:`ALL` in a set means "any of them may have changed" (a
refresh of the whole library, highlights read again from disk). Change sets combine with
``|``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

ALL = "*"
T = TypeVar("T")


@dataclass(frozen=True)
class ChangeSet:
    documents: frozenset[str] = frozenset()  # document ids (entries, texts or metadata)
    annotations: frozenset[str] = frozenset()  # highlight ids
    themes: bool = False  # the taxonomy (labels, colours, tree, favourites)
    index: bool = False  # the search index (its content or its state)
    settings: frozenset[str] = frozenset()  # keys of the user settings written
    authors: bool = False  # who is shown, or a name

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(self.documents | other.documents,
                         self.annotations | other.annotations, self.themes or other.themes,
                         self.index or other.index, self.settings | other.settings,
                         self.authors or other.authors)

    @property
    def empty(self) -> bool:
        return self == NOTHING

    @property
    def all_documents(self) -> bool:
        return ALL in self.documents

    @property
    def all_annotations(self) -> bool:
        return ALL in self.annotations

    @property
    def highlight_ids(self) -> frozenset[str]:
        """The highlight ids named (without :data:`ALL`)."""
        return self.annotations - {ALL}


NOTHING = ChangeSet()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """An operation's result and what it changed."""

    value: T
    changes: ChangeSet = field(default=NOTHING)
