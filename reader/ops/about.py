"""What Help → About says: the app's version, the platform, the versions and licences of
Python, Qt and the main libraries (read from the installed packages' metadata, so they are
the ones actually running), and the licences of the fonts bundled for briefs."""

from __future__ import annotations

import logging
import platform
import re
import sys
from importlib import metadata
from pathlib import Path

from reader import __version__
from reader.model.desktop import AboutInfo, Component, FontLicence
from reader.paths import resources_dir

log = logging.getLogger(__name__)

APP_LICENCE = "GPL-3.0-or-later"
#: The libraries worth naming, by distribution name (optional ones are listed when present).
LIBRARIES = ("PySide6-Essentials", "PySide6-Pdf", "shiboken6", "whoosh-reloaded",
             "pdfminer.six", "pypdf", "lxml", "lxml_html_clean", "trafilatura", "justext",
             "htmldate", "courlan", "python-docx", "markdown-it-py", "rapidfuzz", "edlib",
             "reportlab", "msgspec", "openpyxl", "charset-normalizer", "platformdirs",
             "filelock", "pyspellchecker")
OPTIONAL = ("tesserocr",)
#: Licence names as a person knows them, for the fonts' licence files.
_FONT_LICENCES = (("bitstream-vera", "Bitstream Vera Fonts licence"),
                  ("sil open font license version 1.1", "SIL Open Font License 1.1"))


def about_info(toolkit: tuple[Component, ...] = ()) -> AboutInfo:
    """Everything the About box lists. ``toolkit``: what only the GUI can ask (the Qt
    version it runs with)."""
    python = Component("Python", platform.python_version(), "PSF-2.0")
    libraries = [_library(name) for name in LIBRARIES]
    libraries += [c for c in (_library(name) for name in OPTIONAL) if c.version]
    return AboutInfo(version=__version__, platform=_platform(),
                     components=(python, *toolkit, *libraries), fonts=font_licences())


def _platform() -> str:
    try:
        return f"{platform.system()} {platform.release()} ({platform.machine()})".strip()
    except OSError:  # pragma: no cover - uname unavailable
        return sys.platform


def _library(name: str) -> Component:
    try:
        meta = metadata.metadata(name)
        version = metadata.version(name)
    except metadata.PackageNotFoundError:
        return Component(name, "")
    except (OSError, ValueError) as exc:  # a damaged install
        log.warning("cannot read the metadata of %s: %s", name, exc)
        return Component(name, "")
    return Component(name, version or "", licence_of(meta))


def licence_of(meta: metadata.PackageMetadata) -> str:
    """A package's licence in a few words: its SPDX expression, else a short License
    field, else its licence classifier, else the first words of a long License field."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and len(text) <= 60 and "\n" not in text:
        return text
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License ::") and not classifier.endswith(":: OSI Approved"):
            return classifier.rsplit("::", 1)[-1].strip()
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= 60 else first[:57].rstrip() + "…"


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def font_licences(folder: Path | None = None) -> tuple[FontLicence, ...]:
    """One entry per ``LICENSE-*.txt`` beside the bundled fonts: which fonts (its first
    line), the licence, the file."""
    folder = folder or resources_dir() / "fonts"
    out = []
    try:
        files = sorted(folder.glob("LICENSE-*.txt"))
    except OSError:
        files = []
    for path in files:
        try:
            text = path.read_text("utf-8", errors="replace")[:20_000]
        except OSError as exc:
            log.warning("cannot read %s: %s", path, exc)
            continue
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        what = re.split(r",? bundled ", lines[0])[0].rstrip(".") if lines else path.stem
        lowered = text.lower()
        licence = next((label for key, label in _FONT_LICENCES if key in lowered),
                       f"see {path.name}")
        out.append(FontLicence(fonts=what, licence=licence, file=str(path)))
    return tuple(out)


def about_text(info: AboutInfo) -> str:
    """The About box's details as plain text, to copy into a message or a bug report."""
    rows = [f"Policy Reader {info.version} ({APP_LICENCE})", f"Platform: {info.platform}", "",
            "Components:"]
    width = max((len(c.name) for c in info.components), default=0)
    v_width = max((len(c.version) for c in info.components), default=0)
    for c in info.components:
        version = (c.version or "not installed").ljust(v_width)
        rows.append(f"  {c.name.ljust(width)}  {version}  {c.licence}".rstrip())
    rows += ["", "Bundled fonts (for PDF briefs):"]
    for f in info.fonts:
        rows += [f"  {f.fonts}: {f.licence}", f"    licence text: {f.file}"]
    if not info.fonts:
        rows.append("  (no licence files found beside the fonts)")
    return "\n".join(rows) + "\n"
