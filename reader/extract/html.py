"""Saved web pages (.html, .htm, .xhtml): the article body and its metadata.

* Bytes are decoded by :mod:`reader.extract.encoding` (BOM, then valid UTF-8, then the
  page's own ``<meta charset>``, then detection).
* The article and the page's metadata are read by :mod:`reader.extract.web` (trafilatura
  to find the article, with the page furniture cleared before and after it; headline,
  byline, date and site from JSON-LD, Open Graph and the page's markup). A missing or
  broken extractor is an install error (:class:`~reader.errors.ExtractorNotInstalled`),
  never a quiet fallback.
* Pages above :data:`MAX_ARTICLE_BYTES` are not searched for an article (about 4 s per
  MB): their plain text is kept, with a warning.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from reader.errors import DamagedFile
from reader.extract.base import Extracted, single_page
from reader.extract.encoding import decode_bytes, read_limited
from reader.extract.legal.statute_html import statute_page
from reader.extract.metadata import guess_meta_sourced, is_title_line
from reader.extract.web.article import PageArticle, read_article
from reader.extract.web.blocks import build_text
from reader.extract.web.dom import load_tree, prune
from reader.extract.web.fallback import plain_blocks
from reader.extract.web.meta import PageMeta, page_meta
from reader.model.documents import DocMeta

log = logging.getLogger(__name__)

#: Pages above this size are not read (a saved article is rarely over 5 MB).
MAX_HTML_BYTES = 20 * 1024 * 1024
#: Above this size the article search takes too long: the plain page text is kept.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""",
                         re.IGNORECASE)
_XML_ENC_RE = re.compile(rb"""^<\?xml[^>]{0,100}encoding=["']([A-Za-z0-9_.-]+)""")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or XML decl)."""
    head = data[:4096]
    m = _XML_ENC_RE.match(head) or _CHARSET_RE.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _plain_page(html: str) -> PageArticle:
    """A very large page: its metadata and the plain walk, without the article search."""
    tree = load_tree(html)
    if tree is None:
        return PageArticle((), PageMeta(), whole_page=True)
    meta = page_meta(tree)
    prune(tree, [meta.headline_element] if meta.headline_element is not None else [])
    return PageArticle(tuple(plain_blocks(tree)), meta, whole_page=True)


def extract(path: Path) -> Extracted:
    path = Path(path)
    data = read_limited(path, limit=MAX_HTML_BYTES, kind="web page")
    html = decode_bytes(data, name=path.name, declared=declared_charset(data)).text
    html = html.lstrip("\ufeff")
    if not re.search(r"\S", html):
        raise DamagedFile(f"{path.name}: the page contains no text.")
    if (statute := statute_page(html, path.name)) is not None:  # a legislature's section page
        return statute
    warnings: list[str] = []
    if len(data) > MAX_ARTICLE_BYTES:
        warnings.append(f"{path.name}: very large page; the whole page text was kept")
        article = _plain_page(html)
    else:
        article = read_article(html, path.name)
        if article.whole_page and article.note:
            warnings.append(f"{path.name}: {article.note}")
    text, sections = build_text(list(article.blocks)).build()
    if not text:
        raise DamagedFile(f"{path.name}: the page contains no readable text.")
    page = article.meta
    hints = DocMeta(title=page.headline if is_title_line(page.headline) else "",
                    author="; ".join(page.authors), date=page.date, site=page.site,
                    source_url=page.url)
    # an opinion's caption names it better than the page's headline (guess_meta_sourced)
    meta, sources = guess_meta_sourced(text, hints, filename=path.name, default_kind="article")
    return Extracted(text=text, pages=single_page(text), sections=sections, meta=meta,
                     sources=sources,
                     warnings=tuple(warnings))
