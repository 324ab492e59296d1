"""The page as a tree, and what is taken out of it before the article is looked for.

:func:`load_tree` parses the page and removes what is never text (scripts other than
JSON-LD metadata, styles, templates, frames, embedded objects). :func:`prune` then removes
the page furniture whose markup says what it is: navigation, skip links, forms and buttons,
figures and captions, image boxes with their credit lines, and blocks whose class, id,
role or label name them as share bars, newsletter boxes, related or most-read lists,
comments, bylines, deks, tags or advertisements. Elements that hold the article (its
headline, ``itemprop="articleBody"``, the container with the most paragraph text) are
protected, however they are labelled.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import lxml.etree
import lxml.html

log = logging.getLogger(__name__)

_NEVER_TEXT = ("script", "style", "template", "noscript", "iframe", "frame", "object", "embed",
               "applet")
_FURNITURE_TAGS = {"nav", "button", "select", "input", "textarea", "svg", "dialog", "footer",
                   "aside", "figure", "figcaption", "picture", "video", "audio", "header",
                   "form", "menu"}
#: Class/id tokens naming page furniture (exact tokens), removed whatever their size.
_JUNK_TOKENS = {
    "ad", "ads", "adslot", "adunit", "advert", "advertisement", "advertising", "comment",
    "comments", "disqus", "credit", "credits", "bio", "bios", "dek", "deck", "standfirst",
    "strapline", "kicker", "rubric", "flashline", "eyebrow", "tags", "tag", "signup",
    "timestamp", "toolbar", "skip", "nav", "navigation", "menu", "masthead",
    "banner", "cookie", "cookies", "consent", "gdpr", "outbrain", "taboola", "carousel",
    "slideshow", "gallery", "pullquote", "epic", "onwards", "submeta", "widget", "sidebar",
    "rail", "footer", "pagination", "pager", "reprints", "ranking", "nejctenejsi", "diskuse",
}
#: Class/id token prefixes naming page furniture, removed whatever their size.
_JUNK_PREFIXES = ("related", "share", "sharing", "social", "newsletter", "recirc", "promo",
                  "sponsor", "subscri", "outbrain", "breadcrumb", "byline", "caption",
                  "trending", "popular", "recommend", "readmore", "alsoread", "mostread",
                  "mostviewed", "republish", "donate", "donation", "membership")
#: Names of furniture removed even when it holds long paragraphs (comment threads, related
#: stories with teasers, sidebars).
_BIG_JUNK = {"comment", "comments", "disqus", "footer", "sidebar", "widget", "rail", "nav",
             "navigation", "menu", "outbrain", "taboola", "ranking", "epic", "onwards",
             "cookie", "cookies", "consent", "gdpr", "banner", "masthead", "pagination",
             "pager", "nejctenejsi", "diskuse"}
_BIG_JUNK_PREFIXES = ("related", "recirc", "popular", "trending", "recommend", "newsletter",
                      "promo", "sponsor", "outbrain", "mostread", "mostviewed")
#: Tokens naming furniture that is small (author boxes, photo boxes, print-edition notes);
#: an element so named is removed only when it holds at most this many words.
_WEAK_TOKENS = {"author", "authors", "writer", "contributor", "contributors", "print",
                "edition", "issue", "teaser", "foto", "photo", "image", "img", "media",
                "video", "player", "audio", "meta", "info"}
_WEAK_WORDS = 80
#: Tokens that mean "this holds the article" (never pruned by the token rule).
_BODY_TOKENS = {"articlebody", "storybody", "entrycontent", "postbody", "bbtext",
                "richtextstorybody", "articletext", "storytext", "postcontent"}
_TOKEN_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_SKIP_RE = re.compile(r"^\s*(?:skip|jump|go)\s+to\b|^\s*(?:přeskočit|preskočiť|zum inhalt|"
                      r"aller au contenu|ir al contenido|本文へ|メインコンテンツへ)", re.I)
_ATTRS = ("class", "id", "role", "aria-label", "data-component", "data-testid")
_IMAGE_BOX_WORDS = 60


def load_tree(html: str, loader: Callable[[str], Any] | None = None
              ) -> lxml.html.HtmlElement | None:
    """The page with everything that is never text removed; ``None`` when unparseable.
    ``loader`` is trafilatura's ``load_html`` (tolerant of broken markup) when available."""
    tree = None
    if loader is not None:
        try:
            tree = loader(html)
        except Exception as exc:  # lxml/trafilatura raise many types on junk
            log.debug("load_html failed: %r", exc)
    if tree is None:
        try:
            tree = lxml.html.document_fromstring(html)
        except (lxml.etree.ParserError, ValueError):
            return None
    for el in tree.xpath("//" + "|//".join(_NEVER_TEXT)):
        if el.tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
            continue
        _drop(el)
    return tree


