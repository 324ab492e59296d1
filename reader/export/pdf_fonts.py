"""Fonts for PDF briefs: the bundled DejaVu Serif and Sans and Noto Emoji
(``resources/fonts``, free to redistribute; licences beside them), embedded as subsets so
accents, curly quotes, §, em dashes and emoji survive on any computer.

Characters the running font lacks are drawn in the other DejaVu family when it has them
(DejaVu Sans covers many symbols, e.g. ✓ ★ ⚖ ☺ ♥), then in Noto Emoji (monochrome
outlines). Emoji beyond U+FFFF and any character followed by VS16 (U+FE0F, "emoji
style", as in ❤️) take Noto Emoji first. Anything no font has is written as its Unicode name
in brackets, e.g. ``[cuneiform sign a]``: never a blank box. The emoji font is read only
when a text needs it, so briefs without emoji pay nothing for it.

Variation selectors, zero-width joiners, keycap marks, tag characters and skin-tone
modifiers are drawn as an empty glyph of the emoji font, 1/1000 em wide: 👍🏽 shows 👍,
a ZWJ sequence (👩‍⚖️) shows its parts side by side, and the PDF's text layer still holds
the exact characters, so copying or searching gives the original text back (reportlab
applies no OpenType ligatures, so the font's joined glyphs are out of reach).

reportlab (5.1) writes the ToUnicode CMap of a font subset with one hex number per
character, which is wrong beyond U+FFFF (copying 😀 from the PDF gave "ὠ"): PDF wants
UTF-16BE there, i.e. a surrogate pair. ``_to_unicode_cmap`` replaces reportlab's
``ttfonts.makeToUnicodeCMap`` (process-wide, once, on first use) with the same CMap written
in UTF-16BE; for characters up to U+FFFF its output is byte for byte reportlab's.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from reader.errors import ExportError
from reader.paths import resources_dir

SERIF, SANS, MONO, EMOJI = "PRSerif", "PRSans", "PRMono", "PREmoji"
FILES = {
    SERIF: ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
            "DejaVuSerif-BoldItalic.ttf"),
    SANS: ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
           "DejaVuSans-BoldOblique.ttf"),
    MONO: ("DejaVuSansMono.ttf",) * 4,
}
EMOJI_FILE = "NotoEmoji-Regular.ttf"  # one face: bold and italic emoji look the same
SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")
VS16 = 0xFE0F
#: Characters that only change how an emoji (sequence) looks: drawn as nothing.
_INVISIBLE = {0x200D, 0xFE0E, VS16, 0x20E3} | set(range(0x1F3FB, 0x1F400)) \
    | set(range(0xE0020, 0xE0080))
_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}
_plain_ok: dict[str, frozenset[str]] = {}  # characters that need no fallback
_emoji: dict[str, frozenset[int]] = {}  # EMOJI -> its characters, once loaded


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def _load(name: str, as_name: str) -> TTFont:
    path = fonts_dir() / name
    try:
        return TTFont(as_name, str(path))
    except Exception as exc:  # reportlab raises plain errors for bad files
        raise ExportError(f"The PDF font {name} is missing or damaged ({path}).",
                          "Reinstall Policy Reader.") from exc


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for a font subset, with UTF-16BE destinations (a
    surrogate pair beyond U+FFFF, where reportlab wrote an invalid 5-digit number)."""
    def dest(cp: int) -> str:
        if cp <= 0xFFFF:
            return f"{cp:04X}"
        cp -= 0x10000
        return f"{0xD800 | cp >> 10:04X}{0xDC00 | cp & 0x3FF:04X}"

    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *[f"<{i:02X}> <{dest(v)}>" for i, v in enumerate(subset)],
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


def register() -> None:
    """Register the font families once per process (thread-safe)."""
    with _lock:
        if _coverage:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        for family, files in FILES.items():
            for suffix, name in zip(SUFFIXES, files, strict=True):
                font = _load(name, family + suffix)
                pdfmetrics.registerFont(font)
                if suffix == "":
                    _coverage[family] = frozenset(font.face.charToGlyph)
                    _plain_ok[family] = frozenset(chr(c) for c in _coverage[family]
                                                  if c not in _INVISIBLE)
            for (bold, italic), suffix in zip(((0, 0), (1, 0), (0, 1), (1, 1)), SUFFIXES,
                                              strict=True):
                addMapping(family, bold, italic, family + suffix)


