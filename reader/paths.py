"""Where things live: the workspace, and the user's data, cache, config and log folders.

``POLICY_READER_HOME`` moves every user folder under one directory (tests and portable
installs use it). ``POLICY_READER_WORKSPACE`` or ``--workspace`` picks the workspace.
Nothing is ever written inside the installed package or the repository checkout.
"""

from __future__ import annotations

import hashlib
import os
import re
from importlib import resources
from pathlib import Path

import platformdirs

from reader import APP_ID

HOME_ENV = "POLICY_READER_HOME"
WORKSPACE_ENV = "POLICY_READER_WORKSPACE"
DATA_DIRNAME = ".policy-reader"

#: The repository root of a checkout (holds ``resources/`` and ``corpus/`` there); in an
#: installed wheel or a desktop bundle the data is package data instead (:func:`data_dir`).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _user_dir(kind: str) -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser() / kind
    getter = {
        "data": platformdirs.user_data_path,
        "cache": platformdirs.user_cache_path,
        "config": platformdirs.user_config_path,
        "log": platformdirs.user_log_path,
    }[kind]
    return Path(getter(APP_ID, appauthor=False))


def user_data_dir() -> Path:
    return _user_dir("data")


def user_cache_dir() -> Path:
    return _user_dir("cache")


def user_config_dir() -> Path:
    return _user_dir("config")


def user_log_dir() -> Path:
    return _user_dir("log")


def data_dir(name: str) -> Path:
    """The app's ``resources`` or ``corpus`` folder: package data (``reader/_data/NAME``, in
    a wheel or a desktop bundle), else the checkout's top-level folder (a clone, an editable
    install)."""
    try:
        packaged = Path(str(resources.files("reader._data").joinpath(name)))
    except (ModuleNotFoundError, TypeError, ValueError):  # pragma: no cover - no package
        packaged = None
    if packaged is not None and packaged.is_dir():
        return packaged
    return PROJECT_ROOT / name


def resources_dir() -> Path:
    return data_dir("resources")


def corpus_dir() -> Path:
    env = os.environ.get("POLICY_READER_CORPUS")
    return Path(env) if env else data_dir("corpus")


def default_workspace() -> Path:
    return user_data_dir() / "workspace"


def resolve_workspace(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The workspace to use: ``explicit`` > ``$POLICY_READER_WORKSPACE`` > the default one."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(WORKSPACE_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_workspace().resolve()


def workspace_key(root: Path) -> str:
    """A stable, filesystem-safe key for a workspace's machine-local cache folder."""
    resolved = str(Path(root).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(resolved).name).strip("-")[:40] or "workspace"
    return f"{name}-{digest}"


def workspace_cache_dir(root: Path) -> Path:
    """Machine-local derived data for one workspace (search index, library state)."""
    return user_cache_dir() / "workspaces" / workspace_key(root)


def extract_cache_dir() -> Path:
    """Extracted text, content-addressed (shared by all workspaces on this machine).
    ``POLICY_READER_EXTRACT_CACHE`` moves it (the test suite shares one across tests)."""
    env = os.environ.get("POLICY_READER_EXTRACT_CACHE")
    if env:
        return Path(env).expanduser()
    return user_cache_dir() / "extract"
