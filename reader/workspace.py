"""The workspace: a folder of documents plus ``.policy-reader/``, and the composition root
of its services.

This is the one place the services are built, each with its dependencies given explicitly
(paths, settings, and the other services it reads: the annotation store gets the library
and the taxonomy, the search index gets the library, the placed highlights, the taxonomy
and the replies). No service holds the workspace or finds another through it. Services
are made lazily, once: ``library()``, ``themes()``, ``annotations()``, ``search()``.

Front ends do not call the services to change anything: they call :mod:`reader.ops`, which
combines them and says what changed.
"""

from __future__ import annotations

import errno
import logging
import os
import shlex
import shutil
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import WorkspaceError, WorkspaceMissing
from reader.jsonio import sweep_stale_temps
from reader.paths import (
    DATA_DIRNAME,
    WORKSPACE_ENV,
    corpus_dir,
    data_dir,
    default_workspace,
    resolve_workspace,
    resources_dir,
    workspace_cache_dir,
)
from reader.settings import Settings

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore
    from reader.annotations.themes import ThemeStore
    from reader.documents.library import Library
    from reader.model.themes import Taxonomy
    from reader.search.api import SearchIndex

log = logging.getLogger(__name__)


class Workspace:
    def __init__(self, root: Path, *, settings: Settings | None = None) -> None:
        self.root = Path(root).resolve()
        self.settings = settings or Settings()
        self._lock = threading.RLock()
        self.created = False  # the folder was made by :meth:`open`
        self.seeded = False  # ... as the default workspace, with the sample documents

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, root: str | Path | None = None, *, create: bool = False,
             settings: Settings | None = None) -> Workspace:
        """Open ``root`` (or the configured/default workspace). With ``create`` a missing
        folder is created (``created`` is then True); the default workspace is created and
        seeded on first use."""
        try:
            path = resolve_workspace(root)
        except (ValueError, OSError) as exc:  # a NUL character; a loop of links
            named = str(root) if root is not None else os.environ.get(WORKSPACE_ENV, "")
            raise WorkspaceError(f"Cannot use {named!r}{_named_by(root)} as a workspace "
                                 f"folder: {exc}.",
                                 "Choose another folder.") from exc
        is_default = root is None and path == default_workspace().resolve()
        created = seeded = False
        if is_default:
            created = seeded = seed_default_workspace(path)
        elif not path.exists():
            if not create:
                raise WorkspaceMissing(path, f"The workspace folder {path}{_named_by(root)} "
                                       "does not exist.", "Check its name. To start a new "
                                       "workspace there, add a first document: "
                                       f"policy-reader --workspace {_quoted(path)} add FILE "
                                       "creates the folder.")
            make_workspace_folder(path)
            created = True
        if not path.is_dir():
            raise WorkspaceError(f"{path}{_named_by(root)} is a file, not a folder.",
                                 "A workspace is a folder: choose another name.")
        ws = cls(path, settings=settings)
        ws.created, ws.seeded = created, seeded
        for folder in (ws.data_dir, ws.annotations_dir):  # left by saves that were killed
            sweep_stale_temps(folder)
        return ws

    # -- locations -----------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.root.name

    @property
    def data_dir(self) -> Path:
        """The shared app data inside the workspace (``.policy-reader/``)."""
        return self.root / DATA_DIRNAME

    @property
    def annotations_dir(self) -> Path:
        return self.data_dir / "annotations"

    @property
    def themes_file(self) -> Path:
        return self.data_dir / "themes.json"

    @property
    def documents_file(self) -> Path:
        return self.data_dir / "documents.json"

    @property
    def cache_dir(self) -> Path:
        """Machine-local derived data for this workspace (never in the shared folder)."""
        return workspace_cache_dir(self.root)

    # -- services (the composition root) ---------------------------------------------------
    @cached_property
    def _library(self) -> Library:
        from reader.documents.library import Library
        from reader.extract.ocr.options import options_from

        library = Library(self.root, documents_file=self.documents_file,
                          state_file=self.cache_dir / "library.json")
        library.ocr = options_from(self.settings.get("ocr.enabled", True),
                                   self.settings.get("ocr.languages", ["eng"]))
        return library

    def library(self) -> Library:
        with self._lock:
            return self._library

    def library_if_open(self) -> Library | None:
        """The library when something already used it (None: it was never loaded)."""
        return self.__dict__.get("_library")

    @cached_property
    def _themes(self) -> ThemeStore:
        from reader.annotations.themes import ThemeStore
        return ThemeStore(self.themes_file)

    def themes(self) -> ThemeStore:
        with self._lock:
            return self._themes

    def taxonomy(self) -> Taxonomy:
        """The current taxonomy (what the annotation store and the index are given)."""
        return self.themes().taxonomy()

    @cached_property
    def _annotations(self) -> AnnotationStore:
        from reader.annotations.store import AnnotationStore
        return AnnotationStore(self.annotations_dir, self.settings, documents=self.library,
                               taxonomy=self.taxonomy)

    def annotations(self) -> AnnotationStore:
        with self._lock:
            return self._annotations

    @cached_property
    def _search(self) -> SearchIndex:
        from reader.search.index import WhooshIndex
        return WhooshIndex(self.cache_dir / "index", library=self.library,
                           placed=lambda: self.annotations().placed_all(),
                           taxonomy=self.taxonomy,
                           discussion=lambda: self.annotations().discussion())

    def search(self) -> SearchIndex:
        with self._lock:
            return self._search


