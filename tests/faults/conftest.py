"""Fault-injection tests (issue 17): each reproduces a way data was lost or a command hung,
then checks it no longer happens. They run in ``make test`` and stay small in time:
concurrency tests use a few threads or spawned processes for a few seconds at most."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.settings import Settings
from reader.workspace import Workspace
from tests.core.annotations_fixtures import MEMO, FakeLibrary, make_workspace, settings_for

ME = "me01"


def memo_library() -> FakeLibrary:
    lib = FakeLibrary()
    lib.add("memos/memo.txt", MEMO)
    return lib


def open_ws(root: Path, settings_path: Path) -> Workspace:
    """A fresh Workspace object on ``root`` (as another window or command would open it)."""
    return make_workspace(root, memo_library(), Settings(settings_path))


@pytest.fixture
def shared(tmp_path: Path) -> tuple[Path, Path]:
    """(workspace root, settings file) of one person, Maria (id ``me01``)."""
    settings = tmp_path / "settings.json"
    settings_for(settings, ME, "Maria")
    root = tmp_path / "ws"
    root.mkdir()
    return root, settings
