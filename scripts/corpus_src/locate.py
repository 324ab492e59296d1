"""Where a text fragment lands in a generated PDF (page, line break inside it, column),
for writing ``tests/fixtures/corpus_expectations.json`` after a source text changes.

    python scripts/make_corpus.py --locate corpus/memos/x.pdf "fragment one" "fragment two"
"""

from __future__ import annotations

import re
from pathlib import Path

from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTTextContainer, LTTextLine


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def fragment_pattern(fragment: str) -> re.Pattern[str]:
    """Words of ``fragment`` separated by any whitespace (or a line-end hyphen)."""
    words = [re.escape(w) for w in fragment.split()]
    return re.compile(r"(?:\s+|-\n)".join(words))


def page_texts(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    n = len(PdfReader(str(pdf)).pages)
    return [extract_text(str(pdf), page_numbers=[i]) for i in range(n)]


def _lines(layout) -> list[LTTextLine]:
    out: list[LTTextLine] = []
    for obj in layout:
        if isinstance(obj, LTTextLine):
            out.append(obj)
        elif isinstance(obj, LTTextContainer) or hasattr(obj, "__iter__"):
            out.extend(_lines(obj))
    return out


def column_of(pdf: Path, page: int, fragment: str) -> str:
    """"left"/"right"/"full": where the line holding the fragment's first words starts."""
    first = " ".join(fragment.split()[:3])
    layout = next(iter(extract_pages(str(pdf), page_numbers=[page - 1])))
    width = layout.width
    for line in _lines(layout):
        if first in squash(line.get_text()):
            if line.x0 > width / 2:
                return "right"
            return "left" if line.x1 < width / 2 + 20 else "full"
    return "?"


def locate(pdf: Path, fragments: list[str]) -> None:
    texts = page_texts(pdf)
    for frag in fragments:
        pattern = fragment_pattern(frag)
        hits = [(i + 1, m) for i, t in enumerate(texts) for m in [pattern.search(t)] if m]
        if not hits:
            print(f"NOT FOUND  {frag!r}")
            continue
        for page, m in hits:
            across = "\n" in m.group(0)
            print(f"page {page:>3}  across_line_break={across!s:5}  "
                  f"column={column_of(pdf, page, frag):5}  {frag!r}")
