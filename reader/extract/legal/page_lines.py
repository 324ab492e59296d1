"""A saved legislature page as the lines a reader sees: page furniture (navigation, headers,
footers, side menus, forms, scripts) removed, then every block's own text — including the
text a block holds besides its child blocks (``<div class="Subsection">(1) …<div>``) and
each ``<br>``-separated line of a ``<pre>``/``<code>``/``<td>`` run (the ILCS layout) — as
one :class:`Line` of inline pieces, in reading order.

A link whose words are a section number ("69.50.4013", "§ 18.2-250") is a cross-reference
to that section of the same code: its target is "§ 69.50.4013" until the caller, knowing
the code, cites it in the code's form.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.html

from reader.extract.legal.builder import Piece

log = logging.getLogger(__name__)

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
         "iframe", "svg", "button", "select", "object", "embed", "head", "input", "label")
_JUNK_ATTR_RE = re.compile(r"breadcrumb|leftnav|sidebar|menu|pdflinks|toolbar|share|cookie|"
                           r"skipnav|skip-?to|print-?links|navbar|\bfooter\b|\bheader\b|"
                           r"\bbanner\b|site-?nav|\btabs?\b|search|subtitle", re.IGNORECASE)
_KEEP_ATTR_RE = re.compile(r"section|content|law|statute|body|text|main", re.IGNORECASE)
BLOCK_TAGS = frozenset({
    "p", "div", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "tr", "td", "th", "section", "article", "table", "ul", "ol", "dl", "main", "body",
    "center", "hr", "caption", "tbody", "thead", "figure"})
HEAD_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LINKED_NUM_RE = re.compile(r"(?:§\s*)?(\d+[A-Za-z]?(?:[-.:–]\d+[A-Za-z]?)+)")


@dataclass(frozen=True)
class Line:
    """One line of the page: its pieces, its text (whitespace collapsed), the block it is
    printed in (``tag``, ``cls``: that block's and its ancestors' classes, nearest first)
    and ``lead``: ``(tag, class, text)`` of the inline elements it starts with (a bold
    section number and caption, a "SectionNumber" span)."""

    pieces: tuple[Piece, ...]
    text: str
    tag: str
    cls: str
    lead: tuple[tuple[str, str, str], ...] = ()
    element: lxml.html.HtmlElement | None = None


def text_of(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _attrs(el: lxml.html.HtmlElement) -> str:
    return f"{el.get('id', '')} {el.get('class', '')}"


def clean(root: lxml.html.HtmlElement) -> None:
    """Remove the page furniture from ``root`` in place."""
    for el in root.xpath("//*[" + " or ".join(f"self::{t}" for t in _DROP) + "]"):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.xpath("//body//*[@id or @class]"):
        attrs = _attrs(el)
        if el.getparent() is None or el.tag in HEAD_TAGS or not _JUNK_ATTR_RE.search(attrs):
            continue  # a heading's id is often a "skip to" target
        if _KEEP_ATTR_RE.search(attrs) and len(text_of(el)) > 400:
            continue  # "lawSectionBody": not furniture, whatever else its class says
        el.drop_tree()


class _Walker:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._pieces: list[Piece] = []
        self._lead: list[tuple[str, str, str]] = []
        self._block: lxml.html.HtmlElement | None = None

    def flush(self) -> None:
        text = " ".join("".join(p.text for p in self._pieces).split())
        block = self._block
        if text and block is not None:
            classes = " ".join(a.get("class", "") for a in (block, *block.iterancestors()))
            self.lines.append(Line(tuple(self._pieces), text, str(block.tag), classes,
                                   tuple(self._lead[:4]), block))
        self._pieces, self._lead = [], []

    def add(self, piece: Piece) -> None:
        self._pieces.append(piece)

    def block(self, el: lxml.html.HtmlElement) -> None:
        self.flush()
        outer = self._block
        self._block = el
        self.add(Piece(el.text or ""))
        self.children(el, heading=el.tag in HEAD_TAGS)
        self.flush()
        self._block = outer

    def children(self, el: lxml.html.HtmlElement, *, heading: bool) -> None:
        for c in el:
            if not isinstance(c.tag, str):
                pass
            elif c.tag in BLOCK_TAGS:
                self.block(c)
            elif c.tag == "br":
                if heading:
                    self.add(Piece(" "))
                else:
                    self.flush()
            elif c.tag == "a" and (m := _LINKED_NUM_RE.fullmatch(text_of(c))):
                self.add(Piece(text_of(c), f"§ {m.group(1)}", c.get("href") or ""))
            else:
                if len("".join(p.text for p in self._pieces).strip()) < 200:
                    self._lead.append((str(c.tag), c.get("class", ""), text_of(c)))
                self.add(Piece(" " if c.tag in ("td", "th") else ""))
                self.add(Piece(c.text or ""))
                self.children(c, heading=heading)
            self.add(Piece(c.tail or ""))


def page_lines(root: lxml.html.HtmlElement) -> list[Line]:
    """The lines of ``root``'s body (cleaned first with :func:`clean`), in reading order."""
    body = root.find("body")
    if body is None:
        body = root
    walker = _Walker()
    walker.block(body)
    return walker.lines
