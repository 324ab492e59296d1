"""The DejaVu faces some fixtures use (embedded TrueType, unlike the standard 14 fonts)."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
_FACES = {
    "DejaVuSerif": "DejaVuSerif.ttf", "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic": "DejaVuSerif-Italic.ttf", "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf", "DejaVuSansCondensed": "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold": "DejaVuSansCondensed-Bold.ttf",
    "DejaVuSerifCondensed": "DejaVuSerifCondensed.ttf", "DejaVuSansMono": "DejaVuSansMono.ttf",
}
_done = False


def ensure() -> None:
    global _done
    if _done:
        return
    for name, file in _FACES.items():
        pdfmetrics.registerFont(TTFont(name, DEJAVU + file))
    _done = True
