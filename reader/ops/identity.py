"""Who you are as an annotator: a random id that never changes and the name others see."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.annotations.identity import (
    MAX_NAME,
    NAME_KEY,
    clean_name,
    current_author,
    set_author_name,
)
from reader.errors import ReaderError
from reader.model.annotations import Author
from reader.model.changes import ALL, ChangeSet, Outcome
from reader.paths import DATA_DIRNAME, resolve_workspace
from reader.settings import Settings
from reader.workspace import Workspace

__all__ = ["MAX_NAME", "clean_name", "has_chosen_name", "rename", "rename_in", "whoami"]

RENAMED = ChangeSet(annotations=frozenset({ALL}), authors=True,
                    settings=frozenset({NAME_KEY}))


def whoami(settings: Settings) -> Author:
    return current_author(settings)


def has_chosen_name(settings: Settings) -> bool:
    """Whether the person has chosen the name others will see."""
    return bool(settings.get(NAME_KEY, "", type_=str))


def rename_in(ws: Workspace, name: str) -> Outcome[Author]:
    """Your new display name, in the settings and on your highlights in ``ws`` (written with
    the next save)."""
    return Outcome(ws.annotations().set_author_name(name), RENAMED)


@dataclass(frozen=True)
class Renamed:
    author: Author
    unsaved: str = ""  # why your file could not be rewritten with the name ("" when it was)


def rename(settings: Settings, name: str, workspace: str | Path | None = None
           ) -> Outcome[Renamed]:
    """Your new display name, saved in the settings; your annotation file in ``workspace``
    (if you have one there) is rewritten now, so others see it. No workspace is created or
    seeded just for this. When the file cannot be rewritten the name is still saved, and
    ``unsaved`` says why."""
    author = set_author_name(settings, name)
    root = resolve_workspace(workspace)
    if (root / DATA_DIRNAME / "annotations" / f"{author.id}.json").is_file():
        try:
            store = Workspace.open(root, settings=settings).annotations()
            store.load()
            author = store.set_author_name(name)
            store.save()
        except ReaderError as exc:
            return Outcome(Renamed(author, str(exc)), RENAMED)
    return Outcome(Renamed(author), RENAMED)
