"""A saved page's article: its blocks and its metadata.

1. The article extractor is checked (:func:`~reader.extract.web.engine.article_engine`);
   a missing or broken one raises :class:`~reader.errors.ExtractorNotInstalled`.
2. The page is parsed; its own metadata read (:mod:`~reader.extract.web.meta`).
3. Page furniture named by the markup is removed (:func:`~reader.extract.web.dom.prune`),
   the headline and the article's containers protected.
4. trafilatura finds the article in what is left (``favor_recall``, comments excluded,
   link text marked); it is always given the parsed tree: nothing is fetched, no script
   runs.
5. What it dropped inside the article comes back (:mod:`~reader.extract.web.recover`).
6. Furniture named by its words is removed (:mod:`~reader.extract.web.boilerplate`), with
   the headline repeated at the top and the author's bio at the end.
7. Only when the extractor ran and found nothing: the plain walk of the cleared page.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, replace
from typing import Any

from reader.errors import ExtractorNotInstalled
from reader.extract.web.blocks import WebBlock, xml_blocks
from reader.extract.web.boilerplate import bylines, clean_blocks
from reader.extract.web.dom import load_tree, prune
from reader.extract.web.engine import HINT, article_engine
from reader.extract.web.fallback import dom_blocks, plain_blocks
from reader.extract.web.meta import PageMeta, page_meta
from reader.extract.web.names import clean_author_names, unique_names
from reader.extract.web.recover import recover
from reader.extract.web.titles import site_keys, strip_site

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageArticle:
    blocks: tuple[WebBlock, ...]
    meta: PageMeta
    whole_page: bool = False  # the plain walk was used (no article found)
    note: str = ""  # why, for the result's warnings


def read_article(html: str, name: str = "page") -> PageArticle:
    engine = article_engine()
    tree = load_tree(html, engine.utils.load_html)
    if tree is None:
        return PageArticle((), PageMeta())
    meta = page_meta(tree)
    keep = [meta.headline_element] if meta.headline_element is not None else []
    prune(tree, keep)
    blocks: list[WebBlock] = []
    note = ""
    try:
        doc = engine.bare_extraction(
            copy.deepcopy(tree), output_format="xml", include_formatting=True,
            include_comments=False, include_tables=True, include_links=True,
            include_images=False, favor_recall=True, with_metadata=True, deduplicate=False)
    except ImportError as exc:  # a lazily imported part of the extractor is missing
        raise ExtractorNotInstalled(
            f"the web page extractor is not installed correctly: {exc}.", HINT) from exc
    except Exception as exc:  # the extractor failed on this page: loud, then the plain walk
        log.error("%s: the article extractor failed on this page", name, exc_info=True)
        doc = None
        note = (f"the article extractor failed on this page ({type(exc).__name__}); "
                "kept the whole page text")
    if doc is not None and getattr(doc, "body", None) is not None:
        found = recover(xml_blocks(doc.body), dom_blocks(tree))
        meta = _with_byline(meta, found)
        blocks = clean_blocks(found, headline=meta.headline, authors=list(meta.authors))
        meta = _with_fallbacks(meta, doc, html)
    if blocks:
        return PageArticle(tuple(blocks), meta)
    plain = plain_blocks(tree)
    meta = _with_byline(meta, plain)
    whole = clean_blocks(plain, headline=meta.headline, authors=list(meta.authors))
    return PageArticle(tuple(whole), meta, whole_page=True,
                       note=note or "no article body found; kept the whole page text")


def _with_byline(meta: PageMeta, blocks: list[WebBlock]) -> PageMeta:
    """Authors from a "By …" line at the top of the text, when the markup named none."""
    if meta.authors:
        return meta
    names = unique_names([n for line in bylines(blocks)
                          for n in clean_author_names(line, [meta.site])])
    return replace(meta, authors=tuple(names)) if names else meta


def _with_fallbacks(meta: PageMeta, doc: object, html: str) -> PageMeta:
    """Fields the page's markup left empty, from trafilatura's own guesses (a date only
    when the page writes it as such, in its address or markup: the guesser also "repairs"
    impossible dates like 2019-02-30 into ones the page never gave)."""
    guessed = {"title": getattr(doc, "title", None), "author": getattr(doc, "author", None),
               "date": getattr(doc, "date", None), "sitename": getattr(doc, "sitename", None),
               "url": getattr(doc, "url", None)}
    fallback = {k: str(v).strip() for k, v in guessed.items() if v}
    if not fallback:
        return meta
    changes: dict[str, Any] = {}
    site = meta.site or fallback.get("sitename", "")
    if not meta.headline and fallback.get("title"):
        keys = site_keys([site], meta.url or fallback.get("url", ""))
        changes["headline"] = strip_site(fallback["title"], keys)
    if not meta.authors and fallback.get("author"):
        changes["authors"] = tuple(unique_names(clean_author_names(
            fallback["author"], [meta.site, fallback.get("sitename", "")])))
    date = fallback.get("date", "")
    if not meta.date and re.fullmatch(r"\d{4}-\d\d-\d\d", date) \
            and (date in html or date.replace("-", "/") in html):
        changes["date"] = date
    if not meta.site and fallback.get("sitename"):
        changes["site"] = fallback["sitename"]
    if not meta.url and fallback.get("url"):
        changes["url"] = fallback["url"]
    return replace(meta, **changes) if changes else meta