def _drop(el: lxml.html.HtmlElement) -> None:
    if el.getparent() is not None:
        el.drop_tree()  # keeps the tail text


def tokens(el: lxml.html.HtmlElement) -> list[str]:
    """The lower-case words of an element's class, id, role and labels."""
    attrs = " ".join(str(el.get(a) or "") for a in _ATTRS)
    words = _TOKEN_RE.findall(attrs)
    joined = [w.lower() for w in re.split(r"[\s_]+", attrs) if w]
    return [w.lower() for w in words] + [re.sub(r"[^a-z]", "", j) for j in joined]


def _is_junk(el: lxml.html.HtmlElement) -> bool:
    toks = tokens(el)
    if any(t in _BODY_TOKENS for t in toks):
        return False
    named = [t for t in toks if t in _JUNK_TOKENS or t.startswith(_JUNK_PREFIXES)]
    if named:
        # furniture that holds prose (two long paragraphs) is left to the article finder
        # unless its name is unmistakable: a share-enabled or captioned wrapper of the
        # story must not go
        return any(t in _BIG_JUNK or t.startswith(_BIG_JUNK_PREFIXES) for t in named) \
            or _long_paragraphs(el) < 2
    return any(t in _WEAK_TOKENS for t in toks) and _words(el) <= _WEAK_WORDS


def _long_paragraphs(el: lxml.html.HtmlElement) -> int:
    return sum(1 for p in el.iter("p") if units(p.text_content()) >= 25)


_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def units(text: str) -> int:
    """The length of ``text`` in words, a CJK character counting as one word."""
    cjk = len(_CJK_RE.findall(text))
    return len(text.split()) + cjk if cjk else len(text.split())


def _words(el: lxml.html.HtmlElement) -> int:
    return units(el.text_content())


def densest_container(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element holding the most paragraph words, counting a paragraph fully for its
    parent and half for its grandparent (pages that wrap each paragraph in a div)."""
    scores: dict[lxml.html.HtmlElement, float] = {}
    for p in root.iter("p"):
        n = _words(p)
        if n < 8:
            continue
        parent = p.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + n
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + n / 2
    return max(scores, key=scores.__getitem__) if scores else None


def protected_elements(root: lxml.html.HtmlElement,
                       keep: list[lxml.html.HtmlElement]) -> set[lxml.html.HtmlElement]:
    """``keep`` and the article's containers, with all their ancestors."""
    anchors = list(keep)
    anchors += root.xpath("//*[@itemprop='articleBody' or @itemprop='articleBody text']")
    densest = densest_container(root)
    if densest is not None:
        anchors.append(densest)
    out: set[lxml.html.HtmlElement] = set()
    for el in anchors:
        out.update(el.iterancestors())
        out.add(el)
    return out


def prune(root: lxml.html.HtmlElement, keep: list[lxml.html.HtmlElement]) -> None:
    """Remove page furniture in place (see the module docstring); ``keep`` (the headline
    element) and the article's containers are never removed."""
    protected = protected_elements(root, keep)
    total = max(1, _words(root))
    for a in list(root.iter("a")):
        href = a.get("href") or ""
        if href.startswith("#") and _SKIP_RE.search(a.text_content() or ""):
            _drop(a)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el in protected or el.getparent() is None:
            continue
        if _removed(el):
            continue
        tag = el.tag.lower()
        if tag in _FURNITURE_TAGS and not (tag == "figure" and el.find(".//table") is not None):
            _drop(el)
        elif tag in ("img", "picture"):
            _drop_image_box(el, protected, total)
        elif el.get("hidden") is not None or _is_junk(el):
            _drop(el)


def _removed(el: lxml.html.HtmlElement) -> bool:
    return any(a.getparent() is None and a.tag != "html" for a in el.iterancestors())


def _drop_image_box(img: lxml.html.HtmlElement, protected: set[lxml.html.HtmlElement],
                    total: int) -> None:
    """Remove an image with the caption and credit around it: the highest ancestor that
    is still a small box (a few short text blocks, at most 60 words)."""
    box = img
    for anc in img.iterancestors():
        if anc in protected:
            break
        n = _words(anc)
        if n > _IMAGE_BOX_WORDS or n > total // 4:
            break
        texts = [c for c in anc.iter("p", "div", "span", "figcaption", "li")
                 if units(c.text or "") > 2]
        if len(texts) > 3:
            break
        box = anc
    _drop(box)
