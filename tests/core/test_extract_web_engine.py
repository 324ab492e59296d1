"""The web-page extractor in use is the intended one, and a missing or broken one is an
install error reported loudly, never a quiet fallback to the plain page text."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

from reader.documents.cache import ExtractCache
from reader.errors import ExtractorNotInstalled
from reader.extract.pool_worker import run_job
from reader.extract.registry import extract_file
from reader.extract.web import engine
from reader.model.documents import DocStatus
from tests.core.news_fixtures import NEWS

REPO = Path(__file__).resolve().parents[2]
PAGE = NEWS / "national_daily.html"


def _declared() -> set[str]:
    deps = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    names = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0] for d in deps["dependencies"]}
    return {n.lower().replace("_", "-") for n in names}


@pytest.fixture
def fresh_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine check runs again in this test (and the real one is restored after)."""
    monkeypatch.setattr(engine, "_engine", None)
    monkeypatch.setattr(engine, "_reported", False)


def test_pyproject_declares_every_package_the_extractor_imports() -> None:
    declared = _declared()
    for dist in engine.DISTRIBUTIONS:
        assert dist.lower().replace("_", "-") in declared, dist


def test_the_extractor_in_use_is_trafilatura_with_everything_it_needs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    versions = engine.engine_versions()
    assert "not installed" not in versions.values(), versions
    assert int(versions["trafilatura"].split(".")[0]) >= 2
    assert engine.article_engine() is trafilatura
    calls: list[object] = []
    real = trafilatura.bare_extraction

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    x = extract_file(PAGE)
    assert len(calls) == 1, "the page was not read by trafilatura"
    assert calls[0]["favor_recall"] is True and calls[0]["include_comments"] is False
    assert not x.warnings  # the article was found: no whole-page fallback
    assert not x.text.startswith(("Skip", "Home", "SECTIONS"))


def test_a_missing_lxml_html_clean_is_an_install_error(
        fresh_engine: None, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setitem(sys.modules, "lxml_html_clean", None)  # import fails, as on a bad pip
    with pytest.raises(ExtractorNotInstalled) as err:
        extract_file(PAGE)
    message = str(err.value)
    assert message.startswith("the web page extractor is not installed correctly: ")
    assert "lxml_html_clean" in message and "Reinstall" in message and "\n" not in message
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert "web pages cannot be read" in errors[0].getMessage()
    with pytest.raises(ExtractorNotInstalled):
        extract_file(NEWS / "tabloid.html")
    assert len([r for r in caplog.records if r.levelname == "ERROR"]) == 1  # once per process


def test_a_broken_extractor_becomes_a_status_that_is_not_cached(
        fresh_engine: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "justext", None)
    result, status, reason, tb = run_job(PAGE, None, 512)
    assert result is None and status is DocStatus.NOT_INSTALLED and not tb
    assert "not installed correctly" in reason and "justext" in reason
    cache = ExtractCache(tmp_path)
    entry = cache.store("ab" * 32, "html-2", result, status, reason)
    assert entry.status is DocStatus.NOT_INSTALLED
    assert cache.summary("ab" * 32, "html-2") == entry  # this session: the reason shows
    assert not list(tmp_path.rglob("*.json"))  # never written: read again once fixed
    assert ExtractCache(tmp_path).summary("ab" * 32, "html-2") is None


def test_an_old_trafilatura_without_bare_extraction_is_reported(
        fresh_engine: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.delattr(trafilatura, "bare_extraction")
    with pytest.raises(ExtractorNotInstalled, match="version 2 or newer"):
        engine.article_engine()
