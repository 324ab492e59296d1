"""Fixtures for the tests that drive the GUI (tests/ui, tests/faults): settings, a session
and the main window (each torn down with its thread pool drained), the window on the
corpus, the window on the annotation memo. A pytest plugin, loaded for the whole suite by
``pytest_plugins`` in tests/conftest.py (Qt is imported only when a fixture is used). Qt
warnings fail a test (``qt_log_level_fail`` in pyproject.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.annotations.identity import NAME_KEY
from reader.settings import Settings
from tests.ui.annotating_fixtures import Env, open_env, write_memo
from tests.ui.gui_fixtures import wait_idle


@pytest.fixture
def settings(user_home: Path) -> Settings:
    return Settings()


@pytest.fixture
def named_settings(settings: Settings) -> Settings:
    settings.set(NAME_KEY, "Maria G")
    return settings


@pytest.fixture
def session(qtbot: Any, settings: Settings) -> Iterator[Any]:
    from reader.ui.session import Session

    s = Session(settings)
    yield s
    s.runner.cancel_all()
    assert s.runner.drain(60_000)


@pytest.fixture
def window(qtbot: Any, session: Any) -> Iterator[Any]:
    from reader.ui.window.main_window import MainWindow

    w = MainWindow(session)
    qtbot.addWidget(w, before_close_func=lambda _w: quiesce(session))
    w.show()
    yield w
    session.runner.cancel_all()
    session.runner.drain(60_000)


def quiesce(session: Any) -> None:
    """Before a test's window is closed and deleted: nothing more starts, running tasks end
    and their last reports reach this window (not a later test's event loop, where they
    found its widgets deleted)."""
    from PySide6.QtWidgets import QApplication

    session.shutdown()
    session.runner.drain(60_000)
    QApplication.processEvents()


@pytest.fixture
def corpus_window(qtbot: Any, window: Any, session: Any, corpus_copy: Path) -> Iterator[Any]:
    """The main window on a copy of the bundled corpus, read and indexed."""
    with qtbot.waitSignal(session.themes_loaded, timeout=60_000):  # background work started
        session.open_workspace(corpus_copy)
    wait_idle(qtbot, session)
    yield window


@pytest.fixture
def memo_env(qtbot: Any, named_settings: Settings, window: Any, session: Any,
             workspace_dir: Path) -> Iterator[Env]:
    """The window on a workspace holding the memo (opened), as "Maria G"."""
    write_memo(workspace_dir)
    env = open_env(qtbot, window, session, workspace_dir)
    env.open_memo()
    yield env
    env.ui.sidebar.inspector.flush()
