"""Paper sizes, and the one a brief starts with: the size the person's locale prints on —
US Letter in the United States, Canada and the other Letter countries, A4 elsewhere —
read without Qt. The person can always choose the other (the export form, ``--page-size``).

Where the locale is read, first answer wins:

1. ``$PAPERSIZE`` (libpaper's variable: ``letter`` or ``a4``), a person's explicit choice;
2. the POSIX locale for paper: ``$LC_ALL``, ``$LC_PAPER``, ``$LANG`` (the first one set),
   e.g. ``en_US.UTF-8`` → US → Letter, ``fr_CA`` → Letter, ``de_DE`` → A4;
3. Windows: the user locale's paper size (``GetLocaleInfoEx``, ``LOCALE_IPAPERSIZE``);
   macOS: the region in the global preferences (``AppleLocale``, e.g. ``en_US``);
4. the system's default paper (``/etc/papersize``, Debian and derivatives);
5. A4 (what most of the world uses).

A value that cannot be read or makes no sense (``C``, ``POSIX``, garbage, an unreadable
file) is passed over, never an error.
"""

from __future__ import annotations

import logging
import os
import plistlib
import re
import sys
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

log = logging.getLogger(__name__)


class PageSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return {PageSize.A4: "A4", PageSize.LETTER: "US Letter"}[self]


#: Territories whose paper is US Letter (CLDR supplemental data, ``paperSize``).
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "PR", "CL", "CO", "CR", "GT", "NI",
                                "PA", "SV", "VE", "BZ"})

SYSTEM_PAPERSIZE = Path("/etc/papersize")
MAC_PREFERENCES = Path("~/Library/Preferences/.GlobalPreferences.plist")

# language, then a territory of two letters or three digits, as POSIX (en_US.UTF-8@euro)
# and BCP 47 (en-US, zh-Hant-TW) write them
_TERRITORY = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?[-_]([A-Za-z]{2}|\d{3})(?:[.@_-]|$)")
_WINDOWS_SIZES = {"1": PageSize.LETTER, "5": PageSize.LETTER,  # letter, legal
                  "9": PageSize.A4, "8": PageSize.A4}  # A4, A3


def territory(locale_name: str) -> str:
    """``"US"`` for ``"en_US.UTF-8"`` or ``"en-US"``; ``""`` when the name has none."""
    m = _TERRITORY.match(locale_name.strip())
    return m.group(1).upper() if m else ""


def for_territory(code: str) -> PageSize:
    return PageSize.LETTER if code.upper() in LETTER_TERRITORIES else PageSize.A4


def named_size(value: str) -> PageSize | None:
    """``letter`` / ``a4`` as libpaper writes them (any case); None for others."""
    value = value.strip().lower()
    if value in ("letter", "us-letter", "usletter"):
        return PageSize.LETTER
    if value == "a4":
        return PageSize.A4
    return None


def locale_page_size(env: Mapping[str, str] | None = None, *, platform: str | None = None,
                     system_file: Path = SYSTEM_PAPERSIZE,
                     mac_preferences: Path = MAC_PREFERENCES) -> PageSize:
    """The paper size of the person's locale (see the module doc for the order)."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    chosen = named_size(env.get("PAPERSIZE", ""))
    if chosen is not None:
        return chosen
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(name, "")
        if value:  # the first one set decides, as POSIX has it
            code = territory(value)
            if code:
                return for_territory(code)
            break
    found = None
    if platform == "win32":
        found = _windows_paper()
    elif platform == "darwin":
        found = _mac_paper(mac_preferences.expanduser())
    return found or _system_paper(system_file) or PageSize.A4


def _windows_paper() -> PageSize | None:
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # Windows only
        buf = ctypes.create_unicode_buffer(8)
        # LOCALE_NAME_USER_DEFAULT (NULL), LOCALE_IPAPERSIZE
        n = kernel32.GetLocaleInfoEx(None, 0x100A, buf, len(buf))
    except (AttributeError, OSError, ValueError) as exc:
        log.info("paper size: the Windows locale could not be read (%s)", exc)
        return None
    return _WINDOWS_SIZES.get(buf.value.strip()) if n else None


def _mac_paper(preferences: Path) -> PageSize | None:
    try:
        with preferences.open("rb") as f:
            prefs = plistlib.load(f)
    except (OSError, ValueError, plistlib.InvalidFileException) as exc:
        log.info("paper size: %s could not be read (%s)", preferences, exc)
        return None
    value = prefs.get("AppleLocale") if isinstance(prefs, dict) else None
    code = territory(value) if isinstance(value, str) else ""
    return for_territory(code) if code else None


def _system_paper(path: Path) -> PageSize | None:
    try:
        lines = path.read_text("utf-8", errors="replace")[:200].splitlines()
    except (OSError, ValueError):
        return None
    first = next((x for x in lines if x.strip() and not x.lstrip().startswith("#")), "")
    return named_size(first)


def default_page_size() -> PageSize:
    """The paper size a new brief starts with (this machine's locale)."""
    return locale_page_size()
