"""Plain-text files (.txt): decoded (see :mod:`reader.extract.encoding`), normalised, with
sections and metadata found in the text itself."""

from __future__ import annotations

from pathlib import Path

from reader.errors import DamagedFile
from reader.extract.base import Extracted, single_page
from reader.extract.encoding import MAX_TEXT_BYTES, decode_bytes, read_limited
from reader.extract.metadata import guess_meta_sourced
from reader.extract.normalize import normalize_text
from reader.extract.structure import detect_sections


def extract(path: Path) -> Extracted:
    path = Path(path)
    data = read_limited(path, limit=MAX_TEXT_BYTES, kind="text")
    decoded = decode_bytes(data, name=path.name)
    text = normalize_text(decoded.text)
    if not text:
        raise DamagedFile(f"{path.name}: the file contains no text.")
    warnings: tuple[str, ...] = ()
    if decoded.encoding not in ("utf-8", "ascii"):
        warnings = (f"{path.name}: read as {decoded.encoding}",)
    meta, sources = guess_meta_sourced(text, filename=path.name)
    return Extracted(text=text, pages=single_page(text), sections=detect_sections(text),
                     meta=meta, warnings=warnings, sources=sources)
