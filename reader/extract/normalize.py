"""The one text normalisation every extractor applies, so that the same file always gives
the same text, byte for byte.

Conventions of a document's text (all extractors):

* Unicode NFC; typographic ligatures (ﬁ, ﬂ, …) expanded; soft hyphens, zero-width spaces,
  byte-order marks and control characters removed; ``(cid:N)`` glyph garbage removed.
* Line breaks are ``\\n``. Every kind of space becomes ``" "``; runs of spaces collapse to
  one; lines carry no leading or trailing spaces.
* Paragraphs are separated by exactly one blank line (``"\\n\\n"``). A single ``"\\n"``
  inside a paragraph is a soft line break that a reader may reflow as a space (same length,
  so offsets do not move).
* Pages are joined with ``"\\n\\n"``; a page's ``start``/``end`` exclude the separator.
"""

from __future__ import annotations

import re
import unicodedata

LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u0132": "IJ", "\u0133": "ij", "\u01c7": "LJ",
    "\u01c8": "Lj", "\u01c9": "lj", "\u01ca": "NJ", "\u01cb": "Nj", "\u01cc": "nj",
}
#: Characters dropped outright (soft hyphen, zero-width space/no-break, BOM, word joiner).
DROPPED = {"\u00ad", "\u200b", "\u2060", "\ufeff", "\u200e", "\u200f"}

CID_RE = re.compile(r"\(cid:\d+\)")
_SPACES_RE = re.compile(r"[^\S\n]+")
_MULTI_SPACE_RE = re.compile(r" {2,}")
#: Runs of characters that may need cleaning (everything but printable ASCII and "\n").
_SPECIAL_RE = re.compile(r"[^\n\x20-\x7e]+")
_BLANKS_RE = re.compile(r"\n{3,}")
PAGE_SEPARATOR = "\n\n"
PARAGRAPH_SEPARATOR = "\n\n"


def _clean_char(ch: str) -> str:
    if ch in LIGATURES:
        return LIGATURES[ch]
    if ch in DROPPED:
        return ""
    if ch == "\n":
        return ch
    if ch == "\t":
        return " "
    cat = unicodedata.category(ch)
    if cat == "Zs" or ch in "\u2028\u2029\x0b\x0c\x85":
        return "\n" if ch in "\u2029" else " "
    if cat == "Cc" or cat == "Cs":
        return ""
    return ch


class _CleanTable(dict[int, str | None]):
    """A ``str.translate`` table that computes and remembers each character's cleaning."""

    def __missing__(self, code: int) -> str | None:
        out = _clean_char(chr(code))
        value: str | None = out if out else None
        self[code] = value
        return value


_TABLE = _CleanTable()


def normalize_text(text: str) -> str:
    """Apply the conventions above. Idempotent: ``normalize_text(normalize_text(t))`` equals
    ``normalize_text(t)``."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CID_RE.sub("", text)
    text = _SPECIAL_RE.sub(lambda m: m.group().translate(_TABLE), text)
    text = unicodedata.normalize("NFC", text)
    # After cleaning, the only whitespace left is " " and "\n".
    text = _MULTI_SPACE_RE.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    text = _BLANKS_RE.sub("\n\n", text)
    return text.strip("\n ")


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join already-normalised paragraphs with one blank line, skipping empty ones."""
    return PARAGRAPH_SEPARATOR.join(p for p in paragraphs if p)
