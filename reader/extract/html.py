"""Saved web pages (.html, .htm, .xhtml): the article body and its metadata.

* Bytes are decoded by :mod:`reader.extract.encoding` (BOM, then valid UTF-8, then the
  page's own ``<meta charset>``, then detection).
* trafilatura finds the main text (``favor_recall=True``, comments excluded) and the
  metadata (title, author, date, site, canonical URL). It is always given the HTML *string*:
  nothing is fetched, and no script is ever run (scripts are never even part of the text).
* Its XML output keeps headings (→ sections), paragraphs, lists, tables and quotes.
* When trafilatura finds nothing, a plain lxml walk over the page (scripts, styles,
  navigation, headers, footers, forms and asides removed) is the fallback.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from reader.errors import DamagedFile
from reader.extract.base import Extracted, single_page
from reader.extract.blocks import TextBuilder, join_cells
from reader.extract.encoding import decode_bytes, read_limited
from reader.extract.metadata import clean_byline, guess_meta, guess_title, is_title_line
from reader.model.documents import DocMeta

log = logging.getLogger(__name__)

#: Pages above this size are not read (a saved article is rarely over 5 MB).
MAX_HTML_BYTES = 20 * 1024 * 1024
#: Above this size the main-text heuristics take too long (about 4 s per MB): the plain
#: page text is kept instead.
MAX_TRAFILATURA_BYTES = 5 * 1024 * 1024

_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""",
                         re.IGNORECASE)
_XML_ENC_RE = re.compile(rb"""^<\?xml[^>]{0,100}encoding=["']([A-Za-z0-9_.-]+)""")
_BLOCK_TAGS = {"p", "head", "list", "item", "table", "row", "cell", "quote", "code", "div",
               "main", "section"}
_DROP_FALLBACK = ("script", "style", "noscript", "template", "nav", "header", "footer",
                  "aside", "form", "iframe", "svg", "button", "select", "object", "embed")
