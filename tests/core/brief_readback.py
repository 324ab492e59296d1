"""Reading written briefs back, for tests: PDF text (pdfminer) and metadata (pypdf), the
raw XML of every part of a DOCX, Markdown rendered with markdown-it."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from typing import Any


def norm(text: str) -> str:
    """Whitespace collapsed, NFC: how quotes are compared with read-back text."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text
    return norm(extract_text(io.BytesIO(data)))


def pdf_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    out = []
    for layout in extract_pages(io.BytesIO(data)):
        out.append(norm(" ".join(el.get_text() for el in layout
                                 if isinstance(el, LTTextContainer))))
    return out


def pdf_info(data: bytes) -> dict[str, Any]:
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    meta = reader.metadata or {}
    info = {k.lstrip("/"): str(v) for k, v in meta.items()}
    info["_pages"] = len(reader.pages)
    info["_size"] = tuple(float(x) for x in reader.pages[0].mediabox[2:])
    fonts: set[str] = set()
    for page in reader.pages:
        res = page.get("/Resources") or {}
        for font in (res.get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    info["_fonts"] = fonts
    return info


def docx_xml(data: bytes) -> str:
    """Every XML part of the package, concatenated (text, styles, properties…)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(n).decode("utf-8") for n in z.namelist()
                         if n.endswith((".xml", ".rels")))


def docx_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.namelist()


def markdown_blocks(md: str) -> tuple[list[str], list[str], list[str]]:
    """(blockquote texts, heading texts, link hrefs) of a Markdown document."""
    from markdown_it import MarkdownIt
    tokens = MarkdownIt("commonmark").parse(md)
    quotes, headings, links = [], [], []
    depth = 0
    current: list[str] = []
    in_heading = False
    for tok in tokens:
        if tok.type == "blockquote_open":
            depth += 1
            current = []
        elif tok.type == "blockquote_close":
            depth -= 1
            quotes.append(norm(" ".join(current)))
        elif tok.type == "heading_open":
            in_heading = True
        elif tok.type == "heading_close":
            in_heading = False
        elif tok.type == "inline":
            text = "".join(c.content for c in tok.children or [] if c.type in (
                "text", "code_inline", "softbreak")) or tok.content
            if depth:
                current.append(text)
            if in_heading:
                headings.append(text)
            links += [str(c.attrGet("href")) for c in tok.children or []
                      if c.type == "link_open"]
    return quotes, headings, links


def github_slug(title: str) -> str:
    """GitHub's heading anchor, written independently of the exporter."""
    s = title.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def pdf_lines(data: bytes) -> list[tuple[float, list[tuple[float, float, float, str]]]]:
    """Per page: (page height, [(x0, y0, x1, text) for each text line]), in reading order."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine

    pages = []
    for layout in extract_pages(io.BytesIO(data)):
        lines = []
        for box in layout:
            if isinstance(box, LTTextContainer):
                for line in box:
                    if isinstance(line, LTTextLine):
                        lines.append((line.x0, line.y0, line.x1, line.get_text().strip()))
        pages.append((layout.height, lines))
    return pages


def pdf_body_text(data: bytes, *, top: float = 62.0, bottom: float = 57.0) -> str:
    """The text of every page without its running header and footer (lines within ``top``
    points of the top edge or ``bottom`` points of the bottom edge), pages joined."""
    out = []
    for height, lines in pdf_lines(data):
        out += [t for _, y0, _, t in lines if bottom < y0 < height - top]
    return norm(" ".join(out))
