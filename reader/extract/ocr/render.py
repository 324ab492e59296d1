"""Pages rendered for OCR with pypdfium2 (in the worker: no Qt), and the mapping from the
rendered pixels to PDF points in the space of :mod:`reader.extract.boxes` (origin at the
lower-left corner of the media box as displayed, ``/Rotate`` applied).

Rendering is capped: at most :data:`OCR_DPI` and :data:`MAX_PIXELS` pixels per page (a
200 × 200-inch poster is recognised at about 25 dpi, never allocated at 300). PDFium
decodes a page image at the size it draws it, so a 2,400-dpi scan never exists at full
resolution in memory.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import DamagedFile, ExtractorNotInstalled, PasswordRequired

log = logging.getLogger(__name__)

OCR_DPI = 300
MIN_OCR_DPI = 200
#: The most pixels one page is rendered at for OCR (about 5,000 × 5,000).
MAX_PIXELS = 25_000_000
#: Tesseract's limit on either side, with a margin.
MAX_SIDE = 30_000

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Rendered:
    """A page rendered for OCR: ``image`` (PIL, mode L) covers ``crop`` (PDF points in the
    page's displayed space) at ``dpi``."""

    image: Any
    crop: Box
    dpi: float

    def to_points(self, x: float, y: float) -> tuple[float, float]:
        """A pixel position (origin top-left) as a point in the page's displayed space."""
        cx0, cy0, cx1, cy1 = self.crop
        sx = self.image.width / max(1e-6, cx1 - cx0)
        sy = self.image.height / max(1e-6, cy1 - cy0)
        return cx0 + x / sx, cy1 - y / sy


def displayed_box(box: Box, media: Box, rotation: int) -> Box:
    """``box`` (PDF user space) in the displayed space pdfminer uses: the media box's
    lower-left corner at 0,0 and the page turned by ``rotation`` (clockwise degrees)."""
    mx0, my0, mx1, my1 = media
    x0, y0, x1, y1 = box
    if rotation == 90:
        pts = [(y - my0, mx1 - x) for x, y in ((x0, y0), (x1, y1))]
    elif rotation == 180:
        pts = [(mx1 - x, my1 - y) for x, y in ((x0, y0), (x1, y1))]
    elif rotation == 270:
        pts = [(my1 - y, x - mx0) for x, y in ((x0, y0), (x1, y1))]
    else:
        pts = [(x - mx0, y - my0) for x, y in ((x0, y0), (x1, y1))]
    (ax, ay), (bx, by) = pts
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def render_scale(width_pt: float, height_pt: float, dpi: float = OCR_DPI) -> float:
    """Pixels per point for a page of this size: ``dpi`` unless the page would exceed
    :data:`MAX_PIXELS` or :data:`MAX_SIDE`."""
    w, h = max(1.0, width_pt), max(1.0, height_pt)
    return min(dpi / 72.0, math.sqrt(MAX_PIXELS / (w * h)), MAX_SIDE / w, MAX_SIDE / h)


def _pdfium() -> Any:
    try:
        import pypdfium2
    except Exception as exc:
        raise ExtractorNotInstalled(
            "OCR is not available on this computer (pypdfium2 is not installed)") from exc
    return pypdfium2


class PdfPages:
    """A PDF opened with PDFium for OCR (``password`` for an encrypted file)."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        pdfium = _pdfium()
        self.pdfium = pdfium
        try:
            self.doc = pdfium.PdfDocument(str(path), password=password or None)
        except pdfium.PdfiumError as exc:
            text = str(exc).lower()
            if "password" in text:
                raise PasswordRequired(f"{path.name} is encrypted and needs a password.") \
                    from exc
            raise DamagedFile(f"{path.name} cannot be rendered for OCR ({exc}).") from exc

    def __len__(self) -> int:
        return len(self.doc)

    def close(self) -> None:
        self.doc.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def crop(self, number: int) -> Box:
        """Page ``number``'s visible box in the displayed space (PDF points)."""
        page = self.doc[number - 1]
        try:
            media = page.get_mediabox()
            crop = page.get_cropbox()
            return displayed_box(crop, media, page.get_rotation() % 360)
        finally:
            page.close()

    def has_image(self, number: int) -> bool:
        """The page draws at least one image (a scan); blank pages are never recognised."""
        page = self.doc[number - 1]
        try:
            image_type = self.pdfium.raw.FPDF_PAGEOBJ_IMAGE
            for _ in page.get_objects(filter=[image_type], max_depth=4):
                return True
            return False
        finally:
            page.close()

    def native_dpi(self, number: int) -> float:
        """The resolution of the page's largest image as drawn (0 when it has none)."""
        page = self.doc[number - 1]
        best, area = 0.0, 0.0
        try:
            for obj in page.get_objects(filter=[self.pdfium.raw.FPDF_PAGEOBJ_IMAGE],
                                        max_depth=4):
                x0, y0, x1, y1 = obj.get_bounds()
                w_px, _ = obj.get_px_size()
                if (x1 - x0) * (y1 - y0) > area and x1 - x0 > 1:
                    best, area = w_px / ((x1 - x0) / 72.0), (x1 - x0) * (y1 - y0)
        except Exception:  # odd objects: render at the default resolution
            return 0.0
        finally:
            page.close()
        return best

    def ocr_dpi(self, number: int) -> float:
        """Render a scan at its own resolution, within 200–300 dpi (finer costs time and
        gains nothing; coarser loses letters)."""
        native = self.native_dpi(number)
        return OCR_DPI if native <= 0 else max(MIN_OCR_DPI, min(OCR_DPI, native))

    def render(self, number: int, dpi: float = OCR_DPI) -> Rendered:
        page = self.doc[number - 1]
        try:
            crop = displayed_box(page.get_cropbox(), page.get_mediabox(),
                                 page.get_rotation() % 360)
            scale = render_scale(crop[2] - crop[0], crop[3] - crop[1], dpi)
            bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=True)
            image = bitmap.to_pil().convert("L")
            bitmap.close()
        finally:
            page.close()
        return Rendered(image, crop, scale * 72.0)
