"""Document-wide clean-up of PDF text: running headers and footers, printed page numbers,
and line-end hyphens.

* **Running headers/footers**: the one or two lines nearest the top and bottom edge of each
  page (inside the margin zone) are compared across pages with digits masked, so
  "Page 3 of 40" and "Page 4 of 40" match. A line repeated on enough pages (2 when the
  document has at most 5 pages, else 3) is dropped from the text. A lone page number
  ("7", "- 7 -", "Page 7", "vii") at the edge is dropped even on a one-page document.
* **Printed page numbers**: in the dropped lines, the number whose value minus the
  page's position is the same on most pages is the page's printed number (its label).
* **Hyphens at line ends**: "treat-/ment" becomes "treatment"; the hyphen is kept when the
  second part starts with a capital ("Non-/Hispanic"), when the hyphenated word is used
  elsewhere in the document ("drug-induced") and the joined one is not, after prefixes
  such as "self-", and when both parts are words of the document on their own
  ("harm-/reduction") and the joined word is not.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from reader.extract import roman
from reader.extract.pdf_layout import MARGIN_ZONE, Line, PageLayout

EDGE_LINES = 2
MAX_HEADER_CHARS = 160
_NUM_RE = re.compile(r"\d+")
_ROMAN_RE = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_PAGE_ONLY_RE = re.compile(
    r"^(?:[-–—\s]*(?:page|p\.|pg\.?)?\s*(?P<n>\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,5})?"
    r"[-–—\s]*)$", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
KEEP_PREFIXES = frozenset({"self", "ex", "all", "quasi", "half", "cross", "well"})
#: Word endings that are never words of their own in a hyphenated line end ("treat-ment").
SUFFIXES = frozenset({
    "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance",
    "ances", "ence", "ences", "ing", "ings", "ous", "ive", "ives", "able", "ible", "ably",
    "al", "ally", "ly", "ed", "er", "ers", "ies", "ism", "ist", "ists", "ure", "ures",
    "ant", "ants", "ent", "ents", "ize", "ized", "ise", "ised", "ful", "less", "ship",
})


@dataclass
class Cleanup:
    """What :func:`find_running_lines` decided: dropped lines are marked on the layouts."""

    printed: dict[int, str] = field(default_factory=dict)  # page number -> printed label
    dropped: int = 0


def roman_value(token: str) -> int | None:
    """A page number written in roman numerals (:mod:`reader.extract.roman`), or ``None``."""
    return roman.roman_value(token) or None


def _edge_lines(page: PageLayout) -> list[tuple[str, Line]]:
    lines = [ln for ln in page.lines() if ln.yruns and not ln.dropped]
    if not lines:
        return []
    by_top = sorted(lines, key=lambda ln: -ln.y1)
    top_limit = page.height * (1 - MARGIN_ZONE)
    bottom_limit = page.height * MARGIN_ZONE
    out = [("top", ln) for ln in by_top[:EDGE_LINES] if ln.y0 >= top_limit]
    out += [("bottom", ln) for ln in reversed(by_top[-EDGE_LINES:]) if ln.y1 <= bottom_limit
            and all(ln is not o for _, o in out)]
    return out


def _key(zone: str, text: str) -> str:
    masked = _NUM_RE.sub("#", text.lower())
    tokens = masked.split()
    short = len(text) <= 24
    tokens = ["#" if (short or i in (0, len(tokens) - 1)) and _ROMAN_RE.match(t) else t
              for i, t in enumerate(tokens)]
    return zone + ":" + " ".join(tokens)


def _numbers(text: str) -> list[tuple[str, int]]:
    """Number tokens of a header line with their values (roman numerals only in short,
    page-number-like lines, or first or last on the line)."""
    out = []
    short = len(text) <= 24
    found = _TOKEN_RE.findall(text)
    for i, tok in enumerate(found):
        if tok.isdigit():
            out.append((tok, int(tok)))
        elif (short or i in (0, len(found) - 1)) and _ROMAN_RE.match(tok):
            value = roman_value(tok)
            if value is not None:
                out.append((tok, value))
    return out


def find_running_lines(pages: list[PageLayout]) -> Cleanup:
    """Mark running headers/footers as dropped and read printed page numbers from them."""
    result = Cleanup()
    with_text = [p for p in pages if p.paragraphs]
    needed = 2 if len(with_text) <= 5 else 3
    groups: dict[str, list[tuple[PageLayout, Line]]] = defaultdict(list)
    for page in with_text:
        seen: set[str] = set()
        for zone, line in _edge_lines(page):
            if len(line.text) > MAX_HEADER_CHARS:
                continue
            key = _key(zone, line.text)
            if key not in seen:
                seen.add(key)
                groups[key].append((page, line))
    for members in groups.values():
        lone_number = all(_PAGE_ONLY_RE.match(ln.text) for _, ln in members)
        if len(members) < needed and not lone_number:
            continue
        # A lone number on a page or two only counts when it is the page's position.
        if lone_number and len(members) < needed and len(with_text) > 1 and not all(
                _numbers(ln.text)[:1] and _numbers(ln.text)[0][1] == page.number
                for page, ln in members):
            continue
        for _, line in members:
            line.dropped = True
            result.dropped += 1
        for page_number, label in _page_field(members).items():
            result.printed.setdefault(page_number, label)
    for page in with_text:
        result.dropped += _drop_row_mates(page)
    return result


def _drop_row_mates(page: PageLayout) -> int:
    """In the margins, text on the same baseline as a dropped running header is part of
    it ("Chapter 2. Methods" at the right of the report title): drop it too."""
    lines = page.lines()
    dropped = [ln for ln in lines if ln.dropped]
    if not dropped:
        return 0
    count = 0
    for ln in lines:
        if ln.dropped or not ln.yruns:
            continue
        if not (ln.y0 >= page.height * (1 - MARGIN_ZONE) or ln.y1 <= page.height * MARGIN_ZONE):
            continue
        for d in dropped:
            h = min(ln.height, d.height)
            if h > 0 and min(ln.y1, d.y1) - max(ln.y0, d.y0) >= 0.7 * h:
                ln.dropped = True
                count += 1
                break
    return count


def _page_field(members: list[tuple[PageLayout, Line]]) -> dict[int, str]:
    """Page number -> printed label, from the number position that counts pages."""
    best: dict[int, str] = {}
    positions = max((len(_numbers(ln.text)) for _, ln in members), default=0)
    for pos in range(positions):
        offsets: Counter[int] = Counter()
        found = []
        for page, line in members:
            nums = _numbers(line.text)
            if pos < len(nums):
                tok, value = nums[pos]
                offsets[value - page.number] += 1
                found.append((page.number, tok, value))
        if not offsets:
            continue
        offset, count = offsets.most_common(1)[0]
        single = len(members) == 1 and _PAGE_ONLY_RE.match(members[0][1].text)
        if not single and (count < 2 or count < 0.6 * len(found)):
            continue
        labels = {n: tok for n, tok, v in found if v - n == offset}
        if len(labels) > len(best):
            best = labels
    return best


# -- hyphenation -------------------------------------------------------------------------
@dataclass
class Vocabulary:
    """Words and hyphenated words used in the document (lower case), not counting the
    fragments on either side of a line-end hyphen."""

    words: set[str] = field(default_factory=set)
    hyphenated: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, pages: list[PageLayout]) -> Vocabulary:
        vocab = cls()
        for page in pages:
            for para in page.paragraphs:
                after_hyphen = False
                for line in para.lines:
                    if line.dropped:
                        continue
                    found = _WORD_RE.findall(line.text)
                    ends = line_end_hyphen(line.text)
                    if after_hyphen and found:
                        found = found[1:]
                    if ends and found:
                        found = found[:-1]
                    for w in found:
                        w = w.lower()
                        if "-" in w:
                            vocab.hyphenated.add(w)
                            vocab.words.update(w.split("-"))
                        else:
                            vocab.words.add(w)
                    after_hyphen = ends
        return vocab


def line_end_hyphen(text: str) -> bool:
    return len(text) >= 2 and text[-1] in "-\u2010" and text[-2].isalpha()


def hyphen_join(first_line: str, second_line: str, vocab: Vocabulary) -> str:
    """How to join a line ending in a hyphen to the next: ``"join"`` (drop the hyphen),
    ``"keep"`` (keep it, no line break) or ``"break"`` (not a word hyphen: keep the line
    break)."""
    m1 = re.search(r"([^\W\d_]+)[-\u2010]$", first_line)
    m2 = re.match(r"[^\W\d_]+", second_line)
    if not m1 or not m2:
        return "break"
    first, second = m1.group(1), m2.group(0)
    if second[0].isupper():
        return "keep"
    low1, low2 = first.lower(), second.lower()
    joined, hyph = low1 + low2, f"{low1}-{low2}"
    if joined in vocab.words:
        return "join"
    if hyph in vocab.hyphenated or low1 in KEEP_PREFIXES:
        return "keep"
    if (len(low1) >= 3 and len(low2) >= 3 and low2 not in SUFFIXES
            and low1 in vocab.words and low2 in vocab.words):
        return "keep"
    return "join"
