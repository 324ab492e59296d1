"""Putting back what the article extractor dropped inside the article.

trafilatura sometimes leaves out a subheading at the top of a section, the last item of a
list, or a short paragraph between two it kept. Its blocks are matched to the page's own
blocks (same words); then, inside the stretch of the page it took, the page's blocks it
skipped come back in their place when they are not furniture: a block between two kept
ones (gaps of up to :data:`MAX_GAP` blocks), the other items of a list it took part of,
and a subheading right before the first kept block. A block the extractor turned from
a heading or a list item into a paragraph (live blogs' post titles and lists) is a heading
or a list item again.
"""

from __future__ import annotations

import itertools

import lxml.html

from reader.extract.web.blocks import WebBlock, normalized
from reader.extract.web.boilerplate import furniture
from reader.extract.web.fallback import DomBlock

MAX_GAP = 3


def _key(block: WebBlock) -> str:
    text = block.text[2:] if block.kind == "li" and block.text.startswith("- ") else block.text
    return normalized(text)


def recover(blocks: list[WebBlock], page: list[DomBlock]) -> list[WebBlock]:
    """``blocks`` (the extractor's, in order) with the skipped article blocks of ``page``
    (the plain walk of the cleared page) put back."""
    if not blocks or not page:
        return blocks
    keys = [_key(b) for b, _ in page]
    matched: list[int] = []  # page index of each extractor block (-1: none)
    cursor = 0
    for block in blocks:
        key = _key(block)
        found = -1
        if key:
            for j in range(cursor, len(page)):
                if keys[j] == key:
                    found = j
                    break
        matched.append(found)
        if found >= 0:
            cursor = found + 1
    hits = [j for j in matched if j >= 0]
    if len(hits) < max(2, len(blocks) // 2):
        return blocks  # the extractor's text does not line up with the page's: keep it
    blocks = [page[j][0] if j >= 0 and b.kind == "p" and page[j][0].kind in ("h", "li")
              else b for b, j in zip(blocks, matched, strict=True)]
    taken = set(hits)
    lists = {el.getparent() for j in hits for b, el in [page[j]] if b.kind == "li"}
    extra: dict[int, list[WebBlock]] = {}  # after which page index -> blocks to insert

    def usable(j: int) -> bool:
        block = page[j][0]
        return (j not in taken and not furniture(block) and block.link_ratio < 0.5
                and bool(keys[j]))

    for a, b in itertools.pairwise(hits):
        if 0 < b - a - 1 <= MAX_GAP:
            extra.setdefault(a, []).extend(page[j][0] for j in range(a + 1, b) if usable(j))
    last = hits[-1]
    j = last + 1
    while j < len(page) and page[j][0].kind == "li" and page[j][1].getparent() in lists:
        if usable(j):
            extra.setdefault(last, []).append(page[j][0])
        j += 1
    first = hits[0]
    head = page[first - 1][0] if first > 0 else None
    before: list[WebBlock] = []
    if head is not None and head.kind == "h" and usable(first - 1) \
            and _same_container(page[first - 1][1], page[first][1]):
        before.append(head)
    if not extra and not before:
        return blocks
    out = list(before)
    for block, j in zip(blocks, matched, strict=True):
        out.append(block)
        if j >= 0:
            out.extend(extra.get(j, []))
    return out


def _same_container(a: lxml.html.HtmlElement, b: lxml.html.HtmlElement) -> bool:
    """Whether the heading ``a`` shares its parent or grandparent with ``b``."""
    up_a = [a.getparent(), *(p.getparent() for p in [a.getparent()] if p is not None)]
    up_b = {b.getparent(), *(p.getparent() for p in [b.getparent()] if p is not None)}
    return any(x is not None and x in up_b for x in up_a)
