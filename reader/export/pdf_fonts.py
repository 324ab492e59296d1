"""Fonts for PDF briefs: the bundled DejaVu Serif and Sans (``resources/fonts``, free to
redistribute; licence beside them), embedded as subsets so accents, curly quotes, §, em
dashes survive on any computer.

Characters the running font lacks are drawn in the other family when it has them (DejaVu
Sans covers many symbols, e.g. ✓ ★ ⚖ ☺ ♥). Anything else — emoji included — is written as
its Unicode name in brackets, e.g. ``[slightly smiling face]``: never a blank box.
Characters beyond U+FFFF (most emoji) always take the named form, even where DejaVu has a
glyph: reportlab writes a wrong text layer for them (copying 😀 from the PDF would give
"ὠ"), and a brief's text must copy and search exactly. Variation selectors, zero-width
joiners and skin-tone modifiers are dropped (they only change how an emoji looks).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reader.errors import ExportError
from reader.paths import resources_dir

SERIF, SANS, MONO = "PRSerif", "PRSans", "PRMono"
FILES = {
    SERIF: ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
            "DejaVuSerif-BoldItalic.ttf"),
    SANS: ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
           "DejaVuSans-BoldOblique.ttf"),
    MONO: ("DejaVuSansMono.ttf",) * 4,
}
SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")
_INVISIBLE = {0x200D, 0xFE0E, 0xFE0F, 0x20E3} | set(range(0x1F3FB, 0x1F400)) \
    | set(range(0xE0020, 0xE0080))
_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}
_plain_ok: dict[str, frozenset[str]] = {}  # characters that need no fallback


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register() -> None:
    """Register the font families once per process (thread-safe)."""
    with _lock:
        if _coverage:
            return
        folder = fonts_dir()
        for family, files in FILES.items():
            for suffix, name in zip(SUFFIXES, files, strict=True):
                path = folder / name
                try:
                    font = TTFont(family + suffix, str(path))
                except Exception as exc:  # reportlab raises plain errors for bad files
                    raise ExportError(f"The PDF font {name} is missing or damaged ({path}).",
                                      "Reinstall Policy Reader.") from exc
                pdfmetrics.registerFont(font)
                if suffix == "":
                    _coverage[family] = frozenset(c for c in font.face.charToGlyph
                                                  if c <= 0xFFFF)
                    _plain_ok[family] = frozenset(chr(c) for c in _coverage[family]
                                                  if c not in _INVISIBLE)
            for (bold, italic), suffix in zip(((0, 0), (1, 0), (0, 1), (1, 1)), SUFFIXES,
                                              strict=True):
                addMapping(family, bold, italic, family + suffix)


def covers(family: str, ch: str) -> bool:
    register()
    return ord(ch) in _coverage[family]


@lru_cache(maxsize=2048)
def _char_markup(ch: str, family: str) -> str:
    cp = ord(ch)
    if cp in _INVISIBLE:
        return ""
    if cp in _coverage[family]:
        return escape(ch)
    for other in (SANS, SERIF):
        if other != family and cp in _coverage[other]:
            return f'<font face="{other}">{escape(ch)}</font>'
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return ""  # a combining mark or format character with nothing to draw
    name = unicodedata.name(ch, "").lower()
    return f"[{name}]" if name else "[?]"


def is_plain(text: str, family: str = SERIF) -> bool:
    """Whether ``text`` needs no font fallback in ``family`` (every character drawn as is)."""
    register()
    return _plain_ok[family].issuperset(text)


def markup(text: str, family: str = SERIF) -> str:
    """``text`` escaped for a reportlab Paragraph, with font fallback per character."""
    register()
    if _plain_ok[family].issuperset(text):
        return escape(text)
    return "".join(_char_markup(c, family) for c in text)


def plain(text: str, family: str = SANS) -> str:
    """``text`` for ``canvas.drawString`` (no markup): uncovered characters become their
    bracketed names (headers and footers have no per-character font switching)."""
    register()
    cov = _coverage[family]
    out = []
    for c in text:
        cp = ord(c)
        if cp in _INVISIBLE:
            continue
        if cp in cov:
            out.append(c)
        else:
            name = unicodedata.name(c, "").lower()
            out.append(f"[{name}]" if name else "?")
    return "".join(out)
