"""How far a scanned page is tilted (a sheet fed slightly askew), found from the page
itself: the angle at which its text lines run straightest across (the rows of a small,
inverted copy have the most contrast between lines and gaps). Pillow only.

:func:`estimate_skew` returns degrees to turn the image counter-clockwise (PIL's
``rotate``) to straighten it; 0.0 when the page is straight within
:data:`MIN_SKEW` or has too little ink to tell.
"""

from __future__ import annotations

from typing import Any

MAX_SKEW = 3.0  # degrees: more than this is not a feeding error (and not searched)
STEP = 0.1
COARSE = 0.5
MIN_SKEW = 0.5  # straighter than this is left alone (Tesseract reads it well as it is)
SAMPLE_DPI = 50  # lines of 9 pt type are still 6 px apart; twice as quick as 75
MIN_INK = 0.002  # share of dark pixels below which a page has no lines to measure


def _score(small: Any, angle: float) -> float:
    from PIL import Image

    turned = small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
    rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
    return float(sum((rows[i] - rows[i - 1]) ** 2 for i in range(1, len(rows))))


def estimate_skew(image: Any, dpi: float) -> float:
    """The counter-clockwise turn (degrees) that straightens ``image`` (mode L, ``dpi``)."""
    from PIL import Image

    f = min(1.0, SAMPLE_DPI / max(1.0, dpi))
    small = image.resize((max(1, round(image.width * f)), max(1, round(image.height * f))),
                         Image.Resampling.BOX)
    small = small.point(lambda v: 0 if v > 160 else 255)  # ink bright, paper black
    ink = small.histogram()[255] / max(1, small.width * small.height)
    if ink < MIN_INK:
        return 0.0
    # coarse, then fine around the best coarse angle (22 turns instead of 61)
    coarse = [k * COARSE for k in range(-round(MAX_SKEW / COARSE), round(MAX_SKEW / COARSE) + 1)]
    best = _best(small, coarse)
    fine = [round(best + k * STEP, 2) for k in range(-4, 5) if abs(best + k * STEP) <= MAX_SKEW]
    angle = _best(small, fine)
    return round(angle, 2) if abs(angle) >= MIN_SKEW else 0.0


def _best(small: Any, angles: list[float]) -> float:
    scores = {a: _score(small, a) for a in angles}
    return max(scores, key=lambda a: (scores[a], -abs(a)))
