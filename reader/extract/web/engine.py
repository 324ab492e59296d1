"""The article extractor the web-page reader relies on, checked before first use.

trafilatura finds the article; it imports justext, htmldate and courlan, and justext
imports ``lxml.html.clean``, which lxml ≥ 5.2 moved to the separate ``lxml_html_clean``
package (an older pip resolver could leave it out). When any of them cannot be imported,
web pages are not read with a worse method behind the user's back: every page gets the
status "the web page extractor is not installed correctly: …", and the log says why, with
the traceback, once per process.
"""

from __future__ import annotations

import importlib
import logging
from importlib import metadata
from types import ModuleType

from reader.errors import ExtractorNotInstalled

log = logging.getLogger(__name__)

#: Every module the extractor imports, directly or through trafilatura (all declared in
#: pyproject.toml). Checked in this order; the first failure is reported.
REQUIRED_MODULES = ("lxml", "lxml.html", "lxml_html_clean", "lxml.html.clean", "justext",
                    "htmldate", "courlan", "trafilatura")
#: The distributions behind them, for :func:`engine_versions`.
DISTRIBUTIONS = ("trafilatura", "justext", "htmldate", "courlan", "lxml", "lxml_html_clean")
HINT = "Reinstall Policy Reader's dependencies (make run, or pip install -e . in its folder)."

_engine: ModuleType | None = None
_reported = False


def article_engine() -> ModuleType:
    """The ``trafilatura`` module, after checking that everything it needs imports.

    Raises :class:`ExtractorNotInstalled` (logged as an error with its traceback the first
    time) when something is missing or broken."""
    global _engine, _reported
    if _engine is not None:
        return _engine
    for name in REQUIRED_MODULES:
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # ImportError, or a broken package failing on import
            error = ExtractorNotInstalled(
                f"the web page extractor is not installed correctly: {_describe(name, exc)}.",
                HINT)
            if not _reported:
                _reported = True
                log.error("web pages cannot be read: %s", error, exc_info=True)
            raise error from exc
    if not hasattr(module, "bare_extraction"):
        raise ExtractorNotInstalled(
            "the web page extractor is not installed correctly: this trafilatura "
            f"({_version('trafilatura')}) has no bare_extraction; version 2 or newer is "
            "needed.", HINT)
    _engine = module
    return module


def _describe(name: str, exc: BaseException) -> str:
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        return f"the package '{exc.name}' is missing ({first})"
    return f"importing {name} failed ({type(exc).__name__}: {first})"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def engine_versions() -> dict[str, str]:
    """The installed version of every distribution the extractor uses (for the log and
    for tests that check the extractor in use is the intended one)."""
    return {dist: _version(dist) for dist in DISTRIBUTIONS}


def reset_for_tests() -> None:
    """Forget the checked engine (tests simulating a broken install)."""
    global _engine, _reported
    _engine, _reported = None, False
