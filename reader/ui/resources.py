"""Icons, the style sheet and help texts, loaded from ``resources/`` and ``docs/`` at run time.

Icons are SVG line drawings in ``resources/icons`` that use ``currentColor``; they are drawn
in the palette's text colour (so they follow light and dark mode) at every device pixel
ratio the screens need, and re-drawn when the palette changes.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from reader.paths import PROJECT_ROOT, resources_dir

log = logging.getLogger(__name__)

ICON_DIR = resources_dir() / "icons"
STYLE_FILE = resources_dir() / "styles" / "app.qss"
SEARCH_HELP = PROJECT_ROOT / "docs" / "search.md"
_SIZES = (16, 20, 24, 32, 48)

_FALLBACK_SEARCH_HELP = """# Search syntax

Type words to find documents that contain them all. Use `"quotes"` for an exact phrase,
`OR` for either word, `-word` or `NOT word` to leave a word out, `word*` for a prefix and
`word~` for a fuzzy match. Narrow with fields: `kind:memo`, `jurisdiction:PA`,
`theme:naloxone`, `date:2019..2021`.
"""


def _ratios() -> list[float]:
    ratios = {1.0, 2.0}
    app = QGuiApplication.instance()
    if app is not None:
        ratios |= {s.devicePixelRatio() for s in QGuiApplication.screens()}
    return sorted(ratios)


@cache
def _svg(name: str) -> str:
    path = ICON_DIR / f"{name}.svg"
    try:
        return path.read_text("utf-8")
    except OSError:
        log.warning("missing icon %s", path)
        return ""


def _color_key() -> str:
    app = QGuiApplication.instance()
    if app is None:
        return "#202020"
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()


def icon(name: str, color: str | QColor | None = None) -> QIcon:
    """The icon ``name`` (a file in ``resources/icons`` without ``.svg``) in ``color``
    (default: the palette's text colour). An unknown name gives an empty icon."""
    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        return QIcon()  # no pixmaps before the application exists
    key = color.name() if isinstance(color, QColor) else (color or _color_key())
    return _icon(name, key)


@cache
def _icon(name: str, color: str) -> QIcon:
    source = _svg(name)
    if not source:
        return QIcon()
    data = QByteArray(source.replace("currentColor", color).encode("utf-8"))
    renderer = QSvgRenderer(data)
    result = QIcon()
    for size in _SIZES:
        for ratio in _ratios():
            pix = QPixmap(QSize(round(size * ratio), round(size * ratio)))
            pix.setDevicePixelRatio(ratio)
            pix.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            result.addPixmap(pix)
    return result


def app_icon() -> QIcon:
    path = ICON_DIR / "policy-reader.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def clear_icon_cache() -> None:
    """Forget drawn icons (after a palette change)."""
    _icon.cache_clear()


def style_sheet() -> str:
    try:
        return STYLE_FILE.read_text("utf-8")
    except OSError:
        log.warning("missing style sheet %s", STYLE_FILE)
        return ""


def search_help_markdown() -> str:
    """The query syntax help (``docs/search.md``), or a short built-in summary."""
    for path in (SEARCH_HELP, resources_dir() / "help" / "search.md"):
        try:
            text = Path(path).read_text("utf-8")
        except OSError:
            continue
        if text.strip():
            return text
    return _FALLBACK_SEARCH_HELP


def swatch(color: str, size: int = 14, *, ring: bool = False, label: str = "") -> QIcon:
    """A round colour swatch icon (a ring around it when ``ring``: chosen; ``label``, a
    key number, written in it)."""
    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        return QIcon()  # no pixmaps before the application exists
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = QColor(color)
    painter.setPen(base.darker(150))
    painter.setBrush(base)
    inset = 2.5 if ring else 1.5
    painter.drawEllipse(QRect(0, 0, size, size).adjusted(inset, inset, -inset, -inset))
    if ring:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(base.darker(220))
        painter.drawEllipse(QRect(0, 0, size, size).adjusted(0, 0, -1, -1))
    if label:
        font = painter.font()
        font.setPixelSize(max(7, round(size * 0.62)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1a1a1a") if base.lightness() > 110 else QColor("#ffffff"))
        painter.drawText(QRect(0, 0, size, size), int(Qt.AlignmentFlag.AlignCenter), label)
    painter.end()
    return QIcon(pix)
