"""Text clean-up shared by the brief builder and the writers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Characters XML 1.0 forbids (DOCX, HTML and PDF metadata choke on them): C0 controls other
# than tab/newline, lone surrogates, U+FFFE/U+FFFF.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SOFT_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
_BLANKS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t]+")


def clean(text: str) -> str:
    """NFC, CRLF → LF, characters XML cannot hold removed."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _XML_BAD.sub("", text))


def one_line(text: str) -> str:
    """All whitespace runs (line breaks included) as single spaces, trimmed."""
    return " ".join(clean(text).split())


def quote_text(text: str) -> str:
    """A quoted passage: paragraphs (blank-line separated) kept, a single line break inside
    a paragraph read as a space, spaces collapsed."""
    text = clean(text).strip()
    text = _SOFT_BREAK.sub(" ", text)
    text = _BLANKS.sub("\n\n", text)
    paras = [_SPACES.sub(" ", p).strip() for p in text.split("\n\n")]
    return "\n\n".join(p for p in paras if p)


def redact(text: str, names: Iterable[str], replacement: str = "[annotator]") -> str:
    """``text`` with every whole-word occurrence of ``names`` (case-insensitive) replaced.
    Used on notes when anonymising, so a signature or a "Maria thinks…" does not leak."""
    wanted = sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len,
                    reverse=True)
    if not wanted or not text:
        return text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in wanted) + r")(?!\w)",
                         re.IGNORECASE)
    return pattern.sub(replacement, text)


def normalized_words(text: str) -> str:
    """For comparisons in tests and checks: whitespace collapsed, NFC."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def slug(text: str, fallback: str = "section") -> str:
    """An ASCII, anchor-safe slug (``"Overdose response"`` → ``"overdose-response"``)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return s[:60].rstrip("-") or fallback
