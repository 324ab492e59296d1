"""What every saved-news-page fixture shares: the article data, the reference body and
the sidecar.

Each ``site_*`` module writes one page in the structure of one kind of news site (all text
fictional, all names invented). The article's own blocks are kept apart from the page
around them, so the sidecar's reference body is exactly what a careful reader would copy:
the article's paragraphs, subheadings, lists and block quotes; never captions, credits,
share bars, "read more" lists, newsletter boxes or comments.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: ("p", text) | ("h2", text) | ("h3", text) | ("ul", [items]) | ("ol", [items])
#: | ("quote", text)
Block = tuple[str, object]


@dataclass
class Article:
    name: str  # the fixture's file stem
    style: str  # the kind of site imitated, for the bench output
    headline: str
    authors: list[str]
    date: str  # ISO, as the page's metadata gives it
    site: str
    blocks: list[Block]
    lang: str = "en"
    notes: list[str] = field(default_factory=list)  # what the page tests


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def reference_body(blocks: Sequence[Block]) -> str:
    """The careful reader's extraction: one paragraph per block, list items as "- item"."""
    out: list[str] = []
    for kind, value in blocks:
        if kind in ("ul", "ol"):
            assert isinstance(value, list)
            out.extend(f"- {item}" for item in value)
        else:
            out.append(str(value))
    return "\n\n".join(out)


def block_html(block: Block, p: str = "<p>", quote_class: str = "") -> str:
    """A block in plain markup; ``p`` is the opening tag used for paragraphs."""
    kind, value = block
    if kind == "p":
        close = "</" + p[1:].split(">")[0].split()[0] + ">"
        return f"{p}{value}{close}"  # paragraphs may carry inline markup (<a>, <em>)
    if kind in ("h2", "h3"):
        return f"<{kind}>{esc(str(value))}</{kind}>"
    if kind in ("ul", "ol"):
        assert isinstance(value, list)
        items = "".join(f"<li>{item}</li>" for item in value)
        return f"<{kind}>{items}</{kind}>"
    if kind == "quote":
        cls = f' class="{quote_class}"' if quote_class else ""
        return f"<blockquote{cls}><p>{value}</p></blockquote>"
    raise ValueError(kind)


def plain(text: str) -> str:
    """Inline markup removed (the reference body is text)."""
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", text))


def jsonld(obj: object) -> str:
    return ('<script type="application/ld+json">'
            + json.dumps(obj, ensure_ascii=False).replace("</", "<\\/") + "</script>")


def tracking_scripts(site: str) -> str:
    """The script noise every real page carries (never text)."""
    return ("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push("
            "arguments)}gtag('js',new Date());gtag('config','G-FICTION1');</script>\n"
            f"<script>var __SITE__={json.dumps(site)};document.write('TRACKER-SCRIPT-TEXT');"
            "</script>\n<style>.ad-slot{min-height:250px}.visually-hidden{position:absolute;"
            "clip:rect(0 0 0 0)}</style>\n")


def write(article: Article, page: str, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{article.name}.html").write_text(page, "utf-8")
    blocks = [(k, [plain(i) for i in v] if isinstance(v, list) else plain(str(v)))
              for k, v in article.blocks]
    sidecar = {
        "style": article.style,
        "lang": article.lang,
        "headline": article.headline,
        "authors": article.authors,
        "author": "; ".join(article.authors),
        "date": article.date,
        "site": article.site,
        "notes": article.notes,
        "headings": [str(v) for k, v in blocks if k in ("h2", "h3")],
        "body": reference_body(blocks),
    }
    (out_dir / f"{article.name}.expected.json").write_text(
        json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n", "utf-8")