_MKDIR_HINTS = {errno.EACCES: "You cannot write in that folder: choose one you can.",
                errno.EPERM: "You cannot write in that folder: choose one you can.",
                errno.EROFS: "That disk is read-only: choose another place.",
                errno.ENOSPC: "The disk is full: free some space or choose another disk.",
                errno.ENOTDIR: "A part of the path is a file, not a folder.",
                errno.ENAMETOOLONG: "The name is too long: choose a shorter one."}


def make_workspace_folder(path: Path) -> None:
    """Create a new, empty workspace folder (and the folders above it). ``WorkspaceError``
    with what to do when it cannot be made."""
    try:
        path.mkdir(parents=True)
    except FileExistsError:
        if not path.is_dir():
            raise WorkspaceError(f"{path} is a file, not a folder.",
                                 "A workspace is a folder: choose another name.") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the name
        errno_ = getattr(exc, "errno", None)
        what = getattr(exc, "strerror", None) or str(exc)
        hint = _MKDIR_HINTS.get(errno_ or 0, "Choose another folder.")
        raise WorkspaceError(f"Cannot create the workspace folder {path}: {what}.",
                             hint) from exc
    log.info("created the workspace folder %s", path)


def _named_by(root: str | Path | None) -> str:
    """Where a workspace path came from, when it was not given on the command line."""
    return f" (from ${WORKSPACE_ENV})" if root is None and os.environ.get(WORKSPACE_ENV) \
        else ""


def _quoted(path: Path) -> str:
    return shlex.quote(str(path))


def seed_default_workspace(path: Path) -> bool:
    """Create the default workspace and copy the bundled corpus into it (first run only),
    with the sample annotations of three fictional study-group members
    (``resources/sample-annotations``: highlights, a reply thread, links, readings that
    differ), so the comparison matrix, agreement and threads have something to show.
    Returns True when it was created now."""
    if path.exists():
        return False
    source = corpus_dir()
    tmp = path.with_name(path.name + ".seeding")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        if source.is_dir():
            shutil.copytree(source, tmp, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        else:
            tmp.mkdir(parents=True)
        bundled = source.is_dir() and source.resolve() == data_dir("corpus").resolve()
        samples = sorted(sample_annotations_dir().glob("*.json")) if bundled else []
        if samples:
            folder = Workspace(tmp).annotations_dir  # where the store will read them
            folder.mkdir(parents=True, exist_ok=True)
            for sample in samples:
                shutil.copyfile(sample, folder / sample.name)
        tmp.replace(path)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise WorkspaceError(f"Cannot create the default workspace {path}: "
                             f"{exc.strerror or exc}.") from exc
    log.info("created the default workspace %s from %s", path, source)
    return True


def sample_annotations_dir() -> Path:
    """The sample annotation files a new default workspace starts with."""
    return resources_dir() / "sample-annotations"
