"""Plain data for the desktop conventions: a recent workspace as the File menu lists it, and
what a second launch hands to the window already running on its workspace."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecentWorkspace:
    """A workspace opened before (most recent first in a list); ``exists`` is False when its
    folder has been moved, renamed or deleted since."""

    path: str
    name: str
    exists: bool


@dataclass(frozen=True)
class HandOver:
    """A second launch's request to the running window: open these files (paths, or
    document ids), the first at ``page``; no files: just come to the front."""

    files: tuple[str, ...] = ()
    page: str = ""


@dataclass(frozen=True)
class Component:
    """A library (or Python, or Qt) the app runs with: its version and licence
    (``version`` empty: not installed)."""

    name: str
    version: str
    licence: str = ""


@dataclass(frozen=True)
class FontLicence:
    """A font bundled with the app and the file that holds its licence."""

    fonts: str
    licence: str
    file: str


@dataclass(frozen=True)
class AboutInfo:
    version: str
    platform: str
    components: tuple[Component, ...]
    fonts: tuple[FontLicence, ...]
