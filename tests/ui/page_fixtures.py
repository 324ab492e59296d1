"""Shared helpers for the page view tests: a corpus PDF extracted once per session, and
points on a page (viewport coordinates) for a text offset."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from PySide6.QtCore import QPoint, QRectF

from reader.extract.boxes import CharBoxes
from reader.extract.pdf import extract
from reader.model.documents import DocText
from reader.ui.pages.overlay import PageMapper
from reader.ui.pages.view import PageView

REPO = Path(__file__).resolve().parents[2]
MEMO = REPO / "corpus" / "memos" / "alder-county-2020-declination-memo.pdf"
BRENNAN = REPO / "corpus" / "memos" / "brennan-county-2023-treatment-conditions-directive.pdf"
PASSWORD_PDF = REPO / "tests" / "fixtures" / "pdf" / "password_required.pdf"


@functools.cache
def extracted(path: Path) -> tuple[DocText, bytes, str]:
    e = extract(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return DocText(digest, e.text, e.pages, e.sections), e.boxes or b"", digest


def boxes_of(path: Path) -> CharBoxes:
    return CharBoxes.from_bytes(extracted(path)[1])


def point_of(view: PageView, offset: int, *, end: bool = False) -> QPoint:
    """The viewport point at the middle height of a character, at its left edge (or its
    right edge with ``end``)."""
    box = view.index.boxes.char_box(offset)  # type: ignore[union-attr]
    assert box is not None, offset
    page, x0, y0, x1, y1 = box
    r = view.layout_.rects[page - 1]
    mapper = PageMapper(QRectF(r.x, r.y, r.width, r.height), view.crop(page - 1))
    rect = mapper.to_view((x0, y0, x1, y1))
    x = rect.right() - 0.5 if end else rect.left() + 0.5
    return QPoint(round(x - view.horizontalScrollBar().value()),
                  round(rect.center().y() - view.verticalScrollBar().value()))


def view_rect(view: PageView, page: int, box: tuple[float, float, float, float]) -> QRectF:
    r = view.layout_.rects[page - 1]
    mapper = PageMapper(QRectF(r.x, r.y, r.width, r.height), view.crop(page - 1))
    return mapper.to_view(box).translated(-view.horizontalScrollBar().value(),
                                          -view.verticalScrollBar().value())
