"""Inputs for the PDF tests that are too big to commit: made in a temporary folder."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
MB = 1024 * 1024


def raw_pdf(objects: list[bytes], *, pad_after: int = 0, pad_size: int = 0) -> bytes:
    """Numbered objects (1-based; ``objects[0]`` is the catalog) with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def text_page_objects(text: bytes) -> list[bytes]:
    content = b"BT /F1 12 Tf 72 700 Td (" + text + b") Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def bomb_pdf(path: Path, megabytes: int) -> Path:
    """A PDF of about ``megabytes``/1000 MB whose page content inflates to ``megabytes``."""
    chunk = b" " * MB
    c = zlib.compressobj(9)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)  # identical for every chunk
    stream = first + again * (megabytes - 1) + c.flush()
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream"]))
    return path


def sparse_junk_pdf(path: Path, size: int) -> Path:
    """``size`` bytes: a PDF header, then nothing (a hole: costs no disk)."""
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(size)
    return path


def sparse_valid_pdf(path: Path, size: int, text: bytes = b"A big but valid sample PDF.") -> Path:
    """A valid one-page PDF of about ``size`` bytes: an unreferenced stream object holds a
    hole of zeros, so the file costs almost no disk and is made instantly."""
    objs = text_page_objects(text)
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    hole = size - 4096
    with open(path, "wb") as f:
        f.write(head)
        offsets = []
        for n, body in enumerate(objs, start=1):
            offsets.append(f.tell())
            f.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
        pad_no = len(objs) + 1
        offsets.append(f.tell())
        f.write(b"%d 0 obj\n<< /Length %d >>\nstream\n" % (pad_no, hole))
        f.seek(hole, io.SEEK_CUR)
        f.write(b"\nendstream\nendobj\n")
        xref = f.tell()
        f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (pad_no + 1))
        for off in offsets:
            f.write(b"%010d 00000 n \n" % off)
        f.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                % (pad_no + 1, xref))
    return path
