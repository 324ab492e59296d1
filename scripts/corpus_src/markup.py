"""A small, Markdown-like source format for the generated corpus documents.

One source file per document (``texts/*.txt``). Blocks are separated by blank lines:

* ``# Heading`` / ``## Heading`` / ``### Heading``
* ``- item`` lines form a bullet list; ``| a | b |`` lines form a table (a ``|---|`` row
  ends the header rows); ``> text`` is a call-out box.
* ``@pagebreak``, ``@framebreak``, ``@spacer 12``, ``@chart NAME``, ``@toc``,
  ``@image NAME`` are directives the layouts understand.
* ``{style}`` at the start of a paragraph picks a paragraph style (``{sig}``, ``{center}``,
  ``{small}``, ``{notice}``, ``{caption}`` …); layouts map style names to their own.
* Inline: ``**bold**``, ``*italic*``, ``__underlined__``, ``~~struck~~``, ``{-}`` a soft
  hyphenation point, ``{br}`` a line break.
  ``&``, ``<`` and ``>`` are plain characters.

Lines starting with ``%`` are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SOFT_HYPHEN = "\u00ad"

_STYLE_RE = re.compile(r"^\{([a-z][a-z0-9_]*)\}\s*")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_UNDER_RE = re.compile(r"__(.+?)__")
_STRIKE_RE = re.compile(r"~~(.+?)~~")


@dataclass
class Block:
    kind: str  # heading | para | bullets | table | quote | directive
    text: str = ""
    level: int = 0
    style: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 0
    arg: str = ""


_OPEN_DQ = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_OPEN_SQ = re.compile(r"(^|[\s(\[{\u2014\u2013/-])'")


def smart_quotes(text: str) -> str:
    """Typographic quotes: “…”, ‘…’ and ’ for apostrophes."""
    text = _OPEN_DQ.sub("\\1\u201c", text).replace('"', "\u201d")
    return _OPEN_SQ.sub("\\1\u2018", text).replace("'", "\u2019")


def inline(text: str, *, markup: bool = True) -> str:
    """Source inline text to reportlab paragraph markup (with typographic quotes), or to
    plain text."""
    if markup:
        text = smart_quotes(text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = _BOLD_RE.sub(r"<b>\1</b>", text)
        text = _ITALIC_RE.sub(r"<i>\1</i>", text)
        text = _UNDER_RE.sub(r"<u>\1</u>", text)
        text = _STRIKE_RE.sub(r"<strike>\1</strike>", text)
        text = text.replace("{br}", "<br/>")
    else:
        text = _BOLD_RE.sub(r"\1", text)
        text = _ITALIC_RE.sub(r"\1", text)
        text = _UNDER_RE.sub(r"\1", text)
        text = _STRIKE_RE.sub(r"\1", text)
        text = text.replace("{br}", "\n")
    return text.replace("{-}", SOFT_HYPHEN)


def plain(text: str) -> str:
    """Inline source text as plain text, soft hyphens removed (for DOCX, checks)."""
    return inline(text, markup=False).replace(SOFT_HYPHEN, "")


def _chunks(source: str) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    for raw in source.splitlines():
        line = raw.rstrip()
        if line.startswith("%"):
            continue
        if not line.strip() or line.startswith("@"):
            if current:
                chunks.append(current)
                current = []
            if line.startswith("@"):
                chunks.append([line])
            continue
        current.append(line)
    if current:
        chunks.append(current)
    return chunks


def _table(lines: list[str]) -> Block:
    rows: list[list[str]] = []
    header_rows = 0
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            header_rows = len(rows)
            continue
        rows.append(cells)
    return Block("table", rows=rows, header_rows=header_rows)


def parse(source: str) -> list[Block]:
    blocks: list[Block] = []
    for lines in _chunks(source):
        first = lines[0]
        if first.startswith("@"):
            name, _, arg = first[1:].partition(" ")
            blocks.append(Block("directive", text=name, arg=arg.strip()))
        elif first.startswith("#"):
            hashes = len(first) - len(first.lstrip("#"))
            blocks.append(Block("heading", text=" ".join(lines).lstrip("#").strip(),
                                level=hashes))
        elif first.startswith("|"):
            blocks.append(_table(lines))
        elif first.startswith("- "):
            items: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:].strip())
                else:
                    items[-1] += " " + line.strip()
            blocks.append(Block("bullets", items=items))
        elif first.startswith("> "):
            blocks.append(Block("quote", text=" ".join(ln[2:].strip() for ln in lines)))
        else:
            text = " ".join(ln.strip() for ln in lines)
            style = ""
            m = _STYLE_RE.match(text)
            if m:
                style, text = m.group(1), text[m.end():]
            blocks.append(Block("para", text=text, style=style))
    return blocks


def load(path: Path) -> list[Block]:
    return parse(path.read_text("utf-8"))
