"""Where each page sits in the page view's continuous scroll (pure arithmetic, no Qt).

Pages are stacked top to bottom, centred, :data:`GAP` pixels apart. ``fit="width"`` scales
every page so the widest fits the viewport's width; ``"page"`` so a whole page fits the
viewport; ``""`` uses ``zoom`` (1.0 = 96 pixels per inch: a page at its printed size).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

GAP = 12
MARGIN = 12
MIN_ZOOM = 0.1
MAX_ZOOM = 8.0
#: Pixels per point at zoom 1.0 (96 dpi screens: a page at its printed size).
BASE_SCALE = 96 / 72
#: A page is never drawn wider or taller than this (a 200 × 200-inch poster at fit page
#: stays drawable; QImage's own limit is 32,767).
MAX_SIDE = 16_000

Size = tuple[float, float]  # width, height in points


@dataclass(frozen=True)
class PageRect:
    index: int  # 0-based page index
    x: int
    y: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.y + self.height


@dataclass(frozen=True)
class Layout:
    rects: tuple[PageRect, ...]
    width: int  # the scrollable area
    height: int
    scale: float  # pixels per point of the pages (each page has its own when sizes differ)

    def page_at_y(self, y: float) -> int:
        """The index of the page at (or just above) scroll position ``y``."""
        if not self.rects:
            return 0
        tops = [r.y for r in self.rects]
        return max(0, bisect.bisect_right(tops, y) - 1)

    def visible(self, top: float, bottom: float) -> range:
        """Indexes of the pages that overlap ``[top, bottom)``."""
        if not self.rects:
            return range(0)
        first = self.page_at_y(top)
        last = first
        while last + 1 < len(self.rects) and self.rects[last + 1].y < bottom:
            last += 1
        return range(first, last + 1)


def page_scale(sizes: Sequence[Size], viewport: tuple[int, int], fit: str, zoom: float) -> float:
    """Pixels per point for every page."""
    vw, vh = max(50, viewport[0] - 2 * MARGIN), max(50, viewport[1] - 2 * MARGIN)
    widest = max((w for w, _ in sizes), default=612.0) or 612.0
    if fit == "width":
        scale = vw / widest
    elif fit == "page":
        tallest = max((h for _, h in sizes), default=792.0) or 792.0
        scale = min(vw / widest, vh / tallest)
    else:
        scale = BASE_SCALE * min(MAX_ZOOM, max(MIN_ZOOM, zoom))
    biggest = max((max(w, h) for w, h in sizes), default=792.0) or 792.0
    return min(scale, MAX_SIDE / biggest)


def lay_out(sizes: Sequence[Size], viewport: tuple[int, int], fit: str = "width",
            zoom: float = 1.0) -> Layout:
    scale = page_scale(sizes, viewport, fit, zoom)
    widths = [max(1, round(w * scale)) for w, _ in sizes]
    area_w = max([viewport[0], *(w + 2 * MARGIN for w in widths)])
    rects = []
    y = MARGIN
    for i, ((_, h), w) in enumerate(zip(sizes, widths, strict=True)):
        height = max(1, round(h * scale))
        rects.append(PageRect(i, (area_w - w) // 2, y, w, height))
        y += height + GAP
    return Layout(tuple(rects), area_w, y - GAP + MARGIN if rects else 0, scale)