def emoji_coverage() -> frozenset[int]:
    """The characters of the emoji font (read and registered on first call)."""
    register()
    with _lock:
        if EMOJI not in _emoji:
            font = _load(EMOJI_FILE, EMOJI)
            face = font.face
            # modifiers and joiners: the font's empty glyph (that of VS16), 1/1000 em wide:
            # pdfminer (and some viewers) split a line between two zero-width characters
            blank = face.charToGlyph[VS16]
            for cp in _INVISIBLE:
                face.charToGlyph[cp] = blank
                face.charWidths[cp] = 1
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(EMOJI, bold, italic, EMOJI)
            _emoji[EMOJI] = frozenset(face.charToGlyph)
        return _emoji[EMOJI]


def covers(family: str, ch: str) -> bool:
    register()
    return ord(ch) in _coverage[family]


@lru_cache(maxsize=4096)
def _char_font(ch: str, family: str, emoji_style: bool) -> str | None:
    """The family that draws ``ch`` in a ``family`` text ("" for the running one, None for
    none); ``emoji_style``: prefer the emoji font (VS16 follows, or beyond U+FFFF)."""
    cp = ord(ch)
    if cp in _INVISIBLE:
        emoji_coverage()  # registers the font
        return EMOJI
    order = [family] + [other for other in (SANS, SERIF) if other != family]
    if emoji_style:
        order.insert(0, EMOJI)
    else:
        order.append(EMOJI)
    for name in order:
        cov = emoji_coverage() if name == EMOJI else _coverage[name]
        if cp in cov:
            return "" if name == family else name
    return None


@lru_cache(maxsize=2048)
def _missing(ch: str) -> str:
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return ""  # a combining mark or format character with nothing to draw
    name = unicodedata.name(ch, "").lower()
    return f"[{name}]" if name else "[?]"


def is_plain(text: str, family: str = SERIF) -> bool:
    """Whether ``text`` needs no font fallback in ``family`` (every character drawn as is)."""
    register()
    return _plain_ok[family].issuperset(text)


def _runs(text: str, family: str) -> list[tuple[str, str]]:
    """``text`` cut into (font, text) runs, font "" for ``family`` itself; characters no
    font has are replaced by their bracketed names."""
    runs: list[tuple[str, list[str]]] = []
    n = len(text)
    for i, ch in enumerate(text):
        cp = ord(ch)  # emoji style: beyond U+FFFF, or VS16 follows (keycap digits: no)
        emoji_style = cp > 0xFFFF or (cp > 0x7F and i + 1 < n and ord(text[i + 1]) == VS16)
        font = _char_font(ch, family, emoji_style)
        piece = ch
        if font is None:
            font, piece = "", _missing(ch)
        if runs and runs[-1][0] == font:
            runs[-1][1].append(piece)
        else:
            runs.append((font, [piece]))
    return [(f, "".join(p)) for f, p in runs]


def markup(text: str, family: str = SERIF) -> str:
    """``text`` escaped for a reportlab Paragraph, with font fallback per character."""
    register()
    if _plain_ok[family].issuperset(text):
        return escape(text)
    return "".join(f'<font face="{f}">{escape(t)}</font>' if f else escape(t)
                   for f, t in _runs(text, family))


def plain(text: str, family: str = SANS) -> str:
    """``text`` for ``draw_string`` (no markup): characters no font has become their
    bracketed names."""
    register()
    if _plain_ok[family].issuperset(text):
        return text
    return "".join(t for _, t in _runs(text, family))


def string_width(text: str, family: str, size: float) -> float:
    """The width of ``text`` as ``draw_string`` draws it."""
    register()
    if _plain_ok[family].issuperset(text):
        return pdfmetrics.stringWidth(text, family, size)
    return sum(pdfmetrics.stringWidth(t, f or family, size) for f, t in _runs(text, family))


def draw_string(canv: Canvas, x: float, y: float, text: str, family: str, size: float,
                right: bool = False) -> None:
    """``canvas.drawString`` (or ``drawRightString``) with the same font fallback as
    ``markup``; leaves the canvas font at ``family``, ``size``."""
    register()
    if right:
        x -= string_width(text, family, size)
    if _plain_ok[family].issuperset(text):
        canv.setFont(family, size)
        canv.drawString(x, y, text)
        return
    for font, t in _runs(text, family):
        canv.setFont(font or family, size)
        canv.drawString(x, y, t)
        x += pdfmetrics.stringWidth(t, font or family, size)
    canv.setFont(family, size)
