"""Opening a workspace (the composition root, :class:`reader.workspace.Workspace`)."""

from __future__ import annotations

from pathlib import Path

from reader.settings import Settings
from reader.workspace import Workspace

__all__ = ["Workspace", "open_workspace"]


def open_workspace(root: str | Path | None = None, *, create: bool = False,
                   settings: Settings | None = None) -> Workspace:
    """``root`` (or ``$POLICY_READER_WORKSPACE``, or the default workspace, seeded with the
    bundled corpus and the sample annotations on first use). With ``create`` a missing
    folder is made. ``WorkspaceError`` when it cannot be used."""
    return Workspace.open(root, create=create, settings=settings)
