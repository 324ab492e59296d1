"""Where a highlight sits on a PDF's printed pages, in a form other tools can use: the
rectangles of its lines in PDF points, and W3C ``FragmentSelector``\\ s using the PDF
fragment identifiers of RFC 3778 (``page=3&viewrect=left,top,width,height``).

Coordinates are points from the **top-left** corner of the page as displayed (its crop box,
``/Rotate`` applied), as RFC 3778's ``viewrect`` has them. One ``FragmentSelector`` per
page the highlight touches: its ``viewrect`` is the rectangle around the highlight on that
page, and ``pr:rects`` lists each line's rectangle (``[left, top, width, height]``) for
tools that draw highlights line by line. They describe the same words as the
``TextQuoteSelector`` and ``TextPositionSelector`` beside them (which are what Policy
Reader anchors by); they are written for PDFs only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from reader.extract.boxes import CharBoxes

RFC3778 = "http://tools.ietf.org/rfc/rfc3778"
#: One line of a highlight: page (1-based), left, top, width, height (points).
PageRect = tuple[int, float, float, float, float]
MAX_RECTS = 2000  # a highlight over many pages keeps its first rectangles only
_VALUE_RE = re.compile(r"^page=(\d{1,6})(?:&viewrect=([^&]+))?$")


def _pt(value: float) -> float:
    return round(float(value), 2)


def page_rects(boxes: CharBoxes, start: int, end: int) -> tuple[PageRect, ...]:
    """The line rectangles of text ``[start, end)``, in top-left page coordinates."""
    out: list[PageRect] = []
    for page, x0, y0, x1, y1 in boxes.rects_for(start, end)[:MAX_RECTS]:
        try:
            cx0, _cy0, _cx1, cy1 = boxes.crop_box(page)
        except KeyError:
            continue
        out.append((page, _pt(x0 - cx0), _pt(cy1 - y1), _pt(x1 - x0), _pt(y1 - y0)))
    return tuple(out)


def encode_fragments(rects: Iterable[PageRect]) -> list[dict[str, Any]]:
    """One ``FragmentSelector`` per page (in page order)."""
    by_page: dict[int, list[PageRect]] = {}
    for r in rects:
        by_page.setdefault(r[0], []).append(r)
    out = []
    for page in sorted(by_page):
        lines = by_page[page]
        left = min(r[1] for r in lines)
        top = min(r[2] for r in lines)
        right = max(r[1] + r[3] for r in lines)
        bottom = max(r[2] + r[4] for r in lines)
        out.append({
            "type": "FragmentSelector", "conformsTo": RFC3778,
            "value": f"page={page}&viewrect={_num(left)},{_num(top)},"
                     f"{_num(right - left)},{_num(bottom - top)}",
            "pr:rects": [[_num(r[1]), _num(r[2]), _num(r[3]), _num(r[4])] for r in lines]})
    return out


def _num(value: float) -> float | int:
    v = _pt(value)
    return int(v) if v == int(v) else v


def _finite(values: Iterable[Any]) -> list[float] | None:
    out = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return None
        f = float(v)
        if not math.isfinite(f) or abs(f) > 1e6:
            return None
        out.append(f)
    return out


def decode_fragments(selectors: Iterable[Any]) -> tuple[PageRect, ...]:
    """The page rectangles of a target's ``FragmentSelector``\\ s (RFC 3778 values; our
    ``pr:rects`` when present, else the ``viewrect``). Anything malformed is skipped."""
    out: list[PageRect] = []
    for sel in selectors:
        if not isinstance(sel, dict) or sel.get("type") not in ("FragmentSelector",
                                                                   "oa:FragmentSelector"):
            continue
        value = sel.get("value")
        m = _VALUE_RE.match(value) if isinstance(value, str) else None
        if m is None:
            continue
        page = int(m.group(1))
        if page < 1:
            continue
        lines = sel.get("pr:rects")
        found: list[PageRect] = []
        if isinstance(lines, list):
            for line in lines[:MAX_RECTS]:
                nums = _finite(line) if isinstance(line, list) and len(line) == 4 else None
                if nums is not None and nums[2] >= 0 and nums[3] >= 0:
                    found.append((page, *map(_pt, nums)))  # type: ignore[arg-type]
        if not found and m.group(2):
            parts = m.group(2).split(",")
            try:
                nums = _finite(float(p) for p in parts) if len(parts) == 4 else None
            except ValueError:
                nums = None
            if nums is not None and nums[2] >= 0 and nums[3] >= 0:
                found.append((page, *map(_pt, nums)))  # type: ignore[arg-type]
        out.extend(found)
    return tuple(out[:MAX_RECTS])
