"""The plain walk: every block of visible text in document order, with its element.

Used on its own only when the article extractor ran and found no article (a page that is
all list, table or form), and by :mod:`~reader.extract.web.recover` to put back what the
extractor dropped inside the article. It walks the tree
:func:`reader.extract.web.dom.prune` has already cleared of navigation, skip links, share
bars and the like.
"""

from __future__ import annotations

import re

import lxml.html

from reader.extract.blocks import join_cells
from reader.extract.web.blocks import WebBlock

_PARAGRAPH_TAGS = ("p", "pre", "li", "dt", "dd", "address", "blockquote", "caption")
_SKIP_TAGS = ("title", "head", "meta", "link", "base", "script", "style")

DomBlock = tuple[WebBlock, lxml.html.HtmlElement]


def dom_blocks(root: lxml.html.HtmlElement) -> list[DomBlock]:
    body = root.find("body")
    out: list[DomBlock] = []
    _walk(body if body is not None else root, out)
    return out


def plain_blocks(root: lxml.html.HtmlElement) -> list[WebBlock]:
    return [block for block, _ in dom_blocks(root)]


def _link_chars(el: lxml.html.HtmlElement) -> int:
    return sum(len(re.sub(r"\s", "", a.text_content())) for a in el.iter("a"))


def _walk(el: lxml.html.HtmlElement, out: list[DomBlock]) -> None:
    if (el.text or "").strip():
        out.append((WebBlock("p", el.text or ""), el))
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if re.fullmatch(r"h[1-6]", tag):
            out.append((WebBlock("h", child.text_content(), int(tag[1]), _link_chars(child)),
                        child))
        elif tag in _PARAGRAPH_TAGS:
            kind = "li" if tag == "li" else "quote" if tag == "blockquote" else "p"
            prefix = "- " if tag == "li" else ""
            out.append((WebBlock(kind, prefix + _br_text(child), 0, _link_chars(child)), child))
        elif tag == "tr":
            out.append((WebBlock("row", join_cells([c.text_content() for c in child
                                                    if c.tag in ("td", "th")])), child))
        elif tag and tag not in _SKIP_TAGS:
            _walk(child, out)
        if (child.tail or "").strip():
            out.append((WebBlock("p", child.tail or ""), el))


def _br_text(el: lxml.html.HtmlElement) -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag == "br":
            parts.append("\n")
        elif isinstance(child.tag, str):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)
