"""Running heads and feet of a PDF, and the page numbers printed in them.

A running head (or foot) is a line at the same place near the top (bottom) edge of many
pages. It is taken out of the reading flow (the line is marked ``dropped``), and its text is
kept as the page's running text; the page number printed in it becomes the page's label.

Found per document, among the three lines nearest each edge (inside the margin zone):

* **the same words at the same place** on several pages (2 in a document of up to five
  pages, else 3), numbers masked: "Page 3 of 40", "Case: 17-2543 Document: 0031 Page: 3
  Date Filed: 06/12/2017", a short case name that differs from the title, heads that
  alternate between odd and even pages (each side is its own group);
* **a page number at the same place**: lines whose first or last number counts the pages
  ("7 weapons", "8 search incident to arrest": the words change, the number follows the
  page; years do not count), on at least three pages;
* **heads courts print on one page only**: "(Slip Opinion)", "Cite as: 569 U. S. ___",
  electronic docket headers, and the line under a Supreme Court head that names the
  opinion ("Opinion of the Court", "ALITO, J., dissenting"); the docket number or short
  case name at the top of the one later page of a two-page opinion, set apart from the
  text and printed on the first page too;
* a lone page number ("7", "- 7 -", "Page 7", "vii") at the edge;
* whatever sits on the same baseline as a dropped line in the margin (the page number at
  the right of a head).

A page whose top lines differ from every other page's and carry no page number keeps them:
nothing is dropped on a guess. Printed page numbers are read as runs of consecutive
numbers (a Supreme Court slip opinion restarts at 1 for each opinion); a page inside or
just before a run that prints no number gets the number the run gives it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from reader.extract import roman
from reader.extract.pdf_layout import MARGIN_ZONE, Line, PageLayout

EDGE_LINES = 3
MAX_HEADER_CHARS = 160
#: Lines of one group closer than this (points) to the group's usual height are "at the
#: same place".
SAME_PLACE = 4.0
_NUM_RE = re.compile(r"\d+")
_ROMAN_RE = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_PAGE_ONLY_RE = re.compile(
    r"^(?:[-–—\s]*(?:page|p\.|pg\.?)?\s*(?P<n>\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,5})?"
    r"[-–—\s]*)$", re.IGNORECASE)
#: Heads that name themselves (a court's or a docket system's), dropped even on one page.
_KNOWN_HEAD_RE = re.compile(
    r"^(?:\(Slip Opinion\)|Cite as:\s*\d+\s*U\.\s?S\.|"
    r"Case:?\s+\S+\s+Document:?\s+\S+.*Page:?\s*\d+|"
    r"Case\s+\d+:\d\d-[a-z]{2}-\d+\S*\s+Document\s+\S+.*Page\s+\d+)", re.IGNORECASE)
#: The line a Supreme Court slip opinion prints under its head, naming the opinion.
_OPINION_LINE_RE = re.compile(
    r"^(?:Opinion of the Court|Syllabus|Per Curiam|Opinion of [A-Z]+, J\.|"
    r"(?:[A-Z][A-Za-z'’.-]+,\s+(?:C\.\s*)?J\.|[A-Z][A-Za-z'’.-]+ and [A-Z].*JJ\.),\s+"
    r"(?:dissenting|concurring|concurring in (?:part|the judgment)).{0,60}|"
    r"Statement of [A-Z]+, J\..{0,40}|Appendix.{0,60})$")
_PAGE_WORD_RE = re.compile(r"^(?:page|p|pg)$", re.IGNORECASE)
#: The end of a citation ("(9th Cir. 2021).", "(2009);"): the last line of a footnote at
#: the foot of a page, never a running head, however often the pattern repeats.
_CITATION_END_RE = re.compile(r"\)[.,;:]$|\b\d+ (?:U\. ?S\.|F\.\d?d|S\. ?Ct\.|P\.\d?d)")


@dataclass
class Running:
    """What :func:`find_running_lines` decided; dropped lines are marked on the layouts."""

    printed: dict[int, str] = field(default_factory=dict)  # page number -> printed label
    texts: dict[int, str] = field(default_factory=dict)  # page number -> running text
    dropped: int = 0


@dataclass(frozen=True, eq=False)
class _Cand:
    page: PageLayout
    line: Line
    zone: str  # "top" | "bottom"
    rank: int  # 0: nearest the edge

    @property
    def y(self) -> float:
        return (self.line.y0 + self.line.y1) / 2


def roman_value(token: str) -> int | None:
    """A page number written in roman numerals (:mod:`reader.extract.roman`), or ``None``."""
    return roman.roman_value(token) or None


def _edge_lines(page: PageLayout) -> list[_Cand]:
    lines = [ln for ln in page.lines() if ln.yruns and not ln.dropped]
    if not lines:
        return []
    by_top = sorted(lines, key=lambda ln: -ln.y1)
    top_limit = page.height * (1 - MARGIN_ZONE)
    bottom_limit = page.height * MARGIN_ZONE
    out = [_Cand(page, ln, "top", k) for k, ln in enumerate(by_top[:EDGE_LINES])
           if ln.y0 >= top_limit]
    tops = {id(c.line) for c in out}
    out += [_Cand(page, ln, "bottom", k)
            for k, ln in enumerate(reversed(by_top[-EDGE_LINES:]))
            if ln.y1 <= bottom_limit and id(ln) not in tops]
    return [c for c in out if len(c.line.text) <= MAX_HEADER_CHARS
            and (not _CITATION_END_RE.search(c.line.text)
                 or _KNOWN_HEAD_RE.match(c.line.text))]


def _key(zone: str, text: str) -> str:
    masked = _NUM_RE.sub("#", text.lower())
    tokens = masked.split()
    short = len(text) <= 24
    tokens = ["#" if (short or i in (0, len(tokens) - 1)) and _ROMAN_RE.match(t) else t
              for i, t in enumerate(tokens)]
    return zone + ":" + " ".join(tokens)


def numbers(text: str) -> list[tuple[str, int, int]]:
    """Tokens of a head line that may be its page number: ``(token, value, priority)``.
    The number after the word "Page" has priority 2 ("Page 1 of 2" beats a fax header's
    "P.002/004"), one after "p." or "pg." or alone on its line 1, the first or last
    number of the line 0; roman numerals only first or last, or in a short line."""
    found = _TOKEN_RE.findall(text)
    short = len(text) <= 24
    lone = _PAGE_ONLY_RE.match(text) is not None
    out: list[tuple[str, int, int]] = []
    for i, tok in enumerate(found):
        edge = i in (0, len(found) - 1)
        prev = found[i - 1].lower() if i > 0 else ""
        prio = 2 if prev == "page" else 1 if prev in ("p", "pg") or lone else 0
        if tok.isdigit():
            if (edge or prio or short) and len(tok) <= 5:
                out.append((tok, int(tok), prio))
        elif (short or edge) and _ROMAN_RE.match(tok):
            value = roman_value(tok)
            if value is not None:
                out.append((tok, value, prio))
    return out


def _needed(pages: int) -> int:
    return 2 if pages <= 5 else 3


def _same_place(members: list[_Cand]) -> list[_Cand]:
    """The members at the group's usual height (one per page), and the same words, word
    for word, one line off it (a first page sets its head a little higher or lower)."""
    ys = sorted(c.y for c in members)
    mid = ys[len(ys) // 2]
    seen: set[int] = set()
    out = []
    for c in sorted(members, key=lambda c: abs(c.y - mid)):
        if abs(c.y - mid) <= SAME_PLACE and c.page.number not in seen:
            seen.add(c.page.number)
            out.append(c)
    texts = {c.line.text for c in out}
    for c in members:
        if (c.page.number not in seen and c.rank <= 1 and c.line.text in texts
                and abs(c.y - mid) <= 3 * SAME_PLACE):
            seen.add(c.page.number)
            out.append(c)
    return out


def _page_like(text: str) -> list[tuple[str, int, int]]:
    """The numbers of a line that may count pages when its words vary from page to page:
    not years (a citation's "(2002)" at the foot of a page is a note, not a page number)."""
    return [n for n in numbers(text) if not 1800 <= n[1] <= 2099 or n[2] > 0]


def _counts_pages(members: list[_Cand]) -> list[_Cand]:
    """Members whose edge number follows the page: the members that share the most common
    offset between printed and physical page, when most of them do."""
    offsets: dict[int, list[_Cand]] = defaultdict(list)
    for c in members:
        for v in {v for _, v, _ in _page_like(c.line.text)}:
            offsets[v - c.page.number].append(c)
    if not offsets:
        return []
    best = max(offsets.values(), key=len)
    pages = {c.page.number for c in members}
    return best if len(best) >= 0.6 * len(pages) else []


def find_running_lines(pages: list[PageLayout]) -> Running:
    """Mark running heads and feet as dropped; their texts and printed page numbers."""
    result = Running()
    with_text = [p for p in pages if p.paragraphs]
    needed = _needed(len(with_text))
    cands = [c for page in with_text for c in _edge_lines(page)]
    drop: dict[int, _Cand] = {}
    by_key: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        by_key[_key(c.zone, c.line.text)].append(c)
    for members in by_key.values():
        lone = all(_PAGE_ONLY_RE.match(c.line.text) for c in members)
        placed = members if lone else _same_place(members)
        if len({c.page.number for c in placed}) >= needed:
            drop.update((id(c.line), c) for c in placed)
        elif lone:  # a lone number on a page or two: only when it is the page's number
            for c in placed:
                nums = numbers(c.line.text)
                if len(with_text) == 1 or (nums and nums[0][1] == c.page.number):
                    drop[id(c.line)] = c
    for members in _by_place(cands):
        counted = _counts_pages([c for c in members if _page_like(c.line.text)])
        if len({c.page.number for c in counted}) >= max(3, needed):
            drop.update((id(c.line), c) for c in counted)
    for c in cands:
        if _KNOWN_HEAD_RE.match(c.line.text):
            drop[id(c.line)] = c
    _opinion_lines(cands, drop)
    _lone_heads(with_text, cands, drop)
    for c in drop.values():
        c.line.dropped = True
    result.dropped = len(drop)
    for page in with_text:
        result.dropped += _drop_row_mates(page)
        running = [ln for ln in sorted(page.lines(), key=lambda ln: -ln.y1) if ln.dropped]
        if running:
            result.texts[page.number] = " · ".join(ln.text for ln in running)
    result.printed = printed_numbers(with_text)
    return result


def _by_place(cands: list[_Cand]) -> list[list[_Cand]]:
    """Candidates clustered by zone and height."""
    out: list[list[_Cand]] = []
    for zone in ("top", "bottom"):
        group: list[_Cand] = []
        for c in sorted((c for c in cands if c.zone == zone), key=lambda c: c.y):
            if group and c.y - group[0].y > SAME_PLACE:
                out.append(group)
                group = []
            group.append(c)
        if group:
            out.append(group)
    return out


def _opinion_lines(cands: list[_Cand], drop: dict[int, _Cand]) -> None:
    """The line right under a dropped top head that names the opinion."""
    tops: dict[int, list[Line]] = defaultdict(list)
    for d in drop.values():
        if d.zone == "top":
            tops[id(d.page)].append(d.line)
    for c in cands:
        if c.zone != "top" or id(c.line) in drop or not _OPINION_LINE_RE.match(c.line.text):
            continue
        above = tops.get(id(c.page), [])
        if any(0 <= a.y0 - c.line.y1 <= 1.6 * max(a.height, c.line.height) for a in above):
            drop[id(c.line)] = c


#: A docket number or short case name, as a court prints it at the top of later pages.
_WORDS = r"[A-Z][\w.’'-]*(?: [\w.’'-]+){0,4}"
_CASE_HEAD_RE = re.compile(r"^(?:Nos?\.\s?\d[\w–-]*(?:,? (?:and )?\d[\w–-]*)*|"
                           + _WORDS + r" v\. " + _WORDS + ")$", re.IGNORECASE)


def _lone_heads(pages: list[PageLayout], cands: list[_Cand], drop: dict[int, _Cand]) -> None:
    """A head printed once, on the one page after the first (a two-page opinion): the
    line nearest the top, set apart from the text, that repeats the docket number or
    case name printed on the first pages."""
    if len(pages) < 2:
        return
    early = "\n".join(ln.text for page in pages[:2] for ln in page.lines())
    for c in cands:
        if c.zone != "top" or c.rank != 0 or id(c.line) in drop or c.page is pages[0]:
            continue
        text = c.line.text.strip()
        if len(text) > 60 or not _CASE_HEAD_RE.match(text):
            continue
        if any(d.page is c.page and d.zone == "top" for d in drop.values()):
            continue
        below = [ln.y1 for ln in c.page.lines() if ln.yruns and ln.y1 < c.line.y0 - 0.5]
        if below and c.line.y0 - max(below) < 1.2 * c.line.height:
            continue
        others = early if c.page not in pages[:2] else "\n".join(
            ln.text for page in pages[:3] if page is not c.page for ln in page.lines())
        if text in others:
            drop[id(c.line)] = c


def _drop_row_mates(page: PageLayout) -> int:
    """In the margins, text on the same baseline as a dropped running head is part of it
    ("Chapter 2. Methods" at the right of the report title): drop it too."""
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


# -- printed page numbers ----------------------------------------------------------------
def printed_numbers(pages: list[PageLayout]) -> dict[int, str]:
    """Page number -> the number printed in its dropped lines, read as runs (see the module
    docstring)."""
    cands: dict[int, list[tuple[str, int, int]]] = {}
    for page in pages:
        found: list[tuple[str, int, int]] = []
        for ln in page.lines():
            if ln.dropped:
                found += numbers(ln.text)
        if found:
            cands[page.number] = found

    def chain(p: int, v: int, limit: int = 4) -> int:
        """How many pages from ``p`` on print ``v``, ``v + 1`` … (at most ``limit``: runs
        are compared, never walked to their end, so long documents stay linear)."""
        n = 1
        while n < limit and any(w == v + n for _, w, _ in cands.get(p + n, ())):
            n += 1
        return n

    labels: dict[int, tuple[str, int, int]] = {}  # page -> (token, value, run id)
    offset: int | None = None
    prio = -1
    run = 0
    for p in sorted(cands):
        here = cands[p]
        cont = [c for c in here if offset is not None and c[1] == p + offset]
        best = max(here, key=lambda c: (min(chain(p, c[1]), 2), c[2], chain(p, c[1]),
                                        c[0].isdigit(), -c[1]))
        length = chain(p, best[1])
        starts_run = length >= 2 or best[2] > 0  # or a number on its own / after "Page"
        if cont and not (starts_run and best[2] > max(prio, cont[0][2])):
            labels[p] = (cont[0][0], cont[0][1], run)
            continue
        restart = best[1] == 1 and offset is not None
        if starts_run or (length == 1 and restart) or (len(pages) == 1 and len(here) == 1):
            run += 1
            offset, prio = best[1] - p, best[2]
            labels[p] = (best[0], best[1], run)
    return _fill(labels, {p.number for p in pages}, set(cands))


def _fill(labels: dict[int, tuple[str, int, int]], pages: set[int],
          with_numbers: set[int]) -> dict[int, str]:
    """Labels as printed (arabic numbers without leading zeros); pages that print no
    number, inside a run or just before its first page, get the run's number for them
    (arabic runs only)."""
    out = {p: str(v) if t.isdigit() else t for p, (t, v, _) in labels.items()}
    ordered = sorted(labels.items())
    for k, (p, (tok, v, run)) in enumerate(ordered):
        if not tok.isdigit():
            continue
        nxt = ordered[k + 1] if k + 1 < len(ordered) else None
        if nxt is not None and nxt[1][2] == run:
            for q in range(p + 1, nxt[0]):
                if q in pages and q not in with_numbers:
                    out[q] = str(v + q - p)
        first_of_run = k == 0 or ordered[k - 1][1][2] != run
        if first_of_run:
            q = p - 1
            while q in pages and q not in with_numbers and q not in out and v - (p - q) >= 1:
                out[q] = str(v - (p - q))
                q -= 1
    return out
