"""Annotators' notes are Markdown; briefs render them *simply*: paragraphs, bold, italics,
inline code, links, bulleted and numbered lists, quoted lines, code blocks. Headings turn
into bold paragraphs (a note must not add entries to the brief's table of contents) and raw
HTML is shown as text, never interpreted.

:func:`parse_note` turns a note into a flat tuple of :class:`Block` that every format
renders the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Span:
    text: str  # "\n" inside means a hard line break
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""


@dataclass(frozen=True)
class Block:
    """``kind``: ``para`` | ``heading`` | ``item`` | ``code``. ``depth`` counts enclosing
    lists (items) and ``quoted`` enclosing block quotes. ``marker`` is ``"•"`` or ``"3."``."""

    kind: str
    spans: tuple[Span, ...] = ()
    depth: int = 0
    quoted: int = 0
    marker: str = ""
    first_in_item: bool = True  # False for a second paragraph inside one list item

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark, raw HTML off (it stays visible as text), links checked by markdown-it
    return MarkdownIt("commonmark", {"html": False})


@lru_cache(maxsize=4096)
def parse_note(markdown: str) -> tuple[Block, ...]:
    """The note as blocks (empty for an empty note)."""
    if not markdown or not markdown.strip():
        return ()
    tokens = _parser().parse(markdown)
    blocks: list[Block] = []
    lists: list[list[int | None]] = []  # per open list: [next number or None for bullets]
    quoted = 0
    item_paragraphs: list[int] = []  # paragraphs seen in each open list item
    pending_heading = False
    for tok in tokens:
        t = tok.type
        if t == "bullet_list_open":
            lists.append([None])
        elif t == "ordered_list_open":
            start = tok.attrGet("start")
            lists.append([int(start) if isinstance(start, int | str) and str(start).isdigit()
                          else 1])
        elif t in ("bullet_list_close", "ordered_list_close"):
            if lists:
                lists.pop()
        elif t == "list_item_open":
            item_paragraphs.append(0)
        elif t == "list_item_close":
            if item_paragraphs:
                item_paragraphs.pop()
        elif t == "blockquote_open":
            quoted += 1
        elif t == "blockquote_close":
            quoted = max(0, quoted - 1)
        elif t == "heading_open":
            pending_heading = True
        elif t == "inline":
            spans = _inline_spans(tok.children or [])
            if not spans:
                continue
            kind = "heading" if pending_heading else "para"
            pending_heading = False
            marker = ""
            first = True
            if lists and item_paragraphs:
                first = item_paragraphs[-1] == 0
                item_paragraphs[-1] += 1
                if first:
                    counter = lists[-1]
                    if counter[0] is None:
                        marker = "•"
                    else:
                        marker = f"{counter[0]}."
                        counter[0] += 1
                kind = "item" if kind == "para" else kind
            if kind == "heading":
                spans = tuple(Span(s.text, True, s.italic, s.code, s.href) for s in spans)
            blocks.append(Block(kind, spans, depth=len(lists), quoted=quoted,
                                marker=marker, first_in_item=first))
        elif t in ("fence", "code_block"):
            text = tok.content.rstrip("\n")
            if text:
                blocks.append(Block("code", (Span(text, code=True),), depth=len(lists),
                                    quoted=quoted))
    return tuple(blocks)


def _inline_spans(children: list) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = 0
    href = ""
    for c in children:
        t = c.type
        if t == "text" or t == "html_inline":
            _add(spans, Span(c.content, bold > 0, italic > 0, False, href))
        elif t == "softbreak":
            _add(spans, Span(" ", bold > 0, italic > 0, False, href))
        elif t == "hardbreak":
            _add(spans, Span("\n", bold > 0, italic > 0, False, href))
        elif t == "code_inline":
            spans.append(Span(c.content, bold > 0, italic > 0, True, href))
        elif t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold = max(0, bold - 1)
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic = max(0, italic - 1)
        elif t == "link_open":
            value = c.attrGet("href")
            href = value if isinstance(value, str) else ""
        elif t == "link_close":
            href = ""
        elif t == "image":
            alt = c.content or "image"
            _add(spans, Span(f"[{alt}]", bold > 0, italic > 0, False, href))
    return tuple(s for s in spans if s.text)


def _add(spans: list[Span], span: Span) -> None:
    """Append, merging with the previous span when the styling is the same."""
    if spans:
        last = spans[-1]
        if (last.bold, last.italic, last.code, last.href) == \
                (span.bold, span.italic, span.code, span.href) and not last.code:
            spans[-1] = Span(last.text + span.text, last.bold, last.italic, False, last.href)
            return
    spans.append(span)


def safe_href(href: str) -> str:
    """Only web and mail links survive into an output file."""
    low = href.strip().lower()
    return href.strip() if low.startswith(("http://", "https://", "mailto:")) else ""
