"""Reading and decoding text-like files (plain text, Markdown, HTML).

One place decides how bytes become text:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins;
2. UTF-16 without a BOM is recognised when every other byte is NUL;
3. otherwise NUL bytes or a known binary signature mean "not a text file";
4. strict UTF-8 when the bytes are valid UTF-8;
5. a charset the file declares (HTML ``<meta charset>``), when it decodes cleanly;
6. Windows-1252 when its decoding looks like Western text (the usual legacy case: curly
   quotes, dashes, "§"), else charset-normalizer's best guess, else Latin-1.

Decoding never depends on the machine's locale, so the same bytes always give the same text.
"""

from __future__ import annotations

import codecs
import logging
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reader.errors import DamagedFile, FileTooLarge, SpecialFile
from reader.safe_files import open_regular

log = logging.getLogger(__name__)

#: Text-like files above this size are not read (a policy document is far smaller).
MAX_TEXT_BYTES = 50 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Signatures of common binary files, to say what a misnamed file really is.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a zip archive (perhaps a Word or OpenDocument file)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ", "an xz-compressed file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "an RTF file"),
)

#: Single-byte encodings whose decoding charset-normalizer may prefer for short Western
#: text; Windows-1252 is the better answer for them.
_WESTERN = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250",
            "cp1257", "mac_roman", "mac_latin2", "cp850", "cp437", "iso8859_2", "ascii",
            "iso8859_9", "cp1254", "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_13",
            "iso8859_14", "iso8859_16", "cp1258", "cp858", "cp1125", "hp_roman8"}

#: Non-ASCII characters that appear in ordinary Western (English, Spanish, French…) text.
_WESTERN_PUNCT = set("“”‘’–—…•§¶©®°±½¼¾€£¥¢«»¿¡·™×÷\u00a0†‡′″ªº¹²³µ")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used, e.g. "utf-8", "cp1252"
    bom: bool = False


def read_limited(path: Path, *, limit: int = MAX_TEXT_BYTES, kind: str = "text") -> bytes:
    """The file's bytes, or a ``DocumentError`` with a one-line reason (missing, unreadable,
    empty, larger than ``limit``)."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > limit:
            raise FileTooLarge(
                f"{name}: the file is {_mb(size)}; {kind} files over {_mb(limit)} are not read.")
        with open_regular(path) as fh:  # never a pipe or a device
            data = fh.read(limit + 1)
    except SpecialFile as exc:
        raise DamagedFile(exc.message) from exc
    except FileNotFoundError as exc:
        raise DamagedFile(f"{name}: the file is missing (moved or deleted).") from exc
    except IsADirectoryError as exc:
        raise DamagedFile(f"{name}: this is a folder, not a file.") from exc
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise DamagedFile(f"{name}: the file could not be read ({reason.lower()}).") from exc
    if len(data) > limit:  # grew while we read it
        raise FileTooLarge(f"{name}: the file is larger than {_mb(limit)}; it was not read.")
    if not data:
        raise DamagedFile(f"{name}: the file is empty.")
    return data


def _mb(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, size // 1024)} KB"
    return f"{size / (1024 * 1024):.0f} MB"


def binary_kind(data: bytes) -> str | None:
    """What a binary file looks like (``"a PDF file"``), or ``None`` for text-like bytes."""
    head = data[:8]
    for sig, what in _SIGNATURES:
        if head.startswith(sig):
            return what
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def looks_western(text: str) -> bool:
    """True when the non-ASCII characters of ``text`` look like Western European text
    (accented letters standing among ASCII letters, typographic punctuation)."""
    odd = 0
    letters = 0
    clustered = 0
    prev_nonascii_letter = False
    for ch in text:
        if ord(ch) < 128:
            prev_nonascii_letter = False
            continue
        if ch in _WESTERN_PUNCT:
            prev_nonascii_letter = False
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("L") and "\u00c0" <= ch <= "\u024f":
            letters += 1
            if prev_nonascii_letter:
                clustered += 1
            prev_nonascii_letter = True
            continue
        odd += 1
        prev_nonascii_letter = False
    total = odd + letters
    if total == 0:
        return True
    if odd > 0.05 * total + 1:
        return False
    # Cyrillic or Greek read as cp1252 gives runs of accented letters ("Ïðèâåò").
    return not (letters >= 8 and clustered > 0.3 * letters)


def decode_bytes(data: bytes, *, name: str = "file", declared: str | None = None) -> Decoded:
    """Decode ``data`` (see the module docstring). Raises ``DamagedFile`` when the bytes do
    not look like text."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(enc, errors="replace"), enc, bom=True)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(Decoded(data.decode(utf16, errors="replace"), utf16), name)
    what = binary_kind(data)
    if what:
        raise DamagedFile(f"{name}: does not look like a text file (it looks like {what}).")
    if b"\x00" in data[:65536]:
        raise DamagedFile(f"{name}: does not look like a text file (it contains binary data).")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    enc = _codec(declared) or ""
    if enc and enc not in ("utf-8", "utf-16", "utf-32"):
        if enc in ("latin_1", "ascii", "iso8859_1"):
            enc = "cp1252"  # what browsers do too
        try:
            return _checked(Decoded(data.decode(enc), enc), name)
        except UnicodeDecodeError:
            log.debug("%s: declared charset %s does not fit the bytes", name, declared)
    try:
        cp = data.decode("cp1252")
    except UnicodeDecodeError:
        cp = None
    guess = _normalizer_guess(data)
    if cp is not None and looks_western(cp) and (guess is None or guess in _WESTERN
                                                 or _high_bytes(data) < 64):
        return _checked(Decoded(cp, "cp1252"), name)
    if guess:
        try:
            return _checked(Decoded(data.decode(guess), guess), name)
        except (UnicodeDecodeError, LookupError):
            pass
    if cp is not None:
        return _checked(Decoded(cp, "cp1252"), name)
    return _checked(Decoded(data.decode("latin-1"), "latin-1"), name)


def _high_bytes(data: bytes) -> int:
    return sum(1 for b in data[:65536] if b >= 0x80)


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def _normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    return _codec(best.encoding) if best is not None else None


def _checked(decoded: Decoded, name: str) -> Decoded:
    """Reject decodings that are mostly control characters or replacement marks."""
    sample = decoded.text[:65536]
    if sample:
        bad = sum(1 for ch in sample
                  if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"))
        if bad > max(8, 0.1 * len(sample)):
            raise DamagedFile(f"{name}: does not look like a text file (it contains binary data).")
    return decoded


def read_text_file(path: Path, *, limit: int = MAX_TEXT_BYTES, kind: str = "text") -> Decoded:
    """Read and decode a text-like file in one call."""
    data = read_limited(path, limit=limit, kind=kind)
    return decode_bytes(data, name=os.fspath(Path(path).name))
