"""Colours that follow light and dark mode: the few the palette has no role for (an error),
the muted text of rich-text snippets, and a dark palette for checking every panel in dark
mode (the screenshots and the tests use it; the app itself follows the system)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette | None = None) -> str:
    """Red that reads on the window's background (4.5:1 or more) in light and dark mode."""
    return "#ff8a80" if is_dark(palette) else "#b3261e"


def muted_color(palette: QPalette | None = None) -> str:
    """The palette's placeholder colour, for inline rich text (tooltips, summaries)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.PlaceholderText).name()


def dark_palette() -> QPalette:
    """A dark palette close to the platforms' dark modes (Fusion's colours)."""
    p = QPalette()
    roles = QPalette.ColorRole
    colours = {roles.Window: "#2b2b2b", roles.WindowText: "#e8e8e8", roles.Base: "#1e1e1e",
               roles.AlternateBase: "#262626", roles.Text: "#e8e8e8",
               roles.Button: "#353535", roles.ButtonText: "#e8e8e8",
               roles.BrightText: "#ffffff", roles.Highlight: "#3a6ea5",
               roles.HighlightedText: "#ffffff", roles.PlaceholderText: "#a0a0a0",
               roles.Link: "#8ab4f8", roles.LinkVisited: "#c58af9",
               roles.ToolTipBase: "#2b2b2b", roles.ToolTipText: "#e8e8e8",
               roles.Light: "#4a4a4a", roles.Midlight: "#3e3e3e", roles.Mid: "#5a5a5a",
               roles.Dark: "#1a1a1a", roles.Shadow: "#000000"}
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def contrast(a: QColor | str, b: QColor | str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + \
            0.0722 * channel(c.blueF())

    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)
