"""Render a text page as a "scanned" image: typewriter-like text, a slight skew, speckle,
a received stamp and hand-drawn signatures. Deterministic (seeded), so the PDF that embeds
it stays byte-identical across runs."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .pdfkit import DEJAVU

DPI = 150
W, H = int(8.5 * DPI), int(11 * DPI)


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(DEJAVU / name), size)


def _signature(draw: ImageDraw.ImageDraw, x: int, y: int, rng: random.Random) -> None:
    pts = []
    px, py = x, y
    for _ in range(26):
        px += rng.randint(6, 14)
        py = y + rng.randint(-16, 12)
        pts.append((px, py))
    draw.line(pts, fill=30, width=3, joint="curve")
    draw.line([(x + 10, y + 16), (px - 20, y + 10)], fill=40, width=2)


def _stamp(size: tuple[int, int], lines: list[str]) -> Image.Image:
    stamp = Image.new("L", size, 255)
    d = ImageDraw.Draw(stamp)
    d.rectangle([4, 4, size[0] - 5, size[1] - 5], outline=90, width=4)
    font = _font("DejaVuSans-Bold.ttf", 26)
    y = 18
    for line in lines:
        w = d.textlength(line, font=font)
        d.text(((size[0] - w) / 2, y), line, font=font, fill=90)
        y += 36
    return stamp.rotate(8, expand=True, fillcolor=255)


def render_scan(source: Path, out: Path, *, seed: int = 2021,
                stamp: tuple[str, ...] = ("RECEIVED", "OCT 01 2021", "TOLLIVER CO. D.A.")) -> Path:
    """``source``: first line a small label, ``# `` lines centred bold headings, ``/sig/Name|date``
    signature lines, other lines wrapped paragraphs. Writes a grayscale PNG to ``out``."""
    rng = random.Random(seed)
    img = Image.new("L", (W, H), 247)
    draw = ImageDraw.Draw(img)
    body = _font("DejaVuSansMono.ttf", 21)
    bold = _font("DejaVuSansMono-Bold.ttf", 24)
    small = _font("DejaVuSans.ttf", 17)
    left, y = 150, 150
    lines = source.read_text("utf-8").splitlines()
    draw.text((W - 420, 95), lines[0], font=small, fill=60)
    for line in lines[1:]:
        if line.startswith("# "):
            text = line[2:]
            w = draw.textlength(text, font=bold)
            draw.text(((W - w) / 2, y), text, font=bold, fill=25)
            y += 38
        elif line.startswith("/sig/"):
            name, _, when = line[5:].partition("|")
            y += 30
            _signature(draw, left + 20, y, rng)
            draw.text((left + 560, y - 4), when, font=body, fill=35)
            y += 26
            draw.line([(left, y), (left + 500, y)], fill=60, width=2)
            draw.text((left, y + 6), name, font=body, fill=30)
            y += 44
        else:
            y += 12
            for wrapped in textwrap.wrap(line, 78):
                draw.text((left, y), wrapped, font=body, fill=30)
                y += 29
    img.paste(_stamp((400, 150), list(stamp)), (W - 560, H - 430))
    for _ in range(1800):  # scanner speckle and dust
        x, yy = rng.randrange(W), rng.randrange(H)
        draw.point((x, yy), fill=rng.randint(90, 200))
    draw.rectangle([0, 0, W, 14], fill=200)  # shadow of the scanner lid
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    img = img.rotate(-0.45, resample=Image.Resampling.BICUBIC, fillcolor=235)
    img = img.point(lambda v: min(255, (v // 24) * 24 + 12))  # fewer grey levels: smaller file
    img.save(out, optimize=False)
    return out


def scan_pdf(source: Path, out: Path, *, dpi: int = 200, seed: int = 2024,
             skew: tuple[float, ...] = (0.35, -0.5)) -> Path:
    """``source`` (a text PDF) as an office copier scans a signed paper copy: each page
    rasterised with PDFium at ``dpi``, greyed, speckled, slightly skewed and blurred, then
    embedded as the page's only content (an image-only PDF: no text layer, no Info
    metadata). Deterministic for the same pypdfium2, Pillow and reportlab versions."""
    import io

    import pypdfium2
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from .pdfkit import canvas_class

    rng = random.Random(seed)
    pdf = pypdfium2.PdfDocument(str(source))
    images = []
    try:
        for k in range(len(pdf)):
            page = pdf[k]
            img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            img = img.point(lambda v: 30 + v * 215 // 255)  # toner is never black
            draw = ImageDraw.Draw(img)
            for _ in range(2500):
                draw.point((rng.randrange(img.width), rng.randrange(img.height)),
                           fill=rng.randint(80, 200))
            img = img.filter(ImageFilter.GaussianBlur(0.5))
            img = img.rotate(skew[k % len(skew)], resample=Image.Resampling.BICUBIC,
                             fillcolor=240)
            img = img.point(lambda v: min(255, (v // 20) * 20 + 10))  # fewer grey levels
            images.append(img)
    finally:
        pdf.close()
    width, height = 612, 792
    canv: Canvas = canvas_class(None)(str(out), pagesize=(width, height))
    for img in images:
        buf = io.BytesIO()
        img.save(buf, "PNG", optimize=False)
        canv.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width, height)
        canv.showPage()
    canv.save()
    return out
