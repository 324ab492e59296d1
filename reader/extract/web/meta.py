"""What a saved page says about itself: headline, authors, date, site and address.

Read from JSON-LD (a single object, a list, or an ``@graph`` whose nodes refer to each
other by ``@id``), Open Graph and other ``<meta>`` tags, the ``<h1>``s, the ``<title>``,
the byline element and ``<time>``; each field from the first source that gives a usable
value, cleaned (:mod:`~reader.extract.web.names`, :mod:`~reader.extract.web.titles`).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import lxml.html

from reader.extract.web.dom import tokens, units
from reader.extract.web.names import clean_author_names, fold, unique_names
from reader.extract.web.titles import site_keys, strip_site

log = logging.getLogger(__name__)

_ARTICLE_TYPES = re.compile(r"(?:News|Reportage|Opinion|Analysis|Review|Satirical|"
                            r"Background|AskPublic)?(?:Article|NewsArticle)$|BlogPosting$|"
                            r"LiveBlogPosting$|Report$|WebPage$", re.IGNORECASE)
_DATE_META = ("article:published_time", "og:published_time", "article.published",
              "datepublished", "date", "pubdate", "publish-date", "publishdate",
              "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created",
              "dc.date", "og:article:published_time", "cxenseparse:recs:publishtime")
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author",
                "cxenseparse:author", "byl", "dc.creator", "og:article:author")
_NOT_BYLINE = ("comment", "disqus", "respond", "reply", "related", "recirc", "popular",
               "trending", "widget", "sidebar")
_BYLINE_XPATH = ("//*[@itemprop='author']|//*[@rel='author']|//*[contains(concat(' ', "
                 "normalize-space(@class), ' '), ' byline ')]|//*[contains(@class, 'byline')"
                 " or contains(@class, 'Byline') or contains(@class, 'author') or "
                 "contains(@class, 'Author')]")


@dataclass(frozen=True)
class PageMeta:
    headline: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    site: str = ""
    url: str = ""
    headline_element: lxml.html.HtmlElement | None = None


def _meta_tags(root: lxml.html.HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = " ".join((m.get("content") or "").split())
        if key and value and key not in tags:
            tags[key] = value
    return tags


def _jsonld_nodes(root: lxml.html.HtmlElement) -> list[dict]:
    nodes: list[dict] = []

    def add(obj: object) -> None:
        if isinstance(obj, list):
            for item in obj:
                add(item)
        elif isinstance(obj, dict):
            nodes.append(obj)
            if "@graph" in obj:
                add(obj["@graph"])

    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            add(json.loads(script.text or ""))
        except (ValueError, RecursionError) as exc:
            log.debug("unreadable JSON-LD: %s", exc)
    return nodes


def _types(node: dict) -> list[str]:
    t = node.get("@type", "")
    return [str(x) for x in t] if isinstance(t, list) else [str(t)]


def _article_node(nodes: list[dict]) -> dict:
    ranked = [n for n in nodes if any(_ARTICLE_TYPES.search(t) for t in _types(n))]
    ranked.sort(key=lambda n: any(t.endswith("WebPage") for t in _types(n)))
    return ranked[0] if ranked else {}


def _resolve(value: object, by_id: dict[str, dict]) -> object:
    """A node named only by its ``@id`` (``{"@id": "#/schema/person/1"}``), looked up once."""
    if isinstance(value, dict) and isinstance(value.get("@id"), str) and "name" not in value:
        return by_id.get(value["@id"], value)
    return value


def _names(value: object, by_id: dict[str, dict], *, people: bool,
           depth: int = 0) -> list[str]:
    """Names in a JSON-LD author/publisher value (string, object, list, @id reference)."""
    if depth > 3:
        return []
    if isinstance(value, list):
        return [n for v in value[:20] for n in _names(v, by_id, people=people, depth=depth + 1)]
    if isinstance(value, str):
        return [value]
    value = _resolve(value, by_id)
    if isinstance(value, dict):
        if people and any("Organization" in t or t == "Brand" for t in _types(value)):
            return []
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        if isinstance(name, list):
            return [n for n in name[:20] if isinstance(n, str)]
    return []


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _byline_texts(root: lxml.html.HtmlElement) -> list[str]:
    """Byline elements' text, with their block children kept apart (" | ")."""
    out = []
    for el in root.xpath(_BYLINE_XPATH)[:12]:
        if el.tag in ("meta", "link", "html", "body") or units(_text(el)) > 30:
            continue
        if any(t.startswith(_NOT_BYLINE) for a in [el, *el.iterancestors()]
               for t in tokens(a)):
            continue  # a commenter or a related story's author
        pieces = [" ".join(t.split()) for t in el.itertext()]
        text = " | ".join(p for p in pieces if p)
        text = re.sub(r"(?i)\b(by|and|with)\s*\|\s*", r"\1 ", text)
        text = re.sub(r"\s*\|\s*(?=(?:and|with)\b)", " ", text)
        out.append(text)
    return out