_JUNK_ATTR_RE = re.compile(r"cookie|consent|comment|related|share|social|newsletter|"
                           r"promo|advert|\bads?\b|sponsor|subscribe|breadcrumb|sidebar|"
                           r"you-may|recommend|popular|trending", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or XML decl)."""
    head = data[:4096]
    m = _XML_ENC_RE.match(head) or _CHARSET_RE.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _inline_text(el: lxml.etree._Element) -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in _BLOCK_TAGS:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _walk_xml(el: lxml.etree._Element, out: TextBuilder, *, blocks_only: bool = False) -> None:
    for child in el:
        tag = child.tag
        if blocks_only and tag not in _BLOCK_TAGS:
            continue
        if tag == "head":
            rend = child.get("rend", "h2")
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            out.heading(_inline_text(child), level)
        elif tag in ("p", "code"):
            out.paragraph(_inline_text(child))
            _walk_xml(child, out, blocks_only=True)  # blocks nested inside (rare)
        elif tag == "list":
            ordered = child.get("rend", "") == "ol"
            for i, item in enumerate(c for c in child if c.tag == "item"):
                prefix = f"{i + 1}. " if ordered else "- "
                out.paragraph(prefix + _inline_text(item))
                _walk_xml(item, out, blocks_only=True)
        elif tag == "table":
            for row in child.iter("row"):
                out.paragraph(join_cells([_inline_text(c) for c in row if c.tag == "cell"]))
        elif tag in ("quote", "div", "main", "section", "item", "cell"):
            if any(c.tag in _BLOCK_TAGS for c in child):
                if (child.text or "").strip():
                    out.paragraph(child.text or "")
                _walk_xml(child, out)
            else:
                out.paragraph(_inline_text(child))
        elif tag not in ("graphic", "comments", "ref", "lb"):
            out.paragraph(_inline_text(child))
        if (child.tail or "").strip() and tag in _BLOCK_TAGS:
            out.paragraph(child.tail or "")


def load_tree(html: str) -> lxml.html.HtmlElement | None:
    """The page as an lxml tree with everything that is never text removed: scripts
    (except JSON-LD metadata, which is data), styles, templates, ``noscript``, frames and
    embedded objects. ``None`` when the page cannot be parsed at all."""
    from trafilatura.utils import load_html

    tree = None
    try:
        tree = load_html(html)
    except Exception as exc:  # lxml/trafilatura raise many types on junk
        log.debug("load_html failed: %r", exc)
    if tree is None:
        try:
            tree = lxml.html.document_fromstring(html)
        except (lxml.etree.ParserError, ValueError):
            return None
    for el in tree.xpath("//script|//style|//template|//noscript|//iframe|//frame|//object|"
                         "//embed|//applet"):
        if el.tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
            continue
        if el.getparent() is not None:
            el.drop_tree()
    return tree


def _trafilatura(html: str) -> tuple[TextBuilder, DocMeta]:
    import trafilatura

    out = TextBuilder()
    tree = load_tree(html)
    if tree is None:
        return out, DocMeta()
    # bare_extraction gives the body tree directly (no XML string round trip and no
    # content fingerprint, which cost a third of the time on long pages).
    doc: Any = trafilatura.bare_extraction(  # a Document here (a dict only with as_dict)
        tree, output_format="xml", include_formatting=True, include_comments=False,
        include_tables=True, include_links=False, include_images=False, favor_recall=True,
        with_metadata=True, deduplicate=False)
    if doc is None or getattr(doc, "body", None) is None:
        return out, DocMeta()
    _walk_xml(doc.body, out)
    date = doc.date or ""
    hints = DocMeta(
        title=(doc.title or "").strip(),
        author=clean_byline(doc.author or ""),
        date=date if re.fullmatch(r"\d{4}(?:-\d\d){0,2}", date) else "",
        site=(doc.sitename or doc.hostname or "").strip(),
        source_url=(doc.url or "").strip(),
    )
    return out, hints


def _fallback(html: str) -> tuple[TextBuilder, DocMeta]:
    """Visible text of the page, blocks in document order, boilerplate containers removed."""
    out = TextBuilder()
    root = load_tree(html)
    if root is None:
        return out, DocMeta()
    title = (root.findtext(".//title") or "").strip()
    for bad in root.xpath("//*[self::" + " or self::".join(_DROP_FALLBACK) + "]"):
        bad.drop_tree()
    for el in root.xpath("//*[@id or @class]"):
        attrs = f"{el.get('id', '')} {el.get('class', '')}"
        if _JUNK_ATTR_RE.search(attrs) and el.getparent() is not None:
            el.drop_tree()
    body = root.find("body")
    _walk_html(body if body is not None else root, out)
    return out, DocMeta(title=" ".join(title.split()))


def _walk_html(el: lxml.html.HtmlElement, out: TextBuilder) -> None:
    if (el.text or "").strip():
        out.paragraph(el.text or "")
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if re.fullmatch(r"h[1-6]", tag):
            out.heading(child.text_content(), int(tag[1]))
        elif tag in ("p", "pre", "li", "dt", "dd", "figcaption", "address", "blockquote",
                     "caption"):
            prefix = "- " if tag == "li" else ""
            out.paragraph(prefix + _br_text(child))
        elif tag == "tr":
            out.paragraph(join_cells([c.text_content() for c in child
                                      if c.tag in ("td", "th")]))
        elif tag and tag not in ("title", "head", "meta", "link", "base"):
            _walk_html(child, out)
        if (child.tail or "").strip():
            out.paragraph(child.tail or "")


def _br_text(el: lxml.html.HtmlElement) -> str:
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return el.text_content()


def extract(path: Path) -> Extracted:
    path = Path(path)
    data = read_limited(path, limit=MAX_HTML_BYTES, kind="web page")
    html = decode_bytes(data, name=path.name, declared=declared_charset(data)).text
    html = html.lstrip("\ufeff")
    if not re.search(r"\S", html):
        raise DamagedFile(f"{path.name}: the page contains no text.")
    warnings: list[str] = []
    try:
        if len(data) > MAX_TRAFILATURA_BYTES:
            warnings.append(f"{path.name}: very large page; the whole page text was kept")
            built, hints = TextBuilder(), DocMeta()
        else:
            built, hints = _trafilatura(html)
    except Exception as exc:  # trafilatura/lxml fail in many ways on junk; fall back
        log.warning("%s: main-text extraction failed (%s); using the plain page text",
                    path.name, exc.__class__.__name__)
        built, hints = TextBuilder(), DocMeta()
    if not built.has_text:
        built, fallback_hints = _fallback(html)
        hints = fallback_hints.merged(hints)
        if not warnings:
            warnings.append(f"{path.name}: no article body found; kept the whole page text")
    text, sections = built.build()
    if not text:
        raise DamagedFile(f"{path.name}: the page contains no readable text.")
    if hints.title and not is_title_line(hints.title):
        hints = replace(hints, title="")
    meta = guess_meta(text, hints, filename=path.name, default_kind="article")
    if meta.kind == "opinion":  # the case caption names an opinion better than the page
        caption = guess_title(text, "opinion")
        if " v. " in caption:
            meta = replace(meta, title=caption)
    return Extracted(text=text, pages=single_page(text), sections=sections, meta=meta,
                     warnings=tuple(warnings))
