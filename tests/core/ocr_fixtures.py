"""Scanned PDFs made at test time (fictional text): pages drawn with Pillow and saved as
image-only PDFs, a 2,400-dpi scan written by hand (a 1-bit image, Flate), a poster-sized
page. Deterministic (seeded noise)."""

from __future__ import annotations

import io
import random
import zlib
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

MEMO_PAGES = [
    ["OFFICE OF THE DISTRICT ATTORNEY", "Marlow County Policy Memo 2019-04",
     "Officers shall not arrest a person who calls for help",
     "at an overdose for possession of a small amount.",
     "Naloxone is carried in every patrol vehicle."],
    ["Referral cards are offered to every survivor.",
     "A peer outreach worker visits within three days.",
     "This memo takes effect on the first of June."],
]


def font(size_px: int, serif: bool = True) -> ImageFont.FreeTypeFont:
    name = "DejaVuSerif.ttf" if serif else "DejaVuSans.ttf"
    path = FONT_DIR / name
    if path.exists():
        return ImageFont.truetype(str(path), size_px)
    return ImageFont.load_default(size=size_px)


def text_page(lines: Sequence[str], *, dpi: int = 200, size_in: tuple[float, float] = (8.5, 11),
              point: float = 12.0, rotate: int = 0, skew: float = 0.0, noise: int = 0,
              seed: int = 1) -> Image.Image:
    """A page image with ``lines`` in a serif face; ``rotate``: the whole page turned
    (counter-clockwise degrees, 180 = upside down); ``skew``: a slight tilt in degrees;
    ``noise``: specks of scanner dust per page."""
    w, h = int(size_in[0] * dpi), int(size_in[1] * dpi)
    img = Image.new("L", (w, h), 250)
    draw = ImageDraw.Draw(img)
    f = font(int(point * dpi / 72))
    y = dpi
    step = int(point * 1.8 * dpi / 72)
    for line in lines:
        draw.text((dpi, y), line, font=f, fill=20)
        y += step
    rng = random.Random(seed)
    for _ in range(noise):
        draw.point((rng.randrange(w), rng.randrange(h)), fill=rng.randint(60, 180))
    if noise:
        img = img.filter(ImageFilter.GaussianBlur(0.5))
    if skew:
        img = img.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=250)
    if rotate:
        img = img.rotate(rotate, expand=True)
    return img


def blank_page(dpi: int = 100) -> Image.Image:
    return Image.new("L", (int(8.5 * dpi), int(11 * dpi)), 252)


def image_pdf(path: Path, pages: Sequence[Image.Image], dpi: float = 200) -> Path:
    """An image-only PDF (no text layer), one page per image."""
    first, *rest = [p.convert("L") for p in pages]
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=dpi)
    return path


def _raw_pdf(path: Path, width_px: int, height_px: int, data: bytes, page_pt: tuple[float, float],
             *, filt: str = "FlateDecode", bpc: int = 1) -> Path:
    """A one-page PDF that draws one grey image over the whole page (written by hand)."""
    pw, ph = page_pt
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:g} {ph:g}] "
         f"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>").encode(),
    ]
    content = f"q {pw:g} 0 0 {ph:g} 0 0 cm /Im0 Do Q".encode()
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs.append((f"<< /Type /XObject /Subtype /Image /Width {width_px} /Height {height_px} "
                 f"/ColorSpace /DeviceGray /BitsPerComponent {bpc} /Filter /{filt} "
                 f"/Length {len(data)} >>\nstream\n").encode() + data + b"\nendstream")
    buf = io.BytesIO()
    buf.write(b"%PDF-1.5\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(buf.tell())
        buf.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = buf.tell()
    buf.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        buf.write(f"{off:010d} 00000 n \n".encode())
    buf.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    path.write_bytes(buf.getvalue())
    return path


def high_dpi_scan(path: Path, lines: Sequence[str]) -> Path:
    """A letter page scanned at 2,400 dpi in black and white (20,400 × 26,400 pixels): drawn
    at 300 dpi and every pixel blown up to an 8 × 8 block. At one bit a pixel, a byte of
    the 2,400-dpi row is one 300-dpi pixel (0x00 black, 0xFF white), so the rows are the
    300-dpi rows repeated; Flate-compressed as they go (a small file)."""
    base = text_page(lines, dpi=300).point(lambda v: 255 if v > 128 else 0)
    comp = zlib.compressobj(6)
    pixels = base.tobytes()
    chunks = [comp.compress(pixels[y * base.width:(y + 1) * base.width] * 8)
              for y in range(base.height)]
    chunks.append(comp.flush())
    return _raw_pdf(path, base.width * 8, base.height * 8, b"".join(chunks), (612, 792))


def poster_scan(path: Path) -> Path:
    """A 200 × 200-inch page (the largest a PDF allows) that is one scanned image."""
    img = Image.new("L", (2000, 2000), 250)
    draw = ImageDraw.Draw(img)
    draw.text((150, 800), "OVERDOSE PREVENTION", font=font(140, serif=False), fill=10)
    return image_pdf(path, [img], dpi=10)