def _similar(a: str, b: str) -> float:
    wa, wb = set(fold(a).split()), set(fold(b).split())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _choose_headline(root: lxml.html.HtmlElement, candidates: list[str],
                     keys: set[str]) -> tuple[str, lxml.html.HtmlElement | None]:
    h1s = []
    for h in root.iter("h1"):
        text = _text(h)
        logo = [a for a in h.iter("a") if (a.get("href") or "").strip() in ("/", "./", "#")]
        if logo and units(_text(logo[0])) >= units(text) - 1:
            keys = keys | {fold(text)}  # the site's logo as a heading: its name
            continue
        if text and strip_site(text, keys) and units(text) >= 2 and len(text) <= 300:
            h1s.append((text, h))
    candidates = [c for c in candidates if strip_site(c, keys)]
    # a JSON-LD headline cut short ("…") yields to a candidate that continues it
    full = []
    for c in candidates:
        stem = c.rstrip(".…").rstrip()
        if c.endswith(("…", "...")):
            longer = [o for o in candidates if o != c and o.startswith(stem)]
            longer += [t for t, _ in h1s if t.startswith(stem)]
            if longer:
                c = max(longer, key=len)
        full.append(c)
    if h1s:
        if not full:
            inside = [x for x in h1s if any(a.tag in ("article", "main")
                                            for a in x[1].iterancestors())]
            return max(inside or h1s, key=lambda x: units(x[0]))
        best = max(h1s, key=lambda x: max(_similar(x[0], c) for c in full))
        if max(_similar(best[0], c) for c in full) >= 0.6:
            return best
        longest = max(h1s, key=lambda x: units(x[0]))
        if units(longest[0]) >= 4 and all(units(c) <= 3 for c in full):
            return longest  # the other titles are only a name (the site's, unnamed as such)
    return (full[0], None) if full else ("", None)


def _site_from_title(title: str, headline: str) -> str:
    """"Headline — The Fenmore Gazette" → "The Fenmore Gazette" (no other site name)."""
    if not title.startswith(headline):
        return ""
    rest = title[len(headline):]
    m = re.fullmatch(r"\s*(?:[|—–:·•-]|::)\s*(.+)", rest)
    if not m or units(m.group(1)) > 6 or not m.group(1)[:1].isupper():
        return ""
    return m.group(1).strip()


def _iso_date(value: str) -> tuple[str, datetime | None]:
    """"2023-06-14T05:00:09.000Z" → ("2023-06-14", the instant), else ("", None)."""
    value = value.strip()
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if not m or not 1789 <= int(m.group(1)) <= datetime.now().year + 1:
        return "", None
    try:
        moment = datetime.fromisoformat(re.sub(r"\.\d+", "", value.replace("Z", "+00:00")))
    except ValueError:
        moment = None
    try:
        datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return "", None
    return m.group(0), moment


def _choose_date(candidates: list[str]) -> str:
    """The first usable date; written in UTC, it yields to the same instant written in the
    site's local time (the date the page prints)."""
    parsed = [(d, t) for v in candidates for d, t in [_iso_date(v)] if d]
    if not parsed:
        return ""
    date, moment = parsed[0]
    if moment is not None and moment.utcoffset() == timedelta(0):
        for d, t in parsed[1:]:
            if (t is not None and t.utcoffset() not in (None, timedelta(0))
                    and abs((t - moment).total_seconds()) <= 120):
                return d
    return date


def page_meta(root: lxml.html.HtmlElement, fallback: dict[str, str] | None = None) -> PageMeta:
    """The page's metadata; ``fallback`` holds trafilatura's guesses (title, author, date,
    sitename, url) for fields the page's own markup leaves empty."""
    fallback = fallback or {}
    tags = _meta_tags(root)
    nodes = _jsonld_nodes(root)
    by_id = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    art = _article_node(nodes)
    publisher = _names(art.get("publisher"), by_id, people=False) if art else []
    site = next((s for s in [tags.get("og:site_name", ""), *publisher,
                             tags.get("application-name", ""), fallback.get("sitename", "")]
                 if s.strip()), "").strip()
    url = (tags.get("og:url") or "").strip()
    for link in root.xpath("//link[@rel='canonical']"):
        url = url or (link.get("href") or "").strip()
    url = url or fallback.get("url", "")
    keys = site_keys([n for n in [site, *publisher] if n], url)
    title_el = root.find(".//title")
    raw_titles = [_string(art.get("headline")), tags.get("og:title", ""),
                  tags.get("twitter:title", ""),
                  _text(title_el) if title_el is not None else "", fallback.get("title", "")]
    candidates = [t for t in (strip_site(r, keys) for r in raw_titles) if t]
    headline, element = _choose_headline(root, candidates, keys)
    if not site and headline and title_el is not None:
        site = _site_from_title(_text(title_el), headline)
    sources = [_names(art.get("author"), by_id, people=True) if art else []]
    sources += [[tags[k]] for k in _AUTHOR_META if k in tags]
    if tags.get("twitter:label1", "").lower() == "written by" and "twitter:data1" in tags:
        sources.append([tags["twitter:data1"]])
    sources += [[t] for t in _byline_texts(root)]
    sources.append([fallback.get("author", "")])
    authors: list[str] = []
    site_names = [site, *publisher]
    for source in sources:
        authors = unique_names([n for raw in source for n in clean_author_names(raw, site_names)])
        if authors:
            break
    dates = [_string(art.get("datePublished"))]
    dates += [tags[k] for k in _DATE_META if k in tags]
    dates += [t.get("datetime") or "" for t in root.iter("time")][:3]
    dates += [_string(art.get("dateCreated")), fallback.get("date", "")]
    return PageMeta(headline=headline, authors=tuple(authors), date=_choose_date(dates),
                    site=site, url=url, headline_element=element)
