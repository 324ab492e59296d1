"""Shared fixtures. Every test runs with its own user folders (``POLICY_READER_HOME``),
Qt offscreen, and no network. Extracted text is cached once per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import netguard

pytest_plugins = ["tests.qt_fixtures"]  # the GUI fixtures (session, window, memo_env …)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# every Python process a test starts blocks the network too (tests/netguard_site/)
_SITE = str(Path(__file__).resolve().parent / "netguard_site")
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (_SITE, os.environ.get("PYTHONPATH", "")) if p)

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="session")
def session_extract_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("extract-cache")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """A connection to anything but this machine fails the test (see tests/netguard.py)."""
    netguard.install(monkeypatch)


@pytest.fixture(autouse=True)
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              session_extract_cache: Path) -> Path:
    """Isolated user data/cache/config/log folders for each test."""
    home = tmp_path / "home"
    monkeypatch.setenv("POLICY_READER_HOME", str(home))
    monkeypatch.setenv("POLICY_READER_EXTRACT_CACHE", str(session_extract_cache))
    monkeypatch.delenv("POLICY_READER_WORKSPACE", raising=False)
    # briefs default to the locale's paper: A4 here, whatever the machine's locale
    monkeypatch.setenv("PAPERSIZE", "a4")
    return home


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    """An empty workspace folder."""
    ws = tmp_path / "ws"
    ws.mkdir()
    return ws


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Iterator[Path]:
    """A fresh workspace folder holding a copy of the bundled corpus."""
    ws = tmp_path / "corpus-ws"
    shutil.copytree(CORPUS, ws, ignore=shutil.ignore_patterns(".*"))
    yield ws


@pytest.fixture(autouse=True)
def fast_paths() -> Iterator[None]:
    """Fails a test in which a search fast path fell back to Whoosh's public API (see
    reader/search/fastpath.py): a silent slowdown after an upgrade is a failure. A test
    that makes one fall back on purpose resets the count."""
    from reader.search import fastpath

    fastpath.reset()
    yield
    assert not fastpath.FALLBACKS, f"search fast paths fell back: {dict(fastpath.FALLBACKS)}"
