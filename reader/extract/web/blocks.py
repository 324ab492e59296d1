"""The article as a list of blocks (headings, paragraphs, list items, quotes, table rows),
read from trafilatura's XML body, and turned into the document's text.

Each block keeps how much of its text was link text: "Read more" lists and related-story
teasers are almost all links; an article's paragraphs almost never are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree

from reader.extract.blocks import TextBuilder, join_cells

_BLOCK_TAGS = {"p", "head", "list", "item", "table", "row", "cell", "quote", "code", "div",
               "main", "section"}


@dataclass(frozen=True)
class WebBlock:
    kind: str  # "h" heading | "p" paragraph | "li" list item | "quote" | "row" | "code"
    text: str
    level: int = 0  # heading level; for list items, 1 = ordered
    link_chars: int = 0

    @property
    def link_ratio(self) -> float:
        chars = len(re.sub(r"\s", "", self.text))
        return min(1.0, self.link_chars / chars) if chars else 0.0

    @property
    def words(self) -> list[str]:
        return self.text.split()


def _inline(el: lxml.etree._Element) -> tuple[str, int]:
    """Text of ``el`` without its nested blocks, and how many non-space characters of it
    are link text (trafilatura's ``<ref>``)."""
    parts = [el.text or ""]
    links = 0
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in _BLOCK_TAGS:
            text, inner_links = _inline(child)
            parts.append(text)
            links += (len(re.sub(r"\s", "", text)) if child.tag == "ref" else inner_links)
        parts.append(child.tail or "")
    return "".join(parts), links


def _add(out: list[WebBlock], kind: str, el: lxml.etree._Element, level: int = 0,
         prefix: str = "") -> None:
    text, links = _inline(el)
    if text.strip():
        out.append(WebBlock(kind, prefix + text, level, links))


def xml_blocks(el: lxml.etree._Element, out: list[WebBlock] | None = None, *,
               blocks_only: bool = False) -> list[WebBlock]:
    """The blocks of trafilatura's XML body, in order."""
    out = [] if out is None else out
    for child in el:
        tag = child.tag
        if blocks_only and tag not in _BLOCK_TAGS:
            continue
        if tag == "head":
            rend = child.get("rend", "h2")
            _add(out, "h", child, int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2)
        elif tag in ("p", "code"):
            _add(out, "code" if tag == "code" else "p", child)
            xml_blocks(child, out, blocks_only=True)  # blocks nested inside (rare)
        elif tag == "list":
            ordered = child.get("rend", "") == "ol"
            for i, item in enumerate(c for c in child if c.tag == "item"):
                _add(out, "li", item, int(ordered), f"{i + 1}. " if ordered else "- ")
                xml_blocks(item, out, blocks_only=True)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_inline(c) for c in row if c.tag == "cell"]
                text = join_cells([t for t, _ in cells])
                if text:
                    out.append(WebBlock("row", text, 0, sum(n for _, n in cells)))
        elif tag in ("quote", "div", "main", "section", "item", "cell"):
            kind = "quote" if tag == "quote" else "p"
            if any(c.tag in _BLOCK_TAGS for c in child):
                if (child.text or "").strip():
                    out.append(WebBlock(kind, child.text or ""))
                start = len(out)
                xml_blocks(child, out)
                if tag == "quote":
                    out[start:] = [WebBlock("quote", b.text, b.level, b.link_chars)
                                   if b.kind == "p" else b for b in out[start:]]
            else:
                _add(out, kind, child)
        elif tag not in ("graphic", "comments", "ref", "lb"):
            _add(out, "p", child)
        if (child.tail or "").strip() and tag in _BLOCK_TAGS:
            out.append(WebBlock("p", child.tail or ""))
    return out


def build_text(blocks: list[WebBlock]) -> TextBuilder:
    out = TextBuilder()
    for block in blocks:
        if block.kind == "h":
            out.heading(block.text, block.level)
        else:
            out.paragraph(block.text)
    return out


def normalized(text: str) -> str:
    """Lower case, words only: for comparing a block with a headline or a phrase."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))
