"""Markdown files: text without markup, headings as sections, front matter as metadata.

* Parsed with markdown-it-py (CommonMark plus tables and strikethrough); nothing is
  rendered to HTML and raw HTML blocks contribute only their visible text (never scripts).
* Links keep their text; images are dropped; inline code is kept; list items keep a
  readable "- " or "1. " prefix and each item is its own paragraph; table rows become
  paragraphs with cells separated by " | "; code blocks are kept as text.
* YAML-style front matter (``---`` … ``---``) with ``title``, ``author``, ``date``,
  ``kind``, ``jurisdiction``, ``source``/``url``, ``site``, ``citation`` becomes metadata
  hints and is not part of the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.errors import DamagedFile
from reader.extract.base import Extracted, single_page
from reader.extract.blocks import TextBuilder, join_cells
from reader.extract.dates import parse_date
from reader.extract.encoding import MAX_TEXT_BYTES, decode_bytes, read_limited
from reader.extract.jurisdiction import normalize_place
from reader.extract.metadata import guess_meta_sourced, is_title_line
from reader.model.documents import KINDS, DocMeta

_FRONT_RE = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELDS = {
    "title": "title", "author": "author", "authors": "author", "by": "author",
    "office": "author", "date": "date", "published": "date", "kind": "kind", "type": "kind",
    "jurisdiction": "jurisdiction", "location": "location", "source": "source",
    "url": "source_url", "link": "source_url",
    "source_url": "source_url", "canonical_url": "source_url", "site": "site",
    "outlet": "site", "publisher": "site", "court": "site", "citation": "citation",
    "cite": "citation",
}


_ESCAPES = {"n": "\n", "t": " ", '"': '"', "\\": "\\", "/": "/", "0": ""}


def _unquote(value: str) -> str:
    """A YAML scalar as text: quotes removed, escapes in double quotes resolved."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r'\\(u[0-9A-Fa-f]{4}|.)', lambda m: (
            chr(int(m.group(1)[1:], 16)) if len(m.group(1)) == 5
            else _ESCAPES.get(m.group(1), m.group(1))), value[1:-1]).strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'").strip()
    return re.sub(r"\s+#.*$", "", value).strip()  # a plain scalar may end in a comment


def parse_front_matter(source: str) -> tuple[dict[str, str], str]:
    """``(fields, rest)``: the recognised front-matter fields and the text after it."""
    m = _FRONT_RE.match(source)
    if not m:
        return {}, source
    fields: dict[str, str] = {}
    key = ""
    for line in m.group("body").split("\n"):
        item = re.match(r"\s+-\s+(.+)$", line)
        if item and key:  # a YAML list under the last key: authors
            value = _unquote(item.group(1))
            fields[key] = f"{fields[key]}; {value}" if fields.get(key) else value
            continue
        kv = re.match(r"([A-Za-z_][\w -]*?)\s*:\s*(.*)$", line)
        if not kv:
            continue
        key = _FIELDS.get(kv.group(1).strip().lower().replace(" ", "_"), "")
        value = _unquote(kv.group(2))
        if value.startswith("[") and value.endswith("]"):
            value = "; ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
        if key and value and key not in fields:
            fields[key] = value
    return fields, source[m.end():]


def _hints(fields: dict[str, str]) -> DocMeta:
    kind = fields.get("kind", "").lower()
    source = fields.get("source", "")  # an outlet's name, or a link
    is_link = bool(re.match(r"(?:https?://|www\.)", source))
    place = fields.get("jurisdiction", "") or fields.get("location", "")
    return DocMeta(
        title=fields.get("title", ""),
        kind=kind if kind in KINDS else "other",
        author=fields.get("author", ""),
        date=parse_date(fields.get("date", "")),
        jurisdiction=normalize_place(place),
        site=fields.get("site", "") or ("" if is_link else source),
        source_url=fields.get("source_url", "") or (source if is_link else ""),
        citation=fields.get("citation", ""),
    )


def _html_text(fragment: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on junk; the fragment is then dropped
        return ""
    for bad in root.xpath("//script|//style|//template|//noscript"):
        bad.drop_tree()
    return root.text_content()


def _is_br(token: Token) -> bool:
    return token.type == "html_inline" and bool(re.match(r"<br\s*/?>", token.content, re.I))


_HIDDEN_OPEN_RE = re.compile(r"<(script|style|template|noscript)\b", re.IGNORECASE)


def _inline(token: Token) -> str:
    out: list[str] = []
    hidden = ""  # inside inline <script>…</script>: nothing is text until it closes
    for child in token.children or []:
        if hidden:
            if child.type == "html_inline" and re.match(rf"</{hidden}\s*>", child.content, re.I):
                hidden = ""
            continue
        if child.type == "html_inline":
            opened = _HIDDEN_OPEN_RE.match(child.content)
            if opened and not child.content.rstrip().endswith("/>"):
                hidden = opened.group(1)
            elif _is_br(child):
                out.append("\n")
            continue
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def render(source: str) -> TextBuilder:
    """The text blocks and headings of a Markdown document (front matter removed)."""
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = md.parse(source)
    out = TextBuilder()
    prefixes: list[str] = []  # pending list-item prefix per open item
    row: list[str] | None = None
    heading_level = 0
    for tok in tokens:
        if tok.type == "heading_open":
            heading_level = int(tok.tag[1:])
        elif tok.type == "heading_close":
            heading_level = 0
        elif tok.type == "list_item_open":
            prefixes.append(f"{tok.info}{tok.markup} " if tok.info else "- ")
        elif tok.type == "list_item_close":
            prefixes.pop()
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            out.paragraph(join_cells(row))
            row = None
        elif tok.type == "inline":
            text = _inline(tok)
            if row is not None:
                row.append(" ".join(text.split()))
            elif heading_level:
                out.heading(text, heading_level)
            else:
                out.paragraph(_take_prefix(prefixes) + text)
        elif tok.type in ("fence", "code_block"):
            out.paragraph(_take_prefix(prefixes) + tok.content)
        elif tok.type == "html_block":
            out.paragraph(_html_text(tok.content))
    return out


def _take_prefix(prefixes: list[str]) -> str:
    if prefixes and prefixes[-1]:
        prefix = prefixes[-1]
        prefixes[-1] = ""
        return prefix
    return ""


def extract(path: Path) -> Extracted:
    path = Path(path)
    data = read_limited(path, limit=MAX_TEXT_BYTES, kind="Markdown")
    source = decode_bytes(data, name=path.name).text
    source = source.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    fields, body = parse_front_matter(source)
    built = render(body)
    text, sections = built.build()
    if not text:
        raise DamagedFile(f"{path.name}: the file contains no text.")
    hints = _hints(fields)
    if not hints.title:
        first = built.first_heading(1)
        if first and is_title_line(first):
            hints = replace(hints, title=first)
    # a file that names its outlet or link is a saved article unless the text says otherwise
    default = "article" if hints.site or hints.source_url else "other"
    meta, sources = guess_meta_sourced(text, hints, filename=path.name, default_kind=default)
    return Extracted(text=text, pages=single_page(text), sections=sections, meta=meta,
                     sources=sources)
